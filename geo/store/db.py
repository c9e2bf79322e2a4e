"""The SQLite store: articles, mentions, places and claims; idempotent upserts, one transaction per
article."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from geo.claims.dating import with_year
from geo.errors import StoreError
from geo.ingest.read import SeedFile
from geo.models import Article, Claim, Place, Resolved

if TYPE_CHECKING:
    from geo.work.process import Processed
from geo.store.schema import MIGRATIONS, SCHEMA_VERSION


class ArticleState(NamedTuple):
    """What the store knows of an article: the version of the rules that read it, its file, whether
    retired."""

    version: str
    path: str
    retired: bool


class UnplacedName(NamedTuple):
    """A name of an article (not retired) no place was chosen for: ``candidates`` is 0 when no source knows
    it, else it was left out and ``reason`` says why."""

    article_id: str
    path: str
    surface: str
    reason: str
    candidates: int


class StoredMention(NamedTuple):
    """A resolved mention of an article not retired."""

    article_id: str
    surface: str
    place: Place


_to_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _ranking_json(r: Resolved) -> str:
    return _to_json([{"place_id": c.place.place_id, "name": c.place.name, "admin1": c.place.admin1,
                      "country": c.place.country, "score": c.score, "why": c.why} for c in r.ranking])


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


class Store:
    """The project's SQLite database at ``OUT/geo.sqlite``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.con = sqlite3.connect(path, timeout=30)
            self.con.execute("PRAGMA foreign_keys = ON")
            self.con.execute("PRAGMA journal_mode = WAL")
            self.con.execute("PRAGMA synchronous = NORMAL")  # with WAL: consistent after a crash, fewer syncs
            self._migrate()
        except sqlite3.Error as err:
            raise StoreError(f"cannot open the store {path}: {err}; move it aside to start afresh") from err

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self.con.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer geo (schema {version}); upgrade geo")
        for v in range(version + 1, SCHEMA_VERSION + 1):
            self.con.executescript(f"BEGIN; {MIGRATIONS[v]} PRAGMA user_version = {v}; COMMIT;")

    def states(self) -> dict[str, ArticleState]:
        """``id -> (extractor version, path, retired)`` of every article the store holds."""
        return {r[0]: ArticleState(r[1], r[2], bool(r[3]))
                for r in self.con.execute("SELECT id, extractor_version, path, retired FROM article")}

    def touch(self, articles: Iterable[tuple[str, str]]) -> None:
        """Record that unchanged articles (``(id, path)``) are still present, under the paths they have
        now."""
        rows = [(path, article_id) for article_id, path in articles]
        if rows:
            with self.con:
                touched = self.wanted("present", (article_id for _, article_id in rows))
                self.mark_changed("SELECT c.place_id FROM claim c JOIN article a ON a.id = c.article_id "
                            "WHERE a.retired = 1 AND a.id " + touched)
                self.con.executemany("UPDATE article SET path = ?, retired = 0 WHERE id = ?", rows)
                self.changed()

    def seed_files(self) -> dict[str, SeedFile]:
        """The files of the seeds folder as the last run left them, by path."""
        return {r[0]: SeedFile(r[0], r[1], r[2], tuple(json.loads(r[3])), read=False)
                for r in self.con.execute("SELECT path, size, mtime_ns, ids FROM seed_file")}

    def record_seed_files(self, files: Iterable[SeedFile], before: Mapping[str, SeedFile]) -> None:
        """Remember the files of the seeds folder as they are now, and forget the others; ``before`` is what
        :meth:`seed_files` gave at the start of the run (only the differences are written)."""
        now = {f.path: f for f in files}
        changed = [f for f in now.values()
                   if (b := before.get(f.path)) is None
                   or (b.size, b.mtime_ns, b.ids) != (f.size, f.mtime_ns, f.ids)]
        with self.con:
            self.con.executemany("DELETE FROM seed_file WHERE path = ?",
                                 [(p,) for p in sorted(before.keys() - now.keys())])
            self.con.executemany("INSERT OR REPLACE INTO seed_file VALUES (?,?,?,?)",
                                 [(f.path, f.size, f.mtime_ns, json.dumps(f.ids)) for f in changed])

    def save(self, done: Sequence[tuple[Article, Processed, str]]) -> None:
        """Replace everything known about these articles, in one transaction: ``(article, what it gave, the
        version of the rules that read it)``."""
        try:
            with self.con:
                for article, processed, extractor_version in done:
                    self._save(article, processed, extractor_version)
                self.changed()
        except sqlite3.Error as err:
            raise StoreError(f"cannot write {len(done)} article(s) to {self.path}: {err}") from err

    def _save(self, article: Article, processed: Processed, extractor_version: str) -> None:
        resolved, claims = processed.resolved, processed.claims
        self.mark_changed("SELECT place_id FROM claim WHERE article_id = ?", (article.id,))
        self.con.execute("DELETE FROM article WHERE id = ?", (article.id,))
        self.con.execute("DELETE FROM article_year WHERE article_id = ?", (article.id,))  # dated again
        self.con.execute(
            "INSERT INTO article VALUES (?,?,?,?,?,?,?,?,0)",
            (article.id, article.path, article.title, _iso(article.published), article.source, article.url,
             article.text, extractor_version),
        )
        places = {r.place.place_id: r.place for r in resolved} | {c.place.place_id: c.place for c in claims}
        self.con.executemany(
            # an upsert, not INSERT OR REPLACE: a replace deletes the row, and checking that no mention or
            # claim still points at it scans both tables
            "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(place_id) DO UPDATE SET name = "
            "excluded.name, lat = excluded.lat, lon = excluded.lon, country = excluded.country, admin1 = "
            "excluded.admin1, feature = excluded.feature, precision = excluded.precision, population = "
            "excluded.population",
            [(p.place_id, p.name, p.lat, p.lon, p.country, p.admin1, p.feature, p.precision, p.population)
             for p in places.values()],
        )
        self.con.executemany(
            "INSERT OR REPLACE INTO mention VALUES (?,?,?,?,?,?,?,?)",
            [(article.id, r.mention.start, r.mention.end, r.mention.surface, r.place.place_id, r.candidates,
              r.reason, _ranking_json(r)) for r in resolved]
            + [(article.id, u.mention.start, u.mention.end, u.surface, None, u.candidates, u.reason, "[]")
               for u in processed.unresolved],
        )
        self.con.executemany(
            "INSERT OR REPLACE INTO claim VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(c.claim_id, c.article_id, c.place.place_id, c.surface, c.controller, c.event, c.claimant,
              c.claimant_side, c.stance, _iso(c.event_date), c.date_precision, c.date_text, c.quote,
              c.confidence, c.start, c.rule, c.part) for c in claims],
        )
        self.mark_places(c.place.place_id for c in claims)
        self.con.executemany("INSERT INTO article_name VALUES (?,?)",
                             [(article.id, n) for n in sorted(processed.names)])
        self.con.executemany("INSERT OR IGNORE INTO name_state VALUES (?,?)", sorted(processed.names.items()))

    def mark_changed(self, places_sql: str, args: tuple[object, ...] = ()) -> None:
        """Mark the places the query names as due to be drawn again (within the caller's transaction)."""
        self.con.execute(f"INSERT OR IGNORE INTO dirty_place {places_sql}", args)

    def changed(self) -> None:
        """Count a change to the articles (within the caller's transaction): the outputs are due again."""
        self.con.execute("INSERT INTO meta VALUES ('generation', '1') ON CONFLICT(key) DO UPDATE SET value = "
                         "value + 1")

    def meta(self, key: str) -> str | None:
        """A value the store keeps about its own state."""
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def restate_names(self, states: Callable[[Iterable[str]], Mapping[str, str]], signature: str) -> int:
        """After the gazetteer changed (to ``signature``): compute again what it makes of every name the
        articles hold, and mark the articles holding a name whose meaning changed to be read again. Returns
        how many."""
        names = [r[0] for r in self.con.execute("SELECT DISTINCT name FROM article_name ORDER BY name")]
        old = dict(self.con.execute("SELECT name, state FROM name_state").fetchall())
        new = states(names)
        changed = [n for n in names if new.get(n, "") != old.get(n, "")]
        with self.con:
            cur = self.con.execute("UPDATE article SET extractor_version = '' WHERE id IN "
                                   "(SELECT article_id FROM article_name WHERE name "
                                   + self.wanted("changed_name", changed) + ")")
            self.changed()
            self.con.execute("DELETE FROM name_state")
            self.con.executemany("INSERT INTO name_state VALUES (?,?)", sorted(new.items()))
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('gazetteer', ?)", (signature,))
        return cur.rowcount

    def retire(self, ids: Iterable[str]) -> int:
        """Mark these articles retired (kept, but left out of the outputs); return how many were not
        already."""
        with self.con:
            gone = self.wanted("present", ids)
            self.mark_changed("SELECT c.place_id FROM claim c JOIN article a ON a.id = c.article_id "
                        "WHERE a.retired = 0 AND a.id " + gone)
            cur = self.con.execute("UPDATE article SET retired = 1 WHERE retired = 0 AND id " + gone)
            if cur.rowcount:
                self.changed()
        return cur.rowcount

    def articles(self, *, text: bool = True) -> list[Article]:
        """Articles not retired, by id; with ``text=False``, their metadata alone (an empty text)."""
        body = "text" if text else "''"
        rows = self.con.execute(
            f"SELECT id, path, title, published, source, url, {body} FROM article WHERE retired = 0 "
            "ORDER BY id"
        ).fetchall()
        return [Article(r[0], r[1], r[2], _date(r[3]), r[4], r[5], r[6]) for r in rows]

    def unresolved(self) -> list[UnplacedName]:
        """The names no place was chosen for in the articles not retired, by article path and position."""
        return [UnplacedName(*r) for r in self.con.execute(
            """SELECT a.id, a.path, m.surface, m.reason, m.candidates
               FROM mention m JOIN article a ON a.id = m.article_id
               WHERE m.place_id IS NULL AND a.retired = 0 ORDER BY a.path, m.start""")]

    def geocoded(self, provider: str, query: str) -> tuple[bool, str | None]:
        """``(asked before, answer)`` of a cached online geocoder query; the answer is None for "not
        found"."""
        row = self.con.execute("SELECT answer FROM geocode WHERE provider = ? AND query = ?",
                               (provider, query)).fetchone()
        return (row is not None, row[0] if row else None)

    def remember_geocode(self, provider: str, query: str, answer: str | None, fetched: str) -> None:
        """Cache an online geocoder's answer (None: nothing found), so the query is never sent again."""
        with self.con:
            self.con.execute("INSERT OR REPLACE INTO geocode VALUES (?,?,?,?)",
                             (provider, query, answer, fetched))

    def mentions(self) -> list[StoredMention]:
        """Every resolved mention of the articles not retired, by article and position."""
        rows = self.con.execute(
            """SELECT m.article_id, m.surface, p.place_id, p.name, p.lat, p.lon, p.country, p.admin1,
               p.feature,
                      p.precision, p.population
               FROM mention m JOIN place p USING (place_id) JOIN article a ON a.id = m.article_id
               WHERE a.retired = 0 ORDER BY m.article_id, m.start"""
        ).fetchall()
        return [StoredMention(r[0], r[1], Place(*r[2:])) for r in rows]

    def wanted(self, table: str, ids: Iterable[str]) -> str:
        """Fill a temporary table with ``ids``; return a condition "IN (...)" on it."""
        self.con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id TEXT PRIMARY KEY)")
        self.con.execute(f"DELETE FROM {table}")
        self.con.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?)", ((i,) for i in ids))
        return f"IN (SELECT id FROM {table})"

    def claims(self, *, places: Iterable[str] | None = None,
               articles: Iterable[str] | None = None) -> list[Claim]:
        """Claims of the articles not retired, in a stable order: all, or those on ``places``, or of
        ``articles``; the days of undated articles completed by the year the dating stage
        (:mod:`geo.store.dating`) gave them."""
        where = "a.retired = 0"
        if places is not None:
            where += " AND c.place_id " + self.wanted("wanted_place", places)
        if articles is not None:
            where += " AND c.article_id " + self.wanted("wanted_article", articles)
        rows = self.con.execute(
            f"""SELECT c.claim_id, c.article_id, c.place_id, c.surface, c.controller, c.event, c.claimant,
                       c.claimant_side, c.stance, c.event_date, c.date_precision, c.date_text, c.quote,
                       c.confidence, c.start, c.rule, c.part, a.published IS NULL
                FROM claim c JOIN article a ON a.id = c.article_id WHERE {where}
                ORDER BY c.claim_id""").fetchall()
        ids = {r[2] for r in rows}
        places_by_id = {r[0]: Place(*r) for r in self.con.execute(
            "SELECT place_id, name, lat, lon, country, admin1, feature, precision, population FROM place "
            "WHERE place_id "
            + self.wanted("wanted_place", ids))}
        days = functools.lru_cache(maxsize=None)(_date)
        years = self.article_years()
        return [with_year(Claim(r[0], r[1], places_by_id[r[2]], r[3], r[4], r[5], r[6], r[7], r[8],
                                days(r[9]), r[10], r[11], r[12], r[13], r[14], rule=r[15], part=r[16]),
                          years.get(r[1]) if r[17] else None) for r in rows]

    # --- what changed since the outputs were last made, and the years of the undated articles ---------------

    def claim_voices(self, articles: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """``(claimant, quote)`` of every claim of these articles, by article."""
        voices: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for article_id, claimant, quote in self.con.execute(
                "SELECT DISTINCT article_id, claimant, quote FROM claim WHERE article_id "
                + self.wanted("wanted_article", articles)):
            voices[article_id].append((claimant, quote))
        return voices

    def dirty_places(self) -> set[str]:
        """Places whose claims changed since their outputs were last made."""
        return {r[0] for r in self.con.execute("SELECT place_id FROM dirty_place")}

    def undated_articles(self, places: Iterable[str]) -> list[str]:
        """Articles not retired, without a publication date, that make claims on ``places``."""
        return [r[0] for r in self.con.execute(
            "SELECT DISTINCT a.id FROM article a JOIN claim c ON c.article_id = a.id WHERE a.retired = 0 "
            "AND a.published IS NULL AND c.place_id " + self.wanted("wanted_place", places)
            + " ORDER BY a.id")]

    def dated_years(self, places: Iterable[str]) -> dict[tuple[str, str], Counter[int]]:
        """For each (place, controller) of ``places``: the years of the dated claims of dated articles,
        counted."""
        years: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
        for place_id, controller, year, n in self.con.execute(
                "SELECT c.place_id, c.controller, CAST(substr(c.event_date, 1, 4) AS INTEGER), count(*) FROM "
                "claim c JOIN article a ON a.id = c.article_id WHERE a.retired = 0 AND a.published IS NOT "
                "NULL AND c.event_date IS NOT NULL AND c.place_id " + self.wanted("wanted_place", places)
                + " GROUP BY 1, 2, 3"):
            years[(place_id, controller)][year] = n
        return years

    def mark_places(self, places: Iterable[str]) -> None:
        """Mark these places as changed (within the caller's transaction)."""
        self.con.executemany("INSERT OR IGNORE INTO dirty_place VALUES (?)", [(p,) for p in sorted(places)])

    def set_years(self, years: Mapping[str, int | None]) -> None:
        """Keep the years other reports give undated articles (None: none), within the caller's
        transaction."""
        self.con.executemany("INSERT OR REPLACE INTO article_year VALUES (?,?)",
                             [(a, y) for a, y in years.items() if y])
        self.con.executemany("DELETE FROM article_year WHERE article_id = ?",
                             [(a,) for a, y in years.items() if not y])

    def article_years(self) -> dict[str, int]:
        """The years other reports gave the undated articles."""
        return dict(self.con.execute("SELECT article_id, year FROM article_year").fetchall())

    def set_meta(self, key: str, value: str) -> None:
        """Keep a value about the store's own state."""
        with self.con:
            self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
