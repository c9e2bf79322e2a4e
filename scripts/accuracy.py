#!/usr/bin/env python3
"""Accuracy on the labelled corpora, side by side (evaluation only: reads ../shared when it is there).

For each corpus (dev, dev2, validation by default) runs ``geo evaluate`` (which runs geo on the articles) and
the corpus' own scorer ``tools/score.py`` on the claims it wrote, and prints one table: a column per corpus, a
row per metric, both scorers. ``--json FILE`` also keeps the figures.

    python scripts/accuracy.py                       # ../shared/corpus/{dev,dev2,validation}
    python scripts/accuracy.py --corpus dev --corpus dev2 --shared /path/to/shared
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Rows of the table: (scorer, metric key, label).
ROWS = (
    ("evaluate", "claim_recall", "claim recall"), ("evaluate", "claim_precision", "claim precision"),
    ("evaluate", "controller_acc", "controller"), ("evaluate", "stance_acc", "stance"),
    ("evaluate", "date_acc", "date"),
    ("evaluate", "noclaim_false_claims", "claims in no-claim articles"),
    ("evaluate", "place_recall", "place recall"), ("evaluate", "place_precision", "place precision"),
    ("evaluate", "place_location_acc", "places within tolerance"),
    ("evaluate", "place_location_acc_ukraine", "places within tolerance, in Ukraine"),
    ("evaluate", "places_found", "places found"),
    ("evaluate", "places_found_in_russia", "places found in Russia"),
    ("evaluate", "place_within_10km", "places within 10 km"),
    ("evaluate", "place_within_161km", "places within 161 km"),
    ("evaluate", "place_error_median_km", "median error km"),
    ("score", "claim_recall", "score.py recall"), ("score", "claim_precision", "score.py precision"),
    ("score", "controller_acc", "score.py controller"), ("score", "stance_acc", "score.py stance"),
    ("score", "date_acc", "score.py date"), ("score", "location_acc", "score.py location"),
    ("score", "noclaim_false_claims", "score.py claims in no-claim articles"),
)


def _geo(*args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True,
                            env=os.environ)
    if result.returncode not in (0, 1):
        sys.exit(f"geo {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def measure(corpus: Path) -> dict[str, dict[str, object]]:
    """``{"evaluate": metrics, "score": metrics}`` of one corpus folder (``articles/``, ``labels.jsonl``)."""
    labels = corpus / "labels.jsonl"
    with tempfile.TemporaryDirectory(prefix="geo-accuracy-") as tmp:
        evaluated = json.loads(_geo("evaluate", str(labels), "--seeds", str(corpus / "articles"), "--out",
                                    tmp, "--json"))
        scorer = corpus.parent.parent / "tools" / "score.py"
        scored = subprocess.run([sys.executable, str(scorer), str(labels), str(Path(tmp) / "claims.geojson")],
                                capture_output=True, text=True)
        score = json.loads(scored.stdout[: scored.stdout.rindex("}") + 1]) if "{" in scored.stdout else {}
    return {"evaluate": evaluated, "score": score}


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "-" if value is None else str(value)


def _combined(figures: dict[str, dict[str, dict[str, object]]], names: list[str]) -> str:
    """The share of found claim places within tolerance over all the corpora together."""
    found = sum(int(figures[n]["evaluate"].get("places_found") or 0) for n in names)
    ok = sum(int(figures[n]["evaluate"].get("places_within_tolerance") or 0) for n in names)
    return (
        f"\nall {len(names)} together: {ok} of {found} found claim places within tolerance "
        f"({ok / max(found, 1):.3f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder (corpus/, tools/)")
    parser.add_argument("--corpus", action="append", help="corpus name under shared/corpus (repeatable)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    names = args.corpus or ["dev", "dev2", "validation"]
    figures = {name: measure(args.shared / "corpus" / name) for name in names}
    print("| metric | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for scorer, key, label in ROWS:
        values = [figures[n][scorer].get(key) for n in names]
        if any(v is not None for v in values):
            print(f"| {label} | " + " | ".join(_cell(v) for v in values) + " |")
    print(_combined(figures, names))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
