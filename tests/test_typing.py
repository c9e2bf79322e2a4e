"""The package type-checks under ``mypy --strict`` (the settings in pyproject.toml): a wrong type is a test failure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_geo_type_checks_strictly(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "geo", "--cache-dir", str(tmp_path / "mypy")],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
