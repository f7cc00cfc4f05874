"""Held-out batch 21 of the robustness set (bench/facet_robustness_set.py): every failure form of
issue 14, phrased anew, with calm look-alikes for the precision side.

Written for session 22 (helper fresh) BEFORE reading any rule code or earlier batch (only issue 14
and the form names and output format of batch 20), and committed alone before it was measured:
the first figure on it is a fresh-batch figure. Domains batches 19 and 20 did not use: insurance
claims (car, home, phone, pet), HR and payroll, real estate (rentals, sales, mortgages, leases),
telecom roaming, a data-pipeline agent (warehouse loads, Airflow, dbt, Spark, buckets) and a
smart-home agent (thermostat, lights, locks, cameras, garage). Registers: terse, rambling,
non-native English, typos, ALL CAPS, emoji, formal.

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
- `calm_lookalike` (Sentiment not NEGATIVE): calm turns that borrow the frustration forms' words
  ("repeat", "cancel the Saturday slot", "give up my second car", "never mind", "a person").
- `ok_tool` (Issues not "Failed tool call"): successful tool replies with words such as error,
  failed, status, denied or an HTTP 200 line, and "sorry for the wait" after a success.
- `met_escalation` (Issues not "Unmet escalation"): asks for a person that the agent hands off
  or explains why not.

A turn whose role is `tool:<name>` is a tool call to <name> and its reply (the harness turns it
into an assistant tool call and a tool message). Split once by `SPLIT_SEED_21` into a development
part (`heldout21dev`, the only part rules may be tuned on) and a test part (`heldout21test`,
reported once), half of each form in each (the odd case to dev).
"""

from __future__ import annotations

# batch 20's builders and wants: the two batches have the same forms and the same shape
from facet_robustness_batch20 import WANTS20, _t, forms_of
from held_out import Conv, split_forms

SPLIT_SEED_21 = 21


# --- Sentiment: (the ask, the agent's answer, the user's reply) -------------------------------

_DIDNT_HELP = (
    (
        "My windshield claim CL-88213 has been 'in review' for three weeks.",
        "Claims are usually reviewed within 10 business days. You can track it under My Claims.",
        "I know, I've been tracking it in the app for three weeks. That doesn't help me at all.",
    ),
    (
        "my payslip shows the wrong tax code",
        "You can view your payslips under Pay → Documents.",
        "that didnt help. i can SEE the payslip, the code on it is wrong",
    ),
    (
        "The thermostat keeps going back to 17 degrees at night.",
        "Try restarting the thermostat by holding the power button for 10 seconds.",
        "Did the restart twice. It still drops to 17 at 11pm. Not fixed.",
    ),
    (
        "Roaming isn't working in Portugal, no data at all.",
        "Please make sure data roaming is switched on in your phone settings.",
        "It IS switched on, I checked before writing to you. Still no data, so that advice "
        "gets me nowhere.",
    ),
    (
        "The nightly load into the warehouse skipped the orders table.",
        "I re-ran the job for the orders table.",
        "Checked just now, the orders table still has yesterday's rows. The rerun changed nothing.",
    ),
    (
        "The landlord portal won't accept my rent payment.",
        "Please clear your browser cache and try again.",
        "cleared the cache, tried another browser, tried my phone. same thing. this isn't "
        "solving anything",
    ),
    (
        "I have try to upload the police report for my claim but it not go.",
        "Please upload files as PDF under 10 MB.",
        "It is PDF and only 2 MB. Your answer not help me, still it not go.",
    ),
    (
        "WHY IS MY OVERTIME MISSING FROM THIS MONTH",
        "Overtime is paid the month after your manager approves it.",
        "IT WAS APPROVED IN OCTOBER. THAT DOESN'T ANSWER ANYTHING.",
    ),
    (
        "the hallway lights switch on by themselves at 3am",
        "You can check the automation log under Routines → History.",
        "looked at the log, nothing in there. so no, that didn't get me anywhere 😒",
    ),
    (
        "Can you tell me why my home insurance premium went up 40%?",
        "Premiums are reviewed every year based on several factors.",
        "That's a non-answer. Which factors? Nothing you said explains a 40% jump.",
    ),
    (
        "The mortgage calculator says I qualify for 0.",
        "Make sure you entered your annual income, not your monthly income.",
        "I entered annual. Tried monthly too, just in case. Still 0, so that wasn't it.",
    ),
    (
        "my dbt run fails on the staging model since this morning",
        "Try running `dbt deps` to refresh the packages.",
        "ran dbt deps, same failure on stg_orders. zero difference",
    ),
    (
        "I'm abroad and my phone says 'No service'.",
        "Please restart your phone.",
        "Restarted it five times already 🙄 still no service. Got anything that actually works?",
    ),
)

_REPEATED = (
    (
        "I need the claim number for the hail damage report I filed last Tuesday.",
        "Hail damage is covered under the comprehensive part of your policy.",
        "Again: I need the CLAIM NUMBER for the report I filed last Tuesday.",
    ),
    (
        "when is payday this month",
        "Payroll runs on the last business day, and your payslip appears under Pay.",
        "ok but when is payday THIS month. which date",
    ),
    (
        "Can you set the living room lights to 30%?",
        "The living room has four lights: the ceiling light, a floor lamp and two spots.",
        "Set the living room lights to 30%, please. All of them.",
    ),
    (
        "How much does roaming in Canada cost per day?",
        "Our Travel Pass covers more than 80 destinations.",
        "I asked about Canada. How much per day in Canada?",
    ),
    (
        "Please rerun the customer_dim job for 2026-11-30.",
        "customer_dim is scheduled daily at 02:00 UTC.",
        "I know when it runs. Please rerun it for 2026-11-30, like I asked.",
    ),
    (
        "I want to book a viewing for the flat on Elm Street.",
        "The Elm Street flat has two bedrooms and is available from January.",
        "yes, i want to BOOK A VIEWING for it. third time i'm asking",
    ),
    (
        "pls send me my P60 for last year",
        "You can download tax documents once they are published.",
        "pls send me my P60 for last year. it was published in may",
    ),
    (
        "Has an adjuster been assigned to claim 45-771 yet?",
        "Adjusters are assigned by region.",
        "I asked yesterday and I'm asking again: is there an adjuster on 45-771, yes or no?",
    ),
    (
        "I want know the price of roaming package for Turkey.",
        "Turkey is in zone 3.",
        "Yes but the price, I ask the price of the Turkey package. How much it is?",
    ),
    (
        "Lock the front door.",
        "Your front door lock is a Nuki Smart Lock 3.0.",
        "LOCK THE FRONT DOOR",
    ),
    (
        "Which pipelines failed last night?",
        "You can view pipeline runs in the dashboard.",
        "I'm asking YOU which pipelines failed last night. Just list them.",
    ),
    (
        "Can you change the bank account my salary is paid into?",
        "Salaries are paid by bank transfer on the 28th.",
        "once more: i want to change the bank account my salary goes to 🙏",
    ),
    (
        "How do I add my partner as a second driver on the policy?",
        "You can find your policy documents under My Policies.",
        "How do I add my partner as a second driver on the policy?",
    ),
)

_ASK_HUMAN = (
    (
        "My claim was denied and I don't understand why.",
        "Denial reasons are listed in the letter we sent you.",
        "I'd like to speak to a real person about this, please.",
    ),
    (
        "payroll deducted my pension twice",
        "Pension contributions are 5% of gross pay.",
        "can i talk to someone in HR? a human",
    ),
    (
        "The heating won't turn off.",
        "Try setting the mode to Off in the app.",
        "I want to talk to a technician, not a bot.",
    ),
    (
        "€240 of roaming charges on my bill!",
        "Roaming charges apply outside the EU.",
        "GET ME A HUMAN AGENT NOW",
    ),
    (
        "Was my offer on the house on Birch Lane accepted?",
        "Sellers usually review offers within 48 hours.",
        "could you connect me with my realtor directly? i'd rather talk to her than to this chat",
    ),
    (
        "The pipeline keeps corrupting the parquet files.",
        "Parquet corruption can come from interrupted writes.",
        "Is there an engineer on call I can page? I need an actual person looking at this.",
    ),
    (
        "My employment contract have wrong salary.",
        "Your contract is under Documents → Employment.",
        "Please I want speak with a person from HR department, not machine.",
    ),
    (
        "my doorbell camera is offline",
        "Check your wifi connection.",
        "can i pls tlak to an actual huamn",
    ),
    (
        "How do I appeal the decision on my claim?",
        "You can appeal within 30 days of the decision.",
        "Operator.",
    ),
    (
        "The lease renewal has the wrong rent in it.",
        "Rent changes are listed in section 4 of the lease.",
        "pls just put me through to a person 🙏🙏",
    ),
    (
        "Why was my bonus taxed at 45%?",
        "Bonuses are taxed through PAYE like your salary.",
        "I would like a callback from a payroll specialist, please.",
    ),
    (
        "My number was blocked while roaming in Brazil.",
        "For your security we block numbers with unusual usage abroad.",
        "Who do I call to reach a real employee at your company? I want a person, not an FAQ.",
    ),
    (
        "The smart lock locked me out of my own house.",
        "Use the backup key code.",
        "I need someone from support. Live chat with a human, please.",
    ),
)

_SARCASM = (
    (
        "My claim was closed without any payment.",
        "Thank you for contacting us! Is there anything else I can help you with?",
        "Oh wonderful, thanks so much for all that help. That really solved everything.",
    ),
    (
        "my salary is late",
        "Salaries are paid on the 28th.",
        "wow, amazing, today is the 30th. great system you've got there",
    ),
    (
        "The thermostat turned the heat up to 30 again.",
        "Your thermostat is working as scheduled!",
        "Great, so 'working as scheduled' means cooking me in my sleep. Love that for me.",
    ),
    (
        "Roaming cost me €300 in one weekend.",
        "Roaming rates are listed on our website.",
        "Oh sure, because everyone reads a 40-page price list before a weekend trip. Brilliant.",
    ),
    (
        "The ETL job has been failing for two days.",
        "All systems operational ✅",
        "Yeah, super operational. Two days of empty tables. Fantastic dashboard 👏",
    ),
    (
        "The flat you showed me has mould everywhere.",
        "The listing describes the flat as 'charming and full of character'.",
        "Charming indeed. The character is mostly black mould. Thanks a lot.",
    ),
    (
        "Can you check why payroll deducted parking from me twice?",
        "I've added a note to your file.",
        "A note! Wow. That'll definitely get my money back. 🙄",
    ),
    (
        "the lights keep flashing",
        "Have you tried turning them off and on again?",
        "no, never occurred to me. genius advice, truly",
    ),
    (
        "Claim is open 2 months.",
        "We appreciate your patience!",
        "Yes, very nice, I have so much patience, 2 months, very fast service, thank you so much.",
    ),
    (
        "Data roaming in Japan is 5 kbps.",
        "Enjoy fast and reliable roaming in 80+ countries!",
        "fast and reliable lol. one email per hour. amazing",
    ),
    (
        "THIRD TIME THE PIPELINE DROPPED ROWS",
        "We're glad to help!",
        "OH YES, SO GLAD. THANK YOU SO MUCH FOR NOTHING.",
    ),
    (
        "I was charged a fee for a viewing you cancelled.",
        "That's our standard policy.",
        "Of course it is. Love paying for viewings that never happened. Great business model.",
    ),
    (
        "My take-home pay went down after my raise.",
        "Congratulations on your raise!",
        "Thanks! Nothing says congratulations like taking home less money. Really appreciate it.",
    ),
)

_GIVING_UP = (
    (
        "How do I add my new roof to the home insurance?",
        "You can update your property details in the app.",
        "Forget it, I'll call my broker instead.",
    ),
    (
        "the payslip download doesn't work",
        "Please try a different browser.",
        "never mind. i'll ask accounting for a paper copy",
    ),
    (
        "Can you make the blinds close at sunset?",
        "Sunset automations need location services enabled.",
        "Ugh, never mind, I'll just close them by hand like it's 1990.",
    ),
    (
        "I can't activate roaming for Morocco.",
        "Roaming activation can take up to 24 hours.",
        "Whatever. I'll buy a local SIM at the airport.",
    ),
    (
        "Backfill the events table for November please.",
        "Backfills over 7 days need an approval ticket.",
        "ok I give up, I'll write the SQL by hand",
    ),
    (
        "I want make claim for my broken phone.",
        "Please fill in the online form.",
        "Is too complicated, I stop. I will not claim, forget it.",
    ),
    (
        "The listing photos won't upload.",
        "Photos must be JPG and under 5 MB.",
        "I've spent an hour on this already. I'm done trying.",
    ),
    (
        "HOW DO I SUBMIT MY TIMESHEET",
        "Timesheets are under Time → Submit.",
        "FORGET IT. NOT WORTH IT.",
    ),
    (
        "the camera keeps dropping off the wifi",
        "Move the router closer to the camera.",
        "meh 🤷 i'll live without the camera then",
    ),
    (
        "My claim form keeps timing out.",
        "Please save your progress regularly.",
        "Not worth the hassle for a €150 claim. I'll just pay it myself.",
    ),
    (
        "why does my pipeline not pick up new files?",
        "The file sensor polls every 5 minutes.",
        "doesn't matter anymore, we'll move it to cron ourselves",
    ),
    (
        "I cant see the mortgage documets",
        "Documents appear in the Vault once they are signed.",
        "nvm, giving up on this, too much hasle",
    ),
    (
        "The plug won't pair with the hub.",
        "Reset the plug by holding its button for 5 seconds.",
        "I'm out of patience. It goes back to the store, I'm not fiddling with it anymore.",
    ),
)

_AGENT_COMPLAINT = (
    (
        "My claim is stuck.",
        "Claims are processed in the order they arrive.",
        "You're not listening to me. I said it's STUCK, not slow.",
    ),
    (
        "fix my tax code pls",
        "Your tax code is set by the tax office.",
        "you keep giving me the same canned answer. useless bot",
    ),
    (
        "Turn off the garden lights.",
        "Turning on the garden lights.",
        "You turned them ON. Do you even read what I type?",
    ),
    (
        "Is roaming in Switzerland included?",
        "Roaming is included in EU countries.",
        "Switzerland isn't in the EU. This assistant is clueless.",
    ),
    (
        "The warehouse load failed.",
        "Great news, your load finished successfully!",
        "It did NOT. You're just making things up now.",
    ),
    (
        "i need the landlord's phone number",
        "Please see the FAQ for contact options.",
        "stop sending me to the FAQ every time, you're the worst support bot i've ever used",
    ),
    (
        "My holidays balance is wrong.",
        "Your balance is 12 days.",
        "You don't understand my question. You are very bad assistant.",
    ),
    (
        "PIPELINE STATUS?",
        "Could you clarify what you mean?",
        "YOU ARE HOPELESS. IT WAS A SIMPLE QUESTION.",
    ),
    (
        "change the thermostat schedule to 7am",
        "I'm sorry, I didn't understand that.",
        "third time you didn't understand 🤦 this bot is a joke",
    ),
    (
        "My pet insurance claim was rejected.",
        "Can you tell me your policy number?",
        "I gave it to you twice already. Do you have no memory at all?",
    ),
    (
        "Can I roam in the US with my plan?",
        "Please check our website.",
        "What are you even for if all you say is check the website? Pointless.",
    ),
    (
        "Which flats under 1200 are near the station?",
        "Here are 40 flats across the city.",
        "You ignored half my question: not near the station, not under 1200. Terrible.",
    ),
    (
        "wheres my payslip",
        "Payslips are in Documents.",
        "its not there, youre so unhelpfull honestly, every single time",
    ),
)

_CANCEL = (
    (
        "Third time my claim is delayed.",
        "We're sorry for the delay.",
        "I'm cancelling my policy and moving to another insurer.",
    ),
    (
        "the payroll software crashed again on payday",
        "We're investigating.",
        "We're evaluating other payroll providers. One more time and we end the contract.",
    ),
    (
        "The hub disconnects every night.",
        "Try a factory reset.",
        "I'm sending the whole system back and asking for a refund.",
    ),
    (
        "€180 of roaming for one day?!",
        "Those are our standard rates.",
        "Then close my account. I'm porting my number to another carrier.",
    ),
    (
        "the pipeline tool lost our data twice",
        "Our team is looking into it.",
        "we're not renewing next quarter. already trialling a competitor",
    ),
    (
        "The property manager hasn't fixed the heating in 3 weeks.",
        "I've escalated the request.",
        "I'm terminating my rental agreement over this. Send me the termination form.",
    ),
    (
        "Again the app not show my salary.",
        "Please update the app.",
        "I want cancel my subscription of this app, it is never working.",
    ),
    (
        "NO SIGNAL AGAIN",
        "Please restart your phone.",
        "CANCEL MY CONTRACT. DONE WITH YOU PEOPLE.",
    ),
    (
        "the smart lock app logged me out again",
        "Please log in again.",
        "honestly thinking about dropping the premium plan 😤",
    ),
    (
        "My premium went up again.",
        "Premiums are reviewed yearly.",
        "How do I cancel? Your competitor quoted me half.",
    ),
    (
        "roaming didnt work the whole trip",
        "Sorry for the inconvenience.",
        "im gonna switch to another provder after this, seriosly",
    ),
    (
        "The data warehouse has been down all morning.",
        "We'll update the status page.",
        "If the SLA is missed again we will terminate the subscription. Please note that.",
    ),
    (
        "The agent never called me back about the house.",
        "Your agent will reach out soon.",
        "Take my listing off your site, I'm going with another agency.",
    ),
)

_POLITENESS = (
    (
        "What's the excess on my car insurance?",
        "Your excess is €250 per claim.",
        "Ok, thanks. That's all.",
    ),
    ("when do payslips come out", "Payslips are published on the 25th.", "ok thx"),
    (
        "Is the Elm Street flat pet-friendly?",
        "Cats are allowed, dogs are not.",
        "Alright, thank you for the info. Have a nice day.",
    ),
    (
        "Does my plan include roaming in Mexico?",
        "Mexico is not included; a day pass costs $10.",
        "Got it. Thanks, bye 👋",
    ),
    ("What time does the nightly export run?", "It runs at 02:00 UTC.", "Thanks."),
    (
        "Can I change the thermostat schedule from the app?",
        "Yes, under Schedule → Edit.",
        "okay thank you",
    ),
    (
        "How many days I have for report a claim?",
        "You have 30 days from the incident.",
        "Ok, thank you very much. Goodbye.",
    ),
    (
        "WHAT IS THE DEADLINE FOR EXPENSES",
        "Expenses must be submitted by the 20th.",
        "OK THANKS",
    ),
    (
        "Is the deposit refundable?",
        "Yes, within 14 days of the end of the lease.",
        "Noted, thanks. Bye.",
    ),
    (
        "Which timezone are the pipeline schedules in?",
        "All schedules are in UTC.",
        "understood, cheers",
    ),
    ("How do I add a guest code to the lock?", "Open Lock → Guests → Add code.", "k, ty"),
    (
        "Do I need a new SIM for roaming?",
        "No, your current SIM works abroad.",
        "Thanks for answering. That's everything from me.",
    ),
    ("When is the open house for Maple Ave?", "Saturday from 11 to 1.", "Okay, thanks, goodbye!"),
)

_SATISFIED = (
    (
        "My claim payment didn't arrive.",
        "It went to an old account. I've reissued it to the account ending 4410; it arrives "
        "tomorrow.",
        "It's already showing as pending in my bank. Thank you so much, that's sorted!",
    ),
    (
        "payslip shows the wrong tax code",
        "I've corrected the tax code to 1257L and reissued the payslip.",
        "just checked, the new payslip is right. brilliant, thanks!",
    ),
    (
        "The lights won't respond to voice commands.",
        "I re-linked the hub to your voice assistant.",
        "Yes!! They work again. You're a lifesaver 🙌",
    ),
    (
        "Roaming not working in Italy.",
        "I've enabled the roaming profile on your line; please restart the phone.",
        "Restarted and I have 4G now. Perfect, thank you!",
    ),
    (
        "The orders table didn't load last night.",
        "I re-ran the load for 2026-12-02 and it finished with 48,211 rows.",
        "Confirmed, the dashboard is correct again. Great work, thanks.",
    ),
    (
        "I cannot sign the lease online.",
        "I sent you a new signing link that works on mobile.",
        "It work now, I signed it! Very good help, thank you.",
    ),
    (
        "OVERTIME MISSING",
        "I found the approval; the overtime will be paid in an off-cycle run on Friday.",
        "AWESOME, THANK YOU!! EXACTLY WHAT I NEEDED",
    ),
    (
        "the thermostat keeps resetting",
        "I pushed a firmware update that fixes the reset bug.",
        "it held the temperature all night 😊 fixed, thanks a lot",
    ),
    (
        "Can you explain why my premium went up?",
        "Your no-claims discount dropped after the 2025 claim; it comes back next year.",
        "That makes sense now, a really clear explanation. Thank you.",
    ),
    (
        "my bank detials for salary are wrong",
        "I've updated them to the new account; this month's pay goes there.",
        "perfecto, that fixed it, thx so much!!",
    ),
    (
        "The backfill keeps timing out.",
        "I split it into daily chunks; all 30 finished.",
        "Excellent, all the numbers line up. Much appreciated, this saved my week.",
    ),
    (
        "I need a viewing this weekend.",
        "Booked: Saturday 10:30 at 12 Elm Street, confirmation sent.",
        "Got the confirmation, wonderful. Thanks for being so quick!",
    ),
)

_CALM = (
    (
        "What does roaming cost in Japan?",
        "Japan is €9 per day with the Travel Pass.",
        "Sorry, could you repeat the daily price? I missed it.",
    ),
    (
        "I'd like to book a viewing for Saturday.",
        "You're booked for Saturday at 11.",
        "Actually, can I cancel the Saturday slot and take Sunday instead?",
    ),
    (
        "Is my car covered if a friend drives it?",
        "Yes, any licensed driver with your permission is covered.",
        "Good. And if I give up my second car, does the premium go down?",
    ),
    (
        "How do I set up the new smart lock?",
        "It's self-install: the app walks you through it in about 15 minutes.",
        "Can a person from your team install it instead, or is it self-install only?",
    ),
    (
        "What happens to my pension if I quit in March?",
        "Your pension stays with the provider and you keep your contributions.",
        "Thanks, that helps. So I didn't need the transfer form after all.",
    ),
    (
        "The pipeline failed last night, is that known?",
        "Yes, an upstream outage; it has been rerun and all tables are current.",
        "Great, no need to escalate then. Thanks!",
    ),
    (
        "I want to stop the roaming package when I come back home.",
        "It stops automatically when the 7 days end.",
        "Ah ok, so I don't need to cancel nothing. Good.",
    ),
    (
        "Does cancelling the premium plan delete my camera recordings?",
        "Recordings are kept for 30 days after cancelling.",
        "Understood, I'll download them first, thank you.",
    ),
    (
        "Who is the person handling my claim?",
        "Your adjuster is Dana Ruiz, dana.ruiz@claims.example.",
        "Perfect, I'll email her directly.",
    ),
    (
        "Can the lights schedule repeat every weekday?",
        "Done: the schedule now repeats Monday to Friday.",
        "Nice. Could it skip public holidays too?",
    ),
    (
        "Did the claim for the broken window go through?",
        "Yes, it was approved on Monday and paid on Tuesday.",
        "Ok, never mind my earlier email then, all good.",
    ),
    (
        "HOW DO I CANCEL A SINGLE PAYMENT RUN, NOT THE WHOLE PAYROLL?",
        "Open Runs, pick the run and choose Void.",
        "OK GOT IT, THANKS",
    ),
    (
        "My tenant wants to cancel her lease. How much notice does she need?",
        "Two months, in writing.",
        "Thanks, I'll let her know.",
    ),
    (
        "Which error codes can the sync job return?",
        "E101 (auth), E204 (schema drift) and E500 (server).",
        "Thanks, I'll add those to our runbook so nobody has to ask again.",
    ),
)

# --- Issues: (the ask, the tool turn[, the agent's next words]) -------------------------------

_PERMISSION = (
    (
        "Upload the police report to claim CL-5521.",
        _t(
            "claims_upload",
            "PermissionDenied: service account 'chat-bot' lacks scope claims.documents:write",
        ),
    ),
    (
        "Show me my colleague's payslip, I'm her manager.",
        _t(
            "payroll_get_payslip",
            "AccessDenied: user u-2231 is not authorized to read payslips of employee e-7781",
        ),
    ),
    (
        "Unlock the back door.",
        _t("lock_control", "Forbidden: this device belongs to another household"),
    ),
    (
        "Enable roaming on my second line.",
        _t("line_features", "Not authorized: caller lacks permission 'roaming.enable' on account"),
    ),
    (
        "Load the new CSV into analytics.sales.",
        _t(
            "warehouse_load",
            "SQL access control error: Insufficient privileges to operate on table 'SALES'",
        ),
    ),
    (
        "Read yesterday's raw events from the bucket.",
        _t(
            "s3_read",
            "User: arn:aws:iam::123456789012:role/etl is not authorized to perform: s3:GetObject "
            "on resource: arn:aws:s3:::raw-events/2026/12/02",
        ),
    ),
    (
        "Copy the report to /var/exports.",
        _t("shell", "cp: cannot create regular file '/var/exports/report.csv': Permission denied"),
    ),
    (
        "Publish the listing for 14 Oak Road.",
        _t("mls_publish", "insufficient_scope: token has [listings:read], needs [listings:write]"),
    ),
    (
        "change the nursery thermostat to 20",
        _t("thermostat_set", "ACCESS DENIED - guest accounts cannot change device settings"),
    ),
    (
        "Update the employee's bank details.",
        _t("hr_update", "PERMISSION_DENIED: The caller does not have permission"),
    ),
    (
        "Fetch my mortgage pre-approval letter.",
        _t("docs_fetch", "You do not have access to this document. Ask the owner to share it."),
    ),
    (
        "Push the pipeline config to prod.",
        _t("git_push", "remote: Permission to acme/pipelines.git denied to etl-bot."),
    ),
    ("OPEN THE GARAGE", _t("garage_control", "Operation not permitted (EPERM)")),
)

_EXCEPTION = (
    (
        "Look up claim 88-1123.",
        _t("claims_lookup", "NullPointerException in ClaimRepository.findById"),
    ),
    (
        "Calculate my net pay for December.",
        _t("payroll_calc", "ZeroDivisionError: division by zero"),
    ),
    ("Get the roaming rates for Peru.", _t("roaming_rates", "KeyError: 'PE'")),
    (
        "Set the bedroom to 21 degrees.",
        _t("thermostat_set", "DeviceUnreachableException: hub did not answer within 5000 ms"),
    ),
    (
        "Run the orders pipeline.",
        _t(
            "airflow_trigger",
            "airflow.exceptions.DagNotFound: Dag id orders_daily not found in DagModel",
        ),
    ),
    (
        "Find flats under 1500 near the park.",
        _t("listing_search", "java.lang.IllegalArgumentException: radius must be positive"),
    ),
    (
        "Pull last month's timesheets.",
        _t("timesheets", "System.InvalidOperationException: Sequence contains no elements"),
    ),
    (
        "connect to the warehouse and count the rows in orders",
        _t(
            "warehouse_query",
            "psycopg2.OperationalError: could not connect to server: Connection refused",
        ),
    ),
    (
        "Show me the front camera.",
        _t("camera_feed", "TypeError: Cannot read properties of undefined (reading 'streamUrl')"),
    ),
    (
        "Get the photos attached to my claim.",
        _t("storage_get", "botocore.exceptions.NoCredentialsError: Unable to locate credentials"),
    ),
    (
        "Estimate the monthly mortgage payment at 3.5%.",
        _t("mortgage_calc", "ValueError: could not convert string to float: '3,5%'"),
    ),
    ("Activate the travel pass.", _t("provisioning", "SocketTimeoutException: Read timed out")),
    (
        "List the employees on leave in department 44.",
        _t("hr_query", "ActiveRecord::RecordNotFound: Couldn't find Department with 'id'=44"),
    ),
)

_TRACEBACK = (
    (
        "File a claim for the burst pipe.",
        _t(
            "claims_create",
            "Traceback (most recent call last):\n"
            '  File "/srv/claims/api.py", line 88, in submit\n'
            "    claim = repo.create(payload)\n"
            '  File "/srv/claims/repo.py", line 41, in create\n'
            "    raise IntegrityError(msg)\n"
            "sqlalchemy.exc.IntegrityError: duplicate key value violates unique constraint "
            '"claims_pkey"',
        ),
    ),
    (
        "Close the November payroll run.",
        _t(
            "payroll_close",
            "java.lang.ArithmeticException: / by zero\n"
            "\tat com.acme.payroll.TaxCalculator.compute(TaxCalculator.java:212)\n"
            "\tat com.acme.payroll.RunService.close(RunService.java:77)\n"
            "\tat java.base/java.lang.Thread.run(Thread.java:833)",
        ),
    ),
    (
        "Move the heating schedule one hour earlier.",
        _t(
            "thermostat_schedule",
            "RangeError: Invalid time value\n"
            "    at Date.toISOString (<anonymous>)\n"
            "    at formatSchedule (/app/src/schedule.js:31:18)\n"
            "    at /app/src/routes/thermostat.js:12:9",
        ),
    ),
    (
        "Which roaming zone is Kenya in?",
        _t(
            "roaming_zone",
            "panic: runtime error: index out of range [3] with length 3\n\n"
            "goroutine 17 [running]:\n"
            "main.(*Roaming).Zone(...)\n"
            "\t/go/src/roaming/zone.go:54 +0x1d4",
        ),
    ),
    (
        "Ingest the new partner feed.",
        _t(
            "ingest",
            "thread 'main' panicked at 'called `Option::unwrap()` on a `None` value', "
            "src/ingest.rs:118:42\n"
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
        ),
    ),
    (
        "What's the price per square metre of the Birch Lane house?",
        _t(
            "listing_get",
            "/app/models/listing.rb:45:in `price_per_sqm': undefined method `/' for "
            "nil:NilClass (NoMethodError)\n"
            "\tfrom /app/controllers/listings_controller.rb:12:in `show'",
        ),
    ),
    (
        "Re-open payroll run 311.",
        _t(
            "payroll_runs",
            "Unhandled exception. System.NullReferenceException: Object reference not set to an "
            "instance of an object.\n"
            "   at Payroll.Runs.Reopen(Int32 runId) in C:\\src\\Payroll\\Runs.cs:line 93\n"
            "   at Payroll.Program.Main(String[] args)",
        ),
    ),
    (
        "run the dedupe dag now",
        _t(
            "airflow_trigger",
            '{"ok": false, "trace": "Traceback (most recent call last):\\n  File \\"dag.py\\", '
            'line 12, in <module>\\n    run()\\nRuntimeError: upstream task failed"}',
        ),
    ),
    (
        "Pair the new motion sensor.",
        _t(
            "zigbee_pair",
            '  File "/opt/hub/zigbee.py", line 301, in pair\n'
            "    dev = self._devices[ieee]\n"
            "KeyError: '00:17:88:01:0b:2c:44:ee'",
        ),
    ),
    (
        "What does roaming cost in Brazil?",
        _t(
            "roaming_rates",
            "PHP Fatal error:  Uncaught Exception: Rate table missing in "
            "/var/www/roaming/rates.php:77\n"
            "Stack trace:\n"
            "#0 /var/www/roaming/index.php(14): getRate('BR')\n"
            "#1 {main}\n"
            "  thrown in /var/www/roaming/rates.php on line 77",
        ),
    ),
    (
        "Recompute the weekly revenue aggregates.",
        _t(
            "spark_submit",
            "org.apache.spark.SparkException: Job aborted due to stage failure: Task 3 in stage "
            "7.0 failed 4 times\n"
            "\tat org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages"
            "(DAGScheduler.scala:2672)\n"
            "\tat org.apache.spark.scheduler.DAGScheduler.abortStage(DAGScheduler.scala:2608)",
        ),
    ),
    (
        "Send the lease to the tenant for signing.",
        _t(
            "esign_send",
            "node:internal/process/promises:288\n"
            "            triggerUncaughtException(err, true /* fromPromise */);\n"
            "            ^\n\n"
            "[UnhandledPromiseRejection: This error originated either by throwing inside of an "
            "async function without a catch block]",
        ),
    ),
    (
        "build the dbt docs",
        _t(
            "dbt",
            "Traceback (most recent call last):\n"
            '  File "/usr/local/bin/dbt", line 8, in <module>\n'
            "    sys.exit(main())\n"
            "PermissionError: [Errno 13] Permission denied: '/project/target/manifest.json'",
        ),
    ),
)

_HTTP = (
    (
        "Submit the claim.",
        _t("claims_submit", "HTTP/1.1 503 Service Unavailable\nRetry-After: 120"),
    ),
    (
        "Get employee 7781's record.",
        _t("hr_get", 'HTTP/2 404 \ncontent-type: application/json\n\n{"message": "not found"}'),
    ),
    ("Dim the kitchen lights.", _t("lights", "502 Bad Gateway\nnginx/1.24.0")),
    (
        "Check my roaming balance.",
        _t(
            "balance",
            '< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Bearer error="invalid_token"',
        ),
    ),
    ("List the listings in SW4.", _t("mls_search", "Status: 429 Too Many Requests")),
    ("Trigger the warehouse sync.", _t("sync", "HTTP 500 Internal Server Error")),
    ("Fetch my payslip for November.", _t("payslips", "HTTP/1.0 504 Gateway Time-out")),
    ("book the 3pm viewing", _t("calendar_book", "HTTP/1.1 409 Conflict\nContent-Length: 0")),
    (
        "Update my address to 12 Rue Lamarck.",
        _t("profile_update", "Response: 422 Unprocessable Entity - field 'postcode' is invalid"),
    ),
    ("Arm the alarm.", _t("alarm", "HTTP/1.1 403 Forbidden")),
    ("Add a day pass for Chile.", _t("provisioning", "HTTP/2 400\nx-request-id: 7f3a")),
    (
        "Download the claim settlement letter.",
        _t(
            "docs_fetch",
            "The server responded 503 (Service Unavailable). Body: <html>maintenance</html>",
        ),
    ),
    ("Get the old pipeline config.", _t("config_get", "HTTP/1.1 410 Gone")),
)

_JSON = (
    ("Check claim 61-002.", _t("claims_lookup", '{"status": 500, "message": "internal"}')),
    ("Get my policy.", _t("policy_get", '{"status": "404", "detail": "policy not found"}')),
    (
        "Show the roaming usage.",
        _t("usage", '{"meta": {"request_id": "a1", "status": 503}, "data": null}'),
    ),
    ("Turn the heating up.", _t("thermostat_set", '{"statusCode": 429, "body": "slow down"}')),
    (
        "Approve my leave request.",
        _t("hr_leave", '{"status_code": 401, "reason": "token expired"}'),
    ),
    (
        "Switch off all the lamps.",
        _t("lights", '[{"device": "lamp-1", "status": 200}, {"device": "lamp-2", "status": 504}]'),
    ),
    (
        "Change my salary account to the new IBAN.",
        _t("payroll_bank", '{"response": {"http_status": 400, "errors": [{"field": "iban"}]}}'),
    ),
    (
        "What's the roaming rate in Kenya?",
        _t("roaming_rates", '{\n  "status": 502,\n  "upstream": "rates"\n}'),
    ),
    (
        "Book the Saturday viewing.",
        _t("calendar_book", '{"result": {"code": 409, "status": 409, "msg": "slot taken"}}'),
    ),
    (
        "Kick off the orders_daily job.",
        _t(
            "scheduler",
            '{"job": "orders_daily", "trigger": {"status": 500, "text": "unavailable"}}',
        ),
    ),
    ("Unlock the shed.", _t("lock_control", "{'status': 403, 'error': 'forbidden'}")),
    ("List open houses this weekend.", _t("mls_search", '{"data":[],"status":404}')),
    (
        "Export the payroll journal.",
        _t("payroll_export", '{"Status": 500, "Message": "An error has occurred."}'),
    ),
)

_ERROR_PREFIX = (
    (
        "Check my claim status.",
        _t("claims_lookup", "error: could not resolve host 'claims.internal'"),
    ),
    ("Add my overtime to this run.", _t("payroll_edit", "Error: payroll run 2026-12 is locked")),
    (
        "Count yesterday's orders.",
        _t("warehouse_query", 'ERROR:  relation "staging.orders" does not exist'),
    ),
    ("Set the lamp to 40%.", _t("lights", "failed to set brightness: device offline")),
    (
        "Activate the travel pass on my line.",
        _t("provisioning", "Failed to activate travel pass for line 07700900123"),
    ),
    (
        "Publish the listing.",
        _t("mls_publish", "[ERROR] listing 14-OAK missing required field 'epc_rating'"),
    ),
    ("run the backfill", _t("backfill", "error - quota exceeded for project analytics-prod")),
    (
        "Schedule a viewing on Friday.",
        _t("calendar_book", "FAILED to schedule viewing: calendar unavailable"),
    ),
    ("Generate my P60.", _t("docs_generate", "Error occurred while generating the P60.")),
    ("Pull the partner feed.", _t("fetch_feed", "failed: upstream returned no data")),
    (
        "Sync the hub.",
        _t(
            "hub_sync", 'level=error msg="sync failed" device=hub-2 err="context deadline exceeded"'
        ),
    ),
    (
        "Get the notes on claim 77-310.",
        _t("claims_notes", "Failed to fetch claim 77-310: connection reset"),
    ),
    (
        "Show my leave balance.",
        _t("hr_query", "ERROR 2003 (HY000): Can't connect to MySQL server on 'hr-db' (111)"),
    ),
)

# (the ask, an unremarkable tool reply, the agent's apology)
_APOLOGY = (
    (
        "File a claim for my cracked phone screen.",
        _t("claims_create", '{"result": null}'),
        "Sorry, something went wrong while I tried to file that claim.",
    ),
    ("Send me my P60.", _t("docs_send", ""), "Apologies, I wasn't able to send the P60 just now."),
    (
        "Turn on the porch light.",
        _t("lights", "ok"),
        "Hmm, sorry, the porch light didn't respond to that.",
    ),
    (
        "Activate roaming for my trip to Chile.",
        _t("provisioning", '{"request_id": "r-9921"}'),
        "I'm sorry, the activation didn't go through on our side.",
    ),
    (
        "Rerun last night's load.",
        _t("airflow_trigger", '{"dag_run_id": null}'),
        "Unfortunately I couldn't start the rerun. My apologies.",
    ),
    (
        "Book me the Sunday 2pm viewing.",
        _t("calendar_book", "{}"),
        "Sorry about that, I couldn't book the slot.",
    ),
    (
        "lock all the doors pls",
        _t("lock_control", '{"queued": 3}'),
        "So sorry, I couldn't lock the doors from here.",
    ),
    (
        "Update my home address for payroll.",
        _t("hr_update", "done"),
        "Oops, sorry, that doesn't seem to have saved. Let me try again.",
    ),
    (
        "Get my roaming usage for last week.",
        _t("usage", "[]"),
        "Apologies, I ran into a problem pulling your usage.",
    ),
    (
        "Put the thermostat in eco mode at night.",
        _t("thermostat_schedule", '{"id": "sch-2"}'),
        "I'm afraid something went wrong on my end while setting that up, sorry.",
    ),
    (
        "Download the signed lease.",
        _t("docs_fetch", "<empty>"),
        "Sorry! I hit a snag retrieving the lease.",
    ),
    (
        "Pause the sync job.",
        _t("jobs", '{"state": "unknown"}'),
        "I apologise, the pause request did not succeed.",
    ),
    (
        "Add my partner to the policy.",
        _t("policy_update", '{"version": 7}'),
        "My apologies, I wasn't able to add your partner to the policy this time.",
    ),
)

# (the ask, a successful tool reply with failure words, the agent's next words)
_OK_TOOL = (
    (
        "How many claims were rejected this month?",
        _t("claims_stats", '{"status": 200, "rejected": 14, "approved": 203}'),
        "14 claims were rejected and 203 approved this month.",
    ),
    (
        "Run the payroll check.",
        _t("payroll_check", '{"errors": [], "warnings": 0, "status": "passed"}'),
        "The payroll check passed with no errors.",
    ),
    (
        "Turn on the hallway light.",
        _t("lights", 'HTTP/1.1 200 OK\n{"state": "on"}'),
        "The hallway light is on.",
    ),
    (
        "Did last night's pipeline have failures?",
        _t("runs", '{"failed_tasks": 0, "succeeded_tasks": 42}'),
        "No failures: all 42 tasks succeeded.",
    ),
    (
        "Show the hub's error log summary.",
        _t("hub_logs", "error_count=0 last_error=null uptime=14d"),
        "No errors logged in the last 14 days.",
    ),
    (
        "Were any of my roaming requests denied last month?",
        _t("roaming_requests", '{"denied": [], "approved": 3}'),
        "None were denied; 3 were approved.",
    ),
    (
        "What's the status of my claim?",
        _t("claims_lookup", '{"claim": "88-1123", "status": "approved", "payout": 1250}'),
        "Your claim is approved and €1,250 is on its way.",
    ),
    (
        "Look up error code E204 for me.",
        _t("docs_search", "E204: schema drift detected. Fix: re-run the schema sync."),
        "E204 means schema drift; re-running the schema sync fixes it.",
    ),
    (
        "Book the viewing.",
        _t("calendar_book", '{"booked": true, "slot": "Sat 10:30"}'),
        "Sorry for the wait! You're booked for Saturday at 10:30.",
    ),
    (
        "Submit my expenses.",
        _t("expenses_submit", "Submitted 4 items. 0 failed."),
        "All 4 items were submitted.",
    ),
    (
        "Retry Monday's failed load.",
        _t("airflow_trigger", '{"dag_run_id": "manual__2026-12-01", "state": "success"}'),
        "The retry of Monday's load succeeded.",
    ),
    (
        "Is the garage door sensor OK?",
        _t("sensors", '{"sensor": "garage", "battery": 81, "fault": false}'),
        "The sensor is fine, battery at 81%.",
    ),
    (
        "Who can edit the shared lease folder?",
        _t(
            "drive_permissions",
            '{"owner": "you", "denied_users": [], "editors": ["agent@realty.example"]}',
        ),
        "Only you and the agency can edit it; nobody is blocked.",
    ),
    (
        "Activate the travel pass.",
        _t("provisioning", '{"activated": true}'),
        "Apologies for the delay, your travel pass is active now.",
    ),
)

# whole conversations: the user asks for a person and the agent neither hands off nor says why not
_UNMET = (
    (
        "My home claim was underpaid by €2,000.",
        "Payouts follow the assessor's report.",
        "I want to speak to a claims manager.",
        "Payouts follow the assessor's report, which you can find under Documents.",
    ),
    (
        "my pension contribution is wrong",
        "Contributions are 5% of gross pay.",
        "can i talk to a human in payroll please",
        "Sure! Contributions are calculated as 5% of your gross salary each month.",
    ),
    (
        "The smart lock is jammed and I'm stuck outside.",
        "Try the backup code.",
        "I need a real person on the phone NOW.",
        "Have you tried the backup code? It's in the app under Lock → Codes.",
    ),
    (
        "Roaming charges of €400.",
        "Roaming rates apply outside the EU.",
        "get me an agent",
        "Is there anything else I can help you with today?",
    ),
    (
        "The pipeline deleted production data.",
        "Deletions can be restored from backups within 7 days.",
        "Page the on-call engineer, I need a human on this.",
        "Backups are kept for 7 days. You can restore from the Backups tab.",
    ),
    (
        "The landlord won't return my deposit.",
        "Deposits are returned within 14 days.",
        "Please connect me to someone from the agency.",
        "I understand. Deposits are returned within 14 days of the lease ending.",
    ),
    (
        "Salary not arrive this month.",
        "Salaries are paid on the 28th.",
        "I want talk with person, please, not with robot.",
        "Salaries are paid on the 28th of each month.",
    ),
    (
        "CLAIM DENIED FOR NO REASON",
        "Denial reasons are in your letter.",
        "HUMAN. NOW.",
        "I'm here to help! Could you share your claim number?",
    ),
    (
        "thermostat broke the boiler??",
        "Let's check the thermostat settings.",
        "pls transfer me to a technician 🙏",
        "Sure, let's look at the settings first. Which mode is it in?",
    ),
    (
        "my offer was rejectd without reason",
        "Sellers don't have to give reasons.",
        "can i speek to the realtor pls, a real persn",
        "Sellers may accept or reject offers at their discretion.",
    ),
    (
        "Data roaming doesn't work in Kenya.",
        "Kenya is in zone 4; roaming must be enabled.",
        "It is enabled. Let me talk to a support person.",
        "Please check that data roaming is enabled in your phone settings.",
        "I said it IS enabled. A human please.",
        "Roaming in zone 4 costs €12 per day.",
    ),
    (
        "The nightly job has failed 3 nights in a row.",
        "Jobs can fail when upstream data is late.",
        "Can you escalate this to your support team?",
        "Upstream delays are the most common reason for job failures.",
    ),
    (
        "I was charged twice for my premium.",
        "Premiums are collected on the 1st.",
        "I'd like a callback from a person about this refund.",
        "Your premium is collected on the 1st of every month by direct debit.",
    ),
)

# whole conversations: the agent hands off, or says why it cannot
_MET = (
    (
        "My home claim was underpaid.",
        "Payouts follow the assessor's report.",
        "I want to speak to a claims manager.",
        "Of course. I'm transferring you to a claims manager now; the wait is about 4 minutes.",
    ),
    (
        "my pension contribution is wrong",
        "Contributions are 5% of gross pay.",
        "can i talk to a human in payroll",
        "I've opened a ticket for the payroll team; someone will email you within one business "
        "day.",
    ),
    (
        "Roaming charges of €400!",
        "Roaming rates apply outside the EU.",
        "get me an agent",
        "Connecting you with a billing agent now, please hold.",
    ),
    (
        "The pipeline deleted data.",
        "Restores are possible within 7 days.",
        "Page the on-call engineer.",
        "I've paged the on-call data engineer (Priya); she'll join this chat shortly.",
    ),
    (
        "The smart lock is jammed.",
        "Try the backup code.",
        "I need a real person.",
        "Phone support is closed overnight, so I can't connect you now; it opens at 8am. "
        "Meanwhile the backup code is under Lock → Codes.",
    ),
    (
        "The landlord won't return my deposit.",
        "Deposits are returned within 14 days.",
        "Please connect me to someone from the agency.",
        "I can't transfer chats to the agency, but your agent Tom is at 020 7946 0011.",
    ),
    (
        "salary not arrive",
        "Salaries are paid on the 28th.",
        "I want talk with person",
        "Okay, I'm handing this conversation to an HR colleague. They will answer here.",
    ),
    (
        "CLAIM DENIED",
        "Denial reasons are in your letter.",
        "HUMAN. NOW.",
        "Understood. A claims specialist will call you back today at the number on file.",
    ),
    (
        "thermostat broke the boiler",
        "Let's check the settings.",
        "transfer me to a technician",
        "I've booked a technician visit for tomorrow 9–12 and sent the confirmation by SMS.",
    ),
    (
        "my offer was rejected",
        "Sellers don't have to give reasons.",
        "can I speak to the realtor",
        "Sure, I've asked Maria, your realtor, to call you; she usually calls back within the "
        "hour.",
    ),
    (
        "The nightly job failed 3 nights in a row.",
        "Upstream data can be late.",
        "Can you escalate this to support?",
        "Escalated: ticket SUP-4410 is with the platform team at high priority.",
    ),
    (
        "Charged twice for my premium.",
        "Premiums are collected on the 1st.",
        "I'd like a callback from a person.",
        "I'm an automated assistant and can't book calls, but the billing team answers on "
        "0800 123 456, Monday to Friday 8–6.",
    ),
)


HELDOUT21: dict[str, tuple[Conv, ...]] = forms_of(globals())
# what each form must read (the wants of facet_robustness_set.hit): batch 20's
WANTS21: dict[str, tuple[tuple[str, str], ...]] = WANTS20


def split21(part: str, seed: int = SPLIT_SEED_21) -> dict[str, tuple[Conv, ...]]:
    """`dev` or `test`: each form's cases shuffled once by the seed, the first half (rounded up)
    to dev, the rest to test."""
    return split_forms(HELDOUT21, part, seed)
