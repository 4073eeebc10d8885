"""The session header in the editor: lists from Settings, end sets duration, goal lines, signing."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.session_header import SessionHeader, Signer
from mentorjournal.domain.settings import RecordSettings
from tests.fixtures.journal_fixtures import make_goal, make_mentee
from tests.ui.conftest import ask
from tests.ui.test_session_editor import _open_new_note, _tab

SIGNER = Signer("Sam Example", "Peer Support Specialist", "CPS")
US = RecordSettings(ServiceProfileKind.US_MEDICAID_PEER, SIGNER)


def test_filling_the_header_under_a_profile_then_signing_stamps_the_signer(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    journal.set_record_settings(US)
    mentee = make_mentee(journal)
    goal = make_goal(journal, mentee, words="Get back to college")
    tab = _tab(qtbot, worker, prompts)
    _open_new_note(qtbot, tab, mentee.id)
    editor = tab.editor
    fields = editor.header_fields
    qtbot.waitUntil(lambda: fields.place.count() == len(US.place_choices), timeout=5000)
    assert "Needed before signing: end time, place" in fields.needs.text()
    assert "Due by" in fields.needs.text()
    fields.has_end.setChecked(True)
    start = editor.loaded_note.started_at.astimezone()  # type: ignore[union-attr]
    end = start + timedelta(minutes=53)
    fields.ended.setTime(QTime(end.hour, end.minute))
    assert editor.duration.value() == 53 and not editor.duration.isEnabled()
    assert fields.units.text() == "4 × 15 min units"
    fields.place.setCurrentText("Community (99)")
    fields.service.setCurrentIndex(0)
    assert fields.service_code.text() == "H0038"
    qtbot.waitUntil(lambda: editor.goals.count() == 1, timeout=5000)
    editor.goals.item(0).setCheckState(editor.goals.item(0).checkState().Checked)
    (progress,) = fields._goal_edits.values()
    assert progress.accessibleName() == "Progress towards: Get back to college"
    qtbot.keyClicks(progress, "Booked the open day")
    fields.with_mentee.setChecked(True)
    qtbot.keyClicks(fields.own_words, "I felt less alone")
    qtbot.keyClicks(editor.sections.editors()[0], "We planned the week.")
    assert fields.needs.text().startswith("Due by")  # nothing missing any more
    prompts.script("confirm", True)
    editor.sign_button.click()
    qtbot.waitUntil(editor.is_read_only, timeout=5000)
    stored = ask(qtbot, worker, lambda j: j.get_note(editor.note_id))
    header = stored.header
    assert header is not None and header.signer == SIGNER
    assert (header.place, header.service_code, header.own_words) == (
        "Community (99)", "H0038", "I felt less alone",
    )  # fmt: skip
    assert [(g.goal_id, g.progress) for g in header.goals] == [(goal.id, "Booked the open day")]
    assert stored.duration_minutes == 53
    assert "Signed by Sam Example, Peer Support Specialist (CPS)." in fields.needs.text()
    (shown,) = fields._goal_edits.values()
    assert shown.text() == "Booked the open day" and shown.isReadOnly()
    assert not fields.place.isEnabled()
    assert prompts.asked("error") == []


def test_a_late_note_asks_for_the_reason_then_signs(qtbot: QtBot, worker, prompts, journal):
    journal.set_record_settings(RecordSettings(ServiceProfileKind.VOLUNTEER, SIGNER))
    mentee = make_mentee(journal)
    old = journal.new_note(mentee.id, started_at=journal.clock.now() - timedelta(days=12)).value
    ended = old.started_at + timedelta(minutes=45)
    journal.save_draft(replace(old, header=SessionHeader(ended_at=ended)))
    tab = _tab(qtbot, worker, prompts)
    tab.set_mentee(mentee.id)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    tab.open_note(old.id)
    qtbot.waitUntil(lambda: tab.editor.note_id == old.id, timeout=5000)
    assert tab.editor.header_fields.needs.text().startswith("Overdue: was due by")
    prompts.script("confirm", True).script("ask_text", "Off sick")
    tab.editor.sign_button.click()
    qtbot.waitUntil(tab.editor.is_read_only, timeout=5000)
    (asked,) = prompts.asked("ask_text")
    assert asked.title == "Late entry" and "give the reason" in asked.text
    stored = ask(qtbot, worker, lambda j: j.get_note(old.id))
    assert stored.header is not None and stored.header.late_reason == "Off sick"
    assert "Late entry: Off sick" in tab.editor.header_fields.needs.text()


def test_a_late_note_stays_a_draft_when_the_reason_is_not_given(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    journal.set_record_settings(RecordSettings(ServiceProfileKind.UK_DSA, SIGNER))
    mentee = make_mentee(journal)
    old = journal.new_note(mentee.id, started_at=journal.clock.now() - timedelta(days=3)).value
    journal.save_draft(replace(old, header=SessionHeader(ended_at=old.started_at, place="Video")))
    tab = _tab(qtbot, worker, prompts)
    tab.set_mentee(mentee.id)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    tab.open_note(old.id)
    qtbot.waitUntil(lambda: tab.editor.note_id == old.id, timeout=5000)
    prompts.script("confirm", True).script("ask_text", None)
    tab.editor.sign_button.click()
    qtbot.waitUntil(lambda: len(prompts.asked("ask_text")) == 1, timeout=5000)
    assert not ask(qtbot, worker, lambda j: j.get_note(old.id)).is_signed
    assert not tab.editor.is_read_only() and prompts.asked("error") == []


def test_an_old_note_without_a_header_saves_without_one(qtbot: QtBot, worker, prompts, journal):
    mentee = make_mentee(journal)
    tab = _tab(qtbot, worker, prompts)
    _open_new_note(qtbot, tab, mentee.id)
    qtbot.keyClicks(tab.editor.sections.editors()[0], "Plain note.")
    qtbot.waitUntil(lambda: tab.editor.status.text().startswith("Saved "), timeout=3000)
    stored = ask(qtbot, worker, lambda j: j.get_note(tab.editor.note_id))
    assert stored.header is None and stored.text == "Plain note."
