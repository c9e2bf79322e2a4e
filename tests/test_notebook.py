"""The walkthrough notebook runs from start to end on the bundled seed, and is kept without outputs."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"


def test_the_notebook_is_kept_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_the_notebook_runs_and_shows_the_claims_the_map_and_the_charts(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEO_SEEDS", str(ROOT / "seeds"))
    monkeypatch.setenv("GEO_OUT", str(tmp_path / "output"))
    monkeypatch.setenv("GEO_CACHE_DIR", str(cache_dir))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs)
    assert "1 new and 0 unchanged article(s); 6 claims on 6 places" in text
    rich = [o.get("data", {}) for o in outputs if o.output_type in ("display_data", "execute_result")]
    assert any("Selydove" in d.get("text/html", "") for d in rich)  # the claims table
    # the map
    assert any("<iframe" in d.get("text/html", "") and "srcdoc" in d.get("text/html", "") for d in rich)
    assert sum("image/png" in d for d in rich) >= 2  # the chart and the picture
    assert (tmp_path / "output" / "map.html").is_file() and os.environ["GEO_OUT"] == str(tmp_path / "output")
