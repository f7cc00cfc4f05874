"""The explorer's home page in headless Chromium: how soon it shows anything, and its facts.

Starts `tracetopics explore` on $TRACETOPICS_HOME (a published home, e.g. the demo's), then loads
"/" in a fresh browser context (an empty cache) several times at a desktop (1440 x 900) and a
phone (390 x 844) window, with the CPU slowed through CDP (Emulation.setCPUThrottlingRate). It
prints how soon what changed is computed (as the explorer starts, and for a window no visit asked
for: a cold home), then the medians of: first contentful paint, the first "What changed" card on
screen, the page's load event, and whether the chart library (/vendor/plotly.min.js) was fetched
before the first card. Docs: docs/benchmarks.md ("Explorer: first content").

    TRACETOPICS_HOME=... .venv/bin/python bench/explorer_first_paint.py [--runs 5] [--cpu 1 4]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
import urllib.request

from _common import start_explorer

# Records when the first home card (#home .hcard) is in the document, before any page script.
FIRST_CARD = """
new MutationObserver((_, obs) => {
  if (document.querySelector('#home .hcard')) { window.__firstCard = performance.now(); obs.disconnect(); }
}).observe(document, { childList: true, subtree: true });
"""
READ = """() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  const js = performance.getEntriesByType('resource').find((r) => r.name.includes('plotly.min.js'));
  return { fcp: fcp ? fcp.startTime : null, card: window.__firstCard ?? null,
           load: nav ? nav.loadEventEnd : null, plotly: js ? js.responseEnd : null };
}"""


def chromium() -> str:
    # Not a setting: the browser only benches and tests drive (Makefile, tests/explorer/e2e)
    for cand in (os.environ.get("TRACETOPICS_CHROMIUM"), "/usr/bin/chromium"):
        if cand and os.path.exists(cand):
            return cand
    found = shutil.which("chromium")
    if not found:
        sys.exit("chromium not installed (scripts/install-browser.sh)")
    return found


def measure(base: str, runs: int, rates: list[float]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium(), headless=True, args=["--no-sandbox"])
        for rate in rates:
            for w, h in ((1440, 900), (390, 844)):
                got: list[dict] = []
                for _ in range(runs):
                    ctx = b.new_context(viewport={"width": w, "height": h})
                    page = ctx.new_page()
                    page.add_init_script(FIRST_CARD)
                    cdp = ctx.new_cdp_session(page)
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
                    page.goto(base + "/", wait_until="load", timeout=180_000)
                    page.wait_for_function("window.__firstCard", timeout=180_000)
                    got.append(page.evaluate(READ))
                    ctx.close()

                def med(key: str, rows: list[dict] = got) -> str:
                    vals = [r[key] for r in rows if r[key] is not None]
                    return f"{statistics.median(vals) / 1000:5.2f} s" if vals else "   -   "

                before = sum(1 for r in got if r["plotly"] is not None and r["plotly"] < r["card"])
                print(
                    f"cpu x{rate:g} {w:>4} px: first paint {med('fcp')}, first card {med('card')},"
                    f" load {med('load')}; chart library fetched before the first card in"
                    f" {before}/{len(got)} loads"
                )
        b.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=18971)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cpu", type=float, nargs="+", default=[1, 4])
    args = ap.parse_args()
    t0 = time.perf_counter()
    with start_explorer(args.port) as (base, started):
        # The explorer computes the home's answers as it starts; the first ask waits for them:
        # the cold home a visit after a new snapshot waits for too.
        urllib.request.urlopen(base + "/api/changes?since=7", timeout=300).read()
        ready = time.perf_counter() - t0
        print(f"answered {started:.1f} s after start, what changed ready {ready:.1f} s after start")
        t = time.perf_counter()  # a slice no visit asked for: what changed computed cold
        urllib.request.urlopen(base + "/api/changes?since=6", timeout=300).read()
        print(
            f"what changed for another window (computed on asking): {time.perf_counter() - t:.2f} s"
        )
        print(f"load average {os.getloadavg()[0]:.1f}")
        measure(base, args.runs, args.cpu)
        print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
