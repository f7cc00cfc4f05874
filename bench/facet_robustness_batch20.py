"""Held-out batch 20 of the robustness set (bench/facet_robustness_set.py): every failure form of
issue 14, phrased anew, with calm look-alikes for the precision side.

Written for session 21 (helper fresh) BEFORE reading any rule code or earlier batch, and committed
alone before it was measured: the first figure on it is a fresh-batch figure. Domains: a vet
clinic, outpatient and physiotherapy scheduling, a blood-test lab, freight and warehouse logistics,
a moving company, an online game, an esports tournament, game-server hosting, a university
registrar, an online course platform, a driving school, legal intake (tenancy, immigration, small
claims), a coding agent (repository, CI, deploys), a solar installer, a coworking space, a music
school and an amateur sports league. Registers: terse, rambling, non-native English, typos,
lower case, formal, caps.

Forms and what a correct summarizer reads:

- Sentiment NEGATIVE: `didnt_help`, `repeated_request`, `ask_human`, `sarcasm`, `giving_up`,
  `agent_complaint`, `cancel_talk` (each the user's last turn after the agent's answer).
- Sentiment NEUTRAL: `politeness` (a routine closing after a plain answer is no satisfaction).
- Issues "Failed tool call": `permission_denied`, `exception_name`, `traceback`,
  `http_status_line`, `json_status`, `error_prefix` (the tool's reply), `apology_after_tool`
  (the tool's reply is unremarkable; the agent apologises right after it).
- Issues "Unmet escalation": `unmet_escalation` (the user asks for a person; the agent neither
  hands off nor says why not).

Look-alikes (precision):

- `satisfied` (Sentiment POSITIVE): the problem solved and acknowledged, or praise.
- `calm_lookalike` (Sentiment not NEGATIVE): calm asks that borrow the frustration forms' words
  ("repeat", "cancel the 3 pm", "a person at the desk", "didn't need to").
- `ok_tool` (Issues not "Failed tool call"): successful tool replies with words such as
  error, failed, status, denied or an HTTP line, and polite "sorry for the wait" after success.
- `met_escalation` (Issues not "Unmet escalation"): asks for a person that the agent hands off
  or explains why not.

A turn whose role is `tool:<name>` is a tool call to <name> and its reply (the harness turns it
into an assistant tool call and a tool message). Split once by `SPLIT_SEED_20` into a development
part (`heldout20dev`, the only part rules may be tuned on) and a test part (`heldout20test`,
reported once), half of each form in each (the odd case to dev).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from held_out import Conv, split_forms
from held_out import conv as _conv

SPLIT_SEED_20 = 20


def _t(name: str, reply: str) -> tuple[str, str]:
    """A tool turn: a call to `name` answered by `reply`."""
    return (f"tool:{name}", reply)


# (the ask, the agent's answer, the user's reply)
_DIDNT_HELP = (
    (
        "my cat's vaccination booking won't confirm",
        "Try refreshing the page and selecting the slot again.",
        "refreshed 3 times, still spinning",
    ),
    (
        "The pallet shows 'in transit' since Monday.",
        "Carrier scans can lag by 48 hours, please wait a bit.",
        "It has been 96 hours now and nothing moved, so waiting did not help.",
    ),
    (
        "Raid queue kicks me out at 99%",
        "Verify your game files from the launcher.",
        "verified files. still kicked at 99. useless",
    ),
    (
        "The course video freezes at minute 12.",
        "Please switch the quality to 480p.",
        "I switched to 480p as you said and it freeze at same minute, no change.",
    ),
    (
        "CI fails on the lint step",
        "Run `ruff format .` locally and push again.",
        "Did that, pushed, lint still red. Same 14 errors.",
    ),
    (
        "the inverter app shows zero production",
        "Power-cycle the inverter for 30 seconds.",
        "Power cycled it twice, still says 0 kWh. Your fix doesnt work.",
    ),
    (
        "I can't upload my lease for the intake form.",
        "Make sure the file is a PDF under 10 MB.",
        "It IS a pdf, 2 MB. Still rejected. That tip was no use.",
    ),
    (
        "My lab results portal says 'pending' for a week.",
        "Results usually post within 5 business days.",
        "Yes that's what it said last week too. Still pending. Not helpful at all.",
    ),
    (
        "door code for the coworking space isn't working",
        "Codes reset at midnight; try the new one in your email.",
        "tried the new one, red light again. standing outside in the rain",
    ),
    (
        "Server keeps crashing after the mod update",
        "Remove the mods folder and restart.",
        "removed it, restarted, crashed again within 2 minutes. that didnt help one bit",
    ),
    (
        "The enrolment button is grey for Chemistry 201.",
        "Clear your browser cookies and log in again.",
        "Cleared cookies, new browser even, button still grey. We are going nowhere.",
    ),
    (
        "my physio appointment reminder has the wrong address",
        "I've resent the reminder.",
        "the resent one has the same wrong address lol",
    ),
    (
        "Truck ETA not updating",
        "Try the tracking page instead of the app.",
        "Tracking page shows the same stale ETA from yesterday, so no, that did not solve anything.",
    ),
)
_REPEATED = (
    (
        "Need to move Bella's checkup.",
        "Which clinic do you usually visit?",
        "As I wrote at the start, Northside clinic. Can we move it to Thursday?",
    ),
    (
        "Where is container MSKU 7731?",
        "Could you share the container number?",
        "I literally put it in my first message. MSKU 7731.",
    ),
    (
        "I want the refund for the skin I bought by mistake",
        "What would you like help with today?",
        "again: REFUND for the skin. third time asking",
    ),
    (
        "When is the drop deadline for History 110?",
        "You can find course info in the catalogue.",
        "I'm asking for the third time when the drop deadline is. Not the catalogue.",
    ),
    (
        "Please rerun the failed deploy on staging",
        "Sure, which environment?",
        "staging. i said staging. twice now.",
    ),
    (
        "My landlord kept the deposit, I want advice.",
        "Can you tell me what your issue is?",
        "I already told you what my issue is, the deposit. Please read what I wrote above.",
    ),
    (
        "how many lessons left in my package?",
        "Our packages come in 10 and 20 lessons.",
        "i know that. i asked how many i HAVE LEFT. asking again.",
    ),
    (
        "I need the installer visit on the 14th, not the 4th.",
        "Your visit is confirmed for the 4th.",
        "No. For the second time: the 14th. One four.",
    ),
    (
        "Book the movers for Saturday morning",
        "What date would you like?",
        "Saturday. Saturday morning. Like I said in my first message, which you seem to skip.",
    ),
    (
        "Can my son's team change its game time?",
        "Please provide the team name.",
        "Team name is Harbor Hawks, I gave it earlier too, that's the 2nd time.",
    ),
    (
        "Please send the invoice for desk 12 to accounts@ our company.",
        "Who should receive the invoice?",
        "Same as I wrote before, accounts@ address. Repeat myself again and again here.",
    ),
    (
        "Tenho visto de estudante, I need renew it, what documents?",
        "What type of visa do you hold?",
        "student visa, I write this already in first message, please read",
    ),
    (
        "i want the blood test at 7am before work",
        "We have slots at 10am and 2pm.",
        "i keep saying it, 7am. early. before work. is there 7am or not",
    ),
)
_ASK_HUMAN = (
    (
        "The vet portal charged me twice.",
        "I can explain our billing cycle.",
        "I'd rather talk to someone at the clinic, a real person please.",
    ),
    (
        "Shipment damaged on arrival.",
        "Please upload photos of the damage.",
        "I need a human claims handler for this, not a form.",
    ),
    (
        "account banned for no reason",
        "Bans are issued for violations of our terms.",
        "get me a GM. a real one",
    ),
    (
        "I was charged tuition for a class I dropped.",
        "Refunds follow the academic calendar.",
        "Could I please be connected with someone in the bursar's office?",
    ),
    (
        "The agent deleted my migration files!",
        "I can restore the last commit if you want.",
        "Stop. I want a human engineer from your support team to look at this.",
    ),
    (
        "I have a hearing tomorrow and need advice.",
        "Here is some general information on hearings.",
        "Please can I speak with an actual lawyer or paralegal today?",
    ),
    (
        "pls my driving test date wrong",
        "Your test is on the 9th.",
        "i want talk with office person, not computer",
    ),
    (
        "The installers cracked two roof tiles.",
        "I'm sorry to hear that. Could you describe the damage?",
        "Who do I speak to as a person about this? Give me a name and number.",
    ),
    (
        "movers lost a box of kitchen stuff",
        "Lost items can be reported via our claims form.",
        "Is there anybody human there I can call???",
    ),
    (
        "Referee no-show at our match.",
        "We'll note the feedback.",
        "I want to escalate this to a league coordinator, a person.",
    ),
    (
        "My lab sample was apparently mislabeled.",
        "Please check your results page.",
        "I insist on speaking to a staff member at the lab, by phone.",
    ),
    (
        "Practice room booked twice",
        "Let me check availability.",
        "honestly just put me through to the front desk staff",
    ),
    (
        "Coworking key card charged 3 times",
        "Charges can take 3 days to settle.",
        "REAL PERSON. NOW. PLEASE.",
    ),
)
_SARCASM = (
    (
        "Did you book the dental cleaning for my dog?",
        "Your appointment is booked for 3 March.",
        "Oh wonderful, 3 March, only six weeks after her tooth fell out. Stellar.",
    ),
    (
        "Where's my freight?",
        "Your shipment is now estimated for next month.",
        "next month, splendid, my customers will be thrilled. really great job",
    ),
    (
        "matchmaking takes forever",
        "Queue times depend on player population.",
        "yeah cool, 40 min queue for a 3 min match, love it, best game ever",
    ),
    (
        "Is the course certificate ready?",
        "Certificates are issued within 90 days.",
        "Ninety days! What blazing speed. Truly impressed.",
    ),
    (
        "fix the flaky test",
        "I deleted the test so the suite passes.",
        "wow genius, just delete the test. why didn't I think of that",
    ),
    (
        "Any update on my tenancy case?",
        "Your case is in the queue.",
        "Still in the queue after two months, how reassuring. Thank you ever so much.",
    ),
    (
        "When does my instructor arrive?",
        "Your instructor cancelled today.",
        "perfect, took the day off work for that. brilliant system you have",
    ),
    (
        "Can the panels be installed this month?",
        "Earliest date is in April.",
        "April. Of course. Because summer sun is overrated anyway.",
    ),
    (
        "Did the movers confirm?",
        "The movers will arrive between 7am and 7pm.",
        "A twelve-hour window, how precise, I'll just sit by the door all day then.",
    ),
    (
        "Is my blood test in?",
        "Your sample was lost, please come again.",
        "great, another needle, just what I wanted this week :)",
    ),
    (
        "Can I get my locker back?",
        "Lockers are reassigned after 7 days of inactivity.",
        "Nice, so my stuff is now somebody else's. Amazing policy, 10/10.",
    ),
    (
        "Piano lesson this week?",
        "Your teacher is on holiday, we'll reschedule.",
        "Oh sure, third holiday this term, she must be exhausted from all the teaching.",
    ),
    (
        "Why is my team listed as forfeit?",
        "The system marked a no-show.",
        "We were ON THE FIELD. but sure, great system, flawless as always",
    ),
)
_GIVING_UP = (
    (
        "Can you move Max's surgery?",
        "I can offer dates in six weeks.",
        "forget it, I'll find another vet.",
    ),
    (
        "The customs broker form rejects our HS code.",
        "Please check the code format.",
        "I'm out of ideas and out of patience, I'll just ship it next month instead.",
    ),
    (
        "refund for the battle pass?",
        "Refunds are not possible after use.",
        "whatever man, not worth it, bye",
    ),
    (
        "Can't register for the seminar.",
        "Please try again later.",
        "Ok I stop trying. I will go to the registrar office in person tomorrow.",
    ),
    (
        "fix the docker build",
        "I tried three approaches; all fail on the same layer.",
        "nvm, I'll do it by hand tonight. leave it.",
    ),
    (
        "Can you tell me if I qualify for legal aid?",
        "I need more documents first.",
        "I have given up on this, I cannot find these documents anywhere.",
    ),
    ("reschedule my lesson", "No slots this month.", "then no. leave it. i'll learn from my dad"),
    (
        "Who pays for the roof repair?",
        "That is under review.",
        "Fine. I'll pay a roofer myself and be done with you.",
    ),
    (
        "Can the mover come back for the sofa?",
        "That would be a new booking.",
        "Doesn't matter anymore, I'll carry it with friends.",
    ),
    (
        "the lab app won't show my results",
        "Please reinstall the app.",
        "I quit with this app. I'll phone my GP and ask them.",
    ),
    (
        "meeting room AC broken again",
        "A technician has been requested.",
        "don't bother, we'll work from the cafe across the street.",
    ),
    (
        "The season registration page crashes",
        "Have you tried another browser?",
        "Tried everything. Giving up, my kid will skip this season.",
    ),
    (
        "Server host says no refund for downtime?",
        "Credits are only issued above 4h of downtime.",
        "meh. forget it. not fighting over 3 euros.",
    ),
)
_AGENT_COMPLAINT = (
    (
        "I need Luna's spay booked",
        "We offer vaccinations Monday to Friday.",
        "You're answering a different question. Do you even read what I write?",
    ),
    (
        "What's the cheapest route to Rotterdam?",
        "Here is our company history.",
        "This bot is useless, it talks about anything except my route.",
    ),
    ("why was my rank reset", "Ranks are a measure of skill.", "ur answers r trash tbh"),
    (
        "How do I appeal a grade?",
        "Grades are assigned by instructors.",
        "You keep giving me these vague non-answers, that is not helpful.",
    ),
    (
        "only touch the auth module",
        "I refactored the billing module too.",
        "You ignored my instructions completely. I told you ONLY auth.",
    ),
    (
        "Do I need a visa for a 3-day transit?",
        "Immigration rules may apply.",
        "You are the least helpful assistant I have ever used.",
    ),
    ("move my lesson to friday", "Your lesson is Tuesday.", "why you not listen me, i say FRIDAY"),
    (
        "How many panels fit on my roof?",
        "Solar energy is renewable.",
        "Is this a joke? Your reply has nothing to do with my roof.",
    ),
    (
        "Can the movers pack the glassware?",
        "We move furniture and boxes.",
        "You clearly have no clue about your own services.",
    ),
    (
        "What's in the lipid panel?",
        "Please consult your doctor.",
        "You say 'consult your doctor' to every single question. Pointless.",
    ),
    (
        "Is there a quiet zone on floor 2?",
        "Our spaces are vibrant and social!",
        "Stop with the marketing speak and answer me properly.",
    ),
    (
        "can my daughter switch to cello?",
        "We offer lessons in many instruments.",
        "you're not understanding me at all, I asked about SWITCHING.",
    ),
    (
        "What are the offside rules in U10?",
        "Football is played with 11 players.",
        "The assistant keeps reciting random facts. Terrible.",
    ),
)
_CANCEL = (
    (
        "why did my pet insurance premium go up?",
        "Premiums are adjusted annually.",
        "Then I'm moving Bella's plan to another insurer next month.",
    ),
    (
        "Third late delivery this quarter.",
        "We apologise for the delay.",
        "We'll be reviewing other freight forwarders. This contract may not be renewed.",
    ),
    ("servers lag every night", "We're investigating.", "cancel my sub. done with this game"),
    (
        "The platform keeps losing my progress.",
        "Please make sure you're logged in.",
        "I'm thinking to unenroll and ask for my money back, seriously.",
    ),
    (
        "The agent broke main again.",
        "I can revert the commit.",
        "We're evaluating other coding assistants, this is the last straw for our team.",
    ),
    (
        "Your intake service lost my documents.",
        "Please upload them again.",
        "If this happens again I will take my case to a different firm.",
    ),
    ("Instructor late again", "Sorry about that.", "i will change driving school if this continue"),
    (
        "Install delayed for the 4th time.",
        "New date is pending.",
        "At this point I want to terminate the contract and get my deposit back.",
    ),
    (
        "The movers quote doubled.",
        "Prices depend on volume.",
        "I'm cancelling the booking and going with a competitor.",
    ),
    (
        "Why does the lab portal never work?",
        "We are improving it.",
        "Switching to a different lab for all future tests.",
    ),
    (
        "Wifi down all morning",
        "Our team is aware.",
        "we're not renewing the membership in january, letting you know now",
    ),
    (
        "Teacher changed again",
        "Staffing changes happen.",
        "Considering pulling both kids out of the music school.",
    ),
    (
        "The host oversold our node again",
        "We're adding capacity soon.",
        "Migrating our server to another host this weekend. Close the account after.",
    ),
)
_POLITENESS = (
    ("When does the clinic open on Saturday?", "Saturdays we open from 9 to 13.", "ok thanks bye"),
    (
        "What is the weight limit for a pallet?",
        "1,000 kg per standard pallet.",
        "Noted. Thank you, that is all.",
    ),
    ("when's the server maintenance", "Tuesday 02:00-04:00 UTC.", "k thx"),
    ("Which room is the exam in?", "Room B214.", "Thank you. Have a good day."),
    ("What branch is the release cut from?", "From `release/2.4`.", "ok, thanks"),
    (
        "What should I bring to the consultation?",
        "Your lease and any letters from the landlord.",
        "Alright, thank you for the information, goodbye.",
    ),
    ("how long is a lesson", "60 minutes.", "ok thank u"),
    (
        "Do you need roof access on the day?",
        "Yes, the crew will need the attic too.",
        "Understood, thanks. Bye.",
    ),
    (
        "Do movers bring boxes?",
        "Yes, up to 20 boxes are included.",
        "Got it. Thanks, that's everything.",
    ),
    ("Do I need to fast for the test?", "Yes, 8 hours before.", "Okay. Thanks. Bye bye."),
    ("What time does reception close?", "At 18:00.", "thanks, cheers"),
    (
        "Is there a lesson on bank holidays?",
        "No, lessons pause on bank holidays.",
        "OK understood thank you",
    ),
    (
        "Where is the kit collection?",
        "At the clubhouse, Saturday 10am.",
        "Thanks, that's all for now, bye.",
    ),
)
# the problem solved and acknowledged, or praise
_SATISFIED = (
    (
        "Can you book Milo's booster?",
        "Booked for Tuesday 10:30 with Dr. Ames.",
        "Perfect, that's exactly the slot I wanted, thank you so much!",
    ),
    (
        "Where's my pallet?",
        "Found it: mis-scanned in Antwerp, it's on the truck now, arriving tomorrow.",
        "Excellent, that solves it. Great detective work.",
    ),
    (
        "lost my items after the patch",
        "I've restored your inventory from yesterday's backup.",
        "omg they're back!! ty ty, you're the best",
    ),
    (
        "Can't enrol in Statistics.",
        "I lifted the prerequisite hold; you can enrol now.",
        "It worked, I'm enrolled. Really appreciate the quick fix.",
    ),
    (
        "fix the failing migration test",
        "The fixture was using UTC dates; fixed and pushed, CI is green.",
        "green! nice work, that was a tricky one",
    ),
    (
        "Do I have a case against my landlord?",
        "Based on what you sent, yes; a paralegal will call you Monday.",
        "That's a huge relief, thank you, this was really helpful.",
    ),
    (
        "can i get earlier test date",
        "Moved you to the 3rd, 8am.",
        "wow thank you very much, is much better for me!",
    ),
    (
        "Why is production zero?",
        "The inverter firmware was stuck; I pushed an update and it's producing 4.2 kW now.",
        "Yes I can see it in the app now. Brilliant, thanks!",
    ),
    (
        "Can the movers come a day earlier?",
        "Done, they'll be there Friday at 8.",
        "Fantastic, that saves us a hotel night. Thank you!",
    ),
    (
        "results not showing",
        "They were under your old patient number; merged, you can see them now.",
        "I see them now, thanks a lot, great help.",
    ),
    (
        "Can I swap to a desk by the window?",
        "Switched you to desk 4, by the window, from tomorrow.",
        "Lovely, that's great news. Thanks!",
    ),
    (
        "Violin rental renewal?",
        "Renewed until June at the same price.",
        "Super, all sorted then, many thanks for your help.",
    ),
    (
        "Our match was wrongly marked a forfeit",
        "Corrected: it now shows the 2-1 win.",
        "Awesome, the kids will be so happy. Thanks for sorting it!",
    ),
)
# calm asks with the frustration forms' words
_CALM = (
    (
        "Can you repeat the dosing for Bella's antibiotics?",
        "Half a tablet twice a day for 7 days.",
        "Could you repeat that once more slowly so I can write it down?",
    ),
    (
        "I need to cancel the 3 pm pickup and make it 5 pm.",
        "Done, pickup moved to 5 pm.",
        "And the Friday one stays as is, right?",
    ),
    (
        "Do the tournament rules allow a player to give up a round?",
        "Yes, a captain may concede a round.",
        "OK and does conceding affect the seeding?",
    ),
    (
        "Is there a person at the registrar's desk on Saturdays?",
        "Yes, the desk is staffed 9 to 12.",
        "Good to know, I'll drop by then.",
    ),
    (
        "The old build didn't need the env var, does the new one?",
        "Yes, set APP_MODE=prod now.",
        "Makes sense, I'll add it to the pipeline.",
    ),
    (
        "What happens if the hearing is cancelled by the court?",
        "You'd get a new date by letter.",
        "And I don't have to do anything until then?",
    ),
    (
        "I want to cancel my Friday lesson only, not the package.",
        "Cancelled Friday; your package still has 6 lessons.",
        "right, thanks, see you next week",
    ),
    (
        "If the panels don't help in winter, is there a backup?",
        "The grid covers the shortfall automatically.",
        "OK so nothing to do on my side.",
    ),
    (
        "Do I have to repeat the inventory at the new flat?",
        "No, one inventory at pickup is enough.",
        "Fine, one less thing.",
    ),
    (
        "The nurse said I might need to repeat the test, is that normal?",
        "Yes, borderline values are often rechecked.",
        "OK, I'll book the recheck next week.",
    ),
    (
        "Can the membership be cancelled anytime or is it yearly?",
        "Monthly, cancel anytime with 30 days notice.",
        "Clear, I'll stay monthly for now.",
    ),
    (
        "My son wants to quit the recorder and try drums, how does switching work?",
        "Switching is free at the end of term.",
        "Great, we'll switch in January.",
    ),
    (
        "Is the referee a volunteer or a real official?",
        "League referees are certified officials.",
        "ok, good to know",
    ),
)

_PERMISSION = (
    (
        "book Rex in for Friday",
        _t("create_appointment", "PermissionDenied: token lacks scope appointments:write"),
    ),
    (
        "Update the delivery address for load 8812.",
        _t("update_load", "AccessDenied: role 'viewer' cannot modify loads"),
    ),
    (
        "give my alt account the guild bank rights",
        _t("set_guild_role", "Forbidden - you are not allowed to change roles in this guild"),
    ),
    (
        "Enter the grade for student 4471.",
        _t("lms_set_grade", "InsufficientScope: requires lms.grades.write"),
    ),
    (
        "read the .env and tell me the DB host",
        _t("read_file", "EACCES: permission denied, open '/srv/app/.env'"),
    ),
    (
        "Pull up the intake notes for matter 2231.",
        _t("get_matter", "Unauthorized: user svc-intake may not read matter 2231"),
    ),
    (
        "Cancel my driving lesson on the 12th.",
        _t("cancel_lesson", "not permitted: session is read-only"),
    ),
    (
        "Show the production chart for site 12.",
        _t("get_site_data", "Access denied for installer account to customer site 12"),
    ),
    (
        "push the fix to main",
        _t("git_push", "remote: Permission to acme/api.git denied to bot-agent."),
    ),
    (
        "Get my cholesterol result.",
        _t("fetch_result", "You are not authorized to view records for this patient."),
    ),
    (
        "Add a guest pass for tomorrow.",
        _t("issue_pass", '{"error": "permission_denied", "detail": "member cannot issue passes"}'),
    ),
    (
        "Move the U12 game to Sunday.",
        _t("reschedule_fixture", "AuthorizationError: missing permission 'fixtures:edit'"),
    ),
    ("restart our game server", _t("server_restart", "Operation not permitted (EPERM)")),
)
_EXCEPTION = (
    ("What times are free for a cat neuter next week?", _t("list_slots", "KeyError: 'slot_id'")),
    ("Track load 5521", _t("track_load", "NullPointerException at ShipmentService.track")),
    (
        "how many wins do i have this season",
        _t("player_stats", "ZeroDivisionError: division by zero"),
    ),
    (
        "Check if I'm registered for Biology 105.",
        _t("check_registration", "ValueError: invalid term code '2026XX'"),
    ),
    (
        "run the migration",
        _t(
            "run_command",
            "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked",
        ),
    ),
    (
        "Save my intake form.",
        _t(
            "save_intake",
            'psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "intake_pkey"',
        ),
    ),
    (
        "whats my next lesson",
        _t("next_lesson", "TypeError: Cannot read properties of undefined (reading 'date')"),
    ),
    (
        "Estimate the yield for my roof.",
        _t("estimate_yield", "java.lang.IllegalStateException: roof geometry not loaded"),
    ),
    (
        "Quote for a 2-bedroom move please",
        _t("quote_move", "System.InvalidOperationException: Sequence contains no elements"),
    ),
    (
        "When will my results be in?",
        _t("result_eta", "ConnectionResetError: [Errno 104] Connection reset by peer"),
    ),
    ("Which desks are free Friday?", _t("free_desks", "TimeoutError")),
    (
        "list the teams in division B",
        _t("list_teams", "panic: runtime error: index out of range [3] with length 3"),
    ),
    (
        "Book a rehearsal room for the quartet",
        _t("book_room", "Errno::ENOENT: No such file or directory @ rb_sysopen - rooms.yml"),
    ),
)
_PY_TB = (
    "Traceback (most recent call last):\n"
    '  File "/app/vet/booking.py", line 88, in book\n'
    "    slot = free[0]\n"
    "IndexError: list index out of range"
)
_TRACEBACK = (
    ("book Coco's dental for the 20th", _t("book", _PY_TB)),
    (
        "Where is trailer TR-19?",
        _t(
            "locate_trailer",
            'Exception in thread "main" java.net.SocketTimeoutException: Read timed out\n'
            "\tat java.net.SocketInputStream.socketRead0(Native Method)\n"
            "\tat com.fleet.gps.Client.poll(Client.java:211)",
        ),
    ),
    (
        "show my match history",
        _t(
            "match_history",
            "    at Object.<anonymous> (/srv/api/history.js:41:13)\n"
            "    at Module._compile (node:internal/modules/cjs/loader:1256:14)",
        ),
    ),
    (
        "Download my transcript.",
        _t(
            "export_transcript",
            "Traceback (most recent call last):\n"
            '  File "registrar/export.py", line 12, in <module>\n'
            "    render(pdf)\n"
            "PermissionError: [Errno 13] Permission denied: '/tmp/out.pdf'",
        ),
    ),
    (
        "run the unit tests",
        _t(
            "run_tests",
            "thread 'main' panicked at 'called `Option::unwrap()` on a `None` value', src/parser.rs:57:22\n"
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
        ),
    ),
    (
        "File my small-claims form.",
        _t(
            "submit_claim",
            "   at Intake.Forms.Submit(ClaimForm f) in C:\\src\\Intake\\Forms.cs:line 42\n"
            "   at Intake.Api.Post() in C:\\src\\Intake\\Api.cs:line 17",
        ),
    ),
    (
        "check instructor availability for tuesday",
        _t(
            "availability",
            "goroutine 1 [running]:\nmain.availability(...)\n\t/app/main.go:33 +0x1d\nexit status 2",
        ),
    ),
    (
        "Calculate my payback period.",
        _t(
            "payback",
            "Traceback (most recent call last):\n"
            '  File "calc.py", line 5, in payback\n'
            "    return cost / savings\n"
            "ZeroDivisionError: float division by zero",
        ),
    ),
    (
        "Update my moving date to the 30th",
        _t(
            "update_job",
            "/app/lib/jobs.rb:10:in `block in update': undefined method `date' for nil:NilClass (NoMethodError)\n"
            "\tfrom /app/lib/jobs.rb:4:in `each'",
        ),
    ),
    (
        "Email me my lab report.",
        _t(
            "email_report",
            "Stack trace:\n#0 /var/www/lab/report.php(54): Mailer->send()\n#1 {main}\n  thrown in /var/www/lab/Mailer.php on line 120",
        ),
    ),
    (
        "Who is on the member list today?",
        _t(
            "members_today",
            "Traceback (most recent call last):\n"
            '  File "/srv/cowork/checkin.py", line 201, in today\n'
            "    rows = db.fetch(q)\n"
            "TimeoutError: query exceeded 30s",
        ),
    ),
    (
        "Add my daughter to the spring recital",
        _t(
            "add_performer",
            "Uncaught exception 'RecitalFullException' with message 'capacity 40 reached'\n"
            "#0 /app/recital.php(77): Recital->add()",
        ),
    ),
    (
        "Post the weekend scores.",
        _t(
            "post_scores",
            "Traceback (most recent call last):\n"
            '  File "league/scores.py", line 9, in post\n'
            "KeyError: 'home_goals'",
        ),
    ),
)
_HTTP = (
    ("Any slot with Dr. Park this week?", _t("clinic_api", "HTTP/1.1 503 Service Unavailable")),
    (
        "Create a pickup for tomorrow",
        _t("carrier_api", "HTTP/2 422\ncontent-type: application/json"),
    ),
    ("check if the EU servers are up", _t("status_page", "502 Bad Gateway")),
    ("Is my tuition paid?", _t("bursar_api", "Request failed with status code 500")),
    (
        "open a PR with the fix",
        _t("github_api", "< HTTP/1.1 401 Unauthorized\n< www-authenticate: Bearer"),
    ),
    (
        "Look up the court date for case 24-118.",
        _t("court_lookup", "GET /cases/24-118 -> 404 Not Found"),
    ),
    ("book a lesson for monday 5pm", _t("booking_api", "Response: 429 Too Many Requests")),
    ("Schedule the site survey", _t("crm_api", "upstream returned 504 Gateway Timeout")),
    (
        "How much for the piano move?",
        _t("pricing_api", "The server responded with 403 (Forbidden)"),
    ),
    ("Share my results with Dr. Liu", _t("share_api", "HTTP 409 Conflict: share already pending")),
    ("Renew my desk for November", _t("billing_api", "status: 400 Bad Request")),
    ("register the team for autumn", _t("league_api", "HTTP/1.0 500 Internal Server Error")),
    (
        "Top up our server credits",
        _t("host_api", "POST https://api.host.example/credits 402 Payment Required"),
    ),
)
_JSON = (
    (
        "Reschedule Bella's checkup to Friday",
        _t("reschedule", '{"status": 409, "message": "slot taken"}'),
    ),
    (
        "where is my shipment 7781",
        _t("track", '{"data": null, "meta": {"status": 404, "request_id": "a91"}}'),
    ),
    (
        "claim my season reward",
        _t("claim_reward", '{"response": {"statusCode": 503, "body": "maintenance"}}'),
    ),
    (
        "Add me to the waitlist for Physics 2",
        _t("waitlist", '{"status":"422","detail":"student not eligible"}'),
    ),
    (
        "trigger the nightly build",
        _t(
            "ci_trigger",
            '{\n  "build": {\n    "id": 9931,\n    "status": 500,\n    "error": "runner offline"\n  }\n}',
        ),
    ),
    (
        "Upload my passport scan to the file.",
        _t("upload_doc", '[{"file": "passport.pdf", "status": 413}]'),
    ),
    (
        "book the highway lesson",
        _t("book_lesson", "{'status': 400, 'reason': 'instructor not certified'}"),
    ),
    ("Send me the installation contract", _t("get_contract", '{"ok": false, "http_status": 502}')),
    ("confirm my moving date", _t("confirm_job", '{"result": {"code": "E_SLOT", "status": 410}}')),
    (
        "Has my vitamin D result arrived?",
        _t("get_result", '{"status_code": 401, "message": "session expired"}'),
    ),
    (
        "Book a meeting room for 10",
        _t("room_booking", '{"request": "room 3", "response": {"status": 503}}'),
    ),
    (
        "sign up my kid for the camp",
        _t("camp_signup", '{"errors":[{"status":"400","title":"Invalid birthdate"}]}'),
    ),
    ("What's my team's standing?", _t("standings", '{"status": 500}')),
)
_ERROR_PREFIX = (
    ("book a grooming slot", _t("book_grooming", "error: no groomer assigned to this location")),
    (
        "Generate the bill of lading for load 442",
        _t("make_bol", "Failed to generate document: template missing"),
    ),
    (
        "link my console account",
        _t("link_account", "ERROR: linking service unavailable, try later"),
    ),
    (
        "Print my enrolment certificate",
        _t("print_cert", "failed to render certificate: font not found"),
    ),
    ("compile the project", _t("cargo_build", "error[E0382]: borrow of moved value: `cfg`")),
    (
        "Send the intake confirmation email",
        _t("send_email", "Error - SMTP relay refused the message"),
    ),
    (
        "text me my lesson reminder",
        _t("send_sms", "Failed to send SMS reminder: carrier rejected number"),
    ),
    (
        "Pull the monitoring data from my inverter",
        _t("inverter_pull", "[ERROR] device 55-A not responding"),
    ),
    (
        "Print the inventory list for the move",
        _t("inventory_pdf", "failed to parse inventory: unexpected end of file"),
    ),
    (
        "Book me a fasting blood test at 7",
        _t("lab_book", "Error: the selected site does not offer fasting tests"),
    ),
    ("Unlock the door for me, I'm outside", _t("door_unlock", "failed to reach lock controller")),
    ("Enroll Maya in the jazz workshop", _t("enroll", "error: workshop id 88 unknown")),
    (
        "deploy the new map to the server",
        _t("deploy_map", "Failed to upload map: disk quota exceeded"),
    ),
)
# tool replies that are themselves unremarkable; the agent apologises right after
_APOLOGY = (
    (
        "Book Rex's nail trim",
        _t("book_trim", '{"result": null}'),
        "Sorry, something went wrong while I tried to book that.",
    ),
    (
        "Change the pickup window to 2-4pm",
        _t("change_window", "{}"),
        "Apologies, the system didn't accept the change on my side.",
    ),
    (
        "restore my deleted character",
        _t("restore_char", "null"),
        "hmm, I wasn't able to restore it, sorry about that",
    ),
    (
        "Drop me from Calculus II",
        _t("drop_course", '{"ok": true, "queued": false}'),
        "I'm sorry, that didn't go through. The drop is not recorded yet.",
    ),
    (
        "merge the dependabot PRs",
        _t("merge_prs", "[]"),
        "My apologies, I couldn't merge them just now.",
    ),
    (
        "File my tenancy complaint",
        _t("file_complaint", ""),
        "Unfortunately I could not submit your complaint, I apologise for the inconvenience.",
    ),
    (
        "Book me two lessons next week",
        _t("book_lessons", '{"booked": []}'),
        "Sorry! Booking failed on my end, let me try something else.",
    ),
    (
        "Register my warranty",
        _t("register_warranty", '{"id": null}'),
        "I'm sorry, I ran into a problem registering the warranty.",
    ),
    (
        "Add a piano to the move",
        _t("add_item", '{"items": 14}'),
        "Oops, sorry, that didn't save. The piano isn't on the list yet.",
    ),
    (
        "Cancel my 8am blood draw",
        _t("cancel_draw", '{"appointment": "A-2231"}'),
        "Apologies, I hit an issue cancelling it and it's still on your calendar.",
    ),
    (
        "Extend my day pass",
        _t("extend_pass", "OK"),
        "Sorry about this, the extension did not apply, something on our side is off.",
    ),
    (
        "Swap Leo to the Thursday class",
        _t("swap_class", '{"class": "thu-4pm"}'),
        "My apologies — the swap failed, Leo is still in Tuesday's class.",
    ),
    (
        "add the new player to our roster",
        _t("add_player", "done"),
        "sorry, something went wrong adding him, he's not showing on the roster.",
    ),
)
# successful tool calls whose replies carry the failure forms' words
_OK_TOOL = (
    (
        "Book Bella's checkup",
        _t("book", '{"status": 201, "appointment": "Tue 10:30"}'),
        "Booked for Tuesday at 10:30.",
    ),
    (
        "track load 6610",
        _t("track", '{"status": "delivered", "errors": []}'),
        "It was delivered this morning.",
    ),
    (
        "did my report go through?",
        _t("report_player", "HTTP/1.1 200 OK"),
        "Yes, your report was received.",
    ),
    (
        "How many tests failed in the last run?",
        _t("ci_summary", "0 failed, 148 passed, 2 skipped"),
        "None failed: 148 passed and 2 were skipped.",
    ),
    (
        "Check the error log for today",
        _t("read_log", "No errors or exceptions logged since 00:00."),
        "The log is clean for today.",
    ),
    (
        "What does 'PermissionDenied' mean in our API docs?",
        _t(
            "search_docs",
            "PermissionDenied is returned when a token lacks the needed scope; request a new token with that scope.",
        ),
        "It means the token lacks the needed scope; a new token with the right scope fixes it.",
    ),
    (
        "Is my license application complete?",
        _t("app_status", '{"status": "complete", "last_error": null}'),
        "Yes, it's complete.",
    ),
    (
        "Check my access to the roof monitoring",
        _t("check_access", "Permission granted: role owner on site 12"),
        "You have owner access to site 12.",
    ),
    (
        "Confirm my movers",
        _t("confirm", '{"confirmed": true, "failed_attempts": 0}'),
        "Sorry for the wait — your movers are confirmed for Friday 8am.",
    ),
    (
        "Did the lab receive my sample?",
        _t("sample_status", '{"received": true, "http_status": 200}'),
        "Yes, the lab received it.",
    ),
    (
        "Open the door please",
        _t("door_unlock", "unlocked after 1 retry"),
        "The door is unlocked, go ahead.",
    ),
    (
        "Which retries failed overnight?",
        _t("job_history", '{"retries": 3, "failed": 0, "succeeded": 3}'),
        "None failed, all 3 retries succeeded.",
    ),
    (
        "what does error 500 mean on the league site?",
        _t("faq", "A 500 error means the server hit a problem; it is usually temporary."),
        "It's a temporary server-side problem; try again in a few minutes.",
    ),
)
_UNMET = (
    (
        "Put me through to a receptionist at the vet please.",
        "I can help you book an appointment! What's your pet's name?",
    ),
    (
        "I want to talk to a human dispatcher.",
        "Sure! To track a shipment, please enter the tracking number.",
    ),
    ("let me speak to a real GM", "Have you tried checking our FAQ about bans?"),
    (
        "Can I speak to an academic advisor, a person?",
        "Let's look at your degree plan together. What's your major?",
    ),
    (
        "get a human engineer on this now",
        "I understand your frustration. Let me try a different fix.",
    ),
    (
        "I need to talk to a lawyer, not a chatbot.",
        "I can answer many legal questions. What is your question?",
    ),
    ("i want talk real person from office", "Your next lesson is Tuesday at 5pm."),
    ("Connect me with your installation manager.", "Solar panels typically last 25 years or more."),
    (
        "Is there a human I can call about the damage?",
        "Please describe the damage in as much detail as possible.",
    ),
    (
        "Please let me speak with someone from the lab.",
        "Your results will be available in the portal soon.",
    ),
    ("Get me the community manager, a person.", "Our community events are listed on the website."),
    (
        "I'd like to speak to the head of the music school.",
        "We offer lessons in piano, violin, guitar and drums.",
    ),
    (
        "I want a league official to call me, not this bot.",
        "Fixtures for this weekend are posted on the league page.",
    ),
)
# asks for a person that the agent hands off, or says why it cannot
_MET = (
    (
        "Put me through to a receptionist at the vet please.",
        "Of course, transferring you to the front desk now.",
    ),
    (
        "I want to talk to a human dispatcher.",
        "I've paged the dispatcher on duty; they'll join this chat in a few minutes.",
    ),
    (
        "let me speak to a real GM",
        "I've opened ticket #5521 with our GM team, a person will reply by email within 24 hours.",
    ),
    (
        "Can I speak to an academic advisor, a person?",
        "Advisors don't take chats, but you can book a 20-minute call here: advising.example.edu/book.",
    ),
    (
        "get a human engineer on this now",
        "Escalated to the on-call engineer, Priya; she's been notified and will take over.",
    ),
    (
        "I need to talk to a lawyer, not a chatbot.",
        "I can't connect you directly, as attorneys only take scheduled consults; I've requested a callback from a paralegal today.",
    ),
    ("i want talk real person from office", "Yes, I pass you to office staff now, please wait."),
    (
        "Connect me with your installation manager.",
        "Handing this over to Mark, the installation manager, who will call you this afternoon.",
    ),
    (
        "Is there a human I can call about the damage?",
        "Yes: our claims team is at +44 20 5555 0101, weekdays 8 to 6.",
    ),
    (
        "Please let me speak with someone from the lab.",
        "The lab staff is off until 7am; I can't transfer you overnight, but I've left them a note to call you first thing.",
    ),
    ("Get me the community manager, a person.", "Connecting you with Sam from the community team."),
    (
        "I'd like to speak to the head of the music school.",
        "I've forwarded your request to the director, Ms. Ortiz; she'll email you by Friday.",
    ),
    (
        "I want a league official to call me, not this bot.",
        "Done, I've asked the league secretary to phone you; expect a call today.",
    ),
)


def _tool_conv(ask: str, tool: tuple[str, str], answer: str = "Let me try another way.") -> Conv:
    """The user's ask, the agent's tool call and its reply, the agent's next words."""
    return (("user", ask), tool, ("assistant", answer))


# every batch of this shape (20 on): each form, in order, with the name of the table that holds
# its rows in the batch's module and how one row becomes a case
_TABLES: tuple[tuple[str, str, Callable[..., Conv]], ...] = (
    ("didnt_help", "_DIDNT_HELP", _conv),
    ("repeated_request", "_REPEATED", _conv),
    ("ask_human", "_ASK_HUMAN", _conv),
    ("sarcasm", "_SARCASM", _conv),
    ("giving_up", "_GIVING_UP", _conv),
    ("agent_complaint", "_AGENT_COMPLAINT", _conv),
    ("cancel_talk", "_CANCEL", _conv),
    ("politeness", "_POLITENESS", _conv),
    ("permission_denied", "_PERMISSION", _tool_conv),
    ("exception_name", "_EXCEPTION", _tool_conv),
    ("traceback", "_TRACEBACK", _tool_conv),
    ("http_status_line", "_HTTP", _tool_conv),
    ("json_status", "_JSON", _tool_conv),
    ("error_prefix", "_ERROR_PREFIX", _tool_conv),
    ("apology_after_tool", "_APOLOGY", _tool_conv),
    ("unmet_escalation", "_UNMET", _conv),
    # look-alikes
    ("satisfied", "_SATISFIED", _conv),
    ("calm_lookalike", "_CALM", _conv),
    ("ok_tool", "_OK_TOOL", _tool_conv),
    ("met_escalation", "_MET", _conv),
    ("error_code_docs", "_ERROR_DOCS", _conv),
)
_LATER = frozenset({"error_code_docs"})  # forms a batch may lack (batch 22 added this one)


def forms_of(tables: Mapping[str, Any]) -> dict[str, tuple[Conv, ...]]:
    """A batch's form -> cases table from its module's row tables (pass its `globals()`), in the
    forms' order (split_forms draws one generator across them); a form of `_LATER` whose table
    the batch does not have is left out, any other missing table is an error."""
    return {
        form: tuple(make(*row) for row in tables[name])
        for form, name, make in _TABLES
        if form not in _LATER or name in tables
    }


HELDOUT20: dict[str, tuple[Conv, ...]] = forms_of(globals())
_FAILED = (("Issues", "FAILED_TOOL_CALL"),)
# what each form must read (the wants of facet_robustness_set.hit)
WANTS20: dict[str, tuple[tuple[str, str], ...]] = {
    **{
        f: (("Sentiment", "NEGATIVE"),)
        for f in (
            "didnt_help",
            "repeated_request",
            "ask_human",
            "sarcasm",
            "giving_up",
            "agent_complaint",
            "cancel_talk",
        )
    },  # fmt: skip
    "politeness": (("Sentiment", "NEUTRAL"),),
    **{
        f: _FAILED
        for f in (
            "permission_denied",
            "exception_name",
            "traceback",
            "http_status_line",
            "json_status",
            "error_prefix",
            "apology_after_tool",
        )
    },  # fmt: skip
    "unmet_escalation": (("Issues", "UNMET_ESCALATION"),),
    "satisfied": (("Sentiment", "POSITIVE"),),
    "calm_lookalike": (("Sentiment", "not NEGATIVE"),),
    "ok_tool": (("Issues", "not FAILED"),),
    "met_escalation": (("Issues", "not UNMET"),),
}


def split20(part: str, seed: int = SPLIT_SEED_20) -> dict[str, tuple[Conv, ...]]:
    """`dev` or `test`: each form's cases shuffled once by the seed, the first half (rounded up)
    to dev, the rest to test."""
    return split_forms(HELDOUT20, part, seed)
