"""`tracetopics <command> --help` gives one sentence on what the command does and an example
for every subcommand, and every example is a command line the parser accepts."""

from __future__ import annotations

import argparse
import json
import shlex

import pytest

from tracetopics_pipeline.cli import build_parser, main


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


@pytest.mark.parametrize("command", sorted(subcommands()))
def test_help_gives_a_sentence_and_an_example(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    # usage, a blank line, then the sentence: one sentence, ending in a full stop
    start = lines.index("") + 1
    end = lines.index("", start)
    sentence = " ".join(lines[start:end])
    assert sentence[0].isupper() and sentence.endswith("."), sentence
    assert sentence.count(". ") == 0, f"more than one sentence: {sentence}"
    # the last two lines: "example:" and the command line, which starts with this command
    assert lines[-2] == "example:", lines[-3:]
    example = shlex.split(lines[-1])
    assert example[:2] == ["tracetopics", command], lines[-1]
    parsed = build_parser().parse_args(example[1:])  # exits (fails the test) if it does not parse
    assert parsed.command == command


def test_every_command_is_listed_with_its_summary(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in subcommands():
        assert f"    {command} " in out or f"    {command}\n" in out, command


@pytest.mark.parametrize("command", sorted(subcommands()))
def test_every_argument_says_what_it_is(command: str) -> None:
    """Every option and positional of every subcommand has a help line (a bare `--n N` or
    `files` leaves the reader guessing)."""
    bare = [
        a.option_strings[0] if a.option_strings else a.dest
        for a in subcommands()[command]._actions
        if not isinstance(a, argparse._HelpAction) and not a.help
    ]
    assert not bare, f"tracetopics {command}: no help for {bare}"


def test_the_summary_names_the_actions_the_parser_takes(capsys) -> None:
    """`tracetopics --help` names facets' actions as the parser spells them: eval, not score."""
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    summary = out.split(" facets ", 1)[1].split(" spend ", 1)[0]
    for action in ("test", "eval", "fit"):
        assert f"({action})" in summary, summary


@pytest.mark.parametrize("since", [["--since", "-3d"], ["--since=-3d"], ["--since", "3d"]])
def test_digest_since_takes_a_leading_dash(since: list[str], tmp_path, monkeypatch, capsys) -> None:
    """`digest --since -3d` parses (it reaches the warehouse check), not "expected one argument"."""
    monkeypatch.setenv("TRACETOPICS_HOME", str(tmp_path))
    assert main(["digest", *since]) == 1
    assert "no warehouse" in capsys.readouterr().err


def test_facets_list_names_each_default_label_as_the_pages_show_it(capsys) -> None:
    """Review rv6 E5: `facets list` said Churn risk "labels=CRITICAL/HIGH/MEDIUM/LOW" while
    every page calls LOW "No churn signal"; a PM looking for "LOW" found no such label."""
    from tracetopics_pipeline.cli import main

    assert main(["facets", "list"]) == 0
    churn = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Churn"))
    assert (
        "labels: CRITICAL “Critical”, HIGH “High”, MEDIUM “Medium”, LOW “No churn signal” "
        "(default LOW)" in churn
    )


def test_status_of_a_fresh_home_says_what_to_do(home, capsys) -> None:
    """Review rv6 P7: no command answered "what state is my home in"; a fresh home is a state."""
    from tracetopics_pipeline.cli import main

    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert f"home      {home}" in out and "landing   0 trace files" in out
    assert "none landed yet: tracetopics ingest FILE, then tracetopics run" in out
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["traces"] == 0


def test_status_names_files_landed_and_not_yet_run(home, tmp_path, capsys) -> None:
    """Review rv7 S1: right after `ingest`, status said "none landed yet: tracetopics ingest
    FILE" (it read landed days from raw_traces, which only a run fills) and counted the demo's
    answer key as landing files; a mistyped home read like an empty one."""
    from datetime import date

    from tracetopics_pipeline.core.ingest.landing import (
        LandingIndex,
        default_index_path,
        landing_files,
    )

    src = tmp_path / "src"
    assert main(["generate", "--out", str(src), "--days", "2", "--per-day", "5", "--clean",
                 "--end", "2026-11-30"]) == 0  # fmt: skip
    assert (src / ".answer-key").is_dir()
    assert main(["ingest", *sorted(str(f) for f in src.glob("*.jsonl"))]) == 0
    landing = home / "landing"  # as in a demo home: the answer key is no trace file
    (landing / ".answer-key").mkdir()
    (landing / ".answer-key" / "demo-2026-11-30.json").write_text("{}")
    capsys.readouterr()
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "landing   2 trace files" in out
    assert (
        "new       2 files landed, not yet run (2 days: 2026-11-29, 2026-11-30): "
        "tracetopics run --from 2026-11-29 --to 2026-11-30" in out
    )
    assert "none landed yet" not in out
    # A run ingests a file's days (the landing index the sensor reads): it is no longer new.
    index = LandingIndex(default_index_path(landing))
    first = landing_files(landing)[0]
    index.mark_ingested(first, {date(2026, 11, 29)})
    index.save(landing_files(landing))
    assert main(["status"]) == 0
    assert "new       1 file landed, not yet run (1 day: 2026-11-30)" in capsys.readouterr().out


def test_status_of_a_missing_home_says_so(tmp_path, monkeypatch, capsys) -> None:
    missing = tmp_path / "nonexist"
    monkeypatch.setenv("TRACETOPICS_HOME", str(missing))
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert (
        out.startswith(f"home      no home at {missing} (nothing there yet")
        and "landing" not in out
    )
    assert not missing.exists()


def test_status_counts_in_words(capsys) -> None:
    """Review rv7 L1: "Feature request: 1 topics (1 subtopics)"."""
    from tracetopics_pipeline.cli.status import render

    s = {"home": "/h", "exists": True, "landing_files": 1, "traces": 3, "first_day": "2026-11-30",
         "last_day": "2026-11-30", "run_days": 1, "classified_days": 1, "waiting_days": [],
         "held_days": [], "snapshot": None, "spend": None, "source": "warehouse",
         "maps": [{"facet": "Feature request", "topics": 1, "subtopics": 1, "day": "2026-11-30"},
                  {"facet": "Task", "topics": 4, "subtopics": 9, "day": "2026-11-30"}]}  # fmt: skip
    out = render(s)
    assert "landing   1 trace file\n" in out
    assert "map       Feature request: 1 topic (1 subtopic), built for 2026-11-30" in out
    assert "map       Task: 4 topics (9 subtopics)" in out


def test_status_says_the_last_run_and_the_run_in_progress(home, capsys) -> None:
    """Review rv7 (status): no line said when the last run was, which days, whether it
    failed and how long it took, nor that a run was writing the home right now."""
    import os
    import subprocess
    import sys
    import time
    from datetime import UTC, date, datetime

    from tracetopics_pipeline.cli.status import run_lines
    from tracetopics_pipeline.core import run_record

    days = [date(2026, 11, 29), date(2026, 11, 30)]
    with run_record.recording(days, "run"):
        assert run_record.runs()["current"]["pid"] == os.getpid()
        assert main(["status"]) == 0
        out = capsys.readouterr().out
        assert "running   since " in out and "2026-11-29 to 2026-11-30 (2 days)" in out
        assert "last run  none recorded" in out
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "running" not in out
    assert "last run  " in out and ": 2026-11-29 to 2026-11-30 (2 days), ok in 0s" in out
    with pytest.raises(RuntimeError), run_record.recording(days[1:], "daily"):
        raise RuntimeError("classifications (run 1234abcd) failed: classifications: OSError\nmore")
    s = run_record.runs()
    assert s["current"] is None and s["last"]["outcome"] == "failed"
    line = run_lines(s)[0]
    assert line.endswith(
        ": 2026-11-30 (1 day), failed after 0s: classifications (run 1234abcd) failed: "
        "classifications: OSError"
    ), line
    # a run whose process died without an end reads as interrupted, not as running forever
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    record = json.loads(run_record.record_path().read_text())
    record["current"] = s["last"] | {"pid": int(dead.stdout), "outcome": None}
    run_record.record_path().write_text(json.dumps(record))
    line = run_lines(run_record.runs())[0]
    assert line.endswith(": 2026-11-30 (1 day), interrupted (its process ended without a word)")
    # a long one that is still going, and how its time reads
    now = datetime(2026, 12, 1, 4, 0, 30, tzinfo=UTC)
    current = {"started": "2026-12-01T03:58:00+00:00", "pid": 42, "first_day": "2026-11-30",
               "last_day": "2026-11-30", "days": 1}  # fmt: skip
    last = {"started": "2026-12-01T01:00:00+00:00", "outcome": "ok", "seconds": 3725.0,
            "first_day": "2026-11-01", "last_day": "2026-11-30", "days": 30}  # fmt: skip
    assert run_lines({"last": last, "current": current}, now=now) == [
        "last run  2026-12-01 01:00 UTC: 2026-11-01 to 2026-11-30 (30 days), ok in 1h 02m",
        "running   since 2026-12-01 03:58 UTC (2m 30s so far, pid 42): 2026-11-30 (1 day)",
    ]
    # a writer that recorded nothing (the Dagster UI, its schedule) is seen by its lock
    wh = home / "warehouse.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(wh)!r}); "
         "print('ready', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ready"
        time.sleep(0.2)
        assert main(["status", "--json"]) == 0
        s = json.loads(capsys.readouterr().out)
        assert s["lock_holder"] and f"pid {holder.pid}" in s["lock_holder"]
        assert f"running   pid {holder.pid} " in "\n".join(run_lines(s))
    finally:
        holder.kill()
        holder.wait()
