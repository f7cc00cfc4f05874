"""The explorer's guard, one ASGI middleware in front of every request:

- Host allow-list: a page on another site that rebinds its DNS name to 127.0.0.1 sends its own
  name as Host; only the configured names (localhost by default) get an answer.
- Cross-site writes: POST/PATCH/PUT/DELETE from another origin (Origin, Sec-Fetch-Site) are
  refused, so a page cannot fill the review queue or the exports folder.
- Body limit: a body over the limit gets 413 (by Content-Length, or while it streams in).
- Security headers on every response: a CSP without external origins, no framing, no sniffing,
  no referrer.
"""

from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Plotly's WebGL traces (scattergl) compile their shaders' JavaScript at run time (regl), which
# needs 'unsafe-eval'; every style Plotly and the page set inline needs 'unsafe-inline' for
# styles. Nothing may load from, post to or frame from any other origin.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
WILDCARD_BINDS = {"0.0.0.0", "::", ""}


# A Host header is a name or a bracketed IPv6 address, then perhaps a port: nothing else
# ("127.0.0.1:8765@evil.com" names no host, so it matches none).
_HOST = re.compile(r"(?:\[(?P<v6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9_.-]+))(?::\d{1,5})?")
_BARE_V6 = re.compile(r"[0-9a-f]*:[0-9a-f:.]*:[0-9a-f:.]*")  # '::1' as configured, unbracketed


def host_name(value: str) -> str:
    """The name part of a Host header or netloc: '[::1]:8765' -> '::1', 'LocalHost.' ->
    'localhost'; '' (no host) for anything that is not a name or address and a port."""
    value = value.strip().lower()
    if m := _HOST.fullmatch(value):
        return m["v6"] or m["name"].rstrip(".")
    return value if _BARE_V6.fullmatch(value) else ""


def allowed_hosts_for(configured: Iterable[str], bind_host: str | None = None) -> frozenset[str]:
    """The configured names, plus the address the server binds when it names one."""
    names = {host_name(h) for h in configured} - {""}
    if bind_host and bind_host not in WILDCARD_BINDS:
        names.add(host_name(bind_host))
    return frozenset(names)


def exposure_warning(bind_host: str, port: int) -> str | None:
    """What binding beyond loopback means, in one line; None for a loopback address. The Host
    list stops a browser's DNS rebinding, not a client on the network: there is no login."""
    name = bind_host.strip("[]").lower()
    try:
        loopback = name == "localhost" or ipaddress.ip_address(name).is_loopback
    except ValueError:
        loopback = False
    if loopback:
        return None
    return (
        f"warning: bound to {bind_host}:{port} without authentication: anyone who can reach it "
        "can read every trace and write (reviews, exports, runs); bind 127.0.0.1, or put an "
        "authenticating proxy in front (docs/explorer.md#security)"
    )


def _cross_site(headers: Headers, allowed: frozenset[str]) -> str | None:
    """Why a write request comes from another site, or None."""
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return f"Sec-Fetch-Site is {site}"
    origin = headers.get("origin")
    if origin is None:
        return None  # not a browser form or fetch (curl, scripts, tests)
    parts = urlsplit(origin)
    if origin == "null" or not parts.netloc:
        return f"Origin {origin!r}"
    if host_name(parts.netloc) not in allowed or parts.netloc.lower() != headers.get(
        "host", ""
    ).lower().rstrip("."):
        return f"Origin {origin} is not this server"
    return None


class ExplorerGuard:
    def __init__(self, app: ASGIApp, *, allowed_hosts: frozenset[str], max_body: int) -> None:
        self.app = app
        self.allowed = allowed_hosts
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        if host_name(host) not in self.allowed:
            return await _reject(
                send,
                400,
                f"Host {host!r} is not allowed; add it to TRACETOPICS_EXPLORER_HOSTS "
                "if you mean to reach the explorer under that name",
            )
        if scope["method"] in UNSAFE_METHODS:
            reason = _cross_site(headers, self.allowed)
            if reason:
                return await _reject(send, 403, f"cross-site write refused ({reason})")
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await _reject(send, 413, self._too_large())
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:  # a chunked body without Content-Length
                    raise HTTPException(413, self._too_large())
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    out.setdefault(name, value)
            await send(message)

        await self.app(scope, limited_receive, send_with_headers)

    def _too_large(self) -> str:
        return f"request body larger than {self.max_body:,} bytes (TRACETOPICS_EXPLORER_MAX_BODY)"


async def _reject(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *((k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
