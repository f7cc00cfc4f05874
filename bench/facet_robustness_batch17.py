"""Held-out batch 17 of the robustness set (bench/facet_robustness_set.py): the user's stance
towards the agent's answer.

Written for the eighteenth pass of issue 14 (review decisions H-1 and M-1) BEFORE any rule of
that pass, and scored once with the code it started from: a user who rejects the answer (plainly,
or sarcastically) with no fix the user acknowledges afterwards must read NEGATIVE in Sentiment
and INCOMPLETE_ANSWER in Issues; a warm closing after a fix must read POSITIVE; a sarcastic
closing NEGATIVE (and, being a rejection, an incomplete answer). Controls: a rejection followed
by a fix the user thanks for (not NEGATIVE, not incomplete), a routine "thanks, bye" (NEUTRAL,
not incomplete), genuine praise with an exclamation (POSITIVE), a user quoting someone else's
complaint (not NEGATIVE), "not bad at all" and its kin (not NEGATIVE).

Domains batch 16 does not use: a tax-filing assistant, a car-rental desk, a university admissions
office, a smart-home device maker, a food-delivery app and a game's support bot. Registers: terse,
typos and text-speak, non-native English, long formal letters, emoji.

Unlike batches 4-16 the cases are whole conversations (the form lives in how the user's turn
relates to the agent's answer), each scored by the facets in WANTS. Measured at the start and at
the end of the pass; never used to train, tune a threshold or change a rule.
"""

from __future__ import annotations

# (question, agent answer that misses, the user's rejection, the agent's next turn: no fix)
_REJECTED = (
    (
        "How do I claim my home-office expenses on the return?",
        "You can claim a flat rate of $5 per square foot under the simplified method.",
        "that's not what I asked. I'm employed, not self-employed.",
        "The simplified method lets you claim up to 300 square feet.",
    ),
    (
        "Can I return the car at a different branch?",
        "Our branches are open 7am to 9pm every day.",
        "That doesn't answer my question at all.",
        "Is there anything else I can help you with today?",
    ),
    (
        "Does the scholarship deadline apply to transfer students?",
        "Scholarship applications close on 1 March.",
        "Sorry but this is not help, I asked about transfer students specificaly.",
        "Please see our scholarships page for more details.",
    ),
    (
        "My thermostat keeps dropping to 16 degrees at night.",
        "Check that the Wi-Fi signal is strong near the thermostat.",
        "wifi's fine. that's not it",
        "A strong Wi-Fi signal keeps the thermostat in sync with the app.",
    ),
    (
        "My order came without the drinks.",
        "You can rate your order in the app after delivery.",
        "I don't want to rate anything, that's useless to me, I want the drinks refunded",
        "Ratings help us improve our restaurant partners.",
    ),
    (
        "My character's progress reset after the patch.",
        "Try restarting the game and your console.",
        "restarted 3 times. still level 1. ur answer doesnt help",
        "Restarting clears temporary data and fixes most issues.",
    ),
    (
        "I received a penalty notice for late filing although I filed on time.",
        "Penalty notices are issued automatically when a return is late.",
        "With respect, your reply does not address my situation in any way. I filed on 28 "
        "January and hold the confirmation number. I should be grateful for an answer to the "
        "point.",
        "Late filing penalties start at $100.",
    ),
    (
        "The rental car has a warning light for the tyres.",
        "Tyre pressure lights can come on in cold weather.",
        "Is not cold, is 30 degrees here. This answer is not helping me.",
        "You can check the pressure at any petrol station.",
    ),
    (
        "The doorbell camera doesn't record at night.",
        "Make sure night vision is enabled in the camera settings.",
        "Night vision is on. Your answer is wrong, it records nothing after 10pm.",
        "Night vision uses infrared to see in the dark.",
    ),
    (
        "Can I defer my offer to next year?",
        "Congratulations on your offer! You can accept it in the applicant portal.",
        "That's not what I asked - I want to DEFER, not accept.",
        "Accepting your offer secures your place.",
    ),
    (
        "The driver left my food at the wrong building.",
        "Drivers follow the pin you set on the map.",
        "no help whatsoever. the pin was right.",
        "You can edit the pin before your next order.",
    ),
    (
        "I was charged twice for the season pass.",
        "The season pass unlocks 100 tiers of rewards.",
        "You're not listening, I was CHARGED TWICE.",
        "Each tier unlocks as you play matches.",
    ),
)

_REJECTED_SARCASTIC = (
    (
        "Where do I report crypto gains?",
        "Please see our FAQ at help.example.com/faq.",
        "great, another link to the FAQ. really moving things along.",
        "The FAQ covers the most common questions.",
    ),
    (
        "Why was I charged a cleaning fee?",
        "Cleaning fees apply when a car is returned dirty.",
        "Wow, so helpful. I returned it spotless.",
        "Our staff inspect every car on return.",
    ),
    (
        "When will I hear back about my application?",
        "Decisions are released on a rolling basis.",
        "Rolling basis. Thanks, that clears it all up.",
        "We appreciate your patience.",
    ),
    (
        "The smart plug turns off on its own.",
        "Have you tried turning it off and on again?",
        "oh brilliant, never would have thought of that 🙄",
        "Power cycling resolves many connection issues.",
    ),
    (
        "My pizza arrived cold.",
        "We're sorry to hear that! We hope your next order is perfect.",
        "Thanks, that warms my pizza right up.",
        "We value your feedback.",
    ),
    (
        "I can't join any multiplayer match, error 0x80.",
        "Make sure you're connected to the internet.",
        "Amazing advice. I'm literally chatting to you over the internet.",
        "A stable connection is required for multiplayer.",
    ),
    (
        "My refund for the overpaid tax has not arrived after twelve weeks.",
        "Refunds are usually issued within eight weeks.",
        "How very reassuring to be told what usually happens, when my case is evidently not usual.",
        "Thank you for your patience.",
    ),
    (
        "The GPS in the car speaks only German.",
        "You can change the language in the settings.",
        "Wow what a big help, like I did not think about settings. The settings are German also.",
        "The settings menu is under the gear icon.",
    ),
    (
        "Alexa wont connect to my lights",
        "Make sure both devices are switched on.",
        "gee thx genius, they r on",
        "Both devices must be powered on to pair.",
    ),
    (
        "I got banned for no reason.",
        "Please review our community guidelines.",
        "Oh yes, let me read the rules I didn't break. Super helpful.",
        "Our guidelines apply to all players.",
    ),
    (
        "Where is my order? It's been 90 minutes.",
        "Your order is on its way!",
        "Is it now. Fascinating. It's been 'on its way' for an hour.",
        "Delivery times may vary at busy periods.",
    ),
    (
        "Has my transcript been received?",
        "You can check your document status in the portal.",
        "Yes, the portal that says 'error' every time. Very helpful, cheers.",
        "The portal is updated daily.",
    ),
)

# (problem, the agent's fix, the user's warm closing)
_WARM_CLOSING = (
    (
        "The lights won't respond to the app.",
        "Re-pair them: hold the button for 5 seconds until they blink, then tap Add in the app.",
        "Brilliant, that sorted it, you're a star!",
    ),
    (
        "The e-file keeps rejecting my return with code IND-031.",
        "That code means last year's AGI doesn't match; enter 0 if you used free filing last year.",
        "Entered 0 and it went through!! Thank you so much, you saved my evening",
    ),
    (
        "I left my sunglasses in the rental car.",
        "The branch found them and will keep them at the desk for you.",
        "Oh that's wonderful news, thank you, really appreciate it!",
    ),
    (
        "My application says 'incomplete' but I sent everything.",
        "Your reference was filed under the wrong ID; I've moved it and the application is "
        "complete now.",
        "Thank u sooo much, such a relief, you're amazing",
    ),
    (
        "I was charged for a meal I cancelled.",
        "I've refunded the $24.50 to your card; it will show in 3-5 days.",
        "Legend. Thanks!",
    ),
    (
        "My skins disappeared after the update.",
        "I've restored your inventory from the backup; log out and back in.",
        "THEY'RE BACK!!! thank you thank you, best support ever",
    ),
    (
        "I write regarding the duplicate direct debit taken on 3 May.",
        "I have reversed the duplicate payment of £312; it will reach your account within two "
        "working days.",
        "Thank you for resolving this so promptly. I am most grateful for your help.",
    ),
    (
        "The smart lock not open with my phone.",
        "Please update the lock's firmware in the app: Device > Lock > Update.",
        "Now is working! Very very thank you, you are very kind.",
    ),
    (
        "cant log in to the game",
        "I've reset your two-factor login; sign in with your password and set it up again.",
        "in! cheers mate, lifesaver",
    ),
    (
        "My flight is delayed, will you hold the car?",
        "Yes, I've noted your new arrival time; the car will be held until 2am.",
        "Fantastic, that's a huge weight off my mind. Thanks a lot!",
    ),
    (
        "The restaurant ignored my son's nut allergy note.",
        "I've flagged it and they are remaking the order without nuts; it arrives in 25 minutes.",
        "Thank you, that's really kind of you, you've been great.",
    ),
    (
        "Can I still submit my portfolio? The upload failed at 11:58.",
        "Yes, I've reopened the upload for you until tomorrow noon.",
        "You're a lifesaver!! Uploaded. Thank you so much!",
    ),
)

# (problem, the agent's answer, the user's sarcastic last word)
_SARCASTIC_CLOSING = (
    (
        "The camera app won't log me in.",
        "Please try again later.",
        "Oh great, thanks a lot for nothing.",
    ),
    (
        "I can't log in since the patch.",
        "Our servers are working normally.",
        "Perfect. Just perfect. Still can't log in.",
    ),
    (
        "My refund status says 'under review' for 10 weeks.",
        "Reviews can take up to 16 weeks.",
        "Wonderful. Another six weeks. Thanks so much.",
    ),
    (
        "The car you gave me has a flat tyre.",
        "Roadside assistance is included with premium cover only.",
        "Lovely. Cheers for that, really. Guess I'll walk.",
    ),
    (
        "My groceries are missing the eggs and milk.",
        "Missing items are listed on your receipt.",
        "yeah thanks for the receipt, very tasty. bye",
    ),
    (
        "Has my visa letter been sent?",
        "Visa letters are sent once all conditions are met.",
        "Fab, so helpful as always. My flight is in 5 days.",
    ),
    (
        "I have written four times about the error in my assessment.",
        "Your correspondence has been received.",
        "Thank you ever so much for confirming receipt of my fourth letter; I shall treasure it.",
    ),
    (
        "The thermostat app shows offline all the time.",
        "Offline status means the device is not connected.",
        "Thank you very much for this big information, I never could know it. Bye.",
    ),
    (
        "order never came",
        "Your order was marked as delivered at 19:02.",
        "gr8 thx. very helpfull. not",
    ),
    (
        "I lost my ranked points because the server crashed.",
        "Ranked results are final.",
        "Love that for me. Thanks for the amazing support.",
    ),
    (
        "I'm still waiting for my deposit back.",
        "Deposits are released after the car is inspected.",
        "Oh how nice. It's been a month. Cheers then.",
    ),
    (
        "My doorbell stopped ringing inside the house.",
        "Make sure the chime is plugged in.",
        "Cool, thanks, super useful, it's hard-wired.",
    ),
)

# (question, answer that misses, the user's rejection, the agent's fix, the user's thanks)
_REJECTED_THEN_FIXED = (
    (
        "How do I amend last year's return?",
        "You can file this year's return from the dashboard.",
        "That's not what I asked, I need to fix LAST year's.",
        "Sorry - open Past returns > 2025 > Amend, change the figures and resubmit.",
        "Found it and resubmitted, thanks!",
    ),
    (
        "Can I add a second driver?",
        "Our cars come with unlimited mileage.",
        "that didnt help, second DRIVER",
        "Apologies: yes, add them under My booking > Drivers; it's $9 a day.",
        "ok added, thanks",
    ),
    (
        "Do you accept IB diplomas?",
        "We accept applications from around the world.",
        "This doesn't answer me. IB yes or no?",
        "Yes, we accept the IB diploma; our typical offer is 36 points.",
        "Great, that's what I needed, thank you.",
    ),
    (
        "The speaker keeps disconnecting.",
        "Check your Wi-Fi password.",
        "Password is fine, not the problem.",
        "Then switch the speaker to the 5 GHz band in Settings > Network.",
        "Switched to 5 GHz, no drops since. Thanks.",
    ),
    (
        "I got someone else's order.",
        "Please rate your order.",
        "No, that is useless, I want MY food.",
        "Sorry about that: I've refunded you in full and sent your order again, 20 minutes away.",
        "It arrived, thanks for sorting it.",
    ),
    (
        "Controller not detected on PC.",
        "Make sure your game is up to date.",
        "still nothing, that wasn't it",
        "Turn on 'Steam Input' for the game under Properties > Controller.",
        "That did it, it works now 👍",
    ),
    (
        "I request confirmation that my payment plan has been set up.",
        "Payment plans can be requested online.",
        "I am afraid that does not answer my request; I set it up in March.",
        "My apologies. Your plan is active: $200 on the 1st of each month until December.",
        "Thank you, that is the confirmation I needed.",
    ),
    (
        "Car have no key card inside.",
        "Our cars are cleaned between rentals.",
        "Is not help me. Where is KEY?",
        "Sorry! The key is in the lockbox by the bay; the code is 4471.",
        "Ok find it, thank you.",
    ),
    (
        "thermostat shows E5",
        "Make sure it's mounted level.",
        "not helpfull, its level",
        "E5 means the battery is low; replace the two AA batteries.",
        "new batterys, error gone. thx",
    ),
    (
        "I can't find where to upload my passport.",
        "You can upload documents in the portal.",
        "Yes but WHERE in the portal, that's not helping",
        "Go to My application > Documents > Identity, then tap Upload.",
        "Got it uploaded, appreciate it.",
    ),
)

# (question, answer) for the closings below
_ANSWERED = (
    ("When is the filing deadline this year?", "The deadline is 15 April."),
    ("Is a child seat included with the car?", "Child seats are $7 a day; I've added one."),
    ("When do applications for September open?", "They open on 1 October."),
    ("Does the thermostat work with Google Home?", "Yes, link it under Settings > Assistants."),
    ("Can I schedule an order for tomorrow lunch?", "Yes, tap 'Schedule' at checkout."),
    ("Is the new map in ranked already?", "Yes, it joined the ranked pool today."),
    ("Can I pay my tax bill in instalments?", "Yes, set up a plan under Payments > Plans."),
    ("Do you rent electric cars?", "Yes, at most city branches; filter by 'Electric'."),
    ("Do I need a personal statement for the master's?", "Yes, 500 words, uploaded with the form."),
    ("Does the doorbell need a subscription?", "No, live view is free; recordings need a plan."),
)
_ROUTINE_CLOSING = (
    "thanks, bye",
    "Ok thank you. Goodbye.",
    "thx",
    "Alright, thanks, that's all.",
    "Cheers, ta-ra.",
    "Thank you, I will do it tomorrow.",
    "ok. bye",
    "Many thanks, kind regards.",
    "Thanks for the info, have a good one.",
    "Merci, bye.",
)
_GENUINE_PRAISE = (
    "This app is amazing!",
    "Wow, you guys are fantastic!",
    "Best delivery app ever!",
    "The new schedule feature is brilliant!",
    "Love this game so much!",
    "What a great service, honestly!",
    "Your admissions team has been incredible!",
    "Such a smooth rental, loved it!",
    "Super easy, great job!",
    "You made this so simple, thank you!",
)
_NOT_BAD = (
    "Not bad at all!",
    "not too shabby",
    "Can't complain, that was quick.",
    "No complaints here, worked first time.",
    "That wasn't so hard after all.",
    "Not bad, not bad at all.",
    "Honestly not a bad experience.",
    "No problems at all, thanks.",
    "Nothing to complain about, cheers.",
    "I have to say, not too bad for a bot.",
)
# (question quoting someone else's complaint, the agent's answer, the user's closing)
_QUOTED = (
    (
        "My dad keeps calling the thermostat 'useless junk'. How do I set a schedule so he stops "
        "fiddling with it?",
        "Open Schedule in the app, add the times, and lock the dial under Settings > Lock.",
        "ok, will do",
    ),
    (
        "A review I read said 'worst rental company ever, never again' - is the insurance claim "
        "really that hard?",
        "No, you file a claim online with photos; most are settled within ten days.",
        "Good to know.",
    ),
    (
        "My roommate says 'the app is rubbish, it never works' but I've never had an issue. Can "
        "I add him to my account?",
        "Yes, invite him under Account > Household.",
        "ok thanks",
    ),
    (
        "One of our students wrote 'the admissions portal is a joke' on a forum. Is there a "
        "guide I can send them?",
        "Yes, the applicant guide is at admissions.example.edu/guide.",
        "Thank you.",
    ),
    (
        "My son told me 'this game is a total waste of money' - can he get a refund within 14 "
        "days?",
        "Yes, purchases can be refunded within 14 days if played under 2 hours.",
        "Ok, I'll tell him.",
    ),
    (
        "The customer ahead of me was shouting 'you people are incompetent'. Anyway, is my car "
        "ready?",
        "Yes, your car is ready in bay 4.",
        "thanks",
    ),
    (
        "A colleague complained that 'nothing ever arrives on time' with you, so I'm asking: "
        "what's the latest I can order for a 7pm delivery?",
        "Order by 6:15pm for a 7pm slot.",
        "Noted.",
    ),
    (
        "My accountant said the old software was 'a nightmare, completely broken'. Does yours "
        "import from it?",
        "Yes, we import its files under Import > Other software.",
        "Okay.",
    ),
    (
        "On Reddit people say 'support never answers'. Just checking: what's your support email?",
        "It's support@example.com; we reply within a day.",
        "ok",
    ),
    (
        "My wife says 'I give up on this doorbell' every time it asks for the password. Can we "
        "turn on face unlock?",
        "Yes, turn on Face ID under Settings > Security.",
        "Alright, thanks.",
    ),
)


def _conv(*texts: str) -> tuple[tuple[str, str], ...]:
    roles = ("user", "assistant")
    return tuple((roles[i % 2], t) for i, t in enumerate(texts))


HELDOUT17: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "answer_rejected": tuple(_conv(*c) for c in _REJECTED),
    "answer_rejected_sarcastic": tuple(_conv(*c) for c in _REJECTED_SARCASTIC),
    "warm_closing": tuple(_conv(*c) for c in _WARM_CLOSING),
    "sarcastic_closing": tuple(_conv(*c) for c in _SARCASTIC_CLOSING),
    "rejected_then_fixed": tuple(_conv(*c) for c in _REJECTED_THEN_FIXED),
    "routine_closing": tuple(
        _conv(q, a, r) for (q, a), r in zip(_ANSWERED, _ROUTINE_CLOSING, strict=True)
    ),
    "genuine_praise": tuple(
        _conv(q, a, r) for (q, a), r in zip(_ANSWERED, _GENUINE_PRAISE, strict=True)
    ),
    "quoted_complaint": tuple(_conv(*c) for c in _QUOTED),
    "not_bad": tuple(_conv(q, a, r) for (q, a), r in zip(_ANSWERED, _NOT_BAD, strict=True)),
}
# what each form must read, per facet (the wants of facet_robustness_set.hit)
WANTS17: dict[str, tuple[tuple[str, str], ...]] = {
    "answer_rejected": (("Sentiment", "NEGATIVE"), ("Issues", "INCOMPLETE_ANSWER")),
    "answer_rejected_sarcastic": (("Sentiment", "NEGATIVE"), ("Issues", "INCOMPLETE_ANSWER")),
    "warm_closing": (("Sentiment", "POSITIVE"), ("Issues", "not INCOMPLETE")),
    "sarcastic_closing": (("Sentiment", "NEGATIVE"), ("Issues", "INCOMPLETE_ANSWER")),
    "rejected_then_fixed": (("Sentiment", "not NEGATIVE"), ("Issues", "not INCOMPLETE")),
    "routine_closing": (("Sentiment", "NEUTRAL"), ("Issues", "not INCOMPLETE")),
    "genuine_praise": (("Sentiment", "POSITIVE"),),
    "quoted_complaint": (("Sentiment", "not NEGATIVE"), ("Issues", "not INCOMPLETE")),
    "not_bad": (("Sentiment", "not NEGATIVE"),),
}
