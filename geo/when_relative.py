"""How relative time expressions resolve: a weekday, "yesterday", "two days ago", "the day before", "last
week" (the absolute ones and the patterns of both: :mod:`geo.when_rules`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from geo.when_rules import NUMBERS, WEEKDAYS, Resolved, fold, months_back


def _weekday(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"on Tuesday": the latest such day not after publication ("last Tuesday" on a Tuesday: a week
    before)."""
    if not pub:
        return None, None
    back = (pub.weekday() - WEEKDAYS[fold(m.group("weekday"))]) % 7
    if fold(m.group("wrel")) == "last" and back == 0:
        back = 7
    return pub - timedelta(days=back), "day"


def _relday(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"yesterday", "overnight", "this morning"."""
    if not pub:
        return None, None
    back = {"yesterday": 1, "the day before yesterday": 2, "last night": 1,
            "overnight": 1}.get(fold(m.group("relday")), 0)
    return pub - timedelta(days=back), "day"


def _ago(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"3 days ago", "comes a week after": that many units before publication."""
    if not pub:
        return None, None
    count, unit = (m.group("n"), m.group("unit")) if m.group("n") else (m.group("n2"), m.group("unit2"))
    n = int(count) if count.isdigit() else NUMBERS[fold(count)]
    unit = fold(unit).rstrip("s")
    if unit == "day":
        return pub - timedelta(days=n), "day"
    if unit == "week":
        return pub - timedelta(days=7 * n), "week"
    if unit == "month":
        return months_back(pub, n), "month"
    return date(pub.year - n, 1, 1), "year"


def backward(m: re.Match[str]) -> bool:
    """Whether a shift counts back ("the day before", "two days earlier", "the previous day")."""
    return fold(m.group("sd") or m.group("sd2") or m.group("sd3")) in ("earlier", "before", "previous")


def _dayshift(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"the day before", "two days earlier", "a week later", "the next day": that many days or weeks from
    ``previous`` (the day named before, or for a shift back the one named after it), a shift back with no
    such day from publication; never past publication. Not "the days before" (no count)."""
    count, unit = (m.group("sn"), m.group("su")) if m.group("sn") else ("one", m.group("su3"))
    single = fold(count) in ("the", "a", "one")
    base = previous or (pub if backward(m) else None)
    if not base or (single and fold(unit).endswith("s")):
        return None, None
    n = 1 if single else int(count) if count.isdigit() else NUMBERS[fold(count)]
    days = n * (7 if fold(unit).startswith("week") else 1)
    day = base - timedelta(days=days) if backward(m) else base + timedelta(days=days)
    if pub and day > pub:
        return None, None
    return day, "week" if days >= 7 else "day"


def _relperiod(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"earlier this year", "last week", "over the past two days", "in recent days", "in the past 24 hours",
    "over the weekend"."""
    if not pub:
        return None, None
    rp = fold(m.group("rp"))
    if rp.startswith(("earlier in the", "later in the")) and previous:
        pub = previous  # "retaking Izium earlier in the year" after "in November 2022": that year
    if rp == "past day" or rp.endswith("24 hours"):
        return pub - timedelta(days=1), "day"
    if rp.endswith("48 hours"):
        return pub - timedelta(days=2), "day"
    if rp.endswith("year"):
        return date(pub.year - (1 if rp.startswith("last") else 0), 1, 1), "year"
    if rp.endswith("month"):
        return (months_back(pub, 1) if rp.startswith("last") else date(pub.year, pub.month, 1)), "month"
    if rp in ("the weekend", "last weekend"):  # "over the weekend": its Sunday, the one before publication
        back = (pub.weekday() + 1) % 7 + (7 if rp == "last weekend" and pub.weekday() >= 5 else 0)
        return pub - timedelta(days=back), "day"
    # "over the past two days", "in the previous few days", "in recent days": the days just before
    if rp.endswith("days"):
        count = rp.split()[0 if rp.startswith("recent") else 1]
        n = int(count) if count.isdigit() else NUMBERS.get(count, 3 if count == "recent" else 7)
        return pub - timedelta(days=n), "day" if n == 1 else "week"
    if rp.startswith(("past", "previous")):  # "over the past week": the seven days before publication
        return pub - timedelta(days=7), "week"
    monday = pub - timedelta(days=pub.weekday())
    return (monday - timedelta(days=7) if rp.startswith("last") else monday), "week"


RELATIVE: dict[str, Callable[[re.Match[str], date | None, date | None], Resolved]] = {
    "weekday": _weekday, "relday": _relday, "ago": _ago, "dayshift": _dayshift, "relperiod": _relperiod,
}
