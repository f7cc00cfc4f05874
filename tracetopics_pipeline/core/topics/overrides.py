"""Topic merges made by a person: topic A's traces count as topic B's, across regenerations.

A merge is a row of topic_overrides (facet, topic_id = A, merged_into = B), next to renames and
pins (report.set_topic_override). The maps keep both ids, so identity matching still finds A's
cluster in the next map and the merge keeps applying; it takes effect in classifications:
`apply_merges` rewrites A to B when the merge is made and after every classification
(classify.classify_days). Parents and subtopics share one id space per facet, so a merged
parent is rewritten in `topic_id` and a merged subtopic in `subtopic_id`. The CLI
(`tracetopics topic merge`) and the explorer call `merge_topics`; nothing else writes merges.
`unmerge_topic` undoes one and classifies the target's days again: `tracetopics topic unmerge`
and the explorer's Undo both call it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.warehouse import NO_MATCH, first_row
from tracetopics_pipeline.core.wording import possessive

if TYPE_CHECKING:
    import duckdb

    from tracetopics_pipeline.core.settings import Settings
    from tracetopics_pipeline.core.topics.embedders import Embedder


class MergeRefused(ValueError):
    """A merge that cannot be made (same topic, unknown id, different levels, a cycle, a change
    of meaning) or undone (not merged)."""


def direct_merges(conn: duckdb.DuckDBPyConnection, facet: str) -> dict[int, int]:
    """Every merged topic id of `facet` (any case) and the topic a person merged it into (one
    step: in a chain A -> B -> C, A's is B)."""
    return {
        int(src): int(dst)
        for src, dst in conn.execute(
            "SELECT topic_id, merged_into FROM topic_overrides "
            "WHERE lower(facet) = lower(?) AND merged_into IS NOT NULL",
            [facet],
        ).fetchall()
    }


def merges(conn: duckdb.DuckDBPyConnection, facet: str) -> dict[int, int]:
    """Every merged topic id of `facet` (any case) and the id its traces now count as (chains
    followed)."""
    direct = direct_merges(conn, facet)
    out: dict[int, int] = {}
    for src in direct:
        seen, dst = {src}, direct[src]
        while dst in direct and dst not in seen:  # merge_topics refuses cycles; be safe anyway
            seen.add(dst)
            dst = direct[dst]
        out[int(src)] = int(dst)
    return out


def _latest_labels(conn: duckdb.DuckDBPyConnection, facet: str, ids: Iterable[int]) -> dict:
    from tracetopics_pipeline.core.topics.report import TOPIC_LATEST

    rows = conn.execute(
        "WITH " + TOPIC_LATEST + "SELECT topic_id, label FROM topic_latest "
        "WHERE lower(facet) = lower(?) AND topic_id IN (SELECT unnest(?::INTEGER[]))",
        [facet, sorted(set(ids))],
    ).fetchall()
    return dict(rows)


def merged_away(conn: duckdb.DuckDBPyConnection, facet: str) -> dict[int, list[dict[str, Any]]]:
    """Per topic id of `facet`, the topics whose traces count as it ({topic_id, label, into,
    into_label}, by id; `into` is the topic it was merged into, another merged topic in a
    chain): what a page lists under the target, each with its Undo. Reads the warehouse or a snapshot
    (both hold topic_overrides and topics)."""
    pairs, direct = merges(conn, facet), direct_merges(conn, facet)
    labels = _latest_labels(conn, facet, [*pairs, *direct.values()])
    out: dict[int, list[dict[str, Any]]] = {}
    for src, dst in sorted(pairs.items()):
        into = direct[src]  # in a chain, the topic between: its Undo puts src back there
        out.setdefault(dst, []).append(
            {
                "topic_id": src,
                "label": labels.get(src) or f"topic {src}",
                "into": into,
                "into_label": labels.get(into) or f"topic {into}",
            }
        )
    return out


def apply_merges(
    conn: duckdb.DuckDBPyConnection,
    facets: Sequence[str] | None = None,
    days: Sequence[date] | None = None,
) -> int:
    """Rewrite merged topic ids (and their labels) in classifications; returns rows changed.

    `facets` and `days` narrow the rewrite (classification passes the ones it just wrote).
    The caller holds the transaction.
    """
    if facets is None:
        facets = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT facet FROM topic_overrides WHERE merged_into IS NOT NULL"
            ).fetchall()
        ]
    has_sub = "subtopic_id" in warehouse.column_names(conn, "classifications")
    changed = 0
    for facet in facets:
        pairs = merges(conn, facet)
        if not pairs:
            continue
        labels = _latest_labels(conn, facet, pairs.values())
        src = list(pairs)
        dst = [pairs[s] for s in src]
        lab = [labels.get(d) for d in dst]
        day_sql = "AND c.day IN (SELECT unnest(?::DATE[]))" if days is not None else ""
        day_params = [list(days)] if days is not None else []
        mapping = (
            "(SELECT unnest(?::INTEGER[]) AS src, unnest(?::INTEGER[]) AS dst, "
            "unnest(?::VARCHAR[]) AS label) m"
        )
        columns = [("topic_id", "label")]
        if has_sub:
            columns.append(("subtopic_id", "subtopic"))
        for id_col, label_col in columns:
            res = conn.execute(
                f"""UPDATE classifications c
                    SET {id_col} = m.dst, {label_col} = coalesce(m.label, c.{label_col})
                    FROM {mapping}
                    WHERE c.facet = ? AND c.{id_col} = m.src {day_sql}""",
                [src, dst, lab, facet, *day_params],
            ).fetchall()
            changed += int(res[0][0]) if res else 0
    return changed


def _refuse_across_meanings(
    conn: duckdb.DuckDBPyConnection, facet: str, topic_id: int, into: int, level: str
) -> None:
    """A merge rewrites classifications in place, so it must not change what a trace means
    (review rv8 M1): a labelled facet's parents are its label values ("No issue" merged into
    "Failed tool calls" made every calm trace a failure), and a subtopic merged across parents
    kept its old parent ("SAML SSO › Dashboard to CSV"). A parent standing for a label value
    carries it in `facet_label`."""
    from tracetopics_pipeline.core.topics.report import TOPIC_LATEST

    rows = conn.execute(
        "WITH " + TOPIC_LATEST + "SELECT t.topic_id, t.label, t.parent_id, "
        "t.facet_label IS NOT NULL, p.label FROM topic_latest t "
        "LEFT JOIN topic_latest p ON p.facet = t.facet AND p.topic_id = t.parent_id "
        "WHERE t.facet = ? AND t.topic_id IN (?, ?)",
        [facet, topic_id, into],
    ).fetchall()
    info = {int(r[0]): r[1:] for r in rows}
    if level == "parent" and any(info.get(t, (None, None, False))[2] for t in (topic_id, into)):
        raise MergeRefused(
            f"{possessive(facet)} topics are the values of its label; a merge would relabel the traces. "
            "Merge two subtopics of one value, or change the labels in the facets file"
        )
    if level != "parent":
        (_, pa, _, pa_label), (_, pb, _, pb_label) = (
            info.get(t, (None, None, False, None)) for t in (topic_id, into)
        )
        if pa != pb:
            raise MergeRefused(
                f"subtopic {topic_id} is under “{pa_label or pa}” and {into} under "
                f"“{pb_label or pb}”; merge subtopics of one parent, or merge the two parents"
            )


def merge_topics(
    conn: duckdb.DuckDBPyConnection, facet: str, topic_id: int, into: int
) -> dict[str, Any]:
    """Merge `topic_id` into `into` (same facet, same level); takes effect at once and in
    every later classification. Returns the stored merge, the target's label and the topic its
    traces count as (the target, or where the target was merged itself)."""
    if topic_id == into:
        raise MergeRefused("a topic cannot be merged into itself")
    if NO_MATCH in (topic_id, into):
        raise MergeRefused("no_match is not a topic; it cannot be merged")
    has_level = "level" in warehouse.column_names(conn, "topics")
    level_sql = "max(coalesce(level, 'sub'))" if has_level else "'sub'"
    levels = dict(
        conn.execute(
            f"""SELECT topic_id, {level_sql} FROM topics
                WHERE facet = ? AND topic_id IN (?, ?) GROUP BY topic_id""",
            [facet, topic_id, into],
        ).fetchall()
    )
    for tid in (topic_id, into):
        if tid not in levels:
            raise MergeRefused(f"{facet} has no topic {tid}")
    if levels[topic_id] != levels[into]:
        raise MergeRefused(
            f"topic {topic_id} is a {levels[topic_id]} topic and {into} a {levels[into]} topic; "
            "merge topics of the same level"
        )
    _refuse_across_meanings(conn, facet, topic_id, into, levels[topic_id])
    target = merges(conn, facet).get(into, into)
    if target == topic_id:
        raise MergeRefused(f"topic {into} is already merged into {topic_id}")
    row = first_row(
        conn,
        "SELECT label, pinned FROM topic_overrides WHERE facet = ? AND topic_id = ?",
        [facet, topic_id],
    )
    label, pinned = (row[0], bool(row[1])) if row else (None, False)
    # The row says what the person did (A into B), not where the chain ends: topics already
    # merged into A follow it through `merges`, so undoing one merge of a chain restores exactly
    # what that merge changed (rv10 L-3: flattening A -> B, B -> C to A -> C, B -> C left A in C
    # when B's merge was undone).
    with warehouse.transaction(conn):
        if row:  # its rename, pin and the map's own name (auto_label) stay
            conn.execute(
                "UPDATE topic_overrides SET merged_into = ? WHERE facet = ? AND topic_id = ?",
                [into, facet, topic_id],
            )
        else:
            conn.execute(
                """INSERT INTO topic_overrides (facet, topic_id, label, pinned, merged_into)
                   VALUES (?, ?, ?, ?, ?)""",
                [facet, topic_id, label, pinned, into],
            )
        changed = apply_merges(conn, [facet])
    label_of = _latest_labels(conn, facet, [into, target])
    return {
        "facet": facet,
        "topic_id": topic_id,
        "merged_into": into,
        "label": label_of.get(into),
        "counts_as": target,  # `into`, or where `into` was merged itself
        "counts_as_label": label_of.get(target),
        "classifications": changed,
    }


def unmerge_topic(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    topic_id: int,
    *,
    settings: Settings,
    embedder: Embedder | None = None,
    notify: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Undo a person's merge of `topic_id` (its rename or pin stays) and classify again, with
    the current maps, the days whose classifications hold the merge's target: the maps kept
    both ids, so the traces split as the maps see them. In a chain (A into B, then B into C)
    each undo restores what its merge changed: undoing B's leaves A in B. The one way back, for the CLI
    (`tracetopics topic unmerge`) and the explorer's Undo. `notify` hears what is under way
    (re-classifying takes seconds). Returns the topic, its former target with both labels, and
    the days classified again."""
    from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
    from tracetopics_pipeline.core.topics.classify import classify_days

    into = direct_merges(conn, facet).get(topic_id)
    if into is None:
        raise MergeRefused(f"{facet} topic {topic_id} is not merged into another topic")
    target = merges(conn, facet)[topic_id]  # the id its traces are classified as now
    definition = find_facet(load_facets(settings.facets_file), facet)
    has_sub = "subtopic_id" in warehouse.column_names(conn, "classifications")
    either = "topic_id = ? OR subtopic_id = ?" if has_sub else "topic_id = ?"
    days = [
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT day FROM classifications WHERE facet = ? AND ({either}) ORDER BY day",
            [facet, target, target] if has_sub else [facet, target],
        ).fetchall()
    ]
    # The merge is undone and its days marked for re-classification in one commit: if this is
    # killed before classify_days ends, the next run finds the days stale (`stale_days`) and
    # splits them (review rv10 M-6: the traces used to stay in the target with nothing to undo).
    with warehouse.transaction(conn):
        conn.execute(
            "UPDATE topic_overrides SET merged_into = NULL WHERE facet = ? AND topic_id = ?",
            [facet, topic_id],
        )
        conn.execute(
            "DELETE FROM classify_rules WHERE facet = ? AND day IN (SELECT unnest(?::DATE[]))",
            [facet, days],
        )
    refused = None
    if days:
        if notify is not None:
            notify(f"classifying {len(days)} day{'' if len(days) == 1 else 's'} of {facet} again")
        stats = classify_days(conn, days, facets=[definition], settings=settings, embedder=embedder)
        refused = stats.refused.get(facet)
    labels = _latest_labels(conn, facet, [topic_id, into])
    return {
        "facet": facet,
        "topic_id": topic_id,
        "label": labels.get(topic_id),
        "merged_into": into,
        "into_label": labels.get(into),
        "days": len(days),
        "refused": refused,
    }
