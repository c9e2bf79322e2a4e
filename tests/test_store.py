import csv
import io
import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from geo.claims.merge import claim_id
from geo.models import Article, Claim, Mention, Place, Resolved
from geo.outputs.cache import OutputCache
from geo.outputs.files import write
from geo.store.db import Store
from geo.store.schema import SCHEMA_VERSION
from geo.work.process import Processed

PLACE = Place("geonames:694677", "Selydove", 48.1465, 37.3022, "UA", "Donetsk Oblast", "settlement", "exact",
              21521)


def article(text: str = "Moscow claimed Selydove.", aid: str = "a1") -> Article:
    return Article(aid, "seeds/a.md", "Title", date(2024, 10, 29), "Daily", "https://example.org/a", text)


def claim(aid: str = "a1") -> Claim:
    return Claim(claim_id(aid, PLACE.place_id, "captured", "RU", "RU", "claimed"), aid, PLACE, "Selydove",
                 "RU", "captured", "Moscow", "RU", "claimed", date(2024, 10, 29), "day", "on Tuesday",
                 "Moscow claimed Selydove.", 0.9, 15)


def resolved(aid: str = "a1") -> Resolved:
    return Resolved(Mention(aid, 15, 23, "Selydove", 0), PLACE, 1, "1 candidate(s)")


def processed(*claims: Claim) -> Processed:
    return Processed([resolved()] if claims else [], [], list(claims), {"Selydove": "abc"} if claims else {})


def test_round_trip_and_idempotent_save(tmp_path: Path) -> None:
    path = tmp_path / "geo.sqlite"
    with Store(path) as store:
        assert store.states() == {}
        store.save([(article(), processed(claim()), "1")])
        store.save([(article(), processed(claim()), "1")])
        assert store.states() == {"a1": ("1", "seeds/a.md", False)}
    with Store(path) as store:
        assert store.claims() == [claim()]
        assert store.articles() == [article()]
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM claim").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM mention").fetchone()[0] == 1


def test_retired_articles_leave_the_outputs_but_stay_in_the_store(tmp_path: Path) -> None:
    with Store(tmp_path / "geo.sqlite") as store:
        store.save([(article(), processed(claim()), "1"), (article("Other text.", "a2"), processed(), "1")])
        assert store.retire(["a1"]) == 1 and store.retire(["a1"]) == 0
        assert store.claims() == [] and [a.id for a in store.articles()] == ["a2"]
        assert store.states()["a1"] == ("1", "seeds/a.md", True)
        store.touch([("a1", "seeds/a.md")])
        assert store.claims() == [claim()]


def test_outputs_are_due_after_any_change_to_the_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "geo.sqlite") as store:
        cache = OutputCache(store)
        assert cache.outputs_record("v1") is None
        store.save([(article(), processed(claim()), "1")])
        cache.record_outputs("v1", {"claims": 1})
        assert cache.outputs_record("v1") == {"claims": 1, "at": [store.meta("generation"), "v1"]}
        assert cache.outputs_record("v2") is None  # other code writes other outputs
        store.retire([])  # nothing retired: nothing due
        assert cache.outputs_record("v1") is not None
        store.retire(["a1"])
        assert cache.outputs_record("v1") is None


def test_the_rule_of_a_claim_survives_the_store(tmp_path: Path) -> None:
    path = tmp_path / "geo.sqlite"
    with Store(path) as store:
        store.save([(article(), processed(replace(claim(), rule="capture.verb")), "1")])
    with Store(path) as store:
        assert [c.rule for c in store.claims()] == ["capture.verb"]
        assert [c.rule for c in store.claims(articles=["a1"])] == ["capture.verb"]


def test_a_store_of_schema_6_is_migrated_and_still_opens(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "geo.sqlite"
    with monkeypatch.context() as m:  # a store as geo left it before claims had rules
        m.setattr("geo.store.db.SCHEMA_VERSION", 6)
        Store(path).close()
    c, a = claim(), article()
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO article VALUES (?,?,?,?,?,?,?,?,0)",
                    (a.id, a.path, a.title, "2024-10-29", a.source, a.url, a.text, "4"))
        con.execute("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)",
                    (PLACE.place_id, PLACE.name, PLACE.lat, PLACE.lon, PLACE.country, PLACE.admin1,
                     PLACE.feature, PLACE.precision, PLACE.population))
        con.execute("INSERT INTO claim VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (c.claim_id, a.id, PLACE.place_id, c.surface, c.controller, c.event, c.claimant,
                     c.claimant_side, c.stance, "2024-10-29", c.date_precision, c.date_text, c.quote,
                     c.confidence, c.start))
    con.close()
    with Store(path) as store:
        assert store.claims() == [c] and [k.rule for k in store.claims()] == [""]  # no rule until read again
        assert [k.part for k in store.claims()] == [""]  # nor a part
        assert store.states() == {"a1": ("4", "seeds/a.md", False)}
        store.save([(a, processed(replace(c, rule="capture.verb", part="eastern outskirts")), "5")])
        assert [(k.rule, k.part) for k in store.claims()] == [("capture.verb", "eastern outskirts")]
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_rule_and_part_are_in_claims_geojson_and_right_after_confidence_in_claims_csv(
    tmp_path: Path, cache_dir: Path) -> None:
    out = tmp_path / "output"
    with Store(out / "geo.sqlite") as store:
        store.save([(article(), processed(replace(claim(), rule="capture.verb", part="eastern outskirts")),
                     "1"),
                    (article("Kyiv said Selydove.", "a2"),
                     processed(replace(claim("a2"), rule="=HYPERLINK(1)", part="@SUM(1)")), "1")])
        write(out, store, cache_dir)
    features = json.loads((out / "claims.geojson").read_text(encoding="utf-8"))["features"]
    # GeoJSON as it is
    assert sorted(f["properties"]["rule"] for f in features) == ["=HYPERLINK(1)", "capture.verb"]
    assert sorted(f["properties"]["part"] for f in features) == ["@SUM(1)", "eastern outskirts"]
    header, *rows = csv.reader(io.StringIO((out / "claims.csv").read_text(encoding="utf-8")))
    assert header[header.index("confidence") + 1:] == ["rule", "part", "lat", "lon"]
    # a formula is escaped
    assert sorted(r[header.index("rule")] for r in rows) == ["'=HYPERLINK(1)", "capture.verb"]
    assert sorted(r[header.index("part")] for r in rows) == ["'@SUM(1)", "eastern outskirts"]


def test_a_year_from_other_reports_completes_only_an_undated_article(tmp_path: Path) -> None:
    """The dating stage's year is applied to the claims of an article without a publication date; once the
    article is saved again with one, its own date rules and the kept year goes."""
    undated = replace(article(), published=None)
    day_only = replace(claim(), event_date=None, date_precision=None, date_text="29 February")
    with Store(tmp_path / "geo.sqlite") as store:
        store.save([(undated, processed(day_only), "1")])
        with store.con:
            store.set_years({"a1": 2024})
        [dated] = store.claims()
        assert ((dated.event_date, dated.date_text)
                == (date(2024, 2, 29), "29 February (year from other reports)"))
        store.save([(article(), processed(day_only), "1")])  # the article now has a publication date
        [own] = store.claims()
        assert (own.event_date, own.date_text) == (None, "29 February")
        assert store.article_years() == {}
