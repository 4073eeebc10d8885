"""At 200% text the mentee heading stays a heading (its size was fixed when it was built)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import LockedVault
from tests.ui.test_app_flows import _unlocked
from ui.settings import Theme
from ui.theme import ThemeManager


def test_the_mentee_heading_follows_the_text_size(
    qtbot: QtBot, make_controller, locked_vault: LockedVault
) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = (app.font(), app.palette(), app.style().name(), app.styleSheet())
    main = _unlocked(qtbot, make_controller(locked_vault.paths), locked_vault)
    manager = ThemeManager(app)
    try:
        manager.apply(Theme.LIGHT, 200)
        assert main.mentee_header.font().pointSizeF() > app.font().pointSizeF()
    finally:
        app.setFont(before[0])
        app.setPalette(before[1])
        app.setStyle(before[2])
        app.setStyleSheet(before[3])
        app.styleHints().unsetColorScheme()
