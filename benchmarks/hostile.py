"""Benchmark the work one hostile article can cause (not a test): it must grow about linearly with its length.

Usage: python benchmarks/hostile.py [--clauses 200 400 1000] [--sentences 1000 2000 4000 8000]

Times :func:`geo.work.process.process_article` (recognition, resolution, claims) in this process, gazetteer
open:

- one sentence of N capture clauses ("Russian forces captured Toretsk and Russian forces captured Pokrovsk and
  ...") against the same N clauses as N sentences: the ratio must stay under 5 (a sentence longer than
  ``settings.MAX_SENTENCE_CHARS`` is read in pieces cut at clauses);
- an article of N short sentences, N doubling: the time must about double (a name is weighed against at most
  ``settings.MAX_CONTEXT_MENTIONS`` others);
- the same with a speaker, a relative clause and "the city" in each sentence ("The Russian defence ministry
  said its forces captured Toretsk, which the city's mayor denies; the city ..."): the time must about double
  too (a clause, a sentence and an anaphor are looked up, never searched for from the start of the article).

Each figure is the best of three runs. Prints one table.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.ingest.read import parse_article  # noqa: E402
from geo.models import Article  # noqa: E402
from geo.places.gazetteer import Gazetteer  # noqa: E402
from geo.settings import default_cache_dir  # noqa: E402
from geo.work.process import process_article  # noqa: E402

TOWNS = ("Toretsk", "Pokrovsk", "Selydove", "Kurakhove", "Vuhledar", "Avdiivka", "Bakhmut", "Chasiv Yar",
         "Hirnyk", "Ukrainsk")


def _article(text: str) -> Article:
    return parse_article(Path("bench.md"), f"---\npublished: 2024-10-10\n---\n{text}\n".encode())


def _best(article: Article, gazetteer: Gazetteer) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        process_article(article, gazetteer)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clauses", type=int, nargs="+", default=[200, 400, 1000])
    parser.add_argument("--sentences", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    args = parser.parse_args()
    gazetteer = Gazetteer.open(default_cache_dir(os.environ))
    process_article(_article("Russian forces captured Toretsk."), gazetteer)  # warm up: rules compiled once
    print(f"{'case':44} {'n':>6} {'seconds':>8}  note")
    for n in args.clauses:
        clauses = [f"Russian forces captured {TOWNS[i % len(TOWNS)]}" for i in range(n)]
        one = _best(_article(" and ".join(clauses) + "."), gazetteer)
        apart = _best(_article(" ".join(c + "." for c in clauses)), gazetteer)
        print(f"{'one sentence of n capture clauses':44} {n:6} {one:8.3f}  {one / apart:.1f}x the same "
              "clauses apart")
        print(f"{'the same clauses as n sentences':44} {n:6} {apart:8.3f}")
    _doubling(gazetteer, args.sentences, "an article of n sentences", "Russian forces captured {}.")
    _doubling(gazetteer, args.sentences, "n sentences with speakers and anaphors",
              "The Russian defence ministry said its forces captured {}, which Kyiv denies; the city was "
              "shelled.")
    return 0


def _doubling(gazetteer: Gazetteer, sizes: list[int], case: str, sentence: str) -> None:
    previous = None
    for n in sizes:
        text = " ".join(sentence.format(TOWNS[i % len(TOWNS)]) for i in range(n))
        seconds = _best(_article(text), gazetteer)
        note = f"{seconds / previous[1]:.2f}x for {n / previous[0]:.0f}x the length" if previous else ""
        print(f"{case:44} {n:6} {seconds:8.3f}  {note}")
        previous = (n, seconds)


if __name__ == "__main__":
    sys.exit(main())
