"""A data-quality suite that passed on exactly the rows it would read now is not run again
(core/warehouse/quality.py): a re-run of unchanged days skips great-expectations' import; changed
rows, other counts or an earlier failure validate again."""

from __future__ import annotations

import duckdb
import pytest
from factories.conversations import DAY1, DAY2, load_conversations

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.facets.stage import summarize_days
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.warehouse import quality


@pytest.fixture(scope="module")
def summarized() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    warehouse.ensure_schema(c)
    load_conversations(c)
    summarize_days(c, [DAY1, DAY2], facets=load_facets(), summarizer=make_summarizer("local"))
    return c


@pytest.fixture
def conn(summarized) -> duckdb.DuckDBPyConnection:
    c = summarized.cursor()
    c.execute("BEGIN")  # each test's changes are rolled back
    yield c
    c.execute("ROLLBACK")


def _runs(monkeypatch) -> list[int]:
    """Counts great-expectations validations (each needs its context, the heavy import)."""
    calls: list[int] = []
    real = quality._context
    monkeypatch.setattr(quality, "_context", lambda: calls.append(1) or real())
    return calls


def test_a_passed_suite_on_the_same_rows_is_not_run_again(conn, monkeypatch) -> None:
    calls = _runs(monkeypatch)
    n = conn.execute("SELECT count(*) FROM raw_traces").fetchone()[0]
    first = quality.validate_raw_traces(conn, [DAY1, DAY2], expected_rows=n)
    assert first.success and not first.reused and calls
    facets = quality.validate_facet_summaries(conn, [DAY1, DAY2], n_facets=len(load_facets()))
    assert facets.success and not facets.reused
    calls.clear()
    again = quality.validate_raw_traces(conn, [DAY1, DAY2], expected_rows=n)
    same = quality.validate_facet_summaries(conn, [DAY1, DAY2], n_facets=len(load_facets()))
    assert calls == [] and again.reused and same.reused
    assert (again.success, again.evaluated, again.rows) == (True, first.evaluated, first.rows)
    assert (same.success, same.evaluated, same.rows) == (True, facets.evaluated, facets.rows)
    assert again.metadata()["validated"] == "earlier, the same rows"
    # other days are another suite run
    assert not quality.validate_raw_traces(conn, [DAY1], expected_rows=5).reused


def test_changed_rows_or_counts_validate_again(conn, monkeypatch) -> None:
    n = conn.execute("SELECT count(*) FROM raw_traces").fetchone()[0]
    nf = len(load_facets())
    quality.validate_raw_traces(conn, [DAY1, DAY2], expected_rows=n)
    quality.validate_facet_summaries(conn, [DAY1, DAY2], n_facets=nf)
    calls = _runs(monkeypatch)
    conn.execute("UPDATE raw_traces SET created = created + INTERVAL 1 MINUTE WHERE id = 't-happy'")
    moved = quality.validate_raw_traces(conn, [DAY1, DAY2], expected_rows=n)
    assert calls and not moved.reused and moved.success
    calls.clear()
    short = quality.validate_raw_traces(conn, [DAY1, DAY2], expected_rows=n + 1)  # other counts
    assert calls and not short.reused and not short.success
    again = quality.validate_raw_traces(conn, [DAY1, DAY2], expected_rows=n + 1)
    assert not again.reused and not again.success  # a failure is never carried over
    conn.execute("UPDATE facet_summaries SET status = 'weird' WHERE trace_id = 't-happy'")
    calls.clear()
    odd = quality.validate_facet_summaries(conn, [DAY1, DAY2], n_facets=nf)
    assert calls and not odd.reused and not odd.success


def test_a_changed_suite_validates_again(conn, monkeypatch) -> None:
    n = conn.execute("SELECT count(*) FROM raw_traces").fetchone()[0]
    quality.validate_raw_traces(conn, [DAY1, DAY2], expected_rows=n)
    monkeypatch.setattr(quality, "code_digest", lambda *a: "the suite changed")
    calls = _runs(monkeypatch)
    assert not quality.validate_raw_traces(conn, [DAY1, DAY2], expected_rows=n).reused and calls
