"""Commands that read the results: topics, topic overrides, sql, facets, explore."""

from __future__ import annotations

import argparse
import json
import sys

from tracetopics_pipeline.core.settings import paths


def cmd_topics(args: argparse.Namespace) -> int:
    from tracetopics_pipeline.cli import output

    if args.json:
        print(json.dumps(output.topics(args.facet, args.date), indent=2, default=str))
    else:
        output.print_topics(args.facet, day=args.date)
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

    from tracetopics_pipeline.core.sql.errors import SqlRefused, WarehouseUnavailable
    from tracetopics_pipeline.core.sql.execute import run_sql

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
    """Score a labelled facet against a gold JSONL file (format: docs/facets.md), with the local
    summarizer, an OpenAI-compatible model (OPENAI_BASE_URL), or both."""
    from tracetopics_pipeline.core.facets.definitions import (
        FacetConfigError,
        find_facet,
        load_facets,
    )
    from tracetopics_pipeline.core.facets.summarizers import make_summarizer
    from tracetopics_pipeline.core.facets.summarizers.gold_eval import (
        GoldFileError,
        evaluate,
        load_gold,
    )

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
    from tracetopics_pipeline.core.facets.definitions import load_facets
    from tracetopics_pipeline.core.facets.stage import preview_facet
    from tracetopics_pipeline.core.facets.summarizers import make_summarizer

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
