"""Country borders for the map's offline background.

The outlines are Natural Earth's admin-0 countries at 1:110m (public domain), as the ``pyogrio`` package ships
them (it comes with geopandas). They are clipped to the part of Europe the war is about, simplified, rounded
to about 100 m and kept as a small GeoJSON file in the cache, built once. Without that file (a pyogrio that no
longer ships it) the map simply has no borders, and the run says so once.
"""

from __future__ import annotations

import importlib.util
import json
import logging
from pathlib import Path
from typing import Any

from geo.atomic import atomic_write

log = logging.getLogger(__name__)

#: The window kept: lon/lat of its south-west and north-east corners (Ukraine, western Russia and neighbours).
WINDOW = (12.0, 38.0, 62.0, 62.0)
#: Simplification tolerance (degrees) and coordinate rounding (decimals) of the kept outlines.
TOLERANCE = 0.02
DECIMALS = 3
#: A country is labelled when this much of it (square degrees) lies in the window.
LABEL_AREA = 2.0
_CACHE_NAME = "borders-v1.json"

# {"type": "FeatureCollection", "features": [...], "labels": [[name, lat, lon], ...]}
Borders = dict[str, Any]


def _natural_earth() -> Path | None:
    spec = importlib.util.find_spec("pyogrio")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = (Path(next(iter(spec.submodule_search_locations))) / "tests" / "fixtures" / "naturalearth_lowres"
            / "naturalearth_lowres.shp")
    return path if path.exists() else None


def _rounded(coords: Any) -> Any:
    if coords and isinstance(coords[0], (int, float)):
        return [round(coords[0], DECIMALS), round(coords[1], DECIMALS)]
    return [_rounded(c) for c in coords]


def build(source: Path) -> Borders:
    """The clipped, simplified outlines and label points from a Natural Earth admin-0 file."""
    import shapely
    from pyogrio.raw import read

    _, _, geometries, fields = read(source, columns=["name"])
    window = shapely.box(*WINDOW)
    features, labels = [], []
    for name, wkb in sorted(zip(fields[0], geometries), key=lambda nw: str(nw[0])):
        shape = shapely.from_wkb(wkb)
        if not shape.intersects(window):
            continue
        clipped = shapely.intersection(shape, window).simplify(TOLERANCE, preserve_topology=True)
        if clipped.is_empty:
            continue
        geometry = shapely.geometry.mapping(clipped)
        features.append({"type": "Feature", "properties": {"name": str(name)},
                         "geometry": {"type": geometry["type"],
                                      "coordinates": _rounded(geometry["coordinates"])}})
        if clipped.area >= LABEL_AREA:
            point = clipped.representative_point()
            labels.append([str(name), round(point.y, 2), round(point.x, 2)])
    return {"type": "FeatureCollection", "features": features, "labels": labels}


def load(cache_dir: Path) -> Borders:
    """The borders, from the cache (built there on first use); empty when no source is installed."""
    cached = cache_dir / _CACHE_NAME
    try:
        return json.loads(cached.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError):
        pass
    source = _natural_earth()
    if source is None:
        log.warning("no country borders for the map: the Natural Earth file that pyogrio ships is not "
                    "installed")
        return {"type": "FeatureCollection", "features": [], "labels": []}
    borders = build(source)
    cache_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(cached, json.dumps(borders, separators=(",", ":")))
    return borders
