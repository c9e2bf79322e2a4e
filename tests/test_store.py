import sqlite3
from datetime import date
from pathlib import Path

from geo.claims import claim_id
from geo.models import Article, Claim, Mention, Place, Resolved
from geo.process import Processed
from geo.store import SCHEMA_VERSION, Store

PLACE = Place("geonames:694677", "Selydove", 48.1465, 37.3022, "UA", "Donetsk Oblast", "settlement", "exact", 21521)


def article(text: str = "Moscow claimed Selydove.", aid: str = "a1") -> Article:
    return Article(aid, "seeds/a.md", "Title", date(2024, 10, 29), "Daily", "https://example.org/a", text)


def claim(aid: str = "a1") -> Claim:
    return Claim(claim_id(aid, PLACE.place_id, "captured", "RU", "RU", "claimed"), aid, PLACE, "Selydove", "RU", "captured",
                 "Moscow", "RU", "claimed", date(2024, 10, 29), "day", "on Tuesday", "Moscow claimed Selydove.", 0.9, 15)


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
        assert store.outputs_record("v1") is None
        store.save([(article(), processed(claim()), "1")])
        store.record_outputs("v1", {"claims": 1})
        assert store.outputs_record("v1") == {"claims": 1, "at": [store.meta("generation"), "v1"]}
        assert store.outputs_record("v2") is None  # other code writes other outputs
        store.retire([])  # nothing retired: nothing due
        assert store.outputs_record("v1") is not None
        store.retire(["a1"])
        assert store.outputs_record("v1") is None
