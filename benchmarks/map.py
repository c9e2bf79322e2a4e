"""Benchmark the map at scale (not a test): size of map.html, time to make it, time to load it in Chromium.

Usage: python benchmarks/map.py [--places N] [--claims M]

Makes N places with M claims in all (seeded, so every run draws the same ones): settlements scattered over
eastern Ukraine, each with a history of claims by both sides over 2022-2025, a tenth of them approximate and a
few regions; M/3 articles, whose claims quote one of three sentences of realistic length each (in the dev
corpus two thirds of the claims have a sentence of their own); then renders the map as ``geo run`` does (with
the country borders) and opens it in Debian's headless Chromium, offline. Prints one table.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import zlib
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.claims.merge import claim_id  # noqa: E402
from geo.models import Article, Claim, Place  # noqa: E402
from geo.outputs.borders import load as load_borders  # noqa: E402
from geo.outputs.render import render_map  # noqa: E402
from geo.outputs.timeline import statuses  # noqa: E402
from geo.settings import default_cache_dir  # noqa: E402

WORDS = ("the ministry said its forces had taken the village after days of fighting near the town and the "
         "army denied that claim while officials reported shelling of positions in the region on "
         "Tuesday").split()


def synthetic(n_places: int, n_claims: int, seed: int = 7) -> tuple[list[Claim], dict[str, Article]]:
    rng = random.Random(seed)
    articles, sentences = {}, {}
    for i in range(max(1, n_claims // 3)):
        aid = f"a{i:06d}"
        articles[aid] = Article(aid, f"{aid}.md", f"Report {i}",
                                date(2022, 3, 1) + timedelta(days=rng.randrange(1300)), "example.org",
                                f"https://example.org/{aid}", "text")
        # an article's claims quote its sentences; as in the dev corpus, about two thirds of claims have a
        # sentence of their own (306 claims, 209 distinct quotes of 182 characters on average)
        sentences[aid] = [" ".join(rng.choice(WORDS) for _ in range(rng.randrange(22, 40))).capitalize() + "."
                          for _ in range(3)]
    ids = sorted(articles)
    places = []
    for i in range(n_places):
        kind = rng.random()
        feature, precision = (("region", "region") if kind < 0.005
                              else ("settlement", "approximate" if kind < 0.1 else "exact"))
        places.append(Place(f"bench:{i}", f"Place {i}", 46.5 + rng.random() * 4, 33.0 + rng.random() * 6,
                            "UA",
                            "Donetsk Oblast", feature, precision, rng.randrange(100, 50_000)))  # type: ignore[arg-type]
    claims = []
    for j in range(n_claims):
        place = places[j % n_places]
        aid = ids[rng.randrange(len(ids))]
        controller = rng.choice(("RU", "UA", "contested"))
        event = ("fighting" if controller == "contested"
                 else rng.choice(("captured", "recaptured", "holds", "withdrew")))
        stance = rng.choice(("claimed", "claimed", "confirmed", "denied", "unverified"))
        side = rng.choice(("RU", "UA", "third_party"))
        day = articles[aid].published - timedelta(days=rng.randrange(5)) if rng.random() < 0.8 else None
        quote = rng.choice(sentences[aid])
        claims.append(Claim(claim_id(aid, place.place_id, event, controller, side, stance, day), aid, place,
                            place.name,
                            controller, event, f"Speaker {rng.randrange(300)}", side, stance, day,  # type: ignore[arg-type]
                            "day" if day else None, None, quote, 0.7))
    return claims, articles


def load_seconds(path: Path) -> float:
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        page.route("**/*",
                   lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        start = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="load")
        elapsed = time.perf_counter() - start
        markers = page.evaluate("() => document.querySelectorAll('.geo-count').length")
        labels = page.evaluate("() => document.querySelectorAll('.geo-base-label').length")
        browser.close()
    print(f"basemap labels drawn at the first view: {labels}")
    if markers < 3:  # the legend's counts, one per controller at least
        raise SystemExit("the map did not start")
    return elapsed


def spellings(place_id: str) -> list[str]:
    """Two or three other spellings of each place, of nine letters, as the gazetteer gives the places of the
    development corpus (2.3 search keys a place on average)."""
    h = zlib.crc32(place_id.encode())
    word = "".join(chr(97 + (h >> (3 * k)) % 26) for k in range(9))
    return [word, word[::-1], *([word[3:] + word[:3]] if h % 3 == 0 else [])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--places", type=int, default=10_000)
    ap.add_argument("--claims", type=int, default=30_000)
    args = ap.parse_args()
    claims, articles = synthetic(args.places, args.claims)
    borders = load_borders(default_cache_dir({}))
    start = time.perf_counter()
    html = render_map(statuses(claims, articles), articles, borders, spellings)
    generated = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "map.html"
        path.write_text(html, encoding="utf-8")
        loaded = load_seconds(path)
    print(f"{'case':<34}{'value':>10}  target")
    print(f"{'places / claims':<34}{args.places:>5} / {args.claims}")
    print(f"{'map.html size (MB)':<34}{len(html.encode()) / 1e6:>10.2f}  < 8")
    print(f"{'generated in (s, statuses + render)':<34}{generated:>10.2f}  < 3")
    print(f"{'load event in Chromium (s)':<34}{loaded:>10.2f}  < 2")


if __name__ == "__main__":
    main()
