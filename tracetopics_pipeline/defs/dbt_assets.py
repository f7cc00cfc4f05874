"""The dbt marts as Dagster assets (dagster-dbt), one lineage graph with the pipeline.

dbt sources carry `meta.dagster.asset_key`, so raw_traces, facet_summaries, topic_maps and
classifications feed the dbt models directly. `dbt build` runs models and their tests; the
tests show up as asset checks. The marts are not partitioned: each run rebuilds them
(seconds on DuckDB), in the warehouse pool because DuckDB is single-writer.
"""

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import dagster as dg
from dagster import AssetExecutionContext, BackfillPolicy
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    DbtProject,
    dbt_assets,
)

from tracetopics_pipeline.core.settings import paths
from tracetopics_pipeline.defs.partitions import WAREHOUSE_POOL

DBT_PROJECT_DIR = Path(__file__).resolve().parents[2] / "dbt_project"
MART_GROUP = "marts"
MARTS_FRESHNESS = dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=26))


def dbt_env() -> dict[str, str]:
    """Environment dbt runs with: the warehouse of $TRACETOPICS_HOME, no telemetry."""
    return {"TRACETOPICS_WAREHOUSE": str(paths().warehouse), "DO_NOT_TRACK": "1"}


def _dbt_executable() -> str:
    # `dagster dev` may start the code server without the venv on PATH (and with a resolved
    # interpreter path), so look beside this environment's prefix first.
    for candidate in (Path(sys.prefix) / "bin" / "dbt", Path(sys.executable).parent / "dbt"):
        if candidate.exists():
            return str(candidate)
    return shutil.which("dbt") or "dbt"


dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def _sources_newer_than(manifest: Path) -> bool:
    """True when a model, macro, test or project file changed after the manifest was written."""
    built = manifest.stat().st_mtime
    files = [DBT_PROJECT_DIR / "dbt_project.yml"]
    for sub in ("models", "macros", "tests"):
        files += [p for p in (DBT_PROJECT_DIR / sub).rglob("*") if p.suffix in (".sql", ".yml")]
    return any(p.stat().st_mtime > built for p in files if p.exists())


def ensure_manifest(project: DbtProject = dbt_project) -> Path:
    """Make sure target/manifest.json exists and is current: `dbt parse` when it is missing
    (a fresh clone) or older than the project's files.

    Used instead of `prepare_if_dev()`, which only acts under `dagster dev` and looks for dbt on
    PATH; this makes the Definitions load anywhere, with the dbt of this environment.
    """
    manifest = Path(project.manifest_path)
    if not manifest.exists() or _sources_newer_than(manifest):
        subprocess.run(
            [_dbt_executable(), "parse", "--project-dir", str(project.project_dir),
             "--profiles-dir", str(project.profiles_dir), "--quiet"],
            cwd=project.project_dir,
            env={**os.environ, **dbt_env()},
            check=True,
        )  # fmt: skip
    return manifest


MANIFEST_PATH = ensure_manifest()


class TracetopicsDbtTranslator(DagsterDbtTranslator):
    """Models go in group 'marts' with a daily freshness policy; sources keep the upstream keys
    their `meta.dagster.asset_key` names (several tables may map to one asset)."""

    def get_asset_spec(
        self, manifest: Mapping[str, Any], unique_id: str, project: DbtProject | None
    ) -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        if self.get_resource_props(manifest, unique_id).get("resource_type") == "model":
            spec = spec.replace_attributes(group_name=MART_GROUP, freshness_policy=MARTS_FRESHNESS)
        return spec


translator = TracetopicsDbtTranslator(
    settings=DagsterDbtTranslatorSettings(
        enable_asset_checks=True, enable_duplicate_source_asset_keys=True
    )
)


def _mart_keys(manifest_path: Path) -> list[dg.AssetKey]:
    manifest = json.loads(manifest_path.read_text())
    return sorted(
        (
            translator.get_asset_spec(manifest, uid, dbt_project).key
            for uid, node in manifest["nodes"].items()
            if node["resource_type"] == "model" and node.get("config", {}).get("schema") == "marts"
        ),
        key=lambda k: k.to_user_string(),
    )


# Asset keys of the marts (one per model in models/marts), for assets downstream of dbt.
MART_KEYS: list[dg.AssetKey] = _mart_keys(MANIFEST_PATH)


class DbtMartsConfig(dg.Config):
    """Run config: `vars` is a YAML dict passed to `dbt build --vars`, e.g. overriding
    trend_min_volume or priority_weights for one run."""

    vars: str = ""


@dbt_assets(
    manifest=MANIFEST_PATH,
    project=dbt_project,
    dagster_dbt_translator=translator,
    name="tracetopics_dbt_assets",
    pool=WAREHOUSE_POOL,
    # Unpartitioned, rebuilt whole: one dbt build per backfill, however many days it covers.
    backfill_policy=BackfillPolicy.single_run(),
)
def tracetopics_dbt_assets(
    context: AssetExecutionContext, dbt: DbtCliResource, config: DbtMartsConfig
) -> Iterator[Any]:
    """`dbt build`: staging views, marts tables, and every dbt test as an asset check."""
    os.environ.update(dbt_env())  # the dbt subprocess inherits the environment
    args = ["build", *(["--vars", config.vars] if config.vars.strip() else [])]
    yield from dbt.cli(args, context=context).stream()


def dbt_resource() -> DbtCliResource:
    """The `dbt` resource the dbt assets need."""
    return DbtCliResource(
        project_dir=dbt_project, profiles_dir=str(DBT_PROJECT_DIR), dbt_executable=_dbt_executable()
    )
