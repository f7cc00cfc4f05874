"""The embedder interface: texts in, L2-normalized float32 vectors out, whatever the model.

A model is known by its *name* (what TRACETOPICS_EMBED_MODEL resolves to) and its *id*, the
name with the vectors' dimension ('openai:text-embedding-3-small@1536'): the cache, the maps
and the snapshot key vectors by id, so two models (or one model at two dimensions) never mix.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from tracetopics_pipeline.core.spend.budget import Budget

Progress = Callable[[int, int], None]


@dataclass
class EmbedUsage:
    """What embedding cost: requests and tokens for an endpoint, zeros for a local model."""

    requests: int = 0
    retries: int = 0
    input_tokens: int = 0
    tokens_estimated: bool = False  # the endpoint reported no usage: tokens are our estimate
    cost_usd: float = 0.0
    redactions: int = 0  # PII items replaced before texts left the machine
    skipped_budget: int = 0  # texts not sent because the spend budget refused

    def metadata(self) -> dict[str, Any]:
        d = asdict(self)
        d["cost_usd"] = round(self.cost_usd, 9)
        return d


def model_id(name: str, dim: int) -> str:
    return f"{name}@{dim}"


def normalize(x: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length in float32 (dot product = cosine), whatever came in."""
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return np.ascontiguousarray(x / np.maximum(norms, 1e-12), dtype=np.float32)


class Embedder(ABC):
    name: str  # model id without the dimension
    kind: str  # packaged | local | openai
    dim: int | None = None  # known once vectors were made (or up front for the packaged model)
    budget: Budget | None = None
    usage: EmbedUsage

    @abstractmethod
    def batches(self, texts: list[str], progress: Progress | None = None) -> Iterator[np.ndarray]:
        """Vectors for consecutive slices of `texts`, in order, L2-normalized float32. Ends
        early (fewer rows than texts in all) only when the spend budget refuses a request."""

    def prepare(self) -> None:
        """Start loading the model where that overlaps other work (a child process); a no-op
        for a model that loads in this process on first use."""
        return None

    def embed(self, texts: list[str], progress: Progress | None = None) -> np.ndarray:
        """Vectors for `texts` (n, dim); fewer rows only when the budget stopped it."""
        parts = list(self.batches(texts, progress))
        if parts:
            return np.concatenate(parts)
        return np.zeros((0, self.dim or 0), dtype=np.float32)

    def model_id(self) -> str | None:
        return model_id(self.name, self.dim) if self.dim else None
