"""How the hand-written held-out sets build their cases and split them once.

A case is a conversation: a tuple of (role, text) turns. Each set is a dict of form -> cases,
split once by the set's own seed into a development part (the only part rules may be tuned on)
and a test part (reported once), half of each form in each, the odd case to dev.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

Conv = tuple[tuple[str, str], ...]


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
    forms, in their order), the first half (rounded up) to dev, the rest to test."""
    if part not in ("dev", "test"):
        raise ValueError(f"part must be dev or test, not {part!r}")
    rng = random.Random(seed)
    out: dict[str, tuple[Conv, ...]] = {}
    for form, cases in forms.items():
        idx = list(range(len(cases)))
        rng.shuffle(idx)
        half = (len(idx) + 1) // 2
        keep = sorted(idx[:half] if part == "dev" else idx[half:])
        out[form] = tuple(cases[i] for i in keep)
    return out
