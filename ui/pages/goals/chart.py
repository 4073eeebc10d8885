"""One goal's progress over time, with markers for the sessions that worked on that goal.

Drawn with Qt Charts, like every chart in the app (see ``ui/widgets/charts.py`` for why that
library). Colours follow the palette (so dark mode works) and sizes the widget's font (so 200 %
text scale works). Because a chart is useless to a screen reader, the same data is exposed as
plain text: :meth:`GoalChart.summary` (also set as the accessible description) and
:meth:`GoalChart.points` for a table alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QFrame, QGraphicsView, QSizePolicy, QWidget

#: Scale of the progress values: Goal Attainment Scaling levels or a percentage.
GAS = "gas"
PERCENT = "percent"


@dataclass(frozen=True)
class ChartPoint:
    """One progress entry: when, how far (GAS -2..+2 or 0..100) and an optional note."""

    on: date
    value: float
    note: str = ""


def _gas_label(value: float) -> str:
    return f"{value:+g}" if value else "0"


def _msecs(day: date) -> float:
    return datetime.combine(day, time(12)).astimezone().timestamp() * 1000


class GoalChart(QChartView):
    """Progress line over time; markers along the top where sessions worked on the goal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: tuple[ChartPoint, ...] = ()
        self._sessions: tuple[date, ...] = ()
        self._scale = GAS
        self._x: QDateTimeAxis | None = None
        self._y: QValueAxis | None = None
        self.setAccessibleName("Goal progress chart")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Redraw the whole chart on every change: partial updates left stale axis labels.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(self.fontMetrics().height() * 8)
        # A chart can be drawn narrow; without this its size hint at large text widens the page.
        self.setMinimumWidth(self.fontMetrics().height() * 12)
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)
        self._redraw()

    # -- data ------------------------------------------------------------------------------
    def set_data(
        self,
        points: Sequence[ChartPoint],
        session_dates: Sequence[date] = (),
        scale: str = GAS,
    ) -> None:
        """Show these progress points (sorted by date) and session markers."""
        if scale not in (GAS, PERCENT):
            raise ValueError(f"unknown scale {scale!r}")
        self._points = tuple(sorted(points, key=lambda p: p.on))
        self._sessions = tuple(sorted(set(session_dates)))
        self._scale = scale
        self._redraw()

    def clear(self) -> None:
        self.set_data((), (), self._scale)

    def points(self) -> tuple[ChartPoint, ...]:
        return self._points

    def session_dates(self) -> tuple[date, ...]:
        return self._sessions

    def value_scale(self) -> str:
        """GAS levels or a percentage (``scale`` is QGraphicsView's zoom)."""
        return self._scale

    def summary(self) -> str:
        """The chart's data in words, for screen readers and the text alternative."""
        if not self._points:
            return "No progress recorded yet."
        first, last = self._points[0], self._points[-1]
        unit = self._format
        parts = [
            f"{len(self._points)} progress entries from {first.on:%d %b %Y} to {last.on:%d %b %Y}.",
            f"First {unit(first.value)}, latest {unit(last.value)}.",
        ]
        if self._sessions:
            parts.append(f"{len(self._sessions)} sessions worked on this goal.")
        return " ".join(parts)

    def _format(self, value: float) -> str:
        return f"level {_gas_label(value)}" if self._scale == GAS else f"{value:g}%"

    def sizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(height * 30, height * 12)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._redraw()

    # -- drawing ---------------------------------------------------------------------------
    def _y_range(self) -> tuple[float, float]:
        return (-2.0, 2.0) if self._scale == GAS else (0.0, 100.0)

    def _colours(self, chart: QChart) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        self.setBackgroundBrush(base)
        chart.setBackgroundBrush(base)
        chart.setPlotAreaBackgroundVisible(False)
        chart.setTitleBrush(text)
        chart.legend().setLabelColor(text)
        chart.setFont(self.font())
        for axis in chart.axes():
            axis.setLabelsColor(text)
            axis.setLabelsFont(self.font())
            axis.setTitleBrush(text)

    def _axes(self, chart: QChart) -> tuple[QDateTimeAxis, QValueAxis]:
        """The two axes, made once and kept (removing axes left stale labels drawn)."""
        if self._x is None or self._y is None:
            self._x = QDateTimeAxis()
            self._x.setFormat("d MMM yy")
            self._x.setTickCount(4)
            self._y = QValueAxis()
            chart.addAxis(self._x, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(self._y, Qt.AlignmentFlag.AlignLeft)
        return self._x, self._y

    def _redraw(self) -> None:
        self.setAccessibleDescription(self.summary())
        self.setToolTip(self.summary())
        chart = self.chart()
        chart.removeAllSeries()
        if not self._points and not self._sessions:
            # Axes are made with the first data (an axis added to an empty chart stayed hidden).
            chart.legend().setVisible(False)
            self._colours(chart)
            return
        x, y = self._axes(chart)
        low, high = self._y_range()
        y.setRange(low, high)
        y.setTickCount(5)
        y.setLabelFormat("%+d" if self._scale == GAS else "%d%%")
        y.setTitleText("GAS level" if self._scale == GAS else "Progress")
        line = QLineSeries()
        line.setName("Progress")
        line.setPointsVisible(True)
        for point in self._points:
            line.append(_msecs(point.on), point.value)
        marks = QScatterSeries()
        marks.setName("Sessions on this goal")
        marks.setMarkerSize(float(self.fontMetrics().height()) * 0.6)
        marks.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
        for day in self._sessions:
            marks.append(_msecs(day), high)
        for series in (line, marks):
            chart.addSeries(series)
            series.attachAxis(x)
            series.attachAxis(y)
        days = [p.on for p in self._points] + list(self._sessions)
        if days:
            first, last = min(days), max(days)
            pad = 7 if first == last else 1
            x.setRange(
                QDateTime.fromMSecsSinceEpoch(int(_msecs(first))).addDays(-pad),
                QDateTime.fromMSecsSinceEpoch(int(_msecs(last))).addDays(pad),
            )
        chart.legend().setVisible(bool(self._sessions))
        self._colours(chart)
