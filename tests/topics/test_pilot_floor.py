"""A pilot's first map (review rv13 M1): one day of 60-100 traces gets a Task map with the
default floor (50 distinct summaries, measured in docs/benchmarks.md "A pilot's first map"),
and a smaller one waits with a line that says what it counts: distinct summaries of how many
traces, and the floor with the setting that moves it (it said "waiting for facets: 38/100")."""

from __future__ import annotations

from datetime import date

from factories.corpus import F, corpus, load_summaries

from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.maps import build_maps

DAY = date(2026, 11, 1)


def test_a_one_day_pilot_of_63_summaries_gets_a_task_map(conn):
    texts, x, _ = corpus(k=3, per=21)  # 63 distinct summaries, one day
    load_summaries(conn, texts, x, start=DAY)
    [st] = build_maps(conn, DAY, facets=[F("Task")], settings=Settings())
    assert st.status == "built", st.detail
    assert st.n_topics >= 2


def test_a_smaller_pilot_waits_and_says_what_it_counts(conn):
    texts, x, _ = corpus(k=2, per=19)  # 38 distinct summaries...
    load_summaries(conn, texts + texts[:12], x[list(range(38)) + list(range(12))], start=DAY)
    [st] = build_maps(conn, DAY, facets=[F("Task")], settings=Settings())  # ...of 50 traces
    assert st.status == "waiting"
    assert st.detail == (
        "waiting for facets: 38 distinct summaries of 50 traces in the window; a map needs 50 "
        "(TRACETOPICS_MIN_SUMMARIES)"
    )


def test_the_default_floor_is_50():
    assert Settings().min_summaries == 50
