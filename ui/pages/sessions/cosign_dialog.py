"""The supervisor's co-signature of a signed note: name, role, date and an optional comment.

Used in supervision on the mentor's computer: the supervisor reads the note and types their
own name and role (never pre-filled from the mentor's settings, so it is theirs). The date
cannot be before the note was signed nor after today; a missing name or role is said in one
line inside the dialog, which stays open with everything typed.
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
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.style import TextRole, set_text_role
from ui.widgets.qdates import from_qdate, to_qdate


class CosignDialog(QDialog):
    """Collects the co-signature; ``accepted`` means :meth:`values` are complete."""

    def __init__(
        self,
        *,
        note_title: str,
        signed_on: date,
        today: date,
        supervisor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cosignDialog")
        self.setWindowTitle("Add co-signature — Mentor Journal")
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"{note_title}\nThe supervisor co-signs the note as signed. The co-signature is "
            "kept with the note for good and cannot be changed afterwards."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(supervisor)
        self.name.setAccessibleName("Supervisor's name")
        form.addRow("Supervisor's &name:", self.name)
        self.role = QLineEdit()
        self.role.setAccessibleName("Supervisor's role")
        self.role.setPlaceholderText("e.g. Clinical supervisor, LCSW")
        form.addRow("&Role:", self.role)
        self.day = QDateEdit(to_qdate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMMM yyyy")
        self.day.setMinimumDate(to_qdate(min(signed_on, today)))
        self.day.setMaximumDate(to_qdate(today))
        self.day.setAccessibleName("Date of the co-signature")
        form.addRow("&Date:", self.day)
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName("Supervisor's comment (optional)")
        self.comment.setPlaceholderText("Optional")
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(self.comment.fontMetrics().height() * 5)
        form.addRow("&Comment:", self.comment)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("cosignProblem")
        self.problem.setAccessibleName("What is missing")
        self.problem.setWordWrap(True)
        set_text_role(self.problem, TextRole.CAPTION)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Co-sign")
        self.ok_button.setAccessibleName("Add the co-signature")
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str, date, str]:
        """(name, role, date, comment), trimmed."""
        day = from_qdate(self.day.date())
        return (
            self.name.text().strip(),
            self.role.text().strip(),
            day,
            self.comment.toPlainText().strip(),
        )

    def _try_accept(self) -> None:
        name, role, _day, _comment = self.values()
        missing = [what for what, value in (("name", name), ("role", role)) if not value]
        if missing:
            self.problem.setText(f"Add the supervisor's {' and '.join(missing)} to co-sign.")
            self.problem.show()
            (self.name if not name else self.role).setFocus()
            return
        self.accept()
