"""Names read against their topic's texts (`labels.context`): a name cut from a longer phrase,
a slot's filler, a name typed in lower case; the fragments `label_problems` counts without the
texts; a parent's coverage of its subtopics. Phrasings from banking, travel, retail, HR and
developer tools, never the demo's."""

from __future__ import annotations

import pytest
from test_labels_local import _parent, _topic, bag_of_words  # the same stand-ins

from tracetopics_pipeline.core.topics.labels.audit import AuditedTopic, audit_topics
from tracetopics_pipeline.core.topics.labels.context import context_problems, word_context
from tracetopics_pipeline.core.topics.labels.grammar import label_problems, verb_forms
from tracetopics_pipeline.core.topics.labels.naming import name_topics
from tracetopics_pipeline.core.topics.labels.support import coverage, word_support


def _problems(label: str, texts: list[str]) -> list[str]:
    return context_problems(label, word_context(texts), verb_forms(texts))


@pytest.mark.parametrize(
    ("label", "texts"),
    [
        # the texts go on past the name's last word with one word
        ("Seat on the return", ["Change my seat on the return flight"] * 4),
        ("Share with an external", ["Share the offer letter with an external recruiter"] * 4),
        ("Refund to a gift", ["Can I get the refund to a gift card instead"] * 3),
        ("Pipeline fails on the staging", ["Pipeline fails on the staging cluster again"] * 3),
        ("Hotel booking for the family", ["Hotel booking for the family room"] * 3),
        # a verb form opens the name and the texts give it its subject
        ("Went wrong with the transfer", ["Something went wrong with the transfer"] * 3),
        ("Include a checked bag", ["Does the economy fare include a checked bag"] * 3),
        ("Shows a blank page", ["The checkout shows a blank page"] * 3),
        # "X to Y" reached from "from", or as a verb's object
        ("Monthly to annual payroll", ["Switch from monthly to annual payroll"] * 3),
        ("Economy to business class", ["Can I move from economy to business class"] * 3),
        ("Number to the booking", ["Add my loyalty number to the booking"] * 3),
        ("Code to the order", ["Apply a discount code to the order"] * 3),
        ("Bags to booking", ["Add two bags to booking", "Is the bag on my booking"] * 3),
        ("Number to the invoices", ["Add my VAT number to the invoices"] * 3),
        # two names joined by "to": a range without its "from" and its verb
        ("Basic to Premium", ["Does Basic include lounge access", "Is Premium cheaper"] * 3),
        (
            "Difference between the analyst and viewer",
            [
                "Difference between the analyst and viewer roles",
                "Difference between the viewer and editor roles",
                "Difference between the owner and viewer roles",
            ],
        ),
    ],
)
def test_cut_phrases_are_counted(label: str, texts: list[str]) -> None:
    assert "cut_phrase" in _problems(label, texts)


@pytest.mark.parametrize(
    ("label", "texts"),
    [
        ("Seat on the return flight", ["Change my seat on the return flight"] * 4),
        ("Share with an external recruiter", ["Share the offer with an external recruiter"] * 3),
        ("Something went wrong with the transfer", ["Something went wrong with the transfer"] * 3),
        ("Switch from monthly to annual payroll", ["Switch from monthly to annual payroll"] * 3),
        ("Add loyalty number to the booking", ["Add my loyalty number to the booking"] * 3),
        ("Transfer to savings", ["Transfer money to savings today"] * 3),
        # what follows is a predicate or an adverbial, not the rest of the name
        ("Dashboard load time", ["Dashboard load time went up a lot"] * 3),
        ("Payslip arrives without the totals", ["Payslip arrives without the totals attached"] * 3),
        ("Fix the search filter", ["Could the team fix the search filter"] * 3),
        (
            "Exporting straight to Google Sheets",
            ["Please add exporting straight to Google Sheets"] * 3,
        ),
        ("Password reset", ["Password reset email never arrives", "Password reset link expired"]),
        ("Parcel hasn't arrived", ["Why hasn't my parcel arrived yet"] * 3),
        ("Place to eat", ["Find me a place to eat tonight", "Find a place to eat nearby"] * 2),
        ("Currencies you support", ["Which currencies do you support", "Currencies you hold"] * 3),
    ],
)
def test_whole_names_pass(label: str, texts: list[str]) -> None:
    assert _problems(label, texts) == []


def test_a_slot_filler_is_a_detail() -> None:
    people = ["Maria", "Tom", "Ahmed", "Li", "Sara"]
    laptops = [f"Reset the laptop for {p}. They forgot the PIN" for p in people]
    assert "slot_detail" in _problems("Reset the laptop for Maria", laptops)
    assert _problems("Reset the laptop", laptops) == []
    hosts = ["GitLab", "Bitbucket", "Gitea", "Azure DevOps"]
    migrations = [f"Our team is migrating to {h} next month" for h in hosts]
    assert "slot_detail" in _problems("Team is migrating to Bitbucket", migrations)
    countries = ["Canada", "Mexico", "Brazil", "Japan", "Chile"]
    shipping = [f"Do you ship to {c}" for c in countries]
    assert "slot_detail" in _problems("Ship to Canada", shipping)
    # one filler throughout is what the topic is about
    assert _problems("Refund to credit card", ["Refund to my credit card please"] * 5) == []
    # the verb's objects vary, not what follows "to"
    sends = [f"Send the {r} report to Slack" for r in ["sales", "ops", "HR", "finance"]]
    assert _problems("Send to Slack", sends) == []


def test_a_name_typed_in_lower_case_is_counted() -> None:
    texts = [
        "Reset the VPN token for Maria",
        "reset the vpn token for maria",
        "VPN token for Maria",
    ]
    assert "lowercase_name" in _problems("Reset VPN token for maria", texts)
    retail = ["We use Shopify for the store", "we use shopify for the store"] * 2
    assert "lowercase_name" in _problems("Use shopify for the store", retail)
    # words nobody capitalises inside a sentence are not names, nor a title-cased phrase's
    assert "lowercase_name" not in _problems("Download the invoice", ["Download the invoice"] * 3)
    http = ["The API returned an Internal Server Error", "Got a Bad Gateway from the API"] * 2
    assert "lowercase_name" not in _problems("Internal server error", http)


@pytest.mark.parametrize(
    "label",
    [
        "Went wrong on checkout",  # a past form without its subject
        "Came back declined",
        "Took three days to refund",
        "Can't issue",  # a modal and its verb without the object
        "Won't approve",
        "Cannot merge",
        "Still not working payroll",  # two clauses run together
        "Never arrived refund",
        "Keeps crashing build",
        "Change it at renewal",  # "it" after a verb names nothing
        "Update it before payroll",
    ],
)
def test_fragments_without_texts(label: str) -> None:
    assert "fragment" in label_problems(label)


@pytest.mark.parametrize(
    "label",
    ["Log in and set", "Sign up and add", "Report for the weekly", "Statement for the monthly"],
)
def test_names_cut_before_their_object_or_noun(label: str) -> None:
    assert "dangling_end" in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Can't log in",
        "Won't sync",
        "Parcel never arrived",
        "App keeps crashing",
        "Charged twice",
        "Broken link in email",
        "Working hours policy",
        "Still not working",
        "Build failed on main",
        "Forgot password",
        "Upgrade to Enterprise",
        "Flights to London",
    ],
)
def test_whole_names_without_texts(label: str) -> None:
    assert "fragment" not in label_problems(label)


def _kids(spec: dict[int, list[str]]) -> list[tuple[dict[str, float], float]]:
    return [(word_support(texts), float(len(texts))) for _, texts in sorted(spec.items())]


def test_coverage_counts_subtopics_that_hold_every_word() -> None:
    kids = _kids(
        {
            1: ["Export the payroll report to CSV"] * 3,
            2: ["Export the payroll report to Excel"] * 3,
            3: ["Export the payroll report as PDF"] * 4,
        }
    )
    assert coverage("Payroll report as CSV", kids) == pytest.approx(0.3)
    assert coverage("Export payroll report", kids) == 1.0
    assert coverage("Report issues", kids) == 1.0  # a category noun needs no support
    assert coverage("Exports of the payroll", kids) == 1.0  # stems: "exports" is "export"


def test_a_parent_is_named_by_what_its_subtopics_share() -> None:
    kids = {
        1: ["Export the payroll report to CSV", "Export payroll report to CSV please"] * 2,
        2: ["Export the payroll report to Excel", "Export payroll report to Excel now"] * 2,
        3: ["Export the payroll report as PDF", "Export payroll report as PDF today"] * 3,
    }
    parent = _parent(10, kids)
    other = _topic(11, ["Approve the leave request", "Approve a leave request for Friday"])
    names = name_topics([parent, other], embed=bag_of_words, params=_parent_params())
    name = names[10]
    assert not {"csv", "excel", "pdf"} & set(name.lower().split()), name
    assert coverage(name, _kids(kids)) >= 0.5


def _parent_params():
    from tracetopics_pipeline.core.topics.labels.naming import PARENT_NAMING

    return PARENT_NAMING


def test_a_slot_filler_never_names_a_topic() -> None:
    people = ["Maria", "Tom", "Ahmed", "Li", "Sara", "maria", "tom"]
    texts = [f"Unlock the door badge for {p}. They are locked out" for p in people]
    name = name_topics([_topic(1, texts)], embed=bag_of_words)[1]
    assert not {p.lower() for p in people} & set(name.lower().split()), name
    assert _problems(name, texts) == []


def test_the_audit_counts_the_new_kinds() -> None:
    csv = ["Export the payroll report to CSV"] * 3
    xls = ["Export the payroll report to Excel"] * 3
    pdf = ["Export the payroll report as PDF"] * 4
    kids = _kids({1: csv, 2: xls, 3: pdf})
    people = [f"Reset the laptop for {p}" for p in ["Maria", "Tom", "Ahmed", "Li"]]
    parents = [
        AuditedTopic(10, "Payroll report as CSV", {}, children=3, children_support=kids),
        AuditedTopic(11, "Export payroll report", {}, children=3, children_support=kids),
    ]
    for p in parents:  # support is not what this test is about
        p.support = {w: 1.0 for w in ("payrol", "report", "csv", "export")}
    subs = [
        AuditedTopic(
            1,
            "Reset the laptop for Maria",
            word_support(people) | {"maria": 1.0},
            parent=11,
            context=word_context(people),
        ),
        AuditedTopic(2, "Reset the laptop", word_support(people), context=word_context(people)),
    ]
    got = audit_topics(parents, subs)
    assert "low_coverage" in got[("parent", 10)]
    assert "low_coverage" not in got[("parent", 11)]
    assert "slot_detail" in got[("sub", 1)]
    assert got[("sub", 2)] == []


@pytest.mark.parametrize(
    ("label", "texts"),
    [
        # a statement cut before the complement that makes it a problem
        ("Payslips arrive", ["Payslips arrive with a blank attachment"] * 3),
        ("Boarding passes arrive", ["Boarding passes arrive empty in the app"] * 3),
        ("Order confirmation was sent", ["Order confirmation was sent to the wrong address"] * 3),
        ("Nightly build runs", ["Nightly build runs but the artifacts are missing"] * 3),
        # ... or cut before the negation of a later clause
        ("Payment went through", ["My payment went through but the money never arrived"] * 4),
        ("Card works online", ["My card works online but not in shops"] * 3),
        ("Refund processed", ["Refund processed but not received yet"] * 3),
        ("Timesheet reminders go out", ["Timesheet reminders go out but nobody opens them"] * 3),
        # "slow" as a predicate, or before a gerund, says it went wrong
        ("Dashboard loads", ["Dashboard loads so slow", "The dashboard loads too slow"] * 2),
        ("Checkout page opens", ["Checkout page opens slow on mobile"] * 3),
        ("Page renders", ["Page renders with slow loading fonts"] * 3),
        ("Sync completes", ["Sync completes but is really slow"] * 3),
        (
            "Deploy succeeds",
            ["Deploy succeeds though no pods start", "Deploy succeeds, no pods"] * 2,
        ),
    ],
)
def test_a_statement_without_its_texts_problem_is_counted(label: str, texts: list[str]) -> None:
    assert "drops_polarity" in label_problems(
        label, context=word_context(texts), verbs=verb_forms(texts)
    )


@pytest.mark.parametrize(
    ("label", "texts"),
    [
        ("Payslips arrive late", ["Payslips arrive late every month"] * 3),  # the name says it
        ("Card payment declined", ["Card payment declined at the store"] * 3),
        ("Payslip attachment", ["Payslips arrive with a blank attachment"] * 3),  # a noun phrase
        ("Transfer money abroad", ["I cannot transfer money abroad"] * 3),  # a request
        ("Parcel arrived", ["Parcel arrived today, thank you"] * 3),  # nothing went wrong
        ("Booking confirmed", ["Booking confirmed for two nights"] * 3),
        # "later" is a time, not a problem; "slow" before a noun names a kind of thing
        ("Report is sent", ["Report is sent later in the evening"] * 3),
        ("Courier called", ["Courier called, will try again later today"] * 3),
        ("Cooker arrived", ["My new slow cooker arrived today"] * 3),
        ("Ferry was booked", ["Ferry was booked on the slow route via Crete"] * 3),
        # a minority of the texts says it went wrong
        (
            "Build runs nightly",
            ["Build runs nightly", "Build runs nightly at two", "Build runs nightly but fails"],
        ),
    ],
)
def test_statements_that_agree_with_their_texts_pass(label: str, texts: list[str]) -> None:
    probs = label_problems(label, context=word_context(texts), verbs=verb_forms(texts))
    assert "drops_polarity" not in probs, probs


@pytest.mark.parametrize(
    "texts",
    [
        # the whole statement is longer than a name: its first six words stop before "empty"
        ["Scheduled payroll exports arrive with an empty spreadsheet"] * 4
        + ["Scheduled payroll exports arrive with an empty spreadsheet today"] * 2,
        ["Nightly backup job completes but the archive is empty"] * 3
        + ["Nightly backup job completes, archive empty"] * 2,
    ],
)
def test_the_namer_never_states_the_opposite_of_its_texts(texts: list[str]) -> None:
    other = _topic(2, ["Close my savings account"] * 3)
    name = name_topics([_topic(1, texts), other], embed=bag_of_words)[1]
    assert "empty" in name.lower(), name


@pytest.mark.parametrize(
    ("label", "texts"),
    [
        (
            "Team is rolling out",
            [
                "Our IT team is rolling out Okta",
                "Our team is rolling out Entra ID, what do you need",
                "IT team is rolling out OneLogin next week",
                "Team is rolling out JumpCloud",
            ],
        ),
        (
            "Admin keeps turning off",
            [
                "Admin keeps turning off MFA",
                "Admin keeps turning off alerts for everyone",
                "The admin keeps turning off notifications",
            ],
        ),
        (
            "Branch is handing out",
            [
                "The branch is handing out new cards",
                "Branch is handing out cash cards",
                "Branch is handing out PIN letters",
            ],
        ),
    ],
)
def test_a_statement_cut_before_its_phrasal_verbs_object_is_counted(label, texts) -> None:
    assert "cut_phrase" in label_problems(
        label, context=word_context(texts), verbs=verb_forms(texts)
    )


@pytest.mark.parametrize(
    ("label", "texts"),
    [
        (
            "New card is rolling out",
            ["The new card is rolling out", "New card is rolling out. When"] * 2,
        ),
        ("Top up card", ["Top up card with cash", "Top up card from savings", "Top up card today"]),
        (
            "Team signed up",
            ["Our team signed up", "Team signed up yesterday", "The team signed up"],
        ),
    ],
)
def test_a_phrasal_verb_whose_texts_stop_there_is_whole(label, texts) -> None:
    probs = label_problems(label, context=word_context(texts), verbs=verb_forms(texts))
    assert "cut_phrase" not in probs, probs
