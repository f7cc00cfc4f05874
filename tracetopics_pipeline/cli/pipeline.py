"""Commands that put data in and run the pipeline: generate, ingest, run, demo, prepare.

Pipeline commands go through Dagster (runner.py): the same jobs the UI and schedule launch.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tracetopics_pipeline.cli.errors import CliError
from tracetopics_pipeline.core.settings import paths
from tracetopics_pipeline.core.wording import plural, possessive

if TYPE_CHECKING:
    from tracetopics_pipeline.core.ingest.files import TextCheck
    from tracetopics_pipeline.core.ingest.landing import FileSummary


def cmd_generate(args: argparse.Namespace) -> int:
    from tracetopics_pipeline.demo import generate_traffic

    out = Path(args.out) if args.out else paths().ensure().landing
    if out.exists() and not out.is_dir():
        raise CliError(f"--out {out} is a file; name a folder")
    if out.resolve() == paths().landing.resolve():
        _refuse_mixing(demo_into_own=True)
    files = generate_traffic(
        out,
        days=args.days,
        per_day=args.per_day,
        seed=args.seed,
        end=args.end,
        bad_lines=not args.clean,
    )
    print(f"wrote {len(files)} files of demo traffic to {out}")
    if out.resolve() == paths().landing.resolve():
        _keep_demo_plans()
    return 0


def _keep_demo_plans() -> None:
    """The demo's plans are its home's configuration, not the product's defaults (review rv13
    M3): written to the home's config.toml, so every later run of this home (`tracetopics run`,
    the schedule, `make ui`) scores accounts by them, as the demo's own run does.
    TRACETOPICS_PLAN_WEIGHTS in the environment still overrides them."""
    from tracetopics_pipeline.core.settings import PLAN_WEIGHTS_ENV, set_config_default
    from tracetopics_pipeline.demo.vocab import PLAN_WEIGHTS

    config = paths().config
    if set_config_default(config, PLAN_WEIGHTS_ENV, PLAN_WEIGHTS):
        print(f"plan weights: the demo's, written to {config} ({PLAN_WEIGHTS_ENV} overrides)")


def _refuse_mixing(*, demo_into_own: bool) -> None:
    """One home, one kind of traffic: the demo's synthetic traces and a team's own would be
    clustered, counted and named together (topic maps span every project of the window)."""
    from tracetopics_pipeline.core.ingest.landing import landing_files
    from tracetopics_pipeline.demo import holds_demo, not_demo_files

    landing = paths().landing
    if demo_into_own and (own := not_demo_files(landing_files(landing))):
        raise CliError(
            f"this home holds your own traces ({len(own)} files in {landing}); the demo would "
            "mix synthetic traffic into them: run it in a new home, e.g. "
            "TRACETOPICS_HOME=/tmp/tt-demo tracetopics demo"
        )
    if not demo_into_own and holds_demo(landing):
        raise CliError(
            f"this home ({paths().home}) holds the demo's synthetic traffic, which your traces "
            "would be clustered with: use a new home (TRACETOPICS_HOME=DIR tracetopics ingest "
            "FILE), or `make clean` to drop the demo first"
        )


def cmd_ingest(args: argparse.Namespace) -> int:
    from tracetopics_pipeline.core.ingest.files import text_lines
    from tracetopics_pipeline.core.ingest.landing import landed_copy
    from tracetopics_pipeline.core.ingest.records import SUPPORTED_SUFFIXES, read_whole_limit
    from tracetopics_pipeline.core.settings import Settings

    limit = Settings.from_env().max_trace_bytes  # the run's limit per trace
    text: dict[str, TextCheck] = {}
    for name in args.files:  # every file checked before any is landed
        src = Path(name)
        if src.is_dir():
            raise CliError(f"{src} is a folder: pass the trace files in it, e.g. {src}/*.jsonl")
        if not src.is_file():
            raise CliError(f"{src} is not a file")
        if src.stat().st_size == 0:
            raise CliError(f"{src} is empty: nothing to land")
        if src.suffix.lower() not in SUPPORTED_SUFFIXES:
            hint = f" (decompress it first: gunzip -k {src})" if src.suffix == ".gz" else ""
            raise CliError(
                f"{src}: the pipeline reads {', '.join(SUPPORTED_SUFFIXES)} files only, "
                f"so it would never read this one{hint}"
            )
        if src.suffix.lower() != ".parquet":
            text[name] = text_lines(src, limit)
            if kind := text[name].binary:
                raise CliError(_not_json_lines(src, kind))
            if text[name][0] == 0:
                raise CliError(f"{src} has only blank lines: nothing to land")
    _refuse_mixing(demo_into_own=False)
    landing = paths().ensure().landing
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    no_trace: list[str] = []  # files none of whose lines is a trace: said last, exit 1
    for i, name in enumerate(args.files):
        src = Path(name)
        if (copy := landed_copy(src, landing)) is not None:
            print(
                f"note: {src} has the same bytes as {copy.name}, landed already: safe, the next "
                "run keeps this copy's traces and records the other's as duplicate_superseded, "
                "which holds no day back",
                file=sys.stderr,
            )
        # a file not UTF-8 text is said so, with how to convert it: no second line for it
        told = name in text and _warn_not_utf8(src, text[name])
        # Copy under a temporary name, then rename: the sensor never sees a half-written file.
        target = landing / f"{stamp}-{i:03d}-{src.name}"
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(src, partial)
        partial.rename(target)
        print(f"landed {src} → {target}")
        check = text.get(name)
        if src.suffix.lower() != ".json" and check is not None and check.long_lines:
            # JSON Lines past a trace's size: landed unread, but a file whose long lines cannot
            # be traces (none opens like an object) is checked for traces all the same
            summary = None if check.long_objects else _short_lines_summary(target, limit)
            if summary is None or summary.traces or told:  # a no-trace file: that line alone
                _note_long_lines(src, check, limit)
        else:
            # read as the run reads it, never whole but a line, an array's item, or a .json
            # document up to read_whole_limit (64 MB; a longer one is JSON Lines, or one
            # line_too_long), to warn of traces far before the rest and of lines no trace
            summary = _warn_far_before(src, target)
        if summary is not None and summary.traces == 0 and not told:
            no_trace.append(_no_trace(src, target, summary, read_whole_limit(limit)))
        elif summary is not None and not told:
            _warn_mostly_junk(src, target, summary)
    for line in no_trace:
        print(f"error: {line}", file=sys.stderr)
    return 1 if no_trace else 0


# Reasons a line gets when it is no JSON at all (a CSV row, a log line).
_NOT_JSON = frozenset({"invalid_json", "invalid_utf8", "line_too_long"})


def _reasons(summary: FileSummary) -> str:
    """A file's three most frequent quarantine reasons: 'invalid_json 300, missing_id 200'."""
    top = sorted(summary.reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return ", ".join(f"{r} {k:,}" for r, k in top)


def _warn_mostly_junk(src: Path, target: Path, summary: FileSummary) -> None:
    """One line for a file with traces whose other lines pass the share of a day's lines the
    run holds a day back past (attack19: 3 traces among 500 junk lines landed silently, and
    the next run held their day): how many lines are no trace, why, the day, the rule (its
    setting), and how to look and let the day go on."""
    from tracetopics_pipeline.core.ingest.landing import attribution
    from tracetopics_pipeline.core.ingest.records import NOT_BAD_REASONS
    from tracetopics_pipeline.core.settings import Settings

    settings = Settings.from_env()
    bad = sum(k for r, k in summary.reasons.items() if r not in NOT_BAD_REASONS)
    lines = bad + (summary.traces or 0)
    threshold = settings.quarantine_rate_threshold
    if not lines or bad / lines <= threshold:
        return
    touched, fallback = attribution(summary, settings.start_date, datetime.now(UTC).date())
    days = sorted(touched) or [fallback]
    on = f"on {days[0]}" if len(days) == 1 else f"over {days[0]} … {days[-1]}"
    print(
        f"warning: {bad:,} of {possessive(str(src))} {lines:,} {_unit(target)}s are not traces "
        f"({_reasons(summary)}): landed with its {plural(summary.traces or 0, 'trace')}; the "
        f"next run quarantines them {on} and will hold that day back, as it does a day whose "
        f"quarantined lines pass {threshold:.0%} of its lines (TRACETOPICS_QUARANTINE_THRESHOLD;"
        f" this file's are {bad / lines:.0%}) unless its other files bring enough traces; look "
        f"with `tracetopics quarantine --day {days[0]}` (add --accept to let the day go on), or "
        f"`rm {target}` if this is the wrong file",
        file=sys.stderr,
    )


def _unit(target: Path) -> str:
    """What a file's traces are read from, by the run's reading of it: a .json array's "item"s,
    else "line"s (JSON Lines, or a .json document, read whole or by lines)."""
    from tracetopics_pipeline.core.ingest.files import json_start

    return "item" if target.suffix.lower() == ".json" and json_start(target) == b"[" else "line"


def _wrapper(src: Path, key: str, items: int, traces: int) -> str:
    """What to say of a .json object whose `key` holds the list of traces, and what to do."""
    held = plural(traces, "trace") if traces == items else f"{items:,} items, {traces:,} traces"
    path = f".{key}" if key.isidentifier() else f".[{json.dumps(key)}]"
    how = (
        f"e.g. `jq -c '{path}[]' {src} > {src.stem}.jsonl` and ingest that"
        if "'" not in key
        else "as a JSON array or JSON Lines"
    )
    return (
        f'it is one JSON object, not a list of traces: its key "{key}" holds a list of {held}; '
        f"pass the list itself, {how}"
    )


def _no_trace(src: Path, target: Path, summary: FileSummary, read_limit: int) -> str:
    """One line for a landed file none of whose lines is a trace (review rv13 M4: a CSV or a
    log renamed .jsonl landed silently, then held its day back): what its lines are, where
    they go, how to undo it, and what a trace file is."""
    from tracetopics_pipeline.core.ingest.files import wrapped_traces
    from tracetopics_pipeline.core.ingest.landing import attribution
    from tracetopics_pipeline.core.settings import Settings

    settings = Settings.from_env()
    n = sum(summary.reasons.values())
    if n == 0:  # "[]": an export of nothing, no line to quarantine
        return (
            f"no item of {src} is a trace (it is an empty JSON array: no trace in it); landed "
            f"as {target}, with nothing to quarantine (`rm {target}`); was the export empty?"
        )
    if src.suffix.lower() == ".json" and (wrapped := wrapped_traces(target, read_limit)):
        return (
            f"no line of {src} is a trace ({_wrapper(src, *wrapped)}); landed as {target}: "
            f"`rm {target}`, else the next run quarantines the object as one line"
        )
    unit = _unit(target)
    if set(summary.reasons) <= _NOT_JSON:
        what = f"its {plural(n, unit)}, none of them JSON"
    else:
        what = f"its {plural(n, unit)}: " + _reasons(summary)
    touched, fallback = attribution(summary, settings.start_date, datetime.now(UTC).date())
    days = sorted(touched) or [fallback]
    on = str(days[0]) if len(days) == 1 else f"{days[0]} … {days[-1]}"
    return (
        f"no {unit} of {src} is a trace ({what}); landed as {target} so nothing is lost: the next "
        f"run quarantines them on {on} (`tracetopics quarantine --day {days[0]}`), which holds "
        f"the day back if they pass {settings.quarantine_rate_threshold:.0%} of its lines "
        f"(`rm {target}` if this is the wrong file); expected: JSON Lines, one trace object per "
        'line with "id", "created" and "input"/"output" (README "Trace format"), '
        "an OTLP JSON export, or Parquet"
    )


def _not_json_lines(src: Path, kind: str) -> str:
    """One line for a file that is no text (review rv12 L4): what it looks like, what to do."""
    if kind.startswith("a Parquet"):
        todo = f"name it {src.stem}.parquet and ingest that"
    else:
        todo = "pass the trace export itself (JSONL, OTLP JSON or Parquet)"
    return f"{src} looks like {kind}, not JSON lines: nothing landed; {todo}"


def _note_long_lines(src: Path, check: TextCheck, limit: int) -> None:
    """Lines longer than a trace may be stored are landed unread: `ingest` checks them in
    blocks and does not parse them (a 200 MB line cost 1.1 GB, review rv12 L5); the run reads
    them, and keeps a trace cut to fit or quarantines what is no trace."""
    from tracetopics_pipeline.core.ingest.records import read_whole_limit

    n, first, size = check.long_lines, check.first_long, check.first_long_bytes
    which = (
        f"line {first} of {src} is {size:,} bytes,"
        if n == 1
        else f"{n} lines of {src} (the first: line {first}, {size:,} bytes) are"
    )
    run = (  # JSON Lines only: a .json is read as the run reads it, item by item (cmd_ingest)
        "the run cuts a trace to fit (flagged truncated) and quarantines a line that is "
        f"no trace, or longer than the {read_whole_limit(limit):,} bytes it reads a line to "
        "(line_too_long)"
    )
    print(
        f"note: {which} longer than the {limit:,} bytes a trace is stored in "
        f"(TRACETOPICS_MAX_TRACE_BYTES): landed unread; {run}",
        file=sys.stderr,
    )


def _short_lines_summary(target: Path, limit: int) -> FileSummary:
    """A JSON Lines file's summary with each line over `limit` counted unread (line_too_long,
    its day from its head) and no landing index entry: for a file none of whose long lines is
    a trace, so it gets the no-trace and mostly-junk lines in bounded memory (the run reads
    it whole, and fills the index)."""
    from tracetopics_pipeline.core.ingest.files import parse_file
    from tracetopics_pipeline.core.ingest.landing import FileSummary
    from tracetopics_pipeline.core.settings import Settings

    settings = Settings.from_env()
    result = parse_file(
        target,
        max_trace_bytes=settings.max_trace_bytes,
        start_date=settings.start_date,
        days_only=True,
        max_line_bytes=limit,
    )
    st = target.stat()
    return FileSummary.of(result, st.st_size, st.st_mtime_ns)


def _warn_far_before(src: Path, target: Path) -> FileSummary | None:
    """Traces dated far before the rest of their file (a year-old stray, review rv9 M5) are
    landed and kept, and said so here. Reading the file now fills the landing index the run
    reads, so the run does not read it twice. It is read line by line, keeping only each line's
    day (`days_only`): memory is a line's, not the file's (review rv12 L5)."""
    from tracetopics_pipeline.core.ingest import gaps, landing
    from tracetopics_pipeline.core.settings import Settings

    settings = Settings.from_env()
    today = datetime.now(UTC).date()
    index = landing.LandingIndex(landing.default_index_path(target.parent))
    summary = landing.file_summary(
        index, target, settings.start_date, today, settings.max_trace_bytes, days_only=True
    )[0]
    index.save(landing.landing_files(target.parent))
    if summary is None:
        return None
    valid = landing.attribution(summary, settings.start_date, today)[0]
    far = gaps.stray({d: summary.days.get(d.isoformat(), 0) for d in valid})
    if far is not None:
        print(
            f"warning: {src} has {far.describe(noun='line')}: landed and kept (it may be a "
            "backfill; nothing is dropped); the run's summary counts them, and the explorer's "
            f"time axis starts at {far.rest_first} and offers to show from {far.first}",
            file=sys.stderr,
        )
    return summary


def _warn_not_utf8(src: Path, check: TextCheck) -> bool:
    """Warn of lines that are not UTF-8 text (the run quarantines them); True when it did."""
    lines, not_utf8 = check.lines, check.not_utf8
    lost = "nothing is lost; `tracetopics quarantine --day DAY` lists them"
    with open(src, "rb") as fh:
        gz = " (it looks gzip-compressed: gunzip it first)" if fh.read(2) == b"\x1f\x8b" else ""
    if check.wide and not gz:  # ASCII in UTF-16 is valid UTF-8, byte by byte (review rv6 U2)
        enc = check.wide  # UTF-32 is named as such: UTF-16's iconv would make garbage (rv7 L1)
        print(
            f"warning: {src} is {enc} text, which the pipeline does not read: convert it with "
            f"`iconv -f {enc} -t UTF-8 {src} > {src.stem}-utf8{src.suffix}` and ingest that; "
            f"landed anyway, the next run quarantines its lines ({lost})",
            file=sys.stderr,
        )
        return True
    if not not_utf8:
        return False
    if src.suffix.lower() == ".json" and not gz:
        # A .json file is read as one document or an array's items, not by lines (review rv5
        # M3): bad bytes cost the whole document, or the items that hold them, or in an OTLP
        # export the traces that hold them (review rv7 U4).
        print(
            f"warning: {src} has bytes that are not UTF-8 text on {not_utf8} of its {lines} "
            "lines: landed anyway; the next run quarantines the document, the array items, or "
            f"(an OTLP export) the traces that hold them ({lost})",
            file=sys.stderr,
        )
        return True
    what = (
        f"{src} is not UTF-8 text{gz}"
        if not_utf8 == lines
        else f"{not_utf8} of {possessive(str(src))} {lines} lines are not UTF-8 text"
    )
    print(
        f"warning: {what}: landed anyway; the next run quarantines "
        f"{'its lines' if not_utf8 == lines else 'those'} as invalid_utf8 ({lost})",
        file=sys.stderr,
    )
    return True


# ── the pipeline ────────────────────────────────────────────────────────────────────────


def landing_days() -> list[date]:
    from tracetopics_pipeline.core.ingest import landing
    from tracetopics_pipeline.core.settings import Settings

    start = Settings.from_env().start_date
    days: set[date] = set()
    for f in landing.landing_files(paths().landing):
        days |= landing.file_days(f, start_date=start)
    return sorted(d for d in days if start is None or d >= start)


def check_run_inputs() -> None:
    """Read the user's facets file and executor config before Dagster starts: a broken one is
    one line naming the file (FacetConfigError / ConfigError), not a failed step whose log
    must be dug out of the UI (review rv6 C2)."""
    from tracetopics_pipeline.core.facets.definitions import load_facets
    from tracetopics_pipeline.core.settings import Settings

    load_facets()
    settings = Settings.from_env()
    if settings.executor and settings.executor_config:
        from tracetopics_pipeline.defs.executors import load_executor_config

        load_executor_config(settings.executor_config)


def cmd_run(args: argparse.Namespace) -> int:
    from tracetopics_pipeline import runner
    from tracetopics_pipeline.cli import output, problems

    if getattr(args, "today", False):
        return run_today(args)
    if args.from_ and args.to and args.from_ > args.to:
        raise CliError(
            f"--from {args.from_} is after --to {args.to}: swap them "
            f"(--from {args.to} --to {args.from_}); both days are included"
        )
    today = datetime.now(UTC).date()
    for flag, day in (("--from", args.from_), ("--to", args.to)):
        if day is not None and day > today:  # the daily partitions end today
            raise CliError(
                f"{flag} {day} is after today ({today}, UTC): there is no day to run after today; "
                f"give a day up to {today}, or leave {flag} out"
            )
    check_run_inputs()
    if args.from_ or args.to:
        landing = landing_days()
        first = args.from_ or (landing[0] if landing else datetime.now(UTC).date())
        last = args.to or (landing[-1] if landing else datetime.now(UTC).date())
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    else:
        days = landing_days()
    if not days:
        raise CliError(
            f"nothing to run: no landing files in {paths().landing} touch any day "
            "(try `tracetopics ingest FILE` or `tracetopics generate`)"
        )
    from tracetopics_pipeline.defs.partitions import START_DATE

    if days[0] < START_DATE:  # --from before the first daily partition: nothing there to run
        days = [d for d in days if d >= START_DATE]
        print(
            f"note: the daily partitions start on {START_DATE} (the earliest landed day, or "
            "TRACETOPICS_START_DATE); the days before it are left out"
        )
        if not days:
            raise CliError(f"nothing to run: every day asked for is before {START_DATE}")
    try:
        runner.run_pipeline(days)
    except runner.RunFailed as failed:  # a blocking check or a step: say what, not a traceback
        return problems.report(days, failed)
    output.print_summary()
    return problems.report(days)


def parse_tags(values: list[str] | None) -> dict[str, str]:
    """`--tag key=value` options as a dict; a value without '=' is a user error."""
    tags: dict[str, str] = {}
    for v in values or []:
        key, sep, value = v.partition("=")
        if not sep or not key.strip():
            raise CliError(f"--tag must look like key=value, got {v!r}")
        tags[key.strip()] = value
    return tags


def run_today(args: argparse.Namespace) -> int:
    """`tracetopics run --today`: the daily schedule's job for today's partition, now."""
    from tracetopics_pipeline import runner
    from tracetopics_pipeline.cli import output, problems

    if args.from_ or args.to:
        raise CliError("--today runs one day; leave out --from/--to")
    tags = parse_tags(args.tag)
    check_run_inputs()
    today = datetime.now(UTC).date()
    try:
        runner.run_daily(today, tags=tags)
    except runner.RunInProgress as e:
        raise CliError(str(e)) from None
    except runner.RunFailed as failed:  # a held day, a blocking check, a step: say what
        return problems.report([today], failed)
    output.print_summary()
    return problems.report([today])


def cmd_demo(args: argparse.Namespace) -> int:
    from tracetopics_pipeline.cli import output

    print(f"tracetopics demo — home {paths().home}")
    rc = cmd_generate(args) or cmd_run(argparse.Namespace(from_=None, to=None))
    if rc:  # a held-back day, a failed step: the run said why; no empty list blamed on size
        print(
            "error: the demo's run did not finish (see above): no topics to show", file=sys.stderr
        )
        return rc
    output.print_topics("Task", limit=30)
    output.print_recovery()
    print(
        "\nNext: `make ui` (Dagster UI), `make explore` (topics explorer), "
        '`.venv/bin/tracetopics sql "SELECT ..."`'
    )
    return 0


def cmd_prepare(args: argparse.Namespace) -> int:
    from tracetopics_pipeline.defs.dbt_project import ensure_manifest

    print(f"dbt manifest ready: {ensure_manifest()}")
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    import subprocess

    if not paths().warehouse.exists():
        print(
            f"error: no warehouse at {paths().warehouse} — run `tracetopics run` first",
            file=sys.stderr,
        )
        return 1
    _check_readable(paths().warehouse)
    # imported only now: loading the dbt project parses it into HOME/dbt, which a mistyped
    # home must not get
    from tracetopics_pipeline.defs.dbt_project import generate_docs

    try:
        folder = generate_docs()
    except subprocess.CalledProcessError:
        print("error: dbt docs generate failed (see the dbt output above)", file=sys.stderr)
        return 1
    print(f"dbt docs for {paths().home}: {folder / 'index.html'}")
    if not args.serve:
        print(f"serve them with `tracetopics docs --serve` (http://127.0.0.1:{args.port}/)")
        return 0
    serve_folder(folder, args.port)
    return 0


def _check_readable(warehouse: Path) -> None:
    """Open the warehouse once before dbt does: a damaged file (an empty one included) raises
    DuckDB's error, which main reports in one line, instead of dbt hanging on it. A writer's
    lock is no damage: dbt waits for it as before."""
    import duckdb

    from tracetopics_pipeline.core.warehouse.connection import connect, lock_holder

    try:
        connect(warehouse, read_only=True, wait_s=0).close()
    except duckdb.Error as exc:
        if lock_holder(exc) is None:
            raise


def serve_folder(folder: Path, port: int) -> None:
    """Serve a static folder on 127.0.0.1 to local pages only (Host header checked)."""
    import functools
    import http.server

    class LocalOnly(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
            if host not in ("127.0.0.1", "localhost", "[::1]"):
                self.send_error(403, "only local pages may read these docs")
                return
            super().do_GET()

        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(LocalOnly, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"serving on http://127.0.0.1:{port}/ (Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
