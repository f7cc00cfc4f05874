"""The phrase grammar of a topic name: which spans of a text may be a name
(`candidate_phrases`), which words a facet's texts use as verbs (`verb_forms`), and what is
wrong with a name (`label_problems`, the label audit of one name)."""

from __future__ import annotations

import re
from collections import Counter

from tracetopics_pipeline.core.topics.labels.cleaning import IDENTIFIER_NOUNS
from tracetopics_pipeline.core.topics.labels.context import (
    CUT_SHARE,
    MIN_USES,
    PERSON_NOUNS,
    WordContext,
    context_problems,
    ends_clause,
    states,
)
from tracetopics_pipeline.core.topics.labels.questions import (
    EVENT_VERBS,
    NEGATED_AUX,
    REQUEST_WORD,
    asked_for,
    negated_opening,
    question_names,
)
from tracetopics_pipeline.core.topics.labels.support import CATEGORY_NOUNS, stem
from tracetopics_pipeline.core.topics.labels.words import (
    CLAUSE_SPLIT,
    COMMON_VERBS,
    DEGREE_WORDS,
    DETERMINERS,
    END_GLUE,
    ENUM_PREFIX,
    EVALUATIVE_WORDS,
    FORMAT_WORDS,
    FUNCTION_WORDS,
    GREETING_WORDS,
    MAX_WORDS,
    MIN_WORDS,
    MOOD_TIMES,
    NEGATION_WORDS,
    PARTICLES,
    PAST_ONLY,
    PLACEHOLDER,
    PROBLEM_WORDS,
    REASON_SHORTHAND,
    SHORTHAND,
    TITLES,
    TOKEN,
    TRACEBACK_LINES,
    VERB_ONLY,
)

_JSONISH = re.compile(r"[{}\[\]]|\"\s*:|'\s*:|\\\"")
# Verbs that close a phrasal verb ("Top up", "Log in", "Turn off", "Set up"): only after them
# may a name end in a particle ("Chart on" is cut, "Top up" is not).
_PHRASAL = frozenset(
    """top log sign turn opt check cash set back roll shut look follow pay switch clean lock
    speed scale start write hand hold pick fill carry print break show pop wind sync time fed
    give gave given mess mix hang hung held broke broken paid wound blew blown go goes going
    went gone""".split()  # noqa: SIM905
)
# Light verbs that need a complement: a name never ends in them ("... refresh now takes").
_LIGHT_VERBS = frozenset(
    """go goes went gone take takes took give gives gave show shows showed say says said tell
    tells told keep keeps kept seem seems seemed look looks come comes came become becomes put
    puts try tries tried use uses used return returns returned ask asks asked got first last
    next rest whole else anymore yet now today ago run runs ran happen happens happened
    happening occur occurs occurred occurring""".split()  # noqa: SIM905
)
# Contexts that put a verb next: "can't add", "we export", "how to add", "want to share".
_BEFORE_VERB = frozenset(
    """i we you they can can't cannot could couldn't will won't would should please don't
    doesn't didn't not never""".split()  # noqa: SIM905
)
_BEFORE_TO_VERB = frozenset(
    "how want wants wanted need needs needed trying try tried able unable way option possible".split()  # noqa: SIM905
)
# A name never spans a subordinate clause ("Dashboards if we downgrade").
_BREAKS = (
    frozenset(
        ["if", "because", "when", "while", "but", "although", "though", "unless", "whether", "so"]
    )
    | REASON_SHORTHAND
)


# Words that may open a name though they are glue: degree and negation before a state or an
# action ("Still not working", "Really frustrated", "Never arrives", "Can't change").
# A negating determiner may too: "No signal at home", "Without wifi", "Nothing loads" (issue 12
# item 4); not every negated auxiliary ("[hasn't my] transfer" read "Hasn't transfer").
_LEADS = frozenset(
    """really very still not never always can't cannot won't couldn't didn't doesn't
    no without nothing none nobody""".split()  # noqa: SIM905
)
# Nouns that take "to" + verb ("Ability to export"); any other single noun before "to" +
# verb is what is left of a longer phrase ("[Cost per] month to add users").
_TO_NOUNS = frozenset(
    """ability way option permission access time place plan attempt request reason chance
    right failure button setting settings link tool feature rights possibility""".split()  # noqa: SIM905
) | frozenset(
    # a requirement or a price of what follows: "Age to open an account", "Fee to transfer
    # money", "Documents to verify identity", "Code to log in"
    """age fee fees cost costs price charge charges limit limits minimum maximum deadline
    requirement requirements document documents proof steps instructions form code pin
    password key token""".split()  # noqa: SIM905
)
_QUANTIFIERS = DETERMINERS | {"no", "any", "each", "every"}
# Words that need "to" + verb after them: a name never ends in them ("I'm not able").
NEEDS_TO = frozenset("able unable supposed trying going willing".split())  # noqa: SIM905
_MODALS = frozenset("would could can does do did will should".split())  # noqa: SIM905
_AUXILIARIES = frozenset("would could can does do did is are will should".split())  # noqa: SIM905
_PRONOUNS = frozenset("it we i you they there this he she".split())  # noqa: SIM905


# Past forms in `_PHRASAL` that end in neither -ed nor -en
_PHRASAL_PASTS = frozenset("fed gave went hung held broke paid wound blew".split())  # noqa: SIM905


def is_phrasal(word: str) -> bool:
    """A verb that takes a particle, in any inflection ("timed out", "logged in", "sets up")."""
    forms = {word, stem(word), word.removesuffix("d"), word.removesuffix("ed"), word[:-1]}
    return bool(forms & _PHRASAL) and len(word) > 2


def phrasal_end(low: list[str] | tuple[str, ...]) -> bool:
    """The words end in a phrasal verb's particle ("... log in", "Top up"): a name may."""
    return len(low) > 1 and low[-1] in PARTICLES and is_phrasal(low[-2])


# Adjectives that need their noun after glue: "... on small [screens]", "with a blank [page]"
# (beside `_NEEDS_NOUN`, the words that need one anywhere).
_BARE_ADJECTIVES = frozenset(
    """small large big tiny huge blank empty old full main mobile wrong right long short wide
    narrow high low daily weekly monthly nightly hourly yearly quarterly annual""".split()  # noqa: SIM905
)


_FREQUENCIES = frozenset("daily weekly monthly nightly hourly yearly quarterly annual".split())  # noqa: SIM905


def _bare_adjective(low: list[str] | tuple[str, ...]) -> bool:
    return len(low) > 1 and low[-1] in _BARE_ADJECTIVES and low[-2] in FUNCTION_WORDS


def _may_end(low: list[str] | tuple[str, ...]) -> bool:
    end = low[-1]
    if end.isdigit() or end in _LIGHT_VERBS or end in END_GLUE or _bare_adjective(low):
        return False
    if end in SHORTHAND or end in TITLES:  # "... w/", "We'd prefer dr"
        return False
    return end not in FUNCTION_WORDS or phrasal_end(low)


# Verbs that take no object: after a modal they make a whole complaint ("Can't log in",
# "Won't sync"), and a noun straight after their -ing form is another clause's ("Still not
# working renewal").
_INTRANSITIVE = frozenset(
    """work arrive respond happen crash exist occur appear disappear expire function load sync
    login logon signin checkout connect pay start open boot freeze""".split()  # noqa: SIM905
)
_MODAL_NEG = frozenset(
    "can't cannot won't couldn't wouldn't shouldn't can could will would".split()  # noqa: SIM905
)


def _base(word: str) -> str:
    for suffix, add in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + add in _INTRANSITIVE:
            return word[: -len(suffix)] + add
    return word


# Prepositions of when and why: after a verb that takes an object they say the object was cut
# ("Can't issue [refunds] after a tool call"); "to" / "into" / "from" say where and may follow a
# verb whose object is understood ("Can't export to PDF").
_CIRCUMSTANCE = frozenset(
    "after before during since until while when because without due despite".split()  # noqa: SIM905
)


def _bare_modal(low: list[str]) -> bool:
    """A modal and its verb without the object ("Can't issue", "Won't grant", "Can't
    reset"), alone or before a circumstance ("Can't issue after a tool call", "Won't grant
    because of policy"): what cannot be done is missing. "Can't log in", "Won't sync after
    the update", "Can't export to PDF" are whole."""
    return (
        len(low) >= 2
        and low[0] in _MODAL_NEG
        and _base(low[1]) not in _INTRANSITIVE
        and not phrasal_end(low[:2])
        and (len(low) == 2 or low[2] in _CIRCUMSTANCE)
    )


def _word_salad(low: list[str]) -> bool:
    """A state that takes no object followed by a bare noun: two clauses run together ("Still
    not working renewal", "Never arrived refund", "Keeps crashing payroll")."""
    for a, b, c in zip(low, low[1:], low[2:], strict=False):
        if (
            a in _NEGATIONS | {"still", "keeps", "stopped", "never"}
            and b != c
            and _base(b) in _INTRANSITIVE
            and b.endswith(("ing", "ed"))
            and c not in FUNCTION_WORDS
            and c not in END_GLUE
            and c not in PARTICLES
            and not c.endswith("ly")
        ):
            return True
    return False


# Time nouns: opening a name before a clause's subject they are the tail of an adverbial
# ("[This] week we'll look at other tools", "[Next] month they cancel").
_TIME_NOUNS = frozenset(
    """week weeks weekend month months year years day days quarter morning night evening
    afternoon today tomorrow yesterday monday tuesday wednesday thursday friday saturday
    sunday""".split()  # noqa: SIM905
)
# Those that need a determiner to be an adverbial ("[this] week", "[next] month"): "today",
# "Friday" are one on their own.
_TIME_COUNTS = frozenset(
    "week weeks weekend month months year years day days quarter morning night evening afternoon".split()  # noqa: SIM905
)
# A clause's subject: a pronoun, with or without its auxiliary ("we'll", "they're", "i'm").
_CLAUSE_SUBJECT = re.compile(r"^(?:i|we|you|they|he|she)(?:'(?:ll|re|ve|d|m|s))?$")


def _finite(word: str, verbs: frozenset[str]) -> bool:
    """A verb with its tense, which needs a subject: "takes", "shows", "went", "stopped"
    ("export", "download" are bare: "Export and download" is a name)."""
    if word in PAST_ONLY:
        return True
    if word.endswith("s") and not word.endswith("ss"):
        base = {word[:-1], word[:-2] if word.endswith("es") else word[:-1]}
        return bool(base & (_LIGHT_VERBS | _INTRANSITIVE | verbs)) and word not in FUNCTION_WORDS
    return word.endswith("ed") and (word[:-2] in verbs or word[:-1] in verbs)


def _cut_subject_and(low: list[str], verbs: frozenset[str]) -> bool:
    """A bare noun phrase joined to a verb with its tense: the first half is the object of a
    verb that was cut, the second has lost its subject ("[Dashboard loads all] tiles and takes
    ages", "[Refund shows on my] statement and says pending", "[We're leaving] next quarter and
    won't renew"). The verb must go on (an object, an adverb): "Invoices and reports" is two
    nouns."""
    for i, w in enumerate(low):
        if w not in ("and", "but", "or") or i == 0 or i == len(low) - 1:
            continue  # a name ending on "and" is counted as such (`ends_in_function_word`)
        first, rest = low[:i], low[i + 1 :]
        tensed = _finite(rest[0], verbs) or rest[0] in _MODAL_NEG | _NEGATIONS
        if len(rest) < 2 or not tensed:
            continue
        if rest[0] not in _LIGHT_VERBS and rest[1] in FUNCTION_WORDS:
            continue  # "... and reports for finance": a noun before its preposition
        if any(x in verbs or x.endswith("ed") or _finite(x, verbs) for x in first):
            continue
        # a plural subject and its bare verb ("Tiles flicker and never finish loading")
        pairs = zip(first, first[1:], strict=False)
        if any(_plural_noun(a) and b not in FUNCTION_WORDS for a, b in pairs):
            continue
        return True
    return False


# "been" after a word needs a form of "have" shortly before it: a span cut out of a question
# loses the auxiliary ("Why has my card payment been reverted" -> "Card payment been
# reverted", "Has my refund been processed" -> "Refund been processed"); "has not been",
# "has already been", "it's been" and "been charged" opening the name pass.
_HAVE = re.compile(r"^(?:have|has|had|having|haven't|hasn't|hadn't|\w+'(?:ve|s|d))$")


def _bare_been(low: list[str]) -> bool:
    return any(
        w == "been"
        and not any(_HAVE.match(v.replace("\u2019", "'")) for v in low[max(0, i - 3) : i])
        for i, w in enumerate(low)
        if i
    )


def _cut_comparison(low: list[str]) -> bool:
    """A comparison whose comparative was cut off: "than" with no comparative before it ("[More
    data on a] Plan than Unlimited Plus", "[Higher] Charges than expected"); or a bare "be" no
    modal or "to" carries ("[When will the] Cards be delivered")."""
    for i, w in enumerate(low[1:], 1):
        if w == "than" and not any(
            v in _COMPARATIVES or v in _RATHER or v.endswith("ier") for v in low[:i]
        ):
            return True
        if w == "be" and low[i - 1] not in _BE_CARRIERS and not low[i - 1].endswith("n't"):
            return True
    return False


_RATHER = frozenset("rather other else different differently greater cheaper older newer".split())  # noqa: SIM905
_BE_CARRIERS = _MODALS | frozenset("to may might must shall 'll not cannot let".split())  # noqa: SIM905


# Verbs whose participle is their bare form ("not set up", "not hit"): after "not" they may
# be a state, not a verb whose auxiliary was cut.
_SAME_PARTICIPLE = frozenset("set put cut hit let shut read quit hurt cost spread run".split())  # noqa: SIM905


def _bare_not(low: list[str], verbs: frozenset[str]) -> bool:
    """ "Not" and a bare verb opening a name: the auxiliary that carried it was cut ("[Did]
    not help or the problem persists", "[Does] not load on mobile", "[Will] not sync"). A
    state after it is whole: "Not working", "Not delivered", "Not sure how to export", "Not
    enough seats", "Not available in my region", "Not set up"."""
    if len(low) < 2 or low[0] != "not":
        return False
    w = low[1]
    if w in _SAME_PARTICIPLE or w in PAST_ONLY or w.endswith(("ing", "ed", "en")):
        return False
    return w in verbs or w in _INTRANSITIVE or w in VERB_ONLY


# Third-person forms of a verb that is never a noun ("happens", "includes", "requires"): opening
# a name, its subject was cut ("[What] happens to dashboards", "[Plan] includes SSO").
# "Means" and "remains" are nouns too ("Means of payment").
_NOUN_PLURALS = frozenset({"means", "remains"})


def _verb_only_opening(first: str) -> bool:
    if first in _NOUN_PLURALS or not first.endswith("s"):
        return False
    return first[:-1] in VERB_ONLY or (first.endswith("es") and first[:-2] in VERB_ONLY)


def _fragment(low: list[str], verbs: frozenset[str], whole: bool = False) -> bool:
    """What is left of a longer phrase at its start: a predicate without its subject
    ("Reloads all tiles", "Shows no data points"), a question without its question word
    ("Extra would it cost per month"), a bare noun before "to" + verb ("Month to add
    users") or a comparison cut from its comparative (`_cut_comparison`)."""
    if len(low) < 2:
        return False
    if _cut_comparison(low):
        return True
    first = low[0]
    if first in NEGATED_AUX and low[1] in _PRONOUNS:  # a question: "Can't I transfer money"
        return True
    if _bare_not(low, verbs) or _verb_only_opening(first):
        return True
    if first in PAST_ONLY:  # "[Something] went wrong on every tile": a past without its subject
        return True
    if first in _NEEDS_NOUN | _FREQUENCIES and low[1] in _COPULAS | _AUXILIARIES:
        return True  # "[The] weekly [summary] is broken": an adjective whose noun was cut
    # the texts stopping at "Can't change" say it whole; not before a circumstance
    if (
        (_bare_modal(low) and not (whole and len(low) == 2))
        or _word_salad(low)
        or _cut_subject_and(low, verbs)
    ):
        return True
    if first in _TIME_COUNTS and _CLAUSE_SUBJECT.match(low[1]):
        return True  # "[This] week we'll look at other tools"; "Today I'm fed up" is whole
    if (
        len(low) == 2
        and low[1] in CATEGORY_NOUNS
        and is_phrasal(first)
        and (first in PAST_ONLY or first.endswith(("ed", "en")) or first in _PHRASAL_PASTS)
    ):
        return True  # a phrasal verb's past without its particle: "Fed [up] requests"
    if first.endswith("s") and not first.endswith("ss") and low[1] in _QUANTIFIERS:
        return first not in FUNCTION_WORDS
    # a question cut before its question word ("[How much] extra would it cost", "[How]
    # long will a transfer take"); "Card is a Visa" is a statement
    for a, b in zip(low[1:], low[2:], strict=False):
        if a in _AUXILIARIES and (b in _PRONOUNS or (a in _MODALS and b in DETERMINERS)):
            return True
    return (
        len(low) > 2
        and low[1] == "to"
        and low[2] in verbs
        and first not in verbs
        and first not in _TO_NOUNS
        and first not in FUNCTION_WORDS
    )


_SUBJECT_PRONOUNS = frozenset("i we you they he she".split())  # noqa: SIM905
# Third-person objects point to someone the name does not say ("giving them edit rights");
# "me" and "us" are the user ("Reset link takes me back").
_OBJECT_PRONOUNS = frozenset({"them", "him"})
# "it" after a verb names nothing: "Raise it at renewal", "Fix it by Friday"
_NEGATIONS = NEGATION_WORDS
_ARTICLES = frozenset({"a", "an", "the"})
_INDEFINITES = frozenset(
    "someone somebody anyone anybody everyone everybody nobody people".split()  # noqa: SIM905
)
# Adjectives that need their noun: a name never ends in one ("Dataset with a custom").
_NEEDS_NOUN = frozenset(
    """custom new single whole entire different specific certain additional separate
    particular multiple several various individual previous existing""".split()  # noqa: SIM905
)
# Prepositions that open an adverbial clause with a gerund ("without giving", "by clicking").
_CLAUSE_PREPS = frozenset("without by before after while instead when".split())  # noqa: SIM905


def _plural_noun(word: str) -> bool:
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in FUNCTION_WORDS
    )


# People a name may open with as the subject of what they did ("User confirmed", "Agent
# reported"): without what they confirmed or reported, the name says nothing.
_PERSONS = frozenset(
    """user users customer customers client clients agent agents assistant assistants bot bots
    admin admins administrator administrators owner owners member members colleague colleagues
    manager managers team teams staff rep reps caller callers person people someone somebody
    guest guests employee employees buyer buyers""".split()  # noqa: SIM905
)


def _tensed(word: str, verbs: frozenset[str]) -> bool:
    """A verb in a tense: a past ("reported", "went") or a third person ("says", "takes")."""
    return word in PAST_ONLY or (word.endswith("ed") and len(word) > 4) or _finite(word, verbs)


def _subject_verb(low: list[str], verbs: frozenset[str]) -> bool:
    """A person and what they did, without what to: "Agent reported", "User confirmed",
    "Customer asked", "Admins removed". "User logged in" (a phrasal verb's particle), "Agent
    repeated the same message" (its object) and "Customer left" (no tense ending) are whole."""
    return (
        len(low) == 2
        and low[0] in _PERSONS
        and _tensed(low[1], verbs)
        and _base(low[1]) not in _INTRANSITIVE
    )


def _clause_piece(low: list[str], verbs: frozenset[str]) -> bool:
    """A piece of a clause, not a name: a subject and its verb without the object ("Admins
    create", "Users can export", "We invite"; a negation states a problem: "Charts won't
    load", "Users can't export"); an object pronoun that points outside the
    name ("Client without giving them edit rights", "Invite him as viewer"); an adverbial clause
    ("... without giving ...", "... by clicking ...") in a name that does not open with its
    verb. "Currencies you support" (a noun and its clause) and "Password reset" are names."""
    if len(low) < 2:
        return False
    if _subject_verb(low, verbs):
        return True
    subject, middle = low[0], low[1:-1]
    if (
        low[-1] in verbs
        and (_plural_noun(subject) or subject in _SUBJECT_PRONOUNS)
        and all(w in _MODALS for w in middle)
    ):
        return True
    if any(w in _OBJECT_PRONOUNS for w in low):
        return True
    if any(a in verbs and b == "it" for a, b in zip(low, low[1:], strict=False)):
        return True
    # the objects of a verb that was cut: "[Make] someone an admin", "[Send] users a report"
    if low[1] in _ARTICLES and (subject in _INDEFINITES or _plural_noun(subject)):
        return subject not in verbs
    # a question cut before its auxiliary: "[Does the] query API have a limit", "[Can the]
    # Slack message include a link", "[When will my] new card arrive"
    for a, b in zip(low, low[1:], strict=False):
        if (
            b in VERB_ONLY
            and a not in FUNCTION_WORDS
            and a not in _NEGATIONS
            and not (_plural_noun(a))
        ):
            return True
    if _cut_question(low, verbs):
        return True
    opens_verb = low[0] in verbs or low[0].endswith("ing")
    return not opens_verb and any(
        a in _CLAUSE_PREPS and b.endswith("ing") and len(b) > 4
        for a, b in zip(low, low[1:], strict=False)
    )


# Verbs that take an object and a bare verb after it ("Let admins create datasets", "Help users
# find reports", "Make everyone see the board")
_CAUSATIVES = frozenset("let lets help helps make makes have has watch see hear".split())  # noqa: SIM905
# Objects a bare verb may take after its subject: a determiner's noun or the writer
OBJECT_START = DETERMINERS | frozenset({"me", "us"})


def _cut_question(low: list[str], verbs: frozenset[str]) -> bool:
    """A subject, its bare verb and the verb's object: a question cut before its auxiliary or a
    wish before its "let" ("[Can] Ask AI see all datasets", "[Can] sales send us a quote",
    "[Could the] bot post the summary"). A noun that is also its action ("Price change this
    month", "Team share the board" read as a noun compound) and a causative before it ("Let
    admins create the datasets") pass."""
    if low[0] in _CAUSATIVES:
        return False
    for i in range(1, len(low) - 1):
        a, b, c = low[i - 1], low[i], low[i + 1]
        if (
            b in verbs
            and b not in _NOUN_VERBS
            and c in OBJECT_START
            and a not in FUNCTION_WORDS
            and a not in _NEGATIONS
            and a not in verbs
            and a not in PARTICLES
            and not a.endswith(("ing", "ed"))
        ):
            return True
    return False


def _format_head(low: list[str], verbs: frozenset[str]) -> bool:
    """A file format as the head of a noun phrase ("Account JSON", "Service account JSON for
    HubSpot", "JSON for HubSpot", "Report CSV"): the name says
    the format, not what the user wants done with it ("Export CSV", "Dashboard as PDF" are
    names: a verb or a preposition before the format)."""
    for i, word in enumerate(low):
        if word not in FORMAT_WORDS or not (i == len(low) - 1 or low[i + 1] in FUNCTION_WORDS):
            continue
        before = low[i - 1] if i else ""  # "JSON for HubSpot": the format opens the name
        if before in _FILE_STATES or before.endswith(("ed", "en")):
            continue  # a file in a state is a name: "Blank PDF", "Corrupted CSV"
        if before not in FUNCTION_WORDS and before not in verbs and before not in FORMAT_WORDS:
            return True
    return False


# What a file may be: "Emails arrive with a blank PDF" is a name, "Account JSON" is not.
_FILE_STATES = frozenset(
    "blank empty broken corrupt wrong invalid large huge big raw whole same".split()  # noqa: SIM905
)


_TRACEBACK_WORDS = [frozenset(line.split()) - FUNCTION_WORDS for line in TRACEBACK_LINES]


def _traceback(low: list[str]) -> bool:
    """Every content word comes from a stack trace's own lines ("Recent call" of "most recent
    call last", "Direct cause", "Thread main")."""
    content = {w for w in low if w not in FUNCTION_WORDS}
    return bool(content) and any(content <= words for words in _TRACEBACK_WORDS)


# A name that only says a tool was called ("Running search docs", "Calling get user") names
# the tool, not what went wrong.
_CALLING = frozenset("running calling invoking executing".split())  # noqa: SIM905
# An identifier whose only content is a number: "get_1" read as "1 lookup", "step_2".
_NUMBER_IDENTIFIER = re.compile(
    r"\b\d+ (?:" + "|".join(sorted(IDENTIFIER_NOUNS)) + r")\b|\b[A-Za-z]+_\d+\b", re.I
)


def verb_forms(texts: list[str]) -> frozenset[str]:
    """Words the texts use as verbs: after a subject or modal ("we export", "can't add"), after
    "how/want/need to", or opening a clause before a determiner ("Export the dashboard")."""
    seen: Counter[str] = Counter()
    verb: Counter[str] = Counter()
    for text in texts:
        for clause in CLAUSE_SPLIT.split(text):
            low = [t.lower() for t in TOKEN.findall(clause)]
            for i, w in enumerate(low):
                seen[w] += 1
                after = low[i - 1] if i else ""
                if (
                    after in _BEFORE_VERB
                    or (after == "to" and i > 1 and low[i - 2] in _BEFORE_TO_VERB)
                    or (i == 0 and i + 1 < len(low) and low[i + 1] in DETERMINERS)
                ):
                    verb[w] += 1
    found = {w for w, n in verb.items() if n >= 2 and n >= 0.2 * seen[w]}
    return frozenset(found - FUNCTION_WORDS) | COMMON_VERBS


# Verbs that report a clause ("say the link [is broken]"): a name never ends on the subject of
# the clause they report.
_REPORTING = frozenset(
    """say says said saying claim claims claimed think thinks thought believe believes
    believed report reports reported complain complains complained mention mentions
    mentioned notice noticed noticing notices realise realised realize realized""".split()  # noqa: SIM905
)


_SAYING = frozenset(
    "say says said claim claims claimed think thinks thought believe believes believed".split()  # noqa: SIM905
)


def _reported_subject(low: list[str], verbs: frozenset[str]) -> bool:
    """A reporting verb after its subject, then only a noun phrase: the clause it reports was
    cut after its subject ("Recipients say the link [expired]", "Users report the export
    [is empty]", "Customer thinks the invoice [is wrong]"). "Report a bug" (an imperative, no
    subject) and "Users say the link expired" pass."""
    for i, w in enumerate(low):
        if w not in _REPORTING:
            continue
        # "say" and "think" are no requests ("Say the link" lost its subject); "Report a bug"
        # is one
        if i == 0 and w not in _SAYING:
            continue
        if i and low[i - 1] in FUNCTION_WORDS - _SUBJECT_PRONOUNS:
            continue
        rest = low[i + 1 :]
        if len(rest) > 1 and rest[0] in DETERMINERS and not any(_predicate(x, verbs) for x in rest):
            return True
    return False


def _predicate(word: str, verbs: frozenset[str]) -> bool:
    """A word that makes a predicate: an auxiliary, a modal, a negation, a verb with its tense
    (any "-ed" form: "the link expired")."""
    return (
        word in _PREDICATE_START
        or word in _MODALS
        or word in _NEGATIONS
        or word.endswith("ed")
        or _finite(word, verbs)
    )


def _dangling(low: list[str], verbs: frozenset[str]) -> bool:
    """A phrase cut before its complement: ending in a verb of occurrence ("... inventory ran"),
    an adjective without its noun ("Dataset with a custom"), a bare verb after "to" ("Cost per
    month to add"), or "between" without its "and"."""
    if not low:
        return False
    if low[-1] in _LIGHT_VERBS or low[-1] in NEEDS_TO or low[-1] in _NEEDS_NOUN:
        return True
    if _bare_adjective(low) or _reported_subject(low, verbs):
        return True
    if len(low) > 1 and low[-2] in ("to", "and", "or") and low[-1] in verbs:
        return True  # "... to add", "Log in and set": a verb without its object
    if len(low) > 2 and low[-2] in _PURPOSE_PREPS and _gerund_of(low[-1], verbs):
        return True  # "Entity ID for configuring", "Guide about exporting": of what?
    if _verbless_wh(low, verbs):
        return True
    return "between" in low and "and" not in low[low.index("between") :]


# Question words that open a clause inside a name ("Can't share how other customers [use Ask
# AI]"); after "how" a degree word or "to" makes its own phrase ("how much", "how to export").
_WH_CLAUSE = frozenset("how why where".split())  # noqa: SIM905
_HOW_DEGREES = frozenset("much many long often far soon fast big old to".split())  # noqa: SIM905


def _verbless_wh(low: list[str], verbs: frozenset[str]) -> bool:
    """A clause opened by how / why / where inside a name that ends before its verb: "Can't
    share how other customers", "Explain why my card", "Ask where the nearest branch". "How
    other customers use Ask AI", "Explain why the card was declined", "Check how many seats",
    "How to export" have theirs (or need none)."""
    for k, w in enumerate(low[1:], 1):
        rest = low[k + 1 :]
        if w not in _WH_CLAUSE or not rest or rest[0] in _HOW_DEGREES:
            continue
        if not any(
            x in verbs or x in _LIGHT_VERBS or x.endswith("ing") or _predicate(x, verbs)
            for x in rest
        ):
            return True
    return False


# Prepositions of a purpose or a topic: "for" / "about" / "on" and a gerund go on with its object
# ("for configuring [SSO]", "about exporting [a board]").
_PURPOSE_PREPS = frozenset("for about on".split())  # noqa: SIM905
# -ing words that are nouns of their own: "Charges for shipping", "Help on onboarding".
_ING_NOUNS = frozenset(
    """billing pricing shipping parking booking banking onboarding accounting funding meeting
    training hosting housing marketing messaging logging boarding setting settings building
    clothing lighting heating landing dining catering printing spending savings earnings
    morning evening wedding ceiling string thing nothing something anything everything
    spring ring king roaming routing tracking reporting staffing timing""".split()  # noqa: SIM905
)


def _gerund_of(word: str, verbs: frozenset[str]) -> bool:
    """`word` is the -ing form of a verb that takes an object (its base among `verbs` or ending
    in a verb suffix: "configuring", "exporting", "customizing"), not an -ing noun ("billing")."""
    if not word.endswith("ing") or len(word) < 6 or word in _ING_NOUNS:
        return False
    stem_ = word[:-3]
    bases = {stem_, stem_ + "e"} | ({stem_[:-1]} if stem_[-1:] == stem_[-2:-1] else set())
    if bases & _INTRANSITIVE:
        return False
    return bool(bases & verbs) or stem_.endswith(("ur", "iz", "is", "at", "ify", "fy"))


# What a request's name never holds: the tense of a wish left over from "it would be great if
# the editor had ..." ("Editor had autocomplete", "Supported alerts by SMS": it reads as done).
_WISH_TENSE = frozenset(
    "had supported allowed kept offered included provided remembered showed let".split()  # noqa: SIM905
)
# Compliments that open a complaint ("Love the product, but ..."): the complaint is the topic.
_PRAISE = re.compile(
    r"\b(?:love|loved|appreciate|appreciated|helpful|grateful|awesome|amazing|fantastic|"
    r"great tool|great product|big fan)\b",
    re.I,
)
# What a redaction, an enum or a code identifier leaves: "com", "FAILED_TOOL_CALL", "get_x".
_ARTEFACT = re.compile(r"(?<![\w.])(?:(?i:com)|org|net)(?![\w.])|\b\w+_\w+\b")
# Predicates that continue a subject: a name never ends on the subject ("User confirmed the
# problem [was solved]").
_PREDICATE_START = frozenset("is are was were has have had".split())  # noqa: SIM905


# Words that open a sentence: capitalised after a lower-case word, they start a new sentence
# that lost its full stop ("Enterprise please What's the difference", "Refund please Why was I
# charged"), so a name holding one runs across two sentences. "I" ("I'm", "I've") is capitalised
# anywhere and "The" opens names ("The Home Depot"): neither is here.
_SENTENCE_OPENERS = frozenset(
    """what what's why how when where which who can could would will is are do does did
    we we're we've we'll it it's this there please thanks also but so then you you're""".split()  # noqa: SIM905
)


# Of those, the question words and auxiliaries: capitalised after a capitalised word they still
# open a question ("Downgrade to Pro What's the difference", "Billing Does Enterprise"), unless
# the name opens as a title on a question word ("What Is New page", "How Do I guides"). Not
# "will", "who", "do": a first name, "Doctor Who", "To Do list".
_QUESTION_OPENERS = frozenset(
    """what what's why how when where which can could would should is are does did""".split()  # noqa: SIM905
)


def _run_on(words: list[str]) -> bool:
    """A capitalised sentence opener right after a lower-case word, or a question word or
    auxiliary after any word of a name that is no title opening on one: two sentences in one."""
    toks = [w.strip(".,;:!?\"'()") for w in words]
    title = bool(toks) and toks[0].lower() in _QUESTION_OPENERS
    for i, (a, b) in enumerate(zip(toks, toks[1:], strict=False), 1):
        if not b[:1].isupper() or b.lower() not in _SENTENCE_OPENERS:
            continue
        if a[:1].islower():
            return True
        before_caps = all(t[:1].isupper() for t in toks[:i])
        if b.lower() in _QUESTION_OPENERS and not (title and before_caps):
            return True
    return False


# A measure and its comparison ("20 minutes longer", "two days later") says how much, never
# what: a name holding one names no thing ("Minutes longer requests").
_UNITS = frozenset(
    """second seconds sec secs minute minutes min mins hour hours hrs day days week weeks month
    months year years ages times percent ms""".split()  # noqa: SIM905
)
_COMPARATIVES = frozenset(
    """longer shorter slower faster quicker bigger smaller larger higher lower more less fewer
    better worse earlier later sooner""".split()  # noqa: SIM905
)


# Comments on the speaker's stance that open a sentence ("Honestly, we're evaluating ...",
# "Seriously, the export ..."): an aside, never the start of a name.
_STANCE_ADVERBS = frozenset(
    """honestly seriously frankly basically actually apparently literally obviously clearly
    anyway anyways truthfully personally""".split()  # noqa: SIM905
)


def _measure(low: list[str]) -> bool:
    """A measure with its comparison ("Minutes longer requests", "Hours later issues"), or a
    comparison as the head of a category name ("Slower issues"): how much, not what.
    "Slower dashboards" (a comparison before its noun) and "Working hours policy" are names."""
    pairs = list(zip(low, low[1:], strict=False))
    if len(low) == 2 and low[0] in _UNITS | _TIME_NOUNS and low[1] in CATEGORY_NOUNS:
        return True  # a unit or a day alone as a category's head: "Minutes issues"
    return any(a in _UNITS and b in _COMPARATIVES for a, b in pairs) or any(
        a in _COMPARATIVES and b in CATEGORY_NOUNS for a, b in pairs
    )


_COUNT_WORDS = frozenset(
    "two three four five six seven eight nine ten several many multiple".split()  # noqa: SIM905
)


def _how_often(low: list[str], verbs: frozenset[str]) -> bool:
    """How often, said of a thing without what happened to it: "Arguments 3 times", "Password
    5 times", "Card twice" (a verb before it says what: "Charged twice", "Called 3 times",
    "Retrying twice")."""
    for j, w in enumerate(low):
        counted = (
            w in ("times", "time") and j and (low[j - 1].isdigit() or low[j - 1] in _COUNT_WORDS)
        )
        if not (counted or w in ("twice", "thrice")):
            continue
        before = [x for x in low[: j - 1 if counted else j] if x not in FUNCTION_WORDS]
        if before and not any(
            _tensed(x, verbs) or x.endswith("ing") or x in verbs or x in _LIGHT_VERBS
            for x in before
        ):
            return True
    return False


def wording_problems(label: str) -> list[str]:
    """What a name carries that is not the topic: a wish's tense (`wish_tense`), a compliment
    (`praise`), the leftovers of a redaction, an enum or an identifier (`artefact`), a second
    sentence that lost its full stop (`run_on`), a measure and its comparison (`measure`), a
    comment on the speaker's stance opening it (`aside`: "Honestly we're evaluating ..."), a
    judgement for a head (`evaluative`: "Kind settings", "Getting ridiculous")."""
    low = [w.lower().strip(".,;:!?\"'()") for w in label.split()]
    out = []
    if _evaluative(low):
        out.append("evaluative")
    if any(w in _WISH_TENSE for w in low) or any(
        a in ("could", "would") and b not in ("not", "n't")
        for a, b in zip(low, low[1:], strict=False)
    ):
        out.append("wish_tense")
    if _PRAISE.search(label):
        out.append("praise")
    if _ARTEFACT.search(label):
        out.append("artefact")
    if _run_on(label.split()):
        out.append("run_on")
    if _measure(low):
        out.append("measure")
    if low and low[0] in _STANCE_ADVERBS:
        out.append("aside")
    if _when_said(low):
        out.append("when_said")
    if _period_alone(low):
        out.append("period")
    return out


# A part of a period and the periods a plan or a term runs by: "End of the cycle" says when,
# not what about ("[Downgrade at the] end of the cycle")
_PERIOD_PARTS = frozenset("end start beginning middle half rest".split())  # noqa: SIM905
_PERIODS = frozenset("cycle cycles period periods term terms quarter quarters".split())  # noqa: SIM905


def _period_alone(low: list[str]) -> bool:
    """A name that is only a part of a period ("End of the cycle", "Start of the month",
    "Middle of the term"): every content word a part, a period or a time noun, and a part
    among them. "Billing cycle", "End of trial", "Contract end date" name a thing."""
    content = [w for w in low if w and w not in FUNCTION_WORDS]
    return (
        any(w in _PERIOD_PARTS for w in content)
        and len(content) > 1
        and all(w in _PERIOD_PARTS | _PERIODS | _TIME_NOUNS | MOOD_TIMES for w in content)
    )


# The category nouns in either number, and the nouns that say "something went wrong" as they
# do: none says what a topic is about, so none is a head of its own
_KIND_NOUNS = frozenset(
    {w for n in CATEGORY_NOUNS for w in (n, n.removesuffix("s"))}
    | {"problem", "problems", "complaint", "complaints", "question", "questions", "stuff"}
)


_TIME_QUALIFIERS = frozenset({"last", "next", "past"})  # "last time", "next week"
# Verbs that state a judgement of their subject ("is annoying", "seems useless", "found it
# rude"): a name ending so says what is judged.
_STATING = frozenset(
    """is are was were be been being am 's seem seems seemed feel feels felt look looks looked
    sound sounds sounded find found it this that less more""".split()  # noqa: SIM905
)


def _evaluative(low: list[str]) -> bool:
    """A name whose only content is a judgement (`words.EVALUATIVE_WORDS`), graded or not
    (`DEGREE_WORDS`), with at most a category noun: the writer's mood for the head ("Kind
    settings", "Ridiculous settings", "Getting ridiculous", "Terrible week"), or a time alone
    ("Last time"); or a name that ends on a judgement no verb states of its noun, an adjective
    phrase for a head: two sentences run together ("Service Very annoying", "Roaming charges
    so frustrating", "Support useless"). "Terrible coverage", "Bug is unacceptable" and "Fees
    are really annoying" say what is judged, and pass."""
    if len(low) > 1 and low[-1] in EVALUATIVE_WORDS:
        before = [w for w in low[:-1] if w not in DEGREE_WORDS]
        if before and before[-1] not in _STATING and before[-1] not in EVALUATIVE_WORDS:
            return True
    content = [
        w for w in low if w and w not in FUNCTION_WORDS and w not in DEGREE_WORDS
        and w not in _KIND_NOUNS and w not in MOOD_TIMES
        and not (w in _TIME_QUALIFIERS and any(x in MOOD_TIMES for x in low))
    ]  # fmt: skip
    if not content:  # a time and nothing else ("Last time", "This week"): says no thing either
        return any(w in MOOD_TIMES for w in low)
    return all(w in EVALUATIVE_WORDS for w in content)


# When one user's case happened, said from the day they wrote: "Charged twice this month", "Card
# declined again", "Report failed yesterday". The topic is the event; the day is one text's.
_DEICTIC_TIMES = frozenset("today yesterday tonight again anymore lately recently".split())  # noqa: SIM905
_DEICTIC_DETS = frozenset("this last next".split())  # noqa: SIM905
_DEICTIC_NOUNS = frozenset(
    """morning afternoon evening night week weekend month year quarter time""".split()  # noqa: SIM905
)


def _when_said(low: list[str]) -> bool:
    """A name that ends on when its writer's case happened (`_DEICTIC_TIMES`, or this / last /
    next with a time noun)."""
    if len(low) < 3:
        return False
    return low[-1] in _DEICTIC_TIMES or (low[-2] in _DEICTIC_DETS and low[-1] in _DEICTIC_NOUNS)


# The day and hour of one booking: "Appointment wed", "Grooming saturday 3pm", "Cleaning on
# Dec 4", "Move to the 14th", "Checkup tmrw at 10:30". A weekday or a month is the topic only
# when most of its traffic says that one ("Saturday opening hours": `booking_time`).
# (Plurals say a habit, not one booking: "Closed on Sundays" is a topic.)
WEEKDAYS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur
    thurs fri""".split()  # noqa: SIM905
)
_SHORT_WEEKEND = frozenset({"sat", "sun"})  # also a verb's past and a noun: only beside a time
MONTHS = frozenset(
    """january february april june july august september october november december jan feb
    apr jun jul aug sep sept oct nov dec""".split()  # noqa: SIM905
)
_MONTH_VERBS = frozenset({"march", "may"})  # a month only beside a day's number
_ON_DAY = frozenset("on this next last until till by".split())  # noqa: SIM905
_DAY_WORDS = frozenset("tomorrow tmrw tmr tmw tonight noon midnight".split())  # noqa: SIM905
_DAY_PARTS = frozenset("morning afternoon evening night am pm".split())  # noqa: SIM905
_CLOCK = re.compile(r"^\d{1,2}(?:[:.]\d{2})?(?:am|pm)?$", re.I)
_SLASH_DATE = re.compile(r"^\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?$")  # "12/9", "2026-12-03"
_ORDINAL = re.compile(r"^\d{1,2}(?:st|nd|rd|th)$")
_ALWAYS = frozenset({"24/7", "24-7"})  # "24/7 support" is a kind of service, not a date


def _clock(low: list[str], i: int) -> bool:
    """A time of day: "3pm", "10:30", "4.15pm", "2 pm", "at 9"."""
    w = low[i]
    if not (0 <= i < len(low)) or not _CLOCK.match(w):
        return False
    if not w.isdigit():
        return ":" in w or w.endswith(("am", "pm"))
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if nxt in ("am", "pm", "o'clock"):
        return True
    # "at 9", "at 3 on Friday"; not "at 3 different ATMs"
    after = not nxt or nxt in FUNCTION_WORDS or nxt in WEEKDAYS or nxt in _DAY_WORDS
    return i > 0 and low[i - 1] == "at" and int(w) <= 12 and after


def booking_time(low: list[str]) -> list[int]:
    """The positions of `low`'s words that say the weekday, date or hour of one booking: a
    weekday ("wed", "Thursday"; "sat" / "sun" beside a time or ending the name), a month beside
    a day's number or ending the name ("Dec 4", "3rd of March"), a date ("12/9", "the 14th"), a
    clock time ("3pm", "10:30", "2 pm") or "tomorrow" / "tmrw" / "noon"."""
    out = []
    for i, w in enumerate(low):
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        number = any(x.isdigit() or _ORDINAL.match(x) for x in (prev, nxt) if x)
        timed = bool({prev, nxt} & _DAY_PARTS) or any(
            _clock(low, j) for j in (i - 1, i + 1) if 0 <= j < len(low)
        )
        if (
            w in WEEKDAYS
            or w in _DAY_WORDS
            or (w in _SHORT_WEEKEND and i > 0 and (timed or prev in _ON_DAY))
            or (w == "sat" and i > 0 and (not nxt or prev == "the"))  # "Grooming sat"
            or (w in MONTHS and (number or i == len(low) - 1))
            or (w in _MONTH_VERBS and number)
            or (_SLASH_DATE.match(w) and w not in _ALWAYS)
            or (_ORDINAL.match(w) and (not nxt or nxt == "of" or nxt in MONTHS or prev in MONTHS))
            or _clock(low, i)
        ):
            out.append(i)
            # "the 11th of March": the month after the ordinal is the same date
            if (
                _ORDINAL.match(w)
                and nxt == "of"
                and low[i + 2 : i + 3] in ([m] for m in MONTHS | _MONTH_VERBS)
            ):
                out += [i + 1, i + 2]
    return sorted(set(out))


# A weekday or a month opening a name that most of its topic's traffic says is the topic
# ("Saturday opening hours", "December holiday hours")
TOPIC_DAY_SHARE = 0.5


def _one_booking(low: list[str], context: WordContext | None) -> bool:
    """The name says when one booking is (`booking_time`). A weekday or month before the noun
    it qualifies, opening the name, is the topic's when at least TOPIC_DAY_SHARE of its
    traffic says it (`context`); after its noun it says when ("Grooming saturday", however
    many book Saturdays)."""
    found = booking_time(low)
    if not found:
        return False
    if context is None or not context.total:
        return True
    return any(
        i > 0
        or low[i] not in WEEKDAYS | MONTHS
        or context.uses[low[i]] < TOPIC_DAY_SHARE * context.total
        for i in found
    )


# Adjectives that make a predicate of one case after a noun or before a preposition:
# "White-labeling available for ...", "Timezone wrong in ...", "Wrong on every tile".
_PREDICATE_ADJECTIVES = frozenset(
    """available unavailable possible impossible supported unsupported allowed enabled disabled
    wrong broken missing incorrect visible invisible empty blank stuck offline""".split()  # noqa: SIM905
)
_COPULAS = frozenset("is are was were being been".split())  # noqa: SIM905
# Of those, what is on offer: "White-labeling available for ..." asks for the thing itself.
_OFFERED = frozenset(
    "available unavailable possible impossible supported unsupported allowed enabled disabled visible invisible".split()  # noqa: SIM905
)
# A tensed verb that reports what one case did: "Report keeps failing", "Bot stopped posting"
_ASPECT = frozenset("keeps kept stopped started stops starts".split())  # noqa: SIM905
# Verbs whose third person may end a statement: "Connection test hangs", "Export fails"
_ENDING_EVENTS = frozenset("hang fail crash freeze break stall drop time spin".split())  # noqa: SIM905


def _adverb_next(low: list[str], i: int) -> bool:
    """What follows word `i` continues a predicate: nothing, glue, an adverb, a negation."""
    if i + 1 >= len(low):
        return True
    nxt = low[i + 1]
    return (
        nxt in FUNCTION_WORDS
        or nxt.endswith(("ly", "ing"))
        or nxt in _NEGATIONS
        or nxt in _PREDICATE_ADJECTIVES
    )


def case_statement(
    label: str, verbs: frozenset[str] = COMMON_VERBS, context: WordContext | None = None
) -> bool:
    """A name that states one case instead of naming what users want or what went wrong: a
    predicate adjective without its subject ("Wrong on every tile", "Missing from the
    invoice"), a record of what was done (`past_record`: "Invoked right to be forgotten",
    "Left the company"), or a statement (`statement_shape`) that states no problem:
    "White-labeling available for embedded analytics", "Datasets refresh incrementally", "Bill
    went up". A statement of a problem ("Card hasn't arrived", "Timezone being wrong in exported
    CSVs", "Report keeps failing") says what went wrong; a Task parent offers its `request_form`
    first ("Wrong timezone in exported CSVs"). "Dashboard export", "Audit logs", "Scheduled
    report" (a participle before its noun) are no statements."""
    low = [w.lower().strip(".,;:!?\"'()") for w in label.split()]
    if len(low) > 1 and low[0] in _PREDICATE_ADJECTIVES and low[1] in FUNCTION_WORDS:
        return True
    if past_record(low, context) and not states_problem(low):
        return True  # "Charged twice" says what went wrong, as a statement of a problem does
    return statement_shape(low, verbs) and not states_problem(low)


# Past forms that are also participles, which the "-ed" test misses: "Left the company"
_IRREGULAR_PAST = frozenset("left lost forgot got paid sent bought made told found".split())  # noqa: SIM905
# Adverbs that close a past verb's clause: "Charged twice", "Billed again"
_ONCE_MORE = frozenset("twice again once already".split())  # noqa: SIM905


def _past_form(word: str) -> bool:
    return (
        word in PAST_ONLY
        or word in _IRREGULAR_PAST
        or (word.endswith("ed") and not word.endswith("eed") and len(word) > 4)
    )


def past_record(low: list[str] | tuple[str, ...], context: WordContext | None = None) -> bool:
    """A name opening with a verb's past form and what followed it, its subject dropped: a
    record of one case ("Invoked their right to be forgotten", "Left the company", "Billed for
    seats we removed", "Charged twice"), not what users ask. What follows the verb is a
    determiner, a preposition or an adverb, in the name or, where the name dropped it
    ("Invoked right to be forgotten" from "invoked their right ..."), after CUT_SHARE of the
    verb's uses in its texts (`context`). A participle before its noun ("Scheduled report",
    "Embedded dashboards", "Lost card") and a phrasal verb ("Locked out of the account") are no
    records."""
    if len(low) < 2 or not _past_form(low[0]):
        return False

    def opens_object(word: str) -> bool:
        return word not in PARTICLES and (
            word in FUNCTION_WORDS or word in _ONCE_MORE or word.endswith("ly")
        )

    if opens_object(low[1]):
        return True
    if context is None or context.uses[low[0]] < MIN_USES:
        return False
    after = context.after.get(low[0], Counter())
    total = sum(after.values())
    return bool(total) and sum(v for k, v in after.items() if opens_object(k)) >= CUT_SHARE * total


def states_problem(low: list[str] | tuple[str, ...]) -> bool:
    """The words say something went wrong: a negation, a problem word, a verb of a case that
    goes on or stopped ("keeps", "stopped")."""
    return any(w in NEGATION_WORDS or w in PROBLEM_WORDS or w in _ASPECT for w in low)


def statement_shape(low: list[str] | tuple[str, ...], verbs: frozenset[str]) -> bool:
    """A predicate after its subject: a copula or a predicate adjective ("Timezone being wrong
    in ...", "White-labeling available for ..."), a verb with its tense ("Charts won't load",
    "Bill went up", "Slack bot stopped posting", "Chart renders empty"), a plural subject and
    its verb going on ("Datasets refresh incrementally")."""
    for i in range(1, len(low)):
        w, prev = low[i], low[i - 1]
        if prev in FUNCTION_WORDS or prev in _PREDICATE_ADJECTIVES:
            continue
        if w in _COPULAS or w in PAST_ONLY or w in _ASPECT or w in _MODAL_NEG | NEGATED_AUX:
            return True
        if w in _PREDICATE_ADJECTIVES and (i + 1 == len(low) or low[i + 1] in FUNCTION_WORDS):
            return True
        if w.endswith("ed") and len(w) > 4 and _adverb_next(list(low), i) and prev not in verbs:
            return True  # "Card declined", "Payment failed on checkout"
        if w.endswith("s") and not w.endswith("ss") and w not in FUNCTION_WORDS:
            base = {w[:-1], w[:-2] if w.endswith("es") else w[:-1]}
            event = base & (verbs | _LIGHT_VERBS | _INTRANSITIVE | EVENT_VERBS)
            if event and i + 1 < len(low) and _adverb_next(list(low), i):
                return True  # "Chart renders empty", "Integration says not authorized"
            if i + 1 == len(low) and base & _ENDING_EVENTS:
                return True  # "Connection test hangs"
        if (
            _plural_noun(prev)
            and prev not in verbs
            and w in verbs | EVENT_VERBS
            and i + 1 < len(low)
            and _adverb_next(list(low), i)
        ):
            return True  # "Datasets refresh incrementally", "Admins create own datasets"
    return False


# Actions whose verb is also their noun: a plural subject and one of them read as a noun
# compound ("datasets refresh" -> "dataset refresh", "reports export" -> "report export").
_NOUN_VERBS = frozenset(
    """refresh export import load sync upload download update reset change transfer search
    share access backup restore rollout checkout print filter sort schedule release""".split()  # noqa: SIM905
)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def _adjective(adverb: str) -> str:
    """ "incrementally" -> "incremental", "automatically" -> "automatic", "easily" -> "easy",
    "slowly" -> "slow"."""
    if adverb.endswith("ically"):
        return adverb[:-4]
    if adverb.endswith("ally"):
        return adverb[:-2]
    if adverb.endswith("ily"):
        return adverb[:-3] + "y"
    return adverb[:-2]


def request_form(ph: tuple[str, ...], verbs: frozenset[str]) -> tuple[str, ...] | None:
    """The thing a statement of one case is about, as a name of what is wanted: a problem its
    predicate states goes before its noun ("timezone being wrong in exported csvs" -> "wrong
    timezone in exported csvs", "card was stolen" -> "stolen card"), a predicate of what is on
    offer is dropped ("white-labeling available for embedded analytics" -> "white-labeling for
    embedded analytics"), a plural subject and its action read as a noun compound with the
    adverb before it ("datasets refresh incrementally" -> "incremental dataset refresh",
    "dashboards load slowly" -> "slow dashboard load"). None when `ph` is none of these."""
    low = list(ph)
    for i in range(1, len(low)):
        w, prev = low[i], low[i - 1]
        if prev in FUNCTION_WORDS:
            continue
        if w in _COPULAS or (w in _PREDICATE_ADJECTIVES and not _tensed(prev, verbs | EVENT_VERBS)):
            j = i + (w in _COPULAS)
            while j < len(low) and low[j] in _COPULAS:
                j += 1  # "has been", "is being"
            state = low[j] if j < len(low) else ""
            offered = state in _OFFERED
            problem = not offered and (
                state in _PREDICATE_ADJECTIVES
                or state in PROBLEM_WORDS
                or (state.endswith(("ed", "en")) and len(state) > 4)
            )
            if not (offered or problem):
                return None  # "Export is the ...": no state of the subject
            rest = low[j + 1 :]
            if rest and rest[0] not in FUNCTION_WORDS - DETERMINERS:
                return None  # "... is wrong tax": no preposition goes on from the subject
            out = (*([state] if problem else []), *low[:i], *rest)
            return out if len(out) >= MIN_WORDS and _may_end(list(out)) else None
        if _plural_noun(prev) and w in _NOUN_VERBS:
            nxt = low[i + 1] if i + 1 < len(low) else ""
            adverb = nxt if nxt.endswith("ly") and nxt not in _BARE_ADJECTIVES else ""
            if i + 2 < len(low):
                return None
            if nxt and not adverb and nxt not in _BARE_ADJECTIVES:
                return None
            head = _singular(prev)
            when = [_adjective(adverb)] if adverb else [nxt] if nxt else []
            return (*when, *low[: i - 1], head, w)
    return None


def label_problems(
    label: str,
    siblings: list[str] | tuple[str, ...] = (),
    *,
    verbs: frozenset[str] = COMMON_VERBS,
    context: WordContext | None = None,
) -> list[str]:
    """What is wrong with `label` as a topic name (empty list: nothing). The label audit;
    `verbs`: the facet's verbs (`verb_forms`), for names cut after "to"; `context`: the
    topic's texts around each word (`context.word_context`), for names cut from a longer
    phrase, a slot's filler or a name in lower case (`context.context_problems`)."""
    problems = []
    words = label.split()
    low = [w.lower().strip(".,;:!?\"'()") for w in words]
    if not (MIN_WORDS <= len(words) <= MAX_WORDS):
        problems.append("length")
    glue = FUNCTION_WORDS | END_GLUE | SHORTHAND | TITLES  # "... pickup and", "prefer dr", "bc"
    if low and low[-1] in glue and not phrasal_end(low):
        problems.append("ends_in_function_word")
    elif _dangling(low, verbs):
        problems.append("dangling_end")
    # what the texts themselves say whole ("Refusal: can't change", where every text stops
    # there) is not cut from them, though it lacks its object
    whole = context is not None and ends_clause(low[-1], context) if low else False
    if _fragment(low, verbs, whole) or _clause_piece(low, verbs) or _bare_been(low):
        problems.append("fragment")
    if _format_head(low, verbs):
        problems.append("format_head")
    if _how_often(low, verbs):
        problems.append("how_often")
    if _traceback(low):
        problems.append("traceback")
    if len(low) > 1 and low[0] in _CALLING:
        problems.append("tool_name")
    if _NUMBER_IDENTIFIER.search(label):
        problems.append("identifier")
    if PLACEHOLDER.search(label):
        problems.append("placeholder")
    if _JSONISH.search(label):
        problems.append("json")
    if ENUM_PREFIX.match(label):
        problems.append("enum_prefix")
    if GREETING_WORDS.search(label):
        problems.append("greeting")
    if len(low) > 1 and _CLAUSE_SUBJECT.match(low[0].replace("\u2019", "'")):
        # "We're switching", "They've charged me twice": a sentence's head, not a name
        problems.append("subject_head")
    if _referring(low) or _writer_clause(low):
        # "Legal needs it before we sign": needs what? "Parental leave I work": whose clause?
        problems.append("pronoun")
    content = [w for w in low if w not in FUNCTION_WORDS]
    twice = any(_same_word(a, b) for a, b in zip(low, low[1:], strict=False))
    if twice or len(set(content)) < len(content):
        # "Companies ask ask AI", "Enterprise to Enterprise": a seam between two clauses;
        # "Deletion request requests", "Meter reading readings": a category after its own word
        problems.append("repeated_word")
    if label.strip().lower() in {s.strip().lower() for s in siblings}:
        problems.append("repeats_sibling")
    if _one_booking(low, context):
        problems.append("booking_time")
    if any(w in SHORTHAND for w in low[:-1]):  # "Cleaning w Dr Reyes", "Move bc of work"
        problems.append("shorthand")
    if context is not None:
        problems += context_problems(label, context, verbs)
        if _open_object(low, context, verbs) and "cut_phrase" not in problems:
            problems.append("cut_phrase")
    return problems + wording_problems(label)


def _same_word(a: str, b: str) -> bool:
    """Two words that are one: the same, or one content word's forms ("request requests")."""
    if a == b:
        return True
    return a not in FUNCTION_WORDS and (stem(a) == stem(b) or b in (a + "s", a + "es"))


# Pronouns whose thing or person a name does not say: what they refer to is in another clause.
_REFERRING = frozenset("it them they he she him".split())  # noqa: SIM905
# Pronouns for a person: the name says who when a person opens it ("User said they were
# unhappy", "Customer says he was charged twice").
_PERSON_PRONOUNS = frozenset("they he she".split())  # noqa: SIM905


def _referring(low: list[str]) -> bool:
    """A pronoun whose thing or person the name does not say: "Legal needs it before we sign",
    "They never called back", "Refund them". A person pronoun after the person it stands for
    points inside the name."""
    for j, w in enumerate(low):
        if w in _REFERRING and not (w in _PERSON_PRONOUNS and any(x in _PERSONS for x in low[:j])):
            return True
    return False


# The writer as a clause's subject ("I", "we're"): after a noun it opens the writer's own clause
# inside the name ("Parental leave I work", "Expenses we submitted", "Refund I asked"), one
# case's story. "Can I export" (a question's inversion), "Currencies you support" (the product
# as the subject) and a clause stating what is wrong ("Card payment I don't recognize", "Charge
# we didn't make") pass, and so does a clause after a time noun, which says when ("Third time
# I'm asking").
_WHEN_NOUNS = _TIME_NOUNS | {"time", "times"}
_WRITER = re.compile(r"^(?:i|we)(?:'(?:ll|re|ve|d|m))?$")


def _writer_clause(low: list[str]) -> bool:
    for j, (a, b) in enumerate(zip(low, low[1:], strict=False)):
        if _WRITER.match(b) and a not in FUNCTION_WORDS | _NEGATIONS | _WHEN_NOUNS:
            return not any(w in _NEGATIONS for w in low[j + 2 :])
    return False


def _open_object(low: list[str], ctx: WordContext, verbs: frozenset[str]) -> bool:
    """A statement ending in a phrasal verb's particle whose texts go on with its object, a
    different one each ("Team is rolling out [Okta / Entra ID / OneLogin]", "Admin keeps
    turning off [MFA / alerts]"): what is rolled out was cut, and no one word of it is common
    enough for `cut_phrase`; so is the verb's -ing form and particle alone ("Rolling out"). Where
    the texts stop at the particle ("The new card is rolling out", "Card topped up [with the
    wrong amount]") the name is whole."""
    if len(low) < 2 or low[-1] not in PARTICLES or not is_phrasal(low[-2]):
        return False
    # a phrasal verb's -ing form alone ("Rolling out", "Setting up") is the statement cut
    # before its subject and its object both
    gerund = len(low) == 2 and low[0].endswith("ing")
    if not (gerund or (len(low) > 2 and states(low, verbs))) or ctx.uses[low[-1]] < MIN_USES:
        return False
    after = ctx.after.get(low[-1], Counter())
    total = sum(after.values())
    goes_on = sum(n for k, n in after.items() if k and k not in FUNCTION_WORDS)
    return bool(total) and goes_on >= CUT_SHARE * total


# Possessive determiners: a name drops them (`naming.tidy_phrase`: "Reset my password" reads
# "Reset password"), so they do not count towards its length.
POSSESSIVES = frozenset({"my", "our", "your", "their", "his", "her"})
# A clause opening on a negated verb ("can't share ...", "I won't renew ...", "we are unable to
# ..."): the words after the negation state the opposite without it, so only a span holding the
# negation names the text ("Can't change compute settings", never "Compute settings in
# warehouse" nor "Customers use Ask AI" from "can't share how other customers use Ask AI"). Not
# a negation of the request itself: "I don't know how to export", "not sure whether ...".
_NEGATED_OPENERS = NEGATED_AUX | frozenset({"unable", "never", "not"})
_SUBJECTS = frozenset("i we you they he she it".split())  # noqa: SIM905
_NOT_KNOWING = frozenset("know understand remember sure think mind care".split())  # noqa: SIM905


def negated_statement(low: list[str]) -> int:
    """Where the negation of a clause opening on a negated verb stands ("can't share how ..." ->
    0, "i won't renew" -> 1, "we are not able to ..." -> 3); -1 otherwise, or when what is
    negated is knowing or being sure ("i don't know how to export")."""
    k = 1 if low[:1] and low[0] in _SUBJECTS else 0
    while k < len(low) and low[k] in ("am", "are", "is", "was", "were", "really", "still", "just"):
        k += 1
    if k >= len(low) or low[k] not in _NEGATED_OPENERS:
        return -1
    nxt = [w for w in low[k + 1 : k + 4] if w not in ("be", "able", "to", "even", "really")]
    if not nxt or nxt[0] in _NOT_KNOWING:
        return -1
    return k


# What negates the words after it: a negation ("no signal", "isn't connecting", "without wifi") or
# a word of loss ("lost my card", "stopped working"). A span that starts inside its scope states the
# opposite of its text ("[No] signal at home", "[stopped] working after the trip"): issue 12 item 4.
_SCOPE_NEGATORS = (NEGATION_WORDS - {"nor", "neither"}) | frozenset(
    "lost stopped stops lacking lacks missing".split()  # noqa: SIM905
)
# Words between a negation and what it scopes: "no [more] data", "lost [my] card", "not [a] single"
_SCOPE_GLUE = frozenset(
    "a an the any my our your their his her its this that these those more single longer".split()  # noqa: SIM905
)


def _in_negation_scope(low: list[str], i: int) -> bool:
    """Word `i` follows a negation or a word of loss, with only determiners between."""
    k = i - 1
    while k >= 0 and low[k] in _SCOPE_GLUE:
        k -= 1
    return k >= 0 and low[k] in _SCOPE_NEGATORS


def _capitalised(tok: str) -> bool:
    return tok[:1].isupper()


def candidate_phrases(text: str) -> list[tuple[str, ...]]:
    """Every 2-6 token span of `text`'s clauses that starts and ends in a content word."""
    out: list[tuple[str, ...]] = []
    for clause in CLAUSE_SPLIT.split(text):
        toks = TOKEN.findall(clause)
        if GREETING_WORDS.search(clause):
            toks = [t for t in toks if not GREETING_WORDS.fullmatch(t)]
        low = [t.lower() for t in toks]
        negated = negated_opening(low)  # a question's: its statement below names it
        stated = negated_statement(low) if negated < 0 else -1  # a span may open on it
        for i in range(len(toks)):
            if (low[i] in FUNCTION_WORDS and low[i] not in _LEADS) or low[i].isdigit():
                continue
            if low[i] in SHORTHAND or low[i] in TITLES:  # "[bc] of school pickup", "[Dr] Lind"
                continue
            if 0 <= negated <= i or 0 <= stated < i:  # "[Why hasn't my] parcel arrived",
                continue  # "[can't share how other] customers use Ask AI": the opposite
            if _in_negation_scope(low, i):  # "[No] signal at home", "[lost my] card"
                continue
            if i > 1 and _capitalised(toks[i]) and _capitalised(toks[i - 1]):
                continue  # "[Power] BI": the rest of a name
            if len(low[i]) == 1:  # "m fed up": the rest of a contraction
                continue
            if _CLAUSE_SUBJECT.match(low[i].replace("\u2019", "'")):
                continue  # "[We're] switching to Metabase": a name is no sentence's head
            if i and low[i - 1] == "how":  # "[How] long does it take": the question word's
                continue
            if low[i] in PARTICLES and i and is_phrasal(low[i - 1]):  # "off" of "turn off"
                continue
            # a possessive determiner does not count: the name drops it (`tidy_phrase`), so
            # "can't change compute settings in your warehouse" is a six-word name
            shown = [w not in POSSESSIVES for w in low]
            stop = i
            while stop < len(low) and sum(shown[i : stop + 1]) <= MAX_WORDS:
                stop += 1
            for j in range(i + MIN_WORDS, stop + 1):
                if low[j - 1] in _BREAKS or low[j - 1] == low[j - 2]:  # "ask ask": a seam
                    break
                if not _may_end(low[i:j]) or all(w in FUNCTION_WORDS for w in low[i:j]):
                    continue
                if j < len(low) and low[j] in PARTICLES and is_phrasal(low[j - 1]):
                    continue  # "top" of "top up", cut from its particle
                if (
                    j < len(low)
                    and j - 1 > 0
                    and _capitalised(toks[j])
                    and _capitalised(toks[j - 1])
                ):
                    continue  # "Power [BI]": a name cut
                if j < len(low) and low[j] in _PREDICATE_START and "the" in low[i:j]:
                    continue  # "the problem [was solved]": a subject without its predicate
                out.append(tuple(low[i:j]))
        # the statement a question presupposes ("Why hasn't my card arrived" -> "Card hasn't
        # arrived"): its predicate is what a span of the question cannot hold
        said = question_names(low)
        for j in range(MIN_WORDS, min(len(said), MAX_WORDS) + 1):
            if _may_end(said[:j]) and said[j - 1] != said[j - 2]:
                out.append(tuple(said[:j]))
        # what a clause asks the other side for, with "request": "Where's your DPA" -> "DPA
        # request", over the reason given with it ("Legal needs it before we sign")
        if obj := asked_for(low):
            out.append((*obj, REQUEST_WORD))
    return out


# What a word after it makes it (`thing_words`): a verb after a subject, an auxiliary or "to"
# ("it reloads", "can't load", "to load"); an adjective after a copula, a degree word or an
# indefinite pronoun ("is interesting", "so fun", "something fun"); a noun after a determiner,
# a possessive, a number or a preposition ("the fee", "my card", "for autopay", "5 cards").
_AUX_CUES = _BEFORE_VERB | _AUXILIARIES
_OBJECT_OPENERS = _ARTICLES | POSSESSIVES | {"all"}
_ADJECTIVE_CUES = (
    _COPULAS | DEGREE_WORDS | frozenset("something anything nothing somewhere anywhere".split())  # noqa: SIM905
) - {"get", "gets", "got", "getting"}
_NOUN_CUES = (
    _QUANTIFIERS
    | POSSESSIVES
    | frozenset(
        "of for with on in at about from by into via per".split()  # noqa: SIM905
    )
)
# The speaker's own organisation: who asks, not what about ("Left the company", "our team").
SPEAKER_ORGS = frozenset(
    "company companies team teams organization organizations organisation organisations org business firm".split()  # noqa: SIM905
)
# How it happened, not what about: a mishap ("made a mistake", "by accident"); and the people a
# request is for (`context.PERSON_NOUNS`: "my daughter").
_MISHAPS = frozenset("mistake mistakes accident accidents".split())  # noqa: SIM905
# An adjective's endings: with a noun after it in most uses the word is that noun's modifier
# ("a musical performance", "physical card"), no thing of its own.
_ADJECTIVE_END = re.compile(r"(?:ical|ous|ful|\w{3}able|ible)$")
# ... and the common "-al" adjectives, whose ending nouns share ("withdrawal", "rental", "portal"):
# "Account and personal requests" pairs "personal details"' modifier
_AL_ADJECTIVES = frozenset(
    """personal additional international digital virtual original general manual annual national
    professional financial commercial official legal social special potential normal total final
    initial external internal actual usual optional central regional global local""".split()  # noqa: SIM905
)


def _compound_modifier(word: str) -> bool:
    """A hyphenated word that opens on glue, a number or a count ("per-minute", "in-app",
    "3-year", "two-factor"): a modifier when a noun follows it ("a per-minute limit");
    "top-up", "sign-on" and "add-on" open on a content word."""
    head = word.split("-", 1)[0]
    return "-" in word and (head in FUNCTION_WORDS or head.isdigit() or head in _COUNT_WORDS)


_DATE = re.compile(r"^(?:\d{1,4}|\d{1,2}(?:st|nd|rd|th))$")
# A point in a period ("the end of the cycle", "start of the term", "rest of the contract"):
# the word after it says when the request is for.
_POSITIONS = frozenset("end start beginning middle rest close".split())  # noqa: SIM905


def _from_position(low: list[str], i: int) -> bool:
    """`low[i]` is the period after a point in it: "end of [the] cycle", "start of my term"."""
    j = i - 1
    if j >= 0 and low[j] in DETERMINERS:
        j -= 1
    return j >= 1 and low[j] == "of" and low[j - 1] in _POSITIONS


def thing_words(
    words: set[str] | frozenset[str], texts: list[str], weights: list[float]
) -> frozenset[str]:
    """Of `words` (lower case), those a topic's texts use as things a name may pair ("Fee and
    payment questions"): not a unit or time count ("minutes", "month"), not the speaker's
    organisation, a mishap ("mistake"), the person a request is for ("daughter") or anyone
    ("someone"), "March" or "May" said as a date, a period said after a point in it ("at the
    end of the cycle"), nor an adjective or a compound modifier before its noun ("musical
    performance", "personal details", "per-minute limit") in most uses; and by how the texts use
    each word, not mostly a verb (after a subject, an auxiliary or "to", or before an article or
    a possessive; an -s form of a common verb needs noun uses: "my orders") nor an adjective
    (after a copula, a degree word or "something")."""
    cues: dict[str, Counter[str]] = {w: Counter() for w in words}
    for text, n in zip(texts, weights, strict=True):
        for clause in CLAUSE_SPLIT.split(text):
            low = [t.lower() for t in TOKEN.findall(clause)]
            for i, w in enumerate(low):
                if w not in cues:
                    continue
                prev = low[i - 1].replace("\u2019", "'") if i else ""
                nxt = low[i + 1] if i + 1 < len(low) else ""
                cues[w]["uses"] += n
                if nxt and nxt not in FUNCTION_WORDS and not nxt.isdigit():
                    cues[w]["before_noun"] += n
                day = low[i - 2] if prev == "of" and i > 1 else prev  # "the 12th of March"
                if w in _MONTH_VERBS and (_DATE.match(nxt) or _DATE.match(day)):
                    cues[w]["date"] += n  # "March 6th", "on 2 May"
                if _from_position(low, i):
                    cues[w]["date"] += n  # "at the end of the cycle": when, not what about
                subject = i > 1 and (_CLAUSE_SUBJECT.match(low[i - 2]) or low[i - 2] == "it")
                # an auxiliary after its subject or negated ("we can upload", "can't upload"),
                # not one that opens a question before its subject ("Can cards be delivered")
                aux = prev in _AUX_CUES and (subject or prev in NEGATION_WORDS)
                # ... or before its object ("reloads all tiles", "charge my card")
                if (
                    aux
                    or prev in _SUBJECTS
                    or prev == "to"
                    or _CLAUSE_SUBJECT.match(prev)
                    or nxt in _OBJECT_OPENERS
                ):
                    cues[w]["verb"] += n
                elif prev in _ADJECTIVE_CUES and (
                    # a copula before the word and a content word is a question's ("Are cards
                    # delivered"); before the clause's end or glue the word is its predicate
                    prev not in _COPULAS or not nxt or nxt in FUNCTION_WORDS
                ):
                    cues[w]["adjective"] += n
                elif prev in _NOUN_CUES or prev.isdigit():
                    cues[w]["noun"] += n
    out = set()
    for w, c in cues.items():
        verb_s = w.endswith("s") and w[:-1] in COMMON_VERBS | VERB_ONLY
        if (
            w in _UNITS | _TIME_NOUNS | MOOD_TIMES | SPEAKER_ORGS | _MISHAPS | PERSON_NOUNS
            or w in _INDEFINITES  # "someone may be using my card": who, not what about
            or 2 * c["date"] >= c["uses"] > 0
            or (
                (_ADJECTIVE_END.search(w) or w in _AL_ADJECTIVES or _compound_modifier(w))
                and c["before_noun"] >= CUT_SHARE * c["uses"] > 0
            )
            or c["verb"] > c["noun"]
            or c["adjective"] > c["noun"]
            or (verb_s and c["noun"] <= c["verb"])
            or (not c["noun"] and _adverb_or_gerund(w))
        ):
            continue
        out.add(w)
    return frozenset(out)


# Adverbs that are no -ly form: "... instead of full reloads", "right now", "still pending"
_ADVERBS = frozenset(
    """instead also still even already anyway anyways maybe perhaps almost together otherwise
    meanwhile later soon again ever often sometimes once twice elsewhere somehow right ago
    earlier overnight""".split()  # noqa: SIM905
)


def _adverb_or_gerund(word: str) -> bool:
    """A word that is a thing only when the texts use it as a noun: an adverb ("instead",
    "right now", "quickly") or a verb's -ing form ("Looking for something fun", "Evaluating
    other tools"); an -ing noun ("billing", "parking") is a thing either way."""
    if word in _ADVERBS or (word.endswith("ly") and len(word) > 4):
        return True
    return word.endswith("ing") and len(word) > 5 and word not in _ING_NOUNS
