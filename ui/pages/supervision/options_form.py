"""What the supervision summary should cover: the period, the mentees, what to include, how
dates read and the questions for supervision.

Apart from the preview dialog because it is a form with one job, turning the controls into a
``SupervisionOptions`` (the export's own type); the dialog asks it for the options, fills its
mentee list and empties it on lock.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from mentorjournal.anonymise.dates import DateMode as DateStyle
from mentorjournal.export.supervision_summary import Include, SupervisionOptions
from ui.widgets.qdates import from_qdate, to_qdate

INCLUDE_LABELS: dict[Include, str] = {
    Include.SESSIONS: "&Session summaries",
    Include.GOALS: "&Goals and progress",
    Include.REFLECTIONS: "Flagged &reflections",
    Include.AGENDA: "Supervision &agenda and questions",
}


class SupervisionOptionsForm(QWidget):
    """The options column of the preview dialog; ``update_button`` asks for a new preview."""

    def __init__(self, start: date, end: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.from_edit = self._date_edit(start, "Period starts")
        self.to_edit = self._date_edit(end, "Period ends")
        form.addRow("&From:", self.from_edit)
        form.addRow("&To:", self.to_edit)
        self.mentee_list = QListWidget(self)
        self.mentee_list.setAccessibleName("Mentees to include (none ticked: all with sessions)")
        self.mentee_list.setMaximumHeight(140)
        form.addRow("&Mentees:", self.mentee_list)
        self.include_boxes: dict[Include, QCheckBox] = {}
        for include, label in INCLUDE_LABELS.items():
            box = QCheckBox(label, self)
            box.setChecked(True)
            box.setAccessibleName(label.replace("&", ""))
            self.include_boxes[include] = box
            form.addRow("", box)
        self.date_style = QComboBox(self)
        self.date_style.addItem("Weeks from the first session", DateStyle.RELATIVE)
        self.date_style.addItem("Month and year", DateStyle.MONTH)
        self.date_style.setAccessibleName("How dates are shown")
        form.addRow("&Dates as:", self.date_style)
        self.questions = QPlainTextEdit(self)
        self.questions.setAccessibleName("Questions for supervision, one per line")
        self.questions.setPlaceholderText("Questions for supervision, one per line")
        self.questions.setMaximumHeight(90)
        form.addRow("&Questions:", self.questions)
        self.update_button = QPushButton("&Update preview", self)
        self.update_button.setAccessibleName("Update preview")
        form.addRow("", self.update_button)

    def _date_edit(self, day: date, name: str) -> QDateEdit:
        edit = QDateEdit(to_qdate(day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(name)
        return edit

    def show_mentees(self, rows: list[tuple[str, str]]) -> None:
        """List the mentees as (code, status), none ticked (none ticked means all)."""
        self.mentee_list.clear()
        for code, status in rows:
            item = QListWidgetItem(code if status == "active" else f"{code} ({status})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.mentee_list.addItem(item)

    def options(self) -> SupervisionOptions:
        """What the controls ask for (raises ValidationError for a backwards period)."""
        codes = []
        for row in range(self.mentee_list.count()):
            item = self.mentee_list.item(row)
            if item.checkState() is Qt.CheckState.Checked:
                codes.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return SupervisionOptions(
            start=from_qdate(self.from_edit.date()),
            end=from_qdate(self.to_edit.date()),
            mentee_codes=tuple(codes),
            include=frozenset(i for i, box in self.include_boxes.items() if box.isChecked()),
            date_style=DateStyle(self.date_style.currentData()),
            questions=tuple(self.questions.toPlainText().splitlines()),
        )

    def clear(self) -> None:
        """Forget the mentees and the questions (on lock)."""
        self.mentee_list.clear()
        self.questions.clear()
