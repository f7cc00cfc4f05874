"""What review rv4 found hard to read in the explorer, in real Chromium on the two-level fixture
(factories.explorer.add_two_levels: 1,200 traces, parents 10-12 over five fine topics of 200):
shares drilled into a parent (M2), the Trends legend (M3), a facet's default label in the list
(M5), a loading view (L1), the priority table's width (L3), the map legend's head (L4) and the
review dialog's count (L13). Where the fixture is too small (111 subtopics, a 21-column mart),
the page's own functions or a routed answer stand in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories.browser import fresh_page

pytestmark = pytest.mark.e2e

T = 60_000
ARTIFACTS = Path(__file__).parent / "artifacts"  # git-ignored


def test_drilled_into_a_parent_shares_are_of_traffic_and_say_the_parent(pg) -> None:
    """M2: a subtopic of "Account and billing" (200 of its 400 traces, of 1,200) reads 16.7%,
    as `tracetopics topics` prints it, with 50.0% of its parent said beside it."""
    pg.goto(pg.base + "/?tab=topics&facet=Task&focus=11")
    pg.wait_for_selector(".topic-list .trow[data-topic='1']", timeout=T)
    summary = pg.locator("#topics-summary").inner_text()
    assert "400 traces in “Account and billing”, 33.3% of 1,200 classified traces" in summary
    assert "shares are of all classified traffic" in summary
    share = pg.locator(".trow[data-topic='1'] > .trow-head .share").inner_text()
    assert share == "16.7% · 50.0% of parent"
    # The same subtopic inside its expanded parent (not drilled) reads the same 16.7%.
    pg.goto(pg.base + "/?tab=topics&facet=Task")
    pg.wait_for_selector(".trow[data-topic='11']", timeout=T)
    nested = pg.locator(".trow.sub[data-topic='1'] > .trow-head .share").inner_text()
    assert nested == "16.7%"
    # The map's legend: the same number, its head and tooltip naming what it is a share of.
    pg.goto(pg.base + "/?tab=map&facet=Task&focus=11")
    pg.wait_for_selector("#legend .legend-item[data-topic='1']", timeout=T)
    item = pg.locator("#legend .legend-item[data-topic='1']")
    assert item.locator(".legend-num").inner_text() == "16.7% · 200"
    assert "50.0% of “Account and billing”" in item.get_attribute("title")
    head = pg.locator("#legend-head").inner_text()
    assert "Subtopics" in head and "share of classified traffic" in head
    assert "Account and billing" in head


def test_map_legend_of_all_subtopics_says_subtopics(pg) -> None:
    """L4: the "All subtopics" map's legend head said "Topics"."""
    pg.goto(pg.base + "/?tab=map&facet=Task&level=sub")
    pg.wait_for_function(
        "document.querySelectorAll('#legend .legend-item').length === 6", timeout=T
    )
    assert pg.locator("#legend-head h2").inner_text() == "Subtopics"
    pg.click("#map-crumbs button[data-level=parent]")
    pg.wait_for_selector("#legend-head h2:text-is('Topics')", timeout=T)


def test_trends_legend_is_capped_like_the_map_and_no_match_is_no_line(pg) -> None:
    """M3: 111 subtopics made 111 legend entries, and no_match was drawn as a topic. At most 30:
    the 28 coloured, "Other subtopics (83)" summed, and no_match hidden, dotted."""
    pg.goto(pg.base + "/?tab=trends&facet=Task&level=sub")
    pg.wait_for_function("document.getElementById('trend-plot').data", timeout=T)
    got = pg.evaluate(
        """(() => {
          const topics = Array.from({ length: 111 }, (_, i) => ({ topic_id: i, facet_label: null }));
          state.colors = rankColors(topics, false);
          const series = [{ topic_id: -1, label: "no_match", counts: [5, 5] },
            ...topics.map((t) => ({ topic_id: t.topic_id, label: "t" + t.topic_id, counts: [1, 2] }))];
          const { traces, rest } = trendSeries({ buckets: ["2026-11-01", "2026-11-02"], series });
          return { n: traces.length, rest: rest.length,
                   names: traces.map((d) => d.name), visible: traces.map((d) => d.visible),
                   other: traces.find((d) => d.meta === OTHER).y,
                   nm: traces.find((d) => d.meta === -1) };
        })()"""
    )
    assert got["n"] == 30 and got["rest"] == 83
    assert got["names"][28:] == ["Other subtopics (83)", "no_match (not a topic)"]
    assert got["other"] == [83, 166]  # the 83 smaller subtopics summed
    assert got["visible"].count(True) == 8  # the largest eight drawn, the rest a click away
    assert got["nm"]["visible"] == "legendonly" and got["nm"]["line"]["dash"] == "dot"
    # A subtopic "What changed" marks as growing keeps a line of its own past the 28 colours.
    marked = pg.evaluate(
        """(() => {
          const series = Array.from({ length: 40 }, (_, i) => ({ topic_id: i, label: "t" + i, counts: [1] }));
          const { traces, rest } = trendSeries({ buckets: ["2026-11-01"], series }, new Map([[35, "▲"]]));
          const line = (id) => traces.find((d) => d.meta === id);
          return { names: traces.map((d) => d.name), visible: line(35).visible,
                   colours: new Set(traces.filter((d) => d.meta >= 0).map((d) => d.line.color)).size,
                   rest: rest.length };
        })()"""
    )
    # In place of the smallest coloured one (t27): still 30 entries, 28 distinct colours.
    assert "▲ t35" in marked["names"] and "t27" not in marked["names"]
    assert marked["visible"] is True and marked["rest"] == 12 and marked["colours"] == 28
    assert len(marked["names"]) == 29 and marked["names"][-1] == "Other subtopics (12)"
    # On the fixture's own chart: no_match is not drawn as a topic line.
    pg.evaluate("state.colorKey = ''; renderTrends()")
    pg.wait_for_function(
        "document.getElementById('trend-plot').data.some((d) => d.meta === -1)", timeout=T
    )
    drawn = pg.evaluate(
        "document.getElementById('trend-plot').data.map((d) => [d.meta, d.visible])"
    )
    assert [-1, "legendonly"] in drawn
    assert sorted(m for m, v in drawn if v is True) == [0, 1, 2, 3, 4]


def test_a_default_label_is_listed_apart_and_does_not_set_the_bars_scale(pg) -> None:
    """M5: "No competitor mentioned" (91%) ranked #1 and squashed the real topics' bars to
    1-2% of the width. It is listed last, unranked and grey, and the bars are scaled to the
    real topics (its own bar drawn cut)."""

    def topic(tid: int, n: int, label: str, facet_label: str) -> dict:
        return {"topic_id": tid, "level": "parent", "label": label, "keywords": [], "count": n,
                "share": n / 1000, "pinned": False, "facet_label": facet_label,
                "sparkline": [n], "samples": [], "subtopics": []}  # fmt: skip

    answer = {"facet": "Task", "levels": False, "level": "parent", "total": 1000,
              "traffic": 1000, "no_match": 0, "no_match_share": 0.0, "days": ["2026-11-01"],
              "topics": [topic(11, 909, "No competitor mentioned", "NONE"),
                         topic(9, 20, "Metabase", "Metabase"),
                         topic(12, 10, "Power BI", "Power BI")]}  # fmt: skip
    pg.route(
        "**/api/topics?*",
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(answer)
        ),
    )
    pg.goto(pg.base + "/?tab=map&facet=Task")
    pg.wait_for_function("state.overview", timeout=T)
    # The fixture's Task has no default label: give it one ("NONE"), as Competitor mention has.
    pg.evaluate(
        "Object.assign(state.overview.facets.find((f) => f.facet === 'Task'),"
        " { display: { NONE: 'None' }, default_label: 'NONE' });"
        "state.colorKey = ''; showTab('topics')"
    )
    pg.wait_for_selector(".topic-list .trow.default", timeout=T)
    rows = pg.evaluate(
        """[...document.querySelectorAll('.topic-list > .trow')].map((r) => ({
             id: Number(r.dataset.topic), rank: r.querySelector('.rank').textContent,
             width: r.querySelector('.bar > span').style.width,
             cut: r.querySelector('.bar').classList.contains('cut'),
             colour: r.querySelector('.swatch').style.background }))"""
    )
    assert [r["id"] for r in rows] == [9, 12, 11]
    assert [r["rank"] for r in rows] == ["#1", "#2", ""]
    assert [r["width"] for r in rows] == ["100%", "50%", "100%"]  # Metabase fills the bar
    assert [r["cut"] for r in rows] == [False, False, True]
    assert rows[2]["colour"] == "rgb(180, 186, 198)"  # the quiet grey, not palette[0]
    assert rows[0]["colour"] == "rgb(78, 121, 167)"  # the real #1 takes the palette's first
    assert "default label" in pg.locator(".topic-list .trow-apart").inner_text()
    # The map legend lists it after the real topics too.
    pg.evaluate("showTab('map')")
    pg.wait_for_selector("#legend .legend-item.default", timeout=T)
    order = pg.evaluate(
        "[...document.querySelectorAll('#legend .legend-item')].map((e) => Number(e.dataset.topic))"
    )
    assert order.index(11) > order.index(9) and order.index(11) > order.index(12)


def test_a_view_says_loading_while_its_data_is_on_the_way(pg) -> None:
    """L1: What changed and Trends were blank for seconds on a first open."""
    held: list = []
    release: list[bool] = []
    pg.route(
        "**/api/timeline?*",
        lambda route: route.continue_() if release else held.append(route),
    )
    pg.goto(pg.base + "/?tab=map&facet=Task")
    pg.wait_for_selector("#legend .legend-item", timeout=T)
    pg.wait_for_selector("#loading", state="hidden", timeout=T)
    pg.click("#tabs button[data-tab=trends]")
    pg.wait_for_selector("#loading", state="visible", timeout=T)
    assert pg.locator("#loading").inner_text().strip() == "Loading Trends…"
    assert "loading" in pg.locator("#tab-trends").get_attribute("class")
    for _ in range(50):
        if held:
            break
        pg.wait_for_timeout(100)
    assert held, "the timeline request never came"
    release.append(True)
    for route in held:
        route.continue_()
    pg.wait_for_selector("#loading", state="hidden", timeout=T)
    assert "loading" not in pg.locator("#tab-trends").get_attribute("class")
    assert pg.evaluate("document.getElementById('trend-plot').data.length") > 0


def test_priority_table_fits_the_page_at_1366_px(pg) -> None:
    """L3: the 21-column mart sat in a 460 px box scrolling both ways (1709 px wide at 1366)
    with a cut header. The main columns fit the page's width with nothing cut; every column is
    one switch away."""
    cols = ["priority_rank", "priority_score", "why", "task_topic_id", "task_topic_label",
            "subtopics", "top_negative_subtopic", "top_negative_subtopic_traces", "traces",
            "volume_share", "customers", "negative_or_mixed_share", "negative_baseline", "trend",
            "share_wow_growth", "account_value", "enterprise_share", "volume_score",
            "negative_score", "trend_score", "account_score", "window_days"]  # fmt: skip
    why = ("#1 by volume: 845 traces (10% of traffic in the last 28 days); 36% negative or mixed"
           " vs 36% overall; growing (share +29% week over week); 62% enterprise, account value"
           " 85/100")  # fmt: skip
    rows = [
        [i, 0.9 - i / 100, why, 100 + i, f"Connect more than one Salesforce account {i}", 8,
         "Configuring SAML with Google Workspace", 78.0, 845, 0.103, 36, 0.357, 0.361,
         "growing", 0.285, 0.85, 0.62, 1.0, 0.3, 0.5, 0.7, 28]
        for i in range(1, 27)
    ]  # fmt: skip
    body = json.dumps({"name": "topic_priority", "columns": cols, "rows": rows})
    pg.route(
        "**/api/marts/topic_priority",
        lambda route: route.fulfill(status=200, content_type="application/json", body=body),
    )
    pg.set_viewport_size({"width": 1366, "height": 900})
    pg.goto(pg.base + "/?tab=slices&facet=Task")
    pg.wait_for_selector("#priority table tbody tr", timeout=T)
    # The ranking names its window, not the home's 7 days (review rv7 P2).
    assert (
        "last 28 days, all traffic"
        in pg.locator("#tab-slices h2", has_text="Priority").inner_text()
    )
    box = pg.evaluate(
        """(() => { const e = document.getElementById('priority');
           return [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight]; })()"""
    )
    assert box[0] <= box[1], f"the table scrolls sideways: {box}"
    assert box[2] <= box[3] + 1, f"the table scrolls inside a box: {box}"
    assert pg.locator("#priority tbody tr").count() == 26
    heads = pg.evaluate(
        """[...document.querySelectorAll('#priority th')].map((th) => [th.textContent,
             th.scrollWidth <= th.clientWidth + 1,
             th.getBoundingClientRect().right <= document.getElementById('priority')
               .getBoundingClientRect().right + 1])"""
    )
    assert [h[0] for h in heads][:4] == ["Rank", "Score", "Topic", "Why"]
    assert all(fits and inside for _, fits, inside in heads), heads
    # Every column of the mart, on demand (that one may scroll sideways, but not cut a header).
    pg.click("#priority-cols")
    pg.wait_for_selector("#priority table.wide", timeout=T)
    assert pg.locator("#priority th").count() == len(cols)
    assert pg.locator("#priority-cols").inner_text() == "Fewer columns"


def test_priority_ranking_on_data_shorter_than_its_window_says_the_days_there_are(pg) -> None:
    """Review rv8 L3: a ranking over 21 days of data was headed "last 28 days, all traffic"."""
    cols = ["priority_rank", "priority_score", "why", "task_topic_label", "traces", "window_days",
            "data_days"]  # fmt: skip
    rows = [[1, 0.9, "#1 by volume: 8 traces (10% of traffic in the 21 days there are)",
             "Reset password", 8, 28, 21]]  # fmt: skip
    body = json.dumps({"name": "topic_priority", "columns": cols, "rows": rows})
    pg.route(
        "**/api/marts/topic_priority",
        lambda route: route.fulfill(status=200, content_type="application/json", body=body),
    )
    pg.goto(pg.base + "/?tab=slices&facet=Task")
    pg.wait_for_selector("#priority table tbody tr", timeout=T)
    head = pg.locator("#tab-slices h2", has_text="Priority").inner_text()
    assert "the 21 days there are, all traffic" in head and "last 28 days" not in head


def test_review_dialog_says_a_count_is_not_a_number(pg) -> None:
    """L13: "abc" in Traces silently assigned the default 25."""
    posts: list[str] = []
    pg.on(
        "request",
        lambda r: (
            posts.append(r.post_data or "")
            if r.method == "POST" and r.url.endswith("/api/review")
            else None
        ),
    )
    pg.goto(pg.base + "/?tab=map&facet=Task")
    pg.wait_for_selector("#legend .legend-item", timeout=T)
    pg.click("#act-review")
    pg.fill("#rv-assignee", "pm@example.com")
    for bad, says in [("abc", "not “abc”"), ("", "the box is empty"), ("0", "not 0"),
                      ("2.5", "not “2.5”"), ("501", "not 501")]:  # fmt: skip
        pg.fill("#rv-limit", bad)
        pg.click("#rv-submit")
        err = pg.locator("#rv-error")
        err.wait_for(state="visible", timeout=T)
        assert "Traces must be a whole number from 1 to 500" in err.inner_text()
        assert says in err.inner_text()
        assert "invalid" in pg.locator("#rv-limit").get_attribute("class")
        assert pg.locator("#modal").is_visible()
    assert posts == []  # nothing was assigned
    pg.fill("#rv-limit", " 3 ")
    assert pg.locator("#rv-error").is_hidden()  # typing clears the message
    pg.click("#rv-submit")
    pg.wait_for_selector("#toast:has-text('3 traces assigned to pm@example.com')", timeout=T)
    assert len(posts) == 1 and json.loads(posts[0])["limit"] == 3


def test_review_queue_notes_can_be_read_and_edited_in_place(browser, two_level_base: str) -> None:
    """L13's rest: the queue's note was a one-line input about 20 characters wide, so a note was
    cut after a few words (`42-review-after-status.png`). At 1366 px the note column is at least
    a fifth of the table, the whole note shows (wrapped, no hidden overflow), and an edit is
    saved and kept over a reload."""
    note = (
        "Customer says the SSO login loops back to the start page after the Okta redirect; "
        "check the ACS URL and the entity ID against their IdP metadata before replying"
    )
    with fresh_page(browser, width=1366, height=800) as pg:
        pg.goto(two_level_base + "/?tab=map&facet=Task")
        pg.wait_for_selector("#legend .legend-item", timeout=T)
        pg.click("#act-review")
        pg.fill("#rv-assignee", "notes@example.com")
        pg.fill("#rv-limit", "3")
        pg.fill("#rv-note", note)
        pg.click("#rv-submit")
        pg.wait_for_selector("#toast:has-text('3 traces assigned to notes@example.com')", timeout=T)
        pg.click("#tabs button[data-tab=review]")
        pg.wait_for_selector("#review-assignee option[value='notes@example.com']", state="attached", timeout=T)  # fmt: skip
        pg.select_option("#review-assignee", "notes@example.com")
        pg.wait_for_function(
            "document.querySelectorAll('#review-list tr[data-id]').length === 3", timeout=T
        )
        boxes = pg.evaluate(
            """[...document.querySelectorAll('#review-list [data-field=note]')].map((el) => ({
                 value: el.value, width: el.getBoundingClientRect().width,
                 table: el.closest('table').getBoundingClientRect().width,
                 right: el.getBoundingClientRect().right,
                 hidden: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1}))"""
        )
        for b in boxes:
            assert b["value"] == note
            assert b["width"] >= 0.2 * b["table"] and b["width"] >= 250, b
            assert not b["hidden"], b  # the whole note is in view, wrapped
            assert b["right"] <= 1366, b
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "review-notes.png"))
        first = pg.locator("#review-list [data-field=note]").first
        first.fill("Asked for their IdP metadata")
        first.press("Tab")  # a note is saved when the box loses focus
        pg.wait_for_selector("#toast:has-text('Saved')", timeout=T)
        pg.reload()
        pg.wait_for_selector("#review-assignee option[value='notes@example.com']", state="attached", timeout=T)  # fmt: skip
        pg.select_option("#review-assignee", "notes@example.com")
        pg.wait_for_function(
            "[...document.querySelectorAll('#review-list [data-field=note]')]"
            ".some((el) => el.value === 'Asked for their IdP metadata')",
            timeout=T,
        )


def test_a_named_label_reads_as_its_name_and_is_not_quiet(pg) -> None:
    """M1: "Bug as request" in the pills; with the facet file's display name it reads "Bug fix
    request" (singular: rv6 E5), and only the facet's default label is shown quiet and last."""
    pg.goto(pg.base + "/?tab=map&facet=Task")
    pg.wait_for_function("state.overview", timeout=T)
    html = pg.evaluate(
        """(() => { state.overview.facets.push({ facet: 'Feature request', labels: [],
             display: { BUG_AS_REQUEST: 'Bug fix request', NONE: 'No request' },
             label_order: [], default_label: 'NONE' });
           const el = document.createElement('div');
           el.innerHTML = pills({ 'Feature request': 'NONE', Sentiment: 'NEGATIVE' }) + '|' +
                          pills({ 'Feature request': 'BUG_AS_REQUEST' });
           return [...el.querySelectorAll('.pill')].map((p) => [p.textContent,
                   p.classList.contains('quiet')]); })()"""
    )
    assert html == [
        ["Sentiment Negative", False],
        ["Feature request No request", True],
        ["Feature request Bug fix request", False],
    ]
