"""run_in_background: slow work off the GUI thread (Anki's QueryOp idea, with QThreadPool).

``fn`` runs on a worker thread and must not touch widgets; ``on_success(result)`` or
``on_failure(message)`` runs on the GUI thread when it ends. Python's cyclic GC is paused while any
job runs: a collection on a worker thread may finalize Qt wrappers owned by the GUI thread, which
deadlocked the GUI and the worker (seen in tests: both threads stuck in pure-Python frames).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any, Iterator

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_gc_lock = threading.Lock()
_gc_jobs = [0, False]  # running jobs, whether the collector was on before the first


@contextmanager
def no_collection_in_worker() -> Iterator[None]:
    with _gc_lock:
        if _gc_jobs[0] == 0:
            _gc_jobs[1] = gc.isenabled()
            gc.disable()
        _gc_jobs[0] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_jobs[0] -= 1
            if _gc_jobs[0] == 0 and _gc_jobs[1]:
                gc.enable()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """One background call; its signals are delivered on the thread that made it (the GUI's)."""

    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:  # noqa: D401 - Qt override
        try:
            with no_collection_in_worker():
                result = self.fn()
        except Exception as e:  # noqa: BLE001 - reported to the caller, never a crash of the worker
            self.signals.failed.emit(f"{type(e).__name__}: {e}")
            return
        self.signals.done.emit(result)


def run_in_background(fn: Callable[[], Any], on_success: Callable[[Any], None],
                      on_failure: Callable[[str], None], pool: QThreadPool | None = None) -> Job:
    """Start ``fn`` on the thread pool; keep the returned Job until one of the callbacks has run."""
    job = Job(fn)
    job.signals.done.connect(on_success)
    job.signals.failed.connect(on_failure)
    (pool or QThreadPool.globalInstance()).start(job)
    return job
