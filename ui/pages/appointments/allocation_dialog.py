"""Set the hours a mentee is allocated per month, term or academic year, or remove them.

A DSA award or a commissioned package gives a mentee so many hours; the timesheet's summary
counts the hours held against them. The dialog builds the core's ``HourAllocation``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.attendance import (
    ALLOCATION_MAX,
    ALLOCATION_MIN,
    AllocationPeriod,
    HourAllocation,
)
from ui.pages.appointments.timesheet_dialog import PER_LABELS


class AllocationDialog(QDialog):
    """Hours and period; ``removed`` is true when the mentor chose to remove the allocation."""

    def __init__(
        self, mentee_id: str, current: HourAllocation | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("allocationDialog")
        self.setWindowTitle("Hours allocated")
        self._mentee_id = mentee_id
        self.removed = False
        self.hours = QDoubleSpinBox()
        self.hours.setRange(ALLOCATION_MIN / 60, ALLOCATION_MAX / 60)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(" h")
        self.hours.setValue(current.hours if current else 10.0)
        self.hours.setAccessibleName("Hours allocated")
        self.per = QComboBox()
        self.per.setAccessibleName("Per")
        for kind, label in PER_LABELS.items():
            self.per.addItem(label, kind.value)
        chosen = current.per if current else AllocationPeriod.TERM
        self.per.setCurrentIndex(self.per.findData(chosen.value))
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.remove_button = self.button_box.addButton(
            "&Remove allocation", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.setAccessibleName("Remove the allocation of hours")
        self.remove_button.setEnabled(current is not None)
        self.remove_button.clicked.connect(self._remove)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        note = QLabel(
            "Terms: autumn from 1 September, spring from 1 January, summer from 1 April; the "
            "academic year starts on 1 September."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Hours:", self.hours)
        form.addRow("&Per:", self.per)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.button_box)

    def _remove(self) -> None:
        self.removed = True
        self.accept()

    def allocation(self) -> HourAllocation:
        return HourAllocation.of_hours(
            self._mentee_id, self.hours.value(), AllocationPeriod(str(self.per.currentData()))
        )
