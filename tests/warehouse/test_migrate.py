"""A warehouse written before model ids carried a dimension is brought up to date in place."""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.topics import embed
from tracetopics_pipeline.core.warehouse.migrate import migrate

# The tables that changed, as the previous version created them (frozen here on purpose).
OLD_DDL = """
CREATE TABLE facet_coverage (
    day DATE NOT NULL, facet VARCHAR NOT NULL,
    processed BIGINT, matched BIGINT, excluded BIGINT, errored BIGINT, skipped BIGINT);
CREATE TABLE summary_embeddings (
    text_hash VARCHAR NOT NULL, model VARCHAR NOT NULL, embedding FLOAT[384] NOT NULL,
    text VARCHAR, created_at TIMESTAMPTZ DEFAULT current_timestamp,
    PRIMARY KEY (text_hash, model));
CREATE TABLE topic_maps (
    map_id VARCHAR NOT NULL, facet VARCHAR NOT NULL, day DATE NOT NULL,
    window_start DATE, window_end DATE, status VARCHAR NOT NULL, detail VARCHAR,
    algorithm VARCHAR, n_docs BIGINT, n_topics BIGINT, no_match_share DOUBLE,
    prev_map_id VARCHAR, params JSON, built_at TIMESTAMPTZ DEFAULT current_timestamp);
CREATE TABLE topics (
    facet VARCHAR NOT NULL, map_id VARCHAR NOT NULL, topic_id INTEGER NOT NULL,
    label VARCHAR NOT NULL, keywords VARCHAR[], size BIGINT, share DOUBLE,
    centroid FLOAT[384], representatives VARCHAR[], x DOUBLE, y DOUBLE,
    pinned BOOLEAN DEFAULT FALSE, label_source VARCHAR);
"""


def test_old_warehouse_is_migrated_in_place_and_keeps_every_row(tmp_path):
    path = tmp_path / "old.duckdb"
    v = np.random.default_rng(0).normal(size=(3, 384)).astype(np.float32)
    old = duckdb.connect(str(path))
    old.execute(OLD_DDL)
    for i in range(3):
        old.execute(
            "INSERT INTO summary_embeddings (text_hash, model, embedding, text) VALUES (?, ?, ?, ?)",
            [f"h{i}", "sentence-transformers/all-MiniLM-L6-v2", v[i].tolist(), f"text {i}"],
        )
    old.execute(
        "INSERT INTO topic_maps (map_id, facet, day, status) VALUES "
        "('Task@2026-11-01', 'Task', '2026-11-01', 'built'), "
        "('Issues@2026-11-01', 'Issues', '2026-11-01', 'waiting')"
    )
    old.execute(
        "INSERT INTO topics (facet, map_id, topic_id, label, centroid) VALUES "
        "('Task', 'Task@2026-11-01', 0, 'Export', ?)",
        [v[0].tolist()],
    )
    old.execute("INSERT INTO facet_coverage VALUES ('2026-11-01', 'Task', 5, 4, 0, 0, 1)")
    old.close()

    conn = warehouse.connect(path)  # a writer's connect migrates
    model = warehouse.PACKAGED_MODEL_ID
    assert conn.execute(
        "SELECT list(DISTINCT model), min(len(embedding)), any_value(typeof(embedding)) "
        "FROM summary_embeddings"
    ).fetchall() == [([model], 384, "FLOAT[]")]
    hashes, x = embed.load_embeddings(conn, ["h0", "h1", "h2"], model=model)
    assert sorted(hashes) == ["h0", "h1", "h2"]
    assert np.allclose(x[hashes.index("h1")], v[1])
    assert conn.execute("SELECT model_id, dim FROM embedding_models").fetchall() == [(model, 384)]
    assert dict(conn.execute("SELECT map_id, embed_model FROM topic_maps").fetchall()) == {
        "Task@2026-11-01": model,  # built with the only model there was
        "Issues@2026-11-01": None,
    }
    assert conn.execute("SELECT typeof(centroid), len(centroid) FROM topics").fetchall() == [
        ("FLOAT[]", 384)
    ]
    assert conn.execute("SELECT * FROM facet_coverage").fetchall() == [
        (date(2026, 11, 1), "Task", 5, 4, 0, 0, 1, 0)
    ]
    assert migrate(conn) == []  # idempotent: nothing left to do
    conn.close()


# facet_summaries as the version before facet_summaries.labels created it (frozen on purpose).
OLD_SUMMARIES = """
CREATE TABLE facet_summaries (
    day DATE NOT NULL, trace_id VARCHAR NOT NULL, facet VARCHAR NOT NULL, summary VARCHAR,
    label VARCHAR, status VARCHAR NOT NULL, error VARCHAR, text_hash VARCHAR, backend VARCHAR,
    model VARCHAR, prompt_hash VARCHAR, input_digest VARCHAR);
"""


def test_an_older_warehouse_gains_every_label_of_its_summaries(tmp_path):
    """facet_summaries.labels is filled from what the rows say: a local Issues summary lists
    every problem (its detail may hold "; " too); the OpenAI-compatible backend's and the
    other labelled facets' rows keep their one label; a row without a label gets none."""
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute(OLD_SUMMARIES)
    rows = [
        ("both", "Issues", "Failed tool call: get_order returned 'a; b'; Loop: called "
         "search_orders with the same arguments 3 times", "FAILED_TOOL_CALL", "local"),
        ("none", "Issues", "NONE", "NONE", "local"),
        ("model", "Issues", "Failed tool call: x; Loop: y", "FAILED_TOOL_CALL", "openai"),
        ("fitted", "Issues", "LOOP by the model fitted on your labelled traces; the rules said "
         "REFUSAL: Refusal: can't x", "LOOP", "local"),
        ("mood", "Sentiment", "User thanked the agent.", "POSITIVE", "local"),
        ("task", "Task", "Reset a password", None, "local"),
    ]  # fmt: skip
    for tid, facet, summary, label, backend in rows:
        old.execute(
            "INSERT INTO facet_summaries (day, trace_id, facet, summary, label, status, backend) "
            "VALUES ('2026-11-01', ?, ?, ?, ?, 'ok', ?)",
            [tid, facet, summary, label, backend],
        )
    old.close()

    conn = warehouse.connect(path)  # a writer's connect migrates
    assert dict(conn.execute("SELECT trace_id, labels FROM facet_summaries").fetchall()) == {
        "both": ["FAILED_TOOL_CALL", "LOOP"],
        "none": ["NONE"],
        "model": ["FAILED_TOOL_CALL"],  # one label from the model: its summary is not read
        "fitted": ["LOOP"],  # the fitted model's label replaced the rules' answer
        "mood": ["POSITIVE"],
        "task": None,
    }
    assert conn.execute("SELECT count(*) FROM facet_summaries").fetchone() == (6,)
    assert migrate(conn) == []  # idempotent: nothing left to do
    conn.close()


def test_the_fill_reads_a_category_heading_only_where_a_problem_starts(tmp_path):
    """A detail may hold "; Timeout: ..." itself (a quoted tool reply or agent turn): that is
    no second problem. A heading counts outside a quote, once per category; real second
    problems (in any order), apostrophes and quotes that closed still read as before."""
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute(OLD_SUMMARIES)
    rows = {
        # must not add a label
        "quoted": ("Failed tool call: get_plan failed (agent reported 'Upstream said; Timeout: "
                   "retry in 30 s')", "FAILED_TOOL_CALL"),
        "dquoted": ('Refusal: declined (said "no; Loop: again")', "REFUSAL"),
        "twice": ("Failed tool call: a; Failed tool call: b", "FAILED_TOOL_CALL"),
        # must still read every problem
        "three": ("Timeout: get_x took 41 s; Failed tool call: y returned 500; Loop: z",
                  "TIMEOUT"),
        "unordered": ("Loop: called search 3 times; Timeout: get_x took 41 s", "LOOP"),
        "closed": ("Failed tool call: get_order returned 'a; b'; Loop: called it 3 times",
                   "FAILED_TOOL_CALL"),
        "apostrophe": ("Failed tool call: user's card declined; Incomplete answer: no reply",
                       "FAILED_TOOL_CALL"),
    }  # fmt: skip
    for tid, (summary, label) in rows.items():
        old.execute(
            "INSERT INTO facet_summaries (day, trace_id, facet, summary, label, status, backend) "
            "VALUES ('2026-11-01', ?, 'Issues', ?, ?, 'ok', 'local')",
            [tid, summary, label],
        )
    old.close()

    conn = warehouse.connect(path)
    assert dict(conn.execute("SELECT trace_id, labels FROM facet_summaries").fetchall()) == {
        "quoted": ["FAILED_TOOL_CALL"],
        "dquoted": ["REFUSAL"],
        "twice": ["FAILED_TOOL_CALL"],
        "three": ["TIMEOUT", "FAILED_TOOL_CALL", "LOOP"],
        "unordered": ["LOOP", "TIMEOUT"],
        "closed": ["FAILED_TOOL_CALL", "LOOP"],
        "apostrophe": ["FAILED_TOOL_CALL", "INCOMPLETE_ANSWER"],
    }
    conn.close()
