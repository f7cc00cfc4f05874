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


def test_the_runs_counts_have_thousands_separators_and_say_a_count_once() -> None:
    # new-user walk: "9001 traces, ... 47 quarantined from 30 files", "2818 summaries (2818
    # unique in window)"
    from datetime import date

    from tracetopics_pipeline.core.ingest.stage import IngestStats
    from tracetopics_pipeline.core.topics.maps import built_from

    stats = IngestStats(days=[date(2026, 11, 1)], files_read=30, traces_written=9_001)
    stats.quarantined_by_reason = {"bad_json": 1_200, "no_id": 47}
    assert stats.line() == "9,001 traces, 0 duplicates, 1,247 quarantined from 30 files"
    one = IngestStats(days=[date(2026, 11, 1)], files_read=1, traces_written=1, duplicates=1)
    assert one.line() == "1 trace, 1 duplicate, 0 quarantined from 1 file"
    every = built_from(4, 12, 2_818, 2_818)
    assert every == "4 parents, 12 topics from 2,818 unique summaries in the window"
    assert "2,000 of 2,818 unique" in built_from(4, 12, 2_000, 2_818)
    assert built_from(1, 1, 1_500) == "1 parent, 1 topic from 1,500 summaries"


def test_alerts_say_good_news_plainly_and_a_parents_subtopics_once_under_it() -> None:
    from tracetopics_pipeline.core.topics.alerts import Alert, alert_lines

    def a(kind: str, tid: int, name: str, parent: int | None = None, facet: str = "Task") -> Alert:
        label = f"{name} (in Billing)" if parent == 3 else name
        return Alert(f"{kind}:{tid}", facet, tid, label, kind, "10 -> 30 traces", 3.0, parent, name)

    found = [
        a("growing", 3, "Billing"),
        a("growing", 31, "Refunds", 3),
        a("growing", 32, "Invoices", 3),
        a("growing", 41, "SSO setup", 4),  # its parent is not alerted: said alone, as before
        a("negative", 33, "Card declined", 3),  # its parent's alert is another kind
        a("growing", 31, "Refunds", 3, facet="Issues"),  # same ids, another facet
    ]
    lines = alert_lines(found)
    assert lines[0] == (False, "[growing] Task topic 3 'Billing': 10 -> 30 traces")
    assert lines[1:3] == [
        (False, "    subtopic 31 'Refunds': 10 -> 30 traces"),
        (False, "    subtopic 32 'Invoices': 10 -> 30 traces"),
    ]
    assert (False, "[growing] Task topic 41 'SSO setup': 10 -> 30 traces") in lines
    assert (True, "[negative] Task topic 33 'Card declined (in Billing)': 10 -> 30 traces") in lines
    issues = "[growing] Issues topic 31 'Refunds (in Billing)': 10 -> 30 traces"
    assert (False, issues) in lines
    assert len(lines) == len(found)  # each alert said once
    assert sum("Refunds" in line for _, line in lines) == 2  # Task's under Billing, Issues' alone
