"""SQL for analysts: the `project_logs` table macro and a read-only, sandboxed entry point.

`project_logs(project_id, shape := 'traces')` turns the warehouse's normalized tables into one
row per trace (or per message with shape => 'spans') carrying `facets` and `classifications`
structs keyed by facet key, so the queries in DESIGN.md §6 read naturally.

`run_sql` accepts a 0-based dialect of DuckDB SQL (`classifications.Task[0]` is the first
element, as in the seed document; DuckDB itself is 1-based), refuses anything that is not one
read-only query, and runs it on a read-only connection with file and network access disabled.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import sqlglot
from sqlglot import exp
from sqlglot.dialects.duckdb import DuckDB

from tracetopics_pipeline.core import settings

log = logging.getLogger(__name__)

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
FORMATS = ("table", "csv", "json", "parquet")
LOCK_WAIT_S = 3.0


class SqlRefused(ValueError):
    """The query is not a single read-only query, or reaches outside the warehouse."""


class WarehouseUnavailable(RuntimeError):
    """The warehouse is locked by a writer and no published snapshot exists."""


# --------------------------------------------------------------------------------------------
# project_logs macro
# --------------------------------------------------------------------------------------------


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


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _ident(value: str) -> str:
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


def project_logs_sql(facets: dict[str, str], *, temporary: bool = False) -> str:
    """CREATE MACRO statement for project_logs over the given facet key -> name mapping.

    The facets struct holds the label for labelled facets (Sentiment, Churn risk, ...) and the
    summary otherwise. Each classifications list holds the trace's real topic assignments,
    nearest first; a `no_match` (topic_id -1) is left out, so `classifications.Task IS NULL`
    means "no Task topic".
    """
    fs_cols = ",\n    ".join(
        f"max(coalesce(label, summary)) FILTER (WHERE facet = {_lit(name)}) AS {_ident(key)}"
        for key, name in facets.items()
    )
    cl_cols = ",\n    ".join(
        "list({'label': label, 'topic_id': topic_id, 'distance': distance} "
        f"ORDER BY distance, topic_id) FILTER (WHERE facet = {_lit(name)} AND topic_id >= 0)"
        f" AS {_ident(key)}"
        for key, name in facets.items()
    )
    fs_struct = ", ".join(f"{_ident(k)} := fs.{_ident(k)}" for k in facets)
    cl_struct = ", ".join(f"{_ident(k)} := cl.{_ident(k)}" for k in facets)
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
         coalesce(o.label, c.label) AS label
  FROM classifications c
  LEFT JOIN topic_overrides o
    ON o.facet = c.facet AND o.topic_id = c.topic_id AND o.label IS NOT NULL
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
       created, day, project_id, session_id,
       {_messages_text("input_json")} AS input,
       {_messages_text("output_json")} AS output,
       metadata, metrics, facets, classifications,
       CAST(NULL AS JSON) AS tool_calls
FROM base
WHERE shape = 'traces'
UNION ALL
SELECT id || ':' || span_index AS id, id AS trace_id, span_index, msg->>'$.role' AS role,
       created, day, project_id, session_id,
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
)
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
    conn.execute(project_logs_sql(mapping, temporary=temporary))
    return list(mapping)


# --------------------------------------------------------------------------------------------
# 0-based dialect and the sandbox
# --------------------------------------------------------------------------------------------


class ZeroBasedDuckDB(DuckDB):
    """DuckDB SQL whose list indexes count from 0. sqlglot's own offset shifting is skipped
    (it only shifts what it can type); `_shift_indexes` shifts every non-key index instead."""

    INDEX_OFFSET = 0


_DIALECT = ZeroBasedDuckDB
# Table functions a query may read from; everything else (read_csv, glob, query, ...) is refused.
ALLOWED_TABLE_FUNCTIONS = {"project_logs", "range", "generate_series", "unnest"}
_DENIED_FUNCTION = re.compile(
    r"^(read_\w+|\w+_scan|glob|sniff_csv|parquet_\w+|query|query_table|getenv|"
    r"json_execute_serialized_sql|duckdb_secrets|load_extension|install_extension|"
    r"\w*http\w*|iceberg_\w+|delta_\w+|sqlite_\w+|postgres_\w+|mysql_\w+|checkpoint|"
    r"force_checkpoint|export_database|import_database)$",
    re.IGNORECASE,
)
_ALLOWED_ROOTS = (exp.Query, exp.Describe, exp.Summarize)
_FORBIDDEN_NODES = (
    exp.Into,
    exp.Command,
    exp.Copy,
    exp.Insert,
    exp.Update,
    exp.Delete,
    exp.Create,
    exp.Drop,
    exp.Alter,
    exp.Set,
    exp.Pragma,
    exp.Attach,
    exp.Detach,
    exp.Use,
    exp.Transaction,
    exp.Commit,
    exp.Rollback,
)


def _func_name(node: exp.Func) -> str:
    if isinstance(node, exp.Anonymous):
        return str(node.name)
    return node.sql_name()


def _int_literal(node: exp.Expression) -> int | None:
    if isinstance(node, exp.Literal) and not node.is_string and re.fullmatch(r"\d+", node.this):
        return int(node.this)
    if isinstance(node, exp.Neg) and _int_literal(node.this) is not None:
        return -int(node.this.this)
    return None


def _plus_one(node: exp.Expression) -> exp.Expression:
    n = _int_literal(node)
    if n is not None:
        # negative indexes count from the end in both dialects (-1 is the last element)
        return node if n < 0 else exp.Literal.number(n + 1)
    return exp.Add(this=exp.Paren(this=node), expression=exp.Literal.number(1))


def _shift_indexes(tree: exp.Expression) -> exp.Expression:
    """Turn 0-based `x[i]` / `x[a:b]` (Python-style slice) into DuckDB's 1-based indexing."""
    for node in list(tree.find_all(exp.Bracket)):
        if len(node.expressions) != 1:
            continue
        idx = node.expressions[0]
        if isinstance(idx, exp.Slice):
            start, end = idx.args.get("this"), idx.args.get("expression")
            if start is not None:
                idx.set("this", _plus_one(start))
            n = _int_literal(end) if end is not None else None
            if n is not None and n < 0:  # Python's end is exclusive, DuckDB's inclusive
                idx.set("expression", exp.Literal.number(n - 1))
            continue
        if isinstance(idx, exp.Literal) and idx.is_string:
            continue  # struct field / map key, not a position
        node.set("expressions", [_plus_one(idx)])
    return tree


def _parse(query: str) -> exp.Expression:
    sqlglot_log = logging.getLogger("sqlglot")
    level = sqlglot_log.level
    sqlglot_log.setLevel(logging.ERROR)  # "falling back to Command" is our refusal to make
    try:
        statements = [s for s in sqlglot.parse(query, read=_DIALECT) if s is not None]
    except sqlglot.errors.ParseError as e:
        raise SqlRefused(f"cannot parse the query: {e}") from e
    finally:
        sqlglot_log.setLevel(level)
    if len(statements) != 1:
        raise SqlRefused(f"expected exactly one statement, got {len(statements)}")
    return statements[0]


def known_relations(conn: duckdb.DuckDBPyConnection) -> set[str]:
    """Lower-case `name` and `schema.name` of every table and view the connection can see."""
    rows = conn.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() "
        "UNION ALL SELECT schema_name, view_name FROM duckdb_views()"
    ).fetchall()
    out: set[str] = set()
    for schema, name in rows:
        out |= {name.lower(), f"{schema}.{name}".lower()}
    return out


def check_query(tree: exp.Expression, relations: set[str] | None = None) -> None:
    """Raise SqlRefused unless `tree` is one read-only query over warehouse tables.

    `relations` (from known_relations) restricts plain table names to existing tables/views;
    that is what keeps `FROM '/etc/passwd'`-style file scans out, with a clear message.
    """
    if not isinstance(tree, _ALLOWED_ROOTS):
        kind = tree.key.upper() if isinstance(tree, exp.Expression) else type(tree).__name__
        if isinstance(tree, exp.Command):
            kind = str(tree.this).upper()
        raise SqlRefused(
            f"{kind} is not allowed: the SQL entry point runs one read-only query "
            "(SELECT / WITH / VALUES / DESCRIBE / SUMMARIZE)"
        )
    for node in tree.walk():
        if isinstance(node, _FORBIDDEN_NODES):
            raise SqlRefused(f"{node.key.upper()} is not allowed in a read-only query")
    ctes = {str(c.alias).lower() for c in tree.find_all(exp.CTE)}
    for func in tree.find_all(exp.Func):
        name = _func_name(func).lower()
        if _DENIED_FUNCTION.match(name):
            raise SqlRefused(
                f"{name}() is not allowed: the SQL entry point cannot read files or the network"
            )
    for table in tree.find_all(exp.Table):
        src = table.this
        if isinstance(src, exp.Func):
            name = _func_name(src).lower()
            if isinstance(src, (exp.GenerateSeries, exp.ExplodingGenerateSeries, exp.Unnest)):
                continue
            if name not in ALLOWED_TABLE_FUNCTIONS:
                raise SqlRefused(
                    f"table function {name}() is not allowed; read warehouse tables or "
                    "project_logs(...)"
                )
            continue
        name = table.name
        if not isinstance(src, exp.Identifier) or re.search(r"[/\\:~]|\.\w+$", name):
            raise SqlRefused(f"{name!r} looks like a file: the SQL entry point cannot read files")
        full = ".".join(p for p in (table.db, name) if p).lower()
        if relations is not None and name.lower() not in ctes and full not in relations:
            raise SqlRefused(
                f"unknown table {full!r}: query warehouse tables, marts.* or project_logs(...)"
            )


# --------------------------------------------------------------------------------------------
# BTQL-style --where filters
# --------------------------------------------------------------------------------------------


def _column_parts(col: exp.Column) -> list[str]:
    return [p.name for p in col.parts]


def compile_where(where: str) -> exp.Expression:
    """Compile a BTQL-style filter over project_logs columns into a DuckDB condition.

    - double-quoted strings are values: `facets.sentiment = "NEGATIVE"`;
    - `classifications.<Facet>.<field>` without an index means "any element":
      `classifications.Task.label = "Dataset creation"` matches a trace with that topic;
      `classifications.Task[0].label` is the first (nearest) element, 0-based;
    - `metadata.<path>` reads the JSON metadata as text: `metadata.plan_tier = "enterprise"`.
    """
    tree = _parse(where)
    if isinstance(tree, exp.Query):
        raise SqlRefused("--where takes a condition, not a query")

    def values(node: exp.Expression) -> exp.Expression:
        if (
            isinstance(node, exp.Column)
            and not node.table
            and isinstance(node.this, exp.Identifier)
            and node.this.quoted
        ):
            return exp.Literal.string(node.name)
        if isinstance(node, exp.Column) and node.parts and node.parts[0].name.lower() == "metadata":
            path = _column_parts(node)[1:]
            if path:
                return exp.func(
                    "json_extract_string",
                    exp.column("metadata"),
                    exp.Literal.string("$." + ".".join(path)),
                )
        return node

    tree = tree.transform(values)
    tree = _shift_indexes(tree)

    def any_element(node: exp.Expression) -> exp.Expression:
        if not isinstance(node, exp.Predicate):
            return node
        paths = [
            c
            for c in node.find_all(exp.Column)
            if len(c.parts) == 3 and c.parts[0].name.lower() == "classifications"
        ]
        if not paths:
            return node
        facets_used = {c.parts[1].name.lower() for c in paths}
        if len(facets_used) > 1:
            raise SqlRefused("one condition can test one classification list at a time")
        facet = paths[0].parts[1].name
        pred = node.copy()
        for c in list(pred.find_all(exp.Column)):
            if len(c.parts) == 3 and c.parts[0].name.lower() == "classifications":
                c.replace(exp.column(c.parts[2].name, table="_e"))
        lst = exp.column(facet, table="classifications")
        matches = exp.func(
            "list_filter", lst, exp.Lambda(this=pred, expressions=[exp.to_identifier("_e")])
        )
        return exp.GT(
            this=exp.func("coalesce", exp.func("len", matches), exp.Literal.number(0)),
            expression=exp.Literal.number(0),
        )

    return tree.transform(any_element)


def _apply_where(tree: exp.Expression, cond: exp.Expression) -> exp.Expression:
    """Filter every project_logs(...) the query reads by `cond`."""
    found = False
    for table in list(tree.find_all(exp.Table)):
        if isinstance(table.this, exp.Func) and _func_name(table.this).lower() == "project_logs":
            found = True
            alias = table.alias or "project_logs"
            inner = exp.select("*").from_(exp.Table(this=table.this.copy())).where(cond.copy())
            table.replace(
                exp.Subquery(this=inner, alias=exp.TableAlias(this=exp.to_identifier(alias)))
            )
    if not found:
        raise SqlRefused("--where filters project_logs(...) rows, and the query reads none")
    return tree


DEFAULT_QUERY = (
    "SELECT id, created, facets, classifications FROM project_logs(NULL) "
    "ORDER BY created DESC LIMIT 100"
)


def to_duckdb(query: str, *, where: str | None = None) -> exp.Expression:
    """Parse 0-based SQL (plus an optional --where) into a DuckDB-ready, unchecked tree."""
    tree = _shift_indexes(_parse(query or DEFAULT_QUERY))
    if where:
        tree = _apply_where(tree, compile_where(where))
    return tree


# --------------------------------------------------------------------------------------------
# connections and execution
# --------------------------------------------------------------------------------------------


@dataclass
class SqlResult:
    table: pa.Table
    sql: str  # the DuckDB SQL that ran
    source: str  # 'warehouse' or 'snapshot <folder>'
    notice: str | None = None

    def frame(self) -> Any:
        import polars as pl

        return pl.from_arrow(self.table)


def _lock_down(conn: duckdb.DuckDBPyConnection, allowed_dir: Path | None = None) -> None:
    """No files, network, extensions or Python-variable scans from here on, and no way back."""
    conn.execute("SET python_enable_replacements = false")
    conn.execute("SET autoinstall_known_extensions = false")
    conn.execute("SET autoload_known_extensions = false")
    if allowed_dir is not None:  # snapshot views read their own Parquet files, nothing else
        conn.execute(f"SET allowed_directories = [{_lit(str(allowed_dir) + '/')}]")
    conn.execute("SET enable_external_access = false")
    conn.execute("SET lock_configuration = true")


def _is_lock_error(e: Exception) -> bool:
    return "lock" in str(e).lower()


def _open_snapshot(folder: Path) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect(":memory:")
    conn.execute("SET TimeZone = 'UTC'")
    conn.execute("CREATE SCHEMA IF NOT EXISTS marts")
    for pq in sorted(folder.glob("*.parquet")):
        stem = pq.stem
        name = (
            f"marts.{_ident(stem.split('__', 1)[1])}"
            if stem.startswith("marts__")
            else _ident(stem)
        )
        conn.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({_lit(str(pq))})")
    # project_logs needs these even when the snapshot lacks them
    from tracetopics_pipeline.core.warehouse import SCHEMA

    for stmt in SCHEMA.split(";"):
        m = re.search(r"CREATE TABLE IF NOT EXISTS (\w+)", stmt)
        if m and not (folder / f"{m.group(1)}.parquet").exists():
            conn.execute(stmt.replace("CREATE TABLE", "CREATE TEMP TABLE"))
    return conn


def open_readonly(
    warehouse: Path | None = None, *, wait_s: float = LOCK_WAIT_S
) -> tuple[duckdb.DuckDBPyConnection, str, str | None]:
    """A locked-down read-only connection: the warehouse, or the published snapshot while a
    pipeline run holds the write lock. Returns (connection, source, notice)."""
    path = Path(warehouse) if warehouse else settings.paths().warehouse
    if not path.exists():
        raise WarehouseUnavailable(f"no warehouse at {path}: run the pipeline first")
    deadline = time.monotonic() + wait_s
    while True:
        try:
            conn = duckdb.connect(str(path), read_only=True)
            conn.execute("SET TimeZone = 'UTC'")
            install_project_logs(conn, temporary=True)
            _lock_down(conn)
            return conn, "warehouse", None
        except duckdb.Error as e:
            if not _is_lock_error(e):
                raise
            if time.monotonic() >= deadline:
                break
            time.sleep(0.25)
    from tracetopics_pipeline.core.warehouse.snapshot import current_snapshot

    snap_root = path.parent / "snapshot"
    folder = current_snapshot(snap_root)
    if folder is None:
        raise WarehouseUnavailable(
            f"the warehouse {path} is locked by a running pipeline and no snapshot has been "
            "published yet; retry when the run finishes"
        )
    conn = _open_snapshot(folder)
    install_project_logs(conn, temporary=True)
    _lock_down(conn, allowed_dir=folder)
    notice = (
        f"the warehouse is busy (a pipeline run holds the write lock); "
        f"answering from the snapshot {folder.name}"
    )
    return conn, f"snapshot {folder.name}", notice


def execute_sql(
    query: str,
    *,
    where: str | None = None,
    warehouse: Path | None = None,
    conn: duckdb.DuckDBPyConnection | None = None,
) -> SqlResult:
    """Check, translate and run one 0-based read-only query; returns an Arrow table.

    With `conn` (already locked down by the caller, e.g. the explorer), runs there;
    otherwise opens the warehouse read-only (or the snapshot while it is locked).
    """
    tree = to_duckdb(query, where=where)
    check_query(tree)  # refuse before touching the warehouse
    own = conn is None
    source, notice = "connection", None
    if own:
        conn, source, notice = open_readonly(warehouse)
    try:
        check_query(tree, known_relations(conn))
        sql = tree.sql(dialect=_DIALECT)
        try:
            table = conn.sql(sql).to_arrow_table()
        except duckdb.PermissionException as e:
            raise SqlRefused(f"refused by the sandbox: {e}") from e
        if notice:
            log.warning(notice)
        return SqlResult(table=table, sql=sql, source=source, notice=notice)
    finally:
        if own:
            conn.close()


# --------------------------------------------------------------------------------------------
# output formats
# --------------------------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _cell(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, default=_json_default, ensure_ascii=False)
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def format_table(table: pa.Table, *, max_width: int = 60) -> str:
    """Aligned plain-text table; long cells are cut with an ellipsis."""
    cols = table.column_names
    rows = [
        [
            (c if len(c) <= max_width else c[: max_width - 1] + "…").replace("\n", " ")
            for c in (_cell(r[k]) for k in cols)
        ]
        for r in table.to_pylist()
    ]
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(cols)]
    numeric = [pa.types.is_integer(t) or pa.types.is_floating(t) for t in table.schema.types]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if num else c.ljust(w)
            for c, w, num in zip(cells, widths, numeric, strict=True)
        ).rstrip()

    out = [line(cols), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def format_csv(table: pa.Table) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(table.column_names)
    for r in table.to_pylist():
        writer.writerow(
            "" if v is None else (_cell(v) if isinstance(v, dict | list | datetime) else v)
            for v in r.values()
        )
    return buf.getvalue()


def format_json(table: pa.Table) -> str:
    return json.dumps(table.to_pylist(), default=_json_default, ensure_ascii=False, indent=2)


def parquet_target(output: Path | str | None) -> Path:
    """Where a parquet export may go: inside the current directory or $TRACETOPICS_HOME/exports
    (default: exports/sql-<UTC time>.parquet). Anything else is refused."""
    exports = settings.paths().exports
    if output is None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        return exports / f"sql-{stamp}.parquet"
    target = Path(output).expanduser().resolve()
    if target.suffix.lower() != ".parquet":
        raise SqlRefused(f"parquet output must end in .parquet: {target}")
    for root in (Path.cwd().resolve(), exports.resolve()):
        if target.is_relative_to(root):
            return target
    raise SqlRefused(f"parquet output {target} must be inside the current directory or {exports}")


def format_result(
    result: SqlResult | pa.Table, fmt: str = "table", *, output: Path | str | None = None
) -> str:
    """Render a result as table/csv/json text, or write parquet and say where."""
    table = result.table if isinstance(result, SqlResult) else result
    if fmt == "table":
        return format_table(table)
    if fmt == "csv":
        return format_csv(table)
    if fmt == "json":
        return format_json(table)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        target = parquet_target(output)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        pq.write_table(table, tmp)
        tmp.replace(target)
        return f"wrote {table.num_rows} rows to {target}"
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def run_sql(
    query: str,
    *,
    where: str | None = None,
    fmt: str = "table",
    warehouse: Path | None = None,
    output: Path | str | None = None,
) -> str:
    """`tracetopics sql`: run one read-only 0-based query and render it (see docs/sql.md).

    Raises SqlRefused for anything but a single read, WarehouseUnavailable when there is
    nothing to read. `output` is the parquet file for fmt='parquet'.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        parquet_target(output)  # refuse a bad path before running anything
    return format_result(execute_sql(query, where=where, warehouse=warehouse), fmt, output=output)
