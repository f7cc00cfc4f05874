"""What the CLI prints: rows per table after a run, quarantine by reason, topics, recovery."""

from __future__ import annotations

from datetime import date

import duckdb

from tracetopics_pipeline.cli.errors import CliError
from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.settings import Settings, paths

TABLES = [
    "raw_traces",
    "quarantine",
    "facet_summaries",
    "summary_embeddings",
    "topic_maps",
    "topics",
    "classifications",
]


def _conn():
    return warehouse.connect(paths().warehouse, read_only=True)


def print_summary() -> None:
    p = paths()
    with _conn() as conn:
        print("\nWhat the run built")
        for table in TABLES:
            n = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            print(f"  {table:20s} {n:>10,} rows")
        marts = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts' "
            "ORDER BY 1"
        ).fetchall()
        for (name,) in marts:
            n = conn.execute(f"SELECT count(*) FROM marts.{name}").fetchone()[0]
            print(f"  marts.{name:14s} {n:>10,} rows")
        reasons = conn.execute(
            "SELECT reason, count(*) FROM quarantine GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()
        if reasons:
            print("\nQuarantined input lines, by reason")
            for reason, n in reasons:
                print(f"  {reason:24s} {n:>6,}")
        coverage = conn.execute(
            """SELECT facet, sum(processed), sum(matched), sum(excluded), sum(errored), sum(skipped)
               FROM facet_coverage GROUP BY 1 ORDER BY 1"""
        ).fetchall()
        if coverage:
            print("\nFacet coverage        processed   matched  excluded   errored   skipped")
            for row in coverage:
                print(f"  {row[0]:18s}" + "".join(f"{int(v or 0):>10,}" for v in row[1:]))
    print(f"\nWarehouse: {p.warehouse}")
    print(f"Dagster run history: {p.dagster_home}  (open the UI with `make ui`)")


def known_facets(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Facet names in the warehouse (summaries, topics), then the facet file's others."""
    rows = conn.execute(
        "SELECT facet FROM (SELECT facet FROM facet_summaries UNION SELECT facet FROM topics)"
        " GROUP BY facet ORDER BY facet"
    ).fetchall()
    names = [r[0] for r in rows]
    try:  # a broken facet file must not hide the facets the data holds
        from tracetopics_pipeline.core.facets.definitions import load_facets

        names += [f.name for f in load_facets() if f.name not in names]
    except Exception:  # noqa: BLE001
        pass
    return names


def resolve_facet(conn: duckdb.DuckDBPyConnection, name: str) -> str:
    """The facet's stored name for `name`, matched by name or key in any case (task -> Task)."""
    from tracetopics_pipeline.core.sql.macro import facet_key

    names = known_facets(conn)
    want = name.strip().lower()
    for known in names:
        if want in (known.lower(), facet_key(known)):
            return known
    raise CliError(f"no facet named {name!r}; facets: {', '.join(names) or 'none yet'}")


def topics(facet: str, day: date | None = None) -> tuple[str, list[dict]]:
    """(the facet's stored name, its topics ranked by share)."""
    from tracetopics_pipeline.core.topics.report import topic_list

    with _conn() as conn:
        name = resolve_facet(conn, facet)
        return name, topic_list(conn, name, day)


def print_topics(facet: str, day: date | None = None, limit: int = 50) -> None:
    facet, rows = topics(facet, day)
    if not rows:
        print(
            f"\nNo {facet} topics yet (a map needs at least "
            f"{Settings.from_env().min_summaries} distinct summaries of the facet)."
        )
        return
    print(f"\n{facet} topics, ranked by share")
    print(f"  {'id':>4}  {'share':>6}  {'count':>6}  label / keywords / samples")
    for r in rows[:limit]:
        print(f"  {r['topic_id']:>4}  {r['share']:>6.1%}  {r['count']:>6,}  {r['label']}")
        print(f"  {'':22}keywords: {', '.join(r['keywords'][:6])}")
        for sample in r["samples"][:2]:
            print(f"  {'':22}· {sample}")


def print_recovery(facet: str = "Task") -> None:
    from tracetopics_pipeline.core.topics.evaluate import recovery

    with _conn() as conn:
        scores = recovery(conn, facet)
    if scores:
        print(
            f"\nGround-truth intents recovered by the {facet} topics: "
            + ", ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in scores.items()
            )
        )
