"""Two-level topics and their names: parent and fine recovery, id retention, label quality.

Prints numbers; writes nothing outside a temp dir (an embedding cache under $TMPDIR).

- Demo traffic (`--parts demo`): `--days` + 1 days of generated traffic, every facet through the
  local summarizer, then the real stage function `maps.build_map` for every facet on the last
  two days (windows of `--days` days, shifted by one day), then the first day rebuilt again
  (a backfill after the later map exists). Per trace of the first window: fine topic = the
  nearest centroid (`classify.nearest_topics`), parent = its fine topic's parent; NMI / ARI
  against metadata.ground_truth.intent. Parent and fine ids kept across the one-day shift, and
  how many of them read differently (`names_kept`: each choice, renames by margin;
  `--names-margin=-inf` never keeps a name, the code before the rule); the rebuilt day's rows
  compared with its first build. Label audit (`labels.label_problems`,
  siblings = same map and level) over every map of every facet, both levels.
- Issues on tau_bench airline (`--parts tau`): facet_quality's task split, the local
  summarizer, `maps.build_map` for Issues; its topics and the label audit.
- Banking77 and SGD (`--parts b77,sgd`): the Task facet path (`cluster_texts`, then
  `maps.free_text_parents`) on parts fixed once: Banking77 dev and test2 = two disjoint
  3,000-row samples of train.csv (`banking77_parts`, seed 14), test = test.csv; SGD dev / test
  files. Fine and parent NMI / ARI; label fidelity (the share of traces whose topic's label is
  nearest, among the intent names, to the topic's majority intent; SGD: its intents without
  the service, "Reserve restaurant") for the previous labeller (central-summary phrase) and the
  names. `--fidelity-detail N` (dev only) says why names miss: the namer's candidates as
  scored, how often the candidate at each rank is nearest the right intent, the oracle over
  the top k, what refusals cost, the spread from resampling topics, and N missed topics.

Dev/test: the demo's dev set is seed 7 (the demo's own), its test set seed 11; anything tuned
was tuned on dev only. Banking77's test2 is measured once, at the end of a round.

    .venv/bin/python bench/topic_hierarchy.py [--parts demo,b77,sgd] [--split dev|test|test2|both]
        [--names-margin M] [--misses N] [--fidelity-detail N]

The label audit of names stored earlier, with today's audit: `--audit-warehouse PATH
[--every-map]` (a kept demo warehouse or a home's), `--audit-dump FILE...` (Banking77 / SGD
names a run wrote with `--dump DIR`). Each audit line ends with the parents' coverage
(`labels.support.coverage`).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import tempfile
import time
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl
from _common import DATASETS, load_avg

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder
from tracetopics_pipeline.core.topics.evaluate import scores
from tracetopics_pipeline.core.topics.labels.map_audit import audit_line, latest_maps
from tracetopics_pipeline.core.warehouse import query_pl

# ---------------------------------------------------------------- embeddings, cached by text

EMBEDDER = SentenceEmbedder()  # the packaged model, as the pipeline's default
MODEL = EMBEDDER.model_id()  # its id in summary_embeddings ('...@384')


def text_hash(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """all-MiniLM-L6-v2 vectors by text hash in a DuckDB file outside the repo (re-runs skip
    the slow part). Several bench runs share the file: each embeds what it lacks without
    holding it, so another run may have written the same texts meanwhile (`insert_new`)."""

    def __init__(
        self, settings: Settings, *, path: Path | None = None, embedder: object | None = None
    ) -> None:
        default = Path(tempfile.gettempdir()) / "tracetopics-bench" / "hier-emb2.duckdb"
        self.path = path or default
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.settings = settings
        self.embedder = embedder or EMBEDDER

    def vectors(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, warehouse.EMBED_DIM), np.float32)
        hashes = [text_hash(t) for t in texts]
        with self._connect() as conn:
            conn.register("_want", pl.DataFrame({"h": sorted(set(hashes))}))
            df = query_pl(
                conn,
                """SELECT e.text_hash, e.embedding FROM summary_embeddings e
                   JOIN _want w ON w.h = e.text_hash WHERE e.model = ?""",
                [MODEL],
            )
            have = (
                dict(
                    zip(
                        df["text_hash"].to_list(),
                        np.asarray(df["embedding"].to_list(), np.float32),
                        strict=True,
                    )
                )
                if len(df)
                else {}
            )
        todo = sorted({t for t, h in zip(texts, hashes, strict=True) if h not in have})
        if todo:  # embedded without holding the file: other bench runs share it
            vecs = np.asarray(self.embedder.embed(todo), np.float32)  # type: ignore[attr-defined]
            with self._connect() as conn:
                insert_new(conn, _frame(todo, vecs))
            have.update(zip([text_hash(t) for t in todo], vecs, strict=True))
        return np.stack([have[h] for h in hashes]).astype(np.float32)

    def _connect(self):  # a DuckDB connection, once no other run holds the file
        import duckdb

        for _ in range(900):  # another run holds the file: wait for it
            try:
                return warehouse.connect(self.path)
            except duckdb.IOException:
                time.sleep(1.0)
        return warehouse.connect(self.path)

    def fill(self, conn: object, texts: list[str]) -> None:
        """Put the vectors of `texts` into another warehouse's summary_embeddings."""
        uniq = sorted(set(texts))
        warehouse.insert_frame(conn, "summary_embeddings", _frame(uniq, self.vectors(uniq)))  # type: ignore[arg-type]
        conn.execute(  # type: ignore[attr-defined]
            "INSERT INTO embedding_models (model_id, name, dim) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [MODEL, EMBEDDER.name, EMBEDDER.dim],
        )


def insert_new(conn: object, frame: pl.DataFrame) -> None:
    """Insert embedding rows, skipping (text, model) keys already stored: another run that
    embedded the same texts at the same time wrote the same vectors."""
    conn.register("_new_vectors", frame)  # type: ignore[attr-defined]
    try:
        conn.execute(  # type: ignore[attr-defined]
            "INSERT OR IGNORE INTO summary_embeddings BY NAME SELECT * FROM _new_vectors"
        )
    finally:
        conn.unregister("_new_vectors")  # type: ignore[attr-defined]


def _frame(texts: list[str], vecs: np.ndarray) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "text_hash": [text_hash(t) for t in texts],
            "model": [MODEL] * len(texts),
            "embedding": pl.Series(vecs, dtype=pl.Array(pl.Float32, vecs.shape[1])).cast(
                pl.List(pl.Float32)
            ),
            "text": texts,
        }
    )


# ---------------------------------------------------------------- the label audit


_VECTORS: dict[str, np.ndarray] = {}  # the packaged model's vector of each text, this run


def audit_texts(*args: object, **kw: object) -> tuple[Counter, list[str]]:
    """`labels.map_audit.audit_texts` with the packaged model's vectors, cached this run."""
    from tracetopics_pipeline.core.topics.labels.map_audit import audit_texts as audit

    return audit(*args, embed=EMBEDDER.embed, vectors=_VECTORS, **kw)  # type: ignore[arg-type]


def foreign_children(
    sub_of_trace: np.ndarray, of_topic: np.ndarray, truth: list[str]
) -> tuple[int, float]:
    """Children (of a parent of several) whose majority intent is not their parent's: how
    many, and their share of the traces with a subtopic. `sub_of_trace`: each trace's fine
    topic (-1: none), aligned with `truth`. On a part whose parents join intents (Banking77,
    SGD) a child of a joined intent counts too: compare it before and after, not across
    parts."""
    by_child: dict[int, Counter] = {}
    for t, g in zip(np.asarray(sub_of_trace).tolist(), truth, strict=True):
        if t >= 0:
            by_child.setdefault(t, Counter())[g] += 1
    of = np.asarray(of_topic)
    by_parent: dict[int, Counter] = {}
    for t, c in by_child.items():
        by_parent.setdefault(int(of[t]), Counter()).update(c)
    n_kids = np.bincount(of)
    bad = [
        t
        for t, c in by_child.items()
        if n_kids[of[t]] > 1
        and c.most_common(1)[0][0] != by_parent[int(of[t])].most_common(1)[0][0]
    ]
    total = sum(sum(c.values()) for c in by_child.values()) or 1
    return len(bad), sum(sum(by_child[t].values()) for t in bad) / total


def coherence_line(
    centroids: np.ndarray, sizes: np.ndarray, of_topic: np.ndarray, names: list[str],
    parent_names: list[str],
) -> str:  # fmt: skip
    """The parent-coherence audit (`hierarchy.misplaced_children`) as one line: how many of
    the children of parents of several lie nearer another parent, and which."""
    from tracetopics_pipeline.core.topics.hierarchy import misplaced_children

    of = np.asarray(of_topic)
    multi = int((np.bincount(of)[of] > 1).sum())
    found = misplaced_children(np.asarray(centroids), np.asarray(sizes, float), of)
    said = "; ".join(
        f"{names[i]!r} in {parent_names[of[i]]!r}, nearer {parent_names[q]!r}" for i, q in found
    )
    return f"parent coherence: {len(found)}/{multi} children nearer another parent" + (
        f" ({said})" if said else ""
    )


def map_coherence(conn: object, map_id: str) -> str | None:
    """`coherence_line` of a built free-text map (None for a labelled facet's map)."""
    rows = conn.execute(  # type: ignore[attr-defined]
        """SELECT topic_id, label, size, centroid, parent_id, facet_label, level FROM topics
           WHERE map_id = ? ORDER BY topic_id""",
        [map_id],
    ).fetchall()
    parents = {r[0]: r[1] for r in rows if r[6] == "parent"}
    if any(r[5] is not None for r in rows if r[6] == "parent"):
        return None
    subs = [r for r in rows if r[6] == "sub" and r[4] in parents and r[3] is not None]
    if not subs:
        return None
    pids = sorted(parents)
    return coherence_line(
        np.array([r[3] for r in subs], np.float32), np.array([r[2] for r in subs], float),
        np.array([pids.index(r[4]) for r in subs]), [r[1] for r in subs],
        [parents[p] for p in pids],
    )  # fmt: skip


def audit_map(conn: object, map_id: str) -> tuple[Counter, list[str]]:
    """`labels.map_audit.audit_map` with the packaged model's vectors, cached this run."""
    from tracetopics_pipeline.core.topics.labels.map_audit import audit_map as audit

    return audit(conn, map_id, EMBEDDER.embed, _VECTORS)


def audit_warehouse(path: str, *, every_map: bool = False) -> None:
    """The label audit, per facet and kind, of each facet's latest map in a warehouse (a demo
    home's, or one a run above kept; `every_map`: every built map), opened read-only."""
    import duckdb

    conn = duckdb.connect(path, read_only=True)
    rows = latest_maps(conn, every_map=every_map)
    total: Counter = Counter()
    for facet, map_id in rows:
        c, lines = audit_map(conn, map_id)
        total += c
        print(f"  audit {facet} ({map_id}): {audit_line(c)}")
        if coherence := map_coherence(conn, map_id):
            print(f"    {coherence}")
        for line in lines:
            print(f"    flagged {line}")
    print(f"  audit, {len(rows)} maps: {audit_line(total)}")
    conn.close()


DUMP_DIR: Path | None = None  # --dump: where run_labelled writes what its audit read


def audit_dump(path: str) -> None:
    """The label audit of names a run wrote with --dump (the same map, audited again)."""
    d = json.loads(Path(path).read_text())
    labels = {(lvl, int(t)): n for lvl, t, n in d["labels"]}
    c, lines = audit_texts(
        labels, d["texts"], d["weights"], d["sub_of"], dict(enumerate(d["parent_of"]))
    )
    print(f"  audit {Path(path).stem}: {audit_line(c)}")
    for line in lines:
        print(f"    flagged {line}")


def fmt(s: dict) -> str:
    return f"NMI {s['nmi']:.3f} ARI {s['ari']:.3f} ({s['n_topics']} topics)"


# ---------------------------------------------------------------- demo traffic


def demo_summaries(
    seed: int, days: list[date], per_day: int, facets: list
) -> tuple[pl.DataFrame, dict[str, str]]:
    """The demo traffic of `seed` on `days` (`per_day` traces each, ids prefixed by the day)
    through the local summarizer for `facets`: facet_summaries rows, and each trace's true
    intent. radius_grid.py and this file's demo part build their summaries here."""
    from tracetopics_pipeline.core.facets.summarizers.local import LocalSummarizer
    from tracetopics_pipeline.demo.traffic import iter_traces

    truth: dict[str, str] = {}
    rows = []
    for i, day in enumerate(days):
        traces = list(iter_traces(day, per_day, seed=seed, progress=i / max(1, len(days) - 1)))
        for t in traces:
            t["id"] = f"{day}-{t['id']}"
            truth[t["id"]] = t["metadata"]["ground_truth"]["intent"]
        for o in LocalSummarizer().summarize(traces, facets).outputs:
            rows.append(
                {"day": day, "trace_id": o.trace_id, "facet": o.facet, "summary": o.summary,
                 "label": o.label, "status": o.status,
                 "text_hash": text_hash(o.summary) if o.summary else None}
            )  # fmt: skip
    return pl.DataFrame(rows), truth


def run_demo(seed: int, split: str, args: argparse.Namespace, settings: Settings) -> None:
    from tracetopics_pipeline.core.topics.classify import nearest_topics
    from tracetopics_pipeline.core.topics.maps import build_map

    cache = EmbeddingCache(settings)
    facets = load_facets()
    end = date(2026, 11, 20)
    n_days = args.days + 1
    days = [end - timedelta(days=n_days - 1 - i) for i in range(n_days)]
    t0 = time.perf_counter()
    data, truth = demo_summaries(seed, days, args.per_day, facets)
    summ_s = time.perf_counter() - t0
    print(
        f"\n== demo traffic, {split} (seed {seed}): {n_days} days x {args.per_day} traces, "
        f"{args.days}-day windows; summarized in {summ_s:.0f}s; load {load_avg()}"
    )
    tmp = Path(tempfile.mkdtemp(prefix="tt-hier-"))
    conn = warehouse.connect(tmp / "wh.duckdb")
    warehouse.insert_frame(conn, "facet_summaries", data)
    has_text = data.filter(pl.col("summary").is_not_null())
    cache.fill(conn, has_text["summary"].to_list())
    s = replace(settings, window_days=args.days)
    d0, d1 = days[-2:]
    built: dict[tuple[str, date], str] = {}
    shares: dict[tuple[str, date], list[tuple[str, float]]] = {}
    for day in (d0, d1):
        for f in facets:
            t1 = time.perf_counter()
            st = build_map(conn, day, facet=f.name, settings=s, definition=f)
            if st.status == "built":
                built[(f.name, day)] = st.map_id
                shares[(f.name, day)] = st.parents
            if f.name == "Task":
                print(f"  {st.map_id}: {st.detail}; {time.perf_counter() - t1:.0f}s")
                if day == d1:
                    task_next = st

    # Recovery over the first window, per trace (what classification does).
    tops = query_pl(
        conn,
        """SELECT topic_id, parent_id, centroid, radius FROM topics
           WHERE map_id = ? AND level = 'sub' ORDER BY topic_id""",
        [built[("Task", d0)]],
    )
    cents = np.asarray(tops["centroid"].to_list(), dtype=np.float32)
    task = data.filter(
        (pl.col("facet") == "Task") & (pl.col("day") <= d0) & (pl.col("status") == "ok")
    )
    x = cache.vectors(task["summary"].to_list())
    radii = tops["radius"].cast(pl.Float64).fill_null(float("nan")).to_numpy()
    idx, _ = nearest_topics(x, cents, max_distance=settings.no_match_distance, radii=radii)
    ids = np.array(tops["topic_id"].to_list() + [-1])
    pids = np.array(tops["parent_id"].to_list() + [-1])
    idx = np.where(idx < len(cents), idx, len(cents))
    gold = [truth[t] for t in task["trace_id"].to_list()]
    fine_s, parent_s = scores(gold, ids[idx]), scores(gold, pids[idx])
    print(
        f"  parent level {fmt(parent_s)}; fine level {fmt(fine_s)}; "
        f"no_match {float((idx < 0).mean()):.1%} of {len(idx)} traces"
    )
    ranked = conn.execute(
        """SELECT p.label, p.share, list(s.label ORDER BY s.size DESC, s.label)
           FROM topics p JOIN topics s ON s.map_id = p.map_id AND s.parent_id = p.topic_id
           WHERE p.map_id = ? AND p.level = 'parent' GROUP BY ALL ORDER BY p.share DESC""",
        [built[("Task", d0)]],
    ).fetchall()
    for label, share, kids in ranked[: args.show]:
        more = f"; +{len(kids) - 3} more" if len(kids) > 3 and not args.tree else ""
        print(
            f"    {share:5.1%}  {label:34s} <- {'; '.join(kids if args.tree else kids[:3])}{more}"
        )

    # Ids kept over the one-day shift.
    def ids_of(map_id: str, level: str) -> set[int]:
        return {
            r[0]
            for r in conn.execute(
                "SELECT topic_id FROM topics WHERE map_id = ? AND level = ?", [map_id, level]
            ).fetchall()
        }

    for level in ("parent", "sub"):
        a, b = ids_of(built[("Task", d0)], level), ids_of(built[("Task", d1)], level)
        print(
            f"  {level} ids kept after a one-day shift: {len(a & b)}/{len(a)} = "
            f"{len(a & b) / max(1, len(a)):.0%} ({len(b)} in the new map); "
            f"renamed: {task_next.names.renamed.get(level, 0)} of "
            f"{task_next.names.continued.get(level, 0)} kept ids"
        )
    names_kept_report(task_next, args.names_margin)
    # Rebuild the first day after the second exists (a backfill): the same rows?
    cols = "facet, topic_id, label, level, parent_id"
    before = conn.execute(
        f"SELECT {cols} FROM topics WHERE map_id LIKE ? ORDER BY ALL", [f"%@{d0}"]
    ).fetchall()
    for f in facets:
        build_map(conn, d0, facet=f.name, settings=s, definition=f)
    after = conn.execute(
        f"SELECT {cols} FROM topics WHERE map_id LIKE ? ORDER BY ALL", [f"%@{d0}"]
    ).fetchall()
    print(f"  first day rebuilt after the second: topics rows identical: {before == after}")

    # Label audit over every map, both levels (labels.audit_topics).
    total: Counter = Counter()
    bad: list[str] = []
    for map_id in sorted(built.values()):
        c, lines = audit_map(conn, map_id)
        total += c
        bad += [f"{map_id}: {x}" for x in lines]
        print(f"    audit {map_id}: {audit_line(c)}")
        if coherence := map_coherence(conn, map_id):
            print(f"      {coherence}")
    print(f"  label audit, {len(built)} maps, both levels: {audit_line(total)}")
    print(f"  (warehouse kept for --audit-warehouse: {tmp / 'wh.duckdb'})")
    for line in bad[:60]:
        print(f"    flagged {line}")
    for f in facets:
        if f.name != "Task" and (f.name, d0) in built:
            top = shares[(f.name, d0)][:8]
            print(f"  {f.name} (share of traces): " + "; ".join(f"{n} {s:.0%}" for n, s in top))
            if args.tree:  # every subtopic of each parent
                for label, _, kids in conn.execute(
                    """SELECT p.label, p.share, list(s.label ORDER BY s.size DESC, s.label)
                       FROM topics p JOIN topics s
                         ON s.map_id = p.map_id AND s.parent_id = p.topic_id
                       WHERE p.map_id = ? AND p.level = 'parent' GROUP BY ALL
                       ORDER BY p.share DESC""",
                    [built[(f.name, d0)]],
                ).fetchall():
                    print(f"      {label} <- {'; '.join(kids)}")
    conn.close()


def names_kept_report(st: object, margin: float) -> None:
    """The names-kept rule on the one-day shift (`names_kept.keep_names`): each continued topic
    whose new name differed, the score gain of the new name, what was chosen; and how many
    would be renamed at other margins (the choices only the margin decides)."""
    from tracetopics_pipeline.core.topics.names_kept import CLEARLY_BETTER

    choices = st.names.choices  # type: ignore[attr-defined]
    open_ = [c for c in choices if c.kept or c.why == CLEARLY_BETTER]
    base = sum(st.names.renamed.values()) + sum(c.kept for c in choices)  # type: ignore[attr-defined]
    sweep = ", ".join(
        f"{m:g}: {base - sum(c.gain <= m for c in open_)}"
        for m in (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3)
    )
    print(
        f"  names (margin {margin:g}): {len(choices)} continued topics named differently today, "
        f"{sum(c.kept for c in choices)} kept their name; renames (both levels) by margin "
        f"(other checks as run): {sweep}"
    )
    for c in sorted(choices, key=lambda c: (c.level, -c.gain)):
        verdict = "kept" if c.kept else f"renamed ({c.why})"
        print(
            f"    {c.level:6s} {c.topic_id:4d} {c.previous!r} -> {c.new!r}: gain {c.gain:+.3f}, {verdict}"
        )


# ---------------------------------------------------------------- labelled datasets


# Banking77's train.csv holds two parts, fixed once: shuffled with SPLIT_SEED, the first
# PART_ROWS rows are dev (tuned on) and the next PART_ROWS are test2 (held out: measured once,
# at the end of a round). test.csv is the dataset's own test part (read while tuning earlier).
SPLIT_SEED = 14
PART_ROWS = 3000


def banking77_parts(n_rows: int) -> dict[str, list[int]]:
    """Row numbers of train.csv in the dev and test2 parts (disjoint by construction)."""
    order = list(range(n_rows))
    random.Random(SPLIT_SEED).shuffle(order)
    parts = {"dev": order[:PART_ROWS], "test2": order[PART_ROWS : 2 * PART_ROWS]}
    assert not set(parts["dev"]) & set(parts["test2"]), "dev and test2 overlap"
    return parts


def banking77(split: str) -> tuple[str, list[dict], list[str]]:
    """dev / test2 = two disjoint 3,000-row samples of train.csv (`banking77_parts`), test =
    test.csv (the dataset's own test part)."""
    path = DATASETS / "banking77" / ("test.csv" if split == "test" else "train.csv")
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    if split != "test":
        rows = [rows[i] for i in sorted(banking77_parts(len(rows))[split])]
    traces = [
        {"id": f"b77-{i}", "messages": [{"role": "user", "content": r["text"]}]}
        for i, r in enumerate(rows)
    ]
    return f"banking77-{split}", traces, [r["category"] for r in rows]


def sgd(split: str) -> tuple[str, list[dict], list[str]]:
    """dev = sgd_dev_compact, test = sgd_test_compact; gold = the first intent."""
    name = "sgd_dev_compact.jsonl" if split == "dev" else "sgd_test_compact.jsonl"
    traces, gold = [], []
    with open(DATASETS / "sgd_compact" / name) as fh:
        for line in fh:
            d = json.loads(line)
            if not d.get("intents"):
                continue
            msgs = [
                {"role": "user" if t["speaker"] == "USER" else "assistant",
                 "content": t["utterance"]}
                for t in d["turns"]
            ]  # fmt: skip
            traces.append({"id": d["dialogue_id"], "messages": msgs})
            gold.append(d["intents"][0])
    return f"sgd-{split}", traces, gold


def intent_words(intent: str) -> str:
    """An SGD intent as words: "Restaurants_2:ReserveRestaurant" -> "Reserve restaurant" (the
    service's number is not in the name: the same intent of two service versions is one)."""
    name = intent.rpartition(":")[2]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).capitalize()


def label_fidelity(
    per_trace: np.ndarray,
    gold: list[str],
    names: dict[int, str],
    intents: list[str],
    cache,
    misses: int = 0,
) -> float:
    """Share of traces (in a topic) whose topic's label is nearest, among the intent names
    (ids with _ as spaces), to the topic's majority intent."""
    e_int = cache.vectors([n.replace("_", " ") for n in intents])
    topics = sorted(names)
    e_lab = cache.vectors([names[t] for t in topics])
    nearest = {t: intents[int(np.argmax(e_int @ e_lab[i]))] for i, t in enumerate(topics)}
    maj: dict[int, Counter] = {}
    for t, g in zip(per_trace.tolist(), gold, strict=True):
        if t >= 0:
            maj.setdefault(t, Counter())[g] += 1
    hit = total = 0
    missed = []
    for t, c in maj.items():
        n = sum(c.values())
        total += n
        hit += n if nearest.get(t) == c.most_common(1)[0][0] else 0
        if nearest.get(t) != c.most_common(1)[0][0]:
            missed.append(
                (n, f"{names[t]!r} ({n}): nearest {nearest.get(t)}, is {c.most_common(1)[0][0]}")
            )
    for _, line in sorted(missed, reverse=True)[:misses]:
        print(f"    missed {line}")
    return hit / max(total, 1)


def fidelity_detail(
    res,
    texts: list[str],
    x: np.ndarray,
    weights: np.ndarray,
    per_trace: np.ndarray,
    gold: list[str],
    intents: list[str],
    old: dict[int, str],
    cache,
    show: int,
) -> None:
    """Why the names miss (`--fidelity-detail N`, dev parts only). The namer is run again on the
    same map with `detail` (`labels.naming.name_topics`): its candidates as scored, before any
    is refused. Prints how often the candidate at each rank is nearest the majority intent,
    the best of the top k (an oracle: it reads the answer), what the refusals cost, how far
    resampling the topics moves the figure, then the `show` biggest topics whose name misses:
    the name, the previous labeller's, the top candidates with their scores and nearest intents,
    and the oracle's pick."""
    from tracetopics_pipeline.core.topics.labels.labellers import default_embedder
    from tracetopics_pipeline.core.topics.labels.naming import name_topics, naming_inputs

    xn = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    cents = np.stack([t.centroid for t in res.topics])
    keywords = {i: t.keywords for i, t in enumerate(res.topics)}
    inputs = naming_inputs(texts, xn, res.labels, cents, weights, keywords)
    ranked: dict[int, list[tuple[float, str]]] = {}
    names = name_topics(inputs, embed=default_embedder(), detail=ranked)
    same = sum(names[i] == t.label for i, t in enumerate(res.topics))
    e_int = cache.vectors([n.replace("_", " ") for n in intents])

    def nearest(labels: list[str]) -> list[str]:
        return (
            [intents[j] for j in (cache.vectors(labels) @ e_int.T).argmax(axis=1)] if labels else []
        )

    maj: dict[int, Counter] = {}
    for t, g in zip(per_trace.tolist(), gold, strict=True):
        if t >= 0:
            maj.setdefault(t, Counter())[g] += 1
    depth = 10
    at, upto = np.zeros(depth), np.zeros(depth)
    oracle = refused_loss = refused_gain = total = 0
    rows, sizes, hits = [], [], []
    for t, c in sorted(maj.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        n, want = sum(c.values()), c.most_common(1)[0][0]
        cands = [ph for _, ph in ranked.get(t, [])]
        near = nearest(cands)
        ok = [v == want for v in near]
        name_ok, old_ok = (v == want for v in nearest([names[t], old[t]]))
        top = np.array((ok + [False] * depth)[:depth])
        at += n * top
        upto += n * np.maximum.accumulate(top)
        oracle += n * any(ok)
        if cands and cands[0] != names[t]:  # the best-scored candidate was refused
            refused_loss += n * (ok[0] and not name_ok)
            refused_gain += n * (name_ok and not ok[0])
        total += n
        sizes.append(n)
        hits.append(name_ok)
        rows.append((t, n, want, c[want] / n, name_ok, old_ok, ranked.get(t, []), ok, near))
    sizes_a, hits_a = np.array(sizes), np.array(hits)
    rng = np.random.default_rng(0)
    boot = []
    for _ in range(1000):  # the topics of another sample of the same traffic
        ix = rng.integers(0, len(sizes_a), len(sizes_a))
        boot.append((sizes_a[ix] * hits_a[ix]).sum() / sizes_a[ix].sum())
    print(
        f"  fidelity detail: names re-made with the diagnostic: {same}/{len(res.topics)} identical; "
        f"names {(sizes_a * hits_a).sum() / total:.3f}, any candidate (oracle) {oracle / total:.3f}"
    )
    print("    rank-r candidate nearest the majority intent (r = 0..9): "
          + " ".join(f"{v:.2f}" for v in at / total))  # fmt: skip
    print("    best of the top k (oracle, k = 1..10):                    "
          + " ".join(f"{v:.2f}" for v in upto / total))  # fmt: skip
    print(
        f"    the best-scored candidate refused: costs {refused_loss / total:.3f}, "
        f"gains {refused_gain / total:.3f}; resampling the topics: sd {np.std(boot):.3f}"
    )
    missed = [r for r in rows if not r[4]]
    for t, n, want, purity, name_ok, old_ok, cands, ok, near in missed[:show]:
        mark = "+" if name_ok else "-"
        print(
            f"    #{t} ({n} traces, {purity:.0%} {want}): name {names[t]!r} {mark}; "
            f"previous labeller {old[t]!r} {'+' if old_ok else '-'}"
        )
        for r, (sc, ph) in enumerate(cands[:5]):
            print(f"        {r:2d} {sc:6.3f} {'+' if ok[r] else ' '} {ph}  ({near[r]})")
        first = next((r for r, v in enumerate(ok) if v), None)
        if first is not None and first >= 5:
            print(f"        oracle: rank {first} {cands[first][0]:6.3f} + {cands[first][1]}")


def task_summaries(traces: list[dict]) -> list[str | None]:
    """Each trace's local Task summary (None when the summarizer gave none)."""
    from tracetopics_pipeline.core.facets.summarizers.local import LocalSummarizer

    task = [f for f in load_facets() if f.name == "Task"]
    by_id = {
        o.trace_id: (o.summary if o.status == "ok" else None)
        for o in LocalSummarizer().summarize(traces, task).outputs
    }
    return [by_id.get(str(t["id"])) for t in traces]


def distinct_task_texts(
    traces: list[dict], cache: EmbeddingCache
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """The traces' distinct Task summaries (sorted), each trace's index into them (-1: none),
    their vectors and their trace counts: what a map clusters."""
    summaries = task_summaries(traces)
    uniq = sorted({s for s in summaries if s})
    index = {s: i for i, s in enumerate(uniq)}
    doc = np.array([index[s] if s else -1 for s in summaries])
    weights = np.bincount(doc[doc >= 0], minlength=len(uniq)).astype(float)
    return uniq, doc, cache.vectors(uniq), weights


def run_labelled(
    name: str,
    traces: list[dict],
    gold: list[str],
    settings: Settings,
    misses: int = 0,
    detail: int | None = None,
) -> None:
    from tracetopics_pipeline.core.topics.describe import cluster_texts
    from tracetopics_pipeline.core.topics.labels.labellers import TopicDescription, local_label
    from tracetopics_pipeline.core.topics.maps import free_text_parents

    cache = EmbeddingCache(settings)
    uniq, doc, x, weights = distinct_task_texts(traces, cache)
    t0 = time.perf_counter()
    res = cluster_texts(uniq, x, settings=settings, weights=weights.tolist())
    fine_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    parents = free_text_parents(res, uniq, x, weights)
    parent_s = time.perf_counter() - t0
    fine_doc = np.append(res.labels, -1)[doc]
    parent_of = np.append(parents.of_topic, -1)
    parent_doc = parent_of[np.where(fine_doc >= 0, fine_doc, -1)]
    print(
        f"\n== {name}: {len(traces)} traces, {len(uniq)} unique Task summaries, "
        f"{len(set(gold))} intents; fine map {fine_s:.0f}s, parents + names {parent_s:.0f}s; "
        f"load {load_avg()}"
    )
    print(
        f"  fine level   {fmt(scores(gold, fine_doc))}; no_match "
        f"{float((fine_doc < 0).mean()):.1%} of traces"
    )
    print(f"  parent level {fmt(scores(gold, parent_doc))}")
    names = [t.label for t in res.topics]
    n_bad, share = foreign_children(fine_doc, parents.of_topic, gold)
    print(
        "  "
        + coherence_line(
            np.stack([t.centroid for t in res.topics]),
            np.array([t.size for t in res.topics]),
            parents.of_topic,
            names,
            parents.labels,
        )  # fmt: skip
        + f"; foreign children (majority intent not the parent's) {n_bad} ({share:.1%} of traces)"
    )
    labels = {("sub", i): n for i, n in enumerate(names)}
    labels.update({("parent", q): n for q, n in enumerate(parents.labels)})
    if DUMP_DIR is not None:  # what the audit reads, to audit these names again later
        dump = {
            "labels": [[lvl, t, n] for (lvl, t), n in sorted(labels.items())],
            "texts": uniq, "weights": weights.tolist(), "sub_of": res.labels.tolist(),
            "parent_of": parents.of_topic.tolist(),
        }  # fmt: skip
        (DUMP_DIR / f"{name}.json").write_text(json.dumps(dump))
    c, lines = audit_texts(
        labels, uniq, weights.tolist(), res.labels.tolist(),
        dict(enumerate(parents.of_topic.tolist())),
    )  # fmt: skip
    print(f"  label audit, both levels: {audit_line(c)}")
    for line in lines[:20]:
        print(f"    flagged {line}")
    if name.startswith(("banking77", "sgd")):
        if name.startswith("banking77"):
            intents = json.loads((DATASETS / "banking77" / "categories.json").read_text())
        else:  # SGD: intent names without their service ("Reserve restaurant")
            gold = [intent_words(g) for g in gold]
            intents = sorted(set(gold))
        old = {
            i: local_label(TopicDescription(i, t.keywords, t.representatives))
            for i, t in enumerate(res.topics)
        }
        new = dict(enumerate(names))
        print(
            "  label fidelity (label nearest its majority intent, share of traces): "
            f"previous labeller {label_fidelity(fine_doc, gold, old, intents, cache):.3f}, "
            f"names {label_fidelity(fine_doc, gold, new, intents, cache, misses):.3f}"
        )
        print("  e.g. " + "; ".join(f"{old[i]} -> {new[i]}" for i in range(min(5, len(new)))))
        if detail is not None:
            fidelity_detail(res, uniq, x, weights, fine_doc, gold, intents, old, cache, detail)


# ---------------------------------------------------------------- subsets ("Cluster this subset")

SUBSET_MIN, SUBSET_MAX = 100, 400  # traces: what a person filters to in the explorer


def subset_picks(
    meta: list[dict[str, str]], rng: random.Random, n_random: int = 3
) -> list[tuple[str, list[int]]]:
    """Subsets of SUBSET_MIN-SUBSET_MAX traces: every value of each metadata field that holds
    that many (a customer, a plan, a channel, a service), then `n_random` random samples of
    100, 200 and 400 traces."""
    out: list[tuple[str, list[int]]] = []
    fields = sorted({k for m in meta for k in m})
    for f in fields:
        groups: dict[str, list[int]] = {}
        for i, m in enumerate(meta):
            if f in m:
                groups.setdefault(m[f], []).append(i)
        for v, ix in sorted(groups.items()):
            if SUBSET_MIN <= len(ix) <= SUBSET_MAX:
                out.append((f"{f}={v}", ix))
    for size in (100, 200, 400):
        for r in range(n_random):
            if size < len(meta):
                out.append((f"random {size} #{r + 1}", sorted(rng.sample(range(len(meta)), size))))
    return out


def run_subsets(
    name: str,
    traces: list[dict],
    gold: list[str],
    meta: list[dict[str, str]],
    settings: Settings,
    *,
    show: int = 3,
) -> None:
    """`maps.cluster_levels` (the explorer's "Cluster this subset") on subsets of a part:
    parents and subtopics per subset, parent NMI / ARI against the gold intent, and the label
    audit of every answer (both levels)."""
    from tracetopics_pipeline.core.topics.labels.labellers import LocalLabeler
    from tracetopics_pipeline.core.topics.maps import cluster_levels

    cache = EmbeddingCache(settings)
    summaries = task_summaries(traces)
    task_facet = next(f for f in load_facets() if f.name == "Task")
    picks = subset_picks(meta, random.Random(SPLIT_SEED))
    print(
        f"\n== subsets of {name}: {len(picks)} subsets of {SUBSET_MIN}-{SUBSET_MAX} traces "
        f"(by metadata field, and random); load {load_avg()}"
    )
    total: Counter = Counter()
    stats = []
    t0 = time.perf_counter()
    for label, ix in picks:
        texts = [summaries[i] for i in ix if summaries[i]]
        g = [gold[i] for i in ix if summaries[i]]
        counts = Counter(texts)
        uniq = sorted(counts)
        if len(uniq) < 10:  # the explorer's MIN_TEXTS
            continue
        x = cache.vectors(uniq)
        levels = cluster_levels(
            uniq, x, settings=settings, weights=[float(counts[u]) for u in uniq], seed=42,
            labeler=LocalLabeler(EMBEDDER.embed), facet="Task", definition=task_facet,
            embed=EMBEDDER.embed,
        )  # fmt: skip
        subs = levels.subs
        labels = {("sub", t.topic_id): t.label for t in subs.topics}
        labels.update({("parent", q.topic_id): q.label for q in levels.parents})
        c, lines = audit_texts(
            labels, uniq, [float(counts[u]) for u in uniq], subs.labels.tolist(),
            dict(enumerate(levels.parent_of)),
        )  # fmt: skip
        total += c
        sub_of = dict(zip(uniq, subs.labels.tolist(), strict=True))
        parent_of = [*levels.parent_of, -1]
        per_trace = np.array([parent_of[sub_of[t]] for t in texts])
        sc = scores(g, per_trace)
        stats.append((len(subs.topics), len(levels.parents), sc["nmi"], sc["ari"]))
        print(
            f"  {label:28s} {len(texts):4d} traces: {len(levels.parents):2d} parents over "
            f"{len(subs.topics):2d} subtopics; parent NMI {sc['nmi']:.3f} ARI {sc['ari']:.3f}; "
            f"audit {c['bad']}/{c['labels']}"
        )
        for line in lines[:4]:
            print(f"      flagged {line}")
        if show:
            show -= 1
            kids: dict[int, list[str]] = {}
            for t, q in zip(subs.topics, levels.parent_of, strict=True):
                kids.setdefault(q, []).append(t.label)
            for q in levels.parents:
                print(f"      {q.label}  <-  {'; '.join(kids.get(q.topic_id, []))}")
    if stats:
        a = np.array(stats, dtype=float)
        ratio = a[:, 0] / np.maximum(a[:, 1], 1)
        print(
            f"  {len(stats)} subsets in {time.perf_counter() - t0:.0f}s: subtopics per parent "
            f"mean {ratio.mean():.1f} (max {ratio.max():.1f}); parents {int(a[:, 1].min())}-"
            f"{int(a[:, 1].max())}; mean parent NMI {a[:, 2].mean():.3f} ARI "
            f"{a[:, 3].mean():.3f}; label audit {audit_line(total)}"
        )


def demo_part(seed: int, days: int = 10, per_day: int = 300) -> tuple[list[dict], list[str]]:
    """Generated demo traces of `days` days (ids unique across days) and their intents."""
    from tracetopics_pipeline.demo.traffic import iter_traces

    end = date(2026, 11, 20)
    traces = []
    for i in range(days):
        day = end - timedelta(days=days - 1 - i)
        for t in iter_traces(day, per_day, seed=seed, progress=i / max(1, days - 1)):
            t["id"] = f"{day}-{t['id']}"
            traces.append(t)
    return traces, [t["metadata"]["ground_truth"]["intent"] for t in traces]


def subsets_of(part: str, split: str) -> tuple[str, list[dict], list[str], list[dict]]:
    """A part's traces, gold intents and the metadata fields its subsets are cut by."""
    if part == "demo":
        traces, gold = demo_part({"dev": 7, "test": 11}[split])
        keys = ("customer", "plan_tier", "channel")
        meta = [{k: t["metadata"][k] for k in keys} for t in traces]
        return f"demo {split}", traces, gold, meta
    if part == "b77":
        name, traces, gold = banking77(split)
        return name, traces, gold, [{} for _ in traces]
    name, traces, gold = sgd(split)
    return name, traces, gold, [{"service": g.partition(":")[0]} for g in gold]


# ---------------------------------------------------------------- a labelled facet elsewhere


def run_tau(split: str, settings: Settings) -> None:
    """Issues on tau_bench airline trajectories (facet_quality's loader, the same task split):
    the local summarizer, then `maps.build_map` for Issues over one day; its parents and
    subtopics, and the label audit per kind."""
    from facet_quality import tau_parts

    from tracetopics_pipeline.core.facets.summarizers.local import LocalSummarizer
    from tracetopics_pipeline.core.topics.maps import build_map

    path = DATASETS / "tau_bench"
    if not path.exists():
        print(f"\n== tau_bench Issues: skipped, {path} not found")
        return
    traces = tau_parts(path)[split]
    facet = next(f for f in load_facets() if f.name == "Issues")
    day = date(2026, 11, 20)
    rows = [
        {"day": day, "trace_id": o.trace_id, "facet": o.facet, "summary": o.summary,
         "label": o.label, "status": o.status,
         "text_hash": text_hash(o.summary) if o.summary else None}
        for o in LocalSummarizer().summarize(traces, [facet]).outputs
    ]  # fmt: skip
    data = pl.DataFrame(rows)
    tmp = Path(tempfile.mkdtemp(prefix="tt-tau-"))
    conn = warehouse.connect(tmp / "wh.duckdb")
    warehouse.insert_frame(conn, "facet_summaries", data)
    EmbeddingCache(settings).fill(
        conn, data.filter(pl.col("summary").is_not_null())["summary"].to_list()
    )
    st = build_map(
        conn, day, facet="Issues", settings=replace(settings, window_days=1), definition=facet
    )
    print(f"\n== tau_bench airline Issues, {split} part ({len(traces)} trajectories): {st.detail}")
    if st.status != "built":
        return
    for label, share, kids in conn.execute(
        """SELECT p.label, p.share, list(s.label || ' (' || s.size || ')' ORDER BY s.size DESC)
           FROM topics p JOIN topics s ON s.map_id = p.map_id AND s.parent_id = p.topic_id
           WHERE p.map_id = ? AND p.level = 'parent' GROUP BY ALL ORDER BY p.share DESC""",
        [st.map_id],
    ).fetchall():
        print(f"    {share:5.1%}  {label} <- {'; '.join(kids)}")
    print(f"  (warehouse kept for --audit-warehouse: {tmp / 'wh.duckdb'})")
    c, lines = audit_map(conn, st.map_id)
    print(f"  label audit, both levels: {audit_line(c)}")
    for line in lines:
        print(f"    flagged {line}")
    conn.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--parts",
        default="demo,b77,sgd",
        help="demo, b77, sgd; demo-subsets, b77-subsets, sgd-subsets: the explorer's subsets",
    )
    ap.add_argument(
        "--split",
        choices=["dev", "test", "test2", "both"],
        default="both",
        help="both = dev and test; test2 = Banking77's held-out train.csv part (measure once)",
    )
    ap.add_argument("--days", type=int, default=30, help="window length; one more day is made")
    ap.add_argument("--per-day", type=int, default=600)
    ap.add_argument("--show", type=int, default=30, help="parents to print")
    ap.add_argument("--tree", action="store_true", help="print every subtopic of each parent")
    ap.add_argument("--misses", type=int, default=0, help="dev only: topics fidelity misses")
    ap.add_argument(
        "--fidelity-detail", type=int, default=None, metavar="N",
        help="dev only: why names miss (candidates by rank, oracle, refusals), N missed topics",
    )  # fmt: skip
    ap.add_argument("--audit-warehouse", help="only audit this warehouse's latest maps, per facet")
    ap.add_argument(
        "--names-margin", type=float, default=None,
        help="names_kept.MARGIN for this run (-inf: never keep a name, the code before the rule)",
    )  # fmt: skip
    ap.add_argument("--every-map", action="store_true", help="--audit-warehouse: every map")
    ap.add_argument("--dump", help="directory: Banking77 / SGD names and texts, for --audit-dump")
    ap.add_argument("--audit-dump", nargs="+", help="only audit these --dump files again")
    args = ap.parse_args(argv)
    from tracetopics_pipeline.core.topics import names_kept

    if args.names_margin is None:
        args.names_margin = names_kept.MARGIN
    names_kept.MARGIN = args.names_margin
    if args.audit_dump:
        for path in args.audit_dump:
            audit_dump(path)
        return 0
    if args.dump:
        global DUMP_DIR
        DUMP_DIR = Path(args.dump)
        DUMP_DIR.mkdir(parents=True, exist_ok=True)
    if args.audit_warehouse:
        audit_warehouse(args.audit_warehouse, every_map=args.every_map)
        return 0
    settings = Settings.from_env()
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    parts = args.parts.split(",")
    for split in splits:
        dev = split == "dev"  # the diagnostics read misses: dev only
        detail = args.fidelity_detail if dev else None
        if "demo" in parts and split != "test2":  # test2 is Banking77's only
            run_demo({"dev": 7, "test": 11}[split], split, args, settings)
        if "b77" in parts:
            run_labelled(*banking77(split), settings, args.misses if dev else 0, detail)
        if "sgd" in parts and split != "test2":
            run_labelled(*sgd(split), settings, 0, detail)
        for part in ("demo", "b77", "sgd"):
            if f"{part}-subsets" in parts and (split != "test2" or part == "b77"):
                run_subsets(*subsets_of(part, split), settings)
        if "tau" in parts and split != "test2":
            run_tau(split, settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
