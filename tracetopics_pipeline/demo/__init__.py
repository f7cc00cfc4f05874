"""Seeded synthetic traffic for a SaaS analytics product's support agent (the demo's input).

`generate_traffic(out_dir, days=30, per_day=300, seed=7, end=None, ...)` writes one JSONL file
per UTC day (`demo-YYYY-MM-DD.jsonl`) in the trace format of the README ("Trace format"); the same arguments give
byte-identical files. `iter_traces(day, n, ...)` yields one day's traces as dicts (~25-35k/s
on one core), for benchmarks that want volume without files.

The answer key: every good trace of `iter_traces` carries `metadata.ground_truth`. The files
do not (a PM would read the answers in the explorer and in every export): generate_traffic
writes each day's key to `out_dir/.answer-key/demo-YYYY-MM-DD.jsonl`, one
`{"id", "ground_truth"}` per good trace, and `read_answer_key(out_dir)` reads it back
(id -> ground truth) for the benchmarks and `topics.evaluate.recovery`. Its fields:

    intent           one of INTENT_NAMES (16 intents; INTENTS[i].label is a readable name)
    sentiment        POSITIVE | NEUTRAL | NEGATIVE | MIXED, from the user's wording only
    issues           subset of ISSUE_KINDS, [] when none (exact rules: `conversation` docstring)
    feature_request  NONE | NEW_CAPABILITY | IMPROVEMENT | BUG_AS_REQUEST
    competitor       NONE | Looker | Tableau | Power BI | Metabase | Mode | Sigma | Qlik
    pricing          NONE | COST | TIER_COMPARISON | CUSTOM_QUOTE
    churn_risk       LOW | MEDIUM | HIGH | CRITICAL (explicit retention language only)

Intent mix over the period: sso_saml_setup and embed_dashboard grow, scheduled_report_failing
and dashboard_slow fade, ai_insights appears at the middle day (see `trend_factor`).

Bad lines (`bad_lines=True`, ~0.5% and at least one per file, kinds in BAD_LINE_KINDS plus one
> 1 MB OVERSIZED_KIND trace per run) carry no ground truth, except that a `duplicate_id` line
is a byte-exact re-send of a good trace: score per unique trace id, over the traces the answer
key holds (bad lines carry `metadata.synthetic_defect` instead).
"""

from .conversation import CHURN_LEVELS, ISSUE_KINDS, SENTIMENTS, SLOW_LATENCY_S
from .traffic import (
    BAD_LINE_KINDS,
    OVERSIZED_KIND,
    generate_traffic,
    holds_demo,
    intent_weights,
    iter_day_lines,
    iter_traces,
    not_demo_files,
    read_answer_key,
    trend_factor,
)
from .vocab import INTENT_NAMES, INTENTS

__all__ = [
    "BAD_LINE_KINDS",
    "CHURN_LEVELS",
    "INTENTS",
    "INTENT_NAMES",
    "ISSUE_KINDS",
    "OVERSIZED_KIND",
    "SENTIMENTS",
    "SLOW_LATENCY_S",
    "generate_traffic",
    "holds_demo",
    "intent_weights",
    "iter_day_lines",
    "iter_traces",
    "not_demo_files",
    "read_answer_key",
    "trend_factor",
]
