"""Online geocoding against a local server on 127.0.0.1 that answers like Nominatim's /search."""

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from geo.pipeline import run
from geo.settings import OnlineSettings, RunSettings
from geo.store.db import Store
from tests.conftest import write_article

SNAGOST = {"place_id": 1, "osm_type": "node", "osm_id": 123, "lat": "51.3133", "lon": "34.9917",
           "class": "place", "type": "village", "addresstype": "village", "name": "Snagost",
           "display_name": "Snagost, Kursk Oblast, Russia", "address": {
               "village": "Snagost", "state": "Kursk Oblast", "country": "Russia", "country_code": "ru"}}


@dataclass
class Nominatim:
    """A tiny Nominatim: known names answer a village, "Flaky…" fails once, "Broken…" always fails."""

    url: str = ""
    requests: list[tuple[float, str, dict[str, list[str]], str]] = field(default_factory=list)

    def answer(self, query: str) -> tuple[int, object]:
        if query.startswith("Broken"):
            return 500, {"error": "server error"}
        if query.startswith("Flaky") and sum(r[1] == query for r in self.requests) == 1:
            return 503, {"error": "try again"}
        if query in ("Snagost", "Flakyivka"):
            return 200, [dict(SNAGOST, name=query)]
        return 200, []


@pytest.fixture()
def nominatim() -> Iterator[Nominatim]:
    state = Nominatim()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            url = urlsplit(self.path)
            params = parse_qs(url.query)
            query = params.get("q", [""])[0]
            state.requests.append((time.monotonic(), query, params, self.headers.get("User-Agent", "")))
            status, body = state.answer(query) if url.path == "/search" else (404, {})
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


def _options(tmp_path: Path, cache_dir: Path, server: Nominatim) -> RunSettings:
    online = OnlineSettings(nominatim_url=server.url, user_agent="geo-tests/1.0", min_delay_s=1.0,
                            error_wait_s=1.0, retries=1, timeout_s=5.0)
    return RunSettings(seeds=tmp_path / "seeds", out=tmp_path / "out", cache_dir=cache_dir, online=online)


def _article(tmp_path: Path, name: str, body: str) -> None:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    write_article(tmp_path / "seeds", name, body, title=name, published="2024-08-20", url=f"https://example.org/{name}")


def test_names_the_gazetteer_lacks_are_looked_up_politely_and_once(tmp_path: Path, cache_dir: Path,
                                                                    nominatim: Nominatim) -> None:
    _article(tmp_path, "a.md",
             "Ukraine said its forces captured the village of Snagost and the village of Zzyzxivka.")
    report = run(_options(tmp_path, cache_dir, nominatim))
    asked = [r[1] for r in nominatim.requests]
    assert sorted(asked) == ["Snagost", "Zzyzxivka"]
    assert all(r[3] == "geo-tests/1.0" for r in nominatim.requests)  # the configured User-Agent
    assert all(r[2]["countrycodes"] == ["ua,ru"] and r[2]["format"] == ["json"] for r in nominatim.requests)
    assert nominatim.requests[1][0] - nominatim.requests[0][0] >= 0.95  # at most one request a second
    assert [surface for _, surface, _ in report.unresolved] == ["Zzyzxivka"]
    with Store(tmp_path / "out" / "geo.sqlite") as store:
        placed = {surface: place for _, surface, place in store.mentions()}
        assert store.geocoded("nominatim", "Zzyzxivka") == (True, None)  # "not found" is remembered too
    assert placed["Snagost"].place_id == "osm:node/123" and placed["Snagost"].country == "RU"
    assert (placed["Snagost"].lat, placed["Snagost"].lon) == (51.3133, 34.9917)

    _article(tmp_path, "b.md",
             "Russia said it retook Snagost, the village of Snagost and the village of Zzyzxivka.")
    run(_options(tmp_path, cache_dir, nominatim))
    assert len(nominatim.requests) == 2  # both answers came from the store


def test_server_errors_are_retried_and_failures_are_not_cached(tmp_path: Path, cache_dir: Path,
                                                              nominatim: Nominatim) -> None:
    _article(tmp_path, "a.md", "Russia claimed the village of Flakyivka and the village of Brokenivka.")
    report = run(_options(tmp_path, cache_dir, nominatim))
    asked = [r[1] for r in nominatim.requests]
    assert asked.count("Flakyivka") == 2 and asked.count("Brokenivka") == 2  # one retry each
    assert [surface for _, surface, _ in report.unresolved] == ["Brokenivka"]
    with Store(tmp_path / "out" / "geo.sqlite") as store:
        assert store.geocoded("nominatim", "Flakyivka")[0] is True
        assert store.geocoded("nominatim", "Brokenivka") == (False, None)  # asked again next time


def test_an_unreachable_geocoder_is_tried_once_and_again_next_run(tmp_path: Path, cache_dir: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    online = OnlineSettings(nominatim_url=f"http://127.0.0.1:{port}", min_delay_s=0.0, error_wait_s=0.0,
                            retries=0, timeout_s=2.0)
    options = RunSettings(seeds=tmp_path / "seeds", out=tmp_path / "out", cache_dir=cache_dir, online=online)
    _article(tmp_path, "a.md", "Russia said it took the village of Zzyzxivka and the village of Qwertovo.")
    first = run(options)
    assert (first.new, [s for _, s, _ in first.unresolved]) == (1, ["Zzyzxivka", "Qwertovo"])
    with Store(tmp_path / "out" / "geo.sqlite") as store:
        assert store.geocoded("nominatim", "Zzyzxivka") == (False, None)  # no answer: nothing cached
    assert run(options).changed == 1  # the article is processed again, to ask again


def test_online_with_dask_is_refused_before_any_request(tmp_path: Path, cache_dir: Path) -> None:
    """--online --dask is a usage error, said before a single name is looked up."""
    from geo.errors import UsageError

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text("---\ntitle: t\npublished: 2024-05-01\n---\nRussian forces took Zzyzxivka.\n",
                                encoding="utf-8")
    online = OnlineSettings(nominatim_url="http://127.0.0.1:9/")  # nothing listens: a request would fail
    with pytest.raises(UsageError, match="do not go together"):
        run(RunSettings(seeds=seeds, out=tmp_path / "out", cache_dir=cache_dir, online=online, dask="local"))
    assert not (tmp_path / "out" / "geo.sqlite").exists()


def test_a_lookup_that_breaks_costs_its_name_not_the_run(tmp_path: Path, cache_dir: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """An error no one foresaw in a lookup leaves that name unplaced and its article to be read again next
    run; the run goes on and writes its outputs."""
    from geo.places.geocode import OnlineGeocoder

    def broken(self: OnlineGeocoder, name: str) -> None:
        raise RuntimeError("a bug in a geocoder")

    monkeypatch.setattr(OnlineGeocoder, "lookup", broken)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_article(seeds, "a.md", "Russian forces took the village of Zzyzxivka, the ministry said.",
                  published="2024-05-01")
    out = tmp_path / "out"
    report = run(RunSettings(seeds=seeds, out=out, cache_dir=cache_dir,
                             online=OnlineSettings(nominatim_url="http://127.0.0.1:9/")))
    assert report.new == 1 and report.unanswered == 1 and (out / "map.html").exists()
    with Store(out / "geo.sqlite") as store:
        assert [s.version.endswith("+online-retry") for s in store.states().values()] == [True]
