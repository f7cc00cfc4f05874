"""Topics ranked by share, and human overrides (rename / pin).

Counts come from classifications (traces, not unique summaries); labels, keywords and sample
summaries are the topic's latest (ids are stable across maps). Overrides are stored per
(facet, stable topic id) in topic_overrides, applied at once to existing rows and re-applied
by every regeneration (`maps.build_map`), so they survive new maps.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.names import MAX_LABEL, NameRefused, check_name, name_key
from tracetopics_pipeline.core.topics.embed import configured_model_id
from tracetopics_pipeline.core.topics.maps import MAP_SORT_KEYS, current_map
from tracetopics_pipeline.core.warehouse import NO_MATCH, NO_MATCH_LABEL, first_row
from tracetopics_pipeline.core.warehouse.snapshot import publish_snapshot

if TYPE_CHECKING:
    from pathlib import Path

    import duckdb

    from tracetopics_pipeline.core.settings import Paths, Settings


# The latest label, keywords and representatives of every topic id (ids are stable across
# maps, so a trace classified by an older map still shows its topic's current name). Works on
# the warehouse and on the explorer's snapshot, which keep the same table names.
TOPIC_LATEST = f"""
topic_latest AS (
    SELECT tp.facet, tp.topic_id,
           arg_max(tp.label, k.sort_key) AS label,
           arg_max(tp.keywords, k.sort_key) AS keywords,
           arg_max(tp.representatives, k.sort_key) AS representatives,
           arg_max(coalesce(tp.pinned, false), k.sort_key) AS pinned,
           arg_max(tp.facet_label, k.sort_key) AS facet_label,
           arg_max(tp.parent_id, k.sort_key) AS parent_id
    FROM topics tp
    JOIN {MAP_SORT_KEYS} k ON k.map_id = tp.map_id
    GROUP BY tp.facet, tp.topic_id
)
"""


def ranked_topics(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    *,
    within: str | None = None,
    params: Sequence[Any] = (),
    day: date | None = None,
) -> list[dict[str, Any]]:
    """Parent topics of `facet` ranked by share of its classified traces, each with its
    `subtopics` ranked the same way: the one ranking the CLI, the explorer and the roadmap
    proposal show.

    `within` is a SELECT of trace ids (with its `params`) that narrows the traces, e.g. the
    explorer's filter; `day` keeps one UTC day. Each item (parent or subtopic): topic_id, label,
    keywords, representatives, pinned, facet_label (labelled facets: the label value, else
    None), count, share (of the facet's traces), and on parents `subtopics`, and on a labelled
    facet's parents `any_mention`: the traces listing the label at all, where `count` counts
    each trace under its first label only (`label_mentions`). A label that traces list but none
    has first has no topic: it comes after the parents as an item with `mention_only` True,
    topic_id None, count 0 and its `any_mention` (`_mention_only`). A facet's default label ("no
    issue") is a parent like the others; no_match is an item too (callers decide whether to
    show it). A topic that is its own parent (a map from
    before two levels) has no subtopics. Before anything of the facet is classified (and with
    no `day`: a day without traces has no topics), the current map's topics are ranked by
    their size in the map's sample of summaries, each parent marked `map_sample` (review rv6
    C1: those sizes were printed as a day's traffic).
    """
    ids = f"AND c.trace_id IN ({within})" if within else ""
    rows = conn.execute(
        f"""WITH {TOPIC_LATEST.strip()},
        per AS (
            SELECT c.topic_id, coalesce(c.subtopic_id, c.topic_id) AS sub_id,
                   any_value(c.label) AS parent_label,
                   any_value(coalesce(c.subtopic, c.label)) AS sub_label, count(*) AS n
            FROM classifications c
            WHERE lower(c.facet) = lower(?) AND (?::DATE IS NULL OR c.day = ?::DATE) {ids}
            GROUP BY 1, 2
        )
        SELECT per.topic_id, per.sub_id,
               CASE WHEN per.topic_id = {NO_MATCH} THEN '{NO_MATCH_LABEL}'
                    ELSE coalesce(pl.label, per.parent_label) END AS parent_label,
               coalesce(pl.keywords, []), coalesce(pl.representatives, []),
               coalesce(pl.pinned, false), pl.facet_label,
               CASE WHEN per.sub_id = {NO_MATCH} THEN '{NO_MATCH_LABEL}'
                    ELSE coalesce(sl.label, per.sub_label) END AS sub_label,
               coalesce(sl.keywords, []), coalesce(sl.representatives, []),
               coalesce(sl.pinned, false), sl.facet_label, per.n
        FROM per
        LEFT JOIN topic_latest pl ON lower(pl.facet) = lower(?) AND pl.topic_id = per.topic_id
        LEFT JOIN topic_latest sl ON lower(sl.facet) = lower(?) AND sl.topic_id = per.sub_id""",
        [facet, day, day, *params, facet, facet],
    ).fetchall()
    if rows or within or day is not None:
        parents = by_severity(facet, _ranked([(r[0], r[1], r[2:7], r[7:12], r[12]) for r in rows]))
        return _with_mentions(conn, facet, parents, ids, params, day)
    map_id = current_map(conn, facet)
    if map_id is None:
        return []
    rows = conn.execute(
        """SELECT s.topic_id, coalesce(s.parent_id, s.topic_id), p.label, p.keywords,
                  p.representatives, p.pinned, p.facet_label, s.label, s.keywords,
                  s.representatives, s.pinned, s.facet_label, coalesce(s.size, 0)
           FROM topics s LEFT JOIN topics p
             ON p.map_id = s.map_id AND p.topic_id = coalesce(s.parent_id, s.topic_id)
           WHERE s.map_id = ? AND coalesce(s.level, 'sub') <> 'parent'""",
        [map_id],
    ).fetchall()
    return [
        {**t, "map_sample": True}
        for t in by_severity(facet, _ranked([(r[1], r[0], r[2:7], r[7:12], r[12]) for r in rows]))
    ]


# Why a labelled facet's parents have no any-mention count (`any_mention` None). Readers never
# migrate: the command named adds the column in seconds (`migrate_and_publish`), where a run
# re-summarizes every day it runs.
MENTIONS_MISSING = (
    "not in this warehouse yet (its summaries predate keeping every label of a trace): "
    "`tracetopics migrate` adds them in seconds"
)


def label_mentions(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    *,
    within: str = "",
    params: Sequence[Any] = (),
    day: date | None = None,
) -> dict[str, int] | None:
    """Per label value (lower-cased, as topics.facet_label), how many of the facet's classified
    traces list it among their labels (facet_summaries.labels), first or not: a trace counts
    once in the shares, under its first label, and here under every one (Issues: each problem
    it had); like the shares, once per day it has rows on. `within` is ranked_topics' "AND
    c.trace_id IN (...)" with its `params`. {} for a facet without labels; None when the
    warehouse (or snapshot) predates the column and the facet has labels (MENTIONS_MISSING)."""
    if "labels" not in warehouse.column_names(conn, "facet_summaries"):
        row = first_row(
            conn,
            "SELECT bool_or(label IS NOT NULL) FROM facet_summaries WHERE lower(facet) = lower(?)",
            [facet],
        )
        return None if row and row[0] else {}
    # the summary of the classification's own day, each (day, trace) once per label: a trace
    # with rows on two days counts once a day, as ranked_topics' `count` does
    rows = conn.execute(
        f"""SELECT lower(l), count(DISTINCT (day, trace_id)) FROM (
                SELECT c.day, c.trace_id, unnest(f.labels) AS l
                FROM classifications c
                JOIN facet_summaries f
                  ON f.day = c.day AND f.trace_id = c.trace_id AND f.facet = c.facet
                WHERE lower(c.facet) = lower(?) AND (?::DATE IS NULL OR c.day = ?::DATE) {within}
            ) GROUP BY 1""",
        [facet, day, day, *params],
    ).fetchall()
    return {k: int(n) for k, n in rows}


def _with_mentions(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    parents: list[dict[str, Any]],
    within: str,
    params: Sequence[Any],
    day: date | None,
) -> list[dict[str, Any]]:
    """A labelled facet's parents with `any_mention` (label_mentions; None: MENTIONS_MISSING)."""
    if not any(p.get("facet_label") for p in parents):
        return parents
    counts = label_mentions(conn, facet, within=within, params=params, day=day)
    if counts == {}:  # a facet of names (Competitor mention): no labels to count
        return parents
    for p in parents:
        if p.get("facet_label") is not None and p["topic_id"] != NO_MATCH:
            p["any_mention"] = None if counts is None else counts.get(p["facet_label"], 0)
    listed = {p.get("facet_label") for p in parents}
    unlisted = sorted(
        (n, value) for value, n in (counts or {}).items() if n and value not in listed
    )
    return parents + [_mention_only(facet, value, n) for n, value in reversed(unlisted)]


def _mention_only(facet: str, value: str, n: int) -> dict[str, Any]:
    """A label some traces list but none has first (Issues: a loop that always came after a
    failed call): no topic stands for it, so it is an item of its own, `mention_only`, with no
    topic id, 0 traces counted and `any_mention` n; named as its topic would be
    (`label_parent_name`: "Loops")."""
    from tracetopics_pipeline.core.facets.definitions import FacetConfigError, load_facets
    from tracetopics_pipeline.core.topics.labels.cleaning import label_parent_name

    spec = None
    try:
        found = [f for f in load_facets() if f.name.lower() == facet.lower()]
    except FacetConfigError:
        found = []
    if found:
        spec = next((s for s in found[0].label_specs if s.name.lower() == value), None)
    name = label_parent_name(
        (spec.display if spec else "") or value, facet, title=getattr(spec, "title", "") or ""
    )
    return {
        "topic_id": None,
        "label": name,
        "facet_label": value,
        "keywords": [],
        "representatives": [],
        "pinned": False,
        "count": 0,
        "share": 0.0,
        "subtopics": [],
        "any_mention": n,
        "mention_only": True,
    }


def severity_labels(facet: str) -> list[str]:
    """The labels of `facet` most severe first when its definition says `severity_order: true`
    (Churn risk), else []. The facet file unreadable: [] (the lists rank by share)."""
    from tracetopics_pipeline.core.facets.definitions import FacetConfigError, load_facets

    try:
        facets = load_facets()
    except FacetConfigError:
        return []
    for f in facets:
        if f.name.lower() == facet.lower() and f.severity_order:
            return [str(lab).upper() for lab in f.labels or []]
    return []


def by_severity(facet: str, parents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`parents` (ranked by share) with a severity-ordered facet's label topics in its label
    order, then by share: CRITICAL before HIGH before MEDIUM however many traces each holds
    (review rv13 M6: "Medium churn risk" led the Churn risk list on volume). Topics without a
    label value (no_match) keep their place after them; other facets are returned as they are."""
    order = {lab: i for i, lab in enumerate(severity_labels(facet))}
    if not order:
        return parents

    def rank(t: dict[str, Any]) -> int:
        return order.get(str(t.get("facet_label") or "").upper(), len(order))

    return sorted(parents, key=rank)  # stable: share decides within a label


def unmapped_facets(conn: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Facets whose latest day's map waits (too few distinct summaries, vectors missing): none
    ever built, or an older one still shown. Each as topic_maps stores the waiting row: `facet`,
    `day` (the latest day), `detail`, `n_docs` (distinct summaries), `floor` (the floor that run
    used), and `shown_day`, the day of the map readers see instead (None: no map yet). What the
    run's closing lines, `tracetopics status` and `tracetopics topics` say."""
    rows = conn.execute(
        """SELECT facet, max(day), arg_max(detail, day), arg_max(n_docs, day),
                  arg_max(CAST(json_extract(params, '$.min_summaries') AS BIGINT), day),
                  max(day) FILTER (WHERE status = 'built')
           FROM topic_maps GROUP BY facet
           HAVING arg_max(status, day) <> 'built' ORDER BY facet"""
    ).fetchall()
    keys = ("facet", "day", "detail", "n_docs", "floor", "shown_day")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def listed_subtopics(parent: dict[str, Any]) -> list[dict[str, Any]]:
    """The subtopics a list shows under `parent` (a `ranked_topics` item): all of them, but a
    lone subtopic named as its parent (`names.name_key`: "SSO requests › SSO requests", a
    labelled facet's "No issue › No issue") says nothing the parent's row does not, and is left
    out. A lone subtopic of another name is listed: it says what the parent's traffic is. The
    one rule for `tracetopics topics` (text and --json) and the explorer's list; a list of
    every fine topic (the explorer's subtopic level) still has it."""
    subs = list(parent.get("subtopics") or [])
    if len(subs) == 1 and name_key(subs[0]["label"]) == name_key(parent["label"]):
        return []
    return subs


def classified_days(conn: duckdb.DuckDBPyConnection, facet: str) -> tuple[date, date, int] | None:
    """(first day, last day, how many days) with classified traces of `facet`, or None."""
    row = conn.execute(
        """SELECT min(day), max(day), count(DISTINCT day) FROM classifications
           WHERE lower(facet) = lower(?)""",
        [facet],
    ).fetchone()
    return (row[0], row[1], int(row[2])) if row and row[0] is not None else None


def _item(topic_id: int, described: Sequence[Any], count: int, total: int) -> dict[str, Any]:
    label, keywords, representatives, pinned, facet_label = described
    return {
        "topic_id": int(topic_id),
        "label": label,
        "facet_label": facet_label,  # labelled facets: the label value the topic stands for
        "keywords": list(keywords or []),
        "representatives": list(representatives or []),
        "pinned": bool(pinned),
        "count": int(count),
        "share": count / total if total else 0.0,
    }


def _ranked(rows: list[tuple[int, int, Sequence[Any], Sequence[Any], int]]) -> list[dict[str, Any]]:
    """(parent id, sub id, parent's label/keywords/representatives/pinned/facet_label, the
    sub's, count)
    rows → parents ranked by count with their subtopics ranked inside."""
    total = sum(r[4] for r in rows)
    parents: dict[int, dict[str, Any]] = {}
    for pid, sid, pdesc, sdesc, n in rows:
        parent = parents.setdefault(pid, {**_item(pid, pdesc, 0, total), "subtopics": []})
        parent["count"] += int(n)
        if sid != pid:
            parent["subtopics"].append(_item(sid, sdesc, n, total))
    out = []
    for p in parents.values():
        p["share"] = p["count"] / total if total else 0.0
        p["subtopics"].sort(key=lambda t: (-t["count"], t["topic_id"]))
        out.append(p)
    return sorted(out, key=lambda t: (-t["count"], t["topic_id"]))


def distinct_samples(texts: Sequence[str], n: int) -> list[str]:
    """The first `n` of `texts` that read differently: case and spacing aside (`name_key`), so
    "Our IT team..." and "Our it team..." are one sample, not two."""
    out: list[str] = []
    seen: set[str | None] = set()
    for text in texts:
        if (key := name_key(text)) not in seen:
            seen.add(key)
            out.append(text)
            if len(out) == n:
                break
    return out


def topic_list(
    conn: duckdb.DuckDBPyConnection, facet: str, day: date | None = None
) -> list[dict[str, Any]]:
    """The CLI's topic list: `ranked_topics` with two sample summaries per parent and
    subtopic (those `listed_subtopics` keeps), no_match last."""

    def sampled(t: dict[str, Any]) -> dict[str, Any]:
        return {**t, "samples": distinct_samples(t["representatives"], 2)}

    items = [
        {**sampled(t), "subtopics": [sampled(s) for s in listed_subtopics(t)]}
        for t in ranked_topics(conn, facet, day=day)
    ]
    return sorted(items, key=lambda t: t["topic_id"] == NO_MATCH)  # stable: keeps the ranking


def _refuse_sibling_name(
    conn: duckdb.DuckDBPyConnection, facet: str, topic_id: int, label: str
) -> None:
    """Two siblings of one name are one topic to a reader, and every classification folds them
    into one id (`classify.fold_same_names`): a rename onto a sibling's name would be a merge by
    accident. Siblings are the topics of the facet's current map under the same parent (parents:
    the other parents), compared as the fold compares them, but for case and spacing."""
    map_id = current_map(conn, facet)
    if map_id is None:
        return
    row = first_row(
        conn,
        """SELECT t.topic_id, t.label FROM topics t
           JOIN topics me ON me.map_id = t.map_id AND me.facet = t.facet AND me.topic_id = ?
           WHERE t.map_id = ? AND t.facet = ? AND t.topic_id <> me.topic_id
             AND coalesce(t.level, 'sub') = coalesce(me.level, 'sub')
             AND t.parent_id IS NOT DISTINCT FROM me.parent_id
             AND lower(regexp_replace(trim(t.label), '\\s+', ' ', 'g'))
                 = lower(regexp_replace(trim(?), '\\s+', ' ', 'g'))
             AND t.topic_id NOT IN (SELECT topic_id FROM topic_overrides
                                    WHERE facet = ? AND merged_into IS NOT NULL)
           LIMIT 1""",
        [topic_id, map_id, facet, label, facet],
    )
    if row:
        raise NameRefused(
            f"the new label '{label}' is the name of topic {row[0]}, a sibling: to make them one "
            f"topic, merge them (tracetopics topic merge {facet} {topic_id} --into {row[0]})"
        )


def set_topic_override(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    topic_id: int,
    *,
    label: str | None = None,
    pinned: bool | None = None,
) -> dict[str, Any]:
    """Rename and/or (un)pin a topic; unspecified fields keep their stored value.

    Returns the stored override. The new label shows at once in topics and classifications.
    An empty label clears a rename and brings back the map's own name (`auto_label`, kept at the
    first rename and by every regeneration), so the next regeneration names the topic again;
    `tracetopics topic rename --auto` (review rv12 L5: renaming back froze the name). One
    breaking the rule for typed names (core/names.py) raises NameRefused.
    """
    if label is not None and label.strip():
        label = check_name(label, what="the new label", max_len=MAX_LABEL)
        if " ".join(label.split()).lower() == NO_MATCH_LABEL:
            # no_match is the line for traces too far from every topic (-1), in every list and
            # mart: a topic of that name reads as unclassified traffic (review rv10 L-5).
            raise NameRefused(
                f"'{NO_MATCH_LABEL}' is reserved for traces too far from every topic; "
                "choose another label"
            )
        _refuse_sibling_name(conn, facet, topic_id, label)
    has_auto = "auto_label" in warehouse.column_names(conn, "topic_overrides")
    row = first_row(
        conn,
        "SELECT label, pinned, merged_into, "
        + ("auto_label" if has_auto else "NULL")
        + " FROM topic_overrides WHERE facet = ? AND topic_id = ?",
        [facet, topic_id],
    )
    old_label, old_pinned, merged_into, auto_label = (
        (row[0], bool(row[1]), row[2], row[3]) if row else (None, False, None, None)
    )
    if auto_label is None:  # the map's own name, before any rename: the latest machine label
        auto_label = _machine_label(conn, facet, topic_id)
    new_label = (label.strip() or None) if label is not None else old_label
    new_pinned = old_pinned if pinned is None else bool(pinned)
    back_to_auto = label is not None and not new_label and old_label and auto_label
    with warehouse.transaction(conn):
        conn.execute(
            "DELETE FROM topic_overrides WHERE facet = ? AND topic_id = ?", [facet, topic_id]
        )
        conn.execute(
            "INSERT INTO topic_overrides (facet, topic_id, label, pinned, merged_into"
            + (
                ", auto_label) VALUES (?, ?, ?, ?, ?, ?)"
                if has_auto
                else ") VALUES (?, ?, ?, ?, ?)"
            ),
            [facet, topic_id, new_label, new_pinned, merged_into]
            + ([auto_label] if has_auto else []),
        )
        conn.execute(
            "UPDATE topics SET pinned = ? WHERE facet = ? AND topic_id = ?",
            [new_pinned, facet, topic_id],
        )
        shown = new_label or (auto_label if back_to_auto else None)
        if shown:
            conn.execute(
                "UPDATE topics SET label = ?, label_source = ? WHERE facet = ? AND topic_id = ?",
                [shown, "override" if new_label else "auto", facet, topic_id],
            )
            conn.execute(
                "UPDATE classifications SET label = ? WHERE facet = ? AND topic_id = ?",
                [shown, facet, topic_id],
            )
            conn.execute(  # the same id may be a fine topic (one id space for both levels)
                "UPDATE classifications SET subtopic = ? WHERE facet = ? AND subtopic_id = ?",
                [shown, facet, topic_id],
            )
    return {
        "facet": facet,
        "topic_id": topic_id,
        "label": new_label,
        "pinned": new_pinned,
        "auto_label": auto_label,
    }


def _machine_label(conn: duckdb.DuckDBPyConnection, facet: str, topic_id: int) -> str | None:
    """The topic's name in its latest map as the map named it (not a person's rename)."""
    row = first_row(
        conn,
        "SELECT t.label FROM topics t LEFT JOIN topic_maps m ON m.map_id = t.map_id "
        "WHERE t.facet = ? AND t.topic_id = ? AND coalesce(t.label_source, '') <> 'override' "
        "ORDER BY m.day DESC NULLS LAST, t.map_id DESC LIMIT 1",
        [facet, topic_id],
    )
    return row[0] if row else None


def publish_for_readers(
    conn: duckdb.DuckDBPyConnection, snapshot_dir: Path, settings: Settings
) -> Path:
    """Publish the explorer's snapshot from `conn`, with the configured model's vectors (not the
    packaged one's): after a run, and after a person's rename, pin or merge from the page or the
    command line, so every reader shows the change at once."""
    return publish_snapshot(conn, snapshot_dir, embed_model=configured_model_id(conn, settings))


def migrate_and_publish(
    paths: Paths, settings: Settings, *, wait_s: float | None = None, read_copy: bool = False
) -> Path:
    """Open the warehouse as a writer, which brings an older one up to this version's tables
    (`warehouse.migrate`: facet_summaries.labels filled from the stored summaries), and publish
    the explorer's snapshot (and with `read_copy`, the BI read copy) from it: `tracetopics
    migrate`, and `tracetopics explore` at start on a snapshot from before every label was
    kept. Raises DuckDB's lock error (`wait_s` 0) or WarehouseLocked, and DuckDB's or the OS's
    error on a home that cannot be written (`warehouse.unwritable`)."""
    from tracetopics_pipeline.core.warehouse.read_copy import publish_read_copy

    with warehouse.connect(paths.warehouse, wait_s=wait_s, settings=settings) as conn:
        published = publish_for_readers(conn, paths.snapshot, settings)
        if read_copy:
            publish_read_copy(conn, paths.read_copy)
    return published
