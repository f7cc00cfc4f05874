"""Embeddings from any OpenAI-compatible /embeddings endpoint (OpenAI, vLLM, Ollama, LiteLLM):
TRACETOPICS_EMBED_MODEL=openai:<model>, OPENAI_BASE_URL and OPENAI_API_KEY as for summaries.

- Batches are sized by an estimated token budget (TRACETOPICS_EMBED_BATCH_TOKENS) and at most
  MAX_INPUTS texts, so a request stays under the endpoint's limits whatever the text lengths.
- The summarizer's retry loop (core/endpoint.py): 429, 5xx, timeouts and connection errors,
  and a 200 whose body is unusable (not JSON, wrong count, not numbers, mixed or changed
  dimensions, a zero vector) are retried with backoff; a rejected key or model fails fast.
- Every text goes through the summarizer's PII redactor before it leaves the machine.
- Vectors are L2-normalized here, whatever the endpoint returns.
- All requests of one embedder (one run) share the summarizer's deadline
  (TRACETOPICS_LLM_DEADLINE_S): past it no request is made, so a silent endpoint cannot hold
  the run longer than that.
- Usage: tokens as the endpoint reports them (estimated, and flagged, when it reports none),
  priced from the price table; each request reserves its cost against the spend budget first.

In the Dagster shell the client comes from dagster-openai's `OpenAIResource` (the same one the
summarizer uses); elsewhere `openai.OpenAI` is built from OPENAI_BASE_URL / OPENAI_API_KEY.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from tracetopics_pipeline.core.endpoint import (
    Deadline,
    MalformedResponse,
    RetryPolicy,
    call_with_retries,
    estimate_tokens,
)
from tracetopics_pipeline.core.facets.redact import redact_counts
from tracetopics_pipeline.core.settings import ENDPOINT_PREFIX, Settings
from tracetopics_pipeline.core.spend.budget import EMBEDDINGS, Budget
from tracetopics_pipeline.core.topics.embedders.base import (
    Embedder,
    EmbedUsage,
    Progress,
    normalize,
)

MAX_INPUTS = 512  # texts per request (OpenAI accepts 2,048; self-hosted servers often less)
MAX_INPUT_CHARS = 16_000  # a text longer than this is cut (~4-5k tokens; OpenAI's limit is 8,191)


def endpoint_client(settings: Settings) -> Any:
    """An `openai.OpenAI` for OPENAI_BASE_URL / OPENAI_API_KEY (outside the Dagster shell)."""
    import openai

    return openai.OpenAI(
        base_url=settings.openai_base_url, api_key=settings.openai_api_key or "not-set"
    )


class EndpointEmbedder(Embedder):
    kind = "openai"

    def __init__(
        self,
        model: str,
        *,
        client: Any = None,
        settings: Settings | None = None,
        budget: Budget | None = None,
        batch_tokens: int | None = None,
        max_inputs: int = MAX_INPUTS,
        timeout_s: float | None = None,
        policy: RetryPolicy | None = None,
        deadline_s: float | None = None,
    ) -> None:
        settings = settings or Settings.from_env()
        self.model = model.removeprefix(ENDPOINT_PREFIX)
        self.name = ENDPOINT_PREFIX + self.model
        client = client if client is not None else endpoint_client(settings)
        # Our retry loop reports retries and honours our timeout; the SDK's would hide them.
        self.client = client.with_options(max_retries=0)
        self.timeout_s = timeout_s if timeout_s is not None else settings.llm_timeout_s
        self.deadline = Deadline(deadline_s if deadline_s is not None else settings.llm_deadline_s)
        self.budget = budget or Budget(settings)  # uncapped: still prices the usage
        self.batch_tokens = max(1, batch_tokens or settings.embed_batch_tokens)
        self.max_inputs = max(1, max_inputs)
        self.policy = policy or RetryPolicy(max_retries=settings.llm_max_retries)
        self.usage = EmbedUsage()

    def plan(self, tokens: list[int]) -> list[tuple[int, int]]:
        """(start, end) slices holding at most batch_tokens estimated tokens and max_inputs
        texts each; a single text above the budget goes alone."""
        out: list[tuple[int, int]] = []
        start, size = 0, 0
        for i, n in enumerate(tokens):
            if i > start and (size + n > self.batch_tokens or i - start >= self.max_inputs):
                out.append((start, i))
                start, size = i, 0
            size += n
        if start < len(tokens):
            out.append((start, len(tokens)))
        return out

    def batches(self, texts: list[str], progress: Progress | None = None) -> Iterator[np.ndarray]:
        sent: list[str] = []
        for text in texts:
            r = redact_counts(text or " ")
            self.usage.redactions += sum(r.counts.values())
            sent.append(r.text[:MAX_INPUT_CHARS])
        tokens = [estimate_tokens(t) for t in sent]
        for start, end in self.plan(tokens):
            reserved = self.budget.estimate(self.model, sum(tokens[start:end]), 0)
            if not self.budget.reserve(reserved):
                self.usage.skipped_budget += len(texts) - start
                return
            try:
                vecs, used, reported = self._embed_batch(sent[start:end])
            finally:
                self.budget.release(reserved)
            if not reported:
                used = sum(tokens[start:end])
                self.usage.tokens_estimated = True
            self.usage.input_tokens += used
            self.usage.cost_usd += self.budget.charge(EMBEDDINGS, self.model, used)
            self.dim = vecs.shape[1]
            yield vecs
            if progress is not None:
                progress(end, len(texts))

    def _embed_batch(self, batch: list[str]) -> tuple[np.ndarray, int, bool]:
        def attempt() -> None:
            self.usage.requests += 1

        def retried(_: Exception) -> None:
            self.usage.retries += 1

        return call_with_retries(
            lambda: self._request(batch),
            self.policy,
            what=self.name,
            on_attempt=attempt,
            on_retry=retried,
            deadline=self.deadline,
        )

    def _request(self, batch: list[str]) -> tuple[np.ndarray, int, bool]:
        """One request → (normalized vectors in input order, tokens used, whether reported)."""
        resp = self.client.embeddings.create(
            model=self.model,
            input=batch,
            encoding_format="float",
            timeout=self.deadline.cap(self.timeout_s),
        )
        data = getattr(resp, "data", None)
        if not isinstance(data, list) or len(data) != len(batch):
            got = len(data) if isinstance(data, list) else type(data).__name__
            raise MalformedResponse(f"{len(batch)} texts sent, {got} embeddings returned")
        rows: list[tuple[int, list[float]]] = []
        for pos, item in enumerate(data):
            index = getattr(item, "index", None)
            vec = getattr(item, "embedding", None)
            if not isinstance(vec, list) or not vec:
                raise MalformedResponse(f"embedding {pos} is not a list of numbers")
            rows.append((index if isinstance(index, int) else pos, vec))
        rows.sort(key=lambda r: r[0])
        if [r[0] for r in rows] != list(range(len(batch))):
            raise MalformedResponse("embedding indexes do not match the texts sent")
        dims = {len(v) for _, v in rows}
        if len(dims) != 1:
            raise MalformedResponse(f"vectors of several dimensions in one answer: {sorted(dims)}")
        try:
            x = np.asarray([v for _, v in rows], dtype=np.float64)
        except (TypeError, ValueError):
            raise MalformedResponse("embeddings hold values that are not numbers") from None
        norms = np.linalg.norm(x, axis=1)
        if not np.isfinite(x).all() or (norms == 0).any():
            raise MalformedResponse("an embedding is zero or not finite")
        if self.dim is not None and x.shape[1] != self.dim:
            raise MalformedResponse(f"{x.shape[1]}-dim vectors after {self.dim}-dim ones")
        usage = getattr(resp, "usage", None)
        used = getattr(usage, "prompt_tokens", None) or getattr(usage, "total_tokens", None)
        reported = isinstance(used, int) and used > 0
        return normalize(x), int(used) if reported else 0, reported
