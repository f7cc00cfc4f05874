"""Churn risk and Competitor mention leftovers of session 20 (issue 14 item 1, session 21).

Written by hand BEFORE the rule change of this pass and committed alone. The session-20
adversary and the named-switch pass left these misses; each form comes with look-alikes that
must NOT fire:

- `instead_chosen`: "use A instead of you / your app / this bank": A is the alternative the user
  chose over this provider: Churn CRITICAL (HIGH when only weighed), Competitor A.
  `instead_ours`: "we use your tool instead of Jenkins": B is the tool this product replaced, a
  competitor named; no churn. `instead_other` (look-alikes): "instead of B" where neither side
  is this provider ("we use CircleCI instead of Jenkins", "how do I use the API instead of
  Zapier?", "instead of PDF"): no competitor, no churn.
- `switch_reason`: a named switch whose reason has no "your" ("We're moving to Acme. Too many
  outages.", "moving to Acme because of the costs"): churn, that competitor.
  `relocation` (look-alikes): a move of the user's home or business to a place no list holds,
  the reason about life there ("moving to Austin because of the costs here", "the rent",
  "closer to family"); `stack_reason` (look-alikes): the reason is about another subject
  ("MySQL had too many outages").
- `earlier_turn`: the complaint in an earlier user turn, the switch in the next one.
  `later_turn` (look-alikes): the switch first, an unrelated complaint after it, or an earlier
  turn that is no complaint.
- `text_speak`: typos and text-speak ("im switching to acme, ur app is useless", "were leaving",
  "gonna cancel"). `text_speak_alike` (look-alikes): the same words of a trip, an order or a
  past event ("we were leaving the office when it crashed", "gonna cancel the order").
- `noun_form`: the relationship ended as a noun ("Cancellation of my membership", "termination
  of our contract", "non-renewal"). `noun_alike` (look-alikes): a cancellation policy or fee
  asked about, a booking's cancellation, someone else's account.
- `cancel_leaving`: a booking cancelled and the clause after says the user leaves ("Cancel my
  recurring order, I'm leaving for good."): Churn CRITICAL and no task
  (`sentiment_leaving.cancels_a_task` False). `cancel_task` (look-alikes): a booking cancelled
  and the clause after keeps the user ("Cancel my order, I'll reorder later"): LOW and a task.

Gold: Churn CRITICAL / HIGH / NO (LOW or MEDIUM) and the competitor named (NONE for none); for
the two cancel forms also whether the turn is a task. Scored with the local rules over the
facets' own preprocessed text (user_messages). Split once by SPLIT_SEED_21
(held_out.split_forms) into dev (tuned on) and test (reported once).

    .venv/bin/python bench/churn_leftovers_set21.py [--parts dev,test] [--misses] [--banking77]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

import _common  # noqa: F401  (offline defaults)
from held_out import Conv, split_forms
from held_out import conv as _conv
from held_out import user as _u

SPLIT_SEED_21 = 21

# (case, churn gold, competitor gold); the cancel forms add the task gold
Case = tuple[Conv, str, str]

# fmt: off
_INSTEAD_CHOSEN: tuple[Case, ...] = (
    (_u("We're using Acme instead of you now."), "CRITICAL", "Acme"),
    (_u("We use Klipfolio instead of your dashboards since last week."), "CRITICAL", "Klipfolio"),
    (_u("I've started banking with Monzo instead of you."), "CRITICAL", "Monzo"),
    (_u("From next month we'll be on Pipedrive instead of this CRM."), "CRITICAL", "Pipedrive"),
    (_u("we went with Freshworks instead of you guys"), "CRITICAL", "Freshworks"),
    (_u("The team now uses Linear instead of your tool for tracking."), "CRITICAL", "Linear"),
    (_u("I'm paying Wise instead of this bank for transfers from now on."), "CRITICAL", "Wise"),
    (_u("We chose Gusto instead of your payroll service."), "CRITICAL", "Gusto"),
    (_u("My family is on Three instead of your network now, cheaper."), "CRITICAL", "Three"),
    (_u("Honestly we might use Zoho instead of you next year."), "HIGH", "Zoho"),
    (_u("Thinking of going with Bunq instead of this app."), "HIGH", "Bunq"),
    (_u("We could just use Airtable instead of your product."), "HIGH", "Airtable"),
    (_u("Why shouldn't I move to Starling instead of staying with you?"), "HIGH", "Starling"),
    (_u("Maybe we'll try Notion instead of your platform."), "HIGH", "Notion"),
)
_INSTEAD_OURS: tuple[Case, ...] = (
    (_u("We moved off Jenkins and use your pipelines instead of Jenkins now, works well."), "NO", "Jenkins"),
    (_u("We use your tool instead of Trello now, can I import old boards?"), "NO", "Trello"),
    (_u("Our team picked you instead of Asana, how do I add guests?"), "NO", "Asana"),
    (_u("I switched my salary to this bank instead of Barclays, where is my IBAN?"), "NO", "Barclays"),
    (_u("We're using your app instead of Mailchimp now. How do I import contacts?"), "NO", "Mailchimp"),
    (_u("We chose your platform instead of Shopify, thanks for the onboarding."), "NO", "Shopify"),
    (_u("I use this instead of Evernote now, is there a web clipper?"), "NO", "Evernote"),
    (_u("Glad we went with you instead of Workday, the setup was quick."), "NO", "Workday"),
)
_INSTEAD_OTHER: tuple[Case, ...] = (
    (_u("We moved off it — using CircleCI instead of Jenkins now. Does the webhook need changing?"), "NO", "NONE"),
    (_u("We use GitHub Actions instead of Jenkins now, how do I update the deploy hook?"), "NO", "NONE"),
    (_u("How do I use the API instead of Zapier for this?"), "NO", "NONE"),
    (_u("Can I log in with Google instead of Microsoft?"), "NO", "NONE"),
    (_u("Can I get the invoice as Excel instead of PDF?"), "NO", "NONE"),
    (_u("Our accountant uses Xero instead of Sage, can you export for Xero?"), "NO", "NONE"),
    (_u("Is it possible to pay with PayPal instead of Visa?"), "NO", "NONE"),
    (_u("We store files in Dropbox instead of Box now, can the connector follow?"), "NO", "NONE"),
    (_u("I'd like the alerts in Slack instead of Email."), "NO", "NONE"),
    (_u("Can the report go to Dave instead of Sarah?"), "NO", "NONE"),
    (_u("We run it on Azure instead of AWS these days, any config changes?"), "NO", "NONE"),
    (_u("Please send it to Priya Patel instead of Tom Hardy, he left the company."), "NO", "NONE"),
    (_u("Can I book Thursday instead of Monday?"), "NO", "NONE"),
    (_u("Please put Tiffany instead of Mercedes on the Friday rota."), "NO", "NONE"),
    (_u("Make Ford instead of Dell the account owner, Dell moved to finance."), "NO", "NONE"),
)
_SWITCH_REASON: tuple[Case, ...] = (
    (_u("We're moving to Acme. Too many outages."), "CRITICAL", "Acme"),
    (_u("moving to Acme because of the costs"), "CRITICAL", "Acme"),
    (_u("We're switching to Vonage. Way too many dropped calls."), "CRITICAL", "Vonage"),
    (_u("I'm moving to Chime, sick of the fees."), "CRITICAL", "Chime"),
    (_u("We're migrating to Zoho. Constant downtime for weeks."), "CRITICAL", "Zoho"),
    (_u("Switching to Plusnet. Too expensive for what we get."), "CRITICAL", "Plusnet"),
    (_u("We have switched to Nubank because of the hidden charges."), "CRITICAL", "Nubank"),
    (_u("We're moving to Pipedrive, the support takes days to answer."), "CRITICAL", "Pipedrive"),
    (_u("I'm switching to Octopus. Bills far too high every month."), "CRITICAL", "Octopus"),
    (_u("We're moving to Freshworks. Endless bugs since the update."), "CRITICAL", "Freshworks"),
    (_u("Moving to Starling because of the fees."), "CRITICAL", "Starling"),
    (_u("We're going to Acme next month. Too many price hikes."), "CRITICAL", "Acme"),
    (_u("Might switch to Bunq, too many failed payments lately."), "HIGH", "Bunq"),
    (_u("We may move to Gusto. Payroll is late every month."), "HIGH", "Gusto"),
)
_RELOCATION: tuple[Case, ...] = (
    (_u("moving to Austin because of the costs here"), "NO", "NONE"),
    (_u("We're moving to Boise, the rent here is insane. Can I change my address?"), "NO", "NONE"),
    (_u("I'm moving to Leeds to be closer to family, will my plan still work?"), "NO", "NONE"),
    (_u("We're moving to Porto because the cost of living here is too high."), "NO", "NONE"),
    (_u("Moving to Galway for a new job. Do I need a new card?"), "NO", "NONE"),
    (_u("I'm moving to Asheville, it's too expensive here."), "NO", "NONE"),
    (_u("We're relocating to Raleigh because of the taxes here."), "NO", "NONE"),
    (_u("I'm moving to Brighton for university in September."), "NO", "NONE"),
    (_u("We're moving to Tampa to retire. Too many cold winters up here."), "NO", "NONE"),
    (_u("Moving to Malaga because of my husband's job, can I keep my number?"), "NO", "NONE"),
    (_u("We're moving to Bend, the traffic here is awful."), "NO", "NONE"),
    (_u("I'm moving to Cork, the prices in this city are ridiculous."), "NO", "NONE"),
    (_u("I'm moving to Sheffield, my landlord is selling. Where do I update my details?"), "NO", "NONE"),
    (_u("We are moving to Eindhoven because of the schools there."), "NO", "NONE"),
)
_STACK_REASON: tuple[Case, ...] = (
    (_u("We're moving to Postgres. MySQL had too many outages."), "NO", "NONE"),
    (_u("We're migrating to Kubernetes because the old VMs cost too much."), "NO", "NONE"),
    (_u("We're switching to Loki, our ELK cluster was too expensive to run."), "NO", "NONE"),
    (_u("We moved to Cloudflare. The old DNS host had constant downtime."), "NO", "NONE"),
    (_u("I'm switching to Outlook, Thunderbird kept crashing."), "NO", "NONE"),
    (_u("We're moving to Snowflake, our on-prem warehouse was too slow. Can you connect to it?"), "NO", "NONE"),
    (_u("We're migrating to Okta because the old SSO had too many bugs."), "NO", "NONE"),
    (_u("Switching to Teams for calls, Skype dropped too many."), "NO", "NONE"),
)
_EARLIER_TURN: tuple[Case, ...] = (
    (_conv("Your app keeps crashing.", "Sorry about that, which version are you on?", "We're moving to Acme."), "CRITICAL", "Acme"),
    (_conv("Third outage this week, this is unacceptable.", "I'm sorry, the team is on it.", "We're switching to Zoho."), "CRITICAL", "Zoho"),
    (_conv("The fees went up again and nobody told us.", "I understand the frustration.", "We're moving to Wise."), "CRITICAL", "Wise"),
    (_conv("Support hasn't answered in five days.", "Apologies for the delay.", "I'm switching to Starling."), "CRITICAL", "Starling"),
    (_conv("Your prices are too high for a team our size.", "We do have a starter plan.", "We've decided to move to Pipedrive."), "CRITICAL", "Pipedrive"),
    (_conv("This is the fourth time my payment failed.", "Let me look into it.", "Moving to Monzo."), "CRITICAL", "Monzo"),
    (_conv("The dashboards never load on time.", "We're investigating slow loads.", "We're migrating to Klipfolio next month."), "CRITICAL", "Klipfolio"),
    (_conv("Too many dropped calls lately.", "Sorry to hear that. Can you share your postcode?", "We might move to Three."), "HIGH", "Three"),
    (_conv("I'm fed up with the billing mistakes.", "I'll correct the invoice.", "We're switching to Gusto at renewal."), "CRITICAL", "Gusto"),
    (_conv("Your sync has been broken for a week.", "We're working on a fix.", "I'm going to Freshworks."), "CRITICAL", "Freshworks"),
)
_LATER_TURN: tuple[Case, ...] = (
    (_conv("We're moving to Postgres next month.", "Great, the connector supports it.", "The export page is slow today though."), "NO", "NONE"),
    (_conv("How do I export contacts?", "Go to Settings > Export.", "We're moving to HubSpot for marketing, can it read the file?"), "NO", "NONE"),
    (_conv("Thanks for fixing the login yesterday.", "You're welcome!", "We're migrating to Okta for SSO."), "NO", "NONE"),
    (_conv("What's the API rate limit?", "100 requests per minute.", "We're switching to Kafka for the events, is there a sink?"), "NO", "NONE"),
    (_conv("We're migrating to Kubernetes.", "Here's our Helm chart.", "Also the docs page for webhooks is broken."), "NO", "NONE"),
    (_conv("The office printer is awful.", "I can only help with your account.", "We're switching to Canon for printers."), "NO", "NONE"),
    (_conv("Can you add a dark mode?", "It's on the roadmap.", "We're moving to Azure next quarter, will SSO still work?"), "NO", "NONE"),
    (_conv("My old laptop kept crashing.", "Sorry to hear that.", "I'm switching to Linux, is there a desktop client?"), "NO", "NONE"),
)
_TEXT_SPEAK: tuple[Case, ...] = (
    (_u("im switching to acme, ur app is useless"), "CRITICAL", "Acme"),
    (_u("were leaving"), "CRITICAL", "NONE"),
    (_u("gonna cancel"), "CRITICAL", "NONE"),
    (_u("im leaving"), "CRITICAL", "NONE"),
    (_u("we r leaving u for a competitor"), "CRITICAL", "NONE"),
    (_u("were switching providers"), "CRITICAL", "NONE"),
    (_u("im cancelling my sub"), "CRITICAL", "NONE"),
    (_u("were done with u guys, gonna cancel"), "CRITICAL", "NONE"),
    (_u("imma cancel"), "CRITICAL", "NONE"),
    (_u("im moving to monzo, ur fees r a joke"), "CRITICAL", "Monzo"),
    (_u("ok im done. gonna cancel today"), "CRITICAL", "NONE"),
    (_u("were gonna cancel our subscription"), "CRITICAL", "NONE"),
    (_u("Im leaving this bank, too many fees"), "CRITICAL", "NONE"),
    (_u("we r switching to starling cos ur app keeps crashing"), "CRITICAL", "Starling"),
)
_TEXT_SPEAK_ALIKE: tuple[Case, ...] = (
    (_u("we were leaving the office when the app crashed"), "NO", "NONE"),
    (_u("gonna cancel the order, wrong size"), "NO", "NONE"),
    (_u("im moving to the new office next week, can u update my address"), "NO", "NONE"),
    (_u("were leaving for the airport at 6, is my flight on time"), "NO", "NONE"),
    (_u("im switching to dark mode how do i do it"), "NO", "NONE"),
    (_u("gonna cancel the 3pm meeting, can u tell the team"), "NO", "NONE"),
    (_u("im leaving the house now, will the parcel wait"), "NO", "NONE"),
    (_u("were switching to annual billing, how much is it"), "NO", "NONE"),
    (_u("they were leaving bad reviews so we blocked them"), "NO", "NONE"),
    (_u("im gonna cancel the transfer i just made"), "NO", "NONE"),
    (_u("im switching to the pro plan"), "NO", "NONE"),
    (_u("were moving to postgres next sprint"), "NO", "NONE"),
)
_NOUN_FORM: tuple[Case, ...] = (
    (_u("Cancellation of my membership, effective today."), "CRITICAL", "NONE"),
    (_u("Termination of our contract, please confirm in writing."), "CRITICAL", "NONE"),
    (_u("Please treat this as our notice of non-renewal."), "CRITICAL", "NONE"),
    (_u("I'd like to request the cancellation of my subscription."), "CRITICAL", "NONE"),
    (_u("Re: termination of my account"), "CRITICAL", "NONE"),
    (_u("We are giving notice of termination of the service agreement."), "CRITICAL", "NONE"),
    (_u("Non-renewal of our licence at the end of the term, please."), "CRITICAL", "NONE"),
    (_u("Please process the closure of my savings account."), "CRITICAL", "NONE"),
    (_u("I want confirmation of the cancellation of our plan."), "CRITICAL", "NONE"),
    (_u("Subscription cancellation please, I no longer use it."), "CRITICAL", "NONE"),
    (_u("Membership termination request for John, member 4471."), "CRITICAL", "NONE"),
    (_u("This is formal notice of our non-renewal."), "CRITICAL", "NONE"),
)
_NOUN_ALIKE: tuple[Case, ...] = (
    (_u("What's your cancellation policy for hotel bookings?"), "NO", "NONE"),
    (_u("Is there a termination fee if we upgrade mid-term?"), "NO", "NONE"),
    (_u("Cancellation of my flight to Rome, please."), "NO", "NONE"),
    (_u("How does the termination of an employee's account work for admins?"), "NO", "NONE"),
    (_u("I got an email about the cancellation of my order, was it a mistake?"), "NO", "NONE"),
    (_u("Where do I see the renewal date of our contract?"), "NO", "NONE"),
    (_u("Can you explain the cancellation terms before we sign up?"), "NO", "NONE"),
    (_u("The closure of the Leeds branch means I need a new one for deposits."), "NO", "NONE"),
    (_u("Our HR process covers termination of contracts for staff, can the tool track it?"), "NO", "NONE"),
    (_u("Did the cancellation of my appointment go through?"), "NO", "NONE"),
    (_u("What happens on non-renewal of a domain, does it expire straight away?"), "NO", "NONE"),
)
# (case, churn gold, competitor gold, task gold)
_CANCEL_LEAVING: tuple[tuple[Conv, str, str, bool], ...] = (
    (_u("Cancel my recurring order, I'm leaving for good."), "CRITICAL", "NONE", False),
    (_u("Cancel all my bookings, I'm done with you people."), "CRITICAL", "NONE", False),
    (_u("cancel my order forever, I'm never ordering from you again"), "CRITICAL", "NONE", False),
    (_u("Please cancel the weekly delivery. We're leaving for good."), "CRITICAL", "NONE", False),
    (_u("Cancel my standing appointment, I won't be coming back."), "CRITICAL", "NONE", False),
    (_u("Cancel the remaining lessons, we're done with this school."), "CRITICAL", "NONE", False),
    (_u("Cancel my next delivery and every one after it, I'm leaving you."), "CRITICAL", "NONE", False),
    (_u("Cancel my monthly box. I'm gone for good, the quality is awful."), "CRITICAL", "NONE", False),
    (_u("cancel my pending orders, never shopping with you again"), "CRITICAL", "NONE", False),
    (_u("Cancel the booking, we are taking our business elsewhere."), "CRITICAL", "NONE", False),
)
_CANCEL_TASK: tuple[tuple[Conv, str, str, bool], ...] = (
    (_u("Cancel my order, I'll reorder later"), "NO", "NONE", True),
    (_u("Cancel my recurring order, I'm away for good part of the summer."), "NO", "NONE", True),
    (_u("Please cancel the delivery, I'm leaving for the airport early."), "NO", "NONE", True),
    (_u("Cancel my appointment, I'll book again next week."), "NO", "NONE", True),
    (_u("Cancel the booking for Friday, we're leaving on Thursday instead."), "NO", "NONE", True),
    (_u("Cancel tonight's table, I'm done for the day and staying in."), "NO", "NONE", True),
    (_u("cancel my order pls, i'll order the blue one instead"), "NO", "NONE", True),
    (_u("Cancel the lesson, we're leaving town for the weekend."), "NO", "NONE", True),
    (_u("Cancel the 9am meeting, I'm out for good reason: I'm ill."), "NO", "NONE", True),
    (_u("Cancel the transfer, I'll send it from another account."), "NO", "NONE", True),
)
# fmt: on

FORMS: dict[str, tuple[Case, ...]] = {
    "instead_chosen": _INSTEAD_CHOSEN,
    "instead_ours": _INSTEAD_OURS,
    "instead_other": _INSTEAD_OTHER,
    "switch_reason": _SWITCH_REASON,
    "relocation": _RELOCATION,
    "stack_reason": _STACK_REASON,
    "earlier_turn": _EARLIER_TURN,
    "later_turn": _LATER_TURN,
    "text_speak": _TEXT_SPEAK,
    "text_speak_alike": _TEXT_SPEAK_ALIKE,
    "noun_form": _NOUN_FORM,
    "noun_alike": _NOUN_ALIKE,
}
CANCEL_FORMS: dict[str, tuple[tuple[Conv, str, str, bool], ...]] = {
    "cancel_leaving": _CANCEL_LEAVING,
    "cancel_task": _CANCEL_TASK,
}


def split21(part: str) -> dict[str, list[tuple[Conv, str, str, bool | None]]]:
    """Each form's cases of `part` (dev or test), with their gold: split once by SPLIT_SEED_21."""
    gold: dict[Conv, tuple[str, str, bool | None]] = {}
    convs: dict[str, tuple[Conv, ...]] = {}
    for form, cases in FORMS.items():
        convs[form] = tuple(c for c, _, _ in cases)
        gold |= {c: (churn, comp, None) for c, churn, comp in cases}
    for form, cancel in CANCEL_FORMS.items():
        convs[form] = tuple(c for c, _, _, _ in cancel)
        gold |= {c: (churn, comp, task) for c, churn, comp, task in cancel}
    return {
        form: [(c, *gold[c]) for c in cases]
        for form, cases in split_forms(convs, part, SPLIT_SEED_21).items()
    }


def read(case: Conv) -> tuple[str, str, bool]:
    """(Churn risk label, competitor named or NONE, whether the last user turn is a task) for
    one case, from the local rules over each facet's preprocessed text."""
    from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
    from tracetopics_pipeline.core.facets.preprocess import preprocess
    from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules
    from tracetopics_pipeline.core.facets.summarizers.local.sentiment_leaving import (
        cancels_a_task,
    )

    facets = load_facets()
    trace = {"id": "c", "messages": [{"role": r, "content": t} for r, t in case]}
    out = []
    for name in ("Churn risk", "Competitor mention"):
        facet = find_facet(facets, name)
        summary, label = apply_rules(preprocess(trace, facet) or "", facet)
        out.append(label if facet.labels else (summary or "NONE").split(":")[0].strip())
    last_user = [t for r, t in case if r == "user"][-1]
    return out[0] or "LOW", out[1], cancels_a_task(last_user)


def score(part: str, show_misses: bool) -> None:
    score_parts(part, split21(part), show_misses)


def score_parts(
    part: str, forms: dict[str, list[tuple[Conv, str, str, bool | None]]], show_misses: bool
) -> None:
    """Print each form's right reads of (case, churn gold, competitor gold, task gold or None)
    and the part's totals; with `show_misses`, every case read wrong."""
    total = Counter()
    lines, misses = [], []
    w = max(map(len, forms), default=16)
    for form, cases in forms.items():
        c = Counter()
        for case, churn_gold, comp_gold, task_gold in cases:
            churn, comp, task = read(case)
            fired = churn in ("HIGH", "CRITICAL")
            churn_ok = churn == churn_gold or (churn_gold == "NO" and not fired)
            comp_ok = comp.lower() == comp_gold.lower()
            task_ok = task_gold is None or task == task_gold
            c["n"] += 1
            c["churn"] += churn_ok
            c["comp"] += comp_ok
            c["task"] += task_ok
            c["all"] += churn_ok and comp_ok and task_ok
            c["look"] += churn_gold == "NO"
            c["fired"] += churn_gold == "NO" and fired
            c["none"] += comp_gold == "NONE"
            c["named"] += comp_gold == "NONE" and comp != "NONE"
            if not (churn_ok and comp_ok and task_ok):
                said = " | ".join(t for _, t in case)
                task_said = "" if task_gold is None else f"  task {task_gold}->{task}"
                misses.append(f"  {form:{w}s} churn {churn_gold}->{churn}  comp {comp_gold}->{comp}"
                              f"{task_said}  {said!r}")  # fmt: skip
        total += c
        lines.append(f"  {form:{w}s} all right {c['all']:2d}/{c['n']:2d}  churn {c['churn']}/{c['n']}"
                     f"  competitor {c['comp']}/{c['n']}  look-alikes fired {c['fired']}/{c['look']}"
                     f"  named where none {c['named']}/{c['none']}")  # fmt: skip
    print(f"{part}: {total['n']} cases: all right {total['all']}/{total['n']}; Churn right "
          f"{total['churn']}/{total['n']} (look-alikes fired {total['fired']}/{total['look']}); "
          f"Competitor right {total['comp']}/{total['n']} (named where none {total['named']}/"
          f"{total['none']}); task read right {total['task']}/{total['n']}")  # fmt: skip
    print("\n".join(lines))
    if show_misses:
        print("\n".join(misses))


def banking77_critical(datasets: Path) -> None:
    """How many Banking77 queries (train + test, 13,083: none says the user leaves for good)
    Churn risk reads CRITICAL, and which."""
    from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
    from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules

    churn = find_facet(load_facets(), "Churn risk")
    texts = [r["text"] for name in ("train.csv", "test.csv")
             for r in csv.DictReader((datasets / "banking77" / name).open())]  # fmt: skip
    hits = [t for t in texts if apply_rules(t, churn)[1] == "CRITICAL"]
    print(f"Banking77: {len(hits)} of {len(texts)} queries read Churn risk CRITICAL")
    for t in hits:
        print(f"  {t!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts", default="dev")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--banking77", action="store_true", help="also count B77 CRITICAL reads")
    ap.add_argument("--datasets", type=Path, default=_common.DATASETS)
    args = ap.parse_args()
    for part in args.parts.split(","):
        score(part, args.misses)
    if args.banking77:
        banking77_critical(args.datasets)


if __name__ == "__main__":
    main()
