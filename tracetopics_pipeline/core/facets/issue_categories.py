"""The Issues facet's categories as its summaries write them, and a summary read back into its
labels. Apart from the rules (summarizers/local/issues.py) so that the warehouse's migration can
fill facet_summaries.labels of an older warehouse without importing the summarizers: the maps'
code digest follows imports, and every facet rule would otherwise rebuild every map."""

from __future__ import annotations

CATEGORIES = {  # summary prefix -> label
    "Failed tool call": "FAILED_TOOL_CALL",
    "Timeout": "TIMEOUT",
    "Unmet escalation": "UNMET_ESCALATION",
    "Escalation to human": "ESCALATION",
    "Refusal": "REFUSAL",
    "Loop": "LOOP",
    "Incomplete answer": "INCOMPLETE_ANSWER",
}


def summary_labels(summary: str) -> list[str]:
    """The labels of a summary summarize_issues wrote, read back in its order ([] for NONE or
    another's text): what an older warehouse's facet_summaries.labels is filled with.

    A detail may hold "; <Category>: " itself (a quoted tool reply or agent turn), so a part
    is a new problem only at a known category's heading outside a quote the detail opened,
    once per category. (Not checked: the order, which older rules may have written otherwise.)"""
    out: list[str] = []
    quote = ""  # the quote a detail opened and has not closed
    for part in summary.split("; "):
        cat = "" if quote else next((c for c in CATEGORIES if part.startswith(c + ": ")), "")
        if cat and CATEGORIES[cat] not in out:
            out.append(CATEGORIES[cat])
        quote = _open_quote(part, quote)
    return out


def _open_quote(text: str, quote: str) -> str:
    """The quote still open after `text`, given `quote` open before it: one opens after a
    space or "(" (an apostrophe inside a word opens none) and closes before a non-word
    character or the end; a backslash escapes (repr's)."""
    i = 0
    while i < len(text):
        ch = text[i]
        if quote and ch == "\\":
            i += 1
        elif quote and ch == quote and (i + 1 == len(text) or not text[i + 1].isalnum()):
            quote = ""
        elif not quote and ch in "'\"" and (i == 0 or text[i - 1] in " ("):
            quote = ch
        i += 1
    return quote
