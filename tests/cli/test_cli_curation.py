"""`tracetopics topic ...` curation wording and refusals (review rv12 L5): unpin of a topic that
is not pinned, rename --into, going back to the automatic name, plurals and possessives."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories.marts import OVERRIDES, TASK_LABELS, TASK_SUBS, build_marts_warehouse, recent_traces

from tracetopics_pipeline.cli import main
from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.ingest.holds import DayQuarantine
from tracetopics_pipeline.core.topics.report import set_topic_override
from tracetopics_pipeline.core.wording import plural, possessive


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    build_marts_warehouse(tmp_path / "warehouse.duckdb", recent_traces())
    conn = warehouse.connect(tmp_path / "warehouse.duckdb")
    try:  # the human renames, applied the way `tracetopics topic rename` does
        for (facet, topic_id), label in OVERRIDES.items():
            set_topic_override(conn, facet, topic_id, label=label)
    finally:
        conn.close()
    monkeypatch.setenv("TRACETOPICS_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def labels(home: Path, facet: str, topic_id: int) -> tuple[set, set, set]:
    conn = warehouse.connect(home / "warehouse.duckdb", read_only=True)
    try:
        topics = {r[0] for r in conn.execute(
            "SELECT label FROM topics WHERE facet = ? AND topic_id = ?", [facet, topic_id]
        ).fetchall()}  # fmt: skip
        parents = {r[0] for r in conn.execute(
            "SELECT label FROM classifications WHERE facet = ? AND topic_id = ?", [facet, topic_id]
        ).fetchall()}  # fmt: skip
        subs = {r[0] for r in conn.execute(
            "SELECT subtopic FROM classifications WHERE facet = ? AND subtopic_id = ?",
            [facet, topic_id],
        ).fetchall()}  # fmt: skip
    finally:
        conn.close()
    return topics, parents, subs


def test_unpin_of_a_topic_not_pinned_says_so(home: Path, capsys: pytest.CaptureFixture) -> None:
    code, out, err = run(capsys, "topic", "unpin", "Task", "1")
    assert code == 2 and "unpinned" not in out
    assert "Task topic 1 is not pinned" in err and len(err.strip().splitlines()) == 1
    assert run(capsys, "topic", "pin", "Task", "1")[0] == 0
    code, out, err = run(capsys, "topic", "pin", "Task", "1")  # the same rule both ways
    assert code == 2 and "Task topic 1 is already pinned" in err
    code, out, _ = run(capsys, "topic", "unpin", "Task", "1")
    assert code == 0 and out.startswith("unpinned Task topic 1")


@pytest.mark.parametrize("action", ["rename", "pin", "unpin", "unmerge"])
def test_into_is_refused_outside_merge(
    home: Path, capsys: pytest.CaptureFixture, action: str
) -> None:
    extra = ["Foo"] if action == "rename" else []
    code, out, err = run(capsys, "topic", action, "Task", "1", *extra, "--into", "0")
    assert code == 2 and out == ""
    assert "--into" in err and "merge" in err
    assert labels(home, "Task", 1)[0] == {TASK_LABELS[1]}  # nothing changed


def test_rename_auto_brings_back_the_automatic_name(
    home: Path, capsys: pytest.CaptureFixture
) -> None:
    # a parent renamed before this test (the fixture), then back to its automatic name
    assert labels(home, "Task", 2)[0] == {OVERRIDES[("Task", 2)]}
    code, out, _ = run(capsys, "topic", "rename", "Task", "2", "--auto")
    assert code == 0
    assert f"'{TASK_LABELS[2]}'" in out and "automatic" in out
    topics, parents, _ = labels(home, "Task", 2)
    assert topics == {TASK_LABELS[2]} and parents <= {TASK_LABELS[2]} and parents
    # a subtopic renamed twice still goes back to the map's name, not the first rename
    assert run(capsys, "topic", "rename", "Task", "31", "First name")[0] == 0
    assert run(capsys, "topic", "rename", "Task", "31", "Second name")[0] == 0
    assert run(capsys, "topic", "rename", "Task", "31", "--auto")[0] == 0
    topics, _, subs = labels(home, "Task", 31)
    assert topics == {TASK_SUBS[31][1]} and subs <= {TASK_SUBS[31][1]}
    conn = warehouse.connect(home / "warehouse.duckdb", read_only=True)
    try:
        rows = conn.execute(
            "SELECT topic_id, label FROM topic_overrides WHERE facet = 'Task' AND topic_id IN (2, 31)"
        ).fetchall()
    finally:
        conn.close()
    assert all(label is None for _, label in rows)  # a regeneration names them again
    # not renamed: said so, as unpin says a topic is not pinned
    code, _, err = run(capsys, "topic", "rename", "Task", "1", "--auto")
    assert code == 2 and "Task topic 1 is not renamed" in err
    code, _, err = run(capsys, "topic", "rename", "Task", "1", "Foo", "--auto")
    assert code == 2 and "--auto" in err


def test_wording_plural_and_possessive() -> None:
    assert plural(1, "copy") == "1 copy" and plural(2, "copy") == "2 copies"
    assert plural(1, "day") == "1 day" and plural(1_234, "line") == "1,234 lines"
    assert possessive("Issues") == "Issues'" and possessive("Task") == "Task's"
    assert possessive("Competitor mention") == "Competitor mention's"
    q = DayQuarantine("2026-11-14", lines=158, quarantined=8, threshold=0.05, superseded=1)
    assert "(1 copy sent again, not counted)" in q.summary()
