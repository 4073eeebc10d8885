"""First paint and first key: what the start-up probes of the app and of bare Qt both report.

Imports PySide6 only, so the bare baseline process loads nothing of the app.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent


class PaintFilter(QObject):
    """Calls ``on_paint`` once, after the first Paint event ``widget`` receives from now on."""

    def __init__(self, widget: Any, on_paint: Callable[[], None]) -> None:
        super().__init__()
        self._widget = widget
        self._on_paint = on_paint
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._on_paint is not None:
            done, self._on_paint = self._on_paint, None  # type: ignore[assignment]
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, done)  # runs once this paint has finished
        return False


def report_keys(field: Any) -> None:
    """At the first paint: print ``painted``, press a key, print ``keys`` once it arrives, quit."""
    from PySide6.QtWidgets import QApplication

    print("painted", time.monotonic(), flush=True)

    def arrived(_text: str) -> None:
        field.textChanged.disconnect(arrived)
        print("keys", time.monotonic(), flush=True)
        field.clear()
        QApplication.quit()

    field.textChanged.connect(arrived)
    # Posted, not sent: the key waits behind whatever the app queued, as a real one would.
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_K, Qt.KeyboardModifier.NoModifier, "k")
    QCoreApplication.postEvent(field, key)
