"""The OpenAI-compatible summarizer: any chat-completions endpoint (OpenAI, vLLM, Ollama, LiteLLM).

One structured JSON call per trace covers all of its facets (inputs shared by several facets are
sent once). Calls run on a bounded thread pool, with a per-request timeout and our own retry
loop (exponential backoff with jitter, honouring Retry-After) on 429, 5xx, timeouts and
connection errors. A malformed answer is asked again once; then the facets still missing are
recorded as errored — a partition never crashes because of model output. Every text is
PII-redacted before it is sent, and answers are cached by (text hash, facet, prompt hash, model).

In the Dagster shell the client comes from dagster-openai's `OpenAIResource.get_client(context)`
(the resource takes `api_key` and `base_url`); elsewhere `openai.OpenAI()` reads OPENAI_API_KEY
and OPENAI_BASE_URL from the environment.
"""

from __future__ import annotations

import json
import random
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from tracetopics_pipeline.core.facets.definitions import Facet
from tracetopics_pipeline.core.facets.summarizers.base import (
    FacetOutput,
    SummarizeResult,
    finish,
    normalize_label,
    prepared_text,
)
from tracetopics_pipeline.core.facets.summarizers.cache import SummaryCache, cache_key
from tracetopics_pipeline.core.settings import Settings

DEFAULT_MODEL = "gpt-4o-mini"
# USD per million tokens (input, output); matched by longest model-name prefix. Override with
# TRACETOPICS_PRICES='{"my-model": [0.2, 0.8]}' or, for the configured model only,
# TRACETOPICS_PRICE_PER_MTOK="0.2,0.8". Self-hosted models default to 0 (cost_known False).
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-5-nano": (0.05, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5": (1.25, 10.00),
    "o4-mini": (1.10, 4.40),
}


class SummarizerConfigError(RuntimeError):
    """The endpoint rejects every request (bad key, unknown model): fail fast, do not retry."""


class MalformedOutput(ValueError):
    pass


def price_for(model: str, settings: Settings | None = None) -> tuple[float, float] | None:
    """(input, output) USD per million tokens, or None when unknown. The user's price table
    (TRACETOPICS_PRICES) extends the built-in one; TRACETOPICS_PRICE_PER_MTOK overrides both."""
    settings = settings or Settings.from_env()
    if settings.price_per_mtok is not None:
        return settings.price_per_mtok
    table = {**PRICES, **settings.prices}
    matches = [
        k for k in table if model == k or model.startswith(k + "-") or model.startswith(k + ":")
    ]
    return table[max(matches, key=len)] if matches else None


def _label_schema(facet: Facet) -> dict[str, Any]:
    return {"type": "string", "enum": list(facet.labels or [])}


def response_schema(facets: list[Facet]) -> dict[str, Any]:
    """JSON schema of the answer: {facet_key: {summary, label?}} for every facet asked."""
    props: dict[str, Any] = {}
    for f in facets:
        inner: dict[str, Any] = {"summary": {"type": "string"}}
        if f.labels:
            inner["label"] = _label_schema(f)
        props[f.key] = {
            "type": "object",
            "properties": inner,
            "required": list(inner),
            "additionalProperties": False,
        }
    return {
        "type": "object",
        "properties": props,
        "required": list(props),
        "additionalProperties": False,
    }


SYSTEM_PROMPT = """You summarize one trace of an AI agent's conversation with a user through several facets.
Each facet says which input it reads. Answer with one JSON object only, no prose, shaped as
{"<facet key>": {"summary": "...", "label": "..."}} with an entry for every facet listed;
"label" only for facets that have labels, chosen from their list exactly. Keep summaries short
(one sentence at most), in English, without personal data. Placeholders such as <EMAIL> stand
for redacted personal data."""


def build_messages(inputs: list[str], facets: list[tuple[Facet, int]]) -> list[dict[str, str]]:
    """Chat messages for one trace: facet specs, then each distinct input once."""
    spec = []
    for f, idx in facets:
        lines = [f"## Facet `{f.key}` ({f.name}) - reads Input {idx + 1}", f.description, f.prompt]
        if f.label_specs:
            lines.append("Labels (choose exactly one):")
            lines += [
                f"- {s.name}"
                + (f": {s.description}" if s.description else "")
                + (f" (e.g. {'; '.join(s.examples)})" if s.examples else "")
                for s in f.label_specs
            ]
        spec.append("\n".join(x for x in lines if x))
    body = "\n\n".join(f"### Input {i + 1}\n{text}" for i, text in enumerate(inputs))
    return [
        {"role": "system", "content": SYSTEM_PROMPT + "\n\n" + "\n\n".join(spec)},
        {"role": "user", "content": body},
    ]


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.I)


def parse_answer(
    content: str | None, facets: list[Facet]
) -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    """({facet name: (summary, label)}, {facet name: problem}) from the model's text."""
    good: dict[str, tuple[str, str | None]] = {}
    bad: dict[str, str] = {}
    text = _FENCE.sub("", (content or "").strip())
    try:
        data = json.loads(text)
    except ValueError:
        start, end = text.find("{"), text.rfind("}")
        try:
            data = json.loads(text[start : end + 1]) if start != -1 < end else None
        except ValueError:
            data = None
    if not isinstance(data, dict):
        return good, {f.name: "answer is not a JSON object" for f in facets}
    for f in facets:
        entry = data.get(f.key, data.get(f.name))
        if isinstance(entry, str):
            entry = {"summary": entry}
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("summary"), str)
            or not entry["summary"].strip()
        ):
            bad[f.name] = f"no summary for {f.key!r}"
            continue
        label = None
        if f.labels:
            label = normalize_label(entry.get("label"), f)
            if label is None:  # models often put the label first in the summary instead
                head = re.split(r"[:\s]", entry["summary"].strip(), maxsplit=1)[0]
                label = normalize_label(head, f)
            if label is None:
                bad[f.name] = f"label {entry.get('label')!r} not in {f.labels}"
                continue
        good[f.name] = (entry["summary"].strip(), label)
    return good, bad


class OpenAISummarizer:
    backend = "openai"

    def __init__(
        self,
        client: Any = None,
        *,
        model: str | None = None,
        cache_dir: Path | str | None = None,
        concurrency: int = 4,
        timeout_s: float = 60.0,
        max_retries: int = 4,
        backoff_s: float = 1.0,
        max_backoff_s: float = 30.0,
        response_format: str = "json_schema",  # json_schema | json_object | none
        temperature: float | None = 0.0,
        redact_pii: bool = True,
        max_completion_tokens: int = 800,
    ) -> None:
        if client is None:
            import openai

            client = openai.OpenAI()
        # Our own retry loop reports retries and honours our timeout; the SDK's would hide them.
        self.client = client.with_options(timeout=timeout_s, max_retries=0)
        self.model = model or Settings.from_env().openai_model or DEFAULT_MODEL
        self.cache = SummaryCache(Path(cache_dir) / "summaries.sqlite") if cache_dir else None
        self.concurrency = max(1, concurrency)
        self.max_retries = max_retries
        self.backoff_s, self.max_backoff_s = backoff_s, max_backoff_s
        self.response_format = response_format
        self.temperature = temperature
        self.redact_pii = redact_pii
        self.max_completion_tokens = max_completion_tokens
        self._lock = threading.Lock()

    # -- public ---------------------------------------------------------------------------

    def summarize(self, traces: list[dict], facets: list[Facet]) -> SummarizeResult:
        total = SummarizeResult(backend=self.backend, model=self.model)
        if not traces:
            return total
        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="tt-llm") as pool:
            for part in pool.map(lambda t: self._summarize_trace(t, facets), traces):
                total.extend(part)
        price = price_for(self.model)
        if price:
            total.cost_usd = (
                total.prompt_tokens * price[0] + total.completion_tokens * price[1]
            ) / 1e6
        return total

    # -- one trace --------------------------------------------------------------------------

    def _summarize_trace(self, trace: dict, facets: list[Facet]) -> SummarizeResult:
        res = SummarizeResult(backend=self.backend, model=self.model)
        tid = str(trace.get("id"))
        outputs: dict[str, FacetOutput] = {}
        pending: list[tuple[Facet, str, str]] = []  # facet, text, cache key
        for f in facets:
            text, err = prepared_text(trace, f, do_redact=self.redact_pii)
            if err:
                outputs[f.name] = FacetOutput(tid, f.name, "errored", error=err)
                continue
            if text is None:
                outputs[f.name] = FacetOutput(tid, f.name, "skipped")
                continue
            key = cache_key(text, f, self.model)
            hit = self.cache.get(key) if self.cache is not None else None
            if hit:
                res.cache_hits += 1
                outputs[f.name] = finish(tid, f, hit[0], hit[1], cached=True)
            else:
                pending.append((f, text, key))

        attempts = 0
        while pending and attempts < 2:  # first try + one retry of malformed facets
            attempts += 1
            inputs: list[str] = []
            asked: list[tuple[Facet, int]] = []
            for f, text, _ in pending:
                if text not in inputs:
                    inputs.append(text)
                asked.append((f, inputs.index(text)))
            try:
                content = self._call(build_messages(inputs, asked), [f for f, _ in asked], res)
            except SummarizerConfigError:
                raise
            except Exception as e:  # retries exhausted or a non-retryable request error
                for f, _, _ in pending:
                    outputs[f.name] = FacetOutput(
                        tid, f.name, "errored", error=f"request failed: {_describe(e)}"
                    )
                pending = []
                break
            good, bad = parse_answer(content, [f for f, _, _ in pending])
            still = []
            for f, text, key in pending:
                if f.name in good:
                    summary, label = good[f.name]
                    if self.cache is not None:
                        self.cache.put(key, f, self.model, summary, label)
                    outputs[f.name] = finish(tid, f, summary, label)
                else:
                    still.append((f, text, key))
                    outputs[f.name] = FacetOutput(
                        tid, f.name, "errored", error=f"malformed model output: {bad[f.name]}"
                    )
            pending = still
        res.outputs = [outputs[f.name] for f in facets]
        return res

    def _call(
        self, messages: list[dict[str, str]], facets: list[Facet], res: SummarizeResult
    ) -> str | None:
        kwargs: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "max_tokens": self.max_completion_tokens,
        }
        if self.temperature is not None:
            kwargs["temperature"] = self.temperature
        if self.response_format == "json_schema":
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {
                    "name": "facets",
                    "strict": True,
                    "schema": response_schema(facets),
                },
            }
        elif self.response_format == "json_object":
            kwargs["response_format"] = {"type": "json_object"}
        import openai

        for attempt in range(self.max_retries + 1):
            res.requests += 1
            try:
                resp = self.client.chat.completions.create(**kwargs)
            except (
                openai.AuthenticationError,
                openai.PermissionDeniedError,
                openai.NotFoundError,
            ) as e:
                raise SummarizerConfigError(f"{self.model}: {_describe(e)}") from e
            except (
                openai.APIConnectionError,
                openai.RateLimitError,
                openai.InternalServerError,
            ) as e:
                err: Exception = e
            except openai.APIStatusError as e:
                if e.status_code not in (408, 409, 425, 429) and e.status_code < 500:
                    raise
                err = e
            else:
                usage = getattr(resp, "usage", None)
                if usage is not None:
                    res.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
                    res.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)
                choices = getattr(resp, "choices", None) or []
                return choices[0].message.content if choices else None
            if attempt == self.max_retries:
                raise err
            res.retries += 1
            time.sleep(self._delay(attempt, err))
        raise AssertionError("unreachable")

    def _delay(self, attempt: int, err: Exception) -> float:
        delay = min(self.max_backoff_s, self.backoff_s * 2**attempt) * (0.5 + random.random() / 2)
        headers = getattr(getattr(err, "response", None), "headers", None) or {}
        try:
            retry_after = float(headers.get("retry-after", ""))
        except (TypeError, ValueError):
            retry_after = None
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.max_backoff_s))
        return delay


def _describe(e: Exception) -> str:
    status = getattr(e, "status_code", None)
    msg = str(e).splitlines()[0][:200] if str(e) else ""
    return f"{type(e).__name__}" + (f" {status}" if status else "") + (f": {msg}" if msg else "")
