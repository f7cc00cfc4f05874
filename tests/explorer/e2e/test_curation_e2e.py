"""On demo data in real Chromium (conftest's `demo_copy`: this module merges topics): a merge
undone from the page (the toast's Undo and a merged row's Unmerge), a labelled facet's map
offered only on enough points, and the trace drawer's pill for a facet of names (Competitor
mention). Desktop and a 390 px phone; screenshots in tests/explorer/e2e/artifacts/curation-*."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from factories.browser import fresh_page

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.timeout(2400)]

ARTIFACTS = Path(__file__).parent / "artifacts"  # git-ignored
T = 120_000  # an unmerge classifies the target's days again (seconds on 2 cores)


@pytest.fixture(scope="module")
def base(demo_copy: Path, serve: Callable[[Path], str]) -> str:
    return serve(demo_copy)


def _get(pg, path: str) -> object:
    return pg.evaluate(f"fetch({path!r}).then((r) => r.json())")


@pytest.fixture(params=[(1440, 900), (390, 844)], ids=["desktop", "phone"])
def pg(request, browser, base: str) -> Iterator[object]:
    w, h = request.param
    with fresh_page(browser, width=w, height=h) as page:
        page.base = base  # type: ignore[attr-defined]
        page.size = f"{w}"  # type: ignore[attr-defined]
        yield page


def _siblings(pg) -> tuple[int, int, int]:
    """A Task parent with two subtopics or more: (parent, the smallest, the largest)."""
    tops = _get(pg, "/api/topics?facet=Task")["topics"]
    parent = next(t for t in tops if len(t["subtopics"]) >= 2)
    subs = parent["subtopics"]
    return parent["topic_id"], subs[-1]["topic_id"], subs[0]["topic_id"]


def _sub_counts(pg, parent: int) -> dict[int, int]:
    tops = _get(pg, "/api/topics?facet=Task")["topics"]
    return {
        s["topic_id"]: s["count"] for t in tops if t["topic_id"] == parent for s in t["subtopics"]
    }


def _open_sub(pg, parent: int, sub: int) -> object:
    row = pg.locator(f"#topic-list .trow[data-topic='{parent}']")
    if row.locator(":scope > .trow-body").is_hidden():
        row.locator(".trow-head").first.click()
    s = row.locator(f".trow[data-topic='{sub}']")
    if s.locator(".trow-body").is_hidden():
        s.locator(".trow-head").click()
    s.scroll_into_view_if_needed()
    return s


def test_a_merge_is_undone_from_its_toast_and_from_the_merged_row(pg) -> None:
    pg.goto(pg.base + "/?tab=topics&facet=Task")
    pg.wait_for_selector("#topic-list .trow", timeout=T)
    parent, small, big = _siblings(pg)
    before = _sub_counts(pg, parent)
    # Merge from the list; the toast says so, with its Undo.
    _open_sub(pg, parent, small).locator("button[data-act=merge]").click()
    pg.select_option("#mg-into", str(big))
    pg.click("#mg-submit")
    undo = pg.locator("#toast .toast-act", has_text="Undo")
    undo.wait_for(timeout=T)
    assert pg.locator("#toast").inner_text().startswith("Merged “")
    box = pg.locator("#toast").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= int(pg.size), box  # fits a phone
    pg.wait_for_selector(f"#topic-list .trow[data-topic='{big}'] .merged-badge", timeout=T)
    assert small not in _sub_counts(pg, parent)
    pg.screenshot(path=str(ARTIFACTS / f"curation-merged-{pg.size}.png"))
    undo.click()
    pg.locator("#toast", has_text="Unmerged").wait_for(timeout=T)
    pg.wait_for_selector(f"#topic-list .trow[data-topic='{small}']", timeout=T)
    assert _sub_counts(pg, parent) == before
    assert pg.locator(".merged-badge").count() == 0
    # Merged again: the target's row names what was merged into it, with an Unmerge.
    _open_sub(pg, parent, small).locator("button[data-act=merge]").click()
    pg.select_option("#mg-into", str(big))
    pg.click("#mg-submit")
    pg.wait_for_selector(f"#topic-list .trow[data-topic='{big}'] .merged-badge", timeout=T)
    note = _open_sub(pg, parent, big).locator(".merged-note")
    assert f"id {small}" in note.inner_text()
    note.scroll_into_view_if_needed()
    pg.screenshot(path=str(ARTIFACTS / f"curation-merged-row-{pg.size}.png"))
    note.locator("button[data-act=unmerge]").click()
    pg.locator("#toast", has_text="Unmerged").wait_for(timeout=T)
    pg.wait_for_selector(f"#topic-list .trow[data-topic='{small}']", timeout=T)
    assert _sub_counts(pg, parent) == before
    pg.screenshot(path=str(ARTIFACTS / f"curation-unmerged-{pg.size}.png"))


def test_a_label_with_too_few_points_offers_its_reasons_as_a_list(pg) -> None:
    """Neutral sentiment drew its thousands of traces on two points as "Map of its reasons":
    a label gets a map only on as many points as any map needs (queries.MIN_MAP_POINTS)."""
    pg.goto(pg.base + "/?tab=map&facet=Sentiment")
    pg.wait_for_selector("#map-plot .label-bars .lbar", timeout=T)
    m = _get(pg, "/api/map?facet=Sentiment&level=parent")
    points = {p["topic_id"]: p["points"] for p in m["topic_points"]}
    few = [t for t, n in points.items() if n < m["min_points"]]
    enough = [t for t, n in points.items() if n >= m["min_points"]]
    assert few and enough, points  # the demo's Sentiment has both kinds
    # A label whose reasons are one subtopic named as itself lists its traces instead: there
    # is no list of reasons to show (report.listed_subtopics).
    listed = {
        t["topic_id"]: t["subtopics"] for t in _get(pg, "/api/topics?facet=Sentiment")["topics"]
    }
    for t in few:
        bar = pg.locator(f"#map-plot .lbar[data-topic='{t}']")
        assert bar.locator("button[data-act=drill]").count() == 0
        act, text = ("reasons", "List its reasons") if listed[t] else ("traces", "List its traces")
        assert bar.locator(f"button[data-act={act}]").inner_text() == text
    for t in enough:
        assert pg.locator(f"#map-plot .lbar[data-topic='{t}'] button[data-act=drill]").count() == 1
    pg.screenshot(path=str(ARTIFACTS / f"curation-labels-{pg.size}.png"))
    with_reasons = [t for t in few if listed[t]]
    if with_reasons:
        pg.locator(
            f"#map-plot .lbar[data-topic='{with_reasons[0]}'] button[data-act=reasons]"
        ).click()
        pg.wait_for_selector("#tab-topics:not(.hidden) #topic-list .trow", timeout=T)
        assert pg.evaluate("state.focus") == with_reasons[0]
    # Reached by its address, the map of so few points says so instead of drawing them.
    pg.goto(pg.base + f"/?tab=map&facet=Sentiment&focus={few[0]}")
    pg.wait_for_selector("#map-plot .empty", timeout=T)
    assert "Too few points to map" in pg.locator("#map-plot").inner_text()
    assert "close points" not in pg.locator("#map-count").inner_text()


def test_the_trace_drawer_has_a_pill_for_a_facet_of_names(pg) -> None:
    """Competitor mention's traces carry no label value: their pill is the competitor their
    parent stands for, and the quiet default ("No competitor mentioned") when none."""
    pg.goto(pg.base + "/?tab=topics")
    tops = _get(pg, "/api/topics?facet=Competitor%20mention")["topics"]
    named = next(t for t in tops if t["facet_label"] != "none")
    topic = f"Competitor mention:{named['topic_id']}"
    traces = _get(pg, f"/api/traces?facet=Competitor%20mention&limit=1&topic={topic}")["traces"]
    pg.goto(pg.base + f"/?tab=topics&trace={traces[0]['id']}")
    pg.wait_for_selector("#drawer:not(.hidden) .conversation", timeout=T)
    row = pg.locator("#drawer-body tr", has_text="Competitor mention")
    assert row.locator(".pill").inner_text() == named["label"]
    # Every labelled facet has its pill in the drawer.
    for facet in ("Sentiment", "Issues", "Feature request", "Pricing question", "Churn risk"):
        assert pg.locator("#drawer-body tr", has_text=facet).locator(".pill").count() == 1, facet
    row.scroll_into_view_if_needed()
    pg.screenshot(path=str(ARTIFACTS / f"curation-drawer-{pg.size}.png"))
    none = next(t for t in tops if t["facet_label"] == "none")
    topic = f"Competitor mention:{none['topic_id']}"
    quiet = _get(pg, f"/api/traces?facet=Competitor%20mention&limit=1&topic={topic}")["traces"]
    pg.goto(pg.base + f"/?tab=topics&trace={quiet[0]['id']}")
    pg.wait_for_selector("#drawer:not(.hidden) .conversation", timeout=T)
    pill = pg.locator("#drawer-body tr", has_text="Competitor mention").locator(".pill.quiet")
    assert pill.inner_text() == "No competitor mentioned"


def test_a_name_holding_markup_is_drawn_as_text_in_every_chart(pg) -> None:
    """Plotly reads a subset of HTML in legend names, ticks and hovers: a topic renamed to hold a
    link drew a live link in the Map, Trends and Cross-slices legends (review rv9 M2)."""
    pg.goto(pg.base + "/?tab=topics&facet=Task")
    pg.wait_for_selector("#topic-list .trow", timeout=T)
    parent = _get(pg, "/api/topics?facet=Task")["topics"][0]["topic_id"]
    name = 'Export <a href="https://evil.example/login">click</a> & <b>more</b>'
    status = pg.evaluate(
        """([tid, label]) => fetch('/api/topics/rename', {method: 'POST',
             headers: {'Content-Type': 'application/json'},
             body: JSON.stringify({facet: 'Task', topic_id: tid, label})}).then((r) => r.status)""",
        [parent, name],
    )
    assert status == 200
    for tab, plot in (("trends", "#trend-plot"), ("slices", "#hm-issues")):
        pg.goto(f"{pg.base}/?tab={tab}")
        pg.wait_for_selector(f"{plot} .main-svg", timeout=T)
        pg.wait_for_function(
            f"[...document.querySelectorAll('{plot} .main-svg text')]"
            ".some((t) => t.textContent.includes('Export <a href'))",
            timeout=T,
        )
        assert pg.locator(f"{plot} .main-svg a").count() == 0, tab
        assert (
            pg.locator(f"{plot} .main-svg text b, {plot} .main-svg tspan[style*=bold]").count() == 0
        )
        pg.screenshot(path=str(ARTIFACTS / f"curation-markup-{tab}-{pg.size}.png"))
