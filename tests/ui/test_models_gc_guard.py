"""Garbage widgets are destroyed on the GUI thread, not in the journal worker's thread."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from ui.gc_guard import collected_on_gui_thread
from ui.worker import JournalWorker

GUI_THREAD = threading.get_ident()


def _make_cyclic_garbage(freed: list[bool], count: int = 30) -> None:
    from PySide6.QtWidgets import QWidget

    class Cyclic(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.me = self  # only the cyclic collector can free this

        def __del__(self) -> None:
            freed.append(threading.get_ident() == GUI_THREAD)

    for _ in range(count):
        Cyclic()


def _churn(_journal: object) -> int:
    junk = [[{} for _ in range(50)] for _ in range(2000)]  # crosses the collector's thresholds
    return len(junk)


def _run_churn(qtbot: QtBot, worker: JournalWorker) -> None:
    for _ in range(5):
        worker.query(_churn)
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=10000)


def test_inside_the_guard_widgets_are_freed_on_the_gui_thread(qtbot: QtBot) -> None:
    worker = JournalWorker()
    worker.open(object)
    freed: list[bool] = []
    with collected_on_gui_thread():
        _make_cyclic_garbage(freed)
        _run_churn(qtbot, worker)
        assert freed == []  # nothing collected in the worker thread
    assert freed == [True] * 30
    worker.shutdown()
