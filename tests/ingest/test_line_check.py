"""`ingest`'s UTF-8 check and the run's parser split a file into lines by one set of rules
(files._line_pieces): the check reads fixed blocks with an incremental decoder, so a file on one
line costs a block, not the line (review rv6 U1); a BOM starts no line's content, a file with
"\r" and no "\n" is split on "\r", and UTF-16 is named (review rv6 U2)."""

from __future__ import annotations

import json
import random
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from tracetopics_pipeline.core.ingest import files
from tracetopics_pipeline.core.ingest.files import parse_file, text_lines

BOM = b"\xef\xbb\xbf"


def trace(i: int) -> bytes:
    obj = {"id": f"t{i}", "created": "2026-11-20T10:00:00Z", "input": "hello", "output": "hi"}
    return json.dumps(obj).encode()


def parsed(path: Path) -> tuple[int, dict[str, int]]:
    res = parse_file(path, today=date(2026, 11, 30))
    reasons: dict[str, int] = {}
    for r in res.rejections:
        reasons[r.reason] = reasons.get(r.reason, 0) + 1
    return len(res.records), reasons


def test_a_file_on_one_line_is_checked_in_blocks(tmp_path: Path) -> None:
    """A 24 MB minified .json array: the old check held the line, then a copy (2x its size)."""
    body = b"[" + b",".join(trace(i) for i in range(300_000)) + b"]"
    path = tmp_path / "big.json"
    path.write_bytes(body)
    del body
    tracemalloc.start()
    try:
        check = text_lines(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert check[:3] == (1, 0, "")
    assert peak < 4 * files.BLOCK, f"peak {peak:,} bytes for a {path.stat().st_size:,}-byte line"


def test_two_boms_cr_line_ends_and_crlf_parse_like_lf(tmp_path: Path) -> None:
    joined = tmp_path / "joined.jsonl"  # `cat a.jsonl b.jsonl` of two BOM'd exports
    joined.write_bytes(BOM + trace(1) + b"\n" + BOM + trace(2) + b"\n" + BOM + trace(3) + b"\n")
    cr = tmp_path / "mac.jsonl"  # old Mac line ends
    cr.write_bytes(b"\r".join(trace(i) for i in range(5)) + b"\r")
    crlf = tmp_path / "win.jsonl"
    crlf.write_bytes(b"\r\n".join(trace(i) for i in range(4)) + b"\r\n\r\n")
    assert parsed(joined) == (3, {}) and text_lines(joined)[:3] == (3, 0, "")
    assert parsed(cr) == (5, {}) and text_lines(cr)[:3] == (5, 0, "")
    assert parsed(crlf) == (4, {}) and text_lines(crlf)[:3] == (4, 0, "")


def test_utf16_is_named_not_counted_as_one_bad_line(tmp_path: Path) -> None:
    text = "\n".join(trace(i).decode() for i in range(6))
    for encoding in ("utf-16", "utf-16-be"):
        (tmp_path / "u16.jsonl").write_bytes(text.encode(encoding))
        assert text_lines(tmp_path / "u16.jsonl").wide == "UTF-16"
    (tmp_path / "nobom.jsonl").write_bytes(text.encode("utf-16-le"))  # NULs on every line
    assert text_lines(tmp_path / "nobom.jsonl").wide == "UTF-16"
    (tmp_path / "fine.jsonl").write_bytes(text.encode())
    assert text_lines(tmp_path / "fine.jsonl").wide == ""


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_is_named_utf32_not_utf16(tmp_path: Path, encoding: str) -> None:
    """Review rv7 L1: the UTF-32 LE BOM (ff fe 00 00) starts with UTF-16's; it was called UTF-16
    and given an iconv command that makes garbage."""
    text = "\n".join(trace(i).decode() for i in range(6))
    bom = "\ufeff" if encoding != "utf-32" else ""  # "utf-32" writes its own BOM
    (tmp_path / "u32.jsonl").write_bytes((bom + text).encode(encoding))
    assert text_lines(tmp_path / "u32.jsonl").wide == "UTF-32"
    (tmp_path / "nobom.jsonl").write_bytes(
        text.encode({"utf-32": "utf-32-le"}.get(encoding, encoding))
    )
    assert text_lines(tmp_path / "nobom.jsonl").wide == "UTF-32"


@pytest.mark.parametrize("seed", range(40))
def test_the_check_in_any_block_size_counts_what_the_parser_counts(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines cut anywhere by a block's end (mid-BOM, mid-character, between "\r" and "\n") are
    counted as the parser, which reads the file whole, splits them."""
    rng = random.Random(seed)
    atoms = [
        b"caf\xc3\xa9", b"\xe2\x82\xac", b"\xf0\x9f\x98\x80", b"\xff", b"\xc3", b"\xed\xa0\x80",
        BOM, b"\r", b"\r\n", b"\n", b" ", b"\t", b"x", b'{"a": 1}', b"\x00",
    ]  # fmt: skip
    sep = rng.choice([b"\n", b"\r\n", b"\r"])
    data = b"".join(rng.choice(atoms + [sep] * 3) for _ in range(rng.randint(0, 120)))
    if sep == b"\r":
        data = data.replace(b"\n", b"")
    path = tmp_path / "f.jsonl"
    path.write_bytes(data)
    expect_lines = expect_bad = 0
    for _, chunk in files._content_lines(data):
        expect_lines += 1
        try:
            chunk.decode("utf-8")
        except UnicodeDecodeError:
            expect_bad += 1
    for block in (1, 2, 3, 5, 8, 1 << 20):
        monkeypatch.setattr(files, "BLOCK", block)
        got = text_lines(path)
        assert (got.lines, got.not_utf8) == (expect_lines, expect_bad), (block, data)
