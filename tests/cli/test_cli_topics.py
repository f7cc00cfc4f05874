"""`tracetopics topics --facet F [--json]`: parents ranked by share, each with its subtopics
(tests/factories/marts.py recent_traces(): Task parents 0, 1, 2 with subtopics, -1 no_match)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from factories.marts import OVERRIDES, build_marts_warehouse, recent_traces

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.topics.report import set_topic_override

EXE = Path(sys.executable).with_name("tracetopics")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("topics_home")
    build_marts_warehouse(home / "warehouse.duckdb", recent_traces())
    conn = warehouse.connect(home / "warehouse.duckdb")
    try:  # the human renames, applied the way `tracetopics topic rename` does
        for (facet, topic_id), label in OVERRIDES.items():
            set_topic_override(conn, facet, topic_id, label=label)
    finally:
        conn.close()
    return home


def tracetopics(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(EXE), *args],
        env={**os.environ, "TRACETOPICS_HOME": str(home)},
        cwd=home,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_topics_json_lists_parents_with_subtopics(home: Path) -> None:
    res = tracetopics(home, "topics", "--facet", "Task", "--json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    topics = doc["topics"]
    # s1 s2 s3 s7 s8: Export (0); s4 s5: Dataset creation (2); s9: Reset password (1); s6 no_match
    assert [(t["id"], t["label"], t["count"]) for t in topics] == [
        (0, "Export dashboard to CSV", 5),
        (2, "Dataset creation", 2),
        (1, "Reset password", 1),
        (-1, "no_match", 1),  # listed last
    ]
    assert set(topics[0]) == {"id", "label", "count", "share", "keywords", "samples", "subtopics"}
    assert abs(sum(t["share"] for t in topics) - 1) < 1e-6
    subs = topics[1]["subtopics"]
    assert [(s["id"], s["label"], s["count"]) for s in subs] == [(30, "Dataset from CSV files", 2)]
    assert set(subs[0]) == set(topics[0]) - {"subtopics"}


def test_topics_text_indents_subtopics(home: Path) -> None:
    res = tracetopics(home, "topics", "--facet", "Issues")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    parent = next(i for i, ln in enumerate(lines) if ln.rstrip().endswith("  No issue"))
    assert "%" in lines[parent] and not lines[parent].lstrip().startswith("·")
    # its one subtopic of the same name says nothing more: not listed ("No issue · No issue")
    assert not any(ln.rstrip().endswith("· No issue") for ln in lines)
    assert not any("no_match" in ln for ln in lines)  # NONE is "No issue", never no_match
    # the default label comes after the topics, as in the explorer, marked as nothing to report
    assert "default label, nothing to report" in lines[parent - 1]
    rows = [ln for ln in lines if "%" in ln and not ln.lstrip().startswith("·")]
    assert rows[-1].rstrip().endswith("  No issue") and len(rows) > 1
    task = tracetopics(home, "topics", "--facet", "Task").stdout.splitlines()
    parent = next(i for i, ln in enumerate(task) if ln.rstrip().endswith("  Dataset creation"))
    assert task[parent + 1].rstrip().endswith("· Dataset from CSV files")  # indented under it


@pytest.mark.parametrize(("n_subs", "every", "listed", "more"), [
    (5, False, 5, None),  # one over the cut: the last one is printed, not "+1 more"
    (7, False, 4, "+3 more subtopics (--all lists them)"),
    (7, True, 7, None),
])  # fmt: skip
def test_topics_text_cuts_long_subtopic_lists(
    monkeypatch: pytest.MonkeyPatch, capsys, n_subs: int, every: bool, listed: int, more: str
) -> None:
    from tracetopics_pipeline.cli import output

    def row(i: int, label: str, subs: list[dict]) -> dict:
        return {"topic_id": i, "share": 0.1, "count": 10, "label": label, "subtopics": subs}

    subs = [row(10 + i, f"Sub {i}", []) for i in range(n_subs)]
    monkeypatch.setattr(output, "topics", lambda facet, day: (facet, [row(1, "Parent", subs)]))
    output.print_topics("Task", every_sub=every)
    out = capsys.readouterr().out.splitlines()
    assert sum("· Sub " in ln for ln in out) == listed
    assert [ln.strip() for ln in out if "more subtopics" in ln] == ([more] if more else [])


def test_topics_json_follows_the_lists_rule_for_a_lone_subtopic(home: Path) -> None:
    """Review rv10 L-2: --json listed "No issue" under "No issue" where the text list and the
    explorer do not (report.listed_subtopics); a lone subtopic of another name stays."""
    doc = json.loads(tracetopics(home, "topics", "--facet", "Issues", "--json").stdout)
    none = next(t for t in doc["topics"] if t["label"] == "No issue")
    assert none["subtopics"] == []
    task = json.loads(tracetopics(home, "topics", "--facet", "Task", "--json").stdout)
    dataset = next(t for t in task["topics"] if t["label"] == "Dataset creation")
    assert [s["label"] for s in dataset["subtopics"]] == ["Dataset from CSV files"]


def test_a_severity_ordered_facet_lists_its_labels_most_severe_first(tmp_path: Path) -> None:
    """Review rv13 M6: Churn risk topics were ranked by share ("Medium churn risk", 28 %, above
    "Critical churn risk", 3 %). A facet whose definition says `severity_order: true` (Churn
    risk) lists its label topics in the facet's label order, CRITICAL before HIGH before
    MEDIUM, then by share, its default last; a facet without it (Issues) still ranks by share."""
    from datetime import date

    from factories import insert_rows

    from tracetopics_pipeline.core.topics.maps import map_id_for

    home = tmp_path / "home"
    build_marts_warehouse(home / "warehouse.duckdb", recent_traces())
    day = date(2026, 3, 2)
    map_id = map_id_for("Churn risk", day)
    parents = {0: ("MEDIUM", "Medium churn risk", 30), 1: ("CRITICAL", "Critical churn risk", 3),
               2: ("HIGH", "High churn risk", 5), 3: ("LOW", "No churn signal", 60)}  # fmt: skip
    conn = warehouse.connect(home / "warehouse.duckdb")
    try:
        insert_rows(conn, "topic_maps",
                    [dict(map_id=map_id, facet="Churn risk", day=day, status="built")])  # fmt: skip
        insert_rows(conn, "topics", [
            dict(facet="Churn risk", map_id=map_id, topic_id=p, label=label, level="parent",
                 facet_label=key) for p, (key, label, _) in parents.items()])  # fmt: skip
        insert_rows(conn, "classifications", [
            dict(day=day, trace_id=f"churn-{p}-{i}", facet="Churn risk", topic_id=p, label=label,
                 subtopic_id=p, subtopic=label, distance=0.1, map_id=map_id)
            for p, (_, label, n) in parents.items() for i in range(n)])  # fmt: skip
    finally:
        conn.close()
    res = tracetopics(home, "topics", "--facet", "Churn risk")
    assert res.returncode == 0, res.stderr
    listed = [ln.split("  ")[-1].strip() for ln in res.stdout.splitlines() if "churn" in ln]
    assert listed[-4:] == [
        "Critical churn risk", "High churn risk", "Medium churn risk", "No churn signal"
    ]  # fmt: skip
    assert "Churn risk topics, ranked by severity, then share" in res.stdout
    doc = json.loads(tracetopics(home, "topics", "--facet", "Churn risk", "--json").stdout)
    assert [t["id"] for t in doc["topics"]] == [1, 2, 0, 3]  # --json ranks the same way
    assert "ranked by share (" in tracetopics(home, "topics", "--facet", "Issues").stdout


def test_topic_samples_differ_by_more_than_case_and_spacing() -> None:
    # new-user walk: `topics --json` gave "Our IT team..." and "Our it team..." as two samples
    from tracetopics_pipeline.core.topics.report import distinct_samples

    texts = ["Our IT team  needs SSO", "our it team needs sso", "Our IT team needs SCIM", "x"]
    assert distinct_samples(texts, 2) == ["Our IT team  needs SSO", "Our IT team needs SCIM"]
    # look-alikes that must stay two samples: a word apart, or punctuation apart
    assert distinct_samples(["Export to CSV", "Export to PDF"], 2) == [
        "Export to CSV",
        "Export to PDF",
    ]
    assert distinct_samples(["Reset password", "Reset password?"], 2) == [
        "Reset password",
        "Reset password?",
    ]
    assert distinct_samples(["Same", "SAME"], 2) == ["Same"]  # fewer, never a repeat


def test_topics_count_a_trace_once_in_shares_and_under_every_issue_it_lists(home: Path) -> None:
    """s1 failed a call; s5 escalated after a failed call (labels ESCALATION, FAILED_TOOL_CALL):
    s5 counts once, under Escalation, in the shares, and in both labels' any-mention counts."""
    doc = json.loads(tracetopics(home, "topics", "--facet", "Issues", "--json").stdout)
    got = {t["label"]: (t["count"], t["any_mention"]) for t in doc["topics"]}
    assert got == {"Failed tool call": (1, 2), "Escalation to human": (1, 1), "No issue": (6, 6)}
    assert abs(sum(t["share"] for t in doc["topics"]) - 1) < 1e-6  # each trace once
    assert "any_mention_missing" not in doc
    task = json.loads(tracetopics(home, "topics", "--facet", "Task", "--json").stdout)
    assert not any("any_mention" in t for t in task["topics"])  # no labels: nothing to count
    text = tracetopics(home, "topics", "--facet", "Issues").stdout.splitlines()
    assert text[2].split() == ["id", "share", "count", "any", "label"]
    failed = next(ln for ln in text if ln.rstrip().endswith("  Failed tool call"))
    assert failed.split()[2:4] == ["1", "2"]
    assert any(
        ln.strip().startswith("any: traces whose summary lists the label at all") for ln in text
    )


def _older_home(tmp_path: Path) -> Path:
    """A home whose warehouse predates facet_summaries.labels; s5's local Issues summary lists
    two problems (escalation first, then a failed call)."""
    home = tmp_path / "old_home"
    home.mkdir()
    build_marts_warehouse(home / "warehouse.duckdb", recent_traces())
    conn = warehouse.connect(home / "warehouse.duckdb")
    conn.execute("ALTER TABLE facet_summaries DROP COLUMN labels")
    conn.execute(
        "UPDATE facet_summaries SET backend = 'local', summary = 'Escalation to human: called "
        "transfer; Failed tool call: run_export failed (server error)' WHERE trace_id = 's5' "
        "AND facet = 'Issues'"
    )
    conn.close()
    return home


def test_topics_on_a_warehouse_from_before_labels_were_kept(tmp_path: Path) -> None:
    """An older home (no facet_summaries.labels) still lists its topics, read-only, with the
    any-mention count missing and the reason; a writer's connect then fills the column from
    the summaries (a local Issues summary lists every problem)."""
    home = _older_home(tmp_path)
    res = tracetopics(home, "topics", "--facet", "Issues", "--json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert {t["label"]: t["any_mention"] for t in doc["topics"]}["Failed tool call"] is None
    assert "`tracetopics migrate`" in doc["any_mention_missing"]
    text = tracetopics(home, "topics", "--facet", "Issues")
    assert text.returncode == 0 and "any-mention counts: not in this warehouse yet" in text.stdout
    warehouse.connect(home / "warehouse.duckdb").close()  # a run's connect migrates
    doc = json.loads(tracetopics(home, "topics", "--facet", "Issues", "--json").stdout)
    got = {t["label"]: (t["count"], t["any_mention"]) for t in doc["topics"]}
    assert got["Failed tool call"] == (1, 2) and "any_mention_missing" not in doc


def test_a_label_no_trace_has_first_gets_a_row_with_its_any_mention_count(
    home: Path, tmp_path: Path
) -> None:
    """s1 failed a call and then looped (labels FAILED_TOOL_CALL, LOOP): no trace loops first,
    so no topic stands for Loop and its any-mention count (marts.issue_mentions_daily has it)
    had no row. It is listed after the topics, with no id, 0 counted and 1 any mention.
    Look-alikes: a label with its own topic (Failed tool call) gets no second row, and Task
    (no labels) none at all."""
    copy = tmp_path / "home"
    shutil.copytree(home, copy)
    conn = warehouse.connect(copy / "warehouse.duckdb")
    conn.execute(
        "UPDATE facet_summaries SET labels = ['FAILED_TOOL_CALL', 'LOOP'] "
        "WHERE trace_id = 's1' AND facet = 'Issues'"
    )
    conn.close()
    doc = json.loads(tracetopics(copy, "topics", "--facet", "Issues", "--json").stdout)
    rows = [(t["id"], t["label"], t["count"], t["any_mention"], t.get("mention_only"))
            for t in doc["topics"]]  # fmt: skip
    assert (None, "Loops", 0, 1, True) in rows
    assert [r[1] for r in rows].count("Failed tool call") == 1
    assert sum(1 for r in rows if r[4]) == 1
    text = tracetopics(copy, "topics", "--facet", "Issues").stdout.splitlines()
    loop = next(ln for ln in text if "Loops" in ln)
    assert loop.split()[:3] == ["0.0%", "0", "1"]
    assert loop.rstrip().endswith("(no trace has it first: no topic)")
    assert "(3 topics;" in text[1]  # the label row is no topic
    task = json.loads(tracetopics(copy, "topics", "--facet", "Task", "--json").stdout)
    assert not any(t.get("mention_only") for t in task["topics"])


def test_topics_on_an_older_home_stays_read_only_and_names_the_command_that_adds_the_counts(
    tmp_path: Path,
) -> None:
    """On a home from before facet_summaries.labels, `topics` only reads (the warehouse's bytes
    are unchanged) and says in one line what adds the any-mention counts: `tracetopics migrate`
    — seconds — where it named `tracetopics run`, which re-summarizes every day it runs. The
    command then adds them and publishes for the explorer; run again it changes nothing."""
    home = _older_home(tmp_path)
    db = home / "warehouse.duckdb"
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    out = tracetopics(home, "topics", "--facet", "Issues").stdout.splitlines()
    said = [ln for ln in out if "any-mention" in ln]
    assert said == [
        "  any-mention counts: not in this warehouse yet (its summaries predate keeping every "
        "label of a trace): `tracetopics migrate` adds them in seconds"
    ]
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before  # a reader never migrates
    done = tracetopics(home, "migrate")
    assert done.returncode == 0, done.stderr
    assert "up to this version's tables" in done.stdout and (home / "read").is_dir()
    doc = json.loads(tracetopics(home, "topics", "--facet", "Issues", "--json").stdout)
    assert {t["label"]: t["any_mention"] for t in doc["topics"]}["Failed tool call"] == 2
    snap = (home / "snapshot" / "current.txt").read_text().strip()
    assert tracetopics(home, "migrate").returncode == 0  # current already: nothing breaks
    assert (home / "snapshot" / "current.txt").read_text().strip() != snap
    (tmp_path / "empty").mkdir()
    missing = tracetopics(tmp_path / "empty", "migrate")
    assert missing.returncode == 1 and "no warehouse" in missing.stderr
