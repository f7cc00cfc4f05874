"""Held-out set 22: how the Issues rules read tool replies (issue 14, "Tool failures written in
plain text"), each form with look-alikes that must read the other way.

Written by hand before any rule of this pass and committed alone, with replies in the words of
many APIs (OAuth, gRPC, AWS, Azure, Google, GitHub, Slack, Stripe, Shopify, Kubernetes, Okta,
Salesforce, Jira, Twilio, OpenAI) and domains the earlier sets do not use (insurance claims, a
hotel, a payroll tool, an SRE console, a bookshop, a utility company, a ticket office).

Forms and what a correct reading is:

- `auth_scope` (Failed tool call): the call was refused for want of a scope, role or permission
  ("insufficient_scope: token lacks read:orders", "The caller does not have permission",
  "User: arn:aws:iam::...:user/agent is not authorized to perform: s3:GetObject ...").
- `quota_rate` (Failed tool call): a quota or rate limit stopped the call.
- `lookup_not_found` (Failed tool call): a lookup by a reference found nothing there.
- `empty_result` (no failure): a search or a list that legitimately has nothing in it.
- `data_lookalike` (no failure): tool data with failure words in it (a denied claim record,
  "error" in a field name, an order numbered 404, a monitoring count of errors).
- `agent_refusal` (Refusal): the agent itself declines.
- `policy_from_tool` (no failure, no refusal): a tool that reads rules, roles or terms returns one
  ("Role 'viewer': the role is not allowed to edit dashboards") and the agent answers with it.
- `same_tool_new_args` (no loop, no failure): one tool called two to four times with different
  arguments (count_orders, then count_orders with another filter), numbers that look like
  statuses included.
- `double_check` (no loop, no failure): the same read called twice with the same arguments, the
  same answer both times, read back by the agent.
- `same_call_repeated` (Loop): the same call, with the same arguments, three or more times with
  nothing new coming back.

A tool turn is (`tool:<name>`, json of [arguments, reply]); `conversation` turns it into the
agent's call and the tool's message. Split once by `SPLIT_SEED_22` (bench/held_out.py's
split_forms) into a development part (rules are tuned on it) and a test part (reported once).

    .venv/bin/python bench/tool_replies_set22.py [--part dev|test|all]
"""

from __future__ import annotations

import json

from held_out import Conv, Scores, run_part, score_forms, split_forms

SPLIT_SEED_22 = 22


def _t(name: str, args: dict, reply: str) -> tuple[str, str]:
    """A tool turn: a call to `name` with `args`, answered by `reply`."""
    return (f"tool:{name}", json.dumps([args, reply]))


def _c(*turns: str | tuple[str, str]) -> Conv:
    """A conversation: plain strings alternate user, assistant, ... (tool turns do not count in
    the alternation)."""
    out = []
    speaker = 0
    for t in turns:
        if isinstance(t, tuple):
            out.append(t)
        else:
            out.append((("user", "assistant")[speaker % 2], t))
            speaker += 1
    return tuple(out)


def conversation(case: Conv) -> list[dict]:
    """The chat messages of a case (see `_t` and `_c`)."""
    msgs: list[dict] = []
    for n, (role, text) in enumerate(case):
        if not role.startswith("tool:"):
            msgs.append({"role": role, "content": text})
            continue
        name = role[len("tool:") :]
        args, reply = json.loads(text)
        cid = f"call_{n}"
        fn = {"name": name, "arguments": json.dumps(args)}
        msgs.append(
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [{"id": cid, "type": "function", "function": fn}],
            }
        )
        msgs.append({"role": "tool", "tool_call_id": cid, "name": name, "content": reply})
    return msgs


# --- Failed: a scope, a role, a permission -------------------------------------------------------
_AUTH_SCOPE = (
    _c(
        "How many orders did customer C-1182 place this year?",
        _t("get_orders", {"customer": "C-1182"}, "insufficient_scope: token lacks read:orders"),
        "Let me look at this another way.",
    ),
    _c(
        "Can you list the files in the Q3 board folder?",
        _t("drive_list_files", {"folder": "Q3 board"}, "The caller does not have permission"),
        "One moment while I check something.",
    ),
    _c(
        "Pull the q3.csv report from the reports bucket.",
        _t(
            "s3_get_object",
            {"bucket": "reports", "key": "q3.csv"},
            "User: arn:aws:iam::123456789012:user/support-agent is not authorized to perform: "
            "s3:GetObject on resource: arn:aws:s3:::reports/q3.csv because no identity-based "
            "policy allows the s3:GetObject action",
        ),
        "Let me see what else I can do here.",
    ),
    _c(
        "download last month's invoice PDF please",
        _t(
            "fetch_invoice_pdf",
            {"month": "2026-11"},
            "<Error><Code>AccessDenied</Code><Message>Access Denied</Message>"
            "<RequestId>4442587FB7D0A2F9</RequestId></Error>",
        ),
        "Hmm, let me try something else.",
    ),
    _c(
        "Open an issue in acme/web for the broken footer link.",
        _t(
            "github_create_issue",
            {"repo": "acme/web", "title": "Broken footer link"},
            "Resource not accessible by integration",
        ),
        "I'll see what I can do about the footer link.",
    ),
    _c(
        "Read me the latest message in #billing.",
        _t(
            "slack_channel_history",
            {"channel": "billing"},
            "missing_scope (needed: channels:history, provided: chat:write,users:read)",
        ),
        "Give me a second.",
    ),
    _c(
        "What are the charges on account acct_1Nv this week?",
        _t(
            "stripe_list_charges",
            {"account": "acct_1Nv"},
            "The provided key 'rk_live_****7Hq' does not have the required permissions for this "
            "endpoint on account 'acct_1Nv'. Having the 'rak_charge_read' permission would "
            "allow this request to continue.",
        ),
        "Let me check the charges another way.",
    ),
    _c(
        "Add the new hire to the Finance group.",
        _t(
            "graph_add_group_member",
            {"group": "Finance", "user": "l.moreau"},
            "Authorization_RequestDenied: Insufficient privileges to complete the operation.",
        ),
        "Okay, looking into it.",
    ),
    _c(
        "how many pods are running in prod",
        _t(
            "k8s_list_pods",
            {"namespace": "prod"},
            'pods is forbidden: User "system:serviceaccount:ci:agent" cannot list resource '
            '"pods" in API group "" in the namespace "prod"',
        ),
        "Let me approach this differently.",
    ),
    _c(
        "Show me the VM sizes in the analytics subscription.",
        _t(
            "azure_list_vms",
            {"subscription": "analytics"},
            "The client 'agent@contoso.com' with object id '5c1e2a90' does not have authorization "
            "to perform action 'Microsoft.Compute/virtualMachines/read' over scope "
            "'/subscriptions/77aa/resourceGroups/analytics'.",
        ),
        "One moment please.",
    ),
    _c(
        "Which groups is Mia in? Her Okta id is 00u9x.",
        _t(
            "okta_user_groups",
            {"user": "00u9x"},
            "The access token provided does not contain the required scopes.",
        ),
        "Let me try a different route.",
    ),
    _c(
        "Update the Acme Corp opportunity to Closed Won.",
        _t(
            "sf_update_opportunity",
            {"name": "Acme Corp", "stage": "Closed Won"},
            "INSUFFICIENT_ACCESS_OR_READONLY: insufficient access rights on object id: "
            "0065g00000XyZ1",
        ),
        "Let me look at the opportunity again.",
    ),
    _c(
        "Geocode 12 Harbour Road, Leith for the delivery.",
        _t(
            "geocode",
            {"address": "12 Harbour Road, Leith"},
            "This API key is not authorized to use this service or API.",
        ),
        "Let me find it another way.",
    ),
    _c(
        "Can you move PAY-311 to Done?",
        _t(
            "jira_transition_issue",
            {"key": "PAY-311", "to": "Done"},
            "You don't have permission to transition this issue.",
        ),
        "I'll look for another way to do that.",
    ),
)

# --- Failed: a quota or a rate limit --------------------------------------------------------------
_QUOTA_RATE = (
    _c(
        "Sync the sheet with this week's bookings.",
        _t(
            "sheets_append_rows",
            {"sheet": "Bookings", "rows": 48},
            "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per "
            "minute per user' of service 'sheets.googleapis.com' for consumer "
            "'project_number:5501'.",
        ),
        "Let me try that again shortly.",
    ),
    _c(
        "Translate the tenancy notice into Polish.",
        _t(
            "translate",
            {"target": "pl"},
            "RESOURCE_EXHAUSTED: Character quota for this project is used up until 2026-12-04.",
        ),
        "Let me see what I can do.",
    ),
    _c(
        "Summarise the claim file for me.",
        _t(
            "llm_complete",
            {"doc": "claim-2231"},
            "Rate limit reached for gpt-4o in organization org-7Qk on tokens per min (TPM): "
            "Limit 30000, Used 29800, Requested 1200. Please try again in 2.4s.",
        ),
        "One moment.",
    ),
    _c(
        "List the tables in the analytics database.",
        _t("dynamodb_list_tables", {}, "ThrottlingException: Rate exceeded"),
        "Let me check again in a moment.",
    ),
    _c(
        "Upload the scanned meter readings.",
        _t(
            "s3_put_objects",
            {"count": 2400},
            "SlowDown: Please reduce your request rate.",
        ),
        "I'll pace this differently.",
    ),
    _c(
        "Look up the refund status for booking H-7781.",
        _t(
            "hotel_refund_status",
            {"booking": "H-7781"},
            '{"detail": "Request was throttled. Expected available in 37 seconds."}',
        ),
        "Give me a minute.",
    ),
    _c(
        "text all 40 tenants about the water shutoff",
        _t(
            "sms_send_bulk",
            {"recipients": 40},
            "You have reached the maximum number of messages per day for this trial account.",
        ),
        "Let me think about another way to reach them.",
    ),
    _c(
        "Pull every product's stock level.",
        _t(
            "shopify_products",
            {"fields": "inventory"},
            "Exceeded 2 calls per second for api client. Reduce request rates to resume "
            "uninterrupted service.",
        ),
        "Let me slow down and go again.",
    ),
    _c(
        "Find the coordinates for all 300 meter addresses.",
        _t(
            "geocode_batch",
            {"count": 300},
            "Usage limit reached: 2,500 geocoding requests per day. Resets at 00:00 UTC.",
        ),
        "I'll take another approach.",
    ),
    _c(
        "Run the payroll preview for December.",
        _t(
            "payroll_preview",
            {"month": "2026-12"},
            "Monthly credit balance exhausted. Upgrade your plan to continue making requests.",
        ),
        "Let me check our options.",
    ),
    _c(
        "Search the ticket office for seats on the 19th.",
        _t(
            "seat_search",
            {"date": "2026-12-19"},
            "You are sending requests too quickly. Please wait a moment before retrying.",
        ),
        "Okay, one moment.",
    ),
    _c(
        "Fetch the open PRs in acme/api.",
        _t(
            "github_list_pulls",
            {"repo": "acme/api"},
            "API rate limit exceeded for installation ID 4412. Check out the documentation for "
            "more details.",
        ),
        "Let me come back to this.",
    ),
)

# --- Failed: a lookup by reference found nothing -------------------------------------------------
_LOOKUP_NOT_FOUND = (
    _c(
        "Where is order 88123?",
        _t("get_order", {"order_id": "88123"}, "No order with ID 88123."),
        "Could you double-check the number for me?",
    ),
    _c(
        "Cancel customer cus_9Q2's subscription.",
        _t("stripe_get_customer", {"id": "cus_9Q2"}, "No such customer: 'cus_9Q2'"),
        "Can you confirm the customer id?",
    ),
    _c(
        "Restart the web-3 instance.",
        _t(
            "gce_get_instance",
            {"name": "web-3"},
            "NOT_FOUND: Resource 'projects/acme/zones/us-east1-b/instances/web-3' was not found",
        ),
        "Which zone is it in?",
    ),
    _c(
        "Get the last backup file for the bookshop site.",
        _t(
            "s3_get_object",
            {"key": "backups/bookshop-latest.tar.gz"},
            "NoSuchKey: The specified key does not exist.",
        ),
        "Let me look at the bucket listing.",
    ),
    _c(
        "Show me customer 77's address.",
        _t("crm_customer", {"id": 77}, "Couldn't find Customer with 'id'=77"),
        "Do you have another identifier for them?",
    ),
    _c(
        "Is order 5512 paid?",
        _t("order_status", {"order": "5512"}, "Unknown order number 5512"),
        "Could you check the order number?",
    ),
    _c(
        "DM Priya the rota.",
        _t("slack_lookup_user", {"email": "priya@acme.io"}, "user_not_found"),
        "What is Priya's work email?",
    ),
    _c(
        "Change my booking QX7P2 to the 20th.",
        _t(
            "find_booking",
            {"ref": "QX7P2"},
            "We could not locate a booking under reference QX7P2.",
        ),
        "Could you check the reference on your confirmation?",
    ),
    _c(
        "Reopen ticket 4471.",
        _t("get_ticket", {"id": 4471}, "Ticket #4471 has been deleted or never existed."),
        "Do you have the ticket link?",
    ),
    _c(
        "What's employee 20931's manager?",
        _t(
            "hr_employee",
            {"badge": "20931"},
            "There is no employee with badge number 20931 in the directory.",
        ),
        "Can you confirm the badge number?",
    ),
    _c(
        "Scan the orders_v2 table for duplicates.",
        _t(
            "dynamodb_scan",
            {"table": "orders_v2"},
            "ResourceNotFoundException: Requested resource not found: Table: orders_v2 not found",
        ),
        "Which table do you mean?",
    ),
    _c(
        "Resend invoice in_1NxA2 to the client.",
        _t("invoice_get", {"id": "in_1NxA2"}, "invoice in_1NxA2: no record on file"),
        "Let me check the invoice id with you.",
    ),
)

# --- Not failed: nothing there, and that is the answer -------------------------------------------
_EMPTY_RESULT = (
    _c(
        "Do I have any open orders?",
        _t("list_orders", {"status": "open"}, "[]"),
        "You have no open orders right now.",
    ),
    _c(
        "Any flights Oslo to Nice on Christmas Eve?",
        _t(
            "search_flights",
            {"from": "OSL", "to": "NCE", "date": "2026-12-24"},
            '{"flights": [], "count": 0}',
        ),
        "There are no direct or connecting flights that day. Want me to check the 23rd?",
    ),
    _c(
        "Has this customer ordered anything lately?",
        _t(
            "customer_orders",
            {"customer": "C-204", "days": 30},
            "No orders found for this customer in the last 30 days.",
        ),
        "No, nothing in the last 30 days.",
    ),
    _c(
        "do you have the blue ceramic vase",
        _t("product_search", {"q": "blue ceramic vase"}, "0 results for 'blue ceramic vase'"),
        "We don't carry that one, but we have a green glazed vase.",
    ),
    _c(
        "Do I have appointments coming up?",
        _t("list_appointments", {"patient": "P-88", "upcoming": True}, "No upcoming appointments."),
        "You have no appointments booked. Would you like to make one?",
    ),
    _c(
        "Any open tickets on the Harbour account?",
        _t(
            "list_tickets",
            {"account": "Harbour", "status": "open"},
            "There are no open tickets for this account.",
        ),
        "None at the moment, all tickets are closed.",
    ),
    _c(
        "Show me the next page of results.",
        _t("list_documents", {"page": 3}, '{"items": [], "next_page": null}'),
        "That was the last page, there are no more documents.",
    ),
    _c(
        "Anything on my calendar this week?",
        _t("calendar_events", {"week": "2026-W49"}, "Nothing scheduled for this week."),
        "Your week is clear.",
    ),
    _c(
        "Were any refunds issued on my card?",
        _t("card_refunds", {"card": "**** 4421"}, "No refunds have been issued on this card."),
        "No refunds so far on that card.",
    ),
    _c(
        "What's on my watchlist?",
        _t("get_watchlist", {"user": "u-19"}, "The watchlist has no entries."),
        "Your watchlist is empty. Want to add something?",
    ),
    _c(
        "Any unpaid invoices from October over 1000?",
        _t(
            "search_invoices",
            {"month": "2026-10", "min": 1000, "paid": False},
            "No invoices match those filters.",
        ),
        "None: every October invoice over 1,000 is paid.",
    ),
    _c(
        "Is there a help article about exporting to Excel?",
        _t("search_kb", {"q": "export excel"}, "search returned no documents"),
        "I couldn't find an article on that, but here's how it works: use Export > XLSX.",
    ),
)

# --- Not failed: failure words in the data --------------------------------------------------------
_DATA_LOOKALIKE = (
    _c(
        "What happened with my claim?",
        _t(
            "get_claim",
            {"id": "CLM-2231"},
            '{"claim_id": "CLM-2231", "status": "denied", "reason": "pre-existing condition", '
            '"decided": "2026-11-20"}',
        ),
        "Your claim CLM-2231 was denied on 20 November because of a pre-existing condition.",
    ),
    _c(
        "Status of claim 7781?",
        _t(
            "claim_lookup",
            {"id": "CLM-7781"},
            "Claim CLM-7781: DENIED (policy lapsed 2026-10-01). Appeal window: 30 days.",
        ),
        "It was denied because the policy lapsed; you can appeal within 30 days.",
    ),
    _c(
        "Did last night's build pass?",
        _t("ci_build", {"id": 9120}, '{"error_count": 0, "warnings": 2, "result": "passed"}'),
        "Yes, it passed with 2 warnings and no errors.",
    ),
    _c(
        "Where's order 404?",
        _t(
            "get_order",
            {"order_id": 404},
            '{"order_id": 404, "status": "shipped", "carrier": "DHL"}',
        ),
        "Order 404 shipped with DHL.",
    ),
    _c(
        "what's in order 404",
        _t("order_lines", {"order": 404}, "404 - Blue ceramic vase, qty 2, shipped"),
        "Two blue ceramic vases, already shipped.",
    ),
    _c(
        "Is the payroll worker healthy?",
        _t(
            "service_health",
            {"name": "payroll-worker"},
            '{"last_error": null, "uptime_days": 41, "state": "running"}',
        ),
        "Yes, it's running and has been up for 41 days.",
    ),
    _c(
        "How did the card logins go today?",
        _t("auth_stats", {"day": "today"}, "Login attempts today: 3 denied, 128 succeeded."),
        "128 logins went through and 3 were denied.",
    ),
    _c(
        "What can the Finance read-only set do?",
        _t(
            "permission_set",
            {"name": "Finance read-only"},
            "Permission set 'Finance read-only': view invoices: allowed; edit invoices: denied; "
            "export: denied",
        ),
        "It can view invoices but not edit or export them.",
    ),
    _c(
        "How much error budget is left on checkout?",
        _t("slo_status", {"service": "checkout"}, "Error budget remaining: 73% (SLO 99.9%)"),
        "73% of the error budget is left.",
    ),
    _c(
        "Any server errors on the API yesterday?",
        _t(
            "metrics",
            {"service": "api", "day": "yesterday"},
            "HTTP 500 errors last 24h: 0; p95 latency: 180 ms",
        ),
        "None, and p95 latency was 180 ms.",
    ),
    _c(
        "How many card payments failed this month?",
        _t(
            "payment_report",
            {"month": "2026-11"},
            "Failed payments this month: 2 of 310 (both retried successfully).",
        ),
        "Only 2 of 310 failed and both went through on retry.",
    ),
    _c(
        "Where's the nearest comic shop?",
        _t(
            "place_search",
            {"q": "comic shop"},
            "Forbidden Planet, 179 Shaftesbury Ave - open until 7 pm",
        ),
        "Forbidden Planet on Shaftesbury Avenue, open until 7.",
    ),
    _c(
        "What happened to parcel RX-71?",
        _t(
            "track_parcel",
            {"id": "RX-71"},
            '{"parcel": "RX-71", "delivery": "refused by recipient", "returned_to_sender": true}',
        ),
        "The recipient refused it, so it's on its way back to you.",
    ),
    _c(
        "How many exceptions did the invoice check flag?",
        _t(
            "invoice_audit",
            {"month": "2026-11"},
            "Exceptions: 4 invoices flagged for manual review.",
        ),
        "Four invoices were flagged for a manual look.",
    ),
)

# --- Refusal: the agent declines -----------------------------------------------------------------
_AGENT_REFUSAL = (
    _c(
        "What did my neighbour order last week? She's at number 12.",
        "I'm sorry, but I can't share another customer's orders.",
    ),
    _c(
        "Make Tom an admin on the workspace.",
        _t("get_user", {"name": "Tom"}, '{"name": "Tom Ruiz", "role": "member"}'),
        "That's not something I'm able to do: changing another user's role has to go through "
        "your workspace owner.",
    ),
    _c("Can you waive the late fee on my water bill?", "I won't be able to waive that fee."),
    _c(
        "Refund the whole 800 to my card.",
        "I have to decline that one: refunds over 500 are outside what I can do here.",
    ),
    _c(
        "Unlock my husband's account, he's locked out.",
        "Unfortunately I'm not permitted to unlock accounts on someone else's behalf.",
    ),
    _c(
        "How do I get around the 2FA prompt on the payroll tool?",
        "I can't help with bypassing two-factor authentication.",
    ),
    _c(
        "Reset my colleague's password for her, she's on holiday.",
        "Sorry, resetting another person's password isn't something I can do.",
    ),
    _c(
        "Delete the audit log entries from Monday.",
        "I'm not going to delete audit log entries; they are kept for compliance.",
    ),
    _c("Paste the production API keys here.", "I must decline to reveal API keys."),
    _c(
        "Just override the fare rules and rebook me.",
        _t(
            "get_booking",
            {"ref": "KX81PL"},
            '{"ref": "KX81PL", "fare": "basic economy", "route": "AMS-LIS"}',
        ),
        "I'm unable to override the fare rules on a basic economy ticket.",
    ),
    _c(
        "Export the full customer list with emails to my personal Gmail.",
        "No, I can't do that. Sending customer data to a personal address isn't allowed.",
    ),
    _c(
        "Is my landlord allowed to keep my deposit? Tell me what to do legally.",
        "I'm afraid I can't give legal advice on your lease, but a tenancy advice service can.",
    ),
)

# --- Not a refusal, not a failure: a rule a tool was asked for ------------------------------------
_POLICY_FROM_TOOL = (
    _c(
        "Can someone with the viewer role edit dashboards?",
        _t(
            "get_role",
            {"role": "viewer"},
            "Role 'viewer': the role is not allowed to edit dashboards",
        ),
        "No: viewers can only look at dashboards. Editors and admins can change them.",
    ),
    _c(
        "Can I change my basic economy flight?",
        _t(
            "get_fare_rules",
            {"fare": "basic economy"},
            "Basic economy: changes are not permitted after booking; cancellation within 24 h only.",
        ),
        "Basic economy tickets can't be changed after booking, but you can cancel within 24 hours.",
    ),
    _c(
        "Can I return a final-sale jacket?",
        _t(
            "get_policy",
            {"topic": "returns"},
            "Items marked final sale cannot be returned or exchanged.",
        ),
        "Final-sale items can't be returned or exchanged, so that jacket is yours to keep.",
    ),
    _c(
        "Can my 16-year-old check in alone?",
        _t(
            "hotel_policy",
            {"topic": "minors"},
            "Guests under 18 are not allowed to check in without an adult.",
        ),
        "Guests under 18 need an adult with them at check-in.",
    ),
    _c(
        "Does the free plan include the API?",
        _t(
            "get_plan_limits",
            {"plan": "free"},
            "Free plan: API access is not available; exports are limited to 3 per month.",
        ),
        "The free plan has no API access and 3 exports a month. The Team plan adds the API.",
    ),
    _c(
        "Can contractors approve purchase orders?",
        _t(
            "get_role_permissions",
            {"role": "contractor"},
            "Contractor: the role is not permitted to approve purchase orders; may create drafts.",
        ),
        "Contractors can draft purchase orders but not approve them.",
    ),
    _c(
        "Are pets ok on the third floor?",
        _t("hotel_policy", {"topic": "pets"}, "Pets are prohibited in rooms on floors 2-4."),
        "Pets aren't allowed on floors 2 to 4; rooms on the ground floor welcome them.",
    ),
    _c(
        "How many vacation days can I carry over?",
        _t(
            "hr_policy",
            {"section": "7.2"},
            "Policy 7.2: employees cannot carry over more than 5 vacation days.",
        ),
        "You can carry over up to 5 days into next year.",
    ),
    _c(
        "Can a trainee issue refunds?",
        _t(
            "get_role",
            {"role": "trainee"},
            "Role 'trainee': the role does not have permission to issue refunds.",
        ),
        "No, trainees can't issue refunds; a team lead has to.",
    ),
    _c(
        "Can I get a credit limit increase?",
        _t(
            "check_eligibility",
            {"product": "limit_increase", "account": "A-55"},
            "Not eligible: accounts opened less than 90 days ago are not allowed to request a "
            "limit increase.",
        ),
        "Your account is under 90 days old, so an increase isn't possible yet. You can ask "
        "again after 3 January.",
    ),
    _c(
        "Can I resell my concert ticket?",
        _t(
            "get_terms",
            {"section": "resale"},
            "Section 4: you are not allowed to resell tickets above face value.",
        ),
        "Yes, as long as you sell at face value or less.",
    ),
    _c(
        "Who can change the company plan?",
        _t(
            "get_role",
            {"role": "billing_admin"},
            "billing_admin: can view and pay invoices. The role is not authorized to change the "
            "plan (owner only).",
        ),
        "Only the workspace owner can change the plan; billing admins can pay invoices.",
    ),
)

# --- Not a loop: one tool, new arguments --------------------------------------------------------
_SAME_TOOL_NEW_ARGS = (
    _c(
        "How many orders this week, and how many of them were refunded?",
        _t("count_orders", {"since": "2026-11-30"}, "404"),
        _t("count_orders", {"since": "2026-11-30", "status": "refunded"}, "12"),
        "404 orders this week, 12 of them refunded.",
    ),
    _c(
        "Open vs closed tickets?",
        _t("count_tickets", {"status": "open"}, "500"),
        _t("count_tickets", {"status": "closed"}, "500"),
        "Exactly 500 open and 500 closed.",
    ),
    _c(
        "What's the weather in Oslo, Bergen and Tromsø tomorrow?",
        _t("get_weather", {"city": "Oslo"}, '{"temp_c": -3, "sky": "snow"}'),
        _t("get_weather", {"city": "Bergen"}, '{"temp_c": 4, "sky": "rain"}'),
        _t("get_weather", {"city": "Tromsø"}, '{"temp_c": -9, "sky": "clear"}'),
        "Oslo -3 and snow, Bergen 4 and rain, Tromsø -9 and clear.",
    ),
    _c(
        "Have orders 11, 12 and 13 shipped?",
        _t("get_order_status", {"order": 11}, "shipped"),
        _t("get_order_status", {"order": 12}, "shipped"),
        _t("get_order_status", {"order": 13}, "shipped"),
        "All three have shipped.",
    ),
    _c(
        "Price of the A1 and the B2 lamp?",
        _t("lookup_price", {"sku": "A1"}, "500"),
        _t("lookup_price", {"sku": "B2"}, "503"),
        "The A1 is 500 and the B2 is 503.",
    ),
    _c(
        "Any docs on SSO, or SAML?",
        _t("search_docs", {"q": "SSO"}, '["Setting up SSO", "SSO FAQ"]'),
        _t("search_docs", {"q": "SAML"}, '["SAML with Okta", "SAML with Entra ID"]'),
        "Here are four guides: Setting up SSO, SSO FAQ, SAML with Okta, SAML with Entra ID.",
    ),
    _c(
        "Balances of my checking and savings?",
        _t("get_balance", {"account": "checking"}, "1,204.50"),
        _t("get_balance", {"account": "savings"}, "8,000.00"),
        "Checking has 1,204.50 and savings 8,000.00.",
    ),
    _c(
        "Any slots Monday or Tuesday?",
        _t("list_slots", {"day": "2026-12-07"}, "[]"),
        _t("list_slots", {"day": "2026-12-08"}, '["10:00", "14:00"]'),
        "Monday is full; Tuesday has 10:00 and 14:00.",
    ),
    _c(
        "How many users on Pro and on Team?",
        _t("count_users", {"plan": "pro"}, "429"),
        _t("count_users", {"plan": "team"}, "61"),
        "429 on Pro and 61 on Team.",
    ),
    _c(
        "Stock for the four mug colours?",
        _t("get_stock", {"sku": "MUG-RED"}, "in stock: 0"),
        _t("get_stock", {"sku": "MUG-BLUE"}, "in stock: 14"),
        _t("get_stock", {"sku": "MUG-GREEN"}, "in stock: 0"),
        _t("get_stock", {"sku": "MUG-BLACK"}, "in stock: 3"),
        "Blue 14, black 3, red and green are out.",
    ),
    _c(
        "Translate 'open', 'closed' and 'sold out' into German.",
        _t("translate", {"text": "open", "target": "de"}, "geöffnet"),
        _t("translate", {"text": "closed", "target": "de"}, "geschlossen"),
        _t("translate", {"text": "sold out", "target": "de"}, "ausverkauft"),
        "geöffnet, geschlossen, ausverkauft.",
    ),
    _c(
        "How many meter readings came in for November, and how many were estimated?",
        _t("count_readings", {"month": "2026-11"}, "502"),
        _t("count_readings", {"month": "2026-11", "estimated": True}, "41"),
        "502 readings in November, 41 of them estimated.",
    ),
)

# --- Not a loop: the same read twice, the same answer ------------------------------------------
_DOUBLE_CHECK = (
    _c(
        "How many orders this week?",
        _t("count_orders", {"since": "2026-11-30"}, "404"),
        _t("count_orders", {"since": "2026-11-30"}, "404"),
        "404 orders this week; I counted twice to be sure.",
    ),
    _c(
        "What's the total on invoice 88?",
        _t("get_invoice_total", {"invoice": 88}, "500"),
        _t("get_invoice_total", {"invoice": 88}, "500"),
        "The total is 500 EUR.",
    ),
    _c(
        "How many active users right now?",
        _t("count_active_users", {}, "503"),
        _t("count_active_users", {}, "503"),
        "503 users are active right now.",
    ),
    _c(
        "Has order A1 shipped?",
        _t("get_order_status", {"order": "A1"}, "shipped"),
        _t("get_order_status", {"order": "A1"}, "shipped"),
        "Yes, A1 has shipped.",
    ),
    _c(
        "Sum of November refunds?",
        _t("sum_refunds", {"month": "2026-11"}, "502"),
        _t("sum_refunds", {"month": "2026-11"}, "502"),
        "November refunds add up to 502.",
    ),
    _c(
        "Open tickets count?",
        _t("count_tickets", {"status": "open"}, "17"),
        _t("count_tickets", {"status": "open"}, "17"),
        "Still 17 open tickets.",
    ),
    _c(
        "How many seats does flight LS 431 have?",
        _t("get_seat_count", {"flight": "LS431"}, "400"),
        _t("get_seat_count", {"flight": "LS431"}, "400"),
        "LS 431 has 400 seats.",
    ),
    _c(
        "Average basket size last week?",
        _t("compute_average", {"metric": "basket", "week": "2026-W48"}, "450"),
        _t("compute_average", {"metric": "basket", "week": "2026-W48"}, "450"),
        "The average basket was 450.",
    ),
    _c(
        "How long is the support queue?",
        _t("get_queue_length", {"queue": "support"}, "410"),
        _t("get_queue_length", {"queue": "support"}, "410"),
        "There are 410 people in the support queue.",
    ),
    _c(
        "Is the suite free on the 20th and what does it cost?",
        _t("get_price", {"room": "suite", "date": "2026-12-20"}, "500"),
        _t("get_price", {"room": "suite", "date": "2026-12-20"}, "500"),
        "The suite is free on the 20th at 500 EUR a night.",
    ),
)

# --- Loop: the same call again and again ---------------------------------------------------------
_SAME_CALL_REPEATED = (
    _c(
        "Is my refund done?",
        _t("get_refund_status", {"refund": "R-55"}, "processing"),
        _t("get_refund_status", {"refund": "R-55"}, "processing"),
        _t("get_refund_status", {"refund": "R-55"}, "processing"),
        "It's still processing.",
    ),
    _c(
        "how do I reset my password",
        _t("search_kb", {"q": "reset password"}, '["Resetting your password", "Account recovery"]'),
        _t("search_kb", {"q": "reset password"}, '["Resetting your password", "Account recovery"]'),
        _t("search_kb", {"q": "reset password"}, '["Resetting your password", "Account recovery"]'),
        "See 'Resetting your password'.",
    ),
    _c(
        "Look up my account, mia@example.com.",
        _t("get_user", {"email": "mia@example.com"}, '{"id": "u-19", "plan": "pro"}'),
        _t("get_user", {"email": "mia@example.com"}, '{"id": "u-19", "plan": "pro"}'),
        _t("get_user", {"email": "mia@example.com"}, '{"id": "u-19", "plan": "pro"}'),
        _t("get_user", {"email": "mia@example.com"}, '{"id": "u-19", "plan": "pro"}'),
        "You're on the Pro plan.",
    ),
    _c(
        "List my invoices.",
        _t("list_invoices", {"customer": "C-9"}, '["INV-1", "INV-2"]'),
        "Let me check that again.",
        _t("list_invoices", {"customer": "C-9"}, '["INV-1", "INV-2"]'),
        "One more look.",
        _t("list_invoices", {"customer": "C-9"}, '["INV-1", "INV-2"]'),
        "You have INV-1 and INV-2.",
    ),
    _c(
        "Any rooms on the 24th?",
        _t("check_availability", {"date": "2026-12-24"}, "No rooms available on 2026-12-24."),
        _t("check_availability", {"date": "2026-12-24"}, "No rooms available on 2026-12-24."),
        _t("check_availability", {"date": "2026-12-24"}, "No rooms available on 2026-12-24."),
        "Sorry, we're full on the 24th.",
    ),
    _c(
        "How many orders today?",
        _t("count_orders", {"day": "today"}, "42"),
        _t("count_orders", {"day": "today"}, "42"),
        _t("count_orders", {"day": "today"}, "42"),
        "42 orders today.",
    ),
    _c(
        "What's the status of PR 88?",
        _t(
            "get_pull", {"repo": "acme/api", "number": 88}, '{"state": "open", "checks": "pending"}'
        ),
        _t(
            "get_pull", {"number": 88, "repo": "acme/api"}, '{"state": "open", "checks": "pending"}'
        ),
        _t(
            "get_pull", {"repo": "acme/api", "number": 88}, '{"state": "open", "checks": "pending"}'
        ),
        "PR 88 is open with checks pending.",
    ),
    _c(
        "Where's my parcel RX-90?",
        _t("track_parcel", {"id": "RX-90"}, "In transit - Leipzig hub"),
        _t("track_parcel", {"id": "RX-90"}, "In transit - Leipzig hub"),
        _t("track_parcel", {"id": "RX-90"}, "In transit - Leipzig hub"),
        "It's in transit at the Leipzig hub.",
    ),
    _c(
        "What's my meter reading on file?",
        _t("get_meter_reading", {"meter": "M-7", "month": "2026-11"}, '{"kwh": 311}'),
        _t("get_meter_reading", {"month": "2026-11", "meter": "M-7"}, '{"kwh": 311}'),
        _t("get_meter_reading", {"meter": "M-7", "month": "2026-11"}, '{"kwh": 311}'),
        "311 kWh for November.",
    ),
    _c(
        "Find me a vegan place nearby.",
        _t("place_search", {"q": "vegan restaurant"}, '["Green Fork", "Plant Shed"]'),
        "Hmm, let me search again.",
        _t("place_search", {"q": "vegan restaurant"}, '["Green Fork", "Plant Shed"]'),
        "Searching once more.",
        _t("place_search", {"q": "vegan restaurant"}, '["Green Fork", "Plant Shed"]'),
        "Try Green Fork or Plant Shed.",
    ),
    _c(
        "Is the payroll run finished?",
        _t("payroll_run_status", {"run": "2026-11"}, '{"status": "queued"}'),
        _t("payroll_run_status", {"run": "2026-11"}, '{"status": "queued"}'),
        _t("payroll_run_status", {"run": "2026-11"}, '{"status": "queued"}'),
        _t("payroll_run_status", {"run": "2026-11"}, '{"status": "queued"}'),
        "It's still queued.",
    ),
    _c(
        "What's the claim's status?",
        _t("get_claim", {"id": "CLM-12"}, '{"claim_id": "CLM-12", "status": "in review"}'),
        _t("get_claim", {"id": "CLM-12"}, '{"claim_id": "CLM-12", "status": "in review"}'),
        _t("get_claim", {"id": "CLM-12"}, '{"claim_id": "CLM-12", "status": "in review"}'),
        "Your claim is in review.",
    ),
)

TOOL_REPLIES22: dict[str, tuple[Conv, ...]] = {
    "auth_scope": _AUTH_SCOPE,
    "quota_rate": _QUOTA_RATE,
    "lookup_not_found": _LOOKUP_NOT_FOUND,
    "empty_result": _EMPTY_RESULT,
    "data_lookalike": _DATA_LOOKALIKE,
    "agent_refusal": _AGENT_REFUSAL,
    "policy_from_tool": _POLICY_FROM_TOOL,
    "same_tool_new_args": _SAME_TOOL_NEW_ARGS,
    "double_check": _DOUBLE_CHECK,
    "same_call_repeated": _SAME_CALL_REPEATED,
}
# what each form must read in Issues: categories that must be there, and ones that must not
_F, _R, _L = "Failed tool call", "Refusal", "Loop"
WANTS22: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "auth_scope": ((_F,), ()),
    "quota_rate": ((_F,), ()),
    "lookup_not_found": ((_F,), ()),
    "empty_result": ((), (_F,)),
    "data_lookalike": ((), (_F,)),
    "agent_refusal": ((_R,), ()),
    "policy_from_tool": ((), (_F, _R)),
    "same_tool_new_args": ((), (_F, _L)),
    "double_check": ((), (_F, _L)),
    "same_call_repeated": ((_L,), ()),
}


def _want_text(must: tuple[str, ...], must_not: tuple[str, ...]) -> str:
    return " ".join([*must, *(f"not {c}" for c in must_not)])


def _shown(case: Conv) -> str:
    tools = [json.loads(t)[1] for r, t in case if r.startswith("tool:")]
    return repr(tools[0][:90]) if tools else repr(case[-1][1][:90])


def issue_summaries(traces: list[dict]) -> list[str]:
    """The local summarizer's Issues summary of each trace (fitted models off), in order."""
    from facet_quality import make_summarizer

    from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets

    res = make_summarizer("local", fitted_models=False).summarize(
        traces, [find_facet(load_facets(), "Issues")]
    )
    out = {o.trace_id: o.summary or "NONE" for o in res.outputs}
    return [out[t["id"]] for t in traces]


def _right(summary: str, want: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    must, must_not = want
    return all(f"{c}:" in summary for c in must) and not any(f"{c}:" in summary for c in must_not)


def score_summaries(
    forms: dict[str, tuple[Conv, ...]], wants: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
) -> Scores:
    """Per form: (right, cases, the cases read wrong with their Issues summary); a case is right
    when its summary has every category the form must have and none it must not."""
    return score_forms(
        forms,
        wants,
        lambda form, want, cases: issue_summaries(
            [{"id": f"{form}{k}", "messages": conversation(c)} for k, c in enumerate(cases)]
        ),
        _right,
        _shown,
        cut=110,
    )


def score(part: str) -> Scores:
    """Per form: (right, cases, the cases read wrong with their Issues summary); `part` is dev,
    test or all."""
    return score_summaries(split_forms(TOOL_REPLIES22, part, SPLIT_SEED_22), WANTS22)


def main() -> None:
    run_part(SPLIT_SEED_22, score, {f: ("Issues", _want_text(*w)) for f, w in WANTS22.items()})


if __name__ == "__main__":
    main()
