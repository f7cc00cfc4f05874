"""`tracetopics facets eval`: the local summarizer and an OpenAI-compatible model scored on the
same gold file (the model is a fake server on 127.0.0.1)."""

from __future__ import annotations

import json

import pytest
from fake_openai import FakeOpenAI

from tracetopics_pipeline import cli
from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.summarizers.gold_eval import (
    GoldFileError,
    f1_table,
    load_gold,
)


def _line(tid: str, user: list[str], gold) -> str:
    msgs = []
    for u in user:
        msgs += [{"role": "user", "content": u}, {"role": "assistant", "content": "Let me check."}]
    return json.dumps({"id": tid, "messages": msgs, "gold": gold})


GOLD = [
    ("g1", ["My sync keeps failing.", "That didn't help, this is useless."], "NEGATIVE"),
    ("g2", ["How do I invite a colleague?", "That worked, you're great!"], "POSITIVE"),
    ("g3", ["What's the price of the Pro plan?"], "neutral"),  # labels ignore case
    ("g4", ["I want to talk to a human right now."], {"Sentiment": "NEGATIVE"}),
    # a routine closing; "Found it, thanks." says the need was met, which reads POSITIVE (batch 18)
    ("g5", ["Where is the export button?", "Ok, thanks. Bye."], "NEUTRAL"),
]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(_line(*g) for g in GOLD) + "\n\n")
    return path


class RuleOfThumbLLM(FakeOpenAI):
    """Answers like a crude model: NEGATIVE on "useless", POSITIVE on "great", else NEUTRAL."""

    def facet_answer(self, body: dict, *, wrong_label: bool = False) -> dict:
        text = body["messages"][-1]["content"].lower()  # the trace, not the facet spec
        label = "NEGATIVE" if "useless" in text else "POSITIVE" if "great" in text else "NEUTRAL"
        return {"sentiment": {"summary": f"looks {label}", "label": label}}


def _eval(capsys, *args: str) -> list[dict]:
    assert cli.main(["facets", "eval", *args, "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_local_and_model_scored_on_the_same_gold(gold_file, home, monkeypatch, capsys):
    fake = RuleOfThumbLLM()
    try:
        monkeypatch.setenv("OPENAI_BASE_URL", fake.url)
        monkeypatch.setenv("OPENAI_API_KEY", "test-key")
        local, model = _eval(
            capsys, "--facet", "Sentiment", "--gold", str(gold_file), "--backend", "both",
            "--model", "fake-model",
        )  # fmt: skip
    finally:
        fake.close()
    assert local["backend"] == "local" and local["n"] == 5
    assert local["accuracy"] == 1.0 and local["macro_f1"] == 1.0  # every form here is a rule
    assert model["backend"] == "openai" and model["model"] == "fake-model"
    assert len(fake.bodies()) == 5 and fake.bodies()[0]["model"] == "fake-model"
    # The fake misses g4 (asks for a human: NEUTRAL instead of NEGATIVE).
    gold = ["NEGATIVE", "POSITIVE", "NEUTRAL", "NEGATIVE", "NEUTRAL"]
    pred = ["NEGATIVE", "POSITIVE", "NEUTRAL", "NEUTRAL", "NEUTRAL"]
    acc, mf1, per = f1_table(gold, pred, ["POSITIVE", "NEUTRAL", "NEGATIVE"])
    assert model["accuracy"] == pytest.approx(acc) == 0.8
    assert model["macro_f1"] == pytest.approx(mf1)
    assert model["per_label"]["NEGATIVE"]["recall"] == 0.5
    assert model["statuses"] == {"ok": 5} and model["tokens"] == 5 * 120


def test_text_report_and_positional_facet(gold_file, capsys):
    assert cli.main(["facets", "eval", "Sentiment", "--gold", str(gold_file)]) == 0
    out = capsys.readouterr().out
    assert "Sentiment on 5 gold traces — local" in out and "gold \\ pred" in out


def test_model_failures_count_as_wrong(gold_file, home, monkeypatch, capsys):
    fake = RuleOfThumbLLM()
    fake.script = [("garbage",)] * 10  # every answer unparseable, retried once: all errored
    try:
        monkeypatch.setenv("OPENAI_BASE_URL", fake.url)
        monkeypatch.setenv("OPENAI_API_KEY", "test-key")
        (rep,) = _eval(
            capsys, "--facet", "Sentiment", "--gold", str(gold_file), "--backend", "openai"
        )
    finally:
        fake.close()
    assert rep["accuracy"] == 0.0 and rep["statuses"] == {"errored": 5}


def test_bad_gold_files_are_named_by_line(tmp_path, capsys):
    sentiment = find_facet(load_facets(), "Sentiment")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(_line("a", ["hi"], "NEUTRAL") + "\n" + _line("b", ["hi"], "ANGRY") + "\n")
    with pytest.raises(GoldFileError, match="line 2: gold label 'ANGRY' is not one of"):
        load_gold(bad, sentiment)
    bad.write_text(_line("a", ["hi"], {"Issues": "NONE"}) + "\n")
    with pytest.raises(GoldFileError, match="line 1: no gold label for 'Sentiment'"):
        load_gold(bad, sentiment)
    assert cli.main(["facets", "eval", "--facet", "Task", "--gold", str(bad)]) == 2
    assert "has no label set" in capsys.readouterr().err
    # a line without a conversation was scored as a wrong answer; a repeated id went unseen
    bad.write_text(_line("a", ["hi"], "NEUTRAL") + '\n{"id": "b", "gold": "NEGATIVE"}\n')
    with pytest.raises(GoldFileError, match="line 2: no conversation"):
        load_gold(bad, sentiment)
    bad.write_text(_line("a", ["hi"], "NEUTRAL") + "\n" + _line("a", ["yo"], "NEUTRAL") + "\n")
    with pytest.raises(GoldFileError, match="line 2: id 'a' repeats line 1"):
        load_gold(bad, sentiment)
    assert cli.main(["facets", "eval", "--facet", "Sentiment"]) == 2


@pytest.mark.parametrize("action", ["eval", "fit"])
def test_undecodable_files_and_odd_messages_are_one_line_errors(tmp_path, capsys, action):
    sentiment = find_facet(load_facets(), "Sentiment")
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\xff\xfe not text\n")
    with pytest.raises(GoldFileError, match="not UTF-8 text"):
        load_gold(bad, sentiment)
    assert cli.main(["facets", action, "Sentiment", "--gold", str(bad)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    good = _line("a", ["hi"], "NEUTRAL")
    for messages in ("42", "[3]", '[{"role": 1}]'):
        odd = good.replace('"messages": [', f'"messages": {messages}, "x": [')
        bad.write_text(good + "\n" + odd + "\n")
        with pytest.raises(GoldFileError, match="line 2: messages"):
            load_gold(bad, sentiment)
        assert cli.main(["facets", action, "Sentiment", "--gold", str(bad)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error:") and len(err.strip().splitlines()) == 1, err
    # as `tracetopics ingest` reads it: a string is one user message
    bad.write_text(good.replace('"messages": [', '"messages": "It broke again.", "x": [') + "\n")
    assert load_gold(bad, sentiment).traces[0]["messages"] == [
        {"role": "user", "content": "It broke again."}
    ]


@pytest.mark.parametrize("action", ["eval", "fit"])
def test_a_gold_line_nested_100000_deep_is_one_line(tmp_path, capsys, action):
    """json.loads raised RecursionError: a 32-line traceback (review rv6 C3). Ingest calls the
    same line too_deep; the gold reader says so, by line."""
    sentiment = find_facet(load_facets(), "Sentiment")
    bad = tmp_path / "deep.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    bad.write_text(_line("a", ["hi"], "NEUTRAL") + "\n" + _line("b", ["hi"], "NEGATIVE")[:-1]
                   + f', "m": {deep}}}\n')  # fmt: skip
    with pytest.raises(GoldFileError, match=r"deep.jsonl line 2: nested too deeply"):
        load_gold(bad, sentiment)
    assert cli.main(["facets", action, "Sentiment", "--gold", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "line 2: nested too deeply" in err and len(err.strip().splitlines()) == 1, err


def test_other_json_a_user_hands_over_is_never_a_recursion_error(tmp_path, monkeypatch):
    """Saved subsets, export manifests, fitted models and TRACETOPICS_PRICES read through
    messages.loads_json: too deep is a ValueError their readers already handle."""
    from tracetopics_pipeline.core.ingest.messages import JsonTooDeep, loads_json
    from tracetopics_pipeline.core.settings import ConfigError, Settings
    from tracetopics_pipeline.explorer.actions import list_exports
    from tracetopics_pipeline.explorer.saved import SubsetStore

    deep = "[" * 100_000 + "]" * 100_000
    for text in (deep, "[" * 200 + "]" * 200):
        with pytest.raises(JsonTooDeep, match="nested too deeply"):
            loads_json(text)
    assert loads_json('{"a": [1, {"b": null}]}') == {"a": [1, {"b": None}]}
    (tmp_path / "x.manifest.json").write_text(deep)
    assert list_exports(tmp_path) == []
    (tmp_path / "deep.json").write_text(deep)
    assert SubsetStore(tmp_path).list() == [] and SubsetStore(tmp_path).get("deep") is None
    with pytest.raises(ConfigError, match="TRACETOPICS_PRICES must be JSON"):
        Settings.from_env({"TRACETOPICS_PRICES": '{"m": ' + deep + "}"})
