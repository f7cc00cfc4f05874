"""What review rv12 found in Trends and the refresh panel, in real Chromium on the two-level
fixture (factories.explorer.add_two_levels: 1,200 traces over 21 days from Sunday 2026-11-01,
so its weeks hold 1, 7, 7 and 6 days): the facet's default label set the chart's scale (M2),
partial weeks plotted as raw counts (M3), and the "Refreshed" panel came back on every page
load (L6). Where the fixture has no labelled facet or no refresh, a routed answer stands in.
Screenshots for a person: tests/explorer/e2e/artifacts/rv12-*.png."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

T = 60_000
ARTIFACTS = Path(__file__).parent / "artifacts"  # git-ignored


def test_trends_keeps_the_default_label_off_the_scale(pg) -> None:
    """M2: "No competitor mentioned" (~275 a day) was drawn as a line and the 7 competitors lay
    flat under it. It is a hidden grey line after the topics, the axis is scaled to the real
    topics, a note says so, and a click on its name draws it (and rescales)."""

    def topic(tid: int, n: int, label: str, facet_label: str) -> dict:
        return {"topic_id": tid, "level": "parent", "label": label, "keywords": [], "count": n,
                "share": n / 1000, "pinned": False, "facet_label": facet_label,
                "sparkline": [n], "samples": [], "subtopics": []}  # fmt: skip

    topics = {"facet": "Task", "levels": False, "level": "parent", "total": 900, "traffic": 900,
              "no_match": 0, "no_match_share": 0.0, "days": ["2026-11-01"],
              "topics": [topic(11, 830, "No competitor mentioned", "none"),
                         topic(9, 40, "Metabase", "metabase"),
                         topic(12, 30, "Power BI", "power bi")]}  # fmt: skip
    days = ["2026-11-01", "2026-11-02", "2026-11-03"]
    timeline = {"facet": "Task", "grain": "day", "buckets": days, "days": [1, 1, 1],
                "before": None,
                "series": [{"topic_id": 11, "label": "No competitor mentioned",
                            "facet_label": "none", "counts": [272, 280, 278], "total": 830},
                           {"topic_id": 9, "label": "Metabase", "facet_label": "metabase",
                            "counts": [12, 14, 14], "total": 40},
                           {"topic_id": 12, "label": "Power BI", "facet_label": "power bi",
                            "counts": [9, 11, 10], "total": 30}]}  # fmt: skip

    def answer(body: dict) -> object:
        return lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(body)
        )

    pg.route("**/api/topics?*", answer(topics))
    pg.route("**/api/timeline?*", answer(timeline))
    pg.goto(pg.base + "/?tab=topics&facet=Task")
    pg.wait_for_function("state.overview", timeout=T)
    # The fixture's Task has no default label: give it one ("NONE"), as Competitor mention has.
    pg.evaluate(
        "Object.assign(state.overview.facets.find((f) => f.facet === 'Task'),"
        " { display: { NONE: 'None' }, default_label: 'NONE' });"
        "state.colorKey = ''; showTab('trends')"
    )
    pg.wait_for_function("document.getElementById('trend-plot').data?.length === 3", timeout=T)
    got = pg.evaluate(
        """(() => { const gd = document.getElementById('trend-plot');
          return { lines: gd.data.map((d) => [d.meta, d.visible]),
                   top: gd._fullLayout.yaxis.range[1] }; })()"""
    )
    assert got["lines"] == [[9, True], [12, True], [11, "legendonly"]]
    assert 14 <= got["top"] < 20  # scaled to Metabase's 14, not to the default's 280
    note = pg.locator("#trend-note").inner_text()
    assert "No competitor mentioned" in note and "default label" in note and "830" in note
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "rv12-trends-default-label.png"))
    # Its name in the legend draws it, and the axis makes room.
    pg.locator("#trend-plot .legend .traces", has_text="No competitor mentioned").locator(
        ".legendtoggle"
    ).click()
    pg.wait_for_function(
        "document.getElementById('trend-plot')._fullLayout.yaxis.range[1] > 280", timeout=T
    )


def test_weekly_trends_plot_a_partial_week_per_day_and_say_its_days(pg) -> None:
    """M3: the week in progress (3 days) drew every topic plunging and the first week read low.
    Weekly points are traces a day over the week's days with data, a partial week hollow and
    labelled "6 of 7 days"; a point's hover and its trace list keep the week's count."""
    pg.goto(pg.base + "/?tab=trends&facet=Task&grain=week")
    pg.wait_for_function("document.getElementById('trend-plot').data?.length > 0", timeout=T)
    raw = pg.evaluate(
        "fetch('/api/timeline?facet=Task&grain=week&level=parent').then((r) => r.json())"
    )
    assert raw["days"] == [1, 7, 7, 6]
    counts = {s["topic_id"]: s["counts"] for s in raw["series"]}
    got = pg.evaluate(
        """(() => { const gd = document.getElementById('trend-plot');
          return { lines: gd.data.filter((d) => d.visible === true && d.meta >= 0).map((d) => (
                     { id: d.meta, y: d.y, n: d.customdata.map((c) => c[0]),
                       symbols: d.marker.symbol })),
                   all: gd.data.map((d) => d.y),
                   notes: (gd.layout.annotations || []).map((a) => a.text),
                   ytitle: gd._fullLayout.yaxis.title.text }; })()"""
    )
    assert [line["id"] for line in got["lines"]] == [10, 11, 12]
    for line in got["lines"]:
        c = counts[line["id"]]
        assert line["n"] == c  # the week's count, for the hover and the trace list
        assert line["y"] == pytest.approx([n / d for n, d in zip(c, [1, 7, 7, 6], strict=True)])
        assert line["symbols"] == ["circle-open", "circle", "circle", "circle-open"]
    # The fixture's traffic is flat (~57 a day): in raw counts its 1-day week read a seventh
    # of a full one; per day, every week reads the same, the partial ones included.
    totals = [sum(counts[t][i] for t in counts) for i in range(4)]
    assert max(totals) / min(totals) > 6
    per_day = [sum(y[i] for y in got["all"]) for i in range(4)]
    assert max(per_day) / min(per_day) < 1.1
    assert got["notes"] == ["1 of 7 days", "6 of 7 days"]
    assert "a day" in got["ytitle"]
    assert "hollow" in pg.locator("#trend-note").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "rv12-trends-weekly.png"))
    # Daily: counts as they are, no note.
    pg.click("#grain button[data-grain=day]")
    pg.wait_for_function("document.getElementById('trend-plot').data[0].x.length === 21", timeout=T)
    assert pg.locator("#trend-note").is_hidden()
    assert pg.evaluate("document.getElementById('trend-plot')._fullLayout.yaxis.title.text") == (
        "traces"
    )


def test_the_refreshed_panel_shows_once(pg) -> None:
    """L6: after a refresh the "Refreshed: the new snapshot is loaded" panel came back on every
    new page load until closed. A finished refresh is shown once (on the page that watched it,
    or the first load after); a failed one until it is closed; the next refresh shows again."""
    answer = {"state": "succeeded", "request_id": "20261202T025236Z-aaaaaa",
              "started_at": "2026-12-02T02:52:36Z", "dagster_url": None,
              "run": {"run_id": "953af619-0000", "job": "daily_job", "partition": "2026-12-02",
                      "status": "SUCCESS", "url": None},
              "steps": [{"key": "topic_maps", "status": "success", "seconds": 1.5,
                         "message": None}]}  # fmt: skip
    pg.route(
        "**/api/refresh",
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(answer)
        ),
    )

    def load() -> bool:
        """A new page load; whether the panel is on screen once it has read the refresh."""
        with pg.expect_response("**/api/refresh", timeout=T):
            # networkidle: half a second with no request, long after the answer is drawn
            pg.goto(pg.base + "/?tab=topics&facet=Task", wait_until="networkidle", timeout=T)
        return pg.locator("#refresh-panel").is_visible()

    assert load()
    assert "Refreshed" in pg.locator("#refresh-panel").inner_text()
    assert not load() and not load()
    answer.update(request_id="20261202T031500Z-bbbbbb", state="failed", error="boom")
    answer["run"]["status"] = "FAILURE"
    assert load() and load()  # a failure stays until it is read and closed
    pg.click("#refresh-close")
    assert not load()
    answer.update(request_id="20261202T033000Z-cccccc", state="succeeded")
    assert load()
