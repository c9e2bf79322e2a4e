"""The pipeline: seeds/ -> store -> outputs. With the CLI, the only place that does I/O."""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from geo import settings
from geo.atomic import recover
from geo.errors import BusyError, UsageError
from geo.ingest.read import SeedFile, Skipped, read_file, read_folder
from geo.models import Article, Place
from geo.places.corrections import FILE_NAME as CORRECTIONS
from geo.places.corrections import Correction, read_corrections
from geo.places.gazetteer import Gazetteer
from geo.settings import RunSettings
from geo.store.dating import date_undated_articles
from geo.store.db import ArticleState, Store
from geo.when import latest_year

if TYPE_CHECKING:
    from geo.outputs.files import Progress
    from geo.places.geocode import OnlineGeocoder
    from geo.work.process import Processed

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, runs must not overlap
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

#: The lock file a run holds in the output folder.
LOCK_NAME = ".geo.lock"
#: The code that reads an article (modules and packages of ``geo``): when it changes, every article is read
#: again.
READERS = ("claims", "places/cues.py", "places/sentences.py", "models.py", "names.py", "work/process.py",
           "places/recognize.py", "places/resolve.py", "places/rank.py", "settings.py", "when.py",
           "when_rules.py", "when_relative.py", "when_words.py")


@functools.cache
def reader_version() -> str:
    """The version of what reads an article: ``settings.EXTRACTOR_VERSION`` and a digest of the code of
    :data:`READERS`, so that a store read by other rules is read again without anyone bumping a number."""
    root = Path(__file__).parent
    files = sorted(f for name in READERS
                   for f in ((root / name).glob("*.py") if (root / name).is_dir() else [root / name]))
    digest = hashlib.sha256()
    for f in files:
        digest.update(f"{f.relative_to(root).as_posix()}\0".encode() + f.read_bytes().replace(b"\r\n", b"\n"))
    return f"{settings.EXTRACTOR_VERSION}.{digest.hexdigest()[:12]}"


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
    # (path, name, why): names no source knows
    unresolved: list[tuple[str, str, str]] = field(default_factory=list)
    # names whose only places were left out, and why
    left_out: list[tuple[str, str, str]] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unanswered: int = 0  # names the online geocoders could not answer this run (asked again next run)
    # article id -> "new" or "changed", as counted
    due: dict[str, str] = field(default_factory=dict, repr=False)


@contextmanager
def exclusive(out: Path) -> Iterator[None]:
    """Hold the output folder for one run: a second ``geo run`` on it stops with a message instead of
    interleaving."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK_NAME, "a+b") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as err:
                raise BusyError(f"another geo run is writing to {out}; wait for it to finish, or give this "
                                "one another --out") from err
        recover(out)  # what a killed run left: outputs half replaced, temporary files
        yield


def run(options: RunSettings, *, progress: Progress | None = None) -> RunReport:
    """Process the new and changed articles of ``options.seeds`` into the store, then write every output into
    ``options.out``. An article already read by these rules with this gazetteer is not read again; when the
    gazetteer or ``places.csv`` changed, only the articles naming a place they now read differently are. When
    nothing changed since the outputs were written, and they are as written, they are left alone."""
    report = RunReport()
    if options.online and options.dask is not None:
        raise UsageError("--online and --dask do not go together: run --online alone to look names up first, "
                         "then --dask (the answers are kept)")
    if options.out.resolve() == options.seeds.resolve():
        raise UsageError(f"--out {options.out} is the seeds folder: the map would be read back as an "
                         "article; write the outputs to another folder")
    gazetteer = Gazetteer.open(options.cache_dir)
    corrections, report.skipped = read_corrections(options.seeds / CORRECTIONS)
    gazetteer.add_user_places(corrections)
    # the latest year a date may have is part of the rules: on New Year every article is read again, so a
    # re-run and a fresh run agree
    version = f"{reader_version()}+g{gazetteer.version}+y{latest_year()}"
    with exclusive(options.out), Store(options.out / settings.STORE_NAME) as store:
        if store.meta("gazetteer") != gazetteer.signature:
            store.restate_names(gazetteer.name_states, gazetteer.signature)
        sorter = _Sorter(store.states(), version, report)
        geocoder = _geocoder(options, store)
        seen_before = store.seed_files()
        files: list[SeedFile] = []
        todo: list[Article] = []
        done = 0
        for item in read_folder(options.seeds, seen_before, skip=options.out):
            todo += _due(item, sorter, files)
            if len(todo) >= settings.PROCESS_CHUNK:  # a backlog of millions is read a chunk at a time
                done = _process(todo, done, gazetteer, corrections, version, options, store, progress, report,
                                geocoder)
                todo = []
        store.touch(sorter.moved)
        if todo:
            _process(todo, done, gazetteer, corrections, version, options, store, progress, report, geocoder)
        store.record_seed_files(files, seen_before)
        _account(store, sorter, geocoder)
        date_undated_articles(store)
        from geo.outputs.files import write  # the output writers load only here

        shown = write(options.out, store, options.cache_dir, progress, gazetteer.spellings)
        report.claims, report.places, report.written = shown.claims, shown.places, shown.written
    return report


class _Sorter:
    """Sorts the articles of the seeds folder: unchanged (read by these rules with this gazetteer), or due to
    be read, new or changed; counts them in the report."""

    def __init__(self, known: dict[str, ArticleState], version: str, report: RunReport) -> None:
        self.known, self.version, self.report = known, version, report
        self.held_paths = {state.path for state in known.values() if not state.retired}
        self.present: list[str] = []
        # unchanged articles found under another path, or back from retired
        self.moved: list[tuple[str, str]] = []

    def due(self, article_id: str, path: str) -> bool:
        """Count an article as due to be read (True) or unchanged (False)."""
        self.present.append(article_id)
        state = self.known.get(article_id)
        if state is not None and state.version == self.version:
            self.report.unchanged += 1
            if (state.path, state.retired) != (path, False):
                self.moved.append((article_id, path))
            return False
        kind = "changed" if state is not None or path in self.held_paths else "new"  # read again, or edited
        self.report.due[article_id] = kind
        if kind == "new":
            self.report.new += 1
        else:
            self.report.changed += 1
        return True

    def gone(self) -> list[str]:
        """The articles the store holds, not retired, that the folder no longer has."""
        kept = set(self.present)
        return [i for i, state in self.known.items() if not state.retired and i not in kept]


def _due(item: Article | Skipped | SeedFile, sorter: _Sorter, files: list[SeedFile]) -> list[Article]:
    """The articles of one item of the seeds folder that are due to be read; a file unchanged since the last
    run is read again only for the articles the rules or the gazetteer now read differently."""
    if isinstance(item, Skipped):
        sorter.report.skipped.append(item)
        return []
    if isinstance(item, Article):
        return [item] if sorter.due(item.id, item.path) else []
    files.append(item)
    if item.read:
        return []
    due = {i for i in item.ids if sorter.due(i, item.path)}
    return [a for a in read_file(Path(item.path)) if isinstance(a, Article) and a.id in due] if due else []


def _account(store: Store, sorter: _Sorter, geocoder: OnlineGeocoder | None) -> None:
    """Retire the articles gone from the folder; report the names left unresolved and the online failures."""
    report = sorter.report
    report.retired = store.retire(sorter.gone())
    for name in store.unresolved():
        (report.left_out if name.candidates
         else report.unresolved).append((name.path, name.surface, name.reason))
    report.unanswered = geocoder.failures if geocoder else 0


def _geocoder(options: RunSettings, store: Store) -> OnlineGeocoder | None:
    """The run's online geocoder (one for the whole run: a server found down is not asked again), if asked
    for."""
    if not options.online:
        return None
    from geo.places.geocode import OnlineGeocoder  # geopy, only for --online

    return OnlineGeocoder(options.online, store)


def _look_up(todo: Sequence[Article], gazetteer: Gazetteer, geocoder: OnlineGeocoder
             ) -> tuple[dict[str, Place | None], dict[str, list[str]]]:
    """The online pass, before the articles are read: the names of ``todo`` no offline source places, each
    looked up once (the geocoder keeps its answers in the store). Returns the answers, and by article the
    names the geocoder could not answer (asked again next run)."""
    from geo.work.process import names_to_look_up

    wanted = {a.id: names_to_look_up(a, gazetteer) for a in todo}
    answers: dict[str, Place | None] = {}
    failed: set[str] = set()
    for name in dict.fromkeys(n for names in wanted.values() for n in names):
        before = geocoder.failures
        try:
            answers[name] = geocoder.lookup(name)
        except Exception as err:  # noqa: BLE001 - a lookup that breaks costs its name, never the run
            log.warning("looking %r up online failed (%s: %s); it is asked again next run", name,
                        type(err).__name__, err)
            answers[name], geocoder.failures = None, geocoder.failures + 1
        if geocoder.failures > before:
            failed.add(name)
    return answers, {a: [n for n in names if n in failed] for a, names in wanted.items()}


def _process(todo: list[Article], done: int, gazetteer: Gazetteer, corrections: list[Correction],
             version: str, options: RunSettings, store: Store, progress: Progress | None, report: RunReport,
             geocoder: OnlineGeocoder | None) -> int:
    """Read ``todo`` where ``options`` say (here, a pool, a Dask cluster) and store what each gave, in
    batches; ``done`` articles were read before. Returns how many have been read, these included."""
    from geo.work.parallel import Job, cpu_count, results  # the extraction rules load only when there is work

    job = Job(options.cache_dir, tuple(corrections), gazetteer.signature)
    workers = options.workers or cpu_count()
    batch: list[tuple[Article, Processed, str]] = []
    answers, unanswered = _look_up(todo, gazetteer, geocoder) if geocoder else (None, {})
    read = results(todo, gazetteer, job, workers=workers, dask=options.dask, answers=answers)
    for i, (article, processed) in enumerate(zip(todo, read), 1):
        # a name the online geocoder could not answer is asked again next run: the article is not current
        incomplete = bool(unanswered.get(article.id))
        for note in processed.notes:
            log.warning("%s: %s", article.path, note)
        # kept out of the store: it is read again, and named again, next run
        if processed.failure is not None:
            report.skipped.append(Skipped(article.path, processed.failure))
            if report.due.pop(article.id, None) == "new":  # counted as skipped, not as new or changed
                report.new -= 1
            else:
                report.changed -= 1
        else:
            batch.append((article, processed, version + ("+online-retry" if incomplete else "")))
        if batch and (len(batch) >= settings.SAVE_BATCH or i == len(todo)):
            store.save(batch)
            batch = []
        if progress:
            progress("articles", done + i, done + len(todo))
    return done + len(todo)
