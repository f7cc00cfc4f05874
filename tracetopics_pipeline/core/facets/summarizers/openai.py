"""The OpenAI-compatible summarizer: any chat-completions endpoint (OpenAI, vLLM, Ollama, LiteLLM).

One structured JSON call per trace covers all of its facets (inputs shared by several facets are
sent once). Calls run on a bounded thread pool, with a per-request timeout and our own retry
loop (core/endpoint.py: exponential backoff with jitter, honouring Retry-After) on 429, 5xx,
timeouts, connection errors and 200s whose body cannot be read. A malformed answer is asked
again once; then the facets still missing are recorded as errored — a partition never crashes
because of model output. All calls of one summarizer (one run) share a deadline: past it, the
traces left are recorded as errored without a call. Every text is PII-redacted before it is
sent, and answers are cached by (text hash, facet, prompt hash, model).

With a spend budget (core/spend/budget.py) the calls go in waves: each call reserves its worst
case in trace order before the wave is sent; once the cap is reached, the traces left are
recorded as skipped with the budget's reason (cache hits still cost nothing and are kept).

In the Dagster shell the client comes from dagster-openai's `OpenAIResource.get_client(context)`
(the resource takes `api_key` and `base_url`); elsewhere `openai.OpenAI()` reads OPENAI_API_KEY
and OPENAI_BASE_URL from the environment.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracetopics_pipeline.core.endpoint import (
    Deadline,
    EndpointConfigError,
    RetryPolicy,
    call_with_retries,
    describe,
    estimate_tokens,
)
from tracetopics_pipeline.core.facets.definitions import Facet
from tracetopics_pipeline.core.facets.summarizers.base import (
    FacetOutput,
    SummarizeResult,
    finish,
    normalize_label,
    prepared_text,
)
from tracetopics_pipeline.core.facets.summarizers.cache import SummaryCache, cache_key
from tracetopics_pipeline.core.ingest.messages import loads_json
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.spend.budget import SUMMARIES, Budget
from tracetopics_pipeline.core.spend.prices import cost_usd, price_for

DEFAULT_MODEL = "gpt-4o-mini"
WAVE_PER_WORKER = 4  # with a capped budget: calls reserved, then sent, per worker and wave

# The endpoint rejects every request (bad key, unknown model): the name its callers know.
SummarizerConfigError = EndpointConfigError


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
        data = loads_json(text)
    except ValueError:
        start, end = text.find("{"), text.rfind("}")
        try:
            data = loads_json(text[start : end + 1]) if start != -1 < end else None
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
        deadline_s: float | None = None,
        backoff_s: float = 1.0,
        max_backoff_s: float = 30.0,
        response_format: str = "json_schema",  # json_schema | json_object | none
        temperature: float | None = 0.0,
        redact_pii: bool = True,
        max_completion_tokens: int = 800,
        budget: Budget | None = None,
    ) -> None:
        if client is None:
            import openai

            client = openai.OpenAI()
        # Our own retry loop reports retries and honours our timeout; the SDK's would hide them.
        self.client = client.with_options(timeout=timeout_s, max_retries=0)
        self.model = model or Settings.from_env().openai_model or DEFAULT_MODEL
        self.cache = SummaryCache(Path(cache_dir) / "summaries.sqlite") if cache_dir else None
        self.concurrency = max(1, concurrency)
        self.timeout_s = timeout_s
        self.policy = RetryPolicy(max_retries, backoff_s, max_backoff_s)
        self.deadline = Deadline(deadline_s)  # all calls of this summarizer (one run)
        self.budget = budget
        self.response_format = response_format
        self.temperature = temperature
        self.redact_pii = redact_pii
        self.max_completion_tokens = max_completion_tokens

    # -- public ---------------------------------------------------------------------------

    def summarize(self, traces: list[dict], facets: list[Facet]) -> SummarizeResult:
        total = SummarizeResult(backend=self.backend, model=self.model)
        if not traces:
            return total
        jobs = [self._prepare(t, facets) for t in traces]
        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="tt-llm") as pool:
            if self.budget is not None and self.budget.capped:
                parts = self._in_waves(pool, jobs)
            else:
                parts = list(pool.map(lambda job: self._complete(job, 0.0), jobs))
        for job, part in zip(jobs, parts, strict=True):
            part.outputs = [job.outputs[f.name] for f in facets]
            total.extend(part)
        total.cost_usd = cost_usd(
            price_for(self.model), total.prompt_tokens, total.completion_tokens
        )
        return total

    def _in_waves(self, pool: ThreadPoolExecutor, jobs: list[_Job]) -> list[SummarizeResult]:
        """Reserve each call's worst case in trace order, send the wave, settle, go on; once
        the budget refuses with nothing in flight, every job left is skipped."""
        assert self.budget is not None
        parts: list[SummarizeResult | None] = [None] * len(jobs)
        i, size = 0, self.concurrency * WAVE_PER_WORKER
        while i < len(jobs):
            wave: list[tuple[int, float]] = []
            while i < len(jobs) and len(wave) < size:
                cost = self._worst_case(jobs[i]) if jobs[i].pending else 0.0
                if self.budget.reserve(cost):
                    wave.append((i, cost))
                    i += 1
                elif any(c > 0 for _, c in wave):
                    break  # let the calls in flight settle, then try this one again
                else:  # the cap is reached
                    for job in jobs[i:]:
                        self._skip(job)
                    parts[i:] = [job.res for job in jobs[i:]]
                    i = len(jobs)
            done = pool.map(lambda w: self._complete(jobs[w[0]], w[1]), wave)
            for (j, _), part in zip(wave, done, strict=True):
                parts[j] = part
        return parts  # type: ignore[return-value]

    # -- one trace --------------------------------------------------------------------------

    def _prepare(self, trace: dict, facets: list[Facet]) -> _Job:
        """Redacted inputs and cache hits; what still needs the model goes in `pending`."""
        job = _Job(str(trace.get("id")), SummarizeResult(backend=self.backend, model=self.model))
        for f in facets:
            text, err = prepared_text(trace, f, do_redact=self.redact_pii)
            if err:
                job.outputs[f.name] = FacetOutput(job.tid, f.name, "errored", error=err)
                continue
            if text is None:
                job.outputs[f.name] = FacetOutput(job.tid, f.name, "skipped")
                continue
            key = cache_key(text, f, self.model)
            hit = self.cache.get(key) if self.cache is not None else None
            if hit:
                job.res.cache_hits += 1
                job.outputs[f.name] = finish(job.tid, f, hit[0], hit[1], cached=True)
            else:
                job.pending.append((f, text, key))
        return job

    def _skip(self, job: _Job) -> None:
        assert self.budget is not None
        for f, _, _ in job.pending:
            job.outputs[f.name] = FacetOutput(
                job.tid, f.name, "skipped", error=self.budget.skip_reason()
            )
        job.pending = []

    def _request(self, pending: list[tuple[Facet, str, str]]) -> dict[str, Any]:
        """The chat-completions arguments asking for every pending facet, inputs sent once."""
        inputs: list[str] = []
        asked: list[tuple[Facet, int]] = []
        for f, text, _ in pending:
            if text not in inputs:
                inputs.append(text)
            asked.append((f, inputs.index(text)))
        kwargs: dict[str, Any] = {
            "model": self.model,
            "messages": build_messages(inputs, asked),
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
                    "schema": response_schema([f for f, _ in asked]),
                },
            }
        elif self.response_format == "json_object":
            kwargs["response_format"] = {"type": "json_object"}
        return kwargs

    def _worst_case(self, job: _Job) -> float:
        """USD of the job's call if it used its whole output limit (input estimated high)."""
        assert self.budget is not None
        kwargs = self._request(job.pending)
        sent = [kwargs["messages"], kwargs.get("response_format")]
        return self.budget.estimate(self.model, estimate_tokens(sent), self.max_completion_tokens)

    def _complete(self, job: _Job, reserved: float) -> SummarizeResult:
        """Ask the model for the job's pending facets (again once for malformed ones)."""
        held = [reserved]  # each reservation is released once, after the calls
        try:
            attempts = 0
            while job.pending and attempts < 2:  # first try + one retry of malformed facets
                attempts += 1
                if attempts == 2 and self.budget is not None:
                    cost = self._worst_case(job)
                    if not self.budget.reserve(cost):
                        break  # the malformed facets stay errored: no budget to ask again
                    held.append(cost)
                try:
                    content = self._call(self._request(job.pending), job.res)
                except SummarizerConfigError:
                    raise
                except Exception as e:  # retries exhausted or a non-retryable request error
                    for f, _, _ in job.pending:
                        job.outputs[f.name] = FacetOutput(
                            job.tid, f.name, "errored", error=f"request failed: {describe(e)}"
                        )
                    job.pending = []
                    break
                self._take(job, content)
        finally:
            if self.budget is not None:
                for cost in held:
                    self.budget.release(cost)
        return job.res

    def _take(self, job: _Job, content: str | None) -> None:
        """Record the facets the answer holds; malformed ones stay pending (errored for now)."""
        good, bad = parse_answer(content, [f for f, _, _ in job.pending])
        still = []
        for f, text, key in job.pending:
            if f.name in good:
                summary, label = good[f.name]
                if self.cache is not None:
                    self.cache.put(key, f, self.model, summary, label)
                job.outputs[f.name] = finish(job.tid, f, summary, label)
            else:
                still.append((f, text, key))
                job.outputs[f.name] = FacetOutput(
                    job.tid, f.name, "errored", error=f"malformed model output: {bad[f.name]}"
                )
        job.pending = still

    def _call(self, kwargs: dict[str, Any], res: SummarizeResult) -> str | None:
        def attempt() -> None:
            res.requests += 1

        def retried(_: Exception) -> None:
            res.retries += 1

        resp = call_with_retries(
            lambda: self.client.chat.completions.create(
                **kwargs, timeout=self.deadline.cap(self.timeout_s)
            ),
            self.policy,
            what=self.model,
            on_attempt=attempt,
            on_retry=retried,
            deadline=self.deadline,
        )
        usage = getattr(resp, "usage", None)
        if usage is not None:
            prompt = int(getattr(usage, "prompt_tokens", 0) or 0)
            completion = int(getattr(usage, "completion_tokens", 0) or 0)
            res.prompt_tokens += prompt
            res.completion_tokens += completion
            if self.budget is not None:
                self.budget.charge(SUMMARIES, self.model, prompt, completion)
        choices = getattr(resp, "choices", None) or []
        return choices[0].message.content if choices else None


@dataclass
class _Job:
    """One trace on its way through the model: outputs so far, facets still to ask for."""

    tid: str
    res: SummarizeResult
    outputs: dict[str, FacetOutput] = field(default_factory=dict)
    pending: list[tuple[Facet, str, str]] = field(default_factory=list)  # facet, text, cache key
