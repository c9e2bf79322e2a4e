from geo.models import Resolved
from geo.places.gazetteer import Gazetteer
from geo.places.rank import km
from geo.places.recognize import find_mentions
from geo.places.resolve import resolve_mentions
from geo.places.sentences import split_sentences


def resolve(text: str, gazetteer: Gazetteer) -> dict[str, Resolved]:
    return {r.mention.surface: r for r in resolve_mentions(find_mentions("t", text, gazetteer), gazetteer)[0]}


def test_namesake_is_chosen_by_the_other_places_of_the_article(gazetteer: Gazetteer) -> None:
    text = (
        "Moscow has claimed control of villages near Selydove, including Bogoyavlenka, Girnyk, and "
        "Katerynivka."
    )
    k = resolve(text, gazetteer)["Katerynivka"]
    assert k.candidates >= 30
    assert km(k.place.lat, k.place.lon, 47.876, 37.346) <= 25, k.reason


def test_same_name_elsewhere_follows_its_own_context(gazetteer: Gazetteer) -> None:
    text = "Russian forces took Toretsk and Niu-York and said they had captured Katerynivka."
    k = resolve(text, gazetteer)["Katerynivka"]
    assert km(k.place.lat, k.place.lon, 48.39, 37.84) <= 25, k.reason


def test_region_named_in_the_article_picks_the_namesake(gazetteer: Gazetteer) -> None:
    h = resolve("Fighting goes on in the Donetsk region. Russian troops captured Hirnyk.",
                gazetteer)["Hirnyk"]
    assert h.place.admin1 == "Donetsk Oblast"
    lviv = resolve("In the Lviv region, Hirnyk held a memorial.", gazetteer)["Hirnyk"]
    assert lviv.place.admin1 == "Lviv Oblast"


def test_a_peoples_republic_names_its_oblast(gazetteer: Gazetteer) -> None:
    found = resolve("Russia's Defence Ministry said its forces had liberated Novomikhailovka in the Donetsk "
                    "People's Republic.", gazetteer)
    assert found["Novomikhailovka"].place.admin1 == "Donetsk Oblast"
    assert found["Donetsk People's Republic"].place.name == "Donetsk Oblast"


def test_bare_name_after_region_phrase_refers_to_the_region(gazetteer: Gazetteer) -> None:
    text = "Troops are present in Russia's Kursk region. More were deployed to Kursk, officials said."
    mentions = resolve_mentions(find_mentions("t", text, gazetteer), gazetteer)[0]
    assert ([(r.mention.surface, r.place.feature) for r in mentions]
            == [("Kursk region", "region"), ("Kursk", "region")])


def test_bare_name_first_is_the_city(gazetteer: Gazetteer) -> None:
    text = "Ukrainian troops entered Kherson. Mines were laid across the Kherson region."
    got = {r.mention.surface: r.place
           for r in resolve_mentions(find_mentions("t", text, gazetteer), gazetteer)[0]}
    assert got["Kherson"].feature == "settlement" and got["Kherson region"].feature == "region"


def test_person_names_and_common_words_are_not_places(gazetteer: Gazetteer) -> None:
    text = (
        "Many residents fled. President Volodymyr Zelensky met Pentagon spokesperson Major General Pat Ryder."
    )
    assert resolve(text, gazetteer) == {}


def test_sentences_keep_offsets() -> None:
    text = "Maj. Gen. Ryder spoke. Russian forces took Avdiivka in Feb. 2024.\nNext line"
    sentences = split_sentences(text)
    assert ([s.text for s in sentences]
            == ["Maj. Gen. Ryder spoke.", "Russian forces took Avdiivka in Feb. 2024.", "Next line"])
    assert all(text[s.start : s.end] == s.text for s in sentences)
