"""Churn risk: a named switch ("we're moving to X") that is a technology migration, a payment
method, a team or a product feature, against a switch to a competitor (issue 14, attack19).

Written BEFORE the rule change of that pass (churnname19) and committed alone. Gold: CRITICAL
(leaving), HIGH (threatens or weighs), NO (LOW or MEDIUM: no leaving). Competitor switches come
with a named vendor of the Competitor mention facet (the demo's BI/support market) or with a cue
that the user leaves this provider (instead of you, cancel, our contract, for good, because of
the outages, cheaper); unknown names without a cue are migrations of the user's own stack.
Domains: a BI tool, a support desk, a bank, a telco, a gym, an HR helpdesk, a shop.

Split once by SPLIT_SEED_19 into dev (tuned on) and test (reported once).

    .venv/bin/python bench/churn_names_set19.py [--parts dev,test] [--misses]
"""

from __future__ import annotations

import _common  # noqa: F401  (offline defaults)
from churn_pricing_set19 import churn_label, run_parts, split

CASES: tuple[tuple[str, str], ...] = (
    # technology migrations of the user's own stack
    ("We're moving to Postgres next quarter, will the connector still work?", "NO"),
    ("We're migrating to Kubernetes, do you have a Helm chart?", "NO"),
    ("We are moving to AWS next month.", "NO"),
    ("We're switching to TypeScript for the frontend.", "NO"),
    ("We've decided to move to GitHub Actions for CI.", "NO"),
    ("I'm switching to Vim, is there a plugin for the query editor?", "NO"),
    ("We're migrating to Okta for SSO, how do we set up SCIM?", "NO"),
    ("We're migrating our database to Snowflake, can your tool read from it?", "NO"),
    ("Going to migrate to Terraform for our infra next sprint.", "NO"),
    ("We're moving to Google Workspace, will the calendar sync keep working?", "NO"),
    ("We're porting to Rust for speed, is there a client library?", "NO"),
    ("Our team is migrating to Jira next sprint, can tickets sync?", "NO"),
    ("We decided to move to Azure AD for logins.", "NO"),
    ("We're moving to Xero for accounting, can the app sync with it?", "NO"),
    ("We're switching to Docker Compose for local dev.", "NO"),
    ("We are moving to BigQuery, how do I point the dashboards at it?", "NO"),
    # tools for a purpose, payment methods, teams, product features
    ("We're switching to Teams for calls.", "NO"),
    ("We're moving to Slack for alerts instead of email.", "NO"),
    ("Switch to PayPal at checkout, the card keeps failing.", "NO"),
    ("I switched to Klarna at checkout and it went through.", "NO"),
    ("I'm moving to Marketing next month, who takes over my dashboards?", "NO"),
    ("I'm moving to Finance, please transfer my reports to Dana.", "NO"),
    ("I'm switching to Sales Engineering in January, can I keep my access?", "NO"),
    ("I switched to Smart Filters and the report loads faster.", "NO"),
    ("We're moving to Scheduled Exports for the weekly numbers.", "NO"),
    ("I switched to Arc and the page loads now.", "NO"),
    # a listed competitor (Competitor mention's named vendors), no other cue
    ("We've decided to move to Looker.", "CRITICAL"),
    ("We're switching to Power BI next quarter.", "CRITICAL"),
    ("We're migrating to Datadog at renewal.", "CRITICAL"),
    ("We have decided to migrate to Intercom.", "CRITICAL"),
    ("We're moving to Tableau.", "CRITICAL"),
    ("Might switch to Metabase honestly.", "HIGH"),
    ("We're evaluating Grafana.", "HIGH"),
    ("Thinking we could move to Zendesk.", "HIGH"),
    # an unlisted provider with a cue that the user leaves this one
    ("We're switching to Revolut, this app is hopeless.", "CRITICAL"),
    ("I'm moving to Monzo because of your fees.", "CRITICAL"),
    ("We're switching to Acme Analytics instead of you.", "CRITICAL"),
    ("I'm switching to Puregym for good.", "CRITICAL"),
    ("We're moving to Freshworks, it's cheaper.", "CRITICAL"),
    ("We're moving to Verizon when our contract ends.", "CRITICAL"),
    ("I'm moving to Starling, sick of the outages.", "CRITICAL"),
    ("We're migrating to Klipfolio because of the constant downtime.", "CRITICAL"),
    ("Honestly tempted to go to Vodafone instead.", "HIGH"),
    ("We'll move to Sigma if this isn't fixed by Friday.", "HIGH"),
    ("might switch to Octopus Energy if the bill is wrong again", "HIGH"),
    ("We're evaluating Hex because your dashboards are so slow.", "HIGH"),
    ("Might move to EE, their rates are better.", "HIGH"),
    ("We might switch to BambooHR, we've had enough of the bugs.", "HIGH"),
)


def score(part: str, show_misses: bool) -> None:
    cases = split(CASES)[part]
    exact = false_fire = detected = 0
    misses = []
    for text, gold in cases:
        label = churn_label(text)
        fired = label in ("HIGH", "CRITICAL")
        ok = label == gold or (gold == "NO" and not fired)
        exact += ok
        detected += fired == (gold != "NO")
        false_fire += fired and gold == "NO"
        if not ok:
            misses.append(f"  gold {gold:8s} got {label:8s} {text}")
    n_no = sum(g == "NO" for _, g in cases)
    print(f"{part}: {len(cases)} cases ({len(cases) - n_no} leaving, {n_no} look-alikes): label right "
          f"{exact}/{len(cases)}, leaving read right {detected}/{len(cases)}, look-alikes fired "
          f"{false_fire}/{n_no}")  # fmt: skip
    if show_misses:
        print("\n".join(misses))


if __name__ == "__main__":
    run_parts(score)
