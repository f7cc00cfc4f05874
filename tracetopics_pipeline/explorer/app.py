"""The explorer's web app: one page plus a small read-only JSON API over the snapshot.

Security model: binds 127.0.0.1 by default and answers only to allowed Host names, refuses
cross-site writes and oversized bodies, and sends a strict CSP (`security.ExplorerGuard`); every
body is a typed model (`bodies`); every query is a fixed, parameterized statement (no endpoint
takes SQL or a path); downloads only resolve names the server itself generated inside
$TRACETOPICS_HOME/exports; writes go to the exports folder, the review-queue SQLite file and the
saved-subsets folder, never to the warehouse. "Refresh now" starts the pipeline's own command
(refresh.py), which writes the warehouse through Dagster as the schedule does; its own writes to
the warehouse are curation (curate.py) and, at start, an older warehouse's labels column
(`ensure_snapshot`).
"""

from __future__ import annotations

import html
import json
import logging
import re
import secrets
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tracetopics_pipeline.core import run_record, warehouse
from tracetopics_pipeline.core.facets.definitions import (
    PACKAGED_FACETS,
    FacetConfigError,
    load_facets,
)
from tracetopics_pipeline.core.names import NameRefused
from tracetopics_pipeline.core.settings import ConfigError, Paths, Settings
from tracetopics_pipeline.core.settings import home as default_home
from tracetopics_pipeline.core.spend.ledger import spend_summary
from tracetopics_pipeline.core.topics.overrides import MergeRefused
from tracetopics_pipeline.core.topics.report import (
    TOPIC_LATEST,
    migrate_and_publish,
    publish_for_readers,
)
from tracetopics_pipeline.core.warehouse import NO_MATCH, NO_MATCH_LABEL
from tracetopics_pipeline.core.warehouse.snapshot import current_snapshot
from tracetopics_pipeline.explorer import actions, curate, levels, queries
from tracetopics_pipeline.explorer.bodies import (
    INT32,
    ClusterBody,
    ExportBody,
    MergeBody,
    PinBody,
    RenameBody,
    ReviewBody,
    ReviewUpdate,
    ScopedBody,
    SubsetSaveBody,
    UnmergeBody,
)
from tracetopics_pipeline.explorer.filters import TopicFilter, TraceFilter, parse_filter
from tracetopics_pipeline.explorer.proposal import (
    faded_proposal,
    map_topic_scope,
    roadmap_proposal,
    subset_topic_scope,
)
from tracetopics_pipeline.explorer.refresh import RefreshBusy, Refresher
from tracetopics_pipeline.explorer.saved import SubsetStore, topic_members
from tracetopics_pipeline.explorer.security import (
    ExplorerGuard,
    allowed_hosts_for,
    exposure_warning,
)
from tracetopics_pipeline.explorer.store import NoSnapshot, SnapshotStore

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
TopicIdParam = Annotated[int, Query(ge=-INT32, lt=INT32)]
Level = Literal["parent", "sub"]  # two-level topics: parents or their subtopics
RECENT_CLUSTERINGS = 8  # clusterings kept in memory for "Save"


def _plotly_js() -> Path:
    """plotly.min.js from the installed plotly wheel: served locally, never from a CDN."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def query_filter(
    date_from: str | None = None,
    date_to: str | None = None,
    customer: Annotated[list[str] | None, Query()] = None,
    plan_tier: Annotated[list[str] | None, Query()] = None,
    label: Annotated[list[str] | None, Query()] = None,
    topic: Annotated[list[str] | None, Query()] = None,
    trace_id: Annotated[list[str] | None, Query()] = None,
) -> TraceFilter:
    try:
        return parse_filter(date_from, date_to, customer, plan_tier, label, topic, trace_id)
    except ValueError as e:
        raise HTTPException(400, str(e)) from e


# Module level: with postponed annotations FastAPI resolves hints in the module's globals.
Filt = Annotated[TraceFilter, Depends(query_filter)]


def ensure_snapshot(paths: Paths, say: Callable[[str], None] = log.warning) -> Path | None:
    """Publish a first snapshot from the warehouse when none exists (read-only open), and a
    new one when the current snapshot predates facet_summaries.labels (every label of a trace:
    the Issues list's any-mention figures read it), so a home upgraded since its last run shows
    them at once rather than "n/a" until that run: `report.migrate_and_publish`, a writer's
    connect that adds the column and fills it from the summaries (~1 s at 63k rows).

    Nothing is published, the snapshot stays as it was and `say` hears why in one line (the
    page says it too: `create_app`'s `start_note`) when a pipeline run is in progress (it
    publishes at its end; a snapshot between two of its steps would mix days), another process
    holds the warehouse, or the home cannot be written here (a read-only copy or mount).
    """
    found = current_snapshot(paths.snapshot)
    if not paths.warehouse.exists() or (found is not None and not _before_labels(found)):
        return found
    settings = Settings.from_env()
    run = run_record.runs(paths.home)["current"] if found is not None else None
    if run is not None:
        say(f"a pipeline run (started {run['started']}) is in progress: it publishes the "
            "snapshot when it ends")  # fmt: skip
        return found
    try:
        if found is None:
            with warehouse.connect(paths.warehouse, read_only=True, wait_s=0) as conn:
                return publish_for_readers(conn, paths.snapshot, settings)
        log.warning("the snapshot predates every label of a trace: publishing it again")
        return migrate_and_publish(paths, settings, wait_s=0)
    except (duckdb.Error, OSError) as e:
        if (holder := warehouse.lock_holder(e)) is not None:
            say(f"{holder} holds the warehouse, so the snapshot was not published again; the "
                "next pipeline run publishes it, or `tracetopics migrate` once it is free")  # fmt: skip
        elif (why := warehouse.unwritable(e)) is not None:
            say(f"this home cannot be written here ({why}), so the snapshot stays as it was; "
                "`tracetopics migrate` where it can be written publishes it")  # fmt: skip
        else:
            raise
        return found


def _before_labels(folder: Path) -> bool:
    """The snapshot's facet_summaries has no `labels` column (published before it was kept)."""
    parquet = folder / "facet_summaries.parquet"
    if not parquet.exists():
        return False
    path = str(parquet).replace("'", "''")
    cols = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
    return "labels" not in {c[0] for c in cols}


def display_labels() -> dict[str, tuple[dict[str, str], list[str], str | None]]:
    """facet (lower-case) -> ({label value: how it reads}, the labels in the facet's order, the
    default label: the one the page shows quiet and last, "nothing happened").
    How a value reads is the facet's `label_names`, the one rule the CLI follows too: the
    label's `display` in the facet file ("BUG_AS_REQUEST" -> "Bug fix request"), else the value
    as words ("FAILED_TOOL_CALL" -> "Failed tool call"), the default label as its none_label
    ("No issue"). Empty when the facet file cannot be read (the page then shows values as
    words)."""
    try:
        facets = load_facets()
    except FacetConfigError as e:
        log.warning("facet labels shown as values: %s", e)
        return {}
    return {
        f.name.lower(): (f.label_names, list(f.labels or []), f.default_label or None)
        for f in facets
    }


class HomeAnswers:
    """The home's two reads (/api/overview, /api/changes), each kept once computed for the
    snapshot, the UTC day and the facet file they were read with: a snapshot never changes, and
    what changed took 2.3-2.7 s to compute again on every visit (30-day demo, 2 busy cores;
    docs/benchmarks.md "Explorer: first content"). Spend is per UTC day, display labels and
    pain facets per facet file; the settings an answer reads (the spend caps) are in its `key`,
    so a config.toml edited while the explorer runs is read. Two requests for the same answer
    compute it once."""

    KEEP = 64  # answers per snapshot and day (a filtered home is one each)

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stamp: tuple[str, ...] | None = None
        self._kept: OrderedDict[str, tuple[threading.Lock, list[dict[str, Any]]]] = OrderedDict()

    def get(self, snapshot: str, key: str, compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        facets = Settings.from_env().facets_file or PACKAGED_FACETS
        try:
            edited = str(facets.stat().st_mtime_ns)
        except OSError:
            edited = "-"
        stamp = (snapshot, datetime.now(UTC).date().isoformat(), str(facets), edited)
        with self._lock:
            if stamp != self._stamp:
                self._stamp, self._kept = stamp, OrderedDict()
            entry = self._kept.setdefault(key, (threading.Lock(), []))
            while len(self._kept) > self.KEEP:
                self._kept.popitem(last=False)
        lock, got = entry
        with lock:
            if not got:
                got.append(compute())
            return got[0]


NOT_FOUND_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>No such page · tracetopics explorer</title>
<style>body {{ font: 16px/1.5 system-ui, sans-serif; margin: 4rem auto; max-width: 40rem;
color: #1f2430; padding: 0 1rem; }} code {{ background: #eef0f4; padding: 0 .3em; }}</style>
</head><body><h1>No page here</h1>
<p>The explorer has no page at <code>{path}</code>. It is one page:
<a href="/">open the explorer</a>. Its tabs, facets and filters are in the address after
<code>/?</code> (<code>/?tab=topics&amp;facet=Task</code>).</p>
<p>SQL is not in the page: in a terminal, <code>tracetopics sql "SELECT ..."</code> queries the
same data read-only (<code>tracetopics sql --help</code>).</p></body></html>
"""


def _field(loc: tuple) -> str:
    return ".".join(str(p) for p in loc if p not in ("body", "query", "path")) or "body"


def create_app(
    home: Path | str | None = None,
    *,
    allowed_hosts: frozenset[str] | None = None,
    max_body: int | None = None,
    start_note: str | None = None,
) -> FastAPI:
    """The explorer app for one $TRACETOPICS_HOME (default: the environment's).

    `allowed_hosts` (Host names it answers to) and `max_body` (bytes) default to
    TRACETOPICS_EXPLORER_HOSTS and TRACETOPICS_EXPLORER_MAX_BODY. `start_note`: why
    `ensure_snapshot` published nothing at start, said where the page misses what it would have
    published (no snapshot; the any-mention figures).
    """
    settings = Settings.from_env()
    paths = Paths(Path(home).resolve() if home is not None else default_home())
    store = SnapshotStore(paths.snapshot)
    review = actions.ReviewQueue(paths.home / "review_queue.sqlite")
    subsets = SubsetStore(paths.home / "subsets")
    refresher = Refresher(paths, dagster_url=settings.dagster_webserver_url)
    app = FastAPI(title="tracetopics explorer", docs_url=None, redoc_url=None)
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(
        ExplorerGuard,
        allowed_hosts=allowed_hosts or allowed_hosts_for(settings.explorer_hosts),
        max_body=max_body or settings.explorer_max_body,
    )
    app.state.paths = paths
    app.state.store = store
    app.state.review = review
    app.state.subsets = subsets
    app.state.refresher = refresher
    home_answers = HomeAnswers()

    @app.exception_handler(NoSnapshot)
    async def _no_snapshot(_: Request, exc: NoSnapshot) -> JSONResponse:
        detail = f"{exc}; {start_note}" if start_note else str(exc)
        return JSONResponse({"detail": detail, "code": "no_snapshot"}, status_code=503)

    @app.exception_handler(ConfigError)
    async def _bad_config(_: Request, exc: ConfigError) -> JSONResponse:
        """A home's config.toml broken while the explorer runs: every view reads settings (the
        facet file, the embedding model, the spend caps) that the file may set, so none guesses
        them; each answer is the file's one-line error, which the page shows as it is (it read
        as a bad filter: a 400 with "Change or reset the filters"). Fixed, the next request
        reads it again."""
        return JSONResponse({"detail": str(exc), "code": "config"}, status_code=503)

    @app.exception_handler(ValueError)
    async def _bad_value(_: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(OSError)
    async def _unwritable(request: Request, exc: OSError) -> JSONResponse:
        """A write on a home that cannot be written here (a read-only copy or mount: an
        export, the review queue, a saved subset) says so in one line; the reads go on."""
        if warehouse.unwritable(exc) is None:
            raise exc
        where = f" ({exc.filename})" if exc.filename else ""
        return JSONResponse(
            {"detail": f"this home cannot be written here: {exc.strerror or exc}{where}"},
            status_code=503,
        )

    @app.exception_handler(FileExistsError)
    async def _exists(_: Request, exc: FileExistsError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=409)

    @app.exception_handler(StarletteHTTPException)
    async def _not_found(request: Request, exc: StarletteHTTPException) -> Any:
        """A mistyped address in a browser gets a page that leads back, not `{"detail": "Not
        Found"}`; the API's own answers stay JSON."""
        path = request.url.path
        if (
            exc.status_code == 404
            and not path.startswith(("/api/", "/static/", "/vendor/"))
            and "text/html" in request.headers.get("accept", "")
        ):
            return HTMLResponse(NOT_FOUND_PAGE.format(path=html.escape(path)), status_code=404)
        return await http_exception_handler(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        """One readable line first (the page shows `detail`), the full list after."""
        errors = exc.errors()
        detail = "; ".join(f"{_field(e['loc'])}: {e['msg']}" for e in errors[:3])
        fields = [{"field": _field(e["loc"]), "message": e["msg"]} for e in errors]
        return JSONResponse({"detail": detail, "errors": fields}, status_code=422)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(
            _plotly_js(),
            media_type="application/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/health")
    def health() -> dict[str, Any]:
        folder = current_snapshot(paths.snapshot)
        return {"ok": True, "snapshot": folder.name if folder else None}

    @app.get("/api/overview")
    def overview() -> dict[str, Any]:
        loaded = store.loaded()
        env = Settings.from_env()
        reads = [env.budget_usd_day, env.budget_usd_month, env.uses_endpoint]  # the spend line's
        key = "overview " + json.dumps(reads)
        return home_answers.get(loaded.folder.name, key, lambda: _overview(loaded, env))

    def _overview(loaded: Any, env: Settings) -> dict[str, Any]:
        out = queries.overview(loaded.conn.cursor(), loaded.marts)
        out["snapshot"] = loaded.folder.name
        spend = spend_summary(loaded.conn.cursor(), env, days=0)
        out["spend"] = {k: v for k, v in spend.as_dict().items() if k not in ("by_day",)}
        # Whether anything here can cost money: the spend line says "local" rather than $0.
        out["spend"]["uses_endpoint"] = env.uses_endpoint
        shown = display_labels()
        for fct in out["facets"]:
            fct["display"], fct["label_order"], fct["default_label"] = shown.get(
                fct["facet"].lower(), ({}, [], None)
            )
            # The label filter lists them as the facet does, its default last ("No churn
            # signal", key LOW, sorted between High and Medium by the alphabet: review rv6 E5).
            order = {v: i for i, v in enumerate(fct["label_order"])}
            fct["labels"].sort(
                key=lambda v, f=fct, o=order: (v == f["default_label"], o.get(v, len(o)), v)
            )
        # The facet file's order (Task, Sentiment, Issues, ...), not the alphabet: pickers and
        # the trace drawer list Task first.
        rank = {name: i for i, name in enumerate(shown)}
        out["facets"].sort(key=lambda f: (rank.get(f["facet"].lower(), len(rank)), f["facet"]))
        return out

    facet_names: dict[str, list[str]] = {}  # snapshot folder -> its facets

    def _known(*facets: str | None, f: TraceFilter | None = None) -> None:
        """Refuse (400, naming the snapshot's facets) a facet the snapshot does not have, given
        directly or in the filter's labels and topics: an unknown name matched nothing and
        answered 200 with an empty page."""
        names = [*facets]
        if f is not None:
            names += [lf.facet for lf in f.labels] + [tf.facet for tf in f.topics]
        folder = store.loaded().folder.name
        if folder not in facet_names:  # one query per snapshot
            facet_names.clear()
            facet_names[folder] = queries.facet_names(store.cursor())
        have = facet_names[folder]
        wrong = [n for n in names if n and n.lower() not in {h.lower() for h in have}]
        if wrong and have:  # an empty snapshot answers empty pages, as before its first run
            raise ValueError(f"unknown facet {wrong[0]!r}; this snapshot has: {', '.join(have)}")

    @app.get("/api/topics")
    def topics(
        f: Filt,
        facet: str = "Task",
        no_match: bool = False,
        level: Level = "parent",
        parent: Annotated[int | None, Query(ge=-(2**31), lt=2**31)] = None,
    ) -> dict[str, Any]:
        """The ranked topics; `parent`: the subtopics of the parent drilled into, their shares
        still of the filter's classified traffic (and `parent_share`)."""
        _known(facet, f=f)
        out = levels.topic_tree(
            store.cursor(), f, facet, level=level, include_no_match=no_match, parent=parent
        )
        if start_note and "any_mention_missing" in out:  # what kept them out, said at start
            out["any_mention_missing"] = f"{levels.SNAPSHOT_MENTIONS_MISSING_WHY}: {start_note}"
        return out

    @app.get("/api/map")
    def scatter(
        f: Filt, facet: str = "Task", map_id: str | None = None, level: Level = "parent"
    ) -> dict[str, Any]:
        _known(facet, f=f)
        return queries.map_points(store.cursor(), f, facet, map_id, level=level)

    @app.get("/api/timeline")
    def timeline(
        f: Filt, facet: str = "Task", grain: str = "day", level: Level = "parent"
    ) -> dict[str, Any]:
        _known(facet, f=f)
        return queries.timeline(store.cursor(), f, facet, grain, level=level)

    @app.get("/api/search")
    def search(
        f: Filt,
        q: Annotated[str, Query(max_length=200)],
        facet: str | None = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> dict[str, Any]:
        """Topics (label, keywords, summaries) and traces (summaries) holding every word."""
        return levels.search(store.cursor(), f, q, facet=facet, limit=limit)

    # Curation: the CLI's own rename / pin / merge / unmerge on the warehouse, then a new
    # snapshot.
    @app.post("/api/topics/rename")
    def topic_rename(body: RenameBody) -> dict[str, Any]:
        return _curated(curate.rename, body.facet, body.topic_id, body.label)

    @app.post("/api/topics/pin")
    def topic_pin(body: PinBody) -> dict[str, Any]:
        return _curated(curate.pin, body.facet, body.topic_id, body.pinned)

    @app.post("/api/topics/merge")
    def topic_merge(body: MergeBody) -> dict[str, Any]:
        return _curated(curate.merge, body.facet, body.topic_id, body.into)

    @app.post("/api/topics/unmerge")
    def topic_unmerge(body: UnmergeBody) -> dict[str, Any]:
        return _curated(curate.unmerge, body.facet, body.topic_id)

    def _curated(fn: Any, *args: Any) -> dict[str, Any]:
        try:
            return fn(paths, *args)
        except curate.WarehouseBusy as e:
            raise HTTPException(409, str(e)) from e
        except curate.UnknownTopic as e:
            raise HTTPException(404, str(e)) from e
        except MergeRefused as e:
            raise HTTPException(400, str(e)) from e
        except NameRefused as e:  # a caller that skipped RenameBody: the core rule still holds
            raise HTTPException(422, str(e)) from e

    @app.get("/api/traces")
    def traces(
        f: Filt,
        facet: str = "Task",
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        _known(facet, f=f)
        return queries.trace_list(store.cursor(), f, facet=facet, limit=limit, offset=offset)

    @app.get("/api/summary")
    def summary(trace_id: str, facet: str = "Task") -> dict[str, Any]:
        row = queries.summary(store.cursor(), trace_id, facet)
        if row is None:
            raise HTTPException(404, "no such summary")
        return row

    # Trace ids may hold "/" or be "..": the page asks with ?trace_id=; the path form takes
    # the rest of the path, so an encoded "a%2Fb" opens trace "a/b" too.
    @app.get("/api/trace")
    @app.get("/api/trace/{trace_id:path}")
    def trace(trace_id: str) -> dict[str, Any]:
        row = queries.trace_detail(store.cursor(), trace_id)
        if row is None:
            raise HTTPException(404, "No trace with this id in this snapshot.")
        return row

    @app.get("/api/crosstab")
    def crosstab(
        f: Filt, row_facet: str = "Task", col_facet: str = "Sentiment", level: Level = "parent"
    ) -> dict[str, Any]:
        return queries.crosstab(store.cursor(), f, row_facet, col_facet, level=level)

    @app.get("/api/changes")
    def changes(f: Filt, since: Annotated[int, Query(ge=1, le=366)] = 7) -> dict[str, Any]:
        """What changed in the last `since` days of the snapshot: the home (the digest's facts),
        on the filtered slice when a filter is set (the window ends at the slice's last day)."""
        from tracetopics_pipeline.core.topics.changes import compute_changes

        loaded = store.loaded()

        def compute() -> dict[str, Any]:
            cur = loaded.conn.cursor()
            if f.is_empty():
                return compute_changes(cur, since_days=since).as_dict()
            fsql, fparams = f.sql()
            return compute_changes(cur, since_days=since, within=fsql, params=fparams).as_dict()

        key = "changes " + json.dumps([since, f.to_json()], sort_keys=True, default=str)
        return home_answers.get(loaded.folder.name, key, compute)

    # `tracetopics explore` computes the landing view's answers while it starts (serve()).
    app.state.warm_home = lambda: (overview(), changes(TraceFilter(), 7))

    @app.get("/api/marts/{name}")
    def mart(name: str) -> dict[str, Any]:
        loaded = store.loaded()
        out = queries.mart_table(loaded.conn.cursor(), name, loaded.marts)
        if out is None:
            raise HTTPException(404, f"mart {name!r} is not in the snapshot")
        return out

    # The last few clusterings, by token, so "Save" keeps what the user saw without redoing it.
    recent: OrderedDict[str, tuple[dict[str, Any], dict[str, Any], str]] = OrderedDict()

    @app.post("/api/cluster")
    def cluster(body: ClusterBody) -> dict[str, Any]:
        """Cluster the filtered traces now; the answer's `token` saves it (POST /api/subsets)."""
        from tracetopics_pipeline.explorer.subset import cluster_subset

        f = body.filter.to_filter()
        _known(body.facet, f=f)
        loaded = store.loaded()
        out = cluster_subset(
            loaded.conn.cursor(),
            f,
            body.facet,
            max_traces=body.max_traces,
            snapshot=loaded.folder.name,
        )
        out["token"] = secrets.token_hex(8)
        recent[out["token"]] = (out, f.to_json(), loaded.folder.name)
        while len(recent) > RECENT_CLUSTERINGS:
            recent.popitem(last=False)
        return out

    @app.post("/api/subsets")
    def subset_save(body: SubsetSaveBody) -> dict[str, Any]:
        """Keep a clustering just made (its `token`) under the user's `name`."""
        got = recent.get(body.token)
        if got is None:
            raise HTTPException(410, "that clustering is no longer in memory; cluster again")
        out, filter_json, snapshot = got
        return subsets.save(
            body.name,
            {k: v for k, v in out.items() if k != "token"},
            filter_json=filter_json,
            snapshot=snapshot,
        )

    @app.get("/api/subsets")
    def subset_list() -> list[dict[str, Any]]:
        return subsets.list()

    @app.get("/api/subsets/{name}")
    def subset_get(name: str) -> dict[str, Any]:
        return _subset(name)

    @app.delete("/api/subsets/{name}")
    def subset_delete(name: str) -> dict[str, Any]:
        if not subsets.delete(name):
            raise HTTPException(404, f"no saved subset named {name!r}")
        return {"deleted": name}

    def _subset(name: str) -> dict[str, Any]:
        doc = subsets.get(name)
        if doc is None:
            raise HTTPException(404, f"no saved subset named {name!r}")
        return doc

    def _scoped(body: ScopedBody) -> tuple[TraceFilter, str | None, int | None, str | None]:
        """The body's filter, narrowed to one topic when the action targets a topic: a map's
        topic (facet + topic_id) or a saved subset's (subset + subset_topic: its trace ids).
        Returns the filter, facet, topic id and topic label (subset topics carry their own)."""
        if body.subset is not None:
            doc = _subset(body.subset)
            if body.subset_topic is None:
                ids = tuple(i for i in (doc.get("ids") or "").split("\n") if i)
                return TraceFilter(trace_ids=ids), doc["facet"], None, None
            try:
                topic, members = topic_members(doc, body.subset_topic)
            except KeyError as e:
                raise HTTPException(404, str(e.args[0])) from e
            label = f"{topic['label']} (saved subset {doc['name']})"
            return TraceFilter(trace_ids=tuple(members)), doc["facet"], None, label
        f = body.filter.to_filter()
        _known(body.facet, f=f)
        if body.facet and body.topic_id is not None:
            label = _topic_label(body.facet, body.topic_id)
            if label is None:
                raise HTTPException(404, f"{body.facet} has no topic {body.topic_id}")
            f = replace(f, topics=(*f.topics, TopicFilter(body.facet, body.topic_id)))
            return f, body.facet, body.topic_id, label
        return f, None, None, None

    def _topic_label(facet: str | None, topic_id: int | None) -> str | None:
        if facet is None or topic_id is None:
            return None
        if topic_id == NO_MATCH:
            return NO_MATCH_LABEL
        row = (
            store.cursor()
            .execute(
                "WITH " + TOPIC_LATEST + "SELECT label FROM topic_latest "
                "WHERE lower(facet) = lower(?) AND topic_id = ?",
                [facet, topic_id],
            )
            .fetchone()
        )
        return row[0] if row else None

    @app.post("/api/export")
    def export(body: ExportBody) -> dict[str, Any]:
        f, facet, topic_id, topic_label = _scoped(body)
        loaded = store.loaded()
        return actions.export_eval_dataset(
            loaded.conn.cursor(),
            f,
            paths.exports,
            name=body.name,
            topic_facet=facet or "Task",
            snapshot=loaded.folder.name,
            description=body.description,
            extra={
                "facet": facet,
                "topic_id": topic_id,
                "topic_label": topic_label,
                "subset": body.subset,
                "subset_topic": body.subset_topic,
            },
        )

    @app.get("/api/exports")
    def exports() -> list[dict[str, Any]]:
        return actions.list_exports(paths.exports)

    @app.get("/api/exports/{name}")
    def download(name: str) -> FileResponse:
        path = actions.export_path(paths.exports, name)
        if path is None:
            raise HTTPException(404, "no such export")
        return FileResponse(path, filename=name)

    @app.post("/api/review")
    def assign(body: ReviewBody) -> dict[str, Any]:
        f, facet, topic_id, topic_label = _scoped(body)
        page = queries.trace_list(store.cursor(), f, facet=facet or "Task", limit=body.limit)
        items = [{"trace_id": t["id"], "summary": t["summary"]} for t in page["traces"]]
        out = review.assign(
            items,
            assignee=body.assignee,
            note=body.note,
            facet=facet,
            topic_id=topic_id,
            topic_label=topic_label,
            filter_json=f.to_json(),
        )
        return {**out, "matched": page["total"]}

    @app.get("/api/review")
    def review_list(assignee: str | None = None, status: str | None = None) -> dict[str, Any]:
        items = review.list(assignee=assignee, status=status)
        # Each item's labels by facet ({"Sentiment": "NEGATIVE", ...}), from the snapshot: the
        # page shows them as pills named by their facet.
        ids = tuple(dict.fromkeys(it["trace_id"] for it in items))
        # Items queued from a filter (not a topic) show each trace's own Task topic.
        labels: dict[str, dict[str, str]] = {}
        topics: dict[str, str] = {}
        if ids:
            try:
                page = queries.trace_list(
                    store.cursor(), TraceFilter(trace_ids=ids), limit=len(ids)
                )
                labels = {t["id"]: t["labels"] for t in page["traces"]}
                untopical = tuple(it["trace_id"] for it in items if not it["topic_label"])
                if untopical:
                    topics = queries.topic_labels(store.cursor(), untopical)
            except NoSnapshot:
                pass
        for it in items:
            it["labels"] = labels.get(it["trace_id"], {})
            it["topic_label"] = it["topic_label"] or topics.get(it["trace_id"])
        return {"items": items, "assignees": review.assignees()}

    @app.patch("/api/review/{item_id}")
    def review_update(
        item_id: Annotated[int, PathParam(ge=1, lt=2**63)], body: ReviewUpdate
    ) -> dict[str, Any]:
        row = review.update(item_id, status=body.status, note=body.note)
        if row is None:
            raise HTTPException(404, "no such review item")
        return row

    @app.get("/api/proposal", response_model=None)
    def proposal(
        request: Request,
        f: Filt,
        facet: str | None = None,
        topic_id: TopicIdParam | None = None,
        subset: str | None = None,
        subset_topic: TopicIdParam | None = None,
        format: str = "json",
    ) -> dict[str, Any] | PlainTextResponse:
        """A map topic's brief (facet + topic_id, within the filter) or a saved subset's topic's
        (subset + subset_topic)."""
        loaded = store.loaded()
        cur = loaded.conn.cursor()
        if subset is not None and subset_topic is not None:
            try:
                scope = subset_topic_scope(_subset(subset), subset_topic)
            except KeyError as e:
                raise HTTPException(404, str(e.args[0])) from e
            name = f"{subset}-{subset_topic}"
        elif facet is not None and topic_id is not None:
            if _topic_label(facet, topic_id) is None:
                raise HTTPException(404, f"{facet} has no topic {topic_id}")
            scope = map_topic_scope(cur, f, facet, topic_id)
            name = f"{facet}-{topic_id}"
            if scope is None:
                # none in the window, some before it: a topic that faded to zero says so
                md = faded_proposal(
                    cur, f, facet, topic_id, _topic_label(facet, topic_id) or f"topic {topic_id}",
                    trace_url=f"{request.base_url}?trace=",
                )  # fmt: skip
                if md is None:
                    raise HTTPException(404, "topic has no traces in this filter")
                return _proposal_response(md, name, format, facet, topic_id)
        else:
            raise HTTPException(400, "give facet and topic_id, or subset and subset_topic")
        md = roadmap_proposal(
            cur,
            scope,
            marts=loaded.marts,
            trace_url=f"{request.base_url}?trace=",
            label_names={k: names for k, (names, _, _) in display_labels().items()},
        )
        return _proposal_response(md, name, format, scope.facet, topic_id)

    def _proposal_response(
        md: str, name: str, format: str, facet: str, topic_id: int | None
    ) -> dict[str, Any] | PlainTextResponse:
        if format == "md":
            return PlainTextResponse(
                md,
                media_type="text/markdown",
                headers={
                    "Content-Disposition": "attachment; "
                    f'filename="proposal-{re.sub(r"[^A-Za-z0-9_-]", "_", name)}.md"'
                },
            )
        return {"facet": facet, "topic_id": topic_id, "markdown": md}

    @app.get("/api/refresh")
    def refresh_status() -> dict[str, Any]:
        """The refresh in progress (or the last one), step by step, from the Dagster instance."""
        out = refresher.status()
        folder = current_snapshot(paths.snapshot)
        out["snapshot"] = folder.name if folder else None
        return out

    @app.post("/api/refresh")
    def refresh_start() -> JSONResponse:
        """Run the daily schedule's job for today's partition now (409 while a run is on)."""
        try:
            return JSONResponse(refresher.start(), status_code=202)
        except RefreshBusy as e:
            return JSONResponse({"detail": str(e), "run": e.run}, status_code=409)

    return app


def serve(host: str = "127.0.0.1", port: int = 8765, home: Path | str | None = None) -> None:
    """Run the explorer until interrupted (what `tracetopics explore` calls)."""
    import uvicorn

    paths = Paths(Path(home).resolve() if home is not None else default_home())
    notes: list[str] = []

    def say(line: str) -> None:
        print(f"note: {line}", file=sys.stderr, flush=True)
        notes.append(line)

    ensure_snapshot(paths, say=say)
    hosts = allowed_hosts_for(Settings.from_env().explorer_hosts, bind_host=host)
    app = create_app(paths.home, allowed_hosts=hosts, start_note=notes[-1] if notes else None)
    from tracetopics_pipeline.explorer.subset import warm_up

    def home() -> None:  # the landing view's answers, before the first visitor asks
        try:
            app.state.warm_home()
        except Exception as e:  # nothing published yet, a busy warehouse: the visitor's ask says
            log.info("the home's answers not computed ahead: %s", e)

    threading.Thread(target=home, name="warm-home", daemon=True).start()
    clustering = warm_up()  # numba JIT for UMAP/HDBSCAN, so the first "Cluster this subset" is fast

    def dagster() -> None:  # then Dagster for "Refresh now"; the status needs none while idle
        clustering.join()
        app.state.refresher.warm()

    threading.Thread(target=dagster, name="warm-dagster", daemon=True).start()
    print(f"tracetopics explorer on http://{host}:{port}/  (home {paths.home})", flush=True)
    print(f"answering to Host names: {', '.join(sorted(hosts))} (TRACETOPICS_EXPLORER_HOSTS)")
    if (warning := exposure_warning(host, port)) is not None:
        print(warning, file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
