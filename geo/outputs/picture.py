"""A static picture of a snapshot, for PDFs and slides: PNG, drawn with matplotlib, no browser, no network.

Places are dots coloured by who is claimed to control them (the map's colours), regions pale discs; places
drawn at their community's or region's centre have a dark ring. The most claimed places are labelled, country
borders and names (Natural Earth, from :mod:`geo.outputs.borders`) are the background, and the title gives the
day shown.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Mapping
from typing import Any

from geo.outputs.maprows import COLORS
from geo.outputs.snapshot import Snapshot

#: Places labelled by name, the most claimed first.
LABELLED = 12
_NAMES = {"RU": "Russia", "UA": "Ukraine", "contested": "Contested"}
_LAND, _BORDER, _INK = "#f3f1ec", "#a8a8a8", "#333333"


def _extent(snapshot: Snapshot, aspect: float) -> tuple[float, float, float, float]:
    """West, south, east, north shown: the box asked for, else the places with a margin, widened to the
    picture's shape (``aspect``: width / height, in degrees of longitude per degree of latitude as drawn)."""
    if snapshot.bbox is not None:
        west, south, east, north = snapshot.bbox
    elif snapshot.places:
        # the bulk of the places: a stray one (a namesake a thousand km away) must not shrink the rest to a
        # corner
        lons = sorted(s.place.lon for s in snapshot.places)
        lats = sorted(s.place.lat for s in snapshot.places)
        cut = len(lons) // 50
        west, east, south, north = lons[cut], lons[-1 - cut], lats[cut], lats[-1 - cut]
        pad = max(0.3, 0.08 * max(east - west, north - south))
        west, east, south, north = west - pad, east + pad, south - pad, north + pad
    else:
        west, south, east, north = 22.0, 44.0, 41.0, 53.0  # Ukraine
    mid = (south + north) / 2
    scale = math.cos(math.radians(mid))
    width, height = (east - west) * scale, north - south
    if width / height < aspect:  # too tall: widen
        grow = (aspect * height / scale - (east - west)) / 2
        west, east = west - grow, east + grow
    else:  # too wide: heighten
        grow = ((east - west) * scale / aspect - height) / 2
        south, north = south - grow, north + grow
    return west, south, east, north


def picture(snapshot: Snapshot, borders: Mapping[str, Any], *, width: int = 1600,
            height: int = 1200) -> bytes:
    """The snapshot as a PNG of ``width`` x ``height`` pixels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width / 100, height / 100), dpi=100, facecolor="white")
    FigureCanvasAgg(fig)
    top = 1 - 70 / height  # room for the title
    ax = fig.add_axes((0.0, 0.0, 1.0, top))
    extent = _extent(snapshot, width / (height * top))
    west, south, east, north = extent
    ax.set_axis_off()
    _ground(ax, borders, extent)
    _dots(ax, snapshot)
    ax.set_xlim(west, east)  # after plotting, which may have moved them
    ax.set_ylim(south, north)
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    fig.canvas.draw()  # lays the axes out: labels are placed in pixels
    _labels(ax, snapshot, width, height * top)
    _legend(ax, snapshot)
    _titles(fig, snapshot, extent, height)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=100, metadata={"Software": None})
    return out.getvalue()


def _ground(ax: Any, borders: Mapping[str, Any], extent: tuple[float, float, float, float]) -> None:
    """The sea, the countries' land and borders, and the names of the countries well inside the view."""
    import geopandas as gpd
    from matplotlib.patches import Rectangle

    west, south, east, north = extent
    # the sea
    ax.add_patch(Rectangle((west, south), east - west, north - south, facecolor="#dfe9f2", zorder=0))
    if borders.get("features"):
        gpd.GeoDataFrame.from_features(borders["features"]).plot(ax=ax, facecolor=_LAND, edgecolor=_BORDER,
                                                                 linewidth=0.6, zorder=1, aspect=None)
    margin_x, margin_y = (east - west) / 12, (north - south) / 30
    for name, lat, lon in borders.get("labels", []):
        if west + margin_x < lon < east - margin_x and south + margin_y < lat < north - margin_y:
            ax.text(lon, lat, name.upper(), fontsize=9, color="#8c8c8c", ha="center", va="center", zorder=2)


def _dots(ax: Any, snapshot: Snapshot) -> None:
    """Regions as wide pale discs, settlements as dots (ringed dark where their location is approximate)."""
    regions = [s for s in snapshot.places if s.place.feature == "region"]
    settlements = [s for s in snapshot.places if s.place.feature != "region"]
    if regions:
        ax.scatter([s.place.lon for s in regions], [s.place.lat for s in regions], s=900, zorder=3,
                   linewidths=1.2, c=[COLORS[s.controller] for s in regions], alpha=0.25,
                   edgecolors=[COLORS[s.controller] for s in regions])
    if settlements:
        ax.scatter([s.place.lon for s in settlements], [s.place.lat for s in settlements], s=46, zorder=4,
                   c=[COLORS[s.controller] for s in settlements], linewidths=1.0,
                   edgecolors=["white" if s.place.precision == "exact" else _INK for s in settlements])


def _labels(ax: Any, snapshot: Snapshot, width: float, height: float) -> None:
    """Names of the most claimed places that fit in the picture without covering each other."""
    from matplotlib import patheffects

    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    taken: list[tuple[float, float, float, float]] = []
    for s in sorted(snapshot.places, key=lambda s: (-len(s.claims), s.place.name, s.place.place_id)):
        x, y = ax.transData.transform((s.place.lon, s.place.lat))
        box = (x + 4, y, x + 8 + 7.5 * len(s.place.name), y + 16)  # where the label would go, roughly
        if len(taken) == LABELLED or not (0 <= x <= width and 0 <= y <= height) or any(
                box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in taken):
            continue  # enough labels, off the picture, or on another label: the most claimed are kept
        taken.append(box)
        ax.annotate(s.place.name, (s.place.lon, s.place.lat), xytext=(5, 4), textcoords="offset points",
                    fontsize=10, color=_INK, zorder=5, path_effects=halo)


def _legend(ax: Any, snapshot: Snapshot) -> None:
    from matplotlib.lines import Line2D

    counts = Counter(s.controller for s in snapshot.places)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=COLORS[k],
                      markeredgecolor="white", label=f"{_NAMES[k]} ({counts[k]})")
               for k in ("RU", "UA", "contested")]
    handles.append(Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor="white",
                          markeredgecolor=_INK, label="location approximate"))
    ax.legend(handles=handles, loc="lower left", fontsize=10, framealpha=0.92, title="Claimed control",
              title_fontsize=10)


def _titles(fig: Any, snapshot: Snapshot, extent: tuple[float, float, float, float], height: int) -> None:
    """The day the picture shows, and what it shows with its sources."""
    west, south, east, north = extent
    day = snapshot.day
    fig.text(0.012, 1 - 28 / height, f"Reported control as of {day.isoformat() if day else 'no dated claim'}",
             fontsize=17, weight="bold", color=_INK, va="center")
    outside = sum(1 for s in snapshot.places
                  if not (west <= s.place.lon <= east and south <= s.place.lat <= north))
    fig.text(0.012, 1 - 54 / height,
             f"{len(snapshot.places)} places ({outside} outside this view), {len(snapshot.claims)} "
             "claims from news reports; made with geo, borders from Natural Earth", fontsize=10,
             color="#666666", va="center")
