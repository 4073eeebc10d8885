"""A mentee's appointments: plan the next session, move it, record what became of it.

Outcomes are the ones services count: attended, cancelled by the mentee, cancelled by the
mentor, did not attend (DNA). "Start the note" writes a draft that takes the appointment's
time, length and mode and opens it on the Sessions tab. The mentee's appointments can be saved
as an iCalendar file for the mentor's calendar: codes only, never names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
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
from mentorjournal.domain.notes import SessionMode
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


class AppointmentsModel(RecordTableModel):
    """One mentee's ``Appointment`` rows, newest first as the page sets them."""

    COLUMNS = (
        Column("When", lambda a: f"{a.at.astimezone():%a %d %b %Y, %H:%M}", sort_key=lambda a: a.at),
        Column("Length", lambda a: f"{a.minutes} min", sort_key=lambda a: a.minutes,
               align_right=True),
        Column("Mode", lambda a: MODE_LABELS[a.mode]),
        Column("Status", lambda a: a.status.label),
        Column("Note", lambda a: "Written" if a.note_id else "–"),
    )  # fmt: skip


def _local(moment: QDateTime) -> datetime:
    return datetime.fromtimestamp(moment.toSecsSinceEpoch()).astimezone()


class AppointmentsTab(MenteePage[list[AppointmentListing]]):
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
        self.status_buttons: dict[AppointmentStatus, QPushButton] = {}
        for status in AppointmentStatus:
            if status is AppointmentStatus.PLANNED:
                continue
            button = QPushButton(status.label)
            button.setAccessibleName(f"Mark the selected appointment: {status.label}")
            button.clicked.connect(lambda _c=False, s=status: self.set_status(s))
            self.status_buttons[status] = button
        self.note_button = QPushButton("Start the &note")
        self.note_button.setAccessibleName("Start a session note from the selected appointment")
        self.note_button.clicked.connect(self.start_note)
        self.ics_button = QPushButton("Save to &calendar (.ics)…")
        self.ics_button.setAccessibleName("Save these appointments as a calendar file")
        self.ics_button.clicked.connect(self.export_calendar)
        self._build()

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
        for n, button in enumerate(self.status_buttons.values()):
            outcomes.addWidget(button, n // 2, n % 2)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(edit)
        layout.addLayout(outcomes)
        layout.addWidget(self.view, 1)

    # -- page contract -----------------------------------------------------------------------
    def _load_for(self, mentee_id: str) -> Callable[[Journal], list[AppointmentListing]]:
        return lambda j: j.appointments(mentee_id=mentee_id)

    def _show(self, data: list[AppointmentListing]) -> None:
        selected = self.selected()
        self.model.set_records(
            sorted((x.appointment for x in data), key=lambda a: a.at, reverse=True)
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
        self.model.clear()

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
