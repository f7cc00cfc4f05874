"""Days of synthetic traffic: customers, timestamps, sessions, metrics, trends and bad lines.

Each day has its own random streams seeded from (seed, day), one for good traces and one for
deliberately bad lines, so the good traces of a day are the same with or without bad lines.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate, chain
from pathlib import Path

import orjson

from . import vocab
from .conversation import ConversationBuilder, Customer, pick_index

BAD_LINE_RATE = 0.005
# Bad lines and what ingestion should do with them. Only `duplicate_id` and `oversized` parse
# as traces; none of them count in the ground-truth accounting (the duplicate is a byte-exact
# re-send of a good trace, so per unique id the ground truth is counted once; the oversized
# trace carries no ground truth at all).
BAD_LINE_KINDS = (
    "invalid_json",  # a line cut off mid-write
    "missing_id",
    "bad_timestamp",  # `created` is not a timestamp
    "empty_conversation",  # input, output and messages all empty
    "duplicate_id",  # exact re-send of the previous good line
)
OVERSIZED_KIND = "oversized"  # one trace > 1 MB (a pasted log) per run, on the middle day
OVERSIZED_BYTES = 1_200_000
FOLLOW_UP_P = 0.10

# UTC hour profile: European and American business hours overlap in the afternoon.
_HOUR_WEIGHTS = (
    1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10, 11, 13, 15, 15, 14, 12, 10, 8, 6, 4, 2, 1,
)  # fmt: skip
_HOUR_CUM = list(accumulate(_HOUR_WEIGHTS))
_MODEL_PRICES = {"gpt-4o-mini": (0.15e-6, 0.60e-6), "gpt-4o": (2.50e-6, 10.00e-6)}
_CHANNELS = ("in_app", "web", "slack")
_CHANNEL_CUM = (0.6, 0.9, 1.0)

CUSTOMERS: tuple[Customer, ...] = tuple(
    Customer(slug, name, tier, vocab.USERS_PER_TIER[tier])
    for slug, name, tier, _ in vocab.CUSTOMERS
)
_CUSTOMER_CUM = list(accumulate(w for *_, w in vocab.CUSTOMERS))


def trend_factor(trend: str, progress: float) -> float:
    """Relative weight of an intent at `progress` (0 = first day, 1 = last day of the period)."""
    if trend == "growing":
        return 0.35 + 1.65 * progress
    if trend == "fading":
        return 1.6 - 1.35 * progress
    if trend == "appearing":  # launched mid-period, then ramps up
        return 0.0 if progress < 0.5 else 0.6 + 2.8 * (progress - 0.5)
    return 1.0


def intent_weights(progress: float, tier: str) -> list[float]:
    """Weight of every intent in vocab.INTENTS for one plan tier on one day."""
    return [
        it.weight * trend_factor(it.trend, progress) * it.plan_mult.get(tier, 1.0)
        for it in vocab.INTENTS
    ]


DAY_SECONDS = 86_400
ANSWER_KEY = "ground_truth"  # in-memory traces' metadata key; files keep it in the answer key


def _timestamps(rng: random.Random, n: int, until_s: int = DAY_SECONDS) -> list[int]:
    """Seconds after midnight, sorted, shaped by the hourly profile, squeezed into the
    first `until_s` seconds of the day (today's traffic stops at the current time)."""
    hours = rng.choices(range(24), cum_weights=_HOUR_CUM, k=n)
    secs = sorted(h * 3600 + rng.randrange(3600) for h in hours)
    return secs if until_s >= DAY_SECONDS else [s * until_s // DAY_SECONDS for s in secs]


def seconds_passed(day: date, now: datetime | None = None) -> int:
    """How much of `day` has passed: all of a past (or future) day, part of today."""
    now = now or datetime.now(UTC)
    if day != now.date():
        return DAY_SECONDS
    return max(1, (now - datetime.combine(day, time(), UTC)).seconds)


def _iso(day: date, secs: int) -> str:
    h, rem = divmod(secs, 3600)
    m, s = divmod(rem, 60)
    return f"{day.isoformat()}T{h:02d}:{m:02d}:{s:02d}Z"


class _DayGenerator:
    """State for one day: random stream, intent mix, open sessions."""

    def __init__(self, rng: random.Random, day: date, project_id: str, progress: float) -> None:
        self.rng = rng
        self.day = day
        self.project_id = project_id
        self.builder = ConversationBuilder(rng)
        self.intent_cum = {
            tier: list(accumulate(intent_weights(progress, tier))) for tier in vocab.PLAN_TIERS
        }
        self.agent_version = "2026.10.2" if progress < 0.5 else "2026.11.0"
        self.sessions: list[tuple[str, int, int, int]] = []  # (session, customer, user, intent)
        self.stamp = f"{day:%Y%m%d}"

    def trace(self, idx: str, secs: int, *, allow_follow_up: bool = True) -> dict:
        rng = self.rng
        follow_up = allow_follow_up and bool(self.sessions) and rng.random() < FOLLOW_UP_P
        if follow_up:
            session, ci, user, ii = rng.choice(self.sessions)
        else:
            ci = pick_index(rng.random, _CUSTOMER_CUM)
            tier = CUSTOMERS[ci].tier
            ii = pick_index(rng.random, self.intent_cum[tier])
            user = int(rng.random() * CUSTOMERS[ci].users)
            session = f"s-{self.stamp}-{idx}"
            self.sessions.append((session, ci, user, ii))
            if len(self.sessions) > 40:
                del self.sessions[0]
        customer = CUSTOMERS[ci]
        firsts = vocab.SLOTS["first"]
        built = self.builder.build(
            vocab.INTENTS[ii],
            customer,
            firsts[(ci * 7 + user) % len(firsts)],
            follow_up=follow_up,
        )
        msgs = built.messages
        model = "gpt-4o" if customer.tier == "enterprise" and rng.random() < 0.4 else "gpt-4o-mini"
        p_in, p_out = _MODEL_PRICES[model]
        r = rng.random()
        channel = next(c for c, cum in zip(_CHANNELS, _CHANNEL_CUM, strict=True) if r < cum)
        return {
            "id": f"t-{self.stamp}-{idx}",
            "created": _iso(self.day, secs),
            "project_id": self.project_id,
            "session_id": session,
            "input": [msgs[1]],
            "output": [msgs[-1]] if msgs[-1]["role"] == "assistant" else [],
            "messages": msgs,
            "metadata": {
                "customer": customer.slug,
                "customer_name": customer.name,
                "plan_tier": customer.tier,
                "user_id": f"u-{ci:02d}{user:03d}",
                "channel": channel,
                "model": model,
                "agent_version": self.agent_version,
                ANSWER_KEY: built.ground_truth,
            },
            "metrics": {
                "prompt_tokens": built.prompt_tokens,
                "completion_tokens": built.completion_tokens,
                "total_tokens": built.prompt_tokens + built.completion_tokens,
                "latency_s": built.latency_s,
                "cost_usd": round(built.prompt_tokens * p_in + built.completion_tokens * p_out, 6),
            },
        }


def _day_rng(seed: int, day: date, stream: str) -> random.Random:
    # String seeds hash with SHA-512: stable across processes and PYTHONHASHSEED.
    return random.Random(f"tracetopics:{seed}:{day.isoformat()}:{stream}")


def iter_traces(
    day: date,
    n: int,
    *,
    seed: int = 7,
    project_id: str = "support-agent",
    progress: float = 0.5,
    until_s: int = DAY_SECONDS,
) -> Iterator[dict]:
    """Yield the `n` good traces of `day` in time order (no bad lines).

    `progress` is the day's position in the generated period (0 = first day, 1 = last); it
    drives the intent trends. Same arguments give the same traces.
    """
    rng = _day_rng(seed, day, "traces")
    gen = _DayGenerator(rng, day, project_id, progress)
    for i, secs in enumerate(_timestamps(rng, n, until_s)):
        yield gen.trace(f"{i:06d}", secs)


def _oversized(trace: dict) -> dict:
    """A trace whose user pasted a huge log: > 1 MB serialized."""
    line = "{ts} WARN worker-{w} render tile {t} slow path, retrying ({k})\n"
    ts = trace["created"]
    n = OVERSIZED_BYTES // 2 // 60 + 1  # the message is in both `input` and `messages`
    log = "".join(line.format(ts=ts, w=k % 8, t=k * 7919 % 100003, k=k) for k in range(n))
    msgs = trace["messages"]
    msgs[1] = {"role": "user", "content": msgs[1]["content"] + "\nHere is the full log:\n" + log}
    trace["input"] = [msgs[1]]
    return trace


def _bad_line(kind: str, gen: _DayGenerator, j: int, secs: int, last_good: bytes) -> bytes:
    if kind == "duplicate_id":
        return last_good
    trace = gen.trace(f"bad{j:03d}", secs, allow_follow_up=False)
    del trace["metadata"][ANSWER_KEY]
    trace["metadata"]["synthetic_defect"] = kind
    if kind == "invalid_json":
        full = orjson.dumps(trace)
        return full[: len(full) // 2]
    if kind == "missing_id":
        del trace["id"]
    elif kind == "bad_timestamp":
        trace["created"] = gen.rng.choice(("2026-13-45T25:61:00Z", "yesterday at noon", "n/a"))
    elif kind == "empty_conversation":
        trace["input"], trace["output"], trace["messages"] = [], [], []
    elif kind == OVERSIZED_KIND:
        trace = _oversized(trace)
    return orjson.dumps(trace)


def iter_day_lines(
    day: date,
    n: int,
    *,
    seed: int = 7,
    project_id: str = "support-agent",
    progress: float = 0.5,
    day_index: int = 0,
    bad_lines: bool = True,
    oversized: bool = False,
    until_s: int = DAY_SECONDS,
) -> Iterator[tuple[bytes, dict | None]]:
    """Yield one day's JSONL lines (bytes, no newline), each with its answer: the good traces,
    whose `metadata.ground_truth` is taken out of the line into the answer
    (`{"id", "ground_truth"}`), plus, if asked, about BAD_LINE_RATE bad ones (at least one,
    answer None) at deterministic positions.

    `day_index` rotates the bad-line kinds across days so a few days cover all of them;
    `oversized` adds the one > 1 MB trace.
    """
    before: dict[int, list[str]] = {}  # good-trace index -> bad kinds written before it
    if bad_lines and n > 0:
        brng = _day_rng(seed, day, "bad")
        bad_gen = _DayGenerator(brng, day, project_id, progress)
        k = max(1, int(n * BAD_LINE_RATE + brng.random()))
        kinds = [BAD_LINE_KINDS[(day_index * 2 + j) % len(BAD_LINE_KINDS)] for j in range(k)]
        if oversized:
            kinds.append(OVERSIZED_KIND)
        for kind in kinds:  # never first, so a duplicate always has a line to repeat
            before.setdefault(brng.randrange(1, n + 1), []).append(kind)
    last_good = b""
    n_bad = 0
    traces = iter_traces(
        day, n, seed=seed, project_id=project_id, progress=progress, until_s=until_s
    )
    for i, trace in enumerate(chain(traces, [None])):  # None: the slot after the last trace
        for kind in before.get(i, ()):
            secs = _timestamps(bad_gen.rng, 1, until_s)[0]
            yield _bad_line(kind, bad_gen, n_bad, secs, last_good), None
            n_bad += 1
        if trace is not None:
            answer = {"id": trace["id"], ANSWER_KEY: trace["metadata"].pop(ANSWER_KEY)}
            last_good = orjson.dumps(trace)
            yield last_good, answer


def generate_traffic(
    out_dir: Path,
    *,
    days: int = 30,
    per_day: int = 300,
    seed: int = 7,
    end: date | None = None,
    project_id: str = "support-agent",
    bad_lines: bool = True,
) -> list[Path]:
    """Write one JSONL file per UTC day, `demo-YYYY-MM-DD.jsonl`, for the `days` days ending
    at `end` (default: today, UTC), and its answer key (each good trace's ground truth) to
    the same name in `out_dir/.answer-key/` (answer_key_dir): the key is the benchmarks', never
    a trace's, so the explorer and the exports cannot show it. Same arguments give
    byte-identical files (for past days; today's timestamps stop at the current time). Files
    are written under a temporary name and renamed, so a watcher never sees half a file.
    """
    if days < 1:
        raise ValueError("days must be >= 1")
    end = end or datetime.now(UTC).date()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for i in range(days):
        day = end - timedelta(days=days - 1 - i)
        path = out_dir / f"demo-{day.isoformat()}.jsonl"
        tmp = out_dir / f".{path.name}.tmp"
        lines = iter_day_lines(
            day,
            per_day,
            seed=seed,
            project_id=project_id,
            progress=i / (days - 1) if days > 1 else 1.0,
            day_index=i,
            bad_lines=bad_lines,
            oversized=bad_lines and i == days // 2,
            until_s=seconds_passed(day),
        )
        key_dir = answer_key_dir(out_dir)
        key_dir.mkdir(exist_ok=True)
        key_tmp = key_dir / f".{path.name}.tmp"
        with open(tmp, "wb") as fh, open(key_tmp, "wb") as key:
            for line, answer in lines:
                fh.write(line)
                fh.write(b"\n")
                if answer is not None:
                    key.write(orjson.dumps(answer))
                    key.write(b"\n")
        os.replace(key_tmp, key_dir / path.name)  # the key first: no file without its key
        os.replace(tmp, path)
        written.append(path)
    return written


def answer_key_dir(out_dir: Path) -> Path:
    """Where generate_traffic(out_dir) writes the answer key: a dot folder, which the landing
    scan skips (only top-level non-dot files are traces)."""
    return Path(out_dir) / ".answer-key"


def holds_demo(landing: Path) -> bool:
    """Whether generate_traffic wrote into this folder (its answer key is there)."""
    return answer_key_dir(landing).is_dir()


def not_demo_files(files: list[Path]) -> list[Path]:
    """The files among `files` that generate_traffic did not write (a user's own traces)."""
    return [f for f in files if not re.fullmatch(r"demo-\d{4}-\d{2}-\d{2}\.jsonl", f.name)]


def read_answer_key(out_dir: Path) -> dict[str, dict]:
    """trace id -> ground truth, over every day generate_traffic wrote to `out_dir` ({} when
    it wrote none: traffic that is not the demo's has no answer key)."""
    answers: dict[str, dict] = {}
    for path in sorted(answer_key_dir(out_dir).glob("*.jsonl")):
        for line in path.read_bytes().splitlines():
            if line:
                row = orjson.loads(line)
                answers[row["id"]] = row[ANSWER_KEY]
    return answers
