"""The whole pipeline end to end, in-process through Dagster: a multi-day backfill.

One module-scoped run (the model, UMAP and dbt are the slow parts) checked from several angles:
nothing lost, idempotent re-runs, topics and classifications, marts, the published snapshot.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tracetopics_pipeline.core import warehouse

END = date(2026, 11, 20)
DAYS = 3
PER_DAY = 80


@pytest.fixture(scope="module")
def pipeline_home(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    home = tmp_path_factory.mktemp("pipeline") / "home"
    mp.setenv("TRACETOPICS_HOME", str(home))
    mp.setenv("TRACETOPICS_WAREHOUSE", str(home / "warehouse.duckdb"))
    mp.delenv("DAGSTER_HOME", raising=False)
    from tracetopics_pipeline import runner
    from tracetopics_pipeline.demo import generate_traffic

    files = generate_traffic(home / "landing", days=DAYS, per_day=PER_DAY, seed=11, end=END)
    days = [END - timedelta(days=i) for i in reversed(range(DAYS))]
    run_ids = runner.run_pipeline(days, say=lambda _: None)
    yield home, files, days, run_ids
    mp.undo()


def _count(home: Path, sql: str) -> int:
    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        return conn.execute(sql).fetchone()[0]


def test_a_cli_run_walks_the_named_jobs_of_the_range_plan(pipeline_home):
    """The CLI launches the same named jobs as the UI and schedule, topic_alerts included."""
    import dagster as dg

    from tracetopics_pipeline.defs.jobs import RANGE_PLAN

    home, _, days, run_ids = pipeline_home
    with dg.DagsterInstance.from_config(str(home / "dagster")) as instance:
        runs = [instance.get_run_by_id(r) for r in run_ids]
    assert all(r.is_success for r in runs)
    names = [r.job_name for r in runs]
    assert names == [
        "summarize_job",
        "topic_maps_job",
        "topic_maps_job",
        "publish_job",
        "alerts_job",
    ]
    assert {s.job for s in RANGE_PLAN} == set(names)
    assert (
        _count(
            home, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'topic_alerts'"
        )
        == 1
    )


def test_every_input_line_ends_in_raw_traces_or_quarantine(pipeline_home):
    home, files, _, run_ids = pipeline_home
    assert len(run_ids) >= 3
    lines = sum(1 for f in files for ln in f.read_bytes().split(b"\n") if ln.strip())
    rows = _count(
        home, "SELECT (SELECT count(*) FROM raw_traces) + (SELECT count(*) FROM quarantine)"
    )
    assert rows == lines
    assert _count(home, "SELECT count(*) FROM quarantine") > 0  # the demo's bad lines


def test_every_trace_has_every_facet_and_a_classification(pipeline_home):
    home, *_ = pipeline_home
    from tracetopics_pipeline.core.facets.definitions import load_facets

    n_facets = len(load_facets())
    traces = _count(home, "SELECT count(*) FROM raw_traces")
    assert _count(home, "SELECT count(*) FROM facet_summaries") == traces * n_facets
    assert (
        _count(home, "SELECT count(DISTINCT trace_id) FROM classifications WHERE facet = 'Task'")
        == traces
    )
    assert _count(home, "SELECT count(*) FROM topics WHERE facet = 'Task'") >= 5
    matched = _count(
        home, "SELECT count(*) FROM classifications WHERE facet='Task' AND topic_id >= 0"
    )
    assert matched / traces > 0.5  # small fixture; quality is measured by bench/topic_quality.py


def test_marts_and_snapshot_are_published(pipeline_home):
    home, *_ = pipeline_home
    assert _count(home, "SELECT count(*) FROM marts.task_sentiment") > 0
    assert _count(home, "SELECT count(*) FROM marts.topic_trends") > 0
    pointer = home / "snapshot"
    assert any(pointer.rglob("*.parquet"))


def test_rerunning_a_day_is_idempotent(pipeline_home):
    home, _, days, _ = pipeline_home
    from tracetopics_pipeline import runner

    before = {
        t: _count(home, f"SELECT count(*) FROM {t}")
        for t in ("raw_traces", "quarantine", "facet_summaries", "classifications")
    }
    maps_sql = "SELECT map_id, built_at, params->>'$.inputs' FROM topic_maps ORDER BY ALL"
    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        maps = conn.execute(maps_sql).fetchall()
    runner.run_pipeline(days[-1:], map_days=1, say=lambda _: None)
    after = {t: _count(home, f"SELECT count(*) FROM {t}") for t in before}
    assert after == before
    # The day's maps were built from the same inputs: kept, not rebuilt (review rv4 L12).
    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        assert conn.execute(maps_sql).fetchall() == maps
    assert all(inputs for _, _, inputs in maps if inputs is not None)


def test_seed_queries_answer_from_the_pipeline(pipeline_home):
    home, *_ = pipeline_home
    from tracetopics_pipeline.core.sql.execute import run_sql

    out = run_sql(
        "SELECT id, created, facets.task, facets.sentiment FROM project_logs('support-agent') "
        "WHERE facets.sentiment IN ('NEGATIVE', 'MIXED') ORDER BY created DESC LIMIT 100",
        fmt="json",
    )
    rows = json.loads(out)
    assert rows and all(r["sentiment"] in ("NEGATIVE", "MIXED") for r in rows)


def test_two_levels_reach_every_surface(pipeline_home):
    """Classifications, the SQL surface, the ranking, the marts and the Dagster metadata all
    show parents, with the fine topic beside them."""
    import dagster as dg

    from tracetopics_pipeline.core.sql.execute import run_sql
    from tracetopics_pipeline.core.topics.report import ranked_topics

    home, *_ = pipeline_home
    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        # every matched trace: its subtopic is a sub of its parent, in the map that placed it
        wrong = conn.execute(
            """SELECT count(*) FROM classifications c
               LEFT JOIN topics s ON s.map_id = c.map_id AND s.topic_id = c.subtopic_id
               WHERE c.topic_id >= 0
                 AND (s.level IS DISTINCT FROM 'sub' OR s.parent_id IS DISTINCT FROM c.topic_id)"""
        ).fetchone()[0]
        assert wrong == 0
        parents = {
            r[0]
            for r in conn.execute(
                "SELECT label FROM topics WHERE facet = 'Task' AND level = 'parent'"
            ).fetchall()
        }
        # the default label is its own parent, never no_match
        none_no_match = conn.execute(
            """SELECT count(*) FROM classifications c JOIN facet_summaries f
                 ON f.trace_id = c.trace_id AND f.facet = c.facet
               WHERE c.facet = 'Issues' AND f.label = 'NONE' AND c.topic_id < 0"""
        ).fetchone()[0]
        no_issue = conn.execute(
            """SELECT count(*) FROM classifications c JOIN facet_summaries f
                 ON f.trace_id = c.trace_id AND f.facet = c.facet
               WHERE c.facet = 'Issues' AND f.label = 'NONE' AND c.label = 'No issue'"""
        ).fetchone()[0]
        ranked = ranked_topics(conn, "Task")
        priority = {
            r[0] for r in conn.execute("SELECT task_topic_id FROM marts.topic_priority").fetchall()
        }
        parent_ids = {
            r[0]
            for r in conn.execute(
                "SELECT topic_id FROM topics WHERE facet = 'Task' AND level = 'parent'"
            ).fetchall()
        }
        drill = conn.execute("SELECT count(*) FROM marts.topic_trends_sub").fetchone()[0]
        latest_parents = conn.execute(
            """SELECT count(*) FROM topics WHERE level = 'parent' AND map_id =
                 (SELECT max(map_id) FROM topic_maps WHERE facet = 'Task' AND status = 'built')"""
        ).fetchone()[0]
    assert none_no_match == 0 and no_issue > 0
    assert priority and priority <= parent_ids and drill > 0
    assert {p["label"] for p in ranked if p["topic_id"] >= 0} <= parents
    assert any(p["subtopics"] for p in ranked)
    rows = json.loads(
        run_sql(
            "SELECT facets.sentiment, classifications.Task[0].label AS topic, count(*) AS n,"
            " classifications.Task[0].subtopic AS sub"
            " FROM project_logs('support-agent') WHERE classifications.Task IS NOT NULL"
            " GROUP BY ALL",
            fmt="json",
        )
    )
    # a trace no topic is near is a no_match element (docs/sql.md), with a no_match subtopic
    assert rows and {r["topic"] for r in rows} - {"no_match"} <= parents
    assert all(r["sub"] for r in rows)
    with dg.DagsterInstance.from_config(str(home / "dagster")) as instance:
        event = instance.get_latest_materialization_event(dg.AssetKey("topic_maps"))
    table = event.asset_materialization.metadata["Task/parents"].value
    assert "| parent | share | subtopics |" in table
    shown = [ln for ln in table.splitlines() if ln.startswith("| ") and "%" in ln]
    assert len(shown) == latest_parents


def _topic_rows(home: Path) -> list[tuple]:
    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        return conn.execute(
            """SELECT facet, map_id, topic_id, label, level, parent_id, label_source
               FROM topics ORDER BY ALL"""
        ).fetchall()


def _classification_rows(home: Path) -> list[tuple]:
    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        return conn.execute(
            "SELECT day, trace_id, facet, topic_id, label, subtopic_id, subtopic, map_id"
            " FROM classifications ORDER BY ALL"
        ).fetchall()


def test_rerunning_the_last_two_days_changes_no_topic_id_or_label(pipeline_home):
    """`tracetopics run --from D-1 --to D` on unchanged input: the same topics and
    classifications, renames of a parent and a subtopic kept, no label twice in a map."""
    home, _, days, _ = pipeline_home
    from tracetopics_pipeline import runner
    from tracetopics_pipeline.core.topics.report import set_topic_override

    with warehouse.connect(home / "warehouse.duckdb") as conn:
        parent, sub = (
            conn.execute(
                f"""SELECT topic_id FROM topics WHERE facet = 'Task' AND level = '{level}'
                    AND map_id = 'Task@{days[-1]}' ORDER BY size DESC, topic_id LIMIT 1"""
            ).fetchone()[0]
            for level in ("parent", "sub")
        )
        set_topic_override(conn, "Task", parent, label="Renamed parent topic")
        set_topic_override(conn, "Task", sub, label="Renamed fine topic")
    topics, classified = _topic_rows(home), _classification_rows(home)
    assert {r[4] for r in topics if r[0] == "Task"} == {"parent", "sub"}

    runner.run_pipeline(days[-2:], say=lambda _: None)

    assert _topic_rows(home) == topics
    assert _classification_rows(home) == classified
    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        labels = conn.execute(
            "SELECT label FROM topics WHERE facet = 'Task' AND topic_id IN (?, ?)", [parent, sub]
        ).fetchall()
        assert len(labels) >= 2
        assert {r[0] for r in labels} <= {"Renamed parent topic", "Renamed fine topic"}
        twice = conn.execute(
            """SELECT map_id, level, lower(label), count(*) FROM topics
               GROUP BY ALL HAVING count(*) > 1"""
        ).fetchall()
        assert twice == []
        # One id space per facet: no id is both a parent and a subtopic.
        assert (
            conn.execute(
                """SELECT count(*) FROM (SELECT facet, topic_id FROM topics
               GROUP BY ALL HAVING count(DISTINCT level) > 1)"""
            ).fetchone()[0]
            == 0
        )
