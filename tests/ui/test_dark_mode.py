"""Dark mode: a check box's box stands out from the window (Fusion drew it in a shade of it)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from ui.settings import Theme
from ui.theme import ThemeManager

#: Lightness difference (0-255) between the box's outline and the window behind it.
VISIBLE = 60


def _box_contrast(qtbot: QtBot, app: QApplication) -> int:
    box = QCheckBox("Show archived")
    qtbot.addWidget(box)
    box.resize(220, 32)
    box.show()
    qtbot.waitExposed(box)
    option = QStyleOptionButton()
    option.initFrom(box)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    window = app.palette().color(QPalette.ColorRole.Window).lightness()
    return max(
        abs(QColor(image.pixel(x, y)).lightness() - window)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def test_check_boxes_are_visible_in_dark_mode(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = (app.font(), app.palette(), app.style().name(), app.styleSheet())
    try:
        ThemeManager(app).apply(Theme.DARK, 100)
        assert _box_contrast(qtbot, app) >= VISIBLE
    finally:
        app.setFont(before[0])
        app.setPalette(before[1])
        app.setStyle(before[2])
        app.setStyleSheet(before[3])
        app.styleHints().unsetColorScheme()
