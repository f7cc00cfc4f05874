"""Hand-made traces for the facet tests: each one exercises a known facet outcome."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import duckdb

DAY1 = date(2026, 11, 20)
DAY2 = date(2026, 11, 21)


def _tc(cid: str, name: str, args: dict) -> dict:
    return {
        "id": cid,
        "type": "function",
        "function": {"name": name, "arguments": json.dumps(args)},
    }


def traces() -> list[dict]:
    """(id, day, session, messages, metadata, latency) as dicts."""
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


def load(conn: duckdb.DuckDBPyConnection, items: list[dict] | None = None) -> list[dict]:
    """Insert the traces into raw_traces; returns them with their day."""
    items = items if items is not None else traces()
    base = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    for i, t in enumerate(items):
        day = t.get("day", DAY1)
        created = datetime.combine(day, base.time(), tzinfo=UTC) + timedelta(minutes=i)
        t["day"] = day
        conn.execute(
            "INSERT INTO raw_traces (id, day, created, project_id, session_id, messages, metadata, metrics,"
            " source_file, source_line) VALUES (?, ?, ?, 'p', ?, ?, ?,"
            " {'prompt_tokens': 1, 'completion_tokens': 1, 'total_tokens': 2, 'latency_s': ?, 'cost_usd': 0.0},"
            " 'f.jsonl', ?)",
            [t["id"], day, created, t.get("session_id"), json.dumps(t["messages"]),
             json.dumps(t.get("metadata", {"customer": "acme", "plan_tier": "pro" if i % 2 else "enterprise"})),
             t.get("latency_s", 2.0), i],
        )  # fmt: skip
    return items
