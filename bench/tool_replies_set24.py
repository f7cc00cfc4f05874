"""Held-out set 24: tool replies in the words of many kinds of API, and asks for a person by
"which / who of you", that the Issues rules may still misread after session 23 (issue 14, "Tool
failures written in plain text" and "Unmet escalation"), each form beside look-alikes that must
read the other way.

Written by hand before any rule of this pass and committed alone, in APIs and domains sets 22 and
23 do not lean on: REST JSON whose status is under a key other than "status" (OpenWeather's
"cod", Foursquare's "meta.code", "returnCode", "resultCode", "http_code", AWS's "Code"), GraphQL
error arrays (GitHub, Shopify, Hasura, Apollo, urql), gRPC statuses (Go, Python, Node, Java, .NET,
Rust tonic, grpcurl, grpc-gateway), SQL errors (PostgreSQL, MySQL, SQL Server, Oracle, SQLite,
DuckDB, Snowflake, BigQuery), shell exit codes (bash, rsync, Docker, npm, subprocess), SDK
exceptions in Go, Rust, Java and JavaScript; a plant nursery, a ferry operator, a climbing gym,
a choir, an allotment society, a dental lab, a bike courier firm, a planetarium, a bakery chain.

Forms and what a correct reading is:

- `json_code_key` (Failed tool call): a JSON error whose HTTP-like status sits under a key other
  than "status" (`{"cod": 429, ...}`, `{"meta": {"code": 401, ...}}`, `{"returnCode": 500}`).
- `graphql_errors` (Failed tool call): a GraphQL response with an errors array, or a GraphQL
  client's error line.
- `grpc_status` (Failed tool call): a gRPC status that is not OK, as each runtime prints it.
- `sql_error` (Failed tool call): a database's error as its client prints it.
- `shell_exit` (Failed tool call): a command that exited non-zero, as a shell or runner shows it.
- `sdk_exception` (Failed tool call): an SDK's error or exception in Go, Rust, Java, JavaScript.
- `limit_used_up` (Failed tool call): a plan's limit, quota or allowance used up, with words
  between the limit and the verb ("Request limit for your plan has been used up (1,000 / 1,000)").
- `title_case_error` (Failed tool call): an error written in Title Case that holds a person's or a
  firm's name ("Could Not Reach John Smith's Calendar", "Access Denied For User Bob (id 42)").
- `data_error_words` (no failure): data that holds error words or error-like numbers (a product
  "Error 404 T-Shirt", room 503, `{"cod": 200, ...}`).
- `error_counts` (no failure): counts and rates of errors, failures or timeouts.
- `error_docs` (no failure): documentation explaining an error code or message.
- `successful_retry` (no failure): a reply that says a first attempt failed and the retry
  succeeded.
- `status_history` (no failure, no timeout): a status page's history of past incidents.
- `asks_for_person_which` (Unmet escalation): the user asks which / who of the business's people
  can call, talk to or take the matter, and the agent answers without handing over.
- `asks_about_person_which` (no Unmet escalation): a question about which person did or holds
  something, answered.

A tool turn is (`tool:<name>`, json of [arguments, reply]) as in set 22 (`_t`, `_c`). Split once
by `SPLIT_SEED_24` (bench/held_out.py's split_forms) into a development part (rules are tuned on
it) and a test part (reported once).

    .venv/bin/python bench/tool_replies_set24.py [--part dev|test|all]
"""

from __future__ import annotations

from held_out import Conv, Scores, run_part, split_forms
from tool_replies_set22 import _c, _t, _want_text, score_summaries

SPLIT_SEED_24 = 24

# --- Failed: a JSON status under a key other than "status" ------------------------------------
_JSON_CODE_KEY = (
    _c(
        "Will it rain at the ferry terminal tomorrow morning?",
        _t(
            "openweather_forecast",
            {"q": "Portsmouth,GB"},
            '{"cod": 401, "message": "Invalid API key. Please see '
            'https://openweathermap.org/faq#error401 for more info."}',
        ),
        "Let me look at this another way.",
    ),
    _c(
        "Find climbing gyms near the station.",
        _t(
            "foursquare_search",
            {"near": "Sheffield station", "query": "climbing"},
            '{"meta": {"code": 401, "errorType": "invalid_auth", "errorDetail": "Missing access '
            'credentials."}, "response": {}}',
        ),
        "One moment.",
    ),
    _c(
        "Book the choir's rehearsal room for Thursday.",
        _t(
            "venue_booking_create",
            {"room": "Hall B", "date": "2026-12-10"},
            '{"returnCode": 500, "returnMessage": "Internal failure while saving the booking"}',
        ),
        "Let me see.",
    ),
    _c(
        "Send the bakery's Christmas order list to the supplier.",
        _t(
            "supplier_portal_upload",
            {"file": "xmas-orders.csv"},
            '{"resultCode": 413, "resultMessage": "File exceeds the 5 MB upload limit"}',
        ),
        "Let me try something.",
    ),
    _c(
        "Check the tide gauge reading at the harbour.",
        _t(
            "tide_gauge_latest",
            {"station": "HRB-02"},
            '{"http_code": 502, "msg": "Upstream gauge server did not answer"}',
        ),
        "Give me a moment.",
    ),
    _c(
        "Get the planetarium's show poster from storage.",
        _t(
            "object_store_get",
            {"bucket": "planetarium-assets", "key": "posters/winter.png"},
            '{"Code": "NoSuchBucket", "Message": "The specified bucket does not exist", '
            '"BucketName": "planetarium-assets"}',
        ),
        "Hmm, one second.",
    ),
    _c(
        "Look up the allotment society's membership list.",
        _t(
            "members_api_list",
            {"society": "Elm Road Allotments"},
            '{"stat": "fail", "code": 98, "message": "Invalid auth token"}',
        ),
        "Let me check.",
    ),
    _c(
        "Track the courier's last drop-off.",
        _t(
            "courier_tracking",
            {"rider": "R-118"},
            '{"responseStatus": {"errorCode": "NotFound", "message": "Rider R-118 has no '
            'tracking session"}}',
        ),
        "Let me look again.",
    ),
    _c(
        "How many crowns did the dental lab ship this week?",
        _t(
            "lab_erp_query",
            {"report": "shipments", "week": 49},
            '{"code": 503, "message": "Service is down for scheduled maintenance until 06:00 UTC"}',
        ),
        "Let me see what I can do.",
    ),
    _c(
        "Get the ferry timetable for Saturday.",
        _t(
            "ferry_timetable",
            {"route": "PME-FIS", "date": "2026-12-05"},
            '{"header": {"rc": 429, "text": "Too many requests, slow down"}, "body": null}',
        ),
        "One moment please.",
    ),
)

# --- Failed: GraphQL errors ------------------------------------------------------------------
_GRAPHQL_ERRORS = (
    _c(
        "List the open issues on the nursery website repo.",
        _t(
            "github_graphql",
            {"query": "repository(owner:'leafy', name:'site') { issues { totalCount } }"},
            '{"data": null, "errors": [{"type": "NOT_FOUND", "path": ["repository"], '
            '"message": "Could not resolve to a Repository with the name \'leafy/site\'."}]}',
        ),
        "Let me check the name.",
    ),
    _c(
        "Update the price of the sourdough loaf in the shop.",
        _t(
            "shopify_graphql",
            {"mutation": "productVariantUpdate"},
            '{"errors": "[API] Invalid API key or access token (unrecognized login or wrong '
            'password)"}',
        ),
        "Hmm, one moment.",
    ),
    _c(
        "Add the new climbing routes to the database.",
        _t(
            "hasura_mutation",
            {"table": "routes", "rows": 12},
            '{"errors": [{"extensions": {"path": "$.selectionSet.insert_routes.args.objects", '
            '"code": "constraint-violation"}, "message": "Uniqueness violation. duplicate key '
            'value violates unique constraint \\"routes_name_key\\""}]}',
        ),
        "Let me look at that.",
    ),
    _c(
        "Show the choir's upcoming concerts.",
        _t(
            "events_graphql",
            {"query": "{ concerts(upcoming: true) { title date } }"},
            'GraphQL error: Cannot query field "concerts" on type "Query". Did you mean "concert"?',
        ),
        "Let me fix that.",
    ),
    _c(
        "Which ferries are delayed right now?",
        _t(
            "fleet_graphql",
            {"query": "{ vessels { name delayMinutes } }"},
            "[GraphQL] Unauthorized: you must be logged in to query vessels",
        ),
        "One second.",
    ),
    _c(
        "How many bike couriers are on shift?",
        _t(
            "dispatch_graphql",
            {"query": "{ shift(id: 'today') { riders { id } } }"},
            '{"data": {"shift": null}, "errors": [{"message": "Internal server error", '
            '"locations": [{"line": 1, "column": 3}], "path": ["shift"], "extensions": {"code": '
            '"INTERNAL_SERVER_ERROR"}}]}',
        ),
        "Let me check.",
    ),
    _c(
        "Publish the planetarium's December newsletter.",
        _t(
            "cms_graphql",
            {"mutation": "publishNewsletter", "id": "nl-2026-12"},
            "Response not successful: Received status code 400",
        ),
        "Let me see.",
    ),
    _c(
        "Get the dental lab's pending cases.",
        _t(
            "lab_graphql",
            {"query": "{ cases(status: PENDING) { id } }"},
            '{"errors": [{"message": "Variable \\"$status\\" got invalid value \\"PENDING\\"; '
            'Value \\"PENDING\\" does not exist in \\"CaseStatus\\" enum.", "extensions": '
            '{"code": "BAD_USER_INPUT"}}]}',
        ),
        "Let me try again.",
    ),
    _c(
        "Find the allotment plots that are free.",
        _t(
            "plots_graphql",
            {"query": "{ plots(free: true) { number } }"},
            '{"data": {"plots": null}, "errors": [{"message": "Query complexity of 1240 exceeds '
            'the maximum of 1000", "extensions": {"code": "QUERY_TOO_COMPLEX"}}]}',
        ),
        "Let me narrow it down.",
    ),
)

# --- Failed: a gRPC status that is not OK ----------------------------------------------------
_GRPC_STATUS = (
    _c(
        "Reserve a table slot at the bakery cafe for 10am.",
        _t(
            "reservations_rpc",
            {"slot": "10:00"},
            'rpc error: code = Unavailable desc = connection error: desc = "transport: Error '
            'while dialing: dial tcp 10.2.0.7:50051: connect: connection refused"',
        ),
        "Let me retry that.",
    ),
    _c(
        "Pull the climbing gym's membership count.",
        _t(
            "members_grpc",
            {"gym": "north"},
            "<_InactiveRpcError of RPC that terminated with:\n\tstatus = "
            'StatusCode.PERMISSION_DENIED\n\tdetails = "caller lacks members.read"\n>',
        ),
        "One moment.",
    ),
    _c(
        "Check the ferry's passenger manifest.",
        _t(
            "manifest_rpc",
            {"sailing": "PME-0730"},
            "14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED "
            "10.0.4.12:443",
        ),
        "Let me try again.",
    ),
    _c(
        "Get the courier's route for this afternoon.",
        _t(
            "routing_rpc",
            {"rider": "R-204"},
            "io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED: deadline exceeded after "
            "9.998s. [closed=[], open=[[remote_addr=routing/10.0.0.9:8443]]]",
        ),
        "Let me check.",
    ),
    _c(
        "Print the planetarium tickets for the school group.",
        _t(
            "ticketing_rpc",
            {"group": "St Mary's Y6", "count": 32},
            'Status(StatusCode="ResourceExhausted", Detail="Printer queue is full")',
        ),
        "One second.",
    ),
    _c(
        "Find the dental lab's order for Dr Khan.",
        _t(
            "orders_rpc",
            {"dentist": "Khan"},
            'status: NotFound, message: "no order for dentist Khan", details: [], metadata: '
            "MetadataMap { headers: {} }",
        ),
        "Let me look.",
    ),
    _c(
        "Check the stock of heritage tomato seedlings.",
        _t(
            "inventory_grpcurl",
            {"sku": "TOM-HER-9"},
            "ERROR:\n  Code: Unauthenticated\n  Message: invalid bearer token",
        ),
        "Hmm, let me see.",
    ),
    _c(
        "Cancel the choir's coach booking.",
        _t(
            "transport_gateway",
            {"booking": "CB-4410"},
            '{"code": 9, "message": "booking CB-4410 already departed; cannot cancel", '
            '"details": []}',
        ),
        "Let me see what I can do.",
    ),
    _c(
        "Sync the allotment rota to the calendar.",
        _t(
            "calendar_rpc",
            {"rota": "winter"},
            "grpc: the client connection is closing; code = Canceled desc = context canceled",
        ),
        "Let me retry.",
    ),
)

# --- Failed: a database's error ----------------------------------------------------------------
_SQL_ERROR = (
    _c(
        "How many loaves did we sell last week?",
        _t(
            "sql_query",
            {"sql": "SELECT sum(qty) FROM sales WHERE week = 48"},
            'ERROR:  relation "sales" does not exist\nLINE 1: SELECT sum(qty) FROM sales WHERE '
            "week = 48\n                              ^",
        ),
        "Let me check the table name.",
    ),
    _c(
        "Show the ferry bookings for tomorrow.",
        _t(
            "mysql_query",
            {"sql": "SELECT * FROM bookings WHERE day = '2026-12-04'"},
            "ERROR 1045 (28000): Access denied for user 'agent'@'10.0.0.4' (using password: YES)",
        ),
        "One moment.",
    ),
    _c(
        "Add the new climbing instructor to the staff table.",
        _t(
            "mssql_exec",
            {"sql": "INSERT INTO staff (email) VALUES ('kai@wall.example')"},
            "Msg 2627, Level 14, State 1, Line 1\nViolation of PRIMARY KEY constraint "
            "'PK_staff'. Cannot insert duplicate key in object 'dbo.staff'.",
        ),
        "Let me look at that.",
    ),
    _c(
        "List the dental lab's overdue invoices.",
        _t(
            "oracle_query",
            {"sql": "SELECT * FROM invoices WHERE due < SYSDATE"},
            "ORA-01017: invalid username/password; logon denied",
        ),
        "Let me see.",
    ),
    _c(
        "Record the new planetarium show in the schedule.",
        _t(
            "sqlite_exec",
            {"sql": "INSERT INTO shows VALUES ('Winter Skies', '2026-12-20')"},
            "sqlite3.OperationalError: database is locked",
        ),
        "One second.",
    ),
    _c(
        "What's the total seedling stock?",
        _t(
            "duckdb_query",
            {"sql": "SELECT sum(stock) FROM seedlings"},
            'Catalog Error: Table with name seedlings does not exist!\nDid you mean "seedling"?',
        ),
        "Let me retry with the right name.",
    ),
    _c(
        "Give me the courier deliveries by postcode.",
        _t(
            "snowflake_query",
            {"sql": "SELECT postcode, count(*) FROM deliveries GROUP BY 1"},
            "002003 (42S02): SQL compilation error:\nObject 'DELIVERIES' does not exist or not "
            "authorized.",
        ),
        "Let me check the schema.",
    ),
    _c(
        "Average choir attendance this term?",
        _t(
            "bigquery_query",
            {"sql": "SELECT avg(present) FROM attendance WHERE term = 'autumn' WHERE x"},
            "Syntax error: Unexpected keyword WHERE at [1:58]",
        ),
        "Let me fix the query.",
    ),
    _c(
        "Move plot 14 to the new tenant.",
        _t(
            "sql_exec",
            {"sql": "UPDATE plots SET tenant = 88 WHERE number = 14"},
            "SQLSTATE[23000]: Integrity constraint violation: 1452 Cannot add or update a child "
            "row: a foreign key constraint fails",
        ),
        "Let me look into it.",
    ),
    _c(
        "Close off the bakery's November books.",
        _t(
            "pg_exec",
            {"sql": "CALL close_period('2026-11')"},
            "deadlock detected\nDETAIL:  Process 4121 waits for ShareLock on transaction "
            "99812; blocked by process 4177.",
        ),
        "Let me try that again.",
    ),
)

# --- Failed: a command that exited non-zero ---------------------------------------------------
_SHELL_EXIT = (
    _c(
        "Back up the nursery's order database.",
        _t(
            "run_shell",
            {"cmd": "pg_dump orders > orders.sql"},
            "bash: line 1: pg_dump: command not found\nexit status 127",
        ),
        "Let me find the right tool.",
    ),
    _c(
        "Copy the planetarium's show files to the backup drive.",
        _t(
            "run_shell",
            {"cmd": "rsync -a shows/ /mnt/backup/shows/"},
            'rsync: [receiver] mkstemp "/mnt/backup/shows/.aurora.mp4" failed: No space left '
            "on device (28)\nrsync error: some files/attrs were not transferred (see previous "
            "errors) (code 23) at main.c(1338) [sender=3.2.7]",
        ),
        "Let me check the drive.",
    ),
    _c(
        "Build the ferry app's container image.",
        _t(
            "docker_build",
            {"tag": "ferry-app:1.4"},
            'ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: '
            "exit code: 1",
        ),
        "Let me look at the build.",
    ),
    _c(
        "Run the climbing gym's test suite.",
        _t(
            "exec",
            {"cmd": "npm test"},
            "npm ERR! code ELIFECYCLE\nnpm ERR! errno 1\nnpm ERR! wall-app@2.0.0 test: `jest`",
        ),
        "Let me see which tests failed.",
    ),
    _c(
        "List the files in the courier upload folder.",
        _t(
            "run_command",
            {"cmd": "ls /data/uploads/couriers"},
            "[exit 2] ls: cannot access '/data/uploads/couriers': No such file or directory",
        ),
        "Let me check the path.",
    ),
    _c(
        "Run the choir mailing script.",
        _t(
            "run_shell",
            {"cmd": "./send_mailing.sh"},
            '{"exit_code": 126, "stdout": "", "stderr": "sh: 1: ./send_mailing.sh: Permission '
            'denied"}',
        ),
        "Let me fix the permissions.",
    ),
    _c(
        "Fetch the allotment society's price list from the intranet.",
        _t(
            "subprocess_run",
            {"args": ["curl", "-fsS", "https://intranet.local/prices.csv"]},
            "returncode=6 stdout='' stderr='curl: (6) Could not resolve host: intranet.local'",
        ),
        "Let me try another way.",
    ),
    _c(
        "Resize the dental lab's scan images.",
        _t(
            "run_shell",
            {"cmd": "python resize.py scans/"},
            "Killed\n[process exited with code 137]",
        ),
        "Let me try a smaller batch.",
    ),
    _c(
        "Deploy the bakery website.",
        _t(
            "ci_job",
            {"job": "deploy-prod"},
            "Cleaning up project directory and file based variables\nERROR: Job failed: exit "
            "code 1",
        ),
        "Let me look at the job.",
    ),
)

# --- Failed: an SDK's error in Go, Rust, Java, JavaScript ------------------------------------
_SDK_EXCEPTION = (
    _c(
        "Download the ferry's safety certificate from storage.",
        _t(
            "s3_get_object",
            {"bucket": "ferry-docs", "key": "safety-2026.pdf"},
            "operation error S3: GetObject, https response error StatusCode: 403, RequestID: "
            "8XKQ2, HostID: abc=, api error AccessDenied: Access Denied",
        ),
        "Let me check access.",
    ),
    _c(
        "Read the gym's opening hours config.",
        _t(
            "read_config",
            {"path": "/etc/wall/hours.yaml"},
            "open /etc/wall/hours.yaml: no such file or directory",
        ),
        "Let me look for it.",
    ),
    _c(
        "Fetch the planetarium's star catalogue.",
        _t(
            "http_fetch",
            {"url": "https://stars.internal/catalogue"},
            'reqwest::Error { kind: Request, url: "https://stars.internal/catalogue", source: '
            'hyper::Error(Connect, ConnectError("dns error", Custom { kind: Uncategorized, '
            'error: "failed to lookup address information" })) }',
        ),
        "Let me try again.",
    ),
    _c(
        "Charge the choir member's annual subscription.",
        _t(
            "stripe_charge",
            {"member": "m_771", "amount": 6000},
            "com.stripe.exception.CardException: Your card was declined.; code: card_declined; "
            "request-id: req_9Qx",
        ),
        "Let me see.",
    ),
    _c(
        "Get the courier's current location.",
        _t(
            "courier_location",
            {"rider": "R-311"},
            "TypeError: Cannot read properties of undefined (reading 'lat')\n    at "
            "toPoint (/srv/app/geo.js:41:19)",
        ),
        "Let me check.",
    ),
    _c(
        "Look up the seedling supplier's delivery slots.",
        _t(
            "supplier_slots",
            {"supplier": "GreenGrow"},
            "AxiosError: Request failed with status code 404",
        ),
        "Let me find another way.",
    ),
    _c(
        "Upload the lab's case photos.",
        _t(
            "upload_photos",
            {"case": "DL-2207", "count": 8},
            'Err(Os { code: 28, kind: StorageFull, message: "No space left on device" })',
        ),
        "Let me free some space.",
    ),
    _c(
        "Check the bakery's online order queue.",
        _t(
            "orders_queue",
            {"shop": "Crumbs Central"},
            "FetchError: request to https://orders.crumbs.example/queue failed, reason: "
            "getaddrinfo ENOTFOUND orders.crumbs.example",
        ),
        "One second.",
    ),
    _c(
        "Read the allotment water meter.",
        _t(
            "meter_read",
            {"meter": "W-14"},
            "java.net.SocketTimeoutException: Read timed out",
        ),
        "Let me try again.",
    ),
    _c(
        "Post the gym's route-setting update to the members channel.",
        _t(
            "chat_post",
            {"channel": "members"},
            'Post "https://chat.example/api/v4/posts": context deadline exceeded '
            "(Client.Timeout exceeded while awaiting headers)",
        ),
        "Let me retry.",
    ),
)

# --- Failed: a plan's limit used up, in many words --------------------------------------------
_LIMIT_USED_UP = (
    _c(
        "Geocode the courier drop-off addresses.",
        _t(
            "geocode_batch",
            {"count": 80},
            "Request limit for your plan has been used up (1,000 / 1,000).",
        ),
        "Let me see.",
    ),
    _c(
        "Translate the planetarium leaflet into Polish.",
        _t(
            "translate",
            {"target": "pl"},
            "The monthly character limit on this key is now fully used.",
        ),
        "One moment.",
    ),
    _c(
        "Verify the new choir members' e-mail addresses.",
        _t(
            "email_verify",
            {"count": 45},
            "Your daily verification allowance of 500 checks has run out. It refreshes at "
            "midnight.",
        ),
        "Let me check.",
    ),
    _c(
        "Search the plant database for frost-hardy shrubs.",
        _t(
            "plant_search",
            {"q": "frost hardy shrub"},
            "Search credits for December: all used. Buy a top-up to keep searching.",
        ),
        "Let me try something else.",
    ),
    _c(
        "Get driving times for the ferry's coach connections.",
        _t(
            "routes_matrix",
            {"origins": 6, "destinations": 6},
            "Quota for 'Elements per day' for this project has been exhausted.",
        ),
        "Let me look at that.",
    ),
    _c(
        "Send the bakery's loyalty texts.",
        _t(
            "sms_campaign",
            {"list": "loyalty"},
            "You've used up this month's 2,000 message allowance.",
        ),
        "Hmm, one second.",
    ),
    _c(
        "Export the climbing gym's visit log to CSV.",
        _t(
            "export_csv",
            {"report": "visits", "month": "2026-11"},
            "Export limit of 10 per day already reached for this workspace.",
        ),
        "Let me see.",
    ),
    _c(
        "Summarise the dental lab's customer reviews.",
        _t(
            "llm_summarise",
            {"source": "reviews"},
            "The token budget for this project has been spent for the current billing cycle.",
        ),
        "Let me try another way.",
    ),
    _c(
        "Run the allotment society's address lookups.",
        _t(
            "postcode_lookup",
            {"count": 30},
            "Lookups remaining today: 0 of 100. Further requests will be refused until 00:00.",
        ),
        "Let me check.",
    ),
)

# --- Failed: an error in Title Case that holds a name -------------------------------------------
_TITLE_CASE_ERROR = (
    _c(
        "Find a time to meet John Smith next week.",
        _t(
            "calendar_freebusy",
            {"person": "John Smith"},
            "Could Not Reach John Smith's Calendar",
        ),
        "Let me try again.",
    ),
    _c(
        "Show Bob's saved reports.",
        _t("reports_list", {"user": 42}, "Access Denied For User Bob (id 42)"),
        "Let me check.",
    ),
    _c(
        "Open Maria Lopez's member profile.",
        _t(
            "member_profile",
            {"name": "Maria Lopez"},
            "Unable To Load Maria Lopez's Profile, Try Again Later",
        ),
        "One moment.",
    ),
    _c(
        "Send the invoice to Acme Corp.",
        _t(
            "invoice_send",
            {"customer": "Acme Corp"},
            "Failed To Send Invoice To Acme Corp (Error 502)",
        ),
        "Let me look into it.",
    ),
    _c(
        "Open the shared folder from Sarah Connor.",
        _t(
            "drive_open",
            {"folder": "Choir Scores"},
            "Permission Denied: Sarah Connor Has Not Shared This Folder With You",
        ),
        "Let me see.",
    ),
    _c(
        "Look up Kevin O'Brien's lab account.",
        _t("lab_accounts", {"name": "Kevin O'Brien"}, "User Not Found: Kevin O'Brien (ID 7781)"),
        "Let me search differently.",
    ),
    _c(
        "Ring Greenfield Dental about the crown.",
        _t(
            "voip_call",
            {"to": "Greenfield Dental"},
            "Call To Greenfield Dental Failed, Line Busy (Code 17)",
        ),
        "Let me try again shortly.",
    ),
    _c(
        "Pay Harbour Bakery's supplier invoice.",
        _t(
            "payments_send",
            {"payee": "Harbour Bakery Supplies", "amount": 412.5},
            "Payment To Harbour Bakery Supplies Was Rejected By The Bank, Ref 99120",
        ),
        "Let me check with the bank.",
    ),
    _c(
        "Add Priya Shah to the climbing gym's route setters.",
        _t(
            "team_add_member",
            {"team": "setters", "name": "Priya Shah"},
            "Cannot Add Priya Shah: Team Setters Is Full (8 Of 8 Seats)",
        ),
        "Let me see.",
    ),
)

# --- Not failed: data that holds error words or error-like numbers -----------------------------
_DATA_ERROR_WORDS = (
    _c(
        "Do we have the novelty T-shirts in stock?",
        _t(
            "shop_search",
            {"q": "t-shirt"},
            "Error 404 T-Shirt (Page Not Found print), £18, 12 in stock; Syntax Error Hoodie, "
            "£35, 4 in stock",
        ),
        "Yes: the Error 404 T-shirt has 12 and the hoodie 4.",
    ),
    _c(
        "Which room is the choir in tonight?",
        _t(
            "room_lookup",
            {"group": "choir", "date": "2026-12-03"},
            '{"room": 503, "building": "Arts Centre", "status": "booked", "capacity": 40}',
        ),
        "Room 503 in the Arts Centre.",
    ),
    _c(
        "What's the weather at the ferry port?",
        _t(
            "openweather_current",
            {"q": "Portsmouth,GB"},
            '{"cod": 200, "name": "Portsmouth", "weather": [{"main": "Clouds"}], "main": '
            '{"temp": 8.4}}',
        ),
        "Cloudy and 8 degrees.",
    ),
    _c(
        "Find the song 'Fatal Error' for the gym playlist.",
        _t(
            "music_search",
            {"q": "Fatal Error"},
            "Fatal Error by The Crashers, 3:42, album Blue Screen (2019)",
        ),
        "Found it: 3 minutes 42.",
    ),
    _c(
        "Check the courier ticket about the failed delivery.",
        _t(
            "ticket_get",
            {"id": 5541},
            '{"id": 5541, "title": "Delivery failed: customer not home", "status": "open", '
            '"priority": "low", "assignee": "Ravi"}',
        ),
        "It's open with Ravi: the customer wasn't home.",
    ),
    _c(
        "What's on at the planetarium this week?",
        _t(
            "shows_list",
            {"week": 49},
            "Mon: Lost Signal; Wed: No Response From Voyager; Fri: Cosmic Timeout (family show)",
        ),
        "Lost Signal on Monday, No Response From Voyager Wednesday, Cosmic Timeout Friday.",
    ),
    _c(
        "How did the loyalty points import go?",
        _t(
            "loyalty_import",
            {"file": "points-nov.csv"},
            '{"code": 200, "message": "500 points added to 88 members", "skipped": 0}',
        ),
        "500 points went to 88 members.",
    ),
    _c(
        "Look up the lab's order with code 401.",
        _t(
            "lab_orders",
            {"code": 401},
            '{"code": 401, "message": "Order 401: 3 zirconia crowns, shipped 2 Dec", '
            '"state": "shipped"}',
        ),
        "Order 401 shipped on 2 December: three crowns.",
    ),
    _c(
        "What's the plant with the odd name, 'Denied Access'?",
        _t(
            "plant_lookup",
            {"name": "Denied Access"},
            "Rosa 'Denied Access', climbing rose, thorny, 3 m, hardy to -15C, 6 in stock",
        ),
        "It's a thorny climbing rose; we have 6.",
    ),
)

# --- Not failed: counts and rates of errors ---------------------------------------------------
_ERROR_COUNTS = (
    _c(
        "Any errors in last night's backup?",
        _t("backup_report", {"date": "2026-12-02"}, "Errors: 0, Warnings: 2, Files: 18,204"),
        "No errors, two warnings.",
    ),
    _c(
        "How reliable was the booking API this hour?",
        _t(
            "api_metrics",
            {"window": "1h"},
            "3 of 1,200 requests failed (0.25%) in the last hour; p95 latency 310 ms",
        ),
        "Very: 3 of 1,200 failed.",
    ),
    _c(
        "Did the gym app's build pass?",
        _t("ci_status", {"build": 812}, "Build #812: 48 tests passed, 0 failed, 2 skipped"),
        "Yes, all 48 passed.",
    ),
    _c(
        "How did the ferry sync go?",
        _t(
            "sync_summary",
            {"job": "ferry-sync"},
            '{"succeeded": 120, "failed": 0, "retried": 2, "state": "completed"}',
        ),
        "All 120 records synced.",
    ),
    _c(
        "How many checkout errors this week?",
        _t(
            "error_stats",
            {"week": 49},
            "Error count this week: 14 (down from 22 last week)",
        ),
        "14, down from 22.",
    ),
    _c(
        "Were there timeouts on the courier app yesterday?",
        _t(
            "incident_stats",
            {"date": "2026-12-02"},
            "Timeouts yesterday: 5, all between 14:00 and 14:20; none since.",
        ),
        "Five, all in one 20-minute window.",
    ),
    _c(
        "What share of lab API calls return 5xx?",
        _t(
            "api_metrics",
            {"window": "24h", "metric": "5xx"},
            "5xx responses: 12 of 40,210 (0.03%)",
        ),
        "0.03%: 12 of about 40,000.",
    ),
    _c(
        "Is the bakery's order service healthy?",
        _t(
            "health",
            {"service": "orders"},
            '{"errors_total": 3, "health": "healthy", "uptime_s": 860400}',
        ),
        "Yes, healthy.",
    ),
    _c(
        "How many failed logins on the choir site today?",
        _t(
            "auth_stats",
            {"date": "2026-12-03"},
            "Failed logins today: 7 (4 wrong password, 3 expired links)",
        ),
        "Seven failed logins today.",
    ),
)

# --- Not failed: documentation explaining an error ---------------------------------------------
_ERROR_DOCS = (
    _c(
        "What does error 429 from the ferry API mean?",
        _t(
            "docs_search",
            {"q": "429"},
            "HTTP 429 Too Many Requests means the client has sent too many requests in a given "
            "time; wait for the Retry-After header before retrying.",
        ),
        "It means too many requests: wait and retry.",
    ),
    _c(
        "Why would the gym app say ECONNREFUSED?",
        _t(
            "docs_search",
            {"q": "ECONNREFUSED"},
            "ECONNREFUSED indicates that no process is listening on the target port, usually "
            "because the server is down.",
        ),
        "Nothing was listening: the server was likely down.",
    ),
    _c(
        "What's SQLSTATE 23505?",
        _t(
            "docs_search",
            {"q": "SQLSTATE 23505"},
            "SQLSTATE 23505 (unique_violation) is raised when an INSERT or UPDATE would create a "
            "duplicate value in a unique index.",
        ),
        "A duplicate in a unique column.",
    ),
    _c(
        "What does exit code 137 mean for the lab's jobs?",
        _t(
            "kb_article",
            {"id": "KB-137"},
            "Exit code 137 usually means the container was killed by the kernel (out of memory). "
            "Raise the job's memory limit.",
        ),
        "Out of memory: raise its memory limit.",
    ),
    _c(
        "Explain gRPC DEADLINE_EXCEEDED.",
        _t(
            "docs_search",
            {"q": "DEADLINE_EXCEEDED"},
            "DEADLINE_EXCEEDED is returned when the deadline expires before the operation "
            "completes, even if it would have succeeded.",
        ),
        "The call ran past its deadline.",
    ),
    _c(
        "When does GraphQL return an errors array?",
        _t(
            "docs_search",
            {"q": "graphql errors array"},
            "The errors array appears when one or more fields could not be resolved; data may "
            "still hold the fields that were.",
        ),
        "When some fields failed to resolve.",
    ),
    _c(
        "What are the courier API's error codes?",
        _t(
            "api_reference",
            {"section": "errors"},
            "Error codes: 400 Bad Request - the body is invalid; 401 Unauthorized - the token is "
            "missing; 429 - rate limited, retry later; 503 - maintenance.",
        ),
        "400 for a bad body, 401 for no token, 429 rate limit, 503 maintenance.",
    ),
    _c(
        "What causes 'Cannot read properties of undefined'?",
        _t(
            "docs_search",
            {"q": "Cannot read properties of undefined"},
            "This TypeError occurs when code reads a property of a value that is undefined, "
            "often an API field that was not returned.",
        ),
        "Reading a field of something undefined.",
    ),
    _c(
        "What does 'permission denied (publickey)' mean on the bakery server?",
        _t(
            "kb_article",
            {"id": "KB-ssh-01"},
            "Troubleshooting 'Permission denied (publickey)': the server did not accept any of "
            "your keys. Add your public key to ~/.ssh/authorized_keys.",
        ),
        "Your key isn't on the server: add it to authorized_keys.",
    ),
)

# --- Not failed: a failed first attempt, then a retry that worked ---------------------------------
_SUCCESSFUL_RETRY = (
    _c(
        "Create the ferry booking for the Hendersons.",
        _t(
            "booking_create",
            {"party": "Henderson", "sailing": "PME-0930"},
            "Attempt 1 failed (timeout); attempt 2 succeeded: booking FB-8812 created.",
        ),
        "Booked: FB-8812.",
    ),
    _c(
        "Upload the gym's route photos.",
        _t(
            "upload",
            {"folder": "routes", "count": 3},
            "Got 429 on first try, retried after 2 s; upload complete (3 files).",
        ),
        "All three photos are uploaded.",
    ),
    _c(
        "Sync the choir's attendance sheet.",
        _t(
            "sheet_sync",
            {"sheet": "attendance"},
            "WARN connection reset, retrying... OK: 214 rows synced.",
        ),
        "Synced 214 rows.",
    ),
    _c(
        "Send the lab's shipping label to the printer.",
        _t(
            "print_label",
            {"case": "DL-2207"},
            '{"status": "ok", "attempts": 2, "printed": true, "note": "first attempt: printer '
            'busy"}',
        ),
        "The label is printed.",
    ),
    _c(
        "Refresh the bakery's product feed.",
        _t(
            "feed_refresh",
            {"feed": "google-shopping"},
            "Retry 1/3 after 503 Service Unavailable... retry 2/3 succeeded. Feed refreshed: 140 "
            "products.",
        ),
        "The feed is refreshed with 140 products.",
    ),
    _c(
        "Save the allotment rota.",
        _t(
            "rota_save",
            {"rota": "winter"},
            "Saved on second attempt (first hit a lock timeout). Version 14.",
        ),
        "Saved as version 14.",
    ),
    _c(
        "Fetch the planetarium's ticket sales.",
        _t(
            "sales_report",
            {"day": "2026-12-02"},
            "[retry] ECONNRESET, retried once. 312 tickets sold, £4,680.",
        ),
        "312 tickets, £4,680.",
    ),
    _c(
        "Charge the courier account's monthly fee.",
        _t(
            "charge",
            {"account": "CR-88", "amount": 99},
            "First charge attempt was declined by the network; automatic retry approved. Charge "
            "ch_41 succeeded.",
        ),
        "Charged: ch_41.",
    ),
)

# --- Not failed, no timeout: a status page's history ------------------------------------------
_STATUS_HISTORY = (
    _c(
        "Did the ferry booking site have problems yesterday?",
        _t(
            "status_page_history",
            {"day": "2026-12-02"},
            "2026-12-02: Booking site degraded 09:10-09:35 (timeouts on payment), resolved. All "
            "systems operational since.",
        ),
        "A 25-minute slowdown in the morning, fixed since.",
    ),
    _c(
        "What happened on the gym's booking app last week?",
        _t(
            "status_history",
            {"days": 7},
            "Past incidents - Nov 28: Elevated error rates on the API (resolved). Nov 26: "
            "Delayed notifications (resolved).",
        ),
        "Two short incidents last week, both resolved.",
    ),
    _c(
        "How has the courier tracking service been this quarter?",
        _t(
            "uptime_history",
            {"days": 90},
            "Uptime last 90 days: 99.95%. Nov 30: Webhook delivery delayed - Resolved. Oct 12: "
            "Tracking map timeouts - Resolved.",
        ),
        "99.95% uptime, two resolved incidents.",
    ),
    _c(
        "Was there an outage on the lab portal?",
        _t(
            "statuspage_incidents",
            {"component": "portal"},
            "Dec 1 09:14 Investigating - Timeouts on login. 09:40 Identified - DB failover. "
            "10:02 Resolved - Login working normally.",
        ),
        "Yes, on 1 December for about 50 minutes; resolved.",
    ),
    _c(
        "Has the bakery's card terminal provider had issues?",
        _t(
            "provider_status",
            {"provider": "PayTerm"},
            "Incident history: Nov 30 - Card authorisations timed out for some merchants "
            "(12:05-12:31). Status: resolved. Current status: operational.",
        ),
        "One incident on 30 November, resolved; operational now.",
    ),
    _c(
        "Any problems with the choir's streaming service recently?",
        _t(
            "status_history",
            {"service": "stream", "days": 14},
            "Nov 22: Stream start timeouts for EU viewers, 18 min, resolved. No incidents since.",
        ),
        "One 18-minute problem on 22 November.",
    ),
    _c(
        "What's the planetarium booking system's recent history?",
        _t(
            "status_page_history",
            {"days": 30},
            "Resolved: Nov 15 Gateway timeout errors on checkout (14:02-14:19 UTC). Resolved: "
            "Nov 3 Emails delayed.",
        ),
        "Two incidents last month, both resolved.",
    ),
    _c(
        "Did the allotment society's website go down recently?",
        _t(
            "uptime_monitor_log",
            {"site": "elmroad-allotments.org", "days": 30},
            "Down events (30 days): 1. Nov 19 03:12 - 503 Service Unavailable for 4 min, "
            "recovered 03:16. Current: up.",
        ),
        "Once, for 4 minutes on 19 November.",
    ),
)

# --- Unmet escalation: which / who of the business's people can call or take it -------------------
_ASKS_FOR_PERSON_WHICH = (
    _c(
        "Which of your agents can call me back today?",
        "Our opening hours are 8am to 6pm.",
    ),
    _c(
        "Who on your team can ring me about the delivery?",
        "Your parcel is out for delivery today.",
    ),
    _c(
        "Which of your engineers can I speak to about the outage?",
        "The outage was resolved at 10:02.",
    ),
    _c(
        "Who there can phone me this afternoon about my order?",
        "Your order ships tomorrow.",
    ),
    _c(
        "Which one of your staff can take over my complaint?",
        "Complaints are usually answered within five working days.",
    ),
    _c(
        "Which of your dentists can I talk to about the crown?",
        "Crowns take about ten working days to make.",
    ),
    _c(
        "Who at the gym can give me a call about my membership?",
        "Memberships renew on the 1st of the month.",
    ),
    _c(
        "Which of your advisers can go through the bill with me on the phone?",
        "Your bill this month is £84.20.",
    ),
    _c(
        "Who in your office can email me directly about the booking?",
        "Your booking is confirmed for 5 December.",
    ),
)

# --- No unmet escalation: which person did or holds something ---------------------------------
_ASKS_ABOUT_PERSON_WHICH = (
    _c("Which of your agents handled my last call?", "Your last call was handled by Aisha."),
    _c("Who on your team delivered my parcel?", "Your parcel was delivered by Tom."),
    _c(
        "Which engineer fixed the outage on Monday?",
        "Monday's outage was fixed by the on-call engineer, Lars.",
    ),
    _c("Who called me from your office yesterday?", "That was Beth from accounts."),
    _c("Which dentist made my crown?", "Your crown was made by Dr Osei's lab team."),
    _c("Who at the gym set the new blue route?", "The blue route was set by Mina."),
    _c(
        "Which of your staff signed for the delivery?",
        "It was signed for by Joe at the front desk.",
    ),
    _c("Who is the conductor of the choir this term?", "This term's conductor is Helen Park."),
)

TOOL_REPLIES24: dict[str, tuple[Conv, ...]] = {
    "json_code_key": _JSON_CODE_KEY,
    "graphql_errors": _GRAPHQL_ERRORS,
    "grpc_status": _GRPC_STATUS,
    "sql_error": _SQL_ERROR,
    "shell_exit": _SHELL_EXIT,
    "sdk_exception": _SDK_EXCEPTION,
    "limit_used_up": _LIMIT_USED_UP,
    "title_case_error": _TITLE_CASE_ERROR,
    "data_error_words": _DATA_ERROR_WORDS,
    "error_counts": _ERROR_COUNTS,
    "error_docs": _ERROR_DOCS,
    "successful_retry": _SUCCESSFUL_RETRY,
    "status_history": _STATUS_HISTORY,
    "asks_for_person_which": _ASKS_FOR_PERSON_WHICH,
    "asks_about_person_which": _ASKS_ABOUT_PERSON_WHICH,
}
# what each form must read in Issues: categories that must be there, and ones that must not
_F, _T, _U = "Failed tool call", "Timeout", "Unmet escalation"
WANTS24: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "json_code_key": ((_F,), ()),
    "graphql_errors": ((_F,), ()),
    "grpc_status": ((_F,), ()),
    "sql_error": ((_F,), ()),
    "shell_exit": ((_F,), ()),
    "sdk_exception": ((_F,), ()),
    "limit_used_up": ((_F,), ()),
    "title_case_error": ((_F,), ()),
    "data_error_words": ((), (_F,)),
    "error_counts": ((), (_F,)),
    "error_docs": ((), (_F,)),
    "successful_retry": ((), (_F,)),
    "status_history": ((), (_F, _T)),
    "asks_for_person_which": ((_U,), ()),
    "asks_about_person_which": ((), (_U,)),
}


def score(part: str) -> Scores:
    """Per form: (right, cases, the cases read wrong with their Issues summary); `part` is dev,
    test or all."""
    return score_summaries(split_forms(TOOL_REPLIES24, part, SPLIT_SEED_24), WANTS24)


def main() -> None:
    run_part(SPLIT_SEED_24, score, {f: ("Issues", _want_text(*w)) for f, w in WANTS24.items()})


if __name__ == "__main__":
    main()
