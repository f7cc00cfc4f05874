"""`tracetopics quarantine --day D [--accept]`: a day's quarantined lines, and accepting them so
a day held back for its quarantine rate goes on (core/ingest/holds.py)."""

from __future__ import annotations

import argparse
import sys

from tracetopics_pipeline.cli.errors import CliError
from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.ingest.holds import accept_day, quarantine_by_day
from tracetopics_pipeline.core.ingest.records import RAW_KEEP
from tracetopics_pipeline.core.settings import Settings, paths


def cmd_quarantine(args: argparse.Namespace) -> int:
    threshold = Settings.from_env().quarantine_rate_threshold
    day = args.day
    if args.accept:
        with warehouse.connect(paths().warehouse, wait_s=0) as conn:
            was = quarantine_by_day(conn, [day], threshold)[day]
            if not was.quarantined:
                raise CliError(
                    f"nothing is quarantined on {day}: nothing to accept "
                    "(`tracetopics run` names the days it holds back)"
                )
            q = accept_day(conn, day, threshold)
        lines = f"{q.quarantined:,} quarantined line{'' if q.quarantined == 1 else 's'}"
        if was.held:
            print(
                f"accepted {lines} of {day}: it is no longer held back while it has no more. "
                f"Now run: tracetopics run --from {day} --to {day}"
            )
        else:  # under the threshold: it never was held, and nothing needs a re-run
            print(
                f"accepted {lines} of {day} ({was.rate:.2%}, under the threshold "
                f"{threshold:.2%}: the day was not held back, nothing to re-run)"
            )
        return 0
    with warehouse.connect(paths().warehouse, read_only=True, wait_s=0) as conn:
        q = quarantine_by_day(conn, [day], threshold)[day]
        # a warehouse from before the cut raws (RAW_KEEP) has whole ones, and no such columns
        cut = {"raw_bytes", "raw_sha256"} <= set(warehouse.column_names(conn, "quarantine"))
        rows = conn.execute(
            "SELECT file, line, reason, detail, raw, "
            f"{'raw_bytes, raw_sha256' if cut else 'NULL, NULL'} FROM quarantine WHERE day = ? "
            "ORDER BY file, line LIMIT ?",
            [day, args.limit],
        ).fetchall()
    state = "held back" if q.held else "accepted" if q.accepted is not None else "not held"
    print(f"{q.summary()} — {state}")
    for file, line, reason, detail, raw, size, digest in rows:
        text = " ".join((raw or "").split())
        print(f"  {file}:{line}  {reason}  {(detail or '')[:80]}")
        print(f"      {text[:120]}{'…' if len(text) > 120 else ''}")
        if digest:  # a long line keeps its head: the landing file holds the rest
            print(
                f"      raw holds its first {RAW_KEEP // 1024} KiB of {size:,} bytes (sha256 {digest}); "
                "the whole line is in the landing file"
            )
    if q.quarantined > len(rows):
        print(f"  … {q.quarantined - len(rows):,} more (--limit)")
    columns = "raw, raw_truncated, raw_bytes, raw_sha256" if cut else "raw"
    print(
        f'SQL: tracetopics sql "SELECT file, line, reason, detail, {columns} FROM quarantine '
        f"WHERE day = DATE '{day}' ORDER BY file, line\""
    )
    if q.held:
        print(
            f"Accept them: tracetopics quarantine --day {day} --accept, then "
            f"tracetopics run --from {day} --to {day}",
            file=sys.stdout,
        )
    return 0
