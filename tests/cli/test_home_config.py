"""A home's config.toml: the demo writes its plan weights there, so every later command and
run of that home keeps them; the environment overrides the file; a broken file is one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tracetopics_pipeline.cli import main
from tracetopics_pipeline.core.settings import ConfigError, Settings
from tracetopics_pipeline.demo.vocab import PLAN_WEIGHTS

BROKEN = {
    "not TOML": ("TRACETOPICS_WINDOW_DAYS = \n", "is not valid TOML"),
    "a value out of range": ("TRACETOPICS_WINDOW_DAYS = 0\n", "TRACETOPICS_WINDOW_DAYS='0'"),
    "a misspelt variable": ("TRACETOPICS_WINDOW_DAY = 3\n", "TRACETOPICS_WINDOW_DAY is no"),
    "the key": ('OPENAI_API_KEY = "sk-x"\n', "OPENAI_API_KEY cannot be set in this file"),
    "a dbt variable": ('TRACETOPICS_DBT_TARGET = "postgres"\n', "dbt reads it"),
    "plans out of range": ("TRACETOPICS_PLAN_WEIGHTS = {pro = 3}\n", "TRACETOPICS_PLAN_WEIGHTS"),
    "a switch": ("TRACETOPICS_WINDOW_DAYS = true\n", "true/false"),
    # adversarial pass (session 20): nesting deeper than the parser's recursion, a huge file
    "nested arrays": ("X = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    "nested tables": ("X = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n", "nested too deeply"),
    "a huge file": ("# " + "x" * 2_000_000 + "\n", "larger than"),
}


def test_the_demo_home_keeps_its_plan_weights_for_later_runs(home: Path, monkeypatch) -> None:
    """`tracetopics demo` (its generate step) writes the demo's plans into the home's config; a
    later `tracetopics run` of the home, without the variable, builds the marts with them (the
    marts step's dbt vars), and the process that ran the demo keeps no plans in its environment."""
    from tracetopics_pipeline.defs.assets.marts import build_vars

    monkeypatch.delenv("TRACETOPICS_PLAN_WEIGHTS", raising=False)
    assert main(["generate", "--days", "1", "--per-day", "5", "--clean"]) == 0
    assert "TRACETOPICS_PLAN_WEIGHTS" not in os.environ
    assert Settings.from_env().plan_weights == PLAN_WEIGHTS
    assert '"plan_tier_weights": {"enterprise": 1.0' in build_vars()
    # generated again (a second demo in the same home): the file is kept, not appended to
    text = (home / "config.toml").read_text()
    assert main(["generate", "--days", "1", "--per-day", "5", "--clean"]) == 0
    assert (home / "config.toml").read_text() == text


def test_generate_elsewhere_configures_no_home(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["generate", "--days", "1", "--per-day", "5", "--out", str(out)]) == 0
    assert not (home / "config.toml").exists()


def test_a_person_s_plans_in_the_file_are_kept(home: Path, monkeypatch) -> None:
    monkeypatch.delenv("TRACETOPICS_PLAN_WEIGHTS", raising=False)
    home.mkdir(exist_ok=True)
    (home / "config.toml").write_text('TRACETOPICS_PLAN_WEIGHTS = {"gold" = 1}\n')
    assert main(["generate", "--days", "1", "--per-day", "5", "--clean"]) == 0
    assert Settings.from_env().plan_weights == {"gold": 1.0}


def test_the_environment_overrides_the_file(home: Path, monkeypatch) -> None:
    home.mkdir(exist_ok=True)
    (home / "config.toml").write_text(
        "TRACETOPICS_PLAN_WEIGHTS = {enterprise = 1, pro = 0.4}\nTRACETOPICS_WINDOW_DAYS = 7\n"
        'TRACETOPICS_PRICES = {"m" = [1, 2]}\nTRACETOPICS_START_DATE = 2026-01-02\n'
    )
    monkeypatch.delenv("TRACETOPICS_PLAN_WEIGHTS", raising=False)
    monkeypatch.delenv("TRACETOPICS_START_DATE", raising=False)
    s = Settings.from_env()
    assert s.plan_weights == {"enterprise": 1.0, "pro": 0.4} and s.window_days == 7
    assert s.prices == {"m": (1.0, 2.0)} and str(s.start_date) == "2026-01-02"
    monkeypatch.setenv("TRACETOPICS_PLAN_WEIGHTS", '{"gold": 1}')
    monkeypatch.setenv("TRACETOPICS_WINDOW_DAYS", "")  # empty: unset, the file's value stands
    s = Settings.from_env()
    assert s.plan_weights == {"gold": 1.0} and s.window_days == 7
    monkeypatch.setenv("TRACETOPICS_WINDOW_DAYS", "3")
    assert Settings.from_env().window_days == 3
    # an explicit mapping is read alone (tests, read_config's own check)
    assert Settings.from_env({}) == Settings()


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_config_file_is_one_line(home: Path, case: str) -> None:
    from tracetopics_pipeline.core.settings import read_config

    text, said = BROKEN[case]
    home.mkdir(exist_ok=True)
    (home / "config.toml").write_text(text)
    with pytest.raises(ConfigError, match="config.toml") as got:
        read_config(home / "config.toml")
    assert said in str(got.value) and "\n" not in str(got.value)


def test_a_broken_config_file_stops_every_command_in_one_line(home: Path) -> None:
    home.mkdir(exist_ok=True)
    (home / "config.toml").write_text("TRACETOPICS_PLAN_WEIGHTS = {enterprise = }\n")
    env = {**os.environ, "TRACETOPICS_HOME": str(home)}
    for args in (["status"], ["run"], ["topics"], ["ingest", "x.jsonl"]):
        res = subprocess.run(
            [sys.executable, "-m", "tracetopics_pipeline.cli", *args],
            env=env, cwd=home, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert res.returncode == 2, (args, res.stderr)
        assert res.stderr.startswith(f"error: {home / 'config.toml'} is not valid TOML"), args
        assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def _write_plans(path: Path, start: Any, out: Any) -> None:
    from tracetopics_pipeline.core.settings import PLAN_WEIGHTS_ENV, set_config_default

    start.wait(30)
    out.put(set_config_default(path, PLAN_WEIGHTS_ENV, PLAN_WEIGHTS))


def test_demos_writing_one_home_at_once_write_the_plans_once(tmp_path: Path) -> None:
    """Two demos writing one home at once could both find no plan weights in its config.toml
    and both append them: a key set twice is no TOML, and every command of the home stopped.
    The write is read-modify-write under a lock, then a rename."""
    import multiprocessing

    from tracetopics_pipeline.core.settings import read_config

    ctx = multiprocessing.get_context("fork")
    for round_ in range(4):
        path = tmp_path / str(round_) / "config.toml"
        if round_ % 2:  # a person's own line first: kept, the plans added after it
            path.parent.mkdir()
            path.write_text("TRACETOPICS_WINDOW_DAYS = 14")
        start, out = ctx.Barrier(6), ctx.Queue()
        procs = [ctx.Process(target=_write_plans, args=(path, start, out)) for _ in range(6)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        assert sorted(out.get(timeout=5) for _ in procs) == [False] * 5 + [True]
        text = path.read_text()
        assert text.count("TRACETOPICS_PLAN_WEIGHTS") == 1, text
        assert ("TRACETOPICS_WINDOW_DAYS = 14\n" in text) == bool(round_ % 2)
        assert "TRACETOPICS_PLAN_WEIGHTS" in read_config(path)
        assert [f.name for f in path.parent.iterdir() if f.name != ".config.toml.lock"] == [
            "config.toml"
        ]  # no temporary file left behind


def test_a_variable_set_twice_reads_once_or_says_which_lines_to_choose_from(home: Path) -> None:
    """A home already holding the plans twice (written by two demos before the lock) reads
    when both lines agree; set to two values, it is one line naming them and what to do."""
    from tracetopics_pipeline.core.settings import read_config

    home.mkdir(exist_ok=True)
    config = home / "config.toml"
    plans = 'TRACETOPICS_PLAN_WEIGHTS = {"enterprise" = 1.0, "pro" = 0.4}\n'
    config.write_text(plans + "TRACETOPICS_WINDOW_DAYS = 7\n" + plans)
    assert read_config(config) == {
        "TRACETOPICS_PLAN_WEIGHTS": '{"enterprise": 1.0, "pro": 0.4}',
        "TRACETOPICS_WINDOW_DAYS": "7",
    }
    # the same value written another way (spacing, quoting, key order) is the same value
    config.write_text(plans + '"TRACETOPICS_PLAN_WEIGHTS" = {pro = 0.4, enterprise = 1.0}\n')
    assert Settings.from_env().plan_weights == {"enterprise": 1.0, "pro": 0.4}
    config.write_text(plans + 'TRACETOPICS_PLAN_WEIGHTS = {"enterprise" = 1.0, "pro" = 0.5}\n')
    with pytest.raises(ConfigError) as got:
        read_config(config)
    assert str(got.value) == (
        f"{config}: TRACETOPICS_PLAN_WEIGHTS is set twice, to different values (lines 1 and 2): "
        "keep the line you mean and delete the other"
    )
    # Look-alikes read as before: a value spanning lines set twice, another mistake beside an
    # agreeing pair (the file's own TOML error), one name in two tables (valid TOML: no
    # duplicate, and no setting).
    for text in (
        "X = [1,\n2]\nX = [1,\n2]\n",
        plans + plans + "TRACETOPICS_WINDOW_DAYS = \n",
        "TRACETOPICS_WINDOW_DAYS = 7\n[a]\nTRACETOPICS_WINDOW_DAYS = 7\n[b]\nTRACETOPICS_WINDOW_DAYS = 7\n",
    ):
        config.write_text(text)
        with pytest.raises(ConfigError, match="is not valid TOML|is no tracetopics setting"):
            read_config(config)
