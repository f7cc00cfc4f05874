"""Session 22's parent names (issue 12, item 3): a parent's object or pair is a thing, not a
verb's -s form ("Reloads questions") nor a compound modifier ("Dashboard and per-minute
issues"); a pair's nouns read in the singular the texts say ("Dashboard and query issues"); a
parent never repeats a sibling parent's idea ("Embed issues" beside "Embedded dashboards", "Free
change" beside "Plan change"): it passes to its next candidate. Phrasings from several domains,
with look-alikes that must stay ("Free trial questions", "Per-seat pricing", "Plan change")."""

from __future__ import annotations

import numpy as np
import pytest
from test_class_names import _object_name
from test_labels_local import _parent, bag_of_words  # the same stand-ins
from test_names20 import _pair

from tracetopics_pipeline.core.topics.labels.grammar import thing_words, verb_forms
from tracetopics_pipeline.core.topics.labels.naming import (
    PARENT_NAMING,
    _Avoid,
    class_name,
    name_idea,
    name_topics,
    repeats_idea,
    singular_said,
)
from tracetopics_pipeline.core.topics.labels.support import learn_kinds, stem


@pytest.mark.parametrize(
    ("texts", "word", "thing"),
    [
        # a hyphenated modifier opening on glue, a number or a count, before its noun
        (["Is there a per-minute limit", "The per-minute quota is low", "per-minute rate caps"], "per-minute", False),
        (["Per-seat pricing for teams", "What is the per-seat price", "per-seat cost is high"], "per-seat", False),
        (["In-app purchases fail", "Refund an in-app purchase", "My in-app subscription"], "in-app", False),
        (["A 3-year deal", "Quote for a 3-year contract", "3-year term pricing"], "3-year", False),
        (["Two-factor codes never arrive", "Reset my two-factor settings", "two-factor login"], "two-factor", False),
        # look-alikes: a compound that opens on a content word, or said alone, is a thing
        (["My top-up failed", "Top-up is pending", "Where is my top-up"], "top-up", True),
        (["Single sign-on for the team", "Set up single sign-on", "sign-on with Okta"], "sign-on", True),
        (["Buy the add-on", "Remove the add-on from my plan", "Is the add-on free"], "add-on", True),
        (["Reset my two-factor", "Turn off two-factor", "Lost access to two-factor"], "two-factor", True),
        (["Is there a free trial", "Extend the free trial", "My trial ends soon"], "trial", True),
        # anyone: who, not what about
        (["Card used by someone", "A card for someone", "Shared with someone"], "someone", False),
        (["Report shared with anybody", "Link for anybody", "Open to anybody"], "anybody", False),
        (["Parcel left with somebody", "Signed for by somebody", "Somebody took it"], "somebody", False),
        (["A person charged me", "Add a person to the plan", "The person left"], "person", True),
        # a period after a point in it: when, not what about
        (["Downgrade at the end of the cycle", "Cancel at end of cycle", "Switch plan at the end of the cycle"], "cycle", False),
        (["Leave at the end of my contract", "Cancel before the end of the contract", "Move at the start of the contract"], "contract", False),
        (["Pay at the start of the term", "Refund for the rest of the term", "Join at the beginning of term"], "term", False),
        # look-alikes: the period as the thing asked about
        (["Change my billing cycle", "When does the billing cycle start", "A shorter cycle"], "cycle", True),
        (["Cancel my contract", "A copy of the contract", "The contract ends soon"], "contract", True),
        (["The end of the line", "Send it to the end", "End of support"], "end", True),
    ],
)  # fmt: skip
def test_a_compound_modifier_before_its_noun_is_no_thing(texts, word, thing):
    assert (word in thing_words({word}, texts, [1.0] * len(texts))) == thing


# A parent most of whose texts say a verb's -s form: no object names it by that form.
RELOADS = {
    "dashboards": {
        1: ["Every filter change reloads all tiles", "Sorting reloads all widgets"] * 3,
        2: ["The page reloads all charts on click", "It reloads my view after each edit"] * 3,
        3: ["Full reloads instead of refresh", "Can it skip full reloads"] * 2,
    },
    "mail": {
        1: ["The inbox refreshes all folders", "It refreshes my inbox every minute"] * 3,
        2: ["The app refreshes all messages on open", "Mail refreshes the list again"] * 3,
        3: ["Too many refreshes a day", "Fewer refreshes please"] * 2,
    },
}


@pytest.mark.parametrize("domain", sorted(RELOADS))
def test_a_verbs_s_form_is_no_object(domain):
    word = {"dashboards": "reloads", "mail": "refreshes"}[domain]
    name = _object_name(RELOADS[domain])
    assert word not in name.lower().split(), name


@pytest.mark.parametrize(
    ("kids", "obj"),
    [
        # look-alikes: plural nouns are objects ("Invoice questions", "Seat requests")
        ({1: ["Where are my invoices", "Invoices are missing the VAT number"] * 3,
          2: ["Download the invoices for March", "Invoices as PDF", "An invoice is wrong"] * 3},
         "Invoice"),
        ({1: ["Add 5 seats to the plan", "Add more seats for new hires"] * 3,
          2: ["Reduce seats from 20 to 10", "Remove two seats"] * 3,
          3: ["Price of extra seats", "What do seats cost", "Price per seat"] * 2},
         "Seat"),
    ],
)  # fmt: skip
def test_plural_nouns_stay_objects(kids, obj):
    assert _object_name(kids).split()[0] == obj


def test_a_pairs_plural_reads_in_the_singular_its_texts_say():
    kids = {
        0: ["The dashboard takes a minute to load", "My dashboard loads slowly",
            "Dashboard is slow today"],
        1: ["Queries run for minutes", "Queries time out on the orders table",
            "Why does a query take so long"],
        2: ["Dashboard and query both slow", "Slow dashboard after the query change"],
    }  # fmt: skip
    name = _pair(kids)
    assert name.lower().startswith("dashboard and query "), name


@pytest.mark.parametrize(
    ("word", "said", "one"),
    [
        ("queries", {"query"}, "query"),
        ("invoices", {"invoice"}, "invoice"),
        ("batches", {"batch"}, "batch"),
        ("analytics", {"analytic"}, "analytic"),  # only as the texts say it
        ("analytics", set(), "analytics"),
        ("news", set(), "news"),
        ("address", {"addres"}, "address"),
    ],
)
def test_singular_only_as_the_texts_say_it(word, said, one):
    assert singular_said(word, frozenset(said)) == one


def _same(a: str, b: str) -> bool:
    return repeats_idea(a, b, bag_of_words)


@pytest.mark.parametrize(
    ("name", "sibling"),
    [
        ("Embed issues", "Embedded dashboards"),
        ("Plan switch", "Plan change"),
        ("Change the plan", "Plan change"),
        ("Upgrade plan", "Plan change"),
        ("Card questions", "Card delivery issues"),
        ("Refund requests", "Refund questions"),
        ("Roaming issues", "Roaming charges"),
    ],
)
def test_a_name_all_of_whose_idea_a_sibling_says_repeats_it(name, sibling):
    assert _same(name, sibling)


@pytest.mark.parametrize(
    ("name", "sibling"),
    [
        ("Chart snapshot", "Chart issues"),  # says more than its sibling
        ("Embedded dashboards", "Embed issues"),
        ("Free trial questions", "Plan change"),
        ("Per-seat pricing", "Seat requests"),
        ("Plan change", "Plan cost"),
        ("Dashboard export", "Embedded dashboards"),
        ("Card delivery", "Card payment"),
        ("SSO requests", "Password reset"),
    ],
)
def test_names_that_say_more_or_other_than_a_sibling_do_not_repeat_it(name, sibling):
    assert not _same(name, sibling)


def test_a_near_identical_embedding_repeats_where_a_word_is_shared():
    def one_vector(texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 4), np.float32) / 2.0

    assert repeats_idea("Card arrival", "Card delivery", one_vector)
    assert not repeats_idea("Card arrival", "Top-up limits", one_vector)  # no word shared
    assert not repeats_idea("Card arrival", "Card delivery", bag_of_words)


def test_a_names_idea_drops_its_need_noun_and_reads_verbs_as_their_class():
    assert name_idea("Embed issues", classes=False) == {"embed"}
    assert name_idea("Embed issues") == name_idea("Embedded questions")
    assert name_idea("Switch plan") == name_idea("Plan change")
    assert name_idea("Switch plan", classes=False) != name_idea("Plan change", classes=False)
    # a class shared without a word of their own: no repeat
    assert not repeats_idea("Embed issues", "Chart sharing", bag_of_words)


# A parent whose best name repeats a bigger sibling's idea takes its next candidate.
EMBED = {
    10: {1: ["Embedded dashboards in our portal", "Embedded dashboards show a login screen"] * 4,
         2: ["Embedded dashboards filter by customer", "Hide the toolbar on embedded dashboards"] * 4},
    11: {3: ["Embed issues with the iframe", "Embed is blocked by the iframe policy"] * 2,
         4: ["Signed embed URLs expire", "Embed issues in the customer portal"] * 2},
}  # fmt: skip
PHONES = {
    10: {1: ["Plan change to Unlimited", "Plan change from prepaid"] * 4,
         2: ["Plan change mid-cycle", "Plan change fee"] * 4},
    11: {3: ["Switch plan to the family bundle", "Switch plan for my son"] * 2,
         4: ["Switch plan before the contract ends", "Switch plan online"] * 2},
}  # fmt: skip


@pytest.mark.parametrize("parents", [EMBED, PHONES], ids=["embed", "phones"])
def test_a_parent_passes_a_name_repeating_a_bigger_siblings_idea(parents):
    inputs = [_parent(q, kids) for q, kids in parents.items()]
    names = name_topics(inputs, embed=bag_of_words, params=PARENT_NAMING)
    assert not repeats_idea(names[11], names[10], bag_of_words), names
    assert names[11].lower() != names[10].lower()


def test_a_kinds_class_name_beside_its_heads_passes():
    # "Free" and "Pro" are plans here: beside a sibling's "Plan change", "Free change" says it
    kids = {
        1: ["Downgrade to Free at the end of the month", "Downgrade to the Free plan"] * 3,
        2: ["Downgrade to Pro please", "Downgrade to the Pro plan"] * 3,
        3: ["Move to Free, the Free plan is enough", "Switch to Free"] * 2,
    }
    p = _parent(10, kids)
    texts = p.texts + ["The Free plan limits", "Our Pro plan", "Pro plan price", "Free plan users"]
    kinds = learn_kinds(texts, verbs=verb_forms(texts))
    assert "plan" in kinds.heads.get(stem("free"), frozenset()), kinds.heads
    centroid = p.centroid / np.linalg.norm(p.centroid)

    def named(avoid: set[str]) -> str:
        return class_name(p, embed=bag_of_words, centroid=centroid, others=np.zeros((0, 256)),
                          verbs=verb_forms(p.texts), avoid=avoid, surface={}, kinds=kinds)  # fmt: skip

    assert named(set()) == "Plan change"  # the head's, where no sibling has it
    beside = _Avoid(set(), ["Plan change"], bag_of_words, kinds)
    assert named(beside) not in ("Free change", "Plan change")
