"""Resolution that holds on text nobody tuned for: cues that bind a name to its region or country, one place
per name in an article, names that grammar says are no place, names left out said so, one scoring path for
``geo resolve`` and ``geo run``. Sentences written for these tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.models import Resolved, Unresolved
from geo.names import fold
from geo.places.gazetteer import Gazetteer
from geo.places.rank import km
from geo.places.recognize import find_mentions
from geo.places.resolve import explain, resolve_mentions
from tests.conftest import write_article


def resolve(text: str, gazetteer: Gazetteer) -> tuple[dict[str, Resolved], dict[str, Unresolved]]:
    resolved, unresolved = resolve_mentions(find_mentions("t", text, gazetteer), gazetteer, text)
    return {r.mention.surface: r for r in resolved}, {u.surface: u for u in unresolved}


def geo_run(tmp_path: Path, cache_dir: Path, text: str) -> subprocess.CompletedProcess[str]:
    """``geo run`` on one article of ``text`` in a seeds folder of ``tmp_path``; its outputs in
    ``tmp_path/out``."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_article(seeds, "a.md", text, published="2024-10-29")
    env = dict(os.environ, GEO_CACHE_DIR=str(cache_dir), COLUMNS="250")
    return subprocess.run([sys.executable, "-m", "geo", "run", "--seeds", "seeds", "--out", "out"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)


# (text, name, oblast its place must lie in, country): a region or country named with the name binds it
BOUND = [
    ("Russian troops shelled Krasnopillia in the northeastern Sumy region.", "Krasnopillia", "Sumy Oblast",
     "UA"),
    ("In the Zaporizhzhia region, Ukrainian troops took Novopokrovka.", "Novopokrovka", "Zaporizhzhia Oblast",
     "UA"),
    ("Russian forces said they had taken Arkhangelsk in the Kherson region.", "Arkhangelsk", "Kherson Oblast",
     "UA"),
    ("Ukrainian forces took Nikolayevka in Russia's Kursk region.", "Nikolayevka", "Kursk Oblast", "RU"),
    ("Ukraine said its troops took the Kursk region villages of Snagost, Nikolayevka and Olgovka.", "Olgovka",
     "Kursk Oblast", "RU"),
    ("Kyiv said its troops held Nikolayevka, Vishnyovka and Viktorovka in Russia's Belgorod region.",
     "Vishnyovka", "Belgorod Oblast", "RU"),
    ("Shelling hit towns of the Sumy region, and Russia said its troops took the village of Zzyzxovka in the "
     "Belgorod region.", "Zzyzxovka", "Belgorod Oblast", "RU"),
    ("Shells hit the Russian border village of Tyotkino.", "Tyotkino", "Kursk Oblast", "RU"),
    ("Fighting raged near Bilohorivka, Luhansk region, the governor said.", "Bilohorivka", "Luhansk Oblast",
     "UA"),
    ("Russia said it took Stepove in the Dnipropetrovsk region and Maiske in the Donetsk region.", "Stepove",
     "Dnipropetrovsk Oblast", "UA"),
    ("Ukrainian troops held Ivanivka in the Kramatorsk district of the Donetsk region.", "Ivanivka",
     "Donetsk Oblast", "UA"),
]


def test_a_raion_named_with_a_name_binds_it_to_that_raion(gazetteer: Gazetteer) -> None:
    resolved, _ = resolve("Ukrainian troops held Ivanivka in the Kramatorsk district of the Donetsk region.",
                          gazetteer)
    ivanivka, raion = resolved["Ivanivka"].place, resolved["Kramatorsk district"].place
    assert km(ivanivka.lat, ivanivka.lon, raion.lat, raion.lon) <= 70, resolved["Ivanivka"].reason


@pytest.mark.parametrize(("text", "name", "oblast", "country"), BOUND)
def test_a_region_or_country_named_with_a_name_binds_it(gazetteer: Gazetteer, text: str, name: str,
                                                        oblast: str, country: str) -> None:
    resolved, _ = resolve(text, gazetteer)
    place = resolved[name].place
    assert (place.admin1, place.country) == (oblast, country), resolved[name].reason
    # no source knows it there: it is drawn in that region, never at a namesake
    if place.precision == "region":
        assert "no gazetteer" in resolved[name].reason or "left out" in resolved[name].reason


def test_a_region_of_one_country_never_places_a_village_of_another(gazetteer: Gazetteer) -> None:
    text = ("Shelling hit towns of the Sumy region. Russia's defence ministry said the village of Zzyzxovka "
            "in Russia's Belgorod region was retaken.")
    resolved, _ = resolve(text, gazetteer)
    assert (resolved["Zzyzxovka"].place.admin1 == "Belgorod Oblast"
            and resolved["Zzyzxovka"].place.country == "RU")


def test_an_unknown_village_is_drawn_among_the_articles_places_of_its_region(gazetteer: Gazetteer) -> None:
    text = "In Russia's Kursk region, near Sudzha and Korenevo, Ukrainian troops captured Zzyzxovka."
    resolved, _ = resolve(text, gazetteer)
    z, sudzha, korenevo = resolved["Zzyzxovka"].place, resolved["Sudzha"].place, resolved["Korenevo"].place
    assert (z.admin1, z.precision) == ("Kursk Oblast", "region")
    assert km(z.lat, z.lon, (sudzha.lat + korenevo.lat) / 2, (sudzha.lon + korenevo.lon) / 2) < 1
    assert "placed among the article's places in Kursk Oblast" in resolved["Zzyzxovka"].reason


def test_spellings_of_one_name_in_one_article_are_one_place(gazetteer: Gazetteer) -> None:
    text = (
        "Russian forces entered Krasny Liman on Monday. Fighting in Lyman went on. Troops left Liman on "
        "Friday."
    )
    resolved, _ = resolve(text, gazetteer)
    assert ({resolved[n].place.place_id for n in ("Krasny Liman", "Lyman", "Liman")}
            == {resolved["Lyman"].place.place_id})
    assert resolved["Lyman"].place.admin1 == "Donetsk Oblast"


@pytest.mark.parametrize("name", ["Oleksandrivka", "Aleksandrovka"])
def test_a_citys_old_name_borne_by_many_villages_means_a_village(gazetteer: Gazetteer, name: str) -> None:
    # GeoNames gives Donetsk (900,000 people) the old name "Oleksandrivka", the name of 110 villages
    text = f"Ukrainian troops carried out operations near {name} and Huliaipole, Syrskyi said."
    resolved, _ = resolve(text, gazetteer)
    assert resolved[name].place.population < 50_000, resolved[name].reason
    assert fold(resolved[name].place.name) in ("oleksandrivk", "aleksandrovk")


@pytest.mark.parametrize(("text", "name"), [
    ("Russian forces seized Oleksandrivka in the Donetsk region, the ministry said.", "Oleksandrivka"),
    ("Russia's Defence Ministry said its forces had liberated Novooleksandrivka in the Zaporizhzhia region.",
     "Novooleksandrivka"),
])
def test_a_citys_old_name_means_a_village_of_the_region_named_too(gazetteer: Gazetteer, text: str,
                                                                  name: str) -> None:
    # the ten namesakes are counted before the region narrows them (Donetsk, Melitopol were chosen)
    resolved, _ = resolve(text, gazetteer)
    assert resolved[name].place.population < 50_000, resolved[name].reason


def test_a_citys_old_name_does_not_move_the_other_names(gazetteer: Gazetteer) -> None:
    # the old name's first guess stays what it was, so two common names do not pull each other to a pair of
    # namesakes elsewhere (Novomykhailivka went to Mykolaiv Oblast)
    text = ("Russia's Defence Ministry said on Sunday that its troops had captured Oleksandrivka and "
            "Novomykhailivka. Ukraine's General Staff said it repelled attacks near Avdiivka and Pokrovsk.")
    resolved, _ = resolve(text, gazetteer)
    assert resolved["Novomykhailivka"].place.admin1 == "Donetsk Oblast"
    assert resolved["Oleksandrivka"].place.population < 50_000


@pytest.mark.parametrize(("text", "names", "admin1"), [
    ("Shelling hit the Petrovsky district of Donetsk and the Leninsky district of Donetsk, TASS said.",
     ("Petrovsky", "Leninsky"), "Donetsk Oblast"),
    ("Shelling hit the PETROVSKYI district of Donetsk, TASS said.", ("PETROVSKYI",), "Donetsk Oblast"),
    ("A Russian missile hit a building in Kyiv's Shevchenko district, Mayor Vitali Klitschko said.",
     ("Shevchenko",), "Kyiv"),
])
def test_a_city_districts_soviet_name_still_names_the_district(gazetteer: Gazetteer, text: str,
                                                               names: tuple[str, ...], admin1: str) -> None:
    # the old-name rule above spares a name spelled as an adjective (in any case) or followed by "district"
    resolved, _ = resolve(text, gazetteer)
    assert {resolved[n].place.population >= 50_000 for n in names} == {True}
    assert {resolved[n].place.admin1 for n in names} == {admin1}


def test_one_name_twice_in_an_article_is_one_place(gazetteer: Gazetteer) -> None:
    text = ("Russian troops captured Katerynivka near Selydove on Monday. Ukraine's army said days later "
            "that Katerynivka had been lost.")
    mentions = find_mentions("t", text, gazetteer)
    resolved, _ = resolve_mentions(mentions, gazetteer, text)
    places = {r.place.place_id for r in resolved if r.mention.surface == "Katerynivka"}
    assert len(places) == 1 and len([r for r in resolved if r.mention.surface == "Katerynivka"]) == 2


@pytest.mark.parametrize("text", [
    "The Telegram channel Rybar said Russian forces took Toretsk.",
    "Russian forces took Toretsk, according to the Rybar Telegram channel.",
    "The news site Strana reported that Russian forces took Toretsk.",
])
def test_a_channel_or_an_outlet_is_no_place(gazetteer: Gazetteer, text: str) -> None:
    resolved, unresolved = resolve(text, gazetteer)
    assert set(resolved) == {"Toretsk"} and not unresolved


def test_resolve_and_run_give_the_same_answer_and_the_same_reasons(gazetteer: Gazetteer, tmp_path: Path,
                                                                  cache_dir: Path) -> None:
    text = "Russian troops captured Katerynivka near Selydove on Monday."
    ran = geo_run(tmp_path, cache_dir, text)
    assert ran.returncode == 0, ran.stderr
    claims = json.loads((tmp_path / "out" / "claims.geojson").read_text(encoding="utf-8"))["features"]
    run_place = next(f["properties"]["place_id"] for f in claims
                     if f["properties"]["surface"] == "Katerynivka")
    for context in ("near Selydove", text):
        ranking = explain("Katerynivka", context, gazetteer)
        assert ranking[0].place.place_id == run_place, (context, ranking[0])
    shown = subprocess.run([sys.executable, "-m", "geo", "resolve", "Katerynivka", "--context",
                            "near Selydove"], cwd=tmp_path,
                           env=dict(os.environ, GEO_CACHE_DIR=str(cache_dir), COLUMNS="250"),
                           capture_output=True, text=True, timeout=300)
    assert shown.returncode == 0, shown.stderr
    assert "Donetsk Oblast" in next(line for line in shown.stdout.splitlines() if "→" in line)


def test_a_name_left_out_says_why_and_the_run_tells_it_apart(gazetteer: Gazetteer, tmp_path: Path,
                                                             cache_dir: Path) -> None:
    ran = geo_run(tmp_path, cache_dir,
                  "Russian forces captured the village of Zzyzxivka near Toretsk on Monday.")
    assert ran.returncode == 0, ran.stderr
    assert "1 name(s) no gazetteer knows: Zzyzxivka; add them to seeds/places.csv" in ran.stderr
    _, unresolved = resolve("Russian forces captured the village of Zzyzxivka near Toretsk.", gazetteer)
    assert unresolved["Zzyzxivka"].reason == "no gazetteer entry" and unresolved["Zzyzxivka"].candidates == 0


def test_a_place_far_from_everything_else_is_left_out_with_why_and_the_run_says_so(
    gazetteer: Gazetteer, tmp_path: Path, cache_dir: Path) -> None:
    # Antalovtsi (Zakarpattia, the only place of that name) lies about 900 km from the front the article is
    # about
    text = "Russian forces captured Toretsk, Pokrovsk and Selydove, and shelled the village of Antalovtsi."
    _, unresolved = resolve(text, gazetteer)
    left = unresolved["Antalovtsi"]
    assert (left.candidates == 1
            and left.reason.startswith("left out: Antalovtsi (Zakarpattia Oblast)")), left.reason
    assert "km from the article's other places" in left.reason
    ran = geo_run(tmp_path, cache_dir, text)
    assert ran.returncode == 0, ran.stderr
    said = ran.stderr.splitlines()
    assert [line for line in said
            if line.startswith("left out Antalovtsi (seeds/a.md): Antalovtsi (Zakarpattia Oblast)")], said
    # unknown and left out are told apart
    assert not [line for line in said if "no gazetteer knows" in line], said


def test_a_region_opening_a_sentence_never_moves_a_known_town_elsewhere(gazetteer: Gazetteer) -> None:
    text = ("In the Kursk region, Ukrainian troops held Sudzha, while Russia's defence ministry said its "
            "forces took Toretsk and Pokrovsk.")
    resolved, _ = resolve(text, gazetteer)
    assert resolved["Sudzha"].place.admin1 == "Kursk Oblast"
    assert (resolved["Toretsk"].place.admin1 == "Donetsk Oblast"
            and resolved["Toretsk"].place.precision == "exact")
    assert resolved["Pokrovsk"].place.admin1 == "Donetsk Oblast"


def test_a_country_that_speaks_is_no_place_cue(gazetteer: Gazetteer) -> None:
    resolved, _ = resolve("The army captured Toretsk, Russia said on Monday.", gazetteer)
    assert resolved["Toretsk"].place.admin1 == "Donetsk Oblast"


def test_one_name_in_two_regions_of_one_article_is_two_places(gazetteer: Gazetteer) -> None:
    text = ("Russian forces captured Novoselivka in the Kharkiv region. Ukraine said it had retaken "
            "Novoselivka in the Donetsk region.")
    resolved, _ = resolve_mentions(find_mentions("t", text, gazetteer), gazetteer, text)
    regions = [r.place.admin1 for r in resolved if r.mention.surface == "Novoselivka"]
    assert regions == ["Kharkiv Oblast", "Donetsk Oblast"]


def test_one_other_name_far_away_does_not_outweigh_a_known_town(gazetteer: Gazetteer) -> None:
    resolved, _ = resolve("Russia's defence ministry said its forces had taken Avdiivka and Sudzha.",
                          gazetteer)
    assert resolved["Avdiivka"].place.admin1 == "Donetsk Oblast"


@pytest.mark.parametrize("name", ["Bakhmut ", " Bakhmut", "Bakhmut,"])
def test_geo_resolve_takes_a_name_as_typed(gazetteer: Gazetteer, name: str) -> None:
    assert explain(name, "", gazetteer)[0].place.name == "Bakhmut"
