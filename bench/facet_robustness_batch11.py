"""Held-out batch 11 of the robustness set (bench/facet_robustness_set.py).

Written for the tenth pass of issue 14 (batch 10's weak forms — a request repeated, "didn't
help" and sarcasm after bad news, in one turn and across turns; positive messages and calm
questions; HTTP status lines — and two false readings found by review: a modelling question that
mentions a money metric read as a Pricing question, a request to record one's own account data
read as a Feature request) BEFORE any change of that pass, and without running anything on it:
every failure form of the issue (Sentiment and Issues), ten or more phrasings each, in domains
batches 1-10 do not use (a riding school and livery yard, a tropical-fish and aquarium shop, a
recording studio, a print-on-demand T-shirt shop, a lawn-care and tree-surgery service, a craft
brewery's beer club, a party-equipment hire firm, a second-hand and rare bookshop; and, for the
two review classes, an analytics tool and an invoicing and accounts desk). Registers batches 1-10
do not use: Australian slang ("mate", "arvo", "reckon"), the American South ("y'all", "fixin'
to"), passive-aggressive office politeness ("just circling back", "friendly reminder"), South
African English ("eish", "ja", "shot"), Markdown emphasis, old-fashioned formal letters ("Dear
Sirs", "I remain"), censored swearing, rhetorical questions. Tool failures come in formats the
earlier batches do not print (Clojure, Dart, C++, OCaml, Erlang, Fortran, Spring, Cloudflare,
IIS, axios, aiohttp, Ansible, Terraform, npm, JSON:API error arrays, ...).

Groups as in batch 10 (IN_CONTEXT with ten conversations per form, BACKSTORY, UNMET_CTX, MET,
CALM, and the calm controls SUCCESS_CTX, MET_POLITE, ACK, ERROR_DOCS), and two calm controls new
in this batch, each the reverse of a false reading found by review:
- MONEY_MODELLING: a question about modelling or computing data that names a money metric
  ("average order value", "gross margin", "a discount column", "the invoice table"): not a
  Pricing question (NONE);
- ACCOUNT_DATA: a request to record or change the user's own account data (a VAT or company
  number on the invoices, a PO reference on a bill, a billing e-mail, a contact, a card on file):
  not a Feature request (NONE), and not a Pricing question (NONE).

Measured once, at the end of the pass; never used to train, tune a threshold or change a rule.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS11 = (
    (
        "Do you have a livery space for a 15-hand gelding from March?",
        "Yes, we have one stable free on part livery from the first of March.",
    ),
    (
        "What size tank would I need for six neon tetras?",
        "A 60-litre tank is a comfortable minimum for a small shoal.",
    ),
    (
        "Can we book the live room for a full day of drum tracking?",
        "Yes, the live room is bookable in ten-hour days with an engineer.",
    ),
    (
        "Can I upload my own design for a batch of 40 shirts?",
        "Yes, upload a PNG or SVG in the designer and pick sizes per shirt.",
    ),
    (
        "Do you prune fruit trees as well as mow lawns?",
        "Yes, our arborist prunes apple and pear trees from November to March.",
    ),
    (
        "What comes in the mixed case of the beer club?",
        "Twelve bottles: four pale ales, four lagers and four seasonal brews.",
    ),
    (
        "Does the bouncy castle come with a blower and mats?",
        "Yes, the blower, stakes and safety mats are included with every castle.",
    ),
    (
        "Are you able to find out-of-print crime novels?",
        "Yes, our search service looks through dealers' stock across the country.",
    ),
)

HELDOUT11_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "Eish, I put the hoof oil on like you said and the crack is no better.",
        "Just circling back: the water conditioner you recommended hasn't changed a thing, "
        "the tank is still cloudy.",
        "Y'all's fix for the headphone buzz did diddly squat, it's buzzing same as before.",
        "**Update:** re-uploaded the artwork as a PNG per your advice - the print is still blurry.",
        "Mowed it at the higher setting you told me and the lawn's just as patchy, mate.",
        "Bled the line like your instructions said, the beer still pours as pure foam.",
        "Pegged the marquee down the way you described; it blew over again last night.",
        "I wrapped the book in the acid-free paper you sent and the foxing keeps spreading "
        "(no improvement whatsoever).",
        "With respect, your remedy has proved entirely ineffective; the gelding remains lame.",
        "Changed the filter sponge as suggested. Nitrite reading hasn't budged.",
    ),
    "repeated_request": (
        "Friendly reminder that I've now asked three times whether the livery fee includes hay.",
        "As I've said twice now, it's a marine tank, not freshwater.",
        "Once again, y'all: I need the studio for the 14th, NOT the 4th.",
        "Asking for the fourth time - can you print on the sleeves or not?",
        "Mate, I already told you, it's the oak at the BACK of the garden.",
        "I'll say it again: the club box should skip the stouts.",
        "Still waiting on an answer to my original question: is the bouncy castle safe for adults?",
        "To reiterate my previous email: I am after the first edition, not the reprint.",
        "Same question as yesterday and the day before, does the pony need shoes for the "
        "beach ride?",
        "Bringing this up again since nobody has answered: can the T-shirts be shipped to Ireland?",
    ),
    "ask_human": (
        "Could I please be put in touch with the yard manager?",
        "Is there an actual fish person I can chat to, not a bot?",
        "Y'all got a human I can holler at?",
        "I'd like to escalate this to a member of staff, please.",
        "Any chance of talking to a real bloke at the depot, mate?",
        "Get me someone from the brewery on the phone.",
        "I'd rather deal with a human being on this one.",
        "Dear Sirs, I should like a member of your staff to telephone me.",
        "**Human please.**",
        "Can I get the sound engineer on the line instead of you?",
    ),
    "sarcasm": (
        "Bravo, the pony was turned out into the wrong field. Again.",
        "Cracking job on the delivery, the angelfish arrived floating upside down.",
        "Well done y'all, the session files got wiped before we could bounce the mix.",
        "Chef's kiss on the printing - the logo came out upside down on all 50 shirts.",
        "Good on ya mate, the tree surgeon dropped a branch through my greenhouse.",
        "Oh brilliant, the 'chilled' beer box arrived warm and three bottles had burst.",
        "Just what every kid wants at their party: a bouncy castle that deflates after ten "
        "minutes. Stellar.",
        "Thanks a million for posting a £400 first edition in a plain envelope, it's bent in half.",
        "Excellent service as always, nobody turned up to muck out and the horses stood in it "
        "all weekend.",
        "Love how the order says paid and the shirts still haven't been printed.",
    ),
    "giving_up": (
        "Righto, forget it, I'll ring my own farrier.",
        "Don't worry about it, I'll get the fish from the aquarium down the road.",
        "I give up, y'all. We'll record at my cousin's place.",
        "Never mind the reprint, I'll have them done at a local print shop.",
        "Ah, leave it mate, I'll climb up and cut the branch myself.",
        "Not worth the hassle. I'll pick up some cans at the supermarket instead.",
        "Eish, shame, we'll just have the party without a castle then.",
        "Let's just drop the whole thing, I'll keep looking for the book elsewhere.",
        "I've wasted enough of my afternoon on this; I'll sort out the stable myself.",
        "OK you win, I'm not going to chase this any further.",
    ),
    "agent_complaint": (
        "You clearly haven't understood a single thing I've written.",
        "Mate, this bot is about as useful as a chocolate teapot.",
        "Bless your heart, but you haven't answered one question straight.",
        "Your last three responses contradict each other.",
        "Why do you keep pasting the FAQ at me?",
        "You're going round in circles.",
        "Honestly the most pointless chat assistant I've come across.",
        "You're answering a question I didn't ask.",
        "I'm talking to a wall here, aren't I.",
        "Stop telling me to check the website, I'm ON the website.",
    ),
    "cancel_talk": (
        "Please give notice on Star's livery, we're moving her to another yard next month.",
        "Cancel my standing order for the fish food, I'll be getting it from a different supplier.",
        "We won't be booking the studio again, y'all have lost a customer.",
        "Close my shop account, I'm taking my designs to another printer.",
        "Cancel the annual lawn plan, mate, I've signed up with a competitor.",
        "Please cancel my beer club membership effective immediately.",
        "We'll be hiring our marquee from someone else from now on.",
        "Remove me from the book club subscription, I'm done.",
        "I intend to terminate the contract at the end of this quarter.",
        "This is the last order you'll ever get from me.",
    ),
}

# Politeness is not satisfaction: each of these closings must leave the conversation NEUTRAL.
HELDOUT11_POLITE = (
    "Cheers mate, that's all.",
    "Thanks y'all, bye now.",
    "Much obliged.",
    "Ta, have a good arvo.",
    "Thanks - that's everything for now.",
    "Kind regards and thank you for your time.",
    "Shot, thanks.",
    "Thank you, goodbye.",
    "thx, cya",
    "Okay, thank you for your help.",
)

# Positive messages that borrow the words of frustration: none may be read NEGATIVE (or MIXED).
HELDOUT11_POSITIVE = (
    "Star's trotting sound again, the new shoes made all the difference - thank you!",
    "The water is crystal clear again, best advice I've had.",
    "Mix sounds unreal, we'll be booking the same room again next month!",
    "No more faded prints since you switched the ink, love them.",
    "Still amazed at how green the lawn is after one treatment. Top work, mate.",
    "I'd order the same box again in a heartbeat, every beer was a winner.",
    "The kids never wanted to get off the castle, best party ever, thanks!",
    "Found the edition I'd been hunting for years, can't thank you enough.",
    "I'll repeat what I told your colleague: the riding lessons are the highlight of my week.",
    "Not a single fish lost since the move, you lot are legends.",
)

HELDOUT11_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "LiveryBookingConflict: stable 4 is already let",
        "scala.MatchError: Some(Tank(90)) (of class scala.Some)",
        'java.lang.NullPointerException: Cannot invoke "String.length()" because "sku" is null',
        "KeyError: 'studio_b'",
        "PrintJobRejected(reason='DPI below 150')",
        "botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the "
        "PutObject operation: Access Denied",
        "TypeError: Cannot read properties of undefined (reading 'keg')",
        "FormatException: Invalid date format (at character 5)",
        "MarqueeSizeUnknown: '6x12' is not a catalogue size",
        "** exception error: no match of right hand side value {error,enoent}",
    ),
    "traceback": (
        "Execution error (ArityException) at bookshop.core/price (core.clj:42).\nWrong number of "
        "args (2) passed to: bookshop.core/lookup",
        "Unhandled exception:\nFormatException: Invalid radix-10 number\n#0      int.parse "
        "(dart:core-patch/integers_patch.dart:52:25)\n#1      main (file:///app/bin/tank.dart:12:7)",
        "terminate called after throwing an instance of 'std::out_of_range'\n  what():  "
        "vector::_M_range_check: __n (which is 7) >= this->size() (which is 3)\nAborted (core "
        "dumped)",
        'Traceback (most recent call last):\n  File "/srv/print/queue.py", line 88, in submit\n'
        "    job = jobs[shirt_id]\nKeyError: 'TS-4410'\n\nDuring handling of the above exception, "
        "another exception occurred:\n\nRuntimeError: print queue unavailable",
        "panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\n"
        "main.assignStall(...)\n\t/app/livery.go:57 +0x1d",
        'Fatal error: exception Not_found\nRaised at Stdlib__Map.Make.find in file "map.ml", line '
        '137\nCalled from Dune__exe__Stock.lookup in file "bin/stock.ml", line 22',
        "=CRASH REPORT==== 12-Mar-2026::10:14:02 ===\n  crasher:\n    initial call: "
        "beer_club:init/1\n    exception error: bad argument\n      in function  "
        "binary_to_integer/1",
        "/app/node_modules/hire/index.js:41\n    throw new Error('castle not found');\n    ^\n\n"
        "Error: castle not found\n    at quote (/app/node_modules/hire/index.js:41:11)\n    at "
        "process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
        "org.springframework.dao.DataIntegrityViolationException: could not execute statement\n\t"
        "at org.hibernate.engine.jdbc.spi.SqlExceptionHelper.convert(SqlExceptionHelper.java:89)\n"
        "\tat com.books.OrderService.save(OrderService.java:120)",
        "At line 34 of file lawn.f90 (unit = 10, file = 'plots.dat')\nFortran runtime error: End "
        "of file\n\nError termination. Backtrace:\n#0  0x7f3c2a in ???",
    ),
    "http_status_line": (
        "HTTP/1.0 404 Not Found",
        "axios: Request failed with status code 502",
        "Whitelabel Error Page\nThis application has no explicit mapping for /error\nThere was an "
        "unexpected error (type=Internal Server Error, status=500).",
        "Error 522: Connection timed out (Cloudflare)",
        "HTTP Error 500.19 - Internal Server Error",
        "fetch failed: 503 Service Unavailable",
        "unexpected status code: 401 Unauthorized",
        "aiohttp.client_exceptions.ClientResponseError: 429, message='Too Many Requests', "
        "url='https://api.brewclub.example/boxes'",
        'The server returned "405 Method Not Allowed".',
        "Response code: 408 (Request Timeout)",
    ),
    "json_status": (
        '{"httpStatus": 500, "error": "stable lookup failed"}',
        '{"status": "503", "message": "service unavailable"}',
        '{"result": {"errors": [{"status": 404, "title": "Book not found"}]}}',
        '{"status": {"code": 429, "message": "slow down"}}',
        '{"statusCode":"401","error":"Unauthorized"}',
        '{"order": 5512, "print": {"state": "rejected", "status": 400}}',
        '{"responseStatus": 502, "body": ""}',
        '{"status": 500, "trace_id": "ab12"}',
        '{"errors":[{"status":"422","detail":"Marquee date is in the past"}]}',
        '{"upstream": {"name": "keg-api", "status_code": 504}}',
    ),
    "error_prefix": (
        "Error: ENOENT: no such file or directory, open '/srv/covers/9781.jpg'",
        "npm ERR! code E404",
        'level=error msg="booking failed" stall=4',
        "[ERROR] could not reach the tank sensor",
        "fatal error: studio calendar unavailable",
        "Error: creating S3 Bucket (shirt-art): BucketAlreadyExists",
        'FAILED! => {"changed": false, "msg": "No package matching \'lawnctl\' found"}',
        "Failed to fetch the keg inventory: connection reset",
        "error[E0425]: cannot find value `castle` in this scope",
        "ERROR - stock sync aborted",
    ),
    "apology_after_tool": (
        "Sorry mate, the booking system spat the dummy and didn't save your lesson.",
        "Apologies - I tried to reserve the tank but the stock check errored out.",
        "Hmm, I'm afraid the studio calendar wouldn't accept the change. Sorry about that.",
        "So sorry, the upload of your artwork failed on our end.",
        "Sorry, something went wrong when I tried to schedule the tree surgeon.",
        "My apologies, I couldn't add the extra case to your box - the system said no.",
        "Sorry, the quote tool crashed before it gave me a price for the marquee.",
        "Unfortunately I couldn't place the hold on the book; our system returned an error.",
        "Ugh, sorry y'all, that didn't go through on my side.",
        "I'm sorry, the payment link I tried to generate came back broken.",
    ),
}

# The user asks for a person; the agent ignores it or deflects, neither handing over nor saying
# why it cannot.
HELDOUT11_UNMET: tuple[tuple[str, str], ...] = (
    (
        "Could I please be put in touch with the yard manager?",
        "Our indoor school is floodlit until 9pm.",
    ),
    (
        "Is there an actual fish person I can chat to, not a bot?",
        "Neon tetras prefer soft, slightly acidic water.",
    ),
    ("Y'all got a human I can holler at?", "Our live room has a Yamaha grand piano."),
    (
        "I'd like to escalate this to a member of staff, please.",
        "Shirts ship within five working days of printing.",
    ),
    (
        "Any chance of talking to a real bloke at the depot, mate?",
        "Lawns are best fed in spring and autumn.",
    ),
    (
        "Get me someone from the brewery on the phone.",
        "This month's seasonal is a smoked porter.",
    ),
    (
        "I'd rather deal with a human being on this one.",
        "Great question! Castles need a flat area of at least 5 by 5 metres.",
    ),
    (
        "Dear Sirs, I should like a member of your staff to telephone me.",
        "Many first editions carry a number line on the copyright page.",
    ),
    ("**Human please.**", "Did you know we run pony days in the school holidays?"),
    (
        "Can I get the sound engineer on the line instead of you?",
        "Happy to help with your booking! Which date were you thinking of?",
    ),
    (
        "I need to talk to whoever's in charge of deliveries.",
        "Our cases are packed in recyclable cardboard.",
    ),
    (
        "Can a staff member call me back this arvo?",
        "We also hire out chocolate fountains and candy-floss machines.",
    ),
)

# Longer conversations: the user asks for a person, and none of the agent's later turns hands
# over or says why not (every case must read as an unmet escalation).
HELDOUT11_UNMET_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "My mare came back from the field with a cut leg."),
        ("assistant", "I'm sorry to hear that. Is it still bleeding?"),
        ("user", "No, but I want to speak to the yard owner about it."),
        ("assistant", "Cold hosing for ten minutes helps reduce swelling."),
        ("user", "fine"),
        ("assistant", "Is there anything else I can help with?"),
    ),
    (
        ("user", "Half the plants in my order were dead."),
        ("assistant", "Sorry about that. Which plants were they?"),
        ("user", "The java ferns. Could a person from the shop ring me?"),
        ("assistant", "Java ferns do best tied to rocks or wood, not planted in gravel."),
    ),
    (
        ("user", "The engineer left before our session was finished."),
        ("assistant", "I'm sorry. Sessions normally run the full ten hours."),
        ("user", "I'd like the studio manager to call me."),
        ("assistant", "You can download your stems from the client area."),
        ("user", "And the studio manager?"),
        ("assistant", "Stems are kept for 30 days."),
    ),
    (
        ("user", "My shirts came in the wrong colour."),
        ("assistant", "Could you send a photo of the label?"),
        ("user", "Sent. I want to deal with a person now, not a bot."),
        ("assistant", "Colours can look different on screen and on fabric."),
    ),
    (
        ("user", "Your crew cut down the wrong tree."),
        ("assistant", "I'm very sorry. Which tree was meant to go?"),
        ("user", "The dead ash. Please have the owner of the firm contact me."),
        ("assistant", "Ash dieback is common this year across the county."),
    ),
    (
        ("user", "My beer club box was charged twice."),
        ("assistant", "Charges can show twice while the bank confirms them."),
        ("user", "Can I talk to someone in your office about it?"),
        ("assistant", "Our boxes ship on the first Monday of the month."),
        ("user", "Is anybody going to call me?"),
        ("assistant", "Anything else I can do for you today?"),
    ),
    (
        ("user", "The castle turned up two hours late and the party was over."),
        ("assistant", "I'm sorry. Traffic was bad on the ring road this morning."),
        ("user", "Put me through to a manager."),
        ("assistant", "You can leave a review on our website."),
    ),
    (
        ("user", "The book you sold as fine has a torn dust jacket."),
        ("assistant", "Jackets are graded separately from the book itself."),
        ("user", "I should like to speak to the proprietor."),
        ("assistant", "Our grading follows the usual dealers' conventions."),
    ),
)

# Asks for a person answered properly (a handover, or why not and what instead): never unmet.
HELDOUT11_MET: tuple[tuple[str, str], ...] = (
    (
        "Can I talk to the yard manager?",
        "I've let Claire, the yard manager, know - she'll ring you after evening stables.",
    ),
    (
        "is there a human about?",
        "Yes, I'm passing this chat to Sam on the shop floor now; he'll reply shortly.",
    ),
    (
        "Could I speak to the engineer who mixed our record?",
        "He's in a session today, but he'll call you tomorrow before noon - I've noted your "
        "number.",
    ),
    (
        "Can someone from the print team look at my file?",
        "I'm transferring you to the print team now.",
    ),
    (
        "I'd like to speak to the arborist.",
        "I can't put calls through from here, but the arborist's direct line is 0800 555 0177, "
        "weekdays 8 to 5.",
    ),
    (
        "Put me in touch with the head brewer please.",
        "Of course - I've forwarded your message to Jonno, our head brewer; he'll email you "
        "this week.",
    ),
    (
        "Can a person from the hire team ring me?",
        "Sure, I've booked a call with our hire team for 3pm today.",
    ),
    (
        "I'd like to discuss the valuation with the bookseller himself.",
        "Certainly. Mr Hale will telephone you on Thursday morning to talk it through.",
    ),
)

# Ordinary questions that use the words of the weak forms: none may be read NEGATIVE (or MIXED).
HELDOUT11_CALM = (
    "If I cancel a lesson 24 hours ahead, do I still get charged?",
    "Does the tank need the same filter again after a year, or a bigger one?",
    "Is the studio still available on the 14th?",
    "What happens to my saved designs if I give up my shop account?",
    "Do you still do the free lawn check if I repeat the treatment next year?",
    "Can I switch my beer club box to a different style each month?",
    "What's the policy if the party gets called off because of rain?",
    "Do you ever buy back books you sold me?",
    "Is it normal that the pony still sweats after the ride has ended?",
    "Does a human check the artwork before it goes to print?",
)

# Multi-turn conversations; the last user turn is the form given what came before it.
HELDOUT11_IN_CONTEXT: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "repeated_request": (
        (
            ("user", "Do you take horses on full livery as well as part?"),
            ("assistant", "Our yard has 24 stables and an all-weather arena."),
            ("user", "Sure, but is full livery something you offer?"),
        ),
        (
            ("user", "Can you ship live fish to Cornwall?"),
            ("assistant", "All our fish are quarantined for two weeks before sale."),
            ("user", "Would you deliver fish down to Cornwall though?"),
        ),
        (
            ("user", "Is there parking at the studio for a van?"),
            ("assistant", "The studio is a five-minute walk from the station."),
            ("user", "what I asked was whether a van can park there"),
        ),
        (
            ("user", "Do you print on hoodies?"),
            ("assistant", "Our shirts are 100% organic cotton."),
            ("user", "Right, and hoodies - can you print those?"),
        ),
        (
            ("user", "Do you take away the branches after cutting?"),
            ("assistant", "Our arborists are fully insured and certified."),
            ("user", "Will the cut branches be removed by your team or not?"),
        ),
        (
            ("user", "Can I pause the beer club for a month?"),
            ("assistant", "The club has over 3,000 members across the country."),
            ("user", "ok but can I skip one month's box?"),
        ),
        (
            ("user", "Does the marquee have sides for rain?"),
            ("assistant", "Our marquees are 6 by 12 metres."),
            ("user", "I'm asking about side walls in case it rains."),
        ),
        (
            ("user", "Do you post books abroad?"),
            ("assistant", "All books are described using standard dealers' terms."),
            ("user", "Can you send a book to Canada, then?"),
        ),
        (
            ("user", "Are the lessons suitable for a nervous adult rider?"),
            ("assistant", "Lessons last 45 minutes."),
            ("user", "My question was whether nervous adults are okay in the lessons."),
        ),
        (
            ("user", "Is the bouncy castle OK on grass?"),
            ("assistant", "Castles come in pink, blue and jungle designs."),
            ("user", "again: can it go on a lawn?"),
        ),
    ),
    "didnt_help": (
        (
            ("user", "My gelding won't pick up his left canter lead."),
            ("assistant", "Ask for it on a circle, with your outside leg slightly back."),
            ("user", "Did it on a circle all week, still picks up the wrong one."),
        ),
        (
            ("user", "The tank has green algae on the glass."),
            ("assistant", "Cut the lights down to eight hours a day."),
            ("user", "Eight hours for a fortnight now and the glass is as green as ever."),
        ),
        (
            ("user", "The download link for our stems doesn't work."),
            ("assistant", "I've sent you a fresh link by e-mail."),
            ("user", "New link, same dead page."),
        ),
        (
            ("user", "The design preview shows a white box around my logo."),
            ("assistant", "Export the logo with a transparent background and upload it again."),
            ("user", "Exported it transparent, white box is still there."),
        ),
        (
            ("user", "There are brown patches all over my lawn."),
            ("assistant", "Water deeply twice a week rather than a little every day."),
            ("user", "Watered like that for three weeks, mate, patches have got bigger."),
        ),
        (
            ("user", "My beer club login keeps failing."),
            ("assistant", "I've reset your password; check your inbox."),
            ("user", "Reset came through, login fails exactly like before."),
        ),
        (
            ("user", "The castle's blower keeps tripping the fuse."),
            ("assistant", "Plug it into a socket on its own, not an extension lead."),
            ("user", "Own socket, no extension. Tripped again in five minutes."),
        ),
        (
            ("user", "The book smells musty."),
            ("assistant", "Leave it in a sealed box with baking soda for a week."),
            ("user", "A week in the box and it smells no different."),
        ),
        (
            ("user", "The saddle slips to one side."),
            ("assistant", "Try a non-slip pad under the numnah."),
            ("user", "Bought the pad. It slips all the same."),
        ),
        (
            ("user", "My order page shows the wrong size."),
            ("assistant", "I've corrected it to XL for you."),
            ("user", "Page still says M, just checked."),
        ),
    ),
    "sarcasm": (
        (
            ("user", "Is the farrier coming this morning?"),
            ("assistant", "Sorry, he's cancelled all his visits this week."),
            ("user", "Marvellous. Just marvellous."),
        ),
        (
            ("user", "Have my discus fish been sent?"),
            ("assistant", "I'm afraid two of them died in transit."),
            ("user", "Wonderful, that's made my day."),
        ),
        (
            ("user", "Is the studio ready for us on Saturday?"),
            ("assistant", "Apologies, the desk has a fault and the room is closed this weekend."),
            ("user", "Beaut. Cheers for that."),
        ),
        (
            ("user", "Are my shirts shipped?"),
            ("assistant", "Sorry, they were printed on the wrong size blanks."),
            ("user", "Fantastic. Exactly what I wanted to hear."),
        ),
        (
            ("user", "When is the tree crew coming?"),
            ("assistant", "Unfortunately the chipper is broken so we've had to postpone."),
            ("user", "Lovely. Top notch planning."),
        ),
        (
            ("user", "Has my beer box left?"),
            ("assistant", "Sorry, the courier says it was left out in the rain overnight."),
            ("user", "Superb, thanks so much."),
        ),
        (
            ("user", "Is the castle booked for Sunday?"),
            ("assistant", "I'm afraid it's been rented out twice for the same day."),
            ("user", "Awesome. Really awesome."),
        ),
        (
            ("user", "Did you find the book I asked for?"),
            ("assistant", "Sorry, the copy we reserved was sold to another customer."),
            ("user", "Brilliant, thanks a bunch."),
        ),
        (
            ("user", "Is my lesson on tonight?"),
            ("assistant", "Sorry, your instructor is off and there's no cover."),
            ("user", "Great. Love that for me."),
        ),
        (
            ("user", "Is the tank on its way?"),
            ("assistant", "Unfortunately it arrived at our warehouse with a cracked panel."),
            ("user", "Peachy. Just peachy."),
        ),
    ),
}

# First user turns that say "still" / "again" as backstory, answered and closed calmly: not
# NEGATIVE (nothing the agent said has failed yet).
HELDOUT11_BACKSTORY: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "I want to ride again after twenty years, do you teach returners?"),
        ("assistant", "Yes, our returners' course is four private lessons."),
        ("user", "Great, thanks."),
    ),
    (
        ("user", "The tank is still cycling, when can I add fish?"),
        ("assistant", "Once ammonia and nitrite both read zero for a week."),
        ("user", "Thanks, will do."),
    ),
    (
        ("user", "Same room as last time please, can you check which one it was?"),
        ("assistant", "Last time you had Studio B."),
        ("user", "That's the one, cheers."),
    ),
    (
        ("user", "I still have a credit from the misprint, can I use it now?"),
        ("assistant", "Yes, it will apply at checkout automatically."),
        ("user", "Lovely, thank you."),
    ),
    (
        ("user", "The hedge has grown back again since spring, can you cut it in June?"),
        ("assistant", "Yes, after the nesting birds have left; we check first."),
        ("user", "OK, book us in then."),
    ),
    (
        ("user", "I'm looking for the same book my gran had, still can't remember the title."),
        ("assistant", "Tell us the plot and the cover and we'll search for it."),
        ("user", "Thanks, I'll write it down."),
    ),
)

# Calm controls (the reverse of false readings found by review).

# After the agent's instruction or fix the user reports calmly that it works now: not NEGATIVE,
# and no incomplete answer (the conversation ends on the report).
HELDOUT11_SUCCESS_CTX: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "The gate latch on paddock 2 won't catch."),
        ("assistant", "Loosen the bolt on the keeper and slide it down a centimetre."),
        ("user", "Slid it down, it clicks shut every time now."),
    ),
    (
        ("user", "My heater keeps switching off."),
        ("assistant", "Move the thermostat dial up two degrees; it may be set too low."),
        ("user", "Turned it up, it's been holding 25 degrees all day. Thanks."),
    ),
    (
        ("user", "The headphone mix has a delay."),
        ("assistant", "Lower the buffer size to 128 samples in the session settings."),
        ("user", "Buffer at 128 and the delay's gone, ta."),
    ),
    (
        ("user", "The designer page freezes when I add text."),
        ("assistant", "Switch off the browser's ad blocker for our site and reload."),
        ("user", "Ad blocker off, page behaves perfectly."),
    ),
    (
        ("user", "The mower leaves stripes of long grass."),
        ("assistant", "We've sharpened the blade at no charge."),
        ("user", "Cut the lawn this morning, it's beautifully even. Cheers mate."),
    ),
    (
        ("user", "The tap on my mini-keg drips."),
        ("assistant", "Push the tap in firmly until it clicks, then turn it a quarter."),
        ("user", "Pushed it in till it clicked - not a drop since."),
    ),
    (
        ("user", "The castle sags on one side."),
        ("assistant", "Check that the second blower tube is tied off at the back."),
        ("user", "Tied it off, the castle's standing straight and firm."),
    ),
    (
        ("user", "My account shows no order history."),
        ("assistant", "I've merged your two accounts; log out and back in."),
        ("user", "Logged back in and all my orders are there."),
    ),
    (
        ("user", "The stirrup leathers creak."),
        ("assistant", "Rub a little saddle soap into the buckles."),
        ("user", "Soaped them, lovely and quiet on today's hack."),
    ),
    (
        ("user", "The tank light flickers."),
        ("assistant", "Reseat the plug in the controller; the pins may be loose."),
        ("user", "Reseated it, steady as anything."),
    ),
)

# A polite ask for a person that the agent meets; the user thanks: not NEGATIVE, not unmet.
HELDOUT11_MET_POLITE: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("user", "Would it be possible to chat with an instructor before booking?"),
        ("assistant", "Certainly - Beth, one of our instructors, will ring you tomorrow at 9."),
        ("user", "Thank you, that's lovely."),
    ),
    (
        ("user", "Could somebody at the shop phone me about setting up a reef tank?"),
        ("assistant", "Yes, I've asked our marine specialist to call you this afternoon."),
        ("user", "Great, thank you."),
    ),
    (
        ("user", "May I speak to the engineer about the session plan?"),
        ("assistant", "Of course, I'm connecting you to Marcus now."),
        ("user", "Cheers."),
    ),
    (
        ("user", "I'd like to talk to someone about a large school order, if that's all right."),
        ("assistant", "No problem, our schools team will e-mail you within the hour."),
        ("user", "Perfect, thanks."),
    ),
    (
        ("user", "Could I please speak with the arborist about the oak?"),
        ("assistant", "Sure - Priya, our arborist, will call you on Monday morning."),
        ("user", "Much appreciated."),
    ),
    (
        ("user", "Is there someone at the brewery I could ask about a wedding order?"),
        ("assistant", "Yes, I'm passing you to our events manager now."),
        ("user", "Thanks so much."),
    ),
    (
        ("user", "Could a person from the hire team check our garden before the party?"),
        ("assistant", "Of course. I've booked Dan from the hire team to visit on Friday at 4."),
        ("user", "Brilliant, thanks."),
    ),
    (
        ("user", "I'd prefer to discuss the collection with the owner, please."),
        ("assistant", "Certainly. Mr Hale, the owner, will telephone you this evening."),
        ("user", "Thank you kindly."),
    ),
    (
        ("user", "Could I have a word with the yard manager about turnout?"),
        ("assistant", "Yes, Claire will be in touch by text to arrange a time today."),
        ("user", "Thanks, that's great."),
    ),
    (
        ("user", "Please may I speak to someone in the print room?"),
        ("assistant", "Sure thing - I'm transferring you to the print room now."),
        ("user", "Thank you."),
    ),
)

# The user's last turn acknowledges the answer: not an incomplete answer, not NEGATIVE.
HELDOUT11_ACK: tuple[tuple[str, str], ...] = (
    (
        "Why do horses need their hooves trimmed if they're not shod?",
        "Hooves grow like fingernails; without wear or trimming they crack and unbalance.",
    ),
    (
        "Why can't I add all the fish on the first day?",
        "The filter's bacteria need time to grow to handle the waste of more fish.",
    ),
    (
        "Why does the live room have wooden panels on the walls?",
        "They scatter the sound so the drums don't ring with flutter echoes.",
    ),
    (
        "Why do white shirts cost more to print on dark designs?",
        "Dark designs on white need no underbase, but white ink on dark shirts needs two passes.",
    ),
    (
        "Why shouldn't I cut the lawn really short?",
        "Short grass has short roots, so it dries out and lets moss and weeds in.",
    ),
    (
        "Why is the unfiltered beer cloudy?",
        "The yeast and proteins are left in; they settle if the bottle stands upright.",
    ),
    (
        "Why does the castle need a blower running all the time?",
        "It's not sealed: the seams let air out on purpose so it stays soft and safe.",
    ),
    (
        "Why are first printings worth more than later ones?",
        "Collectors prize the first state of the text, and fewer copies were printed.",
    ),
    (
        "What does 'part livery' actually cover?",
        "We turn out and bring in and do the feeds; you do the riding and grooming.",
    ),
    (
        "What's the difference between a sump and a canister filter?",
        "A sump is an extra tank under the display; a canister is a sealed unit you hide away.",
    ),
)
HELDOUT11_ACK_REPLIES = (
    "Ah right, that makes sense.",
    "Gotcha, thanks.",
    "Ok, understood.",
    "Fair play, cheers for explaining.",
    "I see, thank you.",
    "Right you are, ta.",
    "Ahh that's why. Thanks!",
    "Interesting, thanks for that.",
    "Shot, that's clear now.",
    "Noted with thanks.",
)

# The agent explains an error code or message the user asked about (nothing failed in the
# trace): not a failed tool call, not NEGATIVE.
HELDOUT11_ERROR_DOCS: tuple[tuple[str, str], ...] = (
    (
        "The yard's booking app says 'E101'. What's that?",
        "E101 means your session expired; log in again and the booking will be there.",
    ),
    (
        "What does ERR_TANK_OFFLINE mean in the monitoring app?",
        "ERR_TANK_OFFLINE means the sensor hasn't reported for ten minutes, usually a flat "
        "battery. Swap the battery and it reconnects.",
    ),
    (
        "Our DAW shows 'Error -50' when I open the session. Is the file gone?",
        "Error -50 is a macOS parameter error, often a file name with a slash in it. Rename "
        "the file and it opens; nothing is lost.",
    ),
    (
        "The upload says 'HTTP 413'. What does it mean?",
        "HTTP 413 means the file is too large for the uploader - over 50 MB. Export the "
        "design at 300 dpi and it will fit.",
    ),
    (
        "What is 'E4' on the robot mower's screen?",
        "E4 indicates the mower is tilted or lifted. Put it back on flat grass and press OK.",
    ),
    (
        "The club checkout says 'card_declined'. Why?",
        "card_declined is returned when your bank refuses the payment; call them or use "
        "another card.",
    ),
    (
        "What does 'ECONNREFUSED' mean in our hire system's logs?",
        "ECONNREFUSED is the message you get when nothing is listening on that port; start "
        "the database service and it goes away.",
    ),
    (
        "The stock tool prints 'SQLSTATE 23505'. What's that?",
        "SQLSTATE 23505 is a unique violation: that ISBN is already in the table. Edit the "
        "existing record instead of adding a new one.",
    ),
    (
        "My ticket scanner shows 'ERR_QR_EXPIRED'.",
        "ERR_QR_EXPIRED happens when the lesson pass is past its date; the app issues a new "
        "one when you refresh it.",
    ),
    (
        "What does a 'NullPointerException' in the print plugin mean?",
        "NullPointerException is Java's way of saying a value was missing - here, usually the "
        "font isn't installed. Install the font and reopen the plugin.",
    ),
)
HELDOUT11_ERROR_DOCS_REPLIES = (
    "Ah, okay, thanks.",
    "Cheers, swapping it now.",
    "Phew, thanks.",
    "Got it, will re-export.",
    "Ok thanks.",
    "Makes sense, thank you.",
    "Right, I'll start it.",
    "Understood, thanks.",
    "Good to know.",
    "Thanks for explaining.",
)

# New in batch 11 (review class 1): a question about modelling or computing data that names a
# money metric is no Pricing question: Pricing question must read NONE.
HELDOUT11_MONEY_MODELLING: tuple[tuple[str, str], ...] = (
    (
        "How should I calculate average order value in my dashboard?",
        "Divide total sales by the number of distinct orders over the same period.",
    ),
    (
        "What's the right way to model customer lifetime value in our warehouse?",
        "Start from one row per customer with their first order date and summed net sales.",
    ),
    (
        "Can you help me write a SQL query for monthly recurring revenue by region?",
        "Sum each active subscription's monthly amount, grouped by month and region.",
    ),
    (
        "I need a measure for gross margin per product line in the report.",
        "Create a measure of (sales - cost of goods) / sales and put product line on rows.",
    ),
    (
        "How do I compute cost per acquisition from the ad spend table?",
        "Join spend to new customers by campaign and day, then divide spend by customers.",
    ),
    (
        "Add a discount_amount column to the orders model.",
        "Done: discount_amount is list price minus the price paid, per order line.",
    ),
    (
        "Why does the revenue total in my pivot differ from the invoice table?",
        "The pivot filters out refunded orders; the invoice table keeps them.",
    ),
    (
        "Help me build a chart of price changes over time for our product catalogue.",
        "Use a line chart with the effective date on the x axis and price on the y axis.",
    ),
    (
        "In pandas, how do I group the transactions by customer and sum the fees column?",
        "df.groupby('customer_id')['fees'].sum() gives one total per customer.",
    ),
    (
        "Define a metric for churned revenue as a share of last month's billing.",
        "Churned revenue share = revenue of customers lost this month / last month's billed "
        "revenue.",
    ),
    (
        "Write a dbt model that converts all subscription amounts to euros.",
        "Join the subscriptions to the daily exchange-rate seed and multiply by the rate.",
    ),
    (
        "How do I forecast next quarter's costs with a moving average?",
        "Take the average of the last three months' costs and roll it forward month by month.",
    ),
)

# New in batch 11 (review class 2): a request to record or change the user's own account data is
# no Feature request and no Pricing question: both must read NONE.
HELDOUT11_ACCOUNT_DATA: tuple[tuple[str, str], ...] = (
    (
        "Please put our company registration number on future invoices.",
        "Done - it will show under your company name from the next invoice.",
    ),
    (
        "Can you add my new mobile number to my account?",
        "Added; we'll text that number from now on.",
    ),
    (
        "Could you change the delivery address on my beer club to my work?",
        "Updated - your next box goes to your work address.",
    ),
    (
        "Add our purchase order reference PO-7781 to the March bill, please.",
        "Added; the March bill now shows PO-7781.",
    ),
    (
        "Please record my daughter as a second rider on the account.",
        "She's on the account now as a second rider.",
    ),
    (
        "Can you update the billing email to accounts@ourfirm.example?",
        "Updated; statements will go to that address.",
    ),
    (
        "I'd like the receipts to show our charity number.",
        "Sure - your charity number will appear on every receipt from today.",
    ),
    (
        "Please add my partner as an authorised contact for the livery.",
        "Added; we can discuss the livery with them from now on.",
    ),
    (
        "Could you update the card on file? The old one expired.",
        "I've sent you a secure link to enter the new card.",
    ),
    (
        "Can you change the name on the account to my married name?",
        "Changed - the account now shows your new surname.",
    ),
    (
        "Please add our ABN to the tax invoices going forward.",
        "Done, your ABN will print on every tax invoice.",
    ),
    (
        "Update our postal address for statements to 4 Mill Lane.",
        "Updated; statements will be posted to 4 Mill Lane.",
    ),
)
