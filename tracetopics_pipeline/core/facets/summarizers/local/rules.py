"""Custom facets, offline: label keyword rules and extraction rules over the preprocessed text.

Labelled facets: labels are tried in the order the facet file lists them; the first label with a
keyword match wins, and the summary is "<LABEL>: <the sentence that matched>". Open facets
(no label set, e.g. Competitor mention) use `rules`: the first matching pattern fills its
summary template. Nothing matches → the facet's default label ("NONE" unless set).

Approximate: keywords do not understand negation or context ("we are NOT cancelling" still
matches a cancel rule). Use the OpenAI-compatible backend where that matters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracetopics_pipeline.core.facets.definitions import Facet
from tracetopics_pipeline.core.facets.summarizers.local.text import clip


@lru_cache(maxsize=256)
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _sentence_at(text: str, pos: int) -> str:
    start = max(text.rfind(c, 0, pos) for c in ".!?\n") + 1
    ends = [i for c in ".!?\n" if (i := text.find(c, pos)) != -1]
    end = min(ends) + 1 if ends else len(text)
    return clip(text[start:end].strip(), 140)


def apply_rules(text: str, facet: Facet) -> tuple[str, str | None]:
    """(summary, label) for a rules facet."""
    for spec in facet.label_specs:
        for kw in spec.keywords:
            m = _rx(kw).search(text)
            if m:
                return f"{spec.name}: {_sentence_at(text, m.start())}", spec.name
    for rule in facet.rules:
        m = _rx(rule.pattern).search(text)
        if m:
            fields = {k: (v or "") for k, v in m.groupdict().items()}
            fields.setdefault("match", m.group(0))
            fields = {k: v.strip() for k, v in fields.items()}
            for k in ("match", "name"):  # "power bi" -> "Power Bi": a name, not a fragment
                if k in fields and fields[k].islower():
                    fields[k] = fields[k].title()
            fields["sentence"] = _sentence_at(text, m.start())
            try:
                summary = rule.summary.format(**fields)
            except (KeyError, IndexError, ValueError):
                summary = f"{fields['match']}: {fields['sentence']}"
            return summary, rule.label
    default = facet.default_label or "NONE"
    label = default if facet.labels else None
    return default, label


def has_local_rules(facet: Facet) -> bool:
    return any(s.keywords for s in facet.label_specs) or bool(facet.rules)
