"""The synthetic traffic generator: determinism, variety, trends, bad lines, and ground truth
that agrees with the generated text (checked with oracles written independently of the
generator's own bookkeeping)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tracetopics_pipeline.demo import (
    BAD_LINE_KINDS,
    INTENT_NAMES,
    ISSUE_KINDS,
    SENTIMENTS,
    SLOW_LATENCY_S,
    generate_traffic,
    read_answer_key,
)

END = date(2026, 10, 30)  # a past day: today's traffic depends on the time
DAYS, PER_DAY = 30, 100

POS_RE = re.compile(
    r"\b(?:thanks|thank you|love|great|awesome|perfect|appreciate|brilliant|excellent|helpful)",
    re.I,
)
NEG_RE = re.compile(
    r"\b(?:ridiculous|frustrat\w*|unacceptable|useless|annoying|terrible|wast\w*|fed up|"
    r"disappoint\w*|still not|didn't help|doesn't help|person|human)\b",
    re.I,
)
TOOL_ERROR_RE = re.compile(
    r"error|exception|traceback|timed? ?out|\"status\": [45]\d\d|HTTP [45]\d\d", re.I
)
REFUSAL_RE = re.compile(r"\bI can't\b|\bI'm unable\b|\bI'm not able\b")
COMPETITORS = ("Looker", "Tableau", "Power BI", "Metabase", "Mode", "Sigma", "Qlik")
PRICING_RE = re.compile(r"\b(?:cost|price|pricing|quote)\b", re.I)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("traffic")
    return generate_traffic(out, days=DAYS, per_day=PER_DAY, seed=7, end=END)


@pytest.fixture(scope="module")
def lines(files) -> list[tuple[Path, bytes]]:
    return [(f, line) for f in files for line in f.read_bytes().split(b"\n") if line]


@pytest.fixture(scope="module")
def answers(files) -> dict[str, dict]:
    return read_answer_key(files[0].parent)


@pytest.fixture(scope="module")
def traces(lines, answers) -> list[dict]:
    """The good traces (the ones the answer key holds), one per id, with their ground truth
    put back in `metadata.ground_truth` as iter_traces yields them."""
    out: dict[str, dict] = {}
    for _, line in lines:
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if rec.get("id") in answers:
            rec["metadata"]["ground_truth"] = answers[rec["id"]]
            out[rec["id"]] = rec
    return list(out.values())


def test_the_files_do_not_carry_the_answer_key(files, lines, answers):
    """No line of the files has the generator's answers (the explorer and every export would
    show them); the key beside them holds every good trace, and the landing scan skips it."""
    from tracetopics_pipeline.core.ingest.landing import landing_files

    assert not [line for _, line in lines if b"ground_truth" in line]
    assert len(answers) == DAYS * PER_DAY
    assert set(next(iter(answers.values()))) >= {"intent", "sentiment", "issues", "churn_risk"}
    assert landing_files(files[0].parent) == files


def _user_texts(t: dict) -> list[str]:
    return [m["content"] for m in t["messages"] if m["role"] == "user"]


def test_files_named_per_day_and_deterministic(tmp_path, files):
    assert [f.name for f in files] == [
        f"demo-{(END - timedelta(days=DAYS - 1 - i)).isoformat()}.jsonl" for i in range(DAYS)
    ]
    a = generate_traffic(tmp_path / "a", days=3, per_day=60, seed=11, end=END)
    b = generate_traffic(tmp_path / "b", days=3, per_day=60, seed=11, end=END)
    c = generate_traffic(tmp_path / "c", days=3, per_day=60, seed=12, end=END)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert all(pa.read_bytes() != pc.read_bytes() for pa, pc in zip(a, c, strict=True))
    assert not list((tmp_path / "a").rglob("*.tmp"))  # temp files renamed away
    assert read_answer_key(tmp_path / "a") == read_answer_key(tmp_path / "b")


def test_identical_across_processes(tmp_path):
    """String hashing is randomized per process; the output must not depend on it."""
    code = (
        "import hashlib, sys, datetime\n"
        "from pathlib import Path\n"
        "from tracetopics_pipeline.demo import generate_traffic\n"
        "fs = generate_traffic(Path(sys.argv[1]), days=2, per_day=80, seed=5,\n"
        "                      end=datetime.date(2026, 10, 30))\n"
        "print(hashlib.sha256(b''.join(f.read_bytes() for f in fs)).hexdigest())\n"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / hash_seed)],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_default_end_is_today_utc(tmp_path):
    (path,) = generate_traffic(tmp_path, days=1, per_day=3, bad_lines=False)
    assert path.name == f"demo-{datetime.now(UTC).date().isoformat()}.jsonl"


def test_trace_format(traces):
    assert len(traces) == DAYS * PER_DAY
    ts = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
    hours = set()
    for t in traces:
        assert list(t)[:9] == [
            "id", "created", "project_id", "session_id", "input", "output", "messages",
            "metadata", "metrics",
        ]  # fmt: skip
        assert ts.match(t["created"])
        assert t["id"][2:10] == t["created"][:10].replace("-", "")
        hours.add(int(t["created"][11:13]))
        assert t["project_id"] == "support-agent"
        assert t["input"] == [t["messages"][1]] and t["input"][0]["role"] == "user"
        assert t["output"] == (
            [t["messages"][-1]] if t["messages"][-1]["role"] == "assistant" else []
        )
        md = t["metadata"]
        assert md["plan_tier"] in ("free", "pro", "business", "enterprise")
        assert md["customer"] and md["user_id"].startswith("u-")
        m = t["metrics"]
        assert m["total_tokens"] == m["prompt_tokens"] + m["completion_tokens"] > 0
        assert m["cost_usd"] > 0 and m["latency_s"] > 0
        # OpenAI-style tool calls: every tool reply answers a call made just before it.
        open_calls: set[str] = set()
        for msg in t["messages"]:
            for call in msg.get("tool_calls") or ():
                assert call["type"] == "function"
                json.loads(call["function"]["arguments"])
                open_calls.add(call["id"])
            if msg["role"] == "tool":
                assert msg["tool_call_id"] in open_calls
    assert len(hours) >= 16
    assert len({t["metadata"]["customer"] for t in traces}) >= 30


def test_intents_have_many_phrasings(traces):
    firsts: dict[str, set[str]] = defaultdict(set)
    for t in traces:
        firsts[t["metadata"]["ground_truth"]["intent"]].add(_user_texts(t)[0])
    assert len(firsts) >= 12 and set(firsts) == set(INTENT_NAMES)
    for intent, msgs in firsts.items():
        assert len(msgs) >= 20, (intent, len(msgs))
    # Variety is not only greetings: distinct wordings after dropping everything but the
    # longest sentence (the request) are still plentiful.
    for intent, msgs in firsts.items():
        cores = {max(re.split(r"(?<=[.?!])\s+", m), key=len).lower() for m in msgs}
        assert len(cores) >= 15, (intent, len(cores))


def test_all_labels_present(traces):
    gts = [t["metadata"]["ground_truth"] for t in traces]
    assert {g["sentiment"] for g in gts} == set(SENTIMENTS)
    assert {i for g in gts for i in g["issues"]} == set(ISSUE_KINDS)
    assert any(not g["issues"] for g in gts)
    assert {g["churn_risk"] for g in gts} == {"LOW", "MEDIUM", "HIGH", "CRITICAL"}
    assert {g["pricing"] for g in gts} == {"NONE", "COST", "TIER_COMPARISON", "CUSTOM_QUOTE"}
    assert {g["feature_request"] for g in gts} == {
        "NONE", "NEW_CAPABILITY", "IMPROVEMENT", "BUG_AS_REQUEST",
    }  # fmt: skip
    assert {g["competitor"] for g in gts} == {"NONE", *COMPETITORS}
    turns = Counter(len(_user_texts(t)) for t in traces)
    assert set(turns) >= {1, 2, 3, 4, 5}


def test_ground_truth_matches_text(traces):
    for t in traces:
        gt = t["metadata"]["ground_truth"]
        msgs = t["messages"]
        issues = set(gt["issues"])
        tool_replies = [m["content"] for m in msgs if m["role"] == "tool"]
        calls = [c["function"]["name"] for m in msgs for c in m.get("tool_calls") or ()]
        said = [m["content"] for m in msgs if m["role"] == "assistant" and m["content"]]
        users = " ".join(_user_texts(t))

        assert ("failed_tool_call" in issues) == any(TOOL_ERROR_RE.search(r) for r in tool_replies)
        assert ("escalation" in issues) == any(
            c in ("escalate_to_human", "transfer_to_human") for c in calls
        )
        assert ("incomplete_answer" in issues) == (msgs[-1]["role"] == "user")
        assert ("loop" in issues) == (len(said) != len(set(said)))
        if "loop" not in issues:  # not even a reworded repeat ("Sorry about that. <same>")
            assert not any(a != b and a in b for a in said for b in said), said
        assert ("refusal" in issues) == any(REFUSAL_RE.search(s) for s in said)
        assert ("timeout" in issues) == (t["metrics"]["latency_s"] >= SLOW_LATENCY_S)

        pos, neg = bool(POS_RE.search(users)), bool(NEG_RE.search(users))
        expected = (
            "MIXED" if pos and neg else "POSITIVE" if pos else "NEGATIVE" if neg else "NEUTRAL"
        )
        assert gt["sentiment"] == expected, (gt["sentiment"], users)

        named = [c for c in COMPETITORS if re.search(rf"\b{c}\b", users)]
        assert named == ([] if gt["competitor"] == "NONE" else [gt["competitor"]]), users
        if gt["pricing"] == "NONE":
            assert not PRICING_RE.search(users), users
        elif gt["pricing"] in ("COST", "CUSTOM_QUOTE"):
            assert PRICING_RE.search(users), users
        if gt["churn_risk"] != "LOW":
            assert gt["sentiment"] in ("NEGATIVE", "MIXED")
        if gt["churn_risk"] == "CRITICAL":
            assert re.search(r"cancel|move to|switching to", users), users


def test_trends(traces):
    weeks: dict[int, Counter] = defaultdict(Counter)
    first = END - timedelta(days=DAYS - 1)
    for t in traces:
        d = date.fromisoformat(t["created"][:10])
        weeks[(d - first).days // 7][t["metadata"]["ground_truth"]["intent"]] += 1

    def share(week: int, intent: str) -> float:
        return weeks[week][intent] / sum(weeks[week].values())

    assert share(3, "sso_saml_setup") > 1.8 * share(0, "sso_saml_setup")
    assert share(3, "embed_dashboard") > 1.5 * share(0, "embed_dashboard")
    assert share(3, "scheduled_report_failing") < 0.6 * share(0, "scheduled_report_failing")
    assert share(3, "dashboard_slow") < 0.7 * share(0, "dashboard_slow")
    # Ask AI launches mid-period: absent from the first half, present in the second.
    by_day = Counter(
        t["created"][:10]
        for t in traces
        if t["metadata"]["ground_truth"]["intent"] == "ai_insights"
    )
    mid = first + timedelta(days=DAYS // 2)
    assert by_day and min(by_day) >= mid.isoformat()
    assert sum(by_day.values()) > 0.04 * len(traces) / 2


def test_sessions_follow_ups(traces):
    sessions: dict[str, list[dict]] = defaultdict(list)
    for t in traces:
        sessions[t["session_id"]].append(t)
    multi = [ts for ts in sessions.values() if len(ts) > 1]
    assert len(multi) >= 0.03 * len(traces)
    for ts in multi:
        assert len({(t["metadata"]["customer"], t["metadata"]["user_id"]) for t in ts}) == 1
        assert len({t["metadata"]["ground_truth"]["intent"] for t in ts}) == 1
        assert [t["created"] for t in ts] == sorted(t["created"] for t in ts)


def test_bad_lines(lines, tmp_path, files, answers):
    bad: Counter = Counter()
    seen: dict[str, bytes] = {}
    for _, line in lines:
        try:
            rec = json.loads(line)
        except ValueError:
            bad["invalid_json"] += 1
            continue
        if len(line) > 1_000_000:
            bad["oversized"] += 1
            assert rec["id"] not in answers
            continue
        if "id" not in rec:
            bad["missing_id"] += 1
        elif rec["id"] in seen:
            assert seen[rec["id"]] == line  # a re-sent trace, byte for byte
            bad["duplicate_id"] += 1
        elif not rec["messages"] and not rec["input"]:
            bad["empty_conversation"] += 1
        else:
            try:
                datetime.strptime(rec["created"], "%Y-%m-%dT%H:%M:%SZ")
            except ValueError:
                bad["bad_timestamp"] += 1
        if "id" in rec:
            seen[rec["id"]] = line
        if rec.get("id") not in answers or "synthetic_defect" in rec["metadata"]:
            assert rec["metadata"]["synthetic_defect"] in BAD_LINE_KINDS
    assert set(bad) == {*BAD_LINE_KINDS, "oversized"} and bad["oversized"] == 1
    total_bad = sum(bad.values())
    assert total_bad == len(lines) - DAYS * PER_DAY
    assert 0.002 < total_bad / len(lines) < 0.012

    clean = generate_traffic(tmp_path, days=DAYS, per_day=PER_DAY, seed=7, end=END, bad_lines=False)
    clean_lines = [ln for f in clean for ln in f.read_bytes().split(b"\n") if ln]
    assert len(clean_lines) == DAYS * PER_DAY
    # Bad lines come from their own random stream: the good traces are unchanged.
    good = [ln for _, ln in lines if b'"synthetic_defect"' not in ln and ln.endswith(b"}")]
    assert list(dict.fromkeys(good)) == clean_lines


def test_vocabulary_keeps_the_sentiment_contract():
    """Every phrase carries exactly the sentiment its list promises, whichever gets drawn."""
    from tracetopics_pipeline.demo import vocab

    neutral = [x for it in vocab.INTENTS for x in (*it.requests, *it.followups, it.refusal_ask)]
    for name in ("GREETINGS", "CONTEXTS", "CLOSINGS", "FOLLOWUP_SESSION", "GENERIC_FOLLOWUPS"):
        neutral += getattr(vocab, name)
    neutral += [*vocab.TRIED_IT, *vocab.COMPETITOR_MENTIONS]
    neutral += [
        x for group in (vocab.PRICING, vocab.FEATURE_REQUESTS) for v in group.values() for x in v
    ]
    neutral += [x for k, v in vocab.SLOTS.items() if k != "comp" for x in v]
    for text in neutral:
        assert not POS_RE.search(text) and not NEG_RE.search(text), text
    for text in (*vocab.POS_OPENERS, *vocab.POS_CLOSERS):
        assert POS_RE.search(text) and not NEG_RE.search(text), text
    for text in (*vocab.NEG_OPENERS, *vocab.NEG_FOLLOWUPS, *vocab.NEG_LOOP, *vocab.NEG_HUMAN):
        assert NEG_RE.search(text) and not POS_RE.search(text), text
    for text in (*vocab.MIX_OPENERS, *vocab.MIX_LATER):
        assert NEG_RE.search(text) and POS_RE.search(text), text
    for text in (x for v in vocab.CHURN.values() for x in v):
        assert not POS_RE.search(text), text
    # Competitor names come only from the competitor and churn sentences.
    for text in neutral:
        if "{comp}" not in text:
            assert not any(re.search(rf"\b{c}\b", text) for c in COMPETITORS), text


def test_demo_traffic_through_ingest(tmp_path):
    """The generated files take the real ingest path: good traces land once each, the
    oversized one is truncated, and every other bad line is quarantined — none is lost."""
    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.ingest.stage import ingest_days

    files = generate_traffic(tmp_path / "landing", days=3, per_day=100, seed=2, end=END)
    n_lines = sum(1 for f in files for ln in f.read_bytes().split(b"\n") if ln)
    conn = warehouse.connect(tmp_path / "w.duckdb")
    days = [END - timedelta(days=i) for i in range(3)]
    ingest_days(conn, tmp_path / "landing", days, today=END)
    answers = read_answer_key(tmp_path / "landing")
    ids = [i for (i,) in conn.execute("SELECT id FROM raw_traces").fetchall()]
    with_truth = sum(i in answers for i in ids)
    total, truncated, shown = conn.execute(
        "SELECT count(*), count(*) FILTER (WHERE truncated),"
        " count(*) FILTER (WHERE json_extract(metadata, '$.ground_truth') IS NOT NULL)"
        " FROM raw_traces"
    ).fetchone()
    assert shown == 0  # the warehouse, hence the explorer and every export, has no answers
    (quarantined,) = conn.execute("SELECT count(*) FROM quarantine").fetchone()
    assert with_truth == 300 and total == 301 and truncated == 1
    assert total + quarantined == n_lines


def test_todays_traffic_is_not_in_the_future(tmp_path: Path) -> None:
    """Traffic ending today stops at the current time (seed queries filter on now())."""
    from tracetopics_pipeline.demo.traffic import seconds_passed

    before = datetime.now(UTC)
    (path,) = generate_traffic(tmp_path, days=1, per_day=200, seed=3, bad_lines=False)
    latest = max(json.loads(line)["created"] for line in path.read_text().splitlines())
    assert path.name == f"demo-{before.date().isoformat()}.jsonl"
    assert datetime.fromisoformat(latest.replace("Z", "+00:00")) <= datetime.now(UTC)
    noon = datetime.combine(END, datetime.min.time(), UTC) + timedelta(hours=12)
    assert seconds_passed(END, noon) == 43_200
    assert seconds_passed(END - timedelta(days=1), noon) == 86_400
