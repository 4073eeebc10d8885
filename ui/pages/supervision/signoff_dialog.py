"""The supervisor's sign-off of a logged meeting: their name and the date.

After sign-off the record is locked (only an action's "done" tick may change), so the dialog
says so before the supervisor signs. The date runs from the meeting to today.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from ui.widgets.supervisor_signature import SupervisorSignatureDialog


class SignOffDialog(SupervisorSignatureDialog):
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
        super().__init__(
            title="Sign off supervision — Mentor Journal",
            intro=f"{meeting}\nThe supervisor signs off this record of the meeting. Once signed "
            "off it is locked: only an agreed action can still be ticked done.",
            earliest=held_on,
            today=today,
            supervisor=supervisor,
            date_name="Date of the sign-off",
            sign_text="Sign off",
            sign_name="Sign off this supervision record",
            parent=parent,
        )
        self.setObjectName("signOffDialog")

    def values(self) -> tuple[str, date]:
        return self.signer(), self.signed_on()

    def refusal(self, missing_words: list[str]) -> str:
        return "Add the supervisor's name to sign off."
