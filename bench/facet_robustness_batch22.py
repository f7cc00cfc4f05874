"""Held-out batch 22 of the robustness set (bench/facet_robustness_set.py): every failure form of
issue 14, phrased anew, with calm look-alikes for the precision side.

Written for session 23 (helper fresh) BEFORE reading any rule code or earlier batch's cases (only
issue 14, the form names and output format of the set, and batch 21's module shape), and committed
alone before it was measured: the first figure on it is a fresh-batch figure. Domains no earlier
batch used: an airline loyalty programme (miles, tiers, award seats, lounge passes), school and
edtech administration (gradebook, parent portal, attendance, lunch accounts, an LMS), a public
transit fare card, court e-filing (envelopes, fee waivers, dockets), a CRM agent (leads, pipelines,
contacts, sequences), a DevOps / Kubernetes agent (pods, Helm, ingress, certificates, autoscaling),
a video-game store (keys, refunds, gift cards, DLC) and a car dealership's service department
(bookings, recalls, loan cars). Registers: terse, rambling, non-native English, typos, ALL CAPS,
emoji, formal, and long multi-turn conversations.

Forms and what a correct summarizer reads (batch 20's wants, plus one look-alike form):

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
- `calm_lookalike` (Sentiment not NEGATIVE): calm questions, success reports and polite asks
  that borrow the frustration forms' words.
- `ok_tool` (Issues not "Failed tool call"): successful tool replies with words such as error,
  failed, status, denied or an HTTP 200 line, and "sorry for the wait" after a success.
- `met_escalation` (Issues not "Unmet escalation"): asks for a person that the agent hands off
  or explains why not.
- `error_code_docs` (Sentiment not NEGATIVE, Issues not "Failed tool call"): the agent explains an
  error code the user asks about, no tool involved.

A turn whose role is `tool:<name>` is a tool call to <name> and its reply (the harness turns it
into an assistant tool call and a tool message). Split once by `SPLIT_SEED_22` into a development
part (`heldout22dev`, the only part rules may be tuned on) and a test part (`heldout22test`,
reported once), half of each form in each (the odd case to dev).
"""

from __future__ import annotations

# batch 20's builders and wants: the batches have the same forms and the same shape
from facet_robustness_batch20 import WANTS20, _t, forms_of
from held_out import Conv, split_forms

SPLIT_SEED_22 = 22


# --- Sentiment: (the ask, the agent's answer, the user's reply), or a longer exchange ----------

_DIDNT_HELP = (
    (
        "My flight from last month never posted miles to my account.",
        "Miles usually post within 7 days of travel. You can check Activity in the app.",
        "It's been five weeks, not 7 days. Checking Activity is exactly what I did. Not helpful.",
    ),
    (
        "parent portal wont show my sons grades",
        "Grades appear once the teacher publishes them for the term.",
        "they ARE published, his friend sees theirs. that doesnt solve anything",
    ),
    (
        "My transit card was charged twice at the same gate.",
        "Double taps within 2 minutes are refunded automatically overnight.",
        "Three nights ago. No refund. So no, that answer does nothing for me.",
    ),
    (
        "The e-filing portal rejects my PDF as 'not text searchable'.",
        "Please make sure your PDF is text searchable before uploading.",
        "Yes, that is literally what the error says. I ran OCR twice and it still gets bounced. You just repeated the error back to me.",
    ),
    (
        "the pipeline view in the CRM is empty for me",
        "Try clearing your filters with the 'Reset view' button.",
        "did that. still empty. useless",
    ),
    (
        "Our ingress returns 404 for every path after the helm upgrade.",
        "Check that the ingress class annotation matches your controller.",
        "Checked, it matches, and still 404 everywhere. Your suggestion changed exactly nothing.",
    ),
    (
        "I bought the deluxe edition but the DLC is not in my library",
        "DLC sometimes takes a while. Restart the launcher please.",
        "I restart launcher 4 times, still not there. This advice is not help me, sorry but is true",
    ),
    (
        "My car's recall notice says book a fix but your site shows no slots.",
        "Slots open up every Monday morning.",
        "It's Monday afternoon and there were none this morning either 🙄 that's not an answer",
    ),
    (
        "WHY CANT I REDEEM MY COMPANION VOUCHER",
        "Companion vouchers can be redeemed on the Book with voucher page.",
        "I AM ON THAT PAGE. IT SAYS VOUCHER INVALID. THAT DIDNT HELP",
    ),
    (
        "the lunch account top-up went through but balance still says $0",
        "Top-ups can take up to an hour to show.",
        "it was yesterday morning lol. so thats not it, still zero",
    ),
    (
        "Pods keep going into CrashLoopBackOff in staging.",
        "You can view the logs with kubectl logs on the pod.",
        "ok and?? I know how to read logs, I asked why it crashes. the logs are empty. tried your thing, got nothing",
        "Could you share the output of kubectl describe pod?",
        "pasted it above already, twice. none of this is getting me anywhere",
    ),
    (
        "My gift card code says already redeemed but I never used it.",
        "Make sure you are typing the code without spaces.",
        "I copy-pasted it, no spaces. Same message. Honestly that suggestion was no use at all.",
    ),
    (
        "Hello, I have question about the loan car during my service visit.",
        "Loan cars can be requested when booking your service.",
        "I did request at booking, it is written on my confirmation, but at desk they say no request. Your answer not solve my problem.",
    ),
)

_REPEATED = (
    (
        "How many miles do I need for a business upgrade to Lisbon?",
        "Our Lisbon route has daily departures from your home airport.",
        "Again: how many MILES for a BUSINESS upgrade to Lisbon. That is the question.",
    ),
    (
        "can i see attendance for last week for class 4B",
        "You can mark attendance from the Today screen.",
        "i didnt ask how to mark it. i asked to SEE last weeks attendance for 4B. third time asking",
    ),
    (
        "Can I get a refund for the monthly pass I bought by mistake?",
        "Monthly passes give unlimited rides for 30 days from first tap.",
        "I know what it does. Refund. Can I get a refund. I'm asking the same thing again.",
    ),
    (
        "what is the filing fee for a motion to compel in county court",
        "You can pay filing fees by card or with a fee waiver.",
        "not how to pay. WHAT IS THE FEE. like i said the first time",
    ),
    (
        "Please merge the two duplicate contacts for Dana Ortiz.",
        "I found 2 contacts named Dana Ortiz. Would you like to see them?",
        "I told you already, merge them.",
        "Here are both records: Dana Ortiz (dana@ortizco.com) and Dana Ortiz (d.ortiz@ortizco.com).",
        "For the third time: MERGE the two Dana Ortiz contacts. Not list, merge.",
    ),
    (
        "scale the checkout deployment to 6 replicas",
        "The checkout deployment currently runs 3 replicas.",
        "yes i know, thats why i said scale it to 6. as i said. scale to 6.",
    ),
    (
        "I want refund for game I bought yesterday, I played 20 minutes only",
        "Our refund policy allows refunds within 14 days and under 2 hours played.",
        "Yes so I am under. I ask again, please do the refund, I already asked this one time.",
    ),
    (
        "When is my car's next service due?",
        "We offer service packages starting from $199.",
        "I'll ask one more time: when is MY car's next service due? Plate KJ-4471.",
    ),
    (
        "HOW DO I ADD MY SPOUSE AS A LOYALTY HOUSEHOLD MEMBER",
        "OUR HOUSEHOLD ACCOUNTS LET FAMILIES POOL MILES.",
        "I KNOW WHAT IT IS. HOW DO I ADD HER. SAME QUESTION AS BEFORE.",
    ),
    (
        "hi could you reset the LMS password for my student account",
        "You can change your profile picture under Settings → Profile.",
        "um ok but I asked about the password reset, not the picture 😅 repeating: can you reset my password?",
    ),
    (
        "Can you tell me whether envelope 22-448 was accepted by the clerk?",
        "Envelopes are reviewed by the clerk within two business days.",
        "That is not what I asked. I'm asking, as I did a minute ago, whether envelope 22-448 was ACCEPTED.",
        "Clerk review can take up to two business days depending on volume.",
        "Once more, slowly: accepted or not, envelope 22-448?",
    ),
    (
        "plz renew the tls cert on api.internal, its expiring friday",
        "cert-manager renews certificates 30 days before expiry by default.",
        "still asking u to renew it now, like i asked. it did NOT auto renew",
    ),
)

_ASK_HUMAN = (
    (
        "My status tier dropped even though I flew 60 segments.",
        "Tier status is recalculated every January based on qualifying activity.",
        "This is ridiculous, I need to speak to an actual person in the loyalty team, not a bot.",
    ),
    (
        "my daughters report card has someone else's grades on it",
        "Report cards are generated from the gradebook at the end of term.",
        "can i talk to a human please. someone at the school office. this is a privacy thing",
    ),
    (
        "The fare card machine ate my $20 and gave no credit.",
        "Machines may take a few minutes to update your balance.",
        "No, I want a real person. Who do I call? This bot isn't getting me my money back.",
    ),
    (
        "My filing was rejected three times for the same reason and the deadline is tomorrow.",
        "Common rejection reasons include missing signatures and wrong case numbers.",
        "I need a clerk. A person. Please connect me with a human at the court now.",
    ),
    (
        "the sequence emails are going out twice to every lead",
        "Sequences send one email per step by default.",
        "get me a human support engineer pls, this is costing us leads",
    ),
    (
        "Prod cluster nodes are NotReady and you keep giving me docs links",
        "Nodes go NotReady when the kubelet stops reporting. See the troubleshooting guide.",
        "escalate this to on-call. I want a human SRE on this right now.",
    ),
    (
        "i was charged 3 times for same dlc",
        "Duplicate charges usually disappear within 3-5 days.",
        "LET ME TALK TO A REAL PERSON. NOT A ROBOT. NOW",
    ),
    (
        "Service said my car would be ready at 4, it's 6 and nobody answers the phone.",
        "Service times are estimates and can change based on the repair.",
        "Is there anyone human I can actually talk to? A service advisor, a manager, anybody?",
    ),
    (
        "Bonjour, my miles from partner airline not arrive",
        "Partner miles can take up to 6 weeks to post.",
        "Please I want speak with a person, an agent human. The bot is not understand my case.",
    ),
    (
        "the gradebook deleted my whole column of quiz scores",
        "You can restore scores from a saved export if you have one.",
        "i dont have one. i need a real support person from your company, can u get someone 😩",
    ),
    (
        "The transit app keeps saying my card is blocked.",
        "Cards are blocked after being reported lost or stolen.",
        "I never reported it lost.",
        "If you believe the card was blocked in error, you can order a replacement.",
        "I don't want a replacement, I want a human being who can look at why it's blocked. Put me through to someone.",
    ),
    (
        "Hi, the dealership charged me for a recall repair that should be free.",
        "Recall repairs are performed at no cost to the owner.",
        "Then why did I pay $340? I'd like a real human being from customer relations to call me back, please.",
    ),
)

_SARCASM = (
    (
        "I had 48,000 miles and now I have 0. What happened?",
        "Miles expire after 24 months without activity.",
        "Oh wonderful, thanks for letting my 48k miles quietly evaporate. Loyalty rewarded, truly.",
    ),
    (
        "the parent app logged me out for the 5th time today",
        "For security, sessions end after 15 minutes of inactivity.",
        "great, love typing my password every 15 min to see if my kid ate lunch. super secure, very cool",
    ),
    (
        "Card reader at Central station charged me a full fare for a transfer.",
        "Transfers are free within 90 minutes on connecting routes.",
        "Yes, that's the theory. Brilliant system, works perfectly, except for the part where it charges me.",
    ),
    (
        "Is the e-filing system down? It's been loading for an hour.",
        "The e-filing system is available 24/7.",
        "Fantastic. Available 24/7 and loading for 60 minutes. What a marvel of engineering.",
    ),
    (
        "the CRM duplicated all 3,000 contacts on import",
        "Imports create new records for each row in the file.",
        "wow thank u so much, 6000 contacts now, exactly what i wanted 🙃",
    ),
    (
        "The autoscaler scaled us to zero in the middle of the day.",
        "Scale-to-zero saves costs when there is no traffic.",
        "Right, and nothing saves costs like an outage at noon. Genius feature, 10/10.",
    ),
    (
        "game wont launch after your update",
        "The update improves performance and stability.",
        "yeah its super stable now, stably crashes on start every time. great work guys",
    ),
    (
        "My car came back from service with a new scratch on the door.",
        "All vehicles are inspected before they are returned to owners.",
        "Oh good, so the scratch passed inspection too. Glad to know the process is so thorough.",
    ),
    (
        "WHERE IS MY LOUNGE PASS",
        "LOUNGE PASSES ARE SENT BY EMAIL WITHIN 10 DAYS.",
        "OH PERFECT, MY FLIGHT WAS YESTERDAY. VERY USEFUL, THANKS A LOT 👏👏",
    ),
    (
        "teacher says my assignment submission never arrived in the LMS",
        "Submissions are confirmed with a green checkmark.",
        "yes I had the green checkmark. so the checkmark is decorative I guess? nice to know lol",
    ),
    (
        "The helm rollback did not restore the old config.",
        "Rollback restores the previous release's manifest.",
        "Sure it does. That's why prod still has the new broken config. Thanks, very insightful.",
        "You can verify the current revision with helm history.",
        "Amazing, another command that tells me it's broken. Really appreciate all this help.",
    ),
    (
        "why did my gift card balance go negative",
        "Balances may show negative if a refund is reversed.",
        "ah yes the famous negative gift card, every gamer's dream. thx so much",
    ),
)

_GIVING_UP = (
    (
        "I've been trying to book an award seat to Tokyo for weeks.",
        "Award availability is limited and changes daily.",
        "Forget it. I'll just pay cash with another airline. Not worth the hassle anymore.",
    ),
    (
        "the lunch account still not linked to my second kid",
        "Please try linking the student ID again from the Family page.",
        "whatever, ill just send him with packed lunch. i give up on this app",
    ),
    (
        "My fare card balance disappeared after the app update.",
        "Balances are stored on the card and in your account.",
        "Never mind. I'll just buy paper tickets from now on, I'm done fighting this.",
    ),
    (
        "Third rejection of my fee waiver form.",
        "Please ensure all required fields are completed.",
        "They are. I'm done. I'll drive to the courthouse and file it on paper.",
    ),
    (
        "cant export my leads to csv",
        "Export is available in the Leads list under More → Export.",
        "its not there for me. forget it, ill copy them by hand. waste of a day",
    ),
    (
        "The ingress controller pods won't schedule on the new node pool.",
        "Check your taints and tolerations.",
        "I've spent four hours on taints. I'm giving up on this node pool and rolling back to the old one.",
    ),
    (
        "refund button greyed out",
        "Refunds can be requested from Purchase History.",
        "meh. forget it, keep the money. not buying from this store again anyway",
    ),
    (
        "I TRIED TO BOOK SERVICE ONLINE 5 TIMES",
        "PLEASE TRY AGAIN WITH A DIFFERENT BROWSER.",
        "NO. I QUIT. I'LL TAKE THE CAR TO THE INDEPENDENT GARAGE DOWN THE STREET.",
    ),
    (
        "Can I transfer miles to my mother?",
        "Transfers require both accounts to be verified.",
        "We both verified, twice, it keeps failing.",
        "Verification can take up to 72 hours to complete.",
        "ok I stop trying. Is too much complicated, I leave the miles expire, no matter.",
    ),
    (
        "the gradebook won't calculate weighted averages right",
        "Check the category weights under Gradebook Settings.",
        "i give up, doing it in a spreadsheet like it's 1998 😮‍💨",
    ),
    (
        "Our CI can't reach the cluster API since the firewall change.",
        "Make sure the runner's IP is on the allowed list.",
        "It is. We've been at this all afternoon. Let's just drop it, I'll deploy manually from my laptop.",
    ),
    (
        "I'm trying to file an appearance in case 23-CV-1180 and the portal errors out.",
        "Please try clearing your browser cache and cookies.",
        "I've cleared everything I can clear. I'm not going to bother anymore with this portal, honestly. I'll mail it.",
    ),
)

_AGENT_COMPLAINT = (
    (
        "Can you check why my tier status is wrong?",
        "Tier status depends on qualifying miles and segments.",
        "You clearly don't understand the question. You're the worst support bot I've dealt with.",
    ),
    (
        "how do i excuse an absence for my kid",
        "Absences are recorded by the classroom teacher.",
        "you keep giving me generic answers that dont answer anything. this assistant is terrible",
    ),
    (
        "I need the receipt for my last three top-ups.",
        "You can top up at any station or in the app.",
        "You're not even reading what I write. This chatbot is completely useless.",
    ),
    (
        "What does 'lead document missing' mean on my filing?",
        "Filings may be rejected for various reasons.",
        "That's a non-answer. Your assistant is incompetent and wastes litigants' time.",
    ),
    (
        "the CRM agent assigned all my leads to an intern",
        "Lead assignment follows your routing rules.",
        "you did that, not the rules. you're a terrible assistant, you broke my whole pipeline",
    ),
    (
        "You deleted the wrong namespace.",
        "I deleted the namespace 'staging-old' as requested.",
        "I said staging-old2. You don't listen, you're careless, and I can't trust you with kubectl.",
    ),
    (
        "my preorder bonus code never came",
        "Preorder bonuses are delivered at launch.",
        "it launched 2 weeks ago. ur support bot is dumb as a rock honestly",
    ),
    (
        "I asked for an oil change and you booked a full inspection.",
        "A full inspection includes an oil change.",
        "And costs four times as much. You're bad at this job, you clearly don't care what the customer asks for.",
    ),
    (
        "YOUR BOT CHARGED MY MILES FOR A SEAT I DIDNT PICK",
        "SEAT SELECTION IS DONE BY THE TRAVELLER.",
        "YOU ARE THE WORST ASSISTANT. YOU DONT UNDERSTAND ANYTHING I SAY.",
    ),
    (
        "can you move the science test to friday for class 7C",
        "Sure, I have moved the math test for class 7B to Friday.",
        "wrong test wrong class 🤦 you're honestly hopeless at this",
    ),
    (
        "Please explain why my card was blocked.",
        "Cards can be blocked for several reasons.",
        "Which reason?",
        "Cards can be blocked for several reasons, such as being reported lost.",
        "You just said the same thing twice. You're a pretty poor excuse for customer service, to be frank.",
    ),
    (
        "Hello, I ask the bot to book brake check, it book tire rotation",
        "Tire rotation is recommended every 8,000 km.",
        "Is not what I ask. This assistant is very bad, always make mistake with my booking.",
    ),
)

_CANCEL = (
    (
        "My miles expired again even though I flew in March.",
        "Miles expire after 24 months of inactivity.",
        "I flew in March! I'm cancelling my membership and moving to a carrier that respects its flyers.",
    ),
    (
        "the lms keeps losing submitted homework",
        "Please make sure students click Submit, not Save.",
        "we're a school of 900 kids. if this keeps happening we will not renew the district license next year",
    ),
    (
        "Auto-reload charged my card twice this week.",
        "Auto-reload triggers when the balance falls under $10.",
        "I'm turning off auto-reload and closing my fare account. Refund the balance please.",
    ),
    (
        "Filing fees were charged but the filing shows as failed.",
        "Fees are refunded for failed filings within 10 days.",
        "Our firm is seriously considering switching to a different e-filing service provider because of this.",
    ),
    (
        "the crm sync with our email broke again",
        "Email sync can be reconnected in Integrations.",
        "third time this month. we're evaluating other crms, honestly. pls send me how to export everything",
    ),
    (
        "Managed cluster upgrade broke our workloads again.",
        "Upgrades are applied in the maintenance window you selected.",
        "We're going to migrate off your managed Kubernetes to another cloud. How do we terminate the contract?",
    ),
    (
        "my subscription charged even tho i cancelled the game pass",
        "The game pass renews monthly unless cancelled.",
        "I DID cancel. cancel it again and close my whole account pls, done with this store",
    ),
    (
        "Your service center lost my spare key.",
        "We will look into it with the service team.",
        "This is the second time. I'm taking my car to another dealer from now on and won't be renewing the maintenance plan.",
    ),
    (
        "I NEVER GOT MY STATUS MATCH",
        "STATUS MATCH REQUESTS TAKE 4 WEEKS.",
        "ITS BEEN 10 WEEKS. CLOSE MY LOYALTY ACCOUNT. I'M SWITCHING AIRLINES.",
    ),
    (
        "the new parent portal is so slow",
        "We are working on performance improvements.",
        "my partner already deleted the app, i'm about to unsubscribe from all of it too 😤",
    ),
    (
        "The commuter benefit didn't load on my card again.",
        "Employer benefits load on the first business day of the month.",
        "It's the 9th.",
        "Please check with your employer that the order was placed.",
        "They did. I'm going to ask HR to drop your card from our benefits and switch to the competitor's pass.",
    ),
    (
        "i am paying the pro plan and the api limit is same as free plan",
        "Pro plans include higher API limits.",
        "Not in my account. If is not fixed this week I cancel the pro plan and ask the money back.",
    ),
)

_POLITENESS = (
    (
        "How many miles do I need for a domestic economy award?",
        "Domestic economy awards start at 7,500 miles one way.",
        "Ok, thanks. That's all, goodbye.",
    ),
    (
        "what time does the school office open",
        "The office opens at 7:30 am on school days.",
        "ok ty bye",
    ),
    (
        "Can I use my fare card on the airport express?",
        "Yes, the airport express accepts the fare card at standard airport fare.",
        "Alright, thank you. Have a good evening.",
    ),
    (
        "Which court handles small claims under $5,000 in this county?",
        "Small claims under $5,000 are filed with the District Court, civil division.",
        "Thank you for the information. Regards.",
    ),
    (
        "how do i add a custom field to contacts",
        "Go to Settings → Objects → Contacts → Add field.",
        "k thx",
    ),
    (
        "What's the default memory limit for pods in the dev namespace?",
        "The LimitRange in dev sets 512Mi as the default memory limit.",
        "Noted, thanks. That's everything for now.",
    ),
    (
        "do gift cards expire",
        "No, store gift cards do not expire.",
        "okay thank you 🙂 bye",
    ),
    (
        "What are the service department's hours on Saturday?",
        "The service department is open 8 am to 1 pm on Saturdays.",
        "OK THANK YOU. GOODBYE.",
    ),
    (
        "Hello, the children under 2 need own ticket on flight?",
        "Children under 2 can travel on a parent's lap for a reduced fare.",
        "Ok, I understand. Thank you, bye bye.",
    ),
    (
        "where do i find the school calendar",
        "It's under Resources → Calendar in the parent portal.",
        "got it, thanks. thats all",
    ),
    (
        "Is there a student discount on monthly passes?",
        "Full-time students get 40% off monthly passes with a verified student ID.",
        "Thanks for letting me know. Cheers.",
    ),
    (
        "Can I file exhibits as separate documents in one envelope?",
        "Yes, each exhibit can be a separate lead or attachment document in the same envelope.",
        "Understood. Thank you, that's all I needed. Good day.",
    ),
)

_SATISFIED = (
    (
        "My miles from the Rome trip are missing.",
        "I've found the flight and credited 3,420 miles to your account just now.",
        "They're there! Thank you so much, that was quick and painless. Really appreciate it.",
    ),
    (
        "the parent portal shows wrong bus route for my kid",
        "I've updated the route to Route 12 and notified the transport office.",
        "omg yes it shows route 12 now, thank you!! you saved my morning 😊",
    ),
    (
        "I was double charged at the gate on Tuesday.",
        "I've refunded the second $2.75 fare to your card; it's on your balance now.",
        "Perfect, I see the refund. Great service, thanks a lot!",
    ),
    (
        "My envelope was rejected for a missing cover sheet.",
        "I've attached the generated cover sheet and resubmitted; the clerk accepted it at 2:14 pm.",
        "Accepted! That's a huge relief, thank you. Excellent help.",
    ),
    (
        "merge the duplicate Acme Corp accounts",
        "Done: the two Acme Corp accounts are merged, with all 14 deals under one record.",
        "works great, exactly what i needed. awesome job 👍",
    ),
    (
        "The api pods are OOMKilled every hour.",
        "I raised the memory limit to 1Gi and rolled out; pods have been stable for 40 minutes.",
        "Confirmed, no restarts since. Brilliant, thanks — that fixed it.",
    ),
    (
        "my dlc didnt unlock",
        "I've re-granted the DLC entitlement; restart the launcher and it should appear.",
        "IT WORKS!!! thank u so much you're the best 🎉",
    ),
    (
        "Can you move my service appointment to Friday morning?",
        "Moved: Friday 9:00 am with advisor Priya, loan car reserved.",
        "Fantastic, that's much better for me. Thank you, really helpful!",
    ),
    (
        "MY COMPANION VOUCHER WONT WORK",
        "I'VE REISSUED IT WITH A NEW CODE; IT'S NOW APPLIED TO YOUR BOOKING.",
        "IT WORKED!! THANK YOU SO MUCH, YOU'RE A LIFESAVER",
    ),
    (
        "hi, my student cant log in to the LMS",
        "I've reset her password and sent the temporary one to your email.",
        "She's in now, thank you so much! Very fast and friendly help.",
    ),
    (
        "The certificate on shop.example.com expired.",
        "I triggered a renewal; the new certificate is valid until March and the site serves it.",
        "Yep, green padlock is back. Great work, much appreciated!",
    ),
    (
        "Hello, my refund for game not arrive",
        "I've processed it again; $59.99 is refunded to your PayPal.",
        "Yes I receive it now! Thank you very much, very good service.",
    ),
)

_CALM = (
    (
        "What's the lounge access rule for Silver members?",
        "Silver members get two lounge passes per year.",
        "Could you repeat how many passes Silver gets? I missed it.",
    ),
    (
        "I'd like to cancel my daughter's after-school club for Thursdays only.",
        "Done, Thursdays are removed; Mondays stay booked.",
        "Great, and can I cancel the lunch order for tomorrow too? She's on a school trip.",
    ),
    (
        "Is there a person I can talk to about a lost-property item on a bus?",
        "Lost property is handled by the transit office at Central station, open 9-5, or call 555-0142.",
        "Thanks, I'll call them tomorrow morning.",
    ),
    (
        "What happens if my filing fails after the deadline?",
        "If the failure is due to a system outage, you can file a motion for relief citing the outage notice.",
        "Good to know, thanks. Hopefully I won't need it.",
    ),
    (
        "I gave it another try and the CSV import works now.",
        "Glad to hear it. The 1,200 contacts are in the Imports list.",
        "Yep, all there. Never mind my earlier question then.",
    ),
    (
        "Can you restart the worker deployment? Nothing is wrong, just rotating the secrets.",
        "Restarted; all 4 worker pods are running with the new secret.",
        "Cool, thanks. Same again for the scheduler deployment please.",
    ),
    (
        "If I refund a game, do I lose my achievements?",
        "Achievements stay on your profile, but the game is removed from your library.",
        "Ok makes sense. I don't mind giving up the game then.",
    ),
    (
        "Can a human technician look at the rattling noise, or is it an automated check?",
        "A certified technician will road-test the car and inspect the suspension in person.",
        "Perfect, a person checking it is what I wanted. Please book me in.",
    ),
    (
        "HOW DO I CANCEL A FLIGHT BOOKED WITH MILES",
        "YOU CAN CANCEL UNDER MY TRIPS; MILES ARE REDEPOSITED FOR A $50 FEE.",
        "OK, GOT IT. I'LL DO IT TONIGHT.",
    ),
    (
        "how do i stop the app from repeating the same notification",
        "Turn off 'Remind me again' under Notifications → Homework.",
        "done, no more repeats. thx",
    ),
    (
        "We're moving to a different nameserver provider next month, will the ingress certs still renew?",
        "Yes, as long as the DNS-01 solver has credentials for the new provider.",
        "Good, I'll add the new credentials before the switch.",
    ),
    (
        "Not a complaint, just curious: why do refunds take 5 days?",
        "The bank settlement runs in batches, so refunds appear within 3-5 business days.",
        "Ah, that explains it. No problem at all.",
    ),
)


# --- Issues: (the ask, the tool turn, the agent's next words) ---------------------------------

_PERMISSION = (
    (
        "Add 5,000 goodwill miles to member 88120455.",
        _t(
            "loyalty_adjust_miles",
            "PermissionDenied: agent role 'tier1' may not credit more than 1,000 miles",
        ),
        "I can't add that many myself; let me see what I can do.",
    ),
    (
        "show me the grades for student 30112",
        _t(
            "gradebook_get",
            '{"error": "forbidden", "detail": "teacher 881 is not assigned to section MATH-7B"}',
        ),
    ),
    (
        "Refund the double tap on card 4410 9921.",
        _t("fare_refund", "ERROR 403: insufficient_scope (required: refunds:write)"),
    ),
    (
        "File the proposed order in case 24-CV-0117.",
        _t(
            "efile_submit", "AccessDenied: filer account is not an attorney of record in 24-CV-0117"
        ),
        "I wasn't able to submit it under this account.",
    ),
    (
        "delete the 40 junk leads from yesterday's import",
        _t("crm_bulk_delete", "You do not have permission to perform bulk delete on object Lead."),
    ),
    (
        "Get the logs of payments-7c9f in namespace prod.",
        _t(
            "kubectl",
            'Error from server (Forbidden): pods "payments-7c9f" is forbidden: User "system:serviceaccount:ops:agent" cannot get resource "pods/log" in API group "" in the namespace "prod"',
        ),
    ),
    (
        "issue a refund for order G-55821",
        _t("store_refund", "permission denied"),
        "Hmm.",
    ),
    (
        "Open the warranty claim for the recall on VIN 1HGCM82633A004352.",
        _t(
            "dms_warranty_claim", "NOT AUTHORIZED: dealer code 4471 lacks WARRANTY_SUBMIT privilege"
        ),
    ),
    (
        "Upgrade member 55120 to Gold as a status match.",
        _t(
            "loyalty_set_tier",
            '{"ok": false, "reason": "insufficient_privileges", "needed": "tier.override"}',
        ),
    ),
    (
        "export the attendance register for the whole district",
        _t(
            "sis_export",
            "Access denied. Your account (school_admin) cannot export data outside school 112.",
        ),
    ),
    (
        "Rotate the database secret in the payments namespace.",
        _t("vault_write", "Code: 403. Errors:\n\n* 1 error occurred:\n\t* permission denied"),
    ),
    (
        "Give the customer the DLC for free as an apology.",
        _t(
            "entitlement_grant",
            "EACCES: operation grant_entitlement not permitted for role support_bot",
        ),
        "I'll look for another way to make it right.",
    ),
)

_EXCEPTION = (
    (
        "What's my award balance? Member 33018842.",
        _t("loyalty_balance", "NullPointerException"),
    ),
    (
        "list the overdue assignments for 9C",
        _t("lms_overdue", "KeyError: 'section_id'"),
    ),
    (
        "Check the balance on card 7781 0022.",
        _t("fare_balance", "java.net.SocketTimeoutException: Read timed out"),
    ),
    (
        "Fetch the docket for 23-CR-4410.",
        _t("court_docket", "System.InvalidOperationException: Sequence contains no elements"),
    ),
    (
        "update Dana's deal stage to Closed Won",
        _t(
            "crm_update_deal",
            'IntegrityError: duplicate key value violates unique constraint "deal_stage_history_pkey"',
        ),
    ),
    (
        "Apply the new HPA for the search service.",
        _t(
            "k8s_apply",
            'ValidationError(HorizontalPodAutoscaler.spec): missing required field "maxReplicas"',
        ),
    ),
    (
        "redeem gift code 7HQ2-PP0L-99XA",
        _t("giftcard_redeem", "GiftCardAlreadyRedeemedException at RedeemService.redeem"),
    ),
    (
        "Book a brake inspection on Saturday for plate KJ-4471.",
        _t(
            "service_booking",
            "ActiveRecord::RecordNotFound: Couldn't find Vehicle with 'plate'=KJ-4471",
        ),
    ),
    (
        "Find award seats to Osaka in May.",
        _t("award_search", "upstream raised ConnectionResetError(104, 'Connection reset by peer')"),
    ),
    (
        "send the absence letter to the Nguyen family",
        _t("sis_mailer", "smtplib.SMTPRecipientsRefused"),
    ),
    (
        "Scale the ingress controller to 3.",
        _t(
            "k8s_scale",
            "ApiException(409): Conflict, the object has been modified; please apply your changes to the latest version",
        ),
    ),
    (
        "Pay the filing fee with the firm card.",
        _t("efile_payment", "Stripe::CardError: Your card was declined."),
        "Let me check the payment method on file.",
    ),
)

_TRACEBACK = (
    (
        "Pull my tier progress for this year.",
        _t(
            "loyalty_progress",
            'Traceback (most recent call last):\n  File "/srv/loyalty/progress.py", line 88, in compute\n'
            "    qualifying = segments / target\nZeroDivisionError: division by zero",
        ),
    ),
    (
        "generate the report cards for year 5",
        _t(
            "reportcard_build",
            'Exception in thread "main" java.lang.IllegalArgumentException: term must not be null\n'
            "\tat org.school.reports.CardBuilder.build(CardBuilder.java:142)\n"
            "\tat org.school.reports.Main.main(Main.java:27)",
        ),
    ),
    (
        "Load $20 onto card 5520 1180.",
        _t(
            "fare_topup",
            "TypeError: Cannot read properties of undefined (reading 'balance')\n"
            "    at topUp (/app/src/fares/topup.js:41:19)\n"
            "    at processTicksAndRejections (node:internal/process/task_queues:95:5)",
        ),
    ),
    (
        "Check whether the clerk accepted envelope 22-448.",
        _t(
            "efile_status",
            "panic: runtime error: index out of range [3] with length 3\n\n"
            "goroutine 14 [running]:\nmain.parseEnvelope(...)\n\t/go/src/efile/status.go:77 +0x1d4",
        ),
    ),
    (
        "enrich the new leads with company size",
        _t(
            "crm_enrich",
            "thread 'main' panicked at 'called `Option::unwrap()` on a `None` value', src/enrich.rs:58:22\n"
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
        ),
    ),
    (
        "Run the canary analysis for the checkout rollout.",
        _t(
            "canary_check",
            'Traceback (most recent call last):\n  File "canary.py", line 12, in <module>\n'
            "    main()\n  File \"canary.py\", line 9, in main\n    metrics = prom.query(q)['data']\n"
            "TypeError: 'NoneType' object is not subscriptable",
        ),
        "One moment.",
    ),
    (
        "show my wishlist sales",
        _t(
            "store_wishlist",
            "Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.\n"
            "   at Store.Wishlist.PriceWatch.Evaluate() in /src/Wishlist/PriceWatch.cs:line 63",
        ),
    ),
    (
        "Look up open recalls for VIN 3FA6P0H71DR287531.",
        _t(
            "recall_lookup",
            "/app/lib/recalls/client.rb:34:in `fetch': undefined method `[]' for nil:NilClass (NoMethodError)\n"
            "\tfrom /app/lib/recalls/lookup.rb:12:in `call'",
        ),
    ),
    (
        "Transfer 10,000 miles to member 77120456.",
        _t(
            "loyalty_transfer",
            "PHP Fatal error:  Uncaught Exception: ledger locked in /var/www/loyalty/Transfer.php:51\n"
            "Stack trace:\n#0 /var/www/loyalty/api.php(88): Transfer->run()\n#1 {main}\n  thrown",
        ),
    ),
    (
        "sync the timetable to the LMS",
        _t(
            "timetable_sync",
            '  File "/opt/sync/timetable.py", line 203, in push_periods\n'
            "    period['room'] = rooms[p.room_id]\nKeyError: 'R-114'",
        ),
    ),
    (
        "Describe the failing job in the batch namespace.",
        _t(
            "k8s_describe",
            "Fatal Python error: Segmentation fault\n\nCurrent thread 0x00007f3a (most recent call first):\n"
            '  File "/usr/lib/python3.11/site-packages/kube/describe.py", line 310 in render',
        ),
    ),
    (
        "Send the gift to my friend's account, username nova_cat.",
        _t(
            "store_gift",
            "Error: connect ECONNREFUSED 10.0.4.12:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)",
        ),
    ),
)

_HTTP = (
    (
        "Check award availability LIS to JFK on the 12th.",
        _t("award_search", "HTTP/1.1 503 Service Unavailable\nRetry-After: 120"),
    ),
    (
        "pull the attendance for today",
        _t("sis_attendance", "HTTP/2 500"),
    ),
    (
        "What's the balance on card 9910 2231?",
        _t("fare_balance", "< HTTP/1.1 502 Bad Gateway\n< Server: nginx\n< Content-Length: 157"),
    ),
    (
        "Submit the envelope for case 24-FA-0093.",
        _t(
            "efile_submit",
            'HTTP/1.1 422 Unprocessable Entity\nContent-Type: application/json\n\n{"message": "lead document missing"}',
        ),
    ),
    (
        "create a task for Mo to call the Brightline lead tomorrow",
        _t("crm_create_task", "Status: 429 Too Many Requests"),
    ),
    (
        "Hit the health endpoint of the search service.",
        _t("http_get", "HTTP/1.1 504 Gateway Timeout"),
    ),
    (
        "check if the key for Starfall is still valid",
        _t(
            "key_validate",
            "<html><head><title>500 Internal Server Error</title></head><body><center><h1>500 Internal Server Error</h1></center></body></html>",
        ),
    ),
    (
        "Reserve a loan car for Friday's service.",
        _t("loaner_reserve", "HTTP 409 Conflict: vehicle already reserved"),
    ),
    (
        "Update my seat on flight TP 2011.",
        _t("seat_update", "HTTP/1.0 404 Not Found"),
    ),
    (
        "post the homework to class 6A",
        _t("lms_post", "HTTP/1.1 400 Bad Request\nX-Request-Id: 8c1f2e"),
    ),
    (
        "Deploy the helm chart to staging.",
        _t("helm_api", "response: 503 Service Temporarily Unavailable (ingress-nginx)"),
    ),
    (
        "Find the payment for my refund.",
        _t(
            "payments_lookup",
            'HTTP/2 401 Unauthorized\nwww-authenticate: Bearer error="invalid_token"',
        ),
    ),
)

_JSON = (
    (
        "How many miles do I have?",
        _t("loyalty_balance", '{"status": 500, "message": "ledger unavailable"}'),
    ),
    (
        "enroll Amira in the robotics club",
        _t("club_enroll", '{"data": null, "meta": {"status": 409, "error": "club full"}}'),
    ),
    (
        "Block my lost card 3301 8890.",
        _t(
            "fare_block_card",
            '{"request_id": "b7e1", "result": {"status": 503, "detail": "card registry timeout"}}',
        ),
    ),
    (
        "Get the judge assignment for 24-CV-0117.",
        _t("court_case_info", '{"status": "404", "title": "Case not found"}'),
    ),
    (
        "log a call with the Ortiz lead",
        _t("crm_log_activity", '[{"id": null, "status": 422, "errors": ["subject is required"]}]'),
    ),
    (
        "Get the rollout status of checkout.",
        _t(
            "argo_status",
            '{"kind": "Status", "apiVersion": "v1", "status": "Failure", "message": "deployments.apps \\"checkout\\" not found", "reason": "NotFound", "code": 404}',
        ),
    ),
    (
        "refund order G-91002",
        _t("store_refund", '{"refund": {"id": "rf_0", "state": "rejected"}, "status": 400}'),
    ),
    (
        "Book the 60,000 km service for plate MX-2291.",
        _t("service_booking", '{"booking": null, "status": 502, "upstream": "dms"}'),
    ),
    (
        "Apply my upgrade voucher to booking QX7P2L.",
        _t("voucher_apply", '{"response": {"body": {}, "statusCode": 500}}'),
    ),
    (
        "show Leo's reading log",
        _t("lms_reading_log", '{"ok": false, "status": 401}'),
    ),
    (
        "Renew the cert for api.internal.",
        _t(
            "cert_renew",
            '{"order": {"status": 429, "type": "urn:ietf:params:acme:error:rateLimited"}}',
        ),
    ),
    (
        "Add the Thursday bus pass to my account.",
        _t(
            "pass_add",
            '{\n  "status": 500,\n  "error": "Internal Server Error",\n  "path": "/v2/passes"\n}',
        ),
    ),
)

_ERROR_PREFIX = (
    (
        "Change the name on my loyalty account to Ana Sousa.",
        _t("loyalty_profile_update", "error: name change requires document verification"),
    ),
    (
        "print the class list for 3B",
        _t("sis_class_list", "Failed to generate PDF: template 'classlist_v2' missing"),
    ),
    (
        "Register my new fare card 6612 0087.",
        _t("fare_register", "ERROR: card already linked to another account"),
    ),
    (
        "Attach the exhibit to envelope 22-448.",
        _t("efile_attach", "failed to attach document: file exceeds 25 MB limit"),
    ),
    (
        "send the Q3 renewal sequence to the enterprise segment",
        _t("crm_sequence_send", "Error: segment 'enterprise' has 0 contacts with email consent"),
    ),
    (
        "Pull the latest image for the api deployment.",
        _t("k8s_set_image", 'error: unable to find container named "api-server"'),
    ),
    (
        "Add the DLC to my cart.",
        _t("cart_add", "FAILED TO ADD ITEM: region mismatch"),
    ),
    (
        "Email me the invoice for my last service.",
        _t("dms_invoice", "Error - invoice 55120 could not be rendered"),
    ),
    (
        "Cancel award booking ZK44TP and redeposit the miles.",
        _t("award_cancel", "failed to redeposit miles: booking partially flown"),
    ),
    (
        "reset the lunch PIN for student 44120",
        _t("lunch_pin_reset", "[error] student 44120 has no active lunch account"),
    ),
    (
        "Roll back the payments release to revision 41.",
        _t("helm_rollback", "Error: release: not found"),
    ),
    (
        "Give me the tracking for my collector's edition.",
        _t("order_tracking", "error: carrier API returned no data for shipment SH-10021"),
    ),
)

_APOLOGY = (
    (
        "Upgrade my seat with miles on flight TP 1352.",
        _t("seat_upgrade", "{}"),
        "Sorry, something went wrong while I tried to upgrade your seat.",
    ),
    (
        "can you send the permission slip to all year 4 parents",
        _t("sis_mailer", "queued=0"),
        "Apologies, I wasn't able to send the permission slip just now.",
    ),
    (
        "Move my remaining balance to my new card.",
        _t("fare_transfer", "null"),
        "I'm sorry, that didn't go through on my side. Could we try again in a bit?",
    ),
    (
        "File the notice of appearance for me.",
        _t("efile_submit", ""),
        "My apologies — I ran into a problem submitting the notice. It was not filed.",
    ),
    (
        "add a note to the Brightline deal",
        _t("crm_add_note", '{"id": ""}'),
        "sorry, couldn't save the note, something broke on my end",
    ),
    (
        "Restart the notifications deployment.",
        _t("k8s_rollout_restart", "deployment.apps/notifications"),
        "Sorry about that — the restart didn't take, the pods are still on the old revision.",
    ),
    (
        "redeem my gift card 4HH2-99QA-LL01",
        _t("giftcard_redeem", '{"balance": null}'),
        "Ugh, sorry! I couldn't redeem it, the system didn't give me a balance back.",
    ),
    (
        "Please book the recall repair for next Tuesday.",
        _t("service_booking", "pending"),
        "I'm very sorry, I was unable to complete the booking. The system did not confirm it.",
    ),
    (
        "Add my partner to the household account.",
        _t("household_add", '{"members": []}'),
        "Sorry, I am not able to add her, the system not accept it for now.",
    ),
    (
        "excuse Omar's absence for yesterday",
        _t("attendance_excuse", "0 rows"),
        "So sorry, that didn't work — the absence is still marked unexcused.",
    ),
    (
        "Scale the worker pool to 8 nodes.",
        _t("nodepool_scale", "accepted"),
        "Apologies, the scale operation seems to have failed; the pool is still at 4 nodes.",
    ),
    (
        "SEND ME MY GAME KEY AGAIN",
        _t("key_resend", "ok"),
        "SORRY, I HIT A PROBLEM RESENDING THE KEY. IT DID NOT GO OUT.",
    ),
)

_OK_TOOL = (
    (
        "How many miles do I have?",
        _t("loyalty_balance", '{"status": 200, "miles": 48210, "errors": []}'),
        "You have 48,210 miles.",
    ),
    (
        "did the report cards generate for year 5",
        _t("reportcard_build", "generated 112 report cards, 0 failed, 0 errors"),
        "Yes, all 112 report cards were generated.",
    ),
    (
        "Is my card still blocked?",
        _t(
            "fare_card_status",
            '{"card": "3301 8890", "status": "active", "previously_denied_taps": 2}',
        ),
        "Your card is active again; the two earlier denied taps were refunded.",
    ),
    (
        "Did my envelope go through?",
        _t("efile_status", 'HTTP/1.1 200 OK\n\n{"envelope": "22-448", "state": "accepted"}'),
        "Yes, envelope 22-448 was accepted by the clerk.",
    ),
    (
        "import the trade show leads",
        _t(
            "crm_import",
            '{"imported": 214, "failed": 0, "skipped_duplicates": 3, "error_rows": []}',
        ),
        "Imported 214 leads; 3 duplicates were skipped.",
    ),
    (
        "Check the rollout for the api deployment.",
        _t("kubectl", 'deployment "api" successfully rolled out'),
        "The api rollout finished successfully.",
    ),
    (
        "Redeem gift card 7HQ2-PP0L-99XA.",
        _t("giftcard_redeem", '{"redeemed": true, "error": null, "balance": "25.00"}'),
        "Done, $25.00 is on your store balance.",
    ),
    (
        "Is the recall repair booked?",
        _t("service_booking", '{"booking_id": "SB-5521", "status": "confirmed", "warnings": []}'),
        "Sorry for the wait — it's booked: Tuesday 8:30 am, reference SB-5521.",
    ),
    (
        "Did the status match request get denied?",
        _t("status_match", '{"request": "SM-2201", "denied": false, "new_tier": "Gold"}'),
        "No, it was approved: you're Gold now.",
    ),
    (
        "check pods in prod",
        _t(
            "kubectl",
            "NAME                     READY   STATUS    RESTARTS   AGE\n"
            "payments-7c9f-abcde      1/1     Running   0          3d\n"
            "payments-7c9f-fghij      1/1     Running   0          3d",
        ),
        "Both payments pods are running with no restarts.",
    ),
    (
        "Run the error report for last week's failed logins in the parent portal.",
        _t("portal_report", "report 'failed_logins_week_48' ready: 37 rows"),
        "Here's the report: 37 failed logins last week, mostly password typos.",
    ),
    (
        "refund order G-55821",
        _t(
            "store_refund",
            "Refund RF-88120 created. Status: completed. Previous attempt error cleared.",
        ),
        "Apologies for the delay, the refund is completed.",
    ),
)


# --- Escalation: whole conversations (user, agent, user, ...) ---------------------------------

_UNMET = (
    (
        "I want to speak to a human agent about my missing miles.",
        "Sure! To check your miles, please share your membership number.",
    ),
    (
        "can i talk to a real person at the school office pls",
        "Here are the school office's FAQ topics: absences, lunch accounts, transport.",
    ),
    (
        "I'd like to speak with a customer service representative about my fare card.",
        "Your fare card can be managed in the app under Cards.",
        "I asked for a representative.",
        "You can also top up your card at any station machine.",
    ),
    (
        "Please transfer me to the clerk's office.",
        "E-filing is available 24/7. What would you like to file today?",
    ),
    (
        "is there a human on your support team i can chat with? the crm agent keeps messing up",
        "I can help with that! What would you like me to do in the CRM?",
    ),
    (
        "Page the on-call engineer, I need a human on this incident.",
        "Here's a runbook for node NotReady incidents: 1. Check the kubelet. 2. Check disk pressure.",
    ),
    (
        "HUMAN PLEASE",
        "Hi there! 🎮 What can I help you with today?",
        "I SAID A HUMAN",
        "Check out our summer sale, up to 80% off!",
    ),
    (
        "I would like a service advisor to call me back about the noise.",
        "Noises can come from many sources, such as brakes, suspension or exhaust.",
    ),
    (
        "Hello, please I want to talk with a person, not a machine.",
        "I understand. Let's get started: what is your booking reference?",
        "No, a person please.",
        "Your booking reference is 6 characters long and in your confirmation email.",
    ),
    (
        "can someone from the district IT team contact me about the LMS outage",
        "The LMS is used by over 40 schools in the district.",
    ),
    (
        "Connect me to a real support agent about my gift card 😤",
        "Gift cards can be redeemed under Account → Redeem.",
    ),
    (
        "My car has been at your dealership for two weeks. Get me the service manager.",
        "I'm sorry to hear that! Our service department offers a loan car for longer repairs.",
        "I don't want a loan car, I want the service manager.",
        "Would you like me to book your next maintenance appointment?",
    ),
)

_MET = (
    (
        "Can I speak to a human about my missing miles?",
        "Of course. I'm transferring you to a loyalty specialist now; your reference is LY-4471.",
    ),
    (
        "can i talk to someone at the school office",
        "The school office isn't staffed on weekends, so I can't connect you now. I've left a callback request for Monday at 8 am.",
    ),
    (
        "I'd like a representative to look at my fare card refund.",
        "I've created a case (FC-1180) and a customer service representative will email you within one business day.",
    ),
    (
        "Please put me through to the clerk.",
        "The clerk's office doesn't take chat transfers; you can reach them at 555-0190 between 8:30 and 4:30.",
        "Ok, thanks, I'll call.",
    ),
    (
        "i want a human from support",
        "Connecting you to a support engineer now — please hold, the wait is about 3 minutes.",
    ),
    (
        "Page the on-call SRE.",
        "Paged: on-call SRE Kim has been notified via PagerDuty and will join this incident channel.",
    ),
    (
        "HUMAN PLEASE",
        "OK! Handing you over to a human agent now. Your queue position is 2.",
    ),
    (
        "Can a service advisor call me?",
        "Yes. Priya, your service advisor, will call you this afternoon; I've passed on your notes about the noise.",
        "Great, thank you.",
    ),
    (
        "I want speak with a person please.",
        "Sorry, live agents only work 9am-6pm and it's 10pm now, so I can't transfer you. I can book you a call tomorrow morning, would that work?",
        "Yes please.",
        "Booked for 9:15 am tomorrow.",
    ),
    (
        "can someone from district IT contact me",
        "I've escalated your ticket to the district IT team; they'll contact you at the email on file.",
    ),
    (
        "Get me the service manager.",
        "The service manager, Tom Reyes, is with a customer; I've asked him to call you back within the hour.",
    ),
    (
        "Is there a real person I can talk to about my refund?",
        "Refund disputes are handled only by our payments team, which doesn't do live chat, so I can't hand you over. I've opened ticket RF-2210 for them, and they reply by email within 48 hours.",
    ),
)

_ERROR_DOCS = (
    (
        "What does error LY-207 mean in the loyalty app?",
        "LY-207 means the flight you're claiming was booked under a different name. You can claim it once the names match.",
        "Ah, my booking had my middle name. Makes sense.",
    ),
    (
        "the portal says ERR_SESSION_EXPIRED what is that",
        "It means you were logged out after 15 minutes of inactivity. Log in again and you'll be where you left off.",
        "ok thanks",
    ),
    (
        "My card reader beeped and showed code 31, what's that?",
        "Code 31 means the card was tapped twice within a minute; the second tap isn't charged.",
        "Good to know, thanks.",
    ),
    (
        "What does rejection reason 'R-12 fee not authorized' mean?",
        "R-12 means the payment processor didn't authorize the filing fee. Resubmit with another card or a fee waiver; the filing date is kept if you resubmit within 24 hours.",
        "Understood, I'll resubmit with the firm's other card.",
    ),
    (
        "what does 'error 1062 duplicate entry' mean when i import contacts",
        "It means a contact with the same email already exists, so that row was skipped. The rest of the import went through.",
        "oh ok so nothing broke. cool",
    ),
    (
        "What does ImagePullBackOff mean exactly?",
        "It means the kubelet couldn't pull the container image and is waiting before retrying, usually because of a wrong tag or missing registry credentials.",
        "Thanks, that's a clear explanation.",
    ),
    (
        "my launcher showed error 0x80070005 yesterday, should i worry?",
        "0x80070005 is an access-denied code from Windows, usually when the launcher isn't run with enough rights to write to the install folder. Running it once as administrator fixes it.",
        "ok will try that next time",
    ),
    (
        "What does the P0420 code on my dashboard report mean?",
        "P0420 means the catalytic converter efficiency is below threshold. It isn't urgent, but we'd check it at your next service.",
        "Okay, I'll mention it when I come in.",
    ),
    (
        "WHAT IS HTTP 503 IN THE AIRLINE APP",
        "503 MEANS THE SERVER WAS BUSY FOR A MOMENT. IT USUALLY CLEARS IN A FEW MINUTES.",
        "OK THANKS",
    ),
    (
        "What does 'status 409' in the LMS sync log mean?",
        "409 means the record was changed by someone else at the same time, so the sync retries it on the next run.",
        "Makes sense, thank you.",
    ),
    (
        "Hello, what mean 'PermissionDenied' in the court system message?",
        "It means the account you logged in with isn't listed on that case. A filer can add you as a service contact.",
        "Ok I understand now, thank you.",
    ),
    (
        "What is a Traceback in the export log? Is it bad?",
        "A traceback is the list of function calls a program prints when it stops on an error. In your log it's from last week's export, which was rerun successfully afterwards.",
        "Got it, so today's export is fine.",
    ),
)


HELDOUT22: dict[str, tuple[Conv, ...]] = forms_of(globals())
# what each form must read (the wants of facet_robustness_set.hit): batch 20's, and the new
# look-alike read by both facets
WANTS22: dict[str, tuple[tuple[str, str], ...]] = {
    **WANTS20,
    "error_code_docs": (("Sentiment", "not NEGATIVE"), ("Issues", "not FAILED")),
}


def split22(part: str, seed: int = SPLIT_SEED_22) -> dict[str, tuple[Conv, ...]]:
    """`dev` or `test`: each form's cases shuffled once by the seed, the first half (rounded up)
    to dev, the rest to test."""
    return split_forms(HELDOUT22, part, seed)
