"""Held-out batch 13 of the robustness set (bench/facet_robustness_set.py).

Written for the twelfth pass of issue 14 (does the learned path — the form classifier's heads,
retrained on our own written material — generalize better than more rules?) BEFORE any change of
that pass, and without running anything on it: every failure form of the issue (Sentiment and
Issues), ten or more phrasings each, in domains batches 1-12 do not use (a last-mile courier's
dispatch desk, a legal aid clinic, a pet-sitting and boarding service, a city council's services
desk — bins, permits, potholes —, a crypto wallet app, a home-care agency, a roofing contractor,
a student accommodation office; and, for the two review classes, an expense-management tool and
a council-tax account). Registers batches 1-12 do not use: voice-to-text transcription (no
punctuation, homophones), Indian English office style ("kindly do the needful", "revert back",
"itself"), Irish English ("grand", "your man", "sure look"), Gen-Z slang ("no cap", "lowkey",
"it's giving", "bestie"), text-speak ("pls", "u", "rn", "smh"), an old-fashioned formal letter,
Spanish- and German-influenced English, bullet points inside one message, rambling run-ons, and
all-caps with typos. Tool failures come in formats the earlier batches do not print (Go panics
and goroutine dumps, PHP fatal errors, Ruby NoMethodError, C++ std::terminate, Dart/Flutter,
OCaml, Scala/Akka, Erlang/OTP, gRPC status, AWS CLI and SDK errors, Cloudflare 52x pages, IIS
substatus pages, Ethereum JSON-RPC and revert reasons, Terraform, Ansible, npm ERR!, pip,
Gradle, kubectl, SQLite, MongoDB).

Groups as in batch 12 (IN_CONTEXT with ten conversations per form, BACKSTORY, UNMET_CTX, MET,
CALM, and the calm controls SUCCESS_CTX, MET_POLITE, ACK, ERROR_DOCS, MONEY_MODELLING,
ACCOUNT_DATA).

Measured once, at the end of the pass; never used to train, tune a threshold or change a rule.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS13 = (
    (
        "Can you collect a parcel from my office before 5?",
        "Yes, a rider can collect before 5; same-day delivery across the city is £12.",
    ),
    (
        "Do I qualify for free legal advice about my tenancy?",
        "If your household income is under the threshold, tenancy advice is free.",
    ),
    (
        "Can someone feed my cats twice a day while I'm away?",
        "Yes, our sitters do two 30-minute visits a day, including litter and play.",
    ),
    (
        "When is the green bin collected on Elm Road?",
        "Green bins on Elm Road are collected every other Wednesday.",
    ),
    (
        "Does the wallet support Solana tokens?",
        "Yes, the wallet supports SOL and SPL tokens on mainnet.",
    ),
    (
        "Can a carer help my dad with breakfast every morning?",
        "Yes, morning visits of 45 minutes cover breakfast, medication and dressing.",
    ),
    (
        "Do you repair flat roofs as well as tiles?",
        "Yes, we repair felt, EPDM and fibreglass flat roofs as well as tiled roofs.",
    ),
    (
        "Is the shared kitchen cleaned by the residence staff?",
        "Shared kitchens are deep-cleaned by our staff every Monday and Thursday.",
    ),
)

HELDOUT13_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "ok so i cleared the app cache like you said and the seed phrase screen is still blank",
        "Did the re-weigh you suggested, the label still prints 0 kg. Same problem.",
        "Sure look, I put the tray down where you told me and the cat still goes on the rug.",
        "Kindly note the form you sent I submitted itself yesterday, but status remains pending "
        "only.",
        "Tried the dispatch code u gave me 3x, rider app still says no route smh",
        "The sealant your lads put on has changed nothing, the ceiling drips exactly like before.",
        "I FOLLOWED YOUR STEPS TO RESET THE PERMIT PORTAL AND IT STILL WONT LET ME LOG IN",
        "Lowkey your fix did literally nothing, gas fee still stuck at the same number no cap",
        "I have made the steps as you explain me, but the problem is not going away.",
        "the new carer rota you set up hasnt changed a thing mum still gets nobody at 8am",
    ),
    "repeated_request": (
        "i said this already but where is the rider now where is he",
        "Once again, and I hope for the last time: which court office do I send the form to?",
        "As per my trailing mail, kindly revert on the refund status.",
        "Asking AGAIN. When. Is. The. Pothole. Getting. Fixed.",
        "bestie i've asked like 4 times now, is my withdrawal pending or failed??",
        "I refer you to my earlier letter of the 14th, to which I have had no reply, and "
        "restate my request for the kennel invoice.",
        "Like I told your colleague yesterday AND the day before - the bins were not collected.",
        "Ich frage noch einmal, I ask one more time, when comes the roofer?",
        "Same as my last three messages: I need the tenancy letter for the council.",
        "- rent refund\n- still asking\n- same as last week",
    ),
    "ask_human": (
        "can i talk to someone at dispatch a real one",
        "Kindly connect me to a concerned person who can handle my case.",
        "I'd like to speak with a solicitor, please, not an automated system.",
        "Is there an actual person at the council I can ring about this?",
        "GET ME SOMEONE WHO WORKS THERE",
        "yo is there like a human support person or nah",
        "Would your man on the roof be able to give me a call?",
        "Please arrange for a member of staff to phone me, I cannot do this by chat.",
        "Quiero hablar con una persona, I want talk with a person please.",
        "Can the care coordinator herself ring me back today?",
    ),
    "sarcasm": (
        "wow amazing the rider left my parcel in the bin again 10/10 service",
        "Oh grand, the letter you sent went to my old landlord. Sure that's great altogether.",
        "Love how the sitter fed my cat the dog's food for a week. Really top-tier care.",
        "Great job council, the bin lorry knocked over my wall and drove off. Champions.",
        "Incredible UX, I sent my ETH to the wrong chain because of your default setting. Slay.",
        "Very professional, the carer turned up two hours late and ate my dad's lunch.",
        "Cheers lads, the new roof leaks more than the old one did. Masterpiece.",
        "Such a warm welcome: no heating in my room for the whole first week.",
        "it's giving premium service when the courier throws the box over the fence",
        "Bravo. Truly. Three solicitors and not one of you read my file.",
    ),
    "giving_up": (
        "forget it ill just drive the parcel over myself",
        "I'll represent myself in court then, clearly nobody here will help.",
        "Never mind, my neighbour can feed the cats, cancel nothing, just forget I asked.",
        "Not bothering any more, I'll fill the pothole with gravel myself.",
        "ok whatever i'll just move my coins to another wallet and call it a day",
        "We'll sort a private carer for Dad, no point waiting on you.",
        "Right, I'll get a different roofer out. Done waiting.",
        "I give up on the maintenance request, I'll buy a heater myself.",
        "Lo dejo, I leave it, I will find the answer in internet.",
        "nah im done with this honestly, not worth the stress",
    ),
    "agent_complaint": (
        "u literally just copy pasted the faq at me",
        "You are going round in circles and you know it.",
        "Kindly stop sending the same template reply, it is not answering my query.",
        "Are you even reading what I type? You asked the same question twice.",
        "YOU ARE THE MOST USELESS HELP DESK I HAVE EVER USED",
        "This chatbot has the memory of a goldfish.",
        "Every time I explain, you answer something I never asked.",
        "no offence but you clearly don't understand crypto at all",
        "With respect, your replies have been contradictory and unhelpful throughout.",
        "Talking to you is like talking to a wall, honestly.",
    ),
    "cancel_talk": (
        "cancel all my future pickups we're going with another courier",
        "Please close my case, I've instructed a private firm instead.",
        "I won't be booking the cattery again, please delete my details.",
        "I'm closing the wallet and moving everything to a hardware wallet, this is the end.",
        "Kindly terminate the care package from next Monday, we have arranged other help.",
        "We're pulling out of the tenancy at the end of term, I want to give notice.",
        "Stop the roofing contract, we'll get someone else to finish it.",
        "Please remove me from the garden waste scheme, I'm not renewing.",
        "honestly never using ur service again, close my acc",
        "Hiermit kündige ich, I hereby cancel my pet sitting subscription.",
    ),
}

# Politeness is not satisfaction: each of these closings must leave the conversation NEUTRAL.
HELDOUT13_POLITE = (
    "thanks bye",
    "Grand so, thanks a million.",
    "Thank you for your kind revert.",
    "ok ty",
    "Thanks, noted, will wait.",
    "Yours faithfully, thanking you in advance.",
    "Gracias, goodbye.",
    "ok cool thx",
    "THANKS",
    "Danke, have a nice day.",
)

# Positive messages with the words of frustration: not NEGATIVE.
HELDOUT13_POSITIVE = (
    "the rider came again even though it was raining so hard, legend honestly",
    "Still can't believe you got my deposit back, thank you so much!",
    "The sitter sent photos every day, the cats didn't even miss me lol.",
    "No complaints at all, the bins have been collected on time all year.",
    "Same fast withdrawal as always, love this wallet no cap.",
    "Mam says the new carer is the best she's ever had, she won't stop talking about her.",
    "Not a single drip since the new roof went on, cheers lads.",
    "I'd stay here again in a heartbeat, best residence on campus.",
    "Honestly didn't expect to win the appeal, thank you for everything.",
    "I keep telling everyone about your dispatch team, absolute stars.",
)

HELDOUT13_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "NoMethodError: undefined method `rider_id' for nil:NilClass",
        "PHP Fatal error:  Uncaught TypeError: count(): Argument #1 ($value) must be of type "
        "Countable|array, null given",
        "terminate called after throwing an instance of 'std::out_of_range'",
        "Fatal error: exception Not_found",
        "Unhandled Exception: FormatException: Invalid date format 2024-13-01",
        "akka.pattern.AskTimeoutException: Ask timed out on [Actor[akka://care/user/rota]] "
        "after [5000 ms]",
        "InsufficientFundsError: balance 0.0021 ETH below required 0.0100 ETH",
        "CaseNotFound: no case with reference LA-20931",
        "KeyError: 'permit_zone'",
        "botocore.exceptions.NoCredentialsError: Unable to locate credentials",
    ),
    "traceback": (
        "panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\n"
        "main.assignRider(...)\n\t/app/dispatch/assign.go:44 +0x1d\nmain.main()\n\t"
        "/app/dispatch/main.go:12 +0x25\nexit status 2",
        "PHP Fatal error:  Uncaught Exception: case locked in /var/www/legal/case.php:88\n"
        "Stack trace:\n#0 /var/www/legal/index.php(17): Case->update()\n#1 {main}\n  thrown in "
        "/var/www/legal/case.php on line 88",
        "app/models/booking.rb:31:in `nights': undefined method `-' for nil:NilClass "
        "(NoMethodError)\n\tfrom app/services/cattery.rb:12:in `quote'\n\tfrom bin/rails:4:in "
        "`<main>'",
        "=ERROR REPORT==== 3-Dec-2026::10:14:02 ===\n** Generic server bins_server terminating\n"
        "** Last message in was {collect,elm_road}\n** Reason for termination ==\n** {badarg,"
        '[{erlang,binary_to_integer,[<<"x">>],[]}]}',
        "Error: execution reverted: ERC20: transfer amount exceeds balance\n    at "
        "makeError (node_modules/ethers/lib/utils.js:118:21)\n    at checkError "
        "(node_modules/ethers/lib/provider.js:87:20)",
        "E/flutter ( 4711): [ERROR:flutter/runtime/dart_vm_initializer.cc(41)] Unhandled "
        "Exception: Null check operator used on a null value\nE/flutter ( 4711): #0      "
        "RotaPage.build (package:care/rota_page.dart:52:31)",
        "java.lang.IllegalStateException: quote already accepted\n\tat "
        "uk.roofing.Quote.accept(Quote.java:64)\n\tat uk.roofing.QuoteService.confirm("
        "QuoteService.java:29)\nCaused by: java.sql.SQLException: lock wait timeout",
        'Traceback (most recent call last):\n  File "/srv/rooms/allocate.py", line 19, in '
        '<module>\n    assign(room)\n  File "/srv/rooms/allocate.py", line 11, in assign\n'
        "    raise RoomFullError(room)\nRoomFullError: B-214",
        'Exception in thread "dispatch-worker-3" scala.MatchError: Pending (of class '
        "dispatch.Status$Pending$)\n\tat dispatch.Router.route(Router.scala:41)",
        "thread 'tokio-runtime-worker' panicked at 'called `Result::unwrap()` on an `Err` "
        "value: Timeout', src/rpc.rs:77:31\nnote: run with `RUST_BACKTRACE=1` environment "
        "variable to display a backtrace",
    ),
    "http_status_line": (
        "Error 522 Connection timed out\nCloudflare Ray ID: 84a1f2c3d4e5f6a7",
        "HTTP Error 404.0 - Not Found\nThe resource you are looking for has been removed, had "
        "its name changed, or is temporarily unavailable.",
        'rpc error: code = Unavailable desc = connection error: desc = "transport: Error '
        'while dialing dial tcp 10.0.0.4:443: connect: connection refused"',
        "An error occurred (AccessDenied) when calling the GetObject operation: Access Denied",
        "HTTP 401 Unauthorized",
        "Response status 500 from https://api.council.example/permits",
        "Server responded with 403 (Forbidden)",
        "HTTP/1.0 503 Service Unavailable",
        "Request failed with status code 502",
        "GET /v2/cases/LA-20931 -> 410 Gone",
    ),
    "json_status": (
        '{"jsonrpc": "2.0", "id": 1, "error": {"code": -32000, "message": "nonce too low"}, '
        '"http": {"status": 500}}',
        '{"status": 429, "retry_after": 30}',
        '{"errors": [{"status": "404", "title": "Rider not found"}]}',
        '{"outcome": "failed", "response": {"statusCode": 503}}',
        '{"case": "LA-20931", "sync": {"status": 409, "reason": "version conflict"}}',
        '{"code": "UNAUTHENTICATED", "status": 401}',
        '{"booking": null, "status": 400, "message": "check-out before check-in"}',
        '{"permit": {"id": "P-88"}, "gateway": {"status": 504}}',
        '{"StatusCode": 500, "Error": "Rota service unavailable"}',
        '{"meta": {"http_status": 422}, "data": null}',
    ),
    "error_prefix": (
        "npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.example/@care/rota",
        'Error: Invalid value for "region": region "eu-north-9" is not valid',
        'fatal: [roof-db-01]: FAILED! => {"changed": false, "msg": "No package matching '
        "'pgbouncer' is available\"}",
        "ERROR: Could not find a version that satisfies the requirement ledgerkit==3.1",
        "FAILURE: Build failed with an exception.",
        'Error from server (NotFound): deployments.apps "dispatch" not found',
        "Error: UNIQUE constraint failed: rooms.number",
        "MongoServerError: E11000 duplicate key error collection: pets.bookings",
        "failed to sign transaction: ledger device locked",
        "Error: ENOENT: no such file or directory, open '/data/bins/route.json'",
    ),
    "apology_after_tool": (
        "So sorry - I tried to book the rider but the dispatch system timed out.",
        "Apologies, I wasn't able to attach the document to your case; the upload failed.",
        "Hmm, the kennel calendar wouldn't let me add those dates, sorry about that.",
        "I'm sorry, my request to log the pothole was bounced back by the council system.",
        "Unfortunately the transfer didn't go through - the network rejected it.",
        "My apologies, I couldn't update the rota, something went wrong on our side.",
        "Sorry, the quote tool crashed before it could save your roof measurements.",
        "I'm afraid the room swap I tried to make didn't work.",
        "Ah, that's not gone through - the payment service gave me an error, apologies.",
        "Sorry for this, the booking was not possible to save, the system says no.",
    ),
}

# The user asks for a person; the agent ignores it or deflects, neither handing over nor saying
# why it cannot.
HELDOUT13_UNMET: tuple[tuple[str, str], ...] = (
    ("can i talk to someone at dispatch a real one", "Riders are tracked live in the app."),
    (
        "Kindly connect me to a concerned person who can handle my case.",
        "Legal aid covers housing, family and debt matters.",
    ),
    ("Is there a human I can talk to about the boarding?", "Cats need their vaccination card."),
    (
        "Is there an actual person at the council I can ring about this?",
        "You can report a missed bin online within 48 hours.",
    ),
    ("GET ME SOMEONE WHO WORKS THERE", "Our wallet supports over 200 tokens."),
    ("yo is there like a human support person or nah", "Swaps usually settle in a minute."),
    (
        "Would your man on the roof be able to give me a call?",
        "Flat roofs should be checked every autumn.",
    ),
    (
        "Please arrange for a member of staff to phone me, I cannot do this by chat.",
        "The residence office is in Block A.",
    ),
    (
        "Quiero hablar con una persona, I want talk with a person please.",
        "Thanks for reaching out! Is there anything else I can help with?",
    ),
    (
        "Can the care coordinator herself ring me back today?",
        "Carers are DBS-checked and fully trained.",
    ),
    (
        "I'd like to speak with a solicitor, please, not an automated system.",
        "You can upload documents to your case in the portal.",
    ),
    ("put me through to a supervisor pls", "Great question! Same-day delivery ends at 6pm."),
)

# Longer conversations: the user asks for a person, and none of the agent's later turns hands
# over or says why not (every case must read as an unmet escalation).
HELDOUT13_UNMET_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "My parcel shows delivered but it isn't here."),
        ("assistant", "Sorry about that. Have you checked with your neighbours?"),
        ("user", "Yes. I want to talk to the dispatcher, a person."),
        ("assistant", "Delivery photos are shown in the tracking page."),
        ("user", "ok"),
        ("assistant", "Anything else I can do for you?"),
    ),
    (
        ("user", "My hearing date was moved without telling me."),
        ("assistant", "Court dates are set by the court, not the clinic."),
        ("user", "I understand. Can my caseworker call me please?"),
        ("assistant", "You can check hearing dates on the court website."),
    ),
    (
        ("user", "The sitter didn't come on Tuesday."),
        ("assistant", "I'm sorry to hear that. Were the cats okay?"),
        ("user", "Yes but I need to speak to the manager of the sitters."),
        ("assistant", "All sitters log their visits in the app."),
        ("user", "..."),
        ("assistant", "Have a lovely day!"),
    ),
    (
        ("user", "My parking permit was refused."),
        ("assistant", "Permits need proof of address dated within three months."),
        ("user", "I sent that. Kindly put me in touch with an officer."),
        ("assistant", "Visitor permits can be bought in books of ten."),
    ),
    (
        ("user", "A withdrawal is stuck for two days."),
        ("assistant", "Withdrawals can take longer when the network is busy."),
        ("user", "i need a human from support rn"),
        ("assistant", "You can view the transaction on the block explorer."),
        ("user", "fine"),
        ("assistant", "Glad I could help!"),
    ),
    (
        ("user", "The carer forgot Dad's tablets this morning."),
        ("assistant", "I'm sorry. Has he taken them now?"),
        ("user", "Yes. I want the care manager to ring me about it."),
        ("assistant", "Medication is recorded on the care plan."),
    ),
    (
        ("user", "Water is coming through the new flashing."),
        ("assistant", "Heavy rain can sometimes find small gaps."),
        ("user", "Have the foreman call me, please."),
        ("assistant", "Our roofs come with a ten-year guarantee."),
        ("user", "right"),
        ("assistant", "Is there anything else?"),
    ),
    (
        ("user", "My room has mould on the wall."),
        ("assistant", "Open the window daily to reduce condensation."),
        ("user", "It's not condensation. Can a warden come and see it in person?"),
        ("assistant", "Rooms are inspected at the end of each term."),
    ),
)

# The user asks for a person and the agent hands over (or says when someone will be in touch,
# or gives a direct line): not an unmet escalation.
HELDOUT13_MET: tuple[tuple[str, str], ...] = (
    (
        "can i talk to the dispatcher",
        "Sure - I'm putting you through to Priya on the dispatch desk now.",
    ),
    (
        "I'd like a solicitor to look at my letter.",
        "Of course; I've booked you a 20-minute call with Ms Byrne, one of our solicitors, "
        "on Monday at 11.",
    ),
    (
        "Is there a person I can speak to about the cattery?",
        "Yes, the cattery manager, Olu, is on 020 7946 0321 until 6pm.",
    ),
    (
        "Can a council officer come and look at the pothole?",
        "Yes, a highways inspector will visit Elm Road within five working days.",
    ),
    (
        "Get me a human please.",
        "Transferring you to a support specialist now - average wait is two minutes.",
    ),
    (
        "Can the care coordinator call me?",
        "I've asked Maeve, your coordinator, to ring you before 3pm today.",
    ),
    (
        "I want to speak to the foreman.",
        "The foreman, Declan, can be reached directly on 087 123 4567.",
    ),
    (
        "Could someone from the residence office see me?",
        "Yes, the accommodation officer has a drop-in at 2pm today in Block A, room 4.",
    ),
)

# Ordinary questions with the weak forms' words: not NEGATIVE.
HELDOUT13_CALM = (
    "If the rider can't find the address, does he try again the next day?",
    "Can I still get legal aid if I own a car?",
    "Is it the same sitter every time or does it change?",
    "Do I have to apply again every year for the parking permit?",
    "If a transaction fails, do I still pay the gas fee?",
    "Can we cancel a visit at short notice if Dad goes into hospital?",
    "Is it normal for the new slates to look a different colour at first?",
    "Who do I speak to about swapping rooms next term?",
    "Could a person from the council collect a sofa, or is that a private job?",
    "What happens if I give up the room before the end of the contract?",
)

# Multi-turn conversations; the last user turn is the form given what came before it.
HELDOUT13_IN_CONTEXT: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "repeated_request": (
        (
            ("user", "Can the rider wait ten minutes at the pickup?"),
            ("assistant", "Our riders use electric cargo bikes."),
            ("user", "yes ok but can he wait the ten minutes"),
        ),
        (
            ("user", "Does legal aid cover an appeal?"),
            ("assistant", "Our clinic is open Monday to Thursday."),
            ("user", "That's grand, but the appeal - is it covered?"),
        ),
        (
            ("user", "Can the sitter give my dog his insulin?"),
            ("assistant", "All our sitters love animals!"),
            ("user", "Kindly confirm about the insulin injection only."),
        ),
        (
            ("user", "Will the council take away old paint tins?"),
            ("assistant", "Bulky waste collections cost £25 for up to three items."),
            ("user", "Paint tins though? Yes or no?"),
        ),
        (
            ("user", "is there a limit on daily withdrawals"),
            ("assistant", "The wallet supports over 200 tokens."),
            ("user", "not what i asked lol. daily withdrawal limit?"),
        ),
        (
            ("user", "Can the carer stay overnight on Fridays?"),
            ("assistant", "Our carers are fully trained and DBS-checked."),
            ("user", "Right, but the overnight on Fridays, is that a thing you do?"),
        ),
        (
            ("user", "Do you give a written guarantee for the flat roof?"),
            ("assistant", "Flat roofs are quicker to repair than pitched ones."),
            ("user", "I'm asking about the guarantee, in writing."),
        ),
        (
            ("user", "Are bills included in the rent?"),
            ("assistant", "Rooms are let for 44 or 51 weeks."),
            ("user", "Still not clear to me: bills included yes or no?"),
        ),
        (
            ("user", "Ist parking for residents free?"),
            ("assistant", "The residence has a bike store and a gym."),
            ("user", "And the parking, free or not free? This I ask."),
        ),
        (
            ("user", "Can you deliver to a PO box?"),
            ("assistant", "We deliver seven days a week."),
            ("user", "Okay. PO box, possible?"),
        ),
    ),
    "didnt_help": (
        (
            ("user", "The rider app won't load my jobs."),
            ("assistant", "Log out and log back in to refresh your jobs."),
            ("user", "Logged out and in, jobs list is empty as ever."),
        ),
        (
            ("user", "The portal won't accept my upload."),
            ("assistant", "Convert the file to PDF and try again."),
            ("user", "did the pdf thing, same red error"),
        ),
        (
            ("user", "My cat won't eat at the cattery."),
            ("assistant", "Bring a blanket from home so she feels settled."),
            ("user", "Brought her blanket Monday, she's still not touched her food."),
        ),
        (
            ("user", "The permit website won't take my card."),
            ("assistant", "Try a different browser and clear your cookies."),
            ("user", "Tried Chrome and Firefox, cookies cleared, card still declined."),
        ),
        (
            ("user", "My swap has been pending for an hour."),
            ("assistant", "Speed it up by raising the gas fee in settings."),
            ("user", "raised it to fast, still pending lol"),
        ),
        (
            ("user", "Dad's call button doesn't ring through."),
            ("assistant", "Change the battery in the pendant."),
            ("user", "New battery in since yesterday and the button is as dead as before."),
        ),
        (
            ("user", "The gutter overflows when it rains."),
            ("assistant", "We've cleared the downpipe, that should sort it."),
            ("user", "Rained last night, gutter overflowed exactly the same."),
        ),
        (
            ("user", "The heater in my room is cold."),
            ("assistant", "Bleed the radiator with the key from reception."),
            ("user", "I bled it, it is even colder now."),
        ),
        (
            ("user", "The tracking link shows the wrong address."),
            ("assistant", "I've corrected the address on the job."),
            ("user", "Link still shows the old street."),
        ),
        (
            ("user", "I can't see my tokens after the update."),
            ("assistant", "Add the token manually with its contract address."),
            ("user", "Added it manually. Balance shows zero, nothing changed."),
        ),
    ),
    "sarcasm": (
        (
            ("user", "Where is my parcel?"),
            ("assistant", "I'm sorry, the rider delivered it to the wrong building."),
            ("user", "Fabulous. Just fabulous."),
        ),
        (
            ("user", "Did my form reach the court?"),
            ("assistant", "Unfortunately it was filed after the deadline."),
            ("user", "Oh brilliant, that's just what I needed."),
        ),
        (
            ("user", "Is Biscuit ready for pickup?"),
            ("assistant", "I'm sorry, Biscuit escaped from the run this morning; we're searching."),
            ("user", "Wonderful care you offer, really."),
        ),
        (
            ("user", "Has the missed bin been rescheduled?"),
            ("assistant", "Sorry, the crew can't come back until next fortnight."),
            ("user", "Two more weeks of rubbish in the sun. Lovely."),
        ),
        (
            ("user", "Did my withdrawal arrive?"),
            ("assistant", "I'm afraid it was sent to a deprecated address and can't be recovered."),
            ("user", "lmao amazing. love that for me"),
        ),
        (
            ("user", "Is the carer coming at 8?"),
            ("assistant", "Sorry, there's nobody available this morning."),
            ("user", "Great, Dad can make his own breakfast then. Excellent service."),
        ),
        (
            ("user", "Is the roof done?"),
            ("assistant", "The crew had to stop; the scaffolding was put up on the wrong house."),
            ("user", "Genius. Absolute genius."),
        ),
        (
            ("user", "Is my room ready?"),
            ("assistant", "Unfortunately it was given to another student by mistake."),
            ("user", "What a fantastic start to university, thank you so much."),
        ),
        (
            ("user", "Any news on my legal aid application?"),
            ("assistant", "Sorry, it seems the application was lost in the system."),
            ("user", "Super organised as always."),
        ),
        (
            ("user", "When does the rider come?"),
            ("assistant", "Unfortunately the rider's bike was stolen, so the pickup is off."),
            ("user", "Class. Cheers for that."),
        ),
    ),
}

# First user turns that say "still" / "again" as backstory, answered and closed calmly: not
# NEGATIVE (nothing the agent said has failed yet).
HELDOUT13_BACKSTORY: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "I still have the old wallet on my phone, can I import it?"),
        ("assistant", "Yes, import it with the seed phrase under Settings > Wallets."),
        ("user", "Thanks, will do."),
    ),
    (
        ("user", "We'd like the same sitter again as at Easter."),
        ("assistant", "Aoife is free on your dates, I've pencilled her in."),
        ("user", "Grand, thanks."),
    ),
    (
        ("user", "Our bin got missed again this week, can I book a collection?"),
        ("assistant", "Yes, I've booked a return collection for Friday."),
        ("user", "ok thank you"),
    ),
    (
        ("user", "I'm still waiting to hear back from my landlord, can you advise meanwhile?"),
        ("assistant", "Keep copies of all letters; he must reply within 14 days."),
        ("user", "Noted, thanks."),
    ),
    (
        ("user", "Could the same roofer come again to do the porch?"),
        ("assistant", "Yes, Declan can do the porch next Tuesday."),
        ("user", "Perfect, book it."),
    ),
    (
        ("user", "I'm staying on again next year, how do I rebook my room?"),
        ("assistant", "Returning students rebook through the portal from 1 March."),
        ("user", "Lovely, thank you."),
    ),
)

# Calm controls (the reverse of false readings found by review).

# After the agent's instruction or fix the user reports calmly that it works now, in many forms:
# not NEGATIVE, and no incomplete answer (the conversation ends on the report).
HELDOUT13_SUCCESS_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "The rider app freezes on the map."),
        ("assistant", "Turn off battery saver for the app in your phone settings."),
        ("user", "battery saver off, map's smooth now"),
    ),
    (
        ("user", "The portal rejects my scanned letter."),
        ("assistant", "Save it as a PDF under 5 MB and upload it again."),
        ("user", "Saved as a smaller PDF, uploaded fine."),
    ),
    (
        ("user", "My dog keeps barking at the sitter."),
        ("assistant", "Have the sitter arrive with a treat and ignore him for the first minute."),
        ("user", "Tried that this morning, he was wagging his tail by the end of the visit."),
    ),
    (
        ("user", "I can't find my permit in the app."),
        ("assistant", "Pull down on the permits screen to refresh."),
        ("user", "Pulled down and there it is."),
    ),
    (
        ("user", "My balance shows zero after the update."),
        ("assistant", "Switch the network back to mainnet in the top menu."),
        ("user", "Switched to mainnet, all my coins are showing."),
    ),
    (
        ("user", "Dad's pendant alarm beeps every night."),
        ("assistant", "We've replaced the base unit this afternoon."),
        ("user", "Not a beep out of it last night."),
    ),
    (
        ("user", "The skylight lets water in."),
        ("assistant", "We've resealed the skylight and replaced the flashing."),
        ("user", "Lashed rain all weekend and the kitchen is bone dry."),
    ),
    (
        ("user", "My key card won't open the front door."),
        ("assistant", "Hold it flat against the reader for two seconds."),
        ("user", "Held it flat, door opens first time. Ta."),
    ),
    (
        ("user", "The label printer prints blank labels."),
        ("assistant", "Flip the thermal roll so the shiny side faces the print head."),
        ("user", "flipped it, labels come out crisp"),
    ),
    (
        ("user", "The case portal logs me out every minute."),
        ("assistant", "Allow third-party cookies for the portal's address."),
        ("user", "Allowed them, I've been logged in for an hour now without issue."),
    ),
)

# A polite ask for a person that the agent meets; the user thanks: not NEGATIVE, not unmet.
HELDOUT13_MET_POLITE: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "Could I speak to someone on the dispatch desk about a regular pickup?"),
        ("assistant", "Of course, Tomasz from dispatch will call you within the hour."),
        ("user", "Great, thank you."),
    ),
    (
        ("user", "Would a solicitor be able to look over my lease?"),
        ("assistant", "Yes, Ms Byrne will review it and call you on Thursday."),
        ("user", "That's very kind, thanks."),
    ),
    (
        ("user", "Can I talk to the cattery manager about my cat's diet?"),
        ("assistant", "Sure, connecting you to Olu now."),
        ("user", "Thanks!"),
    ),
    (
        ("user", "Is there an officer I could discuss the planning query with?"),
        ("assistant", "Yes, the duty planning officer will e-mail you today to arrange a call."),
        ("user", "Grand, thanks a million."),
    ),
    (
        ("user", "Could a support person help me set up the hardware wallet?"),
        ("assistant", "Yes, I've booked you a screen-share with Jonas tomorrow at 10."),
        ("user", "perfect ty"),
    ),
    (
        ("user", "Could Dad's care coordinator give me a ring about his new tablets?"),
        ("assistant", "Certainly, Maeve will phone you at 4pm today."),
        ("user", "Thank you so much."),
    ),
    (
        ("user", "Can the roofer come and explain the quote in person?"),
        ("assistant", "Yes, Declan will call round on Saturday morning to go through it."),
        ("user", "Cheers, that suits."),
    ),
    (
        ("user", "Is there a warden I can speak to about a quiet room?"),
        ("assistant", "Yes, the senior warden, Ade, is on 01632 960 555 this evening."),
        ("user", "Okay, I'll call him, thanks."),
    ),
    (
        ("user", "Kindly arrange a call with the concerned person for my claim."),
        ("assistant", "Done - your caseworker, Mr Shah, will ring you tomorrow at 9:30."),
        ("user", "Thank you for arranging."),
    ),
    (
        ("user", "Could I speak to someone about a bulky collection?"),
        ("assistant", "Transferring you to the waste team now."),
        ("user", "Lovely, ta."),
    ),
)

# The agent answers; the user acknowledges (not NEGATIVE, no incomplete answer).
HELDOUT13_ACK: tuple[tuple[str, str], ...] = (
    (
        "Why do riders ask for a photo at the door?",
        "The photo is our proof of delivery if a parcel goes missing.",
    ),
    (
        "Why do you need my payslips for legal aid?",
        "Legal aid is means-tested, so we have to check household income.",
    ),
    (
        "Why does the cattery need my cat's vaccination card?",
        "Vaccinations protect all the cats staying with us from cat flu.",
    ),
    (
        "Why are the bins collected so early?",
        "Early rounds avoid school traffic on the narrow streets.",
    ),
    (
        "Why does the wallet show two balances?",
        "One is what you hold; the other is what is locked in staking.",
    ),
    (
        "Why do the carers write in a folder at every visit?",
        "The folder is the care record, so the next carer knows what was done.",
    ),
    (
        "Why do you need scaffolding for a small repair?",
        "Working at height without scaffolding isn't safe or legal for our crews.",
    ),
    (
        "Why is there a fire drill every term?",
        "Halls must run a drill each term so new residents know the routes.",
    ),
    (
        "Why is the same-day price higher after 2pm?",
        "Late bookings need a dedicated rider rather than a shared route.",
    ),
    (
        "Why does the council need a photo of the pothole?",
        "Inspectors use it to judge how urgent the repair is.",
    ),
)
HELDOUT13_ACK_REPLIES = (
    "ah ok makes sense",
    "Right, grand.",
    "Understood, thank you.",
    "Oh fair enough.",
    "k got it",
    "Good to know, cheers.",
    "I see, thanks for explaining.",
    "Ok noted.",
    "Fair, thx.",
    "Makes sense, thank you.",
)

# The agent explains an error code or message the user asked about (nothing failed in the
# trace): not a failed tool call, not NEGATIVE.
HELDOUT13_ERROR_DOCS: tuple[tuple[str, str], ...] = (
    (
        "The rider app says 'E-GEO-7'. What's that?",
        "E-GEO-7 means location access is off; allow it in settings and the jobs load.",
    ),
    (
        "The portal showed 'Error 413' when I uploaded. What does it mean?",
        "413 means the file is too large; anything under 10 MB uploads fine.",
    ),
    (
        "The cattery booking page said 'slot unavailable (409)'. Is my booking lost?",
        "No, 409 there only means someone took that slot a second earlier; your other booking "
        "stands.",
    ),
    (
        "What does 'PERMIT_EXPIRED' mean on my parking app?",
        "It means last year's permit lapsed; the new one is active from the 1st.",
    ),
    (
        "My wallet said 'nonce too low'. Did I lose money?",
        "No - it means a transaction with that number was already sent; nothing was lost.",
    ),
    (
        "The pendant flashed 'LOW BATT'. Is it broken?",
        "Not broken, the battery just needs changing; the carer can do it today.",
    ),
    (
        "The roof quote e-mail says 'Error: estimate pending'. Is something wrong?",
        "Nothing's wrong, it just means the surveyor hasn't signed it off yet.",
    ),
    (
        "My key card reader beeps red with 'ACCESS 403'. What's that?",
        "That reader is the staff door; your card opens the main entrance only.",
    ),
    (
        "What does 'TimeoutError' mean in the tracking widget on your site?",
        "It shows when the map takes long to load on slow connections; refreshing fixes it.",
    ),
    (
        "The council site said '503 Service Unavailable' last night. Did my form go?",
        "That was planned maintenance; your form arrived this morning and is being processed.",
    ),
)
HELDOUT13_ERROR_DOCS_REPLIES = (
    "ah ok will do",
    "Phew, thanks.",
    "Good, thank you.",
    "Grand, thanks.",
    "ok good lol",
    "Thank you, that's a relief.",
    "Alright, thanks.",
    "Oh I see, thanks.",
    "Ok will refresh.",
    "Brilliant, thank you.",
)

# Review class 1: a question about modelling or computing data that names a money metric is no
# Pricing question: Pricing question must read NONE.
HELDOUT13_MONEY_MODELLING: tuple[tuple[str, str], ...] = (
    (
        "How do I total the mileage claims per employee for Q3 in the expense report?",
        "Filter to Q3, group by employee and sum the mileage amount.",
    ),
    (
        "Can I chart average spend per trip by cost centre?",
        "Yes, pick a bar chart with cost centre on the axis and average trip spend as value.",
    ),
    (
        "Which column holds the VAT amount in the receipts export?",
        "It's `vat_amount`, in the receipts sheet of the export.",
    ),
    (
        "How should I calculate the reimbursement total net of advances in a pivot?",
        "Put employee in rows, then reimbursements minus advances as a calculated field.",
    ),
    (
        "How do I flag hotel costs above the policy limit in the dashboard?",
        "Add a rule on the hotel amount column with the policy limit as the threshold.",
    ),
    (
        "What's the best way to break down per diem payments by country?",
        "Group by the country field and sum the per diem amount.",
    ),
    (
        "How do I work out the council tax paid per property across our portfolio data?",
        "Group the payments table by property reference and sum the amount.",
    ),
    (
        "Can the export include a column for the single-person discount amount?",
        "Yes, tick 'Discount amount' in the export's column picker.",
    ),
    (
        "How do I compare arrears by band in the reporting tool?",
        "Use band as the row and arrears balance as the measure.",
    ),
    (
        "How do I compute month-over-month change in card spend from the transactions table?",
        "Sum spend by month, then divide each month by the previous one minus one.",
    ),
)

# Review class 2: a request to record or change the user's own account data is no Feature
# request (NONE) and no Pricing question (NONE).
HELDOUT13_ACCOUNT_DATA: tuple[tuple[str, str], ...] = (
    (
        "Please update my bank details for expense reimbursements.",
        "Updated - reimbursements will go to the new account from the next run.",
    ),
    (
        "Can you change my cost centre on my profile to Marketing?",
        "Done, your new claims will be coded to Marketing.",
    ),
    (
        "Add my corporate card number ending 4421 to my account please.",
        "Added; card transactions will import automatically.",
    ),
    (
        "Please change the approver on my account to Sinead.",
        "Sinead is now your approver.",
    ),
    (
        "Could you update the property reference on my council tax account?",
        "Updated; it'll show on your next bill.",
    ),
    (
        "Change the billing name to my partner's name as well, please.",
        "Done, the bill will show both names from next month.",
    ),
    (
        "Please record the new direct debit date as the 15th.",
        "Recorded - payments will come out on the 15th from next month.",
    ),
    (
        "Can you set my notification e-mail to my work address?",
        "Yes, notices will now go to your work e-mail.",
    ),
    (
        "Please amend the move-in date on my account to 3 September.",
        "Amended; your bills will be recalculated from that date.",
    ),
    (
        "Add my student exemption certificate number to the account.",
        "Added, the exemption will show on your statement.",
    ),
)
