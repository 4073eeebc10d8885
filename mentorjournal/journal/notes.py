"""Session notes: drafts and autosave, sign & lock, addenda, flags."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.domain.service_profile import note_due_at
from mentorjournal.domain.session_header import SessionHeader
from mentorjournal.domain.settings import RecordSettings, prepare_for_signing
from mentorjournal.errors import RecordNotFound, RecordSigned, ValidationError
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import session_headers as header_repo
from mentorjournal.storage import sessions as session_repo
from mentorjournal.storage.codec import KIND_ADDENDUM, KIND_NOTE

NOTE_CHANGES = Changes(sessions=True, search=True)
KIND_RECORD_SETTINGS = "record_settings"


class Notes(JournalBase):
    """Write, autosave, sign, annotate and list session notes."""

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
        with self._command(NOTE_CHANGES) as command:
            session_repo.insert(command.conn, note, self._clock.now())
            command.audit("create", KIND_NOTE, note.id)
            if note.is_signed:
                command.audit("sign", KIND_NOTE, note.id)
        return command.done(note)

    def save_draft(self, note: d.SessionNote) -> Changed[d.SessionNote]:
        """Autosave: overwrite the draft in one short transaction (``RecordSigned`` if signed).

        The search entry is refreshed lazily (before the next search, on signing, on lock):
        re-indexing a long note on every pause in typing would triple the autosave time.
        """
        with self._command(NOTE_CHANGES) as command:
            session_repo.save_draft(command.conn, note, self._clock.now(), defer_index=True)
            command.audit_edit_once(KIND_NOTE, note.id)
        return command.done(note)

    def get_note(self, note_id: str) -> d.SessionNote:
        note = session_repo.get(self._db, note_id)
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
        """Light summaries, newest first, for list views (``None``: every mentee).

        ``since``/``until`` are the mentor's local days, both included.
        """
        start, end = self._clock.zone.span(since, until)
        return session_repo.list_summaries(self._db, mentee_id, start=start, end=end, limit=limit)

    def notes_for(
        self, mentee_id: str, *, since: date | None = None, until: date | None = None
    ) -> list[d.SessionNote]:
        """Whole notes of one mentee, oldest first (exports, summaries); local days, inclusive."""
        start, end = self._clock.zone.span(since, until)
        return session_repo.list_notes(self._db, mentee_id, start=start, end=end)

    def sign_note(self, note_id: str, *, late_reason: str = "") -> Changed[d.SessionNote]:
        """Sign & lock: hash the stored content with the signing time; afterwards only addenda.

        The service profile's required header fields are checked first and the signer from
        Settings is stamped on the header; past the note's due time a reason for the late
        entry is needed (``LateEntryNeedsReason`` otherwise, and nothing is changed).
        """
        with self._command(NOTE_CHANGES) as command:
            note = session_repo.get(command.conn, note_id)
            if note is None:
                raise RecordNotFound("That note does not exist.")
            if note.is_signed:
                raise RecordSigned("This note is already signed.")
            now = self._clock.now()
            settings = header_repo.get_settings(command.conn) or RecordSettings()
            ready = prepare_for_signing(note, settings, now, self._clock.zone, late_reason)
            if ready.header != note.header:
                header_repo.put(command.conn, note.id, note.mentee_id, ready.header)
            signed = d.sign_note(ready, now)
            session_repo.sign(command.conn, signed)
            session_repo.flush_pending_index(command.conn)
            late = signed.header is not None and signed.header.is_late_entry
            command.audit("sign", KIND_NOTE, note_id, detail="late entry" if late else "")
        return command.done(signed)

    def note_due_at(self, note: d.SessionNote) -> datetime | None:
        """When this note is due under the current service profile (``None``: no due time)."""
        settings = self.record_settings()
        header = note.header or SessionHeader()
        end = header.ended_at or note.started_at + timedelta(minutes=note.duration_minutes)
        return note_due_at(settings.rules, end, crisis=header.crisis, zone=self._clock.zone)

    def record_settings(self) -> RecordSettings:
        """The service profile, signer and lists (defaults until the mentor sets them)."""
        return header_repo.get_settings(self._db) or RecordSettings()

    def set_record_settings(self, settings: RecordSettings) -> Changed[RecordSettings]:
        with self._command(Changes(sessions=True)) as command:
            existed = header_repo.get_settings(command.conn) is not None
            header_repo.set_settings(command.conn, settings, self._clock.now())
            command.audit(
                "edit" if existed else "create",
                KIND_RECORD_SETTINGS,
                None,
                settings.profile.value,
            )
        return command.done(settings)

    def add_addendum(self, note_id: str, text: str) -> Changed[d.Addendum]:
        """Append a dated addendum to a signed note, chained to the previous link."""
        with self._command(NOTE_CHANGES) as command:
            note = session_repo.get(command.conn, note_id)
            if note is None:
                raise RecordNotFound("That note does not exist.")
            addendum = d.chain_addendum(
                note,
                session_repo.last_addendum(command.conn, note_id),
                addendum_id=d.new_id(),
                written_at=self._clock.now(),
                text=text,
            )
            session_repo.insert_addendum(command.conn, addendum, note.mentee_id)
            command.audit("addendum", KIND_ADDENDUM, addendum.id)
        return command.done(addendum)

    def insert_addendum(self, addendum: d.Addendum) -> Changed[d.Addendum]:
        """Store a ready-made addendum (JSON import); it must extend the note's chain."""
        with self._command(NOTE_CHANGES) as command:
            note = session_repo.get(command.conn, addendum.note_id)
            if note is None:
                raise RecordNotFound("That note does not exist.")
            chain = [*session_repo.list_addenda(command.conn, note.id), addendum]
            if d.verify_chain(note, chain) is not None:
                raise ValidationError("The addendum does not extend the note's hash chain.")
            session_repo.insert_addendum(command.conn, addendum, note.mentee_id)
            command.audit("addendum", KIND_ADDENDUM, addendum.id)
        return command.done(addendum)

    def note_of_addendum(self, addendum_id: str) -> str | None:
        """The id of the signed note an addendum extends (``None``: no such addendum)."""
        return session_repo.note_of_addendum(self._db, addendum_id)

    def addenda(self, note_id: str) -> list[d.Addendum]:
        return session_repo.list_addenda(self._db, note_id)

    def verify_note(self, note_id: str) -> int | None:
        """``None`` when the signed note and its addenda are intact, else the first bad link."""
        note = self.get_note(note_id)
        return d.verify_chain(note, self.addenda(note_id))

    def flag_note(self, note_id: str, flagged: bool = True) -> Changed[None]:
        """Flag a note for supervision (or clear the flag); signed notes may be flagged too."""
        with self._command(Changes(sessions=True, supervision=True)) as command:
            session_repo.set_flag(command.conn, note_id, flagged)
            command.audit("edit", KIND_NOTE, note_id, detail="flagged" if flagged else "unflagged")
        return command.done(None)

    def delete_draft(self, note_id: str) -> Changed[None]:
        """Delete a draft note; a signed note raises ``RecordSigned``."""
        with self._command(NOTE_CHANGES | Changes(goals=True)) as command:
            session_repo.delete_draft(command.conn, note_id)
            command.audit("delete", KIND_NOTE, note_id)
        return command.done(None)
