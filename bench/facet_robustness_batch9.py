"""Held-out batch 9 of the robustness set (bench/facet_robustness_set.py).

Written for the eighth pass of issue 14 (the weak forms by general features: "that didn't help",
asking for a human, unmet escalation, a request repeated across turns; "again" after a success)
BEFORE any change of that pass, and without running anything on it: every failure form of the
issue (Sentiment and Issues), ten or more phrasings each, in domains batches 1-8 do not use (a
windscreen repair service, a scuba diving centre, an escape room venue, a chimney sweep and
stove fitter, a custom cake bakery, a musical-instrument rental shop, a wine subscription club,
an optician). Registers vary: texting shorthand, formal letters, non-native English (word
order, missing articles, literal translations), ALL CAPS, emoji, typos, understatement, hedges.
Polite closings must stay NEUTRAL; positive messages that borrow words of frustration ("again",
"still", "same") must not read NEGATIVE (or MIXED). Tool failures come in formats the earlier
batches do not print (Windows, Ansible, Redis, MongoDB, Celery, Spring, Swift, Elasticsearch,
...).

As in batches 7 and 8, groups that read the conversation rather than one turn:
- IN_CONTEXT: multi-turn conversations whose last user turn is the form only given what came
  before (a request asked again in other words after an answer that did not take it up; a reply
  to the agent's instruction or fix saying it changed nothing; praise words after the agent
  failed);
- BACKSTORY: conversations whose FIRST user turn says "still ..." or "again" as backstory (no
  agent answer yet to have failed), answered and closed calmly: not NEGATIVE.
New in this batch, calm controls:
- UNMET_CTX: longer conversations where the user asks for a person and no later agent turn hands
  over or says why not (an unmet escalation by the agent's later turns);
- MET: asks for a person that the agent answers properly (hands over, or says why not and what
  instead): never an unmet escalation;
- CALM: ordinary questions that use the words of the weak forms ("still", "same", "again", "a
  person", "the manager", "a real one") without any frustration: not NEGATIVE.

Measured once, at the end of the pass; never used to train, tune a threshold or change a rule.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS9 = (
    (
        "There's a small chip in my windscreen from a stone. Can it be repaired?",
        "Chips smaller than a £1 coin can usually be repaired in about 30 minutes.",
    ),
    (
        "Do I need a certificate to go on a guided reef dive with you?",
        "For guided reef dives you need Open Water certification or a discover-scuba session.",
    ),
    (
        "How many players can do the pirate escape room at once?",
        "The pirate room takes 3 to 6 players and lasts 60 minutes.",
    ),
    (
        "When should I get the chimney swept before winter?",
        "Once a year, ideally in late summer before you start lighting the stove.",
    ),
    (
        "Can you make a three-tier wedding cake without nuts?",
        "Yes, all our tiers can be made nut-free; a three-tier cake starts at €320.",
    ),
    (
        "What does it cost to rent a 3/4 size cello for a term?",
        "A 3/4 cello is $45 a month, with the bow and a soft case included.",
    ),
    (
        "Can I pause my wine club box for December?",
        "Yes, you can skip any month up to five days before it ships.",
    ),
    (
        "How long does it take to make varifocal glasses?",
        "Varifocals take 7 to 10 working days after your eye test.",
    ),
)

HELDOUT9_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "I did what you said and the crack is still spreading from the repair.",
        "Rinsed the regulator like you suggested, free-flow continues exactly the same.",
        "The hint button you told me about does nothing, we're still stuck in room 2.",
        "after ur sweep the stove STILL smokes into the room",
        "That's not what I asked. I wanted to know if the sponge can be gluten-free.",
        "Tightened the pegs as per your message, the A string keeps going flat like before.",
        "Changed my delivery day in the app like you explained, but no change - box coming "
        "Tuesday again.",
        "Your advice did not work, glasses are still blurry when I read.",
        "Same error on the payment page after I cleared cookies, nothing different.",
        "I have make the steps you wrote me but is not helping, still the same problem",
    ),
    "repeated_request": (
        "Again, the car is a 2019 Octavia estate, not a hatchback.",
        "I said it at the beginning: two divers, not three.",
        "Please read my first message, the booking is for Saturday 8pm.",
        "I'm asking for the third time now - do you sweep wood burners or only open fires?",
        "Like I wrote before, NO NUTS in any tier!!",
        "you asked me this already, its the half size violin",
        "Repeating it once more: deliver to the office address, not home.",
        "How often must I say it, my prescription is from March.",
        "I told you twice, the name on the cake is Zofia with a z",
        "Still waiting for an answer to my original question about the damage deposit.",
    ),
    "ask_human": (
        "Can I speak to one of your technicians, please?",
        "i want a real person not a chatbot",
        "Please transfer me to a customer service representative.",
        "Is it possible to have a dive instructor call me about my ear problem?",
        "Let me talk to the manager of the Leeds venue.",
        "I would prefer discussing this with a human being, if possible.",
        "put me through to someone at the bakery who can decide this",
        "Can a live agent take over this chat?",
        "I need a supervisor. Now.",
        "Could somebody from your shop ring me back? I can explain it better by voice.",
    ),
    "sarcasm": (
        "Wonderful, the repair made the chip twice as big. Thanks a lot.",
        "Oh great, a dive trip where the boat never left the harbour. Money well spent.",
        "Fantastic puzzle design, the lock was broken so nobody could finish 🙄",
        "Brilliant, my living room is now covered in soot. Top job.",
        "Love it when my daughter's birthday cake says 'Happy Retirement'.",
        "Nice, the cello arrived with a crack down the front. Great quality control.",
        "Cheers for the corked bottle, exactly what I wanted for my anniversary.",
        "Super helpful, new glasses and now I see double 👍",
        "Amazing how you can lose a booking I paid for in advance. Well done.",
        "Excellent customer care, three emails and not one reply.",
    ),
    "giving_up": (
        "Forget it, I'll get the windscreen done at the dealer.",
        "I'm not going to chase this any further.",
        "nvm we'll find another escape room",
        "Never mind, I'll clean the flue myself this year.",
        "OK whatever, I'll buy a cake at the supermarket.",
        "I give up trying to get the rental extended through here.",
        "Not worth my time anymore, just leave it.",
        "Too much hassle, I'll stop bothering you.",
        "I think better I just go to other optician.",
        "Let's just drop it, I'll sort the box out some other way.",
    ),
    "agent_complaint": (
        "You are not answering my question at all.",
        "this bot is useless, it repeats the FAQ",
        "Why do you keep asking for my reg number, I gave it twice.",
        "Your answers make no sense to me.",
        "You clearly haven't read what I wrote about the ear infection.",
        "The chat just sends me in circles.",
        "Stop giving me generic replies and answer properly.",
        "you misunderstand everything I say",
        "Honestly, talking to you is pointless.",
        "That is the wrong information, you mixed up my order with someone else's.",
    ),
    "cancel_talk": (
        "Please cancel my windscreen appointment, I'm going with another company.",
        "I want to cancel my dive course and get a refund.",
        "We won't be coming back to your escape rooms after tonight.",
        "Cancel the annual sweep contract, we're switching to a local firm.",
        "I'm going to order my cakes somewhere else from now on.",
        "End the rental now, I'll return the cello this week.",
        "Please unsubscribe me from the wine club, I'm done.",
        "I am thinking seriously about leaving your opticians for good.",
        "Close my account and delete my card, I'm not using this anymore.",
        "If the frames are not fixed I will cancel the whole order.",
    ),
}

# Politeness is not satisfaction: each of these closings must leave the conversation NEUTRAL.
HELDOUT9_POLITE = (
    "Thanks again, bye.",
    "ok thx",
    "Thank you kindly. Best regards, Ingrid",
    "Noted with thanks.",
    "THANKS, BYE",
    "Okay. Thank you for answering.",
    "Thank you very much for the informations.",
    "alright cheers 🙂",
    "Thanks, I'll think about it and come back.",
    "Understood, thank you. Have a good evening.",
)

# Positive messages that borrow the words of frustration: none may be read NEGATIVE (or MIXED).
HELDOUT9_POSITIVE = (
    "The wipers work again after the repair, thank you so much!",
    "Still buzzing from the wreck dive, best day of the holiday.",
    "We got out with 30 seconds left, the same adrenaline as last time. Loved it!",
    "Stove draws perfectly again, no smoke at all. Thanks!",
    "The cake was exactly the same as the picture, everyone loved it.",
    "Thanks again for the quick swap, the new cello sounds wonderful.",
    "Nothing went wrong this time, the box arrived on the right day. Great!",
    "I can finally read again without squinting, thank you!",
    "No problem at all with the booking, thank you again.",
    "Never had such a smooth repair, well done.",
)

HELDOUT9_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "GlassNotInStock: part 43R-001583 not available at depot",
        "redis.exceptions.ConnectionError: Error 111 connecting to cache:6379. Connection refused.",
        "RoomLockedException: room 'pirate' is locked by another session",
        "pymongo.errors.DuplicateKeyError: E11000 duplicate key error collection: bookings",
        "celery.exceptions.SoftTimeLimitExceeded: SoftTimeLimitExceeded()",
        "TypeError: Cannot read properties of undefined (reading 'tiers')",
        "InstrumentUnavailable: cello C-34 is rented until 2026-12-20",
        "org.springframework.dao.DataIntegrityViolationException: could not execute statement",
        "PrescriptionExpiredError: prescription from 2024-03-02 is older than 2 years",
        "KeyError: 'shipping_day'",
    ),
    "traceback": (
        'Traceback (most recent call last):\n  File "/app/quotes.py", line 31, in price\n'
        "    return GLASS[model]\nKeyError: 'octavia-estate-2019'",
        'Exception in thread "main" java.lang.NullPointerException\n\tat dive.Roster.add('
        "Roster.java:23)\n\tat dive.Main.main(Main.java:8)",
        "Fatal error: Unexpectedly found nil while unwrapping an Optional value\nFile: "
        "Booking.swift, line 44",
        "   at System.Data.SqlClient.SqlConnection.OnError(SqlException exception)\n   at "
        "Sweeps.Scheduler.Book(Int32 id) in C:\\src\\Scheduler.cs:line 19",
        'Traceback (most recent call last):\n  File "orders.py", line 120, in <module>\n'
        "    main()\nAttributeError: 'NoneType' object has no attribute 'flavour'",
        "panic: runtime error: index out of range [3] with length 3\n\ngoroutine 7 [running]:\n"
        "main.assign(...)\n\t/srv/rental/assign.go:58",
        "Uncaught (in promise) RangeError: Maximum call stack size exceeded\n    at "
        "renderBox (box.js:210:15)",
        'fatal: [glasses-api]: FAILED! => {"changed": false, "msg": "Service is in unknown state"}',
        "ActiveRecord::RecordNotFound (Couldn't find Order with 'id'=9912):\n  "
        "app/controllers/orders_controller.rb:14:in `show'",
        'File "/srv/club/billing.py", line 77, in charge\n    raise PaymentFailed(code)\n'
        "billing.PaymentFailed: card_declined",
    ),
    "http_status_line": (
        "HTTP/1.1 500 Internal Server Error",
        "Got 504 from the glass supplier API after 30s",
        "PUT /dives/1182/roster -> 422 Unprocessable Entity",
        "request failed with status code 503",
        "HTTP Error 404: Not Found (GET /rooms/pirate/slots)",
        "The server responded 401 Unauthorized",
        "POST https://api.cakes.example/orders 400 (Bad Request)",
        '[2026-11-30 10:02:11] "GET /rentals/C-34 HTTP/1.1" 500 1234',
        "http status 429: slow down",
        "Remote returned 502 Bad Gateway while fetching lens stock",
    ),
    "json_status": (
        '{"status": 503, "detail": "quote engine offline"}',
        '{"booking": {"status": "failed", "error_code": 409}}',
        '{"errors": [{"status": "500", "title": "Internal Server Error"}]}',
        '{"code": 404, "message": "chimney job not found"}',
        '{"order": 7781, "result": {"http_status": 502}}',
        '{"success": false, "status": 422, "errors": {"date": ["is in the past"]}}',
        '{"rental": {"state": "error", "reason": "instrument damaged"}}',
        '{"status": "ERROR", "httpStatus": 500, "path": "/club/boxes"}',
        '{"meta": {"status": 401}, "data": []}',
        '{"response_code": 504, "upstream": "lens-lab"}',
    ),
    "error_prefix": (
        "error: no technician available for postcode",
        "ERROR booking not saved",
        "Failed to assign dive buddy: roster full",
        "failed to send the room code by SMS",
        "Error: sweep slot could not be reserved",
        "Could not create cake order - flavour list empty",
        "FAILED: rental extension not applied",
        "unable to charge card ending 4242",
        "[error] box shipping date update rejected",
        "Cannot load prescription record (timeout)",
    ),
    "apology_after_tool": (
        "Sorry, I wasn't able to book the repair slot — the system returned an error.",
        "I'm afraid the dive booking didn't go through on our side.",
        "Apologies, something went wrong while I was reserving the room.",
        "Unfortunately the scheduling tool is not responding, so your sweep isn't booked yet.",
        "Sorry about that, the order failed to save. I'll need to try again.",
        "I tried to extend your rental but it errored out, my apologies.",
        "Oh no, I couldn't update your box, the club system seems to be down. Sorry!",
        "My apologies, I couldn't retrieve your prescription because of a technical problem.",
        "Sorry! The change didn't save, there was a glitch on our end.",
        "Regrettably, the refund could not be processed due to a server error.",
    ),
}

# The user asks for a person; the agent ignores it or deflects, neither handing over nor saying
# why it cannot.
HELDOUT9_UNMET: tuple[tuple[str, str], ...] = (
    (
        "Can I speak to one of your technicians, please?",
        "Most chips can be repaired without replacing the whole windscreen.",
    ),
    (
        "i want a real person not a chatbot",
        "Our dive centre is open every day from 7am.",
    ),
    (
        "Please transfer me to a customer service representative.",
        "I can help with bookings, hints and gift vouchers. What would you like to do?",
    ),
    (
        "Let me talk to the manager of the Leeds venue.",
        "The Leeds venue has four rooms, including our new haunted library.",
    ),
    (
        "I would prefer discussing this with a human being.",
        "Sure! Our stoves are serviced by HETAS-registered fitters.",
    ),
    (
        "put me through to someone at the bakery",
        "Did you know we also do cupcakes and cake pops?",
    ),
    (
        "Can a live agent take over this chat?",
        "I understand. Could you tell me which instrument you are renting?",
    ),
    (
        "I need a supervisor. Now.",
        "Your next wine box ships on the 3rd.",
    ),
    (
        "Could somebody from your shop ring me back?",
        "You can book an eye test online in under two minutes.",
    ),
    (
        "is there a real one I can talk to? not the bot",
        "Windscreen replacements usually take about 90 minutes.",
    ),
    (
        "Connect me with your customer care team please",
        "Thanks for reaching out! How can I help you today?",
    ),
    (
        "I'd like to escalate this to a member of staff.",
        "Escape rooms are suitable for ages 12 and up.",
    ),
)

# Longer conversations: the user asks for a person, and none of the agent's later turns hands
# over or says why not (every case must read as an unmet escalation).
HELDOUT9_UNMET_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "The repair left a mark in my line of sight."),
        ("assistant", "I'm sorry to hear that. Could you send a photo of the mark?"),
        ("user", "I'd rather speak to a person about this."),
        ("assistant", "Photos help us assess the repair. You can attach one here."),
        ("user", "ok"),
        ("assistant", "Thanks! Anything else I can help with?"),
    ),
    (
        ("user", "My dive was cancelled and I want the money back."),
        ("assistant", "Cancelled dives are refunded or moved to another date."),
        ("user", "Can you transfer me to an agent?"),
        ("assistant", "Would you prefer a refund or a new date?"),
    ),
    (
        ("user", "We were overcharged for the room last night."),
        ("assistant", "Could you give me the booking reference?"),
        ("user", "ER-5521. And I want to talk to the manager."),
        ("assistant", "Thanks. Booking ER-5521 was for 5 players at £25 each."),
        ("user", "Right, so who can I speak to?"),
        ("assistant", "The total for that booking was £125."),
    ),
    (
        ("user", "The fitter damaged my hearth tiles."),
        ("assistant", "I'm sorry. Our fitters are fully insured."),
        ("user", "Get me a human please"),
        ("assistant", "Insurance claims usually take 10 working days."),
    ),
    (
        ("user", "The cake for tomorrow has the wrong date on it."),
        ("assistant", "We can pipe a new message; which date should it say?"),
        ("user", "Honestly I need someone from the kitchen to call me."),
        ("assistant", "Understood. Please confirm the correct date and name."),
        ("user", "12 June, Maja."),
        ("assistant", "Great, noted: 12 June, Maja."),
    ),
    (
        ("user", "The viola I rented has a buzzing string."),
        ("assistant", "Buzzing often comes from a loose fine tuner; try tightening it."),
        ("user", "Can I speak with a repair person at the shop instead?"),
        ("assistant", "Fine tuners can be tightened by hand, no tools needed."),
    ),
    (
        ("user", "I was charged for a box I skipped."),
        ("assistant", "Let me check. When did you skip it?"),
        ("user", "Last week. Please let me talk to a representative."),
        ("assistant", "Skips made less than five days before shipping can't be applied."),
        ("user", "I still want to talk to somebody."),
        ("assistant", "Is there anything else I can help you with today?"),
    ),
    (
        ("user", "My new lenses give me headaches."),
        ("assistant", "It can take up to two weeks to adapt to new lenses."),
        ("user", "I want an optometrist to look at this, not an FAQ."),
        ("assistant", "Adaptation is faster if you wear them all day."),
    ),
)

# Asks for a person answered properly (a handover, or why not and what instead): never unmet.
HELDOUT9_MET: tuple[tuple[str, str], ...] = (
    (
        "Can I speak to one of your technicians?",
        "Of course, I'm transferring you to a technician now; please hold.",
    ),
    (
        "i want a real person",
        "I've passed your chat to our dive team; someone will reply here within 10 minutes.",
    ),
    (
        "Let me talk to the manager please.",
        "I can't connect you to the manager from this chat, but you can reach her on "
        "0161 555 0199 from 10am.",
    ),
    (
        "Is there a human I can talk to?",
        "Yes - I've opened a ticket and a member of staff will call you back today.",
    ),
    (
        "Transfer me to an agent.",
        "Connecting you with an agent now. Estimated wait: 3 minutes.",
    ),
    (
        "Could someone from the bakery ring me?",
        "Our staff aren't available by phone on Sundays, so I've asked the bakery team to "
        "call you first thing Monday.",
    ),
    (
        "I need a supervisor.",
        "I'm escalating this to my supervisor now; they'll join this conversation shortly.",
    ),
    (
        "Can I talk to an optician?",
        "Our opticians only see patients in store, so I can't put you through, but I can book "
        "you a 15-minute consultation. Shall I?",
    ),
)

# Ordinary questions that use the words of the weak forms: none may be read NEGATIVE (or MIXED).
HELDOUT9_CALM = (
    "Is the same price valid if I book the repair again next year?",
    "Do I still need a medical form if I dived last month?",
    "Can we play the same room again with different friends?",
    "Does a person need to be home while you sweep the chimney?",
    "Will the manager sign off on a custom design, or can you decide?",
    "Is a real cello better than a silent one for a beginner?",
    "If I skip a box, does the next one still ship on the 3rd?",
    "Can someone else pick up my glasses for me?",
    "Could you send me the same wine as in October again?",
    "Who do I talk to about becoming a stockist?",
)

# Multi-turn conversations; the last user turn is the form given what came before it.
HELDOUT9_IN_CONTEXT: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "repeated_request": (
        (
            ("user", "Do you repair windscreens on site or only at your garage?"),
            ("assistant", "Our repairs use a resin that cures in 20 minutes."),
            ("user", "ok but can you come to my house to do it?"),
        ),
        (
            ("user", "What is the minimum age for the reef dive?"),
            ("assistant", "The reef dive goes to 18 metres."),
            ("user", "how old must my son be to join the reef dive"),
        ),
        (
            ("user", "Is the escape room wheelchair accessible?"),
            ("assistant", "We have free parking behind the building."),
            ("user", "Can someone in a wheelchair get into the room or not?"),
        ),
        (
            ("user", "Do you sweep gas fires too?"),
            ("assistant", "A standard sweep takes about an hour."),
            ("user", "I asked whether you also service gas fires."),
        ),
        (
            ("user", "Can the cake be delivered to the venue?"),
            ("assistant", "Our cakes are baked fresh two days before."),
            ("user", "So will you bring the cake to the wedding venue?"),
        ),
        (
            ("user", "Is insurance included in the cello rental?"),
            ("assistant", "You can buy the cello later; 50% of the rent counts."),
            ("user", "Is the cello covered if it gets damaged while I rent it?"),
        ),
        (
            ("user", "Can I choose only red wines in my box?"),
            ("assistant", "Each box has six bottles from small producers."),
            ("user", "again - is a reds-only box possible?"),
        ),
        (
            ("user", "Do you accept NHS vouchers for glasses?"),
            ("assistant", "Our frames start at £39."),
            ("user", "Can I pay for my glasses with an NHS voucher?"),
        ),
    ),
    "didnt_help": (
        (
            ("user", "The repaired chip still shows a little star."),
            (
                "assistant",
                "Clean the glass with isopropyl alcohol; residue often looks like a mark.",
            ),
            ("user", "Cleaned it, the star is there like before."),
        ),
        (
            ("user", "My dive computer won't pair with your app."),
            ("assistant", "Turn Bluetooth off and on, then open Pair Device again."),
            ("user", "did that twice, still not pairing"),
        ),
        (
            ("user", "The room code you emailed doesn't open the door."),
            ("assistant", "I've re-sent the code; it's valid from 6:45pm."),
            ("user", "Got the new one, same thing, the keypad just beeps red."),
        ),
        (
            ("user", "The stove glass goes black in one evening."),
            ("assistant", "Open the air wash vent fully while the fire is burning."),
            ("user", "Vent fully open all evening and the glass is black again this morning."),
        ),
        (
            ("user", "The cake order form won't accept my date."),
            ("assistant", "Use the format DD/MM/YYYY in the date box."),
            ("user", "Typed 14/06/2026, it still says invalid date."),
        ),
        (
            ("user", "The cello's bridge keeps leaning forward."),
            ("assistant", "We've adjusted the bridge; please collect it today."),
            ("user", "Picked it up, two days later it is leaning again exactly like before."),
        ),
        (
            ("user", "I was billed twice for November."),
            ("assistant", "I've refunded the duplicate charge; allow 3-5 days."),
            ("user", "It's been a week and there is no refund on my statement, nothing."),
        ),
        (
            ("user", "The left lens is blurry."),
            ("assistant", "Please come in and we'll re-check the lens centring."),
            ("user", "They re-checked it yesterday, no change, still blurry"),
        ),
    ),
    "sarcasm": (
        (
            ("user", "Is my windscreen replacement on for Friday?"),
            ("assistant", "Sorry, the glass didn't arrive and we have to move you to next week."),
            ("user", "Marvellous. Just marvellous."),
        ),
        (
            ("user", "Did my dive deposit go through?"),
            ("assistant", "Unfortunately the payment failed and your place was released."),
            ("user", "Perfect, love that for me."),
        ),
        (
            ("user", "Are we booked for the haunted library tonight?"),
            ("assistant", "I'm sorry, the booking didn't save and the room is now full."),
            ("user", "Cool cool cool. Great system."),
        ),
        (
            ("user", "Is the sweep coming tomorrow?"),
            ("assistant", "Apologies, the sweep is ill and we can't send anyone this week."),
            ("user", "Fabulous, thanks so much."),
        ),
        (
            ("user", "Is the birthday cake ready?"),
            ("assistant", "I'm afraid it was made with the wrong flavour."),
            ("user", "Excellent. Brilliant work, honestly."),
        ),
        (
            ("user", "Can I extend the violin rental?"),
            (
                "assistant",
                "Sorry, the extension didn't go through and the violin is due back today.",
            ),
            ("user", "Great, so helpful 🙂"),
        ),
        (
            ("user", "Has my wine box shipped?"),
            ("assistant", "Unfortunately it was sent to your old address."),
            ("user", "Outstanding. Really top-notch service."),
        ),
        (
            ("user", "Are my glasses ready?"),
            ("assistant", "Sorry, the lab made the lenses to the wrong prescription."),
            ("user", "Oh wonderful, thank you very much for that."),
        ),
    ),
}

# First user turns that say "still" / "again" as backstory, answered and closed calmly: not
# NEGATIVE (nothing the agent said has failed yet).
HELDOUT9_BACKSTORY: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "The chip is still tiny, is it worth repairing now?"),
        ("assistant", "Yes, small chips are the easiest to repair and stop cracks spreading."),
        ("user", "ok, thanks"),
    ),
    (
        ("user", "I'd like to dive the wreck again this year, when does the season start?"),
        ("assistant", "Wreck dives run from May to October."),
        ("user", "Great, thank you."),
    ),
    (
        ("user", "We still have a gift voucher from last Christmas, is it valid?"),
        ("assistant", "Vouchers are valid for 24 months, so yes."),
        ("user", "Lovely, thanks."),
    ),
    (
        ("user", "The stove is still under warranty, do I pay for the service?"),
        ("assistant", "Annual services are not covered by the warranty; it's £85."),
        ("user", "Understood, thanks."),
    ),
    (
        ("user", "Same cake as last year please, can you find my old order?"),
        ("assistant", "Found it: lemon sponge with elderflower, two tiers."),
        ("user", "That's the one, thank you."),
    ),
    (
        ("user", "My daughter is still growing, can we swap to a bigger violin later?"),
        ("assistant", "Yes, size swaps are free during the rental."),
        ("user", "Perfect, thanks!"),
    ),
)
