"""The forms the fourteenth pass of issue 14 worked on: tool failures by their structure
(exception names and status codes in upper snake case, crash frames of more runtimes, bare HTTP
reason lines, Go-style error chains, a status under any key that names one), sarcasm as praise in
a failure context (an irony mark, an agent's turn that states a mishap), and asks for a person that
only the Issues facet reads (a person asked to call back or to come in person) with the answers
that meet them. Each rule with several phrasings of its own, in words and domains the robustness
batches do not use, and look-alikes that must keep their reading."""

from __future__ import annotations

import json

import pytest
from factories.dialogues import A, U, issue_categories
from factories.dialogues import sentiment_label as _label

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local import form_classifier as fc
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import classify, signals
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_irony import ironic_praise


def _err(text: str) -> bool:
    return is_error_reply({"role": "tool", "content": text})


# --- tool failures by their structure -------------------------------------------------------

FAILURES = [
    # a status code in upper snake case that names a failure, as the reply's head
    "RESOURCE_EXHAUSTED: quota for bulk lookups used up",
    "FAILED_PRECONDITION",
    "QUOTA_EXCEEDED: daily limit of 500 reached",
    "raised PROGRAM_ERROR : ledger.adb:88 explicit raise",
    # an exception-like name in parentheses heads it; "an error occurred"
    "(AuthorizationFailed) The client does not have authorization to perform action.",
    "An error occurred (ThrottlingException) when calling the Query operation",
    "An unexpected error has occurred. Please try again later.",
    # error codes after "error"
    "Run-time error '13': Type mismatch",
    "mingw32-make: *** [all] Error 1",
    "npm ERR! 404 Not Found - GET https://registry.example/left-padder",
    # a bare HTTP reason line
    "Service Unavailable",
    "Gateway Timeout\n",
    "Unauthorized.",
    # a client's report of a status
    "The remote host answered with a status of 502 (Bad Gateway)",
    "Server returned '554 5.7.1 relay access denied'",
    # a named low-level error class; a Go-style error chain ending in a network failure
    "TLS handshake error from 10.2.3.4:51234: EOF",
    'Post "https://ledger.example/v1/entries": dial tcp: lookup ledger.example: no such host',
    "read tcp 10.0.0.7:44120->10.0.0.9:6379: i/o timeout",
    # uncaught exceptions, abends
    "Fatal: terminating process due to uncaught exception 'RangeError'",
    "JOB04211 ABEND S806 U0000 MODULE NOT FOUND",
    # crash frames with an address, frames of more languages
    "0   libsystem_kernel.dylib  0x00000001a2b3 __pthread_kill + 8\n1   libsystem_c.dylib  "
    "0x00000001a4c5 abort + 180\n2   Ledger  0x0000000100f0 main + 52",
    "car: contract violation\n  expected: pair?\n  given: '()\n  /app/ledger.rkt:14:3\n"
    "  /app/main.rkt:5:0",
    'Raised by primitive operation at Ledger.load in file "ledger.ml", line 9\n'
    'Called from Main in file "main.ml", line 3',
]
NOT_FAILURES = [
    "ORDER_STATUS: shipped",
    "MISSING_ITEMS: none",
    "INVALID_ROWS: 0",
    "Conflict resolution: last write wins",
    "Gone fishing, back at 3",
    "Raised beds in stock: 4",
    "Errors: 0, warnings: 2",
    "The booking went through; confirmation CX-3311.",
    "Connection: keep-alive",
    "Found 3 error codes in the manual: E01, E02, E07.",
]


@pytest.mark.parametrize("reply", FAILURES)
def test_failures_by_their_structure(reply):
    assert _err(reply)


@pytest.mark.parametrize("reply", NOT_FAILURES)
def test_data_and_prose_are_not_failures(reply):
    assert not _err(reply)


@pytest.mark.parametrize(
    "data",
    [
        {"responseStatus": 503, "body": ""},
        {"result": {"state": "done", "http": 404}},
        {"items": [{"id": 1, "upstreamStatus": 500}]},
        {"HTTPStatusCode": 429, "retry": True},
    ],
)
def test_a_status_under_any_key_that_names_one(data):
    assert _err(json.dumps(data))


@pytest.mark.parametrize(
    "data",
    [
        {"responseStatus": 200, "body": "ok"},
        {"http": 204},
        {"statusText": "404 reasons to visit", "count": 404},
        {"zip_code": 40404, "status_text": "open"},
    ],
)
def test_a_good_status_or_a_number_elsewhere_is_not(data):
    assert not _err(json.dumps(data))


# --- sarcasm: praise in a failure context ---------------------------------------------------

SARCASM = [
    "Wonderful, the 'express' courier took nine days. Stellar.",
    "Thanks for the 'upgrade', my saves are gone 🙃",
    "Brilliant, exactly what I wanted to read at 2am /s",
    "Oh so useful, a password reset link that has 'expired' before I open it.",
    "Masterpiece. The label printed upside down again.",
    "Slay, the parcel was sent to a different town.",
    "love that for me, the ticket was stolen from the locker",
]
NOT_SARCASM = [
    "Perfect, I typed 'yes' and it went through.",
    "Great, it says 'confirmed' now, thanks.",
    "Wonderful service, the 'express' option really was next day.",
    "Brilliant, the parcel turned up this morning.",
    "Lovely, thank you.",
]


@pytest.mark.parametrize("turn", SARCASM)
def test_praise_beside_an_irony_mark_or_a_mishap_is_sarcasm(turn):
    assert ironic_praise(turn)


@pytest.mark.parametrize("turn", NOT_SARCASM)
def test_quoted_labels_and_good_news_are_not(turn):
    assert not ironic_praise(turn)


@pytest.mark.parametrize(
    "agent",
    [
        "The transfer went to a different account and bounced.",
        "The courier reported the parcel was stolen from the porch.",
        "Your draft was deleted during the migration and can't be recovered.",
        "The painter was sent to the wrong house this morning.",
    ],
)
@pytest.mark.parametrize("reply", ["Fantastic. Just fantastic.", "Oh, top work everyone."])
def test_praise_after_a_mishap_stated_without_apology_is_sarcasm(agent, reply):
    turns = ((U, "Any news on my order?"), (A, agent), (U, reply))
    assert _label(*turns) in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize(
    "agent",
    [
        "A full service takes three working days and costs £120.",
        "The shop is closed on Sundays.",
        "Delivery to the islands takes about a week.",
    ],
)
def test_praise_after_plain_information_is_not(agent):
    turns = ((U, "How long does it take?"), (A, agent), (U, "Great, thanks."))
    assert _label(*turns) not in ("NEGATIVE", "MIXED")


def test_a_mishap_undone_in_the_same_turn_is_still_good_news():
    turns = (
        (U, "Any news on my order?"),
        (A, "It went to the wrong depot, but we've resent it and it arrives today."),
        (U, "Perfect, thanks."),
    )
    assert _label(*turns) not in ("NEGATIVE", "MIXED")


# --- asks for a person that only Issues reads, and the answers that meet them ----------------

CALLBACK_ASKS = [
    "Can the head brewer call me about the order?",
    "Could my case officer ring me this week?",
    "Have the site foreman phone me, please.",
    "Would the shop owner be able to give me a call?",
    "Please could the duty vet telephone me back?",
    "I'd like someone to come and see the damage in person.",
]


@pytest.mark.parametrize("ask", CALLBACK_ASKS)
def test_a_person_asked_to_call_is_unmet_when_ignored(ask):
    cats = issue_categories((U, "The delivery was short."), (A, "Sorry!"), (U, ask),
                            (A, "Our opening hours are 9 to 5."))  # fmt: skip
    assert "Unmet escalation" in cats


@pytest.mark.parametrize(
    "ask",
    [
        "Can the app call me when it's ready?",
        "Could the system text me a code?",
        "Can the courier ring me before he comes?",
    ],
)
def test_things_that_call_are_not_people(ask):
    cats = issue_categories((U, ask), (A, "Our opening hours are 9 to 5."))
    assert "Unmet escalation" not in cats


def test_a_callback_ask_alone_is_not_sentiment_evidence():
    # read by Issues alone: Sentiment keeps its stricter reading of asks for a person
    assert classify(signals(["Can the head brewer call me about the order?"], []))[0] not in (
        "NEGATIVE",
        "MIXED",
    )


@pytest.mark.parametrize(
    "reply",
    [
        "Putting you through to the brewery office now.",
        "Sure, I'm putting you through to Lina.",
        "The head brewer, Tom, is on 0117 496 0001 until four.",
        "Mrs Obi, the practice manager, will telephone you this afternoon.",
        "She can be reached directly on 020 7946 0999.",
        "He can be e-mailed at tom@brewery.example and replies the same day.",
        "I've booked you a 15-minute call with our brewer on Friday.",
        "A site surveyor will visit the property on Tuesday.",
        "Dev will call round on Saturday to look at it.",
    ],
)
def test_a_handover_in_other_words_meets_the_ask(reply):
    for ask in ("Can I speak to the head brewer?", "Could my case officer ring me this week?"):
        assert "Unmet escalation" not in issue_categories((U, ask), (A, reply))


# --- Issues reads the ask for a person at its own, looser threshold --------------------------


def test_issues_reads_the_ask_for_a_person_at_its_own_threshold():
    heads = fc.load()
    j = heads.col[fc.ASK_HUMAN]
    assert heads.t_issues_ask < heads.t[j]  # looser than the one Sentiment reads


def test_a_file_without_an_issues_threshold_uses_the_heads_own():
    spec = json.loads(
        (fc.resources.files(fc.__package__) / fc.FILE).read_text("utf-8")  # type: ignore[attr-defined]
    )
    spec["heads"][fc.ASK_HUMAN].pop("issues_threshold")
    heads = fc.FormClassifier(spec)
    assert heads.t_issues_ask == pytest.approx(heads.t[heads.col[fc.ASK_HUMAN]])


@pytest.mark.parametrize(
    "turn",
    [
        "Okay, I'll look for it and contact a human agent if needed. Thanks!",
        "No worries, we will ring the office ourselves.",
        "I will call the manager directly tomorrow, bye.",
    ],
)
def test_the_users_own_plan_to_call_someone_is_no_ask(turn):
    assert not fc.load().asks_human(turn)


@pytest.mark.parametrize(
    "agent",
    [
        "If you lost your phone, an admin can reset the second factor for you.",
        "In case the parcel was damaged, send us a photo and we'll replace it.",
    ],
)
def test_a_mishap_under_a_condition_is_no_failure_context(agent):
    turns = ((U, "How do I get back in?"), (A, agent), (U, "Excellent, that solved it. Thanks!"))
    assert _label(*turns) not in ("NEGATIVE", "MIXED")
    turns = ((U, "How do I get back in?"), (A, agent), (U, "Brilliant. Just brilliant."))
    assert _label(*turns) not in ("NEGATIVE", "MIXED")
