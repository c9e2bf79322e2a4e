#!/usr/bin/env python3
"""Do an article's claims hold when its places are spelled otherwise? (evaluation only: reads the folders
given)

Each settlement an article of FOLDER claims is respelled, everywhere in the article, by each other spelling
the gazetteer gives it (Latin letters, words of four letters or more, at most ``--per-place``: "Krasnoarmeysk"
for Pokrovsk, "Avdeyevka" for Avdiivka). A respelling that moves or loses a claim of that place (controller,
event, claimant side, stance, date) is listed with where the new spelling took the place. Nothing is scored
against labels: this is how the gazetteer and the namesake ranking are checked for spellings a corpus does not
use. Some spellings GeoNames gives are a city's old names that villages bear too ("Aleksandrovka" for
Donetsk): a village is then the right reading, and the line says where it went.

    python scripts/spelling_check.py ../shared/corpus/dev/articles ../shared/corpus/dev2/articles
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from geo.ingest.read import read_folder
from geo.models import Article, Claim
from geo.names import fold
from geo.places.gazetteer import Gazetteer
from geo.settings import default_cache_dir
from geo.work.process import process_article

_LATIN = re.compile(r"[a-z][a-z-]+( [a-z][a-z-]+)?")


def spellings(gazetteer: Gazetteer, claim: Claim, most: int) -> list[str]:
    """Other spellings of a claim's place that a report might use, capitalised as a name."""
    found = {_capitalised(s) for s in gazetteer.spellings(claim.place.place_id)
             if _LATIN.fullmatch(s) and min(map(len, s.split())) >= 4 and fold(s) != fold(claim.surface)}
    return sorted(found)[:most]


def _capitalised(name: str) -> str:
    return "-".join(" ".join(w[:1].upper() + w[1:] for w in part.split(" ")) for part in name.split("-"))


def _said(claims: list[Claim], place_id: str) -> set[tuple[object, ...]]:
    return {(c.controller, c.event, c.claimant_side, c.stance, c.event_date) for c in claims
            if c.place.place_id == place_id}


def respelled(article: Article, gazetteer: Gazetteer, most: int) -> Iterator[tuple[bool, str]]:
    """(changed, line) for each respelling of each claimed settlement of one article."""
    claims = process_article(article, gazetteer).claims
    seen = set()
    for c in claims:
        if c.place.feature != "settlement" or (c.place.place_id, c.surface) in seen:
            continue
        seen.add((c.place.place_id, c.surface))
        for other in spellings(gazetteer, c, most):
            text = re.sub(rf"(?<!\w){re.escape(c.surface)}(?!\w)", other, article.text)
            got = process_article(replace(article, text=text), gazetteer).claims
            if _said(got, c.place.place_id) == _said(claims, c.place.place_id):
                yield False, ""
                continue
            now = sorted({f"{x.place.name} ({x.place.admin1 or x.place.country})" for x in got
                          if fold(x.surface) == fold(other)})
            yield True, (f"{Path(article.path).stem}: {c.surface} ({c.place.admin1}) -> {other}: "
                         f"{', '.join(now) or 'no claim'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--per-place", type=int, default=6, help="spellings tried per place (default 6)")
    args = parser.parse_args()
    gazetteer = Gazetteer.open(default_cache_dir())
    tried = changed = 0
    for folder in args.folders:
        for article in (a for a in read_folder(folder) if isinstance(a, Article)):
            for moved, line in respelled(article, gazetteer, args.per_place):
                tried += 1
                if moved:
                    changed += 1
                    print(line)
    print(f"{changed} of {tried} respellings changed a claim of the place respelled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
