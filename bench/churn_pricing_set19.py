"""Churn risk and Pricing question phrasings the keyword rules missed (issue 14, session 19).

Written BEFORE the rules of that pass and committed alone, after the adversarial pass attack17:
ending one's own account in other words ("terminate my bank account", "remove my account"), a
provider named after "switch / move / go / migrate to" ("switch to Revolut"), a threat made on
a condition ("one more outage and we're gone", "last chance"), "leaving" said of a provider
rather than a place or a time; and price questions without a price word ("what's the damage",
"is it free", "does it cost anything", "how much would 25 seats run us").

Each facet holds look-alikes that must NOT fire: a setting, a plan, a place or a step after
"switch / move / go to" ("switch to dark mode", "I'm moving to Canada"), an account removed from
a team or a device, being away ("we're gone for the holidays"), "free" as available or as
freed ("is the 3pm slot free", "free up space"), "the damage" done to a file.

Domains: a bank, a telco, a SaaS tool, an airline, a utility, a gym, a clinic. Registers: terse,
typos, non-native, formal.

Split once by SPLIT_SEED_19 into dev (the only part rules may be tuned on) and test (reported
once at the end of the pass): half of each gold class in each, the odd case to dev.

    .venv/bin/python bench/churn_pricing_set19.py [--parts dev,test] [--misses]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable

import _common  # noqa: F401  (offline defaults)

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules

SPLIT_SEED_19 = 19

# gold: CRITICAL (ends the account or says they are leaving), HIGH (threatens to leave or names
# where they would go), NO (LOW or MEDIUM: no leaving)
CHURN: tuple[tuple[str, str], ...] = (
    # one's own account ended, in other words
    ("Terminate my bank account, effective immediately.", "CRITICAL"),
    ("Remove my account please.", "CRITICAL"),
    ("i want to remove my acount and all my data", "CRITICAL"),
    ("Please close my checking account.", "CRITICAL"),
    ("Can you erase my account completely?", "CRITICAL"),
    ("I'd like my savings account closed by Friday.", "CRITICAL"),
    ("How do I get rid of my account?", "CRITICAL"),
    ("Delete my user account and everything in it.", "CRITICAL"),
    ("Shut my account down today.", "CRITICAL"),
    ("please terminate my mobile contract", "CRITICAL"),
    ("Kill my membership, I never come to the gym anyway.", "CRITICAL"),
    ("We want our company account removed from your system.", "CRITICAL"),
    # a provider named after switch / move / go / migrate to
    ("Switching to Revolut, this app is hopeless.", "CRITICAL"),
    ("I switched to Wise for transfers, so there is no point keeping this.", "CRITICAL"),
    ("We're going to T-Mobile next month.", "CRITICAL"),
    ("We have decided to migrate to Freshdesk.", "CRITICAL"),
    ("Maybe we should just move to Monzo.", "HIGH"),
    ("Honestly tempted to go to Vodafone instead.", "HIGH"),
    ("We'll migrate to Zendesk if this isn't fixed by Monday.", "HIGH"),
    ("Time to switch to N26 I guess.", "HIGH"),
    ("My whole team wants to move to Linear.", "HIGH"),
    ("might switch to British Gas if the bill is wrong again", "HIGH"),
    # a threat made on a condition
    ("One more outage and we're gone.", "HIGH"),
    ("If this happens again we're out.", "HIGH"),
    ("Last chance, fix it or I walk.", "HIGH"),
    ("Another failed payment and I cancel.", "HIGH"),
    ("if you charge me that fee again i'm done with you guys", "HIGH"),
    ("This is your final warning: fix the sync or we leave.", "HIGH"),
    ("One more dropped call and I'm switching carriers.", "HIGH"),
    ("Any more downtime and we will take our business elsewhere.", "HIGH"),
    ("Fix it by Friday or we cancel.", "HIGH"),
    ("If the flight is delayed again I'm never flying with you again.", "HIGH"),
    # leaving said of the provider
    ("We're leaving you for a competitor.", "CRITICAL"),
    ("I'm leaving this bank after ten years.", "CRITICAL"),
    ("That's it, I'm leaving.", "CRITICAL"),
    ("We are leaving at the end of our contract.", "CRITICAL"),
    ("I'm leaving because support never answers.", "CRITICAL"),
    ("Leaving for Starling, they actually pick up the phone.", "CRITICAL"),
    ("we are leaving your service, send the final invoice", "CRITICAL"),
    # look-alikes: no leaving
    ("How do I switch to dark mode?", "NO"),
    ("Move to the next step, please.", "NO"),
    ("Is it free to cancel?", "NO"),
    ("Remove my account from the team workspace.", "NO"),
    ("We're gone for the holidays, please pause the deliveries.", "NO"),
    ("How do I switch to English?", "NO"),
    ("Can I switch to the Business plan?", "NO"),
    ("I'm going to Spain next week, will my card work?", "NO"),
    ("I'm moving to Canada, can I keep my account?", "NO"),
    ("Switch to USD please.", "NO"),
    ("Do I go to Settings to change my PIN?", "NO"),
    ("I'm leaving the country for a month, will my card work abroad?", "NO"),
    ("I'm leaving for the airport now, please text me the code.", "NO"),
    ("Leaving a review: great service!", "NO"),
    ("How do I delete my old duplicate account?", "NO"),
    ("Please remove my account from this phone, I sold it.", "NO"),
    ("I'm out of the office until Monday.", "NO"),
    ("I'm done with the setup, what's next?", "NO"),
    ("Switch to Google Pay as the default payment method.", "NO"),
    ("Last chance to get the early-bird discount?", "NO"),
    ("If this happens again, should I restart the router?", "NO"),
    ("One more question and we're done.", "NO"),
    ("I'm switching to the new dashboard layout.", "NO"),
    ("We're moving to the annual plan.", "NO"),
    ("Cancel my 3pm appointment with Dr Patel.", "NO"),
    ("Switching to Chrome fixed it, thanks!", "NO"),
    ("We're leaving the old API behind and using v2 now.", "NO"),
    ("I'll go to the branch tomorrow to pick up my card.", "NO"),
    ("My daughter is leaving for university, can she get her own card?", "NO"),
    ("We're migrating our backend to Python 3.12, any breaking changes?", "NO"),
    ("If the payment fails again, will you retry it automatically?", "NO"),
    ("We're out of paper in the printer, can you resend it by email?", "NO"),
)

# gold: True (a pricing question: cost, tiers, quotes), False (no pricing question)
PRICING: tuple[tuple[str, bool], ...] = (
    ("What's the damage for 10 seats?", True),
    ("Is it free?", True),
    ("Does it cost anything to add a second user?", True),
    ("Any charge for international transfers?", True),
    ("free tier?", True),
    ("How much would 25 seats run us per year?", True),
    ("Is the mobile app free or paid?", True),
    ("What would 50 licences set us back?", True),
    ("Is the API included or does it cost extra?", True),
    ("Is there a free plan for small teams?", True),
    ("Is topping up by card free?", True),
    ("is it free to cancel?", True),
    ("What's the going rate for the premium support add-on?", True),
    ("Are ATM withdrawals free abroad?", True),
    ("What do we pay for the Team plan?", True),
    ("How pricey is the enterprise edition?", True),
    ("Is there a free trial or do I need a card?", True),
    ("What's the monthly rate for 5 users?", True),
    ("Does adding storage cost more?", True),
    ("is sending money to europe free", True),
    ("What does the Pro plan run per month?", True),
    ("Can I use it for free?", True),
    ("Is it free for nonprofits?", True),
    ("What's the damage if we add the SSO add-on?", True),
    ("Does the basic plan cost money?", True),
    ("Do I have to pay to get a second card?", True),
    ("Is a physical card free of charge?", True),
    ("Will the extra seats cost us anything?", True),
    ("what will 3 more users run me", True),
    ("Do you guys offer a free version?", True),
    # look-alikes: no pricing question
    ("Is the 3pm slot free tomorrow?", False),
    ("Is the seat next to me free?", False),
    ("Feel free to call me back.", False),
    ("How do I free up storage space?", False),
    ("What's the damage to the corrupted file, can you recover it?", False),
    ("How do I cancel my free trial?", False),
    ("Is the username alex123 free?", False),
    ("Are you free for a call at 4?", False),
    ("Is this table free of duplicates now?", False),
    ("The export runs us into a timeout every night.", False),
    ("What's the rate limit for the API?", False),
    ("Is the data free of PII after redaction?", False),
    ("Set us back to the old layout please.", False),
    ("Is the meeting room free at 2?", False),
    ("Is Friday free for the onboarding call?", False),
    ("Our free-text field isn't saving.", False),
    ("Can I run the job for free-form dates?", False),
    ("Is the parking spot outside free to use tonight?", False),
    ("What damage did the outage do to our data?", False),
    ("The app is free of bugs now, thanks.", False),
    ("How long does the free trial last?", False),
    ("What's the heart rate zone for running?", False),
)


def split(cases: tuple, seed: int = SPLIT_SEED_19) -> dict[str, list]:
    """Half of each gold class (shuffled by `seed`) to dev, the rest to test; the odd one to dev."""
    rng = random.Random(seed)
    parts: dict[str, list] = {"dev": [], "test": []}
    for gold in sorted({g for _, g in cases}, key=str):
        group = [c for c in cases if c[1] == gold]
        rng.shuffle(group)
        cut = (len(group) + 1) // 2
        parts["dev"] += group[:cut]
        parts["test"] += group[cut:]
    return parts


def churn_label(text: str) -> str:
    return apply_rules(text, find_facet(load_facets(), "Churn risk"))[1] or "LOW"


def pricing_label(text: str) -> str:
    return apply_rules(text, find_facet(load_facets(), "Pricing question"))[1] or "NONE"


def score(part: str, show_misses: bool) -> None:
    churn = split(CHURN)[part]
    exact = detected = false_fire = 0
    misses = []
    for text, gold in churn:
        label = churn_label(text)
        fired = label in ("HIGH", "CRITICAL")
        detected += fired == (gold != "NO")
        ok = label == gold or (gold == "NO" and not fired)
        exact += ok
        false_fire += fired and gold == "NO"
        if not ok:
            misses.append(f"  churn  gold {gold:8s} got {label:8s} {text}")
    n_no = sum(g == "NO" for _, g in churn)
    print(f"{part}: Churn risk {len(churn)} cases ({len(churn) - n_no} leaving, {n_no} look-alikes): "
          f"label right {exact}/{len(churn)}, leaving read (HIGH/CRITICAL) right {detected}/{len(churn)}, "
          f"look-alikes fired {false_fire}/{n_no}")  # fmt: skip
    pricing = split(PRICING)[part]
    right = fp = 0
    for text, gold in pricing:
        label = pricing_label(text)
        fired = label != "NONE"
        right += fired == gold
        fp += fired and not gold
        if fired != gold:
            misses.append(f"  price  gold {gold!s:8s} got {label:8s} {text}")
    n_no = sum(not g for _, g in pricing)
    print(f"{part}: Pricing question {len(pricing)} cases ({len(pricing) - n_no} questions, {n_no} "
          f"look-alikes): right {right}/{len(pricing)}, look-alikes fired {fp}/{n_no}")  # fmt: skip
    if show_misses:
        print("\n".join(misses))


def run_parts(score_part: Callable[[str, bool], None]) -> None:
    """`--parts dev,test [--misses]`: score each part (this set's and its successors' command line)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts", default="dev")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    for part in args.parts.split(","):
        score_part(part, args.misses)


if __name__ == "__main__":
    run_parts(score)
