"""Settings → "Use on another computer": set sync up, see its status, merge another computer's
change with Sync now, and see a conflict, all through the real worker and widgets."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.sync import engine
from tests.fixtures.journal_fixtures import make_mentee
from tests.ui.conftest import LockedVault, ask
from tests.ui.test_app_flows import _unlocked
from ui.pages.settings.sync_box import OFF_TEXT


def _join(folder: Path, locked_vault: LockedVault, tmp_path: Path, fast_kdf: Any) -> Journal:
    state = tmp_path / "state-other"
    state.mkdir()
    other, _key = Journal.create(
        VaultPaths(tmp_path / "other-vault"), locked_vault.passphrase,
        clock=locked_vault.clock, state_dir=state, kdf=fast_kdf,
    )  # fmt: skip
    journal_id = engine.find_journal(folder, None)
    key = engine.open_journal_key(folder, journal_id, locked_vault.recovery_key)
    other.sync_adopt(folder, journal_id, key, locked_vault.recovery_key)
    return other


def test_set_up_sync_now_and_conflicts_from_settings(
    qtbot: QtBot,
    make_controller: Any,
    locked_vault: LockedVault,
    tmp_path: Path,
    fast_kdf: Any,
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    dialog = main.open_settings()
    box = dialog.sync_box
    qtbot.waitUntil(lambda: box.status_label.text() == OFF_TEXT, timeout=10000)
    assert box.setup_button.isVisibleTo(dialog) and not box.sync_button.isVisibleTo(dialog)

    folder = tmp_path / "Sync"
    folder.mkdir()
    controller.prompts.script("choose_directory", folder)
    qtbot.mouseClick(box.setup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.status.enabled, timeout=10000)
    assert str(folder) in box.status_label.text()
    assert "No other computer has joined yet" in box.status_label.text()
    assert box.sync_button.isVisibleTo(dialog) and not box.setup_button.isVisibleTo(dialog)
    assert not box.conflicts_button.isEnabled()

    other = _join(folder, locked_vault, tmp_path, fast_kdf)
    try:
        make_mentee(other, "M-303")
        shared = other.find_mentee("M-001")
        assert shared is not None
        other.update_mentee(dataclasses.replace(shared, notes="written on the other computer"))
        first = ask(qtbot, controller.worker, lambda j: j.find_mentee("M-001"))
        controller.worker.command(
            lambda j: j.update_mentee(dataclasses.replace(first, notes="written here")),
        )
        other.sync_now()
        qtbot.mouseClick(box.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: main.mentees.rowCount() == 3, timeout=10000)  # pages refreshed
        qtbot.waitUntil(lambda: box.status.conflicts == 1, timeout=10000)
        assert "Other computer 1" in box.status_label.text()
        assert "1 conflict(s)" in box.status_label.text()
        assert box.conflicts_button.isEnabled()
        qtbot.mouseClick(box.conflicts_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(controller.prompts.asked("inform")), timeout=10000)
        shown = controller.prompts.asked("inform")[-1]
        detail = str(shown.answer)  # the scripted prompts record the detail text as the answer
        assert "written here" in detail and "written on the other computer" in detail
    finally:
        other.lock()


def test_a_missing_sync_folder_is_said_plainly(
    qtbot: QtBot, make_controller: Any, locked_vault: LockedVault, tmp_path: Path
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    folder = tmp_path / "Sync"
    folder.mkdir()
    ask(qtbot, controller.worker, lambda j: j.sync_setup(folder))
    folder.rename(tmp_path / "unplugged")
    dialog = main.open_settings()
    box = dialog.sync_box
    qtbot.waitUntil(lambda: box.status.enabled, timeout=10000)
    assert box.status_label.text().startswith(f"The sync folder {folder} is missing")
    qtbot.mouseClick(box.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(controller.prompts.asked("error")), timeout=10000)
    error = controller.prompts.asked("error")[-1].answer
    assert "is missing" in str(error) and "sync app running" in str(error)


def test_changes_from_the_other_computer_arrive_on_unlock_without_asking(
    qtbot: QtBot,
    make_controller: Any,
    locked_vault: LockedVault,
    tmp_path: Path,
    fast_kdf: Any,
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    folder = tmp_path / "Sync"
    folder.mkdir()
    ask(qtbot, controller.worker, lambda j: j.sync_setup(folder))
    controller.lock()
    other = _join(folder, locked_vault, tmp_path, fast_kdf)
    try:
        make_mentee(other, "M-404")
        other.sync_now()
    finally:
        other.lock()
    with qtbot.waitSignal(controller.auto_sync.synced, timeout=10000):
        _unlocked_again = _unlock_only(qtbot, controller, locked_vault)
    qtbot.waitUntil(lambda: main.mentees.rowCount() == 3, timeout=10000)
    assert controller.auto_sync.timer.isActive()
    controller.lock()
    assert not controller.auto_sync.timer.isActive()
    assert _unlocked_again is main


def _unlock_only(qtbot: QtBot, controller: Any, locked_vault: LockedVault) -> Any:
    from tests.ui.test_app_flows import _unlock
    from ui.controller import State

    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    return controller.main_window


def test_changes_are_published_before_the_journal_locks(
    qtbot: QtBot, make_controller: Any, locked_vault: LockedVault, tmp_path: Path
) -> None:
    controller = make_controller(locked_vault.paths)
    _unlocked(qtbot, controller, locked_vault)
    folder = tmp_path / "Sync"
    folder.mkdir()
    ask(qtbot, controller.worker, lambda j: j.sync_setup(folder))
    before = len(list(folder.rglob("*.seg")))
    ask(qtbot, controller.worker, lambda j: j.add_mentee("M-505"))
    controller.lock()
    qtbot.waitUntil(lambda: len(list(folder.rglob("*.seg"))) == before + 1, timeout=10000)


def test_a_new_vault_joins_a_journal_from_settings(
    qtbot: QtBot,
    make_controller: Any,
    locked_vault: LockedVault,
    tmp_path: Path,
    fast_kdf: Any,
) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    first = Journal.open(
        locked_vault.paths, locked_vault.passphrase, clock=locked_vault.clock,
        state_dir=locked_vault.state_dir,
    )  # fmt: skip
    try:
        first.sync_setup(folder)
    finally:
        first.lock()
    fresh = VaultPaths(tmp_path / "new-computer")
    state = tmp_path / "state-new"
    state.mkdir()
    journal, _own_key = Journal.create(
        fresh, locked_vault.passphrase, clock=locked_vault.clock, state_dir=state, kdf=fast_kdf
    )
    journal.lock()
    controller = make_controller(fresh)
    controller.start()
    main = _unlock_only(qtbot, controller, locked_vault)
    dialog = main.open_settings()
    box = dialog.sync_box
    qtbot.waitUntil(lambda: box.join_button.isVisibleTo(dialog), timeout=10000)
    controller.prompts.script("choose_directory", folder)
    controller.prompts.script("ask_text", locked_vault.recovery_key)
    qtbot.mouseClick(box.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.mentees.rowCount() == 2, timeout=10000)
    qtbot.waitUntil(lambda: box.status.enabled, timeout=10000)
    assert not box.join_button.isVisibleTo(dialog)
