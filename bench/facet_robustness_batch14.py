"""Held-out batch 14 of the robustness set (bench/facet_robustness_set.py).

Written for the thirteenth pass of issue 14 (ship the learned path's gain without its cost on calm
dialogues: false-alarm budgets per head, calm material as explicit negatives) BEFORE any change of
that pass, and without running anything on it: every failure form of the issue (Sentiment and
Issues), ten or more phrasings each, in domains batches 1-13 do not use (a mobile tyre-fitting
van, a nail and beauty salon, a mountain-hut booking service, a funeral director, a password-
manager app, a double-glazing installer, a model-railway and hobby shop, a GP surgery's booking
line; and, for the two review classes, a fleet fuel-card tool and a workplace pension account).
Registers batches 1-13 do not use: Yorkshire English ("nowt", "owt", "reyt", "love"), London
slang ("innit", "bruv", "long", "peak"), French-influenced English ("it does not function", "I am
disappointed of"), Polish-influenced English (no articles), an elderly writer unsure of the chat
who signs with a name, a nervous over-apologiser, Filipino English ("po", "kindly"), Chinese-
influenced English ("already", "help me check"), a quoted e-mail thread ("Re: Re:"), a writer who
speaks of themselves in the third person, parenthetical asides, emoji strings. Tool failures come
in formats the earlier batches do not print (Objective-C NSException, Visual Basic runtime errors,
COBOL abends, Ada, Nim, Crystal, MATLAB, Groovy, Racket, Azure CLI, Google API and Stripe-style
JSON errors, HAProxy, Apache httpd, Traefik, Helm, yarn, cargo, Maven, dotnet, conda, DynamoDB,
Cassandra, Neo4j, Snowflake, Salesforce).

Groups as in batch 13 (IN_CONTEXT with ten conversations per form, BACKSTORY, UNMET_CTX, MET,
CALM, and the calm controls SUCCESS_CTX, MET_POLITE, ACK, ERROR_DOCS, MONEY_MODELLING,
ACCOUNT_DATA).

Measured once, at the end of the pass; never used to train, tune a threshold or change a rule.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS14 = (
    (
        "Can your van fit two new tyres at my work car park?",
        "Yes, our mobile fitters come to car parks; two mid-range tyres fitted are £180.",
    ),
    (
        "Do you do gel nails and a pedicure in one appointment?",
        "Yes, the gel manicure and pedicure together take about 90 minutes.",
    ),
    (
        "Is there space at the Glen Hut on the 12th for two people?",
        "Yes, the Glen Hut has four bunks free on the 12th at £28 per person.",
    ),
    (
        "Can the service be held at your chapel on a Saturday?",
        "Yes, our chapel is available for services on Saturday mornings.",
    ),
    (
        "Does the password manager work on Linux?",
        "Yes, there is a desktop app for Linux and extensions for Firefox and Chrome.",
    ),
    (
        "Do you fit triple glazing or only double?",
        "We fit both; triple glazing costs about 20 % more per window.",
    ),
    (
        "Do you stock OO gauge track?",
        "Yes, we stock OO gauge track from three makers, straight and curved.",
    ),
    (
        "Can I book a blood test at the surgery online?",
        "Yes, blood tests can be booked online up to two weeks ahead.",
    ),
)

HELDOUT14_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "Put t'pressure up like you said, love, and t'warning light's still on. Nowt's changed.",
        "did the cuticle oil thing u said bruv, nails still peeling innit",
        "I have done the reset you propose but it does not function, the vault stays locked.",
        "Hello dear, this is Margaret. I pressed the button you told me and nothing is "
        "different. Margaret.",
        "Sorry sorry, I did the steps (all of them, twice!) and sorry but it's the same?",
        "I followed already your steps, the booking still show error, help me check again.",
        "Window handle was adjusted like technician say, still draft is coming same as before.",
        "Re: Re: handle adjustment - as stated below, the adjustment made no difference.",
        "Kindly po, I tried the link you sent, still cannot book the blood test.",
        "The loco still stalls on the points after cleaning the wheels as you said 😩😩",
    ),
    "repeated_request": (
        "For the third time, love: what time is the fitter coming?",
        "bruv im asking again, is my appointment thursday or friday",
        "I repeat my question one more time: the hut, it has blankets or not?",
        "Re: Re: Re: urgent - see my three previous e-mails below regarding the invoice.",
        "Sorry to ask again (sorry!!) but I still don't know if Mum's service is at 10 or 11?",
        "Helen would like, once more, an answer about the door colour she asked about on Monday.",
        "Asked already two times, which day the windows will come?",
        "Kindly po, I'm asking again about my repeat prescription, no reply yet.",
        "How many times must I ask whether the 0-4-0 tank engine is back in stock",
        "again: 🙋 when 🙋 is 🙋 my 🙋 refill 🙋 ready",
    ),
    "ask_human": (
        "Can I speak to one of the fitters direct, love?",
        "put me on to an actual person bruv not a bot",
        "I would like to speak to a real person, not to a machine, please.",
        "Dear sir or madam, I would prefer to speak to someone on the telephone. Regards, Ted",
        "Sorry, is there maybe a person I could talk to? Sorry if that's not allowed!",
        "Please po, can I talk with your staff?",
        "Can you transfer me to your colleague, a human one?",
        "The gentleman would like a word with whoever is in charge of the arrangements.",
        "i want a warden on the phone, a person, now",
        "Can I have someone from the practice team ring me back?",
    ),
    "sarcasm": (
        "Oh champion, t'fitter turned up wi' the wrong size tyres. Reyt good that.",
        "love that for me, paid £45 for nails that fell off by tuesday, peak service innit",
        "Magnifique, the hut you booked for us was closed for the season. Very well organised.",
        "Well that's just marvellous, the flowers went to the wrong funeral. Thank you ever so.",
        "Brilliant update, it logged me out of every vault at once. Real security, that.",
        "What a lovely surprise, the new windows are two inches too small. Top craftsmanship 👏👏",
        "Amazing customer service, the parcel with my locomotive was left in the rain.",
        "Really super efficient, my appointment was cancelled by text ten minutes before. Wow.",
        "Oh perfect, exactly what a grieving family needs, a wrong name on the order of service.",
        "10 out of 10 would recommend getting stranded on a hard shoulder for four hours 🙃",
    ),
    "giving_up": (
        "Forget it love, I'll go down t'garage meself.",
        "nah leave it bruv ill sort my nails somewhere else",
        "It is useless, I abandon, I will sleep in the car.",
        "Never mind, dear, my grandson will do it for me when he visits. Jean",
        "Sorry, I'll stop bothering you, I'll just figure it out alone somehow.",
        "Okay, no more, I will go to the walk-in clinic instead.",
        "Enough, I give up with this, I will write my passwords in a notebook.",
        "Jim has given up waiting and will measure the windows himself.",
        "whatever, i'll just buy the track off ebay",
        "I'm done chasing this. Not worth it.",
    ),
    "agent_complaint": (
        "You've not listened to a word I've said, have you?",
        "this bot is well useless bruv",
        "Your answers are not serious, you repeat always the same sentence.",
        "I'm sorry but you don't seem to understand me at all, dear.",
        "Sorry to say (and sorry!) but your replies keep contradicting each other.",
        "You are giving me wrong information again and again, po.",
        "Why you keep answering question I did not ask?",
        "Frankly your responses have been unhelpful and insensitive at a difficult time.",
        "You clearly haven't read my previous messages 🙄🙄🙄",
        "A search engine would be more help than you.",
    ),
    "cancel_talk": (
        "Cancel t'fitting, love, I've gone wi' another firm.",
        "cancel my membership bruv, im going elsewhere",
        "I want to stop my subscription to the vault, I go to another manager.",
        "Please take my name off your list, I shan't be using you again. Doris",
        "Sorry, I think I need to cancel the order. Sorry for the trouble.",
        "Please cancel my account, I will transfer to other surgery po.",
        "We terminate the contract for the windows, no more.",
        "The family has decided to move the arrangements to another funeral home.",
        "close my account, I'm not renewing the membership after this",
        "Unsubscribe me from everything and delete the account 👋",
    ),
}

# Politeness is not satisfaction: each of these closings must leave the conversation NEUTRAL.
HELDOUT14_POLITE = (
    "Ta love, bye.",
    "safe bruv, laters",
    "Thank you, goodbye.",
    "Thank you dear. Kind regards, Margaret",
    "Thanks, sorry for taking your time, bye!",
    "Salamat po, bye.",
    "ok thanks, bye bye",
    "Merci, au revoir.",
    "Thanks, will wait for the e-mail.",
    "cheers 👋",
)

# Positive messages with the words of frustration: not NEGATIVE.
HELDOUT14_POSITIVE = (
    "Fitter were in and out in twenty minutes, can't fault it, love.",
    "nails still perfect after two weeks bruv, proper peak in a good way",
    "Nothing to complain, the hut was warm and the warden very kind.",
    "We couldn't have asked for more for Mum's service. Thank you all.",
    "Never had a single problem with the vault in three years.",
    "No draught at all any more, the whole house is warmer.",
    "Same quick delivery again, the locomotive arrived without a scratch.",
    "I didn't expect to get an appointment the same day, thank you so much.",
    "Again you helped me so fast po, thank you!",
    "Sorry for all the questions before, it all worked out perfectly in the end!",
)

HELDOUT14_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "*** Terminating app due to uncaught exception 'NSInvalidArgumentException', reason: "
        "'-[VaultItem setTitle:]: unrecognized selector'",
        "Run-time error '91': Object variable or With block variable not set",
        "raised CONSTRAINT_ERROR : booking.adb:42 range check failed",
        "Error: unhandled exception: key not found: tyre_size [KeyError]",
        "Unhandled exception: Index out of bounds: 12 (IndexError)",
        "ConditionalCheckFailedException: The conditional request failed",
        "ServiceUnavailableException: Neo4j cluster has no leader",
        "org.codehaus.groovy.runtime.typehandling.GroovyCastException: Cannot cast object "
        "'null' with class 'null' to class 'int'",
        "UnavailableException: Cannot achieve consistency level QUORUM",
        "INVALID_FIELD: No such column 'Hut_Bunks__c' on entity 'Booking__c'",
    ),
    "traceback": (
        "Error using appointments>load (line 27)\nIndex exceeds the number of array elements "
        "(3).\nError in main (line 4)\n    slots = load(day);",
        "contract-violation: expected: exact-nonnegative-integer?\n  given: -2\n  context...:\n"
        "   /srv/huts/booking.rkt:31:2: reserve\n   /srv/huts/main.rkt:12:0",
        "/app/src/fitting.nim(44) fitting\n/app/src/tyres.nim(18) lookupSize\n"
        "Error: unhandled exception: value out of range: -1 [RangeDefect]",
        'Unhandled exception: Missing hash key: "glazing" (KeyError)\n  from '
        "src/quote.cr:22:5 in 'price'\n  from src/main.cr:9:1 in '__crystal_main'",
        "IEF450I TYREJOB STEP01 - ABEND=S0C7 U0000 REASON=00000000\nCEE3207S The system "
        "detected a data exception (System Completion Code=0C7).",
        "Caught: java.lang.NullPointerException: Cannot invoke method size() on null object\n"
        "java.lang.NullPointerException\n\tat stock.run(stock.groovy:14)",
        "0   CoreFoundation  0x00007ff80a1b2 __exceptionPreprocess + 242\n1   libobjc.A.dylib  "
        "0x00007ff809c4e objc_exception_throw + 48\n2   Vault  0x0000000104a1 -[SyncManager "
        "push:] + 380",
        'Raised at Stdlib__List.nth in file "list.ml", line 35\nCalled from Slots.pick in '
        'file "slots.ml", line 12',
        'Exception in thread "main" java.util.NoSuchElementException: No value present\n\tat '
        "java.base/java.util.Optional.get(Optional.java:143)\n\tat "
        "com.funeral.Arrangement.chapel(Arrangement.java:58)",
        'Traceback (most recent call last):\n  File "surgery/book.py", line 40, in slot\n    '
        "return free[0]\nIndexError: list index out of range",
    ),
    "http_status_line": (
        "503 Service Unavailable\nNo server is available to handle this request.",
        "Internal Server Error\nThe server encountered an internal error or misconfiguration "
        "and was unable to complete your request.\nApache/2.4.57 (Debian) Server at "
        "bookings.example Port 443",
        "Bad Gateway",
        "(ResourceNotFound) The Resource 'Microsoft.Web/sites/vault-api' under resource group "
        "'prod' was not found.\nCode: ResourceNotFound",
        "HTTP/2 429 Too Many Requests",
        "Status: 403 Forbidden",
        "Got 502 from upstream tyre-stock service",
        "Remote server returned '550 5.1.1 mailbox unavailable'",
        "HTTP 500 Internal Server Error returned by /api/slots",
        "POST /orders -> 504 Gateway Time-out after 30000 ms",
    ),
    "json_status": (
        '{"error": {"code": 403, "message": "The caller does not have permission", "status": '
        '"PERMISSION_DENIED"}}',
        '{"error": {"type": "card_error", "code": "card_declined"}, "http_status": 402}',
        '{"hut": "Glen", "availability": null, "upstream": {"status": 503}}',
        '{"result": "error", "status": 500, "detail": "template render failed"}',
        '{"vault_sync": {"ok": false, "status": 409}}',
        '{"data": null, "meta": {"status": 404, "msg": "quote not found"}}',
        '{"order": 5541, "status": 422, "errors": ["postcode invalid"]}',
        '{"Status": 401, "Message": "token expired"}',
        '{"responses": [{"id": "slot-3", "status": 500}]}',
        '{"statusCode": 400, "error": "Bad Request", "message": "date in the past"}',
    ),
    "error_prefix": (
        "Error: INSTALLATION FAILED: cannot re-use a name that is still in use",
        "error Command failed with exit code 1.",
        "error[E0308]: mismatched types\n  --> src/quote.rs:14:9",
        "[ERROR] BUILD FAILURE\n[ERROR] Failed to execute goal on project stock",
        "error NU1101: Unable to find package Surgery.Slots. No packages exist with this id",
        "PackagesNotFoundError: The following packages are not available from current "
        "channels:\n  - tyrekit=2.0",
        "SQL compilation error: Object 'FUNERAL.PUBLIC.ORDERS' does not exist or not authorized.",
        "Failed to send reminder SMS: destination number is unreachable",
        "ERROR: permission denied for table bookings",
        "failed to decrypt vault item: authentication tag mismatch",
    ),
    "apology_after_tool": (
        "Sorry love, I tried to book the fitter but the system's thrown an error.",
        "Ah sorry, the salon diary wouldn't save your appointment, something went wrong.",
        "I'm sorry, the hut reservation failed when I submitted it.",
        "I'm so sorry, I wasn't able to update the order of service; the system rejected it.",
        "Apologies - the vault sync I started didn't complete.",
        "Unfortunately the survey booking did not go through, I'm sorry about that.",
        "Sorry, I couldn't place the order for the locomotive; the payment step failed.",
        "I'm afraid I couldn't book the blood test; the booking system returned an error.",
        "Hmm, that didn't work - the change to your fitting address wasn't saved. Sorry.",
        "My apologies, the reminder could not be sent, the messaging service failed.",
    ),
}

# The user asks for a person; the agent ignores it or deflects, neither handing over nor saying
# why it cannot.
HELDOUT14_UNMET: tuple[tuple[str, str], ...] = (
    ("Can I speak to one of the fitters direct, love?", "Our tyres come with a 12-month warranty."),
    ("put me on to an actual person bruv not a bot", "Gel polish lasts up to three weeks."),
    (
        "I would like to speak to a real person, not to a machine, please.",
        "The Glen Hut has a drying room for wet gear.",
    ),
    (
        "Dear sir or madam, I would prefer to speak to someone on the telephone. Regards, Ted",
        "Our chapel seats up to 120 guests.",
    ),
    (
        "Sorry, is there maybe a person I could talk to? Sorry if that's not allowed!",
        "You can export your vault as an encrypted file.",
    ),
    ("Please po, can I talk with your staff?", "Our windows come in white, grey and oak."),
    ("Can you transfer me to your colleague, a human one?", "We stock over 400 locomotives."),
    (
        "i want a warden on the phone, a person, now",
        "Huts open from May to October.",
    ),
    (
        "Can I have someone from the practice team ring me back?",
        "Repeat prescriptions take two working days.",
    ),
    ("Let me talk to a manager please.", "Happy to help! Is there anything else?"),
    (
        "I need a real human to sort this out.",
        "Great question! Our vans carry over 80 tyre sizes.",
    ),
    (
        "Can the funeral director call me himself?",
        "Flowers can be ordered up to two days before the service.",
    ),
)

# Longer conversations: the user asks for a person, and none of the agent's later turns hands
# over or says why not (every case must read as an unmet escalation).
HELDOUT14_UNMET_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "The fitter never turned up this morning."),
        ("assistant", "Sorry about that. Was the car at the address on the booking?"),
        ("user", "Yes. I want to speak to a person in your office."),
        ("assistant", "Fitting slots are shown in your booking e-mail."),
        ("user", "ok"),
        ("assistant", "Anything else I can help with?"),
    ),
    (
        ("user", "My nails lifted after two days."),
        ("assistant", "Sorry to hear that. Did you use gloves for washing up?"),
        ("user", "Yes. Can the salon owner call me?"),
        ("assistant", "Gel nails should be kept dry for the first 24 hours."),
    ),
    (
        ("user", "The hut was double booked."),
        ("assistant", "I'm sorry. Did you find a bed in the end?"),
        ("user", "Barely. I want to speak with the warden in charge."),
        ("assistant", "Huts are booked on a first-come basis."),
        ("user", "..."),
        ("assistant", "Have a great hike!"),
    ),
    (
        ("user", "The hymn sheet had a spelling mistake in Dad's name."),
        ("assistant", "I'm so sorry. Would you like a reprint?"),
        ("user", "Yes, and I would like the director to ring me, please."),
        ("assistant", "Reprints take one working day."),
    ),
    (
        ("user", "I'm locked out of my vault."),
        ("assistant", "Have you tried your recovery code?"),
        ("user", "Lost it. Need a human from support."),
        ("assistant", "Recovery codes are shown once when you set up the account."),
        ("user", "fine"),
        ("assistant", "Glad I could help!"),
    ),
    (
        ("user", "The new window won't lock."),
        ("assistant", "Lift the handle fully before turning the key."),
        ("user", "Done that. Send a fitter round in person, please."),
        ("assistant", "Our windows have multi-point locks."),
    ),
    (
        ("user", "My order arrived with a broken coupling."),
        ("assistant", "Sorry! Couplings can be replaced with part 44-120."),
        ("user", "I'd rather speak to someone in the shop."),
        ("assistant", "Part 44-120 costs £3.50."),
        ("user", "right"),
        ("assistant", "Is there anything else?"),
    ),
    (
        ("user", "I can't get an appointment for two weeks."),
        ("assistant", "Appointments are released at 8am each morning."),
        ("user", "Can the receptionist phone me please?"),
        ("assistant", "You can also use the NHS app to book."),
    ),
)

# The user asks for a person and the agent hands over (or says when someone will be in touch,
# or gives a direct line): not an unmet escalation.
HELDOUT14_MET: tuple[tuple[str, str], ...] = (
    (
        "Can I talk to the fitter?",
        "Of course - Gaz, your fitter, will ring you in ten minutes.",
    ),
    (
        "Is there someone at the salon I can speak to?",
        "Yes, I'm passing you to Jade at the front desk now.",
    ),
    (
        "Could I speak with the hut warden?",
        "Yes, the Glen Hut warden, Ewan, is on 01397 700 100 from 5pm.",
    ),
    (
        "I'd like to speak to the funeral director.",
        "Certainly; Mr Hale will call you this afternoon.",
    ),
    (
        "Get me a human please.",
        "Transferring you to a support agent now; the wait is about three minutes.",
    ),
    (
        "Can a surveyor come out to measure?",
        "Yes, a surveyor will visit on Thursday between 9 and 12.",
    ),
    (
        "Can someone in the shop check the loco for me?",
        "Sure, I've asked Pete in the shop to check it and call you back within the hour.",
    ),
    (
        "I want to speak to a receptionist.",
        "Putting you through to reception now.",
    ),
)

# Ordinary questions with the weak forms' words: not NEGATIVE.
HELDOUT14_CALM = (
    "If the tyre can't be repaired, do you replace it on the spot?",
    "Can I have the same nail colour again as last time?",
    "What happens if the weather is bad, can I cancel the hut without paying?",
    "Who do I speak to about choosing the music for the service?",
    "If I forget my master password, is there any way back in?",
    "Do the windows still need a survey if I already measured them?",
    "Is it the same locomotive as the one in the catalogue, or a newer run?",
    "Can I talk to the nurse about my results, or do I need to see the doctor?",
    "What's the cancellation fee if we change the date again?",
    "Does the fitter check the tracking as well, or is that a separate job?",
)

# Multi-turn conversations; the last user turn is the form given what came before it.
HELDOUT14_IN_CONTEXT: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "repeated_request": (
        (
            ("user", "Can the fitter come before 8 so I'm not late for work?"),
            ("assistant", "Our vans cover the whole county."),
            ("user", "Aye but before 8, can he?"),
        ),
        (
            ("user", "Do you do nail art for kids?"),
            ("assistant", "We use vegan, cruelty-free polish."),
            ("user", "ok but kids nail art, yes or no bruv"),
        ),
        (
            ("user", "Are dogs allowed in the hut?"),
            ("assistant", "The hut has a wood stove and a drying room."),
            ("user", "My question was about the dog."),
        ),
        (
            ("user", "Can we have a livestream of the service for family abroad?"),
            ("assistant", "Our chapel seats up to 120 guests."),
            ("user", "Sorry, I meant the livestream - is that possible?"),
        ),
        (
            ("user", "Can I share one vault item with my wife only?"),
            ("assistant", "The family plan includes six users."),
            ("user", "Yes but one item, only with her?"),
        ),
        (
            ("user", "Is the installation date fixed or can it move?"),
            ("assistant", "Our windows have a ten-year guarantee."),
            ("user", "The date. Fixed or not?"),
        ),
        (
            ("user", "Do you post to Ireland?"),
            ("assistant", "Orders over £50 get free UK delivery."),
            ("user", "And Ireland, you post there?"),
        ),
        (
            ("user", "Can my daughter collect my prescription?"),
            ("assistant", "Prescriptions are ready two working days after the request."),
            ("user", "Fine, but can my daughter collect it? This is what I ask."),
        ),
        (
            ("user", "Is the valve included in the tyre price?"),
            ("assistant", "We stock budget, mid-range and premium tyres."),
            ("user", "the valve tho"),
        ),
        (
            ("user", "Do I need to bring a sleeping bag to the hut?"),
            ("assistant", "The hut is a three-hour walk from the car park."),
            ("user", "Right, and the sleeping bag?"),
        ),
    ),
    "didnt_help": (
        (
            ("user", "The tyre pressure light keeps coming on."),
            ("assistant", "Reset it with the button under the steering wheel."),
            ("user", "Held the button, light's back on after a mile."),
        ),
        (
            ("user", "My gel nails keep chipping."),
            ("assistant", "Apply a top coat every three days."),
            ("user", "done the top coat all week, chipped again this morning"),
        ),
        (
            ("user", "I can't log in to the hut booking site."),
            ("assistant", "Clear your browser cache and try again."),
            ("user", "Cleared it, same login error."),
        ),
        (
            ("user", "The order of service PDF won't open."),
            ("assistant", "I've re-sent it as a new attachment."),
            ("user", "The new one won't open either."),
        ),
        (
            ("user", "The browser extension doesn't fill my passwords."),
            ("assistant", "Unlock the vault from the extension icon first."),
            ("user", "Unlocked it. Still fills nothing."),
        ),
        (
            ("user", "There's condensation between the panes."),
            ("assistant", "We've replaced the sealed unit."),
            ("user", "New unit, and it's misted up inside again."),
        ),
        (
            ("user", "My loco buzzes but won't move."),
            ("assistant", "Clean the track with a track rubber."),
            ("user", "Cleaned every inch of track, it just buzzes still."),
        ),
        (
            ("user", "The online booking won't show any slots."),
            ("assistant", "Slots appear at 8am; try then."),
            ("user", "Tried at 8 on the dot, nothing showing."),
        ),
        (
            ("user", "My new tyre is losing air."),
            ("assistant", "The fitter has re-seated the bead."),
            ("user", "it was flat again by teatime"),
        ),
        (
            ("user", "The autofill puts my password in the username box."),
            ("assistant", "Edit the item and set the field names manually."),
            ("user", "Set them manually. Exactly the same thing happens."),
        ),
    ),
    "sarcasm": (
        (
            ("user", "Is the fitter on his way?"),
            ("assistant", "I'm sorry, his van has broken down, we'll have to rebook."),
            ("user", "Smashing. Just smashing."),
        ),
        (
            ("user", "Is my appointment still on for 3?"),
            ("assistant", "Unfortunately your nail tech has gone home ill."),
            ("user", "Oh great, love that, thanks so much."),
        ),
        (
            ("user", "Did my hut booking go through?"),
            ("assistant", "I'm afraid the hut is now fully booked on those nights."),
            ("user", "Wonderful planning, as always."),
        ),
        (
            ("user", "Are the flowers ready for tomorrow?"),
            ("assistant", "Sorry, the florist delivered lilies instead of roses."),
            ("user", "Perfect. Exactly what Mum hated. Lovely."),
        ),
        (
            ("user", "Did my vault sync?"),
            ("assistant", "Unfortunately the last sync deleted two items."),
            ("user", "Fantastic security product you have here."),
        ),
        (
            ("user", "Are the windows coming Monday?"),
            ("assistant", "Sorry, they were made in the wrong colour and need remaking."),
            ("user", "Brilliant. Another six weeks. Can't wait."),
        ),
        (
            ("user", "Has my loco shipped?"),
            ("assistant", "I'm sorry, it was sold to someone else by mistake."),
            ("user", "Cracking stock control there."),
        ),
        (
            ("user", "Is my appointment confirmed?"),
            ("assistant", "Unfortunately the system lost it; there are no slots this week."),
            ("user", "Marvellous. Really marvellous."),
        ),
        (
            ("user", "Can the fitter do it today?"),
            ("assistant", "Sorry, he fitted your tyres to the wrong car."),
            ("user", "lol genius move, well done"),
        ),
        (
            ("user", "Is the chapel booked?"),
            ("assistant", "I'm afraid it was double booked with a wedding."),
            ("user", "Well isn't that just lovely timing."),
        ),
    ),
}

# First user turns that say "still" / "again" as backstory, answered and closed calmly: not
# NEGATIVE (nothing the agent said has failed yet).
HELDOUT14_BACKSTORY: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "I still have the spare on from last month, can you fit a new tyre?"),
        ("assistant", "Yes, we can fit a new tyre and refit the spare in the boot."),
        ("user", "Ta, book it."),
    ),
    (
        ("user", "Can I have the same nail tech again as last time?"),
        ("assistant", "Yes, Jade is free on Saturday at 11."),
        ("user", "Lovely, thanks."),
    ),
    (
        ("user", "We're walking the ridge again this year, is the hut open in June?"),
        ("assistant", "Yes, it opens on 1 May."),
        ("user", "Great, thank you."),
    ),
    (
        ("user", "I'm still deciding between burial and cremation, can you explain the costs?"),
        ("assistant", "Of course; a cremation is about £3,200 and a burial about £4,800."),
        ("user", "Thank you, that helps."),
    ),
    (
        ("user", "My card expired again, how do I update it in the vault app?"),
        ("assistant", "Open the card item and tap Edit to change the expiry date."),
        ("user", "Done, thanks."),
    ),
    (
        ("user", "We'd like the same windows again for the back bedroom."),
        ("assistant", "Of course, I'll use the same spec as the front."),
        ("user", "Perfect, thanks."),
    ),
)

# Calm controls (the reverse of false readings found by review).

# After the agent's instruction or fix the user reports calmly that it works now, in many forms:
# not NEGATIVE, and no incomplete answer (the conversation ends on the report).
HELDOUT14_SUCCESS_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "The tyre warning light came on after the fitting."),
        ("assistant", "Drive for ten minutes above 30 mph so the sensors relearn."),
        ("user", "Did a lap of the ring road, light's gone off."),
    ),
    (
        ("user", "My new nails feel tight."),
        ("assistant", "Soak your hands in warm water for five minutes."),
        ("user", "soaked them, feel normal now"),
    ),
    (
        ("user", "The hut booking page is blank."),
        ("assistant", "Turn off your ad blocker for our site."),
        ("user", "Ad blocker off, page loads and I've booked."),
    ),
    (
        ("user", "I can't see the livestream link."),
        ("assistant", "I've re-sent it to your e-mail."),
        ("user", "Got it, and it plays."),
    ),
    (
        ("user", "The app won't unlock with my fingerprint."),
        ("assistant", "Re-enrol your fingerprint in the app's settings."),
        ("user", "Re-enrolled, unlocks straight away."),
    ),
    (
        ("user", "The new window whistles when it's windy."),
        ("assistant", "We've adjusted the keeps this morning."),
        ("user", "Blew a gale last night and not a peep from it."),
    ),
    (
        ("user", "My loco runs backwards."),
        ("assistant", "Swap the two wires on the controller terminals."),
        ("user", "Swapped them, forwards it goes."),
    ),
    (
        ("user", "I can't see my test results in the app."),
        ("assistant", "Ask reception to switch on detailed record access."),
        ("user", "They switched it on, results are there now."),
    ),
    (
        ("user", "The wheel nut cover keeps falling off."),
        ("assistant", "Push it on until it clicks."),
        ("user", "clicked on, stayed on all week"),
    ),
    (
        ("user", "The password generator gives me short passwords."),
        ("assistant", "Set the length slider to 20 in the generator."),
        ("user", "Slider at 20, long ones now. Ta."),
    ),
)

# A polite ask for a person that the agent meets; the user thanks: not NEGATIVE, not unmet.
HELDOUT14_MET_POLITE: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "Could I speak to the fitter about which tyres suit my car?"),
        ("assistant", "Of course, Gaz will ring you within the hour."),
        ("user", "Ta, love."),
    ),
    (
        ("user", "Would the salon manager be able to call me about a group booking?"),
        ("assistant", "Yes, Jade will phone you this afternoon."),
        ("user", "Thank you so much!"),
    ),
    (
        ("user", "Is there a warden I could speak to about the route?"),
        ("assistant", "Yes, Ewan is on 01397 700 100 from 5pm."),
        ("user", "Brilliant, I'll ring him, thanks."),
    ),
    (
        ("user", "May I speak with Mr Hale about the arrangements?"),
        ("assistant", "Certainly, I'm putting you through to him now."),
        ("user", "Thank you, that's very kind."),
    ),
    (
        ("user", "Could someone from support walk me through the family plan?"),
        ("assistant", "Yes, I've booked you a call with Priti tomorrow at 2."),
        ("user", "great thanks"),
    ),
    (
        ("user", "Can a surveyor come and look at the bay window?"),
        ("assistant", "Yes, one will visit on Tuesday morning."),
        ("user", "Perfect, thank you."),
    ),
    (
        ("user", "Could I talk to someone in the shop about a layout?"),
        ("assistant", "Sure, Pete from the shop will call you at 4."),
        ("user", "Cheers, much appreciated."),
    ),
    (
        ("user", "Please po, can the nurse call me about my results?"),
        ("assistant", "Yes, the practice nurse will call you before noon."),
        ("user", "Salamat po, thank you."),
    ),
    (
        ("user", "Could I speak to a person about cancelling one appointment?"),
        ("assistant", "Transferring you to reception now."),
        ("user", "Thanks."),
    ),
    (
        ("user", "Sorry to ask, could someone call me about the invoice? Sorry!"),
        ("assistant", "No problem at all; our accounts team will call you today."),
        ("user", "Thank you, sorry again, that's lovely."),
    ),
)

# The agent answers; the user acknowledges (not NEGATIVE, no incomplete answer).
HELDOUT14_ACK: tuple[tuple[str, str], ...] = (
    (
        "Why do you need the tyre size off the sidewall?",
        "The size on the sidewall tells us which tyres fit your wheels.",
    ),
    (
        "Why do I have to wait 24 hours before swimming after gel nails?",
        "The gel keeps curing for a day, and water can lift it.",
    ),
    (
        "Why does the hut ask for my car registration?",
        "The car park at the trailhead is permit-only.",
    ),
    (
        "Why do you need the death certificate before the cremation?",
        "The law requires it before the crematorium can proceed.",
    ),
    (
        "Why does the app ask for my master password so often?",
        "It locks after 15 minutes idle so nobody else can open your vault.",
    ),
    (
        "Why do you need a survey before the windows are made?",
        "Every opening is slightly different; the survey gets the size exact.",
    ),
    (
        "Why is the limited edition loco dearer than the normal one?",
        "Only 500 were made and each has a numbered certificate.",
    ),
    (
        "Why do I need to fast before the blood test?",
        "Eating changes sugar and fat levels, which the test measures.",
    ),
    (
        "Why does the fitter need the locking wheel nut key?",
        "Without it he can't take the wheel off.",
    ),
    (
        "Why does the chapel need the music list a week early?",
        "The organist needs time to practise the pieces.",
    ),
)
HELDOUT14_ACK_REPLIES = (
    "Ah right, makes sense.",
    "ok fair enough innit",
    "I understand, thank you.",
    "Of course. Thank you.",
    "ok got it",
    "Ah I see.",
    "Fair enough, thanks.",
    "Understood po.",
    "Right you are.",
    "That makes sense, thank you.",
)

# The agent explains an error code or message the user asked about (nothing failed in the
# trace): not a failed tool call, not NEGATIVE.
HELDOUT14_ERROR_DOCS: tuple[tuple[str, str], ...] = (
    (
        "The dashboard showed 'TPMS FAULT'. What does that mean?",
        "It means a pressure sensor isn't reporting; our fitter can check it for free.",
    ),
    (
        "The booking page said 'Error 409' when I picked 3pm. Is my slot gone?",
        "409 there just means someone else took 3pm a moment earlier; 3:30 is free.",
    ),
    (
        "The hut site said 'Payment failed: 3DS timeout'. Was I charged?",
        "No charge was taken; the bank check timed out, so you can simply try again.",
    ),
    (
        "The livestream page says 'Error 404'. Is the service off?",
        "No, the stream page goes live 15 minutes before the service; until then it shows 404.",
    ),
    (
        "What does 'Vault locked: too many attempts' mean?",
        "It locks for five minutes after five wrong passwords; nothing is lost.",
    ),
    (
        "The quote e-mail says 'Error: survey required'. Is something wrong?",
        "Nothing's wrong, it only means the final price follows the survey.",
    ),
    (
        "My controller blinks 'E3'. Is it broken?",
        "E3 means a short on the track, usually a derailed wagon; it's not broken.",
    ),
    (
        "The app said 'Service unavailable (503)' this morning. Did my request go?",
        "That was planned maintenance; your request arrived at 9:12.",
    ),
    (
        "What is 'NullReferenceException' in the fitting tracker?",
        "That message came from an old version of the tracker; the current one works.",
    ),
    (
        "The kiosk printed 'ERR PAPER'. Did my check-in work?",
        "Yes, you're checked in; the kiosk just ran out of paper for the slip.",
    ),
)
HELDOUT14_ERROR_DOCS_REPLIES = (
    "Ah ok, ta.",
    "Phew, thank you.",
    "Good, will try again.",
    "Oh that's a relief, thanks.",
    "ok great",
    "Thank you, good to know.",
    "Right, thanks.",
    "Okay, understood.",
    "Ah good.",
    "Lovely, thanks.",
)

# Review class 1: a question about modelling or computing data that names a money metric is no
# Pricing question: Pricing question must read NONE.
HELDOUT14_MONEY_MODELLING: tuple[tuple[str, str], ...] = (
    (
        "How do I sum fuel spend per vehicle for last month in the fuel-card report?",
        "Filter to last month, group by vehicle registration and sum the amount.",
    ),
    (
        "Can I plot the average cost per litre by site on a chart?",
        "Yes, a bar chart with site on the axis and average cost per litre as value.",
    ),
    (
        "Which field holds the transaction amount in the CSV export?",
        "It's `gross_amount`, the fourth column of the export.",
    ),
    (
        "How do I calculate spend per mile for each driver in a pivot table?",
        "Put driver in rows and add a calculated field of spend divided by miles.",
    ),
    (
        "How do I flag fuel purchases over £100 in the dashboard?",
        "Add a rule on the amount column with 100 as the threshold.",
    ),
    (
        "What's the best way to break down VAT reclaimed by quarter?",
        "Group by quarter and sum the VAT column.",
    ),
    (
        "How do I compute the total employer contributions per year from my pension statement data?",
        "Group the contributions table by tax year and sum the employer column.",
    ),
    (
        "Can the statement export include a column for the fund charge deducted?",
        "Yes, tick 'Charges' in the export options.",
    ),
    (
        "How do I compare fund growth between two years in the reporting view?",
        "Use year as the column and fund value as the measure.",
    ),
    (
        "How do I work out the median fuel spend per card across the fleet data?",
        "Group by card number, sum spend, then take the median of those totals.",
    ),
)

# Review class 2: a request to record or change the user's own account data is no Feature
# request (NONE) and no Pricing question (NONE).
HELDOUT14_ACCOUNT_DATA: tuple[tuple[str, str], ...] = (
    (
        "Please add a new fuel card for the van with registration KX21 ABC.",
        "Added; the card will arrive in three working days.",
    ),
    (
        "Can you change the driver on card 4417 to Sam Patel?",
        "Done, card 4417 is now assigned to Sam Patel.",
    ),
    (
        "Please update the billing address on our fleet account.",
        "Updated; invoices will go to the new address.",
    ),
    (
        "Set the spending limit on card 2290 to £150 a week, please.",
        "The weekly limit on card 2290 is now £150.",
    ),
    (
        "Could you update my contribution rate to 8 % on my pension account?",
        "Updated; your payroll will deduct 8 % from next month.",
    ),
    (
        "Please change my beneficiary to my daughter, Amy.",
        "Done; Amy is now your nominated beneficiary.",
    ),
    (
        "Can you record my new surname on the account after my marriage?",
        "Recorded; your statements will show the new surname.",
    ),
    (
        "Please switch my pension into the ethical fund.",
        "Switched; future contributions go to the ethical fund.",
    ),
    (
        "Add my partner as a second contact on the account, please.",
        "Added as a second contact.",
    ),
    (
        "Please change my selected retirement age to 67.",
        "Changed; projections now use a retirement age of 67.",
    ),
)
