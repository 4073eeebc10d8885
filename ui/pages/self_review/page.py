"""'How I'm doing': a self-review at a glance, for the mentor and their supervision.

Numbers first (caseload size, sessions and hours a week, risk follow-ups opened and closed,
CPD hours against the year's target, supervision items waiting), then two charts: the weekly
load, and the mentor's own energy, stress and boundaries check-ins from their reflections.
The CPD target is the mentor's own (Settings keeps it; 30 hours until they set one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.self_review import DEFAULT_CPD_TARGET_HOURS, SelfReview
from ui.pages.base import Page
from ui.prompts import Prompts
from ui.widgets.charts import TimeChart
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changes
    from mentorjournal.journal import Journal

WATCHED = ("sessions", "reflections", "cpd", "supervision", "measures", "mentees")


class SelfReviewPage(Page[SelfReview]):
    """Figures and charts of the mentor's own recent weeks."""

    loaded = Signal()

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, prompts, parent)
        self.setObjectName("selfReviewPage")
        self.cpd_target_hours = DEFAULT_CPD_TARGET_HOURS
        self.title = QLabel("How I'm doing")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.figures: dict[str, QLabel] = {}
        self.load_chart = TimeChart(
            "Sessions and hours a week (the last point is this week so far)",
            "Chart of sessions and hours per week",
            y_range=(0, 10),
        )
        self.care_chart = TimeChart(
            "My check-ins (0-10)",
            "Chart of my energy, stress and boundaries check-ins",
            y_range=(0, 10),
        )
        self.supervision_button = QPushButton("Open the &supervision agenda")
        self.supervision_button.setAccessibleName("Open the supervision agenda")
        self.supervision_button.clicked.connect(
            lambda: self.record_requested.emit("supervision", "", "")
        )
        grid = QGridLayout()
        names = (
            ("caseload", "Active mentees"),
            ("sessions", "Sessions a week (average of full weeks)"),
            ("this_week", "This week"),
            ("risk", "Risk follow-ups (12 weeks)"),
            ("cpd", "CPD this year"),
            ("supervision", "Waiting for supervision"),
        )
        for n, (key, label) in enumerate(names):
            caption = QLabel(label)
            value = QLabel()
            value.setObjectName(f"figure_{key}")
            value.setAccessibleName(label)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            bold = value.font()
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() * 1.2)
            value.setFont(bold)
            caption.setWordWrap(True)
            value.setWordWrap(True)
            grid.addWidget(caption, (n // 2) * 2, n % 2)
            grid.addWidget(value, (n // 2) * 2 + 1, n % 2)
            self.figures[key] = value
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        # Side by side: both charts and the button fit a 1280 x 800 window without scrolling.
        charts = QHBoxLayout()
        charts.addWidget(self.load_chart, 1)
        charts.addWidget(self.care_chart, 1)
        layout.addLayout(charts, 1)
        layout.addWidget(self.supervision_button, 0, Qt.AlignmentFlag.AlignLeft)

    # -- page contract -----------------------------------------------------------------------
    def _loader(self) -> Callable[[Journal], SelfReview]:
        target = self.cpd_target_hours
        return lambda j: j.self_review(cpd_target_hours=target)

    def _show(self, data: SelfReview) -> None:
        self.show_review(data)

    def _wants(self, changes: Changes) -> bool:
        return any(getattr(changes, f, False) for f in WATCHED)

    def _clear(self) -> None:
        for label in self.figures.values():
            label.clear()
        self.load_chart.clear()
        self.care_chart.clear()

    def show_review(self, review: SelfReview) -> None:
        this_week = review.weeks[-1] if review.weeks else None
        self.figures["caseload"].setText(str(review.caseload_size))
        self.figures["sessions"].setText(f"{review.average_sessions:.1f}")
        self.figures["this_week"].setText(
            "–" if this_week is None else f"{this_week.sessions} sessions, {this_week.hours:g} h"
        )
        self.figures["risk"].setText(f"{review.risk_opened} opened, {review.risk_closed} closed")
        self.figures["cpd"].setText(
            f"{review.cpd_hours_this_year:g} of {review.cpd_target_hours:g} h"
            f" ({review.cpd_share:.0%})"
        )
        self.figures["supervision"].setText(f"{review.supervision_waiting} item(s)")
        top = max([w.sessions for w in review.weeks] + [w.hours for w in review.weeks] + [4])
        self.load_chart.set_y_range(0, float(int(top) + 2))
        self.load_chart.set_series(
            {
                "Sessions": [(w.week_of, float(w.sessions)) for w in review.weeks],
                "Hours": [(w.week_of, float(w.hours)) for w in review.weeks],
            }
        )
        self.care_chart.set_series(
            {
                name: [
                    (p.on, float(v)) for p in review.self_care if (v := getattr(p, key)) is not None
                ]
                for key, name in (
                    ("energy", "Energy"),
                    ("stress", "Stress"),
                    ("boundaries", "Boundaries"),
                )
            }
        )
        self.loaded.emit()
