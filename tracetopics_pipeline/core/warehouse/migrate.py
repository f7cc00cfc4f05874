"""Bring a warehouse written by an earlier version up to the table contract, in place.

`ensure_schema` runs this after creating missing tables, on every writer's connect: one
catalogue query when nothing is to do. Each step is idempotent and keeps every row.

- summary_embeddings.embedding / topics.centroid were FLOAT[384] (one fixed model): now FLOAT[]
  of the model's dimension. Vectors written then came from the packaged all-MiniLM-L6-v2, so
  their model id gains its dimension ('...@384') and maps built then record that model.
- topic_maps.embed_model and facet_coverage.budget_skipped are new columns.
- facet_summaries.labels (every label of a trace) is new: filled from what older rows say. A
  local Issues summary lists every problem ("Failed tool call: ...; Loop: ..."), read back by
  issue_categories.summary_labels (a category's heading, not one inside a quoted reply, once each, in
  the rules' order) when its first is the row's label; any other labelled row gets [label]
  (the OpenAI-compatible backend gives one label).
"""

from __future__ import annotations

import duckdb

from tracetopics_pipeline.core.warehouse.schema import PACKAGED_MODEL_ID


def _columns(conn: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    rows = conn.execute(
        """SELECT table_name, column_name, data_type FROM information_schema.columns
           WHERE table_schema = 'main' AND table_catalog = current_database()
             AND table_name IN ('summary_embeddings', 'topics', 'topic_maps', 'facet_coverage',
                                'facet_summaries')"""
    ).fetchall()
    return {(t, c): d for t, c, d in rows}


def migrate(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply what an older warehouse lacks; returns the steps applied (empty when current)."""
    cols = _columns(conn)
    done: list[str] = []
    if cols.get(("summary_embeddings", "embedding"), "FLOAT[]") != "FLOAT[]":
        # A column under the primary key cannot change type: rebuild the table instead.
        conn.execute("BEGIN TRANSACTION")
        try:
            conn.execute("ALTER TABLE summary_embeddings RENAME TO summary_embeddings_old")
            conn.execute(
                """CREATE TABLE summary_embeddings (
                       text_hash VARCHAR NOT NULL, model VARCHAR NOT NULL,
                       embedding FLOAT[] NOT NULL, text VARCHAR,
                       created_at TIMESTAMPTZ DEFAULT current_timestamp,
                       PRIMARY KEY (text_hash, model))"""
            )
            conn.execute(
                """INSERT INTO summary_embeddings
                   SELECT text_hash,
                          CASE WHEN model LIKE '%@%' THEN model ELSE model || '@' ||
                               len(embedding)::VARCHAR END,
                          embedding::FLOAT[], text, created_at
                   FROM summary_embeddings_old"""
            )
            conn.execute("DROP TABLE summary_embeddings_old")
            conn.execute(
                """INSERT INTO embedding_models (model_id, name, dim)
                   SELECT DISTINCT model, regexp_replace(model, '@[0-9]+$', ''),
                          regexp_extract(model, '@([0-9]+)$', 1)::INTEGER
                   FROM summary_embeddings
                   WHERE model LIKE '%@%' ON CONFLICT DO NOTHING"""
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done.append("summary_embeddings.embedding FLOAT[]")
    if cols.get(("topics", "centroid"), "FLOAT[]") != "FLOAT[]":
        conn.execute("ALTER TABLE topics ALTER COLUMN centroid TYPE FLOAT[]")
        done.append("topics.centroid FLOAT[]")
    if ("topic_maps", "map_id") in cols and ("topic_maps", "embed_model") not in cols:
        conn.execute("ALTER TABLE topic_maps ADD COLUMN embed_model VARCHAR")
        conn.execute(
            "UPDATE topic_maps SET embed_model = ? WHERE status = 'built'", [PACKAGED_MODEL_ID]
        )
        done.append("topic_maps.embed_model")
    if ("facet_coverage", "day") in cols and ("facet_coverage", "budget_skipped") not in cols:
        conn.execute("ALTER TABLE facet_coverage ADD COLUMN budget_skipped BIGINT DEFAULT 0")
        done.append("facet_coverage.budget_skipped")
    if ("facet_summaries", "day") in cols and ("facet_summaries", "labels") not in cols:
        with_labels(conn)
        done.append("facet_summaries.labels")
    return done


def with_labels(conn: duckdb.DuckDBPyConnection) -> None:
    """Add facet_summaries.labels to an older warehouse and fill it from the rows, in one
    transaction: a local Issues summary's categories in its order, else [label]."""
    # lazily: the rules' module is needed once per warehouse, not on every connect
    from tracetopics_pipeline.core.facets.issue_categories import summary_labels

    listed = (
        "tt_summary_labels(summary)"  # issue_categories.summary_labels: summarize_issues read back
    )
    conn.create_function(
        "tt_summary_labels", summary_labels, [duckdb.sqltype("VARCHAR")],
        duckdb.list_type(duckdb.sqltype("VARCHAR")),
    )  # fmt: skip
    conn.execute("BEGIN TRANSACTION")
    try:
        conn.execute("ALTER TABLE facet_summaries ADD COLUMN labels VARCHAR[]")
        conn.execute(
            f"""UPDATE facet_summaries
                SET labels = CASE WHEN backend = 'local' AND {listed}[1] = label THEN {listed}
                                  ELSE [label] END
                WHERE label IS NOT NULL"""
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.remove_function("tt_summary_labels")
