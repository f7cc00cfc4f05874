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

import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from tracetopics_pipeline.core.endpoint import estimate_tokens
from tracetopics_pipeline.core.facets.redact import redact
from tracetopics_pipeline.core.ingest.messages import loads_json
from tracetopics_pipeline.core.spend.budget import LABELS
from tracetopics_pipeline.core.topics.labels.cleaning import tidy_label
from tracetopics_pipeline.core.topics.labels.grammar import label_problems
from tracetopics_pipeline.core.topics.labels.naming import (
    PARENT_NAMING,
    EmbedFn,
    NamingInput,
    NamingParams,
    name_topics,
)

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
    naming: NamingInput | None = None  # member texts and centroid: phrase names (name_topics)


class Labeler(Protocol):
    name: str

    def label(self, facet: str, topics: list[TopicDescription]) -> dict[int, str]: ...


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


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
        label = tidy_label(" ".join(words))
        if label:
            return label
    if t.keywords:  # no usable summary text: a phrase from the two strongest keywords
        return tidy_label(" / ".join(t.keywords[:2]))
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
    """Phrase names (`name_topics`, KeyBERT-style) for topics that carry their member texts and
    centroid; the central-summary phrase (`local_label`) for bare descriptions."""

    name = "local"

    def __init__(self, embed: EmbedFn | None = None, params: NamingParams | None = None) -> None:
        self.embed = embed
        self.params = params

    def label(self, facet: str, topics: list[TopicDescription]) -> dict[int, str]:
        rich = [t.naming for t in topics if t.naming is not None]
        embed = self.embed or default_embedder()
        out = name_topics(rich, embed=embed, params=self.params) if rich else {}
        out.update({t.topic_id: local_label(t) for t in topics if t.naming is None})
        return out


def default_embedder() -> EmbedFn:
    """The packaged sentence model, for scoring candidate names when the caller gives none
    (the map's own embedder is better: names are compared with its centroids)."""
    from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder

    return SentenceEmbedder().embed


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
        if client is not None and hasattr(client, "with_options"):  # ours, not the SDK's defaults
            client = client.with_options(timeout=timeout_s, max_retries=max_retries)
        self._client = client
        self.fallback = fallback or LocalLabeler()
        self.budget = budget
        self.calls = 0
        self.failures = 0
        self.budget_fallbacks = 0  # topics labelled locally because the budget refused
        # topics a reply left unnamed or named badly (the audit): local names, as after a failure
        self.unnamed = 0

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
        return self._ask(
            _SYSTEM, self.prompt(facet, batch), {t.topic_id for t in batch}, n_topics=len(batch)
        )

    def _ask(self, system: str, prompt: str, wanted: set[int], *, n_topics: int) -> dict[int, str]:
        """One labelling call (topics or parent groups): budget, JSON reply, ids asked for."""
        messages = [
            {"role": "system", "content": system},
            {"role": "user", "content": prompt},
        ]
        reserved = 0.0
        if self.budget is not None:
            reserved = self.budget.estimate(self.model, estimate_tokens(messages), MAX_LABEL_TOKENS)
            if not self.budget.reserve(reserved):
                self.budget_fallbacks += n_topics
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
        data = loads_json(match.group(0) if match else content)
        out: dict[int, str] = {}
        for item in data.get("labels", []):
            try:
                tid = int(item["id"])
            except (KeyError, TypeError, ValueError):
                continue
            label = tidy_label(str(item.get("label", "")))
            if tid in wanted and label:
                out[tid] = " ".join(label.split()[:12])
        return out

    def label(
        self,
        facet: str,
        topics: list[TopicDescription],
        *,
        local: dict[int, str] | None = None,
    ) -> dict[int, str]:
        """Names per topic; a topic the endpoint leaves unnamed (or names badly) gets its name
        from `local` when given, else from the fallback labeller."""
        out: dict[int, str] = {}
        for i in range(0, len(topics), self.topics_per_call):
            batch = topics[i : i + self.topics_per_call]
            counted = self.failures + self.budget_fallbacks
            try:
                got = self._call(facet, batch)
            except Exception as exc:  # network, HTTP, JSON: fall back, never fail the map
                self.failures += 1
                log.warning("OpenAI labeller failed (%s); using local labels", exc)
                got = {}
            # A reply that fails the label audit is no better than none.
            got = {i: n for i, n in got.items() if not label_problems(n)}
            missing = [t for t in batch if t.topic_id not in got]
            if counted == self.failures + self.budget_fallbacks:  # a reply, with gaps
                self.unnamed += len(missing)
            if missing and local is not None:
                got.update({t.topic_id: local[t.topic_id] for t in missing})
            elif missing:
                got.update(self.fallback.label(facet, missing))
            out.update(got)
        return out


@dataclass
class ParentDescription:
    """What a labeller sees of a parent topic: its children's names and central summaries."""

    parent_id: int
    children: list[tuple[str, int]]  # (subtopic name, size), biggest first
    summaries: list[str]  # central summaries across the children
    size: int = 0
    contrast: list[str] = field(default_factory=list)  # subtopic names of nearby parents


_PARENT_SYSTEM = (
    "You name groups of related topics found in an AI assistant's conversations, for a product "
    "team. Each group lists its subtopics (with sizes) and a few summaries. Write one name per "
    "group: 2 to 6 words, a noun phrase or imperative that covers the subtopics and sets the "
    "group apart from the neighbouring groups shown. No greetings, names of people, "
    "placeholders, codes or trailing punctuation. Reply with JSON only: "
    '{"labels": [{"id": <group id>, "label": "<name>"}, ...]}'
)


def parent_prompt(facet: str, parents: list[ParentDescription]) -> str:
    parts = [f"Facet: {facet}. Name each of these {len(parents)} groups.\n"]
    for q in parents:
        parts.append(f"## Group id {q.parent_id} ({q.size} conversations)")
        parts.append("Subtopics: " + "; ".join(f"{n} ({k})" for n, k in q.children[:12]))
        parts.append("Summaries:")
        parts.extend(f"- {s}" for s in q.summaries[:6])
        if q.contrast:
            parts.append(
                "Subtopics of neighbouring groups (NOT this group): " + "; ".join(q.contrast[:8])
            )
        parts.append("")
    return redact("\n".join(parts))


def name_parents_openai(
    labeler: OpenAILabeler,
    facet: str,
    parents: list[ParentDescription],
    local_names: dict[int, str],
) -> tuple[dict[int, str], dict[int, str]]:
    """Clio-style parent names from the children's names and summaries.

    Returns (names, source per id: "openai" | "local"). A name that fails the audit
    (`label_problems`, siblings included) or is missing keeps the local name; so does every
    parent of a batch whose call failed."""
    got: dict[int, str] = {}
    for i in range(0, len(parents), labeler.topics_per_call):
        batch = parents[i : i + labeler.topics_per_call]
        counted = labeler.failures + labeler.budget_fallbacks
        try:
            got.update(
                labeler._ask(  # noqa: SLF001 - same client, retries and JSON handling
                    _PARENT_SYSTEM,
                    parent_prompt(facet, batch),
                    {q.parent_id for q in batch},
                    n_topics=len(batch),
                )
            )
        except Exception as exc:  # network, HTTP, JSON: local names for this batch
            labeler.failures += 1
            log.warning("OpenAI parent naming failed (%s); using local names", exc)
        if counted != labeler.failures + labeler.budget_fallbacks:  # no reply: counted there
            got.update({q.parent_id: "" for q in batch})
    names: dict[int, str] = {}
    source: dict[int, str] = {}
    for q in sorted(parents, key=lambda q: (-q.size, q.parent_id)):
        cand = got.get(q.parent_id, "")
        # Distinct from every accepted name and every local one, so a fallback never collides.
        siblings = list(names.values()) + [n for k, n in local_names.items() if k != q.parent_id]
        if cand and not label_problems(cand, siblings):
            names[q.parent_id], source[q.parent_id] = cand, "openai"
        else:
            names[q.parent_id], source[q.parent_id] = local_names[q.parent_id], "local"
            labeler.unnamed += bool(
                got.get(q.parent_id, True)
            )  # a reply left it out or named it badly
    return names, source


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
            timeout_s=settings.llm_timeout_s,
            max_retries=settings.llm_max_retries,
            client=client,
            budget=budget,
        )
    return LocalLabeler()


def name_parents(
    labeler: Labeler | None,
    facet: str,
    inputs: list[NamingInput],
    descs: list[ParentDescription],
    *,
    embed: EmbedFn | None = None,
    facet_words: dict[str, float] | None = None,
) -> tuple[dict[int, str], dict[int, str]]:
    """Names of parent topics: local phrase names shared across the children (inputs carry
    each text's child as `groups`, the children's names as `avoid` and `parent_support`), or
    Clio-style names from the OpenAI-compatible backend that fall back to them. `facet_words`:
    the facet's `word_support`. Returns (names, source per id)."""
    local = name_topics(
        inputs, embed=embed or default_embedder(), params=PARENT_NAMING, facet_words=facet_words
    )
    if isinstance(labeler, OpenAILabeler):
        return name_parents_openai(labeler, facet, descs, local)
    return local, dict.fromkeys(local, "local")
