"""The map's data: each place as one compact row, and the page's data made of the rows (no folium here).

A row holds a place's names, point, kind of location, status periods, claims, where it is, its oblast, the
status its undated claims give and the search keys of its other spellings; a claim is its day, one number
packing its precision, controller, event, stance and claimant side, its article, its claimant and quote as
places in the lists the article keeps, and the part of the place it names, if any (each claimant and quote of
an article once, so that the JSON island of a map of 100,000 claims stays small). Rows and article entries are
JSON made once and joined (:func:`map_json`), so a re-run makes again only those of the places and articles it
changed (:mod:`geo.outputs.files`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from geo.models import Article, Claim, Place
from geo.names import fold
from geo.outputs.timeline import PlaceStatus, effective_date

#: Marker colours by controller (colour-blind safe: blue, red, amber).
COLORS = {"UA": "#1f6fd1", "RU": "#d7263d", "contested": "#f2a900"}


_CONTROLLERS = ("RU", "UA", "contested")
_STANCES = ("claimed", "confirmed", "denied", "unverified")
_EVENTS = ("captured", "recaptured", "holds", "withdrew", "fighting")
_PRECISIONS = ("day", "week", "month", "season", "year")
_SIDES = ("RU", "UA", "third_party", "unknown")
#: The orders the rows' codes index, filled into the page's script (``@NAME@`` in ``geo/assets/map.js``): one
#: list for both sides, so that a reordering cannot set them apart.
PAGE_CODES = {"CONTROLLERS": _CONTROLLERS, "STANCES": _STANCES, "EVENTS": _EVENTS, "PRECISIONS": _PRECISIONS}
#: The most search keys of other spellings a place's row carries (the page's size grows with them).
MAX_SEARCH_KEYS = 6
#: How many of the most claimed places carry a permanent label (a region's name is on its outline or badge).
LABELLED_PLACES = 40
#: The online street map, off until the user turns it on: CARTO's tiles accept requests from a file:// page.
TILES = {"url": "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
         "attribution": "&copy; OpenStreetMap contributors &copy; CARTO"}
#: Credit for the data behind the places, shown in the map's attribution with or without the street map (the
#: licence of GeoNames' data asks for it where users see the map).
CREDIT = "Place data: GeoNames (geonames.org), CC BY 4.0"
_EPOCH = date(1970, 1, 1)


def _day(d: date) -> int:
    return (d - _EPOCH).days


def _kind(place: Place) -> int:
    """0: a settlement at its own point; 1: at its community's centre; 2: known only by its region; 3: a
    region."""
    if place.feature == "region":
        return 3
    return {"exact": 0, "approximate": 1}.get(place.precision, 2)


def _where(place: Place) -> str:
    return ("settlement", "approximate location: the centre of its community",
            f"location unknown: drawn at the centre of {place.admin1}", "region")[_kind(place)]


def _code(claim: Claim) -> int:
    """A claim's precision, controller, event, stance and claimant side in one number (the page unpacks
    it)."""
    precision = _PRECISIONS.index(claim.date_precision) + 1 if claim.date_precision else 0
    return (((precision * 3 + _CONTROLLERS.index(claim.controller)) * 5 + _EVENTS.index(claim.event)) * 4
            + _STANCES.index(claim.stance)) * 4 + _SIDES.index(claim.claimant_side)


def script_json(value: Any) -> str:
    """JSON that is safe inside a script element: no <, > or & (nor JS's line separators) left as such."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


@dataclass(frozen=True, slots=True)
class Voices:
    """The claimants and quotes of one article's claims, each once and sorted: a claim on the map names them
    by their place in these lists, and the page keeps them with the article."""

    claimants: tuple[str, ...]
    quotes: tuple[str, ...]

    @classmethod
    def of(cls, said: Iterable[tuple[str, str]]) -> Voices:
        """The voices of an article's ``(claimant, quote)`` pairs."""
        pairs = set(said)
        return cls(tuple(sorted({claimant for claimant, _ in pairs})),
                   tuple(sorted({quote for _, quote in pairs})))


def article_entry(article: Article, voices: Voices) -> str:
    """An article as the page keeps it (script-safe JSON): title, source, address, day published, claimants,
    quotes."""
    return script_json([article.title, article.source, article.url,
                        article.published.isoformat() if article.published else None, list(voices.claimants),
                        list(voices.quotes)])


@dataclass(frozen=True, slots=True)
class MapPlace:
    """One place as the page draws it: its row (script-safe JSON) and what the whole page needs to know of
    it."""

    place_id: str
    name: str
    region: bool
    claims: int
    first_day: int | None  # the days its claims took effect, as days since 1970
    last_day: int | None
    row: str


def map_place(status: PlaceStatus, articles: Mapping[str, Article], voices: Mapping[str, Voices],
              spellings: Sequence[str] = ()) -> MapPlace:
    """The row of one place: names, point, kind, periods, claims, where, its region, the status its undated
    claims give (``[controller, stance]``; null when any claim is dated: then the periods say it), and the
    search keys of its other ``spellings`` (old names: "Artemivsk" finds Bakhmut). A claim is [day, code,
    article id, claimant, quote(, part)], claimant and quote as places in the article's :class:`Voices`, and
    the part of the place it is about when it names one."""
    p = status.place
    names = [p.name, *sorted({c.surface for c in status.claims} - {p.name})]
    claims = [[_day(c.event_date) if c.event_date else None, _code(c), c.article_id,
               voices[c.article_id].claimants.index(c.claimant), voices[c.article_id].quotes.index(c.quote),
               *([c.part] if c.part else [])] for c in status.claims]
    days = [_day(d) for c in status.claims if (d := effective_date(c, articles)) is not None]
    periods = [[_day(q.start), _CONTROLLERS.index(q.controller), _STANCES.index(q.stance)]
               for q in status.periods]
    latest = status.claims[-1]
    said = {c.controller for c in status.claims if c.stance != "denied"}
    controller = status.controller if len(said) <= 1 else "contested"  # undated claims that disagree
    undated = None if status.periods else [_CONTROLLERS.index(controller), _STANCES.index(latest.stance)]
    row = script_json([names, round(p.lat, 5), round(p.lon, 5), _kind(p), periods, claims, _where(p),
                       p.admin1 if p.feature != "region" else "", undated, search_keys(spellings, names)])
    return MapPlace(p.place_id, p.name, p.feature == "region", len(status.claims), min(days, default=None),
                    max(days, default=None), row)


def search_keys(spellings: Iterable[str], names: Iterable[str]) -> list[str]:
    """The spelling-insensitive keys (:func:`geo.names.fold`) of a place's other spellings that its names do
    not already give, at most :data:`MAX_SEARCH_KEYS`, sorted."""
    own = {fold(n) for n in names}
    keys = sorted({k for s in spellings if (k := fold(s)) and len(k) >= 3 and k not in own})
    return keys[:MAX_SEARCH_KEYS]


def map_json(places: Sequence[MapPlace], articles: Iterable[tuple[str, str]],
             borders: Mapping[str, Any]) -> str:
    """Everything the page shows, as script-safe JSON joined from the rows of ``places`` (in order of place
    id) and the entries of ``articles`` (``(id, article_entry)``, in order of id)."""
    ranked = sorted(range(len(places)), key=lambda i: (-places[i].claims, places[i].name, places[i].place_id))
    labelled = sorted(set(ranked[:LABELLED_PLACES]) | {i for i, m in enumerate(places) if m.region})
    days = [d for m in places for d in (m.first_day, m.last_day) if d is not None]
    first, last = (min(days), max(days)) if days else (_day(date(2022, 2, 24)),) * 2
    note = (f"{len(places)} places; claims from {date.fromordinal(_EPOCH.toordinal() + first).isoformat()} "
            f"to {date.fromordinal(_EPOCH.toordinal() + last).isoformat()}" if days
            else f"{len(places)} places")
    rest = script_json({"labelled": labelled, "first": first, "last": last, "dated": bool(days), "note": note,
                        "colors": COLORS, "tiles": TILES, "credit": CREDIT,
                        "borders": {"type": "FeatureCollection", "features": borders.get("features", [])},
                        "countries": borders.get("labels", [])})
    return ('{"places":[' + ",".join(m.row for m in places) + '],"articles":{'
            + ",".join(f'"{article_id}":{entry}' for article_id, entry in articles) + "}," + rest[1:])
