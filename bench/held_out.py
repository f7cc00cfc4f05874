"""How the hand-written held-out sets build their cases and split them once.

A case is a conversation: a tuple of (role, text) turns. Each set is a dict of form -> cases,
split once by the set's own seed into a development part (the only part rules may be tuned on)
and a test part (reported once), half of each form in each, the odd case to dev.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Mapping
from typing import TypeVar

Conv = tuple[tuple[str, str], ...]
# per form: (cases read right, cases, each case read wrong as "<case> -> <what was read>")
Scores = dict[str, tuple[int, int, list[str]]]
W = TypeVar("W")


def user(text: str) -> Conv:
    """A one-turn case: a single user message."""
    return (("user", text),)


def conv(*texts: str) -> Conv:
    """A whole conversation: turns alternate user, assistant, user, ..."""
    roles = ("user", "assistant")
    return tuple((roles[i % 2], t) for i, t in enumerate(texts))


def split_forms(
    forms: Mapping[str, tuple[Conv, ...]], part: str, seed: int
) -> dict[str, tuple[Conv, ...]]:
    """`dev` or `test`: each form's cases shuffled once by the seed (one generator across the
    forms, in their order), the first half (rounded up) to dev, the rest to test; `all`: every
    case."""
    if part == "all":
        return dict(forms)
    if part not in ("dev", "test"):
        raise ValueError(f"part must be dev, test or all, not {part!r}")
    rng = random.Random(seed)
    out: dict[str, tuple[Conv, ...]] = {}
    for form, cases in forms.items():
        idx = list(range(len(cases)))
        rng.shuffle(idx)
        half = (len(idx) + 1) // 2
        keep = sorted(idx[:half] if part == "dev" else idx[half:])
        out[form] = tuple(cases[i] for i in keep)
    return out


def traces(form: str, cases: tuple[Conv, ...]) -> list[dict]:
    """One form's cases as traces (ids `<form><k>`), their turns as messages."""
    return [
        {"id": f"{form}{k}", "messages": [{"role": r, "content": t} for r, t in c]}
        for k, c in enumerate(cases)
    ]


def local_labels(traces: list[dict], facet: str) -> list[str]:
    """The local summarizer's label (fitted models off; "NONE" for none) of each trace for one
    facet, in order: how the held-out sets read a labelled facet."""
    from facet_quality import make_summarizer

    from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets

    res = make_summarizer("local", fitted_models=False).summarize(
        traces, [find_facet(load_facets(), facet)]
    )
    labels = {o.trace_id: o.label or "NONE" for o in res.outputs}
    return [labels[t["id"]] for t in traces]


def wanted(got: str, want: str) -> bool:
    """A want as the sets write it: "not X" is any label but X, else the label itself."""
    return got != want[4:] if want.startswith("not ") else got == want


def said_last(case: Conv) -> str:
    """How a case read wrong is shown: its last turn, quoted."""
    return repr(case[-1][1])


def score_forms(
    forms: Mapping[str, tuple[Conv, ...]],
    wants: Mapping[str, W],
    read: Callable[[str, W, tuple[Conv, ...]], list[str]],
    right: Callable[[str, W], bool] = wanted,
    shown: Callable[[Conv], str] = said_last,
    cut: int | None = None,
) -> Scores:
    """Score a form table against its wants: `read(form, want, cases)` gives what each case
    reads (a label, a summary), `right(got, want)` whether that is what the form wants; a case
    read wrong is listed as `shown(case) -> got` (got cut to `cut` characters)."""
    out: Scores = {}
    for form, cases in forms.items():
        want = wants[form]
        got = read(form, want, cases)
        ok = [right(g, want) for g in got]
        wrong = [
            f"{shown(c)} -> {g[:cut]}" for c, g, k in zip(cases, got, ok, strict=True) if not k
        ]
        out[form] = (sum(ok), len(cases), wrong)
    return out


def run_part(
    seed: int, score: Callable[[str], Scores], wants: Mapping[str, tuple[str, str]]
) -> None:
    """A set's command line: `--part dev|test|all` (dev by default), scored and printed."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", default="dev", choices=("dev", "test", "all"))
    args = ap.parse_args()
    print_scores(args.part, seed, score(args.part), wants)


def print_scores(
    part: str,
    seed: int,
    scores: Scores,
    wants: Mapping[str, tuple[str, str]],
) -> None:
    """One line per form (facet, what it must read, right/cases) with the cases read wrong under
    it, then the total."""
    print(f"part {part} (split seed {seed})")
    width = max(map(len, scores), default=3) + 2
    fwidth = max((len(f) for f, _ in wants.values()), default=6) + 1
    tot = [0, 0]
    for form, (ok, n, wrong) in scores.items():
        facet, want = wants[form]
        print(f"  {form:{width}s} {facet:{fwidth}s} want {want:13s} {ok:>2d}/{n:<2d}")
        for w in wrong:
            print(f"      wrong: {w}")
        tot = [tot[0] + ok, tot[1] + n]
    print(f"  {'all':{width}s} {tot[0]}/{tot[1]}")
