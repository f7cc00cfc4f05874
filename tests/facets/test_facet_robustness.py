"""The local rules against the hand-written robustness set: every failure form, many phrasings."""

from __future__ import annotations

from collections import defaultdict

import facet_robustness_set as rs
import pytest

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.summarizers import make_summarizer


def _recall(batch: str) -> dict[str, tuple[int, int, list[str]]]:
    facets = load_facets()
    wanted = [find_facet(facets, "Sentiment"), find_facet(facets, "Issues")]
    cases = rs.cases(batch)
    res = make_summarizer("local").summarize([c.trace for c in cases], wanted)
    out = {(o.trace_id, o.facet): o for o in res.outputs}
    tally: dict[str, list] = defaultdict(lambda: [0, 0, []])
    for c in cases:
        o = out[(c.trace["id"], c.facet)]
        t = tally[c.form]
        t[1] += 1
        if rs.hit(c, o.label, o.summary):
            t[0] += 1
        else:
            t[2].append(c.trace["messages"][-2 if c.facet == "Sentiment" else -1]["content"])
    return {k: tuple(v) for k, v in tally.items()}


@pytest.fixture(scope="module")
def recall_by_form() -> dict[str, tuple[int, int, list[str]]]:
    return _recall("dev")


@pytest.fixture(scope="module")
def recall_by_form_dev2() -> dict[str, tuple[int, int, list[str]]]:
    return _recall("dev2")


FORMS = [*rs.FRUSTRATION, "politeness", "satisfaction", *rs.TOOL_FAILURES, "unmet_escalation"]


@pytest.mark.parametrize("form", FORMS)
def test_every_form_is_recalled(recall_by_form, form):
    ok, n, misses = recall_by_form[form]
    assert n >= 8
    assert ok / n >= 0.9, f"{form}: {ok}/{n}; missed {misses}"


@pytest.mark.parametrize("form", [*rs.DEV2_FRUSTRATION, "politeness"])
def test_every_form_is_recalled_on_development_batch_2(recall_by_form_dev2, form):
    ok, n, misses = recall_by_form_dev2[form]
    assert n >= 12
    assert ok / n >= 0.9, f"{form}: {ok}/{n}; missed {misses}"


@pytest.mark.parametrize("batch", ["heldout2", "heldout3", "heldout4"])
def test_measured_batches_are_development_material_now(batch):
    """Measured once while held out (docs/benchmarks.md), then used to generalize the rules (batches
    2 and 3 in the third pass, batch 4 in the fourth): every form at least 7 in 8 (batch 5 stays
    held out, not asserted).
    Batch 2's "Appreciate the quick reply, bye." is still read as praise: the demo's raters call
    "appreciate the quick help" POSITIVE, and one convention has to win."""
    low = {f: (ok, n, m) for f, (ok, n, m) in _recall(batch).items() if ok / n < 0.85}
    assert not low, low


def test_answered_asks_for_a_human_are_not_unmet(recall_by_form):
    ok, n, misses = recall_by_form["met_escalation"]
    assert ok == n, misses


def _user_trace(tid: str, *turns: str) -> dict:
    msgs = []
    for t in turns:
        msgs += [{"role": "user", "content": t}, {"role": "assistant", "content": "Noted."}]
    return {"id": tid, "messages": msgs}


def test_sentiment_and_churn_never_contradict():
    """No trace is POSITIVE while Churn risk is HIGH or CRITICAL; praise plus leaving is MIXED."""
    from datetime import date

    from tracetopics_pipeline.demo import iter_traces

    facets = load_facets()
    pair = [find_facet(facets, "Sentiment"), find_facet(facets, "Churn risk")]
    both = [
        _user_trace("b1", "Thanks, that fixed it! We're evaluating other tools though."),
        _user_trace("b2", "You've been super helpful. We are moving to another vendor next month."),
        _user_trace(
            "b3", "Love the product, but we're looking at alternatives because of the price."
        ),
        # Sentiment's own rules read b1-b3 as MIXED; this one only the reconciliation does.
        _user_trace(
            "b4", "You have been super helpful. We will cancel our subscription next month anyway."
        ),
    ]
    fed_up = [_user_trace("f1", "I'm fed up with this export failing every night.")]
    traces = both + fed_up + [c.trace for c in rs.cases()]
    traces += list(iter_traces(date(2026, 11, 2), 600, seed=11))
    res = make_summarizer("local").summarize(traces, pair)
    got: dict[str, dict[str, str | None]] = defaultdict(dict)
    for o in res.outputs:
        got[o.trace_id][o.facet] = o.label
    clash = [t for t, g in got.items()
             if g["Sentiment"] == "POSITIVE" and g["Churn risk"] in ("HIGH", "CRITICAL")]  # fmt: skip
    assert clash == []
    for t in ("b1", "b2", "b3", "b4"):
        assert got[t]["Churn risk"] in ("HIGH", "CRITICAL"), t
        assert got[t]["Sentiment"] == "MIXED", (t, got[t])
    assert got["f1"]["Sentiment"] == "NEGATIVE" and got["f1"]["Churn risk"] == "MEDIUM"
    # The reconciliation only runs when both facets do: alone, b4 reads as satisfied.
    alone = make_summarizer("local").summarize(both[3:], pair[:1]).outputs[0]
    assert alone.label == "POSITIVE"


def test_policy_answers_after_a_tool_call_are_not_tool_failures():
    from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues

    def after_tool(text: str) -> list[str]:
        msgs = [{"role": "user", "content": "Refund my ticket please."}, *rs._tool("c1", "get_booking", rs.OK_TOOL_REPLY),
                {"role": "assistant", "content": text}]  # fmt: skip
        return [i.category for i in detect_issues(msgs)]

    policy = [
        "Since the fare is non-refundable, I'm unable to process the refund.",
        "The booking is older than 24 hours, so the cancellation cannot be processed under our policy.",
        "I couldn't update the seat: basic economy tickets don't allow changes.",
    ]
    for text in policy:
        assert "Failed tool call" not in after_tool(text), text
    broken = [
        "I was unable to process the payment because our payment system is down.",
        "I couldn't complete the change due to a server error.",
    ]
    for text in broken:
        assert "Failed tool call" in after_tool(text), text


def test_batch_18_is_split_once_into_disjoint_halves():
    import facet_robustness_batch18 as b18

    dev, test = b18.split18("dev"), b18.split18("test")
    assert sum(map(len, b18.HELDOUT18.values())) >= 60
    for form, convs in b18.HELDOUT18.items():
        assert not set(dev[form]) & set(test[form]), form
        assert sorted(dev[form] + test[form]) == sorted(convs), form
        assert len(dev[form]) - len(test[form]) in (0, 1), form
    assert b18.split18("dev") == dev  # fixed by the seed
    assert len(rs.cases("heldout18dev")) == sum(map(len, dev.values()))


def test_batch_19_is_split_once_into_disjoint_halves():
    import facet_robustness_batch19 as b19

    dev, test = b19.split19("dev"), b19.split19("test")
    assert sum(map(len, b19.HELDOUT19.values())) >= 40
    for form, convs in b19.HELDOUT19.items():
        assert not set(dev[form]) & set(test[form]), form
        assert sorted(dev[form] + test[form]) == sorted(convs), form
        assert len(dev[form]) - len(test[form]) in (0, 1), form
    assert b19.split19("dev") == dev  # fixed by the seed
    assert len(rs.cases("heldout19dev")) == sum(map(len, dev.values()))
