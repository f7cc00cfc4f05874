"""What `tracetopics run` says when a run leaves work undone: days held back for their
quarantine rate, facets whose summaries errored past the coverage threshold, a step that
failed. A few short lines each, with the command to look closer and the way out; never a
traceback (the whole log stays in the Dagster run history)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.coverage import facet_coverage
from tracetopics_pipeline.core.ingest.holds import DayQuarantine, held_days
from tracetopics_pipeline.core.settings import Settings, paths
from tracetopics_pipeline.runner import RunFailed

SHOWN = 5  # held days listed one per line; the rest are counted


def report(days: Sequence[date], failed: RunFailed | None = None) -> int:
    """Print what the run over `days` left undone to stderr; 0 when nothing, else 1."""
    settings = Settings.from_env()
    held: list[DayQuarantine] = []
    coverage = []
    if paths().warehouse.exists():
        with warehouse.connect(paths().warehouse, read_only=True, wait_s=0) as conn:
            held = held_days(conn, days, settings.quarantine_rate_threshold)
            released = sorted(set(days) - {h.day for h in held})
            if released:
                coverage = [
                    c
                    for c in facet_coverage(conn, released, settings.coverage_threshold)
                    if c.failed
                ]
    lines: list[str] = []
    if failed is not None:
        lines.append(
            f"error: {failed.job} stopped (run {failed.run_id[:8]}): {'; '.join(failed.failures)}"
        )
    if held:
        lines += held_lines(held, len(days))
    if coverage:
        lines += coverage_lines(coverage, days)
    if failed is not None and not held and not coverage:
        lines.append(
            f"  the whole log: `make ui` → Runs → {failed.run_id[:8]}; fix the cause, then "
            "run the same command again (finished days are kept)"
        )
    for line in lines:
        print(line, file=sys.stderr)
    return 1 if lines else 0


def held_lines(held: list[DayQuarantine], n_days: int) -> list[str]:
    first = held[0]
    rest = n_days - len(held)
    lines = [
        f"error: {len(held)} of {n_days} days held back: quarantined lines are over "
        f"TRACETOPICS_QUARANTINE_THRESHOLD ({first.threshold:.2%})"
        + (f"; the other {rest} completed" if rest else ""),
        *(f"  {h.summary()}" for h in held[:SHOWN]),
    ]
    if len(held) > SHOWN:
        lines.append(f"  … and {len(held) - SHOWN} more days")
    d = first.day
    lines += [
        f"  see the lines:  tracetopics quarantine --day {d}",
        "                  (SQL: SELECT file, line, reason, detail, raw FROM quarantine "
        f"WHERE day = DATE '{d}')",
        f"  accept them:    tracetopics quarantine --day {d} --accept, "
        f"then tracetopics run --from {d} --to {d}",
        "  or raise the threshold for one run: "
        f"TRACETOPICS_QUARANTINE_THRESHOLD=0.10 tracetopics run --from {d} --to {d}",
    ]
    return lines


def coverage_lines(failing: list, days: Sequence[date]) -> list[str]:
    first, last = min(days), max(days)
    return [
        f"error: the facet coverage check failed for {first} → {last}: summaries errored past "
        f"TRACETOPICS_COVERAGE_THRESHOLD ({failing[0].threshold:.2%})",
        *(f"  {c.summary()}" for c in failing),
        '  see them: tracetopics sql "SELECT day, trace_id, facet, error FROM facet_summaries '
        "WHERE status = 'errored'\"",
        "  fix the model endpoint (OPENAI_BASE_URL, TRACETOPICS_LLM_TIMEOUT_S, ...) or raise "
        f"TRACETOPICS_COVERAGE_THRESHOLD, then: tracetopics run --from {first} --to {last}",
    ]
