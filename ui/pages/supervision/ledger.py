"""The supervision ledger tab: the agreement in force, and supervision hours by month.

Hours count the meetings logged with a length (the record form on the other tab), month by
month through this one, against the monthly target of the agreement, the service profile or
the CPD scheme, with where that target comes from said beside it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.supervision_ledger import MonthHours, SupervisionAgreement
from ui.models.record_model import Column, RecordTableModel
from ui.pages.journal_ops import LedgerData
from ui.style import TextRole, set_text_role
from ui.widgets.tables import read_only_table


def hours_text(minutes: int) -> str:
    """90 -> "1.5 h", 45 -> "0.75 h", 120 -> "2 h": exact to the quarter hour."""
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".") + " h"


def _met(m: MonthHours) -> str:
    return {None: "–", True: "met", False: "below target"}[m.met]


class MonthHoursModel(RecordTableModel):
    """One row per month of the year shown, newest first."""

    COLUMNS = (
        Column("Month", lambda m: f"{m.month:%B %Y}", sort_key=lambda m: m.month),
        Column("Meetings", lambda m: str(m.meetings), align_right=True),
        Column("Hours", lambda m: hours_text(m.minutes), align_right=True),
        Column(
            "Target",
            lambda m: "–" if m.target_minutes is None else hours_text(m.target_minutes),
            align_right=True,
        ),
        Column("Against target", _met),
    )

    def record_id(self, record: object) -> str | None:
        return f"{record.month:%Y-%m}" if isinstance(record, MonthHours) else None


def agreement_text(a: SupervisionAgreement, today: date) -> str:
    review = "no review date"
    if a.review_on is not None:
        review = f"review by {a.review_on.day} {a.review_on:%B %Y}"
        if a.review_due(today):
            review += " (due now)"
    return (
        f"With {a.supervisor} since {a.started_on.day} {a.started_on:%B %Y}; {review}.\n"
        f"Frequency: {a.frequency}\nPurpose: {a.purpose}\n"
        f"Recorded: {a.recorded}\nLimits of confidentiality: {a.confidentiality}"
    )


def hours_summary(data: LedgerData) -> str:
    hours = data.hours
    if not hours.months:
        return "No supervision logged yet."
    month = hours.months[-1]
    text = f"This month: {hours_text(month.minutes)}"
    if data.target is not None:
        text += f" of {hours_text(data.target.minutes_per_month)} ({data.target.source})"
    text += f". {hours.year} so far: {hours_text(hours.minutes)} in {hours.meetings} meetings"
    if hours.target_minutes is not None:
        text += f", target {hours_text(hours.target_minutes)}"
    return text + "."


class LedgerPanel(QWidget):
    """The agreement (with its edit button) above the hours table."""

    #: The mentor asked to add or review the agreement.
    edit_agreement = Signal()
    #: The mentor asked to export the year's supervision log.
    export_log = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisionLedger")
        self.data: LedgerData | None = None
        layout = QVBoxLayout(self)
        box = QGroupBox("Supervision agreement")
        inner = QVBoxLayout(box)
        self.agreement = QLabel()
        self.agreement.setObjectName("agreementSummary")
        self.agreement.setWordWrap(True)
        self.agreement.setAccessibleName("The supervision agreement")
        inner.addWidget(self.agreement)
        row = QHBoxLayout()
        row.addStretch(1)
        self.agreement_button = QPushButton("Add &agreement…")
        self.agreement_button.setAccessibleName("Add or review the supervision agreement")
        self.agreement_button.clicked.connect(self.edit_agreement)
        row.addWidget(self.agreement_button)
        inner.addLayout(row)
        layout.addWidget(box)
        hours_box = QGroupBox("Supervision hours")
        hours_layout = QVBoxLayout(hours_box)
        self.summary = QLabel()
        self.summary.setObjectName("hoursSummary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Supervision hours this month and this year")
        set_text_role(self.summary, TextRole.BODY)
        hours_layout.addWidget(self.summary)
        self.model = MonthHoursModel(self)
        self.table = read_only_table(
            self.model,
            "Supervision hours by month",
            stretch_column=0,
            empty="No months to show yet.",
        )
        hours_layout.addWidget(self.table, 1)
        export_row = QHBoxLayout()
        export_row.addStretch(1)
        self.export_button = QPushButton("E&xport log…")
        self.export_button.setAccessibleName("Export this year's supervision log")
        self.export_button.setToolTip(
            "The agreement, hours and signed-off meetings, no case material"
        )
        self.export_button.clicked.connect(self.export_log)
        export_row.addWidget(self.export_button)
        hours_layout.addLayout(export_row)
        layout.addWidget(hours_box, 1)
        self.clear()

    def show_data(self, data: LedgerData) -> None:
        self.data = data
        if data.agreement is None:
            self.agreement.setText(
                "No agreement recorded yet. Agree the purpose, frequency, what is recorded "
                "and where, and the limits of confidentiality with your supervisor."
            )
            self.agreement_button.setText("Add &agreement…")
        else:
            self.agreement.setText(agreement_text(data.agreement, data.today))
            self.agreement_button.setText("Review &agreement…")
        self.summary.setText(hours_summary(data))
        self.model.set_records(tuple(reversed(data.hours.months)))

    def clear(self) -> None:
        self.data = None
        self.agreement.clear()
        self.summary.clear()
        self.model.clear()
