"""Whatever a file holds: reading it fails only with geo's own errors, and every output escapes what it
carries."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.errors import GeoError
from geo.ingest.read import parse_article, parse_feed
from geo.models import Article
from geo.outputs.export import claim_table, claims_csv, claims_geojson
from geo.outputs.render import render_map
from geo.outputs.timeline import statuses
from geo.places.gazetteer import Gazetteer
from geo.work.process import process_article

# Text that looks like news some of the time: place names, triggers, markup and template syntax among noise.
WORDS = st.sampled_from(["Russian", "forces", "captured", "Avdiivka", "Ukraine", "said", "liberated",
                         "Kupiansk", "the", "village", "of", "<script>", "</script>", "{{ 7*7 }}", "${x}",
                         "`", "\\", "&amp;", "\"", "'", "on", "Monday", "denied", "Toretsk", "region",
                         "Donetsk", ",", ".", "\n", "---", "title:"])
NEWS = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_an_article_or_a_named_error(raw: bytes) -> None:
    try:
        article = parse_article(Path("any.md"), raw)
    except GeoError as err:
        assert "any.md" in str(err)
    else:
        assert article.text and article.id
    try:
        items = list(parse_feed(Path("any.jsonl"), raw))
    except GeoError as err:
        assert "any.jsonl" in str(err)
    else:
        assert all(item.path.startswith("any.jsonl") for item in items)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(NEWS, st.one_of(st.none(), st.dates(date(2022, 1, 1), date(2026, 1, 1))))
def test_any_text_gives_claims_whose_outputs_escape_what_they_hold(gazetteer: Gazetteer, text: str,
                                                                  published: date | None) -> None:
    if not text.strip():
        return
    article = Article("prop", "prop.md", f"Title {text[:40]}", published, f"Source {text[:20]}",
                      "https://example.org/p", text)
    claims = process_article(article, gazetteer).claims
    articles = {article.id: article}
    rows = list(csv.DictReader(io.StringIO(claims_csv(claim_table(claims, articles)), newline="")))
    assert (sorted(r["quote"] for r in rows)
            == sorted(c.quote.replace("\r\n", "\n").replace("\r", "\n") for c in claims))
    features = json.loads(claims_geojson(claim_table(claims, articles)))["features"]
    assert sorted(f["properties"]["quote"] for f in features) == sorted(c.quote for c in claims)
    page = render_map(statuses(claims, articles), articles, {})
    island = page.split('<script type="application/json" id="geo-data">', 1)[1].split("</script>", 1)[0]
    assert not set("<>&") & set(island)
    kept = json.loads(island)["articles"].get(article.id, [None] * 6)
    assert ((kept[4] or [], kept[5] or [])
            == (sorted({c.claimant for c in claims}), sorted({c.quote for c in claims})))
