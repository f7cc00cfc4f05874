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


def test_a_broken_home_config_loads_as_its_one_line(tmp_path):
    """A config.toml that stops every command (two values for one variable) made the code
    location's load error a trace through the module that read it first (defs/partitions.py,
    core/settings.py, ...): `dagster dev` and `dagster definitions validate` show the line and
    the one frame that raised it."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    home = tmp_path / "home"
    home.mkdir()
    config = home / "config.toml"
    config.write_text(
        'TRACETOPICS_PLAN_WEIGHTS = {"a" = 1.0}\nTRACETOPICS_PLAN_WEIGHTS = {"a" = 0.5}\n'
    )
    from repo_paths import REPO

    env = {**os.environ, "TRACETOPICS_HOME": str(home), "DAGSTER_HOME": str(home / "dagster"),
           "PYTHONPATH": str(REPO)}  # fmt: skip
    (home / "dagster").mkdir()
    (home / "dagster" / "dagster.yaml").write_text("")
    dagster = Path(sys.executable).with_name("dagster")
    res = subprocess.run(
        [str(dagster), "definitions", "validate", "-m", "tracetopics_pipeline.definitions"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    out = res.stdout + res.stderr
    assert res.returncode != 0
    line = (
        f"ConfigError: {config}: TRACETOPICS_PLAN_WEIGHTS is set twice, to different values "
        "(lines 1 and 2): keep the line you mean and delete the other\n"
    )
    assert line in out, out
    frames = [ln for ln in out.splitlines() if ln.strip().startswith('File "')]
    assert len(frames) == 1 and "tracetopics_pipeline/definitions.py" in frames[0], out
