"""The measures tab: item-by-item entry, the risk prompt, charts over time, own scales."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from mentorjournal.clock import ManualClock
from mentorjournal.domain import Instrument
from mentorjournal.domain.measures import PHQ9_ITEMS, SOURCE_CITATION
from tests.fixtures.journal_fixtures import make_mentee
from tests.ui.conftest import ask, wait_idle
from ui.pages.measures.models import FollowUpsModel, ResultsModel
from ui.pages.measures.page import MeasuresTab
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


def _tab(
    qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts, mentee_id: str
) -> MeasuresTab:
    tab = MeasuresTab(worker, prompts)
    qtbot.addWidget(tab)
    worker.changed.connect(tab.on_changes)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.set_mentee(mentee_id)
    return tab


def _answer(tab: MeasuresTab, answers: list[int]) -> None:
    for group, value in zip(tab.form._groups, answers, strict=True):
        button = group.button(value)
        assert isinstance(button, QRadioButton)
        button.click()


def test_the_form_shows_the_published_items_and_cites_the_source(
    qtbot: QtBot, journal: Any, journal_worker: JournalWorker, prompts: ScriptedPrompts
) -> None:
    mentee = make_mentee(journal, "M-201")
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    texts = [w.text() for w in tab.form.findChildren(type(tab.form.stem))]
    assert any(PHQ9_ITEMS[8] in t for t in texts)
    assert any("Nearly every day" in t for t in texts)
    assert "9 question(s) still to answer" in tab.form.total.text()
    assert SOURCE_CITATION in tab.findChild(type(tab.form.stem), "measuresSource").text()
    tab.instrument.setCurrentIndex(tab.instrument.findData("gad7"))
    assert len(tab.form._groups) == 7


def test_an_unanswered_question_is_named_and_nothing_is_saved(
    qtbot: QtBot, journal: Any, journal_worker: JournalWorker, prompts: ScriptedPrompts
) -> None:
    mentee = make_mentee(journal, "M-202")
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    _answer(tab, [1] * 8 + [0])
    tab.form._groups[3].setExclusive(False)
    tab.form._groups[3].checkedButton().setChecked(False)  # type: ignore[union-attr]
    tab.form._groups[3].setExclusive(True)
    prompts.script("warn", None)
    tab.save_result()
    assert "still open: 4" in prompts.asked("warn")[0].text
    wait_idle(qtbot, journal_worker)
    assert ask(qtbot, journal_worker, lambda j: j.measures(mentee.id)) == []


def test_saving_scores_charts_and_item_nine_prompts_the_coping_plan(
    qtbot: QtBot,
    journal: Any,
    vault_clock: ManualClock,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
) -> None:
    vault_clock.current = datetime(2026, 3, 10, 9, tzinfo=UTC)
    mentee = make_mentee(journal, "M-203")
    journal.add_measure(mentee.id, Instrument.PHQ9, [2] * 8 + [0], on=date(2026, 2, 1))
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    asked: list[tuple[str, str, str]] = []
    tab.record_requested.connect(lambda *a: asked.append(a))
    _answer(tab, [1, 1, 1, 1, 1, 1, 1, 1, 1])
    assert "Total 9 of 27 (published band: mild)" in tab.form.total.text()
    prompts.script("confirm", True)
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.save_result()
    assert prompts.asked("confirm"), "item 9 above 0 asks gently about the coping plan"
    assert asked == [("plan", "", mentee.id)]
    assert [r.score for r in tab.results.records()] == [9, 16]
    points = tab.chart.series_points()["PHQ-9"]
    assert [v for _d, v in points] == [16.0, 9.0]
    assert tab.followups.rowCount() == 1


def test_closing_a_follow_up_and_rating_an_own_scale(
    qtbot: QtBot, journal: Any, journal_worker: JournalWorker, prompts: ScriptedPrompts
) -> None:
    mentee = make_mentee(journal, "M-204")
    journal.open_followup(mentee.id, "Said the week felt hopeless.")
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    tab.followups_view.selectRow(0)
    prompts.script("ask_text", "Talked it through; plan reviewed.")
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.close_followup()
    assert tab.followups.rowCount() == 0
    prompts.script("ask_text", "Sleep")
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.add_scale()
    tab.rating.setValue(7)
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.rate_scale()
    assert [v for _d, v in tab.scale_chart.series_points()["Sleep"]] == [7.0]


def test_measures_models_pass_the_model_tester_and_clear_on_lock(
    qtmodeltester: Any,
    qtbot: QtBot,
    journal: Any,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
) -> None:
    mentee = make_mentee(journal, "M-205")
    journal.add_measure(mentee.id, Instrument.GAD7, [1] * 7)
    journal.open_followup(mentee.id, "Check in.")
    tab = _tab(qtbot, journal_worker, prompts, mentee.id)
    results, followups = ResultsModel(), FollowUpsModel()
    results.set_records(tab.results.records())
    followups.set_records(tab.followups.records())
    qtmodeltester.check(results)
    qtmodeltester.check(followups)
    tab.clear()
    assert tab.results.rowCount() == tab.followups.rowCount() == 0
    assert tab.chart.series_points() == {}
