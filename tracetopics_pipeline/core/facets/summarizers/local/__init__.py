"""The local summarizer: deterministic, offline, free. Nothing leaves the machine.

Built-in kinds (a facet's `local.kind`): task, sentiment and issues read the trace's structure;
rules applies a facet's keyword/extraction rules to its preprocessed text. The preprocessor still
decides whether a facet applies: no text → skipped. Summaries are PII-redacted like the inputs
of the OpenAI backend, so the two backends store the same kind of text.
"""

from __future__ import annotations

import time

from tracetopics_pipeline.core.facets.definitions import Facet
from tracetopics_pipeline.core.facets.preprocess import (
    content_text,
    is_error_reply,
    messages_of,
    preprocess,
)
from tracetopics_pipeline.core.facets.redact import redact
from tracetopics_pipeline.core.facets.summarizers.base import FacetOutput, SummarizeResult, finish
from tracetopics_pipeline.core.facets.summarizers.local.issues import (
    detect_issues,
    summarize_issues,
)
from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules, has_local_rules
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import summarize_sentiment
from tracetopics_pipeline.core.facets.summarizers.local.task import summarize_task

LOCAL_MODEL = "local-rules-v1"


def reconcile(outputs: list[FacetOutput], facets: list[Facet]) -> list[FacetOutput]:
    """Keep a trace's facets from contradicting each other.

    A facet's `local.not_positive_with` ({other facet: [labels]}) names labels of other facets
    that rule out a plain POSITIVE: a user who praises the agent and also says they are leaving
    is MIXED, not POSITIVE (Sentiment vs Churn risk in the shipped file).
    """
    by_facet = {o.facet: o for o in outputs}
    for facet in facets:
        rules = facet.local.get("not_positive_with") or {}
        mine = by_facet.get(facet.name)
        if not rules or mine is None or mine.label != "POSITIVE":
            continue
        for other, labels in rules.items():
            o = by_facet.get(other)
            if o is not None and o.label in set(labels):
                reason = (mine.summary or "").rstrip(".")
                summary = f"{reason}, but {other.lower()} is {o.label}."
                fixed = finish(mine.trace_id, facet, summary, "MIXED")
                outputs[outputs.index(mine)] = fixed
                break
    return outputs


class NoLocalRules(Exception):
    """A custom facet the local backend cannot answer (no keywords, no rules)."""


class LocalSummarizer:
    backend = "local"

    def __init__(self, *, model: str | None = None, redact_pii: bool = True, **_: object) -> None:
        self.model = model or LOCAL_MODEL
        self.redact_pii = redact_pii
        self.elapsed_s = 0.0

    def summarize(self, traces: list[dict], facets: list[Facet]) -> SummarizeResult:
        t0 = time.perf_counter()
        res = SummarizeResult(backend=self.backend, model=self.model)
        for trace in traces:
            res.outputs.extend(self.summarize_trace(trace, facets))
        self.elapsed_s += time.perf_counter() - t0
        return res

    def summarize_trace(self, trace: dict, facets: list[Facet]) -> list[FacetOutput]:
        tid = str(trace.get("id"))
        msgs = messages_of(trace)
        out: list[FacetOutput] = []
        texts: dict[tuple[str, int], str | None] = {}  # one render per preprocessor
        for facet in facets:
            key = (facet.preprocessor, facet.max_tokens)
            try:
                if key not in texts:
                    texts[key] = preprocess(trace, facet)
                text = texts[key]
                if text is None:
                    out.append(FacetOutput(tid, facet.name, "skipped"))
                    continue
                summary, label = self._one(facet, text, msgs, trace)
            except NoLocalRules as e:
                out.append(FacetOutput(tid, facet.name, "skipped", error=str(e)))
                continue
            except Exception as e:  # one odd trace must never sink the partition
                out.append(
                    FacetOutput(tid, facet.name, "errored", error=f"{type(e).__name__}: {e}")
                )
                continue
            if summary is None:
                out.append(FacetOutput(tid, facet.name, "skipped", error="nothing to summarize"))
                continue
            if self.redact_pii:
                summary = redact(summary)
            out.append(finish(tid, facet, summary, label))
        return reconcile(out, facets)

    def _one(
        self, facet: Facet, text: str, msgs: list[dict], trace: dict
    ) -> tuple[str | None, str | None]:
        kind = facet.local_kind
        if kind == "task":
            users = [
                t
                for m in msgs
                if m.get("role") == "user" and (t := content_text(m.get("content")).strip())
            ]
            return summarize_task(users or [text]), None
        if kind == "sentiment":
            users = [content_text(m.get("content")) for m in msgs if m.get("role") == "user"]
            agent = [content_text(m.get("content")) for m in msgs if m.get("role") == "assistant"]
            errors = sum(1 for m in msgs if m.get("role") == "tool" and is_error_reply(m))
            label, reason = summarize_sentiment(users, agent, tool_errors=errors)
            return reason, label
        if kind == "issues":
            threshold = float(facet.local.get("latency_threshold_s", 30))
            metrics = trace.get("metrics") if isinstance(trace.get("metrics"), dict) else {}
            return summarize_issues(detect_issues(msgs, metrics, latency_threshold_s=threshold))
        if not has_local_rules(facet):
            raise NoLocalRules(
                f"facet {facet.name!r} has no keyword rules for the local backend; add labels[].keywords "
                "or rules, or use the openai backend"
            )
        return apply_rules(text, facet)
