"""Chat messages in one shape: OpenAI-style dicts (role, content, tool_calls, tool_call_id, name).

Producers write content as a string, a list of typed parts (OpenAI, Anthropic, OTel GenAI) or
nothing at all (an assistant turn that only calls tools). Downstream stages read text, so
content is flattened to one string here; everything else a message carries is dropped.
"""

from __future__ import annotations

from typing import Any

import orjson


class FieldTypeError(ValueError):
    """A value has a type the trace contract does not allow; `field` names where."""

    def __init__(self, field: str, detail: str = "") -> None:
        super().__init__(f"{field}: {detail}" if detail else field)
        self.field = field


def dumps(value: Any) -> str:
    """Compact JSON text (orjson: fast, datetimes as ISO 8601, odd types via str)."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS, default=str).decode()


def flatten_content(content: Any, field: str) -> str | None:
    """One string from a content value: str as is, typed parts joined by newlines."""
    if content is None or isinstance(content, str):
        return content
    if isinstance(content, dict):
        content = [content]
    if not isinstance(content, list):
        raise FieldTypeError(
            field, f"content must be a string or a list of parts, got {type(content).__name__}"
        )
    texts: list[str] = []
    for part in content:
        if isinstance(part, str):
            texts.append(part)
        elif isinstance(part, dict):
            text = part.get("text", part.get("content"))
            if isinstance(text, str):
                texts.append(text)
            elif isinstance(text, list):  # e.g. Anthropic tool_result nesting parts
                texts.append(flatten_content(text, field) or "")
            else:  # images, files, audio: keep a marker so the turn is not silently empty
                texts.append(f"[{part.get('type', 'part')}]")
        else:
            raise FieldTypeError(field, "content parts must be strings or objects")
    return "\n".join(t for t in texts if t)


def normalize_message(msg: Any, field: str, default_role: str) -> dict[str, Any]:
    if isinstance(msg, str):
        return {"role": default_role, "content": msg}
    if not isinstance(msg, dict):
        raise FieldTypeError(
            field, f"a message must be an object or a string, got {type(msg).__name__}"
        )
    role = msg.get("role", default_role)
    if not isinstance(role, str):
        raise FieldTypeError(f"{field}.role", "must be a string")
    out: dict[str, Any] = {
        "role": role,
        "content": flatten_content(msg.get("content"), f"{field}.content"),
    }
    tool_calls = msg.get("tool_calls")
    if tool_calls is not None:
        if not isinstance(tool_calls, list) or not all(isinstance(c, dict) for c in tool_calls):
            raise FieldTypeError(f"{field}.tool_calls", "must be a list of objects")
        if tool_calls:
            out["tool_calls"] = tool_calls
    for key in ("tool_call_id", "name"):
        value = msg.get(key)
        if value is not None:
            out[key] = str(value)
    return out


def normalize_messages(value: Any, field: str, default_role: str) -> list[dict[str, Any]] | None:
    """A message list from a string, one message object, or a list of either. None stays None."""
    if value is None:
        return None
    if isinstance(value, str | dict):
        value = [value]
    if not isinstance(value, list):
        raise FieldTypeError(
            field, f"must be a string or a list of messages, got {type(value).__name__}"
        )
    return [normalize_message(m, f"{field}[{i}]", default_role) for i, m in enumerate(value)]


def has_content(messages: list[dict[str, Any]]) -> bool:
    return any(isinstance(m.get("content"), str) and m["content"].strip() for m in messages)


def cap_strings(value: Any, cap: int) -> Any:
    """Copy of `value` with every string (dict keys too) longer than `cap` cut to its head and
    tail."""
    if isinstance(value, str):
        if len(value) <= cap:
            return value
        keep = max(cap // 2, 1)
        return f"{value[:keep]}\n…[truncated {len(value) - 2 * keep} chars]…\n{value[-keep:]}"
    if isinstance(value, list):
        return [cap_strings(v, cap) for v in value]
    if isinstance(value, dict):
        return {cap_strings(k, cap): cap_strings(v, cap) for k, v in value.items()}
    return value


def cap_items(value: Any, cap: int) -> Any:
    """Copy of `value` with every list and dict of more than `cap` items cut: lists keep their
    head and tail around one marker (a message in a list of messages), dicts their first keys
    and a marker key."""
    if isinstance(value, list):
        if len(value) > cap:
            head, tail = cap - cap // 2, cap // 2
            dropped = len(value) - head - tail
            if all(isinstance(m, dict) and "role" in m for m in value[:head]):
                marker: Any = {"role": "system", "content": f"…[{dropped} messages truncated]…"}
            else:
                marker = f"…[{dropped} items truncated]…"
            value = [*value[:head], marker, *(value[-tail:] if tail else [])]
        return [cap_items(v, cap) for v in value]
    if isinstance(value, dict):
        items = list(value.items())
        out = {k: cap_items(v, cap) for k, v in items[:cap]}
        if len(items) > cap:
            out["…truncated"] = f"{len(items) - cap} more keys"
        return out
    return value


def longest_string(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list):
        return max((longest_string(v) for v in value), default=0)
    if isinstance(value, dict):
        return max(
            (max(len(k), longest_string(v)) for k, v in value.items()),
            default=0,
        )
    return 0


def largest_container(value: Any) -> int:
    """The most items any list or dict inside `value` holds (iterative: no recursion limit)."""
    most, stack = 0, [value]
    while stack:
        v = stack.pop()
        if isinstance(v, list):
            most = max(most, len(v))
            stack.extend(v)
        elif isinstance(v, dict):
            most = max(most, len(v))
            stack.extend(v.values())
    return most


# Nesting levels a trace object may have (the object itself is level 1). Deeper objects are
# quarantined: the recursive helpers here and orjson (255 levels) must never meet one.
MAX_JSON_DEPTH = 128


class JsonTooDeep(ValueError):
    """A JSON text nested past MAX_JSON_DEPTH levels (json.loads would hit Python's stack)."""


def loads_json(text: str | bytes) -> Any:
    """json.loads for files and settings a user hands tracetopics (gold files, saved subsets,
    fitted models, export manifests, TRACETOPICS_PRICES): a text nested past MAX_JSON_DEPTH
    levels is JsonTooDeep, a ValueError like any other bad JSON, never a RecursionError (review
    rv6 C3). Ingest's parser says the same of such a line: too_deep."""
    import json

    try:
        value = json.loads(text)
    except RecursionError:
        value = None
        deep = True
    else:
        deep = too_deep(value)
    if deep:
        raise JsonTooDeep(f"nested too deeply (past {MAX_JSON_DEPTH} levels)")
    return value


def too_deep(value: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when lists/dicts nest more than `limit` levels (iterative: safe at any depth)."""
    stack = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        if isinstance(v, dict):
            children: Any = v.values()
        elif isinstance(v, list):
            children = v
        else:
            continue
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False


def safe_dumps(value: Any) -> str:
    """`dumps`, or for a value orjson refuses (too deep, integers past 64 bits) a copy with the
    parts past MAX_JSON_DEPTH replaced by a marker and such integers as text: quarantine rows
    always keep a readable raw."""
    try:
        return dumps(value)
    except orjson.JSONEncodeError:
        return dumps(_pruned(value, MAX_JSON_DEPTH))


def _pruned(value: Any, levels: int) -> Any:
    if isinstance(value, dict | list):
        if levels <= 0:
            return f"…[nested deeper than {MAX_JSON_DEPTH} levels]…"
        if isinstance(value, list):
            return [_pruned(v, levels - 1) for v in value]
        return {str(k): _pruned(v, levels - 1) for k, v in value.items()}
    if isinstance(value, int) and not isinstance(value, bool) and not -(2**63) <= value < 2**64:
        return str(value)
    return value
