"""`tracetopics status`: what state a home is in, in one screen — what is landed, which days
are classified, held back or waiting for a run, the maps, the explorer's snapshot and spend,
the last run and the one in progress (core/run_record.py; or the process holding the lock).

Every line is read from what the other commands read (the warehouse read-only, the landing
folder, the snapshot pointer); nothing is computed that they do not show in detail."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime
from typing import Any

from tracetopics_pipeline.cli.digest import spend_line
from tracetopics_pipeline.cli.output import no_map_line
from tracetopics_pipeline.core.ingest.holds import held_days
from tracetopics_pipeline.core.ingest.landing import landing_files, pending_days
from tracetopics_pipeline.core.run_record import runs, took
from tracetopics_pipeline.core.settings import Settings, paths
from tracetopics_pipeline.core.spend.ledger import spend_summary
from tracetopics_pipeline.core.sql.errors import WarehouseUnavailable
from tracetopics_pipeline.core.sql.execute import open_readonly
from tracetopics_pipeline.core.warehouse.snapshot import PREFIX, current_snapshot

LISTED = 5  # days named one by one in a line; more are counted


def home_status(settings: Settings) -> dict[str, Any]:
    """The home's state as plain values (the JSON of `status --json`)."""
    p = paths()
    out: dict[str, Any] = {"home": str(p.home), "exists": p.home.is_dir()}
    if not out["exists"]:  # a mistyped home is not an empty one
        return out | {"landing_files": 0, "traces": 0, "source": None, "snapshot": None}
    # Trace files only, as a run reads them (not the demo's answer key, dotfiles, `*.part`),
    # and those with days no run has ingested from their current content: the landing index
    # the sensor reads (review rv7 S1: raw_traces, which only a run fills, cannot show them).
    out["landing_files"] = len(landing_files(p.landing))
    pending = pending_days(p.landing, start_date=settings.start_date)
    out["pending_files"] = sorted(f.name for f in pending)
    out["pending_days"] = sorted({d for days in pending.values() for d in days})
    snap = current_snapshot(p.snapshot)
    out["snapshot"] = snap.name if snap else None
    out |= runs(p.home)  # last, current
    out["lock_holder"] = _lock_holder(p.warehouse)
    try:
        conn, source, _ = open_readonly()
    except WarehouseUnavailable:  # a fresh home: nothing run yet, which is a state too
        return out | {"traces": 0, "source": None}
    try:
        traces, first, last = conn.execute(
            "SELECT count(*), min(day), max(day) FROM raw_traces"
        ).fetchone()
        out["traces"], out["first_day"], out["last_day"] = traces, first, last
        day_sql = "SELECT DISTINCT day FROM {} ORDER BY 1"
        landed = [d for (d,) in conn.execute(day_sql.format("raw_traces")).fetchall()]
        summarized = {d for (d,) in conn.execute(day_sql.format("facet_summaries")).fetchall()}
        classified = {d for (d,) in conn.execute(day_sql.format("classifications")).fetchall()}
        held = held_days(conn, landed, settings.quarantine_rate_threshold)
        held_set = {h.day for h in held}
        out["run_days"], out["classified_days"] = len(summarized), len(classified)
        out["held_days"] = [h.summary() for h in held]
        out["waiting_days"] = [d for d in landed if d not in summarized and d not in held_set]
        out["maps"] = [
            {"facet": f, "day": d, "topics": parents or subs, "subtopics": subs if parents else 0}
            for f, d, parents, subs in conn.execute(
                """WITH latest AS (SELECT facet, arg_max(map_id, day) AS map_id, max(day) AS day
                                   FROM topic_maps WHERE status = 'built' GROUP BY facet)
                   SELECT l.facet, l.day, count(*) FILTER (WHERE t.level = 'parent'),
                          count(*) FILTER (WHERE t.level <> 'parent')
                   FROM latest l JOIN topics t USING (facet, map_id)
                   GROUP BY ALL ORDER BY l.facet"""
            ).fetchall()
        ]
        from tracetopics_pipeline.core.topics.report import unmapped_facets

        out["unmapped"] = unmapped_facets(conn)
        out["spend"] = spend_summary(conn, settings).as_dict()
        out["source"] = source
    finally:
        conn.close()
    return out


def _lock_holder(warehouse) -> str | None:  # noqa: ANN001
    """The process holding the warehouse's write lock ('pid 123 (python3.11)'), or None."""
    import duckdb

    from tracetopics_pipeline.core.warehouse.connection import lock_holder

    if not warehouse.exists():
        return None
    try:
        duckdb.connect(str(warehouse), read_only=True).close()
    except duckdb.Error as exc:
        return lock_holder(exc)
    return None


def _when(stamp: str) -> str:
    return stamp.replace("T", " ")[:16] + " UTC"  # 2026-12-01T03:05:12+00:00


def _run_days(r: dict[str, Any]) -> str:
    first, last, n = r.get("first_day"), r.get("last_day"), r.get("days") or 0
    if not first:
        return "no days"
    span = first if first == last else f"{first} to {last}"
    return f"{span} ({_n(n, 'day')})"


def run_lines(s: dict[str, Any], now: datetime | None = None) -> list[str]:
    """'last run' and 'running' lines: when, which days, ok / failed / interrupted, how long."""
    lines = []
    last, current = s.get("last"), s.get("current")
    if last:
        outcome = last.get("outcome")
        how = {
            "ok": f"ok in {took(last.get('seconds') or 0)}",
            "failed": f"failed after {took(last.get('seconds') or 0)}: {last.get('error')}",
        }.get(outcome, f"interrupted ({last.get('error')})")
        if outcome == "interrupted" and last.get("seconds") is not None:
            how = f"interrupted after {took(last['seconds'])} ({last.get('error')})"
        lines.append(f"last run  {_when(last['started'])}: {_run_days(last)}, {how}")
    else:
        lines.append("last run  none recorded (a `tracetopics run` records itself here)")
    if current:
        now = now or datetime.now(UTC)
        since = (now - datetime.fromisoformat(current["started"])).total_seconds()
        lines.append(
            f"running   since {_when(current['started'])} ({took(max(since, 0))} so far, pid "
            f"{current['pid']}): {_run_days(current)}"
        )
    elif s.get("lock_holder"):
        lines.append(
            f"running   {s['lock_holder']} holds the warehouse's lock: a run launched from the "
            "Dagster UI or its schedule, or another writer"
        )
    return lines


def _days(days: list[date]) -> str:
    shown = ", ".join(str(d) for d in days[:LISTED])
    return shown + (f" and {len(days) - LISTED} more" if len(days) > LISTED else "")


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def render(s: dict[str, Any]) -> str:
    if not s.get("exists", True):
        return (
            f"home      no home at {s['home']} (nothing there yet: tracetopics ingest FILE or "
            "tracetopics demo creates it; or set TRACETOPICS_HOME to an existing home)"
        )
    lines = [f"home      {s['home']}"]
    lines += run_lines(s)
    lines.append(f"landing   {_n(s['landing_files'], 'trace file')}")
    pending, days = s.get("pending_files") or [], s.get("pending_days") or []
    if pending:
        since = " since the last run" if s["traces"] else ""
        run = f"tracetopics run --from {days[0]} --to {days[-1]}" if days else "tracetopics run"
        lines.append(
            f"new       {_n(len(pending), 'file')} landed{since}, not yet run"
            + (f" ({_n(len(days), 'day')}: {_days(days)})" if days else "")
            + f": {run}"
        )
    if not s["traces"]:
        if not pending:
            lines.append("traces    none landed yet: tracetopics ingest FILE, then tracetopics run")
        return "\n".join(lines)
    lines.append(f"traces    {s['traces']:,} from {s['first_day']} to {s['last_day']}")
    n, c = s["run_days"], s["classified_days"]
    lines.append(
        f"run       {n} day{'' if n == 1 else 's'} summarized, {c} classified into topics"
        + ("" if c or not n else " (a map needs more summaries: see tracetopics topics)")
    )
    if s["waiting_days"]:
        w = s["waiting_days"]
        lines.append(
            f"waiting   {len(w)} day{'' if len(w) == 1 else 's'} landed, not yet run: {_days(w)}"
            f" (tracetopics run --from {w[0]} --to {w[-1]})"
        )
    for h in s["held_days"]:
        lines.append(f"held back {h} (tracetopics quarantine --day {h.split(':')[0]})")
    for m in s["maps"]:
        subs = f" ({_n(m['subtopics'], 'subtopic')})" if m["subtopics"] else ""
        lines.append(
            f"map       {m['facet']}: {_n(m['topics'], 'topic')}{subs}, built for {m['day']}"
        )
    settings = Settings.from_env()
    for m in s.get("unmapped") or []:
        lines.append(f"map       {no_map_line(m, settings)}")
    stamp = (s["snapshot"] or "").removeprefix(PREFIX)[:13]  # 20261130T1906...
    lines.append(
        f"explorer  snapshot published {stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} "
        f"{stamp[9:11]}:{stamp[11:13]} UTC ({s['snapshot']})"
        if s["snapshot"]
        else "explorer  nothing published yet (a run publishes a snapshot)"
    )
    lines.append(spend_line(s["spend"]).replace("Model spend: ", "spend     ", 1))
    if s["source"] == "snapshot":
        lines.append("(a run holds the warehouse: read from the published snapshot)")
    return "\n".join(lines)


def cmd_status(args: argparse.Namespace) -> int:
    s = home_status(Settings.from_env())
    print(json.dumps(s, indent=2, default=str) if args.json else render(s))
    return 0
