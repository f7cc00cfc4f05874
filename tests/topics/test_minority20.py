"""Names, twentieth round (issue 12, review rv13 H1): who says a free-text name, literally or in
paraphrase (`support.said_share`: a text's own vector near the name's), the audit's
`minority_name` for free-text subtopics; an adjective
phrase is no name's head ("Service Very annoying"); a name does not end on an article's first
word where the texts go on to its noun ("Charged me for a cash [withdrawal]"). Phrasings from
telecom, banking, e-commerce and SaaS support."""

from __future__ import annotations

import numpy as np
import pytest

from tracetopics_pipeline.core.topics.labels.audit import AuditedTopic, audit_topics
from tracetopics_pipeline.core.topics.labels.context import word_context
from tracetopics_pipeline.core.topics.labels.grammar import label_problems
from tracetopics_pipeline.core.topics.labels.map_audit import audit_texts
from tracetopics_pipeline.core.topics.labels.support import (
    SAID_NEAR,
    Sayers,
    held_by,
    said_share,
    text_words,
)

# --- said_share: literal or paraphrase ---------------------------------------------------


def _unit(*xs: float) -> np.ndarray:
    v = np.zeros(8, np.float32)
    v[: len(xs)] = xs
    return v / np.linalg.norm(v)


def test_a_paraphrase_says_a_name_its_words_do_not():
    texts = [
        "My new card still hasn't arrived",  # literal: card, arrived
        "Still waiting on the card you posted",  # paraphrase: near, no "arrived"
        "When will the plastic get here",  # paraphrase
        "Change my PIN",  # neither
    ]
    sayers = Sayers(text_words(texts))
    name = _unit(1, 0)
    vecs = np.stack([_unit(1, 0.2), _unit(1, 0.3), _unit(1, 0.5), _unit(0, 1)])
    assert held_by("Card hasn't arrived", text_words(texts)) == 0.25  # literally: one of four
    assert said_share("Card hasn't arrived", sayers, name, vecs) == 0.75


def test_a_far_text_does_not_say_a_name_and_weights_count():
    texts = ["Port my number out", "Keep my number from Verizon", "Bring my number over"]
    sayers = Sayers(text_words(texts, [1.0, 3.0, 1.0]))
    name = _unit(1, 0)
    far = np.cos(np.arccos(SAID_NEAR) + 0.05)  # just outside the paraphrase cosine
    vecs = np.stack([_unit(1, 0), _unit(far, np.sqrt(1 - far**2)), _unit(0, 1)])
    assert said_share("Port number out", sayers, name, vecs) == pytest.approx(0.2)


def test_without_comparable_vectors_only_the_words_say_it():
    texts = ["Roaming charges in Spain", "Data abroad costs too much"]
    sayers = Sayers(text_words(texts))
    assert said_share("Roaming charges", sayers, np.zeros(8), np.stack([_unit(1)] * 2)) == 0.5
    assert said_share("Roaming charges", sayers, _unit(1), np.zeros((0, 8))) == 0.5


# --- the audit: a free-text subtopic named by a minority -------------------------------------


def _sub(label: str, said: float | None) -> AuditedTopic:
    support = {w: 1.0 for w in ("bill", "extra", "charg", "november", "number", "port")}
    return AuditedTopic(1, label, support, parent=10, said=said)


def test_the_audit_counts_a_free_text_minority_name():
    parent = AuditedTopic(10, "Bill questions", {"bill": 1.0}, children=1)
    found = audit_topics([parent], [_sub("Extra charges on November bill", 0.34)])
    assert "minority_name" in found[("sub", 1)]
    found = audit_topics([parent], [_sub("Extra charges on November bill", 0.62)])
    assert "minority_name" not in found[("sub", 1)]
    found = audit_topics([parent], [_sub("Extra charges on November bill", None)])
    assert "minority_name" not in found[("sub", 1)]  # not measured: not counted


def _embed_by_topic(texts: list[str]) -> np.ndarray:
    """Vectors by what a text is about, not its words: 'arrive'-like texts on one axis."""
    about = ("arriv", "waiting", "posted", "get here", "deliver")
    return np.stack([_unit(1, 0.1) if any(a in t.lower() for a in about) else _unit(0, 1)
                     for t in texts])  # fmt: skip


def test_map_audit_reads_paraphrases_with_the_maps_vectors():
    texts = [
        "My card hasn't arrived",
        "Still waiting on the card you posted",
        "When will my card get here",
        "Card not delivered yet",
        "Change my PIN at an ATM",
        "Forgot my PIN",
    ]
    labels = {("sub", 0): "Card hasn't arrived", ("sub", 1): "Change PIN",
              ("parent", 5): "Card arrival", ("parent", 6): "PIN questions"}  # fmt: skip
    args = (labels, texts, [1.0] * 6, [0, 0, 0, 0, 1, 1], {0: 5, 1: 6})
    c, lines = audit_texts(*args, embed=_embed_by_topic)
    assert not any("minority_name" in x for x in lines), lines  # 1 literal + 3 paraphrases of 4
    c, lines = audit_texts(*args, embed=lambda ts: np.zeros((len(ts), 8), np.float32))
    assert any("Card hasn't arrived" in x and "minority_name" in x for x in lines), lines
    vectors = {t: v for t, v in zip(texts, _embed_by_topic(texts), strict=True)}

    def names_only(ts: list[str]) -> np.ndarray:  # stored vectors are read, never embedded again
        assert not set(ts) & set(texts), ts
        return _embed_by_topic(ts)

    c, lines = audit_texts(*args, embed=names_only, vectors=vectors)
    assert not any("minority_name" in x for x in lines), lines


# --- an adjective phrase is no name's head ---------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Service Very annoying",
        "Roaming charges so frustrating",
        "Support useless",
        "Delivery really disappointing",
        "Checkout totally unacceptable",
        "App extremely annoying",
    ],
)
def test_a_name_ending_on_a_judgement_no_verb_states(name):
    assert "evaluative" in label_problems(name)


@pytest.mark.parametrize(
    "name",
    [
        "Terrible coverage",
        "Bug is unacceptable",
        "Fees are really annoying",
        "Rude customer service",
        "Very slow transfers",
        "Really bad signal",
        "App extremely slow",  # a problem, not a judgement
        "Agent seemed rude",
    ],
)
def test_a_judgement_of_a_thing_is_no_adjective_head(name):
    assert "evaluative" not in label_problems(name)


# --- an article's first word, its noun further on --------------------------------------------

_CUT = [
    (
        "Charged me for a cash",
        ["Why was I charged me for a cash withdrawal", "Charged me for a cash withdrawal at the ATM",
         "They charged me for a cash withdrawal", "Charged for a cash machine withdrawal",
         "I withdrew cash and got charged", "Fee when I withdraw cash",
         "Charged after taking out cash"],
    ),
    (
        "Fee for a bank",
        ["Fee for a bank transfer to Spain", "Why is there a fee for a bank transfer",
         "Fee for a bank account top up", "Charged a fee for a bank transfer", "Bank fees"],
    ),
    (
        "Cancel the phone",
        ["Cancel the phone contract", "I want to cancel the phone plan", "Cancel the phone line",
         "How do I cancel the phone contract early"],
    ),
    (
        "Order arrived with a gift",
        ["Order arrived with a gift card missing", "My order arrived with a gift wrap torn",
         "Order arrived with a gift receipt but no item", "Order arrived damaged"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "texts"), _CUT)
def test_a_name_cut_after_an_articles_first_word(name, texts):
    assert "cut_phrase" in label_problems(name, context=word_context(texts))


_WHOLE = [
    (
        "Request a refund",
        ["Request a refund for my order", "I want to request a refund please",
         "Request a refund, the item broke", "Can I request a refund"],
    ),
    (
        "Cancel the subscription",
        ["Cancel the subscription", "Cancel the subscription today", "Please cancel the subscription",
         "How do I cancel the subscription? It renews tomorrow"],
    ),
    (
        "Charged for a withdrawal",
        ["Charged for a withdrawal at the ATM", "Charged for a withdrawal", "Why was I charged for a "
         "withdrawal", "Charged for a withdrawal in Spain"],
    ),
    (
        "Book a table",
        ["Book a table for two", "Book a table tonight", "Can you book a table", "Book a table"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "texts"), _WHOLE)
def test_an_articles_noun_the_texts_end_on_is_whole(name, texts):
    assert "cut_phrase" not in label_problems(name, context=word_context(texts))
