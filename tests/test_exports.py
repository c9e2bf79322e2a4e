"""geo export: every format read back and compared with the store; as of a day, in a box; the picture; the
embed."""

from __future__ import annotations

import csv
import html
import io
import json
from datetime import date
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from geo.cli import app
from geo.outputs.maprows import COLORS
from geo.outputs.timeline import effective_date, statuses
from geo.store.db import Store
from tests.conftest import chromium, write_article

ARTICLES = {  # a place each side holds, and one fought over
    "toretsk.md": ("On Friday, Russia's defence ministry said its troops had taken Toretsk.", "2025-02-07"),
    "kupiansk.md": ("Ukraine's General Staff said on Monday that its troops had recaptured Kupiansk.",
                    "2024-02-19"),
    "robotyne.md": ("Ukrainian troops liberated Robotyne on Monday, the military said.", "2023-08-28"),
    "chasiv.md": ("Fierce fighting continued in Chasiv Yar on Tuesday, the Ukrainian military said.",
                  "2024-07-16"),
}


#: How many places a page's map draws (dots are drawn on a canvas: they are counted in Leaflet, not in the
#: DOM).
MARKERS = """() => { let map = null, n = 0;
                     // a sandboxed frame refuses some globals (localStorage)
                     for (const k of Object.keys(window)) {
                       try { if (window[k] instanceof L.Map) { map = window[k]; } } catch (e) {} }
                     map.eachLayer(l => { if (l.geo) n++; }); return n; }"""


def geo(cache_dir: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"GEO_CACHE_DIR": str(cache_dir)})
    return result.exit_code, result.stderr


@pytest.fixture(scope="module")
def out(cache_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("exports")
    seeds = base / "seeds"
    seeds.mkdir()
    for name, (text, day) in ARTICLES.items():
        write_article(seeds, name, text, published=day, source="Example", url=f"https://example.org/{name}")
    code, said = geo(cache_dir, "run", "--seeds", str(seeds), "--out", str(base / "output"))
    assert code == 0, said
    return base / "output"


@pytest.fixture(scope="module")
def stored(out: Path) -> dict[str, object]:
    """What the store holds, independently of the export code: claims (dated) and the places' latest
    status."""
    with Store(out / "geo.sqlite") as store:
        articles = {a.id: a for a in store.articles()}
        claims = store.claims()  # dated: the undated articles' days completed by the dating stage
    places = {s.place.place_id: s for s in statuses(claims, articles)}
    assert {s.controller for s in places.values()} == {"RU", "UA", "contested"}  # the fixture is what it says
    return {"claims": {c.claim_id: c for c in claims}, "places": places, "articles": articles}


def export(cache_dir: Path, out: Path, target: Path, *args: str) -> Path:
    code, said = geo(cache_dir, "export", "--out", str(out), "-o", str(target), *args)
    assert code == 0, said
    assert str(target) in said
    return target


def test_claims_as_geojson_csv_and_geopackage_are_the_stored_claims(cache_dir: Path, out: Path,
                                                                    tmp_path: Path, stored: dict) -> None:
    claims = stored["claims"]
    layers = {
        "geojson": gpd.read_file(export(cache_dir, out, tmp_path / "c.geojson", "-f", "geojson")),
        "gpkg": gpd.read_file(export(cache_dir, out, tmp_path / "all.gpkg", "-f", "gpkg"), layer="claims"),
    }
    rows = list(csv.DictReader(io.StringIO(export(cache_dir, out, tmp_path / "c.csv", "-f",
                                                  "csv").read_text(encoding="utf-8"))))
    assert sorted(r["claim_id"] for r in rows) == sorted(claims)
    for r in rows:
        c = claims[r["claim_id"]]
        assert (r["place_id"], r["controller"], r["stance"], r["event_date"], r["quote"], r["rule"]) == \
               (c.place.place_id, c.controller, c.stance, c.event_date.isoformat() if c.event_date else "",
                c.quote, c.rule)
        assert (float(r["lat"]), float(r["lon"])) == (round(c.place.lat, 6), round(c.place.lon, 6))
    for fmt, frame in layers.items():
        assert sorted(frame["claim_id"]) == sorted(claims), fmt
        for _, r in frame.iterrows():
            c = claims[r["claim_id"]]
            assert (r["place_id"], r["controller"], r["claimant"], r["title"], r["rule"]) == \
                   (c.place.place_id, c.controller, c.claimant, stored["articles"][c.article_id].title,
                    c.rule), fmt
            assert ((round(r.geometry.x, 6), round(r.geometry.y, 6))
                    == (round(c.place.lon, 6), round(c.place.lat, 6))), fmt


def test_places_as_geojson_csv_and_geopackage_are_the_stored_statuses(cache_dir: Path, out: Path,
                                                                      tmp_path: Path, stored: dict) -> None:
    places = stored["places"]
    frames = {
        "geojson": gpd.read_file(export(cache_dir, out, tmp_path / "p.geojson", "-f", "geojson", "--layer",
                                        "places")),
        "gpkg": gpd.read_file(export(cache_dir, out, tmp_path / "all.gpkg", "-f", "gpkg"), layer="places"),
        "csv": list(csv.DictReader(io.StringIO(export(cache_dir, out, tmp_path / "p.csv", "-f", "csv",
                                                      "--layer", "places")
                                               .read_text(encoding="utf-8")))),
    }
    for fmt, frame in frames.items():
        rows = frame if isinstance(frame, list) else [r for _, r in frame.iterrows()]
        # read as a date or text
        got = {r["place_id"]: (r["controller"], int(r["claims"]), str(r["since"])[:10]) for r in rows}
        assert got == {p: (s.controller, len(s.claims), s.since.isoformat()) for p, s in places.items()}, fmt


def test_as_of_a_day_keeps_the_claims_made_by_then_and_the_status_then(cache_dir: Path, out: Path,
                                                                       tmp_path: Path, stored: dict) -> None:
    day = date(2024, 3, 1)
    features = json.loads(export(cache_dir, out, tmp_path / "c.geojson", "-f", "geojson", "--as-of",
                                 day.isoformat())
                          .read_text(encoding="utf-8"))["features"]
    made = {i for i, c in stored["claims"].items()
            if (d := effective_date(c, stored["articles"])) and d <= day}
    assert {f["properties"]["claim_id"] for f in features} == made and 0 < len(made) < len(stored["claims"])
    places = json.loads(export(cache_dir, out, tmp_path / "p.geojson", "-f", "geojson", "--layer", "places",
                               "--as-of", day.isoformat()).read_text(encoding="utf-8"))["features"]
    for f in places:
        status = stored["places"][f["properties"]["place_id"]]
        then = [p for p in status.periods if p.start <= day][-1]
        assert f["properties"]["controller"] == then.controller


def test_a_box_keeps_the_places_inside_it(cache_dir: Path, out: Path, tmp_path: Path, stored: dict) -> None:
    box = (37.0, 48.0, 38.5, 49.0)  # around Toretsk and Chasiv Yar, not Kupiansk nor Robotyne
    inside = {p for p, s in stored["places"].items()
              if box[0] <= s.place.lon <= box[2] and box[1] <= s.place.lat <= box[3]}
    frame = gpd.read_file(export(cache_dir, out, tmp_path / "p.geojson", "-f", "geojson", "--layer", "places",
                                 "--bbox", ",".join(map(str, box))))
    assert set(frame["place_id"]) == inside and 0 < len(inside) < len(stored["places"])


def test_the_picture_is_a_png_of_the_size_asked_with_every_controller_colour(cache_dir: Path, out: Path,
                                                                           tmp_path: Path) -> None:
    path = export(cache_dir, out, tmp_path / "map.png", "-f", "png", "--width", "900", "--height", "600")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(path)
    assert image.size == (900, 600)
    pixels = np.asarray(image.convert("RGB")).reshape(-1, 3)
    for controller, colour in COLORS.items():
        rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
        assert (pixels == rgb).all(axis=1).sum() >= 10, f"no {controller} dot ({colour}) in the picture"
    assert export(cache_dir, out, tmp_path / "again.png", "-f", "png", "--width", "900", "--height",
                  "600").read_bytes() \
        == path.read_bytes()  # the same snapshot, the same picture


@pytest.mark.browser
def test_the_html_export_and_its_embed_snippet_show_the_map(cache_dir: Path, out: Path, tmp_path: Path,
                                                            stored: dict) -> None:
    page = export(cache_dir, out, tmp_path / "map.html", "-f", "html")
    with chromium(page) as browsed:
        markers = browsed.page.evaluate(MARKERS)
        assert markers == len(stored["places"]) and not browsed.errors and not browsed.outside
    island = page.read_text(encoding="utf-8").split('id="geo-data">', 1)[1].split("</script>", 1)[0]
    # the search knows other spellings, as in map.html
    assert any(row[9] for row in json.loads(island)["places"])
    snippet = export(cache_dir, out, tmp_path / "map.embed.html", "-f", "html", "--embed", "--height",
                     "500").read_text(encoding="utf-8")
    assert (snippet.count("<iframe") == 1
            and html.unescape(snippet.split('srcdoc="', 1)[1].split('">', 1)[0])
            == page.read_text(encoding="utf-8"))
    report = tmp_path / "report.html"
    report.write_text("<!doctype html><html><body><h1>Weekly "
                      f"report</h1>\n{snippet}<p>End.</p></body></html>", encoding="utf-8")
    with chromium(report) as browsed:
        browsed.page.wait_for_timeout(500)
        (frame,) = [f for f in browsed.page.frames if f != browsed.page.main_frame]
        assert frame.evaluate(MARKERS) == len(stored["places"])
        assert not browsed.errors and not browsed.outside


@pytest.mark.parametrize("args, message", [
    (("-f", "pdf"), "is not one of geojson, csv, gpkg, png, html"),
    (("-f", "csv", "--as-of", "last week"), "is not a date"),
    (("-f", "csv", "--bbox", "1,2,3"), "is not four numbers"),
    (("-f", "csv", "--bbox", "40,50,30,45"), "is not a box"),
    (("-f", "csv", "--layer", "roads"), "is not one of claims, places"),
])
def test_a_bad_option_is_a_message(cache_dir: Path, out: Path, tmp_path: Path, args: tuple[str, ...],
                                   message: str) -> None:
    code, said = geo(cache_dir, "export", "--out", str(out), "-o", str(tmp_path / "x"), *args)
    assert code == 2 and message in said
    assert not (tmp_path / "x").exists()


def test_without_a_store_export_says_to_run_first(cache_dir: Path, tmp_path: Path) -> None:
    code, said = geo(cache_dir, "export", "-f", "csv", "--out", str(tmp_path / "nothing"))
    assert code == 2 and "run geo run first" in said
