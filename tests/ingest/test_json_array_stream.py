"""A .json file holding an array of traces is read item by item in blocks, never whole (a 200 MB
array held its bytes, orjson's tree of them and the records at once); an item longer than a
line is read to is quarantined unread as `line_too_long`, with its head, length and SHA-256;
another .json document longer than that is read as JSON Lines when its first line is a
document, else quarantined unread in one row."""

from __future__ import annotations

import hashlib
import json
import random
from datetime import date
from pathlib import Path

import pytest

from tracetopics_pipeline.core.ingest import files
from tracetopics_pipeline.core.ingest.files import array_items, parse_file

TODAY = date(2026, 12, 2)


def trace(i: int, text: str = "hi") -> dict:
    return {"id": f"t{i}", "created": "2026-11-20T10:00:00Z", "input": text, "output": "ok"}


@pytest.fixture
def no_whole_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A .json file read whole fails the test."""

    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self.name} was read whole")

    monkeypatch.setattr(Path, "read_bytes", refuse)


def test_an_array_is_not_read_whole(tmp_path: Path, no_whole_read: None) -> None:
    path = tmp_path / "a.json"
    with open(path, "w") as fh:  # past the read-whole limit asked for below
        json.dump([trace(i, 'x ] , [ { " ' * 20) for i in range(300)], fh, indent=1)
    result = parse_file(path, today=TODAY, max_line_bytes=4096)
    assert [r.id for r in result.records] == [f"t{i}" for i in range(300)]
    assert [r.source_line for r in result.records] == list(range(1, 301))
    assert not result.rejections and result.lines == 300


def test_a_long_item_is_quarantined_unread_and_the_rest_lands(tmp_path: Path) -> None:
    big = json.dumps(trace(1, "a" * 50_000)).encode()
    path = tmp_path / "a.json"
    path.write_bytes(b"[" + json.dumps(trace(0)).encode() + b",\n " + big + b", "
                     + json.dumps(trace(2)).encode() + b"]")  # fmt: skip
    result = parse_file(path, today=TODAY, max_line_bytes=10_000)
    assert [r.id for r in result.records] == ["t0", "t2"]
    (rej,) = result.rejections
    assert (rej.line, rej.reason, rej.created_day) == (2, "line_too_long", date(2026, 11, 20))
    assert rej.raw_bytes == len(big) and rej.raw_sha256 == hashlib.sha256(big).hexdigest()
    assert "array item" in rej.detail


def test_a_long_document_that_is_no_array_is_one_row(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    doc = json.dumps({"resourceSpans": [{"x": "a" * 20_000}]}, indent=2).encode()
    path.write_bytes(doc)
    result = parse_file(path, today=TODAY, max_line_bytes=5_000)
    assert not result.records and result.lines == 1
    (rej,) = result.rejections
    assert rej.reason == "line_too_long" and rej.raw_bytes == len(doc)
    assert rej.raw_sha256 == hashlib.sha256(doc).hexdigest()


def test_long_json_lines_under_a_json_name_are_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("".join(json.dumps(trace(i, "b" * 100)) + "\n" for i in range(100)))
    result = parse_file(path, today=TODAY, max_line_bytes=1_000)
    assert len(result.records) == 100 and not result.rejections


@pytest.mark.parametrize("block", [2, 3, 5, 64])
def test_the_stream_splits_as_the_whole_array_is_split(block: int) -> None:
    rng = random.Random(block)

    def value(depth: int = 0) -> str:
        r = rng.random()
        if depth > 3 or r < 0.3:
            return rng.choice(['"a,b"', '"q\\"]"', "1", "null", '"\\\\"', '"[{"', '"é,"'])
        if r < 0.6:
            return "[" + ",".join(value(depth + 1) for _ in range(rng.randint(0, 3))) + "]"
        return "{" + ",".join(f'"k{i}":' + value(depth + 1) for i in range(rng.randint(0, 3))) + "}"

    for _ in range(200):
        doc = (" [" + ", ".join(value() for _ in range(rng.randint(0, 5))) + "]\n").encode()
        if rng.random() < 0.3:
            doc = doc[: rng.randint(2, len(doc))]  # cut off
        blocks = [doc[i : i + block] for i in range(0, len(doc), block)]
        assert list(files._array_stream(blocks, 1 << 20)) == array_items(doc), doc


@pytest.mark.parametrize(
    ("tail", "reason"),
    [
        (
            b"\n" + json.dumps([trace(2)]).encode() + b"\n",
            "not_an_object",
        ),  # two arrays concatenated
        (b"\n2026-12-02 10:00:01 export finished\n", "invalid_json"),  # a log line appended
        (b",", "invalid_json"),  # a stray comma after the end
    ],
)
def test_bytes_after_the_array_are_quarantined_not_lost(
    tmp_path: Path, tail: bytes, reason: str
) -> None:
    """attack19: what followed an array's closing bracket vanished (no record, no rejection)."""
    path = tmp_path / "a.json"
    path.write_bytes(json.dumps([trace(0), trace(1)]).encode() + tail)
    result = parse_file(path, today=TODAY)
    assert [r.id for r in result.records] == ["t0", "t1"]
    (rej,) = result.rejections
    assert (rej.line, rej.reason) == (3, reason)
    assert rej.raw.strip() == tail.decode().strip()
    assert result.lines == 3


def test_bytes_after_the_array_are_one_item_in_any_blocks() -> None:
    doc = b'[{"a": 1}] \n [{"b": 2}]\n'
    for block in (1, 2, 3, 7, 64):
        blocks = [doc[i : i + block] for i in range(0, len(doc), block)]
        assert list(files._array_stream(blocks, 1 << 20)) == [b'{"a": 1}', b'[{"b": 2}]'], block
