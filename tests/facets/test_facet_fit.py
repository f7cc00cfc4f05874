"""`tracetopics facets fit`: a model fitted on a team's own labelled traces, stored in the home,
used by the local summarizer for that facet, inspectable, versioned, and never for Issues/Task."""

from __future__ import annotations

import json

import pytest

from tracetopics_pipeline import cli
from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets, parse_facets
from tracetopics_pipeline.core.facets.summarizers.gold_eval import load_gold
from tracetopics_pipeline.core.facets.summarizers.gold_fit import file_sha256, fit_facet
from tracetopics_pipeline.core.facets.summarizers.local import LocalSummarizer, fitted

# This team rates a conversation by how the agent did, whatever the user says: a booking made
# is POSITIVE, a booking that could not be made NEGATIVE, an answered question NEUTRAL; the
# users all close the same polite way, so the rules see politeness and little else.
THINGS = [
    "a table for two at Luigi's", "a taxi to the airport", "a room at the Grand hotel",
    "train tickets to Leeds", "a haircut on Friday", "a yoga class on Monday",
    "a dentist appointment", "a rental car for the weekend", "museum tickets for Sunday",
    "a tennis court at six", "a spa session", "a cooking class",
]  # fmt: skip
BYE = "Ok, thanks. Bye."


def _dialogue(kind: str, thing: str) -> list[dict]:
    if kind == "POSITIVE":
        ask, answer = f"Can you book {thing}?", "Done! It's booked, your reference is QX741."
    elif kind == "NEGATIVE":
        ask = f"Can you book {thing}?"
        answer = "I'm sorry, I could not find anything available for that."
    else:
        ask, answer = f"What do I need to know about {thing}?", "It usually takes about an hour."
    return [
        {"role": "user", "content": ask},
        {"role": "assistant", "content": answer},
        {"role": "user", "content": BYE},
    ]


def _gold(path, things: list[str]) -> None:
    lines = [
        json.dumps({"id": f"{k[:3]}{i}", "messages": _dialogue(k, t), "gold": k})
        for k in ("POSITIVE", "NEGATIVE", "NEUTRAL")
        for i, t in enumerate(things)
    ]
    path.write_text("\n".join(lines) + "\n")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("fit")
    _gold(d / "train.jsonl", THINGS[:8])
    _gold(d / "held_out.jsonl", THINGS[8:])
    return d


@pytest.fixture(scope="module")
def sentiment():
    return find_facet(load_facets(), "Sentiment")


@pytest.fixture(scope="module")
def report(files, sentiment):
    gold = load_gold(files / "train.jsonl", sentiment)
    return fit_facet(sentiment, gold, files / "train.jsonl", c_grid=(0.1, 1.0), folds=4)


def _labels(summ: LocalSummarizer, path, facet) -> tuple[list[str], list[str]]:
    gold = load_gold(path, facet)
    out = {o.trace_id: o.label for o in summ.summarize(gold.traces, [facet]).outputs}
    return gold.gold, [out[t["id"]] for t in gold.traces]


def test_a_fitted_model_learns_what_the_team_labels(files, sentiment, report, tmp_path):
    gold, rules = _labels(LocalSummarizer(fitted_models=False), files / "held_out.jsonl", sentiment)
    assert sum(g == p == "POSITIVE" for g, p in zip(gold, rules, strict=True)) == 0  # politeness

    report.model.save(tmp_path)
    summ = LocalSummarizer(models_dir=tmp_path)
    assert summ.fitted_model(sentiment) is not None
    gold, pred = _labels(summ, files / "held_out.jsonl", sentiment)
    right = sum(g == p for g, p in zip(gold, pred, strict=True))
    assert right >= 11, list(zip(gold, pred, strict=True))  # of 12 traces it never saw
    res = summ.summarize(load_gold(files / "held_out.jsonl", sentiment).traces[:1], [sentiment])
    assert "fitted on your labelled traces" in res.outputs[0].summary  # it overrode the rules
    # facet_summaries.model says which model gave the label; the rules alone say their own
    assert res.outputs[0].model == "local-rules-v1+fit:sentiment/v1"
    alone = LocalSummarizer(fitted_models=False).summarize(
        load_gold(files / "held_out.jsonl", sentiment).traces[:1], [sentiment]
    )
    assert alone.outputs[0].model is None and alone.model == "local-rules-v1"


def test_the_stored_model_is_inspectable_and_versioned(files, sentiment, report, tmp_path):
    first = report.model.save(tmp_path)
    second = report.model.save(tmp_path)
    assert (first.name, second.name) == ("v1.json", "v2.json")
    assert fitted.latest_path(tmp_path, sentiment) == second
    data = json.loads(second.read_text())
    assert data["gold_sha256"] == file_sha256(files / "train.jsonl")
    assert data["embedding_model"] == fitted.EMBEDDING_MODEL and data["version"] == 2
    assert data["labels"] == sorted(data["labels"]) and set(data["labels"]) == {
        "NEGATIVE", "NEUTRAL", "POSITIVE"}  # fmt: skip
    assert "rules:neg" in data["evidence"] and data["views"] == ["user", "agent"]
    assert len(data["coef"]) == 3 and data["cv"]["folds"] == 4
    assert set(report.cv_by_c) == {(c, d) for c in (0.1, 1.0) for d in (16, None)}


def _sentiment_with(labels: str):
    return parse_facets(
        f"""
version: 1
facets:
  - name: Sentiment
    labels: [{labels}]
    local: {{kind: sentiment}}
"""
    )[0]


def _spoil(path, how: str) -> None:
    data = json.loads(path.read_text())
    if how == "truncated":
        path.write_text(path.read_text()[:300])
        return
    if how == "not an object":
        data = [data]
    elif how == "unknown field":
        data["weights"] = [1.0]
    elif how == "short coefficients":
        data["coef"] = [row[:-3] for row in data["coef"]]
    elif how == "not finite":
        data["coef"][0][0] = float("nan")
    elif how == "text for numbers":
        data["scale"] = ["x"] * len(data["scale"])
    elif how == "another embedding model":
        data["embedding_model"] = "some-other-model@768"
    path.write_text(json.dumps(data))


SPOILED = ["truncated", "not an object", "unknown field", "short coefficients", "not finite",
           "text for numbers", "another embedding model"]  # fmt: skip


@pytest.mark.parametrize("how", SPOILED)
def test_a_spoiled_model_is_named_and_the_rules_answer(files, report, sentiment, how, caplog):
    """A model file that cannot be used never sinks the facet stage or changes labels in
    silence: the rules answer, and the log and the CLI say which file and what to do."""
    models = files / f"spoiled-{how.replace(' ', '-')}"
    path = report.model.save(models)
    _spoil(path, how)
    with pytest.raises(fitted.FitError, match="facets fit"):
        fitted.load(models, sentiment)
    summ = LocalSummarizer(models_dir=models)
    traces = load_gold(files / "held_out.jsonl", sentiment).traces
    rules = LocalSummarizer(fitted_models=False).summarize(traces, [sentiment]).outputs
    with caplog.at_level("WARNING"):
        outs = summ.summarize(traces, [sentiment]).outputs
    assert [(o.status, o.label) for o in outs] == [(o.status, o.label) for o in rules]
    assert str(path) in caplog.text and "rules" in caplog.text


def test_a_model_is_refused_when_the_facet_labels_change(report, tmp_path, sentiment, capsys):
    report.model.save(tmp_path)
    assert fitted.load(tmp_path, sentiment) is not None
    for labels in ("HAPPY, UNHAPPY, NEUTRAL", "POSITIVE, NEUTRAL, NEGATIVE, MIXED, ANGRY"):
        changed = _sentiment_with(labels)  # renamed labels, or one the model never answers
        with pytest.raises(fitted.FitError, match="labels changed"):
            fitted.load(tmp_path, changed)
        assert LocalSummarizer(models_dir=tmp_path).fitted_model(changed) is None
    # the same labels read by keyword rules now: the model's text views are not the facet's
    same = ", ".join(sentiment.labels or [])
    changed = parse_facets(
        f"""
version: 1
facets:
  - name: Sentiment
    labels: [{same}]
    local: {{kind: rules}}
"""
    )[0]
    with pytest.raises(fitted.FitError, match="reads other text"):
        fitted.load(tmp_path, changed)


def test_cli_eval_names_a_spoiled_model_in_one_line(files, report, home, capsys):
    path = report.model.save(home / "models")
    _spoil(path, "truncated")
    held = str(files / "held_out.jsonl")
    assert cli.main(["facets", "eval", "Sentiment", "--gold", held]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and len(err.strip().splitlines()) == 1, err
    assert str(path) in err and "--zero-shot" in err
    assert cli.main(["facets", "eval", "Sentiment", "--gold", held, "--zero-shot"]) == 0
    assert cli.main(["facets", "fit", "Sentiment", "--gold", held]) == 0  # a new version
    assert "v2.json" in capsys.readouterr().out
    assert cli.main(["facets", "eval", "Sentiment", "--gold", held]) == 0


def test_structural_facets_and_thin_gold_files_are_refused(files, sentiment, tmp_path):
    issues = find_facet(load_facets(), "Issues")
    with pytest.raises(fitted.FitError, match="structure"):
        fit_facet(issues, load_gold(files / "train.jsonl", sentiment), files / "train.jsonl")
    thin = tmp_path / "thin.jsonl"
    rows = [json.loads(line) for line in (files / "train.jsonl").read_text().splitlines()]
    keep = [r for r in rows if r["gold"] != "NEGATIVE"] + [
        r for r in rows if r["gold"] == "NEGATIVE"
    ][:2]
    thin.write_text("\n".join(json.dumps(r) for r in keep))
    with pytest.raises(fitted.FitError, match="NEGATIVE have fewer than 3"):
        fit_facet(sentiment, load_gold(thin, sentiment), thin)


def test_cli_fit_then_eval_uses_the_model(files, home, capsys):
    train, held = str(files / "train.jsonl"), str(files / "held_out.jsonl")
    assert cli.main(["facets", "fit", "--facet", "Sentiment", "--gold", train]) == 0
    out = capsys.readouterr().out
    assert "cross-validated at C" in out and "saved" in out
    assert (home / "models" / "facets" / "sentiment" / "v1.json").exists()

    assert cli.main(["facets", "eval", "--facet", "Sentiment", "--gold", held]) == 0
    fitted_out = capsys.readouterr().out
    assert "the rules with the model fitted on" in fitted_out and "optimistic" not in fitted_out
    assert cli.main(["facets", "eval", "--facet", "Sentiment", "--gold", train]) == 0
    assert "optimistic" in capsys.readouterr().out  # scored on the file it was fitted on
    assert cli.main(["facets", "eval", "Sentiment", "--gold", held, "--zero-shot"]) == 0
    assert "the rules alone" in capsys.readouterr().out

    reports = {}
    for extra in ([], ["--zero-shot"]):
        assert cli.main(["facets", "eval", "Sentiment", "--gold", held, "--json", *extra]) == 0
        reports[bool(extra)] = json.loads(capsys.readouterr().out)
    assert reports[False]["macro_f1"] > reports[True]["macro_f1"] + 0.3

    assert cli.main(["facets", "fit", "Sentiment", "--gold", train, "--dry-run"]) == 0
    assert "not saved" in capsys.readouterr().out
    assert not (home / "models" / "facets" / "sentiment" / "v2.json").exists()


def test_a_two_label_model_answers_both_labels(files, sentiment, tmp_path):
    """A yes/no facet is the common custom one; its logistic regression has one coefficient
    row (the second label's log-odds), which must not read as 'always the first label'."""
    two = tmp_path / "two.jsonl"
    rows = [json.loads(line) for line in (files / "train.jsonl").read_text().splitlines()]
    two.write_text("\n".join(json.dumps(r) for r in rows if r["gold"] != "NEUTRAL") + "\n")
    rep = fit_facet(sentiment, load_gold(two, sentiment), two, c_grid=(0.1,), folds=4)
    assert len(rep.model.coef) == 1 and rep.model.cv["macro_f1"] > 0.9
    rep.model.save(tmp_path / "models")
    summ = LocalSummarizer(models_dir=tmp_path / "models")
    held = tmp_path / "held.jsonl"
    rows = [json.loads(line) for line in (files / "held_out.jsonl").read_text().splitlines()]
    held.write_text("\n".join(json.dumps(r) for r in rows if r["gold"] != "NEUTRAL") + "\n")
    gold, pred = _labels(summ, held, sentiment)
    assert set(pred) == {"POSITIVE", "NEGATIVE"}
    pairs = list(zip(gold, pred, strict=True))
    assert sum(g == p for g, p in pairs) >= 7, pairs


def test_two_fits_at_once_never_overwrite_a_version(report, tmp_path, monkeypatch):
    """Two `facets fit` runs that both saw v1 as the newest each get their own version."""
    first = report.model.save(tmp_path)
    before = first.read_text()
    monkeypatch.setattr(fitted, "_versions", lambda folder: [])  # the other run's view
    second = report.model.save(tmp_path)
    assert second != first and first.read_text() == before
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.parametrize("action", ["eval", "fit"])
def test_cli_names_a_missing_or_unknown_facet_plainly(files, home, capsys, action):
    train = str(files / "train.jsonl")
    assert cli.main(["facets", action, "--gold", train]) == 2
    assert capsys.readouterr().err.startswith(f"error: name the facet: tracetopics facets {action}")
    assert cli.main(["facets", action, "Nope", "--gold", train]) == 2
    assert capsys.readouterr().err.startswith("error: no facet named 'Nope' (known: Task")


def test_cli_fit_json_is_the_models_description_not_its_arrays(files, home, capsys):
    args = ["facets", "fit", "Sentiment", "--gold", str(files / "train.jsonl"), "--json"]
    assert cli.main([*args, "--dry-run"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["facet"] == "Sentiment" and out["cv"]["macro_f1"] > 0.5 and out["saved"] == ""
    assert not {"coef", "mean", "scale", "projection", "projection_mean"} & set(out)


def test_only_the_app_reads_the_homes_models(report, home, sentiment):
    """The pipeline and the CLI (make_summarizer) use the home's fitted models; a LocalSummarizer
    built directly (tests, benchmarks of the rules) never does: a model fitted in the default
    home (./.tracetopics) must not change what they measure."""
    from tracetopics_pipeline.core.facets.summarizers import make_summarizer

    report.model.save(home / "models")
    assert make_summarizer("local").fitted_model(sentiment) is not None
    assert make_summarizer("local", fitted_models=False).fitted_model(sentiment) is None
    assert LocalSummarizer().fitted_model(sentiment) is None
    assert LocalSummarizer(models_dir=home / "models").fitted_model(sentiment) is not None
