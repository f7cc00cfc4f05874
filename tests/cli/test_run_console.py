"""What `tracetopics run` / `demo` prints while it runs (review rv12 L1): no raw Dagster log lines
(timestamp, run id) on the console, the assets' own progress as plain indented lines, Dagster's
whole log kept in the run's log file; each stage numbered once; the closing table aligned."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from factories.marts import build_marts_warehouse, recent_traces

from tracetopics_pipeline.defs.loggers import console_logger

# A library's own chatter (dagster-dbt's "A dbt subsetted execution is not being performed",
# "Copying partial_parse.msgpack ..."), logged through the step's context from its own module.
_LIB = types.ModuleType("dagster_fakelib")
exec(  # noqa: S102
    compile(
        "def chatter(context):\n    context.log.info('Copying partial_parse.msgpack to target')\n",
        "/venv/lib/python3.11/site-packages/dagster_fakelib/__init__.py",  # an installed library
        "exec",
    ),
    _LIB.__dict__,
)
sys.modules["dagster_fakelib"] = _LIB


@dg.op
def _step(context):  # noqa: ANN001 (dagster reads the annotation; none under __future__)
    context.log.info("embedded 256/512 new texts")
    _LIB.chatter(context)
    context.log.warning("[growing] Task topic 3 'SSO': 10 -> 30 traces")


@dg.job(logger_defs={"console": console_logger})
def _job() -> None:
    _step()


def test_plain_console_shows_progress_lines_and_keeps_dagster_lines_in_the_log_file(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    log_file = tmp_path / "logs" / "run.log"
    result = _job.execute_in_process(
        run_config={
            "loggers": {
                "console": {
                    "config": {"log_level": "INFO", "plain": True, "log_file": str(log_file)}
                }
            }
        }  # fmt: skip
    )
    assert result.success
    out = capsys.readouterr()
    console = out.out + out.err
    assert "    embedded 256/512 new texts\n" in out.out
    assert "[growing] Task topic 3 'SSO'" in console
    assert result.run_id not in console and " - dagster - " not in console
    assert "Copying partial_parse" not in console  # a library's chatter: the file only
    kept = log_file.read_text()
    assert result.run_id in kept and "Copying partial_parse" in kept
    assert "embedded 256/512 new texts" in kept and "STEP_SUCCESS" in kept


def test_the_summary_table_is_aligned(tmp_path: Path, monkeypatch, capsys) -> None:
    from tracetopics_pipeline.cli import output

    build_marts_warehouse(tmp_path / "warehouse.duckdb", recent_traces())
    conn = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    conn.execute("CREATE SCHEMA IF NOT EXISTS marts")
    conn.execute("CREATE TABLE marts.churn_risk_by_customer AS SELECT 1 AS x")
    conn.execute("CREATE TABLE marts.competitor_mentions_weekly AS SELECT 1 AS x")
    conn.execute("CREATE TABLE marts.task_sentiment AS SELECT 1 AS x")
    conn.close()
    monkeypatch.setenv("TRACETOPICS_HOME", str(tmp_path))
    output.print_summary()
    text = capsys.readouterr().out
    block = text.split("What the run built\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert any("marts.competitor_mentions_weekly" in line for line in block)
    ends = {line.index(" rows") for line in block if line.endswith(" rows")}
    assert len(ends) == 1, block


def test_each_stage_is_numbered_once(tmp_path: Path, monkeypatch) -> None:
    """Two map days are one stage: "[2/4]" once, then a line for each day's run."""
    from datetime import date

    from tracetopics_pipeline import definitions, runner
    from tracetopics_pipeline.defs import recovery

    monkeypatch.setenv("TRACETOPICS_HOME", str(tmp_path))

    class Done:
        success, run_id = True, "0123456789abcdef"

    class Job:
        def execute_in_process(self, **kwargs) -> Done:
            return Done()

    monkeypatch.setattr(type(definitions.defs), "resolve_job_def", lambda self, name: Job())
    monkeypatch.setattr(recovery, "recover_dead_runs", lambda instance, say: None)
    said: list[str] = []
    runner.run_pipeline([date(2026, 11, 1), date(2026, 11, 2)], map_days=2, say=said.append)
    heads = [s for s in said if s.startswith("▶")]
    numbers = [h.split("]")[0] for h in heads]
    assert numbers == sorted(set(numbers)), said  # [1/4] [2/4] [3/4] [4/4], each once
    assert any("2026-11-01" in h and "2026-11-02" in h for h in heads if "[2/" in h), said
    assert "  as of 2026-11-01" in said and "  as of 2026-11-02" in said  # each map day's run
