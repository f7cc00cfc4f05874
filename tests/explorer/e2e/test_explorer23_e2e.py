"""Session 23's explorer loose ends in real Chromium: a label no trace has first, the roadmap
proposal's download drawn as a button, and a label filter's own value not repeated on every
row or cell. Screenshots: tests/explorer/e2e/artifacts/mention-only.png, flat-slice.png."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from factories.browser import fresh_page
from factories.explorer import publish_issues_home

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

ARTIFACTS = Path(__file__).parent / "artifacts"  # git-ignored
T = 60_000


def test_a_label_no_trace_has_first_is_listed_with_its_any_mention_figure(
    browser, serve: Callable[[Path], str], tmp_path: Path
) -> None:
    """Loops only ever follow a failed call (75 of 600 traces): no topic stands for LOOP, and
    the list had no row for its figure. It is listed after the topics, 0 counted, "12.5% any
    mention", with nothing to open; on the Map tab's label bars too."""
    base = serve(publish_issues_home(tmp_path, loops_first=False))
    with fresh_page(browser, width=1440, height=900) as pg:
        pg.goto(base + "/?tab=topics&facet=Issues")
        row = pg.locator("#topic-list .trow.mention-only[data-label='loop']")
        row.wait_for(timeout=T)
        assert row.locator(".tlabel").inner_text().startswith("Loops")
        assert row.locator(".num").inner_text() == "0"
        assert row.locator(".share").inner_text() == "0.0% · 12.5% any mention"
        tip = row.locator(".any-mention").get_attribute("title")
        assert tip.startswith("75 traces list “Loops”, always after another label")
        row.locator(".trow-head").click()  # nothing to open: no error, no trace list
        assert pg.locator("#topic-list .trow.mention-only").count() == 1
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "mention-only.png"))
        pg.goto(base + "/?tab=map&facet=Issues")
        bar = pg.locator("#map-plot .lbar.mention-only .lbar-num")
        bar.wait_for(timeout=T)
        assert bar.inner_text() == "0.0% · 0 · 12.5% any mention"


def test_the_proposal_download_is_a_button(pg) -> None:
    """ "Download Markdown" was a blue underlined link beside the page's filled buttons."""
    pg.goto(pg.base + "/?tab=topics&facet=Task")
    row = pg.locator("#topic-list > .trow").first
    row.locator(":scope > .trow-head").click()
    row.locator(":scope > .trow-body > .row-actions button[data-act=proposal]").click()
    link = pg.locator("#modal-body a.button[download]")
    link.wait_for(timeout=T)
    assert link.inner_text() == "Download Markdown"
    look = pg.evaluate(
        """() => { const a = getComputedStyle(document.querySelector('#modal-body a.button'));
                   const b = getComputedStyle(document.querySelector('.row-actions button[data-act=drill]'));
                   return [a.backgroundColor, b.backgroundColor, a.textDecorationLine,
                           a.color, a.borderRadius]; }"""
    )  # as the page's filled buttons ("Open its subtopics"): accent, white, no underline
    assert look[0] == look[1] == "rgb(59, 91, 219)"
    assert look[2] == "none" and look[3] == "rgb(255, 255, 255)" and look[4] == "6px"
    assert pg.locator("#modal-body button#copy-md.ghost").count() == 1


def test_a_label_filter_is_not_repeated_on_every_row_or_cell(pg) -> None:
    """Under Sentiment: Negative every trace is Negative: Task x Sentiment was one column of
    100 % cells and every trace row carried a "Sentiment Negative" pill. The column is not
    drawn (said instead, with a way to remove the filter) and the pill is said once above the
    table. Look-alikes: two Sentiment values keep both (the heatmap, the pills)."""
    pg.goto(pg.base + "/?tab=slices&facet=Task&label=Sentiment:NEGATIVE")
    flat = pg.locator("#hm-sentiment .flat-slice")
    flat.wait_for(timeout=T)
    assert "Every trace in this filter is “Negative” (the Sentiment filter)" in flat.inner_text()
    pg.wait_for_function("document.getElementById('hm-issues').data", timeout=T)
    assert pg.locator("#hm-sentiment .main-svg").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "flat-slice.png"))
    pg.goto(pg.base + "/?tab=traces&facet=Task&label=Sentiment:NEGATIVE")
    pg.wait_for_selector("#trace-table tr[data-trace]", timeout=T)
    said = pg.locator("#trace-table .pinned-labels").inner_text()
    assert said == "Sentiment: Negative on every one (the filter), not repeated on each row"
    pills = pg.locator("#trace-table .pill-facet").all_inner_texts()
    assert pills and "Sentiment" not in pills and "Issues" in pills
    # two values of the filter: the labels side by side, and each row says which
    pg.goto(pg.base + "/?tab=traces&facet=Task&label=Sentiment:NEGATIVE&label=Sentiment:MIXED")
    pg.wait_for_selector("#trace-table tr[data-trace]", timeout=T)
    assert pg.locator("#trace-table .pinned-labels").count() == 0
    assert "Sentiment" in pg.locator("#trace-table .pill-facet").all_inner_texts()
    pg.goto(pg.base + "/?tab=slices&facet=Task&label=Sentiment:NEGATIVE&label=Sentiment:MIXED")
    pg.wait_for_function("document.getElementById('hm-sentiment').data", timeout=T)
    assert pg.locator("#hm-sentiment .flat-slice").count() == 0
    # the way out: the filter goes, the heatmap comes back
    pg.goto(pg.base + "/?tab=slices&facet=Task&label=Sentiment:NEGATIVE")
    pg.locator("#hm-sentiment [data-unpin]").click()
    pg.wait_for_function("document.getElementById('hm-sentiment').data", timeout=T)
    assert "label=" not in pg.url
