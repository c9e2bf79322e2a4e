"""What ``geo explain`` shows of an article's reading: lines of text, or one JSON document. Nothing here
prints; the text is returned as it is (the CLI makes it safe to show)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date

from geo.claims.trace import Reading, SentenceTrace
from geo.models import Article, Claim

#: how the parts of one sentence's explanation are indented
INDENT, REASON_INDENT = "  ", "      "


def header_line(article: Article) -> str:
    """The article: id, title, publication day and where it was read from."""
    published = article.published.isoformat() if article.published else "unknown"
    return f"article {article.id}  {_flat(article.title)} · published {published} · {article.path}"


def claim_summary(claim: Claim) -> str:
    """One claim on one line: ``<surface> <controller> <event> · <claimant> (<side>) <stance> · <date>
    <precision> · rule <rule>`` (``-`` for a missing date, precision or rule)."""
    day = claim.event_date.isoformat() if claim.event_date else "-"
    return (f"{claim.surface}  {claim.controller} {claim.event} · {claim.claimant} ({claim.claimant_side}) "
            f"{claim.stance} · {day} {claim.date_precision or '-'} · rule {claim.rule or '-'}")


def mentions(sentence: SentenceTrace, place: str) -> bool:
    """Whether a sentence's frames, blocked triggers or claims name ``place`` (case-insensitive, in a claim's
    surface or place name, or anywhere in a frame's or blocked trigger's line)."""
    wanted = place.casefold()
    texts = [*sentence.frames, *(f"{b.rule} {b.text} {b.why}" for b in sentence.blocked),
             *(t for c in sentence.claims for t in (c.claim.surface, c.claim.place.name))]
    return any(wanted in t.casefold() for t in texts)


def shown(reading: Reading, place: str | None = None) -> list[SentenceTrace]:
    """The sentences worth showing: those with frames, blocked triggers or claims (naming ``place`` if
    given)."""
    busy = [s for s in reading.sentences if s.frames or s.blocked or s.claims]
    return busy if place is None else [s for s in busy if mentions(s, place)]


def sentence_lines(sentence: SentenceTrace) -> Iterator[str]:
    """A sentence, its acts, frames, blocked triggers, and each claim followed by its reasons."""
    yield f"s{sentence.index}  {_flat(sentence.text)}"
    yield f"{INDENT}acts {'; '.join(sentence.acts) or '-'}"
    for frame in sentence.frames:
        yield f"{INDENT}frame {frame}"
    for b in sentence.blocked:
        yield f"{INDENT}blocked {b.rule} '{b.text}': {b.why}"
    for trace in sentence.claims:
        yield f"{INDENT}claim {claim_summary(trace.claim)}"
        yield from (f"{REASON_INDENT}{reason}" for reason in trace.reasons)


def kept_lines(reading: Reading, place: str | None = None) -> Iterator[str]:
    """The article's claims after merging (what ``geo run`` stores), those naming ``place`` if given."""
    wanted = place.casefold() if place else ""
    claims = [c for c in reading.claims
              if wanted in c.surface.casefold() or wanted in c.place.name.casefold()]
    yield f"{len(claims)} claim(s) kept after merging"
    yield from (f"{INDENT}kept {claim_summary(c)}" for c in claims)


def as_json(article: Article, reading: Reading) -> str:
    """The article (without its text) and its reading as one line of JSON, keys sorted: dataclasses as
    objects, tuples as arrays, dates as ``YYYY-MM-DD``."""
    meta = {f.name: getattr(article, f.name) for f in dataclasses.fields(article) if f.name != "text"}
    document = {"article": meta, **dataclasses.asdict(reading)}
    return json.dumps(document, sort_keys=True, ensure_ascii=False, default=_jsonable)


def _jsonable(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be written as JSON")


def _flat(text: str) -> str:
    """Text on one line: runs of white space, line breaks included, as one space."""
    return " ".join(text.split())
