"""A parent's "<word> requests / issues / questions" name (issue 12, review rv12 H1): the word is
a noun most of the parent says (no verb's past form such as "billed" or "reported", no word one
minority subtopic says), the category noun is lower case and plural after a plural, and "issues" where the
texts report how a thing is. Phrasings from utilities, telecom, retail, travel, HR and banking,
never the demo's analytics product."""

from __future__ import annotations

import pytest
from test_labels_local import _parent, bag_of_words  # the same stand-ins

from tracetopics_pipeline.core.topics.labels.naming import (
    PARENT_NAMING,
    _participle,
    category_form,
    name_topics,
    need_noun,
)
from tracetopics_pipeline.core.topics.labels.support import text_words


def _kids_said(kids: dict[int, list[str]]):
    return [text_words(t) for _, t in sorted(kids.items())]


RESETS = {  # telecom: PIN, voicemail and SIM resets; only the SIM one says "phones"
    1: ["Reset my PIN for the account", "Reset the account PIN please"] * 3,
    2: ["Reset voicemail password", "Voicemail password reset link expired"] * 3,
    3: ["Reset SIM lock, they changed phones", "Reset SIM lock for Ana, she changed phones"] * 2,
}
METERS = {  # utilities: every subtopic says "meter"
    1: ["Book a meter reading visit", "Book a visit for a meter reading"] * 3,
    2: ["Swap my meter for a smart meter", "Smart meter swap for my flat"] * 3,
    3: ["Move the meter to the garage", "Meter move to the outside wall"] * 2,
}


@pytest.mark.parametrize(
    ("name", "kids", "expected"),
    [
        ("Phones request", RESETS, ""),  # one minority subtopic's word
        ("Phones requests", RESETS, ""),
        ("Meter Request", METERS, "Meter request"),  # a stray capital
        ("Meter question", METERS, "Meter question"),  # a phrase its texts say
        ("Meters issue", METERS, "Meters issues"),  # plural after a plural
        ("Meters Question", METERS, "Meters questions"),
        ("Meter reading visit", METERS, "Meter reading visit"),  # not of the form: as it is
        ("Reset", RESETS, "Reset"),
    ],
)
def test_category_form_needs_a_word_most_say_and_a_lower_case_noun_that_agrees(
    name, kids, expected
):
    assert category_form(name, _kids_said(kids), frozenset()) == expected


@pytest.mark.parametrize(
    ("word", "said"),
    [
        ("billed", {"bill", "invoice"}),  # banking / utilities
        ("reported", {"report"}),  # HR
        ("shipped", {"ship", "order"}),  # retail
        ("booked", {"booking", "book"}),  # travel
        ("charged", set()),  # an event verb the namer knows
        ("cancelled", {"cancel"}),
    ],
)
def test_a_past_form_of_a_word_the_texts_use_bare_is_a_participle(word, said):
    assert _participle(word, frozenset(said))
    assert category_form(f"{word.capitalize()} issues", [], frozenset(said)) == ""


@pytest.mark.parametrize("word", ["speed", "need", "feed", "embed", "shed", "red"])
def test_words_ending_in_ed_that_are_no_past_forms_pass(word):
    said = frozenset({"spee", "ne", "fee", "emb", "embeds", "sh", "re", "speeding", "needs"})
    assert not _participle(word, said)


@pytest.mark.parametrize(
    "texts",
    [
        ["The kitchen tap drips all night", "The boiler makes a banging noise at night"],
        ["My meter shows double the usage", "Our parcel sits at the depot since Monday"],
        ["The train app takes ages to open", "This payslip shows last year's tax code"],
    ],
)
def test_texts_that_report_how_a_thing_is_are_issues(texts):
    assert need_noun(texts, [1.0] * len(texts)) == "issues"


@pytest.mark.parametrize(
    "texts",
    [
        ["The kitchen tap needs a new washer, please send someone", "Our team wants SSO"],
        ["Book a plumber for Friday", "Send me a new meter"],
        ["My manager would like the payslips by email", "Change my personal details"],
    ],
)
def test_texts_that_want_something_stay_requests(texts):
    assert need_noun(texts, [1.0] * len(texts)) == "requests"


SEAMS = {  # telecom summaries with a seam: "... changed phones Request, sort out ..."
    1: ["Reset my PIN for the account", "Reset the account PIN please",
        "Reset my PIN. Phones Request, sort out the bill date"] * 3,
    2: ["Reset voicemail password", "Voicemail password reset link expired",
        "Voicemail reset for my line"] * 3,
    3: ["Reset SIM lock, they changed phones Request, sort out the invoice",
        "Reset SIM lock for Ana, she changed phones Request, sort out the top-up"] * 4,
}  # fmt: skip


def test_a_parents_category_noun_is_lower_case_and_agrees_whatever_the_seam_says():
    sibling = {
        4: ["Roaming charges in Spain", "Roaming fees abroad are too high"] * 3,
        5: ["Turn on roaming for my trip", "Enable roaming in France"] * 3,
    }
    parents = [_parent(10, SEAMS), _parent(11, sibling)]
    names = name_topics(parents, embed=bag_of_words, params=PARENT_NAMING)
    for name in names.values():
        assert name.split()[-1] not in {"Request", "Issue", "Question", "Requests", "Issues"}
    assert names[10] == "Phones requests"  # main: "Phones Request"


@pytest.mark.parametrize(
    ("label", "texts"),
    [
        ("Slack request", ["Set up slack alerts for the team Request, sort out the login",
                           "Slack channel for alerts Small request, add a chart",
                           "Send to Slack every morning, request"] * 3),
        ("Meter issues", ["Meter reset daily Issues, sort out billing",
                          "Smart meter Issues, the app is down", "meter issues again"] * 3),
        ("Roaming question", ["Roaming in Spain Question, is it free",
                              "Roaming fees Question, why so high", "roaming question"] * 3),
    ],
)  # fmt: skip
def test_a_category_noun_a_seam_capitalises_is_no_lowercase_name(label, texts):
    from test_label_context import _problems

    assert "lowercase_name" not in _problems(label, texts)
