"""Beyond one machine (docs/scaling.md), tested where it can be here.

* The daily job runs under Dagster's multiprocess executor (a process per step, as Celery and
  Kubernetes run them) with the warehouse pool keeping DuckDB single-writer.
* The dbt project's second target, `postgres`, compiles with no server at all; with a local
  PostgreSQL (started by the test when its binaries are installed) the pipeline's tables are
  published there and `dbt build --target postgres` builds marts equal to DuckDB's.
* deploy/postgres/dagster.yaml is a working Postgres-backed instance (runs, events, schedules).
* TRACETOPICS_EXECUTOR picks and configures the executor; deploy/k8s/executor.yaml's GPU step
  config is valid for dagster-k8s.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import dagster as dg
import pytest
from repo_paths import REPO

DBT_DIR = REPO / "dbt_project"
END = date(2026, 11, 20)
DAYS = 2
PER_DAY = 60
POOL_STEPS = {"raw_traces", "facet_summaries", "summary_embeddings", "topic_maps",
              "classifications", "tracetopics_dbt_assets", "explorer_snapshot"}  # fmt: skip
MARTS = ("trace_facts", "task_sentiment", "topic_trends", "topic_trends_weekly",
         "capability_gaps", "topic_priority", "churn_risk_by_customer",
         "competitor_mentions_weekly", "issue_mentions_daily")  # fmt: skip


def multiprocess_daily_job() -> dg.JobDefinition:
    """The daily job's assets under the multiprocess executor (rebuilt in each step process)."""
    from tracetopics_pipeline.definitions import defs
    from tracetopics_pipeline.defs.jobs import everything

    job = dg.define_asset_job(
        "daily_job_multiprocess",
        selection=everything,
        # forkserver with the code location preloaded: each step forks from a warm process
        # instead of importing dagster, dbt's manifest and the assets again.
        executor_def=dg.multiprocess_executor.configured(
            {
                "max_concurrent": 2,
                "start_method": {
                    "forkserver": {"preload_modules": ["tracetopics_pipeline.definitions"]}
                },
            }
        ),
    )
    return dg.Definitions.merge(defs, dg.Definitions(jobs=[job])).resolve_job_def(job.name)


def _reconstructable_job():
    # tests/ is not a package: tell the step processes where to import this module from.
    return dg.build_reconstructable_job(
        Path(__file__).stem,
        multiprocess_daily_job.__name__,
        reconstructor_working_directory=str(Path(__file__).parent),
    )


def _dbt() -> str:
    local = Path(sys.executable).parent / "dbt"
    return str(local) if local.exists() else "dbt"


# --- the pipeline under the multiprocess executor -------------------------------------------


@pytest.fixture(scope="module")
def multiprocess_run(tmp_path_factory):
    from tracetopics_pipeline.defs.jobs import range_tags
    from tracetopics_pipeline.demo import generate_traffic

    mp = pytest.MonkeyPatch()
    home = tmp_path_factory.mktemp("scaling") / "home"
    (home / "dagster").mkdir(parents=True)
    shutil.copy(REPO / "dagster.yaml", home / "dagster" / "dagster.yaml")  # the pool limits
    for key, value in {
        "TRACETOPICS_HOME": str(home),
        "TRACETOPICS_WAREHOUSE": str(home / "warehouse.duckdb"),
        "DAGSTER_HOME": str(home / "dagster"),
        "TRACETOPICS_MIN_SUMMARIES": "50",  # 120 small traces: let every facet get a map
        # k-means instead of UMAP+HDBSCAN: numba compiles UMAP afresh in every step process,
        # and clustering quality is tested elsewhere; this test is about the executor.
        "TRACETOPICS_ALGORITHM": "kmeans",
    }.items():
        mp.setenv(key, value)
    files = generate_traffic(home / "landing", days=DAYS, per_day=PER_DAY, seed=3, end=END)
    first = END - timedelta(days=DAYS - 1)
    started = time.monotonic()
    with dg.DagsterInstance.get() as instance:
        result = dg.execute_job(
            _reconstructable_job(),
            instance=instance,
            tags=range_tags(first.isoformat(), END.isoformat()),
            run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
            raise_on_error=False,
        )
        events = instance.all_logs(result.run_id)
    seconds = time.monotonic() - started
    yield home, files, result, events, seconds
    mp.undo()


def _count(home: Path, sql: str) -> int:
    from tracetopics_pipeline.core import warehouse

    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        return conn.execute(sql).fetchone()[0]


def test_multiprocess_executor_runs_the_daily_job(multiprocess_run):
    home, files, result, _, seconds = multiprocess_run
    failed = {
        e.step_key: e.step_failure_data.error.message if e.step_failure_data.error else ""
        for e in result.all_events
        if e.is_step_failure
    }
    assert result.success, f"failed steps: {failed}"
    lines = sum(1 for f in files for ln in f.read_bytes().split(b"\n") if ln.strip())
    traces = _count(home, "SELECT count(*) FROM raw_traces")
    assert traces + _count(home, "SELECT count(*) FROM quarantine") == lines
    assert traces >= DAYS * PER_DAY * 0.9
    from tracetopics_pipeline.core.facets.definitions import load_facets

    assert _count(home, "SELECT count(*) FROM facet_summaries") == traces * len(load_facets())
    assert (
        _count(home, "SELECT count(DISTINCT trace_id) FROM classifications WHERE facet='Task'")
        == traces
    )
    assert _count(home, "SELECT count(*) FROM topics WHERE facet = 'Task'") >= 2
    assert _count(home, "SELECT count(*) FROM marts.task_sentiment") > 0
    assert any((home / "snapshot").rglob("*.parquet"))
    print(f"multiprocess daily job: {traces} traces in {seconds:.0f}s")


def test_each_step_ran_in_its_own_process_and_warehouse_steps_never_overlapped(multiprocess_run):
    *_, events, _ = multiprocess_run
    spans: dict[str, list[float]] = {}
    pids: dict[str, int] = {}
    for record in events:
        ev = record.dagster_event
        if ev is None or ev.step_key is None:
            continue
        if ev.event_type == dg.DagsterEventType.STEP_START:
            spans[ev.step_key] = [record.timestamp, float("inf")]
            pids[ev.step_key] = ev.pid
        elif ev.event_type in (dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE):
            spans[ev.step_key][1] = record.timestamp
    assert set(spans) >= POOL_STEPS
    print({k: round(b - a, 1) for k, (a, b) in sorted(spans.items(), key=lambda kv: kv[1])})
    assert os.getpid() not in pids.values()
    assert len(set(pids.values())) == len(pids)  # a fresh process per step
    pooled = sorted(spans[k] for k in POOL_STEPS)
    for (_, end), (start, _) in zip(pooled, pooled[1:], strict=False):
        assert start >= end, "two warehouse steps ran at once: DuckDB is single-writer"


# --- dbt's second target -------------------------------------------------------------------


def _dbt_run(
    args: list[str], env: dict[str, str], target_path: Path
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_dbt(), *args, "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR),
         "--target-path", str(target_path), "--log-path", str(target_path / "logs")],
        cwd=DBT_DIR, env={**os.environ, "DO_NOT_TRACK": "1", **env},
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_postgres_target_compiles_without_a_server(tmp_path):
    pytest.importorskip("dbt.adapters.postgres", reason="dbt-postgres: pip install -e '.[scale]'")
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {"TRACETOPICS_DBT_TARGET": "postgres", "TRACETOPICS_PG_PORT": str(port)}
    out = _dbt_run(["compile", "--no-introspect", "--no-populate-cache"], env, tmp_path)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    compiled = tmp_path / "compiled" / "tracetopics" / "models"
    stg = (compiled / "staging" / "stg_traces.sql").read_text()
    assert "metadata ->> 'customer'" in stg and "cast(metrics ->> 'total_tokens' as bigint)" in stg
    marts = "\n".join(p.read_text() for p in (compiled / "marts").glob("*.sql"))
    for duckdb_only in ("any_value(", "arg_max(", "strftime(", "group by all", "exclude ("):
        assert duckdb_only not in marts.lower(), duckdb_only
    assert "to_char(" in marts and "double precision" in marts


# --- a local PostgreSQL, when its server binaries are installed ----------------------------


def _pg_bin() -> Path | None:
    for candidate in [
        shutil.which("pg_ctl"),
        *sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")),
    ]:
        if candidate and Path(candidate).exists():
            return Path(candidate).resolve().parent
    return None


@pytest.fixture(scope="module")
def postgres_server():
    """A throw-away PostgreSQL on 127.0.0.1 (trust auth), or skip when it can't be started."""
    pytest.importorskip("psycopg2", reason="psycopg2: pip install -e '.[scale]'")
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not installed")
    as_user: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        if not shutil.which("runuser"):
            pytest.skip("running as root without runuser: cannot start PostgreSQL")
        as_user = ["runuser", "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="tt-pg-"))
    if as_user:
        shutil.chown(root, user="postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = root / "data"

    def run(*cmd: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*as_user, *cmd], capture_output=True, text=True, cwd="/", timeout=120
        )

    init = run(str(bindir / "initdb"), "-D", str(data), "-U", "tracetopics", "--auth=trust",
               "-E", "UTF8", "--no-sync")  # fmt: skip
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"initdb failed: {init.stderr[-500:]}")
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c TimeZone=UTC"
    start = run(
        str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w", "start"
    )
    if start.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"pg_ctl start failed: {start.stderr[-500:]}")
    env = {"TRACETOPICS_PG_HOST": "127.0.0.1", "TRACETOPICS_PG_PORT": str(port),
           "TRACETOPICS_PG_USER": "tracetopics", "TRACETOPICS_PG_DATABASE": "tracetopics"}  # fmt: skip
    try:
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=port, user="tracetopics", dbname="postgres")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("CREATE DATABASE tracetopics")
            cur.execute("CREATE DATABASE dagster")
        conn.close()
        yield env
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(root, ignore_errors=True)


def test_marts_build_on_postgres_and_match_duckdb(
    multiprocess_run, postgres_server, tmp_path, monkeypatch
):
    pytest.importorskip("dbt.adapters.postgres", reason="dbt-postgres: pip install -e '.[scale]'")
    import psycopg2

    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.warehouse import postgres as pg_publish

    home, *_ = multiprocess_run
    for key, value in postgres_server.items():
        monkeypatch.setenv(key, value)
    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        stats = pg_publish.publish_sources(conn, pg_publish.postgres_dsn_from_env())
        duck = {m: conn.execute(f"SELECT count(*) FROM marts.{m}").fetchone()[0] for m in MARTS}
        duck_top = conn.execute(
            "SELECT task_topic_id, traces, round(priority_score, 9) FROM marts.topic_priority "
            "ORDER BY task_topic_id"
        ).fetchall()
    assert stats.rows["raw_traces"] == _count(home, "SELECT count(*) FROM raw_traces")
    out = _dbt_run(["build"], {"TRACETOPICS_DBT_TARGET": "postgres"}, tmp_path)
    assert out.returncode == 0, out.stdout[-4000:]
    with psycopg2.connect(pg_publish.postgres_dsn_from_env()) as pg, pg.cursor() as cur:
        pg_counts = {}
        for m in MARTS:
            cur.execute(f"SELECT count(*) FROM marts.{m}")
            pg_counts[m] = cur.fetchone()[0]
        cur.execute("SELECT task_topic_id, traces, round(priority_score::numeric, 9)::float8 "
                    "FROM marts.topic_priority ORDER BY task_topic_id")  # fmt: skip
        pg_top = cur.fetchall()
    pg.close()
    assert pg_counts == duck and all(duck.values())
    assert pg_top == duck_top  # same scores (ranks of exact ties may differ in the last bit)

    # Re-publishing one day replaces that day only: the row count stays the same.
    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        again = pg_publish.publish_sources(conn, pg_publish.postgres_dsn_from_env(), days=[END])
    with psycopg2.connect(pg_publish.postgres_dsn_from_env()) as pg, pg.cursor() as cur:
        cur.execute("SELECT count(*) FROM tracetopics.raw_traces")
        assert cur.fetchone()[0] == stats.rows["raw_traces"]
    pg.close()
    assert 0 < again.rows["raw_traces"] < stats.rows["raw_traces"]


def test_a_new_warehouse_column_keeps_the_postgres_history(postgres_server):
    """A warehouse column added by an upgrade (facet_summaries.labels) reaches Postgres with
    every day's values: a one-day publish after it copies the table whole (it had re-created
    the table and copied that day only, losing the history); a one-day publish after that
    copies the one day again."""
    import duckdb
    import psycopg2

    from tracetopics_pipeline.core.warehouse import postgres as pg_publish

    dsn = " ".join(f"{k}='{v}'" for k, v in [
        ("host", postgres_server["TRACETOPICS_PG_HOST"]),
        ("port", postgres_server["TRACETOPICS_PG_PORT"]),
        ("user", "tracetopics"), ("dbname", "tracetopics")])  # fmt: skip
    days = [END - timedelta(days=1), END]
    conn = duckdb.connect()
    conn.execute("CREATE TABLE facet_summaries (day DATE, trace_id VARCHAR, label VARCHAR)")
    conn.executemany(
        "INSERT INTO facet_summaries VALUES (?, ?, 'LOOP')", [(d, str(d)) for d in days]
    )
    publish = dict(tables=["facet_summaries"], schema="widened")
    pg_publish.publish_sources(conn, dsn, **publish)
    conn.execute("ALTER TABLE facet_summaries ADD COLUMN labels VARCHAR[]")
    conn.execute("UPDATE facet_summaries SET labels = [label]")

    stats = pg_publish.publish_sources(conn, dsn, days=[END], **publish)
    assert stats.rows["facet_summaries"] == 2  # whole
    with psycopg2.connect(dsn) as pg, pg.cursor() as cur:
        cur.execute("SELECT day, labels::text FROM widened.facet_summaries ORDER BY day")
        assert cur.fetchall() == [(d, '["LOOP"]') for d in days]
    pg.close()
    again = pg_publish.publish_sources(conn, dsn, days=[END], **publish)
    assert again.rows["facet_summaries"] == 1  # nothing changed: the one day
    conn.close()


def test_postgres_instance_config_stores_runs(postgres_server, tmp_path, monkeypatch):
    pytest.importorskip("dagster_postgres", reason="dagster-postgres: pip install -e '.[scale]'")
    env = {
        "DAGSTER_PG_HOST": postgres_server["TRACETOPICS_PG_HOST"],
        "DAGSTER_PG_PORT": postgres_server["TRACETOPICS_PG_PORT"],
        "DAGSTER_PG_USER": "tracetopics",
        "DAGSTER_PG_PASSWORD": "unused",  # trust auth
        "DAGSTER_PG_DB": "dagster",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    shutil.copy(REPO / "deploy" / "postgres" / "dagster.yaml", tmp_path / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))

    @dg.asset(pool="warehouse")
    def probe() -> int:
        return 1

    with dg.DagsterInstance.get() as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        assert type(instance.event_log_storage).__name__ == "PostgresEventLogStorage"
        assert type(instance.schedule_storage).__name__ == "PostgresScheduleStorage"
        assert instance.get_concurrency_config().pool_config.default_pool_limit == 1
        result = dg.materialize([probe], instance=instance)
        assert result.success
        assert instance.get_run_by_id(result.run_id).is_success
        assert instance.get_latest_materialization_event(dg.AssetKey("probe")) is not None


# --- executor selection --------------------------------------------------------------------


def test_executor_from_settings_picks_and_configures_the_executor(tmp_path):
    from tracetopics_pipeline.core.settings import Settings
    from tracetopics_pipeline.defs.executors import executor_from_settings

    assert executor_from_settings(Settings.from_env({})) is None
    assert (
        executor_from_settings(Settings.from_env({"TRACETOPICS_EXECUTOR": "multiprocess"}))
        is dg.multiprocess_executor
    )
    cfg = tmp_path / "mp.yaml"
    cfg.write_text("max_concurrent: 3\n")
    configured = executor_from_settings(
        Settings.from_env(
            {"TRACETOPICS_EXECUTOR": "multiprocess", "TRACETOPICS_EXECUTOR_CONFIG": str(cfg)}
        )
    )
    assert configured is not None and configured.executor_creation_fn is not None
    with pytest.raises(ValueError, match="expected one of"):
        executor_from_settings(Settings.from_env({"TRACETOPICS_EXECUTOR": "ray"}))


def _validate_executor_config(executor: dg.ExecutorDefinition, path: Path) -> None:
    """Dagster checks executor config at launch; check the shipped file against the schema now."""
    import yaml

    @dg.op
    def noop() -> None: ...

    @dg.job(executor_def=executor)
    def probe_job() -> None:
        noop()

    dg.validate_run_config(probe_job, {"execution": {"config": yaml.safe_load(path.read_text())}})


def test_k8s_executor_config_puts_embeddings_on_a_gpu_node():
    pytest.importorskip("dagster_k8s", reason="dagster-k8s: pip install -e '.[scale]'")
    import yaml
    from dagster_k8s import k8s_job_executor
    from dagster_k8s.job import UserDefinedDagsterK8sConfig

    from tracetopics_pipeline.core.settings import Settings
    from tracetopics_pipeline.defs.executors import executor_from_settings

    path = REPO / "deploy" / "k8s" / "executor.yaml"
    executor = executor_from_settings(
        Settings.from_env({"TRACETOPICS_EXECUTOR": "k8s", "TRACETOPICS_EXECUTOR_CONFIG": str(path)})
    )
    assert executor is not None and executor.name.startswith("k8s")
    _validate_executor_config(k8s_job_executor, path)
    per_step = yaml.safe_load(path.read_text())["per_step_k8s_config"]
    gpu = UserDefinedDagsterK8sConfig.from_dict(per_step["summary_embeddings"])
    assert gpu.pod_spec_config["node_selector"]
    limits = gpu.container_config["resources"]["limits"]
    assert limits["nvidia.com/gpu"] == 1
    env = {e["name"]: e["value"] for e in gpu.container_config["env"]}
    assert env["TRACETOPICS_EMBED_DEVICE"] == "cuda"
    # The model is the deployment's, never one step's: maps and classification read vectors
    # under the model id the embedding step wrote them with.
    for step, config in per_step.items():
        names = {e["name"] for e in config.get("container_config", {}).get("env", [])}
        assert "TRACETOPICS_EMBED_MODEL" not in names, step


def test_celery_executor_config_is_valid(monkeypatch):
    pytest.importorskip("dagster_celery", reason="dagster-celery: pip install -e '.[scale]'")
    from dagster_celery import celery_executor

    monkeypatch.setenv("TRACETOPICS_CELERY_BROKER", "redis://localhost:6379/0")
    monkeypatch.setenv("TRACETOPICS_CELERY_BACKEND", "redis://localhost:6379/1")
    _validate_executor_config(celery_executor, REPO / "deploy" / "celery" / "executor.yaml")
