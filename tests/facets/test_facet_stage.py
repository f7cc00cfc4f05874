"""The facet stage: rows per trace × facet, coverage, sampling, filter, only_facets, idempotence;
its performance paths (worker processes, session-whole blocks) do not change results."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import replace
from datetime import date

import pytest
from factories.conversations import DAY1, DAY2, conversations

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets import stage as facet_stage
from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets, text_hash
from tracetopics_pipeline.core.facets.stage import in_sample, preview_facet, summarize_days
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.ingest.frames import traces_frame
from tracetopics_pipeline.core.ingest.records import record_from_object
from tracetopics_pipeline.demo.traffic import iter_traces


def _rows(conn):
    return conn.execute(
        "SELECT day, trace_id, facet, summary, label, status, error, text_hash FROM facet_summaries ORDER BY ALL"
    ).fetchall()


def test_every_trace_gets_every_facet(facet_wh):
    facets = load_facets()
    stats = summarize_days(
        facet_wh, [DAY1, DAY2], facets=facets, summarizer=make_summarizer("local")
    )
    n = facet_wh.execute(
        "SELECT count(*), count(DISTINCT trace_id) FROM facet_summaries"
    ).fetchone()
    assert n == (6 * len(facets), 6)
    by = {(r[1], r[2]): r for r in _rows(facet_wh)}
    assert by[("t-happy", "Task")][3] == "Export my dashboard to CSV"
    assert by[("t-happy", "Sentiment")][4] == "POSITIVE"
    assert by[("t-angry", "Sentiment")][4] == "NEGATIVE"
    issues = by[("t-angry", "Issues")]
    assert issues[4] == "FAILED_TOOL_CALL" and "Escalation to human" in issues[3]
    # Excluded rows keep summary and label.
    assert by[("t-happy", "Issues")][3:6] == ("NONE", "NONE", "excluded")
    assert by[("t-happy", "Task")][7] == text_hash("Export my dashboard to CSV")
    assert "<EMAIL>" not in by[("t-angry", "Task")][3] and "jane" not in str(_rows(facet_wh))
    md = stats.metadata()
    assert md["Issues/processed"] == 6 and md["Issues/excluded"] == 2 and md["Issues/matched"] == 4
    assert md["backend"] == "local" and all(isinstance(v, str | int | float) for v in md.values())
    cov = facet_wh.execute(
        "SELECT sum(processed), sum(matched + excluded + errored + skipped) FROM facet_coverage"
    ).fetchone()
    assert cov == (6 * len(facets), 6 * len(facets))


def test_rerun_is_idempotent_and_day_scoped(facet_wh):
    facets, s = load_facets(), make_summarizer("local")
    summarize_days(facet_wh, [DAY1, DAY2], facets=facets, summarizer=s)
    before = _rows(facet_wh)
    summarize_days(facet_wh, [DAY1], facets=facets, summarizer=s)
    assert _rows(facet_wh) == before
    assert facet_wh.execute("SELECT count(*) FROM facet_coverage").fetchone()[0] == 2 * len(facets)


def test_only_facets_replaces_only_those_rows(facet_wh):
    facets, s = load_facets(), make_summarizer("local")
    summarize_days(facet_wh, [DAY1], facets=facets, summarizer=s)
    facet_wh.execute("UPDATE facet_summaries SET error = 'marker'")
    changed = [replace(f, exclude="^Export") if f.key == "task" else f for f in facets]
    stats = summarize_days(facet_wh, [DAY1], facets=changed, summarizer=s, only_facets=["task"])
    assert stats.facets == ["Task"]
    marked = dict(
        facet_wh.execute(
            "SELECT facet, count(*) FILTER (error = 'marker') FROM facet_summaries GROUP BY 1"
        ).fetchall()
    )
    assert marked.pop("Task") == 0 and set(marked.values()) == {5}
    assert facet_wh.execute(
        "SELECT status FROM facet_summaries WHERE trace_id='t-happy' AND facet='Task'"
    ).fetchone() == ("excluded",)


def test_sampling_is_deterministic(facet_wh):
    ids = [f"t-{i}" for i in range(4000)]
    picked = [i for i in ids if in_sample(i, 0.25)]
    assert picked == [i for i in ids if in_sample(i, 0.25)]
    assert 900 < len(picked) < 1100
    assert set(picked) <= {
        i for i in ids if in_sample(i, 0.5)
    }  # nested: raising the rate only adds
    facets = load_facets()[:2]
    stats = summarize_days(
        facet_wh, [DAY1], facets=facets, summarizer=make_summarizer("local"), sample_rate=0.5
    )
    expected = {
        t["id"] for t in conversations() if t.get("day", DAY1) == DAY1 and in_sample(t["id"], 0.5)
    }
    got = {
        r[0] for r in facet_wh.execute("SELECT DISTINCT trace_id FROM facet_summaries").fetchall()
    }
    assert got == expected and stats.sampled_out == 5 - len(expected)


def test_where_filter(facet_wh):
    stats = summarize_days(
        facet_wh, [DAY1], facets=load_facets()[:1], summarizer=make_summarizer("local"),
        where="metadata->>'plan_tier' = 'enterprise'",
    )  # fmt: skip
    got = [
        r[0] for r in facet_wh.execute("SELECT trace_id FROM facet_summaries ORDER BY 1").fetchall()
    ]
    assert got == ["t-happy", "t-loop", "t-pricing"] and stats.filtered_out == 2


def test_preview_writes_nothing(facet_wh):
    out = preview_facet(
        facet_wh, "Sentiment", 4, facets=load_facets(), summarizer=make_summarizer("local")
    )
    assert len(out) == 4 and {o["status"] for o in out} <= {"ok", "excluded"}
    assert all(o["label"] in ("POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED") for o in out)
    assert out == preview_facet(
        facet_wh, "sentiment", 4, facets=load_facets(), summarizer=make_summarizer("local")
    )
    assert facet_wh.execute("SELECT count(*) FROM facet_summaries").fetchone()[0] == 0
    with pytest.raises(KeyError, match="no facet named"):
        preview_facet(facet_wh, "Nope", facets=load_facets(), summarizer=make_summarizer("local"))


def shout_users(trace, facet):
    """A custom preprocessor used by dotted path below."""
    users = [m["content"] for m in trace["messages"] if m["role"] == "user"]
    return "\n".join(u.upper() for u in users) if len(users) > 1 else None


def test_custom_and_errors_only_preprocessors_and_sessions(facet_wh):
    facets = load_facets()
    churn = replace(find_facet(facets, "Churn risk"), preprocessor=f"{__name__}.shout_users")
    errs = replace(
        find_facet(facets, "Issues"),
        name="Tool errors",
        key="tool_errors",
        preprocessor="errors_only",
    )
    sess = replace(
        find_facet(facets, "Task"), name="Session task", key="session_task", group_sessions=True
    )
    summarize_days(
        facet_wh, [DAY1], facets=[churn, errs, sess], summarizer=make_summarizer("local")
    )
    st = dict(((r[1], r[2]), r[5]) for r in _rows(facet_wh))
    assert (
        st[("t-pricing", "Churn risk")] == "skipped"
    )  # one user message → preprocessor says nothing
    assert st[("t-angry", "Churn risk")] == "ok"
    assert st[("t-angry", "Tool errors")] == "ok" and st[("t-happy", "Tool errors")] == "skipped"
    # t-angry and t-pricing share session s-1: summarized once, on the later trace.
    assert (
        st[("t-angry", "Session task")] == "skipped" and st[("t-pricing", "Session task")] == "ok"
    )


def test_summarizer_errors_become_rows(facet_wh):
    bad = replace(load_facets()[0], preprocessor=f"{__name__}.no_such_function")
    summarize_days(facet_wh, [DAY1], facets=[bad], summarizer=make_summarizer("local"))
    rows = facet_wh.execute("SELECT DISTINCT status FROM facet_summaries").fetchall()
    assert rows == [("errored",)]


def _small_batches(monkeypatch, n: int, seed: int) -> list[dict]:
    """A day of `n` demo traces, with batches small enough that a few hundred fork a pool."""
    monkeypatch.setattr(facet_stage, "BATCH", 40)
    monkeypatch.setattr(facet_stage, "PARALLEL_MIN_TRACES", 80)
    traces = list(iter_traces(date(2026, 3, 2), n, seed=seed))
    for t in traces:
        t.setdefault("day", date(2026, 3, 2))
    return traces


def test_parallel_local_summaries_equal_serial(monkeypatch) -> None:
    traces = _small_batches(monkeypatch, 300, seed=3)
    pools: list[int] = []

    class CountingPool(facet_stage.ProcessPoolExecutor):
        def __init__(self, workers, **kw) -> None:
            pools.append(workers)
            super().__init__(workers, **kw)

    monkeypatch.setattr(facet_stage, "ProcessPoolExecutor", CountingPool)
    facets = load_facets()
    summarizer = make_summarizer("local")
    serial, _ = facet_stage._run(traces, facets, summarizer, workers=1)
    parallel, _ = facet_stage._run(traces, facets, summarizer, workers=2)
    assert len(serial) == len(traces) * len(facets)
    assert pools == [2]  # the parallel run forked a pool; the serial one did not
    assert parallel == serial


def _dies_after_the_first_chunk(bounds: tuple[int, int]):
    """A worker killed mid-run (out of memory, a crash in native code), in the forked child."""
    if bounds[0] >= 4 * facet_stage.BATCH:
        os._exit(1)
    return _SLICE(bounds)


_SLICE = facet_stage._summarize_slice


def test_a_dead_worker_leaves_its_batches_to_the_parent(monkeypatch, caplog) -> None:
    """CI saw the pool break mid-run (a worker died); the day's facets then failed whole. The
    batches not yet returned now run in the parent process: the same rows, in order."""
    traces = _small_batches(monkeypatch, 400, seed=5)
    facets = load_facets()
    summarizer = make_summarizer("local")
    serial, _ = facet_stage._run(traces, facets, summarizer, workers=1)
    monkeypatch.setattr(facet_stage, "_summarize_slice", _dies_after_the_first_chunk)
    with caplog.at_level("WARNING", logger=facet_stage.__name__):
        broken, _ = facet_stage._run(traces, facets, summarizer, workers=2)
    assert broken == serial
    assert "worker process died" in caplog.text


_FLAG: list[str] = []  # [the file the parent touches on its first batch, the timeout mark]


def _waits_for_the_first_result(bounds: tuple[int, int]):
    """Every batch after the first waits (up to 20 s) for the parent to have the first one."""
    flag, timed_out = _FLAG
    if bounds[0] > 0:
        deadline = time.monotonic() + 20
        while not os.path.exists(flag):
            if time.monotonic() > deadline:
                open(timed_out, "w").close()
                break
            time.sleep(0.02)
    return _SLICE(bounds)


def test_each_batch_reaches_the_parent_as_it_ends(monkeypatch, tmp_path) -> None:
    """The 30-day demo printed no progress for 5 minutes of summarizing, then eight lines in one
    second: the pool handed out batches four at a time (map's chunksize=4), and a group's results
    came back only when its last batch was done (and two workers got 11 and 8 of 19 batches).
    A batch's result now reaches the parent (and the progress line) when that batch ends."""
    traces = _small_batches(monkeypatch, 240, seed=7)
    facets = [f for f in load_facets() if f.key == "task"]
    flag, timed_out = tmp_path / "first-result", tmp_path / "timed-out"
    _FLAG[:] = [str(flag), str(timed_out)]
    monkeypatch.setattr(facet_stage, "_summarize_slice", _waits_for_the_first_result)
    got = []
    for res in facet_stage._summarize_batches(make_summarizer("local"), traces, facets, 2):
        flag.touch()
        got.extend(res.outputs)
    assert not timed_out.exists()  # the first batch came back while the others waited for it
    assert len(got) == len(traces)


def test_workers_fork_while_a_request_thread_holds_the_gap_rule(monkeypatch, caplog) -> None:
    """After the explorer's tests every forked worker segfaulted inside os.fork and the stage
    ran its batches in the parent. The gap rule kept a DuckDB connection in a thread-local of
    each request thread; in the child, Python frees the locals of the threads fork left behind,
    and DuckDB's teardown joins scheduler threads the child does not have. A thread that ran
    the rule and is still alive at the fork must leave the workers whole."""
    from tracetopics_pipeline.core.topics import gap_rule

    traces = _small_batches(monkeypatch, 120, seed=6)
    facets = [f for f in load_facets() if f.key == "task"]
    summarizer = make_summarizer("local")
    serial, _ = facet_stage._run(traces, facets, summarizer, workers=1)
    ran, release = threading.Event(), threading.Event()

    def request_thread() -> None:  # an idle server thread that once answered with the rule
        gap_rule.versus_calls([(3, 10, 20, 100)], min_lift=1.5, min_events=2, min_z=1.0)
        ran.set()
        release.wait(120)

    thread = threading.Thread(target=request_thread, daemon=True)
    thread.start()
    try:
        assert ran.wait(60)
        with caplog.at_level("WARNING", logger=facet_stage.__name__):
            parallel, _ = facet_stage._run(traces, facets, summarizer, workers=2)
    finally:
        release.set()
        thread.join(10)
    assert "worker process died" not in caplog.text
    assert parallel == serial


def test_trace_blocks_keep_sessions_whole(conn) -> None:
    """The facet stage streams a day in blocks; a block never ends inside a session."""
    day = date(2026, 3, 2)
    traces = list(iter_traces(day, 300, seed=4))
    records = [
        record_from_object(
            t, file="f.jsonl", line=i + 1, size_bytes=None, max_trace_bytes=10**7,
            start_date=None, today=day,
        )
        for i, t in enumerate(traces)
    ]  # fmt: skip
    warehouse.replace_days(conn, "raw_traces", traces_frame(records), [day])
    blocks = list(facet_stage.trace_blocks(conn, [day], block=10))
    ids = [t["id"] for b in blocks for t in b]
    assert sorted(ids) == sorted(t["id"] for t in traces)  # each trace exactly once
    assert len(blocks) > 10 and max(map(len, blocks)) < 40
    where = {}
    for i, b in enumerate(blocks):
        for t in b:
            if t["session_id"]:
                assert where.setdefault(t["session_id"], i) == i, t["session_id"]
    assert len(where) < len([t for t in traces if t.get("session_id")])  # sessions exist
