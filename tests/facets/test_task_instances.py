"""Business instances are not the task (issue 12, session 16): the Task summary drops the times
and dates of one request with their preposition, keeps a record's noun without its number, drops a
pet's or relative's name after its noun, and leaves promo codes, product names, versions and
money amounts alone."""

from __future__ import annotations

import re

import pytest

from tracetopics_pipeline.core.facets.summarizers.local.task import summarize_task


def _task(text: str) -> str:
    return summarize_task([text]) or ""


def _has(summary: str, word: str) -> bool:
    return re.search(rf"(?<![\w#]){re.escape(word)}(?![\w])", summary, re.I) is not None


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # weekdays, their abbreviations, clock times
        ("Book a dental cleaning for my cat on wed at 3pm", ["wed", "3pm"], ["dental"]),
        ("Can I get a grooming slot on Thursday at 15:30?", ["Thursday", "15:30"], ["grooming"]),
        ("I need a table for this Friday evening please", ["Friday", "evening"], ["table"]),
        ("Could you book a haircut next thurs around 9.30am", ["thurs", "9.30"], ["haircut"]),
        ("Please move the vet visit to Sat 10am", ["Sat", "10am"], ["vet"]),
        ("Is there a slot on Tues. at 11 a.m. for a checkup?", ["Tues", "11"], ["checkup"]),
        # relative days
        ("Can you book a room for tomorrow?", ["tomorrow"], ["room"]),
        ("Need a cab tmrw morning to the airport", ["tmrw", "morning"], ["cab", "airport"]),
        ("I'd like a massage next week if possible", ["next week"], ["massage"]),
        ("Book a flight for the day after tomorrow", ["tomorrow", "day after"], ["flight"]),
        # calendar dates
        ("Reserve a campsite on 12/03 for two nights", ["12/03"], ["campsite"]),
        ("Schedule the delivery for the 3rd of May", ["3rd", "May"], ["delivery"]),
        ("Can I book a table for May 3?", ["May 3"], ["table"]),
        ("Find a hotel in Rome from 2026-05-03 to 2026-05-07", ["2026"], ["hotel", "Rome"]),
        ("Rebook my class on June 12th, 6pm", ["June", "12th", "6pm"], ["class"]),
        ("Find a bus leaving on the 6th of this month", ["6th", "month"], ["bus"]),
        ("Billed for seats we removed in last month", ["last month", " in"], ["seats"]),
        ("Since yesterday the sales dashboard is blank", ["yesterday", "Since"], ["dashboard"]),
        ("Rent a car at half past 7 in the morning", ["half past", "morning"], ["car"]),
        ("I want to pick the car up at afternoon 1:30", ["afternoon", "1:30"], ["car"]),
    ],
)
def test_times_and_dates_of_one_request_go_with_their_preposition(text, gone, kept):
    # built and tested, not applied to the Task summary (lowered SGD / demo dev fine figures)
    from tracetopics_pipeline.core.facets.summarizers.local.business_terms import drop_times

    out = drop_times(text).strip().rstrip("?.! ")
    for g in gone:
        assert not _has(out, g), (text, out)
    for k in kept:
        assert _has(out, k), (text, out)
    assert not re.search(r"\b(?:on|at|for|to|from|the)$", out), (text, out)


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
    out = _task(text)
    for g in gone:
        assert g not in out, (text, out)
    for k in kept:
        assert k.lower() in out.lower(), (text, out)


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
    out = _task(text)
    for g in gone:
        assert g not in out, (text, out)
    for k in kept:
        assert k.lower() in out.lower(), (text, out)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("Book my dog Kiwi in for a vaccine", ["Kiwi"], ["my dog", "vaccine"]),
        ("Can my daughter Emma join the swim class?", ["Emma"], ["daughter", "swim"]),
        ("Our cat Luna needs her booster shot", ["Luna"], ["cat", "booster"]),
    ],
)
def test_a_named_pet_or_relative_loses_the_name(text, gone, kept):
    out = _task(text)
    for g in gone:
        assert g not in out, (text, out)
    for k in kept:
        assert k.lower() in out.lower(), (text, out)


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
    out = _task(text)
    for k in kept:
        assert k.lower() in out.lower(), (text, out)


def test_two_bookings_of_one_intent_read_alike():
    a = _task("Book a dental cleaning for my dog Kiwi")
    b = _task("book a dental cleaning for my dog Max")
    assert a.lower() == b.lower(), (a, b)
    c = _task("Where is order 55821?")
    d = _task("Where is order #A77120")
    assert c.lower() == d.lower(), (c, d)


@pytest.mark.parametrize(
    "text",
    [
        "The Monday KPI email has been stuck in pending",
        "Our friday standup report is empty",
        "Is the pharmacy open on Sundays?",
        "Every Monday the export fails",
    ],
)
def test_a_recurring_day_is_no_instance(text):
    from tracetopics_pipeline.core.facets.summarizers.local.business_terms import drop_times

    assert drop_times(text) == text
