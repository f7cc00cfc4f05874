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
    assert f"home      {home}" in out and "landing   0 files" in out
    assert "none landed yet: tracetopics ingest FILE, then tracetopics run" in out
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["traces"] == 0
