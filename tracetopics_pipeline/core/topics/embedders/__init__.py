"""Embedding models behind one interface (base.py), chosen by TRACETOPICS_EMBED_MODEL:
the packaged all-MiniLM-L6-v2, a local sentence-transformers folder (local.py), or an
OpenAI-compatible /embeddings endpoint (openai.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tracetopics_pipeline.core.topics.embedders.base import Embedder, EmbedUsage, model_id

if TYPE_CHECKING:
    from tracetopics_pipeline.core.settings import Settings
    from tracetopics_pipeline.core.spend.budget import Budget

__all__ = ["EmbedUsage", "Embedder", "make_embedder", "model_id"]


def make_embedder(
    settings: Settings,
    *,
    client: Any = None,
    budget: Budget | None = None,
    in_child: bool = False,
) -> Embedder:
    """The configured embedder. Nothing is loaded or sent until it embeds. `client` is the
    endpoint's `openai.OpenAI` (dagster-openai's in the shell); `budget` caps its spend.
    `in_child`: a local model runs in a child process (sidecar.py; the explorer)."""
    if settings.embeds_via_endpoint:
        from tracetopics_pipeline.core.topics.embedders.openai import EndpointEmbedder

        return EndpointEmbedder(
            settings.embed_model or "", client=client, settings=settings, budget=budget
        )
    from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder
    from tracetopics_pipeline.core.topics.embedders.sidecar import SidecarEmbedder

    return (SidecarEmbedder if in_child else SentenceEmbedder)(
        settings.embed_model,
        device=settings.embed_device,
        batch_size=settings.embed_batch_size,
        threads=settings.threads,
        precision=settings.embed_precision,
    )
