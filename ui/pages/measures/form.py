"""A questionnaire entered item by item, with the published wording and answer scale.

Each question is a row of four radio buttons (0-3: "Not at all" ... "Nearly every day") in its
own button group, reachable with Tab and the arrow keys; the total and its band update as the
mentor and mentee answer, and the form says plainly which questions are still unanswered.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from mentorjournal.domain.measures import ANSWER_SCALE, Instrument, band_for


class QuestionnaireForm(QWidget):
    """The items of one instrument; ``answers()`` is None until every item is answered."""

    answers_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._groups: list[QButtonGroup] = []
        self.instrument = Instrument.PHQ9
        self.stem = QLabel()
        self.stem.setWordWrap(True)
        self.total = QLabel()
        self.total.setObjectName("questionnaireTotal")
        self.set_instrument(Instrument.PHQ9)

    def set_instrument(self, instrument: Instrument) -> None:
        """Rebuild the rows for ``instrument`` (answers are cleared)."""
        self.instrument = instrument
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in (self.stem, self.total):
                widget.deleteLater()
        self._groups = []
        self.stem.setText(instrument.stem)
        self._grid.addWidget(self.stem, 0, 0, 1, 1 + len(ANSWER_SCALE))
        for column, label in enumerate(ANSWER_SCALE, start=1):
            header = QLabel(f"{label} ({column - 1})")
            header.setWordWrap(True)
            # Narrow answer columns leave the question its room; the headers wrap instead.
            header.setMaximumWidth(header.fontMetrics().averageCharWidth() * 12)
            self._grid.addWidget(header, 1, column)
        for number, item_text in enumerate(instrument.items, start=1):
            question = QLabel(f"{number}. {item_text}")
            question.setWordWrap(True)
            self._grid.addWidget(question, number + 1, 0)
            group = QButtonGroup(self)
            for value, label in enumerate(ANSWER_SCALE):
                button = QRadioButton()
                button.setAccessibleName(f"Question {number}: {label}")
                group.addButton(button, value)
                self._grid.addWidget(button, number + 1, value + 1)
            group.idToggled.connect(lambda _id, _on: self._changed())
            self._groups.append(group)
        self._grid.addWidget(self.total, len(instrument.items) + 2, 0, 1, 1 + len(ANSWER_SCALE))
        self._grid.setColumnStretch(0, 1)
        self._changed()

    def set_answers(self, answers: list[int]) -> None:
        for group, value in zip(self._groups, answers, strict=True):
            button = group.button(value)
            if button is not None:
                button.setChecked(True)

    def answers(self) -> list[int] | None:
        picked = [group.checkedId() for group in self._groups]
        return None if any(v < 0 for v in picked) else picked

    def unanswered(self) -> list[int]:
        return [n for n, group in enumerate(self._groups, start=1) if group.checkedId() < 0]

    def clear_answers(self) -> None:
        for group in self._groups:
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self._changed()

    def _changed(self) -> None:
        answers = self.answers()
        if answers is None:
            missing = len(self.unanswered())
            self.total.setText(f"{missing} question(s) still to answer.")
        else:
            score = sum(answers)
            self.total.setText(
                f"Total {score} of {self.instrument.max_score} "
                f"(published band: {band_for(self.instrument, score)})."
            )
        self.answers_changed.emit()
