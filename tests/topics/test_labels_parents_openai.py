"""Parent names over the OpenAI-compatible backend (Clio-style: from the children's names and
summaries), against the fake server on 127.0.0.1; invalid or missing names fall back to local."""

from __future__ import annotations

from tracetopics_pipeline.core.topics.labels.labellers import (
    OpenAILabeler,
    ParentDescription,
    name_parents_openai,
)


def _parents() -> list[ParentDescription]:
    return [
        ParentDescription(0, [("CSV export", 40), ("PDF export", 20)],
                          ["Export dashboard to CSV", "Mail me the PDF of jane@example.com"], 60,
                          contrast=["Reset password"]),
        ParentDescription(1, [("Reset password", 30)], ["Reset my password"], 30),
        ParentDescription(2, [("Slack alerts", 10)], ["Send alerts to Slack"], 10),
    ]  # fmt: skip


LOCAL = {0: "Local zero", 1: "Local one", 2: "Local two"}
NAMES = {0: "Data export formats", 1: "Password reset help", 2: "Slack alert setup"}


def _labeler(llm) -> OpenAILabeler:
    return OpenAILabeler(base_url=llm.url, api_key="k", topics_per_call=2, max_retries=0)


def test_parents_are_named_from_children_and_summaries(llm):
    llm.script = [("labels", NAMES), ("labels", NAMES)]
    names, source = name_parents_openai(_labeler(llm), "Task", _parents(), LOCAL)
    assert names == NAMES
    assert set(source.values()) == {"openai"} and len(llm.requests) == 2
    prompt = llm.bodies("/chat/completions")[0]["messages"][-1]["content"]
    assert "CSV export (40)" in prompt and "Export dashboard to CSV" in prompt
    assert "NOT this group" in prompt and "Reset password" in prompt
    assert "jane@example.com" not in llm.sent_text()  # redacted before it leaves the machine


def test_a_name_failing_the_audit_keeps_the_local_one(llm):
    bad = {**NAMES, 1: "MEDIUM: Hi there"}
    llm.script = [("labels", bad), ("labels", bad)]
    names, source = name_parents_openai(_labeler(llm), "Task", _parents(), LOCAL)
    assert names[1] == "Local one" and source[1] == "local"
    assert names[0] == NAMES[0] and source[0] == "openai"


def test_a_name_repeating_a_sibling_keeps_the_local_one(llm):
    dup = {0: "Local one", 1: "Local one", 2: "Local one"}
    llm.script = [("labels", dup), ("labels", dup)]
    names, _ = name_parents_openai(_labeler(llm), "Task", _parents(), LOCAL)
    assert names == LOCAL  # every reply equals parent 1's local name


def test_a_failing_endpoint_falls_back_to_local_names(llm):
    llm.script = [("status", 500), ("status", 500)]
    lab = _labeler(llm)
    names, source = name_parents_openai(lab, "Task", _parents(), LOCAL)
    assert names == LOCAL and set(source.values()) == {"local"} and lab.failures == 2
