#!/usr/bin/env python3
"""Write ``geo/data/geonames_ua.tsv.gz``, the Ukrainian populated places geo ships, from GeoNames' ``UA.zip``.

    python scripts/build_ua_places.py PATH/TO/UA.zip [--out geo/data/geonames_ua.tsv.gz]

``UA.zip`` (or ``UA.txt``) is GeoNames' country dump (https://download.geonames.org/export/dump/, CC BY 4.0:
credit "Place data: GeoNames (geonames.org), CC BY 4.0"). The file keeps every populated place (feature class
P) with its id, name, coordinates rounded to 5 decimals, feature code, admin1 and admin2 codes, population and
the alternate names geo indexes (Latin and Cyrillic, without digits), one place a line sorted by id, gzipped
with no time stamp: the same dump always gives the same bytes. Any newer dump works the same way; rebuild the
gazetteer (it rebuilds itself when ``BUILD_VERSION`` changes) after replacing the file.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
from pathlib import Path

from geo.errors import GazetteerError
from geo.places.sources import UA_PLACES, UA_PLACES_COLUMNS, iter_dump, place_row

ROOT = Path(__file__).resolve().parent.parent


def write_places(dump: Path, out: Path) -> int:
    """Write the Ukrainian populated places of ``dump`` to ``out``; return how many."""
    cities = sorted(c._replace(lat=round(c.lat, 5), lon=round(c.lon, 5)) for c in iter_dump(dump)
                    if c.country == "UA")
    if not cities:
        raise GazetteerError(f"{dump} holds no populated place of Ukraine; is it UA.zip?")
    tmp = out.with_name(f".{out.name}.tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9,
                                               mtime=0) as gz:
        gz.write(("\t".join(UA_PLACES_COLUMNS) + "\n").encode("utf-8"))
        for city in cities:
            gz.write(place_row(city).encode("utf-8"))
    tmp.replace(out)
    return len(cities)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dump", type=Path, help="GeoNames' UA.zip or UA.txt")
    ap.add_argument("--out", type=Path, default=ROOT / "geo" / "data" / UA_PLACES)
    args = ap.parse_args()
    try:
        count = write_places(args.dump, args.out)
    except GazetteerError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(f"{count} places (populated, islands, spits) -> {args.out} ({args.out.stat().st_size:,} bytes, "
          f"sha256 {digest[:16]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
