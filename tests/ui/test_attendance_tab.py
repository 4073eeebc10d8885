"""Closing appointments with their outcome, the allocation line, and printing the timesheet
from the Appointments tab (the file is written in the worker, with the CLI's exporter)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import docx
import pypdf
from pytestqt.qtbot import QtBot

from mentorjournal.domain import AppointmentStatus
from mentorjournal.domain.attendance import AllocationPeriod, HourAllocation
from tests.fixtures.journal_fixtures import make_mentee
from tests.ui.conftest import ask
from ui.pages.appointments.outcome_dialog import OutcomeDialog
from ui.pages.appointments.page import AppointmentsTab
from ui.pages.appointments.timesheet_dialog import TimesheetDialog, presets
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker

PAST = datetime(2025, 12, 10, 14, 0, tzinfo=UTC)


def _tab(
    qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts, mentee_id: str
) -> AppointmentsTab:
    tab = AppointmentsTab(worker, prompts)
    qtbot.addWidget(tab)
    worker.changed.connect(tab.on_changes)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.set_mentee(mentee_id)
    tab.view.selectRow(0)
    return tab


def test_a_cancellation_is_refused_without_a_reason_then_saved_with_it(
    qtbot: QtBot, journal: Any, journal_worker: JournalWorker, prompts: ScriptedPrompts
) -> None:
    mentee = make_mentee(journal, "M-401")
    planned = journal.add_appointment(mentee.id, PAST).value
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    dialog = tab.record_outcome()
    assert isinstance(dialog, OutcomeDialog)
    dialog.choose(AppointmentStatus.CANCELLED_BY_SERVICE)
    dialog.accept()
    assert dialog.isVisible() and "reason is required" in dialog.problem.text()
    dialog.reason.setText("Building closed for a power cut")
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        dialog.accept()
    stored = ask(qtbot, journal_worker, lambda j: j.get_appointment(planned.id))
    assert (stored.status, stored.reason) == (
        AppointmentStatus.CANCELLED_BY_SERVICE, "Building closed for a power cut",
    )  # fmt: skip
    shown = tab.model.index(0, 3).data()
    assert shown == "Cancelled by service: Building closed for a power cut"


def test_an_early_end_asks_how_long_and_whether_it_was_agreed(
    qtbot: QtBot, journal: Any, journal_worker: JournalWorker, prompts: ScriptedPrompts
) -> None:
    mentee = make_mentee(journal, "M-402")
    planned = journal.add_appointment(mentee.id, PAST, minutes=50).value
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    dialog = tab.record_outcome(AppointmentStatus.ENDED_EARLY)
    assert dialog.early.isEnabled()
    assert dialog.held.maximum() == 49  # an early end is shorter than planned
    dialog.reason.setText("Had to collect a child")
    dialog.held.setValue(30)
    dialog.accept()
    assert "agreed" in dialog.problem.text()
    dialog.agreed.setCurrentIndex(dialog.agreed.findData(False))
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        dialog.accept()
    stored = ask(qtbot, journal_worker, lambda j: j.get_appointment(planned.id))
    assert (stored.status, stored.held_minutes, stored.early_end_agreed) == (
        AppointmentStatus.ENDED_EARLY, 30, False,
    )  # fmt: skip
    dialog = tab.record_outcome(AppointmentStatus.ATTENDED)
    assert not dialog.early.isEnabled() and not dialog.reason.isEnabled()


def test_the_allocation_line_counts_the_current_term(
    qtbot: QtBot, journal: Any, journal_worker: JournalWorker, prompts: ScriptedPrompts
) -> None:
    mentee = make_mentee(journal, "M-403")
    held = journal.add_appointment(mentee.id, datetime(2026, 1, 2, 10, tzinfo=UTC), minutes=90)
    journal.set_appointment_status(held.value.id, AppointmentStatus.ATTENDED)
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    assert tab.allocation_label.text() == "Hours allocated: none set."
    dialog = tab.set_allocation()
    dialog.hours.setValue(7.5)
    dialog.per.setCurrentIndex(dialog.per.findData("term"))
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        dialog.accept()
    assert tab.allocation_label.text() == (
        "Hours allocated: 7.5 h per term. Spring term 2026: 1.5 h held in 1 session, 6 h left."
    )
    dialog = tab.set_allocation()
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        dialog.remove_button.click()
    assert ask(qtbot, journal_worker, lambda j: j.hour_allocation(mentee.id)) is None


def test_print_timesheet_writes_the_chosen_period_and_format_in_the_worker(
    qtbot: QtBot,
    journal: Any,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    mentee = make_mentee(journal, "M-404", legal_name="Robin Testperson")
    journal.set_hour_allocation(HourAllocation(mentee.id, 600, AllocationPeriod.MONTH))
    missed = journal.add_appointment(mentee.id, PAST).value
    journal.set_appointment_status(missed.id, AppointmentStatus.DID_NOT_ATTEND)
    held = journal.add_appointment(mentee.id, datetime(2025, 12, 12, 9, tzinfo=UTC)).value
    journal.set_appointment_status(held.id, AppointmentStatus.ATTENDED)
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    dialog = tab.print_timesheet()
    assert isinstance(dialog, TimesheetDialog)
    assert dialog.period.currentText() == "This month"  # the allocation is monthly
    dialog.period.setCurrentIndex(dialog.period.findText("Last month"))
    assert not dialog.first.isEnabled()
    prompts.script("save_file", str(tmp_path / "december"))
    dialog.docx.setChecked(True)
    dialog.choose_file()
    assert dialog.path.text().endswith("december.docx")
    prompts.script("inform", None)
    dialog.accept()
    qtbot.waitUntil(lambda: bool(prompts.asked("inform")), timeout=10000)
    cells = [c.text for t in docx.Document(str(tmp_path / "december.docx")).tables
             for row in t.rows for c in row.cells]  # fmt: skip
    assert "Did not attend (DNA)" in cells and "December 2025" in cells
    events = ask(qtbot, journal_worker, lambda j: j.audit_events(action="export"))
    assert events[0].kind == "timesheet"
    dialog = tab.print_timesheet()
    dialog.period.setCurrentIndex(dialog.period.findText("Other dates"))
    dialog.first.setDate(dialog.last.date().addDays(1))
    dialog.path.setText(str(tmp_path / "other-dates.pdf"))
    dialog.accept()
    assert "cannot be before" in dialog.problem.text() and dialog.isVisible()
    dialog.first.setDate(dialog.last.date().addDays(-40))
    dialog.pdf.setChecked(True)
    prompts.script("inform", None)
    dialog.accept()
    qtbot.waitUntil(lambda: len(prompts.asked("inform")) == 2, timeout=10000)
    assert (
        "Robin Testperson" in pypdf.PdfReader(tmp_path / "other-dates.pdf").pages[0].extract_text()
    )


def test_presets_cover_this_and_last_month_term_and_year() -> None:
    found = {key: (first, last) for key, _label, first, last in presets(date(2026, 1, 5))}
    assert found["this_month"] == (date(2026, 1, 1), date(2026, 1, 31))
    assert found["last_month"] == (date(2025, 12, 1), date(2025, 12, 31))
    assert found["this_term"] == (date(2026, 1, 1), date(2026, 3, 31))
    assert found["last_term"] == (date(2025, 9, 1), date(2025, 12, 31))
    assert found["last_year"] == (date(2024, 9, 1), date(2025, 8, 31))
