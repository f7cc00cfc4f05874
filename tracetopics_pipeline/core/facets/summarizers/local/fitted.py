"""Models fitted on a user's own labelled traces (`tracetopics facets fit`), applied by the local
summarizer to that facet.

Rules written for everyone miss what one team's labels mean: on dialogues rated for satisfaction
the rating follows how the agent did, and polite users say little (docs/benchmarks.md#facets).
A small model learns that from the team's own examples. It is a regularised logistic regression
over features the local summarizer already has:

- the packaged all-MiniLM-L6-v2 vector of the relevant text (Sentiment: the user's last three
  turns, and separately the agent's last two; other labelled facets: the facet's preprocessed
  text, role tags and tool lines dropped);
- the rules' evidence (Sentiment: positive / expressed / inferred weights and each reason; every
  facet: the rules' label), so the model can learn where the rules are right.

It is stored as plain JSON under $TRACETOPICS_HOME/models/facets/<facet key>/v<N>.json (feature
names, standardisation, coefficients, the gold file's SHA-256, the embedding model id, the
cross-validated scores), read with numpy only, and never trained at run time. The newest version
is used; delete the folder to go back to the rules. Structural facets (Issues, Task) are never
fitted: their rules read the trace's structure and win there.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from tracetopics_pipeline.core.facets.preprocess import content_text
from tracetopics_pipeline.core.facets.summarizers.local.prototypes import CACHE, units_of
from tracetopics_pipeline.core.ingest.messages import loads_json
from tracetopics_pipeline.core.settings import PACKAGED_EMBED_MODEL

if TYPE_CHECKING:
    from tracetopics_pipeline.core.facets.definitions import Facet

FORMAT = 1
EMBEDDING_MODEL = f"{PACKAGED_EMBED_MODEL}@384"  # prototypes.CACHE always embeds with it
FITTABLE_KINDS = ("sentiment", "rules")  # Issues and Task are read from structure
USER_TURNS, AGENT_TURNS = 3, 2
MAX_CHARS = 1500  # of each text view, kept from the end (where the conversation ends up)
_VERSION = re.compile(r"^v(\d+)\.json$")


class FitError(ValueError):
    """A facet or gold file that cannot be fitted; the message says what to do."""


def fittable(facet: Facet) -> str | None:
    """Why this facet cannot get a fitted model, or None when it can."""
    if not facet.labels:
        return f"facet {facet.name!r} has no label set: only labelled facets can be fitted"
    if facet.local_kind not in FITTABLE_KINDS:
        return (
            f"facet {facet.name!r} is read from the trace's structure ({facet.local_kind} rules); "
            "a fitted model is not used for it"
        )
    return None


def _tail(parts: list[str]) -> str:
    text = "\n".join(p.strip() for p in parts if p.strip())
    return text[-MAX_CHARS:]


def text_views(facet: Facet, msgs: list[dict], preprocessed: str) -> dict[str, str]:
    """The texts whose vectors are features, by view name."""
    if facet.local_kind == "sentiment":
        turns = [(m.get("role"), content_text(m.get("content"))) for m in msgs]
        users = [t for r, t in turns if r == "user"]
        agent = [t for r, t in turns if r == "assistant" and t.strip()]
        return {"user": _tail(users[-USER_TURNS:]), "agent": _tail(agent[-AGENT_TURNS:])}
    return {"text": _tail(units_of(preprocessed))}


def embed_views(views: list[dict[str, str]]) -> None:
    """Embed a block's texts in one batch (the cache then answers `vectors` per trace)."""
    texts = sorted({t for v in views for t in v.values() if t})
    if texts:
        CACHE.get(texts)


def vectors(views: dict[str, str]) -> dict[str, np.ndarray]:
    names = [n for n, t in views.items() if t]
    got = CACHE.get([views[n] for n in names]) if names else np.zeros((0, 384), np.float32)
    out = {n: np.zeros(384, np.float32) for n in views}
    out.update({n: got[i] for i, n in enumerate(names)})
    return out


@dataclass
class FittedModel:
    """A multinomial logistic regression over [view vectors..., named evidence features]; the
    view vectors optionally projected first onto their main directions (PCA on the gold
    traces: with a few hundred examples, 768 raw dimensions overfit)."""

    facet: str
    labels: list[str]  # the classes, in coefficient-row order
    views: list[str]  # embedded text views, 384 dimensions each, in this order
    evidence: list[str]  # names of the evidence features that follow the vectors
    mean: list[float]  # standardisation of [projected vectors, evidence]
    scale: list[float]
    coef: list[list[float]]
    intercept: list[float]
    c: float
    gold_sha256: str
    gold_file: str
    gold_counts: dict[str, int]
    facet_labels: list[str] = field(default_factory=list)  # the facet's label set when fitted
    cv: dict = field(default_factory=dict)  # cross-validated scores on the gold file
    projection: list[list[float]] | None = None  # (k, 384 × views) PCA components, or None
    projection_mean: list[float] | None = None
    created: str = ""
    version: int = 0
    embedding_model: str = EMBEDDING_MODEL
    format: int = FORMAT
    path: str = ""  # where it was read from (not stored)

    def row(self, vecs: dict[str, np.ndarray], evidence: dict[str, float]) -> np.ndarray:
        emb = np.concatenate([vecs[v] for v in self.views]) if self.views else np.zeros(0)
        if self.projection is not None:
            emb = (emb - np.asarray(self.projection_mean)) @ np.asarray(self.projection).T
        ev = np.asarray([evidence.get(n, 0.0) for n in self.evidence], np.float64)
        return np.concatenate([emb, ev])

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        scale = np.asarray(self.scale)
        xs = (np.atleast_2d(x) - np.asarray(self.mean)) / np.where(scale > 0, scale, 1.0)
        z = xs @ np.asarray(self.coef).T + np.asarray(self.intercept)
        if z.shape[1] == 1:  # two labels: one row, the second label's log-odds (scikit-learn)
            z = np.hstack([np.zeros_like(z), z])
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, x: np.ndarray) -> tuple[str, float]:
        p = self.predict_proba(x)[0]
        i = int(np.argmax(p))
        return self.labels[i], float(p[i])

    def save(self, models_dir: Path) -> Path:
        """Write the next version under models_dir/facets/<key>/ and return its path."""
        from tracetopics_pipeline.core.facets.definitions import facet_key

        folder = Path(models_dir) / "facets" / facet_key(self.facet)
        folder.mkdir(parents=True, exist_ok=True)
        version = max(_versions(folder), default=0) + 1
        tmp = folder / f".fit-{os.getpid()}-{id(self)}.tmp"
        try:
            while True:  # another fit may claim a version first: a link never overwrites
                self.version = version
                data = {k: v for k, v in asdict(self).items() if k != "path"}
                tmp.write_text(json.dumps(data, indent=1))
                path = folder / f"v{version}.json"
                try:
                    os.link(tmp, path)
                    break
                except FileExistsError:
                    version += 1
        finally:
            tmp.unlink(missing_ok=True)
        self.path = str(path)
        return path


def _versions(folder: Path) -> list[int]:
    if not folder.is_dir():
        return []
    return [int(m.group(1)) for p in folder.iterdir() if (m := _VERSION.match(p.name))]


def latest_path(models_dir: Path, facet: Facet) -> Path | None:
    folder = Path(models_dir) / "facets" / facet.key
    versions = _versions(folder)
    return folder / f"v{max(versions)}.json" if versions else None


def _refit(path: Path | str, facet: str, why: str) -> FitError:
    return FitError(
        f"{path}: {why}; refit with `tracetopics facets fit {facet}` or delete the file"
    )


def _shape_problem(m: FittedModel) -> str | None:
    """What does not add up in a model's arrays (a hand-edited or truncated file), or None."""
    width = 384 * len(m.views)
    if m.projection is not None:
        if any(len(r) != width for r in m.projection) or len(m.projection_mean or []) != width:
            return f"the projection is not {width} columns wide"
        width = len(m.projection)
    width += len(m.evidence)
    if len(m.mean) != width or len(m.scale) != width:
        return f"the standardisation is not {width} features long"
    rows = 1 if len(m.labels) == 2 else len(m.labels)
    if len(m.coef) != rows or len(m.intercept) != rows or any(len(r) != width for r in m.coef):
        return f"the coefficients are not {rows} × {width} for {len(m.labels)} labels"
    arrays = (m.mean, m.scale, m.coef, m.intercept, m.projection or [], m.projection_mean or [])
    if not all(np.isfinite(np.asarray(a, np.float64)).all() for a in arrays):
        return "it holds numbers that are not finite (NaN or infinity)"
    return None


@lru_cache(maxsize=32)
def _read(path: str, mtime_ns: int, facet: str) -> FittedModel:
    try:
        data = loads_json(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise TypeError("not a JSON object")
        data.pop("path", None)
        model = FittedModel(**data, path=path)
        if model.format != FORMAT:
            why = f"model format {model.format!r}, this version reads {FORMAT}"
        else:
            why = _shape_problem(model)  # (text where numbers belong raises here)
    except (OSError, ValueError, TypeError) as e:
        raise _refit(path, facet, f"not a fitted model ({type(e).__name__}: {e})") from e
    if why:
        raise _refit(path, facet, why)
    return model


def load(models_dir: Path | None, facet: Facet) -> FittedModel | None:
    """The newest model fitted for this facet, or None when there is none. A model that cannot
    be used (a spoiled file, another embedding model, the facet's labels or kind changed) is a
    FitError saying which file and what to do: never applied, never ignored in silence."""
    if models_dir is None or fittable(facet) is not None:
        return None
    path = latest_path(models_dir, facet)
    if path is None:
        return None
    model = _read(str(path), path.stat().st_mtime_ns, facet.name)
    if model.embedding_model != EMBEDDING_MODEL:
        why = f"fitted on {model.embedding_model} vectors, this version reads {EMBEDDING_MODEL}"
        raise _refit(path, facet.name, why)
    views = list(text_views(facet, [], "").keys())
    if model.views != views:  # e.g. the facet's local kind changed: other text, other vectors
        why = f"it reads other text ({', '.join(model.views)}) than the facet now does"
        raise _refit(path, facet.name, why)
    now = set(facet.labels or [])
    was = set(model.facet_labels) if model.facet_labels else None  # older files: labels seen
    if (was is not None and was != now) or not set(model.labels) <= now:
        why = f"the facet's labels changed since it was fitted ({', '.join(model.labels)})"
        raise _refit(path, facet.name, why)
    return model
