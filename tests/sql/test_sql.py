"""`tracetopics sql`: project_logs, the seed's two queries as written, the sandbox, --where,
output formats and the locked-warehouse fallback. Fixture rows: tests/factories/marts.py
recent_traces() (times relative to now; project my-project-id plus one 'other' trace)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from factories.marts import build_marts_warehouse, recent_traces

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.sql.errors import (
    OutputExists,
    SqlParseError,
    SqlRefused,
    WarehouseUnavailable,
)
from tracetopics_pipeline.core.sql.execute import execute_sql, open_readonly, run_sql
from tracetopics_pipeline.core.sql.macro import install_project_logs
from tracetopics_pipeline.core.sql.sandbox import ZeroBasedDuckDB
from tracetopics_pipeline.core.sql.where import to_duckdb

SEED_1 = """SELECT facets.sentiment, classifications.Task[0].label as topic, count(*) as count,
       avg(metrics.total_tokens) as avg_tokens
FROM project_logs('my-project-id', shape => 'traces')
WHERE facets.sentiment IS NOT NULL AND classifications.Task IS NOT NULL
  AND created > now() - interval 7 day
GROUP BY facets.sentiment, topic ORDER BY count DESC LIMIT 20"""

SEED_2 = """SELECT id, created, facets.task, facets.sentiment FROM project_logs('my-project-id')
WHERE facets.sentiment IN ('NEGATIVE', 'MIXED') AND created > now() - interval 7 day
ORDER BY created DESC LIMIT 100"""


@pytest.fixture(scope="module")
def wh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sql") / "warehouse.duckdb"
    build_marts_warehouse(path, recent_traces())
    conn = warehouse.connect(path)
    keys = install_project_logs(conn)  # persisted, as the pipeline does
    conn.close()
    assert keys[:3] == ["task", "sentiment", "issues"]
    return path


def run(wh: Path, query: str, **kw) -> list[dict]:
    return execute_sql(query, warehouse=wh, **kw).table.to_pylist()


def test_seed_query_1_as_written(wh: Path) -> None:
    got = run(wh, SEED_1)
    assert got[0] == {
        "sentiment": "NEGATIVE",
        "topic": "Export dashboard to CSV",
        "count": 2,
        "avg_tokens": 200.0,
    }  # s1 + s2; s7 is 10 days old, s8 another project
    rest = {(r["sentiment"], r["topic"], r["count"], r["avg_tokens"]) for r in got[1:]}
    assert rest == {
        ("POSITIVE", "Export dashboard to CSV", 1, 200.0),
        ("MIXED", "Dataset creation", 1, 400.0),  # human override of "Create dataset"
        ("NEGATIVE", "Dataset creation", 1, 600.0),
        ("NEUTRAL", "no_match", 1, 50.0),  # s6: no Task topic is near it, as every surface says
    }  # s9 has no sentiment


def test_seed_query_2_as_written(wh: Path) -> None:
    got = run(wh, SEED_2)
    assert [r["id"] for r in got] == ["s1", "s2", "s4", "s5"]
    assert [r["sentiment"] for r in got] == ["NEGATIVE", "NEGATIVE", "MIXED", "NEGATIVE"]
    assert got[0]["task"] == "Export dashboard to CSV (s1)"
    assert list(got[0]) == ["id", "created", "task", "sentiment"]


def test_seed_queries_group_by_parent_topics(wh: Path) -> None:
    """Two levels: `.label` / `.topic_id` are the parent topic (what the seed's queries group
    by), `.subtopic` / `.subtopic_id` the fine topic under it, human renames at both levels."""
    from factories.marts import TASK_LABELS, TASK_SUBS

    topics = {r["topic"] for r in run(wh, SEED_1)} - {"no_match"}
    assert topics == {"Export dashboard to CSV", "Dataset creation"}
    assert not topics & {label for _, label in TASK_SUBS.values()}
    assert topics <= set(TASK_LABELS.values()) | {"Dataset creation"}
    got = run(
        wh,
        "SELECT id, classifications.Task[0].topic_id AS tid, classifications.Task[0].label AS t,"
        " classifications.Task[0].subtopic_id AS sid, classifications.Task[0].subtopic AS s,"
        " classifications.Issues[0].label AS issue"
        " FROM project_logs('my-project-id') WHERE id IN ('s2', 's4', 's6') ORDER BY id",
    )
    assert got == [
        {"id": "s2", "tid": 0, "t": "Export dashboard to CSV", "sid": 10,
         "s": "CSV export of one dashboard", "issue": "No issue"},
        {"id": "s4", "tid": 2, "t": "Dataset creation", "sid": 30,
         "s": "Dataset from CSV files", "issue": "No issue"},  # both renamed by a human
        {"id": "s6", "tid": -1, "t": "no_match", "sid": -1, "s": "no_match", "issue": "No issue"},
    ]  # fmt: skip
    by_sub = run(
        wh,
        "SELECT id FROM project_logs(NULL) WHERE id LIKE 's%' ORDER BY id",
        where='classifications.Task.subtopic = "Dataset from CSV files"',
    )
    assert [r["id"] for r in by_sub] == ["s4", "s5"]


def test_no_match_is_an_element_and_null_is_not_classified(wh: Path) -> None:
    """Review rv13: project_logs showed NULL for a trace no Task topic is near (s6), where
    `tracetopics topics`, the explorer and the marts say no_match, and where a facet that never
    read the trace (s9's Issues) is NULL too. no_match is an element like any topic (topic_id
    -1, docs/sql.md); NULL is "not classified"."""
    got = run(
        wh,
        "SELECT id, classifications.Task[0].label AS task, classifications.Task[0].topic_id AS"
        " tid, classifications.Issues AS issues FROM project_logs(NULL) WHERE id IN ('s6', 's9')"
        " ORDER BY id",
    )
    assert [(r["id"], r["task"], r["tid"], r["issues"]) for r in got] == [
        ("s6", "no_match", -1, [{"label": "No issue", "topic_id": 5, "subtopic": "No issue",
                                 "subtopic_id": 45, "distance": 0.2}]),
        ("s9", "Reset password", 1, None),
    ]  # fmt: skip
    where = run(wh, "", where='classifications.Task.label = "no_match"')
    assert [r["id"] for r in where] == ["s6"]


def test_macro_reads_a_warehouse_from_before_two_levels(tmp_path: Path) -> None:
    """A classifications table without the subtopic columns (an old warehouse or snapshot
    opened read-only) still binds: subtopic fields are NULL."""
    conn = duckdb.connect(str(tmp_path / "old.duckdb"))
    warehouse.ensure_schema(conn)
    conn.execute("ALTER TABLE classifications DROP COLUMN subtopic")
    conn.execute("ALTER TABLE classifications DROP COLUMN subtopic_id")
    install_project_logs(conn, temporary=True)
    cols = conn.execute("DESCRIBE SELECT classifications FROM project_logs(NULL)").fetchall()
    conn.close()
    assert "subtopic_id INTEGER" in cols[0][1] and "subtopic VARCHAR" in cols[0][1]


def test_zero_based_indexes(wh: Path) -> None:
    got = run(
        wh,
        "SELECT id, classifications.Task[0].label AS first, classifications.Task[1] AS second,"
        " classifications.task[-1].topic_id AS last, [10, 20, 30][0:2] AS sl"
        " FROM project_logs('my-project-id') WHERE id = 's4'",
    )
    assert got == [
        {"id": "s4", "first": "Dataset creation", "second": None, "last": 2, "sl": [10, 20]}
    ]
    assert "[1]" in to_duckdb("SELECT x[0] FROM t").sql(dialect=ZeroBasedDuckDB)


def test_persisted_macro_is_plain_duckdb(wh: Path) -> None:
    """A BI tool opening the file gets project_logs too, with DuckDB's own 1-based lists."""
    conn = duckdb.connect(str(wh), read_only=True)
    try:
        n = conn.execute("SELECT count(*) FROM project_logs('my-project-id')").fetchone()[0]
        label = conn.execute(
            "SELECT classifications.Task[1].label FROM project_logs('my-project-id') WHERE id='s1'"
        ).fetchone()[0]
        every = conn.execute("SELECT count(*) FROM project_logs(NULL)").fetchone()[0]
    finally:
        conn.close()
    assert (n, label, every) == (8, "Export dashboard to CSV", 9)


def test_spans_shape(wh: Path) -> None:
    got = run(
        wh,
        "SELECT id, trace_id, span_index, role, input, output"
        " FROM project_logs('my-project-id', shape => 'spans') WHERE trace_id = 's1'"
        " ORDER BY span_index",
    )
    assert [r["role"] for r in got] == ["user", "assistant", "tool", "assistant"]
    assert got[0]["input"] == "Export my dashboard to CSV" and got[0]["id"] == "s1:0"
    assert "run_export" in got[1]["output"]
    assert got[2]["input"] == "error: 500"
    assert got[3]["output"] == "Sorry, the export failed."
    traces = run(wh, "SELECT input, output FROM project_logs('my-project-id') WHERE id = 's1'")
    assert traces == [
        {"input": "Export my dashboard to CSV", "output": "Sorry, the export failed."}
    ]


def test_metrics_and_metadata(wh: Path) -> None:
    got = run(
        wh,
        "SELECT metrics.total_tokens AS t, metrics.latency_s AS l, metadata->>'plan_tier' AS tier,"
        " facets.churn_risk AS churn FROM project_logs('my-project-id') WHERE id = 's5'",
    )
    assert got == [{"t": 600, "l": 3.0, "tier": "enterprise", "churn": None}]


@pytest.mark.parametrize(
    "query, message",
    [
        ("SELECT * FROM read_csv('/etc/passwd')", "read_csv() is not allowed"),
        ("SELECT * FROM read_csv_auto('/etc/passwd')", "cannot read files"),
        ("SELECT * FROM '/etc/passwd'", "looks like a file"),
        ('SELECT * FROM "data.csv"', "looks like a file"),
        ("SELECT * FROM read_parquet('x.parquet')", "cannot read files"),
        ("SELECT * FROM read_json('x.json')", "cannot read files"),
        ("SELECT * FROM glob('/etc/*')", "glob() is not allowed"),
        ("SELECT read_text('/etc/passwd')", "read_text() is not allowed"),
        ("SELECT * FROM query('SELECT 1')", "query() is not allowed"),
        ("COPY raw_traces TO 'out.csv'", "COPY is not allowed"),
        ("COPY (SELECT 1) TO 'out.csv'", "COPY is not allowed"),
        ("ATTACH 'other.duckdb' AS o", "ATTACH is not allowed"),
        ("INSTALL httpfs", "INSTALL is not allowed"),
        ("LOAD httpfs", "LOAD is not allowed"),
        ("PRAGMA version", "PRAGMA is not allowed"),
        ("SET enable_external_access = true", "SET is not allowed"),
        ("CREATE TABLE x AS SELECT 1", "CREATE is not allowed"),
        ("DELETE FROM raw_traces", "DELETE is not allowed"),
        ("DROP TABLE raw_traces", "DROP is not allowed"),
        ("UPDATE raw_traces SET id = 'x'", "UPDATE is not allowed"),
        ("SELECT 1; DELETE FROM raw_traces", "exactly one statement"),
        ("SELECT * FROM nosuchtable", "unknown table"),
        # what shows the machine rather than the data: paths and settings
        ("SELECT path FROM duckdb_databases", "unknown table"),
        ("SELECT * FROM pg_catalog.pg_settings", "unknown table"),
        ("SELECT * FROM pragma_database_list", "unknown table"),
        ("SELECT file FROM main.pragma_database_list", "unknown table"),
        ("SELECT * FROM duckdb_logs", "unknown table"),
        ("SELECT * FROM sqlite_master", "unknown table"),
        ("SELECT current_setting('temp_directory')", "current_setting() is not allowed"),
        ("SUMMARIZE '/etc/passwd'", "looks like a file"),
        ("DESCRIBE 'data.csv'", "looks like a file"),
    ],
)
def test_sandbox_refuses(wh: Path, query: str, message: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SqlRefused, match=message.replace("(", r"\(").replace(")", r"\)")):
        run_sql(query, warehouse=wh)
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    "query, message",
    [
        ("SELEC 1", 'syntax error at or near "SELEC"'),  # sqlglot reads it as a command
        ("SELECT 1 FROM", 'syntax error at or near "FROM"'),
        ("DELET FROM raw_traces", 'syntax error at or near "DELET"'),
        ("SELECT 'abc", "unterminated string literal"),  # sqlglot cannot even tokenize these
        ("SELECT 1 /* x", r"unterminated /\* comment"),
        ("SELEC \udcff", "it is not valid UTF-8 text"),  # a shell's $'\xff' as Python reads it
    ],
)
def test_a_typo_is_a_parse_error_not_a_refusal(wh: Path, query: str, message: str) -> None:
    with pytest.raises(SqlParseError, match=f"^cannot parse the query: {message}"):
        run_sql(query, warehouse=wh)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT creatd FROM project_logs(NULL)", 'no column "creatd": did you mean "created"?'),
        ("SELECT nope FROM project_logs(NULL)",
         'no column "nope"; columns: id, trace_id, span_index, role, created, day, project_id, '
         "session_id, input, output, metadata, metrics, facets, classifications, tool_calls"),
        ("SELECT l.nope FROM project_logs(NULL) l", 'no column "nope" in l; columns: id, '),
        ("WITH a AS (SELECT id FROM raw_traces) SELECT idd FROM a",
         'no column "idd": did you mean "id"?'),
        ("SELECT facets.sentimnt FROM project_logs(NULL)",
         'no facet key "sentimnt": did you mean "sentiment"?'),
        ("SELECT classifications.Tsk[0].label FROM project_logs(NULL)",
         'no facet key "Tsk": did you mean "task"?'),
        ("SELECT facets.xyz FROM project_logs(NULL)",
         'no facet key "xyz"; facet keys: task, sentiment, issues, feature_request, '),
        ("SELECT x.id FROM project_logs(NULL) l", 'no table "x" in this query; tables: "l"'),
    ],
)  # fmt: skip
def test_an_unknown_name_is_one_line_with_its_near_matches(
    wh: Path, query: str, message: str
) -> None:
    """Review rv13: a mistyped column gave DuckDB's raw binder error (its first line, which
    names no candidate). One line names it and what there is: the near matches, else the
    columns of what the query reads (or the facet keys, for the facets structs)."""
    with pytest.raises(SqlParseError) as err:
        run_sql(query, warehouse=wh)
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


@pytest.mark.parametrize("where", ["x ==", "facets.sentiment = ", "(a = 1", "a = 'open"])
def test_a_broken_where_is_a_parse_error_not_a_refusal(wh: Path, where: str) -> None:
    with pytest.raises(SqlParseError, match="^cannot parse the --where condition: "):
        run_sql("", where=where, warehouse=wh)


def test_engine_level_lockdown(wh: Path) -> None:
    """Even past the static check, the connection itself cannot reach files or re-enable it."""
    conn, source, _ = open_readonly(wh)
    try:
        assert source == "warehouse"
        with pytest.raises(duckdb.PermissionException):
            conn.execute("SELECT * FROM read_csv('/etc/passwd')")
        with pytest.raises(duckdb.Error):
            conn.execute("SET enable_external_access = true")
        with pytest.raises(duckdb.Error):
            conn.execute("DELETE FROM raw_traces")  # read-only
    finally:
        conn.close()


@pytest.mark.parametrize(
    "where, ids",
    [
        ('classifications.Task.label = "Dataset creation"', ["s4", "s5"]),
        ('facets.sentiment = "NEGATIVE" AND metadata.plan_tier = "enterprise"', ["s1", "s5", "s7"]),
        ("classifications.Task[0].topic_id = 0", ["s1", "s2", "s3", "s7"]),
        (
            'classifications.Task.label LIKE "%CSV%" AND facets.sentiment != "POSITIVE"',
            ["s1", "s2", "s7"],
        ),
        (
            'NOT classifications.Task.label = "Dataset creation"',
            ["s1", "s2", "s3", "s6", "s7", "s9"],
        ),
        ('classifications.Issues.label = "Escalation to human"', ["s5"]),
    ],
)
def test_where_filters(wh: Path, where: str, ids: list[str]) -> None:
    got = run(wh, "SELECT id FROM project_logs('my-project-id') ORDER BY id", where=where)
    assert [r["id"] for r in got] == ids


def test_where_needs_project_logs_and_a_condition(wh: Path) -> None:
    with pytest.raises(SqlRefused, match="reads none"):
        run_sql("SELECT 1", where="facets.task = 'x'", warehouse=wh)
    with pytest.raises(SqlRefused, match="condition"):
        run_sql("", where="SELECT 1", warehouse=wh)
    # an empty query with --where lists matching traces across projects
    got = run(wh, "", where='classifications.Task.label = "Export dashboard to CSV"')
    assert sorted(r["id"] for r in got) == ["s1", "s2", "s3", "s7", "s8"]


def test_formats(wh: Path, tmp_path: Path, monkeypatch) -> None:
    q = "SELECT id, facets.sentiment AS s, metrics.total_tokens AS n FROM project_logs('my-project-id') WHERE id IN ('s1', 's2') ORDER BY id"
    table = run_sql(q, warehouse=wh)
    assert table.splitlines()[0].split() == ["id", "s", "n"]
    assert table.splitlines()[2].split() == ["s1", "NEGATIVE", "100"]
    assert table.endswith("(2 rows)")
    assert run_sql(q, warehouse=wh, fmt="csv") == "id,s,n\ns1,NEGATIVE,100\ns2,NEGATIVE,300\n"
    assert json.loads(run_sql(q, warehouse=wh, fmt="json"))[1] == {
        "id": "s2",
        "s": "NEGATIVE",
        "n": 300,
    }
    monkeypatch.chdir(tmp_path)
    msg = run_sql(q, warehouse=wh, fmt="parquet", output="out/result.parquet")
    assert "wrote 2 rows" in msg
    assert pq.read_table(tmp_path / "out" / "result.parquet").column("n").to_pylist() == [100, 300]
    with pytest.raises(SqlRefused, match="must be inside"):
        run_sql(q, warehouse=wh, fmt="parquet", output="/etc/evil.parquet")
    with pytest.raises(ValueError, match="unknown format"):
        run_sql(q, warehouse=wh, fmt="xml")


def test_locked_warehouse_falls_back_to_snapshot(tmp_path: Path, monkeypatch) -> None:
    from tracetopics_pipeline.core.warehouse import PACKAGED_MODEL_ID
    from tracetopics_pipeline.core.warehouse.snapshot import publish_snapshot

    path = tmp_path / "warehouse.duckdb"
    build_marts_warehouse(path, recent_traces())
    monkeypatch.setattr("tracetopics_pipeline.core.sql.execute.LOCK_WAIT_S", 0.3)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('ok', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(WarehouseUnavailable, match="no snapshot"):
            execute_sql("SELECT 1", warehouse=path)
        holder.terminate()
        holder.wait()
        conn = warehouse.connect(path)
        publish_snapshot(conn, tmp_path / "snapshot", embed_model=PACKAGED_MODEL_ID)
        conn.close()
        holder = subprocess.Popen(
            [sys.executable, "-c",
             f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('ok', flush=True); time.sleep(60)"],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert holder.stdout.readline().strip() == "ok"
        t0 = time.monotonic()
        res = execute_sql(SEED_2, warehouse=path)
        assert time.monotonic() - t0 < 10
        assert res.source.startswith("snapshot") and "busy" in (res.notice or "")
        assert [r["id"] for r in res.table.to_pylist()] == ["s1", "s2", "s4", "s5"]
        with pytest.raises(SqlRefused):
            execute_sql("SELECT * FROM read_parquet('/etc/passwd')", warehouse=path)
    finally:
        holder.terminate()
        holder.wait()


@pytest.mark.parametrize(
    "query, rows",
    [
        ("VALUES (1)", [{"col0": 1}]),
        ("SELECT 1 AS x; -- done", [{"x": 1}]),
        ("SELECT 2 AS x;", [{"x": 2}]),
        ("/* leading comment */ SELECT 3 AS x", [{"x": 3}]),
    ],
)
def test_read_only_forms_the_docs_allow(wh: Path, query: str, rows: list[dict]) -> None:
    assert run(wh, query) == rows


@pytest.mark.parametrize(
    "query",
    [
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'raw_traces'",
        "SELECT column_name FROM duckdb_columns WHERE table_name = 'raw_traces'",
        "SELECT table_name FROM information_schema.tables WHERE table_name = 'raw_traces'",
        "SELECT table_name FROM main.duckdb_tables WHERE table_name = 'raw_traces'",
    ],
)
def test_the_catalog_views_that_describe_the_schema_stay_readable(wh: Path, query: str) -> None:
    assert run(wh, query), query


@pytest.mark.parametrize(
    "query, word",
    [
        ("CHECKPOINT", "CHECKPOINT"),
        ("FORCE CHECKPOINT", "FORCE"),
        ("VACUUM", "VACUUM"),
        ("EXPORT DATABASE 'out'", "EXPORT"),
        ("-- a comment first\nCHECKPOINT", "CHECKPOINT"),
        ("EXPLAIN SELECT 1", "EXPLAIN"),
        ("WITH x AS (SELECT 1) DELETE FROM raw_traces", "DELETE"),  # what the WITH leads to
        ("WITH x AS (SELECT 1) INSERT INTO raw_traces SELECT * FROM raw_traces", "INSERT"),
    ],
)
def test_refusals_name_what_was_refused(wh: Path, query: str, word: str) -> None:
    with pytest.raises(SqlRefused, match=rf"^{word} is not allowed"):
        run_sql(query, warehouse=wh)


@pytest.mark.parametrize(
    "query, where",
    [
        ("SELECT " + "(" * 5000 + "1" + ")" * 5000, None),  # the parser's recursion
        ("SELECT " + "(" * 700 + "1" + ")" * 700, None),
        ("SELECT id FROM traces", "(" * 700 + "1=1" + ")" * 700),
        ("SELECT " + "+".join(["1"] * 20_000), None),  # DuckDB's own expression depth
    ],
)
def test_a_query_nested_too_deep_is_refused_in_one_line(wh: Path, query: str, where) -> None:
    with pytest.raises(SqlRefused, match="nests too deeply") as got:
        run_sql(query, where=where, warehouse=wh)
    assert "\n" not in str(got.value) and "SET" not in str(got.value)


def test_default_parquet_files_never_replace_each_other(tmp_path: Path, monkeypatch) -> None:
    """Two results in the same second get two files (review rv3 F10: one was lost)."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    from tracetopics_pipeline.core.sql import formats

    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2026, 11, 30, 12, 0, 0, tzinfo=tz)

    monkeypatch.setattr(formats, "datetime", Frozen)
    monkeypatch.setenv("TRACETOPICS_HOME", str(tmp_path / "home"))
    for i in range(3):
        formats.format_result(pa.table({"i": [i]}), "parquet")
    files = sorted((tmp_path / "home" / "exports").iterdir())
    assert [f.name for f in files] == [
        "sql-20261130T120000-2.parquet",
        "sql-20261130T120000-3.parquet",
        "sql-20261130T120000.parquet",
    ]
    assert sorted(pq.read_table(f).column("i")[0].as_py() for f in files) == [0, 1, 2]
    # a file system without hard links: the same names, by a check then a rename

    def no_links(src, dst):
        raise PermissionError("hard links not supported")

    monkeypatch.setattr(formats.os, "link", no_links)
    formats.format_result(pa.table({"i": [3]}), "parquet")
    assert (tmp_path / "home" / "exports" / "sql-20261130T120000-4.parquet").exists()
    assert not list((tmp_path / "home" / "exports").glob(".*.tmp"))


def test_output_file_for_every_format(wh: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    q = "SELECT id, metrics.total_tokens AS n FROM project_logs('my-project-id') WHERE id IN ('s1', 's2') ORDER BY id"
    assert run_sql(q, warehouse=wh, fmt="csv", output="r.csv").startswith("wrote 2 rows to ")
    assert (tmp_path / "r.csv").read_text() == "id,n\ns1,100\ns2,300\n"
    run_sql(q, warehouse=wh, fmt="json", output="sub/r.json")
    assert json.loads((tmp_path / "sub" / "r.json").read_text())[1] == {"id": "s2", "n": 300}
    with pytest.raises(OutputExists, match="pass --overwrite"):  # a file is never lost unasked
        run_sql("SELECT 1 AS other", warehouse=wh, fmt="csv", output="r.csv")
    assert (tmp_path / "r.csv").read_text() == "id,n\ns1,100\ns2,300\n"
    run_sql("SELECT 1 AS other", warehouse=wh, fmt="csv", output="r.csv", overwrite=True)
    assert (tmp_path / "r.csv").read_text() == "other\n1\n"
    (tmp_path / "d.csv").mkdir()
    for overwrite in (False, True):  # a folder is named as such, and nothing is left behind
        with pytest.raises(OutputExists, match="is a folder"):
            run_sql(q, warehouse=wh, fmt="csv", output="d.csv", overwrite=overwrite)
    assert not list(tmp_path.glob(".*.tmp"))
    with pytest.raises(SqlRefused, match=r"must end in \.csv"):
        run_sql(q, warehouse=wh, fmt="csv", output="r.json")
    with pytest.raises(SqlRefused, match="must be inside"):
        run_sql(q, warehouse=wh, fmt="json", output="/tmp/elsewhere/r.json")


def test_project_logs_keeps_its_project_id_column(wh: Path) -> None:
    """The macro's parameter is named project_id too; the column must not become the argument."""
    for q in ("SELECT * FROM project_logs('my-project-id')",
              "SELECT * FROM project_logs('my-project-id', shape => 'spans')"):  # fmt: skip
        table = execute_sql(q, warehouse=wh).table
        assert "project_id" in table.column_names
        assert set(table.column("project_id").to_pylist()) == {"my-project-id"}
    got = run(wh, "SELECT project_id, count(*) AS n FROM project_logs(NULL) GROUP BY 1 ORDER BY 1")
    assert got == [{"project_id": "my-project-id", "n": 8}, {"project_id": "other", "n": 1}]
    # and in the macro the pipeline stores for BI tools (plain DuckDB, no tracetopics)
    conn = duckdb.connect(str(wh), read_only=True)
    try:
        rel = conn.sql("SELECT * FROM project_logs('other')")
        assert "project_id" in rel.columns and "other" not in rel.columns
        assert conn.sql("SELECT project_id FROM project_logs('other')").fetchall() == [("other",)]
    finally:
        conn.close()


def test_unknown_project_says_which_exist(wh: Path) -> None:
    seen: list[str] = []
    out = run_sql("SELECT id FROM project_logs('support-agent')", warehouse=wh, notify=seen.append)
    assert out.endswith("(0 rows)")
    assert seen == [
        "project_logs('support-agent'): no traces have that project_id; projects: "
        "'my-project-id' (8 traces), 'other' (1 trace) (NULL reads every project)"
    ]
    seen.clear()
    run_sql("SELECT id FROM project_logs('my-project-id')", warehouse=wh, notify=seen.append)
    run_sql("SELECT count(*) FROM project_logs(NULL)", warehouse=wh, notify=seen.append)
    assert seen == []


def test_indexed_columns_keep_the_users_0_based_name(wh: Path) -> None:
    """Review rv8 L3: the header was DuckDB's name for the 1-based translation,
    `(classifications.Task[1])."label"`."""
    q = (
        "SELECT classifications.Task[0].label, classifications.Task[0].label AS t, facets.task"
        " FROM project_logs('my-project-id') WHERE id = 's1'"
    )
    assert execute_sql(q, warehouse=wh).table.column_names == [
        "classifications.Task[0].label",
        "t",
        "task",
    ]
    out = run_sql(q, warehouse=wh)
    assert out.splitlines()[0].startswith("classifications.Task[0].label")
    assert "[1]" not in out


def test_a_label_no_map_has_gets_a_notice(wh: Path) -> None:
    """Review rv8 L3: a --where on a label no map has returned 0 rows silently."""
    seen: list[str] = []
    q = "SELECT id FROM project_logs(NULL)"
    out = run_sql(
        q, where='classifications.Task.label = "Dataset build"', warehouse=wh, notify=seen.append
    )
    assert out.endswith("(0 rows)")
    assert len(seen) == 1
    assert seen[0].startswith("no Task topic is labelled 'Dataset build'; labels: ")
    assert "'Dataset creation'" in seen[0] and "'Export dashboard to CSV'" in seen[0]
    seen.clear()
    run_sql(
        q, where='classifications.Task.label = "Dataset creation"', warehouse=wh, notify=seen.append
    )
    # a label the maps have, even when the filter as a whole matches nothing: no notice
    run_sql(
        q,
        where='classifications.Task.label = "Dataset creation" AND id = "none"',
        warehouse=wh,
        notify=seen.append,
    )
    assert seen == []
