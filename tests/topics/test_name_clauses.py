"""Names that are pieces of a clause rather than noun phrases (issue 12, eighth round): a bare
noun joined to a verb with its tense ("[Dashboard loads all] tiles and takes ages"), a reporting
verb cut after the subject of what it reports ("Recipients say the link [expired]"), a time
adverbial before a clause ("[This] week we'll look at other tools"). Phrasings from banking,
travel, retail, HR and developer tools, never the demo's."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.topics.labels.grammar import label_problems


@pytest.mark.parametrize(
    "label",
    [
        "Tiles and takes ages",
        "Statement and says pending",  # banking
        "Boarding pass and shows the wrong gate",  # travel
        "Parcel and keeps bouncing back",  # retail
        "Payslip and went missing",  # HR
        "Pipeline and takes forever",  # devtools
        "Next quarter and won't renew",
        "End of the month and can't pay rent",  # banking
        "Refund and didn't arrive",  # retail
        "Contract and doesn't cover overtime",  # HR
        "Week we'll look at other tools",
        "Month they cancel the card",
        "Weekend we're flying out",
        "Quarter they cut our budget",
    ],
)
def test_a_clause_without_its_subject_is_a_fragment(label: str) -> None:
    assert "fragment" in label_problems(label), label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Recipients say the link",
        "Customers report the checkout",
        "Guests said the room",  # travel
        "Employees think the payslip",  # HR
        "Users complain the build",
        "We noticed the transfer",
        "Say the link",  # the subject cut too
        "Thinks the invoice",
    ],
)
def test_a_reported_clause_cut_after_its_subject_dangles(label: str) -> None:
    assert "dangling_end" in label_problems(label), label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Invoices and reports",  # two nouns
        "Invoices and reports for finance",
        "Export and download",  # bare verbs
        "Card declined and refund pending",
        "Flight delayed and rebooked",
        "Users say the link expired",  # the reported clause is whole
        "Report the checkout bug",  # an imperative
        "Report a lost card",
        "Third time I'm asking",
        "Today I'm fed up",  # an adverb on its own: the sentence is whole
        "Friday I'm leaving the company",
        "Card payment I don't recognize",
        "Weekly report by email",
        "Month end close",
        "Payroll runs twice a month",
        "Refund takes ages",
        "Card declined and won't work",  # the first half has its verb
        "Charts won't load",
        "Tiles flicker and never finish loading",  # a plural subject and its verb
        "Payslips arrive late and show the old rate",
    ],
)
def test_whole_names_pass(label: str) -> None:
    probs = label_problems(label)
    assert "fragment" not in probs and "dangling_end" not in probs, probs


@pytest.mark.parametrize(
    "label",
    [
        "Minutes longer requests",
        "Hours later issues",
        "Seconds slower questions",
        "Refund takes days longer",  # banking
        "Slower issues",
        "Fewer requests",
        "Minutes issues",  # a unit alone as a category's head
        "Hours requests",
        "Today questions",  # a day as a category's head
        "Weekend issues",
    ],
)
def test_a_measure_and_its_comparison_names_nothing(label: str) -> None:
    assert "measure" in label_problems(label), label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Slower dashboards",
        "Faster checkout",
        "Working hours policy",
        "Office hours requests",
        "Late payment requests",
        "Refund within 5 days",
    ],
)
def test_a_comparison_before_its_noun_is_a_name(label: str) -> None:
    assert "measure" not in label_problems(label)


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        ([f"Share a chart snapshot in #{c}" for c in ["ops"] * 11 + ["marketing"] * 8
          + ["data-team"] * 7 + ["exec"] * 7 + ["analytics"] * 5]
         + ["Share a chart snapshot in #sales-alerts"] * 4, "Chart snapshot in ops"),
        ([f"Post the payout report in #{c}" for c in ["finance"] * 9 + ["treasury"] * 8
          + ["payroll"] * 7 + ["audit"] * 6], "Payout report in finance"),
        ([f"Assign the ticket to @{p}" for p in ["maria"] * 5 + ["tom"] * 5 + ["li"] * 4
          + ["ahmed"] * 4], "Assign the ticket to maria"),
        ([f"Tag the release with #{t}" for t in ["hotfix"] * 6 + ["beta"] * 5 + ["ios"] * 5
          + ["android"] * 4], "Tag the release with hotfix"),
    ],
)  # fmt: skip
def test_a_handle_among_handles_is_a_slots_detail(texts: list[str], name: str) -> None:
    """A channel, a person or a tag written as a handle ("#ops", "@maria") is a name whatever
    its case: one of several in a slot is one request's detail."""
    from tracetopics_pipeline.core.topics.labels.context import word_context

    ctx = word_context(texts)
    assert "slot_detail" in label_problems(name, context=ctx)
    plain = " ".join(name.split()[:-2])  # the name without its slot
    assert "slot_detail" not in label_problems(plain, context=ctx)


@pytest.mark.parametrize(
    ("verb", "goes_on"),
    [("refund", "the order"), ("approve", "the leave request"), ("rebook", "the flight"),
     ("merge", "the pull request")],
)  # fmt: skip
def test_a_modal_and_its_verb_is_whole_where_the_texts_stop_there(verb: str, goes_on: str):
    """ "Can't refund" lacks its object; where every text stops there (an agent's refusal
    summarised as "can't refund") it is what they say, not a piece cut from them."""
    from tracetopics_pipeline.core.topics.labels.context import word_context

    name = f"Can't {verb}"
    stops = word_context([f"Refusal: can't {verb}"] * 6 + ["Refusal: can't help"] * 2)
    assert "fragment" not in label_problems(name, context=stops)
    longer = word_context([f"Refusal: can't {verb} {goes_on}"] * 6)
    assert "fragment" in label_problems(name, context=longer)
    assert "fragment" in label_problems(name)  # without texts: as before


@pytest.mark.parametrize(
    "label",
    [
        "Honestly We're evaluating Revolut",
        "Seriously the payslip is wrong",
        "Frankly checkout keeps failing",
        "Actually cancel my booking",
        "Basically the build is broken",
    ],
)
def test_a_stance_adverb_opening_a_name_is_an_aside(label: str) -> None:
    assert "aside" in label_problems(label)


@pytest.mark.parametrize(
    "label", ["We're evaluating Revolut", "Payslip is wrong", "Actual balance is wrong"]
)
def test_the_same_names_without_the_aside_pass(label: str) -> None:
    assert "aside" not in label_problems(label)


def test_the_audit_counts_each_class():
    from tracetopics_pipeline.core.topics.labels.audit import AuditedTopic, audit_topics

    names = {
        1: ("Tiles and takes ages", "fragment"),
        2: ("Recipients say the link", "dangling_end"),
        3: ("Minutes longer requests", "measure"),
        4: ("Honestly We're evaluating Revolut", "aside"),
        5: ("Week we'll look at other tools", "fragment"),
    }
    subs = [AuditedTopic(i, name, {}, parent=10) for i, (name, _) in names.items()]
    found = audit_topics([AuditedTopic(10, "Parent", {}, children=5)], subs)
    for i, (name, kind) in names.items():
        assert kind in found[("sub", i)], (name, found[("sub", i)])


@pytest.mark.parametrize(
    "label", ["Fed requests", "Logged issues", "Timed questions", "Held settings", "Signed access"]
)
def test_a_phrasal_verbs_past_without_its_particle_heads_no_category(label: str) -> None:
    """ "[I'm] fed up" read as a word shared by the texts: "Fed requests" lost the particle."""
    assert "fragment" in label_problems(label)


@pytest.mark.parametrize(
    "label", ["Log issues", "Setup requests", "Sign-in issues", "Top-up limits"]
)
def test_a_noun_before_a_category_passes(label: str) -> None:
    assert "fragment" not in label_problems(label)
