"""The time expressions news copy uses, as declared rules: each a pattern (dates, months, seasons, weekdays,
relative days and periods, ranges) and the function that resolves its match against the publication day to a
date and its precision. :mod:`geo.when` finds them in a text."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from geo.models import Precision
from geo.when_words import AS_I, DIGIT

#: The day Russia's full-scale invasion of Ukraine began ("since the start of the full-scale war").
FULL_SCALE_INVASION = date(2022, 2, 24)

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_PART_OF_YEAR = {"early": 1, "mid": 5, "middle": 5, "late": 9, "end": 10}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|"
    r"Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
# any year of four digits: those out of range are refused, not misread
_YEAR = r"(?P<year>(?:1\d|20)\d\d)(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
#: a day's year said relative to publication: "on August 28 last year"
_YEAR_REL = r"\s+(?P<yrel>(?i:last|this))\s+(?i:year)\b"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"


def _renamed(rx: str, group: str, name: str) -> str:
    """``rx`` with its group ``group`` called ``name`` (one expression may hold a month twice)."""
    return rx.replace(f"?P<{group}>", f"?P<{name}>")


# Date ranges: "between August 4 and 16", "from 4 to 16 August", "August 4-16", "on June 9 and 10". Every part
# is a plain sequence (no quantifier inside a repeated group), so a match is tried in time linear in the text.
_RANGE_LEAD = r"(?:(?P<lead>[Bb]etween|[Ff]rom|[Oo]n)\s+)?"
_RANGE_JOIN = r"(?:\s*[-–]\s*|\s+(?P<join>and|to|until|till|through)\s+)"
_FIRST_MONTH, _LAST_MONTH = _renamed(_MONTH, "month", "m1"), _renamed(_MONTH, "month", "m2")
_FIRST_DAY, _LAST_DAY = _renamed(_DAY, "day", "d1") + r"\b", _renamed(_DAY, "day", "d2") + r"\b"
_NO_LETTER = r"(?![^\W\d_])"  # "16 Aug." or "16 August," but not "16 Marines"
#: Which joining word each leading word takes ("between ... and", "from ... to"); a dash goes with any.
_RANGE_JOINS = {"between": ("and",), "on": ("and",), "from": ("to", "until", "till", "through")}

#: Stands for "the text has a digit" among a text's words (see :func:`cue_words`); a rule's words are sets of
#: words, every match of the rule holding one word of each set.
_NUMBER = frozenset({DIGIT})
_MONTH_WORDS = frozenset(_MONTHS)
#: the words that name a day or a month without a digit ("on Tuesday", "in May", "yesterday")
DAY_WORDS = _MONTH_WORDS | frozenset(WEEKDAYS) | frozenset({"today", "yesterday"})
#: The words "this week", "the previous day", "over the past two days" or "past 24 hours" end with.
_PERIOD_WORDS = frozenset({"day", "days", "week", "month", "year", "hours", "weekend"})
_TIME_OF_DAY = frozenset({"day", "evening", "morning", "night", "afternoon"})
#: Kinds whose month names must be capitalised ("may soon", "March of the troops" are not dates).
_CASED = frozenset({"month_day", "day_month", "month_year", "month_rel", "month", "range"})
#: Words one of which every expression of a single day holds, an ISO date aside ("on 5 May", "that evening",
#: "two days ago", "overnight", "the previous day", "since the start of the full-scale invasion").
#: (a tokenizer may keep an abbreviation's dot: "Aug." is one word).
_DAY_CUES = (DAY_WORDS | _TIME_OF_DAY | _PERIOD_WORDS
             | frozenset({"overnight", "tonight", "ago", "after", "full"}))
DAY_CUES = _DAY_CUES | frozenset(w + "." for w in _DAY_CUES)
_ISO = r"(?:1\d|20)\d\d-[01]\d-[0-3]\d"
ISO_DATE = re.compile(rf"\b{_ISO}\b")

# Order matters: longer, more specific forms first; matches never overlap. Each rule: its kind, the sets of
# words (case-folded) every match of it holds one of, whole, and its expression. A month name is such a word
# only where the expression bounds it ("16 Marines" is a "day_month" match: "Mar" is no word of it).
_RULES: tuple[tuple[str, tuple[frozenset[str], ...], str], ...] = (
    ("iso", (_NUMBER,), rf"\b(?P<iso>{_ISO})\b"),
    # the war's own calendar: Russia's full-scale invasion began on 24 February 2022
    ("invasion", (frozenset({"full"}),),
     r"\b(?:since\s+)?(?:the\s+)?(?:start|beginning|outset|first\s+days?)\s+of\s+(?:the\s+|Russia's\s+|"
     r"Russia’s\s+)?full[- ]scale\s+(?:war|invasion)\b|\bsince\s+(?:the\s+|Russia's\s+|"
     r"Russia’s\s+)?full[- ]scale\s+invasion(?:\s+(?:began|started))?\b"),
    ("range", (_NUMBER, _MONTH_WORDS),
     rf"\b{_RANGE_LEAD}{_FIRST_MONTH}\s+{_FIRST_DAY}{_RANGE_JOIN}(?:{_LAST_MONTH}\s+)?{_LAST_DAY}(?:,?\s+{_YEAR})?"),
    ("range", (_NUMBER, _MONTH_WORDS),
     rf"\b{_RANGE_LEAD}{_FIRST_DAY}(?:\s+{_FIRST_MONTH})?{_RANGE_JOIN}{_LAST_DAY}\s+{_LAST_MONTH}{_NO_LETTER}(?:,?\s+{_YEAR})?"),
    ("month_day", (_NUMBER, _MONTH_WORDS),
     rf"\b{_MONTH}{_NO_LETTER}\s+{_DAY}\b(?:,?\s+{_YEAR}|{_YEAR_REL})?"),
    ("day_month", (_NUMBER,), rf"\b{_DAY}\s+{_MONTH}{_NO_LETTER}(?:,?\s+{_YEAR}|{_YEAR_REL})?"),
    ("part_month", (frozenset({"early", "mid", "late", "end", "beginning", "start", "first", "last"}),),
     (r"\b(?P<part>early|mid|late|end of|the end of|the beginning of|the start of|the first days of|"
      rf"the last days of)[\s-]+(?:{_renamed(_MONTH, 'month', 'pmonth')})(?:\s+{_YEAR})?")),
    ("part_year", (frozenset({"early", "mid", "late", "end"}),),
     (rf"\b(?P<part2>early|mid|late|end of)[\s-]+(?:{_renamed(_YEAR, 'year', 'pyear')}|(?P<rel>this|"
      r"last) year)\b")),
    ("month_year", (_NUMBER, _MONTH_WORDS), rf"\b(?i:in |since |by |during |until )?{_MONTH}\s+{_YEAR}\b"),
    ("month_rel", (frozenset({"year"}), _MONTH_WORDS),
     rf"\b(?i:in |since |by |during |until )?{_MONTH}\s+(?i:of\s+)?(?P<mrel>(?i:last|this)) (?i:year)\b"),
    ("season", (frozenset(_SEASONS),),
     (r"\b(?:since\s+|(?:in|during|by|until|throughout|over|through)\s+(?:the\s+)?)?(?:(?P<srel>this|last|"
      rf"next|past)\s+)?{_SEASON}(?:\s+(?:of\s+)?{_renamed(_YEAR, 'year', 'syear')})?\b")),
    ("month", (_MONTH_WORDS,),
     rf"\b(?:(?i:in|since|by|during|until|from|early|mid|late|throughout)|(?P<mlast>(?i:last|this)))\s+"
     rf"{_MONTH}\b"),
    ("weekday", (frozenset(WEEKDAYS),),
     rf"\b(?:(?P<wrel>last|this|on|late|early)\s+)?{_WEEKDAY}(?:\s+(?:night|morning|evening|afternoon))?\b"),
    ("sameday", (_TIME_OF_DAY,),
     r"\b(?:(?:on|later|earlier|in)\s+)?(?:the\s+(?:evening|morning|afternoon|night)\s+of\s+)?(?:the\s+same\s+day|that\s+(?:same\s+)?(?:day|evening|morning|night|afternoon))\b"),
    ("relday", (frozenset({"today", "yesterday", "overnight", "night", "morning", "tonight"}),),
     r"\b(?P<relday>today|yesterday|overnight|last night|this morning|tonight|the day before yesterday)\b"),
    # "the day before", "two days earlier", "a week later", "the next day": counted from the day named before
    # (not "a day before the attack": that counts from an event)
    ("dayshift", (frozenset({"day", "days", "week", "weeks"}),
                  frozenset({"before", "after", "earlier", "later", "previous", "next", "following"})),
     r"\b(?:(?P<sn>the|a|one|two|three|four|five|six|seven|\d+)\s+(?P<su>days?|weeks?)\s+"
     r"(?:(?P<sd>earlier|later)(?!\s+than)|(?P<sd2>before|after)(?=\s*(?:[,.;:)]|$)))"
     r"|(?:on\s+)?the\s+(?P<sd3>previous|next|following)\s+(?P<su3>day|week))\b"),
    ("ago", (frozenset({"ago", "after"}),),
     r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|ten)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b"
     r"|\b(?:comes|came)\s+(?:just\s+|only\s+|about\s+)?(?P<n2>\d+|a|one|two|three|four|five|six|seven|ten)\s+"
     r"(?P<unit2>days?|weeks?|months?)\s+after\b"),
    ("relperiod", (_PERIOD_WORDS,),
     r"\b(?:since\s+)?(?P<rp>(?:earlier|later) (?:this|in the) (?:year|month|week)|this (?:year|month|week)|"
     r"last (?:year|month|week)|(?:past|previous) (?:week|(?:\w+ )?days)|recent days|"
     r"(?:past|previous|last) (?:24|48) hours|past day|(?<=over )the weekend|"
     r"(?<=at )the weekend|last weekend)\b(?!['’]s)"),
    ("year", (_NUMBER,), rf"\b(?:in|since|by|during|until|throughout|of)\s+{_YEAR}\b"),
)
PATTERNS: tuple[tuple[str, tuple[frozenset[str], ...], re.Pattern[str]], ...] = tuple(
    (kind, needs, re.compile(rx, 0 if kind in _CASED else re.IGNORECASE)) for kind, needs, rx in _RULES
)
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10,
            "few": 3, "several": 4}

Resolved = tuple[date | None, Precision | None]


def fold(words: str | None) -> str:
    """Matched words as the rules compare them: case-folded, with "İ" and "ı" as "i" (``re.IGNORECASE``
    matches them to "i", and "ſ" to "s"); "" for a group that took no part in the match."""
    return words.translate(AS_I).casefold() if words else ""


def _month_of(name: str) -> int:
    """The number of a month named in full or short ("Sept.", "August")."""
    return _MONTHS[fold(name.rstrip("."))]


def _latest_not_after(pub: date, month: int, day: int = 1) -> date | None:
    """The date with this month/day in the publication year, or the year before when it would be in the
    future."""
    for year in (pub.year, pub.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate <= pub + timedelta(days=1):
            return candidate
    return None


def months_back(pub: date, n: int) -> date:
    """The first day of the month ``n`` months before the publication month."""
    y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
    return date(y, mo + 1, 1)


def _same_day(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"that evening", "the same day": the day the text last named."""
    return (previous, "day") if previous else (None, None)


def _invasion(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"since the start of the full-scale invasion": 24 February 2022."""
    return FULL_SCALE_INVASION, "day"


def _iso(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"2024-03-05"."""
    try:
        return date.fromisoformat(m.group("iso")), "day"
    except ValueError:
        return None, None


def _day_of_month(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"November 11", "1 Aug. 2024": that day, in the year given or the latest one not after publication."""
    month, day = _month_of(m.group("month")), int(m.group("day"))
    if not 1 <= day <= 31:
        return None, None
    year = int(m.group("year")) if m.group("year") else None
    if m.group("yrel") and pub:
        year = pub.year - (fold(m.group("yrel")) == "last")
    if year is not None:
        try:
            return date(year, month, day), "day"
        except ValueError:
            return None, None
    return (_latest_not_after(pub, month, day), "day") if pub else (None, None)


def _month_year(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"in May 2023": the first of that month."""
    return date(int(m.group("year")), _month_of(m.group("month")), 1), "month"


_PART_OF_MONTH = {"early": 1, "mid": 11, "late": 21, "end of": 21, "beginning of": 1, "start of": 1,
                  "first days of": 1, "last days of": 25}


def _part_month(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"mid-March", "the first days of October": the day that part of the month begins."""
    month = _month_of(m.group("pmonth"))
    part = fold(m.group("part")).removeprefix("the ")
    day = _PART_OF_MONTH[part]
    precision: Precision = "week" if part.endswith("days of") else "month"
    if m.group("year"):
        return date(int(m.group("year")), month, day), precision
    return (_latest_not_after(pub, month, day), precision) if pub else (None, None)


def _part_year(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"late 2022", "the end of last year": the month that part of the year begins, precision season."""
    if m.group("pyear"):
        year = int(m.group("pyear"))
    elif pub:
        year = pub.year - (1 if fold(m.group("rel")) == "last" else 0)
    else:
        return None, None
    return date(year, _PART_OF_YEAR[fold(m.group("part2")).removesuffix(" of")], 1), "season"


def _month_rel(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"in February last year"."""
    if not pub:
        return None, None
    return (date(pub.year - (1 if fold(m.group("mrel")) == "last" else 0), _month_of(m.group("month")), 1),
            "month")


def _month(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"captured in February": the latest such month not after publication; "last May" one before the
    publication month, "this May" the publication year's."""
    if not pub:
        return None, None
    month, rel = _month_of(m.group("month")), fold(m.group("mlast"))
    if rel == "this":
        return date(pub.year, month, 1), "month"
    if rel == "last" and month == pub.month:
        return date(pub.year - 1, month, 1), "month"
    return _latest_not_after(pub, month), "month"


def _season(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"since summer", "last winter", "in autumn 2023": the season's first month."""
    month = _SEASONS[fold(m.group("season"))]
    if m.group("syear"):
        return date(int(m.group("syear")), month, 1), "season"
    if not pub:
        return None, None
    rel = fold(m.group("srel"))
    start = _latest_not_after(pub, month)
    if start and rel in ("last", "past") and (pub - start).days < 92:
        start = date(start.year - 1, month, 1)
    return start, "season"


def _year(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"in 2023": 1 January."""
    return date(int(m.group("year")), 1, 1), "year"


def range_ends(m: re.Match[str]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(month, day) of the first and last day of a range, or None when the words make no range: a joining word
    that does not go with the leading one ("between ... to"), or a last day not after the first ("August
    16-4"), unless the range runs into a new year ("December 28 - January 3": a last month 10 or 11 months
    before)."""
    join = m.group("join")
    if join and join not in _RANGE_JOINS.get(fold(m.group("lead")), ()):
        return None
    first_month, last_month = m.group("m1") or m.group("m2"), m.group("m2") or m.group("m1")
    first = (_month_of(first_month), int(m.group("d1")))
    last = (_month_of(last_month), int(m.group("d2")))
    if not (1 <= first[1] <= 31 and 1 <= last[1] <= 31):
        return None
    if last <= first and first[0] - last[0] < 10:  # "December 28 - January 3" runs into the next year
        return None
    return first, last


def _span_precision(days: int) -> Precision:
    """The precision of a range of ``days`` days (both ends counted)."""
    if days <= 2:
        return "day"
    if days <= 10:
        return "week"
    return "month" if days <= 45 else "season"


def _range(m: re.Match[str], pub: date | None, previous: date | None) -> Resolved:
    """"between August 4 and 16", "4-16 August 2024": the first day, its year given (for the last day) or the
    latest not after publication; the precision from the range's length."""
    ends = range_ends(m)
    if ends is None:
        return None, None
    (first_month, first_day), (last_month, last_day) = ends
    next_year = 1 if (last_month, last_day) < (first_month, first_day) else 0
    if m.group("year"):
        start: date | None = date(int(m.group("year")) - next_year, first_month, first_day)
    else:
        start = _latest_not_after(pub, first_month, first_day) if pub else None
    if start is None:
        return None, None
    end = date(start.year + next_year, last_month, last_day)
    return start, _span_precision((end - start).days + 1)


#: how each kind of absolute expression resolves (the relative ones: :mod:`geo.when_relative`)
ABSOLUTE: dict[str, Callable[[re.Match[str], date | None, date | None], Resolved]] = {
    "sameday": _same_day, "invasion": _invasion, "iso": _iso, "range": _range, "month_day": _day_of_month,
    "day_month": _day_of_month, "month_year": _month_year, "part_month": _part_month, "part_year": _part_year,
    "month_rel": _month_rel, "month": _month, "season": _season, "year": _year,
}
