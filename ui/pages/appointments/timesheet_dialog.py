"""Print a mentee's timesheet: which dates, summed up per what, PDF or Word, and where.

The period offers the spans a mentor is asked for (this or last month, term or academic year)
and any dates; the summary follows the mentee's allocation unless the mentor picks another.
The file itself is written by the core exporter the CLI uses, in the worker, off the GUI thread.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.attendance import AllocationPeriod, periods_between
from ui.prompts import Prompts
from ui.widgets.qdates import from_qdate, to_qdate

PER_LABELS = {
    AllocationPeriod.MONTH: "Month",
    AllocationPeriod.TERM: "Term",
    AllocationPeriod.YEAR: "Academic year",
}
CUSTOM = "custom"


def _span(day: date, per: AllocationPeriod) -> tuple[date, date]:
    whole = periods_between(day, day, per, clip=False)[0]
    return whole.first, whole.last


def presets(today: date) -> list[tuple[str, str, date, date]]:
    """(key, label, first, last) for this and last month, term and academic year."""
    found: list[tuple[str, str, date, date]] = []
    for per, noun in (
        (AllocationPeriod.MONTH, "month"),
        (AllocationPeriod.TERM, "term"),
        (AllocationPeriod.YEAR, "academic year"),
    ):
        first, last = _span(today, per)
        before = _span(first - timedelta(days=1), per)
        found.append((f"this_{per.value}", f"This {noun}", first, last))
        found.append((f"last_{per.value}", f"Last {noun}", *before))
    return found


class TimesheetDialog(QDialog):
    """Choose the period, the summary, the format and the file; ``values()`` once accepted."""

    def __init__(
        self,
        code: str,
        today: date,
        prompts: Prompts,
        per: AllocationPeriod | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timesheetDialog")
        self.setWindowTitle(f"Print timesheet for {code}")
        self._code = code
        self._prompts = prompts
        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        for key, label, first, last in presets(today):
            self.period.addItem(label, (key, first, last))
        self.period.addItem("Other dates", (CUSTOM, today, today))
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit, name in ((self.first, "First day"), (self.last, "Last day")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
        self.per = QComboBox()
        self.per.setAccessibleName("Summary per")
        for kind, label in PER_LABELS.items():
            self.per.addItem(label, kind.value)
        chosen = per or AllocationPeriod.MONTH
        self.per.setCurrentIndex(self.per.findData(chosen.value))
        self.pdf = QRadioButton("&PDF")
        self.docx = QRadioButton("&Word (DOCX)")
        self.pdf.setChecked(True)
        self.path = QLineEdit()
        self.path.setAccessibleName("Save to")
        self.path.setMinimumWidth(self.path.fontMetrics().horizontalAdvance("x" * 34))
        self.browse = QPushButton("&Browse…")
        self.browse.setAccessibleName("Choose where to save the timesheet")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("What is missing")
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.period.currentIndexChanged.connect(lambda _i: self._apply_preset())
        self.browse.clicked.connect(self.choose_file)
        self.pdf.toggled.connect(lambda _on: self._match_suffix())
        self._build()
        keys = [self.period.itemData(i)[0] for i in range(self.period.count())]
        self.period.setCurrentIndex(keys.index(f"this_{chosen.value}"))
        self._apply_preset()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("P&eriod:", self.period)
        form.addRow("&From:", self.first)
        form.addRow("&To:", self.last)
        form.addRow("&Summary per:", self.per)
        formats = QHBoxLayout()
        formats.addWidget(self.pdf)
        formats.addWidget(self.docx)
        formats.addStretch(1)
        form.addRow("Format:", formats)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        where_label = QLabel("Save t&o:")
        where_label.setBuddy(self.path)
        form.addRow(where_label, where)
        layout = QVBoxLayout(self)
        note = QLabel(
            "One row per session or appointment, a blank line for the mentee to sign each "
            "session held, and a summary against the allocation."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.button_box)

    def _apply_preset(self) -> None:
        key, first, last = self.period.currentData()
        custom = key == CUSTOM
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        if not custom:
            self.first.setDate(to_qdate(first))
            self.last.setDate(to_qdate(last))

    def suffix(self) -> str:
        return ".pdf" if self.pdf.isChecked() else ".docx"

    def _match_suffix(self) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(self.suffix())))

    def choose_file(self) -> None:
        filters = "PDF (*.pdf)" if self.pdf.isChecked() else "Word document (*.docx)"
        suggested = f"timesheet-{self._code}{self.suffix()}"
        chosen = self._prompts.save_file("Save the timesheet", suggested, filters)
        if chosen is not None:
            self.path.setText(str(chosen.with_suffix(self.suffix())))

    def accept(self) -> None:
        """Close only with a usable period and file name; otherwise say what is wrong."""
        first, last = from_qdate(self.first.date()), from_qdate(self.last.date())
        text = self.path.text().strip()
        if last < first:
            self.problem.setText("The last day cannot be before the first.")
            return
        if not text:
            self.problem.setText("Choose where to save the timesheet.")
            return
        # A missing folder is the exporter's to report (in the worker): no disk on this thread.
        target = Path(text).expanduser()
        self.path.setText(str(target.with_suffix(self.suffix())))
        super().accept()

    def values(self) -> tuple[date, date, AllocationPeriod, Path]:
        """The period, the summary's period kind and the file, as chosen."""
        return (
            from_qdate(self.first.date()),
            from_qdate(self.last.date()),
            AllocationPeriod(str(self.per.currentData())),
            Path(self.path.text()),
        )
