"""The supervisor's co-signature of a signed note: name, role, date and an optional comment.

Used in supervision on the mentor's computer: the supervisor reads the note and types their
own name and role (never pre-filled from the mentor's settings, so it is theirs). The date
cannot be before the note was signed nor after today; a missing name or role is said in one
line inside the dialog, which stays open with everything typed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from ui.widgets.supervisor_signature import SupervisorSignatureDialog


class CosignDialog(SupervisorSignatureDialog):
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
        super().__init__(
            title="Add co-signature — Mentor Journal",
            intro=f"{note_title}\nThe supervisor co-signs the note as signed. The co-signature "
            "is kept with the note for good and cannot be changed afterwards.",
            earliest=signed_on,
            today=today,
            supervisor=supervisor,
            date_name="Date of the co-signature",
            sign_text="Co-sign",
            sign_name="Add the co-signature",
            parent=parent,
        )
        self.setObjectName("cosignDialog")
        self.problem.setObjectName("cosignProblem")

    def add_rows(self, form: QFormLayout) -> None:
        self.role = QLineEdit()
        self.role.setAccessibleName("Supervisor's role")
        self.role.setPlaceholderText("e.g. Clinical supervisor, LCSW")
        form.addRow("&Role:", self.role)

    def add_rows_after_date(self, form: QFormLayout) -> None:
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName("Supervisor's comment (optional)")
        self.comment.setPlaceholderText("Optional")
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(self.comment.fontMetrics().height() * 5)
        form.addRow("&Comment:", self.comment)

    def values(self) -> tuple[str, str, date, str]:
        """(name, role, date, comment), trimmed."""
        return (
            self.signer(),
            self.role.text().strip(),
            self.signed_on(),
            self.comment.toPlainText().strip(),
        )

    def missing(self) -> list[tuple[str, QWidget]]:
        role_missing = [("role", self.role)] if not self.role.text().strip() else []
        return [*super().missing(), *role_missing]

    def refusal(self, missing_words: list[str]) -> str:
        return f"Add the supervisor's {' and '.join(missing_words)} to co-sign."
