"""Commands that read the results: topics, topic overrides, sql, facets, migrate, explore."""

from __future__ import annotations

import argparse
import json
import socket
import sys
from typing import TYPE_CHECKING

from tracetopics_pipeline.cli.errors import CliError
from tracetopics_pipeline.core.settings import Settings, paths

if TYPE_CHECKING:
    import duckdb


def cmd_topics(args: argparse.Namespace) -> int:
    from tracetopics_pipeline.cli import output

    if args.json:
        rows = output.topics(args.facet, args.date)[1]
        print(json.dumps(output.topics_json(rows), indent=2, default=str))
    else:
        output.print_topics(args.facet, day=args.date, every_sub=args.all)
    return 0


def cmd_topic_override(args: argparse.Namespace) -> int:
    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.topics.report import publish_for_readers

    if args.action == "merge" and args.into is None:
        raise CliError(f"merge needs the topic that absorbs it: tracetopics topic merge "
                       f"{args.facet} {args.topic_id} --into OTHER_ID")  # fmt: skip
    if args.into is not None and args.action != "merge":
        raise CliError(f"--into is for merge only: tracetopics topic merge {args.facet} "
                       f"{args.topic_id} --into {args.into}")  # fmt: skip
    if getattr(args, "auto", False) and (args.action != "rename" or args.label is not None):
        raise CliError(f"--auto goes back to the map's own name and takes no label: "
                       f"tracetopics topic rename {args.facet} {args.topic_id} --auto")  # fmt: skip
    if args.label is not None and args.action != "rename":
        raise CliError(f"{args.action} takes no label; to rename: tracetopics topic rename "
                       f'{args.facet} {args.topic_id} "New label"')  # fmt: skip
    if (
        args.action == "rename"
        and not getattr(args, "auto", False)
        and not (args.label or "").strip()
    ):
        raise CliError(f'rename needs the new label: tracetopics topic rename {args.facet} '
                       f'{args.topic_id} "New label" (or --auto for the map\'s own name)')  # fmt: skip
    with warehouse.connect(paths().warehouse, wait_s=0) as conn:
        said = _topic_change(conn, args)
        # the explorer shows it at once, as it shows a change made in the page
        publish_for_readers(conn, paths().snapshot, Settings.from_env())
    print(said)
    return 0


def _topic_change(conn: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> str:
    """Apply `tracetopics topic ACTION`; what to tell the person."""
    from tracetopics_pipeline.cli.output import resolve_facet
    from tracetopics_pipeline.core.names import NameRefused
    from tracetopics_pipeline.core.topics.overrides import MergeRefused, merge_topics, unmerge_topic
    from tracetopics_pipeline.core.topics.report import set_topic_override

    facet = resolve_facet(conn, args.facet)
    ids = [r[0] for r in conn.execute(
        "SELECT DISTINCT topic_id FROM topics WHERE facet = ? ORDER BY 1", [facet]
    ).fetchall()]  # fmt: skip
    if args.topic_id not in ids:
        known = f"its topics are {ids[0]}..{ids[-1]}" if ids else "it has no topics yet"
        raise CliError(
            f"{facet} has no topic {args.topic_id}; {known} (tracetopics topics --facet {facet})"
        )
    if args.action == "merge":
        try:
            done = merge_topics(conn, facet, args.topic_id, args.into)
        except MergeRefused as e:
            raise CliError(str(e)) from e
        via = (
            f"; {done['merged_into']} is merged into {done['counts_as']} "
            f"({done['counts_as_label']}), so its traces count there"
            if done["counts_as"] != done["merged_into"]
            else ""
        )
        return (
            f"merged {facet} topic {args.topic_id} into {done['merged_into']} "
            f"({done['label']}){via}; kept across regenerations"
        )
    if args.action == "unmerge":
        try:
            done = unmerge_topic(
                conn, facet, args.topic_id, settings=Settings.from_env(),
                notify=lambda text: print(text + " ...", flush=True),
            )  # fmt: skip
        except MergeRefused as e:
            raise CliError(str(e)) from e
        if done["refused"]:
            print(f"warning: {done['refused']}", file=sys.stderr)
        n = done["days"]
        return (f"unmerged {facet} topic {args.topic_id}; {n} day{'' if n == 1 else 's'} "
                "classified again, its traces are its own from now on")  # fmt: skip
    row = conn.execute(
        "SELECT label, pinned FROM topic_overrides WHERE facet = ? AND topic_id = ?",
        [facet, args.topic_id],
    ).fetchone()
    renamed, pinned = (row[0], bool(row[1])) if row else (None, False)
    if args.action == "rename" and args.auto:
        # Like unpin and unmerge: undoing what was not done is refused, in one line.
        if not renamed:
            raise CliError(f"{facet} topic {args.topic_id} is not renamed: it has the map's own "
                           "name already")  # fmt: skip
        done = set_topic_override(conn, facet, args.topic_id, label="")
        if done["auto_label"]:
            return (f"{facet} topic {args.topic_id} is '{done['auto_label']}' again, its "
                    f"automatic name (was '{renamed}'); regenerations name it from now on")  # fmt: skip
        return (f"dropped the rename of {facet} topic {args.topic_id} ('{renamed}'); the map "
                "names it again at its next rebuild (its own name was not kept)")  # fmt: skip
    if args.action == "rename":
        try:
            set_topic_override(conn, facet, args.topic_id, label=args.label)
        except NameRefused as e:
            raise CliError(str(e)) from e
    else:
        if pinned == (args.action == "pin"):
            raise CliError(f"{facet} topic {args.topic_id} is "
                           f"{'already pinned' if pinned else 'not pinned'}: nothing to "
                           f"{args.action}")  # fmt: skip
        set_topic_override(conn, facet, args.topic_id, pinned=args.action == "pin")
    done_word = {"rename": "renamed", "pin": "pinned", "unpin": "unpinned"}[args.action]
    return f"{done_word} {facet} topic {args.topic_id}; kept across regenerations"


DEFAULT_SQL = "SELECT * FROM project_logs('support-agent')"


def sql_query(query: str | None, *, where: str | None = None, stdin=None) -> str:
    """The query `tracetopics sql` runs: the argument; stdin when it is "-", or absent (with no
    --where) and stdin is piped; else the default query, also when piped stdin is empty (cron,
    CI: `</dev/null`) or closed. An empty query argument is a user error, not the default (with
    --where it lists the matching traces of every project, docs/sql.md)."""
    stdin = stdin if stdin is not None else sys.stdin
    if query == "-":
        if stdin is None:
            raise CliError('"-" reads the query from stdin, but stdin is closed')
        query = stdin.read()
    elif query is None:
        piped = stdin is not None and not where and not stdin.isatty()
        return (stdin.read() if piped else "").strip() or DEFAULT_SQL
    if not query.strip() and not where:
        raise CliError(
            'the query is empty: pass one, e.g. tracetopics sql "SELECT 42", or pipe it on stdin'
        )
    return query


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from tracetopics_pipeline.core.sql.errors import (
        OutputExists,
        SqlLimitExceeded,
        SqlParseError,
        SqlRefused,
        WarehouseUnavailable,
    )
    from tracetopics_pipeline.core.sql.execute import run_sql
    from tracetopics_pipeline.core.sql.formats import SUFFIXES, format_for
    from tracetopics_pipeline.core.warehouse.connection import damage

    fmt = args.format
    if fmt is None:  # --output out.csv means csv
        fmt = format_for(args.output) if args.output else "table"
        if fmt is None:
            raise CliError(
                f"cannot tell the format of {args.output}: end it in "
                f"{', '.join(SUFFIXES.values())} or pass --format"
            )

    def note(text: str) -> None:
        print(f"note: {text}", file=sys.stderr)

    query = sql_query(args.query, where=args.where)
    try:
        text = run_sql(
            query,
            where=args.where,
            fmt=fmt,
            output=args.output,
            overwrite=args.overwrite,
            notify=note,
            hard_stop=True,  # this process runs one query: end it if the engine cannot be stopped
        )
        print(text)
    except SqlParseError as exc:  # a typo, not a policy refusal
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except SqlRefused as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 2
    except (WarehouseUnavailable, SqlLimitExceeded, OutputExists) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except duckdb.Error as exc:  # the engine's own message, first line (binder, conversion...)
        if damage(exc) is not None:
            raise  # main says what to do about a damaged file, as for every command
        print(f"error: {str(exc).strip().splitlines()[0]}", file=sys.stderr)
        return 1
    return 0


def _facet_and_gold(args: argparse.Namespace, check=None):
    """(facet, gold set) for `facets eval` / `facets fit`; `check(facet)` raises before the gold
    file is read. Errors are the ones those commands print as one line."""
    from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
    from tracetopics_pipeline.core.facets.summarizers.gold_eval import GoldFileError, load_gold

    if not args.facet:
        raise GoldFileError(
            f"name the facet: tracetopics facets {args.action} FACET --gold FILE "
            "(`tracetopics facets list` shows them)"
        )
    try:
        facet = find_facet(load_facets(args.file), args.facet)
    except KeyError as e:  # its message, without the quotes str(KeyError) adds
        raise GoldFileError(e.args[0]) from None
    if check is not None:
        check(facet)
    if not args.gold:
        raise GoldFileError("--gold FILE is required (JSONL traces with a gold label field)")
    return facet, load_gold(args.gold, facet, args.gold_field)


def cmd_facets_eval(args: argparse.Namespace) -> int:
    """Score a labelled facet against a gold JSONL file (format: docs/facets.md), with the local
    summarizer, an OpenAI-compatible model (OPENAI_BASE_URL), or both."""
    from tracetopics_pipeline.core.facets.definitions import FacetConfigError
    from tracetopics_pipeline.core.facets.summarizers import make_summarizer
    from tracetopics_pipeline.core.facets.summarizers.gold_eval import GoldFileError, evaluate
    from tracetopics_pipeline.core.facets.summarizers.local import fitted

    try:
        facet, gold = _facet_and_gold(args)
        if args.backend != "openai" and not args.zero_shot:
            fitted.load(paths().models, facet)  # a model that cannot be used is said here
    except fitted.FitError as e:
        print(f"error: {e} (or score the rules alone with --zero-shot)", file=sys.stderr)
        return 2
    except (FacetConfigError, GoldFileError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    kinds = ["local", "openai"] if args.backend == "both" else [args.backend]
    reports = []
    for kind in kinds:
        opts = {"model": args.model, "cache_dir": paths().cache} if kind == "openai" else {}
        if kind == "local":
            opts = {"fitted_models": not args.zero_shot}
        summ = make_summarizer(kind, **opts)
        if kind == "local" and not args.json:
            _say_fitted(summ, facet, args.gold)
        reports.append(evaluate(summ, facet, gold))
    for r in reports:
        print(json.dumps(r.as_dict()) if args.json else r.text())
    return 0


def _say_fitted(summ, facet, gold_path: str) -> None:
    """Which local model is scored: the rules, or the rules with a model fitted on gold labels."""
    from tracetopics_pipeline.core.facets.summarizers.gold_fit import file_sha256

    model = summ.fitted_model(facet)
    if model is None:
        print(f"local: the rules alone (no model fitted for {facet.name!r}, or --zero-shot)")
        return
    print(f"local: the rules with the model fitted on {model.gold_file} ({model.path})")
    if model.gold_sha256 == file_sha256(gold_path):
        print(
            "note: this is the file the model was fitted on, so the figures below are optimistic;"
            " score traces it has not seen (or compare with --zero-shot)"
        )


ARRAYS = ("coef", "mean", "scale", "projection", "projection_mean")  # not in `fit --json`


def cmd_facets_fit(args: argparse.Namespace) -> int:
    """Fit a labelled facet's local model on a gold JSONL file and store it in the home."""
    from tracetopics_pipeline.core.facets.definitions import FacetConfigError
    from tracetopics_pipeline.core.facets.summarizers.gold_eval import GoldFileError
    from tracetopics_pipeline.core.facets.summarizers.gold_fit import fit_facet
    from tracetopics_pipeline.core.facets.summarizers.local.fitted import FitError, fittable

    def check(facet) -> None:
        if why := fittable(facet):
            raise FitError(why)

    try:
        facet, gold = _facet_and_gold(args, check)
        report = fit_facet(facet, gold, args.gold)
    except (FacetConfigError, GoldFileError, FitError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not args.dry_run:
        report.saved = report.model.save(paths().models)
    if args.json:
        out = {k: v for k, v in report.model.__dict__.items() if k not in ARRAYS}
        print(json.dumps(out | {"saved": str(report.saved or "")}))
    else:
        print(report.text())
    return 0


def cmd_spend(args: argparse.Namespace) -> int:
    """Spend on model calls to date against the budget (a stand-in until `tracetopics digest`)."""
    from tracetopics_pipeline.cli import output
    from tracetopics_pipeline.core.settings import Settings
    from tracetopics_pipeline.core.spend.ledger import spend_summary
    from tracetopics_pipeline.core.sql.errors import WarehouseUnavailable
    from tracetopics_pipeline.core.sql.execute import open_readonly

    try:
        conn, _, notice = open_readonly()
    except WarehouseUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        summary = spend_summary(conn, Settings.from_env(), days=args.days)
    finally:
        conn.close()
    if notice:
        print(notice, file=sys.stderr)
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2))
    else:
        output.print_spend(summary)
    return 0


def cmd_facets(args: argparse.Namespace) -> int:
    if args.action == "eval":
        return cmd_facets_eval(args)
    if args.action == "fit":
        return cmd_facets_fit(args)
    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
    from tracetopics_pipeline.core.facets.stage import preview_facet
    from tracetopics_pipeline.core.facets.summarizers import make_summarizer

    facets = load_facets(args.file)
    if args.action == "list":
        for f in facets:
            # each value with the words every page shows for it (label_names, as the
            # explorer's filters and pills: review rv6 E5), the default label marked
            names = f.label_names
            extra = (
                " labels: " + ", ".join(f"{v} “{names[v]}”" for v in f.labels) if f.labels else ""
            )
            if f.default_label:
                extra += f" (default {f.default_label}" + (
                    ")" if f.default_label in (f.labels or []) else f", shown as “{f.none_text}”)"
                )
            print(f"{f.name:20s} preprocessor={f.preprocessor}{extra}")
        return 0
    names = ", ".join(f.name for f in facets)
    if not args.facet:
        raise CliError(f"facets test needs a facet: tracetopics facets test Task (facets: {names})")
    if args.n < 1:
        raise CliError(f"--n must be at least 1, got {args.n}")
    try:
        find_facet(facets, args.facet)
    except KeyError:
        raise CliError(f"no facet named {args.facet!r}; facets: {names}") from None
    with warehouse.connect(paths().warehouse, read_only=True, wait_s=0) as conn:
        rows = preview_facet(
            conn, args.facet, args.n, facets=facets, summarizer=make_summarizer("local")
        )
    for row in rows:
        print(json.dumps(row, default=str))
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    """The warehouse brought up to this version in place (a writer's connect migrates), then
    the snapshot and the read copy published from it, so every reader sees it; waits for a run
    holding the warehouse (TRACETOPICS_LOCK_WAIT_S), saying who."""
    import duckdb

    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.topics.report import migrate_and_publish

    if not paths().warehouse.exists():  # a snapshot alone: nothing here to bring up to date
        raise CliError(f"no warehouse at {paths().warehouse}: nothing to migrate")
    try:
        published = migrate_and_publish(paths(), Settings.from_env(), read_copy=True)
    except (duckdb.Error, OSError) as e:
        if (why := warehouse.unwritable(e)) is None:
            raise
        raise CliError(
            f"cannot write {paths().warehouse} here ({why}): run `tracetopics migrate` where "
            "the home can be written (readers keep showing it as it is)"
        ) from None
    print(
        f"warehouse {paths().warehouse} is up to this version's tables; published the "
        f"explorer's snapshot {published.name} and the read copy {paths().read_copy}"
    )
    return 0


def cmd_explore(args: argparse.Namespace) -> int:
    import errno

    from tracetopics_pipeline.explorer.app import serve

    home = paths().home
    if not home.is_dir():  # a typo in TRACETOPICS_HOME would otherwise make an empty home
        raise CliError(
            f"no tracetopics home at {home}: set TRACETOPICS_HOME to the folder your runs use, "
            "or make one with `tracetopics ingest FILE` (or `make demo`)"
        )
    try:  # say so now, not after the warm-up, when the address is taken
        family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((args.host, args.port))
    except OSError as e:
        taken = e.errno in (errno.EADDRINUSE, errno.EACCES)
        remedy = "choose another --port" if taken else (
            f"--host {args.host} is not an address of this machine; leave it out for 127.0.0.1"
        )  # fmt: skip
        raise CliError(
            f"cannot listen on {args.host}:{args.port} ({e.strerror or e}); {remedy}"
        ) from None
    serve(host=args.host, port=args.port)
    return 0
