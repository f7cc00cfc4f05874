"""What the Dagster UI shows a new user: owned, tagged assets; schedule and sensors on."""

from __future__ import annotations

import dagster as dg


def test_every_asset_has_owners_and_a_stage_tag():
    from tracetopics_pipeline.definitions import defs

    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        if not node.is_materializable:
            continue
        assert node.owners, key
        assert node.tags.get("tracetopics/stage") in {
            "ingest", "facets", "topics", "marts", "publish"
        }, key  # fmt: skip


def test_schedule_and_sensors_run_as_soon_as_the_ui_starts():
    from tracetopics_pipeline.definitions import defs

    assert {s.name: s.default_status for s in defs.schedules} == {
        "daily_schedule": dg.DefaultScheduleStatus.RUNNING
    }
    assert all(s.default_status == dg.DefaultSensorStatus.RUNNING for s in defs.sensors)


def test_dbt_artifacts_live_in_the_home_not_the_checkout(home):
    from tracetopics_pipeline.defs.dbt_project import DBT_PROJECT_DIR, dbt_env

    env = dbt_env()
    assert env["DBT_TARGET_PATH"].startswith(str(home))
    assert env["DBT_LOG_PATH"].startswith(str(home))
    assert "target-path" not in (DBT_PROJECT_DIR / "dbt_project.yml").read_text()
