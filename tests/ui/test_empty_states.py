"""An empty list says what to do next, on every page, instead of showing an empty grid."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot

from tests.ui.conftest import LockedVault
from tests.ui.test_app_flows import _unlocked
from ui.controller import AppController
from ui.widgets.tables import RecordTable, read_only_table

Factory = Callable[..., AppController]


def test_an_empty_table_shows_its_next_step(qtbot: QtBot) -> None:
    def picture(empty: str) -> bytes:
        model = QStandardItemModel(0, 2)
        view = read_only_table(model, "Things", empty=empty)
        qtbot.addWidget(view)
        view.resize(400, 200)
        view.show()
        qtbot.waitExposed(view)
        image = view.viewport().grab().toImage()
        return bytes(image.constBits())

    assert picture("Nothing yet. Press New to add one.") != picture("")


def test_every_record_table_in_the_app_says_what_to_do_when_empty(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    pages = ("sessions", "goals", "coping_plan", "people", "resources", "reflection")
    tables = [
        t
        for key in (*pages, "supervision", "cpd")
        for t in main.page(key).findChildren(RecordTable)
    ]
    assert len(tables) >= 10
    silent = [t.accessibleName() for t in tables if not t.empty_text]
    assert silent == []
    assert all(t.accessibleDescription() == t.empty_text for t in tables)
