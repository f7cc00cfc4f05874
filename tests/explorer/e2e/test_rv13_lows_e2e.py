"""Review rv13's lows in real Chromium on the shared two-level fixture: the home waited for the
chart library (1.47 MB gzipped, parsed before anything showed: 4-8 s under load), and the view
tabs were plain buttons (no tab list, no selected state, no arrow keys)."""

from __future__ import annotations

import pytest
from factories.browser import fresh_page

pytestmark = pytest.mark.e2e

T = 60_000
PLOTLY = "**/vendor/plotly.min.js"


def test_the_home_shows_before_the_chart_library_loads(browser, two_level_base: str) -> None:
    """The chart library held back (its requests answered only later): the home's facts show,
    no chart library ran; the first chart asks for it and draws."""
    held: list[object] = []
    release = False

    def hold(route) -> None:
        route.continue_() if release else held.append(route)

    with fresh_page(browser) as pg:
        pg.route(PLOTLY, hold)
        pg.goto(two_level_base + "/", wait_until="commit")
        pg.wait_for_selector("#home .hcard", timeout=20_000)
        assert pg.locator("#tab-home").is_visible()
        assert pg.evaluate("typeof window.Plotly") == "undefined"
        release = True
        for route in held:
            route.continue_()
        pg.click("#tabs button[data-tab=slices]")
        pg.wait_for_selector("#hm-sentiment .main-svg", timeout=T)
        assert pg.evaluate("typeof window.Plotly") == "object"


def test_the_view_tabs_are_a_tab_list_with_arrow_keys(pg) -> None:
    pg.goto(pg.base + "/?tab=topics")
    pg.wait_for_selector("#topic-list .trow", timeout=T)
    assert pg.get_attribute("#tabs", "role") == "tablist"
    tabs = pg.evaluate(
        """() => [...document.querySelectorAll('#tabs button')].map((b) => ({
             tab: b.dataset.tab, role: b.getAttribute('role'), sel: b.getAttribute('aria-selected'),
             idx: b.tabIndex, panel: b.getAttribute('aria-controls'),
             panelRole: document.getElementById(b.getAttribute('aria-controls'))?.getAttribute('role'),
             labelled: document.getElementById(b.getAttribute('aria-controls'))
                         ?.getAttribute('aria-labelledby') === b.id }))"""
    )
    assert all(t["role"] == "tab" and t["panelRole"] == "tabpanel" and t["labelled"] for t in tabs)
    assert [t["tab"] for t in tabs if t["sel"] == "true"] == ["topics"]
    assert [t["tab"] for t in tabs if t["idx"] == 0] == ["topics"]  # one stop in the Tab order
    names = [t["tab"] for t in tabs]
    at = names.index("topics")

    def selected() -> str:
        return pg.evaluate(
            "document.querySelector('#tabs [aria-selected=true]').dataset.tab"
            " + '|' + document.activeElement.dataset.tab"
        )

    pg.focus("#tabs button[data-tab=topics]")
    pg.keyboard.press("ArrowRight")
    assert selected() == f"{names[at + 1]}|{names[at + 1]}"
    pg.wait_for_function(f"location.search.includes('tab={names[at + 1]}')", timeout=T)
    assert pg.locator(f"#tab-{names[at + 1]}").is_visible()
    assert not pg.locator("#tab-topics").is_visible()
    pg.keyboard.press("End")
    assert selected() == f"{names[-1]}|{names[-1]}"
    pg.keyboard.press("ArrowRight")  # wraps to the first
    assert selected() == f"{names[0]}|{names[0]}"
    pg.keyboard.press("ArrowLeft")  # and back to the last
    assert selected() == f"{names[-1]}|{names[-1]}"
    pg.keyboard.press("Home")
    assert selected() == f"{names[0]}|{names[0]}"
