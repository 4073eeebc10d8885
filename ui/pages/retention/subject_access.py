"""Subject access export…: one mentee's whole record as PDF, DOCX and JSON in a folder.

The mentor gives the day the request arrived (the oldest open request's day when there is
one, else today; never a future day) and sees the day it is due, counted as the ICO's
right-of-access guidance says; then chooses a folder. The export runs in the worker with the
same core exporter as ``mentorjournal export --subject-access``, which records the request,
writes the three files and audits the export once they exist.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.subject_access import SubjectAccessRequest, access_due_on
from ui.callbacks import query
from ui.prompts import Prompts
from ui.widgets.qdates import to_qdate
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.journal import Journal

TITLE = "Subject access export"


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _open_request(journal: Journal, mentee_id: str) -> tuple[date, SubjectAccessRequest | None]:
    """Today, and the mentee's oldest unanswered request (if any)."""
    open_requests = [r for r in journal.access_requests(mentee_id) if r.exported_at is None]
    return journal.today(), (open_requests[0] if open_requests else None)


class SubjectAccessDialog(QDialog):
    """Asks the request day and the folder; ``exported`` fires with the folder once written."""

    exported = Signal(Path)

    def __init__(
        self,
        worker: JournalWorker,
        prompts: Prompts,
        mentee_id: str,
        code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("subjectAccessDialog")
        self.setWindowTitle(f"{TITLE} — {code}")
        self._worker = worker
        self._prompts = prompts
        self._mentee_id = mentee_id
        self._code = code
        self._open: SubjectAccessRequest | None = None
        intro = QLabel(
            f"A copy of everything the journal holds about {code}: a readable PDF and Word "
            "document, and a JSON file of every stored entry. The files are not encrypted: "
            "hand them over securely and delete your copy.",
            self,
        )
        intro.setWordWrap(True)
        self.requested = QDateEdit(self)
        self.requested.setCalendarPopup(True)
        self.requested.setDisplayFormat("d MMMM yyyy")
        self.requested.setAccessibleName("Day the request arrived")
        self.requested.dateChanged.connect(lambda _d: self._update_due())
        self.due = QLabel(self)
        self.due.setWordWrap(True)
        self.due.setAccessibleName("Day the answer is due")
        self.folder = QLineEdit(self)
        self.folder.setAccessibleName("Folder to write the copy into")
        self.folder.setPlaceholderText("Choose a folder")
        choose = QPushButton("C&hoose…", self)
        choose.setAccessibleName("Choose a folder")
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form = QFormLayout()
        form.addRow("&Request received:", self.requested)
        form.addRow("Due by:", self.due)
        folder_label = QLabel("&Folder:", self)
        folder_label.setBuddy(self.folder)  # a row of two: the label names the field
        form.addRow(folder_label, folder_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._update_due()

    def load(self) -> None:
        """Read today and any open request in the worker, then show them."""
        mentee_id = self._mentee_id
        query(self, self._worker, lambda j: _open_request(j, mentee_id), self._loaded,
              self._failed)  # fmt: skip

    def _loaded(self, found: tuple[date, SubjectAccessRequest | None]) -> None:
        today, request = found
        self._open = request
        self.requested.setMaximumDate(to_qdate(today))
        day = request.requested_on if request is not None else today
        self.requested.setDate(to_qdate(day))
        self._update_due()

    def requested_on(self) -> date:
        value = self.requested.date()
        return date(value.year(), value.month(), value.day())

    def _update_due(self) -> None:
        due = access_due_on(self.requested_on())
        which = (
            " (the open request)"
            if self._open is not None and self._open.requested_on == self.requested_on()
            else ""
        )
        self.due.setText(f"{_day(due)}{which}: one month, ICO right of access")

    def choose_folder(self) -> None:
        chosen = self._prompts.choose_directory(TITLE, self.folder.text())
        if chosen is not None:
            self.folder.setText(str(chosen))

    def export(self) -> None:
        text = self.folder.text().strip()
        if not text:
            self._prompts.warn(TITLE, "Choose the folder to write the copy into.")
            return
        folder = Path(text)
        code = self._code
        requested: date | None = self.requested_on()
        if self._open is not None and self._open.requested_on == requested:
            requested = None  # answer the open request, not a new one on the same day

        def write(journal: Journal) -> Any:
            from mentorjournal.export.subject_access import export_subject_access

            return export_subject_access(journal, code, folder, requested_on=requested)

        def written(result: Any) -> None:
            request = result.request
            self._prompts.inform(
                TITLE,
                f"The copy of {code}'s record is in {result.folder}: three files (PDF, Word,"
                f" JSON). Request received {_day(request.requested_on)}, due by"
                f" {_day(request.due_on)}.",
            )
            self.exported.emit(result.folder)
            self.accept()

        query(self, self._worker, write, written, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._prompts.show_error(error, TITLE)
