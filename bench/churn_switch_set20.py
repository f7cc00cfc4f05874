"""The named switch read once for Competitor mention and Churn risk (issue 14, session 20).

Written BEFORE the rule change of that pass (compswitch20) and committed alone. After
churnname19, Churn risk reads "switch / move / migrate to X" as leaving only when X is a listed
competitor or the sentence says the user leaves this provider; Competitor mention's generic
switch rule still named any capitalised word ("We're moving to Postgres" -> Postgres). Forms:

- stack: the user's own technology, tool for a purpose, team or feature after a switch verb,
  no cue: no competitor, no churn;
- listed: a vendor of Competitor mention's first rule after a switch verb, capitalised or not
  ("moving to tableau"): that competitor, and churn;
- cue_near: an unlisted provider with the cue that the user leaves this one in the sentence
  before or after, in the same user turn ("Switching to Revolut. This app is hopeless.");
- cue_far: look-alikes: the complaint in another turn, or about something else than this provider;
- condition: leaving said on a condition ("one more dropped call and I'm switching carriers",
  "if this isn't fixed by Friday we're moving to Acme") is HIGH, not CRITICAL; with guards: a
  decision with a polite or concessive "if" stays CRITICAL;
- place: a place Babel's territory names lack (a city, a state, a region) or a language named in
  its own tongue ("Español", "Deutsch") after a switch verb, with a complaint beside it.

Gold: Churn CRITICAL / HIGH / NO (LOW or MEDIUM), and the competitor named (or NONE). Split
once by SPLIT_SEED_20 (churn_pricing_set19.split, grouped by form and churn gold) into dev
(tuned on) and test (reported once).

    .venv/bin/python bench/churn_switch_set20.py [--parts dev,test] [--misses]
"""

from __future__ import annotations

from collections import Counter

import _common  # noqa: F401  (offline defaults)
from churn_pricing_set19 import churn_label, run_parts, split

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules

SPLIT_SEED_20 = 20

# (text, form, churn gold, competitor gold)
# fmt: off
CASES: tuple[tuple[str, str, str, str], ...] = (
    # the user's own stack, a tool for a purpose, a team, a feature: no competitor, no churn
    ("We're moving to Postgres.", "stack", "NO", "NONE"),
    ("We're migrating to Okta for SSO, do you support SCIM?", "stack", "NO", "NONE"),
    ("We're moving to Teams for calls.", "stack", "NO", "NONE"),
    ("I'm moving to Marketing in March.", "stack", "NO", "NONE"),
    ("We switched to Snowflake last quarter, can the connector read it?", "stack", "NO", "NONE"),
    ("Our data team is migrating to dbt Cloud next sprint.", "stack", "NO", "NONE"),
    ("We're switching to Kotlin for the Android app.", "stack", "NO", "NONE"),
    ("We moved to Azure last year and the sync broke.", "stack", "NO", "NONE"),
    ("We're migrating from MySQL to Aurora, will the schema import work?", "stack", "NO", "NONE"),
    ("I switched to Outlook and the invites stopped arriving.", "stack", "NO", "NONE"),
    ("We're moving to Confluence for the docs, can we embed charts?", "stack", "NO", "NONE"),
    ("We migrated to Cloudflare for DNS, do I need to whitelist anything?", "stack", "NO", "NONE"),
    ("I'm switching to Customer Success next month, who owns my reports then?", "stack", "NO", "NONE"),
    ("We're moving to Airflow for scheduling the refresh.", "stack", "NO", "NONE"),
    ("The company is switching to Google Meet, can the bot join those calls?", "stack", "NO", "NONE"),
    ("We switched from Jenkins to CircleCI, how do I update the webhook?", "stack", "NO", "NONE"),
    ("We're migrating to Redshift, is there a guide?", "stack", "NO", "NONE"),
    ("I moved to Apple Pay for the renewal and it worked.", "stack", "NO", "NONE"),
    ("We're switching to Python for the exports.", "stack", "NO", "NONE"),
    ("We're moving to Workday for payroll, can you export to it?", "stack", "NO", "NONE"),
    # a listed vendor (Competitor mention's first rule), capitalised or not
    ("We're moving to Tableau next quarter.", "listed", "CRITICAL", "Tableau"),
    ("we're switching to tableau next month", "listed", "CRITICAL", "Tableau"),
    ("We've decided to move to looker.", "listed", "CRITICAL", "Looker"),
    ("we're migrating to datadog at renewal", "listed", "CRITICAL", "Datadog"),
    ("I switched to zendesk last week.", "listed", "CRITICAL", "Zendesk"),
    ("We are moving to Metabase.", "listed", "CRITICAL", "Metabase"),
    ("we're moving everything to power bi", "listed", "CRITICAL", "Power Bi"),
    ("We decided to switch to Intercom.", "listed", "CRITICAL", "Intercom"),
    ("might switch to grafana honestly", "listed", "HIGH", "Grafana"),
    ("We could move to qlik sense.", "listed", "HIGH", "Qlik Sense"),
    ("we're evaluating superset", "listed", "HIGH", "Superset"),
    ("Thinking we should migrate to Sisense.", "listed", "HIGH", "Sisense"),
    ("maybe we just move to freshdesk", "listed", "HIGH", "Freshdesk"),
    ("We'll probably switch to splunk.", "listed", "HIGH", "Splunk"),
    # an unlisted provider, the cue in the sentence before or after (same turn)
    ("Switching to Revolut. This app is hopeless.", "cue_near", "CRITICAL", "Revolut"),
    ("We're moving to Acme next month. Your outages cost us too much.", "cue_near", "CRITICAL", "Acme"),
    ("I'm sick of the fees. I'm moving to Monzo.", "cue_near", "CRITICAL", "Monzo"),
    ("We're switching to Klipfolio. Your dashboards never load.", "cue_near", "CRITICAL", "Klipfolio"),
    ("Had enough. We're migrating to Zoho.", "cue_near", "CRITICAL", "Zoho"),
    ("I'm moving to Starling. Your app keeps crashing.", "cue_near", "CRITICAL", "Starling"),
    ("We are switching to Pipedrive. Your prices are too high.", "cue_near", "CRITICAL", "Pipedrive"),
    ("Your support never answers. We're moving to Freshworks.", "cue_near", "CRITICAL", "Freshworks"),
    ("I'm switching to Chime. This bank is useless.", "cue_near", "CRITICAL", "Chime"),
    ("We're moving to Vonage. We won't renew the contract.", "cue_near", "CRITICAL", "Vonage"),
    ("Your fees went up again. We're migrating to Bunq.", "cue_near", "CRITICAL", "Bunq"),
    ("We're switching to Wise. Your exchange rates are a joke.", "cue_near", "CRITICAL", "Wise"),
    ("Might move to Three. Your coverage is terrible.", "cue_near", "HIGH", "Three"),
    ("Your service keeps dropping. Might switch to Plusnet.", "cue_near", "HIGH", "Plusnet"),
    ("We could move to Gusto. Your payroll runs are always late.", "cue_near", "HIGH", "Gusto"),
    ("Maybe we'll switch to Nubank. This app is useless.", "cue_near", "HIGH", "Nubank"),
    # look-alikes: the complaint in another turn, or about something else
    ("We're moving to Postgres next month.\nThe export page is hopeless today though.", "cue_far", "NO", "NONE"),
    ("We're migrating to Kubernetes.\nAlso your docs on the API are terrible.", "cue_far", "NO", "NONE"),
    ("We switched to Slack for alerts. The email ones were noisy.", "cue_far", "NO", "NONE"),
    ("We're moving to BigQuery. It's cheaper for our data volume.", "cue_far", "NO", "NONE"),
    ("I'm switching to Finance next week. My manager asked me to hand over the reports.", "cue_far", "NO", "NONE"),
    ("We're moving to Terraform for infra. Please keep the API stable.", "cue_far", "NO", "NONE"),
    ("We migrated to Okta.\nThanks for the quick SCIM setup!", "cue_far", "NO", "NONE"),
    ("We're switching to TypeScript. Nothing to do with you, just FYI.", "cue_far", "NO", "NONE"),
    ("We moved to Azure AD for logins. Can you check the SSO settings?", "cue_far", "NO", "NONE"),
    ("I'm moving to Sales Ops. Could you update my permissions?", "cue_far", "NO", "NONE"),
    # leaving on a condition: HIGH, not CRITICAL
    ("One more dropped call and I'm switching carriers.", "condition", "HIGH", "NONE"),
    ("If this isn't fixed by Friday we're moving to Acme.", "condition", "HIGH", "Acme"),
    ("If the sync fails again we're switching to Tableau.", "condition", "HIGH", "Tableau"),
    ("If you don't refund me I'm cancelling my subscription.", "condition", "HIGH", "NONE"),
    ("Another outage like this and we're cancelling our contract.", "condition", "HIGH", "NONE"),
    ("Unless the invoice is corrected, we are closing our account.", "condition", "HIGH", "NONE"),
    ("Next time the app crashes I'm switching to Monzo.", "condition", "HIGH", "Monzo"),
    ("If the price goes up again we're leaving for a cheaper provider.", "condition", "HIGH", "NONE"),
    ("We'll cancel our subscription if nobody answers by Monday.", "condition", "HIGH", "NONE"),
    ("If I get charged twice again I'm closing my account.", "condition", "HIGH", "NONE"),
    ("If support can't sort this out this week, we're switching providers.", "condition", "HIGH", "NONE"),
    ("Fix the exports by Friday or we're moving to Looker.", "condition", "HIGH", "Looker"),
    # guards: a decision with a polite or concessive "if" stays CRITICAL
    ("We've decided to cancel our subscription, even if you fix it.", "condition", "CRITICAL", "NONE"),
    ("Please cancel my subscription, and refund the last month if possible.", "condition", "CRITICAL", "NONE"),
    ("If you could close my account today that would be great.", "condition", "CRITICAL", "NONE"),
    ("We're cancelling our contract. If you need anything from us, let me know.", "condition", "CRITICAL", "NONE"),
    ("We've decided to move to Tableau, if that matters for your records.", "condition", "CRITICAL", "Tableau"),
    ("Please delete my account. If there's a final invoice, send it to billing.", "condition", "CRITICAL", "NONE"),
    # a place Babel lacks or a language in its own tongue after a switch verb, beside a complaint
    ("I'm moving to Barcelona, the rent here is ridiculous.", "place", "NO", "NONE"),
    ("We're moving to Texas because the weather here is awful.", "place", "NO", "NONE"),
    ("We're moving to Bavaria for my new job, the commute here was terrible.", "place", "NO", "NONE"),
    ("We're moving to Bay Area next month, sick of the winters.", "place", "NO", "NONE"),
    ("I'm switching to Español, the English labels are useless for my mum.", "place", "NO", "NONE"),
    ("I'm switching to Deutsch, the English translation is terrible.", "place", "NO", "NONE"),
    ("I switched to Français because the English version is awful.", "place", "NO", "NONE"),
    ("We're moving to Catalonia, the prices in Madrid are ridiculous.", "place", "NO", "NONE"),
    ("I'm moving to Ontario for good.", "place", "NO", "NONE"),
    ("We're relocating, moving to Silicon Valley for good.", "place", "NO", "NONE"),
    ("I'm switching to Nederlands, my English is terrible.", "place", "NO", "NONE"),
    ("I'm switching to Italiano for good, I live in Milan now.", "place", "NO", "NONE"),
    ("Moving to Scotland because London is too expensive, can I keep my number?", "place", "NO", "NONE"),
    ("We are moving to Lyon for good, can you change the delivery address?", "place", "NO", "NONE"),
    ("I'm switching to Polski, the English menus are hopeless for my parents.", "place", "NO", "NONE"),
    ("I'm moving to California, sick of the cold.", "place", "NO", "NONE"),
)
# fmt: on


def competitor_name(text: str) -> str:
    summary = apply_rules(text, find_facet(load_facets(), "Competitor mention"))[0] or "NONE"
    return summary.split(":")[0].strip()


def score(part: str, show_misses: bool) -> None:
    row = {c[0]: c for c in CASES}  # split() takes (text, group) pairs: form and churn gold
    pairs = tuple((t, f"{form}/{churn}") for t, form, churn, _ in CASES)
    cases = [row[t] for t, _ in split(pairs, SPLIT_SEED_20)[part]]
    per: dict[str, Counter] = {}
    misses = []
    for text, form, gold, comp_gold in cases:
        label = churn_label(text)
        fired = label in ("HIGH", "CRITICAL")
        churn_ok = label == gold or (gold == "NO" and not fired)
        comp = competitor_name(text)
        comp_ok = comp.lower() == comp_gold.lower()
        c = per.setdefault(form, Counter())
        c["n"] += 1
        c["churn"] += churn_ok
        c["comp"] += comp_ok
        c["look"] += gold == "NO"
        c["fired"] += gold == "NO" and fired
        c["named"] += comp_gold == "NONE" and comp != "NONE"
        c["none"] += comp_gold == "NONE"
        if not churn_ok:
            misses.append(f"  churn gold {gold:8s} got {label:8s} {text!r}")
        if not comp_ok:
            misses.append(f"  comp  gold {comp_gold:8s} got {comp:8s} {text!r}")
    total = sum(per.values(), Counter())
    print(f"{part}: {total['n']} cases: Churn label right {total['churn']}/{total['n']} (look-alikes "
          f"fired {total['fired']}/{total['look']}); Competitor right {total['comp']}/{total['n']} "
          f"(named where none {total['named']}/{total['none']})")  # fmt: skip
    for form, c in per.items():
        print(f"  {form:10s} churn {c['churn']}/{c['n']}  competitor {c['comp']}/{c['n']}"
              f"  look-alikes fired {c['fired']}/{c['look']}  named where none {c['named']}/{c['none']}")  # fmt: skip
    if show_misses:
        print("\n".join(misses))


if __name__ == "__main__":
    run_parts(score)
