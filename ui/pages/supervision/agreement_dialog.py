"""The supervision agreement: what supervision is for, how often, what is kept, and its limits.

Written together at the start of supervision and revised at each review. Every part but the
review date and the monthly target is needed; a missing part is named in one line inside the
dialog, which stays open with everything typed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.supervision_ledger import TARGET_MAX_HOURS, SupervisionAgreement
from mentorjournal.domain.validation import new_id
from mentorjournal.errors import ValidationError
from ui.style import TextRole, set_text_role
from ui.widgets.qdates import to_qdate


def _text(label: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(label)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(edit.fontMetrics().height() * 4)
    return edit


class AgreementDialog(QDialog):
    """Edits one :class:`SupervisionAgreement` (a new one when none is given)."""

    def __init__(
        self,
        today: date,
        agreement: SupervisionAgreement | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle("Supervision agreement — Mentor Journal")
        self._id = agreement.id if agreement is not None else new_id()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.result_value: SupervisionAgreement | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Agree these with your supervisor when supervision starts, and review them "
            "together at least once a year."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = self._build_form(today)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("agreementProblem")
        self.problem.setAccessibleName("What is missing")
        self.problem.setWordWrap(True)
        set_text_role(self.problem, TextRole.CAPTION)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save the supervision agreement")
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if agreement is not None:
            self._fill(agreement)

    def _build_form(self, today: date) -> QFormLayout:
        form = QFormLayout()
        self.supervisor = QLineEdit()
        self.supervisor.setAccessibleName("Supervisor")
        form.addRow("&Supervisor:", self.supervisor)
        self.started_on = QDateEdit(to_qdate(today))
        self.started_on.setCalendarPopup(True)
        self.started_on.setDisplayFormat("d MMMM yyyy")
        self.started_on.setAccessibleName("Start date")
        form.addRow("S&tarted:", self.started_on)
        review_row = QHBoxLayout()
        self.has_review = QCheckBox("Re&view by")
        self.has_review.setAccessibleName("The agreement has a review date")
        self.review_on = QDateEdit(to_qdate(date(today.year + 1, today.month, min(today.day, 28))))
        self.review_on.setCalendarPopup(True)
        self.review_on.setDisplayFormat("d MMMM yyyy")
        self.review_on.setAccessibleName("Review date")
        self.has_review.toggled.connect(self.review_on.setEnabled)
        self.has_review.setChecked(True)
        review_row.addWidget(self.has_review)
        review_row.addWidget(self.review_on, 1)
        form.addRow(review_row)
        self.purpose = _text("Purpose of supervision")
        form.addRow("&Purpose:", self.purpose)
        self.frequency = QLineEdit()
        self.frequency.setAccessibleName("Frequency")
        self.frequency.setPlaceholderText("e.g. monthly, 90 minutes, by video")
        form.addRow("&Frequency:", self.frequency)
        self.recorded = _text("What is recorded and where")
        form.addRow("What is &recorded, where:", self.recorded)
        self.confidentiality = _text("Limits of confidentiality")
        form.addRow("&Limits of confidentiality:", self.confidentiality)
        self.target = QDoubleSpinBox()
        self.target.setRange(0, TARGET_MAX_HOURS)
        self.target.setDecimals(1)
        self.target.setSingleStep(0.5)
        self.target.setSuffix(" h a month")
        self.target.setSpecialValueText("Profile's or scheme's")
        self.target.setAccessibleName("Monthly supervision target in hours")
        form.addRow("Monthly ta&rget:", self.target)
        return form

    def _fill(self, a: SupervisionAgreement) -> None:
        self.supervisor.setText(a.supervisor)
        self.started_on.setDate(to_qdate(a.started_on))
        self.has_review.setChecked(a.review_on is not None)
        if a.review_on is not None:
            self.review_on.setDate(to_qdate(a.review_on))
        self.purpose.setPlainText(a.purpose)
        self.frequency.setText(a.frequency)
        self.recorded.setPlainText(a.recorded)
        self.confidentiality.setPlainText(a.confidentiality)
        self.target.setValue(a.target_hours_per_month or 0)

    def agreement(self) -> SupervisionAgreement:
        """The agreement as typed (``ValidationError`` names what is missing or wrong)."""
        started = self.started_on.date().toPython()
        review = self.review_on.date().toPython() if self.has_review.isChecked() else None
        assert isinstance(started, date) and (review is None or isinstance(review, date))
        return SupervisionAgreement(
            id=self._id,
            supervisor=self.supervisor.text().strip(),
            started_on=started,
            purpose=self.purpose.toPlainText().strip(),
            frequency=self.frequency.text().strip(),
            recorded=self.recorded.toPlainText().strip(),
            confidentiality=self.confidentiality.toPlainText().strip(),
            review_on=review,
            target_hours_per_month=self.target.value() or None,
        )

    def _try_accept(self) -> None:
        try:
            self.result_value = self.agreement()
        except ValidationError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.accept()
