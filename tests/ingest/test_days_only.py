"""`parse_file(days_only=True)` (what `tracetopics ingest` reads to fill the landing index, line by
line in blocks, keeping nothing but days) counts the days the run's whole-file parse counts, for
every kind of line: traces of many days, broken lines that state a day, bytes that are not
UTF-8, OTLP spans, BOMs, CR line ends, lines cut anywhere by a block's end (review rv12 L5)."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest

from tracetopics_pipeline.core.ingest import files
from tracetopics_pipeline.core.ingest.files import DayCount, parse_file
from tracetopics_pipeline.core.ingest.landing import FileSummary

TODAY = date(2026, 11, 30)


def _lines(rng: random.Random) -> list[bytes]:
    out = []
    for i in range(rng.randint(0, 40)):
        day = f"2026-11-{rng.randint(1, 29):02d}"
        obj = {"id": f"t{i}", "created": f"{day}T10:00:00Z", "input": "x" * rng.randint(0, 300)}
        kind = rng.randrange(9)
        line = json.dumps(obj).encode()
        if kind == 1:
            line = line[: rng.randint(1, len(line))]  # cut off: invalid_json, maybe dated
        elif kind == 2:
            line = line.replace(b'"x', b'"caf\xe9 x')  # not UTF-8
        elif kind == 3:
            line = b"\xef\xbb\xbf" + line
        elif kind == 4:
            line = json.dumps({**obj, "created": "1999-01-01T00:00:00Z"}).encode()
        elif kind == 5:
            span = {
                "traceId": f"tr{rng.randint(0, 3)}",
                "spanId": f"s{i}",
                "name": "chat",
                "startTimeUnixNano": str(1764000000 + rng.randint(0, 9) * 86400) + "0" * 9,
                "attributes": [{"key": "gen_ai.prompt", "value": {"stringValue": "hi"}}],
            }
            doc = {"resourceSpans": [{"scopeSpans": [{"spans": [span]}]}]}
            line = json.dumps(doc).encode()
        elif kind == 6:
            line = b"   "
        elif kind == 7:
            line = json.dumps([obj]).encode()  # not an object
        out.append(line)
    return out


@pytest.mark.parametrize("seed", range(30))
def test_days_only_counts_what_the_whole_parse_counts(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    sep = rng.choice([b"\n", b"\r\n", b"\r"])
    path = tmp_path / "f.jsonl"
    path.write_bytes(sep.join(_lines(rng)) + rng.choice([b"", sep]))
    whole = FileSummary.of(parse_file(path, today=TODAY), 1, 1)
    for block in (7, 64, 1 << 20):
        monkeypatch.setattr(files, "BLOCK", block)
        counted = parse_file(path, today=TODAY, days_only=True)
        assert isinstance(counted.records, DayCount) and len(counted.records) == 0
        got = FileSummary.of(counted, 1, 1)
        assert (got.days, got.undated) == (whole.days, whole.undated), block
