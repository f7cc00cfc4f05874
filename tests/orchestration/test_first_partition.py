"""The first daily partition comes from the data: the earliest landed day, so a new install
shows the days it has data for, not hundreds of missing partitions; TRACETOPICS_START_DATE
still wins when set; with nothing landed, today. Each case loads the definitions in a fresh
process, as a code location (or `tracetopics run`) does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import dagster as dg
import pytest

PROBE = """
import json
from datetime import UTC, datetime
from tracetopics_pipeline.definitions import defs
job = defs.resolve_job_def("daily_job")
keys = job.partitions_def.get_partition_keys()
print(json.dumps({"first": keys[0], "n": len(keys), "today": str(datetime.now(UTC).date())}))
"""
TODAY = datetime.now(UTC).date()
EARLIEST = TODAY - timedelta(days=9)


def partitions(home: Path, **env: str) -> dict:
    """First partition key and the number of partitions, as a fresh process loads them, and
    that process's today (a run across midnight UTC must not fail the counts)."""
    base = {k: v for k, v in os.environ.items() if k != "TRACETOPICS_START_DATE"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**base, "TRACETOPICS_HOME": str(home), "DAGSTER_HOME": str(home / "dagster"), **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def land(home: Path, days: list[date]) -> None:
    folder = home / "landing"
    folder.mkdir(parents=True, exist_ok=True)
    for d in days:
        line = {"id": f"t-{d}", "created": f"{d}T09:30:00Z", "input": "hello"}
        (folder / f"{d}.jsonl").write_text(json.dumps(line) + "\n")


def test_the_first_partition_is_the_earliest_landed_day(home: Path) -> None:
    land(home, [TODAY - timedelta(days=2), EARLIEST, TODAY - timedelta(days=5)])
    got = partitions(home)
    # from the earliest day through today (end_offset=1): 10 partitions, not ~700
    days = (date.fromisoformat(got["today"]) - EARLIEST).days + 1  # 10 (11 past midnight)
    assert got["first"] == EARLIEST.isoformat() and got["n"] == days and days in (10, 11)


def test_start_date_wins_when_set(home: Path) -> None:
    land(home, [EARLIEST])
    start = EARLIEST - timedelta(days=30)
    assert partitions(home, TRACETOPICS_START_DATE=start.isoformat())["first"] == str(start)
    later = EARLIEST + timedelta(days=3)
    assert partitions(home, TRACETOPICS_START_DATE=later.isoformat())["first"] == str(later)


def test_nothing_landed_starts_today(home: Path) -> None:
    got = partitions(home)
    assert got["first"] == got["today"] and got["n"] == 1


def test_the_sensor_names_days_before_the_loaded_start(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files for a day before the first partition landed after the code location loaded: the
    landing sensor runs the days it can and says which need a reload, never a bad run request."""
    from tracetopics_pipeline.defs import sensors

    land(home, [EARLIEST, TODAY - timedelta(days=1)])
    old = home / "landing"
    for f in old.iterdir():  # settled: the sensor skips files written in the last 5 s
        os.utime(f, (f.stat().st_atime - 60, f.stat().st_mtime - 60))
    monkeypatch.setattr(sensors, "START_DATE", TODAY - timedelta(days=3))
    with dg.DagsterInstance.ephemeral() as instance:
        result = sensors.landing_sensor(dg.build_sensor_context(instance=instance))
    assert [r.partition_key for r in result] == [str(TODAY - timedelta(days=1))]

    (old / f"{TODAY - timedelta(days=1)}.jsonl").unlink()
    with dg.DagsterInstance.ephemeral() as instance:
        result = sensors.landing_sensor(dg.build_sensor_context(instance=instance))
    assert isinstance(result, dg.SkipReason)
    assert f"from {EARLIEST} are before the first daily partition" in result.skip_message
    assert "reload it" in result.skip_message
