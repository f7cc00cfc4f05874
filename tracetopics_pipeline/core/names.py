"""The one rule for a name a person types: a topic rename, a review assignee, a facet or label
name in the facets file.

Unicode control, format and line/paragraph-separator characters (Cc, Cf, Zl, Zp) print unseen
or reorder the line they stand in (U+202E turns "Connection setup" into "putes noitcennoC"
along with the rest of a table row), and a newline in a name becomes a new line of every list
and proposal that prints it. A name also needs a letter or digit: a zero-width or all-symbol
name leaves a topic nameless.

A word may not mix Latin letters with Cyrillic or Greek ones, nor those two with each other:
"Аlice" with a Cyrillic А, or "pаypal", reads as another name (Unicode TS #39's mixed-script
confusables; its "moderately restrictive" level, applied per word). A word wholly in one script
(Кирилл, Ελένη, 田中) is a name, and so is a word mixing Latin with a script that has no
look-alikes of it ("iPhone用", "Zoom회의"); each word of "Alice Кирилл" is in one script.
"""

from __future__ import annotations

import re
import unicodedata

UNSEEN = frozenset({"Cc", "Cf", "Zl", "Zp"})
# Letters and symbols that print as nothing (Unicode's default-ignorable and blank ones that
# are not Cf): Hangul fillers, the combining grapheme joiner, the braille blank, variation
# selectors. `unicodedata` has no flag for them (review rv8 L1).
BLANK = frozenset(
    [0x115F, 0x1160, 0x3164, 0xFFA0, 0x034F, 0x2800, 0x180B, 0x180C, 0x180D, 0x180F]
    + list(range(0xFE00, 0xFE10))
    + list(range(0xE0100, 0xE01F0))
)
# Bidirectional controls: the one kind of unseen character a multi-line text (a description,
# an example, a prompt) must not hold either, since it reorders what a reader sees.
BIDI = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
MAX_MARKS = 2  # combining marks in a row: more stack into a smear ("Zalgo" text)
MAX_LABEL = 120  # a topic label: a short phrase, not a paragraph
# The scripts whose letters pass for each other's ("а" U+0430 and "a", "ο" U+03BF and "o"),
# by the prefix of the letter's Unicode name (the standard library has no script property).
LOOKALIKE_SCRIPTS = {
    "LATIN": "Latin",
    "FULLWIDTH LATIN": "Latin",
    "CYRILLIC": "Cyrillic",
    "GREEK": "Greek",
}
_SCRIPT_PREFIX = re.compile(
    "^(" + "|".join(sorted(LOOKALIKE_SCRIPTS, key=len, reverse=True)) + ") "
)
_WORD = re.compile(r"[^\W\d_]+")  # a run of letters: a word
PLAIN = "use plain text"


def name_key(name: str | None) -> str | None:
    """What a reader compares two topic names by: case and spacing aside ("SSO  requests" and
    "sso requests" are one name). Siblings of one key are folded into one topic
    (`classify.fold_same_names`); a lone subtopic of its parent's key is not listed under it
    (`report.listed_subtopics`)."""
    return " ".join(name.casefold().split()) if name else None


class NameRefused(ValueError):
    """A typed name breaks the rule; the message says which character or why."""


def _script(c: str) -> str | None:
    """Latin, Cyrillic or Greek for a letter of those scripts, else None."""
    m = _SCRIPT_PREFIX.match(unicodedata.name(c, ""))
    return LOOKALIKE_SCRIPTS[m[1]] if m else None


def mixed_script(value: str) -> str | None:
    """Why a word of `value` reads as another name (Latin mixed with Cyrillic or Greek
    letters, or those two mixed), or None."""
    # Combining marks belong to the letter before them: drop them so "é" stays one word.
    bare = "".join(c for c in value if not unicodedata.combining(c))
    for word in _WORD.findall(bare):
        letters = [(c, s) for c in word if (s := _script(c))]
        scripts = [s for s in ("Latin", "Cyrillic", "Greek") if any(t == s for _, t in letters)]
        if len(scripts) > 1:
            # name the first letter of the script the word has least of: the odd one out
            odd = min(scripts, key=lambda s: (sum(1 for _, t in letters if t == s), s))
            c = next(c for c, s in letters if s == odd)
            shown = word if len(word) <= 40 else word[:39] + "…"
            return (
                f"mixes {' and '.join(scripts)} letters in the word “{shown}” (“{c}” is "
                f"{odd}, U+{ord(c):04X}), so it reads as another name; type each word in one "
                "alphabet"
            )
    return None


def name_problem(value: str, *, needs_word: bool = True) -> str | None:
    """Why `value` cannot be a name and what to do, in one clause; None when it can."""
    bad = next((c for c in value if unicodedata.category(c) in UNSEEN or ord(c) in BLANK), None)
    if bad is not None:
        return f"holds the invisible or control character U+{ord(bad):04X}; {PLAIN}"
    marks = 0
    for c in value:
        marks = marks + 1 if unicodedata.combining(c) else 0
        if marks > MAX_MARKS:
            return f"stacks more than {MAX_MARKS} combining marks on one letter; {PLAIN}"
    if needs_word and not any(c.isalnum() for c in value):
        return f"has no letter or digit; {PLAIN}"
    return mixed_script(value)


def text_problem(value: str) -> str | None:
    """Why a multi-line text (a description, an example, a prompt) cannot be shown as written:
    a bidirectional control reorders it. Newlines and tabs are its own."""
    bad = next((c for c in value if ord(c) in BIDI), None)
    return None if bad is None else f"holds the bidirectional control character U+{ord(bad):04X}"


def check_name(value: str, *, what: str = "the name", max_len: int | None = None) -> str:
    """`value` stripped, or NameRefused saying what is wrong and what to do."""
    value = value.strip()
    problem = name_problem(value)
    if problem is None and max_len is not None and len(value) > max_len:
        problem = f"is {len(value)} characters long; the limit is {max_len}"
    if problem is not None:
        raise NameRefused(f"{what} {problem}")
    return value
