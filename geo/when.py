"""Time expressions: found with our own rules, resolved against the publication date.

Only the spans these rules find are turned into dates ("47th Brigade" or "may soon" are never dates).
A resolved expression gives the *start* of the period it names and its precision:
"on Tuesday" -> that day (a weekday equal to the publication weekday is the publication day),
"earlier this year" -> 1 January, precision year; "since summer" -> 1 June, precision season.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from geo import settings
from geo.models import When
from geo.prefilter import Prefilter

#: The day Russia's full-scale invasion of Ukraine began ("since the start of the full-scale war").
FULL_SCALE_INVASION = date(2022, 2, 24)


def latest_year() -> int:
    """The latest year a date may have: next year (a report may look ahead a little, never further)."""
    return date.today().year + 1


def plausible_year(year: int) -> bool:
    """Whether a year is one a report on this war may give (1900 to next year); others are typos or garbage."""
    return settings.MIN_YEAR <= year <= latest_year()

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_PART_OF_YEAR = {"early": 1, "mid": 5, "middle": 5, "late": 9, "end": 10}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_YEAR = r"(?P<year>(?:1\d|20)\d\d)(?!\d)"  # any year of four digits: those out of range are refused, not misread
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"

# Order matters: longer, more specific forms first; matches never overlap.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rx, re.IGNORECASE if kind not in ("month_day", "day_month", "month_year", "month_rel", "month") else 0))
    for kind, rx in (
        ("iso", r"\b(?P<iso>(?:1\d|20)\d\d-[01]\d-[0-3]\d)\b"),
        # the war's own calendar: Russia's full-scale invasion began on 24 February 2022
        ("invasion", r"\b(?:since\s+)?(?:the\s+)?(?:start|beginning|outset|first\s+days?)\s+of\s+(?:the\s+|Russia's\s+|Russia’s\s+)?full[- ]scale\s+(?:war|invasion)\b"
                     r"|\bsince\s+(?:the\s+|Russia's\s+|Russia’s\s+)?full[- ]scale\s+invasion(?:\s+(?:began|started))?\b"),
        ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?"),
        ("day_month", rf"\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?"),
        ("part_month", rf"\b(?P<part>early|mid|late|end of|the end of|the beginning of|the start of|the first days of|the last days of)[\s-]+(?:{_MONTH.replace('?P<month>', '?P<pmonth>')})(?:\s+{_YEAR})?"),
        ("part_year", rf"\b(?P<part2>early|mid|late|end of)[\s-]+(?:{_YEAR.replace('?P<year>', '?P<pyear>')}|(?P<rel>this|last) year)\b"),
        ("month_year", rf"\b(?:in |since |by |during |until )?{_MONTH}\s+{_YEAR}\b"),
        ("month_rel", rf"\b(?:in |since |by |during |until )?{_MONTH}\s+(?:of\s+)?(?P<mrel>last|this) year\b"),
        ("season", rf"\b(?:since\s+|(?:in|during|by|until|throughout|over|through)\s+(?:the\s+)?)?(?:(?P<srel>this|last|next|past)\s+)?{_SEASON}(?:\s+(?:of\s+)?{_YEAR.replace('?P<year>', '?P<syear>')})?\b"),
        ("month", rf"\b(?:in|since|by|during|until|from|early|mid|late|throughout)\s+{_MONTH}\b"),
        ("weekday", rf"\b(?:(?P<wrel>last|this|on|late|early)\s+)?{_WEEKDAY}(?:\s+(?:night|morning|evening|afternoon))?\b"),
        ("sameday", r"\b(?:(?:on|later|earlier|in)\s+)?(?:the\s+(?:evening|morning|afternoon|night)\s+of\s+)?(?:the\s+same\s+day|that\s+(?:same\s+)?(?:day|evening|morning|night|afternoon))\b"),
        ("relday", r"\b(?P<relday>today|yesterday|overnight|last night|this morning|tonight|the day before yesterday)\b"),
        ("ago", r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|ten)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b"
                r"|\b(?:comes|came)\s+(?:just\s+|only\s+|about\s+)?(?P<n2>\d+|a|one|two|three|four|five|six|seven|ten)\s+"
                r"(?P<unit2>days?|weeks?|months?)\s+after\b"),
        ("relperiod", r"\b(?:since\s+)?(?P<rp>(?:earlier|later) this (?:year|month|week)|this (?:year|month|week)|last (?:year|month|week)|"
                      r"(?:past|previous) (?:week|(?:\w+ )?days)|the previous day|(?:past|previous|last) (?:24|48) hours|past day)\b(?!['’]s)"),
        ("year", rf"\b(?:in|since|by|during|until|throughout|of)\s+{_YEAR}\b"),
    )
)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "few": 3, "several": 4}


def _month_start(year: int, month: int) -> date:
    return date(year, month, 1)


def _latest_not_after(pub: date, month: int, day: int = 1) -> date | None:
    """The date with this month/day in the publication year, or the year before when it would be in the future."""
    for year in (pub.year, pub.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate <= pub + timedelta(days=1):
            return candidate
    return None


def _resolve(kind: str, m: re.Match[str], pub: date | None, previous: date | None = None) -> tuple[date | None, str | None]:
    g = m.groupdict()
    if kind == "sameday":  # "that evening", "the same day": the day the text last named
        return (previous, "day") if previous else (None, None)
    if kind == "invasion":
        return FULL_SCALE_INVASION, "day"
    if kind == "iso":
        try:
            return date.fromisoformat(g["iso"]), "day"
        except ValueError:
            return None, None
    if kind in ("month_day", "day_month"):
        month = _MONTHS[g["month"].rstrip(".").lower()]
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None, None
        if g.get("year"):
            try:
                return date(int(g["year"]), month, day), "day"
            except ValueError:
                return None, None
        return (_latest_not_after(pub, month, day), "day") if pub else (None, None)
    if kind == "month_year":
        return _month_start(int(g["year"]), _MONTHS[g["month"].rstrip(".").lower()]), "month"
    if kind == "part_month":
        month = _MONTHS[g["pmonth"].rstrip(".").lower()]
        part = g["part"].lower().removeprefix("the ")
        day = {"early": 1, "mid": 11, "late": 21, "end of": 21, "beginning of": 1, "start of": 1, "first days of": 1,
               "last days of": 25}[part]
        precision = "week" if part.endswith("days of") else "month"
        if g.get("year"):
            return date(int(g["year"]), month, day), precision
        return (_latest_not_after(pub, month, day), precision) if pub else (None, None)
    if kind == "part_year":
        if g.get("pyear"):
            year = int(g["pyear"])
        elif pub:
            year = pub.year - (1 if (g.get("rel") or "").lower() == "last" else 0)
        else:
            return None, None
        return date(year, _PART_OF_YEAR[g["part2"].lower()], 1), "season"
    if kind == "month_rel":
        if not pub:
            return None, None
        month = _MONTHS[g["month"].rstrip(".").lower()]
        return date(pub.year - (1 if g["mrel"].lower() == "last" else 0), month, 1), "month"
    if kind == "month":
        month = _MONTHS[g["month"].rstrip(".").lower()]
        return (_latest_not_after(pub, month), "month") if pub else (None, None)
    if kind == "season":
        month = _SEASONS[g["season"].lower()]
        if g.get("syear"):
            return date(int(g["syear"]), month, 1), "season"
        if not pub:
            return None, None
        rel = (g.get("srel") or "").lower()
        start = _latest_not_after(pub, month)
        if start and rel in ("last", "past") and (pub - start).days < 92:
            start = date(start.year - 1, month, 1)
        return start, "season"
    if kind == "weekday":
        if not pub:
            return None, None
        back = (pub.weekday() - _WEEKDAYS[g["weekday"].lower()]) % 7
        if (g.get("wrel") or "").lower() == "last" and back == 0:
            back = 7
        return pub - timedelta(days=back), "day"
    if kind == "relday":
        if not pub:
            return None, None
        word = g["relday"].lower()
        back = {"yesterday": 1, "the day before yesterday": 2, "last night": 1, "overnight": 1}.get(word, 0)
        return pub - timedelta(days=back), "day"
    if kind == "ago":
        if not pub:
            return None, None
        count, unit = (g["n"], g["unit"]) if g.get("n") else (g["n2"], g["unit2"])  # "3 days ago", "comes a week after"
        n = int(count) if count.isdigit() else _NUMBERS[count.lower()]
        unit = unit.lower().rstrip("s")
        if unit == "day":
            return pub - timedelta(days=n), "day"
        if unit == "week":
            return pub - timedelta(days=7 * n), "week"
        if unit == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
            return date(y, mo + 1, 1), "month"
        return date(pub.year - n, 1, 1), "year"
    if kind == "relperiod":
        if not pub:
            return None, None
        rp = g["rp"].lower()
        if rp in ("the previous day", "past day") or rp.endswith("24 hours"):
            return pub - timedelta(days=1), "day"
        if rp.endswith("48 hours"):
            return pub - timedelta(days=2), "day"
        if rp.endswith("year"):
            return date(pub.year - (1 if rp.startswith("last") else 0), 1, 1), "year"
        if rp.endswith("month"):
            if rp.startswith("last"):
                y, mo = divmod(pub.year * 12 + pub.month - 2, 12)
                return date(y, mo + 1, 1), "month"
            return date(pub.year, pub.month, 1), "month"
        if rp.endswith("days"):  # "over the past two days", "in the previous few days": the days just before
            count = rp.split()[1]
            n = int(count) if count.isdigit() else _NUMBERS.get(count, 7)
            return pub - timedelta(days=n), "day" if n == 1 else "week"
        if rp.startswith(("past", "previous")):  # "over the past week": the seven days before publication
            return pub - timedelta(days=7), "week"
        monday = pub - timedelta(days=pub.weekday())
        if rp.startswith("last"):
            return monday - timedelta(days=7), "week"
        return monday, "week"
    if kind == "year":
        return date(int(g["year"]), 1, 1), "year"
    return None, None


def _checked(kind: str, m: re.Match[str], pub: date | None, previous: date | None = None) -> tuple[date | None, str | None]:
    """:func:`_resolve`, with dates out of the plausible years (typos, "1 January 1800", "10,000 days ago")
    refused rather than misread or overflowing."""
    try:
        when, precision = _resolve(kind, m, pub, previous)
    except (OverflowError, ValueError):
        return None, None
    return (when, precision) if when is not None and plausible_year(when.year) else (None, None)


_MAY_MATCH = Prefilter([rx for _, rx in _PATTERNS])


def find_times(text: str, published: date | None, previous: date | None = None) -> list[When]:
    """Every time expression in ``text``, resolved against ``published`` (None leaves relative ones unresolved);
    "that evening" or "the same day" is ``previous``, the day named last before the text, or the last one in it."""
    taken: list[tuple[int, int]] = []
    found: list[When] = []
    for index in _MAY_MATCH.candidates(text):
        kind, rx = _PATTERNS[index]
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind == "season" and not (m.group("srel") or m.group("syear") or " " in m.group(0).strip()):
                continue  # a bare "fall" or "spring" is a verb or a noun, not a date
            if kind == "weekday" and not m.group("wrel") and m.start() > 0 and text[m.start() - 1].isalpha():
                continue
            named_before = [w.event_date for w in found if w.end <= m.start() and w.event_date and w.precision == "day"]
            when, precision = _checked(kind, m, published, named_before[-1] if named_before else previous)
            taken.append((m.start(), m.end()))
            found.append(When(text=m.group(0).strip(), event_date=when, precision=precision if when else None,  # type: ignore[arg-type]
                              start=m.start(), end=m.end()))
    return sorted(found, key=lambda w: w.start)


#: Expressions that name a day, month or season but no year: an undated article's "October 4" once its year is known.
_WITHIN_A_YEAR = frozenset({"month_day", "day_month", "part_month", "month", "season"})


def in_year(text: str, year: int) -> When | None:
    """The first expression of ``text`` that names a day, month or season but no year, resolved in ``year``."""
    end_of_year = date(year, 12, 31)
    for kind, rx in _PATTERNS:
        if kind in _WITHIN_A_YEAR:
            for m in rx.finditer(text):
                if kind == "season" and (m.group("srel") or not " " in m.group(0).strip()):
                    continue
                when, precision = _checked(kind, m, end_of_year)
                if when is not None:
                    return When(m.group(0).strip(), when, precision, m.start(), m.end())  # type: ignore[arg-type]
    return None


def latest_full_date(text: str) -> date | None:
    """The latest day the text gives in full (with its year), to anchor an undated article's relative dates."""
    days = [w.event_date for w in find_times(text, None) if w.event_date and w.precision == "day"]
    return max(days) if days else None
