"""Real headless Chromium (Debian's package) driving the explorer served on a free port.

Playwright's own browser download needs the internet, so the tests launch the system
Chromium with `executable_path`. Install it with scripts/install-browser.sh. A failing test
leaves a full-page screenshot under tests/explorer/e2e/artifacts/ (git-ignored).

Demo data: `demo_home` runs the whole pipeline once per session (minutes on 2 cores) and is
shared by the tests that only read it; a test that writes (rename, saved subsets, exports) takes
`demo_copy`, a copy of the folder (a second or two). TRACETOPICS_E2E_DEMO_HOME names an existing
demo home to copy instead of building one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from factories.browser import fresh_page
from factories.explorer import publish_explorer_home, serving

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for cand in (
        os.environ.get("TRACETOPICS_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if cand and Path(cand).exists():
            return cand
    return None


@pytest.fixture(scope="session")
def e2e_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture warehouse of 1,200 traces with a two-row priority mart, published."""
    return publish_explorer_home(
        tmp_path_factory.mktemp("tt_e2e"),
        n=1200,
        priorities=[
            (1, "Cancel or downgrade subscription", 0.91),
            (2, "Export dashboards to CSV", 0.55),
        ],
    )


DEMO_END = "2026-11-29"  # a fixed period: the same traffic, maps and facts on every run


@pytest.fixture(scope="session")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three weeks of demo traffic (100 traces a day, ending DEMO_END) through the whole
    pipeline, published. Shared: tests that write take `demo_copy`."""
    home = tmp_path_factory.mktemp("tt_demo_e2e") / "home"
    given = os.environ.get("TRACETOPICS_E2E_DEMO_HOME")
    if given:
        shutil.copytree(given, home, ignore=shutil.ignore_patterns("*.wal", "dagster"))
    else:
        env = {**os.environ, "TRACETOPICS_HOME": str(home), "DAGSTER_HOME": str(home / "dagster")}
        subprocess.run(
            [sys.executable, "-m", "tracetopics_pipeline.cli", "demo", "--days", "21",
             "--per-day", "100", "--end", DEMO_END, "--clean"],
            env=env, check=True, capture_output=True, timeout=2000,
        )  # fmt: skip
    assert (home / "snapshot" / "current.txt").exists()
    return home


def copy_home(home: Path, into: Path) -> Path:
    """A private copy of a published home (warehouse, snapshots, overrides), without the
    Dagster instance, which the explorer does not read."""
    dest = into / "home"
    shutil.copytree(home, dest, ignore=shutil.ignore_patterns("*.wal", "dagster"))
    return dest


@pytest.fixture(scope="module")
def demo_copy(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared demo home copied for a module whose tests write (rename, save, export)."""
    return copy_home(demo_home, tmp_path_factory.mktemp("tt_demo_copy"))


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """Start the explorer for a home on a free port (in a thread); returns its base URL."""
    with ExitStack() as stack:
        yield lambda home: stack.enter_context(serving(home))


@pytest.fixture(scope="session")
def server(e2e_home: Path, serve: Callable[[Path], str]) -> str:
    return serve(e2e_home)


@pytest.fixture(scope="session")
def two_level_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two-level fixture (factories.explorer.add_two_levels: 1,200 traces from 2026-11-01,
    parents 10-12 over five fine topics of 200), published once per session and served once
    (`two_level_base`) to every module that reads it. Those modules write only review items,
    each under an assignee of its own; a module that curates topics serves a copy (copy_home)."""
    return publish_explorer_home(tmp_path_factory.mktemp("tt_two_e2e"), n=1200, two_levels=True)


@pytest.fixture(scope="session")
def two_level_base(two_level_home: Path, serve: Callable[[Path], str]) -> str:
    return serve(two_level_home)


@pytest.fixture(scope="module")
def two_level_copy(two_level_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared two-level home copied for a module that curates topics (merge, pin)."""
    return copy_home(two_level_home, tmp_path_factory.mktemp("tt_two_copy"))


@pytest.fixture
def pg(browser: object, two_level_base: str) -> Iterator[object]:
    """A 1440 x 900 page on the shared two-level home; `pg.base` is its URL."""
    with fresh_page(browser) as page:
        page.base = two_level_base  # type: ignore[attr-defined]
        yield page


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    exe = chromium_path()
    if exe is None:
        pytest.skip("chromium not installed (run scripts/install-browser.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)


@pytest.fixture
def page(browser: object, server: str, request: pytest.FixtureRequest) -> Iterator[object]:
    ctx = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # The server's Content-Security-Policy must not block anything the page does.
    csp: list[str] = []
    pg.on(
        "console",
        lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None,
    )
    # Offline product: any request that leaves 127.0.0.1 is a bug (e.g. a CDN script).
    external: list[str] = []
    pg.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(server) or route.request.url.startswith("data:")
            else (external.append(route.request.url), route.abort())
        ),
    )
    pg.goto(server + "/")
    pg.tt_errors = errors  # type: ignore[attr-defined]
    pg.tt_external = external  # type: ignore[attr-defined]
    yield pg
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    ctx.close()
    assert csp == [], f"the CSP blocked: {csp[:3]}"
