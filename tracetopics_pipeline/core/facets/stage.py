"""Facet stage: raw_traces of some days → facet_summaries and facet_coverage (one row per
trace × facet, whatever happened to it).

Which traces: those of the given days that pass the SQL filter (a WHERE over raw_traces) and the
deterministic sample (a hash of the trace id, so a trace is in or out on every re-run).
Re-running replaces those days' rows; with `only_facets`, only those facets' rows — which is
how a changed prompt re-summarizes one facet without touching (or paying for) the others.

Traces go in the order of a hash of their session (or trace) id: when the spend budget stops
the model calls part way, the traces that got summaries are a deterministic sample by id, and
the rest are recorded as skipped with the budget's reason (facet_coverage.budget_skipped), to
be summarized by a later run with budget left.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import logging
import multiprocessing as mp
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb
import orjson
import polars as pl

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import Facet, find_facet, text_hash
from tracetopics_pipeline.core.facets.preprocess import merge_session
from tracetopics_pipeline.core.facets.reuse import Reuse, base_digest, stored_outputs
from tracetopics_pipeline.core.facets.summarizers.base import (
    STATUSES,
    FacetOutput,
    Summarizer,
    SummarizeResult,
    prepared_text,
)
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.spend import ledger
from tracetopics_pipeline.core.spend.budget import BUDGET_REASON, Budget
from tracetopics_pipeline.core.wording import progress_worth_saying

BATCH = 500  # traces per summarizer call: bounds memory and lets the cache fill as we go
TRACE_BLOCK = 20_000  # traces read from the warehouse and held at once
PARALLEL_MIN_TRACES = 4 * BATCH  # below this, forking a pool costs more than it saves
# facet_coverage's counts; budget_skipped is the part of `skipped` the spend budget left over.
COVERAGE_COUNTS = ("processed", "matched", "excluded", "errored", "skipped", "budget_skipped")
_TRACE_COLS = "id, day, created, project_id, session_id, messages, metadata, metrics, input, output"


def in_sample(trace_id: str, rate: float) -> bool:
    """Deterministic sampling by trace-id hash: the same trace is always in or always out."""
    if rate >= 1.0:
        return True
    if rate <= 0.0:
        return False
    h = int.from_bytes(hashlib.sha1(str(trace_id).encode()).digest()[:8], "big")
    return h / 2**64 < rate


@dataclass
class FacetStats:
    days: list[date]
    backend: str = ""
    model: str = ""
    traces_in_days: int = 0
    filtered_out: int = 0
    sampled_out: int = 0
    traces_processed: int = 0
    coverage: dict[str, dict[str, int]] = field(default_factory=dict)  # facet -> counts
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    requests: int = 0
    retries: int = 0
    cache_hits: int = 0
    budget_skipped: int = 0  # trace × facet outputs left for a later run by the spend budget
    budget_reason: str = ""
    reused: int = 0  # trace × facet summaries kept from an earlier run: input unchanged (reuse.py)
    elapsed_s: float = 0.0
    facets: list[str] = field(default_factory=list)

    @property
    def error_rate(self) -> float:
        """Worst facet's errored / processed: what the coverage check gates on."""
        rates = [
            c.get("errored", 0) / c["processed"]
            for c in self.coverage.values()
            if c.get("processed")
        ]
        return max(rates, default=0.0)

    def metadata(self) -> dict[str, Any]:
        """Flat dict for Dagster asset metadata."""
        md: dict[str, Any] = {
            "days": ",".join(d.isoformat() for d in self.days),
            "backend": self.backend,
            "model": self.model,
            "facets": ",".join(self.facets),
            "traces_in_days": self.traces_in_days,
            "filtered_out": self.filtered_out,
            "sampled_out": self.sampled_out,
            "traces_processed": self.traces_processed,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
            "estimated_cost_usd": round(self.cost_usd, 6),
            "requests": self.requests,
            "retries": self.retries,
            "cache_hits": self.cache_hits,
            "skipped_budget": self.budget_skipped,
            "skipped_budget_reason": self.budget_reason,
            "summaries_reused": self.reused,
            "elapsed_s": round(self.elapsed_s, 3),
            "traces_per_s": round(self.traces_processed / self.elapsed_s, 1)
            if self.elapsed_s
            else 0.0,
        }
        for facet, counts in self.coverage.items():
            for k in COVERAGE_COUNTS:
                md[f"{facet}/{k}"] = counts.get(k, 0)
        return md


def _load(v: Any) -> Any:
    return orjson.loads(v) if isinstance(v, str | bytes) else v


def _trace_dict(cols: list[str], row: tuple) -> dict:
    """A raw_traces row as the dict summarizers take: JSON columns parsed, metrics a dict."""
    t = dict(zip(cols, row, strict=True))
    for k in ("messages", "metadata", "input", "output"):
        t[k] = _load(t[k])
    t["metrics"] = t["metrics"] or {}
    return t


def _trace_dicts(cur: duckdb.DuckDBPyConnection) -> list[dict]:
    cols = [d[0] for d in cur.description]
    return [_trace_dict(cols, row) for row in cur.fetchall()]


def trace_blocks(
    conn: duckdb.DuckDBPyConnection,
    days: list[date],
    where: str | None = None,
    block: int | None = None,
) -> Iterator[list[dict]]:
    """The traces of those days passing the filter, in blocks of about `block` traces
    (default TRACE_BLOCK), so a big day is never held in memory at once. Rows come ordered by
    session — in the order of a hash of the session (or trace) id, so that work cut short by
    the budget is a deterministic sample — and a block ends only where a session does:
    sessions are summarized whole."""
    block = block or TRACE_BLOCK
    sql = f"SELECT {_TRACE_COLS} FROM raw_traces WHERE day IN (SELECT unnest(?::DATE[]))"
    if where and where.strip():
        sql += f" AND ({where})"
    cur = conn.cursor()  # its own: the caller's connection stays free while we stream
    try:
        key = "coalesce(session_id, id)"
        cur.execute(sql + f" ORDER BY md5({key}), {key}, created, id", [days])
        cols = [d[0] for d in cur.description]
        sid, tid = cols.index("session_id"), cols.index("id")
        pending: list[tuple] = []
        while rows := cur.fetchmany(block):
            pending += rows
            if len(pending) < block:
                continue
            last = pending[-1][sid] or pending[-1][tid]
            cut = len(pending)
            while cut > 0 and (pending[cut - 1][sid] or pending[cut - 1][tid]) == last:
                cut -= 1
            if cut:  # else one session fills the block: read on until it ends
                yield [_trace_dict(cols, r) for r in pending[:cut]]
                pending = pending[cut:]
        if pending:
            yield [_trace_dict(cols, r) for r in pending]
    finally:
        cur.close()


class _Progress:
    """Counts trace x facet summaries done and tells `say(done, total)` in traces, each time
    another `wording.PROGRESS_STEP` of `total` is done: about as many lines as embedding prints."""

    def __init__(self, say: Callable[[int, int], None], total: int, n_facets: int) -> None:
        self.say, self.total, self.n_facets = say, total, max(n_facets, 1)
        self.outputs = 0
        self.told = 0

    def __call__(self, outputs: int) -> None:
        self.outputs += outputs
        done = min(self.outputs // self.n_facets, self.total)
        if done < self.total and progress_worth_saying(done, self.total, self.told):
            self.told = done  # the last line is finish()'s
            self.say(done, self.total)

    def finish(self) -> None:
        done = min(self.outputs // self.n_facets, self.total)
        if self.total and done > self.told:
            self.told = done
            self.say(done, self.total)


def _run(
    traces: list[dict],
    facets: list[Facet],
    summarizer: Summarizer,
    workers: int = 1,
    reuse: Reuse | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> tuple[list[FacetOutput], SummarizeResult]:
    """Summarize, merging sessions for facets that ask for it; one output per trace × facet.
    With `reuse`, a trace (a session, for facets that summarize sessions whole) whose input is
    unchanged keeps its stored outputs instead."""
    total = SummarizeResult(backend=summarizer.backend, model=summarizer.model)
    plain = [f for f in facets if not f.group_sessions]
    grouped = [f for f in facets if f.group_sessions]
    jobs: list[tuple[list[dict], list[Facet]]] = []
    skipped: list[FacetOutput] = []
    kept: list[FacetOutput] = []
    if plain:
        todo = traces
        if reuse is not None:
            got, units = reuse.take([[t] for t in traces], plain)
            kept += got
            todo = [u[0] for u in units]
        if todo:
            jobs.append((todo, plain))
    if grouped:
        sessions: dict[str, list[dict]] = defaultdict(list)
        singles = []
        for t in traces:
            (sessions[t["session_id"]] if t.get("session_id") else singles).append(t)
        if reuse is not None:
            got, units = reuse.take([[t] for t in singles] + list(sessions.values()), grouped)
            kept += got
            singles = [u[0] for u in units if not u[0].get("session_id")]
            sessions = {u[0]["session_id"]: u for u in units if u[0].get("session_id")}
        merged = list(singles)
        for members in sessions.values():
            m = merge_session(members)
            merged.append(m)
            for t in members:
                if t["id"] != m["id"]:
                    skipped += [
                        FacetOutput(
                            t["id"],
                            f.name,
                            "skipped",
                            error=f"summarized with its session on trace {m['id']}",
                        )
                        for f in grouped
                    ]
        if merged:
            jobs.append((merged, grouped))
    if on_batch is not None and (kept or skipped):  # kept and skipped outputs count as done
        on_batch(len(kept) + len(skipped))
    for batch_traces, batch_facets in jobs:
        for res in _summarize_batches(summarizer, batch_traces, batch_facets, workers):
            total.extend(res)
            if on_batch is not None:
                on_batch(len(res.outputs))
    total.outputs.extend(skipped)
    total.outputs.extend(kept)
    return total.outputs, total


log = logging.getLogger(__name__)

# Set just before forking the pool: workers read their batches from the parent's memory
# (copy-on-write) instead of having every trace pickled to them.
_FORK_JOB: tuple[Summarizer, list[dict], list[Facet]] | None = None


def _one_thread() -> None:
    """A forked worker is one core: torch (the form classifier's embeddings) runs on one
    thread there, so it neither oversubscribes the cores nor enters an OpenMP thread pool
    inherited, half-built, from the parent across the fork."""
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)


def _summarize_slice(bounds: tuple[int, int]) -> SummarizeResult:
    summarizer, traces, facets = _FORK_JOB  # type: ignore[misc]
    try:
        return summarizer.summarize(traces[bounds[0] : bounds[1]], facets)
    finally:
        release_heap()


def _libc_trim() -> Any:
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to trim
        return None


_MALLOC_TRIM = _libc_trim()


def release_heap() -> None:
    """Hand the C heap's freed pages back to the OS. glibc keeps what a batch's embedding
    temporaries (the form classifier's turns) freed, so a forked worker's private memory grew
    by ~100 MB over a few batches; trimming after each batch halves it (docs/benchmarks.md,
    Facets, seventh pass). A few milliseconds; a no-op where the C library is not glibc."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def _summarize_batches(
    summarizer: Summarizer, traces: list[dict], facets: list[Facet], workers: int
) -> Iterator[SummarizeResult]:
    """Batches of BATCH traces, in order. The local backend is pure CPU-bound Python, so with
    workers > 1 and enough traces the batches run in forked processes (one per core); the
    outputs are the same, in the same order. Other backends (network-bound, with their own
    bounded concurrency and a cache) always run in-process."""
    global _FORK_JOB
    bounds = [(i, min(i + BATCH, len(traces))) for i in range(0, len(traces), BATCH)]
    parallel = (
        workers > 1
        and summarizer.backend == "local"
        and len(traces) >= PARALLEL_MIN_TRACES
        and "fork" in mp.get_all_start_methods()
    )
    if not parallel:
        for lo, hi in bounds:
            res = summarizer.summarize(traces[lo:hi], facets)
            release_heap()
            yield res
        return
    warm = getattr(summarizer, "warm", None)
    if callable(warm):  # the model, loaded before the fork: the workers share it
        warm()
    _FORK_JOB = (summarizer, traces, facets)
    # Frozen objects are never scanned by the workers' garbage collector, which would
    # otherwise touch, and so copy, every page the workers share with the parent.
    gc.collect()
    release_heap()  # what earlier stages freed, before the workers inherit the heap
    gc.freeze()
    done = 0
    try:
        with ProcessPoolExecutor(
            workers, mp_context=mp.get_context("fork"), initializer=_one_thread
        ) as pool:
            # one batch a task (map's default chunksize): each result, and the progress line
            # it makes, comes back as its batch ends; chunks of four returned four at once
            for res in pool.map(_summarize_slice, bounds):
                done += 1
                yield res
    except BrokenProcessPool as exc:
        # A worker died (killed for memory, a crash in native code): the batches not yet
        # returned run here, one after another, rather than failing the day's facets.
        log.warning(
            "a summarizer worker process died (%s); the last %d of %d batches run in this process",
            exc,
            len(bounds) - done,
            len(bounds),
        )
        for lo, hi in bounds[done:]:
            res = summarizer.summarize(traces[lo:hi], facets)
            release_heap()
            yield res
    finally:
        _FORK_JOB = None
        gc.unfreeze()


def summarize_days(
    conn: duckdb.DuckDBPyConnection,
    days: list[date],
    *,
    facets: list[Facet],
    summarizer: Summarizer,
    sample_rate: float = 1.0,
    where: str | None = None,
    only_facets: list[str] | None = None,
    workers: int | None = None,
    budget: Budget | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> FacetStats:
    """Summarize the traces of `days` through `facets`; replace those days' facet rows.

    `workers` (default: TRACETOPICS_THREADS) processes run the local summarizer in parallel.
    Days go in chunks of about `warehouse.CHUNK_ROWS` traces, each written before the next is
    read, so memory stays flat however long the range. `budget` (the one the summarizer
    charges) has its spend written to the ledger with each chunk. A trace whose input is
    unchanged since its stored summaries were made keeps them (reuse.py), unsummarized.
    `progress(done, total)` hears the traces summarized so far (trace x facet summaries over
    the facets: a session's traces count when it is summarized whole) out of the days' traces,
    each time another PROGRESS_STEP of them is done, and once at the end (review rv12 L1: the
    demo printed nothing for its 3.5 minutes of summarizing).
    """
    if workers is None:
        workers = Settings.from_env().threads
    t0 = time.perf_counter()
    days = sorted(set(days))
    if only_facets:
        facets = [find_facet(facets, n) for n in only_facets]
    stats = FacetStats(
        days=days,
        backend=summarizer.backend,
        model=summarizer.model,
        facets=[f.name for f in facets],
    )
    per_day = warehouse.rows_per_day(conn, "raw_traces", days)
    base = base_digest(summarizer, facets)  # None: nothing can be proved unchanged
    on_batch = _Progress(progress, sum(per_day.values()), len(facets)) if progress else None
    coverage = [
        _summarize_chunk(
            conn, chunk, stats, facets, summarizer, sample_rate, where, workers,
            in_days=sum(per_day.get(d, 0) for d in chunk),
            only=[f.name for f in facets] if only_facets else None, budget=budget, base=base,
            on_batch=on_batch,
        )
        for chunk in warehouse.day_chunks(days, per_day)
    ]  # fmt: skip
    if on_batch is not None:
        on_batch.finish()
    stats.coverage = _coverage_totals(pl.concat(coverage)) if coverage else {}
    stats.budget_skipped = sum(c.get("budget_skipped", 0) for c in stats.coverage.values())
    if stats.budget_skipped and budget is not None:
        stats.budget_reason = budget.skip_reason()
    stats.elapsed_s = time.perf_counter() - t0
    return stats


def _summarize_chunk(
    conn: duckdb.DuckDBPyConnection,
    days: list[date],
    stats: FacetStats,
    facets: list[Facet],
    summarizer: Summarizer,
    sample_rate: float,
    where: str | None,
    workers: int,
    in_days: int,
    only: list[str] | None,
    budget: Budget | None = None,
    base: str | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> pl.DataFrame:
    """Summarize and write one chunk of days (holding `in_days` traces), adding its counts to
    `stats`; returns its facet_coverage rows. Traces stream in blocks; each block's outputs
    become a compact frame."""
    stats.traces_in_days += in_days
    passed = 0
    by_name = {f.name: f for f in facets}
    frames = [_frame([], {}, summarizer, by_name)]
    for traces in trace_blocks(conn, days, where):
        passed += len(traces)
        kept = [t for t in traces if in_sample(t["id"], sample_rate)]
        stats.sampled_out += len(traces) - len(kept)
        stats.traces_processed += len(kept)
        del traces
        reuse = None
        if base is not None:
            ids = [str(t["id"]) for t in kept]
            reuse = Reuse(base, stored_outputs(conn, days, ids, list(by_name)))
        outputs, res = _run(kept, facets, summarizer, workers, reuse, on_batch)
        stats.reused += reuse.reused if reuse else 0
        ledger.record(conn, budget)  # money spent is recorded even if the chunk never lands
        for k in (
            "prompt_tokens",
            "completion_tokens",
            "cost_usd",
            "requests",
            "retries",
            "cache_hits",
        ):
            setattr(stats, k, getattr(stats, k) + getattr(res, k))
        digests = reuse.digest_of if reuse else {}
        day_of = {t["id"]: t["day"] for t in kept}
        frames.append(_frame(outputs, day_of, summarizer, by_name, digests))
        del kept, outputs
    stats.filtered_out += in_days - passed
    frame = pl.concat(frames)
    coverage = _coverage(frame, days, [f.name for f in facets])
    _write(conn, frame, coverage, days, only, budget)
    return coverage


def _frame(
    outputs: list[FacetOutput],
    day_of: dict[str, date],
    summarizer: Summarizer,
    by_name: dict[str, Facet],
    digests: dict[tuple[str, bool], str] | None = None,
) -> pl.DataFrame:
    """facet_summaries rows for `outputs`; `digests`: each trace's input digest (reuse.py),
    per (trace id, whether the facet summarizes sessions whole)."""
    digests = digests or {}
    rows = {
        "day": [day_of[o.trace_id] for o in outputs],
        "trace_id": [o.trace_id for o in outputs],
        "facet": [o.facet for o in outputs],
        "summary": [o.summary for o in outputs],
        "label": [o.label for o in outputs],
        "labels": [o.all_labels for o in outputs],
        "status": [o.status for o in outputs],
        "error": [o.error for o in outputs],
        "text_hash": [text_hash(o.summary) if o.summary is not None else None for o in outputs],
        "backend": [summarizer.backend] * len(outputs),
        "model": [o.model or summarizer.model for o in outputs],
        "prompt_hash": [by_name[o.facet].prompt_hash for o in outputs],
        "input_digest": [
            digests.get((str(o.trace_id), by_name[o.facet].group_sessions)) for o in outputs
        ],
    }
    return pl.DataFrame(rows, schema={
        "day": pl.Date, "trace_id": pl.Utf8, "facet": pl.Utf8, "summary": pl.Utf8, "label": pl.Utf8,
        "labels": pl.List(pl.Utf8), "status": pl.Utf8, "error": pl.Utf8, "text_hash": pl.Utf8, "backend": pl.Utf8, "model": pl.Utf8,
        "prompt_hash": pl.Utf8, "input_digest": pl.Utf8,
    })  # fmt: skip


def _coverage(frame: pl.DataFrame, days: list[date], names: list[str]) -> pl.DataFrame:
    """facet_coverage rows: one per day × facet, zeros included, so every run is visible."""
    grid = pl.DataFrame({"day": days}, schema={"day": pl.Date}).join(
        pl.DataFrame({"facet": names}, schema={"facet": pl.Utf8}), how="cross"
    )
    counts = frame.group_by("day", "facet").agg(
        pl.len().alias("processed"),
        *[
            (pl.col("status") == s).sum().alias(n)
            for s, n in zip(STATUSES, ("matched", "excluded", "skipped", "errored"), strict=True)
        ],
        (
            (pl.col("status") == "skipped")
            & pl.col("error").fill_null("").str.starts_with(BUDGET_REASON + ":")
        )
        .sum()
        .alias("budget_skipped"),
    )
    out = grid.join(counts, on=["day", "facet"], how="left").with_columns(
        [pl.col(c).fill_null(0).cast(pl.Int64) for c in COVERAGE_COUNTS]
    )
    return out.select("day", "facet", *COVERAGE_COUNTS)


def _coverage_totals(coverage: pl.DataFrame) -> dict[str, dict[str, int]]:
    tot = coverage.group_by("facet", maintain_order=True).agg(
        pl.col(c).sum() for c in COVERAGE_COUNTS
    )
    return {
        r["facet"]: {k: int(v) for k, v in r.items() if k != "facet"}
        for r in tot.iter_rows(named=True)
    }


def _write(
    conn: duckdb.DuckDBPyConnection,
    frame: pl.DataFrame,
    coverage: pl.DataFrame,
    days: list[date],
    only: list[str] | None,
    budget: Budget | None = None,
) -> None:
    """Replace the days' rows (only those facets' rows when `only`) in one transaction, with
    the spend that paid for them."""
    cond = "day IN (SELECT unnest(?::DATE[]))"
    params: list[Any] = [days]
    if only:
        cond += " AND facet IN (SELECT unnest(?::VARCHAR[]))"
        params.append(only)
    with warehouse.transaction(conn):
        for table, data in (("facet_summaries", frame), ("facet_coverage", coverage)):
            conn.execute(f"DELETE FROM {table} WHERE {cond}", params)
            warehouse.insert_frame(conn, table, data)
        ledger.record(conn, budget)


def preview_facet(
    conn: duckdb.DuckDBPyConnection,
    facet_name: str,
    n: int = 20,
    *,
    facets: list[Facet],
    summarizer: Summarizer,
    where: str | None = None,
) -> list[dict]:
    """Run one facet on n sample traces (a stable hash-ordered sample) and write nothing."""
    facet = find_facet(facets, facet_name)
    sql = f"SELECT {_TRACE_COLS} FROM raw_traces"
    if where and where.strip():
        sql += f" WHERE ({where})"
    traces = _trace_dicts(conn.execute(sql + " ORDER BY md5(id) LIMIT ?", [int(n)]))
    res = summarizer.summarize(traces, [facet])
    by_id = {o.trace_id: o for o in res.outputs}
    out = []
    for t in traces:
        o = by_id.get(t["id"])
        text, err = prepared_text(t, facet)  # redacted, as a model would see it
        text = text or (f"<{err}>" if err else "")
        out.append({
            "trace_id": t["id"],
            "created": t["created"],
            "input": text[:400],
            "status": o.status if o else "missing",
            "summary": o.summary if o else None,
            "label": o.label if o else None,
            "error": o.error if o else None,
        })  # fmt: skip
    return out
