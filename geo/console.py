"""What the ``geo`` command prints, and the one door errors reach the user through: :func:`door` turns geo's
errors (and the system's) into one ``error:`` line, escaped, and an exit code; logging lines for people."""

from __future__ import annotations

import errno
import functools
import logging
import re
import sqlite3
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from geo.errors import GeoError

err = Console(stderr=True, soft_wrap=True)

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text as it may be shown on a terminal: bytes of a name that are not UTF-8 and control characters
    (escape sequences a file name could carry) written as ``\\xNN``."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def say(label: str, text: str) -> None:
    """One line on stderr: a coloured label, then the text as it is (no markup read in it)."""
    err.print(f"{label} " * bool(label) + escape(printable(" ".join(text.split()))), highlight=False)


def fail(message: str) -> NoReturn:
    """Stop with one ``error:`` line and exit status 2."""
    say("[red]error:[/]", message)
    raise typer.Exit(2)


#: What to do about an operating-system error, by its errno.
_OS_ADVICE = {
    errno.ENOSPC: "free some disk space and run again", errno.EDQUOT: "free some disk space and run again",
    errno.EACCES: "check its permissions, or choose another folder",
    errno.EPERM: "check its permissions, or choose another folder",
    errno.EROFS: "the file system is read-only; choose another folder",
    errno.ENAMETOOLONG: "use a shorter name",
    errno.EEXIST: "it exists and is not a folder; choose another path",
    errno.ENOTDIR: "a part of the path is a file, not a folder; choose another path",
    errno.EISDIR: "it is a folder; give a file name", errno.ENOENT: "check the path",
}


def _os_message(exc: OSError) -> str:
    """An operating-system error as one line: the file, what went wrong, what to do."""
    where = f"{exc.filename}: " if exc.filename is not None else ""
    advice = _OS_ADVICE.get(exc.errno or 0, "check the path, the permissions and the free disk space")
    return f"{where}{exc.strerror or exc}; {advice}"


_C = TypeVar("_C", bound=Callable[..., Any])


def door(command: _C) -> _C:
    """The one door errors leave by: geo's own errors, the operating system's and the store's become one
    ``error:`` line and exit status 2, never a traceback."""

    @functools.wraps(command)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except GeoError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(_os_message(exc))
        except sqlite3.Error as exc:
            fail(f"the store could not be read or written ({exc}); check the disk space and permissions of "
                 "the output folder, or move geo.sqlite aside to start afresh")

    return guarded  # type: ignore[return-value]


class _OneLine(logging.Formatter):
    """A log record as one line on stderr: "warning: seeds/a.md: ..." (what a user reads, and can grep)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {printable(' '.join(record.getMessage().split()))}"


def setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler], force=True)
    for noisy in ("geopy", "urllib3"):  # their retries and tracebacks; geo says what failed in one line
        logging.getLogger(noisy).setLevel(logging.INFO if verbose else logging.CRITICAL)
    # a Dask cluster's life story, worker by worker
    logging.getLogger("distributed").setLevel(logging.WARNING)
