"""The audit log, read-only: what was done to which record, and when (ids and actions only).

Nothing here shows content: the log itself holds none (see ``storage/audit.py``). Filters by
mentee (the mentee and their records that still exist) and by action run as worker queries;
the journal methods called are ``audit_events(mentee_id=..., action=...)`` and
``audit_actions()``, plus ``mentee_listings`` for the mentee filter.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.mentees import MenteeRow, load_mentee_rows
from ui.models.record_model import Column, RecordTableModel
from ui.prompts import Prompts
from ui.worker import JournalWorker

ALL = ""


class AuditLogModel(RecordTableModel):
    """One row per audit event, newest first."""

    COLUMNS = (
        Column("#", lambda e: str(e.seq), sort_key=lambda e: e.seq, align_right=True),
        Column("When", lambda e: f"{e.at.astimezone():%d %b %Y %H:%M}", sort_key=lambda e: e.at),
        Column("Action", lambda e: str(e.action)),
        Column("Record", lambda e: str(e.kind)),
        Column("Record id", lambda e: e.record_id or "–", tooltip=lambda e: e.record_id or ""),
        Column("Origin", lambda e: "imported, not verified here" if e.imported else ""),
    )

    def record_id(self, record: Any) -> str | None:
        return str(record.seq)


class AuditLogDialog(QDialog):
    """Modeless, read-only view of the audit log with a mentee and an action filter."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditLogDialog")
        self.setWindowTitle("Audit log")
        self._worker = worker
        self._prompts = prompts
        self.model = AuditLogModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Audit events")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.mentee = QComboBox(self)
        self.mentee.setAccessibleName("Show events of mentee")
        self.mentee.addItem("All mentees", ALL)
        self.action = QComboBox(self)
        self.action.setAccessibleName("Show events of action")
        self.action.addItem("All actions", ALL)
        self.count = QLabel(self)
        form = QFormLayout()
        form.addRow("&Mentee:", self.mentee)
        form.addRow("&Action:", self.action)
        note = QLabel(
            "Every change to the journal is logged here by record id, never by content. "
            "'Verify' checks that the log has not been altered.",
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.mentee.currentIndexChanged.connect(lambda _i: self.reload())
        self.action.currentIndexChanged.connect(lambda _i: self.reload())

    def start(self) -> None:
        """Fill the filters, then the events (all in the worker)."""
        self._worker.query(
            lambda j: (load_mentee_rows(j), j.audit_actions()), self._filters_loaded, self._failed
        )

    def _filters_loaded(self, loaded: tuple[list[MenteeRow], list[str]]) -> None:
        mentees, actions = loaded
        for combo in (self.mentee, self.action):
            combo.blockSignals(True)
        for row in mentees:
            self.mentee.addItem(row.code, row.id)
        for action in actions:
            self.action.addItem(action, action)
        for combo in (self.mentee, self.action):
            combo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        mentee_id = str(self.mentee.currentData() or "") or None
        action = str(self.action.currentData() or "") or None
        self._worker.query(
            lambda j: j.audit_events(mentee_id=mentee_id, action=action),
            self._shown,
            self._failed,
        )

    def _shown(self, events: list[Any]) -> None:
        self.model.set_records(events)
        self.count.setText(f"{len(events)} event(s)")

    def _failed(self, error: BaseException) -> None:
        self._prompts.show_error(error, "Audit log")

    def clear(self) -> None:
        """On lock: forget what was shown."""
        self.model.clear()
        self.count.setText("")
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
