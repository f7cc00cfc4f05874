"""Held-out batch 16 of the robustness set (bench/facet_robustness_set.py).

Written for the fifteenth pass of issue 14 (batch 15's misses: repeating the request, sarcasm,
giving up, cancel talk, `error:`-style lines, the ask for a person across several agent turns)
BEFORE any change of that pass, and without running anything on it: every failure form of the
issue (Sentiment and Issues), ten or more phrasings each, in domains that are not a support desk
for a SaaS product: rail and ferry travel, a hotel chain, a retail bank, a pharmacy with repeat
prescriptions, a physiotherapy clinic, an online shoe and sportswear shop, a hosted CI / build
service for developers, a mobile-phone carrier; and, for the two review classes, a share-dealing
app and a health-insurance member portal. Registers: terse one- and two-word turns, ALL CAPS,
typos and dropped letters, text-speak ("pls", "u", "ur", "rn", "smh"), Spanish-, German-,
Hindi-English- and Chinese-influenced English, a formal complaint letter, a tired parent writing
at night, an IVR-style one-word ask ("Agent.", "Representative"). Tool failures come in formats
the earlier batches print rarely: SOAP faults, Terraform, Docker, Gradle, Maven, rustc, tsc,
webpack, apt, Swift, Kotlin, Erlang, Perl, segfaults, GDS/airline-style error lines, FHIR and
open-banking JSON, a French-language error line.

Groups as in batch 15 (IN_CONTEXT with ten conversations per form, BACKSTORY, UNMET_CTX, MET,
CALM, and the calm controls SUCCESS_CTX, MET_POLITE, ACK, ERROR_DOCS, MONEY_MODELLING,
ACCOUNT_DATA).

Measured once, at the end of the pass; never used to train, tune a threshold or change a rule.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS16 = (
    (
        "Is there a direct train from Leeds to Edinburgh on Saturday morning?",
        "Yes, the 08:15 runs direct and arrives at 11:20; advance singles start at £39.",
    ),
    (
        "Does the hotel have parking for guests?",
        "Yes, the hotel has an underground car park at £18 per night for guests.",
    ),
    (
        "Can I order a new debit card from the app?",
        "Yes, go to Cards, choose your card and tap 'Replace card'.",
    ),
    (
        "Can I get my repeat prescription delivered?",
        "Yes, we deliver repeat prescriptions free within three working days.",
    ),
    (
        "Do you treat running injuries at the clinic?",
        "Yes, our sports physiotherapists see running injuries; a first session is 45 minutes.",
    ),
    (
        "Do these trail shoes come in a wide fit?",
        "Yes, the Ridge trail shoe comes in standard and wide fit, sizes 6 to 13.",
    ),
    (
        "How many build minutes does the team plan include?",
        "The team plan includes 3,000 Linux build minutes a month.",
    ),
    (
        "Can I keep my number if I move to your network?",
        "Yes, text PAC to 65075 at your current provider and give us the code.",
    ),
)

HELDOUT16_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "did the clear cache thing. same.",
        "I DID EXACTLY WHAT YOU SAID AND THE CARD STILL GETS DECLINED",
        "i tryed the link u sent but it still say booking not found",
        "I have make the reset as you say, but the app is showing same error, no difference.",
        "Your steps changed nothing, the build is red exactly like before.",
        "Restarted the phone like you told me, still no signal, still SOS only.",
        "Followed the advice about ice and rest for a week. Knee hurts the same if not worse.",
        "Ok so I put in the new promo code and it still charges full price??",
        "Dear Sir or Madam, I have carried out the procedure you described; the problem persists.",
        "Já, I did the re-login, nothing change, the prescription is still not appearing.",
    ),
    "repeated_request": (
        "AGAIN: WHICH PLATFORM DOES THE 08:15 LEAVE FROM",
        "I already asked you this twice - is breakfast included or not?",
        "still waiting on an answer to my question about the overdraft fee",
        "Once again I ask, when will my new card arrive?",
        "For the third time now, can the pharmacy deliver on Saturday?",
        "i keep asking n u keep not answering: does the physio take my insurance",
        "Same question as before, which you ignored: do you have these in a 12 wide?",
        "Repeating myself here. Why are my build minutes used up on the 10th?",
        "I will ask one more time, como se dice, when is my number transferring?",
        "you didn't answer my question. the question was: is there a lift at the station",
    ),
    "ask_human": (
        "Agent.",
        "REPRESENTATIVE",
        "can i talk 2 someone real pls",
        "I would like to speak with one of your bankers, not an automated system.",
        "Please transfer me to the pharmacist on duty.",
        "Is there a live person I can chat with about my booking?",
        "I need a real human to look at this, the bot can't.",
        "Kindly connect me to a customer care executive.",
        "Let me speak with someone from your support engineers.",
        "Get me someone at the front desk, a person, please.",
    ),
    "sarcasm": (
        "Oh wonderful, the train was cancelled AND you charged me twice. Stellar work.",
        "Great job losing my reservation, really top-notch hotel management there.",
        "Thanks a million for blocking my card while I'm abroad, exactly what I needed.",
        "Yeah sure, 'three working days' - it's been two weeks. Very reliable.",
        "What a fantastic idea to cancel my physio session an hour before. Love it.",
        "wow amazing, the shoes came in the wrong size for the 3rd time, great quality control",
        "Nothing says enterprise-grade like a build queue that's been stuck since Tuesday.",
        "Bravo, my number is gone and my phone has been dead for two days. Well played.",
        "Sure, I LOVE waiting 50 minutes on hold, please make it longer.",
        "Such a pleasure to discover my prescription was sent to a pharmacy in another city.",
    ),
    "giving_up": (
        "forget it",
        "I QUIT. I WILL BOOK WITH SOMEONE ELSE.",
        "nevermind ill just go to the branch",
        "OK I give up, I will take the bus.",
        "Not worth the hassle any more, I'll pay for the prescription at another chemist.",
        "Forget about it, I'll find a different clinic.",
        "I've had enough of trying to get this to work, we'll move our builds elsewhere.",
        "Whatever, I'll just buy the shoes in the shop.",
        "No tengo más paciencia, I stop now.",
        "There's no use, I'll just get a new SIM from someone else.",
    ),
    "agent_complaint": (
        "useless bot",
        "YOU ARE NOT HELPING AT ALL",
        "u keep sayin the same thing over n over",
        "This assistant clearly does not understand anything I write.",
        "Your answers are copy-paste from the FAQ, which I already read.",
        "Honestly this chatbot is worse than no chatbot.",
        "You contradict yourself in every second message.",
        "Talking to you is like talking to a wall.",
        "I regret to say your responses have been of no assistance whatsoever.",
        "the bot is so dumb smh",
    ),
    "cancel_talk": (
        "close my account.",
        "CANCEL MY CONTRACT NOW",
        "pls cancel my membership im leaving",
        "I wish to close all my accounts with this bank and move my money.",
        "Please terminate my plan; I'm porting my number to another network.",
        "We want to cancel our subscription and delete the organisation.",
        "I will cancel the treatment package and go to a different physio.",
        "Unsubscribe me from the repeat prescription service, I'm moving pharmacy.",
        "Cancel my hotel loyalty membership, I'm not staying with you again.",
        "Kindly cancel my order and refund me, I am not buying from you anymore.",
    ),
}

# Politeness is not satisfaction: each of these closings must leave the conversation NEUTRAL.
HELDOUT16_POLITE = (
    "ok thx",
    "THANK YOU BYE",
    "Thanks, that's all for now.",
    "Gracias, bye.",
    "Danke, tschüss.",
    "Thank you for the information, have a nice day.",
    "thanks, will check later",
    "Noted with thanks.",
    "Ok, thank you, I'll call the branch tomorrow then.",
    "Many thanks for your reply. Kind regards, P. Sharma",
)

# Positive messages with the words of frustration: not NEGATIVE.
HELDOUT16_POSITIVE = (
    "No delays at all today, the train was bang on time. Thank you!",
    "I was dreading the check-in but it couldn't have been smoother.",
    "Card works again abroad, no problem anymore, you're a lifesaver.",
    "Never had a pharmacy this quick, prescription came the next day.",
    "After three sessions the pain is gone, I can't thank the physio enough.",
    "THE SHOES FIT PERFECTLY, NOT A SINGLE BLISTER",
    "builds are crazy fast now, no more waiting, love it",
    "Didn't expect the number transfer to be this painless, great job.",
    "I had no issues whatsoever, everything worked first time.",
    "Finally a bank that doesn't make me wait, really happy.",
)

HELDOUT16_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        'java.lang.NullPointerException: Cannot invoke "Booking.getPnr()" because "b" is null',
        "botocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling "
        "the PutItem operation: Rate exceeded",
        "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not connect to server",
        "Fatal error: Uncaught Error: Call to undefined method Cart::applyVoucher() in "
        "/var/www/shop/checkout.php:88",
        "Fatal error: Unexpectedly found nil while unwrapping an Optional value",
        "kotlin.UninitializedPropertyAccessException: lateinit property repo has not been "
        "initialized",
        "Errno::ECONNREFUSED: Failed to open TCP connection to carrier-api:8443",
        "Segmentation fault (core dumped)",
        "System.TimeoutException: The operation has timed out.",
        "java.lang.OutOfMemoryError: Java heap space",
    ),
    "traceback": (
        'Traceback (most recent call last):\n  File "/srv/rail/fares.py", line 44, in quote\n    '
        "return table[route]\nKeyError: 'LDS-EDB'",
        'Exception in thread "main" java.lang.IllegalArgumentException: bad room type\n\tat '
        "com.hotel.Rooms.assign(Rooms.java:112)\n\tat com.hotel.Main.main(Main.java:9)",
        "Thread 0 Crashed:\n0   libswiftCore.dylib   0x00000001a2b3c4d0 swift_unexpectedError + "
        "412\n1   BankApp   0x0000000100a1b2c3 CardsViewModel.load() + 88",
        "** exception error: no match of right hand side value {error,timeout}\n     in function  "
        "rx_gateway:send/2 (rx_gateway.erl, line 57)",
        "Died at /opt/pharmacy/bin/refill.pl line 42.\n\tmain::refill('A-991') called at "
        "/opt/pharmacy/bin/refill.pl line 17",
        "#0  0x00007f3a2c1e5a7c in __pthread_kill_implementation () from /lib/libc.so.6\n#1  "
        "0x00007f3a2c191476 in raise () from /lib/libc.so.6\n#2  0x000055d1 in main () at "
        "clinic.c:31",
        "Error: Cannot find module 'stripe'\nRequire stack:\n- /app/src/checkout.js\n- "
        "/app/src/server.js",
        'Exception in thread "DefaultDispatcher-worker-1" kotlinx.coroutines.'
        "JobCancellationException: Job was cancelled\n\tat kotlinx.coroutines.JobSupport"
        ".cancel(JobSupport.kt:1550)",
        '  File "/runner/ci/steps.py", line 203, in run_step\n    raise StepFailed(step.name)'
        "\nci.errors.StepFailed: test-unit",
        "Stack trace:\n  at PortIn.Validate (PortIn.fs:line 27)\n  at PortIn.Submit "
        "(PortIn.fs:line 44)\nSystem.ArgumentException: PAC code has expired",
    ),
    "http_status_line": (
        "HTTP/2 503",
        "Status: 500 Internal Server Error",
        "< HTTP/1.1 429 Too Many Requests",
        "Response code: 401 (Unauthorized)",
        "GET /v2/accounts/9921/cards -> 500",
        "Server returned HTTP response code: 403 for URL: https://rx.example/api/refills",
        "504 Gateway Time-out",
        "Request failed: the server responded with 400 Bad Request",
        "urllib.error.HTTPError: HTTP Error 404: Not Found",
        "The upstream booking service answered 502 (Bad Gateway) after 30012 ms.",
    ),
    "json_status": (
        '{"Status": "Failed", "HttpStatusCode": 500}',
        '{"resourceType": "OperationOutcome", "status": 422, "issue": [{"severity": "error"}]}',
        '{"data": null, "errors": [{"message": "forbidden", "status": 403}]}',
        '{"pnr": "X7Q2LM", "ticketing": {"state": "error", "status": 503}}',
        '{"Errors": {"Error": [{"ErrorCode": "UK.OBIE.Resource.NotFound"}]}, "status": 404}',
        '{"status": "429 Too Many Requests", "retryAfter": 60}',
        '{"results": [{"sku": "RT-42W", "status": 200}, {"sku": "RT-12W", "status": 500}]}',
        '{"job": {"id": 88213, "conclusion": "failure", "api_status": 502}}',
        '{"port_request": {"msisdn": "07700900555", "status_code": 409, "detail": "PAC used"}}',
        '{"code": 401, "status": 401, "message": "token expired"}',
    ),
    "error_prefix": (
        "Error: Error acquiring the state lock\n\nLock Info:\n  ID: 5c1e-... \n  Path: "
        "ci/terraform.tfstate",
        "Error response from daemon: pull access denied for ci-runner, repository does not exist",
        "FAILURE: Build failed with an exception.\n\n* What went wrong:\nExecution failed for "
        "task ':app:compileDebugKotlin'.",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.0.0:test",
        "error[E0308]: mismatched types\n --> src/fares.rs:12:5",
        "src/cart.ts(41,7): error TS2339: Property 'voucher' does not exist on type 'Cart'.",
        "E: Unable to locate package libssl1.1",
        "Failed to fetch seat map for flight BA117: upstream timeout",
        "ERR_SEAT_UNAVAILABLE - requested seat 14C could not be assigned",
        "Erreur : connexion au serveur de réservation refusée",
    ),
    "apology_after_tool": (
        "sorry, that didn't work - the seat change failed.",
        "SORRY, THE BOOKING SYSTEM THREW AN ERROR, PLEASE TRY AGAIN LATER.",
        "Apologies, I hit a problem moving your room to the 14th, it didn't go through.",
        "I'm sorry, I couldn't freeze the card just now, our card system isn't responding.",
        "Sorry - the refill request errored out on our side.",
        "Unfortunately something broke when I tried to book the physio slot, sorry about that.",
        "So sorry, the exchange couldn't be created, the returns service gave me an error.",
        "My apologies, re-running the pipeline failed with an internal error.",
        "Sorry about that, the port request was rejected by the system when I submitted it.",
        "Lo siento, I was not able to change the reservation, there was a technical error.",
    ),
}

# The user asks for a person; the agent ignores it or deflects, neither handing over nor saying
# why it cannot.
HELDOUT16_UNMET: tuple[tuple[str, str], ...] = (
    ("Agent.", "Trains between Leeds and Edinburgh run every hour."),
    ("REPRESENTATIVE", "Our hotels have free Wi-Fi in every room."),
    ("can i talk 2 someone real pls", "You can order a new card from the app."),
    (
        "I would like to speak with one of your bankers, not an automated system.",
        "Did you know you can set savings goals in the app?",
    ),
    (
        "Please transfer me to the pharmacist on duty.",
        "Repeat prescriptions can be ordered up to seven days early.",
    ),
    (
        "Is there a live person I can chat with about my booking?",
        "Great question! Our clinic is open until 8pm on weekdays.",
    ),
    (
        "I need a real human to look at this, the bot can't.",
        "Our trail shoes have a 60-day return.",
    ),
    (
        "Kindly connect me to a customer care executive.",
        "Your plan includes unlimited texts.",
    ),
    (
        "Let me speak with someone from your support engineers.",
        "Builds can be cached between runs to save minutes.",
    ),
    ("Get me someone at the front desk, a person, please.", "Check-in opens at 3pm."),
    ("human please", "Here are our most popular questions."),
    ("I NEED TO TALK TO A MANAGER", "Thanks for your message! Can I help with anything else?"),
)

# Longer conversations: the user asks for a person, and none of the agent's later turns hands
# over or says why not (every case must read as an unmet escalation).
HELDOUT16_UNMET_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "My train was cancelled and the refund form rejects my ticket number."),
        ("assistant", "Sorry about that. Which ticket type did you buy?"),
        ("user", "Advance single. Can somebody from the refunds team ring me?"),
        ("assistant", "Advance tickets are valid only on the booked train."),
        ("user", "ok"),
        ("assistant", "Is there anything else I can help you with?"),
    ),
    (
        ("user", "The room you gave us smells of smoke."),
        ("assistant", "I'm sorry. Which room number are you in?"),
        ("user", "412. I want the duty manager up here."),
        ("assistant", "All our rooms are non-smoking."),
    ),
    (
        ("user", "There's a payment on my account I don't recognise."),
        ("assistant", "Let's check it. What's the amount?"),
        ("user", "£249. I need to speak to your fraud people, a human."),
        ("assistant", "You can see pending payments under Transactions."),
        ("user", "..."),
        ("assistant", "Anything else today?"),
    ),
    (
        ("user", "You gave me the wrong strength of tablets."),
        ("assistant", "I'm sorry to hear that. What does the label say?"),
        ("user", "20mg, it should be 10. I'd like the pharmacist to call me back today."),
        ("assistant", "Always read the leaflet that comes with your medicine."),
    ),
    (
        ("user", "The physio hurt my shoulder yesterday."),
        ("assistant", "I'm sorry. How is it feeling today?"),
        ("user", "Worse. I want to discuss it with the clinic director."),
        ("assistant", "Gentle movement often helps shoulder pain."),
        ("user", "right."),
        ("assistant", "Take care!"),
    ),
    (
        ("user", "My order has been 'processing' for 12 days."),
        ("assistant", "Sorry for the wait. What's the order number?"),
        ("user", "SH-55102. escalate to a human pls"),
        ("assistant", "Orders usually ship within 2 working days."),
    ),
    (
        ("user", "All our builds are failing since your maintenance window."),
        ("assistant", "Sorry about that. Which runner image do you use?"),
        ("user", "ubuntu-22.04. Please loop in an engineer from your side."),
        ("assistant", "Runner images are updated weekly."),
        ("user", "hello?"),
        ("assistant", "Happy building!"),
    ),
    (
        ("user", "My number still hasn't moved over after five days."),
        ("assistant", "Sorry to hear that. When did you give us your PAC?"),
        ("user", "Last Monday. I wish to speak to a supervisor."),
        ("assistant", "Number transfers usually complete in one working day."),
    ),
)

# The user asks for a person and the agent hands over (or says when someone will be in touch,
# or gives a direct line): not an unmet escalation.
HELDOUT16_MET: tuple[tuple[str, str], ...] = (
    ("Agent.", "Connecting you to an agent now; you're number 3 in the queue."),
    (
        "Can I talk to someone at the hotel about a wedding block?",
        "Yes, our events coordinator, Priya, will e-mail you within 24 hours.",
    ),
    (
        "I want to speak to a real banker.",
        "Of course, I'm transferring you to a member of our branch team now.",
    ),
    (
        "Can the pharmacist call me about side effects?",
        "Yes, the pharmacist will call you this afternoon before 5pm.",
    ),
    (
        "Can I speak to my physio directly?",
        "Yes, Tomasz is on 0113 496 0871, extension 4, between sessions.",
    ),
    (
        "human please",
        "Sure, I've passed this chat to a colleague, who will reply here in a few minutes.",
    ),
    (
        "Can a support engineer look at our failing builds?",
        "Yes, I've opened ticket #88213 and an engineer will reply to you by e-mail today.",
    ),
    (
        "I need a person to help with my number transfer.",
        "I can't transfer chats at night, but our porting team opens at 8am: call 0333 000 1234.",
    ),
)

# Ordinary questions with the weak forms' words: not NEGATIVE.
HELDOUT16_CALM = (
    "Can I cancel a hotel booking free of charge up to 24 hours before?",
    "If my card stops working abroad, who do I call?",
    "Can I still use my old card until the new one arrives?",
    "What happens if the train is cancelled, do I get a refund automatically?",
    "Can I order the same prescription again next month without a new appointment?",
    "If the shoes don't fit, can I return them and try a different size?",
    "Does a failed build still count against our build minutes?",
    "Is there a person I can speak to at the clinic if I have questions after surgery?",
    "Can I give up my contract early if I move abroad?",
    "If the error happens again, should I send you the log?",
)

# Multi-turn conversations; the last user turn is the form given what came before it.
HELDOUT16_IN_CONTEXT: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "repeated_request": (
        (
            ("user", "Is there a lift at Platform 4?"),
            ("assistant", "Leeds station has a café and a ticket office."),
            ("user", "lift. platform 4."),
        ),
        (
            ("user", "Do the rooms have a bath or only a shower?"),
            ("assistant", "All rooms have a king-size bed."),
            ("user", "bath or shower??"),
        ),
        (
            ("user", "What's the daily limit for cash withdrawals?"),
            ("assistant", "You can withdraw cash at any ATM in the UK."),
            ("user", "I know, but the LIMIT?"),
        ),
        (
            ("user", "Can I collect my prescription after 6pm?"),
            ("assistant", "We deliver repeat prescriptions free."),
            ("user", "Not delivery - collect. After 6?"),
        ),
        (
            ("user", "Is the first physio session covered by Bupa?"),
            ("assistant", "A first session is 45 minutes."),
            ("user", "my question was about bupa"),
        ),
        (
            ("user", "Are the Ridge shoes waterproof?"),
            ("assistant", "The Ridge comes in three colours."),
            ("user", "WATERPROOF YES OR NO"),
        ),
        (
            ("user", "Can we run builds on ARM?"),
            ("assistant", "The team plan includes 3,000 Linux minutes."),
            ("user", "Right, but ARM runners - available or not?"),
        ),
        (
            ("user", "Does my plan work in Spain?"),
            ("assistant", "Your plan includes unlimited calls in the UK."),
            ("user", "Pero in Spain? That is my question."),
        ),
        (
            ("user", "Can I bring my dog on the ferry?"),
            ("assistant", "The ferry has a restaurant and a shop on board."),
            ("user", "The dog, though?"),
        ),
        (
            ("user", "Is there a fee for paying the card bill early?"),
            ("assistant", "Your card statement is issued on the 3rd."),
            ("user", "Pls just answer the fee question"),
        ),
    ),
    "didnt_help": (
        (
            ("user", "The app won't let me pick a seat."),
            ("assistant", "Update the app to the latest version."),
            ("user", "updated. still greyed out."),
        ),
        (
            ("user", "The key card doesn't open my room."),
            ("assistant", "I've re-encoded it at reception for you."),
            ("user", "Re-encoded one doesn't work either."),
        ),
        (
            ("user", "Contactless isn't working on my card."),
            ("assistant", "Do one chip-and-PIN payment first, then contactless will work."),
            ("user", "Did chip and pin at Tesco. Contactless still refused."),
        ),
        (
            ("user", "The prescription shows as 'not ready'."),
            ("assistant", "I've asked the team to mark it ready."),
            ("user", "Went in, they said it's still not ready."),
        ),
        (
            ("user", "My exercise video won't play in the clinic app."),
            ("assistant", "Try it on Wi-Fi instead of mobile data."),
            ("user", "on wifi now, same spinning wheel"),
        ),
        (
            ("user", "The discount isn't applied at checkout."),
            ("assistant", "Remove the item and add it back to your basket."),
            ("user", "Removed and re-added, full price again."),
        ),
        (
            ("user", "The cache step times out on every build."),
            ("assistant", "Bump the cache action to v4."),
            ("user", "On v4 now, times out exactly the same."),
        ),
        (
            ("user", "I have no data since the weekend."),
            ("assistant", "Turn roaming off and on again."),
            ("user", "toggled it like 5 times nothing"),
        ),
        (
            ("user", "The booking confirmation never arrived."),
            ("assistant", "I've re-sent it to your e-mail."),
            ("user", "Checked spam as well. Nothing came."),
        ),
        (
            ("user", "The ankle brace you sent is too small."),
            ("assistant", "We've sent the next size up."),
            ("user", "The new one is just as tight."),
        ),
    ),
    "sarcasm": (
        (
            ("user", "Is my train on time?"),
            ("assistant", "Sorry, it's been cancelled due to a staff shortage."),
            ("user", "Of course it has. Brilliant."),
        ),
        (
            ("user", "Is my room ready?"),
            ("assistant", "I'm afraid we overbooked and your room was given away."),
            ("user", "Marvellous. Just what I wanted after a 12-hour flight."),
        ),
        (
            ("user", "Has the payment to my landlord gone out?"),
            ("assistant", "Unfortunately it was returned, the account details didn't match."),
            ("user", "Fantastic, nothing like a late rent notice to start the week."),
        ),
        (
            ("user", "Is my prescription ready to collect?"),
            ("assistant", "Sorry, one of the items is out of stock until next week."),
            ("user", "Lovely. I'll just stop taking it then, shall I."),
        ),
        (
            ("user", "Is my appointment still on for 9?"),
            ("assistant", "Sorry, your physio called in sick and it's been cancelled."),
            ("user", "great. took the morning off for this. thanks so much"),
        ),
        (
            ("user", "Where are my running shoes?"),
            ("assistant", "I'm sorry, the parcel was delivered to the wrong address."),
            ("user", "Superb service, truly. Hope the neighbours enjoy them."),
        ),
        (
            ("user", "Why did our deploy not run?"),
            (
                "assistant",
                "Sorry, the runners were paused during maintenance and jobs were dropped.",
            ),
            ("user", "Cool cool cool. Love finding that out from our customers."),
        ),
        (
            ("user", "Did my number move over?"),
            ("assistant", "I'm afraid the transfer failed and your old number was released."),
            ("user", "Wow. Excellent. Ten years I had that number."),
        ),
        (
            ("user", "Is breakfast included tomorrow?"),
            ("assistant", "Sorry, the restaurant is closed tomorrow for a private event."),
            ("user", "perfect, as always 🙃"),
        ),
        (
            ("user", "Has my refund been processed?"),
            ("assistant", "Sorry, it was sent to the card you cancelled last month."),
            ("user", "Well done. Really, well done."),
        ),
    ),
}

# First user turns that say "still" / "again" as backstory, answered and closed calmly: not
# NEGATIVE (nothing the agent said has failed yet).
HELDOUT16_BACKSTORY: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "I'd like to book the same hotel again for March, is the 14th free?"),
        ("assistant", "Yes, a double room is free on the 14th."),
        ("user", "Lovely, book it please."),
    ),
    (
        ("user", "My card is still in the post, can I use Apple Pay meanwhile?"),
        ("assistant", "Yes, you can add the new card to Apple Pay right away."),
        ("user", "Great, thanks."),
    ),
    (
        ("user", "I need my inhaler again, can I order it here?"),
        ("assistant", "Yes, your inhaler is on your repeat list; I've ordered it."),
        ("user", "thank you"),
    ),
    (
        ("user", "My knee still clicks a bit, should I book a follow-up?"),
        ("assistant", "Yes, a follow-up in two weeks is a good idea; Thursday at 10 is free."),
        ("user", "Thursday works, thanks."),
    ),
    (
        ("user", "We're running out of minutes again this month, can we buy more?"),
        ("assistant", "Yes, you can add 1,000 minutes for $8 under Billing."),
        ("user", "Perfect, done."),
    ),
    (
        ("user", "I'm travelling to Spain again, do I need to switch on roaming?"),
        ("assistant", "Roaming is already on; Spain is included in your plan."),
        ("user", "Good to know, cheers."),
    ),
)

# Calm controls (the reverse of false readings found by review).

# After the agent's instruction or fix the user reports calmly that it works now, in many forms:
# not NEGATIVE, and no incomplete answer (the conversation ends on the report).
HELDOUT16_SUCCESS_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "The e-ticket won't load on my phone."),
        ("assistant", "Open it from the app's Tickets tab rather than the e-mail."),
        ("user", "loads now"),
    ),
    (
        ("user", "The TV in the room shows no signal."),
        ("assistant", "Press Source on the remote and choose HDMI 1."),
        ("user", "HDMI 1 did it, working."),
    ),
    (
        ("user", "I can't log in to online banking."),
        ("assistant", "Use the one-time code we've just texted you."),
        ("user", "Code worked, I'm in."),
    ),
    (
        ("user", "The app won't take my NHS number."),
        ("assistant", "Enter it without spaces."),
        ("user", "no spaces = accepted. ta"),
    ),
    (
        ("user", "The clinic portal keeps asking me to verify."),
        ("assistant", "Tap the link in the latest verification e-mail only."),
        ("user", "Used the latest link, verified now."),
    ),
    (
        ("user", "My return label won't print."),
        ("assistant", "Download it as a PDF first, then print."),
        ("user", "PDF printed fine."),
    ),
    (
        ("user", "Our build can't find the secret."),
        ("assistant", "Secrets are per environment; add it to 'production' too."),
        ("user", "Added to production, pipeline green."),
    ),
    (
        ("user", "My new SIM says 'no service'."),
        ("assistant", "Restart the phone once the activation text arrives."),
        ("user", "TEXT CAME, RESTARTED, FULL BARS NOW"),
    ),
    (
        ("user", "The payee name check says 'no match'."),
        ("assistant", "Use the name exactly as on their bank account, with the middle initial."),
        ("user", "Added the initial, it matched."),
    ),
    (
        ("user", "The seat map shows everything as taken."),
        ("assistant", "Choose 'standard' rather than 'first' at the top."),
        ("user", "Switched to standard, picked 42A."),
    ),
)

# A polite ask for a person that the agent meets; the user thanks: not NEGATIVE, not unmet.
HELDOUT16_MET_POLITE: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "Could someone from the station call me about assistance for my mother?"),
        ("assistant", "Yes, our passenger assistance team will call you tomorrow morning."),
        ("user", "That's very kind, thank you."),
    ),
    (
        ("user", "May I speak with the hotel manager about our anniversary?"),
        ("assistant", "Of course, I'm putting you through to the duty manager now."),
        ("user", "Thanks so much!"),
    ),
    (
        ("user", "Could I talk to an adviser about a mortgage?"),
        ("assistant", "Yes, I've booked you a call with a mortgage adviser on Friday at 2pm."),
        ("user", "great thanks"),
    ),
    (
        ("user", "Is it possible to ask the pharmacist something privately?"),
        ("assistant", "Yes, the pharmacist will ring you within the hour."),
        ("user", "Thank you, appreciated."),
    ),
    (
        ("user", "Could my physio give me a quick call about the exercises?"),
        ("assistant", "Sure, Tomasz will call you after his 4pm patient."),
        ("user", "Perfect, thanks."),
    ),
    (
        ("user", "Can I speak to someone about a bulk order for our running club?"),
        ("assistant", "Yes, our team sales contact is Jo on 0161 496 0555."),
        ("user", "Brilliant, will call Jo, ta."),
    ),
    (
        ("user", "Could a human check our billing, please?"),
        ("assistant", "Yes, I've handed this to our billing team; they'll e-mail you today."),
        ("user", "Thanks a lot."),
    ),
    (
        ("user", "Pls can sum1 call me abt my bill"),
        ("assistant", "Yes, an adviser will call you before 6pm today."),
        ("user", "ok thx"),
    ),
    (
        ("user", "Could I please speak to a person about my booking?"),
        ("assistant", "Transferring you to our reservations team now."),
        ("user", "Thank you."),
    ),
    (
        ("user", "Bitte, can I speak with a person about my card?"),
        ("assistant", "Yes, I'm connecting you to a card specialist now."),
        ("user", "Danke schön."),
    ),
)

# The agent answers; the user acknowledges (not NEGATIVE, no incomplete answer).
HELDOUT16_ACK: tuple[tuple[str, str], ...] = (
    (
        "Why is the advance fare cheaper than the anytime one?",
        "Advance fares are only valid on the train you book.",
    ),
    (
        "Why do you need a card at check-in if I've paid?",
        "We take a card for any extras you charge to the room.",
    ),
    (
        "Why did my new card get a different number?",
        "Replacement cards for lost cards always get a new number for security.",
    ),
    (
        "Why can't I order my painkillers as a repeat?",
        "Your doctor set them as 'acute', so each order needs their approval.",
    ),
    (
        "Why does the first physio session take longer?",
        "It includes a full assessment and your treatment plan.",
    ),
    (
        "Why is the wide fit a different price?",
        "It uses a different last and is made in smaller runs.",
    ),
    (
        "Why do macOS builds use more minutes?",
        "macOS minutes count ten times because the machines cost more to run.",
    ),
    (
        "Why is my first bill higher than the plan price?",
        "It includes a part month from the day you joined.",
    ),
    (
        "Why do I need to be at the port an hour early?",
        "Vehicles are checked and loaded in order before departure.",
    ),
    (
        "Why does my savings rate change in April?",
        "The bonus rate lasts 12 months from when you opened the account.",
    ),
)
HELDOUT16_ACK_REPLIES = (
    "ok",
    "MAKES SENSE",
    "Understood, thank you.",
    "ah right",
    "Got it.",
    "ok fair",
    "I see.",
    "Ahh ok, thanks.",
    "Okay, clear now.",
    "Right, thanks for explaining.",
)

# The agent explains an error code or message the user asked about (nothing failed in the
# trace): not a failed tool call, not NEGATIVE.
HELDOUT16_ERROR_DOCS: tuple[tuple[str, str], ...] = (
    (
        "The ticket machine said 'Card error 05'. Was I charged?",
        "No, code 05 means the bank declined it, so nothing was taken.",
    ),
    (
        "The hotel app showed 'Error 409' when I tried early check-in. Is my booking gone?",
        "No, your booking is fine; 409 means early check-in was already requested.",
    ),
    (
        "My banking app said 'Fatal error: session invalid'. Is my account hacked?",
        "No, it means you were logged out after 10 minutes; log in again as normal.",
    ),
    (
        "The pharmacy text said 'FAILED TO DISPENSE - RX HOLD'. What does that mean?",
        "It means the doctor hasn't signed it yet; it'll be ready once they do.",
    ),
    (
        "The clinic kiosk printed 'ERR 12'. Did I check in?",
        "Yes, you're checked in; ERR 12 is only the printer running low on paper.",
    ),
    (
        "Checkout said 'Error: address could not be verified'. Did my order go through?",
        "It did; the warning means we'll confirm the flat number with the courier.",
    ),
    (
        "Our build log shows 'npm WARN deprecated'. Is the build broken?",
        "No, that's only a warning about an old package; the build still passes.",
    ),
    (
        "My phone says 'SIM not provisioned MM#2'. Is the SIM faulty?",
        "No, it just hasn't activated yet; it usually takes up to an hour.",
    ),
    (
        "The departure board said 'Error - see staff'. Was my train cancelled?",
        "No, the board lost its data feed; your train ran on time.",
    ),
    (
        "The app showed 'Exception: 500' when I added a payee. Was the payee added?",
        "Yes, the payee was added; the message came from the screen refreshing.",
    ),
)
HELDOUT16_ERROR_DOCS_REPLIES = (
    "oh ok good",
    "Phew. Thanks.",
    "OK THANKS",
    "Good, understood.",
    "Ah, no worries then.",
    "ok great",
    "Thanks, good to know.",
    "Okay, will wait.",
    "Ah good, thanks.",
    "Right, thanks.",
)

# Review class 1: a question about modelling or computing data that names a money metric is no
# Pricing question: Pricing question must read NONE.
HELDOUT16_MONEY_MODELLING: tuple[tuple[str, str], ...] = (
    (
        "How do I chart my portfolio's dividend income by quarter from the export?",
        "Group the dividends column by quarter and plot the sums as bars.",
    ),
    (
        "Which column in the trades CSV is the commission paid?",
        "It's `commission_gbp`, the ninth column.",
    ),
    (
        "How can I compute my average buy price per share from the transaction history?",
        "Divide the total cost of the buys by the number of shares bought.",
    ),
    (
        "How do I calculate the annual return on my ISA from the monthly valuations?",
        "Take the last valuation over the first, minus one, adjusted for deposits.",
    ),
    (
        "Can I show fees as a share of portfolio value in a pivot table?",
        "Yes, divide the fees column by the valuation column in a calculated field.",
    ),
    (
        "How do I sum the claims paid per year from my health-insurance claims export?",
        "Group by the year of the claim date and sum the paid amount.",
    ),
    (
        "Which field in the claims file shows the excess I paid?",
        "That's `member_excess`, next to `amount_paid`.",
    ),
    (
        "How do I plot my premium against claims paid over five years?",
        "Put both columns on one line chart by year.",
    ),
    (
        "How can I get the median cost per physio claim from the claims data?",
        "Filter the treatment type to physiotherapy and take the median amount.",
    ),
    (
        "How do I work out the FX cost on my US trades from the statement CSV?",
        "Sum the `fx_fee` column for rows where currency is USD.",
    ),
)

# Review class 2: a request to record or change the user's own account data is no Feature
# request (NONE) and no Pricing question (NONE).
HELDOUT16_ACCOUNT_DATA: tuple[tuple[str, str], ...] = (
    (
        "Please add my daughter as a dependant on my health policy.",
        "Added; her membership card will arrive in five days.",
    ),
    (
        "Update my e-mail address to p.sharma@example.com, please.",
        "Updated to p.sharma@example.com.",
    ),
    (
        "Please change my premium payment day to the 28th.",
        "Done, your premium will now be collected on the 28th.",
    ),
    (
        "Can you record my new GP practice on my policy?",
        "Recorded; your GP is now Oakwood Surgery.",
    ),
    (
        "Please set my dividends to reinvest automatically.",
        "Set; future dividends will be reinvested.",
    ),
    (
        "Add my wife as a beneficiary on the ISA, please.",
        "Added as a beneficiary.",
    ),
    (
        "Please move my monthly investment from £200 to £250.",
        "Changed; £250 will be invested from next month.",
    ),
    (
        "Change my address to 14 Mill Lane, Harrogate HG1 2AB.",
        "Updated to 14 Mill Lane, Harrogate HG1 2AB.",
    ),
    (
        "Please turn on paperless statements for my account.",
        "Turned on; statements will now come by e-mail.",
    ),
    (
        "Record that my surname is now Okafor, please.",
        "Recorded; your documents will show Okafor from now on.",
    ),
)
