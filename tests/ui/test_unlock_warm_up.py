"""While the mentor types the passphrase, the worker loads what unlocking needs (once)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.ui.conftest import LockedVault, type_text
from ui import controller as controller_module
from ui.controller import AppController, State
from ui.prompts import ScriptedPrompts

Factory = Callable[..., AppController]


def test_unlock_window_warms_up_the_unlock_path_once(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    controller = make_controller(locked_vault.paths)
    prepared: list[Any] = []
    monkeypatch.setattr(controller.worker, "prepare", lambda fn, *_then: prepared.append(fn))
    controller.start()
    assert controller.state is State.UNLOCK
    assert prepared == []  # not before the first paint
    qtbot.waitUntil(lambda: prepared == [controller_module._import_unlock_path], timeout=5000)
    controller.show_unlock("again")
    # A warm-up scheduled by that call would be due before this later timer fires.
    later: list[bool] = []
    QTimer.singleShot(2 * controller_module.WARM_UP_DELAY_MS, lambda: later.append(True))
    qtbot.waitUntil(lambda: bool(later), timeout=5000)
    assert len(prepared) == 1


def test_the_main_window_is_built_empty_while_the_passphrase_is_typed(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, prompts: ScriptedPrompts
) -> None:
    controller = make_controller(locked_vault.paths)
    controller.start()
    qtbot.waitUntil(lambda: "main" in controller._windows, timeout=10000)
    main = controller.main_window
    assert controller.state is State.UNLOCK and not main.isVisible()
    assert main.mentees.rowCount() == 0  # nothing is read before unlock
    type_text(qtbot, controller.unlock_window.secret, locked_vault.passphrase)
    controller.unlock_window.submit()
    qtbot.waitUntil(lambda: main.mentees.rowCount() == 2, timeout=10000)
    assert controller.main_window is main and main.isVisible()
    assert prompts.asked("error") == []


def test_no_main_window_is_built_once_unlocking_has_begun(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    controller.start()
    controller._set_state(State.OPENING)
    controller._prebuild_main_window()
    assert "main" not in controller._windows


def test_the_screen_lock_watch_is_set_up_while_locked_and_harmless_there(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    from ui.locking import SystemLockWatcher

    controller = make_controller(locked_vault.paths, watch_system_lock=True)
    controller.start()
    qtbot.waitUntil(lambda: controller.system_lock is not None, timeout=10000)
    watcher = controller.system_lock
    assert isinstance(watcher, SystemLockWatcher) and controller.state is State.UNLOCK
    watcher._on_screensaver(True)  # the screen locks while the vault is locked
    assert controller.state is State.UNLOCK
    assert not controller.idle.armed
    type_text(qtbot, controller.unlock_window.secret, locked_vault.passphrase)
    controller.unlock_window.submit()
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    assert controller.system_lock is watcher  # one watcher, not a second set of connections
    watcher._on_screensaver(True)
    assert controller.state is State.UNLOCK


def test_the_main_window_first_shows_with_the_mentee_list_in(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    controller.start()
    rows_when_shown: list[int] = []
    controller.unlocked.connect(
        lambda: rows_when_shown.append(controller.main_window.mentees.rowCount())
    )
    type_text(qtbot, controller.unlock_window.secret, locked_vault.passphrase)
    controller.unlock_window.submit()
    qtbot.waitUntil(lambda: bool(rows_when_shown), timeout=10000)
    assert rows_when_shown == [2]  # one paint with the list, not an empty window first
    assert controller.main_window.isVisible() and not controller.unlock_window.isVisible()


def test_a_list_that_cannot_be_read_still_opens_the_window_and_says_why(
    qtbot: QtBot,
    make_controller: Factory,
    locked_vault: LockedVault,
    prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mentorjournal.errors import VaultCorrupt
    from ui.windows import main_window as main_window_module

    def damaged(_journal: Any) -> Any:  # a page of the mentees table fails its HMAC
        raise VaultCorrupt("The vault database cannot be read: it is damaged.")

    monkeypatch.setattr(main_window_module, "load_mentee_rows", damaged)
    controller = make_controller(locked_vault.paths)
    controller.start()
    type_text(qtbot, controller.unlock_window.secret, locked_vault.passphrase)
    controller.unlock_window.submit()
    qtbot.waitUntil(controller.main_window.isVisible, timeout=10000)
    assert controller.state is State.MAIN
    assert [a.kind for a in prompts.asked("error")] == ["error"]
