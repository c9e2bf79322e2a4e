"""The outputs' own tables, in the store's file: each claimed place's share of every output file, each
article's entry on the map, the map page without its data, and what the files held when they were last
written.

The store (:mod:`geo.store.db`) says what changed (the places whose claims changed, a count of changes to the
articles); this cache keeps what was drawn of them, so that a re-run draws again only what changed. Its tables
have their own schema version (``outputs_schema`` in the store's ``meta``) and migrations.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from geo.store.db import Store

SCHEMA_VERSION = 1

#: stores made before the cache had a schema of its own hold these tables already, in this shape (store
#: schema 6)
_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE IF NOT EXISTS article_out (article_id TEXT PRIMARY KEY, entry TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS place_out (
        place_id TEXT PRIMARY KEY, name TEXT NOT NULL, claims INTEGER NOT NULL, region INTEGER NOT NULL,
        first_day INTEGER, last_day INTEGER, feature BLOB NOT NULL, map_row TEXT NOT NULL
    ) WITHOUT ROWID;
    -- the big shares, each in a table of its own kept in the order of the claim files: read from start to end
    CREATE TABLE IF NOT EXISTS features_out (
        name TEXT, place_id TEXT, share BLOB NOT NULL, PRIMARY KEY (name, place_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS features_out_place ON features_out(place_id);
    CREATE TABLE IF NOT EXISTS csv_out (
        name TEXT, place_id TEXT, share BLOB NOT NULL, PRIMARY KEY (name, place_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS csv_out_place ON csv_out(place_id);
    """,
}

_SHARES = ("features_out", "csv_out")


@dataclass(frozen=True, slots=True)
class PlaceOutput:
    """One place's share of each output."""

    place_id: str
    name: str
    claims: int
    features: bytes  # its claims' features in claims.geojson
    csv_rows: bytes  # its claims' rows in claims.csv
    feature: bytes  # its feature in places.geojson
    region: bool
    first_day: int | None
    last_day: int | None
    map_row: str  # its row of the map's data (see geo.outputs.maprows.map_place)


class DrawnPlace(NamedTuple):
    """A claimed place as the outputs drew it: its claims, whether a region, its first and last days, its
    feature in places.geojson and its row of the map's data."""

    place_id: str
    name: str
    claims: int
    region: int
    first_day: int | None
    last_day: int | None
    feature: bytes
    map_row: str


class OutputCache:
    """The outputs' tables on the store's connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.con = store.con
        version = int(store.meta("outputs_schema") or 0)
        for v in range(version + 1, SCHEMA_VERSION + 1):
            self.con.executescript(f"BEGIN; {_MIGRATIONS[v]} "
                                   f"INSERT OR REPLACE INTO meta VALUES ('outputs_schema', '{v}'); COMMIT;")

    def outputs_record(self, signature: str) -> dict[str, Any] | None:
        """What :meth:`record_outputs` kept, if the outputs were written by ``signature`` (the code that
        writes them) after the last change to the articles; else None."""
        row = self.store.meta("outputs")
        if row is None:
            return None
        record: dict[str, Any] = json.loads(row)
        return record if record.get("at") == [self.store.meta("generation"), signature] else None

    def record_outputs(self, signature: str, record: dict[str, Any]) -> None:
        """Keep ``record`` (what the outputs hold) as showing the store as it is now."""
        self.store.set_meta("outputs",
                            json.dumps({**record, "at": [self.store.meta("generation"), signature]},
                                       sort_keys=True))

    def drawn_by(self) -> str | None:
        """The code that made the places' shares (:meth:`mark_all_dirty` names it)."""
        return self.store.meta("outputs_code")

    def mark_all_dirty(self, code: str) -> None:
        """Every place is to be drawn again, by ``code`` (the code that draws them changed)."""
        with self.con:
            self.store.mark_changed("SELECT place_id FROM claim UNION SELECT place_id FROM place_out")
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('outputs_code', ?)", (code,))

    def refresh_places(self, done: Iterable[str], outputs: Sequence[PlaceOutput],
                       entries: Mapping[str, str]) -> None:
        """Replace the outputs of the places ``done`` (those still claimed are in ``outputs``) and the map's
        entries of the articles in ``entries``, in one transaction."""
        with self.con:
            wanted = self.store.wanted("wanted_place", done)
            everything = not self.con.execute(
                f"SELECT 1 FROM place_out WHERE place_id NOT {wanted} LIMIT 1").fetchone()
            self.con.executemany("INSERT OR REPLACE INTO article_out VALUES (?,?)", sorted(entries.items()))
            for table in ("place_out", *_SHARES, "dirty_place"):  # all at once, when they all go
                self.con.execute(f"DELETE FROM {table}" if everything
                                 else f"DELETE FROM {table} WHERE place_id {wanted}")
            self.con.executemany("INSERT INTO place_out VALUES (?,?,?,?,?,?,?,?)", [
                (o.place_id, o.name, o.claims, int(o.region), o.first_day, o.last_day, o.feature, o.map_row)
                for o in outputs])
            self.con.executemany("INSERT INTO features_out VALUES (?,?,?)",
                                 [(o.name, o.place_id, o.features) for o in outputs])
            self.con.executemany("INSERT INTO csv_out VALUES (?,?,?)",
                                 [(o.name, o.place_id, o.csv_rows) for o in outputs])
            self.store.changed()  # the files are to be joined again

    def article_entries(self) -> Iterator[tuple[str, str]]:
        """``(article id, entry on the map)`` of the articles not retired that make claims, by id."""
        return iter(self.con.execute(
            "SELECT article_id, entry FROM article_out WHERE article_id IN (SELECT c.article_id FROM claim c "
            "JOIN article a ON a.id = c.article_id WHERE a.retired = 0) ORDER BY article_id"))

    def places_drawn(self) -> Iterator[DrawnPlace]:
        """Every claimed place as drawn, by id."""
        return (DrawnPlace(*r) for r in self.con.execute(
            "SELECT place_id, name, claims, region, first_day, last_day, feature, map_row FROM place_out "
            "ORDER BY place_id"))

    def claim_shares(self, table: str) -> Iterator[bytes]:
        """The places' shares of a claim file (``table``: "features_out" or "csv_out"), in the file's
        order."""
        if table not in _SHARES:
            raise ValueError(f"no table of shares {table!r}")
        return (r[0] for r in self.con.execute(f"SELECT share FROM {table} ORDER BY name, place_id"))

    def skeleton(self, key: str) -> str | None:
        """The map page without its data, if kept under ``key``."""
        kept = self.store.meta("map_skeleton")
        return kept[len(key) + 1:] if kept is not None and kept.startswith(key + "\n") else None

    def keep_skeleton(self, key: str, page: str) -> None:
        """Keep the map page without its data under ``key``."""
        self.store.set_meta("map_skeleton", f"{key}\n{page}")
