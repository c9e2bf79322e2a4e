"""Choose, for each mention, the place the article means among its namesakes.

Evidence, strongest first: the region named in the article ("in the Donetsk region"), closeness to the other
places the same article names (those in the same sentence count double), the country (Ukraine, then Russia,
then the neighbours), and population as a last resort. A bare name that the article introduced as a region
("Russia's Kursk region ... deployed to Kursk") refers back to that region.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence

from geo.gazetteer import Gazetteer
from geo.models import Mention, Place, Resolved
from geo.names import fold

log = logging.getLogger(__name__)

_COUNTRY_PRIOR = {"UA": 3.0, "RU": 2.0, "BY": 1.0, "MD": 1.0}
_NEAR_KM = 30.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _prior(place: Place) -> float:
    return _COUNTRY_PRIOR.get(place.country, 0.0) + math.log10(place.population + 10) / 3 + (0.3 if place.precision == "exact" else 0.0)


def _candidates(mention: Mention, gazetteer: Gazetteer, region_first: dict[str, bool]) -> list[Place]:
    if mention.kind == "region":
        return gazetteer.regions(_region_base(mention.surface))
    key = fold(mention.surface)
    if region_first.get(key) and not mention.typed_settlement:
        regions = gazetteer.regions(mention.surface)
        if regions:
            return regions
    return gazetteer.settlements(mention.surface)


def _region_base(surface: str) -> str:
    words = surface.split()
    while words and words[-1].lower().rstrip("'s’") in ("region", "oblast", "province", "regions", "oblasts"):
        words.pop()
    return " ".join(words)


def resolve_mentions(mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Resolved]:
    """Resolve every mention of one article; mentions with no candidate are left out (and logged)."""
    region_first: dict[str, bool] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        key = fold(_region_base(m.surface) if m.kind == "region" else m.surface)
        region_first.setdefault(key, m.kind == "region")

    options = [(m, _candidates(m, gazetteer, region_first)) for m in mentions]
    named_regions = {p.name for m, cands in options if m.kind == "region" for p in cands[:1]}
    # Anchors: what the other mentions most likely are, before context is used.
    anchors: list[tuple[Mention, Place]] = []
    for m, cands in options:
        if cands and cands[0].feature == "settlement":
            best = max(cands, key=lambda p: (_prior(p) + (3.0 if p.admin1 in named_regions else 0.0), p.place_id))
            anchors.append((m, best))

    resolved: list[Resolved] = []
    for m, cands in options:
        if not cands:
            log.info("unresolved: %r (no gazetteer entry)", m.surface)
            continue
        key = fold(m.surface)
        scored = []
        for p in cands:
            near = 0.0
            for other, anchor in anchors:
                if fold(other.surface) == key:
                    continue
                weight = 2.0 if other.sentence_index == m.sentence_index else 1.0
                near += weight * math.exp(-km(p.lat, p.lon, anchor.lat, anchor.lon) / _NEAR_KM)
            region = 3.0 if p.admin1 in named_regions and p.feature == "settlement" else 0.0
            scored.append((2.0 * near + region + _prior(p), p.place_id, p, near, region))
        scored.sort(key=lambda s: (-s[0], s[1]))
        score, _, best, near, region = scored[0]
        reason = (f"{len(cands)} candidate(s); score {score:.2f} = context {2 * near:.2f} + region {region:.0f}"
                  f" + country/population {_prior(best):.2f}")
        if len(cands) > 1:
            log.info("resolved %r -> %s (%s, %s) %.3f,%.3f: %s", m.surface, best.name, best.admin1, best.country,
                     best.lat, best.lon, reason)
        resolved.append(Resolved(m, best, len(cands), reason))
    return resolved
