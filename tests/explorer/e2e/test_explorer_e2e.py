"""The explorer in a real headless Chromium: map hover/click, filters, clustering, actions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

T = 60_000  # ms; the machine is shared and small

POINT_JS = """
([plotId, traceIdx, x, y]) => {
  const gd = document.getElementById(plotId);
  const L = gd._fullLayout;
  const rect = gd.getBoundingClientRect();
  const xa = L[gd._fullData[traceIdx].xaxis === 'x' ? 'xaxis' : 'xaxis'];
  const ya = L['yaxis'];
  return [rect.left + xa._offset + xa.l2p(x), rect.top + ya._offset + ya.l2p(y)];
}
"""


def _map_point(page, trace_id: str) -> tuple[float, float]:
    """Screen position of one trace's point on the scatterplot."""
    idx, x, y = page.evaluate(
        """(id) => {
            const gd = document.getElementById('map-plot');
            for (let i = 0; i < gd.data.length; i++) {
              const j = gd.data[i].customdata.indexOf(id);
              if (j >= 0) return [i, gd.data[i].x[j], gd.data[i].y[j]];
            }
            return [-1, 0, 0];
        }""",
        trace_id,
    )
    assert idx >= 0, f"{trace_id} not on the map"
    return tuple(page.evaluate(POINT_JS, ["map-plot", idx, x, y]))


def _wait_map(page) -> None:
    page.wait_for_selector("#home .home-head", timeout=T)  # the page lands on "What changed"
    page.click("#tabs button[data-tab=map]")
    page.wait_for_selector("#map-plot .main-svg", timeout=T)
    page.wait_for_selector("#legend .legend-item", timeout=T)


def test_map_legend_hover_and_click_open_the_trace(page) -> None:
    _wait_map(page)
    legend = page.locator("#legend .legend-item")
    assert legend.count() == 6  # five topics + no_match
    assert "16.7% · 200" in legend.first.inner_text()
    assert "1,200 traces, one point each" in page.locator("#map-count").inner_text()
    # Move the mouse away from others, then onto trace t-00000's point (topic 0).
    px, py = _map_point(page, "t-00000")
    page.mouse.move(px + 200, py + 200)
    page.mouse.move(px, py, steps=4)
    card = page.locator("#hover-card")
    card.wait_for(state="visible", timeout=T)
    page.wait_for_function(
        "document.querySelector('#hover-card').innerText.includes('export a dashboard')",
        timeout=T,
    )
    page.mouse.click(px, py)
    page.locator("#drawer").wait_for(state="visible", timeout=T)
    page.wait_for_selector("#drawer-body .conversation .msg", timeout=T)
    body = page.locator("#drawer-body").inner_text()
    # Points overlap; whichever one Plotly picked, it is an "export" trace of topic 0.
    assert "User wants to export a dashboard as a CSV file (request" in body
    assert "Export dashboards to CSV" in body
    facets = page.locator("#drawer-body table.data tbody tr td:first-child").all_inner_texts()
    assert facets == ["Task", "Sentiment", "Issues"]  # the facet file's order, Task first
    # The distance to the topic is a tooltip, not "Neutral sentiment id 3 d=0.03" (review rv8 L3)
    topics = page.locator("#drawer-body table.data tbody tr td:nth-child(4)")
    assert not [t for t in topics.all_inner_texts() if "d=" in t]
    assert re.fullmatch(
        r"Cosine distance to the topic's centre: \d\.\d\d \(0 = at the centre\)",
        topics.first.get_attribute("title"),
    )
    assert not page.tt_errors and not page.tt_external


def test_trace_view_highlights_tool_errors(page) -> None:
    _wait_map(page)
    page.select_option("#f-label", "Issues:FAILED_TOOL_CALL")
    page.click("#tabs button[data-tab=traces]")
    page.wait_for_function(
        "document.querySelector('#traces-count').innerText.startsWith('300 ')", timeout=T
    )
    page.locator("#trace-table tr[data-trace]").first.click()
    page.wait_for_selector("#drawer-body .conversation .msg", timeout=T)
    body = page.locator("#drawer-body").inner_text()
    assert "lookup_account" in body  # the tool call
    err = page.locator("#drawer-body .msg.error")
    assert err.count() == 1 and "timeout after 30s" in err.inner_text()
    assert "Failed tool call" in body and "total_tokens" in body and "plan_tier" in body
    assert not page.tt_errors


def test_filters_narrow_every_view(page) -> None:
    _wait_map(page)
    page.select_option("#f-customer", "globex")
    page.wait_for_function(
        "document.querySelector('#scope-count').innerText.startsWith('400 ')", timeout=T
    )
    page.wait_for_function(
        "document.querySelector('#map-count').innerText.startsWith('400 traces')", timeout=T
    )
    page.select_option("#f-label", "Sentiment:NEUTRAL")
    page.click("#tabs button[data-tab=topics]")
    page.wait_for_function("document.querySelectorAll('#topic-list .trow').length === 1", timeout=T)
    # globex = i % 3 == 1 → topics {1, 4}; NEUTRAL = odd i → only topic 1.
    row = page.locator("#topic-list .trow").first
    assert "Reset account password" in row.inner_text()
    row.locator(".trow-head").click()
    assert "password" in row.locator(".trow-body").inner_text()
    # initech = i % 3 == 2 → topic 2 and no_match (i % 6 == 5): the toggle shows the latter.
    page.select_option("#f-customer", "initech")
    page.click("#chips button[data-kind=label]")
    page.wait_for_function(
        "document.querySelector('#topic-list').innerText.includes('Connect Slack integration')",
        timeout=T,
    )
    assert page.locator("#topic-list .trow").count() == 1
    page.check("#show-nomatch")
    page.wait_for_function("document.querySelectorAll('#topic-list .trow').length === 2", timeout=T)
    assert "no_match" in page.locator("#topic-list").inner_text()
    page.click("#f-reset")
    page.wait_for_function(
        "document.querySelector('#scope-count').innerText.startsWith('1,200 ')", timeout=T
    )
    assert not page.tt_errors


def test_cluster_this_subset(page) -> None:
    _wait_map(page)
    page.select_option("#f-customer", "acme")
    page.wait_for_function(
        "document.querySelector('#scope-count').innerText.startsWith('400 ')", timeout=T
    )
    page.click("#act-cluster")
    page.wait_for_selector("#cluster-list .cluster-topic", timeout=120_000)
    # Two levels, as in the Topics view: parents that expand into their subtopics.
    parents = page.locator("#cluster-list .cluster-topic.parent")
    subs = page.locator("#cluster-list .cluster-topic.sub")
    assert parents.count() == 2 and subs.count() == 2  # two unrelated intents: two parents
    assert not subs.first.is_visible()
    for i in range(2):
        parents.nth(i).locator(":scope > .ct-head").click()
    subs.first.wait_for(state="visible", timeout=T)
    text = " ".join(subs.all_inner_texts()).lower()
    assert "export" in text and "cancel" in text
    assert "400 traces" in page.locator("#modal-title").inner_text()
    assert "2 topics, 2 subtopics" in page.locator("#modal-title").inner_text()
    page.wait_for_selector("#cluster-plot .main-svg", timeout=T)
    # Save it under a name, reopen it from its tab, and act on a subtopic and on the parent.
    page.fill("#subset-name", "acme intents e2e")
    page.click("#subset-save")
    page.wait_for_selector("#cluster-list button[data-sact=proposal]", timeout=T)
    page.click("#modal-close")
    page.click("#tabs button[data-tab=subsets]")
    page.click("#subset-list button[data-open-subset]:has-text('acme intents e2e')")
    page.wait_for_selector("#cluster-list .cluster-topic.parent", timeout=T)
    assert "acme-intents-e2e" in page.locator("#modal-title").inner_text()
    parent = page.locator("#cluster-list .cluster-topic.parent", has_text="ancel").first
    parent.locator(":scope > .ct-head").click()
    cancel = page.locator("#cluster-list .cluster-topic.sub", has_text="ancel")
    cancel.locator("button[data-sact=proposal]").click()
    page.wait_for_selector("#modal-body .md h1", timeout=T)
    md = page.locator("#modal-body .md").inner_text()
    assert "saved subset “acme intents e2e”" in md and "200 conversations" in md
    assert "subtopic" in md.lower()
    page.click("#modal-close")
    page.click("#subset-list button[data-open-subset]:has-text('acme intents e2e')")
    parent = page.locator("#cluster-list .cluster-topic.parent", has_text="xport").first
    parent.wait_for(timeout=T)
    parent.locator(":scope > .row-actions button[data-sact=proposal]").click()
    page.wait_for_selector("#modal-body .md h1", timeout=T)
    md = page.locator("#modal-body .md").inner_text()
    assert "saved subset “acme intents e2e”" in md and "200 conversations" in md
    assert "xport" in md
    assert not page.tt_errors


def test_export_topic_as_eval_dataset(page, e2e_home: Path) -> None:
    _wait_map(page)
    page.click("#tabs button[data-tab=topics]")
    page.wait_for_selector("#topic-list .trow", timeout=T)
    row = page.locator("#topic-list .trow", has_text="Connect Slack integration")
    row.locator(".trow-head").click()
    row.locator("button[data-act=export]").click()
    page.fill("#ex-name", "slack integration evals")
    page.click("#ex-submit")
    link = page.locator("#export-link")
    link.wait_for(timeout=T)
    name = link.inner_text()
    assert name == "slack-integration-evals.jsonl"
    assert "200" in page.locator("#modal-body").inner_text()
    assert "slack-integration-evals.braintrust.jsonl" in page.locator("#modal-body").inner_text()
    with page.expect_download() as dl:
        link.click()
    saved = Path(dl.value.path())
    lines = saved.read_text().splitlines()
    first = json.loads(lines[0])
    assert len(lines) == 200 and first["messages"] and first["expected"] is None
    assert first["topic"]["label"] == "Connect Slack integration"
    assert (e2e_home / "exports" / name).exists()
    page.click("#modal-close")
    page.click("#tabs button[data-tab=exports]")
    page.wait_for_selector(f"#export-list a:has-text('{name}')", timeout=T)


def test_trends_point_lists_its_traces(page) -> None:
    _wait_map(page)
    page.click("#tabs button[data-tab=trends]")
    page.wait_for_selector("#trend-plot .main-svg", timeout=T)
    page.click("#grain button[data-grain=week]")
    page.wait_for_function(
        "document.getElementById('trend-plot').data[0].x.length === 4", timeout=T
    )
    # A weekly point is traces a day (review rv12 M3); its customdata keeps the week's count.
    x, y, n = page.evaluate(
        "() => { const gd = document.getElementById('trend-plot'); "
        "return [gd.data[0].x[1], gd.data[0].y[1], gd.data[0].customdata[1][0]]; }"
    )
    px, py = page.evaluate(
        """([x, y]) => { const gd = document.getElementById('trend-plot'); const L = gd._fullLayout;
             const r = gd.getBoundingClientRect();
             return [r.left + L.xaxis._offset + L.xaxis.d2p(x), r.top + L.yaxis._offset + L.yaxis.l2p(y)]; }""",
        [x, y],
    )
    page.mouse.move(px, py, steps=3)
    # Plotly resolves the hovered point first (throttled); a click before that hits nothing.
    page.wait_for_function(
        "document.querySelector('#trend-plot .hoverlayer').textContent.length > 0", timeout=T
    )
    page.mouse.click(px, py)
    page.wait_for_selector("#trend-traces tr[data-trace]", timeout=T)
    assert f"{n} traces" in page.locator("#trend-traces").inner_text()
    assert "→" in page.locator("#trend-traces-title").inner_text()


def test_cross_slices_priority_review_and_proposal(page) -> None:
    _wait_map(page)
    page.click("#tabs button[data-tab=slices]")
    page.wait_for_selector("#hm-sentiment .main-svg", timeout=T)
    page.wait_for_selector("#hm-issues .main-svg", timeout=T)
    page.wait_for_selector("#priority table", timeout=T)
    assert "Cancel or downgrade subscription" in page.locator("#priority").inner_text()
    assert page.locator("#priority th").all_inner_texts()[:2] == ["Rank", "Score"]

    page.click("#tabs button[data-tab=topics]")
    row = page.locator("#topic-list .trow", has_text="Cancel or downgrade subscription")
    row.locator(".trow-head").click()
    row.locator("button[data-act=review]").click()
    page.fill("#rv-assignee", "pm@example.com")
    page.fill("#rv-limit", "7")
    page.fill("#rv-note", "check churn")
    page.click("#rv-submit")
    page.click("#tabs button[data-tab=review]")
    page.wait_for_selector("#review-list tr[data-id]", timeout=T)
    assert page.locator("#review-list tr[data-id]").count() >= 7
    # Each pill says which facet it belongs to.
    pills = page.locator("#review-list tr[data-id]").first.locator(".pill").all_inner_texts()
    assert "Sentiment Negative" in pills and any(p.startswith("Issues ") for p in pills)
    first = page.locator("#review-list tr[data-id]").first
    first.locator("select[data-field=status]").select_option("done")
    page.wait_for_selector("#toast:has-text('Saved')", timeout=T)

    page.click("#tabs button[data-tab=topics]")
    row = page.locator("#topic-list .trow", has_text="Cancel or downgrade subscription")
    row.locator("button[data-act=proposal]").click()  # the row stayed expanded
    page.wait_for_selector("#modal-body .md h1", timeout=T)
    md = page.locator("#modal-body .md").inner_text()
    assert "Roadmap proposal: Cancel or downgrade subscription" in md
    assert "Sentiment mix" in md and "Representative quotes" in md
    assert "Product gap or agent failure" in md and "Recommendation" in md
    # A quote's trace link opens that trace in the page.
    href = page.locator("#modal-body .md h3 a").first.get_attribute("href")
    assert "?trace=t-" in href
    ARTIFACT = Path(__file__).parent / "artifacts"
    ARTIFACT.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACT / "proposal.png"))
    assert not page.tt_errors and not page.tt_external
