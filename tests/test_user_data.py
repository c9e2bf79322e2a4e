"""The user's data: GeoNames dumps imported into the gazetteer, and seeds/places.csv, which wins over
everything."""

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from geo.errors import GazetteerError
from geo.places.gazetteer import Gazetteer
from geo.places.imports import import_dump
from geo.places.rank import km
from geo.places.resolve import explain
from geo.places.sources import read_dump
from tests.conftest import write_article

# Lines in the GeoNames dump format (19 tab-separated columns), written for these tests. Robotyne
# (Zaporizhzhia Oblast, admin1 26) has fewer than 500 people, so cities500 lacks it; the coordinates are the
# village's.
ROBOTYNE = ("99000001", "Robotyne", "Robotyne", "Rabotino,Работино,Роботине", "47.44417", "35.83778", "P",
            "PPL", "UA", "", "26", "", "", "", "480", "", "90", "Europe/Zaporozhye", "2024-01-01")
A_LAKE = ("99000002", "Lake Test", "Lake Test", "", "47.5", "35.5", "H", "LK", "UA", "", "26", "", "", "",
          "0", "", "0", "Europe/Zaporozhye", "2024-01-01")


def _dump_line(cols: tuple[str, ...]) -> str:
    return "\t".join(cols) + "\n"


def test_a_dump_is_read_in_its_format_and_places_only(tmp_path: Path) -> None:
    txt = tmp_path / "UA.txt"
    txt.write_text(_dump_line(ROBOTYNE) + _dump_line(A_LAKE) + "a broken line\n", encoding="utf-8")
    cities = read_dump(txt)
    assert [(c.name, c.lat, c.population, c.admin1) for c in cities] == [("Robotyne", 47.44417, 480, "26")]
    assert cities[0].alternates == ("Rabotino", "Работино", "Роботине")


def test_a_file_that_is_not_a_dump_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "cities.csv"
    bad.write_text("name,lat,lon\nRobotyne,47.4,35.8\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="GeoNames dump format"):
        read_dump(bad)


# A village invented for this test in Kursk Oblast (admin1 41): Russia's villages of under 500 people are in
# no embedded gazetteer; importing GeoNames' RU.zip is how they get their own point.
KURSK_VILLAGE = ("99000021", "Zzyzxivka", "Zzyzxivka", "Zzyzxovka,Ззызховка", "51.31", "35.17", "P", "PPL",
                 "RU", "", "41", "", "", "", "130", "", "180", "Europe/Moscow", "2024-01-01")


def test_an_imported_zip_dump_puts_the_village_at_its_own_place(tmp_path: Path, gazetteer: Gazetteer) -> None:
    assert not [p for p in gazetteer.settlements("Zzyzxovka") if p.country == "RU"]
    archive = tmp_path / "RU.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("RU.txt", _dump_line(KURSK_VILLAGE))
        z.writestr("readme.txt", "GeoNames readme")
    cache = tmp_path / "cache"
    assert import_dump(cache, archive) == 1
    after = Gazetteer.open(cache)
    place = explain("Zzyzxovka", "in Kursk region", after)[0].place
    assert (place.place_id, place.precision, place.admin1) == ("geonames:99000021", "exact", "Kursk Oblast")
    assert km(place.lat, place.lon, 51.31, 35.17) < 0.1
    assert (cache / "imports" / "RU.zip").is_file()
    assert len(list(cache.glob("gazetteer-v*.sqlite"))) == 1


def _run(root: Path, cache_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, GEO_CACHE_DIR=str(cache_dir))
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=300)


def test_places_csv_wins_and_a_change_reprocesses(tmp_path: Path, cache_dir: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_article(seeds, "a.md", "Russian forces captured Avdiivka and the village of Zzyzxivka on Monday.",
                  title="t", published="2024-02-20", url="https://example.org/a")
    first = _run(tmp_path, cache_dir, "run")
    assert first.returncode == 0, first.stderr
    assert "1 unresolved" in first.stderr and "Zzyzxivka" in first.stderr
    (seeds / "places.csv").write_text(
        "name,lat,lon,country,admin1,aliases\n"
        "Avdiivka,48.0,37.0,UA,Donetsk Oblast,\n"
        "Zzyzx Village,48.2,37.4,UA,Donetsk Oblast,Zzyzxivka;Zzyzxovka\n"
        "Broken,north,east,,,\n", encoding="utf-8")
    second = _run(tmp_path, cache_dir, "run")
    assert second.returncode == 1, second.stderr  # a row was skipped, as a bad article would be
    assert "1 changed" in second.stderr and "0 unresolved" in second.stderr and "1 skipped" in second.stderr
    assert "places.csv:4" in second.stderr  # the bad row is named, and skipped
    claims = json.loads((tmp_path / "output" / "claims.geojson").read_text(encoding="utf-8"))["features"]
    where = {f["properties"]["surface"]: (f["properties"]["place_id"], f["geometry"]["coordinates"])
             for f in claims}
    assert where["Avdiivka"] == ("user:avdiivka", [37.0, 48.0])
    assert where["Zzyzxivka"] == ("user:zzyzx-village", [37.4, 48.2])


def test_geo_resolve_explains_its_choice(tmp_path: Path, cache_dir: Path) -> None:
    shown = _run(tmp_path, cache_dir, "resolve", "Katerynivka", "--context", "near Vuhledar and Marinka",
                 "--top", "3")
    assert shown.returncode == 0, shown.stderr
    count = re.search(r"(\d+) candidate\(s\)", shown.stdout)
    assert count and int(count.group(1)) >= 30  # Ukraine has dozens of Katerynivkas
    assert "Donetsk Oblast" in shown.stdout and "context" in shown.stdout
    unknown = _run(tmp_path, cache_dir, "resolve", "Zzyzxivka")
    assert unknown.returncode == 1 and "places.csv" in unknown.stderr
