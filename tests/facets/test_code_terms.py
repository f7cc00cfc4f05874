"""Code tokens are instances, not the task (review rv9 N-a, N-b, N-c, D-a): the Task summary
abstracts them, the word-cue facets do not read cue words inside them, interjections and
urgency closers are not the request, and a quote is kept whole or dropped."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.facets.summarizers.local.code_terms import (
    abstract_code,
    code_spans,
    mask_code,
)
from tracetopics_pipeline.core.facets.summarizers.local.prototypes import units_of
from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules
from tracetopics_pipeline.core.facets.summarizers.local.task import summarize_task


def _task(text: str) -> str:
    return summarize_task([text]) or ""


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("Why does test_parse_invoice throw KeyError: 'user_id'?", ["parse_invoice", "user_id"],
         ["test", "error"]),
        ("explain parse_invoice please", ["parse_invoice"], ["Explain"]),
        ("Can you refactor fetchUserData so it is readable?", ["fetchUserData"], ["Refactor"]),
        ("What does df.groupby(level=0) do here?", ["groupby"], []),
        ("There's a bug in src/billing/invoice.py:42, fix it", ["invoice.py", "42"], ["file"]),
        ("Open C:\\Users\\dev\\app\\main.cs and explain it", ["main.cs", "Users"], ["file"]),
        ("pip install requests fails with ECONNREFUSED", ["requests", "ECONNREFUSED"],
         ["library", "error"]),
        ("Upgrade lodash to 4.17.21 in the web app", ["lodash", "4.17"], ["library"]),
        ("Why did commit 9e1b0d7 break the build?", ["9e1b0d7"], ["build"]),
        ("TypeError: cannot read properties of undefined when I click save", ["TypeError",
         "undefined"], ["error", "save"]),
        ("Roll back pricing-service on eu-west-1", ["pricing-service", "eu-west-1"], ["service"]),
        ("The error is on line 88 of utils.ts", ["88", "utils"], []),
    ],
)  # fmt: skip
def test_task_summary_abstracts_code_instances(text: str, gone: list[str], kept: list[str]) -> None:
    out = _task(text)
    for word in gone:
        assert word not in out, (text, out)
    for word in kept:
        assert word.lower() in out.lower(), (text, out)


def test_asks_about_one_function_no_longer_share_its_name() -> None:
    a = _task("why does test_parse_invoice throw KeyError: 'user_id'")
    b = _task("explain parse_invoice")
    c = _task("Refactor parse_invoice in billing/invoice.py, it's messy")
    shared = set(a.lower().split()) & set(b.lower().split()) & set(c.lower().split())
    assert not shared - {"a", "the", "function"}, (a, b, c)


@pytest.mark.parametrize(
    "text",
    [
        "Remove access for aisha.nguyen@example.com, they left the company.",
        "We use Node.js and HubSpot for this.",
        "Is support 24/7 and/or by e-mail?",
        "The month-end finance pack runs slowly on the multi-stage build.",
        "I want to share Umsatz Q3 (München) with a client.",
        "It costs $2.50 per user, or 3.5 GB of storage.",
        "Our domain is brightboard.io, set up SSO for it.",
    ],
)
def test_names_and_plain_words_are_not_code(text: str) -> None:
    assert code_spans(text) == [], [text[s.start : s.end] for s in code_spans(text)]
    assert abstract_code(text) == text


def test_mask_code_keeps_positions() -> None:
    text = "Rename price_table in billing/invoice.py, then call /api/pricing."
    masked = mask_code(text)
    assert len(masked) == len(text)
    assert "price" not in masked and "billing" not in masked and "pricing" not in masked
    assert masked.startswith("Rename ") and "then call" in masked


@pytest.mark.parametrize(
    "text",
    [
        "Ugh, the build fails on main",
        "Morning. The build fails on main",
        "Welp, the build fails on main",
        "Argh! the build fails on main",
        "Hello there, the build fails on main",
        "Oof. The build fails on main",
        "[URGENT] the build fails on main",
        "The build fails on main. Been stuck for hours.",
        "The build fails on main, prod is down!",
        "The build fails on main asap",
        "The build fails on main Any help appreciated",
        "The build fails on main. This is blocking the release.",
        "The build fails on main. Need this fixed today!",
        "The build fails on main. I've wasted the whole morning on this.",
    ],
)
def test_interjections_and_urgency_are_not_the_task(text: str) -> None:
    assert _task(text) == "The build fails on main"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The finance pack has been stuck in 'pending' since Friday.",
         "The finance pack has been stuck in 'pending'"),
        ("SSO login with Okta fails with 'SAML response not valid'.",
         "SSO login with Okta fails with 'SAML response not valid'"),
        ('The sync shows "Token expired" because of the proxy.',
         'The sync shows "Token expired"'),
        ("\"Export to csv\" please", "Export to csv"),
    ],
)  # fmt: skip
def test_a_quote_is_never_cut_inside(text: str, expected: str) -> None:
    assert _task(text) == expected


def test_a_long_quote_cut_by_the_length_limit_is_dropped() -> None:
    out = _task(
        "The import fails with 'the file you uploaded could not be parsed because the header row "
        "is missing or has duplicate column names in it' every time."
    )
    assert out.count("'") % 2 == 0, out
    assert out.startswith("The import fails"), out


def _facet(name: str):
    return next(f for f in load_facets() if f.name == name)


@pytest.mark.parametrize(
    "text",
    [
        "Explain the parse function in billing/invoice.py",
        "Why is price_table empty after the migration?",
        "GET /v1/pricing returns 500 since the deploy",
        "pricing-service pods crash with OOMKilled",
        "Rename the billing_cost_cents column to amount",
        "Open https://example.com/pricing/fees and tell me why the page is blank",
    ],
)
def test_word_cue_facets_do_not_read_cues_inside_code(text: str) -> None:
    summary, label = apply_rules(text, _facet("Pricing question"))
    assert label == "NONE", summary


@pytest.mark.parametrize(
    "text",
    [
        "How much does the Pro plan cost per seat?",
        "Why is my invoice higher this month?",
        "What's the price of the Trailblazer backpack in the sale?",
        "The invoice in billing/invoice.py is fine, but how much does the Team plan cost?",
    ],
)
def test_word_cue_facets_still_read_prose(text: str) -> None:
    summary, label = apply_rules(text, _facet("Pricing question"))
    assert label != "NONE", summary
    if "billing/invoice.py" in text:
        assert "billing/invoice.py" in summary  # the summary quotes the sentence as written


def test_prototype_units_do_not_carry_code() -> None:
    units = units_of("[user] Please look at billing/invoice.py and price_table.")
    assert units and all("billing" not in u and "price" not in u for u in units)
