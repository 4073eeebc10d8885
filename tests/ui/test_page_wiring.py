"""Pages tell the status bar how saving goes, and timeline rows open the record they show."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from tests.ui.conftest import LockedVault
from tests.ui.test_app_flows import _unlocked
from ui.controller import AppController

Factory = Callable[..., AppController]


def test_page_save_state_reaches_the_status_bar(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    main = _unlocked(qtbot, make_controller(locked_vault.paths), locked_vault)
    for key in ("sessions", "goals", "coping_plan", "reflection", "supervision"):
        main.page(key).save_state_changed.emit(f"Not saved: {key}")
        assert main.status.save_label.text() == f"Not saved: {key}"


def test_timeline_row_opens_its_record(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault
) -> None:
    main = _unlocked(qtbot, make_controller(locked_vault.paths), locked_vault)
    first = main.mentees.mentee(0)
    main.show_area("reflection")
    main.page("reflection").record_requested.emit("note", "no-such-note", first.id)
    assert main.mentee_id == first.id
    assert main.current_page() is main.page("sessions")
