"""The claims and places as of a day, inside a box: what ``geo export`` writes.

A snapshot is read from the store a run left: every claim of the articles not retired, with the days of
undated articles completed as the outputs complete them. ``as_of`` keeps the claims that had taken effect by
that day (an undated claim of an undated article, which took effect on no known day, is left out) and gives
each place the status the map's slider shows on that day; ``bbox`` keeps the places inside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from geo.errors import UsageError
from geo.models import Article, Claim, Place
from geo.outputs.timeline import PlaceStatus, effective_date, statuses
from geo.store.db import Store

#: A box as west, south, east, north (degrees of longitude and latitude).
BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Claims and places as of ``as_of`` (None: as the latest claims leave them), inside ``bbox`` (None:
    all)."""

    as_of: date | None
    bbox: BBox | None
    claims: tuple[Claim, ...]
    places: tuple[PlaceStatus, ...]
    articles: dict[str, Article]

    @property
    def day(self) -> date | None:
        """The day the snapshot shows: ``as_of``, else the latest day a claim took effect."""
        days = [d for c in self.claims if (d := effective_date(c, self.articles)) is not None]
        return self.as_of or (max(days) if days else None)


def parse_bbox(text: str) -> BBox:
    """``"W,S,E,N"`` (degrees) as a box; a clear error for anything else."""
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError as err:
        raise UsageError(f"--bbox {text!r} is not four numbers W,S,E,N (e.g. 36.5,47.5,38.5,49)") from err
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise UsageError(f"--bbox {text!r} is not a box: west < east and south < north, in degrees")
    return west, south, east, north


def _inside(place: Place, bbox: BBox | None) -> bool:
    return bbox is None or (bbox[0] <= place.lon <= bbox[2] and bbox[1] <= place.lat <= bbox[3])


def status_on(status: PlaceStatus, day: date, articles: dict[str, Article]) -> PlaceStatus | None:
    """A place as it stood on ``day``: its claims that had taken effect, and its status then; None before its
    first claim."""
    claims = tuple(c for c in status.claims if (d := effective_date(c, articles)) is not None and d <= day)
    periods = tuple(p for p in status.periods if p.start <= day)
    if not claims or not periods:
        return None
    since = max(d for c in claims if (d := effective_date(c, articles)) is not None)
    # what came later is not known on that day: the period it was in goes on
    return PlaceStatus(status.place, claims, periods[-1].controller, since,
                       (*periods[:-1], replace(periods[-1], end=None)))


def take(store: Store, *, as_of: date | None = None, bbox: BBox | None = None) -> Snapshot:
    """The snapshot of the store's claims as of ``as_of``, inside ``bbox``."""
    articles = {a.id: a for a in store.articles(text=False)}
    claims = [c for c in store.claims() if _inside(c.place, bbox)]
    places: Sequence[PlaceStatus] = statuses(claims, articles)
    if as_of is not None:
        places = [s for status in places if (s := status_on(status, as_of, articles)) is not None]
        claims = [c for s in places for c in s.claims]
    return Snapshot(as_of, bbox, tuple(sorted(claims, key=lambda c: c.claim_id)), tuple(places), articles)
