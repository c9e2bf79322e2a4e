"""The outputs (``claims.geojson``, ``claims.csv``, ``places.geojson``, ``map.html``), from the store.

Each claimed place's share of every output (its claims' features and CSV rows, its own feature, its map row)
is kept in the store. A run makes again only the shares of the places whose claims changed: those of the
articles it read, retired or brought back, and those of the undated articles whose year (from other reports,
given by the dating stage, :mod:`geo.store.dating`) the change moved. It then joins the shares into the files.
Made at once or run by run, the files are the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from geo import __version__, settings
from geo.atomic import write_together
from geo.models import Article
from geo.outputs.borders import load as load_borders
from geo.outputs.cache import OutputCache, PlaceOutput
from geo.outputs.export import claim_features, claim_table, collection, csv_file, csv_rows, place_feature
from geo.outputs.maprows import MapPlace, Voices, article_entry, map_json, map_place
from geo.outputs.render import DATA_SLOT, skeleton, skeleton_key
from geo.outputs.timeline import PlaceStatus, statuses
from geo.store.db import Store

#: Told how far a long step is: its name ("articles", "places"), how many done, out of how many.
Progress = Callable[[str, int, int], None]
#: The files of the output folder, in the order they are written.
OUTPUT_FILES = ("map.html", "claims.geojson", "claims.csv", "places.geojson")
#: The code that makes the shares and the files: shares made by other code are all made again.
SIGNATURE = f"{__version__}+{settings.EXTRACTOR_VERSION}+outputs4"


@dataclass(slots=True)
class Outputs:
    """What the files show, and which of them this run wrote."""

    claims: int = 0
    places: int = 0
    written: list[str] = field(default_factory=list)


#: The other spellings of a place, by its id (the gazetteer's), for the map's search.
Spellings = Callable[[str], Sequence[str]]


def place_output(status: PlaceStatus, articles: dict[str, Article], voices: Mapping[str, Voices],
                 spellings: Sequence[str] = ()) -> PlaceOutput:
    """The shares of one place."""
    table = claim_table(status.claims, articles)
    drawn = map_place(status, articles, voices, spellings)
    return PlaceOutput(status.place.place_id, status.place.name, len(status.claims), claim_features(table),
                       csv_rows(table), place_feature(status), drawn.region, drawn.first_day, drawn.last_day,
                       drawn.row)


def refresh(cache: OutputCache, progress: Progress | None = None, spellings: Spellings | None = None) -> int:
    """Make again the shares of the places whose claims changed; return how many places that was. ``progress``
    is told how many places are done; ``spellings`` gives each place's other names for the map's search."""
    store = cache.store
    everything = cache.drawn_by() != SIGNATURE
    if everything:
        cache.mark_all_dirty(SIGNATURE)
    dirty = store.dirty_places()
    if not dirty:
        return 0
    articles = {a.id: a for a in store.articles(text=False)}
    claims = store.claims(places=None if everything else dirty)
    # the claimants and quotes of each article these places cite, which the map keeps with the article
    cited = sorted({c.article_id for c in claims})
    voices = {a: Voices.of(pairs) for a, pairs in store.claim_voices(cited).items()}
    entries = {a: article_entry(articles[a], v) for a, v in voices.items()}
    drawn = statuses(claims, articles)
    shares = []
    for i, status in enumerate(drawn, 1):
        shares.append(place_output(status, articles, voices,
                                   spellings(status.place.place_id) if spellings else ()))
        if progress and (i % 250 == 0 or i == len(drawn)):
            progress("places", i, len(drawn))
    cache.refresh_places(dirty, shares, entries)
    return len(dirty)


def write(out: Path, store: Store, cache_dir: Path, progress: Progress | None = None,
          spellings: Spellings | None = None) -> Outputs:
    """Bring the shares up to date, then write the files unless they already show the store (and nobody
    touched them since): joined from the shares, the map over the borders cached in ``cache_dir``."""
    cache = OutputCache(store)
    refresh(cache, progress, spellings)
    key = skeleton_key()
    written_by = f"{SIGNATURE}+{key}"  # a new map script or style writes the map again
    record = cache.outputs_record(written_by)
    if record is not None and all(_fingerprint(out / name) == seen for name, seen in record["files"].items()):
        return Outputs(record["claims"], record["places"])
    report = Outputs()

    def drawn() -> str:
        places = []
        for p in cache.places_drawn():
            places.append(MapPlace(p.place_id, p.name, bool(p.region), p.claims, p.first_day, p.last_day,
                                   p.map_row))
            report.claims += p.claims
        report.places = len(places)
        return _skeleton(cache, key).replace(DATA_SLOT, map_json(places, cache.article_entries(),
                                                                 load_borders(cache_dir)), 1)

    files: dict[str, Callable[[], str | Iterable[bytes]]] = {
        "map.html": drawn,
        "claims.geojson": lambda: collection(cache.claim_shares("features_out")),
        "claims.csv": lambda: csv_file(cache.claim_shares("csv_out")),
        "places.geojson": lambda: collection(p.feature for p in cache.places_drawn()),
    }
    # replaced together: a run killed while renaming leaves a journal the next run finishes (geo.atomic)
    changed = write_together({out / name: files[name]() for name in OUTPUT_FILES})
    report.written = [path.name for path in changed]
    cache.record_outputs(written_by, {"claims": report.claims, "places": report.places,
                                     "files": {name: _fingerprint(out / name) for name in OUTPUT_FILES}})
    return report


def _skeleton(cache: OutputCache, key: str) -> str:
    """The map page without its data, kept in the store under ``key``
    (:func:`geo.outputs.render.skeleton_key`): folium is loaded only when geo's assets or the versions of
    folium and Leaflet changed."""
    page = cache.skeleton(key)
    if page is None:
        page = skeleton()
        cache.keep_skeleton(key, page)
    return page


def _fingerprint(path: Path) -> list[int] | None:
    """Size and modification time of an output: a file the user removed, edited or replaced has others."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]
