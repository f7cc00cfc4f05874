"""Churn risk and Competitor mention: session 21's leftovers (issue 14, session 22).

- "A over you" (after a verb of choosing) and "A rather than you / your X" choose A, as "A instead
  of you" does; a lower-case A counts from a writer who capitalises nothing; "you over B" names B.
- Cue words typed one slip away ("cancle", "cancelin", "subscribtion") read as written right.
- Leaving without naming where to, not renewing, the last month paid: CRITICAL.
- Not churn: leaving negated, a hypothetical question, "instead of you" of a person or an act, an
  option chosen over another, and a complaint in the turn before about another thing of the user's.
"""

from __future__ import annotations

import pytest
from test_named_switch import _churn, _competitor  # the named switch's readers, one for both

from tracetopics_pipeline.core.facets.summarizers.local.text import respell

_FIRED = ("HIGH", "CRITICAL")


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ("We opted for Zoho over you this year.", "CRITICAL", "Zoho"),
        ("The CFO selected Ramp over your cards.", "CRITICAL", "Ramp"),
        ("We're going with Bamboo rather than your HR tool.", "CRITICAL", "Bamboo"),
        ("We went with Rippling rather than renewing with you.", "CRITICAL", "Rippling"),
        ("we picked trello over u", "CRITICAL", "Trello"),
        ("we run on todoist instead of you now", "CRITICAL", "Todoist"),
        ("We might choose Canva over your editor.", "HIGH", "Canva"),
        ("Leaning towards Gusto over this payroll app.", "HIGH", "Gusto"),
    ],
)
def test_a_provider_chosen_over_this_one(text: str, label: str, name: str) -> None:
    assert _churn(text) == label, text
    assert _competitor(text) == name, text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We chose your app over Todoist, where are the filters?", "Todoist"),
        ("We picked you over Harvest, how do I add clients?", "Harvest"),
        ("We selected this CRM over Salesforce last year.", "Salesforce"),
    ],
)
def test_this_product_chosen_over_another_names_it_without_churn(text: str, name: str) -> None:
    assert _competitor(text) == name, text
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        "We chose the monthly plan over annual.",
        "We picked Okta over Google for sign-in.",
        "Rather than SMS, can I get the alerts by email?",
        "We use Okta rather than your built-in SSO.",
        "Let me ask Omar instead of you.",
        "I'll call Dana instead of you, she runs billing.",
        "Could Tom sign it rather than you?",
        "Can I reset it myself instead of you doing it?",
        "We'll use your API instead of you emailing the files.",
        "We're moving to Postgres over this weekend.",
    ],
)
def test_an_option_a_person_or_an_act_chosen_is_no_churn(text: str) -> None:
    assert _churn(text) not in _FIRED, text
    assert _competitor(text) == "NONE", text


@pytest.mark.parametrize(
    "text",
    [
        "im cancelin my plan",
        "pls cancle my subscribtion",
        "we r cancellin",
        "Please cancell my memberhip.",
        "plz cancell our contract",
    ],
)
def test_cancel_typed_one_slip_away(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "cancle the order pls, wrong colour",
        "the webinar got cancled, can u resend the link",
        "I have cancer, can I pause my membership for a while?",
        "I don't want to cancel my subscription, just pause it.",
        "dont cancle my acount, only the extra seat",
        "We won't be switching, we just want the invoice fixed.",
    ],
)
def test_a_booking_a_real_word_or_a_negation_is_no_cancel(text: str) -> None:
    assert _churn(text) not in _FIRED, text


def test_respell_keeps_real_words_and_case() -> None:
    words = ["cancel", "canceling", "subscription", "account", "contract"]
    assert respell("Cancle my subscripton", words) == "Cancel my subscription"
    assert respell("im cancelin", words) == "im canceling"
    assert respell("cancer contact council", words) == "cancer contact council"


@pytest.mark.parametrize(
    "text",
    [
        "We're taking our custom elsewhere.",
        "I've found a better bank.",
        "We've signed up with a rival platform.",
        "We're moving all our business to a different provider.",
        "We've decided to take our money somewhere else.",
        "We've decided not to renew our licence.",
        "Our contract will not be renewed.",
        "Please don't renew our subscription.",
        "I'm not going to renew.",
        "This is the final invoice we'll pay.",
        "March is our last month with you.",
        "We're no longer paying for this after April.",
        "No more payments from me after this.",
        "We're paying for one more month and then we're out.",
    ],
)
def test_leaving_unnamed_not_renewing_or_the_last_payment(text: str) -> None:
    assert _churn(text) == "CRITICAL", text
    assert _competitor(text) == "NONE", text


@pytest.mark.parametrize(
    "text",
    [
        "I'm taking the call elsewhere, the line is bad.",
        "We found a better route to the office.",
        "Can we move the money to a different account?",
        "We're going to a different bank branch tomorrow.",
        "We won't renew our lease here, please change the address.",
        "My subscription didn't renew, please fix it.",
        "Last month we paid the wrong amount.",
        "Is this the last month of the discount?",
        "This is the final month of our trial, how do we upgrade?",
        "We stop paying the onboarding fee after March, right?",
        "If we cancel next year, do we keep our reports?",
        "Suppose we leave, can we export everything?",
        "Hypothetically, if we don't renew, is the data deleted?",
        "What happens to the invoices if we close our account?",
        "Do you keep our data if we cancel the subscription?",
    ],
)
def test_look_alikes_of_leaving_do_not_fire(text: str) -> None:
    assert _churn(text) not in _FIRED, text


def test_a_threat_on_a_condition_stays_high() -> None:
    assert _churn("One more outage and then we're leaving.") == "HIGH"
    assert _churn("If this isn't fixed by Friday we're cancelling.") == "HIGH"


@pytest.mark.parametrize(
    ("before", "move"),
    [
        ("Our printer is useless.", "We're switching to Epson, can I print reports?"),
        ("Dropbox keeps crashing, sick of it.", "We're moving to Box."),
        ("Our accountant is hopeless.", "We've switched to Grant Thornton, can they get access?"),
    ],
)
def test_a_complaint_about_another_thing_is_no_cue(before: str, move: str) -> None:
    text = f"{before}\n{move}"  # user_messages: one user turn a line
    assert _churn(text) not in _FIRED, text
    assert _competitor(text) == "NONE", text


@pytest.mark.parametrize(
    ("before", "move", "name"),
    [
        ("Our invoices are wrong again, ridiculous.", "We're moving to Xero.", "Xero"),
        ("Our team is fed up with your outages.", "We're switching to Zoho.", "Zoho"),
        ("The app is useless.", "We're moving to Notion.", "Notion"),
    ],
)
def test_a_complaint_about_this_provider_stays_a_cue(before: str, move: str, name: str) -> None:
    text = f"{before}\n{move}"
    assert _churn(text) == "CRITICAL", text
    assert _competitor(text) == name, text
