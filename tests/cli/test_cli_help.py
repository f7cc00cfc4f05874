"""`tracetopics <command> --help` gives one sentence on what the command does and an example
for every subcommand, and every example is a command line the parser accepts."""

from __future__ import annotations

import argparse
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
