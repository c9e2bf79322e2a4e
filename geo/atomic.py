"""Atomic file writes: a file is either as it was or as it should be, never half written."""

from __future__ import annotations

import filecmp
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def atomic_write(path: Path, data: str | Iterable[bytes]) -> bool:
    """Write ``data`` (text, or UTF-8 bytes piece by piece) to ``path`` through a temporary file and a rename;
    return False, leaving the file alone, when it already held exactly that."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in [data.encode("utf-8")] if isinstance(data, str) else data:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        if path.is_file() and filecmp.cmp(tmp, path, shallow=False):
            return False
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return True
