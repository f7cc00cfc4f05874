"""Pictures of a map for the Dagster UI: a Markdown table of the top topics and a scatterplot."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from tracetopics_pipeline.core.topics.describe import TopicInfo


def topics_markdown(topics: list[TopicInfo], facet: str, top: int = 15) -> str:
    ranked = sorted(topics, key=lambda t: (-t.size, t.topic_id))[:top]
    lines = [
        f"**{facet}**: {len(topics)} topics (top {len(ranked)})",
        "",
        "| id | label | size | share | keywords |",
        "|---:|---|---:|---:|---|",
    ]
    for t in ranked:
        label = t.label.replace("|", "/")
        kws = ", ".join(t.keywords[:5]).replace("|", "/")
        lines.append(f"| {t.topic_id} | {label} | {t.size} | {t.share:.1%} | {kws} |")
    return "\n".join(lines)


def map_png(
    coords: np.ndarray,
    topic_ids: np.ndarray,
    topics: list[TopicInfo],
    *,
    title: str = "",
    max_points: int = 20_000,
) -> bytes:
    """Scatterplot of the map, a colour per topic, no_match in grey; legend = top topics."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = len(coords)
    idx = np.arange(n)
    if n > max_points:  # deterministic thinning keeps the picture fast to draw
        idx = idx[:: int(np.ceil(n / max_points))]
    fig, ax = plt.subplots(figsize=(8, 6), dpi=90)
    ranked = sorted(topics, key=lambda t: (-t.size, t.topic_id))
    cmap = plt.get_cmap("tab20")
    colour = {t.topic_id: cmap(i % 20) for i, t in enumerate(ranked)}
    pts = topic_ids[idx]
    noise = pts < 0
    if noise.any():
        ax.scatter(*coords[idx[noise]].T, s=3, c="#cccccc", linewidths=0, label="no_match")
    for i, t in enumerate(ranked):
        sel = idx[pts == t.topic_id]
        if len(sel) == 0:
            continue
        ax.scatter(
            *coords[sel].T,
            s=4,
            color=colour[t.topic_id],
            linewidths=0,
            label=f"{t.label[:40]} ({t.share:.0%})" if i < 10 else None,
        )
    ax.set_title(title)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.legend(fontsize=6, markerscale=3, loc="best", frameon=False)
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()
