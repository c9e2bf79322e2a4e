"""Shared fixtures: one real gazetteer per test session, built from the installed packages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from geo.places.gazetteer import Gazetteer
from geo.settings import default_cache_dir

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "2024-10-29-selydove.md"


@pytest.fixture(scope="session")
def cache_dir() -> Path:
    """The gazetteer cache: the user's own (built once, reused), as ``geo run`` would use it."""
    return default_cache_dir(os.environ)


@pytest.fixture(scope="session")
def gazetteer(cache_dir: Path) -> Gazetteer:
    return Gazetteer.open(cache_dir)


def write_article(folder: Path, name: str, body: str, **header: str) -> Path:
    """Write an article file with a front-matter header."""
    lines = ["---", *(f"{k}: {v}" for k, v in header.items()), "---", body]
    path = folder / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


CHROMIUM = Path("/usr/bin/chromium")
_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]
_OPEN_ALL = """() => {
    const maps = Object.keys(window).map(k => window[k]).filter(v => v instanceof L.Map);
    let markers = 0; const layers = [];
    maps[0].eachLayer(l => { if (l.geo) { markers++; layers.push(l); } });  // a place's dot, outline or badge
    for (const l of layers) { l.openPopup(); l.openTooltip(); }
    return {maps: maps.length, markers,
            popups: Array.from(document.querySelectorAll('.geo-popup')).map(e => e.textContent),
            links: Array.from(document.querySelectorAll('.geo-popup a')).map(a => a.href)};
}"""


@dataclass
class Browsed:
    """A map page open in headless Chromium, and what it did: JavaScript errors, requests that left the
    file."""

    page: Any
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def pwned(self) -> bool:
        return bool(self.page.evaluate("() => window.__pwned === 1"))


@contextmanager
def chromium(page_path: Path) -> Iterator[Browsed]:
    """Open a map file in headless Chromium with every request off the file blocked."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is required in CI (.ci/run installs it)")
        pytest.skip("needs Debian's chromium: apt-get install -y chromium")
    from playwright.sync_api import Route, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        seen = Browsed(page)
        page.on("pageerror", lambda e: seen.errors.append(str(e)))
        page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)

        def route(r: Route) -> None:
            if r.request.url.startswith(("file:", "data:", "about:")):
                r.continue_()
            else:
                seen.outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(page_path.resolve().as_uri(), wait_until="load")
        try:
            yield seen
        finally:
            browser.close()


def open_in_chromium(page_path: Path) -> dict[str, object]:
    """Open a map file in headless Chromium, open every popup and tooltip, and report what happened.

    Returns the number of maps and markers, popup texts, link targets, JavaScript errors, requests that tried
    to leave the file, and whether injected code set ``window.__pwned``.
    """
    with chromium(page_path) as browsed:
        seen = browsed.page.evaluate(_OPEN_ALL)
        browsed.page.wait_for_timeout(300)
        seen["pwned"] = browsed.pwned()
        seen["errors"] = browsed.errors
        seen["outside"] = browsed.outside
    return seen
