"""Two levels, search, the URL and curation in real Chromium, on the two-level fixture
(factories.explorer.add_two_levels: parents 10-12 over the five fine topics)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from factories.browser import fresh_page

pytestmark = pytest.mark.e2e

T = 60_000


@pytest.fixture(scope="module")
def two_server(two_level_copy: Path, serve: Callable[[Path], str]) -> str:
    """This module merges and pins topics: a copy of the shared two-level home of its own."""
    return serve(two_level_copy)


@pytest.fixture
def pg(browser, two_server: str) -> Iterator[object]:
    with fresh_page(browser) as page:
        page.goto(two_server + "/?tab=map")  # the page lands on "What changed"
        page.wait_for_selector("#legend .legend-item", timeout=T)
        yield page


def test_map_by_parent_drills_down_and_back(pg) -> None:
    legend = pg.locator("#legend .legend-label").all_inner_texts()
    assert legend[:3] == [
        "Data exports and reports",
        "Account and billing",
        "Team chat integrations",
    ]
    colours = pg.evaluate("[...state.colors.values()]")
    assert len(set(colours)) == len(colours) == 3  # one distinct colour per parent
    pg.locator("#legend .legend-label", has_text="Account and billing").click()
    pg.wait_for_selector("#legend-head h2:has-text('Subtopics')", timeout=T)
    subs = pg.locator("#legend .legend-label").all_inner_texts()
    assert sorted(subs) == ["Cancel or downgrade subscription", "Reset account password"]
    assert "focus=11" in pg.url and "400 traces" in pg.locator("#scope-count").inner_text()
    # Back returns to all parents (drilling pushed a history entry).
    pg.go_back()
    pg.wait_for_function("state.focus === null", timeout=T)
    pg.wait_for_selector("#legend-head h2:has-text('Topics')", timeout=T)
    assert "focus=" not in pg.url
    # The box beside a topic hides it on the map (its name still drills down).
    pg.locator("#legend .legend-item[data-topic='12'] input.eye").click()
    pg.wait_for_function(
        "document.getElementById('map-plot').data.find((d) => d.meta === 12).visible"
        " === 'legendonly'",
        timeout=T,
    )
    assert "focus=" not in pg.url
    # The "All subtopics" switch colours the map by fine topic.
    pg.click("#map-crumbs button[data-level=sub]")
    pg.wait_for_function(
        "document.querySelectorAll('#legend .legend-item').length === 6", timeout=T
    )
    assert "level=sub" in pg.url


def test_a_cold_link_to_all_subtopics_colours_each_subtopic(browser, two_server: str) -> None:
    """Opened in a new tab, `level=sub` drew one grey "Other subtopics" entry: the colours
    were fetched for parents before the page knew the facet had two levels."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    page.goto(two_server + "/?tab=map&facet=Task&level=sub")
    page.wait_for_function(
        "document.querySelectorAll('#legend .legend-item').length === 6", timeout=T
    )
    legend = page.locator("#legend .legend-label").all_inner_texts()
    assert not any(lab.startswith("Other") for lab in legend), legend
    colours = page.evaluate("[...state.colors.values()]")
    assert len(set(colours)) == len(colours) >= 5  # one distinct colour per subtopic
    ctx.close()


def test_search_opens_a_subtopic_inside_its_parent(pg) -> None:
    pg.fill("#search", "weekly report")
    pg.wait_for_selector("#search-results [data-search-topic='4']", timeout=T)
    assert "in Data exports and reports" in pg.locator("#search-results").inner_text()
    pg.click("#search-results [data-search-topic='4']")
    pg.wait_for_selector("#topic-list .trow[data-topic='4'] .trow-body:not(.hidden)", timeout=T)
    assert "Data exports and reports" in pg.locator("#topics-crumbs").inner_text()
    assert "tab=topics" in pg.url and "focus=10" in pg.url and "open=4" in pg.url
    # A trace result opens the trace.
    pg.fill("#search", "slack webhook")
    pg.locator("#search-results [data-search-trace]").first.click()
    pg.wait_for_selector("#drawer:not(.hidden) .conversation", timeout=T)
    assert "trace=t-" in pg.url


def test_merge_and_pin_from_the_list(pg) -> None:
    pg.click("#tabs button[data-tab=topics]")
    row = pg.locator("#topic-list .trow[data-topic='10']")
    row.locator(".trow-head").first.click()
    sub = row.locator(".trow[data-topic='4']")
    sub.locator(".trow-head").click()
    sub.locator("button[data-act=merge]").click()
    assert "tracetopics topic merge Task 4 --into 0" in pg.locator("#mg-cli").inner_text()
    ids = pg.eval_on_selector_all("#mg-into option", "os => os.map((o) => Number(o.value))")
    assert sorted(ids) == [0]  # its sibling only: never a parent or a cousin (review rv8 M1)
    pg.select_option("#mg-into", "0")
    pg.click("#mg-submit")
    pg.locator("#toast", has_text="Merged").wait_for(timeout=T)
    pg.wait_for_function(
        "document.querySelectorAll('#topic-list .trow[data-topic=\"10\"] .trow.sub').length === 1",
        timeout=T,
    )
    assert "400" in row.locator(".trow.sub").first.inner_text()
    row.locator("button[data-act=pin]").first.click()
    pg.locator("#toast", has_text="Pinned").wait_for(timeout=T)
    pg.wait_for_selector("#topic-list .trow[data-topic='10'] .badge", timeout=T)


def _cell_centre(pg, row: str, col: str) -> tuple[float, float]:
    """A Cross-slices Sentiment heatmap cell's centre in the window (Plotly's own d2p)."""
    return pg.evaluate(
        """([row, col]) => { const gd = document.getElementById('hm-sentiment');
             const L = gd._fullLayout; const r = gd.getBoundingClientRect();
             return [r.left + L.xaxis._offset + L.xaxis.d2p(col),
                     r.top + L.yaxis._offset + L.yaxis.d2p(row)]; }""",
        [row, col],
    )


def _hover_reads(pg, col: str) -> None:
    pg.wait_for_function(
        "(col) => document.querySelector('#hm-sentiment .hoverlayer').textContent"
        ".includes(col + ':')",
        arg=col,
        timeout=T,
    )


def test_a_heatmap_cell_lists_traces_and_opens_the_parents_subtopics(pg) -> None:
    pg.click("#tabs button[data-tab=slices]")
    pg.wait_for_selector("#hm-sentiment .main-svg", timeout=T)
    rows = pg.evaluate("document.getElementById('hm-sentiment').data[0].y")
    assert "Account and billing" in rows  # parents
    px, py = _cell_centre(pg, "Account and billing", "Negative")
    pg.mouse.move(px, py, steps=3)
    # The hover at the cell itself: the move's steps cross the Neutral column on the way.
    _hover_reads(pg, "Negative")
    pg.mouse.click(px, py)
    pg.wait_for_selector("#slice-traces tr[data-trace]", timeout=T)
    assert (
        "Account and billing × Sentiment: Negative"
        in pg.locator("#slice-traces-title").inner_text()
    )
    pg.click("#slice-drill button[data-drill='11']")
    pg.wait_for_function("state.focus === 11", timeout=T)
    pg.wait_for_function(
        "document.getElementById('hm-sentiment').data[0].y.includes('Reset account password')",
        timeout=T,
    )
    assert "focus=11" in pg.url and "tab=slices" in pg.url


def test_a_quick_click_lists_the_cell_clicked_not_the_cell_hovered_before(pg) -> None:
    """Plotly names the cell its last hover found, and runs hover at most every 50 ms: a click
    within 50 ms of the pointer crossing the Neutral cell listed Neutral's traces for a click on
    Negative (what made this module's heatmap test fail once the toolbar moved: the pointer's
    way to Negative crossed Neutral where the toolbar had shielded it). The page reads the
    cell from the click's own position."""
    pg.click("#tabs button[data-tab=slices]")
    pg.wait_for_selector("#hm-sentiment .main-svg", timeout=T)
    pg.wait_for_timeout(100)  # past the last hover's 50 ms: the Neutral one runs at once
    neutral = _cell_centre(pg, "Account and billing", "Neutral")
    negative = _cell_centre(pg, "Account and billing", "Negative")
    # The pointer over Neutral, then a click on Negative in the same instant (a real mouse's
    # timing varies with the machine's load; these events reach Plotly as a mouse's do).
    pg.evaluate(
        """([[nx, ny], [px, py]]) => {
             const drag = document.querySelector('#hm-sentiment .nsewdrag');
             const fire = (type, x, y, buttons) => drag.dispatchEvent(new MouseEvent(type,
               { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y,
                 button: 0, buttons }));
             fire('mousemove', nx, ny, 0); fire('mousemove', px, py, 0);
             fire('mousedown', px, py, 1); fire('mouseup', px, py, 0);
             fire('click', px, py, 0); }""",
        [neutral, negative],
    )
    pg.wait_for_selector("#slice-traces tr[data-trace]", timeout=T)
    title = pg.locator("#slice-traces-title").inner_text()
    assert title == "Account and billing × Sentiment: Negative", title


def test_header_counts_and_subtopic_sparklines_read_right(pg) -> None:
    """The header's data line is not cut off; "1 subtopic", never "1 subtopics"; a subtopic's
    sparkline is drawn on its parent's scale (a small subtopic does not peak like its parent)."""
    fits = "(() => { const e = document.querySelector('#snapshot'); return e.scrollWidth <= e.clientWidth + 1 && e.getBoundingClientRect().right <= window.innerWidth; })()"
    assert pg.evaluate(fits)
    assert "1,200 traces" in pg.locator("#snapshot").inner_text()
    assert "snapshot-" in pg.locator("#snapshot").get_attribute("title")
    pg.evaluate("showTab('topics')")
    pg.wait_for_selector(".topic-list .trow[data-topic='12']", timeout=T)
    head = pg.locator(".trow[data-topic='12'] > .trow-head").inner_text()
    assert "1 subtopic" in head and "1 subtopics" not in head
    # A parent of 50 traces a day with a 2-trace subtopic: the subtopic's line stays low.
    peaks = pg.evaluate(
        """(() => {
          const row = (id, level, spark, subtopics) => ({ topic_id: id, label: "t" + id, level,
            count: spark.reduce((a, b) => a + b, 0), share: 0.1, keywords: [], samples: [],
            sparkline: spark, subtopics });
          const html = topicRow(row(1, "parent", [50, 40, 30], [row(2, "sub", [1, 1, 0], [])]),
                                0, 0.5, "#000");
          const doc = new DOMParser().parseFromString(html, "text/html");
          const top = (el) => Math.min(...el.querySelector('polyline').getAttribute('points')
                                .split(' ').map((p) => Number(p.split(',')[1])));
          return [top(doc.querySelector(".trow:not(.sub) > .trow-head")),
                  top(doc.querySelector(".trow.sub > .trow-head"))];
        })()"""
    )
    parent_peak, sub_peak = peaks
    assert parent_peak == 2  # the parent's own peak at full height (26 px, 2 px margin)
    assert sub_peak > 23  # 1 of 50: near the bottom, not a full-height line


def test_a_labelled_facets_parents_take_their_labels_tones(pg) -> None:
    """Positive green and Negative red whatever their rank; other labels, and subtopics (which
    share their parent's value), take the palette in rank order."""
    ranked = [
        {"topic_id": 1, "facet_label": "neutral"},
        {"topic_id": 2, "facet_label": "negative"},
        {"topic_id": 3, "facet_label": "positive"},
        {"topic_id": 4, "facet_label": "failed_tool_call"},
        {"topic_id": 5, "facet_label": None},
    ]
    tones = dict(pg.evaluate("(ts) => [...rankColors(ts, true).entries()]", ranked))
    palette = pg.evaluate("PALETTE")
    assert tones[2] == "#c92a2a" and tones[3] == "#2b8a3e"  # the pills' --bad and --good
    assert [tones[4], tones[5]] == palette[:2]
    plain = dict(pg.evaluate("(ts) => [...rankColors(ts, false).entries()]", ranked))
    assert [plain[i] for i in range(1, 6)] == palette[:5]
