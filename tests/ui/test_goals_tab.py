"""The Goals tab lists goals with latest progress, edits SMART/GAS/steps and charts progress."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from mentorjournal.domain.goals import GoalStatus
from tests.fixtures.journal_fixtures import make_goal, make_mentee, make_note
from tests.ui.conftest import ask
from ui.pages.goals.chart import GAS, PERCENT
from ui.pages.goals.models import GoalColumn
from ui.pages.goals.page import GoalsTab
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


def _tab(qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts) -> GoalsTab:
    tab = GoalsTab(worker, prompts)
    qtbot.addWidget(tab)
    worker.changed.connect(tab.on_changes)  # as the main window routes change sets
    tab.resize(1200, 900)
    tab.show()
    return tab


def _open(qtbot: QtBot, tab: GoalsTab, goal_id: str) -> None:
    qtbot.waitUntil(lambda: tab.model.row_of(goal_id) >= 0, timeout=5000)
    tab.view.selectRow(tab.model.row_of(goal_id))
    qtbot.waitUntil(lambda: tab._goal is not None and tab._goal.id == goal_id, timeout=5000)


def test_goal_progress_appears_in_the_chart_data_with_session_markers(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    goal = make_goal(journal, mentee, "I want to get back to college")
    note = make_note(journal, mentee, started_at=datetime(2026, 1, 10, 10, tzinfo=UTC))
    journal.add_progress(goal.id, on=date(2026, 1, 10), gas_level=-1, session_id=note.id)
    journal.add_progress(goal.id, on=date(2026, 2, 7), gas_level=1, note="Visited the college")
    tab = _tab(qtbot, worker, prompts)
    tab.set_mentee(mentee.id)
    _open(qtbot, tab, goal.id)
    qtbot.waitUntil(lambda: len(tab.chart.points()) == 2, timeout=5000)
    assert [(p.on, p.value) for p in tab.chart.points()] == [
        (date(2026, 1, 10), -1.0),
        (date(2026, 2, 7), 1.0),
    ]
    assert tab.chart.value_scale() == GAS
    assert tab.chart.session_dates() == (datetime(2026, 1, 10, 10, tzinfo=UTC).astimezone().date(),)
    assert "latest level +1" in tab.chart_summary.text()
    assert tab.progress_model.rowCount() == 2
    row = tab.model.row_of(goal.id)
    assert tab.model.index(row, GoalColumn.LATEST).data() == "+1 on 07 Feb 2026"
    # add an entry through the tab: the chart follows
    tab.progress_on.setDate(QDate(2026, 3, 1))
    tab.progress_level.setCurrentIndex(tab.progress_level.findData(2))
    qtbot.keyClicks(tab.progress_note, "Enrolled")
    tab.add_progress_button.click()
    qtbot.waitUntil(lambda: len(tab.chart.points()) == 3, timeout=5000)
    assert tab.chart.points()[-1].value == 2.0 and tab.chart.points()[-1].note == "Enrolled"
    stored = ask(qtbot, worker, lambda j: j.progress(goal.id))
    assert [p.gas_level for p in stored] == [-1, 1, 2]
    assert tab.chart.grab().width() > 0


def test_percent_only_progress_is_charted_as_percent(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    goal = make_goal(journal, mentee, "Sleep before midnight")
    journal.add_progress(goal.id, on=date(2026, 1, 3), percent=20)
    journal.add_progress(goal.id, on=date(2026, 1, 17), percent=55)
    tab = _tab(qtbot, worker, prompts)
    tab.set_mentee(mentee.id)
    _open(qtbot, tab, goal.id)
    qtbot.waitUntil(lambda: len(tab.chart.points()) == 2, timeout=5000)
    assert tab.chart.value_scale() == PERCENT
    assert [p.value for p in tab.chart.points()] == [20.0, 55.0]


def test_new_goal_then_smart_fields_gas_levels_and_steps_are_saved(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, worker, prompts)
    tab.set_mentee(mentee.id)
    prompts.script("ask_text", "I want a part-time job")
    tab.new_button.click()
    qtbot.waitUntil(lambda: tab._goal is not None, timeout=5000)
    goal_id = tab._goal.id
    qtbot.waitUntil(lambda: tab.model.row_of(goal_id) >= 0, timeout=5000)
    qtbot.keyClicks(tab.specific, "Ten hours a week in a shop")
    qtbot.keyClicks(tab.measurable, "A signed contract")
    tab.has_date.setChecked(True)
    tab.time_bound.setDate(QDate(2026, 6, 30))
    qtbot.keyClicks(tab.gas[0], "Part-time job by June")
    qtbot.keyClicks(tab.gas[2], "Full-time job by June")
    qtbot.keyClicks(tab.step_text, "Write a CV")
    tab.add_step_button.click()
    qtbot.keyClicks(tab.step_text, "Ask the job centre")
    qtbot.keyClick(tab.step_text, Qt.Key.Key_Return)
    tab.steps.item(0).setCheckState(Qt.CheckState.Checked)
    tab.status.setCurrentIndex(tab.status.findData(GoalStatus.ACTIVE.value))
    assert tab.state.text().startswith("Changed")
    tab.save_now()  # what lock and Ctrl+S call
    qtbot.waitUntil(lambda: tab.state.text() == "Saved", timeout=5000)
    stored = ask(qtbot, worker, lambda j: j.get_goal(goal_id))
    assert stored.mentee_words == "I want a part-time job"
    assert stored.specific == "Ten hours a week in a shop"
    assert stored.measurable == "A signed contract"
    assert stored.time_bound == date(2026, 6, 30)
    assert (
        stored.gas_text(0) == "Part-time job by June"
        and stored.gas_text(2) == "Full-time job by June"
    )
    assert [(s.text, s.done) for s in stored.steps] == [
        ("Write a CV", True),
        ("Ask the job centre", False),
    ]
    qtbot.waitUntil(
        lambda: tab.model.index(tab.model.row_of(goal_id), GoalColumn.STEPS).data() == "1 of 2",
        timeout=5000,
    )


def test_clear_empties_models_chart_and_editor(qtbot: QtBot, worker, prompts, journal) -> None:
    mentee = make_mentee(journal)
    goal = make_goal(journal, mentee)
    journal.add_progress(goal.id, on=date(2026, 1, 3), percent=20)
    tab = _tab(qtbot, worker, prompts)
    tab.set_mentee(mentee.id)
    _open(qtbot, tab, goal.id)
    qtbot.waitUntil(lambda: tab.progress_model.rowCount() == 1, timeout=5000)
    tab.clear()
    assert tab.model.rowCount() == 0 and tab.progress_model.rowCount() == 0
    assert tab.chart.points() == () and tab.words.toPlainText() == ""
    assert not tab.editor_box.isEnabled()


def test_search_hits_open_the_goal_or_the_goal_of_a_progress_entry(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    first = make_goal(journal, mentee, "First goal")
    second = make_goal(journal, mentee, "Second goal")
    entry = journal.add_progress(second.id, on=date(2026, 1, 3), percent=10).value
    tab = _tab(qtbot, worker, prompts)
    tab.set_mentee(mentee.id)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=5000)
    tab.open_record("goal", first.id)
    qtbot.waitUntil(lambda: tab._goal is not None and tab._goal.id == first.id, timeout=5000)
    tab.open_record("progress", entry.id)
    qtbot.waitUntil(lambda: tab._goal is not None and tab._goal.id == second.id, timeout=5000)
    assert tab.words.toPlainText() == "Second goal"


def test_a_goal_saves_itself_when_typing_pauses_and_says_why_it_cannot(
    qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts, journal: Any
) -> None:
    """One save model with notes: no Save button; a pause saves; a refusal is a quiet line."""
    mentee = make_mentee(journal)
    goal = make_goal(journal, mentee)
    tab = GoalsTab(worker, prompts, autosave_ms=50)
    qtbot.addWidget(tab)
    worker.changed.connect(tab.on_changes)
    tab.show()
    tab.set_mentee(mentee.id)
    tab.open_goal(goal.id)
    qtbot.waitUntil(lambda: tab._goal is not None, timeout=5000)
    assert not [b for b in tab.findChildren(QPushButton) if "Save" in b.text()]
    qtbot.keyClicks(tab.specific, "Two shifts a week")
    qtbot.waitUntil(lambda: tab.state.text() == "Saved", timeout=5000)
    assert ask(qtbot, worker, lambda j: j.get_goal(goal.id)).specific == "Two shifts a week"
    # The mentee's own words cannot be empty: said beside the form, nothing typed is lost.
    tab.words.clear()
    qtbot.waitUntil(lambda: tab.state.text().startswith("Not saved yet"), timeout=5000)
    assert prompts.asked("error") == []
    assert tab.specific.text() == "Two shifts a week"
    stored = ask(qtbot, worker, lambda j: j.get_goal(goal.id))
    assert stored.mentee_words == goal.mentee_words
