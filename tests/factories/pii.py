"""The redaction corpus of tests/facets/pii_corpus.py, for "nothing personal leaves the
machine" tests outside tests/facets: PII is (kind, sentence, secret) and `leaked` lists the
secrets a text still holds, whatever separators or case were put between their characters
(the rule tests/facets/test_pii_corpus.py applies)."""

from __future__ import annotations

import importlib.util
import re

from repo_paths import REPO

_spec = importlib.util.spec_from_file_location("pii_corpus", REPO / "tests/facets/pii_corpus.py")
_corpus = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(_corpus)  # type: ignore[union-attr]

PII: list[tuple[str, str, str]] = _corpus.PII


def leaked(sent: str) -> list[tuple[str, str]]:
    """(kind, secret) of every corpus secret whose characters appear in order in `sent`."""
    return [
        (kind, secret)
        for kind, _, secret in PII
        if re.search(r"[\W_]{0,3}".join(map(re.escape, secret)), sent, re.I)
    ]
