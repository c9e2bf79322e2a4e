"""Serialise claims and places into the output contract: ``claims.geojson``, ``claims.csv``,
``places.geojson``.

The files are made of parts (a place's claims, a place) that :mod:`geo.outputs.files` keeps and joins: a file
of 100,000 claims is never one string. Output is sorted and stable, so the same inputs give byte-identical
files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from geo.models import Article, Claim
from geo.outputs.timeline import PlaceStatus

#: Property order of a claim feature (the contract); ``claims.csv`` adds ``lat`` and ``lon``.
CLAIM_FIELDS = ("claim_id", "place", "surface", "place_id", "country", "admin1", "feature",
                "location_precision", "controller", "event", "claimant", "claimant_side", "stance",
                "event_date", "date_precision", "date_text", "published",
                "article_id", "title", "source", "url", "quote", "confidence", "rule", "part",
                )


def claim_table(claims: Iterable[Claim], articles: Mapping[str, Article]) -> list[tuple[Any, ...]]:
    """One row per claim, in output order (by place, then date with the undated last, then id): the values of
    :data:`CLAIM_FIELDS`, then ``lat`` and ``lon``. Both claim files are written from it."""
    rows = []
    for c in claims:
        p, a = c.place, articles.get(c.article_id)
        rows.append((
            c.claim_id, p.name, c.surface, p.place_id, p.country, p.admin1, p.feature, p.precision,
            c.controller, c.event, c.claimant, c.claimant_side, c.stance,
            c.event_date.isoformat() if c.event_date else None, c.date_precision, c.date_text,
            a.published.isoformat() if a and a.published else None,
            c.article_id, a.title if a else None, a.source if a else None, a.url if a else None, c.quote,
            c.confidence, c.rule, c.part, round(p.lat, 6), round(p.lon, 6),
        ))
    return sorted(rows, key=lambda r: (r[1], r[3], r[13] is None, r[13] or "", r[0]))


_encode = json.JSONEncoder(ensure_ascii=False).encode

# The parts of the files are UTF-8 bytes: kept in the store as they are written, never decoded and encoded
# again.


def claim_features(table: Iterable[tuple[Any, ...]]) -> bytes:
    """The features of :func:`claim_table`'s rows, one a line (a part of ``claims.geojson``)."""
    return ",\n".join(_encode({"type": "Feature",
                               "geometry": {"type": "Point", "coordinates": [row[-1], row[-2]]},
                               "properties": dict(zip(CLAIM_FIELDS, row))}) for row in table).encode()


#: What a spreadsheet reads as the start of a formula (OWASP's list, with the full-width forms Excel also
#: takes).
_FORMULA_START = tuple("=+-@\t\r") + ("\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as written: text that would start a formula (``=HYPERLINK(...)``,
    ``+cmd|...``, ``@SUM(...)``) gets a leading ``'``; line breaks are ``\\n`` (a bare carriage return would
    end a line for CSV readers yet go unquoted). Numbers are left alone."""
    if type(value) is not str:
        return value
    quote = "'" if value.startswith(_FORMULA_START) else ""
    return quote + (value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value)


def csv_rows(table: Iterable[tuple[Any, ...]]) -> bytes:
    """The CSV lines of :func:`claim_table`'s rows (a part of ``claims.csv``), every cell
    :func:`cell`-safe."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for row in table:
        writer.writerow([cell(v) for v in row])
    return buf.getvalue().encode()


def place_feature(status: PlaceStatus) -> bytes:
    """The feature of one place in ``places.geojson``: its latest status."""
    p = status.place
    return _encode({
        "type": "Feature", "geometry": {"type": "Point", "coordinates": [round(p.lon, 6), round(p.lat, 6)]},
        "properties": {
            "place_id": p.place_id, "place": p.name, "country": p.country, "admin1": p.admin1,
            "feature": p.feature, "location_precision": p.precision, "controller": status.controller,
            "since": status.since.isoformat() if status.since else None, "claims": len(status.claims),
        },
    }).encode()


def collection(parts: Iterable[bytes]) -> Iterator[bytes]:
    """A FeatureCollection of parts made of features, one a line (easy to diff and to grep), piece by
    piece."""
    yield b'{"type": "FeatureCollection", "features": [\n'
    first = True
    for part in parts:
        if part:
            yield part if first else b",\n" + part
            first = False
    yield b"\n]}\n"


def csv_file(parts: Iterable[bytes]) -> Iterator[bytes]:
    """``claims.csv`` from parts made by :func:`csv_rows`, piece by piece."""
    yield (",".join([*CLAIM_FIELDS, "lat", "lon"]) + "\n").encode()
    yield from parts


def claims_geojson(table: Sequence[tuple[Any, ...]]) -> str:
    """``claims.geojson`` from :func:`claim_table`: one Point feature per claim."""
    return b"".join(collection([claim_features(table)])).decode()


def claims_csv(table: Sequence[tuple[Any, ...]]) -> str:
    """``claims.csv`` from :func:`claim_table`: the claim properties, ``lat`` and ``lon``."""
    return b"".join(csv_file([csv_rows(table)])).decode()


def places_geojson(statuses: Sequence[PlaceStatus]) -> str:
    """``places.geojson``: one feature per place with its latest status."""
    return b"".join(collection(place_feature(s) for s in statuses)).decode()
