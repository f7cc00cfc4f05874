"""Churn risk and Competitor mention: session 22's leftovers, new phrasings (issue 14, session 23).

Written by hand BEFORE the rule change of this pass and committed alone. Session 22 left misses
("Our company is going with someone else", "imma switch to hubspot", a cancel whose sentence
negates something else: "Don't switch me to the annual plan, just cancel my subscription") and
false alarms ("not renewing my passport", "the SSL certificate is not renewing", "We found a new
supplier, how do I add them?", "I prefer Slack over your email digests"). Each form has eight or
more phrasings in varied domains and registers; each has look-alikes:

- `someone_else`: a company, team, board or firm (or we) going with someone else, another
  provider, a different vendor: Churn CRITICAL, no name. `someone_else_alike`: someone else or
  another thing that is no provider of the user's ("going with someone else to the conference").
- `slang_switch`: leaving said in slang or text-speak ("imma switch to hubspot", "finna move to
  zendesk", "bout to jump ship to monday"): CRITICAL (HIGH when weighed), the provider named.
  `slang_alike`: the same slang for a setting, a plan, a page, a place.
- `negated_elsewhere`: a cancel or leaving request whose sentence negates something else ("don't
  switch me to annual, just cancel", "I don't want a discount, close my account"): CRITICAL.
  `negated_alike`: the cancel itself is what is negated, or the request is for something else.
- `renewing_ours`: the user's subscription, plan, contract or licence with this provider not
  renewed: CRITICAL. `renewing_thing`: a thing not renewing that is not the user's subscription
  (a passport, a certificate, a domain, a lease, a token, a card): no churn.
- `supplier_record`: a new supplier, vendor, courier or contractor the user adds or manages IN
  the product: no churn, no name. `supplier_leaving`: a new provider that replaces this one:
  CRITICAL.
- `prefer_channel`: a channel or integration preferred over this product's emails, digests,
  notifications or reports (Slack, Teams, WhatsApp, SMS): no churn, no competitor.
  `prefer_rival`: another product preferred over this product itself: CRITICAL (HIGH when
  weighed), the rival named.

Gold: Churn CRITICAL / HIGH / NO (LOW or MEDIUM) and the competitor named (NONE for none). Read
and scored as churn_leftovers_set21 reads its cases (`read`, `score_parts`). Split once by
SPLIT_SEED_23 (held_out.split_forms) into dev (tuned on) and test (reported once).

    .venv/bin/python bench/churn_set23.py [--parts dev,test] [--misses]
"""

from __future__ import annotations

import _common  # noqa: F401  (offline defaults)
from churn_set22 import cli, split_cases
from held_out import Conv
from held_out import user as _u

SPLIT_SEED_23 = 23

# (case, churn gold, competitor gold)
Case = tuple[Conv, str, str]

# fmt: off
_SOMEONE_ELSE: tuple[Case, ...] = (
    (_u("Our company is going with someone else."), "CRITICAL", "NONE"),
    (_u("The board has decided to go with another provider."), "CRITICAL", "NONE"),
    (_u("Our team is going with a different vendor from January."), "CRITICAL", "NONE"),
    (_u("Management picked another supplier, so this is goodbye."), "CRITICAL", "NONE"),
    (_u("The firm went with someone else for our payroll."), "CRITICAL", "NONE"),
    (_u("Our practice has chosen a different provider for next year."), "CRITICAL", "NONE"),
    (_u("We're going with someone else, thanks for everything."), "CRITICAL", "NONE"),
    (_u("My employer has signed with another vendor, so we're leaving you."), "CRITICAL", "NONE"),
    (_u("Our school is moving to a different platform in September."), "CRITICAL", "NONE"),
    (_u("The restaurant group has gone with another POS company."), "CRITICAL", "NONE"),
    (_u("Head office decided we're going with another bank."), "CRITICAL", "NONE"),
    (_u("Our company might go with someone else next year."), "HIGH", "NONE"),
)
_SOMEONE_ELSE_ALIKE: tuple[Case, ...] = (
    (_u("My manager is going with someone else to the conference, can I change the attendee?"), "NO", "NONE"),
    (_u("Our company is going with a different logo, how do I upload it?"), "NO", "NONE"),
    (_u("The team went with another colour scheme for the reports."), "NO", "NONE"),
    (_u("Someone else will approve invoices from now on, how do I change the approver?"), "NO", "NONE"),
    (_u("The board has decided to go with another name for the project, can I rename it?"), "NO", "NONE"),
    (_u("Our school is moving to a different building, please update the address."), "NO", "NONE"),
    (_u("We're going with a different template for the newsletter this month."), "NO", "NONE"),
    (_u("Head office picked another date for the audit, can I move the report?"), "NO", "NONE"),
    (_u("The firm went with someone else for the catering, nothing to do with you."), "NO", "NONE"),
    (_u("My daughter is going with another family on the trip, can I remove her from my booking?"), "NO", "NONE"),
)
_SLANG_SWITCH: tuple[Case, ...] = (
    (_u("imma switch to hubspot"), "CRITICAL", "Hubspot"),
    (_u("finna move to zendesk fr"), "CRITICAL", "Zendesk"),
    (_u("bout to jump ship to monday, this is mid"), "CRITICAL", "Monday"),
    (_u("ima switch over to revolut tbh"), "CRITICAL", "Revolut"),
    (_u("yall lost me, switchin to wise"), "CRITICAL", "Wise"),
    (_u("gonna bounce to freshdesk, ur support is dead"), "CRITICAL", "Freshdesk"),
    (_u("we outta here, movin everything to pipedrive"), "CRITICAL", "Pipedrive"),
    (_u("Imma switch to Shopify, done with this"), "CRITICAL", "Shopify"),
    (_u("lol im switchin to notion"), "CRITICAL", "Notion"),
    (_u("fixin to move our stuff to airtable"), "CRITICAL", "Airtable"),
    (_u("might dip to clickup ngl"), "HIGH", "Clickup"),
    (_u("lowkey thinkin bout switchin to starling"), "HIGH", "Starling"),
)
_SLANG_ALIKE: tuple[Case, ...] = (
    (_u("imma switch to dark mode"), "NO", "NONE"),
    (_u("finna move to the new office monday, update my address"), "NO", "NONE"),
    (_u("ima switch over to the annual plan tbh, how much"), "NO", "NONE"),
    (_u("bout to jump to the billing page, brb"), "NO", "NONE"),
    (_u("gonna switch to my work email for logins"), "NO", "NONE"),
    (_u("lol im switchin to the mobile app, the site is slow on my laptop"), "NO", "NONE"),
    (_u("imma move the files to my other folder"), "NO", "NONE"),
    (_u("finna switch to card payments instead of paypal"), "NO", "NONE"),
    (_u("gonna bounce to lunch, back in 10"), "NO", "NONE"),
    (_u("we outta here for the holidays, pause my deliveries pls"), "NO", "NONE"),
)
_NEGATED_ELSEWHERE: tuple[Case, ...] = (
    (_u("Don't switch me to the annual plan, just cancel my subscription."), "CRITICAL", "NONE"),
    (_u("I don't want a discount, I want to cancel my account."), "CRITICAL", "NONE"),
    (_u("No, I don't need help with the setup, just close my account."), "CRITICAL", "NONE"),
    (_u("Not interested in the retention offer, cancel my membership please."), "CRITICAL", "NONE"),
    (_u("Don't bother transferring me to sales, we're cancelling our contract."), "CRITICAL", "NONE"),
    (_u("I never used the premium features, so cancel the subscription."), "CRITICAL", "NONE"),
    (_u("dont upgrade me, just cancel my plan"), "CRITICAL", "NONE"),
    (_u("We won't need the extra seats because we're cancelling our account."), "CRITICAL", "NONE"),
    (_u("I don't want to pause it, I want to cancel my subscription today."), "CRITICAL", "NONE"),
    (_u("Nothing is wrong with the app, we're just cancelling the service."), "CRITICAL", "NONE"),
    (_u("Please don't call me, just terminate my contract."), "CRITICAL", "NONE"),
    (_u("No need to refund anything, just close our account."), "CRITICAL", "NONE"),
)
_NEGATED_ALIKE: tuple[Case, ...] = (
    (_u("Don't cancel my subscription, just switch me to the annual plan."), "NO", "NONE"),
    (_u("I don't want to cancel my account, I want a discount."), "NO", "NONE"),
    (_u("Not cancelling, just close the old project please."), "NO", "NONE"),
    (_u("I don't want to close my account, just cancel the extra seat."), "NO", "NONE"),
    (_u("Please don't terminate my contract, just pause it for a month."), "NO", "NONE"),
    (_u("We're not cancelling the service, just the add-on."), "NO", "NONE"),
    (_u("Don't worry, I'm not cancelling my membership, just updating my card."), "NO", "NONE"),
    (_u("dont cancel my plan, i only want to change the billing email"), "NO", "NONE"),
    (_u("I never said cancel my account, I asked to cancel the order."), "NO", "NONE"),
    (_u("No, don't close our account, just remove the old user."), "NO", "NONE"),
)
_RENEWING_OURS: tuple[Case, ...] = (
    (_u("We're not renewing our subscription with you."), "CRITICAL", "NONE"),
    (_u("I'm not renewing my plan when it runs out."), "CRITICAL", "NONE"),
    (_u("Our contract with you won't be renewed."), "CRITICAL", "NONE"),
    (_u("The company is not renewing its licence for your software."), "CRITICAL", "NONE"),
    (_u("we arent renewing our membership this year"), "CRITICAL", "NONE"),
    (_u("Just letting you know we won't renew the service agreement in May."), "CRITICAL", "NONE"),
    (_u("I'm not renewing my account, please don't charge me again."), "CRITICAL", "NONE"),
    (_u("Our seats won't be renewed, we're done with the platform."), "CRITICAL", "NONE"),
    (_u("We do not intend to renew our subscription."), "CRITICAL", "NONE"),
    (_u("The practice won't be renewing its plan with you."), "CRITICAL", "NONE"),
)
_RENEWING_THING: tuple[Case, ...] = (
    (_u("I'm not renewing my passport, can I still book with my ID card?"), "NO", "NONE"),
    (_u("The SSL certificate is not renewing, is that your side?"), "NO", "NONE"),
    (_u("Our domain isn't renewing automatically, can your DNS settings help?"), "NO", "NONE"),
    (_u("We're not renewing the warehouse lease, so please change our shipping address."), "NO", "NONE"),
    (_u("The access token is not renewing and the sync stops every hour."), "NO", "NONE"),
    (_u("My driving licence won't be renewed in time, can I change the driver on the rental?"), "NO", "NONE"),
    (_u("The Let's Encrypt cert won't renew on the custom domain."), "NO", "NONE"),
    (_u("We aren't renewing the office insurance policy, can I delete it from the asset list?"), "NO", "NONE"),
    (_u("My work visa is not being renewed, do I need to update my tax details?"), "NO", "NONE"),
    (_u("The supplier contract is not renewing, how do I archive the vendor?"), "NO", "NONE"),
    (_u("my library card isnt renewing online, can u help"), "NO", "NONE"),
)
_SUPPLIER_RECORD: tuple[Case, ...] = (
    (_u("We found a new supplier, how do I add them?"), "NO", "NONE"),
    (_u("We've switched to a new packaging vendor, how do I update the supplier on our purchase orders?"), "NO", "NONE"),
    (_u("Our new courier needs to be added as a carrier, where do I do that?"), "NO", "NONE"),
    (_u("We hired a new contractor, can I add him to the project?"), "NO", "NONE"),
    (_u("We found a cheaper supplier for flour, how do I set them up as a vendor?"), "NO", "NONE"),
    (_u("We're moving to a new cleaning company, can I add them as a payee?"), "NO", "NONE"),
    (_u("Signed with a new wholesaler last week, how do I import their price list?"), "NO", "NONE"),
    (_u("we got a new supplier, where do i put their bank details"), "NO", "NONE"),
    (_u("The clinic has a new lab provider now, how do I add them to referrals?"), "NO", "NONE"),
    (_u("We're going with a different freight company, how do I change the default carrier?"), "NO", "NONE"),
    (_u("Our new accountant needs access, how do I invite her?"), "NO", "NONE"),
)
_SUPPLIER_LEAVING: tuple[Case, ...] = (
    (_u("We found a new provider, so please close our account."), "CRITICAL", "NONE"),
    (_u("We've found a new supplier for this service and won't need you anymore."), "CRITICAL", "NONE"),
    (_u("We found another CRM vendor, cancel our subscription."), "CRITICAL", "NONE"),
    (_u("Our new payroll provider starts in March, so we're leaving you."), "CRITICAL", "NONE"),
    (_u("We've signed with a new hosting company and we're cancelling here."), "CRITICAL", "NONE"),
    (_u("found a cheaper vendor, im done with u"), "CRITICAL", "NONE"),
    (_u("We're moving to a new bank, please close my accounts."), "CRITICAL", "NONE"),
    (_u("We have a new software provider now, please end our contract."), "CRITICAL", "NONE"),
    (_u("We found a new supplier, so we're cancelling with you."), "CRITICAL", "NONE"),
)
_PREFER_CHANNEL: tuple[Case, ...] = (
    (_u("I prefer Slack over your email digests."), "NO", "NONE"),
    (_u("We'd rather get alerts in Teams than your emails, can you post there?"), "NO", "NONE"),
    (_u("I prefer WhatsApp over your SMS notifications, is that possible?"), "NO", "NONE"),
    (_u("Our team prefers Discord over your in-app notifications."), "NO", "NONE"),
    (_u("I like Google Sheets better than your CSV export, can it sync there?"), "NO", "NONE"),
    (_u("We chose Slack over your emails for the daily summary."), "NO", "NONE"),
    (_u("i prefer telegram over ur push notifications"), "NO", "NONE"),
    (_u("I'd prefer Outlook over your calendar invites for the bookings."), "NO", "NONE"),
    (_u("We prefer Zapier over your webhooks for the hand-off to our CRM."), "NO", "NONE"),
    (_u("Could I get the weekly report in Notion rather than your PDF attachments?"), "NO", "NONE"),
    (_u("We've picked Microsoft Teams over your email alerts, how do I connect it?"), "NO", "NONE"),
)
_PREFER_RIVAL: tuple[Case, ...] = (
    (_u("Honestly I prefer Asana over your tool, we're moving."), "CRITICAL", "Asana"),
    (_u("We prefer Zendesk over your helpdesk and we're switching next month."), "CRITICAL", "Zendesk"),
    (_u("The team prefers Monzo over this bank, so we're leaving."), "CRITICAL", "Monzo"),
    (_u("We chose Mailchimp over your email platform."), "CRITICAL", "Mailchimp"),
    (_u("We've picked Shopify over your store builder."), "CRITICAL", "Shopify"),
    (_u("Our staff preferred Deputy over your scheduling app, so we're going with them."), "CRITICAL", "Deputy"),
    (_u("i prefer trello over this app tbh, cancel me"), "CRITICAL", "Trello"),
    (_u("We went with QuickBooks over your accounting software."), "CRITICAL", "QuickBooks"),
    (_u("We're leaning towards Intercom over your chat product."), "HIGH", "Intercom"),
)
# fmt: on

FORMS: dict[str, tuple[Case, ...]] = {
    "someone_else": _SOMEONE_ELSE,
    "someone_else_alike": _SOMEONE_ELSE_ALIKE,
    "slang_switch": _SLANG_SWITCH,
    "slang_alike": _SLANG_ALIKE,
    "negated_elsewhere": _NEGATED_ELSEWHERE,
    "negated_alike": _NEGATED_ALIKE,
    "renewing_ours": _RENEWING_OURS,
    "renewing_thing": _RENEWING_THING,
    "supplier_record": _SUPPLIER_RECORD,
    "supplier_leaving": _SUPPLIER_LEAVING,
    "prefer_channel": _PREFER_CHANNEL,
    "prefer_rival": _PREFER_RIVAL,
}


def split23(part: str) -> dict[str, list[tuple[Conv, str, str, None]]]:
    """Each form's cases of `part` (dev or test), with their gold: split once by SPLIT_SEED_23."""
    return split_cases(FORMS, part, SPLIT_SEED_23)


if __name__ == "__main__":
    cli(split23)
