"""The app shell driven as a mentor would: create a vault, unlock, lock, search, auto-lock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.qtbot import QtBot

from mentorjournal.paths import VaultPaths
from tests.ui.conftest import LockedVault, ask, type_text, wait_idle
from ui.controller import AppController, State
from ui.prompts import ScriptedPrompts

Factory = Callable[..., AppController]


def _unlock(qtbot: QtBot, controller: AppController, secret: str) -> None:
    window = controller.unlock_window
    window.secret.clear()
    type_text(qtbot, window.secret, secret)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)


def _unlocked(qtbot: QtBot, controller: AppController, locked_vault: LockedVault) -> Any:
    controller.start()
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    main = controller.main_window
    qtbot.waitUntil(lambda: main.mentees.rowCount() == 2, timeout=10000)
    qtbot.waitUntil(main.isVisible, timeout=10000)  # shown once the home is in as well
    return main


def test_first_run_creates_vault_and_requires_typing_back_the_recovery_group(
    qtbot: QtBot, make_controller: Factory, vault_paths: VaultPaths, passphrase: str
) -> None:
    controller = make_controller(vault_paths)
    controller.start()
    assert controller.state is State.WELCOME
    qtbot.mouseClick(controller.welcome.create_button, Qt.MouseButton.LeftButton)
    window = controller.create_window
    assert controller.state is State.CREATE
    qtbot.keyClicks(window.passphrase, "short")
    assert not window.create_button.isEnabled()
    assert "at least 15" in window.meter.verdict.text()
    window.passphrase.clear()
    type_text(qtbot, window.passphrase, passphrase)
    type_text(qtbot, window.repeat, passphrase[:-1])
    assert not window.create_button.isEnabled(), "mismatched repeat must not create"
    type_text(qtbot, window.repeat, passphrase[-1])
    assert window.create_button.isEnabled()
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.steps.currentIndex() == 1, timeout=10000)
    key = window.key_label.text()
    assert key.count("-") >= 8
    assert window.passphrase.text() == "", "the passphrase is not kept in the widget"
    qtbot.keyClicks(window.typeback, "ZZZZ" if not key.endswith("ZZZZ") else "YYYY")
    assert not window.continue_button.isEnabled()
    window.typeback.clear()
    qtbot.keyClicks(window.typeback, key.split("-")[-1].lower())
    assert window.continue_button.isEnabled()
    qtbot.mouseClick(window.continue_button, Qt.MouseButton.LeftButton)
    assert controller.state is State.MAIN
    assert window.key_label.text() == "", "the recovery key is forgotten after type-back"
    assert vault_paths.keyfile.exists() and vault_paths.database.exists()
    main = controller.main_window
    wait_idle(qtbot, controller.worker)
    assert main.isVisible() and main.mentees.rowCount() == 0
    assert ask(qtbot, controller.worker, lambda j: j.vault_id) is not None


def test_recovery_key_save_writes_private_file_and_print_uses_prompts(
    qtbot: QtBot, prompts: ScriptedPrompts, tmp_path: Any
) -> None:
    from ui.windows.create_vault import CreateVaultWindow

    window = CreateVaultWindow(prompts)
    qtbot.addWidget(window)
    window.show()
    window.show_recovery_key("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD")
    target = tmp_path / "key.txt"
    prompts.script("save_file", target).script("print_document", True)
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert "ABCD-EFGH" in target.read_text(encoding="utf-8")
    assert target.stat().st_mode & 0o077 == 0
    qtbot.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    printed = prompts.asked("print_document")[0]
    assert "ABCD-EFGH-IJKL" in printed.text


def test_wrong_passphrase_shows_message_then_throttles(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    controller.start()
    assert controller.state is State.UNLOCK
    window = controller.unlock_window
    for attempt in range(1, 4):
        _unlock(qtbot, controller, f"not the passphrase {attempt}")
        qtbot.waitUntil(lambda: controller.state is State.UNLOCK and not window.is_busy)
        assert "did not unlock" in window.message.text()
    # The third failure starts a 2-second wait: the button refuses until the clock moves.
    assert window.throttle.remaining() == 2.0
    assert not window.unlock_button.isEnabled()
    assert "wait 2 seconds" in window.message.text()
    _unlock(qtbot, controller, locked_vault.passphrase)
    assert controller.state is State.UNLOCK, "a throttled attempt is not even tried"
    locked_vault.clock.advance(2.1)
    qtbot.waitUntil(window.unlock_button.isEnabled, timeout=3000)
    _unlock(qtbot, controller, f"wrong again {4}")
    qtbot.waitUntil(lambda: window.throttle.failures == 4, timeout=10000)
    assert window.throttle.remaining() == pytest.approx(4.0), (
        "each further failure doubles the wait"
    )


def test_missing_vault_offers_restore(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    controller.start()
    locked_vault.paths.keyfile.rename(locked_vault.paths.root / "moved-away")
    _unlock(qtbot, controller, locked_vault.passphrase)
    window = controller.unlock_window
    qtbot.waitUntil(window.restore_button.isVisible, timeout=10000)
    assert "damaged" in window.message.text() or "no vault" in window.message.text()
    assert controller.state is State.UNLOCK


def test_unlock_populates_mentee_list_and_filter_works(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    codes = [main.mentee_proxy.index(r, 0).data() for r in range(main.mentee_proxy.rowCount())]
    assert codes == ["M-001", "M-002"]
    qtbot.keyClicks(main.filter_edit, "002")
    assert main.mentee_proxy.rowCount() == 1
    main.mentee_view.setCurrentIndex(main.mentee_proxy.index(0, 0))
    assert main.mentee_header.text() == "M-002"
    assert main.windowTitle() == "Mentor Journal"


def test_lock_saves_clears_every_model_and_returns_to_unlock(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    search = main.open_search()
    qtbot.keyClicks(search.query_edit, "anxiety")
    qtbot.waitUntil(lambda: search.model.rowCount() > 0, timeout=10000)
    main.select_mentee(main.mentees.mentee(0).id)
    search.activateWindow()  # Ctrl+L works from the search window too
    with qtbot.waitSignal(controller.locked, timeout=5000):
        qtbot.keyClick(search.query_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.state is State.UNLOCK
    assert controller.unlock_window.isVisible() and not main.isVisible()
    models = main.models()
    assert len(models) >= 3
    for model in models:
        assert isinstance(model, QAbstractItemModel)
        assert model.rowCount() == 0, f"{type(model).__name__} still holds rows after lock"
    assert search.query_edit.text() == "" and main.mentee_header.text() == ""
    qtbot.keyClick(
        controller.unlock_window.secret, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
    )
    assert not search.isVisible(), "no search while locked"
    errors: list[BaseException] = []
    controller.worker.query(lambda j: j.list_mentees(), on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "locked" in str(errors[0])
    # And unlocking again brings everything back.
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: main.mentees.rowCount() == 2, timeout=10000)


def test_a_contact_and_a_cpd_entry_being_typed_survive_a_lock(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, prompts: ScriptedPrompts
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    mentee_id = main.mentees.mentee(0).id
    main.select_mentee(mentee_id)
    people = main.show_mentee_tab("people")
    qtbot.waitUntil(people.contacts.isEnabled, timeout=5000)
    qtbot.keyClicks(people.contacts.widgets["name"], "Jo Example")
    cpd = main.page("cpd")
    qtbot.keyClicks(cpd.editor.widgets["activity"], "Boundaries workshop")
    with qtbot.waitSignal(controller.locked, timeout=5000):
        controller.lock("Locked.")
    assert people.contacts.widgets["name"].text() == ""
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    contacts = ask(qtbot, controller.worker, lambda j: j.list_contacts(mentee_id))
    assert [c.name for c in contacts] == ["Jo Example"]
    cpd_entries = ask(qtbot, controller.worker, lambda j: j.list_cpd())
    assert [e.activity for e in cpd_entries] == ["Boundaries workshop"]
    assert prompts.asked("error") == []


def test_search_shows_highlighted_results_while_typing_and_enter_opens(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    from ui.pages.search.models import HTML_ROLE

    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    qtbot.keyClick(main, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    search = main.open_search()
    assert search.isVisible()
    with qtbot.waitSignal(search.results_shown, timeout=10000):
        qtbot.keyClicks(search.query_edit, "anxi")  # a prefix, still typing
    assert search.model.rowCount() == 1
    assert "<b>" in search.model.index(0).data(HTML_ROLE).lower()
    with qtbot.waitSignal(search.record_chosen, timeout=3000) as chosen:
        qtbot.keyClick(search.query_edit, Qt.Key.Key_Return)
    kind, _record, mentee_id = chosen.args
    assert kind in {"session", "note"}
    assert main.mentee_id == mentee_id and main.tabs.currentIndex() == 0


def test_stale_search_answers_are_dropped(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    from ui.pages.search.dialog import SearchAnswer
    from ui.pages.search.models import SearchRow

    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    search = main.open_search()
    old = search.generation
    search._generation += 1  # the text changed after the first query was sent
    search._show(old, SearchAnswer([SearchRow("note", "x", "", "", "", "stale")]))
    assert search.model.rowCount() == 0


def test_search_says_when_only_the_most_recent_matches_were_ranked(
    qtbot: QtBot,
    make_controller: Factory,
    locked_vault: LockedVault,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mentorjournal.storage import search as core_search
    from tests.fixtures.journal_fixtures import make_note

    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    ask(qtbot, controller.worker,
        lambda j: make_note(j, j.mentee_by_code("M-002"), text="Anxious about the bus."))  # fmt: skip
    monkeypatch.setattr(core_search, "RANK_WINDOW", 1)
    search = main.open_search()
    with qtbot.waitSignal(search.results_shown, timeout=10000):
        qtbot.keyClicks(search.query_edit, "anx")
    assert search.model.rowCount() == 1
    assert "best of the 1 most recent" in search.state_label.text()
    assert "Add another word" in search.state_label.text()
    with qtbot.waitSignal(search.results_shown, timeout=10000):
        qtbot.keyClicks(search.query_edit, "ious")
    assert search.state_label.text() == "1 match"


def test_idle_auto_lock_after_configured_minutes(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths, idle_tick_ms=20)
    main = _unlocked(qtbot, controller, locked_vault)
    assert controller.idle.minutes == 5
    locked_vault.clock.advance(4 * 60 + 30)
    qtbot.waitUntil(lambda: "Locks in 0:30" in main.status.lock_label.text(), timeout=3000)
    qtbot.keyClick(main.filter_edit, Qt.Key.Key_A)  # activity restarts the idle period
    locked_vault.clock.advance(60)
    controller.idle.check()  # what the idle timer does at its next tick, done now
    assert controller.state is State.MAIN and controller.idle.remaining_seconds() == 4 * 60
    locked_vault.clock.advance(5 * 60)
    qtbot.waitUntil(lambda: controller.state is State.UNLOCK, timeout=3000)
    assert "without activity" in controller.unlock_window.reason_label.text()
    assert main.mentees.rowCount() == 0


def test_system_lock_signal_locks(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    from ui.locking import SystemLockWatcher

    controller = make_controller(locked_vault.paths, watch_system_lock=True)
    assert controller.system_lock is None  # nothing to lock yet: no D-Bus work at start-up
    _unlocked(qtbot, controller, locked_vault)
    watcher = controller.system_lock
    assert isinstance(watcher, SystemLockWatcher)  # constructed without a bus, no error
    watcher._on_screensaver(False)
    assert controller.state is State.MAIN
    watcher._on_screensaver(True)
    assert controller.state is State.UNLOCK
    assert "screen locked" in controller.unlock_window.reason_label.text()


def test_add_mentee_through_prompt_selects_it(
    qtbot: QtBot,
    make_controller: Factory,
    locked_vault: LockedVault,
    prompts: ScriptedPrompts,
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    prompts.script("ask_text", "M-017")
    qtbot.mouseClick(main.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.mentees.rowCount() == 3, timeout=10000)
    qtbot.waitUntil(lambda: main.mentee_header.text() == "M-017", timeout=5000)
    assert "Saved" in main.status.save_label.text()


def test_locking_right_after_typing_saves_the_draft_first(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    """Ctrl+L before the autosave pause has passed: the words are still in the vault."""
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    main.select_mentee(main.mentees.mentee(1).id)  # M-002 has no notes yet
    main.activateWindow()
    qtbot.keyClick(main, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = main.page("sessions").editor
    qtbot.waitUntil(lambda: editor.note_id is not None, timeout=10000)
    field = editor.sections.editors()[0]
    qtbot.keyClicks(field, "Planned a calm morning routine together")
    qtbot.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.state is State.UNLOCK
    assert field.toPlainText() == "", "the editor forgot the text on lock"
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    hits = ask(qtbot, controller.worker, lambda j: j.search("calm morning routine"))
    assert len(hits) == 1


def test_closing_the_window_saves_locks_and_quits(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, ui_settings: Any
) -> None:
    quits: list[bool] = []
    controller = make_controller(locked_vault.paths, on_quit=lambda: quits.append(True))
    main = _unlocked(qtbot, controller, locked_vault)
    main.close()
    assert quits == [True]
    assert controller.state is State.CLOSED
    assert main.mentees.rowCount() == 0
    assert ui_settings.geometry() is not None, "window geometry is remembered"
    wait_idle(qtbot, controller.worker)
    errors: list[BaseException] = []
    controller.worker.query(lambda j: j.list_mentees(), on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "locked" in str(errors[0]), "the vault is locked after closing"
