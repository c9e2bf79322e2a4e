"""The user's own places: ``seeds/places.csv``, which wins over every other source.

Columns: ``name``, ``lat``, ``lon``, and optionally ``country`` (ISO code), ``admin1`` (region) and ``aliases``
(other spellings, separated by ``;``). A row that cannot be read is reported with its line number and skipped.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from geo.errors import UsageError
from geo.models import Place
from geo.names import plain

log = logging.getLogger(__name__)

#: Name of the corrections file inside the seeds folder.
FILE_NAME = "places.csv"


@dataclass(frozen=True, slots=True)
class Correction:
    """A place the user vouches for, and every spelling it goes by."""

    place: Place
    names: tuple[str, ...]


def read_corrections(path: Path) -> list[Correction]:
    """Read a corrections file; a missing file is no corrections."""
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read {path}: {err}; save it as UTF-8 CSV with columns name,lat,lon") from err
    rows = csv.DictReader(io.StringIO(text))
    fields = {f.strip().lower() for f in rows.fieldnames or []}
    if not {"name", "lat", "lon"} <= fields:
        raise UsageError(f"{path}: the header must name the columns name,lat,lon (optional: country,admin1,aliases)")
    out = []
    for line, row in enumerate(rows, 2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            log.warning("%s:%d: lat/lon %r, %r are not numbers; row skipped", path, line, row["lat"], row["lon"])
            continue
        if not row["name"] or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            log.warning("%s:%d: a name and a latitude/longitude in range are needed; row skipped", path, line)
            continue
        names = (row["name"], *(a.strip() for a in row.get("aliases", "").split(";") if a.strip()))
        place = Place(
            place_id="user:" + plain(row["name"]).replace(" ", "-"), name=row["name"], lat=lat, lon=lon,
            country=row.get("country", "").upper(), admin1=row.get("admin1") or None, feature="settlement",
            precision="exact",
        )
        out.append(Correction(place, names))
    return out
