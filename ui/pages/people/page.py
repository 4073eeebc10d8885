"""People & consent: who is around the mentee, places that matter, and what they consented to.

Consent rules everything a mentor shares, so each consent shows whether it is in force, due for
review or withdrawn (a withdrawal is dated, never deleted silently). Three sub-pages, each a
table with a form (:class:`~ui.widgets.record_editor.RecordEditor`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from mentorjournal.domain.mentee import (
    Consent,
    ConsentMethod,
    Contact,
    ContactRole,
    Place,
    PlaceKind,
)
from ui.pages import journal_ops as ops
from ui.pages.editor_tab import MenteeEditorsTab
from ui.pages.people.consents_model import ConsentColumn, ConsentsModel
from ui.pages.people.contacts_model import ContactColumn, ContactsModel, PlaceColumn, PlacesModel
from ui.pages.people.names_form import MenteeNamesForm
from ui.prompts import Prompts
from ui.widgets.adaptive import size_to_current
from ui.widgets.record_editor import (
    CHOICE,
    DATE,
    MULTILINE,
    OPTIONAL_DATE,
    Field,
    RecordEditor,
)
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.journal import Journal

CONTACT_FIELDS = (
    Field("name", "&Name"),
    Field("role", "&Role", CHOICE, enum=ContactRole),
    Field("relation", "Re&lation"),
    Field("phone", "&Phone", none_if_empty=True),
    Field("email", "&Email", none_if_empty=True),
    Field("notes", "N&otes", MULTILINE),
)
PLACE_FIELDS = (
    Field("name", "&Place"),
    Field("kind", "&Kind", CHOICE, enum=PlaceKind),
    Field("notes", "N&otes", MULTILINE),
)
CONSENT_FIELDS = (
    Field("what", "&What was agreed"),
    Field("with_whom", "With &whom"),
    Field("given_on", "&Given on", DATE),
    Field("how", "&How it was recorded", CHOICE, enum=ConsentMethod),
    Field("review_on", "&Review on", OPTIONAL_DATE),
    Field("withdrawn_on", "Wi&thdrawn on", OPTIONAL_DATE),
    Field("notes", "N&otes", MULTILINE),
)


class PeopleConsentTab(MenteeEditorsTab[ops.PeopleData]):
    """Contacts, places and consent records of the selected mentee."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, prompts, parent)
        self.contacts = RecordEditor(
            "People",
            ContactsModel(self),
            CONTACT_FIELDS,
            worker=worker,
            prompts=prompts,
            make_record=lambda rid, v: Contact(id=rid, mentee_id=self._require_mentee(), **v),
            save=lambda j, r: j.save_contact(r),
            delete=lambda j, rid: j.delete_contact(rid),
            stretch_column=ContactColumn.NAME,
        )
        self.places = RecordEditor(
            "Places",
            PlacesModel(self),
            PLACE_FIELDS,
            worker=worker,
            prompts=prompts,
            make_record=lambda rid, v: Place(id=rid, mentee_id=self._require_mentee(), **v),
            save=lambda j, r: j.save_place(r),
            delete=lambda j, rid: j.delete_place(rid),
            stretch_column=PlaceColumn.NOTES,
        )
        self.consents_model = ConsentsModel(self)
        self.consents = RecordEditor(
            "Consent",
            self.consents_model,
            CONSENT_FIELDS,
            worker=worker,
            prompts=prompts,
            make_record=lambda rid, v: Consent(id=rid, mentee_id=self._require_mentee(), **v),
            save=lambda j, r: j.save_consent(r),
            delete=lambda j, rid: j.delete_consent(rid),
            stretch_column=ConsentColumn.WHAT,
        )
        self.names = MenteeNamesForm(worker, prompts, self)
        self.pages = QTabWidget()
        self.pages.setAccessibleName("People, places and consent")
        self.pages.addTab(self.names, "Mentee's names")
        self.pages.addTab(self.contacts, "People")
        self.pages.addTab(self.places, "Places")
        size_to_current(self.pages)
        self.pages.addTab(self.consents, "Consent")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._mentee_changed()

    def editors(self) -> tuple[RecordEditor[Any], ...]:
        return (self.contacts, self.places, self.consents)

    def _load_for(self, mentee_id: str) -> Callable[[Journal], ops.PeopleData]:
        return lambda journal: ops.people_data(journal, mentee_id)

    def _show(self, data: ops.PeopleData) -> None:
        self.names.show_mentee(data.mentee)
        self.consents_model.set_today(data.today)
        self.contacts.set_records(data.contacts)
        self.places.set_records(data.places)
        self.consents.set_records(data.consents)

    def clear(self) -> None:
        super().clear()
        self.names.clear()

    def open_record(self, kind: str, record_id: str) -> None:
        editors: dict[str, RecordEditor[Any]] = {"contact": self.contacts, "consent": self.consents}
        editor = editors.get(kind)
        if editor is None:
            return
        self.pages.setCurrentWidget(editor)
        row = editor.model.row_of(record_id)
        if row >= 0:
            editor.view.selectRow(row)
