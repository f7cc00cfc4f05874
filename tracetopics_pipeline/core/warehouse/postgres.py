"""Publish the warehouse tables the dbt project reads (its sources) to Postgres.

The pipeline's working store stays DuckDB (embeddings, maps, classifications are written there);
this copies the dbt sources into a Postgres schema so the same dbt models build the marts on
Postgres (dbt target `postgres`, docs/scaling.md). Set-based: DuckDB writes each table as CSV,
Postgres loads it with COPY; nested DuckDB types (JSON, STRUCT, LIST) become jsonb.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

# The dbt project's sources (dbt_project/models/sources.yml).
SOURCE_TABLES: tuple[str, ...] = (
    "raw_traces",
    "facet_summaries",
    "facet_coverage",
    "topics",
    "topic_maps",
    "topic_overrides",
    "classifications",
)

_SCALAR_TYPES = {
    "VARCHAR": "text",
    "BIGINT": "bigint",
    "INTEGER": "integer",
    "SMALLINT": "smallint",
    "DOUBLE": "double precision",
    "FLOAT": "real",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "timestamp",
    "TIMESTAMP WITH TIME ZONE": "timestamptz",
    "JSON": "jsonb",
}
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class PublishStats:
    schema: str
    rows: dict[str, int] = field(default_factory=dict)

    def metadata(self) -> dict[str, object]:
        return {"schema": self.schema, **{f"rows/{t}": n for t, n in self.rows.items()}}


def postgres_dsn_from_env() -> str:
    """A libpq DSN from the same TRACETOPICS_PG_* variables dbt's `postgres` target reads."""
    from tracetopics_pipeline.core.settings import Settings

    return " ".join(f"{k}='{v}'" for k, v in Settings.from_env().pg.items() if v)


def _ident(name: str) -> str:
    if not _IDENT.match(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return name


def _columns(conn: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str, str]]:
    """(name, Postgres type, DuckDB select expression) per column of `table`."""
    out = []
    for name, dtype, *_ in conn.execute(f"DESCRIBE {_ident(table)}").fetchall():
        pg = _SCALAR_TYPES.get(dtype)
        if pg is None and dtype.startswith("DECIMAL"):
            pg = "numeric"
        if pg is None:  # STRUCT, LIST, ARRAY, MAP: one jsonb value
            out.append((name, "jsonb", f'to_json("{name}")::VARCHAR'))
        else:
            out.append((name, pg, f'"{name}"'))
    return out


def _ensure_table(cur: Any, schema: str, table: str, cols: list[tuple[str, str, str]]) -> bool:
    """Create the table, add the warehouse's new columns to it, or re-create it when columns
    went away. True when it was created or changed: the caller then copies it whole, since
    rows of days it does not copy would lack the new columns' values (or be gone)."""
    cur.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = %s AND table_name = %s",
        (schema, table),
    )
    existing = {r[0] for r in cur.fetchall()}
    names = {n for n, *_ in cols}
    if existing == names:  # COPY names its columns: their order does not matter
        return False
    if existing and existing < names:  # new columns (facet_summaries.labels): keeps dbt's views
        for n, t, _ in cols:
            if n not in existing:
                cur.execute(f'ALTER TABLE {schema}.{table} ADD COLUMN "{n}" {t}')
        return True
    # CASCADE drops dbt's staging views over the old table; the next `dbt build` recreates them.
    cur.execute(f"DROP TABLE IF EXISTS {schema}.{table} CASCADE")
    ddl = ", ".join(f'"{n}" {t}' for n, t, _ in cols)
    cur.execute(f"CREATE TABLE {schema}.{table} ({ddl})")
    return True


def publish_sources(
    conn: duckdb.DuckDBPyConnection,
    dsn: str,
    *,
    schema: str = "tracetopics",
    days: Sequence[date] | None = None,
    tables: Iterable[str] = SOURCE_TABLES,
) -> PublishStats:
    """Copy `tables` from the DuckDB warehouse into Postgres `schema`, in one transaction.

    days=None replaces each table whole. With days, day-keyed tables only replace those days
    (like `warehouse.replace_days`), so a daily run copies one day, not the history; tables
    without a `day` column (topics, overrides) are small and always replaced whole, and so is a
    table new to Postgres or whose columns changed (a newer warehouse: its older days would
    lack the new columns, or be lost with a re-created table).
    """
    import psycopg2  # lazy: only the `scale` extra installs it

    stats = PublishStats(schema=_ident(schema))
    day_list = sorted(set(days)) if days is not None else None
    pg = psycopg2.connect(dsn)
    try:
        with tempfile.TemporaryDirectory() as tmp, pg, pg.cursor() as cur:  # `with pg` commits
            _copy_tables(conn, cur, Path(tmp), schema, list(tables), day_list, stats)
    finally:
        pg.close()
    return stats


def _copy_tables(
    conn: duckdb.DuckDBPyConnection,
    cur: Any,
    tmp: Path,
    schema: str,
    tables: list[str],
    day_list: list[date] | None,
    stats: PublishStats,
) -> None:
    cur.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    for table in tables:
        cols = _columns(conn, table)
        target = f"{schema}.{_ident(table)}"
        changed = _ensure_table(cur, schema, table, cols)
        by_day = day_list is not None and not changed and any(n == "day" for n, *_ in cols)
        where = ""
        if by_day:
            cur.execute(f"DELETE FROM {target} WHERE day = ANY(%s::date[])", (day_list,))
            where = " WHERE day IN ({})".format(
                ", ".join(f"DATE '{d.isoformat()}'" for d in day_list) or "NULL"
            )
        else:
            cur.execute(f"TRUNCATE {target}")
        csv = tmp / f"{table}.csv"
        select = ", ".join(expr for *_, expr in cols)
        conn.execute(f"COPY (SELECT {select} FROM {table}{where}) TO '{csv}' (FORMAT csv, HEADER)")
        names = ", ".join(f'"{n}"' for n, *_ in cols)
        with csv.open("rb") as fh:
            cur.copy_expert(f"COPY {target} ({names}) FROM STDIN WITH (FORMAT csv, HEADER)", fh)
            stats.rows[table] = cur.rowcount
