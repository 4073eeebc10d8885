"""A mentee's people and places, consents and resources: small records kept beside the mentee."""

from __future__ import annotations

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import mentees as mentee_repo

CONTACT_CHANGES = Changes(contacts=True)


class People(JournalBase):
    """Contacts, places, consents and resources of one mentee."""

    def save_contact(self, contact: d.Contact) -> Changed[d.Contact]:
        with self._command(CONTACT_CHANGES) as command:
            mentee_repo.save_contact(command.conn, contact)
        return command.done(contact)

    def list_contacts(self, mentee_id: str) -> list[d.Contact]:
        return mentee_repo.list_contacts(self._db, mentee_id)

    def delete_contact(self, contact_id: str) -> Changed[None]:
        with self._command(CONTACT_CHANGES) as command:
            mentee_repo.delete_contact(command.conn, contact_id)
        return command.done(None)

    def save_place(self, place: d.Place) -> Changed[d.Place]:
        with self._command(CONTACT_CHANGES) as command:
            mentee_repo.save_place(command.conn, place)
        return command.done(place)

    def list_places(self, mentee_id: str) -> list[d.Place]:
        return mentee_repo.list_places(self._db, mentee_id)

    def delete_place(self, place_id: str) -> Changed[None]:
        with self._command(CONTACT_CHANGES) as command:
            mentee_repo.delete_place(command.conn, place_id)
        return command.done(None)

    def save_consent(self, consent: d.Consent) -> Changed[d.Consent]:
        with self._command(CONTACT_CHANGES) as command:
            mentee_repo.save_consent(command.conn, consent)
        return command.done(consent)

    def list_consents(self, mentee_id: str) -> list[d.Consent]:
        return mentee_repo.list_consents(self._db, mentee_id)

    def delete_consent(self, consent_id: str) -> Changed[None]:
        with self._command(CONTACT_CHANGES) as command:
            mentee_repo.delete_consent(command.conn, consent_id)
        return command.done(None)

    def save_resource(self, resource: d.Resource) -> Changed[d.Resource]:
        with self._command(CONTACT_CHANGES) as command:
            mentee_repo.save_resource(command.conn, resource)
        return command.done(resource)

    def list_resources(self, mentee_id: str) -> list[d.Resource]:
        return mentee_repo.list_resources(self._db, mentee_id)

    def delete_resource(self, resource_id: str) -> Changed[None]:
        with self._command(CONTACT_CHANGES) as command:
            mentee_repo.delete_resource(command.conn, resource_id)
        return command.done(None)
