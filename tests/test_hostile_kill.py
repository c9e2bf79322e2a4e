"""A ``geo run`` killed with SIGKILL in the middle of its pool of processes leaves no process behind (its
workers, multiprocessing's resource tracker), and the next run recovers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest

from tests.conftest import write_article

OUTPUTS = ("map.html", "claims.geojson", "claims.csv", "places.geojson")
TOWNS = ("Toretsk", "Kupiansk", "Robotyne", "Vuhledar", "Avdiivka", "Marinka", "Bakhmut", "Soledar")
ARTICLES = 400  # of 40 sentences each: the pool works for seconds, so a kill lands in the middle of it
WAIT_S = 120.0  # for the pool to start (a slow machine), never reached when all is well
GONE_S = 10.0  # for the run's processes to be gone after the kill


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "seeds"
    folder.mkdir()
    for i in range(ARTICLES):
        body = " ".join(f"Russian forces captured {TOWNS[(i + k) % len(TOWNS)]} on Monday, report {i}.{k} "
                        "said."
                        for k in range(40))
        write_article(folder, f"a{i:03d}.md", body, published="2024-02-19")
    return folder


def command(seeds: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "geo", "run", "--seeds", str(seeds), "--out", str(out), "--workers", "2"]


def alive(process: psutil.Process) -> bool:
    """Whether ``process`` still runs (a zombie waiting for its new parent to reap it does not)."""
    try:
        return bool(process.is_running() and process.status() != psutil.STATUS_ZOMBIE)
    except psutil.Error:
        return False


def workers(seen: dict[int, psutil.Process]) -> list[psutil.Process]:
    """The pool's workers among the processes seen: multiprocessing's spawned children."""
    found = []
    for process in seen.values():
        try:
            if alive(process) and "spawn_main" in " ".join(process.cmdline()):
                found.append(process)
        except psutil.Error:
            continue
    return found


def working(cache_dir: Path) -> Callable[[list[psutil.Process]], bool]:
    """Whether every worker has the gazetteer open: it is past its start and reading articles."""
    where = str(cache_dir.resolve())

    def working(found: list[psutil.Process]) -> bool:
        try:
            return all(any(str(f.path).startswith(where) for f in w.open_files()) for w in found)
        except psutil.Error:
            return False
    return working


def started(found: list[psutil.Process]) -> bool:
    """The workers exist, perhaps still importing: the parent may die before they can ask to die with it."""
    return True


def collect(run: psutil.Process, seen: dict[int, psutil.Process]) -> None:
    """Add the run's descendants to ``seen``: after the kill they are no longer its children."""
    try:
        for child in run.children(recursive=True):
            seen.setdefault(child.pid, child)
    except psutil.Error:
        pass


def kill_when(ready: Callable[[list[psutil.Process]], bool], seeds: Path, out: Path,
              env: dict[str, str]) -> dict[int, psutil.Process]:
    """Start ``geo run``, SIGKILL it once both pool workers exist and are ``ready``; return every process it
    had started."""
    process = subprocess.Popen(command(seeds, out), env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    run, seen = psutil.Process(process.pid), dict[int, psutil.Process]()
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline and process.poll() is None:
        collect(run, seen)
        found = workers(seen)
        if len(found) == 2 and ready(found):
            break
        time.sleep(0.02)
    collect(run, seen)
    assert process.poll() is None, "the run ended before the kill: give it more work"
    assert len(workers(seen)) == 2, f"no pool after {WAIT_S} s: {[p.pid for p in seen.values()]}"
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    return seen


def survivors(seen: dict[int, psutil.Process]) -> list[psutil.Process]:
    """Those of ``seen`` still running ``GONE_S`` s after the kill, or none as soon as all are gone."""
    deadline = time.monotonic() + GONE_S
    while left := [p for p in seen.values() if alive(p)]:
        if time.monotonic() > deadline:
            break
        time.sleep(0.1)
    return left


def describe(process: psutil.Process) -> str:
    try:
        return f"{process.pid}: {' '.join(process.cmdline())}"
    except psutil.Error:
        return f"{process.pid}: gone"


def test_a_run_killed_mid_pool_leaves_no_process_and_the_next_run_recovers(seeds: Path,
                                                                           cache_dir: Path) -> None:
    out = seeds.parent / "out"
    env = dict(os.environ, GEO_CACHE_DIR=str(cache_dir))
    for moment in (started, working(cache_dir)):
        seen = kill_when(moment, seeds, out, env)
        assert any("resource_tracker" in describe(p) for p in seen.values()), [describe(p)
                                                                               for p in seen.values()]
        left = survivors(seen)
        try:
            assert not left, f"{moment.__name__}: still running: {[describe(p) for p in left]}"
        finally:
            for process in left:  # a failure leaves no orphan either
                process.kill()

    again = subprocess.run(command(seeds, out), env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert all((out / name).is_file() for name in OUTPUTS)
    claims = json.loads((out / "claims.geojson").read_text(encoding="utf-8"))["features"]
    assert {c["properties"]["place"] for c in claims} == set(TOWNS)
