"""One Issues label per trace (issue 14, review rv13 M2): the summary lists every problem, the
label is the first by the facet's precedence, and docs/facets.md states that precedence as the
code has it."""

from __future__ import annotations

import re
from pathlib import Path

import tool_error_plain_set as ps

from tracetopics_pipeline.core.facets.summarizers.local.issues import (
    CATEGORIES,
    detect_issues,
    summarize_issues,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "facets.md"


def test_every_problem_is_in_the_summary_and_the_label_is_the_first():
    msgs = ps.conversation("get_order", "Order 55 does not exist")
    msgs += [{"role": "user", "content": "And what about order 56, where is it?"}]
    summary, label = summarize_issues(detect_issues(msgs))
    assert label == "FAILED_TOOL_CALL"
    assert summary.startswith("Failed tool call: get_order returned 'not found'")
    assert "; Incomplete answer: " in summary


def test_the_documented_precedence_is_the_codes():
    text = DOCS.read_text()
    section = text.split("## One Issues label per trace", 1)[1].split("\n## ", 1)[0]
    m = re.search(r"fixed precedence\s*\(`[^`]+`\):\s*(.+?);", section, re.S)
    assert m, "docs/facets.md states the Issues precedence"
    said = [c.strip() for c in re.sub(r"\s+", " ", m.group(1)).split(",")]
    assert said == list(CATEGORIES)
    rows = re.findall(r"^\| ([A-Z_]+) \|", section, re.M)
    assert rows == [v for v in CATEGORIES.values() if v in rows]  # the table in the same order
