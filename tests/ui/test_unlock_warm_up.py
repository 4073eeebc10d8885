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
    # The window shows once the mentee list and the caseload home are both in.
    qtbot.waitUntil(main.isVisible, timeout=10000)
    assert main.mentees.rowCount() == 2
    assert controller.main_window is main
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


def test_the_main_window_is_built_a_page_at_a_time_with_keys_handled_in_between(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    from ui.windows import main_window as main_window_module

    controller = make_controller(locked_vault.paths)
    field = controller.unlock_window.secret
    pages_when_key_arrived: list[int] = []
    field.textChanged.connect(
        lambda _t: pages_when_key_arrived.append(len(controller._windows["main"]._pages))
    )
    build_next_page = main_window_module.MainWindow.build_next_page

    def build_and_press_a_key(window: Any) -> bool:
        if not window._pages:  # the mentor presses a key while the first page is built
            key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
            QCoreApplication.postEvent(field, key)
        return bool(build_next_page(window))

    monkeypatch.setattr(main_window_module.MainWindow, "build_next_page", build_and_press_a_key)
    controller.start()
    every_page = len(main_window_module.MENTEE_TABS) + len(main_window_module.AREAS)
    qtbot.waitUntil(
        lambda: (
            "main" in controller._windows and len(controller._windows["main"]._pages) == every_page
        ),
        timeout=10000,
    )
    assert pages_when_key_arrived == [1]  # handled before the second page, not after the last
    assert controller.state is State.UNLOCK and not controller._windows["main"].isVisible()


def test_a_passphrase_entered_at_once_opens_the_home_and_the_other_pages_follow(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    """The window shows once its home is built and filled; the pages the warm-up had no time
    for are built after the first paint, without anything asking for them."""
    from ui.windows.main_window import AREAS, MENTEE_TABS

    controller = make_controller(locked_vault.paths)
    controller.start()
    when_shown: list[tuple[int, bool]] = []
    controller.unlocked.connect(
        lambda: when_shown.append(
            (
                len(controller._windows["main"]._pages),
                controller._windows["main"].current_page()
                is controller._windows["main"].built_page("home"),
            )
        )
    )
    controller.unlock_window.secret.setText(locked_vault.passphrase)  # pasted, before warm-up
    controller.unlock_window.submit()
    qtbot.waitUntil(lambda: bool(when_shown), timeout=10000)
    built, home_on_show = when_shown[0]
    assert home_on_show and 1 <= built < len(MENTEE_TABS) + len(AREAS)
    window = controller._windows["main"]
    qtbot.waitUntil(lambda: not window.pages_pending(), timeout=10000)
    assert len(window._pages) == len(MENTEE_TABS) + len(AREAS)
    assert window.tabs.count() == len(MENTEE_TABS)


def test_a_mentee_chosen_before_the_other_pages_are_built_opens_with_every_tab(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    from ui.windows.main_window import MENTEE_TABS

    controller = make_controller(locked_vault.paths)
    controller.start()
    seen: list[tuple[bool, int, bool]] = []

    def choose_at_once() -> None:  # the first thing after the window shows
        window = controller._windows["main"]
        pending = window.pages_pending()
        window.select_mentee(window.sidebar.first_mentee_id())
        seen.append((pending, window.tabs.count(), window.pages_pending()))

    controller.unlocked.connect(choose_at_once)
    controller.unlock_window.secret.setText(locked_vault.passphrase)
    controller.unlock_window.submit()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen == [(True, len(MENTEE_TABS), False)]


def test_the_summary_modules_load_in_the_worker_once_after_the_first_unlock(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    controller = make_controller(locked_vault.paths)
    prepared: list[Any] = []
    real_prepare = controller.worker.prepare

    def prepare(fn: Any, *then: Any) -> None:
        prepared.append(fn)
        real_prepare(fn, *then)

    monkeypatch.setattr(controller.worker, "prepare", prepare)
    monkeypatch.setattr(controller_module, "EXPORT_WARM_UP_DELAY_MS", 0)
    controller.start()
    qtbot.waitUntil(lambda: controller_module._import_unlock_path in prepared, timeout=5000)
    assert controller_module._import_export_path not in prepared  # not while locked
    for _ in range(2):
        type_text(qtbot, controller.unlock_window.secret, locked_vault.passphrase)
        controller.unlock_window.submit()
        qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
        qtbot.waitUntil(lambda: controller_module._import_export_path in prepared, timeout=5000)
        controller.lock()
    assert prepared.count(controller_module._import_export_path) == 1
