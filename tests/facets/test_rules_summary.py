"""A rules facet's summary is the part of the message that says the matched thing: run-on
sentences are cut where a new sentence starts without punctuation, and a greeting, filler words
or a re-contact lead-in before the match are dropped, so one ask reads alike however a user opens
the message (and a topic's name never takes a word from "Hi team"). The label is decided as
before, on the whole sentence. Phrasings from domains other than the demo's analytics product."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.facets.summarizers.local.rules import _said_part, apply_rules

FACETS = {f.name: f for f in load_facets()}

CASES = [
    # greetings, fillers and re-contact lead-ins before the signal
    ("Churn risk", "Good evening, frankly this is unacceptable for what we pay.",
     "MEDIUM: This is unacceptable for what we pay."),
    ("Churn risk", "Hiya folks, we're seriously thinking of cancelling our plan.",
     "CRITICAL: We're seriously thinking of cancelling our plan."),
    ("Churn risk", "Back again about the same thing: we're switching to another provider next month.",
     "CRITICAL: We're switching to another provider next month."),
    ("Pricing question", "Hello there, how much does the family plan cost per month?",
     "COST: How much does the family plan cost per month?"),
    ("Pricing question", "Dear support, do you offer a discount for charities?",
     "CUSTOM_QUOTE: Do you offer a discount for charities?"),
    ("Feature request", "Hey all, it would be great if the app supported dark mode.",
     "NEW_CAPABILITY: It would be great if the app supported dark mode."),
    ("Feature request", "Following up on my earlier chat: could you add a CSV import for contacts?",
     "NEW_CAPABILITY: Could you add a CSV import for contacts?"),
    ("Competitor mention", "ok so we're moving to HubSpot next quarter instead.",
     "HubSpot: We're moving to HubSpot next quarter instead."),
    # run-on sentences: only the part that holds the match
    ("Churn risk", "the router drops every night We're cancelling our contract at the end of the month.",
     "CRITICAL: We're cancelling our contract at the end of the month."),
    ("Pricing question", "my meal kit arrived late Is there a cheaper plan for two people?",
     "COST: Is there a cheaper plan for two people?"),
    ("Feature request", "the checkout page is fine Please add Apple Pay, we really need it.",
     "NEW_CAPABILITY: Please add Apple Pay, we really need it."),
]  # fmt: skip


@pytest.mark.parametrize(("facet", "text", "summary"), CASES)
def test_the_summary_is_what_the_message_says_without_its_lead_in(facet, text, summary):
    assert apply_rules(text, FACETS[facet])[0] == summary


def test_a_lead_in_is_kept_when_dropping_it_would_lose_the_match_or_the_sense():
    # the match sits in the lead-in ("urgent" read by a rule): the part stays whole
    assert _said_part("Urgent: the pump is leaking again", 0) == "Urgent: the pump is leaking again"
    # too little would be left after the lead-in
    summary, label = apply_rules("Hi, pricing?", FACETS["Pricing question"])
    assert label == "COST" and summary == "COST: Hi, pricing?"


def test_the_label_is_read_on_the_whole_sentence_as_before():
    # a greeting does not change which label wins, only what the summary quotes
    plain = apply_rules("We're switching to another provider.", FACETS["Churn risk"])[1]
    greeted = apply_rules("Hi team, we're switching to another provider.", FACETS["Churn risk"])[1]
    assert plain == greeted == "CRITICAL"
