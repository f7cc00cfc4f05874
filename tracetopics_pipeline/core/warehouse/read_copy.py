"""The read copy: a DuckDB file for BI tools and notebooks that no run ever locks.

A reader on the live warehouse blocks the pipeline's writes (DuckDB refuses a writer while
another process has the file open, even read-only) and sees tables half rebuilt mid-run. So at
the end of each run the pipeline writes the tables, the dbt views and marts and the
`project_logs` macro into a new file beside it and renames that over
`$TRACETOPICS_HOME/read/warehouse.duckdb` (`os.replace`, atomic). A reader that has the old file
open keeps reading it, whole; the next connection opens the new one. Nothing ever writes to the
published file, so no reader ever waits for a run or a run for a reader. The descriptions dbt
writes to the catalog (persist_docs) are copied too, so a BI tool shows them here.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from tracetopics_pipeline.core.sql.macro import install_project_logs

_ALIAS = "tt_read_copy"
# Only the embeddings the summaries reference (the table is a cache of every text ever seen).
_SELECT = {
    ("main", "summary_embeddings"): (
        "SELECT e.* FROM main.summary_embeddings e WHERE e.text_hash IN "
        "(SELECT DISTINCT text_hash FROM main.facet_summaries WHERE text_hash IS NOT NULL)"
    )
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _comment_statements(conn: duckdb.DuckDBPyConnection, catalog: str) -> list[str]:
    """COMMENT ON statements that give the copies in `catalog` the live tables', views' and
    columns' comments (dbt's persist_docs writes them: the descriptions BI tools show)."""
    relations = conn.execute(
        "SELECT 'TABLE', schema_name, table_name, comment FROM duckdb_tables() "
        "WHERE database_name = current_database() AND NOT temporary AND comment <> '' "
        "UNION ALL SELECT 'VIEW', schema_name, view_name, comment FROM duckdb_views() "
        "WHERE database_name = current_database() AND NOT internal AND NOT temporary "
        "AND comment <> ''"
    ).fetchall()
    columns = conn.execute(
        "SELECT schema_name, table_name, column_name, comment FROM duckdb_columns() "
        "WHERE database_name = current_database() AND NOT internal AND comment <> ''"
    ).fetchall()
    return [
        f"COMMENT ON {kind} {catalog}.{_quote(schema)}.{_quote(name)} IS {_literal(text)}"
        for kind, schema, name, text in relations
    ] + [
        f"COMMENT ON COLUMN {catalog}.{_quote(schema)}.{_quote(table)}.{_quote(column)} "
        f"IS {_literal(text)}"
        for schema, table, column, text in columns
    ]


def publish_read_copy(conn: duckdb.DuckDBPyConnection, target: Path) -> Path:
    """Copy the warehouse's tables, views and macro into a new file and swap it in as `target`.

    `conn` is the pipeline's connection to the live warehouse. Returns `target`.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    partial = target.parent / f".{target.stem}-{stamp}-{os.getpid()}.duckdb.partial"
    home_db = conn.execute("SELECT current_database()").fetchall()[0][0]
    tables = conn.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() "
        "WHERE database_name = current_database() AND NOT temporary ORDER BY 1, 2"
    ).fetchall()
    views = conn.execute(
        "SELECT schema_name, sql FROM duckdb_views() "
        "WHERE database_name = current_database() AND NOT internal AND NOT temporary "
        "ORDER BY schema_name, view_name"
    ).fetchall()
    comments = _comment_statements(conn, _ALIAS)
    path = str(partial).replace("'", "''")
    conn.execute(f"ATTACH '{path}' AS {_ALIAS}")
    try:
        for schema, table in tables:
            conn.execute(f"CREATE SCHEMA IF NOT EXISTS {_ALIAS}.{_quote(schema)}")
            name = f"{_quote(schema)}.{_quote(table)}"
            select = _SELECT.get((schema, table), f"SELECT * FROM {name}")
            conn.execute(f"CREATE TABLE {_ALIAS}.{name} AS {select}")
        conn.execute(f"USE {_ALIAS}")
        try:
            for schema, sql in views:  # dbt's views name their tables without a catalog
                conn.execute(f"CREATE SCHEMA IF NOT EXISTS {_quote(schema)}")
                conn.execute(sql)
            install_project_logs(conn)
        finally:
            conn.execute(f"USE {_quote(home_db)}")
        for statement in comments:  # CREATE TABLE AS and a view's SQL carry no comments
            conn.execute(statement)
        conn.execute(f"DETACH {_ALIAS}")
        os.replace(partial, target)
    except BaseException:
        if _ALIAS in {
            r[0] for r in conn.execute("SELECT database_name FROM duckdb_databases()").fetchall()
        }:
            conn.execute(f"DETACH {_ALIAS}")
        partial.unlink(missing_ok=True)
        raise
    finally:
        Path(f"{partial}.wal").unlink(missing_ok=True)
    return target
