"""The one rule for a name a person types: a topic rename, a review assignee, a facet or label
name in the facets file.

Unicode control, format and line/paragraph-separator characters (Cc, Cf, Zl, Zp) print unseen
or reorder the line they stand in (U+202E turns "Connection setup" into "putes noitcennoC"
along with the rest of a table row), and a newline in a name becomes a new line of every list
and proposal that prints it. A name also needs a letter or digit: a zero-width or all-symbol
name leaves a topic nameless.
"""

from __future__ import annotations

import unicodedata

UNSEEN = frozenset({"Cc", "Cf", "Zl", "Zp"})
MAX_LABEL = 120  # a topic label: a short phrase, not a paragraph


class NameRefused(ValueError):
    """A typed name breaks the rule; the message says which character or why."""


def name_problem(value: str, *, needs_word: bool = True) -> str | None:
    """Why `value` cannot be a name, or None when it can."""
    bad = next((c for c in value if unicodedata.category(c) in UNSEEN), None)
    if bad is not None:
        return f"holds the invisible or control character U+{ord(bad):04X}"
    if needs_word and not any(c.isalnum() for c in value):
        return "has no letter or digit"
    return None


def check_name(value: str, *, what: str = "the name", max_len: int | None = None) -> str:
    """`value` stripped, or NameRefused saying what is wrong and what to do."""
    value = value.strip()
    problem = name_problem(value)
    if problem is None and max_len is not None and len(value) > max_len:
        problem = f"is {len(value)} characters long; the limit is {max_len}"
    if problem is not None:
        raise NameRefused(f"{what} {problem}; use plain text")
    return value
