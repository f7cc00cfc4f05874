"""`tracetopics digest`: what changed, as text, Markdown or JSON (the explorer's home in print)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from tracetopics_pipeline.cli.errors import CliError
from tracetopics_pipeline.core.topics.changes import SECTION_TITLES, SECTIONS, Changes, Fact

EXAMPLE = "example: tracetopics digest --since 14d --format md > what-changed.md"


def since_days(text: str) -> int:
    """'7d', '2w' or '10' (days) -> days."""
    m = re.fullmatch(r"\s*(\d+)\s*([dw]?)\s*", text.lower())
    n = int(m.group(1)) * (7 if m.group(2) == "w" else 1) if m else 0
    if not 1 <= n <= 366:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a window: give days or weeks, e.g. 7d or 2w (at most 366 days)"
        )
    return n


def name(f: Fact) -> str:
    return f"{f.label} (in {f.parent_label})" if f.parent_label else f.label


def _ref(f: Fact) -> str:
    return f"{f.facet} topic {f.topic_id}" + (f", {f.level}" if f.level == "parent" else "")


def _window(c: Changes) -> str:
    if c.end is None:
        return "Nothing is classified yet: run the pipeline first (tracetopics run)."
    return (
        f"{c.start} to {c.end} ({c.since_days} days, {c.traces:,} traces) against "
        f"{c.prev_start} to {c.prev_end} ({c.prev_traces:,} traces)"
    )


def _usd(v: float | None) -> str:
    return "no cap" if v is None else f"${v:,.2f}"


def spend_line(spend: dict[str, Any] | None) -> str | None:
    if not spend:
        return None
    return (
        f"Model spend to date: today {_usd(spend['spent_today_usd'])} "
        f"(cap {_usd(spend['budget_day_usd'])}), this month {_usd(spend['spent_month_usd'])} "
        f"(cap {_usd(spend['budget_month_usd'])})"
    )


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
    if line := spend_line(c.spend):
        lines += ["", line]
    return "\n".join(lines)


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
    if line := spend_line(c.spend):
        lines += ["", "## Spend", "", line]
    return "\n".join(lines) + "\n"


def cmd_digest(args: argparse.Namespace) -> int:
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
    finally:
        conn.close()
    if args.format == "json":
        print(json.dumps(changes.as_dict(), indent=2, default=str))
    elif args.format == "md":
        print(render_md(changes), end="")
    else:
        print(render_text(changes))
    return 0
