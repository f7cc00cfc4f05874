"""The table contract: every warehouse table's DDL, in one place (docs/architecture.md).

Every pipeline table carries a `day` column (the UTC date of the trace's `created`), so
re-materializing a partition is `DELETE ... WHERE day IN (...)` then `INSERT`: idempotent.
Tables keyed by content (embeddings cache, topic maps) are not day-partitioned.
"""

from __future__ import annotations

EMBED_DIM = 384
# The topic id and label of a classification too far from every topic of its map. Only that:
# a facet's default label (NONE) is a label like any other, never no_match.
NO_MATCH = -1
NO_MATCH_LABEL = "no_match"

SCHEMA = f"""
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
    raw VARCHAR,
    ingested_at TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS facet_summaries (
    day DATE NOT NULL,
    trace_id VARCHAR NOT NULL,
    facet VARCHAR NOT NULL,   -- facet name, e.g. 'Task'
    summary VARCHAR,          -- NULL when skipped or errored
    label VARCHAR,            -- for labelled facets (Sentiment, Churn risk, ...)
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
    processed BIGINT, matched BIGINT, excluded BIGINT, errored BIGINT, skipped BIGINT
);
CREATE TABLE IF NOT EXISTS summary_embeddings (
    text_hash VARCHAR NOT NULL,
    model VARCHAR NOT NULL,
    embedding FLOAT[{EMBED_DIM}] NOT NULL,
    text VARCHAR,
    created_at TIMESTAMPTZ DEFAULT current_timestamp,
    PRIMARY KEY (text_hash, model)
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
    built_at TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS topics (
    facet VARCHAR NOT NULL,
    map_id VARCHAR NOT NULL,
    topic_id INTEGER NOT NULL,
    label VARCHAR NOT NULL,
    keywords VARCHAR[],
    size BIGINT,
    share DOUBLE,
    centroid FLOAT[{EMBED_DIM}],
    representatives VARCHAR[],
    x DOUBLE, y DOUBLE,
    pinned BOOLEAN DEFAULT FALSE,  -- human pin (topic_overrides); label then never auto-changes
    label_source VARCHAR           -- local | openai | override | pinned
);
CREATE TABLE IF NOT EXISTS topic_points (
    map_id VARCHAR NOT NULL, facet VARCHAR NOT NULL, text_hash VARCHAR NOT NULL,
    topic_id INTEGER, x DOUBLE, y DOUBLE
);
CREATE TABLE IF NOT EXISTS topic_lineage (
    facet VARCHAR NOT NULL, map_id VARCHAR NOT NULL, prev_map_id VARCHAR,
    topic_id INTEGER, prev_topic_ids INTEGER[],
    kind VARCHAR NOT NULL     -- continued | new | merged | split | vanished
);
CREATE TABLE IF NOT EXISTS topic_overrides (
    facet VARCHAR NOT NULL, topic_id INTEGER NOT NULL,
    label VARCHAR, pinned BOOLEAN DEFAULT FALSE,
    updated_at TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS classifications (
    day DATE NOT NULL,
    trace_id VARCHAR NOT NULL,
    facet VARCHAR NOT NULL,
    topic_id INTEGER,         -- -1 = no_match
    label VARCHAR,            -- topic label, or 'no_match'
    distance DOUBLE,          -- cosine distance to the topic centroid
    map_id VARCHAR,
    x DOUBLE, y DOUBLE        -- 2-D position on the map, for the scatterplot
);
"""
