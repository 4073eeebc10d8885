"""Mentees: who the mentor works with, their status, archiving and erasure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.errors import RecordNotFound, ValidationError
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import mentees as mentee_repo
from mentorjournal.storage import sealing
from mentorjournal.storage import supervision as supervision_repo

KIND_MENTEE = "mentee"
MENTEE_CHANGES = Changes(mentees=True)


def _with_status(mentee: d.Mentee, status: d.MenteeStatus, day: date) -> d.Mentee:
    """Closing dates the closure; any other status clears it, the archive and the retention."""
    closed = status is d.MenteeStatus.CLOSED
    return replace(
        mentee,
        status=status,
        status_since=day,
        closed_on=day if closed else None,
        archived=mentee.archived and closed,
        retention_until=mentee.retention_until if closed else None,
    )


def _archived(mentee: d.Mentee, retention_until: date) -> d.Mentee:
    if mentee.status is not d.MenteeStatus.CLOSED:
        raise ValidationError("Close the mentee's record before archiving it.")
    return replace(mentee, archived=True, retention_until=retention_until)


class Mentees(JournalBase):
    """Add, edit, close, archive and erase mentees."""

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
        with self._command(MENTEE_CHANGES) as command:
            mentee_repo.insert(command.conn, mentee, self._clock.now())
            command.audit("create", KIND_MENTEE, mentee.id)
        return command.done(mentee)

    def update_mentee(self, mentee: d.Mentee) -> Changed[d.Mentee]:
        with self._command(MENTEE_CHANGES) as command:
            mentee_repo.update(command.conn, mentee, self._clock.now())
            command.audit("edit", KIND_MENTEE, mentee.id)
        return command.done(mentee)

    def get_mentee(self, mentee_id: str) -> d.Mentee:
        mentee = mentee_repo.get(self._db, mentee_id)
        if mentee is None:
            raise RecordNotFound("That mentee does not exist.")
        return mentee

    def find_mentee(self, code: str) -> d.Mentee | None:
        return mentee_repo.get_by_code(self._db, code.strip())

    def mentee_by_code(self, code: str) -> d.Mentee:
        mentee = self.find_mentee(code)
        if mentee is None:
            raise RecordNotFound(f"There is no mentee with the code {code.strip()}.")
        return mentee

    def list_mentees(
        self, *, status: d.MenteeStatus | None = None, archived: bool | None = None
    ) -> list[d.Mentee]:
        return mentee_repo.list_all(self._db, status=status, archived=archived)

    def mentee_listings(self) -> list[d.MenteeListing]:
        """Every mentee (archived too) as a list shows it: code, status, archive flag."""
        return mentee_repo.list_listings(self._db)

    def set_mentee_status(
        self, mentee_id: str, status: d.MenteeStatus, *, on: date | None = None
    ) -> Changed[d.Mentee]:
        """Pause, close or reopen; closing dates the closure, reopening clears it and the archive."""
        day = on or self.today()
        return self._change_mentee(mentee_id, lambda m: _with_status(m, status, day))

    def archive_mentee(self, mentee_id: str, retention_until: date) -> Changed[d.Mentee]:
        """Archive a closed mentee until ``retention_until``, after which erasure is offered."""
        return self._change_mentee(mentee_id, lambda m: _archived(m, retention_until))

    def close_and_archive(
        self, mentee_id: str, retention_until: date, *, on: date | None = None
    ) -> Changed[d.Mentee]:
        """Close the record (dated ``on``, default today) if it is open, and archive it: one change.

        The list's "Archive" action: closing and archiving together, so a failure leaves the
        mentee as they were, never closed but not archived.
        """
        day = on or self.today()

        def close_then_archive(mentee: d.Mentee) -> d.Mentee:
            if mentee.status is not d.MenteeStatus.CLOSED:
                mentee = _with_status(mentee, d.MenteeStatus.CLOSED, day)
            return _archived(mentee, retention_until)

        return self._change_mentee(mentee_id, close_then_archive)

    def _change_mentee(
        self, mentee_id: str, change: Callable[[d.Mentee], d.Mentee]
    ) -> Changed[d.Mentee]:
        """Read, change and store one mentee in one command (no lost update between them)."""
        with self._command(MENTEE_CHANGES) as command:
            mentee = mentee_repo.get(command.conn, mentee_id)
            if mentee is None:
                raise RecordNotFound("That mentee does not exist.")
            updated = change(mentee)
            mentee_repo.update(command.conn, updated, self._clock.now())
            command.audit("edit", KIND_MENTEE, mentee_id)
        return command.done(updated)

    def mentees_due_for_erasure(self, today: date | None = None) -> list[d.Mentee]:
        day = today or self.today()
        return [m for m in self.list_mentees(archived=True) if m.erasure_due(day)]

    def record_counts(self, mentee_id: str) -> dict[str, int]:
        """Rows per table that belong to the mentee: what an erasure would remove (for the prompt)."""
        return mentee_repo.record_counts(self._db, mentee_id)

    def erase_mentee(self, mentee_id: str) -> Changed[None]:
        """Erase the mentee and every record of theirs in one transaction, then checkpoint.

        Signed notes go too: erasure at the end of retention is the one lawful way a record
        leaves the vault. The audit log keeps only the event and the id. Supervision records
        whose agenda lost the mentee's items are re-indexed.
        """
        with self._command(Changes.all()) as command:
            conn = command.conn
            touched = mentee_repo.supervision_sessions_touching(conn, mentee_id)
            for kind, record_id in sealing.sealed_records_of(conn, mentee_id):
                # Each signed record leaves the log by name, so verify can tell an erasure
                # from a signed record deleted behind the app's back.
                command.audit("erase", kind, record_id)
            mentee_repo.erase(conn, mentee_id)
            for supervision_id in touched:
                session = supervision_repo.get(conn, supervision_id)
                if session is not None:
                    supervision_repo.reindex(conn, session)
            command.audit("erase", KIND_MENTEE, mentee_id)
        mentee_repo.checkpoint(self._conn)
        return command.done(None)
