"""The Issues list's any-mention figure in real Chromium (docs/facets.md, "One Issues label per
trace"): beside a label's share, with a tooltip saying what it counts; on the topic list and
on the Map tab's label bars. Screenshot: tests/explorer/e2e/artifacts/any-mention.png."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from factories.browser import fresh_page
from factories.explorer import publish_issues_home

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

ARTIFACTS = Path(__file__).parent / "artifacts"  # git-ignored
T = 60_000


def test_a_label_shows_how_many_traces_list_it_at_all(
    browser, serve: Callable[[Path], str], tmp_path: Path
) -> None:
    """Loops: 150 of 600 traces looped first (25.0 %), 225 list a loop (37.5 %): 75 of them
    failed a call first and count under Failed tool calls in the shares."""
    base = serve(publish_issues_home(tmp_path))
    with fresh_page(browser, width=1440, height=900) as pg:
        pg.goto(base + "/?tab=topics&facet=Issues")
        pg.wait_for_selector(".trow[data-topic='21'] .any-mention", timeout=T)
        loops = pg.locator(".trow[data-topic='21'] > .trow-head .share")
        assert loops.inner_text().startswith("25.0% · 37.5% any mention")
        tip = loops.locator(".any-mention").get_attribute("title")
        assert "225 traces list “Loops” at all, 75 more than the 150 counted here" in tip
        assert "under its first label" in tip
        # the default label ("No issue") has nothing to add
        assert pg.locator(".trow[data-topic='22'] .any-mention").count() == 0
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "any-mention.png"))
        pg.goto(base + "/?tab=map&facet=Issues")
        pg.wait_for_selector("#map-plot .lbar .any-mention", timeout=T)
        bar = pg.locator("#map-plot .lbar-num", has_text="37.5% any mention")
        assert bar.count() == 1
        pg.screenshot(path=str(ARTIFACTS / "any-mention-bars.png"))
