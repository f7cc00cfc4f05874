"""Held-out set 23: tool replies and asks for a person the Issues rules still misread after
session 22 (issue 14, "Tool failures written in plain text" and "Unmet escalation"), each form
beside look-alikes that must read the other way.

Written by hand before any rule of this pass and committed alone, in APIs and domains set 22 does
not use (Twilio, SendGrid, Mapbox, HubSpot, Zendesk, Airtable, Notion, Dropbox, Spotify, a
weather API, a market-data API; a vet clinic, a library, fleet telematics, school admissions,
council tax, a marina, recruitment, a brewery, a clinical lab, a museum shop).

Forms and what a correct reading is:

- `quota_allowance` (Failed tool call): an allowance, quota, credit balance or plan limit used up,
  or requests sent too fast, in words no status code carries ("You have used 100% of your monthly
  allowance", "limit reached for this billing period", "Monthly credit balance exhausted").
- `quota_data` (no failure): a quota, a limit or an allowance described, or usage below it.
- `no_record` (Failed tool call): a lookup by a reference found no record of it ("invoice
  in_1NxA2: no record on file", "We have no record of booking ABC123").
- `absent_attribute` (no failure): a record that was found says it has none of something ("No
  allergies on file", "No prior claims on record for policy HX-2231").
- `agent_decline` (Refusal): the agent declines in words set 22 did not read ("I have to decline
  that one", "I'll have to pass on that", "I must respectfully decline").
- `decline_lookalike` (no Refusal): declining said of someone else, offered to the user, or a
  "pass that on" that is a handover of a message.
- `error_word_names` (no failure): a search result whose name holds an error word ("Forbidden
  Planet", "Bad Request Brewing Co.", "Timeout Bar & Grill").
- `data_about_errors` (no failure): a successful read whose records are about errors ("Found 3
  audit events: token lacks ...", a list of failed logins, an error log searched).
- `asks_about_person` (no Unmet escalation): the user asks who a person is, or about a person or a
  role ("What's employee 20931's manager?"), and the agent answers.
- `asks_for_person` (Unmet escalation): the user asks for a person in new words and the agent
  answers without handing over or saying why not.

A tool turn is (`tool:<name>`, json of [arguments, reply]) as in set 22 (`_t`, `_c`,
`conversation` are set 22's). Split once by `SPLIT_SEED_23` (bench/held_out.py's split_forms)
into a development part (rules are tuned on it) and a test part (reported once).

    .venv/bin/python bench/tool_replies_set23.py [--part dev|test|all]
"""

from __future__ import annotations

from held_out import Conv, Scores, run_part, split_forms
from tool_replies_set22 import _c, _t, _want_text, score_summaries

SPLIT_SEED_23 = 23

# --- Failed: an allowance or a quota used up, requests too fast -------------------------------
_QUOTA_ALLOWANCE = (
    _c(
        "Text the owner of Bella that her vaccination is due.",
        _t("twilio_send_sms", {"to": "+447700900123"}, "quota exceeded"),
        "Let me look into another way to reach her.",
    ),
    _c(
        "Draft a summary of the lab results for Dr Osei.",
        _t(
            "llm_summarise",
            {"doc": "LAB-5512"},
            "You have used 100% of your monthly allowance. Your allowance renews on 1 January.",
        ),
        "One moment.",
    ),
    _c(
        "Send the open-day invitation to the waiting-list parents.",
        _t(
            "sendgrid_send_batch",
            {"list": "waiting-list-2027"},
            "limit reached for this billing period",
        ),
        "Let me see what else I can do.",
    ),
    _c(
        "Ask the marina bot to post tomorrow's tide times.",
        _t(
            "chat_post_message",
            {"channel": "berth-holders"},
            "You have reached the maximum number of messages per day for this workspace.",
        ),
        "I'll try a different route.",
    ),
    _c(
        "Geocode the 40 new bin collection addresses.",
        _t("mapbox_geocode_batch", {"count": 40}, "Monthly credit balance exhausted"),
        "Give me a moment.",
    ),
    _c(
        "Pull the latest share price for the brewery group.",
        _t(
            "market_quote",
            {"symbol": "BRWG"},
            "Thank you for using our API. You are sending requests too quickly; our standard "
            "plan allows 5 calls per minute.",
        ),
        "Let me try again shortly.",
    ),
    _c(
        "Create the candidate records in the CRM.",
        _t(
            "hubspot_create_contacts",
            {"count": 120},
            "Daily cap hit: 250,000 of 250,000 API calls used. Resets at 00:00 UTC.",
        ),
        "I'll look at another option.",
    ),
    _c(
        "Transcribe the voicemail from the council tax line.",
        _t(
            "transcribe_audio",
            {"file": "vm-20261203-0915.wav"},
            "Free tier limit reached. Upgrade your plan to continue transcribing.",
        ),
        "Let me see.",
    ),
    _c(
        "Add the new arrivals to the library catalogue base.",
        _t(
            "airtable_create_records",
            {"table": "Catalogue", "count": 60},
            "Out of credits: this workspace has no API credits left this month.",
        ),
        "Working on it.",
    ),
    _c(
        "What's the forecast for the regatta on Saturday?",
        _t(
            "weather_forecast",
            {"lat": 50.8, "lon": -1.3, "date": "2026-12-05"},
            '{"cod": 429, "message": "Your account is temporarily blocked due to exceeding of '
            'requests limitation of your subscription type."}',
        ),
        "Hmm, let me check another source.",
    ),
    _c(
        "Upload the vehicle inspection photos to the shared folder.",
        _t(
            "dropbox_upload",
            {"path": "/fleet/inspections/van-14"},
            "insufficient_space: the team's storage allowance is full.",
        ),
        "Let me see what I can free up.",
    ),
    _c(
        "Make a playlist of the museum shop's background music.",
        _t(
            "spotify_create_playlist",
            {"name": "Shop floor"},
            "Your application has exceeded its allotted usage for today. Please wait until "
            "tomorrow.",
        ),
        "Let me try something else.",
    ),
    _c(
        "Run the admissions letters through the mail merge.",
        _t(
            "notion_update_pages",
            {"db": "Admissions 2027", "count": 310},
            "Request limit for your plan has been used up (1,000 / 1,000). Upgrade for more.",
        ),
        "One second.",
    ),
    _c(
        "Translate the recruitment ad into Welsh.",
        _t(
            "translate_text",
            {"target": "cy"},
            "You've hit your character allowance for this month (500,000 characters).",
        ),
        "Let me look at that.",
    ),
)

# --- Not failed: a quota, a limit or an allowance described ----------------------------------
_QUOTA_DATA = (
    _c(
        "How many texts can the clinic still send this month?",
        _t(
            "twilio_usage",
            {"period": "2026-12"},
            "Monthly allowance: 2,000 SMS. Used so far: 412 (21%).",
        ),
        "You've used 412 of your 2,000 texts this month.",
    ),
    _c(
        "What are the API limits on our CRM plan?",
        _t(
            "hubspot_plan_limits",
            {},
            "Rate limit: 100 requests per 10 seconds per app. Daily limit: 250,000 calls.",
        ),
        "Your plan allows 100 requests every 10 seconds and 250,000 a day.",
    ),
    _c(
        "How much of the transcription quota have we used?",
        _t(
            "transcribe_usage",
            {},
            "You have used 45% of your monthly allowance (270 of 600 minutes).",
        ),
        "About 45%: 270 of your 600 minutes.",
    ),
    _c(
        "When does our mapping credit reset?",
        _t(
            "mapbox_billing",
            {},
            "The monthly credit resets on the 1st at 00:00 UTC. Current balance: 38,200 credits.",
        ),
        "It resets on the 1st; you have 38,200 credits left.",
    ),
    _c(
        "Do we get a warning before we run out of storage?",
        _t(
            "dropbox_team_settings",
            {},
            '{"storage_alert": "email admins when 90% of the allowance is reached", '
            '"allowance_gb": 5000, "used_gb": 1210}',
        ),
        "Yes: admins get an e-mail at 90%. You're at 1,210 of 5,000 GB.",
    ),
    _c(
        "What's the e-mail sending limit on the school account?",
        _t(
            "sendgrid_account",
            {},
            "Plan: Essentials 50K. Sending limit: 50,000 e-mails per month; 8,400 sent.",
        ),
        "You can send 50,000 a month and you've sent 8,400.",
    ),
    _c(
        "Has the weather API ever throttled us?",
        _t(
            "weather_account_stats",
            {},
            "Limit reached 0 times in the last 30 days. Peak usage: 41 calls per minute (limit "
            "60).",
        ),
        "No: you've never hit the limit in the last 30 days.",
    ),
    _c(
        "What happens if the library goes over its API allowance?",
        _t(
            "airtable_docs_search",
            {"q": "over allowance"},
            "If a workspace exceeds its monthly API allowance, further calls are paused until "
            "the next billing period.",
        ),
        "Calls would be paused until the next billing period.",
    ),
    _c(
        "How many credits does a forecast call cost?",
        _t(
            "weather_pricing",
            {},
            "Each forecast call uses 1 credit. Quota: 1,000,000 credits per month on Pro.",
        ),
        "One credit per call, with a million a month on Pro.",
    ),
    _c(
        "Show me the brewery's plan details.",
        _t(
            "market_data_plan",
            {},
            "Plan: Standard. Calls per minute: 5. Calls per day: 500. Upgrade options: Premium "
            "(75/min).",
        ),
        "You're on Standard: 5 calls a minute and 500 a day.",
    ),
    _c(
        "Are we close to the message limit in the marina workspace?",
        _t(
            "chat_workspace_usage",
            {},
            "Messages today: 1,204 of 10,000 daily maximum.",
        ),
        "Not close: 1,204 of 10,000 today.",
    ),
    _c(
        "Set an alert for when the translation quota runs low.",
        _t(
            "set_quota_alert",
            {"threshold_pct": 80},
            "Alert saved: notify when quota usage reaches 80%.",
        ),
        "Done: you'll be told when usage reaches 80%.",
    ),
)

# --- Failed: a lookup by reference that found no record --------------------------------------
_NO_RECORD = (
    _c(
        "Why was I charged twice on invoice in_1NxA2?",
        _t("stripe_get_invoice", {"id": "in_1NxA2"}, "invoice in_1NxA2: no record on file"),
        "Let me check that another way.",
    ),
    _c(
        "Can you confirm my berth booking ABC123?",
        _t(
            "marina_booking",
            {"ref": "ABC123"},
            "We have no record of booking ABC123.",
        ),
        "Let me look again.",
    ),
    _c(
        "What did the lab find in sample LS-77810?",
        _t(
            "lab_result",
            {"sample": "LS-77810"},
            "No matching record for sample ID LS-77810.",
        ),
        "Let me check the sample number.",
    ),
    _c(
        "Service history for van VIN 1HGCM82633A004352, please.",
        _t(
            "fleet_service_history",
            {"vin": "1HGCM82633A004352"},
            "Nothing on file for VIN 1HGCM82633A004352.",
        ),
        "Let me try the registration instead.",
    ),
    _c(
        "Is my council tax account 40021877 in arrears?",
        _t(
            "council_tax_account",
            {"account": "40021877"},
            "Account 40021877 - record not on file",
        ),
        "Let me check that number.",
    ),
    _c(
        "Where's my library hold on item 3900-1127?",
        _t(
            "library_hold",
            {"item": "3900-1127"},
            "Zero records match item barcode 3900-1127.",
        ),
        "Let me look it up differently.",
    ),
    _c(
        "Pull up candidate CAND-5521's application.",
        _t(
            "ats_get_candidate",
            {"id": "CAND-5521"},
            "CAND-5521: no such record.",
        ),
        "One moment.",
    ),
    _c(
        "Check the admission file for child ref ADM-2027-0413.",
        _t(
            "admissions_lookup",
            {"ref": "ADM-2027-0413"},
            "There is no entry on record under reference ADM-2027-0413.",
        ),
        "Let me check the reference.",
    ),
    _c(
        "What's the status of Zendesk ticket 88412?",
        _t(
            "zendesk_get_ticket",
            {"id": 88412},
            "No data found for ticket id 88412",
        ),
        "Let me search for it.",
    ),
    _c(
        "Look up patient Milo, chip number 985112004567321.",
        _t(
            "vet_patient_by_chip",
            {"chip": "985112004567321"},
            "Microchip 985112004567321 is not on record.",
        ),
        "Let me try his name.",
    ),
    _c(
        "Find order MS-20931 from the museum shop.",
        _t(
            "shop_order",
            {"id": "MS-20931"},
            "No records exist for order MS-20931.",
        ),
        "Let me look again.",
    ),
    _c(
        "Get the keg return for delivery note DN-7741.",
        _t(
            "brewery_delivery_note",
            {"note": "DN-7741"},
            "DN-7741 returned no record in the ledger.",
        ),
        "Let me check the ledger another way.",
    ),
)

# --- Not failed: a record found that has none of something ----------------------------------
_ABSENT_ATTRIBUTE = (
    _c(
        "Does Bella have any allergies?",
        _t("vet_patient", {"id": "P-3341"}, "Patient P-3341 (Bella): no allergies on file."),
        "Bella has no allergies on file.",
    ),
    _c(
        "Has policy HX-2231 had claims before?",
        _t(
            "policy_claims_history",
            {"policy": "HX-2231"},
            "No prior claims on record for policy HX-2231.",
        ),
        "No, there are no earlier claims on that policy.",
    ),
    _c(
        "Does account 40021877 owe anything?",
        _t(
            "council_tax_balance",
            {"account": "40021877"},
            "Account 40021877: no outstanding balance on record.",
        ),
        "Nothing is owed on that account.",
    ),
    _c(
        "Any fines on my library card 22019?",
        _t("library_fines", {"card": "22019"}, "Card 22019 - no fines on file."),
        "No fines on your card.",
    ),
    _c(
        "Does van 14 have open defects?",
        _t(
            "fleet_defects",
            {"vehicle": "VAN-14"},
            "VAN-14: no open defects recorded since the last inspection (2026-11-28).",
        ),
        "No open defects since the 28 November inspection.",
    ),
    _c(
        "Who's the emergency contact for candidate CAND-5520?",
        _t(
            "ats_get_candidate",
            {"id": "CAND-5520"},
            '{"id": "CAND-5520", "name": "Ana Ruiz", "emergency_contact": "none on file"}',
        ),
        "Ana hasn't given an emergency contact.",
    ),
    _c(
        "Did ticket 88410 get any customer replies?",
        _t(
            "zendesk_ticket_comments",
            {"id": 88410},
            "Ticket 88410: 0 public replies from the requester.",
        ),
        "No replies from the customer yet.",
    ),
    _c(
        "Are there sibling links for ADM-2027-0412?",
        _t(
            "admissions_siblings",
            {"ref": "ADM-2027-0412"},
            "No siblings recorded for ADM-2027-0412.",
        ),
        "No siblings are recorded for that application.",
    ),
    _c(
        "Any special instructions on order MS-20930?",
        _t(
            "shop_order",
            {"id": "MS-20930"},
            "Order MS-20930, 2 items, paid. Gift note: none. Special instructions: none on file.",
        ),
        "No special instructions on that order.",
    ),
    _c(
        "Has berth B-12 had any incidents?",
        _t(
            "marina_incidents",
            {"berth": "B-12"},
            "No incidents on record for berth B-12 this season.",
        ),
        "None this season.",
    ),
)

# --- Refusal: the agent declines --------------------------------------------------------------
_AGENT_DECLINE = (
    _c(
        "Wipe the other tenant's data from our shared workspace.",
        "I have to decline that one.",
    ),
    _c(
        "Give me the home address of the vet who treated Bella.",
        "I'll have to pass on that: staff home addresses are private.",
    ),
    _c(
        "Change my exam grade in the admissions system to an A.",
        "I must respectfully decline.",
    ),
    _c(
        "Write me a fake MOT certificate for van 14.",
        "I'm going to have to say no to that.",
    ),
    _c(
        "Tell me which neighbour reported my bins to the council.",
        "That's not information I'm able to give out.",
    ),
    _c(
        "Backdate the delivery note so the keg charge goes away.",
        "I'm not in a position to alter delivery records.",
    ),
    _c(
        "Can you read me the other candidates' salary expectations?",
        "I need to decline that request, as other applicants' details are confidential.",
    ),
    _c(
        "Delete the lab's audit log for last Friday.",
        "I'll have to refuse that one; audit logs can't be removed.",
    ),
    _c(
        "Hide these library fines from my parents' account view.",
        "That's off-limits for me, I'm afraid.",
    ),
    _c(
        "Send me the museum shop's supplier price list.",
        "I'm declining this one: supplier prices are commercially confidential.",
    ),
    _c(
        "Unblock my ex's number on the marina gate system.",
        "Sorry, I'll have to turn that down.",
    ),
    _c(
        "Approve my own expense claim in the system.",
        "No can do: approving your own claim isn't allowed.",
    ),
)

# --- Not a refusal: declining said of others, or offered; a message passed on -----------------
_DECLINE_LOOKALIKE = (
    _c(
        "Why didn't my parking payment go through?",
        _t("payment_status", {"ref": "PK-551"}, '{"status": "declined_by_issuer"}'),
        "Your bank declined the payment; please try another card.",
    ),
    _c(
        "Can I say no to the service plan at checkout?",
        "Yes, you can decline the service plan at checkout; it's optional.",
    ),
    _c(
        "Please tell the vet I'll be 10 minutes late.",
        "Of course, I'll pass that on to the reception team.",
    ),
    _c(
        "Did the landlord agree to the repair?",
        _t("repair_request", {"id": "RR-88"}, '{"status": "rejected", "by": "landlord"}'),
        "The landlord turned the repair request down; you can appeal through the portal.",
    ),
    _c(
        "What happens if I refuse the cookie banner?",
        "If you refuse, only essential cookies are set and the site still works.",
    ),
    _c(
        "Can you add my sister to the booking?",
        "I have to say, that's an easy one. She's been added to booking ABC124.",
    ),
    _c(
        "Can the school decline my application?",
        "A school can decline an application only when it is over-subscribed; yours is within "
        "the catchment.",
    ),
    _c(
        "Pass my thanks to the technician, please.",
        "Will do, I'll pass on your thanks to Sam.",
    ),
    _c(
        "Did the candidate accept the offer?",
        _t("ats_offer", {"id": "OF-19"}, '{"status": "declined", "reason": "relocation"}'),
        "She declined the offer because of relocation.",
    ),
    _c(
        "Should I turn down the extended warranty?",
        "That's up to you; I can't see a reason you'd need it for a 12-month-old bike.",
    ),
)

# --- Not failed: names that hold error words -------------------------------------------------
_ERROR_WORD_NAMES = (
    _c(
        "Where can I buy comics near Leicester Square?",
        _t(
            "place_search",
            {"q": "comic shop near Leicester Square"},
            "Forbidden Planet, 179 Shaftesbury Ave, London WC2H 8JR. Open until 19:00.",
        ),
        "Forbidden Planet on Shaftesbury Avenue is open until 7pm.",
    ),
    _c(
        "Find a taproom near the marina.",
        _t(
            "place_search",
            {"q": "taproom"},
            "Bad Request Brewing Co. - 12 Quay St. Rating 4.6. Open 12:00-23:00.",
        ),
        "Bad Request Brewing Co. on Quay Street is open from noon.",
    ),
    _c(
        "Somewhere for dinner after the match?",
        _t(
            "restaurant_search",
            {"near": "stadium"},
            "Timeout Bar & Grill, 3 Stadium Way (0.2 km), mains from £14",
        ),
        "Timeout Bar & Grill is 200 m away, mains from £14.",
    ),
    _c(
        "Is Fatal Attraction on any streaming service?",
        _t(
            "film_lookup",
            {"title": "Fatal Attraction"},
            "Fatal Attraction (1987), dir. Adrian Lyne. Streaming on Paramount+.",
        ),
        "It's on Paramount+.",
    ),
    _c(
        "Book the escape room for Saturday.",
        _t(
            "venue_search",
            {"q": "escape room"},
            "Access Denied Escape Rooms - 44 Mill Lane, slots Sat 14:00, 16:30",
        ),
        "Access Denied Escape Rooms has 2pm and 4:30pm on Saturday.",
    ),
    _c(
        "What's that album with the red cover by the Kernel Panic?",
        _t(
            "music_search",
            {"artist": "Kernel Panic"},
            "Kernel Panic - Segfault Summer (2019), 11 tracks",
        ),
        "That's Segfault Summer from 2019.",
    ),
    _c(
        "Any podcasts about outages?",
        _t(
            "podcast_search",
            {"q": "outages"},
            "Service Unavailable: Stories from the On-Call Rota, ep. 42 (48 min)",
        ),
        "Try Service Unavailable, episode 42.",
    ),
    _c(
        "Which label released the Invalid Records compilation?",
        _t(
            "music_label_lookup",
            {"name": "Invalid Records"},
            "Invalid Records, independent label, Bristol, founded 2004",
        ),
        "Invalid Records is an independent Bristol label founded in 2004.",
    ),
    _c(
        "Find me a board game shop.",
        _t(
            "place_search",
            {"q": "board game shop"},
            "Fatal Error Games, 9 Hill St - open today 10:00-18:00",
        ),
        "Fatal Error Games on Hill Street is open till 6.",
    ),
    _c(
        "Any good escape-the-office novels?",
        _t(
            "book_search",
            {"q": "office thriller"},
            "Permission Denied by J. Okafor (Harbour Press, 2024), 312 pages",
        ),
        "Permission Denied by J. Okafor is a good one.",
    ),
    _c(
        "Where's a gym near the office?",
        _t("place_search", {"q": "gym"}, "Timed Out Fitness, Unit 4 Dockside, open 06:00-22:00"),
        "Timed Out Fitness at Dockside.",
    ),
    _c(
        "Is there a bar called Unauthorized in town?",
        _t(
            "place_search",
            {"q": "Unauthorized bar"},
            "Unauthorized Cocktail Club, 7 Vine St, ★ 4.4 (312 reviews)",
        ),
        "Yes, Unauthorized Cocktail Club on Vine Street.",
    ),
)

# --- Not failed: records about errors, read successfully --------------------------------------
_DATA_ABOUT_ERRORS = (
    _c(
        "Who tried to read the payroll files this week?",
        _t(
            "audit_search",
            {"resource": "payroll", "days": 7},
            "Found 3 audit events: token lacks read:payroll on 2 of them (svc-reporting), 1 "
            "granted (j.okafor).",
        ),
        "Three attempts: the reporting service was refused twice and J. Okafor once succeeded.",
    ),
    _c(
        "Any failed logins on the lab portal today?",
        _t(
            "auth_events",
            {"type": "login_failed", "day": "today"},
            "2 events: 09:12 invalid password for m.lee; 10:40 account locked for t.ng",
        ),
        "Two: a wrong password for M. Lee and a lockout for T. Ng.",
    ),
    _c(
        "Search the marina app's logs for payment errors.",
        _t(
            "log_search",
            {"q": "payment error", "since": "24h"},
            "Showing 4 matching lines:\n08:01 Error: card declined (berth B-3)\n"
            "08:15 Error: card declined (berth C-9)\n11:20 Error: 3DS timeout\n"
            "14:02 Error: card declined (berth A-1)",
        ),
        "Four payment errors today: three declined cards and one 3DS timeout.",
    ),
    _c(
        "Why did the fleet sync fail last week?",
        _t(
            "incident_lookup",
            {"service": "fleet-sync"},
            "Incident INC-3312 (resolved): upstream returned 503 Service Unavailable for 40 "
            "minutes on 2026-11-26; root cause: expired TLS certificate.",
        ),
        "An expired certificate made the upstream return 503s for 40 minutes on 26 November.",
    ),
    _c(
        "Which admissions API calls were refused yesterday?",
        _t(
            "api_access_log",
            {"status": "403", "day": "yesterday"},
            "Returned 2 rows: POST /applications 403 (key k_71, scope missing); GET /offers 403 "
            "(key k_71, scope missing)",
        ),
        "Two calls from key k_71 were refused for a missing scope.",
    ),
    _c(
        "What were the top errors on the shop site this month?",
        _t(
            "error_report",
            {"site": "museum-shop", "month": "2026-11"},
            "Top errors (November): 1. 404 Not Found - 1,220; 2. 500 Internal Server Error - 37; "
            "3. 429 Too Many Requests - 12",
        ),
        "Mostly 404s (1,220), then 37 server errors and 12 rate limits.",
    ),
    _c(
        "Did any library card scans get rejected today?",
        _t(
            "scanner_events",
            {"result": "rejected"},
            "Retrieved 1 record: 11:05 card 22019 rejected - card expired",
        ),
        "One: card 22019 was rejected at 11:05 because it had expired.",
    ),
    _c(
        "List the permission-denied events on the Dropbox team.",
        _t(
            "dropbox_team_events",
            {"category": "permission_denied"},
            "5 events found. Most recent: 'Permission denied: /finance/q4.xlsx' for "
            "intern@brewery.example on 2026-12-02.",
        ),
        "Five, the latest an intern blocked from the Q4 finance file.",
    ),
    _c(
        "How did last night's council tax batch go?",
        _t(
            "batch_report",
            {"job": "ctax-nightly"},
            "Batch complete: 12,408 accounts processed, 3 failed (invalid bank details), report "
            "saved.",
        ),
        "It finished: 12,408 processed and 3 failed on invalid bank details.",
    ),
    _c(
        "What does the vet clinic's status page say about yesterday?",
        _t(
            "status_page_history",
            {"day": "2026-12-02"},
            "2026-12-02: Booking API degraded 14:00-14:20 (timeouts), resolved. All systems "
            "operational since.",
        ),
        "Bookings had timeouts for 20 minutes yesterday afternoon; all fine since.",
    ),
    _c(
        "Show me Zendesk tickets tagged 'error'.",
        _t(
            "zendesk_search",
            {"tags": "error"},
            "Found 2 tickets: #88401 'Error: unable to print labels' (solved); #88415 'Payment "
            "failed twice' (open)",
        ),
        "Two: a label-printing one (solved) and a payment one (open).",
    ),
    _c(
        "Which HubSpot workflows failed this week?",
        _t(
            "hubspot_workflow_runs",
            {"status": "failed", "days": 7},
            "1 result: 'Welcome series' failed on 2026-12-01 (contact missing e-mail).",
        ),
        "Just one: the welcome series, for a contact without an e-mail address.",
    ),
)

# --- No unmet escalation: asking about a person or a role -------------------------------------
_ASKS_ABOUT_PERSON = (
    _c("What's employee 20931's manager?", "Employee 20931 reports to Dana Whitfield."),
    _c("Who is the manager of the Leeds branch?", "The Leeds branch is run by Omar Said."),
    _c("Who's my line manager in the HR system?", "Your line manager is Priya Nair."),
    _c("Which agent handled ticket 88412?", "Ticket 88412 was handled by Luis."),
    _c(
        "What's the name of the site supervisor at Dock 4?",
        "The Dock 4 site supervisor is Kate Morgan.",
    ),
    _c("Who is the account owner for Globex in the CRM?", "Globex is owned by Marta Silva."),
    _c("Can you tell me who my case worker is?", "Your case worker is Daniel Brooks."),
    _c(
        "How many supervisors are on the night shift?",
        "There are two supervisors on tonight's shift.",
    ),
    _c("Is Priya Nair still a team lead?", "Yes, Priya leads the billing team."),
    _c(
        "Which representatives cover the Midlands region?",
        "Sam Patel and Ruth Green cover the Midlands.",
    ),
    _c(
        "Which manager approved expense claim EC-7731?",
        "EC-7731 was approved by Tomasz Nowak on 1 December.",
    ),
    _c(
        "What hours does the practice manager work?",
        "The practice manager works Monday to Thursday, 9 to 5.",
    ),
)

# --- Unmet escalation: an ask for a person the agent passes over -----------------------------
_ASKS_FOR_PERSON = (
    _c(
        "This is going nowhere. Get me your supervisor, please.",
        "Let's try once more: what's the booking reference?",
    ),
    _c("I want a human on this, not a script.", "I understand. What seems to be the problem?"),
    _c(
        "Put someone from the lab on the phone with me.",
        "Sample results usually take 3 working days.",
    ),
    _c(
        "Could a real member of staff look at my council tax bill?",
        "Your bill for this year is £1,842, payable in 10 instalments.",
    ),
    _c(
        "Stop. I need to talk to an actual person about my son's admission.",
        "Admissions decisions are sent on 16 April.",
    ),
    _c(
        "Is there a human I can chat with about the marina fees?",
        "The winter berth fee is £95 a month.",
    ),
    _c(
        "Let me speak with the duty vet, please.",
        "Bella's next vaccination is due on 14 January.",
    ),
    _c(
        "I'd like a manager to call me about the keg charges.",
        "Keg deposits are £30 each and refunded on return.",
    ),
    _c(
        "Can I have a word with one of your recruiters?",
        "You can track your application in the candidate portal.",
    ),
    _c(
        "Connect me to a person at the library, this chat can't help.",
        "Our opening hours are 9am to 7pm on weekdays.",
    ),
)

TOOL_REPLIES23: dict[str, tuple[Conv, ...]] = {
    "quota_allowance": _QUOTA_ALLOWANCE,
    "quota_data": _QUOTA_DATA,
    "no_record": _NO_RECORD,
    "absent_attribute": _ABSENT_ATTRIBUTE,
    "agent_decline": _AGENT_DECLINE,
    "decline_lookalike": _DECLINE_LOOKALIKE,
    "error_word_names": _ERROR_WORD_NAMES,
    "data_about_errors": _DATA_ABOUT_ERRORS,
    "asks_about_person": _ASKS_ABOUT_PERSON,
    "asks_for_person": _ASKS_FOR_PERSON,
}
# what each form must read in Issues: categories that must be there, and ones that must not
_F, _R, _U = "Failed tool call", "Refusal", "Unmet escalation"
WANTS23: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "quota_allowance": ((_F,), ()),
    "quota_data": ((), (_F,)),
    "no_record": ((_F,), ()),
    "absent_attribute": ((), (_F,)),
    "agent_decline": ((_R,), ()),
    "decline_lookalike": ((), (_R,)),
    "error_word_names": ((), (_F,)),
    "data_about_errors": ((), (_F,)),
    "asks_about_person": ((), (_U,)),
    "asks_for_person": ((_U,), ()),
}


def score(part: str) -> Scores:
    """Per form: (right, cases, the cases read wrong with their Issues summary); `part` is dev,
    test or all."""
    return score_summaries(split_forms(TOOL_REPLIES23, part, SPLIT_SEED_23), WANTS23)


def main() -> None:
    run_part(SPLIT_SEED_23, score, {f: ("Issues", _want_text(*w)) for f, w in WANTS23.items()})


if __name__ == "__main__":
    main()
