"""The frame both supervisor signatures share: who signs, on which day, and what is missing.

A co-signature of a note and a sign-off of a supervision meeting ask the same things (the
supervisor's own typed name, a date between the record and today) and refuse the same way (one
line inside the dialog, which stays open with everything typed). Each dialog adds its own rows
between the name and the date through :meth:`SupervisorSignatureDialog.add_rows`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.style import TextRole, set_text_role
from ui.widgets.qdates import from_qdate, to_qdate


class SupervisorSignatureDialog(QDialog):
    """Intro, supervisor's name, the subclass's rows, a date from ``earliest`` to ``today``."""

    def __init__(
        self,
        *,
        title: str,
        intro: str,
        earliest: date,
        today: date,
        supervisor: str,
        date_name: str,
        sign_text: str,
        sign_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        layout.addWidget(intro_label)
        form = QFormLayout()
        self.name = QLineEdit(supervisor)
        self.name.setAccessibleName("Supervisor's name")
        form.addRow("Supervisor's &name:", self.name)
        self.add_rows(form)
        self.day = QDateEdit(to_qdate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMMM yyyy")
        self.day.setMinimumDate(to_qdate(min(earliest, today)))
        self.day.setMaximumDate(to_qdate(today))
        self.day.setAccessibleName(date_name)
        form.addRow("&Date:", self.day)
        self.add_rows_after_date(form)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setAccessibleName("What is missing")
        self.problem.setWordWrap(True)
        set_text_role(self.problem, TextRole.CAPTION)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(sign_text)
        self.ok_button.setAccessibleName(sign_name)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def add_rows(self, form: QFormLayout) -> None:
        """Rows between the name and the date (none by default)."""

    def add_rows_after_date(self, form: QFormLayout) -> None:
        """Rows after the date (none by default)."""

    def signer(self) -> str:
        return self.name.text().strip()

    def signed_on(self) -> date:
        return from_qdate(self.day.date())

    def missing(self) -> list[tuple[str, QWidget]]:
        """What must still be typed, as (word for the message, field to focus), in form order."""
        return [("name", self.name)] if not self.signer() else []

    def refusal(self, missing_words: list[str]) -> str:
        """The one line shown when something is missing."""
        raise NotImplementedError

    def _try_accept(self) -> None:
        missing = self.missing()
        if missing:
            self.problem.setText(self.refusal([word for word, _field in missing]))
            self.problem.show()
            missing[0][1].setFocus()
            return
        self.accept()
