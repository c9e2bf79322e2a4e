"""The user's own places: ``seeds/places.csv``, which wins over every other source.

Columns: ``name``, ``lat``, ``lon``, and optionally ``country`` (ISO code), ``admin1`` (region) and
``aliases`` (other spellings, separated by ``;``). A row that cannot be read is skipped and named with its
line number; a file that cannot be read at all is skipped and named, and the run goes on without it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import os
from dataclasses import dataclass
from pathlib import Path

from geo.errors import ArticleError
from geo.ingest.read import Skipped, clean_text, read_bytes, refused
from geo.models import Place
from geo.names import fold, plain

#: Name of the corrections file inside the seeds folder.
FILE_NAME = "places.csv"
_COLUMNS = "name,lat,lon (optional: country,admin1,aliases)"


@dataclass(frozen=True, slots=True)
class Correction:
    """A place the user vouches for, and every spelling it goes by."""

    place: Place
    names: tuple[str, ...]


def read_corrections(path: Path) -> tuple[list[Correction], list[Skipped]]:
    """The places of a corrections file, and what of it was skipped and why; a missing file is no
    corrections."""
    if not path.exists() and not path.is_symlink():
        return [], []
    why = refused(str(path), os.path.realpath(path.parent))
    if why:
        return [], [Skipped(str(path), why)]
    try:
        text = read_bytes(path).decode("utf-8-sig")
    except ArticleError as err:
        return [], [Skipped(err.path, err.reason)]
    except UnicodeDecodeError:
        return [], [Skipped(str(path), "is not UTF-8; save it as UTF-8 CSV with columns " + _COLUMNS)]
    rows = csv.reader(io.StringIO(clean_text(text)))
    header = [h.strip().lower() for h in next(rows, [])]
    if not {"name", "lat", "lon"} <= set(header):
        return [], [Skipped(str(path),
                            "the header must name the columns " + _COLUMNS + "; the file is ignored")]
    out: list[Correction] = []
    skipped: list[Skipped] = []
    first_line: dict[str, int] = {}
    for line, cells in enumerate(rows, 2):
        if not any(c.strip() for c in cells):
            continue
        where = f"{path}:{line}"
        if len(cells) > len(header):
            skipped.append(Skipped(where, f"{len(cells)} fields for {len(header)} columns; quote values "
                                          "holding commas"))
            continue
        row = dict(zip(header, (c.strip() for c in cells)))
        correction, why = _correction(row)
        if correction is None:
            skipped.append(Skipped(where, why))
            continue
        key = plain(correction.place.name)
        if key in first_line:
            skipped.append(Skipped(where, f"{correction.place.name!r} is already given on line "
                                          f"{first_line[key]}; the first is kept, remove one of the two"))
            continue
        first_line[key] = line
        out.append(correction)
    return out, skipped


def _correction(row: dict[str, str]) -> tuple[Correction | None, str]:
    """The place of one row, or None and why not."""
    name = " ".join(row.get("name", "").split())
    try:
        lat, lon = float(row.get("lat", "")), float(row.get("lon", ""))
    except ValueError:
        return None, (
            f"lat/lon {row.get('lat', '')[:20]!r}, {row.get('lon', '')[:20]!r} are not numbers; row skipped"
        )
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None, "latitude must be within -90..90 and longitude within -180..180; row skipped"
    if not fold(name):
        return None, f"the name {name[:40]!r} has no letters; row skipped"
    names = (name, *(a.strip() for a in row.get("aliases", "").split(";") if fold(a)))
    place = Place(place_id=f"user:{_slug(name)}", name=name, lat=lat, lon=lon,
                  country=row.get("country", "").upper()[:2], admin1=row.get("admin1") or None,
                  feature="settlement", precision="exact")
    return Correction(place, names), ""


def _slug(name: str) -> str:
    """``user:`` ids: the name in plain letters, and a short hash of it when it holds more than letters and
    digits (two names differing only in their signs are two places)."""
    slug = plain(name).replace(" ", "-")
    if slug.replace("-", "").isalnum():
        return slug
    return f"{slug}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}".strip("-")
