"""Embeddings, topic maps and classifications: facet summaries turned into topics."""

import base64
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import dagster as dg
import duckdb as ddb
from dagster_duckdb import DuckDBResource
from dagster_openai import OpenAIResource

from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.spend.budget import Budget
from tracetopics_pipeline.core.spend.ledger import budget_from_ledger
from tracetopics_pipeline.core.topics import classify, embed
from tracetopics_pipeline.core.topics.embedders import Embedder, make_embedder
from tracetopics_pipeline.core.topics.labels.labellers import labeler_from_settings
from tracetopics_pipeline.core.topics.maps import MapStats, build_maps
from tracetopics_pipeline.core.topics.pictures import parents_markdown
from tracetopics_pipeline.core.wording import progress_worth_saying
from tracetopics_pipeline.defs.partitions import (
    DAILY_FRESHNESS,
    daily_asset,
    released_days,
    run_days,
)
from tracetopics_pipeline.defs.resources import openai_client


class _Stage(NamedTuple):
    settings: Settings
    conn: ddb.DuckDBPyConnection
    client: Any  # the endpoint's client, or None when no stage calls it
    budget: Budget
    embedder: Embedder


@contextmanager
def _stage(
    context: dg.AssetExecutionContext, duckdb: DuckDBResource, openai: OpenAIResource
) -> Iterator[_Stage]:
    """What each of the three assets starts from: the settings, the endpoint's client, the
    warehouse, the run's budget (from the spend ledger) and the embedder that spends it."""
    settings = Settings.from_env()
    with openai_client(openai, context, settings) as client, duckdb.get_connection() as conn:
        budget = budget_from_ledger(conn, settings)
        embedder = make_embedder(settings, client=client, budget=budget)
        yield _Stage(settings, conn, client, budget, embedder)


@daily_asset(
    deps=["facet_summaries"],
    group_name="topics",
    kinds={"openai"} if Settings.from_env().embeds_via_endpoint else {"pytorch"},
    # Celery routes this step to the GPU workers' queue when one is configured (docs/scaling.md).
    op_tags={"dagster-celery/queue": Settings.from_env().embed_queue},
)
def summary_embeddings(
    context: dg.AssetExecutionContext, duckdb: DuckDBResource, openai: OpenAIResource
):
    """Embeddings of facet summaries with TRACETOPICS_EMBED_MODEL (packaged all-MiniLM-L6-v2, a
    local model, or an endpoint), cached by text hash x model id: nothing embedded twice."""

    told = {"total": 0, "done": 0}  # the embedder tells each chunk: say each 5 % and the end

    def progress(done: int, total: int) -> None:
        if total != told["total"]:  # another batch of texts starts from 0
            told.update(total=total, done=0)
        if progress_worth_saying(done, total, told["done"]):
            told["done"] = done
            context.log.info(f"embedded {done:,}/{total:,} new texts")

    with _stage(context, duckdb, openai) as (settings, conn, _, budget, embedder):
        stats = embed.embed_days(
            conn,
            released_days(context, conn),
            settings=settings,
            embedder=embedder,
            progress=progress,
        )
    if stats.skipped_budget:
        context.log.warning(
            f"{stats.skipped_budget:,} texts left unembedded: {budget.skip_reason()}"
        )
    return dg.MaterializeResult(metadata={**stats.metadata(), **budget.metadata()})


def _map_line(m: MapStats) -> str:
    """'Task: built, ...': one facet's map. A built map's detail already says its parents,
    topics, summaries and no_match."""
    counts = f"{m.n_topics} topics from {m.n_docs} summaries, no_match {m.no_match_share:.1%}"
    return f"{m.facet}: {'kept' if m.kept else m.status}, {m.detail or counts}"


@daily_asset(
    backfill_policy=dg.BackfillPolicy.multi_run(1),  # a map per day: one run per partition
    deps=["summary_embeddings"],
    group_name="topics",
)
def topic_maps(context: dg.AssetExecutionContext, duckdb: DuckDBResource, openai: OpenAIResource):
    """Per facet, topics from the trailing window of summaries, ids kept stable across days."""
    day = run_days(context)[-1]
    with _stage(context, duckdb, openai) as (settings, conn, client, budget, embedder):
        labeler = labeler_from_settings(settings, client=client, budget=budget)  # Clio-style
        maps = build_maps(
            conn, day, facets=load_facets(), settings=settings, labeler=labeler,
            embedder=embedder, keep_unchanged=True,  # a re-run of unchanged days keeps its maps
            on_map=lambda m: context.log.info(_map_line(m)),  # a line per facet as it is done
        )  # fmt: skip
        parents = {
            m.facet: parents_markdown(conn, m.map_id, m.facet) for m in maps if m.status == "built"
        }
    metadata: dict[str, object] = dict(budget.metadata())
    metadata["labels_budget_fallbacks"] = getattr(labeler, "budget_fallbacks", 0)
    pictures = []
    for m in maps:
        for key, value in m.metadata().items():
            metadata[f"{m.facet}/{key}"] = value
        if parents.get(m.facet):
            metadata[f"{m.facet}/parents"] = dg.MetadataValue.md(parents[m.facet])
            pictures.append(parents[m.facet])
        if m.png:
            data = base64.b64encode(m.png).decode()
            pictures.append(
                f"### {m.facet}\n\n![{m.facet} topic map](data:image/png;base64,{data})"
            )
        if m.markdown:
            pictures.append(m.markdown)
    metadata["topic_maps"] = dg.MetadataValue.md("\n\n".join(pictures) or "no map built")
    return dg.MaterializeResult(metadata=metadata)


@daily_asset(
    deps=["summary_embeddings", "topic_maps"],
    group_name="topics",
    freshness_policy=DAILY_FRESHNESS,
    check_specs=[
        dg.AssetCheckSpec(
            "no_match_share",
            asset="classifications",
            description="Share of classified summaries left as no_match stays under TRACETOPICS_NO_MATCH_WARN (20%).",
        ),
        dg.AssetCheckSpec(
            "maps_match_embedding_model",
            asset="classifications",
            description="Every facet's current map was built with TRACETOPICS_EMBED_MODEL; a map "
            "built with another model is refused until topic_maps is rebuilt.",
        ),
    ],
)
def classifications(
    context: dg.AssetExecutionContext, duckdb: DuckDBResource, openai: OpenAIResource
):
    """Every trace x facet assigned to the nearest topic of the facet's current map, or no_match."""
    with _stage(context, duckdb, openai) as (settings, conn, _, budget, embedder):
        stats = classify.classify_days(
            conn,
            released_days(context, conn),
            facets=load_facets(),
            settings=settings,
            embedder=embedder,
            same_rule=True,  # an upgraded rule re-classifies every stored day too
            progress=context.log.info,  # a line per chunk of those: days done, rows/s, time left
        )
    if stats.reclassified:
        context.log.info(
            f"re-classified {len(stats.reclassified)} earlier days classified by another rule "
            f"(an upgrade or a changed setting): {stats.reclassified[0]} … {stats.reclassified[-1]}, "
            f"{stats.reclassified_rows:,} rows in {stats.reclassified_seconds:.1f} s"
        )
    for facet, why in stats.refused.items():
        context.log.error(f"{facet} not classified: {why}")
    yield dg.MaterializeResult(metadata={**stats.metadata(), **budget.metadata()})
    yield dg.AssetCheckResult(
        check_name="maps_match_embedding_model",
        passed=not stats.refused,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "embed_model": stats.embed_model,
            "refused": " | ".join(f"{k}: {v}" for k, v in sorted(stats.refused.items())),
        },
    )
    yield dg.AssetCheckResult(
        check_name="no_match_share",
        passed=stats.no_match_share <= settings.no_match_warn_share,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "no_match_share": stats.no_match_share,
            "threshold": settings.no_match_warn_share,
        },
    )
