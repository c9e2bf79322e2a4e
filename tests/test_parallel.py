"""Where articles are read does not change what is stored: one process, a pool of processes, a Dask
cluster."""

from __future__ import annotations

import gc
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geo import settings
from geo.cli import app
from geo.errors import GeoError
from geo.models import Article
from geo.places.gazetteer import Gazetteer
from geo.work.parallel import Job, work
from geo.work.process import process_article, warm_up
from tests.conftest import write_article

OUTPUTS = ("map.html", "claims.geojson", "claims.csv", "places.geojson")
TOWNS = ("Toretsk", "Kupiansk", "Robotyne", "Avdiivka", "Vuhledar", "Selydove", "Marinka", "Krasnohorivka",
         "Chasiv Yar", "Kurakhove", "Soledar", "Klishchiivka")
SAYINGS = (
    "Russia's defence ministry said on Monday its troops had captured {town}.",
    "Ukraine's General Staff said its forces had recaptured {town} after heavy fighting.",
    "Fighting continues on the outskirts of {town}, the Ukrainian military said on Tuesday.",
    "A missile struck Kharkiv overnight. Russian forces took {town}, the ministry in Moscow said.",
)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """24 articles: every town claimed in several ways, on different days."""
    folder = tmp_path_factory.mktemp("parallel") / "seeds"
    folder.mkdir()
    for i in range(24):
        text = f"Dispatch {i + 1}. " + " ".join(s.format(town=TOWNS[(i + 5 * k) % len(TOWNS)])
                                                for k, s in enumerate(SAYINGS) if (i + k) % 3)
        day = date(2023, 1, 2) + timedelta(days=37 * i)
        write_article(folder, f"a{i:02}.md", text, title=f"Report {i}", published=day.isoformat(),
                      source="Example")
    return folder


def run(cache_dir: Path, seeds: Path, out: Path, *args: str, where: str | None = None) -> dict[str, bytes]:
    result = CliRunner().invoke(app, ["run", "--seeds", str(seeds), "--out", str(out), "-v", *args],
                                env={"GEO_CACHE_DIR": str(cache_dir)})
    assert result.exit_code == 0, result.stderr
    assert "24 new" in result.stderr
    assert (where is None) == ("reading " not in result.stderr), result.stderr
    assert where is None or f"articles {where}" in result.stderr, result.stderr
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.fixture(scope="module")
def serial(cache_dir: Path, seeds: Path) -> dict[str, bytes]:
    outputs = run(cache_dir, seeds, seeds.parent / "serial", "--workers", "1")
    places = {f["properties"]["place"] for f in json.loads(outputs["claims.geojson"])["features"]}
    assert len(places) >= 10  # the towns are found and claimed: the comparison below compares something
    return outputs


def test_a_pool_of_workers_writes_what_one_process_does(
    cache_dir: Path, seeds: Path, serial: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "MIN_PARALLEL_ARTICLES", 8)
    monkeypatch.setattr(settings, "POOL_CHUNK", 3)
    assert run(cache_dir, seeds, seeds.parent / "pool", "--workers", "2", where="in 2 processes") == serial


def test_a_backlog_read_a_chunk_at_a_time_writes_what_one_process_does(
    cache_dir: Path, seeds: Path, serial: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "PROCESS_CHUNK", 10)  # 24 articles: chunks of 10, 10 and 4
    monkeypatch.setattr(settings, "MIN_PARALLEL_ARTICLES", 8)
    assert run(cache_dir, seeds, seeds.parent / "chunks", "--workers", "2", where="in 2 processes") == serial


def test_a_local_dask_cluster_writes_what_one_process_does(
    cache_dir: Path, seeds: Path, serial: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(settings, "DASK_BATCH", 10)  # several batches of several tasks, gathered in order
    monkeypatch.setattr(settings, "DASK_TASK", 3)
    assert run(cache_dir, seeds, seeds.parent / "dask", "--dask", "local", "--workers", "2",
               where="on the Dask cluster at this machine (2 workers)") == serial


def test_an_unreachable_scheduler_is_a_message(cache_dir: Path, seeds: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(settings, "DASK_CONNECT_TIMEOUT_S", 2)
    result = CliRunner().invoke(app, ["run", "--seeds", str(seeds), "--out", str(seeds.parent / "nowhere"),
                                      "--dask", "tcp://127.0.0.1:9"], env={"GEO_CACHE_DIR": str(cache_dir)})
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr


def test_a_worker_with_another_gazetteer_refuses_the_work(cache_dir: Path) -> None:
    article = Article("x", "x.md", "x", date(2024, 1, 1), None, None, "Russian forces took Toretsk.")
    with pytest.raises(GeoError, match="install the same geo"):
        work(article, Job(cache_dir, (), "another-gazetteer"))


def test_warm_up_hides_what_lives_as_long_as_the_process_from_the_collector(gazetteer: Gazetteer) -> None:
    """A worker loads the claim engine once and freezes what is alive then: later full collections skip it,
    and articles read afterwards give what they gave before."""
    article = Article("a", "a.md", "t", date(2024, 6, 1), None, None,
                      "Russian forces captured Avdiivka on Friday.")
    before = [(c.surface, c.controller, c.event) for c in process_article(article, gazetteer).claims]
    assert before == [("Avdiivka", "RU", "captured")]
    warm_up.cache_clear()
    gc.unfreeze()
    try:
        warm_up()
        assert gc.get_freeze_count() > 1000
        assert ([(c.surface, c.controller, c.event) for c in process_article(article, gazetteer).claims]
                == before)
    finally:
        gc.unfreeze()
