"""Topic labels: a local labeller (offline, deterministic) and an OpenAI-compatible one.

Local: the label is the most central summary that best covers the topic's top c-TF-IDF
keywords, trimmed to a short phrase - summaries of the Task facet are already normalized
intent statements ("Export dashboard to csv"), so a central one reads as a good label.
OpenAI-compatible (Clio-style): several topics per call; each shows its central summaries
and, for contrast, summaries of its nearest neighbouring topics, so the model names what sets
the topic apart. Any failure (network, timeout, bad JSON, missing ids) falls back to the
local label for the affected topics, and so does a call the spend budget refuses (each call
reserves its worst case first; `budget_fallbacks` counts the topics).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from tracetopics_pipeline.core.endpoint import estimate_tokens
from tracetopics_pipeline.core.facets.redact import redact
from tracetopics_pipeline.core.spend.budget import LABELS

if TYPE_CHECKING:
    from tracetopics_pipeline.core.settings import Settings
    from tracetopics_pipeline.core.spend.budget import Budget

log = logging.getLogger(__name__)

MAX_LABEL_WORDS = 8
MAX_LABEL_TOKENS = 600  # output limit of one labelling call (8 topics' JSON labels)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'_-]*")


@dataclass
class TopicDescription:
    """What a labeller sees of one topic."""

    topic_id: int
    keywords: list[str]
    representatives: list[str]  # most central first
    size: int = 0
    contrast: list[str] = field(default_factory=list)  # central summaries of nearby topics


class Labeler(Protocol):
    name: str

    def label(self, facet: str, topics: list[TopicDescription]) -> dict[int, str]: ...


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" \"'`.,;:!?-")
    return text[:1].upper() + text[1:] if text else text


def local_label(t: TopicDescription) -> str:
    """Short phrase: the central summary covering most top keywords; keywords as last resort."""
    kws = [k.lower() for k in t.keywords[:5]]
    best, best_score = "", -1e9
    for rank, rep in enumerate(t.representatives[:5]):
        toks = _tokens(rep)
        if not toks:
            continue
        joined = " ".join(toks)
        cover = sum(1 for k in kws if re.search(rf"\b{re.escape(k)}\b", joined))
        # Coverage first; then centrality; long summaries are penalised (a label is short).
        score = cover * 2.0 - rank * 0.5 - max(0, len(toks) - MAX_LABEL_WORDS) * 0.3
        if score > best_score:
            best, best_score = rep, score
    if best:
        words = best.split()
        if len(words) > MAX_LABEL_WORDS:
            words = _keyword_window(words, kws) or words[:MAX_LABEL_WORDS]
        label = _tidy(" ".join(words))
        if label:
            return label
    if t.keywords:  # no usable summary text: a phrase from the two strongest keywords
        return _tidy(" / ".join(t.keywords[:2]))
    return f"Topic {t.topic_id}"


def _keyword_window(words: list[str], kws: list[str]) -> list[str] | None:
    """The MAX_LABEL_WORDS-word window of `words` holding the most keyword hits (earliest wins)."""
    low = [w.lower().strip(".,;:!?\"'") for w in words]
    kwset = {part for k in kws for part in k.split()}
    hits = [1 if w in kwset else 0 for w in low]
    best_i, best_h = 0, -1
    for i in range(0, len(words) - MAX_LABEL_WORDS + 1):
        h = sum(hits[i : i + MAX_LABEL_WORDS])
        if h > best_h:
            best_i, best_h = i, h
    return words[best_i : best_i + MAX_LABEL_WORDS] if best_h > 0 else None


class LocalLabeler:
    name = "local"

    def label(self, facet: str, topics: list[TopicDescription]) -> dict[int, str]:
        return {t.topic_id: local_label(t) for t in topics}


_SYSTEM = (
    "You name clusters of summaries of an AI assistant's conversations for a product team. "
    "For each cluster, write a short, specific label (3 to 8 words, imperative or noun phrase, "
    "no trailing period) that says what the users in that cluster want and distinguishes it "
    "from the contrastive neighbouring clusters shown. Reply with JSON only: "
    '{"labels": [{"id": <cluster id>, "label": "<label>"}, ...]}'
)


class OpenAILabeler:
    """Clio-style labeller over any OpenAI-compatible chat endpoint, with local fallback."""

    name = "openai"

    def __init__(
        self,
        *,
        model: str = "gpt-4o-mini",
        base_url: str | None = None,
        api_key: str | None = None,
        topics_per_call: int = 8,
        timeout_s: float = 30.0,
        max_retries: int = 2,
        client: object | None = None,
        fallback: Labeler | None = None,
        budget: Budget | None = None,
    ) -> None:
        self.model = model
        self.base_url = base_url
        self.api_key = api_key
        self.topics_per_call = max(1, topics_per_call)
        self.timeout_s = timeout_s
        self.max_retries = max_retries
        self._client = client
        self.fallback = fallback or LocalLabeler()
        self.budget = budget
        self.calls = 0
        self.failures = 0
        self.budget_fallbacks = 0  # topics labelled locally because the budget refused

    def client(self) -> object:
        if self._client is None:
            from openai import OpenAI

            self._client = OpenAI(
                base_url=self.base_url,
                api_key=self.api_key or "unused",
                timeout=self.timeout_s,
                max_retries=self.max_retries,
            )
        return self._client

    def prompt(self, facet: str, topics: list[TopicDescription]) -> str:
        parts = [f"Facet: {facet}. Name each of these {len(topics)} clusters.\n"]
        for t in topics:
            parts.append(f"## Cluster id {t.topic_id} ({t.size} conversations)")
            parts.append("Keywords: " + ", ".join(t.keywords[:8]))
            parts.append("Central summaries:")
            parts.extend(f"- {s}" for s in t.representatives[:5])
            if t.contrast:
                parts.append("Summaries from neighbouring clusters (NOT this cluster):")
                parts.extend(f"- {s}" for s in t.contrast[:4])
            parts.append("")
        # Summaries derive from trace text: nothing leaves the machine unredacted.
        return redact("\n".join(parts))

    def _call(self, facet: str, batch: list[TopicDescription]) -> dict[int, str]:
        messages = [
            {"role": "system", "content": _SYSTEM},
            {"role": "user", "content": self.prompt(facet, batch)},
        ]
        reserved = 0.0
        if self.budget is not None:
            reserved = self.budget.estimate(self.model, estimate_tokens(messages), MAX_LABEL_TOKENS)
            if not self.budget.reserve(reserved):
                self.budget_fallbacks += len(batch)
                return {}
        self.calls += 1
        try:
            resp = self.client().chat.completions.create(  # type: ignore[attr-defined]
                model=self.model,
                messages=messages,
                temperature=0,
                response_format={"type": "json_object"},
                max_tokens=MAX_LABEL_TOKENS,
            )
        finally:
            if self.budget is not None:
                self.budget.release(reserved)
        usage = getattr(resp, "usage", None)
        if self.budget is not None and usage is not None:
            self.budget.charge(
                LABELS,
                self.model,
                int(getattr(usage, "prompt_tokens", 0) or 0),
                int(getattr(usage, "completion_tokens", 0) or 0),
            )
        content = resp.choices[0].message.content or ""
        match = re.search(r"\{.*\}", content, re.S)  # tolerate code fences around the JSON
        data = json.loads(match.group(0) if match else content)
        wanted = {t.topic_id for t in batch}
        out: dict[int, str] = {}
        for item in data.get("labels", []):
            try:
                tid = int(item["id"])
            except (KeyError, TypeError, ValueError):
                continue
            label = _tidy(str(item.get("label", "")))
            if tid in wanted and label:
                out[tid] = " ".join(label.split()[:12])
        return out

    def label(self, facet: str, topics: list[TopicDescription]) -> dict[int, str]:
        out: dict[int, str] = {}
        for i in range(0, len(topics), self.topics_per_call):
            batch = topics[i : i + self.topics_per_call]
            try:
                got = self._call(facet, batch)
            except Exception as exc:  # network, HTTP, JSON: fall back, never fail the map
                self.failures += 1
                log.warning("OpenAI labeller failed (%s); using local labels", exc)
                got = {}
            missing = [t for t in batch if t.topic_id not in got]
            if missing:
                got.update(self.fallback.label(facet, missing))
            out.update(got)
        return out


def labeler_from_settings(
    settings: Settings, *, client: object | None = None, budget: Budget | None = None
) -> Labeler:
    """OpenAI-compatible labeller when the summarizer backend is openai, else the local one.

    Uses `client` (the Dagster shell passes OpenAIResource's) or builds one from OPENAI_BASE_URL /
    OPENAI_API_KEY; the model is TRACETOPICS_LABEL_MODEL (default gpt-4o-mini); its calls are
    charged to `budget`.
    """
    if settings.summarizer == "openai":
        return OpenAILabeler(
            model=settings.label_model,
            base_url=settings.openai_base_url,
            api_key=settings.openai_api_key,
            client=client,
            budget=budget,
        )
    return LocalLabeler()
