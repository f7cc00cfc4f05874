"""bench/labelled_subs.py's gold reasons: every one a string, so the NMI of subtopic vs reason
can be computed (uss dev has a dialogue with no MultiWOZ domain: its None reached sklearn's
sort and crashed `--parts dev`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import labelled_subs  # noqa: E402


@pytest.mark.parametrize("part", ["dev", "test"])
def test_uss_gold_reasons_are_all_strings(part):
    if not (labelled_subs.DATASETS / "uss_mwoz").is_dir():
        pytest.skip("uss_mwoz not present")
    reasons = [g for _, g in labelled_subs._traces("uss", part)]
    assert reasons and all(isinstance(g, str) and g for g in reasons)
    labelled_subs._nmi(reasons, list(range(len(reasons))))  # sklearn sorts the reasons
