"""Write actions only from the local page: one FastAPI dependency, `local_write`.

Every endpoint that changes something (exports, the review queue, saved subsets, "Refresh
now") declares it. It refuses, with 403:
- a Host that is not a loopback name (DNS rebinding: a remote page whose name resolves to
  127.0.0.1 still sends its own name as Host);
- a cross-site browser request: `Sec-Fetch-Site` other than same-origin/none, or an `Origin`
  that is not this very host (old browsers without Sec-Fetch-* still send Origin on POST);
- a body that is not JSON: HTML forms can only post form encodings or text/plain, and a
  cross-site fetch with `application/json` needs a CORS preflight this app never grants.
It composes with an app-wide Host allow-list middleware: both check, neither relies on the
other. `app.state.allowed_hosts` (a set of host names) extends the loopback names when the
explorer is served under another name on purpose.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import HTTPException, Request

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SAFE_FETCH_SITES = frozenset({"same-origin", "none"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def host_name(host: str) -> str:
    """The name part of a Host header value ('[::1]:8765' → '::1', 'LocalHost:80' → 'localhost')."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def allowed_hosts(request: Request) -> frozenset[str]:
    extra = getattr(request.app.state, "allowed_hosts", None) or ()
    return LOOPBACK_HOSTS | {h.lower() for h in extra}


def local_write(request: Request) -> None:
    """Refuse a write that does not come from this server's own page (see the module doc)."""
    host = request.headers.get("host", "")
    if host_name(host) not in allowed_hosts(request):
        raise HTTPException(
            403, f"write actions are only accepted from the local page, not {host!r}"
        )
    site = request.headers.get("sec-fetch-site")
    if site is not None and site.lower() not in SAFE_FETCH_SITES:
        raise HTTPException(403, f"cross-site request refused (Sec-Fetch-Site: {site})")
    origin = request.headers.get("origin")
    if origin is not None:
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower():
            raise HTTPException(403, f"cross-site request refused (Origin: {origin})")
    if request.method in BODY_METHODS:
        ctype = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if ctype != "application/json":
            raise HTTPException(415, "send the body as application/json")
