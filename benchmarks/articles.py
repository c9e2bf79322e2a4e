"""Benchmark the work of one article in one process (not a test): the whole article, and its claims alone.

Usage: python benchmarks/articles.py [--articles 450] [--folder DIR] [--warm 50] [--passes 7]

Builds ``--articles`` articles with ``benchmarks/corpus.py`` (or reads the article files of ``--folder``),
parses them as ``geo run`` does, opens the gazetteer of the default cache folder and loads the claim engine as
a run's worker does. After warming up on the first ``--warm`` articles, it measures the process CPU time of
the others, pass after pass:

- ``process_article``: recognition, resolution and claims, as :func:`geo.work.process.process_article` does
  them;
- claims: ``extract_claims(article, resolved)`` alone, with each article's places resolved once beforehand.

``process_article``'s first pass reads each article for the first time, as a run does (the claims are timed
after it, so theirs is not a first reading); the best of ``--passes`` is steadier, and the fastest pass of
each block of 25 articles, summed, the steadiest on a machine other processes share. Runs against any checkout
put first on ``PYTHONPATH``, the regex engine of 856a5f6 included (whose ``extract_claims`` is
``geo.claims.extract_claims``). Prints one table, in milliseconds per article.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write  # noqa: E402

import geo  # noqa: E402
from geo.models import Article, Resolved  # noqa: E402
from geo.settings import default_cache_dir  # noqa: E402

log = logging.getLogger("benchmarks.articles")


#: the package layout of the checkout imported: today's subpackages, or the flat modules of the checkouts
#: before them (856a5f6, the regex engine)
LAYERED = (Path(geo.__file__).parent / "work").is_dir()


def _imported(name: str, layered: str, flat: str) -> Any:
    """``name`` from its module in the layout of the checkout imported (an import error shows as it is)."""
    return getattr(importlib.import_module(layered if LAYERED else flat), name)


read_file = _imported("read_file", "geo.ingest.read", "geo.ingest")
Gazetteer = _imported("Gazetteer", "geo.places.gazetteer", "geo.gazetteer")
find_mentions = _imported("find_mentions", "geo.places.recognize", "geo.recognize")
resolve_mentions = _imported("resolve_mentions", "geo.places.resolve", "geo.resolve")
process_article = _imported("process_article", "geo.work.process", "geo.process")

ARTICLE_SUFFIXES = (".md", ".txt", ".html", ".htm", ".jsonl")


def claim_extractor() -> Callable[[Article, Sequence[Resolved]], Any]:
    """``extract_claims`` of the checkout imported: ``geo.claims.engine`` (rule engine) or ``geo.claims`` (the
    regex engine's module)."""
    for name in ("geo.claims.engine", "geo.claims"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "extract_claims"):
            log.info("claims from %s", name)
            return module.extract_claims  # type: ignore[no-any-return]
    raise SystemExit("no extract_claims found in geo.claims.engine or geo.claims")


def load_articles(folder: Path) -> list[Article]:
    """The articles of a folder's files, parsed as ``geo run`` parses them, in file-name order."""
    articles = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES):
        articles += [a for a in read_file(path) if isinstance(a, Article)]
    return articles


def warm_up_engine() -> None:
    """Load the claim engine as a run's worker does (``geo.work.process.warm_up``; the flat layout has
    none)."""
    if LAYERED:
        _imported("warm_up", "geo.work.process", "geo.process")()


#: articles timed together: the "best" figure sums, block by block, the fastest pass over each block
BLOCK = 25


def timed_passes(work: Callable[[Article], object], articles: Sequence[Article],
                 passes: int) -> list[list[float]]:
    """Process CPU seconds of each pass of ``work`` over ``articles``, block by block of :data:`BLOCK`
    articles."""
    seconds = []
    for _ in range(passes):
        blocks = []
        for k in range(0, len(articles), BLOCK):
            start = time.process_time()
            for article in articles[k : k + BLOCK]:
                work(article)
            blocks.append(time.process_time() - start)
        seconds.append(blocks)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=450, help="synthetic articles to build (default 450)")
    parser.add_argument("--folder", type=Path, help="read the articles of this folder instead")
    parser.add_argument("--warm", type=int, default=50, help="articles read first, not measured (default 50)")
    parser.add_argument("--passes", type=int, default=7, help="passes over the measured articles (default 7)")
    args = parser.parse_args()
    # geo's own INFO lines would be timed too
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    log.setLevel(logging.INFO)
    cache = default_cache_dir(os.environ)
    log.info("geo from %s", Path(geo.__file__).parent)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder
        if folder is None:
            folder = Path(tmp) / "seeds"
            write(folder, args.articles, cache)
        articles = load_articles(folder)
    if len(articles) <= args.warm:
        raise SystemExit(f"{len(articles)} articles: need more than --warm {args.warm}")
    gazetteer = Gazetteer.open(cache)
    extract_claims = claim_extractor()
    warm_up_engine()
    warm, measured = articles[: args.warm], articles[args.warm :]
    for article in warm:
        process_article(article, gazetteer)
    whole = timed_passes(lambda a: process_article(a, gazetteer), measured, args.passes)
    resolved = {a.id: resolve_mentions(find_mentions(a.id, a.text, gazetteer), gazetteer, a.text)[0]
                for a in articles}
    claims = timed_passes(lambda a: extract_claims(a, resolved[a.id]), measured, args.passes)
    print_table([("process_article", whole, True), ("claims", claims, False)], len(measured), args.passes)
    return 0


def print_table(rows: Sequence[tuple[str, list[list[float]], bool]], n: int, passes: int) -> None:
    """One line per case, in milliseconds an article: the first pass (where it was a first reading), the best
    and the median pass, and the fastest pass of each block summed (the steadiest figure on a shared machine:
    a pass that another process slowed down in one block still counts for the others)."""
    print(f"{'case':16} {'articles':>8} {'first pass':>11} {'best of ' + str(passes):>10} {'median':>8} "
          f"{'best blocks':>12}  (ms an article)")
    for case, blocks, first in rows:
        ordered = sorted(sum(b) for b in blocks)
        fastest = sum(min(times) for times in zip(*blocks))
        first_ms = f"{sum(blocks[0]) / n * 1e3:11.2f}" if first else f"{'-':>11}"
        print(f"{case:16} {n:8d} {first_ms} {ordered[0] / n * 1e3:10.2f} "
              f"{ordered[len(ordered) // 2] / n * 1e3:8.2f} {fastest / n * 1e3:12.2f}")


if __name__ == "__main__":
    sys.exit(main())
