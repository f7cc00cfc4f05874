"""Label audit, session 21 (issue 12 item 6): a free-text subtopic's name is said in paraphrase
only by a text that says each of its words (`support.said_share`, `WORD_PULL`): a name that
carries one value of a slot its traces fill with many (a city, a report, a plan, a restaurant)
lies near all of them, but each lies nearer the name without that value. Phrasings from
travel, shipping, analytics, SaaS billing and restaurants; look-alikes from banking, retail and
SaaS that must stay unflagged: paraphrases, and a detail every trace says."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from tracetopics_pipeline.core.topics.labels.map_audit import audit_texts
from tracetopics_pipeline.core.topics.labels.support import (
    SAID_NEAR,
    WORD_PULL,
    Sayers,
    said_share,
    text_words,
    without_each_word,
)


@cache
def _embed():
    from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder

    return SentenceEmbedder().embed


def _minority(name: str, texts: list[str]) -> bool:
    """Whether the audit counts `name` over `texts` (one free-text subtopic, packaged model) as
    said by few of its traces."""
    other = ["Reset my password", "Change my email address", "Close my account"]
    labels = {("sub", 0): name, ("sub", 1): "Account settings", ("parent", 5): "Requests"}
    _, lines = audit_texts(
        labels, texts + other, [1.0] * (len(texts) + 3), [0] * len(texts) + [1] * 3, {0: 5, 1: 5},
        embed=_embed(),
    )  # fmt: skip
    return any(x.startswith(f"sub {name!r}") and "minority_name" in x for x in lines)


def _fill(template: str, values: str) -> list[str]:
    return [template.format(v) for v in values.split(", ")]


# a name carrying one value of a slot: 1 of 10 traces says it
_DETAIL = [
    ("Flight to Lisbon delayed", _fill("My flight to {} is delayed, what are my options",
     "Lisbon, Madrid, Berlin, Rome, Paris, Vienna, Oslo, Prague, Dublin, Athens")),
    ("Parcel to Manchester stuck in customs", _fill("My parcel to {} has been stuck in customs "
     "for a week", "Manchester, Toronto, Sydney, Auckland, Cape Town, Mumbai, Singapore, Chicago, "
     "Dublin, Lagos")),
    ("Export the Sales report to PDF", _fill("Export the {} report to PDF keeps failing",
     "Sales, Finance, Marketing, Inventory, Payroll, Churn, Support, Revenue, Traffic, Budget")),
    ("Hotel in Paris with free parking", _fill("Find a hotel in {} with free parking",
     "Paris, Lyon, Nice, Rome, Milan, Vienna, Munich, Zurich, Geneva, Porto")),
    ("Upgrade to the Business plan", _fill("Upgrade us to the {} plan please",
     "Business, Pro, Enterprise, Team, Premium, Growth, Scale, Plus, Starter, Advanced")),
]  # fmt: skip


@pytest.mark.parametrize(("name", "texts"), _DETAIL)
def test_a_name_one_of_ten_traces_says_is_a_minoritys(name, texts):
    assert _minority(name, texts)


# paraphrases of a good name, and a detail every trace says
_SAID = [
    ("Card hasn't arrived", ["My new card still hasn't arrived", "Still waiting on the card you "
     "posted", "When will my card get here", "The card you sent never showed up", "It's been two "
     "weeks and no card", "Card not delivered yet", "Where is my new card", "Haven't received my "
     "card", "How long until my card comes", "My card is taking forever to arrive"]),
    ("Cancel my subscription", ["Please stop my membership", "I want to end my plan", "Cancel my "
     "subscription today", "How do I unsubscribe from the monthly plan", "Stop billing me, I'm "
     "done with the service", "Terminate my account subscription", "I'd like to cancel the "
     "subscription", "End my membership at the end of the month", "Cancel my plan please",
     "Stop my recurring payment for the service"]),
    ("Update the shipping address", ["Change where my order ships to", "I moved, please update "
     "my delivery address", "New address for my parcels", "Update the shipping address on my "
     "account", "Ship to my new flat instead", "Can I change the delivery address", "Edit my "
     "shipping details", "Send orders to my office from now on", "My address changed", "Please "
     "use my new address for deliveries"]),
    ("Pay a bill with a credit card", ["Can I pay my bill by credit card", "Pay this month's bill "
     "with my Visa", "Use my card to settle the invoice", "Charge my credit card for the bill",
     "Pay the bill using a card", "How do I pay with Mastercard", "Pay the outstanding balance "
     "with my card", "Settle my bill by card", "Can you take card payment for the bill", "I want "
     "to pay the bill with my credit card"]),
    ("Connection to Snowflake keeps dropping", ["Connection to Snowflake keeps dropping "
     "overnight", "Snowflake connection drops every night", "Our Snowflake link disconnects "
     "after an hour", "Snowflake keeps disconnecting", "The Snowflake connection times out "
     "overnight", "Lost connection to Snowflake again", "Snowflake sync drops mid-run",
     "Snowflake connection is unstable", "Why does Snowflake keep dropping the connection",
     "Connection to Snowflake fails at night"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "texts"), _SAID)
def test_a_name_its_traces_say_in_their_own_words_is_not(name, texts):
    assert not _minority(name, texts)


def test_the_name_less_each_word_the_audit_reads():
    assert without_each_word("Flight to Lisbon delayed") == [
        "to Lisbon delayed",
        "Flight to delayed",
        "Flight to Lisbon",
    ]
    assert without_each_word("Bill issues") == []  # a category noun is the namer's word
    assert without_each_word("Refunds") == []


def _unit(*xs: float) -> np.ndarray:
    v = np.zeros(8, np.float32)
    v[: len(xs)] = xs
    return v / np.linalg.norm(v)


def test_a_text_nearer_the_name_without_a_word_does_not_say_it():
    texts = ["Flight to Madrid delayed", "Flight to Rome delayed"]
    sayers = Sayers(text_words(texts))
    near = np.cos(np.arccos(SAID_NEAR) - 0.1)  # within the paraphrase cosine of the name
    name = _unit(1, 0, 0)
    vecs = np.stack([_unit(near, np.sqrt(1 - near**2), 0), _unit(near, 0, np.sqrt(1 - near**2))])
    assert said_share("Flight to Lisbon delayed", sayers, name, vecs) == 1.0
    # the name less "Lisbon" lies nearer the first text by more than WORD_PULL, not the second
    less = _unit(1, 1, 0)
    assert float(vecs[0] @ less) > float(vecs[0] @ name) + WORD_PULL
    assert float(vecs[1] @ less) <= float(vecs[1] @ name) + WORD_PULL
    words = np.stack([less, np.zeros(8, np.float32)])  # a zero row holds nothing back
    assert said_share("Flight to Lisbon delayed", sayers, name, vecs, words) == 0.5
