"""Churn risk and Competitor mention: session 23's leftovers, new phrasings (issue 14, session 24).

Written by hand BEFORE the rule change of this pass and committed alone. Session 23 left misses
(slang switching to an unlisted lower-case vendor, "might go with someone else", "our contract
with you won't be renewed", "we arent renewing", a negation far from the act with no comma
between) and a false alarm (a third party choosing another provider in one sentence and the CRM
record asked for in the next: "The company went with a competitor. Mark the deal lost."). Each
form has ten or more phrasings in varied domains and registers (typos, no apostrophes, slang,
non-native English); each has look-alikes:

- `slang_unknown`: leaving said in slang or text-speak for a vendor no list knows, in lower case
  ("imma switch to xero", "finna move our payroll to gusto"): CRITICAL (HIGH when weighed), the
  vendor named. `slang_alike`: the same slang for a plan, a setting, a folder, a language.
- `might_someone_else`: "might / may / could end up / considering" going with someone else,
  another provider, a different vendor: HIGH, no name. `someone_else_alike`: not going with
  someone else, someone else for a concert or a colour, a hypothetical question, a third party
  (a client, a customer) that might.
- `renewed_with_you`: the user's contract, plan or licence "with you / your company" not renewed
  ("Our contract with you won't be renewed"): CRITICAL.
- `no_apostrophe`: not renewing written without apostrophes or in text-speak ("we arent
  renewing", "we wont renew", "we r not renewing"): CRITICAL. `renewing_alike`: a thing not
  renewing written the same way (a cert, a lease, a passport, a contract with a landlord or a
  cleaner), a renewal that failed, a client's contract, a hypothetical: no churn.
- `runon_negation`: a cancel or leaving request whose sentence negates something else first,
  with no comma between ("Don't switch me to annual just cancel my subscription"): CRITICAL.
  `runon_alike`: the cancel itself is negated, however far away or however run on ("Do not I
  repeat do not cancel our contract"): no churn.
- `crm_next_sentence`: a CRM user's third party (a company, prospect, client, a named account)
  choosing another provider, the record asked for in the next sentence or turn ("The company
  went with a competitor. Mark the deal lost."): no churn, no name. `crm_own`: the user's own
  organisation choosing another provider, an account action in the next sentence ("We went with
  someone else. Please cancel our subscription."): CRITICAL.

Gold: Churn CRITICAL / HIGH / NO (LOW or MEDIUM) and the competitor named (NONE for none). Read
and scored as churn_leftovers_set21 reads its cases (`read`, `score_parts`). Split once by
SPLIT_SEED_24 (held_out.split_forms) into dev (tuned on) and test (reported once).

    .venv/bin/python bench/churn_set24.py [--parts dev,test] [--misses]
"""

from __future__ import annotations

import _common  # noqa: F401  (offline defaults)
from churn_set22 import cli, split_cases
from held_out import Conv
from held_out import conv as _conv
from held_out import user as _u

SPLIT_SEED_24 = 24

# (case, churn gold, competitor gold)
Case = tuple[Conv, str, str]

# fmt: off
_SLANG_UNKNOWN: tuple[Case, ...] = (
    (_u("imma switch to xero, this is a mess"), "CRITICAL", "Xero"),
    (_u("finna move our payroll to gusto fr"), "CRITICAL", "Gusto"),
    (_u("bout to switch to mailerlite no cap"), "CRITICAL", "Mailerlite"),
    (_u("ima move everything over to zoho"), "CRITICAL", "Zoho"),
    (_u("tryna switch to kajabi asap, ur checkout keeps failing"), "CRITICAL", "Kajabi"),
    (_u("gonna switch to bamboohr next month ngl"), "CRITICAL", "Bamboohr"),
    (_u("fixin to switch our phones to ringcentral"), "CRITICAL", "Ringcentral"),
    (_u("we finna jump to wrike, yall too slow"), "CRITICAL", "Wrike"),
    (_u("imma switch 2 tide cuz ur app keeps crashin"), "CRITICAL", "Tide"),
    (_u("bout to move my store to wix tbh"), "CRITICAL", "Wix"),
    (_u("imma take my business to chime, done here"), "CRITICAL", "Chime"),
    (_u("might switch to freshbooks ngl"), "HIGH", "Freshbooks"),
    (_u("thinkin bout movin to keap fr"), "HIGH", "Keap"),
)
_SLANG_ALIKE: tuple[Case, ...] = (
    (_u("imma switch to the yearly plan, whats the price"), "NO", "NONE"),
    (_u("finna move to a bigger desk at the office, update my seat"), "NO", "NONE"),
    (_u("bout to switch to my personal card for this one"), "NO", "NONE"),
    (_u("ima move everything over to the new folder"), "NO", "NONE"),
    (_u("tryna switch to english, the app is in spanish"), "NO", "NONE"),
    (_u("gonna switch to metric units in the report"), "NO", "NONE"),
    (_u("imma switch 2 dark mode cuz my eyes hurt"), "NO", "NONE"),
    (_u("bout to move my store to the new domain, how do i point it"), "NO", "NONE"),
    (_u("finna switch to weekly emails instead of daily"), "NO", "NONE"),
    (_u("fixin to switch our phones to the new numbers, how"), "NO", "NONE"),
    (_u("imma jump to the next lesson, this one is done"), "NO", "NONE"),
)
_MIGHT_SOMEONE_ELSE: tuple[Case, ...] = (
    (_u("We might go with someone else next year."), "HIGH", "NONE"),
    (_u("Honestly we may go with another provider if this keeps happening."), "HIGH", "NONE"),
    (_u("Our company might go with someone else when the contract is up."), "HIGH", "NONE"),
    (_u("i might go w someone else tbh"), "HIGH", "NONE"),
    (_u("We are considering to go with other provider, the price is too high."), "HIGH", "NONE"),
    (_u("Thinking we might go with a different vendor for the renewal."), "HIGH", "NONE"),
    (_u("The board may well go with someone else after this outage."), "HIGH", "NONE"),
    (_u("If this isn't fixed by Friday we might go with someone else."), "HIGH", "NONE"),
    (_u("might just go with another bank at this point"), "HIGH", "NONE"),
    (_u("We could end up going with a competitor, to be honest."), "HIGH", "NONE"),
    (_u("my boss says we might go with someone else for the payroll"), "HIGH", "NONE"),
)
_SOMEONE_ELSE_ALIKE: tuple[Case, ...] = (
    (_u("We're not going with someone else, we just need the invoice fixed."), "NO", "NONE"),
    (_u("No, we are not going with another provider. Can you extend the trial?"), "NO", "NONE"),
    (_u("I might go with someone else to the concert, can I transfer my ticket?"), "NO", "NONE"),
    (_u("We might go with a different colour for the dashboard, where are the themes?"), "NO", "NONE"),
    (_u("If we went with someone else one day, would we lose our data?"), "NO", "NONE"),
    (_u("My client might go with someone else, how do I mark the deal at risk?"), "NO", "NONE"),
    (_u("The customer may go with another supplier, can you draft a retention email?"), "NO", "NONE"),
    (_u("We thought about going with someone else but we're staying with you."), "NO", "NONE"),
    (_u("Might go with a different template for the newsletter this week."), "NO", "NONE"),
    (_u("never going with someone else, u guys are great"), "NO", "NONE"),
)
_RENEWED_WITH_YOU: tuple[Case, ...] = (
    (_u("Our contract with you won't be renewed."), "CRITICAL", "NONE"),
    (_u("The subscription with your company will not be renewed in March."), "CRITICAL", "NONE"),
    (_u("Our agreement with you guys is not going to be renewed."), "CRITICAL", "NONE"),
    (_u("my plan w/ u wont be renewed"), "CRITICAL", "NONE"),
    (_u("The licence we have with you will not be renewed after this term."), "CRITICAL", "NONE"),
    (_u("Our membership with your gym won't be renewed, please note it."), "CRITICAL", "NONE"),
    (_u("The service contract with your firm is not being renewed."), "CRITICAL", "NONE"),
    (_u("Our account with you won't be renewed next year, we've decided."), "CRITICAL", "NONE"),
    (_u("Please note that the contract with your company shall not be renewed."), "CRITICAL", "NONE"),
    (_u("the support plan we got with you isnt getting renewed"), "CRITICAL", "NONE"),
)
_NO_APOSTROPHE: tuple[Case, ...] = (
    (_u("we arent renewing"), "CRITICAL", "NONE"),
    (_u("we arent renewing our plan this year"), "CRITICAL", "NONE"),
    (_u("ive decided im not renewing"), "CRITICAL", "NONE"),
    (_u("we wont renew the contract"), "CRITICAL", "NONE"),
    (_u("wont be renewing my membership"), "CRITICAL", "NONE"),
    (_u("we dont plan to renew"), "CRITICAL", "NONE"),
    (_u("our company isnt renewing the license with u"), "CRITICAL", "NONE"),
    (_u("i dont want to renew, we are done"), "CRITICAL", "NONE"),
    (_u("we arent gonna renew the service"), "CRITICAL", "NONE"),
    (_u("Hello, we are not going to renew subscription."), "CRITICAL", "NONE"),
    (_u("we r not renewing"), "CRITICAL", "NONE"),
)
_RENEWING_ALIKE: tuple[Case, ...] = (
    (_u("the cert isnt renewing on my custom domain"), "NO", "NONE"),
    (_u("we arent renewing the lease so pls change our shipping address"), "NO", "NONE"),
    (_u("my passport wont be renewed in time, can i use my id card"), "NO", "NONE"),
    (_u("our contract with the landlord wont be renewed, where do i update the address"), "NO", "NONE"),
    (_u("The contract with our cleaning company won't be renewed, how do I archive them as a vendor?"), "NO", "NONE"),
    (_u("my subscription didnt renew and i want it to, can u check"), "NO", "NONE"),
    (_u("autorenew isnt renewing my plan, the card is fine"), "NO", "NONE"),
    (_u("The client's contract with us won't be renewed, how do I mark it in the CRM?"), "NO", "NONE"),
    (_u("If we dont renew, do we keep access until the end of the month?"), "NO", "NONE"),
    (_u("Our domain with you isn't renewing automatically, please fix the auto-renew."), "NO", "NONE"),
    (_u("im not renewing my gym locker, just the membership"), "NO", "NONE"),
)
_RUNON_NEGATION: tuple[Case, ...] = (
    (_u("Don't switch me to annual just cancel my subscription"), "CRITICAL", "NONE"),
    (_u("I dont want the discount or the pause or a call from sales I just want to cancel my account"), "CRITICAL", "NONE"),
    (_u("No I do not need you to transfer me to anyone I want to close my account"), "CRITICAL", "NONE"),
    (_u("not interested in any offers just cancel my membership please"), "CRITICAL", "NONE"),
    (_u("I don't need help with the settings I want you to terminate our contract"), "CRITICAL", "NONE"),
    (_u("Please do not send me another survey just delete my account"), "CRITICAL", "NONE"),
    (_u("dont offer me a discount again we are cancelling the service"), "CRITICAL", "NONE"),
    (_u("We don't want to talk to retention we want the account closed today"), "CRITICAL", "NONE"),
    (_u("no need to call me back just cancel the plan"), "CRITICAL", "NONE"),
    (_u("I am not wanting the upgrade I want to stop my subscription and close account"), "CRITICAL", "NONE"),
    (_u("Don't bother with the troubleshooting steps we are switching to another provider"), "CRITICAL", "NONE"),
)
_RUNON_ALIKE: tuple[Case, ...] = (
    (_u("Don't switch me to annual or cancel my subscription I just want the invoice"), "NO", "NONE"),
    (_u("Please do not under any circumstances cancel my membership"), "NO", "NONE"),
    (_u("I don't want you to go ahead and cancel my subscription yet"), "NO", "NONE"),
    (_u("I never asked anyone to close my account please reopen it"), "NO", "NONE"),
    (_u("Do not I repeat do not cancel our contract"), "NO", "NONE"),
    (_u("we dont want the account closed we want the extra user removed"), "NO", "NONE"),
    (_u("I don't think we should cancel the plan just yet"), "NO", "NONE"),
    (_u("No one here wants to cancel the service we just need the export fixed"), "NO", "NONE"),
    (_u("please dont go and delete my account i just want to change my email"), "NO", "NONE"),
    (_u("There is no way I would cancel my subscription over this just fix the login"), "NO", "NONE"),
)
_CRM_NEXT_SENTENCE: tuple[Case, ...] = (
    (_u("The company went with a competitor. Mark the deal lost."), "NO", "NONE"),
    (_u("Acme signed with another vendor. Please close the opportunity as lost."), "NO", "NONE"),
    (_u("The prospect went with someone else. Update the stage to Closed Lost."), "NO", "NONE"),
    (_u("Client chose a different provider. Log it and set a follow-up for next quarter."), "NO", "NONE"),
    (_u("The account went with a cheaper supplier. Can you move the deal to lost?"), "NO", "NONE"),
    (_u("Northwind picked another agency. Please add a note to the opportunity."), "NO", "NONE"),
    (_u("The lead is going with a competitor. Change the status to disqualified."), "NO", "NONE"),
    (_u("the customer went w another vendor. mark opp as lost pls"), "NO", "NONE"),
    (_u("The firm decided to go with someone else. Record the loss reason as price."), "NO", "NONE"),
    (_conv("The prospect went with someone else.", "Sorry to hear that. What would you like to do with the deal?",
           "Mark it closed lost."), "NO", "NONE"),
    (_u("Globex has gone with another provider! Close the deal in the pipeline as lost."), "NO", "NONE"),
)
_CRM_OWN: tuple[Case, ...] = (
    (_u("Our company went with a competitor. Please close our account."), "CRITICAL", "NONE"),
    (_u("We signed with another vendor. Cancel the subscription."), "CRITICAL", "NONE"),
    (_u("We went with someone else. Please end our contract."), "CRITICAL", "NONE"),
    (_u("Our team picked a different provider. Close the account at the end of the month."), "CRITICAL", "NONE"),
    (_u("We've gone with another CRM. Delete our workspace please."), "CRITICAL", "NONE"),
    (_u("My firm chose a different supplier. Cancel our plan."), "CRITICAL", "NONE"),
    (_u("we went w someone else. cancel pls"), "CRITICAL", "NONE"),
    (_u("Our practice went with another provider. Please terminate our agreement with you."), "CRITICAL", "NONE"),
    (_u("We have decided to go with other company. Please stop the billing from next month."), "CRITICAL", "NONE"),
    (_u("The board chose a different platform for us. Mark our account for closure."), "CRITICAL", "NONE"),
)
# fmt: on

FORMS: dict[str, tuple[Case, ...]] = {
    "slang_unknown": _SLANG_UNKNOWN,
    "slang_alike": _SLANG_ALIKE,
    "might_someone_else": _MIGHT_SOMEONE_ELSE,
    "someone_else_alike": _SOMEONE_ELSE_ALIKE,
    "renewed_with_you": _RENEWED_WITH_YOU,
    "no_apostrophe": _NO_APOSTROPHE,
    "renewing_alike": _RENEWING_ALIKE,
    "runon_negation": _RUNON_NEGATION,
    "runon_alike": _RUNON_ALIKE,
    "crm_next_sentence": _CRM_NEXT_SENTENCE,
    "crm_own": _CRM_OWN,
}


def split24(part: str) -> dict[str, list[tuple[Conv, str, str, None]]]:
    """Each form's cases of `part` (dev or test), with their gold: split once by SPLIT_SEED_24."""
    return split_cases(FORMS, part, SPLIT_SEED_24)


if __name__ == "__main__":
    cli(split24)
