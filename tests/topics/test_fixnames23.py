"""Names, session 23 (issue 12, item 3): a name said by few that loses a slot's value must not
lose what its users asked for nor read like a sibling's. A run after "in" / "into" / "to" stays
where most of the traces say that preposition before a file format or the run's own word ("Raw
numbers behind Inventory in Excel" over Excel, PNG, xlsx, PDF, CSV asks; "Export of Inventory into
Google Sheets"); a form whose words kept from the name repeat a sibling's idea, and which most
of the sibling's traffic says too, reads as that sibling ("Chart just shows a spinner" beside
"KPI tile just shows a spinner"), so the namer keeps the longer name. Look-alikes: a
destination value few say goes ("Upgrade from Pro [to Business]" over every plan); a form the
sibling's traces do not say, or that shares only its class word with the sibling, reads apart."""

from __future__ import annotations

from functools import cache

import numpy as np

from tracetopics_pipeline.core.topics.labels.grammar import verb_forms
from tracetopics_pipeline.core.topics.labels.naming import (
    NamingInput,
    general_forms,
    reads_as_sibling,
)
from tracetopics_pipeline.core.topics.labels.support import MIN_SAID, word_support


@cache
def _embed():
    from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder

    return SentenceEmbedder().embed


def _forms(name: str, rows: list[tuple[str, int]]) -> list[str]:
    texts, w = [t for t, _ in rows], [float(n) for _, n in rows]
    return [f for f, _ in general_forms(name, word_support(texts, w), verb_forms(texts), texts, w)]


RAW = [
    ("My manager wants the raw numbers behind Ad spend in Excel", 2),
    ("My manager wants the raw numbers behind Board metrics in PNG", 2),
    ("Need the raw numbers behind Inventory in xlsx", 1),
    ("Can I get the raw numbers behind Q3 revenue in PDF?", 1),
    ("raw numbers behind EMEA bookings in csv please", 1),
]
SHEETS = [
    ("Export of Ad spend into Google Sheets", 2),
    ("export of Board metrics into Excel", 2),
    ("Export of Q3 revenue into a CSV", 1),
    ("export of Inventory into pdf", 1),
]
TIERS = [
    ("Upgrade from Pro to Business", 2),
    ("Upgrade from Free to Pro", 2),
    ("Upgrade from Starter to Enterprise", 1),
    ("Upgrade from Basic to Team", 1),
]


def test_a_format_most_traces_ask_for_stays():
    forms = _forms("Raw numbers behind Inventory in Excel", RAW)
    assert "Raw numbers" not in forms
    assert "Raw numbers in Excel" in forms  # the dashboard may still go


def test_a_destination_most_traces_name_stays():
    forms = _forms("Export of Inventory into Google Sheets", SHEETS)
    assert "Export of Inventory" not in forms
    assert "Export into Google Sheets" in forms


def test_look_alike_a_destination_value_few_say_goes():
    # the plan one upgrades to is a value of the slot, no format: the name may lose it
    assert "Upgrade from Pro" in _forms("Upgrade from Pro to Business", TIERS)


SPINNER = [
    ("The bar chart on Ad spend just shows a spinner", 2),
    ("The pie chart on Marketing funnel just shows a spinner", 1),
    ("The line chart on Exec summary just shows a spinner", 2),
    ("The bar chart on Finance close just shows a spinner", 1),
]


def _input(rows: list[tuple[str, int]]) -> NamingInput:
    texts, w = [t for t, _ in rows], [float(n) for _, n in rows]
    x = np.asarray(_embed()(texts), np.float32)
    return NamingInput(0, texts, w, x.mean(axis=0), vectors=x)


def _reads_as(form: str, name: str, sibling: str, rows: list[tuple[str, int]]) -> bool:
    return reads_as_sibling(form, name, sibling, _input(rows), embed=_embed(), floor=MIN_SAID)


KPI = [
    ("The KPI tile on Ad spend just shows a spinner", 2),
    ("The KPI tile on Board metrics just shows a spinner", 2),
    ("The KPI tile on Inventory just shows a spinner", 1),
]
CALLS_5G = [("Dropped calls on 5G all day", 2), ("5G keeps dropping my calls", 1),
            ("dropped calls whenever I'm on 5G", 2)]  # fmt: skip


def test_a_form_that_reads_as_a_sibling():
    spinner = "Marketing funnel just shows a spinner"
    assert _reads_as("Chart just shows a spinner", spinner, "KPI tile just shows a spinner", KPI)
    assert _reads_as("Dropped calls", "Dropped calls near Leeds", "Dropped calls on 5G", CALLS_5G)


def test_look_alikes_that_read_apart():
    spinner = "Marketing funnel just shows a spinner"
    # the sibling's traces do not say the form ("KPI tile" is no chart's)
    assert not _reads_as("KPI tile just shows a spinner", "Revenue just shows a spinner",
                         "Chart just shows a spinner", SPINNER)  # fmt: skip
    # a sibling that shares the class word, not what the form keeps of the name
    assert not _reads_as("Chart just shows a spinner", spinner, "Chart labels overlap", KPI)
    assert not _reads_as("Chart renders empty", "Line chart renders empty", "Charts won't load",
                         [("Charts won't load in Chrome, blank white boxes", 3)])  # fmt: skip
