"""Held-out batch 5 of the robustness set (bench/facet_robustness_set.py).

Written for the fourth pass of issue 14 BEFORE any rule of that pass changed, and without running
the rules on it: every failure form of the issue (Sentiment and Issues), ten or more phrasings
each, in domains batches 1-4 do not use (veterinary clinics, removals, e-scooter sharing, photo
printing, a language-learning app, wedding venues, parking garages, a plant nursery's mail order).
Two more forms guard against false alarms: polite closings must stay NEUTRAL, and positive
messages that borrow words of frustration ("the exact same result", "I'll repeat myself") must not
be read NEGATIVE. Tool failures come in the formats real tools print: gRPC statuses, GraphQL
`errors` arrays, Go / Java / Rust / Node / Ruby / PHP errors, HTTP status lines of several styles,
status codes nested deep in JSON. Measured once, at the end of the pass; never used to change a
rule, a prototype or a threshold.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS5 = (
    (
        "Can I bring my cat in for her vaccinations on Saturday?",
        "Saturday mornings are open for vaccinations; the first free slot is 9:40.",
    ),
    (
        "We're moving from a two-bed flat on the 14th. What does a van with two movers cost?",
        "A van with two movers is £340 for up to six hours, insurance included.",
    ),
    (
        "The scooter I parked last night still shows my ride as active.",
        "I can see ride R-2291 ended at 23:14; the app may need a refresh.",
    ),
    (
        "I ordered 40 prints in 10x15 yesterday. When will they ship?",
        "Print orders ship within two working days; yours is in the queue.",
    ),
    (
        "My Spanish lessons stopped syncing between my phone and tablet.",
        "Progress syncs when both devices are signed in with the same account.",
    ),
    (
        "Is the Old Mill venue free on the 12th of June next year?",
        "The 12th of June is still open for both the ceremony and the evening reception.",
    ),
    (
        "How do I add a second car to my monthly parking permit?",
        "You can add up to two plates under Permit → Vehicles.",
    ),
    (
        "My order of three olive trees hasn't been dispatched yet.",
        "Large plants are dispatched on Tuesdays; yours is due out tomorrow.",
    ),
)

HELDOUT5_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "Cleared the app cache like you suggested and the scooter still won't unlock.",
        "Rebooted the kiosk twice; the photos still print blank.",
        "Your workaround made no difference, the lesson still freezes at 80%.",
        "I followed every step and I'm right back where I started.",
        "Still being charged for parking even after I re-added the plate.",
        "Nah, the reset didn't fix anything.",
        "That advice got me nowhere, the vet portal still shows no appointments.",
        "Tried the other browser. Exact same blank screen.",
        "The link you sent just loops me back to the login page.",
        "Did all three steps, zero improvement.",
    ),
    "repeated_request": (
        "For the fourth time: the move is on the 12th, not the 21st.",
        "I gave you my booking reference at the very start of this chat.",
        "Please go back and read what I typed earlier, the order is #7731.",
        "I've typed out my dog's name three times now.",
        "Again: matte, not gloss.",
        "As I've mentioned twice already, the car is on level 3.",
        "I keep giving you the venue date and you keep ignoring it.",
        "Not sure how else to put this, I've said it several times: my streak reset.",
        "Same request as an hour ago, refund the second ride charge.",
        "It's all in my earlier messages, the plate number hasn't changed.",
    ),
    "ask_human": (
        "Can you get somebody from the clinic's front desk to ring me?",
        "I need to speak with an actual removals coordinator, not a chatbot.",
        "Is anyone from the events team available to take over?",
        "Pass me on to a real member of staff, please.",
        "I'd prefer a phone call with one of your people.",
        "Who do I talk to if I want a human to review this fine?",
        "Bring in someone senior, this needs a person.",
        "Can a human being look at my order instead of you?",
        "Please route this to the garden centre manager.",
        "I want a callback from a live person.",
    ),
    "sarcasm": (
        "Oh splendid, the scooter locked itself mid-ride. Love that.",
        "Terrific, my prints arrived with someone else's name on them. Top marks.",
        "Yeah, superb planning, the venue double-booked our wedding date.",
        "Oh marvellous, another automated reply.",
        "Great stuff, the app forgot my 200-day streak. Really motivating.",
        "How lovely, a parking fine for a spot I paid for.",
        "Nice one, the seedlings arrived dead. Fantastic packaging.",
        "Sure, I'll just wait another month for a vet slot, no problem at all.",
        "Ah yes, because 'try again later' is such a useful answer.",
        "Well done, you've managed to lose the booking twice.",
    ),
    "giving_up": (
        "Right, I'll find another vet myself.",
        "Forget the refund, it's not worth the hassle.",
        "I'm out, I'll book a different removals firm.",
        "No point continuing this chat.",
        "Eh, never mind, I'll just walk.",
        "Let it go, I'll reprint them somewhere else.",
        "I'll stop here, this isn't getting anywhere.",
        "You know what, skip it. I'll pay the fine.",
        "Done trying. I'll sort out the plant order on my own.",
        "Guess I'll just live without the streak then.",
    ),
    "agent_complaint": (
        "You're not answering what I actually asked.",
        "These replies sound like a script.",
        "Do you even understand what a matte finish is?",
        "You've mixed up my booking with someone else's again.",
        "That's the third irrelevant answer you've given me.",
        "Your bot keeps sending me the same useless link.",
        "Stop pasting help articles at me.",
        "You clearly didn't look at my account at all.",
        "Every answer you give contradicts the last one.",
        "This is the least helpful chat I've ever had.",
    ),
    "cancel_talk": (
        "Please close my language app subscription today.",
        "We'll be booking a different venue for the wedding.",
        "After this I'm moving my parking to the council car park.",
        "Take my card off file, I'm leaving.",
        "I won't be renewing my pet health plan in March.",
        "We're switching removals companies for the second leg of the move.",
        "Unsubscribe me from the plant club, I've had enough.",
        "I want to terminate the scooter pass and get the balance back.",
        "This is the last order I'll ever place with you.",
        "Looking at other print shops now.",
    ),
}
# Politeness is not satisfaction: each of these closings must leave the conversation NEUTRAL.
HELDOUT5_POLITE = (
    "Okay, thanks for explaining, bye.",
    "Understood, thank you.",
    "Alright, have a good one.",
    "Thanks, I'll keep an eye on my inbox.",
    "Cool, thanks, that's all from me.",
    "Okay. Thanks. Goodbye.",
    "Noted, cheers.",
    "Thanks for checking, bye now.",
    "Right, I'll wait for the email then. Thanks.",
    "Okay, talk later, thank you.",
)
# Positive messages that borrow the words of frustration: none may be read NEGATIVE (or MIXED).
HELDOUT5_POSITIVE = (
    "Great, that's the exact same result I wanted. Thank you!",
    "I'll repeat myself: fantastic job.",
    "Same vet as last time, perfect, exactly who I hoped for.",
    "No complaints at all, the move went without a hitch.",
    "Couldn't have asked for better, thanks so much.",
    "I was about to give up on this, but it finally works. Brilliant!",
    "Not a single problem with the prints this time, love them.",
    "Can't fault it, the venue booking is confirmed. Thanks!",
    "Once again, you've saved my day. Thank you!",
    "Didn't think it could be fixed so fast. Really impressed.",
)

HELDOUT5_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "rpc error: code = PermissionDenied desc = caller lacks vet.appointments.write",
        "io.grpc.StatusRuntimeException: UNAVAILABLE: io exception",
        "java.util.concurrent.TimeoutException: booking-service did not answer within 5000 ms",
        'Error [ERR_INVALID_ARG_TYPE]: The "plate" argument must be of type string. '
        "Received undefined",
        "dial tcp 10.4.0.12:5432: connect: connection refused",
        "context deadline exceeded",
        'Err(reqwest::Error { kind: Request, url: "https://api.scoot.example/unlock", '
        "source: TimedOut })",
        "OverCapacityException: venue 'Old Mill' already booked on 2027-06-12",
        "StripeCardError: Your card was declined.",
        "java.net.UnknownHostException: prints-api.internal",
    ),
    "traceback": (
        'Traceback (most recent call last):\n  File "/srv/vet/slots.py", line 40, in free_slots\n'
        "    return cal[day]\nIndexError: list index out of range",
        'Exception in thread "pool-3-thread-1" java.lang.IllegalArgumentException: plate must '
        "not be blank\n\tat com.parkco.Permit.<init>(Permit.java:27)",
        "TypeError: Cannot read properties of null (reading 'streak')\n    at updateStreak "
        "(/app/src/streak.js:18:22)\n    at processTicksAndRejections "
        "(node:internal/process/task_queues:95:5)",
        "panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\n"
        "main.pickVan(...)\n\t/srv/moves/van.go:61 +0x1b4",
        "thread 'tokio-runtime-worker' panicked at src/prints/render.rs:212:9:\nassertion "
        "failed: width > 0\nnote: run with `RUST_BACKTRACE=1` environment variable to display a "
        "backtrace",
        "NoMethodError (undefined method `name' for nil:NilClass):\n  "
        "app/models/plant_order.rb:14:in `ship!'",
        "System.NullReferenceException: Object reference not set to an instance of an object.\n"
        "   at Venue.Booking.Confirm() in /src/Booking.cs:line 88",
        "During handling of the above exception, another exception occurred:\n\n"
        'Traceback (most recent call last):\n  File "sync.py", line 9, in push\n'
        "ConnectionResetError: [Errno 104] Connection reset by peer",
        "** (MatchError) no match of right hand side value: {:error, :timeout}\n"
        "    (scooter 0.1.0) lib/unlock.ex:22: Scooter.Unlock.run/1",
        "PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in "
        "/var/www/vet/db.php:12",
    ),
    "http_status_line": (
        "HTTP/1.0 503 Service Unavailable",
        "HTTP/2 500 \ncontent-type: application/json",
        "Status: 401 Unauthorized",
        "curl: (22) The requested URL returned error: 404",
        "Request failed with status code 502",
        "PUT https://api.venues.example/v2/bookings/88 returned 409 Conflict",
        '10.0.3.7 - - [30/Nov/2026:10:02:11 +0000] "POST /unlock HTTP/1.1" 500 231',
        "422 Unprocessable Entity",
        "Got HTTP status 403 from prints-api",
        "response: 504 (upstream request timeout)",
    ),
    "json_status": (
        '{"data": {"booking": null}, "errors": [{"message": "Venue not available", '
        '"path": ["booking"]}]}',
        '{"errors": [{"message": "Not authorised", "extensions": {"code": "FORBIDDEN"}}]}',
        '{"upstream": {"vet_api": {"status": 503}}}',
        '{"ride": {"id": "r-77", "unlock": {"status": 500, "message": "lock motor fault"}}}',
        '{"httpStatus": 429, "retryAfterSeconds": 60}',
        '{"results": [], "error": "permit lookup failed"}',
        '{"code": 14, "message": "connect failed", "details": []}',
        '{"status": {"code": 404, "message": "order not found"}}',
        '{"order": {"id": 7731, "state": "FAILED", "failure_reason": "carrier rejected"}}',
        '{"is_error": true, "content": "upload quota exceeded"}',
    ),
    "error_prefix": (
        "error: scooter 4411 is already in use",
        "E1130 10:02:11.123456 unlock.go:88] failed to reach lock controller",
        "fatal: could not read venue calendar",
        "FAILED to book the van: no drivers on 12 Dec",
        "[ERROR] print job 5521 rejected: image too small",
        'level=error msg="permit renewal failed" plate=KX21ABC',
        "Couldn't load the lesson: server unavailable",
        "Unable to process refund - payment provider offline",
        "Operation failed: appointment slot no longer exists",
        "ERROR 1045 (28000): Access denied for user 'bot'@'10.0.0.5'",
    ),
    "apology_after_tool": (
        "My apologies, the booking didn't go through on our end.",
        "Sorry! Something went wrong when I tried to reserve the van.",
        "I ran into a problem unlocking the scooter for you, sorry.",
        "Unfortunately that request errored out. Can we try again in a few minutes?",
        "I wasn't able to complete the print order; the system threw an error.",
        "Apologies, the vet calendar wouldn't load for me.",
        "Sorry about this, the permit system rejected my request.",
        "Hmm, that didn't work on my side. Sorry for the trouble.",
        "I'm sorry, I hit a technical snag while saving your venue date.",
        "Ah, sorry, my call to the plant order service failed.",
    ),
}

# The user asks for a person; the agent ignores it or deflects, neither handing over nor saying
# why it cannot.
HELDOUT5_UNMET: tuple[tuple[str, str], ...] = (
    (
        "Can you get somebody from the clinic to ring me?",
        "Our clinic opens at 8am. Is there anything else I can help with?",
    ),
    (
        "I need to speak with an actual removals coordinator.",
        "Happy to help! How many bedrooms is the property?",
    ),
    (
        "Is anyone from the events team available?",
        "The venue holds up to 120 guests for a seated dinner.",
    ),
    (
        "Pass me on to a real member of staff, please.",
        "I can definitely assist with that. What's your plate number?",
    ),
    (
        "I'd prefer a phone call with one of your people.",
        "You can manage your lessons any time in the app under Settings.",
    ),
    (
        "Who do I talk to if I want a human to review this fine?",
        "Fines can be paid online within 14 days to avoid a surcharge.",
    ),
    (
        "Put a person on the line, not a bot.",
        "I understand! Let's get this sorted. Which scooter ID are you on?",
    ),
    (
        "Can a human look at my order instead of you?",
        "Your order #7731 shipped yesterday by standard post.",
    ),
    (
        "Please hand this over to the garden centre manager.",
        "Did you know we offer 10% off your next order?",
    ),
    (
        "I want a callback from a live person today.",
        "Thanks for your message! Let me know if you have any other questions.",
    ),
    (
        "Transfer me to your customer relations team.",
        "No need to wait in a queue, I can handle it right here! What's the issue?",
    ),
    (
        "I'd like to escalate this to someone with authority.",
        "I totally get it. Have you tried reprinting from the order page?",
    ),
)
