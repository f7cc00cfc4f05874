"""Score a labelled facet against your own gold labels (`tracetopics facets eval`).

The same evaluation runs on the local summarizer and on any OpenAI-compatible model, so a team
can see what a model buys them on their own traffic before paying for it.

Gold file: JSON Lines, one trace per line, in the shape `tracetopics ingest` takes (`id`,
`messages` as OpenAI-style chat messages, or `input`/`output`; `metadata` optional), plus a gold
field (default `gold`) holding either the facet's label or an object of labels by facet name:

    {"id": "t1", "messages": [...], "gold": "NEGATIVE"}
    {"id": "t2", "messages": [...], "gold": {"Sentiment": "POSITIVE", "Issues": "NONE"}}

Labels are matched to the facet's label set ignoring case, spaces and dashes. A trace the
summarizer skips or fails on counts as a wrong answer ("(no answer)").
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tracetopics_pipeline.core.facets.definitions import Facet
from tracetopics_pipeline.core.facets.summarizers.base import Summarizer, normalize_label
from tracetopics_pipeline.core.ingest.messages import (
    FieldTypeError,
    JsonTooDeep,
    loads_json,
    normalize_messages,
)

NO_ANSWER = "(no answer)"


class GoldFileError(ValueError):
    """A gold file that cannot be used; the message names the file and line."""


@dataclass
class GoldSet:
    traces: list[dict]
    gold: list[str]


def load_gold(path: Path | str, facet: Facet, gold_field: str = "gold") -> GoldSet:
    """Traces and their gold label for `facet` from a JSONL gold file."""
    if not facet.labels:
        raise GoldFileError(f"facet {facet.name!r} has no label set: nothing to score")
    if not Path(path).is_file():
        raise GoldFileError(f"no gold file at {path}: give a JSONL file of labelled traces")
    traces, gold = [], []
    seen: dict[str, int] = {}  # id -> its line
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(_lines(fh, path), 1):
            if not line.strip():
                continue
            try:
                rec = loads_json(line)
            except JsonTooDeep as e:
                raise GoldFileError(f"{path} line {n}: {e}") from None
            except ValueError as e:
                raise GoldFileError(f"{path} line {n}: not JSON: {e}") from e
            if not isinstance(rec, dict):
                raise GoldFileError(f"{path} line {n}: expected an object")
            try:  # the shapes `tracetopics ingest` takes, normalized the same way
                for col, role in (("messages", "user"), ("input", "user"), ("output", "assistant")):
                    if rec.get(col) is not None:
                        rec[col] = normalize_messages(rec[col], col, role)
            except FieldTypeError as e:
                raise GoldFileError(
                    f"{path} line {n}: {e} (messages must be a list of chat messages)"
                ) from e
            raw = rec.pop(gold_field, None)
            if isinstance(raw, dict):
                raw = raw.get(facet.name, raw.get(facet.key))
            if raw is None:
                raise GoldFileError(
                    f"{path} line {n}: no gold label for {facet.name!r} in field {gold_field!r}"
                )
            label = normalize_label(raw, facet)
            if label is None:
                raise GoldFileError(
                    f"{path} line {n}: gold label {raw!r} is not one of {', '.join(facet.labels)}"
                )
            if not any(rec.get(col) for col in ("messages", "input", "output")):
                raise GoldFileError(
                    f"{path} line {n}: no conversation (give messages, or input and output, "
                    "as for `tracetopics ingest`)"
                )
            rec["id"] = str(rec.get("id") or f"line-{n}")
            if rec["id"] in seen:
                raise GoldFileError(
                    f"{path} line {n}: id {rec['id']!r} repeats line {seen[rec['id']]}"
                )
            seen[rec["id"]] = n
            traces.append(rec)
            gold.append(label)
    if not traces:
        raise GoldFileError(f"{path}: no traces")
    return GoldSet(traces, gold)


def _lines(fh, path: Path | str):
    """The file's lines; a file that is not UTF-8 text is a GoldFileError."""
    try:
        yield from fh
    except UnicodeDecodeError as e:
        raise GoldFileError(f"{path}: not UTF-8 text ({e.reason}); save it as UTF-8") from e


def f1_table(
    gold: list[str], pred: list[str], classes: list[str]
) -> tuple[float, float, dict[str, tuple[float, float, float]]]:
    """(accuracy, macro-F1 over `classes`, per-class P/R/F1). Predictions outside classes are wrong."""
    pairs = list(zip(gold, pred, strict=True))
    acc = sum(g == p for g, p in pairs) / max(1, len(pairs))
    per = {}
    for c in classes:
        tp = sum(g == c and p == c for g, p in pairs)
        fp = sum(g != c and p == c for g, p in pairs)
        fn = sum(g == c and p != c for g, p in pairs)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        per[c] = (pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return acc, sum(v[2] for v in per.values()) / max(1, len(classes)), per


def confusion(gold: list[str], pred: list[str], classes: list[str]) -> str:
    """Rows gold, columns predicted (labels outside `classes` get their own columns)."""
    cols = classes + sorted(set(pred) - set(classes))
    cnt = Counter(zip(gold, pred, strict=True))
    w = max(10, *(len(c) + 1 for c in cols))  # "(no answer)" and long labels read whole
    lines = ["gold \\ pred".ljust(12) + "".join(c.rjust(w) for c in cols)]
    for g in classes:
        lines.append(g[:11].ljust(12) + "".join(str(cnt[(g, p)]).rjust(w) for p in cols))
    return "\n".join(lines)


@dataclass
class EvalReport:
    facet: str
    backend: str
    model: str
    n: int
    accuracy: float
    macro_f1: float  # over the labels present in the gold file
    per_label: dict[str, tuple[float, float, float]]  # label -> precision, recall, F1
    gold_counts: dict[str, int]
    statuses: dict[str, int]
    seconds: float
    cost_usd: float = 0.0
    tokens: int = 0
    confusion: str = field(default="", repr=False)

    def as_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k != "confusion"}
        d["per_label"] = {k: dict(zip(("precision", "recall", "f1"), v, strict=True))
                          for k, v in self.per_label.items()}  # fmt: skip
        return d

    def text(self) -> str:
        head = (
            f"{self.facet} on {self.n} gold traces — {self.backend} ({self.model}): "
            f"accuracy {self.accuracy:.3f}, macro-F1 {self.macro_f1:.3f} "
            f"[{self.seconds:.1f} s"
            + (f", {self.tokens} tokens, ${self.cost_usd:.4f}" if self.backend != "local" else "")
            + "]"
        )
        rows = [f"  {'label':20s} {'gold':>5s} {'prec':>6s} {'recall':>6s} {'F1':>6s}"]
        for lab, (p, r, f) in self.per_label.items():
            rows.append(f"  {lab:20s} {self.gold_counts.get(lab, 0):5d} {p:6.3f} {r:6.3f} {f:6.3f}")
        status = ", ".join(f"{k} {v}" for k, v in sorted(self.statuses.items()))
        return "\n".join([head, *rows, f"  statuses: {status}", self.confusion])


def evaluate(summarizer: Summarizer, facet: Facet, gold: GoldSet) -> EvalReport:
    """Run `summarizer` on the gold traces for `facet` and score its labels."""
    t0 = time.perf_counter()
    res = summarizer.summarize(gold.traces, [facet])
    seconds = time.perf_counter() - t0
    by_id = {o.trace_id: o for o in res.outputs if o.facet == facet.name}
    pred, statuses = [], Counter()
    for t in gold.traces:
        o = by_id.get(t["id"])
        statuses[o.status if o else "missing"] += 1
        ok = o is not None and o.status in ("ok", "excluded") and o.label
        pred.append(o.label if ok else NO_ANSWER)
    classes = [lab for lab in facet.labels or [] if lab in set(gold.gold)]
    acc, mf1, per = f1_table(gold.gold, pred, classes)
    return EvalReport(
        facet=facet.name,
        backend=summarizer.backend,
        model=summarizer.model,
        n=len(pred),
        accuracy=acc,
        macro_f1=mf1,
        per_label=per,
        gold_counts=dict(Counter(gold.gold)),
        statuses=dict(statuses),
        seconds=seconds,
        cost_usd=res.cost_usd,
        tokens=res.prompt_tokens + res.completion_tokens,
        confusion=confusion(gold.gold, pred, classes),
    )
