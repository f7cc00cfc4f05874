"""Held-out batch 8 of the robustness set (bench/facet_robustness_set.py).

Written for the seventh pass of issue 14 (general features for the weak forms: cancel talk, an
apology after a tool call, single-turn sarcasm, a request repeated across turns; the facet stage's
memory) BEFORE any change of that pass, and without running anything on it: every failure form of
the issue (Sentiment and Issues), ten or more phrasings each, in domains batches 1-7 do not use (a
marina's boat berths, a driving school, a tailoring and alterations shop, skip hire and waste
collection, a museum's membership desk, a 3D-printing bureau, a hot-air balloon ride operator, a
tattoo studio). Registers vary: texting shorthand, formal complaints, non-native English (word
order, missing articles, literal translations), ALL CAPS, emoji, typos, understatement, run-on
sentences, hedged and conditional phrasing. Polite closings must stay NEUTRAL; positive messages
that borrow words of frustration must not read NEGATIVE (or MIXED). Tool failures come in formats
the earlier batches do not print (Windows event text, Terraform, Kafka, GraphQL, .NET, Perl, Go
modules, S3, SMTP, LDAP, ...).

As in batch 7, three groups read the conversation rather than one turn:
- IN_CONTEXT: multi-turn conversations whose last user turn is the form only given what came
  before (a request asked again in other words after an answer that did not take it up; a reply
  to the agent's instruction saying it changed nothing; praise words after the agent failed);
- BACKSTORY: conversations whose FIRST user turn says "still ..." or "again" as backstory (no
  agent answer yet to have failed), answered and closed calmly: not NEGATIVE.

Measured once, at the end of the pass; never used to train, tune a threshold or change a rule.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS8 = (
    (
        "Is there a berth free for a 9-metre sailboat at the marina in April?",
        "Yes, pontoon C has two 10-metre berths free from 1 April at €14 a night.",
    ),
    (
        "How many lessons does a beginner usually need before the driving test?",
        "Most beginners take 30 to 40 hours with an instructor before their test.",
    ),
    (
        "Can you take in the waist of a pair of wool trousers by 3 cm?",
        "Taking in a waist is £18 and ready in four working days.",
    ),
    (
        "I need a 6-yard skip on my driveway for a kitchen renovation next week.",
        "A 6-yard skip is £260 for up to 14 days, delivered on the day you pick.",
    ),
    (
        "What does a family membership at the museum include?",
        "Family membership covers two adults and up to four children, plus free exhibitions.",
    ),
    (
        "Can you print a replacement bracket in PETG if I send you an STL file?",
        "Yes, PETG prints start at $12; upload the STL and we quote within a day.",
    ),
    (
        "We booked a sunrise balloon flight for two. What should we wear?",
        "Wear layers and flat closed shoes; it's cold at launch and warmer aloft.",
    ),
    (
        "How much is a palm-sized black-and-grey tattoo on the forearm?",
        "A palm-sized black-and-grey piece is usually $250-$350, one session.",
    ),
)

HELDOUT8_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "Reset the shore power breaker like you told me, pontoon still dead",
        "I followed every step of the rescheduling link and my lesson is still showing Tuesday "
        "instead of Thursday, so that has not fixed anything at all.",
        "The hem you redid last week is coming undone again exactly the same way.",
        "moved the car off the drive as u said, the lorry STILL couldnt drop the skip",
        "Reinstalled the museum app per your advice, membership card still is not appearing.",
        "Your suggested slicer setting changed nothing, the bracket warps just as before.",
        "The weather hotline number you gave me just rings out, no help whatsoever.",
        "Put the cream on 3 times a day like the aftercare sheet says and the redness hasnt "
        "gone down one bit",
        "Sadly your workaround did not do anything, the invoice shows the old amount.",
        "tried it ur way. no difference. same error on checkout",
    ),
    "repeated_request": (
        "Once again, berth C-12 please, not C-21.",
        "I already told you, the test is on the 14th, I need lesson before that.",
        "How many times must I write it — the trousers are for a wedding on Saturday!!",
        "I'm repeating myself here: the skip is for 123 Mill Lane, not Mill Road.",
        "As mentioned in my very first message, we are a family of five.",
        "AGAIN: I SENT THE STL YESTERDAY, PLEASE CHECK IT",
        "for the 4th time, what time do we meet at the launch field",
        "Same question as before, and still no answer: can I bring my own design?",
        "I write this already two times, my booking is under name Kowalski.",
        "Look back at what I said at the start, the flight was for two people, not three.",
    ),
    "ask_human": (
        "Can I have a word with the harbour master directly?",
        "pls get a real instructor to phone me, this is too complicated for chat",
        "I'd like to book a fitting with an actual tailor to discuss this in person.",
        "Is there a person in your office who can sort this out with me on the phone?",
        "GET ME SOMEONE FROM YOUR DEPOT",
        "Would it be possible to talk with a member of the membership team?",
        "Kindly have an engineer from the print shop contact me.",
        "I want to speak to the pilot or the booking manager, not a bot.",
        "Could the artist herself call me back today? 🙏",
        "Is anybody human working there today, I need to explain something complicated.",
    ),
    "sarcasm": (
        "Oh brilliant, the marina lost my booking and gave my berth to a yacht. Lovely.",
        "Great news, my instructor didn't turn up for the third week running 🙃",
        "Perfect, the trousers now fit my dog. Thanks for that.",
        "Fantastic service, the skip arrived on my neighbour's car.",
        "Love paying £90 a year for a membership card that never arrives.",
        "Wow, it only took you 5 weeks to print a 4 cm bracket. Impressive.",
        "Super, flight cancelled again, third time is the charm I guess",
        "Thanks a million for spelling my daughter's name wrong on my arm. Really.",
        "what a delight, being on hold 50 min to hear 'please call back later'",
        "Good job, you managed to charge me twice for one lesson 👏",
    ),
    "giving_up": (
        "Forget the berth, we'll moor somewhere up the coast.",
        "I'm done trying to book lessons through this, I'll find an independent instructor.",
        "never mind, my aunt can shorten the sleeves",
        "Whatever. I'll drive the rubbish to the tip myself.",
        "I think I stop here, the museum is not worth this trouble.",
        "Leave it. I'll print it at the library.",
        "not gonna bother rebooking, we'll do something else for the anniversary",
        "This has taken long enough, I'll let another studio finish the sleeve.",
        "OK, I give up on getting a refund.",
        "No sense continuing this chat, I'll sort it on my own.",
    ),
    "agent_complaint": (
        "You keep giving me the tide tables, I asked about the berth price.",
        "this assistant is no use at all",
        "Are you even reading my messages? I said manual, not automatic.",
        "Your replies are copy-paste, none of them is about my jacket.",
        "YOU DONT UNDERSTAND WHAT I AM ASKING",
        "The answers I get from you are vague and frankly wrong.",
        "Honestly this bot is more confusing than your website.",
        "You told me the opposite ten minutes ago.",
        "I've had more useful conversations with my answering machine.",
        "the chat keeps ignoring my questions and sending me links",
    ),
    "cancel_talk": (
        "Cancel my berth contract, I'm selling the boat.",
        "I'm seriously considering dropping the lesson package and going elsewhere.",
        "Please stop my monthly membership, I won't be renewing.",
        "If the skip isn't collected by Friday I'm cancelling the whole order.",
        "I want to close my account and get my deposit back.",
        "We will not be using your print bureau any more after this.",
        "pls cancel our balloon booking and refund the voucher",
        "Thinking of moving to a different studio for the rest of my sleeve tbh",
        "Terminate the alterations order, I'll collect the suit unfinished.",
        "Going to end my subscription at the end of this month.",
    ),
}

# Politeness is not satisfaction: each of these closings must leave the conversation NEUTRAL.
HELDOUT8_POLITE = (
    "ty",
    "Thanks for the information. Regards, Tomasz",
    "ok noted, thank u",
    "Cheers, talk soon.",
    "THANK YOU",
    "Many thanks, I will come back to you if needed.",
    "Alright, appreciated 👍",
    "Thank you for your time, goodbye.",
    "Ok thank you, I let you know tomorrow.",
    "Thanks. I'll wait for the confirmation then.",
)

# Positive messages that borrow the words of frustration: none may be read NEGATIVE (or MIXED).
HELDOUT8_POSITIVE = (
    "Not a single problem with the berth all season, thank you.",
    "I was so nervous and still passed first time, best instructor ever!",
    "The suit fits like it was made for me. No complaints at all.",
    "Didn't think a skip could be delivered that fast, brilliant.",
    "Finally saw the exhibition, it was worth every penny 😍",
    "Printed again with your settings and it's flawless now, thank you!",
    "We still talk about the flight every day, what an experience.",
    "Honestly couldn't be happier with the tattoo, you nailed it.",
    "nothing to complain about, top service",
    "I'll say it again: amazing job on the jacket.",
)

HELDOUT8_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "BerthOccupiedError: berth C-12 is occupied until 2027-04-10",
        "System.InvalidOperationException: Sequence contains no elements",
        "LessonSlotConflict: instructor 4 already has a lesson at 14:00",
        "botocore.exceptions.NoCredentialsError: Unable to locate credentials",
        "ValueError: invalid literal for int() with base 10: 'XL'",
        "org.hibernate.StaleObjectStateException: Row was updated or deleted by another "
        "transaction",
        "MembershipExpired: card M-55821 expired on 2026-10-31",
        "ldap3.core.exceptions.LDAPBindError: automatic bind not successful - invalidCredentials",
        "KafkaTimeoutError: Failed to update metadata after 60.0 secs.",
        "ZeroDivisionError: division by zero",
    ),
    "traceback": (
        'Traceback (most recent call last):\n  File "/srv/marina/berths.py", line 88, in '
        "assign\n    berth = free[0]\nIndexError: list index out of range",
        "Unhandled exception. System.NullReferenceException: Object reference not set to an "
        "instance of an object.\n   at Lessons.Api.Book() in /src/Lessons/Api.cs:line 52",
        "goroutine 1 [running]:\nmain.quote(0x0)\n\t/srv/print/quote.go:41 +0x1d\nexit status 2",
        'Can\'t locate object method "new" via package "Skip::Order" at /opt/skip/order.pl '
        "line 17.",
        "java.util.ConcurrentModificationException\n\tat java.util.ArrayList$Itr.next("
        "ArrayList.java:1042)\n\tat museum.Members.renew(Members.java:77)",
        "Error: ENOENT: no such file or directory, open '/uploads/bracket.stl'\n    at "
        "Object.openSync (node:fs:601:3)",
        "Fatal error: Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in "
        "/var/www/tattoo/book.php:12",
        'Traceback (most recent call last):\n  File "flights.py", line 9, in <module>\n'
        "    forecast = api.get()\nrequests.exceptions.ReadTimeout: read timed out",
        "terminate called after throwing an instance of 'std::out_of_range'\n  what():  "
        "vector::_M_range_check",
        "thread 'worker' panicked at src/measure.rs:12:5:\nassertion failed: waist > 0",
    ),
    "http_status_line": (
        "HTTP/1.1 502 Bad Gateway",
        "Upstream answered 503, retry later",
        "DELETE /api/berths/C-12 returned 409 Conflict",
        "Error 500 Internal Server Error from lessons.example",
        "403 Forbidden: you don't have permission to access /members/export",
        "Response status: 404 (Not Found) for /orders/skip/8812",
        "the payment gateway replied with HTTP 402 Payment Required",
        "HTTP/2 429 too many requests",
        "status=500 path=/v1/quotes method=POST",
        "Server returned HTTP response code: 401 for URL: https://tattoo.example/api/slots",
    ),
    "json_status": (
        '{"status": 500, "error": "berth service unavailable"}',
        '{"data": null, "errors": [{"message": "Lesson not found", "extensions": {"code": '
        '"NOT_FOUND", "status": 404}}]}',
        '{"order": {"id": "A-77", "fitting": {"status": "error", "msg": "no tailor"}}}',
        '{"result": "fail", "http_code": 503, "service": "skip-dispatch"}',
        '{"member": "M-55821", "renewal": {"statusCode": 402}}',
        '{"job": "stl-9", "state": "FAILED", "reason": "non-manifold mesh"}',
        '{"flight": {"id": 31, "booking": {"code": 409, "message": "slot full"}}}',
        '{"ok": false, "status": 401, "message": "session expired"}',
        '{"statusCode": 504, "body": "Gateway Timeout"}',
        '{"response": {"http": {"status": 500}}, "items": []}',
    ),
    "error_prefix": (
        "error: berth assignment rejected",
        "Error - could not send lesson reminder SMS",
        "Failed to save measurements for order A-77",
        "terraform: Error: creating S3 Bucket (skip-photos): BucketAlreadyExists",
        "ERROR: membership renewal aborted",
        "Unable to slice model: mesh has 34 holes",
        "could not reach forecast service",
        "[ERR] booking calendar write failed",
        "smtp error: 550 mailbox unavailable",
        "E: deposit capture declined by bank",
    ),
    "apology_after_tool": (
        "Sorry, I couldn't move your berth booking — the system wouldn't let me.",
        "I apologise, there was a problem while rebooking your lesson.",
        "Hmm, that didn't go through. I'm sorry, the fitting isn't booked yet.",
        "Unfortunately the dispatch system is down, so I couldn't schedule the skip.",
        "My apologies, your membership renewal failed on our end.",
        "So sorry — the quote tool errored out before I got a price for the bracket.",
        "I'm afraid something went wrong and the flight change wasn't saved.",
        "Apologies!! the booking calendar glitched and your slot is not reserved",
        "I wasn't able to apply the discount, the request came back with an error. Sorry.",
        "Regrettably I could not update the measurements, the service timed out.",
    ),
}

# The user asks for a person; the agent ignores it or deflects, neither handing over nor saying
# why it cannot.
HELDOUT8_UNMET: tuple[tuple[str, str], ...] = (
    (
        "Can I have a word with the harbour master directly?",
        "Pontoon C has water and electricity at every berth.",
    ),
    (
        "pls get a real instructor to phone me",
        "Did you know you can track your lesson hours in the app?",
    ),
    (
        "I'd like to talk this through with an actual tailor.",
        "Our alterations are guaranteed for 30 days.",
    ),
    (
        "Is there a person in your office who can call me?",
        "Skips must not be filled above the rim.",
    ),
    (
        "GET ME SOMEONE FROM YOUR DEPOT",
        "Sure thing! What size skip are you interested in?",
    ),
    (
        "Would it be possible to talk with a member of the membership team?",
        "Members get 10% off in the museum shop!",
    ),
    (
        "Kindly have an engineer from the print shop contact me.",
        "We print in PLA, PETG, ABS and resin.",
    ),
    (
        "I want to speak to the booking manager, not a bot.",
        "I totally get it. Let me ask a few questions first.",
    ),
    (
        "Could the artist herself call me back today?",
        "Our studio is open Tuesday to Saturday, 11am to 7pm.",
    ),
    (
        "Is anybody human working there today?",
        "Flights depend on wind speed at launch time.",
    ),
    (
        "I need to speak with your complaints department please.",
        "Thanks for your feedback! Is there anything else I can help with?",
    ),
    (
        "Put a supervisor on this chat, please.",
        "You can change your booking under My Flights at any time.",
    ),
)

# Multi-turn conversations; the last user turn is the form given what came before it.
HELDOUT8_IN_CONTEXT: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "repeated_request": (
        (
            ("user", "Is there a pump-out station at the marina?"),
            ("assistant", "The marina has a chandlery and a café on the east quay."),
            ("user", "I need to know if I can empty my holding tank there."),
        ),
        (
            ("user", "Can I take my lessons in an automatic car?"),
            ("assistant", "Lessons are 60 or 90 minutes long."),
            ("user", "do you have automatic cars for lessons or only manual?"),
        ),
        (
            ("user", "Can you shorten a wedding dress with a lace hem?"),
            ("assistant", "We also make bespoke suits to measure."),
            ("user", "So can the lace hem on my wedding dress be shortened or not?"),
        ),
        (
            ("user", "Can I put an old mattress in the skip?"),
            ("assistant", "Skips can stay on your drive for up to 14 days."),
            ("user", "Are mattresses allowed in the skip?"),
        ),
        (
            ("user", "Is the museum café open to non-members?"),
            ("assistant", "Membership starts at £65 a year."),
            ("user", "I'm asking whether people without membership can use the café."),
        ),
        (
            ("user", "What's the biggest part you can print in one piece?"),
            ("assistant", "We offer twelve colours of PLA."),
            ("user", "what is the max size for one single print"),
        ),
        (
            ("user", "Is there a weight limit for passengers on the balloon?"),
            ("assistant", "Flights last about an hour in the air."),
            ("user", "Can a passenger over 120 kg fly, is there a maximum weight?"),
        ),
        (
            ("user", "Do you do cover-ups of old tattoos?"),
            ("assistant", "Our artists specialise in fine line and realism."),
            ("user", "can you cover an old tattoo i don't like anymore?"),
        ),
    ),
    "didnt_help": (
        (
            ("user", "The power socket on my berth doesn't work."),
            ("assistant", "Press the green reset button on the pedestal, then plug in again."),
            ("user", "Pressed it, nothing, the light stays off."),
        ),
        (
            ("user", "I can't log in to the lesson booking app."),
            ("assistant", "Use the 'forgot password' link to set a new password."),
            ("user", "new password set, still says invalid login"),
        ),
        (
            ("user", "The jacket sleeves you shortened are uneven."),
            ("assistant", "Bring it in and we'll press it again; pressing often evens them out."),
            ("user", "You pressed them on Monday and the left one is still a centimetre longer."),
        ),
        (
            ("user", "Your driver couldn't find my house for the skip."),
            ("assistant", "I've added 'blue gate behind the church' to the delivery note."),
            ("user", "Driver came again today, went past the church and left again."),
        ),
        (
            ("user", "My digital membership card won't load."),
            ("assistant", "Update the app to the latest version from the store."),
            ("user", "Updated. Blank screen where the card should be."),
        ),
        (
            ("user", "The print came out with stringing everywhere."),
            ("assistant", "We've reprinted it at a lower temperature; it ships today."),
            ("user", "Got the reprint, just as stringy as the first one"),
        ),
        (
            ("user", "I can't find my flight voucher code."),
            ("assistant", "It's in the confirmation email; search your inbox for 'voucher'."),
            ("user", "Searched inbox and spam, there is nothing with voucher in it."),
        ),
        (
            ("user", "My new tattoo is peeling a lot."),
            ("assistant", "Keep it moisturised with a thin layer twice a day."),
            ("user", "Been doing that since Monday, it's flaking worse than ever"),
        ),
    ),
    "sarcasm": (
        (
            ("user", "Has my boat been lifted out for the winter?"),
            ("assistant", "Sorry, the crane broke down and your lift-out has been postponed."),
            ("user", "Splendid. Exactly what I hoped to hear."),
        ),
        (
            ("user", "Is my driving test still booked for Monday?"),
            ("assistant", "Unfortunately the test centre cancelled all Monday tests."),
            ("user", "Great stuff, cheers."),
        ),
        (
            ("user", "Is my suit ready for pickup?"),
            ("assistant", "I'm sorry, the suit was sent to another branch by mistake."),
            ("user", "lovely, thank you so much"),
        ),
        (
            ("user", "When will my skip be collected?"),
            ("assistant", "Apologies, the collection was missed and the next slot is in 10 days."),
            ("user", "Oh perfect, I'll just enjoy it on my drive then."),
        ),
        (
            ("user", "Did my membership renew?"),
            ("assistant", "I'm afraid the renewal failed and your card is now inactive."),
            ("user", "Wonderful. Really wonderful."),
        ),
        (
            ("user", "Has the bracket shipped?"),
            ("assistant", "Sorry, the print failed overnight and we have to start again."),
            ("user", "Awesome, top work 👍"),
        ),
        (
            ("user", "Is our flight on tomorrow?"),
            ("assistant", "Unfortunately we couldn't confirm it, the booking wasn't saved."),
            ("user", "Amazing, thanks for nothing I suppose"),
        ),
        (
            ("user", "Did the artist get my reference photos?"),
            ("assistant", "I'm sorry, your photos were not received; the upload failed."),
            ("user", "Nice one. Very professional."),
        ),
    ),
}

# First user turns that say "still" / "again" as backstory, answered and closed calmly: not
# NEGATIVE (nothing the agent said has failed yet).
HELDOUT8_BACKSTORY: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "Our boat is still on the trailer, can we launch it from your slipway?"),
        ("assistant", "Yes, the slipway is open 7am to 7pm; launching is €25."),
        ("user", "ok thank you"),
    ),
    (
        ("user", "I still have 5 lessons left from my package, do they expire?"),
        ("assistant", "No, lessons in a package are valid for two years."),
        ("user", "Good to know, thanks."),
    ),
    (
        ("user", "The trousers still fit in the waist, can you just shorten them?"),
        ("assistant", "Of course, a simple hem is £12."),
        ("user", "Great, see you Saturday."),
    ),
    (
        ("user", "We're renovating again this spring. Do you do 8-yard skips?"),
        ("assistant", "Yes, an 8-yard skip is £310 for 14 days."),
        ("user", "Thanks, noted."),
    ),
    (
        ("user", "I still have last year's membership card, can I renew with the same number?"),
        ("assistant", "Yes, renewals keep your membership number."),
        ("user", "Perfect, thanks."),
    ),
    (
        ("user", "I'd like the same bracket printed again, can you reuse my old file?"),
        ("assistant", "Yes, we keep files for a year; I've queued the reprint."),
        ("user", "Thank you, bye."),
    ),
)
