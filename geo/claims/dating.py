"""The year of an undated article, from the dated reports of the same places.

An article without a publication date can still say "on October 4" or "in February": a day without its year.
The other articles of the collection often report the same changes with dates: when the dated claims on the
places an undated article claims, held by the same side, fall in one year more often than in any other, that
year completes the undated article's days. The date text says so ("October 4 (year from other reports)"), and
nothing else is guessed: "on Sunday" needs a publication date and stays unresolved.

The dating stage (:mod:`geo.store.dating`) runs this over the stored claims after each run, so each article's
extraction stays its own and a re-run that adds a dated article dates the undated ones it speaks to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from geo.models import Claim
from geo.when import in_year

#: What the date text of a claim dated this way ends with.
YEAR_FROM_OTHERS = " (year from other reports)"


def year_of(undated: Iterable[Claim], years: Mapping[tuple[str, str], Counter[int]]) -> int | None:
    """The one year the evidence on an undated article's claims points to most, if one does."""
    votes: Counter[int] = Counter()
    for c in undated:
        for year in years.get((c.place.place_id, c.controller), Counter()):
            votes[year] += 1
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def with_year(claim: Claim, year: int | None) -> Claim:
    """An undated article's claim with its day or month completed by the ``year`` other reports give it."""
    if not year or claim.event_date is not None or not claim.date_text:
        return claim
    when = in_year(claim.date_text, year)
    if when is None:
        return claim
    return replace(claim, event_date=when.event_date, date_precision=when.precision,
                   date_text=claim.date_text + YEAR_FROM_OTHERS)
