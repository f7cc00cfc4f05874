"""Names are noun phrases, not a sentence's head or a part cut from its whole (issue 12, label
audit): a span never opens on a subject pronoun ("We're switching", "They've charged me
twice": `subject_head`), a name ending in "the end" / "a copy" whose texts go on with "of ..."
is cut (`cut_phrase`), and a word only one of a topic's traces says never enters its name
(`support.one_trace_words`). Phrasings from banking, retail, telco, HR and travel; look-alikes
that must not fire beside each."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.topics.labels.context import word_context
from tracetopics_pipeline.core.topics.labels.grammar import candidate_phrases, label_problems


@pytest.mark.parametrize(
    "label",
    [
        "We're switching",
        "We're cancelling subscription at the end",
        "They've charged me twice",
        "You're billing the wrong card",
        "I'll port my number",
        "We\u2019ll move payroll to Xero",
        "She's moving to another branch",
    ],
)
def test_a_name_opening_on_a_subject_pronoun_is_a_sentence_head(label):
    assert "subject_head" in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Switching to Metabase",
        "Today I'm fed up",
        "Card payment I don't recognize",
        "Can I export to Excel",
        "Wes Anderson tickets",  # a name that begins with the letters of a pronoun
        "Shelf life of yogurt",
        "Theyre app login",  # no apostrophe: not the contraction
    ],
)
def test_names_without_a_subject_pronoun_opening_pass(label):
    assert "subject_head" not in label_problems(label)


@pytest.mark.parametrize(
    "text",
    [
        "We're switching to Metabase next quarter",
        "They've charged me twice for one parcel",
        "You're still billing my old card",
        "We'll move payroll to Xero in January",
    ],
)
def test_no_candidate_phrase_opens_on_a_subject_pronoun(text):
    heads = {ph[0] for ph in candidate_phrases(text)}
    assert heads, text
    assert not {"we're", "they've", "you're", "we'll"} & heads


@pytest.mark.parametrize(
    ("texts", "label"),
    [
        (
            [
                "We're cancelling our subscription at the end of the billing period",
                "Cancel at the end of the month please",
                "Stop the plan at the end of the contract",
                "Cancelling at the end of our trial",
            ],
            "Cancelling subscription at the end",
        ),
        (
            [
                "I need a copy of the signed contract",
                "Send me a copy of my payslip",
                "Can I get a copy of the invoice",
                "Lost my copy of the lease",
            ],
            "Need a copy",
        ),
        (
            [
                "Moving my flight to the start of the week",
                "Rebook at the start of June",
                "Change it to the start of next month",
            ],
            "Flight to the start",
        ),
    ],
)
def test_a_part_whose_texts_go_on_with_of_is_cut(texts, label):
    ctx = word_context(texts, [1.0] * len(texts))
    assert "cut_phrase" in label_problems(label, context=ctx)


@pytest.mark.parametrize(
    ("texts", "label"),
    [
        (
            [
                "The fee is shown at the end",
                "I only saw it at the end",
                "Charged at the end",
                "appears at the end of the page",
            ],
            "Fee at the end",
        ),
        (["Print a copy", "I want a copy", "Can you mail me a copy please"], "Want a copy"),
        (
            [
                "Change of address for my account",
                "Change of address after a move",
                "Address change please",
            ],
            "Change of address",
        ),
    ],
)
def test_a_part_its_texts_end_on_is_whole(texts, label):
    ctx = word_context(texts, [1.0] * len(texts))
    assert "cut_phrase" not in label_problems(label, context=ctx)


PAIRED = {
    "payroll": {
        0: [
            "My payslip is missing overtime",
            "Overtime not on the payslip",
            "Payslip without my overtime hours",
        ],
        1: ["Payslip shows the wrong tax code", "Wrong tax code on my payslip"],
        2: [
            "Expense claim was rejected",
            "Why was my expense claim rejected",
            "Claim rejected for the taxi receipt",
        ],
        3: ["Mileage claim not reimbursed yet", "Still waiting on my mileage claim"],
    },
    "carrier": {
        0: [
            "Extra charges on my November bill",
            "Bill has charges I don't know",
            "Why is my bill higher this month",
        ],
        1: [
            "Autopay failed again",
            "Autopay didn't take the payment",
            "My autopay card was declined",
        ],
    },
    "shop": {
        0: [
            "Parcel is stuck at the depot",
            "My parcel hasn't moved in days",
            "Parcel still not delivered",
        ],
        1: [
            "Return label not working",
            "Need a return label for the shoes",
            "How do I print the return label",
        ],
        2: ["Refund for the returned shoes missing", "Refund not received for my return"],
    },
}


def _pair(kids: dict[int, list[str]]) -> str:
    import numpy as np
    from test_labels_local import _parent, bag_of_words

    from tracetopics_pipeline.core.topics.labels.grammar import verb_forms
    from tracetopics_pipeline.core.topics.labels.naming import pair_name

    p = _parent(0, kids)
    centroid = p.centroid / np.linalg.norm(p.centroid)
    others = bag_of_words(["Reset my password", "Enable SSO with Okta"])
    return pair_name(p, embed=bag_of_words, centroid=centroid, others=others,
                     verbs=verb_forms(p.texts), avoid=set(), surface={})  # fmt: skip


@pytest.mark.parametrize(
    ("domain", "words"),
    [
        ("payroll", {"claim", "payslip"}),
        ("carrier", {"autopay", "bill"}),
        ("shop", {"parcel", "return"}),
    ],
)
def test_a_parent_no_one_object_names_is_named_by_two_its_subtopics_share(domain, words):
    from tracetopics_pipeline.core.topics.labels.support import minority_parent, text_words

    kids = PAIRED[domain]
    name = _pair(kids)
    assert set(name.lower().split()[:3:2]) == words, name
    assert " and " in name and not label_problems(name)
    # said by either word: no subtopic is left out (the audit's `minority_parent`)
    assert not minority_parent(name, [text_words(v) for _, v in sorted(kids.items())])


def test_no_pair_where_one_word_is_in_every_subtopic_or_nothing_is_shared():
    # every subtopic says "card": a pair never joins it, and the rest is one word each
    kids = {
        0: ["Card declined at the shop", "Card declined online"],
        1: ["Card frozen after travel", "My card is frozen"],
    }
    name = _pair(kids)
    assert "card" not in name.lower().split(), name
    assert _pair({0: ["Card declined at the shop"]}) == ""  # one subtopic: nothing to pair


@pytest.mark.parametrize(
    ("name", "either"),
    [
        ("Invoice and payment questions", True),
        ("Claim or payslip issues", True),
        ("Exchanges and holding", False),  # a phrase of the texts: it says both
        ("Invoice and payment", False),
        ("Payment of the invoice", False),
    ],
)
def test_a_pair_before_a_category_noun_is_said_by_either_word(name, either):
    from tracetopics_pipeline.core.topics.labels.support import Sayers, text_words

    words = text_words(["The invoice is wrong", "Payment failed", "Exchanges of currency",
                        "Holding a card", "My claim", "Payslip missing"])  # fmt: skip
    said = Sayers(words, classes=True).share(name)
    assert (said > 0) == either, said


@pytest.mark.parametrize(
    ("name", "one"),
    [
        ("Umsatz Q3 dashboard", ["umsatz"]),
        ("Kundenliste to Excel", ["kundenlist", "excel"]),
        ("Refund for zapatos order", ["zapato", "order"]),  # "refund": a class noun
        ("Q3 dashboard", []),  # said by every trace
        ("Dashboard export requests", []),  # a category noun is the namer's word
    ],
)
def test_a_word_one_trace_says_never_names_a_topic(name, one):
    from tracetopics_pipeline.core.topics.labels.support import one_trace_words, word_support

    texts = ["Umsatz Q3 dashboard is empty", "Q3 dashboard shows no data",
             "The Q3 dashboard export is blank", "Exporting Kundenliste to Excel from Q3 dashboard",
             "Refund for zapatos order on the Q3 dashboard"]  # fmt: skip
    assert one_trace_words(name, word_support(texts), float(len(texts))) == one
    assert one_trace_words(name, word_support(texts[:1]), 1.0) == []  # a topic of one trace


# A parent's pair names two things its subtopics are about (`grammar.thing_words`): no unit or
# time count, no verb form, no adjective, not the speaker's organisation. By how the texts use
# each word, several phrasings each; the good pairs above (`PAIRED`) must survive.
NOT_THINGS = {
    "units and verbs": (
        {
            0: ["The refresh takes 10 minutes longer", "Queries run for 5 minutes now",
                "Sync runs 20 minutes"],
            1: ["Every filter change reloads all tiles", "The chart reloads all widgets",
                "Sorting reloads the page"],
            2: ["Waited 30 minutes and it reloads the page", "It reloads my view after 2 minutes"],
        },
        {"minutes", "reloads"},
    ),
    "adjectives": (
        {
            0: ["Find something fun to do", "Anything fun this weekend",
                "Looking for something fun nearby"],
            1: ["Something interesting in town", "Is there anything interesting on",
                "Show me something interesting"],
            2: ["Something fun and interesting please", "Anything interesting or fun"],
        },
        {"fun", "interesting"},
    ),
    "the speaker's organisation": (
        {
            0: ["Delete data of a user who left the company", "He left the company, remove him",
                "Remove a user who left the company"],
            1: ["Export our team data", "Give our team access", "Our team needs the export"],
            2: ["Our team left the company workspace"],
        },
        {"company", "team"},
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(NOT_THINGS))
def test_a_pair_names_no_unit_verb_adjective_or_speaker(case):
    kids, bad = NOT_THINGS[case]
    name = _pair(kids)
    assert not bad & set(name.lower().split()), name


@pytest.mark.parametrize(
    ("texts", "word", "thing"),
    [
        # a unit or a time count: never
        (["Takes 10 minutes to load", "The few minutes it takes"], "minutes", False),
        (["Charged twice this month", "The month is over"], "month", False),
        # a verb: after a subject, an auxiliary or "to", or before its object
        (["It reloads all tiles", "The page reloads the chart"], "reloads", False),
        (["I can't upload", "We upload daily", "How to upload"], "upload", False),
        (["Orders never arrive", "Pricing orders"], "orders", False),  # an -s form, no noun use
        # an adjective: after a copula, a degree word or "something"
        (["Something fun for kids", "Is it fun", "So fun"], "fun", False),
        (["Anything interesting nearby", "Is that interesting"], "interesting", False),
        (["Left the company", "The company account"], "company", False),
        # look-alikes: things, by their noun uses
        (["Where are my orders", "Track the orders", "Orders never arrive"], "orders", True),
        (["Charged a late fee this cycle", "The fee is high", "Fee of 30"], "fee", True),
        (["I can't make calls", "Calls keep dropping", "No calls at home"], "calls", True),
        (["My mobile data is slow", "Data keeps dropping"], "data", True),
        (["Autopay failed", "Set up autopay for my bill"], "autopay", True),
        (["To transfer money", "The transfer is pending"], "transfer", True),
        (["Can datasets refresh instead of full reloads"], "reloads", True),
        # a question's auxiliary or copula before its subject: the subject is a thing
        (
            [
                "Can cards be delivered",
                "Are cards delivered to my location",
                "What locations are cards delivered to",
                "Do you ship your cards",
            ],
            "cards",
            True,
        ),
        (["Will my parcel arrive", "Is the parcel lost"], "parcel", True),
    ],
)
def test_thing_words_read_how_the_texts_use_a_word(texts, word, thing):
    from tracetopics_pipeline.core.topics.labels.grammar import thing_words

    assert (word in thing_words({word}, texts, [1.0] * len(texts))) == thing
