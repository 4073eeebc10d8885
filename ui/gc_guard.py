"""Run Python's cyclic garbage collector on the GUI thread only.

Why: the cyclic collector runs in whichever thread happens to allocate when its thresholds are
crossed, and the journal worker thread allocates a lot. A Python-owned Qt widget that became
garbage inside a reference cycle (a page holding a bound method of itself, a closed dialog) is
then destroyed *in the worker thread*, and a QWidget destroyed off the GUI thread can crash
the process (seen as a rare segfault in the UI tests; see tests/ui/test_models_gc_guard.py).

:func:`collected_on_gui_thread` switches automatic collection off around a block and collects
once, on the calling (GUI) thread, at its end; every UI test runs inside it (tests/ui/conftest).
:class:`GuiThreadCollector` does the same for the app's whole run with a GUI-thread timer.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer


@contextmanager
def collected_on_gui_thread() -> Iterator[None]:
    """No automatic collection inside the block; one full collection here at its end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if was_enabled:
            gc.enable()


class GuiThreadCollector(QObject):
    """For the app's whole run: automatic collection off; a GUI-thread timer collects instead.

    Each tick applies Python's own rule (collect generation N once its count passes its
    threshold), so memory behaves as before, but every Qt object that dies in a cycle dies on
    the thread that owns it.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; returns objects found."""
        counts = gc.get_count()
        if counts[0] <= self._threshold[0]:
            return 0
        generation = 0
        if counts[1] > self._threshold[1]:
            generation = 2 if counts[2] > self._threshold[2] else 1
        return gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
