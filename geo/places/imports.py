"""The GeoNames dumps a user imports (``geo gazetteer import``, ``list``, ``remove``): kept in the cache
folder, checked before they replace anything, so that no file leaves geo unable to run."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from geo.atomic import replacing
from geo.errors import GazetteerError
from geo.places.build import build, cache_path
from geo.places.sources import imported_dumps, imports_dir, iter_dump


def import_dump(cache_dir: Path, source: Path) -> int:
    """Add a GeoNames dump to the gazetteer: checked whole first (read as a stream), then copied into the
    cache and the cache rebuilt; return its count of populated places. A file that cannot be read, or a build
    that fails with it, leaves the gazetteer as it was."""
    count = sum(1 for _ in iter_dump(source))
    imports = imports_dir(cache_dir)
    imports.mkdir(parents=True, exist_ok=True)
    installed = imports / source.name
    # a link to the dump it replaces, to put back on failure
    previous = imports / f".{source.name}.tmp-previous"
    previous.unlink(missing_ok=True)
    if installed.is_file():
        try:
            os.link(installed, previous)
        except OSError:  # a file system without hard links
            shutil.copyfile(installed, previous)
    try:
        with replacing(installed) as tmp:
            shutil.copyfile(source, tmp)
        build(cache_dir)
    except BaseException:
        if previous.is_file():
            os.replace(previous, installed)
        else:
            installed.unlink(missing_ok=True)
        raise
    previous.unlink(missing_ok=True)
    return count


def remove_import(cache_dir: Path, name: str) -> None:
    """Remove the imported dump called ``name`` (as ``geo gazetteer list`` shows it) and rebuild the cache;
    :class:`GazetteerError` when no import is called so."""
    dumps = {p.name: p for p in imported_dumps(cache_dir)}
    if name not in dumps:
        known = ", ".join(sorted(dumps)) or "none"
        raise GazetteerError(f"no imported GeoNames dump is called {name!r} (imported: {known}); geo "
                             "gazetteer list shows them")
    aside = dumps[name].with_name(f".{name}.tmp-removed")  # put back should the build without it fail
    os.replace(dumps[name], aside)
    try:
        build(cache_dir)
    except BaseException:
        os.replace(aside, dumps[name])
        raise
    aside.unlink()


def import_counts(cache_dir: Path) -> dict[str, int]:
    """The count of populated places of each imported dump, as the cache recorded it when it was built."""
    path = cache_path(cache_dir)
    if not path.is_file():
        path = build(cache_dir)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT key, value FROM meta WHERE key LIKE 'import:%'").fetchall()
    except sqlite3.Error as err:
        raise GazetteerError(f"cannot read the gazetteer cache {path}: {err}; delete it to rebuild") from err
    finally:
        con.close()
    return {key.removeprefix("import:"): int(value) for key, value in rows}
