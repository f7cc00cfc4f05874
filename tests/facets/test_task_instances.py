"""Business instances are not the task (issue 12, session 16): the Task summary keeps a record's
noun without its number, drops a pet's or relative's name after its noun, and leaves times, promo
codes, product names, versions and money amounts alone (dropping times and codes was measured and
not kept: business_terms' note)."""

from __future__ import annotations

import re

import pytest

from tracetopics_pipeline.core.facets.summarizers.local.task import summarize_task


def _task(text: str) -> str:
    return summarize_task([text]) or ""


def _check(text: str, gone: list[str], kept: list[str]) -> None:
    out = _task(text)
    for g in gone:
        assert g not in out, (text, out)
    for k in kept:
        assert k.lower() in out.lower(), (text, out)


def _has(summary: str, word: str) -> bool:
    return re.search(rf"(?<![\w#]){re.escape(word)}(?![\w])", summary, re.I) is not None


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("Where is order 55821?", ["55821"], ["an order"]),
        ("My order #A10293 never arrived", ["A10293", "#"], ["my order"]),
        ("Can I change booking ref XK29QZ?", ["XK29QZ", "ref"], ["booking"]),
        ("ticket INC-4471 is still open after a week", ["INC-4471", "4471"], ["ticket"]),
        ("Invoice INV-2024-0031 shows the wrong amount", ["INV-2024-0031", "0031"], ["invoice"]),
        ("Cancel reservation number 88213 please", ["88213"], ["reservation"]),
        ("What's the status of case 00412877?", ["00412877"], ["case"]),
        (
            "Track my parcel, tracking number 1Z999AA10123456784",
            ["1Z999AA10123456784"],
            ["tracking number"],
        ),
        ("I want a refund for order no. 55-1093-22", ["55-1093-22", "1093"], ["refund", "order"]),
    ],
)
def test_a_record_keeps_its_noun_and_loses_its_number(text, gone, kept):
    _check(text, gone, kept)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("Use WELCOME10 on #B7733", ["B7733"], ["WELCOME10"]),
        ("The code SAVE20 says it has expired", [], ["SAVE20", "expired"]),
        ("Can I apply coupon 20OFF to my last order?", [], ["20OFF", "coupon"]),
    ],
)
def test_a_promo_code_stays(text, gone, kept):
    # Reading a code as "a code" was measured and dropped: on the shop dev set a shop's few
    # codes are the coupon intent's own words (docs/benchmarks.md).
    _check(text, gone, kept)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("Book my dog Kiwi in for a vaccine", ["Kiwi"], ["my dog", "vaccine"]),
        ("Can my daughter Emma join the swim class?", ["Emma"], ["daughter", "swim"]),
        ("Our cat Luna needs her booster shot", ["Luna"], ["cat", "booster"]),
    ],
)
def test_a_named_pet_or_relative_loses_the_name(text, gone, kept):
    _check(text, gone, kept)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Export to CSV from S3 on EC2 with SSO", ["CSV", "S3", "EC2", "SSO"]),
        ("Connect Power BI to our warehouse", ["Power BI"]),
        ("Does the Pro plan cost $49 per month?", ["$49", "month"]),
        ("Is it 20% off for 12 months?", ["20%", "12 months"]),
        ("Do you support Office365 and SHA256 signatures?", ["Office365", "SHA256"]),
        ("We need 5 seats on the annual plan", ["5 seats"]),
        ("I was charged 19.99 twice", ["19.99"]),
        ("Half of 1/2 the team cannot log in", ["1/2"]),
        ("We sat down and decided to cancel the plan", ["cancel"]),
        ("May I export the dashboard as PDF?", ["export", "PDF"]),
        ("Keep getting 'invalid code' when I log in with 2FA", ["invalid code", "log in", "2FA"]),
        ("Enter the verification code sent to my phone", ["verification code sent"]),
        ("The Monday KPI email has been stuck in pending", ["Monday KPI email"]),
        ("Our friday standup report is empty", ["friday standup"]),
        ("Is the pharmacy open on Sundays?", ["Sundays"]),
    ],
)
def test_product_names_amounts_and_counts_stay(text, kept):
    _check(text, [], kept)


def test_two_bookings_of_one_intent_read_alike():
    a = _task("Book a dental cleaning for my dog Kiwi")
    b = _task("book a dental cleaning for my dog Max")
    assert a.lower() == b.lower(), (a, b)
    c = _task("Where is order 55821?")
    d = _task("Where is order #A77120")
    assert c.lower() == d.lower(), (c, d)
