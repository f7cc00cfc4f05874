"""`tracetopics digest`: what changed, as text, Markdown or JSON (the explorer's home in print)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from tracetopics_pipeline.cli.errors import CliError
from tracetopics_pipeline.core.topics.changes import SECTION_TITLES, SECTIONS, Changes, Fact


def since_days(text: str) -> int:
    """'7d', '2w' or '10' (days) -> days; '-3d' ("the last 3 days") is 3d."""
    m = re.fullmatch(r"\s*-?\s*(\d+)\s*([dw]?)\s*", text.lower())
    n = int(m.group(1)) * (7 if m.group(2) == "w" else 1) if m else 0
    if not 1 <= n <= 366:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a window: give days or weeks, e.g. 7d or 2w (at most 366 days)"
        )
    return n


def name(f: Fact) -> str:
    if f.parent_label and f.parent_label != f.label:
        return f"{f.label} (in {f.parent_label})"
    return f.label


def _ref(f: Fact) -> str:
    return f"{f.facet} topic {f.topic_id}" + (f", {f.level}" if f.level == "parent" else "")


def _window(c: Changes) -> str:
    if c.end is None:
        return "Nothing is classified yet: run the pipeline first (tracetopics run)."
    return (
        f"{c.start} to {c.end} ({c.since_days} days, {c.traces:,} traces) against "
        f"{c.prev_start} to {c.prev_end} ({c.prev_traces:,} traces"
        + (f", on {c.prev_days} of its {c.since_days} days" if c.prev_days < c.since_days else "")
        + ")"
    )


def spend_line(spend: dict[str, Any] | None) -> str:
    """`tracetopics spend`'s one line, from the digest's spend (None: not known)."""
    if not spend:
        return "Model spend: nothing recorded in this warehouse yet"
    from tracetopics_pipeline.cli.output import spend_line as line
    from tracetopics_pipeline.core.spend.ledger import SpendSummary

    return line(SpendSummary(**spend)) + " (tracetopics spend for detail)"


def render_text(c: Changes) -> str:
    lines = [f"What changed: {_window(c)}"]
    if c.end is not None:
        for s in SECTIONS:
            lines += ["", SECTION_TITLES[s]]
            facts = c.sections[s]
            if not facts:
                lines.append("  nothing")
            for f in facts:
                rank = f"#{f.numbers['rank']} " if s == "priorities" else ""
                lines.append(f"  {rank}{name(f)}  [{_ref(f)}]")
                lines.append(f"      {f.why}")
    return "\n".join([*lines, "", spend_line(c.spend)])


def render_md(c: Changes) -> str:
    lines = ["# What changed", "", _window(c)]
    if c.end is not None:
        for s in SECTIONS:
            lines += ["", f"## {SECTION_TITLES[s]}", ""]
            facts = c.sections[s]
            if not facts:
                lines.append("Nothing.")
            for f in facts:
                rank = f"{f.numbers['rank']}. " if s == "priorities" else "- "
                lines.append(f"{rank}**{name(f)}** ({_ref(f)}): {f.why}")
    return "\n".join([*lines, "", "## Spend", "", spend_line(c.spend)]) + "\n"


def cmd_digest(args: argparse.Namespace) -> int:
    from tracetopics_pipeline.core.settings import Settings
    from tracetopics_pipeline.core.spend.ledger import spend_summary
    from tracetopics_pipeline.core.sql.errors import WarehouseUnavailable
    from tracetopics_pipeline.core.sql.execute import open_readonly
    from tracetopics_pipeline.core.topics.changes import compute_changes

    try:
        conn, _, notice = open_readonly()
    except WarehouseUnavailable as e:
        raise CliError(str(e)) from None
    try:
        if notice:
            print(f"note: {notice}", file=sys.stderr)
        changes = compute_changes(conn, since_days=args.since)
        # A warehouse from before the spend ledger has none (opened read-only: not migrated).
        if conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'spend_ledger'"
        ).fetchone()[0]:
            changes.spend = spend_summary(conn, Settings.from_env(), days=0).as_dict()
    finally:
        conn.close()
    if args.format == "json":
        print(json.dumps(changes.as_dict(), indent=2, default=str))
    elif args.format == "md":
        print(render_md(changes), end="")
    else:
        print(render_text(changes))
    return 0
