"""`tracetopics`: the command line.

`pipeline` holds the commands that put data in and run the pipeline (through Dagster, see
runner.py), `reading` the ones that read results, `output` what they print. A user error
prints one line saying what is wrong and what to do, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from typing import NoReturn

from tracetopics_pipeline.cli.digest import cmd_digest, since_days
from tracetopics_pipeline.cli.errors import CliError
from tracetopics_pipeline.cli.pipeline import (
    cmd_demo,
    cmd_docs,
    cmd_generate,
    cmd_ingest,
    cmd_prepare,
    cmd_run,
)
from tracetopics_pipeline.cli.quarantine import cmd_quarantine
from tracetopics_pipeline.cli.reading import (
    cmd_explore,
    cmd_facets,
    cmd_migrate,
    cmd_spend,
    cmd_sql,
    cmd_topic_override,
    cmd_topics,
)
from tracetopics_pipeline.cli.status import cmd_status
from tracetopics_pipeline.cli.usage import add_command
from tracetopics_pipeline.core.facets.definitions import FacetConfigError
from tracetopics_pipeline.core.settings import ConfigError, paths, read_config
from tracetopics_pipeline.core.warehouse import WarehouseLocked

# Errors that are the user's to fix: one line, no traceback.
UserError = (CliError, ConfigError, FacetConfigError, WarehouseLocked)


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the help to read."""

    def error(self, message: str) -> NoReturn:
        hint = "" if "(see `" in message else f" (see `{self.prog} --help`)"  # one hint, not two
        self.exit(2, f"error: {message}{hint}\n")

    def parse_args(self, args=None, namespace=None):  # noqa: ANN001, ANN201 (argparse's own)
        """argparse's, but an unknown flag is the subcommand's error (`tracetopics topics
        --help`), not the top parser's: a subparser hands its leftovers up unjudged."""
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            subs = [a for a in self._actions if isinstance(a, argparse._SubParsersAction)]
            chosen = [s.choices.get(getattr(ns, s.dest, None) or "") for s in subs]
            (next((c for c in chosen if c is not None), None) or self).error(
                f"unrecognized arguments: {' '.join(extras)}"
            )
        return ns


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _count(text: str, most: int = 10**6) -> int:
    """A positive whole number up to `most` (an absurd one is a typo, not a request: it would
    overflow a date or a LIMIT further down)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{n} is not a positive number")
    if n > most:
        raise argparse.ArgumentTypeError(f"{n} is more than {most:,}")
    return n


def _topic_id(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if not 0 <= n < 2**31:
        raise argparse.ArgumentTypeError(f"{text!r} is not a topic id (see `tracetopics topics`)")
    return n


def _days(text: str) -> int:
    return _count(text, most=3660)  # ten years of days


def _port(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if not 1 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (1-65535)")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="tracetopics",
        description="Mine an AI agent's traces for product-roadmap signals: facets, topics, trends.",
    )
    sub = p.add_subparsers(dest="command", required=True)

    g = add_command(sub, "generate", "write seeded synthetic support-agent traffic")
    g.add_argument("--out", default=None, help="folder, default $TRACETOPICS_HOME/landing")
    d = add_command(sub, "demo", "generate demo traffic, run the pipeline, show topics")
    for parser in (g, d):
        parser.add_argument("--days", type=_days, default=30, help="days of traffic (30)")
        parser.add_argument("--per-day", type=_count, default=300, help="traces a day (300)")
        parser.add_argument(
            "--seed", type=int, default=7, help="random seed: same seed, same traces"
        )
        parser.add_argument("--end", type=_date, default=None, help="last day (UTC), default today")
        parser.add_argument("--clean", action="store_true", help="no deliberately bad lines")
    g.set_defaults(fn=cmd_generate)
    d.set_defaults(fn=cmd_demo, out=None)

    i = add_command(sub, "ingest", "copy trace files (JSONL, OTLP JSON, Parquet) to landing")
    i.add_argument("files", nargs="+", help="trace files to copy (.jsonl, .json, .parquet)")
    i.set_defaults(fn=cmd_ingest)

    r = add_command(sub, "run", "materialize the days the landing files touch, via Dagster")
    r.add_argument(
        "--from", dest="from_", type=_date, metavar="DAY", help="first day to run (YYYY-MM-DD)"
    )
    r.add_argument("--to", type=_date, metavar="DAY", help="last day to run (YYYY-MM-DD)")
    r.add_argument(
        "--today",
        action="store_true",
        help="run the daily schedule's job (daily_job) for today's partition now",
    )
    r.add_argument("--tag", action="append", metavar="KEY=VALUE", help="a tag on the run (--today)")
    r.set_defaults(fn=cmd_run)

    add_command(sub, "prepare", "prepare the dbt manifest").set_defaults(fn=cmd_prepare)

    dd = add_command(sub, "docs", "build the dbt docs of the marts for this home")
    dd.add_argument("--serve", action="store_true", help="serve them on 127.0.0.1")
    dd.add_argument("--port", type=_port, default=8081, help="port for --serve (8081)")
    dd.set_defaults(fn=cmd_docs)

    q = add_command(sub, "quarantine", "a day's quarantined lines; --accept them")
    q.add_argument("--day", type=_date, required=True, help="the day (YYYY-MM-DD)")
    q.add_argument("--accept", action="store_true", help="let a held-back day go on")
    q.add_argument("--limit", type=_count, default=20, help="lines shown")
    q.set_defaults(fn=cmd_quarantine)

    t = add_command(sub, "topics", "topics of a facet ranked by share")
    t.add_argument("--facet", default="Task", help="the facet (Task; `facets list` names them)")
    t.add_argument(
        "--date",
        type=_date,
        help="count only the traces of this UTC day (default: every day classified)",
    )
    t.add_argument("--json", action="store_true", help="JSON instead of text")
    t.add_argument("--all", action="store_true", help="every subtopic (default: the first 4)")
    t.set_defaults(fn=cmd_topics)

    dg = add_command(
        sub,
        "digest",
        "what changed: new, growing and fading topics, pain, capability gaps, priorities",
    )
    dg.add_argument(
        "--since", type=since_days, default=7, metavar="7d",
        help="window length in days (7d) or weeks (2w), ending at the latest classified day; "
        "-3d and --since=-3d mean 3d",
    )  # fmt: skip
    dg.add_argument(
        "--format", choices=["text", "md", "json"], default="text", help="text, Markdown or JSON"
    )
    dg.set_defaults(fn=cmd_digest)

    o = add_command(
        sub, "topic", "rename, pin, unpin, merge or unmerge a topic (kept across regenerations)"
    )
    o.add_argument(
        "action",
        choices=["rename", "pin", "unpin", "merge", "unmerge"],
        help="rename it, pin its name, unpin it, merge it --into another topic, or undo a merge",
    )
    o.add_argument("facet", help="the facet, e.g. Task")
    o.add_argument("topic_id", type=_topic_id, help="the topic's id")
    o.add_argument("label", nargs="?", help="rename: the new name")
    o.add_argument("--into", type=_topic_id, help="merge: the topic id that absorbs TOPIC_ID")
    o.add_argument(
        "--auto",
        action="store_true",
        help="rename: drop the rename and go back to the map's own name (regenerations name it "
        "again)",
    )
    o.set_defaults(fn=cmd_topic_override)

    s = add_command(sub, "sql", "read-only SQL over facets and classifications")
    s.add_argument(
        "query",
        nargs="?",
        help='one read-only query; "-" or none with piped input reads it from stdin '
        "(default: SELECT * FROM project_logs('support-agent'))",
    )
    s.add_argument("--where", help='BTQL-style filter, e.g. classifications.Task.label = "Billing"')
    s.add_argument(
        "--format",
        choices=["table", "csv", "json", "parquet"],
        help="default: table, or what --output's suffix names",
    )
    s.add_argument(
        "--output",
        help="write the result to this file (inside the current directory or the exports "
        "folder) instead of printing it; out.csv / out.json / out.parquet pick the format",
    )
    s.add_argument(
        "--overwrite", action="store_true", help="replace the --output file if it exists"
    )
    s.set_defaults(fn=cmd_sql)

    f = add_command(
        sub,
        "facets",
        "list facets, preview one on sample traces (test), score one on gold labels (eval), "
        "or fit one to them (fit)",
    )
    f.add_argument(
        "action",
        choices=["list", "test", "eval", "fit"],
        help="list the facets; test: preview one on sample traces; eval: score one on gold "
        "labels; fit: fit one to them",
    )
    f.add_argument("facet", nargs="?", help="the facet, e.g. Sentiment")
    f.add_argument("--n", type=_count, default=20, help="test: sample traces shown (20)")
    f.add_argument("--facet", dest="facet", help="eval, fit: the facet (or give it positionally)")
    f.add_argument(
        "--gold", help="eval, fit: JSONL traces with a gold label field (docs/facets.md)"
    )
    f.add_argument(
        "--gold-field", default="gold", help="eval, fit: field holding the gold label(s)"
    )
    f.add_argument(
        "--zero-shot",
        action="store_true",
        help="eval: the local rules alone, ignoring a model fitted with `facets fit`",
    )
    f.add_argument(
        "--dry-run", action="store_true", help="fit: cross-validate and report, save nothing"
    )
    f.add_argument(
        "--backend",
        default="local",
        choices=["local", "openai", "both"],
        help="eval: the local rules, the OpenAI-compatible endpoint (OPENAI_BASE_URL), or both",
    )
    f.add_argument(
        "--model", help="eval with openai: model name (default $TRACETOPICS_OPENAI_MODEL)"
    )
    f.add_argument("--json", action="store_true", help="eval, fit: JSON instead of text")
    f.add_argument("--file", help="facet YAML (default $TRACETOPICS_FACETS or the packaged one)")
    f.set_defaults(fn=cmd_facets)

    st = add_command(sub, "status", "what state this home is in: landed, run, held, published")
    st.add_argument("--json", action="store_true", help="JSON instead of text")
    st.set_defaults(fn=cmd_status)

    sp = add_command(sub, "spend", "spend on model calls to date against the budget")
    sp.add_argument("--days", type=_days, default=14, help="days shown one by one")
    sp.add_argument("--json", action="store_true", help="JSON instead of text")
    sp.set_defaults(fn=cmd_spend)

    add_command(
        sub, "migrate", "bring an older home's warehouse up to this version, publish for readers"
    ).set_defaults(fn=cmd_migrate)

    e = add_command(sub, "explore", "serve the topics explorer on 127.0.0.1")
    e.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    e.add_argument("--port", type=_port, default=8765, help="port (8765)")
    e.set_defaults(fn=cmd_explore)
    return p


# Commands that read the warehouse: without one there is nothing to show yet.
NEEDS_WAREHOUSE = {
    cmd_topics,
    cmd_migrate,
    cmd_topic_override,
    cmd_facets,
    cmd_sql,
    cmd_spend,
    cmd_digest,
    cmd_quarantine,
}


def main(argv: list[str] | None = None) -> int:
    import duckdb

    try:
        return _main(argv)
    except BrokenPipeError:  # `tracetopics ... | head`: the reader left, nothing is wrong
        # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:
        from tracetopics_pipeline.core.warehouse.connection import damage, lock_holder

        if lock_holder(exc) is not None:
            print(
                f"error: the warehouse {paths().warehouse} is locked by a running pipeline; "
                "retry when it finishes",
                file=sys.stderr,
            )
            return 1
        if (what := damage(exc)) is not None:
            print(
                f"error: a warehouse file under {paths().home} is damaged ({what}); the landing "
                'files are untouched: docs/operations.md "A damaged warehouse" says how to rebuild',
                file=sys.stderr,
            )
            return 1
        raise
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError, PermissionError) as exc:
        # a file or folder the user named: missing, not a folder, no access
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


# Options whose value may start with a dash (`digest --since -3d`): argparse would read the
# value as an option and answer "expected one argument".
DASHED_VALUES = ("--since",)


def _join_dashed_values(argv: list[str]) -> list[str]:
    """`--since -3d` → `--since=-3d`, which argparse takes as the option's value."""
    out: list[str] = []
    for arg in argv:
        if out and out[-1] in DASHED_VALUES and arg[:2].lstrip("-").isdigit() and arg[0] == "-":
            out[-1] = f"{out[-1]}={arg}"
        else:
            out.append(arg)
    return out


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(_join_dashed_values(sys.argv[1:] if argv is None else argv))
    if paths().home.exists() and not paths().home.is_dir():
        raise CliError(
            f"TRACETOPICS_HOME={paths().home} is a file, not a folder: point it at a folder "
            "(a missing one is created)"
        )
    read_config(paths().config)  # a broken config.toml: one line for every command, before any work
    offline = args.fn is cmd_facets and args.action in ("list", "eval", "fit")
    needs = args.fn in NEEDS_WAREHOUSE and not offline
    if needs and not paths().warehouse.exists() and not paths().snapshot.exists():
        print(
            f"error: no warehouse at {paths().warehouse} — run `tracetopics run` "
            "(or `make demo`) first, or set TRACETOPICS_HOME",
            file=sys.stderr,
        )
        return 1
    return args.fn(args)
