"""A mentee's people and places, consents and resources: small records kept beside the mentee.

The four kinds are saved and deleted the same way, so one pair of helpers does it for all:
each change is one command that audits ``create``/``edit``/``delete`` under the record's kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import mentees as mentee_repo
from mentorjournal.storage.connection import Connection

CONTACT_CHANGES = Changes(contacts=True)
KIND_CONTACT = "contact"
KIND_PLACE = "place"
KIND_CONSENT = "consent"
KIND_RESOURCE = "resource"


class _Record(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Record)


class People(JournalBase):
    """Contacts, places, consents and resources of one mentee."""

    def _save_child(
        self, kind: str, record: R, save: Callable[[Connection, R], None]
    ) -> Changed[R]:
        with self._command(CONTACT_CHANGES) as command:
            existed = mentee_repo.child_exists(command.conn, kind, record.id)
            save(command.conn, record)
            command.audit("edit" if existed else "create", kind, record.id)
        return command.done(record)

    def _delete_child(
        self, kind: str, record_id: str, delete: Callable[[Connection, str], None]
    ) -> Changed[None]:
        with self._command(CONTACT_CHANGES) as command:
            delete(command.conn, record_id)
            command.audit("delete", kind, record_id)
        return command.done(None)

    def save_contact(self, contact: d.Contact) -> Changed[d.Contact]:
        return self._save_child(KIND_CONTACT, contact, mentee_repo.save_contact)

    def delete_contact(self, contact_id: str) -> Changed[None]:
        return self._delete_child(KIND_CONTACT, contact_id, mentee_repo.delete_contact)

    def list_contacts(self, mentee_id: str) -> list[d.Contact]:
        return mentee_repo.list_contacts(self._db, mentee_id)

    def save_place(self, place: d.Place) -> Changed[d.Place]:
        return self._save_child(KIND_PLACE, place, mentee_repo.save_place)

    def delete_place(self, place_id: str) -> Changed[None]:
        return self._delete_child(KIND_PLACE, place_id, mentee_repo.delete_place)

    def list_places(self, mentee_id: str) -> list[d.Place]:
        return mentee_repo.list_places(self._db, mentee_id)

    def save_consent(self, consent: d.Consent) -> Changed[d.Consent]:
        return self._save_child(KIND_CONSENT, consent, mentee_repo.save_consent)

    def delete_consent(self, consent_id: str) -> Changed[None]:
        return self._delete_child(KIND_CONSENT, consent_id, mentee_repo.delete_consent)

    def list_consents(self, mentee_id: str) -> list[d.Consent]:
        return mentee_repo.list_consents(self._db, mentee_id)

    def save_resource(self, resource: d.Resource) -> Changed[d.Resource]:
        return self._save_child(KIND_RESOURCE, resource, mentee_repo.save_resource)

    def delete_resource(self, resource_id: str) -> Changed[None]:
        return self._delete_child(KIND_RESOURCE, resource_id, mentee_repo.delete_resource)

    def list_resources(self, mentee_id: str) -> list[d.Resource]:
        return mentee_repo.list_resources(self._db, mentee_id)
