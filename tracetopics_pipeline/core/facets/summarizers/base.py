"""The summarizer interface shared by the local and the OpenAI-compatible backends.

`summarize(traces, facets)` returns one FacetOutput per trace × facet, whatever happened:
status is ok, excluded (output matched the facet's exclusion regex; summary and label kept),
skipped (the preprocessor had nothing to show) or errored (with the error). Backends never
raise for one bad trace; a partition always completes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from tracetopics_pipeline.core.facets.definitions import Facet
from tracetopics_pipeline.core.facets.preprocess import preprocess
from tracetopics_pipeline.core.facets.redact import redact

STATUSES = ("ok", "excluded", "skipped", "errored")


@dataclass
class FacetOutput:
    trace_id: str
    facet: str  # facet name
    status: str
    summary: str | None = None
    label: str | None = None
    error: str | None = None
    cached: bool = False
    model: str | None = None  # what gave this output, when not the summarizer's own model
    # Every label that applies, `label` first, where the backend knows more than one (the local
    # Issues rules list every problem of a trace); None: `label` alone (`all_labels`).
    labels: list[str] | None = None

    @property
    def all_labels(self) -> list[str] | None:
        """What facet_summaries.labels stores: every label of the trace, the first its label
        ([label] from a backend that gives one, such as the OpenAI-compatible one); None
        without a label."""
        if self.label is None:
            return None
        return list(self.labels) if self.labels else [self.label]


@dataclass
class SummarizeResult:
    outputs: list[FacetOutput] = field(default_factory=list)
    backend: str = ""
    model: str = ""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    requests: int = 0  # HTTP calls made (retries included)
    retries: int = 0
    cache_hits: int = 0  # trace × facet outputs served from the cache
    redactions: int = 0  # PII items replaced before summarizing

    def extend(self, other: SummarizeResult) -> None:
        self.outputs.extend(other.outputs)
        for k in ("prompt_tokens", "completion_tokens", "cost_usd", "requests", "retries",
                  "cache_hits", "redactions"):  # fmt: skip
            setattr(self, k, getattr(self, k) + getattr(other, k))


class Summarizer(Protocol):
    backend: str
    model: str

    def summarize(self, traces: list[dict], facets: list[Facet]) -> SummarizeResult: ...


def finish(
    trace_id: str,
    facet: Facet,
    summary: str | None,
    label: str | None,
    *,
    cached: bool = False,
    labels: list[str] | None = None,
) -> FacetOutput:
    """An ok/excluded output: the exclusion regex is applied here, once, for both backends.
    `labels`: every label that applies, `label` first (FacetOutput.labels)."""
    summary = (summary or "").strip() or (label or "")
    if not summary:
        return FacetOutput(trace_id, facet.name, "errored", error="empty output")
    status = "excluded" if facet.excluded(summary) else "ok"
    return FacetOutput(trace_id, facet.name, status, summary, label, cached=cached, labels=labels)


def prepared_text(
    trace: dict, facet: Facet, *, do_redact: bool = True
) -> tuple[str | None, str | None]:
    """(text, error): the facet's preprocessed, redacted input; text None means skip."""
    try:
        text = preprocess(trace, facet)
    except Exception as e:  # a custom preprocessor's bug must not sink the partition
        return None, f"preprocessor {facet.preprocessor!r} failed: {type(e).__name__}: {e}"
    if text is None:
        return None, None
    return (redact(text) if do_redact else text), None


def normalize_label(raw: object, facet: Facet) -> str | None:
    """Map a model's label onto the facet's label set (case/spacing-insensitive), else None."""
    if not facet.labels or raw is None:
        return None
    want = str(raw).strip().upper().replace(" ", "_").replace("-", "_")
    for lab in facet.labels:
        if lab.upper().replace(" ", "_").replace("-", "_") == want:
            return lab
    return None
