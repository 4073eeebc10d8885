"""A small painted chart of one goal's progress over time, with markers for the mentee's sessions.

Why painted by hand: QtCharts is not in PySide6-Essentials, and the chart needs only a line,
dots, a zero line and session ticks. Colours come from the palette (so dark mode works) and
text sizes from the widget's font (so 200 % text scale works). Because a chart is useless to a
screen reader, the same data is exposed as plain text: :meth:`GoalChart.summary` (also set as
the accessible description) and :meth:`GoalChart.points` for a table alternative.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

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


class GoalChart(QWidget):
    """Progress line over time; vertical ticks where sessions took place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: tuple[ChartPoint, ...] = ()
        self._sessions: tuple[date, ...] = ()
        self._scale = GAS
        self.setAccessibleName("Goal progress chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(self.fontMetrics().height() * 8)
        self._update_description()

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
        self._update_description()
        self.update()

    def clear(self) -> None:
        self.set_data((), (), self._scale)

    def points(self) -> tuple[ChartPoint, ...]:
        return self._points

    def session_dates(self) -> tuple[date, ...]:
        return self._sessions

    def scale(self) -> str:
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
            parts.append(f"{len(self._sessions)} sessions in this period.")
        return " ".join(parts)

    def _format(self, value: float) -> str:
        return f"level {_gas_label(value)}" if self._scale == GAS else f"{value:g}%"

    def _update_description(self) -> None:
        self.setAccessibleDescription(self.summary())
        self.setToolTip(self.summary())

    # -- painting --------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(height * 30, height * 12)

    def _y_range(self) -> tuple[float, float]:
        return (-2.0, 2.0) if self._scale == GAS else (0.0, 100.0)

    def _date_range(self) -> tuple[date, date]:
        days = [p.on for p in self._points] + list(self._sessions)
        return min(days), max(days)

    def _plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("100%") + metrics.height() // 2
        bottom = metrics.height() * 2
        top = metrics.height() // 2 + 2
        return QRectF(
            left, top, max(10, self.width() - left - 8), max(10, self.height() - top - bottom)
        )

    def _x_of(self, day: date, rect: QRectF) -> float:
        start, end = self._date_range()
        span = max(1, (end - start).days)
        return rect.left() + rect.width() * (day - start).days / span

    def _y_of(self, value: float, rect: QRectF) -> float:
        low, high = self._y_range()
        return rect.bottom() - rect.height() * (value - low) / (high - low)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        rect = self._plot_rect()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        self._paint_axes(painter, rect, text)
        if not self._points and not self._sessions:
            painter.setPen(text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "No progress recorded yet")
            painter.end()
            return
        self._paint_sessions(painter, rect, palette)
        self._paint_line(painter, rect, palette.color(QPalette.ColorRole.Highlight))
        self._paint_dates(painter, rect, text)
        painter.end()

    def _paint_axes(self, painter: QPainter, rect: QRectF, text: QColor) -> None:
        grid = QColor(text)
        grid.setAlpha(60)
        steps = (-2, -1, 0, 1, 2) if self._scale == GAS else (0, 25, 50, 75, 100)
        metrics = self.fontMetrics()
        for step in steps:
            y = self._y_of(step, rect)
            painter.setPen(QPen(grid, 2 if step == 0 and self._scale == GAS else 1))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            label = _gas_label(step) if self._scale == GAS else f"{step}%"
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, rect.left() - 4, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )

    def _paint_sessions(self, painter: QPainter, rect: QRectF, palette: QPalette) -> None:
        marker = QColor(palette.color(QPalette.ColorRole.Text))
        marker.setAlpha(110)
        painter.setPen(QPen(marker, 1, Qt.PenStyle.DashLine))
        for day in self._sessions:
            x = self._x_of(day, rect)
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            painter.drawLine(QPointF(x - 3, rect.bottom() + 4), QPointF(x + 3, rect.bottom() + 4))

    def _paint_line(self, painter: QPainter, rect: QRectF, colour: QColor) -> None:
        if not self._points:
            return
        painter.setPen(QPen(colour, 2))
        coords = [QPointF(self._x_of(p.on, rect), self._y_of(p.value, rect)) for p in self._points]
        for a, b in itertools.pairwise(coords):
            painter.drawLine(a, b)
        painter.setBrush(colour)
        for point in coords:
            painter.drawEllipse(point, 4, 4)

    def _paint_dates(self, painter: QPainter, rect: QRectF, text: QColor) -> None:
        start, end = self._date_range()
        metrics = self.fontMetrics()
        painter.setPen(text)
        y = rect.bottom() + 6
        box = QRectF(rect.left(), y, rect.width(), metrics.height() * 1.5)
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), f"{start:%d %b %Y}"
        )
        if end != start:
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), f"{end:%d %b %Y}"
            )
