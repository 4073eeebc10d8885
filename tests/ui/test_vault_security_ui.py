"""The app side of the vault's security: the audit log viewer, the recovery-mode unlock, setting
a new passphrase with the recovery key, an older copy that needs a yes, and a new data key."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QProgressDialog
from pytestqt.qtbot import QtBot

from mentorjournal.journal import Journal
from tests.ui.conftest import LockedVault, ask, type_text, wait_idle
from tests.ui.test_app_flows import _unlock, _unlocked
from ui.controller import AppController, State
from ui.pages.settings.audit_log import AuditLogDialog
from ui.pages.settings.dialog import RekeyProgressRelay
from ui.prompts import ScriptedPrompts

Factory = Callable[..., AppController]
NEW_PASSPHRASE = "amber kettle under seven winter hills"


def test_audit_log_viewer_filters_by_mentee_and_action_and_shows_no_content(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, qtmodeltester: Any
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    dialog = AuditLogDialog(controller.worker, controller.prompts, main)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10000)
    qtmodeltester.check(dialog.model)
    everything = dialog.model.rowCount()
    shown = [
        dialog.model.index(r, c).data()
        for r in range(everything)
        for c in range(len(dialog.model.COLUMNS))
    ]
    assert not any("anxiety" in str(text) for text in shown), "the log holds no content"
    dialog.mentee.setCurrentIndex(dialog.mentee.findText("M-002"))
    qtbot.waitUntil(lambda: dialog.model.rowCount() < everything, timeout=10000)
    wait_idle(qtbot, controller.worker)
    actions = {dialog.model.record_at(r).action for r in range(dialog.model.rowCount())}
    assert actions == {"create"}
    dialog.mentee.setCurrentIndex(0)
    dialog.action.setCurrentIndex(dialog.action.findText("unlock"))
    wait_idle(qtbot, controller.worker)
    assert {dialog.model.record_at(r).action for r in range(dialog.model.rowCount())} == {"unlock"}
    assert dialog.table.editTriggers() == dialog.table.EditTrigger.NoEditTriggers


def test_after_a_recovery_key_unlock_the_next_lock_screen_masks_a_passphrase(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, prompts: ScriptedPrompts
) -> None:
    controller = make_controller(locked_vault.paths)
    controller.start()
    window = controller.unlock_window
    qtbot.mouseClick(window.mode_link, Qt.MouseButton.LeftButton)
    assert window.via_recovery
    prompts.script("confirm", False)  # not now: keep the passphrase
    type_text(qtbot, window.secret, locked_vault.recovery_key)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    controller.lock("Locked.")
    qtbot.waitUntil(lambda: controller.state is State.UNLOCK, timeout=10000)
    assert not window.via_recovery
    assert window.secret.echoMode() == QLineEdit.EchoMode.Password


def test_a_forgotten_passphrase_is_replaced_in_the_app_with_the_recovery_key(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, prompts: ScriptedPrompts
) -> None:
    controller = make_controller(locked_vault.paths)
    controller.start()
    window = controller.unlock_window
    window.set_recovery_mode(True)
    prompts.script("confirm", True)
    prompts.script("ask_text", NEW_PASSPHRASE).script("ask_text", NEW_PASSPHRASE)
    type_text(qtbot, window.secret, locked_vault.recovery_key)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    qtbot.waitUntil(lambda: bool(prompts.asked("inform")), timeout=10000)
    wait_idle(qtbot, controller.worker)
    controller.lock("Locked.")
    qtbot.waitUntil(lambda: controller.state is State.UNLOCK, timeout=10000)
    _unlock(qtbot, controller, NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)


def test_an_older_copy_opens_only_after_the_mentor_says_yes(
    qtbot: QtBot,
    make_controller: Factory,
    locked_vault: LockedVault,
    prompts: ScriptedPrompts,
) -> None:
    saved = locked_vault.paths.root.parent / "saved-copy"
    shutil.copytree(locked_vault.paths.root, saved)
    newer = Journal.open(
        locked_vault.paths, locked_vault.passphrase, clock=locked_vault.clock,
        state_dir=locked_vault.state_dir,
    )  # fmt: skip
    newer.lock()
    shutil.rmtree(locked_vault.paths.root)
    shutil.copytree(saved, locked_vault.paths.root)  # a sync client puts the old copy back
    before = locked_vault.paths.database.read_bytes()
    controller = make_controller(locked_vault.paths)
    controller.start()
    prompts.script("confirm", False)
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: bool(prompts.asked("confirm")), timeout=10000)
    qtbot.waitUntil(lambda: controller.state is State.UNLOCK, timeout=10000)
    assert "older copy" in prompts.asked("confirm")[0].text
    assert locked_vault.paths.database.read_bytes() == before, "nothing written without a yes"
    prompts.script("confirm", True)
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)


def test_settings_gives_the_vault_a_new_data_key_and_shows_the_new_recovery_key(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, prompts: ScriptedPrompts
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    old_key = locked_vault.paths.keyfile.read_bytes()
    dialog = main.open_settings()
    prompts.script("ask_text", locked_vault.passphrase).script("confirm", True)
    qtbot.mouseClick(dialog.action_buttons["New data key"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.state is State.UNLOCK, timeout=20000)
    qtbot.waitUntil(
        lambda: dialog.findChild(object, "recoveryKeyDialog") is not None, timeout=10000
    )
    assert locked_vault.paths.keyfile.read_bytes() != old_key
    shown = dialog.findChild(QProgressDialog, "rekeyProgress")
    assert shown is not None and not shown.isVisible()  # shown while it ran, closed when done
    relay = shown.findChild(RekeyProgressRelay)
    assert relay is not None
    assert relay.phases == ["checking", "copying", "sealing", "switching"]
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    assert ask(qtbot, controller.worker, lambda j: len(j.list_mentees())) == 2
