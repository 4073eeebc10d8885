"""The painted goal chart holds the progress data it shows and describes it in words."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from ui.pages.goals.chart import GAS, PERCENT, ChartPoint, GoalChart


def test_goal_chart_summary_describes_its_data(qtbot: QtBot) -> None:
    chart = GoalChart()
    qtbot.addWidget(chart)
    assert chart.summary() == "No progress recorded yet."
    chart.set_data(
        [ChartPoint(date(2026, 3, 1), 1), ChartPoint(date(2026, 1, 1), -1)],
        [date(2026, 1, 1), date(2026, 2, 1)],
        GAS,
    )
    assert [p.on for p in chart.points()] == [date(2026, 1, 1), date(2026, 3, 1)]
    assert "First level -1, latest level +1" in chart.accessibleDescription()
    assert "2 sessions" in chart.summary()
    chart.resize(500, 300)
    chart.grab()  # paints without error
    chart.set_data([ChartPoint(date(2026, 1, 1), 40)], scale=PERCENT)
    assert "latest 40%" in chart.summary()
    chart.grab()


def test_chart_paints_with_the_palette_so_dark_mode_works(qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor, QPalette

    chart = GoalChart()
    qtbot.addWidget(chart)
    dark = QPalette(chart.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))
    dark.setColor(QPalette.ColorRole.Text, QColor(230, 230, 230))
    chart.setPalette(dark)
    chart.set_data([ChartPoint(date(2026, 1, 1), 0), ChartPoint(date(2026, 2, 1), 2)])
    chart.resize(400, 240)
    image = chart.grab().toImage()
    assert image.pixelColor(2, 2) == QColor(30, 30, 30)  # background from the palette
    assert chart.fontMetrics().height() > 0  # sizes follow the font, not fixed pixels
    assert chart.minimumHeight() == chart.fontMetrics().height() * 8
