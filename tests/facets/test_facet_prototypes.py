"""Embedding prototypes: a labelled custom facet works offline from its YAML alone."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
from factories import insert_traces, trace_record
from factories.conversations import DAY1

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import parse_facets
from tracetopics_pipeline.core.facets.stage import summarize_days
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.facets.summarizers.local.prototypes import PrototypeIndex, units_of

# A facet a user might add: labels with descriptions and examples, no keyword, no rule.
REFUNDS = """
version: 1
facets:
  - name: Refund request
    description: Whether the user wants their money back.
    preprocessor: user_messages
    labels:
      - name: REFUND
        description: The user asks for a refund or their money back.
        examples: ["I want a refund for this order", "Please give me my money back"]
      - name: REPLACEMENT
        description: The user wants a damaged or wrong item replaced.
        examples: ["The item arrived broken, please send a new one", "You shipped the wrong size"]
      - name: NONE
        description: No refund or replacement.
        examples: ["How do I change my password?", "What are your opening hours?"]
    default_label: NONE
    exclude: "^NONE"
"""


def _trace(tid: str, *turns: str) -> dict:
    msgs = []
    for t in turns:
        msgs += [{"role": "user", "content": t}, {"role": "assistant", "content": "Let me check."}]
    return {"id": tid, "messages": msgs}


def test_custom_facet_without_keywords_is_answered_from_its_yaml():
    facets = parse_facets(REFUNDS)
    traces = [
        _trace("a", "Hi. Can I get my money back? The blender never worked."),
        _trace("b", "My parcel came with a cracked screen, I need a new one sent."),
        _trace("c", "Where do I change the email on my account?"),
        _trace("d", "I'd like to be reimbursed for the order I cancelled last week."),
    ]
    res = make_summarizer("local").summarize(traces, facets)
    got = {o.trace_id: o for o in res.outputs}
    assert got["a"].label == "REFUND" and got["a"].status == "ok"
    assert got["a"].summary.startswith("REFUND: ") and "money back" in got["a"].summary
    assert got["b"].label == "REPLACEMENT"
    assert got["c"].label == "NONE" and got["c"].status == "excluded"
    assert got["d"].label == "REFUND"  # no word in common with the examples but "order"


def test_prototypes_off_means_no_local_answer():
    facets = parse_facets(
        REFUNDS.replace("    exclude:", "    local: {prototypes: off}\n    exclude:")
    )
    out = make_summarizer("local").summarize([_trace("a", "refund please")], facets).outputs[0]
    assert out.status == "skipped" and "no keyword rules" in out.error


def test_default_label_description_is_not_a_prototype():
    idx = PrototypeIndex.from_facet(parse_facets(REFUNDS)[0])
    assert "No refund or replacement." not in idx.texts  # "No X" embeds close to X
    assert idx.owners.count("NONE") == 2 and idx.usable


def test_units_are_short_and_skip_tool_lines():
    text = (
        "[user] Hello there. My order 55 is late!\n[assistant → tool call] lookup({})\n"
        '[tool lookup] {"status": "late"}\n[assistant] It ships tomorrow.\n[user] ok'
    )
    assert units_of(text) == ["Hello there.", "My order 55 is late!", "It ships tomorrow."]


def test_keyword_facets_keep_their_rules_by_default():
    """The shipped facets measured best with rules alone (docs/benchmarks.md#facets)."""
    from tracetopics_pipeline.core.facets.definitions import load_facets

    s = make_summarizer("local")
    for f in load_facets():
        assert s.prototype_mode(f) == "off", f.name


FORK_SCRIPT = textwrap.dedent(
    """
    from datetime import UTC, datetime
    import duckdb
    from factories import insert_traces, trace_record
    from factories.conversations import DAY1
    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder
    from tracetopics_pipeline.core.facets.stage import PARALLEL_MIN_TRACES, summarize_days
    from tracetopics_pipeline.core.facets.definitions import parse_facets
    from tracetopics_pipeline.core.facets.summarizers import make_summarizer

    SentenceEmbedder(threads=2).embed(["warm the parent's thread pool"] * 64)  # torch threads, then fork
    facets = parse_facets({yaml!r})
    asks = ["Can I get my money back?", "The lamp arrived smashed, send another",
            "How do I log in?", "I want a refund", "Where is my invoice?"]
    conn = duckdb.connect()
    warehouse.ensure_schema(conn)
    n = PARALLEL_MIN_TRACES + 10
    when = datetime(DAY1.year, DAY1.month, DAY1.day, 10, tzinfo=UTC)
    insert_traces(conn, [trace_record(f"t{{i:05d}}", when, [{{"role": "user", "content": asks[i % 5]}}])
                         for i in range(n)])
    summ = make_summarizer("local", preload=True)
    stats = summarize_days(conn, [DAY1], facets=facets, summarizer=summ, workers=2)
    rows = conn.execute("SELECT label, count(*) FROM facet_summaries GROUP BY 1 ORDER BY 1").fetchall()
    print(stats.traces_processed, rows)
    """
)


@pytest.mark.timeout(300)
def test_forked_workers_embed_after_the_parent_used_torch(tmp_path):
    """Two forked facet workers embed with the model the parent loaded, after the parent ran
    torch on two threads: no deadlock, every trace answered."""
    tests = Path(__file__).resolve().parents[1]  # the factories live there
    script = FORK_SCRIPT.format(yaml=REFUNDS)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(tests), os.environ.get("PYTHONPATH")])),
    }
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, timeout=240, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    n, rows = run.stdout.strip().splitlines()[-1].split(" ", 1)
    assert int(n) > 2000
    counts = dict(eval(rows))  # [(label, count), ...] printed by the child
    assert sum(counts.values()) == int(n)
    assert counts["REFUND"] == 2 * counts["REPLACEMENT"]  # asks 0 and 3 vs ask 1, of every 5
    assert counts["NONE"] == 2 * counts["REPLACEMENT"]


def test_stage_in_process_matches_direct_calls():
    facets = parse_facets(REFUNDS)
    conn = duckdb.connect()
    warehouse.ensure_schema(conn)
    items = [_trace(f"x{i}", t) for i, t in enumerate(["refund me now", "what time is it"])]
    when = datetime(DAY1.year, DAY1.month, DAY1.day, 10, tzinfo=UTC)
    insert_traces(conn, [trace_record(t["id"], when, t["messages"]) for t in items])
    summarize_days(conn, [DAY1], facets=facets, summarizer=make_summarizer("local"), workers=1)
    labels = dict(conn.execute("SELECT trace_id, label FROM facet_summaries").fetchall())
    assert labels == {"x0": "REFUND", "x1": "NONE"}


def test_bad_prototype_settings_fail_at_load():
    from tracetopics_pipeline.core.facets.definitions import FacetConfigError

    bad = REFUNDS.replace("    exclude:", "    local: {prototypes: always}\n    exclude:")
    with pytest.raises(FacetConfigError, match="local.prototypes"):
        parse_facets(bad)
    bad = REFUNDS.replace("    exclude:", "    local: {min_similarity: high}\n    exclude:")
    with pytest.raises(FacetConfigError, match="local.min_similarity"):
        parse_facets(bad)


def test_units_without_a_word_of_the_labels_are_not_embedded():
    idx = PrototypeIndex.from_facet(parse_facets(REFUNDS)[0])
    units = ["Good morning.", "My refund never arrived.", "Also the parcel was broken."]
    assert idx.relevant(units) == ["My refund never arrived.", "Also the parcel was broken."]
