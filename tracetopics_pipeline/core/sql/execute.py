"""Connections and execution: read-only, locked down and resource-limited (`limits`), with a
short wait for a busy writer and the published snapshot as fallback; `run_sql` is what
`tracetopics sql` calls."""

from __future__ import annotations

import contextlib
import difflib
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from sqlglot import exp

from tracetopics_pipeline.core import settings
from tracetopics_pipeline.core.sql.errors import SqlRefused, SqlUnknownName, WarehouseUnavailable
from tracetopics_pipeline.core.sql.formats import FORMATS, format_result, output_target
from tracetopics_pipeline.core.sql.limits import (
    HardStop,
    SqlLimits,
    clean_spill,
    fetch_limited,
)
from tracetopics_pipeline.core.sql.limits import spill_dir as limits_spill_dir
from tracetopics_pipeline.core.sql.macro import (
    facet_key,
    facet_names,
    install_project_logs,
    sql_ident,
    sql_literal,
)
from tracetopics_pipeline.core.sql.sandbox import DIALECT, check_query, func_name, known_relations
from tracetopics_pipeline.core.sql.where import asked_labels, to_duckdb
from tracetopics_pipeline.core.warehouse.connection import lock_holder

MAX_QUERY_CHARS = 200_000  # ~3 s to parse and check here; a 2 MB IN list took 36 s and 1.3 GB
TOO_DEEP = (
    "the query nests too deeply to check or run; flatten it (fewer nested brackets, "
    "subqueries or chained operators)"
)
log = logging.getLogger(__name__)
LOCK_WAIT_S = 3.0


@dataclass
class SqlResult:
    table: pa.Table
    sql: str  # the DuckDB SQL that ran
    source: str  # 'warehouse' or 'snapshot <folder>'
    notices: list[str] = field(default_factory=list)  # for the user, one line each

    @property
    def notice(self) -> str | None:
        return "; ".join(self.notices) or None

    def frame(self) -> Any:
        import polars as pl

        return pl.from_arrow(self.table)


def _lock_down(
    conn: duckdb.DuckDBPyConnection,
    limits: SqlLimits,
    spill_dir: Path,
    allowed_dir: Path | None = None,
) -> None:
    """Resource limits; no files, network, extensions or Python-variable scans from here on,
    and no way back."""
    limits.apply(conn, spill_dir)
    conn.execute("SET python_enable_replacements = false")
    conn.execute("SET autoinstall_known_extensions = false")
    conn.execute("SET autoload_known_extensions = false")
    if allowed_dir is not None:  # snapshot views read their own Parquet files, nothing else
        conn.execute(f"SET allowed_directories = [{sql_literal(str(allowed_dir) + '/')}]")
    conn.execute("SET enable_external_access = false")
    conn.execute("SET lock_configuration = true")


def _open_snapshot(folder: Path) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect(":memory:")
    conn.execute("SET TimeZone = 'UTC'")
    conn.execute("CREATE SCHEMA IF NOT EXISTS marts")
    for pq in sorted(folder.glob("*.parquet")):
        stem = pq.stem
        name = (
            f"marts.{sql_ident(stem.split('__', 1)[1])}"
            if stem.startswith("marts__")
            else sql_ident(stem)
        )
        conn.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({sql_literal(str(pq))})")
    # project_logs needs these even when the snapshot lacks them
    from tracetopics_pipeline.core.warehouse import SCHEMA

    # comments may hold ";" (a statement cut there starts mid-sentence): drop them first
    for stmt in re.sub(r"--[^\n]*", "", SCHEMA).split(";"):
        m = re.search(r"CREATE TABLE IF NOT EXISTS (\w+)", stmt)
        if m and not (folder / f"{m.group(1)}.parquet").exists():
            conn.execute(stmt.replace("CREATE TABLE", "CREATE TEMP TABLE"))
    return conn


def open_readonly(
    warehouse: Path | None = None,
    *,
    wait_s: float = LOCK_WAIT_S,
    limits: SqlLimits | None = None,
) -> tuple[duckdb.DuckDBPyConnection, str, str | None]:
    """A locked-down, resource-limited read-only connection: the warehouse, or the published
    snapshot while a pipeline run holds the write lock. Returns (connection, source, notice)."""
    path = Path(warehouse) if warehouse else settings.paths().warehouse
    if not path.exists():
        raise WarehouseUnavailable(f"no warehouse at {path}: run the pipeline first")
    limits = limits or SqlLimits.from_settings()
    spill_dir = limits_spill_dir(path)  # DuckDB creates it only when it spills
    spill_dir.parent.mkdir(parents=True, exist_ok=True)
    clean_spill(path)  # what an earlier query left (its process ended by HardStop, kill -9)
    deadline = time.monotonic() + wait_s
    while True:
        try:
            conn = duckdb.connect(str(path), read_only=True)
            conn.execute("SET TimeZone = 'UTC'")
            install_project_logs(conn, temporary=True)
            _lock_down(conn, limits, spill_dir)
            return conn, "warehouse", None
        except duckdb.Error as e:
            if lock_holder(e) is None:
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
    _lock_down(conn, limits, spill_dir, allowed_dir=folder)
    notice = (
        f"the warehouse is busy (a pipeline run holds the write lock); "
        f"answering from the snapshot {folder.name}"
    )
    return conn, f"snapshot {folder.name}", notice


def _project_notices(conn: duckdb.DuckDBPyConnection, tree: exp.Expression) -> list[str]:
    """For each project_logs('<id>') whose id has no traces: say which projects exist."""
    asked = []
    for table in tree.find_all(exp.Table):
        func = table.this
        if isinstance(func, exp.Func) and func_name(func).lower() == "project_logs":
            args = list(func.expressions) or [func.this]
            arg = args[0] if args else None
            if isinstance(arg, exp.Literal) and arg.is_string and arg.this != "*":
                asked.append(arg.this)
    if not asked or "raw_traces" not in known_relations(conn):
        return []
    projects = conn.execute(
        "SELECT project_id, count(*) FROM raw_traces GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    have = {p for p, _ in projects}
    listed = ", ".join(f"{p!r} ({n:,} trace{'s' if n != 1 else ''})" for p, n in projects[:10])
    more = f" and {len(projects) - 10} more" if len(projects) > 10 else ""
    notices = []
    for pid in dict.fromkeys(asked):
        if pid in have:
            continue
        if not projects:
            notices.append(f"project_logs({pid!r}): the warehouse holds no traces yet")
        else:
            notices.append(
                f"project_logs({pid!r}): no traces have that project_id; projects: "
                f"{listed}{more} (NULL reads every project)"
            )
    return notices


# DuckDB's binder messages for a name the query has wrong, and the candidates it lists after them
_UNKNOWN = (
    ("column", re.compile(r'Referenced column "(?P<name>[^"]+)" not found in FROM clause')),
    (
        "column",
        re.compile(
            r'(?:Table|Values list) "(?P<rel>[^"]+)" does not have a column named '
            r'"(?P<name>[^"]+)"'
        ),
    ),
    ("key", re.compile(r'Could not find key "(?P<name>[^"]+)" in struct')),
    ("table", re.compile(r'Referenced table "(?P<name>[^"]+)" not found')),
)
_CANDIDATES = re.compile(r"Candidate (?:bindings|Entries|tables):[ :]*(?P<list>.*)")


def _quoted(names: list[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _from_columns(conn: duckdb.DuckDBPyConnection, tree: exp.Expression) -> list[str]:
    """The columns of the tables and table functions the query reads (its CTEs aside)."""
    ctes = {c.alias_or_name.lower() for c in tree.find_all(exp.CTE)}
    out: list[str] = []
    for table in tree.find_all(exp.Table):
        if not isinstance(table.this, exp.Func) and table.name.lower() in ctes:
            continue
        rel = table.copy()
        rel.set("alias", None)
        try:
            desc = conn.execute(f"SELECT * FROM {rel.sql(dialect=DIALECT)} LIMIT 0").description
        except duckdb.Error:
            continue
        out += [d[0] for d in desc or () if d[0] not in out]
    return out


def unknown_name(conn: duckdb.DuckDBPyConnection, tree: exp.Expression, message: str) -> str | None:
    """DuckDB's binder error for a column, struct key or table the query has wrong, as one line:
    the name, its near matches, or else what the query could read (the FROM tables' columns, the
    facet keys); None for any other binder error. DuckDB's own first line dropped its candidates
    (review rv13: a mistyped column gave the raw error)."""
    hit = next(((k, m) for k, p in _UNKNOWN if (m := p.search(message))), None)
    if hit is None:
        return None
    kind, m = hit
    name = m.group("name")
    found = _CANDIDATES.search(message)
    listed = re.findall(r'"([^"]+)"', found.group("list")) if found else []
    near = difflib.get_close_matches(name.lower(), listed, n=3, cutoff=0.6) or [
        c for c in listed if name.lower() in c.lower() or c.lower() in name.lower()
    ]
    if kind == "key":
        keys = list(facet_names(conn))
        facet = bool(listed) and all(c in keys for c in listed)
        what = f'no facet key "{name}"' if facet else f'no key "{name}" in the struct'
        rest = f"facet keys: {', '.join(keys)}" if facet else f"keys: {_quoted(listed)}"
    elif kind == "table":
        what, rest = f'no table "{name}" in this query', f"tables: {_quoted(listed)}"
    else:
        rel = m.groupdict().get("rel")
        what = f'no column "{name}"' + (f" in {rel}" if rel else "")
        columns = _from_columns(conn, tree)
        rest = f"columns: {', '.join(columns)}" if columns else f"columns: {_quoted(listed)}"
    if near:
        return f"{what}: did you mean {' or '.join(_quoted([n]) for n in near)}?"
    return f"{what}; {rest}" if listed or kind != "key" else what


def _label_notices(conn: duckdb.DuckDBPyConnection, where: str | None) -> list[str]:
    """For each `classifications.<Facet>.label = "X"` in --where that no trace carries: say
    which labels the facet has (a filter on a misremembered label otherwise returns 0 rows
    silently, review rv8 L3)."""
    notices = []
    names = None
    for facet, fld, value in dict.fromkeys(asked_labels(where)):
        key = facet_key(facet)
        names = names if names is not None else facet_names(conn)
        if key not in names:
            continue
        rows = conn.execute(
            f"SELECT v, count(*) FROM (SELECT unnest(list_distinct(list_transform("
            f"classifications.{sql_ident(key)}, lambda e: e.{sql_ident(fld)}))) AS v "
            "FROM project_logs(NULL)) WHERE v IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
        have = [v for v, _ in rows]
        if value in have:
            continue
        what = "topic" if fld == "label" else "subtopic"
        if not have:
            notices.append(f"no {names[key]} {what} is labelled {value!r}: none has a label yet")
            continue
        listed = ", ".join(repr(v) for v in have[:12])
        more = f" and {len(have) - 12} more" if len(have) > 12 else ""
        notices.append(f"no {names[key]} {what} is labelled {value!r}; labels: {listed}{more}")
    return notices


def execute_sql(
    query: str,
    *,
    where: str | None = None,
    warehouse: Path | None = None,
    conn: duckdb.DuckDBPyConnection | None = None,
    limits: SqlLimits | None = None,
) -> SqlResult:
    """Check, translate and run one 0-based read-only query; returns an Arrow table.

    With `conn` (already locked down by the caller), runs there; otherwise opens the warehouse
    read-only (or the snapshot while it is locked). Raises SqlLimitExceeded when the query hits
    the memory, temporary-file, time or row limit (`limits`, default from Settings). A query
    text over MAX_QUERY_CHARS is refused unread.
    """
    if len(query) + len(where or "") > MAX_QUERY_CHARS:  # parsing alone is linear in its size
        size = (len(query) + len(where or "")) // 1000
        raise SqlRefused(
            f"the query is {size:,} KB; the limit is {MAX_QUERY_CHARS // 1000} KB: filter on a "
            "column, a range or a pattern instead of listing values"
        )
    limits = limits or SqlLimits.from_settings()
    try:
        tree = to_duckdb(query, where=where)
        check_query(tree)  # refuse before touching the warehouse
    except RecursionError as e:  # the parser and the checks recurse once per nesting level
        raise SqlRefused(TOO_DEEP) from e
    own = conn is None
    source, notices = "connection", []
    path = Path(warehouse) if warehouse else settings.paths().warehouse
    if own:
        conn, source, notice = open_readonly(path, limits=limits)
        notices += [notice] if notice else []
    try:
        try:
            check_query(tree, known_relations(conn))
            sql = tree.sql(dialect=DIALECT)
        except RecursionError as e:
            raise SqlRefused(TOO_DEEP) from e
        try:
            table = fetch_limited(conn, sql, limits)
        except duckdb.PermissionException as e:
            raise SqlRefused(f"refused by the sandbox: {e}") from e
        except duckdb.ParserException as e:
            if "max_expression_depth" in str(e):  # its advice, SET, is refused here
                raise SqlRefused(TOO_DEEP) from e
            raise
        except duckdb.BinderException as e:
            if (line := unknown_name(conn, tree, str(e))) is not None:
                raise SqlUnknownName(line) from None
            raise
        notices += _project_notices(conn, tree)
        if where and table.num_rows == 0:
            notices += _label_notices(conn, where)
        return SqlResult(table=table, sql=sql, source=source, notices=notices)
    finally:
        if own:
            conn.close()
            clean_spill(path, mine=True)  # its folder (DuckDB removed its files on close)


def run_sql(
    query: str,
    *,
    where: str | None = None,
    fmt: str = "table",
    warehouse: Path | None = None,
    output: Path | str | None = None,
    overwrite: bool = False,
    notify: Callable[[str], None] | None = None,
    hard_stop: bool = False,
) -> str:
    """`tracetopics sql`: run one read-only 0-based query and render it (see docs/sql.md).

    Raises SqlRefused for anything but a single read, WarehouseUnavailable when there is
    nothing to read, SqlLimitExceeded past a resource limit. With `output` the result is
    written to that file (csv, json, parquet; an existing one only with `overwrite`) and the
    text says where. Notices (the snapshot answered, a project id without traces) go to
    `notify`, by default the log. `hard_stop` (a process that runs this one query and nothing
    else: `tracetopics sql`) runs it all, parse to render, under `HardStop`, which ends the
    process with the limit's one line when the engine cannot be stopped in time.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if output is not None or fmt == "parquet":
        output_target(output, fmt, overwrite=overwrite)  # refuse before running anything
    limits = SqlLimits.from_settings()
    # `hard_stop` covers the command's whole life, not only the engine's fetch: parsing, the
    # checks and the rendering run in Python, where the engine's limits do not reach (an 8.5 MB
    # query parsed for 195 s, a 280 MB result rendered for 42 s: review rv8 S1).
    # Its exit (os._exit) closes no connection: the watchdog removes the query's spill first.
    path = Path(warehouse) if warehouse else settings.paths().warehouse
    stop = HardStop(limits, cleanup=lambda: clean_spill(path, mine=True)) if hard_stop else None
    with stop or contextlib.nullcontext():
        result = execute_sql(query, where=where, warehouse=warehouse, limits=limits)
        for notice in result.notices:
            (notify or log.warning)(notice)
        return format_result(result.table, fmt, output=output, overwrite=overwrite)
