"""A mentee's appointments: plan the next session, move it, record what became of it.

Outcomes are the ones services count: attended and did not attend (DNA) in one click; a
cancellation (by the mentee, the mentor or the service) or an early end through the outcome
dialog, which asks for the reason, and for an early end how long the session lasted and
whether it was agreed. "Start the note" writes a draft that takes the appointment's time,
length and mode and opens it on the Sessions tab. The mentee's appointments can be saved as an
iCalendar file for the mentor's calendar: codes only, never names. The tab shows the mentee's
allocation of hours and what is used of the current period, and prints the timesheet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.appointments import (
    DEFAULT_MINUTES,
    MAX_MINUTES,
    MIN_MINUTES,
    MODE_LABELS,
    Appointment,
    AppointmentListing,
    AppointmentStatus,
)
from mentorjournal.domain.attendance import (
    HourAllocation,
    PeriodSummary,
    format_hours,
    outcome_text,
)
from mentorjournal.domain.notes import SessionMode
from mentorjournal.errors import ValidationError
from ui.callbacks import command, query
from ui.models.record_model import Column, RecordTableModel
from ui.pages.base import MenteePage
from ui.prompts import Prompts
from ui.widgets.tables import read_only_table
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changes
    from mentorjournal.journal import Journal


class AppointmentColumn(IntEnum):
    WHEN = 0
    LENGTH = 1
    MODE = 2
    STATUS = 3
    NOTE = 4


#: The outcomes recorded in one click; the others need the outcome dialog's questions.
QUICK_OUTCOMES = (AppointmentStatus.ATTENDED, AppointmentStatus.DID_NOT_ATTEND)


@dataclass(frozen=True)
class AppointmentsData:
    """What the tab shows: the appointments, the allocation, and the current period's use."""

    code: str
    listings: list[AppointmentListing]
    today: date
    allocation: HourAllocation | None = None
    current: PeriodSummary | None = None


def load_appointments(journal: Journal, mentee_id: str) -> AppointmentsData:
    """The tab's data, read in the worker: the allocation's current period summed up."""
    from mentorjournal.domain.attendance import periods_between

    today = journal.today()
    allocation = journal.hour_allocation(mentee_id)
    current = None
    if allocation is not None:
        period = periods_between(today, today, allocation.per, clip=False)[0]
        sheet = journal.timesheet(mentee_id, period.first, period.last, summary_per=allocation.per)
        current = sheet.summaries[0]
    return AppointmentsData(
        journal.get_mentee(mentee_id).code,
        journal.appointments(mentee_id=mentee_id),
        today,
        allocation,
        current,
    )


def allocation_text(data: AppointmentsData) -> str:
    """ "12 h per term. Autumn term 2026: 8.5 h held, 3.5 h left." or that none is set."""
    if data.allocation is None or data.current is None:
        return "Hours allocated: none set."
    used = data.current
    left = used.remaining_minutes or 0
    rest = f"{format_hours(left)} h left" if left >= 0 else f"{format_hours(-left)} h over"
    return (
        f"Hours allocated: {data.allocation.text}. {used.period.label}: "
        f"{format_hours(used.minutes_held)} h held in {used.sessions_held} session"
        f"{'s' if used.sessions_held != 1 else ''}, {rest}."
    )


class AppointmentsModel(RecordTableModel):
    """One mentee's ``Appointment`` rows, newest first as the page sets them."""

    COLUMNS = (
        Column("When", lambda a: f"{a.at.astimezone():%a %d %b %Y, %H:%M}", sort_key=lambda a: a.at),
        Column("Length", lambda a: f"{a.minutes} min", sort_key=lambda a: a.minutes,
               align_right=True),
        Column("Mode", lambda a: MODE_LABELS[a.mode]),
        Column("Outcome", lambda a: outcome_text(a.status, a.reason, a.early_end_agreed)
               if a.status.is_outcome else a.status.label),
        Column("Note", lambda a: "Written" if a.note_id else "–"),
    )  # fmt: skip


def _local(moment: QDateTime) -> datetime:
    return datetime.fromtimestamp(moment.toSecsSinceEpoch()).astimezone()


class AppointmentsTab(MenteePage[AppointmentsData]):
    """The list, a small form to plan or move one, and outcome buttons."""

    loaded = Signal()

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, prompts, parent)
        self.setObjectName("appointmentsTab")
        self._pending_open = ""
        self.model = AppointmentsModel(self)
        self.view = read_only_table(self.model, "Appointments", stretch_column=3,
                                    single_selection=True)  # fmt: skip
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_selected())
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy HH:mm")
        self.when.setAccessibleName("Appointment date and time")
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Length in minutes")
        self.mode = QComboBox()
        self.mode.setAccessibleName("Mode")
        for mode, label in MODE_LABELS.items():
            self.mode.addItem(label, mode.value)
        self.plan_button = QPushButton("&Plan new")
        self.plan_button.setAccessibleName("Plan a new appointment")
        self.plan_button.clicked.connect(self.plan_new)
        self.move_button = QPushButton("Sa&ve changes")
        self.move_button.setAccessibleName("Save changes to the selected appointment")
        self.move_button.clicked.connect(self.save_selected)
        self._attendance_widgets()
        self.note_button = QPushButton("Start the &note")
        self.note_button.setAccessibleName("Start a session note from the selected appointment")
        self.note_button.clicked.connect(self.start_note)
        self.ics_button = QPushButton("Save to &calendar (.ics)…")
        self.ics_button.setAccessibleName("Save these appointments as a calendar file")
        self.ics_button.clicked.connect(self.export_calendar)
        self._build()

    def _attendance_widgets(self) -> None:
        """Outcome buttons, the allocation line and the timesheet button."""
        self.status_buttons: dict[AppointmentStatus, QPushButton] = {}
        for status in QUICK_OUTCOMES:
            button = QPushButton(status.label)
            button.setAccessibleName(f"Mark the selected appointment: {status.label}")
            button.clicked.connect(lambda _c=False, s=status: self.set_status(s))
            self.status_buttons[status] = button
        self.outcome_button = QPushButton("Cancelled or &ended early…")
        self.outcome_button.setAccessibleName(
            "Record a cancellation or an early end of the selected appointment, with the reason"
        )
        self.outcome_button.clicked.connect(lambda _checked=False: self.record_outcome())
        self.timesheet_button = QPushButton("Print &timesheet…")
        self.timesheet_button.setAccessibleName("Print this mentee's timesheet for a period")
        self.timesheet_button.clicked.connect(self.print_timesheet)
        self.allocation_label = QLabel("Hours allocated: none set.")
        self.allocation_label.setWordWrap(True)
        self.allocation_label.setAccessibleName("Hours allocated and used")
        self.allocation_button = QPushButton("Set &allocation…")
        self.allocation_button.setAccessibleName("Set the hours allocated to this mentee")
        self.allocation_button.clicked.connect(self.set_allocation)
        self._data: AppointmentsData | None = None
        self.outcome_dialog: Any = None
        self.timesheet_dialog: Any = None
        self.allocation_dialog: Any = None

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("&When:", self.when)
        form.addRow("&Length:", self.minutes)
        form.addRow("M&ode:", self.mode)
        # Two buttons a row: at 200 % text a single row of five ran off a small screen.
        edit = QGridLayout()
        for n, button in enumerate(
            (self.plan_button, self.move_button, self.note_button, self.ics_button)
        ):
            edit.addWidget(button, n // 2, n % 2)
        outcomes = QGridLayout()
        buttons = (*self.status_buttons.values(), self.outcome_button, self.timesheet_button)
        for n, button in enumerate(buttons):
            outcomes.addWidget(button, n // 2, n % 2)
        allocation = QHBoxLayout()
        allocation.addWidget(self.allocation_label, 1)
        allocation.addWidget(self.allocation_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(edit)
        layout.addLayout(outcomes)
        layout.addLayout(allocation)
        layout.addWidget(self.view, 1)

    # -- page contract -----------------------------------------------------------------------
    def _load_for(self, mentee_id: str) -> Callable[[Journal], AppointmentsData]:
        return lambda j: load_appointments(j, mentee_id)

    def _show(self, data: AppointmentsData) -> None:
        selected = self.selected()
        self._data = data
        self.allocation_label.setText(allocation_text(data))
        self.model.set_records(
            sorted((x.appointment for x in data.listings), key=lambda a: a.at, reverse=True)
        )
        keep = self._pending_open or (selected.id if selected else "")
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.view.selectRow(row)
        self._pending_open = ""
        self.loaded.emit()

    def _wants(self, changes: Changes) -> bool:
        return changes.appointments

    def _clear(self) -> None:
        self._pending_open = ""
        self._data = None
        self.allocation_label.setText("Hours allocated: none set.")
        self.model.clear()
        for dialog in (self.outcome_dialog, self.timesheet_dialog, self.allocation_dialog):
            if dialog is not None:
                dialog.reject()

    def open_record(self, kind: str, record_id: str) -> None:
        self._pending_open = record_id
        row = self.model.row_of(record_id)
        if row >= 0:
            self.view.selectRow(row)

    def selected(self) -> Appointment | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        record: Appointment = self.model.record_at(index.row())
        return record

    def _show_selected(self) -> None:
        a = self.selected()
        if a is None:
            return
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(a.at.timestamp())))
        self.minutes.setValue(a.minutes)
        self.mode.setCurrentIndex(self.mode.findData(a.mode.value))

    def _form_values(self) -> tuple[datetime, int, SessionMode]:
        return (
            _local(self.when.dateTime()),
            self.minutes.value(),
            SessionMode(str(self.mode.currentData())),
        )

    # -- actions -----------------------------------------------------------------------------
    def set_default_time(self, moment: datetime) -> None:
        """Suggest ``moment`` (the app passes next week, same time) in the form."""
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))

    def plan_new(self) -> None:
        mentee_id = self._mentee_id
        if mentee_id is None:
            return
        at, minutes, mode = self._form_values()
        command(self, self._worker,
                lambda j: j.add_appointment(mentee_id, at, minutes=minutes, mode=mode),
                lambda r: setattr(self, "_pending_open", r.value.id), self._prompts.show_error)  # fmt: skip

    def save_selected(self) -> None:
        a = self.selected()
        if a is None:
            self._prompts.inform("Appointments", "Choose an appointment first.")
            return
        at, minutes, mode = self._form_values()
        changed = replace(a, at=at, minutes=minutes, mode=mode)
        command(self, self._worker, lambda j: j.update_appointment(changed), lambda _r: None,
                self._prompts.show_error)  # fmt: skip

    def set_status(self, status: AppointmentStatus) -> None:
        a = self.selected()
        if a is None:
            self._prompts.inform("Appointments", "Choose an appointment first.")
            return
        command(self, self._worker, lambda j: j.set_appointment_status(a.id, status),
                lambda _r: None, self._prompts.show_error)  # fmt: skip

    def record_outcome(self, status: AppointmentStatus | None = None) -> Any:
        """Open the outcome dialog for the selected appointment; saved when accepted."""
        from ui.pages.appointments.outcome_dialog import OutcomeDialog

        a = self.selected()
        if a is None:
            self._prompts.inform("Appointments", "Choose an appointment first.")
            return None
        first = status or (
            a.status if a.status.is_cancellation else AppointmentStatus.CANCELLED_BY_MENTEE
        )
        dialog = OutcomeDialog(a, first, self)
        dialog.accepted.connect(lambda: self._save_outcome(a.id, dialog))
        self.outcome_dialog = dialog
        dialog.open()
        return dialog

    def _save_outcome(self, appointment_id: str, dialog: Any) -> None:
        outcome = dialog.outcome()
        command(self, self._worker, lambda j: j.record_outcome(appointment_id, outcome),
                lambda _r: None, self._prompts.show_error)  # fmt: skip

    def set_allocation(self) -> Any:
        """Open the allocation dialog; set or remove it when accepted."""
        from ui.pages.appointments.allocation_dialog import AllocationDialog

        mentee_id = self._mentee_id
        if mentee_id is None or self._data is None:
            return None
        dialog = AllocationDialog(mentee_id, self._data.allocation, self)
        dialog.accepted.connect(lambda: self._save_allocation(mentee_id, dialog))
        self.allocation_dialog = dialog
        dialog.open()
        return dialog

    def _save_allocation(self, mentee_id: str, dialog: Any) -> None:
        if dialog.removed:
            command(self, self._worker, lambda j: j.clear_hour_allocation(mentee_id),
                    lambda _r: None, self._prompts.show_error)  # fmt: skip
            return
        try:
            allocation = dialog.allocation()
        except ValidationError as exc:
            self._prompts.show_error(exc)
            return
        command(self, self._worker, lambda j: j.set_hour_allocation(allocation),
                lambda _r: None, self._prompts.show_error)  # fmt: skip

    def print_timesheet(self) -> Any:
        """Ask for the period, format and file, then write the timesheet in the worker."""
        from ui.pages.appointments.timesheet_dialog import TimesheetDialog

        data = self._data
        if self._mentee_id is None or data is None:
            return None
        per = data.allocation.per if data.allocation else None
        dialog = TimesheetDialog(data.code, data.today, self._prompts, per, self)
        dialog.accepted.connect(lambda: self._write_timesheet(data.code, dialog))
        self.timesheet_dialog = dialog
        dialog.open()
        return dialog

    def _write_timesheet(self, code: str, dialog: Any) -> None:
        from mentorjournal.export.timesheet import export_timesheet

        first, last, per, path = dialog.values()
        # Writing a file changes no record (its audit event is the exporter's): a read.
        query(self, self._worker,
              lambda j: export_timesheet(j, code, first, last, path, summary_per=per),
              lambda _sheet: self._prompts.inform("Print timesheet", f"Saved to {path}."),
              self._prompts.show_error)  # fmt: skip

    def start_note(self) -> None:
        a = self.selected()
        if a is None:
            self._prompts.inform("Appointments", "Choose an appointment first.")
            return
        if a.note_id is not None:
            self.record_requested.emit("note", a.note_id, a.mentee_id)
            return
        command(self, self._worker, lambda j: j.note_from_appointment(a.id),
                lambda r: self.record_requested.emit("note", r.value.id, a.mentee_id),
                self._prompts.show_error)  # fmt: skip

    def export_calendar(self) -> None:
        mentee_id = self._mentee_id
        if mentee_id is None:
            return
        path = self._prompts.save_file("Save to calendar", "", "iCalendar (*.ics)")
        if path is None:
            return
        target = path if path.suffix else path.with_suffix(".ics")
        # Writing a calendar changes no record: it runs as a read, nothing is broadcast.
        query(self, self._worker, lambda j: write_calendar(j, target, mentee_id),
              lambda _r: self._prompts.inform("Save to calendar", f"Saved to {target}."),
              self._prompts.show_error)  # fmt: skip


def write_calendar(journal: Any, path: Path, mentee_id: str | None) -> int:
    """The CLI's calendar export, for one mentee (or all): mentee codes only."""
    from mentorjournal.export.calendar import write_calendar

    return write_calendar(journal.appointments(mentee_id=mentee_id), journal.clock.now(), path)


def next_week(now: datetime) -> datetime:
    """The suggested next session: a week on, on the hour."""
    return (now + timedelta(days=7)).replace(minute=0, second=0, microsecond=0)
