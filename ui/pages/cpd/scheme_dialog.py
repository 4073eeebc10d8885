"""Choose the CPD scheme the mentor renews under, and the day the current cycle began.

The known schemes' rules are shown as they are (they come from the core, with their
sources); only "Custom" opens the fields for the mentor's own rule. The dialog builds the
``CpdScheme`` value and lets the domain validate it, so the rules live in one place.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.cpd import CATEGORY_LABELS, CpdCategory
from mentorjournal.domain.cpd_scheme import (
    KNOWN_RULES,
    CategoryMinimum,
    CpdRule,
    CpdScheme,
    SchemeKind,
)
from mentorjournal.errors import ValidationError
from ui.widgets.qdates import from_qdate, to_qdate

SCHEME_LABELS: dict[SchemeKind, str] = {
    SchemeKind.NONE: "No scheme",
    SchemeKind.ICRC_PEER_RECOVERY: "IC&RC Peer Recovery",
    SchemeKind.CALIFORNIA_PEER: "California Medi-Cal Peer Support Specialist",
    SchemeKind.UMHAN: "UMHAN accredited practitioner",
    SchemeKind.CUSTOM: "Custom",
}


def describe_rule(rule: CpdRule | None) -> str:
    """One line a mentor can check against their body's handbook."""
    if rule is None:
        return "No requirement: hours are totalled by category only."
    years = rule.cycle_months / 12
    cycle = (
        f"{years:g} year{'s' if years != 1 else ''}"
        if rule.cycle_months % 12 == 0
        else (f"{rule.cycle_months} months")
    )
    parts = [f"{rule.total_hours:g} hours every {cycle}"]
    parts += [f"{m.hours:g} of {m.label.lower()}" for m in rule.minimums]
    if rule.min_activities:
        parts.append(f"at least {rule.min_activities} separate activities")
    return ", ".join(parts) + "."


class SchemeDialog(QDialog):
    """Pick a scheme; ``scheme()`` returns the validated choice."""

    def __init__(self, current: CpdScheme | None, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("CPD scheme")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Scheme")
        for kind, label in SCHEME_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.rule_text = QLabel()
        self.rule_text.setWordWrap(True)
        self.rule_text.setAccessibleName("The scheme's rule")
        self.cycle_start = QDateEdit()
        self.cycle_start.setCalendarPopup(True)
        self.cycle_start.setDisplayFormat("dd MMM yyyy")
        self.cycle_start.setAccessibleName("Current cycle began on")
        self.custom = self._custom_box()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName("What needs fixing")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Scheme", self.kind)
        form.addRow("", self.rule_text)
        form.addRow("Current cycle &began", self.cycle_start)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.custom)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self._show(current, today)

    def _custom_box(self) -> QGroupBox:
        """The fields of a custom rule (shown only when "Custom" is chosen)."""
        self.name = QLineEdit()
        self.name.setAccessibleName("Custom scheme name")
        self.months = QSpinBox()
        self.months.setRange(1, 120)
        self.months.setValue(12)
        self.months.setSuffix(" months")
        self.months.setAccessibleName("Months per cycle")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.25, 1000)
        self.hours.setValue(20)
        self.hours.setSuffix(" h")
        self.hours.setAccessibleName("Hours per cycle")
        self.activities = QSpinBox()
        self.activities.setRange(0, 1000)
        self.activities.setAccessibleName("Separate activities per cycle")
        self.minimum_category = QComboBox()
        self.minimum_category.setAccessibleName("Category with a minimum")
        self.minimum_category.addItem("None", None)
        for category, label in CATEGORY_LABELS.items():
            self.minimum_category.addItem(label, category.value)
        self.minimum_hours = QDoubleSpinBox()
        self.minimum_hours.setRange(0, 1000)
        self.minimum_hours.setSuffix(" h")
        self.minimum_hours.setAccessibleName("Minimum hours in that category")
        box = QGroupBox("Your own rule")
        custom_form = QFormLayout(box)
        for label, widget in (
            ("&Name", self.name),
            ("Cycle &length", self.months),
            ("&Hours per cycle", self.hours),
            ("Separate &activities", self.activities),
            ("Minimum in &category", self.minimum_category),
            ("Minimum &hours there", self.minimum_hours),
        ):
            custom_form.addRow(label, widget)
        return box

    def _show(self, current: CpdScheme | None, today: date) -> None:
        start = today if current is None else current.cycle_start
        self.cycle_start.setDate(to_qdate(start))
        kind = SchemeKind.NONE if current is None else current.kind
        if current is not None and current.custom is not None:
            rule = current.custom
            self.name.setText(rule.name)
            self.months.setValue(rule.cycle_months)
            self.hours.setValue(rule.total_hours)
            self.activities.setValue(rule.min_activities)
            if rule.minimums and len(rule.minimums[0].categories) == 1:
                (category,) = rule.minimums[0].categories
                self.minimum_category.setCurrentIndex(
                    self.minimum_category.findData(category.value)
                )
                self.minimum_hours.setValue(rule.minimums[0].hours)
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self._on_kind()

    def _on_kind(self) -> None:
        kind = SchemeKind(self.kind.currentData())
        self.custom.setVisible(kind is SchemeKind.CUSTOM)
        self.rule_text.setVisible(kind is not SchemeKind.CUSTOM)
        self.rule_text.setText(describe_rule(KNOWN_RULES.get(kind)))

    def scheme(self) -> CpdScheme:
        """The chosen scheme; a ``ValidationError`` says what is wrong with a custom rule."""
        kind = SchemeKind(self.kind.currentData())
        start = from_qdate(self.cycle_start.date())
        if kind is not SchemeKind.CUSTOM:
            return CpdScheme(kind, start)
        minimums: tuple[CategoryMinimum, ...] = ()
        data = self.minimum_category.currentData()
        if data is not None and self.minimum_hours.value() > 0:
            category = CpdCategory(data)
            minimums = (
                CategoryMinimum(category.label, frozenset({category}), self.minimum_hours.value()),
            )
        rule = CpdRule(
            self.name.text().strip(),
            self.months.value(),
            self.hours.value(),
            minimums,
            self.activities.value(),
        )
        return CpdScheme(kind, start, rule)

    def accept(self) -> None:
        """Close only on a valid scheme; otherwise say what to fix and keep what was typed."""
        try:
            self.scheme()
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
