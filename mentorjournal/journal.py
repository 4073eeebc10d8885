"""The facade the UI and the CLI use: one open vault, typed reads, commands with change sets.

Every command runs in one transaction that also writes the search index and the audit log, and
returns ``Changed(value, changes)`` so the UI worker can tell each view what to refresh. The
rules live in the domain values and the storage repositories; this module only sequences them.
A ``Journal`` is used from one thread at a time (the UI's worker thread, or the CLI).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.clock import Clock
from mentorjournal.errors import RecordNotFound, RecordSigned, ValidationError
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import audit, search
from mentorjournal.storage import mentees as mentee_repo
from mentorjournal.storage import sessions as session_repo
from mentorjournal.storage.codec import KIND_ADDENDUM, KIND_NOTE
from mentorjournal.storage.connection import Connection, close_database, transaction
from mentorjournal.storage.schema import migrate

KIND_MENTEE = "mentee"
NOTE_CHANGES = Changes(sessions=True, search=True)
MENTEE_CHANGES = Changes(mentees=True)
CONTACT_CHANGES = Changes(contacts=True)


class UnlockedVaultLike(Protocol):
    """What the journal needs from the vault layer's unlocked vault (engineer A's UnlockedVault)."""

    @property
    def connection(self) -> Connection: ...

    @property
    def vault_id(self) -> str: ...

    @property
    def rollback_warning(self) -> str | None: ...

    def lock(self) -> None: ...


class Journal:
    """An unlocked journal. Build it with ``create``/``open``; ``lock`` when done."""

    def __init__(
        self,
        connection: Connection,
        clock: Clock,
        *,
        vault: UnlockedVaultLike | None = None,
        is_demo: bool = False,
    ) -> None:
        """Wrap an open connection, bringing its schema up to date (migrations are idempotent)."""
        self._conn = connection
        self._clock = clock
        self._vault = vault
        self._is_demo = is_demo
        self._open = True
        migrate(connection)

    # --- opening and locking --------------------------------------------------------------

    @classmethod
    def create(
        cls,
        paths: VaultPaths,
        passphrase: str,
        *,
        clock: Clock,
        state_dir: Path,
        kdf: Any = None,
        is_demo: bool = False,
    ) -> tuple[Journal, str]:
        """Create a new vault and open it; returns the journal and the printable recovery key."""
        from mentorjournal.vault import session as vault_session

        vault, recovery_key = vault_session.create_vault(
            paths, passphrase, clock=clock, state_dir=state_dir, kdf=kdf
        )
        return cls(vault.connection, clock, vault=vault, is_demo=is_demo), recovery_key

    @classmethod
    def open(
        cls,
        paths: VaultPaths,
        passphrase: str,
        *,
        clock: Clock,
        state_dir: Path,
        is_demo: bool = False,
    ) -> Journal:
        """Unlock an existing vault (``WrongPassphrase``, ``VaultMissing``... on failure)."""
        from mentorjournal.vault import session as vault_session

        vault = vault_session.unlock_vault(paths, passphrase, clock=clock, state_dir=state_dir)
        return cls(vault.connection, clock, vault=vault, is_demo=is_demo)

    @classmethod
    def open_with_recovery_key(
        cls,
        paths: VaultPaths,
        recovery_key: str,
        *,
        clock: Clock,
        state_dir: Path,
        is_demo: bool = False,
    ) -> Journal:
        from mentorjournal.vault import session as vault_session

        vault = vault_session.unlock_with_recovery_key(
            paths, recovery_key, clock=clock, state_dir=state_dir
        )
        return cls(vault.connection, clock, vault=vault, is_demo=is_demo)

    def lock(self) -> None:
        """Close the database and wipe the key (through the vault). Safe to call twice."""
        if not self._open:
            return
        self._open = False
        if self._vault is not None:
            self._vault.lock()
        else:
            close_database(self._conn)

    @property
    def is_open(self) -> bool:
        return self._open

    @property
    def vault_id(self) -> str | None:
        return None if self._vault is None else self._vault.vault_id

    @property
    def rollback_warning(self) -> str | None:
        return None if self._vault is None else self._vault.rollback_warning

    @property
    def is_demo(self) -> bool:
        return self._is_demo

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def connection(self) -> Connection:
        """For storage-layer collaborators (search, audit, export, backup); never the UI."""
        self._require_open()
        return self._conn

    def _require_open(self) -> None:
        if not self._open:
            raise RuntimeError("the journal is locked")

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        self._require_open()
        with transaction(self._conn) as conn:
            yield conn

    def _audit(self, conn: Connection, action: str, kind: str, record_id: str | None) -> None:
        audit.append(conn, at=self._clock.now(), action=action, kind=kind, record_id=record_id)

    def today(self) -> date:
        return self._clock.now().date()

    # --- mentees --------------------------------------------------------------------------

    def add_mentee(
        self,
        code: str,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        preferred_name: str | None = None,
        legal_name: str | None = None,
        started_on: date | None = None,
    ) -> Changed[d.Mentee]:
        """A new active mentee known by ``code``; names are optional and shown only on request."""
        start = started_on or self.today()
        mentee = d.Mentee(
            id=d.new_id(),
            code=code.strip(),
            first_name=first_name,
            last_name=last_name,
            preferred_name=preferred_name,
            legal_name=legal_name,
            started_on=start,
            status_since=start,
        )
        return self.insert_mentee(mentee)

    def insert_mentee(self, mentee: d.Mentee) -> Changed[d.Mentee]:
        """Store a fully built mentee (the UI's editor, JSON import)."""
        with self._tx() as conn:
            mentee_repo.insert(conn, mentee, self._clock.now())
            self._audit(conn, "create", KIND_MENTEE, mentee.id)
        return Changed(mentee, MENTEE_CHANGES)

    def update_mentee(self, mentee: d.Mentee) -> Changed[d.Mentee]:
        with self._tx() as conn:
            mentee_repo.update(conn, mentee, self._clock.now())
            self._audit(conn, "edit", KIND_MENTEE, mentee.id)
        return Changed(mentee, MENTEE_CHANGES)

    def get_mentee(self, mentee_id: str) -> d.Mentee:
        mentee = mentee_repo.get(self._conn, mentee_id)
        if mentee is None:
            raise RecordNotFound("That mentee does not exist.")
        return mentee

    def find_mentee(self, code: str) -> d.Mentee | None:
        return mentee_repo.get_by_code(self._conn, code.strip())

    def mentee_by_code(self, code: str) -> d.Mentee:
        mentee = self.find_mentee(code)
        if mentee is None:
            raise RecordNotFound(f"There is no mentee with the code {code.strip()}.")
        return mentee

    def list_mentees(
        self, *, status: d.MenteeStatus | None = None, archived: bool | None = None
    ) -> list[d.Mentee]:
        return mentee_repo.list_all(self._conn, status=status, archived=archived)

    def set_mentee_status(
        self, mentee_id: str, status: d.MenteeStatus, *, on: date | None = None
    ) -> Changed[d.Mentee]:
        """Pause, close or reopen; closing dates the closure, reopening clears it and the archive."""
        mentee = self.get_mentee(mentee_id)
        day = on or self.today()
        closed = status is d.MenteeStatus.CLOSED
        updated = replace(
            mentee,
            status=status,
            status_since=day,
            closed_on=day if closed else None,
            archived=mentee.archived and closed,
            retention_until=mentee.retention_until if closed else None,
        )
        return self.update_mentee(updated)

    def archive_mentee(self, mentee_id: str, retention_until: date) -> Changed[d.Mentee]:
        """Archive a closed mentee until ``retention_until``, after which erasure is offered."""
        mentee = self.get_mentee(mentee_id)
        if mentee.status is not d.MenteeStatus.CLOSED:
            raise ValidationError("Close the mentee's record before archiving it.")
        return self.update_mentee(replace(mentee, archived=True, retention_until=retention_until))

    def mentees_due_for_erasure(self, today: date | None = None) -> list[d.Mentee]:
        day = today or self.today()
        return [m for m in self.list_mentees(archived=True) if m.erasure_due(day)]

    def erase_mentee(self, mentee_id: str) -> Changed[None]:
        """Erase the mentee and every record of theirs in one transaction, then checkpoint.

        Signed notes go too: erasure at the end of retention is the one lawful way a record
        leaves the vault. The audit log keeps only the event and the id.
        """
        with self._tx() as conn:
            touched = mentee_repo.supervision_sessions_touching(conn, mentee_id)
            mentee_repo.erase(conn, mentee_id)
            self._reindex_supervision(conn, touched)
            self._audit(conn, "erase", KIND_MENTEE, mentee_id)
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        return Changed(None, Changes.all())

    def _reindex_supervision(self, conn: Connection, supervision_ids: Sequence[str]) -> None:
        """Hook for supervision records whose agenda lost items in an erasure."""
        del conn, supervision_ids

    # --- contacts, places, consents, resources --------------------------------------------

    def save_contact(self, contact: d.Contact) -> Changed[d.Contact]:
        with self._tx() as conn:
            mentee_repo.save_contact(conn, contact)
        return Changed(contact, CONTACT_CHANGES)

    def list_contacts(self, mentee_id: str) -> list[d.Contact]:
        return mentee_repo.list_contacts(self._conn, mentee_id)

    def delete_contact(self, contact_id: str) -> Changed[None]:
        with self._tx() as conn:
            mentee_repo.delete_contact(conn, contact_id)
        return Changed(None, CONTACT_CHANGES)

    def save_place(self, place: d.Place) -> Changed[d.Place]:
        with self._tx() as conn:
            mentee_repo.save_place(conn, place)
        return Changed(place, CONTACT_CHANGES)

    def list_places(self, mentee_id: str) -> list[d.Place]:
        return mentee_repo.list_places(self._conn, mentee_id)

    def delete_place(self, place_id: str) -> Changed[None]:
        with self._tx() as conn:
            mentee_repo.delete_place(conn, place_id)
        return Changed(None, CONTACT_CHANGES)

    def save_consent(self, consent: d.Consent) -> Changed[d.Consent]:
        with self._tx() as conn:
            mentee_repo.save_consent(conn, consent)
        return Changed(consent, CONTACT_CHANGES)

    def list_consents(self, mentee_id: str) -> list[d.Consent]:
        return mentee_repo.list_consents(self._conn, mentee_id)

    def delete_consent(self, consent_id: str) -> Changed[None]:
        with self._tx() as conn:
            mentee_repo.delete_consent(conn, consent_id)
        return Changed(None, CONTACT_CHANGES)

    def save_resource(self, resource: d.Resource) -> Changed[d.Resource]:
        with self._tx() as conn:
            mentee_repo.save_resource(conn, resource)
        return Changed(resource, CONTACT_CHANGES)

    def list_resources(self, mentee_id: str) -> list[d.Resource]:
        return mentee_repo.list_resources(self._conn, mentee_id)

    def delete_resource(self, resource_id: str) -> Changed[None]:
        with self._tx() as conn:
            mentee_repo.delete_resource(conn, resource_id)
        return Changed(None, CONTACT_CHANGES)

    # --- session notes --------------------------------------------------------------------

    def new_note(
        self,
        mentee_id: str,
        *,
        template: d.NoteTemplate = d.NoteTemplate.FREE,
        started_at: datetime | None = None,
        duration_minutes: int = 60,
        mode: d.SessionMode = d.SessionMode.IN_PERSON,
        sections: Mapping[str, str] | Sequence[tuple[str, str]] = (),
    ) -> Changed[d.SessionNote]:
        """Start a draft note (sections default to empty) for a session starting ``started_at``."""
        note = d.SessionNote(
            id=d.new_id(),
            mentee_id=mentee_id,
            started_at=started_at or self._clock.now(),
            duration_minutes=duration_minutes,
            mode=mode,
            template=template,
            sections=d.normalise_sections(template, sections),
        )
        return self.insert_note(note)

    def insert_note(self, note: d.SessionNote) -> Changed[d.SessionNote]:
        """Store a built note; a signed one (import) must carry a signature that verifies."""
        if note.is_signed and not d.verify_note(note):
            raise ValidationError("The note's signature does not match its content.")
        with self._tx() as conn:
            session_repo.insert(conn, note, self._clock.now())
            self._audit(conn, "create", KIND_NOTE, note.id)
            if note.is_signed:
                self._audit(conn, "sign", KIND_NOTE, note.id)
        return Changed(note, NOTE_CHANGES)

    def save_draft(self, note: d.SessionNote) -> Changed[d.SessionNote]:
        """Autosave: overwrite the draft in one short transaction (``RecordSigned`` if signed)."""
        with self._tx() as conn:
            session_repo.save_draft(conn, note, self._clock.now())
            if not session_repo.last_audit_was_edit_of(conn, note.id):
                self._audit(conn, "edit", KIND_NOTE, note.id)
        return Changed(note, NOTE_CHANGES)

    def get_note(self, note_id: str) -> d.SessionNote:
        note = session_repo.get(self._conn, note_id)
        if note is None:
            raise RecordNotFound("That note does not exist.")
        return note

    def list_sessions(
        self,
        mentee_id: str | None,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[d.NoteSummary]:
        """Light summaries, newest first, for list views (``None``: every mentee)."""
        return session_repo.list_summaries(
            self._conn, mentee_id, since=since, until=until, limit=limit
        )

    def notes_for(
        self, mentee_id: str, *, since: date | None = None, until: date | None = None
    ) -> list[d.SessionNote]:
        """Whole notes of one mentee, oldest first (exports, summaries)."""
        return session_repo.list_notes(self._conn, mentee_id, since=since, until=until)

    def sign_note(self, note_id: str) -> Changed[d.SessionNote]:
        """Sign & lock: hash the stored content with the signing time; afterwards only addenda."""
        with self._tx() as conn:
            note = session_repo.get(conn, note_id)
            if note is None:
                raise RecordNotFound("That note does not exist.")
            if note.is_signed:
                raise RecordSigned("This note is already signed.")
            signed = d.sign_note(note, self._clock.now())
            session_repo.sign(conn, signed)
            self._audit(conn, "sign", KIND_NOTE, note_id)
        return Changed(signed, NOTE_CHANGES)

    def add_addendum(self, note_id: str, text: str) -> Changed[d.Addendum]:
        """Append a dated addendum to a signed note, chained to the previous link."""
        with self._tx() as conn:
            note = session_repo.get(conn, note_id)
            if note is None:
                raise RecordNotFound("That note does not exist.")
            addendum = d.chain_addendum(
                note,
                session_repo.last_addendum(conn, note_id),
                addendum_id=d.new_id(),
                written_at=self._clock.now(),
                text=text,
            )
            session_repo.insert_addendum(conn, addendum, note.mentee_id)
            self._audit(conn, "addendum", KIND_ADDENDUM, addendum.id)
        return Changed(addendum, NOTE_CHANGES)

    def insert_addendum(self, addendum: d.Addendum) -> Changed[d.Addendum]:
        """Store a ready-made addendum (JSON import); it must extend the note's chain."""
        with self._tx() as conn:
            note = session_repo.get(conn, addendum.note_id)
            if note is None:
                raise RecordNotFound("That note does not exist.")
            chain = [*session_repo.list_addenda(conn, note.id), addendum]
            if d.verify_chain(note, chain) is not None:
                raise ValidationError("The addendum does not extend the note's hash chain.")
            session_repo.insert_addendum(conn, addendum, note.mentee_id)
            self._audit(conn, "addendum", KIND_ADDENDUM, addendum.id)
        return Changed(addendum, NOTE_CHANGES)

    def addenda(self, note_id: str) -> list[d.Addendum]:
        return session_repo.list_addenda(self._conn, note_id)

    def verify_note(self, note_id: str) -> int | None:
        """``None`` when the signed note and its addenda are intact, else the first bad link."""
        note = self.get_note(note_id)
        return d.verify_chain(note, self.addenda(note_id))

    def flag_note(self, note_id: str, flagged: bool = True) -> Changed[None]:
        with self._tx() as conn:
            session_repo.set_flag(conn, note_id, flagged)
        return Changed(None, Changes(sessions=True, supervision=True))

    def delete_draft(self, note_id: str) -> Changed[None]:
        """Delete a draft note; a signed note raises ``RecordSigned``."""
        with self._tx() as conn:
            session_repo.delete_draft(conn, note_id)
            self._audit(conn, "delete", KIND_NOTE, note_id)
        return Changed(None, NOTE_CHANGES | Changes(goals=True))

    # --- search ---------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        mentee_id: str | None = None,
        kinds: Sequence[str] | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 50,
    ) -> list[search.SearchHit]:
        """Ranked hits with highlighted snippets (see ``storage.search``)."""
        self._require_open()
        return search.search(
            self._conn,
            query,
            mentee_id=mentee_id,
            kinds=kinds,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
        )
