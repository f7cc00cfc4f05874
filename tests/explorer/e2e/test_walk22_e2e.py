"""Session 22's walk of the 30-day demo as a PM, in real Chromium on the two-level fixture."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

T = 60_000


def test_a_subtopic_listed_on_its_own_names_its_parent(pg) -> None:
    """All subtopics of Sentiment listed "User praised the agent" beside "Praised the agent or
    the product" with nothing saying which label each is under. A subtopic listed on its own
    names its parent; nested under its parent, or drilled into it, it does not repeat it."""
    pg.goto(pg.base + "/?tab=topics&facet=Task&level=sub")
    pg.wait_for_selector("#topic-list .trow", timeout=T)
    want = pg.evaluate(
        "fetch('/api/topics?facet=Task&level=sub').then((r) => r.json())"
        ".then((d) => d.topics.filter((t) => t.topic_id !== -1)"
        ".map((t) => [t.topic_id, 'in ' + t.parent_label]))"
    )
    assert want
    for tid, said in want:
        row = pg.locator(f"#topic-list > .trow[data-topic='{tid}']")
        assert row.locator(".trow-head .in-parent").inner_text() == said
    # Drilled into a parent: the breadcrumb names it, the rows do not.
    pid = pg.evaluate(
        "fetch('/api/topics?facet=Task&level=sub').then((r) => r.json())"
        ".then((d) => d.topics.find((t) => t.parent_id !== null).parent_id)"
    )
    pg.goto(pg.base + f"/?tab=topics&facet=Task&focus={pid}")
    pg.wait_for_selector("#topic-list .trow", timeout=T)
    assert pg.locator("#topic-list .in-parent").count() == 0
    # The parents' list, its subtopics nested under each: none either.
    pg.goto(pg.base + "/?tab=topics&facet=Task")
    pg.wait_for_selector("#topic-list .trow .subtopics .trow", state="attached", timeout=T)
    assert pg.locator("#topic-list .in-parent").count() == 0


def test_a_heatmap_of_one_column_says_why_it_is_flat(pg) -> None:
    """A label filter on Sentiment left Task x Sentiment one column of one colour (each cell
    100 % of its row) with nothing saying why; its heading now says so, and the column, which
    only repeats the filter, is not drawn (session 23: tests/explorer/e2e/test_explorer23_e2e.py).
    Without the filter (several columns) nothing is said."""
    pg.goto(pg.base + "/?tab=slices&facet=Task&label=Sentiment:NEGATIVE")
    pg.wait_for_selector("#hm-sentiment .flat-slice", timeout=T)
    pg.wait_for_function("document.getElementById('hm-issues').data", timeout=T)
    said = pg.locator("#hm1-title").inner_text()
    assert said.startswith("Task × Sentiment: only “") and said.endswith("” in this filter")
    pg.goto(pg.base + "/?tab=slices&facet=Task")
    pg.wait_for_function(
        "document.getElementById('hm-sentiment').data && document.getElementById('hm-issues').data",
        timeout=T,
    )
    assert pg.locator("#hm1-title").inner_text() == "Task × Sentiment"
    assert pg.locator("#hm2-title").inner_text() == "Task × Issues"
