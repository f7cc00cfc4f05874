"""A re-run reuses a stored summary only when its trace's input is unchanged (core/facets/reuse.py):
each input of the digest, changed, summarizes again; what cannot be proved unchanged always is."""

from __future__ import annotations

from dataclasses import replace

import orjson
import pytest
from factories.conversations import DAY1, DAY2

from tracetopics_pipeline.core.facets import reuse
from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.stage import summarize_days
from tracetopics_pipeline.core.facets.summarizers import make_summarizer

COLS = "day, trace_id, facet, summary, label, status, error, text_hash, backend, model, prompt_hash"


def _rows(conn) -> list[tuple]:
    return conn.execute(f"SELECT {COLS}, input_digest FROM facet_summaries ORDER BY ALL").fetchall()


def counted(summarizer):
    """`summarizer`, recording the (trace id, facet) pairs it is asked to summarize."""
    seen: list[tuple[str, str]] = []
    real = summarizer.summarize

    def summarize(traces, facets):
        seen.extend((t["id"], f.name) for t in traces for f in facets)
        return real(traces, facets)

    summarizer.summarize = summarize
    return summarizer, seen


def run(conn, facets=None, summarizer=None, days=(DAY1, DAY2)):
    s, seen = counted(summarizer or make_summarizer("local"))
    stats = summarize_days(conn, list(days), facets=facets or load_facets(), summarizer=s)
    return stats, seen


def _session_facets():
    facets = load_facets()
    task, sentiment = find_facet(facets, "Task"), find_facet(facets, "Sentiment")
    sess = replace(task, name="Session task", key="session_task", group_sessions=True)
    return [task, sentiment, sess]


def test_an_unchanged_rerun_reuses_every_summary_to_the_same_rows(facet_wh):
    stats, seen = run(facet_wh)
    n = len(seen)
    assert n == 6 * len(load_facets()) and stats.reused == 0
    first = _rows(facet_wh)
    assert all(r[-1] for r in first)  # every row carries its input's digest
    stats, seen = run(facet_wh)
    assert seen == [] and stats.reused == n and stats.metadata()["summaries_reused"] == n
    assert _rows(facet_wh) == first  # summary, label, status, model, digest: row for row


def test_a_changed_trace_alone_is_summarized_again(facet_wh):
    run(facet_wh)
    before = {(r[1], r[2]): r for r in _rows(facet_wh)}
    msgs = [{"role": "user", "content": "How do I export my report to PDF?"}]
    facet_wh.execute(
        "UPDATE raw_traces SET messages = ? WHERE id = 't-happy'", [orjson.dumps(msgs).decode()]
    )
    _, seen = run(facet_wh)
    assert {t for t, _ in seen} == {"t-happy"}
    after = {(r[1], r[2]): r for r in _rows(facet_wh)}
    assert after[("t-happy", "Task")][3] != before[("t-happy", "Task")][3]
    assert {k: v for k, v in after.items() if k[0] != "t-happy"} == {
        k: v for k, v in before.items() if k[0] != "t-happy"
    }


def test_a_session_is_summarized_again_whole_when_any_of_its_traces_changes(facet_wh):
    """t-angry and t-pricing share session s-1; a session facet summarizes it whole (on its last
    trace), so a change to t-angry summarizes the session again, while t-pricing's own facets
    (read from its own trace) are reused."""
    facets = _session_facets()
    run(facet_wh, facets)
    assert run(facet_wh, facets)[1] == []
    facet_wh.execute(
        """UPDATE raw_traces SET metadata = '{"customer": "globex", "plan_tier": "pro"}'
           WHERE id = 't-angry'"""
    )
    _, seen = run(facet_wh, facets)
    assert ("t-pricing", "Session task") in seen  # the merged session, named by its last trace
    assert ("t-angry", "Task") in seen and ("t-angry", "Sentiment") in seen
    assert ("t-pricing", "Task") not in seen and ("t-pricing", "Sentiment") not in seen
    # a trace joining the session (same days): the session again, nothing else
    facet_wh.execute(
        """INSERT INTO raw_traces SELECT * REPLACE ('t-late' AS id, created + INTERVAL 1 HOUR AS created)
           FROM raw_traces WHERE id = 't-pricing'"""
    )
    _, seen = run(facet_wh, facets)
    # the session, merged and named by its new last trace; the others' own facets reused
    assert sorted(seen) == [("t-late", "Sentiment"), ("t-late", "Session task"), ("t-late", "Task")]
    assert facet_wh.execute(
        """SELECT trace_id, error FROM facet_summaries WHERE facet = 'Session task'
           AND trace_id IN ('t-angry', 't-pricing') ORDER BY 1"""
    ).fetchall() == [
        (t, "summarized with its session on trace t-late") for t in ("t-angry", "t-pricing")
    ]


def _changes(tmp_path):
    """Each input of the digest but the traces, changed: (name, facets, summarizer, patch)."""
    facets = load_facets()
    return {
        "a facet's definition": dict(
            facets=[replace(f, exclude="^Export") if f.key == "task" else f for f in facets]
        ),
        "a facet's local settings": dict(
            facets=[
                replace(f, local={**f.local, "latency_threshold_s": 5}) if f.key == "issues" else f
                for f in facets
            ]  # fmt: skip
        ),
        "the set of facets run together": dict(facets=facets[:-1]),
        "the summarizer's model": dict(
            summarizer=lambda: make_summarizer("local", model="rules-v2")
        ),
        "the form classifier switched off": dict(
            summarizer=lambda: make_summarizer("local", classifier=False)
        ),
        "the semantic layer switched on": dict(
            summarizer=lambda: make_summarizer("local", semantic=True)
        ),
        "prototypes forced": dict(
            summarizer=lambda: make_summarizer("local", prototypes="fallback")
        ),
        "redaction off": dict(summarizer=lambda: make_summarizer("local", redact_pii=False)),
        "a fitted model in the home": dict(
            base=lambda: make_summarizer("local", models_dir=tmp_path / "models"),
            before=lambda: (tmp_path / "models").mkdir(exist_ok=True),
            patch=lambda mp: (tmp_path / "models" / "sentiment-v1.joblib").write_bytes(b"fit"),
        ),
        "the sentence model's files": dict(
            patch=lambda mp: mp.setattr(
                "tracetopics_pipeline.core.topics.embedders.local.folder_fingerprint",
                lambda folder: "retrained",
            )
        ),
        "the summarizers' source": dict(
            patch=lambda mp: mp.setattr(reuse, "code_digest", lambda *a: "edited")
        ),
        "an upgraded library": dict(
            patch=lambda mp: mp.setattr(
                "importlib.metadata.version", lambda lib: "99.0" if lib == "torch" else "1.0"
            )
        ),
    }


@pytest.mark.parametrize(
    "change",
    [
        "a facet's definition", "a facet's local settings", "the set of facets run together",
        "the summarizer's model", "the form classifier switched off",
        "the semantic layer switched on", "prototypes forced", "redaction off",
        "a fitted model in the home", "the sentence model's files", "the summarizers' source",
        "an upgraded library",
    ],
)  # fmt: skip
def test_each_input_of_the_digest_changed_summarizes_again(facet_wh, tmp_path, monkeypatch, change):
    c = _changes(tmp_path)[change]
    if "before" in c:
        c["before"]()
    base = c.get("base", lambda: make_summarizer("local"))
    run(facet_wh, summarizer=base())
    assert run(facet_wh, summarizer=base())[1] == []  # unchanged: all reused
    if "patch" in c:
        c["patch"](monkeypatch)
    stats, seen = run(facet_wh, c.get("facets"), c.get("summarizer", base)())
    assert stats.reused == 0 and {t for t, _ in seen} == {f"t-{n}" for n in _NAMES}, change


_NAMES = ("happy", "angry", "pricing", "unanswered", "loop", "day2")


def test_the_summarizers_source_holds_what_shapes_a_summary():
    """The code digest covers the stage, the summarizers, the preprocessors, the redaction rules
    and the form classifier's and the Sentiment forms' data files (found by imports)."""
    from tracetopics_pipeline.core.digest import source_files

    names = {
        str(p).split("tracetopics_pipeline/", 1)[1] for p in source_files(*reuse.SUMMARY_MODULES)
    }
    assert {
        "core/facets/stage.py", "core/facets/preprocess.py", "core/facets/redact.py",
        "core/facets/summarizers/local/__init__.py", "core/facets/summarizers/local/sentiment.py",
        "core/facets/summarizers/local/form_classifier.py",
        "core/facets/summarizers/local/form_classifier.json",
        "core/facets/summarizers/local/sentiment_forms.yaml",
        "core/facets/summarizers/local/fitted.py", "core/topics/embedders/local.py",
    } <= names  # fmt: skip


def test_errored_and_budget_skipped_rows_are_summarized_again(facet_wh):
    run(facet_wh)
    facet_wh.execute(
        "UPDATE facet_summaries SET status = 'errored' WHERE trace_id = 't-loop' AND facet = 'Task'"
    )
    facet_wh.execute(
        """UPDATE facet_summaries SET status = 'skipped', summary = NULL,
                  error = 'budget: cap reached; left for the next run'
           WHERE trace_id = 't-unanswered' AND facet = 'Sentiment'"""
    )
    _, seen = run(facet_wh)
    assert {t for t, _ in seen} == {"t-loop", "t-unanswered"}
    assert facet_wh.execute(
        "SELECT count(*) FROM facet_summaries WHERE status = 'errored' OR error LIKE 'budget%'"
    ).fetchone() == (0,)


def shout_users(trace, facet):
    return "USER: " + " ".join(
        str(m.get("content")) for m in trace.get("messages") or [] if m.get("role") == "user"
    )


def test_what_cannot_be_proved_unchanged_is_always_summarized_again(facet_wh):
    """A custom preprocessor (a module loaded by name: its source is not digested) and a
    summarizer without a fingerprint (the OpenAI-compatible one, a stand-in) never reuse."""
    facets = load_facets()
    custom = [replace(f, preprocessor=f"{__name__}.shout_users") if f.key == "task" else f
              for f in facets]  # fmt: skip
    run(facet_wh, custom)
    stats, seen = run(facet_wh, custom)
    assert stats.reused == 0 and len(seen) == 6 * len(facets)

    class Unknown:
        backend, model = "local", "stand-in"

        def __init__(self) -> None:
            self.inner = make_summarizer("local")

        def summarize(self, traces, facets):
            return self.inner.summarize(traces, facets)

    run(facet_wh, summarizer=Unknown())
    stats, seen = run(facet_wh, summarizer=Unknown())
    assert stats.reused == 0 and len(seen) == 6 * len(facets)
    assert facet_wh.execute(
        "SELECT count(*) FROM facet_summaries WHERE input_digest IS NOT NULL"
    ).fetchone() == (0,)


def test_a_rerun_that_reuses_every_summary_does_not_load_the_sentence_model(facet_wh, monkeypatch):
    """The shipped facets need the sentence model (the form classifier's heads); a re-run with
    nothing to summarize must not spend the ~18 s loading it."""
    from tracetopics_pipeline.core.topics.embedders import local

    s = make_summarizer("local")
    assert s._configured_facets_need_model()
    run(facet_wh, summarizer=s)
    loads: list[object] = []
    monkeypatch.setattr(local, "load_model", lambda *a, **k: loads.append(a) or 1 / 0)
    stats, seen = run(facet_wh)
    assert seen == [] and loads == []
