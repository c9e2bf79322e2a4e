"""Choose, for each mention, the place the article means among its namesakes.

Evidence, strongest first: the region named in the article ("in the Donetsk region"), closeness to the other
places the same article names (those in the same sentence count double: together they imply the front line),
the name spelled exactly as this place's name (Pokrovsk is not Pokrovske), the country (Ukraine, then Russia,
then the neighbours), and population as a last resort. A bare name that the article introduced as a region
("Russia's Kursk region ... deployed to Kursk") refers back to that region. A national capital named as an actor
("Kyiv said", "Moscow's troops") is its government, not a place.
"""

from __future__ import annotations

import bisect
import logging
import math
from collections.abc import Sequence

import numpy as np
from dataclasses import dataclass, field, replace

from geo import settings
from geo.gazetteer import Gazetteer
from geo.models import Candidate, Mention, MentionKind, Place, Resolved
from geo.names import fold

log = logging.getLogger(__name__)

_COUNTRY_PRIOR = {"UA": 3.0, "RU": 2.0, "BY": 1.0, "MD": 1.0}
_NEAR_KM = 30.0
_REGION_BONUS = 3.0
_SPELLING_BONUS = 2.0
_CONTEXT_WEIGHT = 2.0
#: A small place (under this population) farther than _STRAY_KM from every other place of the article is doubted.
_STRAY_MAX_POPULATION = 20_000
_STRAY_KM = 200.0
_TRUSTED = 0.5  # anchors with at most 4 namesakes
#: How many candidates a resolved mention keeps, to show why the winner won.
RANKING_SIZE = 5


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _km_matrix(a: Sequence[Place], b: Sequence[Place]) -> np.ndarray:
    """Great-circle distances (km) from each place of ``a`` (rows) to each place of ``b`` (columns)."""
    lat1 = np.radians([p.lat for p in a])[:, None]
    lon1 = np.radians([p.lon for p in a])[:, None]
    lat2 = np.radians([p.lat for p in b])[None, :]
    lon2 = np.radians([p.lon for p in b])[None, :]
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    km: np.ndarray = 6371.0 * 2 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    return km


def _country(place: Place) -> float:
    return _COUNTRY_PRIOR.get(place.country, 0.0) + (0.3 if place.precision == "exact" else 0.0)


def _population(place: Place) -> float:
    return math.log10(place.population + 10) / 3


def _region_base(surface: str) -> str:
    words = surface.split()
    while words and words[-1].lower().rstrip("'s’") in ("region", "oblast", "province", "regions", "oblasts", "border", "frontier",
                                                          "district", "districts", "raion", "raions", "rayon"):
        words.pop()
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class _Context:
    """What the rest of the article says about where it is."""

    named_regions: dict[str, tuple[int, ...]]  # region name -> sentences naming it
    region_places: tuple[Place, ...]
    anchors: tuple[tuple[Mention, Place], ...]
    trust: dict[int, float]  # id(mention) -> how sure its anchor is: less the more namesakes it has
    attached: dict[int, str] = field(default_factory=dict)  # id(mention) -> the region named right after it
    starts: tuple[int, ...] = ()  # where the anchors' mentions start, in text order

    def near(self, mention: Mention) -> Sequence[tuple[Mention, Place]]:
        """The anchors a mention is weighed against: all of them, or in an article of thousands of names the
        ``settings.MAX_CONTEXT_MENTIONS`` nearest in the text (so the work grows with the article's length)."""
        reach = settings.MAX_CONTEXT_MENTIONS
        if len(self.anchors) <= reach:
            return self.anchors
        at = bisect.bisect_left(self.starts, mention.start)
        low = min(max(0, at - reach // 2), len(self.anchors) - reach)
        return self.anchors[low : low + reach]


def candidates_for(mention: Mention, gazetteer: Gazetteer, region_first: bool = False) -> list[Place]:
    """The places ``mention`` may name: regions for "X region", else settlements (or the region introduced first)."""
    if mention.kind == "region":
        base = _region_base(mention.surface)
        return gazetteer.regions(base) or gazetteer.regions_like(base)
    if mention.kind == "raion":
        return gazetteer.raions(_region_base(mention.surface))
    if region_first and not mention.typed_settlement:
        regions = gazetteer.regions(mention.surface)
        if regions:
            return regions
    return gazetteer.settlements(mention.surface)


def _region_bonus(place: Place, mention: Mention, context: _Context) -> float:
    """The region the place lies in is named: right after it ("Stepove in the Dnipropetrovsk region") most
    strongly, then in a nearby sentence, less so elsewhere in the article."""
    if place.feature == "settlement" and place.admin1 and context.attached.get(id(mention)) == place.admin1:
        return 2 * _REGION_BONUS
    sentences = context.named_regions.get(place.admin1 or "") if place.feature == "settlement" else None
    if not sentences:
        return 0.0
    near = any(abs(i - mention.sentence_index) <= 1 for i in sentences) or mention.sentence_index < 0
    return _REGION_BONUS if near else _REGION_BONUS / 2


def _ends_alike(surface: str, place: Place, spelled: set[str]) -> bool:
    """"Pokrovsk" is not "Pokrovske", nor "Kursk" "Kurske": a name ending in a consonant never means one that
    ends in a vowel, and the other way round, unless the place is spelled that way too."""
    vowels = "aeiouy"
    return place.place_id in spelled or (surface.rstrip("'’")[-1:].lower() in vowels) == (place.name[-1:].lower() in vowels)


def rank(mention: Mention, places: Sequence[Place], context: _Context, spelled: set[str], *, explained: int | None = None) -> list[Candidate]:
    """Score each candidate place of ``mention``; best first, ties broken by id. Only the first ``explained``
    candidates (all when None) say what their score is made of."""
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
        closeness = (weights * np.exp(-_km_matrix(places, [a for _, a in others]) / _NEAR_KM)).sum(axis=1)
    else:
        closeness = np.zeros(len(places))
    scored = []
    for p, near in zip(places, closeness.tolist()):
        parts = (("context", _CONTEXT_WEIGHT * near), ("region named", _region_bonus(p, mention, context)),
                 ("spelling", _SPELLING_BONUS if exact_matters and p.place_id in spelled else 0.0),
                 ("country", _country(p)), ("population", _population(p)))
        scored.append((round(sum(v for _, v in parts), 4), p, parts))
    scored.sort(key=lambda s: (-s[0], s[1].place_id))
    limit = len(scored) if explained is None else explained
    return [Candidate(p, score, " + ".join(f"{k} {v:.2f}" for k, v in parts if v) if i < limit else "")
            for i, (score, p, parts) in enumerate(scored)]


def _stray(mention: Mention, best: Candidate, context: _Context) -> float:
    """How far a small place lies from the article's other places, when it is too far to be believed.

    The article's other places are those in the regions it names (and those regions' centres) when it names
    any, else all of them. A village 700 km from all of them, in no region the article names, is a namesake of
    a village the gazetteer lacks: better reported as unresolved than drawn in the wrong place.
    """
    place = best.place
    if place.feature != "settlement" or place.population >= _STRAY_MAX_POPULATION or _region_bonus(place, mention, context):
        return 0.0
    key = fold(mention.surface)
    others = {a.place_id: a for m, a in context.near(mention)
              if fold(m.surface) != key and context.trust.get(id(m), 1.0) >= _TRUSTED}
    if context.named_regions:
        others = {k: a for k, a in others.items() if a.admin1 in context.named_regions}
        others.update({r.place_id: r for r in context.region_places})
    if len(others) < 2 and not context.named_regions:
        return 0.0
    points = list(others.values())
    if not points:
        return 0.0
    if float(_km_matrix(points, points).max()) > 2 * _STRAY_KM:
        return 0.0  # the article covers several areas: distance proves nothing
    nearest = float(_km_matrix([place], points).min())
    return nearest if nearest > _STRAY_KM else 0.0


def place_in_region(unresolved: Sequence[Mention], resolved: Sequence[Resolved]) -> tuple[list[Resolved], list[Mention]]:
    """Put names no source knows at the centre of the region the article places them in: the region named in the
    same sentence, else the only region the article names. Such a place has ``precision="region"``: the map and
    the outputs say that only its region is known. Names with no region stay unresolved."""
    regions = [r for r in resolved if r.mention.kind == "region" and r.place.feature == "region"]
    by_sentence: dict[int, list[Resolved]] = {}
    for r in regions:
        by_sentence.setdefault(r.mention.sentence_index, []).append(r)
    only = {r.place.place_id: r for r in regions}
    placed, still = [], []
    for m in unresolved:
        near = sorted(by_sentence.get(m.sentence_index, []), key=lambda r: abs(r.mention.start - m.start))
        region = near[0] if near else (next(iter(only.values())) if len(only) == 1 else None)
        if region is None:
            still.append(m)
            continue
        centre = region.place
        place = Place(f"{centre.place_id}/{fold(m.surface)}", m.surface, centre.lat, centre.lon, centre.country, centre.name,
                      "settlement", "region")
        placed.append(Resolved(m, place, 0, f"in no gazetteer; placed at the centre of {centre.name}, named in the article"))
    return placed, still


def explain(name: str, context: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Every candidate of ``name`` ranked as if the name were written after ``context``, best first."""
    from geo.recognize import find_mentions

    text = f"{context}\n{name}"
    last = name.split()[-1].lower() if name.split() else ""
    kind: MentionKind = "raion" if last.startswith(("district", "raion", "rayon")) else "region" if _region_base(name) != name else "plain"
    target = Mention("resolve", len(context) + 1, len(text), name, sentence_index=-1, kind=kind)
    mentions = [*find_mentions("resolve", context, gazetteer), target]
    resolved, _ = _resolve(mentions, gazetteer, everything=True)
    return list(resolved[-1].ranking) if resolved and resolved[-1].mention is target else []


def resolve_mentions(mentions: Sequence[Mention], gazetteer: Gazetteer) -> tuple[list[Resolved], list[Mention]]:
    """Resolve every mention of one article; return the resolved ones and those no gazetteer entry matches."""
    return _resolve(mentions, gazetteer)


#: How many characters may separate a name from the region that follows it ("X in the Y region", "X, Y region").
_ATTACHED_GAP = 9


def _attached(options: Sequence[tuple[Mention, list[Place]]]) -> dict[int, str]:
    """The region named right after each plain mention, when one is."""
    regions = sorted((m.start, m.sentence_index, cands[0].name) for m, cands in options if m.kind == "region" and cands)
    out = {}
    for m, _ in options:
        if m.kind == "plain":
            after = next((r for r in regions if r[0] >= m.end), None)
            if after and after[1] == m.sentence_index and after[0] - m.end <= _ATTACHED_GAP:
                out[id(m)] = after[2]
    return out


def _resolve(mentions: Sequence[Mention], gazetteer: Gazetteer, *, everything: bool = False) -> tuple[list[Resolved], list[Mention]]:
    region_first: dict[str, bool] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        key = fold(_region_base(m.surface) if m.kind == "region" else m.surface)
        region_first.setdefault(key, m.kind == "region")

    options = [(m, candidates_for(m, gazetteer, region_first.get(fold(m.surface), False))) for m in mentions]
    if not everything:  # "Kyiv said": a government, neither a place nor a clue to where the article is
        actors = {id(m) for m, cands in options if m.as_actor and cands and any(gazetteer.is_capital(p.place_id) for p in cands[:1])}
        for m, _ in options:
            if id(m) in actors:
                log.info("%r names a government here, not a place", m.surface)
        options = [(m, cands) for m, cands in options if id(m) not in actors]
    named_regions: dict[str, tuple[int, ...]] = {}
    region_places: dict[str, Place] = {}
    for m, cands in options:
        if m.kind == "region" and cands:
            named_regions[cands[0].name] = (*named_regions.get(cands[0].name, ()), m.sentence_index)
            region_places[cands[0].place_id] = cands[0]
    # Anchors: what the other mentions most likely are, first from priors alone, then from a first resolution.
    anchors = []
    for m, cands in options:
        if cands and cands[0].feature == "settlement":
            best = max(cands, key=lambda p: (_country(p) + _population(p) + (_REGION_BONUS if p.admin1 in named_regions else 0.0), p.place_id))
            anchors.append((m, best))
    anchors.sort(key=lambda a: a[0].start)  # in text order, for the nearest of a long article (see _Context.near)
    spelled = {id(m): gazetteer.spelled(_region_base(m.surface)) for m, cands in options if cands}
    trust = {id(m): 1 / math.sqrt(len(cands)) for m, cands in options if cands}
    first = _Context(named_regions, tuple(region_places.values()), tuple(anchors), trust, _attached(options),
                     tuple(m.start for m, _ in anchors))
    winners = {id(m): cands[0] if len(cands) == 1 else rank(m, cands, first, spelled[id(m)], explained=0)[0].place
               for m, cands in options if cands}
    context = replace(first, anchors=tuple((m, winners[id(m)]) for m, _ in anchors))

    resolved: list[Resolved] = []
    unresolved: list[Mention] = []
    for m, cands in options:
        if not cands:
            log.info("unresolved: %r (no gazetteer entry)", m.surface)
            unresolved.append(m)
            continue
        ranking = rank(m, cands, context, spelled[id(m)], explained=None if everything else RANKING_SIZE)
        top = ranking[0]
        stray = _stray(m, top, context)
        if stray and not everything:
            log.info("unresolved: %r -> %s would lie %.0f km from the article's other places", m.surface, top.place.name, stray)
            unresolved.append(m)
            continue
        reason = f"{len(cands)} candidate(s); score {top.score:.2f} = {top.why}"
        if len(cands) > 1:
            log.info("resolved %r -> %s (%s, %s) %.3f,%.3f: %s", m.surface, top.place.name, top.place.admin1,
                     top.place.country, top.place.lat, top.place.lon, reason)
        resolved.append(Resolved(m, top.place, len(cands), reason, tuple(ranking if everything else ranking[:RANKING_SIZE])))
    return resolved, unresolved
