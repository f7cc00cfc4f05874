"""The PII corpus sent through the real request paths (the OpenAI-compatible summarizer and the
topic labeller) to the fake server on 127.0.0.1: no PII arrives, every look-alike arrives intact."""

from __future__ import annotations

import re

import openai
import pytest
from pii_corpus import CARDS, IBANS, LOOKALIKES, PII

from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.facets.redact import redact
from tracetopics_pipeline.core.facets.summarizers.openai import OpenAISummarizer
from tracetopics_pipeline.core.topics.labels.labellers import OpenAILabeler, TopicDescription


def luhn(digits: str) -> bool:
    s = [int(c) for c in reversed(digits)]
    return (sum(s[0::2]) + sum(sum(divmod(2 * d, 10)) for d in s[1::2])) % 10 == 0


def arrived(secret: str, sent: str) -> bool:
    """The secret's characters in order, whatever separators or case the text put between."""
    return re.search(r"[\W_]{0,3}".join(map(re.escape, secret)), sent, re.I) is not None


def test_the_corpus_is_real_pii():
    """Cards pass Luhn and IBANs mod 97, checked here independently of the redactor."""
    assert all(luhn(number) for _, number, _ in CARDS)
    for iban in IBANS:
        moved = iban[4:] + iban[:4]
        assert int("".join(str(int(c, 36)) for c in moved)) % 97 == 1, iban
    assert len(PII) > 100 and {k.split()[0] for k, _, _ in PII} == {
        "card",
        "email",
        "phone",
        "iban",
    }


@pytest.mark.parametrize("kind, sentence, secret", PII, ids=[f"{k}:{s}" for k, s, _ in PII])
def test_redact_removes(kind: str, sentence: str, secret: str):
    assert not arrived(secret, redact(sentence)), redact(sentence)


@pytest.mark.parametrize("sentence", LOOKALIKES)
def test_redact_keeps(sentence: str):
    assert redact(sentence) == sentence


def _trace(i: int, text: str) -> dict:
    return {
        "id": f"pii-{i}",
        "messages": [
            {"role": "user", "content": f"Hello, {text}"},
            {"role": "assistant", "content": "Let me check that for you."},
            {"role": "tool", "content": f"Error: lookup failed for '{text}'"},
            {"role": "assistant", "content": f"Sorry, I could not find {text}"},
        ],
        "metadata": {"customer": "acme", "note": text},
    }


def test_no_pii_reaches_the_summarizer_endpoint(llm):
    summarizer = OpenAISummarizer(  # no cache: every trace is really sent
        openai.OpenAI(base_url=llm.url, api_key="test-key"), concurrency=2, timeout_s=10.0
    )
    facets = load_facets()
    res = summarizer.summarize([_trace(i, s) for i, (_, s, _) in enumerate(PII)], facets)
    assert len(llm.bodies("/chat/completions")) == len(PII)
    assert {o.status for o in res.outputs} <= {"ok", "excluded", "skipped"}
    sent = llm.sent_text()
    assert "<CARD>" in sent and "<IBAN>" in sent and "<EMAIL>" in sent and "<PHONE>" in sent
    assert [(kind, secret) for kind, _, secret in PII if arrived(secret, sent)] == []

    llm.requests.clear()  # the look-alikes, on their own: each arrives unchanged
    summarizer.summarize([_trace(i, s) for i, s in enumerate(LOOKALIKES)], facets)
    sent = llm.sent_text()
    assert len(llm.bodies("/chat/completions")) == len(LOOKALIKES)
    assert [s for s in LOOKALIKES if s not in sent] == []


def test_no_pii_reaches_the_labeller_endpoint(llm):
    sentences = [s for _, s, _ in PII]
    topics = [
        TopicDescription(
            topic_id=n,
            keywords=[secret for _, _, secret in PII[n * 5 : n * 5 + 5]],
            representatives=sentences[n * 5 : n * 5 + 5],
            size=5,
            contrast=sentences[n * 5 + 5 : n * 5 + 9],
        )
        for n in range((len(sentences) + 4) // 5)
    ]
    labeller = OpenAILabeler(base_url=llm.url, api_key="k", max_retries=0, timeout_s=10)
    labels = labeller.label("Task", topics)
    assert labeller.failures == 0 and labels[0] == "LLM label 0"
    sent = llm.sent_text()
    assert [(k, s) for k, _, s in PII if arrived(s, sent)] == []
