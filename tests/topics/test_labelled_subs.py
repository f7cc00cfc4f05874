"""Subtopics of a labelled facet split by traces, not unique texts (`maps._labelled_subs`):
templated traffic says a label in a few texts, each seen by many traces, and those texts can
still be different reasons ("fed up", "thinking of cancelling", "unacceptable for what we
pay"). Vectors are made by hand (one direction per reason, paraphrases near it), names by the
bag-of-words stand-in, so no model is loaded."""

from __future__ import annotations

import numpy as np
import pytest
from test_labels_local import bag_of_words  # the same stand-in

from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.facets.tool_error import call_class, name_class
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.labels.grammar import label_problems
from tracetopics_pipeline.core.topics.maps import MIN_SUB_TRACES, fine_topics

SETTINGS = Settings(min_summaries=100)  # below it: no HDBSCAN, the split is by distance alone


def _facet(name: str):
    return next(f for f in load_facets() if f.name == name)


def _subs(facet: str, value: str, reasons: list[list[tuple[str, float]]], *, spread=0.05):
    """fine_topics over one label whose texts say `reasons` (each a list of (text, traces)),
    plus the facet's default label; returns {sub: set of texts} for the label's texts and the
    subtopics' names."""
    rng = np.random.default_rng(7)
    texts, weights, values, vecs = [], [], [], []
    for r, reason in enumerate(reasons):
        centre = np.zeros(64)
        centre[r] = 1.0
        for text, n in reason:
            texts.append(text)
            weights.append(n)
            values.append(value)
            vecs.append(centre + spread * rng.normal(size=64))
    default = _facet(facet).default_label
    if default:
        texts.append(default)
        weights.append(500.0)
        values.append(default)
        vecs.append(np.eye(64)[63])
    x = np.asarray(vecs, np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    got = fine_topics(
        texts, x, values, weights, settings=SETTINGS, facet=facet, definition=_facet(facet),
        embed=bag_of_words,
    )  # fmt: skip
    mine = len(texts) - (1 if default else 0)
    groups: dict[int, set[str]] = {}
    for i in range(mine):
        groups.setdefault(int(got.labels[i]), set()).add(texts[i])
    names = {t.topic_id: t.label for t in got.topics if t.topic_id in groups}
    return groups, names


CASES = [
    (
        "Churn risk",
        "HIGH",
        [
            [("HIGH: Fed up with this.", 43), ("HIGH: You've been helpful, but today I'm fed up.", 17)],
            [("HIGH: This is unacceptable for what we pay.", 31), ("HIGH: Too expensive for what we get.", 12)],
            [("HIGH: We're seriously thinking of cancelling.", 33)],
        ],
    ),
    (
        "Pricing question",
        "COST",
        [
            [("COST: What's the price per seat on Enterprise?", 40), ("COST: What's the price per seat on Pro?", 25)],
            [("COST: Where can I download the invoice for March?", 30)],
            [("COST: Can we switch the workspace to annual billing?", 22), ("COST: Is annual billing cheaper?", 9)],
        ],
    ),
    (
        "Feature request",
        "NEW_CAPABILITY",
        [
            [("NEW_CAPABILITY: Any plans to add a dark theme?", 28), ("NEW_CAPABILITY: Please add a dark mode.", 19)],
            [("NEW_CAPABILITY: Please add row-level security.", 35)],
            [("NEW_CAPABILITY: A Microsoft Teams integration would help.", 26)],
        ],
    ),
    (
        "Sentiment",
        "NEGATIVE",
        [
            [("User said the answer did not help.", 120), ("User said the answer did not help and repeated it.", 40)],
            [("User asked for a human.", 60)],
            [("User talked about cancelling their plan.", 45)],
        ],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("facet", "value", "reasons"), CASES, ids=[c[0] for c in CASES])
def test_a_label_said_in_few_texts_by_many_traces_splits_by_reason(facet, value, reasons):
    """Before: a label under 2 x 8 unique texts was one subtopic, however many traces said it
    and however far apart its texts were."""
    groups, names = _subs(facet, value, reasons)
    want = sorted(sorted(t for t, _ in r) for r in reasons)
    assert sorted(sorted(g) for g in groups.values()) == want
    # named, each name clean, no two siblings alike
    assert len({n.lower() for n in names.values()}) == len(names), names
    for n in names.values():
        assert not label_problems(n), (n, label_problems(n))


@pytest.mark.parametrize(
    "texts",
    [
        ["HIGH: Fed up with this.", "HIGH: Fed up with this!", "HIGH: So fed up with this."],
        ["COST: Price per seat on Pro?", "COST: What's the Pro price per seat?"],
    ],
)
def test_paraphrases_of_one_reason_stay_one_subtopic(texts):
    facet = "Churn risk" if texts[0].startswith("HIGH") else "Pricing question"
    value = texts[0].split(":")[0]
    groups, _ = _subs(facet, value, [[(t, 40.0) for t in texts]])
    assert len(groups) == 1


@pytest.mark.parametrize("rare", [3.0, MIN_SUB_TRACES - 1.0])
def test_a_reason_too_few_traces_say_joins_the_nearest(rare):
    reasons = [
        [("HIGH: Fed up with this.", 60.0)],
        [("HIGH: This is unacceptable for what we pay.", 50.0)],
        [("HIGH: Please delete my account.", rare)],
    ]
    groups, _ = _subs("Churn risk", "HIGH", reasons)
    assert len(groups) == 2
    assert not any(g == {"HIGH: Please delete my account."} for g in groups.values())


def test_a_label_with_few_traces_is_one_subtopic_however_far_apart_its_texts():
    reasons = [[("HIGH: Fed up with this.", 5.0)], [("HIGH: Unacceptable for the price.", 6.0)]]
    groups, _ = _subs("Churn risk", "HIGH", reasons)
    assert len(groups) == 1  # 11 traces: under 2 x MIN_SUB_TRACES


@pytest.mark.parametrize(
    ("facet", "value", "reasons"),
    [
        (
            "Churn risk",
            "HIGH",
            [
                [("HIGH: Fed up with this.", 200.0)],
                [("HIGH: This is unacceptable for what we pay.", 150.0)],
                [("HIGH: We're switching to Qlik next quarter.", 12.0)],
                [("HIGH: We're switching to Power BI next quarter.", 30.0)],
                [("HIGH: We're switching to Sigma next quarter.", 20.0),
                 ("HIGH: We've decided to move to Sigma.", 9.0)],
                [("HIGH: We've decided to move to Looker.", 14.0)],
            ],
        ),
        (
            "Pricing question",
            "COST",
            [
                [("COST: Where can I download the invoice for March?", 120.0),
                 ("COST: Where can I download the invoice for April?", 80.0)],
                [("COST: What does the Pro plan cost per seat?", 150.0)],
                [("COST: What does the Enterprise plan cost per seat?", 25.0)],
                [("COST: What does the Business plan cost per seat?", 15.0)],
            ],
        ),
    ],
    ids=["competitors", "plans"],
)  # fmt: skip
def test_one_template_said_with_several_names_is_one_reason(facet, value, reasons):
    """A split never leaves a label in crumbs of one template: "switching to Qlik / Power BI /
    Sigma" is one reason said with several competitors, however far apart their vectors."""
    groups, _ = _subs(facet, value, reasons)
    first = 2 if facet == "Churn risk" else 1  # the reasons from here on are one template
    assert len(groups) == first + 1
    slots = {t for r in reasons[first:] for t, _ in r}
    assert any(slots <= g for g in groups.values()), groups


def test_refusals_of_different_things_are_different_subtopics_each_named_by_its_own():
    """Refusals share only "can't": each thing refused is a subtopic of its own however few of
    the label's traces say it, named by what was refused (before: the ones under a tenth of
    the label joined the nearest, and the group was named after one of them)."""
    reasons = [
        [("Refusal: can't issue refunds", 120.0), ("Refusal: I'm unable to issue refunds", 20.0)],
        [("Refusal: can't grant admin rights", 60.0)],
        [("Refusal: can't delete accounts", 25.0)],
        [("Refusal: can't turn off two-factor authentication", 15.0)],
        [("Refusal: can't share embed secrets", 12.0)],
    ]  # fmt: skip
    groups, names = _subs("Issues", "REFUSAL", reasons)
    assert sorted(sorted(g) for g in groups.values()) == sorted(
        sorted(t for t, _ in r) for r in reasons
    )
    for sub, texts in groups.items():
        said = {w for t in texts for w in t.lower().split()}
        words = [w for w in names[sub].lower().split() if w not in {"can't", "refusal"}]
        assert words and all(w in said for w in words), (names[sub], texts)


def test_a_small_variant_of_a_reason_joins_it_not_a_subtopic_of_its_own():
    """A group under a tenth of its label that shares a word with a bigger one ("praised") is
    a variant of it, however far apart the vectors: no crumb beside it."""
    reasons = [
        [("User praised the agent but said the problem persists.", 300.0)],
        [("Praised the agent warmly, then asked again.", 16.0)],
        [("The answer came too late to be useful.", 190.0)],
    ]
    groups, _ = _subs("Sentiment", "MIXED", reasons)
    assert len(groups) == 2
    assert any(len(g) == 2 and any("warmly" in t for t in g) for g in groups.values())


def _failed_calls(tools: list[list[tuple[str, float]]]):
    """fine_topics over Failed tool call summaries, one vector direction per tool (its texts
    read alike, as a tool's do in a model's space), plus NONE; {sub: texts} and names."""
    rng = np.random.default_rng(3)
    texts, weights, vecs = [], [], []
    for d, tool in enumerate(tools):
        for text, n in tool:
            texts.append(f"Failed tool call: {text}")
            weights.append(n)
            vecs.append(np.eye(64)[d] + 0.05 * rng.normal(size=64))
    values = ["FAILED_TOOL_CALL"] * len(texts) + ["NONE"]
    x = np.asarray([*vecs, np.eye(64)[63]], np.float32)
    got = fine_topics(
        [*texts, "NONE"], x / np.linalg.norm(x, axis=1, keepdims=True), values,
        [*weights, 500.0], settings=SETTINGS, facet="Issues", definition=_facet("Issues"),
        embed=bag_of_words,
    )  # fmt: skip
    groups: dict[int, set[str]] = {}
    for i, text in enumerate(texts):
        groups.setdefault(int(got.labels[i]), set()).add(text.removeprefix("Failed tool call: "))
    return groups, {t.topic_id: t.label for t in got.topics if t.topic_id in groups}


def test_failed_calls_in_the_short_form_are_named_by_tool_and_error_class():
    """Issue 12, review rv10 M-5: a Failed tool call subtopic reads which tool failed and how,
    "<tool>: <error class>", from the Issues summaries' fixed short form; before, the class
    alone where a sibling shared the tool ("Permission denied" beside "Export dashboard timed
    out"), and a status as "HTTP 503 in account lookup"."""
    groups, names = _failed_calls(
        [
            [("get_account returned HTTP 503", 40.0), ("get_account returned HTTP 503 (+1 more)", 20.0)],
            [("export_dashboard timed out", 30.0), ("export_dashboard timed out (+1 more)", 12.0),
             ("export_dashboard returned permission denied", 25.0)],
            [("get_sso_config raised ConnectionResetError", 22.0)],
        ]
    )  # fmt: skip
    assert sorted(map(sorted, groups.values())) == sorted(
        [
            ["get_account returned HTTP 503", "get_account returned HTTP 503 (+1 more)"],
            ["export_dashboard timed out", "export_dashboard timed out (+1 more)"],
            ["export_dashboard returned permission denied"],
            ["get_sso_config raised ConnectionResetError"],
        ]
    )
    assert sorted(names.values()) == [
        "Account lookup: server error", "Export dashboard: permission denied",
        "Export dashboard: timed out", "SSO config lookup: ConnectionResetError",
    ]  # fmt: skip
    for n in names.values():
        assert not label_problems(n), (n, label_problems(n))


def test_one_tools_failures_split_by_error_class_where_enough_traces_say_each():
    """A PM files "get_account: server error" and "get_account: permission denied" as
    different fixes, though one tool's texts read alike: a (tool, class) said by
    MIN_SUB_TRACES traces is a subtopic of its own; statuses of one family are one class (503
    beside 500 and "upstream unavailable"); a rarer pair joins a subtopic of its tool."""
    groups, names = _failed_calls(
        [
            [("get_account returned HTTP 503", 14.0), ("get_account returned HTTP 500", 6.0),
             ("get_account returned 'upstream unavailable'", 4.0),
             ("get_account returned permission denied", 18.0), ("get_account returned HTTP 403", 5.0),
             ("get_account returned HTTP 429", 9.0), ("get_account raised KeyError", 3.0)],
            [("lookup_order returned HTTP 404", 11.0), ("lookup_order returned 'no such order'", 7.0),
             ("lookup_order returned 'malformed order id'", 12.0)],
        ]
    )  # fmt: skip
    by_name = {names[s]: g for s, g in groups.items()}
    assert set(by_name) >= {
        "Account lookup: server error", "Account lookup: permission denied",
        "Account lookup: rate limited", "Order lookup: not found", "Order lookup: invalid request",
    }, sorted(by_name)  # fmt: skip
    assert len(groups) == 5  # KeyError (3 traces) joined one of its tool's subtopics
    assert {"get_account returned HTTP 503", "get_account returned HTTP 500",
            "get_account returned 'upstream unavailable'"} <= by_name["Account lookup: server error"]  # fmt: skip
    assert "get_account returned HTTP 403" in by_name["Account lookup: permission denied"]
    assert by_name["Order lookup: not found"] == {
        "lookup_order returned HTTP 404", "lookup_order returned 'no such order'"
    }  # fmt: skip
    assert sum("KeyError" in t for g in groups.values() for t in g) == 1


def test_rare_pairs_group_by_tool_then_by_class_and_no_name_states_a_minoritys_class():
    """Issue 12 follow-up: pairs under MIN_SUB_TRACES were left to the clustering, whose names
    were cut ("Config lookup") or a minority's class ("ConnectionResetError in query stats
    lookup"). One tool's rare pairs that add up to MIN_SUB_TRACES are "<tool>: other errors";
    what is left, one class across tools, "Other tools: <class>"; a name states a class only
    when most of its traces have it."""
    calls = [
        [("get_account returned HTTP 503", 30.0)],
            [("get_sso_config raised ConnectionResetError", 3.0),
             ("get_sso_config returned HTTP 404", 4.0), ("get_sso_config returned HTTP 429", 2.0),
             ("get_sso_config returned permission denied", 3.0)],
            [("query_stats raised ConnectionResetError", 2.0), ("query_stats timed out", 3.0),
             ("run_export returned HTTP 502", 4.0), ("check_status returned HTTP 500", 5.0)],
    ]  # fmt: skip
    traces = {t: n for group in calls for t, n in group}
    groups, names = _failed_calls(calls)
    by_name = {names[s]: g for s, g in groups.items()}
    assert by_name.get("SSO config lookup: other errors") == {
        "get_sso_config raised ConnectionResetError", "get_sso_config returned HTTP 404",
        "get_sso_config returned HTTP 429", "get_sso_config returned permission denied",
    }, sorted(by_name)  # fmt: skip
    assert {"run_export returned HTTP 502", "check_status returned HTTP 500"} <= by_name.get(
        "Other tools: server error", set()
    ), sorted(by_name)
    for name, g in by_name.items():  # the 5 leftover traces join a group or name no class
        if stated := name_class(name):
            have = [(call_class(t), traces[t]) for t in g]
            assert sum(n for p, n in have if p and p[1] == stated) > sum(traces[t] for t in g) / 2
    for n in names.values():
        assert not label_problems(n), (n, label_problems(n))


@pytest.mark.parametrize(
    ("label", "said", "want"),
    [  # (general name, [(pair or None, traces)], name after)
        ("ConnectionResetError in stats lookup",
         [(("get_query_stats", "ConnectionResetError"), 2.0), (("get_query_stats", "timed out"), 3.0),
          (("get_query_stats", "rate limited"), 2.0)], "Query stats lookup: other errors"),
        ("KeyError in test connection",
         [(("test_connection", "KeyError"), 3.0), (("get_invoice", "not found"), 3.0),
          (("run_export", "server error"), 2.0)], "Other failed calls"),
        ("KeyError in test connection",  # most have it: the name holds
         [(("test_connection", "KeyError"), 3.0), (("run_export", "KeyError"), 2.0),
          (("run_export", "server error"), 1.0)],
         "KeyError in test connection"),
        ("Timed out", [(None, 30.0), (("search_docs", "server error"), 2.0)], "Timed out"),
        ("Slow answer", [(None, 30.0), (("search_docs", "server error"), 2.0)], "Slow answer"),
    ],
)  # fmt: skip
def test_a_general_name_states_a_class_only_when_most_of_its_traces_have_it(label, said, want):
    from tracetopics_pipeline.core.topics.describe import TopicInfo
    from tracetopics_pipeline.core.topics.maps import _name_call_pairs

    topic = TopicInfo(0, label, [], len(said), 1.0, np.zeros(2), [], 0.0, 0.0)
    pairs = [p for p, _ in said]
    _name_call_pairs(
        [topic], np.zeros(len(said), np.int64), pairs, [None] * len(said),
        np.asarray([n for _, n in said]),
    )  # fmt: skip
    assert topic.label == want
