"""Questions read as names (`labels.questions`): the statement a question presupposes becomes a
candidate, so the predicate that sets a topic apart ("hasn't arrived", "failed", "still
pending") can name it. Phrasings from several domains for each rule."""

from __future__ import annotations

import numpy as np
import pytest

from tracetopics_pipeline.core.topics.labels.grammar import candidate_phrases, label_problems
from tracetopics_pipeline.core.topics.labels.naming import NamingInput, name_topics
from tracetopics_pipeline.core.topics.labels.questions import question_names
from tracetopics_pipeline.core.topics.labels.support import name_support, word_support
from tracetopics_pipeline.core.topics.labels.words import TOKEN


def said(text: str) -> str:
    return " ".join(question_names([t.lower() for t in TOKEN.findall(text)]))


@pytest.mark.parametrize(
    ("question", "statement"),
    [
        # a negated auxiliary goes after its subject
        ("Why hasn't my parcel arrived", "parcel hasn't arrived"),
        ("Why didn't the invoice email go out", "invoice email didn't go out"),
        ("Why isn't my order showing up", "order isn't showing up"),
        ("Why won't the editor let me save", "editor won't let me save"),
        ("Why doesn't the export finish", "export doesn't finish"),
        # the user as subject is dropped
        ("Why can't I upload a photo", "can't upload a photo"),
        ("Why don't we see the new invoices", "don't see the new invoices"),
        # "why" + be / do: the fact the question takes as given
        ("Why is my refund still pending", "refund still pending"),
        ("Why was I billed twice", "billed twice"),
        ("Why did my backup fail", "backup failed"),
        ("Why did my import stop", "import stopped"),
        ("Why does the sync keep crashing", "sync keeps crashing"),
        ("Why did I get logged out", "got logged out"),
        # yes/no questions with be
        ("Is there a limit on file uploads", "limit on file uploads"),
        ("Are refunds available for annual plans", "refunds available for annual plans"),
        # "how long" asks for a time, "how much" for a cost
        ("How long does a refund take", "refund time"),
        ("How long will the parcel take to arrive", "time for parcel to arrive"),
        ("How long will it take for my refund to clear", "time for refund to clear"),
        ("How long does it take to verify an account", "time to verify an account"),
        ("How long until my order ships", "time until my order ships"),
        ("How much does an extra seat cost", "cost of extra seat"),
        ("How much will it cost to upgrade my plan", "cost to upgrade my plan"),
    ],
)
def test_question_read_as_the_statement_it_presupposes(question: str, statement: str) -> None:
    assert said(question) == statement


@pytest.mark.parametrize(
    "text",
    [
        "Export the dashboard to CSV",  # not a question
        "My parcel hasn't arrived",  # already a statement: its spans name it
        "Did my parcel arrive",  # a yes/no "did" presupposes nothing
        "When will my parcel arrive",  # a positive modal: "parcel arrive" is not a name
        "Why is it so slow",  # "it" says nothing
        "How long do I have to wait",  # not "take": no rule
        "How much is the premium plan",  # not "cost": no rule
    ],
)
def test_no_statement_where_no_rule_reads_the_question(text: str) -> None:
    assert said(text) == ""


def test_statements_are_candidates_and_pass_the_audit() -> None:
    phrases = {" ".join(p) for p in candidate_phrases("Why hasn't my parcel arrived yet?")}
    assert "parcel hasn't arrived" in phrases
    assert "parcel hasn't" not in phrases  # a prefix ending in an auxiliary is no name
    # the spans after a negated auxiliary say the opposite ("parcel arrived"), or ask
    assert "parcel arrived" not in phrases
    phrases = {" ".join(p) for p in candidate_phrases("Why can't I upload a photo")}
    assert "can't upload a photo" in phrases
    assert not phrases & {"upload a photo", "can't i upload"}
    phrases = {" ".join(p) for p in candidate_phrases("Why didn't the invoice email go out")}
    assert "invoice email didn't go out" in phrases
    assert not phrases & {"invoice email go out", "email go out"}
    # a statement keeps its spans
    assert ("parcel", "arrived") in candidate_phrases("The parcel arrived damaged")
    for name in (
        "Parcel hasn't arrived",
        "Backup failed",
        "Refund time",
        "Time for parcel to arrive",
    ):
        assert label_problems(name) == [], name
    # "go through" is phrasal: a name may end in its particle
    assert ("payment", "hasn't", "gone", "through") in candidate_phrases(
        "Why hasn't my payment gone through"
    )


def test_how_long_counts_as_time_in_word_support() -> None:
    texts = ["How long does a refund take", "Refund please", "Somehow longer than usual"]
    support = word_support(texts)
    # looked up as every name's words are (stemmed), and only where "how long" is asked
    assert name_support("Refund time", support, support) == pytest.approx(1 / 3)
    assert name_support("Cost of refund", support, support) == 0.0


def test_a_topic_of_questions_is_named_by_their_statement() -> None:
    texts = [
        "Why hasn't my parcel arrived",
        "Why hasn't my parcel arrived yet",
        "Why hasn't the parcel arrived",
        "Why hasn't my parcel arrived, it's been a week",
    ]

    def embed(batch: list[str]) -> np.ndarray:  # the statement means what the texts mean
        out = np.zeros((len(batch), 8), np.float32)
        for i, t in enumerate(batch):
            meant = t.lower() == "parcel hasn't arrived" or t in texts
            out[i, 0 if meant else 1 + len(t) % 7] = 1.0
        return out

    topic = NamingInput(0, texts, [1.0] * len(texts), embed(texts).mean(axis=0))
    assert name_topics([topic], embed=embed) == {0: "Parcel hasn't arrived"}


@pytest.mark.parametrize(
    "name",
    [
        "Can't I transfer money",
        "Doesn't it sync",
        "Won't you refund the fee",
        "Isn't there a limit",
    ],
)
def test_a_name_opening_on_an_inverted_negation_is_a_question(name: str) -> None:
    assert "fragment" in label_problems(name)


@pytest.mark.parametrize("name", ["Can't upload a photo", "Doesn't sync", "Won't load"])
def test_a_negation_without_its_subject_is_a_name(name: str) -> None:
    assert label_problems(name) == []
