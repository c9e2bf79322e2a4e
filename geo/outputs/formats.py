"""``geo export``: a snapshot (:mod:`geo.outputs.snapshot`) written as GeoJSON, CSV, GeoPackage, PNG or HTML.

GeoJSON and CSV hold one layer, the claims (the columns of ``claims.geojson``) or the places (those of
``places.geojson``); a GeoPackage holds both, as the layers ``claims`` and ``places`` (QGIS opens it). PNG is
the static picture of :mod:`geo.outputs.picture`. HTML is the interactive map of the snapshot; with ``embed``
it is an ``<iframe>`` line holding the whole map, to paste into an existing HTML report. Every file is written
to a temporary file and renamed into place.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from geo.atomic import atomic_write, replacing, target
from geo.errors import UsageError
from geo.outputs.export import CLAIM_FIELDS, cell, claim_table, claims_csv, claims_geojson, places_geojson
from geo.outputs.snapshot import Snapshot

FORMATS = ("geojson", "csv", "gpkg", "png", "html")
LAYERS = ("claims", "places")
#: Columns of a place in places.geojson, and in a places CSV (then ``lat`` and ``lon``).
PLACE_FIELDS = ("place_id", "place", "country", "admin1", "feature", "location_precision", "controller",
                "since", "claims")


def default_name(fmt: str, snapshot: Snapshot, *, layer: str = "claims", embed: bool = False) -> str:
    """``geo-claims-2024-10-29.geojson``, ``geo-2024-10-29.gpkg``, ``geo-map-latest.png``, ...: what, as of
    when."""
    day = snapshot.as_of.isoformat() if snapshot.as_of else "latest"
    if fmt == "gpkg":
        return f"geo-{day}.gpkg"
    if fmt in ("png", "html"):
        return f"geo-map-{day}" + (".embed.html" if embed else f".{fmt}")
    return f"geo-{layer}-{day}.{fmt}"


def place_rows(snapshot: Snapshot) -> list[dict[str, Any]]:
    """The places as rows of :data:`PLACE_FIELDS` plus ``lat`` and ``lon``."""
    return [{"place_id": s.place.place_id, "place": s.place.name, "country": s.place.country,
             "admin1": s.place.admin1, "feature": s.place.feature, "location_precision": s.place.precision,
             "controller": s.controller,
             "since": s.since.isoformat() if s.since else None, "claims": len(s.claims),
             "lat": round(s.place.lat, 6), "lon": round(s.place.lon, 6)} for s in snapshot.places]


def _places_csv(snapshot: Snapshot) -> str:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*PLACE_FIELDS, "lat", "lon"], lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: cell(v) for k, v in row.items()} for row in place_rows(snapshot))
    return buf.getvalue()


def _geopackage(snapshot: Snapshot, path: Path, protect: tuple[Path, ...]) -> None:
    """Both layers into a GeoPackage, through geopandas; stamped with the snapshot's day, not the clock's, so
    the same snapshot gives the same file."""
    import geopandas as gpd
    import pyogrio
    from shapely.geometry import Point

    table = claim_table(snapshot.claims, snapshot.articles)
    claims = gpd.GeoDataFrame([dict(zip(CLAIM_FIELDS, row)) for row in table], columns=list(CLAIM_FIELDS),
                              geometry=[Point(row[-1], row[-2]) for row in table], crs="EPSG:4326")
    rows = place_rows(snapshot)
    places = gpd.GeoDataFrame([{k: r[k] for k in PLACE_FIELDS} for r in rows], columns=list(PLACE_FIELDS),
                              geometry=[Point(r["lon"], r["lat"]) for r in rows], crs="EPSG:4326")
    day = snapshot.day
    with replacing(path, protect=protect, suffix=".gpkg") as tmp:
        tmp.unlink()  # GDAL creates the file itself
        try:
            pyogrio.set_gdal_config_options(
                {"OGR_CURRENT_DATE": f"{day.isoformat() if day else '2022-02-24'}T00:00:00Z"})
            claims.to_file(tmp, layer="claims", driver="GPKG", engine="pyogrio")
            places.to_file(tmp, layer="places", driver="GPKG", engine="pyogrio")
        finally:
            pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})


def embed_snippet(page: str, snapshot: Snapshot, *, height: int = 600) -> str:
    """An ``<iframe>`` line holding the whole map page (``srcdoc``): pasted into an HTML report, it shows the
    map with no other file. The page's scripts run sandboxed; its source links open outside the frame."""
    day = snapshot.day.isoformat() if snapshot.day else "latest"
    return (f"<!-- geo map as of {day}: paste into an HTML report -->\n"
            f'<iframe title="{html.escape(f"Reported territorial changes as of {day} (geo)")}" '
            f'style="width:100%;height:{int(height)}px;border:0" loading="lazy" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            f'srcdoc="{html.escape(page, quote=True)}"></iframe>\n')


def write_export(snapshot: Snapshot, fmt: str, path: Path, borders: Mapping[str, Any], *,
                 layer: str = "claims", embed: bool = False, width: int = 1600, height: int = 1200,
                 store: Path | None = None,
                 spellings: Callable[[str], Sequence[str]] | None = None) -> None:
    """Write ``snapshot`` to ``path`` in ``fmt`` (one of :data:`FORMATS`): a regular file only (a link is
    written through; a folder, a device and the ``store`` are refused), keeping an existing file's
    permissions. ``spellings`` gives the map's search each place's other names."""
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    if layer not in LAYERS:
        raise UsageError(f"--layer {layer!r} is not one of {', '.join(LAYERS)}")
    protect = tuple(store.with_name(store.name + end) for end in ("", "-wal", "-shm")) if store else ()
    path.parent.mkdir(parents=True, exist_ok=True)
    target(path, protect=protect)  # refused before the work, not after
    if fmt == "gpkg":
        _geopackage(snapshot, path, protect)
        return
    atomic_write(path, _content(snapshot, fmt, borders, layer=layer, embed=embed, width=width, height=height,
                                spellings=spellings), protect=protect)


def _content(snapshot: Snapshot, fmt: str, borders: Mapping[str, Any], *, layer: str, embed: bool, width: int,
             height: int, spellings: Callable[[str], Sequence[str]] | None = None) -> str | bytes:
    """The bytes of an export in a format other than GeoPackage."""
    if fmt == "geojson":
        table = claim_table(snapshot.claims, snapshot.articles)
        return claims_geojson(table) if layer == "claims" else places_geojson(snapshot.places)
    if fmt == "csv":
        return (claims_csv(claim_table(snapshot.claims, snapshot.articles)) if layer == "claims"
                else _places_csv(snapshot))
    if fmt == "png":
        from geo.outputs.picture import picture

        return picture(snapshot, borders, width=width, height=height)
    from geo.outputs.render import render_map

    page = render_map(snapshot.places, snapshot.articles, borders, spellings)
    return embed_snippet(page, snapshot, height=min(height, 900)) if embed else page
