"""Choose, for each mention, the place the article means among its namesakes.

Evidence, strongest first: the region named in the article ("in the Donetsk region"), closeness to the other
places the same article names (those in the same sentence count double: together they imply the front line),
the name spelled exactly as this place's name (Pokrovsk is not Pokrovske), the country (Ukraine, then Russia,
then the neighbours), and population as a last resort. A bare name that the article introduced as a region
("Russia's Kursk region ... deployed to Kursk") refers back to that region. A national capital named as an
actor ("Kyiv said", "Moscow's troops") is its government, not a place.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.errors import UsageError
from geo.models import Candidate, Mention, MentionKind, Place, Resolved, Unresolved
from geo.names import fold
from geo.places.cues import Cue, find_cues
from geo.places.gazetteer import Gazetteer
from geo.places.rank import (
    RAION_REACH_KM,
    RANKING_SIZE,
    REGION_BONUS,
    TOWN,
    RankContext,
    candidates_for,
    first_place,
    km,
    km_matrix,
    mean_ranking,
    old_names,
    prior,
    region_base,
    region_bonus,
)

log = logging.getLogger(__name__)


#: A small place (under this population) farther than _STRAY_KM from every other place of the article is
#: doubted.
_STRAY_MAX_POPULATION = 20_000
_STRAY_KM = 200.0


def _stray(mention: Mention, best: Candidate, context: RankContext) -> float:
    """How far a small place lies from the article's other places, when it is too far to be believed.

    The article's other places are those in the regions it names (and those regions' centres) when it names
    any, else all of them. A village 700 km from all of them, in no region the article names, is a namesake of
    a village the gazetteer lacks: better reported as unresolved than drawn in the wrong place.
    """
    place = best.place
    if (place.feature != "settlement" or place.population >= _STRAY_MAX_POPULATION
        or region_bonus(place, mention, context)):
        return 0.0
    key = fold(mention.surface)
    others = {a.place_id: a for m, a in context.near(mention) if fold(m.surface) != key}
    if context.named_regions:
        others = {k: a for k, a in others.items() if a.admin1 in context.named_regions}
        others.update({r.place_id: r for r in context.region_places})
    if len(others) < 2 and not context.named_regions:
        return 0.0
    points = list(others.values())
    if not points:
        return 0.0
    if float(km_matrix(points, points).max()) > 2 * _STRAY_KM:
        return 0.0  # the article covers several areas: distance proves nothing
    nearest = float(km_matrix([place], points).min())
    return nearest if nearest > _STRAY_KM else 0.0


#: "district" (or "raion") right after a name
_DISTRICT_AFTER = re.compile(r"\s+(?:district|raion|rayon)\b", re.IGNORECASE)


def _district(m: Mention, text: str) -> bool:
    """Whether a name may be a city district's, which keeps its Soviet name (see :func:`old_names`): spelled
    as an adjective ("Petrovsky", "LENINSKYI") or followed by "district" ("Kyiv's Shevchenko district")."""
    return m.surface.lower().endswith(("y", "i")) or _DISTRICT_AFTER.match(text, m.end) is not None


#: How many characters may separate a name from the region that follows it ("X in the Y region", "X, Y
#: region").
_ATTACHED_GAP = 9


def _attached(options: Sequence[tuple[Mention, list[Place]]]) -> dict[int, str]:
    """The region named right after each plain mention, when one is."""
    regions = sorted((m.start, m.sentence_index, cands[0].name) for m, cands in options
                     if m.kind == "region" and cands)
    out = {}
    for m, _ in options:
        if m.kind == "plain":
            after = next((r for r in regions if r[0] >= m.end), None)
            if after and after[1] == m.sentence_index and after[0] - m.end <= _ATTACHED_GAP:
                out[id(m)] = after[2]
    return out



@dataclass(frozen=True, slots=True)
class _Group:
    """One name of an article: its mentions (one place per name), its candidates, those the cue binding it
    allows (all of them when no cue does), and the cue."""

    members: list[Mention]
    candidates: list[Place]
    allowed: list[Place]
    cue: Cue | None


def resolve_mentions(mentions: Sequence[Mention], gazetteer: Gazetteer,
                     text: str = "") -> tuple[list[Resolved], list[Unresolved]]:
    """Resolve every mention of one article (``text``: the article, for the cues that bind a name to its
    region or country); return the resolved ones and those no place was chosen for, with why."""
    return _resolve(mentions, gazetteer, text)


@dataclass(frozen=True, slots=True)
class Decision:
    """What ``geo run`` makes of a name in a text: every candidate scored (those a cue excludes last, marked),
    and the outcome: the place drawn, or why none is."""

    ranking: list[Candidate]
    outcome: Resolved | Unresolved | None


def explain(name: str, context: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Every candidate of ``name`` ranked as ``geo run`` ranks it in a text of ``context``, best first, with
    what each score is made of (see :func:`decide`)."""
    return decide(name, context, gazetteer).ranking


def decide(name: str, context: str, gazetteer: Gazetteer) -> Decision:
    """What ``geo run`` makes of ``name`` in a text of ``context`` (the name is added after the context when
    the context does not hold it): the same scoring path, cues and decisions as a run."""
    from geo.places.recognize import find_mentions

    name = " ".join(name.split())
    if not name:
        raise UsageError("give a place name to resolve")
    context = " ".join(context.split())
    found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", context)
    text = context if found else f"{context}, {name}" if context else name
    mentions = find_mentions("resolve", text, gazetteer)
    target = next((m for m in mentions if m.surface == name), None)
    if target is None:
        start = found.start() if found else len(text) - len(name)
        last = name.split()[-1].lower()
        kind: MentionKind = ("raion" if last.startswith(("district", "raion", "rayon")) else "region"
                             if region_base(name) != name else "plain")
        target = Mention("resolve", start, start + len(name), name,
                         max((m.sentence_index for m in mentions), default=0), kind=kind)
        mentions = sorted([*mentions, target], key=lambda m: m.start)
    rankings: dict[int, list[Candidate]] = {}
    resolved, unresolved = _resolve(mentions, gazetteer, text, asked=target, rankings=rankings)
    outcomes: list[Resolved | Unresolved] = [*resolved, *unresolved]
    outcome = next((r for r in outcomes if r.mention is target), None)
    return Decision(rankings.get(id(target), []), outcome)


def _resolve(mentions: Sequence[Mention], gazetteer: Gazetteer, text: str, *, asked: Mention | None = None,
             rankings: dict[int, list[Candidate]] | None = None) -> tuple[list[Resolved], list[Unresolved]]:
    """The one scoring path of ``geo run`` and ``geo resolve``; ``rankings`` (when given) receives every
    candidate of every mention, scored; ``asked`` is the name ``geo resolve`` explains (kept even as an
    actor)."""
    options = _options(mentions, gazetteer, asked)
    regions = {id(m): cands[0] for m, cands in options if m.kind in ("region", "raion") and cands}
    cues = {id(m): cue for (m, _), cue in zip(options, find_cues([m for m, _ in options], text))
            if cue is not None}
    context = _context(options, gazetteer)
    districts = {id(m) for m, _ in options if _district(m, text)}
    out: list[Resolved | Unresolved] = []
    # place_id -> place, of the names resolved so far (for their other spellings)
    chosen: dict[str, Place] = {}
    placed = [a for _, a in context.anchors]  # the first guess at each known place of the article
    for group in sorted(_groups(options, cues, regions, gazetteer),
                        key=lambda g: (len(g.allowed) or 10**6, g.members[0].start)):
        members, cue = group.members, group.cue
        ranking = _group_ranking(group, context, gazetteer, chosen,
                                 None if rankings is not None else RANKING_SIZE, districts) \
            if group.candidates else []
        if rankings is not None:
            rankings.update({id(m): ranking for m in members})
        if not group.allowed:
            bound = _bound(cue, regions)
            excluded = (f"no place of this name lies where the text says ({cue.why})"
                        if cue and group.candidates else "")
            out += _unknown(members, cue, bound, regions, options, placed, left_out=excluded,
                            candidates=len(group.candidates))
            continue
        top = ranking[0]
        stray = 0.0 if cue else _stray(members[0], top, context)
        if stray:
            why = (f"{top.place.name} ({top.place.admin1 or top.place.country}), the only fitting place, "
                   f"would lie {stray:.0f} km from the article's other places")
            log.info("%r left out: %s", members[0].surface, why)
            out += _unknown(members, cue, None, regions, options, placed, left_out=why,
                            candidates=len(group.candidates))
            continue
        chosen[top.place.place_id] = top.place
        out += _chosen(group, ranking)
    resolved = sorted((r for r in out if isinstance(r, Resolved)), key=lambda r: r.mention.start)
    return resolved, sorted((u for u in out if isinstance(u, Unresolved)), key=lambda u: u.mention.start)


def _chosen(group: _Group, ranking: list[Candidate]) -> list[Resolved]:
    """Every mention of a name resolved to the top of its ranking, with why."""
    top, cue, count = ranking[0], group.cue, len(group.candidates)
    reason = (f"{count} candidate(s); score {top.score:.2f} = {top.why}"
              + (f"; bound by {cue.why}" if cue and cue.why else ""))
    if count > 1:
        log.info("resolved %r -> %s (%s, %s): %s", group.members[0].surface, top.place.name, top.place.admin1,
                 top.place.country, reason)
    return [Resolved(m, top.place, count, reason, tuple(ranking[:RANKING_SIZE])) for m in group.members]


def _options(mentions: Sequence[Mention], gazetteer: Gazetteer,
             keep: Mention | None = None) -> list[tuple[Mention, list[Place]]]:
    """Each mention with its candidates; a national capital named as an actor ("Kyiv said") is left out: a
    government, neither a place nor a clue to where the article is (but ``keep``, the name asked about)."""
    region_first: dict[str, bool] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        key = fold(region_base(m.surface) if m.kind == "region" else m.surface)
        region_first.setdefault(key, m.kind == "region")
    options = [(m, candidates_for(m, gazetteer, region_first.get(fold(m.surface), False))) for m in mentions]
    actors = {id(m) for m, cands in options
              if m.as_actor and m is not keep and cands and gazetteer.is_capital(cands[0].place_id)}
    for m, _ in options:
        if id(m) in actors:
            log.info("%r names a government here, not a place", m.surface)
    return [(m, cands) for m, cands in options if id(m) not in actors]


def _context(options: Sequence[tuple[Mention, list[Place]]], gazetteer: Gazetteer) -> RankContext:
    """What the article's names say about where it is: the regions it names, and a first guess at each
    place."""
    named_regions: dict[str, tuple[int, ...]] = {}
    region_places: dict[str, Place] = {}
    for m, cands in options:
        if m.kind == "region" and cands:
            named_regions[cands[0].name] = (*named_regions.get(cands[0].name, ()), m.sentence_index)
            region_places[cands[0].place_id] = cands[0]
    anchors = []
    for m, cands in options:
        if cands and cands[0].feature == "settlement":
            best = max(cands, key=lambda p: (
                sum(prior(p)) + (REGION_BONUS if p.admin1 in named_regions else 0.0), p.place_id))
            anchors.append((m, best, cands))
    # in text order, for the nearest of a long article (see RankContext.near)
    anchors.sort(key=lambda a: a[0].start)
    first = RankContext(named_regions, tuple(region_places.values()), tuple((m, p) for m, p, _ in anchors),
                        _attached(options), tuple(m.start for m, _, _ in anchors))
    return replace(first, anchors=tuple((m, _first_guess(m, cands, first, gazetteer))
                                        for m, _, cands in anchors))


def _first_guess(m: Mention, cands: list[Place], context: RankContext, gazetteer: Gazetteer) -> Place:
    """The place a settlement's name stands for at first sight: its only candidate, or the best ranked."""
    return cands[0] if len(cands) == 1 else first_place(m, cands, context,
                                                         gazetteer.spelled(region_base(m.surface)))


def _groups(options: Sequence[tuple[Mention, list[Place]]], cues: dict[int, Cue], regions: dict[int, Place],
            gazetteer: Gazetteer) -> list[_Group]:
    """The article's names: the mentions of one name (spelled alike, of one kind) are one place, unless cues
    put them in different regions or countries (then each is one place); a mention without a cue joins the
    name's only cue. A cue allows only the settlements in the region or country it names (one typing slip
    allowed there); a weak one (a region opening the sentence) is dropped for a town of 10,000 people or more
    elsewhere."""
    bound: dict[tuple[str, str], dict[tuple[str, str], Cue]] = defaultdict(dict)
    for m, _ in options:
        if id(m) in cues:
            bound[_name_key(m)].setdefault(_cue_key(cues[id(m)], regions), cues[id(m)])
    groups: dict[tuple[tuple[str, str], tuple[str, str]], tuple[list[Mention], list[Place], Cue | None]] = {}
    for m, cands in options:
        variants = bound.get(_name_key(m), {})
        cue = cues.get(id(m)) or (next(iter(variants.values())) if len(variants) == 1 else None)
        key = (_name_key(m), _cue_key(cue, regions))
        groups.setdefault(key, ([], cands, cue))[0].append(m)
    out = []
    for members, cands, cue in groups.values():
        allowed = [p for p in cands if _fits_cue(p, cue, regions)]
        region = _bound(cue, regions)
        if cue and not allowed and region is not None and region.admin1 and not cue.weak:
            # a slip of the pen: "Zaporizhske"
            allowed = gazetteer.settlements_like(members[0].surface, region.admin1)
            cands = [*cands, *(p for p in allowed if p not in cands)]
        if cue and cue.weak and not allowed and any(p.population >= TOWN for p in cands):
            # a town the reader knows is not a village of the region opening the sentence
            cue, allowed = None, cands
        out.append(_Group(members, cands, allowed, cue))
    return out


def _bound(cue: Cue | None, regions: dict[int, Place]) -> Place | None:
    """The region (or raion) place a cue binds its name to, if it binds it to one."""
    return regions.get(id(cue.region)) if cue is not None and cue.region is not None else None


def _name_key(m: Mention) -> tuple[str, str]:
    return m.kind, fold(region_base(m.surface) if m.kind == "region" else m.surface)


def _cue_key(cue: Cue | None, regions: dict[int, Place]) -> tuple[str, str]:
    """Where a cue puts a name (its region's id, its country), for telling namesakes of one article apart."""
    region = _bound(cue, regions)
    return (region.place_id if region else ""), (cue.country or "") if cue else ""


def _fits_cue(place: Place, cue: Cue | None, regions: dict[int, Place]) -> bool:
    """Whether ``place`` lies where ``cue`` says (any place fits no cue)."""
    if cue is None:
        return True
    bound = _bound(cue, regions)
    beside = regions.get(id(cue.beside)) if cue.beside else None
    in_raion = bound is None or cue.region is None or cue.region.kind != "raion" or \
        km(place.lat, place.lon, bound.lat, bound.lon) <= RAION_REACH_KM
    return (place.feature == "settlement" and in_raion and (bound is None or place.admin1 == bound.admin1)
            and (beside is None or place.admin1 != beside.admin1)
            and (cue.country is None or place.country == cue.country))


def _group_ranking(group: _Group, context: RankContext, gazetteer: Gazetteer, chosen: dict[str, Place],
                   explained: int | None, districts: set[int]) -> list[Candidate]:
    """The candidates of one name, scored over all its mentions (their mean): those the cue allows first
    (not a city the name is only an old name of: :func:`old_names`), the others after them, marked; among
    the allowed, a place another spelling of the article already chose wins ("Lyman" after "Krasny Liman").
    Only the first ``explained`` (all when None) say what their score is made of."""
    members = group.members
    spelled = gazetteer.spelled(region_base(members[0].surface))
    old = old_names([m.surface for m in members if m.kind == "plain" and id(m) not in districts],
                    group.candidates)
    group = replace(group, allowed=[p for p in group.allowed if p.place_id not in old] or group.allowed)
    allowed = {p.place_id for p in group.allowed}
    ranking = mean_ranking(members, group.allowed, context, spelled, explained) if allowed else []
    if members[0].kind == "plain" and len(allowed) > 1:
        shared = [c for c in ranking if c.place.place_id in chosen]
        if shared:
            ranking = [Candidate(shared[0].place, shared[0].score,
                                 shared[0].why + " + named by another spelling in the article"),
                       *(c for c in ranking if c is not shared[0])]
    rest = [p for p in group.candidates if p.place_id not in allowed]
    if not rest:
        return ranking
    excluded = f"excluded: not where the text says ({group.cue.why})" if group.cue else "excluded"
    why_out = {p.place_id: "excluded: an old name of this city, and ten or more places bear it" for p in rest
               if p.place_id in old}
    return ranking + [Candidate(c.place, c.score, f"{c.why}; {why_out.get(c.place.place_id, excluded)}")
                      for c in mean_ranking(members, rest, context, spelled, explained)]


def _unknown(members: list[Mention], cue: Cue | None, bound: Place | None, regions: dict[int, Place],
             options: Sequence[tuple[Mention, list[Place]]], anchors: Sequence[Place], *, left_out: str = "",
             candidates: int = 0) -> list[Resolved | Unresolved]:
    """A name no source knows (in the region or country the text names), or whose only places were left out
    (why: ``left_out``): at the centre of that region, or of the region named nearest to it in its sentence,
    or of the only region the article names (of the country the text names, if it names one), marked
    ``precision="region"``, among the article's known places of that region (``anchors``) when it names some;
    else unresolved, with why."""
    m = members[0]
    country = cue.country if cue else None
    if bound is None:
        named = [(r, regions[id(r)]) for r, _ in options
                 if id(r) in regions and (country is None or regions[id(r)].country == country)]
        near = sorted((r for r in named if r[0].sentence_index == m.sentence_index),
                      key=lambda r: abs(r[0].start - m.start))
        distinct = {p.place_id: p for _, p in named}
        bound = near[0][1] if near else (next(iter(distinct.values())) if len(distinct) == 1 else None)
    if bound is None or bound.feature != "region":
        where = f" in {'Russia' if country == 'RU' else 'Ukraine'}" if country else ""
        return [Unresolved(x, f"left out: {left_out}" if left_out else f"no gazetteer entry{where}",
                           candidates) for x in members]
    known = (f"left out {left_out}" if left_out
             else f"in no gazetteer{' in ' + bound.name if cue and cue.region else ''}")
    around = sorted({p.place_id: p for p in anchors
                     if p.admin1 == bound.name and p.feature == "settlement"}.values(),
                    key=lambda p: p.place_id)
    if around:  # where the article's known places of that region are: the front is local, the region is not
        lat, lon = (round(sum(p.lat for p in around) / len(around), 5),
                    round(sum(p.lon for p in around) / len(around), 5))
        where = (
            f"placed among the article's places in {bound.name} "
            f"({', '.join(sorted({p.name for p in around})[:4])})"
        )
    else:
        lat, lon, where = bound.lat, bound.lon, f"placed at the centre of {bound.name}, named in the article"
    place = Place(f"{bound.place_id}/{fold(m.surface)}", m.surface, lat, lon, bound.country, bound.name,
                  "settlement", "region")
    return [Resolved(x, place, candidates, f"{known}; {where}") for x in members]
