"""One error family for geo. Only the CLI turns these into messages and exit codes."""

from __future__ import annotations


class GeoError(Exception):
    """Root of every error geo raises on purpose."""


class ArticleError(GeoError, ValueError):
    """An input file cannot be read as an article; it is skipped and named."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class GazetteerError(GeoError, RuntimeError):
    """The embedded gazetteer cannot be built or read."""


class StoreError(GeoError, RuntimeError):
    """The SQLite store cannot be opened or written."""


class UsageError(GeoError, ValueError):
    """The user asked for something that cannot be done as asked."""


class BusyError(GeoError, RuntimeError):
    """Another run is writing to the same output folder."""


class BasemapError(GeoError, RuntimeError):
    """The offline basemap shipped in the package (or the sources it is built from) cannot be read."""
