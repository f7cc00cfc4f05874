"""Preprocessors: turn one trace into the text a facet looks at.

A trace is a dict with the raw_traces columns (`messages` a list of OpenAI-style chat messages,
`metadata` and `metrics` dicts). A preprocessor is `fn(trace, facet) -> str | None`; None or an
empty string means "nothing to look at", and the facet is recorded as skipped for that trace.
Custom preprocessors are referenced by dotted path ("mypkg.mod.fn" or "mypkg.mod:fn").
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from tracetopics_pipeline.core.ingest.messages import loads_json

if TYPE_CHECKING:
    from tracetopics_pipeline.core.facets.definitions import Facet

Preprocessor = Callable[[dict, "Facet"], "str | None"]

# ~4 characters per token is the usual English average for BPE tokenizers; exact counts
# would need the model's tokenizer, which the budget does not justify.
CHARS_PER_TOKEN = 4

# A tool reply is an error when it says so up front, carries an error field or an HTTP error
# status (at any depth of its JSON), names an exception, or reports a timeout. Matching "error"
# anywhere would flag replies that merely mention the word (e.g. a knowledge-base article).
# A module path of at most 16 parts: unbounded, "a.a.a..." read the whole rest of the chain from
# each part (a 2,000-character tool reply of it took 1 s per search)
_EXC_NAME = (  # PermissionDenied, ValueError, requests.exceptions.ConnectTimeout, E_ACCESS_DENIED
    r"(?:[a-z_][\w]*\.){0,16}_?(?:[A-Z][A-Za-z0-9]*)?(?:Error|Exception|Denied|Refused|Failure|Failed|Fault|"
    r"NotFound|Forbidden|Unauthori[sz]ed|Invalid|Exceeded|Unavailable|Timeout|Conflict|Rejected|"
    r"Expired|Locked)"
    r"(?:[A-Z][A-Za-z0-9]*)?"
)
_HTTP_REASON = (
    r"(?:bad request|unauthori[sz]ed|payment required|forbidden|not found|method not allowed|"
    r"not acceptable|request timeout|conflict|gone|precondition failed|payload too large|"
    r"unprocessable (?:entity|content)|locked|too many requests|internal server error|"
    r"not implemented|bad gateway|service (?:temporarily )?unavailable|gateway time-?out)"
)
# Names that say "failure" by a part other than the suffix: InsufficientFunds, UnknownHost,
# psycopg2.errors.UniqueViolation (a class in an errors / exceptions module). Only at the start
# of a reply: "Capacity: 120" or "Unknown: 3" elsewhere in a reply is data.
_EXC_COMPOUND = (
    r"(?:[a-z_]\w*\.)*(?:errors|exceptions|exc)\.[A-Z]\w*|"
    r"(?:[a-z_]\w*\.)*(?:Insufficient|Missing|Unknown|Duplicate|Illegal|Unsupported|Unexpected|"
    r"Expired|Cannot|Unable|TooMany|Unhandled|Uncaught)[A-Z]\w*|"
    r"(?:[a-z_]\w*\.)*[A-Z][A-Za-z0-9]*(?:Violation|Overflow|Mismatch|Exhausted|Declined|Aborted|"
    r"Unreachable|Panic|Unknown|Missing|Unsupported|Illegal|Duplicate)|"
    # a class named by a negative state: GlassNotInStock, SeatsOutOfRange, NoSuchKey
    r"(?:[a-z_]\w*\.)*(?:[A-Z][a-z0-9]+)*(?:Not|No|OutOf|Too)[A-Z][A-Za-z0-9]*|"
    # a namespaced Ruby, C++ or PHP class: ActiveRecord::RecordNotFound, std::out_of_range
    r"(?:[A-Za-z_]\w*::)+[A-Za-z_]\w*"
)
# A status code in upper snake case whose words name a failure: UNAVAILABLE, PERMISSION_DENIED,
# DEADLINE_EXCEEDED, INVALID_FIELD, CONSTRAINT_ERROR, ERR_TIMEOUT (not ORDER_ID, USER_NAME)
_SNAKE_FAILURE = (
    r"(?:[A-Z0-9]+_)*(?:INVALID|ERROR|EXCEPTION|DENIED|REFUSED|FAILURE|FAILED|FAULT|NOT_FOUND|"
    r"FORBIDDEN|UNAUTHORI[SZ]ED|UNAUTHENTICATED|EXCEEDED|UNAVAILABLE|TIMEOUT|CONFLICT|REJECTED|"
    r"EXPIRED|EXHAUSTED|ABORTED|UNIMPLEMENTED|ILLEGAL|UNSUPPORTED|MISSING|DUPLICATE|OVERFLOW|"
    r"VIOLATION)(?:_[A-Z0-9]+)*"
)
# An error code in lower snake case heading the reply, as OAuth and Slack write them:
# "insufficient_scope: token lacks read:orders", "missing_scope (needed: ...)", "user_not_found",
# "invalid_auth". Not a field of data ("error_count: 0", "missing_items: 3", "failed_at: ...").
_LOWER_FAILURE = (
    r"(?:missing|insufficient|invalid|unauthori[sz]ed|unauthenticated|forbidden|denied|"
    r"authed|allowed|permitted|permission|found|expired|revoked|exceeded|ratelimited|limited|"
    r"throttled|restricted|inactive|failed|error)"
)
# A field's plain value after "key:", which makes the code a field of data: "returns_allowed:
# yes", "last_payment_failed: no", "pets_allowed: false", "failed_at: 2026-12-01", "user_found:
# alice" (one word that names no failure). A message after the code keeps it an error.
_PLAIN_VALUE = (
    r"(?:(?:yes|no|y|n|true|false|on|off|enabled|disabled|none|null|nil|n/a)[\"']?\s*(?:[,;.}\]]|\n|$)|"
    r"[\d.]+\b|(?![\w.%/:+-]*" + _LOWER_FAILURE + r")[\w.%/:+-]+[\"']?\s*(?:[,;}\]]|\n|$))"
)
_LOWER_CODE = (
    r"(?-i:(?=[a-z]*_)(?![a-z_]*_(?:count|counts|rate|rates|total|totals|budget|ratio|pct|percent|"
    r"log|logs|id|ids|code|codes|type|types|message|msg|details?|at|on|by|time|ms|since|until)\b)"
    r"(?:[a-z]+_)*" + _LOWER_FAILURE + r"(?:_[a-z]+)*)"
    r"(?=\s*(?:$|\(|\n|[-–—]\s|:(?![ \t]*[\"']?" + _PLAIN_VALUE + r")))"
)
# gRPC's status codes that are not OK, as its runtimes name them (CamelCase or upper snake case)
_GRPC_CODES = (
    r"(?:Cancell?ed|CANCELL?ED|Unknown|UNKNOWN|InvalidArgument|INVALID_ARGUMENT|DeadlineExceeded|"
    r"DEADLINE_EXCEEDED|NotFound|NOT_FOUND|AlreadyExists|ALREADY_EXISTS|PermissionDenied|"
    r"PERMISSION_DENIED|ResourceExhausted|RESOURCE_EXHAUSTED|FailedPrecondition|"
    r"FAILED_PRECONDITION|Aborted|ABORTED|OutOfRange|OUT_OF_RANGE|Unimplemented|UNIMPLEMENTED|"
    r"Internal|INTERNAL|Unavailable|UNAVAILABLE|DataLoss|DATA_LOSS|Unauthenticated|"
    r"UNAUTHENTICATED)"
)
# A name that says a failure, whole: "NoSuchBucket", "PermissionDenied", "NOT_FOUND".
_FAILURE_NAME = re.compile("(?:" + _EXC_NAME + "|" + _EXC_COMPOUND + "|" + _SNAKE_FAILURE + ")")
_ERROR_START = re.compile(
    r"^\s*(?:\[?(?:error|err|fatal|exception|failure|failed)\]?\b|traceback|failed to\b|"
    + _LOWER_CODE
    + r"|"
    r"(?:could not|couldn't|unable to|cannot|can't) (?!find any\b)\w+|not found\b|access denied|"
    # (not a kind of thing a document describes: "Not authenticated users see the public page")
    r"permission denied|not permitted|(?:unauthori[sz]ed|not authori[sz]ed|not authenticated)\b"
    r"(?!\s+(?:users?|visitors?|callers?|clients?|requests?|sessions?|devices?|accounts?|access "
    r"attempts?|attempts?|logins?|transactions?|payments?|charges?)\b)|"
    r"forbidden|invalid\b|rejected\b|denied\b|"
    r"bad request|internal server error|service unavailable|timeout|timed out|panic:|"
    r"http\S*\s*[45]\d\d\b|[45]\d\d:?\s+" + _HTTP_REASON + r"|"
    # a reply that opens with a runtime's failure: "HTTP Error 403", "terminate called after
    # throwing", "connect ECONNREFUSED", gRPC's "status = StatusCode.UNAVAILABLE"
    r"http error [45]\d\d\b|terminate called after throwing\b|(?:connect )?econnrefused\b|"
    r"(?:status\s*=\s*)?statuscode\.(?!ok\b)[a-z_]+|"
    # the name alone, before its message, or before the frame it was thrown at
    # ("NullPointerException at ShipmentService.track")
    # (in brackets too: Node's "[UnhandledPromiseRejection: ...]")
    r"\[?(?-i:(?:"
    + _EXC_NAME
    + "|"
    + _EXC_COMPOUND
    + r")\b\s*(?:[:(\n$]|$|at [\w$<>]+\.[\w$<>.]+)|"
    r"E[A-Z]{4,}\b|E_[A-Z_]+\b|"
    r"ERR_[A-Z_]+\b|E(?:\d{4})?(?::| \d\d:\d\d))|"
    # a log line's level, or a tool's own prefix, before its message: "smtp error: 550 ...",
    # "psql: error: ...", "level=error msg=...", "!! error while ...", "[404] not found",
    # "Operation failed: ...", an Elixir "** (MatchError)", a Python frame without its header
    r"[^\n]{0,40}?(?:\b(?:error|err|fatal|failed)\s*[:=\]!](?!\s*(?:null|none|0|false)\b)|"
    # "Run-time error '91': ...", "make: *** [build] Error 2", "Error #1009: ..."
    r"\berror\s+['\"#]?[A-Z]?[1-9]\d*['\"]?\s*(?::|$)|"
    # a named low-level error class: "upstream connect error or disconnect", "TLS handshake error"
    r"\b(?:connect(?:ion)?|network|upstream|socket|transport|dns|tls|ssl|handshake|protocol|"
    r"gateway|proxy) error\b|"
    # "wget: ERROR 404: Not Found."; an Oracle error code ("ORA-00942: table or view ...")
    r"\b(?:error|err)\s+[45]\d\d\b(?=\s*(?:[:(–-]|$|"
    + _HTTP_REASON
    + r"))|(?-i:\b(?:ORA|PLS|TNS|SP2|IMP|EXP|RMAN)-\d{4,5}\b)|"
    r"\blevel=(?:error|fatal|crit\w*)\b)|\W{0,3}(?:error|err)\b|\[?[45]\d\d\]\s|\*\* \(\w+|"
    r"file \"[^\"]+\", line \d+|"
    # "An error occurred (AccessDenied) when calling ...", "An unexpected error has occurred."
    r"an? (?:\w+ )?error (?:has )?occurred\b|"
    # a status code that names a failure, upper snake case, as the reply's head or after
    # "raised": gRPC's "UNAVAILABLE: ...", "PERMISSION_DENIED", Salesforce's "INVALID_FIELD: ...",
    # Ada's "raised CONSTRAINT_ERROR : ..."
    r"(?:raised\s+)?(?-i:"
    + _SNAKE_FAILURE
    + r")\b\s*(?:[(\n]|$|:(?!\s*(?:null|none|0|false)\b))|(?-i:raised [A-Z][\w.]*\b)|"
    # an exception-like name in parentheses heads the reply: Azure's "(ResourceNotFound) ..."
    r"\((?-i:" + _EXC_NAME + "|" + _EXC_COMPOUND + r")\)|"
    # a bare HTTP reason phrase as the reply's first line: "Bad Gateway", "Forbidden."
    r"(?!gone\b|locked\b)" + _HTTP_REASON + r"[.!]?\s*(?:\n|$)|"
    # a stack frame without its header: .NET "   at Shop.Orders.Save() in C:\\src\\Orders.cs:line 77",
    # Java "\tat shop.Main.run(Main.java:12)", JavaScript "    at render (box.js:210:15)"
    r"(?-i:at )[A-Za-z_$<][\w$<>`]*(?:\.[\w$<>`]+)+ ?\([^)\n]*\)(?: in [^\n]+:line \d+|"
    r"\s*\n\s*(?-i:at ))|(?-i:at )[\w.$<>]+ \([^)\n]+:\d+(?::\d+)?\))",
    re.IGNORECASE,
)
_EXC_REPORTED = (
    r"(?<!never )(?<!not )(?<!n't )(?<!no longer )(?<!nothing )\b(?i:raised|threw|thrown|rethrew|"
    r"(?:failed|crashed|died|aborted|errored|exited|terminated|stopped|bailed out) with)\s+"
    r"(?i:an?\s+|the\s+)?(?:(?:[a-z_]\w*\.)*[A-Z][A-Za-z0-9]*(?:Error|Exception|Fault|Failure|"
    r"Timeout|Denied|Refused|Violation|Panic|NotFound|Exhausted)|(?:[A-Za-z_]\w*::)+[A-Z]\w*|"
    r"(?:[a-z_]\w*\.)*(?:errors|exceptions)\.[A-Z]\w*)\b"
)
_ERROR_ANYWHERE = re.compile(
    r"(?i:traceback \(most recent call last\)|exception in thread)|\bpanic: |"
    r"\bat [\w.$]+\([\w]+\.(?:java|kt|scala):\d+\)|"
    r"(?im:^\s*(?:error|fatal|exception)\s*:)|(?im:^\s*failed to\b)|"
    r"\b"
    + _EXC_NAME
    + r": |"
    # an exception named after the verb that reports it, past tense, anywhere in the reply:
    # "upstream raised ConnectionResetError(104, ...)", "worker threw IllegalStateException",
    # "job failed with OutOfMemoryError" (not the docs' "raises ValueError when ...", not "no
    # longer raised KeyError"; a bare "Error" or "Timeout" is no class name)
    + _EXC_REPORTED
    + r"|"
    r"\bHTTP(?:/| |/\d(?:\.\d)? |\d(?:\.\d)? )?[45]\d\d\b|"
    r"\b(?i:returned|responded|answered|replied|came back|got|received|failed)(?i: with)?(?: an?)?"
    r"(?i:(?: HTTP| status| response| error| code)(?: code)?(?: of)?)? ['\"(]?[45]\d\d\b|"
    # "Terminating app due to uncaught exception 'NSRangeException'", "uncaught exception of type"
    r"\b(?i:uncaught|unhandled) (?i:exception|error)\b(?=\s*['\"`]|\s+of type\b)|"
    # a line that names it, below the runtime's own frame: Node's "[UnhandledPromiseRejection: ...]"
    r"(?m:^\W{0,3}(?:Unhandled|Uncaught)[A-Z]\w*\b\s*[:(\]])|"
    r"\b(?i:terminating (?:app|process|program)) due to\b|"
    # a Go-style error chain ending in a network failure ("dial tcp 10.0.0.5:5432: connect:
    # connection refused", 'Get "https://x/": lookup x: no such host')
    r"(?im::\s*(?:connection refused|connection reset(?: by peer)?|no such host|i/o timeout|"
    r"network is unreachable|no route to host|host is unreachable|broken pipe|"
    # ... or in an operating system's words, as perror and Go's os errors end a line (session
    # 24): "open /etc/app.yaml: no such file or directory", "ls: cannot access 'x': No such file
    # or directory", "mkstemp ... failed: No space left on device (28)"
    r"no such file or directory|permission denied|no space left on device|read-only file system|"
    r"not a directory|is a directory|too many open files|operation not permitted|"
    r"disk quota exceeded|device or resource busy|text file busy)(?:\s*\((?:os error )?\d+\))?\s*$)|"
    # a gRPC status that is not OK, as each runtime prints it (session 24): Python's "status =
    # StatusCode.PERMISSION_DENIED", .NET's 'Status(StatusCode="ResourceExhausted", ...)', Go's
    # "code = Unavailable desc = ...", tonic's 'status: NotFound, message: "..."', grpcurl's
    # "Code: NotFound / Message: ..." (a status word alone is data: "Status: Unavailable")
    r"\bStatusCode(?:\.|\s*=\s*\"|:\s*)(?!OK\b)" + _GRPC_CODES + r"\b|"
    r"\b(?i:status|code)\s*[:=]\s*\"?"
    + _GRPC_CODES
    + r"\"?\s*,?\s*(?i:message|desc|details?)\s*[:=]|"
    # a tool's own error line below its output: "rsync error: some files ... (code 23)", "smtp
    # error: 550 ..." (not "Last error: none", "Most common error: ...")
    r"(?m:^\s*(?!(?:last|top|common|first|main|previous|known|typical|next|most|recent|latest|"
    r"total|other|each|any|no|the|an?|this|that|sample|example)\b)[a-z][\w.-]{1,20} error:"
    r"(?!\s*(?:none|null|n/a|0)\b))|"
    r"\b[45]\d\d " + _HTTP_REASON.replace("(?:", "(?i:", 1) + r"|"
    r"\b(?i:status(?:[ _]?code)?)\"?\s*[:=]?\s*\"?[45]\d\d\b|"
    r"\btimed out\b|request timeout|deadline exceeded|"
    # a Rust panic; a request line with its error status ("GET /api/x -> 404", an access log's
    # "POST /unlock HTTP/1.1" 500); a response or status code field ("Response code: 429")
    r"\bpanicked at\b|"
    r"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+/\S*(?:\s+HTTP/[\d.]+\"?)?\s*(?:->|=>|→|:|returned|"
    r"(?i:responded|failed)(?: with)?|with|status)?\s*(?:HTTP\s*)?[45]\d\d\b|"
    r"\b(?i:(?:response|http|return|error|result|status)[ _]?code)\"?\s*[:=]\s*\"?[45]\d\d\b|"
    # a Go crash dump opens the reply. Error words in running text ("connection refused",
    # "returned an error", "HTTP Error 503") are left out: documentation and ticket history
    # quote them in replies that succeeded.
    r"^goroutine \d+ \[|"
    # a stack trace's own header on a line of its own: Lua's "stack traceback:", Haskell's
    # "CallStack (from HasCallStack):", Julia's "Stacktrace:", "Backtrace:"
    r"(?im:^\s*(?:stack ?traceback|stack ?trace|call ?stack|backtrace)\b[^\n]{0,30}:\s*$)|"
    # a browser console's failed request: "POST https://api.example.com/orders 400 (Bad Request)"
    r"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+https?://\S+\s+[45]\d\d\b|"
    # Python requests' response object printed: "<Response [401]>"
    r"<Response \[[45]\d\d\]>|"
    # a database's own error header with an error severity: SQL Server / Sybase "Msg 208, Level
    # 16, State 1, Line 1" (levels 0-10 are information: "Changed database context")
    r"(?m:^Msg \d+, Level (?:1[1-9]|2[0-5]), State \d+)|"
    # an orchestrator's warning event in its columns ("Warning  BackOff  2m  kubelet  ..."), a
    # container's failed state ("CrashLoopBackOff", "ImagePullBackOff", "OOMKilled"), a restart
    # of a failed container
    r"(?m:^\s*Warning\s{2,}[A-Z][A-Za-z]+\s{2,}\S)|"
    r"\b(?:CrashLoopBackOff|ImagePullBackOff|ErrImagePull|ErrImageNeverPull|OOMKilled|"
    r"CreateContainer(?:Config)?Error|RunContainerError|InvalidImageName)\b|"
    r"(?i:\brestarting failed container\b)",
)
# A reply that explains an error rather than reports one: its first sentence defines a code or a
# message, or it is a reference of codes ("E: Unable to locate package means apt ...", "ERR_CERT_DATE_INVALID indicates ...",
# "Error 409 is returned when ...", "A 503 happens when ..."). Documentation search results and
# an agent answering "what does this error mean?" read like this; a failing call does not.
_DEFINES_ERROR = re.compile(
    r"^[^.!?\n]{0,100}?\b(?:means?|meant|indicates?|signal(?:s|ling)|signifies|refers to|"
    r"stands for|is (?:usually |normally |typically )?(?:returned|raised|thrown|shown|displayed|"
    r"logged|printed|reported|issued|given|emitted) (?:when|if|by|because|whenever)|"
    r"(?:occurs|happens|appears|shows up|comes up|pops up) (?:when|if|because|whenever)|"
    r"is (?:caused|triggered) by|is (?:\w+ ){0,2}?way of saying|tells you|is (?:a|an|the) (?:\w+ )"
    r"{0,3}?(?:message|warning|status|code|exception|error)(?: \w+){0,3}? (?:that|which|about|from|"
    r"for|when|if|meaning))\b|"
    # a reference of codes under its heading (session 24): "Error codes: 400 Bad Request - the
    # body is invalid; 401 ...", "HTTP status codes used by this API:" (not "Error code: 500")
    r"^\W*(?:[\w-]+ ){0,2}?(?:error|status|response|return|exit) codes\b[^.!?\n]{0,40}?[:\n]",
    re.I,
)


def explains_error(text: str) -> bool:
    """Whether a text opens by explaining an error code or message (documentation), not by
    reporting one."""
    return bool(_DEFINES_ERROR.search(text.strip()))


_ERROR_KEYS = ("error", "errors", "exception", "error_message", "errorMessage", "fault", "is_error",
               "isError")  # fmt: skip


def content_text(content: Any) -> str:
    """Text of a message's content: a string, a list of parts, or None."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for p in content:
            if isinstance(p, str):
                parts.append(p)
            elif isinstance(p, dict):
                parts.append(str(p.get("text") or p.get("content") or ""))
        return "\n".join(x for x in parts if x)
    if isinstance(content, dict):
        return str(content.get("text") or content.get("content") or json.dumps(content))
    return str(content)


def messages_of(trace: dict) -> list[dict]:
    """The trace's conversation; falls back to input + output when messages is empty."""
    msgs = trace.get("messages")
    if isinstance(msgs, str):
        try:
            msgs = loads_json(msgs)
        except ValueError:  # not JSON, or nested too deeply to be a conversation
            msgs = None
    if msgs:
        return [m for m in msgs if isinstance(m, dict)]
    out: list[dict] = []
    for col, role in (("input", "user"), ("output", "assistant")):
        val = trace.get(col)
        if isinstance(val, str):
            with contextlib.suppress(ValueError):
                val = loads_json(val)
        if isinstance(val, str) and val:
            out.append({"role": role, "content": val})
        elif isinstance(val, list):
            out.extend(m for m in val if isinstance(m, dict))
    return out


def tool_calls_of(msg: dict) -> list[tuple[str, str]]:
    """(name, arguments) of the tool calls an assistant message makes (new and legacy shapes)."""
    calls = []
    for tc in msg.get("tool_calls") or []:
        fn = (tc or {}).get("function") or tc or {}
        args = fn.get("arguments", "")
        calls.append(
            (str(fn.get("name", "?")), args if isinstance(args, str) else json.dumps(args))
        )
    if msg.get("function_call"):
        fc = msg["function_call"]
        calls.append((str(fc.get("name", "?")), str(fc.get("arguments", ""))))
    return calls


def call_key(name: str, args: str) -> tuple[str, str]:
    """What makes two tool calls the same call: the tool and its arguments, whatever their key
    order, spacing or case (a model that calls again rewrites the same JSON in another order)."""
    with contextlib.suppress(ValueError, TypeError, RecursionError):
        args = json.dumps(json.loads(args), sort_keys=True)
    return name, " ".join(re.sub(r"[^\w ]+", " ", args.lower()).split())


# A tool that counts or computes answers with a number, and the number is data even when it reads
# like a status: "404" from count_items, "500" from get_total, "429" from sumOrderLines. Read from
# the tool's name, split at underscores, dashes, dots and case changes. A status said as one
# ("HTTP 404", "Error 404", "[429]", '{"status": 500}') stays a failure.
_COUNTING_WORDS = frozenset(
    """count counts counter tally total totals sum num number qty quantity amount size length len
    calc calculate compute average avg mean min max level balance score price cost fee""".split()  # noqa: SIM905
)
_PLAIN_NUMBER = re.compile(r"^\s*([\"']?)\d+(?:\.\d+)?\1\s*$")


def _name_words(name: str) -> list[str]:
    """A tool name's words, lower case, split at underscores, dashes, dots and case changes."""
    return [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name)]


def counting_tool(name: str) -> bool:
    """Whether a tool's name says it returns a count or a computed number."""
    return any(w in _COUNTING_WORDS for w in _name_words(name))


# A tool that sets or changes something ("set_log_level", "update_score", "adjustQuantity") and
# answers with nothing but a status-like number ("500", '{"result": 503}') failed, as a setter's
# reply is an acknowledgement, not a number of that range; a number is data when the call asked for
# it (set_log_level(level=500) -> "500") or the agent reads it back as a value ("Your new score is
# 500."). The agent calling the same tool with the same arguments right after says it failed.
_WRITE_VERBS = frozenset(
    """set update change put patch save write assign adjust apply reset modify edit configure
    enable disable toggle increase decrease increment decrement raise lower add remove delete
    create post submit move mark""".split()  # noqa: SIM905
)
_STATUS_ONLY = re.compile(
    r"""^\s*(?:\{\s*["']?(?:result|response|return|code|status|output|data)["']?\s*:\s*)?"""
    r"""(["']?)([45]\d\d)\1\s*\}?\s*$""",
    re.I,
)
_SAID_FAILURE = re.compile(
    r"\b(?:sorry|apolog\w*|unfortunately|error|fail\w*|went wrong|(?:could|did|was)(?: not|n't)|"
    # "status" / "code" only as a reply's ("status code 500", "status 503"), not "promo code",
    # "status: Gold" beside a value read back
    r"unable|try(?:ing)? again|retry\w*|(?:status|error|response|http) code|status [45]\d\d|http|"
    r"returned|responded|came back with|got an? \d)\b",
    re.I,
)


def write_tool(name: str) -> bool:
    """Whether a tool's name opens on a verb that sets or changes something."""
    words = _name_words(name)
    return bool(words) and words[0] in _WRITE_VERBS


class CallContext(NamedTuple):
    """What surrounds a tool reply: the call's arguments, the agent's next words (past any steps
    that only call tools: a count checked twice is read back after the second call), and whether
    the agent's next step calls the same tool with the same arguments again."""

    args: str = ""
    said_after: str = ""
    retried: bool = False


def call_contexts(messages: list[dict]) -> dict[int, CallContext]:
    """Index of each tool reply in `messages` -> its `CallContext`."""
    calls: dict[str, tuple[str, str]] = {}
    out: dict[int, CallContext] = {}
    for i, m in enumerate(messages):
        role = m.get("role")
        if role == "assistant":
            ids = [str((tc or {}).get("id")) for tc in m.get("tool_calls") or []]
            calls.update(zip(ids, tool_calls_of(m), strict=False))
        elif role in ("tool", "function"):
            name, args = calls.get(str(m.get("tool_call_id")), (str(m.get("name") or ""), ""))
            nxt = next((n for n in messages[i + 1 :] if n.get("role") != m.get("role")), {})
            if nxt.get("role") != "assistant":
                out[i] = CallContext(args)
                continue
            key = call_key(name, args)
            again = any(call_key(*c) == key for c in tool_calls_of(nxt))
            out[i] = CallContext(args, _next_words(messages, i), again)
    return out


def _next_words(messages: list[dict], i: int) -> str:
    """The agent's first words after message `i`, before the user speaks again."""
    for n in messages[i + 1 :]:
        if n.get("role") == "user":
            break
        if n.get("role") == "assistant" and (text := content_text(n.get("content")).strip()):
            return text
    return ""


def _read_as_value(number: str, ctx: CallContext) -> bool:
    """The call asked for the number, or the agent's next words say it, and not as a failure."""
    cited = re.compile(rf"(?<![\w.]){number}(?![\w]|\.\d*[1-9])")
    return bool(
        cited.search(ctx.args)
        or (cited.search(ctx.said_after) and not _SAID_FAILURE.search(ctx.said_after))
    )


def is_error_reply(msg: dict, tool: str | None = None, context: CallContext | None = None) -> bool:
    """Whether a tool message reports a failure (explicit flag, error text, error JSON, status).
    `tool`: the called tool's name when the message does not carry it; `context`: the call's
    arguments and what the agent did next (`call_contexts`), which decide a bare status-like
    number."""
    if msg.get("is_error") or msg.get("error") or str(msg.get("status", "")).lower() == "error":
        return True
    text = content_text(msg.get("content")).strip()
    if not text:
        return False
    name = str(msg.get("name") or tool or "")
    if m := _STATUS_ONLY.match(text):
        ctx = context or CallContext()
        if (write_tool(name) or counting_tool(name)) and _read_as_value(m.group(2), ctx):
            return False  # set_log_level(level=500) -> "500": the level set
        if ctx.retried or (write_tool(name) and int(m.group(2)) >= 500):
            return True  # update_score -> '{"result": 500}': no score, a server error
    if _PLAIN_NUMBER.match(text) and counting_tool(name):
        return False  # "404" from count_items: a count
    data = None
    if text[0] in "{[":
        try:
            data = loads_json(text)
        except ValueError:  # not JSON, or nested too deeply: JsonTooDeep (review rv7 J1)
            data = python_literal(text)
        if data is not None and (_json_error(data) or json_error_body(data)):
            return True
    if explains_error(text):  # "ERR_NAME_NOT_RESOLVED means the DNS lookup ...": documentation
        return False
    if data is None and about_errors(text):
        return False
    if data is None and (end := named_head(text)):  # "Forbidden Planet, 179 Shaftesbury Ave"
        text = "Name" + text[end:]
    past = data is None and past_error_record(text)  # "Ticket #4411 (closed): ... crashed with"
    return bool(
        _ERROR_START.match(text)
        or (not past and _error_reported(text[:2000]))
        or crash_shape(text[:4000])
        or (data is None and _plain_failure_of(text, name))
        or (data is None and not past and bool(_FAILED_CLAUSE.match(text)))
        or bool(_BARE_STATUS.match(text))  # "[429]" parses as JSON: a list of one status
    )


def about_errors(text: str) -> bool:
    """Whether a reply (not JSON) is about errors rather than one: documentation ("ERR_NAME_NOT_
    RESOLVED means ..."), readings ("Error budget remaining: 73%"), a not-found it resolves ("Not
    found in the EU warehouse; ships from ..."), a failure it recovers from ("connection reset ...
    reconnected", "attempt 1 failed; attempt 2 succeeded"), records it counts ("Found 3 audit
    events: token lacks ..."). The failure and timeout words in it are its content."""
    return (
        explains_error(text)
        or metric_reading(text)
        or resolved_not_found(text)
        or recovered_connection(text)
        or recovered_by_retry(text)
        or lists_records(text)
    )


# A failure the same reply retried past (session 24): "Attempt 1 failed (timeout); attempt 2
# succeeded: booking FB-8812 created", "Got 429 on first try, retried after 2 s; upload complete
# (3 files)", "WARN connection reset, retrying... OK: 214 rows synced". A retry is said, and a
# clause at or after it says what succeeded, with nothing failing after that but a remark in
# brackets ("retried 3 times, giving up", "retried; upload failed: timeout", "Error: ..." stay
# failures).
_RETRIED = re.compile(
    r"\bretr(?:y|ies|ied|ying)\b|\b(?:second|2nd|third|3rd|next|another) (?:attempt|try)\b|"
    r"\battempt (?:#\s*)?[2-9]\b",
    re.I,
)
_SUCCEEDED = re.compile(
    r"\b(?:succeeded|successful(?:ly)?|complete[d]?|ok|done|synced|saved|created|refreshed|"
    r"uploaded|approved|sent|delivered|accepted|processed|printed|booked|sold)\b",
    re.I,
)
_CLAUSE = re.compile(r"[^.;\n]+(?:\.\.\.|[.;\n])?")
_ASIDE = re.compile(r"\([^()]*\)")


def recovered_by_retry(text: str) -> bool:
    """Whether a reply says its failure was retried and the retry succeeded (see above)."""
    text = text[:2000]  # capped as is_error_reply caps it
    if _SAYS_ERROR.match(text) or not (retry := _RETRIED.search(text)):
        return False
    last = None
    for c in _CLAUSE.finditer(text):
        if c.end() <= retry.start():
            continue
        for m in _SUCCEEDED.finditer(text, c.start(), c.end()):
            if not _NEGATED_BEFORE.search(text[max(c.start(), m.start() - 30) : m.start()]):
                last = (m, c)
    if last is None:
        return False
    m, c = last
    rest = _ASIDE.sub(" ", text[m.end() : c.end()]) + text[c.end() :]
    return not (failing_words(rest) or _ERROR_ANYWHERE.search(rest) or _left_broken(rest))


# A reply whose first clause ends on its own failure, as a title or a sentence (session 24):
# "Call To Greenfield Dental Failed, Line Busy (Code 17)", "Payment to Harbour Bakery was
# rejected by the bank". Not a log line or a count ("09:14 login failed", "3 uploads failed"), not
# none ("Nothing failed.", "No payment was declined").
_FAILED_CLAUSE = re.compile(
    r"^\s*(?![\d\W])(?!(?:no|nothing|none|zero|never|neither)\b)[^,;:.\n()\[\]]{2,100}?\b(?:failed|"
    r"errored|(?:was|were|has been|have been) (?:rejected|declined|denied|refused|blocked)|"
    r"did(?:n't| not) go through|could(?:n't| not) be (?:completed|processed|sent|delivered|saved|"
    r"created|updated))(?=\s*(?:[,;:.!(\n]|$|by\b|due to\b|because\b))",
    re.I,
)


# An error counted as none in its own clause is no failure: "0 jobs failed with TimeoutError",
# "No requests returned 503 today", "zero runs threw OutOfMemoryError" (not "3 jobs failed with").
_NONE_BEFORE = re.compile(r"(?<![\w.,])(?:0|no|zero|none of the)\s+(?:[a-z][\w-]*\s+){1,3}$", re.I)


def _error_reported(text: str) -> bool:
    """Whether `_ERROR_ANYWHERE` finds an error its clause does not count as none."""
    return any(
        not _NONE_BEFORE.search(text, max(0, m.start() - 60), m.start())
        for m in _ERROR_ANYWHERE.finditer(text)
    )


# A record about an error in the past, not the call's own failure (session 23): a changelog,
# release notes, a postmortem or incident review, a history, or a ticket / incident / bug / known
# issue marked resolved, fixed or closed ("Changelog: fixed a bug where export raised KeyError",
# "Ticket #4411 (closed): checkout crashed with NullPointerException", "Incident INC-3312
# (resolved): upstream returned 503"). An error head in any of its clauses keeps the failure
# ("Ticket #4411 (closed): update failed: permission denied").
_CLOSED = r"(?:resolved|fixed|closed|solved|mitigated|remediated|done|completed)"
_PAST_RECORD = re.compile(
    r"^\W*(?:(?:change ?log|release notes?|what'?s new|post-?mortem|retrospective|root cause"
    r"(?: analysis)?|rca|(?:post-)?incident review|after-action review|(?:[\w-]+ )?history)(?:\s+(?:for\s+)?[\w.#-]*\d[\w.-]*)?\s*(?:[:—–\n]|-\s)|"
    r"(?=(?:known )?(?:ticket|incident|issue|bug|case|defect|problem|inc-?\d)[^\n]{0,300}?(?:"
    r"[(\[]\s*(?:(?:status|state)\s*[:=]\s*)?" + _CLOSED + r"\s*[)\]]|"
    r"\b(?:status|state)\s*[:=]\s*" + _CLOSED + r"\b|"
    r"(?:^|[—–|]|\s-)\s*" + _CLOSED + r"\b|"
    r"\b(?:was|were|has been|have been|is|are|is now|got) " + _CLOSED + r"\b|"
    r"\bfixed in (?:v|version |release )?\d))|"
    # a status page's dated entry marked resolved or recovered (session 24): "2026-12-02: Booking
    # site degraded 09:10-09:35 (timeouts on payment), resolved.", "Nov 22: Stream start
    # timeouts for EU viewers, 18 min, resolved." (not "not resolved", "unresolved")
    r"(?=(?:\d{4}-\d\d-\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}"
    r"(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*)\b[^\n]{0,300}?(?<!not )(?<!n't )(?<!not yet )(?<!yet to be )\b(?:resolved|recovered|"
    r"fixed|mitigated|restored)\b))",
    re.I,
)


def past_error_record(text: str) -> bool:
    """Whether a reply is a record about an error in the past (see above)."""
    return bool(_PAST_RECORD.match(text)) and not any(
        _ERROR_START.match(c) for c in re.split(r"[.;:\n]\s*", text[:2000])[1:]
    )


# A reply that opens by counting the records a read returned ("Found 3 audit events:", "Returned
# 2 rows:", "Showing 4 matching lines:", "5 events found.", "1 result:", "Top errors (November):"):
# a search of logs, audits or tickets that succeeded; failure words after it are what the records
# say (session 23).
_RECORD_NOUN = (
    r"(?:events?|entr(?:y|ies)|records?|rows?|results?|items?|lines?|match(?:es)?|hits?|alerts?|"
    r"incidents?|tickets?|messages?|logs?|errors?|failures?|attempts?|requests?|calls?|runs?|jobs?|"
    r"exceptions?|warnings?|issues?|cases?|occurrences?)"
)
_COUNT = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|several|some)"
_COUNTED = _COUNT + r"\s+(?:[\w-]+\s+){0,3}?" + _RECORD_NOUN
_LISTS_RECORDS = re.compile(
    r"^\W*(?:(?:found|returned|retrieved|fetched|showing|listing|matched|loaded)\s+"
    + _COUNTED
    + r"\b|"
    + _COUNTED
    + r"(?:\s+(?:found|returned|matched|matching|retrieved|in total))?\s*[:.]|"
    r"(?:top|most (?:common|frequent)|recent|latest)\s+(?:\d+\s+)?(?:[\w-]+\s+){0,2}?"
    + _RECORD_NOUN
    + r"\b[^:\n]{0,40}:)",
    re.I,
)


# A count of the call's own failures opens a failure report, not a read's records: "1 error:
# database connection refused", "3 failures: timeout, ...", "Returned 1 error: invalid token",
# "Found 2 errors in your request: ..." (a search counts them with a search verb and no "your
# request": "Found 12 errors in the logs", "Most common errors today: ...").
_OWN_FAILURES = re.compile(
    r"^\W*(?:returned\s+)?" + _COUNT + r"\s+(?:[\w-]+\s+){0,2}?(?:errors?|failures?|exceptions?)"
    r"(?:\s+(?:occurred|found|returned))?\s*[:.]|"
    r"^\W*found\s+" + _COUNT + r"\s+(?:[\w-]+\s+){0,2}?(?:errors?|failures?|exceptions?)\s+in\s+"
    r"(?:your|the|this)\s+(?:request|input|payload|body|form|submission|query|file|upload)\b",
    re.I,
)


def lists_records(text: str) -> bool:
    """Whether a reply opens by counting the records a read returned (see above)."""
    return bool(_LISTS_RECORDS.match(text)) and not _OWN_FAILURES.match(text)


# A reply that opens on a proper name holding error words — a shop, a film, a band, a book: each
# word capitalised (small words between), at least one naming no failure and nothing of an API's,
# then a record's data after a comma, a dash or a bracket, with a number in it and no failure
# ("Forbidden Planet, 179 Shaftesbury Ave", "Timeout Bar & Grill, 3 Stadium Way", "Service
# Unavailable: Stories from the On-Call Rota, ep. 42"). An error's title stays one: "Bad Request:
# Missing Field", "Invalid API Key", "Service Unavailable - Please Try Again Later" (session 23).
_CAP = r"(?:[A-Z][\w'’.&+!-]*|&)"
_SMALL = r"(?:of|the|a|an|and|at|on|in|for|to|by|from|with|de|la|le)"
# words of a name: capitalised, or a run of small words before a capitalised one ("Stories from
# the On-Call"), read as one run (a look past the run at each small word was quadratic: 33 s on
# "Abc " + "of " * 21330 + "Zed")
_NAME_WORDS = _CAP + r"(?:\s+(?:" + _CAP + "|" + _SMALL + r"(?:\s+" + _SMALL + r")*(?=\s+[A-Z])))+"
_NAME_HEAD = re.compile(
    r"^\s*(?P<name>" + _NAME_WORDS + r"(?::\s+" + _NAME_WORDS + r")?)"
    r"(?P<sep>\s*(?:,|\(|\s[-–—]))(?P<rest>[^\n]{0,160})"
)
_TECH_WORDS = frozenset(
    """error errors exception fatal failed failure fail forbidden unauthorized unauthorised denied
    invalid bad request requests response service unavailable internal server gateway timeout
    timed time out not found no access permission permissions scope scopes token key api
    credentials credential auth authentication authorization rejected refused expired locked
    conflict gone limit rate quota exceeded too many large unprocessable entity content
    precondition required missing unknown method allowed acceptable payload implemented resource
    please try again later retry contact support administrator admin policy host connection network
    database query field value parameter argument input format signature session user account
    password code status data record file id endpoint url header system temporarily
    """.split()  # noqa: SIM905
)


def named_head(text: str) -> int:
    """Where a proper name holding error words ends at a reply's head (see above), or 0."""
    m = _NAME_HEAD.match(text)
    if (
        m is None
        or _ERROR_TITLE.match(m["name"])
        or not (
            _ERROR_START.match(m["name"])
            or TIMEOUT_FORM.search(m["name"])
            or failing_words(m["name"])
        )
    ):
        return 0
    words = re.findall(r"[A-Za-z][\w'’-]*", m["name"])
    pairs = list(zip(words, [*words[1:], ""], strict=True))
    named = [w for w, nxt in pairs if w[0].isupper() and _names_a_thing(w, nxt)]
    # a failure then how it came ("Timed Out While Waiting For Lock"): a report's title
    failures = _TECH_WORDS | _TITLE_FAILURES
    if any(
        i
        and words[i - 1].lower() in failures
        and w.lower() not in _TECH_WORDS
        and not _names_a_thing(w, nxt)
        for i, (w, nxt) in enumerate(pairs)
    ):
        return 0
    rest = m["rest"]
    if not named or not re.search(r"\d|★", rest) or failing_words(rest):
        return 0
    # an error's title: ending on its failure ("Card Declined", "Payment Required", "Upstream
    # Connect Error") or a status code after it ("Unsupported Media Type (415)", "... (code 51)");
    # a name's failure words come first and its head names a thing ("Forbidden Planet")
    if words[-1].lower() in _TECH_WORDS | _TITLE_FAILURES or _STATUS_AFTER.match(m["sep"] + rest):
        return 0
    return m.end("name")


# A timeout in a tool's reply (review rv11: timeouts were FAILED_TOOL_CALL, never TIMEOUT): the
# word in any form ("timed out", "timeout", "timed_out", "ReadTimeout", "TimeoutError"), the
# errno ("ETIMEDOUT"), a deadline exceeded, HTTP 504/408, a time limit exceeded, no response in
# time. Not a timeout setting or value ("timeout": 30, "invalid value for timeout").
TIMEOUT_FORM = re.compile(
    r"\btim(?:e|ed|es|ing)?[ _-]?outs?\b|(?:read|connect|connection|socket|gateway|request|pool|"
    r"query|lock|statement|idle)[ _-]?time[ _-]?out|time[ _-]?out[ _-]?(?:error|exception|expired)|"
    r"\bE(?:SOCKET)?TIMEDOUT\b|deadline[ _-]?exceeded|"
    r"(?:http\S*|status(?:[ _]?code)?|code|error)\W{0,4}(?:504|408)\b|\b(?:504|408)\W{0,3}(?:gateway|"
    r"request)|\b(?:took|taking|takes|take) too long|too long to (?:respond|reply|answer|load|"
    r"complete|come back)|exceeded (?:the |its |our |a )?(?:[\w-]+ ){0,2}?(?:time ?limit|deadline|"
    r"time-?out|wait(?:ing)? time|response time)|time ?limit (?:was )?exceeded|"
    r"(?:didn't|did not|failed to|wasn't able to|was not able to|couldn't|could not|doesn't|does "
    r"not|not) (?:respond|reply|answer|come back|return|complete)(?:ing)? (?:in time|within|before "
    r"the|quickly enough)|no (?:response|reply|answer) (?:in time|within|after \d)",
    re.I,
)
# An error's own title, never a name: "Fatal Error: Out of Memory (exit 137)", "Error: Bad
# Gateway" (not "Fatal Error Games, 9 Hill St").
_ERROR_TITLE = re.compile(r"\s*(?:fatal\s+)?(?:error|exception)s?\s*:", re.I)
# Words that go on a failure's report, not in a name: a conjunction of time, or an -ing word with
# its own preposition ("Timed Out After 900.00 Seconds", "Timed Out While Waiting On Lock",
# "Failed Connecting To Host"; not "Timeout Boxing Club", "Permission Denied by J. Okafor").
_REPORT_WORDS = frozenset(
    """after before while when during until till since within""".split()  # noqa: SIM905
)
_PREPOSITIONS = _REPORT_WORDS | frozenset(
    """on at in for with from to of by into over under without""".split()  # noqa: SIM905
)


def _names_a_thing(word: str, after: str = "") -> bool:
    w = word.lower().strip("'’")
    return not (
        w in _TECH_WORDS
        or w in _REPORT_WORDS
        or (w.endswith("ing") and after.lower() in _PREPOSITIONS)
    )


_TITLE_FAILURES = frozenset(
    """declined suspended blocked frozen closed disabled deactivated revoked cancelled canceled
    overdrawn""".split()  # noqa: SIM905
)
# (or an identifier of what failed, as an error quotes it: "User Not Found: Kevin O'Brien (ID
# 7781)", "..., Ref 99120"; session 24)
_STATUS_AFTER = re.compile(
    r"\s*(?:\(\s*|,\s*|[-–—]\s*)(?:[45]\d\d\b|(?:error |status |http )?code\b|(?:user |request |"
    r"trace |correlation )?id\b|ref(?:erence)?\b)",
    re.I,
)


_NEXT_NAME_WORD = re.compile(r"\s+(?:&\s+)?([A-Z][\w'’-]*)(?:\s+([A-Za-z]+))?")


def in_proper_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is capitalised word by word inside a name whose next word is
    capitalised too and names no failure ("Timed Out Fitness", "Timeout Bar")."""
    span = re.findall(r"[A-Za-z][\w'’-]*", text[start:end])
    nxt = _NEXT_NAME_WORD.match(text, end)  # not a copy of the rest: called per match in a text
    return bool(
        span
        and all(w[0].isupper() for w in span)
        and nxt
        and _names_a_thing(nxt.group(1), nxt.group(2) or "")
    )


# Who calls a tool, as an API names it: the caller, its token, key, client, app or principal.
_CALLER = (
    r"(?:caller|client|(?:access |api |auth |oauth |bearer |personal access )?(?:token|key)|"
    r"credentials?|integration|app(?:lication)?|bot|principal|service account|installation)"
)
# A tool that reads rules, roles, permissions or terms ("get_role", "hotel_policy",
# "check_eligibility", "get_fare_rules") answers "not allowed" with the rule it was asked for
# ("Section 4: you are not allowed to resell tickets"); its call was refused only when the
# refusal names the caller ("The caller does not have permission") or says so in an error's
# own form (an error head, an exception, a status), read before this.
_RULE_WORDS = frozenset(
    """policy policies rule rules role roles permission permissions perms terms tos eligibility
    eligible entitlement entitlements acl acls limits restrictions""".split()  # noqa: SIM905
)
_CALLER_NAMED = re.compile(r"\b(?:" + _CALLER + r")\b", re.I)


def rules_tool(name: str) -> bool:
    """Whether a tool's name says it reads rules, roles, permissions or terms (and sets none)."""
    return not write_tool(name) and any(w in _RULE_WORDS for w in _name_words(name))


def _plain_failure_of(text: str, tool: str) -> bool:
    form = plain_failure(text)
    if form == "not allowed" and rules_tool(tool):
        return bool(_CALLER_NAMED.search(text[:200]))
    return form is not None


# A reply of readings, each "<label>: <number>" ("Error budget remaining: 73% (SLO 99.9%)",
# "Failed payments this month: 2 of 310", "Errors: 0; warnings: 3"): failure words in a metric's
# name are what it counts. A label that is a status, a code, a retry, a bare failure word or a
# limit reached keeps the reply's reading ("Status: 503", "Error code: 500", "Error: 404", "Retry after: 30").
# A label is plain words (no exception name, path, frame or address: "InsufficientBalance: 2.00",
# "panicked at src/main.rs:3:5", "ECONNREFUSED 10.0.0.5:5432"); its last word names no failure
# ("ftp error: 530 login incorrect" is an error head).
_READING = re.compile(
    r"^\s*(?P<label>(?:[A-Z]{2,6}|[A-Za-z][a-z0-9]*)(?: [A-Za-z0-9][\w%/-]*){0,7})\s*:\s*"
    r"(?P<value>[-+]?[$€£]?\d[^;\n]{0,80})$"
)
_STATUS_LABEL = re.compile(
    r"\b(?:status|code|response|return|exit|result|retry|retry-after|wait)\b|"
    r"^\W*(?:error|err|fatal|failed|failure|exception|http|timeout)\W*$|"
    r"\b(?:error|err|failure|failed|fatal|exception|denied|refused|rejected|timeout|panic)$",
    re.I,
)


def metric_reading(text: str) -> bool:
    """Whether a reply is only readings, "<label>: <number>" each (see above)."""
    parts = [p.strip() for p in re.split(r"[;\n]+", text) if p.strip()]
    if not parts or len(parts) > 20:
        return False
    for i, p in enumerate(parts):
        m = _READING.match(p)
        if i and not m and len(p.split()) <= 4 and not failing_words(p):
            continue  # a remark after a reading: "Timeouts yesterday: 5; none since."
        if (
            not m
            or not re.search(r"[a-z]{3}", m["label"])
            or _STATUS_LABEL.search(m["label"])
            or _RATE_LIMIT.search(m["label"])  # "Usage limit reached: 2,500 requests per day"
            or failing_words(_BREAKDOWN.sub(" ", m["value"]))
        ):
            return False
    return True


# A count's parts in brackets after it name kinds, not a failure of the reading: "Failed logins
# today: 7 (4 wrong password, 3 expired links)" (session 24).
_BREAKDOWN = re.compile(r"\((?:\s*\d[\d,.]*%?\s+[^,;()]+,?)+\)")


def python_literal(text: str) -> Any:
    """A dict or list printed by Python rather than serialised as JSON ("{'status': 400, 'reason':
    ...}", as a tool that returns str(response) writes it), or None. Short replies only: the
    parse is a safe literal_eval, not a JSON parser with a depth guard."""
    if len(text) > 20_000 or "'" not in text:
        return None
    try:
        data = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return data if isinstance(data, dict | list) else None


# ------------------------------------------------- failures written in plain text (issue 14)
# A tool that fails without an error flag, an exception or an error key still says so in its
# own words: a bare HTTP status with its reason ("500 - internal error, try later"), a JSON body
# that is only a message ('{"detail": "Authentication credentials were not provided."}'), "<thing>
# not found" as its whole reply, a rate limit ("Too Many Requests: retry after 30 seconds").
# What a message must say to read as a failure: something did not happen, is not there, is not
# allowed, ran out, or must be tried again. Not topic words alone: "rate limit" in "your rate
# limit is 100 per minute" and "error" in "0 errors" are data.
_FAILING = re.compile(
    r"\b(?:not (?:provided|found|allowed|permitted|authori[sz]ed|authenticated|available|supported|"
    r"valid|recogni[sz]ed)|does(?: not|n't) exist|no longer (?:exists?|available|valid)|no such|"
    r"unauthori[sz]ed|unauthenticated|forbidden|denied|invalid|malformed|unable to|cannot|can ?not|"
    r"can't|could(?: not|n't)|failed|failure|fail(?:s|ing)? to|errors?|went wrong|oops|missing|"
    r"required|must|expired|declined|rejected|refused|blocked|exceed(?:s|ed|ing)|insufficient|unavailable|"
    r"unreachable|offline|down(?!\s+(?:from|to|by)\s+[\d$€£])|broke(?:n)?|timed? ?out|took too long|too (?:many|large|long)|"
    r"already (?:taken|booked|exists?|in use|registered|reserved|cancell?ed|deleted|used)|conflicts?|"
    r"unknown|bad (?:request|credentials|gateway|token|signature|api[ _-]?key)|try (?:again|later)|retry|"
    r"maintenance|garbage|corrupt\w*|"
    r"rate[ -]?limit(?:ed| (?:exceeded|reached|hit))|quota (?:exceeded|exhausted|reached)|"
    r"throttled|overloaded)\b",
    re.I,
)
# Counts of no failure, and failures negated: "0 errors", "no errors found", "error-free",
# "without any failures".
_NO_FAILURE = re.compile(
    r"\b(?:0|no|zero|none|without(?: any)?)\s+(?:\w+\s+)?(?:errors?|failures?|issues|problems|"
    r"conflicts?|warnings?)\b|\berror[ -]free\b",
    re.I,
)


def failing_words(text: str) -> bool:
    """Whether a message says something failed ("Coupon code has expired", "Not found."), beside
    a count of none ("Import complete: 0 errors")."""
    return bool(_FAILING.search(_NO_FAILURE.sub(" ", text)))


# A permission refused in words anywhere near the head, not only as its first word: "remote:
# Permission to acme/api.git denied to bot-agent.", "Operation not permitted (EPERM)", "You are
# not authorized to view records ...", "Access denied for installer account ...", "user cannot
# issue passes: insufficient privileges". Not a permission given or asked about ("Permission
# granted: role owner", "Do I need permission to ...").
_NOT_ALLOWED = re.compile(
    r"\b(?:permission|access|authori[sz]ation)(?: (?:to|for|on) [^\s,;]+)? (?:was |is |has been |"
    r"got )?denied\b|\bdenied (?:to|for) [\w@.-]+|"
    # the caller not allowed, not a rule of the business ("The museum is not allowed to lend ...")
    # nor of a role ("Role 'viewer': the role is not allowed to edit dashboards")
    r"\b(?:you|user|caller|client|token|key|account|(?:your|current|assigned) role|app|bot)\b"
    r"[^.;\n]{0,40}?\b(?:are|is) not (?:permitted|allowed|authori[sz]ed) to\b|"
    r"\b(?:operation|action|request|access|write|this) (?:is )?not (?:permitted|allowed)\b|"
    r"\b(?-i:EPERM|EACCES)\b|\binsufficient (?:permissions?|privileges?|rights|scopes?|access)\b|"
    # the caller lacking a grant: "The caller does not have permission", "The access token
    # provided does not contain the required scopes", "The client 'x@y.com' ... does not have
    # authorization to perform action ...", "token lacks read:orders"; not a role's or a plan's
    # ("the role does not have permission to issue refunds" is the role's rule)
    r"\b(?:you|user|account|" + _CALLER + r")\b(?:[^.;\n]|\.(?=\S)){0,60}?\b(?:lacks?|"
    r"is missing|(?:do|does|did)(?: not|n't) (?:have|contain|include|hold|carry))\s+(?:the |any |"
    r"sufficient |enough |an? )?(?:required |necessary |needed |appropriate |proper |valid )?"
    r"(?:[\w:.*/-]+ )?(?:scopes?|permissions?|privileges?|rights|authori[sz]ation|access|grants?)\b|"
    r"\b" + _CALLER + r"\b[^.;\n]{0,40}?\black(?:s|ing)? (?:the )?[a-z_.-]+:[a-z_.*-]+|"
    # a resource out of the caller's reach: GitHub's "Resource not accessible by integration";
    # Kubernetes' 'pods is forbidden: User "x" cannot list ...'
    r"\bnot accessible (?:by|to|with|for|from) (?:this |the |your |an? )?(?:[\w-]+ ){0,2}?"
    + _CALLER
    + r"\b|\b(?:is|are) forbidden:\s",
    re.I,
)
# A bare status at the reply's head with its reason: "503 Service Temporarily Down", "(500)
# Something broke", "Status 503 - maintenance", "422 Validation failed: ...". Not a number that
# opens data ("404 results for ...", "500 - 650 EUR", "401 Harbour Road"): the reason must say a
# failure, or (a 5xx) follow a separator.
_STATUS_HEAD = re.compile(
    r"^\s*(?:(?:status|http|code)\s*:?\s*)?[(\[]?(?P<code>[45]\d\d)[)\]]?"
    r"(?P<sep>\s*[-–—:]\s*|\s*\n\s*|\s+)(?P<reason>(?![\d$€£]).{0,120})",
    re.I | re.S,
)
# "<thing> not found", "no such <thing>", "<thing> does not exist" as the whole (short) reply: a
# lookup by reference that found nothing. A check for absence answers in other words ("No
# conflicting booking found.", "0 results found", "Email not found in any known breach.").
# A reference with its value, which a lookup by reference names: "ID 88123", "reference QX7P2",
# "badge number 20931", "email mia@x.io" (a value with a digit, or an address); not "for this
# account", "the number of seats".
_REF_VALUE = (
    r"(?:reference|ref|id|number|no\.?|code|key|e-?mail)\s*[:#]?\s*['\"]?(?:[\w.+-]+@[\w.-]+|"
    r"(?=[\w-]*\d)[\w-]+)"
)
# "No order with ID 88123", "There is no employee with badge number 20931 in the directory"
_NO_REF = (
    r"(?:[\w-]+ ){1,3}?(?:(?:found|exists?|on (?:file|record)) )?(?:with|under|for|matching|by|"
    r"having) (?:the |that |this )?(?:[\w-]+ )?" + _REF_VALUE
)
_NOT_FOUND = re.compile(
    r"\b(?:(?:was |were |is |are )?not found|could(?: not|n't) be (?:found|located)|cannot be found|"
    r"can't be found|does(?: not|n't) exist|do(?: not|n't) exist|did(?: not|n't) exist|"
    r"no longer exists?|never existed)\b|"
    r"^\W*(?:there (?:is|are|was|were) )?no " + _NO_REF + r"|"
    # "We could not locate a booking under reference QX7P2"
    r"\b(?:could(?: not|n't)|unable to|cannot|can't|did(?: not|n't)) (?:find|locate|match) (?:a|an|"
    r"any|the) (?:[\w-]+ ){0,2}?(?:with|under|for|matching|by) (?:the |that |this )?(?:[\w-]+ )?"
    + _REF_VALUE
    + r"|^\W*no such (?!luck\b|thing as\b)\w|^\W*unknown (?:[\w-]+ ){0,2}?(?:id|reference|ref|number|"
    r"code|key|user|account|order|customer|booking|reservation|record|item|product|ticket)\b|"
    r"^\W*no (?:[\w-]+ ){1,3}?(?:found|exists?) (?:with|for|matching|under) (?:the )?(?:reference|"
    r"ref|id|number|code|key|e-?mail|booking|ticket|account)\b|"
    # German, French, Spanish, Italian, Portuguese: "Kunde nicht gefunden", "Datei existiert
    # nicht", "Client introuvable", "Commande non trouvée", "n'existe pas", "Cliente no
    # encontrado", "El pedido no existe", "non trovato", "não encontrado"; not "introuvable
    # ailleurs" (rare, hard to find elsewhere)
    r"\bnicht (?:mehr )?(?:gefunden|vorhanden|auffindbar)\b|\bexistier(?:t|en) (?:nicht|nicht mehr)\b|"
    r"\bintrouvables?\b(?!\s+(?:ailleurs|partout)\b)|\bnon trouvée?s?\b|"
    r"\bn['’]exist(?:e|ent) (?:pas|plus)\b|\bno encontrad[oa]s?\b|\bno exist(?:e|en)\b|"
    r"\bnon (?:trovat[oaie]|esist(?:e|ono))\b|\bnão (?:encontrad[oa]s?|exist(?:e|em))\b|"
    r"^\W*kein\w* (?:[\w-]+ ){1,3}?(?:mit|für|unter) (?:der |dem |den )?(?:referenz|nummer|id|"
    r"kennung|e-?mail|buchungsnummer|kundennummer)\b[^.\n]{0,40}?\b(?:gefunden|vorhanden)\b",
    re.I,
)
# No record at all, in a register's words, where the short reply names the reference it was
# asked for (session 23): "invoice in_1NxA2: no record on file", "We have no record of booking
# ABC123", "Nothing on file for VIN 1HGCM82633A004352", "Account 40021877 - record not on file",
# "Zero records match item barcode 3900-1127", "DN-7741 returned no record". What is missing is a
# record itself, not one of its attributes ("No allergies on file", "No prior claims on record for
# policy HX-2231": the record was found), and the reference is an identifier, not a date.
_NO_RECORD = re.compile(
    r"\b(?:no|zero|0) (?:matching |such |existing )?(?:records?|entr(?:y|ies)|data|information|"
    r"info)\b(?! (?:loss|protection|privacy|sharing|retention)\b)|"
    r"\bnothing (?:on file|on record|found|recorded|held|matches)\b|"
    r"\b(?:(?:is|are|was|were) )?not on (?:file|record)\b",
    re.I,
)
_REFERENCE = re.compile(
    r"(?<![\w-])(?!\d{4}-\d\d(?:-\d\d)?(?![\w-])|\d{1,2}:\d\d|(?:1[89]|2\d)\d\d(?![\w-]))"
    r"(?=[\w-]*\d)[A-Za-z0-9][\w-]{3,}"
)
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n")


def _no_record_of(text: str) -> bool:
    """Whether a short reply says there is no record of the reference it names (see above)."""
    if len(text) > 200 or text.count("\n") > 2 or _MENTION_HEAD.match(text):
        return False
    m = _NO_RECORD.search(text)
    if m and _CLEAN_RECORD.match(text, m.end()):  # "no record of late payments", "... against it"
        return False
    if m is None or _quoted(text, m.start()):
        return False
    # the reference in the same sentence ("Ticket TCK-1042 created. No information about the
    # device was provided." names no missing ticket)
    start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
    end = _SENTENCE_END.search(text, m.end())
    return bool(_REFERENCE.search(text, start, end.start() if end else len(text)))


# What a found record has none of: "no record of [any] violations / late payments", "nothing
# recorded against it" — the record was read (not "no record of booking ABC123").
_CLEAN_RECORD = re.compile(
    r"\s+of\s+(?:any\s+)?(?:[\w-]+\s+)?[a-z][\w-]*[^s\W]s\b(?!\s*\d)|"
    r"\s+(?:against|for|on|about)\s+(?:it|them|him|her|this|that)\b",
)


_ABSENCE_CHECK = re.compile(
    r"^\W*(?:no|0|zero|none|nothing|kein\w*|aucun\w*|ningun\w*|ningún|nessun\w*|nenhum\w*|"
    r"nichts|rien)\b(?!\s+such\b)(?!\s+"
    + _NO_REF
    + r")(?!\s+(?:[\w-]+ ){1,3}?(?:mit|für|unter) (?:der |dem |den )?(?:referenz|"
    r"nummer|id|kennung|e-?mail|buchungsnummer|kundennummer)\b)(?!\s+(?:[\w-]+ ){1,3}?(?:found|exists?) (?:with|"
    r"for|matching|under) (?:the )?(?:reference|ref|id|number|code|key|e-?mail|booking|ticket|"
    r"account)\b)|"
    # not on a list it was checked against: "not found in any known breach", "not found on the
    # blocklist", "not found among revoked keys"
    r"\bnot found (?:in|on|among) (?:any\b|(?:the |our |a )?(?:[\w-]+ )?(?:\w*list|breach\w*|"
    r"revoked|sanction\w*|watch\w*|spam\w*|fraud\w*))",
    re.I,
)
# Rate limits: "Too Many Requests", "rate limit exceeded", "quota exhausted", "throttled", a
# Retry-After or "try again in 60s".
_RATE_LIMIT = re.compile(
    r"\btoo many (?:requests|calls|attempts|queries)\b|"
    r"\b(?:rate|request|call|usage|api|daily|monthly|hourly)[ -]?(?:rate[ -]?)?(?:limit|cap|quota)s? "
    r"(?:was |has been |have been |is |are )?(?:exceeded|reached|hit|exhausted|used up)\b|"
    r"\b(?:rate|limit) exceeded\b|\bquota (?:was |has been |is )?(?:exceeded|exhausted|reached|"
    r"used up)\b|\bexceeded (?:your |the |its )?(?:[\w-]+ ){0,2}?(?:quota|rate limit|limit)\b|"
    r"\bover (?:the |your )?(?:rate )?limit\b|\b(?:rate[ -]limited|throttled)\b|"
    # "SlowDown: Please reduce your request rate.", "Exceeded 2 calls per second for api client"
    r"\breduce (?:your |the |its )?(?:request|call|query|api|sending) ?rates?\b|"
    r"\bexceeded (?:the |a )?(?:maximum (?:of )?)?\d[\d,.]* (?:calls|requests|queries|messages|"
    r"operations|reads|writes) (?:per|an?|each)\b|"
    r"\bretry[- ]after\s*[:=]?\s*\d|\b(?:retry|try again) (?:in|after) \d+\s*(?:s|secs?|seconds?|"
    r"m|mins?|minutes?|h|hours?)\b|"
    # an allowance, a cap or a plan's limit used up, in a plan's words (session 23): "limit reached
    # for this billing period", "Daily cap hit", "You have reached the maximum number of messages
    # per day", "You've hit your character allowance", "has exceeded its allotted usage", "You have
    # used 100% of your monthly allowance", "Monthly credit balance exhausted", "Out of credits",
    # "You are sending requests too quickly"; not a count of times ("Limit reached 0 times") nor
    # a share below it ("used 45% of your allowance"); a maximum only as a count of uses ("the
    # maximum number of", "the maximum of 500 exports per day"), not a reading ("Temperature hit
    # the maximum of 41C", "reached its maximum height")
    r"\b(?:limit|cap|quota|allowance|allotment)s? (?:was |has been |have been |is |are )?(?:reached|"
    r"hit|exceeded|exhausted|used up|depleted|maxed out)\b(?!\s+(?:\d[\d,]*|zero|no|never|once|"
    r"twice)\s+times?\b)|"
    r"\b(?:reached|hit|exceeded|exhausted|used up|maxed out|run out of|ran out of|used all of) "
    r"(?:the |your |its |our |their |a )?(?:[\w'’-]+ ){0,3}?(?:(?:maximum|max)(?=\s+(?:number|amount|"
    r"allowed|permitted)\b|\s+of\s+\d[\d,]*\s+[\w-]+\s+(?:per|an?|each|allowed|permitted)\b|\s*[.!]?\s*$)|"
    r"limit|cap|quota|allowance|allotment|allotted (?:usage|quota|calls|requests))\b|"
    r"\bused (?:100\s*%|all) of (?:the |your |its |our |their |this )?(?:[\w'’-]+ ){0,3}?(?:allowance|"
    r"quota|limit|credits?|allotment|plan)\b|"
    r"\b(?:credits?|credit balance|balance|allowance|quota|tokens|minutes|units) (?:is |are |has been |"
    r"have been )?(?:exhausted|depleted|used up|run out)\b|"
    # (a share is a count: "200 out of 500 credits remaining", "3 out of 10 units shipped")
    r"(?<!running )(?<!nearly )(?<!almost )(?<!\d )\bout of (?:(?!\d)[\w-]+ )?(?:credits|quota|"
    r"allowance|tokens|units)\b|"
    r"\b(?:requests?|calls?|queries|messages) (?:are (?:coming|being sent) )?too (?:quickly|fast|"
    r"frequently|often)\b|"
    # a limit, a quota or credits named, then used up in its own clause with words between
    # (session 24): "Request limit for your plan has been used up (1,000 / 1,000)", "Quota for
    # 'Elements per day' for this project has been exhausted", "Export limit of 10 per day already
    # reached", "Search credits for December: all used" (not "has not been reached", "is nearly
    # used up", "was reached 3 times", "credits were used for the order")
    r"\b(?:limit|cap|quota|allowance|allotment|credits?)s?\b(?:\s+[^\s.;:!?]+){0,8}?\s+(?:(?:has|"
    r"have) (?:now |already )?(?:been )?|(?:is|are|was|were) (?:now |already )?|now |already )"
    r"(?:(?:fully|completely|entirely|all) used(?! (?:to|for|on|in|by)\b)|used up|exhausted|reached|"
    r"depleted|maxed out|run out)\b(?!\s+(?:\d[\d,]*|zero|no|never|once|twice)\s+times?\b)|"
    r"\b(?:limit|quota|allowance|allotment|credits?)s?\b[^.;:\n]{0,40}:\s*(?:all|fully|completely|"
    r"entirely) used(?: up)?\s*(?:[.;!]|$)|"
    # requests from now on refused until a reset: "Further requests will be refused until 00:00"
    r"\b(?:further|additional|subsequent|more|new) (?:requests|calls|queries|lookups|searches|"
    r"messages|uploads)\b[^.;\n]{0,30}?\b(?:will be|are(?: being)?|get)\s+(?:\w+ )?(?:refused|"
    r"rejected|blocked|denied|throttled)\b",
    re.I,
)
# A connection that never happened, or broke before the reply: "connection refused", "connect
# ECONNREFUSED 10.0.3.7:8080", "Could not connect to ...", "Connection reset by peer", "Host
# unreachable", "Name or service not known", "socket hang up". Not connection news ("Connection
# restored", "0 connection errors", "Reconnected after a brief reset").
_CONNECTION = re.compile(
    r"\bconnection (?:was |has been |is |got )?(?:refused|reset|aborted|dropped|lost|failed|"
    r"closed (?:by|unexpectedly|prematurely|before|without))\b|"
    r"\bconnection (?:to (?:the )?[\w.-]+ )?(?:was |has been |got )?lost\b|"
    r"\b(?-i:E(?:CONNREFUSED|CONNRESET|CONNABORTED|HOSTUNREACH|NETUNREACH|NOTFOUND|AI_AGAIN|PIPE))\b|"
    r"\b(?:could not|couldn't|unable to|cannot|can ?not|can't|failed to) (?:connect|reach|resolve|"
    r"establish (?:a |the )?(?:new )?connection)\b|"
    r"\b(?:host|network|server|service|destination|endpoint|database) (?:is )?unreachable\b|"
    r"\bno route to host\b|\bname or service not known\b|\bnodename nor servname\b|"
    r"\bfailure in name resolution\b|\bsocket hang ?up\b|\bbroken pipe\b|"
    r"\bdisconnect/reset before headers\b",
    re.I,
)
# A connection that broke and came back in the same reply (an event log, a health check): no
# failure. "connection reset by peer\nreconnected", "connection lost; connection restored; upload
# ok", "ECONNRESET at 09:01, reconnected at 09:01:04". The recovery must come after the last break
# and nothing may fail after it ("reconnected, but the upload failed: timeout", "connection reset
# \nreconnected\nconnection reset" stay failures); not a recovery in progress ("Reconnecting...")
# or negated ("not reconnected yet", "could not reconnect").
_CAME_BACK = re.compile(
    r"\b(?:re-?connected|re-?established|(?<!backup )(?<!snapshot )restored(?! from\b)|recovered|"
    r"back (?:online|up)|resumed|re-?connect(?:ion)? (?:succeeded|successful|ok)(?!\s*\?))\b"
    r"(?:\s+(?:on|after|at|in|to)\s+[\w:.-]+(?:\s+\d+)?)?",
    re.I,
)
# What a recovery can still leave broken after it: data lost, a request aborted, a partial upload,
# changes rolled back or discarded ("reconnected, data lost"; not "0 messages dropped").
_LEFT_BROKEN = re.compile(
    r"\b(?:lost|aborted|discarded|dropped|rolled back|reverted|partial(?:ly)?|incomplete|"
    r"truncated)\b",
    re.I,
)
_NONE_OF = re.compile(r"\b(?:0|no|zero|nothing|none)\W+(?:\w+\W+){0,2}$", re.I)


# The words before a match that decide it ("no" and up to two words after it) are read in this
# many characters before it, not the whole text before it (once per match: quadratic).
_BEFORE_WINDOW = 200


def _before(text: str, at: int) -> str:
    return text[max(0, at - _BEFORE_WINDOW) : at]


def _left_broken(text: str) -> bool:
    return any(not _NONE_OF.search(_before(text, m.start())) for m in _LEFT_BROKEN.finditer(text))


def recovered_connection(text: str) -> bool:
    """Whether a reply's connection broke and came back, with nothing failing after (above)."""
    breaks = list(_CONNECTION.finditer(text))
    if not breaks or _SAYS_ERROR.match(text):
        return False
    after = text[breaks[-1].end() :]
    back = [
        m
        for m in _CAME_BACK.finditer(after)
        if not _NEGATED_BEFORE.search(_before(after, m.start()))
    ]
    if not back:
        return False
    # capped as is_error_reply caps it: _EXC_NAME's dotted path is quadratic on "a.a.a..." (11 s on
    # 20k characters)
    rest = after[back[-1].end() :][:2000]
    return not (
        failing_words(rest)
        or _left_broken(rest)
        or _ERROR_ANYWHERE.search(rest)  # "reconnected; HTTP 503"
        or failing_words(text[: breaks[0].start()])
    )


# A reply that is only a status, 4xx or 5xx: "404", "[429]", "(500)", "HTTP 502", "status: 503";
# not an amount ("$500").
_BARE_STATUS = re.compile(
    r"^\s*[\"']?(?:(?:http(?:/\d(?:\.\d)?)?|status(?:[ _]?code)?|code|error)\s*[:=]?\s*)?"
    r"[(\[]?[45]\d\d[)\]]?[\"'.!]?\s*$",
    re.I,
)
# A not-found the same short reply resolves: "Order 8812 not found in pending orders; it has
# already shipped", "The file does not exist yet; created it.", "Coupon not found, applied
# WELCOME10 instead": after the clause that says it, a clause that reports what was done or
# found instead (not negated: "nothing was exported", "no changes were made" keep the failure).
_CLAUSE_BREAK = re.compile(r"[;:,.—–]\s+|\s+(?:but|so|and)\s+|\s*\(")
_RESOLVED = re.compile(
    r"\b(?:created|made|added|found|located|loaded|fetched|retrieved|restored|recovered|applied|"
    r"assigned|booked|reserved|shipped|ships|shipping|delivered|dispatched|confirmed|used|using|"
    r"instead|fell back|falling back|defaulted|in stock|available|en stock|creado|créé|erstellt|"
    r"angelegt)\b",
    re.I,
)
# An explicit error head keeps the failure: "Error: config not found, using defaults".
_SAYS_ERROR = re.compile(r"^\W*(?:error|err|fatal|exception|failed|failure|traceback)\b", re.I)
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|nothing|never|none|without|n't)\W+(?:\w+\W+){0,2}$", re.I
)


def resolved_not_found(text: str) -> bool:
    """Whether a short reply's not-found is resolved by the same reply (see above)."""
    text = text.strip()
    if len(text) > 300 or _SAYS_ERROR.match(text) or not (m := _NOT_FOUND.search(text)):
        return False
    brk = _CLAUSE_BREAK.search(text, m.end())
    if not brk:
        return False
    rest = text[brk.start() :]
    for r in _RESOLVED.finditer(rest):
        if not _NEGATED_BEFORE.search(_before(rest, r.start())):
            return not failing_words(_NOT_FOUND.sub(" ", rest))
    return False


# A reply whose head names an error rather than reports one: an article, a result list, a how-to
# ("Article: Handling 'Too Many Requests' ...", "How to fix ...", "If you see ...").
_MENTION_HEAD = re.compile(
    r"^\W*(?:if|when|whenever|how|why|what|article|guide|faq|tips?|handling|troubleshoot\w*|"
    r"fix(?:ing)?|results?|search results?|title)\b",
    re.I,
)
_QUOTE = "'\"‘’“”`"
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")


def _quoted(text: str, start: int) -> bool:
    """Whether a match sits inside quotes on its line (a title, a quoted message)."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    line = _APOSTROPHE.sub("", line)  # "You're", "plan's": no quote
    return sum(line.count(q) for q in _QUOTE) % 2 == 1


# Before a refusal: a rule for anyone ("Policy: a user is not allowed to ..."), the case a
# document describes ("Docs: if the caller does not have permission, ..."), or the records a
# search returned ("3 events where access was denied"): data about refusals, not one.
_RULE_OR_RECORD = re.compile(
    r"(?:\b(?:a|an|any|every|no)\s+$)|\b(?:where|if|when|whenever|unless)\b", re.I
)


# A failure's words as a field answered no: "Limit reached: No", "quota exceeded = false".
_ANSWERED_NO = re.compile(r"\s*[:=]\s*(?:no|false|0|none|never|n)\b", re.I)


def _said_of(text: str, start: int) -> bool:
    """Whether a refusal at `start` is a rule or records (`_RULE_OR_RECORD`) in its clause."""
    clause = re.split(r"[.;:\n]", text[:start])[-1]
    return bool(_RULE_OR_RECORD.search(clause))


def plain_failure(text: str) -> str | None:
    """The form of a failure a tool wrote in plain text, or None: "status" (a status with its
    reason at the head), "not found" (the whole short reply says a thing is not there), "rate
    limited" (a rate limit near the head), "connection" (a connection that never happened or
    broke), "not allowed" (a permission refused in words near the head)."""
    text = text.strip()
    if not text or _MENTION_HEAD.match(text):
        return None
    if m := _STATUS_HEAD.match(text):
        reason = m["reason"].split("\n\n")[0]
        if failing_words(reason) or (
            m["code"][0] == "5" and m["sep"].strip() and re.match(r"[A-Za-z]", reason)
        ):
            return "status"
    if _BARE_STATUS.match(text):
        return "status"
    head = text[:200]
    if (m := _RATE_LIMIT.search(head)) and not (
        _quoted(head, m.start()) or _said_of(head, m.start()) or _ANSWERED_NO.match(head, m.end())
    ):
        return "rate limited"
    if (m := _CONNECTION.search(head)) and not _quoted(head, m.start()):
        return "connection"
    if (m := _NOT_ALLOWED.search(head)) and not (
        _quoted(head, m.start()) or _said_of(head, m.start())
    ):
        return "not allowed"
    if (
        len(text) <= 200
        and text.count("\n") <= 2
        and (m := _NOT_FOUND.search(text))
        and not _quoted(text, m.start())
        and not _ABSENCE_CHECK.search(text)
        and not resolved_not_found(text)
    ) or _no_record_of(text):
        return "not found"
    return None


# A JSON error body without an error key: its message under detail / message / msg / title /
# reason (RFC 7807's problem details, DRF's {"detail": ...}, GitHub's {"message": ...,
# "documentation_url": ...}), beside envelope keys alone, and the message says a failure. A
# record that has a message field among its data (a ticket, an e-mail) is no error body.
_BODY_MESSAGE_KEYS = frozenset(
    """detail details message msg title reason description error_description errordescription
    faultstring""".split()  # noqa: SIM905
)
_BODY_ENVELOPE_KEYS = _BODY_MESSAGE_KEYS | frozenset(
    """code status statuscode status_code type instance request_id requestid trace_id traceid
    correlation_id documentation_url doc_url docs help hint more_info link timestamp path
    success ok""".split()  # noqa: SIM905
)


def json_error_body(data: Any) -> bool:
    """Whether parsed JSON is an error body in a message (see above)."""
    if not isinstance(data, dict) or not data:
        return False
    keys = {str(k).lower() for k in data}
    if not keys <= _BODY_ENVELOPE_KEYS or not keys & _BODY_MESSAGE_KEYS:
        return False
    status = str(data.get("status") or "").lower()
    if status in ("ok", "success", "succeeded", "done", "completed") or data.get("success") is True:
        return False
    msgs = [v for k, v in data.items() if str(k).lower() in _BODY_MESSAGE_KEYS]
    return any(isinstance(v, str) and failing_words(v) for v in msgs)


# A crash of any language or runtime, by its shape rather than its vocabulary: the runtime's own
# failure line ("Fortran runtime error: End of file", "Execution error (ArityException) at ...",
# "Unhandled exception.", "Execution halted"), an exit status that is not 0 ("Process finished
# with exit code 139", "code=exited, status=1/FAILURE", "core dumped"), a crash report's banner
# ("=CRASH REPORT====", Erlang), or a stack of two or more frames with a source location
# ("florist.lua:23: in function", "at Booking.cs:line 31", "#1 main (tank.dart:12:7)") beside an
# error word.
_RUNTIME_FAILURE = re.compile(
    r"\b(?:execution|runtime|fatal|unhandled|uncaught|unrecoverable|internal) (?:error|exception)"
    r"\b(?=\s*(?:[:(.]|$|\n))|"
    r"\b(?:core dumped|segmentation fault|bus error|stack overflow|out of memory|"
    r"execution halted|error termination|abend\w*|abnormal(?:ly)? terminat\w+|killed by signal|"
    r"terminated (?:by|with) signal|exited with (?:code|status|exit code) -?[1-9]\d*|"
    r"exit (?:code|status)\s*[:=]?\s*-?[1-9]\d*|code=(?:exited|killed|dumped), status=\d+|"
    r"status=\d+/FAILURE|returned non-zero exit status [1-9]\d*|return_?code\s*[:=]\s*-?[1-9]\d*)\b|"
    r"\[exit (?:code |status )?-?[1-9]\d*\]|"
    r"^=+(?:CRASH|ERROR|SUPERVISOR) REPORT=+",
    re.I | re.M,
)
_FRAME = re.compile(
    r"(?m)^[^\n]{0,160}?(?:[\w/\\.$<>-]+\.(?:java|kts?|scala|cljs?|exs?|erl|hrl|rs|go|py|rb|php|"
    r"[cm]?[jt]sx?|cs|fs|vb|cpp|cc|cxx|c|h|hpp|swift|mm?|f90|f95|f|for|jl|lua|pl|pm|[rR]|hs|ml|"
    r"dart|groovy|ps1|zig|nim|cr|sh|ex|rkt|scm|ss|lisp|clj|el|adb|ads|pas|cob|cbl|tcl|d|v)"
    r"(?::line)? ?:?\d+|\bline \d+\b|^\s*#\d+\s+\S|"
    # a numbered frame with its image and address: "2   Vault  0x0000000104a1 -[Sync push:]"
    r"^\s*\d+\s+[\w.+-]+\s+0x[0-9a-fA-F]{4,}\b|"
    r"^\s*\d+:\s+[\w:<>]+)"
)
_ERROR_WORD = re.compile(
    r"\b(?:\w*(?:error|exception|panic\w*|fault|abort\w*|crash\w*|fail\w*|violation)|died|halted|"
    r"raised|thrown|uncaught|unhandled)\b|"
    # inside a frame's identifier: "__exceptionPreprocess", "objc_exception_throw"
    r"(?-i:(?:_|\b)(?:[Ee]xception|[Tt]hrow|[Pp]anic|[Aa]bort)(?:_|[A-Z]))",
    re.I,
)


def crash_shape(text: str) -> bool:
    """A tool reply shaped like a crash: a runtime's failure line, an exit status that is not 0, a
    crash report's banner, or two stack frames with an error word."""
    if _RUNTIME_FAILURE.search(text):
        return True
    return len(_FRAME.findall(text)) >= 2 and bool(_ERROR_WORD.search(text))


_STATUS_KEYS = ("status", "status_code", "statusCode", "http_status", "httpStatus", "code")
_FAILED_STATES = ("error", "failed", "failure", "fault", "fail", "errored")
_STATE_KEYS = ("status", "state", "outcome", "stat", "result")
# JSON keys by what they name (session 24): a code of any kind ("code", OpenWeather's "cod",
# "rc", "returnCode", "resultCode", "errorCode", "Code"), a part of an error ("errorCode",
# "error_type", "errorDetail", "ErrorMessage"; not "error_count", "errors_total", "error_rate"),
# a process's exit status, and a message (what a code is read beside).
_CODE_KEY = re.compile(r"(?i)^(?:[a-z]*_?)?(?:code|cod|rc)$")
_ERROR_PART_KEY = re.compile(
    r"(?i)^(?:error|err|fault|exception)_?(?:code|type|detail|details|description|msg|message|"
    r"reason|class|kind|name)$"
)
_EXIT_KEY = re.compile(r"(?i)^(?:exit_?(?:code|status)|return_?code|returncode)$")
_MESSAGE_KEY = re.compile(
    r"(?i)^\w*(?:message|msg|detail|details|reason|description|text|title)$|^faultstring$"
)
_UNSET = frozenset(("", "none", "null", "nil", "ok", "0", "success", "n/a", "false"))


def _set_value(v: Any) -> bool:
    """A value that says something: not empty, 0, false or "none"."""
    if isinstance(v, bool) or v is None:
        return bool(v)
    if isinstance(v, int | float):
        return v != 0
    return isinstance(v, str) and v.strip().lower() not in _UNSET


def _says_ok(data: dict) -> bool:
    status = str(data.get("status") or "").lower()
    return (
        status in ("ok", "success", "succeeded", "done", "completed") or data.get("success") is True
    )


def _failure_name(v: Any) -> bool:
    """A code that names a failure: "NoSuchBucket", "NOT_FOUND", "PermissionDenied"."""
    return isinstance(v, str) and bool(_FAILURE_NAME.fullmatch(v.strip()))


def _failing_message(data: dict) -> bool:
    """A message field beside a code that says a failure ("Invalid API key", "Not Found")."""
    return any(
        isinstance(v, str) and (failing_words(v) or re.match(_HTTP_REASON, v.strip(), re.I))
        for k, v in data.items()
        if isinstance(k, str) and _MESSAGE_KEY.match(k)
    )


# "responseStatus", "upstream_status", "HTTPStatusCode", "http": a key that names a status
_STATUS_KEY = re.compile(r"(?i)^(?:\w*status(?:_?code)?|http|http_?code|response_?code)$")


def _json_error(data: Any, depth: int = 0) -> bool:
    """An error field, an HTTP error status or an explicit failure flag at any depth."""
    if depth > 6:
        return False
    if isinstance(data, list):
        return any(_json_error(x, depth + 1) for x in data[:50])
    if not isinstance(data, dict):
        return False
    if any(data.get(k) for k in _ERROR_KEYS):
        return True
    said_ok = _says_ok(data)
    failing_message = _failing_message(data)
    for k, code in data.items():
        if not isinstance(k, str):
            continue
        if isinstance(code, str) and code.strip().isdigit():
            code = int(code.strip())
        status_code = isinstance(code, int) and not isinstance(code, bool) and 400 <= code <= 599
        # a key that names a status ("status", "statusCode", "http"): its 4xx/5xx is the error;
        # "code" beside a message of any words ('{"code": 409, "message": "slot full"}')
        if status_code and (
            k in _STATUS_KEYS[:-1]
            or _STATUS_KEY.match(k)
            or (k == "code" and any(m in data for m in ("message", "msg", "detail", "reason")))
        ):
            return True
        # any other code ("cod", "rc", "returnCode", "resultCode", "errorCode"): zip, area and
        # product codes are codes too, so only a 4xx/5xx beside a message that says a failure,
        # or a bare code key naming a failure ('"Code": "NoSuchBucket"', '"code": "NOT_FOUND"')
        if (
            _CODE_KEY.match(k)
            and failing_message
            and (status_code or (k.lower() in ("code", "cod", "rc") and _failure_name(code)))
        ):
            return True
        # a key that names an error's part with a value ("errorCode": "NotFound", "errorType":
        # "invalid_auth"; not "error_count", not "errorCode": 0 or "none")
        if _ERROR_PART_KEY.match(k) and _set_value(code) and not said_ok:
            return True
        # a process's exit status that is not 0 ("exit_code": 126, "returncode": 1)
        if _EXIT_KEY.match(k) and isinstance(code, int) and not isinstance(code, bool) and code:
            return True
    for k in _STATE_KEYS:  # "state": "error", "outcome": "FAILED", "stat": "fail"
        if isinstance(v := data.get(k), str) and v.lower() in _FAILED_STATES:
            return True
    if data.get("success") is False or data.get("ok") is False:
        return True
    return any(_json_error(v, depth + 1) for v in data.values() if isinstance(v, dict | list))


def tool_name_of(msg: dict, calls_by_id: dict[str, str]) -> str:
    return str(msg.get("name") or calls_by_id.get(str(msg.get("tool_call_id")), "tool"))


def call_names(messages: Iterable[dict]) -> dict[str, str]:
    """Call id -> the called tool's name, over a conversation's assistant tool calls."""
    return {
        str((tc or {}).get("id")): str(((tc or {}).get("function") or tc or {}).get("name", "?"))
        for m in messages
        if m.get("role") == "assistant"
        for tc in m.get("tool_calls") or []
    }


def render_thread(messages: Iterable[dict], *, errors_only: bool = False) -> str:
    """Role-tagged conversation text, tool calls and tool replies included."""
    lines: list[str] = []
    calls_by_id: dict[str, str] = {}
    messages = list(messages)
    contexts = call_contexts(messages)
    for idx, m in enumerate(messages):
        role = str(m.get("role", "?"))
        if role == "system":
            continue
        text = content_text(m.get("content")).strip()
        if role == "tool" or role == "function":
            err = is_error_reply(m, tool_name_of(m, calls_by_id), contexts.get(idx))
            if errors_only and not err:
                continue
            tag = "tool error" if err else "tool"
            lines.append(f"[{tag} {tool_name_of(m, calls_by_id)}] {text}")
            continue
        if errors_only:
            continue
        if text:
            lines.append(f"[{role}] {text}")
        for tc in m.get("tool_calls") or []:
            fn = (tc or {}).get("function") or {}
            calls_by_id[str(tc.get("id"))] = str(fn.get("name", "?"))
        for name, args in tool_calls_of(m):
            lines.append(f"[{role} → tool call] {name}({args})")
    return "\n".join(lines)


def truncate_middle(text: str, max_tokens: int) -> str:
    """Cut text to ~max_tokens keeping the beginning and the end (the ask and the outcome)."""
    budget = max_tokens * CHARS_PER_TOKEN
    if len(text) <= budget:
        return text
    head_n, tail_n = int(budget * 0.6), int(budget * 0.4)
    head, tail = text[:head_n], text[-tail_n:]
    # Cut at line boundaries when one is near, so no message starts mid-word.
    nl = head.rfind("\n")
    if nl > head_n * 0.7:
        head = head[:nl]
    nl = tail.find("\n")
    if 0 <= nl < tail_n * 0.3:
        tail = tail[nl + 1 :]
    omitted = (len(text) - len(head) - len(tail)) // CHARS_PER_TOKEN
    return f"{head}\n[... about {omitted} tokens omitted ...]\n{tail}"


def user_texts(trace: dict) -> list[str]:
    return [
        t
        for m in messages_of(trace)
        if m.get("role") == "user" and (t := content_text(m.get("content")).strip())
    ]


def thread(trace: dict, facet: Facet) -> str | None:
    return truncate_middle(render_thread(messages_of(trace)), facet.max_tokens) or None


def user_messages(trace: dict, facet: Facet) -> str | None:
    return truncate_middle("\n".join(user_texts(trace)), facet.max_tokens) or None


def errors_only(trace: dict, facet: Facet) -> str | None:
    return (
        truncate_middle(render_thread(messages_of(trace), errors_only=True), facet.max_tokens)
        or None
    )


def with_metadata(trace: dict, facet: Facet) -> str | None:
    meta = trace.get("metadata") or {}
    if isinstance(meta, str):
        with contextlib.suppress(ValueError):  # not JSON or too deep: shown as the text it is
            meta = loads_json(meta)
    metrics = {k: v for k, v in (trace.get("metrics") or {}).items() if v is not None}
    head = [f"metadata: {json.dumps(meta, sort_keys=True, default=str)}"]
    if metrics:
        head.append(f"metrics: {json.dumps(metrics, sort_keys=True, default=str)}")
    body = render_thread(messages_of(trace))
    return truncate_middle("\n".join(head) + "\n" + body, facet.max_tokens) if body else None


BUILTIN: dict[str, Preprocessor] = {
    "thread": thread,
    "user_messages": user_messages,
    "errors_only": errors_only,
    "with_metadata": with_metadata,
}


@lru_cache(maxsize=64)
def get_preprocessor(name: str) -> Preprocessor:
    """A built-in preprocessor by name, or a custom one by dotted path."""
    if name in BUILTIN:
        return BUILTIN[name]
    module, _, attr = name.replace(":", ".").rpartition(".")
    try:
        fn = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError, ValueError) as e:
        raise ValueError(f"cannot import preprocessor {name!r}: {e}") from e
    if not callable(fn):
        raise ValueError(f"preprocessor {name!r} is not callable")
    return fn


def preprocess(trace: dict, facet: Facet) -> str | None:
    """Run the facet's preprocessor; None (or blank) means skip this facet for this trace."""
    out = get_preprocessor(facet.preprocessor)(trace, facet)
    return out if out and out.strip() else None


def merge_session(traces: list[dict]) -> dict:
    """One pseudo-trace for a whole session: messages in time order, the last trace's id.

    Consecutive traces often repeat the history (each turn re-sends the chat), so a message
    already seen at the same position of the running conversation is not appended again.
    """
    ordered = sorted(traces, key=lambda t: (str(t.get("created")), str(t.get("id"))))
    merged: list[dict] = []
    for t in ordered:
        msgs = messages_of(t)
        n = len(merged)
        if n and msgs[:n] == merged:  # full history re-sent
            msgs = msgs[n:]
        merged.extend(msgs)
    last = dict(ordered[-1])
    last["messages"] = merged
    latencies = [(t.get("metrics") or {}).get("latency_s") for t in ordered]
    metrics = dict(last.get("metrics") or {})
    if any(v is not None for v in latencies):
        metrics["latency_s"] = max(v for v in latencies if v is not None)
    last["metrics"] = metrics
    last["session_trace_ids"] = [t.get("id") for t in ordered]
    return last
