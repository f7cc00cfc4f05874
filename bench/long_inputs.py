"""Long and hostile inputs: seconds per trace of the local summarizer (every facet of the packaged
facet file) on generated traces, and peak RSS. Nothing is written.

    .venv/bin/python bench/long_inputs.py [--sizes 2000 8000 32000 128000] [--kinds prose ...]
                                          [--where user agent tool] [--timeout 120] [--labels]

One turn of each kind and size — prose, one long line without punctuation, one sentence repeated,
a code/log paste, a base64 blob, "a." repeated, "of the " repeated — as the user's turn, the agent's answer or a tool's reply (the
other turns short and ordinary), and one conversation of 500 short turns. Each trace runs in a
child forked after the sentence model is loaded, so a trace that wedges is cut at --timeout (shown
as ">T") and its peak RSS is its own (the parent's model included). --labels prints each trace's
labels, to check that a fix changes no answer.
"""

from __future__ import annotations

import argparse
import base64
import json
import multiprocessing as mp
import random
import resource
import sys
import time
from collections.abc import Callable

import _common  # noqa: F401  (offline defaults before any model library)

from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.facets.summarizers import make_summarizer

SIZES = [2000, 8000, 32000, 128000]
WHERE = ["user", "agent", "tool"]

_WORDS = [
    "the", "invoice", "dashboard", "export", "failed", "again", "after", "I", "changed", "the",
    "billing", "plan", "and", "nobody", "answered", "my", "ticket", "so", "I", "tried", "the",
    "report", "with", "another", "filter", "but", "it", "still", "shows", "nothing", "useful",
    "for", "our", "team", "which", "needs", "the", "numbers", "before", "the", "quarterly",
    "review", "on", "monday"
]  # fmt: skip
_SENTENCES = [
    "I tried exporting the invoices again this morning.",
    "The dashboard still shows last week's numbers, which is not helpful.",
    "Could you check why the sync keeps timing out?",
    "Our finance team needs the report before Monday!",
    "It worked fine until we changed the billing plan.",
    "Honestly I am not sure what else to try here.",
    "Maybe the filter on the region column is the problem?",
    "Thanks for looking, but the last answer didn't fix it.",
]
_LOG = [
    "2026-12-03T10:{m:02d}:{s:02d}Z INFO  worker.sync  fetched 250 rows from billing.invoices",
    "2026-12-03T10:{m:02d}:{s:02d}Z WARN  http.client retry 2/5 GET /api/v2/export?page={m}",
    '  File "/srv/app/export/run.py", line {s}, in build_report',
    "    rows = client.fetch(query, timeout=30)",
    "def build_report(rows: list[dict]) -> str:  # page {m}",
    "    return '\\n'.join(f\"{{r['id']}},{{r['total']}}\" for r in rows)",
    "ERROR export.job: ConnectionResetError: [Errno 104] Connection reset by peer",
]


def _fill(unit: str, size: int) -> str:
    return (unit * (size // max(1, len(unit)) + 1))[:size]


def _drawn(draw: Callable[[], str], size: int, sep: str) -> str:
    """Pieces drawn one by one, joined by `sep`, to `size` characters."""
    out, n = [], 0
    while n < size:
        piece = draw()
        out.append(piece)
        n += len(piece) + 1
    return sep.join(out)[:size]


def hostile_text(kind: str, size: int, seed: int = 24) -> str:
    """`size` characters of one hostile kind (deterministic for a seed)."""
    rng = random.Random(seed)
    if kind == "prose":
        return _drawn(lambda: rng.choice(_SENTENCES), size, " ")
    if kind == "one_line":  # no punctuation at all, one line
        return _drawn(lambda: rng.choice(_WORDS), size, " ")
    if kind == "repeated":
        return _fill(_SENTENCES[1] + " ", size).strip()
    if kind == "code_log":
        line = lambda: rng.choice(_LOG).format(m=rng.randrange(60), s=rng.randrange(60))  # noqa: E731
        return _drawn(line, size, "\n")
    if kind == "tiny_sentences":  # "a.a.a." (the session-23 sweep's slowest user turn)
        return _fill("a.", size)
    if kind == "small_words":  # "of the of the ...": words every rule's lookbehind reads
        return _fill("of the ", size).strip()
    if kind == "base64":
        return base64.b64encode(rng.randbytes(size * 3 // 4 + 3)).decode("ascii")[:size]
    raise ValueError(kind)


KINDS = ["prose", "one_line", "repeated", "code_log", "base64", "tiny_sentences", "small_words"]


def trace_with(where: str, text: str, tid: str) -> dict:
    """A short conversation with `text` as the user's turn, the agent's answer or a tool reply."""
    ask = "Can you export last month's invoices for me?"
    if where == "user":
        msgs = [
            {"role": "user", "content": text},
            {"role": "assistant", "content": "I have looked into it; the export is ready."},
        ]
    elif where == "agent":
        msgs = [{"role": "user", "content": ask}, {"role": "assistant", "content": text}]
    elif where == "tool":
        call = {"id": "c1", "type": "function",
                "function": {"name": "export_invoices", "arguments": '{"month": "2026-11"}'}}  # fmt: skip
        msgs = [
            {"role": "user", "content": ask},
            {"role": "assistant", "content": "", "tool_calls": [call]},
            {"role": "tool", "tool_call_id": "c1", "content": text},
            {"role": "assistant", "content": "Here is the export you asked for."},
        ]
    else:
        raise ValueError(where)
    return {"id": tid, "messages": msgs}


def many_turns(n: int = 500, seed: int = 24) -> dict:
    rng = random.Random(seed)
    msgs = []
    for i in range(n):
        role = "user" if i % 2 == 0 else "assistant"
        msgs.append({"role": role, "content": rng.choice(_SENTENCES)})
    return {"id": f"turns-{n}", "messages": msgs}


def cases(sizes: list[int], kinds: list[str], wheres: list[str]) -> list[dict]:
    out = [
        trace_with(w, hostile_text(k, n), f"{w}-{k}-{n}")
        for n in sizes
        for w in wheres
        for k in kinds
    ]
    return out + [many_turns()]


def _child(summ, trace: dict, facets: list, conn) -> None:
    t0 = time.perf_counter()
    res = summ.summarize([trace], facets)
    took = time.perf_counter() - t0
    labels = {o.facet: o.label if o.status in ("ok", "excluded") else o.status for o in res.outputs}
    conn.send((took, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, labels))


def _peak_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM"):
                return int(line.split()[1])
    return 0


def _run_child(summ, trace: dict, facets: list, timeout: float) -> tuple[float | None, int, dict]:
    """(seconds or None when cut, the child's peak RSS in KiB, labels per facet). A forked
    multiprocessing child, as the facet stage's workers are (one torch thread each)."""
    ctx = mp.get_context("fork")
    here, there = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(summ, trace, facets, there))
    proc.start()
    there.close()
    if here.poll(timeout):
        took, rss, labels = here.recv()
        proc.join()
        return took, rss, labels
    rss = _peak_kib(proc.pid)
    proc.kill()
    proc.join()
    return None, rss, {}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    ap.add_argument("--kinds", nargs="+", default=KINDS, choices=KINDS)
    ap.add_argument("--where", nargs="+", default=WHERE, choices=WHERE)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before a trace is cut")
    ap.add_argument("--labels", action="store_true", help="print each trace's labels")
    args = ap.parse_args(argv)

    facets = load_facets()
    summ = make_summarizer("local", preload=True, fitted_models=False)
    # the model is loaded, not run: no torch thread pool crosses the fork (prototypes.preload)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"load {_common.load_avg()}; {len(facets)} facets; parent RSS {base / 1024:.0f} MiB")
    print(f"{'trace':<28} {'seconds':>8} {'peak RSS MiB':>13}")
    worst = 0.0
    for trace in cases(args.sizes, args.kinds, args.where):
        took, rss, labels = _run_child(summ, trace, facets, args.timeout)
        shown = f">{args.timeout:.0f}" if took is None else f"{took:.2f}"
        worst = max(worst, args.timeout if took is None else took)
        line = f"{trace['id']:<28} {shown:>8} {rss / 1024:>13.0f}"
        if args.labels:
            line += "  " + json.dumps(labels, sort_keys=True)
        print(line, flush=True)
    print(f"worst {worst:.2f} s; load {_common.load_avg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
