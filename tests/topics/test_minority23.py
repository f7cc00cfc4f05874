"""Names, session 23 (issue 12): a free-text subtopic named by one value of a slot is named by
the slot's class where its traces' own words give one: the head their phrases share ("Colours
in the [line] chart" over line, pie and bar charts), the head their subjects share ("[Inventory]
shows no data points" over "The pie chart on <a dashboard> shows no data points"), and a value
after any preposition goes with it ("Raw numbers [behind Inventory]"). Phrasings from
analytics, shipping, telco and retail; look-alikes that must keep their names or get no class:
subjects that share no head, one value most subjects name, a head few traces say, a name that
opens on a verb."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from tracetopics_pipeline.core.topics.labels.grammar import verb_forms
from tracetopics_pipeline.core.topics.labels.naming import (
    NamingInput,
    general_forms,
    said_by_most,
    subject_forms,
)
from tracetopics_pipeline.core.topics.labels.support import MIN_SAID, word_support


@cache
def _embed():
    from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder

    return SentenceEmbedder().embed


def _forms(name: str, rows: list[tuple[str, int]]) -> dict[str, int]:
    texts, w = [t for t, _ in rows], [float(n) for _, n in rows]
    sup = word_support(texts, w)
    verbs = verb_forms(texts)
    return dict(general_forms(name, sup, verbs) + subject_forms(name, texts, w, sup, verbs))


SPINNER = [
    ("The pie chart on Sales pipeline just shows a spinner", 2),
    ("The bar chart on Ad spend just shows a spinner", 2),
    ("The map chart on Q3 revenue just shows a spinner", 1),
    ("The line chart on Finance close just shows a spinner", 1),
    ("The heatmap on Board metrics just shows a spinner", 1),
    ("The pivot table on Inventory just shows a spinner", 1),
    ("The funnel chart on Inventory just shows a spinner", 1),
]
CUSTOMS = [
    ("My parcel to Bristol is stuck at customs", 2),
    ("The parcel to Leeds is stuck at customs", 2),
    ("A parcel for York is stuck at customs since Monday", 1),
    ("My parcel to Cardiff is stuck at customs", 1),
    ("Our package to Derby is stuck at customs", 1),
]
TILE = [
    ("The KPI tile on Website traffic keeps spinning", 2),
    ("The KPI tile on Churn overview keeps spinning", 2),
    ("The KPI tile on Q3 revenue keeps spinning", 1),
    ("The KPI tile on Support SLA keeps spinning", 1),
]
SIGNAL = [
    ("The 5G signal near Leeds station drops every evening", 2),
    ("The 4G signal near the Bristol depot drops every evening", 2),
    ("The LTE signal near York keeps dropping", 1),
    ("Signal drops near the Derby office", 1),
]


@pytest.mark.parametrize(
    ("name", "rows", "form"),
    [
        ("Inventory just shows a spinner", SPINNER, "Chart just shows a spinner"),
        ("Bristol is stuck at customs", CUSTOMS, "Parcel is stuck at customs"),
        ("Revenue keeps spinning", TILE, "KPI tile keeps spinning"),
    ],
)
def test_a_subject_value_is_named_by_the_head_its_texts_share(name, rows, form):
    assert form in _forms(name, rows)


SLOW = [
    ("Why does Cohort retention load so slowly in the morning", 2),
    ("Why does Ad spend load so slowly in the morning", 2),
    ("Why does Inventory load so slowly in the morning", 1),
    ("Why does Sales pipeline load so slowly in the morning", 1),
]
EMPTY = [
    ("My heatmap renders empty", 4),
    ("My scatter plot renders empty", 3),
    ("My KPI tile renders empty", 2),
]


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("Inventory loads so slowly", SLOW),  # the subjects share no head: no class
        ("KPI tile renders empty", EMPTY),  # one value many say is no class ("Heatmap ...")
        ("Keep hitting 429 Too Many Requests", [("Keep hitting 429 on the API", 3)]),  # a verb
        ("Okta login loops back", [("Okta login loops back to sign-in", 3)]),  # said by most
    ],
)
def test_no_class_where_the_texts_give_none(name, rows):
    assert not subject_forms(name, *_split(rows))


def _split(rows):
    texts, w = [t for t, _ in rows], [float(n) for _, n in rows]
    sup = word_support(texts, w)
    return texts, w, sup, verb_forms(texts)


@pytest.mark.parametrize(
    ("name", "support", "form"),
    [
        ("Colours in the line chart", {"colour": 0.97, "chart": 0.47}, "Colours in the chart"),
        ("Refund for the blue wool jumper", {"refund": 0.9, "jumper": 0.4}, "Refund for the jumper"),
        ("Raw numbers behind Inventory in Excel", {"raw": 1.0, "number": 1.0}, "Raw numbers"),
        ("Dropped calls near Leeds", {"drop": 0.9, "call": 0.9}, "Dropped calls"),
    ],
)  # fmt: skip
def test_a_head_the_values_share_stays_and_any_preposition_goes_with_its_value(name, support, form):
    assert form in dict(general_forms(name, support))


@pytest.mark.parametrize(
    ("name", "support", "never"),
    [  # a head few say is no class; a preposition's object most say stays
        ("Marketing funnel just shows a spinner", {"show": 0.9, "spinner": 0.9, "funnel": 0.05},
         "Funnel just shows a spinner"),
        ("Fees for currency exchange", {"fee": 0.2}, "Fees for exchange"),
        ("Raw numbers behind the dashboard", {"raw": 1.0, "number": 1.0, "dashboard": 0.9},
         "Raw numbers"),
    ],
)  # fmt: skip
def test_look_alikes_keep_their_words(name, support, never):
    assert never not in dict(general_forms(name, support))


def test_the_namer_takes_the_class_form_its_traces_say():
    texts, w = [t for t, _ in TILE], [float(n) for _, n in TILE]
    x = np.asarray(_embed()(texts), np.float32)
    t = NamingInput(0, texts, w, x.mean(axis=0), vectors=x)
    new = said_by_most(
        "Revenue keeps spinning", t, embed=_embed(), floor=MIN_SAID,
        support=word_support(texts, w), verbs=verb_forms(texts), fits=lambda _: True,
    )  # fmt: skip
    assert new == "KPI tile keeps spinning"


def test_a_kept_name_gives_way_to_its_class_form():
    from tracetopics_pipeline.core.topics.labels.support import text_words
    from tracetopics_pipeline.core.topics.names_kept import _said_by_fewer

    texts, w = [t for t, _ in TILE], [float(n) for _, n in TILE]
    x = np.asarray(_embed()(texts), np.float32)
    args = (text_words(texts, w), x, _embed(), MIN_SAID)
    assert _said_by_fewer("Revenue keeps spinning", "KPI tile keeps spinning", *args)
    # look-alikes: the other way round, and a name that shares no tail with the previous one
    assert not _said_by_fewer("KPI tile keeps spinning", "Revenue keeps spinning", *args)
    assert not _said_by_fewer("Revenue keeps spinning", "KPI tile issues", *args)
