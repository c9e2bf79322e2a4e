"""Settings in one place: typed defaults, each documented. Only the CLI reads the environment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: Folder of articles read by ``geo run``.
SEEDS_DIR = Path("seeds")
#: Folder the outputs and the store are written to.
OUT_DIR = Path("output")
#: Name of the SQLite store inside the output folder.
STORE_NAME = "geo.sqlite"
#: Files larger than this are skipped with a message (bytes).
MAX_ARTICLE_BYTES = 5_000_000
#: Article file suffixes read from the seeds folder.
ARTICLE_SUFFIXES = (".txt", ".md")
#: Countries whose every GeoNames place of 500+ people is indexed.
GAZETTEER_COUNTRIES = ("UA", "RU", "BY", "MD")
#: Elsewhere, only places of at least this population are indexed (so "New York" finds New York).
WORLD_MIN_POPULATION = 15_000
#: Version of the extraction rules; a change re-processes every article.
EXTRACTOR_VERSION = "2"


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where the built gazetteer is cached: ``$GEO_CACHE_DIR``, else ``$XDG_CACHE_HOME/geo``, else ``~/.cache/geo``.

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
    online: bool = False
    cache_dir: Path = field(default_factory=default_cache_dir)
