"""The co-signature under a signed note: ask for review, co-sign in a dialog, see both signatures."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.session_header import PlanGoalLine, SessionHeader, Signer
from mentorjournal.domain.settings import RecordSettings
from tests.fixtures.journal_fixtures import make_goal, make_mentee, make_note
from tests.ui.conftest import ask
from tests.ui.test_session_editor import _tab


def _open(qtbot: QtBot, tab, mentee_id: str, note_id: str) -> None:
    tab.set_mentee(mentee_id)
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 1, timeout=5000)
    tab.open_note(note_id)
    qtbot.waitUntil(lambda: tab.editor.note_id == note_id, timeout=5000)


def test_a_draft_has_no_cosignature_panel(qtbot: QtBot, worker, prompts, journal) -> None:
    mentee = make_mentee(journal)
    draft = make_note(journal, mentee)
    tab = _tab(qtbot, worker, prompts)
    _open(qtbot, tab, mentee.id, draft.id)
    assert not tab.editor.cosign_panel.isVisible()


def test_asking_for_review_then_cosigning_in_the_dialog(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    note = make_note(journal, mentee, sign=True)
    tab = _tab(qtbot, worker, prompts)
    _open(qtbot, tab, mentee.id, note.id)
    panel = tab.editor.cosign_panel
    qtbot.waitUntil(lambda: panel.state.text() == "Not put up for supervisor review.", timeout=5000)
    assert panel.isVisible() and panel.request_button.isVisible()
    for button in (panel.request_button, panel.cosign_button):
        assert button.accessibleName() and button.focusPolicy() & Qt.FocusPolicy.TabFocus

    panel.request_button.click()
    qtbot.waitUntil(lambda: panel.state.text().startswith("Waiting for supervisor"), timeout=5000)
    assert not panel.request_button.isVisible() and panel.cosign_button.isVisible()
    waiting = ask(qtbot, worker, lambda j: j.awaiting_cosignature())
    assert [w.note_id for w in waiting] == [note.id]

    panel.cosign_button.click()
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ok_button.click()  # nothing typed: said in the dialog, which stays open
    assert dialog.isVisible() and "name and role" in dialog.problem.text()
    qtbot.keyClicks(dialog.name, "Dr Ada Example")
    qtbot.keyClicks(dialog.role, "Clinical supervisor")
    qtbot.keyClicks(dialog.comment, "Plan agreed.")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: panel.state.text().startswith("Co-signed by"), timeout=5000)
    assert "Dr Ada Example, Clinical supervisor" in panel.state.text()
    assert "Comment: Plan agreed." in panel.state.text()
    assert not panel.cosign_button.isVisible() and not panel.request_button.isVisible()
    stored = ask(qtbot, worker, lambda j: j.cosignature(note.id))
    assert stored is not None and stored.comment == "Plan agreed."
    assert prompts.asked("error") == []


def test_under_a_profile_that_requires_it_the_note_waits_without_asking(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    journal.set_record_settings(
        RecordSettings(ServiceProfileKind.US_MEDICAID_PEER, Signer("Sam", "Peer", "CPS"))
    )
    mentee = make_mentee(journal)
    goal = make_goal(journal, mentee)
    start = journal.clock.now() - timedelta(hours=2)
    draft = journal.new_note(mentee.id, started_at=start).value
    header = SessionHeader(
        ended_at=start + timedelta(hours=1), place="Office (11)",
        service="Peer support, individual", service_code="H0038",
        goals=(PlanGoalLine(goal.id, "Made the call"),),
    )  # fmt: skip
    journal.save_draft(replace(draft, goal_ids=(goal.id,), header=header))
    journal.sign_note(draft.id)
    tab = _tab(qtbot, worker, prompts)
    _open(qtbot, tab, mentee.id, draft.id)
    panel = tab.editor.cosign_panel
    qtbot.waitUntil(lambda: "profile asks" in panel.state.text(), timeout=5000)
    assert not panel.request_button.isVisible() and panel.cosign_button.isVisible()
