"""The timeline: sessions, goal progress and reflections merged by date, filtered by mentee and period.

Why: looking back over a run of sessions beside one's own reflections is how a mentor notices
patterns worth taking to supervision. The view only shows what the page loads through the
worker; it owns the filter controls and says when they change.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.timeline import TimelineEntry
from ui.models.record_model import RecordRole
from ui.pages.reflection.timeline_model import TimelineColumn, TimelineModel
from ui.widgets.flow import FlowLayout
from ui.widgets.tables import read_only_table

#: (label, days back or None for all time)
PERIODS: tuple[tuple[str, int | None], ...] = (
    ("Last 30 days", 30),
    ("Last 90 days", 90),
    ("Last 12 months", 365),
    ("All time", None),
)


class TimelineView(QWidget):
    """Filter bar over a read-only table of :class:`TimelineEntry` rows."""

    filters_changed = Signal()
    #: An entry was activated (double-click / Enter).
    entry_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TimelineModel(self)
        self.mentee = QComboBox()
        self.mentee.setAccessibleName("Timeline: mentee")
        self.mentee.addItem("All mentees", None)
        self.period = QComboBox()
        self.period.setAccessibleName("Timeline: period")
        for label, days in PERIODS:
            self.period.addItem(label, days)
        self.period.setCurrentIndex(1)
        self.mentee.currentIndexChanged.connect(self.filters_changed)
        self.period.currentIndexChanged.connect(self.filters_changed)
        mentee_label = QLabel("M&entee")
        mentee_label.setBuddy(self.mentee)
        period_label = QLabel("&Period")
        period_label.setBuddy(self.period)
        self.view = read_only_table(
            self.model,
            "Timeline of sessions, goal progress and reflections",
            stretch_column=TimelineColumn.TITLE,
            empty="Nothing in this period. Choose a longer period or another mentee above.",
        )
        self.view.activated.connect(lambda index: self.entry_activated.emit(index.data(RecordRole)))
        bar = FlowLayout()
        bar.addWidget(mentee_label)
        bar.addWidget(self.mentee, 1)
        bar.addWidget(period_label)
        bar.addWidget(self.period)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def mentee_id(self) -> str | None:
        value = self.mentee.currentData()
        return value if isinstance(value, str) else None

    def days(self) -> int | None:
        value = self.period.currentData()
        return value if isinstance(value, int) else None

    def set_mentees(self, codes: Mapping[str, str]) -> None:
        """Offer these mentees in the filter (id -> code), keeping the current choice."""
        current = self.mentee_id()
        self.mentee.blockSignals(True)
        self.mentee.clear()
        self.mentee.addItem("All mentees", None)
        for mentee_id, code in sorted(codes.items(), key=lambda kv: kv[1]):
            self.mentee.addItem(code, mentee_id)
        self.mentee.setCurrentIndex(max(0, self.mentee.findData(current)))
        self.mentee.blockSignals(False)
        self.model.set_mentee_codes(codes)

    def set_entries(self, entries: tuple[TimelineEntry, ...]) -> None:
        """Newest first: the last few weeks are what a mentor looks at."""
        self.model.set_records(sorted(entries, key=lambda e: e.when, reverse=True))

    def clear(self) -> None:
        self.model.clear()
        self.mentee.blockSignals(True)
        self.mentee.clear()
        self.mentee.addItem("All mentees", None)
        self.mentee.blockSignals(False)
