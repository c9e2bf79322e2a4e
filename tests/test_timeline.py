"""A place's status over time: a claim holds until the next, disputes make it contested for a while."""

from datetime import date

from geo.claims.merge import claim_id
from geo.models import Article, Claim, Place
from geo.outputs.timeline import CONTESTED_DAYS, Period, periods, statuses

TORETSK = Place("geonames:709611", "Toretsk", 48.39, 37.85, "UA", "Donetsk Oblast", "settlement", "exact",
                30000)
ARTICLES = {"a": Article("a", "a.md", "t", date(2024, 12, 31), None, None, "text")}


def claim(controller: str, stance: str, day: date | None, event: str = "captured") -> Claim:
    return Claim(claim_id("a", TORETSK.place_id, event, controller, "RU", stance, day), "a", TORETSK,
                 "Toretsk",
                 controller, event, "someone", "RU", stance, day, "day" if day else None, None, "q", 0.5)  # type: ignore[arg-type]


def test_a_capture_after_a_hold_changes_the_status_from_its_day() -> None:
    got = periods([claim("UA", "claimed", date(2024, 1, 1), "holds"),
                   claim("RU", "claimed", date(2024, 6, 1))], ARTICLES)
    assert got == (Period(date(2024, 1, 1), date(2024, 6, 1), "UA", "claimed"),
                   Period(date(2024, 6, 1), None, "RU", "claimed"))


def test_claims_of_both_sides_close_together_are_contested_until_the_dispute_is_old() -> None:
    got = periods([claim("RU", "claimed", date(2024, 6, 1)),
                   claim("UA", "claimed", date(2024, 6, 5), "holds"),
                   claim("UA", "confirmed", date(2024, 9, 1), "recaptured")], ARTICLES)
    settled = date(2024, 6, 1 + CONTESTED_DAYS + 1)  # the day the Russian claim is no longer recent
    assert got == (Period(date(2024, 6, 1), date(2024, 6, 5), "RU", "claimed"),
                   Period(date(2024, 6, 5), settled, "contested", "claimed"),
                   Period(settled, date(2024, 9, 1), "UA", "claimed"),
                   Period(date(2024, 9, 1), None, "UA", "confirmed"))


def test_a_denial_makes_the_latest_status_contested() -> None:
    claims = [claim("RU", "claimed", date(2024, 6, 1)), claim("RU", "denied", date(2024, 6, 2))]
    assert periods(claims, ARTICLES)[-1] == Period(date(2024, 6, 2), None, "contested", "denied")
    (status,) = statuses(claims, ARTICLES)
    assert (status.controller, status.since) == ("contested", date(2024, 6, 2))


def test_an_undated_claim_takes_effect_on_its_articles_publication_day() -> None:
    (status,) = statuses([claim("RU", "claimed", None)], ARTICLES)
    assert status.periods == (Period(date(2024, 12, 31), None, "RU", "claimed"),)
