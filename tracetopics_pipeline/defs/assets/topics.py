"""Embeddings, topic maps and classifications: facet summaries turned into topics."""

import base64
import contextlib
import os
from datetime import timedelta

import dagster as dg
from dagster_duckdb import DuckDBResource
from dagster_openai import OpenAIResource

from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics import classify, embed
from tracetopics_pipeline.core.topics.labels import labeler_from_settings
from tracetopics_pipeline.core.topics.maps import build_maps
from tracetopics_pipeline.defs.partitions import WAREHOUSE_POOL, daily_partitions, run_days


@dg.asset(
    partitions_def=daily_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool=WAREHOUSE_POOL,
    deps=["facet_summaries"],
    group_name="topics",
    kinds={"python", "duckdb", "pytorch"},
    # Celery routes this step to the GPU workers' queue when one is configured (docs/scaling.md).
    op_tags={"dagster-celery/queue": os.environ.get("TRACETOPICS_EMBED_QUEUE", "dagster")},
)
def summary_embeddings(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """all-MiniLM-L6-v2 embeddings of facet summaries, cached by text hash: nothing embedded twice."""

    def progress(done: int, total: int) -> None:
        context.log.info(f"embedded {done:,}/{total:,} new texts")

    with duckdb.get_connection() as conn:
        stats = embed.embed_days(
            conn, run_days(context), settings=Settings.from_env(), progress=progress
        )
    return dg.MaterializeResult(metadata=stats.metadata())


@dg.asset(
    partitions_def=daily_partitions,
    backfill_policy=dg.BackfillPolicy.multi_run(1),  # a map per day: one run per partition
    pool=WAREHOUSE_POOL,
    deps=["summary_embeddings"],
    group_name="topics",
    kinds={"python", "duckdb"},
)
def topic_maps(context: dg.AssetExecutionContext, duckdb: DuckDBResource, openai: OpenAIResource):
    """Per facet, topics from the trailing window of summaries, ids kept stable across days."""
    day = run_days(context)[-1]
    settings = Settings.from_env()
    with contextlib.ExitStack() as stack:
        client = None
        if settings.summarizer == "openai":  # Clio-style labels from the same model
            client = stack.enter_context(openai.get_client(context))
        labeler = labeler_from_settings(settings, client=client)
        with duckdb.get_connection() as conn:
            maps = build_maps(conn, day, facets=load_facets(), settings=settings, labeler=labeler)
    metadata: dict[str, object] = {}
    pictures = []
    for m in maps:
        for key, value in m.metadata().items():
            metadata[f"{m.facet}/{key}"] = value
        if m.png:
            data = base64.b64encode(m.png).decode()
            pictures.append(
                f"### {m.facet}\n\n![{m.facet} topic map](data:image/png;base64,{data})"
            )
        if m.markdown:
            pictures.append(m.markdown)
        context.log.info(
            f"{m.facet}: {m.status}, {m.n_topics} topics from {m.n_docs} summaries, "
            f"no_match {m.no_match_share:.1%} {m.detail}".rstrip()
        )
    metadata["topic_maps"] = dg.MetadataValue.md("\n\n".join(pictures) or "no map built")
    return dg.MaterializeResult(metadata=metadata)


@dg.asset(
    partitions_def=daily_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool=WAREHOUSE_POOL,
    deps=["summary_embeddings", "topic_maps"],
    group_name="topics",
    kinds={"python", "duckdb"},
    freshness_policy=dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=26)),
    check_specs=[
        dg.AssetCheckSpec(
            "no_match_share",
            asset="classifications",
            description="Share of classified summaries left as no_match stays under 20%.",
        ),
    ],
)
def classifications(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Every trace x facet assigned to the nearest topic of the facet's current map, or no_match."""
    with duckdb.get_connection() as conn:
        stats = classify.classify_days(
            conn, run_days(context), facets=load_facets(), settings=Settings.from_env()
        )
    yield dg.MaterializeResult(metadata=stats.metadata())
    yield dg.AssetCheckResult(
        check_name="no_match_share",
        passed=stats.no_match_share <= 0.20,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"no_match_share": stats.no_match_share},
    )
