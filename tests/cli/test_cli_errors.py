"""The real `tracetopics` console script, given wrong input for every command: one line on
stderr saying what is wrong, a non-zero exit, never a traceback. And `| head` stays quiet."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from factories.marts import build_marts_warehouse, recent_traces

from tracetopics_pipeline.cli.errors import CliError
from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.warehouse.snapshot import publish_snapshot

EXE = Path(sys.executable).with_name("tracetopics")


@pytest.fixture(scope="module")
def cli_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("cli_home")
    build_marts_warehouse(home / "warehouse.duckdb", recent_traces())
    (home / "a_file").write_text("not a folder")
    (home / "traces.jsonl.gz").write_bytes(b"\x1f\x8b")
    (home / "notes.txt").write_text("{}")
    (home / "kept.csv").write_text("a user's own file\n")
    (home / "empty_home").mkdir()
    (home / "empty.jsonl").write_text("")
    (home / "blank.jsonl").write_text("\n  \n\r\n")
    (home / "self.yaml").write_text("a: &a [*a]\n")
    (home / "nokey.yaml").write_text("- name: \n")
    (home / "u16.yaml").write_bytes("facets:\n  - name: A\n".encode("utf-16"))
    (home / "merge.yaml").write_text(
        "facets:\n  - name: X\n    description: d\n    <<: {labels: [A]}\n"
    )
    (home / "exec-badint.yaml").write_text("max_concurrent: !!int abc\n")
    return home


def tracetopics(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(EXE), *args],
        env={**os.environ, "TRACETOPICS_HOME": str(home), **env},
        cwd=home,
        capture_output=True,
        text=True,
        timeout=300,
    )


WRONG = {
    "generate: --days not a number": (["generate", "--days", "x"], "--days"),
    "generate: --days 0": (["generate", "--days", "0"], "positive"),
    "generate: --out is a file": (["generate", "--out", "a_file", "--days", "1"], "is a file"),
    "demo: --end not a date": (["demo", "--end", "yesterday"], "not a date"),
    "ingest: no such file": (["ingest", "no_such.jsonl"], "not a file"),
    "ingest: no file given": (["ingest"], "required"),
    "ingest: a folder": (["ingest", "empty_home"], "is a folder: pass the trace files in it"),
    "ingest: an empty file": (["ingest", "empty.jsonl"], "is empty: nothing to land"),
    "ingest: only blank lines": (["ingest", "blank.jsonl"], "only blank lines: nothing to land"),
    "ingest: the home is a file": (
        ["ingest", "notes.txt"],
        "a_file is a file, not a folder",
        {"TRACETOPICS_HOME": "a_file"},
    ),  # fmt: skip
    "topics: the home is a file": (
        ["topics"],
        "is a file, not a folder",
        {"TRACETOPICS_HOME": "/etc/passwd"},
    ),  # fmt: skip
    "topics: a missing facet file": (
        ["topics", "--facet", "nosuch"],
        "none.yaml: cannot read facet file",
        {"TRACETOPICS_FACETS": "none.yaml"},
    ),  # fmt: skip
    "facets list: a key with no value at the end": (
        ["facets", "list"],
        "nokey.yaml line 1: top level: expected a mapping",
        {"TRACETOPICS_FACETS": "nokey.yaml"},
    ),  # fmt: skip
    "facets list: a UTF-16 facet file": (
        ["facets", "list"],
        "iconv -f UTF-16 -t UTF-8",
        {"TRACETOPICS_FACETS": "u16.yaml"},
    ),  # fmt: skip
    "run: a self-referencing facet file stops before Dagster": (
        ["run", "--from", "2026-11-20", "--to", "2026-11-20"],
        "self.yaml line 1: an alias refers to the value that holds it",
        {"TRACETOPICS_FACETS": "self.yaml"},
    ),  # fmt: skip
    "facets list: a merge key (review rv7 Y1)": (
        ["facets", "list"],
        "merge.yaml line 4: merge keys (`<<`) are not supported",
        {"TRACETOPICS_FACETS": "merge.yaml"},
    ),  # fmt: skip
    "run: a bad typed value in the executor config (review rv7 Y1)": (
        ["run", "--from", "2026-11-20", "--to", "2026-11-20"],
        "exec-badint.yaml line 1: 'abc' is not a valid int",
        {"TRACETOPICS_EXECUTOR": "multiprocess", "TRACETOPICS_EXECUTOR_CONFIG": "exec-badint.yaml"},
    ),  # fmt: skip
    "topics: a day after the data": (
        ["topics", "--facet", "Task", "--date", "2027-01-01"],
        "no Task traces classified on 2027-01-01 (classified days: 20",
    ),  # fmt: skip
    "topics: a day before the data, as JSON": (
        ["topics", "--facet", "Task", "--date", "2020-01-01", "--json"],
        "no Task traces classified on 2020-01-01 (classified days: 20",
    ),  # fmt: skip
    "quarantine: accept a day with nothing": (
        ["quarantine", "--day", "2026-01-01", "--accept"],
        "nothing is quarantined on 2026-01-01",
    ),  # fmt: skip
    "quarantine: a negative limit": (["quarantine", "--day", "2026-11-20", "--limit", "-3"], "-3"),
    "quarantine: a huge limit": (
        ["quarantine", "--day", "2026-11-20", "--limit", "99999999999999999999"],
        "more than",
    ),  # fmt: skip
    "spend: a huge --days": (["spend", "--days", "99999999"], "more than 3,660"),
    "generate: a huge --days": (["generate", "--days", "99999999"], "more than 3,660"),
    "generate: a huge --per-day": (["generate", "--per-day", "99999999999"], "more than"),
    "topic: a huge id": (
        ["topic", "rename", "Task", "99999999999999999999", "X"],
        "not a topic id",
    ),
    "facets test: a negative --n": (["facets", "test", "Sentiment", "--n", "-1"], "-1"),
    "ingest: a gzip file": (["ingest", "traces.jsonl.gz"], "gunzip -k traces.jsonl.gz"),
    "ingest: a text file": (["ingest", "notes.txt"], "reads .jsonl, .ndjson, .json, .parquet"),
    "run: --from after --to": (
        ["run", "--from", "2026-05-01", "--to", "2026-04-01"],
        "after --to 2026-04-01: swap them (--from 2026-04-01 --to 2026-05-01)",
    ),  # fmt: skip
    # an unknown flag is the subcommand's to explain, not the top parser's
    "topics: unknown flag": (["topics", "--bogus"], "--bogus (see `tracetopics topics --help`)"),
    "run: bad date": (["run", "--from", "2026-13-01"], "not a date"),
    "run: no landing files": (["run"], "nothing to run"),
    "run: --to after today": (["run", "--to", "2999-01-01"], "--to 2999-01-01 is after today"),
    "run: a range after today": (
        ["run", "--from", "2999-01-01", "--to", "2999-01-02"],
        "--from 2999-01-01 is after today",
    ),  # fmt: skip
    "run: before the first partition": (
        ["run", "--from", "2024-01-01", "--to", "2024-01-02"],
        "before 2025-01-01",
    ),  # fmt: skip
    "prepare: extra argument": (["prepare", "extra"], "unrecognized"),
    "docs: bad port": (["docs", "--port", "0"], "not a port"),
    "docs: no warehouse": (["docs"], "no warehouse"),
    "topics: unknown facet": (["topics", "--facet", "nosuch"], "facets: "),
    "topic: unknown facet": (["topic", "pin", "nosuch", "1"], "no facet named"),
    "topic: unknown topic id": (["topic", "rename", "Task", "99", "New"], "no topic 99"),
    "topic: rename without label": (["topic", "rename", "Task", "0"], "needs the new label"),
    "topic: rename with a right-to-left override": (
        ["topic", "rename", "Task", "0", "Conn\u202eection"],
        "the new label holds the invisible or control character U+202E",
    ),
    "topic: rename with a newline": (["topic", "rename", "Task", "0", "Conn\nsetup"], "U+000A"),
    "topic: rename to symbols only": (
        ["topic", "rename", "Task", "0", "***"],
        "no letter or digit",
    ),
    "topic: id not a number": (["topic", "pin", "Task", "abc"], "not a topic id"),
    "topic: one hint": (["topic", "rename", "Task", "abc", "x"], "(see `tracetopics topics`)"),
    "sql: refused statement": (["sql", "CHECKPOINT"], "CHECKPOINT is not allowed"),
    "sql: a typo is a parse error": (
        ["sql", "SELEC 1"],
        'cannot parse the query: syntax error at or near "SELEC"',
    ),
    "sql: empty query": (["sql", ""], "the query is empty"),
    # review rv13: DuckDB's first line named the column and dropped its candidates
    "sql: unknown column": (
        ["sql", "SELECT nosuchcol FROM raw_traces"],
        'error: no column "nosuchcol"; columns: id, day, created, project_id,',
    ),  # fmt: skip
    "sql: a mistyped column": (
        ["sql", "SELECT creatd FROM raw_traces"],
        'error: no column "creatd": did you mean "created"?',
    ),  # fmt: skip
    "sql: unknown output suffix": (["sql", "SELECT 1", "--output", "x.xml"], "format of x.xml"),
    "sql: output outside": (["sql", "SELECT 1", "--output", "/etc/x.csv"], "must be inside"),
    "sql: output exists": (["sql", "SELECT 1", "--output", "kept.csv"], "pass --overwrite"),
    "sql: too many rows": (["sql", "SELECT * FROM range(200000)"], "TRACETOPICS_SQL_MAX_ROWS"),
    "sql: bad limit setting": (
        ["sql", "SELECT 1"],
        "TRACETOPICS_SQL_TIMEOUT",
        {"TRACETOPICS_SQL_TIMEOUT": "soon"},
    ),  # fmt: skip
    "facets: test without a facet": (["facets", "test"], "needs a facet"),
    "facets: test unknown facet": (["facets", "test", "nosuch"], "no facet named"),
    "facets: missing facet file": (["facets", "list", "--file", "none.yaml"], "none.yaml"),
    "facets: unknown action": (["facets", "frob"], "invalid choice"),
    "facets: no gold file": (
        ["facets", "eval", "Sentiment", "--gold", "/nonexistent.jsonl"],
        "no gold file at /nonexistent.jsonl",
    ),  # fmt: skip
    "facets: eval unknown facet": (
        ["facets", "eval", "--facet", "nosuch", "--gold", "g.jsonl"],
        "no facet named",
    ),  # fmt: skip
    "facets: eval without gold": (["facets", "eval", "--facet", "Sentiment"], "--gold"),
    "facets: fit without gold": (["facets", "fit", "--facet", "Sentiment"], "--gold"),
    "facets: fit a structural facet": (
        ["facets", "fit", "--facet", "Issues", "--gold", "g.jsonl"],
        "read from the trace's structure",
    ),
    "facets: fit an open facet": (["facets", "fit", "--facet", "Task"], "no label set"),
    "run: a hub name as the embedding model": (
        ["run"],
        "TRACETOPICS_EMBED_MODEL",
        {"TRACETOPICS_EMBED_MODEL": "sentence-transformers/all-mpnet-base-v2"},
    ),  # fmt: skip
    "spend: --days 0": (["spend", "--days", "0"], "positive"),
    "spend: bad budget setting": (
        ["spend"],
        "TRACETOPICS_BUDGET_USD_DAY",
        {"TRACETOPICS_BUDGET_USD_DAY": "lots"},
    ),  # fmt: skip
    "explore: bad port": (["explore", "--port", "99999"], "not a port"),
    "digest: bad window": (["digest", "--since", "7x"], "not a window"),
    "digest: window too long": (["digest", "--since", "60w"], "at most 366 days"),
    "digest: bad format": (["digest", "--format", "pdf"], "invalid choice"),
    "digest: no warehouse": (["digest"], "no warehouse"),
    "unknown command": (["frobnicate"], "invalid choice"),
    "no command": ([], "required"),
}


@pytest.mark.parametrize("case", list(WRONG))
def test_wrong_input_is_one_line(cli_home: Path, case: str) -> None:
    args, expect, *env = WRONG[case]
    empty = case in ("run: no landing files", "docs: no warehouse", "digest: no warehouse")
    home = cli_home / "empty_home" if empty else cli_home
    res = tracetopics(home, *args, **(env[0] if env else {}))
    assert res.returncode != 0
    assert "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert expect in res.stderr and res.stderr.count("(see `") <= 1  # one hint at most
    assert (cli_home / "kept.csv").read_text() == "a user's own file\n"
    if empty:  # a failing command leaves a (perhaps mistyped) home as it found it
        assert list(home.iterdir()) == []


@pytest.mark.parametrize("damage", ["empty", "bad block"])
def test_a_damaged_warehouse_is_one_line_naming_it(tmp_path: Path, damage: str) -> None:
    home = tmp_path / "home"
    build_marts_warehouse(home / "warehouse.duckdb", recent_traces())
    path = home / "warehouse.duckdb"
    if damage == "empty":
        path.write_bytes(b"")
    else:  # a block of noise past the header: DuckDB's checksum fails, no "lock" is held
        with open(path, "r+b") as fh:
            fh.seek(8192)
            fh.write(os.urandom(8192))
    commands = [["topics", "--facet", "Task"], ["sql", "SELECT count(*) FROM raw_traces"]]
    if damage == "empty":  # `docs` hung in dbt on it (review rv3 F13)
        commands.append(["docs"])
    for args in commands:
        res = tracetopics(home, *args)
        assert res.returncode == 1 and "Traceback" not in res.stderr, res.stderr
        assert len(res.stderr.strip().splitlines()) == 1, res.stderr
        assert "is damaged" in res.stderr and "busy" not in res.stderr, res.stderr
    # a query that merely names a checksum is the user's error, not a damaged file
    fine = tmp_path / "fine"
    build_marts_warehouse(fine / "warehouse.duckdb", recent_traces())
    res = tracetopics(fine, "sql", "SELECT checksum_of_nothing(1)")
    assert res.returncode == 1 and "damaged" not in res.stderr, res.stderr


def test_sql_reads_the_query_from_stdin(cli_home: Path) -> None:
    """`echo QUERY | tracetopics sql` and `tracetopics sql -` run the piped query, not the
    default one."""
    for args in (["sql"], ["sql", "-"]):
        res = subprocess.run(
            [str(EXE), *args],
            env={**os.environ, "TRACETOPICS_HOME": str(cli_home)},
            cwd=cli_home,
            input="SELECT 42 AS answer\n",
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert res.returncode == 0, res.stderr
        assert res.stdout.split() == ["answer", "------", "42", "(1", "row)"]


class _Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        raise AssertionError("a terminal is never read")  # nor asked, once a query is given


def test_which_query_sql_runs() -> None:
    """The argument; "-": stdin; nothing: a piped query, else the default, also when the pipe
    is empty (cron, CI: </dev/null) or stdin is closed; never stdin beside --where (a pipe that
    never closes would hang it)."""
    from tracetopics_pipeline.cli.reading import DEFAULT_SQL, sql_query

    assert sql_query("SELECT 1", stdin=_Terminal("x")) == "SELECT 1"
    assert sql_query("-", stdin=_Pipe("SELECT 2")) == "SELECT 2"
    assert sql_query(None, stdin=_Pipe("SELECT 3\n")) == "SELECT 3"
    assert sql_query(None, stdin=_Pipe("")) == DEFAULT_SQL
    assert sql_query(None, stdin=_Pipe("  \n")) == DEFAULT_SQL

    import tracetopics_pipeline.cli.reading as reading

    # sys.stdin is None when the shell closed it (<&-)
    saved, reading.sys.stdin = reading.sys.stdin, None
    try:
        assert sql_query(None) == DEFAULT_SQL
        with pytest.raises(CliError, match="stdin is closed"):
            sql_query("-")
    finally:
        reading.sys.stdin = saved
    piped = _Pipe("SELECT 4")
    assert sql_query(None, where="customer = 'acme'", stdin=piped) == DEFAULT_SQL
    assert piped.tell() == 0  # not read
    for empty in ("", "  "):
        with pytest.raises(CliError, match="the query is empty"):
            sql_query(empty, stdin=_Pipe(""))
    with pytest.raises(CliError, match="the query is empty"):
        sql_query("-", stdin=_Pipe(" \n"))


def test_explore_on_a_taken_port_is_one_line(cli_home: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        res = tracetopics(cli_home, "explore", "--port", str(port))
    assert res.returncode != 0 and "Traceback" not in res.stderr
    assert res.stderr.strip().splitlines() == [
        f"error: cannot listen on 127.0.0.1:{port} (Address already in use); choose another --port"
    ]


def test_explore_on_an_address_not_here_or_a_home_not_there_is_one_line(cli_home: Path) -> None:
    """A --host this machine does not have was told to choose another --port; a home that does
    not exist (a typo in TRACETOPICS_HOME) was made, empty (review rv9 L6)."""
    for host in ("192.0.2.1", "nosuch.invalid"):  # TEST-NET-1: never an address of this machine
        res = tracetopics(cli_home, "explore", "--host", host, "--port", "8799")
        assert res.returncode != 0 and "Traceback" not in res.stderr
        [line] = res.stderr.strip().splitlines()
        assert f"--host {host} is not an address of this machine" in line, line
    missing = cli_home / "no_such_home"
    res = subprocess.run(
        [str(EXE), "explore"], env={**os.environ, "TRACETOPICS_HOME": str(missing)},
        cwd=cli_home, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert res.stderr.strip().splitlines() == [
        f"error: no tracetopics home at {missing}: set TRACETOPICS_HOME to the folder your runs "
        "use, or make one with `tracetopics ingest FILE` (or `make demo`)"
    ]
    assert not missing.exists()


def test_facet_names_in_any_case(cli_home: Path) -> None:
    res = tracetopics(cli_home, "topics", "--facet", "task")
    assert res.returncode == 0 and "Task topics, ranked by share" in res.stdout
    assert "Export dashboard to CSV" in res.stdout
    res = tracetopics(cli_home, "topics", "--facet", "SENTIMENT")
    assert res.returncode == 0 and "No Sentiment topics yet" in res.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["sql", "SELECT * FROM range(50000)"],
        ["sql", "SELECT * FROM range(50000)", "--format", "csv"],
        ["sql", "SELECT repeat('x', 200) AS s FROM range(20000)", "--format", "json"],
        ["topics"],
        ["topics", "--json"],
        ["facets", "list"],
        ["--help"],
    ],
)
def test_pipe_into_head_is_quiet(cli_home: Path, args: list[str]) -> None:
    """`tracetopics ... | head -1`: the reader leaves early; no BrokenPipe traceback."""
    proc = subprocess.Popen(
        [str(EXE), *args],
        env={**os.environ, "TRACETOPICS_HOME": str(cli_home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline()
    proc.stdout.close()  # like head after its first line
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert err == ""


@contextmanager
def write_lock(path: Path) -> Iterator[None]:
    """Another process holds `path`'s write lock, as a pipeline run does, until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('ok', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ok"
        yield
    finally:
        holder.terminate()
        holder.wait()


def test_a_locked_warehouse_is_one_line(cli_home: Path) -> None:
    """A pipeline run holds the write lock: reading commands say so instead of a traceback."""
    with write_lock(cli_home / "warehouse.duckdb"):
        for args in (["topic", "pin", "Task", "0"], ["facets", "test", "Task"]):
            res = tracetopics(cli_home, *args)
            assert res.returncode != 0 and "Traceback" not in res.stderr
            assert res.stderr.strip().splitlines() == [
                f"error: the warehouse {cli_home / 'warehouse.duckdb'} is locked by a running "
                "pipeline; retry when it finishes"
            ]
        # reading commands answer from the snapshot, and without one say that in one line
        res = tracetopics(cli_home, "topics")
        assert res.returncode != 0 and res.stderr.strip().splitlines() == [
            f"error: the warehouse {cli_home / 'warehouse.duckdb'} is locked by a running "
            "pipeline and no snapshot has been published yet; retry when the run finishes"
        ]


def test_topics_answer_from_the_snapshot_while_a_run_holds_the_warehouse(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    build_marts_warehouse(home / "warehouse.duckdb", recent_traces())
    conn = warehouse.connect(home / "warehouse.duckdb")
    publish_snapshot(conn, home / "snapshot", embed_model=warehouse.PACKAGED_MODEL_ID)
    conn.close()
    free = tracetopics(home, "topics", "--json")
    with write_lock(home / "warehouse.duckdb"):
        busy = tracetopics(home, "topics", "--json")
    assert free.returncode == busy.returncode == 0, busy.stderr
    assert json.loads(busy.stdout) == json.loads(free.stdout) and json.loads(free.stdout)["topics"]
    assert busy.stderr.startswith("note: the warehouse is busy")


def test_topic_actions_say_what_they_did(tmp_path: Path) -> None:
    home = tmp_path / "home"
    build_marts_warehouse(home / "warehouse.duckdb", recent_traces())
    for action, said in (("pin", "pinned"), ("unpin", "unpinned")):
        res = tracetopics(home, "topic", action, "Task", "0")
        assert res.returncode == 0, res.stderr
        assert res.stdout.startswith(f"{said} Task topic 0;"), res.stdout


def test_one_home_holds_one_kind_of_traffic(tmp_path: Path) -> None:
    """The demo's synthetic traffic and a team's own traces are never mixed in one home."""
    own = tmp_path / "mine.jsonl"
    own.write_text(json.dumps({"id": "t1", "created": "2026-11-20T10:00:00Z", "input": "hi"}))
    demo_home, my_home = tmp_path / "demo", tmp_path / "mine"
    res = tracetopics(
        tmp_path, "generate", "--days", "1", "--per-day", "5", TRACETOPICS_HOME=str(demo_home)
    )
    assert res.returncode == 0, res.stderr
    res = tracetopics(tmp_path, "ingest", str(own), TRACETOPICS_HOME=str(demo_home))
    assert res.returncode == 2 and "synthetic traffic" in res.stderr, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert [p.name for p in (demo_home / "landing").glob("*mine*")] == []  # nothing landed
    res = tracetopics(tmp_path, "ingest", str(own), TRACETOPICS_HOME=str(my_home))
    assert res.returncode == 0, res.stderr
    res = tracetopics(tmp_path, "generate", "--days", "1", TRACETOPICS_HOME=str(my_home))
    assert res.returncode == 2 and "your own traces (1 files" in res.stderr, res.stderr
    assert not list((my_home / "landing").glob("demo-*"))
    out = tmp_path / "elsewhere"  # --out another folder is no home's landing: allowed
    res = tracetopics(tmp_path, "generate", "--days", "1", "--per-day", "5", "--out", str(out), TRACETOPICS_HOME=str(my_home))  # fmt: skip
    assert res.returncode == 0 and list(out.glob("demo-*.jsonl")), res.stderr


def test_map_sample_sizes_are_not_printed_as_traffic(monkeypatch, capsys) -> None:
    """Before anything is classified, `topics` ranks the map's topics by the summaries each was
    built from: the header says so and the column is "sample", not "count" (review rv6 C1)."""
    from tracetopics_pipeline.cli import output

    item = {"topic_id": 1, "label": "Export dashboards", "count": 40, "share": 0.8,
            "keywords": [], "samples": [], "subtopics": [], "map_sample": True}  # fmt: skip
    other = {**item, "topic_id": 2, "label": "Reset password", "count": 10, "share": 0.2}
    monkeypatch.setattr(output, "topics", lambda facet, day=None: ("Task", [item, other]))
    output.print_topics("Task")
    out = capsys.readouterr().out
    assert "ranked by map sample size (2 topics; no traces classified yet" in out
    assert "sample  label" in out and "count" not in out
    assert output.topics_json([item])["counted"].startswith("map sample sizes")


def test_demo_fails_when_its_run_fails(home, monkeypatch, capsys) -> None:
    """A demo whose run stopped (a held-back day, a failed step) exits with the run's code and
    shows no topic list or recovery figures that would blame the empty map on its size (rv7 N2)."""
    import argparse

    import tracetopics_pipeline.demo as demo
    from tracetopics_pipeline.cli import output, pipeline
    from tracetopics_pipeline.core.settings import Settings

    def never(*a, **k):
        raise AssertionError("printed after a failed run")

    monkeypatch.delenv("TRACETOPICS_PLAN_WEIGHTS", raising=False)
    seen: list[dict[str, float] | None] = []
    monkeypatch.setattr(demo, "generate_traffic", lambda out, **k: [])
    monkeypatch.setattr(
        pipeline, "cmd_run", lambda args: seen.append(Settings.from_env().plan_weights) or 1
    )
    monkeypatch.setattr(output, "print_topics", never)
    monkeypatch.setattr(output, "print_recovery", never)
    args = argparse.Namespace(out=None, days=1, per_day=5, seed=0, end=None, clean=True)
    assert pipeline.cmd_demo(args) == 1
    # the demo's plan weights reach its run from the home's config.toml, not from the
    # environment: a process that runs the demo (this test session) keeps no plans
    assert seen and (seen[0] or {}).get("enterprise") == 1.0
    assert "TRACETOPICS_PLAN_WEIGHTS" not in os.environ
    err = capsys.readouterr().err
    assert "the demo's run did not finish" in err and "no topics to show" in err
