"""Reflection: the merged timeline with filters, and structured reflections that autosave."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from mentorjournal.domain.reflection import ReflectionModel
from mentorjournal.domain.timeline import TimelineKind
from tests.fixtures.journal_fixtures import make_goal, make_mentee, make_note, make_reflection
from tests.ui.conftest import ask
from ui.pages.reflection.editor import parse_tags
from ui.pages.reflection.page import ReflectionPage
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


def _page(qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts) -> ReflectionPage:
    page = ReflectionPage(worker, prompts, autosave_ms=150)
    qtbot.addWidget(page)
    worker.changed.connect(page.on_changes)
    page.resize(1200, 900)
    page.show()  # the page loads itself when first shown
    return page


def test_timeline_merges_sessions_progress_and_reflections_and_filters_by_mentee(
    qtbot: QtBot, worker, prompts, journal, vault_clock
) -> None:
    first = make_mentee(journal, "M-001")
    second = make_mentee(journal, "M-002")
    now = vault_clock.now()
    make_note(journal, first, text="Talked about the allotment", started_at=now)
    goal = make_goal(journal, first, "Grow my own vegetables")
    journal.add_progress(goal.id, on=now.date(), percent=30)
    make_reflection(journal, "Noticed I over-helped", mentee_id=first.id)
    make_note(journal, second, text="Second mentee's session", started_at=now)
    page = _page(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: page.timeline.model.rowCount() == 4, timeout=5000)
    kinds = {e.kind for e in page.timeline.model.records()}
    assert kinds == {TimelineKind.SESSION, TimelineKind.PROGRESS, TimelineKind.REFLECTION}
    codes = {page.timeline.model.index(r, 2).data() for r in range(4)}
    assert codes == {"M-001", "M-002"}
    page.timeline.mentee.setCurrentIndex(page.timeline.mentee.findData(second.id))
    qtbot.waitUntil(lambda: page.timeline.model.rowCount() == 1, timeout=5000)
    assert page.timeline.model.records()[0].title == "Second mentee's session"


def test_period_filter_drops_older_entries(
    qtbot: QtBot, worker, prompts, journal, vault_clock
) -> None:
    mentee = make_mentee(journal)
    now = vault_clock.now()
    make_note(journal, mentee, text="Recent", started_at=now)
    make_note(journal, mentee, text="Long ago", started_at=datetime(2020, 1, 6, 10, tzinfo=UTC))
    page = _page(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: page.timeline.model.rowCount() == 1, timeout=5000)  # last 90 days
    page.timeline.period.setCurrentIndex(page.timeline.period.findData(None))  # all time
    qtbot.waitUntil(lambda: page.timeline.model.rowCount() == 2, timeout=5000)


def test_new_gibbs_reflection_is_autosaved_with_self_care_tags_and_flag(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    page = _page(qtbot, worker, prompts)
    page.new_button.click()
    qtbot.waitUntil(lambda: page.editor.reflection_id is not None, timeout=5000)
    editor = page.editor
    editor.structure.setCurrentIndex(editor.structure.findData(ReflectionModel.GIBBS.value))
    assert editor.sections.names()[:2] == ["Description", "Feelings"]
    assert (
        editor.sections.editor("Feelings").accessibleDescription()
        == "What were you thinking and feeling?"
    )
    editor.title.clear()
    qtbot.keyClicks(editor.title, "When a session ran over")
    qtbot.keyClicks(editor.sections.editor("Description"), "The session ran 30 minutes over.")
    qtbot.keyClicks(editor.sections.editor("Action plan"), "Set a timer and name the ending early.")
    qtbot.keyClicks(editor.tags, "boundaries, time, boundaries")
    editor.stress.slider.setValue(7)
    editor.flag.setChecked(True)
    qtbot.waitUntil(lambda: editor.status.text().startswith("Saved"), timeout=3000)
    reflection_id = editor.reflection_id
    stored = ask(qtbot, worker, lambda j: j.get_reflection(reflection_id))
    assert stored.title == "When a session ran over"
    assert stored.model is ReflectionModel.GIBBS
    assert dict(stored.sections)["Action plan"] == "Set a timer and name the ending early."
    assert stored.tags == ("boundaries", "time")
    assert stored.self_care.stress == 7 and stored.self_care.energy is None
    assert stored.flagged_for_supervision
    qtbot.waitUntil(lambda: page.model.row_of(reflection_id) >= 0, timeout=5000)


def test_switching_to_what_so_what_keeps_text_and_clear_empties(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    reflection = make_reflection(journal, "Endings", text="Saying goodbye was hard.")
    page = _page(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.view.selectRow(0)
    qtbot.waitUntil(lambda: page.editor.reflection_id == reflection.id, timeout=5000)
    editor = page.editor
    editor.structure.setCurrentIndex(editor.structure.findData(ReflectionModel.DRISCOLL.value))
    assert editor.sections.names() == ["What?", "So what?", "Now what?"]
    assert "Saying goodbye was hard." in editor.sections.values()[0][1]
    editor.save_now()
    stored = ask(qtbot, worker, lambda j: j.get_reflection(reflection.id))
    assert stored.model is ReflectionModel.DRISCOLL and "Saying goodbye was hard." in stored.text
    page.clear()
    assert page.model.rowCount() == 0 and page.timeline.model.rowCount() == 0
    assert editor.title.text() == "" and not editor.isEnabled()


def test_tags_are_parsed_without_blanks_or_repeats() -> None:
    assert parse_tags(" a, b ,, a,c ") == ("a", "b", "c")
    assert parse_tags("") == ()
