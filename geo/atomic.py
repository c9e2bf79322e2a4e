"""Atomic file writes: a file is either as it was or as it should be, never half written.

Every file geo writes goes through here: to a temporary file in the same folder, flushed to disk, then renamed
over the target. A write goes to a regular file only: a symbolic link is written through (the file it points
to is replaced, the link stays), a device, pipe, socket or folder is refused, and so is any file the caller
protects (the store). An existing file keeps its permissions.

Several files that belong together (the outputs of a run) are replaced together: all are written to temporary
files first, then a journal naming the renames is written, then the renames are done and the journal removed.
A run killed in the middle leaves the journal; the next run (:func:`recover`) finishes the renames before
doing anything else, so the files never stay a mix of two runs.
"""

from __future__ import annotations

import filecmp
import functools
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from geo.errors import UsageError

#: Temporary files are named ``.NAME.XXXX.tmp`` next to their target.
_TMP_SUFFIX = ".tmp"
#: The journal of a set of files being replaced together.
JOURNAL = ".geo-replace.journal"

Data = str | bytes | Iterable[bytes]


@functools.cache
def _new_file_mode() -> int:
    """The mode a new file gets from this process's umask (read once: reading it means setting it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def target(path: Path, *, protect: Iterable[Path] = ()) -> Path:
    """The regular file a write to ``path`` replaces: ``path``, or the file a link at ``path`` points to.
    Raises :class:`UsageError` for a folder, a device, a pipe or a socket, and for the files of
    ``protect``."""
    real = Path(os.path.realpath(path))
    for kept in protect:
        if os.path.exists(kept) and os.path.exists(real) and os.path.samefile(real, kept):
            raise UsageError(f"{path} is {kept}, which geo needs; write to another file")
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        if not real.parent.is_dir():
            raise UsageError(f"{path}: the folder {real.parent} does not exist; create it or write "
                             "elsewhere") from None
        return real
    if stat.S_ISDIR(mode):
        raise UsageError(f"{path} is a folder; give a file name")
    if not stat.S_ISREG(mode):
        raise UsageError(f"{path} is not a regular file (a device, pipe or socket); write to a file")
    return real


@contextmanager
def replacing(path: Path, *, protect: Iterable[Path] = (), suffix: str = "") -> Iterator[Path]:
    """A temporary path (ending in ``suffix``, for writers that go by it) to write ``path``'s new content to;
    when the block ends without error it replaces ``path`` (see :func:`target`), keeping an existing file's
    permissions; else it is removed."""
    real = target(path, protect=protect)
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=_TMP_SUFFIX + suffix)
    os.close(fd)
    try:
        yield Path(tmp)
        _install(Path(tmp), real)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _install(tmp: Path, real: Path) -> None:
    """Give ``tmp`` the permissions of the file it replaces (or of a new file), flush it, rename it over
    ``real``."""
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()
    os.chmod(tmp, mode)
    os.replace(tmp, real)


def _write_temp(real: Path, data: Data) -> Path:
    """``data`` (text, bytes, or UTF-8 bytes piece by piece) in a new temporary file beside ``real``, on
    disk."""
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=_TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            pieces = ([data.encode("utf-8")] if isinstance(data, str) else [data] if isinstance(data, bytes)
                      else data)
            for piece in pieces:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    return Path(tmp)


def atomic_write(path: Path, data: Data, *, protect: Iterable[Path] = ()) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename; return False, leaving the file alone,
    when it already held exactly that."""
    return bool(write_together({path: data}, protect=protect))


def write_together(files: Mapping[Path, Data], *, protect: Iterable[Path] = ()) -> list[Path]:
    """Replace several files together (see the module's docstring); return those whose content changed (a file
    that already held exactly its new content is left alone)."""
    real = {path: target(path, protect=protect) for path in files}
    staged: dict[Path, Path] = {}
    # in the folder of the files asked for, where recover() looks
    journal = next(iter(files)).parent / JOURNAL
    try:
        for path, data in files.items():
            tmp = _write_temp(real[path], data)
            if real[path].is_file() and filecmp.cmp(tmp, real[path], shallow=False):
                tmp.unlink()
            else:
                staged[path] = tmp
        if len(staged) > 1:
            _write_journal(journal, {str(tmp): str(real[path]) for path, tmp in staged.items()})
        for path, tmp in staged.items():
            _install(tmp, real[path])
        if len(staged) > 1:
            os.unlink(journal)
    finally:
        for tmp in staged.values():
            if tmp.exists() and not journal.exists():
                tmp.unlink()
    return list(staged)


def _write_journal(journal: Path, renames: Mapping[str, str]) -> None:
    tmp = _write_temp(journal, json.dumps(renames, sort_keys=True))
    os.replace(tmp, journal)


def _ours(tmp: Path, final: Path) -> bool:
    """Whether a rename of a journal is one geo wrote: a temporary file of ours (``.NAME.XXXX.tmp``) beside
    the file it replaces. A journal planted to move other files is not obeyed."""
    return (tmp.parent == final.parent and tmp.name.startswith(f".{final.name}.") and _TMP_SUFFIX in tmp.name
            and not tmp.is_symlink())


def recover(folder: Path) -> None:
    """Finish a replacement a killed run left half done in ``folder`` (the journal's renames whose temporary
    file is still there), then remove the temporary files no one will finish. Call it holding the folder."""
    journal = folder / JOURNAL
    if journal.is_file():
        try:
            renames: dict[str, str] = json.loads(journal.read_text(encoding="utf-8"))
        except ValueError:
            renames = {}
        for tmp, final in renames.items():
            if _ours(Path(tmp), Path(final)) and os.path.isfile(tmp):
                _install(Path(tmp), Path(final))
        journal.unlink()
    for leftover in folder.glob(f".*{_TMP_SUFFIX}*"):
        if leftover.is_file():
            leftover.unlink(missing_ok=True)
