#!/usr/bin/env python3
"""Screenshots of the map for the README (``docs/``): the bundled seed and the development corpus, each at
three zooms (the whole front, an oblast, a village), in Debian's headless Chromium with every request off the
file refused.

    python scripts/screenshots.py                      # seeds/ and ../shared/corpus/dev/articles, into docs/
    python scripts/screenshots.py --shared /path/to/shared --out docs

It runs ``geo run`` on each folder of articles in a temporary folder (the gazetteer cache is the user's own),
then opens each ``map.html`` and centres the oblast and village views on the place with the most claims. Needs
``/usr/bin/chromium`` and playwright (the test extras). The development corpus is used only when ``--shared``
holds it.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
#: the views taken of each map: name and zoom (None: the view the map opens with)
VIEWS = (("front", None), ("oblast", 8), ("village", 11))
#: the place every view but the first centres on: the one with the most claims
_BUSIEST = """() => {
    const map = Object.values(window).find(v => v instanceof L.Map);
    let best = null;
    map.eachLayer(l => {
        if (l.geo && l.geo.kind !== 3 && (!best || l.geo.claims.length > best.claims.length)) {
            best = l.geo;
        } });
    return best && [best.lat, best.lon, best.name];
}"""

log = logging.getLogger("screenshots")


def run_geo(seeds: Path, out: Path) -> Path:
    """``geo run`` on ``seeds`` into ``out``; the path of its map."""
    subprocess.run([sys.executable, "-m", "geo", "run", "--seeds", str(seeds), "--out", str(out)], check=True,
                   capture_output=True)
    return out / "map.html"


def shoot(page_path: Path, name: str, docs: Path) -> list[Path]:
    """Take the three views of one map; the files written."""
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*",
                   lambda route: route.continue_() if route.request.url.startswith("file:")
                   else route.abort())
        page.goto(page_path.as_uri())
        page.wait_for_timeout(800)
        busiest = page.evaluate(_BUSIEST)
        drawn = page.evaluate("() => { let n = 0; Object.values(window).find(v => v instanceof L.Map)"
                              ".eachLayer(l => { if (l.geo) n++; }); return n; }")
        listed = len(json.loads((page_path.parent
                                 / "places.geojson").read_text(encoding="utf-8"))["features"])
        log.info("%s: the map draws %d of the %d places of places.geojson", name, drawn, listed)
        for view, zoom in VIEWS:
            if zoom is not None and busiest:
                page.evaluate("([lat, lon, zoom]) => { Object.values(window).find(v => v instanceof L.Map)"
                              ".setView([lat, lon], zoom, {animate: false}); }",
                              [busiest[0], busiest[1], zoom])
                page.wait_for_timeout(600)
            target = docs / f"map-{name}-{view}.png"
            page.screenshot(path=str(target))
            written.append(target)
        browser.close()
    return written


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder (corpus/dev)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="where the screenshots go")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        log.error("needs Debian's chromium at %s: apt-get install -y chromium", CHROMIUM)
        return 1
    corpora = {"seed": ROOT / "seeds", "dev": args.shared / "corpus" / "dev" / "articles"}
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geo-screenshots-") as tmp:
        for name, seeds in corpora.items():
            if not seeds.is_dir():
                log.info("skipped %s: %s is not there", name, seeds)
                continue
            for path in shoot(run_geo(seeds, Path(tmp) / name), name, args.out):
                log.info("wrote %s", path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
