"""Main window behaviour: archive and erase with confirmation, shortcuts, routing, accessibility,
recovery-key unlock, the demo vault and theming."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import LockedVault, ask, type_text, wait_idle
from tests.ui.test_app_flows import _unlocked
from ui.controller import AppController, State
from ui.prompts import ScriptedPrompts

Factory = Callable[..., AppController]


def _is_internal_part(widget: QWidget) -> bool:
    """Qt's own sub-widgets (spin box editor, combo popup, clear button) are named by their owner."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit):
            return True
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


def _unnamed_controls(root: QWidget) -> list[str]:
    """Interactive controls a screen reader could not name (no accessible name, no text)."""
    missing = []
    for kind in (QAbstractButton, QLineEdit, QComboBox, QSpinBox, QAbstractItemView):
        for widget in root.findChildren(kind):
            if _is_internal_part(widget):
                continue
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            if not (widget.accessibleName() or text.replace("&", "").strip()):
                missing.append(f"{type(widget).__name__}({widget.objectName()})")
    return missing


def test_archive_closes_and_hides_mentee_after_asking_retention(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, prompts: ScriptedPrompts
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    main.select_mentee(main.mentees.mentee(1).id)  # M-002, active
    prompts.script("ask_text", "not a date")
    qtbot.mouseClick(main.archive_button, Qt.MouseButton.LeftButton)
    assert prompts.asked("warn"), "a bad date is refused with a message"
    prompts.script("ask_text", "2033-01-31")
    qtbot.mouseClick(main.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.mentee_proxy.rowCount() == 1, timeout=10000)
    assert main.mentee_id is None
    main.show_archived.setChecked(True)
    assert main.mentee_proxy.rowCount() == 2
    archived = ask(qtbot, controller.worker, lambda j: j.mentee_by_code("M-002"))
    assert archived.archived and archived.status.value == "closed"
    assert str(archived.retention_until) == "2033-01-31"
    assert main.status.notice_label.text() == "", "not due yet"
    main.select_mentee(main.mentees.mentee(0).id)  # M-001, kept only until a past date
    prompts.script("ask_text", "2026-01-01")
    qtbot.mouseClick(main.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "1 archived record is past retention" in main.status.notice_label.text(),
        timeout=10000,
    )


def test_erase_mentee_requires_typing_the_code(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, prompts: ScriptedPrompts
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    dialog = main.open_settings()
    prompts.script("ask_item", "M-001").script("ask_text", "M-002")  # wrong code typed
    qtbot.mouseClick(dialog.action_buttons["Erase a mentee"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, controller.worker)
    assert "nothing was erased" in prompts.asked("inform")[-1].text
    question = prompts.asked("ask_text")[-1].text
    assert "1 session notes" in question, "the mentor is told what will go"
    assert ask(qtbot, controller.worker, lambda j: j.find_mentee("M-001")) is not None
    prompts.script("ask_item", "M-001").script("ask_text", "M-001")
    qtbot.mouseClick(dialog.action_buttons["Erase a mentee"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.mentees.rowCount() == 1, timeout=10000)
    assert ask(qtbot, controller.worker, lambda j: j.find_mentee("M-001")) is None
    hits = ask(qtbot, controller.worker, lambda j: j.search("anxiety"))
    assert hits == [], "erasure also removes the mentee's notes from search"


def test_keyboard_shortcuts_route_to_pages(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, prompts: ScriptedPrompts
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    main.activateWindow()
    qtbot.keyClick(main, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert prompts.asked("inform")[-1].title == "New note", "Ctrl+N without a mentee explains"
    main.show_area("reflection")
    qtbot.keyClick(main, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is main.page("reflection").view  # the page's own list
    main.show_area("cpd")
    qtbot.keyClick(main, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is main.filter_edit  # no list of its own: the mentee filter
    main.select_mentee(main.mentees.mentee(0).id)
    assert main.stack.currentWidget() is main.mentee_panel
    qtbot.keyClick(main, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert main.tabs.currentIndex() == 2
    qtbot.keyClick(main, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # save all: no error
    wait_idle(qtbot, controller.worker)


def test_search_hit_routes_to_the_right_page(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    second = main.mentees.mentee(1).id
    main.open_record("goal", "some-goal", second)
    assert main.mentee_id == second and main.tabs.currentWidget() is main.page("goals")
    main.open_record("reflection", "r1", "")
    assert main.stack.currentWidget() is main.page("reflection")


def _stray_ampersands(root: QWidget) -> list[str]:
    """Plain labels that show their "&" shortcut marker as a character (no buddy to move to)."""
    found = []
    for label in root.findChildren(QLabel):
        text = label.text().replace("&&", "")
        if "<" not in text and re.search(r"&\S", text) and label.buddy() is None:
            found.append(label.text())
    return found


def test_no_label_shows_its_shortcut_marker(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    controller.start()
    main = _unlocked(qtbot, controller, locked_vault)
    main.ensure_pages()
    assert _stray_ampersands(main) == []
    assert _stray_ampersands(main.open_settings()) == []
    assert _stray_ampersands(controller.unlock_window) == []
    assert _stray_ampersands(controller.create_window) == []


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    controller.start()
    assert _unnamed_controls(controller.unlock_window) == []
    main = _unlocked(qtbot, controller, locked_vault)
    shell = [main.filter_edit, main.status_filter, main.show_archived, main.mentee_view]
    assert all(w.accessibleName() for w in shell)
    settings = main.open_settings()
    assert _unnamed_controls(settings) == []
    assert _unnamed_controls(main.open_search()) == []
    assert _unnamed_controls(controller.welcome) == []
    assert _unnamed_controls(controller.create_window) == []


def test_recovery_key_unlocks(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault, prompts: ScriptedPrompts
) -> None:
    controller = make_controller(locked_vault.paths)
    controller.start()
    window = controller.unlock_window
    qtbot.mouseClick(window.mode_link, Qt.MouseButton.LeftButton)
    assert window.via_recovery and window.secret.echoMode() == QLineEdit.EchoMode.Normal
    prompts.script("confirm", False)  # the offer of a new passphrase: not now
    type_text(qtbot, window.secret, locked_vault.recovery_key.lower())
    qtbot.keyClick(window.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=10000)
    qtbot.waitUntil(lambda: controller.main_window.mentees.rowCount() == 2, timeout=10000)
    assert [a.title for a in prompts.asked("confirm")] == ["Set a new passphrase?"]


def test_explore_demo_opens_separate_vault_marked_demo(
    qtbot: QtBot, make_controller: Factory, vault_paths: Any
) -> None:
    controller = make_controller(vault_paths)
    controller.start()
    qtbot.mouseClick(controller.welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.state is State.MAIN, timeout=60000)
    main = controller.main_window
    assert "DEMO" in main.windowTitle()
    qtbot.waitUntil(lambda: main.mentees.rowCount() > 3, timeout=10000)
    assert not vault_paths.exists(), "the demo never touches the mentor's own vault folder"
    assert controller.demo_paths is not None and controller.demo_paths.exists()
    controller.lock()
    assert "Demo passphrase" in controller.unlock_window.vault_label.text()


def test_theme_forces_dark_and_scales_text(qtbot: QtBot) -> None:
    from PySide6.QtGui import QPalette

    from ui.settings import Theme
    from ui.theme import ThemeManager

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before_font, before_palette, before_style = app.font(), app.palette(), app.style().name()
    before_sheet = app.styleSheet()
    manager = ThemeManager(app)
    try:
        base = app.font().pointSizeF()
        manager.apply(Theme.DARK, 200)
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert app.font().pointSizeF() == base * 2
        manager.apply(Theme.LIGHT, 100)
        assert app.palette().color(QPalette.ColorRole.Window).lightness() > 180
        assert app.font().pointSizeF() == base
    finally:
        app.setFont(before_font)
        app.setPalette(before_palette)
        app.setStyle(before_style)
        app.setStyleSheet(before_sheet)
        app.styleHints().unsetColorScheme()


def test_tab_moves_through_the_sidebar_in_reading_order(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    main.activateWindow()
    main.filter_edit.setFocus()
    expected = [
        main.status_filter,
        main.show_archived,
        main.mentee_view,
        main.add_button,
        main.archive_button,
        main.area_list,
    ]
    seen = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected
