import sqlite3
from contextlib import closing
from pathlib import Path

from geo.places.build import cache_path
from geo.places.gazetteer import SPELLINGS_SQL, Gazetteer
from geo.places.rank import km


def near(places, lat, lon, within_km):  # type: ignore[no-untyped-def]
    return [p for p in places if km(p.lat, p.lon, lat, lon) <= within_km]


def test_russian_spelling_finds_the_ukrainian_name(gazetteer: Gazetteer) -> None:
    hits = near(gazetteer.settlements("Girnyk"), 48.053, 37.369, 5)
    assert [p.name for p in hits] == ["Hirnyk"]
    assert hits[0].admin1 == "Donetsk Oblast" and hits[0].precision == "exact"


def test_selidovo_is_selydove(gazetteer: Gazetteer) -> None:
    [p] = gazetteer.settlements("Selidovo")
    assert p.name == "Selydove" and km(p.lat, p.lon, 48.148, 37.297) < 5


def test_cyrillic_and_old_names(gazetteer: Gazetteer) -> None:
    assert "Selydove" in {p.name for p in gazetteer.settlements("Селидове")}
    assert "Bakhmut" in {p.name for p in gazetteer.settlements("Artemovsk")}
    assert "Toretsk" in {p.name for p in gazetteer.settlements("Dzerzhinsk")}
    assert "Pokrovsk" in {p.name for p in gazetteer.settlements("Krasnoarmeysk")}
    assert "Vuhledar" in {p.name for p in gazetteer.settlements("Ugledar")}


def test_a_katottg_village_takes_its_geonames_point_and_official_name(gazetteer: Gazetteer) -> None:
    # joined on raion (GeoNames admin2 1404 = KATOTTG UA1404) and name
    [p] = gazetteer.settlements("Bogoyavlenka")
    assert p.name == "Bohoiavlenka" and p.place_id.startswith("geonames:") and p.precision == "exact"
    assert km(p.lat, p.lon, 47.860, 37.214) < 2  # the village's real point


def test_katottg_village_missing_from_geonames_is_approximate(gazetteer: Gazetteer) -> None:
    [p] = gazetteer.settlements("Hovorukha")  # GeoNames has no Hovorukha (Luhansk Oblast)
    assert p.place_id.startswith("katottg:UA44") and p.precision == "approximate"
    assert km(p.lat, p.lon, 48.574, 39.096) < 25  # its hromada's centre


def test_namesakes_are_all_candidates(gazetteer: Gazetteer) -> None:
    katerynivkas = gazetteer.settlements("Katerynivka")
    assert len(katerynivkas) >= 30
    assert len({p.admin1 for p in katerynivkas}) >= 10


def test_regions_are_distinct_from_their_capital(gazetteer: Gazetteer) -> None:
    [region] = gazetteer.regions("Kursk")[:1]
    assert region.name == "Kursk Oblast" and region.feature == "region" and region.country == "RU"
    assert km(region.lat, region.lon, 51.5, 36.0) < 100
    city = gazetteer.settlements("Kursk")[0]
    assert city.feature == "settlement" and city.place_id != region.place_id
    assert gazetteer.regions("Donetsk")[0].name == "Donetsk Oblast"
    assert gazetteer.regions("Zaporozhye")[0].name == "Zaporizhzhia Oblast"


def test_countries_are_known_as_countries(gazetteer: Gazetteer) -> None:
    assert gazetteer.country("Russia") == "RU"
    assert gazetteer.country("Ukraine") == "UA"
    assert gazetteer.country("Selydove") is None


def test_a_places_spellings_are_read_by_an_index(gazetteer: Gazetteer, cache_dir: Path) -> None:
    """The map reads every drawn place's spellings: a scan of the whole table each time made drawing 2,000
    places take 27 s instead of under one."""
    [bakhmut] = [p for p in gazetteer.settlements("Bakhmut") if p.admin1 == "Donetsk Oblast"][:1]
    assert {"artemivsk", "artemovsk"} <= set(gazetteer.spellings(bakhmut.place_id))
    with closing(sqlite3.connect(f"file:{cache_path(cache_dir)}?mode=ro", uri=True)) as con:
        plan = [row[-1] for row in con.execute("EXPLAIN QUERY PLAN " + SPELLINGS_SQL, (bakhmut.place_id,))]
    assert plan and not any(step.startswith("SCAN") for step in plan), plan
