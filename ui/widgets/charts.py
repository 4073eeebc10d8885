"""Line charts over time with Qt Charts: one small wrapper every chart in the app uses.

Why Qt Charts rather than pyqtgraph (measured on this machine, PySide6 6.11.3, offscreen, first
chart in a fresh process): Qt Charts showed its first chart in 72-233 ms; pyqtgraph needed
2.5-3.9 s, most of it importing numpy and ``pyqtgraph.Qt``. In a bundle Qt Charts adds its own
library and Qt's OpenGL ones (about 4 MB); pyqtgraph brings numpy (about 83 MB installed). The
price of Qt Charts is at install time: pip only ships it in the PySide6-Addons wheel.

Series are plain ``(date, value)`` pairs; the x axis is dates, the y axis a fixed range (a
PHQ-9 chart always runs 0-27) so that change over time reads the same from one mentee to the
next. Points are marked, since a line alone hides how few measurements there are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView, QWidget

Points = Sequence[tuple[date, float]]


def _msecs(day: date, at: time = time(12)) -> float:
    """Milliseconds since the epoch of ``day`` at ``at``, local time (as the axis shows it)."""
    return datetime.combine(day, at).astimezone().timestamp() * 1000


def _qdt(day: date, at: time, days: int = 0) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(_msecs(day, at))).addDays(days)


def tick_step(span: float, most: int = 6) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50 ... that cuts ``span`` into at most ``most`` steps."""
    scale = 1.0
    while True:
        for step in (1.0, 2.0, 5.0):
            if span / (step * scale) <= most:
                return step * scale
        scale *= 10


class TimeChart(QChartView):
    """A date-by-value line chart; ``set_series`` replaces everything shown."""

    def __init__(
        self,
        title: str,
        accessible_name: str,
        *,
        y_range: tuple[float, float],
        y_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._y_range = y_range
        self._y_label = y_label
        self._series: dict[str, list[tuple[date, float]]] = {}
        self._x: QDateTimeAxis | None = None
        self._y: QValueAxis | None = None
        self.setAccessibleName(accessible_name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Redraw the whole chart on every change: partial updates left stale axis labels.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setMinimumHeight(self.fontMetrics().height() * 16)
        # A chart can be drawn narrow; without this its size hint at large text widens the page.
        self.setMinimumWidth(self.fontMetrics().height() * 12)
        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)

    def _axes(self) -> tuple[QDateTimeAxis, QValueAxis]:
        """The chart's two axes, made once and kept (removing axes left stale labels drawn)."""
        if self._x is None or self._y is None:
            chart = self.chart()
            self._x = QDateTimeAxis()
            self._x.setFormat("d MMM yy")
            self._x.setTickCount(4)
            self._y = QValueAxis()
            self._y.setLabelFormat("%d")
            if self._y_label:
                self._y.setTitleText(self._y_label)
            chart.addAxis(self._x, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(self._y, Qt.AlignmentFlag.AlignLeft)
        self._y.setRange(*self._y_range)
        # Round ticks from the bottom: 0, 5, 10 ... on PHQ-9 (its band edges), 0, 2, 4 ... on a
        # 0-10 scale, rather than Qt's even split (0, 6.75, 13.5 ... printed as 0, 6, 13).
        self._y.setTickType(QValueAxis.TickType.TicksDynamic)
        self._y.setTickAnchor(self._y_range[0])
        self._y.setTickInterval(tick_step(self._y_range[1] - self._y_range[0]))
        return self._x, self._y

    def set_series(self, series: Mapping[str, Points]) -> None:
        """Show one line per name, each oldest first."""
        chart = self.chart()
        chart.removeAllSeries()
        self._series = {name: sorted(points) for name, points in series.items() if points}
        if not self._series:
            return
        # Axes are made with the first data (an axis added to an empty chart stayed hidden).
        x, y = self._axes()
        days = [day for points in self._series.values() for day, _v in points]
        for name, points in self._series.items():
            line = QLineSeries()
            line.setName(name)
            line.setPointsVisible(True)
            for day, value in points:
                line.append(_msecs(day), float(value))
            chart.addSeries(line)
            line.attachAxis(x)
            line.attachAxis(y)
        if days:
            first, last = min(days), max(days)
            pad = 7 if first == last else 0
            x.setRange(_qdt(first, time(0), -pad), _qdt(last, time(23), pad))

    def set_y_range(self, low: float, high: float) -> None:
        """A new fixed y range, applied at the next ``set_series``."""
        self._y_range = (low, high)

    def clear(self) -> None:
        self.set_series({})

    def series_points(self) -> dict[str, list[tuple[date, float]]]:
        """What is drawn, by line name (for tests and accessibility text)."""
        return {name: list(points) for name, points in self._series.items()}
