from datetime import date

import pytest

from geo.when import find_times

TUESDAY = date(2024, 10, 29)


def one(text: str, published: date | None = TUESDAY) -> tuple[str, date | None, str | None]:
    found = find_times(text, published)
    assert len(found) == 1, found
    return found[0].text, found[0].event_date, found[0].precision


def test_weekday_equal_to_the_publication_weekday_is_the_publication_day() -> None:
    assert (one("Kyiv has announced a fresh mobilization drive on Tuesday, coinciding")
            == ("on Tuesday", TUESDAY, "day"))


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
        # a month opening a sentence: its preposition is capitalised, the month still is a month
        ("In January, Prigozhin claimed his fighters had seized it", (date(2024, 1, 1), "month")),
        ("Since March, the town has been under fire", (date(2024, 3, 1), "month")),
        ("In recent days they took the village", (date(2024, 10, 26), "week")),
        ("took it over the weekend", (date(2024, 10, 27), "day")),
        # "last May": the May before the publication month's; "last October" in October is a year back
        ("Bakhmut, which fell to it last May", (date(2024, 5, 1), "month")),
        ("the town Russia took last October", (date(2023, 10, 1), "month")),
        ("Last November, Ukraine retook Kherson", (date(2023, 11, 1), "month")),
        ("this March", (date(2024, 3, 1), "month")),
        ("announced on August 28 last year that", (date(2023, 8, 28), "day")),
        ("on 3 March this year", (date(2024, 3, 3), "day")),
        ("took the village last weekend", (date(2024, 10, 27), "day")),
        ("Earlier in the week, Ukraine retook the village", (date(2024, 10, 28), "week")),
    ],
)
def test_relative_expressions_resolve_to_the_start_of_their_period(text: str,
                                                                   expected: tuple[date, str]) -> None:
    assert one(text)[1:] == expected


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [
        # counted from the day named before it in the text, else the day the sentences before named
        ("On Friday the town fell; the day before, troops had entered it", None, (date(2024, 10, 24), "day")),
        ("On October 20 the army pulled back, and two days later the town fell", None,
         (date(2024, 10, 22), "day")),
        ("The previous day, Ukrainian troops withdrew", date(2024, 10, 20), (date(2024, 10, 19), "day")),
        ("Troops had entered the village a week earlier", date(2024, 10, 20), (date(2024, 10, 13), "week")),
        # else the day named after it ("X, which it took a day earlier, ..., November 11, 2022")
        ("the village, which the army took back a day earlier, November 11, 2022", None,
         (date(2022, 11, 10), "day")),
        # else publication
        ("A day earlier, Ukrainian troops withdrew", None, (date(2024, 10, 28), "day")),
        # never after publication; a shift on from no day known is no time
        ("The next day the flag went up", date(2024, 10, 29), None),
        ("Russian forces entered the town two days later, the ministry said on Sunday", None, None),
        # "the days before" counts nothing; "earlier than planned" is no time
        ("in the days before the assault", date(2024, 10, 20), None),
        ("Ukrainian forces left Krynky a day earlier than planned", None, None),
    ],
)
def test_a_day_counted_from_another_day(text: str, previous: date | None,
                                        expected: tuple[date, str] | None) -> None:
    shifted = [w for w in find_times(text, TUESDAY, previous) if w.text.lower().startswith(
        ("the day", "two days", "the previous", "a week", "a day", "the next"))]
    assert [(w.event_date, w.precision) for w in shifted] == ([expected] if expected else [])


@pytest.mark.parametrize("text", ["the 47th Brigade said", "the town may soon fall", "a 2024 report",
                                  "March of the troops", "a day before the attack", "filmed on 1 May Alley",
                                  "two weeks after the offensive began",
                                  "the 28th Separate Mechanized Brigade said", "4 Octopus"])
def test_things_that_are_not_dates_are_not_dates(text: str) -> None:
    assert find_times(text, TUESDAY) == []


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    assert one("on Tuesday", None) == ("on Tuesday", None, None)
    assert one("in May 2023", None)[1] == date(2023, 5, 1)


def test_an_undated_text_is_anchored_at_the_latest_full_date_it_gives() -> None:
    from geo.when import latest_full_date

    assert latest_full_date("On September 11, 2022 the flag was raised; by 14 September 2022 the town was "
                            "free.") == date(2022, 9, 14)
    assert latest_full_date("On Monday the town fell.") is None


def test_month_of_last_year_and_first_days_of_a_month() -> None:
    (w,) = find_times("in February last year", date(2024, 2, 19))
    assert (w.event_date, w.precision) == (date(2023, 2, 1), "month")
    (w,) = find_times("In the first days of October", date(2022, 10, 21))
    assert (w.event_date, w.precision) == (date(2022, 10, 1), "week")


def test_news_that_comes_a_week_after_an_announcement() -> None:
    (w,) = find_times("The announcement comes a week after Russia declared it had taken Pokrovsk.",
                      date(2025, 12, 9))
    assert (w.event_date, w.precision) == (date(2025, 12, 2), "week")


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [("fighting raged between August 4 and 16 near the town", "between August 4 and 16",
      (date(2024, 8, 4), "month")),
     ("fighting raged between 4 and 16 August near the town", "between 4 and 16 August",
      (date(2024, 8, 4), "month")),
     ("the town was shelled from 4 to 16 August", "from 4 to 16 August", (date(2024, 8, 4), "month")),
     ("the town was shelled from August 4 to August 16", "from August 4 to August 16",
      (date(2024, 8, 4), "month")),
     ("the assaults of August 4-16 failed", "August 4-16", (date(2024, 8, 4), "month")),
     ("the assaults of 4–16 August failed", "4–16 August", (date(2024, 8, 4), "month")),
     ("assaults on 4 - 16 August failed", "on 4 - 16 August", (date(2024, 8, 4), "month")),
     ("fighting continued on June 9 and 10, around the plant", "on June 9 and 10", (date(2024, 6, 9), "day")),
     ("fighting continued on 9 and 10 June", "on 9 and 10 June", (date(2024, 6, 9), "day")),
     ("Sitrep for Aug. 19-21, 2023 (as of 9 a.m.", "Aug. 19-21, 2023", (date(2023, 8, 19), "week")),
     ],
)
def test_a_range_is_its_first_day_its_precision_from_its_length(text: str, words: str,
                                                                expected: tuple[date, str]) -> None:
    assert one(text) == (words, *expected)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("August 4-5", "day"),  # two days
        ("August 4-6", "week"),  # three
        ("August 1-10", "week"),  # ten
        ("August 1-11", "month"),  # eleven
        ("from August 1 to September 14", "month"),  # 45
        ("from August 1 to September 15", "season"),  # 46
    ],
)
def test_the_precision_of_a_range_grows_with_its_length(text: str, precision: str) -> None:
    assert one(text)[1:] == (date(2024, 8, 1 if "August 1" in text else 4), precision)


def test_a_range_may_run_into_a_new_year() -> None:
    (w,) = find_times("between December 28 and January 3", date(2024, 1, 10))
    assert (w.event_date, w.precision) == (date(2023, 12, 28), "week")
    (w,) = find_times("from 28 December to 3 January 2024", None)
    assert (w.event_date, w.precision) == (date(2023, 12, 28), "week")


def test_words_that_make_no_range_leave_the_single_date() -> None:
    # the last day before the first
    assert one("between 16 and 4 August") == ("4 August", date(2024, 8, 4), "day")
    assert one("between August 4 to 16") == ("August 4", date(2024, 8, 4), "day")  # "between" goes with "and"
    # "and" needs a lead
    assert one("by August 4 and 16 soldiers had left") == ("August 4", date(2024, 8, 4), "day")


def test_a_single_date_resolves_as_before() -> None:
    assert (one("the flag was raised over the town on August 4, the governor said")
            == ("August 4", date(2024, 8, 4), "day"))
    assert one("on 16 August 2023 the flag was raised") == ("16 August 2023", date(2023, 8, 16), "day")


def test_a_range_without_a_publication_date_or_with_a_year_from_other_reports() -> None:
    from geo.when import in_year

    assert one("between August 4 and 16", None) == ("between August 4 and 16", None, None)
    w = in_year("between August 4 and 16", 2023)
    assert w is not None and (w.event_date, w.precision) == (date(2023, 8, 4), "month")


@pytest.mark.parametrize(
    "text",
    ["5 Marines and 16 Marines left on 4-16 Marines", "mid-March, late 2022, the end of last year",
     "that evening", "On Friday the town fell; later that evening the flag went up",
     "in the past 24 hours and two weeks ago", "since the start of the full-scale invasion",
     "ſince ſummer 2023", "tonıght, İN 2023", "Sept. 4-6, 2024",
     "from 4 to 16 August, between August 4 and 16, on June 9 and 10", "August 4" + " " * 300 + "and 16",
     "On Friday it fell; the day before and two weeks later, the next day",
     ],
)
def test_the_words_a_rule_needs_never_hide_a_match(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import geo.when

    gated = find_times(text, TUESDAY)
    monkeypatch.setattr(geo.when, "may_match", lambda needs, words: True)
    assert find_times(text, TUESDAY) == gated
