"""The pipeline: seeds/ -> store -> outputs. With the CLI, the only place that does I/O."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from geo import settings
from geo.claims import extract_claims
from geo.corrections import FILE_NAME as CORRECTIONS
from geo.corrections import read_corrections
from geo.errors import BusyError
from geo.export import claims_csv, claims_geojson, places_geojson
from geo.gazetteer import Gazetteer
from geo.ingest import Skipped, read_folder
from geo.geocode import OnlineGeocoder
from geo.models import Article, Claim, Mention, Place, Resolved
from geo.recognize import candidate_names, find_mentions
from geo.render import render_map
from geo.borders import load as load_borders
from geo.dating import date_undated
from geo.resolve import place_in_region, resolve_mentions
from geo.settings import RunSettings
from geo.store import Store
from geo.timeline import statuses

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, runs must not overlap
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

#: The lock file a run holds in the output folder.
LOCK_NAME = ".geo.lock"

OUTPUT_FILES = ("map.html", "claims.geojson", "claims.csv", "places.geojson")


@dataclass(slots=True)
class RunReport:
    """What one run did."""

    new: int = 0
    changed: int = 0  # edited since the last run, or read again for new rules or a changed gazetteer
    unchanged: int = 0
    retired: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    claims: int = 0
    places: int = 0
    unresolved: list[tuple[str, str]] = field(default_factory=list)
    written: list[str] = field(default_factory=list)


def atomic_write(path: Path, data: str) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename; return False when it was already there."""
    encoded = data.encode("utf-8")
    try:
        if path.read_bytes() == encoded:
            return False
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(encoded)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return True


@dataclass(frozen=True, slots=True)
class Processed:
    """What one article gave: its resolved mentions, the names nothing matched, and its claims."""

    resolved: list[Resolved]
    unresolved: list[Mention]
    claims: list[Claim]


def process_article(article: Article, gazetteer: Gazetteer, lookup: Callable[[str], Place | None] | None = None) -> Processed:
    """Recognise, resolve and extract the claims of one article; ``lookup`` tries the names no gazetteer knows."""
    resolved, unresolved = resolve_mentions(find_mentions(article.id, article.text, gazetteer), gazetteer)
    if lookup is not None:
        still = []
        for m in unresolved:
            place = lookup(m.surface)
            if place is None:
                still.append(m)
            else:
                resolved.append(Resolved(m, place, 1, "found online"))
        unresolved = still
    in_region, unresolved = place_in_region(unresolved, resolved)
    resolved = sorted([*resolved, *in_region], key=lambda r: r.mention.start)
    return Processed(resolved, unresolved, extract_claims(article, resolved))


@contextmanager
def exclusive(out: Path) -> Iterator[None]:
    """Hold the output folder for one run: a second ``geo run`` on it stops with a message instead of interleaving."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK_NAME, "a+b") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as err:
                raise BusyError(f"another geo run is writing to {out}; wait for it to finish, or give this one another --out") from err
        yield


def run(options: RunSettings, *, progress: Callable[[int, int], None] | None = None) -> RunReport:
    """Process the new and changed articles of ``options.seeds`` into the store, then write every output into
    ``options.out``. An article already read by these rules with this gazetteer is not read again; when the
    gazetteer or ``places.csv`` changed, only the articles naming a place they now read differently are."""
    report = RunReport()
    gazetteer = Gazetteer.open(options.cache_dir)
    gazetteer.add_user_places(read_corrections(options.seeds / CORRECTIONS))
    version = f"{settings.EXTRACTOR_VERSION}+g{gazetteer.version}"
    with exclusive(options.out), Store(options.out / settings.STORE_NAME) as store:
        if store.meta("gazetteer") != gazetteer.signature:
            store.restate_names(gazetteer.name_states, gazetteer.signature)
        geocoder = OnlineGeocoder(options.online, store) if options.online else None
        lookup = geocoder.lookup if geocoder else None
        items = list(read_folder(options.seeds))
        present = []
        for i, item in enumerate(items, 1):
            if isinstance(item, Skipped):
                report.skipped.append(item)
            elif store.is_current(item, version):
                present.append(item.id)
                store.touch(item)
                report.unchanged += 1
            else:
                present.append(item.id)
                seen = store.known(item.id) or store.holder(item.path) is not None  # re-read, or an edited file
                failed_before = geocoder.failures if geocoder else 0
                done = process_article(item, gazetteer, lookup)
                # a name the online geocoder could not answer is asked again next run: the article is not current
                incomplete = geocoder is not None and geocoder.failures > failed_before
                store.save(item, done.resolved, done.claims, version + ("+online-retry" if incomplete else ""),
                           done.unresolved, gazetteer.name_states(candidate_names(item.text)))
                if seen:
                    report.changed += 1
                else:
                    report.new += 1
            if progress:
                progress(i, len(items))
        report.retired = store.retire_except(present)
        report.unresolved = [(path, surface) for _, path, surface in store.unresolved()]
        articles = {a.id: a for a in store.articles()}
        claims = date_undated(store.claims(), articles)
        places = statuses(claims, articles)
        report.claims, report.places = len(claims), len(places)
        outputs = {
            "claims.geojson": claims_geojson(claims, articles),
            "claims.csv": claims_csv(claims, articles),
            "places.geojson": places_geojson(places),
            "map.html": render_map(places, articles, load_borders(options.cache_dir)),
        }
        for name in OUTPUT_FILES:
            if atomic_write(options.out / name, outputs[name]):
                report.written.append(name)
    return report
