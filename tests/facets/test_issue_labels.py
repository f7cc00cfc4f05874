"""Every Issues problem of a trace is countable (issue 14, docs/facets.md "One Issues label per
trace"): the label is the first problem and the trace counts once in the shares, under it;
facet_summaries.labels keeps every problem, and the any-mention counts read it."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb
import pytest
from factories import insert_rows, insert_traces, trace_record

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.stage import summarize_days
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.topics.maps import map_id_for
from tracetopics_pipeline.core.topics.report import ranked_topics

WHEN = datetime(2026, 11, 20, 10, tzinfo=UTC)


def _call(i: int, name: str, args: str) -> dict:
    return {"role": "assistant", "content": None, "tool_calls": [
        {"id": f"c{i}", "type": "function", "function": {"name": name, "arguments": args}}]}  # fmt: skip


def _reply(i: int, text: str) -> dict:
    return {"role": "tool", "tool_call_id": f"c{i}", "content": text}


def _search_three_times() -> list[dict]:
    """The same lookup three times, nothing new coming back: a loop."""
    out = []
    for i in (2, 3, 4):
        out += [_call(i, "search_orders", '{"q": "55"}'), _reply(i, '{"results": []}')]
    return out


CONVERSATIONS = {
    # a failed call, then a loop: FAILED_TOOL_CALL first (the precedence), LOOP too
    "both": [
        {"role": "user", "content": "Where is my order 55?"},
        _call(1, "get_order", '{"id": 55}'),
        _reply(1, "HTTP 503 Service Unavailable"),
        {"role": "assistant", "content": "Let me look that up another way."},
        *_search_three_times(),
        {
            "role": "assistant",
            "content": "I could not find order 55 yet; it may still be processing.",
        },
    ],
    "loop": [
        {"role": "user", "content": "Find order 55 please"},
        *_search_three_times(),
        {"role": "assistant", "content": "Order 55 is not in our records yet."},
    ],
    "fine": [
        {"role": "user", "content": "What are your opening hours?"},
        {"role": "assistant", "content": "We are open 9 to 5, Monday to Friday."},
    ],
}


@pytest.fixture
def conn() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    warehouse.ensure_schema(c)
    insert_traces(
        c,
        [trace_record(t, WHEN, m, source_line=i) for i, (t, m) in enumerate(CONVERSATIONS.items())],
    )
    facets = [find_facet(load_facets(), n) for n in ("Issues", "Sentiment", "Task")]
    summarize_days(c, [WHEN.date()], facets=facets, summarizer=make_summarizer("local"))
    yield c
    c.close()


def test_the_local_rules_keep_every_problem_of_a_trace_first_its_label(conn) -> None:
    got = dict(
        conn.execute(
            "SELECT trace_id, (label, labels) FROM facet_summaries WHERE facet = 'Issues'"
        ).fetchall()
    )
    assert got == {
        "both": ("FAILED_TOOL_CALL", ["FAILED_TOOL_CALL", "LOOP"]),
        "loop": ("LOOP", ["LOOP"]),
        "fine": ("NONE", ["NONE"]),
    }
    # a facet of one label keeps it as the list; a facet without labels keeps none
    others = conn.execute(
        "SELECT facet, bool_and(labels = [label]), bool_and(labels IS NULL) FROM facet_summaries "
        "WHERE facet <> 'Issues' GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert others == [("Sentiment", True, False), ("Task", None, True)]


def test_a_trace_counts_once_in_the_shares_and_under_every_problem_it_had(conn) -> None:
    """The Issues map by hand (parents by label value, as maps build them for labelled facets),
    each trace classified under its label's parent."""
    map_id = map_id_for("Issues", WHEN.date())
    parents = {0: ("Failed tool calls", "failed_tool_call"), 1: ("Loops", "loop"),
               2: ("No issue", "none")}  # fmt: skip
    insert_rows(conn, "topics", [
        dict(facet="Issues", map_id=map_id, topic_id=t, label=name, level="parent", facet_label=key)
        for t, (name, key) in parents.items()
    ])  # fmt: skip
    insert_rows(
        conn, "topic_maps", [dict(map_id=map_id, facet="Issues", day=WHEN.date(), status="built")]
    )
    of_label = {"FAILED_TOOL_CALL": 0, "LOOP": 1, "NONE": 2}
    labels = conn.execute("SELECT trace_id, label FROM facet_summaries WHERE facet = 'Issues'")
    insert_rows(conn, "classifications", [
        dict(day=WHEN.date(), trace_id=t, facet="Issues", topic_id=of_label[lab],
             label=parents[of_label[lab]][0], subtopic_id=of_label[lab],
             subtopic=parents[of_label[lab]][0], distance=0.1, map_id=map_id)
        for t, lab in labels.fetchall()
    ])  # fmt: skip
    got = {t["label"]: (t["count"], t["any_mention"]) for t in ranked_topics(conn, "Issues")}
    assert got == {"Failed tool calls": (1, 1), "Loops": (1, 2), "No issue": (1, 1)}
    assert sum(t["share"] for t in ranked_topics(conn, "Issues")) == pytest.approx(1.0)
    # within a filter (the explorer's), of the filter's traces only
    within = ranked_topics(conn, "Issues", within="SELECT 'both' UNION ALL SELECT 'loop'")
    got = {t["label"]: (t["count"], t["any_mention"]) for t in within}
    assert got == {"Failed tool calls": (1, 1), "Loops": (1, 2)}


def test_a_trace_with_rows_on_two_days_counts_once_a_day_under_each_label() -> None:
    """label_mentions joins a trace's summary and classification of the same day: a trace with
    rows on two days counts once a day, as ranked_topics' `count` does (it had counted the
    cross product, 4 for 2 days), and any_mention is never below count."""
    from tracetopics_pipeline.core.topics.report import label_mentions

    c = duckdb.connect()
    warehouse.ensure_schema(c)
    days = [WHEN.date(), WHEN.date().replace(day=21)]
    insert_rows(c, "facet_summaries", [
        dict(day=d, trace_id="twice", facet="Issues", summary="Failed tool call: x; Loop: y",
             label="FAILED_TOOL_CALL", labels=["FAILED_TOOL_CALL", "LOOP"], status="ok")
        for d in days
    ])  # fmt: skip
    insert_rows(c, "classifications", [
        dict(day=d, trace_id="twice", facet="Issues", topic_id=0, label="Failed tool calls",
             map_id="m")
        for d in days
    ])  # fmt: skip
    assert label_mentions(c, "Issues") == {"failed_tool_call": 2, "loop": 2}
    assert label_mentions(c, "Issues", day=days[1]) == {"failed_tool_call": 1, "loop": 1}
    c.close()
