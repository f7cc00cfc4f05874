"""Hostile lines: every one is quarantined with a reason or stored within the size limit, and
the rest of the file and of the day lands. Lines are written as text, the way a producer would
send them (Python's json cannot even write the deepest ones)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from factories.landing import trace_object, write_lines

from tracetopics_pipeline.core.ingest.files import parse_file
from tracetopics_pipeline.core.ingest.landing import file_days
from tracetopics_pipeline.core.ingest.records import RAW_KEEP, REJECTION_REASONS, Rejection
from tracetopics_pipeline.core.ingest.stage import ingest_days

DAY = date(2026, 1, 5)
TODAY = date(2026, 1, 10)
MAX_BYTES = 100_000


def assert_raw_names(rej: Rejection, text: str) -> None:
    """A quarantined line's raw is its text, whole up to RAW_KEEP bytes; a longer one keeps its
    head, its length and SHA-256."""
    data = text.encode()
    if len(data) <= RAW_KEEP:
        assert rej.raw == text and not rej.raw_truncated
    else:
        assert rej.raw.encode() == data[:RAW_KEEP] and rej.raw_bytes == len(data)
        assert rej.raw_sha256 == hashlib.sha256(data).hexdigest()


def _head(trace_id: str) -> str:
    """The start of a trace object, as text: id, created, project, one question."""
    return (
        f'{{"id": "{trace_id}", "created": "{DAY}T10:00:00Z", "project_id": "p", '
        '"input": "How do I export a dashboard?", "output": "Use the export menu."'
    )


def _deep_dict(depth: int) -> str:
    return '{"a": ' * depth + "1" + "}" * depth


def _deep_list(depth: int) -> str:
    return "[" * depth + '"x"' + "]" * depth


def _deep_parts(depth: int) -> str:
    """Message content as parts whose text is itself parts, `depth` times."""
    return '[{"type": "text", "text": ' * depth + '"hi"' + "}]" * depth


def hostile_lines() -> dict[str, tuple[str, str | None]]:
    """name → (line text, expected rejection reason; None: stored, truncated to fit)."""
    lines: dict[str, tuple[str, str | None]] = {}
    for depth in (255, 256, 600, 1023):
        lines[f"metadata_depth_{depth}"] = (
            _head(f"md{depth}") + f', "metadata": {_deep_dict(depth)}}}',
            "too_deep",
        )
        lines[f"tool_calls_depth_{depth}"] = (
            _head(f"tc{depth}") + ', "messages": [{"role": "user", "content": "hi"}, '
            '{"role": "assistant", "content": "ok", "tool_calls": [{"id": "c", "function": '
            f'{{"name": "f", "arguments": {_deep_list(depth)}}}}}]}}]}}',
            "too_deep",
        )
        lines[f"content_parts_depth_{depth}"] = (
            _head(f"cp{depth}") + f', "messages": [{{"role": "user", "content": '
            f"{_deep_parts(depth)}}}]}}",
            "too_deep",
        )
    for name, value in {
        "tokens_2_63": 2**63,
        "tokens_2_64_minus_1": 2**64 - 1,
        "tokens_minus_1e19": "-1e19",
        "tokens_1e30": "1e30",
    }.items():
        lines[f"metric_{name}"] = (
            _head(f"m-{name}") + f', "metrics": {{"prompt_tokens": {value}}}}}',
            "number_out_of_range",
        )
    for literal in ("NaN", "Infinity", "-Infinity"):
        lines[f"literal_{literal}"] = (
            _head(f"nan-{literal}") + f', "metrics": {{"latency_s": {literal}}}}}',
            "invalid_json",
        )
    lines["huge_id"] = (_head("i" * 2_000_000) + "}", "id_too_long")
    lines["huge_session_id"] = (_head("sid") + f', "session_id": "{"s" * 300}"}}', "id_too_long")
    lines["huge_project_id"] = (
        _head("pid").replace('"project_id": "p"', f'"project_id": "{"p" * 100_000}"') + "}",
        "id_too_long",
    )
    lines["huge_int_metadata"] = (
        _head("bigmeta") + f', "metadata": {{"n": {2**64 - 1}, "m": -{2**63}}}}}',
        None,
    )
    many = ", ".join('{"role": "user", "content": "hi"}' for _ in range(200_000))
    lines["messages_200k"] = (_head("many") + f', "messages": [{many}]}}', None)
    lines["metric_2mb_string"] = (
        _head("blob") + f', "metrics": {{"debug": "{"b" * 2_000_000}", "total_tokens": 3}}}}',
        None,
    )
    lines["metadata_2mb_key"] = (_head("key") + f', "metadata": {{"{"k" * 2_000_000}": 1}}}}', None)
    lines["metadata_200k_keys"] = (
        _head("keys")
        + ', "metadata": {'
        + ", ".join(f'"k{i}": {i}' for i in range(200_000))
        + "}}",
        None,
    )
    lines["nul_and_controls"] = (_head("nul") + ', "metadata": {"x": "a\\u0000b\\u0007"}}', None)
    return lines


HOSTILE = hostile_lines()


def _good(n: int) -> list[str]:
    return [json.dumps(trace_object(f"good-{i}", DAY)) for i in range(n)]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_line_is_quarantined_or_bounded_and_the_rest_lands(
    tmp_path: Path, name: str
) -> None:
    text, reason = HOSTILE[name]
    path = write_lines(tmp_path / "a.jsonl", [*_good(2), text, *_good(2)[::-1]])
    res = parse_file(path, max_trace_bytes=MAX_BYTES, today=TODAY)
    assert res.lines == 5
    if reason is None:
        assert res.rejections == [] and len(res.records) == 5
        (rec,) = [r for r in res.records if not r.id.startswith("good-")]
        if len(text) > MAX_BYTES:
            assert rec.truncated
        assert len(rec.to_json().encode()) <= MAX_BYTES
    else:
        assert sorted(r.id for r in res.records) == ["good-0", "good-0", "good-1", "good-1"]
        (rej,) = res.rejections
        assert rej.reason == reason and reason in REJECTION_REASONS
        assert rej.line == 3
        assert_raw_names(rej, text)
        # on its own day when it parses; else on the file's day (test_the_day_lands_...)
        assert rej.created_day in (DAY, None)


def test_a_json_array_of_hostile_objects_keeps_every_good_item(tmp_path: Path) -> None:
    """A .json array with every hostile object between good ones: nothing stops the file or the
    landing index (which `tracetopics run` reads before Dagster starts)."""
    items = [t for t, _ in HOSTILE.values()]
    goods = _good(len(items) + 1)
    body = (
        "[\n"
        + ",\n".join(x for pair in zip(goods[:-1], items, strict=True) for x in pair)
        + f",\n{goods[-1]}]"
    )
    path = tmp_path / "landing" / "hostile.json"
    path.parent.mkdir()
    path.write_text(body)
    assert file_days(path, today=TODAY) == {DAY}
    res = parse_file(path, max_trace_bytes=MAX_BYTES, today=TODAY)
    assert res.lines == 2 * len(items) + 1
    assert sum(r.id.startswith("good-") for r in res.records) == len(goods)
    want = {name: reason for name, (_, reason) in HOSTILE.items()}
    got = sorted(r.reason for r in res.rejections)
    assert got == sorted(r for r in want.values() if r is not None)
    # The raw of a rejected item is its own text (its head when long), even when too deep to
    # re-serialize.
    by_line = {r.line: r for r in res.rejections}
    for i, (text, reason) in enumerate(HOSTILE.values()):
        if reason is not None:
            assert_raw_names(by_line[2 * i + 2], text)


def test_a_well_formed_json_array_with_a_deep_item(tmp_path: Path) -> None:
    """An array that parses whole (depth within orjson's limit) but holds a too-deep item."""
    deep = HOSTILE["metadata_depth_600"][0]
    path = write_lines(tmp_path / "a.json", [f"[{_good(1)[0]}, {deep}]"])
    res = parse_file(path, today=TODAY)
    assert [r.id for r in res.records] == ["good-0"]
    assert [(r.line, r.reason, r.raw) for r in res.rejections] == [(2, "too_deep", deep)]


def test_the_day_lands_around_every_hostile_line(tmp_path: Path, conn) -> None:
    """Through the ingest stage into the warehouse: every line in exactly one table, every
    stored trace within TRACETOPICS_MAX_TRACE_BYTES counting every stored column."""
    landing = tmp_path / "landing"
    lines = [
        x
        for name in sorted(HOSTILE)
        for x in (_good(1)[0].replace("good-0", name), HOSTILE[name][0])
    ]
    write_lines(landing / "hostile.jsonl", lines)
    stats = ingest_days(conn, landing, [DAY], max_trace_bytes=MAX_BYTES, today=TODAY)
    n_bad = sum(1 for _, r in HOSTILE.values() if r is not None)
    n_kept = len(HOSTILE) - n_bad
    assert stats.traces_written == len(HOSTILE) + n_kept
    assert sum(stats.quarantined_by_reason.values()) == n_bad
    reasons = dict(conn.execute("SELECT reason, count(*) FROM quarantine GROUP BY 1").fetchall())
    assert reasons == {
        r: sum(1 for _, x in HOSTILE.values() if x == r)
        for r in {x for _, x in HOSTILE.values() if x}
    }
    stored = conn.execute(
        """SELECT id, truncated, strlen(id) + strlen(project_id)
                  + coalesce(strlen(session_id), 0) + strlen(messages::VARCHAR)
                  + strlen(metadata::VARCHAR) + coalesce(strlen(metrics_raw::VARCHAR), 0)
                  + coalesce(strlen(input::VARCHAR), 0)
                  + coalesce(strlen(output::VARCHAR), 0)
           FROM raw_traces"""
    ).fetchall()
    assert len(stored) == stats.traces_written
    assert max(size for _, _, size in stored) <= MAX_BYTES
    assert {i for i, t, _ in stored if t} >= {"many", "blob", "key", "keys"}


def test_stored_size_counts_input_and_output_inside_messages(tmp_path: Path) -> None:
    """A line under the limit whose input and output are also stored as messages: the stored
    form is about twice the line, and it is what must fit."""
    text = "y" * 30_000
    line = json.dumps(trace_object("twice", DAY, text=text, output=text))
    assert len(line) < 80_000
    rec = parse_file(write_lines(tmp_path / "a.jsonl", [line]), max_trace_bytes=80_000).records[0]
    assert rec.truncated and len(rec.to_json().encode()) <= 80_000
    assert rec.size_bytes == len(line)  # the original size


def test_max_trace_bytes_has_a_floor() -> None:
    from tracetopics_pipeline.core.settings import ConfigError, Settings

    with pytest.raises(ConfigError, match="TRACETOPICS_MAX_TRACE_BYTES"):
        Settings.from_env({"TRACETOPICS_MAX_TRACE_BYTES": "1000"})


def test_a_line_of_tiny_strings_is_measured_as_stored(tmp_path: Path) -> None:
    """9,000 one-letter inputs: a 45 kB line, but each becomes a message object kept twice
    (input and messages), so the stored form is over ten times the line."""
    line = json.dumps(trace_object("tiny", DAY, text=["a"] * 9_000, output=...))
    assert len(line) < MAX_BYTES // 2
    rec = parse_file(write_lines(tmp_path / "a.jsonl", [line]), max_trace_bytes=MAX_BYTES).records[
        0
    ]
    assert rec.truncated and len(rec.to_json().encode()) <= MAX_BYTES
