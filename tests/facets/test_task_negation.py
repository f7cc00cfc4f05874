"""The Task summary keeps a negation and what it scopes, and drops complaints about the conversation itself.

Issue 12 item 4 / review rv13 H4: "No signal at home since yesterday" read "Signal at home" (the opposite of the
user's problem) and "Third time asking." was kept in the Task. The phrasings are in task_negation_cases; these
tests run on the dev half; the held-out half is measured by score() and its floor is pinned below.
"""

from __future__ import annotations

import re

import pytest
from facets.task_negation_cases import COMPLAINTS, LOOK_ALIKES, NEGATION, dev, held_out

from tracetopics_pipeline.core.facets.summarizers.local.task import summarize_task

# One form for "can't" and its synonyms: the Task writes "I can't log in" as "Cannot log in".
_CANNOT = re.compile(r"\b(?:can't|can not|unable to|not able to)\b")


def _norm(text: str) -> str:
    return _CANNOT.sub("cannot", text.lower().replace("\u2019", "'"))


def _task(text: str) -> str:
    return _norm(summarize_task([text]) or "")


def _negation_ok(case) -> bool:
    text, keep = case
    task = _task(text)
    return all(_norm(k) in task for k in keep)


def _complaint_ok(case) -> bool:
    text, keep, drop = case
    task = _task(text)
    return all(_norm(k) in task for k in keep) and not any(d in task for d in drop)


def score(half) -> dict[str, tuple[int, int]]:
    """Passed / total per rule on one half (dev or held_out)."""
    return {
        "negation": (sum(map(_negation_ok, half(NEGATION))), len(half(NEGATION))),
        "complaints": (sum(map(_complaint_ok, half(COMPLAINTS))), len(half(COMPLAINTS))),
        "look_alikes": (sum(map(_negation_ok, half(LOOK_ALIKES))), len(half(LOOK_ALIKES))),
    }


@pytest.mark.parametrize("case", dev(NEGATION), ids=lambda c: c[0][:40])
def test_negation_and_its_scope_are_kept(case):
    assert _negation_ok(case), (case, _task(case[0]))


@pytest.mark.parametrize("case", dev(COMPLAINTS), ids=lambda c: c[0][:40])
def test_complaints_about_the_conversation_are_not_the_task(case):
    assert _complaint_ok(case), (case, _task(case[0]))


@pytest.mark.parametrize("case", dev(LOOK_ALIKES), ids=lambda c: c[0][:40])
def test_look_alikes_keep_the_task_words(case):
    assert _negation_ok(case), (case, _task(case[0]))


def test_the_held_out_half_keeps_its_score():
    """Measured once after tuning on dev (docs/benchmarks.md): main 14/16, 2/10, 3/3."""
    assert score(held_out) == {
        "negation": (16, 16),
        "complaints": (10, 10),
        "look_alikes": (3, 3),
    }


# The namer's candidate phrases (core/topics/labels): a name never drops a negation its texts have
# ("No signal at home", never "Signal at home"). Several phrasings of negating determiners,
# adverbs and loss words; a span may hold the negation or lie outside its scope, not start inside.
@pytest.mark.parametrize(
    ("text", "dropped", "kept"),
    [
        ("No signal at home since yesterday", "signal at home", "no signal at home"),
        ("There is no dial tone on my landline", "dial tone", "no dial tone"),
        ("I have no data even though my plan is active", "data even", "no data"),
        ("Without wifi since the engineer visit", "wifi since the engineer", "without wifi"),
        ("Nothing loads on the TV box", "loads on the tv box", "nothing loads"),
        ("Voicemail is not working on my phone", "working on my phone", "not working"),
        ("I never received my refund", "received my refund", "never received my refund"),
        ("My SIM stopped working after the trip", "working after the trip", "stopped working"),
        ("I lost my debit card at the station", "debit card at the station", "lost my debit card"),
        ("Still no 4G coverage in my area", "4g coverage", "no 4g coverage"),
    ],
)
def test_a_candidate_name_never_drops_the_negation_of_its_text(text, dropped, kept):
    from tracetopics_pipeline.core.topics.labels.grammar import candidate_phrases

    phrases = {" ".join(p) for p in candidate_phrases(text)}
    assert dropped not in phrases and kept in phrases, sorted(phrases)


def test_a_topic_of_negated_reports_is_named_with_its_negation():
    from topics.test_labels_local import _topic, bag_of_words

    from tracetopics_pipeline.core.topics.labels.naming import name_topics

    topics = {
        1: [
            "No signal at home",
            "No signal at home since yesterday",
            "no signal at home in the evening",
            "No mobile signal at home",
        ],
        2: [
            "There is no dial tone on my landline",
            "No dial tone on the landline",
            "Landline has no dial tone",
            "no dial tone on landline since monday",
        ],
        3: [
            "Slow internet in the evenings",
            "Internet is slow at night",
            "Very slow internet speed",
            "slow internet at home",
        ],
    }
    names = name_topics([_topic(k, v) for k, v in topics.items()], embed=bag_of_words)
    for k in (1, 2):
        assert re.search(r"\b(?:no|without|loss|lost|missing)\b", names[k].lower()), names
