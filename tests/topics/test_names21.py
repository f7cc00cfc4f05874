"""Names a product manager rejects (issue 12 item 3, "Names, not cut sentences"): two sentences
run together at a capitalised question word, a negated verb whose auxiliary was cut, a clause
opened by how / why / where that ends before its verb, a predicate whose subject was cut, a
question cut before its auxiliary, a pronoun whose person the name does not say, and pairs of
"things" that are adverbs or -ing forms. Phrasings from several domains; look-alikes that must
not fire beside each."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.topics.labels.grammar import (
    label_problems,
    thing_words,
    verb_forms,
)


@pytest.mark.parametrize(
    "label",
    [
        "Downgrade to Pro What's the difference",
        "Billing Does Enterprise",
        "Upgrade to Business How much is it",
        "Refund for Order 55 Why was I charged",
        "Transfer to Monzo Can it be reversed",
        "Room at the Hilton Is breakfast included",
    ],
)
def test_a_capitalised_question_word_after_a_capitalised_word_runs_two_sentences(label):
    assert "run_on" in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "What Is New page",  # a title opening on its question word
        "How Do I guides",
        "What's the difference between Pro and Business",
        "How to export to Power BI",
        "Gift cards for The Home Depot",
        "Upgrade to Pro plan",
        "To Do list sync",
        "Export to Power BI",
    ],
)
def test_question_words_that_open_a_title_or_a_name_pass(label):
    assert "run_on" not in label_problems(label)


# the texts a name is cut from: "help", "load", "sync", "arrive" are their verbs
_VERBS = verb_forms(
    [
        "The answer did not help",
        "It did not help at all",
        "The page does not load",
        "Charts don't load on mobile",
        "The calendar will not sync",
        "My phone won't sync",
    ]
)


@pytest.mark.parametrize(
    "label",
    [
        "Not help or the problem persists",
        "Not load on mobile",
        "Not sync with Outlook",
        "Not arrive on time",
    ],
)
def test_not_and_a_bare_verb_lost_its_auxiliary(label):
    assert "fragment" in label_problems(label, verbs=_VERBS)


@pytest.mark.parametrize(
    "label",
    [
        "Not working on mobile",
        "Not delivered yet",
        "Not enough seats",
        "Not available in my region",
        "Not set up correctly",
        "Not shown up on the statement",
    ],
)
def test_not_and_a_state_is_whole(label):
    assert "fragment" not in label_problems(label, verbs=_VERBS)


@pytest.mark.parametrize(
    "label",
    [
        "Can't share how other customers",
        "Explain why my card",
        "Ask where the nearest branch",
        "Find out how the new plan",
    ],
)
def test_a_how_why_where_clause_without_its_verb_is_cut(label):
    assert "dangling_end" in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Explain why the card was declined",
        "Check how many seats",
        "Find out how long a refund takes to arrive",
        "Ask where my parcel is",
        "Know how much a transfer costs",
        "Where to park",
    ],
)
def test_a_how_why_where_clause_with_its_verb_passes(label):
    assert "dangling_end" not in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Happens to dashboards",
        "Happens after the update",
        "Occurs on every login",
        "Includes SSO on Enterprise",
        "Requires manager approval",
    ],
)
def test_a_verb_that_is_never_a_noun_opening_a_name_lost_its_subject(label):
    assert "fragment" in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Means of payment",
        "Charges for shipping",
        "What happens to dashboards",
        "Remains of the order",
    ],
)
def test_plural_nouns_and_whole_questions_opening_a_name_pass(label):
    assert "fragment" not in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Ask AI see all datasets",
        "Sales send us a quote",
        "Bot send the summary",
        "Agent find me a table",
        "App show all the transactions",
    ],
)
def test_a_subject_its_bare_verb_and_its_object_is_a_cut_question(label):
    assert "fragment" in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Let admins create the datasets",  # a causative before the subject
        "Help users find the report",
        "Team share the board",  # a noun that is also its action reads as a compound
        "Send Sales pipeline to a client",
        "Top up my card",
        "Export the dashboard to a spreadsheet",
        "Book a table for two",
    ],
)
def test_names_opening_on_a_verb_or_a_compound_pass(label):
    assert "fragment" not in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "User said they were unhappy",
        "Customer says he was charged twice",
        "Caller said she never got the code",
    ],
)
def test_a_person_pronoun_after_its_person_points_inside_the_name(label):
    assert "pronoun" not in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Said they were unhappy",
        "They never called back",
        "Legal needs it before we sign",
        "Card they sent is broken",
    ],
)
def test_a_pronoun_without_its_person_still_refers_outside(label):
    assert "pronoun" in label_problems(label)


@pytest.mark.parametrize(
    ("texts", "word", "thing"),
    [
        # an adverb or an -ing form no text uses as a noun: never a thing
        (["Can datasets refresh instead of full reloads", "Use the bulk endpoint instead"],
         "instead", False),
        (["Looking for something fun in town", "Looking for a restaurant nearby"],
         "looking", False),
        (["Very disappointed right now", "Disappointed right now"], "right", False),
        (["Evaluating Looker because of this", "Evaluating other tools"], "evaluating", False),
        (["Respond quickly please", "Answer quickly"], "quickly", False),
        # look-alikes: nouns, and -ing nouns
        (["The right to be forgotten", "Rights of the data subject"], "right", True),
        (["Billing questions for my account", "Annual billing"], "billing", True),
        (["Weekly family plan", "My family plan"], "family", True),
        (["The looking glass", "A looking glass for the hall"], "looking", True),
        (["Can datasets refresh instead of full reloads"], "reloads", True),
    ],
)  # fmt: skip
def test_adverbs_and_verb_forms_without_a_noun_use_are_no_things(texts, word, thing):
    assert (word in thing_words({word}, texts, [1.0] * len(texts))) == thing


# The Issues facet's failed calls, in the summary's fixed form: a subtopic of them is named by its
# (tool, error class) group (`maps._name_call_pairs`), which no words of the texts say.
_CALLS = {
    1: ("Search docs: server error", ["search_docs returned HTTP 502", "search_docs returned HTTP 503 (+1 more)", "search_docs returned HTTP 500"]),
    2: ("Account lookup: rate limited", ["get_account returned HTTP 429", "get_account returned HTTP 429 (+2 more)"]),
    3: ("Other tools: timed out", ["check_status timed out", "get_invoice timed out (+1 more)", "send_reset_link timed out"]),
    4: ("Run export: other errors", ["run_export raised KeyError", "run_export returned HTTP 404"]),
    # look-alikes: a name its texts' calls do not fit
    5: ("Search docs: permission denied", ["search_docs returned HTTP 502", "search_docs returned HTTP 500"]),
    6: ("Ticket creation: server error", ["create_ticket raised KeyError", "create_ticket raised KeyError (+1 more)"]),
}  # fmt: skip


def _audit_calls() -> dict[str, list[str]]:
    from test_labels_local import bag_of_words

    from tracetopics_pipeline.core.topics.labels.map_audit import audit_texts

    texts, sub_of, labels = [], [], {("parent", 0): "Failed tool calls"}
    for t, (name, said) in _CALLS.items():
        labels[("sub", t)] = name
        for x in said * 4:
            texts.append(f"Failed tool call: {x}")
            sub_of.append(t)
    _, lines = audit_texts(
        labels, texts, [1.0] * len(texts), sub_of, dict.fromkeys(_CALLS, 0),
        frozenset({0}), dict.fromkeys(_CALLS, "FAILED_TOOL_CALL"), "Issues", embed=bag_of_words,
    )  # fmt: skip
    return {line.split("'")[1]: line for line in lines}


def test_a_failed_calls_group_name_is_said_by_the_calls_it_groups():
    flagged = _audit_calls()
    for t in (1, 2, 3, 4):
        assert _CALLS[t][0] not in flagged, flagged[_CALLS[t][0]]


def test_a_group_name_its_calls_do_not_fit_is_still_flagged():
    flagged = _audit_calls()
    for t in (5, 6):
        assert _CALLS[t][0] in flagged, sorted(flagged)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The answer did not help at all", ("didn't", "help")),
        ("The calendar does not sync with Outlook", ("doesn't", "sync", "with", "outlook")),
        ("Said the transfer did not arrive", ("transfer", "didn't", "arrive")),
    ],
)
def test_a_negated_does_or_did_opens_a_span_with_its_auxiliary_not_a_bare_not(text, want):
    from tracetopics_pipeline.core.topics.labels.cleaning import clean_for_naming
    from tracetopics_pipeline.core.topics.labels.grammar import candidate_phrases

    phrases = candidate_phrases(clean_for_naming(text))
    assert want in phrases
    assert not any(ph[0] == "not" for ph in phrases)
