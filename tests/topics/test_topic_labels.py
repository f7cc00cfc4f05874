"""Topic labels: the local labeller, and the Clio-style OpenAI-compatible labeller against a
real HTTP server on 127.0.0.1 (success, partial answers, and failure → local fallback)."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tracetopics_pipeline.core.topics.labels import (
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


class _Server:
    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append(body)
                if outer.mode == "fail":
                    self.send_response(500)
                    self.end_headers()
                    self.wfile.write(b'{"error": {"message": "boom"}}')
                    return
                prompt = body["messages"][-1]["content"]
                ids = [int(i) for i in re.findall(r"## Cluster id (\d+)", prompt)]
                if outer.mode == "partial":
                    ids = ids[:1]
                labels = [{"id": i, "label": f"LLM label {i}."} for i in ids]
                content = json.dumps({"labels": labels})
                resp = {
                    "id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": content}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }  # fmt: skip
                data = json.dumps(resp).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(request):
    s = _Server(request.param)
    yield s
    s.close()


@pytest.mark.parametrize("server", ["ok"], indirect=True)
def test_openai_labeller_names_several_topics_per_call_with_contrast(server):
    lab = OpenAILabeler(
        base_url=server.url, api_key="k", model="m", topics_per_call=2, max_retries=0
    )
    out = lab.label("Task", _topics())
    assert out == {0: "LLM label 0", 1: "LLM label 1", 2: "LLM label 2"}
    assert lab.calls == 2 and len(server.requests) == 2  # 3 topics, 2 per call
    prompt = server.requests[0]["messages"][-1]["content"]
    assert "Export dashboard to csv for report" in prompt  # central summaries
    assert "NOT this cluster" in prompt and "Invite teammate" in prompt  # contrastive neighbours


@pytest.mark.parametrize("server", ["partial"], indirect=True)
def test_openai_labeller_fills_missing_ids_locally(server):
    lab = OpenAILabeler(base_url=server.url, api_key="k", topics_per_call=8, max_retries=0)
    out = lab.label("Task", _topics())
    assert out[0] == "LLM label 0"
    assert out[1] == "Reset password" and out[2] == "Connect slack integration"


@pytest.mark.parametrize("server", ["fail"], indirect=True)
def test_openai_labeller_falls_back_to_local_on_failure(server):
    lab = OpenAILabeler(base_url=server.url, api_key="k", max_retries=0, timeout_s=5)
    out = lab.label("Task", _topics())
    assert out == LocalLabeler().label("Task", _topics())
    assert lab.failures == 1


def test_openai_labeller_prompt_is_redacted():
    from tracetopics_pipeline.core.topics.labels import OpenAILabeler, TopicDescription

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
