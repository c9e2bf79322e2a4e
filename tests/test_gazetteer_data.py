"""The GeoNames places of Ukraine shipped in the package, and the imported dumps a user lists and removes."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from geo.outputs.render import render_map
from geo.places.gazetteer import Gazetteer
from geo.places.rank import km
from geo.places.sources import UA_PLACES, UA_PLACES_COLUMNS, shipped_places
from tests.conftest import chromium

# The settlements' real coordinates (checked against an independent Wikidata/OSM-derived table of Ukrainian
# settlements when this test was written). None of them has 500 people, so GeoNames' cities500 lacks them all:
# before the shipped file they sat at their hromada's centre.
VILLAGES = [
    ("Robotyne", "Zaporizhzhia Oblast", 47.44306, 35.82611),
    ("Klishchiivka", "Donetsk Oblast", 48.5279, 37.95828),
    ("Andriivka", "Donetsk Oblast", 48.50138, 37.96695),  # the one south of Bakhmut, of dozens of Andriivkas
    ("Staromaiorske", "Donetsk Oblast", 47.75293, 36.7933),
]


def _data() -> Path:
    return Path(str(resources.files("geo") / "data" / UA_PLACES))


def test_the_shipped_file_is_small_sorted_and_reads() -> None:
    path = _data()
    assert path.is_file() and path.stat().st_size < 3_000_000
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        assert fh.readline().rstrip("\n").split("\t") == list(UA_PLACES_COLUMNS)
    places = list(shipped_places())
    assert len(places) > 30_000
    ids = [p.geonameid for p in places]
    assert ids == sorted(set(ids))  # sorted by id, each once: the same dump gives the same bytes
    assert all(p.country == "UA" for p in places)
    # the dump has a stray or two
    assert len([p for p in places if not (44 < p.lat < 53 and 22 < p.lon < 41)]) < 5
    assert all(not any(ch.isdigit() for a in p.alternates for ch in a) for p in places)
    # gzip written with no time stamp
    assert gzip.open(path).read(1) and path.read_bytes()[4:8] == b"\0\0\0\0"


@pytest.mark.parametrize(("name", "oblast", "lat", "lon"), VILLAGES)
def test_a_village_cities500_lacks_is_at_its_real_point(gazetteer: Gazetteer, name: str, oblast: str,
                                                        lat: float, lon: float) -> None:
    here = [p for p in gazetteer.settlements(name) if p.admin1 == oblast and km(p.lat, p.lon, lat, lon) < 2]
    assert len(here) == 1, gazetteer.settlements(name)
    assert here[0].precision == "exact" and here[0].place_id.startswith("geonames:")


def test_donetsk_oblast_is_placed_inside_the_oblast(gazetteer: Gazetteer) -> None:
    [oblast] = gazetteer.regions("Donetsk")
    # the oblast's extent, not a town at its edge
    assert 47.0 < oblast.lat < 49.2 and 36.6 < oblast.lon < 38.8
    assert km(oblast.lat, oblast.lon, 48.0, 37.8) < 60


# A village invented for these tests in Kursk Oblast (GeoNames admin1 41), in no gazetteer; the lines are in
# the real files' format with their quirks: admin1 "00", other feature classes, empty fields, CRLF line ends.
_ROWS = [
    ("99000011", "Zzyzxovo", "Zzyzxovo", "Zzyzxovo,Ззызхово", "51.31", "35.17", "P", "PPL", "RU", "", "41",
     "", "", "", "130", "", "180", "Europe/Moscow", "2024-01-01"),
    ("99000012", "Ruchei", "Ruchei", "", "51.3", "35.2", "H", "STM", "RU", "", "00", "", "", "", "", "", "",
     "Europe/Moscow", "2024-01-01"),
    ("99000013", "Khutor Zzyzx", "Khutor Zzyzx", "", "51.5", "35.5", "P", "PPL", "RU", "", "00", "", "", "",
     "", "", "", "Europe/Moscow", "2024-01-01"),
]


def _geo(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, GEO_CACHE_DIR=str(cache))
    return subprocess.run([sys.executable, "-m", "geo", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_imports_are_listed_and_removed_through_the_command(tmp_path: Path) -> None:
    archive = tmp_path / "RU.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("readme.txt", "GeoNames readme\n")
        z.writestr("RU.txt", "".join("\t".join(row) + "\r\n" for row in _ROWS))
    cache = tmp_path / "cache"
    assert _geo(cache, "gazetteer", "list").stdout.startswith("no GeoNames dump imported")
    imported = _geo(cache, "gazetteer", "import", str(archive))
    assert imported.returncode == 0 and "imported 2 populated places" in imported.stderr, imported.stderr
    [place] = Gazetteer.open(cache).settlements("Zzyzxovo")
    assert (place.place_id, place.country, place.admin1, place.precision) == ("geonames:99000011", "RU",
                                                                             "Kursk Oblast", "exact")
    listed = _geo(cache, "gazetteer", "list")
    assert (listed.returncode == 0 and listed.stdout.split("\t")[0] == "RU.zip"
            and "2 populated places" in listed.stdout)

    unknown = _geo(cache, "gazetteer", "remove", "UA.zip")
    assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1, unknown.stderr
    assert unknown.stderr.startswith("error: ") and "RU.zip" in unknown.stderr
    assert _geo(cache, "gazetteer", "remove", "../cache").returncode == 2  # a name, never a path
    assert (cache / "imports" / "RU.zip").is_file()

    removed = _geo(cache, "gazetteer", "remove", "RU.zip")
    assert removed.returncode == 0 and "removed RU.zip" in removed.stderr, removed.stderr
    assert not (cache / "imports" / "RU.zip").exists()
    assert Gazetteer.open(cache).settlements("Zzyzxovo") == []
    assert len(list(cache.glob("gazetteer-v*.sqlite"))) == 1  # the cache with the import is gone
    info = _geo(cache, "gazetteer", "info")
    assert info.returncode == 0 and "imported: none" in info.stdout


@pytest.mark.browser
def test_the_map_credits_geonames_with_no_network(tmp_path: Path) -> None:
    page = tmp_path / "map.html"
    page.write_text(render_map([], {}), encoding="utf-8")
    with chromium(page) as browsed:
        credit = browsed.page.inner_text(".leaflet-control-attribution")
        assert "Place data: GeoNames (geonames.org), CC BY 4.0" in credit
        assert browsed.errors == [] and browsed.outside == []
