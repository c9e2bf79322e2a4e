"""Claim rules, one behaviour each: who took what, who says so, denials, what is not a claim, and when."""

from datetime import date

import pytest

from geo.models import Article, Claim
from geo.places.gazetteer import Gazetteer
from geo.work.process import process_article

PUBLISHED = date(2024, 2, 19)  # a Monday


def claims(text: str, gazetteer: Gazetteer, published: date | None = PUBLISHED) -> list[Claim]:
    return process_article(Article("t", "t.md", "t", published, "example.org", "https://example.org/t", text),
                           gazetteer).claims


def summary(text: str, gazetteer: Gazetteer) -> set[tuple[str, str, str, str, str]]:
    return {(c.surface, c.controller, c.event, c.claimant_side, c.stance) for c in claims(text, gazetteer)}


def test_a_place_that_fell_to_a_side_is_that_sides(gazetteer: Gazetteer) -> None:
    assert summary("Avdiivka fell to Russian forces on Saturday.", gazetteer) == {
        ("Avdiivka", "RU", "captured", "RU", "claimed")}
    assert summary("The fall of Avdiivka to Russian troops came after months of fighting.", gazetteer) == {
        ("Avdiivka", "RU", "captured", "RU", "claimed")}


def test_the_side_that_lost_a_place_is_not_its_controller(gazetteer: Gazetteer) -> None:
    found = claims("Ukraine lost Mariupol in May, the reporter wrote.", gazetteer)
    assert [(c.surface, c.controller, c.event) for c in found] == [("Mariupol", "RU", "captured")]
    # the May before publication
    assert (found[0].event_date, found[0].date_precision) == (date(2023, 5, 1), "month")


def test_a_negated_capture_is_a_denial_by_the_speaker(gazetteer: Gazetteer) -> None:
    text = "Russia said on Saturday that its forces had not been driven out of Andriivka."
    assert summary(text, gazetteer) == {("Andriivka", "UA", "recaptured", "RU", "denied")}


def test_a_second_voice_that_calls_the_claim_false_denies_it(gazetteer: Gazetteer) -> None:
    text = "Russia's claim that its troops have taken Chasiv Yar is false, the Ukrainian army said."
    assert summary(text, gazetteer) == {("Chasiv Yar", "RU", "captured", "RU", "claimed"),
                                        ("Chasiv Yar", "RU", "captured", "UA", "denied")}


def test_a_rejected_claim_keeps_the_side_that_made_it(gazetteer: Gazetteer) -> None:
    text = (
        "Ukraine on Monday rejected claims that it had lost Soledar to Russia, which Moscow said it had "
        "taken."
    )
    assert summary(text, gazetteer) == {("Soledar", "RU", "captured", "UA", "denied"),
                                        ("Soledar", "RU", "captured", "RU", "claimed")}


def test_control_mentioned_in_passing_is_the_reporters(gazetteer: Gazetteer) -> None:
    found = claims("Shells landed 6 km from the occupied city of Horlivka, near the Russian-held regional "
                   "centre of Donetsk, and south of Tokmak, a rail hub under Russian occupation.", gazetteer)
    assert {(c.surface, c.controller, c.event, c.claimant_side, c.stance) for c in found} == {
        ("Horlivka", "RU", "holds", "third_party", "confirmed"),
        ("Donetsk", "RU", "holds", "third_party", "confirmed"),
        ("Tokmak", "RU", "holds", "third_party", "confirmed")}
    assert {(c.event_date, c.date_text) for c in found} == {(PUBLISHED, "as of publication")}


def test_a_region_that_only_locates_a_village_gets_no_claim(gazetteer: Gazetteer) -> None:
    assert summary("Russia's defence ministry said its forces had taken a village in the Donetsk region.",
                   gazetteer) == set()
    assert summary("Russia's defence ministry said its forces had taken the village of Krasnohorivka in the "
                   "Donetsk region.", gazetteer) == {("Krasnohorivka", "RU", "captured", "RU", "claimed")}


def test_lists_after_a_colon_or_with_unknown_names(gazetteer: Gazetteer) -> None:
    text = (
        "On Sunday, Kyiv said it had captured three villages beyond Velyka Novosilka: Neskuchne, Blahodatne "
        "and Makarivka."
    )
    assert {c.surface for c in claims(text, gazetteer)} == {"Neskuchne", "Blahodatne", "Makarivka"}
    text = (
        "Malyar wrote that Irpin, Bukha and Hostomel, together with the entire Kyiv region, had been freed "
        "from the enemy."
    )
    assert {(c.surface, c.controller) for c in claims(text, gazetteer)} == {
        ("Irpin", "UA"), ("Hostomel", "UA"), ("Kyiv region", "UA")}


def test_a_speakers_report_carries_to_the_next_sentences(gazetteer: Gazetteer) -> None:
    text = ("Ukraine's General Staff said on Monday that the offensive went on. Ukrainian troops also freed "
            "Lobkove. Shelling continued. Weather was cold. Ukrainian troops took Novodarivka.")
    found = {c.surface: c for c in claims(text, gazetteer)}
    assert (found["Lobkove"].claimant, found["Lobkove"].stance) == ("Ukraine's General Staff", "claimed")
    # three sentences later: the outlet relays it
    assert found["Novodarivka"].claimant == "unattributed, in example.org"


def test_strikes_plans_and_approaches_are_not_claims(gazetteer: Gazetteer) -> None:
    for text in ("At least 14 people were killed in the Russian attack on Kryvyi Rih.",
                 "A foothold in Piatykhatky could open the way to an offensive towards Vasylivka.",
                 "Ukrainian troops are now moving towards the city of Kupiansk.",
                 "Russia aims to capture Pokrovsk by the end of the year."):
        assert claims(text, gazetteer) == [], text


def test_a_fresh_claim_without_a_date_is_dated_as_of_publication(gazetteer: Gazetteer) -> None:
    (c,) = claims("Ukraine says its troops have retaken Robotyne.", gazetteer)
    assert (c.event_date, c.date_precision, c.date_text) == (PUBLISHED, "day", "as of publication")
    (old,) = claims("Russian forces captured Avdiivka in February last year.", gazetteer)
    assert ((old.event_date, old.date_precision, old.claimant_side, old.stance)
            == (date(2023, 2, 1), "month", "third_party", "confirmed"))


def test_settlements_no_gazetteer_knows_are_claimed_at_their_region(gazetteer: Gazetteer) -> None:
    text = (
        "Russia's defence ministry said its forces had liberated the settlements of Zzyzxivka and Qwertovo "
        "in the Kursk region."
    )
    found = {c.surface: c for c in claims(text, gazetteer)}
    assert set(found) == {"Zzyzxivka", "Qwertovo"}
    for c in found.values():
        assert ((c.controller, c.event, c.place.precision, c.place.admin1)
                == ("RU", "recaptured", "region", "Kursk Oblast"))


def test_strongholds_of_a_side_and_present_status(gazetteer: Gazetteer) -> None:
    assert summary("Avdiivka lies near the separatist stronghold of Donetsk.", gazetteer) == {
        ("Donetsk", "RU", "holds", "third_party", "confirmed")}
    assert summary("Kalynove is southeast of Pokrovsk, a major Ukrainian logistics hub under threat.",
                   gazetteer) == {("Pokrovsk", "UA", "holds", "third_party", "confirmed")}
    # nationality only
    assert summary("Mariupol, a Ukrainian city on the Sea of Azov, was shelled.", gazetteer) == set()


def test_a_denial_ends_where_the_speaker_goes_on_to_say_something_else(gazetteer: Gazetteer) -> None:
    text = ("A spokesperson for Ukraine's eastern military command denied that Russia had taken control of "
            "the town of Soledar, saying Ukrainian units were still there.")
    assert summary(text, gazetteer) == {("Soledar", "RU", "captured", "UA", "denied"),
                                        ("Soledar", "UA", "holds", "UA", "claimed")}


def test_a_person_speaks_for_the_body_named_after_the_name(gazetteer: Gazetteer) -> None:
    text = (
        'Nazar Voloshyn, spokesperson for the "Khortytsia" operational-strategic group, said that Russian '
        "forces had taken Ocheretyne."
    )
    (c,) = claims(text, gazetteer)
    assert ((c.surface, c.controller, c.claimant, c.claimant_side, c.stance)
            == ("Ocheretyne", "RU", "Nazar Voloshyn", "UA", "confirmed"))


def test_the_city_or_the_village_refers_back_to_a_place_of_its_size(gazetteer: Gazetteer) -> None:
    text = (
        "The clash centred on Vovchansk, near Vovchanski Khutory. Still, the city itself remains under "
        "Ukrainian control."
    )
    assert summary(text, gazetteer) == {("Vovchansk", "contested", "fighting", "third_party", "confirmed"),
                                        ("Vovchansk", "UA", "holds", "UA", "claimed")}


def test_an_apposition_with_its_own_subject_names_a_capture(gazetteer: Gazetteer) -> None:
    (c,) = claims("Novoselivka Persha lies northwest of Avdiivka, a town Russia took in February.", gazetteer)
    assert ((c.surface, c.controller, c.event, c.event_date)
            == ("Avdiivka", "RU", "captured", date(2024, 2, 1)))


def test_local_officials_speak_for_their_side(gazetteer: Gazetteer) -> None:
    (c,) = claims("Russian troops are pulling out of Chernihiv, the region's governor Vyacheslav Chaus "
                  "announced.", gazetteer)
    assert ((c.controller, c.event, c.claimant, c.claimant_side, c.stance)
            == ("UA", "withdrew", "Vyacheslav Chaus", "UA", "claimed"))
    (c,) = claims("Russian troops took the village of Lukiantsi, the Russian-installed governor Vitaly "
                  "Ganchev said.", gazetteer)
    assert (c.claimant_side, c.stance) == ("RU", "claimed")


def test_a_later_sentence_can_deny_or_doubt_an_earlier_claim(gazetteer: Gazetteer) -> None:
    text = (
        "The Russian Ministry of Defence said its troops had captured Robotyne. Ukraine's military denied "
        "the claim."
    )
    assert summary(text, gazetteer) == {("Robotyne", "RU", "captured", "RU", "claimed"),
                                        ("Robotyne", "RU", "captured", "UA", "denied")}
    text = (
        "Russia's defence ministry said its forces had taken Novoselivka. The report could not be "
        "independently verified."
    )
    assert summary(text, gazetteer) == {("Novoselivka", "RU", "captured", "RU", "unverified")}


def test_reports_called_untrue_by_a_speaker_named_after_the_verb(gazetteer: Gazetteer) -> None:
    text = ("Reports circulated by pro-Kremlin resources that Russian troops had taken control of Yunakivka "
            "are untrue, said Oleg Grygorov, head of the Sumy Regional Military Administration.")
    assert summary(text, gazetteer) == {("Yunakivka", "RU", "captured", "RU", "claimed"),
                                        ("Yunakivka", "RU", "captured", "UA", "denied")}


def test_whatever_the_other_side_claims_is_not_who_speaks(gazetteer: Gazetteer) -> None:
    text = (
        "Zelensky said that, whatever Russia claims, the Ukrainian military has nearly finished clearing "
        "Kupyansk."
    )
    (c,) = claims(text, gazetteer)
    assert (c.controller, c.claimant, c.claimant_side, c.stance) == ("UA", "Zelensky", "UA", "claimed")


@pytest.mark.parametrize("text", [
    "Velyka Novosilka is still held by Ukrainian troops, despite Russian claims, Zelensky said.",
    "Despite Moscow's claims, Kupiansk is still in Ukrainian hands, Zelensky said.",
    "Contrary to Russian statements, Kupiansk is still in Ukrainian hands, Zelensky said.",
    "In spite of the Russian claims, Ukrainian troops still hold Siversk, Zelensky said.",
])
def test_the_claims_a_statement_is_made_despite_are_not_who_speaks(gazetteer: Gazetteer, text: str) -> None:
    (c,) = claims(text, gazetteer)
    assert (c.controller, c.event, c.claimant, c.claimant_side, c.stance) == \
        ("UA", "holds", "Zelensky", "UA", "claimed")


@pytest.mark.parametrize(("text", "who", "side"), [
    ("Ukrainian forces are repelling assaults near Synkivka, Reuters reported, citing the Ukrainian "
     "military.",
     "Ukrainian military", "UA"),
    ("Reuters, citing the Russian Defence Ministry, said Russian forces took Avdiivka on Saturday.",
     "Russian Defence Ministry", "RU"),
])
def test_an_outlet_citing_a_party_gives_the_partys_word(gazetteer: Gazetteer, text: str, who: str,
                                                         side: str) -> None:
    (c,) = claims(text, gazetteer)
    assert (c.claimant, c.claimant_side, c.stance) == (who, side, "claimed")


@pytest.mark.parametrize("text", [
    "Its forces had pulled out of a district of the eastern town of Chasiv Yar, where Russian forces have "
    "lately claimed a number of advances, Ukraine said on Thursday.",
    "It had pulled out of the settlement of Lastochkyne, which Russia said it had captured, Ukraine said on "
    "Monday.",
])
def test_a_speaker_inside_a_relative_clause_speaks_for_it_alone(gazetteer: Gazetteer, text: str) -> None:
    # x067 and y059 with the speaker moved to the end (tests/test_claim_rewrites.py's speaker_last)
    (c,) = [c for c in claims(text, gazetteer) if c.event == "withdrew"]
    assert (c.controller, c.claimant, c.claimant_side, c.stance) == ("RU", "Ukraine", "UA", "confirmed")


@pytest.mark.parametrize(("text", "who", "side"), [
    ("Russia's Western group of forces said it had captured Krasnohorivka.",
     "Russia's Western group of forces", "RU"),
    ("Ukraine's Khortytsia group of forces said Russian troops had been pushed out of Krasnohorivka.",
     "Ukraine's Khortytsia group of forces", "UA"),
    ("The Ministry of Defence of the Russian Federation said its troops had captured Krasnohorivka.",
     "Ministry of Defence of the Russian Federation", "RU"),
    ("The Russian Federation's Ministry of Defence said its troops had captured Krasnohorivka.",
     "Russian Federation's Ministry of Defence", "RU"),
    ("The Khortytsia group of forces said Russian troops had been pushed out of Krasnohorivka.",
     "Khortytsia group of forces", "UA"),
])
def test_a_group_of_forces_or_a_ministry_named_in_full_speaks(gazetteer: Gazetteer, text: str, who: str,
                                                              side: str) -> None:
    (c,) = claims(text, gazetteer)
    assert (c.claimant, c.claimant_side, c.stance, c.event_date) == (who, side, "claimed", date(2024, 2, 19))


@pytest.mark.parametrize(("text", "who", "side"), [
    ("Syrskyi visited the front on Sunday. He said the situation near Chasiv Yar was difficult.", "Syrskyi",
     "UA"),
    ("Russia's Defence Ministry issued its daily briefing. It said its troops had captured Krokhmalne.",
     "Russia's Defence Ministry", "RU"),
])
def test_a_pronoun_that_speaks_is_the_one_named_before(gazetteer: Gazetteer, text: str, who: str,
                                                       side: str) -> None:
    (c,) = claims(text, gazetteer)
    assert (c.claimant, c.claimant_side, c.stance) == (who, side, "claimed")


def test_a_pronoun_that_speaks_is_no_force_named_before(gazetteer: Gazetteer) -> None:
    text = "Zelensky said Russian forces had pushed into Krokhmalne. He said they had taken it."
    assert {(c.claimant, c.claimant_side) for c in claims(text, gazetteer)} == {("Zelensky", "UA")}


@pytest.mark.parametrize("text", [
    "Russian forces are said to have captured Krokhmalne, Ukraine's General Staff said.",
    "Russian forces appear to have captured Krokhmalne, Ukraine's General Staff said."])
def test_hearsay_is_no_confirmation(gazetteer: Gazetteer, text: str) -> None:
    (c,) = claims(text, gazetteer)
    assert (c.controller, c.claimant_side, c.stance) == ("RU", "UA", "claimed")


def test_a_subject_said_to_have_done_something_does_not_speak(gazetteer: Gazetteer) -> None:
    text = "Ukrainian marines are said to have left Krynky, Russia's defence ministry said."
    (c,) = claims(text, gazetteer)
    assert (c.controller, c.event, c.claimant_side, c.stance) == ("RU", "withdrew", "RU", "claimed")


def test_an_office_named_again_speaks_for_the_side_named_first(gazetteer: Gazetteer) -> None:
    text = ("Russia's Defence Ministry said on Monday that its forces had captured Krokhmalne. Ukraine's "
            "General Staff said fighting continued near Synkivka. The ministry said its troops had also "
            "taken Tabaivka.")
    tabaivka = [c for c in claims(text, gazetteer) if c.surface == "Tabaivka"]
    assert [(c.controller, c.event, c.claimant, c.claimant_side) for c in tabaivka] == \
        [("RU", "captured", "Russia's Defence Ministry", "RU")]


def test_both_claims_dismissed_are_denied(gazetteer: Gazetteer) -> None:
    text = ("Russia's defence ministry said it had captured Krokhmalne. Ukraine's military dismissed both "
            "claims.")
    assert {(c.claimant_side, c.stance) for c in claims(text, gazetteer)} == {("RU", "claimed"),
                                                                              ("UA", "denied")}


def test_a_project_that_reports_speaks(gazetteer: Gazetteer) -> None:
    text = "The DeepState analytical project reported on Monday that Russian troops had occupied Stepove."
    (c,) = claims(text, gazetteer)
    assert (c.claimant, c.claimant_side) == ("DeepState", "UA")


def test_a_confirmed_advance_not_observed_is_no_unverified_claim(gazetteer: Gazetteer) -> None:
    text = "ISW did not observe confirmed advances near Synkivka, but Russian forces attacked the village."
    assert [c.stance for c in claims(text, gazetteer)] == ["confirmed"]


@pytest.mark.parametrize(("text", "expected"), [
    ('"Terny is under our control," Ukrainian military spokesman Illia Yevlash told Reuters.',
     ("Terny", "UA", "holds", "Illia Yevlash", "UA", "claimed")),
    ("Ukrainian forces recaptured Robotyne, Russian war blogger Alexander Kots wrote on Telegram.",
     ("Robotyne", "UA", "recaptured", "Alexander Kots", "RU", "claimed")),
])
def test_a_title_before_a_name_gives_its_side(gazetteer: Gazetteer, text: str,
                                              expected: tuple[str, ...]) -> None:
    (c,) = claims(text, gazetteer)
    assert (c.surface, c.controller, c.event, c.claimant, c.claimant_side, c.stance) == expected


def test_a_speaker_of_a_clause_of_time_speaks_of_it_alone(gazetteer: Gazetteer) -> None:
    text = "Ukrainian troops entered Kherson on Friday after Russia said it had completed its withdrawal."
    assert [c.claimant_side for c in claims(text, gazetteer)] == ["third_party"]


def test_a_speaker_after_an_aside_and_an_adverb_speaks(gazetteer: Gazetteer) -> None:
    text = ("RIA Novosti, a news site run by the state, likewise reported that the Russian garrison had been "
            "withdrawn from Snake Island.")
    (c,) = claims(text, gazetteer)
    assert (c.controller, c.event, c.claimant, c.claimant_side, c.stance) == \
        ("UA", "withdrew", "RIA Novosti", "RU", "confirmed")


def test_a_speaker_saying_it_took_a_place_is_the_side_that_took_it(gazetteer: Gazetteer) -> None:
    text = (
        "Ukrainian troops were doing better in Kupyansk; although Russia says it has taken Kupyansk, Kyiv "
        "disagrees."
    )
    assert ("Kupyansk", "RU", "captured", "RU", "claimed") in summary(text, gazetteer)
    assert summary("Earlier, Putin had said Kupyansk was already under Russian control.", gazetteer) == {
        ("Kupyansk", "RU", "holds", "RU", "claimed")}


def test_positions_in_a_village_are_fighting_and_a_suburb_is_not_its_city(gazetteer: Gazetteer) -> None:
    text = "Voloshyn said that Russian forces have taken up positions in the village of Ocheretyne."
    assert ({(c.surface, c.controller, c.event) for c in claims(text, gazetteer)}
            == {("Ocheretyne", "contested", "fighting")})
    text = ("Ukraine's armed forces said Russian troops had been repelled from Makariv, a suburb of Kyiv, "
            "and that the Ukrainian flag had been hoisted over the town.")
    assert "Kyiv" not in {c.surface for c in claims(text, gazetteer)}


def test_settlements_among_them_or_including_are_the_ones_taken(gazetteer: Gazetteer) -> None:
    text = (
        "Cherevaty added that Ukrainian troops had taken five settlements near Lyman, among them the town of "
        "Yampil."
    )
    assert {(c.surface, c.controller) for c in claims(text, gazetteer)} == {("Yampil", "UA")}
    text = "Ukrainian troops have already liberated 30 settlements, including Kupiansk and Balakliia."
    assert {c.surface for c in claims(text, gazetteer)} == {"Kupiansk", "Balakliia"}


@pytest.mark.parametrize(("text", "who", "side"), [
    # a day before the speaker is no given name of it (y037)
    ("On Tuesday Russia said its forces now controlled Blahodatne.", "Russia", "RU"),
    # "States" of "the United States" is no speech verb, "United" no speaker: the claim is relayed news
    ("The Wagner Group, listed by the United States as a criminal organisation, had claimed on Saturday that "
     "its units held Blahodatne.", "unattributed, in example.org", "RU"),
])
def test_a_speakers_name_takes_no_word_of_another_name(gazetteer: Gazetteer, text: str, who: str,
                                                       side: str) -> None:
    (c,) = claims(text, gazetteer)
    assert (c.claimant, c.claimant_side) == (who, side)


@pytest.mark.parametrize(("text", "who", "side", "stance"), [
    # the one an outlet quotes "as saying" speaks (x006, x045, x068, y107 have the form)
    ("Interfax news agency quoted Pushilin as saying Russian forces controlled Pokrovsk.", "Pushilin", "RU",
     "claimed"),
    ("Deputy Defence Minister Hanna Maliar was quoted by the military as saying that Robotyne had been "
     "liberated.", "Maliar", "UA", "claimed"),
    ("Russian forces control about half of Vovchansk, AFP quoted a Ukrainian commander as saying.",
     "Ukrainian commander", "UA", "confirmed"),
    # x060: "The ISW cited the Russian Ministry of Defense ... as claiming that ..."
    ("The ISW cited the Russian Ministry of Defense as claiming that Ukrainian forces were counterattacking "
     "near Hlyboke.", "Russian Ministry of Defense", "RU", "claimed"),
    # an outlet citing a party whose name has an "'s" of its own, and a Ukrainian outlet, relay it
    ("Russian forces have taken the town of Toretsk, Reuters reported, citing Russia's defence ministry.",
     "Russia's defence ministry", "RU", "claimed"),
    ("Russian forces are attacking Pokrovsk, Ukrainska Pravda reported, citing Ukraine's General Staff.",
     "Ukraine's General Staff", "UA", "claimed"),
    # a participle of speech after its subject's other verb; "claim" a verb before "that"; "According to him"
    ("The Russian Defense Ministry went further, claiming on Tuesday that its forces had captured Andriivka.",
     "Russian Defense Ministry", "RU", "claimed"),
    ("Further south, the occupiers claim that they have fully captured Kamianske.", "occupiers", "RU",
     "claimed"),
    ("Gerasimov reported to Putin on Thursday. According to him, Russian troops took full control of "
     "Vovchansk.",
     "Gerasimov", "RU", "claimed"),
    ("The State Border Guard Service of Ukraine reported that Russian troops had entered Basivka.",
     "State Border Guard Service of Ukraine", "UA", "claimed"),
    # a quoted day is no person ("Tuesday's bulletin")
    ("Tass quoted Tuesday's bulletin as saying Russian forces had captured Kurakhove.",
     "unattributed, in example.org", "RU", "claimed"),
    # a surname in -ly is no adverb
    ("US Senator Mark Kelly said Russian troops had captured Kurakhove.", "Senator Mark Kelly", "RU",
     "claimed"),
    # an adverb between a speaker and its verb keeps the speaker ("strongly denied")
    ("Ukraine's army strongly denied that Russian troops had captured Lyman.", "Ukraine's army", "UA",
     "denied"),
    ("Ukraine's military reluctantly admitted that Russian forces had captured Selydove.",
     "Ukraine's military", "UA", "confirmed"),
])
def test_a_voice_relayed_or_parted_from_its_verb(gazetteer: Gazetteer, text: str, who: str, side: str,
                                                stance: str) -> None:
    (c,) = claims(text, gazetteer)
    assert (c.claimant, c.claimant_side, c.stance) == (who, side, stance)


def test_each_place_of_a_list_keeps_its_own_date(gazetteer: Gazetteer) -> None:
    text = ("Ukrainian forces liberated Staromaiorske on 27 July and Urozhaine on 16 August, the General "
            "Staff said.")
    dates = {c.surface: (c.event_date, c.date_precision) for c in claims(text, gazetteer)}
    assert dates == {"Staromaiorske": (date(2023, 7, 27), "day"), "Urozhaine": (date(2023, 8, 16), "day")}


def test_a_time_in_a_relative_clause_dates_only_that_clause(gazetteer: Gazetteer) -> None:
    """"Kupiansk, a rail hub that Ukraine recaptured in September 2022, is again under attack": the month is
    the recapture's, not the attack's (y049: "... positions near X and near Y, another village that Ukrainian
    forces liberated on Friday")."""
    text = ("Russian troops are trying to win back positions near Klishchiivka, a village that Ukrainian "
            "forces liberated on Friday, the General Staff said.")
    dates = {(c.event, c.event_date) for c in claims(text, gazetteer)}
    assert dates == {("fighting", PUBLISHED), ("recaptured", date(2024, 2, 16))}


def test_him_is_no_outlet(gazetteer: Gazetteer) -> None:
    text = ("Reuters spoke to a Ukrainian soldier in Pokrovsk. According to him, Russian troops have entered "
            "the town.")
    assert all(c.claimant != "Reuters" for c in claims(text, gazetteer))
