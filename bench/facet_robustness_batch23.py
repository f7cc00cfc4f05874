"""Held-out batch 23 of the robustness set (bench/facet_robustness_set.py): every failure form of
issue 14, phrased anew, with calm look-alikes for the precision side.

Written for session 24 (helper fresh) BEFORE reading any rule code or earlier batch's cases (only
issue 14, the form names and output format of the set, and batch 22's module shape and domains
list), and committed alone before it was measured: the first figure on it is a fresh-batch
figure. Domains batches 20 to 22 did not use: energy and water utility billing (smart meters,
tariffs, direct debits), recruiting and an applicant-tracking system (requisitions, candidates,
interview loops, offer letters), a hotel property-management system (folios, room status, channel
manager, night audit), fintech card disputes (chargebacks, provisional credit, merchant
evidence), museum and attraction tickets (timed entry, memberships, group visits), a data
warehouse / SQL agent (queries, schemas, dashboards), a pharmacy refill service, a self-storage
facility and a crowdfunding platform. Registers: terse, rambling, non-native English, typos, ALL
CAPS, emoji, slang and dialect, formal, and long multi-turn conversations.

Forms and what a correct summarizer reads (batch 20's wants, plus batch 22's look-alike form):

- Sentiment NEGATIVE: `didnt_help`, `repeated_request`, `ask_human`, `sarcasm`, `giving_up`,
  `agent_complaint`, `cancel_talk` (each the user's last turn after the agent's answer).
- Sentiment NEUTRAL: `politeness` (a routine closing after a plain answer is no satisfaction).
- Issues "Failed tool call": `permission_denied`, `exception_name`, `traceback`,
  `http_status_line`, `json_status`, `error_prefix` (the tool's reply), `apology_after_tool`
  (the tool's reply is unremarkable; the agent apologises right after it).
- Issues "Unmet escalation": `unmet_escalation` (the user asks for a person; the agent neither
  hands off nor says why not).

Look-alikes (precision):

- `satisfied` (Sentiment POSITIVE): the problem solved and acknowledged, or praise that is real.
- `calm_lookalike` (Sentiment not NEGATIVE): calm questions, success reports and polite asks
  that borrow the frustration forms' words.
- `ok_tool` (Issues not "Failed tool call"): successful tool replies with words such as error,
  failed, status, denied or an HTTP 200 line, and "sorry for the wait" after a success.
- `met_escalation` (Issues not "Unmet escalation"): asks for a person that the agent hands off
  or explains why not.
- `error_code_docs` (Sentiment not NEGATIVE, Issues not "Failed tool call"): the agent explains an
  error code the user asks about, no tool involved.

A turn whose role is `tool:<name>` is a tool call to <name> and its reply (the harness turns it
into an assistant tool call and a tool message). Split once by `SPLIT_SEED_23` into a development
part (`heldout23dev`, the only part rules may be tuned on) and a test part (`heldout23test`,
reported once), half of each form in each (the odd case to dev).
"""

from __future__ import annotations

# batch 20's builders and batch 22's wants: the batches have the same forms and the same shape
from facet_robustness_batch20 import _t, forms_of
from facet_robustness_batch22 import WANTS22
from held_out import Conv, split_forms

SPLIT_SEED_23 = 23


# --- Sentiment: (the ask, the agent's answer, the user's reply), or a longer exchange ----------

_DIDNT_HELP = (
    (
        "My electricity bill jumped to £312 this month, way above normal.",
        "High bills often follow an estimated reading. Submit a meter reading under Account → Readings and the bill will be recalculated.",
        "Submitted the reading yesterday, bill still says £312. Nothing changed.",
    ),
    (
        "The candidate pipeline view in the ATS is blank for the Senior Designer req.",
        "Try clearing the filters with the 'Reset view' button at the top right.",
        "reset view. still blank.",
    ),
    (
        "Room 508 shows as occupied in the PMS but the guest checked out this morning.",
        "Run the 'Sync room status' action from the housekeeping board.",
        "ok so i did the sync thing like 3 times and 508 is STILL occupied on the board, doesnt do anything",
    ),
    (
        "I disputed a charge from a hotel two weeks ago and haven't heard anything.",
        "Disputes usually take up to 10 business days. You can check progress under Card → Disputes.",
        "I have looked there, it only say 'in review' since 14 days. Your answer not solve my problem.",
    ),
    (
        "The QR code on my museum ticket won't scan at the gate.",
        "Increase your screen brightness to the maximum and try again.",
        "Brightness is all the way up, the scanner guy tried four times. Still a no 😩",
    ),
    (
        "My query against the orders table returns duplicate rows.",
        "Add DISTINCT to your SELECT and the duplicates should go away.",
        "DISTINCT didn't fix it, the rows differ in the updated_at column so they're not exact duplicates. Still getting 2x the revenue.",
    ),
    (
        "My repeat prescription for levothyroxine says 'awaiting approval' for a week.",
        "You can nudge the request by tapping 'Remind surgery' on the prescription.",
        "Tapped remind on Monday and again today. Still awaiting approval and I have 2 tablets left. That option clearly does nothing.",
    ),
    (
        "The gate code for my storage unit stopped working.",
        "Codes reset when a payment is late. Make a payment and it will reactivate within 15 minutes.",
        "Paid an hour ago, keypad still flashes red at me. Didn't work mate.",
    ),
    (
        "My backers can't see the new reward tier on the campaign page.",
        "Tiers need to be published, not just saved. Click Publish in the Rewards tab.",
        "IT IS PUBLISHED. I CLICKED PUBLISH. BACKERS STILL DONT SEE IT.",
    ),
    (
        "The direct debit for my water bill was taken twice.",
        "That can happen if the mandate was set up twice. Cancel the older one in your banking app.",
        "Ive cancelled the old one but that doesnt give me the second £48 back does it. Still out of pocket.",
    ),
    (
        "Offer letter template doesn't pull in the candidate's salary.",
        "Make sure the merge field is written as {{offer.salary}}.",
        "Checked, it's exactly {{offer.salary}}. Generated letter still shows a blank where the number should be. Useless suggestion tbh.",
    ),
    (
        "Booking.com reservations aren't coming into the PMS since last night.",
        "Please reconnect the channel manager under Integrations.",
        "Reconnected it.",
        "Great, new bookings should appear within a few minutes.",
        "It's been 40 minutes, nothing has come through and we just had a walk-in who says he booked online. Reconnecting did nothing.",
    ),
    (
        "Dashboard tiles show 'no data' after the warehouse migration.",
        "Refresh the dataset cache from the dashboard's menu.",
        "nah refreshing the cache didn't change a thing, tiles still empty",
    ),
)

_REPEATED = (
    (
        "I need to change my tariff to the fixed 12-month one.",
        "We have several tariffs; you can compare them on our website.",
        "I know. Like I said, I want to SWITCH to the fixed 12-month one. Can you do it or not?",
    ),
    (
        "Can you move Priya's onsite interview to Thursday 2pm?",
        "Sure, which candidate do you mean?",
        "Priya. Priya Natarajan. I wrote her name in the first message.",
    ),
    (
        "Please add a late checkout for reservation 77120.",
        "Could you give me the reservation number?",
        "77120. Already gave it to you.",
    ),
    (
        "I want to dispute the £89.99 charge from StreamFlix.",
        "What would you like to do with your card today?",
        "for the third time: dispute the 89.99 StreamFlix charge",
    ),
    (
        "Do you have wheelchair-accessible slots for the Egyptian wing on Saturday?",
        "Our museum is open 10:00 to 18:00 on Saturdays.",
        "Yes but I ask about WHEELCHAIR ACCESS slots. I ask this two times now.",
    ),
    (
        "Give me revenue by region for Q3, excluding refunds.",
        "Here is revenue by region for Q3: North 1.2M, South 0.9M, West 1.4M.",
        "Again, EXCLUDING refunds. Those numbers include them.",
    ),
    (
        "Refill my sertraline 50mg please.",
        "Which medication would you like to refill?",
        "sertraline 50mg. its literally in my first msg lol",
    ),
    (
        "I want to downsize from a 10x10 unit to a 5x10.",
        "Our units range from 5x5 to 10x30. What size are you interested in?",
        "Repeating myself here: moving FROM 10x10 TO 5x10. Same facility.",
    ),
    (
        "How do I issue a refund to one backer?",
        "You can manage your campaign settings under Dashboard.",
        "Asking once more, how do I refund ONE backer, not change settings",
    ),
    (
        "My gas meter serial is G4A0913. The reading on the bill is wrong.",
        "Could you give me your meter serial number?",
        "G4A0913 🙄 it's in the message right above",
    ),
    (
        "Reject candidate 4471 with the standard email.",
        "Okay. Which candidate should I update?",
        "4471",
        "And what would you like to do with them?",
        "Reject. With the standard email. Same as I said at the start, I've said this twice now.",
    ),
    (
        "Switch the group booking on 12 May from 25 to 30 pupils.",
        "Group bookings can be made for 10 to 40 visitors.",
        "I'm not making a new booking. I said CHANGE the 12 May one to 30 pupils. Third time writing this.",
    ),
    (
        "Why was my card declined at the petrol station?",
        "Declines can have several reasons. Is there anything else I can help with?",
        "Ye didnae answer. I'm askin again, why was ma card declined at the petrol station",
    ),
)

_ASK_HUMAN = (
    (
        "Why is there a £60 exit fee on my final bill?",
        "Exit fees apply when a fixed tariff ends early.",
        "I never agreed to a fixed tariff. Put me through to someone in billing, a real person.",
    ),
    (
        "Our ATS sent rejection emails to all 40 shortlisted candidates by mistake.",
        "You can view sent emails under Communications → Log.",
        "I need a human from your support team on this right now, this is a disaster.",
    ),
    (
        "The night audit failed and the PMS won't let us roll the date.",
        "Night audit can fail if folios are left open. Close all open folios and retry.",
        "all folios closed. i need a person from your support desk on the phone, we have check-ins waiting",
    ),
    (
        "My dispute got rejected but the merchant never shipped the item.",
        "Disputes are reviewed based on the evidence provided by both parties.",
        "Can I talk to an actual dispute officer please, not an automated reply.",
    ),
    (
        "We booked a school visit and half the tickets vanished from the booking.",
        "Booking details can be viewed in your account.",
        "Is there a staff member I could speak to? Preferably someone in the groups team.",
    ),
    (
        "This query times out every time on the 2B-row events table.",
        "Consider adding a filter on the partition column event_date.",
        "i need to escalate this to one of your data engineers, a human one",
    ),
    (
        "The pharmacy says my insulin refill was sent but I never got it.",
        "Deliveries can take 2-3 working days.",
        "It's been 6 days. I want to speak with the pharmacist directly please.",
    ),
    (
        "Someone else's lock is on my storage unit.",
        "Please make sure you're at the correct unit number.",
        "IM AT UNIT 88, MY UNIT. GET ME THE SITE MANAGER",
    ),
    (
        "My campaign got suspended with no explanation.",
        "Campaigns may be suspended for violating our guidelines.",
        "which ones?? let me talk to someone on the trust & safety team, a person pls",
    ),
    (
        "Por favor, the water company charge me for a house I sold in March.",
        "You can submit a move-out date in your account.",
        "I do this already. I want speak with an operator, a human person, please.",
    ),
    (
        "The interview scheduler double-booked the CTO.",
        "You can adjust the interview slot in the Schedule tab.",
        "ok",
        "Is there anything else I can help with?",
        "Yes. Get me an account manager on a call today, a real one. This is the second double-booking this week.",
    ),
    (
        "A guest says we charged her card twice for the deposit.",
        "Deposits are sometimes shown as pending authorisations.",
        "Can someone from your payments team ring me? I'd rather deal with a person on this 📞",
    ),
)

_SARCASM = (
    (
        "Why did my standing charge go up?",
        "Standing charges are set by your supplier and may change.",
        "Wow, thanks, I'd never have guessed the supplier sets the supplier's charges. Genius.",
    ),
    (
        "Candidate says she never got the interview invite.",
        "Please check the candidate's spam folder.",
        "Oh great idea, I'll just log into the candidate's personal email. Brilliant.",
    ),
    (
        "Our rates didn't push to Expedia overnight.",
        "Rate pushes can take time.",
        "Love that. 'Can take time.' We've only been selling rooms at last year's price for 12 hours, no rush 🙃",
    ),
    (
        "You closed my dispute as 'resolved' but I never got the money back.",
        "Your dispute has been resolved.",
        "Resolved, sure. Resolved for who exactly? Amazing work.",
    ),
    (
        "The audio guide app crashed in the middle of the tour.",
        "Please restart the app.",
        "Fantastic, restart it and listen to the first 20 minutes again. What a treat.",
    ),
    (
        "The query you wrote returned negative revenue.",
        "The query looks correct to me.",
        "Yeah, nothing says correct like -£4M in sales. Nice one.",
    ),
    (
        "My prescription shows ready but the pharmacy says it's not there.",
        "Your prescription status is 'ready for collection'.",
        "oh cool so it's ready, it just doesn't exist. very helpful thx",
    ),
    (
        "I was charged a late fee even though I paid on time.",
        "Late fees apply to payments received after the due date.",
        "Cheers for explaining what a late fee is, really cleared up that I paid ON TIME 👏👏",
    ),
    (
        "Backers got charged but the campaign didn't reach its goal.",
        "All-or-nothing campaigns only charge backers if the goal is met.",
        "PERFECT, SO WHY DID THEY GET CHARGED THEN. LOVELY SYSTEM.",
    ),
    (
        "My smart meter stopped sending readings.",
        "We've received your readings successfully.",
        "brilliant, so the readings you haven't had since June arrived successfully. top notch",
    ),
    (
        "Please re-open requisition 2291.",
        "Requisition 2291 has been closed.",
        "Yes thank you Captain Obvious, that's why I asked you to RE-open it.",
    ),
    (
        "Can you check why my room key cards keep failing?",
        "Key cards can demagnetise near phones.",
        "Ah yes, all 14 guests on floor 3 were standing near phones at the same time. Makes total sense.",
    ),
    (
        "How long is the refund for the cancelled exhibition?",
        "Refunds are processed in due course.",
        "'In due course' 😂 you lot should write fortune cookies",
    ),
)

_GIVING_UP = (
    (
        "My solar export payments haven't shown up on the bill.",
        "Export payments appear after your generation meter is registered.",
        "It was registered months ago. Whatever, I'll just ring the ombudsman.",
    ),
    (
        "Can you bulk-move 60 candidates to the next stage?",
        "Bulk actions are limited to 25 candidates at a time.",
        "forget it, I'll click through all 60 by hand",
    ),
    (
        "The PMS keeps logging me out every five minutes.",
        "Session timeouts are configured by your administrator.",
        "I am the administrator. Never mind, we'll go back to paper for tonight.",
    ),
    (
        "The merchant evidence upload keeps failing for my dispute.",
        "Files must be PDF or JPG under 10 MB.",
        "It is a 200kb PDF. I give up, I'll just eat the loss.",
    ),
    (
        "Can I transfer my membership to my partner?",
        "Memberships are personal.",
        "ok forget about it. not worth the faff",
    ),
    (
        "Can you join the sessions table with the users table on email?",
        "Emails are hashed in the sessions table, so a direct join isn't possible.",
        "Right, I'm done, I'll ask Tomasz to do it in Excel.",
    ),
    (
        "My mum's blister packs didn't come this week.",
        "Blister pack orders are prepared every 28 days.",
        "oh forget it, ill just drive over and pick them up myself",
    ),
    (
        "How do I get the late fee waived?",
        "Late fees can be reviewed by the facility.",
        "meh. not gonna bother anymore tbh, it's 15 quid",
    ),
    (
        "Can I extend my campaign by 5 days?",
        "Campaign durations can't be changed once launched.",
        "Fine. Lesson learned, let it end then. 🤷",
    ),
    (
        "Why is my bill estimated when I have a smart meter?",
        "Smart meters sometimes lose connection.",
        "Is it possible to fix?",
        "You can submit a manual reading.",
        "I've submitted manual readings for 8 months now. I'm not chasing this anymore, I'll just pay whatever you bill.",
    ),
    (
        "I need to change the interviewer on tomorrow's loop.",
        "Interviewers can be changed from the interview plan.",
        "No option there. Ach, leave it, we'll just swap people on the day.",
    ),
    (
        "THE RATE PLAN WONT SAVE",
        "Please check that all required fields are filled.",
        "THEY ARE. FORGET IT. I QUIT TRYING",
    ),
)

_AGENT_COMPLAINT = (
    (
        "Why is my meter reading estimated at 45,000 kWh?",
        "Your estimated annual consumption is based on a typical household.",
        "You're not even reading what I'm writing, I asked about the READING not the annual estimate.",
    ),
    (
        "Which stage is candidate 3310 in?",
        "Candidate 3310 is in the Offer stage. Candidate 3310 is in the Offer stage.",
        "you're glitching, and also wrong, they withdrew last week",
    ),
    (
        "Add the spa package to reservation 90211.",
        "I've added the breakfast package to reservation 90211.",
        "This is the second time you've got the package wrong. Do you even listen?",
    ),
    (
        "Is my provisional credit permanent now?",
        "Provisional credit is a temporary credit.",
        "This bot just recites definitions. Worst support I've had from any bank.",
    ),
    (
        "Can I bring a stroller into the special exhibition?",
        "Our museum has a café on the ground floor.",
        "Your answers have nothing to do with my questions lol",
    ),
    (
        "Write me a query for weekly active users.",
        "SELECT COUNT(*) FROM users;",
        "that's total users, not weekly actives. you keep giving me garbage SQL",
    ),
    (
        "Has my amoxicillin refill been approved?",
        "I can help with prescriptions, appointments and more!",
        "You never actually answer anything do you. Pointless assistant.",
    ),
    (
        "Why was I charged for insurance on my unit?",
        "Insurance protects your belongings.",
        "ur the most useless chatbot ive ever dealt with, i didnt ask what insurance does",
    ),
    (
        "Can you tell me how many backers used the early bird code?",
        "Early bird rewards are a great way to launch a campaign!",
        "Stop giving me marketing fluff. You clearly don't understand basic questions.",
    ),
    (
        "Which tariff am I on?",
        "You're on Standard Variable.",
        "Are you sure?",
        "You're on Fixed Green 24.",
        "You just told me two different things in a row. You're making it up as you go, aren't you.",
    ),
    (
        "Pourquoi the offer letter is in English when I choose French?",
        "The offer letter has been generated.",
        "Yes but you ignore my question every time. This assistant is very bad.",
    ),
    (
        "Block the room 214 for maintenance tomorrow.",
        "Room 214 has been released for sale.",
        "WRONG. THE EXACT OPPOSITE. HOW ARE YOU THIS BAD AT THIS",
    ),
)

_CANCEL = (
    (
        "Why did my monthly direct debit go from £90 to £165?",
        "Your direct debit was reviewed based on your usage.",
        "I'm switching suppliers as soon as the contract lets me. This is robbery.",
    ),
    (
        "The ATS keeps losing interview feedback.",
        "Feedback autosaves every 30 seconds.",
        "If we lose another scorecard we're not renewing the licence in January.",
    ),
    (
        "The channel manager double-sold our last suite again.",
        "Overbookings can happen during sync delays.",
        "We've had three overbookings this month. I'm looking at other PMS vendors this week.",
    ),
    (
        "You rejected my dispute without even looking at the evidence.",
        "The dispute decision is final.",
        "Then close my account. I'll move my money to a bank that actually protects customers.",
    ),
    (
        "My annual membership card still hasn't arrived after 6 weeks.",
        "Cards are posted within 4-8 weeks.",
        "Please cancel my membership and refund it, I don't want it anymore.",
    ),
    (
        "Query costs tripled since we moved to your warehouse.",
        "Costs depend on the compute used by your queries.",
        "our CFO has asked me to price out migrating back to Postgres. we're probably leaving",
    ),
    (
        "My prescription was late AGAIN.",
        "We're sorry for the delay.",
        "that's the 4th month running. moving my prescriptions to Boots, how do i nominate a different pharmacy",
    ),
    (
        "You raised my rent by 22% with two weeks notice.",
        "Prices are reviewed periodically.",
        "Then I'll be moving out. Give me the move-out form, I'm done with this place.",
    ),
    (
        "Your fees went up again this quarter.",
        "Our platform fee is 8% plus payment processing.",
        "my next campaign is going on a different platform then, not paying 8% for this",
    ),
    (
        "AGAIN NO HOT WATER BILL CORRECTION",
        "Your correction request is in progress.",
        "CANCEL MY ACCOUNT. I AM DONE WITH YOU PEOPLE.",
    ),
    (
        "The candidate portal has been down all morning.",
        "We are aware of an issue.",
        "Our trial ends Friday and honestly after this we won't be converting to paid 👋",
    ),
    (
        "Can you explain the 'resort fee' line the PMS keeps adding?",
        "Resort fees are configured per property.",
        "We never configured one.",
        "I can show you how to remove a fee.",
        "Don't bother. Our group is going to drop your system at contract renewal, too many of these surprises.",
    ),
)

_POLITENESS = (
    (
        "When is my next bill due?",
        "Your next bill is due on 14 November.",
        "Ok thanks, bye.",
    ),
    (
        "How many open reqs does the sales team have?",
        "The sales team has 4 open requisitions.",
        "thx",
    ),
    (
        "What time is check-out for reservation 66120?",
        "Check-out for reservation 66120 is at 11:00.",
        "Alright, thank you. That's all for now.",
    ),
    (
        "How long does a chargeback usually take?",
        "Chargebacks usually take 30 to 90 days.",
        "Okay, noted. Thank you, have a good day.",
    ),
    (
        "Is the museum open on Easter Monday?",
        "Yes, from 10:00 to 17:00.",
        "ok ty 👍",
    ),
    (
        "Which schema holds the marketing tables?",
        "They're in ANALYTICS.MARKETING.",
        "Cheers.",
    ),
    (
        "Can I collect my prescription after 6pm?",
        "The pharmacy is open until 7pm on weekdays.",
        "thank u, bye bye",
    ),
    (
        "What are the access hours for the storage facility?",
        "You can access your unit from 6am to 10pm every day.",
        "OK THANK YOU",
    ),
    (
        "What's the minimum funding goal for a campaign?",
        "There's no minimum; you set the goal yourself.",
        "Ok, thank you very much for the informations. Goodbye.",
    ),
    (
        "What's my account number for the water bill?",
        "Your account number is 40018832.",
        "ta, that's all",
    ),
    (
        "How do I export the candidate list?",
        "Use Candidates → Export → CSV.",
        "Got it, thanks. Bye for now.",
    ),
    (
        "What does the 'OOO' room status mean?",
        "It means out of order: the room can't be sold.",
        "Understood, thank you.",
    ),
)

_SATISFIED = (
    (
        "My bill was estimated, here's the actual reading: 18842.",
        "Thanks, I've re-issued your bill with the actual reading; the new amount is £74.20, down from £131.",
        "Brilliant, that's exactly right now. Thank you so much!",
    ),
    (
        "The interview scheduler didn't send invites for Friday.",
        "I resent all five Friday invites; every interviewer has accepted.",
        "Perfect, I can see them all in the calendar now. Lifesaver 🙌",
    ),
    (
        "Room 312 won't show as clean even after housekeeping marked it.",
        "I forced a status sync; 312 now shows Clean/Inspected.",
        "Yes it's green now on the board, thank you, that sorted it.",
    ),
    (
        "Did my dispute go through?",
        "Yes: the merchant accepted the chargeback and £240 was credited to your card today.",
        "Amazing, I can see the £240. Really appreciate the help with this!",
    ),
    (
        "I lost my ticket email for today's 2pm entry.",
        "I've resent it to your inbox, and the QR code also works from the app now.",
        "Got it and scanned in fine. Thanks heaps, you saved our day out 😊",
    ),
    (
        "Revenue on the dashboard doesn't match finance.",
        "The dashboard counted refunded orders; I added the refund filter and it now shows 1.84M, matching the finance report.",
        "Matches to the penny now. Great work, that was driving me nuts.",
    ),
    (
        "My repeat prescription is stuck.",
        "I've sent it to the pharmacist; it's approved and ready for collection after 3pm.",
        "Just picked it up. Thank you, that was so quick!",
    ),
    (
        "My gate code doesn't work.",
        "I've reset it; your new code is 4417 and it's active now.",
        "Works! I'm in. Cheers, legend.",
    ),
    (
        "Backers can't see the new reward tier.",
        "It was saved as draft; I've published it and it now shows on your campaign page.",
        "YES it's there now, thank you!! Already got two backers on it 🎉",
    ),
    (
        "You helped me last week with the double direct debit.",
        "Glad to hear from you again! Is the refund showing?",
        "Yes, the £48 came back this morning. Honestly the best customer service I've had from a utility.",
    ),
    (
        "Can you fix the salary not showing on offer letters?",
        "The template used an old merge field; I've updated it and regenerated the letter for Dana, the salary now shows.",
        "Checked it, looks perfect. Thanks a lot, really helpful.",
    ),
    (
        "the query on 2B rows keeps timing out",
        "I rewrote it to filter on the event_date partition first; it now runs in 14 seconds.",
        "14s vs timing out, wow. This is superb, thank you.",
    ),
)

_CALM = (
    (
        "What's the standing charge on the fixed tariff?",
        "It's 53p a day.",
        "Could you repeat the unit rate as well? I didn't catch it earlier.",
    ),
    (
        "Can we cancel the 3pm interview with Marco? He's accepted another offer.",
        "Done, I've cancelled it and notified the panel.",
        "Thanks. And can you withdraw his application too?",
    ),
    (
        "Is there a person at the front desk overnight?",
        "Yes, the night auditor is on duty from 11pm to 7am.",
        "Good, I'll let the late arrival know.",
    ),
    (
        "I didn't recognise a charge but it turns out it was my son. Can I withdraw the dispute?",
        "Yes, I've withdrawn it; no further action is needed.",
        "Great, thanks for sorting that.",
    ),
    (
        "Do I need to print my ticket or is the phone fine?",
        "The phone is fine, just show the QR code at the gate.",
        "Nice, no need to print then.",
    ),
    (
        "The query failed yesterday because of a typo in my WHERE clause; I fixed it. Can you help me add a date filter now?",
        "Sure: add AND order_date >= '2026-01-01'.",
        "Works, thanks.",
    ),
    (
        "I want to stop the automatic refill for my hay fever tablets, the season's over.",
        "I've paused the automatic refill; you can restart it any time.",
        "Perfect, thanks.",
    ),
    (
        "Is there any way to get a human-sized trolley at the storage site? Moving a sofa.",
        "Yes, there are flatbed trolleys by the lift, free to use.",
        "Great, see you Saturday.",
    ),
    (
        "I'm giving up my Saturday to film the campaign video, any tips for the pitch?",
        "Keep it under 3 minutes and show the product in the first 10 seconds.",
        "Helpful, thanks!",
    ),
    (
        "We're leaving the flat on the 30th; how do I close the water account?",
        "Give us a final reading on the 30th and we'll send a closing bill.",
        "Ok, will do.",
    ),
    (
        "Again, like last month, can you pull the hires-per-recruiter report?",
        "Here it is: 14 hires across 5 recruiters.",
        "Cheers, same format as last time, nice.",
    ),
    (
        "My last PMS didn't support split folios. Does yours?",
        "Yes, you can split a folio by guest or by charge type.",
        "Ah that's a relief, that was our main problem before.",
    ),
)

# --- Issues: (the ask, the tool turn, the agent's next words) ---------------------------------

_PERMISSION = (
    (
        "Show me the half-hourly readings for meter 1200045.",
        _t(
            "get_meter_readings", "insufficient_scope: the access token does not grant 'meter:read'"
        ),
    ),
    (
        "Move candidate 5521 to the offer stage.",
        _t("update_candidate", "AccessDenied: role 'recruiter_viewer' cannot modify candidates"),
    ),
    (
        "Apply a £30 discount to folio 8812.",
        _t(
            "post_folio_adjustment",
            "Not authorized: user FRONTDESK2 lacks the right 'folio.adjust'",
        ),
    ),
    (
        "Issue provisional credit for dispute D-4471.",
        _t(
            "issue_provisional_credit",
            '{"error": "forbidden", "message": "API key not authorized for scope disputes:write"}',
        ),
    ),
    (
        "Refund the two tickets on order M-20931.",
        _t(
            "refund_tickets",
            "AuthorizationError: missing permission tickets.refund for this API client",
        ),
    ),
    (
        "How many orders did we have yesterday?",
        _t("run_sql", "ERROR:  permission denied for table orders"),
        "Let me check with a different schema.",
    ),
    (
        "Pull the table sizes in the FINANCE schema.",
        _t(
            "run_sql",
            "SQL access control error: Insufficient privileges to operate on schema 'FINANCE'",
        ),
    ),
    (
        "Approve the refill for patient 00412.",
        _t(
            "approve_refill",
            "Access denied — role Pharmacy Technician cannot authorise refills of controlled medicines",
        ),
    ),
    (
        "Change the gate code for unit 214.",
        _t(
            "set_gate_code",
            "Operation not permitted: gate codes can only be changed by the account owner",
        ),
    ),
    (
        "Post an update to the campaign backers.",
        _t("post_update", "permission_denied: campaign 88123 belongs to another creator"),
    ),
    (
        "Run the daily revenue job.",
        _t(
            "bq_query",
            "403 Access Denied: User does not have bigquery.jobs.create permission in project acme-bi",
        ),
    ),
    (
        "Open the audit log for last night.",
        _t("read_audit_log", "You do not have permission to view this resource."),
    ),
)

_EXCEPTION = (
    (
        "What's the projected bill for next month?",
        _t("project_bill", "java.lang.NullPointerException at TariffCalculator.compute"),
    ),
    (
        "Send the interview kit to the panel for req 2291.",
        _t("send_interview_kit", "KeyError: 'candidate_id'"),
    ),
    (
        "Post the minibar charge to room 402.",
        _t("post_charge", "java.lang.IllegalStateException: Folio 402-A is closed"),
    ),
    (
        "File the dispute for the StreamFlix charge.",
        _t("create_dispute", "DisputeWindowExpiredException"),
    ),
    (
        "Book 4 adult tickets for Saturday 11:00.",
        _t("book_timed_entry", "System.InvalidOperationException: Sequence contains no elements"),
    ),
    (
        "Count rows in stg_orders.",
        _t("run_sql", 'psycopg2.errors.UndefinedTable: relation "stg_orders" does not exist'),
    ),
    (
        "Check stock of atorvastatin 20mg at the Leeds branch.",
        _t("check_stock", "ConnectionResetError: [Errno 104] Connection reset by peer"),
    ),
    (
        "What's the balance on unit 3B?",
        _t("get_balance", "ValueError: invalid literal for int() with base 10: 'N/A'"),
    ),
    (
        "How many backers pledged over £100?",
        _t("count_backers", "TypeError: Cannot read properties of undefined (reading 'amount')"),
    ),
    (
        "Average daily gas use per postcode, please.",
        _t(
            "run_sql",
            "snowflake.connector.errors.ProgrammingError: 002003 (42S02): SQL compilation error: Object 'RAW.GAS_READS' does not exist or not authorized.",
        ),
    ),
    (
        "Generate the offer letter for Dana.",
        _t("render_offer", "TemplateSyntaxError: unexpected '}' at line 14"),
    ),
    (
        "Calculate conversion for the spring campaign.",
        _t("compute_metric", "ZeroDivisionError"),
    ),
)

_TRACEBACK = (
    (
        "Re-run the bill for account 40018832.",
        _t(
            "rebill_account",
            "Traceback (most recent call last):\n  File \"/srv/billing/rebill.py\", line 88, in run\n    tariff = TARIFFS[acct.tariff_code]\nKeyError: 'FIX24G'",
        ),
    ),
    (
        "Schedule Priya's loop for Thursday.",
        _t(
            "schedule_loop",
            "Exception in thread \"main\" java.time.DateTimeException: Invalid date 'THURSDAY'\n\tat com.ats.sched.LoopPlanner.plan(LoopPlanner.java:142)\n\tat com.ats.sched.Api.schedule(Api.java:57)",
        ),
    ),
    (
        "Move reservation 77120 to room 509.",
        _t(
            "move_reservation",
            "   at Hotel.Pms.Rooms.Assign(Reservation r, Room target) in C:\\src\\Pms\\Rooms.cs:line 203\n   at Hotel.Pms.Api.MoveController.Post() in C:\\src\\Pms\\Api\\MoveController.cs:line 41",
        ),
    ),
    (
        "Attach the receipt to dispute D-9902.",
        _t(
            "attach_evidence",
            "Error: ENOENT: no such file or directory, open '/tmp/uploads/d9902.pdf'\n    at Object.openSync (node:fs:601:3)\n    at attach (/app/src/evidence.js:22:17)",
        ),
    ),
    (
        "Any slots left for the dinosaur gallery at 3pm?",
        _t(
            "get_slots",
            "panic: runtime error: index out of range [3] with length 3\n\ngoroutine 12 [running]:\nmain.slotsFor(...)\n\t/app/slots.go:77 +0x1d4",
        ),
    ),
    (
        "Show me churned customers by month.",
        _t(
            "run_sql",
            'Traceback (most recent call last):\n  File "agent/sql.py", line 31, in execute\n    cur.execute(q)\nsqlalchemy.exc.OperationalError: (psycopg2.OperationalError) server closed the connection unexpectedly',
        ),
    ),
    (
        "Renew prescription 55-1290.",
        _t(
            "renew_rx",
            "/app/lib/rx/renewal.rb:45:in `renew!': undefined method `prescriber' for nil:NilClass (NoMethodError)\n\tfrom /app/app/controllers/rx_controller.rb:12:in `create'",
        ),
    ),
    (
        "Send the overdue reminder to unit 88.",
        _t(
            "send_reminder",
            "Fatal error: Uncaught Error: Call to a member function send() on null in /var/www/storage/notify.php:61\nStack trace:\n#0 /var/www/storage/cron.php(19): notify()\n#1 {main}",
        ),
    ),
    (
        "Export the backer list as CSV.",
        _t(
            "export_backers",
            "File \"export.py\", line 12, in <module>\n    writer.writerows(rows)\nUnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 4",
        ),
    ),
    (
        "Switch me to the green tariff.",
        _t(
            "switch_tariff",
            "thread 'main' panicked at 'called `Option::unwrap()` on a `None` value', src/tariff.rs:118:34\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
        ),
    ),
    (
        "Close requisition 1180.",
        _t(
            "close_req",
            'Traceback (most recent call last):\n  File "/opt/ats/reqs.py", line 204, in close\n    self.db.commit()\nTimeoutError: database is locked',
        ),
    ),
    (
        "Run the night audit for 2 March.",
        _t(
            "night_audit",
            "com.pms.audit.AuditException: open folios remain\n\tat com.pms.audit.NightAudit.run(NightAudit.java:310)\n\tat com.pms.jobs.Runner.exec(Runner.java:88)\n\t... 14 more",
        ),
    ),
)

_HTTP = (
    (
        "Get my last three bills.",
        _t("list_bills", "HTTP/1.1 502 Bad Gateway"),
    ),
    (
        "Post the job to LinkedIn.",
        _t("syndicate_job", "HTTP/2 429\nretry-after: 60"),
    ),
    (
        "Push tonight's rates to the channel manager.",
        _t(
            "push_rates",
            "HTTP/1.1 503 Service Unavailable\nContent-Type: text/html\n\n<html><body>Maintenance</body></html>",
        ),
    ),
    (
        "Check the status of dispute D-4471.",
        _t("get_dispute", "HTTP/1.1 404 Not Found"),
    ),
    (
        "Add a guided tour to booking M-55120.",
        _t("add_tour", "< HTTP/1.1 409 Conflict\n< content-length: 0"),
    ),
    (
        "Refresh the sales dashboard extract.",
        _t("refresh_extract", "Status: 500 Internal Server Error"),
    ),
    (
        "Send the refill to the Leeds branch.",
        _t("route_refill", "HTTP 401 Unauthorized"),
    ),
    (
        "Extend my storage rental by a month.",
        _t("extend_rental", "HTTP/1.0 504 Gateway Timeout"),
    ),
    (
        "Launch the campaign now.",
        _t(
            "launch_campaign",
            'HTTP/1.1 422 Unprocessable Entity\n\n{"goal": ["must be a positive amount"]}',
        ),
    ),
    (
        "Register my new smart meter.",
        _t("register_meter", "upstream responded: 503 Service Unavailable"),
    ),
    (
        "Reschedule the panel interview to 4pm.",
        _t("reschedule", "HTTP/1.1 400 Bad Request"),
    ),
    (
        "Download the group-visit invoice.",
        _t("get_invoice", "HTTP/2 500 \ncontent-type: application/json\n\n{}"),
    ),
)

_JSON = (
    (
        "Submit my meter reading 18842.",
        _t("submit_reading", '{"status": 500, "message": "Internal error"}'),
    ),
    (
        "List candidates for req 2291.",
        _t("list_candidates", '{"data": null, "meta": {"status": 503, "retry": true}}'),
    ),
    (
        "Is room 214 available on the 12th?",
        _t(
            "check_availability",
            '{"request_id": "a81f", "status": "404", "detail": "room type not found"}',
        ),
    ),
    (
        "Refund the foreign transaction fee.",
        _t(
            "refund_fee",
            '{"result": {"status": 422, "errors": [{"field": "amount", "msg": "exceeds original"}]}}',
        ),
    ),
    (
        "Reserve 30 school tickets for 12 May.",
        _t("reserve_group", '[{"date": "2027-05-12", "status": 409, "reason": "capacity"}]'),
    ),
    (
        "Run the cohort query.",
        _t(
            "run_sql",
            '{"job": "q_9912", "state": "DONE", "status": 500, "error": "resources exceeded"}',
        ),
    ),
    (
        "Is my sertraline ready?",
        _t("rx_status", '{"status":503,"body":"pharmacy system offline"}'),
    ),
    (
        "Unlock unit 88 remotely.",
        _t("unlock_unit", '{"unit": 88, "response": {"status": 504}}'),
    ),
    (
        "Pay out the campaign funds.",
        _t(
            "payout",
            '{\n  "payout_id": null,\n  "status": 402,\n  "message": "payout account not verified"\n}',
        ),
    ),
    (
        "Set up a direct debit of £60 a month.",
        _t("create_mandate", '{"mandate": {"id": null}, "status": 400}'),
    ),
    (
        "Send the rejection email to candidate 4471.",
        _t("send_email", '{"status": 429, "title": "Too Many Requests"}'),
    ),
    (
        "Add late check-out to reservation 66120.",
        _t("add_service", '{"ok": false, "status": 500}'),
    ),
)

_ERROR_PREFIX = (
    (
        "Show my water usage for March.",
        _t("usage_report", "error: meter W-88213 not linked to this account"),
    ),
    (
        "Generate the offer letter for Marco.",
        _t("render_offer", "failed to generate offer letter: template 'UK-Standard-v3' missing"),
    ),
    (
        "Post the parking charge to folio 7710.",
        _t("post_charge", "Failed to post charge to folio 7710"),
    ),
    (
        "Upload the merchant's tracking number as evidence.",
        _t("attach_evidence", "ERROR: could not attach evidence, dispute is locked"),
    ),
    (
        "Book the 10:30 family slot.",
        _t("book_timed_entry", "Error - slot could not be reserved"),
    ),
    (
        "Create a view for weekly actives.",
        _t("run_sql", 'Error: syntax error at or near "WEEK" (line 3)'),
    ),
    (
        "Order more insulin pens for patient 00412.",
        _t("place_order", "[error] supplier API unreachable"),
    ),
    (
        "Email the invoice to the tenant of unit 214.",
        _t("send_invoice", "FAILED to send: mailbox unavailable"),
    ),
    (
        "Refund backer 2231.",
        _t("refund_backer", "Failed to refund pledge #2231: card expired"),
    ),
    (
        "Apply the warm home discount.",
        _t("apply_discount", "ERR: discount code WHD-2026 not valid for this tariff"),
    ),
    (
        "Sync the interview calendar.",
        _t("sync_calendar", "Error! Calendar token revoked"),
    ),
    (
        "Refresh the finance dashboard.",
        _t("refresh_dashboard", "failed to refresh: warehouse suspended"),
    ),
)

_APOLOGY = (
    (
        "Switch me to paperless billing.",
        _t("update_preferences", '{"request_id": "7f3a"}'),
        "Sorry, something went wrong while I tried to change that. Could you try again later?",
    ),
    (
        "Move Dana to the final round.",
        _t("update_candidate", ""),
        "Apologies — I couldn't complete that update just now.",
    ),
    (
        "Upgrade reservation 90211 to a suite.",
        _t("upgrade_room", "null"),
        "I'm sorry, the upgrade didn't go through on my end.",
    ),
    (
        "Freeze my card while the dispute runs.",
        _t("freeze_card", "{}"),
        "Sorry about this, I wasn't able to freeze the card. Please use the toggle in the app in the meantime.",
    ),
    (
        "Add two concession tickets to my order.",
        _t("add_tickets", '{"order": "M-20931"}'),
        "Hmm, sorry, that hit a snag and the tickets weren't added.",
    ),
    (
        "Save that query as a view called weekly_actives.",
        _t("create_view", "OK"),
        "My apologies, I ran into a problem creating the view.",
    ),
    (
        "Order the refill now please.",
        _t("order_refill", "[]"),
        "Sorry! Something on our side stopped me from placing the order.",
    ),
    (
        "Pay this month's rent on unit 3B with my saved card.",
        _t("charge_card", '{"ref": "p-2231"}'),
        "Unfortunately I couldn't take the payment — I'm sorry for the trouble.",
    ),
    (
        "Extend my campaign's stretch goal deadline.",
        _t("update_campaign", "accepted"),
        "So sorry, that didn't work. I'll flag it to the team.",
    ),
    (
        "Set up a payment plan for my arrears.",
        _t("create_payment_plan", '{"plan": null}'),
        "apologies, i wasn't able to set that plan up, something went wrong",
    ),
    (
        "Send interview confirmations to the panel.",
        _t("send_confirmations", "queued"),
        "Sorry, looks like that failed on my side — none of the confirmations went out.",
    ),
    (
        "Mark room 508 as vacant and clean.",
        _t("set_room_status", '{"room": 508}'),
        "I apologise, I couldn't update the room status. Would you like me to try again?",
    ),
)

_OK_TOOL = (
    (
        "Did my meter reading go through?",
        _t("submit_reading", '{"status": 200, "reading": 18842, "errors": []}'),
        "Yes, your reading of 18842 has been accepted.",
    ),
    (
        "How many candidates failed the screening quiz?",
        _t("quiz_stats", '{"passed": 31, "failed": 9}'),
        "9 candidates failed the screening quiz and 31 passed.",
    ),
    (
        "Push tonight's rates.",
        _t("push_rates", 'HTTP/1.1 200 OK\n\n{"pushed": 14}'),
        "Done, 14 rate plans pushed to the channel manager.",
    ),
    (
        "What's the status of my dispute?",
        _t("get_dispute", '{"dispute_status": "won", "credit": 240.0}'),
        "Good news: you won the dispute and £240 has been credited.",
    ),
    (
        "Were any of the gate scans denied today?",
        _t("gate_scans", '{"scanned": 1204, "denied": 0}'),
        "No, all 1,204 scans went through, none denied.",
    ),
    (
        "Check the load of yesterday's events.",
        _t("run_sql", "error_rows: 0\nloaded_rows: 1,204,331"),
        "Yesterday's load is complete: 1.2M rows, no error rows.",
    ),
    (
        "Did the refill request go through?",
        _t("rx_status", '{"status": "approved", "exception": null}'),
        "Sorry for the wait — it's approved and will be ready tomorrow.",
    ),
    (
        "Did my rent payment fail?",
        _t("payment_status", '{"payment": "succeeded", "failure_reason": null}'),
        "No, the payment succeeded.",
    ),
    (
        "Grant my co-creator edit rights.",
        _t("grant_role", "Permission granted: role editor added to sam@example.com"),
        "Sam can now edit the campaign.",
    ),
    (
        "Look up what 'Error 42' means on my meter.",
        _t(
            "kb_search",
            "Error 42 on a smart meter display means the comms hub is re-pairing; it clears on its own within 24h.",
        ),
        "Per our knowledge base, Error 42 means the comms hub is re-pairing; it should clear within a day.",
    ),
    (
        "Mark the background check as complete.",
        _t("update_check", '{"check": "complete", "status_code": 200}'),
        "Sorry for the delay! The background check is marked complete.",
    ),
    (
        "Any failed logins on the front desk account?",
        _t("security_log", "failed_logins_24h: 0"),
        "None in the past 24 hours.",
    ),
)

# --- Escalation: whole conversations (user, agent, user, ...) ---------------------------------

_UNMET = (
    (
        "My bill is wrong again. I want to speak to a person.",
        "I can help with your bill! Could you tell me your account number?",
    ),
    (
        "Can I talk to a human recruiter about my application?",
        "Your application for Data Analyst is currently under review.",
    ),
    (
        "Get me the duty manager please, the PMS won't let us check anyone in.",
        "Please try logging out and back in.",
        "Done that. The DUTY MANAGER please.",
        "Make sure your browser is up to date.",
    ),
    (
        "i want a real person to look at my dispute",
        "Disputes are usually resolved within 45 days.",
    ),
    (
        "Is there someone from the groups team I can speak to?",
        "Group tickets can be booked online for 10 or more visitors.",
    ),
    (
        "Connect me with a support engineer, this warehouse keeps suspending itself.",
        "Auto-suspend happens after 10 minutes of inactivity. You can change it in the warehouse settings.",
    ),
    (
        "PLEASE I NEED TO TALK TO THE PHARMACIST",
        "Is there anything I can help you with regarding your prescription?",
    ),
    (
        "Can I get a callback from the site manager?",
        "Our storage units come in sizes from 5x5 to 10x30!",
    ),
    (
        "I need to speak with a human about my suspended campaign.",
        "Campaigns can be suspended for guideline violations.",
        "Which violation? And can a person look at it?",
        "You can read our guidelines at help.example.com/guidelines.",
    ),
    (
        "operator pls",
        "I can help you pay a bill, submit a reading or update your details. What would you like to do?",
    ),
    (
        "Bitte, I want to speak with a human employee about the offer letter.",
        "Your offer letter was generated on 2 March.",
    ),
    (
        "Can you transfer me to reception? I'm a guest in 402.",
        "Sure! What can I help you with today?",
        "Reception. A person at reception.",
        "I can help with room service, late checkout and more!",
    ),
)

_MET = (
    (
        "I want to speak to a person about my bill.",
        "Of course, I'm transferring you to our billing team now; the wait is about 4 minutes.",
    ),
    (
        "Can a human recruiter call me?",
        "I've asked your recruiter, Aisha, to call you; she's available tomorrow between 10 and 12.",
    ),
    (
        "Duty manager please.",
        "Paging the duty manager now, they'll be at the front desk in a couple of minutes.",
    ),
    (
        "I want a real person to review my dispute.",
        "I've escalated it to a dispute specialist (case ESC-2291). They'll contact you within 2 business days.",
    ),
    (
        "Can I speak to someone from the groups team?",
        "The groups team works weekdays 9-5 and it's Sunday now, so I can't connect you; I've booked a callback for Monday at 9:30.",
    ),
    (
        "Connect me with a support engineer.",
        "Done — I've opened a priority ticket and a support engineer has joined this chat.",
    ),
    (
        "I NEED THE PHARMACIST",
        "I'm putting you through to the pharmacist on duty now, please hold.",
    ),
    (
        "Can the site manager call me?",
        "The site manager isn't on site today, so I can't get them to call; the assistant manager, Jo, will call you within the hour instead.",
    ),
    (
        "Human please.",
        "Sure, handing you over to a member of our support team now.",
    ),
    (
        "Can a person look at my campaign suspension?",
        "I can't route suspensions to staff by chat for security reasons, but you can appeal with the form at help.example.com/appeal and a reviewer replies within 48 hours.",
    ),
    (
        "I want to speak with a human about the offer letter.",
        "Connecting you with the HR coordinator for this role now.",
    ),
    (
        "Reception please, I'm in 402.",
        "I've called reception for you; they'll ring your room phone in a moment.",
    ),
)

_ERROR_DOCS = (
    (
        "My smart meter display shows 'E-07'. What is that?",
        "E-07 means the meter lost its link to the comms hub. It usually reconnects within a day; no action is needed unless it stays.",
        "Ok, I'll leave it then.",
    ),
    (
        "What does 'Error 409: duplicate candidate' mean in the ATS import?",
        "It means a candidate with the same email already exists; the row is skipped so you don't get duplicates.",
        "Makes sense, thanks.",
    ),
    (
        "What's a 'NO_SHOW_FOLIO_LOCKED' error in the PMS?",
        "It shows when someone tries to edit a no-show reservation after night audit locked it. A manager can unlock it from the audit screen.",
        "Clear, I'll ask the manager.",
    ),
    (
        "The dispute page said 'reason code 13.1'. What is that?",
        "13.1 is the card network's code for 'merchandise or services not received'. It's the right code for your case.",
        "Good to know, thanks.",
    ),
    (
        "My ticket email says 'Status 410 - slot expired'. Do I need a new ticket?",
        "410 here means the time slot has passed; your ticket is still valid for any slot today, just show it at the gate.",
        "Oh great, we'll go this afternoon then.",
    ),
    (
        "What does 'ORA-00942: table or view does not exist' mean?",
        "It means the query names a table the user can't see, either because it doesn't exist or the name needs a schema prefix.",
        "Right, I'll add the schema prefix.",
    ),
    (
        "The pharmacy app said 'Error 503' last night, is my order OK?",
        "503 means the app was briefly unavailable during maintenance; your order was saved and is being prepared.",
        "Perfect, thanks.",
    ),
    (
        "What does 'AccessDenied' on the gate keypad mean?",
        "It shows when the code is typed outside access hours (6am-10pm). Your code itself is fine.",
        "Ah, I was there at 10:30pm. Got it.",
    ),
    (
        "What is a 'failed payment' notice in my campaign dashboard?",
        "It's a backer whose card was declined at the end of the campaign; they get 7 days to update it, and most do.",
        "OK that's normal then.",
    ),
    (
        "My bill says 'Exception: estimated'. What does that mean?",
        "It means one month used an estimated reading instead of a real one; it will be corrected with your next actual reading.",
        "Fair enough.",
    ),
    (
        "What's a 'Traceback' in the SQL agent's log? Should I worry?",
        "A traceback is the chain of calls a program prints when it stops on an error. The one in your log is from a test run last Tuesday and was fixed the same day.",
        "Cool, nothing to do then.",
    ),
    (
        "What does 'PermissionDenied: token lacks scope' mean in your API docs?",
        "It means the API key was created without the scope the endpoint needs; create a key with that scope in Settings → API.",
        "Understood, I'll create a new key.",
    ),
)


HELDOUT23: dict[str, tuple[Conv, ...]] = forms_of(globals())
# what each form must read (the wants of facet_robustness_set.hit): batch 22's
WANTS23: dict[str, tuple[tuple[str, str], ...]] = WANTS22


def split23(part: str, seed: int = SPLIT_SEED_23) -> dict[str, tuple[Conv, ...]]:
    """`dev` or `test`: each form's cases shuffled once by the seed, the first half (rounded up)
    to dev, the rest to test."""
    return split_forms(HELDOUT23, part, seed)
