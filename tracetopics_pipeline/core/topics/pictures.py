"""Pictures of a map for the Dagster UI: Markdown tables of the parents and of the top topics,
and a scatterplot."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import duckdb

    from tracetopics_pipeline.core.topics.describe import TopicInfo

SUBTOPICS_SHOWN = 4  # per parent row; the rest is "+N more"


def parents_markdown(conn: duckdb.DuckDBPyConnection, map_id: str, facet: str) -> str:
    """The map's parent topics ranked by share, each with its largest subtopics: the table the
    Dagster UI shows for `topic_maps` (empty when the map has no parent rows)."""
    rows = conn.execute(
        """SELECT p.topic_id, p.label, coalesce(p.share, 0),
                  list(s.label ORDER BY s.size DESC, s.topic_id) FILTER (WHERE s.topic_id IS NOT NULL)
           FROM topics p
           LEFT JOIN topics s ON s.map_id = p.map_id AND s.parent_id = p.topic_id
                AND coalesce(s.level, 'sub') = 'sub'
           WHERE p.map_id = ? AND p.level = 'parent'
           GROUP BY p.topic_id, p.label, p.share
           ORDER BY coalesce(p.share, 0) DESC, p.topic_id""",
        [map_id],
    ).fetchall()
    if not rows:
        return ""
    n_subs = sum(len(r[3] or []) for r in rows)
    lines = [
        f"**{facet}**: {len(rows)} topics, {n_subs} subtopics",
        "",
        "| parent | share | subtopics |",
        "|---|---:|---|",
    ]
    for _, label, share, subs in rows:
        subs = [x.replace("|", "/") for x in subs or []]
        shown = ", ".join(subs[:SUBTOPICS_SHOWN])
        more = f" +{len(subs) - SUBTOPICS_SHOWN} more" if len(subs) > SUBTOPICS_SHOWN else ""
        lines.append(f"| {label.replace('|', '/')} | {share:.1%} | {shown}{more} |")
    return "\n".join(lines)


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
