"""The Dagster shell: definitions load, the sensors pick the right partitions, the schedule."""

from __future__ import annotations

import json
import os
import subprocess
import time
from datetime import UTC, date, datetime
from pathlib import Path

import dagster as dg
import pytest

REPO = Path(__file__).resolve().parents[1]


def _trace(tid: str, created: str) -> str:
    return json.dumps(
        {
            "id": tid,
            "created": created,
            "project_id": "p",
            "input": "How do I export a dashboard?",
            "output": "Use the export menu.",
        }
    )


def _land(home: Path, name: str, lines: list[str], age_s: float = 60) -> Path:
    landing = home / "landing"
    landing.mkdir(parents=True, exist_ok=True)
    path = landing / name
    path.write_text("\n".join(lines) + "\n")
    old = time.time() - age_s
    os.utime(path, (old, old))
    return path


def test_definitions_load_and_validate(home):
    from tracetopics_pipeline.definitions import defs

    keys = {k.to_user_string() for k in defs.resolve_all_asset_keys()}
    assert {
        "raw_traces",
        "facet_summaries",
        "summary_embeddings",
        "topic_maps",
        "classifications",
        "explorer_snapshot",
        "topic_alerts",
    } <= keys
    for job in ("ingest_job", "daily_job", "facet_refresh_job", "alerts_job"):
        defs.resolve_job_def(job)
    out = subprocess.run(
        [str(REPO / ".venv/bin/dagster"), "definitions", "validate", "-w", "workspace.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_landing_sensor_requests_exactly_the_days_its_new_files_touch(home):
    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.ingest.stage import ingest_days
    from tracetopics_pipeline.defs.jobs import landing_sensor

    _land(
        home,
        "a.jsonl",
        [_trace("a1", "2026-11-20T10:00:00Z"), _trace("a2", "2026-11-21T01:00:00Z")],
    )
    _land(home, "b.jsonl.part", [_trace("b1", "2026-11-22T10:00:00Z")])  # still being written
    _land(home, "fresh.jsonl", [_trace("c1", "2026-11-23T10:00:00Z")], age_s=0)  # not settled

    first = landing_sensor(dg.build_sensor_context())
    assert sorted(r.partition_key for r in first) == ["2026-11-20", "2026-11-21"]
    # Until a run ingests them, every tick asks again under the same run keys (deduplicated).
    again = landing_sensor(dg.build_sensor_context())
    assert [r.run_key for r in again] == [r.run_key for r in first]

    with warehouse.connect(home / "warehouse.duckdb") as conn:
        ingest_days(conn, home / "landing", [date(2026, 11, 20), date(2026, 11, 21)])
    assert isinstance(landing_sensor(dg.build_sensor_context()), dg.SkipReason)

    # A late file for a past day → only that day.
    _land(home, "late.jsonl", [_trace("l1", "2026-11-02T08:00:00Z")])
    assert [r.partition_key for r in landing_sensor(dg.build_sensor_context())] == ["2026-11-02"]


def test_facet_config_sensor_reruns_only_the_changed_facet(home, tmp_path, monkeypatch):
    from tracetopics_pipeline.core.facets.definitions import load_facets
    from tracetopics_pipeline.defs.jobs import facet_config_sensor

    src = REPO / "tracetopics_pipeline" / "facets.yaml"
    mine = tmp_path / "facets.yaml"
    mine.write_text(src.read_text())
    monkeypatch.setenv("TRACETOPICS_FACETS", str(mine))

    ctx = dg.build_sensor_context(cursor=None)
    assert isinstance(facet_config_sensor(ctx), dg.SkipReason)  # first tick records
    facets = load_facets(mine)
    task = next(f for f in facets if f.name == "Task")
    mine.write_text(
        src.read_text().replace(
            task.prompt.strip().splitlines()[0],
            task.prompt.strip().splitlines()[0] + " Be brief.",
            1,
        )
    )
    request = facet_config_sensor(dg.build_sensor_context(cursor=ctx.cursor))
    assert isinstance(request, dg.RunRequest)
    assert request.run_config["ops"]["facet_summaries"]["config"]["only_facets"] == ["Task"]
    assert request.tags["dagster/asset_partition_range_end"] == datetime.now(UTC).date().isoformat()


def test_daily_schedule_targets_yesterday():
    from tracetopics_pipeline.defs.jobs import daily_schedule

    ctx = dg.build_schedule_context(
        scheduled_execution_time=datetime(2026, 11, 26, 0, 30, tzinfo=UTC)
    )
    request = daily_schedule(ctx)
    assert request.partition_key == date(2026, 11, 25).isoformat()


@pytest.mark.parametrize("day", ["2026-11-20"])
def test_partition_days_cover_a_range(day):
    from tracetopics_pipeline.defs.partitions import daily_partitions

    assert day in daily_partitions.get_partition_keys(
        current_time=datetime(2026, 11, 26, tzinfo=UTC)
    )
