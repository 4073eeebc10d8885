"""The Disclosures tab: record, refuse what is incomplete, correct without editing, clear on lock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from mentorjournal.domain.disclosure import DisclosureBasis, MenteeInformed
from tests.fixtures.journal_fixtures import make_mentee, make_note
from tests.ui.conftest import ask
from ui.gc_guard import collected_on_gui_thread
from ui.pages.disclosures.models import DisclosuresModel, rows_of
from ui.pages.disclosures.page import DisclosuresTab
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


@pytest.fixture(autouse=True)
def _collect_garbage_on_gui_thread() -> Iterator[None]:
    with collected_on_gui_thread():
        yield


def _tab(qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts) -> DisclosuresTab:
    tab = DisclosuresTab(worker, prompts)
    qtbot.addWidget(tab)
    worker.changed.connect(tab.on_changes)
    tab.resize(1100, 800)
    tab.show()
    return tab


def _fill(qtbot: QtBot, tab: DisclosuresTab) -> None:
    qtbot.keyClicks(tab.what, "Said they had a plan for tonight.")
    qtbot.keyClicks(tab.recipient, "Crisis team duty worker")
    qtbot.keyClicks(tab.reasoning, "Immediate risk to life.")
    qtbot.keyClicks(tab.reference, "CT-77")
    tab.informed.setCurrentIndex(tab.informed.findData(MenteeInformed.BEFORE.value))


def test_a_disclosure_is_recorded_with_its_note(
    qtbot: QtBot, journal_worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    note = make_note(journal, mentee, text="Talked about the weekend.")
    followup = journal.open_followup(mentee.id, "Plan to end life mentioned").value
    tab = _tab(qtbot, journal_worker, prompts)
    tab.set_mentee(mentee.id)
    qtbot.waitUntil(lambda: tab.note.count() == 2, timeout=5000)
    assert tab.followup.count() == 2
    tab.followup.setCurrentIndex(tab.followup.findData(followup.id))
    _fill(qtbot, tab)
    tab.basis.setCurrentIndex(tab.basis.findData(DisclosureBasis.RISK_TO_SELF.value))
    tab.note.setCurrentIndex(tab.note.findData(note.id))
    tab.record_button.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert tab.what.toPlainText() == ""  # the form empties once kept
    (stored,) = ask(qtbot, journal_worker, lambda j: j.list_disclosures(mentee.id))
    assert (stored.recipient, stored.reference, stored.note_id, stored.followup_id) == (
        "Crisis team duty worker",
        "CT-77",
        note.id,
        followup.id,
    )
    assert stored.informed is MenteeInformed.BEFORE


def test_an_incomplete_entry_says_what_is_missing_and_keeps_the_typing(
    qtbot: QtBot, journal_worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, journal_worker, prompts)
    tab.set_mentee(mentee.id)
    qtbot.waitUntil(lambda: tab.note.count() == 1, timeout=5000)
    _fill(qtbot, tab)
    tab.informed.setCurrentIndex(tab.informed.findData(MenteeInformed.NOT_TOLD.value))
    tab.record_button.click()
    assert "write down why" in tab.error.text()
    assert tab.what.toPlainText() == "Said they had a plan for tonight."
    assert ask(qtbot, journal_worker, lambda j: j.list_disclosures(mentee.id)) == []


def test_a_correction_keeps_the_original_and_marks_it(
    qtbot: QtBot, journal_worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, journal_worker, prompts)
    tab.set_mentee(mentee.id)
    qtbot.waitUntil(lambda: tab.note.count() == 1, timeout=5000)
    tab.correct_button.click()
    assert "Select the entry" in tab.error.text()
    _fill(qtbot, tab)
    tab.record_button.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    tab.view.selectRow(0)
    tab.correct_button.click()
    assert tab.recipient.text() == "Crisis team duty worker"
    assert "The original is kept" in tab.correcting.text()
    tab.reference.setText("CT-78")
    tab.record_button.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=5000)
    statuses = [tab.model.record_at(r).status for r in range(2)]
    assert sorted(statuses) == ["Corrected", "Correction"]
    current = ask(qtbot, journal_worker, lambda j: j.list_disclosures(mentee.id, current_only=True))
    assert [d.reference for d in current] == ["CT-78"]


def test_clear_drops_every_record_and_the_form(
    qtbot: QtBot, journal_worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, journal_worker, prompts)
    tab.set_mentee(mentee.id)
    qtbot.waitUntil(lambda: tab.note.count() == 1, timeout=5000)
    _fill(qtbot, tab)
    tab.record_button.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    qtbot.keyClicks(tab.what, "half typed")
    tab.clear()
    assert tab.model.rowCount() == 0 and tab.note.count() == 0
    assert tab.what.toPlainText() == "" and not tab.form.isEnabled()


def test_the_model_passes_the_model_tester(qtmodeltester, memory_journal) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from mentorjournal.domain import new_id
    from mentorjournal.domain.disclosure import Disclosure, ShareMethod

    first = Disclosure(
        new_id(), new_id(), datetime(2026, 1, 2, tzinfo=UTC), DisclosureBasis.LEGAL_DUTY,
        "Court order", "Family court", ShareMethod.LETTER, "Ordered to",
    )  # fmt: skip
    second = Disclosure(
        new_id(), first.mentee_id, first.shared_at, first.basis, first.what, first.recipient,
        first.method, first.reasoning, reference="FC-1", corrects_id=first.id,
    )  # fmt: skip
    model = DisclosuresModel()
    model.set_records(rows_of([first, second]))
    qtmodeltester.check(model)
    assert [model.record_at(r).status for r in range(2)] == ["Corrected", "Correction"]
    model.clear()
    qtmodeltester.check(model)
