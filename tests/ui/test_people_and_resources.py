"""People & consent and Resources: add, edit, withdraw and delete records; bad input loses nothing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from mentorjournal.domain.mentee import ConsentMethod, ContactRole
from tests.fixtures.journal_fixtures import make_mentee
from tests.ui.conftest import ask, wait_idle
from ui.pages.people.consents_model import ConsentColumn
from ui.pages.people.page import PeopleConsentTab
from ui.pages.resources.page import ResourcesTab
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


def _show(qtbot: QtBot, worker: JournalWorker, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    worker.changed.connect(widget.on_changes)
    widget.resize(1000, 800)
    widget.show()
    return widget


def _people_tab(qtbot: QtBot, worker, prompts, journal):  # type: ignore[no-untyped-def]
    """A shown People & consent tab on a new mentee."""
    mentee = make_mentee(journal)
    tab = _show(qtbot, worker, PeopleConsentTab(worker, prompts))
    tab.set_mentee(mentee.id)
    return mentee, tab


def test_contacts_are_added_edited_and_bad_input_keeps_the_form(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee, tab = _people_tab(qtbot, worker, prompts, journal)
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
    mentee, tab = _people_tab(qtbot, worker, prompts, journal)
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
    mentee, people = _people_tab(qtbot, worker, prompts, journal)
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
    mentee, tab = _people_tab(qtbot, worker, prompts, journal)
    qtbot.waitUntil(tab.contacts.isEnabled, timeout=5000)
    qtbot.keyClicks(tab.contacts.widgets["name"], "Jo Example")
    qtbot.keyClicks(tab.places.widgets["notes"], "no name yet")  # not a valid place: dropped
    tab.save_now()  # what locking does first, then it clears every page
    tab.clear()
    contacts = ask(qtbot, worker, lambda j: j.list_contacts(mentee.id))
    assert [c.name for c in contacts] == ["Jo Example"]
    assert ask(qtbot, worker, lambda j: j.list_places(mentee.id)) == []
    wait_idle(qtbot, worker)  # the save's answer came after the clear: it must not refill the form
    assert tab.contacts.widgets["name"].text() == "" and tab.contacts.model.rowCount() == 0
    assert prompts.asked("error") == []


def _two_contacts(qtbot: QtBot, worker, prompts, journal):  # type: ignore[no-untyped-def]
    from mentorjournal.domain.mentee import Contact
    from mentorjournal.domain.validation import new_id

    mentee = make_mentee(journal)
    for name in ("Alex Example", "Bo Example"):
        journal.save_contact(Contact(new_id(), mentee.id, name))
    tab = _show(qtbot, worker, PeopleConsentTab(worker, prompts))
    tab.set_mentee(mentee.id)
    qtbot.waitUntil(lambda: tab.contacts.model.rowCount() == 2, timeout=5000)
    return mentee, tab, tab.contacts


def _row_named(editor, name: str) -> int:  # type: ignore[no-untyped-def]
    return next(
        row for row in range(editor.model.rowCount()) if editor.model.record_at(row).name == name
    )


def test_choosing_another_row_saves_what_was_typed(qtbot: QtBot, worker, prompts, journal) -> None:
    mentee, _tab, people = _two_contacts(qtbot, worker, prompts, journal)
    people.view.selectRow(_row_named(people, "Alex Example"))
    qtbot.keyClicks(people.widgets["relation"], "cousin")
    people.view.selectRow(_row_named(people, "Bo Example"))
    assert people.widgets["name"].text() == "Bo Example"  # the form moved on at once
    qtbot.waitUntil(
        lambda: (
            {c.name: c.relation for c in ask(qtbot, worker, lambda j: j.list_contacts(mentee.id))}
            == {"Alex Example": "cousin", "Bo Example": ""}
        ),
        timeout=5000,
    )
    wait_idle(qtbot, worker)  # the save's answer must not pull the form back to the saved contact
    assert people.widgets["name"].text() == "Bo Example"
    assert prompts.asked("confirm") == [] and prompts.asked("error") == []


def test_new_saves_a_contact_being_typed_first(qtbot: QtBot, worker, prompts, journal) -> None:
    mentee, tab = _people_tab(qtbot, worker, prompts, journal)
    qtbot.keyClicks(tab.contacts.widgets["name"], "Cy Example")
    tab.contacts.new_button.click()
    assert tab.contacts.widgets["name"].text() == ""
    qtbot.waitUntil(lambda: tab.contacts.model.rowCount() == 1, timeout=5000)
    assert [c.name for c in ask(qtbot, worker, lambda j: j.list_contacts(mentee.id))] == [
        "Cy Example"
    ]


def test_an_unfinished_entry_is_discarded_only_when_the_mentor_says_so(
    qtbot: QtBot, worker, prompts: ScriptedPrompts, journal
) -> None:
    mentee, _tab, people = _two_contacts(qtbot, worker, prompts, journal)
    alex, bo = _row_named(people, "Alex Example"), _row_named(people, "Bo Example")
    people.view.selectRow(alex)
    people.widgets["name"].clear()  # a contact needs a name: this cannot be saved
    qtbot.keyClicks(people.widgets["relation"], "neighbour")
    prompts.script("confirm", False)  # "Discard what was typed?" No
    people.view.selectRow(bo)
    assert "cannot be saved yet" in prompts.asked("confirm")[0].text
    assert people.view.selectionModel().selectedRows()[0].row() == alex
    assert (people.widgets["name"].text(), people.widgets["relation"].text()) == ("", "neighbour")
    prompts.script("confirm", True)  # Yes: discard
    people.view.selectRow(bo)
    assert people.widgets["name"].text() == "Bo Example"
    stored = {c.name: c.relation for c in ask(qtbot, worker, lambda j: j.list_contacts(mentee.id))}
    assert stored == {"Alex Example": "", "Bo Example": ""}


def test_another_mentee_keeps_what_was_typed_for_the_first(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    first, second = make_mentee(journal, "M-001"), make_mentee(journal, "M-002")
    tab = _show(qtbot, worker, PeopleConsentTab(worker, prompts))
    tab.set_mentee(first.id)
    qtbot.keyClicks(tab.contacts.widgets["name"], "Di Example")
    tab.set_mentee(second.id)
    assert [c.name for c in ask(qtbot, worker, lambda j: j.list_contacts(first.id))] == [
        "Di Example"
    ]
    assert ask(qtbot, worker, lambda j: j.list_contacts(second.id)) == []
    wait_idle(qtbot, worker)
    assert tab.contacts.widgets["name"].text() == "" and tab.contacts.model.rowCount() == 0


def test_a_reload_while_typing_keeps_the_typing(qtbot: QtBot, worker, prompts, journal) -> None:
    _mentee, tab, people = _two_contacts(qtbot, worker, prompts, journal)
    people.view.selectRow(_row_named(people, "Alex Example"))
    qtbot.keyClicks(people.widgets["relation"], "uncle")
    qtbot.keyClicks(tab.places.widgets["name"], "Exampletown library")
    tab.places.save_button.click()  # saving a place reloads the whole tab
    qtbot.waitUntil(lambda: tab.places.model.rowCount() == 1, timeout=5000)
    wait_idle(qtbot, worker)
    assert people.widgets["name"].text() == "Alex Example"
    assert people.widgets["relation"].text() == "uncle"
    assert people.has_unsaved_changes()


def test_a_save_that_fails_leaves_the_typing_unsaved_to_try_again(
    qtbot: QtBot, worker, prompts: ScriptedPrompts, journal
) -> None:
    from mentorjournal.errors import DiskFull

    mentee, tab = _people_tab(qtbot, worker, prompts, journal)
    people = tab.contacts
    real_save = people._save

    def disk_full(_journal, _record):  # type: ignore[no-untyped-def]
        raise DiskFull("Your disk is full.")

    people._save = disk_full
    qtbot.keyClicks(people.widgets["name"], "Ed Example")
    people.save_button.click()
    qtbot.waitUntil(lambda: bool(prompts.asked("error")), timeout=5000)
    assert people.widgets["name"].text() == "Ed Example" and people.has_unsaved_changes()
    people._save = real_save  # space was freed
    people.new_button.click()  # moving on saves it now
    qtbot.waitUntil(lambda: people.model.rowCount() == 1, timeout=5000)
    assert [c.name for c in ask(qtbot, worker, lambda j: j.list_contacts(mentee.id))] == [
        "Ed Example"
    ]


def test_an_edit_of_a_stored_contact_saves_itself_and_a_refusal_is_said_quietly(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    """One save model: no Save button for a stored entry; a pause in typing saves it."""
    mentee, tab = _people_tab(qtbot, worker, prompts, journal)
    people = tab.contacts
    qtbot.keyClicks(people.widgets["name"], "Sam Example")
    people.save_button.click()  # adding stays deliberate
    qtbot.waitUntil(lambda: people.current is not None, timeout=5000)
    assert not people.save_button.isVisible()
    qtbot.keyClicks(people.widgets["relation"], "older brother")
    qtbot.waitUntil(lambda: people.state.text() == "Saved", timeout=5000)
    stored = ask(qtbot, worker, lambda j: j.list_contacts(mentee.id))
    assert [c.relation for c in stored] == ["older brother"]
    qtbot.keyClicks(people.widgets["phone"], "not a phone!")
    qtbot.waitUntil(lambda: people.state.text().startswith("Not saved yet"), timeout=5000)
    assert prompts.asked("error") == []  # no dialog while typing
    assert people.widgets["phone"].text() == "not a phone!"  # nothing lost
