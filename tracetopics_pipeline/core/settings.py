"""Configuration, read in one place: where tracetopics keeps its data, and every knob it has.

Every environment variable the package reads is read here (`Settings.from_env`, `home()`);
docs/configuration.md lists them all, and tests/test_settings.py keeps that table complete.
Everything lives under one home folder ($TRACETOPICS_HOME, default ./.tracetopics) so two
homes never mix; a home may set the same variables in its own config.toml (`read_config`),
which the environment overrides. Nothing here imports Dagster.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# The name of the endpoint's key (a secret: never logged, never stored in config).
OPENAI_API_KEY_ENV = "OPENAI_API_KEY"
# the floor of distinct summaries a free-text facet's map waits for (named in "no map yet" lines)
MIN_SUMMARIES_ENV = "TRACETOPICS_MIN_SUMMARIES"


PG_ENV = {
    "host": "TRACETOPICS_PG_HOST",
    "port": "TRACETOPICS_PG_PORT",
    "user": "TRACETOPICS_PG_USER",
    "dbname": "TRACETOPICS_PG_DATABASE",
    "password": "TRACETOPICS_PG_PASSWORD",
}
PG_DEFAULTS = {
    "host": "127.0.0.1",
    "port": "5432",
    "user": "tracetopics",
    "dbname": "tracetopics",
    "password": "",
}


# The smallest TRACETOPICS_MAX_TRACE_BYTES: room for three ids of 256 bytes and a cut message
# (core/ingest/records.py MIN_TRACE_BYTES).
MIN_TRACE_BYTES = 4096


class ConfigError(ValueError):
    """An environment variable (or the home's config.toml) holds a value tracetopics cannot use."""


def _get(env: Mapping[str, str], name: str) -> str | None:
    raw = env.get(name)
    return raw if raw not in (None, "") else None


def _float(
    env: Mapping[str, str],
    name: str,
    default: float,
    *,
    positive: bool = False,
    minimum: float | None = None,
    maximum: float | None = None,
) -> float:
    """A finite number (NaN or infinity would switch a limit off: NaN compares false with
    everything); `positive`: above zero; `minimum`/`maximum`: the range, both ends included."""
    raw = _get(env, name)
    try:
        value = float(raw) if raw is not None else default
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number") from None
    if not math.isfinite(value) or (positive and value <= 0):
        raise ConfigError(f"{name}={raw!r} must be a finite number{' above 0' if positive else ''}")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        low = "" if minimum is None else f" from {minimum:g}"
        high = "" if maximum is None else f" to {maximum:g}"
        raise ConfigError(f"{name}={raw!r} must be a number{low}{high}")
    return value


def _price(value: object) -> float:
    """A price in USD per million tokens: finite and not negative, or ValueError."""
    price = float(value)  # type: ignore[arg-type]
    if not math.isfinite(price) or price < 0:
        raise ValueError(f"{value!r} is not a price")
    return price


def _int(env: Mapping[str, str], name: str, default: int, *, minimum: int) -> int:
    """A whole number of at least `minimum`: a negative window or row cap is a typo, and would
    otherwise be acted on (a window of -3 days replaced a built map with an empty one)."""
    raw = _get(env, name)
    try:
        value = int(raw) if raw is not None else default
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number") from None
    if value < minimum:
        raise ConfigError(f"{name}={raw!r} must be a whole number of at least {minimum}")
    return value


_SIZE = re.compile(r"(?i)^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)?\s*$")
_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
          "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}  # fmt: skip


def _bytes(env: Mapping[str, str], name: str, default: int) -> int:
    """A size in bytes: `1000000`, `512MB`, `2GiB`."""
    raw = _get(env, name)
    if raw is None:
        return default
    m = _SIZE.match(raw)
    if not m or float(m.group(1)) <= 0:
        raise ConfigError(f"{name}={raw!r} is not a size (e.g. 2GB, 512MiB, 1000000)")
    return int(float(m.group(1)) * _UNITS[(m.group(2) or "b").lower()])


def _names(env: Mapping[str, str], name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    raw = _get(env, name)
    if raw is None:
        return default
    names = tuple(n.strip().lower() for n in raw.split(",") if n.strip())
    if not names:
        raise ConfigError(f"{name}={raw!r} names no host")
    return names


def _date(env: Mapping[str, str], name: str, default: date | None) -> date | None:
    raw = _get(env, name)
    try:
        return date.fromisoformat(raw) if raw is not None else default
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a date (YYYY-MM-DD)") from None


def _prices(env: Mapping[str, str]) -> dict[str, tuple[float, float]]:
    raw = _get(env, "TRACETOPICS_PRICES")
    if raw is None:
        return {}
    from tracetopics_pipeline.core.ingest.messages import loads_json

    try:
        return {k: (_price(v[0]), _price(v[1])) for k, v in loads_json(raw).items()}
    except (ValueError, TypeError, IndexError, AttributeError):
        raise ConfigError(
            'TRACETOPICS_PRICES must be JSON like {"gpt-4o-mini": [0.15, 0.6]} '
            "(USD per million input and output tokens, each 0 or more)"
        ) from None


PLAN_WEIGHTS_ENV = "TRACETOPICS_PLAN_WEIGHTS"


def _plan_weights(env: Mapping[str, str]) -> dict[str, float] | None:
    """Account value of each plan tier (metadata.plan_tier, lower-cased), 0 to 1, as JSON
    (`{"enterprise": 1, "pro": 0.4}`); None: not configured (the marts' own default: no plan
    counts more than another)."""
    raw = _get(env, PLAN_WEIGHTS_ENV)
    if raw is None:
        return None
    from tracetopics_pipeline.core.ingest.messages import loads_json

    try:
        got = loads_json(raw)
        out = {str(k).strip().lower(): float(v) for k, v in got.items()}
    except (ValueError, TypeError, AttributeError):
        out = None
    if not out or any(not k or not (0 <= v <= 1) for k, v in out.items()):
        raise ConfigError(
            f'{PLAN_WEIGHTS_ENV} must be JSON like {{"enterprise": 1, "pro": 0.4, "free": 0.1}} '
            "(plan tier -> account value from 0 to 1)"
        )
    return out


def _price_per_mtok(env: Mapping[str, str]) -> tuple[float, float] | None:
    raw = _get(env, "TRACETOPICS_PRICE_PER_MTOK")
    if raw is None:
        return None
    try:
        a, b = (_price(x) for x in raw.split(","))
    except ValueError:
        raise ConfigError(
            f"TRACETOPICS_PRICE_PER_MTOK={raw!r}: expected 'input,output' USD per million tokens, "
            "each 0 or more"
        ) from None
    return a, b


# TRACETOPICS_EMBED_MODEL: unset for the packaged model, `openai:<model>` for an
# OpenAI-compatible /embeddings endpoint, else the path of a local sentence-transformers folder.
ENDPOINT_PREFIX = "openai:"
PACKAGED_EMBED_MODEL = "sentence-transformers/all-MiniLM-L6-v2"


def _embed_model(env: Mapping[str, str]) -> str | None:
    """None (the packaged model), 'openai:<model>', or the absolute path of a model folder.

    Never a hub name: an offline run must not try to download, so anything that is not the
    endpoint form has to be a folder on disk."""
    raw = _get(env, "TRACETOPICS_EMBED_MODEL")
    if raw is None or raw.strip() in ("packaged", PACKAGED_EMBED_MODEL):
        return None
    raw = raw.strip()
    if raw.lower().startswith(ENDPOINT_PREFIX):
        name = raw[len(ENDPOINT_PREFIX) :].strip()
        if not name:
            raise ConfigError(
                "TRACETOPICS_EMBED_MODEL='openai:' names no model: e.g. openai:text-embedding-3-small"
            )
        return ENDPOINT_PREFIX + name
    folder = Path(raw).expanduser()
    if not folder.is_dir():
        raise ConfigError(
            f"TRACETOPICS_EMBED_MODEL={raw!r} is not a local folder: give the path of a "
            "sentence-transformers model directory or openai:<model> (models are never downloaded)"
        )
    if not any((folder / f).is_file() for f in ("modules.json", "config.json")):
        raise ConfigError(
            f"TRACETOPICS_EMBED_MODEL={raw!r} holds no sentence-transformers model "
            "(no modules.json or config.json): save one with model.save(path)"
        )
    return str(folder.resolve())


def _budget(env: Mapping[str, str], name: str) -> float | None:
    if _get(env, name) is None:
        return None
    value = _float(env, name, 0.0)
    if value < 0:
        raise ConfigError(f"{name}={value} is negative: a budget is USD per period, >= 0")
    return value


@dataclass(frozen=True)
class Paths:
    home: Path

    @property
    def landing(self) -> Path:
        return self.home / "landing"

    @property
    def warehouse(self) -> Path:
        return self.home / "warehouse.duckdb"

    @property
    def dagster_home(self) -> Path:
        return self.home / "dagster"

    @property
    def cache(self) -> Path:
        return self.home / "cache"

    @property
    def snapshot(self) -> Path:
        """Parquet copies of the tables, published atomically at the end of a run for readers."""
        return self.home / "snapshot"

    @property
    def read_copy(self) -> Path:
        """A DuckDB copy of the tables, marts and macro for BI tools, swapped in at the end of
        each run: no run ever locks it."""
        return self.home / "read" / "warehouse.duckdb"

    @property
    def exports(self) -> Path:
        return self.home / "exports"

    @property
    def config(self) -> Path:
        """The home's own settings (docs/configuration.md "A home's config file")."""
        return self.home / CONFIG_FILE

    @property
    def models(self) -> Path:
        """Models fitted on the user's labelled traces (`tracetopics facets fit`)."""
        return self.home / "models"

    def ensure(self) -> Paths:
        for p in (self.home, self.landing, self.dagster_home, self.cache, self.exports):
            p.mkdir(parents=True, exist_ok=True)
        return self


CONFIG_FILE = "config.toml"
# A config file is a few lines; past this it is refused, not read.
CONFIG_MAX_BYTES = 1_000_000
# Variables a config file may not set, and why: the key is a secret, the home names the file, and
# dbt reads the rest from its own environment (dbt_project/profiles.yml), which a file never reaches.
ENV_ONLY = {
    OPENAI_API_KEY_ENV: "a secret: keep it in the environment",
    "TRACETOPICS_PG_PASSWORD": "a secret: keep it in the environment",
    "TRACETOPICS_HOME": "it names the home this file is in",
    **dict.fromkeys(
        [*(v for v in PG_ENV.values() if v != "TRACETOPICS_PG_PASSWORD"),
         "TRACETOPICS_PG_SCHEMA", "TRACETOPICS_DBT_THREADS", "TRACETOPICS_DBT_TARGET",
         "TRACETOPICS_WAREHOUSE"],
        "dbt reads it from the environment: set it there",
    ),
}  # fmt: skip


def _as_env_value(value: object) -> str:
    """A TOML value as the environment would hold it: tables and arrays as JSON (the form
    TRACETOPICS_PLAN_WEIGHTS and TRACETOPICS_PRICES take), numbers and dates as text."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):  # no setting is a switch: say so instead of parsing 'True'
        raise ValueError("true/false is no value of any setting")
    if isinstance(value, dict | list):
        return json.dumps(value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class _Seen(dict[str, str]):
    """The file's variables, noting which ones `Settings.from_env` asks for: any other is a
    typo or a variable only the environment can set."""

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__(values)
        self.asked: set[str] = set()

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        self.asked.add(key)
        return super().get(key, default)


# A top-level `NAME = value` line (bare or double-quoted name); a `[table]` line ends the top level.
_ASSIGNMENT = re.compile(r'\s*(?:"([^"\\]+)"|([A-Za-z0-9_-]+))\s*=')


def _toml(path: Path, raw: str) -> dict[str, object]:
    """The file parsed, a variable set twice to one value read once: two writers of one home
    (two demos at once, before `set_config_default` took a lock) left such files, and TOML
    refuses them. Set twice to two values is a ConfigError naming the lines to choose from."""
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        lines = raw.splitlines(keepends=True)
        seen: dict[str, list[int]] = {}
        for i, line in enumerate(lines):
            if line.lstrip().startswith("["):
                break
            if m := _ASSIGNMENT.match(line):
                seen.setdefault(m.group(1) or m.group(2), []).append(i)
        for name, at in seen.items():
            if len(at) < 2:
                continue
            try:  # each line alone; a value spanning lines is not compared: the error stands
                values = {json.dumps(tomllib.loads(lines[i]), sort_keys=True) for i in at}
            except tomllib.TOMLDecodeError:
                raise exc from None
            if len(values) > 1:
                times = "twice" if len(at) == 2 else f"{len(at)} times"
                where = ", ".join(str(i + 1) for i in at[:-1]) + f" and {at[-1] + 1}"
                raise ConfigError(
                    f"{path}: {name} is set {times}, to different values (lines {where}): "
                    "keep the line you mean and delete the other" + ("s" if len(at) > 2 else "")
                ) from None
            for i in at[1:]:
                lines[i] = "\n"
        return tomllib.loads("".join(lines))  # the file's own error when it has another


def read_config(path: Path) -> dict[str, str]:
    """The variables a home's config.toml sets (`TRACETOPICS_PLAN_WEIGHTS = {pro = 0.4}`), as
    the environment would hold them; {} when the home has none. Anything wrong with the file
    (not TOML, an unknown or environment-only variable, a bad value) is a ConfigError of one
    line naming the file and what to do."""
    try:
        with path.open("rb") as fh:  # a bounded read: a symlink to /dev/zero ends too
            head = fh.read(CONFIG_MAX_BYTES + 1)
        if len(head) > CONFIG_MAX_BYTES:
            raise ConfigError(
                f"{path} is larger than {CONFIG_MAX_BYTES // 1000} kB: a config file is a few "
                "`VARIABLE = value` lines"
            )
        raw = head.decode("utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise ConfigError(f"cannot read {path} ({why}): fix or remove it") from None
    try:
        data = _toml(path, raw)
    except RecursionError:  # tomllib recurses per level of nesting
        raise ConfigError(f"{path}: a value is nested too deeply: fix or remove it") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"{path} is not valid TOML ({exc}): write one `VARIABLE = value` per line, "
            'e.g. TRACETOPICS_WINDOW_DAYS = 30 (docs/configuration.md "A home\'s config file")'
        ) from None
    values: dict[str, str] = {}
    for name, value in data.items():
        if name in ENV_ONLY:
            raise ConfigError(f"{path}: {name} cannot be set in this file ({ENV_ONLY[name]})")
        try:
            values[name] = _as_env_value(value)
        except ValueError as exc:
            raise ConfigError(f"{path}: {name}: {exc}") from None
    seen = _Seen(values)
    try:
        Settings.from_env(seen)  # the file's own values, checked as the environment's are
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    if unknown := sorted(set(values) - seen.asked):
        raise ConfigError(
            f"{path}: {', '.join(unknown)} is no tracetopics setting "
            "(the variables are listed in docs/configuration.md)"
        )
    return values


def set_config_default(path: Path, name: str, value: dict[str, float]) -> bool:
    """Add `name = value` (an inline table) to a home's config.toml unless the file sets the
    name already (a person's choice is kept). True when it was added.

    Two processes may write one home at once (two demos): the read and the write happen under
    an exclusive lock of a file beside it, so the second sees the first's line, and the new
    text replaces the file by a rename, so no reader sees half of it. A config.toml that is a
    symlink (to a file kept with a person's dotfiles) is written where it points: the rename
    would replace the link by a copy."""
    import fcntl

    path = Path(os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if name in read_config(path):
            return False
        table = ", ".join(f"{json.dumps(k)} = {v!r}" for k, v in value.items())
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        sep = "" if not old or old.endswith("\n") else "\n"
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(f"{old}{sep}{name} = {{{table}}}\n")
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    return True


def home() -> Path:
    return Path(os.environ.get("TRACETOPICS_HOME") or ".tracetopics").resolve()


def paths() -> Paths:
    return Paths(home())


@dataclass(frozen=True)
class Settings:
    """Pipeline knobs. Each has an environment variable (docs/configuration.md), so a
    deployment changes them without code."""

    # ingest
    max_trace_bytes: int = 1_000_000
    quarantine_rate_threshold: float = 0.05  # blocking check: share of a day's lines
    start_date: date | None = None  # first daily partition; None: the earliest landed day
    # warehouse
    lock_wait_s: float = 300.0  # how long a writer waits for another process's DuckDB lock
    memory_limit: int = 2 * 10**9  # bytes: DuckDB's memory limit on every pipeline connection
    # facets
    facets_file: Path | None = None  # None: the packaged facets.yaml
    summarizer: str = "local"  # local | openai
    sample_rate: float = 1.0
    trace_filter: str | None = None  # SQL WHERE over raw_traces
    coverage_threshold: float = 0.05  # blocking check: share of errored summaries per facet
    openai_model: str | None = None  # None: the summarizer's default
    label_model: str = "gpt-4o-mini"
    openai_base_url: str | None = None
    openai_api_key: str | None = field(default=None, repr=False)
    llm_timeout_s: float = 60.0  # one request to the model endpoint
    llm_max_retries: int = 4  # retries of a request (429, 5xx, timeouts, unreadable answers)
    llm_deadline_s: float = 21_600.0  # all model calls of one run: past it, none is made
    prices: dict[str, tuple[float, float]] = field(default_factory=dict)  # model → USD/Mtok
    price_per_mtok: tuple[float, float] | None = None  # one price for every model
    budget_usd_day: float | None = None  # cap on estimated model spend per UTC day
    budget_usd_month: float | None = None  # and per calendar month (docs/configuration.md)
    # account value by plan tier (marts.topic_priority's dbt var plan_tier_weights); None: the
    # dbt project's default (none: every plan counts the same)
    plan_weights: dict[str, float] | None = None
    # topics
    window_days: int = 30
    min_summaries: int = 50  # a pilot of 60-100 traces gets a map (docs/benchmarks.md)
    max_sample: int = 50_000
    algorithm: str = "umap_hdbscan"  # umap_hdbscan | kmeans
    no_match_distance: float = 0.6  # cosine; tuned in docs/benchmarks.md "Topics"
    no_match_warn_share: float = 0.20  # warning check on classifications
    embed_model: str | None = None  # None: packaged; 'openai:<model>'; or a model folder
    embed_batch_size: int = 32  # short summaries: less padding than 128 (docs/benchmarks.md)
    embed_batch_tokens: int = 8_000  # endpoint: estimated input tokens per /embeddings request
    embed_device: str = "cpu"  # cuda on a GPU worker (docs/scaling.md)
    embed_precision: str = "auto"  # auto | bf16 | fp32
    embed_queue: str = "dagster"  # Celery queue of the embedding step
    threads: int = 2
    # alerts
    alert_growth: float = 1.5  # weekly share ratio that makes a topic "growing"
    alert_min_volume: int = 20  # traces this week before a growth or pain alert counts
    # `tracetopics sql`: each limit ends the query with a one-line error (docs/sql.md)
    sql_memory_limit: int = 2 * 10**9  # bytes of DuckDB memory
    sql_spill_limit: int = 4 * 10**9  # bytes of DuckDB temp files once memory is full
    sql_timeout_s: float = 60.0
    sql_max_rows: int = 100_000
    # explorer (docs/explorer.md "Security")
    explorer_hosts: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")  # Host header allow-list
    explorer_max_body: int = 1_000_000  # bytes of a POST/PATCH body
    dagster_webserver_url: str = "http://127.0.0.1:3000"  # "Refresh now" links runs there
    # deployment
    executor: str | None = None  # multiprocess | in_process | k8s | celery; None: Dagster's
    executor_config: Path | None = None
    # libpq parameters from TRACETOPICS_PG_*, the same variables dbt's `postgres` target reads
    pg: dict[str, str] = field(default_factory=lambda: dict(PG_DEFAULTS), repr=False)

    @property
    def embeds_via_endpoint(self) -> bool:
        return bool(self.embed_model and self.embed_model.startswith(ENDPOINT_PREFIX))

    @property
    def uses_endpoint(self) -> bool:
        """Whether any stage calls the OpenAI-compatible endpoint (summaries, labels, vectors)."""
        return self.summarizer == "openai" or self.embeds_via_endpoint

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """From `env` alone when given; else the environment over the home's config.toml (a
        variable set to an empty string counts as unset there, as everywhere)."""
        if env is None:
            own = {k: v for k, v in os.environ.items() if v != ""}
            e: Mapping[str, str] = {**read_config(paths().config), **own}
        else:
            e = env
        d = cls()
        facets_file = _get(e, "TRACETOPICS_FACETS")
        executor_config = _get(e, "TRACETOPICS_EXECUTOR_CONFIG")
        # below MIN_TRACE_BYTES a trace cannot always be cut to fit
        max_trace_bytes = _int(
            e, "TRACETOPICS_MAX_TRACE_BYTES", d.max_trace_bytes, minimum=MIN_TRACE_BYTES
        )
        return cls(
            max_trace_bytes=max_trace_bytes,
            quarantine_rate_threshold=_float(
                e,
                "TRACETOPICS_QUARANTINE_THRESHOLD",
                d.quarantine_rate_threshold,
                minimum=0,
                maximum=1,
            ),
            start_date=_date(e, "TRACETOPICS_START_DATE", d.start_date),
            lock_wait_s=_float(e, "TRACETOPICS_LOCK_WAIT_S", d.lock_wait_s, minimum=0),
            memory_limit=_bytes(e, "TRACETOPICS_MEMORY_LIMIT", d.memory_limit),
            facets_file=Path(facets_file) if facets_file else None,
            summarizer=(_get(e, "TRACETOPICS_SUMMARIZER") or d.summarizer).lower(),
            sample_rate=_float(
                e, "TRACETOPICS_SAMPLE_RATE", d.sample_rate, positive=True, maximum=1
            ),
            trace_filter=_get(e, "TRACETOPICS_FILTER"),
            coverage_threshold=_float(
                e, "TRACETOPICS_COVERAGE_THRESHOLD", d.coverage_threshold, minimum=0, maximum=1
            ),
            openai_model=_get(e, "TRACETOPICS_OPENAI_MODEL"),
            label_model=_get(e, "TRACETOPICS_LABEL_MODEL") or d.label_model,
            openai_base_url=_get(e, "OPENAI_BASE_URL"),
            openai_api_key=_get(e, OPENAI_API_KEY_ENV),
            llm_timeout_s=_float(e, "TRACETOPICS_LLM_TIMEOUT_S", d.llm_timeout_s, positive=True),
            llm_max_retries=_int(e, "TRACETOPICS_LLM_MAX_RETRIES", d.llm_max_retries, minimum=0),
            llm_deadline_s=_float(e, "TRACETOPICS_LLM_DEADLINE_S", d.llm_deadline_s, positive=True),
            prices=_prices(e),
            price_per_mtok=_price_per_mtok(e),
            budget_usd_day=_budget(e, "TRACETOPICS_BUDGET_USD_DAY"),
            budget_usd_month=_budget(e, "TRACETOPICS_BUDGET_USD_MONTH"),
            plan_weights=_plan_weights(e),
            window_days=_int(e, "TRACETOPICS_WINDOW_DAYS", d.window_days, minimum=1),
            min_summaries=_int(e, MIN_SUMMARIES_ENV, d.min_summaries, minimum=2),
            max_sample=_int(e, "TRACETOPICS_MAX_SAMPLE", d.max_sample, minimum=2),
            algorithm=_get(e, "TRACETOPICS_ALGORITHM") or d.algorithm,
            no_match_distance=_float(
                e, "TRACETOPICS_NO_MATCH_DISTANCE", d.no_match_distance, positive=True, maximum=2
            ),
            no_match_warn_share=_float(
                e, "TRACETOPICS_NO_MATCH_WARN", d.no_match_warn_share, minimum=0, maximum=1
            ),
            embed_model=_embed_model(e),
            embed_batch_size=_int(e, "TRACETOPICS_EMBED_BATCH", d.embed_batch_size, minimum=1),
            embed_batch_tokens=_int(
                e, "TRACETOPICS_EMBED_BATCH_TOKENS", d.embed_batch_tokens, minimum=1
            ),
            embed_device=_get(e, "TRACETOPICS_EMBED_DEVICE") or d.embed_device,
            embed_precision=(_get(e, "TRACETOPICS_EMBED_PRECISION") or d.embed_precision).lower(),
            embed_queue=_get(e, "TRACETOPICS_EMBED_QUEUE") or d.embed_queue,
            threads=_int(e, "TRACETOPICS_THREADS", d.threads, minimum=1),
            alert_growth=_float(e, "TRACETOPICS_ALERT_GROWTH", d.alert_growth, positive=True),
            alert_min_volume=_int(e, "TRACETOPICS_ALERT_MIN_VOLUME", d.alert_min_volume, minimum=0),
            sql_memory_limit=_bytes(e, "TRACETOPICS_SQL_MEMORY_LIMIT", d.sql_memory_limit),
            sql_spill_limit=_bytes(e, "TRACETOPICS_SQL_SPILL_LIMIT", d.sql_spill_limit),
            sql_timeout_s=_float(e, "TRACETOPICS_SQL_TIMEOUT", d.sql_timeout_s, positive=True),
            sql_max_rows=_int(e, "TRACETOPICS_SQL_MAX_ROWS", d.sql_max_rows, minimum=1),
            explorer_hosts=_names(e, "TRACETOPICS_EXPLORER_HOSTS", d.explorer_hosts),
            explorer_max_body=_bytes(e, "TRACETOPICS_EXPLORER_MAX_BODY", d.explorer_max_body),
            dagster_webserver_url=_get(e, "DAGSTER_WEBSERVER_URL") or d.dagster_webserver_url,
            executor=(_get(e, "TRACETOPICS_EXECUTOR") or "").lower() or None,
            executor_config=Path(executor_config) if executor_config else None,
            pg={key: _get(e, name) or PG_DEFAULTS[key] for key, name in PG_ENV.items()},
        )
