from datetime import date

import pytest

from geo.claims.engine import extract_claims
from geo.ingest.read import read_article
from geo.models import Article, Claim
from geo.places.gazetteer import Gazetteer
from geo.places.rank import km
from geo.places.recognize import find_mentions
from geo.places.resolve import resolve_mentions
from geo.work.process import explain_article
from tests.conftest import SEED


def claims_of(article: Article, gazetteer: Gazetteer) -> list[Claim]:
    return extract_claims(article,
                          resolve_mentions(find_mentions(article.id, article.text, gazetteer), gazetteer)[0])


def claims(text: str, gazetteer: Gazetteer, published: date | None = date(2024, 10, 29)) -> dict[str, Claim]:
    article = Article("t", "t.md", "t", published, None, None, text)
    return {c.surface: c for c in claims_of(article, gazetteer)}


@pytest.fixture(scope="module")
def seed(gazetteer: Gazetteer) -> dict[str, Claim]:
    found = claims_of(read_article(SEED), gazetteer)
    by_place = {c.place.name: c for c in found}
    assert len(by_place) == len(found), "one claim per place in the seed"
    return by_place


def test_seed_selydove(seed: dict[str, Claim]) -> None:
    c = seed["Selydove"]
    assert ((c.controller, c.event, c.claimant, c.claimant_side, c.stance)
            == ("RU", "captured", "Moscow", "RU", "claimed"))
    assert (c.event_date, c.date_precision, c.date_text) == (date(2024, 10, 29), "day", "on Tuesday")
    assert km(c.place.lat, c.place.lon, 48.148, 37.297) <= 5


def test_seed_villages_in_a_list(seed: dict[str, Claim]) -> None:
    # the villages' real points (each within 1 km of its settlement); all three are exact since the GeoNames
    # Ukraine dump is built in
    for name, lat, lon, tol in (("Hirnyk", 48.053, 37.369, 1), ("Bohoiavlenka", 47.860, 37.214, 1),
                                ("Katerynivka", 47.876, 37.346, 1)):
        c = seed[name]
        assert (c.controller, c.event, c.claimant_side) == ("RU", "captured", "RU"), name
        assert km(c.place.lat, c.place.lon, lat, lon) <= tol, name
        assert (c.event_date is None
                or c.event_date.year != 2022), "the 2022 date belongs to the annexation clause"
    assert seed["Hirnyk"].surface == "Girnyk" and seed["Bohoiavlenka"].place.precision == "exact"


def test_seed_avdiivka_earlier_this_year(seed: dict[str, Claim]) -> None:
    c = seed["Avdiivka"]
    assert ((c.controller, c.event, c.date_text, c.date_precision)
            == ("RU", "captured", "earlier this year", "year"))
    assert c.event_date == date(2024, 1, 1)
    assert km(c.place.lat, c.place.lon, 48.139, 37.750) <= 5


def test_seed_kursk_region_held_since_summer(seed: dict[str, Claim]) -> None:
    c = seed["Kursk Oblast"]
    assert (c.place.feature, c.controller, c.event) == ("region", "UA", "holds")
    assert (c.event_date, c.date_precision, c.date_text) == (date(2024, 6, 1), "season", "since summer")


def test_seed_mentions_that_are_not_claims(seed: dict[str, Claim]) -> None:
    assert set(seed) == {"Selydove", "Hirnyk", "Bohoiavlenka", "Katerynivka", "Avdiivka", "Kursk Oblast"}


def test_withdrawal_gives_the_place_to_the_other_side(gazetteer: Gazetteer) -> None:
    c = claims("Ukraine's General Staff said on Sunday that its troops had withdrawn from Vuhledar.",
               gazetteer)["Vuhledar"]
    assert (c.controller, c.event, c.claimant_side, c.stance) == ("RU", "withdrew", "UA", "confirmed")
    assert c.event_date == date(2024, 10, 27)


def test_a_year_before_the_war_is_history_not_a_date(gazetteer: Gazetteer) -> None:
    c = claims("He compared the fighting in Krynky with the attempt in 1915 to take the Dardanelles.",
               gazetteer)["Krynky"]
    assert (c.controller, c.event) == ("contested", "fighting")
    assert c.event_date is None or c.event_date.year >= 2014


def test_liberated_by_russia_is_a_russian_capture(gazetteer: Gazetteer) -> None:
    c = claims("Russia's Defence Ministry said its forces had liberated the village of Krasnohorivka.",
               gazetteer)["Krasnohorivka"]
    assert ((c.controller, c.event, c.claimant, c.stance)
            == ("RU", "captured", "Russia's Defence Ministry", "claimed"))


def test_ukrainian_recapture_by_passive(gazetteer: Gazetteer) -> None:
    c = claims("Kupiansk was recaptured by Ukrainian forces in September 2022, officials said.",
               gazetteer)["Kupiansk"]
    assert ((c.controller, c.event, c.event_date, c.date_precision)
            == ("UA", "recaptured", date(2022, 9, 1), "month"))


def test_ukrainian_capture_of_a_russian_town(gazetteer: Gazetteer) -> None:
    c = claims("Zelensky said Ukrainian troops had taken control of Sudzha.", gazetteer)["Sudzha"]
    assert (c.controller, c.event, c.claimant_side) == ("UA", "captured", "UA")


def test_denial(gazetteer: Gazetteer) -> None:
    c = claims("Ukraine's military denied that Russian forces had captured Chasiv Yar.",
               gazetteer)["Chasiv Yar"]
    assert (c.controller, c.stance, c.claimant_side) == ("RU", "denied", "UA")


def test_fighting_told_twice_by_one_voice_is_dated_by_the_latest_report(gazetteer: Gazetteer) -> None:
    """Fighting goes on: of one voice's reports of it, the map keeps the latest day (the state as last told),
    not the first day that was named."""
    text = ("On October 21, the General Staff said fighting was going on in Toretsk. On October 25, the "
            "General Staff said fighting was still going on in Toretsk.")
    found = [c for c in claims_of(Article("t", "t.md", "t", date(2024, 10, 29), None, None, text), gazetteer)
             if c.surface == "Toretsk"]
    assert [(c.event, c.event_date) for c in found] == [("fighting", date(2024, 10, 25))]


def test_a_conjunction_opening_a_clause_is_no_speaker(gazetteer: Gazetteer) -> None:
    """"If confirmed, ..." names no one who confirms (x002 read "If" as a speaker's name)."""
    article = Article("t", "t.md", "t", date(2025, 2, 7), None, None,
                      "If confirmed, the claimed fall of Toretsk would extend Russia's gains in Donetsk.")
    assert [s.acts for s in explain_article(article, gazetteer).sentences] == [()]


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops aim to capture Pokrovsk before winter.",
        "A missile strike hit Kharkiv overnight, killing three.",
        "Kyiv announced a new mobilization drive.",
        "Pokrovsk could fall within weeks, analysts warn.",
        "Putin declared the Donetsk region part of Russia in 2022.",
    ],
)
def test_not_claims(text: str, gazetteer: Gazetteer) -> None:
    assert claims(text, gazetteer) == {}


def test_claim_ids_are_stable(gazetteer: Gazetteer) -> None:
    text = "Russian forces captured Avdiivka in February."
    assert claims(text, gazetteer)["Avdiivka"].claim_id == claims(text, gazetteer)["Avdiivka"].claim_id


def test_an_article_over_a_million_characters_is_read_to_its_end(gazetteer: Gazetteer) -> None:
    # spaCy refuses texts over its default max_length (1,000,000 characters) unless told otherwise; ingest
    # accepts articles up to settings.MAX_ARTICLE_BYTES, so the claim engine must read them whole
    text = "Russian forces captured Toretsk. " + "quiet " * 180_000 + ". Ukrainian forces liberated Pokrovsk."
    assert len(text) > 1_000_000
    found = claims(text, gazetteer)
    assert (found["Toretsk"].controller, found["Pokrovsk"].controller) == ("RU", "UA")
