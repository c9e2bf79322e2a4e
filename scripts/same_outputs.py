"""Prove that a change leaves geo's outputs byte for byte as they were (not a test: it runs geo twice).

Usage: python scripts/same_outputs.py [--base REV] [--seeds DIR]

Runs ``geo run`` on the articles of ``--seeds`` (default: ``../shared/corpus/dev/articles``) twice, each into
a fresh output folder: once with the code of ``--base`` (default ``HEAD``, checked out into a temporary git
worktree) and once with the code of this working tree. Then compares every output file (``map.html``,
``claims.geojson``, ``claims.csv``, ``places.geojson``) byte for byte. Exits 0 when all are identical, 1
otherwise, naming the files that differ. The store is not compared: it holds run times.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = ("map.html", "claims.geojson", "claims.csv", "places.geojson")


def run_geo(code: Path, seeds: Path, out: Path) -> None:
    """``geo run`` with the package of ``code`` first on the path, one worker, quietly."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run([sys.executable, "-m", "geo", "run", "--seeds", str(seeds), "--out", str(out),
                           "--workers", "1"],
                          env=env, cwd=out.parent, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some files were skipped, which both runs must then agree on
        raise SystemExit(f"geo run with the code of {code} failed:\n{done.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="HEAD", help="the revision to compare against")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev" / "articles")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base = work / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base],
                       check=True)
        try:
            run_geo(base, args.seeds, work / "before")
            run_geo(ROOT, args.seeds, work / "after")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True)
        differ = [name for name in OUTPUTS
                  if not filecmp.cmp(work / "before" / name, work / "after" / name, shallow=False)]
    for name in differ:
        print(f"differs: {name}")
    if not differ:
        print(f"identical: {', '.join(OUTPUTS)} of {args.seeds} at {args.base} and in the working tree")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
