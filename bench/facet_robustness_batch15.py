"""Held-out batch 15 of the robustness set (bench/facet_robustness_set.py).

Written for the fourteenth pass of issue 14 (general rules or head features for tracebacks,
exception names, panic lines and HTTP status lines; sarcasm as positive words in a failure
context; a looser ask-for-a-person budget read by Issues alone) BEFORE any change of that pass,
and without running anything on it: every failure form of the issue (Sentiment and Issues), ten
or more phrasings each, in domains batches 1-14 do not use (a drone aerial-photography service, a
dog-grooming parlour, an allotment society, a blood-donation centre, a bicycle repair workshop, a
guitar shop with lessons, an event caterer, a laundry and dry-cleaning pickup service; and, for
the two review classes, a smart-meter energy account and a charity's regular-giving account).
Registers batches 1-14 do not use: Scottish English ("wee", "cannae", "pal"), South African
English ("eish", "now now", "lekker", "shame"), Russian-influenced English (no articles, "please
to"), Italian-influenced English ("complimenti", "is not possible"), Dutch directness, a
passive-aggressive office e-mail, a teenager ("fr", "deadass", "istg"), markdown with a heading,
a customer quoting the agent back ("you said: ..."), a "/s" tag, scare quotes, a rhetorical
question. Tool failures come in the formats the pass names and others the earlier batches print
rarely: gRPC status codes, Go, Rust, Java, .NET, Node, PHP and Ruby exceptions, panics and stack
traces, curl, wget, requests, axios, fetch and .NET WebClient errors, nginx and Envoy pages,
Kubernetes events and kubectl errors, MySQL, Oracle, SQL Server and Postgres error lines.

Groups as in batch 14 (IN_CONTEXT with ten conversations per form, BACKSTORY, UNMET_CTX, MET,
CALM, and the calm controls SUCCESS_CTX, MET_POLITE, ACK, ERROR_DOCS, MONEY_MODELLING,
ACCOUNT_DATA).

Measured once, at the end of the pass; never used to train, tune a threshold or change a rule.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS15 = (
    (
        "Can your drone film our farm from above next week?",
        "Yes, our licensed pilots fly farms; a half-day shoot with edited video is £420.",
    ),
    (
        "Do you groom big dogs like a Newfoundland?",
        "Yes, large breeds are welcome; a full groom takes about three hours.",
    ),
    (
        "Are there any allotment plots free this spring?",
        "Yes, two half plots are free on the north site at £38 a year.",
    ),
    (
        "Can I give blood if I had a tattoo last year?",
        "Yes, as long as it was done more than four months ago.",
    ),
    (
        "Can you true a buckled rear wheel while I wait?",
        "Yes, wheel truing takes about 30 minutes and costs £15.",
    ),
    (
        "Do you do beginner guitar lessons for adults?",
        "Yes, we run adult beginner lessons on Tuesday and Thursday evenings.",
    ),
    (
        "Can you cater a buffet for 60 people on a Sunday?",
        "Yes, our Sunday buffet menu starts at £14 per head.",
    ),
    (
        "Do you collect dry cleaning from offices?",
        "Yes, we collect from offices on weekdays between 8 and 10.",
    ),
)

HELDOUT15_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "Did whit ye said wi' the propeller guards, pal, an' it still cannae take off.",
        "Eish, I did the flea shampoo like you said and the dog is still scratching, hey.",
        "I make update of app like you tell, problem is same, nothing is changed.",
        "I followed your instruction precisely. Result: no change. The plot gate code still fails.",
        "As per your suggestion I re-entered my donor number; as per the screen, still no record.",
        "bro i did the gear thing u said and it still skips fr",
        "I have done the tuning you explained, is not possible, the string still buzz the same.",
        "## Update\n- did what you said\n- reheated at 180 for 20 min\n- still cold in the middle",
        "You said: 'reset the app and log in again'. Did that. The pickup still isn't showing.",
        "Tried your fix twice now, no joy, the shirt came back with the same stain.",
    ),
    "repeated_request": (
        "Ah'm askin' again, pal: when's the drone coming?",
        "Ja, I asked this now now already, what time must I fetch the dog?",
        "Third time I write same question: plot has water tap or not?",
        "Again, as I said in my previous three messages: I need my donation certificate.",
        "Per my earlier messages (plural), please confirm the wheel will be ready Friday.",
        "istg im asking for the 4th time when is my lesson",
        "I ask once more, please to tell me the menu price for 60.",
        "Repeating my question: do you collect on Saturdays? Yes or no.",
        "Sorry but you still haven't told me if the vegan option is nut-free, I've asked twice.",
        "I'll ask a different way since you keep missing it: WHEN does my suit come back?",
    ),
    "ask_human": (
        "Can Ah speak tae a real person, pal?",
        "Eish, can you put me through to someone at the parlour, not a bot?",
        "Please to connect me with human operator.",
        "I want to speak with a person of the allotment committee.",
        "Please escalate this to a member of staff at the centre.",
        "let me talk to an actual human fr",
        "Is possible to speak to the owner of the shop directly?",
        "Give me a phone number for a person I can call, please.",
        "I'd rather deal with a human being about the catering deposit.",
        "Hand this over to one of your team, I'm not doing this with a chatbot.",
    ),
    "sarcasm": (
        "Oh aye, brilliant, the drone crashed intae ma neighbour's greenhouse. Cheers for that, pal.",
        "Lekker service, hey. Three hours late and the dog came back half-shaved. Shame, really great.",
        "Very good organisation, I come to plot and lock is changed and nobody tell me. Bravo.",
        "Complimenti, really, you lost my appointment and I took a day off for it.",
        "Thanks so much for your 'help'. The bike is now worse than when I brought it in.",
        "love how i paid for 10 lessons and the teacher shows up to like 3 of them lol",
        "Great, the buffet arrived after the guests left. Exactly what we hoped for /s",
        "Could this possibly go any better? You shrank my only suit.",
        "Fantastic, another 'delivered' notice and no dry cleaning in sight. Well done, everyone.",
        "So glad I trusted you with Mum's 70th. Cold food and no cake. Wonderful.",
    ),
    "giving_up": (
        "Och, forget it, Ah'll get someone else tae film it.",
        "Ag, never mind, I'll wash the dog myself in the garden.",
        "Is enough, I stop trying, I will grow tomatoes on balcony.",
        "I'm giving up on booking a donation slot through this.",
        "Fine. I'll fix the bike myself with a YouTube video.",
        "nvm im just gonna learn from tiktok",
        "We don't have time for this any more, we'll order pizza for the guests.",
        "Right, I'm done. I'll drop the shirts somewhere else on the way to work.",
        "There's no point continuing this conversation, is there.",
        "Leave it. I'll sort it out on my own.",
    ),
    "agent_complaint": (
        "Ye're no listening tae a word Ah'm sayin'.",
        "Eish, this chat is useless, you just send the same link every time.",
        "You give answers from some other question, not my question.",
        "Frankly you're wasting my time; none of your answers match what I asked.",
        "With respect, these replies are not helpful in the slightest.",
        "ur answers make zero sense deadass",
        "You are very confusing, first you say Tuesday, now you say Thursday.",
        "I've had more useful conversations with my fridge.",
        "Your replies read like you haven't looked at my order at all.",
        "Whoever wrote this bot should be embarrassed.",
    ),
    "cancel_talk": (
        "Cancel the shoot, pal, we've gone wi' another company.",
        "Cancel my dog's standing booking, we're going to another groomer now.",
        "I want to give back my plot, please remove me from list.",
        "Please close my donor account and delete my details.",
        "Cancel the service plan on my bike, I won't be renewing.",
        "cancel my lessons im done",
        "We cancel the catering order, we find another company.",
        "Stop my weekly collection and close the account, I'm switching to a rival.",
        "I'm terminating our office contract with you at the end of the month.",
        "Refund the deposit and cancel everything, we're not using you.",
    ),
}

# Politeness is not satisfaction: each of these closings must leave the conversation NEUTRAL.
HELDOUT15_POLITE = (
    "Cheers pal, ta-ra.",
    "Thanks hey, bye.",
    "Thank you, goodbye.",
    "Thank you for your answer. Regards.",
    "OK, thanks. Bye.",
    "thx bye",
    "Grazie, arrivederci.",
    "Dank je, bye.",
    "Thanks, I'll wait for the confirmation e-mail then.",
    "Alright, thanks for your time. Have a good day.",
)

# Positive messages with the words of frustration: not NEGATIVE.
HELDOUT15_POSITIVE = (
    "The drone footage is pure magic, cannae stop watching it.",
    "Shame, the dog looks so lekker after the groom, thank you!",
    "No problems at all with the plot, very good soil.",
    "Never thought giving blood would be so easy, thanks to the nurses.",
    "Bike shifts perfectly again, no more skipping.",
    "lesson was lowkey the best hour of my week fr",
    "I couldn't fault a single thing about the buffet.",
    "Not one crease on my suit, it looks new again.",
    "Again you saved the day, the shirts came back on time.",
    "I was worried it wouldn't work but everything arrived perfectly.",
)

HELDOUT15_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "panic: runtime error: index out of range [3] with length 3",
        "thread 'main' panicked at src/flight.rs:88:14:\ncalled `Result::unwrap()` on an `Err` "
        'value: Os { code: 13, kind: PermissionDenied, message: "Permission denied" }',
        "Unhandled exception. System.InvalidOperationException: Sequence contains no elements",
        "java.lang.IllegalStateException: Connection pool shut down",
        "io.grpc.StatusRuntimeException: UNAVAILABLE: io exception",
        "TypeError: Cannot read properties of undefined (reading 'slotId')",
        "PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused",
        "ActiveRecord::RecordNotFound: Couldn't find Plot with 'id'=77",
        "System.Net.Http.HttpRequestException: No such host is known. (pickup-api:443)",
        "fatal error: all goroutines are asleep - deadlock!",
    ),
    "traceback": (
        "goroutine 1 [running]:\nmain.(*Scheduler).Next(0x0)\n\t/app/sched/next.go:41 +0x1d\n"
        "main.main()\n\t/app/main.go:17 +0x85\nexit status 2",
        "stack backtrace:\n   0: rust_begin_unwind\n   1: core::panicking::panic_fmt\n   2: "
        "groom::book::reserve\n             at ./src/book.rs:52:9",
        "   at Laundry.Pickup.Schedule(Int32 orderId) in /src/Pickup.cs:line 31\n   at "
        "Laundry.Api.Program.Main(String[] args) in /src/Program.cs:line 12",
        "Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not "
        "available\n\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java"
        ":696)\n\t... 42 more",
        "    at Object.<anonymous> (/srv/donor/app.js:14:9)\n    at Module._compile "
        "(node:internal/modules/cjs/loader:1256:14)\n    at node:internal/main/run_main_module:23:47",
        "#0 /var/www/plots/book.php(12): PDO->__construct('mysql:host=db', 'plots', Object("
        "SensitiveParameterValue))\n#1 {main}\n  thrown in /var/www/plots/book.php on line 12",
        "/app/lib/menu.rb:9:in `price_for': undefined method `*' for nil:NilClass "
        "(NoMethodError)\n\tfrom /app/lib/order.rb:22:in `total'",
        'Traceback (most recent call last):\n  File "/srv/lessons/slots.py", line 18, in <module>'
        "\n    book(student)\nKeyError: 'teacher_id'\n\nDuring handling of the above exception, "
        "another exception occurred:\n\nRuntimeError: booking aborted",
        "Unhandled exception:\nFormatException: Invalid date format\n2024-13-01\n#0      "
        "DateTime.parse (dart:core/date_time.dart:347:7)\n#1      main (file:///app/bin/main.dart:5:3)",
        "** (exit) an exception was raised:\n    ** (KeyError) key :size not found in: %{}\n"
        "        (drone) lib/drone/quote.ex:14: Drone.Quote.price/1",
    ),
    "http_status_line": (
        "curl: (22) The requested URL returned error: 404",
        "curl: (7) Failed to connect to api.groomers.example port 443 after 2 ms: Connection refused",
        "requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: "
        "https://donors.example/api/slots",
        "AxiosError: Request failed with status code 500",
        'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token"',
        "ERROR 403: Forbidden.",
        "The remote server returned an error: (404) Not Found.",
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
        "</center><hr><center>nginx</center></body></html>",
        "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
        "upstream connect error or disconnect/reset before headers. reset reason: connection "
        "failure",
    ),
    "json_status": (
        '{"errors": [{"message": "Not authorised", "extensions": {"status": 401}}]}',
        '{"httpStatus": 503, "reason": "maintenance"}',
        '{"plot": 12, "lease": {"status": 409, "detail": "already let"}}',
        '{"status": "500", "title": "Internal Server Error"}',
        '{"batch": [{"id": 1, "status": 200}, {"id": 2, "status": 502}]}',
        '{"response": {"status_code": 404, "body": "no such order"}}',
        '{"ok": false, "status": 429, "retry_after": 30}',
        '{"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": "bad date"}}',
        '{"donor": null, "meta": {"requestId": "a1f", "status": 403}}',
        '{"StatusCode": 500, "Message": "An error has occurred."}',
    ),
    "error_prefix": (
        'Error from server (NotFound): deployments.apps "pickup-api" not found',
        "Warning  BackOff  2m  kubelet  Back-off restarting failed container drone-api",
        "ERROR 1062 (23000): Duplicate entry 'plot-12' for key 'PRIMARY'",
        "ORA-00942: table or view does not exist",
        "Msg 208, Level 16, State 1, Line 1\nInvalid object name 'dbo.Lessons'.",
        'psql: error: connection to server at "db" (10.0.0.5), port 5432 failed: timeout expired',
        'ERROR:  duplicate key value violates unique constraint "orders_pkey"',
        "failed to schedule collection: no drivers available",
        "Error: ENOENT: no such file or directory, open '/srv/menus/sunday.json'",
        "fatal: unable to access 'https://git.example/caterer.git/': Could not resolve host",
    ),
    "apology_after_tool": (
        "Sorry pal, Ah tried tae book the shoot but the system's gone and errored.",
        "Eish, sorry, the booking for the groom didn't save, something went wrong.",
        "I'm sorry, I could not reserve the plot, the registration system gave an error.",
        "Apologies, the donation appointment could not be created due to a system issue.",
        "Sorry, the repair ticket didn't go through on my side.",
        "oops sorry, the lesson booking failed, the calendar wouldn't update",
        "I'm afraid the order didn't submit; our ordering system returned an error. Sorry.",
        "Sorry about this, the collection couldn't be scheduled, the scheduler timed out.",
        "Unfortunately I wasn't able to load your order history just now, my apologies.",
        "My apologies, I tried to update the delivery address but the change failed.",
    ),
}

# The user asks for a person; the agent ignores it or deflects, neither handing over nor saying
# why it cannot.
HELDOUT15_UNMET: tuple[tuple[str, str], ...] = (
    ("Can Ah speak tae a real person, pal?", "Our drones can fly up to 120 metres."),
    (
        "Eish, can you put me through to someone at the parlour, not a bot?",
        "We use hypoallergenic shampoo for all breeds.",
    ),
    ("Please to connect me with human operator.", "Plots are inspected twice a year."),
    (
        "I want to speak with a person of the allotment committee.",
        "Composting bins are available at the main gate.",
    ),
    (
        "Please escalate this to a member of staff at the centre.",
        "Remember to drink plenty of water before donating!",
    ),
    ("let me talk to an actual human fr", "Our workshop services all bike brands."),
    (
        "Is possible to speak to the owner of the shop directly?",
        "We stock acoustic and electric guitars from £99.",
    ),
    (
        "Give me a phone number for a person I can call, please.",
        "Our menus can be adapted for allergies.",
    ),
    (
        "I'd rather deal with a human being about the catering deposit.",
        "Sure! Would you like to see our dessert options?",
    ),
    (
        "Hand this over to one of your team, I'm not doing this with a chatbot.",
        "We offer same-day dry cleaning for orders before 9am.",
    ),
    ("Can I get a supervisor on the line?", "Thanks for reaching out! How can I help today?"),
    ("Connect me with the manager of the laundry.", "Our prices are listed on the website."),
)

# Longer conversations: the user asks for a person, and none of the agent's later turns hands
# over or says why not (every case must read as an unmet escalation).
HELDOUT15_UNMET_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "The drone footage you sent is the wrong farm."),
        ("assistant", "Sorry about that. Can you give me the order number?"),
        ("user", "DR-2291. I want to talk to the pilot or his boss, a person."),
        ("assistant", "Our footage is delivered within five working days."),
        ("user", "hm"),
        ("assistant", "Is there anything else I can help with?"),
    ),
    (
        ("user", "My dog came back with a cut on his ear."),
        ("assistant", "I'm sorry to hear that. Is he alright?"),
        ("user", "He's fine now. I want the parlour manager to phone me."),
        ("assistant", "We recommend a groom every six to eight weeks."),
    ),
    (
        ("user", "Someone's been using my plot."),
        ("assistant", "That's upsetting. Which plot number is it?"),
        ("user", "Plot 31. I need to speak to a committee member about it."),
        ("assistant", "Plot rules are in the members' handbook."),
        ("user", "ok"),
        ("assistant", "Happy gardening!"),
    ),
    (
        ("user", "I fainted after donating and nobody checked on me."),
        ("assistant", "I'm very sorry. Are you feeling better?"),
        ("user", "Yes. I'd like a nurse or a manager to call me about it."),
        ("assistant", "Make sure to eat a snack after every donation."),
    ),
    (
        ("user", "You fitted the wrong chain."),
        ("assistant", "Sorry! Which bike was it?"),
        ("user", "The blue hybrid. Let me speak to the mechanic who did it."),
        ("assistant", "We use Shimano and KMC chains."),
        ("user", "right"),
        ("assistant", "Anything else?"),
    ),
    (
        ("user", "My teacher hasn't turned up twice now."),
        ("assistant", "I'm sorry about that. Which day are your lessons?"),
        ("user", "Thursdays. Put me through to the shop owner, please."),
        ("assistant", "Thursday lessons run from 6 to 9pm."),
    ),
    (
        ("user", "Half the buffet was missing at our party."),
        ("assistant", "I'm so sorry. Which items were missing?"),
        ("user", "The hot dishes. I want to talk to a real person about a refund."),
        ("assistant", "Our hot dishes are delivered in insulated boxes."),
        ("user", "..."),
        ("assistant", "Thanks for choosing us!"),
    ),
    (
        ("user", "You lost one of my shirts."),
        ("assistant", "Sorry to hear that. When was it collected?"),
        ("user", "Monday. Can a human from your team call me?"),
        ("assistant", "Shirts are returned on hangers in a protective bag."),
    ),
)

# The user asks for a person and the agent hands over (or says when someone will be in touch,
# or gives a direct line): not an unmet escalation.
HELDOUT15_MET: tuple[tuple[str, str], ...] = (
    (
        "Can I talk to the pilot before the shoot?",
        "Of course - Callum, your pilot, will phone you this evening.",
    ),
    (
        "Is there someone at the parlour I can speak to?",
        "Yes, I'm connecting you with Thandi at the front desk now.",
    ),
    (
        "Could I speak with the plot secretary?",
        "Yes, the secretary, Irina, is on 0131 555 0192 on weekday mornings.",
    ),
    (
        "I'd like to talk to a nurse about my iron levels.",
        "Certainly, a nurse will call you tomorrow between 10 and 12.",
    ),
    (
        "Get me a person please.",
        "Transferring you to a member of our team now; the wait is about two minutes.",
    ),
    (
        "Can the guitar teacher call me about my son's level?",
        "Yes, Marco will call you after his 5pm lesson.",
    ),
    (
        "Can I speak to the chef about the menu?",
        "Sure, I've asked our head chef, Sanne, to ring you this afternoon.",
    ),
    (
        "I want to speak to the manager.",
        "Putting you through to the branch manager now.",
    ),
)

# Ordinary questions with the weak forms' words: not NEGATIVE.
HELDOUT15_CALM = (
    "If it rains on the day, can we move the drone shoot without paying again?",
    "Can I have the same groomer again as last time?",
    "What happens if I can't look after the plot for a month, can I give it back?",
    "Who do I speak to about becoming a platelet donor?",
    "If the wheel can't be trued, do you replace the rim?",
    "Can I cancel one lesson without losing it from the block?",
    "Is the vegan menu still the same price as last year?",
    "What if a shirt gets damaged, who do I talk to?",
    "Can the drone still fly if there's a light wind?",
    "Does the groom include nail clipping again, or is that extra?",
)

# Multi-turn conversations; the last user turn is the form given what came before it.
HELDOUT15_IN_CONTEXT: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "repeated_request": (
        (
            ("user", "Can the drone film the wedding from 2 till 4?"),
            ("assistant", "Our drones record in 4K."),
            ("user", "Aye, but 2 till 4, can it?"),
        ),
        (
            ("user", "Do you groom cats as well?"),
            ("assistant", "We use hypoallergenic shampoo."),
            ("user", "Cats. Do you do them?"),
        ),
        (
            ("user", "Is there a shed on the plot?"),
            ("assistant", "Plots are 125 square metres."),
            ("user", "I asked about shed."),
        ),
        (
            ("user", "Can I donate if I'm on antibiotics?"),
            ("assistant", "You can donate every 12 weeks."),
            ("user", "Sorry, my question was about the antibiotics."),
        ),
        (
            ("user", "Do you fit tubeless tyres?"),
            ("assistant", "Our workshop is open six days a week."),
            ("user", "Ok but tubeless, yes?"),
        ),
        (
            ("user", "Are lessons one-to-one or in a group?"),
            ("assistant", "We teach acoustic and electric guitar."),
            ("user", "one to one or group tho"),
        ),
        (
            ("user", "Is the buffet delivered hot or cold?"),
            ("assistant", "Our buffets come with disposable plates."),
            ("user", "Hot or cold, please?"),
        ),
        (
            ("user", "Can you clean a wedding dress?"),
            ("assistant", "We collect from offices on weekdays."),
            ("user", "And the wedding dress? That's what I'm asking."),
        ),
        (
            ("user", "Can my neighbour share my plot?"),
            ("assistant", "Plot rent is due in April."),
            ("user", "Still need to know about sharing with my neighbour."),
        ),
        (
            ("user", "Do you sell left-handed guitars?"),
            ("assistant", "We stock over 200 guitars."),
            ("user", "Left-handed ones?"),
        ),
    ),
    "didnt_help": (
        (
            ("user", "The drone app won't connect to the controller."),
            ("assistant", "Turn both off and on again."),
            ("user", "Did that. Still won't connect."),
        ),
        (
            ("user", "My dog's coat is matted again."),
            ("assistant", "Brush him daily with a slicker brush."),
            ("user", "brushed every day, matted again anyway"),
        ),
        (
            ("user", "The plot gate code doesn't work."),
            ("assistant", "The new code is 4471."),
            ("user", "4471 doesn't open it either."),
        ),
        (
            ("user", "I can't see my donation history in the app."),
            ("assistant", "Log out and log back in."),
            ("user", "Logged out and in. History's still empty."),
        ),
        (
            ("user", "My brakes squeal."),
            ("assistant", "We've cleaned the rotors."),
            ("user", "Rode it home, squealing the whole way."),
        ),
        (
            ("user", "My guitar won't stay in tune."),
            ("assistant", "Stretch the new strings gently."),
            ("user", "Stretched them, out of tune after one song."),
        ),
        (
            ("user", "The invoice shows the wrong number of guests."),
            ("assistant", "I've sent a corrected invoice."),
            ("user", "The corrected one says 80 as well."),
        ),
        (
            ("user", "My collection wasn't picked up."),
            ("assistant", "I've rebooked it for today."),
            ("user", "Nobody came today either."),
        ),
        (
            ("user", "The drone video is blurry."),
            ("assistant", "Download the 4K version instead."),
            ("user", "downloaded the 4k, exact same blur"),
        ),
        (
            ("user", "The stain is still on my jacket."),
            ("assistant", "We've re-cleaned it with a special treatment."),
            ("user", "Collected it again. Stain's still there."),
        ),
    ),
    "sarcasm": (
        (
            ("user", "Is the pilot on his way?"),
            ("assistant", "Sorry, the drone failed its pre-flight check, we'll have to rebook."),
            ("user", "Braw. Just braw."),
        ),
        (
            ("user", "Is my dog ready?"),
            ("assistant", "Unfortunately the groomer cut his coat much shorter than asked."),
            ("user", "Oh lovely, he looks like a plucked chicken. Great job."),
        ),
        (
            ("user", "Is my plot ready for me?"),
            ("assistant", "I'm afraid it was given to another member by mistake."),
            ("user", "Wonderful. Really wonderful organisation."),
        ),
        (
            ("user", "Is my donation appointment still on?"),
            ("assistant", "Sorry, the session was cancelled this morning."),
            ("user", "Perfect, I only drove 40 minutes. Thanks a lot."),
        ),
        (
            ("user", "Is my bike fixed?"),
            ("assistant", "I'm sorry, we ordered the wrong part and it's another week."),
            ("user", "Amazing. Truly world-class."),
        ),
        (
            ("user", "Is my lesson on tonight?"),
            ("assistant", "Unfortunately the teacher is off sick again."),
            ("user", "great, love paying for nothing"),
        ),
        (
            ("user", "Has the food left yet?"),
            ("assistant", "Sorry, the van broke down; it will be two hours late."),
            ("user", "Fabulous. The guests will love eating at midnight."),
        ),
        (
            ("user", "Are my shirts back?"),
            ("assistant", "I'm afraid they were delivered to a different office."),
            ("user", "Brilliant work as always, team."),
        ),
        (
            ("user", "Did you fix the invoice?"),
            ("assistant", "Sorry, it was sent again with the same mistake."),
            ("user", "Oh great, thanks so much for that."),
        ),
        (
            ("user", "Can I still book the drone for Saturday?"),
            ("assistant", "Sorry, Saturday was double-booked after your deposit."),
            ("user", "Well, isn't that just super."),
        ),
    ),
}

# First user turns that say "still" / "again" as backstory, answered and closed calmly: not
# NEGATIVE (nothing the agent said has failed yet).
HELDOUT15_BACKSTORY: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "We'd like the drone again for this year's harvest, is August free?"),
        ("assistant", "Yes, the second week of August is free."),
        ("user", "Great, book it, ta."),
    ),
    (
        ("user", "My dog is still a puppy, can he have a full groom?"),
        ("assistant", "Yes, from 16 weeks; we'd start with a gentle puppy groom."),
        ("user", "Lovely, thanks."),
    ),
    (
        ("user", "I still have my old plot key, do I need a new one?"),
        ("assistant", "No, the old key still works for the main gate."),
        ("user", "Good, thank you."),
    ),
    (
        ("user", "I'd like to donate again, when am I eligible?"),
        ("assistant", "Your next donation can be from 3 March."),
        ("user", "Thanks, that helps."),
    ),
    (
        ("user", "My chain slipped again on a hill, can you check the gears when I'm in?"),
        ("assistant", "Of course, we'll check the gears at no extra charge."),
        ("user", "Perfect, thanks."),
    ),
    (
        ("user", "Can I book the same caterer again for Christmas?"),
        ("assistant", "Yes, the team that did your summer party is free on the 20th."),
        ("user", "Brilliant, thank you."),
    ),
)

# Calm controls (the reverse of false readings found by review).

# After the agent's instruction or fix the user reports calmly that it works now, in many forms:
# not NEGATIVE, and no incomplete answer (the conversation ends on the report).
HELDOUT15_SUCCESS_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "The drone app won't pair."),
        ("assistant", "Turn off Bluetooth on other devices nearby."),
        ("user", "Turned them off, paired first time."),
    ),
    (
        ("user", "My dog's paws are red after the groom."),
        ("assistant", "Rinse them with cool water and let them dry."),
        ("user", "rinsed them, redness gone by evening"),
    ),
    (
        ("user", "I can't find my plot on the map."),
        ("assistant", "Zoom in on the north site; plots are numbered from the gate."),
        ("user", "Zoomed in, found it, number 31."),
    ),
    (
        ("user", "The donor app won't show my appointment."),
        ("assistant", "Pull down on the screen to refresh."),
        ("user", "Refreshed, it's there now."),
    ),
    (
        ("user", "My gears click in third."),
        ("assistant", "Turn the barrel adjuster a quarter turn anticlockwise."),
        ("user", "Quarter turn done, silent now."),
    ),
    (
        ("user", "My tuner app doesn't hear the guitar."),
        ("assistant", "Allow the app to use the microphone in settings."),
        ("user", "Allowed it, it picks up every string."),
    ),
    (
        ("user", "The order form won't accept 60 guests."),
        ("assistant", "Choose 'large event' first, then enter 60."),
        ("user", "Chose large event and it took 60. Sorted."),
    ),
    (
        ("user", "I can't log in to book a pickup."),
        ("assistant", "Use the reset link we've just e-mailed you."),
        ("user", "Reset done, I'm in and booked."),
    ),
    (
        ("user", "The video won't play on my TV."),
        ("assistant", "Use the MP4 file rather than the MOV."),
        ("user", "MP4 plays fine on the telly."),
    ),
    (
        ("user", "The lesson link says the meeting hasn't started."),
        ("assistant", "Your teacher has opened it now."),
        ("user", "I'm in, cheers."),
    ),
)

# A polite ask for a person that the agent meets; the user thanks: not NEGATIVE, not unmet.
HELDOUT15_MET_POLITE: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "Could I speak to the pilot about the flight path?"),
        ("assistant", "Of course, Callum will ring you within the hour."),
        ("user", "Cheers, pal."),
    ),
    (
        ("user", "Would the groomer be able to call me about my dog's skin?"),
        ("assistant", "Yes, Thandi will phone you this afternoon."),
        ("user", "Thank you so much!"),
    ),
    (
        ("user", "Is there a committee member I could speak to about a bigger plot?"),
        ("assistant", "Yes, Irina is on 0131 555 0192 on weekday mornings."),
        ("user", "Great, I'll ring her, thanks."),
    ),
    (
        ("user", "May I speak with a nurse before my first donation?"),
        ("assistant", "Certainly, I'm putting you through to the nurse line now."),
        ("user", "Thank you, that's kind."),
    ),
    (
        ("user", "Could a mechanic talk me through the repair quote?"),
        ("assistant", "Yes, I've booked you a call with Dev tomorrow at 10."),
        ("user", "great thx"),
    ),
    (
        ("user", "Can the teacher call me about moving to the next level?"),
        ("assistant", "Yes, Marco will call you after his lessons tonight."),
        ("user", "Perfect, thank you."),
    ),
    (
        ("user", "Could I talk to someone about a gluten-free menu?"),
        ("assistant", "Sure, our chef will call you at 3."),
        ("user", "Much appreciated, thanks."),
    ),
    (
        ("user", "Please, is possible the manager calls me about the contract?"),
        ("assistant", "Yes, the branch manager will call you before noon."),
        ("user", "Thank you very much."),
    ),
    (
        ("user", "Could I speak to a person about my refund?"),
        ("assistant", "Transferring you to our customer team now."),
        ("user", "Thanks."),
    ),
    (
        ("user", "Sorry to bother you, could someone call me about the invoice?"),
        ("assistant", "No bother at all; our accounts team will call you today."),
        ("user", "Thank you, that's great."),
    ),
)

# The agent answers; the user acknowledges (not NEGATIVE, no incomplete answer).
HELDOUT15_ACK: tuple[tuple[str, str], ...] = (
    (
        "Why do you need my postcode for a drone shoot?",
        "We check the airspace around your address before every flight.",
    ),
    (
        "Why must my dog be vaccinated before grooming?",
        "Dogs share the parlour, and vaccination protects all of them.",
    ),
    (
        "Why can't I have a bonfire on the plot?",
        "The council banned bonfires on allotments near houses.",
    ),
    (
        "Why do I need to wait 12 weeks between donations?",
        "Your body needs that long to rebuild its iron stores.",
    ),
    (
        "Why does a wheel build cost more than a repair?",
        "It takes about three hours of a mechanic's time.",
    ),
    (
        "Why do lessons need to be booked in blocks?",
        "Blocks let the teacher plan your progress over the term.",
    ),
    (
        "Why do you need final numbers a week early?",
        "We order fresh ingredients for each event.",
    ),
    (
        "Why is the suit cleaning dearer than a shirt?",
        "Suits are hand-finished and steamed, which takes longer.",
    ),
    (
        "Why is the drone video delivered a week later?",
        "Each video is edited and colour-graded by hand.",
    ),
    (
        "Why do donors fill in a questionnaire every time?",
        "Health can change between donations, so we check each time.",
    ),
)
HELDOUT15_ACK_REPLIES = (
    "Aye, fair enough.",
    "Ja, makes sense.",
    "I understand, thank you.",
    "OK, clear.",
    "ah ok",
    "I see, thanks.",
    "Right, fair.",
    "Understood.",
    "Okay then.",
    "Makes sense, thank you.",
)

# The agent explains an error code or message the user asked about (nothing failed in the
# trace): not a failed tool call, not NEGATIVE.
HELDOUT15_ERROR_DOCS: tuple[tuple[str, str], ...] = (
    (
        "The drone app said 'GPS signal weak'. Is it broken?",
        "No, it just needs a minute outdoors to find satellites.",
    ),
    (
        "The booking page said 'Error 500' when I chose Saturday. Did it book?",
        "No booking was made; the page had a short outage, and Saturday is still free.",
    ),
    (
        "The plot portal said 'Session expired'. Did I lose my application?",
        "No, applications are saved as drafts; log in again to finish it.",
    ),
    (
        "The donor app showed 'Error 403'. Am I blocked from donating?",
        "No, 403 there means the appointment belongs to another centre; you can book at ours.",
    ),
    (
        "What does 'E-04' on the bike computer mean?",
        "E-04 is a low battery on the speed sensor; a new coin cell fixes it.",
    ),
    (
        "The tuner says 'Signal clipped'. Is the guitar damaged?",
        "Not at all, the input was too loud; move the phone a bit further away.",
    ),
    (
        "The checkout said 'Payment declined: insufficient funds' but I have money. Did it charge me?",
        "No charge was taken; your bank's daily limit was reached, try again tomorrow.",
    ),
    (
        "The app showed 'ConnectionResetException' this morning. Is my pickup cancelled?",
        "No, that was the app losing signal for a moment; your pickup is still booked.",
    ),
    (
        "The status page says '502 Bad Gateway' for the lesson portal. Is class off?",
        "Class is on; the portal was updated at 9 and is back now.",
    ),
    (
        "My order e-mail says 'Error: allergen check pending'. Is something wrong?",
        "Nothing's wrong, it just means the chef will confirm the allergens before the event.",
    ),
)
HELDOUT15_ERROR_DOCS_REPLIES = (
    "Ah grand, ta.",
    "Phew, thanks.",
    "Good, will log in again.",
    "Oh good, thank you.",
    "ok cool",
    "Thanks, good to know.",
    "Alright, thanks.",
    "Okay, understood.",
    "Ah good.",
    "Lovely, thanks.",
)

# Review class 1: a question about modelling or computing data that names a money metric is no
# Pricing question: Pricing question must read NONE.
HELDOUT15_MONEY_MODELLING: tuple[tuple[str, str], ...] = (
    (
        "How do I chart my daily electricity cost from the smart-meter export?",
        "Plot date on the x-axis and the cost column on the y-axis.",
    ),
    (
        "Which column in the usage CSV holds the cost in pence?",
        "It's `cost_p`, the sixth column.",
    ),
    (
        "How can I average the unit rate per month in a spreadsheet?",
        "Group by month and take the mean of the unit rate column.",
    ),
    (
        "How do I compute the standing charge total for the year from my readings file?",
        "Count the days in the file and multiply by the daily standing charge column.",
    ),
    (
        "Can I highlight days where spend went over £5 in the usage view?",
        "Yes, add a conditional format on the daily cost above 5.",
    ),
    (
        "How do I break down my donations by campaign in the giving report?",
        "Group by campaign and sum the amount column.",
    ),
    (
        "How do I calculate Gift Aid added per year from my donation history export?",
        "Sum the Gift Aid column grouped by tax year.",
    ),
    (
        "Which field in the export has the donation amount before Gift Aid?",
        "That's `gross_amount`; `gift_aid` is a separate field.",
    ),
    (
        "How do I plot peak versus off-peak cost share by week?",
        "Sum each tariff band's cost by week and show them as stacked bars.",
    ),
    (
        "How do I find the median monthly donation across my giving history data?",
        "Group by month, sum, then take the median of the monthly totals.",
    ),
)

# Review class 2: a request to record or change the user's own account data is no Feature
# request (NONE) and no Pricing question (NONE).
HELDOUT15_ACCOUNT_DATA: tuple[tuple[str, str], ...] = (
    (
        "Please submit a meter reading of 04512 for my electricity.",
        "Submitted; your next bill will use 04512.",
    ),
    (
        "Can you update my monthly direct debit date to the 15th?",
        "Done, your direct debit will now be taken on the 15th.",
    ),
    (
        "Please add my partner as a joint account holder.",
        "Added; they'll receive a welcome letter.",
    ),
    (
        "Change the contact phone number on my energy account to 07700 900123, please.",
        "Updated to 07700 900123.",
    ),
    (
        "Please record that I've moved out on 30 June.",
        "Recorded; your final reading date is 30 June.",
    ),
    (
        "Please increase my monthly gift to £15.",
        "Done; your monthly gift is now £15 from next month.",
    ),
    (
        "Can you switch my donations to the children's appeal?",
        "Switched; future gifts go to the children's appeal.",
    ),
    (
        "Please add Gift Aid to my donations, I'm a UK taxpayer.",
        "Added; Gift Aid will be claimed on your future donations.",
    ),
    (
        "Update my postal address for the donor newsletter, please.",
        "Updated; the next newsletter goes to the new address.",
    ),
    (
        "Please set my communication preference to e-mail only.",
        "Set; we'll contact you by e-mail only.",
    ),
)
