"""How the namesakes of a name are ranked: each candidate's prior (country, population, kind), its distance to
the article's other places, the region the text names, the exact spelling; every score with its reasons."""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from geopy.distance import great_circle

from geo import settings
from geo.models import Candidate, Mention, Place
from geo.names import fold
from geo.places.gazetteer import Gazetteer

_COUNTRY_PRIOR = {"UA": 3.0, "RU": 2.0, "BY": 1.0, "MD": 1.0}
_NEAR_KM = 30.0
#: A place this populous is a town its name stands for, whatever region opens the sentence.
TOWN = 10_000
#: A settlement of a raion lies this close to the centre of the raion's settlements at most (the largest
#: raions since 2020 span about 120 km).
RAION_REACH_KM = 70.0
#: The reach and weight of the article's area: the mean closeness to its other places over a longer distance.
_AREA_KM = 150.0
_AREA_WEIGHT = 2.0
REGION_BONUS = 3.0
_SPELLING_BONUS = 2.0
_CONTEXT_WEIGHT = 2.0


#: How many candidates a resolved mention keeps, to show why the winner won.
RANKING_SIZE = 5


#: the mean radius of the Earth the distances use (km)
EARTH_RADIUS_KM = 6371.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (geopy's)."""
    return float(great_circle((lat1, lon1), (lat2, lon2), radius=EARTH_RADIUS_KM).km)


def km_matrix(a: Sequence[Place], b: Sequence[Place]) -> np.ndarray:
    """Great-circle distances (km) from each place of ``a`` (rows) to each place of ``b`` (columns), as
    :func:`km` gives them one by one, for arrays at once (the haversine formula, which geopy has no array form
    of)."""
    lat1 = np.radians([p.lat for p in a])[:, None]
    lon1 = np.radians([p.lon for p in a])[:, None]
    lat2 = np.radians([p.lat for p in b])[None, :]
    lon2 = np.radians([p.lon for p in b])[None, :]
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    km: np.ndarray = EARTH_RADIUS_KM * 2 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    return km


def prior(place: Place) -> tuple[float, float]:
    """What a place scores before any context: its country (more for an exact point), and its population."""
    return (_COUNTRY_PRIOR.get(place.country, 0.0) + (0.3 if place.precision == "exact" else 0.0),
            math.log10(place.population + 10) / 3)


def region_base(surface: str) -> str:
    words = surface.split()
    while words and words[-1].lower().rstrip("'s’") in ("region", "oblast", "province", "regions", "oblasts",
                                                        "border", "frontier", "district", "districts",
                                                        "raion", "raions", "rayon", "republic", "people"):
        words.pop()
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class RankContext:
    """What the rest of the article says about where it is."""

    named_regions: dict[str, tuple[int, ...]]  # region name -> sentences naming it
    region_places: tuple[Place, ...]
    anchors: tuple[tuple[Mention, Place], ...]
    attached: dict[int, str] = field(default_factory=dict)  # id(mention) -> the region named right after it
    starts: tuple[int, ...] = ()  # where the anchors' mentions start, in text order

    def near(self, mention: Mention) -> Sequence[tuple[Mention, Place]]:
        """The anchors a mention is weighed against: all of them, or in an article of thousands of names the
        ``settings.MAX_CONTEXT_MENTIONS`` nearest in the text (so the work grows with the article's
        length)."""
        reach = settings.MAX_CONTEXT_MENTIONS
        if len(self.anchors) <= reach:
            return self.anchors
        at = bisect.bisect_left(self.starts, mention.start)
        low = min(max(0, at - reach // 2), len(self.anchors) - reach)
        return self.anchors[low : low + reach]


def candidates_for(mention: Mention, gazetteer: Gazetteer, region_first: bool = False) -> list[Place]:
    """The places ``mention`` may name: regions for "X region", else settlements (or the region introduced
    first)."""
    if mention.kind == "region":
        base = region_base(mention.surface)
        return gazetteer.regions(base) or gazetteer.regions_like(base)
    if mention.kind == "raion":
        return gazetteer.raions(region_base(mention.surface))
    if region_first and not mention.typed_settlement:
        regions = gazetteer.regions(mention.surface)
        if regions:
            return regions
    return gazetteer.settlements(mention.surface)


def region_bonus(place: Place, mention: Mention, context: RankContext) -> float:
    """The region the place lies in is named: right after it ("Stepove in the Dnipropetrovsk region") most
    strongly, then in a nearby sentence, less so elsewhere in the article."""
    if place.feature == "settlement" and place.admin1 and context.attached.get(id(mention)) == place.admin1:
        return 2 * REGION_BONUS
    sentences = context.named_regions.get(place.admin1 or "") if place.feature == "settlement" else None
    if not sentences:
        return 0.0
    near = any(abs(i - mention.sentence_index) <= 1 for i in sentences) or mention.sentence_index < 0
    return REGION_BONUS if near else REGION_BONUS / 2


def _ends_alike(surface: str, place: Place, spelled: set[str]) -> bool:
    """"Pokrovsk" is not "Pokrovske", nor "Kursk" "Kurske": a name ending in a consonant never means one that
    ends in a vowel, and the other way round, unless the place is spelled that way too."""
    vowels = "aeiouy"
    return (place.place_id in spelled
            or (surface.rstrip("'’")[-1:].lower() in vowels) == (place.name[-1:].lower() in vowels))


#: a city this populous that bears a village name only as another (former) name of its own ...
_CITY = 50_000
#: ... is not meant where this many places bear it as their own name ("Oleksandrivka" is no Donetsk)
_VILLAGE_NAME = 10


def old_names(surfaces: Iterable[str], places: Sequence[Place]) -> set[str]:
    """The cities of ``places`` (all the candidates of a name, wherever the text puts it) that one of
    ``surfaces`` names only by an old name of theirs while ten or more places of their country bear it as
    their own: "Oleksandrivka" is no Donetsk. Out for one surface, a city is out for all of the name's
    mentions."""
    out: set[str] = set()
    cities = [p for p in places if p.population >= _CITY]
    for key in {fold(s) for s in surfaces}:
        for city in (p for p in cities if fold(p.name) != key):
            if sum(fold(p.name) == key and p.country == city.country for p in places) >= _VILLAGE_NAME:
                out.add(city.place_id)
    return out


def rank(mention: Mention, places: Sequence[Place], context: RankContext, spelled: set[str], *,
         explained: int | None = None) -> list[Candidate]:
    """Score each candidate place of ``mention``; best first, ties broken by id. Only the first ``explained``
    candidates (all when None) say what their score is made of."""
    scored = sorted(_scored(mention, places, context, spelled), key=lambda s: (-s[0], s[1].place_id))
    limit = len(scored) if explained is None else explained
    return [Candidate(p, score, _why(parts) if i < limit else "")
            for i, (score, p, parts) in enumerate(scored)]


def first_place(mention: Mention, places: Sequence[Place], context: RankContext, spelled: set[str]) -> Place:
    """The place :func:`rank` puts first, without ranking the others."""
    return min(_scored(mention, places, context, spelled), key=lambda s: (-s[0], s[1].place_id))[1]


_Scored = tuple[float, Place, tuple[float, float, float, float, tuple[float, float]]]


def _scored(mention: Mention, places: Sequence[Place], context: RankContext,
            spelled: set[str]) -> list[_Scored]:
    """Each candidate place of ``mention`` with its score and the parts of it, in the order given."""
    if mention.kind == "plain":
        alike = [p for p in places if _ends_alike(mention.surface, p, spelled)]
        places = alike or places
    key = fold(mention.surface)
    exact_matters = 0 < sum(p.place_id in spelled for p in places) < len(places)
    # each other place counts once, double when named in the same sentence: how often a text repeats a name
    # says nothing about where the article is
    weight: dict[str, tuple[float, Place]] = {}
    for other, anchor in context.near(mention):
        if fold(other.surface) != key:
            w = 2.0 if other.sentence_index == mention.sentence_index else 1.0
            if w > weight.get(anchor.place_id, (0.0, anchor))[0]:
                weight[anchor.place_id] = (w, anchor)
    others = [weight[k] for k in sorted(weight)]
    if others:
        weights = np.array([w for w, _ in others])
        distances = km_matrix(places, [a for _, a in others])
        closeness = (weights * np.exp(-distances / _NEAR_KM)).sum(axis=1)
        # and, more weakly, the same region of the front: namesakes 100 km apart are told apart by it (an area
        # takes two places to tell: one other name may lie anywhere)
        area = (weights * np.exp(-distances / _AREA_KM)).sum(axis=1) / weights.sum() if len(others) >= 2 \
            else np.zeros(len(places))
    else:
        closeness = area = np.zeros(len(places))
    scored: list[_Scored] = []
    for p, near, around in zip(places, closeness.tolist(), area.tolist()):
        parts = (_CONTEXT_WEIGHT * near, _AREA_WEIGHT * around, region_bonus(p, mention, context),
                 _SPELLING_BONUS if exact_matters and p.place_id in spelled else 0.0, prior(p))
        scored.append((round(parts[0] + parts[1] + parts[2] + parts[3] + parts[4][0] + parts[4][1], 4), p,
                       parts))
    return scored


def mean_ranking(members: list[Mention], places: list[Place], context: RankContext, spelled: set[str],
                 explained: int | None) -> list[Candidate]:
    """:func:`rank` of ``places`` over every mention of one name: the mean of their scores, best first."""
    if len(members) == 1:
        return rank(members[0], places, context, spelled, explained=explained)
    total: dict[str, list[Candidate]] = {}
    for m in members:
        for c in rank(m, places, context, spelled, explained=explained):
            total.setdefault(c.place.place_id, []).append(c)
    note = f" (mean of {len(members)} mentions)"
    return sorted((Candidate(cs[0].place, round(sum(c.score for c in cs) / len(cs), 4), cs[0].why + note)
                   for cs in total.values()), key=lambda c: (-c.score, c.place.place_id))


_PARTS = ("context", "area", "region named", "spelling", "country", "population")


def _why(parts: tuple[float, float, float, float, tuple[float, float]]) -> str:
    """What a score is made of, its nonzero parts named."""
    values = (*parts[:4], *parts[4])
    return " + ".join(f"{k} {v:.2f}" for k, v in zip(_PARTS, values) if v)
