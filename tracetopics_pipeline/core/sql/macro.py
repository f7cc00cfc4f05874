"""The `project_logs(project_id, shape := 'traces')` table macro: one row per trace (or per
message with shape => 'spans') with `facets` and `classifications` structs keyed by facet key,
so the seed's queries (docs/sql.md) read naturally."""

from __future__ import annotations

import re
from collections.abc import Iterable

import duckdb

from tracetopics_pipeline.core.warehouse import NO_MATCH, NO_MATCH_LABEL

# Facets the product ships; the struct keys always include them so the seed's queries bind
# on an empty warehouse too. Facets found in the data or the facet file are added.
BUILTIN_FACETS = (
    "Task",
    "Sentiment",
    "Issues",
    "Feature request",
    "Competitor mention",
    "Pricing question",
    "Churn risk",
)


def facet_key(name: str) -> str:
    """Struct key of a facet: 'Task' -> 'task', 'Churn risk' -> 'churn_risk' (core.facets rule)."""
    key = re.sub(r"[^0-9a-zA-Z]+", "_", name.strip()).strip("_").lower()
    return key if key and not key[0].isdigit() else f"f_{key}"


def _configured_facet_names() -> list[str]:
    try:  # the facet file is optional here: a broken one must not break SQL access
        from tracetopics_pipeline.core.facets.definitions import load_facets

        return [f.name for f in load_facets()]
    except Exception:  # noqa: BLE001
        return []


def _table_exists(conn: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND schema_name = 'main'"
        " AND database_name = current_database()",
        [name],
    ).fetchone()
    return bool(row and row[0])


def facet_names(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Facet key -> facet name: built-ins, the facet file, then whatever the data holds."""
    names: list[str] = [*BUILTIN_FACETS, *_configured_facet_names()]
    for table in ("facet_summaries", "classifications"):
        if _table_exists(conn, table):
            rows = conn.execute(f"SELECT DISTINCT facet FROM {table} ORDER BY facet").fetchall()
            names += [r[0] for r in rows if r[0]]
    out: dict[str, str] = {}
    for name in names:
        out.setdefault(facet_key(name), name)
    return out


def sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def sql_ident(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _content(m: str) -> str:
    """SQL for one JSON message's text: its content string, or its typed parts' text."""
    return (
        f"CASE WHEN json_type({m}, '$.content') = 'ARRAY' "
        f"THEN array_to_string(json_extract_string({m}, '$.content[*].text'), chr(10)) "
        f"ELSE {m}->>'$.content' END"
    )


def _messages_text(col: str) -> str:
    """SQL for the text of a JSON list of messages, one message per line."""
    return (
        f"CASE json_type({col}) "
        f"WHEN 'ARRAY' THEN nullif(array_to_string(list_transform(CAST({col} AS JSON[]), "
        f"lambda m: {_content('m')}), chr(10)), '') "
        f"WHEN 'VARCHAR' THEN {col}->>'$' END"
    )


def _has_subtopics(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether classifications has the fine level (a warehouse or snapshot from before two
    levels has not, until its next run)."""
    try:
        conn.execute("SELECT subtopic_id, subtopic FROM classifications LIMIT 0").fetchall()
    except duckdb.Error:
        return False
    return True


def project_logs_sql(
    facets: dict[str, str], *, temporary: bool = False, subtopics: bool = True
) -> str:
    """CREATE MACRO statement for project_logs over the given facet key -> name mapping.

    Inside a DuckDB macro an unqualified name equal to a parameter IS the parameter: the body
    writes `project_id` bare only where it means the argument, and `r.project_id`,
    `base.project_id`, ... for the column (else the column becomes the argument's value).

    The facets struct holds the label for labelled facets (Sentiment, Churn risk, ...) and the
    summary otherwise. Each classifications list holds the trace's topic assignments, nearest
    first; a `no_match` (too far from every topic) is an element as on every other surface
    (`{label: 'no_match', topic_id: -1, subtopic: 'no_match', subtopic_id: -1}`: review rv13, it
    read NULL, as a trace never classified does), so `classifications.Task IS NULL` means "not
    classified" and `classifications.Task[0].topic_id = -1` "no Task topic". Each element's `label` / `topic_id` is the parent topic, the level
    the seed's queries group by; `subtopic` / `subtopic_id` the fine topic under it (NULL when
    `subtopics` is false: a classifications table from before two levels).
    """
    fs_cols = ",\n    ".join(
        f"max(coalesce(label, summary)) FILTER (WHERE facet = {sql_literal(name)}) AS {sql_ident(key)}"
        for key, name in facets.items()
    )
    cl_cols = ",\n    ".join(
        "list({'label': label, 'topic_id': topic_id, 'subtopic': subtopic, "
        "'subtopic_id': subtopic_id, 'distance': distance} "
        f"ORDER BY distance, topic_id) FILTER (WHERE facet = {sql_literal(name)}"
        f" AND topic_id >= {NO_MATCH})"
        f" AS {sql_ident(key)}"
        for key, name in facets.items()
    )
    fs_struct = ", ".join(f"{sql_ident(k)} := fs.{sql_ident(k)}" for k in facets)
    cl_struct = ", ".join(f"{sql_ident(k)} := cl.{sql_ident(k)}" for k in facets)
    if subtopics:
        sub_cols = (
            f"CASE WHEN c.subtopic_id >= {NO_MATCH} THEN c.subtopic_id END AS subtopic_id, "
            "CASE WHEN c.subtopic_id >= 0 THEN coalesce(so.label, c.subtopic)"
            f" WHEN c.subtopic_id = {NO_MATCH} THEN '{NO_MATCH_LABEL}' END AS subtopic"
        )
        sub_join = (
            "LEFT JOIN topic_overrides so ON so.facet = c.facet"
            " AND so.topic_id = c.subtopic_id AND so.label IS NOT NULL"
        )
    else:
        sub_cols = "CAST(NULL AS INTEGER) AS subtopic_id, CAST(NULL AS VARCHAR) AS subtopic"
        sub_join = ""
    # one message rendered as its content, or its tool calls when it only calls tools
    span_text = f"coalesce(nullif({_content('msg')}, ''), CAST(msg->'$.tool_calls' AS VARCHAR))"
    return f"""
CREATE OR REPLACE {"TEMP " if temporary else ""}MACRO project_logs(project_id, shape := 'traces') AS TABLE
WITH tt_traces AS (
  SELECT * FROM raw_traces
  WHERE project_id IS NULL OR project_id = '*' OR raw_traces.project_id = project_id
), fs AS (
  SELECT trace_id,
    {fs_cols}
  FROM facet_summaries
  WHERE trace_id IN (SELECT id FROM tt_traces)
  GROUP BY trace_id
), cl AS (
  SELECT c.trace_id, c.facet, c.topic_id, c.distance,
         coalesce(o.label, c.label) AS label,
         {sub_cols}
  FROM classifications c
  LEFT JOIN topic_overrides o
    ON o.facet = c.facet AND o.topic_id = c.topic_id AND o.label IS NOT NULL
  {sub_join}
  WHERE c.trace_id IN (SELECT id FROM tt_traces)
), cl_lists AS (
  SELECT trace_id,
    {cl_cols}
  FROM cl
  GROUP BY trace_id
), base AS (
  SELECT r.id, r.day, r.created, r.project_id, r.session_id,
         r.input AS input_json, r.output AS output_json, r.messages,
         r.metadata, r.metrics,
         struct_pack({fs_struct}) AS facets,
         struct_pack({cl_struct}) AS classifications
  FROM tt_traces r
  LEFT JOIN fs ON fs.trace_id = r.id
  LEFT JOIN cl_lists cl ON cl.trace_id = r.id
)
SELECT id, id AS trace_id, CAST(NULL AS BIGINT) AS span_index, CAST(NULL AS VARCHAR) AS role,
       created, day, base.project_id, session_id,
       {_messages_text("input_json")} AS input,
       {_messages_text("output_json")} AS output,
       metadata, metrics, facets, classifications,
       CAST(NULL AS JSON) AS tool_calls
FROM base
WHERE shape = 'traces'
UNION ALL
SELECT id || ':' || span_index AS id, id AS trace_id, span_index, msg->>'$.role' AS role,
       created, day, spans.project_id, session_id,
       CASE WHEN msg->>'$.role' = 'assistant' THEN NULL ELSE {span_text} END AS input,
       CASE WHEN msg->>'$.role' = 'assistant' THEN {span_text} END AS output,
       metadata, CAST(NULL AS STRUCT(prompt_tokens BIGINT, completion_tokens BIGINT,
         total_tokens BIGINT, latency_s DOUBLE, cost_usd DOUBLE)) AS metrics,
       facets, classifications,
       msg->'$.tool_calls' AS tool_calls
FROM (
  SELECT b.*, unnest(b.msgs) AS msg, generate_subscripts(b.msgs, 1) - 1 AS span_index
  FROM (SELECT *, CAST(messages AS JSON[]) AS msgs FROM base
        WHERE shape = 'spans' AND json_type(messages) = 'ARRAY') b
) spans
"""


def install_project_logs(
    conn: duckdb.DuckDBPyConnection,
    *,
    temporary: bool = False,
    facets: Iterable[str] | None = None,
) -> list[str]:
    """Create (or replace) the project_logs table macro; returns the facet keys of its structs.

    The pipeline installs it persistently after classification, so BI tools that open the
    warehouse see it; a read-only connection gets a TEMP one (which shadows the stored one).
    """
    mapping = facet_names(conn)
    for name in facets or ():
        mapping.setdefault(facet_key(name), name)
    conn.execute(project_logs_sql(mapping, temporary=temporary, subtopics=_has_subtopics(conn)))
    return list(mapping)
