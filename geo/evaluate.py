"""Score a run against hand labels (one JSON object per article, the format of the dev corpus'
``labels.jsonl``).

A label line holds ``url`` (or ``id``, the article's file stem), ``claims`` (``place``, ``canonical``,
``lat``, ``lon``, ``controller``, ``event``, ``stance``, ``event_date``, ``date_precision``, optional
``place_type`` and ``coord_uncertain``) and ``non_claim_places`` (the other place strings of the text).

Two levels are measured:

- **places**: is each labelled claim place recognised and put at the right spot (within 10 km; 25 km when the
  label says its coordinates are uncertain; 100 km for regions)? Is every place geo recognised a labelled
  place?
- **claims**: is each labelled claim predicted, with the right controller, stance and date?

A label matches a prediction by name (under :func:`geo.names.fold`, ignoring words such as "region" or "city")
or, failing that, by lying within 10 km of it.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from geo.errors import UsageError
from geo.models import Article, Claim, Place
from geo.names import fold
from geo.places.rank import km

_GENERIC = re.compile(
    r"\b(?:the|city|town|village|settlement|of|regions?|oblasts?|provinces?|districts?|raions?|hromadas?|"
    r"community)\b", re.I)
_NEAR_KM = 10.0
#: Distances reported as shares of matched places.
BANDS_KM = (10, 25, 161)


def name_key(name: str | None) -> str:
    """The key under which a labelled name and a predicted one meet."""
    return fold(_GENERIC.sub(" ", name or "")) if name else ""


def tolerance_km(label: Mapping[str, Any]) -> float:
    """How far a prediction may lie from the labelled point and still be right."""
    if label.get("place_type") == "region":
        return 100.0
    return 25.0 if label.get("coord_uncertain") else 10.0


def read_labels(path: Path) -> list[dict[str, Any]]:
    """Read a labels file, one JSON object per line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read labels {path}: {err}") from err
    labels = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            raise UsageError(f"{path}:{n}: not a JSON object ({err.msg}); one label object per line is "
                             "expected") from err
        if not isinstance(item, dict) or not isinstance(item.get("claims"), list):
            raise UsageError(f"{path}:{n}: a label needs a 'claims' list")
        labels.append(item)
    return labels


@dataclass(frozen=True, slots=True)
class _Predicted:
    surface: str
    place: Place

    @property
    def keys(self) -> set[str]:
        return {name_key(self.surface), name_key(self.place.name)} - {""}


def _label_keys(label: Mapping[str, Any]) -> set[str]:
    return {name_key(label.get("place")), name_key(label.get("canonical"))} - {""}


def _distance(label: Mapping[str, Any], place: Place) -> float:
    if label.get("lat") is None or label.get("lon") is None:
        return float("inf")
    return km(float(label["lat"]), float(label["lon"]), place.lat, place.lon)


def _date_ok(label: Mapping[str, Any], predicted: date | None) -> bool:
    try:
        wanted = date.fromisoformat(str(label["event_date"])[:10])
    except (KeyError, ValueError):
        return False
    if predicted is None:
        return False
    days = abs((wanted - predicted).days)
    precision = label.get("date_precision") or "day"
    if precision == "day":
        return days <= 1
    if precision == "week":
        return days <= 7
    if precision == "month":
        return (wanted.year, wanted.month) == (predicted.year, predicted.month)
    if precision == "season":
        return days <= 92
    return wanted.year == predicted.year


def controller_ok(label: Mapping[str, Any], claim: Claim) -> bool:
    if label.get("event") == "fighting" or label.get("stance") == "contested":
        return claim.controller in ("contested", label.get("controller")) or claim.event == "fighting"
    return claim.controller == label.get("controller")


def _stance_ok(label: Mapping[str, Any], claim: Claim) -> bool:
    wanted = label.get("stance")
    if wanted == "contested":
        return claim.event == "fighting" or claim.controller == "contested"
    if wanted == "claimed":
        return claim.stance in ("claimed", "unverified")
    return claim.stance == wanted


def _ratio(a: float, b: float) -> float:
    return round(a / b, 4) if b else 0.0


@dataclass(slots=True)
class _Tally:
    gold_places: int = 0
    found_places: int = 0
    recognized_unplaced: int = 0
    predicted_places: int = 0
    right_predicted_places: int = 0
    placed_ok: int = 0
    # labelled places in Russia found: no offline source places Russian villages exactly
    found_in_russia: int = 0
    placed_ok_in_russia: int = 0
    gold_claims: int = 0
    predicted_claims: int = 0
    matched_claims: int = 0
    controller_ok: int = 0
    stance_ok: int = 0
    dated: int = 0
    date_ok: int = 0
    noclaim_false_claims: int = 0


def _match_places(labels: Sequence[Mapping[str, Any]], predicted: Sequence[_Predicted], tally: _Tally,
                  errors: list[float], misses: list[str], where: str, unplaced: set[str]) -> None:
    gold: dict[str, Mapping[str, Any]] = {}
    for label in labels:
        gold.setdefault(name_key(label.get("canonical") or label.get("place")), label)
    for label in gold.values():
        tally.gold_places += 1
        keys = _label_keys(label)
        options = [(0 if p.keys & keys else 1, _distance(label, p.place), p) for p in predicted]
        options = [o for o in options if o[0] == 0 or o[1] <= _NEAR_KM]
        if not options:
            if keys & unplaced:
                tally.recognized_unplaced += 1
                misses.append(f"PLACE UNRESOLVED {where} {label.get('place')!r} (recognised, left "
                              "unresolved)")
            else:
                misses.append(f"PLACE MISS {where} {label.get('place')!r}")
            continue
        _, distance, p = min(options, key=lambda o: (o[0], o[1]))
        tally.found_places += 1
        in_russia = "russia" in str(label.get("oblast") or "").lower()
        tally.found_in_russia += in_russia
        errors.append(distance)
        if distance <= tolerance_km(label):
            tally.placed_ok += 1
            tally.placed_ok_in_russia += in_russia
        else:
            misses.append(f"PLACE FAR  {where} {label.get('place')!r} -> {p.place.name} ({p.place.admin1}, "
                          f"{p.place.country}, {p.place.precision}) {distance:.0f} km off")


def _assign(cost: list[list[float]]) -> list[int]:
    """For each row of a square ``cost`` matrix, the column of a minimum-cost assignment (Hungarian
    method)."""
    n = len(cost)
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [float("inf")] * (n + 1), [False] * (n + 1)
        while p[j0]:
            used[j0], i0, delta, j1 = True, p[j0], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    row = [0] * n
    for j in range(1, n + 1):
        if p[j]:
            row[p[j] - 1] = j - 1
    return row


_UNMATCHED = 1e6


def _pair_cost(label: Mapping[str, Any], claim: Claim) -> float:
    """How well a predicted claim fits a label: a match at all first, then controller, stance and date
    agreeing."""
    keys = _label_keys(label)
    named = bool(_Predicted(claim.surface, claim.place).keys & keys)
    distance = _distance(label, claim.place)
    if not named and distance > _NEAR_KM:
        return _UNMATCHED
    agree = 100 * controller_ok(label, claim) + 10 * _stance_ok(label, claim) + 10 * (
        bool(label.get("event_date")) and _date_ok(label, claim.event_date)) + named
    return -1000 - agree + min(distance, 999) / 1000


def _match_claims(labels: Sequence[Mapping[str, Any]], claims: Sequence[Claim], tally: _Tally,
                  misses: list[str], where: str) -> None:
    """Pair labels with predictions so that as many labels as possible are matched, then as many as possible
    agree on controller, stance and date (one place can carry several claims per article: the corpus'
    advice)."""
    size = max(len(labels), len(claims))
    cost = [[_pair_cost(labels[i], claims[j]) if i < len(labels) and j < len(claims) else 0.0
             for j in range(size)] for i in range(size)]
    assigned = _assign(cost) if size else []
    used: set[int] = set()
    for i, label in enumerate(labels):
        tally.gold_claims += 1
        j = assigned[i]
        if j >= len(claims) or cost[i][j] >= _UNMATCHED:
            misses.append(f"CLAIM MISS {where} {label.get('place')!r} {label.get('controller')} "
                          f"{label.get('event')}")
            continue
        used.add(j)
        claim = claims[j]
        tally.matched_claims += 1
        tally.controller_ok += controller_ok(label, claim)
        tally.stance_ok += _stance_ok(label, claim)
        if not _stance_ok(label, claim):
            misses.append(f"STANCE {where} {label.get('place')!r} want {label.get('stance')} "
                          f"({label.get('claimant')}) got {claim.stance} ({claim.claimant_side}: "
                          f"{claim.claimant})")
        if not controller_ok(label, claim):
            misses.append(f"CONTROLLER {where} {label.get('place')!r} want {label.get('controller')} got "
                          f"{claim.controller}")
        if label.get("event_date"):
            tally.dated += 1
            if _date_ok(label, claim.event_date):
                tally.date_ok += 1
            else:
                misses.append(f"DATE {where} {label.get('place')!r} want {label.get('event_date')}/"
                              f"{label.get('date_precision')} got {claim.event_date}/{claim.date_precision}")
    for i, claim in enumerate(claims):
        if i not in used:
            misses.append(f"CLAIM FP   {where} {claim.surface!r} {claim.controller} {claim.event}")


@dataclass(frozen=True, slots=True)
class _Run:
    """What a run gave, indexed by article: its ids by url and file name, places, unplaced names and
    claims."""

    by_key: dict[str, str]
    predicted: dict[str, dict[str, _Predicted]]
    unplaced: dict[str, set[str]]
    claims_of: dict[str, list[Claim]]

    @classmethod
    def of(cls, articles: Iterable[Article], mentions: Iterable[tuple[str, str, Place]],
           claims: Iterable[Claim], unresolved: Iterable[tuple[str, str]]) -> _Run:
        by_key: dict[str, str] = {}
        for a in articles:
            by_key[a.url or a.id] = a.id
            by_key[Path(a.path).stem] = a.id
        predicted: dict[str, dict[str, _Predicted]] = defaultdict(dict)
        for article_id, surface, place in mentions:
            if place.feature != "country":
                predicted[article_id].setdefault(place.place_id, _Predicted(surface, place))
        unplaced: dict[str, set[str]] = defaultdict(set)
        for article_id, surface in unresolved:
            unplaced[article_id].add(name_key(surface))
        claims_of: dict[str, list[Claim]] = defaultdict(list)
        for c in claims:
            claims_of[c.article_id].append(c)
        return cls(by_key, predicted, unplaced, claims_of)

    def article_of(self, label: Mapping[str, Any]) -> str:
        """The id of the run's article a label is about (by url, else by file name), or ""."""
        return self.by_key.get(str(label.get("url"))) or self.by_key.get(str(label.get("id"))) or ""


def evaluate(labels: Sequence[Mapping[str, Any]], articles: Iterable[Article],
             mentions: Iterable[tuple[str, str, Place]], claims: Iterable[Claim],
             unresolved: Iterable[tuple[str, str]] = ()) -> tuple[dict[str, Any], list[str]]:
    """Score the stored results of a run against ``labels``; return the metrics and a list of misses.

    ``unresolved`` (article id, surface) are names geo recognised but could not place: they count for
    ``place_recognized`` (found in the text) but not for ``place_recall`` (found and placed).
    """
    run = _Run.of(articles, mentions, claims, unresolved)
    tally, unmatched = _Tally(), 0
    errors: list[float] = []
    misses: list[str] = []
    for label in labels:
        where = str(label.get("id") or label.get("url"))
        found = run.article_of(label)
        if not found:
            unmatched += 1
            misses.append(f"ARTICLE MISSING {where}: no article of the run has this url or file name")
        _score_article(label, where, run, found, tally, errors, misses)
    return _metrics(tally, len(labels), unmatched, errors), misses


def _score_article(label: Mapping[str, Any], where: str, run: _Run, found: str, tally: _Tally,
                   errors: list[float], misses: list[str]) -> None:
    """Count one label's places and claims (``where``: the label's id or url, for the misses) against what the
    run gave its article (``found``, "" if none)."""
    places = list(run.predicted.get(found, {}).values())
    article_claims = sorted(run.claims_of.get(found, []), key=lambda c: c.claim_id)
    _match_places(label["claims"], places, tally, errors, misses, where, run.unplaced.get(found, set()))
    _match_claims(label["claims"], article_claims, tally, misses, where)
    tally.predicted_claims += len(article_claims)
    if not label["claims"]:
        tally.noclaim_false_claims += len(article_claims)
    known = {name_key(n) for n in label.get("non_claim_places", [])}
    for lab in label["claims"]:
        known |= _label_keys(lab)
    for p in places:
        tally.predicted_places += 1
        near = any(_distance(lab, p.place) <= _NEAR_KM for lab in label["claims"])
        if p.keys & known or near:
            tally.right_predicted_places += 1
        else:
            misses.append(f"PLACE FP   {where} {p.surface!r} -> {p.place.name} ({p.place.feature})")


def _metrics(tally: _Tally, articles: int, unmatched: int, errors: Sequence[float]) -> dict[str, Any]:
    return {
        "articles": articles, "articles_not_found": unmatched,
        "place_recall": _ratio(tally.found_places, tally.gold_places),
        "place_recognized": _ratio(tally.found_places + tally.recognized_unplaced, tally.gold_places),
        "place_precision": _ratio(tally.right_predicted_places, tally.predicted_places),
        "place_location_acc": _ratio(tally.placed_ok, tally.found_places),
        "place_location_acc_ukraine": _ratio(tally.placed_ok - tally.placed_ok_in_russia,
                                             tally.found_places - tally.found_in_russia),
        "places_found": tally.found_places, "places_found_in_russia": tally.found_in_russia,
        "places_within_tolerance": tally.placed_ok,
        **{f"place_within_{b}km": _ratio(sum(e <= b for e in errors), len(errors)) for b in BANDS_KM},
        "place_error_mean_km": round(statistics.fmean(errors), 1) if errors else None,
        "place_error_median_km": round(statistics.median(errors), 1) if errors else None,
        "claim_recall": _ratio(tally.matched_claims, tally.gold_claims),
        "claim_precision": _ratio(tally.matched_claims, tally.predicted_claims),
        "controller_acc": _ratio(tally.controller_ok, tally.matched_claims),
        "stance_acc": _ratio(tally.stance_ok, tally.matched_claims),
        "date_acc": _ratio(tally.date_ok, tally.dated),
        "noclaim_false_claims": tally.noclaim_false_claims,
        "label_places": tally.gold_places, "label_claims": tally.gold_claims,
        "predicted_places": tally.predicted_places, "predicted_claims": tally.predicted_claims,
    }
