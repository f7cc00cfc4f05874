"""Summarizing says how far it is, as embedding does (review rv12 L1: the demo printed nothing
for its 3.5 minutes of summarizing while embedding printed a line every 256 texts)."""

from __future__ import annotations

from factories.conversations import DAY1, DAY2

from tracetopics_pipeline.core.facets import stage as facet_stage
from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.facets.stage import summarize_days
from tracetopics_pipeline.core.facets.summarizers import make_summarizer


def test_summarize_days_reports_progress_to_the_last_trace(facet_wh, monkeypatch) -> None:
    monkeypatch.setattr(facet_stage, "BATCH", 1)  # a batch a trace: several lines on 6 traces
    heard: list[tuple[int, int]] = []
    summarize_days(
        facet_wh,
        [DAY1, DAY2],
        facets=load_facets(),
        summarizer=make_summarizer("local"),
        workers=1,
        progress=lambda done, total: heard.append((done, total)),
    )
    assert heard and heard[-1] == (6, 6)  # every trace of both days, said once at the end
    dones = [d for d, _ in heard]
    assert dones == sorted(set(dones)) and len(heard) >= 3  # rising, more than a last line


def test_progress_lines_come_every_step_of_the_total() -> None:
    heard: list[tuple[int, int]] = []
    p = facet_stage._Progress(lambda d, t: heard.append((d, t)), total=1_000, n_facets=2)
    for _ in range(200):  # 2,000 trace x facet summaries, 10 at a time
        p(10)
    p.finish()
    assert heard[-1] == (1_000, 1_000)
    steps = [b[0] - a[0] for a, b in zip(heard, heard[1:], strict=False)]
    assert len(heard) == 20 and all(s == 50 for s in steps)  # every 5 %: about 20 lines


def test_no_progress_line_a_step_short_of_the_last() -> None:
    # 9,001 traces: "9,000/9,001" then "9,001/9,001" said one thing twice (new-user walk)
    heard: list[tuple[int, int]] = []
    p = facet_stage._Progress(lambda d, t: heard.append((d, t)), total=9_001, n_facets=1)
    for _ in range(18):
        p(500)
    p(1)
    p.finish()
    assert heard[-1] == (9_001, 9_001)
    assert all(9_001 - d >= 450 for d, _ in heard[:-1])  # no line within 5 % of the end
    assert len(heard) >= 17  # still about a line each 5 %
