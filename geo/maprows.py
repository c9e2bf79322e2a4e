"""The map's data: each place as one compact row, and the page's data made of the rows (no folium here).

A row holds a place's names, point, kind of location, status periods and claims; a claim is its day, one number
packing its precision, controller, event, stance and claimant side, its claimant, quote and article. The page's
data (:func:`map_data`) keep each claimant and quote once and number the articles, so that the JSON island of a
map of 100,000 claims stays small. Rows are made per place, so a re-run makes again only those of the places it
changed (:mod:`geo.outputs`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from geo.models import Article, Claim, Place
from geo.timeline import PlaceStatus, effective_date

#: Marker colours by controller (colour-blind safe: blue, red, amber).
COLORS = {"UA": "#1f6fd1", "RU": "#d7263d", "contested": "#f2a900"}


_CONTROLLERS = ("RU", "UA", "contested")
_STANCES = ("claimed", "confirmed", "denied", "unverified")
_EVENTS = ("captured", "recaptured", "holds", "withdrew", "fighting")
_PRECISIONS = ("day", "week", "month", "season", "year")
_SIDES = ("RU", "UA", "third_party", "unknown")
#: How many of the most claimed places carry a permanent label (regions always do).
LABELLED_PLACES = 40
#: The online street map, off until the user turns it on: CARTO's tiles accept requests from a file:// page.
TILES = {"url": "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
         "attribution": "&copy; OpenStreetMap contributors &copy; CARTO"}
_EPOCH = date(1970, 1, 1)


def _day(d: date) -> int:
    return (d - _EPOCH).days


def _kind(place: Place) -> int:
    """0: a settlement at its own point; 1: at its community's centre; 2: known only by its region; 3: a region."""
    if place.feature == "region":
        return 3
    return {"exact": 0, "approximate": 1}.get(place.precision, 2)


def _where(place: Place) -> str:
    return ("settlement", "approximate location: the centre of its community",
            f"location unknown: drawn at the centre of {place.admin1}", "region")[_kind(place)]


def _code(claim: Claim) -> int:
    """A claim's precision, controller, event, stance and claimant side in one number (the page unpacks it)."""
    precision = _PRECISIONS.index(claim.date_precision) + 1 if claim.date_precision else 0
    return (((precision * 3 + _CONTROLLERS.index(claim.controller)) * 5 + _EVENTS.index(claim.event)) * 4
            + _STANCES.index(claim.stance)) * 4 + _SIDES.index(claim.claimant_side)


@dataclass(frozen=True, slots=True)
class MapPlace:
    """One place as the page draws it: its row (texts and article ids as they are: :func:`render_places` makes
    them indices into shared tables), and what the whole page needs to know of it."""

    place_id: str
    name: str
    region: bool
    claims: int
    first_day: int | None  # the days its claims took effect, as days since 1970
    last_day: int | None
    row: list[Any]


def map_place(status: PlaceStatus, articles: Mapping[str, Article]) -> MapPlace:
    """The row of one place: names, point, kind, periods, claims (day, code, claimant, quote, article id), where."""
    p = status.place
    names = [p.name, *sorted({c.surface for c in status.claims} - {p.name})]
    claims = [[_day(c.event_date) if c.event_date else None, _code(c), c.claimant, c.quote, c.article_id] for c in status.claims]
    days = [_day(d) for c in status.claims if (d := effective_date(c, articles)) is not None]
    periods = [[_day(q.start), _CONTROLLERS.index(q.controller), _STANCES.index(q.stance)] for q in status.periods]
    return MapPlace(p.place_id, p.name, p.feature == "region", len(status.claims), min(days, default=None),
                    max(days, default=None), [names, round(p.lat, 5), round(p.lon, 5), _kind(p), periods, claims, _where(p)])


def map_data(places: Sequence[MapPlace], articles: Mapping[str, Article], borders: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the page shows, as compact rows: codes instead of repeated words, each claimant and quote once."""
    article_ids = sorted({claim[4] for m in places for claim in m.row[5]})
    article_index = {a: i for i, a in enumerate(article_ids)}
    strings: dict[str, int] = {}
    ranked = sorted(places, key=lambda m: (-m.claims, m.name, m.place_id))
    labelled = {m.place_id for m in ranked[:LABELLED_PLACES]} | {m.place_id for m in places if m.region}
    rows = []
    for m in places:
        names, lat, lon, kind, periods, claims, where = m.row
        claims = [[day, code, strings.setdefault(claimant, len(strings)), strings.setdefault(quote, len(strings)),
                   article_index[article_id]] for day, code, claimant, quote, article_id in claims]
        rows.append([names, lat, lon, kind, periods, claims, int(m.place_id in labelled), where])
    days = [d for m in places for d in (m.first_day, m.last_day) if d is not None]
    first, last = (min(days), max(days)) if days else (_day(date(2022, 2, 24)),) * 2
    note = (f"{len(rows)} places; claims from {date.fromordinal(_EPOCH.toordinal() + first).isoformat()} "
            f"to {date.fromordinal(_EPOCH.toordinal() + last).isoformat()}" if days else f"{len(rows)} places")
    return {
        "places": rows,
        "articles": [[a.title, a.source, a.url, a.published.isoformat() if a.published else None]
                     for a in (articles.get(i) for i in article_ids) if a is not None],
        "strings": list(strings),
        "first": first, "last": last, "note": note, "colors": COLORS, "tiles": TILES,
        "borders": {"type": "FeatureCollection", "features": borders.get("features", [])},
        "countries": borders.get("labels", []),
    }
