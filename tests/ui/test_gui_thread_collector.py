"""The app's collector: automatic collection off, cycles collected on the GUI thread's timer."""

from __future__ import annotations

import gc
import weakref

from pytestqt.qtbot import QtBot

from ui.gc_guard import GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collector_disables_automatic_collection_and_collects_on_its_timer(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    collector = GuiThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        garbage = _Cycle()
        alive = weakref.ref(garbage)
        del garbage
        for _ in range(gc.get_threshold()[0] + 10):  # cross generation 0's threshold
            _Cycle()
        qtbot.waitUntil(lambda: alive() is None, timeout=5000)
    finally:
        collector.stop()
        if not was_enabled:  # the UI tests' own guard had it off: leave it as found
            gc.disable()
