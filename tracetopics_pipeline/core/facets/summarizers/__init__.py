"""Summarizer backends behind one interface (see base.py): `make_summarizer("local" | "openai")`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracetopics_pipeline.core.facets.summarizers.base import (
    FacetOutput,
    Summarizer,
    SummarizeResult,
)

if TYPE_CHECKING:
    from tracetopics_pipeline.core.spend.budget import Budget

__all__ = ["FacetOutput", "SummarizeResult", "Summarizer", "make_summarizer"]


def make_summarizer(
    kind: str = "local",
    *,
    client: Any = None,
    model: str | None = None,
    cache_dir: Path | None = None,
    budget: Budget | None = None,
    **opts: Any,
) -> Summarizer:
    """Build a summarizer.

    local: offline rules (no client, no cache needed), with the models fitted in the home
    (`tracetopics facets fit`; fitted_models=False: the rules alone). openai: any
    OpenAI-compatible endpoint; `client` is an `openai.OpenAI` (from dagster-openai's
    OpenAIResource.get_client in the shell; built from OPENAI_API_KEY / OPENAI_BASE_URL when
    None), the model defaults to $TRACETOPICS_OPENAI_MODEL, and answers are cached under
    `cache_dir` (default: the home's cache folder); its calls are charged to `budget` (and
    refused past its caps). Extra options (concurrency, timeout_s, max_retries, backoff_s, ...)
    pass through; timeout_s, max_retries and deadline_s default to TRACETOPICS_LLM_TIMEOUT_S,
    _MAX_RETRIES and _DEADLINE_S.
    """
    kind = (kind or "local").lower()
    if kind == "local":
        from tracetopics_pipeline.core import settings
        from tracetopics_pipeline.core.facets.summarizers.local import LocalSummarizer

        if opts.get("fitted_models", True):  # the home's models (`tracetopics facets fit`)
            opts.setdefault("models_dir", settings.paths().models)
        return LocalSummarizer(model=model, **opts)
    if kind in ("openai", "openai-compatible", "llm"):
        from tracetopics_pipeline.core import settings
        from tracetopics_pipeline.core.facets.summarizers.openai import OpenAISummarizer

        if cache_dir is None:
            cache_dir = settings.paths().cache
        env = settings.Settings.from_env()
        opts.setdefault("timeout_s", env.llm_timeout_s)
        opts.setdefault("max_retries", env.llm_max_retries)
        opts.setdefault("deadline_s", env.llm_deadline_s)
        return OpenAISummarizer(client, model=model, cache_dir=cache_dir, budget=budget, **opts)
    raise ValueError(f"unknown summarizer {kind!r} (expected 'local' or 'openai')")
