"""Phrasings for the synthetic support traffic of "Brightboard", an analytics/dashboard SaaS.

Text is composed from templates x slot fillers x paraphrase variations so that each intent has
hundreds of distinct wordings and Task clustering is not trivial.

Sentiment contract (the generator's ground truth depends on it): positive user phrases each
contain a cue from POSITIVE_CUES, negative ones a cue from NEGATIVE_CUES, and every other user
text here (requests, follow-ups, context, competitor/pricing/feature sentences) contains
neither. A factual problem report ("charts show a spinner") is NEUTRAL: sentiment is the
user's expressed attitude, not the topic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PRODUCT = "Brightboard"

# Cues that define the sentiment of a user's wording (documentation + test oracle).
POSITIVE_CUES = (
    "thanks",
    "thank you",
    "love",
    "great",
    "awesome",
    "perfect",
    "appreciate",
    "brilliant",
    "excellent",
    "helpful",
)
NEGATIVE_CUES = (
    "ridiculous",
    "frustrat",
    "unacceptable",
    "useless",
    "annoying",
    "terrible",
    "wast",  # waste, wasted
    "fed up",
    "disappoint",
    "still not",
    "didn't help",
    "doesn't help",
    "person",
    "human",
)

SLOTS: dict[str, tuple[str, ...]] = {
    "dash": (
        "Q3 revenue",
        "Marketing funnel",
        "Sales pipeline",
        "Weekly KPIs",
        "Churn overview",
        "Exec summary",
        "Support SLA",
        "Product usage",
        "Inventory",
        "EMEA bookings",
        "Umsatz Q3 (München)",
        "Board metrics",
        "Ad spend",
        "Cohort retention",
        "Finance close",
        "Website traffic",
    ),
    "fmt": ("CSV", "Excel", "PDF", "PNG", "xlsx", "csv", "a spreadsheet"),
    "export_verb": ("export", "download", "save", "pull", "get", "extract"),
    "source": (
        "Snowflake",
        "BigQuery",
        "Postgres",
        "Redshift",
        "MySQL",
        "Google Sheets",
        "Databricks",
        "SQL Server",
        "Salesforce",
        "HubSpot",
        "ClickHouse",
    ),
    "idp": (
        "Okta",
        "Azure AD",
        "Entra ID",
        "Google Workspace",
        "OneLogin",
        "JumpCloud",
        "Ping Identity",
    ),
    "role": ("viewer", "editor", "admin", "analyst", "workspace owner", "billing admin"),
    "chart": (
        "bar chart",
        "line chart",
        "pie chart",
        "heatmap",
        "funnel chart",
        "scatter plot",
        "pivot table",
        "map chart",
        "KPI tile",
    ),
    "browser": ("Chrome", "Safari", "Firefox", "Edge", "the mobile app"),
    "report": (
        "Monday KPI email",
        "daily sales digest",
        "weekly exec report",
        "month-end finance pack",
        "nightly inventory report",
        "weekly marketing summary",
    ),
    "channel": ("#analytics", "#sales-alerts", "#exec", "#data-team", "#marketing", "#ops"),
    "dataset": ("orders", "web_events", "customers", "subscriptions", "tickets", "ad_spend"),
    "team_n": ("3", "5", "8", "12", "20", "45"),
    "seats": ("15", "25", "40", "60", "120"),
    "big_seats": ("300", "500", "1,000", "2,500"),
    "req_n": ("20k", "50,000", "120k", "a million"),
    "month": ("October", "September", "November", "last month", "August"),
    "amount": ("$1,200", "$480", "$2,950", "$99", "$7,400", "€860"),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "the weekend"),
    "dept": ("finance", "marketing", "sales", "ops", "product", "customer success"),
    "minutes": ("2", "5", "10", "20"),
    "embed_target": (
        "our React app",
        "our customer portal",
        "Notion",
        "Confluence",
        "our internal wiki",
        "a Salesforce page",
    ),
    "ai_q": (
        "which region grew fastest last quarter",
        "why signups dropped in March",
        "our top 10 customers by revenue",
        "the trend in weekly active users",
        "churn by plan tier",
    ),
    "first": ("Jane", "Omar", "Priya", "Lukas", "Mei", "Carlos", "Aisha", "Tom", "Sofia", "Kenji"),
    "last": ("Doe", "Haddad", "Sharma", "Becker", "Chen", "Ruiz", "Okafor", "Nguyen", "Rossi"),
    "comp": ("Looker", "Tableau", "Power BI", "Metabase", "Mode", "Sigma", "Qlik"),
    "tier_pair": (
        "Pro and Business",
        "Business and Enterprise",
        "Free and Pro",
        "Pro and Enterprise",
    ),
    "new_cap": (
        "exporting straight to Google Slides",
        "a dark theme",
        "a native Jira integration",
        "row-level security",
        "Git version control for dashboards",
        "a Microsoft Teams integration",
        "custom fonts in PDF exports",
        "alerts by SMS",
        "a public API for annotations",
    ),
    "improve": (
        "the CSV export kept my filters",
        "the date picker remembered my last range",
        "scheduled reports allowed more than 10 recipients",
        "dashboards loaded the top tiles first",
        "the SQL editor had autocomplete for column names",
        "the audit log could be filtered by user",
    ),
    "bug_fix": (
        "the legend overlapping the bars on small screens",
        "blank PDFs in scheduled emails",
        "the timezone being wrong in exported CSVs",
        "the filter reset when I switch tabs",
        "tooltips showing raw numbers instead of currency",
    ),
}

# Intent text. Slots are filled once per trace, so {dash} means the same dashboard in every turn.


@dataclass(frozen=True)
class Intent:
    name: str
    label: str  # the normalized intent statement a good Task summary approximates
    requests: tuple[str, ...]
    followups: tuple[str, ...]  # neutral later-turn questions
    answers: tuple[str, ...]
    tools: tuple[str, ...]  # tools the agent uses for this intent (besides search_docs)
    refusal_ask: str  # a user ask the agent must refuse
    refusal_what: str  # "I can't <refusal_what>"
    doc: tuple[str, str]  # (doc title, doc path)
    weight: float = 1.0
    trend: str = "flat"  # flat | growing | fading | appearing
    plan_mult: dict[str, float] = field(default_factory=dict)
    fail_p: float = 0.10


INTENTS: tuple[Intent, ...] = (
    Intent(
        name="export_dashboard",
        label="Export a dashboard to CSV/Excel/PDF",
        requests=(
            "How do I {export_verb} the {dash} dashboard as {fmt}?",
            "is there a way to {export_verb} {dash} to {fmt}",
            "I need the {dash} dashboard in {fmt} for a meeting.",
            "Can't find the {fmt} export option on {dash}.",
            "{export_verb} dashboard to {fmt}?",
            "My manager wants the raw numbers behind {dash} in {fmt}. How?",
            "Where is the export button for dashboards? Trying to get {dash} as {fmt}.",
            "Need to send {dash} to a client as {fmt}",
            "how can i {export_verb} all tiles of {dash} at once into {fmt}",
            "Exporting {dash} to {fmt} only gives me the first 1,000 rows, how do I get everything?",
            "What's the quickest way to {export_verb} the data from the {dash} board?",
        ),
        followups=(
            "Does the export keep the filters I applied?",
            "Is there a row limit on {fmt} exports?",
            "Can I schedule that export every week?",
            "Will the file include hidden columns?",
        ),
        answers=(
            "Open {dash}, click the ⋯ menu at the top right and choose Export → {fmt}. The file downloads with your current filters applied.",
            "You can export any dashboard from its menu: ⋯ → Export → {fmt}. For more than 1,000 rows, export from the underlying tile with 'Export full results' instead.",
            "I started an export of {dash} as {fmt}; the download link is in your notifications and stays valid for 24 hours.",
            "Exports respect your filters. To get the whole table, clear the filters first or use 'Export full results' on the tile.",
        ),
        tools=("run_export",),
        refusal_ask="Can you export the same dashboard from my old employer's workspace too?",
        refusal_what="export data from a workspace you are not a member of",
        doc=("Exporting dashboards and tiles", "exports/dashboards"),
        weight=1.4,
    ),
    Intent(
        name="reset_password_2fa",
        label="Reset a password or two-factor authentication",
        requests=(
            "I'm locked out of my account, how do I reset my password?",
            "Lost my phone and can't get my 2FA code.",
            "password reset email never arrives",
            "How do I reset two-factor authentication for one of my {role}s?",
            "got a new phone, need to move my authenticator app to it",
            "Forgot my password and the reset link says expired.",
            "Can you reset MFA for {first2}? They changed phones.",
            "I keep getting 'invalid code' when I log in with 2FA.",
            "how to turn off two factor auth",
            "The password reset link takes me back to the login page.",
        ),
        followups=(
            "How long is the reset link valid?",
            "Do I need to set up 2FA again afterwards?",
            "Can an admin do this instead of me?",
        ),
        answers=(
            "Use 'Forgot password' on the login page; the reset link is valid for 30 minutes. Check your spam folder for mail from no-reply@brightboard.io.",
            "If you lost your 2FA device, a workspace admin can reset it under Settings → Members → ⋯ → Reset 2FA. You'll set it up again at next login.",
            "I sent a fresh password reset email to the address on your account. Use the newest link, older ones stop working once a new one is issued.",
            "To move your authenticator, sign in on the old device, go to Profile → Security → Two-factor and choose 'Move to a new device'.",
        ),
        tools=("get_account", "send_reset_link"),
        refusal_ask="Can you just switch off 2FA on my colleague's account so I can log in as them?",
        refusal_what="turn off two-factor authentication on someone else's account",
        doc=("Password and two-factor authentication", "account/security"),
        weight=1.2,
        plan_mult={"free": 1.3},
    ),
    Intent(
        name="sso_saml_setup",
        label="Set up SSO / SAML with an identity provider",
        requests=(
            "How do I set up SAML SSO with {idp}?",
            "We want to enable single sign-on through {idp} for the whole team.",
            "What's the ACS URL and entity ID for configuring {idp}?",
            "SSO login with {idp} fails with 'SAML response not valid'.",
            "Can we enforce SSO for all users and disable password logins?",
            "Setting up SCIM provisioning from {idp}, where do I find the token?",
            "need help configuring saml with {idp}",
            "Our IT team is rolling out {idp}, what do they need from us for SSO?",
            "Is just-in-time provisioning supported with {idp} SSO?",
            "Which SAML attributes do you map for name and email?",
        ),
        followups=(
            "Does SCIM also remove users when we deactivate them in {idp}?",
            "Can admins still log in with a password as a fallback?",
            "Where do I upload the IdP metadata XML?",
        ),
        answers=(
            "Go to Settings → Security → SSO, choose SAML 2.0 and paste your {idp} metadata URL. The ACS URL and entity ID are shown on the same page.",
            "In {idp}, create a SAML app with the ACS URL https://app.brightboard.io/sso/acs and map the email and name attributes. Then enable 'Enforce SSO' once a test login works.",
            "For SCIM, generate a token under Settings → Security → Provisioning and paste it into {idp} together with the base URL https://app.brightboard.io/scim/v2.",
            "Just-in-time provisioning is on by default: new {idp} users get the viewer role on first login, and you can change the default role in SSO settings.",
        ),
        tools=("get_sso_config",),
        refusal_ask="Can you change our {idp} certificate for us?",
        refusal_what="change identity provider settings on your behalf",
        doc=("Single sign-on with SAML", "security/saml"),
        weight=0.9,
        trend="growing",
        plan_mult={"enterprise": 2.5, "business": 1.5, "pro": 0.5, "free": 0.2},
    ),
    Intent(
        name="billing_invoice",
        label="Question about an invoice or a charge",
        requests=(
            "I was charged twice this month, can you check?",
            "Where can I download the invoice for {month}?",
            "Our invoice shows {amount} but we expected a smaller amount.",
            "Need to change the billing email on our invoices.",
            "Can you add our VAT number to the invoices?",
            "The card on file expired, how do I update it?",
            "invoice for {month} is missing our PO number",
            "Why did our bill go up to {amount}?",
            "How do I get a receipt for the {amount} payment?",
            "We were billed for seats we removed in {month}.",
        ),
        followups=(
            "Can you resend it to our accounts payable address?",
            "Will the correction show on the next invoice?",
            "Can we pay by bank transfer instead of card?",
        ),
        answers=(
            "Invoices are under Settings → Billing → Invoices; each one has a PDF download. Admins and billing admins can see them.",
            "I checked your billing history: the {amount} charge is for seats added mid-cycle, prorated to the renewal date.",
            "You can add a VAT number and PO reference in Settings → Billing → Company details; they appear on every invoice issued afterwards.",
            "To update the card, go to Settings → Billing → Payment method. The next retry happens automatically within 24 hours.",
        ),
        tools=("get_invoice", "get_account"),
        refusal_ask="Can you just refund the duplicate charge to my card right now?",
        refusal_what="issue refunds directly from chat",
        doc=("Invoices and payments", "billing/invoices"),
        weight=1.1,
        plan_mult={"free": 0.6, "pro": 1.3},
        fail_p=0.12,
    ),
    Intent(
        name="change_plan",
        label="Upgrade, downgrade or change seats of a plan",
        requests=(
            "How do I upgrade from {plan_cur} to {plan_up}?",
            "We'd like to downgrade to {plan_down} at the end of the cycle.",
            "Can I switch our workspace to annual billing?",
            "Want to add {seats} more seats to our plan.",
            "How do I move from the free trial to a paid plan?",
            "Need to reduce seats from {seats} to {team_n}.",
            "upgrade to {plan_up} please",
            "What happens to our dashboards if we downgrade to {plan_down}?",
            "Who on our team is allowed to change the subscription?",
        ),
        followups=(
            "Does the change apply immediately or at renewal?",
            "Do we keep our data if we move plans?",
            "Can I do this from the mobile app?",
        ),
        answers=(
            "Workspace owners can change plans in Settings → Billing → Plan. Upgrades apply immediately and are prorated; downgrades take effect at the end of the cycle.",
            "Seats are managed in Settings → Billing → Seats. Added seats are prorated, removed seats are credited at renewal.",
            "Nothing is deleted when you downgrade; features outside the {plan_down} plan become read-only until you upgrade again.",
            "I checked your workspace: you're on {plan_cur} with monthly billing. Switching to annual is available under Settings → Billing → Billing cycle.",
        ),
        tools=("get_account", "update_subscription"),
        refusal_ask="Can you change the plan for us without asking our workspace owner?",
        refusal_what="change the plan without approval from the workspace owner",
        doc=("Changing your plan", "billing/plans"),
        weight=1.0,
        plan_mult={"free": 1.8, "pro": 1.4, "enterprise": 0.5},
    ),
    Intent(
        name="api_rate_limits",
        label="API rate limits and quotas",
        requests=(
            "We keep hitting 429 Too Many Requests on the REST API.",
            "What are the API rate limits on {plan_cur}?",
            "Can you raise our API limit? Our sync job does about {req_n} calls an hour.",
            "getting rate limited by the api when pulling {dataset} data",
            "Is there a bulk endpoint so we don't hit the rate limit?",
            "How is the API quota counted, per key or per workspace?",
            "our ETL script gets throttled after a few minutes",
            "Does the query API have a per-minute limit?",
            "Which response header tells me how many API calls I have left?",
        ),
        followups=(
            "Does the limit reset every hour or on a rolling window?",
            "Do service accounts have separate limits?",
            "Is there a sandbox we can test against?",
        ),
        answers=(
            "The REST API allows 600 requests per minute per workspace on {plan_cur}; the X-RateLimit-Remaining header shows what's left. Back off when it reaches zero.",
            "For large pulls, use the bulk export endpoint (/v2/exports) instead of paging: one job returns the whole {dataset} table as Parquet.",
            "Limits are counted per workspace, across all keys. I looked at your usage: most calls come from one key between 02:00 and 03:00 UTC.",
            "We can review higher limits for production workloads; share the expected calls per minute and I'll note it on your account for the platform team.",
        ),
        tools=("get_api_usage",),
        refusal_ask="Can you just turn the rate limit off for our key?",
        refusal_what="change API limits from chat",
        doc=("API rate limits", "api/limits"),
        weight=0.8,
        plan_mult={"enterprise": 1.5, "business": 1.2, "free": 0.4},
    ),
    Intent(
        name="connect_data_source",
        label="Connect a data source or warehouse",
        requests=(
            "How do I connect {source} to Brightboard?",
            "Trying to add {source} as a data source but the connection test hangs.",
            "Which IP addresses should we allowlist for {source}?",
            "need to connect our {source} account",
            "Can I connect more than one {source} account?",
            "Does the {source} connector support key-pair auth?",
            "Connection to {source} keeps dropping overnight.",
            "Where do I put the service account JSON for {source}?",
            "Is there a read-only setup guide for {source}?",
        ),
        followups=(
            "Does it need write access to the warehouse?",
            "How often does it sync by default?",
            "Can I test the connection before saving?",
        ),
        answers=(
            "Go to Data → Sources → Add source, pick {source} and enter the host and credentials. Use a read-only user; Brightboard never writes to your warehouse.",
            "Allowlist 34.120.18.4 and 34.120.18.5 for {source}; those are the only addresses our connectors use.",
            "I ran a connection test against your {source} source and it responded normally. The nightly drops usually come from an idle-session setting on the warehouse side.",
            "You can add several {source} sources to one workspace; give each a distinct name so datasets can tell them apart.",
        ),
        tools=("test_connection",),
        refusal_ask="Here's our database password, can you log in and set it up for us?",
        refusal_what="take database passwords in chat or sign in to your warehouse",
        doc=("Connecting data sources", "data/sources"),
        weight=1.2,
    ),
    Intent(
        name="scheduled_report_failing",
        label="A scheduled report is not delivered",
        requests=(
            "The {report} didn't go out this morning.",
            "Our scheduled report stopped sending on {weekday}.",
            "Scheduled emails arrive with a blank PDF.",
            "why is the {report} not being delivered anymore",
            "The {report} has been stuck in 'pending' since {weekday}.",
            "Recipients say the link in the {report} is broken.",
            "Schedule for {dash} ran but nobody got the email.",
            "scheduled report keeps failing for the {dash} dashboard",
            "The {report} arrives without the charts attached.",
        ),
        followups=(
            "Can I resend it manually for today?",
            "Do external recipients need an account?",
            "Is there a delivery log somewhere?",
        ),
        answers=(
            "I checked the schedule for the {report}: the last run finished but the recipient list was empty after a member was removed. Re-add the recipients under Schedules.",
            "Blank PDFs usually mean a tile took longer than the render window. Enable 'Wait for all tiles' in the schedule settings and it will retry with more time.",
            "You can resend any schedule from Schedules → ⋯ → Send now; the delivery log next to it shows every attempt.",
            "The schedule was paused when the owner's account was deactivated. Transfer ownership under Schedules → ⋯ → Change owner and it will resume.",
        ),
        tools=("get_report_schedule",),
        refusal_ask="Can you send the report to my personal Gmail instead?",
        refusal_what="send reports to addresses outside your workspace",
        doc=("Scheduled reports", "sharing/schedules"),
        weight=1.4,
        trend="fading",
        fail_p=0.2,
    ),
    Intent(
        name="permissions_roles",
        label="Permissions, roles and sharing access",
        requests=(
            "How do I give a colleague {role} access to {dash}?",
            "Can I restrict a dashboard so only the {dept} team sees it?",
            "What's the difference between the {role} and {role2} roles?",
            "A new hire can't see any dashboards, what permissions do they need?",
            "how to make someone an admin",
            "Can {role}s create their own datasets?",
            "I want to share {dash} with an external client without giving them edit rights.",
            "Remove access for {first2}.{last}@example.com, they left the company.",
            "Can I see who has access to the {dash} dashboard?",
        ),
        followups=(
            "Does that also cover the datasets behind the dashboard?",
            "Can I do it for a whole group at once?",
            "Will they get an email invite?",
        ),
        answers=(
            "Open {dash}, click Share, add the person and pick the {role} role. Dashboard access does not grant access to other dashboards.",
            "Use groups: create a {dept} group under Settings → Members → Groups, add people, then share the dashboard with the group only.",
            "Viewers can only look at shared dashboards; editors can change them; admins manage members and billing. Only admins and editors create datasets.",
            "I updated the role as requested; the change applies at their next page load.",
        ),
        tools=("update_role", "get_account"),
        refusal_ask="Can you make me an admin without telling our workspace owner?",
        refusal_what="grant admin rights without approval from a workspace owner",
        doc=("Roles and permissions", "admin/roles"),
        weight=1.0,
        plan_mult={"business": 1.3, "enterprise": 1.3, "free": 0.6},
    ),
    Intent(
        name="delete_account_gdpr",
        label="Delete an account or a GDPR data request",
        requests=(
            "Please delete my account and all my data.",
            "We need a GDPR data export for one of our users.",
            "How do I submit a data deletion request under GDPR?",
            "Can you send me a copy of all personal data you store about me?",
            "We're closing the workspace, how do we make sure all data is erased?",
            "A customer of ours invoked their right to be forgotten, what do we do?",
            "Where's your DPA? Legal needs it before we sign.",
            "delete user data for {first2}.{last}@example.com",
            "How long do you keep data after an account is closed?",
        ),
        followups=(
            "Will we get a confirmation when it's done?",
            "Does that include backups?",
            "Can we download everything first?",
        ),
        answers=(
            "Workspace owners can delete the workspace under Settings → Danger zone. All data, including backups, is erased within 30 days and you get a confirmation email.",
            "For a GDPR access or deletion request, use the privacy form at brightboard.io/privacy; we respond within 30 days as the regulation requires.",
            "Our DPA is available at brightboard.io/legal/dpa and can be countersigned electronically from Settings → Legal.",
            "I opened a privacy request for the user you mentioned; the privacy team will confirm by email when the deletion is complete.",
        ),
        tools=("create_ticket",),
        refusal_ask="Can you delete the account right here in the chat?",
        refusal_what="delete accounts or personal data from this chat",
        doc=("Data deletion and GDPR", "legal/gdpr"),
        weight=0.6,
        plan_mult={"free": 1.6},
    ),
    Intent(
        name="chart_not_rendering",
        label="Bug: a chart or dashboard does not render",
        requests=(
            "The {chart} on {dash} just shows a spinner.",
            "Charts won't load in {browser}, just blank white boxes.",
            "My {chart} renders empty even though the query returns rows.",
            "{chart} labels overlap and the legend is cut off",
            "Since yesterday the {dash} dashboard shows 'Something went wrong' on every tile.",
            "the {chart} is blank when I open {dash} in {browser}",
            "Tiles flicker and never finish loading in {browser}.",
            "The {chart} on {dash} shows no data points after the last release.",
            "Colours in the {chart} all look the same since this morning.",
        ),
        followups=(
            "Is this a known bug?",
            "Does it work in another browser?",
            "Will I be notified when it's fixed?",
        ),
        answers=(
            "That looks like a rendering issue with cached tiles. Try Ctrl+Shift+R on {dash}; if the {chart} is still blank, switch it to 'Render on server' in the tile settings.",
            "This is a known problem with the {chart} in {browser} since Tuesday's release; a fix is rolling out. Meanwhile the tile renders correctly in the other browsers.",
            "I filed a bug with your dashboard link so engineering can reproduce it; you'll get an email when the fix ships.",
            "Empty charts with rows in the query usually mean the x-axis field has nulls. Set 'Treat nulls as zero' in the {chart} options.",
        ),
        tools=("check_status", "create_ticket"),
        refusal_ask="Can you log in as me and look at the dashboard?",
        refusal_what="sign in as you or access your browser session",
        doc=("Troubleshooting charts", "charts/troubleshooting"),
        weight=1.1,
        fail_p=0.2,
    ),
    Intent(
        name="slack_integration",
        label="Slack integration and alerts",
        requests=(
            "How do I send {dash} to Slack every morning?",
            "Can I get alerts in {channel} when a metric drops?",
            "Slack integration says 'not authorized' when I try to connect.",
            "How do I connect Brightboard to our Slack workspace?",
            "Is there a way to share a chart snapshot in {channel}?",
            "The Slack bot stopped posting to {channel}.",
            "Can alerts go to a private Slack channel?",
            "set up slack notifications for the {report}",
            "Can the Slack message include a link to {dash}?",
        ),
        followups=(
            "Does the bot need to be invited to the channel?",
            "Can each teammate pick their own channel?",
            "Can I mute it on weekends?",
        ),
        answers=(
            "Connect Slack under Settings → Integrations → Slack, then on {dash} choose Share → Schedule → Slack and pick {channel}.",
            "For private channels, invite @Brightboard to the channel first; otherwise Slack hides it from the channel picker.",
            "Alerts are set per tile: open the tile menu, choose Alert, set the threshold and send it to {channel}.",
            "The Slack connection was authorized by a user who left; an admin needs to reconnect it under Settings → Integrations.",
        ),
        tools=("get_integrations",),
        refusal_ask="Can you post the numbers into our {channel} channel for me now?",
        refusal_what="post into Slack channels on your behalf",
        doc=("Slack integration", "integrations/slack"),
        weight=0.9,
    ),
    Intent(
        name="create_dataset",
        label="Create or edit a dataset / data model",
        requests=(
            "How do I create a new dataset from the {dataset} table?",
            "Can I join {dataset} and {dataset2} into one dataset?",
            "What's the best way to build a dataset with a custom SQL query?",
            "need a calculated field on the {dataset} dataset",
            "How do I add a new column to an existing dataset?",
            "Can datasets refresh incrementally instead of full reloads?",
            "Creating a dataset from a CSV upload, is there a size limit?",
            "how to define a metric like revenue per user in the dataset",
            "Can two datasets share the same calculated fields?",
        ),
        followups=(
            "Will existing charts pick up the new column?",
            "Can I version the SQL?",
            "Who can edit a dataset once it's published?",
        ),
        answers=(
            "Go to Data → Datasets → New, choose your source and the {dataset} table, then add fields and joins in the model editor.",
            "Joins are defined in the dataset editor: add {dataset2} as a related table and pick the join keys. Charts on the dataset can then use fields from both.",
            "Calculated fields are added with + Field → Calculated; they use SQL expressions and are available to every chart on the dataset.",
            "Incremental refresh needs a timestamp column: set it under Dataset → Refresh → Incremental and only new rows are loaded.",
        ),
        tools=("get_dataset_schema",),
        refusal_ask="Can you run a DELETE on our {dataset} table to clean it up?",
        refusal_what="run write queries against your warehouse",
        doc=("Building datasets", "data/datasets"),
        weight=1.0,
        plan_mult={"free": 0.8},
    ),
    Intent(
        name="ai_insights",
        label="Questions about the new Ask AI assistant",
        requests=(
            "How do I use the new Ask AI feature?",
            "Ask AI gave me a wrong number for {ai_q}.",
            "Can Ask AI see all our datasets or only some?",
            "Is the AI assistant available on the {plan_cur} plan?",
            "How do I turn off Ask AI for our workspace?",
            "The AI summary on {dash} doesn't match the chart.",
            "how do I get ask ai to explain {ai_q}?",
            "Does Ask AI send our data to a third-party model?",
            "Ask AI answers in English but our team works in German, can that change?",
        ),
        followups=(
            "Can I see the SQL it generated?",
            "Is there a usage limit on questions?",
            "Can admins restrict which datasets it uses?",
        ),
        answers=(
            "Ask AI is in the top bar of every dashboard: type a question like '{ai_q}' and it answers with a chart and the SQL it ran.",
            "Ask AI only reads datasets the asking user can already see; admins can exclude datasets under Settings → Ask AI.",
            "Admins can switch Ask AI off for the workspace under Settings → Ask AI → Availability.",
            "When an answer looks off, open 'Show SQL' under it: most mismatches come from a different date filter than the chart's.",
        ),
        tools=("get_account",),
        refusal_ask="Can you show me what questions other companies ask Ask AI?",
        refusal_what="share how other customers use Ask AI",
        doc=("Ask AI", "ai/ask-ai"),
        weight=1.3,
        trend="appearing",
    ),
    Intent(
        name="embed_dashboard",
        label="Embed a dashboard in another app",
        requests=(
            "How do I embed {dash} in {embed_target}?",
            "Need signed embed URLs for {embed_target}.",
            "Can embedded dashboards filter by the logged-in customer?",
            "Embedded dashboard shows a login screen instead of the charts.",
            "Is white-labeling available for embedded analytics?",
            "iframe embed of {dash} is blocked by our CSP",
            "What's the JS SDK for embedding?",
            "Can I hide the toolbar in an embedded dashboard?",
            "How do I pass a user attribute into an embedded dashboard?",
        ),
        followups=(
            "How long are signed URLs valid?",
            "Does each embed viewer count as a seat?",
            "Can embedded users export data?",
        ),
        answers=(
            "Embedding uses signed URLs: create an embed secret under Settings → Embedding, then sign the dashboard URL on your server and put it in an iframe in {embed_target}.",
            "Row-level filtering in embeds works through user attributes: include customer_id in the signed payload and add it as a dashboard filter.",
            "Add app.brightboard.io to your CSP frame-src list; the login screen appears when the URL isn't signed or has expired.",
            "The JavaScript SDK (@brightboard/embed) handles signing refresh and lets you hide the toolbar with toolbar: false.",
        ),
        tools=("get_embed_settings",),
        refusal_ask="Can you send me the embed secret here?",
        refusal_what="share embed secrets in chat",
        doc=("Embedding dashboards", "embed/overview"),
        weight=0.6,
        trend="growing",
        plan_mult={"enterprise": 1.6, "business": 1.3, "free": 0.3},
    ),
    Intent(
        name="dashboard_slow",
        label="A dashboard or query is slow to load",
        requests=(
            "The {dash} dashboard takes over a minute to load.",
            "Queries on {dataset} run for {minutes} minutes and then stop.",
            "Data refresh got slow since the last update.",
            "Why does {dash} load so slowly in the morning?",
            "Every filter change on {dash} reloads all tiles and takes ages.",
            "dashboard load time went from 5 seconds to 40",
            "Can I cache the {dash} dashboard so it opens faster?",
            "The {dataset} dataset refresh now takes {minutes} minutes longer.",
        ),
        followups=(
            "Would a materialized table help?",
            "Can I see which tile is the slowest?",
            "Is the cache shared between users?",
        ),
        answers=(
            "Open {dash} → ⋯ → Performance to see the slowest tiles. Usually one tile scans the full {dataset} table; add a date filter or an aggregate table.",
            "Turn on result caching for {dash} (Settings → Caching, 1 hour). The first viewer warms the cache and everyone after that gets instant loads.",
            "I looked at recent query times: most of the time is spent in your warehouse queue between 08:00 and 09:00 UTC, when many schedules start together.",
            "Materializing the heavy join as a dataset with incremental refresh usually cuts load time by an order of magnitude.",
        ),
        tools=("get_query_stats",),
        refusal_ask="Can you resize our warehouse cluster for us?",
        refusal_what="change compute settings in your warehouse",
        doc=("Dashboard performance", "performance/dashboards"),
        weight=1.0,
        trend="fading",
        fail_p=0.15,
    ),
)

INTENT_NAMES: tuple[str, ...] = tuple(i.name for i in INTENTS)

# Speech parts around the request. None of these carry sentiment or product signals.
GREETINGS = (
    "Hi,",
    "Hello,",
    "Hey there,",
    "Hi team,",
    "Good morning,",
    "Quick question:",
    "hey -",
    "Hi Brightboard support,",
    "Hello!",
    "Hi, {first} here from {customer_name}.",
)
CONTEXTS = (
    "I'm an admin on our {plan_cur} workspace.",
    "We're a team of {team_n} analysts.",
    "Using {browser} on a Mac.",
    "This is for our {dept} team.",
    "We set this up a few weeks ago.",
    "I'm new to Brightboard.",
    "Our workspace is {customer_name}.",
    "I'm not the admin, just an editor.",
)
CLOSINGS = (" - {first}", " Regards.", " Need this today.", " (urgent)", " Sent from my phone.")
FOLLOWUP_SESSION = (
    "Following up on my earlier chat:",
    "Me again.",
    "Back with the same topic:",
    "Continuing from before -",
    "One more on this:",
)
GENERIC_FOLLOWUPS = (
    "Where exactly is that setting?",
    "Does this work on the {plan_cur} plan?",
    "Is there a doc page for this?",
    "How long does that usually take?",
    "Do I need admin rights for that?",
    "Will my teammates see the change right away?",
    "OK, and on mobile?",
)
TRIED_IT = (
    "I tried that already.",
    "That's what I did.",
    "Same result on my side.",
    "Did that, no change.",
)

# Tone phrases (user side). Each contains a cue from POSITIVE_CUES / NEGATIVE_CUES.
POS_OPENERS = (
    "Love Brightboard so far!",
    "You've always been helpful, so here goes.",
    "Big fan of the new dashboards, great work.",
    "Thanks in advance!",
    "First of all, love the product.",
    "Your team did a great job with the last release.",
    "Hope you're well, and thanks for the help last week!",
    "We really appreciate how fast you usually reply.",
)
NEG_OPENERS = (
    "This is the third time I'm asking and it's really frustrating.",
    "Honestly this is getting ridiculous.",
    "I'm really frustrated.",
    "This is unacceptable for what we pay.",
    "Fed up with this.",
    "Very disappointed right now.",
    "I've wasted an entire morning on this.",
    "Your product is making my job harder, this is terrible.",
    "Not happy. This is the kind of thing that's so annoying.",
)
MIX_OPENERS = (
    "Love the product, but this is driving me up the wall, it's so annoying.",
    "Thanks for the quick replies last time, but this one is ridiculous.",
    "Great tool overall, but I'm frustrated with this.",
    "Appreciate the new features, but this bug is unacceptable.",
    "You've been helpful before, but today I'm fed up.",
    "I love most of Brightboard, but this part is terrible.",
)
POS_CLOSERS = (
    "thanks, that worked!",
    "Perfect, thank you so much.",
    "Awesome, that fixed it.",
    "Great, exactly what I needed.",
    "That did the trick, thanks!",
    "Brilliant, appreciate the quick help.",
    "ok great, works now",
    "Excellent, that solved it. Thanks!",
    "that was really helpful, thank you",
    "Works perfectly now, appreciate it!",
)
NEG_FOLLOWUPS = (
    "still not working",
    "That didn't help at all.",
    "this is ridiculous",
    "It's still not fixed and my boss is waiting. Useless.",
    "That doesn't help, I've already tried it. Really annoying.",
    "Seriously, this is a waste of my time.",
    "Still not working. This is terrible.",
    "Nope, still not working on my end.",
    "That's useless advice, it's the same as the docs.",
    "I'm getting really frustrated here.",
)
NEG_LOOP = (
    "You already said that, this is useless.",
    "That's the same answer again, it doesn't help.",
    "You're repeating yourself. Frustrating.",
)
NEG_HUMAN = (
    "Can I talk to a person?",
    "This is useless, I want a human.",
    "Please get me a real person.",
    "Can I speak to a human agent please? This is going nowhere.",
)
MIX_LATER = (
    "Thanks, that part worked, but the rest is still not working.",
    "ok the first step was helpful, but now it's doing something even more annoying.",
    "Appreciate it, though honestly it's frustrating it took this long.",
    "Thanks, that fixed the first part but the second one is still not working.",
    "Great, it loads now. Still annoying that I had to ask twice.",
)

# Custom-facet signals. Competitor mentions without churn language.
COMPETITOR_MENTIONS = (
    "In {comp} I could just do this from a right-click.",
    "We're comparing you with {comp} right now.",
    "{comp} has this built in.",
    "We're migrating our dashboards over from {comp}.",
    "Our other team uses {comp} for this.",
)
PRICING = {
    "COST": (
        "How much would the {plan_up} plan cost for {seats} seats?",
        "What's the price per seat on {plan_up}?",
        "How much extra would it cost per month to add {seats} users?",
    ),
    "TIER_COMPARISON": (
        "What's the difference between {tier_pair}?",
        "Does {plan_up} include SSO or is that only on Enterprise?",
        "Which tier do we need to get audit logs?",
    ),
    "CUSTOM_QUOTE": (
        "Could we get a custom quote for {big_seats} seats on an annual contract?",
        "We'd need volume pricing for about {big_seats} users, who do I talk to?",
        "Can sales send us a quote for a 3-year deal?",
    ),
}
FEATURE_REQUESTS = {
    "NEW_CAPABILITY": (
        "It would be nice if you supported {new_cap}.",
        "Any plans to add {new_cap}?",
        "Please add {new_cap}, we really need it.",
    ),
    "IMPROVEMENT": (
        "It'd help a lot if {improve}.",
        "Feature idea: it would be better if {improve}.",
        "Small request: could you make it so {improve}?",
    ),
    "BUG_AS_REQUEST": (
        "Can you please fix {bug_fix}?",
        "Request: please sort out {bug_fix}.",
        "Could the team fix {bug_fix} in the next release?",
    ),
}
# Churn language by level; only ever attached to a negative user turn.
CHURN = {
    "MEDIUM": (
        "Our renewal is coming up and this isn't a good look.",
        "My team is starting to question whether this is worth it.",
        "If this keeps happening I'll have to raise it at our renewal.",
    ),
    "HIGH": (
        "We're seriously thinking of cancelling.",
        "Honestly we're evaluating {comp} because of this.",
        "If this isn't fixed this week we'll look at other tools.",
    ),
    "CRITICAL": (
        "We're cancelling our subscription at the end of the month.",
        "We've decided to move to {comp}.",
        "We're switching to {comp} next quarter and won't renew.",
    ),
}

# Agent side. Refusal texts use "can't"/"unable"; nothing else the agent says does.
REFUSALS = (
    "I'm sorry, but I can't {what}.",
    "Sorry, I'm unable to {what}.",
    "I'm not able to {what}, for security reasons.",
)
REFUSAL_REDIRECTS = (
    " A workspace owner can do this under Settings.",
    " I can point you to the right team if you'd like.",
    " Our documentation explains the supported way to do this.",
    "",
)
FAIL_ACKS = (
    "The {tool} lookup returned an error on our side, so here are the steps directly.",
    "Hmm, my {tool} call returned an error. Here is the manual route instead.",
    "The {tool} service returned an error just now; let me answer from the docs.",
)
RETRY_ACKS = (
    "The first attempt returned an error but the retry went through.",
    "That needed a second try, but it worked.",
)
SORRY = (
    "Sorry about that.",
    "Apologies for the trouble.",
    "Sorry this is taking a while.",
    "I understand.",
)
GLAD = (
    "Glad that worked! Anything else I can help with?",
    "Happy to help. Have a good day!",
    "Great to hear. Let me know if anything else comes up.",
    "You're welcome!",
)
GENERIC_ANSWERS = (
    "The full steps are in our docs under '{doc_title}': https://docs.brightboard.io/{doc_path}.",
    "Yes, that works on every plan that has the feature enabled, and the change is visible to your teammates right away.",
    "Admins can do this for the whole workspace; editors only for content they own.",
    "It usually takes effect within a minute. If it doesn't, reload the page once.",
    "On mobile the same option is under the ⋯ menu at the top of the screen.",
    "There's no extra setup needed beyond what I described; the settings are saved automatically.",
)
ESCALATIONS = (
    "I've passed this to a specialist on our support team. They'll reply here within about {eta} minutes.",
    "I'm handing this over to a human colleague who can look at your account directly; expect a reply within {eta} minutes.",
    "I've transferred this conversation to our support team (ticket {ticket}). Someone will pick it up shortly.",
)
ESCALATION_REASONS = (
    "user asked for a human",
    "needs account-level investigation",
    "billing adjustment requires staff",
    "repeated failure",
)

SYSTEM_PROMPT = (
    "You are Brightboard's support assistant. Brightboard is an analytics and dashboard SaaS. "
    "Answer questions about dashboards, data sources, billing and account settings. Use the "
    "tools to look things up; never reveal secrets; hand over to a human when you cannot help."
)

# Customers: (slug, display name, plan tier, traffic weight).
CUSTOMERS: tuple[tuple[str, str, str, float], ...] = (
    ("acme", "Acme Corp", "enterprise", 6.0),
    ("globex", "Globex", "business", 4.0),
    ("initech", "Initech", "pro", 2.0),
    ("umbrella", "Umbrella Health", "enterprise", 5.0),
    ("hooli", "Hooli", "enterprise", 4.5),
    ("stark", "Stark Logistics", "business", 3.0),
    ("wayne", "Wayne Retail", "enterprise", 3.5),
    ("soylent", "Soylent Foods", "pro", 1.5),
    ("wonka", "Wonka Confectionery", "pro", 1.2),
    ("tyrell", "Tyrell Biotech", "business", 2.5),
    ("cyberdyne", "Cyberdyne Systems", "enterprise", 3.0),
    ("massive", "Massive Dynamic", "business", 2.2),
    ("piedpiper", "Pied Piper", "free", 1.0),
    ("vandelay", "Vandelay Imports", "free", 0.8),
    ("dunder", "Dunder Mifflin", "pro", 1.6),
    ("prestige", "Prestige Worldwide", "free", 0.6),
    ("oceanic", "Oceanic Airlines", "enterprise", 3.2),
    ("gringotts", "Gringotts Bank", "enterprise", 2.8),
    ("monarch", "Monarch Travel", "pro", 1.1),
    ("bluth", "Bluth Homes", "free", 0.7),
    ("sterling", "Sterling Cooper", "business", 1.9),
    ("nakatomi", "Nakatomi Trading", "business", 1.8),
    ("aperture", "Aperture Labs", "pro", 1.4),
    ("blackmesa", "Black Mesa Research", "business", 1.3),
    ("weyland", "Weyland Freight", "enterprise", 2.6),
    ("ollivander", "Ollivander & Sons", "free", 0.5),
    ("krusty", "Krusty Burger", "pro", 0.9),
    ("duff", "Duff Beverages", "business", 1.5),
    ("gekko", "Gekko Capital", "pro", 1.0),
    ("zorg", "Zorg Industries", "business", 1.2),
    ("cafe-lumiere", "Café Lumière", "free", 0.4),
    ("northwind", "Northwind Traders", "pro", 1.3),
    ("contoso", "Contoso", "enterprise", 2.4),
    ("fabrikam", "Fabrikam", "business", 1.6),
    ("tailspin", "Tailspin Toys", "free", 0.6),
    ("adatum", "Adventure Works", "pro", 1.1),
)
PLAN_TIERS = ("free", "pro", "business", "enterprise")
# The demo's configuration, not the product's defaults (review rv13 M3): the account value of
# each of its plans, which `tracetopics demo` writes as TRACETOPICS_PLAN_WEIGHTS into its home's
# config.toml (docs/configuration.md "A home's config file").
PLAN_WEIGHTS = {"enterprise": 1.0, "business": 0.7, "pro": 0.4, "free": 0.1}
USERS_PER_TIER = {"free": 2, "pro": 6, "business": 15, "enterprise": 40}
