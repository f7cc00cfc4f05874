"""The home on a first week of data, in real Chromium on the two-level fixture
(factories.explorer.add_two_levels: 1,200 traces from 2026-11-01): the header said "(0 traces,
on 0 of those days)" when nothing came before the window, and the capability-gap card's "No
capability gap ..." sentence, what the rule found, wore the orange of "Too little data".
Screenshots at 1400 x 900 and 390 x 844: tests/explorer/e2e/artifacts/first-week-*.png."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories.browser import fresh_page

pytestmark = pytest.mark.e2e

T = 60_000
ARTIFACTS = Path(__file__).parent / "artifacts"  # git-ignored
SIZES = [(1400, 900), (390, 844)]


def _settled(page) -> None:
    page.wait_for_selector("#home .hcard", timeout=T)
    page.wait_for_load_state("networkidle")


def _colour(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("(el) => getComputedStyle(el).color")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_first_week_says_there_is_nothing_before(
    browser, two_level_base: str, width: int, height: int
) -> None:
    """A date filter from the window's first day leaves the slice no days before it: the
    header says so in words, never "(0 traces ..., on 0 of those days)"."""
    with fresh_page(browser, width=width, height=height) as pg:
        week = pg.request.get(two_level_base + "/api/changes?since=7").json()
        pg.goto(f"{two_level_base}/?tab=home&date_from={week['start']}")
        _settled(pg)
        head = pg.locator("#home-window").inner_text()
        start = week["start"]
        assert head.startswith(f"{start} to {week['end']} ("), head
        assert f"no traces in the 7 days before {start} to compare against" in head, head
        assert "0 of those days" not in head and "(0 traces" not in head, head
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"first-week-head-{width}.png"))
        # With days before, the comparison stays as it was.
        pg.goto(two_level_base + "/?tab=home")
        _settled(pg)
        head = pg.locator("#home-window").inner_text()
        assert f"against the 7 days before {start} (" in head, head


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_no_capability_gap_informs_and_too_little_data_warns(
    browser, two_level_base: str, width: int, height: int
) -> None:
    """`short` in the answer names the notes that say a rule had too little data: those warn
    (orange); the gap rule's "No capability gap ..." says what the rule found and reads as the
    card's text."""
    with fresh_page(browser, width=width, height=height) as pg:
        answer = pg.request.get(two_level_base + "/api/changes?since=7").json()
        for s in ("product_gaps", "agent_failures", "unclear_gaps"):
            answer["sections"][s] = []
        found = (
            "No capability gap in the window: a Task topic is one when its users are clearly "
            "unhappier than Task's 37% negative or mixed (1.3× that share, z ≥ 2), on at least "
            "10 negative or mixed traces that Issues read."
        )
        thin = "Too little data: no Task topic has 10 negative traces that Issues read."
        answer["notes"] = {**answer.get("notes", {}), "gaps": found}
        answer["short"] = [k for k in answer.get("short", []) if k != "gaps"]
        body = {"text": json.dumps(answer)}
        pg.route(
            "**/api/changes?*",
            lambda route: route.fulfill(
                status=200, content_type="application/json", body=body["text"]
            ),
        )
        pg.goto(two_level_base + "/?tab=home")
        _settled(pg)
        ink = pg.evaluate("getComputedStyle(document.body).color")
        note = "#home-gaps .hnote"
        assert pg.locator(note).inner_text() == found
        assert _colour(pg, note) == ink, "information reads as the card's text"
        ARTIFACTS.mkdir(exist_ok=True)
        pg.locator("#home-gaps").scroll_into_view_if_needed()
        pg.screenshot(path=str(ARTIFACTS / f"first-week-gaps-info-{width}.png"))
        # Too little data to read: the same card warns.
        answer["notes"]["gaps"] = thin
        answer["short"] = [*answer["short"], "gaps"]
        body["text"] = json.dumps(answer)
        pg.reload()
        _settled(pg)
        assert pg.locator(note).inner_text() == thin
        assert _colour(pg, note) == "rgb(230, 119, 0)", "a shortfall of data warns"
        pg.locator("#home-gaps").scroll_into_view_if_needed()
        pg.screenshot(path=str(ARTIFACTS / f"first-week-gaps-short-{width}.png"))
