"""Shared fixtures: one real gazetteer per test session, built from the installed packages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer
from geo.settings import default_cache_dir

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "2024-10-29-selydove.md"


@pytest.fixture(scope="session")
def cache_dir() -> Path:
    """The gazetteer cache: the user's own (built once, reused), as ``geo run`` would use it."""
    return default_cache_dir(os.environ)


@pytest.fixture(scope="session")
def gazetteer(cache_dir: Path) -> Gazetteer:
    return Gazetteer.open(cache_dir)


def write_article(folder: Path, name: str, body: str, **header: str) -> Path:
    """Write an article file with a front-matter header."""
    lines = ["---", *(f"{k}: {v}" for k, v in header.items()), "---", body]
    path = folder / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
