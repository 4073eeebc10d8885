"""Unlock explains each failure a mentor can meet: vault in use, an older copy, throttling."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from mentorjournal.clock import ManualClock
from tests.ui.conftest import LockedVault
from tests.ui.test_app_flows import _unlock
from ui.controller import AppController, State
from ui.prompts import ScriptedPrompts
from ui.windows.unlock import AuthThrottle

Factory = Callable[..., AppController]


def test_throttle_is_free_for_a_few_tries_then_doubles_up_to_a_minute() -> None:
    clock = ManualClock()
    throttle = AuthThrottle(clock)
    assert [throttle.record_failure() for _ in range(3)] == [0.0, 0.0, 2.0]
    assert throttle.remaining() == 2.0
    clock.advance(1.5)
    assert throttle.remaining() == 0.5
    delays = [throttle.record_failure() for _ in range(8)]
    assert delays[:4] == [4.0, 8.0, 16.0, 32.0] and set(delays[4:]) == {60.0}
    throttle.record_success()
    assert throttle.remaining() == 0.0 and throttle.failures == 0


def test_busy_indicator_shows_while_unlocking_off_the_gui_thread(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    controller.start()
    window = controller.unlock_window
    _unlock(qtbot, controller, locked_vault.passphrase)
    # The click returned at once: the key derivation runs in the worker, and the window says so.
    assert window.is_busy and not window.secret.isEnabled()
    assert window.message.text() == "Unlocking…"
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    assert not window.is_busy and not window.busy.isVisible() and window.secret.text() == ""
    assert window.message.text() == ""


def test_the_moving_bar_appears_only_when_unlocking_takes_over_a_second(
    qtbot: QtBot,
    make_controller: Factory,
    locked_vault: LockedVault,
    vault_clock: Any,
    vault_state_dir: Any,
    fast_kdf: Any,
) -> None:
    from ui.controller import JournalOpener
    from ui.windows.unlock import BUSY_BAR_DELAY_MS

    class SlowOpener(JournalOpener):
        def open(self, *args: Any, **kwargs: Any) -> Any:
            time.sleep(1.5 * BUSY_BAR_DELAY_MS / 1000)  # a slow machine's KDF
            return super().open(*args, **kwargs)

    controller = make_controller(
        locked_vault.paths, opener=SlowOpener(vault_clock, vault_state_dir, kdf=fast_kdf)
    )
    controller.start()
    window = controller.unlock_window
    _unlock(qtbot, controller, locked_vault.passphrase)
    assert window.is_busy and not window.busy.isVisible()
    qtbot.waitUntil(window.busy.isVisible, timeout=BUSY_BAR_DELAY_MS + 1000)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    assert not window.busy.isVisible()


def test_vault_in_use_is_explained(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    from mentorjournal.journal import Journal

    other = Journal.open(
        locked_vault.paths,
        locked_vault.passphrase,
        clock=locked_vault.clock,
        state_dir=locked_vault.state_dir,
    )
    try:
        controller = make_controller(locked_vault.paths)
        controller.start()
        _unlock(qtbot, controller, locked_vault.passphrase)
        window = controller.unlock_window
        qtbot.waitUntil(lambda: not window.is_busy, timeout=10000)
        assert "already open" in window.message.text()
        assert window.throttle.failures == 0, "a busy vault is not a wrong passphrase"
        assert controller.state is State.UNLOCK
    finally:
        other.lock()


def test_opening_an_older_copy_warns_about_rollback(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, prompts: ScriptedPrompts
) -> None:
    from mentorjournal.journal import Journal

    root = locked_vault.paths.root
    older = root.with_name("older-copy")
    shutil.copytree(root, older)
    newer = Journal.open(
        locked_vault.paths,
        locked_vault.passphrase,
        clock=locked_vault.clock,
        state_dir=locked_vault.state_dir,
    )
    newer.lock()  # the vault has moved on; now put the older copy back
    shutil.rmtree(root)
    shutil.copytree(older, root)
    controller = make_controller(locked_vault.paths)
    controller.start()
    prompts.script("confirm", True)  # a blocking choice before anything is written
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: bool(prompts.asked("warn")), timeout=10000)
    assert prompts.asked("confirm")[0].title == "Older copy of your vault"
    assert prompts.asked("warn")[0].title == "Older copy of your vault"
    assert controller.state is State.MAIN and controller.main_window.isVisible()  # shown over it


def test_damaged_vault_is_restored_from_backup_then_unlocks(
    qtbot: QtBot,
    make_controller: Factory,
    locked_vault: LockedVault,
    prompts: ScriptedPrompts,
    tmp_path: object,
) -> None:
    from pathlib import Path

    from mentorjournal.backup import create_backup
    from mentorjournal.vault.unlocked import unlock_vault

    backups = Path(str(tmp_path)) / "backups"
    vault = unlock_vault(
        locked_vault.paths,
        locked_vault.passphrase,
        clock=locked_vault.clock,
        state_dir=locked_vault.state_dir,
    )
    try:
        backup_file = create_backup(vault, backups, clock=locked_vault.clock)
    finally:
        vault.lock()
    locked_vault.paths.database.write_bytes(b"\0" * 4096)  # the disk mangled the database
    controller = make_controller(locked_vault.paths)
    controller.start()
    window = controller.unlock_window
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(window.restore_button.isVisible, timeout=10000)
    prompts.script("open_file", backup_file).script("ask_text", locked_vault.passphrase)
    window.restore_button.click()
    qtbot.waitUntil(lambda: bool(prompts.asked("inform")), timeout=20000)
    assert prompts.asked("inform")[-1].title == "Backup restored"
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    qtbot.waitUntil(lambda: controller.main_window.mentees.rowCount() == 2, timeout=10000)
