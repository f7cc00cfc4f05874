"""What a topic's own texts say around a name's words: a name cut from a longer phrase, or
ending on a word the texts vary.

A name is a span of its topic's texts, so the texts show what the span left out. Kept per word
(`word_context`): which word follows it and which precedes it inside a clause, weighted by
traces. `context_problems` reads a name against that:
- `cut_phrase`: the name ends where the texts go on with one word ("Q3 revenue [dashboard]",
  "with an external [client]", "Mode right [now]"), or opens inside a noun phrase or a clause
  ("[VAT] number to the invoices", "[Something] went wrong", "[from] Economy to business");
- `slot_detail`: the name ends on the filler of a slot the texts fill with many words ("Reset
  MFA for kenji" where others are for Sofia, Mei, Omar; "Team is rolling out azure" where
  others roll out Okta or OneLogin): one request's detail, not the topic.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tracetopics_pipeline.core.topics.labels.cleaning import clean_for_naming
from tracetopics_pipeline.core.topics.labels.questions import EVENT_VERBS
from tracetopics_pipeline.core.topics.labels.support import CATEGORY_NOUNS
from tracetopics_pipeline.core.topics.labels.words import (
    ABBREVIATED_TITLES,
    CLAUSE_SPLIT,
    DETERMINERS,
    END_GLUE,
    FUNCTION_WORDS,
    GREETING_WORDS,
    PARTICLES,
    PAST_ONLY,
    POLARITY_WORDS,
    TITLES,
    TOKEN,
    VERB_ONLY,
    polarity_words,
)

# A word the texts follow by one content word this often (of its weighted uses) is the first
# half of a longer name; a first word the texts precede by a content word this often opens
# inside one.
CUT_SHARE = 0.6
# A slot: a name's last two words are followed in the texts by at least SLOT_FILLERS distinct
# content words, and the name's own filler holds less than SLOT_SHARE of them.
SLOT_FILLERS = 4
SLOT_SHARE = 0.2
NAMED_SLOT_SHARE = 0.35  # when the filler is a name (capitalised in the texts)
MIN_USES = 3.0  # a word seen less often (weighted) says nothing about its context
_LOOKAHEAD = 3  # a slot's filler: the first content word within this many tokens


@dataclass
class WordContext:
    """Per lower-cased word of a topic's texts: the words after and before it in a clause
    ("" = the clause ends / starts), and per word pair, the content words that fill the slot
    after it; weighted by traces."""

    after: dict[str, Counter[str]] = field(default_factory=dict)
    before: dict[str, Counter[str]] = field(default_factory=dict)
    back: dict[str, Counter[tuple[str, ...]]] = field(default_factory=dict)  # 3 words before
    # the same per word before "to" / "into" / "onto" (key: the word and its preposition): how
    # the texts reach "X to" itself, which X's other uses need not share ("[add 60 more] seats
    # to our plan" beside "Reduce seats from 25 to 5")
    back_to: dict[tuple[str, str], Counter[tuple[str, ...]]] = field(default_factory=dict)
    # per word pair (and per word, as ("", word)): the content words after it
    fillers: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    # per article and the word after it ("a", "cash"): the word that follows the pair ("" =
    # the clause ends), for a name cut after an article's first noun ("for a cash [withdrawal]")
    after_article: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    uses: Counter[str] = field(default_factory=Counter)
    capitalised: Counter[str] = field(default_factory=Counter)  # of `inner`, capitalised
    inner: Counter[str] = field(default_factory=Counter)  # uses after a clause's first word
    lone_capital: Counter[str] = field(default_factory=Counter)  # of those, outside a title
    # uses written with a handle's mark ("#ops", "@maria", "#sales-alerts"): a channel, a
    # person or a tag, a name whatever its case
    marked: Counter[str] = field(default_factory=Counter)
    # per word pair (and per word, as ("", word)): the polarity words (`POLARITY_WORDS`) of
    # the clause it is in, per use ("emails arrive" -> {"blank"}: "... arrive with a blank PDF")
    polar: dict[tuple[str, str], Counter[frozenset[str]]] = field(default_factory=dict)
    total: float = 0.0  # the texts' weight (traces)
    # uses of a capitalised word in a person's place (`_person_cue`), and the words its texts
    # (or the facet's, `word_context(persons=)`) name people or pets by (`person_names`)
    person_cues: Counter[str] = field(default_factory=Counter)
    openers: Counter[str] = field(default_factory=Counter)  # a clause's first word, possessive
    titled: Counter[str] = field(default_factory=Counter)  # of `person_cues`, after a title
    persons: frozenset[str] = frozenset()


# Nouns for a person or a pet that a name follows: "my son Leo", "our dog Kiwi", "my wife Ana".
PERSON_NOUNS = frozenset(
    """son sons daughter daughters kid kids child children husband wife partner spouse fiance
    fiancee boyfriend girlfriend mom mum mother dad father parent sister brother grandma
    grandpa granny grandmother grandfather grandson granddaughter baby toddler teen boy girl
    nephew niece aunt uncle cousin friend roommate colleague coworker boss patient dog dogs
    cat cats puppy pup kitten pet bunny rabbit""".split()  # noqa: SIM905
)
# A person's own name given: "this is Dana", "I'm Kofi", "my name is Ines", "named Biscuit",
# "Tomasz here".
_INTRODUCED = frozenset({("this", "is"), ("name", "is"), ("i", "am"), ("it's", "for")})
_NAMING_WORDS = frozenset("i'm im named called".split())  # noqa: SIM905
_DASH_END = re.compile(r"\s[-–—]+\s*[A-Z][\w'-]*\s*$")
# A name is a person's when this share of its uses stands in a person's place
PERSON_SHARE = 0.1


def _base_name(word: str) -> str:
    """A possessive's owner: "leo's" -> "leo", "james'" -> "james"."""
    return word[:-2] if word.endswith("'s") else word.rstrip("'")


def _person_cue(toks: list[str], low: list[str], i: int, last_clause: bool) -> bool:
    """`toks[i]`, written with a capital, stands where a person's or a pet's name stands: after
    a title ("Dr Okafor"), a person or pet noun ("my son Leo"), an introduction ("this is
    Dana", "I'm Kofi", "named Biscuit"), before "here" ("Tomasz here"), as a possessive
    ("Kiwi's shots") or alone as a text's last clause (a sign-off: "Thanks, Ines")."""
    tok = toks[i]
    prev = low[i - 1] if i else ""
    if prev in ABBREVIATED_TITLES and low[i] not in FUNCTION_WORDS and not tok.isupper():
        return True  # "dr reyes": a name after a title, whatever its case
    if not tok[:1].isupper() or (tok.isupper() and len(tok) > 1):
        return False
    return (
        prev in TITLES
        or prev in PERSON_NOUNS
        or prev in _NAMING_WORDS
        or (i >= 2 and (low[i - 2], prev) in _INTRODUCED)
        or (i + 1 < len(low) and low[i + 1] == "here")
        or (i > 0 and tok.endswith(("'s", "s'")) and not toks[i - 1][:1].isupper())
        or (last_clause and len(toks) == 1)
    )


def person_names(ctx: WordContext) -> frozenset[str]:
    """The capitalised words that name people or pets in `ctx`'s texts: at least PERSON_SHARE
    of their uses stand in a person's place (`_person_cue`). A product or a brand the texts
    name ("Cigna", "Slack", "Delta Dental") stands in no such place, however many texts say it."""

    def named(w: str) -> bool:  # written with a capital inside sentences, where it is
        inner = ctx.inner[w] + ctx.inner[w + "'s"]
        return not inner or ctx.capitalised[w] + ctx.capitalised[w + "'s"] >= NAME_CASE * inner

    # a possessive opening a clause is a name's only where the texts capitalise the word
    # inside sentences too ("Kiwi's shots" beside "for Kiwi"; not "Dog's food")
    cues = ctx.person_cues + Counter(
        {w: n for w, n in ctx.openers.items() if ctx.inner[w] + ctx.inner[w + "'s"]}
    )
    return frozenset(
        w
        for w, n in cues.items()
        if w not in FUNCTION_WORDS
        and n >= PERSON_SHARE * max(ctx.uses[w] + ctx.uses[w + "'s"], n)
        and (named(w) or ctx.titled[w] >= n / 2)
    )


def word_context(
    texts: list[str],
    weights: list[float] | None = None,
    *,
    persons: frozenset[str] = frozenset(),
) -> WordContext:
    """The context of every word of `texts` (`weights`: traces per text). `persons`: names of
    people or pets read from wider texts (the facet's, `person_names`), added to the texts'
    own."""
    ctx = WordContext()
    w = weights if weights is not None else [1.0] * len(texts)
    for text, n in zip(texts, w, strict=True):
        ctx.total += n
        clauses = [c for c in CLAUSE_SPLIT.split(clean_for_naming(text)) if TOKEN.search(c)]
        for k, clause in enumerate(clauses):
            toks = TOKEN.findall(clause)
            low = [t.lower() for t in toks]
            # a sign-off: the text's last clause alone after thanks or a dash ("Thanks, Ines",
            # "... - Dana"), not the last item of a list ("to PDF, Excel")
            signed = (
                k == len(clauses) - 1
                and k > 0
                and (bool(GREETING_WORDS.search(clauses[k - 1])) or bool(_DASH_END.search(text)))
            )
            for i in range(len(toks)):
                if _person_cue(toks, low, i, signed):
                    ctx.person_cues[_base_name(low[i])] += n
                    ctx.titled[_base_name(low[i])] += n * (i > 0 and low[i - 1] in TITLES)
                elif i == 0 and toks[0][:1].isupper() and low[0].endswith(("'s", "s'")):
                    ctx.openers[_base_name(low[0])] += n  # "Kiwi's shots": if a name inside
            for handle in _HANDLE.findall(clause):
                ctx.marked[handle.lower()] += n
            titled = [t[:1].isupper() and not t.isupper() for t in toks]
            polar = polarity_words(low)
            for i, word in enumerate(low):
                ctx.uses[word] += n
                for key in {(low[i - 1] if i else "", word), ("", word)}:
                    ctx.polar.setdefault(key, Counter())[polar] += n
                if i:
                    ctx.inner[word] += n
                    ctx.capitalised[word] += n * titled[i]
                    # a name alone ("for Kenji", "out Azure AD"), not a title-cased phrase
                    # ("an Internal Server Error")
                    run = titled[i - 1] or (i + 1 < len(toks) and titled[i + 1])
                    ctx.lone_capital[word] += n * (titled[i] and not run)
                ctx.after.setdefault(word, Counter())[low[i + 1] if i + 1 < len(low) else ""] += n
                ctx.before.setdefault(word, Counter())[low[i - 1] if i else ""] += n
                ctx.back.setdefault(word, Counter())[tuple(low[max(0, i - 3) : i])] += n
                if i + 1 < len(low) and low[i + 1] in _TO:
                    key = (word, low[i + 1])
                    ctx.back_to.setdefault(key, Counter())[tuple(low[max(0, i - 3) : i])] += n
                if i and low[i - 1] in _ARTICLES:
                    nxt_word = low[i + 1] if i + 1 < len(low) else ""
                    ctx.after_article.setdefault((low[i - 1], word), Counter())[nxt_word] += n
                if i + 1 < len(low):
                    # a name's possessive is the noun's determiner ("for Mateo's fillings")
                    nxt = next(
                        (
                            x
                            for x, tok in zip(
                                low[i + 1 : i + 1 + _LOOKAHEAD],
                                toks[i + 1 : i + 1 + _LOOKAHEAD],
                                strict=True,
                            )
                            if x not in FUNCTION_WORDS
                            and x not in PARTICLES
                            and not x.isdigit()
                            and not (tok[:1].isupper() and x.endswith(("'s", "s'")))
                        ),
                        "",
                    )
                    if nxt:  # by the word pair, and by the word alone ("" before it)
                        for key in {(low[i - 1] if i else "", word), ("", word)}:
                            ctx.fillers.setdefault(key, Counter())[nxt] += n
    ctx.persons = person_names(ctx) | persons
    return ctx


def person_words(label: str, ctx: WordContext) -> list[str]:
    """The words of `label` that name a person or a pet of its texts (`person_names`), or follow
    an abbreviated title: "Dental cleaning for Kiwi", "Leo's checkup", "Cleaning w Dr reyes"."""
    toks = TOKEN.findall(label)
    low = [t.lower() for t in toks]
    return [
        t
        for i, t in enumerate(toks)
        if _base_name(low[i]) in ctx.persons
        or (i and low[i - 1] in ABBREVIATED_TITLES and low[i] not in FUNCTION_WORDS)
    ]


def ends_clause(word: str, ctx: WordContext) -> bool:
    """The texts end a clause on `word` in CUT_SHARE of its uses (at least MIN_USES): a name
    ending there says what they say, whole ("Refusal: can't change")."""
    after = ctx.after.get(word, Counter())
    return ctx.uses[word] >= MIN_USES and _share(after, lambda k: k == "") >= CUT_SHARE


def _share(c: Counter[str], pred) -> float:
    total = sum(c.values())
    return sum(v for k, v in c.items() if pred(k)) / total if total else 0.0


# A handle: "#ops", "@maria", "#sales-alerts" (the word after the mark, as TOKEN reads it).
_HANDLE = re.compile(r"(?<![\w#@])[#@]([A-Za-z0-9][A-Za-z0-9_-]*[A-Za-z0-9]|[A-Za-z0-9])")

_TO = frozenset({"to", "into", "onto"})
_ARTICLES = frozenset({"a", "an", "the"})
_AND = frozenset({"and", "or", "&"})
# Prepositions that open a slot: "for [Maria]", "to [Canada]", "on [March 3]".
_SLOT_GLUE = frozenset("for to from with on in at by of into onto via about".split())  # noqa: SIM905


# Adverbs of time that close a clause: "Transfer to savings [today]" is whole.
_WHEN = frozenset("now today tomorrow yesterday tonight again anymore soon later asap".split())  # noqa: SIM905


def _goes_on(word: str, verbs: frozenset[str]) -> bool:
    """A word after a name that continues its noun phrase ("revenue [dashboard]", "external
    [client]"), not a predicate or an adverbial after a whole one ("load time [went up]",
    "provisioning [supported]", "[instead]", "[today]", "[3] times")."""
    return bool(word) and not (
        word in FUNCTION_WORDS
        or word in _WHEN
        or "'" in word  # "[I'll] cancel", "[we're] leaving": the next clause's subject
        or word in END_GLUE
        or word in verbs
        or word in PAST_ONLY
        or word.endswith(("ed", "ly"))
        or any(c.isdigit() for c in word)
    )


def _verb_form(word: str, verbs: frozenset[str]) -> bool:
    """A finite verb that needs a subject: a past form ("went"), a verb that is never a noun
    ("include"), a third-person form ("reloads"); bare verbs read as requests and pass."""
    third = word.endswith("s") and (word[:-1] in verbs or word[:-2] in verbs)
    return word in PAST_ONLY or word in VERB_ONLY or (third and not word.endswith("ss"))


def cut_phrase(low: list[str], ctx: WordContext, verbs: frozenset[str]) -> bool:
    """A span the texts do not stop or start at:
    - they go on past the name's last word with one content word ("Q3 revenue [dashboard]",
      "with an external [client]", "between the admin and viewer [roles]");
    - a verb form opens the name and the texts give it a subject ("[Something] went wrong",
      "[Does Enterprise] include SSO");
    - "X to Y" whose X the texts reach from "from" ("[from] Business to Enterprise"), inside
      a compound ("[VAT] number to the invoices") or as a verb's object ("[apply a discount]
      code to the order": the verb is the request)."""
    if len(low) < 2:
        return False
    last, first = low[-1], low[0]
    # "and" / "or" defer the head to after the pair: "the admin and viewer [roles]"
    after = Counter({k: v for k, v in ctx.after.get(last, Counter()).items() if k not in _AND})
    if after and ctx.uses[last] >= MIN_USES and last not in CATEGORY_NOUNS:
        nxt, n = max(after.items(), key=lambda kv: (kv[1], kv[0]))
        if _goes_on(nxt, verbs) and n >= CUT_SHARE * sum(after.values()):
            return True
    # an article and one word the texts go on from with a noun, whichever: the article's noun
    # is further on ("Charged me for a cash [withdrawal / machine]", "Fee for a bank
    # [transfer]"), though the word alone also ends clauses ("withdraw cash"); a bare verb's
    # form there is a noun ("a bank transfer")
    paired = ctx.after_article.get((low[-2], last), Counter())
    said = sum(paired.values())
    if said >= MIN_USES and last not in CATEGORY_NOUNS:
        on = sum(v for k, v in paired.items() if k not in _AND and _goes_on(k, frozenset()))
        if on >= CUT_SHARE * said:
            return True
    if (
        len(low) > 2
        and low[-2] in _ARTICLES
        and ctx.uses[last] >= MIN_USES
        and _share(ctx.after.get(last, Counter()), lambda k: k == "of") >= CUT_SHARE
    ):
        return True  # "at the end [of the billing period]": a part named without its whole
    if _compound_head(low, ctx, verbs) or _question_cut(low, ctx, verbs):
        return True
    if ctx.uses[first] < MIN_USES:
        return False
    before = ctx.before.get(first, Counter())
    if (
        _verb_form(first, verbs)
        and _share(before, lambda k: bool(k) and k not in FUNCTION_WORDS and k not in verbs)
        >= CUT_SHARE
    ):
        return True
    to = next((i for i in (1, 2) if i < len(low) - 1 and low[i] in _TO), 0)
    if first in verbs or first.endswith("ing") or not to:
        return False  # "Transfer to savings", "Exporting to Google Slides" hold their verb
    if _share(before, lambda k: k == "from") >= CUT_SHARE or (
        len(low) == 3 and _named(first, ctx) and _named(last, ctx)
    ):
        return True  # a range without its "from" and its verb: "Business to Enterprise"
    if not _destination(low[to + 1], ctx):
        return False  # "Place to eat": an infinitive, not where something goes
    if _share(before, lambda k: bool(k) and k not in FUNCTION_WORDS) >= CUT_SHARE:
        return True  # a compound cut: "[VAT] number to the invoices"
    # the uses that go on to "to" when the texts say them often enough, else every use
    back = ctx.back_to.get((first, low[to]), Counter()) if to == 1 else Counter()
    if sum(back.values()) < MIN_USES:
        back = ctx.back.get(first, Counter())
    return _share(back, lambda ws: any(w in verbs for w in ws)) >= CUT_SHARE


# A compound's modifier is the word before its head in this share of the head's uses: below it
# the texts vary the modifier ("SCIM / JIT user provisioning") and the head alone is general.
COMPOUND_SHARE = 0.8
# Adjectives of amount or novelty and irregular participles: without them their noun still names
# the thing ("[extra] charges", "[new] card", "[paid] plan change", "[stolen] card"), unlike a
# compound's head ("[exchange] rate", "[one] way"). (Regular participles end in -ed: `_goes_on`.)
_AMOUNT_ADJECTIVES = frozenset(
    """extra additional more other another new same paid lost stolen broken frozen sent made
    built hidden written given taken""".split()  # noqa: SIM905
)
# Number words that make a compound with the noun after them ("[one] way flight", "[two] factor").
_NUMBER_WORDS = frozenset("one two three four".split())  # noqa: SIM905


def _compound_head(low: list[str], ctx: WordContext, verbs: frozenset[str]) -> bool:
    """The name opens on a compound's second half: its texts put one word before its first in
    COMPOUND_SHARE of its uses, a modifier ("[exchange] rate was incorrect", "[one] way flight with 0
    bags", "[Google] Pay top up"). A verb before it is its object's ("[transfer] money"), not a
    compound's."""
    first = low[0]
    before = ctx.before.get(first, Counter())
    if ctx.uses[first] < MIN_USES or not before or first in CATEGORY_NOUNS:
        return False
    mod, n = max(before.items(), key=lambda kv: (kv[1], kv[0]))
    if n < COMPOUND_SHARE * sum(before.values()) or mod in PARTICLES | _AMOUNT_ADJECTIVES:
        return False  # "[set up] SAML SSO", "[extra] charges on the bill": the head is whole
    if (first in verbs and not _named(mod, ctx)) or low[1] in DETERMINERS:
        return False  # "[the team] fix the search filter": a verb after its subject
    # a verb's form before it is a clause's ("[dashboard shows] something went wrong")
    return mod in _NUMBER_WORDS or (_goes_on(mod, verbs) and not _verb_form(mod, verbs))


# Auxiliaries a question opens with before its subject ("how long does a transfer take").
_QUESTION_AUX = frozenset("do does did will can could would should".split())  # noqa: SIM905


def _question_cut(low: list[str], ctx: WordContext, verbs: frozenset[str]) -> bool:
    """A question's subject and bare verb without its auxiliary ("[how long does a] transfer
    take from Europe", "[why does my] top-up need to be verified", "[Does the] Salesforce
    connector support key-pair auth"): a word after a content word in the name is a bare verb
    that its texts say with one of `_QUESTION_AUX` among the three words before it, or before
    the name's first word (when that is no verb), in CUT_SHARE of their uses. A phrasal verb's
    ("Card top up") or a last word ("Plan change", "Password reset") is a noun."""

    def asked(word: str) -> bool:
        back = ctx.back.get(word, Counter())
        return _share(back, lambda ws: any(w in _QUESTION_AUX for w in ws)) >= CUT_SHARE

    opens = low[0] not in verbs and ctx.uses[low[0]] >= MIN_USES and asked(low[0])
    for i in range(1, len(low) - 1):  # a last word is a compound's head ("Plan change")
        verb, prev = low[i], low[i - 1]
        bare = verb in verbs or verb in ("need", "want")  # glue words, but verbs here
        if not bare or prev in FUNCTION_WORDS or ctx.uses[verb] < MIN_USES:
            continue
        if i + 1 < len(low) and low[i + 1] in PARTICLES:
            continue
        if opens or asked(verb):
            return True
    return False


def _destination(word: str, ctx: WordContext) -> bool:
    """What follows "to" is where something goes ("to the invoices", "to Enterprise", "to
    invoices", "to plan" where the texts say "my plan"), not a verb ("to eat"): a determiner,
    a name, a plural, or a word the texts put after a determiner."""
    noun = _share(ctx.before.get(word, Counter()), lambda k: k in DETERMINERS) >= 0.2
    return (
        word in FUNCTION_WORDS
        or _named(word, ctx)
        or (word.endswith("s") and len(word) > 3)
        or noun
    )


def _named(word: str, ctx: WordContext) -> bool:
    """The texts capitalise the word inside sentences: a name ("Maria", "Okta", "Premium"); or
    write it as a handle ("#ops", "@kenji": a channel, a person)."""
    if ctx.uses[word] and ctx.marked[word] >= NAME_CASE * ctx.uses[word]:
        return True
    return bool(ctx.inner[word]) and ctx.capitalised[word] >= NAME_CASE * ctx.inner[word]


def slot_detail(low: list[str], ctx: WordContext) -> bool:
    """The name's last word fills a slot its texts fill with many words ("... MFA for [kenji]":
    Sofia, Mei, Omar), and fills it rarely."""
    content = [i for i, w in enumerate(low) if w not in FUNCTION_WORDS]
    if low[-1] in CATEGORY_NOUNS:  # "Embed requests": the namer's word, not the texts'
        return False
    if len(content) < 2 or content[-1] != len(low) - 1:
        return False
    j = content[-1]
    # the slot opens after the words before the filler, glue skipped ("MFA for", "rolling out")
    if low[j - 1] not in _SLOT_GLUE and low[j - 1] not in PARTICLES:
        return False  # a compound ("Password reset"), a predicate ("Currencies you support")
    # the slot is what follows "<word> <glue>" in the texts: "MFA for", "out", "ship to"
    fillers = ctx.fillers.get((low[j - 2] if j >= 2 else "", low[j - 1]))
    if not fillers:
        return False
    total = sum(fillers.values())
    share = fillers.get(low[j], 0.0) / total if total else 1.0
    # a name ("Maria", "Okta") is a detail among a few; a common word among many
    named = _named(low[j], ctx)
    return (
        total >= MIN_USES
        and len(fillers) >= SLOT_FILLERS
        and share < (NAMED_SLOT_SHARE if named else SLOT_SHARE)
    )


# A word its texts capitalise this often inside a sentence is a name ("Kenji", "Azure"):
# people type names in lower case, never common nouns in upper case.
NAME_CASE = 1 / 3


def lowercase_names(label: str, ctx: WordContext) -> list[str]:
    """The name's words written in lower case that its texts capitalise as names ("Reset MFA
    for kenji", "Team is rolling out azure"): kept as a detail, and misspelt. A phrase the
    texts title-case ("Internal Server Error") reads as well in sentence case."""
    toks = TOKEN.findall(label)
    return [
        t
        for t in toks[1:]
        if t.islower()
        and t not in FUNCTION_WORDS
        # a category noun is the namer's word, never a name ("Slack request" where seams in
        # the texts read "... phones Request, sort out ...")
        and t not in CATEGORY_NOUNS
        and f"{t}s" not in CATEGORY_NOUNS
        and ctx.inner[t] >= MIN_USES
        and ctx.lone_capital[t] >= NAME_CASE * ctx.inner[t]
    ]


# A name states something when one of its words after the first is a predicate after its
# subject: an auxiliary ("Report was sent"), a verb with its tense ("Card works online",
# "Refund processed") or an event verb after a noun ("Scheduled emails arrive").
_AUX = frozenset("is are was were has have had will can could would does do did".split())  # noqa: SIM905
# Of a name's last word pair's uses, the share whose clause holds a polarity word the name
# lacks, from which the name says the opposite of its texts
POLAR_SHARE = 0.5
# What things do, beyond the questions' event verbs: a job's, a message's, a build's
_DOES = EVENT_VERBS | frozenset(
    """pass succeed run send deliver post upload import export generate update renew publish
    install deploy build print ship land reach go""".split()  # noqa: SIM905
)


def _base(word: str) -> str:
    for suffix in ("es", "s", "ed", "d"):
        if word.endswith(suffix) and word[: -len(suffix)] in _DOES:
            return word[: -len(suffix)]
    return word


def states(low: list[str], verbs: frozenset[str]) -> bool:
    """The name is a statement: a predicate after its subject ("Scheduled emails arrive",
    "Report was sent", "Transfer went through"), not a request or a noun phrase ("Export
    the report", "Scheduled emails")."""
    for i in range(1, len(low)):
        w, prev = low[i], low[i - 1]
        if w in _AUX and prev not in FUNCTION_WORDS:
            return True
        subject = prev not in FUNCTION_WORDS or prev in _AUX
        if subject and (
            _base(w) in _DOES or _verb_form(w, verbs) or (w.endswith("ed") and len(w) > 4)
        ):
            return True
    return False


def drops_polarity(low: list[str], ctx: WordContext, verbs: frozenset[str]) -> bool:
    """A statement cut from texts that say it went wrong: most uses of the name's last word
    pair are in a clause holding a negation or a problem word (`POLARITY_WORDS`) that the name
    lacks ("Scheduled emails arrive" from "... arrive with a blank PDF", "Payment went through"
    from "... went through but the money never arrived", "Card works online" from "... online
    but not in shops"). The name states the event as it should be, the opposite of its texts.
    A name holding a polarity word ("Card payment declined", "Emails arrive late") and a
    request or a noun phrase ("Transfer money", "Scheduled emails") pass."""
    if len(low) < 2 or any(w in POLARITY_WORDS for w in low) or not states(low, verbs):
        return False
    uses = ctx.polar.get((low[-2], low[-1]), Counter())
    total = sum(uses.values())
    if total < MIN_USES:
        return False
    name = set(low)
    return sum(n for ws, n in uses.items() if ws - name) >= POLAR_SHARE * total


def context_problems(label: str, ctx: WordContext, verbs: frozenset[str]) -> list[str]:
    """`cut_phrase`, `slot_detail`, `lowercase_name`, `personal_name` (`person_words`) and
    `drops_polarity` of `label` against its topic's texts (`ctx`)."""
    low = [t.lower() for t in TOKEN.findall(label)]
    out = []
    if lowercase_names(label, ctx):
        out.append("lowercase_name")
    if person_words(label, ctx):
        out.append("personal_name")
    if cut_phrase(low, ctx, verbs):
        out.append("cut_phrase")
    if slot_detail(low, ctx):
        out.append("slot_detail")
    if drops_polarity(low, ctx, verbs):
        out.append("drops_polarity")
    return out
