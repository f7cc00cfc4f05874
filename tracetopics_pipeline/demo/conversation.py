"""One synthetic support conversation: turns, tool calls, failures, and its ground truth.

The ground truth is recorded while the text is written, from what is actually emitted:
- failed_tool_call: some role=tool reply carries an error (JSON error, HTTP status, traceback,
  timeout); successful tool replies never contain error words or status codes.
- incomplete_answer: the final user turn gets no assistant reply.
- refusal: an assistant message refuses ("I can't", "I'm unable", "I'm not able");
  no other assistant text uses those phrases.
- loop: an assistant message repeats an earlier assistant message verbatim; otherwise all
  assistant messages of a conversation are distinct.
- escalation: an `escalate_to_human` / `transfer_to_human` tool call.
- timeout: metrics.latency_s >= SLOW_LATENCY_S (a tool timing out makes the trace slow too).
- sentiment: from the user's wording only (see vocab's cue lists).
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TypeVar

import orjson

from . import vocab
from .vocab import Intent

T = TypeVar("T")

SLOW_LATENCY_S = 30.0
ISSUE_KINDS = ("failed_tool_call", "incomplete_answer", "refusal", "loop", "escalation", "timeout")
SENTIMENTS = ("POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED")
CHURN_LEVELS = ("LOW", "MEDIUM", "HIGH", "CRITICAL")
ESCALATION_TOOLS = ("escalate_to_human", "transfer_to_human")

# Error replies a tool may return. "timeout" kinds also make the whole trace slow.
TOOL_ERRORS: tuple[tuple[str, str], ...] = (
    ("http", '{{"error": {{"code": 500, "message": "Internal Server Error"}}, "tool": "{tool}"}}'),
    ("http", '{{"error": "upstream_unavailable", "status": 503}}'),
    ("http", "Error: HTTP 502 Bad Gateway from {tool}"),
    ("http", '{{"error": "rate_limited", "status": 429, "retry_after": 30}}'),
    ("http", '{{"status": 403, "error": "permission denied for workspace {customer}"}}'),
    (
        "exception",
        'Traceback (most recent call last):\n  File "tools/{tool}.py", line 88, in run\n'
        "ConnectionResetError: [Errno 104] Connection reset by peer",
    ),
    ("exception", "Exception: KeyError('workspace_id') while running {tool}"),
    ("timeout", "TimeoutError: {tool} did not respond within 30s"),
    ("timeout", '{{"error": "timeout", "detail": "{tool} timed out after 30000 ms"}}'),
)

_TURN_CUM = tuple(accumulate((0.36, 0.30, 0.18, 0.10, 0.06)))
# Sentiment (POSITIVE, NEUTRAL, NEGATIVE, MIXED) given 0, 1, 2+ issues: trouble sours users.
_SENT_CUM = tuple(
    tuple(accumulate(w))
    for w in ((0.32, 0.50, 0.10, 0.08), (0.08, 0.30, 0.42, 0.20), (0.03, 0.17, 0.55, 0.25))
)
# Churn level given an unhappy user (cumulative): CRITICAL 7%, HIGH 13%, MEDIUM 18%, else LOW.
_CHURN_CUM = (("CRITICAL", 0.07), ("HIGH", 0.20), ("MEDIUM", 0.38))
_OPENERS = {"pos": vocab.POS_OPENERS, "neg": vocab.NEG_OPENERS, "mix": vocab.MIX_OPENERS}
_FEATURE_KINDS = ("NEW_CAPABILITY", "IMPROVEMENT", "BUG_AS_REQUEST")
_PRICING_KINDS = ("COST", "TIER_COMPARISON", "CUSTOM_QUOTE")
_TIER_NAMES = ("Free", "Pro", "Business", "Enterprise")
_TIER_INDEX = {t: i for i, t in enumerate(vocab.PLAN_TIERS)}
_INTENT_FEATURE_P = {
    "ai_insights": 0.25,
    "embed_dashboard": 0.18,
    "chart_not_rendering": 0.15,
    "slack_integration": 0.12,
}
_INTENT_PRICING_P = {"change_plan": 0.35, "billing_invoice": 0.15, "ai_insights": 0.10}
_INTENT_ESC_P = {"billing_invoice": 0.15, "delete_account_gdpr": 0.15, "sso_saml_setup": 0.10}
_INTENT_REFUSAL_P = {
    "delete_account_gdpr": 0.15,
    "billing_invoice": 0.08,
    "permissions_roles": 0.10,
}


@dataclass(frozen=True)
class Customer:
    slug: str
    name: str
    tier: str
    users: int


class Slots(dict):
    """Template slots filled on first use, so an entity is the same in every turn of a trace."""

    __slots__ = ("rnd",)

    def __init__(self, rnd: Callable[[], float], base: dict[str, str]) -> None:
        super().__init__(base)
        self.rnd = rnd

    def __missing__(self, key: str) -> str:
        choices = vocab.SLOTS[key.rstrip("2")]
        value = pick(self.rnd, choices)
        if key.endswith("2"):  # {role2}, {dataset2}: a different value than {role}, {dataset}
            first = self[key[:-1]]
            while value == first:
                value = pick(self.rnd, choices)
        self[key] = value
        return value


def pick(rnd: Callable[[], float], seq: Sequence[T]) -> T:
    """A uniform choice; several times faster than Random.choice on the hot path."""
    return seq[int(rnd() * len(seq))]


def pick_index(rnd: Callable[[], float], cum: Sequence[float]) -> int:
    """An index drawn with cumulative weights `cum`."""
    return bisect_right(cum, rnd() * cum[-1])


def _fill(template: str, slots: Slots) -> str:
    return template.format_map(slots) if "{" in template else template


def _typo(rng: random.Random, text: str) -> str:
    """Swap two adjacent letters inside one longer word, as fast typists do."""
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not idx:
        return text
    i = pick(rng.random, idx)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def _vary(rng: random.Random, text: str) -> str:
    """Surface variation of the request: casing, typos, dropped punctuation."""
    r = rng.random()
    if r < 0.18:
        text = text.lower()
    elif r < 0.21:
        text = text[0].upper() + text[1:]
    if rng.random() < 0.12:
        text = _typo(rng, text)
    if text[-1] in "?." and rng.random() < 0.12:
        text = text[:-1]
    return text


def _pick_issues(rng: random.Random, intent: Intent) -> dict[str, bool]:
    name = intent.name
    rnd = rng.random
    return {
        "failed_tool_call": rnd() < intent.fail_p,
        "incomplete_answer": rnd() < 0.07,
        "refusal": rnd() < _INTENT_REFUSAL_P.get(name, 0.04),
        "loop": rnd() < 0.05,
        "escalation": rnd() < _INTENT_ESC_P.get(name, 0.07),
        "slow": rnd() < (0.10 if name == "dashboard_slow" else 0.04),
    }


def _pick_sentiment(rng: random.Random, n_issues: int) -> str:
    if n_issues == 0:
        weights = _SENT_CUM[0]
    elif n_issues == 1:
        weights = _SENT_CUM[1]
    else:
        weights = _SENT_CUM[2]
    return SENTIMENTS[pick_index(rng.random, weights)]


def _plan_tones(rng: random.Random, sentiment: str, n: int, incomplete: bool) -> list[str]:
    """Tone of each user turn: 'pos', 'neg', 'mix' or 'neu'; together they make `sentiment`."""
    tones = ["neu"] * n
    if sentiment == "POSITIVE":
        # Positive users mostly thank at the end (or open warmly when the end is unanswered).
        last = n - 1
        tones[last if n > 1 and rng.random() < 0.75 else 0] = "pos"
    elif sentiment == "NEGATIVE":
        for i in range(n):
            if rng.random() < 0.5:
                tones[i] = "neg"
        if "neg" not in tones:
            tones[rng.randrange(n)] = "neg"
    elif sentiment == "MIXED":
        if n == 1 or rng.random() < 0.4:
            tones[rng.randrange(n)] = "mix"
        else:
            a, b = rng.sample(range(n), 2)
            tones[a], tones[b] = "pos", "neg"
    return tones


@dataclass
class _Plan:
    n_user: int
    n_assist: int  # n_user, or n_user - 1 when the final user turn goes unanswered
    incomplete: bool
    slow: bool
    loop_at: int  # -1 when the issue is not planned
    repeat_at: int
    refusal_at: int
    fail_at: int
    esc_at: int
    sentiment: str
    tones: list[str]
    extras: list[list[str]]  # extra sentences per user turn
    feature: str
    pricing: str
    churn: str


@dataclass
class _Transcript:
    """What has been written so far, and the issue flags the text now supports."""

    msgs: list[dict]
    context_chars: int
    prompt_tokens: int = 0
    completion_chars: int = 0
    latency: float = 0.0
    failed: bool = False
    refused: bool = False
    escalated: bool = False
    tool_timed_out: bool = False
    said: list[str] = field(default_factory=list)  # assistant messages so far
    bodies: set[str] = field(default_factory=set)  # their answers, so none is reused reworded


@dataclass
class Built:
    messages: list[dict]
    ground_truth: dict
    latency_s: float
    prompt_tokens: int
    completion_tokens: int


class ConversationBuilder:
    """Builds conversations from one random stream; methods are split for readability."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.rnd = rng.random

    def _call_id(self) -> str:
        return f"call_{self.rng.getrandbits(48):012x}"

    def _tool_ok(self, tool: str, slots: Slots, intent: Intent) -> str:
        rnd = self.rnd
        if tool == "search_docs":
            title, path = intent.doc
            return (
                f'{{"results": [{{"title": "{title}", "url": "https://docs.brightboard.io/{path}", '
                f'"score": 0.{70 + int(rnd() * 29)}}}]}}'
            )
        if tool == "get_account":
            return (
                f'{{"customer": "{slots["customer"]}", "plan": "{slots["tier"]}", '
                f'"seats": {2 + int(rnd() * 298)}, "state": "active"}}'
            )
        if tool == "run_export":
            return f'{{"export_id": "exp_{self.rng.getrandbits(32):08x}", "state": "ready", "rows": {10 + int(rnd() * 89990)}}}'
        if tool == "get_invoice":
            return f'{{"invoice": "INV-2026-{1000 + int(rnd() * 8999)}", "amount": "{slots["amount"]}", "state": "paid"}}'
        if tool in ("escalate_to_human", "transfer_to_human"):
            return f'{{"queued": true, "queue": "tier2", "ticket": "{slots["ticket"]}", "eta_minutes": {slots["eta"]}}}'
        if tool == "create_ticket":
            return f'{{"ticket_id": "SUP-{10000 + int(rnd() * 89999)}", "state": "open"}}'
        return f'{{"ok": true, "tool": "{tool}", "checked_at": "{slots["clock"]}"}}'

    def _tool_args(self, tool: str, slots: Slots, intent: Intent) -> str:
        if tool == "search_docs":
            args = {"query": slots["query"]}
        elif tool == "run_export":
            args = {"dashboard": slots["dash"], "format": slots["fmt"]}
        elif tool in ESCALATION_TOOLS:
            args = {"reason": pick(self.rnd, vocab.ESCALATION_REASONS), "priority": "high"}
        else:
            args = {"customer": slots["customer"]}
        return orjson.dumps(args).decode()

    def _tool_turn(
        self, msgs: list[dict], tool: str, content: str, slots: Slots, intent: Intent
    ) -> int:
        """Append an assistant tool call and the tool's reply; return characters written."""
        cid = self._call_id()
        args = self._tool_args(tool, slots, intent)
        msgs.append(
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {"id": cid, "type": "function", "function": {"name": tool, "arguments": args}}
                ],
            }
        )
        msgs.append({"role": "tool", "tool_call_id": cid, "name": tool, "content": content})
        return len(args) + len(content)

    def _plan(self, intent: Intent, customer: Customer) -> _Plan:
        """Decide turn count, which issues happen at which turn, tones and extra signals."""
        rng = self.rng
        rnd = self.rnd
        iss = _pick_issues(rng, intent)
        incomplete, loop, refusal = iss["incomplete_answer"], iss["loop"], iss["refusal"]
        esc, fail = iss["escalation"], iss["failed_tool_call"]
        n_user = 1 + pick_index(rnd, _TURN_CUM)
        # Enough assistant turns for the planned issues; a loop needs two, and escalation
        # (always the last assistant turn) must come after the loop.
        needed = max(
            1 if (fail or esc or refusal) else 0,
            2 * loop + refusal + (1 if esc and loop else 0),
        )
        n_assist = max(n_user - incomplete, needed)
        n_user = n_assist + incomplete
        loop_at = int(rnd() * (n_assist - 1 - esc)) if loop else -1
        repeat_at = loop_at + 1 if loop else -1  # the assistant turn that repeats the previous
        refusal_at = -1
        if refusal:
            refusal_at = pick(rnd, [i for i in range(n_assist) if i not in (loop_at, repeat_at)])
        esc_at = n_assist - 1 if esc else -1

        sentiment = _pick_sentiment(rng, sum(iss.values()))
        tones = _plan_tones(rng, sentiment, n_user, incomplete)
        if esc_at > 0 and tones[esc_at] == "pos":
            # Nobody is handed to a human right after "thanks, that worked": thank earlier.
            tones[esc_at], tones[0] = tones[0], "pos"
        fail_at = -1
        if fail:
            # Not on the repeated turn (it has no tool calls), a refusal, or after a thank-you.
            ok_turns = [
                i
                for i in range(n_assist)
                if i not in (repeat_at, refusal_at) and (i == 0 or tones[i] != "pos")
            ]
            fail_at = pick(rnd, ok_turns) if ok_turns else -1

        # Custom-facet signals, each a sentence added to one user turn.
        extras: list[list[str]] = [[] for _ in range(n_user)]
        feature = "NONE"
        if rnd() < _INTENT_FEATURE_P.get(intent.name, 0.07):
            feature = _FEATURE_KINDS[pick_index(rnd, (0.4, 0.75, 1.0))]
            extras[int(rnd() * n_user)].append(pick(rnd, vocab.FEATURE_REQUESTS[feature]))
        pricing = "NONE"
        if rnd() < _INTENT_PRICING_P.get(intent.name, 0.04):
            quote_w = 0.35 if customer.tier == "enterprise" else 0.12
            pricing = _PRICING_KINDS[pick_index(rnd, (0.5, 0.88, 0.88 + quote_w))]
            turn = 0 if rnd() < 0.7 else int(rnd() * n_user)
            extras[turn].append(pick(rnd, vocab.PRICING[pricing]))
        if rnd() < 0.07:
            extras[int(rnd() * n_user)].append(pick(rnd, vocab.COMPETITOR_MENTIONS))
        churn = "LOW"
        neg_turns = [i for i, t in enumerate(tones) if t in ("neg", "mix")]
        if neg_turns:  # churn language only ever comes from an unhappy user
            r = rnd()
            for level, cum in _CHURN_CUM:
                if r < cum:
                    churn = level
                    extras[pick(rnd, neg_turns)].append(pick(rnd, vocab.CHURN[level]))
                    break
        return _Plan(
            n_user=n_user,
            n_assist=n_assist,
            incomplete=incomplete,
            slow=iss["slow"],
            loop_at=loop_at,
            repeat_at=repeat_at,
            refusal_at=refusal_at,
            fail_at=fail_at,
            esc_at=esc_at,
            sentiment=sentiment,
            tones=tones,
            extras=extras,
            feature=feature,
            pricing=pricing,
            churn=churn,
        )

    def _user_turn(self, i: int, plan: _Plan, intent: Intent, slots: Slots, follow_up: bool) -> str:
        rnd = self.rnd
        tone = plan.tones[i]
        parts: list[str] = []
        if i == 0:
            if follow_up:
                parts.append(pick(rnd, vocab.FOLLOWUP_SESSION))
            elif rnd() < 0.55:
                parts.append(pick(rnd, vocab.GREETINGS))
            if tone in _OPENERS:
                parts.append(pick(rnd, _OPENERS[tone]))
            ctx = pick(rnd, vocab.CONTEXTS) if rnd() < 0.3 else None
            if ctx and rnd() < 0.5:
                parts.append(ctx)
                ctx = None
            request = _vary(self.rng, _fill(pick(rnd, intent.requests), slots))
            slots["query"] = request[:80].lower()
            parts.append(request)
            if ctx:
                parts.append(ctx)
            if tone == "neg" and i == plan.esc_at and rnd() < 0.5:
                parts.append(pick(rnd, vocab.NEG_HUMAN))
        else:
            question = pick(rnd, intent.followups if rnd() < 0.6 else vocab.GENERIC_FOLLOWUPS)
            if tone == "pos":
                closer = pick(rnd, vocab.POS_CLOSERS)
                parts.append(closer if closer[-1] in ".!?" else closer + ".")
                if i < plan.n_user - 1 or plan.incomplete:
                    parts.append("One more thing: " + question)
            elif tone == "neg":
                if i == plan.esc_at and rnd() < 0.8:
                    parts.append(pick(rnd, vocab.NEG_HUMAN))
                elif plan.repeat_at >= 0 and i == plan.repeat_at + 1:
                    parts.append(pick(rnd, vocab.NEG_LOOP))  # right after the repeat
                else:
                    parts.append(pick(rnd, vocab.NEG_FOLLOWUPS))
            elif tone == "mix":
                parts.append(pick(rnd, vocab.MIX_LATER))
            elif i == plan.repeat_at or (i - 1 == plan.fail_at and rnd() < 0.5):
                parts.append(pick(rnd, vocab.TRIED_IT))
            else:
                parts.append(question)
        parts.extend(plan.extras[i])
        if i == plan.refusal_at:
            parts.append(intent.refusal_ask)
        if i == 0 and rnd() < 0.12:
            parts.append(pick(rnd, vocab.CLOSINGS).lstrip())
        if len(parts) > 1 and parts[0][-1] == "," and parts[1][1:2].islower():
            parts[1] = parts[1][0].lower() + parts[1][1:]  # "Hi, can you..." not "Hi, Can"
        return _fill(" ".join(parts), slots)

    def _assistant_turn(
        self, i: int, plan: _Plan, intent: Intent, slots: Slots, tr: _Transcript
    ) -> None:
        rnd = self.rnd
        tone = plan.tones[i]
        calls = 0
        if i == plan.repeat_at:
            content = tr.said[-1]  # verbatim repeat: the loop
        else:
            prefix = ""
            if i == plan.refusal_at:
                what = _fill(intent.refusal_what, slots)
                content = pick(rnd, vocab.REFUSALS).format(what=what)
                content += pick(rnd, vocab.REFUSAL_REDIRECTS)
                tr.refused = True
            else:
                closing = tone == "pos" and i == plan.n_user - 1 and i > 0
                if i == plan.fail_at or (not closing and rnd() < 0.55):
                    tool = pick(rnd, ("search_docs", *intent.tools))
                    if i == plan.fail_at:
                        kind, tmpl = pick(rnd, TOOL_ERRORS)
                        err = tmpl.format(tool=tool, customer=slots["customer"])
                        tr.context_chars += self._tool_turn(tr.msgs, tool, err, slots, intent)
                        calls += 1
                        tr.failed = True
                        tr.tool_timed_out |= kind == "timeout"
                        if rnd() < 0.5:  # the retry succeeds
                            ok = self._tool_ok(tool, slots, intent)
                            tr.context_chars += self._tool_turn(tr.msgs, tool, ok, slots, intent)
                            calls += 1
                            prefix = pick(rnd, vocab.RETRY_ACKS) + " "
                        else:
                            prefix = pick(rnd, vocab.FAIL_ACKS).format(tool=tool) + " "
                    else:
                        ok = self._tool_ok(tool, slots, intent)
                        tr.context_chars += self._tool_turn(tr.msgs, tool, ok, slots, intent)
                        calls += 1
                if i > 0 and tone in ("neg", "mix") and not prefix:
                    prefix = pick(rnd, vocab.SORRY) + " "
                if closing:
                    body = pick(rnd, vocab.GLAD)
                else:
                    pool = intent.answers if i == 0 else intent.answers + vocab.GENERIC_ANSWERS
                    body = _fill(pick(rnd, pool), slots)
                    while body in tr.bodies:
                        body = _fill(pick(rnd, pool), slots)
                tr.bodies.add(body)
                content = prefix + body
            if i == plan.esc_at:
                tool = pick(rnd, ESCALATION_TOOLS)
                ok = self._tool_ok(tool, slots, intent)
                tr.context_chars += self._tool_turn(tr.msgs, tool, ok, slots, intent)
                calls += 1
                tr.escalated = True
                handover = _fill(pick(rnd, vocab.ESCALATIONS), slots)
                content = content + " " + handover if i == plan.refusal_at else handover
            # Outside a loop the assistant never says the same thing twice.
            if content in tr.said:
                content = pick(rnd, vocab.SORRY) + " " + content
        tr.said.append(content)
        tr.msgs.append({"role": "assistant", "content": content})
        tr.context_chars += len(content)
        tr.completion_chars += len(content) + 60 * calls
        # One model call per assistant message, tool-call messages included.
        tr.prompt_tokens += (calls + 1) * (tr.context_chars // 4)
        tr.latency += 0.6 + 2.6 * rnd() + calls * (0.2 + 1.4 * rnd())

    def build(
        self,
        intent: Intent,
        customer: Customer,
        user_first: str,
        *,
        follow_up: bool,
    ) -> Built:
        """One conversation of `intent` by a user of `customer`, with its ground truth."""
        rnd = self.rnd
        tier_i = _TIER_INDEX[customer.tier]
        slots = Slots(
            rnd,
            {
                "customer": customer.slug,
                "customer_name": customer.name,
                "tier": customer.tier,
                "plan_cur": _TIER_NAMES[tier_i],
                "plan_up": _TIER_NAMES[min(tier_i + 1, 3)],
                "plan_down": _TIER_NAMES[max(tier_i - 1, 0)],
                "first": user_first,
                "doc_title": intent.doc[0],
                "doc_path": intent.doc[1],
                "eta": str(pick(rnd, (5, 10, 15, 20, 30))),
                "ticket": f"SUP-{10000 + int(rnd() * 89999)}",
                "clock": f"{int(rnd() * 24):02d}:{int(rnd() * 60):02d}Z",
            },
        )
        plan = self._plan(intent, customer)
        tr = _Transcript(
            msgs=[{"role": "system", "content": vocab.SYSTEM_PROMPT}],
            context_chars=len(vocab.SYSTEM_PROMPT),
        )
        for i in range(plan.n_user):
            text = self._user_turn(i, plan, intent, slots, follow_up)
            tr.msgs.append({"role": "user", "content": text})
            tr.context_chars += len(text)
            if i < plan.n_assist:  # otherwise the final user turn goes unanswered
                self._assistant_turn(i, plan, intent, slots, tr)

        latency = tr.latency + 0.3 + rnd()  # request overhead, also for unanswered turns
        slow = plan.slow or tr.tool_timed_out
        if slow:
            latency = SLOW_LATENCY_S + 5.0 * self.rng.expovariate(0.25)
        elif latency >= SLOW_LATENCY_S - 5:
            latency = SLOW_LATENCY_S - 5 - rnd()

        flags = (
            tr.failed,
            plan.incomplete,
            tr.refused,
            plan.repeat_at >= 0,
            tr.escalated,
            slow,
        )
        gt = {
            "intent": intent.name,
            "sentiment": plan.sentiment,
            "issues": [kind for kind, on in zip(ISSUE_KINDS, flags, strict=True) if on],
            "feature_request": plan.feature,
            "competitor": slots.get("comp", "NONE"),  # set only if a sentence named one
            "pricing": plan.pricing,
            "churn_risk": plan.churn,
        }
        return Built(
            messages=tr.msgs,
            ground_truth=gt,
            latency_s=round(latency, 2),
            prompt_tokens=tr.prompt_tokens,
            completion_tokens=tr.completion_chars // 4 + 1,
        )
