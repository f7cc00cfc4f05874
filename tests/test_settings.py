"""Configuration is read in one place, and docs/configuration.md lists every variable."""

from __future__ import annotations

import re
from datetime import date

import pytest
from repo_paths import REPO

from tracetopics_pipeline.core.settings import ConfigError, Settings

PACKAGE = REPO / "tracetopics_pipeline"
VAR = re.compile(r"\b(?:TRACETOPICS|OPENAI)_[A-Z][A-Z_]*[A-Z]\b")
READS = re.compile(r"os\.environ\.get\(|os\.getenv\(|os\.environ\[[^\]]+\](?!\s*=)|EnvVar\(\"")


def documented() -> set[str]:
    table = (REPO / "docs" / "configuration.md").read_text()
    return set(re.findall(r"^\| `([A-Z_]+)` \|", table, re.M))


def test_only_settings_reads_the_environment():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "settings.py":
            continue
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if READS.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert not offenders, "read the environment in core/settings.py:\n" + "\n".join(offenders)


def test_every_variable_is_in_the_configuration_table():
    used: set[str] = set()
    sources = [*PACKAGE.rglob("*.py"), REPO / "dbt_project" / "profiles.yml"]
    for path in sources:
        used |= set(VAR.findall(path.read_text()))
    used -= {"OPENAI_API_KEY_ENV"}  # the constant naming OPENAI_API_KEY
    missing = sorted(used - documented())
    assert not missing, f"add these to docs/configuration.md: {missing}"


def test_every_documented_variable_is_used():
    text = (PACKAGE / "core" / "settings.py").read_text()
    text += (REPO / "dbt_project" / "profiles.yml").read_text()
    unused = sorted(v for v in documented() if v not in text and v != "OPENAI_API_KEY")
    assert not unused, f"documented but never read: {unused}"


def test_settings_from_env_parses_and_explains_bad_values():
    s = Settings.from_env(
        {
            "TRACETOPICS_START_DATE": "2026-01-02",
            "TRACETOPICS_ALERT_GROWTH": "2",
            "TRACETOPICS_PRICES": '{"m": [1, 2]}',
            "TRACETOPICS_SUMMARIZER": "OpenAI",
            "OPENAI_API_KEY": "sk-secret",
        }
    )
    assert s.start_date == date(2026, 1, 2) and s.alert_growth == 2.0
    assert s.prices == {"m": (1.0, 2.0)} and s.summarizer == "openai"
    assert Settings.from_env({"TRACETOPICS_BUDGET_USD_DAY": "2.5"}).budget_usd_day == 2.5
    assert "sk-secret" not in repr(s)  # secrets never end up in logs
    assert Settings.from_env({}) == Settings()
    for name, bad in [
        ("TRACETOPICS_WINDOW_DAYS", "thirty"),
        ("TRACETOPICS_START_DATE", "yesterday"),
        ("TRACETOPICS_PRICES", "[1, 2]"),
        ("TRACETOPICS_PRICE_PER_MTOK", "cheap"),
        ("TRACETOPICS_BUDGET_USD_DAY", "-1"),
        ("TRACETOPICS_BUDGET_USD_MONTH", "lots"),
        ("TRACETOPICS_EMBED_MODEL", "sentence-transformers/all-mpnet-base-v2"),
        # review rv8 L2/L6: NaN compares false with everything, so it switched a limit off
        ("TRACETOPICS_SQL_TIMEOUT", "nan"),
        ("TRACETOPICS_SQL_TIMEOUT", "-5"),
        ("TRACETOPICS_SQL_TIMEOUT", "0"),
        ("TRACETOPICS_SQL_TIMEOUT", "inf"),
        ("TRACETOPICS_BUDGET_USD_DAY", "nan"),
        ("TRACETOPICS_NO_MATCH_DISTANCE", "NaN"),
        ("TRACETOPICS_PRICES", '{"gpt-4o-mini": [NaN, 0.6]}'),
        ("TRACETOPICS_PRICES", '{"gpt-4o-mini": [0.15, -1e9]}'),
        ("TRACETOPICS_PRICES", '{"gpt-4o-mini": [Infinity, 0.6]}'),
        ("TRACETOPICS_PRICE_PER_MTOK", "inf,nan"),
        ("TRACETOPICS_PRICE_PER_MTOK", "0.15,-2"),
        # review rv9 O-b: a number out of its range was acted on (a window of -3 days
        # replaced a built map with an empty one; a negative row cap)
        ("TRACETOPICS_WINDOW_DAYS", "-3"),
        ("TRACETOPICS_WINDOW_DAYS", "0"),
        ("TRACETOPICS_SQL_MAX_ROWS", "-5"),
        ("TRACETOPICS_MIN_SUMMARIES", "1"),
        ("TRACETOPICS_MAX_SAMPLE", "0"),
        ("TRACETOPICS_EMBED_BATCH", "0"),
        ("TRACETOPICS_EMBED_BATCH_TOKENS", "-1"),
        ("TRACETOPICS_THREADS", "0"),
        ("TRACETOPICS_LLM_MAX_RETRIES", "-1"),
        ("TRACETOPICS_ALERT_MIN_VOLUME", "-20"),
        ("TRACETOPICS_MAX_TRACE_BYTES", "100"),
        ("TRACETOPICS_SAMPLE_RATE", "0"),
        ("TRACETOPICS_SAMPLE_RATE", "1.5"),
        ("TRACETOPICS_QUARANTINE_THRESHOLD", "-0.1"),
        ("TRACETOPICS_COVERAGE_THRESHOLD", "5"),
        ("TRACETOPICS_NO_MATCH_DISTANCE", "0"),
        ("TRACETOPICS_NO_MATCH_DISTANCE", "3"),
        ("TRACETOPICS_NO_MATCH_WARN", "20"),
        ("TRACETOPICS_LOCK_WAIT_S", "-1"),
        ("TRACETOPICS_LLM_TIMEOUT_S", "0"),
        ("TRACETOPICS_LLM_DEADLINE_S", "-60"),
        ("TRACETOPICS_ALERT_GROWTH", "0"),
    ]:
        with pytest.raises(ConfigError, match=name):
            Settings.from_env({name: bad})
    # the ends of each range are allowed
    edges = {"TRACETOPICS_WINDOW_DAYS": "1", "TRACETOPICS_SAMPLE_RATE": "1",
             "TRACETOPICS_QUARANTINE_THRESHOLD": "0", "TRACETOPICS_NO_MATCH_DISTANCE": "2",
             "TRACETOPICS_LLM_MAX_RETRIES": "0", "TRACETOPICS_ALERT_MIN_VOLUME": "0",
             "TRACETOPICS_LOCK_WAIT_S": "0", "TRACETOPICS_MIN_SUMMARIES": "2"}  # fmt: skip
    s = Settings.from_env(edges)
    assert (s.window_days, s.sample_rate, s.llm_max_retries, s.min_summaries) == (1, 1.0, 0, 2)


def test_plan_weights_are_configuration_read_once_and_passed_to_the_marts():
    """Review rv13 M3: topic_priority weighed plans by the demo's tiers (enterprise 1.0 ...) as
    the product's defaults and counted 'enterprise' by name. The weights are configuration:
    TRACETOPICS_PLAN_WEIGHTS, read here, handed to dbt by the marts step (a run's own vars over
    it); unset, nothing is passed and the dbt project's default (no plan) holds."""
    import json

    from tracetopics_pipeline.core.settings import ConfigError
    from tracetopics_pipeline.defs.assets.marts import build_vars

    s = Settings.from_env({"TRACETOPICS_PLAN_WEIGHTS": '{"Premium": 1, "basic": 0.2}'})
    assert s.plan_weights == {"premium": 1.0, "basic": 0.2}
    assert Settings.from_env({}).plan_weights is None
    assert json.loads(build_vars("", s)) == {"plan_tier_weights": {"premium": 1.0, "basic": 0.2}}
    assert json.loads(build_vars("{trend_min_volume: 3}", s)) == {
        "plan_tier_weights": {"premium": 1.0, "basic": 0.2}, "trend_min_volume": 3}  # fmt: skip
    assert build_vars("", Settings()) == ""
    assert json.loads(build_vars("{plan_tier_weights: {a: 1}}", s)) == {
        "plan_tier_weights": {"a": 1}
    }
    for bad in ("[1]", '{"pro": 2}', '{"pro": "high"}', "{}", "pro=1"):
        with pytest.raises(ConfigError, match="TRACETOPICS_PLAN_WEIGHTS must be JSON like"):
            Settings.from_env({"TRACETOPICS_PLAN_WEIGHTS": bad})
    # The product's dbt default knows no plans: the demo's are the demo's configuration.
    from tracetopics_pipeline.core.topics.trend_rule import project_vars
    from tracetopics_pipeline.demo.vocab import PLAN_WEIGHTS

    assert project_vars()["plan_tier_weights"] == {} and PLAN_WEIGHTS["enterprise"] == 1.0
