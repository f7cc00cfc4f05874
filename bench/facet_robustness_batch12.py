"""Held-out batch 12 of the robustness set (bench/facet_robustness_set.py).

Written for the eleventh pass of issue 14 (success reports read as an incomplete answer,
tracebacks and crash reports of other languages and runtimes, the one-turn forms — sarcasm,
giving up, "didn't help", repeating —, unmet asks for a person said in words the rules do not
read, a met ask read as unmet) BEFORE any change of that pass, and without running anything on
it: every failure form of the issue (Sentiment and Issues), ten or more phrasings each, in
domains batches 1-11 do not use (a hearing-aid and audiology clinic, a motorhome and campervan
rental, a window-cleaning round, a florist, a carpet and upholstery cleaner, a telescope and
astronomy shop, a dental practice, a children's coding camp; and, for the two review classes, a
payroll tool and a utilities account desk). Registers batches 1-11 do not use: Singlish ("lah",
"can or not"), Nigerian English ("abeg", "oga", "wahala"), New Zealand slang ("sweet as",
"chur", "yeah nah"), Canadian ("eh"), legalese ("without prejudice", "the undersigned"),
telegram style ("STOP"), hashtags, sports commentary. Tool failures come in formats the earlier
batches do not print (Haskell, Elixir, Kotlin, Swift, Perl, Lua, R, Julia, PowerShell, .NET,
Zig, Rust panics with backtraces, segfaults with exit statuses, systemd, Docker and Kubernetes
exits, PostgreSQL, MySQL, Redis, SOAP faults, Varnish, Envoy, Akamai, gcloud, apt, make, ...).

Groups as in batch 11 (IN_CONTEXT with ten conversations per form, BACKSTORY, UNMET_CTX, MET,
CALM, and the calm controls SUCCESS_CTX, MET_POLITE, ACK, ERROR_DOCS, MONEY_MODELLING,
ACCOUNT_DATA). The success reports are many forms on purpose: "works now", "no more X since",
"fixed, cheers", and a problem gone stated as a bare fact ("the squeal has stopped"); the met
asks include handovers that are no call (a visit, a direct line or an e-mail address given).

Measured once, at the end of the pass; never used to train, tune a threshold or change a rule.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS12 = (
    (
        "Do you do free hearing tests for over-60s?",
        "Yes, a full hearing test is free for anyone over 60 and takes 45 minutes.",
    ),
    (
        "Can I take the campervan to France?",
        "Yes, European cover is included; let us know the dates when you collect.",
    ),
    (
        "How often do you clean windows on my street?",
        "Our round covers your street every four weeks, on a Tuesday.",
    ),
    (
        "Can you deliver a bouquet on Saturday morning?",
        "Yes, Saturday deliveries go out between 8am and 12 noon.",
    ),
    (
        "Do you clean wool rugs as well as carpets?",
        "Yes, wool rugs are cleaned at low moisture, usually dry within four hours.",
    ),
    (
        "Which telescope would you suggest for a beginner?",
        "A 6-inch Dobsonian is a good first telescope: simple to set up and bright.",
    ),
    (
        "Is the practice open on Saturdays?",
        "Yes, we open from 9 to 1 on Saturdays for check-ups and hygienist visits.",
    ),
    (
        "What age is the coding camp for?",
        "The camp is for ages 8 to 14, grouped by experience rather than age.",
    ),
)

HELDOUT12_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "Cleaned the wax guard like you said, the left aid still whistles non-stop.",
        "Abeg, I reset the leisure battery as you told me and the fridge is still dead.",
        "Yeah nah, that vinegar trick left streaks worse than before.",
        "Trimmed the stems and changed the water per your tip - the roses drooped anyway.",
        "The spot remover you sold me did nothing, the wine stain is the same size.",
        "Collimated it following your guide STOP stars still look like commas STOP",
        "Rinsed with the salt water three times a day as advised, the gum's no less swollen.",
        "Reinstalled the IDE like you said lah, still cannot run the sketch.",
        "Your suggestion hasn't made a blind bit of difference to the hiss.",
        "Tried the reset code twice, eh, and the step's still stuck half out. #useless",
    ),
    "repeated_request": (
        "For the third time of asking: is the hearing test really free?",
        "As already stated in my two previous e-mails, we need the van with a bike rack.",
        "Chur, but like I said before, it's the conservatory roof too.",
        "I've asked this already, can or not deliver on Sunday?",
        "I am asking you again, please: what time will the cleaners arrive?",
        "Yet again I'll ask - does the 8-inch come with a finder scope?",
        "Without prejudice, the undersigned repeats his request of 3 March for a copy of the "
        "X-rays.",
        "Let me repeat myself one more time: my son is 9, not 14.",
        "Oga, this na the fourth time I dey ask: when is my refund coming?",
        "Round two of the same question: is the rug fringe cleaned too?",
    ),
    "ask_human": (
        "Can I speak to the audiologist myself, please?",
        "Put a real person on, I'm not doing this with a chatbot.",
        "Please have the manager of the depot contact me.",
        "Is there a live agent available, eh?",
        "I want a human, abeg.",
        "Kindly connect me with someone at the branch.",
        "Let me speak to your supervisor lah.",
        "Could one of the dentists give me a ring about this?",
        "I'd prefer to sort this out with an actual member of the team.",
        "Need a person. Now. Not a bot.",
    ),
    "sarcasm": (
        "Fantastic, my new hearing aids arrived with the wrong ear moulds. Top work.",
        "Oh marvellous, the campervan's awning snapped on the first night. Great holiday.",
        "Lovely stuff, your window cleaner left a ladder print right across my flower bed.",
        "What a stunning bouquet - for the funeral it went to instead of my wife's birthday.",
        "Impressive work: the sofa came back two shades lighter and still smelling of dog.",
        "Ten out of ten for the packing, the mirror in my telescope arrived in three pieces.",
        "Sweet as, booked for a filling and you pulled the wrong tooth. Cheers for that.",
        "Amazing camp, my kid spent three days watching the tutor fix the wifi. #worthit",
        "Superb customer care, you hung up on me twice in one morning.",
        "And he scores! The van breaks down for the third time on the motorway. What a team.",
    ),
    "giving_up": (
        "Forget the repair, I'll buy a new hearing aid off the internet.",
        "Never mind, we'll take my brother's caravan instead.",
        "Don't bother coming back, I'll do the windows myself from now on.",
        "Leave it, I'll grab some flowers at the petrol station.",
        "I'll just hire a machine and clean the carpet myself, thanks anyway.",
        "Yeah nah, not worth it, I'll sell the scope and be done with it.",
        "I'm done chasing this, I'll find another dentist.",
        "Abeg forget it, we go find another camp for am.",
        "I'll stop wasting my time and sort it out some other way.",
        "Whatever, I'll live with the stain.",
    ),
    "agent_complaint": (
        "You don't listen, do you?",
        "This assistant is worse than useless, eh.",
        "That's a canned answer and you know it.",
        "You keep changing your story every message.",
        "Why do you keep asking me for my postcode? I've given it to you.",
        "Every reply you give is copy-paste from the website.",
        "You haven't read anything I wrote lah.",
        "Stop apologising and actually answer.",
        "I've had more sense out of a parking meter.",
        "Your answers make no sense whatsoever.",
    ),
    "cancel_talk": (
        "Please cancel my aftercare plan, I'm moving to another clinic.",
        "Cancel the campervan booking for August, we've found a better deal elsewhere.",
        "Take me off the window round, I won't be needing you any more.",
        "Stop my weekly flower subscription, please.",
        "I'm switching to another cleaning company, close my account.",
        "Please cancel my astronomy magazine and club membership.",
        "I wish to deregister from the practice.",
        "Withdraw my son from the camp and refund the deposit.",
        "Unsubscribe me from everything, I'm done with you lot.",
        "Terminate the contract with immediate effect, as per clause 9.",
    ),
}

# Politeness is not satisfaction: each of these closings must leave the conversation NEUTRAL.
HELDOUT12_POLITE = (
    "Okay lah, thanks.",
    "Chur, ka kite.",
    "Thanks, eh. Have a good one.",
    "Thank you ma, bye.",
    "Noted. Regards.",
    "Thanks STOP goodbye STOP",
    "Alright, thanks for the info.",
    "Thank you, that will be all.",
    "ty, ttyl",
    "Many thanks, have a nice evening.",
)

# Positive messages with the words of frustration: not NEGATIVE.
HELDOUT12_POSITIVE = (
    "The new aids are brilliant, I heard birds again for the first time in years!",
    "Still buzzing from the trip, the van was perfect from start to finish.",
    "Same great job as always, windows sparkling. Cheers!",
    "My wife cried happy tears at the flowers, thank you so much.",
    "I'll repeat what I told your cleaner: best job anyone's ever done on that sofa.",
    "Saw Saturn's rings again last night with the new eyepiece, absolutely stunning.",
    "No pain at all during the filling, I couldn't believe it. Thank you!",
    "My daughter won't stop talking about the camp, she wants to go again next year.",
    "Sweet as, the van's back in one piece and we had a blast.",
    "Honestly can't fault it, five stars again.",
)

HELDOUT12_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "AudiogramParseError: channel 'R' has no 4 kHz threshold",
        "System.InvalidOperationException: Sequence contains no elements",
        "kotlin.UninitializedPropertyAccessException: lateinit property van has not been "
        "initialized",
        "Fatal error: Unexpectedly found nil while unwrapping an Optional value",
        "FloristRouteException: no driver for postcode AB12",
        "** (ArgumentError) errors were found at the given arguments",
        "ReferenceError: rugType is not defined",
        "ValueError: invalid literal for int() with base 10: 'N/A'",
        "Prelude.head: empty list",
        "UnknownSlotError(slot='Sat 09:00')",
    ),
    "traceback": (
        "** (RuntimeError) hearing test slot not found\n    (clinic 0.4.1) lib/clinic/slots.ex:"
        '42: Clinic.Slots.book!/2\n    (elixir 1.16.0) lib/enum.ex:987: Enum."-each/2-lists^'
        'foreach/1-0-"/2',
        'Exception in thread "main" kotlin.KotlinNullPointerException\n\tat com.vans.Fleet.'
        "assign(Fleet.kt:57)\n\tat com.vans.MainKt.main(Main.kt:12)",
        "thread 'main' panicked at src/round.rs:88:14:\ncalled `Option::unwrap()` on a `None` "
        "value\nstack backtrace:\n   0: rust_begin_unwind\n   1: core::panicking::panic_fmt\n"
        "note: run with `RUST_BACKTRACE=full` for a verbose backtrace.",
        "lua: florist.lua:23: attempt to index a nil value (field 'order')\nstack traceback:\n"
        "\tflorist.lua:23: in function 'deliver'\n\tflorist.lua:40: in main chunk\n\t[C]: in ?",
        "Error in read.csv(\"jobs.csv\") : object 'rug_id' not found\nCalls: clean_job -> "
        "read.csv -> stopifnot\nExecution halted",
        "ERROR: LoadError: BoundsError: attempt to access 3-element Vector{Float64} at index "
        "[5]\nStacktrace:\n [1] getindex at ./array.jl:861 [inlined]\n [2] top-level scope at "
        "/srv/scope/mount.jl:19\nin expression starting at /srv/scope/mount.jl:19",
        "Unhandled exception. System.NullReferenceException: Object reference not set to an "
        "instance of an object.\n   at Dental.Booking.Reserve(Int32 slot) in /src/Booking.cs:"
        "line 31\n   at Dental.Program.Main(String[] args)",
        'Can\'t locate object method "enrol" via package "Camp::Kid" at /opt/camp/enrol.pl '
        "line 58.\n\tmain::register('Camp::Kid', 9) called at /opt/camp/enrol.pl line 12",
        "Segmentation fault (core dumped)\nProcess finished with exit code 139",
        "Write-Error: Cannot find path 'C:\\rounds\\tuesday.csv' because it does not exist.\n"
        "At C:\\scripts\\round.ps1:14 char:5\n+     Import-Csv $path\n+     ~~~~~~~~~~~~~~~~\n"
        "    + CategoryInfo          : ObjectNotFound",
    ),
    "http_status_line": (
        "Error 503 Backend fetch failed\nGuru Meditation: XID: 45114098\nVarnish cache server",
        "upstream connect error or disconnect/reset before headers. reset reason: connection "
        "failure",
        'Access Denied\nYou don\'t have permission to access "/api/bookings" on this server.\n'
        "Reference #18.2f4e1cb8.1701234567",
        "HTTP/2 429 Too Many Requests",
        "< HTTP/1.1 500 Internal Server Error",
        "status: 404 Not Found",
        "502 Bad Gateway - nginx/1.24.0",
        "The remote server returned an error: (403) Forbidden.",
        "Status Code: 504 Gateway Timeout",
        "requests.exceptions.HTTPError: 400 Client Error: Bad Request for url: "
        "https://api.florist.example/orders",
    ),
    "json_status": (
        '{"statusCode": 500, "message": "Internal server error"}',
        '{"error": {"code": 429, "status": "RESOURCE_EXHAUSTED"}}',
        '{"ok": false, "httpStatus": 403}',
        '{"result": null, "meta": {"status": 404, "detail": "van not found"}}',
        '{"data": [], "response": {"status": 503}}',
        '{"status": "500", "title": "Server Error"}',
        '[{"status": 422, "source": {"pointer": "/data/attributes/date"}}]',
        '{"job": {"id": 77, "outcome": {"status_code": 502}}}',
        '{"Status": 401, "Message": "Authorization has been denied for this request."}',
        '{"success": false, "statusCode": 409, "error": "Conflict"}',
    ),
    "error_prefix": (
        'FATAL: password authentication failed for user "clinic"',
        'ERROR:  relation "bookings" does not exist',
        "ERROR 1045 (28000): Access denied for user 'vans'@'localhost'",
        "(error) WRONGTYPE Operation against a key holding the wrong kind of value",
        "E: Unable to locate package scope-tools",
        "make: *** [Makefile:12: build] Error 2",
        "Error response from daemon: container 4f2a exited with code 137",
        "fatal: could not read Username for 'https://git.camp.example': terminal prompts disabled",
        "ERROR: (gcloud.run.deploy) PERMISSION_DENIED: caller lacks run.services.create",
        "Failed to start florist-sync.service: Unit florist-sync.service not found.",
    ),
    "apology_after_tool": (
        "Sorry, I couldn't get that appointment to save - the system threw an error.",
        "Apologies, the booking didn't go through on my end.",
        "Hmm, that hasn't worked; the van calendar refused the change.",
        "I'm afraid my attempt to reschedule your round failed.",
        "Sorry about that, the order system wouldn't take the new address.",
        "Unfortunately I wasn't able to update the job, the tool returned an error.",
        "Oops, something broke while I was adding the eyepiece to your order.",
        "My apologies, I tried to move your check-up but it errored out.",
        "Sorry, the enrolment didn't stick - I'll need to try again.",
        "That didn't work, I'm sorry: the refund request was rejected by the system.",
    ),
}

# The user asks for a person; the agent ignores it or deflects, neither handing over nor saying
# why it cannot.
HELDOUT12_UNMET: tuple[tuple[str, str], ...] = (
    (
        "Can I speak to the audiologist myself, please?",
        "Hearing aids should be cleaned daily with a dry cloth.",
    ),
    (
        "Put a real person on, I'm not doing this with a chatbot.",
        "Our campervans sleep up to four adults.",
    ),
    ("Please have the manager of the depot contact me.", "We use pure water on all frames."),
    ("Is there a live agent available, eh?", "Roses last longer if you recut the stems."),
    ("I want a human, abeg.", "Most carpets dry within four to six hours."),
    (
        "Kindly connect me with someone at the branch.",
        "Jupiter is well placed in the evening sky this month.",
    ),
    ("Let me speak to your supervisor lah.", "Remember to floss once a day!"),
    (
        "Could one of the dentists give me a ring about this?",
        "Our hygienists can also whiten teeth.",
    ),
    (
        "I'd prefer to sort this out with an actual member of the team.",
        "Great! The camp day starts at 9am sharp.",
    ),
    ("Need a person. Now. Not a bot.", "Have you tried turning the van's ignition off and on?"),
    (
        "I should like to speak to the proprietor of this establishment.",
        "Our windows are cleaned with a water-fed pole system.",
    ),
    (
        "Get your boss to phone me.",
        "Thank you for your message! Is there anything else about your bouquet?",
    ),
)

# Longer conversations: the user asks for a person, and none of the agent's later turns hands
# over or says why not (every case must read as an unmet escalation).
HELDOUT12_UNMET_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "My new aid keeps cutting out."),
        ("assistant", "Sorry to hear that. Have you changed the battery?"),
        ("user", "Yes. I'd like an appointment with the audiologist, a person, please."),
        ("assistant", "Batteries last about a week with streaming."),
        ("user", "ok"),
        ("assistant", "Anything else I can help with today?"),
    ),
    (
        ("user", "The van's gas hob won't light."),
        ("assistant", "Check the gas bottle valve is open."),
        ("user", "It is. I want to talk to someone at the depot."),
        ("assistant", "The hob uses a piezo igniter; hold the knob in for ten seconds."),
    ),
    (
        ("user", "Your cleaner broke a pane in my porch."),
        ("assistant", "I'm sorry about that. Can you send a photo?"),
        ("user", "Sent. Now have the owner call me."),
        ("assistant", "Thanks for the photo! It looks like a single-glazed pane."),
        ("user", "..."),
        ("assistant", "Is there anything else?"),
    ),
    (
        ("user", "The flowers were wilted on arrival."),
        ("assistant", "Sorry! Were they kept out of the sun?"),
        ("user", "Of course. Can a florist ring me please?"),
        ("assistant", "Tulips keep growing in the vase, so they bend."),
    ),
    (
        ("user", "There's still a damp patch after the clean."),
        ("assistant", "Open the windows to speed up the drying."),
        ("user", "It's been two days. I'd like to talk to whoever did the job."),
        ("assistant", "Wool can take longer to dry in cold weather."),
        ("user", "right"),
        ("assistant", "Glad I could help!"),
    ),
    (
        ("user", "The mount won't track."),
        ("assistant", "Is it aligned to the pole star?"),
        ("user", "Yes. Abeg, give me a human who knows telescopes."),
        ("assistant", "Polar alignment is easiest with a polar scope."),
    ),
    (
        ("user", "My crown came off again."),
        ("assistant", "Keep it safe and avoid chewing on that side."),
        ("user", "I'd like the dentist herself to call me, please."),
        ("assistant", "Temporary cement is sold at most pharmacies."),
        ("user", "fine"),
        ("assistant", "Take care!"),
    ),
    (
        ("user", "My son wasn't collected at the gate."),
        ("assistant", "I'm sorry. Is he safe now?"),
        ("user", "Yes. I want to speak to the camp leader lah."),
        ("assistant", "Pick-up is from 4pm at the main gate."),
    ),
)

# The user asks for a person and the agent hands over (or says when someone will be in touch,
# or gives a direct line): not an unmet escalation.
HELDOUT12_MET: tuple[tuple[str, str], ...] = (
    (
        "Can I talk to the audiologist?",
        "Yes - I've booked you a call with Dr Okafor, our audiologist, tomorrow at 10.",
    ),
    (
        "is there a person at the depot?",
        "I can't transfer chats, but the depot's direct number is 0161 496 0123, staffed 8 to 6.",
    ),
    (
        "Can the owner ring me?",
        "I've passed your number to Gary, the owner; he'll ring you this evening.",
    ),
    (
        "I'd like to speak to a florist.",
        "Of course, I'm handing you over to Mei in the shop now.",
    ),
    (
        "Can someone come and look at the stain?",
        "Yes, I've booked our supervisor Tom to visit you on Thursday morning.",
    ),
    (
        "Is there a human who knows about mounts?",
        "Our astronomy specialist is on live chat - transferring you to him now.",
    ),
    (
        "I want to speak to the practice manager.",
        "The practice manager, Mrs Adeyemi, can be e-mailed directly at "
        "manager@smiles.example; she replies the same day.",
    ),
    (
        "Get me a real person please.",
        "Sure - a member of the camp team will message you here within 15 minutes.",
    ),
)

# Ordinary questions with the weak forms' words: not NEGATIVE.
HELDOUT12_CALM = (
    "Do I still need a referral if I've had a test with you before?",
    "Can I return the van again on a Sunday next time?",
    "If I skip a clean, do I still pay for that month?",
    "Can I repeat last week's bouquet for my mum?",
    "Does a person check the carpet before you start?",
    "What if the clouds don't clear, can I give up my slot at the star party?",
    "Is it normal for a tooth to still feel sensitive after a filling?",
    "Can my daughter do the same course again next summer?",
    "Who do I talk to about a group booking for a school?",
    "Do you ever cancel camp because of bad weather?",
)

# Multi-turn conversations; the last user turn is the form given what came before it.
HELDOUT12_IN_CONTEXT: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "repeated_request": (
        (
            ("user", "Do you fit hearing aids for children?"),
            ("assistant", "We fit the latest rechargeable aids from three makers."),
            ("user", "Yes, but for children - do you fit them?"),
        ),
        (
            ("user", "Is there a pet-friendly campervan?"),
            ("assistant", "All our vans have a shower and a fridge."),
            ("user", "ok but can my dog come in the van?"),
        ),
        (
            ("user", "Do you clean skylights?"),
            ("assistant", "We clean windows up to three storeys."),
            ("user", "I meant the skylights on the roof, do you do those?"),
        ),
        (
            ("user", "Can I add a card message to the bouquet?"),
            ("assistant", "Our bouquets are hand-tied by our florists."),
            ("user", "That's nice lah, but the card message, can or not?"),
        ),
        (
            ("user", "Do you treat pet odours in the carpet?"),
            ("assistant", "We use a hot-water extraction method."),
            ("user", "And the pet smell, does that get treated?"),
        ),
        (
            ("user", "Does the telescope come with a tripod?"),
            ("assistant", "The 8-inch has a 1200 mm focal length."),
            ("user", "Still no word on the tripod - included or not?"),
        ),
        (
            ("user", "Can I book a hygienist without a check-up?"),
            ("assistant", "Check-ups are recommended every six months."),
            ("user", "Understood, though can I see the hygienist on its own?"),
        ),
        (
            ("user", "Is lunch provided at the camp?"),
            ("assistant", "The camp runs from 9 to 4 each day."),
            ("user", "Back to my question: is lunch included?"),
        ),
        (
            ("user", "Do the vans have winter tyres?"),
            ("assistant", "Our vans are serviced before every hire."),
            ("user", "Sure, sure. Winter tyres though, eh?"),
        ),
        (
            ("user", "Can you do a Sunday clean?"),
            ("assistant", "We clean Monday to Saturday."),
            ("user", "Right, so I'll ask once more - no Sundays at all, even for a fee?"),
        ),
    ),
    "didnt_help": (
        (
            ("user", "My aid crackles when I talk."),
            ("assistant", "Replace the wax filter with one from the kit."),
            ("user", "New filter in, crackling carries on."),
        ),
        (
            ("user", "The van's leisure battery drains overnight."),
            ("assistant", "Switch off the inverter before bed."),
            ("user", "Inverter off all night and the battery was flat again by morning."),
        ),
        (
            ("user", "The windows look smeary after your visit."),
            ("assistant", "Give them a day, the pure water dries clear."),
            ("user", "Left it three days, the smears are all still there."),
        ),
        (
            ("user", "The lilies smell odd."),
            ("assistant", "Change the water and add the flower food sachet."),
            ("user", "Did that, they stink even more now."),
        ),
        (
            ("user", "The carpet feels crunchy after the clean."),
            ("assistant", "Vacuum it once it's fully dry."),
            ("user", "Vacuumed twice, it's no softer."),
        ),
        (
            ("user", "The finder scope doesn't line up with the main tube."),
            ("assistant", "Adjust the three screws on the finder bracket during the day."),
            ("user", "Adjusted them yesterday, it's still miles off at night."),
        ),
        (
            ("user", "My new filling feels high when I bite."),
            ("assistant", "It usually settles within a couple of days."),
            ("user", "Been a week, bite's just as off."),
        ),
        (
            ("user", "The camp login page won't accept my son's password."),
            ("assistant", "Use the reset link on the login page."),
            ("user", "Reset it twice lah, the page says wrong password again."),
        ),
        (
            ("user", "The van's step won't retract."),
            ("assistant", "Hold the step button for five seconds with the engine running."),
            ("user", "Held it ten seconds, it hasn't moved an inch."),
        ),
        (
            ("user", "My bouquet arrived without the vase."),
            ("assistant", "I've asked the driver to drop the vase off today."),
            ("user", "Day's over and no vase, no driver."),
        ),
    ),
    "sarcasm": (
        (
            ("user", "Are my aids ready?"),
            ("assistant", "I'm afraid they were sent to the wrong branch."),
            ("user", "Oh wonderful. Just wonderful."),
        ),
        (
            ("user", "Is the van ready for collection?"),
            (
                "assistant",
                "Unfortunately it has been double-booked and is out with another customer.",
            ),
            ("user", "Brilliant planning, well done."),
        ),
        (
            ("user", "Are you coming today?"),
            ("assistant", "Sorry, the round is cancelled; the van has a flat tyre."),
            ("user", "Great stuff, as reliable as ever."),
        ),
        (
            ("user", "Where is the wedding bouquet?"),
            ("assistant", "I'm sorry, it was delivered to a different church."),
            ("user", "Perfect. Absolutely perfect. Thanks so much."),
        ),
        (
            ("user", "Is the sofa done?"),
            ("assistant", "The cover shrank in the wash, I'm afraid."),
            ("user", "Sweet as. Love that for me."),
        ),
        (
            ("user", "Has my telescope shipped?"),
            ("assistant", "It's on back order until next spring."),
            ("user", "Just in time for the eclipse then. Nice one."),
        ),
        (
            ("user", "Can I see the dentist today?"),
            ("assistant", "Sorry, all dentists are fully booked for the next six weeks."),
            ("user", "Six weeks with toothache, how lovely."),
        ),
        (
            ("user", "Did my son's project upload?"),
            ("assistant", "I'm afraid the server lost all the weekend's projects."),
            ("user", "Fab, great work team."),
        ),
        (
            ("user", "Was the deposit refunded?"),
            ("assistant", "The refund was sent to a closed account and bounced."),
            ("user", "Gold star for the finance team."),
        ),
        (
            ("user", "When will the cleaner arrive?"),
            ("assistant", "The cleaner quit this morning, so nobody is coming."),
            ("user", "Ah, the famous customer service strikes again. Stellar."),
        ),
    ),
}

# First user turns that say "still" / "again" as backstory, answered and closed calmly: not
# NEGATIVE (nothing the agent said has failed yet).
HELDOUT12_BACKSTORY: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "I still have my old aids, can you recycle them?"),
        ("assistant", "Yes, bring them in and we'll send them to a charity."),
        ("user", "Great, thanks."),
    ),
    (
        ("user", "We'd like the same van again as last summer."),
        ("assistant", "That's Bessie, she's free on your dates."),
        ("user", "Perfect, book her."),
    ),
    (
        ("user", "The gutters are full again, do you clear those?"),
        ("assistant", "Yes, gutter clearing is £40 for a semi."),
        ("user", "Ok, add it to the next visit."),
    ),
    (
        ("user", "Can I repeat my standing order but with tulips this time?"),
        ("assistant", "Yes, I've switched it to tulips from next week."),
        ("user", "Lovely, ta."),
    ),
    (
        ("user", "I'm still deciding between two eyepieces, which is sharper?"),
        ("assistant", "The 10 mm Plössl is sharper at the edges."),
        ("user", "Thanks, I'll take that one."),
    ),
    (
        ("user", "My daughter wants to come back again, is there an advanced group?"),
        ("assistant", "Yes, the advanced group builds games in Python."),
        ("user", "Brilliant, thank you."),
    ),
)

# Calm controls (the reverse of false readings found by review).

# After the agent's instruction or fix the user reports calmly that it works now, in many forms:
# not NEGATIVE, and no incomplete answer (the conversation ends on the report).
HELDOUT12_SUCCESS_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "My hearing aid whistles when I put my hat on."),
        ("assistant", "Push the dome further into the ear canal so it seals."),
        ("user", "Pushed it in properly, no more whistling since."),
    ),
    (
        ("user", "The van's fridge won't cool on gas."),
        ("assistant", "Turn the selector to gas and hold the ignition button for 20 seconds."),
        ("user", "Held it 20 secs, fridge is cold now. Sweet as."),
    ),
    (
        ("user", "The window frames are left with drips."),
        ("assistant", "We've re-done your frames this afternoon with a final rinse."),
        ("user", "Frames are spotless."),
    ),
    (
        ("user", "The roses are drooping."),
        ("assistant", "Cut 2 cm off the stems at an angle and put them in warm water."),
        ("user", "Did that last night, they've perked right up."),
    ),
    (
        ("user", "There's a ring on the carpet where the spill was."),
        ("assistant", "Blot it with the solution we left, working from the outside in."),
        ("user", "Fixed, cheers."),
    ),
    (
        ("user", "Stars look blurry in the eyepiece."),
        ("assistant", "Let the telescope cool outside for 30 minutes before observing."),
        ("user", "Left it out for half an hour - pin-sharp stars."),
    ),
    (
        ("user", "My new denture rubs on the left side."),
        ("assistant", "We've eased the edge; wear it again and tell us how it feels."),
        ("user", "The sore spot has gone completely."),
    ),
    (
        ("user", "The camp app won't load my son's timetable."),
        ("assistant", "Update the app to version 3.2 from the store."),
        ("user", "Updated lah, timetable shows now."),
    ),
    (
        ("user", "The van's awning sticks halfway."),
        ("assistant", "Spray silicone on the rail and wind it out slowly."),
        ("user", "Sprayed it - rolls out smooth as butter. Chur."),
    ),
    (
        ("user", "The aid's app keeps losing the connection."),
        ("assistant", "Forget the aids in Bluetooth and pair them again from the app."),
        ("user", "Re-paired them this morning and it hasn't dropped once."),
    ),
)

# A polite ask for a person that the agent meets; the user thanks: not NEGATIVE, not unmet.
HELDOUT12_MET_POLITE: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "Would it be possible to speak to an audiologist before I buy?"),
        ("assistant", "Of course - Dr Patel will call you on Wednesday at 2pm."),
        ("user", "Thank you, that's kind."),
    ),
    (
        ("user", "Could someone at the depot walk me through the van before we leave?"),
        ("assistant", "Yes, Kev from the depot will do a full handover with you at collection."),
        ("user", "Great, cheers."),
    ),
    (
        ("user", "Can I speak to the owner about a commercial contract?"),
        ("assistant", "I can't connect calls, but the owner, Dave, is on 07700 900321 weekdays."),
        ("user", "Thanks, I'll ring him."),
    ),
    (
        ("user", "Is there a florist I could talk to about wedding flowers?"),
        ("assistant", "Yes, Ana, our wedding florist, will e-mail you to set up a consultation."),
        ("user", "Lovely, thank you."),
    ),
    (
        ("user", "Could a technician come and look at the rug?"),
        ("assistant", "Sure, I've booked a technician to visit on Friday between 10 and 12."),
        ("user", "Perfect, thanks eh."),
    ),
    (
        ("user", "May I talk to someone who knows astrophotography?"),
        ("assistant", "I'm transferring you to Lena, our imaging specialist, now."),
        ("user", "Thank you!"),
    ),
    (
        ("user", "Can I speak to the dentist about the treatment plan, please?"),
        ("assistant", "Yes, Dr Ibrahim has a phone slot at 5pm today; she'll call you."),
        ("user", "Much appreciated."),
    ),
    (
        ("user", "Could one of the tutors tell me more about the advanced group?"),
        ("assistant", "Certainly, our lead tutor Jo will message you here this afternoon."),
        ("user", "Thanks, that's great."),
    ),
    (
        ("user", "Is there a human I can check the booking with?"),
        ("assistant", "Yes, connecting you to Sam at the front desk now."),
        ("user", "Okay lah, thanks."),
    ),
    (
        ("user", "Can the manager contact me about the damage?"),
        ("assistant", "The manager, Ruth, has your details and will phone you by 3pm."),
        ("user", "Thank you ma."),
    ),
)

# The agent answers; the user acknowledges (not NEGATIVE, no incomplete answer).
HELDOUT12_ACK: tuple[tuple[str, str], ...] = (
    (
        "Why do my aids beep twice when I open the case?",
        "Two beeps mean the aids are switching off to charge.",
    ),
    (
        "Why is the van limited to 70 mph?",
        "All our vans have speed limiters fitted for insurance reasons.",
    ),
    (
        "Why do you use a pole instead of ladders?",
        "A water-fed pole lets us clean upper windows safely from the ground.",
    ),
    (
        "Why did the florist cut the stems so short?",
        "Shorter stems drink more easily and the arrangement lasts longer.",
    ),
    (
        "Why does the carpet look darker in patches after cleaning?",
        "The pile is lying in different directions while damp; it evens out once dry.",
    ),
    (
        "Why can't I see colours in the nebula like in photos?",
        "The eye sees faint light in grey; cameras collect colour over long exposures.",
    ),
    (
        "Why do I need an X-ray every two years?",
        "X-rays show decay between teeth that we can't see in a check-up.",
    ),
    (
        "Why does the camp use block coding for the younger ones?",
        "Blocks teach the logic without spelling errors getting in the way.",
    ),
    (
        "Why is there a deposit on the van?",
        "The deposit covers fuel and cleaning if the van comes back empty or dirty.",
    ),
    (
        "Why did my bouquet come in a box?",
        "Boxes keep the water pouch upright in the delivery van.",
    ),
)
HELDOUT12_ACK_REPLIES = (
    "Oh, right. Thanks.",
    "Makes sense, eh.",
    "Ok lah, understood.",
    "Ah, didn't know that. Cheers.",
    "Got it.",
    "Interesting! Ta.",
    "Fair enough, thank you.",
    "I see now.",
    "Chur, good to know.",
    "Okay, noted.",
)

# The agent explains an error code or message the user asked about (nothing failed in the
# trace): not a failed tool call, not NEGATIVE.
HELDOUT12_ERROR_DOCS: tuple[tuple[str, str], ...] = (
    (
        "My hearing-aid app says 'Error 12'. What is that?",
        "Error 12 means the aids aren't in range; hold the phone closer and it reconnects.",
    ),
    (
        "The van's dashboard shows 'E03' on the heater. What does it mean?",
        "E03 is low voltage to the heater - run the engine for ten minutes and it clears.",
    ),
    (
        "The booking page said '500 Internal Server Error' yesterday. Did my booking go through?",
        "That error was a short outage on our side; your booking is confirmed for Tuesday.",
    ),
    (
        "What does 'Payment declined: code 05' mean on the flower order?",
        "Code 05 is the bank's generic 'do not honour'; your bank can tell you why, or try "
        "another card.",
    ),
    (
        "The carpet machine flashes 'F2'. Is it broken?",
        "F2 means the clean-water tank is empty; refill it and it carries on.",
    ),
    (
        "The mount's handset says 'Motor stall'. What should I do?",
        "A motor stall means the scope is out of balance; slide the tube until it stays put.",
    ),
    (
        "The practice portal says 'Session timeout (401)'. What did I do wrong?",
        "Nothing - a 401 there just means you were logged out after 15 minutes; log in again.",
    ),
    (
        "My son's code prints 'IndentationError'. What's that?",
        "Python uses indentation for blocks; an IndentationError means a line is indented "
        "differently from the ones around it.",
    ),
    (
        "The van's tracker app shows 'GPS 404'. Is the van lost?",
        "No, 'GPS 404' only means the tracker has no signal in the garage; it updates outside.",
    ),
    (
        "What does 'ERR_QUOTA' mean in the window round app?",
        "ERR_QUOTA means you've used this month's free text reminders; they reset on the 1st.",
    ),
)
HELDOUT12_ERROR_DOCS_REPLIES = (
    "Ah okay, thanks.",
    "Good, ran the engine and it's gone.",
    "Phew, thank you.",
    "I'll ring the bank, thanks.",
    "Right, refilling it now.",
    "Makes sense lah.",
    "Ok, logged back in.",
    "Got it, he'll fix the spaces.",
    "Haha ok, good to know.",
    "Fair enough, cheers.",
)

# Review class 1: a question about modelling or computing data that names a money metric is no
# Pricing question: Pricing question must read NONE.
HELDOUT12_MONEY_MODELLING: tuple[tuple[str, str], ...] = (
    (
        "How do I compute total gross pay per employee for last quarter in the report builder?",
        "Group the payslip lines by employee and sum gross pay over the quarter's pay dates.",
    ),
    (
        "What's the best way to chart overtime cost by department?",
        "Use a stacked bar with department on the axis and the overtime amount as the value.",
    ),
    (
        "Can the payroll export include a column for employer pension contributions?",
        "Yes, tick 'Employer pension' in the export's column list.",
    ),
    (
        "How should I calculate the average salary across teams in a pivot table?",
        "Put team in rows and salary in values, summarised by average.",
    ),
    (
        "How do I forecast next year's wage bill from the last three years of payroll data?",
        "Fit a trend on monthly totals and add the agreed pay rise as a step.",
    ),
    (
        "Which field holds the net pay in the payslip table?",
        "It's `net_amount`, in pence, on the payslip_lines table.",
    ),
    (
        "How do I sum the energy charges per meter in the usage export?",
        "Group the export by meter ID and sum the 'charge' column.",
    ),
    (
        "How can I compare standing charges across our sites in a dashboard?",
        "Add a table widget with site as rows and the standing-charge measure as the value.",
    ),
    (
        "What's the formula for cost per kWh from the bill data?",
        "Divide the total charge by the kWh consumed for the same period.",
    ),
    (
        "How do I break down the bonus payments by month in the analytics tab?",
        "Set the date grouping to month and filter the pay element to 'Bonus'.",
    ),
)

# Review class 2: a request to record or change the user's own account data is no Feature
# request (NONE) and no Pricing question (NONE).
HELDOUT12_ACCOUNT_DATA: tuple[tuple[str, str], ...] = (
    (
        "Please update our registered office address on the payroll account.",
        "Done - the new address will show on all documents from today.",
    ),
    (
        "Can you change the bank account we pay salaries from?",
        "Yes, I've sent a verification link to the account owner to confirm the change.",
    ),
    (
        "Add my new mobile number to the utilities account, please.",
        "Added - we'll text meter reminders to the new number.",
    ),
    (
        "Please put our PAYE reference on the payslips.",
        "Your PAYE reference now prints in the payslip header.",
    ),
    (
        "Could you update the meter serial number on my account? It was replaced last week.",
        "Updated; the next reading will use the new meter.",
    ),
    (
        "Change the name on the bill to my married name, please.",
        "Done, the next bill will be in your new name.",
    ),
    (
        "Please record my new direct debit details for the energy bill.",
        "Recorded - the first collection from the new account is on the 5th.",
    ),
    (
        "Can you set the payroll contact to our new HR manager's e-mail?",
        "Yes, payroll notices will now go to the new address.",
    ),
    (
        "Please amend the company number shown on our invoices.",
        "Amended; it'll appear correctly on the next invoice.",
    ),
    (
        "Add our VAT number to the account so it prints on statements.",
        "Added, statements from next month will show it.",
    ),
)
