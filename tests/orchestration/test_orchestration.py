"""The Dagster shell: definitions load, the sensors pick the right partitions, the schedule."""

from __future__ import annotations

import os
import subprocess
import time
from datetime import UTC, date, datetime

import dagster as dg
import pytest
from factories.landing import trace_object, write_lines
from repo_paths import REPO

SETTLED = 60  # seconds since the last write: old enough for the landing sensor


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
    from tracetopics_pipeline.defs.sensors import landing_sensor

    landing = home / "landing"
    settled = time.time() - SETTLED
    write_lines(
        landing / "a.jsonl",
        [trace_object("a1", "2026-11-20T10:00:00Z"), trace_object("a2", "2026-11-21T01:00:00Z")],
        mtime=settled,
    )
    write_lines(  # still being written
        landing / "b.jsonl.part", [trace_object("b1", "2026-11-22T10:00:00Z")], mtime=settled
    )
    # just written: not settled yet
    write_lines(landing / "fresh.jsonl", [trace_object("c1", "2026-11-23T10:00:00Z")])

    first = landing_sensor(dg.build_sensor_context())
    assert sorted(r.partition_key for r in first) == ["2026-11-20", "2026-11-21"]
    # Until a run ingests them, every tick asks again under the same run keys (deduplicated).
    again = landing_sensor(dg.build_sensor_context())
    assert [r.run_key for r in again] == [r.run_key for r in first]

    with warehouse.connect(home / "warehouse.duckdb") as conn:
        ingest_days(conn, landing, [date(2026, 11, 20), date(2026, 11, 21)])
    assert isinstance(landing_sensor(dg.build_sensor_context()), dg.SkipReason)

    # A late file for a past day → only that day.
    write_lines(
        landing / "late.jsonl",
        [trace_object("l1", "2026-11-02T08:00:00Z")],
        mtime=time.time() - SETTLED,
    )
    assert [r.partition_key for r in landing_sensor(dg.build_sensor_context())] == ["2026-11-02"]


def test_facet_config_sensor_reruns_only_the_changed_facet(home, tmp_path, monkeypatch):
    from tracetopics_pipeline.core.facets.definitions import load_facets
    from tracetopics_pipeline.defs.sensors import facet_config_sensor

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
    from tracetopics_pipeline.defs.schedules import daily_schedule

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
