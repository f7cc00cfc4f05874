"""`tracetopics ingest` of a text file of which no line is a trace (a CSV export, an app log, a
text-only PDF renamed .jsonl, JSON lines that are no trace objects) says so in one line —
that no line of FILE is a trace, where its lines go (the quarantine, and the landed copy),
what format is expected — and exits non-zero; the file is still landed, so the run
quarantines its lines and nothing is lost (review rv13 M4: such a file landed silently and
then held its day back)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tracetopics_pipeline.cli import main
from tracetopics_pipeline.core.ingest.files import parse_file

TRACE = '{"id": "t%d", "created": "2026-11-20T10:00:00Z", "input": "hi", "output": "hello"}\n'

pytestmark = pytest.mark.usefixtures("in_tmp")  # the root conftest's `home`, run from tmp_path

JUNK = {
    "csv": "id,created,text\n1,2026-11-20,refund please\n2,2026-11-20,cancel my plan\n",
    "tsv": "id\tcreated\ttext\n1\t2026-11-20\thello\n",
    "log": "2026-11-20 10:00:01 INFO started\n2026-11-20 10:00:02 WARN slow\n[error] x\n",
    "pdf_text": "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n",
    "markdown": "# Traces\n\n- one\n- two\n",
    "scalars": '1\n"a string"\ntrue\nnull\n',
    "not_traces": '{"name": "x"}\n{"user": "u1", "text": "hi"}\n',
}


def _landed(home: Path) -> list[Path]:
    return sorted(p for p in (home / "landing").glob("*") if not p.name.startswith("."))


@pytest.mark.parametrize("kind", sorted(JUNK))
@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_a_file_with_no_trace_is_said_in_one_line_and_exits_non_zero(
    home: Path, capsys: pytest.CaptureFixture[str], kind: str, suffix: str
) -> None:
    src = Path(f"export{suffix}")
    src.write_text(JUNK[kind])
    rc = main(["ingest", str(src)])
    out, err = capsys.readouterr()
    assert rc != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith(f"error: no line of {src} is a trace"), line
    today = datetime.now(UTC).date().isoformat()
    assert f"tracetopics quarantine --day {today}" in line  # where its lines go
    assert "JSON Lines" in line and '"created"' in line  # what is expected
    assert "Traceback" not in err
    # landed all the same: the run quarantines every line, nothing is lost
    (landed,) = _landed(home)
    assert landed.read_bytes() == src.read_bytes()
    assert landed.name in line
    result = parse_file(landed)
    assert not result.records
    assert len(result.rejections) == len([x for x in JUNK[kind].splitlines() if x.strip()])


def test_a_good_file_beside_a_junk_one_lands_and_the_junk_one_is_named(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("good.jsonl").write_text("".join(TRACE % i for i in range(3)))
    Path("bad.jsonl").write_text(JUNK["csv"])
    rc = main(["ingest", "good.jsonl", "bad.jsonl"])
    out, err = capsys.readouterr()
    assert rc != 0
    assert "no line of bad.jsonl is a trace" in err and "good.jsonl is" not in err
    assert len(_landed(home)) == 2
    assert "landed good.jsonl" in out


def test_a_file_with_one_trace_among_junk_lines_is_no_error(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One trace is a trace file with bad lines: the run quarantines those, as before."""
    Path("mixed.jsonl").write_text(JUNK["csv"] + TRACE % 1)
    assert main(["ingest", "mixed.jsonl"]) == 0
    assert "no line" not in capsys.readouterr().err


def test_the_line_says_when_lines_are_json_but_no_trace(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON objects that are no trace: the line names what they lack, not 'not JSON'."""
    Path("objs.jsonl").write_text(JUNK["not_traces"])
    assert main(["ingest", "objs.jsonl"]) != 0
    err = capsys.readouterr().err
    assert "missing" in err and "none of them JSON" not in err
    Path("log.jsonl").write_text(JUNK["log"])
    assert main(["ingest", "log.jsonl"]) != 0
    assert "none of them JSON" in capsys.readouterr().err


@pytest.mark.parametrize("body", ["[]", " [ \n ]\n", "\ufeff[]"])
def test_an_empty_array_is_said_as_such(
    home: Path, capsys: pytest.CaptureFixture[str], body: str
) -> None:
    """attack19: "[]" was 'its 0 lines, none of them JSON ... the next run quarantines them'."""
    Path("empty.json").write_text(body)
    assert main(["ingest", "empty.json"]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("error: no item of empty.json is a trace"), line
    assert "empty JSON array" in line and "nothing to quarantine" in line, line
    assert "none of them JSON" not in line and "quarantines them" not in line, line


def test_a_json_array_s_items_are_called_items(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A .json array is read item by item, not by lines: the lines say "items" (a JSON Lines
    export under a .json name keeps "lines", above)."""
    import json

    Path("arr.json").write_text(json.dumps([{"user": "u1"}, {"user": "u2"}, 3]))
    assert main(["ingest", "arr.json"]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("error: no item of arr.json is a trace (its 3 items: "), line
    good = [json.loads(TRACE % i) for i in range(2)]
    Path("mostly.json").write_text(json.dumps(good + [{"user": f"u{i}"} for i in range(40)]))
    assert main(["ingest", "mostly.json"]) == 0
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("warning: 40 of mostly.json's 42 items are not traces"), line


@pytest.mark.parametrize(
    "body",
    ["x" * 2_000_000 + "\n", "a,b,c\n" * 3 + "y" * 2_000_000, "  [" + "1," * 1_000_000 + "1]\n"],
    ids=["one junk line", "csv rows and a junk line", "a long array line"],
)
def test_a_long_line_that_cannot_be_a_trace_is_no_trace_all_the_same(
    home: Path, capsys: pytest.CaptureFixture[str], body: str
) -> None:
    """A JSON Lines file whose only 'trace' is a line over TRACETOPICS_MAX_TRACE_BYTES (1 MB)
    that does not open like an object was 'landed unread', exit 0: it gets the one-line
    no-trace error of any other such file."""
    Path("junk.jsonl").write_text(body)
    assert main(["ingest", "junk.jsonl"]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("error: no line of junk.jsonl is a trace ("), line
    assert "landed unread" not in line and "Traceback" not in line
    (landed,) = _landed(home)
    assert landed.stat().st_size == Path("junk.jsonl").stat().st_size


@pytest.mark.parametrize(
    "lines",
    [
        ['{"id": "big", "input": "' + "a" * 2_000_000 + '"}'],  # perhaps a trace: the run reads it
        [TRACE.strip() % 1, "z" * 2_000_000],  # a trace beside the junk line
        ['\ufeff  {"id": "t1", "blob": "' + "b" * 2_000_000 + '"}'],  # BOM and spaces first
    ],
    ids=["a long object", "a trace and a long junk line", "an object after a BOM"],
)
def test_a_long_line_that_may_be_a_trace_is_no_error(
    home: Path, capsys: pytest.CaptureFixture[str], lines: list[str]
) -> None:
    Path("long.jsonl").write_text("\n".join(lines) + "\n")
    assert main(["ingest", "long.jsonl"]) == 0
    err = capsys.readouterr().err
    assert "error" not in err and "note: line" in err, err
