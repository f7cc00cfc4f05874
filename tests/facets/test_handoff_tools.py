"""Handing over to a person, read once for every facet (issue 14): handoff tools recognised by the
parts of their name, however the agent's framework names them, with look-alikes that move money,
data or a ticket's priority left out; and what became of a user's ask for a person (handed over,
arranged, explained, ignored), read in one place that Issues and Sentiment both use, so that the
two facets and Churn risk read such a trace alike."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.handoff_tools import handoff_tool
from tracetopics_pipeline.core.facets.summarizers.local.handover import (
    ARRANGED,
    ATTEMPTED,
    EXPLAINED,
    HANDED_OVER,
    UNANSWERED,
    UNMET,
    read_handovers,
)
from tracetopics_pipeline.core.facets.summarizers.local.issues import (
    detect_issues,
    summarize_issues,
)
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import classify, signals

# --- 1. Handoff tools by name ----------------------------------------------------------------

HANDOFF_NAMES = [
    # the brief's, and tau_bench's own
    "transfer_to_human_agents", "escalate_to_support", "handoff", "create_ticket_for_human",
    "connect_agent", "route_to_live_agent",
    # other spellings: camelCase, PascalCase, kebab, dotted
    "handOffToHuman", "TransferToLiveAgent", "transfer-to-human", "support.escalate", "connectToRep",
    "escalateToSupport", "HandoverToStaff",
    # other verbs and takers
    "hand_off", "escalate", "human_handoff", "agent_handoff", "live_agent_handoff",
    "request_human_agent", "request_live_person", "talk_to_human", "notify_human_operator",
    "forward_to_representative", "route_to_support", "transfer_to_billing_department",
    "assign_to_nurse_queue", "page_on_call_human", "connect_with_specialist", "queue_for_agent",
    "contact_support_team", "create_escalation",
    # the conversation itself handed on: a call, a chat, a case
    "transfer_call", "transfer_chat", "route_conversation", "escalate_case", "escalate_ticket",
    "escalate_to_level_2_support",
    # names found in public agent code (support bots, voice agents, MCP servers)
    "transfer_to_agent", "transfer_to_operator", "transfer_to_medical_staff", "escalate_to_human",
    "escalate_to_operator", "handoff_to_human",
]  # fmt: skip

NOT_HANDOFF_NAMES = [
    # money, data, goods or bookings moved
    "transfer_funds", "bank_transfer", "transfer_booking", "transfer_ownership", "route_shipment",
    "connect_database", "connect_bluetooth", "forward_email", "transfer_funds_to_agent_account",
    "send_invoice_to_team",
    # a ticket's attribute or a privilege raised: nothing handed to anyone
    "escalate_priority", "escalate_severity", "escalate_privileges", "escalate_ticket_priority",
    # looking things up about agents, handoffs, operators, humans
    "check_live_agent_availability", "get_agent_status", "list_agents", "get_operator_status",
    "list_operators", "operator_lookup", "get_escalation_status", "escalation_policy_lookup",
    "get_handoff_history", "search_support_docs", "get_support_articles",
    "human_resources_lookup", "get_human_readable_time", "humanize_date", "update_agent_config",
    # a person asked for input or approval (human in the loop), not handed the conversation
    "human", "ask_human", "request_human_approval", "get_human_input", "human_feedback",
    "human_in_the_loop",
    # another machine, not a person
    "transfer_to_ai_agent", "handoff_to_billing_bot", "route_to_llm",
    # things that are not people: a seat, a page of results, a job, a support ticket record
    "assign_seat", "page_results", "queue_job", "create_support_ticket", "live_stock_price",
    "create_person", "invite_people",
    # names found in public agent code: a hand-off between parts of a program, not to a person
    "transfer_to_bob", "handoff_to_planner", "handoff_to_new_session", "handoff_to_supervisor_node",
    "handoff_to_trigger_engine", "escalate_to_sovereign", "escalate_to_permanent_block",
]  # fmt: skip


@pytest.mark.parametrize("name", HANDOFF_NAMES)
def test_a_handoff_tool_is_recognised_by_the_parts_of_its_name(name):
    assert handoff_tool(name)


@pytest.mark.parametrize("name", NOT_HANDOFF_NAMES)
def test_a_look_alike_tool_is_no_handoff(name):
    assert not handoff_tool(name)


def _call(cid: str, name: str, reply: str) -> list[dict]:
    return [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": cid, "type": "function", "function": {"name": name, "arguments": "{}"}}
            ],
        },
        {"role": "tool", "tool_call_id": cid, "content": reply},
    ]


@pytest.mark.parametrize(
    "name", ["escalate_to_support", "create_ticket_for_human", "handOffToHuman", "transfer_call"]
)
def test_a_handoff_tool_alone_meets_the_ask_in_issues(name):
    """No word of a handover in the agent's text: the call alone is the escalation."""
    msgs = [
        {"role": "user", "content": "Can I talk to a real person please?"},
        *_call("h1", name, '{"ok": true}'),
        {"role": "assistant", "content": "One moment please."},
    ]
    cats = [i.category for i in detect_issues(msgs)]
    assert summarize_issues(detect_issues(msgs))[1] == "ESCALATION"
    assert "Unmet escalation" not in cats


@pytest.mark.parametrize("name", ["transfer_funds", "escalate_priority", "get_agent_status"])
def test_a_look_alike_call_leaves_the_ask_unmet(name):
    msgs = [
        {"role": "user", "content": "Can I talk to a real person please?"},
        *_call("h1", name, '{"ok": true}'),
        {"role": "assistant", "content": "Your balance is 40 pounds."},
    ]
    assert summarize_issues(detect_issues(msgs))[1] == "UNMET_ESCALATION"


# --- 2. What became of the ask: one reading ---------------------------------------------------

ASK = {"role": "user", "content": "I want to speak to a human."}


@pytest.mark.parametrize(
    ("after", "outcome"),
    [
        ([{"role": "assistant", "content": "Transferring you to a team member now."}], HANDED_OVER),
        (_call("h", "transfer_to_human_agents", "Transfer successful")
         + [{"role": "assistant", "content": "Please hold."}], HANDED_OVER),
        ([{"role": "assistant", "content": "Sarah from our billing team will call you today."}],
         ARRANGED),
        (_call("h", "escalate_to_support", '{"error": "queue full", "status": 503}')
         + [{"role": "assistant", "content": "Sorry, that didn't work."}], ATTEMPTED),
        ([{"role": "assistant", "content": "No human agents are available right now, sorry."}],
         EXPLAINED),
        ([{"role": "assistant", "content": "Would you like me to transfer you?"}], EXPLAINED),
        ([{"role": "assistant", "content": "Your order ships on Monday."}], UNMET),
        ([], UNANSWERED),
        # met later in the conversation, not only in the next turn
        ([{"role": "assistant", "content": "Let me check your account first."},
          {"role": "user", "content": "ok"},
          {"role": "assistant", "content": "I'm transferring you to our accounts team now."}],
         HANDED_OVER),
    ],
)  # fmt: skip
def test_read_handovers_says_what_came_of_each_user_turn(after, outcome):
    msgs = [{"role": "user", "content": "Where is my order?"},
            {"role": "assistant", "content": "It left the depot."}, ASK, *after]  # fmt: skip
    reading = read_handovers(msgs)
    assert reading.after(1) == outcome


# --- 3. Sentiment reads the same handover -----------------------------------------------------

U, A = "user", "assistant"
CALM_ASKS = [
    "Can I talk to a human?",
    "I'd like to speak to someone in customer service please.",
    "Could you put me through to a real person?",
    "Please connect me with an agent.",
    "Is there a person I could speak to about this?",
]
THANKS_AFTER = [
    "Thanks so much, you've been really helpful!",
    "Great, thank you!",
    "Perfect, thanks a lot.",
    "Brilliant, cheers!",
    "Lovely, that's very kind of you, thanks.",
]
FAILURES = [
    # a tool error and the agent's apology
    [*_call("f", "get_refund_status", "Error: internal server error"),
     {"role": A, "content": "Sorry, I wasn't able to look that up - our system returned an error."}],
    # the agent could not do it, in words
    [{"role": A, "content": "I'm sorry, I couldn't find any refund on your account."}],
]  # fmt: skip
HANDOVERS = [
    [{"role": A, "content": "Transferring you to a team member now."}],
    [{"role": A, "content": "Sure - I've passed this to our support team, they'll call you within the hour."}],
    [*_call("h", "escalate_to_support", '{"ok": true}'), {"role": A, "content": "One moment please."}],
    [*_call("h", "create_ticket_for_human", '{"ticket": "T-81"}'), {"role": A, "content": "Done."}],
]  # fmt: skip


def _sentiment(msgs: list[dict]) -> tuple[str, str]:
    from tracetopics_pipeline.core.facets.summarizers.local import _sentiment_signals

    return classify(_sentiment_signals(msgs)[1])


def _trace(failure: list[dict], ask: str, handover: list[dict], end: str | None) -> list[dict]:
    msgs = [{"role": U, "content": "My refund hasn't shown up yet."}, *failure,
            {"role": U, "content": ask}, *handover]  # fmt: skip
    return msgs + ([{"role": U, "content": end}] if end else [])


@pytest.mark.parametrize("failure", range(len(FAILURES)))
@pytest.mark.parametrize("handover", range(len(HANDOVERS)))
@pytest.mark.parametrize("end", THANKS_AFTER)
def test_thanks_after_a_handover_that_followed_a_failure_are_not_positive(failure, handover, end):
    """Passed on to a person because the agent failed: the problem is not solved here, and the
    thanks for the handover are no satisfaction; nor is the calm ask frustration, however the
    handover was made (words or a tool)."""
    msgs = _trace(FAILURES[failure], CALM_ASKS[handover % len(CALM_ASKS)], HANDOVERS[handover], end)
    label, reason = _sentiment(msgs)
    assert label == "NEUTRAL", reason
    assert "asked for a human" not in reason


@pytest.mark.parametrize("ask", CALM_ASKS)
@pytest.mark.parametrize("handover", range(len(HANDOVERS)))
def test_a_calm_ask_met_by_a_handover_is_no_frustration(ask, handover):
    msgs = [{"role": U, "content": "My refund hasn't shown up yet."},
            {"role": A, "content": "I can see it was issued on Monday."},
            {"role": U, "content": ask}, *HANDOVERS[handover]]  # fmt: skip
    label, reason = _sentiment(msgs)
    assert label == "NEUTRAL", reason


@pytest.mark.parametrize("ask", CALM_ASKS)
@pytest.mark.parametrize(
    "answer",
    [
        "It should arrive within 3-5 working days.",
        "Refunds usually take a week to show on your statement.",
        *_call("x", "transfer_funds", '{"ok": true}')[:1],  # a look-alike tool, no words
    ],
)
def test_an_ask_the_agent_ignores_is_frustration_and_unmet(ask, answer):
    answer = answer if isinstance(answer, dict) else {"role": A, "content": answer}
    msgs = [{"role": U, "content": "My refund hasn't shown up yet."},
            {"role": A, "content": "I can see it was issued on Monday."},
            {"role": U, "content": ask}, answer,
            {"role": A, "content": "Is there anything else I can help with?"}]  # fmt: skip
    label, reason = _sentiment(msgs)
    assert label == "NEGATIVE" and "asked for a human" in reason, reason
    assert summarize_issues(detect_issues(msgs))[1] == "UNMET_ESCALATION"


def test_signals_without_messages_read_the_dialogue_alike():
    """signals() given only the dialogue (no tool calls) reads handovers said in words the same
    way: the reading is the one in handover.py either way."""
    d = [(U, "Can I talk to a human?"), (A, "Transferring you to a team member now.")]
    label, reason = classify(signals([d[0][1]], [d[1][1]], dialogue=d))
    assert label == "NEUTRAL", reason


def test_sentiment_issues_and_churn_read_a_handover_alike():
    """The three facets through the summarizer (form classifier on, as shipped), over every
    phrasing above: a handover after a failure is ESCALATION in Issues and never POSITIVE in
    Sentiment; an ask ignored is UNMET_ESCALATION and NEGATIVE; no POSITIVE beside a HIGH or
    CRITICAL Churn risk."""
    from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
    from tracetopics_pipeline.core.facets.summarizers import make_summarizer

    facets = load_facets()
    three = [find_facet(facets, n) for n in ("Sentiment", "Issues", "Churn risk")]
    traces, kind = [], {}
    for f, failure in enumerate(FAILURES):
        for h, handover in enumerate(HANDOVERS):
            for e, end in enumerate(THANKS_AFTER):
                tid = f"met-{f}{h}{e}"
                traces.append({"id": tid, "messages": _trace(failure, CALM_ASKS[h], handover, end)})
                kind[tid] = "met"
        for a, ask in enumerate(CALM_ASKS):
            tid = f"unmet-{f}{a}"
            ignored = [{"role": A, "content": "Refunds usually take a week to show on your statement."},
                       {"role": U, "content": "ok"}]  # fmt: skip
            traces.append({"id": tid, "messages": _trace(failure, ask, ignored, None)})
            kind[tid] = "unmet"
    res = make_summarizer("local").summarize(traces, three)
    got: dict[str, dict[str, tuple[str | None, str | None]]] = {}
    for o in res.outputs:
        got.setdefault(o.trace_id, {})[o.facet] = (o.label, o.summary)
    wrong = []
    for tid, g in got.items():
        sentiment, issues, churn = g["Sentiment"][0], g["Issues"], g["Churn risk"][0]
        if sentiment == "POSITIVE" and churn in ("HIGH", "CRITICAL"):
            wrong.append((tid, "positive beside churn", g))
        if kind[tid] == "met" and (
            sentiment == "POSITIVE" or "Escalation to human" not in (issues[1] or "")
        ):
            wrong.append((tid, g))
        if kind[tid] == "unmet" and (
            sentiment != "NEGATIVE" or "Unmet escalation" not in (issues[1] or "")
        ):
            wrong.append((tid, g))
    assert wrong == []


def test_an_ask_met_only_after_the_user_asked_again_stays_frustration():
    """Met later, after verifying the account, is met; met only once the user had to ask for a
    person again is not, for the first ask (Issues: answered either way)."""
    verified = [(U, "Could I speak to someone in billing please?"),
                (A, "Of course. Can you confirm your account number first?"), (U, "It's 4471."),
                (A, "Thanks. I'm transferring you to our billing team now.")]  # fmt: skip
    assert classify(signals([t for r, t in verified if r == U], [], dialogue=verified))[0] == (
        "NEUTRAL"
    )
    ignored = [(U, "Could I speak to someone in billing please?"),
               (A, "Your last bill was 40 pounds."), (U, "Could I speak to someone in billing please?"),
               (A, "I'm transferring you to our billing team now.")]  # fmt: skip
    label, reason = classify(signals([t for r, t in ignored if r == U], [], dialogue=ignored))
    assert label == "NEGATIVE" and "asked for a human" in reason, reason
