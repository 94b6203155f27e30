"""run_in_background: slow work off the GUI thread (Anki's QueryOp idea, with QThreadPool).

``fn`` runs on a worker thread and must not touch widgets; ``on_success(result)`` or
``on_failure(message)`` runs on the GUI thread when it ends.

Python's cyclic GC is paused from the moment a job starts until its result has been delivered on the
GUI thread, and it is switched back on there, never on a worker: a collection on a worker thread may
finalize Qt wrappers owned by the GUI thread (a QMenu's destructor then waits for the GIL that the
GUI thread wants back), which deadlocked the GUI and the worker. Re-enabling the collector on the
worker, right after a job, was enough to trigger one (seen in the session tests).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_gc_lock = threading.Lock()
_gc_jobs = [0, False]  # jobs not yet delivered, whether the collector was on before the first


def _hold_collector() -> None:
    with _gc_lock:
        if _gc_jobs[0] == 0:
            _gc_jobs[1] = gc.isenabled()
            gc.disable()
        _gc_jobs[0] += 1


def _release_collector() -> None:
    """On the GUI thread, once a job's result is delivered."""
    with _gc_lock:
        _gc_jobs[0] -= 1
        if _gc_jobs[0] == 0 and _gc_jobs[1]:
            gc.enable()


class _Relay(QObject):
    """Lives on the GUI thread: the worker's signals arrive here as queued calls."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, on_success: Callable[[Any], None], on_failure: Callable[[str], None]):
        super().__init__()
        self._on_success, self._on_failure = on_success, on_failure
        self.done.connect(self._deliver)
        self.failed.connect(self._fail)

    @Slot(object)
    def _deliver(self, result: Any) -> None:
        _release_collector()
        self._on_success(result)

    @Slot(str)
    def _fail(self, message: str) -> None:
        _release_collector()
        self._on_failure(message)


class Job(QRunnable):
    """One background call; keep it until one of its callbacks has run."""

    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(False)

    def run(self) -> None:  # noqa: D401 - Qt override
        try:
            result = self.fn()
        except Exception as e:  # noqa: BLE001 - reported to the caller, never a crash of the worker
            self.relay.failed.emit(f"{type(e).__name__}: {e}")
            return
        self.relay.done.emit(result)


def run_in_background(fn: Callable[[], Any], on_success: Callable[[Any], None],
                      on_failure: Callable[[str], None], pool: QThreadPool | None = None) -> Job:
    """Start ``fn`` on the thread pool (call from the GUI thread)."""
    job = Job(fn, _Relay(on_success, on_failure))
    _hold_collector()
    (pool or QThreadPool.globalInstance()).start(job)
    return job
