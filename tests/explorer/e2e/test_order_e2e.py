"""The topic list's heading names its order per facet (Churn risk: by severity) in Chromium."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from factories.browser import fresh_page
from factories.explorer import churn_home

pytestmark = pytest.mark.e2e


def test_the_heading_names_each_facets_order(
    tmp_path: Path, browser, serve: Callable[[Path], str]
) -> None:
    base = serve(churn_home(tmp_path))
    with fresh_page(browser) as pg:
        pg.goto(base + "/?tab=topics&facet=Churn+risk")
        pg.wait_for_selector("#topic-list .trow", timeout=60_000)
        assert pg.locator("#topics-title").inner_text() == "Topics ranked by severity, then share"
        labels = pg.locator("#topic-list .trow .tlabel").all_inner_texts()
        assert "Critical churn risk" in labels[0]
        pg.goto(base + "/?tab=topics&facet=Task")
        pg.wait_for_selector("#topic-list .trow", timeout=60_000)
        assert pg.locator("#topics-title").inner_text() == "Topics ranked by share"
