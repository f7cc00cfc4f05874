"""Names replay: one clustering, named again by this checkout's code. Before/after of a naming
change without the run-to-run noise of the clustering (Banking77's parent count moves 25-53
under float noise): cluster once with `topic_hierarchy.py --dump DIR`, then run this script from
each checkout (`git worktree` / `git archive` of the commit before) on the same dump or map.

    .venv/bin/python bench/names_replay.py --dump DIR/banking77-dev.json --part b77 [--split dev]
    .venv/bin/python bench/names_replay.py --warehouse HOME/warehouse.duckdb --map Task@2026-11-30
    .venv/bin/python bench/names_replay.py --dump DIR/dental-dev.json --part foreign
        (a `bench/foreign_traffic.py --dump DIR` set: names and audit, no fidelity)
    .venv/bin/python bench/names_replay.py --dump ... --naming contrast=0.5,neighbours=1,core=0
        (fine names with other `NamingParams`: a weight tried without editing the namer)

Fine names by `describe.describe`, parents by `maps._name_free_parents` (no `names_kept`), the
label audit (`labels.map_audit`, as the bench counts it) and, on a dump, label fidelity; then
every parent with its subtopics. A map's texts are read with the vectors the warehouse stores."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import topic_hierarchy as th

from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.describe import ClusterResult, describe
from tracetopics_pipeline.core.topics.labels.naming import NamingParams
from tracetopics_pipeline.core.topics.maps import _name_free_parents

FINE: NamingParams | None = None  # `--naming`: the fine names' params (None: the namer's own)


def naming_params(spec: str) -> NamingParams:
    """`NamingParams` from "field=value,..." (each value of its field's type; a flag: true/1)."""
    base = NamingParams()
    kw: dict[str, object] = {}
    for item in filter(None, spec.split(",")):
        key, _, value = item.partition("=")
        kind = type(getattr(base, key))
        kw[key] = value.lower() in ("1", "true") if kind is bool else kind(value)
    return replace(base, **kw)


def named(texts: list[str], x: np.ndarray, w: np.ndarray, sub_of: np.ndarray, of_topic: np.ndarray):
    """(fine names, parent names) of one clustering."""
    coords = np.zeros((len(texts), 2))
    topics = describe(texts, x, sub_of, coords, weights=w, naming=FINE)
    res = ClusterResult(labels=sub_of, coords=coords, topics=topics, algorithm="replay", params={})
    parents, _ = _name_free_parents(res, texts, x, w.tolist(), of_topic, labeler=None, facet="Task")
    return [t.label for t in topics], parents


def said_shares(texts, w, sub_of, of_topic, fine, parents) -> tuple[list[float], list[float]]:
    """Per fine topic and per parent, the share of its traces whose own text says every content
    word of its name (`support.Sayers`; a parent's verb class noun is said by its verbs): how
    much of the topic its name covers (review rv13 H1: "Move number to another carrier" said by
    8 of a topic's 67 traces)."""
    from tracetopics_pipeline.core.topics.labels.support import Sayers, text_words

    def share(ix, name: str, classes: bool) -> float:
        if not len(ix):
            return 1.0
        said = text_words([texts[i] for i in ix], [float(w[i]) for i in ix])
        return Sayers(said, classes=classes).share(name)

    fine_s = [share(np.flatnonzero(sub_of == t), n, False) for t, n in enumerate(fine)]
    par_s = [
        share(np.flatnonzero(np.isin(sub_of, np.flatnonzero(of_topic == q))), n, True)
        for q, n in enumerate(parents)
    ]
    return fine_s, par_s


def coverage_line(shares: list[float], sizes: np.ndarray) -> str:
    """Traffic-weighted mean share of a level's traces its names say, and the names said by
    less than half of their topic's traces."""
    total = float(sizes.sum()) or 1.0
    mean = float(np.dot(shares, sizes)) / total
    low = sum(1 for s in shares if s < 0.5)
    return f"mean {mean:.3f} (by traces), {low}/{len(shares)} names said by < half"


def paraphrase_shares(texts, x, w, sub_of, fine) -> list[float]:
    """Per fine topic, the share of its traces that say its name literally or in paraphrase
    (`support.said_share`: the texts' vectors `x` near the name's and each of its words held,
    packaged model), as the audit's `minority_name` reads a free-text subtopic's."""
    from tracetopics_pipeline.core.topics.labels.labellers import default_embedder
    from tracetopics_pipeline.core.topics.labels.support import Sayers, said_shares, text_words

    embed = default_embedder()
    out = []
    for t, name in enumerate(fine):
        ix = np.flatnonzero(sub_of == t)
        said = Sayers(text_words([texts[i] for i in ix], [float(w[i]) for i in ix]))
        out.append(said_shares([name], said, x[ix], embed)[0] if len(ix) else 1.0)
    return out


def report(texts, w, sub_of, of_topic, fine, parents, x=None) -> None:
    labels = {("sub", i): n for i, n in enumerate(fine)}
    labels.update({("parent", q): n for q, n in enumerate(parents)})
    c, lines = th.audit_texts(
        labels, texts, w.tolist(), sub_of.tolist(), dict(enumerate(of_topic.tolist()))
    )
    print(f"  {len(fine)} fine, {len(parents)} parents; label audit: {th.audit_line(c)}")
    for line in lines:
        print(f"    flagged {line}")
    size = np.bincount(np.maximum(sub_of, 0), weights=w * (sub_of >= 0), minlength=len(fine))
    fine_s, par_s = said_shares(texts, w, sub_of, of_topic, fine, parents)
    psize = np.array([size[of_topic == q].sum() for q in range(len(parents))])
    print(f"  said by its traces: fine {coverage_line(fine_s, size)}")
    if x is not None:
        para = paraphrase_shares(texts, x, w, sub_of, fine)
        print(f"  said by its traces, literally or in paraphrase: fine {coverage_line(para, size)}")
    print(f"  said by its traces: parents {coverage_line(par_s, psize)}")
    order = sorted(range(len(parents)), key=lambda q: -size[of_topic == q].sum())
    for q in order:
        kids = sorted(np.flatnonzero(of_topic == q), key=lambda t: -size[t])
        subs = "; ".join(f"{fine[t]} [{fine_s[t]:.2f}]" for t in kids)
        print(f"  P {int(size[kids].sum()):5d} {parents[q]!r} [{par_s[q]:.2f}] <- {subs}")


def from_foreign_dump(path: str, cache: th.EmbeddingCache) -> None:
    """A --dump of bench/foreign_traffic.py (no intent names to score fidelity against)."""
    d = json.loads(Path(path).read_text())
    texts, w = d["texts"], np.asarray(d["weights"], float)
    x = cache.vectors(texts)
    sub_of, of_topic = np.asarray(d["sub_of"]), np.asarray(d["parent_of"])
    fine, parents = named(texts, x, w, sub_of, of_topic)
    print(f"== {path} (replay)")
    report(texts, w, sub_of, of_topic, fine, parents, x)


def from_dump(path: str, part: str, split: str) -> None:
    d = json.loads(Path(path).read_text())
    cache = th.EmbeddingCache(Settings.from_env())
    if part == "foreign":
        from_foreign_dump(path, cache)
        return
    name, traces, gold = th.banking77(split) if part == "b77" else th.sgd(split)
    texts, doc, x, w = th.distinct_task_texts(traces, cache)
    assert texts == d["texts"], "the dump is of another part"
    sub_of, of_topic = np.asarray(d["sub_of"]), np.asarray(d["parent_of"])
    fine, parents = named(texts, x, w, sub_of, of_topic)
    print(f"== {name} (replay of {path})")
    if part == "b77":
        intents = json.loads((th.DATASETS / "banking77" / "categories.json").read_text())
    else:
        gold = [th.intent_words(g) for g in gold]
        intents = sorted(set(gold))
    fine_doc = np.append(sub_of, -1)[doc]
    fid = th.label_fidelity(fine_doc, gold, dict(enumerate(fine)), intents, cache)
    print(f"  label fidelity {fid:.3f}")
    report(texts, w, sub_of, of_topic, fine, parents, x)


def from_map(path: str, map_id: str) -> None:
    import duckdb

    conn = duckdb.connect(path, read_only=True)
    rows = conn.execute(
        "SELECT level, topic_id, parent_id FROM topics WHERE map_id = ?", [map_id]
    ).fetchall()
    subs = sorted(t for lvl, t, _ in rows if lvl == "sub")
    pidx = {t: i for i, t in enumerate(sorted(t for lvl, t, _ in rows if lvl == "parent"))}
    sidx = {t: i for i, t in enumerate(subs)}
    parent = {t: p for lvl, t, p in rows if lvl == "sub"}
    of_topic = np.array([pidx[parent[t]] for t in subs])
    pts = conn.execute(
        """WITH m AS (SELECT facet, window_start, window_end FROM topic_maps WHERE map_id = ?),
           n AS (SELECT text_hash, count(*) AS n, min(summary) AS text FROM facet_summaries
                 WHERE facet = (SELECT facet FROM m) AND summary IS NOT NULL
                   AND day BETWEEN (SELECT window_start FROM m) AND (SELECT window_end FROM m)
                 GROUP BY 1)
           SELECT n.text, n.n, p.topic_id, e.embedding FROM topic_points p JOIN n USING (text_hash)
           JOIN summary_embeddings e ON e.text_hash = n.text_hash
           WHERE p.map_id = ? ORDER BY n.text""",
        [map_id, map_id],
    ).fetchall()
    texts = [r[0] for r in pts]
    w = np.array([float(r[1]) for r in pts])
    sub_of = np.array([sidx.get(r[2], -1) if r[2] is not None else -1 for r in pts])
    x = np.asarray([r[3] for r in pts], np.float32)
    fine, parents = named(texts, x, w, sub_of, of_topic)
    print(f"== {path} {map_id} (replay)")
    report(texts, w, sub_of, of_topic, fine, parents, x)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", help="a --dump file of topic_hierarchy.py")
    ap.add_argument("--part", choices=("b77", "sgd", "foreign"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--warehouse", help="a home's warehouse (read-only)")
    ap.add_argument("--map", help="its map id, e.g. Task@2026-11-30")
    ap.add_argument("--naming", default="", help="fine names' NamingParams: contrast=0.5,core=0")
    a = ap.parse_args()
    global FINE
    FINE = naming_params(a.naming) if a.naming else None
    if a.dump:
        from_dump(a.dump, a.part, a.split)
    else:
        from_map(a.warehouse, a.map)


if __name__ == "__main__":
    main()
