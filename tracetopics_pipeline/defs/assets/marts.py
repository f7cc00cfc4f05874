"""The dbt marts as Dagster assets (dagster-dbt), one lineage graph with the pipeline.

dbt sources carry `meta.dagster.asset_key`, so raw_traces, facet_summaries, topic_maps and
classifications feed the dbt models directly. `dbt build` runs models and their tests; the
tests show up as asset checks. The marts are not partitioned: each run rebuilds them
(seconds on DuckDB), in the warehouse pool because DuckDB is single-writer.
"""

import contextlib
import io
import json
import os
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

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.settings import Settings, paths
from tracetopics_pipeline.defs.dbt_project import MANIFEST_PATH, dbt_env, dbt_project
from tracetopics_pipeline.defs.partitions import OWNERS, WAREHOUSE_POOL, stage_tags

MART_GROUP = "marts"
MARTS_FRESHNESS = dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=26))


class TracetopicsDbtTranslator(DagsterDbtTranslator):
    """Models go in group 'marts' with a daily freshness policy; sources keep the upstream keys
    their `meta.dagster.asset_key` names (several tables may map to one asset)."""

    def get_asset_spec(
        self, manifest: Mapping[str, Any], unique_id: str, project: DbtProject | None
    ) -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        if self.get_resource_props(manifest, unique_id).get("resource_type") == "model":
            spec = spec.replace_attributes(
                group_name=MART_GROUP,
                freshness_policy=MARTS_FRESHNESS,
                owners=OWNERS,
            ).merge_attributes(tags=stage_tags(MART_GROUP))
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


def build_vars(run_vars: str = "", settings: Settings | None = None) -> str:
    """`dbt build --vars`: the settings' configuration the marts read (plan_tier_weights from
    TRACETOPICS_PLAN_WEIGHTS, read in core/settings.py only), then the run config's `vars`
    over it; "" when neither sets anything (the dbt project's defaults)."""
    import yaml

    settings = settings or Settings.from_env()
    out: dict[str, Any] = {}
    if settings.plan_weights is not None:
        out["plan_tier_weights"] = settings.plan_weights
    if run_vars.strip():
        given = yaml.safe_load(run_vars)
        if not isinstance(given, dict):
            raise ValueError(f"dbt vars must be a YAML mapping, got {run_vars!r}")
        out.update(given)
    return json.dumps(out) if out else ""


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
    # dbt opens the file itself: wait (and say for whom) while another process holds it.
    warehouse.connect(paths().warehouse, say=context.log.warning).close()
    args = ["build", *(["--vars", v] if (v := build_vars(config.vars)) else [])]
    invocation = dbt.cli(args, context=context)
    # dagster-dbt echoes every dbt line (~250 per build) to stdout; dbt's own log keeps them, so
    # the run's output keeps the result. On a failure the lines are shown after all.
    echo = io.StringIO()
    try:
        with contextlib.redirect_stdout(echo):
            events = list(invocation.stream())
    except Exception:
        sys.stdout.write(echo.getvalue())
        raise
    yield from events
    context.log.info(
        f"dbt build: {len(events)} results; dbt's log: {invocation.target_path / 'dbt.log'}"
    )
