"""Settings in one place: typed defaults, each documented. Only the CLI reads the environment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from geo import __version__

#: Folder of articles read by ``geo run``.
SEEDS_DIR = Path("seeds")
#: Folder the outputs and the store are written to.
OUT_DIR = Path("output")
#: Name of the SQLite store inside the output folder.
STORE_NAME = "geo.sqlite"
#: Files larger than this are skipped with a message (bytes); a feed may hold many articles.
MAX_ARTICLE_BYTES = 50_000_000
#: A line of a ``.jsonl`` feed longer than this (characters) is skipped with a message: one article, not a
#: dump.
MAX_FEED_LINE_CHARS = 5_000_000
#: A sentence longer than this (characters) is read in pieces of at most this length, cut at a clause
#: boundary, so that the work on one sentence stays bounded (the longest of the labelled corpora has 736).
MAX_SENTENCE_CHARS = 800
#: A place name is weighed against at most this many other mentions of its article (the nearest in the text),
#: so that the work on an article of thousands of names grows with its length, not with its square.
MAX_CONTEXT_MENTIONS = 200
#: The earliest year a date may have (``published`` and years in the text); the latest is next year.
MIN_YEAR = 1900
#: The year the war began (Crimea, February 2014): a time before it in a sentence is history ("the attempt in
#: 1915 to take the Dardanelles"), never when a claim's event happened.
WAR_START_YEAR = 2014
#: Article file suffixes read from the seeds folder: text with a header, saved web pages, feeds (one article a
#: line).
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
#: Countries whose every GeoNames place of 500+ people is indexed.
GAZETTEER_COUNTRIES = ("UA", "RU", "BY", "MD")
#: Elsewhere, only places of at least this population are indexed (so "New York" finds New York).
WORLD_MIN_POPULATION = 15_000
#: New articles stored per transaction.
SAVE_BATCH = 200
#: New articles read at a time (by a pool or a cluster started for them): a backlog is never all in memory.
PROCESS_CHUNK = 20_000
#: Fewer new articles than this are read in the ``geo run`` process itself: starting workers would cost more.
MIN_PARALLEL_ARTICLES = 64
#: Articles a pool worker takes at a time.
POOL_CHUNK = 16
#: Articles sent to a Dask cluster at a time (two batches in flight while the one before is stored).
DASK_BATCH = 2_000
#: Articles in one Dask task.
DASK_TASK = 50
#: How long to wait for a Dask scheduler to answer.
DASK_CONNECT_TIMEOUT_S = 30
#: Version of the extraction rules; a change re-processes every article.
EXTRACTOR_VERSION = "5"
#: Where the kernel cannot kill a pool worker with the run (no ``prctl``), how often the worker checks that
#: the run is alive (seconds).
ORPHAN_POLL_S = 1.0


#: Online geocoding (``--online``), opt-in: Nominatim's public server, whose policy asks for 1 request/s at
#: most, a User-Agent that names the application, and caching of every answer.
NOMINATIM_URL = "https://nominatim.openstreetmap.org"
#: where the project lives, named in the User-Agent
PROJECT_URL = "https://pypi.org/project/geo-frontlines/"
USER_AGENT = f"geo-frontlines/{__version__} (offline-first geoparser of war reports; +{PROJECT_URL})"
ONLINE_MIN_DELAY_S = 1.0
ONLINE_TIMEOUT_S = 10.0
ONLINE_RETRIES = 2
ONLINE_ERROR_WAIT_S = 2.0
#: The largest answer an online geocoder may give (bytes, once decompressed); a bigger one is refused, not
#: kept.
ONLINE_MAX_ANSWER_BYTES = 1_000_000
#: Redirects followed per request (online geocoders and ``geo add URL``), and only to the same scheme, host
#: and port.
ONLINE_MAX_REDIRECTS = 3
#: An online geocoder that fails for this many names in a row (server errors, malformed answers) is not asked
#: again during the run: a broken server costs a few requests, not one per name.
ONLINE_FAILURES_IN_A_ROW = 3
#: Countries online answers are restricted to (ISO 3166-1 alpha-2, lower case).
ONLINE_COUNTRIES = ("ua", "ru")


@dataclass(frozen=True, slots=True)
class OnlineSettings:
    """How ``--online`` reaches the geocoders. ``geonames_username`` turns on GeoNames as a second source."""

    nominatim_url: str = NOMINATIM_URL
    geonames_username: str | None = None
    user_agent: str = USER_AGENT
    min_delay_s: float = ONLINE_MIN_DELAY_S
    timeout_s: float = ONLINE_TIMEOUT_S
    retries: int = ONLINE_RETRIES
    error_wait_s: float = ONLINE_ERROR_WAIT_S
    max_answer_bytes: int = ONLINE_MAX_ANSWER_BYTES

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> OnlineSettings:
        """``GEO_NOMINATIM_URL``, ``GEO_GEONAMES_USERNAME`` and ``GEO_USER_AGENT`` override the defaults."""
        return cls(
            nominatim_url=env.get("GEO_NOMINATIM_URL") or NOMINATIM_URL,
            geonames_username=env.get("GEO_GEONAMES_USERNAME") or None,
            user_agent=env.get("GEO_USER_AGENT") or USER_AGENT,
        )


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where the built gazetteer is cached: ``$GEO_CACHE_DIR``, else ``$XDG_CACHE_HOME/geo``, else
    ``~/.cache/geo``.

    The CLI passes the environment; library code passes nothing and gets ``~/.cache/geo``.
    """
    env = env or {}
    if env.get("GEO_CACHE_DIR"):
        return Path(env["GEO_CACHE_DIR"])
    return Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "geo"


@dataclass(frozen=True, slots=True)
class RunSettings:
    """Options of one ``geo run``."""

    seeds: Path = SEEDS_DIR
    out: Path = OUT_DIR
    online: OnlineSettings | None = None
    cache_dir: Path = field(default_factory=default_cache_dir)
    #: Processes reading new articles; None: one per core.
    workers: int | None = None
    #: A Dask scheduler's address, or "local" for a cluster on this machine; None: no Dask.
    dask: str | None = None
