"""The map: self-contained, deterministic, safe with hostile text, and usable in a real headless Chromium."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from geo.claims.merge import claim_id
from geo.models import Article, Claim, Place
from geo.outputs.render import render_map
from geo.outputs.timeline import statuses
from tests.conftest import chromium, open_in_chromium

PAYLOAD = ('</script><img src=x onerror="window.__pwned=1"> ${window.__pwned=1} `x` \\ <b '
           "onmouseover=window.__pwned=1> {{ 7*7 }} {% if true %}jinja{% endif %} __GEO_SLOT_js__")
SELYDOVE = Place("geonames:694677", "Selydove", 48.1465, 37.3022, "UA", "Donetsk Oblast", "settlement",
                 "exact", 21521)
HIRNYK = Place("geonames:707688", "Hirnyk", 48.05, 37.37, "UA", "Donetsk Oblast", "settlement", "exact",
               10000)
TORETSK = Place("geonames:709611", "Toretsk", 48.39, 37.85, "UA", "Donetsk Oblast", "settlement", "exact",
                30000)
BOHO = Place("katottg:UA14040050030035457", "Bohoiavlenka", 47.78, 37.25, "UA", "Donetsk Oblast",
             "settlement", "approximate")
KURSK = Place("region:RU-41", "Kursk Oblast", 51.66, 35.97, "RU", "Kursk Oblast", "region", "region")
BORDERS = {"type": "FeatureCollection", "labels": [["Ukraine", 48.8, 31.0]], "features": [
    {"type": "Feature", "properties": {"name": "Ukraine"},
     "geometry": {"type": "Polygon",
                  "coordinates": [[[22.0, 45.0], [40.0, 45.0], [40.0, 52.0], [22.0, 52.0], [22.0, 45.0]]]}}]}


def claim(place: Place, controller: str, event: str, side: str, stance: str, day: date | None, aid: str, *,
          surface: str | None = None, quote: str = "A quote.") -> Claim:
    return Claim(claim_id(aid, place.place_id, event, controller, side, stance, day), aid, place,
                 surface or place.name,
                 controller, event, f"Claimant {PAYLOAD}", side, stance, day, "day" if day else None, None,  # type: ignore[arg-type]
                 quote, 0.8)


def article(aid: str, url: str | None) -> Article:
    return Article(aid, f"{aid}.md", f"Title {PAYLOAD}", date(2024, 10, 29), f"Source {PAYLOAD}", url, "text")


@pytest.fixture()
def data() -> tuple[list[Claim], dict[str, Article]]:
    claims = [claim(SELYDOVE, "UA", "holds", "UA", "claimed", date(2024, 9, 1), "a1",
                    quote="Ukraine holds Selydove."),
              claim(SELYDOVE, "RU", "captured", "RU", "claimed", date(2024, 10, 29), "a2",
                    surface=f"Selidovo {PAYLOAD}", quote=f"Moscow claimed Selydove. {PAYLOAD}"),
              claim(HIRNYK, "RU", "captured", "RU", "claimed", date(2024, 10, 29), "a2", surface="Girnyk"),
              claim(TORETSK, "RU", "captured", "RU", "claimed", date(2024, 10, 20), "a3"),
              claim(TORETSK, "RU", "captured", "UA", "denied", date(2024, 10, 21), "a3"),
              claim(BOHO, "RU", "captured", "RU", "claimed", None, "a4"),
              claim(KURSK, "UA", "holds", "third_party", "confirmed", date(2024, 6, 1), "a1"),
              ]
    articles = {a.id: a for a in (article("a1", "https://example.org/a1"), article("a2", "https://example.org/a2"),
                                  article("a3", None), article("a4", "javascript:window.__pwned=1"))}
    return claims, articles


def page_of(tmp_path: Path, data: tuple[list[Claim], dict[str, Article]]) -> Path:
    claims, articles = data
    path = tmp_path / "map.html"
    path.write_text(render_map(statuses(claims, articles), articles, BORDERS), encoding="utf-8")
    return path


def test_map_is_self_contained_and_deterministic(data: tuple[list[Claim], dict[str, Article]]) -> None:
    claims, articles = data
    html = render_map(statuses(claims, articles), articles, BORDERS)
    assert html == render_map(statuses(claims, articles), articles, BORDERS)
    assert "<script src" not in html and "<link" not in html and "@import" not in html
    assert "cdn.jsdelivr" not in html and "code.jquery" not in html and "unpkg" not in html
    assert "Leaflet 1.9.4" in html and "geoMap(" in html
    island = html.split('<script type="application/json" id="geo-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in island and ">" not in island and "&" not in island  # hostile text cannot end the island
    assert PAYLOAD not in html and "</script><img" not in html


PLACES = """() => {
    const out = {};
    const map = Object.values(window).find(v => v instanceof L.Map);
    map.eachLayer(l => { if (l.geo) { out[l.geo.name] = l.geo.status.controller; } });
    return out;
}"""
SET_DAY = """(iso) => {
    const slider = document.querySelector('.geo-slider');
    slider.value = String(Math.floor(Date.parse(iso) / 86400000));
    slider.dispatchEvent(new Event('input'));
    return document.querySelector('.geo-day').textContent;
}"""


@pytest.mark.browser
def test_the_map_offline_shows_status_over_time_search_and_history(tmp_path: Path, data: Any) -> None:
    with chromium(page_of(tmp_path, data)) as browsed:
        page = browsed.page
        latest = page.evaluate(PLACES)
        assert latest == {"Selydove": "RU", "Hirnyk": "RU", "Toretsk": "contested", "Bohoiavlenka": "RU",
                          "Kursk Oblast": "UA"}
        # RU, UA, contested, contested but stale, undated in the legend
        assert page.locator(".geo-count").all_text_contents() == ["3", "1", "1", "0", "0"]

        # the slider: before the capture Selydove is Ukraine's; places not yet claimed are not drawn
        assert page.evaluate(SET_DAY, "2024-09-15") == "2024-09-15"
        assert page.evaluate(PLACES) == {"Selydove": "UA", "Kursk Oblast": "UA"}
        page.evaluate(SET_DAY, "2024-10-30")
        assert page.evaluate(PLACES)["Selydove"] == "RU"
        page.get_by_role("button", name="Latest").click()
        assert page.locator(".geo-day").text_content() == "latest claims" and page.evaluate(PLACES) == latest

        # search by any spelling
        search = page.get_by_placeholder("Find a place (any spelling)")
        for spelling in ("Girnyk", "Hirnyk", "hirnik"):
            search.fill(spelling)
            assert page.locator(".geo-results li").first.text_content().startswith("Hirnyk"), spelling
        search.fill("Selidovo")
        search.press("Enter")
        popup = page.locator(".geo-popup")
        assert popup.locator("h4").text_content() == "Selydove"
        days = [b.text_content() for b in popup.locator("li b").all()]
        assert days == ["2024-09-01 (day)", "2024-10-29 (day)"]  # the history, oldest first
        links = popup.locator("a")
        assert ([links.nth(i).get_attribute("href") for i in range(links.count())]
                == ["https://example.org/a1", "https://example.org/a2"])
        assert links.first.get_attribute("target") == "_blank"
        assert "Moscow claimed Selydove." in popup.text_content()

        # filters by controller
        page.get_by_label("Russia").uncheck()
        assert set(page.evaluate(PLACES)) == {"Toretsk", "Kursk Oblast"}
        assert browsed.errors == [] and browsed.outside == []


@pytest.mark.browser
def test_hostile_article_text_never_runs_whichever_popup_or_tooltip_opens(tmp_path: Path, data: Any) -> None:
    seen = open_in_chromium(page_of(tmp_path, data))
    assert (seen["maps"], seen["markers"]) == (1, 5)
    assert seen["errors"] == [] and seen["outside"] == []
    assert seen["pwned"] is False
    assert any("onerror" in text for text in seen["popups"])  # the hostile text is shown as text, not run
    # nor as a template
    assert any("{{ 7*7 }} {% if true %}jinja{% endif %}" in text for text in seen["popups"])
    assert "javascript:window.__pwned=1" not in seen["links"]  # a javascript: url never becomes a link


def test_the_first_view_fits_the_bulk_of_the_places_not_a_stray_one(tmp_path: Path) -> None:
    # twelve places around Pokrovsk and one namesake in the Arctic (Arkhangelsk, 1,900 km away)
    near = [Place(f"geonames:{i}", f"Village {i}", 48.2 + i * 0.03, 37.1 + i * 0.02, "UA", "Donetsk Oblast",
                  "settlement", "exact") for i in range(12)]
    stray = Place("geonames:581049", "Arkhangelsk", 64.54, 40.54, "RU", "Arkhangelsk Oblast", "settlement",
                  "exact", 350000)
    claims = [claim(p, "RU", "captured", "RU", "claimed", date(2024, 10, 1), "a1") for p in [*near, stray]]
    articles = {"a1": article("a1", "https://example.org/a1")}
    with chromium(page_of(tmp_path, (claims, articles))) as browsed:
        view = browsed.page.evaluate("""() => {
            const map = Object.keys(window).map(k => window[k]).find(v => v instanceof L.Map);
            const b = map.getBounds();
            return {north: b.getNorth(), south: b.getSouth(), west: b.getWest(), east: b.getEast(),
                    markers: (() => {
                let n = 0; map.eachLayer(l => { if (l.geo) n++; }); return n; })()};
        }""")
        # the Arctic is not in view
        assert view["north"] < 55 and view["south"] <= 48.2 and view["east"] >= 37.32, view
        assert view["markers"] == 13  # the stray place is still drawn


def test_search_keys_are_the_other_spellings_the_names_do_not_give() -> None:
    from geo.outputs.maprows import MAX_SEARCH_KEYS, search_keys

    keys = search_keys(["artemivsk", "artemovsk", "bakhmut", "бахмут", "артемівськ", "ab"],
                       ["Bakhmut", "Bachmut"])
    # Bakhmut's own spellings and Cyrillic forms of them fold away; "ab" is too short
    assert keys == ["artemivsk", "artemovsk"]
    assert (len(search_keys([f"village number {chr(97 + i)}x" for i in range(20)], ["Other"]))
            == MAX_SEARCH_KEYS)


def test_the_page_script_reads_the_codes_in_the_orders_python_packs_them() -> None:
    """The orders of controllers, stances, events and date precisions are written once, in maprows.py: the
    page's script is filled in from them (a reordering in Python reaches the page)."""
    from geo.outputs.maprows import PAGE_CODES
    from geo.outputs.render import skeleton

    page = skeleton()
    assert not any(f"@{name}@" in page for name in PAGE_CODES)
    for name, values in PAGE_CODES.items():
        assert f"var {name} = [{', '.join(repr(v) for v in values)}];" in page
