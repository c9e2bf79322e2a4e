from datetime import date
from pathlib import Path

import pytest

from geo.claims import claim_id
from geo.models import Article, Claim, Place
from geo.render import render_map
from geo.timeline import statuses
from tests.conftest import open_in_chromium

PAYLOAD = "</script><img src=x onerror=\"window.__pwned=1\"> ${window.__pwned=1} `x` \\ <b onmouseover=window.__pwned=1>"
SELYDOVE = Place("geonames:694677", "Selydove", 48.1465, 37.3022, "UA", "Donetsk Oblast", "settlement", "exact", 21521)
BOHO = Place("katottg:UA14040050030035457", "Bohoiavlenka", 47.78, 37.25, "UA", "Donetsk Oblast", "settlement", "approximate")
KURSK = Place("region:RU-41", "Kursk Oblast", 51.66, 35.97, "RU", "Kursk Oblast", "region", "region")


def make(place: Place, controller: str, aid: str, quote: str, day: date | None, url: str | None) -> tuple[Claim, Article]:
    a = Article(aid, f"{aid}.md", f"Title {PAYLOAD}", date(2024, 10, 29), f"Source {PAYLOAD}", url, quote)
    c = Claim(claim_id(aid, place.place_id, "captured", controller, "RU", "claimed"), aid, place, place.name, controller,  # type: ignore[arg-type]
              "captured", f"Moscow {PAYLOAD}", "RU", "claimed", day, "day" if day else None, None, quote, 0.9)
    return c, a


@pytest.fixture()
def data() -> tuple[list[Claim], dict[str, Article]]:
    rows = [
        make(SELYDOVE, "RU", "a1", f"Moscow claimed Selydove. {PAYLOAD}", date(2024, 10, 29), "https://example.org/a1"),
        make(BOHO, "RU", "a2", "Bohoiavlenka too.", None, "javascript:window.__pwned=1"),
        make(KURSK, "UA", "a3", "Kursk held.", date(2024, 6, 1), None),
    ]
    return [c for c, _ in rows], {a.id: a for _, a in rows}


def test_map_is_self_contained_and_deterministic(data: tuple[list[Claim], dict[str, Article]]) -> None:
    claims, articles = data
    html = render_map(statuses(claims, articles), articles)
    assert html == render_map(statuses(claims, articles), articles)
    assert "<script src" not in html and "<link" not in html and "@import" not in html
    assert "cdn.jsdelivr" not in html and "code.jquery" not in html
    assert "L.map(" in html and "L.circleMarker" in html
    assert "onerror" not in html.replace("\\u003c", "<").split("<script>", 1)[0]
    assert PAYLOAD not in html and "</script><img" not in html


@pytest.mark.browser
def test_map_in_headless_chromium_offline_runs_no_injected_code(tmp_path: Path, data: tuple[list[Claim], dict[str, Article]]) -> None:
    claims, articles = data
    page_path = tmp_path / "map.html"
    page_path.write_text(render_map(statuses(claims, articles), articles), encoding="utf-8")
    seen = open_in_chromium(page_path)
    assert (seen["maps"], seen["markers"]) == (1, 3)
    assert seen["errors"] == [] and seen["outside"] == []
    assert seen["pwned"] is False
    assert any("onerror" in text for text in seen["popups"])  # the hostile text is shown as text, not run
    assert seen["links"] == ["https://example.org/a1"]  # a javascript: url never becomes a link
