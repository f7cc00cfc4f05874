"""Facet definitions: the packaged file, keys, fingerprints, and fail-fast config errors."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tracetopics_pipeline.core.facets.definitions import (
    FacetConfigError,
    facet_fingerprints,
    facet_key,
    facets_fingerprint,
    find_facet,
    load_facets,
    parse_facets,
    text_hash,
)


def test_packaged_facets():
    facets = load_facets()
    assert [f.name for f in facets] == [
        "Task", "Sentiment", "Issues", "Feature request", "Competitor mention", "Pricing question", "Churn risk",
    ]  # fmt: skip
    assert [f.key for f in facets][-1] == "churn_risk"
    sent = find_facet(facets, "sentiment")
    assert sent.labels == ["POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED"]
    issues = find_facet(facets, "Issues")
    assert issues.excluded("NONE") and issues.excluded("none") and not issues.excluded("Loop: x")
    assert find_facet(facets, "Churn risk").labels == ["CRITICAL", "HIGH", "MEDIUM", "LOW"]


def test_keys_and_text_hash():
    assert facet_key("Task") == "task" and facet_key("Churn risk") == "churn_risk"
    assert facet_key(" Feature-request type ") == "feature_request_type"
    assert text_hash("a") == "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8" == text_hash("a")


def test_env_override(tmp_path, monkeypatch):
    p = tmp_path / "f.yaml"
    p.write_text(
        "facets:\n  - name: Only\n    prompt: p\n    labels: [A, B]\n    labels_unused: 1\n"
    )
    monkeypatch.setenv("TRACETOPICS_FACETS", str(p))
    with pytest.raises(
        FacetConfigError, match=r"line 5: facet 'Only' field 'labels_unused': unknown field"
    ):
        load_facets()
    p.write_text("facets:\n  - name: Only\n    prompt: p\n")
    assert [f.name for f in load_facets()] == ["Only"]


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        (
            "facets:\n  - name: A\n    exclude: '(unclosed'\n",
            r"line 3: facet 'A' field 'exclude': invalid regex",
        ),
        ("facets:\n  - description: no name\n", r"line 2: facets\[0\] field 'name': is required"),
        (
            "facets:\n  - name: A\n    max_tokens: lots\n",
            r"line 3: facet 'A' field 'max_tokens': must be int",
        ),
        (
            "facets:\n  - name: A\n    preprocessor: 'no way'\n",
            r"line 3: facet 'A' field 'preprocessor'",
        ),
        (
            "facets:\n  - name: A\n    labels: [X, Y]\n    default_label: Z\n",
            r"line 4: .*'default_label': 'Z' is not one of",
        ),
        ("facets:\n  - name: A\n  - name: a\n", r"line 3: .*collides"),
        (
            "facets:\n  - name: A\n    labels:\n      - name: X\n        keywords: ['[bad']\n",
            r"line 5: facet 'A' labels\[0\] field 'keywords': invalid regex",
        ),
        ("facets:\n  - name: A\n    local: {kind: magic}\n", r"line 3: .*'local.kind'"),
        ("facets:\n  - name: A\n   bad: indent\n", r"line 3: invalid YAML"),
        ("facets: []\n", r"line 1: top level field 'facets': must list at least one facet"),
        ("", r"empty facet file"),
    ],
)
def test_malformed_files_name_field_and_line(text, pattern):
    with pytest.raises(FacetConfigError, match=pattern):
        parse_facets(text, "f.yaml")


def test_fingerprints_track_definitions():
    facets = load_facets()
    base = facets_fingerprint(facets)
    task = find_facet(facets, "Task")
    reprompted = [replace(f, prompt=f.prompt + "!") if f is task else f for f in facets]
    assert facets_fingerprint(reprompted) != base
    changed = {
        k for k, v in facet_fingerprints(reprompted).items() if facet_fingerprints(facets)[k] != v
    }
    assert changed == {"Task"}
    # Exclusion changes the fingerprint but not the prompt hash (no need to re-ask a model).
    excl = replace(task, exclude="^x")
    assert excl.prompt_hash == task.prompt_hash and excl.fingerprint != task.fingerprint
    assert facets_fingerprint(load_facets()) == base  # deterministic
