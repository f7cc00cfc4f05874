"""Held-out batch 4 of the robustness set (bench/facet_robustness_set.py).

Written for the third pass of issue 14 BEFORE any rule or prototype of that pass changed, and
without looking at the earlier batches' misses: every failure form of the issue (Sentiment and
Issues), ten phrasings each, in domains the other batches do not use (food delivery, tax filing,
rented flats, gyms, concert tickets, smart-home devices, freight, building permits). Measured once,
at the end of the pass; never used to change a rule, a prototype or a threshold.
"""

from __future__ import annotations

# (first user turn, agent answer): neutral openings in this batch's domains.
SCAFFOLDS4 = (
    (
        "My dinner order from Thai Garden is 40 minutes late.",
        "I can see the courier is 2 km away; it should arrive in about 10 minutes.",
    ),
    (
        "Where do I enter my freelance income on the tax return?",
        "Go to Income → Self-employment and add each client's total.",
    ),
    (
        "The heating in flat 3B has been off since yesterday.",
        "I've logged a repair request; a technician can come tomorrow between 8 and 12.",
    ),
    (
        "Can I freeze my gym membership for two months?",
        "Yes, freezes of up to three months are possible from the Membership page.",
    ),
    (
        "My concert tickets never arrived by email.",
        "Tickets are released 48 hours before the show; you'll find them under My Tickets then.",
    ),
    (
        "The smart lock on my front door keeps saying it's offline.",
        "Please check that the hub is plugged in and within 10 metres of the lock.",
    ),
    (
        "Where is container MSKU448120? It was due at the port on Monday.",
        "It shows as discharged at the terminal and waiting for customs release.",
    ),
    (
        "How long does a building permit for a garden shed take?",
        "Most small structures are reviewed within 15 working days.",
    ),
)

HELDOUT4_FRUSTRATION: dict[str, tuple[str, ...]] = {
    "didnt_help": (
        "Did the power cycle thing. Lock is still offline.",
        "I re-entered the income like you said and the total hasn't moved.",
        "nope, still no email with the tickets",
        "Your fix sadly didn't do the trick.",
        "That's what I tried yesterday and it wasn't any use then either.",
        "Logged out and back in, the membership page still says active, not frozen.",
        "The radiator is just as cold as before the reset.",
        "That suggestion didn't solve it, the courier pin hasn't moved in 20 minutes.",
        "Same outcome after the reinstall, unfortunately.",
        "Nothing you've suggested so far has worked.",
    ),
    "repeated_request": (
        "I mentioned the container number in my very first message.",
        "Once again, it's flat 3B, not 3D.",
        "I've now asked you this four times: can I freeze it or not?",
        "You asked me that already and I answered: the order is from Thai Garden.",
        "Repeating myself here, but the tickets were for the 14th.",
        "Like I wrote above, I'm a freelancer, not an employee.",
        "How often do I need to tell you the lock model?",
        "I keep giving you the same details over and over.",
        "Same question as before, still waiting on an answer: when is the permit ready?",
        "Third time asking. Where is my refund for the late order?",
    ),
    "ask_human": (
        "Could someone from your staff call me about this?",
        "Is there a real human I could chat with instead?",
        "I'd rather deal with a person at this point.",
        "Escalate this to a team lead please.",
        "Can you hand me over to your billing department?",
        "please get an actual employee on this",
        "I want to speak to whoever is in charge of repairs.",
        "Any chance of talking to a live operator?",
        "Let me talk to a customer care advisor.",
        "Can a member of your team phone me back today?",
    ),
    "sarcasm": (
        "Wonderful, the app just charged me twice. Great service.",
        "Oh good, another 'we're looking into it'.",
        "Sure, because waiting three weeks for a shed permit is totally normal.",
        "Amazing how the lock only goes offline when I'm outside in the rain.",
        "Awesome, now the food is cold AND late.",
        "Cool, so I paid for tickets that don't exist. Nice.",
        "Gee, thanks, that really cleared everything up.",
        "Oh perfect, the tax form reset itself again.",
        "Well that's just brilliant, the heating is off and so is your hotline.",
        "Ha, 'within 10 minutes', sure it is.",
    ),
    "giving_up": (
        "Fine, I'll just cook something myself.",
        "Never mind, I'll phone the venue instead.",
        "Forget the freeze, I'll just stop going.",
        "I'm not wasting more time on this, bye.",
        "Don't worry about it, I'll hire an accountant.",
        "Whatever. I'll sort out the lock with a locksmith.",
        "Oh forget it, this is going nowhere.",
        "I'm giving up on getting an answer here.",
        "Let's just leave it, I'll deal with the landlord directly.",
        "Not bothering anymore, I'll ask about the permit at the town hall.",
    ),
    "agent_complaint": (
        "You obviously haven't read what I wrote.",
        "Your answers are just copy-pasted from the FAQ.",
        "This assistant has no idea what it's talking about.",
        "You keep missing the point.",
        "Why do you keep asking me things I already answered?",
        "Honestly, talking to you is like talking to a wall.",
        "You're giving me the wrong information again.",
        "This chat support is a joke.",
        "You answered a completely different question.",
        "Can you actually read? The order number is right there.",
    ),
    "cancel_talk": (
        "I'd like to end my membership at the end of this month.",
        "If the tickets aren't here by Friday I'm never booking with you again.",
        "We're going to move our freight to another carrier.",
        "Delete my account, I'll use a different delivery app.",
        "Honestly considering not renewing the tax software next year.",
        "One more cold night and I'm breaking the lease.",
        "I'm shopping around for a different lock brand.",
        "Our firm will not be continuing with your service.",
        "Is there a penalty if I cancel early? Because I want out.",
        "I've already signed up with your competitor.",
    ),
}
HELDOUT4_POLITE = (
    "Okay, cheers for that.",
    "Thank you, I'll wait for the courier then.",
    "Noted, many thanks.",
    "Fine, thanks for letting me know.",
    "Alright, thank you kindly. Bye.",
    "Thanks, speak soon.",
    "Right, thank you, I'll have a look later.",
    "thx",
    "Grand, thank you.",
    "Thank you, good night.",
)

HELDOUT4_TOOL_FAILURES: dict[str, tuple[str, ...]] = {
    "exception_name": (
        "InsufficientFunds: wallet balance 3.20 < 12.50",
        "TimeoutException: carrier API did not respond in 30s",
        'psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "bookings_pkey"',
        "botocore.exceptions.NoCredentialsError: Unable to locate credentials",
        "LockOfflineError: device 7f3a not reachable",
        "SchemaValidationError: field 'tax_year' is required",
        "Forbidden: role 'viewer' cannot modify permits",
        "ConflictError: membership already frozen",
        "System.UnauthorizedAccessException: Access to the path is denied.",
        "TypeError: Cannot read properties of undefined (reading 'eta')",
    ),
    "traceback": (
        'Traceback (most recent call last):\n  File "/srv/eta.py", line 51, in compute\n'
        "    return dist / speed\nZeroDivisionError: float division by zero",
        "Error: connect ETIMEDOUT\n    at TCPConnectWrap.afterConnect [as oncomplete] "
        "(node:net:1494:16)",
        "thread 'main' panicked at 'called `Option::unwrap()` on a `None` value', src/lock.rs:88:14",
        "Exception: carrier lookup failed\nStack trace:\n   at Freight.Track(String id) in "
        "Track.cs:line 33",
        "org.postgresql.util.PSQLException: connection refused\n\tat org.postgresql.core.v3."
        "ConnectionFactoryImpl.openConnection(ConnectionFactoryImpl.java:319)",
        'rows fetched: 0\nTraceback (most recent call last):\n  File "permits/query.py", line 12, '
        "in <module>\nKeyError: 'status'",
        "Uncaught TypeError: x is null\n    at renderTickets (tickets.js:120:7)\n    at main.js:4:1",
        "goroutine 17 [running]:\nmain.fetchOrder(0x0)\n\t/app/order.go:44 +0x1d\n"
        "panic: nil pointer dereference",
        "Fatal error: Uncaught Exception: invalid invoice in /var/www/tax/lib.php:91\n"
        "Stack trace:\n#0 {main}",
        '  File "/opt/app/gym.py", line 7, in freeze\n    raise RuntimeError(\'freeze window '
        "closed')\nRuntimeError: freeze window closed",
    ),
    "http_status_line": (
        "HTTP/1.1 500 Internal Server Error\nContent-Type: text/html",
        "< HTTP/2 403\n< content-length: 0",
        "Server responded with status 401 (Unauthorized)",
        "GET /api/containers/MSKU448120 -> 404",
        "upstream: 503 Service Temporarily Unavailable",
        "HTTP 502 from tickets-service",
        "Response code: 429",
        "The permit registry returned HTTP 500.",
        "POST /v1/freeze failed with 400 Bad Request",
        "504 Gateway Time-out\nnginx",
    ),
    "json_status": (
        '{"statusCode": 500, "error": "Internal Server Error"}',
        '{"meta": {"code": 404, "msg": "container not found"}, "data": []}',
        '{"errors": [{"message": "lock unreachable", "extensions": {"code": "INTERNAL"}}]}',
        '{"result": null, "status": "failed"}',
        '{"ok": false, "error": "rate_limited"}',
        '{"response": {"status": 503, "retry_after": 20}}',
        '{"order": {"id": 991}, "payment": {"status": 402, "reason": "card declined"}}',
        '{"success": false, "errorCode": "PERMIT_SERVICE_DOWN"}',
        '{"jsonrpc": "2.0", "error": {"code": -32603, "message": "Internal error"}, "id": 4}',
        '{"state": "error", "message": "tickets could not be issued"}',
    ),
    "error_prefix": (
        "Error: courier not assigned",
        "ERR: invalid tax year",
        "error while contacting the lock hub",
        "Failed: membership freeze not permitted on this plan",
        "failed to fetch container status from carrier",
        "Could not send tickets to the buyer's address",
        "Unable to reach the permits database",
        "Export aborted.\nERROR: permission denied for table orders",
        "WARN retrying...\nerror: connection reset by peer",
        "Cannot issue refund: order already settled",
    ),
    "apology_after_tool": (
        "Apologies, I wasn't able to update the delivery note; our system returned an error.",
        "Hmm, the lock service isn't responding right now, sorry about that.",
        "I'm afraid the ticket system glitched when I tried to resend them.",
        "Sorry, my attempt to freeze the membership failed on our side.",
        "Something broke while I was filing that, apologies.",
        "Unfortunately I couldn't reach the carrier's tracking system just now.",
        "Oops, that didn't save. The permit portal seems to be having issues.",
        "I'm sorry, there was a technical error and the refund wasn't issued.",
        "Regrettably the repair booking tool is down at the moment.",
        "Sorry, I tried but the request to the tax service timed out.",
    ),
}

# The user asks for a person; the agent neither hands over nor says why it cannot.
HELDOUT4_UNMET: tuple[tuple[str, str], ...] = (
    (
        "Could someone from your staff call me about this?",
        "Sure! First, can you confirm the email on the account?",
    ),
    ("I'd rather deal with a person.", "No problem, I can help. What's the container number?"),
    (
        "Escalate this to a team lead please.",
        "The lock should reconnect within a few minutes once the hub restarts.",
    ),
    (
        "Is there a real human I could chat with?",
        "Great question! Tickets are usually sent 48 hours before the show.",
    ),
    ("Can you hand me over to billing?", "Your last invoice was €49.00, paid on the 3rd."),
    (
        "I want to speak to whoever handles repairs.",
        "Have you checked whether the thermostat batteries are flat?",
    ),
    (
        "Any chance of talking to a live operator?",
        "I'm here to help! Could you tell me more about the problem?",
    ),
    (
        "Put a real employee on this please.",
        "Thanks for reaching out. Freezes can be requested from the Membership page.",
    ),
    ("Let me talk to a customer care advisor.", "Got it. Is there anything else I can do for you?"),
    ("Can a member of your team phone me back today?", "Permits usually take 15 working days."),
)
