"""The percent text of topic_priority's `why` reads as the rule compares (review rv12 L4): a
share change the trend rule found under the threshold (unrounded, small_change) is never printed
as the threshold itself ("share +25% ..., within the ±25% a trend needs"); and the priority
table's header for top_negative_subtopic_traces says whose count it is."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from tracetopics_pipeline.core.topics.trend_rule import DBT_PROJECT_DIR, macros

TEXT = macros(DBT_PROJECT_DIR / "macros" / "text.sql")
ROOT = Path(__file__).resolve().parents[2]


def pct_under(share: float, limit: float) -> str:
    sql = TEXT.tt_pct_under(repr(share), repr(limit))
    return duckdb.connect().execute(f"SELECT {sql}").fetchall()[0][0]


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (0.2497, "24.9%"),  # the demo's Slack Request: rounded, it read as the threshold
        (-0.2496, "-24.9%"),
        (0.24999, "24.9%"),
        (0.2451, "24.5%"),
        (0.17, "17%"),  # far from it: whole percent as before
        (-0.2449, "-24%"),
        (0.0, "0%"),
    ],
)
def test_a_change_under_the_threshold_reads_under_it(share: float, text: str) -> None:
    assert pct_under(share, 0.25) == text
    number = float(text.rstrip("%"))
    assert abs(number) < 25


def test_the_mart_prints_a_small_change_with_that_macro() -> None:
    sql = (ROOT / "dbt_project/models/marts/topic_priority.sql").read_text()
    assert re.search(
        r"trend_reason = 'small_change'\s+then \{\{ tt_pct_under\('share_wow_growth'", sql
    )


def test_the_priority_header_names_the_subtopic_count() -> None:
    js = (ROOT / "tracetopics_pipeline/explorer/static/app.js").read_text()
    header = re.search(r'top_negative_subtopic_traces: "([^"]+)"', js).group(1)
    assert "subtopic" in header.lower()
