"""Serialise claims and places into the output contract: ``claims.geojson``, ``claims.csv``, ``places.geojson``.

Functions here return text; the pipeline writes it. Output is sorted and stable, so the same inputs give
byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from geo.models import Article, Claim
from geo.timeline import PlaceStatus

#: Property order of a claim feature (the contract); ``claims.csv`` adds ``lat`` and ``lon``.
CLAIM_FIELDS = (
    "claim_id", "place", "surface", "place_id", "country", "admin1", "feature", "location_precision", "controller",
    "event", "claimant", "claimant_side", "stance", "event_date", "date_precision", "date_text", "published",
    "article_id", "title", "source", "url", "quote", "confidence",
)


def claim_properties(claim: Claim, article: Article | None) -> dict[str, Any]:
    """The contract's properties of one claim."""
    p = claim.place
    return {
        "claim_id": claim.claim_id, "place": p.name, "surface": claim.surface, "place_id": p.place_id,
        "country": p.country, "admin1": p.admin1, "feature": p.feature, "location_precision": p.precision,
        "controller": claim.controller, "event": claim.event, "claimant": claim.claimant,
        "claimant_side": claim.claimant_side, "stance": claim.stance,
        "event_date": claim.event_date.isoformat() if claim.event_date else None,
        "date_precision": claim.date_precision, "date_text": claim.date_text,
        "published": article.published.isoformat() if article and article.published else None,
        "article_id": claim.article_id, "title": article.title if article else None,
        "source": article.source if article else None, "url": article.url if article else None,
        "quote": claim.quote, "confidence": claim.confidence,
    }


def sort_claims(claims: Sequence[Claim]) -> list[Claim]:
    """Claims in output order: by place, then date (undated last), then id."""
    return sorted(claims, key=lambda c: (c.place.name, c.place.place_id, c.event_date is None,
                                         c.event_date.isoformat() if c.event_date else "", c.claim_id))


def _point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def _dump(collection: dict[str, Any]) -> str:
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def claims_geojson(claims: Sequence[Claim], articles: Mapping[str, Article]) -> str:
    """``claims.geojson``: one Point feature per claim."""
    features = [
        {"type": "Feature", "geometry": _point(c.place.lon, c.place.lat), "properties": claim_properties(c, articles.get(c.article_id))}
        for c in sort_claims(claims)
    ]
    return _dump({"type": "FeatureCollection", "features": features})


def claims_csv(claims: Sequence[Claim], articles: Mapping[str, Article]) -> str:
    """``claims.csv``: the claim properties plus ``lat`` and ``lon``."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*CLAIM_FIELDS, "lat", "lon"], lineterminator="\n")
    writer.writeheader()
    for c in sort_claims(claims):
        row = claim_properties(c, articles.get(c.article_id)) | {"lat": round(c.place.lat, 6), "lon": round(c.place.lon, 6)}
        # a bare carriage return would end a line for CSV readers yet go unquoted: line breaks are written as \n
        writer.writerow({k: v.replace("\r\n", "\n").replace("\r", "\n") if isinstance(v, str) else v for k, v in row.items()})
    return buf.getvalue()


def places_geojson(statuses: Sequence[PlaceStatus]) -> str:
    """``places.geojson``: one feature per place with its latest status."""
    features = []
    for s in statuses:
        p = s.place
        features.append({
            "type": "Feature", "geometry": _point(p.lon, p.lat),
            "properties": {
                "place_id": p.place_id, "place": p.name, "country": p.country, "admin1": p.admin1, "feature": p.feature,
                "location_precision": p.precision, "controller": s.controller,
                "since": s.since.isoformat() if s.since else None, "claims": len(s.claims),
            },
        })
    return _dump({"type": "FeatureCollection", "features": features})
