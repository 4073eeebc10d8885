"""Retention: which records are past their period, and their reviewed, audited erasure.

The list is worked out from the record settings' retention policy (``domain/retention.py``)
and the closed mentees; an erasure names one line of it (a mentee and a record type), is
confirmed with the mentor's reason, and works the list out again inside its own command, so
it erases exactly what is due at that moment, never a record that became undue meanwhile
(a reopened mentee) nor one the review did not show. Signed records leave the audit log by
name ("erase" events, as a mentee erasure writes), the register keeps the reason, and the WAL
is checkpointed so erased pages do not linger (secure_delete is on for the database).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.domain.retention import (
    DatedRecord,
    PastRetention,
    RecordType,
    RetentionCase,
    past_retention,
    require_erase_reason,
)
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.domain.validation import new_id
from mentorjournal.errors import RecordNotFound, ValidationError
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import mentees as mentee_repo
from mentorjournal.storage import retention as retention_repo
from mentorjournal.storage import session_headers as header_repo
from mentorjournal.storage.connection import Connection

KIND_RETENTION_ERASURE = "retention_erasure"


@dataclass(frozen=True)
class RetentionErasure:
    """What one reviewed erasure removed."""

    id: str
    mentee_id: str
    record_type: RecordType
    records: int
    due_on: date


class Retention(JournalBase):
    """List the records past retention and erase one line of that list after review."""

    def _past_retention(self, conn: Connection, today: date) -> list[PastRetention]:
        settings = header_repo.get_settings(conn) or RecordSettings()
        closed = [
            m
            for m in mentee_repo.list_all(conn, status=d.MenteeStatus.CLOSED)
            if m.closed_on is not None
        ]
        cases = [
            RetentionCase(m.id, m.code, m.closed_on, m.retention_until if m.archived else None)
            for m in closed
            if m.closed_on is not None
        ]
        zone = self._clock.zone
        records = [
            DatedRecord(
                r.mentee_id,
                r.record_type,
                r.record_id,
                zone.day_of(r.at) if r.at is not None else r.day or today,
            )
            for r in retention_repo.dated_records(conn, [c.mentee_id for c in cases])
        ]
        return past_retention(settings.retention_policy, cases, records, today)

    def records_past_retention(self, today: date | None = None) -> list[PastRetention]:
        """Every mentee's records of each type whose retention ran out, oldest due first."""
        return self._past_retention(self._db, today or self.today())

    def erase_past_retention(
        self, mentee_id: str, record_type: RecordType, reason: str
    ) -> Changed[RetentionErasure]:
        """Erase the mentee's records of ``record_type`` that are past retention today."""
        why = require_erase_reason(reason)
        if not isinstance(record_type, RecordType) or not record_type.erasable:
            raise ValidationError("The audit log is never shortened; choose another record type.")
        today = self.today()
        with self._command(Changes.all()) as command:
            conn = command.conn
            line = next(
                (
                    p
                    for p in self._past_retention(conn, today)
                    if p.mentee_id == mentee_id and p.record_type is record_type
                ),
                None,
            )
            if line is None:
                if mentee_repo.get(conn, mentee_id) is None:
                    raise RecordNotFound("That mentee does not exist.")
                raise ValidationError(
                    f"None of this mentee's {record_type.label.lower()} are past retention today."
                )
            erasure = RetentionErasure(new_id(), mentee_id, record_type, line.count, line.due_on)
            for kind, record_id in retention_repo.sealed_among(
                conn, mentee_id, retention_repo.with_children(conn, record_type, line.record_ids)
            ):
                command.audit("erase", kind, record_id, f"retention={erasure.id}")
            erased = retention_repo.erase_records(conn, mentee_id, record_type, line.record_ids)
            retention_repo.add_erasure(
                conn,
                retention_repo.ErasureEntry(
                    erasure.id, mentee_id, record_type.value, erased, line.due_on, why,
                    self._clock.now(),
                ),
            )  # fmt: skip
            command.audit(
                "erase",
                KIND_RETENTION_ERASURE,
                erasure.id,
                f"mentee={mentee_id};type={record_type.value};records={erased}",
            )
        mentee_repo.checkpoint(self._conn)
        return command.done(erasure)

    def retention_erasures(self) -> list[retention_repo.ErasureEntry]:
        """The register of reviewed erasures, newest first (ids, counts, dates and reasons)."""
        return retention_repo.erasures(self._db)
