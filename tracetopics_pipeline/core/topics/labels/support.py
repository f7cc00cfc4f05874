"""Support: the words a topic shares.

A name's every content word must be used by a good share of the topic's traffic: a word in 1-2
of 80 summaries (a person's name, an address, one customer's vendor) cannot name the topic,
and a parent's name must be shared across its subtopics, not be its biggest child's wording.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from tracetopics_pipeline.core.topics.labels.cleaning import clean_for_naming
from tracetopics_pipeline.core.topics.labels.questions import ASKED_AS, REQUEST_WORD, asked_for
from tracetopics_pipeline.core.topics.labels.words import (
    ACTION_CLASSES,
    CLAUSE_SPLIT,
    FUNCTION_WORDS,
    GREETING_WORDS,
    PARTICLES,
    TOKEN,
)


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem, so that "exports", "exported" and "exporting" count as "export"."""
    w = word.lower().removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4 - (suffix in ("es", "s")):
            if suffix == "s" and w.endswith("ss"):
                break
            w = w[: -len(suffix)]
            if suffix in ("ing", "ed") and len(w) > 3 and w[-1] == w[-2] and w[-1] in "bdgmnprt":
                w = w[:-1]  # "embedded", "stopped"
            break
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


def content_words(label: str) -> list[str]:
    """The words of a name that carry meaning (no glue), stemmed; numbers count ("60 seats" is
    a detail unless the topic is about 60 seats)."""
    return [
        stem(t)
        for t in TOKEN.findall(label)
        if t.lower() not in FUNCTION_WORDS and not GREETING_WORDS.fullmatch(t)
    ]


def word_support(texts: list[str], weights: list[float] | None = None) -> dict[str, float]:
    """Share of the traffic (`weights`: traces per text) whose text uses each stemmed word."""
    w = weights if weights is not None else [1.0] * len(texts)
    total = float(sum(w)) or 1.0
    out: Counter[str] = Counter()
    for text, n in zip(texts, w, strict=True):
        for word in text_stems(text):
            out[word] += n
    return {k: v / total for k, v in out.items()}


@lru_cache(maxsize=1 << 16)
def text_stems(text: str) -> frozenset[str]:
    # A map's texts are read several times (each level's topics, the facet, the parents'
    # children): their words are found once per process.
    clean = clean_for_naming(text)
    low = clean.lower()
    # a question asks for what the namer calls it ("how long" -> "time", `questions`)
    asked = {stem(word) for q, word in ASKED_AS.items() if re.search(rf"\b{q}\b", low)}
    # a clause asking for the other side's object says "request" ("Where's your DPA")
    if any(asked_for(TOKEN.findall(c)) for c in CLAUSE_SPLIT.split(low) if "your" in c):
        asked.add(stem(REQUEST_WORD))
    toks = TOKEN.findall(clean)
    return frozenset(stem(t) for t in toks) | asked | closed_phrasals(toks)


def closed_phrasals(tokens: list[str]) -> set[str]:
    """The verb class words a text's phrasal verbs write as one ("set up" -> "setup", "log in"
    -> "login"), stemmed: a text that sets up SSO says "SSO setup"."""
    low = [t.lower() for t in tokens]
    return {
        st
        for a, b in zip(low, low[1:], strict=False)
        if b in PARTICLES and (st := stem(a + b)) in _CLASS_WORDS
    }


def rare_words(label: str, support: dict[str, float], facet_words: dict[str, float]) -> list[str]:
    """The name's words rarer than RARE_WORD across the facet (`facet_words`: its `word_support`)
    that less than RARE_SUPPORT of the topic uses: details (a person, an address, one customer's vendor),
    not what the topic is about."""
    return [
        w
        for w in content_words(label)
        if facet_words.get(w, 0.0) < RARE_WORD
        and support.get(w, 0.0) < RARE_SUPPORT
        and w not in _CATEGORY_STEMS
        and w not in CLASS_VERBS  # a verb class's noun: the namer's word, said by its verbs
    ]


# A name's every content word is said by at least this many of its topic's traces: a word one
# writer used ("Umsatz Q3 dashboard": one customer's German; a typo; a one-off product name) is
# that trace's, not the topic's, however small the topic.
MIN_TRACES = 2


def one_trace_words(label: str, support: dict[str, float], traffic: float) -> list[str]:
    """The name's content words fewer than MIN_TRACES of the topic's traces use (`support`: its
    `word_support` over all its members, `traffic`: their traces); none in a topic of fewer
    traces. A category noun or a verb class's noun is the namer's word, not a trace's."""
    if traffic < MIN_TRACES:
        return []
    return [
        w
        for w in content_words(label)
        if support.get(w, 0.0) * traffic < MIN_TRACES - 1e-6
        and w not in _CATEGORY_STEMS
        and w not in CLASS_VERBS
    ]


def has_digit(label: str) -> bool:
    """The name holds a digit (an amount, a period, a version)."""
    return any(c.isdigit() for c in label)


def number_details(label: str, support: dict[str, float]) -> list[str]:
    """The name's words with a digit ("60 seats", "Q3") that less than RARE_SUPPORT of the
    topic's traffic uses: an amount or a period of a few requests, not what the topic is about."""
    return [
        w
        for w in content_words(label)
        if any(c.isdigit() for c in w) and support.get(w, 0.0) < RARE_SUPPORT
    ]


def name_support(
    label: str,
    support: dict[str, float],
    facet_words: dict[str, float] | None = None,
    *,
    classes: bool = False,
) -> float:
    """The share of traffic using the name's least used content word (1.0 without any); 0 when
    it has a rare word (`rare_words`, given the facet's word support). `classes`: a parent's
    name, whose verb class noun its verbs say (`_alternatives`)."""
    if facet_words is not None and rare_words(label, support, facet_words):
        return 0.0
    return min(
        (max(support.get(v, 0.0) for v in alt) for alt in _alternatives(label, classes)),
        default=1.0,
    )


def _verb_stems(word: str) -> list[str]:
    """A stemmed word and, for a noun in -ion/-ment, its verb's: "connection" is used where
    "connect" is (the namer may call a shared verb by its noun, `abstract_name`)."""
    out = [word]
    for suffix in ("ion", "ment"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            out += [stem(base), stem(base + "e")]
    return out


def _alternatives(label: str, classes: bool) -> list[list[str]]:
    """Per content word (stemmed, no category noun) of a name, the stems that say it
    (`_verb_stems`), and with `classes` (a parent's name, `naming.class_name`), for a verb
    class's noun (`words.ACTION_CLASSES`) after another word whose class it is not (the head of
    a noun phrase, "Plan change", not the verb of a request, "Change plan", nor "Charged for
    payments"), its verbs': "change" is said where "upgrade" or "switch" is. A parent's two
    words joined by "and" / "or" before a category noun are one word said by either ("Invoice
    and payment questions": what its subtopics share between them, `naming.pair_name`)."""
    words = [w for w in content_words(label) if w not in _CATEGORY_STEMS]
    out = []
    for j, w in enumerate(words):
        alt = _verb_stems(w)
        verbs = CLASS_VERBS.get(w, frozenset()) if classes and j else frozenset()
        if verbs and not any(x in verbs for x in words[:j] + words[j + 1 :]):
            alt = alt + sorted(verbs)
        out.append(alt)
    pair = _coordinated(label) if classes else None
    if pair is not None and len(out) > pair + 1:
        out[pair : pair + 2] = [out[pair] + out[pair + 1]]
    return out


def _coordinated(label: str) -> int | None:
    """0 for a name of two words joined by "and" / "or" before a category noun ("Invoice and
    payment questions", `naming.pair_name`): its first content word; None for any other name
    ("Exchanges and holding", a phrase of the texts, says both)."""
    toks = [t.lower() for t in TOKEN.findall(label)]
    if len(toks) != 4 or toks[1] not in ("and", "or") or stem(toks[3]) not in _CATEGORY_STEMS:
        return None
    pair = (toks[0], toks[2])
    if any(w in FUNCTION_WORDS or stem(w) in _CATEGORY_STEMS for w in pair):
        return None
    return 0


def mixed_support(supports: list[dict[str, float]], sizes: list[float]) -> dict[str, float]:
    """Word support of several topics together (each weighted by its traffic)."""
    total = float(sum(sizes)) or 1.0
    out: Counter[str] = Counter()
    for sup, size in zip(supports, sizes, strict=True):
        for w, v in sup.items():
            out[w] += v * size
    return {w: v / total for w, v in out.items()}


def parent_support(children: list[dict[str, float]], sizes: list[float]) -> dict[str, float]:
    """A parent's word support: the share of its traffic in subtopics that use the word (in at
    least CHILD_USE of their own traffic), so a word one child uses heavily counts for that
    child's size only, and one that most children use now and then counts for all of them.
    A parent of one subtopic is that subtopic: its support is the subtopic's."""
    if len(children) == 1:
        return dict(children[0])
    total = float(sum(sizes)) or 1.0
    out: Counter[str] = Counter()
    for sup, size in zip(children, sizes, strict=True):
        for w, v in sup.items():
            if v >= CHILD_USE:
                out[w] += size
    return {w: v / total for w, v in out.items()}


def coverage(label: str, children: list[tuple[dict[str, float], float]]) -> float:
    """The share of a parent's traffic in subtopics that support its name, each of the name's
    content words used by CHILD_USE of the subtopic's traffic (`children`: word_support and
    traffic per subtopic). Unlike `name_support` (each word on its own), the words must hold
    together in one subtopic: "Dashboard as CSV" is covered by the CSV exports only, though
    every export names a dashboard and some name CSV."""
    alts = _alternatives(label, True)
    total = float(sum(size for _, size in children)) or 1.0
    covered = sum(
        size
        for sup, size in children
        if all(any(sup.get(v, 0.0) >= CHILD_USE for v in alt) for alt in alts)
    )
    return covered / total


def text_words(
    texts: list[str], weights: list[float] | None = None
) -> list[tuple[frozenset[str], float]]:
    """Each text's stemmed words with its weight (traces), for `held_by`."""
    w = weights if weights is not None else [1.0] * len(texts)
    return [(text_stems(t), float(n)) for t, n in zip(texts, w, strict=True)]


def held_by(
    label: str, words: list[tuple[frozenset[str], float]], *, classes: bool = False
) -> float:
    """The share of a topic's traffic whose own text uses every content word of the name
    together (`words`: `text_words` of its texts; a parent's: of all its subtopics' texts, with
    `classes`: its verb class noun said by its verbs). `name_support` takes each word on its
    own: "We've decided to move to Metabase" passes it when every mention names Metabase and a
    few say "decided"; this counts the mentions that say what the name says (7 of 140)."""
    return Sayers(words, classes=classes).share(label)


def minority_name(
    label: str, words: list[tuple[frozenset[str], float]], *, classes: bool = False
) -> bool:
    """The one rule of what a name covers, at every level: a name says what most of its topic's
    traffic says, so a name fewer than MIN_SAID of its traces say (`held_by`, every content
    word in one text) names a minority of it: "Move number to another carrier" over a topic
    where 8 of 67 traces port a number out, "Charged twice" where 5 of 29 were. `words`: the
    topic's `text_words` (a parent's: all its subtopics' texts, `classes`); False without any."""
    return bool(words) and held_by(label, words, classes=classes) < MIN_SAID


class Sayers:
    """Which texts say a name (every content word of it in one text, as `held_by` reads it), and
    the share of traffic that says it: the one measure the namer (`naming._collect`, a
    candidate's share) and `names_kept` (a kept name's share) both use, so neither keeps a
    name the other would not choose on this ground.

    `words`: `text_words` of the texts; `groups`: each text's group (a parent's subtopic), when
    a name is said by a group as soon as one of its texts says it (a parent's name is shared by
    its subtopics, not by one big subtopic's many texts); `traffic`: each group's whole traffic
    (the texts may be a sample of it; a group none of whose texts is here counts in the total
    and never says anything). Without groups, each text is its own group of its own weight.
    `classes`: a parent's names, whose verb class nouns their verbs say (`_alternatives`)."""

    def __init__(
        self,
        words: list[tuple[frozenset[str], float]],
        groups: list[int] | None = None,
        traffic: dict[int, float] | None = None,
        *,
        classes: bool = False,
    ) -> None:
        self._classes = classes
        self._group = list(range(len(words))) if groups is None else list(groups)
        weight: dict[int, float] = {}
        for g, (_, n) in zip(self._group, words, strict=True):
            weight[g] = weight.get(g, 0.0) + n
        if traffic is not None:
            weight = {**weight, **traffic}
        self._weight = weight
        self._total = sum(weight.values()) or 1.0
        self._index: dict[str, set[int]] = {}
        for i, (ws, _) in enumerate(words):
            for w in ws:
                self._index.setdefault(w, set()).add(i)
        self._all = set(range(len(words)))

    def texts(self, name: str) -> set[int]:
        """Indices of the texts that use every content word of `name` (any of a noun's verb
        stems: "connection" where "connect" is)."""
        out = set(self._all)
        for alt in _alternatives(name, self._classes):
            out &= set().union(*(self._index.get(v, set()) for v in alt))
            if not out:
                break
        return out

    def share(self, name: str) -> float:
        """The share of the traffic in groups where some text says `name` (without groups:
        `held_by`)."""
        return self.weight_of(self.texts(name))

    def weight_of(self, texts: set[int]) -> float:
        """The share of the traffic in groups where one of `texts` (indices) is."""
        said = {self._group[i] for i in texts}
        return sum(self._weight[g] for g in said) / self._total


def without_each_word(name: str) -> list[str]:
    """The name less each word `Sayers` reads in it (a content word, not a category noun), one
    at a time: "Inventory dashboard takes over a minute" -> "dashboard takes over a minute", ...
    (`said_share`: which of its words a paraphrase says). Empty for a name of one such word."""
    toks = TOKEN.findall(name)
    read = [
        j
        for j, t in enumerate(toks)
        if t.lower() not in FUNCTION_WORDS
        and not GREETING_WORDS.fullmatch(t)
        and stem(t) not in _CATEGORY_STEMS
    ]
    if len(read) < 2:
        return []
    return [" ".join(toks[:j] + toks[j + 1 :]) for j in read]


def said_share(
    name: str,
    sayers: Sayers,
    name_vector: np.ndarray,
    vectors: np.ndarray,
    word_vectors: np.ndarray | None = None,
) -> float:
    """The share of a topic's traffic that says `name` literally (`Sayers`, no groups: every
    content word in one text) or in paraphrase: its text's embedding (`vectors`, one unit row
    per text of `sayers`, the map's own: never embedded again) lies within SAID_NEAR cosine of
    the name's (`name_vector`, the same model's) and no word of the name pulls the name away
    from it: the name less any one word (`word_vectors`: the vectors of `without_each_word`)
    lies no more than WORD_PULL nearer the text. A text that says another dashboard, vendor or
    plan in the name's detail's place is near the name, but nearer the name without it
    ("Inventory dashboard takes over a minute" over every dashboard's slow loads: said by 0.52
    of its traces in paraphrase, 0.11 with its words held). Banking77 paraphrases its intents
    ("card hasn't arrived" / "still waiting on my card"): said by 0.35 of their traces
    literally, 0.87 in paraphrase; a telco subtopic named after one bill ("Extra charges on
    November bill") 0.04 and 0.34. The audit's `minority_name` for free-text subtopics reads
    it, and the namer drops a slot's value from a name it finds said by few
    (`naming.said_by_most`; choosing between candidates by it was measured and not kept:
    docs/benchmarks.md, twentieth round). Zero vectors (no comparable embedding) leave the
    literal share; a zero row of `word_vectors` holds nothing back."""
    n = np.asarray(name_vector, np.float32).ravel()
    norm = float(np.linalg.norm(n))
    said = sayers.texts(name)
    if norm and len(vectors):
        v = np.asarray(vectors, np.float32)
        v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
        sims = v @ (n / norm)
        near = sims >= SAID_NEAR
        if word_vectors is not None and len(word_vectors):
            w = np.asarray(word_vectors, np.float32)
            w = w[np.linalg.norm(w, axis=1) > 0]
            w = w / np.maximum(np.linalg.norm(w, axis=1, keepdims=True), 1e-12)
            if len(w):
                near &= (v @ w.T).max(axis=1) <= sims + WORD_PULL
        said |= set(np.flatnonzero(near).tolist())
    return sayers.weight_of(said)


def said_shares(
    names: list[str],
    sayers: Sayers,
    vectors: np.ndarray,
    embed: Callable[[list[str]], np.ndarray],
    floor: float = 0.0,
) -> list[float]:
    """`said_share` of each of `names` over one topic's texts (`sayers`; `vectors`: their rows,
    the map's own), each name and each name less each word (`without_each_word`) embedded once
    by `embed` (the map's model). A name the texts say by less than `floor` without its words
    held (the paraphrase cosine alone, which holding words only lowers) is read so: the
    names less a word are embedded only for the rest."""
    if not names:
        return []
    e = np.asarray(embed(list(names)), np.float32)
    out = [said_share(n, sayers, e[j], vectors) for j, n in enumerate(names)]
    todo = [j for j, s in enumerate(out) if s >= floor]
    less = {names[j]: without_each_word(names[j]) for j in todo}
    flat = list(dict.fromkeys(v for vs in less.values() for v in vs))
    vec = dict(zip(flat, np.asarray(embed(flat), np.float32), strict=True)) if flat else {}
    for j in todo:
        words = np.stack([vec[v] for v in less[names[j]]]) if less[names[j]] else None
        out[j] = said_share(names[j], sayers, e[j], vectors, words)
    return out


def minority_parent(
    label: str,
    children_said: list[list[tuple[frozenset[str], float]]],
    floor: float | None = None,
) -> bool:
    """A parent over several subtopics named by a minority of its traffic while its subtopics
    differ: less than MIN_PARENT_SAID of its traces say the name (`Sayers`: every content word in
    one text; the texts of all its subtopics, `children_said`: `text_words` of each), and some
    subtopic all but never says it (less than SILENT of its traffic): "SSO login" over SSO, SCIM
    and JIT provisioning, "Dashboard to CSV" over every export format. A name its texts phrase
    in many ways but every subtopic uses now and then is not counted. `floor`: the share below
    which the name is a minority's: MIN_PARENT_SAID, or MIN_CLASS_SAID for the namer's
    abstraction step, which asks for most."""
    kids = [c for c in children_said if c]
    if len(kids) < 2:
        return False
    floor = MIN_PARENT_SAID if floor is None else floor
    if Sayers([x for c in kids for x in c], classes=True).share(label) >= floor:
        return False
    return any(Sayers(c, classes=True).share(label) < SILENT for c in kids)


def group_share(
    name: str, said: list[list[tuple[frozenset[str], float]]], traffic: list[float]
) -> float:
    """The share of a parent's traffic in subtopics (`said`: `text_words` of each subtopic's
    texts, `traffic`: each one's) where some text says the name (`Sayers`)."""
    words = [x for s in said for x in s]
    groups = [g for g, s in enumerate(said) for _ in s]
    return Sayers(words, groups, dict(enumerate(traffic)), classes=True).share(name)


MIN_SUPPORT = 0.05  # a subtopic's name: every content word in >= 5% of its traffic
MIN_PARENT_SUPPORT = 0.3  # a parent's: in subtopics holding >= 30% of its traffic
CHILD_USE = 0.2  # a subtopic uses a word when 20% of its traffic does
MIN_COVERAGE = 0.5  # a parent's name: supported by subtopics holding half its traffic
# A name says what most of its topic's traffic says (`minority_name`), at every level: a
# subtopic's, a labelled facet's subtopic's, a parent's.
MIN_SAID = 0.5
MIN_HELD = MIN_SAID  # the namer's and names_kept's name for it
# A text says a name in paraphrase (`said_share`) when its embedding lies this near the name's
# (cosine, the packaged model). Main's names, Banking77 dev: 3 of 100 under half so (literally:
# 69 of 100), the telco set's: 5 of 12 (literally 10); 0.45: 0 and 3, 0.6: 6 and 5, 0.65: 17
# and 7 (docs/benchmarks.md, twentieth round).
SAID_NEAR = 0.55
# ... and no word of the name pulls it away from the text: the name less one word lies at most
# this much nearer (cosine). Names a PM accepts or rejects (bench/audit_minority_set21.py, dev):
# `minority_name` precision / recall 0.80 / 0.53 without it, 0.82 / 0.71 at 0.03, 0.80 / 0.62
# at 0.05, 0.80 / 0.71 at 0.01; test 0.78 / 0.49 -> 0.79 / 0.70 (docs/benchmarks.md, session 21).
WORD_PULL = 0.03
# A parent's name said by less than a third of its traces, while a subtopic all but never says
# it (under 10 %), names a minority of it (`minority_parent`).
MIN_PARENT_SAID = 1 / 3
SILENT = 0.1
# The namer's abstraction step (`naming.class_name`, `naming.object_name`): a name not said by
# most of its traces (`minority_name`) gives way to a broader one most of them say.
MIN_CLASS_SAID = MIN_SAID
# A parent's name lies at least this much nearer (cosine) its own centroid than any sibling's
# (`naming.name_margins`): "Set up" over SSO, SCIM and JIT provisioning lies nearer two other
# parents than its own.
MIN_DISTINCT = 0.1
RARE_WORD = 0.002  # a word in < 0.2% of the facet's traffic is rare: it names a topic only
RARE_SUPPORT = 0.3  # when >= 30% of the topic's traffic uses it (rare_words)

# Nouns that name a kind of need rather than a thing: a parent whose subtopics share only a
# head word ("chart", "seats") is named by it and the category that fits its texts best
# ("Chart issues", "Seat questions"). Facet-independent; they need no support in the texts.
CATEGORY_NOUNS = ("issues", "questions", "requests", "setup", "settings", "access", "errors")
_CATEGORY_STEMS = frozenset(stem(w) for w in CATEGORY_NOUNS)
# Each verb class's noun (stemmed) and the stems of its verbs (`_verb_stems`).
CLASS_VERBS: dict[str, frozenset[str]] = {
    stem(noun): frozenset(stem(v) for v in verbs) for noun, verbs in ACTION_CLASSES.items()
}
_CLASS_WORDS = frozenset().union(*CLASS_VERBS.values()) | frozenset(CLASS_VERBS)


# A learned taxonomy (`learn_kinds`): "X H" in at least MIN_KIND_TRAFFIC traces and in
# MIN_KIND_SHARE of the traffic that says X makes X a kind of H; a head needs MIN_KINDS of them.
MIN_KIND_TRAFFIC = 3.0
MIN_KIND_SHARE = 0.05
MIN_KINDS = 2


@dataclass(frozen=True)
class Kinds:
    """What the facet's own texts say a word is a kind of ("the Business plan", "our Pro plan":
    Business and Pro are plans; "CSV export", "PDF export": CSV and PDF are exports), stemmed:
    `heads` maps a member to its heads; `form` is each head's usual spelling."""

    heads: dict[str, frozenset[str]] = field(default_factory=dict)
    form: dict[str, str] = field(default_factory=dict)

    def of(self, words: frozenset[str]) -> frozenset[str]:
        """`words` and the heads of its members: a text saying "Business" says "plan"."""
        extra = {h for w in words for h in self.heads.get(w, ())}
        return words | extra if extra - words else words

    def said(self, words: list[tuple[frozenset[str], float]]) -> list[tuple[frozenset[str], float]]:
        """`text_words` with each text's heads added (`of`)."""
        if not self.heads:
            return words
        return [(self.of(ws), n) for ws, n in words]


NO_KINDS = Kinds()


def said_support(words: list[tuple[frozenset[str], float]]) -> dict[str, float]:
    """`word_support` of texts given as `text_words` (with their kinds' heads, `Kinds.said`)."""
    total = float(sum(n for _, n in words)) or 1.0
    out: Counter[str] = Counter()
    for ws, n in words:
        for x in ws:
            out[x] += n
    return {k: v / total for k, v in out.items()}


_DETERMINERS = frozenset(
    "a an the my our your their his her its this that these those each every any".split()  # noqa: SIM905
)
# the prepositions after a verb whose object's slot a class's members fill ("downgrade to Pro")
_SLOT_PREPOSITIONS = frozenset("to from into onto".split())  # noqa: SIM905
_BEFORE_NOUN = _DETERMINERS | frozenset(
    "of for with in on about from by via without into onto per as".split()  # noqa: SIM905
)


def learn_kinds(
    texts: list[str],
    weights: list[float] | None = None,
    *,
    verbs: frozenset[str] = frozenset(),
) -> Kinds:
    """The taxonomy a facet's texts state by compound nouns: X is a kind of H where "X H" (two
    adjacent words of one clause, H the head) holds in at least MIN_KIND_TRAFFIC of the traffic
    and MIN_KIND_SHARE of the traffic that says X, and H heads at least MIN_KINDS such words (a
    class has several members: "Pro plan", "Business plan", "Enterprise plan"). Neither word is a
    function word, a number or a verb (`verbs`: the facet's, `grammar.verb_forms`; the verb
    classes' verbs), except that the head may be a verb class's noun ("CSV export", "PDF
    export": a text asking for a CSV says "export"). A word in a verb's slot ("downgrade to X")
    that MIN_KINDS members, and mostly members, fill in MIN_KIND_TRAFFIC each is a member too
    ("Downgrade to Free" beside "Downgrade to Pro"). Learned from the texts: no word list of a
    domain."""
    w = weights if weights is not None else [1.0] * len(texts)
    actions = frozenset().union(*CLASS_VERBS.values())
    not_member = frozenset(stem(v) for v in verbs) | actions | frozenset(CLASS_VERBS)
    not_head = (frozenset(stem(v) for v in verbs) | actions) - frozenset(CLASS_VERBS)

    def content(tok: str) -> bool:
        low = tok.lower()
        return (
            len(low) > 1
            and low not in FUNCTION_WORDS
            and not GREETING_WORDS.fullmatch(low)
            and not any(c.isdigit() for c in low)
        )

    said: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    nouns: Counter[str] = Counter()  # traffic using a word as a noun phrase's head
    # traffic putting a word in a verb's slot: (the verb's class or stem, its preposition, word)
    slots: Counter[tuple[str, str, str]] = Counter()
    class_of = {v: c for c, vs in CLASS_VERBS.items() for v in vs}
    forms: dict[str, Counter[str]] = {}
    for text, n in zip(texts, w, strict=True):
        seen: set[tuple[str, str]] = set()
        heads: set[str] = set()
        slot: set[tuple[str, str, str]] = set()
        for clause in CLAUSE_SPLIT.split(clean_for_naming(text)):
            toks = TOKEN.findall(clause)
            low = [t.lower() for t in toks]
            for j in range(1, len(toks)):
                a, b = toks[j - 1], toks[j]
                if not (content(a) and content(b)):
                    continue
                sa, sb = stem(a), stem(b)
                if sa != sb and sa not in not_member and sb not in not_head:
                    seen.add((sa, sb))
                    forms.setdefault(sb, Counter())[low[j]] += 1
            for j, x in enumerate(low):
                # a noun: right after a determiner or a preposition ("the export button", "for
                # SSO"), or after a determiner and one modifier where its noun phrase ends
                # ("our Pro plan."; not "the bot stopped posting")
                ends = j + 1 == len(low) or low[j + 1] in FUNCTION_WORDS
                if content(x) and (
                    (j and low[j - 1] in _BEFORE_NOUN)
                    or (ends and j > 1 and low[j - 2] in _DETERMINERS)
                ):
                    heads.add(stem(x))
                if j > 1 and low[j - 1] in _SLOT_PREPOSITIONS and content(x):
                    v = stem(low[j - 2])
                    if v in not_member:  # "downgrade to Free", "switch to Pro"
                        slot.add((class_of.get(v, v), low[j - 1], stem(x)))
        for p in seen:
            pairs[p] += n
        for sl in slot:
            slots[sl] += n
        for h in heads:
            nouns[h] += n
        for st in text_stems(text):
            said[st] += n
    members: dict[str, set[str]] = {}
    for (a, h), n in pairs.items():
        if (
            n >= MIN_KIND_TRAFFIC
            and n >= MIN_KIND_SHARE * said[a]
            and nouns[h] >= MIN_KIND_TRAFFIC
            and nouns[a] >= MIN_KIND_TRAFFIC  # a member is a noun too ("on Pro", "as CSV")
        ):
            members.setdefault(h, set()).add(a)
    classes = {h: ms for h, ms in members.items() if len(ms) >= MIN_KINDS}
    # a word the texts put in a slot that MIN_KINDS of a class's members fill, and mostly its
    # members, is a member too: "Downgrade to Free" beside "Downgrade to Pro" and "Upgrade to
    # Business" (the verb read as its class), though no text says "the Free plan"; not the
    # many dashboards "access to" takes beside two of them
    filled: dict[tuple[str, str], set[str]] = {}
    for (v, prep, x), n in slots.items():
        if n >= MIN_KIND_TRAFFIC:
            filled.setdefault((v, prep), set()).add(x)
    for h, ms in list(classes.items()):
        extra = {
            x
            for xs in filled.values()
            if len(xs & ms) >= MIN_KINDS and 2 * len(xs & ms) >= len(xs)
            for x in xs - ms
            if x not in not_member and x != h
        }
        classes[h] = ms | extra
    heads: dict[str, set[str]] = {}
    for h, ms in classes.items():
        for m in ms - set(classes):  # one level: a class is no member ("data" of "data export")
            heads.setdefault(m, set()).add(h)
    used = {h for hs in heads.values() for h in hs}
    return Kinds(
        {m: frozenset(hs) for m, hs in heads.items()},
        {h: max(forms[h].items(), key=lambda kv: (kv[1], kv[0]))[0] for h in sorted(used)},
    )


# Words that state a direction, each with the words that reverse it. A parent's name taken from
# one child's phrasing ("Upgrade to Business") says the opposite of a child that reverses it
# ("Downgrade to Business"); the shared object ("Plan changes") is what they have in common.
_REVERSES = [
    ("upgrade", "downgrade"), ("add", "remove"), ("add", "delete"), ("enable", "disable"),
    ("activate", "deactivate"), ("more", "fewer"), ("more", "less"), ("increase", "decrease"),
    ("increase", "reduce"), ("raise", "lower"), ("higher", "lower"), ("subscribe", "unsubscribe"),
    ("subscription", "unsubscribe"), ("lock", "unlock"), ("include", "exclude"),
    ("grant", "revoke"), ("show", "hide"), ("extend", "shorten"), ("join", "leave"),
]  # fmt: skip
OPPOSITES: dict[str, frozenset[str]] = {}
for _a, _b in _REVERSES:
    OPPOSITES[stem(_a)] = OPPOSITES.get(stem(_a), frozenset()) | {stem(_b)}
    OPPOSITES[stem(_b)] = OPPOSITES.get(stem(_b), frozenset()) | {stem(_a)}
# a subtopic reverses a name's direction when this share of its traffic says the reverse word
# and not the name's own (a text saying "upgrade or downgrade" reverses nothing)
REVERSED = CHILD_USE


def contradicted(label: str, children_said: list[list[tuple[frozenset[str], float]]]) -> bool:
    """A parent's name over several subtopics that one of them reverses: a word of the name
    states a direction (upgrade, add, enable, more, increase, subscribe, ...) and at least
    REVERSED of some subtopic's traffic (`children_said`: `text_words` of each) says a word that
    reverses it (downgrade, remove, disable, fewer / less, decrease / reduce, unsubscribe, ...)
    without the name's word. "Upgrade to Business" over "Downgrade to Business" and "Add more
    seats"; "Plan changes", the object they share, states no direction."""
    kids = [c for c in children_said if c]
    if len(kids) < 2:
        return False
    words = {stem(t) for t in TOKEN.findall(label)} & OPPOSITES.keys()
    for word in words:
        for said in kids:
            total = sum(n for _, n in said) or 1.0
            rev = sum(n for s, n in said if s & OPPOSITES[word] and word not in s)
            if rev / total >= REVERSED:
                return True
    return False
