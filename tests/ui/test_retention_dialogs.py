"""Records past retention (review and erase) and Subject access export…, as a mentor uses them."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentorjournal.clock import ManualClock
from mentorjournal.domain import AppointmentStatus, MenteeStatus
from mentorjournal.domain.retention import RecordType
from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.domain.subject_access import JSON_NAME, PDF_NAME
from tests.fixtures.journal_fixtures import make_mentee, make_note
from tests.ui.conftest import ask, wait_idle
from ui.pages.retention.review import RetentionReviewDialog
from ui.pages.retention.subject_access import SubjectAccessDialog


def _former_mentee(j: Any) -> str:
    """M-480: two attended appointments, care ended on 5 January 2026."""
    mentee = make_mentee(j, "M-480")
    make_note(j, mentee, text="Kept: notes are not due yet.", sign=True)
    for day in (2, 3):
        appointment = j.add_appointment(mentee.id, datetime(2026, 1, day, 10, tzinfo=UTC)).value
        j.set_appointment_status(appointment.id, AppointmentStatus.ATTENDED)
    j.set_mentee_status(mentee.id, MenteeStatus.CLOSED, on=date(2026, 1, 5))
    uk = ServiceProfileKind.UK_DSA
    j.set_record_settings(RecordSettings(uk, retention={uk: {RecordType.APPOINTMENTS: 1}}))
    return str(mentee.id)


def test_the_review_lists_what_is_past_retention_and_erases_a_line_with_a_reason(
    qtbot: QtBot, worker, prompts, journal, vault_clock: ManualClock, qtmodeltester
) -> None:
    mentee_id = ask(qtbot, worker, _former_mentee)
    dialog = RetentionReviewDialog(worker, prompts)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reload()
    wait_idle(qtbot, worker)
    assert dialog.model.rowCount() == 0 and "Nothing is past" in dialog.status.text()
    assert not dialog.erase_button.isEnabled()

    vault_clock.advance(timedelta(days=370).total_seconds())
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    qtmodeltester.check(dialog.model)
    cells = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert cells == ["M-480", "Appointments", "2", "5 January 2027"]
    assert "2 records of 1 mentee" in dialog.status.text()
    assert dialog.erase_button.isEnabled()

    prompts.script("ask_text", None)  # cancelled: nothing goes
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, worker)
    question = prompts.asked("ask_text")[-1].text
    assert "2 appointments of M-480" in question and "cannot be undone" in question
    assert len(ask(qtbot, worker, lambda j: j.appointments(mentee_id=mentee_id))) == 2

    prompts.script("ask_text", "Service keeps appointments one year")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=5000)
    assert "Erased 2 appointments of M-480" in prompts.asked("inform")[-1].text
    assert ask(qtbot, worker, lambda j: j.appointments(mentee_id=mentee_id)) == []
    assert len(ask(qtbot, worker, lambda j: j.notes_for(mentee_id))) == 1
    (register,) = ask(qtbot, worker, lambda j: j.retention_erasures())
    assert register.reason == "Service keeps appointments one year"
    assert prompts.asked("error") == []


def test_an_empty_reason_is_refused_in_one_line_and_nothing_is_erased(
    qtbot: QtBot, worker, prompts, journal, vault_clock: ManualClock
) -> None:
    mentee_id = ask(qtbot, worker, _former_mentee)
    vault_clock.advance(timedelta(days=370).total_seconds())
    dialog = RetentionReviewDialog(worker, prompts)
    qtbot.addWidget(dialog)
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    prompts.script("ask_text", "   ")
    dialog.erase_selected()
    wait_idle(qtbot, worker)
    (error,) = prompts.asked("error")
    assert "reason" in str(error.answer) and "\n" not in str(error.answer)
    assert len(ask(qtbot, worker, lambda j: j.appointments(mentee_id=mentee_id))) == 2
    assert dialog.model.rowCount() == 1


def test_subject_access_export_shows_the_due_date_and_writes_the_folder(
    qtbot: QtBot, worker, prompts, journal, tmp_path: Path
) -> None:
    mentee = ask(qtbot, worker, lambda j: make_mentee(j, "M-481"))
    ask(qtbot, worker, lambda j: make_note(j, mentee, text="What we planned together."))
    ask(qtbot, worker, lambda j: j.record_access_request(mentee.id, date(2026, 1, 2)))
    dialog = SubjectAccessDialog(worker, prompts, mentee.id, "M-481")
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.show()
    qtbot.waitUntil(lambda: dialog.requested_on() == date(2026, 1, 2), timeout=5000)
    assert dialog.due.text().startswith("2 February 2026 (the open request)")
    assert dialog.requested.maximumDate().toPython() == date(2026, 1, 5)  # never a future day
    dialog.requested.setDate(dialog.requested.date().addDays(-1))
    assert dialog.due.text().startswith("2 February 2026:")  # 1 January: due 1 Feb, a Sunday

    dialog.buttons.accepted.emit()  # no folder yet
    assert "Choose the folder" in prompts.asked("warn")[-1].text
    folder = tmp_path / "for-M-481"
    prompts.script("choose_directory", folder)
    dialog.choose_folder()
    dialog.requested.setDate(dialog.requested.date().addDays(1))  # back to the open request
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.buttons.accepted.emit()
    assert (folder / PDF_NAME).exists()
    data = json.loads((folder / JSON_NAME).read_text(encoding="utf-8"))
    assert (data["requested_on"], data["due_on"]) == ("2026-01-02", "2026-02-02")
    done = prompts.asked("inform")[-1].text
    assert "due by 2 February 2026" in done and "three files" in done
    (request,) = ask(qtbot, worker, lambda j: j.access_requests(mentee.id))
    assert request.exported_at is not None  # the open request was answered, no new one


def test_the_journal_menu_and_settings_open_both_for_the_chosen_mentee(
    qtbot: QtBot, make_controller: Any, locked_vault: Any, prompts: Any, tmp_path: Path
) -> None:
    from tests.ui.test_app_flows import _unlocked
    from ui.pages.retention.review import RetentionReviewDialog as Review

    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    prompts.script("inform", None)
    main.findChild(type(main.settings_action), "subjectAccess").trigger()
    assert "Choose a mentee first" in prompts.asked("inform")[-1].text
    row = main.sidebar.mentees.mentee(0)
    main.select_mentee(row.id)
    main.findChild(type(main.settings_action), "subjectAccess").trigger()
    dialog = main.subject_access_dialog
    assert isinstance(dialog, SubjectAccessDialog) and row.code in dialog.windowTitle()
    qtbot.waitUntil(lambda: dialog.due.text() != "", timeout=5000)
    dialog.reject()
    settings = main.open_settings()
    qtbot.mouseClick(settings.action_buttons["Records past retention"], Qt.MouseButton.LeftButton)
    assert isinstance(settings.retention_dialog, Review)
    qtbot.waitUntil(lambda: bool(settings.retention_dialog.status.text()), timeout=5000)
    assert "Nothing is past" in settings.retention_dialog.status.text()
