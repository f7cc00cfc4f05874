"""Embedding prototypes for labelled facets: the local backend's classifier for what keywords miss.

Each label's `description` and `examples` in the facet file become prototypes, embedded with the
packaged all-MiniLM-L6-v2 (core.topics.embed: offline, never a hub download). A trace's relevant text is
cut into short units (sentences of its preprocessed text), each unit is embedded once per process
(cached by text), and a label's score is its best cosine over units × its prototypes. A label
wins when its score reaches the facet's threshold and beats the default label's own examples, if
it has any, by a margin. The default label (NONE, LOW) contributes only its examples, never its
description: "No pricing question" embeds close to pricing questions.

Cost is the embedding: ~100-300 short texts/s on 2 cores, against ~600 traces/s per core for all
the rules. So a unit is embedded only if it shares a word stem with a label's own prototypes, at
most `max_units` (3) per trace, each distinct text once per process. Callers decide where the
classifier runs (LocalSummarizer): facets without keyword rules use it on every trace, the shipped
facets not at all (they measured best with rules alone; docs/benchmarks.md#facets). The facet stage
forks its workers after the parent loaded the model (`preload`); in a forked worker the model
runs on one thread (two workers share two cores), so no torch thread pool crosses a fork.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from tracetopics_pipeline.core.facets.summarizers.local.code_terms import mask_code
from tracetopics_pipeline.core.facets.summarizers.local.text import content_words, sentences

if TYPE_CHECKING:
    from tracetopics_pipeline.core.facets.definitions import Facet

DEFAULT_MIN_SIMILARITY = 0.5
DEFAULT_MARGIN = 0.03
MAX_UNITS = 12  # sentences per trace: the ask is near the start, sign-offs near the end
MAX_EMBEDDED = 3  # of those, embedded per trace: the ones sharing most words with the labels
MAX_UNIT_CHARS = 300
CACHE_SIZE = 50_000  # unit vectors kept per process (float16: ~40 MB)

_TAG = re.compile(r"^\[(?P<role>[^\]]+)\]\s*")


@dataclass(frozen=True)
class Match:
    label: str
    score: float  # best cosine of this label
    runner_up: float  # best cosine of any other label (the default's examples included)
    unit: str  # the unit that scored best


class _VectorCache:
    """Unit vectors by text hash, least recently used dropped first; embeds only misses."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self.vecs: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self.embedded = 0  # texts this process has embedded (for throughput reports)

    def get(self, texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode("utf-8")).digest() for t in texts]
        todo = {}
        for k, t in zip(keys, texts, strict=True):
            if k in self.vecs:
                self.vecs.move_to_end(k)
            elif k not in todo:
                todo[k] = t
        if todo:
            fresh = _embed(list(todo.values()))
            self.embedded += len(todo)
            for k, v in zip(todo, fresh, strict=True):
                self.vecs[k] = v.astype(np.float16)
            while len(self.vecs) > self.size:
                self.vecs.popitem(last=False)
        return np.stack([self.vecs[k] for k in keys]).astype(np.float32)


def _embed(texts: list[str]) -> np.ndarray:
    """Always the packaged model, whatever TRACETOPICS_EMBED_MODEL says: the prototypes'
    thresholds were set in its space, and labelling must not send text to an endpoint."""
    from tracetopics_pipeline.core.settings import Settings
    from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder

    # Two forked workers share two cores: one thread each, and no thread pool state inherited.
    threads = 1 if mp.parent_process() is not None else Settings.from_env().threads
    return SentenceEmbedder(None, batch_size=64, threads=threads).embed(texts)


CACHE = _VectorCache()


def preload() -> None:
    """Load the model now, before the facet stage forks its workers: they share it copy-on-write
    instead of each loading its own. Loading runs no inference, so no thread pool is started."""
    from tracetopics_pipeline.core.topics.embedders.local import load_model

    load_model()


def units_of(text: str) -> list[str]:
    """Short relevant units of a preprocessed text: sentences, tool lines and role tags dropped,
    code tokens blanked (`code_terms.mask_code`: a path's "billing" is no pricing word)."""
    out: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        m = _TAG.match(line)
        if m:
            if m.group("role").startswith(("tool", "assistant →")):
                continue
            line = line[m.end() :]
        for s in sentences(mask_code(line)):
            s = " ".join(s.split())[:MAX_UNIT_CHARS]
            if len(s.split()) >= 2 and s.lower() not in seen:
                seen.add(s.lower())
                out.append(s)
            if len(out) >= MAX_UNITS:
                return out
    return out


def _stem(word: str) -> str:
    return word[:5]


class PrototypeIndex:
    """Labelled prototype phrasings, embedded once per process: a facet's labels (`from_facet`),
    or any label -> phrasings mapping (the Sentiment facet's frustration forms)."""

    def __init__(
        self,
        labels: dict[str, list[str]],
        default: str | None = None,
        options: dict | None = None,
    ) -> None:
        self.default = default
        local = options or {}
        self.min_similarity = float(local.get("min_similarity", DEFAULT_MIN_SIMILARITY))
        self.margin = float(local.get("margin", DEFAULT_MARGIN))
        texts: list[str] = []
        owners: list[str] = []
        for name, mine in labels.items():
            texts += mine
            owners += [name] * len(mine)
        self.texts, self.owners = texts, owners
        self.labels = list(dict.fromkeys(owners))
        # Words of the labels' own prototypes, as 5-letter stems ("deleted" ~ "deletion"): a unit
        # sharing none of them is not embedded at all. This is what keeps the classifier
        # affordable at 100k traces a day; `local.gate: false` embeds every unit.
        self.gate = bool(local.get("gate", True))
        self.max_embedded = int(local.get("max_units", MAX_EMBEDDED))
        self.vocab = {
            _stem(w)
            for t, o in zip(texts, owners, strict=True)
            if o != self.default
            for w in content_words(t)
            if len(w) >= 3
        }
        self._vecs: np.ndarray | None = None

    @classmethod
    def from_facet(cls, facet: Facet, default: str | None = None) -> PrototypeIndex:
        """Each label's description and examples; the default label (NONE, LOW) contributes only
        its examples, never its description: "No pricing question" embeds close to pricing."""
        default = default or facet.default_label
        if default is None and "NONE" in (facet.labels or []):
            default = "NONE"
        labels: dict[str, list[str]] = {}
        for spec in facet.label_specs:
            mine = list(spec.examples)
            if spec.name != default and spec.description.strip():
                mine.insert(0, spec.description.strip())
            labels.setdefault(spec.name, []).extend(mine)
        return cls(labels, default, facet.local)

    @property
    def usable(self) -> bool:
        """At least one non-default label has a description or examples."""
        return any(o != self.default for o in self.owners)

    def vectors(self) -> np.ndarray:
        if self._vecs is None:
            self._vecs = CACHE.get(self.texts)
        return self._vecs

    def relevant(self, units: list[str]) -> list[str]:
        """The units worth embedding: those sharing most word stems with the labels' prototypes
        (at least one), at most `max_units` of them, in their original order."""
        if not self.gate:
            return units[: self.max_embedded]
        overlap = [len({_stem(w) for w in content_words(u)} & self.vocab) for u in units]
        keep = sorted((i for i, n in enumerate(overlap) if n), key=lambda i: -overlap[i])
        return [units[i] for i in sorted(keep[: self.max_embedded])]

    def unit_scores(self, units: list[str]) -> np.ndarray:
        """(units, labels): each label's best cosine over its prototypes, for every unit, in
        `self.labels` order. Embeds the units it has not seen (one batch), nothing else."""
        if not units or not self.texts:
            return np.zeros((len(units), len(self.labels)), dtype=np.float32)
        sims = CACHE.get(units) @ self.vectors().T  # (units, prototypes)
        owner = np.asarray([self.labels.index(o) for o in self.owners])
        out = np.full((len(units), len(self.labels)), -1.0, dtype=np.float32)
        for j in range(len(self.labels)):
            out[:, j] = sims[:, owner == j].max(axis=1)
        return out

    def scores(self, units: list[str]) -> dict[str, tuple[float, str]]:
        """Each label's best cosine over units × its prototypes, with the unit that gave it."""
        units = self.relevant(units)
        if not units or not self.texts:
            return {}
        per_unit = self.unit_scores(units)
        best: dict[str, tuple[float, str]] = {}
        for j, label in enumerate(self.labels):
            i = int(np.argmax(per_unit[:, j]))
            best[label] = (float(per_unit[i, j]), units[i])
        return best

    def classify(self, units: list[str]) -> Match | None:
        """The winning non-default label, or None when nothing is close enough."""
        best = self.scores(units)
        ranked = sorted(
            ((s, lab, u) for lab, (s, u) in best.items() if lab != self.default), reverse=True
        )
        if not ranked:
            return None
        score, label, unit = ranked[0]
        default_score = best[self.default][0] if self.default in best else -1.0
        if score < self.min_similarity or score < default_score + self.margin:
            return None
        runner_up = max([s for s, _, _ in ranked[1:]] + [default_score], default=-1.0)
        return Match(label, score, runner_up, unit)


_INDEXES: dict[str, PrototypeIndex] = {}


def index_for(facet: Facet, default: str | None = None) -> PrototypeIndex:
    """The facet's prototype index, built once per process and facet definition."""
    key = f"{facet.name}\x00{facet.fingerprint}\x00{default}"
    if key not in _INDEXES:
        _INDEXES[key] = PrototypeIndex.from_facet(facet, default)
    return _INDEXES[key]
