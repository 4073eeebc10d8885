"""The session header in the note editor: end, place, service, modality, goal lines, own words.

Quick to fill: place and service are editable lists from Settings (the service profile's
defaults until the mentor edits them), picking a service fills its code, ticking a goal in the
editor adds its one-line progress field here, and the end time sets the duration. The line at
the bottom says what the profile still needs before signing and when the note is due, so the
mentor learns it while writing rather than when signing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)

from mentorjournal.clock import SYSTEM_ZONE
from mentorjournal.domain.service_profile import billing_units, note_due_at
from mentorjournal.domain.session_header import (
    Modality,
    PlanGoalLine,
    SessionHeader,
    missing_fields,
)
from mentorjournal.domain.settings import RecordSettings


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A row label whose mnemonic focuses ``widget`` (a row holding a layout has no buddy)."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class SessionHeaderFields(QGroupBox):
    """Edits a :class:`SessionHeader`; ``edited`` fires on every change the mentor makes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Session details", parent)
        self._settings = RecordSettings()
        self._loading = False
        self._goal_edits: dict[str, QLineEdit] = {}
        self._kept: SessionHeader | None = None
        form = QFormLayout(self)
        self._build_when(form)
        self._build_service(form)
        self._build_words(form)
        self.has_end.toggled.connect(self._end_toggled)
        self.ended.timeChanged.connect(self._changed)
        self.place.currentTextChanged.connect(self._changed)
        self.service.currentTextChanged.connect(self._service_picked)
        self.service_code.textEdited.connect(self._changed)
        self.modality.currentIndexChanged.connect(self._changed)
        self.crisis.toggled.connect(self._changed)
        self.with_mentee.toggled.connect(self._changed)
        self.own_words.textChanged.connect(self._changed)
        self._end_toggled(False)

    # -- construction ----------------------------------------------------------------------
    def _build_when(self, form: QFormLayout) -> None:
        self.has_end = QCheckBox("&Ended at")
        self.has_end.setAccessibleName("The session has an end time")
        self.ended = QTimeEdit()
        self.ended.setDisplayFormat("HH:mm")
        self.ended.setAccessibleName("Session end time")
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.ended)
        self.units = QLabel()
        self.units.setAccessibleName("Billing units")
        end_row.addWidget(self.units, 1)
        form.addRow("End", end_row)

    def _build_service(self, form: QFormLayout) -> None:
        self.place = QComboBox()
        self.place.setEditable(True)
        self.place.setAccessibleName("Place of service")
        form.addRow("Pla&ce", self.place)
        self.service = QComboBox()
        self.service.setEditable(True)
        self.service.setAccessibleName("Service type")
        self.service_code = QLineEdit()
        self.service_code.setAccessibleName("Service code")
        self.service_code.setPlaceholderText("code")
        self.service_code.setMaximumWidth(self.fontMetrics().horizontalAdvance("H0038-HQ") * 2)
        service_row = QHBoxLayout()
        service_row.addWidget(self.service, 1)
        service_row.addWidget(self.service_code)
        form.addRow(_buddy("Ser&vice", self.service), service_row)
        self.modality = QComboBox()
        self.modality.setAccessibleName("Modality")
        for modality in Modality:
            self.modality.addItem(modality.label, modality.value)
        self.crisis = QCheckBox("C&risis contact")
        self.crisis.setAccessibleName("Crisis contact (due sooner)")
        modality_row = QHBoxLayout()
        modality_row.addWidget(self.modality)
        modality_row.addWidget(self.crisis, 1)
        form.addRow(_buddy("Modalit&y", self.modality), modality_row)

    def _build_words(self, form: QFormLayout) -> None:
        self.goal_form = QFormLayout()
        self.goal_hint = QLabel("Tick a goal below to write a line of progress for it.")
        self.goal_hint.setWordWrap(True)
        self.goal_form.addRow(self.goal_hint)
        form.addRow("Plan goals", self.goal_form)
        self.with_mentee = QCheckBox("&Written with the mentee")
        self.with_mentee.setAccessibleName("This note was written with the mentee")
        form.addRow(self.with_mentee)
        self.own_words = QPlainTextEdit()
        self.own_words.setAccessibleName("In their own words")
        self.own_words.setPlaceholderText("What the mentee said, as they said it")
        self.own_words.setTabChangesFocus(True)
        self.own_words.setMaximumHeight(self.own_words.fontMetrics().height() * 4)
        form.addRow("In their &own words", self.own_words)
        self.needs = QLabel()
        self.needs.setObjectName("headerNeeds")
        self.needs.setWordWrap(True)
        self.needs.setAccessibleName("What this note still needs and when it is due")
        form.addRow(self.needs)

    # -- public API ------------------------------------------------------------------------
    def set_settings(self, settings: RecordSettings) -> None:
        """The profile and lists; the text in the place and service boxes is kept."""
        self._settings = settings
        self._loading = True
        try:
            place, service = self.place.currentText(), self.service.currentText()
            self.place.clear()
            self.place.addItems(list(settings.place_choices))
            self.place.setCurrentText(place)
            self.service.clear()
            for name, code in settings.service_choices:
                self.service.addItem(name, code)
            self.service.setCurrentText(service)
        finally:
            self._loading = False

    def clear_lists(self) -> None:
        """Forget the place and service lists too (lock: no page keeps rows)."""
        self._loading = True
        try:
            self.place.clear()
            self.service.clear()
        finally:
            self._loading = False

    def show_header(self, header: SessionHeader | None, started: datetime) -> None:
        """Fill the fields from ``header`` (``None``: empty fields)."""
        self._loading = True
        self._kept = header
        try:
            h = header or SessionHeader()
            self.has_end.setChecked(h.ended_at is not None)
            end = (h.ended_at or started + timedelta(hours=1)).astimezone()
            self.ended.setTime(QTime(end.hour, end.minute))
            self.place.setCurrentText(h.place)
            self.service.setCurrentText(h.service)
            self.service_code.setText(h.service_code)
            self.modality.setCurrentIndex(self.modality.findData(h.modality.value))
            self.crisis.setChecked(h.crisis)
            self.with_mentee.setChecked(h.written_with_mentee)
            self.own_words.setPlainText(h.own_words)
            self.set_goals([], h.goals)
        finally:
            self._loading = False
        self._end_toggled(self.has_end.isChecked())

    def set_goals(
        self, goals: Sequence[tuple[str, str]], lines: Sequence[PlanGoalLine] | None = None
    ) -> None:
        """One progress line per ticked goal ((id, label) pairs), keeping what was typed."""
        typed = {goal_id: edit.text() for goal_id, edit in self._goal_edits.items()}
        for line in lines or ():
            typed[line.goal_id] = line.progress
        while self.goal_form.rowCount() > 1:
            self.goal_form.removeRow(1)
        self._goal_edits = {}
        for goal_id, label in goals:
            edit = QLineEdit(typed.get(goal_id, ""))
            edit.setAccessibleName(f"Progress towards: {label}")
            edit.setPlaceholderText("One line: what moved, or what got in the way")
            edit.textEdited.connect(self._changed)
            shown = label if len(label) <= 40 else label[:39] + "…"
            self.goal_form.addRow(shown, edit)
            self._goal_edits[goal_id] = edit
        self.goal_hint.setVisible(not goals)

    def header(self, started: datetime, goal_ids: Sequence[str]) -> SessionHeader | None:
        """The header the fields show (``None`` when nothing is filled in: an old-style note)."""
        kept = self._kept or SessionHeader()
        ended = None
        if self.has_end.isChecked():
            local = started.astimezone()
            time = self.ended.time()
            ended = local.replace(hour=time.hour(), minute=time.minute(), second=0, microsecond=0)
            if ended < local:  # past midnight
                ended += timedelta(days=1)
            ended = ended.astimezone(UTC)
        header = SessionHeader(
            ended_at=ended,
            place=self.place.currentText().strip(),
            service=self.service.currentText().strip(),
            service_code=self.service_code.text().strip(),
            modality=Modality(self.modality.currentData()),
            goals=tuple(
                PlanGoalLine(goal_id, self._goal_edits[goal_id].text().strip())
                for goal_id in goal_ids
                if goal_id in self._goal_edits
            ),
            written_with_mentee=self.with_mentee.isChecked(),
            own_words=self.own_words.toPlainText(),
            crisis=self.crisis.isChecked(),
            late_reason=kept.late_reason,
        )
        empty = header == SessionHeader(goals=header.goals)
        if self._kept is None and empty and not any(g.progress for g in header.goals):
            return None  # nothing filled in on a note that never had a header
        return header

    def show_status(
        self,
        header: SessionHeader | None,
        started: datetime,
        minutes: int,
        signed: bool,
        now: datetime,
    ) -> None:
        """The units line and what the profile still needs, or who signed and whether late."""
        rules = self._settings.rules
        units = billing_units(minutes, rules.unit_minutes)
        self.units.setText(f"{units} × {rules.unit_minutes} min units" if units else "")
        h = header or SessionHeader()
        if signed:
            parts = []
            if h.signer is not None:
                parts.append(f"Signed by {h.signer.line}.")
            if h.is_late_entry:
                parts.append(f"Late entry: {h.late_reason}")
            self.needs.setText(" ".join(parts))
            return
        parts = []
        missing = missing_fields(rules, h, self._settings.signer)
        if missing:
            parts.append("Needed before signing: " + ", ".join(f.label for f in missing) + ".")
        end = h.ended_at or started + timedelta(minutes=minutes)
        due = note_due_at(rules, end, crisis=h.crisis, zone=SYSTEM_ZONE)
        if due is not None and due < now:
            parts.append(
                f"Overdue: was due by {SYSTEM_ZONE.display(due)} ({rules.label}); signing will"
                " ask for the reason for the late entry."
            )
        elif due is not None:
            parts.append(f"Due by {SYSTEM_ZONE.display(due)} ({rules.label}).")
        self.needs.setText(" ".join(parts))

    def set_read_only(self, read_only: bool) -> None:
        for widget in (
            self.has_end,
            self.place,
            self.service,
            self.modality,
            self.crisis,
            self.with_mentee,
        ):
            widget.setEnabled(not read_only)
        self.ended.setEnabled(not read_only and self.has_end.isChecked())
        self.service_code.setReadOnly(read_only)
        self.own_words.setReadOnly(read_only)
        for edit in self._goal_edits.values():
            edit.setReadOnly(read_only)

    @property
    def ends(self) -> bool:
        return self.has_end.isChecked()

    # -- internals -------------------------------------------------------------------------
    def _end_toggled(self, checked: bool) -> None:
        self.ended.setEnabled(checked)
        self._changed()

    def _service_picked(self, text: str) -> None:
        if not self._loading:
            code = dict(self._settings.service_choices).get(text)
            if code is not None:
                self.service_code.setText(code)
        self._changed()

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()
