#!/usr/bin/env python3
"""Name-alone resolution against a reference table of Ukrainian settlements (evaluation only).

For every settlement of the table whose name no other Ukrainian settlement shares (in the table and in geo's
gazetteer: the shipped GeoNames places of Ukraine and KATOTTG), resolve the bare name with no context and
measure how far geo lands from the reference point. A name the gazetteer does not know, or knows only in
another oblast, counts as a miss. Prints the share within 5 km, the misses by kind, and the misses.

    python scripts/reference_check.py ../shared/reference/ua_settlements_deepstate.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from geo.names import fold
from geo.places.gazetteer import Gazetteer
from geo.places.rank import km
from geo.places.resolve import explain
from geo.settings import default_cache_dir


def _same_region(admin1: str, region: str) -> bool:
    """"Donetsk Oblast" ~ "donetsk region"; Crimea and Sevastopol ~ "autonomous republic of crimea"."""
    a, r = fold(admin1.split()[0]), fold(region.replace("autonomous republic of ", "").split()[0])
    return a == r or (a in (fold("Crimea"), fold("Sevastopol")) and r == fold("crimea"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", type=Path)
    ap.add_argument("--km", type=float, default=5.0)
    ap.add_argument("--misses", type=int, default=30)
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.reference.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    gazetteer = Gazetteer.open(default_cache_dir(os.environ))
    in_table = Counter(fold(r["name"]) for r in rows)
    checked, near, misses, kinds = 0, 0, [], Counter()
    for r in rows:
        name = r["name"].title()
        if in_table[fold(r["name"])] != 1:
            continue
        ukrainian = [p for p in gazetteer.settlements(name) if p.country == "UA"]
        if len(ukrainian) > 1:
            continue  # a name several Ukrainian settlements share: context decides, not the name
        checked += 1
        ranking = explain(name, "", gazetteer)
        if not ranking:
            kinds["unknown name"] += 1
            misses.append(f"{name} ({r['region']}): unknown")
            continue
        best = ranking[0].place
        d = km(r["lat"], r["lon"], best.lat, best.lon)
        if d <= args.km:
            near += 1
            continue
        if best.country != "UA":
            kind = "a namesake abroad wins"
        elif not _same_region(best.admin1 or "", r["region"]):
            kind = "the only Ukrainian namesake is in another oblast"
        elif best.precision == "approximate":
            kind = "approximate (hromada centre)"
        else:
            kind = "GeoNames point far from the reference's"
        kinds[kind] += 1
        misses.append(f"{name} ({r['region']}): {best.name}, {best.admin1}, {best.country}, "
                      f"{best.precision}, {best.place_id} is {d:.0f} km off [{kind}]")
    print(f"{near}/{checked} names unique in Ukraine within {args.km:g} km: {near / max(checked, 1):.4f}")
    for kind, n in kinds.most_common():
        print(f"  {n:5d} {kind}")
    for line in misses[: args.misses]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
