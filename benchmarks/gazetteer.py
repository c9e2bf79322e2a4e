#!/usr/bin/env python3
"""The gazetteer's costs: building the cache, opening it warm, its memory, the shipped data, a large import.

    python benchmarks/gazetteer.py [--rows 450000] [--dump PATH/TO/UA.zip] [--keep DIR]

Every case runs in its own ``python`` process with its own cache folder (``GEO_CACHE_DIR``), so the user's
cache is not touched; memory is the process's peak resident set (``ru_maxrss``) or, for the warm open, what
opening and a few hundred lookups add to it. The large import is a synthetic country dump in GeoNames' real
19-column format (nothing is downloaded): the rows of ``--dump`` (GeoNames' ``UA.zip``, every feature class)
copied until there are ``--rows`` of them, with new ids, names and coordinates and country RU, about the size
of GeoNames' ``RU.zip`` (~450,000 rows, ~100 MB unzipped). Only the cases the code under test supports are run
(``PYTHONPATH=/path/to/old/checkout`` measures an older geo).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DUMP = ROOT.parent / "shared" / "data" / "geonames" / "UA.zip"

# Each snippet prints one JSON object on its last line of stdout.
_BUILD = """
import json, resource, sys, time
from pathlib import Path
t = time.perf_counter()
from geo.places.build import build
path = build(Path(sys.argv[1]))
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"s": time.perf_counter() - t, "peak_mb": peak_mb, "cache_bytes": path.stat().st_size}))
"""
_OPEN = """
import json, resource, sqlite3, sys, time
from pathlib import Path
from geo.places.gazetteer import Gazetteer
from geo.places.build import cache_path
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20
con = sqlite3.connect(cache_path(Path(sys.argv[1])))
names = [r[0] for r in con.execute(
    "SELECT name FROM place WHERE feature = 'settlement' ORDER BY id % 97, id LIMIT 300")]
con.close()
before = rss()
t = time.perf_counter()
gazetteer = Gazetteer.open(Path(sys.argv[1]))
opened = time.perf_counter() - t
t = time.perf_counter()
for name in names:
    gazetteer.settlements(name); gazetteer.regions(name); gazetteer.knows(name + "x")
looked = time.perf_counter() - t
print(json.dumps({"s": opened, "lookups_s": looked, "lookups": len(names) * 3, "added_mb": rss() - before}))
"""
_IMPORT = """
import json, resource, sys, time
from pathlib import Path
t = time.perf_counter()
from geo.places.imports import import_dump
count = import_dump(Path(sys.argv[1]), Path(sys.argv[2]))
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"s": time.perf_counter() - t, "peak_mb": peak_mb, "places": count}))
"""


def _python(snippet: str, *args: str) -> dict[str, float]:
    env = dict(os.environ, GEO_CACHE_DIR=args[0])
    done = subprocess.run([sys.executable, "-c", snippet, *args], capture_output=True, text=True, env=env,
                          timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


_SUFFIXES = ("", "ovo", "ino", "ka", "skoye", "evo", "ovka", "sk", "ny", "aya")


def synthetic_dump(source: Path, out: Path, rows: int) -> tuple[int, int]:
    """Write a zip of ``rows`` dump lines made from ``source``'s (new ids, names, coordinates, country RU);
    return (rows, uncompressed bytes)."""
    with zipfile.ZipFile(source) as z:
        member = next(n for n in z.namelist() if n.endswith(".txt") and "readme" not in n)
        lines = z.read(member).decode("utf-8").splitlines()
    written = size = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z, z.open("RU.txt", "w") as fh:
        for copy in range((rows + len(lines) - 1) // len(lines)):
            suffix = _SUFFIXES[copy % len(_SUFFIXES)]
            for line in lines:
                if written == rows:
                    break
                cols = line.split("\t")
                cols[0] = str(100_000_000 * (copy + 1) + int(cols[0]))
                cols[1] = cols[2] = cols[1] + suffix
                cols[3] = ",".join(a + suffix for a in cols[3].split(",") if a)
                cols[4] = f"{float(cols[4]) + 0.37 * copy:.5f}"
                cols[5] = f"{float(cols[5]) + 0.53 * copy:.5f}"
                cols[8] = "RU"
                data = ("\t".join(cols) + "\n").encode("utf-8")
                fh.write(data)
                written += 1
                size += len(data)
    return written, size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=450_000)
    ap.add_argument("--dump", type=Path, default=DEFAULT_DUMP,
                    help="GeoNames' UA.zip, the rows of the synthetic dump")
    ap.add_argument("--keep", type=Path, help="work in this folder (kept) instead of a temporary one")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="geo-bench-gazetteer-"))
    work.mkdir(parents=True, exist_ok=True)
    table: list[tuple[str, str, str]] = []

    built = _python(_BUILD, str(work / "plain"))
    table.append(("cache built from scratch", f"{built['s']:.1f} s", f"peak {built['peak_mb']:.0f} MB; "
                  f"cache {built['cache_bytes'] / 1e6:.1f} MB"))
    warm = min((_python(_OPEN, str(work / "plain")) for _ in range(3)), key=lambda r: r["s"])
    table.append(("warm open", f"{warm['s'] * 1000:.1f} ms", f"best of 3; {warm['lookups']:.0f} lookups in "
                  f"{warm['lookups_s']:.2f} s"))
    table.append(("memory added: open + lookups", f"{warm['added_mb']:.0f} MB", ""))
    shipped = ROOT / "geo" / "data" / "geonames_ua.tsv.gz"
    if shipped.is_file():
        table.append(("shipped data file", f"{shipped.stat().st_size:,} B", shipped.name))
    if args.dump.is_file():
        big = work / "RU.zip"
        rows, size = synthetic_dump(args.dump, big, args.rows)
        imported = _python(_IMPORT, str(work / "imported"), str(big))
        table.append((f"import of a {rows:,}-row dump", f"{imported['s']:.1f} s",
                      f"peak {imported['peak_mb']:.0f} MB (+{imported['peak_mb'] - built['peak_mb']:.0f} MB "
                      f"over the plain build); {imported['places']:,.0f} places; {size / 1e6:.0f} MB "
                      f"unzipped, {big.stat().st_size / 1e6:.0f} MB zipped"))
        warm_big = min((_python(_OPEN, str(work / "imported")) for _ in range(3)), key=lambda r: r["s"])
        table.append(("warm open with it", f"{warm_big['s'] * 1000:.1f} ms",
                      f"memory added {warm_big['added_mb']:.0f} MB"))
    else:
        table.append(("import of a large dump", "-", f"skipped: no {args.dump} to make it from (--dump)"))
    width = max(len(c) for c, _, _ in table)
    print(f"{'case':<{width}}  {'value':>12}  note")
    for case, value, note in table:
        print(f"{case:<{width}}  {value:>12}  {note}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
