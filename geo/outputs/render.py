"""Render places and claims into one self-contained folium map (pure: returns HTML, writes nothing).

folium's defaults load Leaflet, jQuery, Bootstrap and Font Awesome from CDNs, which leaves a blank page
offline. This map needs only Leaflet, inlined from the pinned ``django-js-lib-leaflet`` package, and geo's own
script and style (``geo/assets``): a time slider, search by any spelling, filters by controller and stance, a
legend, popups with each place's claims in time order, and country borders drawn without tiles. The offline
basemap (:mod:`geo.outputs.basemap`, drawn by ``geo/assets/basemap.js``) is a JSON island of its own in the
skeleton.

The data travel as one JSON island (:mod:`geo.outputs.maprows`: compact rows, each quote kept once with its
article). Article text reaches the page only there, with ``<``, ``>`` and ``&`` escaped, and is put into the
page with ``textContent``, never as HTML. Element ids are sequential, so the same inputs give the same file.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from importlib import metadata, resources
from typing import Any

from geo import names
from geo.models import Article
from geo.outputs import basemap
from geo.outputs.maprows import PAGE_CODES, Voices, article_entry, map_json, map_place
from geo.outputs.timeline import PlaceStatus


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


def _asset(name: str) -> str:
    return (resources.files("geo") / "assets" / name).read_text(encoding="utf-8")


def _map_script() -> str:
    """geo's map script, with what Python holds filled in: the orders of the codes of
    :data:`geo.outputs.maprows.PAGE_CODES`, and the tables of :func:`geo.names.fold` for the map's search."""
    script = _asset("map.js")
    for name, values in PAGE_CODES.items():
        script = script.replace(f"@{name}@", "[" + ", ".join(f"'{v}'" for v in values) + "]")
    # the Cyrillic letters
    tables = {"KMU": [(k, v) for k, v in names.KMU.items() if "\u0400" <= k <= "\u04ff"],
              "KMU_INITIAL": list(names.KMU_INITIAL.items()), "RULES": list(names.FOLD_RULES)}
    for name, pairs in tables.items():
        items = [f"'{a}': '{b}'" if name != "RULES" else f"['{a}', '{b}']" for a, b in pairs]
        brackets = "[]" if name == "RULES" else "{}"
        script = script.replace(f"  var {name} = @{name}@;",
                                _js_statement(f"  var {name} = {brackets[0]}", items, brackets[1] + ";"))
    return script


def _js_statement(head: str, items: Sequence[str], close: str, width: int = 118) -> str:
    """``head``, the items separated by commas and wrapped before ``width`` columns (continued 4 spaces in),
    and ``close``: the layout of the script's own tables."""
    lines, line = [], head
    for n, item in enumerate(items):
        piece = item + ("," if n < len(items) - 1 else "")
        if line != head and len(line) + 1 + len(piece) > width:
            lines.append(line)
            line = "    " + piece
        else:
            line += ("" if line == head else " ") + piece
    return "\n".join([*lines, line + close])


def _slot(name: str) -> str:
    """Where an asset or the data goes in the page. folium compiles what its elements render as Jinja
    templates, so nothing large and nothing from an article passes through it ("{{ 7*7 }}" in a quote would be
    evaluated): the slots are filled in after folium is done, the data last, so that nothing in it is taken
    for a slot (and with <, > and & escaped, it cannot end its script element)."""
    return f"__GEO_SLOT_{name}__"


_ASSETS_TEMPLATE = """{% macro header(this, kwargs) %}<style>__GEO_SLOT_leaflet_css__</style>
<script>__GEO_SLOT_leaflet_js__</script>
<style>__GEO_SLOT_css__</style>
<style>__GEO_SLOT_basemap_css__</style>
<script>__GEO_SLOT_basemap_js__</script>
<script>__GEO_SLOT_js__</script>{% endmacro %}
{% macro html(this, kwargs) %}<script type="application/json" id="geo-basemap">__GEO_SLOT_basemap__</script>
<script type="application/json" id="geo-data">__GEO_SLOT_data__</script>{% endmacro %}
{% macro script(this, kwargs) %}geoMap({{ this._parent.get_name() }}, JSON.parse(document.getElementById("geo-data").textContent));
{% endmacro %}"""  # noqa: E501 - the page's own line, byte for byte

#: Where the data go in the page.
DATA_SLOT = _slot("data")


def _stable_ids(element: Any, counter: list[int]) -> None:
    """Replace folium's random element ids with sequential ones, so the same inputs give the same file."""
    counter[0] += 1
    element._id = f"{counter[0]:08x}"
    for child in element._children.values():
        _stable_ids(child, counter)


def skeleton() -> str:
    """The page with Leaflet, geo's style and script in it and :data:`DATA_SLOT` for the data: the same for
    every map, so it can be kept (folium, slow to load, is needed only here)."""
    import folium
    from branca.element import Element, MacroElement
    from jinja2 import Template

    class OfflineMap(folium.Map):  # a folium map that links no CDN asset
        default_js: list[tuple[str, str]] = []
        default_css: list[tuple[str, str]] = []

    class MapAssets(MacroElement):  # slots for the assets and the data island; the call that starts the map
        _template = Template(_ASSETS_TEMPLATE)

        def __init__(self) -> None:
            super().__init__()
            self._name = "MapAssets"

    m = OfflineMap(location=[48.5, 35.0], zoom_start=6, tiles=None, control_scale=True)
    root: Any = m.get_root()  # a Figure: it has a header
    root.header.add_child(Element("<title>geo: reported territorial changes</title>"), name="title")
    m.add_child(MapAssets())
    _stable_ids(root, [0])
    text: str = root.render()
    leaflet_js, leaflet_css = _leaflet_assets()
    filling = {"leaflet_css": leaflet_css, "leaflet_js": leaflet_js, "css": _asset("map.css"),
               "basemap_css": _asset("basemap.css"), "basemap_js": _asset("basemap.js").replace("</", "<\\/"),
               "js": _map_script().replace("</", "<\\/"), "basemap": basemap.page_json()}
    for name, value in filling.items():
        text = text.replace(_slot(name), value, 1)
    return text


def skeleton_key() -> str:
    """What the skeleton is made of: geo's assets, the basemap and the versions of folium and Leaflet (no
    folium import)."""
    parts = [_map_script(), _asset("map.css"), _asset("basemap.js"), _asset("basemap.css"),
             basemap.page_json(), metadata.version("folium"), metadata.version("django-js-lib-leaflet")]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def render_map(statuses: Sequence[PlaceStatus], articles: Mapping[str, Article],
               borders: Mapping[str, Any] | None = None,
               spellings: Callable[[str], Sequence[str]] | None = None) -> str:
    """The map of ``statuses`` as one self-contained HTML page; ``borders`` is the offline background
    (:mod:`geo.outputs.borders`); ``spellings`` gives each place's other names for the search."""
    said: dict[str, list[tuple[str, str]]] = {}
    for c in (c for s in statuses for c in s.claims):
        said.setdefault(c.article_id, []).append((c.claimant, c.quote))
    voices = {a: Voices.of(pairs) for a, pairs in said.items()}
    places = [map_place(s, articles, voices, spellings(s.place.place_id) if spellings else ())
              for s in statuses]
    entries = [(a, article_entry(articles[a], v)) for a, v in sorted(voices.items()) if a in articles]
    return skeleton().replace(DATA_SLOT, map_json(places, entries, borders or {}), 1)
