"""What the run leaves for readers: alerts, the SQL macro, the explorer's snapshot and the read
copy for BI tools."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from tracetopics_pipeline.core.settings import Settings, paths
from tracetopics_pipeline.core.spend.ledger import spend_summary
from tracetopics_pipeline.core.sql.macro import install_project_logs
from tracetopics_pipeline.core.topics import alerts
from tracetopics_pipeline.core.topics.embed import configured_model_id
from tracetopics_pipeline.core.topics.report import publish_for_readers
from tracetopics_pipeline.core.warehouse.read_copy import publish_read_copy
from tracetopics_pipeline.defs.assets.marts import MART_KEYS
from tracetopics_pipeline.defs.partitions import OWNERS, WAREHOUSE_POOL, stage_tags


@dg.asset(
    deps=MART_KEYS,
    pool=WAREHOUSE_POOL,
    backfill_policy=dg.BackfillPolicy.single_run(),
    group_name="publish",
    owners=OWNERS,
    tags=stage_tags("publish"),
    kinds={"duckdb", "parquet"},
)
def explorer_snapshot(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Parquet copies of the tables for the explorer, and a DuckDB read copy for BI tools, each
    swapped in atomically: readers never open (or lock) the live warehouse."""
    settings = Settings.from_env()
    with duckdb.get_connection() as conn:
        install_project_logs(conn)  # persisted, so BI tools opening the file have it too
        where = publish_for_readers(conn, paths().snapshot, settings)
        model = configured_model_id(conn, settings)
        spend = spend_summary(conn, settings)
        read_copy = publish_read_copy(conn, paths().read_copy)
    context.log.info(f"published snapshot {where} and read copy {read_copy}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(where)),
            "read_copy": dg.MetadataValue.path(str(read_copy)),
            "embed_model": model or "",
            "spend_usd_today": spend.spent_today_usd,
            "spend_usd_month": spend.spent_month_usd,
        }
    )


@dg.asset(
    deps=[dg.AssetKey(["marts", "topic_trends"]), "topic_maps"],
    pool=WAREHOUSE_POOL,
    backfill_policy=dg.BackfillPolicy.single_run(),
    group_name="publish",
    owners=OWNERS,
    tags=stage_tags("publish"),
    kinds={"duckdb"},
)
def topic_alerts(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """New topics, topics whose weekly share grew past TRACETOPICS_ALERT_GROWTH (default 1.5x)
    and topics whose negative share over-indexes: a selection of what changed (the digest's
    and the explorer home's facts, core/topics/changes.py)."""
    settings = Settings.from_env()
    with duckdb.get_connection() as conn:
        found = alerts.detect_alerts(
            conn, growth_factor=settings.alert_growth, min_volume=settings.alert_min_volume
        )
    for warn, line in alerts.alert_lines(found):
        (context.log.warning if warn else context.log.info)(line)
    return dg.MaterializeResult(
        metadata={"new_alerts": len(found), "kinds": ", ".join(sorted({a.kind for a in found}))}
    )
