"""A goal tells its story: the GAS T-score and the sessions that worked on that goal."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from pytestqt.qtbot import QtBot

from mentorjournal.domain.caseload import gas_t_series
from tests.fixtures.journal_fixtures import make_goal, make_mentee, make_note
from tests.ui.test_goals_tab import _open, _tab
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


def test_t_series_follows_each_goals_latest_level() -> None:
    series = gas_t_series(
        [("a", 1.0, date(2026, 1, 1), 0), ("b", 1.0, date(2026, 1, 8), -2),
         ("a", 1.0, date(2026, 2, 1), 1)]
    )  # fmt: skip
    assert series[0] == (date(2026, 1, 1), 50.0)
    assert series[1][1] < 50 and series[2][1] > series[1][1]


def test_the_goal_lists_and_marks_only_the_sessions_that_worked_on_it(
    qtbot: QtBot, journal_worker: JournalWorker, prompts: ScriptedPrompts, journal: Any
) -> None:
    mentee = make_mentee(journal)
    goal = make_goal(journal, mentee, "I want to get back to college")
    other = make_goal(journal, mentee, "Sleep before midnight")
    worked = make_note(journal, mentee, started_at=datetime(2026, 1, 10, 10, tzinfo=UTC))
    journal.save_draft(replace(worked, goal_ids=(goal.id,)))
    elsewhere = make_note(journal, mentee, started_at=datetime(2026, 1, 17, 10, tzinfo=UTC))
    journal.save_draft(replace(elsewhere, goal_ids=(other.id,)))
    make_note(journal, mentee, started_at=datetime(2026, 1, 24, 10, tzinfo=UTC))
    journal.add_progress(goal.id, on=date(2026, 1, 10), gas_level=1)
    tab = _tab(qtbot, journal_worker, prompts)
    tab.set_mentee(mentee.id)
    _open(qtbot, tab, goal.id)
    qtbot.waitUntil(lambda: tab.goal_sessions.count() == 1, timeout=5000)
    assert tab.chart.session_dates() == (datetime(2026, 1, 10, 10, tzinfo=UTC).astimezone().date(),)
    assert "GAS T-score across this mentee's goals: 60" in tab.t_score.text()
    with qtbot.waitSignal(tab.record_requested, timeout=5000) as signal:
        tab.goal_sessions.itemActivated.emit(tab.goal_sessions.item(0))
    assert signal.args == ["note", worked.id, mentee.id]
