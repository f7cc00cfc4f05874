"""`tracetopics ingest` says at once, one line each, what the run would only say later: a file
whose bytes are landed already (safe: the earlier copy is superseded), and a file that is not
UTF-8 text (landed, and quarantined line by line at the run, as before). Review rv4 L7."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracetopics_pipeline.cli import main

TRACE = b'{"id": "t1", "created": "2026-11-20T10:00:00Z", "input": "hi"}\n'

pytestmark = pytest.mark.usefixtures("in_tmp")  # the root conftest's `home`, run from tmp_path


def ingest(capsys: pytest.CaptureFixture[str], *files: str) -> list[str]:
    assert main(["ingest", *files]) == 0
    return capsys.readouterr().err.splitlines()


def test_the_same_bytes_twice_are_named_as_a_landed_copy(home: Path, capsys) -> None:
    Path("day.jsonl").write_bytes(TRACE)
    Path("resent.jsonl").write_bytes(TRACE)
    Path("other.jsonl").write_bytes(TRACE.replace(b"t1", b"t2"))
    assert ingest(capsys, "day.jsonl") == []
    err = ingest(capsys, "resent.jsonl", "other.jsonl")
    assert len(err) == 1, err
    assert err[0].startswith("note: resent.jsonl has the same bytes as ")
    assert "-day.jsonl, landed already" in err[0] and "duplicate_superseded" in err[0]
    assert "holds no day back" in err[0]
    # two copies in one command: the second is told about the first
    Path("again.jsonl").write_bytes(TRACE.replace(b"t1", b"t3"))
    err = ingest(capsys, "again.jsonl", "again.jsonl")
    assert len(err) == 1 and "-000-again.jsonl, landed already" in err[0], err
    assert len(list((home / "landing").glob("*.jsonl"))) == 5  # every copy landed: nothing lost


def test_a_file_that_is_not_utf8_text_is_landed_with_a_warning(home: Path, capsys) -> None:
    Path("garbage.jsonl").write_bytes(bytes(range(128, 256)) * 20 + b"\n\xff\xfe\x00\n")
    Path("mixed.jsonl").write_bytes(TRACE + b"\xff not text\n" + TRACE.replace(b"t1", b"t2"))
    Path("packed.jsonl").write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff")
    err = ingest(capsys, "garbage.jsonl", "mixed.jsonl", "packed.jsonl")
    assert len(err) == 3, err
    assert err[0].startswith("warning: garbage.jsonl is not UTF-8 text: landed anyway;")
    assert "quarantines its lines as invalid_utf8 (nothing is lost;" in err[0]
    assert err[1].startswith("warning: 1 of mixed.jsonl's 3 lines are not UTF-8 text")
    assert "gzip-compressed" in err[2]
    assert len(list((home / "landing").glob("*.jsonl"))) == 3


def test_a_json_document_with_bad_bytes_is_not_promised_line_by_line(home: Path, capsys) -> None:
    """A .json file is parsed as one document (or an array's items), so one bad byte costs the
    document, not one line: the warning must not say "1 of 14 lines" (review rv5 M3)."""
    doc = b'{\n  "id": "t1",\n  "created": "2026-11-20T10:00:00Z",\n  "input": "caf\xe9"\n}\n'
    Path("one.json").write_bytes(doc)
    (err,) = ingest(capsys, "one.json")
    assert err.startswith("warning: one.json has bytes that are not UTF-8 text on 1 of its 5")
    assert "quarantines the document, the array items, or (an OTLP export) the traces that" in err
    assert "invalid_utf8" not in err  # the run may reject it as invalid_json


def test_a_clean_new_file_gets_no_note(home: Path, capsys) -> None:
    Path("bom.jsonl").write_bytes(b"\xef\xbb\xbf" + TRACE)
    assert ingest(capsys, "bom.jsonl") == []


def test_a_utf16_file_gets_the_iconv_command(home: Path, capsys) -> None:
    """UTF-16 ASCII is valid UTF-8 byte by byte: it was "1 of 6 lines are not UTF-8" and then
    every line was quarantined (review rv6 U2). Now it is named, with the command to fix it."""
    lines = [TRACE.replace(b"t1", f"t{i}".encode()).decode() for i in range(6)]
    Path("export.jsonl").write_bytes("".join(lines).encode("utf-16"))
    (err,) = ingest(capsys, "export.jsonl")
    assert err.startswith("warning: export.jsonl is UTF-16 text")
    assert "iconv -f UTF-16 -t UTF-8 export.jsonl > export-utf8.jsonl" in err
    assert len(list((home / "landing").glob("*.jsonl"))) == 1  # landed: nothing lost


def test_a_utf32_file_gets_the_utf32_iconv_command(home: Path, capsys) -> None:
    """Review rv7 L1: UTF-32 LE's BOM starts with UTF-16 LE's; it was named UTF-16, with an
    `iconv -f UTF-16` that would make garbage."""
    lines = [TRACE.replace(b"t1", f"t{i}".encode()).decode() for i in range(6)]
    Path("wide.jsonl").write_bytes(("\ufeff" + "".join(lines)).encode("utf-32-le"))
    (err,) = ingest(capsys, "wide.jsonl")
    assert err.startswith("warning: wide.jsonl is UTF-32 text")
    assert "iconv -f UTF-32 -t UTF-8 wide.jsonl > wide-utf8.jsonl" in err


def test_joined_boms_and_cr_line_ends_are_clean(home: Path, capsys) -> None:
    Path("joined.jsonl").write_bytes((b"\xef\xbb\xbf" + TRACE) * 2)
    Path("mac.jsonl").write_bytes(TRACE.rstrip(b"\n") + b"\r" + TRACE.replace(b"t1", b"t9")[:-1])
    assert ingest(capsys, "joined.jsonl", "mac.jsonl") == []


def test_a_trace_far_before_the_rest_of_its_file_is_landed_with_a_warning(
    home: Path, capsys
) -> None:
    """A year-old stray `created` among a month of traffic used to land in silence and stretch
    every time axis (review rv9 M5): it is kept (nothing is lost), and `ingest` says so."""
    from datetime import UTC, datetime, timedelta

    today = datetime.now(UTC).date()
    lines = [
        f'{{"id": "t{i}", "created": "{today - timedelta(days=i)}T10:00:00Z", "input": "hi"}}'
        for i in range(10)
    ]
    old = today - timedelta(days=372)
    lines.append(
        f'{{"id": "old", "created": {int(datetime(*old.timetuple()[:3], 9, tzinfo=UTC).timestamp())}, "input": "x"}}'
    )
    Path("month.jsonl").write_text("\n".join(lines) + "\n")
    (err,) = ingest(capsys, "month.jsonl")
    rest = f"({today - timedelta(days=9)} .. {today})"
    assert err.startswith(f"warning: month.jsonl has 1 line dated {old}, 362 days without"), err
    assert rest in err and "landed and kept" in err
    assert f"starts at {today - timedelta(days=9)} and offers to show from {old}" in err
    assert len(list((home / "landing").glob("*.jsonl"))) == 1
    # A pause the page's comparisons could span (28 empty days) is not a stray.
    Path("paused.jsonl").write_text(
        "\n".join(
            lines[:2]
            + [lines[2].replace(str(today - timedelta(days=2)), str(today - timedelta(days=30)))]
        )
        + "\n"
    )
    assert ingest(capsys, "paused.jsonl") == []


def test_the_run_summary_counts_the_traces_far_before_the_rest(home: Path, capsys) -> None:
    """The run's summary says it too, under the quarantine reasons: kept, and where the
    explorer's axis starts (review rv9 M5)."""
    from datetime import UTC, datetime, timedelta

    from tracetopics_pipeline.cli import output
    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.ingest.stage import ingest_days
    from tracetopics_pipeline.core.settings import paths

    today = datetime.now(UTC).date()
    days = [today - timedelta(days=i) for i in range(5)] + [today - timedelta(days=400)] * 2
    Path("f.jsonl").write_text(
        "".join(
            f'{{"id": "t{i}", "created": "{d}T10:00:00Z", "input": "hi"}}\n'
            for i, d in enumerate(days)
        )
    )
    ingest(capsys, "f.jsonl")
    with warehouse.connect(paths().warehouse) as conn:
        ingest_days(conn, paths().landing, sorted(set(days)))
    output.print_summary()
    out = capsys.readouterr().out
    assert (
        f"warning: 2 traces dated {days[-1]}, 395 days without traces before the rest "
        f"({days[4]} .. {today}): kept; the explorer's time axis starts at {days[4]}"
    ) in out, out
