"""Time expressions: found with our own rules, resolved against the publication date.

Only the spans these rules find are turned into dates ("47th Brigade" or "may soon" are never dates).
A resolved expression gives the *start* of the period it names and its precision:
"on Tuesday" -> that day (a weekday equal to the publication weekday is the publication day),
"earlier this year" -> 1 January, precision year; "since summer" -> 1 June, precision season;
"between August 4 and 16" -> 4 August, its precision from the length of the range (here "month").

Each rule declares words every match of it holds (one of the month names, a digit, "ago" or "after", ...): a
rule is not run on a text that lacks them. This only saves time: results are those of running every rule.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date

from geo import settings
from geo.models import When
from geo.when_relative import RELATIVE, backward
from geo.when_rules import ABSOLUTE, PATTERNS, Resolved, range_ends
from geo.when_words import cue_words, may_match

#: the text of the date a present statement takes: the day the article was published
AS_PUBLISHED = "as of publication"


def latest_year() -> int:
    """The latest year a date may have: next year (a report may look ahead a little, never further)."""
    return date.today().year + 1


def plausible_year(year: int) -> bool:
    """Whether a year is one a report on this war may give (1900 to next year); others are typos or
    garbage."""
    return settings.MIN_YEAR <= year <= latest_year()


#: how each kind of expression resolves
RESOLVERS = {**ABSOLUTE, **RELATIVE}


def _checked(kind: str, m: re.Match[str], pub: date | None, previous: date | None = None) -> Resolved:
    """The date and precision of an expression of this kind, with dates out of the plausible years (typos,
    "1 January 1800", "10,000 days ago") refused rather than misread or overflowing."""
    try:
        when, precision = RESOLVERS[kind](m, pub, previous)
    except (OverflowError, ValueError):
        return None, None
    return (when, precision) if when is not None and plausible_year(when.year) else (None, None)


def _refused(kind: str, m: re.Match[str], text: str) -> bool:
    """Whether a match is no time expression after all, and leaves its words to the rules after it."""
    if kind == "season":  # a bare "fall" or "spring" is a verb or a noun, not a date
        return not (m.group("srel") or m.group("syear") or " " in m.group(0).strip())
    if kind == "weekday":
        return not m.group("wrel") and m.start() > 0 and text[m.start() - 1].isalpha()
    if kind == "range":  # "between 4 and 2 June" is no range; "2 June" is still a date
        return range_ends(m) is None
    if kind in ("day_month", "month_day"):  # "1 May Alley", "9 May Street": a street named for a day
        return _STREET.match(text, m.end()) is not None
    return False


#: the nouns of a street or square named for a day ("on 1 May Alley", "at 9 May Square")
_STREET = re.compile(r"\s+(?i:alley|street|st\.|avenue|square|lane|boulevard|prospect|park|road)\b")


class _Taken:
    """The spans of the expressions found so far, which later matches may not overlap: kept sorted (they never
    overlap each other), so a match is checked in logarithmic time however many were found."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the (non-empty) span ``start:end`` shares a character with a span taken."""
        i = bisect_right(self._starts, start)
        return (i > 0 and self._ends[i - 1] > start) or (i < len(self._starts) and self._starts[i] < end)

    def add(self, start: int, end: int) -> None:
        """Take the span ``start:end``."""
        i = bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


#: kinds counted from the day named before them ("that evening", "the day before")
_FROM_A_DAY_NAMED = frozenset({"sameday", "dayshift"})


def _day_named_before(days: Sequence[tuple[int, date]], start: int, previous: date | None) -> date | None:
    """The day named nearest before ``start`` (``days`` is (end, day), sorted), else ``previous``: what "that
    evening" at ``start`` refers to."""
    i = bisect_right(days, (start, date.max))
    return days[i - 1][1] if i else previous


def _day_named_after(text: str, start: int, published: date | None) -> date | None:
    """The first day named in ``text`` after ``start``: what "a day earlier" counts from when no day was named
    before it."""
    later = [w for w in find_times(text[start:], published) if w.event_date and w.precision == "day"]
    return later[0].event_date if later else None


def find_times(text: str, published: date | None, previous: date | None = None) -> list[When]:
    """Every time expression in ``text``, resolved against ``published`` (None leaves relative ones
    unresolved); "that evening" or "the same day" is ``previous``, the day named last before the text, or the
    last one in it."""
    words = cue_words(text)
    taken = _Taken()
    found: list[When] = []
    for kind, needs, rx in PATTERNS:
        # may_match, cheaper
        if needs[0].isdisjoint(words) or (len(needs) > 1 and not may_match(needs, words)):
            continue
        days = (sorted((w.end, w.event_date) for w in found if w.event_date and w.precision == "day")
                if kind in _FROM_A_DAY_NAMED else [])
        for m in rx.finditer(text):
            if taken.overlaps(m.start(), m.end()) or _refused(kind, m, text):
                continue
            before = _day_named_before(days, m.start(), previous) if kind in _FROM_A_DAY_NAMED else previous
            if kind == "dayshift" and before is None and backward(m):  # "took it a day earlier, ... Nov. 11"
                before = _day_named_after(text, m.end(), published)
            when, precision = _checked(kind, m, published, before)
            if kind == "dayshift" and when is None:
                continue  # "two days later" from no day known says no time: the clause's own day stands
            taken.add(m.start(), m.end())
            found.append(When(text=m.group(0).strip(), event_date=when, precision=precision if when else None,
                              start=m.start(), end=m.end()))
    return sorted(found, key=lambda w: w.start)


#: Expressions that name a day, month or season but no year: an undated article's "October 4" once its year is
#: known.
_WITHIN_A_YEAR = frozenset({"range", "month_day", "day_month", "part_month", "month", "season"})


@functools.lru_cache(maxsize=4096)
def in_year(text: str, year: int) -> When | None:
    """The first expression of ``text`` that names a day, month or season but no year, resolved in ``year``
    (remembered: merging an article's claims asks it of the same date texts again and again)."""
    end_of_year = date(year, 12, 31)
    for kind, _, rx in PATTERNS:
        if kind in _WITHIN_A_YEAR:
            for m in rx.finditer(text):
                if kind == "season" and (m.group("srel") or " " not in m.group(0).strip()):
                    continue
                when, precision = _checked(kind, m, end_of_year)
                if when is not None:
                    return When(m.group(0).strip(), when, precision, m.start(), m.end())
    return None


def latest_full_date(text: str) -> date | None:
    """The latest day the text gives in full (with its year), to anchor an undated article's relative
    dates."""
    days = [w.event_date for w in find_times(text, None) if w.event_date and w.precision == "day"]
    return max(days) if days else None
