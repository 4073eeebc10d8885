"""A mentor's whole journey through the app: the traps and surprises a new user met, each once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

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
    return main


def test_locking_with_an_unsaved_goal_change_saves_it_without_an_error(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, prompts: ScriptedPrompts
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    mentee_id = main.mentees.mentee(0).id
    main.select_mentee(mentee_id)
    goals = main.show_mentee_tab("goals")
    prompts.script("ask_text", "I want to sleep better")
    goals.new_goal()
    qtbot.waitUntil(lambda: goals._goal is not None, timeout=5000)
    wait_idle(qtbot, controller.worker)
    goals.specific.setFocus()
    qtbot.keyClicks(goals.specific, "In bed by 23:00 on weeknights")
    with qtbot.waitSignal(controller.locked, timeout=5000):
        qtbot.keyClick(goals.specific, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, controller.worker)
    assert prompts.asked("error") == []
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    saved = ask(qtbot, controller.worker, lambda j: j.list_goals(mentee_id))
    assert [g.specific for g in saved] == ["In bed by 23:00 on weeknights"]
    assert prompts.asked("error") == []


def _click_row(qtbot: QtBot, view: Any, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_after_reflection_a_click_on_the_chosen_mentee_shows_its_record_again(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    _click_row(qtbot, main.mentee_view, 0)
    assert main.stack.currentWidget() is main.mentee_panel
    main.show_area("reflection")
    assert main.stack.currentWidget() is main.page("reflection")
    assert not main.mentee_view.selectionModel().hasSelection(), "two lists highlighted"
    _click_row(qtbot, main.mentee_view, 0)
    assert main.stack.currentWidget() is main.mentee_panel
    assert main.area_list.selectedItems() == [], "two lists highlighted"
    # Back to a mentee tab by menu or shortcut (Alt+2), not by a click in the list: the same.
    main.show_area("cpd")
    main.show_mentee_tab("goals")
    assert main.area_list.selectedItems() == [], "two lists highlighted"
    assert main.mentee_view.selectionModel().hasSelection(), "the mentee is not shown as chosen"


def test_unlock_returns_to_the_page_the_mentor_was_on(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    second = main.mentees.mentee(1).id
    main.select_mentee(second)
    main.show_mentee_tab("goals")
    with qtbot.waitSignal(controller.locked, timeout=5000):
        controller.lock("Locked.")
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: main.mentee_id == second, timeout=10000)
    assert main.current_page() is main.page("goals")
    assert main.mentee_header.text() == main.mentee_code(second)


def test_a_refused_mentee_code_is_asked_again_with_what_was_typed(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, prompts: ScriptedPrompts
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    existing = main.mentees.mentee(0).code
    prompts.script("ask_text", existing)  # already taken
    prompts.script("ask_text", None)  # the mentor then cancels
    main.add_mentee()
    qtbot.waitUntil(lambda: len(prompts.asked("ask_text")) == 2, timeout=5000)
    again = prompts.asked("ask_text")[1]
    assert prompts.offered[-1] == ("ask_text", existing), "what was typed is offered again"
    problem = again.text.splitlines()[0]
    assert problem and "Pseudonym code" not in problem, "the reason comes first, in one line"
    assert prompts.asked("error") == []
    assert main.mentees.rowCount() == 2


def test_archive_is_offered_only_with_a_mentee_chosen(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    main.select_mentee(None)
    assert not main.archive_button.isEnabled()
    main.select_mentee(main.mentees.mentee(0).id)
    assert main.archive_button.isEnabled()


def test_window_titles_name_the_app_once_at_the_end(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    from ui.controller import main_window_title
    from ui.windows.unlock import UnlockWindow

    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    titles = [
        main.windowTitle(),
        main_window_title(True),
        UnlockWindow(locked_vault.clock, demo=True).windowTitle(),
        controller.unlock_window.windowTitle(),
    ]
    for title in titles:
        # Qt appends the display name to a title that does not end with it.
        assert title.endswith("Mentor Journal") and title.count("Mentor Journal") == 1, title


def test_the_unlock_window_names_the_vault_in_words_not_a_raw_path(
    make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    controller.start()
    label = controller.unlock_window.vault_label
    root = str(locked_vault.paths.root)
    assert root not in label.text()
    assert locked_vault.paths.root.name in label.text()  # another folder than the default
    assert label.toolTip() == root  # the full path is there for whoever needs it
