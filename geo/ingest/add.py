"""``geo add``: put articles into the seeds folder, each as a ``.md`` file with a proper header.

A text file, a saved page or a feed line becomes ``seeds/<published>-<slug>-<id>.md`` (``undated`` when it has
no date), its header giving title, published, source and url; the name holds the article's id, so adding the
same article twice writes one file. A web address is fetched only when the user allows it (``--online``),
through :func:`fetch_page`: one request through :mod:`geo.http`, with geo's User-Agent, bounded in time, size
and redirects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from geo.atomic import atomic_write
from geo.errors import ArticleError, UsageError
from geo.http import FetchError, FetchRedirected, FetchTooLarge, fetch, shown
from geo.ingest.read import Skipped, parse_html, read_file
from geo.models import Article
from geo.names import plain
from geo.settings import OnlineSettings

_URL = re.compile(r"^https?://", re.IGNORECASE)
#: The largest page ``geo add URL`` downloads (bytes).
MAX_PAGE_BYTES = 10_000_000


def is_url(text: str) -> bool:
    """True for an http(s) address."""
    return bool(_URL.match(text))


def fetch_page(url: str, online: OnlineSettings) -> bytes:
    """The bytes of a web page: one GET with geo's User-Agent, bounded in time (``online.timeout_s`` in all),
    size (:data:`MAX_PAGE_BYTES`) and redirects (same host only); errors say what failed and what to do."""
    try:
        return fetch(url, user_agent=online.user_agent, timeout_s=online.timeout_s, max_bytes=MAX_PAGE_BYTES,
                     accept="text/html,*/*;q=0.5").body
    except FetchTooLarge as err:
        raise ArticleError(url, f"the page is larger than {MAX_PAGE_BYTES:,} bytes; save the article's text "
                                "and add the file") from err
    except FetchRedirected as err:
        raise ArticleError(url, f"could not be fetched (it redirects to {shown(err.location)}); add that "
                                "address instead") from err
    except FetchError as err:
        raise ArticleError(url, f"could not be fetched ({err.reason}); check the address and the connection, "
                                "or save the page and add the file") from err


def as_markdown(article: Article) -> str:
    """An article as a seeds file: a front-matter header, then the text."""
    header = {"title": article.title,
              "published": article.published.isoformat() if article.published else None,
              "source": article.source, "url": article.url}
    lines = ["---", *(f"{k}: {' '.join(str(v).split())}" for k, v in header.items() if v), "---",
             article.text, ""]
    return "\n".join(lines)


def file_name(article: Article) -> str:
    """``2025-02-07-russia-says-it-has-taken-toretsk-1a2b3c4d.md``: date, title and id, so a second add of the
    same article writes the same file."""
    slug = "-".join(plain(article.title).split())[:60].strip("-") or "article"
    return f"{article.published.isoformat() if article.published else 'undated'}-{slug}-{article.id[:8]}.md"


def add(sources: list[str], seeds: Path, *, online: OnlineSettings | None = None) -> Iterator[Path | Skipped]:
    """Write each article of ``sources`` (files, or web addresses when ``online``) into ``seeds``; yield the
    files written, or what could not be added and why (one source that cannot be read never stops the
    others)."""
    seeds.mkdir(parents=True, exist_ok=True)
    for source in sources:
        if is_url(source) and online is None:
            raise UsageError(f"{source}: fetching a web page needs --online (nothing leaves this machine "
                             "without it)")
        try:
            items = _read_source(source, online)
        except OSError as err:
            items = [Skipped(source, f"cannot be read ({err.strerror or err}); check the path")]
        for item in items:
            if isinstance(item, Skipped):
                yield item
                continue
            target = seeds / file_name(item)
            atomic_write(target, as_markdown(item))
            yield target


def _read_source(source: str, online: OnlineSettings | None) -> list[Article | Skipped]:
    """The articles of one source: a web page (``online`` given) or a file."""
    if is_url(source) and online is not None:
        try:
            page: Article | Skipped = parse_html(Path(source), fetch_page(source, online))
        except ArticleError as err:
            page = Skipped(source, err.reason)
        return [_with_url(page, source)]
    path = Path(source)
    if not path.exists() and not path.is_symlink():
        return [Skipped(source, "no such file; check the path")]
    return list(read_file(path))


def _with_url(item: Article | Skipped, url: str) -> Article | Skipped:
    """A fetched page keeps the address it was fetched from when it names none itself."""
    if isinstance(item, Skipped) or item.url:
        return item
    return Article(item.id, url, item.title, item.published, item.source, url, item.text)
