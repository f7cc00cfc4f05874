"""Held-out batch 7 of the robustness set (bench/facet_robustness_set.py).

Written for the sixth pass of issue 14 (a cheaper form classifier, conversation-aware features)
BEFORE any change of that pass, and without running anything on it: every failure form of the
issue (Sentiment and Issues), ten or more phrasings each, in domains batches 1-6 do not use (a
self-storage facility, a pest-control service, a DNA / family-history kit, a ski resort's lift
passes and rentals, a handyman and furniture-assembly marketplace, a translation agency, a domain
registrar and web host, a collectibles auction house). Registers vary: texting shorthand, formal
letters, non-native English, ALL CAPS, emoji, typos, British understatement, run-on sentences.
Polite closings must stay NEUTRAL; positive messages that borrow words of frustration must not
read NEGATIVE (or MIXED). Tool failures come in formats the earlier batches do not print (gRPC,
curl, PostgreSQL, Elixir, Swift, PowerShell, Kubernetes, ...).

Two more groups read the conversation, not one turn, because the forms a turn vector misses
(repeating, "didn't help", sarcasm) live in how a turn relates to the turns before it:
- IN_CONTEXT: multi-turn conversations whose last user turn is the form only given what came
  before (a request asked again in other words; a reply to the agent's instruction saying it
  changed nothing; praise words after the agent failed);
- BACKSTORY: conversations whose FIRST user turn says "still ..." or "again" as backstory (no
  agent answer yet to have failed), answered and closed calmly: not NEGATIVE.

Measured once, at the end of the pass; never used to train, tune a threshold or change a rule.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS7 = (
    (
        "Do you have a 5x10 storage unit free at the Riverside site from next week?",
        "Yes, two 5x10 units are free at Riverside from Monday, at $89 a month.",
    ),
    (
        "We've seen mouse droppings in the kitchen. Can someone come and inspect?",
        "An inspection visit is $65 and our next free slot is Wednesday morning.",
    ),
    (
        "How long does it take to get results back from the ancestry DNA kit?",
        "Results usually arrive six to eight weeks after the lab receives your sample.",
    ),
    (
        "What does a three-day lift pass cost for an adult in February?",
        "A three-day adult pass in February is CHF 198, or CHF 179 if booked online.",
    ),
    (
        "I need someone to assemble a wardrobe and two bookshelves on Saturday.",
        "Three assemblers are available on Saturday; the average quote is $120.",
    ),
    (
        "Can you translate a 12-page contract from German to English by Friday?",
        "A certified translation of 12 pages takes three working days and costs €420.",
    ),
    (
        "I want to move my domain to you from my current registrar.",
        "Transfers take up to five days; you'll need the EPP code from your current registrar.",
    ),
    (
        "When does the online auction for the 1960s comic books close?",
        "The comics auction closes on Sunday at 20:00 UK time, lot by lot.",
    ),
)

HELDOUT7_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "Did the gate code reset like u said, keypad still blinks red",
        "Right, so I've put down the bait stations exactly where your technician told me and "
        "there are fresh droppings on the counter again this morning, so whatever the plan "
        "was, it hasn't made the slightest difference.",
        "Uninstalled and reinstalled the app as you suggested — no change, the ancestry "
        "report still will not load.",
        "THE NEW PASS IS STILL NOT SCANNING AT THE GATE",
        "i did what you tell me with the screws, the shelf is leaning same like before",
        "Tried clearing the DNS cache, my site is still showing the old host's page 🙄",
        "Per your instructions I resubmitted the file; the translation portal rejects it "
        "exactly as before.",
        "nah that trick didnt work either",
        "Sadly no joy after re-logging in, my bid history is still blank.",
        "Did step 1 to 4 of your guide twice. Nothing happens when I press Renew.",
    ),
    "repeated_request": (
        "Again: unit B-114, not B-141.",
        "I have said it before, the mice are in the attic, not the kitchen.",
        "Third time asking — when will my DNA results be ready??",
        "As I wrote at the start, we are two adults and one child, we need 3 passes.",
        "REPEAT: I NEED THE ASSEMBLER ON SATURDAY, NOT SUNDAY",
        "Like I mentioned twice already, the contract is German to English, not the other way.",
        "ok one more time 😩 the domain is harbourbakes.co.uk",
        "I keep having to say it: lot 47, the Silver Surfer issue.",
        "Please re-read my earlier message, I gave you the booking number there.",
        "For the umpteenth time, it's the Riverside site.",
    ),
    "ask_human": (
        "Could I speak with one of your storage managers, please?",
        "need a actual exterminator to call me, not chat",
        "Is a genetic counsellor or any real person available to go through my results?",
        "PUT ME THROUGH TO THE TICKET OFFICE",
        "I would prefer to discuss this with a human colleague of yours 🙂",
        "Can a Tasker from your support team ring me?",
        "I'd appreciate it if a project manager at the agency could get in touch directly.",
        "Please pass me on to a live person at the registrar.",
        "Is there an auction specialist I can talk to instead of the bot?",
        "Somebody from the office, por favor, I want to explain by voice.",
    ),
    "sarcasm": (
        "Lovely, the 'climate-controlled' unit is 35 degrees inside. Great for my piano.",
        "Oh wonderful, the spray killed my houseplants and not a single ant 🐜👍",
        "Fantastic, turns out I'm 12% Viking and 88% 'sample could not be processed'.",
        "Thanks ever so much for closing the chairlift right as we got to the front.",
        "Superb assembly work, the wardrobe door is now a sliding door. On the floor.",
        "Great, a translation where 'Vertrag' became 'vertical'. Very professional.",
        "Cool cool cool, the site's been down all weekend, love that for my shop",
        "Marvellous. I won the auction and you sent the comic to someone in Ohio.",
        "oh nice, another 'we're sorry for the inconvenience' email, that fixes everything",
        "Wow, 40 minutes on hold to be told to check the FAQ. Truly top-notch service.",
    ),
    "giving_up": (
        "Never mind the unit, I'll keep the boxes in my garage.",
        "ok I give up, I'll call a different pest company",
        "Forget about the report, I don't care about my ancestors that much.",
        "Doesn't matter anymore, we'll go skiing somewhere else.",
        "Just leave it, I'll put the bookshelves together myself with YouTube.",
        "I've run out of patience. We'll use another agency for the contract.",
        "screw it, ill let the domain expire",
        "Not going to bother chasing the lot any further.",
        "Enough, I'm throwing in the towel on this one.",
        "no point continue, I stop here.",
    ),
    "agent_complaint": (
        "You're just repeating my own question back to me.",
        "this chatbot cannot understand basic english",
        "Your answers contradict each other from one message to the next.",
        "You have not answered a single thing I actually asked.",
        "Honestly, the help I'm getting here is worse than no help at all.",
        "YOU CLEARLY DIDN'T READ WHAT I WROTE",
        "Talking to this assistant is like talking to a wall 🧱",
        "Why do you keep sending me the terms and conditions instead of an answer?",
        "You got the dates wrong again, that's the second time today.",
        "The bot is going round and round and getting nowhere.",
    ),
    "cancel_talk": (
        "Terminate my storage contract at the end of the month.",
        "We'll be switching pest control providers after this.",
        "Please close my DNA account and delete my sample data.",
        "I want my season pass refunded and I'm not coming back next year.",
        "Remove my card and deactivate my account on the marketplace.",
        "We'll take our translation work to another agency from now on.",
        "Planning to move all 14 domains to a different registrar this week.",
        "UNSUBSCRIBE ME FROM EVERYTHING AND CLOSE THE ACCOUNT",
        "I'm done with this auction house, withdraw my consignment.",
        "thinking about cancelling my hosting plan tbh",
    ),
}

# Politeness is not satisfaction: each of these closings must leave the conversation NEUTRAL.
HELDOUT7_POLITE = (
    "k thanks",
    "Noted, many thanks. Kind regards, Priya",
    "Thanks for getting back to me, I'll have a think.",
    "cheers mate",
    "THANKS, BYE",
    "Thank you kindly, that will be all for now.",
    "ok, thanks for info 🙏",
    "Much obliged, goodbye.",
    "Right, thanks, I'll sort the rest out later.",
    "Thank you. I shall wait for your email.",
)

# Positive messages that borrow the words of frustration: none may be read NEGATIVE (or MIXED).
HELDOUT7_POSITIVE = (
    "Not a single mouse since the visit, you lot are brilliant.",
    "I was ready to give up on finding my grandfather's family, and there they are. Thank you!",
    "The pass scanned first time, no queue at all, fantastic 🎿",
    "No complaints whatsoever, the wardrobe is rock solid.",
    "Still can't believe how fast the translation came back, amazing work.",
    "Same-day transfer of the domain, didn't expect that, great job.",
    "FINALLY GOT THE COMIC, IT'S PERFECT, THANK YOU",
    "The unit is spotless and dry, couldn't ask for more.",
    "never had a smoother checkout, thx!",
    "I'll repeat it to anyone who asks: best assemblers in town.",
)

HELDOUT7_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "UnitNotAvailableError: unit B-114 is reserved until 2027-03-01",
        "grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with: "
        "status = StatusCode.UNAVAILABLE>",
        "httpx.ReadTimeout: timed out while reading from lab-results.internal",
        "TreatmentSlotConflict: technician 7 already booked 09:00-11:00",
        "PermissionError: [Errno 13] Permission denied: '/srv/translations/contract_12p.docx'",
        "IndexError: list index out of range",
        "com.auction.bids.BidTooLowException: bid 120.00 below current 135.00",
        "DomainLockedException: transfer lock is enabled for harbourbakes.co.uk",
        "TaskerUnavailable: no assembler within 25 km on 2026-12-05",
        "ssl.SSLCertVerificationError: certificate verify failed: certificate has expired",
    ),
    "traceback": (
        'Traceback (most recent call last):\n  File "/srv/storage/gate.py", line 41, in reset\n'
        "    code = codes[unit]\nKeyError: 'B-114'",
        "** (RuntimeError) lab queue not started\n    (dna 0.4.1) lib/dna/queue.ex:22: "
        "DNA.Queue.push/2",
        "thread 'main' panicked at 'called `Option::unwrap()` on a `None` value', "
        "src/lifts.rs:88:14\nnote: run with `RUST_BACKTRACE=1` environment variable",
        "Fatal error: Unexpectedly found nil while unwrapping an Optional value\n"
        "Assembly/BookingView.swift:57",
        'Exception in thread "main" java.lang.IllegalStateException: lot 47 already closed\n'
        "\tat com.auction.Lot.bid(Lot.java:204)",
        "TypeError: Cannot read properties of undefined (reading 'pages')\n    at quote "
        "(/app/translate/quote.js:19:22)\n    at process.processTicksAndRejections",
        "Stack trace:\n  at Pest.Scheduling.Book(Visit v) in /src/Scheduling.cs:line 73\n"
        "System.TimeoutException: The operation has timed out.",
        "NoMethodError (undefined method `nameservers' for nil:NilClass):\n"
        "  app/models/domain.rb:31:in `update_dns'",
        "panic: runtime error: invalid memory address or nil pointer dereference\n"
        "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a2b1c]",
        "  at Object.<anonymous> (/srv/units/index.js:5:9)\nError: connect ECONNREFUSED "
        "127.0.0.1:5432",
    ),
    "http_status_line": (
        "HTTP/1.0 500 Internal Server Error",
        "Request failed with status code 404",
        "POST https://api.lifts.example/passes -> 422 Unprocessable Entity",
        "curl: (22) The requested URL returned error: 403",
        "Got 503 Service Temporarily Unavailable from upstream",
        "HTTP 401 - token expired",
        "status code: 504 (gateway timeout) on /v2/lots/47",
        "Remote returned 400 BAD REQUEST",
        "HTTP/2 500 from registry.example/epp",
        "The server responded with a status of 413 (Payload Too Large)",
    ),
    "json_status": (
        '{"code": 500, "message": "internal error", "unit": "B-114"}',
        '{"visit": {"id": 9981, "booking": {"status": 409, "detail": "slot taken"}}}',
        '{"kit": "DX-2281", "lab": {"state": "failed", "reason": "insufficient DNA"}}',
        '{"httpStatus": 503, "title": "Lift system maintenance"}',
        '{"success": false, "error_code": "TASKER_UNAVAILABLE"}',
        '{"job": {"id": "tr-55", "status_code": 502}}',
        '{"errors": [{"status": "404", "title": "Domain not found"}]}',
        '{"lot": 47, "result": {"status": "rejected", "http": 403}}',
        '{"ok": false, "status": 429, "retry_after": 30}',
        '{"response": {"meta": {"statusCode": 500}}, "data": []}',
    ),
    "error_prefix": (
        "error: gate controller offline",
        "ERROR 1062 (23000): Duplicate entry 'B-114' for key 'PRIMARY'",
        "Failed to fetch DNA results: lab API unreachable",
        "psql: error: connection to server on socket failed",
        "FAILED: pass PX-7732 could not be activated",
        "Unable to assign tasker: calendar sync failed",
        "[error] translation memory lookup aborted",
        "fatal: could not read nameserver records",
        "Cannot complete bid: payment method declined",
        "ERR_CONNECTION_TIMED_OUT while contacting auction ledger",
    ),
    "apology_after_tool": (
        "Sorry about this — I wasn't able to reset your gate code just now.",
        "Apologies, our scheduling system didn't accept the booking for Wednesday.",
        "Hmm, I'm having trouble pulling up your DNA results at the moment.",
        "I'm sorry, the lift pass couldn't be reactivated, the system threw a problem back.",
        "Unfortunately that didn't work, the assembler booking wasn't saved.",
        "I regret to say the quote tool crashed while I was preparing your estimate.",
        "sorry!! looks like the DNS update hasn't gone through on our end",
        "Oh dear, the bid couldn't be placed — something went wrong in the auction system.",
        "I tried to transfer the domain, but it was rejected; my apologies.",
        "Apologies, my attempt to update the unit's access hours did not succeed.",
    ),
}

# The user asks for a person; the agent ignores it or deflects, neither handing over nor saying
# why it cannot.
HELDOUT7_UNMET: tuple[tuple[str, str], ...] = (
    (
        "Could I speak with one of your storage managers, please?",
        "Our Riverside site is open from 6am to 10pm every day.",
    ),
    (
        "need a actual exterminator to call me",
        "Did you know most mice enter through gaps as small as a pencil?",
    ),
    (
        "Is a genetic counsellor available to talk me through this?",
        "Your results page has an interactive map of your ancestry regions!",
    ),
    (
        "PUT ME THROUGH TO THE TICKET OFFICE",
        "Buying online saves up to 10% on multi-day passes.",
    ),
    (
        "I would prefer to discuss this with a human colleague of yours.",
        "Happy to help! Could you describe the issue in a few words?",
    ),
    (
        "Can someone from your support team ring me?",
        "Assemblers are rated after every job, so you can pick the best.",
    ),
    (
        "I'd like a project manager at the agency to contact me directly.",
        "We translate between more than 60 language pairs.",
    ),
    (
        "pls transfer me to a live person",
        "Sure! First, what's the domain name you need help with?",
    ),
    (
        "Is there an auction specialist I can talk to?",
        "Bids can be placed up to the last second before a lot closes.",
    ),
    (
        "I want a real person on the phone, now.",
        "I understand. Let's try a few things together first.",
    ),
    (
        "Kindly escalate this to your site manager.",
        "Remember that units must be kept free of flammable materials.",
    ),
    (
        "Can I talk to whoever is in charge of refunds?",
        "Refunds are shown under Account → Payments once processed.",
    ),
)

# Multi-turn conversations; the last user turn is the form given what came before it.
HELDOUT7_IN_CONTEXT: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "repeated_request": (
        (
            ("user", "Can you tell me the gate opening hours for the Riverside site?"),
            ("assistant", "Our units come in six sizes, from 5x5 to 10x30."),
            ("user", "What time does the Riverside gate open and close?"),
        ),
        (
            ("user", "I need a quote for a wasp nest removal under the roof."),
            ("assistant", "We treat ants, mice, rats and bed bugs across the county."),
            ("user", "ok but how much to remove a wasp nest from under my roof"),
        ),
        (
            ("user", "Which email address did my DNA kit get registered to?"),
            ("assistant", "You can register a kit under Settings → Kits."),
            ("user", "I'm asking which email my kit is registered under."),
        ),
        (
            ("user", "Do children under 6 ski for free?"),
            ("assistant", "Our ski school runs group lessons every morning at 9."),
            ("user", "Is the lift pass free for kids younger than six or not?"),
        ),
        (
            ("user", "Can the assembler bring their own drill?"),
            ("assistant", "Assemblers can be booked in two-hour slots."),
            ("user", "Will the assembler have a drill with them?"),
        ),
        (
            ("user", "Do you offer sworn translations accepted by Spanish courts?"),
            ("assistant", "We translate legal, medical and technical documents."),
            ("user", "So are your translations sworn and valid for a Spanish court?"),
        ),
        (
            ("user", "How do I unlock my domain for transfer?"),
            ("assistant", "Transfers usually complete within five days."),
            ("user", "where do i turn off the transfer lock on my domain"),
        ),
        (
            ("user", "What is the buyer's premium on the comic lots?"),
            ("assistant", "Lots can be viewed in person on Friday and Saturday."),
            ("user", "How much is the buyer's premium for comics?"),
        ),
    ),
    "didnt_help": (
        (
            ("user", "My code for unit B-114 isn't opening the gate."),
            ("assistant", "Please hold # for three seconds and then enter your code again."),
            ("user", "Did that. Red light again."),
        ),
        (
            ("user", "The DNA app says my sample is 'unknown'."),
            ("assistant", "Try logging out and back in; the status refreshes on login."),
            ("user", "logged out and in, it says unknown"),
        ),
        (
            ("user", "My lift pass won't scan."),
            ("assistant", "Keep the pass in a pocket on its own, away from your phone."),
            ("user", "It's alone in my left pocket now and the turnstile ignores it"),
        ),
        (
            ("user", "My site shows a certificate warning."),
            ("assistant", "I've reissued the certificate; it can take 10 minutes to apply."),
            ("user", "Waited half an hour, browser warns exactly as before."),
        ),
        (
            ("user", "The bookshelf wobbles after assembly."),
            ("assistant", "Tighten the cam locks a quarter turn clockwise."),
            ("user", "Cam locks are tight as they go, it wobbles all the same"),
        ),
        (
            ("user", "I can't see my bids on the auction page."),
            ("assistant", "Clear the site's cookies and reload the page."),
            ("user", "Cookies cleared. The list is empty."),
        ),
        (
            ("user", "The translated PDF has broken characters."),
            ("assistant", "Open it in Acrobat rather than the browser preview."),
            ("user", "Opened in Acrobat, still gibberish where the umlauts are"),
        ),
        (
            ("user", "Ants are back in the kitchen."),
            ("assistant", "Wipe the counters with vinegar and keep the bait stations out."),
            ("user", "Been doing exactly that for a week, they're all over the sink."),
        ),
    ),
    "sarcasm": (
        (
            ("user", "Has my storage unit been cleaned before move-in?"),
            ("assistant", "Sorry, I couldn't find a cleaning record for that unit."),
            ("user", "Great, very reassuring."),
        ),
        (
            ("user", "Is the technician still coming at 9?"),
            ("assistant", "Unfortunately the technician cancelled and we have no slot this week."),
            ("user", "Perfect. Just perfect."),
        ),
        (
            ("user", "Are my DNA results ready?"),
            ("assistant", "I'm sorry, the lab reports your sample failed; a new kit is needed."),
            ("user", "Wonderful news, thanks so much."),
        ),
        (
            ("user", "Can I book the 8am lesson for my son?"),
            ("assistant", "I'm afraid that booking failed and the lesson is now full."),
            ("user", "Brilliant, he'll love that."),
        ),
        (
            ("user", "Did the assembler confirm Saturday?"),
            ("assistant", "Sorry, the assembler declined the job and no one else is free."),
            ("user", "Amazing. Thanks a lot."),
        ),
        (
            ("user", "Did my translation get delivered?"),
            ("assistant", "Unfortunately the delivery failed and the deadline has passed."),
            ("user", "oh fantastic, love it"),
        ),
        (
            ("user", "Is my domain renewed?"),
            ("assistant", "Apologies, the renewal didn't go through and the domain expired."),
            ("user", "Super, great job."),
        ),
        (
            ("user", "Did my bid go in before the close?"),
            ("assistant", "I'm sorry, the bid was not placed due to a system error."),
            ("user", "Excellent, really helpful."),
        ),
    ),
}

# First user turns that say "still" / "again" as backstory, answered and closed calmly: not
# NEGATIVE (nothing the agent said has failed yet).
HELDOUT7_BACKSTORY: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "We still have some boxes in unit A-20; can we extend by one month?"),
        ("assistant", "Yes, I've extended A-20 to the end of next month."),
        ("user", "Thanks, bye."),
    ),
    (
        ("user", "I still use the old email on my DNA account, can I change it to a new one?"),
        ("assistant", "Sure, go to Settings → Profile → Email to update it."),
        ("user", "ok thanks"),
    ),
    (
        ("user", "My kids are still under 12, do they get the junior pass price?"),
        ("assistant", "Yes, children under 12 ski on the junior pass at CHF 99 for three days."),
        ("user", "Great, noted."),
    ),
    (
        ("user", "The site still runs on your old hosting plan. What does the upgrade cost?"),
        ("assistant", "The upgrade to Business is $9 a month more."),
        ("user", "Thank you."),
    ),
    (
        ("user", "I'm bidding again this year on the comic lots, has the catalogue come out?"),
        ("assistant", "Yes, the catalogue is online since Monday."),
        ("user", "Cheers."),
    ),
    (
        ("user", "Our office still needs the French version of the brochure, can you quote it?"),
        ("assistant", "A 4-page brochure into French is €160, ready in two days."),
        ("user", "Fine, thanks."),
    ),
)
