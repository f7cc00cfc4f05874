"""Hand-made conversations for the facet tests: each one exercises a known facet outcome."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

import duckdb

from factories import insert_traces, trace_record

DAY1 = date(2026, 11, 20)
DAY2 = date(2026, 11, 21)


def _tc(cid: str, name: str, args: dict) -> dict:
    return {
        "id": cid,
        "type": "function",
        "function": {"name": name, "arguments": json.dumps(args)},
    }


def conversations() -> list[dict]:
    """Each with id and messages; optional day (else DAY1), session_id, metadata, latency_s."""
    return [
        {
            "id": "t-happy",
            "messages": [
                {"role": "user", "content": "Hi there! How do I export my dashbaord to CSV?"},
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [_tc("c1", "search_docs", {"q": "export csv"})],
                },
                {
                    "role": "tool",
                    "tool_call_id": "c1",
                    "name": "search_docs",
                    "content": '{"results": ["Use Share > Export"]}',
                },
                {"role": "assistant", "content": "Open the dashboard, then Share > Export > CSV."},
                {"role": "user", "content": "Perfect, that worked! Thanks so much."},
                {"role": "assistant", "content": "Glad it helped!"},
            ],
        },
        {
            "id": "t-angry",
            "session_id": "s-1",
            "messages": [
                {
                    "role": "user",
                    "content": "I can't log in to my account, my email is jane.doe@example.com",
                },
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [_tc("c1", "reset_password", {"user": "jane"})],
                },
                {
                    "role": "tool",
                    "tool_call_id": "c1",
                    "name": "reset_password",
                    "content": "Error: 500 Internal Server Error",
                },
                {"role": "assistant", "content": "Please try again in a few minutes."},
                {
                    "role": "user",
                    "content": "It is still not working. This is ridiculous, I want to talk to a human.",
                },
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [_tc("c2", "transfer_to_human_agents", {"summary": "login"})],
                },
                {
                    "role": "tool",
                    "tool_call_id": "c2",
                    "name": "transfer_to_human_agents",
                    "content": "Transfer successful",
                },
                {"role": "assistant", "content": "I have transferred you to a human agent."},
            ],
        },
        {
            "id": "t-pricing",
            "session_id": "s-1",
            "messages": [
                {
                    "role": "user",
                    "content": "We're considering switching to Looker because the Enterprise plan is too expensive. "
                    "How much would 500 seats cost? Call me at +1 (555) 123-4567.",
                },
                {
                    "role": "assistant",
                    "content": "I'm sorry, but I can't share pricing details. Please contact sales.",
                },
            ],
        },
        {
            "id": "t-unanswered",
            "messages": [
                {
                    "role": "user",
                    "content": "Can you add a way to schedule reports by email? It would be great to have that.",
                },
                {"role": "assistant", "content": "Let me check."},
                {"role": "user", "content": "Hello?"},
            ],
        },
        {
            "id": "t-loop",
            "latency_s": 45.0,
            "messages": [
                {
                    "role": "user",
                    "content": "Please cancel my subscription, we are moving to another vendor.",
                },
                {
                    "role": "assistant",
                    "content": "Could you confirm the account you want to cancel?",
                },
                {"role": "user", "content": "The main one."},
                {
                    "role": "assistant",
                    "content": "Could you confirm the account you want to cancel?",
                },
            ],
        },
        {
            "id": "t-day2",
            "day": DAY2,
            "messages": [
                {
                    "role": "user",
                    "content": "what is the difference between the Pro plan and the Team plan?",
                },
                {"role": "assistant", "content": "Pro adds SSO and audit logs."},
            ],
        },
    ]


def load_conversations(conn: duckdb.DuckDBPyConnection) -> list[dict]:
    """Write the conversations to raw_traces, ten in the morning of their day, a minute apart;
    plan tiers alternate enterprise / pro. Returns them, each with its day."""
    items = conversations()
    records = []
    for i, t in enumerate(items):
        t.setdefault("day", DAY1)
        records.append(
            trace_record(
                t["id"],
                datetime.combine(t["day"], time(10), tzinfo=UTC) + timedelta(minutes=i),
                t["messages"],
                session_id=t.get("session_id"),
                metadata=t.get(
                    "metadata",
                    {"customer": "acme", "plan_tier": "pro" if i % 2 else "enterprise"},
                ),
                metrics={
                    "prompt_tokens": 1,
                    "completion_tokens": 1,
                    "total_tokens": 2,
                    "latency_s": t.get("latency_s", 2.0),
                    "cost_usd": 0.0,
                },
                source_file="f.jsonl",
                source_line=i,
            )
        )
    insert_traces(conn, records)
    return items
