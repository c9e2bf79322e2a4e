"""``geo add``: files and (with --online) web pages into the seeds folder, each with a proper header."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geo.cli import app
from geo.ingest.read import read_article

PAGE = (b"""<html><head><title>Russia says it took Toretsk</title>
<meta property="article:published_time" content="2025-02-07T10:00:00Z">"""
        b"""<meta property="og:site_name" content="Example Daily">
</head><body><nav>Home | World | Sport</nav><article><h1>Russia says it took Toretsk</h1>
<p>On Friday, Russia's Defence Ministry claimed its troops had taken the mining town of Toretsk """
        b"""in the Donetsk region.</p>
<p>Ukraine's military said fighting was still going on in the town.</p></article>"""
        b"""<footer>Copyright Example</footer></body></html>""")


def geo(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"GEO_USER_AGENT": "geo-test/1.0"})
    return result.exit_code, result.stderr


@pytest.fixture()
def site() -> Iterator[tuple[str, list[str]]]:
    agents: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            agents.append(self.headers.get("User-Agent", ""))
            found = self.path == "/toretsk"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE if found else b"not here")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", agents
    finally:
        server.shutdown()


def test_files_become_seeds_with_a_header(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "feed.jsonl").write_text(json.dumps({"title": "Kupiansk retaken", "published": "2024-02-19",
                                                     "source": "Wire", "url": "https://example.org/k",
                                                     "text": "Ukraine retook Kupiansk."}) + "\nnot json\n",
                                         encoding="utf-8")
    seeds = tmp_path / "seeds"
    code, said = geo("add", str(tmp_path / "page.html"), str(tmp_path / "feed.jsonl"), "--seeds", str(seeds))
    assert code == 1 and "feed.jsonl:2" in said and "not a JSON object" in said  # the bad line is named
    page = read_article(
        seeds / "2025-02-07-russia-says-it-took-toretsk-" f"{read_article(tmp_path / 'page.html').id[:8]}.md")
    assert ((page.title, page.published.isoformat(), page.source)
            == ("Russia says it took Toretsk", "2025-02-07", "Example Daily"))
    assert (page.text.startswith("On Friday, Russia's Defence Ministry") and "Copyright" not in page.text
            and "Home |" not in page.text)
    (feed,) = [read_article(p) for p in seeds.glob("2024-02-19-*.md")]
    assert ((feed.title, feed.source, feed.url, feed.text)
            == ("Kupiansk retaken", "Wire", "https://example.org/k", "Ukraine retook Kupiansk."))
    assert geo("add", str(tmp_path / "page.html"), "--seeds", str(seeds))[0] == 0
    assert len(list(seeds.glob("*.md"))) == 2  # the same article added twice is one file


def test_a_web_page_is_fetched_only_when_asked(tmp_path: Path, site: tuple[str, list[str]]) -> None:
    base, agents = site
    seeds = tmp_path / "seeds"
    code, said = geo("add", f"{base}/toretsk", "--seeds", str(seeds))
    assert code == 2 and "needs --online" in said and agents == []
    code, said = geo("add", f"{base}/toretsk", f"{base}/missing", "--seeds", str(seeds), "--online")
    assert code == 1 and f"{base}/missing" in said and "could not be fetched" in said
    assert agents == ["geo-test/1.0", "geo-test/1.0"]
    (added,) = [read_article(p) for p in seeds.glob("*.md")]
    assert added.url == f"{base}/toretsk" and added.published is not None and "Toretsk" in added.text
