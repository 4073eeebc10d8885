"""The painted goal chart holds the progress data it shows and describes it in words."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from ui.widgets.goal_chart import GAS, PERCENT, ChartPoint, GoalChart


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
