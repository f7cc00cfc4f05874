"""The one fake OpenAI-compatible server the tests talk to, on 127.0.0.1 (nothing leaves).

It answers `/v1/chat/completions` the way the pipeline asks (facet summaries from the request's
JSON schema, topic labels for "## Cluster id N" prompts) and `/v1/embeddings` with
deterministic vectors derived from each input's hash (not unit length: clients normalize),
of a dimension per model (`embedding_dims`, else `embedding_dim`). Every request is recorded
(`requests`, with path and body). `script` queues behaviours that the next requests get, in
order, before the normal answers resume:

    ("status", 429)       an HTTP error with an OpenAI-style error body
    ("hang", seconds)     answer normally after a delay (timeouts)
    ("garbage",)          200 with a body the client cannot use
    ("bad_body",)         200 whose HTTP body is not JSON at all (a proxy's page, a cut-off body)
    ("short",)            200, well-formed, one embedding fewer than the inputs
    ("no_usage",)         200 embeddings without a usage block
    ("reversed",)         200 embeddings listed in reverse order (their `index` still right)
    ("wrong_label",)      a facet answer whose label is outside the facet's label set
    ("partial",)          topic labels for the first cluster of the prompt only
    ("labels", {id: text}) these label texts for the listed cluster/group ids, the usual for others

Label prompts name clusters ("## Cluster id N") or parent groups ("## Group id N").
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np

USAGE = {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}


def fake_vector(text: str, dim: int) -> list[float]:
    """A deterministic unit vector for `text` (same text, same vector, in every process)."""
    seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
    v = np.random.default_rng(seed).normal(size=dim)
    return (v / np.linalg.norm(v)).round(6).tolist()


class FakeOpenAI:
    def __init__(
        self, *, embedding_dim: int = 64, embedding_dims: dict[str, int] | None = None
    ) -> None:
        self.embedding_dim = embedding_dim
        self.embedding_dims = dict(embedding_dims or {})
        self.requests: list[dict[str, Any]] = []  # {"path", "body"}
        self.script: list[tuple] = []
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep pytest output clean
                pass

            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = json.loads(raw or b"{}")
                with fake.lock:
                    fake.requests.append({"path": self.path, "body": body})
                    action = fake.script.pop(0) if fake.script else ("ok",)
                code, payload = fake.respond(self.path, body, action)
                self._send(code, payload)

            def _send(self, code: int, payload: Any) -> None:
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                try:
                    self.send_response(code)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeouts)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    # -- what the server says ----------------------------------------------------------------

    def respond(self, path: str, body: dict, action: tuple) -> tuple[int, Any]:
        kind = action[0]
        if kind == "status":
            return action[1], {"error": {"message": "scripted", "type": "x"}}
        if kind == "hang":
            time.sleep(action[1])
        if kind == "bad_body":
            return 200, b"<html><body>502 upstream</body></html>"
        if path.endswith("/embeddings"):
            if kind == "garbage":
                return 200, b'{"data": [{"embedding": "not a vector"}]'
            answer = self.embeddings(body)
            if kind == "short":
                answer["data"] = answer["data"][:-1]
            if kind == "no_usage":
                del answer["usage"]
            if kind == "reversed":
                answer["data"].reverse()
            return 200, answer
        if kind == "garbage":
            return 200, self.wrap("this is {not json")
        if "response_format" in body and body["response_format"].get("type") == "json_schema":
            return 200, self.wrap(
                json.dumps(self.facet_answer(body, wrong_label=kind == "wrong_label"))
            )
        prompt = body["messages"][-1]["content"]
        ids = [int(i) for i in re.findall(r"## (?:Cluster|Group) id (\d+)", prompt)]
        if kind == "partial":
            ids = ids[:1]
        given = action[1] if kind == "labels" else {}
        return 200, self.wrap(
            json.dumps(
                {"labels": [{"id": i, "label": given.get(i, f"LLM label {i}.")} for i in ids]}
            )
        )

    def wrap(self, content: str) -> dict:
        return {
            "id": "x", "object": "chat.completion", "created": 0, "model": "fake",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}],
            "usage": USAGE,
        }  # fmt: skip

    def facet_answer(self, body: dict, *, wrong_label: bool = False) -> dict:
        """One entry per facet the request's JSON schema asks for; labels from its enum."""
        schema = body["response_format"]["json_schema"]["schema"]
        out = {}
        for key, spec in schema["properties"].items():
            entry = {"summary": f"summary of {key}"}
            if "label" in spec["properties"]:
                entry["label"] = "BANANA" if wrong_label else spec["properties"]["label"]["enum"][0]
            out[key] = entry
        return out

    def embeddings(self, body: dict) -> dict:
        inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
        dim = self.embedding_dims.get(body.get("model", ""), self.embedding_dim)
        data = [
            {
                "object": "embedding",
                "index": i,
                # Scaled by 3: an endpoint's vectors need not be unit length.
                "embedding": [3 * x for x in fake_vector(str(t), dim)],
            }
            for i, t in enumerate(inputs)
        ]
        tokens = sum(len(str(t).split()) for t in inputs)
        return {
            "object": "list", "data": data, "model": body.get("model", "fake"),
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        }  # fmt: skip

    # -- what the tests read -----------------------------------------------------------------

    def bodies(self, path_suffix: str = "") -> list[dict]:
        return [r["body"] for r in self.requests if r["path"].endswith(path_suffix)]

    def sent_text(self) -> str:
        """Everything the clients sent, as one string (for "this never left" assertions)."""
        return "\n".join(json.dumps(r["body"], ensure_ascii=False) for r in self.requests)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
