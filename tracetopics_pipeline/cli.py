"""`tracetopics`: the command line. Pipeline commands go through Dagster (runner.py)."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tracetopics_pipeline.core.settings import paths


def _date(text: str) -> date:
    return date.fromisoformat(text)


# ── data in ──────────────────────────────────────────────────────────────────────────────


def cmd_generate(args: argparse.Namespace) -> int:
    from tracetopics_pipeline.demo import generate_traffic

    out = Path(args.out) if args.out else paths().ensure().landing
    files = generate_traffic(
        out,
        days=args.days,
        per_day=args.per_day,
        seed=args.seed,
        end=args.end,
        bad_lines=not args.clean,
    )
    print(f"wrote {len(files)} files of demo traffic to {out}")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    landing = paths().ensure().landing
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    for i, name in enumerate(args.files):
        src = Path(name)
        if not src.is_file():
            print(f"error: {src} is not a file", file=sys.stderr)
            return 2
        # Copy under a temporary name, then rename: the sensor never sees a half-written file.
        target = landing / f"{stamp}-{i:03d}-{src.name}"
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(src, partial)
        partial.rename(target)
        print(f"landed {src} → {target}")
    return 0


# ── the pipeline ────────────────────────────────────────────────────────────────────────


def _landing_days() -> list[date]:
    from tracetopics_pipeline.core.ingest.stage import stage as ingest
    from tracetopics_pipeline.defs.partitions import START_DATE

    days: set[date] = set()
    for f in ingest.landing_files(paths().landing):
        days |= ingest.file_days(f, start_date=START_DATE)
    return sorted(d for d in days if d >= START_DATE)


def cmd_run(args: argparse.Namespace) -> int:
    from tracetopics_pipeline import report, runner

    if args.from_ or args.to:
        landing = _landing_days()
        first = args.from_ or (landing[0] if landing else datetime.now(UTC).date())
        last = args.to or (landing[-1] if landing else datetime.now(UTC).date())
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    else:
        days = _landing_days()
    runner.run_pipeline(days)
    report.print_summary()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from tracetopics_pipeline import report

    print(f"tracetopics demo — home {paths().home}")
    cmd_generate(args)
    cmd_run(argparse.Namespace(from_=None, to=None))
    report.print_topics("Task", limit=15)
    report.print_recovery()
    print(
        "\nNext: `make ui` (Dagster UI), `make explore` (topics explorer), "
        '`.venv/bin/tracetopics sql "SELECT ..."`'
    )
    return 0


def cmd_prepare(args: argparse.Namespace) -> int:
    from tracetopics_pipeline.defs.dbt_assets import ensure_manifest

    print(f"dbt manifest ready: {ensure_manifest()}")
    return 0


# ── reading the results ─────────────────────────────────────────────────────────────────


def cmd_topics(args: argparse.Namespace) -> int:
    from tracetopics_pipeline import report

    if args.json:
        print(json.dumps(report.topics(args.facet, args.date), indent=2, default=str))
    else:
        report.print_topics(args.facet, day=args.date)
    return 0


def cmd_topic_override(args: argparse.Namespace) -> int:
    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.topics.report import set_topic_override

    with warehouse.connect(paths().warehouse) as conn:
        if args.action == "rename":
            set_topic_override(conn, args.facet, args.topic_id, label=args.label)
        else:
            set_topic_override(conn, args.facet, args.topic_id, pinned=args.action == "pin")
    print(f"{args.action}d {args.facet} topic {args.topic_id}; kept across regenerations")
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from tracetopics_pipeline.core.sql import SqlRefused, WarehouseUnavailable, run_sql

    try:
        print(run_sql(args.query, where=args.where, fmt=args.format, output=args.output))
    except SqlRefused as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 2
    except (WarehouseUnavailable, duckdb.Error) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_facets_eval(args: argparse.Namespace) -> int:
    """Score a labelled facet against a gold JSONL file (format: core/summarizers/gold_eval.py),
    with the local summarizer, an OpenAI-compatible model (OPENAI_BASE_URL), or both."""
    from tracetopics_pipeline.core.facets.definitions.definitions import FacetConfigError, find_facet, load_facets
    from tracetopics_pipeline.core.facets.definitions.summarizers import make_summarizer
    from tracetopics_pipeline.core.facets.definitions.summarizers.gold_eval import GoldFileError, evaluate, load_gold

    try:
        facet = find_facet(load_facets(args.file), args.facet or "")
        if not args.gold:
            raise GoldFileError("--gold FILE is required (JSONL traces with a gold label field)")
        gold = load_gold(args.gold, facet, args.gold_field)
    except (KeyError, FacetConfigError, GoldFileError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    kinds = ["local", "openai"] if args.backend == "both" else [args.backend]
    reports = []
    for kind in kinds:
        opts = {"model": args.model, "cache_dir": paths().cache} if kind == "openai" else {}
        reports.append(evaluate(make_summarizer(kind, **opts), facet, gold))
    for r in reports:
        print(json.dumps(r.as_dict()) if args.json else r.text())
    return 0


def cmd_facets(args: argparse.Namespace) -> int:
    if args.action == "eval":
        return cmd_facets_eval(args)
    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.facets.definitions.stage import preview_facet
    from tracetopics_pipeline.core.facets.definitions.definitions import load_facets
    from tracetopics_pipeline.core.facets.definitions.summarizers import make_summarizer

    facets = load_facets(args.file)
    if args.action == "list":
        for f in facets:
            extra = f" labels={'/'.join(f.labels)}" if f.labels else ""
            print(f"{f.name:20s} preprocessor={f.preprocessor}{extra}")
        return 0
    with warehouse.connect(paths().warehouse, read_only=True) as conn:
        rows = preview_facet(
            conn, args.facet, args.n, facets=facets, summarizer=make_summarizer("local")
        )
    for row in rows:
        print(json.dumps(row, default=str))
    return 0


def cmd_explore(args: argparse.Namespace) -> int:
    from tracetopics_pipeline.explorer.app import serve

    serve(host=args.host, port=args.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tracetopics", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    g = sub.add_parser("generate", help="write seeded synthetic support-agent traffic")
    g.add_argument("--out", default=None, help="folder, default $TRACETOPICS_HOME/landing")
    d = sub.add_parser("demo", help="generate demo traffic, run the pipeline, show topics")
    for parser in (g, d):
        parser.add_argument("--days", type=int, default=30)
        parser.add_argument("--per-day", type=int, default=300)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--end", type=_date, default=None, help="last day (UTC), default today")
        parser.add_argument("--clean", action="store_true", help="no deliberately bad lines")
    g.set_defaults(fn=cmd_generate)
    d.set_defaults(fn=cmd_demo, out=None)

    i = sub.add_parser("ingest", help="copy trace files (JSONL, OTLP JSON, Parquet) to landing")
    i.add_argument("files", nargs="+")
    i.set_defaults(fn=cmd_ingest)

    r = sub.add_parser("run", help="materialize the days the landing files touch, via Dagster")
    r.add_argument("--from", dest="from_", type=_date)
    r.add_argument("--to", type=_date)
    r.set_defaults(fn=cmd_run)

    sub.add_parser("prepare", help="prepare the dbt manifest").set_defaults(fn=cmd_prepare)

    t = sub.add_parser("topics", help="topics of a facet ranked by share")
    t.add_argument("--facet", default="Task")
    t.add_argument("--date", type=_date)
    t.add_argument("--json", action="store_true")
    t.set_defaults(fn=cmd_topics)

    o = sub.add_parser("topic", help="rename, pin or unpin a topic (kept across regenerations)")
    o.add_argument("action", choices=["rename", "pin", "unpin"])
    o.add_argument("facet")
    o.add_argument("topic_id", type=int)
    o.add_argument("label", nargs="?")
    o.set_defaults(fn=cmd_topic_override)

    s = sub.add_parser("sql", help="read-only SQL over facets and classifications")
    s.add_argument("query", nargs="?", default="SELECT * FROM project_logs('support-agent')")
    s.add_argument("--where", help='BTQL-style filter, e.g. classifications.Task.label = "Billing"')
    s.add_argument("--format", default="table", choices=["table", "csv", "json", "parquet"])
    s.add_argument("--output", help="file for --format parquet (inside the exports folder)")
    s.set_defaults(fn=cmd_sql)

    f = sub.add_parser(
        "facets", help="list facets, preview one on sample traces, or score one on gold labels"
    )
    f.add_argument("action", choices=["list", "test", "eval"])
    f.add_argument("facet", nargs="?")
    f.add_argument("--n", type=int, default=20)
    f.add_argument(
        "--facet", dest="facet", help="eval: the facet to score (or give it positionally)"
    )
    f.add_argument("--gold", help="eval: JSONL traces with a gold label field (docs/facets.md)")
    f.add_argument("--gold-field", default="gold", help="eval: field holding the gold label(s)")
    f.add_argument("--backend", default="local", choices=["local", "openai", "both"])
    f.add_argument(
        "--model", help="eval with openai: model name (default $TRACETOPICS_OPENAI_MODEL)"
    )
    f.add_argument("--json", action="store_true", help="eval: one JSON report per backend")
    f.add_argument("--file", help="facet YAML (default $TRACETOPICS_FACETS or the packaged one)")
    f.set_defaults(fn=cmd_facets)

    e = sub.add_parser("explore", help="serve the topics explorer on 127.0.0.1")
    e.add_argument("--host", default="127.0.0.1")
    e.add_argument("--port", type=int, default=8765)
    e.set_defaults(fn=cmd_explore)
    return p


# Commands that read the warehouse: without one there is nothing to show yet.
NEEDS_WAREHOUSE = {cmd_topics, cmd_topic_override, cmd_facets, cmd_sql}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    offline = args.fn is cmd_facets and args.action in ("list", "eval")
    needs = args.fn in NEEDS_WAREHOUSE and not offline
    if needs and not paths().warehouse.exists() and not paths().snapshot.exists():
        print(
            f"error: no warehouse at {paths().warehouse} — run `tracetopics run` "
            "(or `make demo`) first, or set TRACETOPICS_HOME",
            file=sys.stderr,
        )
        return 1
    return args.fn(args)


if __name__ == "__main__":
    raise SystemExit(main())
