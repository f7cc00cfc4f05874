"""Calls to an OpenAI-compatible endpoint: one retry loop for every stage that makes them.

The summarizer (chat completions) and the embedder (/embeddings) send requests through
`call_with_retries`: exponential backoff with jitter, honouring Retry-After, on 429, 5xx,
timeouts and connection errors, and on a 200 whose body cannot be used (`MalformedResponse`,
raised by the caller's own parsing). Our loop, not the SDK's, so retries are counted and
reported. A key or model the endpoint rejects fails fast (`EndpointConfigError`). A `Deadline`
bounds all the calls of one run (TRACETOPICS_LLM_DEADLINE_S): once spent, no call is made, so a
silent endpoint costs at most that long.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


class EndpointConfigError(RuntimeError):
    """The endpoint rejects every request (bad key, unknown model): fail fast, do not retry."""


class MalformedResponse(ValueError):
    """A 200 answer whose body cannot be used (not JSON, wrong shape, wrong count)."""


class DeadlineExceeded(RuntimeError):
    """The run's time for model calls (TRACETOPICS_LLM_DEADLINE_S) is spent."""


class Deadline:
    """The time all model calls of one run may take, from when it is made (None: no limit)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds if seconds is not None else None

    def left(self) -> float | None:
        """Seconds left (None: no deadline); raises DeadlineExceeded once they are spent."""
        if self.at is None:
            return None
        left = self.at - time.monotonic()
        if left <= 0:
            raise DeadlineExceeded(self.text())
        return left

    def cap(self, timeout_s: float) -> float:
        """A request's timeout, never past the deadline."""
        left = self.left()
        return timeout_s if left is None else min(timeout_s, left)

    def text(self) -> str:
        return f"the run's {self.seconds:g} s for model calls (TRACETOPICS_LLM_DEADLINE_S) ran out"


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 4
    backoff_s: float = 1.0
    max_backoff_s: float = 30.0

    def delay(self, attempt: int, err: Exception) -> float:
        """Exponential backoff with jitter; a Retry-After header (capped) wins when longer."""
        delay = min(self.max_backoff_s, self.backoff_s * 2**attempt) * (0.5 + random.random() / 2)
        headers = getattr(getattr(err, "response", None), "headers", None) or {}
        try:
            retry_after = float(headers.get("retry-after", ""))
        except (TypeError, ValueError):
            retry_after = None
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.max_backoff_s))
        return delay


def _retryable(e: Exception) -> bool:
    import openai

    if isinstance(e, MalformedResponse | json.JSONDecodeError | openai.APIResponseValidationError):
        return True
    if isinstance(
        e, openai.APIConnectionError | openai.RateLimitError | openai.InternalServerError
    ):
        return True  # APITimeoutError is an APIConnectionError
    if isinstance(e, openai.APIStatusError):
        return e.status_code in (408, 409, 425, 429) or e.status_code >= 500
    return False


def call_with_retries(
    send: Callable[[], T],
    policy: RetryPolicy,
    *,
    what: str,
    on_attempt: Callable[[], None] | None = None,
    on_retry: Callable[[Exception], None] | None = None,
    deadline: Deadline | None = None,
) -> T:
    """`send()` until it returns, retrying what is worth retrying; the last error is raised.

    `what` names the model in a config error. `on_attempt` runs before every request (count
    requests), `on_retry` after each failure that will be retried (count retries, log). With a
    `deadline`, no request starts once it is spent and no retry waits past it
    (DeadlineExceeded)."""
    import openai

    for attempt in range(policy.max_retries + 1):
        if deadline is not None:
            deadline.left()  # raises once spent: no call
        if on_attempt is not None:
            on_attempt()
        try:
            return send()
        except (
            openai.AuthenticationError,
            openai.PermissionDeniedError,
            openai.NotFoundError,
        ) as e:
            raise EndpointConfigError(f"{what}: {describe(e)}") from e
        except Exception as e:
            if not _retryable(e) or attempt == policy.max_retries:
                raise
            if on_retry is not None:
                on_retry(e)
            delay = policy.delay(attempt, e)
            left = deadline.left() if deadline is not None else None
            if left is not None and left <= delay:
                raise DeadlineExceeded(deadline.text()) from e
            time.sleep(delay)
    raise AssertionError("unreachable")


def describe(e: BaseException) -> str:
    """One line naming the error: its type, HTTP status and the start of its message."""
    status = getattr(e, "status_code", None)
    msg = str(e).splitlines()[0][:200] if str(e) else ""
    return f"{type(e).__name__}" + (f" {status}" if status else "") + (f": {msg}" if msg else "")


def estimate_tokens(payload: Any) -> int:
    """A deliberately high estimate of the input tokens of a request (no tokenizer offline):
    UTF-8 bytes / 3, where English runs ~4 characters a token. Budgets reserve with it."""
    text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    return len(text.encode("utf-8")) // 3 + 8
