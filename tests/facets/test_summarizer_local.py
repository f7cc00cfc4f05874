"""The offline summarizer's rules: Task phrasing, Sentiment, Issues, custom keyword rules, speed."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues
from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import summarize_sentiment
from tracetopics_pipeline.core.facets.summarizers.local.task import summarize_task


@pytest.mark.parametrize(
    ("turns", "want"),
    [
        (["hey, how do I export my dashbaord to csv??"], "Export my dashboard to csv"),
        (
            ["Hello there", "Could you please tell me how to reset my password? thanks!"],
            "Reset my password",
        ),
        (
            ["I'd like to cancel my subscription because it's too expensive"],
            "Cancel my subscription",
        ),
        (
            ["I'm the admin of our workspace. I want to add a new user to the workspace."],
            "Add a new user to the workspace",
        ),
        (["I can't log in to my account, my email is <EMAIL>"], "Cannot log in to my account"),
        (["Is there a way to schedule reports by email?"], "Schedule reports by email"),
    ],
)
def test_task_is_a_clean_intent(turns, want):
    assert summarize_task(turns) == want


@pytest.mark.parametrize(
    ("turns", "want"),
    [
        # Self-introductions, setup details and venting are context, not the request.
        (["Hi, I'm new to Acme. We're a team of 5. How do I invite a colleague?"], "Invite a colleague"),
        (["Not happy. This is so annoying. I was charged twice this month, can you check?"],
         "Charged twice this month"),
        (["Using Firefox on a Mac. The chart on Sales just shows a spinner."],
         "The chart on Sales just shows a spinner"),
        # Run-on fragments without punctuation are split; sign-offs dropped.
        (["getting rate limited by the api Sent from my phone"], "Getting rate limited by the api"),
        # Swapped letters are repaired against the embedding model's vocabulary.
        (["the report shows the wrnog total"], "The report shows the wrong total"),
        # A frame that took the verb gives it back; "me" after the verb goes.
        (["I'm looking for a cab to the airport."], "Find a cab to the airport"),
        (["Could you find me a hotel in Paris?"], "Find a hotel in Paris"),
        # The first sentence is the main ask; the next one completes it. A third is dropped.
        (["My card is about to expire. How do I order a new one? Also what are your fees?"],
         "My card is about to expire. Order a new one"),
        (["Set up SSO with Entra ID"], "Set up SSO with Entra ID"),  # "ID" is not "I'd"
    ],
)  # fmt: skip
def test_task_drops_context_and_keeps_content(turns, want):
    assert summarize_task(turns) == want


def test_task_same_intent_same_text():
    a = summarize_task(["Hi! How can I export my dashboard to CSV?"])
    b = summarize_task(["hello, i need to export the dashboard to csv please"])

    def canon(s: str) -> str:
        return s.lower().replace("the ", "").replace("my ", "")

    assert canon(a) == canon(b)
    assert summarize_task(["hi", "thanks"]) is None


def test_sentiment_signals():
    assert (
        summarize_sentiment(
            ["How do I export?", "Perfect, that worked! Thank you so much"], ["Use Export."]
        )[0]
        == "POSITIVE"
    )
    label, reason = summarize_sentiment(
        ["My export fails", "It is still not working", "I want to talk to a human"],
        ["Try again.", "Sorry."],
    )
    assert label == "NEGATIVE" and reason.startswith("User asked for a human")
    assert (
        summarize_sentiment(
            ["What's the price of the Pro plan?", "Thanks, bye"], ["$20 per seat."]
        )[0]
        == "NEUTRAL"
    )
    assert (
        summarize_sentiment(
            ["Still not working, this is useless!", "Ok now it works perfectly, you're amazing"], []
        )[0]
        == "MIXED"
    )
    assert summarize_sentiment(["this is not great"], [])[0] != "POSITIVE"


def _call(cid, name, args="{}"):
    return {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {"id": cid, "type": "function", "function": {"name": name, "arguments": args}}
        ],
    }


def test_issues_from_structure():
    msgs = [
        {"role": "user", "content": "book it"},
        _call("1", "book"),
        {"role": "tool", "tool_call_id": "1", "content": '{"error": "seat taken", "status": 409}'},
        _call("2", "search"),
        {"role": "tool", "tool_call_id": "2", "content": "Request timed out after 30s"},
        _call("3", "lookup"),
        {
            "role": "tool",
            "tool_call_id": "3",
            "content": '{"status": "cancelled", "note": "no error"}',
        },
        {"role": "assistant", "content": "I'm sorry, but I cannot modify basic economy bookings."},
        {"role": "user", "content": "ok?"},
    ]
    cats = [i.category for i in detect_issues(msgs)]
    assert cats == ["Failed tool call", "Timeout", "Refusal", "Incomplete answer"]
    assert (
        "book returned" in detect_issues(msgs)[0].detail
        and "(+1 more)" in detect_issues(msgs)[0].detail
    )
    loop = [{"role": "user", "content": "x"}] + [_call(str(i), "search", '{"q": "a"}') for i in range(3)] + [
        {"role": "assistant", "content": "done"}]  # fmt: skip
    assert [i.category for i in detect_issues(loop)] == ["Loop"]
    esc = [{"role": "user", "content": "human please"}, _call("1", "transfer_to_human_agents"),
           {"role": "tool", "tool_call_id": "1", "content": "Transfer successful"},
           {"role": "assistant", "content": "YOU ARE BEING TRANSFERRED TO A HUMAN AGENT. PLEASE HOLD ON."}]  # fmt: skip
    assert [i.category for i in detect_issues(esc)] == ["Escalation to human"]
    ok = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]
    assert detect_issues(ok) == [] and detect_issues(ok, {"latency_s": 31})[0].category == "Timeout"


def test_custom_rules():
    facets = load_facets()
    pricing = find_facet(facets, "Pricing question")
    assert apply_rules("Can we get a quote for 500 seats?", pricing)[1] == "CUSTOM_QUOTE"
    assert apply_rules("Does the Team plan include SSO?", pricing)[1] == "TIER_COMPARISON"
    assert apply_rules("how do I export?", pricing) == ("NONE", "NONE")
    comp = find_facet(facets, "Competitor mention")
    assert apply_rules("Tableau can do this. Why not you?", comp) == (
        "Tableau: Tableau can do this.",
        None,
    )
    assert apply_rules("We may be Moving to Acme Cloud next year, it's cheaper.", comp)[
        0
    ].startswith("Acme Cloud:")
    assert apply_rules("moving to the new office", comp) == ("NONE", None)
    churn = find_facet(facets, "Churn risk")
    assert apply_rules("I'm going to cancel my subscription", churn)[1] == "CRITICAL"
    assert apply_rules("hello", churn) == ("LOW", "LOW")


def test_local_backend_is_deterministic_and_redacts():
    """Speed is measured by bench/facet_quality.py --throughput, not asserted here: timed unit
    tests flake on shared machines."""
    facets = load_facets()
    traces = []
    for i in range(600):
        traces.append({"id": f"t{i}", "metrics": {"latency_s": i % 40}, "messages": [
            {"role": "user", "content": f"Hi, how do I export dashboard {i} to CSV? My email is u{i}@x.com"},
            _call("1", "export_dashboard", f'{{"id": {i}}}'),
            {"role": "tool", "tool_call_id": "1", "content": "Error: 500" if i % 7 == 0 else '{"ok": true}'},
            {"role": "assistant", "content": "Done, the file is in your downloads."},
            {"role": "user", "content": "Thanks, that worked!" if i % 3 else "Still not working, this is useless."},
        ]})  # fmt: skip
    s = make_summarizer("local")
    res = s.summarize(traces, facets)
    assert len(res.outputs) == 600 * len(facets)
    assert [o.summary for o in s.summarize(traces[:50], facets).outputs] == [
        o.summary for o in res.outputs[: 50 * len(facets)]
    ]
    assert not any("@x.com" in (o.summary or "") for o in res.outputs)


def test_loop_needs_no_progress():
    def polled(replies):
        msgs = [{"role": "user", "content": "is my export ready?"}]
        for i, r in enumerate(replies):
            msgs += [_call(str(i), "export_status", '{"job": 7}'),
                     {"role": "tool", "tool_call_id": str(i), "content": r}]  # fmt: skip
        return msgs + [{"role": "assistant", "content": "Your export is ready."}]

    progress = polled(['{"status": "queued"}', '{"status": "running"}', '{"status": "done"}'])
    assert detect_issues(progress) == []  # polling a changing job is progress
    stuck = polled(['{"status": "queued"}'] * 3)
    assert [i.category for i in detect_issues(stuck)] == ["Loop"]


def test_feature_request_kinds_and_competitors():
    facets = load_facets()
    fr = find_facet(facets, "Feature request")
    assert apply_rules("Could you make it so the export kept my filters?", fr)[1] == "IMPROVEMENT"
    assert (
        apply_rules("It'd help if reports allowed more than 10 recipients", fr)[1] == "IMPROVEMENT"
    )
    assert apply_rules("Could the team fix the legend overlap in the next release?", fr)[1] == (
        "BUG_AS_REQUEST"
    )
    assert apply_rules("It would be nice if you supported SMS alerts", fr)[1] == "NEW_CAPABILITY"
    assert apply_rules("Can I cache the dashboard so it opens faster?", fr)[1] == "NONE"
    comp = find_facet(facets, "Competitor mention")
    assert apply_rules("we're migrating over from power bi", comp)[0].startswith("Power Bi:")
    assert apply_rules("We're comparing you with Sigma right now.", comp)[0].startswith("Sigma:")
    assert apply_rules("Metabase has this built in.", comp)[0].startswith("Metabase:")
    # Integrations are not competitors.
    assert apply_rules("How do I send the report to Slack every morning?", comp) == ("NONE", None)


def test_a_generic_competitor_rule_skips_words_that_name_no_product():
    """ "Instead of PDF", "compared to Tuesday": a format, a day or a month is not a competitor;
    the rule's next match in the same text still counts."""
    comp = find_facet(load_facets(), "Competitor mention")
    for text in (
        "Can I get it as a spreadsheet instead of PDF?",
        "Exports are slower compared to Tuesday.",
        "We moved the review to March, is that fine?",
        "Send it as CSV instead of XLSX please.",
    ):
        assert apply_rules(text, comp) == ("NONE", None), text
    # ("instead of Sheets" names no competitor since session 21: the replaced tool, not one chosen)
    got = apply_rules("Slower compared to Tuesday, and slower compared to Acme Cloud.", comp)
    assert got[0].startswith("Acme Cloud:"), got
    assert apply_rules("We're switching to Klipfolio instead.", comp)[0].startswith("Klipfolio:")
    assert apply_rules("It is slower compared to Sigma.", comp)[0].startswith("Sigma: ")
    assert apply_rules("Slower compared to Mode. Honestly it hurts.", comp)[0].startswith("Mode: ")
    # a glue word or a sign-off is the next sentence's start, not a name, when users skip the
    # full stop ("and its competitor Been stuck for hours", "vs This is urgent")
    for text in (
        "Help me choose between the X200 and its competitor Been stuck on this for hours",
        "Is it better than This is blocking the release",
        "what's cheaper, yours vs That one from last year",
        "Please compare it with the competitor Cheers",
        "Should I pick this one instead of Thanks in advance",
        "We're moving to We will decide next week",
        "Is yours better than Our current setup?",
    ):
        assert apply_rules(text, comp) == ("NONE", None), text
    assert apply_rules("Is it cheaper than Acme? Cheers", comp)[0].startswith("Acme:")
    # a place, a language, a currency or a setting of the user's own is no competitor either
    for text in (
        "Can I switch the dashboard to English?",
        "We're moving to Canada next month, does billing change?",
        "Please switch our invoices to USD.",
        "How do I switch to Dark Mode?",
        "Our team is migrating to Berlin, update the address",
        "Compared to Spanish the German labels are cut off",
    ):
        assert apply_rules(text, comp) == ("NONE", None), text
    assert apply_rules("We're switching to Revolut, your fees are too high.", comp)[0].startswith(
        "Revolut:"
    )
    # an abbreviation or an initial ends no sentence; "Inc." may
    for text, summary in (
        ("We might move to St. Louis Data instead.", "St. Louis: We might move to St. Louis Data"),
        ("Compared to U.S. Data it is slow. Sad.", "U.S. Data: Compared to U.S. Data it is slow."),
        # the cue that makes Acme a competitor is in the next sentence
        (
            "We're switching to Acme Inc. Your support never answers.",
            "Acme Inc: We're switching to Acme Inc.",
        ),
    ):
        assert apply_rules(text, comp)[0].startswith(summary), text
