"""Where the work of each article runs: in this process, in a pool of processes (``--workers N``), or on a
Dask cluster (``--dask ADDRESS`` or ``--dask local``).

Every way yields the results in the order of the articles given, so what lands in the store does not depend on
where it was computed. A worker opens the gazetteer once and checks that it is the one this run reads: a
cluster whose workers hold other data stops the run instead of mixing two gazetteers into one map.

A pool's workers die with the run, however it ends (SIGKILL included): on Linux the kernel kills them when the
``geo run`` process dies (``PR_SET_PDEATHSIG``), elsewhere each polls its parent's pid. multiprocessing's
resource tracker then reads the end of its pipe and exits too. A ``--dask local`` cluster's worker processes
watch a pipe from the run the same way (``distributed.process.AsyncProcess``).
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from geo import settings
from geo.errors import GeoError, UsageError
from geo.models import Article
from geo.places.corrections import Correction
from geo.places.gazetteer import Gazetteer
from geo.work.process import Answers, Processed, process_article, warm_up

log = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class Job:
    """What a worker needs to open the run's gazetteer: its cache folder, the user's places, and the signature
    the result must be computed with."""

    cache_dir: Path
    corrections: tuple[Correction, ...]
    signature: str


_OPENED: dict[Job, Gazetteer] = {}


def _gazetteer(job: Job) -> Gazetteer:
    """This process's gazetteer for ``job``, opened once."""
    if job not in _OPENED:
        gazetteer = Gazetteer.open(job.cache_dir)
        gazetteer.add_user_places(job.corrections)
        if gazetteer.signature != job.signature:
            raise GeoError(f"a worker's gazetteer ({gazetteer.signature}) is not this run's "
                           f"({job.signature}); install the same geo and import the same GeoNames dumps on "
                           "every worker")
        _OPENED[job] = gazetteer
        warm_up()
    return _OPENED[job]


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _kill_me_with_parent() -> bool:
    """Ask Linux to SIGKILL this process when the thread that started it dies. False where that cannot be
    asked."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            return True
        log.warning("prctl(PR_SET_PDEATHSIG) failed: %s", os.strerror(ctypes.get_errno()))
    except (OSError, AttributeError) as err:
        log.warning("prctl is not available: %s", err)
    return False


def _exit_when_orphaned(parent: int) -> None:
    """Poll the parent's pid and end this process at once when it changed: the parent died."""
    while os.getppid() == parent:
        time.sleep(settings.ORPHAN_POLL_S)
    os._exit(1)


def _die_with_parent(parent: int, *, pdeathsig: bool) -> None:
    """Make this pool worker die with ``parent``, the process that started it: by the kernel's signal when
    ``pdeathsig`` (it was started by the parent's main thread, which lives as long as the process), else by a
    thread that polls. A parent that died before this was set up is seen at once."""
    if not (pdeathsig and _kill_me_with_parent()):
        threading.Thread(target=_exit_when_orphaned, args=(parent,), name="geo-orphan-watch",
                         daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)


def _start_worker(parent: int, pdeathsig: bool, job: Job) -> None:
    """A pool worker's initializer: die with the run, then open the gazetteer."""
    _die_with_parent(parent, pdeathsig=pdeathsig)
    _gazetteer(job)


def work(article: Article, job: Job) -> Processed:
    """Process one article in a worker: a pool's process or a Dask worker."""
    return process_article(article, _gazetteer(job))


def work_many(articles: Sequence[Article], job: Job) -> list[Processed]:
    """Process several articles in a worker, in their order."""
    return [work(a, job) for a in articles]


def cpu_count() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def results(articles: Sequence[Article], gazetteer: Gazetteer, job: Job, *, workers: int = 1,
            dask: str | None = None, answers: Answers | None = None) -> Iterator[Processed]:
    """Process ``articles`` and yield what each gave, in their order. ``answers`` (of the online pass, see
    :func:`geo.work.process.names_to_look_up`) keep the work in this process (``geo run`` refuses
    ``--online`` with ``--dask``)."""
    if answers is None and dask is not None:
        yield from _on_dask(articles, job, dask, workers)
    elif answers is None and workers > 1 and len(articles) >= settings.MIN_PARALLEL_ARTICLES:
        yield from _in_pool(articles, job, workers)
    else:
        if articles:
            warm_up()
        for article in articles:
            yield process_article(article, gazetteer, answers)


def _in_pool(articles: Sequence[Article], job: Job, workers: int) -> Iterator[Processed]:
    # spawn, not fork: the parent holds SQLite connections and threads that a forked child must not inherit
    import multiprocessing

    log.info("reading %d articles in %d processes", len(articles), workers)
    # PR_SET_PDEATHSIG fires when the parent *thread* that started a worker ends. With spawn, CPython 3.11's
    # pool starts its workers in submit(), in the thread that calls map() here (its manager thread starts one
    # only to replace a worker that reached max_tasks_per_child, not used): the signal is safe when that is
    # the main thread.
    pdeathsig = threading.current_thread() is threading.main_thread()
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start_worker, initargs=(os.getpid(), pdeathsig, job)) as pool:
        yield from pool.map(partial(work, job=job), articles, chunksize=settings.POOL_CHUNK)


def _on_dask(articles: Sequence[Article], job: Job, address: str, workers: int) -> Iterator[Processed]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise UsageError("--dask needs Dask: pip install 'geo-frontlines[dask]'") from err
    cluster: Any = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.WARNING)
            client = Client(cluster)
        else:
            client = Client(address, timeout=f"{settings.DASK_CONNECT_TIMEOUT_S}s")
    except (OSError, TimeoutError) as err:
        raise GeoError(f"cannot reach the Dask scheduler at {address}: {err}; check the address, or use "
                       "--dask local") from err
    try:
        log.info("reading %d articles on the Dask cluster at %s (%d workers)", len(articles),
                 "this machine" if cluster is not None else address, len(client.scheduler_info()["workers"]))
        [remote_job] = client.scatter([job], broadcast=True)
        # tasks of DASK_TASK articles (a task per article would keep the scheduler busier than the workers),
        # sent DASK_BATCH articles at a time, two batches in flight while the one before is stored
        pending: deque[list[Any]] = deque()
        for start in range(0, len(articles), settings.DASK_BATCH):
            batch = articles[start:start + settings.DASK_BATCH]
            tasks = [batch[i:i + settings.DASK_TASK] for i in range(0, len(batch), settings.DASK_TASK)]
            pending.append(client.map(work_many, tasks, job=remote_job))
            if len(pending) > 2:
                yield from (p for done in client.gather(pending.popleft()) for p in done)
        while pending:
            yield from (p for done in client.gather(pending.popleft()) for p in done)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
