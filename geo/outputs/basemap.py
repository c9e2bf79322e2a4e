"""The offline basemap: oblast outlines, rivers, lakes, coasts, land and sea, country borders and town labels.

The map draws it under the places (``geo/assets/basemap.js``) so that it says where it is at every zoom
without tiles or network. It is shipped in the package as ``geo/data/basemap.json.gz``, written by
``scripts/build_basemap.py`` from Natural Earth (public domain) and GeoNames (CC BY 4.0) and read here, once
per process. Its JSON object holds:

- ``format`` (:data:`FORMAT`), ``credit`` (:data:`CREDIT`, shown in the map's attribution) and ``window``
  (:data:`WINDOW`, what the layers are clipped to);
- ``oblasts``: a FeatureCollection, properties ``name_en``, ``iso_3166_2``, ``country`` and ``label`` ([lat,
  lon] of a point inside, for the name);
- ``rivers`` (``name`` or null, ``rank``: 0 the most important, and ``labels``: [[lat, lon], ...] for the
  name), ``lakes`` (``name``, ``rank``), ``coast``, ``borders`` (country borders other than Russia-Ukraine,
  which the oblasts carry), ``land`` and ``sea``: FeatureCollections;
- ``towns``: ``{"columns": TOWN_COLUMNS, "rows": [[name, lat, lon, population], ...]}``, largest first
  (population 0 when GeoNames gives none): the page labels more of them as it zooms in.
"""

from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple

from geo.errors import BasemapError

#: The shipped file, in ``geo/data``.
BASEMAP = "basemap.json.gz"
#: The version of the file's format; a file of another one is refused.
FORMAT = 1
#: The window the layers are clipped to: lon/lat of its south-west and north-east corners.
WINDOW = (20.0, 43.0, 42.0, 54.0)
#: The columns of a town row.
TOWN_COLUMNS = ("name", "lat", "lon", "population")
#: The sources, as the map's attribution credits them.
CREDIT = "Basemap: Natural Earth (public domain); towns: GeoNames (CC BY 4.0)"
_LAYERS = ("oblasts", "rivers", "lakes", "coast", "borders", "land", "sea")


class Town(NamedTuple):
    """A town the map can label; ``population`` is 0 when GeoNames gives none."""

    name: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True)
class Basemap:
    """The shipped basemap: its credit, its towns (largest first) and its layers as GeoJSON
    FeatureCollections."""

    credit: str
    towns: tuple[Town, ...]
    layers: tuple[tuple[str, dict[str, Any]], ...]

    def layer(self, name: str) -> dict[str, Any]:
        """The FeatureCollection of the layer ``name`` (one of ``oblasts``, ``rivers``, ``lakes``, ``coast``,
        ``borders``, ``land``, ``sea``); KeyError for another name."""
        return dict(self.layers)[name]


@functools.cache
def _raw() -> dict[str, Any]:
    """The shipped file's JSON object, checked for its format."""
    source = resources.files("geo") / "data" / BASEMAP
    try:
        with source.open("rb") as fh:
            data = json.loads(gzip.decompress(fh.read()).decode("utf-8"))
    except (OSError, ValueError, EOFError) as err:
        raise BasemapError(f"the basemap {BASEMAP} is missing from the package or unreadable ({err}); "
                           "reinstall geo or rebuild it with scripts/build_basemap.py") from err
    if (not isinstance(data, dict) or data.get("format") != FORMAT
        or any(k not in data for k in (*_LAYERS, "towns"))):
        raise BasemapError(f"the basemap {BASEMAP} in the package is not in format {FORMAT}; rebuild it with "
                           "scripts/build_basemap.py")
    return data


@functools.cache
def load() -> Basemap:
    """The shipped basemap, read once per process; :class:`BasemapError` if it is missing or not in its
    format."""
    data = _raw()
    towns = tuple(Town(str(n), float(la), float(lo), int(p)) for n, la, lo, p in data["towns"]["rows"])
    return Basemap(str(data["credit"]), towns, tuple((k, data[k]) for k in _LAYERS))


@functools.cache
def page_json() -> str:
    """The shipped basemap as the page reads it: compact JSON, safe inside a script element (no ``<``, ``>``
    or ``&`` left as such), the same text for the same file."""
    from geo.outputs.maprows import script_json

    return script_json(_raw())
