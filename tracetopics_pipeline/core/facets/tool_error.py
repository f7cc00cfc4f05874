"""A failed tool call in a fixed short form (issue 12, review rv10 M-5): the tool and the class
of its error, so the Issues summaries cluster by what failed and how, and the labeller can name
a subtopic "Service unavailable in account lookup" rather than from generic words.

    <tool> timed out
    <tool> returned permission denied
    <tool> returned HTTP <status>
    <tool> raised <ExceptionClass>
    <tool> returned '<error message's lead words>'
    <tool> failed                      (no class could be read)

The class is read from the reply's shape, in this order: a timeout, a refused permission (HTTP
401/403, "permission denied", "access denied", "forbidden", "not authorized", PermissionError),
an exception's class (the last one raised in a traceback, a specific one before a generic
"Exception"), an HTTP status, an error message's lead words. Instance details (a workspace, an
id, a line number) are left out: they split one failure into many texts.
"""

from __future__ import annotations

import re

from tracetopics_pipeline.core.facets.preprocess import plain_failure

_TIMEOUT = re.compile(
    r"\btim(?:e|ed|es|ing)?[ _-]?out\b|\bE?TIMEDOUT\b|deadline[ _-]?exceeded|"
    r"(?:status(?:[ _]?code)?|code|HTTP(?:/\d(?:\.\d)?)?|error)\W{0,4}(?:504|408)\b|"
    r"\b(?:504|408)\W{0,3}(?:gateway|request)|did not respond within|didn't respond within",
    re.I,
)
_PERMISSION = re.compile(
    r"\b(?:permission|access|authori[sz]ation)[ _-]?denied\b|\bforbidden\b|"
    r"\b(?:not|un)[ _-]?authori[sz]ed\b|\bunauthenticated\b|\binsufficient[ _-](?:permissions?|"
    r"privileges?|scopes?|rights)\b|\bnot (?:allowed|permitted) to access\b|"
    r"\b(?:Permission|AccessDenied|Forbidden|Unauthori[sz]ed)(?:Error|Exception)\b|"
    r"(?:\bstatus(?:[ _]?code)?|\bcode|\bHTTP(?:/\d(?:\.\d)?)?|\berror)[\"']?\s*[:=]?\s*40[13]\b|"
    r"^\s*['\"]?40[13]\b|"
    # no credentials sent: "Authentication credentials were not provided.", "API key missing"
    r"\b(?:authentication|credentials?|api[ _-]?key|access[ _-]?token|bearer token)\b[^.\n]{0,30}?"
    r"\b(?:not provided|not supplied|missing|required)\b|\bnot authenticated\b",
    re.I,
)
# An exception's class: "ConnectionResetError", "KeyError", "NotFoundException", "SocketFault".
_EXC = re.compile(r"\b([A-Z][A-Za-z0-9]*(?:Error|Exception|Fault))\b")
_GENERIC_EXC = frozenset({"Error", "Exception", "Fault", "RuntimeError", "RuntimeException"})
_STATUS = re.compile(
    r"(?:\bstatus(?:[ _]?code)?|\bcode|\bHTTP(?:/\d(?:\.\d)?)?|\berror)[\"']?\s*[:=]?\s*[\"']?"
    r"([1-5]\d\d)\b|^\s*['\"(\[]?([45]\d\d)\b",
    re.I,
)
_MESSAGE_KEY = re.compile(
    r"[\"'](?:error|message|detail|reason|msg|description|title|code)[\"']\s*:\s*[\"']"
    r"([^\"']{3,80})[\"']",
    re.I,
)
_ERROR_LINE = re.compile(r"^\W*(?:error|exception|fatal|failure|failed)\s*:\s*(.+)", re.I)
_STOP = frozenset(
    """a an the for of on in at to from with by while when during after before because since
    as is was are were be been this that these those it its your my our their""".split()  # noqa: SIM905
)


def _lead_words(message: str) -> str:
    """An error message's lead words, up to the first detail: "permission denied for workspace
    x" -> "permission denied", "upstream_unavailable" -> "upstream unavailable"."""
    out: list[str] = []
    for w in re.split(r"[\s_]+", message.strip()):
        if out and w.lower() in _STOP or not re.fullmatch(r"[A-Za-z][A-Za-z'-]*", w):
            break
        out.append(w.lower())
    return " ".join(out[:4])


def message_words(text: str) -> str:
    """The lead words of a reply's first error message under a message key ('"error":
    "upstream_unavailable"' -> "upstream unavailable"); "" when none says more than "error"."""
    msgs = [_lead_words(m) for m in _MESSAGE_KEY.findall(text)]
    return next((m for m in msgs if m not in ("", "error", "failed", "failure", "exception")), "")


def error_kind(text: str) -> str:
    """The class of a failed call's reply in the fixed short form's words: "timed out",
    "permission denied", "raised <Class>", "HTTP <status>", "'<lead words>'"; "" when none."""
    head = text[:2000]
    if _TIMEOUT.search(head):
        return "timed out"
    if _PERMISSION.search(head):
        return "permission denied"
    excs = [e for e in _EXC.findall(head) if e not in _GENERIC_EXC]
    if excs:
        return f"raised {excs[-1]}"  # a traceback's last line is what was raised
    statuses = [int(a or b) for a, b in _STATUS.findall(head) if (a or b)]
    statuses = [s for s in statuses if 400 <= s <= 599]
    if statuses:
        return f"HTTP {statuses[0]}"
    if msg := message_words(head):
        return f"'{msg}'"
    for line in head.splitlines():
        if (m := _ERROR_LINE.match(line)) and (words := _lead_words(m.group(1))):
            return f"'{words}'"
    # a failure in the tool's plain words (issue 14): "Booking QX7 not found", "Quota exceeded"
    form = plain_failure(head)
    if form == "connection":  # "connection refused", "Could not connect to ...", "Host unreachable"
        return "'service unreachable'"
    if form == "not allowed":  # "remote: Permission to x denied", "Operation not permitted"
        return "permission denied"
    return f"'{form}'" if form in ("not found", "rate limited") else ""


def call_failure(tool: str, text: str) -> str:
    """A failed call as "<tool> <verb> <class>" (see the module's docstring)."""
    kind = error_kind(text)
    if not kind:
        return f"{tool} failed"
    if kind == "timed out":
        return f"{tool} timed out"
    if kind.startswith("raised "):
        return f"{tool} {kind}"
    return f"{tool} returned {kind}"


# The agent's words after a call, read for a class: the call timed out, or was not allowed.
_SAID_PERMISSION = re.compile(
    r"\b(?:permission|access)(?: was| is)? denied\b|\b(?:permission|access) error\b|"
    r"\b(?:don't|do not|doesn't|does not|didn't|did not|lack|lacks) have (?:the )?(?:necessary |"
    r"required |right |sufficient )?(?:permissions?|access|rights|privileges)\b|"
    r"\bnot (?:authori[sz]ed|allowed to access|permitted to access)\b|\bforbidden\b",
    re.I,
)


def reported_failure(tool: str, said: str, *, timed_out: bool = False) -> str:
    """What the agent reported after a call to `tool`, in the same form: "<tool> timed out",
    "<tool> returned permission denied", or "<tool> failed"."""
    if timed_out:
        return f"{tool} timed out"
    if _SAID_PERMISSION.search(said):
        return f"{tool} returned permission denied"
    return f"{tool} failed"


# ---------------------------------------------------------------- error classes (issue 12)
# A failed call's class is coarser than its short form's words: the fix a person files it
# under. "HTTP 500", "HTTP 503" and "'upstream unavailable'" are one server error; "HTTP 404",
# "raised FileNotFoundError" and "'no such order'" one not found. Read from `error_kind`'s
# words (or the short form's), so summaries keep their exact status or exception.
_CLASS_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("timed out", re.compile(r"\btim(?:e|ed|es|ing)?[ _-]?out|deadline[ _-]?exceeded", re.I)),
    (
        "permission denied",
        re.compile(
            r"\b(?:permission|access|authori[sz]ation)[ _-]?denied|forbidden|"
            r"\b(?:not|un)[ _-]?authori[sz]ed|unauthenticated|"
            r"\binsufficient[ _-](?:permissions?|privileges?|scopes?|rights)|"
            # a credential refused: "invalid_token", "token expired", "bad credentials"
            r"\b(?:invalid|expired|bad|revoked|wrong)[ _-](?:(?:(?:access|auth|bearer|refresh)[ _-]?)?"
            r"(?:token|credentials?|signature)|api[ _-]?key)\b|"
            r"\b(?:token|credentials?|api[ _-]?key)[ _-](?:(?:has|is|was)[ _-])?(?:expired|invalid|revoked)|"
            r"^(?:Permission|AccessDenied)",
            re.I,
        ),
    ),
    (
        "rate limited",
        re.compile(
            r"rate[ _-]?limit|too[ _-]?many[ _-]?requests|throttl|quota[ _-]?(?:exceeded|exhausted)"
            r"|\bslow[ _-]?down\b",
            re.I,
        ),
    ),
    (
        "not found",
        re.compile(
            r"not[ _-]?found|\bno[ _-]such\b|does[ _-]?n(?:o|')?t[ _-]?exist|DoesNotExist|"
            r"\bunknown[ _-](?:id|user|account|order|record|resource|customer|item|product)\b|"
            r"\bmissing[ _-](?:record|resource|object|entity)",
            re.I,
        ),
    ),
    (
        "invalid request",
        re.compile(
            r"invalid|validation|bad[ _-]?request|malformed|unprocessable|missing[ _-]required|"
            r"required[ _-](?:field|param)|schema[ _-]?(?:validation|mismatch|error)",
            re.I,
        ),
    ),
    (
        "server error",
        re.compile(
            r"internal[ _-]?server|server[ _-]?error|(?:service|upstream|backend)[ _-]?unavailable|"
            r"bad[ _-]?gateway|\bunavailable\b|\bunreachable\b|\boverloaded\b",
            re.I,
        ),
    ),
)
# HTTP statuses by their class (401/403 are read as permission denied by `error_kind`).
_STATUS_CLASS = {
    400: "invalid request", 404: "not found", 408: "timed out", 410: "not found",
    422: "invalid request", 429: "rate limited", 504: "timed out",
}  # fmt: skip


def failure_class(kind: str) -> str:
    """The class of a failed call from `error_kind`'s words (or the short form's): "timed out",
    "permission denied", "rate limited", "not found", "invalid request", "server error" (HTTP
    5xx), "HTTP <status>" for another status, the exception's name ("ConnectionResetError");
    "" for none, and for a message's lead words that read as no class: they are cut where a
    detail starts ("payment amount does not", "flight"), a phrase, not a class to group by."""
    kind = kind.strip()
    if not kind:
        return ""
    if m := re.fullmatch(r"HTTP (\d{3})", kind):
        status = int(m.group(1))
        if status in (401, 403):
            return "permission denied"
        return _STATUS_CLASS.get(status) or ("server error" if status >= 500 else kind)
    word = kind.removeprefix("raised ").strip("'")
    for cls, pattern in _CLASS_WORDS:
        if pattern.search(word):
            return cls
    return word if kind.startswith("raised ") else ""


# The short form read back: "<tool> timed out", "<tool> returned <kind>", "<tool> raised <X>",
# optionally "(+N more)"; a reply quoted raw after "returned" is read with `error_kind`.
_SHORT_FORM = re.compile(
    r"(?:^|:\s+)(?P<tool>[A-Za-z][\w.-]*[A-Za-z0-9])\s+(?:(?P<timeout>timed out)|"
    r"(?P<verb>returned|raised)\s+(?P<what>.+?))\s*(?:\(\+\d+ more\))?\s*$",
    re.S,
)
_FIXED_KIND = re.compile(r"HTTP \d{3}|permission denied|'[^']+'")


def call_class(text: str) -> tuple[str, str] | None:
    """(tool, `failure_class`) of a failed call's summary in the short form ("get_account
    returned HTTP 503" -> ("get_account", "server error")); None when it is not one, or says
    no class ("<tool> failed")."""
    m = _SHORT_FORM.search(text.strip())
    if not m:
        return None
    if m["timeout"]:
        return m["tool"], "timed out"
    what = m["what"].strip()
    if m["verb"] == "raised":
        kind = f"raised {what}" if re.fullmatch(r"[A-Z]\w*", what) else error_kind(what)
    else:
        kind = what if _FIXED_KIND.fullmatch(what) else error_kind(what)
    cls = failure_class(kind)
    return (m["tool"], cls) if cls else None


def name_class(name: str) -> str:
    """The error class a subtopic's name states ("" when none): its HTTP status's, its
    exception's, or the class its words read as ("Permission denied in export dashboard",
    "Account lookup: server error")."""
    if m := re.search(r"\bHTTP (\d{3})\b", name):
        return failure_class(f"HTTP {m.group(1)}")
    if m := _EXC.search(name):
        return failure_class(f"raised {m.group(1)}")
    read = failure_class(name)
    return "" if read == name.strip() else read
