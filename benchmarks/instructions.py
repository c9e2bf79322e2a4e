"""Count the machine instructions one article costs (not a test): a measure that, unlike time, other
processes on a shared machine cannot disturb.

Usage: python benchmarks/instructions.py [--articles 100] [--warm 20] [--folder DIR]

Runs this file twice under valgrind's cachegrind (``valgrind`` must be installed): once reading only the
``--warm`` articles, once reading ``--articles`` more after them, each with
:func:`geo.work.process.process_article` as ``benchmarks/articles.py`` calls it. The difference of the two
totals, divided by ``--articles``, is what one article costs: start-up, imports and the warm-up cancel out.
Runs against any checkout put first on ``PYTHONPATH``, the regex engine of 856a5f6 included. Slow: about a
minute a run plus half a second an article. Instructions are no time (they say nothing of cache misses), so
read them beside ``benchmarks/articles.py``.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def drive(folder: Path, warm: int, count: int) -> None:
    """Read ``warm`` articles, then ``count`` more (what cachegrind counts)."""
    sys.path.insert(0, str(HERE))
    import articles as bench  # noqa: PLC0415 - the benchmark module, importable only from here

    from geo.settings import default_cache_dir  # noqa: PLC0415

    texts = bench.load_articles(folder)
    gazetteer = bench.Gazetteer.open(default_cache_dir(os.environ))
    bench.warm_up_engine()
    for article in texts[: warm + count]:
        bench.process_article(article, gazetteer)


def counted(folder: Path, warm: int, count: int) -> int:
    """The instructions a run of :func:`drive` executes, as cachegrind counts them."""
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                               f"--cachegrind-out-file={tmp}/cg.out", sys.executable, __file__, "--drive",
                               "--folder", str(folder), "--warm", str(warm), "--articles", str(count)],
                              capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100, help="articles counted (default 100)")
    parser.add_argument("--warm", type=int, default=20, help="articles read first, in both runs (default 20)")
    parser.add_argument("--folder", type=Path, help="read the articles of this folder instead")
    parser.add_argument("--drive", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.drive:
        drive(args.folder, args.warm, args.articles)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder
        if folder is None:
            sys.path.insert(0, str(HERE))
            from corpus import write  # noqa: PLC0415

            from geo.settings import default_cache_dir  # noqa: PLC0415

            folder = Path(tmp) / "seeds"
            write(folder, args.warm + args.articles, default_cache_dir(os.environ))
        base = counted(folder, args.warm, 0)
        total = counted(folder, args.warm, args.articles)
    print(f"{(total - base) / args.articles / 1e6:.2f} million instructions an article ({args.articles} "
          f"articles after {args.warm} warm-up; start-up and warm-up {base / 1e9:.2f} billion)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
