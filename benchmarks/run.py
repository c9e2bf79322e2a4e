"""Benchmark whole-process ``geo run`` timings (not a test).

Usage: python benchmarks/run.py [--corpus DIR] [--repeat N]

Times, as a user would see them: a cold run (empty output folder, gazetteer cache already built), a warm
re-run with nothing new, and the first-ever gazetteer build. With --corpus (e.g. ../shared/corpus/dev/articles)
the same on that folder, with articles per second; and the gazetteer alone: how long a warm open takes and how
much memory it adds to the process. Prints one table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _geo_run(seeds: Path, out: Path, cache: Path) -> float:
    env = dict(os.environ, GEO_CACHE_DIR=str(cache))
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "geo", "run", "--seeds", str(seeds), "--out", str(out)],
                            env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"geo run failed: {result.stderr}")
    return elapsed


_PROBE = """
import sys, time
from pathlib import Path
def rss():
    return int(next(l for l in open('/proc/self/status') if l.startswith('VmRSS')).split()[1]) / 1024
from geo.gazetteer import Gazetteer
from geo.resolve import explain
before = rss()
start = time.perf_counter()
g = Gazetteer.open(Path(sys.argv[1]))
g.settlements('Avdiivka')
opened = time.perf_counter() - start
names = ['Katerynivka', 'Girnyk', 'Artemovsk', 'Selidovo', 'Kursk', 'Andriivka', 'Novoselivka', 'Kupyansk'] * 25
start = time.perf_counter()
for n in names:
    explain(n, 'near Pokrovsk and Selydove', g)
per_name = (time.perf_counter() - start) / len(names)
print(opened, rss() - before, per_name)
"""


def _gazetteer_probe(cache: Path) -> tuple[float, float, float]:
    """Warm open time (s), memory it adds (MB) after 200 resolutions, and seconds per resolution."""
    out = subprocess.run([sys.executable, "-c", _PROBE, str(cache)], capture_output=True, text=True, check=True)
    opened, added, per_name = map(float, out.stdout.split())
    return opened, added, per_name


def _count(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.suffix in (".md", ".txt"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, action="append", default=[])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rows: list[tuple[str, int, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        build = _geo_run(ROOT / "seeds", Path(tmp) / "first", cache)
        rows.append(("first run, gazetteer built", _count(ROOT / "seeds"), build, ""))
        opened, added, per_name = min(_gazetteer_probe(cache) for _ in range(args.repeat))
        rows.append(("gazetteer: warm open + 1 lookup", 0, opened,
                     f"{opened * 1000:.1f} ms; +{added:.0f} MB RSS after 200 resolutions, {per_name * 1000:.2f} ms each"))
        for label, folder in [("seed", ROOT / "seeds"), *((c.name, c) for c in args.corpus)]:
            n = _count(folder)
            cold, warm = [], []
            for i in range(args.repeat):
                out = Path(tmp) / f"{label}-{i}"
                cold.append(_geo_run(folder, out, cache))
                warm.append(_geo_run(folder, out, cache))
                shutil.rmtree(out)
            c, w = min(cold), min(warm)
            rows.append((f"{label}: cold run", n, c, f"{n / c:.0f} articles/s"))
            rows.append((f"{label}: re-run, nothing new", n, w, ""))
    print(f"{'case':34} {'articles':>8} {'seconds':>8}  note")
    for case, n, s, note in rows:
        print(f"{case:34} {n:8d} {s:8.2f}  {note}")


if __name__ == "__main__":
    main()
