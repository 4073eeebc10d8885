"""The mentee's own names and date of birth are edited in the app and feed the anonymiser."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from mentorjournal.export.supervision_summary import Include, SupervisionOptions, prepare
from tests.fixtures.journal_fixtures import make_mentee, make_note
from tests.ui.conftest import ask, wait_idle
from ui.gc_guard import collected_on_gui_thread
from ui.pages.people.page import PeopleConsentTab
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


@pytest.fixture(autouse=True)
def _collect_garbage_on_gui_thread() -> Iterator[None]:
    with collected_on_gui_thread():
        yield


def test_names_and_date_of_birth_are_saved_and_the_summary_replaces_them(
    qtbot: QtBot, journal_worker: JournalWorker, prompts: ScriptedPrompts, journal
) -> None:
    mentee = make_mentee(journal, "M-310")
    make_note(
        journal,
        mentee,
        text="Kasia said Kasia Nowak's birthday is 14/02/2009; Kasia Nowak was upbeat.",
        started_at=datetime(2026, 1, 5, 10, 0, tzinfo=UTC),
    )
    tab = PeopleConsentTab(journal_worker, prompts)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_mentee(mentee.id)
    wait_idle(qtbot, journal_worker)
    form = tab.names
    assert tab.pages.tabText(0) == "Mentee's names" and form.isEnabled()
    qtbot.keyClicks(form.fields["first_name"], "Kasia")
    qtbot.keyClicks(form.fields["last_name"], "Nowak")
    form.date_of_birth.check.setChecked(True)
    form.date_of_birth.edit.setDate(QDate(2009, 2, 14))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, journal_worker)
    assert form.status.text() == "Saved."
    saved = ask(qtbot, journal_worker, lambda j: j.get_mentee(mentee.id))
    assert (saved.first_name, saved.last_name, saved.date_of_birth) == (
        "Kasia",
        "Nowak",
        date(2009, 2, 14),
    )
    options = SupervisionOptions(
        date(2026, 1, 1), date(2026, 1, 31), include=frozenset({Include.SESSIONS})
    )
    text = ask(qtbot, journal_worker, lambda j: prepare(j, options).plain_text())
    assert "Kasia" not in text and "Nowak" not in text and "14/02/2009" not in text
    assert "Mentee A said Mentee A's birthday is [date of birth]" in text


def test_bad_input_keeps_what_was_typed_and_says_why(
    qtbot: QtBot, journal_worker: JournalWorker, prompts: ScriptedPrompts, journal
) -> None:
    mentee = make_mentee(journal, "M-311", first_name="Kasia")
    tab = PeopleConsentTab(journal_worker, prompts)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_mentee(mentee.id)
    wait_idle(qtbot, journal_worker)
    form = tab.names
    assert form.fields["first_name"].text() == "Kasia"
    form.fields["last_name"].setText("x" * 1000)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, journal_worker)
    assert prompts.asked("error"), "a one-line message"
    assert form.fields["last_name"].text() == "x" * 1000
    assert ask(qtbot, journal_worker, lambda j: j.get_mentee(mentee.id)).last_name is None


def test_nicknames_typed_after_the_preferred_name_are_the_mentee_in_the_summary(
    qtbot: QtBot, journal_worker: JournalWorker, prompts: ScriptedPrompts, journal
) -> None:
    mentee = make_mentee(journal, "M-312")
    make_note(
        journal,
        mentee,
        text="Smudge came in early. Tomasz said Smudge is his name with mates; Bobo too.",
        started_at=datetime(2026, 1, 5, 10, 0, tzinfo=UTC),
    )
    tab = PeopleConsentTab(journal_worker, prompts)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_mentee(mentee.id)
    wait_idle(qtbot, journal_worker)
    form = tab.names
    assert "nicknames" in form.fields["preferred_name"].accessibleDescription()
    qtbot.keyClicks(form.fields["first_name"], "Tomasz")
    qtbot.keyClicks(form.fields["preferred_name"], "Tom, Smudge; Bobo")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, journal_worker)
    assert form.status.text() == "Saved."
    options = SupervisionOptions(
        date(2026, 1, 1), date(2026, 1, 31), include=frozenset({Include.SESSIONS})
    )
    text = ask(qtbot, journal_worker, lambda j: prepare(j, options).plain_text())
    assert "Smudge" not in text and "Bobo" not in text and "Tomasz" not in text
    assert "Mentee A came in early. Mentee A said Mentee A is his name" in text
