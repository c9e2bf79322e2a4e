from datetime import date

import pytest

from geo.when import find_times

TUESDAY = date(2024, 10, 29)


def one(text: str, published: date | None = TUESDAY) -> tuple[str, date | None, str | None]:
    found = find_times(text, published)
    assert len(found) == 1, found
    return found[0].text, found[0].event_date, found[0].precision


def test_weekday_equal_to_the_publication_weekday_is_the_publication_day() -> None:
    assert one("Kyiv has announced a fresh mobilization drive on Tuesday, coinciding") == ("on Tuesday", TUESDAY, "day")


def test_earlier_weekday_is_the_last_one_before_publication() -> None:
    assert one("On Friday, the ministry said")[1:] == (date(2024, 10, 25), "day")
    assert one("troops entered the town on Sunday")[1:] == (date(2024, 10, 27), "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the collapse of its defenses earlier this year", (date(2024, 1, 1), "year")),
        ("have maintained control since summer.", (date(2024, 6, 1), "season")),
        ("following the invasion in late 2022.", (date(2022, 9, 1), "season")),
        ("captured in February", (date(2024, 2, 1), "month")),
        ("on November 11 a column entered", (date(2023, 11, 11), "day")),
        ("on Aug. 1 the governor said", (date(2024, 8, 1), "day")),
        ("last week", (date(2024, 10, 21), "week")),
        ("two days ago", (date(2024, 10, 27), "day")),
        ("in May 2023", (date(2023, 5, 1), "month")),
        ("on 2024-03-05", (date(2024, 3, 5), "day")),
        ("yesterday", (date(2024, 10, 28), "day")),
        ("last year", (date(2023, 1, 1), "year")),
    ],
)
def test_relative_expressions_resolve_to_the_start_of_their_period(text: str, expected: tuple[date, str]) -> None:
    assert one(text)[1:] == expected


@pytest.mark.parametrize("text", ["the 47th Brigade said", "the town may soon fall", "a 2024 report", "March of the troops"])
def test_things_that_are_not_dates_are_not_dates(text: str) -> None:
    assert find_times(text, TUESDAY) == []


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    assert one("on Tuesday", None) == ("on Tuesday", None, None)
    assert one("in May 2023", None)[1] == date(2023, 5, 1)


def test_an_undated_text_is_anchored_at_the_latest_full_date_it_gives() -> None:
    from geo.when import latest_full_date

    assert latest_full_date("On September 11, 2022 the flag was raised; by 14 September 2022 the town was free.") == date(2022, 9, 14)
    assert latest_full_date("On Monday the town fell.") is None


def test_month_of_last_year_and_first_days_of_a_month() -> None:
    (w,) = find_times("in February last year", date(2024, 2, 19))
    assert (w.event_date, w.precision) == (date(2023, 2, 1), "month")
    (w,) = find_times("In the first days of October", date(2022, 10, 21))
    assert (w.event_date, w.precision) == (date(2022, 10, 1), "week")


def test_news_that_comes_a_week_after_an_announcement() -> None:
    (w,) = find_times("The announcement comes a week after Russia declared it had taken Pokrovsk.", date(2025, 12, 9))
    assert (w.event_date, w.precision) == (date(2025, 12, 2), "week")
