"""Topic labels: the local labeller, and the Clio-style OpenAI-compatible labeller against a
real HTTP server on 127.0.0.1 (success, partial answers, and failure → local fallback)."""

from __future__ import annotations

from tracetopics_pipeline.core.topics.labels.labellers import (
    LocalLabeler,
    OpenAILabeler,
    TopicDescription,
    local_label,
)


def _topics() -> list[TopicDescription]:
    return [
        TopicDescription(
            0, ["csv", "export", "dashboard"],
            ["Export dashboard to csv", "Export dashboard to csv for report", "Download csv"], 40,
            contrast=["Reset password", "Invite teammate"],
        ),
        TopicDescription(
            1, ["password", "reset"], ["Reset password", "Reset password after lockout"], 30,
            contrast=["Export dashboard to csv"],
        ),
        TopicDescription(2, ["slack", "integration"], ["Connect slack integration"], 10),
    ]  # fmt: skip


def test_local_label_is_a_short_phrase_from_central_summary():
    assert local_label(_topics()[0]) == "Export dashboard to csv"
    long = TopicDescription(
        5, ["refund", "subscription"],
        ["I was wondering whether anyone there could possibly help me get a refund for my annual "
         "subscription that renewed"],
    )  # fmt: skip
    label = local_label(long)
    assert 2 <= len(label.split()) <= 8 and "refund" in label.lower()
    assert local_label(TopicDescription(9, ["alpha", "beta"], [])) == "Alpha / beta"


def test_openai_labeller_names_several_topics_per_call_with_contrast(llm):
    server = llm
    lab = OpenAILabeler(
        base_url=server.url, api_key="k", model="m", topics_per_call=2, max_retries=0
    )
    out = lab.label("Task", _topics())
    assert out == {0: "LLM label 0", 1: "LLM label 1", 2: "LLM label 2"}
    assert lab.calls == 2 and len(server.bodies()) == 2  # 3 topics, 2 per call
    prompt = server.bodies()[0]["messages"][-1]["content"]
    assert "Export dashboard to csv for report" in prompt  # central summaries
    assert "NOT this cluster" in prompt and "Invite teammate" in prompt  # contrastive neighbours


def test_openai_labeller_fills_missing_ids_locally(llm):
    server = llm
    server.script = [("partial",)]
    lab = OpenAILabeler(base_url=server.url, api_key="k", topics_per_call=8, max_retries=0)
    out = lab.label("Task", _topics())
    assert out[0] == "LLM label 0"
    assert out[1] == "Reset password" and out[2] == "Connect slack integration"


def test_openai_labeller_falls_back_to_local_on_failure(llm):
    server = llm
    server.script = [("status", 500)]
    lab = OpenAILabeler(base_url=server.url, api_key="k", max_retries=0, timeout_s=5)
    out = lab.label("Task", _topics())
    assert out == LocalLabeler().label("Task", _topics())
    assert lab.failures == 1


def test_openai_labeller_prompt_is_redacted():
    from tracetopics_pipeline.core.topics.labels.labellers import OpenAILabeler, TopicDescription

    topic = TopicDescription(
        topic_id=3,
        keywords=["refund"],
        representatives=["Refund for jane.doe@example.com, card 4111 1111 1111 1111"],
        contrast=["Call me at +1 415 555 0199"],
    )
    prompt = OpenAILabeler(client=object()).prompt("Task", [topic])
    assert "jane.doe@example.com" not in prompt
    assert "4111 1111 1111 1111" not in prompt
    assert "555 0199" not in prompt
    assert "Refund for" in prompt
