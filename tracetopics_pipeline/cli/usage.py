"""What `tracetopics <command> --help` says: one sentence on what the command does, and an
example to copy. tests/cli/test_cli_help.py checks every subcommand has both, and that each
example parses."""

from __future__ import annotations

import argparse
import textwrap

# command → (one sentence, an example)
ABOUT: dict[str, tuple[str, str]] = {
    "generate": (
        "Write seeded synthetic support-agent traffic (JSONL, one file per day) to the landing "
        "folder.",
        "tracetopics generate --days 7 --per-day 200",
    ),
    "demo": (
        "Generate demo traffic, run the whole pipeline on it and print the Task topics.",
        "tracetopics demo --days 14 --per-day 150",
    ),
    "ingest": (
        "Copy trace files (JSONL, OTLP JSON or Parquet) into the landing folder for the next run.",
        "tracetopics ingest exports/traces-2026-11-20.jsonl",
    ),
    "run": (
        "Materialize the days the landing files touch (or --from/--to, or --today) through the "
        "Dagster jobs, and say what was built or held back.",
        "tracetopics run --from 2026-11-01 --to 2026-11-07",
    ),
    "prepare": (
        "Parse the dbt project into its manifest, which the Dagster code location loads.",
        "tracetopics prepare",
    ),
    "docs": (
        "Build the dbt docs of the marts for this $TRACETOPICS_HOME, and serve them with --serve.",
        "tracetopics docs --serve --port 8081",
    ),
    "quarantine": (
        "Show a day's quarantined lines and why, or --accept them so a held-back day goes on.",
        "tracetopics quarantine --day 2026-11-20",
    ),
    "topics": (
        "List a facet's topics ranked by share of traces, with their trend.",
        "tracetopics topics --facet Issues",
    ),
    "digest": (
        "Print what changed in the last days against the days before (new, growing and fading "
        "topics, pain, capability gaps, the top priorities with why, spend to date), as the "
        "explorer's home shows it.",
        "tracetopics digest --since 14d --format md",
    ),
    "topic": (
        "Rename, pin, unpin or merge (--into) a topic of a facet, a parent or a subtopic, by "
        "the id `tracetopics topics` shows; kept in topic_overrides, so every regeneration and "
        "the explorer keep it.",
        'tracetopics topic rename Task 12 "SAML SSO setup"',
    ),
    "sql": (
        "Run one read-only SQL query over the warehouse (traces, facets, topics, marts), within "
        "memory, time and row limits.",
        'tracetopics sql "SELECT facet, count(*) FROM classifications GROUP BY facet"',
    ),
    "facets": (
        "List the facets (list), preview one on sample traces (test), score one against your "
        "gold labels (eval) or fit one to them (fit).",
        "tracetopics facets test Sentiment --n 10",
    ),
    "status": (
        "Show what state this home is in (files landed, days run, held back or waiting, the "
        "topic maps, the explorer's snapshot, spend): the first command to run when unsure.",
        "tracetopics status",
    ),
    "spend": (
        "Show what model calls (summaries, labels, embeddings) cost so far, per day and month, "
        "against TRACETOPICS_BUDGET_USD_DAY and _MONTH.",
        "tracetopics spend --days 7",
    ),
    "migrate": (
        "Bring an older home's warehouse up to this version's tables in place (every label of "
        "a trace, read back from the stored summaries) and publish the explorer's snapshot and "
        "the read copy: what the next run's first write does, in seconds (reading commands "
        "never write).",
        "tracetopics migrate",
    ),
    "explore": (
        "Serve the topics explorer on 127.0.0.1 (the published snapshot; no run is locked).",
        "tracetopics explore --port 8765",
    ),
}


def add_command(
    sub: argparse._SubParsersAction, name: str, summary: str
) -> argparse.ArgumentParser:
    """A subcommand: `summary` in `tracetopics --help`; its own --help starts with its
    sentence and ends with its example."""
    if name not in ABOUT:
        raise KeyError(f"tracetopics {name}: give it a sentence and an example in cli/usage.py")
    sentence, example = ABOUT[name]
    return sub.add_parser(
        name,
        help=summary,
        description=textwrap.fill(sentence, width=88),
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
