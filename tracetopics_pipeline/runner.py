"""Run the pipeline's Dagster assets in-process: the CLI's one path into the pipeline.

`tracetopics run` and `make demo` call this; it launches the same jobs the UI, the schedule and
the sensors launch (recorded in the $DAGSTER_HOME instance, so they show up in `dagster dev`),
never a second implementation of the pipeline.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

import dagster as dg

from tracetopics_pipeline.core.settings import paths

ROOT = Path(__file__).resolve().parent.parent

# Phase 1 covers the whole range in one run; topic maps regenerate for the last days (the
# schedule regenerates daily); phase 3 classifies the whole range against the current maps
# so trends compare like with like, then rebuilds the marts and the explorer's snapshot.
PHASE_SUMMARIZE = ["raw_traces", "facet_summaries", "summary_embeddings"]
PHASE_CLASSIFY = ["classifications"]


def ensure_dagster_home() -> Path:
    """Point DAGSTER_HOME at $TRACETOPICS_HOME/dagster, holding the project's dagster.yaml."""
    home = paths().ensure().dagster_home
    target = home / "dagster.yaml"
    if not target.exists() and (ROOT / "dagster.yaml").exists():
        shutil.copy(ROOT / "dagster.yaml", target)
    os.environ["DAGSTER_HOME"] = str(home)
    os.environ.setdefault("TRACETOPICS_WAREHOUSE", str(paths().warehouse))
    return home


def _range_tags(first: date, last: date) -> dict[str, str]:
    from tracetopics_pipeline.defs.jobs import range_tags

    return range_tags(first.isoformat(), last.isoformat())


def run_pipeline(
    days: Sequence[date],
    *,
    map_days: int = 2,
    say: Callable[[str], None] = print,
    log_level: str = "INFO",
) -> list[str]:
    """Materialize every given day through the daily job's assets; returns the run ids."""
    ensure_dagster_home()
    from tracetopics_pipeline.definitions import defs
    from tracetopics_pipeline.defs.dbt_assets import tracetopics_dbt_assets

    days = sorted(set(days))
    if not days:
        say("nothing to run: no landing files touch any day (try `tracetopics ingest FILE`)")
        return []
    job = defs.resolve_job_def("daily_job")
    first, last = days[0], days[-1]
    run_ids: list[str] = []
    # The console shows what assets log (progress, counts), not every framework event.
    run_config = {"loggers": {"console": {"config": {"log_level": log_level}}}}
    with dg.DagsterInstance.get() as instance:

        def step(title: str, keys: Sequence[dg.AssetKey], **kwargs) -> None:
            started = time.monotonic()
            say(f"▶ {title}")
            result = job.execute_in_process(
                instance=instance,
                asset_selection=list(keys),
                run_config=run_config,
                raise_on_error=True,
                **kwargs,
            )
            run_ids.append(result.run_id)
            say(f"  done in {time.monotonic() - started:.1f}s (run {result.run_id[:8]})")

        keys = [dg.AssetKey(k) for k in PHASE_SUMMARIZE]
        step(
            f"[1/3] ingest, summarize and embed {first} → {last} ({len(days)} days)",
            keys,
            tags=_range_tags(first, last),
        )
        map_range = [last - timedelta(days=i) for i in reversed(range(map_days))]
        for i, day in enumerate(d for d in map_range if d >= first):
            step(
                f"[2/3] topic maps as of {day} ({i + 1}/{len(map_range)})",
                [dg.AssetKey("topic_maps")],
                partition_key=day.isoformat(),
            )
        step(
            f"[3/3] classify {first} → {last}, build the dbt marts, publish the snapshot",
            [dg.AssetKey(k) for k in PHASE_CLASSIFY]
            + sorted(tracetopics_dbt_assets.keys)
            + [dg.AssetKey("explorer_snapshot")],
            tags=_range_tags(first, last),
        )
    return run_ids
