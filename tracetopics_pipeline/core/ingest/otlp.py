"""OpenTelemetry GenAI spans (OTLP-JSON export form) → trace objects in the JSONL contract.

A file may hold one ExportTraceServiceRequest (`{"resourceSpans": [...]}`) or one per line;
spans are grouped by traceId across the file. The conversation is rebuilt from, in order:
* newer semantic conventions: `gen_ai.input.messages` / `gen_ai.output.messages` (JSON, with
  typed `parts`) and `gen_ai.system_instructions`;
* older ones: `gen_ai.prompt.N.role|content|tool_call_id|tool_calls.M.*` and `gen_ai.completion.N.*`;
* span events: `gen_ai.{system,user,assistant,tool}.message`, `gen_ai.choice`,
  `gen_ai.content.prompt|completion`;
* `execute_tool` spans (`gen_ai.tool.name`, `gen_ai.tool.call.*`): a tool call plus the tool's
  reply, which carries the error when the span's status is ERROR.
Each chat span's input usually repeats the history so far, so already-seen turns are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

from tracetopics_pipeline.core.ingest.messages import (
    MAX_JSON_DEPTH,
    dumps,
    flatten_content,
    safe_dumps,
    too_deep,
)


class OtlpShapeError(ValueError):
    """The document is not shaped like an OTLP export (detail names the bad part)."""


_INDEXED = re.compile(r"^gen_ai\.(prompt|completion)\.(\d+)\.(.+)$")
_ROLE_EVENTS = {
    "gen_ai.system.message": "system",
    "gen_ai.user.message": "user",
    "gen_ai.assistant.message": "assistant",
    "gen_ai.tool.message": "tool",
}
_SESSION_KEYS = ("session.id", "gen_ai.conversation.id")


def any_value(value: Any) -> Any:
    """Decode an OTLP AnyValue ({"stringValue": ...}, {"intValue": "3"}, arrays, kvlists)."""
    if not isinstance(value, dict):
        return value
    if "stringValue" in value:
        return value["stringValue"]
    if "intValue" in value:
        try:
            return int(value["intValue"])
        except (TypeError, ValueError):
            return value["intValue"]
    if "doubleValue" in value:
        return value["doubleValue"]
    if "boolValue" in value:
        return value["boolValue"]
    if "arrayValue" in value:
        return [any_value(v) for v in (value["arrayValue"] or {}).get("values", [])]
    if "kvlistValue" in value:
        return attributes((value["kvlistValue"] or {}).get("values", []))
    if "bytesValue" in value:
        return value["bytesValue"]
    return None


def attributes(items: Any) -> dict[str, Any]:
    if not items:
        return {}
    if not isinstance(items, list):
        raise OtlpShapeError("attributes must be a list")
    return {
        kv["key"]: any_value(kv.get("value"))
        for kv in items
        if isinstance(kv, dict) and "key" in kv
    }


@dataclass
class _Span:
    span: dict[str, Any]
    attrs: dict[str, Any]
    resource: dict[str, Any]

    @property
    def start(self) -> int:
        return _nanos(self.span.get("startTimeUnixNano"))

    @property
    def end(self) -> int:
        return _nanos(self.span.get("endTimeUnixNano")) or self.start


def _nanos(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@dataclass
class OtlpTrace:
    # a trace object in the JSONL contract, validated like any other; or why none was built
    obj: dict[str, Any] | OtlpShapeError
    line: int  # first line the trace's spans appeared on
    spans: list[dict[str, Any]]
    trace_id: str = ""

    def raw(self) -> str:
        return safe_dumps({"traceId": self.trace_id or None, "spans": self.spans})


@dataclass
class SpanCollector:
    """Accumulates spans from every OTLP document of a file, grouped by traceId."""

    _traces: dict[str, list[_Span]] = field(default_factory=dict)
    _first_line: dict[str, int] = field(default_factory=dict)

    def add(self, doc: dict[str, Any], line: int) -> None:
        resource_spans = doc.get("resourceSpans")
        if not isinstance(resource_spans, list):
            raise OtlpShapeError("resourceSpans must be a list")
        for rs in resource_spans:
            if not isinstance(rs, dict):
                raise OtlpShapeError("resourceSpans[] must be objects")
            resource = attributes((rs.get("resource") or {}).get("attributes"))
            scopes = rs.get("scopeSpans") or rs.get("instrumentationLibrarySpans") or []
            for scope in scopes:
                for span in (scope or {}).get("spans") or []:
                    if not isinstance(span, dict):
                        raise OtlpShapeError("spans[] must be objects")
                    trace_id = str(span.get("traceId") or "")
                    self._traces.setdefault(trace_id, []).append(
                        _Span(span, attributes(span.get("attributes")), resource)
                    )
                    self._first_line.setdefault(trace_id, line)

    def traces(self) -> Iterator[OtlpTrace]:
        for trace_id, spans in self._traces.items():
            spans.sort(key=lambda s: (s.start, s.end))
            try:
                obj: dict[str, Any] | OtlpShapeError = build_trace(trace_id, spans)
            except (TypeError, ValueError) as exc:  # odd values one span carries: that trace only
                obj = OtlpShapeError(f"cannot build the trace: {type(exc).__name__}: {exc}")
            yield OtlpTrace(
                obj=obj,
                line=self._first_line[trace_id],
                spans=[s.span for s in spans],
                trace_id=trace_id,
            )


# --------------------------------------------------------------------------- messages


def _tool_call(call_id: Any, name: Any, arguments: Any) -> dict[str, Any]:
    if not isinstance(arguments, str):
        arguments = dumps(arguments) if arguments is not None else "{}"
    return {
        "id": str(call_id or ""),
        "type": "function",
        "function": {"name": str(name or ""), "arguments": arguments},
    }


def _json_attr(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            parsed = orjson.loads(value)
        except orjson.JSONDecodeError:
            return value
        return value if too_deep(parsed, MAX_JSON_DEPTH // 2) else parsed
    return value


def _from_parts(msg: dict[str, Any]) -> list[dict[str, Any]]:
    """A semconv message with typed `parts` → one or more OpenAI-style messages."""
    role = str(msg.get("role") or "user")
    texts: list[str] = []
    calls: list[dict[str, Any]] = []
    replies: list[dict[str, Any]] = []
    for part in msg.get("parts") or []:
        if not isinstance(part, dict):
            continue
        kind = part.get("type")
        if kind == "tool_call":
            calls.append(_tool_call(part.get("id"), part.get("name"), part.get("arguments")))
        elif kind == "tool_call_response":
            result = part.get("response", part.get("result"))
            content = result if isinstance(result, str) else dumps(result)
            replies.append(
                {"role": "tool", "tool_call_id": str(part.get("id") or ""), "content": content}
            )
        elif kind in ("text", None) and isinstance(part.get("content"), str):
            texts.append(part["content"])
        elif kind != "reasoning":
            texts.append(f"[{kind}]")
    out: list[dict[str, Any]] = []
    if texts or calls or not replies:
        m: dict[str, Any] = {"role": role, "content": "\n".join(texts) if texts else None}
        if calls:
            m["tool_calls"] = calls
        if msg.get("name"):
            m["name"] = str(msg["name"])
        out.append(m)
    return out + replies


def _plain(msg: Any, default_role: str) -> list[dict[str, Any]]:
    """A message in any of the shapes instrumentations emit → OpenAI-style messages."""
    msg = _json_attr(msg)
    if isinstance(msg, str):
        return [{"role": default_role, "content": msg}]
    if not isinstance(msg, dict):
        return []
    if "parts" in msg:
        return _from_parts({"role": default_role, **msg})
    m: dict[str, Any] = {"role": str(msg.get("role") or default_role)}
    try:
        m["content"] = flatten_content(_json_attr(msg.get("content")), "content")
    except ValueError:
        m["content"] = dumps(msg.get("content"))
    calls = _json_attr(msg.get("tool_calls"))
    if isinstance(calls, list) and calls:
        m["tool_calls"] = [
            _tool_call(
                c.get("id"),
                (c.get("function") or c).get("name"),
                (c.get("function") or c).get("arguments"),
            )
            for c in calls
            if isinstance(c, dict)
        ]
    call_id = msg.get("tool_call_id", msg.get("id") if m["role"] == "tool" else None)
    if call_id is not None:
        m["tool_call_id"] = str(call_id)
    return [m]


def _message_list(value: Any, default_role: str) -> list[dict[str, Any]]:
    value = _json_attr(value)
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, str):
        return [{"role": default_role, "content": value}]
    out: list[dict[str, Any]] = []
    for item in value if isinstance(value, list) else []:
        out.extend(_plain(item, default_role))
    return out


def _indexed(attrs: dict[str, Any], kind: str, default_role: str) -> list[dict[str, Any]]:
    """Old-style flattened attributes: gen_ai.prompt.0.role, gen_ai.prompt.0.tool_calls.1.name ..."""
    slots: dict[int, dict[str, Any]] = {}
    for key, value in attrs.items():
        m = _INDEXED.match(key)
        if m and m.group(1) == kind:
            slots.setdefault(int(m.group(2)), {})[m.group(3)] = value
    out: list[dict[str, Any]] = []
    for _, slot in sorted(slots.items()):
        calls: dict[int, dict[str, Any]] = {}
        for key, value in slot.items():
            if key.startswith("tool_calls."):
                _, j, prop = key.split(".", 2)
                if j.isdigit():
                    calls.setdefault(int(j), {})[prop] = value
        msg: dict[str, Any] = {
            "role": slot.get("role") or default_role,
            "content": slot.get("content"),
        }
        if calls:
            msg["tool_calls"] = [
                {
                    "id": c.get("id"),
                    "function": {"name": c.get("name"), "arguments": c.get("arguments")},
                }
                for _, c in sorted(calls.items())
            ]
        if slot.get("tool_call_id") is not None:
            msg["tool_call_id"] = slot["tool_call_id"]
        out.extend(_plain(msg, default_role))
    return out


def _span_messages(s: _Span) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(input, output) messages one LLM span records, whichever convention it uses."""
    a = s.attrs
    inp: list[dict[str, Any]] = []
    out: list[dict[str, Any]] = []
    system = a.get("gen_ai.system_instructions")
    if system is not None:
        inp += [
            {"role": "system", "content": m["content"]} for m in _message_list(system, "system")
        ]
    inp += _message_list(a.get("gen_ai.input.messages"), "user")
    out += _message_list(a.get("gen_ai.output.messages"), "assistant")
    inp += _indexed(a, "prompt", "user")
    out += _indexed(a, "completion", "assistant")
    for event in s.span.get("events") or []:
        if not isinstance(event, dict):
            continue
        name = event.get("name")
        ea = attributes(event.get("attributes"))
        if name in _ROLE_EVENTS:
            role = _ROLE_EVENTS[name]
            inp += _plain({"role": ea.get("role") or role, **ea}, role)
        elif name == "gen_ai.choice":
            msg = _json_attr(ea.get("message"))
            out += _plain(msg if msg is not None else ea, "assistant")
        elif name == "gen_ai.content.prompt":
            inp += _message_list(ea.get("gen_ai.prompt"), "user")
        elif name == "gen_ai.content.completion":
            out += _message_list(ea.get("gen_ai.completion"), "assistant")
    return inp, out


def _is_tool_span(s: _Span) -> bool:
    op = s.attrs.get("gen_ai.operation.name")
    return (
        op == "execute_tool"
        or (op is None and "gen_ai.tool.name" in s.attrs)
        or str(s.span.get("name", "")).startswith("execute_tool")
    )


def _is_error(span: dict[str, Any]) -> bool:
    code = (span.get("status") or {}).get("code")
    return code in (2, "2", "STATUS_CODE_ERROR", "ERROR")


def _key(m: dict[str, Any]) -> tuple[Any, ...]:
    if m.get("tool_calls"):
        return ("calls", tuple(c.get("id") for c in m["tool_calls"]))
    if m.get("role") == "tool":
        return ("tool", m.get("tool_call_id"))
    return (m.get("role"), m.get("content"))


class _Conversation:
    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []
        self.seen: set[tuple[Any, ...]] = set()

    def extend(self, msgs: list[dict[str, Any]]) -> None:
        keys = [_key(m) for m in msgs]
        ours = [_key(m) for m in self.messages]
        if keys[: len(ours)] == ours and ours:  # the usual case: history repeated, then new turns
            msgs, keys = msgs[len(ours) :], keys[len(ours) :]
            for m, k in zip(msgs, keys, strict=True):
                self.messages.append(m)
                self.seen.add(k)
            return
        for m, k in zip(msgs, keys, strict=True):
            if k not in self.seen:
                self.messages.append(m)
                self.seen.add(k)

    def tool(self, s: _Span) -> None:
        a = s.attrs
        call_id = str(a.get("gen_ai.tool.call.id") or s.span.get("spanId") or "")
        if ("tool", call_id) in self.seen:
            return
        name = a.get("gen_ai.tool.name") or str(s.span.get("name", "")).removeprefix(
            "execute_tool "
        )
        if not any(
            call_id in {c.get("id") for c in m.get("tool_calls", [])} for m in self.messages
        ):
            call = _tool_call(call_id, name, a.get("gen_ai.tool.call.arguments"))
            self.messages.append({"role": "assistant", "content": None, "tool_calls": [call]})
            self.seen.add(("calls", (call_id,)))
        if _is_error(s.span) or a.get("error.type"):
            status = s.span.get("status") or {}
            content = f"ERROR: {status.get('message') or a.get('error.type') or 'tool call failed'}"
        else:
            result = a.get("gen_ai.tool.call.result")
            content = (
                result if isinstance(result, str) else dumps(result) if result is not None else ""
            )
        self.messages.append(
            {"role": "tool", "tool_call_id": call_id, "name": str(name), "content": content}
        )
        self.seen.add(("tool", call_id))


# --------------------------------------------------------------------------- one trace


def _usage(spans: list[_Span]) -> tuple[int | None, int | None, float | None]:
    """Token and cost sums over the innermost spans that report usage (parents often repeat it)."""
    reporting = {
        s.span.get("spanId"): s
        for s in spans
        if any(k.startswith("gen_ai.usage.") for k in s.attrs)
    }
    parent = {s.span.get("spanId"): s.span.get("parentSpanId") for s in spans}
    has_child = set()
    for span_id in reporting:
        p, hops = parent.get(span_id), 0
        while p and hops < len(spans):
            has_child.add(p)
            p, hops = parent.get(p), hops + 1
    leaves = [s for sid, s in reporting.items() if sid not in has_child]

    def total(*keys: str) -> float | None:
        vals = [v for s in leaves for k in keys if isinstance(v := s.attrs.get(k), int | float)]
        return sum(vals) if vals else None

    inp = total("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens")
    out = total("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens")
    cost = total("gen_ai.usage.cost", "gen_ai.usage.cost_usd")
    return (int(inp) if inp is not None else None, int(out) if out is not None else None, cost)


def build_trace(trace_id: str, spans: list[_Span]) -> dict[str, Any]:
    """One trace object (JSONL contract) from a trace's spans, sorted by start time."""
    conv = _Conversation()
    for s in spans:
        if _is_tool_span(s):
            conv.tool(s)
        else:
            inp, out = _span_messages(s)
            if inp or out:
                conv.extend(inp + out)
    messages = conv.messages
    first_assistant = next(
        (i for i, m in enumerate(messages) if m["role"] == "assistant"), len(messages)
    )
    last_assistant = [m for m in messages if m["role"] == "assistant" and m.get("content")][-1:]

    starts = [s.start for s in spans if s.start]
    created: Any = None
    if starts:
        created = min(starts)  # epoch nanoseconds; the validator reads the unit by magnitude
    elif any(s.span.get("startTimeUnixNano") not in (None, "", 0, "0") for s in spans):
        created = str(spans[0].span.get("startTimeUnixNano"))  # present but unparseable

    resource = next((s.resource for s in spans if s.resource), {})
    root = spans[0]
    metadata: dict[str, Any] = {k: v for k, v in resource.items()}
    metadata.update({k: v for k, v in root.attrs.items() if not k.startswith("gen_ai.")})
    model = next(
        (
            s.attrs[k]
            for s in spans
            for k in ("gen_ai.request.model", "gen_ai.response.model")
            if k in s.attrs
        ),
        None,
    )
    if model is not None:
        metadata["model"] = model
    errors = [
        (s.span.get("status") or {}).get("message")
        or s.attrs.get("error.type")
        or s.span.get("name")
        for s in spans
        if _is_error(s.span)
    ]
    if errors:
        metadata["span_errors"] = errors
    metadata["source_format"] = "otlp"
    metadata["span_count"] = len(spans)

    inp_tokens, out_tokens, cost = _usage(spans)
    metrics: dict[str, Any] = {}
    if inp_tokens is not None:
        metrics["prompt_tokens"] = inp_tokens
    if out_tokens is not None:
        metrics["completion_tokens"] = out_tokens
    if inp_tokens is not None and out_tokens is not None:
        metrics["total_tokens"] = inp_tokens + out_tokens
    if starts:
        metrics["latency_s"] = (max(s.end for s in spans) - min(starts)) / 1e9
    if cost is not None:
        metrics["cost_usd"] = float(cost)

    session = next((s.attrs[k] for s in spans for k in _SESSION_KEYS if s.attrs.get(k)), None)
    return {
        "id": trace_id or None,
        "created": created,
        "project_id": resource.get("service.name")
        if isinstance(resource.get("service.name"), str)
        else None,
        "session_id": str(session) if session is not None else None,
        "input": messages[:first_assistant],
        "output": last_assistant,
        "messages": messages,
        "metadata": metadata,
        "metrics": metrics,
    }
