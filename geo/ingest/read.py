"""Read articles from disk: ``.txt``/``.md`` files with an optional front-matter header, saved web pages
(``.html``: the main text and its metadata extracted with trafilatura) and ``.jsonl`` feeds (one article a
line: ``title``, ``published``, ``source``, ``url``, ``text``).

Whatever cannot be read comes back as :class:`Skipped`, naming the file (and line) and what to do; the rest is
read. Text that is not UTF-8 is read as UTF-16 when it says so (a byte-order mark, or the zero bytes UTF-16
leaves in Latin text), else as Windows-1251.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from geo import settings
from geo.errors import ArticleError
from geo.models import Article
from geo.when import latest_year, plausible_year

log = logging.getLogger(__name__)

_HEADER_KEYS = ("title", "published", "source", "url")
_HEADER_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$")
_UNKNOWN = {"", "unknown", "none", "null", "n/a", "-"}


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not read, and why."""

    path: str
    reason: str


# lone surrogates (a feed's "\\ud800") cannot be written as UTF-8; control characters (NUL, escape sequences)
# have no place in an article and would reach the outputs and the terminal
_UNWRITABLE = re.compile(r"[\ud800-\udfff]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """Text that can be stored and shown: lone surrogates become U+FFFD, control characters (but tab and line
    breaks) are dropped."""
    return _CONTROLS.sub("", _UNWRITABLE.sub("\ufffd", text))


def normalise_text(text: str) -> str:
    """Normalise an article body: NFC, ``\\n`` line ends, no trailing spaces, no empty lines at the ends, no
    control characters."""
    text = _LINE_BREAKS.sub("\n", clean_text(unicodedata.normalize("NFC", text)))
    lines = [line.rstrip() for line in text.replace("\ufeff", "").split("\n")]
    return "\n".join(lines).strip("\n")


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its normalised body, so one article under two names is kept once."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def _utf16(raw: bytes) -> str | None:
    """UTF-16 text: with a byte-order mark, or with the zero bytes it puts beside every Latin letter."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif raw[1:200:2].count(0) > 40 or raw[0:200:2].count(0) > 40:
        encoding = "utf-16-le" if raw[1:200:2].count(0) > raw[0:200:2].count(0) else "utf-16-be"
    else:
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    return text if controls <= len(text) // 100 else None  # binary data with zero bytes is not text


def _controls(raw: bytes) -> int:
    """How many bytes of ``raw`` are control characters that text does not hold (NUL and the like)."""
    return sum(raw.count(bytes([b])) for b in (*range(9), 11, 12, *range(14, 27), *range(28, 32)))


def _decode(path: Path, raw: bytes) -> str:
    if not raw.strip():
        raise ArticleError(str(path), "the file is empty; add the article's text or remove the file")
    text = _utf16(raw)
    if text is not None:
        return text
    if _controls(raw[:4096]) * 50 > len(raw[:4096]):  # a stray NUL in a text is dropped, not taken for binary
        raise ArticleError(str(path),
                           "this looks like a binary file, not an article; remove it from the seeds folder")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError as err:
        raise ArticleError(str(path), "the text is neither UTF-8, UTF-16 nor Windows-1251; save the file as "
                                      "UTF-8") from err
    log.warning("%s: not UTF-8, read as Windows-1251; save it as UTF-8 if the text looks wrong", path)
    return text


def _split_header(path: Path, text: str) -> tuple[dict[str, str], str]:
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration as err:
        raise ArticleError(str(path), "the front-matter header opened with '---' is never closed; add a "
                                      "'---' line after it") from err
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


def _published(path: Path | str, value: str | None) -> date | None:
    if value is None or value.strip().lower() in _UNKNOWN:
        return None
    try:
        day = date.fromisoformat(value.strip()[:10])
    except ValueError:
        log.warning("%s: published %r is not a date; write it as YYYY-MM-DD (read without it: relative dates "
                    "stay unresolved)", path, value[:40])
        return None
    if not plausible_year(day.year):
        log.warning("%s: published %s is outside %d-%d; check the date (read without it: relative dates stay "
                    "unresolved)", path, day.isoformat(), settings.MIN_YEAR, latest_year())
        return None
    return day


def _field(where: str, key: str, value: object) -> str | None:
    """A header or feed field as one line of text; what is not text (a number, a list) is ignored with a
    warning."""
    if value is None:
        return None
    if not isinstance(value, str):
        kind = ("a number" if isinstance(value, (int, float)) else "a list" if isinstance(value, list)
                else "an object")
        log.warning("%s: %s is %s, not text; ignored", where, key, kind)
        return None
    text = " ".join(clean_text(value).split())
    return None if text.lower() in _UNKNOWN else text


def _article(where: str, text: str, *, title: object = None, published: object = None, source: object = None,
             url: object = None) -> Article:
    body = normalise_text(text)
    if not body:
        raise ArticleError(where, "there is no article text; add it or remove the entry")
    day = _published(where, _field(where, "published", published))
    if day is None:
        log.info("%s: no publication date; its relative dates stay unresolved", where)
    return Article(id=article_id(body), path=where,
                   title=_field(where, "title", title) or body.split("\n", 1)[0][:200], published=day,
                   source=_field(where, "source", source), url=_field(where, "url", url), text=body)


def parse_article(path: Path, raw: bytes) -> Article:
    """Build an :class:`Article` from a text file's bytes; raise :class:`ArticleError` when it cannot be
    read."""
    header, body = _split_header(path, _decode(path, raw))
    if not normalise_text(body):
        raise ArticleError(str(path), "the article has a header but no text; add the text below the header")
    return _article(str(path), body, title=header.get("title"), published=header.get("published"),
                    source=header.get("source"), url=header.get("url"))


def parse_html(path: Path, raw: bytes) -> Article:
    """The main text of a saved web page and its title, date, site and address, as trafilatura finds them."""
    import trafilatura  # only when a page is read: it takes a quarter of a second to import

    page: Any = trafilatura.bare_extraction(_decode(path, raw), with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)  # a Document, or None
    text = (page.text or "") if page is not None else ""
    if not text.strip():
        raise ArticleError(str(path),
                           "no article text was found in this page; save the article's text as a .txt file")
    lines = text.split("\n")
    if page.title and lines and lines[0].strip() == page.title.strip():
        text = "\n".join(lines[1:])  # trafilatura repeats the headline as the first line
    return _article(str(path), text, title=page.title, published=page.date,
                    source=page.sitename or page.hostname, url=page.url)


def parse_feed(path: Path, raw: bytes) -> Iterator[Article | Skipped]:
    """The articles of a ``.jsonl`` feed, one JSON object a line; a line that cannot be read is skipped."""
    # lines end at \n alone: a raw U+2028 inside a JSON string is text, not the end of a line
    for n, line in enumerate(_decode(path, raw).split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        if len(line) > settings.MAX_FEED_LINE_CHARS:
            yield Skipped(where, f"the line is longer than {settings.MAX_FEED_LINE_CHARS:,} characters; put "
                                 "one article a line")
            continue
        try:
            item = json.loads(line)
        # bad JSON, numbers of thousands of digits, nesting too deep
        except (ValueError, RecursionError) as err:
            why = (err.msg if isinstance(err, json.JSONDecodeError) else "nested too deeply"
                   if isinstance(err, RecursionError) else "a number too long to read")
            yield Skipped(where, f"not a JSON object ({why}); write one article a line as "
                                 '{"title": ..., "published": ..., "source": ..., "url": ..., "text": ...}')
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            yield Skipped(where, 'the line has no "text"; give each article its text, and optionally title, '
                                 "published, source and url")
            continue
        try:
            yield _article(where, item["text"], title=item.get("title"), published=item.get("published"),
                           source=item.get("source"), url=item.get("url"))
        except ArticleError as err:
            yield Skipped(err.path, err.reason)


def _opened_regular(path: Path) -> int:
    """A descriptor of ``path`` opened for reading, if it is a regular file (a FIFO would block the run, a
    device never end); without blocking, whatever it is."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as err:
        raise ArticleError(str(path), "is a link to a file that does not exist; fix the link or remove "
                                      "it" if path.is_symlink()
                           else "disappeared while it was being read; run again") from err
    except OSError as err:
        raise ArticleError(str(path),
                           f"cannot be read ({err.strerror}); check that it exists and can be read") from err
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        is_dir = stat.S_ISDIR(os.fstat(fd).st_mode)
        os.close(fd)
        raise ArticleError(str(path), "is a folder, not an article; rename it or move it out of the seeds "
                                      "folder" if is_dir
                           else "is not a regular file (a pipe, device or socket); only files are read, "
                                "remove it")
    return fd


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, at most the size limit of one article."""
    if path.is_dir():
        raise ArticleError(str(path),
                           "is a folder, not an article; rename it or move it out of the seeds folder")
    fd = _opened_regular(path)
    try:
        with os.fdopen(fd, "rb") as fh:
            os.set_blocking(fd, True)
            raw = fh.read(settings.MAX_ARTICLE_BYTES + 1)
    except OSError as err:
        raise ArticleError(str(path), f"cannot be read ({err.strerror}); check its permissions") from err
    if len(raw) > settings.MAX_ARTICLE_BYTES:
        raise ArticleError(str(path), f"it is larger than the {settings.MAX_ARTICLE_BYTES:,}-byte limit for "
                                      "one article; split it into articles or remove it")
    return raw


def read_article(path: Path) -> Article:
    """Read one article file (a text file or a saved web page)."""
    raw = read_bytes(path)
    return parse_html(path, raw) if path.suffix.lower() in (".html", ".htm") else parse_article(path, raw)


def read_file(path: Path) -> Iterator[Article | Skipped]:
    """The articles of one file: one, or one a line for a ``.jsonl`` feed; what cannot be read as
    :class:`Skipped`. Whatever goes wrong with one file stays with it: it is skipped, named, and the others
    are read."""
    try:
        if path.suffix.lower() == ".jsonl":
            yield from parse_feed(path, read_bytes(path))
        else:
            yield read_article(path)
    except ArticleError as err:
        yield Skipped(err.path, err.reason)
    except Exception as err:  # noqa: BLE001 - a file that breaks a parser in a way no rule foresaw is still one file
        log.debug("reading %s failed", path, exc_info=True)
        yield Skipped(str(path), f"cannot be read ({type(err).__name__}: {str(err)[:200]}); check the file, "
                                 "or remove it from the seeds folder")


@dataclass(frozen=True, slots=True)
class SeedFile:
    """A file of the seeds folder as last seen: its size and modification time, and the articles it holds.
    ``read`` is False when it was the same as at the last run, so it was not read again."""

    path: str
    size: int
    mtime_ns: int
    ids: tuple[str, ...]
    read: bool = True


def _walk(folder: str, parts: tuple[str, ...] = (),
          skip: frozenset[str] = frozenset()) -> Iterator[tuple[tuple[str, ...], os.DirEntry[str]]]:
    """``(parts of the path under the folder, entry)`` of the article files, hidden ones and the folders of
    ``skip`` (real paths: the output folder) left out."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.name.lower().endswith(settings.ARTICLE_SUFFIXES):
                yield (*parts, entry.name), entry  # a folder so named too: it is reported, not read
            if entry.is_dir(follow_symlinks=False) and os.path.realpath(entry.path) not in skip:
                yield from _walk(entry.path, (*parts, entry.name), skip)


def _entries(folder: Path, skip: frozenset[str] = frozenset()) -> list[os.DirEntry[str]]:
    """The article files under a folder (hidden ones and those in hidden folders left out), in a stable
    order."""
    return [entry for _, entry in sorted(_walk(str(folder), skip=skip), key=lambda pe: pe[0])]


def refused(path: str, root: str) -> str | None:
    """Why a file of the seeds folder (real path ``root``) is not read at all, or None: a name that is not
    UTF-8 cannot be stored or shown, and a link that leaves the folder could read any file of the machine."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return "its name is not valid UTF-8; rename the file"
    if os.path.islink(path):
        target = os.path.realpath(path)
        if os.path.commonpath([root, target]) != root:
            return "is a link to a file outside the seeds folder; copy the file into the folder instead"
    return None


def _fingerprint(entry: os.DirEntry[str]) -> tuple[int, int] | None:
    try:
        st = entry.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def read_folder(folder: Path, seen_before: Mapping[str, SeedFile] | None = None, *,
                skip: Path | None = None) -> Iterator[Article | Skipped | SeedFile]:
    """Read every article under a folder (but the folder ``skip``, the output folder when it lies inside);
    what cannot be read comes back as :class:`Skipped`, and a text already read under another name is skipped
    too (kept once).

    After the articles of each file comes its :class:`SeedFile`. A file of ``seen_before`` (the last run's)
    with the same size and modification time is not read again: its :class:`SeedFile` alone comes back,
    ``read=False``.
    """
    seen_before = seen_before or {}
    seen: dict[str, str] = {}
    root = os.path.realpath(folder)
    for entry in _entries(folder, frozenset([os.path.realpath(skip)] if skip else [])):
        why = refused(entry.path, root)
        if why:
            yield Skipped(entry.path, why)
            continue
        stat = _fingerprint(entry)  # before reading: a file changed while being read is read again next time
        last = seen_before.get(entry.path)
        if stat is not None and last is not None and (last.size, last.mtime_ns) == stat:
            kept = tuple(i for i in last.ids if i not in seen)
            seen.update(dict.fromkeys(kept, entry.path))
            yield SeedFile(entry.path, *stat, kept, read=False)
            continue
        ids = []
        for item in read_file(Path(entry.path)):
            if isinstance(item, Article):
                if item.id in seen:
                    yield Skipped(item.path,
                                  f"the same text as {seen[item.id]}, kept once; remove one of the two")
                    continue
                seen[item.id] = item.path
                ids.append(item.id)
            yield item
        if stat is not None and ids:
            yield SeedFile(entry.path, *stat, tuple(ids))
