"""The topic list in real Chromium on a copy of the two-level fixture (parents 10-12; 12 has one
subtopic, "Connect Slack integration"): a lone subtopic named as its parent is not listed under
it, as `tracetopics topics` leaves it out (review rv10 L-2, report.listed_subtopics), and a chain
of merges says which topic each merged one went into (review rv10 L-3)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from factories.browser import fresh_page

pytestmark = pytest.mark.e2e

T = 60_000


@pytest.fixture(scope="module")
def base(two_level_copy: Path, serve: Callable[[Path], str]) -> str:
    """This module renames and merges topics: a copy of the shared two-level home."""
    return serve(two_level_copy)


@pytest.fixture
def pg(browser, base: str) -> Iterator[object]:
    with fresh_page(browser) as page:
        page.base = base  # type: ignore[attr-defined]
        yield page


def _post(pg, path: str, body: dict) -> int:
    """A curation the way the page sends it (same origin)."""
    return pg.evaluate(
        "([p, b]) => fetch(p, {method: 'POST', headers: {'content-type': 'application/json'},"
        " body: JSON.stringify(b)}).then((r) => r.status)",
        [path, body],
    )


def _topics(pg) -> None:
    pg.goto(pg.base + "/?tab=topics&facet=Task")
    pg.wait_for_selector("#topic-list .trow[data-topic='12']", timeout=T)


def test_a_lone_subtopic_is_listed_only_when_it_says_more_than_its_parent(pg) -> None:
    _topics(pg)
    row = pg.locator("#topic-list .trow[data-topic='12']")
    assert "1 subtopic" in row.locator(":scope > .trow-head").inner_text()
    assert row.locator(".trow.sub").count() == 1  # "Connect Slack integration" says more
    assert _post(pg, "/api/topics/rename",
                 {"facet": "Task", "topic_id": 2, "label": "Team chat integrations"}) == 200  # fmt: skip
    _topics(pg)
    row = pg.locator("#topic-list .trow[data-topic='12']")
    assert "subtopic" not in row.locator(":scope > .trow-head").inner_text()
    assert row.locator(".trow.sub").count() == 0
    assert row.locator("button[data-act=drill]").count() == 0
    other = pg.locator("#topic-list .trow[data-topic='11']")
    assert "2 subtopics" in other.locator(":scope > .trow-head").inner_text()
    # the list of every subtopic still has it
    pg.goto(pg.base + "/?tab=topics&facet=Task&level=sub")
    pg.wait_for_selector("#topic-list .trow[data-topic='2']", timeout=T)


def test_a_chain_of_merges_names_the_topic_between(pg) -> None:
    _topics(pg)
    for src, into in ((10, 11), (11, 12)):
        assert (
            _post(pg, "/api/topics/merge", {"facet": "Task", "topic_id": src, "into": into}) == 200
        )
    _topics(pg)
    row = pg.locator("#topic-list .trow[data-topic='12']")
    assert "+2 merged" in row.locator(":scope > .trow-head").inner_text()
    row.locator(":scope > .trow-head").click()
    notes = row.locator(":scope > .trow-body > .merged-note").all_inner_texts()
    assert len(notes) == 2
    first = next(n for n in notes if "id 10" in n)
    assert "by way of “Account and billing”" in first and "id 11" in first
    second = next(n for n in notes if "id 11" in n and "id 10" not in n)
    assert "by way of" not in second
