"""CPD: entries are logged through the form and the yearly total follows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ask, wait_idle
from ui.pages.cpd.page import CpdPage
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


def _page(qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts) -> CpdPage:
    page = CpdPage(worker, prompts)
    qtbot.addWidget(page)
    worker.changed.connect(page.on_changes)
    page.resize(1100, 800)
    page.show()
    return page


def test_logged_entries_add_up_to_the_yearly_total(
    qtbot: QtBot, worker, prompts, journal, vault_clock
) -> None:
    year = vault_clock.now().year
    journal.add_cpd("Reading on trauma-informed practice", date(year - 1, 11, 2), 2.0)
    page = _page(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.year_total.text() == f"{year}: 0 h of CPD logged"
    form = page.editor
    for count, (activity, hours, month) in enumerate(
        (("Safeguarding course", 6.5, 1), ("Peer group", 1.5, 2)), start=2
    ):
        form.new_button.click()
        qtbot.keyClicks(form.widgets["activity"], activity)
        form.widgets["on"].setDate(QDate(year, month, 10))
        form.widgets["hours"].setValue(hours)
        qtbot.keyClicks(form.widgets["learning"], "Learnt something useful")
        form.save_button.click()
        qtbot.waitUntil(lambda n=count: page.model.rowCount() == n, timeout=5000)
    qtbot.waitUntil(lambda: page.year_total.text() == f"{year}: 8 h of CPD logged", timeout=5000)
    assert page.totals.hours_for(year - 1) == 2.0
    stored = ask(qtbot, worker, lambda j: j.cpd_totals())
    assert {t.year: t.hours for t in stored} == {year - 1: 2.0, year: 8.0}
    # deleting an entry takes its hours off the total
    form.view.selectRow(
        form.model.row_of(next(e.id for e in form.model.records() if e.hours == 1.5))
    )
    prompts.script("confirm", True)
    form.delete_button.click()
    qtbot.waitUntil(lambda: page.year_total.text() == f"{year}: 6.5 h of CPD logged", timeout=5000)


def test_clear_empties_the_log_and_totals(
    qtbot: QtBot, worker, prompts, journal, vault_clock
) -> None:
    journal.add_cpd("Course", vault_clock.now().date(), 3)
    page = _page(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: page.totals.rowCount() == 1, timeout=5000)
    page.clear()
    assert (
        page.model.rowCount() == 0 and page.totals.rowCount() == 0 and page.year_total.text() == ""
    )


def test_an_entry_being_typed_is_saved_before_a_lock_and_not_shown_after(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    page = _page(qtbot, worker, prompts)
    form = page.editor
    qtbot.keyClicks(form.widgets["activity"], "Motivational interviewing workshop")
    page.save_now()  # what locking does first, then it clears every page
    page.clear()
    stored = ask(qtbot, worker, lambda j: j.list_cpd())  # queued after the save: sees it
    assert [e.activity for e in stored] == ["Motivational interviewing workshop"]
    wait_idle(qtbot, worker)  # the save's answer came after the clear: it must not refill anything
    assert form.widgets["activity"].text() == "" and page.model.rowCount() == 0
    assert prompts.asked("error") == []


def test_an_untouched_or_invalid_form_saves_nothing_before_a_lock(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    page = _page(qtbot, worker, prompts)
    page.save_now()  # nothing typed
    page.editor.widgets["hours"].setValue(3.0)  # typed, but no activity: not a valid entry
    page.save_now()
    page.clear()
    assert ask(qtbot, worker, lambda j: j.list_cpd()) == []
    assert prompts.asked("error") == []
