"""Under a signed note: its supervisor review state, and the two steps of a co-signature.

The mentor asks for review ("Ask for supervisor review"); in supervision, on this computer,
the supervisor adds the co-signature (a dialog). Once co-signed, the panel shows who co-signed,
with role, date and comment, and both buttons go: a co-signature is added once, never changed.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mentorjournal.domain.notes import SessionNote
from ui.callbacks import command, query
from ui.pages import journal_ops as ops
from ui.pages.sessions.cosign_dialog import CosignDialog
from ui.prompts import Prompts
from ui.worker import JournalWorker


class CosignPanel(QGroupBox):
    """Shows and drives the co-signature of the signed note it is given (``show_for``)."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__("Supervisor co-signature", parent)
        self.setObjectName("cosignPanel")
        self._worker = worker
        self._prompts = prompts
        self._note: SessionNote | None = None
        self._today: date | None = None
        self.dialog: CosignDialog | None = None
        layout = QVBoxLayout(self)
        self.state = QLabel()
        self.state.setObjectName("cosignState")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state.setAccessibleName("Co-signature state")
        layout.addWidget(self.state)
        row = QHBoxLayout()
        row.addStretch(1)
        self.request_button = QPushButton("Ask for supervisor &review")
        self.request_button.setAccessibleName("Ask for supervisor review of this note")
        self.request_button.setToolTip("Mark this signed note for your supervisor to co-sign")
        self.request_button.clicked.connect(self.request_review)
        row.addWidget(self.request_button)
        self.cosign_button = QPushButton("Add co-si&gnature…")
        self.cosign_button.setAccessibleName("Add the supervisor's co-signature")
        self.cosign_button.setToolTip("For the supervisor, in supervision: co-sign this note")
        self.cosign_button.clicked.connect(self.open_dialog)
        row.addWidget(self.cosign_button)
        layout.addLayout(row)
        self.clear()

    def clear(self) -> None:
        """Forget the note (lock, or a draft is shown)."""
        self._note = None
        self.state.clear()
        self.request_button.hide()
        self.cosign_button.hide()
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.hide()

    def show_for(self, note: SessionNote) -> None:
        """Read and show the review state of ``note`` (hidden for a draft)."""
        if not note.is_signed:
            self.clear()
            return
        self._note = note
        self.show()
        self.state.setText("Reading…")
        note_id = note.id
        query(
            self,
            self._worker,
            lambda j: ops.cosign_state(j, note_id),
            lambda state: self._show_state(note_id, state),
            self._prompts.show_error,
        )

    def _show_state(self, note_id: str, state: ops.CosignState) -> None:
        if self._note is None or self._note.id != note_id:
            return
        self._today = state.today
        cosigned = state.cosignature
        if cosigned is not None:
            text = f"Co-signed by {cosigned.line}."
            if cosigned.comment:
                text += f"\nComment: {cosigned.comment}"
        elif state.request is not None:
            asked = state.request.requested_at.astimezone()
            text = f"Waiting for supervisor review since {asked:%d %B %Y, %H:%M}."
        elif state.required:
            text = "Your service profile asks for a supervisor's co-signature on this note."
        else:
            text = "Not put up for supervisor review."
        self.state.setText(text)
        self.request_button.setVisible(
            cosigned is None and state.request is None and not state.required
        )
        self.cosign_button.setVisible(cosigned is None)

    def request_review(self) -> None:
        note = self._note
        if note is None:
            return
        note_id = note.id
        command(
            self,
            self._worker,
            lambda j: ops.request_review(j, note_id),
            lambda _result: self._reread(note_id),
            lambda error: self._prompts.show_error(error, "Review not asked for"),
        )

    def open_dialog(self) -> None:
        """Open the co-signature dialog (window-modal, so tests and screen readers reach it)."""
        note = self._note
        if note is None or note.signed_at is None:
            return
        today = self._today or datetime.now().astimezone().date()
        dialog = CosignDialog(
            note_title=f"Session on {note.started_at.astimezone():%A %d %B %Y, %H:%M}",
            signed_on=note.signed_at.astimezone().date(),
            today=today,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._cosign(note.id, dialog))
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: CosignDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _cosign(self, note_id: str, dialog: CosignDialog) -> None:
        values = dialog.values()
        command(
            self,
            self._worker,
            lambda j: ops.add_cosignature(j, note_id, values),
            lambda _result: self._reread(note_id),
            lambda error: self._prompts.show_error(error, "Co-signature not added"),
        )

    def _reread(self, note_id: str) -> None:
        if self._note is not None and self._note.id == note_id:
            self.show_for(self._note)
