"""Preferences persist, hold nothing sensitive; the prompts seam answers from a script."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import LockedVault
from ui.prompts import ScriptedPrompts, UnexpectedPrompt, explain
from ui.settings import KEYS, AppSettings, Theme


def test_settings_have_safe_defaults_and_clamp_bad_values(tmp_path: Path) -> None:
    settings = AppSettings.at_path(tmp_path / "s.ini")
    assert settings.auto_lock_minutes == 5
    assert settings.theme is Theme.SYSTEM
    assert settings.text_scale == 100
    settings.auto_lock_minutes = 0
    assert settings.auto_lock_minutes == 1, "auto-lock can never be switched off by a bad value"
    (tmp_path / "bad.ini").write_text("[appearance]\ntheme=purple\ntext_scale=lots\n")
    bad = AppSettings.at_path(tmp_path / "bad.ini")
    assert bad.theme is Theme.SYSTEM and bad.text_scale == 100


def test_settings_dialog_persists_choices_without_secrets(
    qtbot: QtBot,
    make_controller: object,
    locked_vault: LockedVault,
    ui_settings: AppSettings,
    tmp_path: Path,
) -> None:
    from tests.ui.test_app_flows import _unlocked

    controller = make_controller(locked_vault.paths)  # type: ignore[operator]
    main = _unlocked(qtbot, controller, locked_vault)
    dialog = main.open_settings()
    dialog.auto_lock.setValue(12)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.text_scale.setCurrentIndex(dialog.text_scale.findData(200))
    controller.prompts.script("choose_directory", tmp_path / "backups")
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    dialog.backup_keep.setValue(30)
    with qtbot.waitSignal(dialog.applied):
        dialog.buttons.accepted.emit()
    assert controller.idle.minutes == 12, "the running idle lock follows the new setting"
    main.remember_geometry()
    ui_settings.sync()
    again = AppSettings.at_path(Path(ui_settings.file_name))
    assert again.auto_lock_minutes == 12
    assert again.theme is Theme.DARK and again.text_scale == 200
    assert again.backup_folder == tmp_path / "backups" and again.backup_keep == 30
    assert again.geometry() is not None
    assert set(again.stored_keys()) <= KEYS
    stored = Path(ui_settings.file_name).read_bytes()
    for secret in ("M-001", "M-002", locked_vault.passphrase, locked_vault.recovery_key):
        assert secret.encode() not in stored
        assert secret.encode("utf-16-le") not in stored


def test_scripted_prompts_answer_in_order_and_refuse_unscripted() -> None:
    prompts = ScriptedPrompts().script("confirm", True).script("confirm", False)
    assert prompts.confirm("A", "first") is True
    assert prompts.confirm("B", "second") is False
    prompts.warn("W", "just recorded")
    with pytest.raises(UnexpectedPrompt):
        prompts.ask_text("T", "nobody scripted this")
    assert [a.kind for a in prompts.log] == ["confirm", "confirm", "warn", "ask_text"]
    assert prompts.pending() == {}


def test_typed_errors_get_plain_words_and_advice() -> None:
    from mentorjournal.errors import VaultInUse, WrongPassphrase

    words = explain(WrongPassphrase("x"))
    assert "did not unlock" in words.headline and "Caps Lock" in words.advice
    assert "another" in explain(VaultInUse("busy")).headline
    unexpected = explain(KeyError("secret note text"))
    assert "secret note text" not in (unexpected.headline + unexpected.detail)


def test_export_then_import_into_a_new_vault_through_settings(
    qtbot: QtBot,
    make_controller: object,
    locked_vault: LockedVault,
    tmp_path: Path,
    fast_kdf: object,
) -> None:
    from mentorjournal.paths import VaultPaths
    from tests.ui.conftest import ask
    from tests.ui.test_app_flows import _unlock, _unlocked
    from ui.controller import State

    controller = make_controller(locked_vault.paths)  # type: ignore[operator]
    main = _unlocked(qtbot, controller, locked_vault)
    prompts = controller.prompts
    target = tmp_path / "export.json"
    dialog = main.open_settings()
    prompts.script("save_file", target)
    qtbot.mouseClick(dialog.action_buttons["Export to file"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.asked("inform")), timeout=10000)
    assert "NOT encrypted" in prompts.asked("inform")[-1].text
    assert target.stat().st_mode & 0o077 == 0 and b"M-001" in target.read_bytes()
    controller.lock()

    # A new, empty vault on "another machine" takes the whole export in.
    from mentorjournal.journal import Journal

    fresh = VaultPaths(tmp_path / "fresh-vault")
    journal, _key = Journal.create(
        fresh, locked_vault.passphrase, clock=locked_vault.clock,
        state_dir=locked_vault.state_dir, kdf=fast_kdf,
    )  # fmt: skip
    journal.lock()
    second = make_controller(fresh)  # type: ignore[operator]
    second.start()
    _unlock(qtbot, second, locked_vault.passphrase)
    qtbot.waitUntil(lambda: second.state is State.MAIN, timeout=10000)
    other = second.main_window
    other.open_settings()
    second.prompts.script("open_file", target)
    qtbot.mouseClick(
        other.settings_dialog().action_buttons["Import from file"], Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: other.mentees.rowCount() == 2, timeout=10000)
    hits = ask(qtbot, second.worker, lambda j: j.search("anxiety"))
    assert len(hits) == 1


def test_change_passphrase_dialog_checks_strength_and_match_then_runs(
    qtbot: QtBot, make_controller: object, locked_vault: LockedVault
) -> None:
    from tests.ui.conftest import type_text, wait_idle
    from tests.ui.test_app_flows import _unlock, _unlocked
    from ui.controller import State

    controller = make_controller(locked_vault.paths)  # type: ignore[operator]
    main = _unlocked(qtbot, controller, locked_vault)
    settings = main.open_settings()
    dialog = settings.change_passphrase()
    type_text(qtbot, dialog.current, locked_vault.passphrase)
    new = "seven quiet herons crossing the grey estuary"
    type_text(qtbot, dialog.new, "password1234567")
    assert not dialog.ok_button.isEnabled(), "a common password is refused"
    dialog.new.clear()
    type_text(qtbot, dialog.new, new)
    type_text(qtbot, dialog.repeat, new[:-1])
    assert not dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.repeat, new[-1])
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, controller.worker)
    told = controller.prompts.asked("inform")[-1].text
    assert "changed" in told
    controller.lock()
    _unlock(qtbot, controller, new)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)


def test_lock_closes_an_open_passphrase_dialog(
    qtbot: QtBot, make_controller: object, locked_vault: LockedVault
) -> None:
    from tests.ui.conftest import type_text
    from tests.ui.test_app_flows import _unlocked

    controller = make_controller(locked_vault.paths)  # type: ignore[operator]
    main = _unlocked(qtbot, controller, locked_vault)
    dialog = main.open_settings().change_passphrase()
    type_text(qtbot, dialog.current, locked_vault.passphrase)
    assert dialog.isVisible()
    controller.lock("Locked.")
    assert not dialog.isVisible()
    assert not main.settings_dialog().isVisible()
