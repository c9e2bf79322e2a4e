#!/usr/bin/env python3
"""Do the claim rules hold for a corpus' sentences worded otherwise? (evaluation only: reads the folders
given)

Every sentence of FOLDER's articles that makes a claim in context is read again alone (published on its
article's day) and rewritten by each meaning-preserving rewrite of ``tests/test_claim_rewrites.py`` (the
speaker moved, an adverb or an aside put in, a tense, a side named otherwise, ...). A rewrite that loses a
claim the sentence alone makes (place, controller, event) shows a rule bound to the corpus' wording; the
report lists them, rewrite by rewrite. Nothing is scored against labels: this is how a rule set is checked
for forms its examples do not have, on text nobody labelled.

    python scripts/rewrite_check.py ../shared/corpus/dev/articles ../shared/corpus/dev2/articles
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from test_claim_rewrites import REWRITES, claims_alone  # noqa: E402

from geo.ingest.read import read_folder  # noqa: E402
from geo.models import Article  # noqa: E402
from geo.places.gazetteer import Gazetteer  # noqa: E402
from geo.settings import default_cache_dir  # noqa: E402
from geo.work.process import explain_article  # noqa: E402


def claim_sentences(folders: list[Path], gazetteer: Gazetteer) -> Iterator[tuple[str, str, date | None]]:
    """(article file stem, sentence, publication day) of each sentence that makes a claim in its article."""
    for folder in folders:
        for article in (a for a in read_folder(folder) if isinstance(a, Article)):
            for sentence in explain_article(article, gazetteer).sentences:
                if sentence.claims:
                    yield Path(article.path).stem, sentence.text, article.published


def check(folders: list[Path], gazetteer: Gazetteer,
          rewrites: tuple[Callable[[str], str | None], ...]) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Per rewrite: the sentences it applied to, and a line for each that lost claims."""
    tried: dict[str, int] = defaultdict(int)
    lost: dict[str, list[str]] = defaultdict(list)
    for stem, text, published in claim_sentences(folders, gazetteer):
        base = claims_alone(text, gazetteer, published)
        for rewrite in rewrites if base else ():
            changed = rewrite(text)
            if changed is None or changed == text:
                continue
            tried[rewrite.__name__] += 1
            missing = base - claims_alone(changed, gazetteer, published)
            if missing:
                lost[rewrite.__name__].append(f"{stem}: lost {sorted(missing)}\n    {changed}")
    return tried, lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path, help="folders of articles")
    args = parser.parse_args()
    tried, lost = check(args.folders, Gazetteer.open(default_cache_dir()), REWRITES)
    for name in sorted(tried):
        print(f"{name:20} {len(lost.get(name, [])):4d} of {tried[name]:4d} sentences lose a claim")
    for name in sorted(lost):
        print(f"\n== {name}")
        print("\n".join(lost[name]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
