"""The session editor never loses a word: autosave, save on lock, failed saves, sign & lock."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentorjournal.domain.notes import NoteTemplate
from mentorjournal.errors import DiskFull
from tests.fixtures.journal_fixtures import make_mentee, make_note
from tests.ui.conftest import ask, wait_idle
from ui.pages.sessions.page import SessionsTab
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


def _tab(
    qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts, ms: int = 150
) -> SessionsTab:
    tab = SessionsTab(worker, prompts, autosave_ms=ms)
    qtbot.addWidget(tab)
    worker.changed.connect(tab.on_changes)  # as the main window routes change sets
    tab.resize(1200, 900)
    tab.show()
    tab.activateWindow()  # shortcuts (Ctrl+Return) need an active window
    qtbot.waitUntil(tab.isActiveWindow, timeout=2000)
    return tab


def _open_new_note(qtbot: QtBot, tab: SessionsTab, mentee_id: str) -> None:
    tab.set_mentee(mentee_id)
    tab.new_note()
    qtbot.waitUntil(lambda: tab.editor.note_id is not None, timeout=5000)


def test_new_note_is_prefilled_with_mentee_and_now_and_listed(
    qtbot: QtBot, worker, prompts, journal, vault_clock
) -> None:
    mentee = make_mentee(journal, "M-017")
    tab = _tab(qtbot, worker, prompts)
    _open_new_note(qtbot, tab, mentee.id)
    note = tab.editor.loaded_note
    assert note is not None and note.mentee_id == mentee.id and not note.is_signed
    assert note.started_at == vault_clock.now().replace(second=0, microsecond=0)
    shown = tab.editor.started.dateTime().toPython()
    assert shown == note.started_at.astimezone().replace(tzinfo=None)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert tab.model.row_of(note.id) == 0
    assert tab.editor.isEnabled() and tab.editor.status.text() == ""


def test_autosave_fires_after_typing_stops_and_text_is_in_database(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, worker, prompts)
    _open_new_note(qtbot, tab, mentee.id)
    body = tab.editor.sections.editors()[0]
    body.setFocus()
    qtbot.keyClicks(body, "Talked about the college open day.")
    assert tab.editor.autosaver.dirty  # nothing sent while typing
    qtbot.waitUntil(lambda: tab.editor.status.text().startswith("Saved "), timeout=3000)
    note_id = tab.editor.note_id
    stored = ask(qtbot, worker, lambda j: j.get_note(note_id))
    assert stored.text == "Talked about the college open day."
    assert prompts.asked("error") == []


def test_save_now_on_lock_flushes_before_the_journal_closes(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, worker, prompts, ms=60_000)  # the timer would never fire in this test
    _open_new_note(qtbot, tab, mentee.id)
    qtbot.keyClicks(tab.editor.sections.editors()[0], "Written just before locking")
    note_id = tab.editor.note_id
    seen: list[str] = []
    tab.save_now()
    tab.clear()
    assert tab.editor.sections.values() == [("Body", "")]
    assert tab.model.rowCount() == 0
    worker.close(lambda j: seen.append(j.get_note(note_id).text))  # the lock, queued after the save
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == ["Written just before locking"]
    worker.open(lambda: journal)  # hand it back so teardown can close it
    wait_idle(qtbot, worker)


def test_failed_save_keeps_text_reports_once_and_succeeds_later(
    qtbot: QtBot, worker, prompts, journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, worker, prompts)
    _open_new_note(qtbot, tab, mentee.id)
    real_save = journal.save_draft
    failures = {"left": 2}

    def full_disk(note: Any) -> Any:
        if failures["left"]:
            failures["left"] -= 1
            raise DiskFull("The disk is full.")
        return real_save(note)

    monkeypatch.setattr(journal, "save_draft", full_disk)
    body = tab.editor.sections.editors()[0]
    qtbot.keyClicks(body, "First words")
    qtbot.waitUntil(lambda: tab.editor.status.text().startswith("Not saved"), timeout=3000)
    assert body.toPlainText() == "First words"
    qtbot.keyClicks(body, ", more")  # retried on the next edit, fails again
    qtbot.waitUntil(lambda: failures["left"] == 0 and worker.pending == 0, timeout=3000)
    assert len(prompts.asked("error")) == 1  # told once, not on every retry
    assert "disk is full" in prompts.asked("error")[0].text
    qtbot.keyClicks(body, " and the rest.")
    qtbot.waitUntil(lambda: tab.editor.status.text().startswith("Saved"), timeout=3000)
    note_id = tab.editor.note_id
    assert (
        ask(qtbot, worker, lambda j: j.get_note(note_id)).text == "First words, more and the rest."
    )


def test_signing_asks_then_note_is_read_only_and_addendum_is_added(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, worker, prompts)
    _open_new_note(qtbot, tab, mentee.id)
    editor = tab.editor
    qtbot.keyClicks(editor.sections.editors()[0], "Agreed a plan for the week.")
    prompts.script("confirm", False)
    editor.sign_button.click()
    assert not editor.is_read_only()  # cancelled: still a draft
    prompts.script("confirm", True)
    body = editor.sections.editors()[0]
    body.setFocus()  # Ctrl+Return works wherever the focus is inside the editor
    qtbot.waitUntil(body.hasFocus, timeout=2000)
    qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(editor.is_read_only, timeout=5000)
    assert [a.title for a in prompts.asked("confirm")] == ["Sign and lock note"] * 2
    note_id = editor.note_id
    stored = ask(qtbot, worker, lambda j: j.get_note(note_id))
    assert stored.is_signed and stored.text == "Agreed a plan for the week."
    assert all(e.isReadOnly() for e in editor.sections.editors())
    assert editor.next_actions.isReadOnly() and editor.risk_followup.isReadOnly()
    for widget in (
        editor.started,
        editor.duration,
        editor.mode,
        editor.template,
        editor.risk,
        editor.goals,
    ):
        assert not widget.isEnabled()
    assert editor.sign_button.isHidden() and not editor.addenda_box.isHidden()
    qtbot.keyClicks(editor.sections.editors()[0], "sneaky edit")
    assert editor.sections.values()[0][1] == "Agreed a plan for the week."
    assert not editor.autosaver.dirty
    qtbot.keyClicks(editor.addendum_text, "Mentee later said the plan changed.")
    editor.addendum_button.click()
    qtbot.waitUntil(lambda: editor.addenda.count() == 1, timeout=5000)
    assert "plan changed" in editor.addenda.item(0).text()
    assert editor.addendum_text.toPlainText() == ""
    addenda = ask(qtbot, worker, lambda j: j.addenda(note_id))
    assert [a.text for a in addenda] == ["Mentee later said the plan changed."]


def test_opening_a_signed_note_from_the_list_shows_it_read_only_with_addenda(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    note = make_note(journal, mentee, sign=True)
    journal.add_addendum(note.id, "Corrected the date of the next meeting.")
    draft = make_note(journal, mentee, text="A later draft")
    tab = _tab(qtbot, worker, prompts)
    tab.set_mentee(mentee.id)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=5000)
    tab.view.selectRow(tab.model.row_of(note.id))
    qtbot.waitUntil(lambda: tab.editor.note_id == note.id, timeout=5000)
    assert tab.editor.is_read_only()
    assert tab.editor.addenda.count() == 1
    assert not tab.delete_button.isEnabled()
    tab.view.selectRow(tab.model.row_of(draft.id))
    qtbot.waitUntil(lambda: tab.editor.note_id == draft.id, timeout=5000)
    assert not tab.editor.is_read_only() and tab.editor.addenda_box.isHidden()
    assert tab.delete_button.isEnabled()


def test_changing_template_keeps_every_word(qtbot: QtBot, worker, prompts, journal) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, worker, prompts)
    _open_new_note(qtbot, tab, mentee.id)
    editor = tab.editor
    editor.template.setCurrentIndex(editor.template.findData(NoteTemplate.SOAP.value))
    assert editor.sections.names() == ["Subjective", "Objective", "Assessment", "Plan"]
    assert editor.sections.editor("Subjective").accessibleDescription() == "What the mentee said"
    qtbot.keyClicks(editor.sections.editor("Subjective"), "Said the week was hard")
    qtbot.keyClicks(editor.sections.editor("Plan"), "Call on Friday")
    editor.template.setCurrentIndex(editor.template.findData(NoteTemplate.DAP.value))
    values = dict(editor.sections.values())
    assert values["Plan"] == "Call on Friday"
    assert "Subjective:\nSaid the week was hard" in values["Data"]
    editor.template.setCurrentIndex(editor.template.findData(NoteTemplate.FREE.value))
    body = editor.sections.values()[0][1]
    assert "Said the week was hard" in body and "Call on Friday" in body
    qtbot.waitUntil(lambda: editor.status.text().startswith("Saved"), timeout=3000)
    note_id = editor.note_id
    stored = ask(qtbot, worker, lambda j: j.get_note(note_id))
    assert stored.template is NoteTemplate.FREE
    assert "Said the week was hard" in stored.text and "Call on Friday" in stored.text


def test_checkins_and_actions_are_saved(qtbot: QtBot, worker, prompts, journal) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, worker, prompts)
    _open_new_note(qtbot, tab, mentee.id)
    editor = tab.editor
    assert editor.mood_before.label.text() == "Not recorded"
    editor.mood_before.slider.setValue(3)
    editor.mood_after.slider.setValue(6)
    assert editor.mood_after.label.text() == "6 / 10"
    editor.risk.setChecked(True)
    qtbot.keyClicks(editor.risk_followup, "Checked in with duty worker")
    qtbot.keyClicks(editor.next_actions, "Bring the bus timetable")
    editor.flag_supervision.setChecked(True)
    editor.save_now()
    note_id = editor.note_id
    stored = ask(qtbot, worker, lambda j: j.get_note(note_id))
    assert (stored.mood_before, stored.mood_after) == (3, 6)
    assert stored.risk_flag and stored.risk_followup == "Checked in with duty worker"
    assert stored.next_actions == "Bring the bus timetable"
    assert stored.flagged_for_supervision


def test_accessible_names_on_every_input(qtbot: QtBot, worker, prompts, journal) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QListWidget,
        QPlainTextEdit,
        QSlider,
    )

    tab = _tab(qtbot, worker, prompts)
    kinds = (QPlainTextEdit, QComboBox, QAbstractSpinBox, QSlider, QListWidget, QAbstractButton)
    for kind in kinds:
        for widget in tab.findChildren(kind):
            if widget.objectName().startswith("qt_"):
                continue  # Qt's own helpers (table corner button)
            assert widget.accessibleName() or (
                isinstance(widget, QAbstractButton) and widget.text()
            ), f"{kind.__name__} {widget.objectName()!r} has no accessible name"


def test_goals_worked_on_with_inline_progress_and_coping_items_used(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    from mentorjournal.domain.plans import PlanSection
    from tests.fixtures.journal_fixtures import make_goal

    mentee = make_mentee(journal)
    goal = make_goal(journal, mentee, "Get back to college")
    journal.save_plan(mentee.id, {PlanSection.SELF_COPING: ["Walk the dog", "Music"]})
    tab = _tab(qtbot, worker, prompts)
    _open_new_note(qtbot, tab, mentee.id)
    editor = tab.editor
    qtbot.waitUntil(lambda: editor.goals.count() == 1 and editor.coping.count() == 2, timeout=5000)
    assert editor.goals.item(0).text() == "Get back to college"
    editor.coping.item(1).setCheckState(Qt.CheckState.Checked)
    editor.goals.setCurrentRow(0)
    editor.progress_level.setCurrentIndex(editor.progress_level.findData(1))
    qtbot.keyClicks(editor.progress_note, "Visited the open day")
    editor.add_progress_button.click()
    qtbot.waitUntil(lambda: editor.progress_note.text() == "", timeout=5000)
    assert editor.goals.item(0).checkState() == Qt.CheckState.Checked  # progress means worked on
    note_id = editor.note_id
    stored = ask(qtbot, worker, lambda j: j.get_note(note_id))
    assert stored.goal_ids == (goal.id,)
    assert stored.coping_items_used == ("Music",)
    [progress] = ask(qtbot, worker, lambda j: j.progress(goal.id))
    assert (progress.gas_level, progress.note, progress.session_id) == (
        1,
        "Visited the open day",
        note_id,
    )


def test_focus_leaving_the_editor_saves_at_once(qtbot: QtBot, worker, prompts, journal) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, worker, prompts, ms=60_000)  # only the focus change can save here
    _open_new_note(qtbot, tab, mentee.id)
    body = tab.editor.sections.editors()[0]
    body.setFocus()
    qtbot.waitUntil(body.hasFocus, timeout=2000)
    qtbot.keyClicks(body, "Saved when I click away")
    tab.view.setFocus()  # the notes list, outside the editor
    qtbot.waitUntil(lambda: tab.editor.status.text().startswith("Saved"), timeout=3000)
    note_id = tab.editor.note_id
    assert ask(qtbot, worker, lambda j: j.get_note(note_id)).text == "Saved when I click away"


def test_deleting_a_draft_asks_first_and_signed_notes_cannot_be_deleted(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, worker, prompts)
    _open_new_note(qtbot, tab, mentee.id)
    note_id = tab.editor.note_id
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    prompts.script("confirm", False)
    tab.delete_button.click()
    assert tab.editor.note_id == note_id  # kept
    prompts.script("confirm", True)
    tab.delete_button.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=5000)
    assert tab.editor.note_id is None
    assert ask(qtbot, worker, lambda j: j.list_sessions(mentee.id)) == []
    assert prompts.asked("confirm")[-1].title == "Delete draft"


def test_switching_mentee_mid_sentence_saves_the_draft_first(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    first = make_mentee(journal, "M-001")
    second = make_mentee(journal, "M-002")
    tab = _tab(qtbot, worker, prompts, ms=60_000)
    _open_new_note(qtbot, tab, first.id)
    note_id = tab.editor.note_id
    qtbot.keyClicks(tab.editor.sections.editors()[0], "Half a thought")
    tab.set_mentee(second.id)
    assert tab.editor.note_id is None and tab.editor.sections.values() == [("Body", "")]
    assert ask(qtbot, worker, lambda j: j.get_note(note_id)).text == "Half a thought"
    assert tab.new_button.isEnabled()
    wait_idle(qtbot, worker)
    assert tab.model.rowCount() == 0  # the second mentee has no notes; the first's are gone


def test_search_hits_open_a_note_or_the_note_an_addendum_belongs_to(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    signed = make_note(journal, mentee, text="Signed record", sign=True)
    addendum = journal.add_addendum(signed.id, "A later correction").value
    draft = make_note(journal, mentee, text="A draft")
    tab = _tab(qtbot, worker, prompts)
    tab.set_mentee(mentee.id)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=5000)
    tab.open_record("note", draft.id)
    qtbot.waitUntil(lambda: tab.editor.note_id == draft.id, timeout=5000)
    tab.open_record("addendum", addendum.id)
    qtbot.waitUntil(lambda: tab.editor.note_id == signed.id, timeout=5000)
    assert tab.editor.is_read_only() and tab.editor.addenda.count() == 1
