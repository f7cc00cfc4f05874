"""The explorer's web app: one page plus a small read-only JSON API over the snapshot.

Security model: binds 127.0.0.1 by default and answers only to allowed Host names, refuses
cross-site writes and oversized bodies, and sends a strict CSP (`security.ExplorerGuard`); every
body is a typed model (`bodies`); every query is a fixed, parameterized statement (no endpoint
takes SQL or a path); downloads only resolve names the server itself generated inside
$TRACETOPICS_HOME/exports; writes go to the exports folder and the review-queue SQLite file,
never to the warehouse.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles

from tracetopics_pipeline.core.settings import Paths, Settings
from tracetopics_pipeline.core.settings import home as default_home
from tracetopics_pipeline.core.topics.report import TOPIC_LATEST
from tracetopics_pipeline.core.warehouse import NO_MATCH, NO_MATCH_LABEL
from tracetopics_pipeline.core.warehouse.snapshot import current_snapshot, publish_snapshot
from tracetopics_pipeline.explorer import actions, queries
from tracetopics_pipeline.explorer.bodies import (
    INT32,
    ClusterBody,
    ExportBody,
    ReviewBody,
    ReviewUpdate,
    ScopedBody,
)
from tracetopics_pipeline.explorer.filters import TopicFilter, TraceFilter, parse_filter
from tracetopics_pipeline.explorer.proposal import roadmap_proposal
from tracetopics_pipeline.explorer.security import ExplorerGuard, allowed_hosts_for
from tracetopics_pipeline.explorer.store import NoSnapshot, SnapshotStore

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
TopicIdParam = Annotated[int, Query(ge=-INT32, lt=INT32)]


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


def ensure_snapshot(paths: Paths) -> Path | None:
    """Publish a first snapshot from the warehouse when none exists (read-only open).

    A pipeline run holding the warehouse makes the open fail; the page then reports that no
    snapshot exists yet and the next run publishes one.
    """
    found = current_snapshot(paths.snapshot)
    if found is not None or not paths.warehouse.exists():
        return found
    try:
        conn = duckdb.connect(str(paths.warehouse), read_only=True)
    except duckdb.Error as e:
        log.warning("warehouse busy, no snapshot yet: %s", e)
        return None
    try:
        return publish_snapshot(conn, paths.snapshot)
    finally:
        conn.close()


def _field(loc: tuple) -> str:
    return ".".join(str(p) for p in loc if p not in ("body", "query", "path")) or "body"


def create_app(
    home: Path | str | None = None,
    *,
    allowed_hosts: frozenset[str] | None = None,
    max_body: int | None = None,
) -> FastAPI:
    """The explorer app for one $TRACETOPICS_HOME (default: the environment's).

    `allowed_hosts` (Host names it answers to) and `max_body` (bytes) default to
    TRACETOPICS_EXPLORER_HOSTS and TRACETOPICS_EXPLORER_MAX_BODY.
    """
    settings = Settings.from_env()
    paths = Paths(Path(home).resolve() if home is not None else default_home())
    store = SnapshotStore(paths.snapshot)
    review = actions.ReviewQueue(paths.home / "review_queue.sqlite")
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

    @app.exception_handler(NoSnapshot)
    async def _no_snapshot(_: Request, exc: NoSnapshot) -> JSONResponse:
        return JSONResponse({"detail": str(exc), "code": "no_snapshot"}, status_code=503)

    @app.exception_handler(ValueError)
    async def _bad_value(_: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

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
        out = queries.overview(loaded.conn.cursor(), loaded.marts)
        out["snapshot"] = loaded.folder.name
        return out

    @app.get("/api/topics")
    def topics(f: Filt, facet: str = "Task", no_match: bool = False) -> dict[str, Any]:
        return queries.topic_list(store.cursor(), f, facet, include_no_match=no_match)

    @app.get("/api/map")
    def scatter(f: Filt, facet: str = "Task", map_id: str | None = None) -> dict[str, Any]:
        return queries.map_points(store.cursor(), f, facet, map_id)

    @app.get("/api/timeline")
    def timeline(f: Filt, facet: str = "Task", grain: str = "day") -> dict[str, Any]:
        return queries.timeline(store.cursor(), f, facet, grain)

    @app.get("/api/traces")
    def traces(
        f: Filt,
        facet: str = "Task",
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
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
            raise HTTPException(404, "no such trace")
        return row

    @app.get("/api/crosstab")
    def crosstab(f: Filt, row_facet: str = "Task", col_facet: str = "Sentiment") -> dict[str, Any]:
        return queries.crosstab(store.cursor(), f, row_facet, col_facet)

    @app.get("/api/marts/{name}")
    def mart(name: str) -> dict[str, Any]:
        loaded = store.loaded()
        out = queries.mart_table(loaded.conn.cursor(), name, loaded.marts)
        if out is None:
            raise HTTPException(404, f"mart {name!r} is not in the snapshot")
        return out

    @app.post("/api/cluster")
    def cluster(body: ClusterBody) -> dict[str, Any]:
        from tracetopics_pipeline.explorer.subset import cluster_subset

        return cluster_subset(
            store.cursor(), body.filter.to_filter(), body.facet, max_traces=body.max_traces
        )

    def _scoped(body: ScopedBody) -> tuple[TraceFilter, str | None, int | None]:
        """The body's filter, narrowed to one topic when the action targets a topic."""
        f = body.filter.to_filter()
        if body.facet and body.topic_id is not None:
            f = replace(f, topics=(*f.topics, TopicFilter(body.facet, body.topic_id)))
            return f, body.facet, body.topic_id
        return f, None, None

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
        f, facet, topic_id = _scoped(body)
        loaded = store.loaded()
        return actions.export_eval_dataset(
            loaded.conn.cursor(),
            f,
            paths.exports,
            snapshot=loaded.folder.name,
            description=body.description,
            extra={
                "facet": facet,
                "topic_id": topic_id,
                "topic_label": _topic_label(facet, topic_id),
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
        f, facet, topic_id = _scoped(body)
        page = queries.trace_list(store.cursor(), f, facet=facet or "Task", limit=body.limit)
        items = [{"trace_id": t["id"], "summary": t["summary"]} for t in page["traces"]]
        out = review.assign(
            items,
            assignee=body.assignee,
            note=body.note,
            facet=facet,
            topic_id=topic_id,
            topic_label=_topic_label(facet, topic_id),
            filter_json=f.to_json(),
        )
        return {**out, "matched": page["total"]}

    @app.get("/api/review")
    def review_list(assignee: str | None = None, status: str | None = None) -> dict[str, Any]:
        return {
            "items": review.list(assignee=assignee, status=status),
            "assignees": review.assignees(),
        }

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
        f: Filt, facet: str, topic_id: TopicIdParam, format: str = "json"
    ) -> dict[str, Any] | PlainTextResponse:
        loaded = store.loaded()
        md = roadmap_proposal(loaded.conn.cursor(), f, facet, topic_id, marts=loaded.marts)
        if md is None:
            raise HTTPException(404, "topic has no traces in this filter")
        if format == "md":
            return PlainTextResponse(
                md,
                media_type="text/markdown",
                headers={
                    "Content-Disposition": "attachment; "
                    f'filename="proposal-{re.sub(r"[^A-Za-z0-9_-]", "_", facet)}-{topic_id}.md"'
                },
            )
        return {"facet": facet, "topic_id": topic_id, "markdown": md}

    return app


def serve(host: str = "127.0.0.1", port: int = 8765, home: Path | str | None = None) -> None:
    """Run the explorer until interrupted (what `tracetopics explore` calls)."""
    import uvicorn

    paths = Paths(Path(home).resolve() if home is not None else default_home())
    ensure_snapshot(paths)
    hosts = allowed_hosts_for(Settings.from_env().explorer_hosts, bind_host=host)
    app = create_app(paths.home, allowed_hosts=hosts)
    from tracetopics_pipeline.explorer.subset import warm_up

    warm_up()  # numba JIT for UMAP/HDBSCAN, so the first "Cluster this subset" is fast
    print(f"tracetopics explorer on http://{host}:{port}/  (home {paths.home})", flush=True)
    print(f"answering to Host names: {', '.join(sorted(hosts))} (TRACETOPICS_EXPLORER_HOSTS)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
