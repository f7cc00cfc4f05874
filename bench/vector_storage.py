"""What vectors of any dimension cost in the warehouse: FLOAT[384] (one fixed model, before)
against FLOAT[] (any model, now), written and read back into a matrix the way the stages do.

    .venv/bin/python bench/vector_storage.py [--n 50000] [--dim 384]
"""

from __future__ import annotations

import argparse
import time

import _common  # noqa: F401  (offline defaults)
import duckdb
import numpy as np
import polars as pl

from tracetopics_pipeline.core.topics.embed import vectors
from tracetopics_pipeline.core.warehouse import query_pl


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=50_000)
    ap.add_argument("--dim", type=int, default=384)
    args = ap.parse_args(argv)
    n, d = args.n, args.dim
    x = np.random.default_rng(0).normal(size=(n, d)).astype(np.float32)
    hashes = [f"{i:040x}" for i in range(n)]
    print(f"{n:,} vectors of {d} dims, load average {_common.load_avg()}")
    for kind in (f"FLOAT[{d}]", "FLOAT[]"):
        conn = duckdb.connect()
        conn.execute(
            f"CREATE TABLE e (text_hash VARCHAR, model VARCHAR, embedding {kind}, "
            "PRIMARY KEY (text_hash, model))"
        )
        col = pl.Series(x, dtype=pl.Array(pl.Float32, d))
        if kind == "FLOAT[]":
            col = col.cast(pl.List(pl.Float32))
        frame = pl.DataFrame({"text_hash": hashes, "model": ["m"] * n, "embedding": col})
        t0 = time.perf_counter()
        conn.register("f", frame)
        conn.execute("INSERT INTO e BY NAME SELECT * FROM f")
        write = time.perf_counter() - t0
        reads = []
        for _ in range(3):
            t0 = time.perf_counter()
            m = vectors(query_pl(conn, "SELECT embedding FROM e WHERE model = 'm'")["embedding"])
            reads.append(time.perf_counter() - t0)
        assert m.shape == (n, d)
        print(
            f"  {kind:11s} write {write:5.2f}s   read into a matrix {min(reads):5.2f}s (best of 3)"
        )
        conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
