"""Read articles from disk: ``.txt``/``.md`` files with an optional front-matter header."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geo import settings
from geo.errors import ArticleError
from geo.models import Article

log = logging.getLogger(__name__)

_HEADER_KEYS = ("title", "published", "source", "url")
_HEADER_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$")
_UNKNOWN = {"", "unknown", "none", "null", "n/a", "-"}


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not read, and why."""

    path: str
    reason: str


def normalise_text(text: str) -> str:
    """Normalise an article body: NFC, ``\\n`` line ends, no trailing spaces, no empty lines at the ends."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its normalised body, so one article under two names is kept once."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def _decode(path: Path, raw: bytes) -> str:
    if not raw.strip():
        raise ArticleError(str(path), "the file is empty; add the article's text or remove the file")
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(str(path), "this looks like a binary file, not an article; remove it from the seeds folder")
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError as err:
        raise ArticleError(str(path), "the text is not UTF-8; save the file as UTF-8") from err
    log.warning("%s: not UTF-8, read as Windows-1251", path)
    return text


def _split_header(path: Path, text: str) -> tuple[dict[str, str], str]:
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration as err:
        raise ArticleError(str(path), "the front-matter header opened with '---' is never closed; add a '---' line after it") from err
    header: dict[str, str] = {}
    for line in lines[1:end]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _HEADER_LINE.match(line.strip())
        if not match:
            raise ArticleError(str(path), f"header line {line.strip()!r} is not 'key: value'")
        key, value = match.group(1).lower(), match.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        header[key] = value
    return header, "\n".join(lines[end + 1 :])


def _published(path: Path, value: str | None) -> date | None:
    if value is None or value.strip().lower() in _UNKNOWN:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        log.warning("%s: published %r is not a date (YYYY-MM-DD); relative dates stay unresolved", path, value)
        return None


def parse_article(path: Path, raw: bytes) -> Article:
    """Build an :class:`Article` from a file's bytes; raise :class:`ArticleError` when it cannot be read."""
    header, body = _split_header(path, _decode(path, raw))
    body = normalise_text(body)
    if not body:
        raise ArticleError(str(path), "the article has a header but no text")
    title = header.get("title") or body.split("\n", 1)[0][:200]

    def opt(key: str) -> str | None:
        value = header.get(key)
        return None if value is None or value.lower() in _UNKNOWN else value

    published = _published(path, header.get("published"))
    if published is None:
        log.info("%s: no publication date; its relative dates stay unresolved", path)
    return Article(
        id=article_id(body), path=str(path), title=title, published=published,
        source=opt("source"), url=opt("url"), text=body,
    )


def read_article(path: Path) -> Article:
    """Read one article file."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise ArticleError(str(path), f"cannot be read ({err.strerror})") from err
    if size > settings.MAX_ARTICLE_BYTES:
        raise ArticleError(str(path), f"{size:,} bytes is larger than the {settings.MAX_ARTICLE_BYTES:,}-byte limit; split it")
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ArticleError(str(path), f"cannot be read ({err.strerror})") from err
    return parse_article(path, raw)


def article_paths(folder: Path) -> list[Path]:
    """Article files under a folder, in a stable order."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in settings.ARTICLE_SUFFIXES and not p.name.startswith("."))


def read_folder(folder: Path) -> Iterator[Article | Skipped]:
    """Read every article under a folder; unreadable files come back as :class:`Skipped`, duplicates once."""
    seen: dict[str, str] = {}
    for path in article_paths(folder):
        try:
            article = read_article(path)
        except ArticleError as err:
            yield Skipped(err.path, err.reason)
            continue
        if article.id in seen:
            log.info("%s: same text as %s; kept once", path, seen[article.id])
            continue
        seen[article.id] = str(path)
        yield article
