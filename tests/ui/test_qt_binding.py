"""The Qt binding must not leak references on signal emission (PySide6 6.12.0 did).

In PySide6 6.12.0 every Python-side ``Signal.emit()`` dropped one reference to ``True``; after
enough emissions (the worker emits per job, autosave per second of typing) the interpreter
aborts with ``bool_dealloc``, taking unsaved text with it. pyproject pins below 6.12; this test
fails, rather than aborts, on any release that brings the leak back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    flag = Signal(bool)
    value = Signal(object)


def test_emitting_signals_keeps_bool_reference_counts(qtbot: QtBot) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.flag.connect(received.append)
    emitter.value.connect(received.append)
    before = (sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(50):
        emitter.flag.emit(False)
        emitter.value.emit(None)
    received.clear()
    after = (sys.getrefcount(True), sys.getrefcount(False))
    assert after == before, "this PySide6 leaks a reference per emit: pin another release"
