"""A splitter whose parts stop fitting side by side stacks them, even without a resize."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.widgets.adaptive import AdaptiveSplitter


def test_parts_that_grow_at_the_same_width_are_stacked(qtbot: QtBot) -> None:
    splitter = AdaptiveSplitter()
    qtbot.addWidget(splitter)
    left, right = QLabel("short"), QLabel("short")
    for part in (left, right):
        splitter.addWidget(part)
    splitter.resize(400, 300)
    splitter.show()
    qtbot.waitExposed(splitter)
    assert splitter.orientation() is Qt.Orientation.Horizontal
    # The text got longer (or bigger while the page was hidden): same width, wider parts.
    left.setText("a label that no longer fits beside the other one " * 3)
    qtbot.waitUntil(lambda: splitter.orientation() is Qt.Orientation.Vertical, timeout=2000)
