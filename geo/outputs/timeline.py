"""Per place: its claims in time order, its status over time, and its latest status.

A claim holds from its date (its event date, else its article's publication date) until the next one. A place
is contested while it is disputed: while the last :data:`CONTESTED_DAYS` days hold claims by both sides, a
denial, or fighting. Once the dispute is older than that, the latest claim not denied stands. After the last
claim the status stays as the last claim left it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from geo.models import Article, Claim, Controller, Place, Stance

#: Claims by both sides this close together, or a denial this recent, make a place contested.
CONTESTED_DAYS = 14


@dataclass(frozen=True, slots=True)
class Period:
    """What a place's claims say from ``start`` until ``end`` (exclusive; None: still so)."""

    start: date
    end: date | None
    controller: Controller
    stance: Stance  # the stance of the latest claim of the period, which decides how sure it looks


@dataclass(frozen=True, slots=True)
class PlaceStatus:
    """A place, its claims oldest first, its status over time, and what the latest claims say."""

    place: Place
    claims: tuple[Claim, ...]
    controller: Controller
    since: date | None
    periods: tuple[Period, ...] = ()


def effective_date(claim: Claim, articles: Mapping[str, Article]) -> date | None:
    """When a claim took effect: its event date, else its article's publication date."""
    article = articles.get(claim.article_id)
    return claim.event_date or (article.published if article else None)


def periods(claims: Sequence[Claim], articles: Mapping[str, Article]) -> tuple[Period, ...]:
    """A place's status from its first dated claim on, as consecutive periods (the last one open-ended)."""
    return _periods(sorted(((d, c) for c in claims if (d := effective_date(c, articles))),
                           key=lambda dc: (dc[0], dc[1].claim_id)))


def _periods(dated: Sequence[tuple[date, Claim]]) -> tuple[Period, ...]:
    """:func:`periods` of claims with their dates, in order of date and id."""
    if not dated:
        return ()
    days = [d.toordinal() for d, _ in dated]
    says = ["denied" if c.stance == "denied" else c.controller for _, c in dated]
    # change points: every claim's day, and the day after a dispute falls out of the window (before the last
    # claim)
    points = sorted(set(days) | {d + CONTESTED_DAYS + 1 for d in days if d + CONTESTED_DAYS + 1 < days[-1]})
    asserted: list[Claim | None] = []  # the last claim not denied among the first i + 1
    for _, c in dated:
        asserted.append(c if c.stance != "denied" else (asserted[-1] if asserted else None))
    # how many claims among the first i say "denied", "contested", "RU", "UA": the last CONTESTED_DAYS days'
    # are a difference of two such counts
    denied, contested, ru, ua = ([0, *accumulate(say == k for say in says)]
                                 for k in ("denied", "contested", "RU", "UA"))
    changes: list[tuple[int, Controller, Stance]] = []
    for day in points:
        end = bisect_right(days, day)
        first = bisect_right(days, day - CONTESTED_DAYS, 0, end)
        last = asserted[end - 1]
        if last is None or denied[end] > denied[first] or contested[end] > contested[first] \
                or (ru[end] > ru[first] and ua[end] > ua[first]):
            status: tuple[Controller, Stance] = ("contested", dated[end - 1][1].stance)
        else:
            status = (last.controller, last.stance)
        if not changes or changes[-1][1:] != status:
            changes.append((day, *status))
    ends = [date.fromordinal(d) for d, _, _ in changes[1:]] + [None]
    return tuple(Period(date.fromordinal(d), until, controller, stance)
                 for (d, controller, stance), until in zip(changes, ends))


def statuses(claims: Sequence[Claim], articles: Mapping[str, Article]) -> list[PlaceStatus]:
    """The status of every claimed place over time and at its latest claim, sorted by place id."""
    by_place: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_place[c.place.place_id].append(c)
    when = {c.claim_id: effective_date(c, articles) for c in claims}
    out = []
    for place_id in sorted(by_place):
        # undated first
        ordered = sorted(by_place[place_id], key=lambda c: (when[c.claim_id] or date.min, c.claim_id))
        spans = _periods([(d, c) for c in ordered if (d := when[c.claim_id])])
        latest = ordered[-1]
        controller: Controller = (spans[-1].controller if spans
                                  else ("contested" if latest.stance == "denied" else latest.controller))
        out.append(PlaceStatus(latest.place, tuple(ordered), controller, when[latest.claim_id], spans))
    return out
