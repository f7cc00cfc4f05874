"""Churn risk and Competitor mention: session 21's leftovers, new phrasings (issue 14, session 22).

Written by hand BEFORE the rule change of this pass and committed alone. The session-21 adversary
left "We chose Freshdesk over you", "rather than your payroll", a lower-case "basecamp instead of
you", "im cancelin", "taking our business elsewhere", and a complaint about another thing in the
turn before read as the reason for a switch. Each form has ten or more phrasings; each leaving
form has look-alikes that must NOT fire:

- `chose_over`: "chose / picked / went with A over you / your tool / this bank": Churn CRITICAL
  (HIGH when weighed), Competitor A. `over_ours`: this product chosen over B ("we picked you
  over Asana"): B named, no churn. `over_alike`: an option chosen over another ("the annual plan
  over monthly"): neither.
- `rather_than`: "A rather than you / your payroll / renewing with you": as `chose_over`.
  `rather_alike`: "rather than email, can I get SMS", "rather than cancel, can we pause".
- `lower_switch`: a writer who capitalises nothing names the provider it leaves for ("we use
  basecamp instead of you now", "were switchin to zendesk", "imma switch to hubspot").
  `lower_alike`: the same words of a setting, a stack, an address.
- `misspelt_cancel`: "im cancelin", "cancle my account", "my subscripton". `misspelt_alike`: a
  booking, an order or a status, misspelt the same way, or the cancel negated.
- `leaving_unnamed`: leaving without naming where to ("taking our business elsewhere", "we've
  found another provider", "signed with a competitor"). `leaving_alike`: elsewhere, another or
  a different thing that is no provider ("move the money to another account of mine").
- `not_renewing`: "we're not renewing", "won't be renewed", "don't renew my plan".
  `renewing_alike`: a renewal that failed, a passport or a lease not renewed, renewing early.
- `last_payment`: "this is the last month we pay", "our final month with you".
  `last_payment_alike`: "last month we paid twice", "the last month of our trial, how do we
  upgrade", "my last payment failed".
- `instead_of_you_other`: "instead of you" / "rather than you" of a person or an act ("Let me ask
  Priya instead of you", "can I reset it myself instead of you doing it"): neither.
- `earlier_this`: a complaint about this product in the user's turn before a named switch: the
  switch is churn. `earlier_other`: the complaint in the turn before is about another thing (the
  office printer, the courier, an airline, the old laptop): no churn, no competitor.
- `hypothetical`: "if we ever cancel, what happens to our data?": neither.

Gold: Churn CRITICAL / HIGH / NO (LOW or MEDIUM) and the competitor named (NONE for none). Read
and scored as churn_leftovers_set21 reads its cases (`read`, `score_parts`). Split once by
SPLIT_SEED_22 (held_out.split_forms) into dev (tuned on) and test (reported once).

    .venv/bin/python bench/churn_set22.py [--parts dev,test] [--misses]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

import _common  # noqa: F401  (offline defaults)
from churn_leftovers_set21 import score_parts
from held_out import Conv, split_forms
from held_out import conv as _conv
from held_out import user as _u

SPLIT_SEED_22 = 22

# (case, churn gold, competitor gold)
Case = tuple[Conv, str, str]

# fmt: off
_CHOSE_OVER: tuple[Case, ...] = (
    (_u("We chose Freshdesk over you."), "CRITICAL", "Freshdesk"),
    (_u("We went with Gusto over your payroll service."), "CRITICAL", "Gusto"),
    (_u("Our board picked HubSpot over this CRM."), "CRITICAL", "HubSpot"),
    (_u("Management selected Pipedrive over your platform last week."), "CRITICAL", "Pipedrive"),
    (_u("In the end we preferred Wise over this bank."), "CRITICAL", "Wise"),
    (_u("The team voted for Linear over your tool."), "CRITICAL", "Linear"),
    (_u("We've gone with Xero over you, sorry."), "CRITICAL", "Xero"),
    (_u("After the trial we picked Notion over your app."), "CRITICAL", "Notion"),
    (_u("We're choosing Klaviyo over you at renewal."), "CRITICAL", "Klaviyo"),
    (_u("Finance chose Brex over your cards for next year."), "CRITICAL", "Brex"),
    (_u("We might pick Brevo over you next quarter."), "HIGH", "Brevo"),
    (_u("Honestly we'd probably go with Deel over you."), "HIGH", "Deel"),
    (_u("Leaning towards Asana over your product right now."), "HIGH", "Asana"),
)
_OVER_OURS: tuple[Case, ...] = (
    (_u("We picked you over Asana, where do I add guests?"), "NO", "Asana"),
    (_u("We chose your platform over Shopify, how do I import products?"), "NO", "Shopify"),
    (_u("Glad we went with you over Workday, the setup was quick."), "NO", "Workday"),
    (_u("Our team preferred your app over Trello. Can we import boards?"), "NO", "Trello"),
    (_u("I chose this bank over Barclays, where is my IBAN?"), "NO", "Barclays"),
    (_u("We selected your tool over Jira after the trial, how do I invite the team?"), "NO", "Jira"),
    (_u("We went with your CRM over Pipedrive. How do I add a pipeline?"), "NO", "Pipedrive"),
    (_u("Happy we picked you over Mailchimp, the templates are great."), "NO", "Mailchimp"),
    (_u("We chose your payroll over Gusto, when is the first run?"), "NO", "Gusto"),
    (_u("The board picked this CRM over Salesforce. Where do I start?"), "NO", "Salesforce"),
)
_OVER_ALIKE: tuple[Case, ...] = (
    (_u("We chose the annual plan over monthly, how do I switch?"), "NO", "NONE"),
    (_u("We picked Pro over Business, does Pro include SSO?"), "NO", "NONE"),
    (_u("I'd pick dark mode over light any day, where is the toggle?"), "NO", "NONE"),
    (_u("We prefer PDF over Excel for the invoices."), "NO", "NONE"),
    (_u("We chose Friday over Monday for the weekly report."), "NO", "NONE"),
    (_u("The team voted for Slack alerts over email ones."), "NO", "NONE"),
    (_u("We went with Okta over Google for sign-in, does SCIM work?"), "NO", "NONE"),
    (_u("Management selected Maria over Tom as the account owner."), "NO", "NONE"),
    (_u("I prefer the mobile app over the website."), "NO", "NONE"),
    (_u("We picked Postgres over MySQL for the warehouse, can you connect?"), "NO", "NONE"),
    (_u("We chose card payments over invoices this year."), "NO", "NONE"),
)
_RATHER_THAN: tuple[Case, ...] = (
    (_u("Went with Gusto rather than your payroll."), "CRITICAL", "Gusto"),
    (_u("We'll be using Wise rather than this bank from now on."), "CRITICAL", "Wise"),
    (_u("We signed with Deel rather than you."), "CRITICAL", "Deel"),
    (_u("Our team moved to ClickUp rather than renewing with you."), "CRITICAL", "ClickUp"),
    (_u("We went for Freshdesk rather than your helpdesk."), "CRITICAL", "Freshdesk"),
    (_u("I've opened an account with Monzo rather than stay with you."), "CRITICAL", "Monzo"),
    (_u("We're paying for Calendly rather than your scheduler now."), "CRITICAL", "Calendly"),
    (_u("We picked Sage rather than your accounting app."), "CRITICAL", "Sage"),
    (_u("From July the team uses Loom rather than this tool."), "CRITICAL", "Loom"),
    (_u("Might just use Airtable rather than you."), "HIGH", "Airtable"),
    (_u("Thinking of going with Bunq rather than this app."), "HIGH", "Bunq"),
    (_u("We may sign with Rippling rather than renew with you."), "HIGH", "Rippling"),
)
_RATHER_ALIKE: tuple[Case, ...] = (
    (_u("Rather than email, can I get the alerts by SMS?"), "NO", "NONE"),
    (_u("I'd rather pay by card than by invoice."), "NO", "NONE"),
    (_u("Can we export to CSV rather than PDF?"), "NO", "NONE"),
    (_u("Send it to Maria rather than me please."), "NO", "NONE"),
    (_u("We use Slack rather than Teams internally, can the bot post there?"), "NO", "NONE"),
    (_u("Rather than your default template, can I upload my own?"), "NO", "NONE"),
    (_u("I'd rather use your mobile app than the website, is it the same data?"), "NO", "NONE"),
    (_u("We chose to pay yearly rather than monthly."), "NO", "NONE"),
    (_u("Could the report run on Mondays rather than Fridays?"), "NO", "NONE"),
    (_u("We sign in with Okta rather than your built-in login, does SCIM work?"), "NO", "NONE"),
    (_u("Rather than cancel, can we pause the subscription for two months?"), "NO", "NONE"),
)
_LOWER_SWITCH: tuple[Case, ...] = (
    (_u("we use basecamp instead of you now"), "CRITICAL", "Basecamp"),
    (_u("were on hubspot instead of u since june"), "CRITICAL", "Hubspot"),
    (_u("imma switch to hubspot"), "CRITICAL", "Hubspot"),
    (_u("were switchin to zendesk"), "CRITICAL", "Zendesk"),
    (_u("we went with freshdesk instead of u guys"), "CRITICAL", "Freshdesk"),
    (_u("switched to monzo last week, ur app kept crashing"), "CRITICAL", "Monzo"),
    (_u("we r movin to pipedrive next month, this crm is a joke"), "CRITICAL", "Pipedrive"),
    (_u("gonna switch to starling cos of ur fees"), "CRITICAL", "Starling"),
    (_u("we use clickup instead of this app now"), "CRITICAL", "Clickup"),
    (_u("we chose xero over u"), "CRITICAL", "Xero"),
    (_u("might go with notion instead of u"), "HIGH", "Notion"),
    (_u("thinking bout switching to revolut, ur support is useless"), "HIGH", "Revolut"),
)
_LOWER_ALIKE: tuple[Case, ...] = (
    (_u("we use slack instead of email for alerts, can u post there"), "NO", "NONE"),
    (_u("switched to annual billing last week, wheres the invoice"), "NO", "NONE"),
    (_u("im moving to the new flat next week, update my address pls"), "NO", "NONE"),
    (_u("were switching to the team plan, how much"), "NO", "NONE"),
    (_u("can i use google instead of my password to log in"), "NO", "NONE"),
    (_u("we moved to postgres, does the connector work"), "NO", "NONE"),
    (_u("switchin to the new dashboard, where r my charts"), "NO", "NONE"),
    (_u("im going to the office now, will call later"), "NO", "NONE"),
    (_u("use sms instead of email pls"), "NO", "NONE"),
    (_u("imma switch the card on my account, the old one expired"), "NO", "NONE"),
    (_u("we chose weekly over monthly reports"), "NO", "NONE"),
)
_MISSPELT_CANCEL: tuple[Case, ...] = (
    (_u("im cancelin"), "CRITICAL", "NONE"),
    (_u("im cancelin my subscription"), "CRITICAL", "NONE"),
    (_u("Please cancle my account."), "CRITICAL", "NONE"),
    (_u("I want to cancell my membership."), "CRITICAL", "NONE"),
    (_u("We are cancellng our plan."), "CRITICAL", "NONE"),
    (_u("Cancel my subscripton please."), "CRITICAL", "NONE"),
    (_u("i want to cancle my acount"), "CRITICAL", "NONE"),
    (_u("cancel my memebership"), "CRITICAL", "NONE"),
    (_u("im cancellling today"), "CRITICAL", "NONE"),
    (_u("plz cancle our contract"), "CRITICAL", "NONE"),
    (_u("we r canceling our subsription"), "CRITICAL", "NONE"),
    (_u("were cancleing, this app is a joke"), "CRITICAL", "NONE"),
)
_MISSPELT_ALIKE: tuple[Case, ...] = (
    (_u("cancle my order pls wrong size"), "NO", "NONE"),
    (_u("can i cancle the booking for friday"), "NO", "NONE"),
    (_u("if i cancell my order do i get a refund"), "NO", "NONE"),
    (_u("the meeting got cancled, can you reschedule"), "NO", "NONE"),
    (_u("how do i cancle a transfer"), "NO", "NONE"),
    (_u("pls cancel my apointment on tuesday"), "NO", "NONE"),
    (_u("my flight was cancled, what now"), "NO", "NONE"),
    (_u("cancelin the 3pm call, tell the team"), "NO", "NONE"),
    (_u("i accidentally cancled the invoice, can i undo"), "NO", "NONE"),
    (_u("dont cancel my acount, i just want to change the email"), "NO", "NONE"),
    (_u("im not cancelin, just asking about the price"), "NO", "NONE"),
)
_LEAVING_UNNAMED: tuple[Case, ...] = (
    (_u("We're taking our business elsewhere."), "CRITICAL", "NONE"),
    (_u("We've found another provider."), "CRITICAL", "NONE"),
    (_u("We signed with a competitor last week."), "CRITICAL", "NONE"),
    (_u("Our company is going with someone else next year."), "CRITICAL", "NONE"),
    (_u("We've decided to go elsewhere."), "CRITICAL", "NONE"),
    (_u("I'm taking my money somewhere else."), "CRITICAL", "NONE"),
    (_u("We're moving our accounts to another bank."), "CRITICAL", "NONE"),
    (_u("We found a cheaper supplier and we're going with them."), "CRITICAL", "NONE"),
    (_u("Our team has picked a different tool, so we're done here."), "CRITICAL", "NONE"),
    (_u("We're off to a competitor at the end of the month."), "CRITICAL", "NONE"),
    (_u("I've opened an account with a rival bank and I'm moving everything."), "CRITICAL", "NONE"),
    (_u("We'll be using another vendor from next month."), "CRITICAL", "NONE"),
)
_LEAVING_ALIKE: tuple[Case, ...] = (
    (_u("We're taking the kids elsewhere for the holidays, can I pause deliveries?"), "NO", "NONE"),
    (_u("I found another way to export it, never mind."), "NO", "NONE"),
    (_u("Our other office uses a different tool, can we share dashboards with them?"), "NO", "NONE"),
    (_u("Can I move the money to another account of mine?"), "NO", "NONE"),
    (_u("I'm taking the meeting elsewhere, the room is booked."), "NO", "NONE"),
    (_u("We found a cheaper flight, can I change my booking to it?"), "NO", "NONE"),
    (_u("I'm off to a conference at the end of the month, can I pause alerts?"), "NO", "NONE"),
    (_u("We picked a different colour for the dashboard theme."), "NO", "NONE"),
    (_u("The payment went to another bank by mistake."), "NO", "NONE"),
    (_u("Someone else on my team will be the admin from now on."), "NO", "NONE"),
    (_u("We signed with a new client last week, can I add their workspace?"), "NO", "NONE"),
)
_NOT_RENEWING: tuple[Case, ...] = (
    (_u("We're not renewing."), "CRITICAL", "NONE"),
    (_u("We won't be renewing our contract in March."), "CRITICAL", "NONE"),
    (_u("I'm not going to renew my subscription."), "CRITICAL", "NONE"),
    (_u("We will not renew when the term ends."), "CRITICAL", "NONE"),
    (_u("Please note we are not renewing the licence."), "CRITICAL", "NONE"),
    (_u("we r not renewing"), "CRITICAL", "NONE"),
    (_u("We have decided not to renew."), "CRITICAL", "NONE"),
    (_u("Our subscription won't be renewed this year."), "CRITICAL", "NONE"),
    (_u("I don't plan to renew my membership."), "CRITICAL", "NONE"),
    (_u("No renewal for us this year, please let it lapse."), "CRITICAL", "NONE"),
    (_u("Don't renew my plan."), "CRITICAL", "NONE"),
    (_u("Please turn off auto-renew, we're not continuing next year."), "CRITICAL", "NONE"),
)
_RENEWING_ALIKE: tuple[Case, ...] = (
    (_u("My subscription didn't renew, can you check?"), "NO", "NONE"),
    (_u("The SSL certificate is not renewing, is that on your side?"), "NO", "NONE"),
    (_u("I'm not renewing my passport in time, can I change the name on my booking later?"), "NO", "NONE"),
    (_u("Will my plan renew automatically or do I need to do it?"), "NO", "NONE"),
    (_u("The auto-renewal failed because my card expired, please retry."), "NO", "NONE"),
    (_u("We're not renewing the old domain, can we point the app at the new one?"), "NO", "NONE"),
    (_u("Why didn't my subscription renew last night?"), "NO", "NONE"),
    (_u("Can I renew early to lock in the price?"), "NO", "NONE"),
    (_u("We won't renew our office lease, so please update our address."), "NO", "NONE"),
    (_u("Is it too late to renew our contract at the old rate?"), "NO", "NONE"),
    (_u("Our API token won't renew, it says expired."), "NO", "NONE"),
)
_LAST_PAYMENT: tuple[Case, ...] = (
    (_u("This is the last month we pay for this."), "CRITICAL", "NONE"),
    (_u("This will be our last payment to you."), "CRITICAL", "NONE"),
    (_u("Consider this our final month with you."), "CRITICAL", "NONE"),
    (_u("After this month we're not paying you anymore."), "CRITICAL", "NONE"),
    (_u("This is the last invoice we'll pay."), "CRITICAL", "NONE"),
    (_u("We're paying for one more month and then we're done."), "CRITICAL", "NONE"),
    (_u("October is our final month on your platform."), "CRITICAL", "NONE"),
    (_u("Don't charge us after this month, we're finished with the service."), "CRITICAL", "NONE"),
    (_u("Last month we'll be paying for this, just so you know."), "CRITICAL", "NONE"),
    (_u("We'll stop paying you at the end of this billing cycle."), "CRITICAL", "NONE"),
    (_u("No more payments from us after June."), "CRITICAL", "NONE"),
)
_LAST_PAYMENT_ALIKE: tuple[Case, ...] = (
    (_u("Last month we paid twice, can you refund one?"), "NO", "NONE"),
    (_u("Is this the last month of the promo price?"), "NO", "NONE"),
    (_u("When is my last payment due on the installment plan?"), "NO", "NONE"),
    (_u("This is the last month of our trial, how do we upgrade?"), "NO", "NONE"),
    (_u("What was our final invoice amount for last year?"), "NO", "NONE"),
    (_u("We're paying for one more seat this month, how do I add it?"), "NO", "NONE"),
    (_u("My last payment failed, can you retry it?"), "NO", "NONE"),
    (_u("Is this our final month at the discounted rate?"), "NO", "NONE"),
    (_u("We stop paying the setup fee after this month, right?"), "NO", "NONE"),
    (_u("After this month we pay annually instead of monthly."), "NO", "NONE"),
    (_u("No more payments from the old card after June, use the new one."), "NO", "NONE"),
)
_INSTEAD_OF_YOU_OTHER: tuple[Case, ...] = (
    (_u("Can the bot send the reminder instead of you emailing me?"), "NO", "NONE"),
    (_u("Let me ask Priya instead of you, she set it up."), "NO", "NONE"),
    (_u("Can I do the export myself instead of you doing it?"), "NO", "NONE"),
    (_u("I'll have Marco email instead of you calling me."), "NO", "NONE"),
    (_u("instead of you resetting it, can I reset my own password?"), "NO", "NONE"),
    (_u("Rather than you calling me, can you text?"), "NO", "NONE"),
    (_u("We'll use your API instead of you sending CSVs every week."), "NO", "NONE"),
    (_u("I'll check with Dave instead of you, he knows the account."), "NO", "NONE"),
    (_u("Could Anna approve the refund rather than you?"), "NO", "NONE"),
    (_u("so sam will handle billing instead of u, ok?"), "NO", "NONE"),
    (_u("I'd like the invoices addressed to Finance rather than to you."), "NO", "NONE"),
)
_EARLIER_THIS: tuple[Case, ...] = (
    (_conv("The export is awful, it fails every day.", "Sorry, we're looking into it.", "We're switching to Klipfolio."), "CRITICAL", "Klipfolio"),
    (_conv("Your app is useless on mobile.", "I'm sorry to hear that.", "We're moving to Pipedrive next month."), "CRITICAL", "Pipedrive"),
    (_conv("This is ridiculous, third failed payment.", "Let me check.", "I'm switching to Monzo."), "CRITICAL", "Monzo"),
    (_conv("Awful service lately.", "Sorry about that.", "We're moving to Wise."), "CRITICAL", "Wise"),
    (_conv("The dashboards are terrible since the update.", "Thanks for the feedback.", "We've decided to move to Metabase."), "CRITICAL", "Metabase"),
    (_conv("Fed up with the sync breaking.", "We're on it.", "We're migrating to Airtable."), "CRITICAL", "Airtable"),
    (_conv("The billing here is a joke.", "I can look at the invoice.", "Switching to Chargebee."), "CRITICAL", "Chargebee"),
    (_conv("Your support is hopeless.", "Apologies.", "We're going to Freshworks."), "CRITICAL", "Freshworks"),
    (_conv("This platform is unacceptable, down again.", "We're investigating.", "We're moving to Vercel."), "CRITICAL", "Vercel"),
    (_conv("The app keeps crashing, it's terrible.", "Which version?", "Might move to Notion."), "HIGH", "Notion"),
)
_EARLIER_OTHER: tuple[Case, ...] = (
    (_conv("The office printer is awful.", "Sorry, I can only help with your account.", "We're switching to Brother next week anyway. How do I print a report?"), "NO", "NONE"),
    (_conv("Our courier is terrible, parcels are always late.", "I can't help with couriers, sorry.", "We're switching to Evri, can I change the carrier in settings?"), "NO", "NONE"),
    (_conv("The airline lost my bag, this is ridiculous.", "That's frustrating, sorry.", "I'm moving to Ryanair from now on. Can you rebook my hotel?"), "NO", "NONE"),
    (_conv("Our old accountant was useless.", "Sorry to hear that.", "We've switched to Moore, can they get read access?"), "NO", "NONE"),
    (_conv("Gmail keeps losing our emails, sick of it.", "Sorry to hear that.", "We're moving to Outlook. Will the alerts still arrive?"), "NO", "NONE"),
    (_conv("The coffee machine at work is broken again, awful.", "Ha, sorry about that.", "Anyway, we're migrating to Snowflake next month, can you connect?"), "NO", "NONE"),
    (_conv("Our internet provider is a joke.", "Sorry to hear that.", "We're switching to Hyperoptic, will the app work on their router?"), "NO", "NONE"),
    (_conv("My old laptop was terrible, always crashing.", "Sorry to hear that.", "I've switched to Lenovo, is there a Windows client?"), "NO", "NONE"),
    (_conv("The hotel wifi is awful.", "Sorry about that.", "Anyway, how do I add a user to the workspace?"), "NO", "NONE"),
    (_conv("Our payroll vendor is hopeless, late every month.", "Sorry to hear that.", "We're moving payroll to Deel, can your app read their export?"), "NO", "NONE"),
    (_conv("Traffic this morning was ridiculous.", "Sorry to hear that.", "We're moving the standup to Zoom. Can the bot join?"), "NO", "NONE"),
)
_HYPOTHETICAL: tuple[Case, ...] = (
    (_u("If we ever cancel, what happens to our data?"), "NO", "NONE"),
    (_u("What happens to our dashboards if we leave?"), "NO", "NONE"),
    (_u("Suppose we don't renew, do we lose access immediately?"), "NO", "NONE"),
    (_u("Should we ever decide to leave, can we export everything?"), "NO", "NONE"),
    (_u("In case we cancel later, is there a fee?"), "NO", "NONE"),
    (_u("Hypothetically, if we stopped paying, how long is the data kept?"), "NO", "NONE"),
    (_u("Do you delete our data if we cancel the subscription?"), "NO", "NONE"),
    (_u("If we don't renew next year, will the reports still be readable?"), "NO", "NONE"),
    (_u("Once a customer cancels, what happens to their invoices?"), "NO", "NONE"),
    (_u("If I ever leave, can I take my history with me?"), "NO", "NONE"),
    (_u("What's your policy if we decide not to renew?"), "NO", "NONE"),
    (_u("if we switch to another provider one day can we export the data"), "NO", "NONE"),
)
# fmt: on

FORMS: dict[str, tuple[Case, ...]] = {
    "chose_over": _CHOSE_OVER,
    "over_ours": _OVER_OURS,
    "over_alike": _OVER_ALIKE,
    "rather_than": _RATHER_THAN,
    "rather_alike": _RATHER_ALIKE,
    "lower_switch": _LOWER_SWITCH,
    "lower_alike": _LOWER_ALIKE,
    "misspelt_cancel": _MISSPELT_CANCEL,
    "misspelt_alike": _MISSPELT_ALIKE,
    "leaving_unnamed": _LEAVING_UNNAMED,
    "leaving_alike": _LEAVING_ALIKE,
    "not_renewing": _NOT_RENEWING,
    "renewing_alike": _RENEWING_ALIKE,
    "last_payment": _LAST_PAYMENT,
    "last_payment_alike": _LAST_PAYMENT_ALIKE,
    "instead_of_you_other": _INSTEAD_OF_YOU_OTHER,
    "earlier_this": _EARLIER_THIS,
    "earlier_other": _EARLIER_OTHER,
    "hypothetical": _HYPOTHETICAL,
}


def split_cases(
    forms: dict[str, tuple[Case, ...]], part: str, seed: int
) -> dict[str, list[tuple[Conv, str, str, None]]]:
    """Each form's cases of `part` (dev or test), with their gold: split once by `seed`."""
    gold = {c: (churn, comp) for cases in forms.values() for c, churn, comp in cases}
    convs = {form: tuple(c for c, _, _ in cases) for form, cases in forms.items()}
    return {
        form: [(c, *gold[c], None) for c in cases]
        for form, cases in split_forms(convs, part, seed).items()
    }


def split22(part: str) -> dict[str, list[tuple[Conv, str, str, None]]]:
    """Each form's cases of `part` (dev or test), with their gold: split once by SPLIT_SEED_22."""
    return split_cases(FORMS, part, SPLIT_SEED_22)


def cli(split: Callable[[str], dict[str, list[tuple[Conv, str, str, None]]]]) -> None:
    """`--parts dev,test` scored as churn_leftovers_set21 scores; `--misses` lists the misses."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts", default="dev")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    for part in args.parts.split(","):
        score_parts(part, split(part), args.misses)


if __name__ == "__main__":
    cli(split22)
