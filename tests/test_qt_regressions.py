"""Known bugs in the Qt binding that break the app, pinned so an upgrade that brings one back fails here."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    sig = Signal()

    def slot(self) -> None:
        pass


def test_signal_disconnect_keeps_reference_counts():
    """PySide6-Essentials 6.12.0 returns Py_True from SignalInstance.disconnect() without a new
    reference: pyqtgraph disconnects on every chart redraw, the count of True falls by hundreds per
    recompute, and the interpreter aborts ("bool_dealloc"). pyproject.toml pins <6.12."""
    o = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):
        o.sig.connect(o.slot)
        o.sig.disconnect(o.slot)
    assert sys.getrefcount(True) >= before - 5
