"""Phrase names (local, both levels).

KeyBERT/MMR-style naming. Candidates are 2-6 word spans of the topic's own texts that neither
start nor end in a function word, and the statements its questions presuppose ("Why hasn't my
card arrived" -> "Card hasn't arrived", `questions`; label fidelity on Banking77 dev 0.723 ->
0.730, docs/benchmarks.md "fifth round"); each is scored by how close its embedding lies to
the topic's most central texts against the nearest sibling centroids (what sets the topic
apart), plus how many of the topic's texts contain it (a name is shared, a detail is not). Text that must never reach a
label (redaction placeholders, JSON, "LABEL:" prefixes, greetings) is cut before candidates are
taken, and `label_problems` checks the result against the topic's own texts (`context`: not cut
from a longer phrase, not a slot's filler such as one person's name). A parent's name must be
covered by its subtopics (`coverage`: half its traffic in subtopics using all its words),
before one child's wording or a shared word with a category noun; docs/benchmarks.md "sixth
round".
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from tracetopics_pipeline.core.topics.embedders.memo import memoized
from tracetopics_pipeline.core.topics.labels.cleaning import (
    clean_for_naming,
    shared_head,
    tidy_label,
)
from tracetopics_pipeline.core.topics.labels.context import (
    NAME_CASE,
    WordContext,
    person_names,
    word_context,
)
from tracetopics_pipeline.core.topics.labels.grammar import (
    MONTHS,
    NEEDS_TO,
    OBJECT_START,
    POSSESSIVES,
    WEEKDAYS,
    booking_time,
    candidate_phrases,
    case_statement,
    is_phrasal,
    label_problems,
    past_record,
    phrasal_end,
    request_form,
    statement_shape,
    thing_words,
    verb_forms,
)
from tracetopics_pipeline.core.topics.labels.questions import EVENT_VERBS
from tracetopics_pipeline.core.topics.labels.support import (
    CATEGORY_NOUNS,
    CHILD_USE,
    CLASS_VERBS,
    MIN_CLASS_SAID,
    MIN_COVERAGE,
    MIN_DISTINCT,
    MIN_HELD,
    MIN_PARENT_SAID,
    MIN_PARENT_SUPPORT,
    MIN_SAID,
    MIN_SUPPORT,
    NO_KINDS,
    OPPOSITES,
    RARE_SUPPORT,
    Kinds,
    Sayers,
    closed_phrasals,
    content_words,
    contradicted,
    coverage,
    has_digit,
    learn_kinds,
    minority_parent,
    mixed_support,
    name_support,
    number_details,
    one_trace_words,
    said_shares,
    stem,
    text_words,
    word_support,
)
from tracetopics_pipeline.core.topics.labels.words import (
    ACTION_CLASSES,
    CLAUSE_SPLIT,
    COMMON_VERBS,
    DEGREE_WORDS,
    EVALUATIVE_WORDS,
    FORMAT_WORDS,
    FUNCTION_WORDS,
    GREETING_WORDS,
    MIN_WORDS,
    MOOD_NAMES,
    MOOD_TIMES,
    MORE_PREPOSITIONS,
    NEGATION_WORDS,
    NEGATIVE_WORDS,
    PARTICLES,
    POLARITY_WORDS,
    SHORTHAND,
    TITLES,
    TOKEN,
    polarity_words,
)

log = logging.getLogger(__name__)

EmbedFn = Callable[[list[str]], np.ndarray]

_BEFORE_AMOUNT = frozenset("for of with to by on in".split())  # noqa: SIM905
# after these an amount goes only before the noun that ends the phrase: "the 480 payment" ->
# "the payment"; "a 3 star hotel" and "the 3rd of March" stay
_DETERMINERS = frozenset("the a an this that".split())  # noqa: SIM905


@dataclass
class _Candidates:
    phrases: list[tuple[str, ...]]
    share: np.ndarray  # share of the topic's (weighted) texts containing the phrase


def _collect(
    texts: list[str],
    weights: list[float],
    *,
    keywords: list[str],
    top: int,
    central: int,
    strip_head: bool,
    groups: list[int] | None = None,
    group_traffic: dict[int, float] | None = None,
    requests: frozenset[str] | None = None,
) -> _Candidates:
    df: Counter[tuple[str, ...]] = Counter()
    words: Counter[str] = Counter()  # texts holding each word
    # With groups (a parent's children), support is the weight of the groups using a phrase:
    # a parent's name is shared by its children, not by one big child.
    in_group: dict[tuple[str, ...], set[int]] = {}
    gw: Counter[int] = Counter()
    for n, (text, w) in enumerate(zip(texts, weights, strict=True)):
        clean = clean_for_naming(text, strip_head=strip_head)
        phrases = set(candidate_phrases(clean))
        if requests is not None:  # a statement of one case also offers what it is about
            phrases |= {f for ph in phrases if (f := request_form(ph, requests))}
        # a question's statement counts as the text's words ("fail" asked, "failed" stated)
        words.update({t.lower() for t in TOKEN.findall(clean)} | {w for p in phrases for w in p})
        for ph in phrases:
            df[ph] += w
            if groups is not None:
                in_group.setdefault(ph, set()).add(groups[n])
        if groups is not None:
            gw[groups[n]] += w
    if groups is not None:
        df = Counter({ph: sum(gw[g] for g in in_group[ph]) for ph in df})
    # Every word of a name recurs in the topic: a first name, an amount or a typo seen in one
    # text never names the topic.
    need = min(2, len(texts))
    df = Counter({ph: n for ph, n in df.items() if min(words[w] for w in ph) >= need})
    if not df:
        return _Candidates([], np.zeros(0))
    kw = {w for k in keywords[:8] for w in k.lower().split()}
    floor = min(2.0, max(df.values()))  # seen in two texts, unless nothing is
    # A phrase's share is the traffic that says it (`Sayers`: all its words in one text; a
    # parent's: its subtopics where some text does), the measure names_kept weighs a kept name
    # by; the spans above only propose the phrases (a span is said by the text it is cut from).
    sayers = Sayers(text_words(texts, weights), groups, group_traffic, classes=groups is not None)
    said = {ph: sayers.share(" ".join(ph)) for ph, n in df.items() if n >= floor}

    def prescore(ph: tuple[str, ...]) -> tuple[float, tuple[str, ...]]:
        cover = sum(1 for w in ph if w in kw)
        # Shared, keyword-bearing, 3-4 words long; ties by the phrase itself (deterministic).
        return (-said[ph] * (1 + cover) * (1.0 if 3 <= len(ph) <= 4 else 0.8), ph)

    kept = sorted(said, key=prescore)[:top]
    # The most central texts' own spans compete too: on varied phrasings no predicate is
    # frequent ("didn't make" / "do not recognise"), but the centre's wording carries it.
    seen = set(kept)
    for text in texts[:central]:
        for ph in candidate_phrases(clean_for_naming(text, strip_head=strip_head)):
            if len(ph) >= 3 and ph not in seen and ph in df:
                seen.add(ph)
                kept.append(ph)
    share = [said[ph] if ph in said else sayers.share(" ".join(ph)) for ph in kept]
    return _Candidates(kept, np.array(share))


# Uses inside sentences a word needs in capitals to be a name when its texts also write it in
# lower case (`_surface`)
MIN_CAPITALISED = 2


def _surface(texts: list[str], wider: dict[str, str] | None = None) -> dict[str, str]:
    """The usual spelling of each word inside sentences: "CSV" over "csv", "Slack" over "slack",
    "Kenji" when a third of its uses are (a sentence's first word is capitalized anyway, so it
    does not vote). A word capitalised fewer than MIN_CAPITALISED times that the texts also
    write in lower case is spelt as `wider` (the facet's texts) spells it: "Excel" where the
    facet writes it so, "request" where one text's seam capitalised it ("... channel Request,
    sort out" named a parent "Slack Request")."""
    forms: dict[str, Counter[str]] = {}
    for t in texts:
        for sent in re.split(r"[.!?]\s+", clean_for_naming(t)):
            toks = TOKEN.findall(sent)
            # an acronym votes even where it opens the sentence ("SSO config lookup failed")
            first = toks[:1] if toks and toks[0].isupper() and len(toks[0]) > 1 else []
            for tok in first + toks[1:]:
                forms.setdefault(tok.lower(), Counter())[tok] += 1
    out = {}
    for low, c in forms.items():
        n = sum(c.values())
        caps = [f for f in c if f.isupper() and len(f) > 1]
        if caps and sum(c[f] for f in caps) >= 0.25 * n:  # an acronym: "SAML", "CSV"
            out[low] = max(caps, key=lambda f: (c[f], f))
            continue
        # a name typed in lower case by some ("kenji", "azure") is still a name
        titled = [f for f in c if f[:1].isupper() and not f.isupper()]
        n_titled = sum(c[f] for f in titled)
        if titled and n_titled >= NAME_CASE * n:
            if n_titled < MIN_CAPITALISED and n_titled < n:  # one capital among lower cases
                out[low] = (wider or {}).get(low, low)
            else:
                out[low] = max(titled, key=lambda f: (c[f], f))
            continue
        best = max(c.items(), key=lambda kv: (kv[1], kv[0]))[0]
        out[low] = best if c[best] >= 0.5 * n else low
    return out


_ARTICLES = frozenset({"a", "an", "the"})


def tidy_phrase(words: tuple[str, ...], surface: dict[str, str]) -> str:
    """Readable name: possessive determiners go, original casing of acronyms and names."""
    kept = [w for w in words if w not in POSSESSIVES] or list(words)
    # Two articles back to back ("the a spreadsheet": a seam where an aside was cut) read as
    # a typo: keep the one next to its noun.
    kept = [w for w, nxt in zip(kept, [*kept[1:], ""], strict=True) if not {w, nxt} <= _ARTICLES]
    while len(kept) > MIN_WORDS and kept[-1] in FUNCTION_WORDS and not phrasal_end(kept):
        kept.pop()
    text = " ".join(surface.get(w, w) for w in kept)
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class NamingParams:
    candidates: int = 30  # per topic, by the lexical prescore, before embedding
    central: int = 3  # most central texts whose every 3-6 word span is also a candidate
    contrast: float = 0.25  # weight of the nearest siblings' similarity
    neighbours: int = 3
    support: float = 0.05  # weight of sqrt(share of texts containing the phrase)
    length_penalty: float = 0.0  # per word beyond 3 (MAX_WORDS already keeps names short)
    # What a name is compared with: the mean similarity to the topic's `core` most central
    # texts (its typical requests), or the centroid when 0. Chosen on Banking77 dev (train.csv,
    # label fidelity of fine names; the previous labeller's full summaries 0.754): contrast
    # 0.5 / support 0.15 / length penalty 0.01 gave 0.724 (3.7 words), these 0.761 (4.2 words),
    # a length bonus 0.766 (4.6 words); centroid instead of 3 central texts 0.707.
    core: int = 3
    # Every content word of the name in at least this share of the topic's traffic (when any
    # candidate has it; else the best-supported candidate).
    min_support: float = MIN_SUPPORT
    # When no phrase of the texts is shared widely enough: the shared head word(s) with a
    # category noun (`abstract_name`), before the best-supported phrase.
    abstract: bool = False
    # A parent's name: weight of its `coverage` (the share of its traffic in subtopics that
    # use all its words) in the score, and the coverage it needs before a phrase of lower
    # coverage or the abstract name is taken.
    coverage: float = 0.0
    min_coverage: float = 0.0
    # The share of a topic's traffic whose texts must use all the name's words together
    # (`held_by`; a parent's over all its subtopics' texts), at every level (review rv13 H1:
    # "Move number to another carrier" named a topic 8 of whose 67 traces port a number out).
    # A labelled facet's texts are whatever carries the label, so a phrase of one minority
    # ("We've decided to move to Metabase", 7 of 140 mentions) would otherwise name them all.
    # Where no phrase is said by this share, the broader name most of the traffic says
    # (`_abstracted`: an object and its action class, "Number change"; an object and what is
    # asked of it, "Bill issues") before the best phrase (which the audit counts,
    # `support.minority_name`). A label's only subtopic always reads as the label's name
    # (`NamingInput.parent`). A judgement is never a head ("Kind settings", `grammar._evaluative`).
    held: float = 0.0
    # A parent's name: how much nearer its own centroid than any sibling's it must lie
    # (`name_margins`); a phrase that does not ("Set up", nearer the Slack and connection
    # parents than the SSO one it names) is taken only when nothing else is.
    min_distinct: float = 0.0
    # A Task parent's name says what users want, not one case (`grammar.case_statement`:
    # "Datasets refresh incrementally", "Wrong on every tile"): statements are taken only when
    # nothing else is, and each offers the thing it is about as a candidate
    # (`grammar.request_form`: "Incremental dataset refresh").
    requests: bool = False
    # A free-text subtopic's name says what most of its traces say, literally or in paraphrase
    # (`support.said_share`, the audit's `minority_name`): a name fewer of them say gives way
    # to itself less the words that carry one value of a slot its traces fill with many, when
    # at least this share says that (`said_by_most`: "Inventory dashboard takes over a
    # minute" -> "Dashboard takes over a minute"). 0: off.
    said: float = MIN_SAID


# Parents: the name must be shared across the children (support counted per child).
PARENT_NAMING = NamingParams(
    support=0.3,
    length_penalty=0.03,
    core=0,
    min_support=MIN_PARENT_SUPPORT,
    abstract=True,
    coverage=0.3,
    min_coverage=MIN_COVERAGE,
    min_distinct=MIN_DISTINCT,
    requests=True,
    said=0.0,  # a parent's share is its subtopics' (`minority_parent`, `_abstracted`)
)

# A labelled facet's subtopics: most of the traffic says what the name says, as at every level.
LABELLED_NAMING = NamingParams(held=MIN_HELD, said=0.0)


@dataclass
class NamingInput:
    """One topic as the namer sees it: its texts (weights = traces per text) and centroid."""

    topic_id: int
    texts: list[str]
    weights: list[float]
    centroid: np.ndarray
    keywords: list[str] = field(default_factory=list)
    groups: list[int] | None = None  # per text: its child, when naming a parent
    group_traffic: dict[int, float] | None = None  # per child: its whole traffic
    support: dict[str, float] | None = None  # word_support over ALL members (texts: a sample)
    traffic: float = 0.0  # weight of all members (0: the sample's)
    avoid: set[str] = field(default_factory=set)  # names it may not take (a parent's children's)
    vectors: np.ndarray | None = None  # per text: its embedding (not embedded again)
    # a labelled facet's only subtopic of its label: the label's name, which it may take
    parent: str = ""


def name_topics(
    topics: list[NamingInput],
    *,
    embed: EmbedFn,
    params: NamingParams | None = None,
    taken: set[str] | None = None,
    facet_words: dict[str, float] | None = None,
    detail: dict[int, list[tuple[float, str]]] | None = None,
) -> dict[int, str]:
    """A 2-6 word name per topic, distinct among `topics` (siblings) and from `taken`, whose
    words its traffic shares (`name_support`; `facet_words`: the facet's `word_support`, else the
    topics' own, weighted by traffic). `detail`, when given, receives each topic's candidates
    as scored, best first, before any is refused (a benchmark's diagnostic; the names are the
    same with or without it)."""
    p = params or NamingParams()
    if not topics:
        return {}
    supports = [
        t.support if t.support is not None else word_support(t.texts, t.weights) for t in topics
    ]
    traffic = [t.traffic or sum(t.weights) for t in topics]
    if facet_words is None:
        facet_words = mixed_support(supports, traffic)
    verbs = verb_forms([x for t in topics for x in t.texts])
    facet_surface = _surface([x for t in topics for x in t.texts])  # a word's facet-wide spelling
    # the people and pets the facet's texts name ("my son Leo", "Kiwi's shots"): never in a
    # name, though a topic's own texts may only say "for Leo"
    persons = person_names(
        word_context([x for t in topics for x in t.texts], [w for t in topics for w in t.weights])
    )
    cands: list[_Candidates] = []
    for t in topics:
        strip = shared_head(t.texts)
        c = _collect(
            t.texts,
            t.weights,
            keywords=t.keywords,
            top=p.candidates,
            central=p.central,
            strip_head=strip,
            groups=t.groups,
            group_traffic=t.group_traffic,
            requests=verbs if p.requests else None,
        )
        cands.append(c)
    # One batch for the whole call: every phrase, and the core texts that came without vectors
    # (a phrase that is also a core text is embedded once). Seen phrases come from memory.
    cores = [
        t.texts[: p.core] if t.vectors is None or len(t.vectors) < len(t.texts) else []
        for t in topics
    ]
    flat = sorted({" ".join(ph) for c in cands for ph in c.phrases} | {s for c in cores for s in c})
    cents = np.stack([np.asarray(t.centroid, np.float32) for t in topics])
    cents /= np.maximum(np.linalg.norm(cents, axis=1, keepdims=True), 1e-12)
    embed = _checked(memoized(embed), cents.shape[1])
    vec = dict(zip(flat, embed(flat), strict=True)) if flat else {}
    sim = cents @ cents.T
    np.fill_diagonal(sim, -np.inf)
    children = [_children(t) for t in topics]
    ranked: list[list[tuple[float, tuple[str, ...]]]] = []
    for i, c in enumerate(cands):
        if not c.phrases:
            ranked.append([])
            continue
        e = np.stack([vec[" ".join(ph)] for ph in c.phrases])
        t = topics[i]
        if p.core and cores[i]:
            own = np.stack([vec[s] for s in cores[i]])
        elif p.core and t.texts:
            own = np.asarray(t.vectors[: p.core], np.float32)
        else:
            own = cents[i][None, :]
        nb = np.argsort(-sim[i], kind="stable")[: min(p.neighbours, len(topics) - 1)]
        cover = None
        if p.coverage and children[i]:  # a parent's name is its subtopics', not one child's
            cover = np.array([coverage(" ".join(ph), children[i]) for ph in c.phrases])
        score = name_scores(
            e, own=own, others=cents[nb], share=c.share,
            lengths=np.array([len(ph) for ph in c.phrases]), params=p, cover=cover,
        )  # fmt: skip
        order = np.lexsort(([" ".join(ph) for ph in c.phrases], -score))
        ranked.append([(float(score[j]), c.phrases[j]) for j in order])
        if detail is not None:
            surface = _surface(t.texts, facet_surface)
            detail[t.topic_id] = [(sc, tidy_phrase(ph, surface)) for sc, ph in ranked[-1]]
    # Biggest topics choose first; a name already taken by a sibling passes to the next best.
    used = {s.lower() for s in (taken or set())}

    def nb_of(i: int) -> np.ndarray:
        return np.argsort(-sim[i], kind="stable")[: min(p.neighbours, len(topics) - 1)]

    out: dict[int, str] = {}
    renamed: dict[int, str] = {}  # topic index -> its name before `said_by_most`
    sizes = [sum(t.weights) for t in topics]
    # what the facet's texts say their words are kinds of ("Pro plan": Pro is a plan), for the
    # parents' abstraction step
    kinds = (
        learn_kinds([x for t in topics for x in t.texts], [w for t in topics for w in t.weights],
                    verbs=verbs)
        if p.abstract else NO_KINDS
    )  # fmt: skip
    for i in sorted(range(len(topics)), key=lambda i: (-sizes[i], topics[i].topic_id)):
        t = topics[i]
        surface = _surface(t.texts, facet_surface)
        support = supports[i]
        avoid = used | {a.lower() for a in t.avoid}
        if p.abstract:  # a parent says what no sibling parent says
            avoid = _Avoid(avoid, list(out.values()), embed, kinds)
        strip = shared_head(t.texts)
        ctx = word_context(t.texts, t.weights, persons=persons)
        kids = children[i] if p.min_coverage else []

        def covered(name: str, kids: list = kids) -> bool:
            return not kids or coverage(name, kids) >= p.min_coverage

        # who says a name: every content word in one of the topic's texts (a parent's verb
        # class noun said by its verbs), the audit's `minority_name`
        sayers = Sayers(text_words(t.texts, t.weights), classes=p.abstract) if p.held else None

        def held(name: str, sayers: Sayers | None = sayers) -> bool:
            return sayers is None or sayers.share(name) >= p.held

        def distinct(name: str, i: int = i) -> bool:
            if not p.min_distinct or len(topics) < 2:
                return True
            e = embed([name])
            # no vectors to compare (another model's space): nothing to tell it by
            return not e.any() or float(name_margins(e, cents, i)[0]) >= p.min_distinct

        # a parent's name no subtopic reverses ("Upgrade to Business" over a downgrade)
        kids_said = _children_said(t) if p.abstract and len(kids) > 1 else []
        name, fallback, uncovered, minority = "", (-1.0, ""), "", ""
        minority_said = 0.0
        vague, vague_covered, stated = "", "", ""
        reversed_ = False  # a phrase refused because a subtopic says its reverse
        # A label's only subtopic holds the whole label: a phrase, even one most of it says,
        # would name a part as the whole ("Praised the agent" over every MIXED trace, which
        # was also unhappy), so it reads as its label.
        if t.parent and t.parent.lower() not in avoid:
            name = t.parent
        # a labelled subtopic most of whose texts say only how the writer feels ("Terrible
        # week.", "This is getting ridiculous"): no phrase of theirs says what about, and a
        # judgement is never a name's head, so the name says there is no reason (review rv13 H2)
        if p.held and not name and _mood_share(t.texts, t.weights, strip) >= p.held:
            name = _distinct_name(mood_name(t.texts, t.weights, strip), avoid)
        for _, ph in [] if name else ranked[i]:
            # the phrase, else the phrase without its details ("Delete user data for Kenji")
            plain = _without_details(
                _without_one_booking(ph, ctx.persons), support, facet_words, p, surface, verbs
            )
            for form in dict.fromkeys([plain, ph]):
                cand = tidy_phrase(form, surface)
                if cand.lower() in avoid or label_problems(cand, verbs=verbs, context=ctx):
                    continue
                if not p.abstract and one_trace_words(cand, support, traffic[i]):
                    continue  # one writer's word ("Umsatz"), not the topic's
                if contradicted(cand, kids_said):
                    reversed_ = True
                    continue
                if p.requests and (statement_shape(form, verbs) or past_record(form, ctx)):
                    # a statement: what it is about ("Wrong timezone in exported CSVs"), else
                    # one of a problem as it is, else only when nothing else is
                    asked = request_form(form, verbs)
                    about = tidy_phrase(asked, surface) if asked else ""
                    if (
                        about
                        and about.lower() not in avoid
                        and not label_problems(about, verbs=verbs, context=ctx)
                    ):
                        cand = about
                    elif case_statement(cand, verbs, ctx):
                        stated = stated or cand
                        continue
                share = name_support(cand, support, facet_words, classes=p.abstract)
                if number_details(cand, support) or (p.abstract and has_digit(cand)):
                    share = 0.0  # an amount of a few requests; a parent's name has none
                if share >= p.min_support and not distinct(cand):
                    # as near a sibling as its own texts: after any distinct name that covers
                    # the subtopics; a covering one still before one child's wording
                    if covered(cand):
                        vague_covered = vague_covered or cand
                    else:
                        vague = vague or cand
                elif share >= p.min_support and covered(cand) and held(cand):
                    name = cand
                    break
                elif share >= p.min_support and covered(cand):
                    # of the names some of the texts say, the one most of them say (the first of
                    # those: "Extra charges" before "Charges on November bill")
                    heard = sayers.share(cand) if sayers is not None else 0.0
                    if not minority or heard > minority_said:
                        minority, minority_said = cand, heard
                elif share >= p.min_support:
                    uncovered = uncovered or cand  # the best that one child's wording names
                fallback = max(fallback, (share, cand), key=lambda f: f[0])  # first of the best
            if name:
                break
        if p.held and not name:  # no phrase most of the texts say: the label's own name
            if t.parent and t.parent.lower() not in avoid:
                name = t.parent
            name = name or minority
        # no phrase covers the subtopics: the best one supported widely enough (its coverage
        # counted in its score), and only when none is, a shared word with a category noun
        name = name or vague_covered or uncovered
        if not name and p.abstract:
            name = abstract_name(
                t, support, embed=embed, centroid=cents[i], others=cents[nb_of(i)],
                min_support=p.min_support, verbs=verbs, avoid=avoid, surface=surface,
                context=ctx, children=kids, min_coverage=p.min_coverage,
            )  # fmt: skip
        name = name or vague or stated or fallback[1]
        if p.abstract and name and len(kids) > 1:
            # a name said by a minority of the traffic while its subtopics differ: the object
            # they share with the action class of their verbs, when more of them say it
            name = _abstracted(
                name, t, embed=embed, centroid=cents[i], others=cents[nb_of(i)], verbs=verbs,
                avoid=avoid, surface=surface, context=ctx, kinds=kinds, reversed_=reversed_,
            )  # fmt: skip
        if p.abstract and name and len(kids) > 1:
            # "<word> requests": the word a noun most of the parent says, the noun plural; else
            # the best other name it has of that kind
            bare = _bare_words([[x.lower() for x in TOKEN.findall(x)] for x in t.texts])
            for cand in dict.fromkeys(
                [name, vague_covered, uncovered, minority, vague, stated, fallback[1]]
            ):
                safe = category_form(cand, kids_said, bare) if cand else ""
                if (
                    safe
                    and (safe == name or safe.lower() not in avoid)
                    and not contradicted(safe, kids_said)
                ):
                    name = safe
                    break
        if not name and not p.abstract:  # no phrase at all: the shared word and a category
            name = abstract_name(
                t, support, embed=embed, centroid=cents[i], others=cents[nb_of(i)],
                min_support=p.min_support, verbs=verbs, avoid=avoid, surface=surface,
                context=ctx,
            )  # fmt: skip
        if not name:  # nothing usable: the strongest content keywords, made distinct
            kws = [
                w
                for k in topics[i].keywords
                for w in k.split()
                if w.lower() not in FUNCTION_WORDS
                and w.lower() not in EVALUATIVE_WORDS
                and w.lower() not in DEGREE_WORDS
                and not GREETING_WORDS.fullmatch(w)
            ]
            base = " ".join(dict.fromkeys(kws[:2])) or f"Topic {topics[i].topic_id}"
            if len(base.split()) < MIN_WORDS:
                base += " topic"
            name = _distinct_name(tidy_label(base), avoid)
        if (
            p.said
            and name
            and ranked[i]
            and t.vectors is not None
            and len(t.vectors) == len(t.texts)
        ):
            # a name most of its traces do not say: the same name less one slot's value
            longer = name

            def fits(
                cand: str, i: int = i, avoid: set[str] = avoid, ctx: WordContext = ctx
            ) -> bool:
                return (
                    cand.lower() not in avoid
                    and not label_problems(cand, verbs=verbs, context=ctx)
                    and not one_trace_words(cand, supports[i], traffic[i])
                    and name_support(cand, supports[i], facet_words) >= p.min_support
                )

            name = said_by_most(name, t, embed=embed, floor=p.said,
                                 support=supports[i], verbs=verbs,
                                 fits=fits)  # fmt: skip
            if name != longer:
                renamed[i] = longer
        used.add(name.lower())
        out[topics[i].topic_id] = name
    # a form that reads as a sibling's name gives way to the longer name (the siblings are all
    # named now: "Chart just shows a spinner" may have chosen before "KPI tile just shows ...")
    for i, longer in renamed.items():
        form, tid = out[topics[i].topic_id], topics[i].topic_id
        others = {j: out[topics[j].topic_id] for j in range(len(topics)) if j != i}
        if longer.lower() not in {n.lower() for n in others.values()} and any(
            reads_as_sibling(form, longer, n, topics[j], embed=embed, floor=p.said)
            for j, n in others.items()
        ):
            out[tid] = longer
    return out


_AUXILIARIES = frozenset(
    "is are was were be been being am has have had do does did can could will would shall "  # noqa: SIM905
    "should may might must".split()
)
MAX_DROPPED = 2  # slot values a name may lose to say what most of its traces say
MIN_CLASS_HEAD = 0.25  # a head the values' phrases share is said by this share of the traffic


_GERUND_AFTER = frozenset("for with by after before without about of from when while".split())  # noqa: SIM905
# what ties a slot's value to the rest of a name: function words and every preposition
# ("Raw numbers behind [Inventory]" loses "behind" with its value)
_GLUE = FUNCTION_WORDS | MORE_PREPOSITIONS


def _is_verb(word: str, verbs: frozenset[str]) -> bool:
    """`word` is a verb form: the facet's (`verbs`) or a common one, or its -s form."""
    return word in verbs or word in COMMON_VERBS or (word.endswith("s") and word[:-1] in verbs)


def _glue_before(low: list[str], j: int) -> list[str]:
    """The function words right before word `j` ("as a" before "spreadsheet")."""
    out = []
    while j > 0 and low[j - 1] in _GLUE:
        j -= 1
        out.append(low[j])
    return out


# what a thing is wanted in or sent to: a format or a tool the users name ("in Excel", "into CSV")
_DESTINATIONS = frozenset("in into to".split())  # noqa: SIM905


def _destination_said(
    low: list[str], run: list[int], texts: list[str], weights: list[float]
) -> bool:
    """`run` follows "in" / "into" / "to" and most of the traffic (MIN_SAID) says that word
    before a file format or one of the run's own words, after any article: the format or tool
    its users ask for ("Raw numbers behind Inventory [in Excel]" over Excel, PNG, PDF and CSV
    asks), no slot's value ("Upgrade from Pro [to Business]" over every plan)."""
    glue = _glue_before(low, run[0])
    prep = next((g for g in glue if g not in _ARTICLES), "")
    if prep not in _DESTINATIONS or not texts:
        return False
    wanted = FORMAT_WORDS | {low[j] for j in run}
    said = 0.0
    for text, n in zip(texts, weights, strict=True):
        words = [x.lower() for x in TOKEN.findall(text)]
        for k, x in enumerate(words[:-1]):
            nxt = next((y for y in words[k + 1 :] if y not in _ARTICLES), "")
            if x == prep and nxt in wanted:
                said += n
                break
    return said >= MIN_SAID * (float(sum(weights)) or 1.0)


def general_forms(
    name: str,
    support: dict[str, float],
    verbs: frozenset[str] = COMMON_VERBS,
    texts: list[str] | None = None,
    weights: list[float] | None = None,
) -> list[tuple[str, int]]:
    """`name` less one or two slot values: runs of adjacent content words each of which less
    than MIN_SAID of the topic's traffic uses (`support`: its `word_support`; "Inventory",
    "Product usage", "Entra ID"), the words most of it says staying ("dashboard", "SSO"). A run
    goes whole, with the glue before it where that no longer leads to a noun ("Upgrade [from
    Pro] to Business"; "the [Sales] report" keeps "the"), and glue left at either end goes.
    A run that holds its noun phrase's head goes only with the whole phrase, after glue ("Q3
    revenue dashboard" keeps "dashboard", "Fees for currency exchange" keeps "Fees"). A verb
    (`verbs`, or a gerund: "for withdrawing cash") is what is done, never a value; a form never
    opens on a verb whose subject went ("[Inventory] loads so slowly") nor ends on one whose
    object went ("Ask AI see [all datasets]"), nor keeps one side of an "and" / "or" alone, nor
    loses a negation. Forms of at least MIN_WORDS words, each with the number of words dropped,
    fewest first. A run that ends its noun phrase may also lose all but its head, the word the
    values' phrases share ("Colours in the [line] chart" over line, pie and bar charts). A
    format or tool most of the `texts` (`weights`: traces per text) ask for stays, with its
    preposition: "as CSV" always, "in Excel" where most say "in" before a format
    (`_destination_said`)."""
    toks = name.split()
    low = [x.lower() for x in toks]

    # a gerund after a preposition too: "Charged a fee for [withdrawing] cash" ("SCIM
    # provisioning", "billing admin" are nouns)
    gerunds = {
        x
        for j, x in enumerate(low)
        if x.endswith("ing") and len(x) >= 6 and j and low[j - 1] in _GERUND_AFTER
    }

    def verb(x: str) -> bool:
        return _is_verb(x, verbs) or x in gerunds

    runs: list[list[int]] = []
    for j, x in enumerate(low):
        if x in _GLUE or verb(x) or support.get(stem(x), 0.0) >= MIN_SAID:
            continue
        if runs and runs[-1][-1] == j - 1:
            runs[-1].append(j)
        else:
            runs.append([j])

    # a run that ends its noun phrase holds its head: it goes only with the whole phrase, and
    # only after glue ("with [Entra ID]", "[Inventory] dashboard"; not "Q3 revenue [dashboard]",
    # nor the name's own head, "Fees for currency exchange")
    def ends_phrase(r: list[int]) -> bool:
        return r[-1] + 1 == len(low) or low[r[-1] + 1] in _GLUE

    # ... or all but the head, where a good share of the traffic says the head
    modifiers = [
        r[:-1] for r in runs
        if len(r) > 1 and ends_phrase(r) and support.get(stem(low[r[-1]]), 0.0) >= MIN_CLASS_HEAD
    ]  # fmt: skip
    runs = [r for r in runs if not ends_phrase(r) or (r[0] > 0 and low[r[0] - 1] in _GLUE)]
    runs += modifiers
    # what a thing is wanted as is the ask, no value: "Exec summary dashboard [as PDF]"
    runs = [r for r in runs if "as" not in _glue_before(low, r[0])]
    runs = [r for r in runs if not _destination_said(low, r, texts or [], weights or [])]
    negations = sum(x in NEGATION_WORDS for x in low)
    out: dict[str, int] = {}
    for k in range(1, min(MAX_DROPPED, len(runs)) + 1):
        for gone in combinations(runs, k):
            drop = {j for run in gone for j in run}
            if len(drop) < sum(map(len, gone)):  # a run and its own modifiers
                continue
            for run in gone:  # the glue before a value, where no noun follows it
                nxt = next((x for x in range(run[-1] + 1, len(low)) if x not in drop), None)
                if nxt is None or low[nxt] in _GLUE or verb(low[nxt]):
                    g = run[0] - 1
                    while g >= 0 and g not in drop and low[g] in _GLUE:
                        drop.add(g)
                        g -= 1
            kept = [j for j in range(len(toks)) if j not in drop]
            while kept and low[kept[0]] in _GLUE:
                if low[kept[0]] in _AUXILIARIES:  # "[Phone] has been lost": its subject went
                    kept = []
                kept = kept[1:]
            while kept and low[kept[-1]] in _GLUE and not phrasal_end([low[j] for j in kept]):
                kept.pop()
            if (
                len(kept) < MIN_WORDS
                or sum(low[j] in NEGATION_WORDS for j in kept) < negations
                or (kept[0] > 0 and _verb_after(low[kept[0] - 1], low[kept[0]], verb))
                or (kept[-1] + 1 < len(low) and verb(low[kept[-1]]))  # its object went
                or any(_object_went(j, drop, low, verb) for j in kept)
                or any(_one_conjunct(r, drop, low) for r in gone)
            ):
                continue
            form = " ".join(toks[j] for j in kept)
            out.setdefault(form[:1].upper() + form[1:], sum(map(len, gone)))
    out.pop(name, None)
    return sorted(out.items(), key=lambda kv: kv[1])


def subject_forms(
    name: str,
    texts: list[str],
    weights: list[float],
    support: dict[str, float],
    verbs: frozenset[str] = COMMON_VERBS,
) -> list[tuple[str, int]]:
    """`name` with a subject that is one slot value named by the head its texts' subjects share:
    where the name opens on a run of words fewer than MIN_SAID of the traffic use and a verb
    follows ("[Inventory] shows no data points"), the texts that say the rest ("The pie chart on
    Sales pipeline shows no data points", "The map chart on Q3 revenue shows ...") name their
    subject by a noun phrase; its last word or two (before any preposition: "pie chart", not
    "Sales pipeline") that the most of them use, at least MIN_CLASS_HEAD of them ("Chart shows no
    data points"; "KPI tile just shows a spinner" where every subject is a KPI tile on some
    dashboard). The class word is the traces' own, never a list's. Each form with the number of
    words it replaced; none where the subjects share no head."""
    toks = name.split()
    low = [x.lower() for x in toks]

    def is_verb(x: str) -> bool:
        return _is_verb(x, verbs)

    run = 0  # the opening value: no glue, no verb, said by few
    while (
        run < len(low)
        and low[run] not in _GLUE
        and not is_verb(low[run])
        and support.get(stem(low[run]), 0.0) < MIN_SAID
    ):
        run += 1
    rest = [stem(x) for x in low[run : run + 2]]
    # a verb follows, after any adverb ("just shows"), or an auxiliary ("is stuck")
    after = next((j for j in range(run, len(low)) if low[j] not in FUNCTION_WORDS), None)
    if not run or after is None:
        return []
    if low[run] not in _AUXILIARIES and not _verb_after(low[run - 1], low[after], is_verb):
        return []
    heads: Counter[tuple[str, ...]] = Counter()
    spelt: dict[tuple[str, ...], Counter[str]] = {}
    total = 0.0
    for text, n in zip(texts, weights, strict=True):
        for clause in CLAUSE_SPLIT.split(clean_for_naming(text)):
            words = TOKEN.findall(clause)
            st = [stem(w) for w in words]
            at = next((k for k in range(1, len(st)) if st[k : k + len(rest)] == rest), None)
            if at is None:
                continue
            total += n
            # the subject's noun phrase: after its determiners, up to a preposition or the verb
            np_ = []
            for w in words[:at]:
                if w.lower() in _GLUE:
                    if np_:
                        break
                    continue
                np_.append(w)
            if np_ and not is_verb(np_[-1].lower()):
                for size in (1, 2):
                    if len(np_) >= size:
                        key = tuple(w.lower() for w in np_[-size:])
                        heads[key] += n
                        spelt.setdefault(key, Counter())[" ".join(np_[-size:])] += n
            break
    if not total:
        return []

    def shared(key: tuple[str, ...], n: float) -> bool:
        # most subjects, or the head of several values' phrases ("pie chart", "map chart"),
        # not one value many say ("heatmap")
        kinds = {k for k in heads if len(k) == 2 and k[1:] == key}
        return n >= MIN_SAID * total or (n >= MIN_CLASS_HEAD * total and len(kinds) > 1)

    best = max(heads.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]), default=None)
    if best is None or not shared(*best) or best[0] == tuple(low[:run]):
        return []
    head = max(spelt[best[0]].items(), key=lambda kv: (kv[1], kv[0]))[0]
    form = " ".join([head, *toks[run:]])
    return [(form[:1].upper() + form[1:], run)]


def _object_went(j: int, drop: set[int], low: list[str], verb: Callable[[str], bool]) -> bool:
    """A kept verb whose object, opened by a determiner, went from right after it: "Find [a
    train going] from Portland", "Book [a table] at Nopa". A bare value may go ("Export
    [Product usage] to CSV", "Connect [Postgres] account"). A name's first word before a
    determiner is a verb whatever the topic's verbs ("Reserve [a table] for Friday")."""
    return (j == 0 or verb(low[j])) and j + 1 in drop and low[j + 1] in OBJECT_START


def _one_conjunct(run: list[int], drop: set[int], low: list[str]) -> bool:
    """`run` is one side of an "and" / "or" whose other side stays: "lost or [stolen]",
    "[Tickets] and orders" name both sides, not one (both may go: "[Analyst and billing]
    admin roles")."""
    before, after = run[0] - 1, run[-1] + 1
    return (before > 0 and low[before] in ("and", "or") and before - 1 not in drop) or (
        after + 1 < len(low) and low[after] in ("and", "or") and after + 1 not in drop
    )


def _verb_after(before: str, word: str, verb: Callable[[str], bool]) -> bool:
    """`word` is a verb after `before`, its subject: a verb form, or an -s form after a
    singular noun ("Inventory loads", "tile renders"; "Dashboards filter" is no verb's)."""
    agrees = word.endswith("s") and not word.endswith("ss") and not before.endswith("s")
    return verb(word) or agrees


def said_by_most(
    name: str,
    t: NamingInput,
    *,
    embed: EmbedFn,
    floor: float,
    support: dict[str, float],
    verbs: frozenset[str],
    fits: Callable[[str], bool],
) -> str:
    """`name`, or where less than `floor` of the topic's traffic says it (`support.said_shares`,
    its texts' own vectors), the `general_forms` of it that `fits` the namer's rules and most of
    the traffic says (the one that drops fewest words, then the most said): a name that carries
    one value of a slot its traces fill with many names what they share ("SAML SSO with Entra
    ID" -> "SAML SSO"), or with a subject value named by the head its texts' subjects share
    (`subject_forms`: "[Inventory] shows no data points" -> "Chart shows no data points"). A
    name most of its traces say ("Connection to Snowflake keeps dropping" over a topic about
    Snowflake) is kept whole (`reads_as_sibling`: the namer keeps it where the form would read
    as a sibling's). `support`: the topic's `word_support`."""
    sayers = Sayers(text_words(t.texts, t.weights))
    vectors = np.asarray(t.vectors, np.float32)
    if said_shares([name], sayers, vectors, embed)[0] >= floor:
        return name
    forms = general_forms(name, support, verbs, t.texts, t.weights) + subject_forms(
        name, t.texts, t.weights, support, verbs
    )
    forms = [(f, k) for f, k in forms if fits(f)]
    shares = said_shares([f for f, _ in forms], sayers, vectors, embed, floor)
    said = [(k, -share, j) for j, ((_, k), share) in enumerate(zip(forms, shares, strict=True))
            if share >= floor]  # fmt: skip
    return forms[min(said)[2]][0] if said else name


def reads_as_sibling(
    form: str, name: str, sibling: str, s: NamingInput, *, embed: EmbedFn, floor: float
) -> bool:
    """`form`, a `said_by_most` form of `name`, cannot be told from `sibling` (another subtopic's
    name; `s` its topic, with vectors): what it keeps of `name` repeats the sibling's idea
    (`repeats_idea`, the parents' rule) and at least `floor` of the sibling's traffic says the
    form too (`support.said_shares`). "[Marketing funnel ->] Chart just shows a spinner" beside
    "KPI tile just shows a spinner", whose traces say "chart" in paraphrase; "Dropped calls"
    beside "Dropped calls on 5G". Not "KPI tile just shows a spinner" beside "Chart just shows a
    spinner": the chart traces do not say "KPI tile"."""
    if s.vectors is None or len(s.vectors) != len(s.texts):
        return False
    own = {x.lower() for x in name.split()}
    kept = " ".join(x for x in form.split() if x.lower() in own)
    if not kept or not repeats_idea(kept, sibling, embed):
        return False
    sayers = Sayers(text_words(s.texts, s.weights))
    return said_shares([form], sayers, np.asarray(s.vectors, np.float32), embed, floor)[0] >= floor


def _distinct_name(base: str, avoid: set[str]) -> str:
    """`base`, or "base (2)", "base (3)", ... the first not in `avoid` (lower case)."""
    name, n = base, 2
    avoid = set(avoid)  # the names themselves: "base (2)" repeats base's idea
    while name.lower() in avoid:
        name, n = f"{base} ({n})", n + 1
    return name


def _moods(text: str, strip: bool) -> frozenset[str]:
    """The evaluative words of a text that says nothing else: every content word a judgement
    (`EVALUATIVE_WORDS`), a degree ("so", "honestly", "getting") or when ("week", "lately");
    empty when it says what about ("Terrible coverage on my street")."""
    low = [x.lower() for x in TOKEN.findall(clean_for_naming(text, strip_head=strip))]
    content = [
        x for x in low
        if x not in FUNCTION_WORDS and x not in DEGREE_WORDS and x not in MOOD_TIMES
        and not GREETING_WORDS.fullmatch(x)
    ]  # fmt: skip
    if not content or not all(x in EVALUATIVE_WORDS for x in content):
        return frozenset()
    return frozenset(content)


def _mood_share(texts: list[str], weights: list[float], strip: bool) -> float:
    """The share of the traffic whose text says only a judgement (`_moods`)."""
    total = float(sum(weights)) or 1.0
    return sum(w for x, w in zip(texts, weights, strict=True) if _moods(x, strip)) / total


def mood_name(texts: list[str], weights: list[float], strip: bool = False) -> str:
    """The name of traffic that says only how its writers feel: "Complaints without a stated
    reason" where most of its judgements blame, else "Praise without a stated reason"."""
    neg = pos = 0.0
    for x, w in zip(texts, weights, strict=True):
        moods = _moods(x, strip)
        if moods & NEGATIVE_WORDS:
            neg += w
        elif moods:
            pos += w
    return MOOD_NAMES[0] if neg >= pos else MOOD_NAMES[1]


def name_scores(
    e: np.ndarray,
    *,
    own: np.ndarray,
    others: np.ndarray,
    share: np.ndarray,
    lengths: np.ndarray,
    params: NamingParams,
    cover: np.ndarray | None = None,
) -> np.ndarray:
    """The namer's score of names of one topic (`e`: their unit vectors), the one used to pick
    a name and to weigh a kept name against a new one (`names_kept`): mean similarity to the
    topic's `own` vectors (its core texts, or its centroid) against the nearest sibling
    centroids (`others`), plus the share of its traffic that says the name, minus the length
    penalty, plus a parent's `cover` (`coverage`) when its params weigh it."""
    own_sim = (e @ np.atleast_2d(own).T).mean(axis=1)
    other = (e @ others.T).max(axis=1) if len(others) else np.zeros(len(e))
    score = (
        own_sim
        - params.contrast * np.maximum(other, 0)
        + params.support * np.sqrt(np.asarray(share, dtype=float))
        - params.length_penalty * np.maximum(np.asarray(lengths) - 3, 0)
    )
    if cover is not None and params.coverage:
        score = score + params.coverage * np.asarray(cover, dtype=float)
    return score


def name_margins(e: np.ndarray, cents: np.ndarray, i: int) -> np.ndarray:
    """How much nearer each name (unit vectors `e`) lies to topic `i`'s centroid than to the
    nearest other one (`cents`: unit centroids of the topic and its siblings); 1.0 alone."""
    sims = np.asarray(e, np.float32) @ np.asarray(cents, np.float32).T
    if sims.shape[1] < 2:
        return np.ones(len(sims))
    others = np.delete(sims, i, axis=1)
    return sims[:, i] - others.max(axis=1)


def _participle(word: str, said: frozenset[str] | set[str] = frozenset()) -> bool:
    """A past form of a verb the texts' events use ("charged", "billed", "declined"), which
    `verb_forms` may miss where no text uses it as a verb after a subject; or of a word the texts
    (`said`: their lower-cased words or those words' stems) use bare ("billed" where they say
    "bill" or "billing", "reported" where they say "report")."""
    if not word.endswith("ed") or word.endswith("eed") or len(word) < 5:
        return False
    base = {word[:-1], word[:-2], word[:-3] if word[-3:-2] == word[-4:-3] else word[:-2]}
    return bool(base & (EVENT_VERBS | COMMON_VERBS)) or bool(
        {b for b in base if len(b) >= 4} & set(said)
    )


# The category nouns of a parent's "<object> requests" form, in either number
_FORM_NOUNS = frozenset("requests questions issues request question issue".split())  # noqa: SIM905


def category_form(
    name: str, kids_said: list[list[tuple[frozenset[str], float]]], said: frozenset[str]
) -> str:
    """A parent's name of the "<word> requests / issues / questions" form, made safe: "" where
    a word before the noun is a verb's past form (`_participle`: "Billed issues", "Reported
    issues") or is said by a minority of the parent's traffic while some subtopic never says it
    (`minority_parent`: "Phones request" over password, 2FA and MFA resets, only the MFA one
    saying "phones"); else the name with the noun in lower case ("Slack Request" -> "Slack
    request"), plural after a plural ("Seats request" -> "Seats requests"; "Annual leave
    request", a phrase its texts say, stays). Any other name is returned as it is."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in _FORM_NOUNS:
        return name
    mods = words[:-1]
    if any(_participle(m.lower(), said) for m in mods):
        return ""
    if minority_parent(name, kids_said):  # the noun is no content word; a pair says either
        return ""
    noun = words[-1].lower()
    before = mods[-1].lower()
    plural = before.endswith("s") and not before.endswith(("ss", "us", "is")) and len(before) > 3
    return " ".join([*mods, noun + "s" if plural and not noun.endswith("s") else noun])


# Nouns that say what kind of need, not about what: "Embed issues" repeats "Embedded dashboards"
_NEED_STEMS = frozenset(stem(w) for w in _FORM_NOUNS)
# Names this near in the embedding say one thing ("Card delivery", "Card arrival" 0.85); one
# idea in other words is far nearer than two ideas in one pattern ("Bus tickets", "Train
# tickets" 0.72)
NEAR_SAME = 0.85


def name_idea(
    name: str, *, classes: bool = True, kinds: Kinds = NO_KINDS, heads: frozenset[str] = frozenset()
) -> frozenset[str]:
    """What a name is about: its content stems without a need noun ("issues", "requests"), a
    verb of an action class as its class (`classes`: "switch" -> "change",
    `words.ACTION_CLASSES`), and a kind as its head where that head is one of `heads` and the
    name does not say it itself (`kinds`, `support.learn_kinds`: "Free change" is about a plan
    where the texts say "the Free plan" and a sibling says "plan"; "Pro plan questions" names
    its plan)."""
    own = [st for st in content_words(name) if st not in _NEED_STEMS]
    out = set()
    for st in own:
        up = kinds.heads.get(st, frozenset()) & heads
        st = min(up) if up and not up & set(own) else st
        out.add(next((c for c, vs in CLASS_VERBS.items() if st in vs), st) if classes else st)
    return frozenset(out)


def repeats_idea(name: str, sibling: str, embed: EmbedFn, kinds: Kinds = NO_KINDS) -> bool:
    """`name` says nothing that tells it from `sibling`: what it is about is all in the
    sibling's (`name_idea`: "Embed issues" beside "Embedded dashboards", "Plan switch" beside
    "Plan change", "Free change" beside "Plan change" where `kinds` has Free a plan; "Chart
    snapshot" beside "Chart issues" says more, "Plan downgrade" beside "Plan upgrade" the other
    direction, `support.OPPOSITES`), or the two lie NEAR_SAME in the embedding and share a
    word."""
    words = name_idea(sibling, classes=False)
    a, b = name_idea(name, kinds=kinds, heads=words), name_idea(sibling)
    own = name_idea(name, classes=False, kinds=kinds, heads=words)
    # a word of their own in common: "Embed issues" shares a class with "Chart sharing" only;
    # opposite directions of one class tell two names apart ("Plan downgrade", "Plan upgrade")
    if not a or not own & words or any(OPPOSITES.get(st, frozenset()) & words for st in own):
        return False
    if a <= b:
        return True
    e = np.asarray(embed([name, sibling]), np.float32)
    e /= np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)
    return float(e[0] @ e[1]) >= NEAR_SAME


class _Avoid(set):
    """The names a parent may not take (lower case) and, where `in` asks, any name that
    repeats a sibling parent's idea (`repeats_idea`, reading the facet's `kinds`): every step
    of the namer then passes to its next candidate, as it does for a name taken."""

    def __init__(
        self, names: set[str], siblings: list[str], embed: EmbedFn, kinds: Kinds = NO_KINDS
    ) -> None:
        super().__init__(names)
        self.siblings, self.embed, self.kinds = siblings, embed, kinds

    def __contains__(self, name: object) -> bool:
        return super().__contains__(name) or (
            isinstance(name, str)
            and any(repeats_idea(name, s, self.embed, self.kinds) for s in self.siblings)
        )


def abstract_name(
    t: NamingInput,
    support: dict[str, float],
    *,
    embed: EmbedFn,
    centroid: np.ndarray,
    others: np.ndarray,
    min_support: float,
    verbs: frozenset[str],
    avoid: set[str],
    surface: dict[str, str],
    contrast: float = 0.25,
    context: WordContext | None = None,
    children: list[tuple[dict[str, float], float]] | None = None,
    min_coverage: float = 0.0,
) -> str:
    """A name for a topic whose texts share no phrase: its words (or adjacent word pairs)
    used widely enough (`min_support`; a parent's: by subtopics holding `min_coverage` of its
    traffic, `children`), that are not verbs, with a category noun, scored like the phrases
    (similarity to the centroid against the nearest siblings). "" when no word is shared
    widely enough. A category name is not held to `NamingParams.min_distinct`: preferring a
    distinct one was tried and read worse ("Load settings" over "Dashboard issues")."""
    heads: Counter[tuple[str, ...]] = Counter()
    strip = shared_head(t.texts)  # the label value every text opens with is the parent's
    clauses = [
        ([x.lower() for x in TOKEN.findall(clause)], w)
        for text, w in zip(t.texts, t.weights, strict=True)
        for clause in CLAUSE_SPLIT.split(clean_for_naming(text, strip_head=strip))
    ]
    nominal = _nominals([low for low, _ in clauses])
    bare = _bare_words([low for low, _ in clauses])
    for low, w in clauses:
        ok = [
            x not in FUNCTION_WORDS
            and x not in verbs
            and x not in NEEDS_TO
            and x not in POLARITY_WORDS  # "Charged twice issues": what went wrong is no head
            and x not in EVALUATIVE_WORDS  # "Kind settings": the writer's mood is no head
            and x not in DEGREE_WORDS
            and not _participle(x, bare)  # "Charged issues": what was done is no head either
            and not any(c.isdigit() for c in x)
            and support.get(stem(x), 0.0) >= min_support
            for x in low
        ]
        seen = {(x,) for x, good in zip(low, ok, strict=True) if good}
        seen |= {
            (a, b)
            for a, b, ga, gb in zip(low, low[1:], ok, ok[1:], strict=False)
            if ga and gb and stem(a) != stem(b)
        }
        # a shared verb counts through its noun in the same texts ("connect" -> "connection")
        seen |= {
            (nominal[x],)
            for x in low
            if x in verbs and x in nominal and support.get(stem(x), 0.0) >= min_support
        }
        for h in seen:
            heads[h] += w
    if not heads:
        return ""
    covering = Counter(
        {h: n for h, n in heads.items() if coverage(" ".join(h), children or []) >= min_coverage}
    )
    heads = covering or heads  # the words the subtopics share, when any word is
    top = [h for h, _ in sorted(heads.items(), key=lambda kv: (-kv[1], kv[0]))[:4]]
    said = {x for low, _ in clauses for x in low}
    # a parent's category noun is said by its traffic; a subtopic with no phrase keeps them all
    nouns = category_nouns(support) if children is not None else list(CATEGORY_NOUNS)
    names = []
    for h in top:
        # a noun before the category reads in the singular when the texts use it ("Seats
        # requests" -> "Seat requests")
        h = (*h[:-1], singular_said(h[-1], said))
        for noun in nouns:
            name = tidy_phrase((*h, noun), {**surface, noun: noun})
            if name.lower() not in avoid and not label_problems(name, verbs=verbs, context=context):
                names.append(name)
    if not names:
        return ""
    e = np.asarray(embed(names), np.float32)
    other = (e @ others.T).max(axis=1) if len(others) else np.zeros(len(names))
    score = e @ centroid - contrast * np.maximum(other, 0)
    return names[int(np.lexsort((names, -score))[0])]


def category_nouns(support: dict[str, float]) -> list[str]:
    """The `CATEGORY_NOUNS` a topic's name may end in: a need noun ("issues", "questions",
    "requests") says what kind of need in any words; "setup", "settings", "access", "errors" say
    what the topic is about, so its traffic says them (`support`, MIN_SUPPORT: no "Seat setup"
    over seat prices and counts that no text sets up; "Connection setup" where a subtopic reads
    "Read-only setup guide")."""
    return [
        n for n in CATEGORY_NOUNS if n in _FORM_NOUNS or support.get(stem(n), 0.0) >= MIN_SUPPORT
    ]


def _bare_words(clauses: list[list[str]]) -> frozenset[str]:
    """The words of some texts and their stems, not the "-ed" forms: what `_participle` reads."""
    words = {x for low in clauses for x in low if not x.endswith("ed")}
    return frozenset(words | {stem(x) for x in words})


def _children_said(t: NamingInput) -> list[list[tuple[frozenset[str], float]]]:
    """A parent's subtopics as its texts show them (`groups`): `text_words` of each one's."""
    return [text_words([t.texts[n] for n in ix], [t.weights[n] for n in ix]) for ix in _by_group(t)]


def _by_group(t: NamingInput) -> list[list[int]]:
    """The indices of a parent's texts per subtopic (`groups`), in subtopic order."""
    by: dict[int, list[int]] = {}
    for n, g in enumerate(t.groups or []):
        by.setdefault(g, []).append(n)
    return [ix for _, ix in sorted(by.items())]


def _abstracted(
    name: str,
    t: NamingInput,
    *,
    embed: EmbedFn,
    centroid: np.ndarray,
    others: np.ndarray,
    verbs: frozenset[str],
    avoid: set[str],
    surface: dict[str, str],
    context: WordContext | None,
    kinds: Kinds = NO_KINDS,
    reversed_: bool = False,
) -> str:
    """`name`, or where most of the parent does not say it while its subtopics differ
    (`minority_parent` below MIN_CLASS_SAID), the `class_name` its texts say more often, if
    any. A text says a head its words are kinds of (`kinds`: "Business" says "plan"). A name
    that only lists kinds of one head ("Pro and Business", "Basic and Unlimited": `lists_kinds`)
    is abstracted the same way: it names members, not what is asked of them; so is a name that
    states one case (`grammar.case_statement`), by any abstraction found. `reversed_`: the
    namer refused a better phrase a subtopic reverses (`support.contradicted`: "Upgrade to
    Business" over a downgrade); where no object and class most of it says is found, one a
    third says (MIN_PARENT_SAID: "Plan change") stands in for the phrases every direction
    would have to say."""
    kids_said = [kinds.said(c) for c in _children_said(t)]
    # a name that only lists kinds of one head, or states one case (taken where no phrase
    # names what is wanted), is abstracted wherever an abstraction is found
    stated = case_statement(name, verbs)
    listed = lists_kinds(name, kinds) or stated
    if not listed and not minority_parent(name, kids_said, MIN_CLASS_SAID):
        return name
    said = Sayers(kinds.said(text_words(t.texts, t.weights)), classes=True)
    better = ""
    for floor in (MIN_CLASS_SAID, MIN_PARENT_SAID) if reversed_ else (MIN_CLASS_SAID,):
        better = better or class_name(
            t, embed=embed, centroid=centroid, others=others, verbs=verbs, avoid=avoid,
            surface=surface, context=context, kids_said=kids_said, kinds=kinds, floor=floor,
        )  # fmt: skip
    if not better and (listed or minority_parent(name, kids_said)):  # one the audit counts
        better = object_name(
            t, said, embed=embed, centroid=centroid, others=others, verbs=verbs, avoid=avoid,
            surface=surface, context=context, kinds=kinds,
        ) or pair_name(
            t, embed=embed, centroid=centroid, others=others, verbs=verbs, avoid=avoid,
            surface=surface, context=context, kinds=kinds,
        )  # fmt: skip
    if not better:  # "Free and Pro", "End of the cycle" beside a sibling's "Plan change"
        better = action_name(t, verbs=verbs, avoid=avoid, surface=surface, context=context,
                             kids_said=kids_said)  # fmt: skip
    return better if better and (stated or said.share(better) > said.share(name)) else name


# Verbs of the action classes (`words.ACTION_CLASSES`) whose bare form is also their noun ("a
# downgrade", "the export", "a refund"): English word formation, no domain's words
VERB_NOUNS = frozenset(
    "change switch move upgrade downgrade update swap export download refund reset transfer "  # noqa: SIM905
    "search".split()
)


def action_name(
    t: NamingInput,
    *,
    verbs: frozenset[str],
    avoid: set[str],
    surface: dict[str, str],
    context: WordContext | None,
    kids_said: list[list[tuple[frozenset[str], float]]],
) -> str:
    """The abstraction step's last try for a parent whose action's class a sibling parent
    names ("Plan change", so "Free change" and "Downgrade to Business" repeat it): the action
    most of it asks for, a verb that is its own noun (`VERB_NOUNS`) said by MIN_CLASS_SAID of
    its traffic and reversed by no subtopic, with the noun of what most of it does
    (`need_noun`): "Downgrade requests". "" when no such verb is said by most, or no sibling
    (`avoid`'s, `_Avoid`) names its class ("Password reset" stays)."""
    named = {c for s in getattr(avoid, "siblings", []) for c in name_idea(s)}
    said = Sayers(text_words(t.texts, t.weights))
    noun = need_noun(t.texts, t.weights)
    for share, verb in sorted(
        ((said.share(v), v) for v in VERB_NOUNS), key=lambda x: (-x[0], x[1])
    ):
        if share < MIN_CLASS_SAID:
            break
        if not name_idea(verb) & named:
            continue
        name = tidy_phrase((verb, noun), {**surface, noun: noun})
        if not (
            name.lower() in avoid
            or label_problems(name, verbs=verbs, context=context)
            or contradicted(name, kids_said)
        ):
            return name
    return ""


def lists_kinds(name: str, kinds: Kinds) -> bool:
    """`name`'s content words are two or more kinds of one head and nothing else: "Pro and
    Business" (plans), "Visa or Mastercard" (cards)."""
    words = content_words(name)
    if len(words) < 2 or not kinds.heads:
        return False
    shared = frozenset.intersection(*(kinds.heads.get(w, frozenset()) for w in words))
    return bool(shared)


# A parent's object name (`object_name`): the object with one of these nouns, which say what
# kind of need without saying what was done to it: a problem its texts report, a question they
# ask, else a request (`need_noun`).
OBJECT_NOUNS = ("requests", "questions", "issues")
MAX_OBJECTS = 4  # objects tried per parent, by share
# "personal details", "Apple Pay": an object word said with the same neighbour in this share of
# the traffic that says it is named with it
MIN_PAIRED = 0.6
_ASKING = frozenset(
    """how what why when where which who whom whose is are can could do does did will would
    should may""".split()  # noqa: SIM905
)


# A clause that opens with one of these and wants nothing reports how a thing is ("The
# dashboard takes over a minute to load", "Our parcel sits at the depot since Monday", "My
# meter shows double the usage"), not a request
_SUBJECTS = frozenset("the my our this that these those their his her its nobody".split())  # noqa: SIM905
_WANTING = frozenset(
    """want wants wanted need needs like love wish please would could can should help
    let lets how""".split()  # noqa: SIM905
)


def _reports(clauses: list[list[str]]) -> bool:
    """Every clause of a text opens with a subject (`_SUBJECTS`) and none wants anything."""
    return all(c[0] in _SUBJECTS and not (set(c) & _WANTING) for c in clauses)


def need_noun(texts: list[str], weights: list[float]) -> str:
    """What most of a parent's traffic does, as `OBJECT_NOUNS` says it: "issues" where its texts
    report a problem (a negation or a problem word in a clause: "my PIN is blocked", "didn't get
    my cash"), else "questions" where they ask (a question mark, or a clause opening with a
    question word or an auxiliary), else "issues" where every clause reports how a thing is
    (`_reports`: "The dashboard takes over a minute to load"), else "requests" ("Find a house
    to rent", "Change my personal details"). Ties go to the request."""
    shares: Counter[str] = Counter()
    for text, w in zip(texts, weights, strict=True):
        clauses = [[x.lower() for x in TOKEN.findall(c)] for c in CLAUSE_SPLIT.split(text)]
        clauses = [c for c in clauses if c]
        if any(polarity_words(c) for c in clauses):
            shares["issues"] += w
        elif "?" in text or any(c[0] in _ASKING for c in clauses):
            shares["questions"] += w
        elif clauses and _reports(clauses):
            shares["issues"] += w
        else:
            shares["requests"] += w
    return max(OBJECT_NOUNS, key=lambda n: (shares[n], n == "requests"))


def _paired(
    obj: str, texts: list[str], weights: list[float], verbs: frozenset[str], surface: dict[str, str]
) -> tuple[str, ...]:
    """`obj` with the word it is said next to in MIN_PAIRED of the traffic that says it: a
    modifier before it ("personal details": no function word, verb or digit) or a name's second
    word after it ("Apple Pay": both written with capitals); else `obj` alone."""
    common = frozenset(stem(v) for v in verbs | COMMON_VERBS)
    said = 0.0
    pairs: Counter[tuple[str, ...]] = Counter()
    for text, w in zip(texts, weights, strict=True):
        seen: set[tuple[str, ...]] = set()
        says = False
        for clause in CLAUSE_SPLIT.split(clean_for_naming(text)):
            low = [x.lower() for x in TOKEN.findall(clause)]
            for j in (j for j, x in enumerate(low) if x == obj):
                says = True
                before = low[j - 1] if j else ""
                if (
                    before
                    and before not in FUNCTION_WORDS
                    and before not in verbs
                    and before not in POLARITY_WORDS  # "charged twice", "wrong PIN"
                    and stem(before) not in common
                ):
                    seen.add((before, obj))
                if j + 1 < len(low) and all(
                    surface.get(x, x)[:1].isupper() for x in (obj, low[j + 1])
                ):
                    seen.add((obj, low[j + 1]))
        said += w * says
        for pair in seen:
            if pair[0] != pair[1] and not any(c.isdigit() for x in pair for c in x):
                pairs[pair] += w
    if not said or not pairs:
        return (obj,)
    pair, n = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))
    return pair if n >= MIN_PAIRED * said else (obj,)


def object_name(
    t: NamingInput,
    said: Sayers,
    *,
    embed: EmbedFn,
    centroid: np.ndarray,
    others: np.ndarray,
    verbs: frozenset[str],
    avoid: set[str],
    surface: dict[str, str],
    context: WordContext | None = None,
    contrast: float = 0.25,
    kinds: Kinds = NO_KINDS,
) -> str:
    """The abstraction step's second try, where no (object, class) pair is said by most of a
    parent (`class_name`) and the audit counts its name (`minority_parent`): the object most of
    its traffic names (MIN_CLASS_SAID; `said` reads
    the kinds its texts' words are, so "Upgrade to Business" names a plan), no verb, with the
    word it is said next to where most say both (`_paired`: "Personal details", "Apple Pay"),
    and the noun of what most of it does (`need_noun`): "Slack issues" over a Slack bot that
    stopped posting and a digest that never came; "House requests" over finding and visiting
    houses. The best of up to MAX_OBJECTS objects against the nearest siblings (`others`), when
    it lies MIN_DISTINCT nearer its centroid than any of theirs. "" when no object is said by
    most, or no such name is distinct."""
    forms = _forms(t)
    counts = {o: said.share(o) for o in _objects(t, forms, verbs, kinds)}
    objects = [o for o, share in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
               if share >= MIN_CLASS_SAID][:MAX_OBJECTS]  # fmt: skip
    noun = need_noun(t.texts, t.weights)
    names = []
    for obj in objects:
        words = _paired(obj, t.texts, t.weights, verbs, surface)
        words = (*words[:-1], singular_said(words[-1], _spellings(forms)))
        name = tidy_phrase((*words, noun), {**surface, noun: noun})
        if (
            name not in names
            and name.lower() not in avoid
            and not label_problems(name, verbs=verbs, context=context)
        ):
            names.append(name)
    return _distinct_best(names, np.zeros(len(names)), embed, centroid, others, contrast)


def _distinct_best(
    names: list[str],
    bonus: np.ndarray,
    embed: EmbedFn,
    centroid: np.ndarray,
    others: np.ndarray,
    contrast: float,
) -> str:
    """Of a parent's candidate names, the best by `bonus` plus its similarity to the centroid
    against the nearest siblings (`others`) that lies MIN_DISTINCT nearer its centroid than any
    of theirs; "" when none does."""
    if not names:
        return ""
    e = np.asarray(embed(names), np.float32)
    own = e @ np.asarray(centroid, np.float32)
    other = (e @ others.T).max(axis=1) if len(others) else np.full(len(names), -1.0)
    score = bonus + own - contrast * np.maximum(other, 0)
    for j in np.lexsort((names, -score)):
        if own[j] - other[j] >= MIN_DISTINCT:
            return names[int(j)]
    return ""


def singular_said(word: str, said: set[str] | frozenset[str]) -> str:
    """A plural noun before a category noun reads in the singular where the texts `said` it
    ("Invoices" -> "Invoice", "queries" -> "query"); as it is otherwise ("Analytics")."""
    if not word.endswith("s") or word.endswith("ss"):
        return word
    for one in (word[:-3] + "y" if word.endswith("ies") else "", word[:-1], word[:-2]):
        if one and one in said:
            return one
    return word


def _spellings(forms: dict[str, Counter[str]]) -> frozenset[str]:
    """Every spelling `_forms` counted (lower case)."""
    return frozenset(w for c in forms.values() for w in c)


def _forms(t: NamingInput) -> dict[str, Counter[str]]:
    """Each stem of a topic's texts and its spellings (lower case), counted."""
    forms: dict[str, Counter[str]] = {}
    for text in t.texts:
        for tok in TOKEN.findall(clean_for_naming(text)):
            forms.setdefault(stem(tok.lower()), Counter())[tok.lower()] += 1
    return forms


def _objects(
    t: NamingInput, forms: dict[str, Counter[str]], verbs: frozenset[str], kinds: Kinds
) -> list[str]:
    """The words of a parent's texts that may name what it is about (each stem's commonest
    spelling): no glue, verb, polarity, judgement, greeting or number, no kind whose head
    most of the texts say themselves, and a thing by how the texts use it
    (`grammar.thing_words`: not "reloads" in "reloads all tiles", nor "per-minute")."""
    literal = Sayers(text_words(t.texts, t.weights))
    common = frozenset(stem(v) for v in verbs | COMMON_VERBS)
    out = []
    for st, fs in forms.items():
        low = fs.most_common(1)[0][0]
        if (
            low in FUNCTION_WORDS
            or low in verbs
            or st in common
            or low in POLARITY_WORDS  # "twice", "wrong": what went wrong, not with what
            or low in EVALUATIVE_WORDS  # "ridiculous", "kind": the writer's mood
            or GREETING_WORDS.fullmatch(low)
            or any(c.isdigit() for c in low)
            or len(low) < 2
            # a kind whose head most of the texts say themselves is the head's modifier
            # ("disposable virtual card": the object is the card)
            or any(literal.share(h) >= MIN_CLASS_SAID for h in kinds.heads.get(st, ()))
        ):
            continue
        out.append(low)
    things = thing_words(set(out), t.texts, t.weights)
    return [o for o in out if o in things]


MAX_PAIR_OBJECTS = 8  # objects paired per parent, by the share of its subtopics saying each


def pair_name(
    t: NamingInput,
    *,
    embed: EmbedFn,
    centroid: np.ndarray,
    others: np.ndarray,
    verbs: frozenset[str],
    avoid: set[str],
    surface: dict[str, str],
    context: WordContext | None = None,
    contrast: float = 0.25,
    kinds: Kinds = NO_KINDS,
) -> str:
    """The abstraction step's last try, where no one object is said by most of a parent
    (`class_name`, `object_name`) and the audit counts its name (`minority_parent`): two objects
    that between them most of its subtopics use (MIN_CLASS_SAID of its traffic in subtopics
    CHILD_USE of whose traffic says either), each used by a subtopic the other is not, neither
    by all, with the noun of what most of it does (`need_noun`): "Invoice and payment questions"
    over double charges, PO numbers and invoice downloads, where one child's phrase ("Receipt for
    the payment") named them before. What the subtopics share, not one child's wording (Clio's
    parents, named from their children). The best pair by that share plus its similarity to the
    centroid against the nearest siblings, when it lies MIN_DISTINCT nearer its centroid than
    any of theirs; "" otherwise."""
    by = _by_group(t)
    if len(by) < 2:
        return ""
    forms = _forms(t)
    said = [kinds.said(text_words([t.texts[n] for n in ix], [t.weights[n] for n in ix]))
            for ix in by]  # fmt: skip
    traffic = [t.group_traffic.get(t.groups[ix[0]], 0.0) if t.group_traffic else 0.0
               for ix in by]  # fmt: skip
    traffic = [tr or sum(t.weights[n] for n in ix) for tr, ix in zip(traffic, by, strict=True)]
    total = sum(traffic) or 1.0
    groups = {}
    # each a thing the subtopics are about (`_objects`): no unit or time, verb, adjective or
    # the speaker's organisation ("Minutes and reloads", "Fun and interesting")
    for o in _objects(t, forms, verbs, kinds):
        if o in MONTHS or o in WEEKDAYS:
            continue  # when it was said ("November", "month"), not what about
        g = frozenset(k for k, s in enumerate(said) if Sayers(s).share(o) >= CHILD_USE)
        if g and len(g) < len(by):  # one said in every subtopic pairs with nothing
            groups[o] = g
    top = sorted(groups, key=lambda o: (-sum(traffic[k] for k in groups[o]), o))[:MAX_PAIR_OBJECTS]
    noun = need_noun(t.texts, t.weights)
    names, shares = [], []
    for a, b in combinations(top, 2):
        ga, gb = groups[a], groups[b]
        share = sum(traffic[k] for k in ga | gb) / total
        if share < MIN_CLASS_SAID or ga <= gb or gb <= ga:
            continue
        a, b = sorted((a, b))
        a, b = (singular_said(x, _spellings(forms)) for x in (a, b))  # "Dashboard and query"
        name = tidy_phrase((a, "and", b, noun), {**surface, noun: noun})
        if (
            name in names
            or name.lower() in avoid
            or label_problems(name, verbs=verbs, context=context)
        ):
            continue
        names.append(name)
        shares.append(share)
    # what more of its traces say (either word, `support.Sayers` of a parent's name) first
    heard = Sayers(kinds.said(text_words(t.texts, t.weights)), classes=True)
    bonus = np.array([heard.share(n) for n in names]) + np.array(shares)
    return _distinct_best(names, bonus, embed, centroid, others, contrast)


MAX_CLASS_NAMES = 8  # (object, class) pairs embedded per parent, by share


def class_name(
    t: NamingInput,
    *,
    embed: EmbedFn,
    centroid: np.ndarray,
    others: np.ndarray,
    verbs: frozenset[str],
    avoid: set[str],
    surface: dict[str, str],
    context: WordContext | None = None,
    kids_said: list[list[tuple[frozenset[str], float]]] | None = None,
    contrast: float = 0.25,
    kinds: Kinds = NO_KINDS,
    floor: float = MIN_CLASS_SAID,
) -> str:
    """The abstraction step of a parent whose subtopics ask different things of one object: the
    object most of its texts name with the action noun of a verb class most of them use with it
    (`words.ACTION_CLASSES`): upgrade / downgrade / switch plan -> "Plan change", export /
    download as CSV / PDF -> "Dashboard export". A pair is a candidate when most of the traffic
    (MIN_CLASS_SAID) holds the object and a verb of the class in one text, and it names no
    minority of the subtopics (`minority_parent`, `kids_said`); the best by that share
    plus its similarity to the centroid against the nearest siblings. The object is a content
    word that is no verb of any class (nor a common verb); "" when no pair qualifies. The
    object may be a head the facet's texts name its members by (`kinds`, `support.learn_kinds`):
    "Upgrade to Business", "Downgrade to Free" and "our Pro plan" all name a plan, and "as CSV",
    "in Excel" an export. `floor`: the share of traffic that must say the pair (MIN_CLASS_SAID;
    a third where the subtopics reversed the namer's phrases, `_abstracted`)."""
    total = float(sum(t.weights)) or 1.0
    index: dict[str, set[int]] = {}
    forms: dict[str, Counter[str]] = {}
    for n, text in enumerate(t.texts):
        stems = set()
        toks = TOKEN.findall(clean_for_naming(text))
        for tok in toks:
            low = tok.lower()
            st = stem(low)
            stems.add(st)
            index.setdefault(st, set()).add(n)
            forms.setdefault(st, Counter())[low] += 1
        # the heads its words are kinds of, and its phrasal verbs' class words ("set up")
        for h in (kinds.of(frozenset(stems)) | closed_phrasals(toks)) - stems:
            index.setdefault(h, set()).add(n)
            forms.setdefault(h, Counter())[kinds.form.get(h, h)] += 0
    actions = frozenset().union(*CLASS_VERBS.values()) | frozenset(CLASS_VERBS)
    common = frozenset(stem(v) for v in COMMON_VERBS)

    def weight(ix: set[int]) -> float:
        return sum(t.weights[n] for n in ix) / total

    pairs: list[tuple[float, str, str]] = []
    for st, ix in index.items():
        low = forms[st].most_common(1)[0][0]
        if (
            low in FUNCTION_WORDS
            or GREETING_WORDS.fullmatch(low)
            or any(c.isdigit() for c in low)
            or st in actions
            or st in common
            or low in EVALUATIVE_WORDS
            or len(low) < 2
            or weight(ix) < floor
        ):
            continue
        for noun in ACTION_CLASSES:
            vs = CLASS_VERBS[stem(noun)]
            both = ix & set().union(*(index.get(v, set()) for v in vs))
            share = weight(both)
            if share >= floor:
                pairs.append((share, low, noun))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    spellings = _spellings(forms)
    names, shares = [], []
    for share, low, noun in pairs:
        cand = tidy_phrase((singular_said(low, spellings), noun), {**surface, noun: noun})
        # a kind's pair says its head's ("Downgrade to Free" is a plan change): where a
        # sibling has the head's ("Plan change"), "Free change" repeats it (`_Avoid`)
        if (
            cand.lower() in avoid
            or cand in names
            or label_problems(cand, verbs=verbs, context=context)
            or (kids_said and minority_parent(cand, kids_said, floor))
        ):
            continue
        names.append(cand)
        shares.append(share)
        if len(names) >= MAX_CLASS_NAMES:
            break
    if not names:
        return ""
    e = np.asarray(embed(names), np.float32)
    other = (e @ others.T).max(axis=1) if len(others) else np.zeros(len(names))
    score = np.array(shares) + e @ centroid - contrast * np.maximum(other, 0)
    return names[int(np.lexsort((names, -score))[0])]


def _children(t: NamingInput) -> list[tuple[dict[str, float], float]]:
    """A parent's subtopics as its texts show them (`groups`): word support and traffic per
    subtopic, for `coverage`; [] for a topic of one group."""
    if t.groups is None or len(set(t.groups)) < 2:
        return []
    return [
        (word_support([t.texts[n] for n in ix], [t.weights[n] for n in ix]),
         sum(t.weights[n] for n in ix))
        for ix in _by_group(t)
    ]  # fmt: skip


def _nominals(clauses: list[list[str]]) -> dict[str, str]:
    """Each word's noun in -ion/-ment among the same texts, the most frequent first
    ("connect" -> "connection", "provision" stays, "deploy" -> "deployment")."""
    words = Counter(x for low in clauses for x in low)
    out: dict[str, str] = {}
    for noun, _ in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])):
        if not noun.endswith(("ion", "ment")):
            continue
        for cut in (3, 4, 5):  # connect|ion, deploy|ment, integrat|ion (+e)
            base = noun[:-cut]
            for verb in (base, base + "e"):
                if len(verb) >= 4 and verb in words and verb != noun:
                    out.setdefault(verb, noun)
    return out


def _without_one_booking(ph: tuple[str, ...], persons: frozenset[str]) -> tuple[str, ...]:
    """`ph` without what belongs to one booking: a person's or a pet's name (`persons`, with the
    title before it: "Pay for Mateo's fillings" -> "Pay for fillings", "Cleaning w Dr Reyes"
    -> "Cleaning") and its weekday, date or time ("Cancel visit Jan 6th" -> "Cancel visit");
    never its first word; as it was when fewer than MIN_WORDS are left."""
    low = list(ph)
    when = set(booking_time(low))
    drop = {j for j, w in enumerate(low) if j and (j in when or _owner(w) in persons)}
    drop |= {j for j in range(1, len(low) - 1) if low[j] in TITLES and j + 1 in drop}
    drop |= {j for j, w in enumerate(low) if j and w in SHORTHAND}
    if not drop:
        return ph
    for j in sorted(drop):  # the glue before a dropped word goes with it ("on the [11th]"),
        if low[j] != _owner(low[j]):  # not before an owner: "for [Mateo's] fillings"
            continue
        end = j
        while end + 1 < len(low) and end + 1 in drop:
            end += 1
        if end + 1 < len(low) and low[end + 1] not in FUNCTION_WORDS:
            continue  # nor before a noun's modifier: "after the [Monday] visit"
        k = j - 1
        while k > 0 and low[k] in FUNCTION_WORDS and k not in drop:
            drop.add(k)
            k -= 1
    out = [w for j, w in enumerate(low) if j not in drop]
    # glue left dangling before a dropped word ("visit on [Wed]", "cleaning for [Kiwi]")
    while out and out[-1] in FUNCTION_WORDS and not phrasal_end(out):
        out.pop()
    return tuple(out) if len(out) >= MIN_WORDS else ph


def _owner(word: str) -> str:
    """A possessive's owner: "mateo's" -> "mateo", "james'" -> "james"."""
    return word[:-2] if word.endswith("'s") else word.rstrip("'")


def _without_details(
    ph: tuple[str, ...],
    support: dict[str, float],
    facet_words: dict[str, float],
    p: NamingParams,
    surface: dict[str, str],
    verbs: frozenset[str] = COMMON_VERBS,
) -> tuple[str, ...]:
    """`ph` without its details: content words too few of the topic's traffic uses, and names
    and numbers (capitalized inside sentences, or digits) that less than RARE_SUPPORT of it
    uses where they end a noun phrase ("Delete user data for Lukas" -> "Delete user data",
    "Add 40 more seats" -> "Add more seats"; "Marketing funnel" and "Entra ID" stay); never its
    first word (the verb or subject), nor one after glue it would leave dangling ("Connection
    to Databricks keeps dropping" stays whole)."""

    def named(w: str) -> bool:
        return w.isdigit() or surface.get(w, w)[:1].isupper()

    out: list[str] = []
    for j, w in enumerate(ph):
        share = name_support(w, support, facet_words)
        last = j == len(ph) - 1 or all(x in FUNCTION_WORDS for x in ph[j + 1 :])
        detail = (
            named(w)
            and share < RARE_SUPPORT
            and (last or ph[j + 1] in FUNCTION_WORDS)  # ends its noun phrase ("for Lukas")
            and not (out and named(out[-1]))  # not the tail of a kept name ("Entra ID")
        )
        if j and has_digit(w):  # an amount goes only where the phrase stays whole:
            # "Add 25 users" -> "Add users", "for 60 seats" -> "for seats", not "arguments times"
            ends = (
                ph[j + 1] not in FUNCTION_WORDS
                and (j + 2 == len(ph) or ph[j + 2] in FUNCTION_WORDS)
                if not last
                else False
            )
            if (
                number_details(w, support)
                and not last
                and (
                    out[-1] in verbs
                    or out[-1] in _BEFORE_AMOUNT
                    or (out[-1] in _DETERMINERS and ends)
                )
            ):
                continue
            out.append(w)
            continue
        weak = w not in FUNCTION_WORDS and (share < p.min_support or detail)
        phrasal = j + 1 < len(ph) and is_phrasal(w) and ph[j + 1] in PARTICLES  # "set up"
        if weak and j and not phrasal and (last or out[-1] not in FUNCTION_WORDS):
            continue
        out.append(w)
    while out and out[-1] in FUNCTION_WORDS and not phrasal_end(out):
        out.pop()
    return tuple(out) if len(out) >= MIN_WORDS else ph


MAX_NAMING_TEXTS = 200  # most central member texts a name is drawn from


def naming_inputs(
    texts: list[str],
    x: np.ndarray,
    labels: np.ndarray,
    centroids: np.ndarray,
    weights: np.ndarray | None = None,
    keywords: dict[int, list[str]] | None = None,
) -> list[NamingInput]:
    """One NamingInput per topic 0..k-1: its texts most central first (ties by text, so row
    order never matters), weights = traces per text, word support over all its members."""
    w = np.ones(len(texts)) if weights is None else np.asarray(weights, dtype=float)
    out = []
    for t in range(len(centroids)):
        members = np.flatnonzero(labels == t)
        support = word_support([texts[i] for i in members], [float(w[i]) for i in members])
        traffic = float(w[members].sum())
        sims = x[members] @ centroids[t]
        members = members[np.lexsort(([texts[i] for i in members], -sims))][:MAX_NAMING_TEXTS]
        out.append(
            NamingInput(
                topic_id=t,
                texts=[texts[i] for i in members],
                weights=[float(w[i]) for i in members],
                centroid=centroids[t],
                keywords=(keywords or {}).get(t, []),
                support=support,
                traffic=traffic,
                vectors=x[members],
            )
        )
    return out


def _checked(embed: EmbedFn, dim: int) -> EmbedFn:
    """`embed`, or zero vectors (names then go by support and length alone) when its vectors
    cannot be compared with the centroids: another model's space, or a budget that refused."""

    def call(texts: list[str]) -> np.ndarray:
        try:
            out = np.asarray(embed(texts), dtype=np.float32)
        except Exception as exc:  # an endpoint failing must not fail the map
            log.warning("naming without embeddings (%s)", exc)
            out = np.zeros((0, 0), np.float32)
        if out.shape != (len(texts), dim):
            return np.zeros((len(texts), dim), np.float32)
        return out

    return call
