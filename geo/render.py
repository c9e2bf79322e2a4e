"""Render places and claims into one self-contained folium map (pure: returns HTML, writes nothing).

folium's defaults load Leaflet, jQuery, Bootstrap and Font Awesome from CDNs, which leaves a blank page
offline. This map needs only Leaflet, inlined from the pinned ``django-js-lib-leaflet`` package, and geo's own
script and style (``geo/assets``): a time slider, search by any spelling, filters by controller and stance, a
legend, popups with each place's claims in time order, and country borders drawn without tiles.

The data travel as one JSON island (compact rows: codes for words that repeat, each quote stored once). Article
text reaches the page only there, with ``<``, ``>`` and ``&`` escaped, and is put into the page with
``textContent``, never as HTML. Element ids are sequential, so the same inputs give the same file.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping, Sequence
from datetime import date
from importlib import resources
from typing import Any

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from geo.models import Article, Claim, Place
from geo.timeline import PlaceStatus, effective_date

#: Marker colours by controller (colour-blind safe: blue, red, amber).
COLORS = {"UA": "#1f6fd1", "RU": "#d7263d", "contested": "#f2a900"}


def _leaflet_assets() -> tuple[str, str]:
    """Leaflet's JS and CSS from the installed package, with the CSS images inlined as data URIs."""
    root = resources.files("js_lib_leaflet") / "static" / "js_lib_leaflet"
    js = (root / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"//# sourceMappingURL=\S+", "", js).replace("</", "<\\/")
    css = (root / "leaflet.css").read_text(encoding="utf-8")

    def inline(m: re.Match[str]) -> str:
        data = (root / "images" / m.group(1)).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(data).decode('ascii')})"

    css = re.sub(r"url\(images/([\w.-]+\.png)\)", inline, css)
    return js, css


class _OfflineMap(folium.Map):
    """A folium map that links no CDN asset."""

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []


def _asset(name: str) -> str:
    return (resources.files("geo") / "assets" / name).read_text(encoding="utf-8")


#: Where the assets and the data go in the page. folium compiles what its elements render as Jinja templates, so
#: nothing large and nothing from an article passes through it ("{{ 7*7 }}" in a quote would be evaluated): these
#: slots are filled in after folium is done.
_SLOTS = ("leaflet_css", "leaflet_js", "css", "js", "data")


def _slot(name: str) -> str:
    return f"__GEO_SLOT_{name}__"


class _MapAssets(MacroElement):
    """Slots for Leaflet, geo's own style and script and the data island; the call that starts the map."""

    _template = Template(
        """{% macro header(this, kwargs) %}<style>__GEO_SLOT_leaflet_css__</style>
<script>__GEO_SLOT_leaflet_js__</script>
<style>__GEO_SLOT_css__</style>
<script>__GEO_SLOT_js__</script>{% endmacro %}
{% macro html(this, kwargs) %}<script type="application/json" id="geo-data">__GEO_SLOT_data__</script>{% endmacro %}
{% macro script(this, kwargs) %}geoMap({{ this._parent.get_name() }}, JSON.parse(document.getElementById("geo-data").textContent));
{% endmacro %}"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "MapAssets"


_CONTROLLERS = ("RU", "UA", "contested")
_STANCES = ("claimed", "confirmed", "denied", "unverified")
_EVENTS = ("captured", "recaptured", "holds", "withdrew", "fighting")
_PRECISIONS = ("day", "week", "month", "season", "year")
_SIDES = ("RU", "UA", "third_party", "unknown")
#: How many of the most claimed places carry a permanent label (regions always do).
LABELLED_PLACES = 40
#: The online street map, off until the user turns it on: CARTO's tiles accept requests from a file:// page.
TILES = {"url": "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
         "attribution": "&copy; OpenStreetMap contributors &copy; CARTO"}
_EPOCH = date(1970, 1, 1)


def _day(d: date) -> int:
    return (d - _EPOCH).days


def _kind(place: Place) -> int:
    """0: a settlement at its own point; 1: at its community's centre; 2: known only by its region; 3: a region."""
    if place.feature == "region":
        return 3
    return {"exact": 0, "approximate": 1}.get(place.precision, 2)


def _where(place: Place) -> str:
    return ("settlement", "approximate location: the centre of its community",
            f"location unknown: drawn at the centre of {place.admin1}", "region")[_kind(place)]


def _code(claim: Claim) -> int:
    """A claim's precision, controller, event, stance and claimant side in one number (the page unpacks it)."""
    precision = _PRECISIONS.index(claim.date_precision) + 1 if claim.date_precision else 0
    return (((precision * 3 + _CONTROLLERS.index(claim.controller)) * 5 + _EVENTS.index(claim.event)) * 4
            + _STANCES.index(claim.stance)) * 4 + _SIDES.index(claim.claimant_side)


class _Strings:
    """A table of the texts the claims repeat (claimants, quotes), each stored once."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        return self.index.setdefault(text, len(self.index))


def _map_data(statuses: Sequence[PlaceStatus], articles: Mapping[str, Article], borders: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the page shows, as compact rows (codes instead of repeated words)."""
    article_ids = sorted({c.article_id for s in statuses for c in s.claims})
    article_index = {a: i for i, a in enumerate(article_ids)}
    strings = _Strings()
    ranked = sorted(statuses, key=lambda s: (-len(s.claims), s.place.name, s.place.place_id))
    labelled = {s.place.place_id for s in ranked[:LABELLED_PLACES]} | {s.place.place_id for s in statuses if s.place.feature == "region"}
    rows, days = [], []
    for s in statuses:
        p = s.place
        names = [p.name, *sorted({c.surface for c in s.claims} - {p.name})]
        claims = []
        for c in s.claims:
            claims.append([_day(c.event_date) if c.event_date else None, _code(c), strings(c.claimant), strings(c.quote),
                           article_index[c.article_id]])
            if (d := effective_date(c, articles)) is not None:
                days.append(_day(d))
        periods = [[_day(q.start), _CONTROLLERS.index(q.controller), _STANCES.index(q.stance)] for q in s.periods]
        rows.append([names, round(p.lat, 5), round(p.lon, 5), _kind(p), periods, claims, int(p.place_id in labelled), _where(p)])
    first, last = (min(days), max(days)) if days else (_day(date(2022, 2, 24)),) * 2
    note = (f"{len(rows)} places; claims from {date.fromordinal(_EPOCH.toordinal() + first).isoformat()} "
            f"to {date.fromordinal(_EPOCH.toordinal() + last).isoformat()}" if days else f"{len(rows)} places")
    return {
        "places": rows,
        "articles": [[a.title, a.source, a.url, a.published.isoformat() if a.published else None]
                     for a in (articles.get(i) for i in article_ids) if a is not None],
        "strings": list(strings.index),
        "first": first, "last": last, "note": note, "colors": COLORS, "tiles": TILES,
        "borders": {"type": "FeatureCollection", "features": borders.get("features", [])},
        "countries": borders.get("labels", []),
    }


def _script_json(value: Any) -> str:
    """JSON that is safe inside a script element: no <, > or & (nor JS's line separators) left as such."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _stable_ids(element: Element, counter: list[int]) -> None:
    """Replace folium's random element ids with sequential ones, so the same inputs give the same file."""
    counter[0] += 1
    element._id = f"{counter[0]:08x}"
    for child in element._children.values():
        _stable_ids(child, counter)


def render_map(statuses: Sequence[PlaceStatus], articles: Mapping[str, Article], borders: Mapping[str, Any] | None = None) -> str:
    """The map as one self-contained HTML page; ``borders`` is the offline background (:mod:`geo.borders`)."""
    m = _OfflineMap(location=[48.5, 35.0], zoom_start=6, tiles=None, control_scale=True)
    m.get_root().header.add_child(Element("<title>geo: reported territorial changes</title>"), name="title")
    m.add_child(_MapAssets())
    if statuses:
        lats = [s.place.lat for s in statuses]
        lons = [s.place.lon for s in statuses]
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(30, 30), max_zoom=10)
    root = m.get_root()
    _stable_ids(root, [0])
    page = root.render()
    leaflet_js, leaflet_css = _leaflet_assets()
    filling = {"leaflet_css": leaflet_css, "leaflet_js": leaflet_js, "css": _asset("map.css"),
               "js": _asset("map.js").replace("</", "<\\/"),
               # last, so that nothing in it is taken for a slot; <, >, & escaped: it cannot end its script element
               "data": _script_json(_map_data(statuses, articles, borders or {}))}
    for name in _SLOTS:
        page = page.replace(_slot(name), filling[name], 1)
    return page
