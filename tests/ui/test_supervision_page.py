"""Supervision: flagged reflections and notes reach the agenda, grouped; a session is recorded."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from mentorjournal.domain.supervision import SourceKind, SupervisionFocus, SupervisionFunction
from mentorjournal.storage import audit
from tests.fixtures.journal_fixtures import db_of, make_mentee, make_note, make_reflection
from tests.ui.conftest import ask, wait_idle
from ui.pages.reflection.page import ReflectionPage
from ui.pages.supervision.models import AgendaColumn
from ui.pages.supervision.page import SupervisionPage
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


def _page(qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts) -> SupervisionPage:
    page = SupervisionPage(worker, prompts)
    qtbot.addWidget(page)
    worker.changed.connect(page.on_changes)
    page.resize(1200, 900)
    page.show()
    return page


def _group_titles(page: SupervisionPage, function: SupervisionFunction) -> list[str]:
    return [row.candidate.title for row in page.agenda.rows(function)]


def test_reflection_flagged_in_the_reflection_page_appears_in_the_agenda(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    note = make_note(
        journal,
        mentee,
        text="Disclosed thoughts of self-harm",
        risk_flag=True,
        risk_followup="Safety plan reviewed",
    )
    make_reflection(journal, "Not flagged", text="Just for me")
    supervision = _page(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: supervision.agenda.rowCount() == 3, timeout=5000)
    # a risk-flagged note is normative (safeguarding); its title carries no note content
    assert [r.id for r in supervision.agenda.rows(SupervisionFunction.NORMATIVE)] == [note.id]
    assert "self-harm" not in _group_titles(supervision, SupervisionFunction.NORMATIVE)[0]
    assert _group_titles(supervision, SupervisionFunction.FORMATIVE) == []
    # the mentor writes and flags a reflection on the Reflection page
    reflections = ReflectionPage(worker, prompts, autosave_ms=100)
    qtbot.addWidget(reflections)
    worker.changed.connect(reflections.on_changes)
    reflections.show()
    reflections.new_button.click()
    qtbot.waitUntil(lambda: reflections.editor.reflection_id is not None, timeout=5000)
    reflections.editor.title.clear()
    qtbot.keyClicks(reflections.editor.title, "Felt out of my depth")
    reflections.editor.flag.setChecked(True)
    reflections.save_now()
    qtbot.waitUntil(
        lambda: "Felt out of my depth" in _group_titles(supervision, SupervisionFunction.FORMATIVE),
        timeout=5000,
    )
    normative = supervision.agenda.index(0, 0)
    assert (
        supervision.agenda.index(0, AgendaColumn.SOURCE, normative).data()
        == f"Session note ({mentee.code})"
    )
    assert "1 item" in normative.data()


def test_recording_a_session_keeps_agenda_functions_focus_and_actions(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    reflection = make_reflection(journal, "Tired after a hard week", flagged_for_supervision=True)
    page = _page(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: len(page.agenda.rows()) == 1, timeout=5000)
    # move the item to restorative with the mentor as focus, through the controls
    formative = page.agenda.index(1, 0)
    page.agenda_view.setCurrentIndex(page.agenda.index(0, 0, formative))
    assert page.function.isEnabled()
    page.focus.setCurrentIndex(page.focus.findData(SupervisionFocus.MENTOR.value))
    page.focus.activated.emit(page.focus.currentIndex())
    page.function.setCurrentIndex(page.function.findData(SupervisionFunction.RESTORATIVE.value))
    page.function.activated.emit(page.function.currentIndex())
    assert _group_titles(page, SupervisionFunction.RESTORATIVE) == ["Tired after a hard week"]
    page.held_on.setDate(QDate(2026, 1, 20))
    qtbot.keyClicks(page.supervisor, "Supervisor A")
    qtbot.keyClicks(page.discussion, "Talked about rest and caseload.")
    qtbot.keyClicks(page.action_text, "Book a day off")
    qtbot.keyClicks(page.action_owner, "Me")
    page.action_has_due.setChecked(True)
    page.action_due.setDate(QDate(2026, 2, 1))
    page.add_action_button.click()
    qtbot.keyClicks(page.action_text, "Review caseload")
    page.add_action_button.click()
    page.actions_view.selectRow(0)
    page.done_button.click()
    page.save_button.click()
    qtbot.waitUntil(lambda: page.sessions.rowCount() == 1, timeout=5000)
    stored = ask(qtbot, worker, lambda j: j.list_supervision())[0]
    assert (stored.held_on, stored.supervisor) == (date(2026, 1, 20), "Supervisor A")
    assert stored.discussion == "Talked about rest and caseload."
    [item] = stored.agenda
    assert (item.function, item.focus, item.source_kind, item.source_id) == (
        SupervisionFunction.RESTORATIVE,
        SupervisionFocus.MENTOR,
        SourceKind.REFLECTION,
        reflection.id,
    )
    assert [(a.text, a.owner, a.due_on, a.done) for a in stored.actions] == [
        ("Book a day off", "Me", date(2026, 2, 1), True),
        ("Review caseload", "", None, False),
    ]
    # the item was taken to supervision: it leaves the pending agenda
    qtbot.waitUntil(lambda: page.agenda.rows() == [], timeout=5000)
    # a past session can be reopened and its actions ticked off
    page.new_button.click()
    page.sessions_view.selectRow(0)
    assert page.supervisor.text() == "Supervisor A"
    assert not page.save_button.isVisible()  # a stored record saves itself
    page.actions_view.selectRow(1)
    page.done_button.click()
    qtbot.waitUntil(lambda: page.state.text() == "Saved", timeout=5000)
    qtbot.waitUntil(
        lambda: all(a.done for a in ask(qtbot, worker, lambda j: j.list_supervision())[0].actions),
        timeout=5000,
    )
    assert len(ask(qtbot, worker, lambda j: j.list_supervision())) == 1  # edited, not duplicated


def test_a_record_needs_a_supervisor_and_the_form_is_kept(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    page = _page(qtbot, worker, prompts)
    qtbot.keyClicks(page.discussion, "Notes worth keeping")
    page.save_button.click()
    assert prompts.asked("error")
    assert page.discussion.toPlainText() == "Notes worth keeping"


def test_prepare_summary_opens_the_export_preview_and_clear_empties(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    make_reflection(journal, "Flagged", flagged_for_supervision=True)
    page = _page(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: len(page.agenda.rows()) == 1, timeout=5000)
    dialog = page.prepare_summary()
    wait_idle(qtbot, worker)  # the preview loads its mentee list off-thread
    assert dialog.isVisible()
    page.clear()
    assert (
        page.agenda.rowCount() == 0
        and page.sessions.rowCount() == 0
        and page.actions_model.rowCount() == 0
    )


def test_lock_saves_a_changed_record_once_and_leaves_an_untouched_one_alone(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    page = _page(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: page.agenda.rowCount() == 3, timeout=5000)
    page.save_now()  # an empty, untouched form is not a record
    qtbot.keyClicks(page.supervisor, "Supervisor B")
    qtbot.keyClicks(page.discussion, "Typed just before the lock")
    page.save_now()
    qtbot.waitUntil(lambda: page.sessions.rowCount() == 1, timeout=5000)
    page.save_now()  # nothing changed since: no second write
    wait_idle(qtbot, worker)
    writes = ask(
        qtbot, worker, lambda j: [e for e in audit.events(db_of(j)) if e.kind == "supervision"]
    )
    assert [e.action for e in writes] == ["create"], [e.action for e in writes]
    [stored] = ask(qtbot, worker, lambda j: j.list_supervision())
    assert stored.discussion == "Typed just before the lock"


def test_agenda_titles_are_never_cut_on_a_narrow_page(
    qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts, journal: object
) -> None:
    mentee = make_mentee(journal)  # type: ignore[arg-type]
    make_note(journal, mentee, risk_flag=True, risk_followup="Plan reviewed")  # type: ignore[arg-type]
    page = _page(qtbot, worker, prompts)
    page.resize(700, 600)  # a small laptop at large text leaves the agenda about this much
    qtbot.waitUntil(lambda: page.agenda.rowCount() == 3, timeout=5000)
    view = page.agenda_view
    view.expandAll()
    qtbot.waitUntil(lambda: view.columnWidth(AgendaColumn.ITEM) > 0)
    for column in (AgendaColumn.ITEM, AgendaColumn.SOURCE, AgendaColumn.WHEN):
        qtbot.waitUntil(lambda c=column: view.columnWidth(c) >= view.sizeHintForColumn(c))
