"""``--online`` against a hostile or broken server on 127.0.0.1: malformed answers, a server that drips or
says nothing, answers too large (compressed or not), redirects. The run always finishes, in bounded time, with
one warning; nothing malformed is kept; the next run against a healthy server resolves the name."""

from __future__ import annotations

import gzip
import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from geo.errors import ArticleError
from geo.http import (
    FetchError,
    FetchRedirected,
    FetchStatusError,
    FetchTimeout,
    FetchTooLarge,
    FetchUnreachable,
    fetch,
)
from geo.ingest.add import fetch_page
from geo.pipeline import RunReport, run
from geo.settings import ONLINE_FAILURES_IN_A_ROW, ONLINE_MAX_ANSWER_BYTES, OnlineSettings, RunSettings
from geo.store.db import Store
from tests.conftest import write_article
from tests.test_online import SNAGOST

Behaviour = Callable[[BaseHTTPRequestHandler, str], None]


@dataclass
class Server:
    """A local server whose behaviour a test sets; it records the query (or path) of every request."""

    url: str = ""
    # until a test says otherwise
    behave: Behaviour = field(default=lambda handler, query: healthy(handler, query))
    requests: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)


def send(handler: BaseHTTPRequestHandler, body: bytes, *, status: int = 200,
         content_type: str = "application/json", headers: tuple[tuple[str, str], ...] = (),
         length: bool = True) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    for name, value in headers:
        handler.send_header(name, value)
    if length:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def healthy(handler: BaseHTTPRequestHandler, query: str) -> None:
    """Answers like Nominatim: Snagost is a village, every other name is not found."""
    send(handler, json.dumps([SNAGOST] if query == "Snagost" else []).encode())


@pytest.fixture()
def serve() -> Iterator[Callable[[], Server]]:
    """Starts local servers on demand; stops them all at the end."""
    started: list[tuple[ThreadingHTTPServer, Server]] = []

    def start() -> Server:
        state = Server()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                query = parse_qs(urlsplit(self.path).query).get("q", [self.path])[0]
                state.requests.append(query)
                try:
                    state.behave(self, query)
                except OSError:
                    pass  # the client hung up: what a hostile server's client should do

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        state.url = f"http://127.0.0.1:{server.server_address[1]}"
        started.append((server, state))
        return state

    yield start
    for server, state in started:
        state.stop.set()
        server.shutdown()
        server.server_close()


def silent(server: Server) -> Behaviour:
    """Accepts the request and never answers (until the test ends)."""
    def behave(handler: BaseHTTPRequestHandler, query: str) -> None:
        server.stop.wait(60)
    return behave


def drip(server: Server, *, seconds: float, headers_first: bool = False) -> Behaviour:
    """Sends a valid answer one byte every ``seconds`` (its headers at once when ``headers_first``)."""
    def behave(handler: BaseHTTPRequestHandler, query: str) -> None:
        body = json.dumps([SNAGOST]).encode()
        head = ("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                f"{len(body)}\r\n\r\n").encode()
        if headers_first:
            handler.wfile.write(head)
        for byte in (body if headers_first else head + body):
            handler.wfile.write(bytes([byte]))
            if server.stop.wait(seconds):
                return
    return behave


def _settings(tmp_path: Path, cache_dir: Path, server: Server, *, timeout_s: float = 5.0,
              max_answer_bytes: int = ONLINE_MAX_ANSWER_BYTES) -> RunSettings:
    options = OnlineSettings(nominatim_url=server.url, user_agent="geo-tests/1.0", min_delay_s=0.0,
                             error_wait_s=0.0, retries=1, timeout_s=timeout_s,
                             max_answer_bytes=max_answer_bytes)
    return RunSettings(seeds=tmp_path / "seeds", out=tmp_path / "out", cache_dir=cache_dir, online=options)


def _article(tmp_path: Path, body: str = "Russia said it took the village of Snagost.") -> None:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    write_article(tmp_path / "seeds", "a.md", body, title="a", published="2024-08-20", url="https://example.org/a")


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.name == "geo.places.geocode" and r.levelno >= logging.WARNING]


def _placed(tmp_path: Path) -> dict[str, str]:
    with Store(tmp_path / "out" / "geo.sqlite") as store:
        return {surface: place.place_id for _, surface, place in store.mentions()}


def _kept(tmp_path: Path, query: str = "Snagost") -> tuple[bool, str | None]:
    with Store(tmp_path / "out" / "geo.sqlite") as store:
        return store.geocoded("nominatim", query)


def _hostile_then_healthy(tmp_path: Path, cache_dir: Path, server: Server, caplog: pytest.LogCaptureFixture,
                          body: str = "Russia said it took the village of Snagost.",
                          **online: Any) -> tuple[RunReport, float]:
    """A run against ``server`` as it behaves on an article of ``body``, checked (finished, one warning,
    nothing kept), then a run against the same server made healthy, which must resolve Snagost. Returns the
    first run's report and duration."""
    _article(tmp_path, body)
    caplog.set_level(logging.WARNING)
    started = time.monotonic()
    report = run(_settings(tmp_path, cache_dir, server, **online))
    took = time.monotonic() - started
    assert "Snagost" in [surface for _, surface, _ in report.unresolved]
    assert _kept(tmp_path) == (False, None)  # nothing kept: asked again next run
    assert len(_warnings(caplog)) == 1, _warnings(caplog)
    server.behave = healthy
    run(_settings(tmp_path, cache_dir, server, **online))
    assert _placed(tmp_path).get("Snagost") == "osm:node/123"
    assert _kept(tmp_path)[0] is True
    return report, took


MALFORMED: dict[str, bytes] = {
    "lat NaN": json.dumps([dict(SNAGOST, lat="NaN")]).encode(),
    "lat Infinity": json.dumps([dict(SNAGOST, lat="Infinity")]).encode(),
    "lat 999": json.dumps([dict(SNAGOST, lat="999")]).encode(),
    "lat a NaN literal": json.dumps([dict(SNAGOST, lat=float("nan"))]).encode(),
    "lat 1e999": json.dumps([SNAGOST]).encode().replace(b'"51.3133"', b"1e999"),
    "no lat": json.dumps([{k: v for k, v in SNAGOST.items() if k != "lat"}]).encode(),
    "lat a list": json.dumps([dict(SNAGOST, lat=[51.3, 34.9])]).encode(),
    "lat true": json.dumps([dict(SNAGOST, lat=True)]).encode(),
    "address null": json.dumps([dict(SNAGOST, address=None)]).encode(),
    "address a list": json.dumps([dict(SNAGOST, address=["ru"])]).encode(),
    "name an object": json.dumps([dict(SNAGOST, name={"en": "Snagost"})]).encode(),
    "a bare list": b"[1]",
    "a bare number": b"5",
    "a bare string": b'"Snagost"',
    "deep nesting": b"[" * 100_000,
    "a 5,000-digit number": b'[{"lat": ' + b"1" * 5_000 + b', "lon": "34.9917"}]',
    "an HTML page": b"<!doctype html><html><body><h1>Down for maintenance</h1></body></html>",
    "not UTF-8": b'[{"lat": "51.3", "lon": "34.9", "name": "\xff\xfe"}]',
}


@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_answer_is_neither_used_nor_kept(tmp_path: Path, cache_dir: Path,
                                                     serve: Callable[[], Server],
                                                     caplog: pytest.LogCaptureFixture, body: bytes) -> None:
    server = serve()
    server.behave = lambda handler, query: send(handler, body)
    _hostile_then_healthy(tmp_path, cache_dir, server, caplog)
    assert len(server.requests) == 2  # one request a run: a malformed answer is not retried


def test_a_malformed_answer_kept_by_an_older_geo_is_asked_again(tmp_path: Path, cache_dir: Path,
                                                                serve: Callable[[], Server]) -> None:
    server = serve()
    (tmp_path / "out").mkdir()
    with Store(tmp_path / "out" / "geo.sqlite") as store:
        store.remember_geocode("nominatim", "Snagost",
                               json.dumps({k: v for k, v in SNAGOST.items() if k != "lat"}),
                               "2024-01-01T00:00:00+00:00")
    _article(tmp_path)
    run(_settings(tmp_path, cache_dir, server))
    assert server.requests == ["Snagost"] and _placed(tmp_path).get("Snagost") == "osm:node/123"


def test_a_silent_server_costs_one_timeout_and_one_warning(tmp_path: Path, cache_dir: Path,
                                                           serve: Callable[[], Server],
                                                           caplog: pytest.LogCaptureFixture) -> None:
    server = serve()
    server.behave = silent(server)
    three = (
        "Russia said it took the village of Zzyzxivka, the village of Qwertovo and the village of Snagost."
    )
    report, took = _hostile_then_healthy(tmp_path, cache_dir, server, caplog, three, timeout_s=2.0)
    assert took < 20
    assert len(server.requests) == 1 + 3  # the first run asked once, for one of its three names
    assert "did not answer in time" in _warnings(caplog)[0]
    assert {s for _, s, _ in report.unresolved} >= {"Zzyzxivka", "Qwertovo", "Snagost"}


@pytest.mark.parametrize("headers_first", [False, True], ids=["in the headers", "in the body"])
def test_a_dripping_server_is_cut_off_at_the_timeout(
    tmp_path: Path, cache_dir: Path, serve: Callable[[], Server], caplog: pytest.LogCaptureFixture,
    headers_first: bool) -> None:
    server = serve()
    # each byte well within the timeout
    server.behave = drip(server, seconds=1.0, headers_first=headers_first)
    _, took = _hostile_then_healthy(tmp_path, cache_dir, server, caplog, timeout_s=2.0)
    assert took < 20
    assert len(server.requests) == 2  # a timeout is not retried


def test_an_answer_over_the_limit_is_refused(tmp_path: Path, cache_dir: Path, serve: Callable[[], Server],
                                             caplog: pytest.LogCaptureFixture) -> None:
    server = serve()
    big = json.dumps([dict(SNAGOST, extratags={"pad": "x" * 50_000})]).encode()  # valid, but too big
    # no Content-Length: read until the end
    server.behave = lambda handler, query: send(handler, big, length=False)
    _hostile_then_healthy(tmp_path, cache_dir, server, caplog, max_answer_bytes=10_000)
    assert "larger than 10,000 bytes" in _warnings(caplog)[0]


def test_a_compressed_answer_that_expands_hugely_is_refused(tmp_path: Path, cache_dir: Path,
                                                            serve: Callable[[], Server],
                                                            caplog: pytest.LogCaptureFixture) -> None:
    server = serve()
    bomb = gzip.compress(b"[" + b" " * 30_000_000 + b"]", compresslevel=9)  # 30 MB in about 30 KB
    server.behave = lambda handler, query: send(handler, bomb, headers=(("Content-Encoding", "gzip"),))
    _hostile_then_healthy(tmp_path, cache_dir, server, caplog)
    assert "decompressed" in _warnings(caplog)[0]


def test_a_redirect_to_another_host_is_not_followed(
    tmp_path: Path, cache_dir: Path, serve: Callable[[], Server], caplog: pytest.LogCaptureFixture) -> None:
    server, elsewhere = serve(), serve()  # another port is another host
    server.behave = lambda handler, query: send(handler, b"", status=302,
                                                headers=(("Location", elsewhere.url + handler.path),))
    _hostile_then_healthy(tmp_path, cache_dir, server, caplog)
    assert elsewhere.requests == []
    assert "redirects to" in _warnings(caplog)[0]


def test_a_redirect_on_the_same_host_is_followed(tmp_path: Path, cache_dir: Path,
                                                 serve: Callable[[], Server]) -> None:
    server = serve()

    def moved(handler: BaseHTTPRequestHandler, query: str) -> None:
        if "moved=1" in handler.path:
            healthy(handler, query)
        else:
            send(handler, b"", status=301, headers=(("Location", handler.path + "&moved=1"),))

    server.behave = moved
    _article(tmp_path)
    run(_settings(tmp_path, cache_dir, server))
    assert server.requests == ["Snagost", "Snagost"]
    assert _placed(tmp_path).get("Snagost") == "osm:node/123" and _kept(tmp_path)[0] is True


def test_a_server_error_is_retried_a_bounded_number_of_times(tmp_path: Path, cache_dir: Path,
                                                             serve: Callable[[], Server],
                                                             caplog: pytest.LogCaptureFixture) -> None:
    server = serve()
    server.behave = lambda handler, query: send(handler, b'{"error": "boom"}', status=500)
    _hostile_then_healthy(tmp_path, cache_dir, server, caplog)
    assert len(server.requests) == 2 + 1  # retries=1: two tries, then the healthy run


# fetch itself


def test_fetch_bounds_size_time_and_redirects(serve: Callable[[], Server]) -> None:
    server, elsewhere = serve(), serve()
    routes: dict[str, Behaviour] = {
        "/ok": lambda h, q: send(h, b"hello", content_type="text/plain; charset=latin-1"),
        "/gzip": lambda h, q: send(h, gzip.compress(b"hello" * 100), headers=(("Content-Encoding", "gzip"),)),
        "/declared": lambda h, q: send(h, b"x" * 2_000),
        "/undeclared": lambda h, q: send(h, b"x" * 2_000, length=False),
        "/bomb": lambda h, q: send(h, gzip.compress(b"x" * 500_000), headers=(("Content-Encoding", "gzip"),)),
        "/brotli": lambda h, q: send(h, b"x", headers=(("Content-Encoding", "br"),)),
        "/loop": lambda h, q: send(h, b"", status=302, headers=(("Location", "/loop"),)),
        "/away": lambda h, q: send(h, b"", status=302, headers=(("Location", elsewhere.url + "/ok"),)),
        "/hop": lambda h, q: send(h, b"", status=307, headers=(("Location", "/ok"),)),
        "/ftp": lambda h, q: send(h, b"", status=302, headers=(("Location", "ftp://127.0.0.1/ok"),)),
        "/missing": lambda h, q: send(h, b"no", status=404, headers=(("Retry-After", "5"),)),
        "/drip": drip(server, seconds=0.5),
    }
    server.behave = lambda h, q: routes[urlsplit(h.path).path](h, q)
    get = partial(fetch, user_agent="geo-tests/1.0", timeout_s=2.0, max_bytes=1_000)

    ok = get(server.url + "/ok")
    assert (ok.status, ok.body, ok.charset, ok.url) == (200, b"hello", "latin-1", server.url + "/ok")
    assert get(server.url + "/gzip").body == b"hello" * 100
    assert get(server.url + "/hop").url == server.url + "/ok"
    refused: list[tuple[str, type[FetchError], str]] = [
        ("/declared", FetchTooLarge, "larger than 1,000"), ("/undeclared", FetchTooLarge, "larger"),
        ("/bomb", FetchTooLarge, "decompressed"), ("/brotli", FetchError, "'br'"),
        ("/loop", FetchError, "more than 3"),
        ("/away", FetchRedirected, elsewhere.url), ("/ftp", FetchRedirected, "ftp://"),
        ("/missing", FetchStatusError, "HTTP 404")]
    for path, error, words in refused:
        with pytest.raises(error, match=words):
            get(server.url + path)
    assert elsewhere.requests == []
    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        get(server.url + "/drip")
    assert time.monotonic() - started < 2.0 + 1.5
    with pytest.raises(FetchError, match="not an http or https address"):
        get("file:///etc/passwd")


def test_fetch_says_when_nothing_answers() -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchUnreachable):
        fetch(f"http://127.0.0.1:{port}/", user_agent="geo-tests/1.0", timeout_s=2.0, max_bytes=1_000)


def test_geo_add_fetches_within_the_same_bounds(serve: Callable[[], Server]) -> None:
    server, elsewhere = serve(), serve()
    server.behave = lambda h, q: send(h, b"", status=302, headers=(("Location", elsewhere.url + "/page"),))
    online = OnlineSettings(user_agent="geo-tests/1.0", timeout_s=2.0)
    with pytest.raises(ArticleError, match="add that address instead"):
        fetch_page(server.url + "/page", online)
    server.behave = drip(server, seconds=0.5)
    started = time.monotonic()
    with pytest.raises(ArticleError, match="could not be fetched"):
        fetch_page(server.url + "/page", online)
    assert time.monotonic() - started < 2.0 + 1.5 and elsewhere.requests == []


def test_a_server_failing_name_after_name_is_given_up_for_the_run(tmp_path: Path, cache_dir: Path,
                                                                  serve: Callable[[], Server],
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    server = serve()
    server.behave = lambda handler, query: send(handler, b"[1]")  # malformed, whatever the name
    _article(tmp_path,
             "Russia said it took the villages of Zzyzxivka, Qwertovo, Asdfivka, Hjklivka and Snagost.")
    caplog.set_level(logging.WARNING)
    report = run(_settings(tmp_path, cache_dir, server))
    assert len(server.requests) == ONLINE_FAILURES_IN_A_ROW  # then the server is not asked again this run
    assert len(_warnings(caplog)) == ONLINE_FAILURES_IN_A_ROW + 1 and "in a row" in _warnings(caplog)[-1]
    assert len(report.unresolved) == 5
