"""The table contract: every warehouse table's DDL, in one place (docs/architecture.md).

Every pipeline table carries a `day` column (the UTC date of the trace's `created`), so
re-materializing a partition is `DELETE ... WHERE day IN (...)` then `INSERT`: idempotent.
Tables keyed by content (embeddings cache, topic maps) are not day-partitioned.
"""

from __future__ import annotations

from tracetopics_pipeline.core.settings import PACKAGED_EMBED_MODEL

# The packaged model's dimension (all-MiniLM-L6-v2). Tables do not depend on it: vectors are
# FLOAT[] of whatever dimension the configured model has, and the model id says which.
EMBED_DIM = 384
# Its model id, the key its vectors are cached under (and the only model older warehouses hold).
PACKAGED_MODEL_ID = f"{PACKAGED_EMBED_MODEL}@{EMBED_DIM}"
# The topic id and label of a classification too far from every topic of its map. Only that:
# a facet's default label (NONE) is a label like any other, never no_match.
NO_MATCH = -1
NO_MATCH_LABEL = "no_match"

SCHEMA = """
CREATE TABLE IF NOT EXISTS raw_traces (
    id VARCHAR NOT NULL,
    day DATE NOT NULL,
    created TIMESTAMPTZ NOT NULL,
    project_id VARCHAR NOT NULL,
    session_id VARCHAR,
    input JSON,               -- list of messages as given (strings become one user message)
    output JSON,              -- list of messages as given
    messages JSON NOT NULL,   -- the whole conversation, OpenAI-style, tool calls included
    metadata JSON NOT NULL,
    metrics STRUCT(prompt_tokens BIGINT, completion_tokens BIGINT, total_tokens BIGINT,
                   latency_s DOUBLE, cost_usd DOUBLE),
    metrics_raw JSON,         -- every metric as given, known or not
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    truncated BOOLEAN NOT NULL DEFAULT FALSE,
    size_bytes BIGINT,
    ingested_at TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS quarantine (
    day DATE,                 -- partition the line is attributed to
    file VARCHAR NOT NULL,
    line BIGINT NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR,
    raw VARCHAR,              -- the line as text, at most its first 64 KiB (RAW_KEEP)
    ingested_at TIMESTAMPTZ DEFAULT current_timestamp,
    raw_truncated BOOLEAN DEFAULT FALSE,  -- raw holds only the line's head
    raw_bytes BIGINT,         -- a cut line's whole length in bytes (NULL: raw is all of it)
    raw_sha256 VARCHAR        -- and its SHA-256 (hex), to find it in the landing file
);
CREATE TABLE IF NOT EXISTS quarantine_accepted (
    day DATE NOT NULL,        -- a day held back for its quarantine rate, accepted by an operator
    quarantined BIGINT NOT NULL,  -- its quarantined lines then (more later hold it again)
    accepted_at TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS facet_summaries (
    day DATE NOT NULL,
    trace_id VARCHAR NOT NULL,
    facet VARCHAR NOT NULL,   -- facet name, e.g. 'Task'
    summary VARCHAR,          -- NULL when skipped or errored
    label VARCHAR,            -- for labelled facets (Sentiment, Churn risk, ...)
    labels VARCHAR[],         -- every label that applies, `label` first: Issues lists each
                              -- problem of the trace; [label] elsewhere; NULL without a label
    status VARCHAR NOT NULL,  -- ok | excluded | skipped | errored
    error VARCHAR,
    text_hash VARCHAR,        -- hash of summary; key into summary_embeddings
    backend VARCHAR,
    model VARCHAR,
    prompt_hash VARCHAR
);
CREATE TABLE IF NOT EXISTS facet_coverage (
    day DATE NOT NULL,
    facet VARCHAR NOT NULL,
    processed BIGINT, matched BIGINT, excluded BIGINT, errored BIGINT, skipped BIGINT,
    budget_skipped BIGINT DEFAULT 0  -- of `skipped`: left for a later run by the spend budget
);
CREATE TABLE IF NOT EXISTS summary_embeddings (
    text_hash VARCHAR NOT NULL,
    model VARCHAR NOT NULL,   -- model id with its dimension, e.g. 'openai:text-embedding-3-small@1536'
    embedding FLOAT[] NOT NULL,  -- L2-normalized, as long as the model's dimension
    text VARCHAR,
    created_at TIMESTAMPTZ DEFAULT current_timestamp,
    PRIMARY KEY (text_hash, model)
);
CREATE TABLE IF NOT EXISTS phrase_embeddings (
    text_hash VARCHAR NOT NULL,  -- sha1 of the phrase, as summaries' text_hash
    model VARCHAR NOT NULL,      -- model id with its dimension, as in summary_embeddings
    embedding FLOAT[] NOT NULL,  -- L2-normalized
    text VARCHAR NOT NULL,       -- a topic name's candidate phrase (or a central summary)
    last_used DATE NOT NULL,     -- the latest map day that named topics with it
    PRIMARY KEY (text_hash, model)
);
CREATE TABLE IF NOT EXISTS embedding_models (
    model_id VARCHAR PRIMARY KEY,  -- '<name>@<dim>': the key summary_embeddings rows carry
    name VARCHAR NOT NULL,    -- what TRACETOPICS_EMBED_MODEL resolves to, without the dimension
    dim INTEGER NOT NULL,
    registered_at TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS topic_maps (
    map_id VARCHAR NOT NULL,  -- '<facet>@<day>'
    facet VARCHAR NOT NULL,
    day DATE NOT NULL,
    window_start DATE, window_end DATE,
    status VARCHAR NOT NULL,  -- built | waiting
    detail VARCHAR,
    algorithm VARCHAR,
    n_docs BIGINT, n_topics BIGINT, no_match_share DOUBLE,
    prev_map_id VARCHAR,
    params JSON,
    built_at TIMESTAMPTZ DEFAULT current_timestamp,
    embed_model VARCHAR       -- model id of the vectors the map was built from
);
CREATE TABLE IF NOT EXISTS topics (
    facet VARCHAR NOT NULL,
    map_id VARCHAR NOT NULL,
    topic_id INTEGER NOT NULL,
    label VARCHAR NOT NULL,
    keywords VARCHAR[],
    size BIGINT,
    share DOUBLE,
    centroid FLOAT[],         -- in the map's embedding space (topic_maps.embed_model)
    representatives VARCHAR[],
    x DOUBLE, y DOUBLE,
    pinned BOOLEAN DEFAULT FALSE,  -- human pin (topic_overrides); label then never auto-changes
    label_source VARCHAR,          -- local | openai | override | pinned
    level VARCHAR NOT NULL DEFAULT 'sub',  -- 'parent' | 'sub' (fine); one id space per facet
    parent_id INTEGER,             -- a sub's parent's topic_id; NULL on parent rows
    facet_label VARCHAR,           -- labelled facets: the label value (competitor) it stands for
    radius DOUBLE                  -- a sub's: farthest cosine distance a text joins it at (NULL: before radii)
);
CREATE TABLE IF NOT EXISTS topic_points (
    map_id VARCHAR NOT NULL, facet VARCHAR NOT NULL, text_hash VARCHAR NOT NULL,
    topic_id INTEGER, x DOUBLE, y DOUBLE,
    parent_id INTEGER         -- the fine topic's parent (NO_MATCH when topic_id is)
);
CREATE TABLE IF NOT EXISTS topic_lineage (
    facet VARCHAR NOT NULL, map_id VARCHAR NOT NULL, prev_map_id VARCHAR,
    topic_id INTEGER, prev_topic_ids INTEGER[],
    kind VARCHAR NOT NULL     -- continued | new | merged | split | vanished
);
CREATE TABLE IF NOT EXISTS topic_overrides (
    facet VARCHAR NOT NULL, topic_id INTEGER NOT NULL,
    label VARCHAR, pinned BOOLEAN DEFAULT FALSE,
    updated_at TIMESTAMPTZ DEFAULT current_timestamp,
    merged_into INTEGER,      -- a person merged this topic into that one (core/topics/overrides)
    auto_label VARCHAR        -- the latest map's own name for a renamed topic (rename --auto)
);
CREATE TABLE IF NOT EXISTS classifications (
    day DATE NOT NULL,
    trace_id VARCHAR NOT NULL,
    facet VARCHAR NOT NULL,
    topic_id INTEGER,         -- the PARENT topic (-1 = no_match)
    label VARCHAR,            -- the parent's label, or 'no_match'
    distance DOUBLE,          -- cosine distance to the fine topic's centroid
    map_id VARCHAR,
    x DOUBLE, y DOUBLE,       -- 2-D position on the map, for the scatterplot
    subtopic_id INTEGER,      -- the fine topic, a sub of topic_id (-1 = no_match)
    subtopic VARCHAR          -- the fine topic's label, or 'no_match'
);
CREATE TABLE IF NOT EXISTS spend_ledger (
    day DATE NOT NULL,        -- UTC day the calls were made (not the traces' day)
    kind VARCHAR NOT NULL,    -- summaries | labels | embeddings
    model VARCHAR NOT NULL,
    requests BIGINT NOT NULL DEFAULT 0,
    input_tokens BIGINT NOT NULL DEFAULT 0,
    output_tokens BIGINT NOT NULL DEFAULT 0,
    usd DOUBLE NOT NULL DEFAULT 0,  -- estimated from the price table (spend/prices.py)
    priced BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at TIMESTAMPTZ DEFAULT current_timestamp,
    PRIMARY KEY (day, kind, model)
);
-- Which classification rule (topics/classify.py `classify_rule`: its code and settings) each
-- day x facet was last classified by: a changed rule re-classifies the comparison window.
CREATE TABLE IF NOT EXISTS classify_rules (
    day DATE NOT NULL,
    facet VARCHAR NOT NULL,
    rule VARCHAR NOT NULL,
    classified_at TIMESTAMPTZ DEFAULT current_timestamp
);
-- The data-quality suites that passed, by a digest of what they read (warehouse/quality.py):
-- one row per suite and days; a re-run of unchanged rows reports the pass without running it.
CREATE TABLE IF NOT EXISTS check_results (
    suite VARCHAR NOT NULL,
    days VARCHAR NOT NULL,    -- the days validated, comma-separated
    digest VARCHAR NOT NULL,  -- the rows read, the counts compared, the suite's code
    evaluated INTEGER,
    rows BIGINT,
    checked_at TIMESTAMPTZ DEFAULT current_timestamp
);
-- Columns added after a release: a warehouse made before gains them when opened for writing.
ALTER TABLE topic_overrides ADD COLUMN IF NOT EXISTS merged_into INTEGER;
-- the map's own name of a renamed topic, so `topic rename --auto` can bring it back
ALTER TABLE topic_overrides ADD COLUMN IF NOT EXISTS auto_label VARCHAR;
ALTER TABLE topics ADD COLUMN IF NOT EXISTS level VARCHAR DEFAULT 'sub';
ALTER TABLE topics ADD COLUMN IF NOT EXISTS parent_id INTEGER;
ALTER TABLE topics ADD COLUMN IF NOT EXISTS facet_label VARCHAR;
ALTER TABLE topics ADD COLUMN IF NOT EXISTS radius DOUBLE;
ALTER TABLE topic_points ADD COLUMN IF NOT EXISTS parent_id INTEGER;
ALTER TABLE classifications ADD COLUMN IF NOT EXISTS subtopic_id INTEGER;
ALTER TABLE classifications ADD COLUMN IF NOT EXISTS subtopic VARCHAR;
-- a digest of what a summary was made from: a re-run reuses it when unchanged (facets/reuse.py)
ALTER TABLE facet_summaries ADD COLUMN IF NOT EXISTS input_digest VARCHAR;
-- a quarantined line longer than 64 KiB keeps its head, length and digest (ingest/records.py)
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS raw_truncated BOOLEAN DEFAULT FALSE;
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS raw_bytes BIGINT;
ALTER TABLE quarantine ADD COLUMN IF NOT EXISTS raw_sha256 VARCHAR;
"""
