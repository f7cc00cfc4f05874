"""What the CLI prints: rows per table after a run, quarantine by reason, topics, recovery."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date

import duckdb

from tracetopics_pipeline.cli.errors import CliError
from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.ingest.gaps import stray
from tracetopics_pipeline.core.settings import MIN_SUMMARIES_ENV, Settings, paths
from tracetopics_pipeline.core.spend.ledger import SpendSummary, spend_summary
from tracetopics_pipeline.core.wording import plural

TABLES = [
    "raw_traces",
    "quarantine",
    "facet_summaries",
    "summary_embeddings",
    "topic_maps",
    "topics",
    "classifications",
]


def _conn() -> duckdb.DuckDBPyConnection:
    """Read-only, like `tracetopics sql`: the warehouse, or the published snapshot (with a note
    on stderr) while a pipeline run holds the write lock."""
    from tracetopics_pipeline.core.sql.errors import WarehouseUnavailable
    from tracetopics_pipeline.core.sql.execute import open_readonly

    try:
        conn, _, notice = open_readonly(paths().warehouse)
    except WarehouseUnavailable as e:
        raise CliError(str(e)) from None
    if notice:
        print(f"note: {notice}", file=sys.stderr)
    return conn


def print_summary() -> None:
    from tracetopics_pipeline.core.topics.report import unmapped_facets

    p = paths()
    with _conn() as conn:
        print("\nWhat the run built")
        marts = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts' "
            "ORDER BY 1"
        ).fetchall()
        built = [*TABLES, *(f"marts.{name}" for (name,) in marts)]
        width = max(len(t) for t in built)  # one column however long a mart's name
        for table in built:
            n = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            print(f"  {table:{width}s} {n:>10,} rows")
        reasons = conn.execute(
            "SELECT reason, count(*) FROM quarantine GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()
        if reasons:
            print("\nQuarantined input lines, by reason")
            for reason, n in reasons:
                print(f"  {reason:24s} {n:>6,}")
        far = stray(conn.execute("SELECT day, count(*) FROM raw_traces GROUP BY 1").fetchall())
        if far is not None:
            print(
                f"\nwarning: {far.describe()}: kept; the explorer's time axis starts at "
                f"{far.rest_first} and offers to show from {far.first} (docs/operations.md)"
            )
        coverage = conn.execute(
            """SELECT facet, sum(processed), sum(matched), sum(excluded), sum(errored), sum(skipped),
                      sum(budget_skipped)
               FROM facet_coverage GROUP BY 1 ORDER BY 1"""
        ).fetchall()
        if coverage:
            print(
                "\nFacet coverage        processed   matched  excluded   errored   skipped"
                "  (budget)"
            )
            for row in coverage:
                print(f"  {row[0]:18s}" + "".join(f"{int(v or 0):>10,}" for v in row[1:]))
        settings = Settings.from_env()
        waiting = unmapped_facets(conn)
        if waiting:
            print("\nFacets without a topic map")
            for m in waiting:
                print("  " + no_map_line(m, settings))
        spend = spend_summary(conn, settings)
        if spend.by_model or spend.budget_day_usd is not None or spend.budget_month_usd is not None:
            print("\n" + spend_line(spend) + "  (`tracetopics spend` for detail)")
    print(f"\nWarehouse: {p.warehouse}")
    print(f"Dagster run history: {p.dagster_home}  (open the UI with `make ui`)")


def no_map_reason(m: dict, settings: Settings) -> str:
    """Why a facet's latest day has no map, and the knob: '67 of 100 distinct summaries; set
    ...' (`m`: a `report.unmapped_facets` row)."""
    n, floor = m.get("n_docs"), m.get("floor")
    if n is None or floor is None or n >= floor:  # waiting on something else (vectors)
        return str(m.get("detail") or "no map built yet")
    return (
        f"{n:,} of {floor:,} distinct summaries; set {MIN_SUMMARIES_ENV} "
        f"(now {settings.min_summaries}) lower to map smaller traffic"
    )


def no_map_line(m: dict, settings: Settings) -> str:
    """'Task: no topic map yet — ...', or with an older map still shown, 'Task: day 2026-11-30
    not mapped — 40 of 100 distinct summaries; showing the map of 2026-11-29; set ...'."""
    if m.get("shown_day") is None:
        return f"{m['facet']}: no topic map yet — {no_map_reason(m, settings)}"
    why, _, knob = no_map_reason(m, settings).partition("; ")
    shown = f"showing the map of {m['shown_day']}"
    return f"{m['facet']}: day {m['day']} not mapped — " + "; ".join(
        x for x in (why, shown, knob) if x
    )


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
    raise CliError(
        f"no facet named {name!r}; facets: {', '.join(names) or 'none yet'}{_facet_file_problem()}"
    )


def _facet_file_problem() -> str:
    """'; <why the facet file cannot be read>', or '' when it reads: a missing or broken
    TRACETOPICS_FACETS is why a facet is unknown more often than a typo."""
    from tracetopics_pipeline.core.facets.definitions import FacetConfigError, load_facets

    try:
        load_facets()
    except FacetConfigError as e:
        return f"; {e}"
    return ""


def topics(facet: str, day: date | None = None) -> tuple[str, list[dict]]:
    """(the facet's stored name, its topics ranked by share). A `day` with no classified traces
    is a CliError naming the days that have some, never another ranking (review rv6 C1)."""
    from tracetopics_pipeline.core.topics.report import classified_days, topic_list

    with _conn() as conn:
        name = resolve_facet(conn, facet)
        rows = topic_list(conn, name, day)
        if day is not None and not rows:
            span = classified_days(conn, name)
            if span is None:
                raise CliError(
                    f"no {name} traces classified on {day}, nor on any day yet (a map needs "
                    f"{Settings.from_env().min_summaries} distinct summaries of the facet; "
                    "`tracetopics run` classifies the landed days)"
                )
            first, last, n = span
            days = f"{first} … {last}" + ("" if n == (last - first).days + 1 else f", {n} of them")
            raise CliError(
                f"no {name} traces classified on {day} (classified days: {days}); "
                "pick one of those, or leave out --date"
            )
        return name, rows


def topics_json(rows: list[dict]) -> dict:
    """`tracetopics topics --json`: {"topics": [{id, label, count, share, keywords, samples,
    subtopics: [same keys]}]}, parents ranked by share. A labelled facet's parents also carry
    `any_mention`: the traces whose summary lists the label at all (`count` counts each trace
    under its first label only); null, with `any_mention_missing` saying why, on a warehouse
    written before labels were kept. A label listed but first in no trace comes after them with
    id null, count 0, its any_mention and `mention_only` true."""

    def item(t: dict) -> dict:
        return {
            "id": t["topic_id"],
            "label": t["label"],
            "count": t["count"],
            "share": round(t["share"], 6),
            "keywords": list(t["keywords"]),
            "samples": list(t["samples"]),
        }

    def parent(t: dict) -> dict:
        mention = {"any_mention": t["any_mention"]} if "any_mention" in t else {}
        only = {"mention_only": True} if t.get("mention_only") else {}
        return {**item(t), **mention, **only, "subtopics": [item(s) for s in t["subtopics"]]}

    out = {"topics": [parent(t) for t in rows]}
    if missing := _mentions_missing(rows):
        out["any_mention_missing"] = missing
    if rows and rows[0].get("map_sample"):  # counts are the map's sample sizes, not traffic
        out["counted"] = "map sample sizes: no traces classified yet"
    return out


SUBTOPICS_SHOWN = 4  # per parent in the text list; the rest is "+N more" (--all, --json: all)


def print_topics(
    facet: str, day: date | None = None, limit: int = 50, *, every_sub: bool = False
) -> None:
    from tracetopics_pipeline.core.topics.report import unmapped_facets

    facet, rows = topics(facet, day)
    settings = Settings.from_env()
    waiting = None
    if paths().warehouse.exists():  # `topics` read it, or its snapshot
        with _conn() as conn:
            waiting = next((m for m in unmapped_facets(conn) if m["facet"] == facet), None)
    if not rows:
        why = (
            no_map_reason(waiting, settings)
            if waiting
            else f"a map needs at least {settings.min_summaries} distinct summaries of the "
            f"facet; set {MIN_SUMMARIES_ENV} lower to map smaller traffic"
        )
        print(f"\nNo {facet} topics yet ({why}).")
        return
    named = sum(1 for r in rows if r["topic_id"] not in (warehouse.NO_MATCH, None))
    if waiting:  # the latest day waits: the list is of an older map's topics
        print(f"\n{no_map_line(waiting, settings)}")
    if rows[0].get("map_sample"):
        print(
            f"\n{facet} topics, ranked by map sample size ({named} topics; no traces classified "
            "yet: these are the summaries each topic's map was built from, not traffic)"
        )
        print(f"  {'id':>5}  {'share':>6}  {'sample':>6}  label")
        _print_topic_rows(rows, limit, every_sub)
        return
    # the facet's default label ("No issue") says nothing happened: after the topics, as in
    # the explorer, so the first rows are what there is to report
    default = _default_key(facet)
    rows = sorted(rows, key=lambda r: bool(default) and r.get("facet_label") == default)
    from tracetopics_pipeline.core.topics.report import severity_labels

    ranked = "by severity, then share" if severity_labels(facet) else "by share"
    print(f"\n{facet} topics, ranked {ranked} ({named} topics; subtopics indented)")
    # a trace counts once, under its first label; "any" counts it under each label it lists
    many = any(r.get("any_mention") not in (None, r["count"]) for r in rows)
    print(f"  {'id':>5}  {'share':>6}  {'count':>6}  {'any':>6}  label" if many else
          f"  {'id':>5}  {'share':>6}  {'count':>6}  label")  # fmt: skip
    _print_topic_rows(rows, limit, every_sub, default, many)
    if many:
        print(
            "  any: traces whose summary lists the label at all; count and share hold each "
            "trace once, under its first label"
        )
    if missing := _mentions_missing(rows):
        print(f"  any-mention counts: {missing}")


def _mentions_missing(rows: list[dict]) -> str | None:
    """Why a labelled facet's parents have no any-mention count, or None when they have one."""
    from tracetopics_pipeline.core.topics.report import MENTIONS_MISSING

    missing = any("any_mention" in r and r["any_mention"] is None for r in rows)
    return MENTIONS_MISSING if missing else None


def _print_topic_rows(
    rows: list[dict], limit: int, every_sub: bool, default: str | None = None, many: bool = False
) -> None:
    for r in rows[:limit]:
        if default and r.get("facet_label") == default:
            print(f"  {'':>25}  the facet's default label, nothing to report:")
        mention = r.get("any_mention")
        any_col = (f"{mention:>6,}  " if mention is not None else f"{'':>6}  ") if many else ""
        tid = "" if r["topic_id"] is None else r["topic_id"]  # a label no trace has first
        only = "  (no trace has it first: no topic)" if r.get("mention_only") else ""
        print(f"  {tid:>5}  {r['share']:>6.1%}  {r['count']:>6,}  {any_col}{r['label']}{only}")
        subs = r["subtopics"]  # report.listed_subtopics: no lone subtopic named as its parent
        # one more line than the cut prints the last subtopic instead of "+1 more"
        shown = subs if every_sub or len(subs) <= SUBTOPICS_SHOWN + 1 else subs[:SUBTOPICS_SHOWN]
        pad = " " * 8 if many else ""
        for s in shown:
            print(
                f"  {s['topic_id']:>5}  {s['share']:>6.1%}  {s['count']:>6,}  {pad}  · {s['label']}"
            )
        if len(subs) > len(shown):
            print(f"  {'':>25}    +{len(subs) - len(shown)} more subtopics (--all lists them)")
    if len(rows) > limit:
        print(f"  +{len(rows) - limit} more topics (--json lists them all)")


def _default_key(facet: str) -> str | None:
    """The facet's default label as topics.facet_label stores it (lower case), if it has one."""
    from tracetopics_pipeline.core.facets.definitions import FacetConfigError, load_facets

    try:
        found = [f.default_label for f in load_facets() if f.name == facet]
    except FacetConfigError:
        return None
    return found[0].strip().lower() if found and found[0] else None


def print_recovery(facet: str = "Task") -> None:
    """The demo's recovery figures: NMI / ARI of the parent and the fine topics against the
    generator's answer key (intents), which it writes beside the landing files."""
    from tracetopics_pipeline.core.topics.evaluate import recovery
    from tracetopics_pipeline.demo import read_answer_key

    answers = read_answer_key(paths().landing)
    if not answers:
        return
    with _conn() as conn:
        levels = [recovery(conn, answers, facet, level=level) for level in ("parent", "fine")]
    if not levels[0]["n"]:
        return
    print(
        f"\nGround-truth intents recovered by the {facet} topics ({levels[0]['n_truth']} intents):"
    )
    for s in levels:
        print(
            f"  {s['level']:<6} level: NMI {s['nmi']:.3f}  ARI {s['ari']:.3f}  "
            f"({s['n_topics']} topics, no_match {s['no_match_share']:.1%}, {s['n']:,} traces)"
        )
    if levels[0]["n_without_truth"]:  # the run counted them: say why these figures do not
        odd = levels[0]["n_without_truth"]
        print(
            f"  ({plural(odd, 'classified trace')} of the run left out: "
            f"{'it has' if odd == 1 else 'they have'} no ground-truth intent in the answer key, "
            "like the demo's deliberately odd lines)"
        )
    print_label_audit()
    with _conn() as conn:
        agreement = [
            (name, *_label_agreement(conn, answers, name, key)) for name, key in ANSWERED_FACETS
        ]
    if any(n for *_, n in agreement):
        print("Labelled facets against the answer key:")
        for name, acc, macro, n in agreement:
            if n:
                print(f"  {name:<17} accuracy {acc:.3f}  macro-F1 {macro:.3f}  ({n:,} traces)")


def print_label_audit() -> None:
    """The label audit (`labels.map_audit`, the one bench/topic_hierarchy.py counts) of each
    facet's latest map: labels with a problem, per problem. The free-text parents' texts are
    read with the vectors the warehouse holds; only what it lacks is embedded."""
    from tracetopics_pipeline.core.topics.labels.map_audit import (
        audit_map,
        audit_sentence,
        latest_maps,
    )

    with _conn() as conn:
        maps = latest_maps(conn)
        if not maps:
            return
        embed = _stored_or_embedded(conn)
        total: Counter = Counter()
        flagged: list[str] = []
        for facet, map_id in maps:
            c, lines = audit_map(conn, map_id, embed)
            total += c
            flagged += [f"{facet}: {line}" for line in lines]
    print(
        f"Topic names in the latest maps ({plural(len(maps), 'facet')}, parents and subtopics): "
        f"{audit_sentence(total)}"
    )
    if flagged:  # no command lists them: a file beside the warehouse does
        where = paths().home / "label_audit.txt"
        where.parent.mkdir(parents=True, exist_ok=True)  # a warehouse handed in, no home yet
        where.write_text("\n".join(flagged) + "\n")
        print(
            f"  which names and why: {where}; rename one with `tracetopics topic rename FACET "
            "ID NAME` (ids: `tracetopics topics --facet FACET`)"
        )


def _stored_or_embedded(conn: duckdb.DuckDBPyConnection):  # noqa: ANN202
    """embed(texts): each text's stored vector (`summary_embeddings`, the configured model's),
    else the configured embedder's, loaded only when a text lacks one."""
    import numpy as np

    from tracetopics_pipeline.core.topics.embedders import make_embedder

    settings = Settings.from_env()
    embedder = make_embedder(settings)

    def embed(texts: list[str]) -> np.ndarray:
        found = dict(
            conn.execute(
                "SELECT text, embedding FROM summary_embeddings "
                "WHERE model = ? AND text IN (SELECT unnest(?))",
                [embedder.model_id(), texts],
            ).fetchall()
        )
        missing = [t for t in texts if t not in found]
        if missing:
            found.update(zip(missing, np.asarray(embedder.embed(missing)), strict=True))
        return np.asarray([found[t] for t in texts], np.float32)

    return embed


# Labelled facets the demo's answer key holds one label of (its field); Issues (a list) and
# Competitor mention (a name) are scored by bench/facet_quality.py.
ANSWERED_FACETS = (
    ("Sentiment", "sentiment"),
    ("Churn risk", "churn_risk"),
    ("Feature request", "feature_request"),
    ("Pricing question", "pricing"),
)


def _label_agreement(
    conn: duckdb.DuckDBPyConnection, answers: dict[str, dict], facet: str, key: str
) -> tuple[float, float, int]:
    """(accuracy, macro-F1 over every label given or predicted, traces) of a facet's labels."""
    from tracetopics_pipeline.core.facets.summarizers.gold_eval import f1_table

    rows = conn.execute(
        "SELECT trace_id, label FROM facet_summaries WHERE facet = ? AND status <> 'errored'",
        [facet],
    ).fetchall()
    pairs = [
        (truth, label or "") for tid, label in rows if (truth := answers.get(tid, {}).get(key))
    ]
    if not pairs:
        return 0.0, 0.0, 0
    gold, pred = [g for g, _ in pairs], [p for _, p in pairs]
    acc, macro, _ = f1_table(gold, pred, sorted({*gold, *pred}))  # as sklearn: every class seen
    return acc, macro, len(pairs)


def _usd(v: float | None) -> str:
    return "none" if v is None else (f"${v:,.4f}" if v < 1 else f"${v:,.2f}")


def spend_line(s: SpendSummary) -> str:
    """Model spend to date against the caps, on one line."""
    return (
        f"Model spend: today {_usd(s.spent_today_usd)} (cap {_usd(s.budget_day_usd)}), "
        f"this month {_usd(s.spent_month_usd)} (cap {_usd(s.budget_month_usd)})"
    )


def print_spend(s: SpendSummary) -> None:
    print(spend_line(s))
    if s.by_model:
        print("\nThis month, by kind and model   requests   input tok  output tok         USD")
        for r in s.by_model:
            name = f"{r['kind']} / {r['model']}"
            price = "" if r["priced"] else "  (no price: TRACETOPICS_PRICES)"
            print(
                f"  {name:30s}{r['requests']:>9,}{r['input_tokens']:>12,}{r['output_tokens']:>12,}"
                f"{r['usd']:>12.4f}{price}"
            )
    if s.by_day:
        print("\nBy day (UTC)        USD   requests")
        for r in s.by_day:
            print(f"  {r['day']}  {r['usd']:>9.4f} {r['requests']:>10,}")
