"""What review rv6 found in Chromium (E1, E3, E4), on the two-level fixture
(factories.explorer.add_two_levels: 1,200 traces, 2026-11-01 on): the page on a 390 px phone, the
review dialog's empty assignee, reversed dates, an empty scope, and the Trends chart's lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories.browser import fresh_page

pytestmark = pytest.mark.e2e

T = 60_000
ARTIFACTS = Path(__file__).parent / "artifacts"  # git-ignored
TABS = ["home", "map", "topics", "trends", "slices", "traces", "review", "exports", "subsets"]


def _settled(page) -> None:
    """The view's data has arrived (app.js takes the "loading" class off its section)."""
    page.wait_for_function("!document.querySelector('.tab.loading')", timeout=T)
    page.wait_for_load_state("networkidle")


def _box(page, sel: str) -> dict:
    return page.locator(sel).first.evaluate(
        "(el) => { const r = el.getBoundingClientRect();"
        " return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width }; }"
    )


def test_every_tab_fits_a_phone_and_a_review_item_can_be_marked(
    browser, two_level_base: str
) -> None:
    """E1: at 390 px the page was 840 px wide on every tab (header off-screen, the map's legend
    over the plot, the trace table's summary past the edge), and the review queue's status and
    note could not be reached."""
    with fresh_page(browser, width=390, height=844) as pg:
        pg.goto(two_level_base + "/?tab=map&facet=Task")
        _settled(pg)
        pg.evaluate(
            "post('/api/review', { filter: filterBody(), assignee: 'phone@example.com',"
            " note: 'check the SSO loop', limit: 3 })"
        )
        widths = {}
        for tab in TABS:
            pg.click(f"#tabs button[data-tab={tab}]")
            _settled(pg)
            pg.wait_for_timeout(300)  # Plotly's responsive relayout
            widths[tab] = pg.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if tab == "review":
                pg.wait_for_selector("#review-list tr[data-id]", timeout=T)
                status = pg.locator("#review-list select[data-field=status]").first
                note = pg.locator("#review-list textarea[data-field=note]").first
                for control in (status, note):
                    assert control.is_visible()
                    box = control.bounding_box()
                    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
                status.select_option("done")
                pg.wait_for_selector("#toast:has-text('Saved')", timeout=T)
            if tab == "map":
                plot, legend = _box(pg, ".plot-card"), _box(pg, ".legend-card")
                assert legend["top"] >= plot["bottom"], (plot, legend)  # under it, not over it
                assert plot["right"] <= 390 and legend["right"] <= 390
            if tab == "traces":
                pg.wait_for_selector("#trace-table tr[data-trace]", timeout=T)
                summary = _box(pg, "#trace-table td.c-summary")
                assert summary["right"] <= 390 and summary["width"] > 250, summary
                # The trace drawer's facets fit too (on rv6's demo their topic column was cut
                # off; the fixture's short names fitted before too: a guard).
                pg.locator("#trace-table tr[data-trace]").first.click()
                pg.wait_for_selector("#drawer-body table.data td", timeout=T)
                fits = "(el) => el.scrollWidth <= el.clientWidth"
                assert pg.locator("#drawer-body").evaluate(fits)
                pg.click("#drawer-close")
            if tab == "topics":
                pg.wait_for_selector(".topic-list .trow .tlabel", timeout=T)
                name, bar = _box(pg, ".trow-head .tlabel"), _box(pg, ".trow-head .bar")
                assert name["bottom"] <= bar["top"] and name["width"] > 150, (name, bar)
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "narrow-review.png"))
        wide = {t: w for t, w in widths.items() if w[0] > w[1]}
        assert not wide, f"wider than the window: {wide}"
        # The header's controls are on screen.
        for sel in ("#facet", "#search", "#snapshot", "#refresh-now"):
            box = _box(pg, sel)
            assert box["left"] >= 0 and box["right"] <= 390, (sel, box)


def test_a_wide_window_keeps_its_columns(browser, two_level_base: str) -> None:
    """The narrow layout leaves 1366 px as it was: legend beside the map, a table of traces."""
    with fresh_page(browser, width=1366, height=800) as pg:
        pg.goto(two_level_base + "/?tab=map&facet=Task")
        pg.wait_for_selector("#legend .legend-item", timeout=T)
        plot, legend = _box(pg, ".plot-card"), _box(pg, ".legend-card")
        assert legend["left"] > plot["right"] and abs(legend["top"] - plot["top"]) < 2
        pg.click("#tabs button[data-tab=traces]")
        pg.wait_for_selector("#trace-table tr[data-trace]", timeout=T)
        assert pg.locator("#trace-table thead").is_visible()
        row = pg.locator("#trace-table tr[data-trace]").first
        assert row.evaluate("(el) => getComputedStyle(el).display") == "table-row"


def test_review_dialog_asks_for_an_assignee_in_place(pg) -> None:
    """E3: an empty assignee gave a toast with pydantic's text ("assignee: String should have at
    least 1 character")."""
    posts: list[str] = []
    pg.on("request", lambda r: posts.append(r.url) if r.method == "POST" and r.url.endswith("/api/review") else None)  # fmt: skip
    pg.goto(pg.base + "/?tab=map&facet=Task")
    pg.wait_for_selector("#legend .legend-item", timeout=T)
    pg.click("#act-review")
    for empty in ("", "   "):
        pg.fill("#rv-assignee", empty)
        pg.click("#rv-submit")
        err = pg.locator("#rv-error")
        err.wait_for(state="visible", timeout=T)
        assert err.inner_text() == "Enter who should review these: a name or an e-mail address."
        assert "invalid" in pg.locator("#rv-assignee").get_attribute("class")
    assert posts == [] and pg.locator("#toast").is_hidden()
    pg.fill("#rv-assignee", "owner@example.com")
    assert pg.locator("#rv-error").is_hidden()
    pg.click("#rv-submit")
    pg.wait_for_selector("#toast:has-text('assigned to owner@example.com')", timeout=T)


def test_reversed_dates_are_said_in_the_filter_bar_and_ask_nothing(pg) -> None:
    """E3: From after To gave the toast "Error: date_from ... is after date_to ..." and nine 400
    responses."""
    failed: list[str] = []
    pg.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    pg.goto(pg.base + "/?tab=topics&facet=Task")
    pg.wait_for_selector(".topic-list .trow", timeout=T)
    pg.fill("#f-from", "2026-11-05")
    pg.dispatch_event("#f-from", "change")
    _settled(pg)
    pg.fill("#f-to", "2026-11-02")
    pg.dispatch_event("#f-to", "change")
    pg.wait_for_selector("#date-error:not(.hidden)", timeout=T)
    assert pg.locator("#date-error").inner_text() == "‘To’ is before ‘From’"
    assert "invalid" in pg.locator("#f-to").get_attribute("class")
    pg.click("#tabs button[data-tab=trends]")  # another view does not ask either
    pg.click("#tabs button[data-tab=map]")
    pg.wait_for_timeout(500)
    pg.wait_for_load_state("networkidle")
    assert failed == [] and pg.locator("#toast").is_hidden()
    assert pg.locator("#act-review").is_disabled()
    # Put in order, every view asks again.
    pg.fill("#f-to", "2026-11-09")
    pg.dispatch_event("#f-to", "change")
    pg.wait_for_selector("#legend .legend-item", timeout=T)
    assert pg.locator("#date-error").is_hidden() and failed == []
    assert "invalid" not in (pg.locator("#f-to").get_attribute("class") or "")
    pg.wait_for_function("!document.getElementById('act-review').disabled", timeout=T)


def test_an_empty_scope_turns_the_actions_off_and_says_so_once(pg) -> None:
    """E3: at 0 traces in scope the three actions stayed on, the home said "No classified traces
    in this slice." eight times, and the map said "the facet has no topic map yet"."""
    pg.goto(pg.base + "/?facet=Task&date_from=2027-01-01")
    pg.wait_for_selector("#scope-count:has-text('0 traces in scope')", timeout=T)
    for sel in ("#act-cluster", "#act-export", "#act-review"):
        assert pg.locator(sel).is_disabled(), sel
        assert pg.locator(sel).get_attribute("title") == "No traces in this filter"
    pg.wait_for_selector("#home-window", timeout=T)
    _settled(pg)
    assert pg.locator("#home").inner_text().count("No classified traces in this slice.") == 1
    pg.click("#tabs button[data-tab=map]")
    pg.wait_for_selector("#map-plot .empty", timeout=T)
    assert pg.locator("#map-plot").inner_text() == "No traces in this filter."
    assert pg.locator("#map-select").is_hidden()
    # Back to traces in scope: the actions are on again, with their own tooltips.
    pg.click("#chips button[data-kind=date_from]")
    pg.wait_for_function("!document.getElementById('act-export').disabled", timeout=T)
    assert "eval dataset" in pg.locator("#act-export").get_attribute("title")


def test_trends_draws_at_most_eight_lines_in_distinct_colours_named_first(pg) -> None:
    """E4: Trends › All subtopics drew ~14 lines (the largest eight plus every growing or fading
    one) in pinks and reds no one could tell apart, the dark ones named under the legend's fold.
    At most eight are drawn (the marked first), each in one of the palette's first nine colours,
    and they lead the legend; every line keeps a colour of its own."""
    pg.goto(pg.base + "/?tab=trends&facet=Task&level=sub")
    pg.wait_for_function("document.getElementById('trend-plot').data", timeout=T)
    got = pg.evaluate(
        """(() => {
          const topics = Array.from({ length: 40 }, (_, i) => ({ topic_id: i, facet_label: null }));
          state.colors = rankColors(topics, false);
          const series = topics.map((t) => ({ topic_id: t.topic_id, label: "t" + t.topic_id, counts: [1, 2] }));
          const moved = new Map([[12, "▲"], [20, "▲"], [27, "▼"], [31, "▲"], [35, "▼"], [38, "▲"]]);
          const { traces } = trendSeries({ buckets: ["2026-11-01", "2026-11-02"], series }, moved);
          const own = traces.filter((d) => d.meta >= 0);
          const drawn = own.filter((d) => d.visible === true);
          return { drawn: drawn.map((d) => d.name), first: own.slice(0, drawn.length).map((d) => d.name),
                   colours: drawn.map((d) => d.line.color), distinct: PALETTE.slice(0, 9),
                   all: own.map((d) => d.line.color), n: own.length };
        })()"""
    )
    assert len(got["drawn"]) == 8
    marked = {"▲ t12", "▲ t20", "▼ t27", "▲ t31", "▼ t35", "▲ t38"}
    assert set(got["drawn"]) == marked | {"t0", "t1"}  # the marked, then the largest
    assert got["first"] == got["drawn"]  # the drawn lines lead the legend
    assert len(set(got["colours"])) == 8 and set(got["colours"]) <= set(got["distinct"])
    assert got["n"] == 28 and len(set(got["all"])) == 28  # every line its own colour
    # The fixture's own chart draws no more than eight.
    pg.evaluate("state.colorKey = ''; renderTrends()")
    pg.wait_for_function("document.getElementById('trend-plot').data", timeout=T)
    drawn = pg.evaluate(
        "document.getElementById('trend-plot').data.filter((d) => d.visible === true).length"
    )
    assert 1 <= drawn <= 8


@pytest.mark.parametrize("width,height", [(1280, 800), (1920, 1080), (2560, 1300)])
def test_a_large_window_gives_the_map_its_height_and_the_home_four_columns_at_most(
    browser, two_level_base: str, width: int, height: int
) -> None:
    """E5: at 2560 x 1300 the map stayed 560 px tall (two thirds of the screen empty) and the
    home put six cards in a row, the seventh alone on a second. The plot now ends near the
    window's bottom edge (within 80 px, no scrolling to reach it) at every size, its legend no
    taller than the plot's card, and the home's grid holds at most four columns."""
    with fresh_page(browser, width=width, height=height) as pg:
        pg.goto(two_level_base + "/?tab=map&facet=Task")
        pg.wait_for_selector("#legend .legend-item", timeout=T)
        plot, card = _box(pg, "#map-plot"), _box(pg, ".plot-card")
        assert height - 80 <= plot["bottom"] <= height, (plot, height)
        assert _box(pg, ".legend-card")["bottom"] <= card["bottom"] + 1
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"wide-map-{width}.png"))
        pg.click("#tabs button[data-tab=home]")
        pg.wait_for_selector("#home .home-grid .card", timeout=T)
        cols = pg.evaluate(
            "getComputedStyle(document.querySelector('#home .home-grid'))"
            ".gridTemplateColumns.split(' ').length"
        )
        assert cols <= 4 and (width < 1920 or cols == 4), cols
        pg.screenshot(path=str(ARTIFACTS / f"wide-home-{width}.png"))


def _answer_issues_crosstab(pg, body: dict) -> None:
    """The Task × Issues crosstab answered with `body` (the other heatmap as served)."""

    def crosstab(route) -> None:
        if "col_facet=Issues" in route.request.url:
            route.fulfill(status=200, content_type="application/json", body=json.dumps(body))
        else:
            route.continue_()

    pg.route("**/api/crosstab?*", crosstab)


def test_cross_slice_labels_do_not_overprint_on_a_phone(pg) -> None:
    """Review rv8 L3: at 390 px the Task × Issues x-axis labels printed over each other
    ("FailedIncompleteRefusalLoopEscalationTimeout"). Seven demo-like labels, routed."""
    cols = ["No issue", "Failed tool call", "Incomplete answer", "Refusal", "Loop",
            "Escalation to human", "Timeout"]  # fmt: skip
    rows = ["Exporting to CSV", "Resetting a password", "Creating a dataset"]
    body = {
        "rows": rows, "cols": cols, "row_topic_ids": [0, 1, 2], "total_rows": 3,
        "counts": [[40, 9, 8, 3, 2, 5, 1], [30, 2, 4, 1, 0, 9, 0], [20, 6, 2, 0, 1, 1, 3]],
        "row_totals": [68, 46, 33],
    }  # fmt: skip

    _answer_issues_crosstab(pg, body)
    pg.set_viewport_size({"width": 390, "height": 844})
    pg.goto(pg.base + "/?tab=slices&facet=Task")
    pg.wait_for_selector("#hm-issues .xtick text", timeout=T)
    boxes = pg.evaluate(
        """[...document.querySelectorAll('#hm-issues .xtick text')].map((el) => {
             const r = el.getBoundingClientRect();
             return { text: el.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
           }).sort((a, b) => a.left - b.left)"""
    )
    assert len(boxes) == len(cols)
    for a, b in zip(boxes, boxes[1:], strict=False):
        assert a["right"] <= b["left"] + 0.5, f"{a['text']!r} overprints {b['text']!r}: {boxes}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.locator("#hm-issues").screenshot(path=str(ARTIFACTS / "narrow-slices-issues.png"))
    page_w = pg.evaluate("document.documentElement.scrollWidth")
    assert page_w <= 390 and all(b["right"] <= 390 for b in boxes)


def _column_boxes(pg) -> list[dict]:
    return pg.evaluate(
        """[...document.querySelectorAll('#hm-issues .xtick text')].map((el) => {
             const r = el.getBoundingClientRect();
             return { text: el.textContent, left: r.left, right: r.right,
                      upright: (el.getAttribute('transform') || '').includes('rotate') };
           }).sort((a, b) => a.left - b.left)"""
    )


@pytest.mark.parametrize("width", [1024, 1440])
def test_cross_slice_columns_turn_upright_when_too_narrow_for_their_words(pg, width: int) -> None:
    """Session 24 walk: at 1024 px, beside long Task names, the Task × Issues columns were ~40 px
    and "Failed tool call", "Incomplete answer" and "Refusal" overprinted (the upright names
    were for phones only). Now the columns' own width decides: upright at 1024; at 1440 the
    same names fit one word a line and stay level (the look-alike)."""
    cols = ["Failed tool call", "Incomplete answer", "Refusal", "Loop", "Timeout", "No issue"]
    rows = [
        "Team is rolling out Azure AD",
        "SAML SSO with Google Workspace",
        "Just-in-time provisioning",
    ]
    body = {
        "rows": rows, "cols": cols, "row_topic_ids": [0, 1, 2], "total_rows": 3,
        "counts": [[2, 0, 0, 0, 1, 3], [0, 1, 1, 0, 0, 1], [0, 0, 0, 1, 0, 0]],
        "row_totals": [6, 3, 1],
    }  # fmt: skip

    _answer_issues_crosstab(pg, body)
    pg.set_viewport_size({"width": width, "height": 800})
    pg.goto(pg.base + "/?tab=slices&facet=Task")
    pg.wait_for_selector("#hm-issues .xtick text", timeout=T)
    boxes = _column_boxes(pg)
    assert len(boxes) == len(cols)
    for a, b in zip(boxes, boxes[1:], strict=False):
        assert a["right"] <= b["left"] + 0.5, f"{a['text']!r} overprints {b['text']!r}: {boxes}"
    assert {b["upright"] for b in boxes} == {width == 1024}


@pytest.mark.parametrize(("dates", "days"), [(("2026-11-10", "2026-11-10"), 1), ((None, None), 0)])
def test_a_short_trend_ticks_days_and_whole_traces(pg, dates: tuple, days: int) -> None:
    """Session 24 walk: a one-day filter drew the daily chart's time axis in milliseconds
    ("23:59:59.999", "00:00:00.0005") and its count axis in fifths of a trace. A few days now
    tick once a day as dates, and small counts as whole traces; the whole fixture (a month,
    the look-alike) keeps Plotly's own date ticks, none with a time of day either."""
    frm, to = dates
    query = f"&date_from={frm}&date_to={to}" if frm else ""
    pg.goto(pg.base + f"/?tab=trends&facet=Task{query}")
    pg.wait_for_selector("#trend-plot .xtick text", timeout=T)
    _settled(pg)
    texts = "(els) => els.map((el) => el.textContent)"
    xs = pg.eval_on_selector_all("#trend-plot .xtick text", texts)
    ys = pg.eval_on_selector_all("#trend-plot .ytick text", texts)
    assert xs and not any(":" in x for x in xs), xs
    if days:
        assert xs == ["Nov 10"], xs
        assert all(y.replace(",", "").isdigit() for y in ys), ys
