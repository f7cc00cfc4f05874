"""A stored summary reused when its trace's input is unchanged (a re-run of unchanged days).

Each facet_summaries row carries `input_digest`: a digest of everything its output was computed
from. Sessions are summarized whole (a facet with `group_sessions`), so for those facets the
digest is of the session's every trace as the stage read it, for the others of the trace alone;
both carry `base_digest`: the facet definitions run together (a trace's facets can change each
other's answer: `local.reconcile`), the summarizer's backend, model and settings (its
`fingerprint()`: for the local one the fitted models, the sentence model's files and its
switches), the source of the facet stage and of the summarizers (`core.digest`: the form
classifier's heads and the Sentiment forms are data files among it; the redaction rules are
`redact.py`) and the versions of the libraries they compute with.

A trace's stored rows are reused only when every facet of its job has one with the same digest
and an answer worth keeping (not errored, not left over by the spend budget); anything else is
summarized again. What cannot be proved unchanged is never reused: a summarizer without a
fingerprint (the OpenAI-compatible one: its own answer cache already spares the calls), a
facet whose preprocessor is a custom module loaded by name (its source is not in the digest).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import duckdb
import orjson

from tracetopics_pipeline.core.digest import code_digest
from tracetopics_pipeline.core.facets.definitions import Facet
from tracetopics_pipeline.core.facets.preprocess import BUILTIN
from tracetopics_pipeline.core.facets.summarizers.base import FacetOutput
from tracetopics_pipeline.core.spend.budget import BUDGET_REASON

# What runs a summary: the stage and both backends (their imports follow, core.digest).
SUMMARY_MODULES = (
    "tracetopics_pipeline.core.facets.stage",
    "tracetopics_pipeline.core.facets.reuse",
    "tracetopics_pipeline.core.facets.summarizers.local",
    "tracetopics_pipeline.core.facets.summarizers.openai",
)
# Libraries whose upgrade can move a summary: the sentence model's stack, the fitted models'.
SUMMARY_LIBRARIES = (
    "sentence-transformers", "transformers", "tokenizers", "torch", "numpy", "scikit-learn",
    "scipy", "orjson",
)  # fmt: skip


def base_digest(summarizer: Any, facets: list[Facet]) -> str | None:
    """The digest of what, besides the traces, shapes `facets`' summaries by `summarizer`; None
    when part of it cannot be known (then nothing is reused)."""
    fingerprint = getattr(summarizer, "fingerprint", None)
    own = fingerprint() if callable(fingerprint) else None
    if own is None or any(f.preprocessor not in BUILTIN for f in facets):
        return None
    h = hashlib.sha256()
    for part in (
        summarizer.backend,
        summarizer.model,
        own,
        code_digest(SUMMARY_MODULES, SUMMARY_LIBRARIES),
        [asdict(f) for f in facets],
    ):
        h.update(json.dumps(part, sort_keys=True, default=str).encode() + b"\n")
    return h.hexdigest()


def unit_digest(base: str, traces: list[dict]) -> str:
    """The digest of a trace, or of a session's traces in the order they are merged."""
    h = hashlib.sha256(base.encode())
    for t in traces:
        h.update(
            orjson.dumps(t, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS, default=str)
        )
        h.update(b"\n")
    return h.hexdigest()


def reusable(o: FacetOutput) -> bool:
    """An answer worth keeping: not an error, not a trace the spend budget left for later."""
    if o.status == "errored":
        return False
    return not (o.status == "skipped" and (o.error or "").startswith(BUDGET_REASON))


def stored_outputs(
    conn: duckdb.DuckDBPyConnection, days: list[date], trace_ids: list[str], facets: list[str]
) -> dict[tuple[str, str], tuple[str, FacetOutput]]:
    """(trace id, facet) → (input digest, stored output) of the traces' rows that have one."""
    rows = conn.execute(
        """SELECT trace_id, facet, input_digest, status, summary, label, error, model, labels
           FROM facet_summaries
           WHERE day IN (SELECT unnest(?::DATE[])) AND input_digest IS NOT NULL
             AND trace_id IN (SELECT unnest(?::VARCHAR[]))
             AND facet IN (SELECT unnest(?::VARCHAR[]))""",
        [days, trace_ids, facets],
    ).fetchall()
    return {
        (tid, facet): (
            digest,
            FacetOutput(tid, facet, status, summary, label, error, model=model, labels=labels),
        )
        for tid, facet, digest, status, summary, label, error, model, labels in rows
    }


@dataclass
class Reuse:
    """One block's stored rows and what its traces' digests are (written with every output)."""

    base: str
    stored: dict[tuple[str, str], tuple[str, FacetOutput]]
    digest_of: dict[tuple[str, bool], str] = field(default_factory=dict)  # (id, grouped) → digest
    reused: int = 0  # trace × facet outputs taken from the store

    def take(
        self, units: list[list[dict]], facets: list[Facet]
    ) -> tuple[list[FacetOutput], list[list[dict]]]:
        """(the stored outputs of the units whose input is unchanged, the units to summarize).
        A unit is one trace, or a session's traces for facets that summarize sessions whole."""
        grouped = facets[0].group_sessions if facets else False
        kept: list[FacetOutput] = []
        todo: list[list[dict]] = []
        for unit in units:
            digest = unit_digest(self.base, unit)
            got = []
            for t in unit:
                self.digest_of[(str(t["id"]), grouped)] = digest
                for f in facets:
                    row = self.stored.get((str(t["id"]), f.name))
                    if row is not None and row[0] == digest and reusable(row[1]):
                        got.append(row[1])
            if len(got) == len(unit) * len(facets):
                kept += got
            else:
                todo.append(unit)
        self.reused += len(kept)
        return kept, todo
