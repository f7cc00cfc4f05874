"""A browser page for the e2e tests (tests/explorer/e2e), in a context of its own."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def fresh_page(browser: object, width: int = 1440, height: int = 900) -> Iterator[object]:
    """A page in a new browser context; on leaving, no uncaught page error may have happened
    (`page.tt_errors` holds them)."""
    ctx = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.tt_errors = errors
    try:
        yield page
    finally:
        ctx.close()
    assert not errors, errors
