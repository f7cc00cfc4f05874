"""facet_summaries: every trace summarized through every facet (Task, Sentiment, Issues, custom)."""

import dagster as dg
from dagster_duckdb import DuckDBResource
from dagster_openai import OpenAIResource

from tracetopics_pipeline.core.facets.coverage import facet_coverage
from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.facets.stage import summarize_days
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.settings import Settings, paths
from tracetopics_pipeline.core.spend.ledger import budget_from_ledger
from tracetopics_pipeline.core.warehouse import quality
from tracetopics_pipeline.defs.partitions import DAILY_FRESHNESS, daily_asset, released_days
from tracetopics_pipeline.defs.resources import openai_client


class FacetRunConfig(dg.Config):
    """Empty = every facet. The facet-config sensor names only the facets whose prompt changed."""

    only_facets: list[str] = []


@daily_asset(
    deps=["raw_traces"],
    group_name="facets",
    freshness_policy=DAILY_FRESHNESS,
    check_specs=[
        dg.AssetCheckSpec(
            "facet_coverage",
            asset="facet_summaries",
            blocking=True,
            description="Errored summaries stay under TRACETOPICS_COVERAGE_THRESHOLD (5%) per facet.",
        ),
        dg.AssetCheckSpec(
            "facet_summaries_expectations",
            asset="facet_summaries",
            blocking=True,
            description="great-expectations suite: nulls, value sets, one row per trace x facet.",
        ),
    ],
)
def facet_summaries(
    context: dg.AssetExecutionContext,
    config: FacetRunConfig,
    duckdb: DuckDBResource,
    openai: OpenAIResource,
):
    """One summary per trace and facet, from the local summarizer or an OpenAI-compatible model."""
    settings = Settings.from_env()
    facets = load_facets()

    def progress(done: int, total: int) -> None:  # as summary_embeddings says its progress
        context.log.info(f"summarized {done:,}/{total:,} traces")

    with openai_client(openai, context, settings) as client, duckdb.get_connection() as conn:
        budget = budget_from_ledger(conn, settings)  # TRACETOPICS_BUDGET_USD_DAY / _MONTH
        days = released_days(context, conn)  # less the days held back for their quarantine rate
        summarizer = make_summarizer(
            settings.summarizer,
            client=client,
            model=settings.openai_model,
            cache_dir=paths().cache,
            budget=budget,
        )
        stats = summarize_days(
            conn,
            days,
            facets=facets,
            summarizer=summarizer,
            sample_rate=settings.sample_rate,
            where=settings.trace_filter,
            only_facets=config.only_facets or None,
            budget=budget,
            progress=progress,
        )
        suite = quality.validate_facet_summaries(conn, days, n_facets=len(facets))
        coverage = facet_coverage(conn, days, settings.coverage_threshold)
    if stats.budget_skipped:
        context.log.warning(
            f"{stats.budget_skipped:,} trace x facet summaries skipped: {stats.budget_reason}"
        )
    yield dg.MaterializeResult(metadata={**stats.metadata(), **budget.metadata()})
    failed = [c for c in coverage if c.failed]
    for c in failed:
        context.log.error(f"facet coverage: {c.summary()}")
    worst = max(coverage, key=lambda c: c.share, default=None)
    yield dg.AssetCheckResult(
        check_name="facet_coverage",
        passed=not failed,
        metadata={
            "errored_share": worst.share if worst else 0.0,
            "threshold": settings.coverage_threshold,
            "most_common_error": (worst.top_error or "") if worst else "",
            **{f"errored/{c.facet}": round(c.share, 6) for c in coverage},
        },
    )
    yield dg.AssetCheckResult(
        check_name="facet_summaries_expectations", passed=suite.success, metadata=suite.metadata()
    )
