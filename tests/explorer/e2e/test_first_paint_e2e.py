"""The home's first content: the cards' frames come with the page itself, and the page asks
for what changed beside the overview, not after it (the first card waited for both in turn:
3.7-5.8 s on the 30-day demo; docs/benchmarks.md "Explorer: first content")."""

from __future__ import annotations

import pytest
from factories.browser import fresh_page

pytestmark = pytest.mark.e2e

T = 60_000


def test_the_cards_frames_are_in_the_page_before_any_script(browser, server: str) -> None:
    ctx = browser.new_context(viewport={"width": 1440, "height": 900}, java_script_enabled=False)
    try:
        pg = ctx.new_page()
        pg.goto(server + "/")
        frames = pg.locator("#home .hframe")
        assert frames.count() >= 4 and frames.first.is_visible()
        assert pg.locator("#home h1").inner_text() == "What changed"
    finally:
        ctx.close()


def test_what_changed_is_asked_for_beside_the_overview(browser, server: str) -> None:
    with fresh_page(browser) as pg:
        seen: list[str] = []
        pg.on("request", lambda r: seen.append("ask " + r.url.split("?")[0].split("/api/")[-1]))
        pg.on(
            "requestfinished",
            lambda r: seen.append("got " + r.url.split("?")[0].split("/api/")[-1]),
        )
        pg.goto(server + "/")
        pg.wait_for_selector("#home .hcard", timeout=T)
        assert seen.index("ask changes") < seen.index("got overview"), seen
        assert seen.count("ask changes") == 1  # the early answer is the one shown, not asked twice
        assert pg.locator("#home .hframe").count() == 0  # the frames gave way to the cards


def test_a_link_to_another_tab_does_not_ask_for_the_home(browser, server: str) -> None:
    with fresh_page(browser) as pg:
        asked: list[str] = []
        pg.on("request", lambda r: asked.append(r.url) if "/api/changes" in r.url else None)
        pg.goto(server + "/?tab=topics")
        pg.wait_for_selector("#topic-list .trow", timeout=T)
        assert asked == []


def test_a_home_that_fails_to_load_says_what_to_do(browser, server: str) -> None:
    with fresh_page(browser) as pg:
        pg.route("**/api/changes*", lambda r: r.fulfill(status=500, body="Internal Server Error"))
        pg.goto(server + "/")
        pg.wait_for_selector("#home .empty", timeout=T)
        text = pg.locator("#home .empty").inner_text()
        assert "Could not compute what changed" in text and "Reload the page" in text
        assert pg.locator("#home .hframe").count() == 0  # no frames left waiting forever
