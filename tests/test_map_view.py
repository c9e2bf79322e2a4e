"""What an analyst reads on the map (issue 15), checked in a real headless Chromium, offline: every place
drawn, the age of each status, places at one point all visible, regions not drawn as control dots, what
changed between two days, and the details of popups, search, legend and time controls."""

from datetime import date
from pathlib import Path

import pytest

from geo.claims.merge import claim_id
from geo.models import Article, Claim, Place
from geo.outputs.render import render_map
from geo.outputs.timeline import statuses
from tests.conftest import chromium

pytestmark = pytest.mark.browser

NEWEST = date(2025, 6, 30)


def place(pid: str, name: str, lat: float, lon: float, *, feature: str = "settlement",
          precision: str = "exact") -> Place:
    return Place(pid, name, lat, lon, "UA", "Donetsk Oblast" if feature != "region" else name, feature,
                 precision, 5000)


KUPIANSK = place("geonames:1", "Kupiansk", 49.71, 37.61)
VUZLOVYI = place("geonames:2", "Kupiansk-Vuzlovyi", 49.66, 37.68)
IZIUM = place("geonames:3", "Izium", 49.21, 37.26)
BAKHMUT = place("geonames:4", "Bakhmut", 48.59, 38.0)
ROBOTYNE = place("geonames:5", "Robotyne", 47.45, 35.84)
# two villages drawn at one hromada centre
NOVE = place("katottg:6", "Nove", 48.1, 37.2, precision="approximate")
STARE = place("katottg:7", "Stare", 48.1, 37.2, precision="approximate")
AVDIIVKA = place("geonames:8", "Avdiivka", 48.14, 37.74)
DONETSK_OBLAST = place("region:UA-14", "Donetsk Oblast", 48.0, 37.8, feature="region", precision="region")


def claim(p: Place, controller: str, event: str, side: str, stance: str, day: date | None, aid: str,
          part: str = "") -> Claim:
    cid = claim_id(aid, p.place_id, event, controller, side, stance, day)
    return Claim(cid, aid, p, p.name, controller, event, f"Claimant of {aid}", side,  # type: ignore[arg-type]
                 stance, day, "day" if day else None, None, f"A quote on {p.name}.", 0.8,  # type: ignore[arg-type]
                 part=part)


CLAIMS = [
    claim(KUPIANSK, "RU", "captured", "RU", "claimed", date(2025, 5, 1), "a1"),
    claim(KUPIANSK, "UA", "recaptured", "UA", "claimed", NEWEST, "a2"),
    claim(VUZLOVYI, "RU", "captured", "RU", "claimed", date(2025, 6, 20), "a1", part="eastern outskirts"),
    claim(IZIUM, "UA", "recaptured", "UA", "confirmed", date(2023, 6, 1), "a3"),
    claim(BAKHMUT, "contested", "fighting", "UA", "claimed", date(2025, 1, 1), "a3"),
    claim(ROBOTYNE, "UA", "recaptured", "UA", "claimed", None, "undated"),
    claim(NOVE, "RU", "captured", "RU", "claimed", date(2025, 3, 1), "a1"),
    claim(STARE, "RU", "captured", "RU", "claimed", date(2025, 3, 2), "a1"),
    claim(AVDIIVKA, "RU", "withdrew", "UA", "confirmed", date(2025, 6, 25), "a2"),
    claim(DONETSK_OBLAST, "RU", "holds", "RU", "claimed", date(2025, 6, 28), "a1"),
]
ARTICLES = {a.id: a for a in (
    Article("a1", "a1.md", "Moscow claims gains", date(2025, 6, 30), "Example News", "https://example.org/a1",
            "text"),
    Article("a2", "a2.md", "Kyiv retakes Kupiansk", NEWEST, "Example Post", "https://example.org/a2", "text"),
    Article("a3", "a3.md", "An old report", date(2023, 6, 2), "Example Times", "https://example.org/a3",
            "text"), Article("undated", "undated.md", "A report with no date", None, None, None, "text"),
)}


@pytest.fixture()
def page_path(tmp_path: Path) -> Path:
    path = tmp_path / "map.html"
    path.write_text(render_map(statuses(CLAIMS, ARTICLES), ARTICLES, {}), encoding="utf-8")
    return path


DRAWN = """() => {
    const map = Object.values(window).find(v => v instanceof L.Map), out = {};
    map.eachLayer(l => { if (l.geo) { const s = l.geo.status; out[l.geo.name] = {
        controller: s.controller, undated: s.undated, stale: s.stale, age: s.age,
        dot: l instanceof L.CircleMarker, area: l instanceof L.GeoJSON, fill: l.options.fillColor || null,
        at: l.getLatLng ? map.latLngToContainerPoint(l.getLatLng()) : null}; } });
    return out;
}"""
OPEN = """(name) => {
    const map = Object.values(window).find(v => v instanceof L.Map);
    map.closePopup();
    map.eachLayer(l => { if (l.geo && l.geo.name === name) { l.openPopup(); } });
    // the popup of this place (one closing may linger a moment)
    const open = [...document.querySelectorAll('.leaflet-popup .geo-popup')]
        .filter(p => p.querySelector('h4').textContent === name);
    return open.length ? open[open.length - 1].textContent : null;
}"""


def test_every_place_is_drawn_at_latest_with_its_age_and_undated_ones_marked(page_path: Path) -> None:
    with chromium(page_path) as browsed:
        page = browsed.page
        drawn = page.evaluate(DRAWN)
        assert set(drawn) == {p.name for p in (KUPIANSK, VUZLOVYI, IZIUM, BAKHMUT, ROBOTYNE, NOVE, STARE,
                                               AVDIIVKA, DONETSK_OBLAST)}
        assert drawn["Robotyne"]["undated"] is True and drawn["Robotyne"]["controller"] == "UA"
        assert drawn["Kupiansk"]["controller"] == "UA" and drawn["Kupiansk"]["age"] == 0
        # a status two years older than the newest claim is drawn faded: a paler blue than a fresh one
        assert drawn["Izium"]["age"] == (NEWEST - date(2023, 6, 1)).days
        assert drawn["Izium"]["fill"] != drawn["Kupiansk"]["fill"]
        assert _lightness(drawn["Izium"]["fill"]) > _lightness(drawn["Kupiansk"]["fill"]) + 60
        assert "last reported 760 days before the newest claim (2025-06-30)" in page.evaluate(OPEN, "Izium")
        # fighting half a year before the newest claim is no longer shown as contested now
        assert drawn["Bakhmut"]["stale"] is True and drawn["Bakhmut"]["fill"] == "#9a9a9a"
        assert "no longer shown as contested" in page.evaluate(OPEN, "Bakhmut")
        assert "undated: no claim on this place gives a date" in page.evaluate(OPEN, "Robotyne")
        counts = page.locator(".geo-count").all_text_contents()
        # RU: Kupiansk-Vuzlovyi, Nove, Stare, Avdiivka, Donetsk Oblast; UA: Kupiansk, Izium; stale: Bakhmut;
        # undated: Robotyne
        assert counts == ["5", "2", "0", "1", "1"]
        assert page.locator(".geo-asof").text_content().startswith("as of 2025-06-30")
        # the slider ends at the newest claim, not at the viewer's today
        assert page.locator(".geo-slider").get_attribute("max") == str((NEWEST - date(1970, 1, 1)).days)
        search = page.get_by_placeholder("Find a place (any spelling)")
        search.fill("Robotyne")
        search.press("Enter")
        assert "Robotyne" in page.locator(".leaflet-popup .geo-popup h4").all_text_contents()
        assert browsed.errors == [] and browsed.outside == []


def _lightness(color: str) -> int:
    return sum(int(color[i:i + 2], 16) for i in (1, 3, 5))


def test_places_at_one_point_are_all_visible_and_a_region_is_no_control_dot(page_path: Path) -> None:
    with chromium(page_path) as browsed:
        drawn = browsed.page.evaluate(DRAWN)
        nove, stare = drawn["Nove"]["at"], drawn["Stare"]["at"]
        assert abs(nove["x"] - stare["x"]) + abs(nove["y"] - stare["y"]) >= 10  # spread apart, both visible
        assert drawn["Donetsk Oblast"]["dot"] is False  # a region is never a dot: it is drawn on its outline
        assert drawn["Donetsk Oblast"]["area"] is True
        assert drawn["Nove"]["dot"] is True
        assert browsed.errors == []


def test_the_change_view_lists_the_places_that_changed_between_two_days_and_only_those(
    page_path: Path) -> None:
    with chromium(page_path) as browsed:
        page = browsed.page
        page.locator(".geo-change-from").fill("2025-06-19")
        page.locator(".geo-change-to").fill("2025-06-30")
        page.get_by_role("button", name="Show").click()
        names = [a.text_content() for a in page.locator(".geo-change > a").all()]
        assert names == ["Avdiivka", "Donetsk Oblast", "Kupiansk", "Kupiansk-Vuzlovyi"]
        kupiansk = page.locator(".geo-change").nth(2).text_content()
        assert "Russia → Ukraine" in kupiansk and "Claimant of a2" in kupiansk
        assert "not reported → Russia" in page.locator(".geo-change").nth(3).text_content()
        page.get_by_role("button", name="Last 7 days").click()
        assert ([a.text_content() for a in page.locator(".geo-change > a").all()]
                == ["Avdiivka", "Donetsk Oblast", "Kupiansk"])
        assert browsed.errors == []


def test_popups_search_legend_and_time_controls(page_path: Path) -> None:
    with chromium(page_path) as browsed:
        page = browsed.page
        text = page.evaluate(OPEN, "Avdiivka")
        # said from the side that left, not "Russia: withdrew"
        assert "Ukraine withdrew; Russia holds it" in text
        assert "Donetsk Oblast" in text and "Kyiv retakes Kupiansk" in text and "published 2025-06-30" in text
        # the part named
        assert "Russia captured it (eastern outskirts of it)" in page.evaluate(OPEN, "Kupiansk-Vuzlovyi")
        page.keyboard.press("Escape")
        search = page.get_by_placeholder("Find a place (any spelling)")
        search.fill("Kupiansk")
        # the exact name before a longer one
        assert page.locator(".geo-results li").first.text_content() == "Kupiansk"
        search.fill("Zzyzx")
        assert page.locator(".geo-results li").all_text_contents() == ["no match"]
        # the legend folds away
        toggle = page.locator(".geo-panel .geo-toggle")
        toggle.click()
        assert page.locator(".geo-legend").is_hidden() and toggle.get_attribute("aria-expanded") == "false"
        toggle.click()
        assert page.locator(".geo-legend").is_visible()
        # a typed day, and steps from claim to claim
        page.locator(".geo-date").fill("2025-05-02")
        page.locator(".geo-date").dispatch_event("change")
        assert page.locator(".geo-day").text_content() == "2025-05-02"
        assert page.evaluate(DRAWN)["Kupiansk"]["controller"] == "RU"
        page.get_by_role("button", name="Next claim").click()
        assert page.locator(".geo-day").text_content() == "2025-06-20"
        page.get_by_role("button", name="Previous day").click()
        assert page.locator(".geo-day").text_content() == "2025-06-19"
        assert browsed.errors == []


def test_on_a_phone_the_legend_and_the_change_view_start_folded_and_clear_of_the_time_bar(
    page_path: Path) -> None:
    with chromium(page_path) as browsed:
        page = browsed.page
        page.set_viewport_size({"width": 390, "height": 844})
        page.reload()
        page.wait_for_timeout(300)
        assert page.locator(".geo-legend").is_hidden() and page.locator(".geo-change-body").is_hidden()
        assert page.locator(".geo-asof").is_visible()
        boxes = page.evaluate("""() => ['.geo-changes', '.geo-time'].map(s => {
            const r = document.querySelector(s).getBoundingClientRect();
            return [r.left, r.top, r.right, r.bottom]; })""")
        (a, b) = boxes
        assert a[3] <= b[1] or b[3] <= a[1] or a[2] <= b[0] or b[2] <= a[0], boxes  # they do not overlap
        assert browsed.errors == []


def test_a_popup_opens_clear_of_the_legend(page_path: Path) -> None:
    with chromium(page_path) as browsed:
        page = browsed.page
        box = page.evaluate("""() => {
            const map = Object.values(window).find(v => v instanceof L.Map);
            let target = null;
            map.eachLayer(l => { if (l.geo && l.geo.name === 'Kupiansk') { target = l; } });
            const panel = document.querySelector('.geo-panel').getBoundingClientRect();
            // put Kupiansk right under the legend, then open its popup
            const size = map.getSize();
            const at = map.latLngToContainerPoint(target.getLatLng());
            map.panBy(at.subtract([size.x - panel.width / 2, panel.height / 2]), {animate: false});
            target.openPopup();
            return null;
        }""")
        assert box is None
        page.wait_for_timeout(600)  # the map pans the popup into view
        overlap = page.evaluate("""() => {
            const a = document.querySelector('.leaflet-popup-content-wrapper').getBoundingClientRect();
            const b = document.querySelector('.geo-panel').getBoundingClientRect();
            return !(a.right <= b.left || a.left >= b.right || a.bottom <= b.top || a.top >= b.bottom);
        }""")
        assert overlap is False
        assert browsed.errors == []


def test_hostile_names_stay_text_in_the_change_list_and_search(tmp_path: Path) -> None:
    payload = "<img src=x onerror=\"window.__pwned=1\">"
    hostile = place("geonames:9", f"Village {payload}", 48.3, 37.3)
    claims = [*CLAIMS, Claim(claim_id("a1", hostile.place_id, "captured", "RU", "RU", "claimed", NEWEST),
                             "a1", hostile, f"Selo {payload}", "RU", "captured", f"Claimant {payload}", "RU",
                             "claimed", NEWEST, "day", None, f"Quote {payload}", 0.8)]
    path = tmp_path / "map.html"
    path.write_text(render_map(statuses(claims, ARTICLES), ARTICLES, {}), encoding="utf-8")
    with chromium(path) as browsed:
        page = browsed.page
        page.get_by_role("button", name="Last 7 days").click()
        assert any(payload in t for t in page.locator(".geo-change").all_text_contents())
        page.get_by_placeholder("Find a place (any spelling)").fill("Selo")
        assert payload in page.locator(".geo-results li").first.text_content()
        assert browsed.pwned() is False and browsed.errors == []


def test_search_finds_a_place_by_an_old_name_the_gazetteer_knows(cache_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from geo.cli import app
    from tests.conftest import write_article

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_article(seeds, "bakhmut.md", "Russia's defence ministry said its forces had captured Bakhmut.",
                  published="2023-05-21")
    result = CliRunner().invoke(app, ["run", "--seeds", str(seeds), "--out", str(tmp_path / "out")],
                                env={"GEO_CACHE_DIR": str(cache_dir)})
    assert result.exit_code == 0, result.stderr
    with chromium(tmp_path / "out" / "map.html") as browsed:
        search = browsed.page.get_by_placeholder("Find a place (any spelling)")
        for old in ("Artemivsk", "Artyomovsk"):  # its name until 2016, in Ukrainian and Russian spelling
            search.fill(old)
            assert browsed.page.locator(".geo-results li").first.text_content() == "Bakhmut", old
        assert browsed.errors == []


def test_fighting_long_ago_gives_way_to_the_last_claim_of_control(tmp_path: Path) -> None:
    claims = [claim(BAKHMUT, "RU", "captured", "RU", "confirmed", date(2024, 5, 20), "a1"),
              claim(BAKHMUT, "contested", "fighting", "UA", "claimed", date(2024, 9, 18), "a1"),
              claim(KUPIANSK, "UA", "holds", "UA", "claimed", NEWEST, "a2")]
    path = tmp_path / "map.html"
    path.write_text(render_map(statuses(claims, ARTICLES), ARTICLES, {}), encoding="utf-8")
    with chromium(path) as browsed:
        drawn = browsed.page.evaluate(DRAWN)
        assert drawn["Bakhmut"]["controller"] == "RU" and drawn["Bakhmut"]["stale"] is False
        assert "shown as the last claim of control says" in browsed.page.evaluate(OPEN, "Bakhmut")
        browsed.page.get_by_role("button", name="Last 30 days").click()  # ageing is no change of hands
        assert browsed.page.locator(".geo-change > a").all_text_contents() == ["Kupiansk"]
        browsed.page.evaluate(SET_DAY, "2024-09-20")  # while the fighting is fresh, it is contested
        assert browsed.page.evaluate(DRAWN)["Bakhmut"]["controller"] == "contested"
        assert browsed.errors == []


SET_DAY = """(iso) => { const s = document.querySelector('.geo-slider');
    s.value = String(Math.floor(Date.parse(iso) / 86400000)); s.dispatchEvent(new Event('input')); }"""


def test_undated_claims_that_disagree_a_region_by_another_name_and_a_map_with_no_dated_claim(
    tmp_path: Path) -> None:
    crimea = place("region:UA-43", "Crimea", 45.3, 34.4, feature="region", precision="region")
    claims = [claim(ROBOTYNE, "UA", "recaptured", "UA", "claimed", None, "undated"),
              claim(ROBOTYNE, "RU", "captured", "RU", "claimed", None, "undated"),
              claim(crimea, "RU", "holds", "RU", "claimed", None, "undated")]
    path = tmp_path / "map.html"
    path.write_text(render_map(statuses(claims, ARTICLES), ARTICLES, {}), encoding="utf-8")
    with chromium(path) as browsed:
        drawn = browsed.page.evaluate(DRAWN)
        assert drawn["Robotyne"]["controller"] == "contested"  # neither side's undated word wins
        assert drawn["Crimea"]["area"] is True  # the Autonomous Republic of Crimea's outline
        assert browsed.page.locator(".geo-asof").text_content().startswith("no dated claims")
        assert browsed.errors == []


FOLD_IN_PAGE = """(names) => {
    // the page's own fold, taken out of its script as the page has it (the tables filled in from geo.names)
    const src = geoMap.toString(), start = src.indexOf('var KMU = '), body = src.indexOf('function fold(');
    const fold = new Function(src.slice(start, src.indexOf('\\n  }\\n', body) + 4) + '\\nreturn fold;')();
    return names.map(fold);
}"""


def test_the_page_folds_a_typed_name_as_python_folds_the_gazetteer(page_path: Path, cache_dir: Path) -> None:
    """Search compares what the user types, folded in the page, with keys folded in Python: both must agree,
    on Latin and Cyrillic spellings, word-initial letters, doubled letters and final vowels."""
    from geo.names import fold, transliterate
    from geo.places.gazetteer import Gazetteer

    gazetteer = Gazetteer.open(cache_dir)
    names = ["Artemivsk", "Артемовськ", "Zghurivka", "Згурівка", "Yasynuvata", "Ясинувата", "Їжаківка",
             "Юр'ївка", "Kupiansk-Vuzlovyi", "Shchastia", "Selidovo", "Girnyk", "Pokrovs'k", "Chasiv Yar"]
    # all their spellings, any script
    for town in ("Bakhmut", "Kharkiv", "Zaporizhzhia", "Yenakiieve", "Avdiivka"):
        names += [s for p in gazetteer.settlements(town)[:1] for s in gazetteer.spellings(p.place_id)]
    names += [transliterate(n) for n in names]
    with chromium(page_path) as browsed:
        assert browsed.page.evaluate(FOLD_IN_PAGE, names) == [fold(n) for n in names]
