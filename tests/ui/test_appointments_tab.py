"""The appointments tab: plan, move, record outcomes, start the note, save a calendar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from mentorjournal.clock import ManualClock
from mentorjournal.domain import AppointmentStatus, SessionMode
from tests.fixtures.journal_fixtures import make_mentee
from tests.ui.conftest import ask
from ui.pages.appointments.page import AppointmentsModel, AppointmentsTab
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker

AT = datetime(2026, 3, 12, 14, 0, tzinfo=UTC)


def _tab(
    qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts, mentee_id: str
) -> AppointmentsTab:
    tab = AppointmentsTab(worker, prompts)
    qtbot.addWidget(tab)
    worker.changed.connect(tab.on_changes)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.set_mentee(mentee_id)
    return tab


def test_plan_move_and_mark_an_appointment(
    qtbot: QtBot, journal: Any, journal_worker: JournalWorker, prompts: ScriptedPrompts
) -> None:
    mentee = make_mentee(journal, "M-301")
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    tab.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(AT.timestamp())))
    tab.minutes.setValue(50)
    tab.mode.setCurrentIndex(tab.mode.findData("video"))
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.plan_new()
    (planned,) = tab.model.records()
    assert (planned.at, planned.minutes, planned.mode) == (AT, 50, SessionMode.VIDEO)
    assert tab.selected() == planned
    tab.when.setDateTime(QDateTime.fromSecsSinceEpoch(int((AT + timedelta(days=1)).timestamp())))
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.save_selected()
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.status_buttons[AppointmentStatus.DID_NOT_ATTEND].click()
    stored = ask(qtbot, journal_worker, lambda j: j.get_appointment(planned.id))
    assert stored.at == AT + timedelta(days=1)
    assert stored.status is AppointmentStatus.DID_NOT_ATTEND


def test_start_the_note_takes_the_appointments_time_and_mode(
    qtbot: QtBot,
    journal: Any,
    vault_clock: ManualClock,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
) -> None:
    mentee = make_mentee(journal, "M-302")
    appointment = journal.add_appointment(mentee.id, AT, minutes=45, mode=SessionMode.PHONE).value
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    tab.view.selectRow(0)
    with qtbot.waitSignal(tab.record_requested, timeout=10000) as signal:
        tab.start_note()
    kind, note_id, mentee_id = signal.args
    assert (kind, mentee_id) == ("note", mentee.id)
    note = ask(qtbot, journal_worker, lambda j: j.get_note(note_id))
    assert (note.started_at, note.duration_minutes, note.mode) == (AT, 45, SessionMode.PHONE)
    assert (
        ask(qtbot, journal_worker, lambda j: j.get_appointment(appointment.id)).note_id == note_id
    )


def test_save_to_calendar_writes_codes_not_names(
    qtbot: QtBot,
    journal: Any,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    mentee = make_mentee(journal, "M-303", first_name="Robin", last_name="Testperson")
    journal.add_appointment(mentee.id, AT)
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    target = tmp_path / "mine"
    prompts.script("save_file", str(target))
    prompts.script("inform", None)
    tab.export_calendar()
    qtbot.waitUntil(lambda: bool(prompts.asked("inform")), timeout=10000)
    raw = (tmp_path / "mine.ics").read_bytes()
    (event,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert "M-303" in str(event["summary"])
    assert b"Robin" not in raw and b"Testperson" not in raw


def test_appointments_model_passes_the_model_tester(
    qtmodeltester: Any, qtbot: QtBot, journal: Any, journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
) -> None:  # fmt: skip
    mentee = make_mentee(journal, "M-304")
    journal.add_appointment(mentee.id, AT)
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    model = AppointmentsModel()
    model.set_records(tab.model.records())
    qtmodeltester.check(model)
    tab.clear()
    assert tab.model.rowCount() == 0


def test_next_session_from_a_note_plans_a_week_on_with_its_length_and_mode(
    qtbot: QtBot, journal: Any, journal_worker: JournalWorker, prompts: ScriptedPrompts
) -> None:
    from dataclasses import replace

    from tests.fixtures.journal_fixtures import make_note
    from ui.pages.appointments.next_session import FORMAT, plan_next_session, suggested
    from ui.pages.sessions.page import SessionsTab

    mentee = make_mentee(journal, "M-305")
    note = make_note(journal, mentee, started_at=AT)
    note = journal.save_draft(replace(note, duration_minutes=40, mode=SessionMode.TEXT)).value
    tab = SessionsTab(journal_worker, prompts)
    qtbot.addWidget(tab)
    prompts.script("ask_text", "next tuesday")
    prompts.script("warn", None)
    plan_next_session(tab, journal_worker, prompts, note)
    assert "nothing was planned" in prompts.asked("warn")[0].text
    prompts.script("ask_text", suggested(note).strftime(FORMAT))
    prompts.script("inform", None)
    plan_next_session(tab, journal_worker, prompts, note)
    qtbot.waitUntil(lambda: bool(prompts.asked("inform")), timeout=10000)
    (listing,) = ask(qtbot, journal_worker, lambda j: j.appointments(mentee_id=mentee.id))
    planned = listing.appointment
    assert planned.at == AT + timedelta(days=7)
    assert (planned.minutes, planned.mode) == (40, SessionMode.TEXT)
