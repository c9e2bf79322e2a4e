"""The store's tables, as the migrations that made them, one per schema version: a store of an older version
is brought up to date when opened, a newer one is refused."""

from __future__ import annotations

SCHEMA_VERSION = 8

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE article (
        id TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL, published TEXT, source TEXT, url TEXT,
        text TEXT NOT NULL, extractor_version TEXT NOT NULL, retired INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE place (
        place_id TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
        country TEXT NOT NULL, admin1 TEXT, feature TEXT NOT NULL, precision TEXT NOT NULL,
        population INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE mention (
        article_id TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE, start INTEGER NOT NULL,
        end INTEGER NOT NULL, surface TEXT NOT NULL, place_id TEXT REFERENCES place(place_id),
        candidates INTEGER NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (article_id, start)
    );
    CREATE TABLE claim (
        claim_id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE,
        place_id TEXT NOT NULL REFERENCES place(place_id), surface TEXT NOT NULL, controller TEXT NOT NULL,
        event TEXT NOT NULL, claimant TEXT NOT NULL, claimant_side TEXT NOT NULL, stance TEXT NOT NULL,
        event_date TEXT, date_precision TEXT, date_text TEXT, quote TEXT NOT NULL, confidence REAL NOT NULL,
        start INTEGER NOT NULL
    );
    CREATE INDEX claim_article ON claim(article_id);
    """,
    2: """
    ALTER TABLE mention ADD COLUMN ranking TEXT NOT NULL DEFAULT '[]';
    CREATE TABLE geocode (
        provider TEXT NOT NULL, query TEXT NOT NULL, answer TEXT, fetched TEXT NOT NULL,
        PRIMARY KEY (provider, query)
    );
    """,
    3: """
    CREATE TABLE article_name (
        article_id TEXT NOT NULL REFERENCES article(id) ON DELETE CASCADE, name TEXT NOT NULL,
        PRIMARY KEY (article_id, name)
    ) WITHOUT ROWID;
    CREATE INDEX article_name_name ON article_name(name);
    CREATE TABLE name_state (name TEXT PRIMARY KEY, state TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    """,
    4: """
    CREATE TABLE seed_file (
        path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ids TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    5: """
    CREATE INDEX claim_place ON claim(place_id);
    CREATE TABLE dirty_place (place_id TEXT PRIMARY KEY) WITHOUT ROWID;
    INSERT INTO dirty_place SELECT DISTINCT place_id FROM claim;
    CREATE TABLE article_year (article_id TEXT PRIMARY KEY, year INTEGER NOT NULL) WITHOUT ROWID;
    """,
    6: """
    -- the outputs' table of store schema 5, made otherwise since: geo.outputs.cache keeps the outputs' tables
    DROP TABLE IF EXISTS place_out;
    INSERT OR IGNORE INTO dirty_place SELECT DISTINCT place_id FROM claim;
    """,
    # the rule that made each claim; claims stored before it have none until their article is read again
    7: """
    ALTER TABLE claim ADD COLUMN rule TEXT NOT NULL DEFAULT '';
    """,
    # the part of the place a claim is about ("eastern outskirts"); claims stored before it have none until
    # read again
    8: """
    ALTER TABLE claim ADD COLUMN part TEXT NOT NULL DEFAULT '';
    """,
}
