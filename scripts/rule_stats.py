#!/usr/bin/env python3
"""How each claim rule fares over folders of articles (evaluation only): one row per rule of
``geo.claims.rules.RULES``, sorted by id, the vetoes (rules of kind "block") apart.

Every article of each FOLDER is read as ``geo run`` reads it (``geo.ingest.read``; the gazetteer of the
default cache, without a folder's places.csv) and its claims as ``geo explain`` shows them. Per rule: its
frames (triggers that found places), its claims (those kept after merging whose rule it is), the articles
where one of them is kept ("articles") and where it made a claim before merging ("made in": merging keeps one
claim of a voice for a place, side and event, so a rule's claim may give way to an equal one of another rule
with a later date), and its triggers that made nothing (blocked). Where ``FOLDER/../labels.jsonl`` exists
(a corpus: ``articles/`` beside ``labels.jsonl``), each claim of a labelled article is a true positive when a
label of that article names the same place (names folded as ``geo evaluate`` folds them) and agrees on the
controller (a fighting or contested label accepts a contested claim), else a false positive. A veto's count is
the triggers it overlapped ("overlaps <id>").

Exit status 1 when a rule that is not a veto makes claims in fewer than ``--min-articles`` articles (before
merging).

    python scripts/rule_stats.py ../shared/corpus/dev/articles ../shared/corpus/dev2/articles [--json]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from geo.claims.rules import RULES
from geo.claims.trace import Reading
from geo.evaluate import controller_ok, name_key, read_labels
from geo.ingest.read import Skipped, read_folder
from geo.models import Article, Claim
from geo.places.corrections import FILE_NAME as CORRECTIONS
from geo.places.gazetteer import Gazetteer
from geo.settings import default_cache_dir
from geo.work.process import explain_article

log = logging.getLogger("rule_stats")
Labels = Sequence[Mapping[str, Any]]
#: A reader of articles: an article's claims and how each sentence gave them.
Explain = Callable[[Article], Reading]


@dataclass(slots=True)
class RuleStats:
    """What one rule did over the folders; ``tp``/``fp`` count only the claims of labelled articles,
    ``vetoed`` the triggers of other rules its own trigger overlapped (what a veto does), ``vetoed_in`` in
    which articles."""

    frames: int = 0
    claims: int = 0
    articles: set[str] = field(default_factory=set)
    made_in: set[str] = field(default_factory=set)
    blocked: int = 0
    tp: int = 0
    fp: int = 0
    vetoed: int = 0
    vetoed_in: set[str] = field(default_factory=set)


def read_articles(folders: Iterable[Path]) -> list[tuple[Article, Labels | None]]:
    """Every article of the folders, in a stable order, with its labels when its folder has a labels file."""
    out: list[tuple[Article, Labels | None]] = []
    for folder in folders:
        if (folder / CORRECTIONS).exists():
            log.warning("%s: its %s is not read; the default gazetteer places every name", folder,
                        CORRECTIONS)
        labels = _labels_of(folder.parent / "labels.jsonl")
        for item in read_folder(folder):
            if isinstance(item, Skipped):
                log.warning("skipped %s: %s", item.path, item.reason)
            elif isinstance(item, Article):
                found = (None if labels is None
                         else labels.get(item.url or "", labels.get(Path(item.path).stem, [])))
                out.append((item, found))
    return out


def _labels_of(path: Path) -> dict[str, Labels] | None:
    """The label claims of each article of a labels file, by its url and by its id (the article's file
    stem)."""
    if not path.is_file():
        return None
    by_key: dict[str, Labels] = {}
    for label in read_labels(path):
        for key in (label.get("url"), label.get("id")):
            if key:
                by_key[str(key)] = label["claims"]
    log.info("%s: labels of %d articles", path, len(by_key))
    return by_key


def labelled_right(claim: Claim, labels: Labels) -> bool:
    """Whether a label of the claim's article names its place and agrees on the controller."""
    keys = {name_key(claim.surface), name_key(claim.place.name)} - {""}
    return any(keys & {name_key(lab.get("place")), name_key(lab.get("canonical"))}
               and controller_ok(lab, claim) for lab in labels)


def _row(stats: dict[str, RuleStats], rule_id: str) -> RuleStats:
    """The counts of a rule; an id no rule has (a rule renamed while the engine changes, "" for none) gets its
    own."""
    if rule_id not in stats:
        log.warning("a trace names rule %r, which RULES does not hold", rule_id)
        stats[rule_id] = RuleStats()
    return stats[rule_id]


def tally(stats: dict[str, RuleStats], article: Article, reading: Reading, labels: Labels | None) -> None:
    """Add one article's reading to the rules' counts."""
    for sentence in reading.sentences:
        for frame in sentence.frames:  # a frame's line starts with its rule's id
            _row(stats, frame.split(" ", 1)[0]).frames += 1
        for trace in sentence.claims:
            _row(stats, trace.claim.rule).made_in.add(article.id)
        for b in sentence.blocked:
            _row(stats, b.rule).blocked += 1
            if b.why.startswith("overlaps "):
                winner = _row(stats, b.why.removeprefix("overlaps ").strip())
                winner.vetoed += 1
                winner.vetoed_in.add(article.id)
    for claim in reading.claims:
        rule = _row(stats, claim.rule)
        rule.claims += 1
        rule.articles.add(article.id)
        if labels is not None:
            right = labelled_right(claim, labels)
            rule.tp, rule.fp = rule.tp + right, rule.fp + (not right)


def collect(articles: Sequence[tuple[Article, Labels | None]],
            explain: Explain) -> tuple[dict[str, RuleStats], int]:
    """The counts of every rule over the articles, and how many articles could not be read (each logged)."""
    stats = {rule.id: RuleStats() for rule in RULES}
    failed = 0
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty()) as bar:
        for article, labels in bar.track(articles, description="articles"):
            try:
                reading = explain(article)
            except Exception as err:  # noqa: BLE001 - one article that breaks a rule must not hide the others' counts
                failed += 1
                log.warning("%s: could not be read (%s: %s)", article.path, type(err).__name__, err)
                log.debug("%s", article.path, exc_info=True)
                continue
            tally(stats, article, reading, labels)
    return stats, failed


def table(stats: Mapping[str, RuleStats], labelled: bool) -> list[str]:
    """The rules as a Markdown table, then the vetoes as another."""
    head = ["rule", "kind", "frames", "claims", "articles", "made in", "blocked"] + (
        ["tp", "fp"] if labelled else [])
    kinds = {r.id: r.kind for r in RULES}
    lines = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for rule_id in sorted(stats):
        if kinds.get(rule_id) != "block":
            s = stats[rule_id]
            cells = [rule_id, kinds.get(rule_id, "?"), s.frames, s.claims, len(s.articles), len(s.made_in),
                     s.blocked] + (
                [s.tp, s.fp] if labelled else [])
            lines.append("| " + " | ".join(map(str, cells)) + " |")
    lines += ["", "vetoes:", "| rule | vetoed | articles |", "|---|---|---|"]
    lines += [f"| {r.id} | {stats[r.id].vetoed} | {len(stats[r.id].vetoed_in)} |"
              for r in sorted(RULES, key=lambda r: r.id) if r.kind == "block"]
    return lines


def rare(stats: Mapping[str, RuleStats], min_articles: int) -> list[str]:
    """The rules, vetoes aside, that make claims (before merging) in fewer than ``min_articles`` articles."""
    return sorted(r.id for r in RULES if r.kind != "block" and len(stats[r.id].made_in) < min_articles)


def as_json(stats: Mapping[str, RuleStats], articles: int, failed: int, rarely: Sequence[str]) -> str:
    """The counts as one JSON object, keys sorted (article sets as their sizes)."""
    rules = {}
    for rule_id, s in stats.items():
        row = asdict(s)
        row["articles"], row["made_in"], row["vetoed_in"] = len(s.articles), len(s.made_in), len(s.vetoed_in)
        rules[rule_id] = row
    document = {"articles": articles, "failed": failed, "rare": list(rarely), "rules": rules}
    return json.dumps(document, sort_keys=True, indent=1)


def main(argv: Sequence[str] | None = None) -> int:
    """Count, print, and exit 1 when a rule makes claims in too few articles."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path, metavar="FOLDER", help="folders of articles")
    ap.add_argument("--min-articles", type=int, default=2, metavar="N",
                    help="fewest articles a rule should claim in")
    ap.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    ap.add_argument("-v", "--verbose", action="store_true", help="log what is read")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s: %(message)s")
    for folder in args.folders:
        if not folder.is_dir():
            ap.error(f"{folder} is not a folder")
    articles = read_articles(args.folders)
    gazetteer = Gazetteer.open(default_cache_dir(os.environ))
    stats, failed = collect(articles, lambda article: explain_article(article, gazetteer))
    rarely = rare(stats, args.min_articles)
    if args.json:
        print(as_json(stats, len(articles), failed, rarely))
    else:
        print(f"{len(articles)} articles" + (f", {failed} could not be read" if failed else ""))
        print("\n".join(table(stats, any(labels is not None for _, labels in articles))))
        if rarely:
            print(f"rules making claims in fewer than {args.min_articles} articles: {', '.join(rarely)}")
    return 1 if rarely else 0


if __name__ == "__main__":
    sys.exit(main())
