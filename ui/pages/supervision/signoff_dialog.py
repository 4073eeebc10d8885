"""The supervisor's sign-off of a logged meeting: their name and the date.

After sign-off the record is locked (only an action's "done" tick may change), so the dialog
says so before the supervisor signs. The date runs from the meeting to today.
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


class SignOffDialog(QDialog):
    """Collects (name, date); ``accepted`` means :meth:`values` are complete."""

    def __init__(
        self,
        *,
        meeting: str,
        held_on: date,
        today: date,
        supervisor: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signOffDialog")
        self.setWindowTitle("Sign off supervision — Mentor Journal")
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"{meeting}\nThe supervisor signs off this record of the meeting. Once signed "
            "off it is locked: only an agreed action can still be ticked done."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(supervisor)
        self.name.setAccessibleName("Supervisor's name")
        form.addRow("Supervisor's &name:", self.name)
        self.day = QDateEdit(to_qdate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMMM yyyy")
        self.day.setMinimumDate(to_qdate(min(held_on, today)))
        self.day.setMaximumDate(to_qdate(today))
        self.day.setAccessibleName("Date of the sign-off")
        form.addRow("&Date:", self.day)
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
        self.ok_button.setText("Sign off")
        self.ok_button.setAccessibleName("Sign off this supervision record")
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, date]:
        day = from_qdate(self.day.date())
        return self.name.text().strip(), day

    def _try_accept(self) -> None:
        if not self.values()[0]:
            self.problem.setText("Add the supervisor's name to sign off.")
            self.problem.show()
            self.name.setFocus()
            return
        self.accept()
