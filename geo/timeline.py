"""Per place: its claims in time order and its latest status."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from geo.models import Article, Claim, Controller, Place

#: Claims by both sides this close to the latest one make a place contested.
CONTESTED_DAYS = 14


@dataclass(frozen=True, slots=True)
class PlaceStatus:
    """A place, its claims oldest first, and what the latest of them says."""

    place: Place
    claims: tuple[Claim, ...]
    controller: Controller
    since: date | None


def effective_date(claim: Claim, articles: Mapping[str, Article]) -> date | None:
    """When a claim took effect: its event date, else its article's publication date."""
    article = articles.get(claim.article_id)
    return claim.event_date or (article.published if article else None)


def statuses(claims: Sequence[Claim], articles: Mapping[str, Article]) -> list[PlaceStatus]:
    """The latest status of every claimed place, sorted by place id."""
    by_place: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_place[c.place.place_id].append(c)
    out = []
    for place_id in sorted(by_place):
        def key(c: Claim) -> tuple[str, str]:
            d = effective_date(c, articles)
            return (d.isoformat() if d else "", c.claim_id)

        ordered = sorted(by_place[place_id], key=key)
        latest = ordered[-1]
        since = effective_date(latest, articles)
        controller: Controller = latest.controller
        if latest.stance == "denied":
            controller = "contested"
        elif since is not None:
            recent = {c.controller for c in ordered
                      if (d := effective_date(c, articles))
                      and abs((since - d).days) <= CONTESTED_DAYS and c.stance != "denied"}
            if {"RU", "UA"} <= recent:
                controller = "contested"
        out.append(PlaceStatus(latest.place, tuple(ordered), controller, since))
    return out
