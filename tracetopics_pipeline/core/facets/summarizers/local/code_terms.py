"""Code in a user's words: the instances of a task, not the task.

File paths, identifiers (snake_case, camelCase, dotted, called), exception names with their
messages, library names after an install or upgrade verb, commit SHAs, line numbers, URLs and
endpoint paths name *which* thing a user works on, not *what* they want done: "why does
test_parse_invoice throw KeyError: 'user_id'" and "explain parse_invoice" are two tasks that
share one function's name. `code_spans` finds them (one detector); the Task summary replaces
each with a generic word ("a file", "a function", "an error", "a library": `abstract_code`), and
the word-cue facets read a copy with them blanked out (`mask_code`), so "billing/invoice.py" is
no pricing question and "price_table" no cost.

Not code: a capitalized product or object name ("HubSpot", "Umsatz Q3", "Node.js"), an e-mail
address (redaction's business), a domain, "and/or", "24/7", a plain decimal. A PascalCase name
counts only next to a code noun ("the InvoiceParser class") or ending in Error/Exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Nouns that say what kind of code thing an identifier next to them is ("the parse_invoice
# function", "column price_usd"): the identifier goes, the noun stays.
_KIND_NOUN = (
    r"(?:functions?|methods?|funcs?|fns?|class(?:es)?|modules?|files?|scripts?|tests?|columns?|"
    r"fields?|tables?|datasets?|data ?frames?|dfs?|variables?|vars?|params?|parameters?|"
    r"arguments?|args?|keys?|endpoints?|routes?|hooks?|components?|models?|propert(?:y|ies)|"
    r"attributes?|settings?|flags?|env(?:ironment)? var(?:iable)?s?|configs?|packages?|"
    r"librar(?:y|ies)|libs?|branch(?:es)?|repos?|repositor(?:y|ies)|buckets?|jobs?|pipelines?|"
    r"services?|containers?|pods?|images?|dags?|views?|quer(?:y|ies)|indexe?s?|schemas?|queues?|"
    r"workflows?|steps?|targets?|migrations?|fixtures?|mocks?|decorators?|macros?|types?|"
    r"interfaces?|structs?|enums?|commands?|cli|sdk|crates?|gems?|deps?|dependenc(?:y|ies)|"
    r"constants?|exceptions?|errors?|data|topics?|namespaces?|deployments?|charts?|secrets?|"
    r"commits?|sha|hash|revision|rev|tags?)"
)
_KIND_NOUN_RX = re.compile(rf"^{_KIND_NOUN}$", re.I)
_DETERMINER = re.compile(r"(?:the|a|an|my|our|your|this|that|its|their)$", re.I)

_EXT = (
    r"py|pyi|ipynb|js|mjs|cjs|jsx|ts|tsx|rb|go|rs|java|kt|kts|cs|cpp|cc|cxx|c|h|hpp|php|swift|"
    r"scala|sh|bash|zsh|ps1|bat|yaml|yml|json|toml|ini|cfg|conf|lock|sql|md|rst|txt|csv|tsv|xml|"
    r"html?|css|scss|sass|less|tf|tfvars|env|gradle|vue|svelte|proto|graphql|gql|dockerfile|log|"
    r"parquet|pkl|pickle|jar|war|so|dll|exe|whl|r|jl|lua|pl|ex|exs|erl|hs|ml|dart|m|mm|zip|gz|tgz"
)
# Top-level domains and runtime suffixes: "example.com", "Node.js", "ASP.NET" are not code paths.
_NOT_DOTTED_END = frozenset(
    """com org net io dev ai co app gov edu uk de fr eu us ca au in me info biz tv cloud tech
    js ts net py rb""".split()  # noqa: SIM905
)
_FAILURE_WORD = re.compile(
    r"(?:ERROR|EXCEPTION|DENIED|REFUSED|FAIL\w*|FAULT|NOT_FOUND|FORBIDDEN|UNAUTHORI[SZ]ED|"
    r"INVALID|EXCEEDED|UNAVAILABLE|TIMEOUT|TIMED_OUT|CONFLICT|REJECTED|EXPIRED|ABORTED|MISSING)"
)

# A quoted message after an exception name, or its words up to where the sentence goes on.
_MESSAGE = (
    r"(?:\s*:\s*(?:'[^'\n]{0,80}'|\"[^\"\n]{0,80}\"|`[^`\n]{0,80}`|"
    r"(?:(?!\s+(?:when|whenever|after|before|if|on|in|while|every|each|from|for|since|but|and)\b)"
    r"[^.,;!?\n]){1,60}))?"
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # an e-mail address and a redaction placeholder ("<EMAIL>") are no code: claimed first. The
    # address starts where its run of name characters starts: tried inside the run too, "a.a.a..."
    # with no "@" was read once per character (quadratic: 1.4 s on 8k characters)
    (
        "keep",
        re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b|<[A-Z][A-Z_]*>"),
    ),
    (
        "link",
        re.compile(r"\b(?:https?|ftp|ssh|git|s3|gs)://[^\s'\"<>)]+|\bwww\.[^\s'\"<>)]+", re.I),
    ),
    ("command", re.compile(r"`[^`\n]{1,120}`")),
    (
        "error",
        re.compile(
            # a module path of at most 16 parts: unbounded, "a.a.a..." read the whole rest of
            # the chain from each part (quadratic: 2.9 s on 8k characters)
            r"(?-i:\b(?:[a-z_][\w]*\.){0,16}[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Warning)\b)"
            + _MESSAGE
            + r"|(?-i:\b(?:E(?:CONN[A-Z]+|ACCES|PERM|NOENT|EXIST|TIMEDOUT|PIPE|ADDRINUSE|"
            r"HOSTUNREACH|NETUNREACH|NOTFOUND|AGAIN|ISDIR|NOTDIR|MFILE|NOSPC|INVAL|BADF|NOMEM|"
            r"NOTEMPTY|ROFS|SOCKET(?:TIMEDOUT)?)|ERR_[A-Z_]+|[A-Z]+(?:_[A-Z]+)*_"
            + _FAILURE_WORD.pattern
            + r"(?:_[A-Z]+)*)\b)"
        ),
    ),
    ("file", re.compile(r"\b[A-Za-z]:\\[^\s'\"<>|]+")),  # C:\src\app.py
    (
        "endpoint",
        # "/api/v1/pricing", "GET /users/{id}": a path from the root, not "and/or"
        re.compile(
            r"(?:\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) )?(?<![\w/.~])/(?=[A-Za-z_{])"
            r"[\w.{}:-]*(?:/[\w.{}:-]*)*(?<![.:])"
        ),
    ),
    (
        "file",
        # a/b.py, src/x.ts:42, ./run.sh, ~/.bashrc, src/utils/helpers: an extension, or two
        # slashes, or a ./ ~/ start
        re.compile(
            r"(?:(?:~|\.{1,2})/)?(?<![\w/.-])[\w.@-]+(?:/[\w.@-]+)+\.(?:" + _EXT + r")\b(?::\d+)*"
            r"|(?:~|\.{1,2})/[\w.@/-]+"
            r"|(?<![\w/.-])[\w.@-]+/[\w.@-]+/[\w.@/-]+(?<![./-])",
            re.I,
        ),
    ),
    (
        "file",
        re.compile(
            # case-sensitive: "D.C." and "U.S." are no files
            r"(?<![\w/.-])\.?[\w-]{2,}\.(?:" + _EXT + r")\b(?::\d+)*",
        ),
    ),
    (
        "library",
        # "pip install requests", "npm i lodash@4", "yarn add -D vite", "go get github.com/x/y"
        re.compile(
            r"\b(?:pip3?|pipx|npm|pnpm|yarn|poetry|conda|mamba|brew|apt(?:-get)?|gem|cargo|go|"
            r"composer|nuget|uv(?: pip)?)\s+(?:install|add|get|i|update|upgrade|remove|uninstall)"
            r"(?:\s+-{1,2}[\w-]+)*\s+(?P<tok>[\w@/.\-\[\]=<>~^:]*[\w\]])",
            re.I,
        ),
    ),
    (
        "library",
        # "upgrade requests to 2.31", "bump lodash from 4.17", "install the numpy package",
        # "the httpx library": a lower-case name an install verb or a library noun points at
        re.compile(
            r"\b(?:install|installing|installed|upgrade|upgrading|upgraded|update|updating|"
            r"updated|bump|bumping|bumped|downgrade|downgrading|downgraded|pin|pinning|pinned|"
            r"uninstall|uninstalling|import|importing|imported|add|adding|remove|removing) "
            r"(?P<tok>(?:the )?(?-i:[a-z][\w.-]*[a-z0-9])"
            r"(?:(?:\s*(?:==|>=|<=|~=|@|\^)\s*|\s+(?:to|from)\s+v?)\d[\w.]*(?:\s+to\s+v?\d[\w.]*)?"
            r"|\s+(?:librar(?:y|ies)|packages?|libs?|modules?|dependenc(?:y|ies)|deps?|crates?|"
            r"gems?|sdks?|plugins?))\b)"
            r"|\bthe (?P<tok2>(?-i:[a-z][\w.-]*[a-z0-9])\s+(?:library|package|lib|module|dependency|"
            r"crate|gem|sdk|plugin))\b",
            re.I,
        ),
    ),
    (
        "commit",
        re.compile(
            r"\b(?:commit|sha|hash|revision|rev|cherry-pick|revert|checkout|reset --hard|"
            r"bisect|rebase onto|tag) (?P<tok>[0-9a-f]{6,40})\b|\b[0-9a-f]{40}\b",
            re.I,
        ),
    ),
    ("line", re.compile(r"\b(?:(?:on|at|in) )?(?:line|ln|row) \d+(?:[-:]\d+)?\b|\bL\d+\b")),
    ("version", re.compile(r"(?<![\w.])v\d+(?:\.\d+)+\b|(?<![\w.])\d+\.\d+\.\d+(?:[-+][\w.]+)?\b")),
    (
        "function",
        # dotted: df.groupby, os.path.join, requests.get(), DataFrame.apply (not example.com,
        # Node.js, Sofia.Chen, e.g.)
        re.compile(
            r"(?<![\w.@])(?:[A-Za-z_]\w*)(?:\.[A-Za-z_]\w*)+(?:\([^()\n]{0,40}\))?(?![\w@]|\.\w)"
        ),
    ),
    (
        "function",
        # called: parse(), get_user(id), fetchAll(x, y)
        re.compile(r"\b[A-Za-z_]\w*\((?:[^()\n]{0,40})\)(?<!\(s\))"),
    ),
    (
        "service",
        # kebab-case with a system part: pricing-service, billing-api, checkout-worker, web-v2
        # ("month-end", "multi-stage", "e-mail" have none; "in-app", "cross-web" are adjectives);
        # a cloud region: eu-west-1
        re.compile(
            r"\b(?!(?:in|on|off|out|by|per|non|cross|multi|all)-[a-z0-9]+\b(?!-))"
            r"(?-i:[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:api|apis|svc|service|services|worker|workers|"
            r"server|gateway|db|app|job|jobs|queue|bucket|renderer|lambda|cron|pod|cluster|ui|sdk|"
            r"cli|web|backend|frontend|proxy|cache|bot|daemon|consumer|producer|scheduler|runner|"
            r"v\d+)(?:-[a-z0-9]+)*)\b(?!-)"
        ),
    ),
    (
        "region",
        re.compile(
            r"\b(?-i:(?:us|eu|ap|sa|ca|me|af)-(?:north|south|east|west|central|northeast|"
            r"southeast|northwest|southwest)-\d)\b"
        ),
    ),
    ("function", re.compile(r"\b_*[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+_*\b")),  # snake_case
    ("function", re.compile(r"\b_*[a-z]{2,}[a-z0-9]*(?:[A-Z][a-z0-9]+)+[A-Za-z0-9]*\b")),  # camel
    ("pascal", re.compile(r"\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+\b")),  # InvoiceParser
]

GENERIC = {
    "link": "a link",
    "command": "a command",
    "error": "an error",
    "file": "a file",
    "endpoint": "an endpoint",
    "library": "a library",
    "commit": "a commit",
    "line": "",
    "version": "",
    "function": "a function",
    "test": "a test",
    "setting": "a setting",
    "branch": "a branch",
    "table": "a table",
    "service": "a service",
    "region": "a region",
}


# An identifier after a preposition goes with it ("impute the blanks in churn_flag" -> "impute
# the blanks"); as a subject or an object it reads "a function" ("explain parse_invoice").
# Measured on the foreign dev set: "a function" everywhere drew intents together (docs/benchmarks.md).
DROPPED_AFTER_PREPOSITION = frozenset({"function", "table"})


@dataclass(frozen=True)
class CodeSpan:
    start: int
    end: int
    kind: str  # a GENERIC key


_BRANCH_VERB = re.compile(r"\b(?:checkout|switch|branch|merge|rebase|push|pull|into)\s+$", re.I)
_TABLE_VERB = re.compile(r"\b(?:join|joining|query|querying|select \* from|from table)\s+$", re.I)


def _dotted_is_code(token: str) -> bool:
    parts = token.split("(")[0].split(".")
    if "(" in token:
        return True
    if parts[-1].lower() in _NOT_DOTTED_END or all(len(p) <= 2 for p in parts):
        return False  # example.com, Node.js, e.g, U.S
    if all(p[:1].isupper() for p in parts):
        return False  # Sofia.Chen, St.Louis: names
    if parts[0].isalpha() and parts[0].islower() and any(p[:1].isupper() for p in parts[1:]):
        return False  # "my account.What should", "new fees.I'm": a sentence without its space
    return any(p[:1].islower() or "_" in p for p in parts)


def _kind_of_identifier(token: str) -> str:
    """What a bare identifier most likely is: a test, a setting (UPPER_SNAKE), else a function."""
    low = token.lower().strip("_")
    if low.startswith("test") and len(low) > 4 and not low[4].isalpha() or low.endswith("_test"):
        return "test"
    if token.startswith("Test") and token[4:5].isupper():
        return "test"
    if token.isupper():
        return "setting"
    return "function"


def _backticked(inner: str) -> str:
    inner = inner.strip()
    if not inner:
        return "command"
    if " " in inner:
        return "command"
    sub = code_spans(inner)
    if sub and sub[0].start == 0 and sub[0].end == len(inner):
        return sub[0].kind
    return "function"


def code_spans(text: str) -> list[CodeSpan]:
    """The code tokens of `text`, in order, none overlapping (the first pattern to claim a
    character keeps it). Identifiers are typed: a test, a setting, else a function."""
    taken = [False] * len(text)
    found: list[CodeSpan] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            g = next((n for n in ("tok", "tok2") if m.groupdict().get(n)), 0)
            a, b = m.span(g)
            token = m.group(g)
            if b <= a or any(taken[a:b]):
                continue
            k = kind
            if kind == "function" and "." in token.split("(")[0] and not _dotted_is_code(token):
                continue
            if kind == "function" and "." not in token and "(" not in token:
                if token.isdigit() or re.fullmatch(r"[A-Z]{1,3}_\d+|_+", token):
                    continue
                k = _kind_of_identifier(token)
            if kind == "command":
                k = _backticked(token[1:-1])
            if kind == "file" and not re.search(r"[A-Za-z]{2}", token):
                continue  # 12/05/2024: a date
            if kind == "file" and re.fullmatch(r"[A-Z][a-z]+\.js", token, re.I):
                continue  # Node.js, Vue.js: a runtime's name
            if (
                kind == "file"
                and "." not in token.rsplit("/", 1)[-1]
                and _BRANCH_VERB.search(text[max(0, a - 20) : a])
            ):
                k = "branch"  # "git checkout feature/login-fix/v2"
            if k == "function" and _TABLE_VERB.search(text[max(0, a - 20) : a]):
                k = "table"  # "join web_events and tickets", "select from orders_2024"
            if kind == "pascal":
                if not _next_to_kind_noun(text, a, b):
                    continue
                k = "function"
            for i in range(a, b):
                taken[i] = True
            if kind != "keep":
                found.append(CodeSpan(a, b, k))
    return sorted(found, key=lambda s: s.start)


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z]+(?: ?[A-Za-z]+)?)")


def _next_to_kind_noun(text: str, a: int, b: int) -> bool:
    return _kind_noun_before(text, a) is not None or _kind_noun_after(text, b) is not None


def _kind_noun_before(text: str, a: int) -> re.Match[str] | None:
    m = _WORD_BEFORE.search(text[max(0, a - 40) : a])
    return m if m and _KIND_NOUN_RX.match(m.group(1)) else None


def _kind_noun_after(text: str, b: int) -> str | None:
    m = _WORD_AFTER.match(text[b : b + 40])
    if not m:
        return None
    for cand in (m.group(1), m.group(1).split()[0]):
        if _KIND_NOUN_RX.match(cand.replace(" ", " ")):
            return cand
    return None


def mask_code(text: str) -> str:
    """`text` with every code token blanked to spaces, the same length (match positions still
    point into the original): what the word-cue facets read."""
    if not text:
        return text
    chars = list(text)
    for s in code_spans(text):
        chars[s.start : s.end] = " " * (s.end - s.start)
    return "".join(chars)


_PREP = r"of|in|on|from|for|to|by|with|using|inside|at|into|via|over|against"
_QUOTES = "'\"`\u2018\u2019\u201c\u201d"


def abstract_code(text: str) -> str:
    """`text` with each code token replaced by a generic word: "explain parse_invoice in
    billing/invoice.py" -> "explain a function in a file". Next to a code noun the token just
    goes ("the parse_invoice function" -> "the function"); a quote holding only a token goes
    with its quotes; version numbers and line numbers are dropped."""
    spans = code_spans(text)
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for s in spans:
        a, b = s.start, s.end
        # a quote around the token alone goes with it
        if a > 0 and b < len(text) and text[a - 1] in _QUOTES and text[b] in _QUOTES:
            a, b = a - 1, b + 1
        before = text[pos:a]
        word = GENERIC.get(s.kind, "")
        noun_before = _kind_noun_before(text, a)
        if noun_before is not None or _kind_noun_after(text, b) is not None:
            word = ""  # "the parse_invoice function" -> "the function"
        elif s.kind in DROPPED_AFTER_PREPOSITION and (
            m := re.search(
                rf"\s*\b(?:{_PREP})\s+(?:(?:the|a|an|my|our|this|that)\s+)?$", before, re.I
            )
        ):
            before, word = before[: m.start()], ""  # "the blanks in churn_flag" -> "the blanks"
        elif s.kind == "version" and (
            m := re.search(r"\s*\b(?:to|from|version)\s+$", before, re.I)
        ):
            before = before[: m.start()]  # "upgrade to v2.1.0" -> "upgrade"
        elif m := re.search(r"\b(?:the|a|an|my|our|this|that)\s+$", before, re.I):
            before = before[: m.start()]  # "the a file" -> "a file", "the fn_x" -> ""
        out.append(before)
        out.append(word)
        pos = b
    out.append(text[pos:])
    joined = "".join(out)
    joined = re.sub(r"[ \t]{2,}", " ", joined)
    joined = re.sub(r"\s+([,.;:!?])", r"\1", joined)
    # the same generic word twice in a row ("a file, a file") says it once
    joined = re.sub(r"\b(an? \w+)(?:(?:,| and| or)? \1\b)+", r"\1", joined)
    return joined.strip()
