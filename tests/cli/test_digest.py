"""`tracetopics digest`: the console script on a warehouse where what changed is known."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from factories import insert_rows
from factories.changes import build_changes_warehouse

EXE = Path(sys.executable).with_name("tracetopics")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("digest_home")
    conn = build_changes_warehouse(home / "warehouse.duckdb")
    # Spend to date: the ledger counts calls by the day they were made, i.e. today.
    insert_rows(conn, "spend_ledger", [dict(day=datetime.now(UTC).date(), kind="summaries",
                                            model="gpt-4o-mini", requests=40, usd=1.25)])  # fmt: skip
    conn.close()
    return home


def digest(home: Path, *args: str) -> subprocess.CompletedProcess:
    res = subprocess.run(
        [str(EXE), "digest", *args],
        env={**os.environ, "TRACETOPICS_HOME": str(home), "TRACETOPICS_BUDGET_USD_DAY": "5"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    return res


def test_json_holds_every_section(home: Path) -> None:
    out = json.loads(digest(home, "--since", "1w", "--format", "json").stdout)
    assert (out["start"], out["end"], out["traces"]) == ("2026-03-08", "2026-03-14", 152)
    got = {s: [(f["facet"], f["topic_id"]) for f in facts] for s, facts in out["sections"].items()}
    assert got["new"] == [("Task", 3)]
    assert got["growing"] == [("Task", 1)]
    assert got["fading"] == [("Task", 2)]
    assert got["product_gaps"] == [("Task", 4)] and got["agent_failures"] == [("Task", 5)]
    assert out["sections"]["growing"][0]["label"] == "Set up SSO"
    assert (out["spend"]["spent_today_usd"], out["spend"]["budget_day_usd"]) == (1.25, 5.0)


def test_text_and_markdown(home: Path) -> None:
    text = digest(home).stdout
    assert text.startswith("What changed: 2026-03-08 to 2026-03-14 (7 days, 152 traces)")
    assert "Growing\n  Set up SSO  [Task topic 1]\n      10 → 40 traces week over week" in text
    md = digest(home, "--format", "md").stdout
    assert "## Capability gaps: product gaps\n\n- **Custom fiscal calendars** (Task topic 4)" in md
    assert "## Top priorities\n\nNothing." in md  # no marts in this warehouse
    spend = "Model spend: today $1.25 (cap $5.00), this month $1.25 (cap none)"
    assert text.rstrip().endswith(spend + " (tracetopics spend for detail)")
    assert "## Spend\n\n" + spend in md


def test_help_says_what_and_gives_an_example(home: Path) -> None:
    res = subprocess.run([str(EXE), "digest", "--help"], capture_output=True, text=True)
    assert "what changed in the last days" in res.stdout
    assert "example:\n  tracetopics digest --since 14d --format md" in res.stdout
