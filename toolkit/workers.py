"""Work on every core: a function applied to each item in worker processes, its results given
back in the items' order, as if it had run here.

Workers are forked, so they inherit the items (adapters made at run time need no pickling) and
the loaded code; each task is a run of item numbers and returns its results. An exception in
a worker is raised here, at its item, as the same exception (the same one-paragraph error as
without workers). A worker dies with the process that made it, and if a worker dies, the pool
is stopped and `WorkerDied` says so.
"""

import gc
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass

from .errors import MultiforceError

CHUNK = 8  # items a worker takes at a time: enough to amortise the round trip
AHEAD = 3  # chunks per worker asked for ahead of the one being used: bounds memory
# Workers that give way (`in_order`'s give_way) run at the lowest priority (a niceness 19 above
# their parent's, as far as 19): an item can wait, while the parent's work on a result
# (validating and writing a batch) holds up every item after it. With as many workers as cores,
# the parent would otherwise take turns on a core with them: in an archive build, validating
# took 7 s instead of 4.8. Workers whose results the parent only waits for keep its priority:
# on a busy machine, at 19, they would wait behind every other program.
NICER = 19
# How many allocations the collector lets pass before it looks for cycles (Python's default is
# 700): a document makes thousands of short-lived objects, hardly any in cycles, and so does a
# batch of results received, validated and written. Collecting every 10,000 costs a worker 4 %
# less of its time, and a build of 10,000 documents 1.0 s of the collector's time in the
# parent process, against 0.6 s (28.5 s against 29.6 s, with two workers).
COLLECTOR_THRESHOLDS = (10_000, 20, 20)


class WorkerDied(MultiforceError):
    pass


@contextmanager
def fewer_collections():
    """The collector at COLLECTOR_THRESHOLDS while the block runs, then as it was."""
    before = gc.get_threshold()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def default_jobs() -> int:
    return os.cpu_count() or 1


def usable(jobs: int, items: int, alongside: bool = False) -> int:
    """How many workers to start: none (work here) for one job, for one item unless this
    process has work to do `alongside` it, or where processes cannot be forked."""
    alone = items == 1 and not alongside  # the caller would only wait for it
    if jobs <= 1 or not items or alone or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return min(jobs, items)


def in_order(
    function: Callable,
    items: Sequence,
    jobs: int,
    ahead: int = 0,
    chunk: int = CHUNK,
    meanwhile: Callable[[], None] | None = None,
    give_way: bool = False,
) -> Iterator:
    """function(item) for each item, in order, computed by `jobs` worker processes, which
    take `chunk` items at a time and run up to `ahead` items (or AHEAD chunks each, if more)
    beyond the one being used: the work the caller does with a result is then done while the
    workers go on, and with `give_way` the workers run at a lower priority than this process, so
    that work never waits for them. `meanwhile()`, if given, is called here once the workers
    have been forked, before the first result is waited for."""
    workers = usable(jobs, len(items), alongside=meanwhile is not None)
    if not workers:
        if meanwhile is not None:
            meanwhile()
        yield from map(function, items)
        return
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(function, items, os.getpid(), give_way),
    )
    try:
        chunks = iter(range(0, len(items), chunk))
        running = deque()
        for start in chunks:
            running.append(pool.submit(_run, start, min(start + chunk, len(items))))
            if len(running) >= max(workers * (AHEAD + 1), -(-ahead // chunk)):
                break
        if meanwhile is not None:
            meanwhile()
        while running:
            results, failure = running.popleft().result()
            start = next(chunks, None)
            if start is not None:
                running.append(pool.submit(_run, start, min(start + chunk, len(items))))
            yield from results
            if failure:
                raise failure.rebuilt()
    except BrokenProcessPool:
        # from a result waited for, or from the next items asked of a pool already broken
        raise WorkerDied(
            "a worker process stopped before it finished (killed, or out of memory), so nothing "
            "was published. Run the command again; if it happens again, run it with --jobs 1."
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------- in the worker

_function: Callable | None = None
_items: Sequence = ()


def _start_worker(function: Callable, items: Sequence, parent: int, give_way: bool) -> None:
    global _function, _items
    _function, _items = function, items
    collect_as_a_worker()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if give_way and hasattr(os, "nice"):
        os.nice(NICER)
    _die_with(parent)


def collect_as_a_worker() -> None:
    """The collector as a worker has it: what the worker inherited lives as long as it does, so
    the collector need not walk it again at every full collection; and COLLECTOR_THRESHOLDS."""
    gc.freeze()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


def _die_with(parent: int) -> None:
    """End this worker as soon as the process that started it ends, however it ends."""
    try:
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: watch for the parent instead

        def watch():
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # it ended before the signal was asked for
        os._exit(1)


def _run(start: int, stop: int):
    """The results of items start..stop, up to the first that fails, and that failure."""
    results = []
    for index in range(start, stop):
        try:
            results.append(_function(_items[index]))
        except Exception as error:
            return results, _Failure.of(error)
    return results, None


@dataclass(frozen=True)
class _Failure:
    """An exception carried back from a worker: its class, arguments and attributes (some
    exceptions cannot be pickled as they are, having required arguments of their own)."""

    kind: type
    args: tuple
    attributes: dict
    where: str

    @classmethod
    def of(cls, error: Exception) -> "_Failure":
        return cls(type(error), error.args, dict(vars(error)), traceback.format_exc())

    def rebuilt(self) -> Exception:
        error = self.kind.__new__(self.kind, *self.args)
        error.args = self.args
        vars(error).update(self.attributes)
        error.add_note(f"In a worker process:\n{self.where}")  # shown by --debug
        return error
