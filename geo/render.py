"""Render places and claims into one self-contained folium map (pure: returns HTML, writes nothing).

folium's defaults load Leaflet, jQuery, Bootstrap and Font Awesome from CDNs, which leaves a blank page
offline. This map needs only Leaflet, inlined from the pinned ``django-js-lib-leaflet`` package, and geo's own
script and style (``geo/assets``): a time slider, search by any spelling, filters by controller and stance, a
legend, popups with each place's claims in time order, and country borders drawn without tiles.

The data travel as one JSON island (:mod:`geo.maprows`: compact rows, each quote stored once). Article
text reaches the page only there, with ``<``, ``>`` and ``&`` escaped, and is put into the page with
``textContent``, never as HTML. Element ids are sequential, so the same inputs give the same file.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from geo.maprows import MapPlace, map_data, map_place
from geo.models import Article
from geo.timeline import PlaceStatus


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
    return render_places([map_place(s, articles) for s in statuses], articles, borders)


def render_places(places: Sequence[MapPlace], articles: Mapping[str, Article], borders: Mapping[str, Any] | None = None) -> str:
    """:func:`render_map` of places already made into rows (:func:`map_place`), in order of place id."""
    m = _OfflineMap(location=[48.5, 35.0], zoom_start=6, tiles=None, control_scale=True)
    m.get_root().header.add_child(Element("<title>geo: reported territorial changes</title>"), name="title")
    m.add_child(_MapAssets())
    if places:
        lats = [m.row[1] for m in places]
        lons = [m.row[2] for m in places]
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(30, 30), max_zoom=10)
    root = m.get_root()
    _stable_ids(root, [0])
    page = root.render()
    leaflet_js, leaflet_css = _leaflet_assets()
    filling = {"leaflet_css": leaflet_css, "leaflet_js": leaflet_js, "css": _asset("map.css"),
               "js": _asset("map.js").replace("</", "<\\/"),
               # last, so that nothing in it is taken for a slot; <, >, & escaped: it cannot end its script element
               "data": _script_json(map_data(places, articles, borders or {}))}
    for name in _SLOTS:
        page = page.replace(_slot(name), filling[name], 1)
    return page
