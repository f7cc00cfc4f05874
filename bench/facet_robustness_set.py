"""A robustness set for the local Sentiment and Issues rules: each failure form phrased many ways.

Written by hand for this purpose, in several domains (banking, retail, travel, telecom, HR and
analytics software), and not taken from the demo generator's templates. Each form has a list of
phrasings; `cases()` wraps every phrasing in a small conversation and says what a correct
summarizer must answer. Used by tests/test_facet_robustness.py (recall per form) and by
bench/facet_quality.py (recall per form, false alarms on the demo's NONE traces).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import facet_robustness_batch4 as b4
import facet_robustness_batch5 as b5
import facet_robustness_batch6 as b6
import facet_robustness_batch7 as b7
import facet_robustness_batch8 as b8
import facet_robustness_batch9 as b9
import facet_robustness_batch10 as b10
import facet_robustness_batch11 as b11
import facet_robustness_batch12 as b12
import facet_robustness_batch13 as b13
import facet_robustness_batch14 as b14
import facet_robustness_batch15 as b15
import facet_robustness_batch16 as b16
import facet_robustness_batch17 as b17
import facet_robustness_batch18 as b18
import facet_robustness_batch19 as b19
import facet_robustness_batch20 as b20
import facet_robustness_batch21 as b21
import facet_robustness_batch22 as b22
import facet_robustness_batch23 as b23

# (first user turn, agent answer): neutral openings from different products.
SCAFFOLDS = (
    (
        "How do I change the delivery address on order 5521?",
        "You can edit it under Orders → 5521 → Delivery until it ships.",
    ),
    (
        "My card payment was declined at the supermarket this morning.",
        "Declines usually come from the daily limit; you can raise it under Card → Limits.",
    ),
    (
        "I need to move my flight to Thursday.",
        "I can look at Thursday options for you. Which time of day suits you?",
    ),
    (
        "The mobile data on my plan stopped working after the update.",
        "Please toggle airplane mode and restart the phone; that re-registers the SIM.",
    ),
    (
        "How can an employee see their remaining vacation days?",
        "Employees find it under Time off → Balance in the app.",
    ),
    (
        "The weekly report shows zero rows since Monday.",
        "That happens when the source credentials expire. Reconnect it under Settings → Sources.",
    ),
    (
        "Can I add a second user to our workspace?",
        "Yes: Settings → Members → Invite, and pick their role.",
    ),
    (
        "My invoice PDF won't download.",
        "Try the Download button in Billing → Invoices; it opens in a new tab.",
    ),
)

# --- Sentiment forms: every phrasing must come out NEGATIVE (or MIXED) -------------------------

FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "That didn't help at all.",
        "Nope, that did not work.",
        "I did exactly that and it still fails.",
        "Your suggestion doesn't help, the problem is the same.",
        "Tried it, no change whatsoever.",
        "That's not helpful, I already knew that.",
        "It still isn't working after the restart.",
        "Still the same error as before.",
        "This answer doesn't solve anything.",
        "Did what you said. Nothing changed.",
        "Not much help, honestly, it keeps failing.",
        "That was no help at all.",
    ),
    "repeated_request": (
        "As I said, I need the address changed, not the billing details.",
        "I already told you the order number twice.",
        "How many times do I have to explain this?",
        "This is the third time I'm asking the same question.",
        "Like I said before, the card is blocked.",
        "I literally just told you which flight.",
        "I'm asking again: where is my refund?",
        "Again, for the second time today: the export is empty. I asked this already.",
        "I have said this before, the app crashes on login.",
        "Let me repeat myself once more: I want Thursday, not Tuesday. I already said that.",
        "I've explained this three times now.",
        "Read my previous message, I already gave you the account ID.",
    ),
    "ask_human": (
        "Can I speak to a human, please?",
        "I want to talk to a real person.",
        "Please transfer me to an agent.",
        "Get me a manager.",
        "Is there a person I can talk to?",
        "Let me speak with someone from customer service.",
        "I'd like a human representative to handle this.",
        "Connect me with a live agent now.",
        "human please",
        "Can I have a supervisor look at this?",
        "Put me through to your support team.",
        "I need to talk with an actual human about this charge.",
    ),
    "sarcasm": (
        "Oh great, now it doesn't even open.",
        "Thanks for nothing.",
        "Wow, so helpful.",
        "Perfect, another error. Just what I needed.",
        "Yeah, right, like that's going to work.",
        "Brilliant, now the app crashes too.",
        "Very helpful, not.",
        "Love how it keeps logging me out every five minutes.",
        "Fantastic, now I've lost the draft as well.",
        "Great, so now nothing loads at all.",
        "What a big help that was...",
        "Lovely, now it's stuck on the spinner.",
    ),
    "giving_up": (
        "Forget it, I'll figure it out myself.",
        "Never mind, I'll do it on my own.",
        "I give up.",
        "Don't bother, I'll ask my bank directly.",
        "This is pointless, I'm done.",
        "Ok, whatever.",
        "Not worth my time, I'll look elsewhere.",
        "Forget about it.",
        "I'll just handle it myself then.",
        "Never mind, forget it.",
        "Fine, whatever, I'll go elsewhere.",
        "I'm done with this.",
    ),
    "agent_complaint": (
        "You're not listening to me.",
        "You don't understand what I'm asking.",
        "You keep giving me the same answer.",
        "Are you even reading my messages?",
        "You misunderstood the question completely.",
        "This bot is useless.",
        "You keep repeating yourself.",
        "Pay attention, I said Thursday.",
        "You clearly don't get it.",
        "Stupid bot, answer the question.",
        "You're going in circles.",
        "You're just a bot, aren't you? You never answer the actual question.",
    ),
    "cancel_talk": (
        "I'm going to cancel my subscription.",
        "We are ready to close our account over this.",
        "We're thinking about cancelling.",
        "If this isn't fixed we will not renew.",
        "I'm seriously considering leaving your service.",
        "We'll take our business elsewhere.",
        "We have decided to terminate our contract.",
        "Honestly we are questioning whether this is worth it.",
        "Time to switch to a competitor.",
        "Cancel the whole plan, we're done.",
        "We are looking elsewhere at this point.",
        "After this mess I'm closing my account.",
    ),
}
# Politeness is not satisfaction: these closings must not make a conversation POSITIVE.
POLITE_CLOSINGS = (
    "Thanks, that's all. Goodbye.",
    "Ok thank you, bye.",
    "Thank you for your help.",
    "Alright, thanks.",
    "Thanks, have a good day.",
    "Cheers, bye.",
    "Thank you very much, that's everything for today.",
    "OK, thanks. That will be all.",
    "Thanks for the info.",
    "Got it, thank you.",
    "Thanks in advance.",
    "ty, bye",
)
# Evidence of satisfaction: these closings must make a conversation POSITIVE.
SATISFIED = (
    "Perfect, that worked! Thank you so much.",
    "That fixed it, you're a lifesaver.",
    "Works now, great job.",
    "Exactly what I needed, thanks!",
    "You've been really helpful, much appreciated.",
    "Problem solved, thank you!",
    "Love the new app by the way, and this sorted it.",
    "Brilliant, it's working again.",
)

# --- Issues forms: every phrasing must be flagged ------------------------------------------------

TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "PermissionDenied: token lacks scope 'orders:write'",
        "AccessDenied: user is not a member of group finance",
        "ValueError: invalid date '2024-02-30'",
        "KeyError: 'customer_id'",
        "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.example.com')",
        "NotFound: dashboard 9912 does not exist",
        "RateLimitExceeded: 120 requests per minute",
        "QuotaExceeded: daily export limit reached",
        "ECONNREFUSED 10.0.0.4:5432",
        "java.lang.IllegalStateException: session closed",
        "InvalidArgument: page_size must be <= 100",
        "AuthenticationFailed: expired credentials",
    ),
    "traceback": (
        'Traceback (most recent call last):\n  File "tool.py", line 3, in run\nZeroDivisionError: division by zero',
        'Result of query:\nTraceback (most recent call last):\n  File "db.py", line 88\nOperationalError: no such table',
        'Exception in thread "main" java.lang.NullPointerException\n\tat com.acme.Orders.find(Orders.java:41)',
        "panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:",
        "Unhandled exception:\n  at Billing.Charge(Charge.java:120)\n  at Billing.Run(Run.java:9)",
        'partial output...\ntraceback (most recent call last):\n  File "x.py", line 1',
        "Stack trace:\njava.io.IOException: stream closed\n\tat io.Reader.read(Reader.java:77)",
        'Traceback (most recent call last):\n  File "/app/main.py", line 12, in <module>\nTimeoutError',
        "Fatal: unexpected exception in worker 4",
        'Output:\n  Traceback (most recent call last):\n    File "sync.py", line 5',
    ),
    "http_status_line": (
        "HTTP/1.1 503 Service Unavailable",
        "HTTP/2 401",
        "403 Forbidden",
        "500 Internal Server Error",
        "The upstream API answered 502 Bad Gateway.",
        "Request to /v2/orders returned HTTP/1.1 404 Not Found",
        "429 Too Many Requests - retry after 30s",
        "HTTP 400: malformed body",
        "Status: 503",
        "status code 422 from payments service",
        "got 504 Gateway Timeout from upstream",
        "HTTP/1.0 409 Conflict",
    ),
    "json_status": (
        '{"status": 500, "message": "internal"}',
        '{"data": null, "meta": {"status": 503}}',
        '{"response": {"statusCode": 403, "body": "denied"}}',
        '[{"id": 7, "status_code": 404}]',
        '{"result": {"http_status": 429}}',
        '{"status": "error", "detail": "card expired"}',
        '{"ok": false, "reason": "locked"}',
        '{"success": false}',
        '{"payload": {"items": [], "error": {"code": 401, "message": "unauthorized"}}}',
        '{"status": "400", "title": "Bad Request"}',
        '{"outer": {"inner": {"status": 502}}}',
        '{"code": 500, "message": "backend unavailable"}',
    ),
    "error_prefix": (
        "error: quota exceeded",
        "Error - could not parse the CSV",
        "ERROR quota exceeded for project",
        "[error] upstream closed the connection",
        "Failed to connect to the database",
        "failed to refresh token",
        "Sync started.\nError: disk full",
        "Preparing export...\nfailed to write file report.xlsx",
        "Unable to charge the card ending 4242",
        "Could not locate order 88812",
        "Cannot cancel: the shipment already left the warehouse",
        "FATAL: password authentication failed",
    ),
    "apology_after_tool": (
        "Sorry, something went wrong while I tried that.",
        "I ran into an error on my end while updating your address.",
        "Apologies, the system seems to be down at the moment.",
        "Hmm, that request failed. Let me know if you want me to try again.",
        "I'm sorry, I couldn't complete the change because of a technical issue.",
        "It looks like there was a problem with our system when I submitted it.",
        "Unfortunately the payment didn't go through.",
        "I wasn't able to retrieve your order details just now.",
        "Sorry about that, I hit a technical glitch while looking that up.",
        "Our booking service is currently unavailable, so I couldn't save it.",
        "My apologies, the lookup timed out.",
        "I'm having technical difficulties with the system right now.",
    ),
}
# A tool result that is fine, for the apology form (the failure is in the agent's words).
OK_TOOL_REPLY = '{"result": "accepted", "id": 4411}'

# User asks for a person, the agent answers without a handover and without saying why not.
UNMET_ESCALATION: tuple[tuple[str, str], ...] = (
    (
        "Can I talk to a human?",
        "I can help you with that! What seems to be the problem with your order?",
    ),
    (
        "I want a real person.",
        "Sure. Could you share your account number so I can check the charge?",
    ),
    ("Transfer me to an agent please.", "Let's try restarting the router first."),
    ("Get me a manager.", "I understand. Your ticket number is 88120. Anything else?"),
    (
        "Is there anyone I can speak to?",
        "Here is our help article about refunds: help.example.com/refunds",
    ),
    ("I need to speak with a supervisor.", "Please clear your browser cache and try again."),
    ("Connect me with customer service.", "Your order is on its way and should arrive tomorrow."),
    ("Let me talk to someone else.", "Of course! What else can I help you with today?"),
    ("human please", "I'd be happy to assist. Which account is this about?"),
    ("Can I have a representative call me?", "Thanks for your patience. Your balance is $42.10."),
    ("Put me through to your support team.", "Have you tried logging out and in again?"),
    (
        "I'd like to speak to an actual person about this.",
        "I see. Could you describe the issue in more detail?",
    ),
)
# The same asks answered properly: none of these is unmet.
MET_ESCALATION: tuple[tuple[str, str], ...] = (
    (
        "Can I talk to a human?",
        "I'm not able to transfer chats, but you can reach our team at support@example.com.",
    ),
    (
        "I want a real person.",
        "Our human agents are available from 9am to 5pm; it is outside business hours now.",
    ),
    (
        "Transfer me to an agent please.",
        "Would you like me to connect you with an agent? It may take a few minutes.",
    ),
    ("Get me a manager.", "I'm now transferring you to a manager."),
    (
        "Is there anyone I can speak to?",
        "No live agents are online right now, I'm sorry. Please open a ticket and we will call you back.",
    ),
    (
        "I need to speak with a supervisor.",
        "I'm an AI assistant and can't transfer you, but you can call us at the number on your bill.",
    ),
)


# --- Held-out batch ------------------------------------------------------------------------------
# Written after the rules were frozen and never used to change them: how the rules do on phrasings
# nobody tuned for (reported by bench/facet_quality.py, not asserted by the tests).

HELDOUT_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "followed your steps to the letter, same result",
        "that workaround made no difference",
        "Nope. Still broken after clearing the cache.",
        "I rebooted like you said and the error is still there",
        "your answer doesn't really address my problem",
        "It's still not syncing.",
        "the link you sent didn't help me at all",
        "Tried all of that already, nothing works.",
    ),
    "repeated_request": (
        "I said this in my first message: the order number is 4471.",
        "As I mentioned twice already, I'm on the Android app.",
        "Once again, I need the invoice for March, not April.",
        "For the fourth time, my name is spelled with a K.",
        "I've asked this multiple times now. Where is the refund?",
        "Please reread what I wrote, I already answered that.",
        "like i already told you the flight is on the 12th",
        "I keep asking the same thing and getting nowhere.",
    ),
    "ask_human": (
        "Could you get a real human on the line?",
        "i need to speak to someone from your billing team",
        "Can a person call me back about this?",
        "Please escalate my case to a supervisor.",
        "Is there any way to talk to an actual agent?",
        "I'd rather chat with a live person.",
        "representative please",
        "Hand me over to a human colleague, thanks.",
    ),
    "sarcasm": (
        "Oh wonderful, it deleted my settings too.",
        "Well that was super useful. Not.",
        "Great job, now I can't log in at all.",
        "Awesome, another outage. Just what I needed today.",
        "Thanks a lot for wasting my afternoon.",
        "Terrific, now the whole dashboard is blank.",
        "Yeah right, as if that will fix it.",
        "Nice, now my data's gone.",
    ),
    "giving_up": (
        "never mind, I'll sort it out on my own",
        "Forget it. I'll call the bank instead.",
        "ok I give up on this",
        "I'll just figure it out myself, thanks anyway.",
        "Whatever. Not worth the effort.",
        "I'm done trying.",
        "Don't bother, I'll find another way.",
        "Fine, forget about it.",
    ),
    "agent_complaint": (
        "you don't seem to understand my question",
        "Are you actually reading what I write?",
        "You keep sending me the same article.",
        "You're not helping at all.",
        "This assistant is useless.",
        "You got that wrong again.",
        "you never answer what I ask",
        "You are going in circles here.",
    ),
    "cancel_talk": (
        "We're seriously thinking of cancelling our plan.",
        "If nothing changes we won't be renewing in June.",
        "Considering switching to a competitor at this point.",
        "I'm about to cancel my membership over this.",
        "We've decided to end our subscription.",
        "Honestly wondering if this is worth it anymore.",
        "We will be taking our business elsewhere.",
        "I plan to close my account unless this is fixed.",
    ),
}
HELDOUT_POLITE = (
    "ok thanks bye",
    "Thank you, that's everything.",
    "Many thanks. Goodbye!",
    "thx",
    "Thank you kindly.",
    "Okay, noted, thanks.",
    "Alright, cheers.",
    "Thanks for getting back to me.",
)
HELDOUT_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "TokenExpiredError: refresh token revoked",
        "ConnectionResetError: [Errno 104] Connection reset by peer",
        "IndexError: list index out of range",
        "botocore.exceptions.ClientError: AccessDenied",
        "UnauthorizedAccess: missing role reports.read",
        "SchemaValidationFailed: field 'email' is required",
        "OutOfMemoryError: Java heap space",
        "ResourceNotFound: table 'orders_v2'",
    ),
    "traceback": (
        'Traceback (most recent call last):\n  File "etl.py", line 77, in load\nKeyError: 3',
        'Error in job 12:\nTraceback (most recent call last):\n  File "run.py", line 2',
        "java.net.SocketTimeoutException: Read timed out\n\tat java.net.Socket.read(Socket.java:55)",
        "goroutine 7 [running]:\npanic: nil map assignment",
        "Uncaught TypeError: Cannot read properties of undefined (reading 'id')\n    at render (app.js:10:5)",
        "Traceback (most recent call last):\nRuntimeError: event loop is closed",
    ),
    "http_status_line": (
        "HTTP/1.1 500 Internal Server Error\nContent-Type: text/html",
        "Response: 401 Unauthorized",
        "403 Forbidden: insufficient permissions",
        "upstream service responded with HTTP 503",
        "HTTP/2 404 Not Found",
        "Server returned 429 Too Many Requests",
        "received status code 500 from /api/orders",
        "502 Bad Gateway",
    ),
    "json_status": (
        '{"status": 404, "error": "not found"}',
        '{"response": {"meta": {"http_status": 500}}}',
        '{"result": null, "status_code": 422}',
        '{"items": [{"id": 1, "status": 503}]}',
        '{"ok": false, "error": "rate_limited"}',
        '{"statusCode": 401, "message": "token expired"}',
        '{"data": {"attempt": 2, "status": "failed"}}',
        '{"errors": [{"message": "invalid cursor"}]}',
    ),
    "error_prefix": (
        "Error: customer not found",
        "error - timeout while contacting warehouse API",
        "FAILED to update shipping address",
        "Could not connect to payments service",
        "Unable to find a flight with that number",
        "Failed to send the confirmation email",
        "Cannot process refunds older than 90 days",
        "Sync finished with warnings\nError: 3 rows rejected",
    ),
    "apology_after_tool": (
        "Oops, something went wrong on my side. Could you give me a minute?",
        "Sorry, I ran into an unexpected error while saving that.",
        "It seems our order system is down right now.",
        "I'm afraid the update failed.",
        "Apologies, I wasn't able to retrieve your booking.",
        "Looks like the request timed out, sorry about that.",
        "There was a technical problem while processing your payment.",
        "The refund couldn't be completed due to a system error.",
    ),
}
HELDOUT_UNMET: tuple[tuple[str, str], ...] = (
    (
        "I want to speak to a manager now.",
        "I can definitely help! Can you tell me more about the issue?",
    ),
    ("can i talk to a real person", "Sure! First, what's your order number?"),
    ("Please connect me to a human agent.", "Here are some tips for resetting your password."),
    ("Get me someone from customer service.", "Your package is scheduled to arrive on Friday."),
    ("Is there a human I can talk to?", "I'm here to help you 24/7! What do you need?"),
    ("I'd like to speak with a representative.", "Have you checked our FAQ page?"),
    ("transfer me to an agent", "Let's troubleshoot together. What device are you using?"),
    ("Can I get a supervisor on this?", "Thanks for reaching out! Your case number is 5521."),
)


# --- Held-out batch 2 ----------------------------------------------------------------------------
# Batch 1 above stopped being held out once its misses were used to generalize the rules. Batch 2
# was written after that change and has not been used to change anything.

HELDOUT2_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "Unfortunately that changed nothing.",
        "I did what the article says but the upload still fails",
        "doesn't fix it, sorry",
        "Nah, that's not it. Same problem.",
        "Your instructions did not solve the problem.",
        "That advice isn't helping, the screen is still frozen.",
        "no luck with that either",
        "Reinstalled it, no improvement.",
    ),
    "repeated_request": (
        "Again: I need to change the delivery date, not the address.",
        "I have already given you my booking reference.",
        "As stated above, the charge is from the 3rd.",
        "Why do I have to keep repeating myself?",
        "This is my second time asking about the refund.",
        "Like I mentioned earlier, I'm using the desktop app.",
        "I told you this before. The account is in my wife's name.",
        "how many times do i need to say it",
    ),
    "ask_human": (
        "Please put me in touch with a human being.",
        "Can I speak to somebody at your company?",
        "I want a real agent, not a bot.",
        "Get me to a person please.",
        "Could someone from support phone me?",
        "Is there an operator available?",
        "Let me chat with a real support person.",
        "Can you transfer this chat to a human?",
    ),
    "sarcasm": (
        "Fantastic. The app crashed again.",
        "Oh great, the payment failed a third time.",
        "Perfect, now I'm locked out of my account.",
        "wow thanks, that was really helpful... not",
        "Brilliant. Another error message.",
        "Lovely, my booking is gone.",
        "Great, so the update broke everything.",
        "Cool cool cool, still stuck on the same screen.",
    ),
    "giving_up": (
        "Ugh, forget it.",
        "I'll deal with it myself.",
        "I give up, this is going nowhere.",
        "Never mind, I'll try again some other day. Forget it.",
        "Whatever, doesn't matter anymore.",
        "Not worth it. Bye.",
        "i'm done here",
        "Don't bother, I'll sort it out on my own.",
    ),
    "agent_complaint": (
        "You're not understanding me at all.",
        "You didn't even read my question.",
        "You keep misunderstanding me.",
        "You're useless.",
        "Do you actually listen to what I say?",
        "You keep asking me things I've already answered.",
        "This chatbot can't understand simple questions.",
        "You are not helping me.",
    ),
    "cancel_talk": (
        "We're going to cancel our subscription next month.",
        "I'm thinking of leaving your service.",
        "Honestly we're ready to switch providers.",
        "We will not renew our contract.",
        "I'm considering cancelling.",
        "Planning to terminate the account by Friday.",
        "At this point I'm shopping around for a new provider.",
        "We've decided to close our account.",
    ),
}
HELDOUT2_POLITE = (
    "Thanks. Bye.",
    "thank you so much, have a nice evening",
    "OK that's all I needed to know, thanks",
    "Appreciate the quick reply, bye.",
    "cheers mate",
    "Thank you, goodbye.",
    "Noted, thank you.",
    "Thanks for your time.",
)
HELDOUT2_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "PaymentDeclinedError: insufficient funds",
        "sqlalchemy.exc.OperationalError: could not connect to server",
        "FileNotFoundError: [Errno 2] No such file or directory: 'report.csv'",
        "AccessDeniedException: User is not authorized to perform: s3:GetObject",
        "InvalidRequest: missing parameter 'date'",
        "CapacityExceeded: try again later",
    ),
    "traceback": (
        'Traceback (most recent call last):\n  File "api.py", line 5, in get\nValueError: bad id',
        'Exception in thread "worker-2" java.lang.OutOfMemoryError: Java heap space',
        "panic: assignment to entry in nil map\n\ngoroutine 1 [running]:",
        "at Object.<anonymous> (/srv/app/index.js:12:9)\nTypeError: x is not a function",
    ),
    "http_status_line": (
        "HTTP/1.1 502 Bad Gateway",
        "Request failed with status 500",
        "The server responded with 403",
        "404 Not Found",
        "Got HTTP 429 - slow down",
        "Service returned HTTP/2 503",
    ),
    "json_status": (
        '{"error": {"code": 403, "message": "forbidden"}}',
        '{"meta": {"status": 500}, "data": null}',
        '{"result": {"status": "error", "detail": "timeout"}}',
        '{"status_code": "503"}',
        '{"success": false, "message": "card expired"}',
        '[{"id": 3, "statusCode": 409}]',
    ),
    "error_prefix": (
        "error: invalid postcode",
        "Failed to load customer profile",
        "Unable to cancel order: already shipped",
        "Could not reach the inventory service",
        "ERROR: permission denied for table invoices",
        "Export started\nfailed to upload file to storage",
    ),
    "apology_after_tool": (
        "Hmm, something went wrong. Let me try another way.",
        "Sorry, I hit an error when updating your plan.",
        "The system is currently unavailable, please try again later.",
        "I wasn't able to complete the booking due to a technical issue.",
        "It looks like the payment didn't go through.",
        "Apologies, the request failed on our side.",
    ),
}
HELDOUT2_UNMET: tuple[tuple[str, str], ...] = (
    ("Can I talk to a human please?", "Of course I can help. What's your account email?"),
    ("I need a real person.", "I understand your frustration! Let's fix this together."),
    ("Please transfer me to a human agent.", "Your subscription renews on the 4th."),
    ("get me a supervisor", "Sure thing! Is there anything else I can help with?"),
    ("Is there someone I can speak to?", "You can find our pricing at example.com/pricing."),
    ("I want to talk to customer service.", "Let me check that order for you."),
)


# --- Held-out batch 3 ----------------------------------------------------------------------------
# Written for the second pass (the semantic layer over the Sentiment forms) BEFORE anything was
# tuned, in domains the other batches barely touch (insurance, clinics, energy, schools, games,
# streaming, car rental, developer APIs). Never used to set a threshold or write a prototype:
# reported once, at the end, as a held-out figure. Sentiment forms only.

HELDOUT3_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "I cleared the cookies like you suggested and the page is still blank.",
        "Sadly the reset did nothing, the thermostat reads 12 degrees again.",
        "Those steps got me nowhere.",
        "Followed the guide for the API key, but I'm getting the exact same 401.",
        "hmm no, the claim form still won't submit",
        "That solution didn't work for me.",
        "I tried logging out and back in, it's no better.",
        "Your fix hasn't changed anything on my end.",
        "Updating the app didn't sort it out.",
        "Nope, the video keeps buffering exactly like before.",
    ),
    "repeated_request": (
        "I mentioned at the start that I'm on the family plan.",
        "Once more: the parcel was delivered to the wrong flat.",
        "I've now explained three times that the appointment is for my son.",
        "Again, I am asking about the premium, not the deductible.",
        "Please go back and read my first message, the policy number is there.",
        "I already typed my student ID above.",
        "Sorry to repeat myself, but the rental car was never picked up.",
        "Same question as before: when will the refund land?",
        "I keep telling you the meter reading is 4410, not 4140.",
        "For the last time, I don't want the upgrade.",
    ),
    "ask_human": (
        "Is it possible to speak with one of your staff?",
        "I'd prefer to discuss this with a real claims adjuster.",
        "Can somebody from the clinic ring me instead?",
        "Please have a human look at my application.",
        "I'd like to be connected to a person in billing.",
        "Could I get someone on the phone about this?",
        "Send this to a real support engineer please.",
        "Let me talk to your team directly.",
        "Are there any humans working there today?",
        "I want to chat with an employee, not an automated system.",
    ),
    "sarcasm": (
        "Oh wonderful, the game deleted my save file.",
        "Amazing. Three hours on hold and the order is still missing.",
        "Well done, you've managed to double-charge me.",
        "Sure, because restarting fixes everything, right?",
        "Super, the tracking page now says the parcel doesn't exist.",
        "Gee thanks, now the whole class can't see the quiz.",
        "Oh good, another maintenance window during exam week.",
        "Excellent work, the heating bill doubled.",
        "Splendid, I've been logged out for the fifth time today.",
        "Nice one, the update wiped my playlists.",
    ),
    "giving_up": (
        "Okay, forget the whole thing.",
        "I'll just drive to the branch tomorrow and sort it there.",
        "Never mind. I'll ask a friend who knows computers.",
        "Let's drop it, this isn't going anywhere.",
        "I'm giving up on the online form.",
        "Whatever, I'll pay the late fee.",
        "Doesn't matter, I'll book with another airline.",
        "Screw it, I'll reinstall everything from scratch myself.",
        "No point continuing this chat.",
        "Fine. I'll find the answer somewhere else.",
    ),
    "agent_complaint": (
        "You obviously aren't reading what I type.",
        "Your answers make no sense.",
        "You've sent me the same link four times.",
        "This virtual assistant is a waste of space.",
        "Why do you keep ignoring my actual question?",
        "You are clearly not understanding the problem.",
        "You're talking in circles.",
        "You misread my order number again.",
        "The chatbot here is completely clueless.",
        "You don't listen, do you?",
    ),
    "cancel_talk": (
        "Cancel my policy, I've had enough of this.",
        "We're weighing whether to move to another insurer.",
        "If this happens again I'm ending my membership.",
        "My contract is up in May and I won't be staying.",
        "Seriously thinking about dropping your streaming service.",
        "Our school will be moving to a different platform next term.",
        "Close my account, I'm switching banks.",
        "I'm one more outage away from cancelling.",
        "We're evaluating alternatives for the renewal.",
        "Please stop my subscription, I'm done with you guys.",
    ),
}
HELDOUT3_POLITE = (
    "Okay, thank you. Bye for now.",
    "Thanks, I'll take it from here.",
    "Much obliged, goodbye.",
    "Right, thanks for explaining.",
    "Thank you, have a lovely weekend.",
    "ok ty",
    "Appreciate it, take care.",
    "Thanks for your patience, bye.",
    "Understood, thanks a lot.",
    "Ok great, thanks, bye.",
)


@dataclass(frozen=True)
class Case:
    form: str
    facet: str  # Sentiment | Issues
    want: str  # the label a correct summarizer gives (or "not POSITIVE")
    trace: dict


# --- Development batch 2 ------------------------------------------------------------------------
#
# Written for the outcome-aware pass of issue 14 (insurance, healthcare, utilities, education,
# car rental, gaming), before that pass changed any rule, and then used to generalize the rules:
# development material, like the batch written with the rules. Held-out batches 2 and 3 stay
# untouched by it.

DEV2_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "Unfortunately that changed nothing on my end.",
        "Restarted the router like you said, internet is still dead.",
        "The steps you listed are not working for me.",
        "Hmm, that made it worse actually.",
        "Cleared the cache, same blank page.",
        "That advice didn't get me anywhere.",
        "The problem is still there after the update.",
        "Your workaround failed too.",
        "Nope. Tried that twice and the form still rejects my policy number.",
        "I followed every step and the card still gets declined.",
        "No luck, the bill still shows the old amount.",
        "That solution did nothing.",
    ),
    "repeated_request": (
        "I've asked this twice already: when does my claim get paid?",
        "Once more, I need the appointment moved to Friday.",
        "I keep having to repeat the same thing.",
        "I mentioned the booking reference in my very first message.",
        "Again: the charger is the problem, not the phone.",
        "Please scroll up, the serial number is right there.",
        "Same question as before, why was I charged twice?",
        "I'm going to say it one more time, the meter reading is wrong.",
        "I've now written this four times.",
        "As I already explained, my son is the account holder.",
        "You asked me that already and I answered.",
        "I said Friday. Friday, not Monday.",
    ),
    "ask_human": (
        "Can I speak with a real person please?",
        "Transfer me to someone who can actually help.",
        "Is there a human I can talk to?",
        "I'd like to talk to a manager.",
        "Get me a live agent.",
        "Please connect me with your support staff.",
        "I want to speak to somebody in claims.",
        "Put a person on the line, not a bot.",
        "Can someone from your team call me back?",
        "I need a supervisor for this.",
        "Let me talk to an actual human being.",
        "Is there a phone number where I can reach a person?",
    ),
    "sarcasm": (
        "Oh brilliant, the app logged me out again.",
        "Wow, thanks, super useful answer.",
        "Great, so now I have two charges instead of one.",
        "Fantastic service, three hours on hold.",
        "Sure, because that worked so well last time.",
        "Yeah, that's really helpful, thanks a bunch.",
        "Lovely, another error message.",
        "Oh perfect, my appointment just vanished.",
        "Nice, now the heating doesn't turn on at all.",
        "Thanks so much for the copy-paste answer.",
        "Amazing how you managed to make it worse.",
        "Good to know my four-hour wait was for nothing.",
    ),
    "giving_up": (
        "Never mind, I'll call the branch instead.",
        "Forget it, I'll sort it out myself.",
        "I give up on this.",
        "Whatever, I'll just pay the fee.",
        "This isn't going anywhere, I'll try another day.",
        "Fine, I'll drive to the store and ask there.",
        "Not worth the hassle, I'll leave it.",
        "I'm done trying, thanks anyway.",
        "Let's just drop it.",
        "Ok, I'll figure it out on my own.",
        "I'll live with it, I guess.",
        "Skip it, I'll ask a colleague.",
    ),
    "agent_complaint": (
        "You clearly didn't read my message.",
        "You're not understanding the question.",
        "Your answers make no sense.",
        "You just keep sending me the same link.",
        "This chatbot is hopeless.",
        "You gave me the wrong information yesterday.",
        "Why do you keep ignoring what I write?",
        "Your replies are completely generic.",
        "You have no idea what I'm talking about, do you?",
        "That's the worst answer I've gotten so far.",
        "The assistant is going in circles.",
        "You misread my question again.",
    ),
    "cancel_talk": (
        "If this isn't fixed by Friday we're cancelling.",
        "I'm seriously considering moving to another bank.",
        "We'll be switching insurers at renewal.",
        "Honestly I'm ready to close my account.",
        "Time to look for a different provider.",
        "We may not renew our contract after this.",
        "One more outage and we're gone.",
        "I'm about to unsubscribe.",
        "Why should I keep paying for this?",
        "Our team is evaluating alternatives because of this.",
        "I'll take my business somewhere else.",
        "Thinking about dropping the premium plan.",
    ),
}
DEV2_POLITE = (
    "Ok, thank you, bye.",
    "Thanks, that's all for today.",
    "Alright, cheers.",
    "Great, thanks. Goodbye.",
    "Thank you for your time.",
    "Ok noted, thanks.",
    "Got it, thanks a lot.",
    "Understood. Have a nice day.",
    "Thanks, I'll check it later.",
    "Okay, thank you very much, goodbye.",
    "Alright, that's everything, thanks.",
    "Thanks again, bye for now.",
)


def _msgs(i: int, turns: list[tuple[str, str]], scaffolds=SCAFFOLDS) -> list[dict]:
    q, a = scaffolds[i % len(scaffolds)]
    out = [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
    for role, text in turns:
        out.append({"role": role, "content": text})
    return out


def _tool(cid: str, name: str, reply: str) -> list[dict]:
    return [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": cid, "type": "function", "function": {"name": name, "arguments": "{}"}}
            ],
        },
        {"role": "tool", "tool_call_id": cid, "name": name, "content": reply},
    ]


def cases(part: str = "dev") -> list[Case]:
    """`dev` (written with the rules), `heldout` (batch 1, used once to generalize the rules),
    `heldout2` (batch 2, written after that and never used to change them) or `heldout3` (batch 3,
    Sentiment forms only, written before the semantic layer was tuned and never used to tune it)
    or `dev2` (development batch 2, Sentiment forms, written for the outcome-aware pass) or
    `heldout4` (batch 4, every form, new domains: facet_robustness_batch4.py) or `heldout5` (batch
    5, every form plus positive messages that must not read NEGATIVE: facet_robustness_batch5.py)
    or `heldout6` (batch 6, the same shape in new domains and registers: facet_robustness_batch6.py)
    or `heldout7` (batch 7, the same shape plus multi-turn cases: facet_robustness_batch7.py)
    or `heldout8` (batch 8, the same shape in new domains: facet_robustness_batch8.py)
    or `heldout9` (batch 9, the same shape plus calm controls — asks answered properly, calm
    questions with the weak forms' words — and multi-turn unmet escalations:
    facet_robustness_batch9.py) or `heldout10` (batch 10, the same shape plus calm success
    reports, met polite asks for a person, acknowledgements and agents explaining error codes:
    facet_robustness_batch10.py) or `heldout11` (batch 11, the same shape plus modelling
    questions with money words read by Pricing question and requests to record one's own
    account data read by Feature request and Pricing question: facet_robustness_batch11.py) or
    `heldout12` (batch 12, the same shape in new domains: facet_robustness_batch12.py) or
    `heldout13` (batch 13, the same shape in new domains and registers:
    facet_robustness_batch13.py) or `heldout14` (batch 14, the same shape in new domains and
    registers: facet_robustness_batch14.py) or `heldout15` (batch 15, the same shape in new
    domains, registers and tool-output languages: facet_robustness_batch15.py) or `heldout16`
    (batch 16, the same shape in travel, banking, health, retail, developer tools and a mobile
    carrier, in terse, all-caps, typo-ridden and non-native registers:
    facet_robustness_batch16.py) or `heldout17` (batch 17, whole conversations: the user's stance
    towards the answer, rejected plainly or sarcastically, warm and sarcastic closings, and their
    controls: facet_robustness_batch17.py) or `heldout18dev` / `heldout18test` (batch 18's two
    parts, split once by seed: praise of a named thing, sarcastic thanks, warm closings and their
    look-alikes: facet_robustness_batch18.py) or `heldout19dev` / `heldout19test` (batch 19's two
    parts: emphatic thanks after the agent did something, and routine, sarcastic, complaining,
    after-a-failure and in-advance thanks: facet_robustness_batch19.py) or `heldout20` /
    `heldout20dev` / `heldout20test` (batch 20, whole and its two parts: every failure form of
    issue 14 in new domains, written blind, with look-alikes: facet_robustness_batch20.py) or
    `heldout21` / `heldout21dev` / `heldout21test` (batch 21, the same shape in insurance claims,
    payroll, real estate, roaming, a data-pipeline agent and a smart-home agent, written blind:
    facet_robustness_batch21.py) or `heldout22` / `heldout22dev` / `heldout22test` (batch 22, the
    same shape plus agents explaining error codes, in airline loyalty, school administration, a
    transit fare card, court e-filing, a CRM agent, a Kubernetes agent, a game store and a car
    dealer's service desk, written blind: facet_robustness_batch22.py) or `heldout23` /
    `heldout23dev` / `heldout23test` (batch 23, the same shape in utility billing, recruiting, a
    hotel PMS, card disputes, museum tickets, a SQL agent, a pharmacy, self-storage and
    crowdfunding, written blind: facet_robustness_batch23.py)."""
    if part == "heldout17":
        return conversation_cases(b17.HELDOUT17, b17.WANTS17)
    if part in ("heldout18dev", "heldout18test"):
        return conversation_cases(b18.split18(part.removeprefix("heldout18")), b18.WANTS18)
    if part in ("heldout19dev", "heldout19test"):
        return conversation_cases(b19.split19(part.removeprefix("heldout19")), b19.WANTS19)
    if part == "heldout20":
        return conversation_cases(b20.HELDOUT20, b20.WANTS20)
    if part in ("heldout20dev", "heldout20test"):
        return conversation_cases(b20.split20(part.removeprefix("heldout20")), b20.WANTS20)
    if part == "heldout21":
        return conversation_cases(b21.HELDOUT21, b21.WANTS21)
    if part in ("heldout21dev", "heldout21test"):
        return conversation_cases(b21.split21(part.removeprefix("heldout21")), b21.WANTS21)
    if part == "heldout22":
        return conversation_cases(b22.HELDOUT22, b22.WANTS22)
    if part in ("heldout22dev", "heldout22test"):
        return conversation_cases(b22.split22(part.removeprefix("heldout22")), b22.WANTS22)
    if part == "heldout23":
        return conversation_cases(b23.HELDOUT23, b23.WANTS23)
    if part in ("heldout23dev", "heldout23test"):
        return conversation_cases(b23.split23(part.removeprefix("heldout23")), b23.WANTS23)
    # no satisfied / met in these
    held = part in ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
                    "heldout7", "heldout8", "heldout9", "heldout10", "heldout11",
                    "heldout12", "heldout13", "heldout14", "heldout15", "heldout16",
                    "dev2")  # fmt: skip
    batch = {
        "heldout": (HELDOUT_FRUSTRATION, HELDOUT_POLITE, HELDOUT_TOOL_FAILURES, HELDOUT_UNMET),
        "heldout2": (HELDOUT2_FRUSTRATION, HELDOUT2_POLITE, HELDOUT2_TOOL_FAILURES, HELDOUT2_UNMET),
        "heldout3": (HELDOUT3_FRUSTRATION, HELDOUT3_POLITE, {}, ()),
        "dev2": (DEV2_FRUSTRATION, DEV2_POLITE, {}, ()),
        "heldout4": (
            b4.HELDOUT4_FRUSTRATION,
            b4.HELDOUT4_POLITE,
            b4.HELDOUT4_TOOL_FAILURES,
            b4.HELDOUT4_UNMET,
        ),  # fmt: skip
        "heldout5": (
            b5.HELDOUT5_FRUSTRATION,
            b5.HELDOUT5_POLITE,
            b5.HELDOUT5_TOOL_FAILURES,
            b5.HELDOUT5_UNMET,
        ),  # fmt: skip
        "heldout6": (
            b6.HELDOUT6_FRUSTRATION,
            b6.HELDOUT6_POLITE,
            b6.HELDOUT6_TOOL_FAILURES,
            b6.HELDOUT6_UNMET,
        ),  # fmt: skip
        "heldout7": (
            b7.HELDOUT7_FRUSTRATION,
            b7.HELDOUT7_POLITE,
            b7.HELDOUT7_TOOL_FAILURES,
            b7.HELDOUT7_UNMET,
        ),  # fmt: skip
        "heldout8": (
            b8.HELDOUT8_FRUSTRATION,
            b8.HELDOUT8_POLITE,
            b8.HELDOUT8_TOOL_FAILURES,
            b8.HELDOUT8_UNMET,
        ),  # fmt: skip
        "heldout9": (
            b9.HELDOUT9_FRUSTRATION,
            b9.HELDOUT9_POLITE,
            b9.HELDOUT9_TOOL_FAILURES,
            b9.HELDOUT9_UNMET,
        ),  # fmt: skip
        "heldout10": (
            b10.HELDOUT10_FRUSTRATION,
            b10.HELDOUT10_POLITE,
            b10.HELDOUT10_TOOL_FAILURES,
            b10.HELDOUT10_UNMET,
        ),  # fmt: skip
        "heldout11": (
            b11.HELDOUT11_FRUSTRATION,
            b11.HELDOUT11_POLITE,
            b11.HELDOUT11_TOOL_FAILURES,
            b11.HELDOUT11_UNMET,
        ),  # fmt: skip
        "heldout12": (
            b12.HELDOUT12_FRUSTRATION,
            b12.HELDOUT12_POLITE,
            b12.HELDOUT12_TOOL_FAILURES,
            b12.HELDOUT12_UNMET,
        ),  # fmt: skip
        "heldout13": (
            b13.HELDOUT13_FRUSTRATION,
            b13.HELDOUT13_POLITE,
            b13.HELDOUT13_TOOL_FAILURES,
            b13.HELDOUT13_UNMET,
        ),  # fmt: skip
        "heldout14": (
            b14.HELDOUT14_FRUSTRATION,
            b14.HELDOUT14_POLITE,
            b14.HELDOUT14_TOOL_FAILURES,
            b14.HELDOUT14_UNMET,
        ),  # fmt: skip
        "heldout15": (
            b15.HELDOUT15_FRUSTRATION,
            b15.HELDOUT15_POLITE,
            b15.HELDOUT15_TOOL_FAILURES,
            b15.HELDOUT15_UNMET,
        ),  # fmt: skip
        "heldout16": (
            b16.HELDOUT16_FRUSTRATION,
            b16.HELDOUT16_POLITE,
            b16.HELDOUT16_TOOL_FAILURES,
            b16.HELDOUT16_UNMET,
        ),  # fmt: skip
    }.get(part, (FRUSTRATION, POLITE_CLOSINGS, TOOL_FAILURES, UNMET_ESCALATION))
    frustration, polite, failures, unmet = batch
    scaffolds = {"heldout4": b4.SCAFFOLDS4, "heldout5": b5.SCAFFOLDS5, "heldout6": b6.SCAFFOLDS6,
                 "heldout7": b7.SCAFFOLDS7, "heldout8": b8.SCAFFOLDS8,
                 "heldout9": b9.SCAFFOLDS9, "heldout10": b10.SCAFFOLDS10,
                 "heldout11": b11.SCAFFOLDS11, "heldout12": b12.SCAFFOLDS12,
                 "heldout13": b13.SCAFFOLDS13, "heldout14": b14.SCAFFOLDS14,
                 "heldout15": b15.SCAFFOLDS15, "heldout16": b16.SCAFFOLDS16}  # fmt: skip
    scaffolds = scaffolds.get(part, SCAFFOLDS)
    # batch 5 asks more of polite closings (NEUTRAL, not merely "not POSITIVE") and adds positive
    # messages that borrow the words of frustration (must not read NEGATIVE or MIXED)
    polite_want = (
        "NEUTRAL"
        if part
        in (
            "heldout5",
            "heldout6",
            "heldout7",
            "heldout8",
            "heldout9",
            "heldout10",
            "heldout11",
            "heldout12",
            "heldout13",
            "heldout14",
            "heldout15",
            "heldout16",
        )
        else "not POSITIVE"
    )
    positive = {"heldout5": b5.HELDOUT5_POSITIVE, "heldout6": b6.HELDOUT6_POSITIVE,
                "heldout7": b7.HELDOUT7_POSITIVE,
                "heldout8": b8.HELDOUT8_POSITIVE,
                "heldout9": b9.HELDOUT9_POSITIVE,
                "heldout10": b10.HELDOUT10_POSITIVE,
                "heldout11": b11.HELDOUT11_POSITIVE,
                "heldout12": b12.HELDOUT12_POSITIVE,
                "heldout13": b13.HELDOUT13_POSITIVE,
                "heldout14": b14.HELDOUT14_POSITIVE,
                "heldout15": b15.HELDOUT15_POSITIVE,
                "heldout16": b16.HELDOUT16_POSITIVE}.get(part, ())  # fmt: skip
    satisfied = () if held else SATISFIED
    met = {
        "heldout9": b9.HELDOUT9_MET,
        "heldout10": b10.HELDOUT10_MET,
        "heldout11": b11.HELDOUT11_MET,
        "heldout12": b12.HELDOUT12_MET,
        "heldout13": b13.HELDOUT13_MET,
        "heldout14": b14.HELDOUT14_MET,
        "heldout15": b15.HELDOUT15_MET,
        "heldout16": b16.HELDOUT16_MET,
    }.get(  # fmt: skip
        part, () if held else MET_ESCALATION
    )
    calm = {"heldout9": b9.HELDOUT9_CALM, "heldout10": b10.HELDOUT10_CALM,
            "heldout11": b11.HELDOUT11_CALM, "heldout12": b12.HELDOUT12_CALM,
            "heldout13": b13.HELDOUT13_CALM,
            "heldout14": b14.HELDOUT14_CALM,
            "heldout15": b15.HELDOUT15_CALM,
                "heldout16": b16.HELDOUT16_CALM}.get(part, ())  # fmt: skip
    out: list[Case] = []
    n = 0
    for form, phrases in frustration.items():
        for p in phrases:
            msgs = _msgs(
                n, [("user", p), ("assistant", "I understand. Let me look into it.")], scaffolds
            )
            out.append(Case(form, "Sentiment", "NEGATIVE", {"id": f"r{n}", "messages": msgs}))
            n += 1
    for p in polite:
        msgs = _msgs(n, [("user", p)], scaffolds)
        out.append(Case("politeness", "Sentiment", polite_want, {"id": f"r{n}", "messages": msgs}))
        n += 1
    for p in positive:
        msgs = _msgs(n, [("user", p)], scaffolds)
        out.append(
            Case("not_negative", "Sentiment", "not NEGATIVE", {"id": f"r{n}", "messages": msgs})
        )
        n += 1
    for p in calm:  # ordinary questions with the weak forms' words
        msgs = _msgs(n, [("user", p)], scaffolds)
        out.append(Case("calm", "Sentiment", "not NEGATIVE", {"id": f"r{n}", "messages": msgs}))
        n += 1
    for p in satisfied:
        msgs = _msgs(n, [("user", p)])
        out.append(Case("satisfaction", "Sentiment", "POSITIVE", {"id": f"r{n}", "messages": msgs}))
        n += 1
    for form, replies in failures.items():
        for r in replies:
            q, a = scaffolds[n % len(scaffolds)]
            if form == "apology_after_tool":
                msgs = [{"role": "user", "content": q}, *_tool("c1", "update_record", OK_TOOL_REPLY),
                        {"role": "assistant", "content": r}]  # fmt: skip
            else:
                msgs = [{"role": "user", "content": q}, *_tool("c1", "lookup", r),
                        {"role": "assistant", "content": "I'll check another way."}]  # fmt: skip
            out.append(Case(form, "Issues", "FAILED_TOOL_CALL", {"id": f"r{n}", "messages": msgs}))
            n += 1
    for ask, reply in unmet:
        msgs = _msgs(n, [("user", ask), ("assistant", reply)], scaffolds)
        out.append(
            Case(
                "unmet_escalation", "Issues", "UNMET_ESCALATION", {"id": f"r{n}", "messages": msgs}
            )
        )
        n += 1
    for ask, reply in met:
        msgs = _msgs(n, [("user", ask), ("assistant", reply)], scaffolds)
        out.append(Case("met_escalation", "Issues", "not UNMET", {"id": f"r{n}", "messages": msgs}))
        n += 1
    # an ask for a person that no later agent turn answers (batch 9 on)
    for turns in {"heldout9": b9.HELDOUT9_UNMET_CTX, "heldout10": b10.HELDOUT10_UNMET_CTX,
                  "heldout11": b11.HELDOUT11_UNMET_CTX,
                  "heldout12": b12.HELDOUT12_UNMET_CTX,
                  "heldout13": b13.HELDOUT13_UNMET_CTX,
                  "heldout14": b14.HELDOUT14_UNMET_CTX,
                  "heldout15": b15.HELDOUT15_UNMET_CTX,
                "heldout16": b16.HELDOUT16_UNMET_CTX}.get(part, ()):  # fmt: skip
        msgs = [{"role": r, "content": t} for r, t in turns]
        out.append(
            Case("unmet_escalation_ctx", "Issues", "UNMET_ESCALATION",
                 {"id": f"r{n}", "messages": msgs})
        )  # fmt: skip
        n += 1
    # multi-turn cases (batch 7 on): the form lives in how the last turn relates to the ones before
    in_context = {"heldout7": b7.HELDOUT7_IN_CONTEXT, "heldout8": b8.HELDOUT8_IN_CONTEXT,
                  "heldout9": b9.HELDOUT9_IN_CONTEXT,
                  "heldout10": b10.HELDOUT10_IN_CONTEXT,
                  "heldout11": b11.HELDOUT11_IN_CONTEXT,
                  "heldout12": b12.HELDOUT12_IN_CONTEXT,
                  "heldout13": b13.HELDOUT13_IN_CONTEXT,
                  "heldout14": b14.HELDOUT14_IN_CONTEXT,
                  "heldout15": b15.HELDOUT15_IN_CONTEXT,
                "heldout16": b16.HELDOUT16_IN_CONTEXT}.get(part, {})  # fmt: skip
    for form, convs in in_context.items():
        for turns in convs:
            msgs = [{"role": r, "content": t} for r, t in turns]
            msgs.append({"role": "assistant", "content": "I understand. Let me look into it."})
            out.append(
                Case(f"{form}_ctx", "Sentiment", "NEGATIVE", {"id": f"r{n}", "messages": msgs})
            )
            n += 1
    backstory = {"heldout7": b7.HELDOUT7_BACKSTORY, "heldout8": b8.HELDOUT8_BACKSTORY,
                 "heldout9": b9.HELDOUT9_BACKSTORY,
                 "heldout10": b10.HELDOUT10_BACKSTORY,
                 "heldout11": b11.HELDOUT11_BACKSTORY,
                 "heldout12": b12.HELDOUT12_BACKSTORY,
                 "heldout13": b13.HELDOUT13_BACKSTORY,
                 "heldout14": b14.HELDOUT14_BACKSTORY,
                 "heldout15": b15.HELDOUT15_BACKSTORY,
                "heldout16": b16.HELDOUT16_BACKSTORY}  # fmt: skip
    for turns in backstory.get(part, ()):
        msgs = [{"role": r, "content": t} for r, t in turns]
        out.append(
            Case("backstory", "Sentiment", "not NEGATIVE", {"id": f"r{n}", "messages": msgs})
        )
        n += 1
    # calm controls of batch 10, each read by both facets (one case per facet, ids apart)
    for form, convs in _calm_controls(part).items():
        for turns in convs:
            msgs = [{"role": r, "content": t} for r, t in turns]
            for facet, want in _CALM_WANTS[form]:
                out.append(
                    Case(f"{form}_{facet.lower()}", facet, want,
                         {"id": f"r{n}", "messages": msgs})
                )  # fmt: skip
                n += 1
    return out


# what a calm control of batch 10 (and 11) must not read, per facet; batch 11's two review
# classes are read by the labelled facets they were misread by (want NONE)
_CALM_WANTS = {
    "success_report": (("Sentiment", "not NEGATIVE"), ("Issues", "not INCOMPLETE")),
    "met_polite": (("Sentiment", "not NEGATIVE"), ("Issues", "not UNMET")),
    "acknowledgement": (("Sentiment", "not NEGATIVE"), ("Issues", "not INCOMPLETE")),
    "error_code_docs": (("Sentiment", "not NEGATIVE"), ("Issues", "not FAILED")),
    "money_modelling": (("Pricing question", "NONE"),),
    "account_data": (("Feature request", "NONE"), ("Pricing question", "NONE")),
}


def _calm_controls(part: str) -> dict[str, list[tuple[tuple[str, str], ...]]]:
    """Batch 10's and 11's calm controls as whole conversations: success reports after an
    instruction, met polite asks for a person, acknowledgements that close, agents explaining an
    error code; batch 11 adds modelling questions with money words and requests to record one's
    own account data (each a user turn and the agent's answer)."""
    b = {
        "heldout10": b10,
        "heldout11": b11,
        "heldout12": b12,
        "heldout13": b13,
        "heldout14": b14,
        "heldout15": b15,
        "heldout16": b16,
    }.get(part)
    if b is None:
        return {}
    k = part.removeprefix("heldout")
    ack = [
        (("user", q), ("assistant", a), ("user", r))
        for (q, a), r in zip(getattr(b, f"HELDOUT{k}_ACK"), getattr(b, f"HELDOUT{k}_ACK_REPLIES"),
                             strict=True)
    ]  # fmt: skip
    docs = [
        (("user", q), ("assistant", a), ("user", r))
        for (q, a), r in zip(getattr(b, f"HELDOUT{k}_ERROR_DOCS"),
                             getattr(b, f"HELDOUT{k}_ERROR_DOCS_REPLIES"), strict=True)
    ]  # fmt: skip
    out = {
        "success_report": list(getattr(b, f"HELDOUT{k}_SUCCESS_CTX")),
        "met_polite": list(getattr(b, f"HELDOUT{k}_MET_POLITE")),
        "acknowledgement": ack,
        "error_code_docs": docs,
    }
    if part in ("heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16"):
        for form, pairs in (("money_modelling", getattr(b, f"HELDOUT{k}_MONEY_MODELLING")),
                            ("account_data", getattr(b, f"HELDOUT{k}_ACCOUNT_DATA"))):  # fmt: skip
            out[form] = [(("user", q), ("assistant", a)) for q, a in pairs]
    return out


def conversation_cases(
    convs: dict[str, tuple[tuple[tuple[str, str], ...], ...]],
    wants: dict[str, tuple[tuple[str, str], ...]],
) -> list[Case]:
    """Whole conversations by form, one case per facet a form is read by (ids apart). A turn whose
    role is `tool:<name>` is the agent's call to <name> and the tool's reply."""
    out: list[Case] = []
    for form, turns_list in convs.items():
        for turns in turns_list:
            msgs: list[dict] = []
            for i, (r, t) in enumerate(turns):
                if r.startswith("tool:"):
                    msgs += _tool(f"c{i}", r.removeprefix("tool:"), t)
                else:
                    msgs.append({"role": r, "content": t})
            for facet, want in wants[form]:
                suffix = "" if len(wants[form]) == 1 else f"_{facet.lower()}"
                out.append(Case(f"{form}{suffix}", facet, want,
                                {"id": f"r{len(out)}", "messages": msgs}))  # fmt: skip
    return out


def hit(case: Case, label: str | None, summary: str | None) -> bool:
    """Whether a summarizer's output for this case is right."""
    if case.want == "not POSITIVE":
        return label != "POSITIVE"
    if case.want == "not NEGATIVE":
        return label not in ("NEGATIVE", "MIXED")
    if case.want == "not UNMET":
        return "Unmet escalation" not in (summary or "")
    if case.want == "not INCOMPLETE":
        return "Incomplete answer" not in (summary or "")
    if case.want == "not FAILED":
        return "Failed tool call" not in (summary or "")
    if case.want == "NONE":  # a labelled facet's default (batch 11's review classes)
        return label in (None, "NONE")
    if case.facet == "Sentiment":
        return label == case.want or (case.want == "NEGATIVE" and label == "MIXED")
    prefix = {"FAILED_TOOL_CALL": "Failed tool call", "UNMET_ESCALATION": "Unmet escalation",
              "INCOMPLETE_ANSWER": "Incomplete answer"}  # fmt: skip
    return prefix[case.want] in (summary or "")


if __name__ == "__main__":  # print the set, e.g. to feed another summarizer
    for c in cases():
        print(json.dumps({"form": c.form, "want": c.want, **c.trace}))
