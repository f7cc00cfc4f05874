"""One day over the quarantine threshold holds back that day only: the other days of the same
range run complete, and the CLI says which day, why, how to see the lines and how to accept
them. Through the real CLI entry point and Dagster jobs."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tracetopics_pipeline.cli import main
from tracetopics_pipeline.core import warehouse

END = date(2026, 11, 20)
DAYS = [END - timedelta(days=i) for i in reversed(range(3))]
BAD_DAY = DAYS[1]


def _per_day(home: Path, table: str) -> dict[date, int]:
    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        return dict(conn.execute(f"SELECT day, count(*) FROM {table} GROUP BY day").fetchall())


def test_a_day_over_the_threshold_is_held_back_alone(home: Path, capsys) -> None:
    from tracetopics_pipeline.demo import generate_traffic

    generate_traffic(home / "landing", days=3, per_day=40, seed=5, end=END, bad_lines=False)
    anchor = {"id": "anchor", "created": f"{BAD_DAY}T12:00:00Z", "input": "hello"}
    bad = [json.dumps(anchor), *(f'{{"id": broken {i}' for i in range(6))]
    (home / "landing" / "zz-bad.jsonl").write_text("\n".join(bad) + "\n")

    assert main(["run"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "1 of 3 days held back" in err and "the other 2 completed" in err
    assert f"{BAD_DAY}: 12.77% (6 of 47 lines) quarantined, threshold 5.00%; invalid_json 6" in err
    assert f"tracetopics quarantine --day {BAD_DAY}" in err
    assert f"WHERE day = DATE '{BAD_DAY}'" in err and "--accept" in err

    assert set(_per_day(home, "raw_traces")) == set(DAYS)  # the day's traces are kept
    # `status` says the same in one screen (review rv6 P7)
    assert main(["status"]) == 0
    status = capsys.readouterr().out
    assert f"held back {BAD_DAY}: 12.77% (6 of 47 lines)" in status
    assert f"(tracetopics quarantine --day {BAD_DAY})" in status
    assert "traces    " in status and "2 days summarized" in status and "waiting" not in status
    for table in ("facet_summaries", "classifications"):
        assert set(_per_day(home, table)) == set(DAYS) - {BAD_DAY}, table

    assert main(["quarantine", "--day", str(BAD_DAY)]) == 0
    out = capsys.readouterr().out
    assert "— held back" in out and "zz-bad.jsonl:2  invalid_json" in out
    assert main(["quarantine", "--day", str(BAD_DAY), "--accept"]) == 0
    assert "accepted 6 quarantined lines of" in capsys.readouterr().out  # it was held
    assert main(["run", "--from", str(BAD_DAY), "--to", str(BAD_DAY)]) == 0
    for table in ("facet_summaries", "classifications"):
        assert set(_per_day(home, table)) == set(DAYS), table


def test_a_run_of_only_held_days_stops_with_a_message(home: Path, capsys) -> None:
    """Every day of the run held: the blocking check stops downstream; one message, exit 1."""
    lines = [json.dumps({"id": "a", "created": f"{END}T10:00:00Z", "input": "hi"}), "nope"]
    (home / "landing").mkdir(parents=True, exist_ok=True)
    (home / "landing" / "one.jsonl").write_text("\n".join(lines) + "\n")
    assert main(["run"]) == 1
    err = capsys.readouterr().err
    # a failed blocking check is the message, not a crash: no stack trace, nor Dagster's
    # failure events for it and the skipped steps after (defs/loggers.py; review rv6 C4)
    assert "Traceback" not in err and "Stack Trace" not in err
    assert "DagsterAssetCheckFailedError" not in err and "STEP_FAILURE" not in err
    assert "Dependencies for step" not in err
    assert "held back" in err.split("error: summarize_job stopped")[0]  # the asset's own line
    assert "error: summarize_job stopped" in err and "days_released" in err
    assert "1 of 1 days held back" in err and f"{END}: 50.00% (1 of 2 lines)" in err
    assert _per_day(home, "facet_summaries") == {}


def test_run_today_on_a_held_day_says_why(home: Path, capsys) -> None:
    """`tracetopics run --today` (the explorer's Refresh) names the held day the same way."""
    today = datetime.now(UTC).date()
    lines = [json.dumps({"id": "a", "created": f"{today}T00:00:01Z", "input": "hi"}), "nope"]
    (home / "landing").mkdir(parents=True, exist_ok=True)
    (home / "landing" / "today.jsonl").write_text("\n".join(lines) + "\n")
    assert main(["run", "--today"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "error: daily_job stopped" in err and "days_released" in err
    assert "1 of 1 days held back" in err and f"{today}: 50.00% (1 of 2 lines)" in err
    assert f"tracetopics quarantine --day {today}" in err
    assert _per_day(home, "facet_summaries") == {}


@pytest.fixture(autouse=True)
def _small_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Maps from a few dozen summaries, by k-means: the subject here is which days run."""
    monkeypatch.setenv("TRACETOPICS_MIN_SUMMARIES", "20")
    monkeypatch.setenv("TRACETOPICS_ALGORITHM", "kmeans")
