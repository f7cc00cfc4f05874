"""bench/names_replay.py --naming: fine names replayed with other NamingParams."""

from __future__ import annotations

import names_replay as nr
import pytest

from tracetopics_pipeline.core.topics.labels.naming import NamingParams


def test_each_value_takes_its_fields_type() -> None:
    p = nr.naming_params("contrast=0.5,neighbours=1,core=0,requests=true,abstract=0")
    assert p == NamingParams(contrast=0.5, neighbours=1, core=0, requests=True, abstract=False)
    assert isinstance(p.neighbours, int) and isinstance(p.contrast, float)


def test_no_spec_is_the_namers_own_params() -> None:
    assert nr.naming_params("") == NamingParams()


def test_an_unknown_field_is_refused() -> None:
    with pytest.raises(AttributeError, match="contrasts"):
        nr.naming_params("contrasts=0.5")
