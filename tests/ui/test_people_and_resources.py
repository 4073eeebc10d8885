"""People & consent and Resources: add, edit, withdraw and delete records; bad input loses nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from mentorjournal.domain.mentee import ConsentMethod, ContactRole
from tests.fixtures.journal_fixtures import make_mentee
from tests.ui.conftest import ask
from ui.models.consents import ConsentColumn
from ui.prompts import ScriptedPrompts
from ui.views.gc_guard import collected_on_gui_thread
from ui.widgets.people_tab import PeopleConsentTab
from ui.widgets.resources_tab import ResourcesTab
from ui.worker import JournalWorker


@pytest.fixture(autouse=True)
def _collect_garbage_on_gui_thread() -> Iterator[None]:
    """Widgets in reference cycles must die on the GUI thread, never in the worker's."""
    with collected_on_gui_thread():
        yield


@pytest.fixture
def worker(journal_worker: JournalWorker) -> JournalWorker:
    return journal_worker


def _show(qtbot: QtBot, worker: JournalWorker, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    worker.changed.connect(widget.on_changes)
    widget.resize(1000, 800)
    widget.show()
    return widget


def test_contacts_are_added_edited_and_bad_input_keeps_the_form(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = _show(qtbot, worker, PeopleConsentTab(worker, prompts))
    tab.set_mentee(mentee.id)
    people = tab.contacts
    qtbot.keyClicks(people.widgets["name"], "Sam Example")
    people.widgets["role"].setCurrentIndex(
        people.widgets["role"].findData(ContactRole.SIBLING.value)
    )
    qtbot.keyClicks(people.widgets["phone"], "not a phone!")
    people.save_button.click()
    assert prompts.asked("error") and "not valid" in prompts.asked("error")[0].text
    assert people.widgets["name"].text() == "Sam Example"  # nothing lost
    people.widgets["phone"].clear()
    qtbot.keyClicks(people.widgets["phone"], "01234 567890")
    people.save_button.click()
    qtbot.waitUntil(lambda: people.model.rowCount() == 1, timeout=5000)
    stored = ask(qtbot, worker, lambda j: j.list_contacts(mentee.id))
    assert [(c.name, c.role, c.phone, c.email) for c in stored] == [
        ("Sam Example", ContactRole.SIBLING, "01234 567890", None)
    ]
    # edit the selected record
    assert people.save_button.text() == "Save"
    qtbot.keyClicks(people.widgets["relation"], "older brother")
    people.save_button.click()
    qtbot.waitUntil(
        lambda: (
            ask(qtbot, worker, lambda j: j.list_contacts(mentee.id))[0].relation == "older brother"
        ),
        timeout=5000,
    )
    # delete asks first
    prompts.script("confirm", True)
    people.delete_button.click()
    qtbot.waitUntil(lambda: people.model.rowCount() == 0, timeout=5000)
    assert ask(qtbot, worker, lambda j: j.list_contacts(mentee.id)) == []


def test_consent_withdrawal_shows_in_the_state_column(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = _show(qtbot, worker, PeopleConsentTab(worker, prompts))
    tab.set_mentee(mentee.id)
    tab.pages.setCurrentWidget(tab.consents)
    consents = tab.consents
    qtbot.keyClicks(consents.widgets["what"], "Share progress with college")
    qtbot.keyClicks(consents.widgets["with_whom"], "College tutor")
    consents.widgets["given_on"].setDate(QDate(2025, 9, 1))
    consents.widgets["how"].setCurrentIndex(
        consents.widgets["how"].findData(ConsentMethod.WRITTEN.value)
    )
    consents.save_button.click()
    qtbot.waitUntil(lambda: consents.model.rowCount() == 1, timeout=5000)
    assert consents.model.index(0, ConsentColumn.STATE).data() == "In force"
    withdrawn = consents.widgets["withdrawn_on"]
    withdrawn.check.setChecked(True)
    withdrawn.edit.setDate(QDate(2025, 12, 1))
    consents.save_button.click()
    qtbot.waitUntil(
        lambda: consents.model.index(0, ConsentColumn.STATE).data() == "Withdrawn", timeout=5000
    )
    stored = ask(qtbot, worker, lambda j: j.list_consents(mentee.id))[0]
    assert (stored.given_on, stored.withdrawn_on, stored.how) == (
        date(2025, 9, 1),
        date(2025, 12, 1),
        ConsentMethod.WRITTEN,
    )


def test_places_and_resources_round_trip_and_clear(qtbot: QtBot, worker, prompts, journal) -> None:
    mentee = make_mentee(journal)
    people = _show(qtbot, worker, PeopleConsentTab(worker, prompts))
    people.set_mentee(mentee.id)
    qtbot.keyClicks(people.places.widgets["name"], "Exampletown library")
    people.places.save_button.click()
    qtbot.waitUntil(lambda: people.places.model.rowCount() == 1, timeout=5000)
    resources = _show(qtbot, worker, ResourcesTab(worker, prompts))
    resources.set_mentee(mentee.id)
    form = resources.editor
    qtbot.keyClicks(form.widgets["name"], "Example housing advice")
    qtbot.keyClicks(form.widgets["kind"], "housing")
    form.widgets["referred_on"].check.setChecked(True)
    form.widgets["referred_on"].edit.setDate(QDate(2026, 1, 12))
    qtbot.keyClicks(form.widgets["outcome"], "First appointment booked")
    form.save_button.click()
    qtbot.waitUntil(lambda: resources.model.rowCount() == 1, timeout=5000)
    stored = ask(qtbot, worker, lambda j: j.list_resources(mentee.id))[0]
    assert (stored.name, stored.referred_on, stored.outcome) == (
        "Example housing advice",
        date(2026, 1, 12),
        "First appointment booked",
    )
    for tab in (people, resources):
        tab.clear()
    assert people.places.model.rowCount() == 0 and resources.model.rowCount() == 0
    assert form.widgets["name"].text() == "" and not form.isEnabled()


def test_nothing_can_be_added_without_a_mentee(
    qtbot: QtBot, worker, prompts: ScriptedPrompts
) -> None:
    tab = _show(qtbot, worker, ResourcesTab(worker, prompts))
    assert not tab.editor.isEnabled()


def test_a_contact_being_typed_is_saved_before_a_lock(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = _show(qtbot, worker, PeopleConsentTab(worker, prompts))
    tab.set_mentee(mentee.id)
    qtbot.waitUntil(tab.contacts.isEnabled, timeout=5000)
    qtbot.keyClicks(tab.contacts.widgets["name"], "Jo Example")
    qtbot.keyClicks(tab.places.widgets["notes"], "no name yet")  # not a valid place: dropped
    tab.save_now()  # what locking does first, then it clears every page
    tab.clear()
    contacts = ask(qtbot, worker, lambda j: j.list_contacts(mentee.id))
    assert [c.name for c in contacts] == ["Jo Example"]
    assert ask(qtbot, worker, lambda j: j.list_places(mentee.id)) == []
    qtbot.wait(100)  # the save's answer arrives after the clear: it must not refill the form
    assert tab.contacts.widgets["name"].text() == "" and tab.contacts.model.rowCount() == 0
    assert prompts.asked("error") == []
