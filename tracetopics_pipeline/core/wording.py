"""Small English helpers for what the CLI and the explorer say: counts with the right plural,
possessives of names that end in s (review rv12 L5: "1 copies", "Issues's topics")."""

from __future__ import annotations

_IRREGULAR = {"copy": "copies", "query": "queries", "summary": "summaries", "entry": "entries"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 copy', '2 copies', '1,234 lines': `n` with `word`, or its plural (`many`, else the
    word's -y -> -ies / -s / -es form) when n is not 1."""
    if n == 1:
        return f"{n:,} {word}"
    if many is None:
        if word in _IRREGULAR:
            many = _IRREGULAR[word]
        elif word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u", ""):
            many = word[:-1] + "ies"
        elif word.endswith(("s", "x", "ch", "sh")):
            many = word + "es"
        else:
            many = word + "s"
    return f"{n:,} {many}"


def possessive(name: str) -> str:
    """ "Task's", "Issues'": a name ending in s (a plural facet name) takes the apostrophe alone."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


PROGRESS_STEP = 0.05  # a progress line each time another 5 % of the total is done


def progress_worth_saying(done: int, total: int, told: int = 0) -> bool:
    """Whether a progress line 'done/total' is worth printing after 'told/total': at the end,
    or another PROGRESS_STEP of the total on, and not within a step of the end (the final line
    follows: "9,000/9,001" then "9,001/9,001" says one thing twice)."""
    if not total or done <= told:
        return False
    if done >= total:
        return True
    step = PROGRESS_STEP * total
    return done - told >= step and total - done >= step
