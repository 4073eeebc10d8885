"""Close an appointment: how it ended and, where the rules ask, why.

Attended and did not attend (DNA) are one click on the tab; this dialog is for the outcomes that
need more: a cancellation says by whom and why, an early end says why, how long the session
lasted and whether the mentee agreed (DSA-QAG asks for each). The dialog builds the core's
``Outcome`` and lets it validate, so the rules live in one place; OK stays open with the reason
shown until the outcome is complete.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.appointments import REASON_MAX, Appointment, AppointmentStatus
from mentorjournal.domain.attendance import Outcome
from mentorjournal.errors import ValidationError

#: The choices, in the order a mentor thinks of them.
CHOICES = (
    AppointmentStatus.ATTENDED,
    AppointmentStatus.DID_NOT_ATTEND,
    AppointmentStatus.CANCELLED_BY_MENTEE,
    AppointmentStatus.CANCELLED_BY_MENTOR,
    AppointmentStatus.CANCELLED_BY_SERVICE,
    AppointmentStatus.ENDED_EARLY,
)
AGREED_CHOICES = (("Choose…", None), ("Yes", True), ("No", False))


class OutcomeDialog(QDialog):
    """Pick the outcome; ``outcome()`` is the validated choice once the dialog is accepted."""

    def __init__(
        self,
        appointment: Appointment,
        status: AppointmentStatus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeDialog")
        self.setWindowTitle("Appointment outcome")
        self._appointment = appointment
        self._outcome: Outcome | None = None
        self.group = QButtonGroup(self)
        self.buttons: dict[AppointmentStatus, QRadioButton] = {}
        for status_choice in CHOICES:
            button = QRadioButton(status_choice.label)
            button.setAccessibleName(f"Outcome: {status_choice.label}")
            self.group.addButton(button)
            self.buttons[status_choice] = button
            button.toggled.connect(lambda _on: self._sync())
        self.reason = QLineEdit(appointment.reason)
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setAccessibleName("Reason")
        self.reason.setPlaceholderText("Why? Required for a cancellation or an early end")
        self.held = QSpinBox()
        self.held.setRange(1, max(1, appointment.minutes - 1))
        self.held.setSuffix(" min")
        self.held.setValue(appointment.held_minutes or max(1, appointment.minutes // 2))
        self.held.setAccessibleName("Minutes the session lasted")
        self.agreed = QComboBox()
        self.agreed.setAccessibleName("Was the early end agreed with the mentee?")
        for label, value in AGREED_CHOICES:
            self.agreed.addItem(label, value)
        if appointment.early_end_agreed is not None:
            self.agreed.setCurrentIndex(1 if appointment.early_end_agreed else 2)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("What is missing")
        self.problem.setObjectName("outcomeProblem")
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self._build()
        chosen = status if status is not None else appointment.status
        self.choose(chosen if chosen in self.buttons else AppointmentStatus.ATTENDED)

    def _build(self) -> None:
        choices = QGroupBox("How did it end?")
        column = QVBoxLayout(choices)
        for button in self.buttons.values():
            column.addWidget(button)
        form = QFormLayout()
        form.addRow("&Reason:", self.reason)
        self.early = QGroupBox("Ended early")
        early = QFormLayout(self.early)
        early.addRow("&Lasted:", self.held)
        early.addRow("A&greed with the mentee:", self.agreed)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Planned for {self._appointment.minutes} minutes."))
        layout.addWidget(choices)
        layout.addLayout(form)
        layout.addWidget(self.early)
        layout.addWidget(self.problem)
        layout.addWidget(self.button_box)

    def choose(self, status: AppointmentStatus) -> None:
        self.buttons[status].setChecked(True)
        self._sync()

    def status(self) -> AppointmentStatus:
        for status, button in self.buttons.items():
            if button.isChecked():
                return status
        return AppointmentStatus.ATTENDED

    def _sync(self) -> None:
        status = self.status()
        self.early.setEnabled(status is AppointmentStatus.ENDED_EARLY)
        self.reason.setEnabled(status is not AppointmentStatus.ATTENDED)
        self.problem.clear()

    def _build_outcome(self) -> Outcome:
        status = self.status()
        early = status is AppointmentStatus.ENDED_EARLY
        outcome = Outcome(
            status,
            "" if status is AppointmentStatus.ATTENDED else self.reason.text(),
            self.held.value() if early else None,
            self.agreed.currentData() if early else None,
        )
        outcome.apply(self._appointment)  # the planned length bounds the minutes held
        return outcome

    def accept(self) -> None:
        """Close only with a complete outcome; otherwise say what is missing."""
        try:
            self._outcome = self._build_outcome()
        except ValidationError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()

    def outcome(self) -> Outcome:
        if self._outcome is None:
            raise RuntimeError("the dialog was not accepted")
        return self._outcome
