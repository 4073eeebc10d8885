"""Outcome measures for one mentee: PHQ-9 and GAD-7 item by item, charted over time.

The questionnaires are shown with their published wording, answer scale and bands, and the
source is cited on the page. Totals are charted as change over time; the page never names a
diagnosis. PHQ-9 item 9 above 0 records a risk follow-up (in the same transaction as the
result) and opens a gentle prompt to review the coping plan together. The mentee's own 0-10
scales sit beside, charted the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.measures import (
    NOT_A_DIAGNOSIS,
    SOURCE_CITATION,
    Instrument,
    MeasureResult,
    RiskFollowUp,
    ScaleRating,
    TrackedScale,
)
from ui.callbacks import command
from ui.glossary import explain_items
from ui.pages.base import MenteePage
from ui.pages.measures.form import QuestionnaireForm
from ui.pages.measures.models import FollowUpsModel, ResultsModel
from ui.prompts import Prompts
from ui.widgets.adaptive import AdaptiveSplitter, VerticalScrollArea
from ui.widgets.charts import TimeChart
from ui.widgets.qdates import to_qdate
from ui.widgets.tables import read_only_table
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changes
    from mentorjournal.journal import Journal

RISK_TITLE = "Let's look at the coping plan together"
RISK_TEXT = (
    "The answer to question 9 (thoughts of being better off dead or of hurting oneself) was "
    "above 0. A risk follow-up has been recorded. It may help to talk this through now and "
    "review the coping plan together. Open the coping plan?"
)


@dataclass(frozen=True)
class MeasuresData:
    results: tuple[MeasureResult, ...]
    followups: tuple[RiskFollowUp, ...]
    scales: tuple[tuple[TrackedScale, tuple[ScaleRating, ...]], ...]
    today: date


def load_measures(journal: Any, mentee_id: str) -> MeasuresData:
    scales = tuple((s, tuple(journal.scale_ratings(s.id))) for s in journal.scales(mentee_id))
    return MeasuresData(
        tuple(journal.measures(mentee_id)),
        tuple(journal.followups(mentee_id=mentee_id, open_only=True)),
        scales,
        journal.local_today(),
    )


class MeasuresTab(MenteePage[MeasuresData]):
    """Enter a questionnaire, see totals over time, the mentee's own scales, open follow-ups."""

    loaded = Signal()

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, prompts, parent)
        self.setObjectName("measuresTab")
        self._scales: list[TrackedScale] = []
        self.instrument = QComboBox()
        self.instrument.setAccessibleName("Questionnaire")
        for item in Instrument:
            self.instrument.addItem(item.label, item.value)
        explain_items(self.instrument)  # what each questionnaire is, in one sentence
        self.instrument.currentIndexChanged.connect(self._instrument_changed)
        self.taken_on = QDateEdit()
        self.taken_on.setCalendarPopup(True)
        self.taken_on.setDisplayFormat("d MMM yyyy")
        self.taken_on.setAccessibleName("Date completed")
        self.form = QuestionnaireForm()
        self.save_button = QPushButton("&Save result")
        self.save_button.setAccessibleName("Save questionnaire result")
        self.save_button.clicked.connect(self.save_result)
        self.results = ResultsModel(self)
        self.results_view = read_only_table(self.results, "Questionnaire results", stretch_column=3)
        self.chart = TimeChart(
            "PHQ-9 and GAD-7 totals over time",
            "Chart of questionnaire totals over time",
            y_range=(0, 27),
            y_label="Total",
        )
        self.followups = FollowUpsModel(self)
        self.followups_view = read_only_table(
            self.followups, "Open risk follow-ups", stretch_column=1, single_selection=True
        )
        self.close_followup_button = QPushButton("&Close follow-up…")
        self.close_followup_button.setAccessibleName("Close the selected risk follow-up")
        self.close_followup_button.clicked.connect(self.close_followup)
        self.scale_box = QComboBox()
        self.scale_box.setAccessibleName("The mentee's own scale")
        self.rating = QSpinBox()
        self.rating.setRange(0, 10)
        self.rating.setAccessibleName("Rating from 0 to 10")
        self.rate_button = QPushButton("&Rate")
        self.rate_button.setAccessibleName("Save this rating")
        self.rate_button.clicked.connect(self.rate_scale)
        self.add_scale_button = QPushButton("&New scale…")
        self.add_scale_button.setAccessibleName("Add a scale the mentee wants to track")
        self.add_scale_button.clicked.connect(self.add_scale)
        self.scale_chart = TimeChart(
            "The mentee's own scales (0-10)",
            "Chart of the mentee's own scales",
            y_range=(0, 10),
        )
        self._build()

    def _build(self) -> None:
        splitter = AdaptiveSplitter()
        splitter.addWidget(self._build_entry())
        history = VerticalScrollArea()
        history.setWidgetResizable(True)
        history.setWidget(self._build_history())
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _build_entry(self) -> QWidget:
        entry = QWidget()
        entry_layout = QVBoxLayout(entry)
        row = QHBoxLayout()
        row.addWidget(QLabel("Questionnaire:"))
        row.addWidget(self.instrument)
        row.addStretch(1)
        entry_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel("Completed on:"))
        row.addWidget(self.taken_on)
        row.addStretch(1)
        row.addWidget(self.save_button)
        entry_layout.addLayout(row)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.form)
        source = QLabel(f"{SOURCE_CITATION} {NOT_A_DIAGNOSIS}")
        source.setObjectName("measuresSource")
        source.setWordWrap(True)
        body_layout.addWidget(source)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        entry_layout.addWidget(scroll, 1)
        return entry

    def _build_history(self) -> QWidget:
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.chart, 2)
        history_layout.addWidget(self.results_view, 1)
        followups_label = QLabel("Open risk follow-ups")
        followups_label.setWordWrap(True)
        history_layout.addWidget(followups_label)
        history_layout.addWidget(self.followups_view, 1)
        history_layout.addWidget(self.close_followup_button)
        own = QLabel("The mentee's own scale:")
        own.setWordWrap(True)
        history_layout.addWidget(own)
        history_layout.addWidget(self.scale_box)
        rating = QHBoxLayout()
        rating.addWidget(self.rating)
        rating.addWidget(self.rate_button)
        rating.addStretch(1)
        history_layout.addLayout(rating)
        history_layout.addWidget(self.add_scale_button)
        history_layout.addWidget(self.scale_chart, 2)
        return history

    # -- page contract -----------------------------------------------------------------------
    def _load_for(self, mentee_id: str) -> Callable[[Journal], MeasuresData]:
        return lambda j: load_measures(j, mentee_id)

    def _show(self, data: MeasuresData) -> None:
        self.show_data(data)

    def _wants(self, changes: Changes) -> bool:
        return changes.measures

    def _clear(self) -> None:
        self.results.clear()
        self.followups.clear()
        self.chart.clear()
        self.scale_chart.clear()
        self.scale_box.clear()
        self._scales = []
        self.form.clear_answers()

    def open_record(self, kind: str, record_id: str) -> None:
        row = self.results.row_of(record_id)
        if row >= 0:
            self.results_view.selectRow(row)

    def show_data(self, data: MeasuresData) -> None:
        self.taken_on.setDate(to_qdate(data.today))
        self.results.set_records(sorted(data.results, key=lambda r: r.taken_on, reverse=True))
        self.followups.set_records(data.followups)
        self.chart.set_series(
            {
                i.label: [(r.taken_on, float(r.score)) for r in data.results if r.instrument is i]
                for i in Instrument
            }
        )
        current = self.scale_box.currentData()
        self._scales = [scale for scale, _r in data.scales]
        self.scale_box.clear()
        for scale, _ratings in data.scales:
            self.scale_box.addItem(scale.name, scale.id)
        if current is not None and self.scale_box.findData(current) >= 0:
            self.scale_box.setCurrentIndex(self.scale_box.findData(current))
        self.scale_chart.set_series(
            {s.name: [(r.rated_on, float(r.value)) for r in ratings] for s, ratings in data.scales}
        )
        self.loaded.emit()

    # -- actions -----------------------------------------------------------------------------
    def _instrument_changed(self, _index: int) -> None:
        self.form.set_instrument(Instrument(str(self.instrument.currentData())))

    def save_result(self) -> None:
        mentee_id = self._mentee_id
        if mentee_id is None:
            return
        answers = self.form.answers()
        if answers is None:
            missing = ", ".join(str(n) for n in self.form.unanswered())
            self._prompts.warn(
                "Save result", f"Answer every question first (still open: {missing})."
            )
            return
        instrument = self.form.instrument
        qd = self.taken_on.date()
        on = date(qd.year(), qd.month(), qd.day())

        def saved(result: Any) -> None:
            value: MeasureResult = result.value
            self.form.clear_answers()
            if value.calls_for_risk_conversation and self._prompts.confirm(
                RISK_TITLE, RISK_TEXT, ok_label="Open the coping plan"
            ):
                self.record_requested.emit("plan", "", value.mentee_id)

        command(self, self._worker,
                lambda j: j.add_measure(mentee_id, instrument, answers, on=on), saved,
                self._prompts.show_error)  # fmt: skip

    def close_followup(self) -> None:
        index = self.followups_view.currentIndex()
        if not index.isValid():
            self._prompts.inform("Close follow-up", "Choose an open follow-up first.")
            return
        followup = self.followups.record_at(index.row())
        outcome = self._prompts.ask_text(
            "Close follow-up", "What was done (for example: talked it through, plan reviewed):"
        )
        if not outcome or not outcome.strip():
            return
        text = outcome.strip()
        command(self, self._worker, lambda j: j.close_followup(followup.id, text),
                lambda _r: None, self._prompts.show_error)  # fmt: skip

    def add_scale(self) -> None:
        mentee_id = self._mentee_id
        if mentee_id is None:
            return
        name = self._prompts.ask_text("New scale", "What does the mentee want to track (0-10)?")
        if not name or not name.strip():
            return
        clean = name.strip()
        command(self, self._worker, lambda j: j.add_scale(mentee_id, clean), lambda _r: None,
                self._prompts.show_error)  # fmt: skip

    def rate_scale(self) -> None:
        scale_id = self.scale_box.currentData()
        if scale_id is None:
            self._prompts.inform("Rate", "Add a scale first.")
            return
        value = self.rating.value()
        qd = self.taken_on.date()
        on = date(qd.year(), qd.month(), qd.day())
        command(self, self._worker, lambda j: j.rate_scale(str(scale_id), value, on=on),
                lambda _r: None, self._prompts.show_error)  # fmt: skip
