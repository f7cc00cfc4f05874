"""Held-out batch 10 of the robustness set (bench/facet_robustness_set.py).

Written for the ninth pass of issue 14 (calm success reports read as "didn't help", met asks for
a person read NEGATIVE, acknowledgements read as an incomplete answer, agents explaining error
codes read as failed tool calls; and batch 9's weak forms: sarcasm in one turn, cancel talk,
giving up, tracebacks in new formats, a request repeated across turns) BEFORE any change of that
pass, and without running anything on it: every failure form of the issue (Sentiment and
Issues), ten or more phrasings each, in domains batches 1-9 do not use (a piano tuner and
restorer, a beekeeping supplies shop, a dog-grooming salon, a children's swimming school, a
pottery studio, a locksmith, an organic vegetable-box scheme, a watch and clock repairer).
Registers batches 1-9 do not use: voice dictation (no punctuation, spoken "period", homophones),
corporate e-mail speak ("per my last message", "kindly advise"), Indian English ("do the
needful", "kindly revert"), Gen-Z slang ("ngl", "fr", "lowkey"), Scots and Irish dialect
("cannae", "wee", "grand"), quoted replies ("> ..."), bullet lists. Tool failures come in formats
the earlier batches do not print (PHP, Rust, Kotlin/Android, Lua, Julia, R, Haskell, Perl,
Oracle, PostgreSQL, MySQL, PowerShell, curl, wget, nginx, RFC 7807 problem documents, ...).

Groups as in batch 9 (IN_CONTEXT, BACKSTORY, UNMET_CTX, MET, CALM), and four calm controls new in
this batch, each the reverse of a false reading found by review:
- SUCCESS_CTX: after the agent's instruction or fix the user reports, calmly, that it works now
  (in words of state: "holds the tune", "no longer sticks", "back to normal", "turning up
  again"): not NEGATIVE, and the conversation is not left incomplete;
- MET_POLITE: a polite ask for a person that the agent meets (hands over, or says who will call
  and when), the user thanks: not NEGATIVE and not an unmet escalation;
- ACK: the user's last turn acknowledges the answer ("That clears it up, thanks."): not an
  incomplete answer and not NEGATIVE;
- ERROR_DOCS: the agent explains an error code or message the user asked about, its reply opening
  with the code (`E:`, `ERR_...`, `ORA-...`, an exception name), no tool failing: not a failed
  tool call, not NEGATIVE.

Measured once, at the end of the pass; never used to train, tune a threshold or change a rule.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS10 = (
    (
        "How often should an upright piano be tuned?",
        "Twice a year is usual; once a year if it is rarely played.",
    ),
    (
        "Do you sell starter hives for someone who has never kept bees?",
        "Yes, our beginner kit has a national hive, a smoker, a veil and a hive tool.",
    ),
    (
        "How long does a full groom take for a cockapoo?",
        "About two and a half hours, including the bath and the dry.",
    ),
    (
        "What age can children start swimming lessons with you?",
        "From four years old in our Ducklings group, with two instructors in the water.",
    ),
    (
        "Is the Saturday wheel-throwing class suitable for beginners?",
        "Yes, it is a six-week course for beginners, clay and firing included.",
    ),
    (
        "Can you change the locks on a uPVC back door?",
        "Yes, we replace euro cylinders on uPVC doors, usually within the hour.",
    ),
    (
        "Can I swap potatoes out of my veg box?",
        "Yes, up to three swaps per box in your account before Sunday midnight.",
    ),
    (
        "Do you service automatic watches?",
        "Yes, a full service of an automatic movement takes about three weeks.",
    ),
)

HELDOUT10_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "i did the thing with the damper pedal like you said period it still squeaks every time",
        "Per my last message, the fix you proposed has not resolved the issue with the middle C.",
        "ngl the smoker tips you gave did nothing, the bees are still going mental",
        "The de-matting spray you recommended made zero difference, he's still full of knots.",
        "Kindly note the steps shared by you are not working, goggles are fogging same as before.",
        "That doesnae help at all, the clay still cracks in the kiln.",
        "Followed your advice about the key, the lock still won't turn.",
        "Your suggestion didn't change anything - box still turned up with potatoes.",
        "> try winding it 30 turns\nI did, and it stopped again overnight.",
        "the new battery you fitted and the watch is losing 5 minutes a day exactly as before",
    ),
    "repeated_request": (
        "As mentioned in my previous three messages, it is a Bechstein, not a Steinway.",
        "i literally said national hive not langstroth in my first msg",
        "For the last time: the dog's name is Biscuit and the appointment is Thursday.",
        "Repeating my question since it was not answered - are the lessons in the small pool?",
        "Again I'm asking: can I bring my own glazes to the class?",
        "I've said this twice already, it's the FRONT door, not the back.",
        "please refer to my earlier message, I need NO potatoes in any box",
        "I'll ask once more, do you repair quartz watches or only automatics?",
        "I already told ye, the wee one is five not four.",
        "Re-sending my original request as it seems to have been missed: a quote for a full "
        "restoration.",
    ),
    "ask_human": (
        "I would like to speak with the piano technician directly please period",
        "Can I talk with a real beekeeper rather than the website bot?",
        "connect me to an actual human being pls",
        "Kindly arrange for a senior staff member to call me regarding this.",
        "Is there a groomer I could speak to instead of this chat?",
        "Put me through to a member of your team, please.",
        "I want to speak to whoever runs the studio.",
        "Can a human locksmith take this conversation over?",
        "gimme a real person fr",
        "Please hand me over to one of your staff.",
    ),
    "sarcasm": (
        "Lovely, the tuner left the piano sounding like a honky-tonk bar. Cheers.",
        "Superb packaging, half the frames arrived snapped in two.",
        "Oh perfect, my poodle came back with a bald patch. Exactly the look we wanted.",
        "Ace swimming lesson, the teacher spent it on her phone.",
        "Gorgeous glaze, pity it ran all over the kiln shelf and glued my bowl to it.",
        "Top-notch locksmithing, the new key doesn't fit the new lock.",
        "What a treat, a veg box full of mouldy courgettes 🙃",
        "Wow, great service - the watch is back from its service and it doesn't tick at all.",
        "Love paying £90 for a groom that took twenty minutes. Real value.",
        "Fantastic communication as usual, I found out the class was cancelled from the sign "
        "on the door.",
    ),
    "giving_up": (
        "forget about it period I'll find another tuner",
        "ok I'm done trying, I'll order the hive from somewhere else.",
        "Never mind, we'll just groom him at home.",
        "Please disregard my request, we will manage on our own.",
        "I'll stop wasting both our time, leave it.",
        "This is going nowhere, I'm out.",
        "Cannae be bothered with this any more, I'll sort it myself.",
        "Fine. I'll call a different locksmith.",
        "Whatever, I'll just buy veg at the market instead.",
        "It's not worth the trouble, I'll live with the watch running slow.",
    ),
    "agent_complaint": (
        "You keep replying with the same copy-paste paragraph.",
        "Are you even reading my messages?",
        "this chat is worse than useless",
        "Kindly stop sending me links, I asked a simple question.",
        "Your replies have nothing to do with what I asked.",
        "The bot has no idea what it's on about.",
        "You have given me three different answers to one question.",
        "lowkey the worst support chat I've ever used",
        "You ignored everything I said about the dog's allergy.",
        "Every time I ask something you change the subject.",
    ),
    "cancel_talk": (
        "Please cancel the tuning contract, we've found someone closer.",
        "I won't be buying from your shop again after this.",
        "Cancel all future grooming bookings for Biscuit, we're taking him elsewhere.",
        "We are withdrawing our son from the swimming school at the end of term.",
        "Take me off the membership, I'm moving to the other studio in town.",
        "I'll be using a different locksmith from now on.",
        "stop my veg box subscription im switching to the farm shop",
        "Kindly terminate my service plan with immediate effect.",
        "I want my deposit back and I'm taking the watch to another repairer.",
        "Seriously considering ending our membership over this.",
    ),
}

# Politeness is not satisfaction: each of these closings must leave the conversation NEUTRAL.
HELDOUT10_POLITE = (
    "ok thank you period bye",
    "Many thanks, kind regards.",
    "Noted. Will revert if needed.",
    "thank u, take care",
    "Grand, thanks.",
    "Cheers for that, bye now.",
    "Thank you for the information. Have a nice day.",
    "ty!!",
    "Appreciate it. Talk later.",
    "Right, thanks. That's everything.",
)

# Positive messages that borrow the words of frustration: none may be read NEGATIVE (or MIXED).
HELDOUT10_POSITIVE = (
    "The piano holds its tune again after your visit, lovely job.",
    "Still can't believe how calm the bees are with the new smoker, thank you!",
    "He came back looking the same as the puppy photos, we're delighted.",
    "My daughter went under the water again today without crying, thanks to your teacher!",
    "No more cracks at all this time, the firing came out beautiful.",
    "The door locks smoothly again, thank you so much.",
    "The box turned up again this week with no potatoes, perfect.",
    "The clock chimes again after fifty years, my gran was in tears. Thank you!",
    "Never had a groom this good, brilliant.",
    "ngl the watch runs better than new now, well chuffed",
)

HELDOUT10_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "TuningSlotUnavailable: no technician free on 2026-12-04",
        "ValueError: invalid literal for int() with base 10: 'two'",
        "HiveOutOfStock: national-brood-box (0 left)",
        "java.util.ConcurrentModificationException",
        "NoMethodError: undefined method `size' for nil:NilClass",
        "System.InvalidOperationException: Sequence contains no elements",
        "ZeroDivisionError: division by zero",
        "DogProfileNotFound: no profile for 'Biscuit'",
        "IllegalStateException: lesson roster is locked",
        "sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key",
    ),
    "traceback": (
        "PHP Fatal error:  Uncaught Exception: slot taken in /var/www/book.php:42\nStack trace:\n"
        "#0 /var/www/index.php(12): book()\n#1 {main}\n  thrown in /var/www/book.php on line 42",
        "thread 'main' panicked at src/stock.rs:88:14:\ncalled `Option::unwrap()` on a `None` "
        "value\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
        "FATAL EXCEPTION: main\nProcess: com.groomer.app, PID: 4412\njava.lang.IllegalArgumentException"
        ": bad date\n\tat com.groomer.Booking.parse(Booking.kt:31)",
        "lua: lessons.lua:27: attempt to index a nil value (field 'pool')\nstack traceback:\n"
        "\tlessons.lua:27: in function 'assign'\n\t[C]: in ?",
        "ERROR: LoadError: BoundsError: attempt to access 3-element Vector{Int64} at index [5]\n"
        "Stacktrace:\n [1] getindex at ./array.jl:861 [inlined]\n [2] top-level scope at "
        "kiln.jl:14",
        "Error in fetch_box(id) : object 'box_id' not found\nCalls: main -> fetch_box\n"
        "Execution halted",
        "app: Prelude.head: empty list\nCallStack (from HasCallStack):\n  error, called at "
        "libraries/base/GHC/List.hs:1646:3 in base:GHC.List",
        'Can\'t locate object method "price" via package "Watch" at /srv/quote.pl line 58.',
        "Unhandled exception. System.IO.IOException: The process cannot access the file\n   at "
        "Locks.Orders.Save() in /src/Orders.cs:line 77\n   at Locks.Program.Main()",
        "NoMethodError (undefined method `name' for nil):\n  app/models/box.rb:9:in `label'\n"
        "  app/controllers/boxes_controller.rb:21:in `update'",
    ),
    "http_status_line": (
        "curl: (22) The requested URL returned error: 503",
        "wget: ERROR 404: Not Found.",
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad "
        "Gateway</h1></center><hr><center>nginx</center></body></html>",
        "Status: 403 Forbidden",
        "< HTTP/2 429\n< retry-after: 30",
        "requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: "
        "https://api.studio.example/classes",
        "<Response [401]>",
        "upstream responded 504 Gateway Timeout",
        "HTTP 410 Gone - the booking link has expired",
        "GET /v1/boxes/88 returned HTTP 400",
    ),
    "json_status": (
        '{"statusCode": 500, "message": "Internal server error"}',
        '{"type": "about:blank", "title": "Conflict", "status": 409, "detail": "slot taken"}',
        '{"error": {"code": 429, "status": "RESOURCE_EXHAUSTED"}}',
        '[{"id": 31, "status": 503}]',
        '{"StatusCode": 400, "Message": "Lesson date is invalid"}',
        '{"data": null, "errors": [{"message": "timeout", "extensions": {"status": 504}}]}',
        '{"ok": false, "http": {"status": 502}}',
        '{"Status": 500, "Error": "watch record missing"}',
        '{"response": {"status_code": 403, "body": "forbidden"}}',
        '{"booking_id": null, "result": "error", "status": 422}',
    ),
    "error_prefix": (
        'ERROR:  duplicate key value violates unique constraint "bookings_pkey"',
        "fatal: could not read from remote repository",
        "E: Unable to fetch the tuning calendar",
        "ERR_SLOT_TAKEN: the 10:00 slot was booked by someone else",
        "ORA-00942: table or view does not exist",
        "ERROR 1045 (28000): Access denied for user 'shop'@'localhost'",
        "Failure: lesson could not be moved",
        "❌ Error: kiln booking rejected",
        "failed: cylinder price lookup",
        "Couldn't save the box changes, try again later",
    ),
    "apology_after_tool": (
        "sorry about that the booking system threw an error so the tuning isn't booked yet",
        "Apologies, the stock system didn't respond and I couldn't reserve the hive.",
        "Hmm, that didn't work on my end - the groom wasn't booked. Sorry!",
        "I regret to inform you that the transfer between classes could not be completed "
        "due to a system error.",
        "My bad, the calendar wouldn't let me save your slot, something broke.",
        "Sorry, I hit an error while moving your appointment.",
        "Unfortunately your swap failed to go through, our system had a hiccup.",
        "Ah, sorry - I wasn't able to pull up your watch's service record, the lookup failed.",
        "Sorry, my attempt to cancel that order timed out.",
        "Apologies, I couldn't apply the discount, the system rejected it.",
    ),
}

# The user asks for a person; the agent ignores it or deflects, neither handing over nor saying
# why it cannot.
HELDOUT10_UNMET: tuple[tuple[str, str], ...] = (
    (
        "I would like to speak with the piano technician directly please",
        "Pianos should be kept away from radiators and windows.",
    ),
    (
        "Can I talk with a real beekeeper rather than the bot?",
        "Our beginner kits ship within 3 working days.",
    ),
    (
        "connect me to an actual human being pls",
        "Did you know we also offer nail clipping as a walk-in service?",
    ),
    (
        "Kindly arrange for a senior staff member to call me.",
        "Lessons run in blocks of ten weeks.",
    ),
    (
        "Is there a groomer I could speak to instead of this chat?",
        "Happy to help! What breed is your dog?",
    ),
    (
        "Put me through to a member of your team, please.",
        "Our studio is open Tuesday to Sunday, 10am to 9pm.",
    ),
    (
        "I want to speak to whoever runs the studio.",
        "Have you tried our glaze workshop? It runs on Wednesdays.",
    ),
    (
        "Can a human locksmith take this conversation over?",
        "Most euro cylinders come in 35/35 or 40/40 sizes.",
    ),
    (
        "gimme a real person fr",
        "Your next veg box will arrive on Thursday.",
    ),
    (
        "Please hand me over to one of your staff.",
        "I can help with services, quotes and collections. What do you need?",
    ),
    (
        "I need to speak to the owner about this.",
        "Quartz watches need a new battery every two to three years.",
    ),
    (
        "Could a staff member ring me today?",
        "Here is our price list for grooming: small dogs from £35.",
    ),
)

# Longer conversations: the user asks for a person, and none of the agent's later turns hands
# over or says why not (every case must read as an unmet escalation).
HELDOUT10_UNMET_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "The tuner chipped a key on our piano."),
        ("assistant", "I'm sorry about that. Which key is it?"),
        ("user", "The F above middle C. I want to talk to someone at the workshop."),
        ("assistant", "Chipped key tops can often be replaced with a matching ivorine top."),
        ("user", "ok"),
        ("assistant", "Anything else I can help you with?"),
    ),
    (
        ("user", "The queen in my package was dead on arrival."),
        ("assistant", "That's unfortunate. Was the cage damaged?"),
        ("user", "No. Can I speak with a person please?"),
        ("assistant", "Queens travel best in warm weather; we ship from April."),
    ),
    (
        ("user", "My dog came back with a cut on his ear."),
        ("assistant", "I'm sorry to hear that. Could you send a photo?"),
        ("user", "Sent. I'd like the salon manager to ring me."),
        ("assistant", "Thanks for the photo. Small nicks usually heal within a few days."),
        ("user", "And the manager?"),
        ("assistant", "Keep the area clean and dry."),
    ),
    (
        ("user", "My son was moved to a different class without asking us."),
        ("assistant", "Classes are set by ability after each assessment."),
        ("user", "I want to discuss this with a human, not a chatbot."),
        ("assistant", "Assessments take place in the last week of term."),
    ),
    (
        ("user", "My pot was left out of the firing."),
        ("assistant", "Sorry! Was it labelled with your name on the base?"),
        ("user", "Yes. Please get a member of staff to contact me."),
        ("assistant", "Unlabelled pieces are kept on the shelf by the sink for a month."),
    ),
    (
        ("user", "The locksmith charged me twice the quote."),
        ("assistant", "Quotes can change if extra parts are needed."),
        ("user", "I'd like to speak to your office staff about it."),
        ("assistant", "A new cylinder is £45 plus labour."),
        ("user", "Is anyone going to call me?"),
        ("assistant", "Is there anything else I can help with today?"),
    ),
    (
        ("user", "Three boxes in a row came with rotten tomatoes."),
        ("assistant", "I'm sorry. We pack every box by hand on Wednesday."),
        ("user", "Can I talk to a real person at the farm?"),
        ("assistant", "You can add extra tomatoes to your next box in the app."),
    ),
    (
        ("user", "My watch came back from the service with a scratched glass."),
        ("assistant", "Sapphire glass rarely scratches; it may be a smudge."),
        ("user", "It's a scratch. Put me through to the watchmaker please."),
        ("assistant", "A polishing cloth removes most smudges."),
    ),
)

# Asks for a person answered properly (a handover, or why not and what instead): never unmet.
HELDOUT10_MET: tuple[tuple[str, str], ...] = (
    (
        "Could I talk to the piano technician?",
        "I've asked Tomasz, our technician, to phone you this afternoon.",
    ),
    (
        "connect me to a human pls",
        "Sure, I'm handing this chat to a colleague now - they'll reply in a few minutes.",
    ),
    (
        "Can I speak to the salon manager?",
        "The manager isn't in today, but she will ring you tomorrow morning; I've noted your "
        "number.",
    ),
    (
        "Is there a person I can talk to about my son's class?",
        "Yes, the head teacher will email you today to arrange a call.",
    ),
    (
        "I want to speak to someone at the studio.",
        "I'm transferring you to the studio desk now.",
    ),
    (
        "Put me through to a locksmith please.",
        "I can't transfer calls from this chat, but our on-call locksmith is on 0800 555 0134, "
        "day and night.",
    ),
    (
        "Can a real person at the farm contact me?",
        "Of course - I've passed your details to Aoife at the farm office, she'll be in touch "
        "by Friday.",
    ),
    (
        "I'd like to discuss the repair with the watchmaker.",
        "I've booked you a call with our watchmaker for Thursday at 2pm; you'll get a "
        "confirmation e-mail.",
    ),
)

# Ordinary questions that use the words of the weak forms: none may be read NEGATIVE (or MIXED).
HELDOUT10_CALM = (
    "Does the piano still need tuning if nobody has played it for a year?",
    "Can I order the same foundation frames again as last spring?",
    "Does a person have to stay with the dog during the groom?",
    "Is the teacher the same every week or does it change?",
    "Can I cancel a single class if I'm away, or do I lose it?",
    "Will the manager of the shop be able to cut a key from a photo?",
    "If I give up carrots, can I have more leeks instead?",
    "Is it normal for an automatic watch to stop again after a day off the wrist?",
    "What happens if I don't renew my studio membership in January?",
    "Who would I speak to about hosting a party at the studio?",
)

# Multi-turn conversations; the last user turn is the form given what came before it.
HELDOUT10_IN_CONTEXT: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "repeated_request": (
        (
            ("user", "Do you tune grand pianos as well as uprights?"),
            ("assistant", "A tuning visit takes about an hour and a half."),
            ("user", "right but is a baby grand something you'd take on?"),
        ),
        (
            ("user", "Can the beginner kit be delivered to a PO box?"),
            ("assistant", "The beginner kit includes a veil and gloves."),
            ("user", "Will you ship it to my PO box address though?"),
        ),
        (
            ("user", "Do you groom cats too?"),
            ("assistant", "Our groomers are all City & Guilds qualified."),
            ("user", "I was asking if you take cats."),
        ),
        (
            ("user", "Is there a lesson for adults who can't swim?"),
            ("assistant", "Our pool is heated to 31 degrees."),
            ("user", "so are there any classes for grown-ups who are beginners?"),
        ),
        (
            ("user", "Can I fire pieces I made at home in your kiln?"),
            ("assistant", "Our kiln reaches 1280 degrees."),
            ("user", "Would you fire a pot I made myself, not in a class?"),
        ),
        (
            ("user", "Do you open safes?"),
            ("assistant", "We fit British Standard locks on all doors."),
            ("user", "My question was about getting a safe opened."),
        ),
        (
            ("user", "Can I get the box every two weeks instead of weekly?"),
            ("assistant", "Boxes come in small, medium and large."),
            ("user", "once more: fortnightly delivery, is that possible?"),
        ),
        (
            ("user", "Do you fit new straps while I wait?"),
            ("assistant", "We stock leather, metal and rubber straps."),
            ("user", "Can the strap be changed on the spot, same visit?"),
        ),
    ),
    "didnt_help": (
        (
            ("user", "The sustain pedal squeaks."),
            ("assistant", "Put a drop of silicone lubricant on the pedal pivot."),
            ("user", "Put the lubricant on, squeak is exactly as loud."),
        ),
        (
            ("user", "The bees keep building comb on the crown board."),
            ("assistant", "Add a super with frames so they have room."),
            ("user", "Added the super a week ago, they've built brace comb there again anyway."),
        ),
        (
            ("user", "The booking page won't take my dog's breed."),
            ("assistant", "Choose 'Other' and type the breed in the notes box."),
            ("user", "chose Other and typed it, page still throws me back to step 1"),
        ),
        (
            ("user", "I can't log into the parents' portal."),
            ("assistant", "I've reset your password; check your e-mail for the link."),
            ("user", "Used the link, it says the link is invalid. Tried twice."),
        ),
        (
            ("user", "My glaze keeps crawling."),
            ("assistant", "Wipe the bisque with a damp sponge before glazing."),
            ("user", "Sponged every piece, crawled again in this firing."),
        ),
        (
            ("user", "The new key is stiff in the lock."),
            ("assistant", "Spray a little graphite into the keyway."),
            ("user", "Graphite in, key's every bit as stiff."),
        ),
        (
            ("user", "My delivery day shows Tuesday, I want Friday."),
            ("assistant", "I've changed it to Friday for you."),
            ("user", "Box came Tuesday again today."),
        ),
        (
            ("user", "My wall clock stops at night."),
            ("assistant", "Make sure it hangs level; use a spirit level on top."),
            ("user", "Levelled it properly. Stopped at 3am all the same."),
        ),
    ),
    "sarcasm": (
        (
            ("user", "Is the tuner still coming today?"),
            ("assistant", "Sorry, he's been double-booked and can't make it until next month."),
            ("user", "Terrific. Really terrific."),
        ),
        (
            ("user", "Has my nuc of bees been dispatched?"),
            ("assistant", "I'm afraid the colony didn't survive the journey to the depot."),
            ("user", "Smashing. Just smashing."),
        ),
        (
            ("user", "Is Biscuit's groom confirmed for Saturday?"),
            ("assistant", "Apologies, the groomer's van broke down so Saturday is off."),
            ("user", "Amazing, thanks loads."),
        ),
        (
            ("user", "Is the swim gala still on?"),
            ("assistant", "Sorry, the pool has been closed for repairs this month."),
            ("user", "Wonderful news, the kids will be thrilled 🙂"),
        ),
        (
            ("user", "Are my mugs out of the kiln?"),
            ("assistant", "Unfortunately two of them exploded in the firing."),
            ("user", "Splendid. Love that."),
        ),
        (
            ("user", "Will the locksmith come tonight?"),
            ("assistant", "Sorry, our night locksmith is off sick and nobody else is free."),
            ("user", "Great stuff, very reassuring."),
        ),
        (
            ("user", "Is my veg box on its way?"),
            ("assistant", "Sorry, it was delivered to number 12 instead of 21."),
            ("user", "Perfect. Exactly what I needed today."),
        ),
        (
            ("user", "Is my watch repaired?"),
            ("assistant", "I'm afraid we lost the crown while it was being serviced."),
            ("user", "Fab, brilliant work all round."),
        ),
    ),
}

# First user turns that say "still" / "again" as backstory, answered and closed calmly: not
# NEGATIVE (nothing the agent said has failed yet).
HELDOUT10_BACKSTORY: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "The piano is still in storage, can you tune it there?"),
        ("assistant", "Yes, we tune in storage units if there's power and light."),
        ("user", "Grand, thanks."),
    ),
    (
        ("user", "I want to keep bees again after ten years off, what's changed?"),
        ("assistant", "Varroa treatment has changed most; our course covers it."),
        ("user", "Thanks, I'll book the course."),
    ),
    (
        ("user", "Same groom as last time please, can you see what we had?"),
        ("assistant", "Last time was a teddy-bear cut, 2 cm all over."),
        ("user", "That's it, thanks!"),
    ),
    (
        ("user", "My son is still scared of putting his face in, is that okay for Ducklings?"),
        ("assistant", "Yes, many children start that way; the teachers go at their pace."),
        ("user", "Lovely, thank you."),
    ),
    (
        ("user", "I still have two sessions left from my old card, can I use them?"),
        ("assistant", "Yes, old cards are valid until they expire."),
        ("user", "Great, thanks."),
    ),
    (
        ("user", "The grandfather clock is running again after a move, should it be serviced?"),
        ("assistant", "A check after a move is wise; the pendulum may need adjusting."),
        ("user", "OK, thanks, I'll book one."),
    ),
)

# New in batch 10, calm controls (the reverse of false readings found by review).

# After the agent's instruction or fix the user reports calmly that it works now: not NEGATIVE,
# and no incomplete answer (the conversation ends on the report).
HELDOUT10_SUCCESS_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "The A above middle C goes out of tune within a week."),
        ("assistant", "We've replaced the loose tuning pin; it should hold now."),
        ("user", "Two weeks on and it's holding the tune. Thanks."),
    ),
    (
        ("user", "The hive roof lets rain in."),
        ("assistant", "Fit the roof the other way round so the lip covers the seam."),
        ("user", "Turned it round, the inside stays dry now."),
    ),
    (
        ("user", "The booking form won't load on my phone."),
        ("assistant", "Clear the browser cache and reload the page."),
        ("user", "Cleared it and the form is back to normal, thanks."),
    ),
    (
        ("user", "My daughter's goggles keep letting water in."),
        ("assistant", "Tighten the strap one notch and press them on before the strap."),
        ("user", "Did that, they're as watertight as the day we bought them."),
    ),
    (
        ("user", "The wheel pedal sticks at full speed."),
        ("assistant", "Blow the dust out of the pedal with the air line by the sink."),
        ("user", "Cleaned it out, the pedal no longer sticks. Cheers."),
    ),
    (
        ("user", "The back door lock is stiff."),
        ("assistant", "Put a little graphite in the keyway and work the key a few times."),
        ("user", "Did as you said, it turns like new."),
    ),
    (
        ("user", "My box deliveries stopped showing in the app."),
        ("assistant", "Log out and back in to refresh your account."),
        ("user", "Logged back in, my deliveries are turning up in the list again."),
    ),
    (
        ("user", "The mantel clock runs fast."),
        ("assistant", "Turn the regulator arm a little towards S (slow)."),
        ("user", "Moved it a touch, it has kept perfect time all week."),
    ),
    (
        ("user", "The kiln controller shows a blank screen."),
        ("assistant", "Switch it off at the wall for a minute, then on again."),
        ("user", "After the restart the display is working fine again."),
    ),
    (
        ("user", "The dog's nails catch on the carpet after the groom."),
        ("assistant", "We've filed them smooth at no charge."),
        ("user", "Picked him up, nothing catches any more. Thank you!"),
    ),
)

# A polite ask for a person that the agent meets; the user thanks: not NEGATIVE, not unmet.
HELDOUT10_MET_POLITE: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "Would it be possible to speak to the technician about the restoration?"),
        ("assistant", "Certainly - I've arranged for Tomasz to phone you tomorrow at 10."),
        ("user", "Thank you, that's very kind."),
    ),
    (
        ("user", "Could someone from the shop call me about a swarm, please?"),
        (
            "assistant",
            "Yes, I've passed your number to our swarm officer; he'll call within the hour.",
        ),
        ("user", "Brilliant, thanks."),
    ),
    (
        ("user", "May I have a word with the groomer before the appointment?"),
        ("assistant", "Of course, I'm putting you through to Lena now."),
        ("user", "Thanks a lot."),
    ),
    (
        ("user", "I'd like to talk to the head teacher about the move up, if that's okay."),
        ("assistant", "No problem, the head teacher will ring you this evening."),
        ("user", "Perfect, thank you."),
    ),
    (
        ("user", "Could I please speak to a person about a group booking?"),
        ("assistant", "Sure, I'm transferring you to our events team now."),
        ("user", "Thanks!"),
    ),
    (
        ("user", "Is it possible to talk to a locksmith before they come out?"),
        ("assistant", "Yes - Dev, who is booked for your job, will call you 30 minutes before."),
        ("user", "Great, cheers."),
    ),
    (
        ("user", "Please could a member of the farm team get in touch?"),
        ("assistant", "Done - Aoife from the farm will e-mail you today."),
        ("user", "Much appreciated."),
    ),
    (
        ("user", "I'd prefer to discuss the quote with the watchmaker himself."),
        ("assistant", "Of course. I've booked a call with him for Friday at 11."),
        ("user", "Thank you very much."),
    ),
)

# The user's last turn acknowledges the answer: not an incomplete answer, not NEGATIVE.
HELDOUT10_ACK: tuple[tuple[str, str], ...] = (
    (
        "Why does my piano go out of tune in winter?",
        "Dry air from the heating shrinks the soundboard, which lowers the pitch.",
    ),
    (
        "Why do bees cluster in winter?",
        "They cluster to keep the queen warm, shivering their flight muscles to make heat.",
    ),
    (
        "Why do you need a deposit for a first groom?",
        "First grooms take longer and no-shows cost us the whole slot.",
    ),
    (
        "Why is the pool colder on Mondays?",
        "The heating is serviced on Sunday nights, so it takes a morning to warm up.",
    ),
    (
        "Why does clay have to dry before the firing?",
        "Water left in the clay turns to steam in the kiln and can crack the piece.",
    ),
    (
        "Why do euro cylinders snap?",
        "A cheap cylinder has a weak point at the cam; anti-snap ones break at a sacrificial line.",
    ),
    (
        "Why is the box lighter in March?",
        "March is the hungry gap: the winter crops are over and the spring ones not ready.",
    ),
    (
        "Why does my automatic watch stop at night?",
        "It winds as you move; on the bedside table the reserve runs out after about 40 hours.",
    ),
    (
        "What does 'voicing' a piano mean?",
        "It's softening or hardening the hammer felts to change the tone, not the pitch.",
    ),
    (
        "What's the difference between a nuc and a package of bees?",
        "A nuc comes with frames of comb and brood; a package is only bees and a queen.",
    ),
)
HELDOUT10_ACK_REPLIES = (
    "That clears it up, thanks.",
    "Ah, I see now. Thank you.",
    "ok that explains it",
    "Understood - makes total sense.",
    "Right, got you. Cheers.",
    "Fair enough, thanks for explaining.",
    "Oh that's logical, thank you!",
    "Good to know, ta.",
    "I get it now, thanks a lot.",
    "Noted, that's helpful.",
)

# The agent explains an error code or message the user asked about; the reply opens with the code
# (nothing failed in the trace): not a failed tool call, not NEGATIVE.
HELDOUT10_ERROR_DOCS: tuple[tuple[str, str], ...] = (
    (
        "The tuning app says 'E: no mic access' - what does that mean?",
        "E: no mic access means the app isn't allowed to use the microphone. Allow it under "
        "Settings > Privacy > Microphone and reopen the app.",
    ),
    (
        "What does ERR_CARD_EXPIRED mean on your checkout?",
        "ERR_CARD_EXPIRED means the card's expiry date has passed; add a new card and the order "
        "will go through.",
    ),
    (
        "The booking page showed 'Error 409' - what's that?",
        "Error 409 is a conflict: someone else booked that slot while you were filling in the "
        "form. Pick another slot and it will work.",
    ),
    (
        "My kiln controller shows 'Err 3'. Is it broken?",
        "Err 3 means the kiln heated more slowly than programmed - usually worn elements. It is "
        "not broken; the elements just need replacing soon.",
    ),
    (
        "The smart lock app says ERR_BT_TIMEOUT, what should I do?",
        "ERR_BT_TIMEOUT: the phone lost the Bluetooth connection. Stand within two metres of the "
        "lock and try again.",
    ),
    (
        "What does 'E:Unable to locate package' mean? I'm setting up the shop's stock tool.",
        "E: Unable to locate package means apt can't find the package name in its lists. Run "
        "sudo apt update first, then check the spelling.",
    ),
    (
        "Our scheduler logs say 'ORA-12541'. What is it?",
        "ORA-12541: TNS no listener means the database listener isn't running on that host. "
        "Start it with lsnrctl start and the scheduler will reconnect.",
    ),
    (
        "The swim school portal says 'ERR_TOO_MANY_REDIRECTS'.",
        "ERR_TOO_MANY_REDIRECTS is a browser message about a cookie loop. Clear the cookies for "
        "our site and log in again.",
    ),
    (
        "What is a 'FileNotFoundError' in the watch-inventory script?",
        "FileNotFoundError is Python's way of saying the path you gave doesn't exist. Check the "
        "folder name in the script's first line.",
    ),
    (
        "The veg box app shows 'HTTP 503' sometimes in the morning.",
        "HTTP 503 means the server is briefly busy; at 7am everyone edits their box. Wait a "
        "minute and refresh.",
    ),
)
HELDOUT10_ERROR_DOCS_REPLIES = (
    "Thanks, that's clear.",
    "Ok, will do.",
    "Great, thank you.",
    "Makes sense.",
    "Cheers, I'll try that.",
    "Ah ok, thanks.",
    "Perfect, thanks.",
    "Thanks, I'll clear them.",
    "Got it.",
    "Okay, thanks for explaining.",
)
