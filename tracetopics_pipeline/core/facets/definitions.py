"""Facet definitions and the YAML file they live in (docs/facets.md).

A facet is one lens on a trace: a name, a preprocessor that turns the trace into text, a prompt
for a language model, an optional exclusion regex and an optional fixed label set. The local
(offline) backend reads extra hints from each label (description, examples, keywords) and from
the facet's `local` block. Loading validates everything up front so a typo fails the run at
start, with the field and line named, instead of half-way through a partition.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tracetopics_pipeline.core import yamlfile
from tracetopics_pipeline.core.names import name_problem, text_problem

PACKAGED_FACETS = Path(__file__).resolve().parents[2] / "facets.yaml"
BUILTIN_PREPROCESSORS = ("thread", "user_messages", "errors_only", "with_metadata")
LOCAL_KINDS = ("task", "sentiment", "issues", "rules")
PROTOTYPE_MODES = ("off", "fallback", "only")  # embedding prototypes for labelled facets
DEFAULT_MAX_TOKENS = 2000
MAX_MAX_TOKENS = 32_768  # a summary's reply, not a document: more is a typo that a model rejects


class FacetConfigError(ValueError):
    """A facet file that cannot be used; the message names the file, line and field."""


def facet_key(name: str) -> str:
    """Snake-case key used as the SQL struct field: 'Task' -> 'task', 'Churn risk' -> 'churn_risk'."""
    key = re.sub(r"[^0-9a-zA-Z]+", "_", name.strip()).strip("_").lower()
    if not key:
        raise ValueError(f"facet name {name!r} has no letters or digits")
    return key if not key[0].isdigit() else f"f_{key}"


def text_hash(text: str) -> str:
    """Stable hash of a summary text: the key into summary_embeddings."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _digest(obj: Any) -> str:
    return hashlib.sha1(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class LabelSpec:
    """One allowed label: what it means, examples, and keyword regexes for the local backend."""

    name: str
    description: str = ""
    examples: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    # how the value reads to a person, singular ("Bug fix request"), on every surface (filters,
    # pills, `facets list`); else the value as words ("FAILED_TOOL_CALL" -> "Failed tool call")
    display: str = ""
    title: str = ""  # its parent topic's name when the plural of `display` reads badly


@dataclass(frozen=True)
class ExtractRule:
    """Local-backend extraction for open-ended facets: a regex and a summary template.

    The template may use {match} (the matched text, title-cased), {sentence} (the sentence
    it occurs in) and any named group of the pattern.
    """

    pattern: str
    summary: str = "{match}: {sentence}"
    label: str | None = None


@dataclass(frozen=True)
class Facet:
    name: str
    key: str
    description: str
    preprocessor: str = "thread"
    prompt: str = ""
    exclude: str | None = None
    labels: list[str] | None = None
    label_specs: tuple[LabelSpec, ...] = ()
    default_label: str | None = None  # what the local backend answers when no rule fires
    none_label: str | None = None  # how the default label reads as a topic ("No issue")
    rules: tuple[ExtractRule, ...] = ()
    local: dict[str, Any] = field(default_factory=dict)  # {kind: task|sentiment|issues|rules, ...}
    max_tokens: int = DEFAULT_MAX_TOKENS
    group_sessions: bool = False
    # its labels are themselves a measure of pain (Sentiment, Churn risk): "what changed" does
    # not report such a facet's topics as more negative than usual, which they are by design
    measures_pain: bool = False
    # its labels are listed most severe first (Churn risk: CRITICAL, HIGH, MEDIUM, LOW): topic
    # lists rank its label topics in that order, then by share (review rv13 M6)
    severity_order: bool = False

    @property
    def local_kind(self) -> str:
        return str(self.local.get("kind", "rules"))

    @property
    def none_text(self) -> str:
        """How the default label reads to a person: `none_label`, else "No <facet name>"."""
        return self.none_label or f"No {self.name.lower()}"

    @property
    def label_names(self) -> dict[str, str]:
        """How each label value reads to a person, in the facet's order: one rule for the CLI
        and the explorer (review rv6 E5). A label's `display` from the facet file, else the value
        as words ("FAILED_TOOL_CALL" -> "Failed tool call"); the default label as `none_text`
        ("No issue"). Singular: a value names one trace's label, its parent topic the plural
        ("Bug fix request" -> topic "Bug fix requests")."""
        from tracetopics_pipeline.core.topics.labels.cleaning import readable_value

        names = {s.name: s.display or readable_value(s.name) for s in self.label_specs}
        if self.default_label:
            names[self.default_label] = self.none_text
        return names

    @property
    def prompt_hash(self) -> str:
        """Changes whenever what a model would be asked changes (part of the cache key)."""
        return _digest(
            {
                "name": self.name,
                "description": self.description,
                "preprocessor": self.preprocessor,
                "prompt": self.prompt,
                "labels": [(s.name, s.description, list(s.examples)) for s in self.label_specs],
                "max_tokens": self.max_tokens,
                "group_sessions": self.group_sessions,
            }
        )

    @property
    def fingerprint(self) -> str:
        """Hash of the whole definition, local rules and exclusion included."""
        return _digest(
            {
                "prompt_hash": self.prompt_hash,
                "exclude": self.exclude,
                "default_label": self.default_label,
                "keywords": [list(s.keywords) for s in self.label_specs],
                "rules": [(r.pattern, r.summary, r.label) for r in self.rules],
                "local": self.local,
            }
        )

    def excluded(self, summary: str | None) -> bool:
        """True when the output matches the exclusion regex (kept on the trace, out of topics)."""
        return bool(
            self.exclude and summary is not None and _compiled(self.exclude).search(summary)
        )


_REGEX_CACHE: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    rx = _REGEX_CACHE.get(pattern)
    if rx is None:
        rx = _REGEX_CACHE[pattern] = re.compile(pattern, re.IGNORECASE)
    return rx


def facets_fingerprint(facets: list[Facet]) -> str:
    """One hash over every facet definition; a sensor re-runs facets when it changes."""
    return _digest([(f.name, f.fingerprint) for f in facets])


def facet_fingerprints(facets: list[Facet]) -> dict[str, str]:
    """Per-facet fingerprints, to tell which facets changed (→ `only_facets`)."""
    return {f.name: f.fingerprint for f in facets}


def find_facet(facets: list[Facet], name: str) -> Facet:
    """Look a facet up by name or key, case-insensitively."""
    want = name.strip().lower()
    for f in facets:
        if want in (f.name.lower(), f.key):
            return f
    known = ", ".join(f.name for f in facets)
    raise KeyError(f"no facet named {name!r} (known: {known})")


# --- YAML loading with line numbers ------------------------------------------------------


def _hint(value: object, kind: type | tuple[type, ...]) -> str:
    """What to do about a YAML 1.1 reading: yes/no/on/off are booleans, 1e400 is text."""
    if isinstance(value, bool) and kind in (str, (str,)):
        return " (quote it: yes, no, on, off, true and false are read as booleans)"
    if isinstance(value, str) and kind is int:
        return f" ({value!r} is not a whole number)"
    return ""


class _Node:
    """A YAML value with the line it starts on (1-based)."""

    __slots__ = ("value", "line")

    def __init__(self, value: Any, line: int) -> None:
        self.value = value
        self.line = line


def _to_nodes(node: yaml.Node) -> _Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, _Node] = {}
        for k, v in node.value:
            out[str(_plain(_to_nodes(k)))] = _to_nodes(v)
        return _Node(out, line)
    if isinstance(node, yaml.SequenceNode):
        return _Node([_to_nodes(v) for v in node.value], line)
    return _Node(yamlfile.scalar(node), line)


def _plain(node: _Node) -> Any:
    """A node tree back to plain Python values."""
    if isinstance(node.value, dict):
        return {k: _plain(v) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [_plain(v) for v in node.value]
    return node.value


def _veto_entry(u: Any) -> bool:
    """A `local.unless` entry: a regex, or a mapping of `regex`, an optional `match` and an
    optional `reads: onward` (the regex reads on from the sentence to the end of the user's next
    turn)."""
    if isinstance(u, str):
        return True
    return (
        isinstance(u, dict)
        and isinstance(u.get("regex"), str)
        and set(u) <= {"regex", "match", "reads"}
        and all(isinstance(v, str) for v in u.values())
        and u.get("reads", "onward") == "onward"
    )


class _Reader:
    """Typed field access that raises FacetConfigError naming file, line and field."""

    def __init__(self, source: str, node: _Node, where: str) -> None:
        self.source, self.node, self.where = source, node, where
        if not isinstance(node.value, dict):
            self.fail(node.line, "", f"expected a mapping, got {type(node.value).__name__}")
        self.map: dict[str, _Node] = node.value

    def fail(self, line: int, fld: str, msg: str) -> None:
        name = f" field '{fld}'" if fld else ""
        raise FacetConfigError(f"{self.source} line {line}: {self.where}{name}: {msg}")

    def line(self, fld: str) -> int:
        return self.map[fld].line if fld in self.map else self.node.line

    def check_known(self, allowed: set[str]) -> None:
        for k, v in self.map.items():
            if k not in allowed:
                self.fail(v.line, k, f"unknown field (allowed: {', '.join(sorted(allowed))})")

    def get(
        self,
        fld: str,
        kind: type | tuple[type, ...],
        default: Any = None,
        *,
        required: bool = False,
    ) -> Any:
        if fld not in self.map or self.map[fld].value is None:
            if required:
                self.fail(self.node.line, fld, "is required")
            return default
        n = self.map[fld]
        if not isinstance(n.value, kind) or (kind is int and isinstance(n.value, bool)):
            names = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            self.fail(n.line, fld, f"must be {names}, got {type(n.value).__name__}"
                      + _hint(n.value, kind))  # fmt: skip
        if isinstance(n.value, str) and kind in (str, (str,)):
            problem = text_problem(n.value)
            if problem is not None:
                self.fail(n.line, fld, f"{problem}; remove it")
        return n.value

    def str_list(self, fld: str) -> tuple[str, ...]:
        items = self.get(fld, list, [])
        out = []
        for it in items:
            if not isinstance(it.value, str):
                self.fail(it.line, fld, "items must be strings" + _hint(it.value, str))
            if (problem := text_problem(it.value)) is not None:
                self.fail(it.line, fld, f"{problem}; remove it")
            out.append(it.value)
        return tuple(out)

    def visible(self, fld: str, value: str | None, line: int) -> None:
        """A name by the one rule for typed names (core/names.py)."""
        problem = name_problem(value or "", needs_word=False)
        if problem is not None:
            self.fail(line, fld, problem)

    def regex(self, fld: str, value: str, line: int) -> str:
        try:
            re.compile(value, re.IGNORECASE)
        except re.error as e:
            self.fail(line, fld, f"invalid regex {value!r}: {e}")
        return value


_FACET_FIELDS = {
    "name", "description", "preprocessor", "prompt", "exclude", "labels", "default_label",
    "none_label", "rules", "local", "max_tokens", "group_sessions", "measures_pain",
    "severity_order",
}  # fmt: skip


def _parse_facet(source: str, node: _Node, index: int, defaults: dict[str, Any]) -> Facet:
    r = _Reader(source, node, f"facets[{index}]")
    name = r.get("name", str, required=True).strip()
    r.visible("name", name, r.line("name"))
    r.where = f"facet '{name}'"
    r.check_known(_FACET_FIELDS)
    try:
        key = facet_key(name)
    except ValueError as e:
        r.fail(r.line("name"), "name", str(e))
    pre = r.get("preprocessor", str, defaults.get("preprocessor", "thread"))
    if pre not in BUILTIN_PREPROCESSORS and not re.fullmatch(r"[\w.]+[.:]\w+", pre):
        r.fail(r.line("preprocessor"), "preprocessor",
               f"{pre!r} is neither built-in ({', '.join(BUILTIN_PREPROCESSORS)}) nor a dotted path")  # fmt: skip
    exclude = r.get("exclude", str)
    if exclude is not None:
        r.regex("exclude", exclude, r.line("exclude"))

    specs: list[LabelSpec] = []
    for i, ln in enumerate(r.get("labels", list, [])):
        if isinstance(ln.value, str):
            r.visible("labels", ln.value, ln.line)
            specs.append(LabelSpec(ln.value.strip()))
            continue
        lr = _Reader(source, ln, f"facet '{name}' labels[{i}]")
        lr.check_known({"name", "description", "examples", "keywords", "display", "title"})
        kws = lr.str_list("keywords")
        for kw in kws:
            lr.regex("keywords", kw, lr.line("keywords"))
        for fld in ("name", "display", "title"):
            lr.visible(fld, lr.get(fld, str), lr.line(fld))
        display = " ".join(lr.get("display", str, "").split())
        if len(display.split()) > 6:
            lr.fail(lr.line("display"), "display", "must be 1 to 6 words, e.g. 'Bug fix request'")
        specs.append(LabelSpec(lr.get("name", str, required=True).strip(),
                               lr.get("description", str, ""), lr.str_list("examples"), kws,
                               display, lr.get("title", str, "").strip()))  # fmt: skip
    names = [s.name for s in specs]
    if len(set(names)) != len(names):
        r.fail(r.line("labels"), "labels", "label names must be unique")
    default_label = r.get("default_label", str)
    r.visible("default_label", default_label, r.line("default_label"))
    if default_label is not None and specs and default_label not in names:
        r.fail(r.line("default_label"), "default_label", f"{default_label!r} is not one of {names}")
    none_label = r.get("none_label", str)
    r.visible("none_label", none_label, r.line("none_label"))
    if none_label is not None and not 1 <= len(none_label.split()) <= 6:
        r.fail(r.line("none_label"), "none_label", "must be 1 to 6 words, e.g. 'No issue'")

    rules: list[ExtractRule] = []
    for i, rn in enumerate(r.get("rules", list, [])):
        rr = _Reader(source, rn, f"facet '{name}' rules[{i}]")
        rr.check_known({"pattern", "summary", "label"})
        pat = rr.regex("pattern", rr.get("pattern", str, required=True), rr.line("pattern"))
        rr.visible("label", rr.get("label", str), rr.line("label"))
        rules.append(
            ExtractRule(pat, rr.get("summary", str, "{match}: {sentence}"), rr.get("label", str))
        )

    local = r.get("local", dict, {})
    local_plain = {k: _plain(v) for k, v in local.items()}
    if "kind" in local_plain and local_plain["kind"] not in LOCAL_KINDS:
        r.fail(local["kind"].line, "local.kind", f"must be one of {', '.join(LOCAL_KINDS)}")
    if local_plain.get("prototypes") is False:  # YAML reads a bare `off` as false
        local_plain["prototypes"] = "off"
    if "prototypes" in local_plain and local_plain["prototypes"] not in PROTOTYPE_MODES:
        r.fail(local["prototypes"].line, "local.prototypes",
               f"must be one of {', '.join(PROTOTYPE_MODES)}")  # fmt: skip
    for fld in ("semantic", "classifier"):
        if fld in local_plain and not isinstance(local_plain[fld], bool):
            r.fail(local[fld].line, f"local.{fld}", "must be true or false")
    for fld in ("min_similarity", "margin"):
        v = local_plain.get(fld)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int | float)):
            r.fail(local[fld].line, f"local.{fld}", "must be a number")
    # sentences (clauses) the keyword rules do not read: regexes, or {regex, match} to veto only
    # the keyword matches whose text `match` finds
    for fld in ("unless", "unless_clause"):
        if fld not in local_plain:
            continue
        unless = local_plain[fld]
        if isinstance(unless, str):
            unless = local_plain[fld] = [unless]
        if not isinstance(unless, list) or not all(_veto_entry(u) for u in unless):
            r.fail(local[fld].line, f"local.{fld}",
                   "must be a list of regexes or {regex, match, reads: onward} mappings")  # fmt: skip
        for u in unless:
            for rx in [u] if isinstance(u, str) else (u["regex"], u.get("match") or ""):
                r.regex(f"local.{fld}", rx, local[fld].line)
    max_tokens = r.get("max_tokens", int, defaults.get("max_tokens", DEFAULT_MAX_TOKENS))
    if not 50 <= max_tokens <= MAX_MAX_TOKENS:
        r.fail(r.line("max_tokens"), "max_tokens", f"must be 50 to {MAX_MAX_TOKENS:,}")
    return Facet(
        name=name,
        key=key,
        description=r.get("description", str, "").strip(),
        preprocessor=pre,
        prompt=r.get("prompt", str, "").strip(),
        exclude=exclude,
        labels=names or None,
        label_specs=tuple(specs),
        default_label=default_label,
        none_label=none_label.strip() if none_label else None,
        rules=tuple(rules),
        local=local_plain,
        max_tokens=max_tokens,
        group_sessions=r.get("group_sessions", bool, bool(defaults.get("group_sessions", False))),
        measures_pain=r.get("measures_pain", bool, False),
        severity_order=r.get("severity_order", bool, False),
    )


# `(?&name)` in a facet's text stands for the top-level `pieces:` entry `name`, as `(?:...)`: a
# regex alternation many patterns share is written once (a YAML alias reuses only a whole value).
# Python's re has no `(?&`, so no valid pattern is read as a use of a piece.
_PIECE = re.compile(r"\(\?&(\w+)\)")


def _pieces(source: str, top: _Reader) -> dict[str, str]:
    """The file's named regex pieces, each checked to compile on its own."""
    node = top.get("pieces", dict, {})
    pr = _Reader(source, _Node(node, top.line("pieces")), "pieces")
    out: dict[str, str] = {}
    for name in node:
        if not re.fullmatch(r"\w+", name):
            pr.fail(node[name].line, name, "a piece's name is letters, digits and _")
        out[name] = pr.regex(name, pr.get(name, str, required=True), node[name].line)
    return out


def _use_pieces(source: str, node: _Node, pieces: dict[str, str]) -> None:
    """Put each `(?&name)` in the strings under `node` as its piece (in place)."""

    def one(m: re.Match[str]) -> str:
        if m[1] not in pieces:
            known = ", ".join(sorted(pieces)) or "none"
            raise FacetConfigError(
                f"{source} line {node.line}: `{m[0]}` names no piece (top-level `pieces:`: {known})"
            )
        return f"(?:{pieces[m[1]]})"

    if isinstance(node.value, dict):
        for v in node.value.values():
            _use_pieces(source, v, pieces)
    elif isinstance(node.value, list):
        for v in node.value:
            _use_pieces(source, v, pieces)
    elif isinstance(node.value, str) and "(?&" in node.value:
        node.value = _PIECE.sub(one, node.value)


def parse_facets(text: str, source: str = "<facets>") -> list[Facet]:
    """Parse a facet file's text; raises FacetConfigError naming field and line."""
    try:
        root = yamlfile.compose(text, source)
    except yamlfile.YamlFileError as e:
        raise FacetConfigError(str(e)) from None
    if root is None:
        raise FacetConfigError(f"{source} line 1: empty facet file")
    top = _Reader(source, _to_nodes(root), "top level")
    top.check_known({"version", "defaults", "pieces", "facets"})
    dnode = top.get("defaults", dict, {})
    dr = _Reader(source, _Node(dnode, top.line("defaults")), "defaults")
    dr.check_known({"preprocessor", "max_tokens", "group_sessions"})
    defaults = {k: v.value for k, v in dnode.items()}
    items = top.get("facets", list, required=True)
    if not items:
        top.fail(top.line("facets"), "facets", "must list at least one facet")
    pieces = _pieces(source, top)
    for n in items:
        _use_pieces(source, n, pieces)
    facets = [_parse_facet(source, n, i, defaults) for i, n in enumerate(items)]
    seen: dict[str, int] = {}
    for f, n in zip(facets, items, strict=True):
        if f.key in seen:
            top.fail(
                n.line,
                "name",
                f"facet '{f.name}' collides with facets[{seen[f.key]}] (same key {f.key!r})",
            )
        seen[f.key] = len(seen)
    return facets


def load_facets(path: Path | str | None = None) -> list[Facet]:
    """Load facets from `path`, else $TRACETOPICS_FACETS, else the packaged facets.yaml."""
    from tracetopics_pipeline.core.settings import Settings

    p = Path(path or Settings.from_env().facets_file or PACKAGED_FACETS)
    try:
        text = yamlfile.decode(yamlfile.read_bytes(p, "facet file"), str(p))
    except yamlfile.YamlFileError as e:
        raise FacetConfigError(str(e)) from None
    return list(_parsed(text, str(p)))


@functools.lru_cache(maxsize=8)
def _parsed(text: str, source: str) -> tuple[Facet, ...]:
    """parse_facets by the file's text: each explorer request, the home's facts and the topic
    lists read the facet file (0.1-0.4 s of YAML each on 2 busy cores); an edited file is new
    text, parsed again. Facets are frozen; callers get a list of their own."""
    return tuple(parse_facets(text, source))
