"""The day's first change makes one verified, rotating backup; a demo vault never backs up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentorjournal.backup import list_backups
from tests.ui.conftest import LockedVault, wait_idle
from ui.controller import AppController, State
from ui.prompts import ScriptedPrompts
from ui.settings import AppSettings

Factory = Callable[..., AppController]


def _open(qtbot: QtBot, controller: AppController, vault: LockedVault) -> object:
    controller.start()
    controller.unlock(vault.passphrase, False)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    main = controller.main_window
    qtbot.waitUntil(lambda: main.mentees.rowCount() == 2, timeout=10000)
    return main


def _add_mentee(qtbot: QtBot, main: object, prompts: ScriptedPrompts, code: str, rows: int) -> None:
    prompts.script("ask_text", code)
    qtbot.mouseClick(main.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: main.mentees.rowCount() == rows, timeout=10000)  # type: ignore[attr-defined]


def test_first_change_of_the_day_backs_up_once(
    qtbot: QtBot,
    make_controller: Factory,
    locked_vault: LockedVault,
    prompts: ScriptedPrompts,
    ui_settings: AppSettings,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "auto-backups"
    ui_settings.backup_folder = folder
    controller = make_controller(locked_vault.paths)
    main = _open(qtbot, controller, locked_vault)
    assert not folder.exists() or list(folder.iterdir()) == []  # unlocking alone changes nothing
    _add_mentee(qtbot, main, prompts, "M-010", 3)
    wait_idle(qtbot, controller.worker)
    assert len(list_backups(folder)) == 1
    _add_mentee(qtbot, main, prompts, "M-011", 4)
    wait_idle(qtbot, controller.worker)
    assert len(list_backups(folder)) == 1, "one automatic backup a day"
    locked_vault.clock.advance(24 * 3600)
    _add_mentee(qtbot, main, prompts, "M-012", 5)
    wait_idle(qtbot, controller.worker)
    assert len(list_backups(folder)) == 2
