"""The demo's closing figures: labelled facets scored against the generator's answer key."""

from __future__ import annotations

from pathlib import Path

from tracetopics_pipeline.cli.output import _label_agreement
from tracetopics_pipeline.core import warehouse


def test_label_agreement_scores_a_facets_labels_against_the_answer_key(tmp_path: Path) -> None:
    rows = [  # (trace, label, status): t4 errored (no answer to score), t5 not in the key
        ("t1", "NEGATIVE", "ok"), ("t2", "POSITIVE", "ok"), ("t3", "NEUTRAL", "ok"),
        ("t4", None, "errored"), ("t5", "NEGATIVE", "ok"),
    ]  # fmt: skip
    answers = {
        "t1": {"sentiment": "NEGATIVE"},
        "t2": {"sentiment": "NEUTRAL"},
        "t3": {"sentiment": "NEUTRAL"},
        "t4": {"sentiment": "NEGATIVE"},
    }
    with warehouse.connect(tmp_path / "w.duckdb") as conn:
        conn.executemany(
            "INSERT INTO facet_summaries (day, trace_id, facet, label, status) "
            "VALUES (DATE '2026-11-20', ?, 'Sentiment', ?, ?)",
            rows,
        )
        acc, macro, n = _label_agreement(conn, answers, "Sentiment", "sentiment")
        assert _label_agreement(conn, answers, "Churn risk", "churn_risk") == (0.0, 0.0, 0)
    assert n == 3 and abs(acc - 2 / 3) < 1e-9
    # NEGATIVE: F1 1; NEUTRAL: P 1 R 1/2, F1 2/3; POSITIVE (predicted, never given): F1 0
    assert abs(macro - (1 + 2 / 3 + 0) / 3) < 1e-9


def test_recovery_says_why_it_counts_fewer_traces_than_the_run(tmp_path: Path) -> None:
    # new-user walk: the recovery figures counted 9,000 traces of the run's 9,001
    from tracetopics_pipeline.core.topics.evaluate import recovery

    answers = {f"t{i}": {"intent": "a" if i < 3 else "b"} for i in range(6)}
    with warehouse.connect(tmp_path / "w.duckdb") as conn:
        conn.executemany(
            "INSERT INTO classifications (day, trace_id, facet, topic_id) "
            "VALUES (DATE '2026-11-20', ?, 'Task', ?)",
            [(f"t{i}", i // 3) for i in range(6)] + [("odd-1", 0)],
        )
        full = recovery(conn, answers, "Task")
        answers["odd-1"] = {"intent": "a"}
        none = recovery(conn, answers, "Task")  # every classified trace has an answer
    assert full["n"] == 6 and full["n_without_truth"] == 1
    assert none["n"] == 7 and none["n_without_truth"] == 0
