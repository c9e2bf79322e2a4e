"""Benchmark whole ``geo run`` processes on a synthetic corpus (not a test): the figures a user waits for.

Usage: python benchmarks/run.py [--articles 10000] [--workers N] [--dask] [--keep DIR]

Builds ``--articles`` distinct articles of 400-800 words (benchmarks/corpus.py: 2022-2025 dates, claims,
strikes, capitals, filler) and times, each as a separate ``python -m geo run`` process, Python start-up
included:

- a cold run (empty output folder, gazetteer cache already built): articles/s and the peak memory of the run
  and its worker processes together (resident set sizes summed, sampled every 50 ms);
- a re-run with nothing new (and a check that no output changed);
- a re-run with 1 new article, then with 100 new ones;
- the outputs written again from the store (map.html removed), and every place drawn again (as after an
  upgrade of geo), which is what making the map of the whole corpus costs.

With ``--dask``, the cold run is also timed on a local Dask cluster. Prints one table.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write  # noqa: E402

from geo.settings import default_cache_dir  # noqa: E402

OUTPUTS = ("map.html", "claims.geojson", "claims.csv", "places.geojson")


def geo_run(seeds: Path, out: Path, *args: str) -> tuple[float, float, str]:
    """Wall seconds, peak MB of the run and its children together, and the run's summary line."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "geo", "run", "--seeds", str(seeds), "--out", str(out),
                             *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()) / 2**20)
        except psutil.Error:
            pass
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"geo run failed:\n{stderr}")
    return elapsed, peak, stderr.strip().splitlines()[-1]


def digest(out: Path) -> str:
    return hashlib.sha256(b"".join((out / name).read_bytes() for name in OUTPUTS)).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=None, help="geo run --workers (default: one per core)")
    ap.add_argument("--dask", action="store_true", help="also time the cold run with --dask local")
    ap.add_argument("--keep", type=Path, help="build the corpus and the output here, and keep them")
    args = ap.parse_args()
    cache = default_cache_dir(os.environ)
    workers = ["--workers", str(args.workers)] if args.workers else []
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        seeds, out = base / "seeds", base / "out"
        started = time.perf_counter()
        write(seeds, args.articles, cache)
        built = time.perf_counter() - started
        n = args.articles
        rows: list[tuple[str, int, float, str]] = [("corpus built (not geo)", n, built,
                                                    f"{n / built:.0f} articles/s")]

        seconds, peak, said = geo_run(seeds, out, *workers)
        rows.append(("cold run", n, seconds,
                     f"{n / seconds:.0f} articles/s; peak {peak:.0f} MB (all processes)"))
        print(said, file=sys.stderr)
        before = digest(out)
        seconds, peak, _ = geo_run(seeds, out, *workers)
        rows.append(("re-run, nothing new", n, seconds,
                     f"outputs {'unchanged' if digest(out) == before else 'CHANGED'}; "
                     f"peak {peak:.0f} MB"))
        write(seeds, 1, cache, start=n)
        seconds, peak, _ = geo_run(seeds, out, *workers)
        rows.append(("re-run, 1 new", n + 1, seconds, f"peak {peak:.0f} MB"))
        write(seeds, 100, cache, start=n + 1)
        seconds, peak, _ = geo_run(seeds, out, *workers)
        rows.append(("re-run, 100 new", n + 101, seconds, f"peak {peak:.0f} MB"))
        (out / "map.html").unlink()
        seconds, peak, said = geo_run(seeds, out, *workers)
        size = sum((out / name).stat().st_size for name in OUTPUTS) / 2**20
        rows.append(("outputs joined again (map removed)", n + 101, seconds,
                     f"{said.split(';')[-1].split('->')[0].strip()}; {size:.0f} MB of files, "
                     f"map.html {(out / 'map.html').stat().st_size / 2**20:.1f} MB"))
        with sqlite3.connect(out / "geo.sqlite") as con:  # as after an upgrade: every place is drawn again
            con.execute("DELETE FROM meta WHERE key = 'outputs_code'")
        seconds, peak, _ = geo_run(seeds, out, *workers)
        rows.append(("every place drawn again", n + 101, seconds, f"peak {peak:.0f} MB"))
        if args.dask:
            seconds, peak, _ = geo_run(seeds, base / "out-dask", "--dask", "local", *workers)
            rows.append(("cold run, --dask local", n + 101, seconds,
                         f"{(n + 101) / seconds:.0f} articles/s; peak {peak:.0f} MB"))
    print(f"{'case':36} {'articles':>8} {'seconds':>8}  note")
    for case, count, secs, note in rows:
        print(f"{case:36} {count:8d} {secs:8.2f}  {note}")


if __name__ == "__main__":
    main()
