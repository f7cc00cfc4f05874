"""The explorer's hardening, through the real app: Host allow-list (DNS rebinding), cross-site
writes, body limits, security headers, typed request bodies (4xx with a message, never a 500)
and trace ids holding "/"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from factories import insert_traces, trace_record
from factories.explorer import build_explorer_warehouse, serving
from fastapi.testclient import TestClient

from tracetopics_pipeline.core.warehouse import PACKAGED_MODEL_ID
from tracetopics_pipeline.core.warehouse.snapshot import publish_snapshot
from tracetopics_pipeline.explorer.app import create_app
from tracetopics_pipeline.explorer.security import allowed_hosts_for, exposure_warning

N = 120  # trace i: customer i % 3 (acme, globex, initech)
ODD_IDS = ["org/team/42", "..", "a b?c#d%2F", "ünï/cødé"]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    h = tmp_path_factory.mktemp("tt_hardening")
    conn = build_explorer_warehouse(h / "warehouse.duckdb", n=N)
    created = datetime(2026, 11, 5, 12, tzinfo=UTC)
    insert_traces(
        conn,
        [
            trace_record(tid, created, [{"role": "user", "content": f"hello from {tid}"}])
            for tid in ODD_IDS
        ],
    )
    publish_snapshot(conn, h / "snapshot", embed_model=PACKAGED_MODEL_ID)
    conn.close()
    return h


@pytest.fixture(scope="module")
def client(home: Path) -> TestClient:
    return TestClient(create_app(home), base_url="http://localhost:8765")


# -- Host allow-list -----------------------------------------------------------------------


@pytest.mark.parametrize("host", ["localhost:8765", "127.0.0.1:8765", "[::1]:8765", "LOCALHOST"])
def test_local_host_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/api/health", headers={"host": host}).status_code == 200


@pytest.mark.parametrize(
    "host",
    [
        "evil.example", "evil.example:8765", "127.0.0.1.nip.io", "localhost.evil.example", "",
        # no host at all: a name and port with anything after them is refused, not cut
        "127.0.0.1:8765@evil.example", "localhost:8765/x", "localhost:port", "[::1]x",
    ],
)  # fmt: skip
def test_other_host_names_are_refused(client: TestClient, host: str) -> None:
    """A DNS-rebinding page reaches 127.0.0.1 under its own name: the Host header gives it away."""
    for path in ("/", "/api/overview", "/api/traces"):
        r = client.get(path, headers={"host": host})
        assert r.status_code == 400 and "TRACETOPICS_EXPLORER_HOSTS" in r.json()["detail"]


def test_host_names_are_configurable(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACETOPICS_EXPLORER_HOSTS", "explorer.internal, localhost")
    c = TestClient(create_app(home), base_url="http://explorer.internal:8765")
    assert c.get("/api/health").status_code == 200
    assert c.get("/api/health", headers={"host": "127.0.0.1"}).status_code == 400
    # `tracetopics explore --host 10.0.0.5` answers to that address too; 0.0.0.0 adds nothing
    assert "10.0.0.5" in allowed_hosts_for(["localhost"], bind_host="10.0.0.5")
    assert allowed_hosts_for(["localhost"], bind_host="0.0.0.0") == {"localhost"}


def test_binding_beyond_loopback_says_what_it_exposes() -> None:
    for loopback in ("127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"):
        assert exposure_warning(loopback, 8765) is None, loopback
    for exposed in ("0.0.0.0", "::", "10.0.0.5", "explorer.internal"):
        warning = exposure_warning(exposed, 8765)
        assert warning and "without authentication" in warning and f"{exposed}:8765" in warning


# -- cross-site writes -----------------------------------------------------------------------

REVIEW = {"filter": {"customer": ["acme"]}, "assignee": "dana", "limit": 1}


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"origin": "http://localhost:9999"},  # another local app on another port
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site", "origin": "http://localhost:8765"},
    ],
)
def test_cross_site_writes_are_refused(client: TestClient, headers: dict[str, str]) -> None:
    before = len(client.get("/api/review").json()["items"])
    r = client.post("/api/review", json=REVIEW, headers=headers)
    assert r.status_code == 403 and "cross-site" in r.json()["detail"]
    assert client.patch("/api/review/1", json={"note": "x"}, headers=headers).status_code == 403
    assert client.post("/api/export", json={}, headers=headers).status_code == 403
    assert len(client.get("/api/review").json()["items"]) == before


def test_same_origin_writes_pass(client: TestClient) -> None:
    headers = {"origin": "http://localhost:8765", "sec-fetch-site": "same-origin"}
    r = client.post("/api/review", json=REVIEW, headers=headers)
    assert r.status_code == 200 and r.json()["count"] == 1


# -- body limits -----------------------------------------------------------------------------


def test_a_50_mb_review_note_is_refused(client: TestClient, home: Path) -> None:
    before = client.get("/api/review").json()["items"]
    note = "x" * (50 * 10**6)
    r = client.post("/api/review", json={**REVIEW, "note": note})
    assert r.status_code == 413 and "TRACETOPICS_EXPLORER_MAX_BODY" in r.json()["detail"]
    ok = client.post("/api/review", json=REVIEW)
    assert ok.status_code == 200  # (a trace already open for the assignee is not queued again)
    item_id = client.get("/api/review").json()["items"][0]["id"]
    assert client.patch(f"/api/review/{item_id}", json={"note": note}).status_code == 413
    after = client.get("/api/review").json()["items"]
    assert len(after) == len(before) + ok.json()["count"]
    assert all(len(i["note"] or "") < 100 for i in after)
    assert len(client.get("/api/exports").content) < 100_000


def test_a_streamed_body_over_the_limit_is_refused(client: TestClient) -> None:
    """No Content-Length (chunked): counted as it arrives."""

    def chunks():
        yield b'{"assignee": "dana", "note": "'
        for _ in range(30):
            yield b"y" * 100_000
        yield b'"}'

    r = client.post("/api/review", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_notes_have_a_length_limit_below_the_body_limit(client: TestClient) -> None:
    r = client.post("/api/review", json={**REVIEW, "note": "z" * 20_000})
    assert r.status_code == 422 and r.json()["detail"].startswith("note: ")


# -- security headers ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/api/health", "/api/trace?trace_id=no"])
def test_security_headers(client: TestClient, path: str) -> None:
    h = client.get(path).headers
    csp = h["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert "http:" not in csp and "https:" not in csp and "*" not in csp  # no external origin
    assert h["x-frame-options"] == "DENY" and h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"


def test_refusals_carry_the_headers_too(client: TestClient) -> None:
    r = client.get("/", headers={"host": "evil.example"})
    assert r.headers["x-frame-options"] == "DENY"


# -- typed bodies: 4xx with a message, never 500 ---------------------------------------------

MALFORMED = [
    ("post", "/api/cluster", {"filter": "abc"}),
    ("post", "/api/cluster", {"filter": ["acme"]}),
    ("post", "/api/cluster", {"filter": {"date_from": ["2026-11-01"]}}),
    ("post", "/api/cluster", {"filter": {"date_to": "next tuesday"}}),
    ("post", "/api/cluster", {"filter": {"customer": 5}}),
    ("post", "/api/cluster", {"filter": {"customer": [{"a": 1}]}}),
    ("post", "/api/cluster", {"filter": {"topic": ["Task:99999999999999999999"]}}),
    ("post", "/api/cluster", {"filter": {"topic": ["Task"]}}),
    ("post", "/api/cluster", {"filter": {"label": [None]}}),
    ("post", "/api/cluster", {"max_traces": "lots"}),
    ("post", "/api/cluster", {"max_traces": 10**30}),
    ("post", "/api/cluster", {"facet": 5}),
    ("post", "/api/cluster", '{"max_traces": NaN}'),
    ("post", "/api/cluster", '{"max_traces": Infinity}'),
    ("post", "/api/cluster", "[]"),
    ("post", "/api/cluster", "not json"),
    ("post", "/api/export", {"topic_id": 10**30, "facet": "Task"}),
    ("post", "/api/export", {"topic_id": "NaN", "facet": "Task"}),
    ("post", "/api/export", '{"topic_id": NaN, "facet": "Task"}'),
    ("post", "/api/export", {"description": {"a": 1}}),
    ("post", "/api/export", {"filter": None, "surprise": 1}),
    ("post", "/api/review", {"assignee": ["dana"]}),
    ("post", "/api/review", {"assignee": "dana", "limit": -1}),
    ("post", "/api/review", '{"assignee": "dana", "limit": NaN}'),
    ("post", "/api/review", {"assignee": "dana", "note": 5}),
    ("post", "/api/review", {"note": "who?"}),
    ("patch", "/api/review/99999999999999999999999999", {"status": "done"}),
    ("patch", "/api/review/-1", {"status": "done"}),
    ("patch", "/api/review/abc", {"status": "done"}),
    ("patch", "/api/review/1", {"status": "finished"}),
    ("patch", "/api/review/1", '{"note": NaN}'),
    ("patch", "/api/review/1", "[1, 2]"),
    ("get", "/api/proposal?facet=Task&topic_id=99999999999999999999", None),
    ("get", "/api/traces?topic=Task:99999999999999999999", None),
    ("get", "/api/traces?date_from=2026-02-30", None),
    ("get", "/api/traces?limit=NaN", None),
]


@pytest.mark.parametrize(
    "method, path, body", MALFORMED, ids=[f"{m} {p} {b}" for m, p, b in MALFORMED]
)
def test_malformed_requests_get_a_4xx_with_a_message(
    client: TestClient, method: str, path: str, body: object
) -> None:
    kwargs: dict = {}
    if isinstance(body, str):
        kwargs = {"content": body, "headers": {"content-type": "application/json"}}
    elif body is not None:
        kwargs = {"json": body}
    r = client.request(method.upper(), path, **kwargs)
    assert 400 <= r.status_code < 500, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) and detail


def test_a_single_customer_string_is_one_customer(client: TestClient) -> None:
    one = client.post("/api/export", json={"filter": {"customer": "acme"}}).json()
    listed = client.post("/api/export", json={"filter": {"customer": ["acme"]}}).json()
    assert one["count"] == listed["count"] == N // 3
    assert one["filter"]["customers"] == ["acme"]


# -- trace ids with "/" ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def live(home: Path) -> Iterator[str]:
    """The app under uvicorn on 127.0.0.1 (TestClient decodes paths twice; uvicorn once)."""
    with serving(home) as base:
        yield base


@pytest.mark.parametrize("trace_id", ODD_IDS)
def test_any_trace_id_opens(live: str, trace_id: str) -> None:
    r = httpx.get(f"{live}/api/trace", params={"trace_id": trace_id})  # what the page asks
    assert r.status_code == 200 and r.json()["id"] == trace_id
    if trace_id != "..":  # clients resolve a ".." path segment away before sending
        r = httpx.get(f"{live}/api/trace/" + quote(trace_id, safe=""))
        assert r.status_code == 200 and r.json()["id"] == trace_id


def test_live_server_checks_the_host_header(live: str) -> None:
    assert httpx.get(f"{live}/api/health").status_code == 200
    assert httpx.get(f"{live}/api/health", headers={"host": "evil.example"}).status_code == 400


def test_the_page_asks_for_traces_by_query_parameter(client: TestClient) -> None:
    js = client.get("/static/app.js").text
    assert 'api("/api/trace?trace_id=" + encodeURIComponent(id))' in js
    assert '"/api/trace/" +' not in js
