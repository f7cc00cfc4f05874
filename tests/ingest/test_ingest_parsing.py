"""Trace parsing: every accepted format, every rejection reason, truncation."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from factories.landing import write_lines

from tracetopics_pipeline.core.ingest.files import parse_file
from tracetopics_pipeline.core.ingest.records import REJECTION_REASONS, ParseResult

TODAY = date(2026, 1, 10)


def parse(path: Path, **kw: Any) -> ParseResult:
    kw.setdefault("today", TODAY)
    return parse_file(path, **kw)


def full_trace(**over: Any) -> dict[str, Any]:
    """A trace object with every field of the input contract; `...` leaves a field out."""
    base = {
        "id": "t-1",
        "created": "2026-01-05T10:31:00Z",
        "project_id": "support-agent",
        "session_id": "s-42",
        "input": [{"role": "user", "content": "How do I export a dashboard to CSV?"}],
        "output": [{"role": "assistant", "content": "Use the export menu."}],
        "metadata": {"customer": "acme", "plan_tier": "enterprise"},
        "metrics": {
            "prompt_tokens": 812,
            "completion_tokens": 144,
            "total_tokens": 956,
            "latency_s": 2.4,
            "cost_usd": 0.0031,
        },
    }
    base.update(over)
    return {k: v for k, v in base.items() if v is not ...}


# --------------------------------------------------------------------------- JSONL


def test_jsonl_message_lists(tmp_path: Path) -> None:
    res = parse(write_lines(tmp_path / "a.jsonl", [full_trace()]))
    assert res.rejections == [] and res.lines == 1
    rec = res.records[0]
    assert rec.id == "t-1" and rec.project_id == "support-agent" and rec.session_id == "s-42"
    assert rec.created == datetime(2026, 1, 5, 10, 31, tzinfo=UTC)
    assert [m["role"] for m in rec.messages] == ["user", "assistant"]
    assert rec.messages[0]["content"] == "How do I export a dashboard to CSV?"
    assert rec.metrics["total_tokens"] == 956 and rec.metrics["cost_usd"] == 0.0031
    assert rec.metadata == {"customer": "acme", "plan_tier": "enterprise"}
    assert (rec.source_file, rec.source_line) == ("a.jsonl", 1)
    assert not rec.truncated and rec.size_bytes > 100


def test_jsonl_plain_strings_and_offsets(tmp_path: Path) -> None:
    t = full_trace(
        input="Cancel my plan",
        output="Done.",
        created="2026-01-05T23:30:00-02:00",
        project_id=...,
        session_id=7,
        metrics=...,
        metadata=...,
    )
    rec = parse(write_lines(tmp_path / "a.ndjson", [t])).records[0]
    assert rec.input == [{"role": "user", "content": "Cancel my plan"}]
    assert rec.output == [{"role": "assistant", "content": "Done."}]
    assert rec.messages == rec.input + rec.output
    assert rec.created == datetime(2026, 1, 6, 1, 30, tzinfo=UTC)  # UTC day, not local day
    assert rec.project_id == "default" and rec.session_id == "7"
    assert rec.metadata == {} and rec.metrics == {}


@pytest.mark.parametrize(
    ("created", "expected"),
    [
        (1767609000, datetime(2026, 1, 5, 10, 30, tzinfo=UTC)),
        (1767609000123, datetime(2026, 1, 5, 10, 30, 0, 123000, tzinfo=UTC)),
        ("2026-01-05 10:30:00", datetime(2026, 1, 5, 10, 30, tzinfo=UTC)),
        ("2026-01-05T10:30:00.5+00:00", datetime(2026, 1, 5, 10, 30, 0, 500000, tzinfo=UTC)),
    ],
)
def test_timestamp_forms(tmp_path: Path, created: Any, expected: datetime) -> None:
    rec = parse(write_lines(tmp_path / "a.jsonl", [full_trace(created=created)])).records[0]
    assert rec.created == expected


def test_full_messages_with_tool_calls(tmp_path: Path) -> None:
    messages = [
        {"role": "system", "content": "You are a support agent."},
        {"role": "user", "content": [{"type": "text", "text": "Refund order 7"}]},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "c1",
                    "type": "function",
                    "function": {"name": "refund", "arguments": '{"order": 7}'},
                }
            ],
        },
        {
            "role": "tool",
            "tool_call_id": "c1",
            "name": "refund",
            "content": "Error: order not found",
        },
        {"role": "assistant", "content": "I could not find that order.", "extra": "dropped"},
    ]
    rec = parse(write_lines(tmp_path / "a.jsonl", [full_trace(messages=messages)])).records[0]
    assert [m["role"] for m in rec.messages] == ["system", "user", "assistant", "tool", "assistant"]
    assert rec.messages[1]["content"] == "Refund order 7"  # parts flattened
    assert rec.messages[2]["tool_calls"][0]["function"]["name"] == "refund"
    assert rec.messages[3] == {
        "role": "tool",
        "content": "Error: order not found",
        "tool_call_id": "c1",
        "name": "refund",
    }
    assert "extra" not in rec.messages[4]
    assert rec.input[0]["content"].startswith("How do I export")  # input/output kept as given


def test_blank_lines_are_not_records(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(
        b"\n"
        + json.dumps(full_trace()).encode()
        + b"\r\n   \n\n"
        + json.dumps(full_trace(id="t-2")).encode()
    )
    res = parse(path)
    assert res.lines == 2 and res.rejections == []
    assert [r.source_line for r in res.records] == [2, 5]


def test_json_array_and_single_object_files(tmp_path: Path) -> None:
    (tmp_path / "arr.json").write_text(
        json.dumps([full_trace(id="a"), full_trace(id="b"), 5], indent=2)
    )
    res = parse(tmp_path / "arr.json")
    assert [r.id for r in res.records] == ["a", "b"]
    assert [(r.reason, r.line) for r in res.rejections] == [("not_an_object", 3)]
    (tmp_path / "one.json").write_text(json.dumps(full_trace(id="solo"), indent=2))
    assert [r.id for r in parse(tmp_path / "one.json").records] == ["solo"]


# --------------------------------------------------------------------------- rejections


def bad_lines() -> list[tuple[Any, str, str]]:
    """(line, reason, expected text in detail) — one or more per rejection reason."""
    return [
        ('{"id": "x", "created": ', "invalid_json", ""),
        ("[1, 2]", "not_an_object", "list"),
        ('"just a string"', "not_an_object", "str"),
        (b'{"id": "u", "created": "2026-01-05T00:00:00Z", "input": "caf\xe9"}', "invalid_utf8", ""),
        (full_trace(id=...), "missing_id", "id"),
        (full_trace(id="  "), "missing_id", "id"),
        (full_trace(created=...), "missing_created", "created"),
        (full_trace(created="yesterday-ish"), "bad_timestamp", "yesterday-ish"),
        (full_trace(created=[2026, 1, 5]), "wrong_type", "created"),
        (full_trace(id={"a": 1}), "wrong_type", "id"),
        (full_trace(metadata=["acme"]), "wrong_type", "metadata"),
        (full_trace(metrics={"prompt_tokens": "many"}), "wrong_type", "metrics.prompt_tokens"),
        (full_trace(input=42), "wrong_type", "input"),
        (
            full_trace(messages=[{"role": "user", "content": 3}]),
            "wrong_type",
            "messages[0].content",
        ),
        (full_trace(project_id=12), "wrong_type", "project_id"),
        (
            full_trace(input="", output=[{"role": "assistant", "content": "  "}]),
            "empty_conversation",
            "",
        ),
        (full_trace(input=..., output=...), "empty_conversation", ""),
        (full_trace(created="2999-01-01T00:00:00Z"), "created_out_of_range", "after tomorrow"),
        (full_trace(id="nl\nid"), "id_control_char", "id holds '\\n'"),
        (full_trace(session_id="s\x00"), "id_control_char", "session_id holds"),
        (full_trace(created="0001-01-01T00:00:00Z"), "created_out_of_range", "before 2000-01-01"),
        (full_trace(created=0), "created_out_of_range", "created 1970-01-01 is before 2000"),
        (full_trace(created="1999-12-31T23:59:59Z"), "created_out_of_range", "TRACETOPICS_START"),
    ]


@pytest.mark.parametrize(("line", "reason", "detail"), bad_lines())
def test_each_rejection_reason(tmp_path: Path, line: Any, reason: str, detail: str) -> None:
    res = parse(write_lines(tmp_path / "a.jsonl", [line]))
    assert res.records == [] and res.lines == 1
    (rej,) = res.rejections
    assert rej.reason == reason and reason in REJECTION_REASONS
    assert detail in rej.detail
    assert (rej.file, rej.line) == ("a.jsonl", 1)
    assert rej.raw  # the raw text is always kept


def test_invalid_utf8_keeps_raw_with_escapes(tmp_path: Path) -> None:
    res = parse(write_lines(tmp_path / "a.jsonl", [b'{"id": "caf\xe9"}']))
    assert res.rejections[0].raw == '{"id": "caf\\xe9"}'


def test_created_before_start_date(tmp_path: Path) -> None:
    res = parse(write_lines(tmp_path / "a.jsonl", [full_trace()]), start_date=date(2026, 1, 6))
    assert res.rejections[0].reason == "created_out_of_range"
    assert res.rejections[0].created_day == date(2026, 1, 5)
    assert parse(
        write_lines(tmp_path / "b.jsonl", [full_trace(created="2026-01-11T23:00:00Z")])
    ).records


def test_a_start_date_lets_older_history_in(tmp_path: Path) -> None:
    old = full_trace(created="1998-06-01T10:00:00Z")
    assert parse(write_lines(tmp_path / "a.jsonl", [old]), start_date=date(1998, 1, 1)).records


def test_dated_rejections_know_their_day(tmp_path: Path) -> None:
    res = parse(write_lines(tmp_path / "a.jsonl", [full_trace(id=...), "nope"]))
    assert [r.created_day for r in res.rejections] == [date(2026, 1, 5), None]


def test_corrupt_parquet_is_one_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"PAR1 this is not really parquet")
    res = parse(path)
    assert res.records == [] and [r.reason for r in res.rejections] == ["unreadable_file"]


# --------------------------------------------------------------------------- truncation


def test_oversized_trace_is_truncated_not_rejected(tmp_path: Path) -> None:
    big = "A" * 30_000 + "MIDDLE" + "Z" * 30_000
    res = parse(write_lines(tmp_path / "a.jsonl", [full_trace(input=big)]), max_trace_bytes=20_000)
    assert res.rejections == []
    rec = res.records[0]
    assert rec.truncated and rec.size_bytes > 60_000  # size is the original size
    assert len(rec.to_json().encode()) <= 20_000
    content = rec.messages[0]["content"]
    assert content.startswith("AAAA") and content.endswith("ZZZZ") and "MIDDLE" not in content
    assert "truncated" in content
    assert (
        len(content) > 8_000
    )  # cut just enough (input and messages both hold it): cap is searched
    assert rec.messages[1]["content"] == "Use the export menu."  # short turns untouched


# --------------------------------------------------------------------------- Parquet


def test_parquet_nested_columns(tmp_path: Path) -> None:
    rows = [
        full_trace(id="p1", created=datetime(2026, 1, 5, 8, tzinfo=UTC)),
        full_trace(
            id="p2",
            created=datetime(2026, 1, 5, 9, tzinfo=UTC),
            metadata={"customer": "zen"},
            input=[{"role": "user", "content": "plain"}],
        ),
    ]
    rows[1]["metrics"] = {"prompt_tokens": 5}
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "t.parquet")
    res = parse(tmp_path / "t.parquet")
    assert res.rejections == [] and res.lines == 2
    p1, p2 = res.records
    assert p1.created == datetime(2026, 1, 5, 8, tzinfo=UTC) and p1.messages[0]["role"] == "user"
    assert p2.input == [{"role": "user", "content": "plain"}]
    # struct columns unify keys across rows; absent keys must not come back as nulls
    assert p2.metadata == {"customer": "zen"} and p2.metrics == {"prompt_tokens": 5}
    assert (p2.source_file, p2.source_line) == ("t.parquet", 2)


def test_parquet_json_string_columns(tmp_path: Path) -> None:
    rows = [
        {
            k: (json.dumps(v) if k in ("input", "output", "metadata", "metrics") else v)
            for k, v in full_trace().items()
        },
        {
            "id": "p2",
            "created": "2026-01-05T09:00:00Z",
            "input": "How much is Pro?",
            "output": "$20",
            "metadata": "{not json",
            "metrics": None,
        },
        {
            "id": None,
            "created": "2026-01-05T09:00:00Z",
            "input": "hi",
            "output": "x",
            "metadata": None,
            "metrics": None,
        },
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "s.parquet")
    res = parse(tmp_path / "s.parquet")
    assert [r.id for r in res.records] == ["t-1"]
    assert (
        res.records[0].metadata["customer"] == "acme"
        and res.records[0].metrics["total_tokens"] == 956
    )
    assert [(r.reason, r.line) for r in res.rejections] == [("wrong_type", 2), ("missing_id", 3)]
    assert "metadata" in res.rejections[0].detail and "p2" in res.rejections[0].raw


# --------------------------------------------------------------------------- OTLP


def kv(key: str, value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"key": key, "value": {"boolValue": value}}
    if isinstance(value, int):
        return {"key": key, "value": {"intValue": str(value)}}
    if isinstance(value, float):
        return {"key": key, "value": {"doubleValue": value}}
    return {"key": key, "value": {"stringValue": value}}


def span(
    trace_id: str,
    span_id: str,
    start_s: float,
    end_s: float,
    attrs: dict[str, Any],
    parent: str = "",
    name: str = "chat",
    events: list | None = None,
    status: dict | None = None,
) -> dict[str, Any]:
    t0 = 1767600000  # 2026-01-05T08:00:00Z
    return {
        "traceId": trace_id,
        "spanId": span_id,
        "parentSpanId": parent,
        "name": name,
        "startTimeUnixNano": str(int((t0 + start_s) * 1e9)),
        "endTimeUnixNano": str(int((t0 + end_s) * 1e9)),
        "attributes": [kv(k, v) for k, v in attrs.items()],
        "events": events or [],
        "status": status or {},
    }


def export(spans: list[dict[str, Any]], service: str = "support-agent") -> dict[str, Any]:
    return {
        "resourceSpans": [
            {
                "resource": {
                    "attributes": [
                        kv("service.name", service),
                        kv("deployment.environment", "prod"),
                    ]
                },
                "scopeSpans": [{"scope": {"name": "openllmetry"}, "spans": spans}],
            }
        ]
    }


def test_otlp_old_style_attributes_and_tool_errors(tmp_path: Path) -> None:
    tid = "5b8aa5a2d2c872e8321cf37308d69df2"
    root = span(tid, "r", 0, 9, {"session.id": "sess-1", "customer": "acme"}, name="invoke_agent")
    chat1 = span(
        tid,
        "c1",
        1,
        3,
        {
            "gen_ai.operation.name": "chat",
            "gen_ai.request.model": "gpt-4o",
            "gen_ai.prompt.0.role": "system",
            "gen_ai.prompt.0.content": "Be helpful.",
            "gen_ai.prompt.1.role": "user",
            "gen_ai.prompt.1.content": "Refund order 7",
            "gen_ai.completion.0.role": "assistant",
            "gen_ai.completion.0.tool_calls.0.id": "call-1",
            "gen_ai.completion.0.tool_calls.0.name": "refund",
            "gen_ai.completion.0.tool_calls.0.arguments": '{"order": 7}',
            "gen_ai.usage.input_tokens": 100,
            "gen_ai.usage.output_tokens": 20,
        },
        parent="r",
    )
    tool = span(
        tid,
        "t1",
        3,
        4,
        {
            "gen_ai.operation.name": "execute_tool",
            "gen_ai.tool.name": "refund",
            "gen_ai.tool.call.id": "call-1",
        },
        parent="r",
        name="execute_tool refund",
        status={"code": 2, "message": "order 7 not found"},
    )
    chat2 = span(
        tid,
        "c2",
        5,
        8,
        {
            "gen_ai.prompt.0.role": "system",
            "gen_ai.prompt.0.content": "Be helpful.",
            "gen_ai.prompt.1.role": "user",
            "gen_ai.prompt.1.content": "Refund order 7",
            "gen_ai.completion.0.role": "assistant",
            "gen_ai.completion.0.content": "Sorry, I cannot find order 7. Escalating to a human.",
            "gen_ai.usage.input_tokens": 150,
            "gen_ai.usage.output_tokens": 30,
        },
        parent="r",
    )
    # Spans of one trace split over two lines (two export batches), plus a second trace.
    other = span(
        "ffff",
        "o1",
        100,
        101,
        {
            "gen_ai.prompt.0.role": "user",
            "gen_ai.prompt.0.content": "hi",
            "gen_ai.completion.0.content": "hello",
        },
    )
    path = write_lines(
        tmp_path / "otel.jsonl", [export([chat2, tool]), export([root, chat1, other])]
    )
    res = parse(path)
    assert res.rejections == [] and res.lines == 2
    rec = {r.id: r for r in res.records}[tid]
    assert rec.project_id == "support-agent" and rec.session_id == "sess-1"
    assert rec.created == datetime(2026, 1, 5, 8, 0, tzinfo=UTC) and rec.source_line == 1
    roles = [m["role"] for m in rec.messages]
    assert roles == ["system", "user", "assistant", "tool", "assistant"], rec.messages
    call = rec.messages[2]["tool_calls"][0]
    assert call["id"] == "call-1" and call["function"] == {
        "name": "refund",
        "arguments": '{"order": 7}',
    }
    assert (
        rec.messages[3]["tool_call_id"] == "call-1"
        and "order 7 not found" in rec.messages[3]["content"]
    )
    assert rec.messages[3]["content"].startswith("ERROR")
    assert rec.output[0]["content"].startswith("Sorry")
    assert [m["role"] for m in rec.input] == ["system", "user"]
    assert rec.metrics["prompt_tokens"] == 250 and rec.metrics["completion_tokens"] == 50
    assert rec.metrics["total_tokens"] == 300 and rec.metrics["latency_s"] == pytest.approx(9.0)
    assert rec.metadata["model"] == "gpt-4o" and rec.metadata["customer"] == "acme"
    assert rec.metadata["deployment.environment"] == "prod"
    assert rec.metadata["span_errors"] == ["order 7 not found"]
    assert {r.id for r in res.records} == {tid, "ffff"}


def test_otlp_new_semconv_messages_whole_file(tmp_path: Path) -> None:
    tid = "aaaa0000"
    inp = [{"role": "user", "parts": [{"type": "text", "content": "What's the weather in Paris?"}]}]
    out = [
        {
            "role": "assistant",
            "parts": [
                {"type": "tool_call", "id": "w1", "name": "weather", "arguments": {"city": "Paris"}}
            ],
        }
    ]
    inp2 = (
        inp
        + out
        + [
            {
                "role": "tool",
                "parts": [{"type": "tool_call_response", "id": "w1", "response": "rain, 12C"}],
            }
        ]
    )
    out2 = [
        {
            "role": "assistant",
            "parts": [{"type": "text", "content": "Rainy, 12°C."}],
            "finish_reason": "stop",
        }
    ]
    spans = [
        span(
            tid,
            "a",
            0,
            1,
            {
                "gen_ai.operation.name": "chat",
                "gen_ai.conversation.id": "conv-9",
                "gen_ai.system_instructions": json.dumps(
                    [{"type": "text", "content": "Be brief."}]
                ),
                "gen_ai.input.messages": json.dumps(inp),
                "gen_ai.output.messages": json.dumps(out),
            },
        ),
        span(
            tid,
            "b",
            2,
            3,
            {
                "gen_ai.operation.name": "chat",
                "gen_ai.input.messages": json.dumps(inp2),
                "gen_ai.output.messages": json.dumps(out2),
            },
        ),
    ]
    (tmp_path / "otel.json").write_text(json.dumps(export(spans, "weather-bot"), indent=2))
    res = parse(tmp_path / "otel.json")
    assert res.rejections == [] and res.lines == 1
    (rec,) = res.records
    assert rec.project_id == "weather-bot" and rec.session_id == "conv-9"
    roles = [m["role"] for m in rec.messages]
    assert roles == ["system", "user", "assistant", "tool", "assistant"], rec.messages
    assert rec.messages[0]["content"] == "Be brief."
    assert json.loads(rec.messages[2]["tool_calls"][0]["function"]["arguments"]) == {
        "city": "Paris"
    }
    assert rec.messages[3] == {"role": "tool", "content": "rain, 12C", "tool_call_id": "w1"}
    assert rec.messages[4]["content"] == "Rainy, 12°C."


def test_otlp_events(tmp_path: Path) -> None:
    events = [
        {"name": "gen_ai.system.message", "attributes": [kv("content", "You sell software.")]},
        {
            "name": "gen_ai.user.message",
            "attributes": [kv("content", "Is there a discount vs Acme?")],
        },
        {
            "name": "gen_ai.choice",
            "attributes": [
                kv("index", 0),
                kv("finish_reason", "stop"),
                kv("message", json.dumps({"role": "assistant", "content": "Yes, 20%."})),
            ],
        },
    ]
    path = write_lines(
        tmp_path / "e.jsonl",
        [export([span("e1", "s", 0, 2, {"gen_ai.system": "openai"}, events=events)])],
    )
    (rec,) = parse(path).records
    assert [(m["role"], m["content"]) for m in rec.messages] == [
        ("system", "You sell software."),
        ("user", "Is there a discount vs Acme?"),
        ("assistant", "Yes, 20%."),
    ]


def test_otlp_rejections(tmp_path: Path) -> None:
    no_content = span("n1", "s", 0, 1, {"http.method": "GET"}, name="GET /")
    no_id = span(
        "", "s", 0, 1, {"gen_ai.prompt.0.content": "hi", "gen_ai.completion.0.content": "yo"}
    )
    no_time = span(
        "n3", "s", 0, 1, {"gen_ai.prompt.0.content": "hi", "gen_ai.completion.0.content": "yo"}
    )
    no_time["startTimeUnixNano"] = no_time["endTimeUnixNano"] = None
    bad_time = span("n4", "s", 0, 1, {"gen_ai.prompt.0.content": "hi"})
    bad_time["startTimeUnixNano"] = "soon"
    path = write_lines(
        tmp_path / "o.jsonl",
        [export([no_content, no_id, no_time, bad_time]), {"resourceSpans": "nope"}],
    )
    res = parse(path)
    assert res.records == []
    assert sorted(r.reason for r in res.rejections) == [
        "bad_timestamp",
        "empty_conversation",
        "missing_created",
        "missing_id",
        "wrong_type",
    ]
    assert all(r.raw for r in res.rejections)


@pytest.mark.parametrize("indent", [2, None])
def test_a_json_document_with_bad_bytes_is_one_rejection_on_its_own_day(
    tmp_path: Path, indent: int | None
) -> None:
    """Review rv6 U3: one pretty-printed trace with a Latin-1 "é" was rejected once per line
    (6 invalid_json / invalid_utf8, undated), charged to the file's day: one bad trace could
    hold back a day of good ones. It is one invalid_utf8 rejection, dated by its "created"."""
    trace = {"id": "x1", "created": "2026-11-20T10:00:00Z", "input": "un café", "output": "ok"}
    path = tmp_path / "doc.json"
    path.write_bytes(json.dumps(trace, indent=indent).replace("é", "\\u00e9").encode())
    text = path.read_bytes().replace(b"\\u00e9", b"\xe9")  # the byte Latin-1 writes
    path.write_bytes(text)
    res = parse_file(path)
    assert res.records == [] and res.lines == 1
    (rej,) = res.rejections
    assert rej.reason == "invalid_utf8" and rej.created_day == date(2026, 11, 20)
    # In an array, only the item with the bad byte goes, as invalid_utf8 too.
    items = [trace, {**trace, "id": "x2", "input": "fine"}]
    arr = tmp_path / "arr.json"
    arr.write_bytes(json.dumps(items, indent=indent).replace("\\u00e9", "\xe9").encode("latin-1"))
    res = parse_file(arr)
    assert [t.id for t in res.records] == ["x2"]
    assert [r.reason for r in res.rejections] == ["invalid_utf8"]


def _chat(i: int, text: str, start_s: float = 1) -> dict[str, Any]:
    return span(
        f"{i + 1:032x}", f"c{i}", start_s, start_s + 2,
        {"gen_ai.operation.name": "chat", "gen_ai.prompt.0.role": "user",
         "gen_ai.prompt.0.content": text, "gen_ai.completion.0.role": "assistant",
         "gen_ai.completion.0.content": "done"},
    )  # fmt: skip


def _latin1(doc: Any) -> bytes:
    """JSON text of `doc` with its "é" written as the one Latin-1 byte 0xe9 (not UTF-8)."""
    return json.dumps(doc).replace("\\u00e9", "\xe9").encode("latin-1")


def test_one_bad_byte_in_an_otlp_export_quarantines_only_its_trace(tmp_path: Path) -> None:
    """Review rv7 U4: an OTLP export of 200 traces with one Latin-1 byte was 0 records and one
    undated invalid_utf8 rejection for the whole file; now 199 land and the one trace that
    holds the byte is quarantined whole, dated by its own spans' time, its raw readable."""
    spans = [_chat(i, f"Refund order {i}" + (" caf\u00e9" if i == 7 else "")) for i in range(200)]
    p = tmp_path / "otlp.json"
    p.write_bytes(_latin1(export(spans)))
    res = parse_file(p)
    assert len(res.records) == 199 and res.lines == 1
    assert f"{8:032x}" not in {r.id for r in res.records}
    (rej,) = res.rejections
    assert rej.reason == "invalid_utf8" and rej.created_day == date(2026, 1, 5)
    assert f"{8:032x}" in rej.raw and "Refund order 7 caf\\xe9" in rej.raw
    # the same export as one line of a JSONL file (the collector's file exporter), or as an
    # item of a .json array: the same split
    (tmp_path / "otlp.jsonl").write_bytes(_latin1(export(spans)) + b"\n")
    (tmp_path / "arr.json").write_bytes(b"[" + _latin1(export(spans)) + b"]")
    for name in ("otlp.jsonl", "arr.json"):
        res = parse_file(tmp_path / name)
        assert len(res.records) == 199, name
        assert [(r.reason, r.created_day) for r in res.rejections] == [
            ("invalid_utf8", date(2026, 1, 5))
        ]


def test_an_otlp_trace_split_over_lines_goes_whole_and_a_bad_resource_takes_its_traces(
    tmp_path: Path,
) -> None:
    first = export([_chat(0, "Refund order 0"), _chat(1, "fine")])
    second = export([{**_chat(0, "caf\u00e9", start_s=5), "spanId": "c0b"}, _chat(2, "fine too")])
    p = tmp_path / "two.jsonl"
    p.write_bytes(_latin1(first) + b"\n" + _latin1(second) + b"\n")
    res = parse_file(p)
    assert sorted(r.id for r in res.records) == [f"{2:032x}", f"{3:032x}"]
    (rej,) = res.rejections
    assert rej.reason == "invalid_utf8" and '"c0"' in rej.raw and '"c0b"' in rej.raw
    # a bad byte in the resource (service name) is in every trace of that resource
    doc = export([_chat(0, "a"), _chat(1, "b")], service="caf\u00e9")
    doc["resourceSpans"].append(export([_chat(2, "c")])["resourceSpans"][0])
    p = tmp_path / "res.json"
    p.write_bytes(_latin1(doc))
    res = parse_file(p)
    assert [r.id for r in res.records] == [f"{3:032x}"]
    assert sorted(r.reason for r in res.rejections) == ["invalid_utf8"] * 2
