"""Records past retention: the reviewed list and its erasure, one line at a time.

Why a dialog opened from Settings (beside "Erase a mentee…") and not a page of the sidebar:
reviewing retention is an occasional, administrative duty, not daily work with a mentee, and
it ends in the same irreversible step as erasing a mentee; a page would sit in the sidebar
empty most of the year. The status bar's "past retention" notice says where to find it.

Each line is a mentee's records of one type that are past their period (counted by the
journal from the record settings: ``records_past_retention``). Erasing a line asks for the
reason, says exactly what goes, and runs ``erase_past_retention`` in the worker; the journal
works the line out again inside the command, so only what is due at that moment is erased.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.retention import PastRetention
from ui.callbacks import command, query
from ui.models.record_model import Column, RecordTableModel
from ui.prompts import Prompts
from ui.worker import JournalWorker

TITLE = "Records past retention"
DEFAULT_REASON = "Retention period ended"


def _day(value: Any) -> str:
    return f"{value.day} {value:%B %Y}"


class PastRetentionModel(RecordTableModel):
    """One row per mentee and record type past retention, oldest due first."""

    COLUMNS = (
        Column("Mentee", lambda p: p.code),
        Column("Records", lambda p: p.record_type.label),
        Column("How many", lambda p: str(p.count), sort_key=lambda p: p.count, align_right=True),
        Column("Due since", lambda p: _day(p.due_on), sort_key=lambda p: p.due_on),
    )

    def record_id(self, record: Any) -> str | None:
        return f"{record.mentee_id}:{record.record_type.value}"


class RetentionReviewDialog(QDialog):
    """The review list with an Erase button; ``reload`` after every erasure."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("retentionReviewDialog")
        self.setWindowTitle(f"{TITLE} — Mentor Journal")
        self._worker = worker
        self._prompts = prompts
        intro = QLabel(
            "Records kept longer than their retention period (Settings → Record keeping → "
            "Retention), by mentee and kind of record. Review each line: erasing asks for your "
            "reason, is recorded in the audit log, and cannot be undone.",
            self,
        )
        intro.setWordWrap(True)
        self.model = PastRetentionModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Records past retention")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.erase_button = QPushButton("&Erase the selected records…", self)
        self.erase_button.setAccessibleName("Erase the selected records")
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.erase_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.erase_button)
        layout.addWidget(buttons)
        self.resize(720, 460)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection())

    def reload(self) -> None:
        query(self, self._worker, lambda j: j.records_past_retention(), self._shown,
              self._failed)  # fmt: skip

    def _shown(self, lines: list[PastRetention]) -> None:
        self.model.set_records(lines)
        if lines:
            records = sum(line.count for line in lines)
            mentees = len({line.mentee_id for line in lines})
            self.status.setText(
                f"{records} record{'s' if records != 1 else ''} of {mentees}"
                f" mentee{'s' if mentees != 1 else ''} past retention."
            )
            self.table.selectRow(0)
        else:
            self.status.setText("Nothing is past its retention period.")
        self._selection()

    def _selection(self) -> None:
        self.erase_button.setEnabled(self.selected() is not None)

    def selected(self) -> PastRetention | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        line: PastRetention = self.model.record_at(rows[0].row())
        return line

    def erase_selected(self) -> None:
        line = self.selected()
        if line is None:
            return
        what = f"{line.count} {line.record_type.label.lower()} of {line.code}"
        reason = self._prompts.ask_text(
            "Erase records past retention",
            f"Erase {what}, due for erasure since {_day(line.due_on)}? This cannot be undone."
            " Your reason (kept in the erasure register):",
            DEFAULT_REASON,
        )
        if reason is None:
            return

        def erased(_result: Any) -> None:
            self._prompts.inform("Erase records past retention", f"Erased {what}.")
            self.reload()

        command(
            self,
            self._worker,
            lambda j: j.erase_past_retention(line.mentee_id, line.record_type, reason),
            erased,
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self._prompts.show_error(error, TITLE)

    def clear(self) -> None:
        """On lock: forget what was shown."""
        self.model.clear()
        self.status.setText("")
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
