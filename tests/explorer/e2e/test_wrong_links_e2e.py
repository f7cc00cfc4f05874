"""A PM's wrong links in real Chromium (session 21 walk of the 30-day demo): a mistyped address
answered `{"detail":"Not Found"}`; a topic id from an older snapshot and dates outside the data
both said "No topics in this filter." with nothing to act on."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

T = 60_000


def test_a_mistyped_address_is_a_page_that_leads_back(pg) -> None:
    got = pg.goto(pg.base + "/topics")
    assert got.status == 404
    assert "The explorer has no page at /topics" in pg.inner_text("body")
    # A PM looking for a SQL page (session 22) learns where SQL is.
    assert 'tracetopics sql "SELECT ..."' in pg.inner_text("body")
    pg.click("text=open the explorer")
    pg.wait_for_selector("#home .hcard", timeout=T)
    # The API's own answers stay JSON.
    api = pg.request.get(pg.base + "/api/nope")
    assert api.status == 404 and api.json() == {"detail": "Not Found"}


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("focus=99999", "No Task topic has id 99999 in this snapshot (a link from an older one?)"),
        ("date_from=2030-01-01", "No traces in these dates: the data runs from 2026-"),
        # a look-alike: dates inside the data, a customer with no traces there: no date note
        ("date_from=2026-11-02&date_to=2026-11-02&customer=nobody", "No topics in this filter."),
    ],
)
def test_an_empty_topic_list_says_why(pg, query: str, said: str) -> None:
    pg.goto(pg.base + f"/?tab=topics&facet=Task&{query}")
    pg.wait_for_selector("#topic-list .empty", timeout=T)
    assert said in pg.inner_text("#topic-list")


@pytest.mark.parametrize(
    ("query", "said", "shown"),
    [
        ("facet=Nope&tab=topics", "No facet “Nope”; facets are Task", "topics"),
        (
            "tab=topcs&facet=Task",
            "No tab “topcs”; tabs are home (What changed), map (Map), ",
            "home",
        ),
        ("#/topics?facet=Nope", "The part after # (“#/topics?facet=Nope”) is not read", "home"),
        # look-alikes that are no mistake: another case, the default tab named, no tab at all,
        # an empty fragment
        ("facet=Task#", None, "home"),
        ("facet=task&tab=topics", None, "topics"),
        ("tab=home&facet=TASK", None, "home"),
        ("facet=Task", None, "home"),
    ],
)
def test_a_link_to_an_unknown_facet_or_tab_says_so(
    pg, query: str, said: str | None, shown: str
) -> None:
    """Session 22: `?facet=Nope` showed Task and `?tab=topcs` the home, saying nothing."""
    pg.goto(pg.base + ("/" if query.startswith("#") else "/?") + query)
    pg.wait_for_selector(f"#tab-{shown}:not(.hidden)", timeout=T)
    pg.wait_for_function("document.querySelector('#facet').options.length > 0", timeout=T)
    note = pg.locator("#link-note")
    if said is None:
        assert note.is_hidden()
        return
    assert note.is_visible() and said in note.inner_text()
    if said.startswith("No "):
        assert f"Showing {'Task' if 'facet' in said else 'What changed'}." in note.inner_text()
    pg.click("#link-note .close")
    assert note.is_hidden()
    # Choosing a tab after such a link clears the note too.
    pg.goto("about:blank")  # the page rewrote its address; a fragment alone loads nothing
    pg.goto(pg.base + ("/" if query.startswith("#") else "/?") + query)
    pg.wait_for_selector("#link-note:not(.hidden)", timeout=T)
    pg.click("#tabs button[data-tab=trends]")
    assert note.is_hidden()
