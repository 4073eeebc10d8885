"""One goal-progress entry being typed: GAS level, percentage, note (and a date), then Add.

Why shared: the Goals tab rates progress on the goal chosen there, the session editor on the
goal ticked in its list (dated by the session). Both ask the same four things the same way,
so the mentor meets one row, with the same labels for screen readers, in both places.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from mentorjournal.domain.goals import GAS_LABELS, GAS_LEVELS
from ui.widgets.flow import FlowLayout
from ui.widgets.qdates import from_qdate


class GasProgressRow(QWidget):
    """Inputs for a progress entry; ``add_requested`` when Add is pressed."""

    add_requested = Signal()

    def __init__(self, *, with_date: bool, about: str = "", parent: QWidget | None = None) -> None:
        """``with_date``: the row asks for the day (else the caller dates the entry).
        ``about`` ends each accessible name (" for the selected goal")."""
        super().__init__(parent)
        # Wraps on a narrow page (a small laptop, large text) instead of pushing it sideways.
        layout = FlowLayout(self)
        self.on_edit: QDateEdit | None = None
        if with_date:
            self.on_edit = QDateEdit()
            self.on_edit.setCalendarPopup(True)
            self.on_edit.setDisplayFormat("dd MMM yyyy")
            self.on_edit.setDate(QDate.currentDate())
            self.on_edit.setAccessibleName(f"Progress date{about}")
            layout.addWidget(self.on_edit)
        self.level_box = QComboBox()
        self.level_box.setAccessibleName(f"Progress GAS level{about}")
        self.level_box.addItem("No GAS level", None)
        for level in GAS_LEVELS:
            self.level_box.addItem(
                f"{level:+d} {GAS_LABELS[level]}" if level else f"0 {GAS_LABELS[0]}", level
            )
        self.percent_box = QSpinBox()
        self.percent_box.setRange(-1, 100)
        self.percent_box.setSpecialValueText("No %")
        self.percent_box.setSuffix("%")
        self.percent_box.setValue(-1)
        self.percent_box.setAccessibleName(f"Progress percentage{about}")
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("Progress note")
        self.note_edit.setAccessibleName(f"Progress note{about}")
        self.add_button = QPushButton("Add pro&gress")
        self.add_button.setAccessibleName(f"Add a progress entry{about}")
        self.add_button.clicked.connect(self.add_requested)
        layout.addWidget(self.level_box)
        layout.addWidget(self.percent_box)
        layout.addWidget(self.note_edit, 1)
        layout.addWidget(self.add_button)

    def level(self) -> int | None:
        value = self.level_box.currentData()
        return value if isinstance(value, int) else None

    def percent(self) -> int | None:
        value = self.percent_box.value()
        return None if value < 0 else value

    def note(self) -> str:
        return self.note_edit.text().strip()

    def day(self) -> date | None:
        """The chosen day (None when the row asks for none)."""
        if self.on_edit is None:
            return None
        value = from_qdate(self.on_edit.date())
        return value

    def reset(self) -> None:
        """After an entry was added: empty for the next one (the day stays)."""
        self.note_edit.clear()
        self.level_box.setCurrentIndex(0)
        self.percent_box.setValue(-1)

    def set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.level_box, self.percent_box, self.note_edit, self.add_button):
            widget.setEnabled(enabled)
