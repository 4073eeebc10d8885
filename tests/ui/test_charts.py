"""The shared time chart: fixed y ranges with round ticks, so a PHQ-9 chart reads 0, 5, 10 ..."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QValueAxis
from pytestqt.qtbot import QtBot

from ui.widgets.charts import TimeChart, tick_step


def test_tick_step_is_round_and_cuts_the_range_into_few_steps() -> None:
    assert tick_step(27) == 5  # PHQ-9: 0, 5, 10, 15, 20, 25 (its band edges)
    assert tick_step(21) == 5
    assert tick_step(10) == 2
    assert tick_step(6) == 1
    assert tick_step(100) == 20


def test_the_y_axis_uses_round_ticks_from_the_bottom(qtbot: QtBot) -> None:
    chart = TimeChart("Totals", "Chart of totals", y_range=(0, 27))
    qtbot.addWidget(chart)
    chart.set_series({"PHQ-9": [(date(2026, 3, 1), 11.0), (date(2026, 4, 1), 7.0)]})
    axis = next(a for a in chart.chart().axes() if isinstance(a, QValueAxis))
    assert axis.tickType() is QValueAxis.TickType.TicksDynamic
    assert (axis.tickAnchor(), axis.tickInterval()) == (0, 5)
    assert (axis.min(), axis.max()) == (0, 27)
