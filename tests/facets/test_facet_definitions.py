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


BOMB = "lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}' if i else '*a'] * 9)}]\n" for i in range(9)
)

# Bytes a user's facets file may hold that PyYAML alone turns into a traceback or a hang
# (review rv6 C2): each is one FacetConfigError naming the file, at once.
BAD_FILES = {
    "a key with no value, at the end": (b"- name: \n", r"f.yaml line 1: top level: expected a mapping"),
    "UTF-16 with a BOM": ("facets:\n  - name: A\n".encode("utf-16"), r"f.yaml: not UTF-8 .*iconv -f UTF-16"),
    "UTF-32 with a BOM (review rv7 L1)": ("facets:\n  - name: A\n".encode("utf-32"), r"f.yaml: not UTF-8 .*iconv -f UTF-32"),
    "UTF-32 without a BOM": ("facets:\n  - name: A\n".encode("utf-32-be"), r"f.yaml: not UTF-8 .*iconv -f UTF-32"),
    "bytes \\xff\\xfe then junk": (b"\xff\xfe\x00garbage", r"f.yaml: not UTF-8 .*UTF-16"),
    "Latin-1": (b"facets:\n  - name: Caf\xe9\n", r"f.yaml line 2: not UTF-8 text \(byte 0xe9"),
    "a NUL byte": (b"facets:\n  - name: A\x00\n", r"f.yaml line 2: a NUL byte"),
    "a self-referencing alias": (b"a: &a [*a]\n", r"f.yaml line 1: an alias refers to the value that holds it"),
    "billion laughs": (BOMB.encode(), r"f.yaml line \d+: its anchors and aliases expand to more than"),
    "nested 100,000 deep": (b"a: " + b"[" * 100_000 + b"]" * 100_000, r"f.yaml line 1: .*nested more than"),
    "a folder": (None, r"f.yaml: is a folder, not a facet file"),
    # review rv7 Y1: each was a 44-46-line traceback
    "a merge key": (b"facets:\n  - name: X\n    description: d\n    <<: {labels: [A, B]}\n", r"f.yaml line 4: merge keys \(`<<`\) are not supported"),
    "a merge key through an alias": (b"x: &a {name: X}\nfacets:\n  - <<: *a\n", r"f.yaml line 3: merge keys"),
    "a custom tag": (b"facets:\n  - name: !env X\n    description: d\n", r"f.yaml line 2: unknown tag !env"),
    "a python tag": (b"facets:\n  - name: !!python/object:os.system x\n", r"f.yaml line 2: unknown tag !!python/object:os.system"),
    "a bad !!int": (b"facets:\n  - name: X\n    description: d\n    max_tokens: !!int abc\n", r"f.yaml line 4: 'abc' is not a valid int"),
    "a bad !!timestamp": (b"version: 1\nfacets:\n  - name: X\n    max_tokens: !!timestamp 2026-13-45\n", r"f.yaml line 4: '2026-13-45' is not a valid timestamp"),
    "a bad plain date": (b"facets:\n  - name: X\n    description: 2026-13-45\n", r"f.yaml line 3: '2026-13-45' is not a valid timestamp"),
    "a key given twice (flow)": (b"facets:\n  - {name: X, description: d, name: Y}\n", r"f.yaml line 2: key 'name' is given twice"),
    "a key given twice (block)": (b"facets:\n  - name: X\n    description: d\n    name: Y\n", r"f.yaml line 4: key 'name' is given twice in one mapping \(first on line 2\)"),
    "a NUL in a facet name": (b'facets:\n  - name: "X\\0Y"\n', r"f.yaml line 2: .*'name': holds the invisible or control character U\+0000"),
    "a right-to-left override in a facet name": (b'facets:\n  - name: "\\u202eevil"\n', r"f.yaml line 2: .*U\+202E"),
    "a zero-width space in a label": (b'facets:\n  - name: X\n    labels: [A, "B\\u200b"]\n', r"f.yaml line 3: facet 'X' field 'labels': .*U\+200B"),
    "a C1 control in a label's name": (b'facets:\n  - name: X\n    labels:\n      - name: "B\\x85"\n', r"f.yaml line 4: .*labels\[0\] field 'name': .*U\+0085"),
    "a bidi mark in a none_label": (b'facets:\n  - name: X\n    none_label: "No\\u200fissue"\n', r"f.yaml line 3: .*'none_label': .*U\+200F"),
    # review rv8 L4
    "a line separator in a label's name": (b'facets:\n  - name: X\n    labels:\n      - name: "B\\u2028C"\n', r"f.yaml line 4: .*labels\[0\] field 'name': .*U\+2028"),
    "a right-to-left override in a description": (b'facets:\n  - name: X\n    description: "\\u202edesc"\n', r"f.yaml line 3: .*'description': holds the bidirectional control character U\+202E"),
    "an isolate in a label's description": (b'facets:\n  - name: X\n    labels:\n      - name: A\n        description: "a \\u2066b"\n', r"f.yaml line 5: .*'description': .*U\+2066"),
    "a bidi mark in an example": (b'facets:\n  - name: X\n    labels:\n      - name: A\n        examples: ["ok", "x\\u200fy"]\n', r"f.yaml line 5: .*'examples': .*U\+200F"),
    # review rv9: a word mixing Latin with a Cyrillic look-alike
    "a Cyrillic e in a label's name": ('facets:\n  - name: X\n    labels:\n      - name: R\u0435fund\n'.encode(), r"f.yaml line 4: .*labels\[0\] field 'name': mixes Latin and Cyrillic letters"),
    "a huge max_tokens": (b"facets:\n  - name: X\n    max_tokens: 99999999999999999999999\n", r"f.yaml line 3: .*'max_tokens': must be 50 to 32,768"),
    "a max_tokens YAML reads as text": (b"facets:\n  - name: X\n    max_tokens: 1e400\n", r"f.yaml line 3: .*must be int, got str \('1e400' is not a whole number\)"),
    "a YAML 1.1 boolean as a label name": (b"facets:\n  - name: X\n    labels: [{name: YES}, {name: NO}]\n", r"f.yaml line 3: .*must be str, got bool \(quote it: yes, no"),
    # named regex pieces (`pieces:`, used as `(?&name)`)
    "a piece no entry names": (b"pieces:\n  kinds: 'banks?'\nfacets:\n  - name: X\n    exclude: 'a (?&kind)'\n", r"f.yaml line 5: `\(\?&kind\)` names no piece \(top-level `pieces:`: kinds\)"),
    "a piece that is no regex": (b"pieces:\n  kinds: 'banks?('\nfacets:\n  - name: X\n", r"f.yaml line 2: pieces field 'kinds': invalid regex"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_broken_facet_file_is_one_error_naming_it(tmp_path, case):
    import time

    data, pattern = BAD_FILES[case]
    p = tmp_path / "f.yaml"
    p.mkdir() if data is None else p.write_bytes(data)
    start = time.monotonic()
    with pytest.raises(FacetConfigError, match=pattern) as e:
        load_facets(p)
    # a guard against a parser that hangs or blows up (~0.5 s at most here), not a speed test:
    # 5 s failed once on a shared machine under load 16
    assert time.monotonic() - start < 60
    assert str(p) in str(e.value) and "\n" not in str(e.value)


def test_aliases_that_only_reuse_a_value_still_load(tmp_path):
    """The packaged file reuses a regex with `&account_data` / `*account_data`: a bounded alias
    is fine, and a UTF-8 BOM is dropped."""
    p = tmp_path / "f.yaml"
    p.write_bytes(
        b"\xef\xbb\xbffacets:\n  - name: A\n    exclude: &x '^skip'\n  - name: B\n    exclude: *x\n"
    )
    a, b = load_facets(p)
    assert a.excluded("skip me") and b.excluded("skip me") and not b.excluded("keep")


def test_a_piece_is_written_once_and_read_as_a_group_wherever_it_is_named(tmp_path):
    """`pieces:` names a regex once; `(?&name)` in a rule, a keyword or `local` reads as `(?:...)`
    (the packaged Churn patterns share one list of provider kinds this way)."""
    p = tmp_path / "f.yaml"
    p.write_text(
        "pieces:\n  kinds: 'banks?|apps?'\n"
        "facets:\n  - name: A\n    rules:\n      - pattern: 'another (?&kinds)\\b'\n"
        "    local: {kind: rules, unless: ['this (?&kinds) is fine']}\n"
    )
    (a,) = load_facets(p)
    assert a.rules[0].pattern == r"another (?:banks?|apps?)\b"
    assert a.local["unless"] == ["this (?:banks?|apps?) is fine"]
    churn = find_facet(load_facets(), "Churn risk")
    assert "(?&" not in repr(churn) and repr(churn).count("|practices?|businesses)") >= 6


def test_the_one_yaml_loader_reads_the_executor_config_too(tmp_path):
    from tracetopics_pipeline.core.settings import ConfigError, Settings
    from tracetopics_pipeline.defs.executors import executor_from_settings

    p = tmp_path / "executor.yaml"
    for data in (
        b"a: &a [*a]\n",
        BOMB.encode(),
        "max_concurrent: 2\n".encode("utf-16"),
        b"max_concurrent: !!int abc\n",  # review rv7 Y1: tracebacks before
        b"a: !!timestamp 2026-13-45\n",
        b"x: &a {y: 1}\nz:\n  <<: *a\n",
        b"a: <<\n",
        b"a: !env X\n",
        b"max_concurrent: 2\nmax_concurrent: 3\n",
    ):
        p.write_bytes(data)
        env = {"TRACETOPICS_EXECUTOR": "multiprocess", "TRACETOPICS_EXECUTOR_CONFIG": str(p)}
        with pytest.raises(ConfigError, match=r"TRACETOPICS_EXECUTOR_CONFIG: .*executor.yaml") as e:
            executor_from_settings(Settings.from_env(env))
        assert "\n" not in str(e.value)


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
