"""Held-out batch 6 of the robustness set (bench/facet_robustness_set.py).

Written for the fifth pass of issue 14 (a form classifier learned from our own labelled sentences)
BEFORE that classifier or any rule of the pass existed, and without running anything on it:
every failure form of the issue (Sentiment and Issues), ten or more phrasings each, in domains
batches 1-5 do not use (a public library's e-lending, a bicycle repair workshop, a rooftop solar
installer, a dry-cleaning pickup service, a ferry operator, a coworking space, campsite
reservations, a crowdfunding platform). Registers are varied on purpose: terse, long-winded,
non-native English, ALL CAPS, emoji and typos. Polite closings must stay NEUTRAL; positive
messages that borrow words of frustration must not read NEGATIVE (or MIXED). Tool failures come in
more formats real tools print. Measured once, at the end of the pass; never used to train, tune a
threshold or change a rule.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS6 = (
    (
        "How many e-books can I borrow at once with a standard library card?",
        "A standard card lets you borrow up to eight e-books for 21 days each.",
    ),
    (
        "What does a full service for a road bike cost at your workshop?",
        "A full service is €85 and includes new cables and a wheel true.",
    ),
    (
        "We got a quote for 12 solar panels. When could the install happen?",
        "Installs are currently scheduled about five weeks after the site survey.",
    ),
    (
        "Can you pick up two suits and a duvet from my flat on Thursday?",
        "Thursday pickups run between 8am and noon in your area.",
    ),
    (
        "Is there a ferry to the island on Sunday evening with space for a car?",
        "The 18:30 sailing on Sunday still has car spaces available.",
    ),
    (
        "I'd like a dedicated desk at the coworking space from next month.",
        "Dedicated desks start at €240 a month; two are free on the second floor.",
    ),
    (
        "Do you have a pitch with electric hookup for the first week of August?",
        "Pitch 14 has hookup and is free from the 1st to the 8th of August.",
    ),
    (
        "How do backers get refunded if my crowdfunding campaign misses its goal?",
        "If the goal isn't reached, no backer is charged, so nothing needs refunding.",
    ),
)

HELDOUT6_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "Returned the e-book and borrowed it again like you said. Still says 'file corrupted'.",
        "nope. same.",
        "I have tighten the bolt how you explain but the wheel is still wobbling very much.",
        "The inverter reset you walked me through did nothing, the panels show 0 kW again "
        "this morning, exactly like yesterday and the day before, so we are no further along "
        "than when I first wrote in.",
        "STILL NO PICKUP SLOT AFTER DOING ALL THAT",
        "tried ur fix 😑 nothing changed",
        "Logged out, logged back in, cleared cookies. The booking page is as broken as before.",
        "Your instructions didn't solve it; the door code for the coworking space still fails.",
        "Followed the guide to the letter and the campaign page still won't publish.",
        "Redownloaded the ferry app as advised, the ticket is stil missing",
    ),
    "repeated_request": (
        "I already told you: pickup address is 4 Elm Road, not Elm Street.",
        "Once again, pitch 14, the first week of AUGUST.",
        "How many times must I write it, the ferry is the 18:30 one.",
        "As I say in my first message, I am member since 2019 and my card number is 55102.",
        "AGAIN. THE. DESK. ON. THE. SECOND. FLOOR.",
        "repeating myself here 🙄 the bike is a Trek, not a Giant",
        "I've now explained three separate times that the panels face east, not south, and "
        "every answer I get assumes a south-facing roof.",
        "Scroll up please, I've given you the campaign ID twice.",
        "we went over this already, i need the duvet cleaned not just the suits",
        "Like I said before, the e-book is on my Kobo, not the app.",
    ),
    "ask_human": (
        "Can I please speak to one of the librarians?",
        "get me someone from the workshop on the phone",
        "I would like to talk with a real installer, a person, not the automatic system please.",
        "HUMAN PLEASE",
        "Is there a staff member at the harbour office I can chat to? 🙏",
        "I'd like my case looked at by somebody on your team rather than the assistant.",
        "Could a community manager from the coworking space give me a call?",
        "Connect me with an actual campsite warden.",
        "Looking for a real person at the cleaners to sort this out.",
        "Please have a member of your trust and safety staff contact me about my campaign.",
    ),
    "sarcasm": (
        "Wow, fantastic, the dry cleaner shrank my only suit. Thanks a bunch.",
        "Brilliant service as always, the ferry left 40 minutes early without us 👏",
        "Oh perfect, my e-book loan expired while I was still in chapter two. Just perfect.",
        "Great job guys, you installed the panels on the neighbour's roof.",
        "Love how the 'quick' service took three weeks. Really quick.",
        "Oh good, a waitlist for a waitlist. How innovative.",
        "Cheers for the pitch next to the bins, very scenic 🙃",
        "yeah thanks so much for charging all my backers twice, super helpful",
        "What a shock, the door code doesn't work. Again. Who could have guessed.",
        "Outstanding. A bike 'repair' that left me with no brakes.",
    ),
    "giving_up": (
        "forget it",
        "I give up on this campsite, we'll stay at home.",
        "Never mind, I'll carry the duvet to the shop myself.",
        "OK, it's obviously hopeless. I'll just buy the e-book instead of borrowing it.",
        "I don't have energy for this anymore, cancel nothing, just leave it.",
        "Whatever. I'll take the bike to another mechanic.",
        "Not worth it. We'll drive around the coast instead of taking the ferry.",
        "I stop trying now, is too much time lost already.",
        "Honestly I'm done chasing this, I'll live with the old desk.",
        "Leave it, I'll run the campaign on a different site 🤷",
    ),
    "agent_complaint": (
        "You are not listening to anything I write.",
        "this bot is useless",
        "Every reply you send is a copy-paste of the FAQ.",
        "You keep answering about road bikes, mine is an e-bike!!",
        "Your answers have been wrong three times in a row now.",
        "I asked a simple yes/no question and you sent me a paragraph about something else.",
        "You obviously haven't checked the booking I referenced.",
        "The assistant understands nothing, sorry but it's true.",
        "WHY DO YOU KEEP SENDING ME THE SAME LINK",
        "Talking to you is a waste of my afternoon 😤",
    ),
    "cancel_talk": (
        "Cancel my desk membership from the end of this month.",
        "I'm closing my creator account and taking the campaign elsewhere.",
        "We won't use your pickup service again.",
        "Please end the solar monitoring subscription, I don't want it anymore.",
        "I'm going to let my library membership lapse.",
        "thinking of moving to the other ferry company tbh",
        "Stop my recurring booking, we're done with this campsite.",
        "i want to quit the coworking plan, how i do it?",
        "Delete the card you have on file and close my profile.",
        "CANCEL EVERYTHING, I'M TAKING MY BIKE TO THE SHOP DOWN THE ROAD",
    ),
}
# Politeness is not satisfaction: each of these closings must leave the conversation NEUTRAL.
HELDOUT6_POLITE = (
    "ok thx bye",
    "Thank you for the information, I will wait for the email. Have a nice day.",
    "Got it, thanks.",
    "Thanks a lot, bye 👋",
    "OK THANK YOU",
    "Alright then, thanks, that's everything for today.",
    "ty, that's all",
    "Many thanks for your time, goodbye.",
    "Fine, thanks. I'll check again tomorrow.",
    "Okay, understood. Cheers, bye.",
)
# Positive messages that borrow the words of frustration: none may be read NEGATIVE (or MIXED).
HELDOUT6_POSITIVE = (
    "I honestly thought I'd have to give up on the ferry trip, but you found us a spot. Thanks!",
    "No more wobble at all, the wheel is perfect now 😊",
    "Not a single scratch on the suits, great job.",
    "THE PANELS WORK!!! THANK YOU SO MUCH",
    "I can't complain, the desk is exactly what we needed.",
    "Same pitch as last year, just what we asked for, wonderful.",
    "Never had an easier return, the e-book went back with one click.",
    "Didn't expect the campaign to publish this fast, impressive.",
    "ok that worked, problem solved, thx a lot",
    "You fixed it faster than I could repeat the question, brilliant.",
)

HELDOUT6_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "LoanLimitExceeded: patron 55102 already holds 8 e-books",
        "botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the "
        "GetObject operation",
        "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='ferry-api', port=443)",
        "ValidationError: pickup_date must be in the future",
        "sqlalchemy.exc.IntegrityError: duplicate key value violates unique constraint "
        '"desk_bookings_pkey"',
        "KeyError: 'pitch_id'",
        "org.springframework.web.client.HttpServerErrorException$ServiceUnavailable",
        "DeadlineExceeded: inverter telemetry call took longer than 10s",
        "PaymentIntentAuthenticationFailure: backer card requires 3-D Secure",
        "ECONNRESET: socket hang up",
    ),
    "traceback": (
        'Traceback (most recent call last):\n  File "/app/loans.py", line 77, in renew\n'
        "    loan = loans[patron_id]\nKeyError: 55102",
        "Error: ENOENT: no such file or directory, open '/data/pickups.json'\n    at "
        "Object.openSync (node:fs:596:3)\n    at readPickups (/srv/clean/pickups.js:12:18)",
        "java.lang.NullPointerException\n\tat com.ferry.Booking.vehicle(Booking.java:113)\n\t"
        "at com.ferry.Booking.confirm(Booking.java:58)",
        "goroutine 17 [running]:\npanic: assignment to entry in nil map\n\t"
        "/srv/solar/telemetry.go:44 +0x2c",
        '  File "desks.py", line 12, in assign\n    raise DeskTaken(desk)\n'
        "desks.DeskTaken: desk 2-07",
        "Fatal error: Uncaught TypeError: array_key_exists(): Argument #2 must be of type array,"
        " null given in /var/www/camp/pitch.php:31\nStack trace:\n#0 {main}",
        "RuntimeError: campaign state machine in invalid state 'published->draft'\n"
        "  from /app/campaigns/state.rb:40:in `transition'",
        "Unhandled exception. System.InvalidOperationException: Sequence contains no elements\n"
        "   at Workshop.Jobs.Next() in /src/Jobs.cs:line 22",
        "ZeroDivisionError: division by zero\n  at line 9 of yield_estimate()",
        "Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not "
        "available, request timed out after 30000ms.",
    ),
    "http_status_line": (
        "HTTP/1.1 404 Not Found",
        "< HTTP/2 429",
        "Server responded 500 Internal Server Error",
        "status=403 path=/api/desks/2-07",
        "The remote server returned an error: (401) Unauthorized.",
        "GET /v1/pitches?week=31 - 502 Bad Gateway",
        "HTTP Error 400: Bad Request",
        "upstream returned HTTP 503",
        "response status 410 Gone for /campaigns/881",
        "[404] loan record not found",
    ),
    "json_status": (
        '{"status": 500, "error": "Internal Server Error", "path": "/pickups"}',
        '{"result": null, "meta": {"http": {"status": 502}}}',
        '{"ok": false, "error": "invalid_auth"}',
        '{"statusCode": 403, "message": "Forbidden resource"}',
        '{"response": {"code": 409, "reason": "desk already booked"}}',
        '{"success": false, "errors": ["pitch 14 unavailable"]}',
        '{"data": null, "error": {"type": "rate_limit", "status": 429}}',
        '{"loan": {"status": "error", "detail": "DRM server unreachable"}}',
        '{"sailings": [], "fault": {"faultstring": "Service unavailable", "code": 503}}',
        '{"campaign": {"id": 881, "publish": {"result": "failure", "http_status": 500}}}',
    ),
    "error_prefix": (
        "Error: could not reach the telemetry gateway",
        "ERR pickup slot query timed out",
        "failed to renew loan 55102: hold queue active",
        "E: pitch allocation aborted",
        "[FATAL] payment batch for campaign 881 not processed",
        "ERROR - door code service unavailable",
        "Failure: vehicle length exceeds deck limit",
        "Could not create booking: desk 2-07 is locked",
        "!! error while contacting workshop calendar",
        "WARN retry 3/3 exhausted; ERROR: sailing lookup failed",
    ),
    "apology_after_tool": (
        "Sorry, I couldn't renew that loan, the system gave me an error.",
        "Apologies! The pickup didn't get scheduled, something failed on our side.",
        "Hmm, the booking tool isn't cooperating right now, sorry about that.",
        "I'm afraid my attempt to reserve pitch 14 didn't succeed.",
        "Sorry, looks like the telemetry lookup broke just now.",
        "Unfortunately I got an error back when I tried to hold the desk.",
        "so sorry, the ferry system refused the change when I submitted it",
        "My apologies, the refund request bounced back from the payment processor.",
        "Oops, that didn't go through. Sorry! Could you give me a minute to retry?",
        "Regrettably the workshop calendar returned nothing usable when I queried it.",
    ),
}

# The user asks for a person; the agent ignores it or deflects, neither handing over nor saying
# why it cannot.
HELDOUT6_UNMET: tuple[tuple[str, str], ...] = (
    (
        "Can I please speak to one of the librarians?",
        "You can renew up to two times online from My Loans.",
    ),
    (
        "get me someone from the workshop on the phone",
        "Our workshop is open Monday to Saturday, 9 to 6.",
    ),
    (
        "I want to talk to a real installer, not a bot.",
        "Great question! Panels typically pay back in 7 to 9 years.",
    ),
    (
        "HUMAN PLEASE",
        "I'm here to help! What can I do for you today?",
    ),
    (
        "Is there a staff member at the harbour office I can chat to?",
        "Sunday sailings can be busy, so booking ahead is recommended.",
    ),
    (
        "Could a community manager call me?",
        "Did you know members get 10 free meeting-room hours a month?",
    ),
    (
        "Connect me with an actual campsite warden.",
        "Check-in is from 2pm and quiet hours start at 10pm.",
    ),
    (
        "I need a person at the cleaners to look at this.",
        "Our eco-clean option uses no harsh solvents.",
    ),
    (
        "Please have someone from trust and safety contact me.",
        "Campaigns with a video raise on average 30% more.",
    ),
    (
        "can i talk with a employee pls",
        "Sure thing! Which bike model do you ride?",
    ),
    (
        "I'd like this escalated to a supervisor at the ferry company.",
        "Let's keep going here. What's your booking reference?",
    ),
    (
        "Put me through to your customer support people.",
        "No worries, I've got all the info I need. Anything else?",
    ),
)
