"""A flow row wraps its buttons instead of making the page as wide as all of them together."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.layout_audit import inspect
from ui.widgets.flow import flow_row


def _row(qtbot: QtBot) -> tuple[QWidget, list[QPushButton], QLineEdit]:
    root = QWidget()
    buttons = [QPushButton(f"A fairly long action {n}") for n in range(4)]
    status = QLineEdit("status")
    outer = QVBoxLayout(root)
    outer.addLayout(flow_row(status, *buttons, stretch=status))
    outer.addStretch(1)
    qtbot.addWidget(root)
    root.show()
    qtbot.waitExposed(root)
    return root, buttons, status


def test_a_narrow_row_wraps_and_nothing_is_cut(qtbot: QtBot) -> None:
    root, buttons, _ = _row(qtbot)
    widest = max(b.sizeHint().width() for b in buttons)
    assert root.minimumSizeHint().width() < sum(b.sizeHint().width() for b in buttons)
    root.resize(widest + 40, 400)
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) > 1)
    assert inspect(root).clean, inspect(root)


def test_a_wide_row_stays_on_one_line_and_the_stretching_part_fills_it(qtbot: QtBot) -> None:
    root, buttons, status = _row(qtbot)
    root.resize(2400, 200)
    qtbot.waitUntil(lambda: root.width() == 2400)
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) == 1)
    assert status.width() > status.sizeHint().width()
    assert inspect(root).clean
