"""A labelled facet in real Chromium on demo data (conftest's shared `demo_home`: three weeks of
demo traffic through the whole pipeline, every facet of the packaged facet file): review rv6 E4
(the Sentiment map placed its Negative points all over the plane) and E5 (the Label filter mixed
topic names with label values). Screenshots for a person: tests/explorer/e2e/artifacts/labelled-*.png."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from factories.browser import fresh_page

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.timeout(2400)]

ARTIFACTS = Path(__file__).parent / "artifacts"  # git-ignored
T = 60_000


@pytest.fixture(scope="module")
def demo_base(demo_home: Path, serve: Callable[[Path], str]) -> str:
    return serve(demo_home)


def test_a_labelled_facets_labels_are_counted_and_its_map_is_of_one_labels_reasons(
    browser, demo_base: str
) -> None:
    """E4: a map places a trace by its reason's words, so a label's points spread across the
    plane. At the labels' level the Map tab counts them (a bar, share and trend each, no plot,
    no legend) and says why; a label opens the map of its reasons, whose caption says what a
    place means. A free-text facet keeps its map and legend."""
    with fresh_page(browser, width=1440, height=900) as pg:
        pg.goto(demo_base + "/?tab=map&facet=Sentiment")
        pg.wait_for_selector("#map-plot .label-bars .lbar", timeout=T)
        labels = pg.evaluate(
            "fetch('/api/topics?facet=Sentiment&level=parent').then((r) => r.json())"
            ".then((d) => d.topics.map((t) => t.label))"
        )
        rows = pg.locator("#map-plot .lbar .lbar-name").all_inner_texts()
        assert [r.split(" · ")[0] for r in rows] == labels and len(labels) == 4
        assert "Negative sentiment" in labels
        assert pg.evaluate("!document.getElementById('map-plot').data")  # no scatter drawn
        assert pg.locator(".legend-card").is_hidden()  # the bars say what it would
        caption = pg.locator("#map-count").inner_text()
        assert "not by its label" in caption and "open one for the map of its reasons" in caption
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "labelled-bars.png"))

        neg = pg.locator("#map-plot .lbar", has_text="Negative sentiment")
        neg.locator("button[data-act=drill]").click()
        pg.wait_for_function("document.getElementById('map-plot').data?.length > 0", timeout=T)
        assert pg.evaluate("state.focus") is not None
        assert "Negative sentiment" in pg.locator("#map-crumbs").inner_text()
        caption = pg.locator("#map-count").inner_text()
        assert "close points give similar reasons" in caption and "Negative sentiment" in caption
        assert pg.locator(".legend-card").is_visible()
        pg.screenshot(path=str(ARTIFACTS / "labelled-reasons.png"))

        # All subtopics: the map of every label's reasons, said to ignore the label.
        pg.goto(demo_base + "/?tab=map&facet=Sentiment&level=sub")
        pg.wait_for_function("document.getElementById('map-plot').data?.length > 0", timeout=T)
        assert "whatever their label" in pg.locator("#map-count").inner_text()
        # A free-text facet: the map and its legend, no bars.
        pg.goto(demo_base + "/?tab=map&facet=Task")
        pg.wait_for_selector("#legend .legend-item", timeout=T)
        assert pg.locator("#map-plot .label-bars").count() == 0
        assert "reasons" not in pg.locator("#map-count").inner_text()


def test_the_map_picker_and_the_labels_count_say_what_each_counts(browser, demo_base: str) -> None:
    """Session 22 walk: Issues' map picker said "3,195 traces" beside "9,001 traces in 7
    labels", two counts of one thing to a PM. The picker counts the traces on the map, and says
    so; the labels' line says how many of its traces those are and which label is not placed."""
    with fresh_page(browser, width=1440, height=900) as pg:
        pg.goto(demo_base + "/?tab=map&facet=Issues")
        pg.wait_for_selector("#map-plot .label-bars .lbar", timeout=T)
        picked = pg.locator("#map-select option:checked").inner_text()
        assert picked.endswith(" traces on the map"), picked
        on_map = picked.split(" · ")[1].split(" ")[0]
        caption = pg.locator("#map-count").inner_text()
        assert f"; {on_map} of them are on the map, all but “No issue” (" in caption, caption
        placed = sum(int(x.replace(",", "")) for x in (on_map, caption.split("(")[1].split(")")[0]))
        assert caption.startswith(f"{placed:,} traces in ")  # the two counts add up
        # Sentiment places every label: its line names no left-out label.
        pg.goto(demo_base + "/?tab=map&facet=Sentiment")
        pg.wait_for_selector("#map-plot .label-bars .lbar", timeout=T)
        assert "all but" not in pg.locator("#map-count").inner_text()


def test_the_label_filter_reads_each_value_once_singular_in_the_facets_words(
    browser, demo_base: str
) -> None:
    """E5: the Label filter offered "Feature request: Bug fix requests" (plural, the name of its
    topic) beside "Improvement", and "Pricing question: Cost questions" beside "Custom quote".
    Every option is now "<facet>: <value's name>" from the facet file (Facet.label_names), in its
    order, the default label last."""
    with fresh_page(browser, width=1440, height=900) as pg:
        pg.goto(demo_base + "/?tab=topics&facet=Task")
        pg.wait_for_selector("#f-label optgroup", state="attached", timeout=T)
        groups = pg.evaluate(
            "Object.fromEntries([...document.querySelectorAll('#f-label optgroup')].map((g) =>"
            " [g.label, [...g.querySelectorAll('option')].map((o) => o.textContent)]))"
        )
        feature, pricing = groups["Feature request"], groups["Pricing question"]
        assert feature[0] == "Feature request: Bug fix request" and feature[-1].endswith(
            ": No request"
        )
        assert "Pricing question: Cost question" in pricing
        assert pricing[-1] == "Pricing question: No pricing question"
        assert groups["Churn risk"][-1] == "Churn risk: No churn signal"
        for facet, options in groups.items():
            for text in options:
                value = text.split(": ", 1)[1]
                assert text.startswith(facet + ": ") and not value.endswith("s"), text
        # A chip and a trace's pill read the same words.
        pg.select_option("#f-label", "Feature request:BUG_AS_REQUEST")
        pg.wait_for_selector("#chips :text('Feature request: Bug fix request')", timeout=T)
