"""A synthetic news corpus for benchmarks (not for accuracy): N distinct articles of 400-800 words.

Each article is dated between 2022 and 2025 and reads like wire copy about the front: a few sentences that
make claims (a side takes, holds, loses or fights for settlements of the front-line oblasts, named as the
gazetteer names them, sometimes in Russian spelling or in lists), sentences that only mention places (strikes
on cities, capitals as governments), and sentences without places. The same seed gives the same corpus.

Usage: python benchmarks/corpus.py OUT_DIR [--articles N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

FRONT = ("Donetsk Oblast", "Kharkiv Oblast", "Zaporizhzhia Oblast", "Luhansk Oblast", "Kherson Oblast",
         "Dnipropetrovsk Oblast")
CITIES = ("Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Kherson", "Sumy", "Kryvyi Rih", "Mykolaiv")
SPEAKERS_RU = ("Russia's defence ministry", "The Russian Defence Ministry", "Moscow",
               "Russian military bloggers", "TASS, citing the defence ministry,")
SPEAKERS_UA = ("Ukraine's General Staff", "The Ukrainian military", "Kyiv",
               "A spokesman for the Khortytsia group", "The regional governor")
CLAIMS = (
    "{ru} said on {day} that its forces had taken the village of {p1}.",
    "{ru} said its troops had liberated {p1}, {p2} and {p3} in the {oblast} region.",
    "{ua} said Ukrainian forces had recaptured {p1} after weeks of fighting.",
    "{ua} denied that Russian troops had captured {p1}, saying fighting was still going on there.",
    "Fierce fighting continued around {p1} and {p2}, {ua} said on {day}.",
    "{ua} said its troops had withdrawn from {p1} to more favourable positions.",
    "Russian forces have been trying to encircle {p1}, a key logistics hub, for months.",
    "{p1}, which Russian troops took in {month}, lies about 20 km from {p2}.",
    "According to the Institute for the Study of War, Russian forces had likely captured {p1}.",
    "{ru} claimed control of {p1}; the claim could not be independently verified.",
)
MENTIONS = (
    "A Russian missile strike on {city} killed {n} people and damaged apartment blocks, officials said.",
    "Kyiv said it would ask its allies for more air defence systems after the attack on {city}.",
    "Residents of {city} spent the night in shelters as air raid sirens sounded across the {oblast} region.",
    "Moscow said the talks in Istanbul had made no progress.",
)
FILLER = (
    "The war, now in its {nth} year, has killed tens of thousands of soldiers on both sides.",
    "Military analysts say the coming weeks will be decisive for the campaign in the east.",
    "Both sides have relied heavily on drones to spot and strike targets far behind the front line.",
    "Western governments have pledged further military aid, although deliveries have often been delayed.",
    "Civilians who stayed behind describe constant shelling and shortages of water and electricity.",
    "The claims made by either side could not be verified immediately by reporters on the ground.",
    "Officials did not say how many troops had taken part in the operation or how many had been wounded.",
    "Aid organisations warned that the humanitarian situation in the region was deteriorating quickly.",
    "The defence ministry publishes daily summaries of the fighting that cannot be checked independently.",
    "Engineers have been building new lines of fortifications further west in recent months.",
    "Energy infrastructure has repeatedly been targeted, leaving many homes without heating in winter.",
    "Prices for food and fuel in nearby towns have risen sharply since the start of the offensive.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def front_places(cache: Path) -> dict[str, list[str]]:
    """Names of settlements of the front-line oblasts, by oblast, from the built gazetteer."""
    path = next(iter(sorted(cache.glob("gazetteer-v*.sqlite"))))
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        rows = con.execute("SELECT admin1, name FROM place WHERE feature = 'settlement' AND country = 'UA' "
                           f"AND admin1 IN ({','.join('?' * len(FRONT))}) ORDER BY place_id",
                           FRONT).fetchall()
    places: dict[str, list[str]] = {}
    for admin1, name in rows:
        places.setdefault(admin1, []).append(name)
    return places


def article(rng: random.Random, places: dict[str, list[str]], i: int) -> tuple[str, str]:
    oblast = rng.choice(FRONT)
    local = places[oblast]
    published = date(2022, 2, 24) + timedelta(days=rng.randrange(365 * 3 + 300))

    def fill(template: str) -> str:
        return template.format(ru=rng.choice(SPEAKERS_RU), ua=rng.choice(SPEAKERS_UA), day=rng.choice(DAYS),
                               month=rng.choice(MONTHS), p1=rng.choice(local), p2=rng.choice(local),
                               p3=rng.choice(local), oblast=oblast.removesuffix(" Oblast"),
                               city=rng.choice(CITIES), n=rng.randrange(2, 30),
                               nth=("first", "second", "third", "fourth")[min(3, published.year - 2022)])

    target = rng.randrange(400, 800)
    sentences: list[str] = []
    words = 0
    while words < target:
        roll = rng.random()
        sentence = fill(rng.choice(CLAIMS if roll < 0.15 else MENTIONS if roll < 0.3 else FILLER))
        sentences.append(sentence)
        words += len(sentence.split())
    paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
    title = fill(rng.choice(CLAIMS)).rstrip(".")
    header = (
        f"---\ntitle: {title} (report {i})\npublished: {published.isoformat()}\nsource: Synthetic Wire\nurl: "
        f"https://example.org/{i}\n---\n"
    )
    return f"a{i:05d}.md", header + "\n\n".join(paragraphs) + f"\n\nReport {i}.\n"


def write(out: Path, n: int, cache: Path, *, seed: int = 1, start: int = 0) -> list[Path]:
    """Write articles ``start`` .. ``start + n - 1`` into ``out``; return their paths."""
    rng = random.Random(seed * 1_000_003 + start)
    places = front_places(cache)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(start, start + n):
        name, text = article(rng, places, i)
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written


def main() -> None:
    import os

    from geo.settings import default_cache_dir

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    write(args.out, args.articles, default_cache_dir(os.environ), seed=args.seed)


if __name__ == "__main__":
    main()
