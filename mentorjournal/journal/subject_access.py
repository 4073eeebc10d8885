"""Subject-access requests: record one, read every row about a mentee, mark it answered.

The export itself (PDF, DOCX and JSON in a folder) is ``mentorjournal.export.subject_access``;
it calls ``answer_subject_access`` once its files are written, so the request is marked
answered and the export audited in one command, never before the files exist.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from mentorjournal.changes import Changed, Changes
from mentorjournal.domain.subject_access import SubjectAccessRequest
from mentorjournal.domain.validation import new_id
from mentorjournal.errors import RecordNotFound
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import audit
from mentorjournal.storage import mentees as mentee_repo
from mentorjournal.storage import subject_access as access_repo

KIND_ACCESS_REQUEST = "subject_access_request"
#: Audit kind of the export that answers a request.
KIND_ACCESS_EXPORT = "subject_access"
ACCESS_CHANGES = Changes(mentees=True)


class SubjectAccess(JournalBase):
    """Receive, list and answer subject-access requests (each step audited)."""

    def record_access_request(
        self, mentee_id: str, requested_on: date | None = None
    ) -> Changed[SubjectAccessRequest]:
        """A request from the mentee received on ``requested_on`` (default today)."""
        today = self.today()
        request = SubjectAccessRequest.received(
            new_id(), mentee_id, requested_on or today, today=today, now=self._clock.now()
        )
        with self._command(ACCESS_CHANGES) as command:
            if mentee_repo.get(command.conn, mentee_id) is None:
                raise RecordNotFound("That mentee does not exist.")
            access_repo.insert(command.conn, request)
            command.audit("create", KIND_ACCESS_REQUEST, request.id, f"mentee={mentee_id}")
        return command.done(request)

    def access_requests(self, mentee_id: str) -> list[SubjectAccessRequest]:
        """The mentee's requests, first received first."""
        return access_repo.list_for_mentee(self._db, mentee_id)

    def open_access_requests(self) -> list[SubjectAccessRequest]:
        """Every request not yet answered, soonest due first (for the caseload)."""
        return access_repo.list_open(self._db)

    def subject_access_rows(self, mentee_id: str) -> dict[str, dict[str, Any]]:
        """Every stored row about the mentee, table by table (the export's JSON)."""
        return access_repo.mentee_tables(self._db, mentee_id)

    def subject_access_audit(self, mentee_id: str) -> list[audit.AuditRow]:
        """The audit events about the mentee and their records (ids and actions only)."""
        return audit.filtered_events(self._db, mentee_id=mentee_id)

    def answer_subject_access(self, request_id: str, detail: str) -> Changed[SubjectAccessRequest]:
        """Mark the request answered now and audit the export (call after the files exist)."""
        with self._command(ACCESS_CHANGES) as command:
            found = access_repo.get(command.conn, request_id)
            if found is None or found.exported_at is not None:
                raise RecordNotFound("That subject-access request is not open.")
            now = self._clock.now()
            access_repo.mark_exported(command.conn, request_id, now)
            command.audit(
                "export", KIND_ACCESS_EXPORT, found.mentee_id, f"request={request_id};{detail}"
            )
        return command.done(
            SubjectAccessRequest(
                found.id, found.mentee_id, found.requested_on, found.due_on, found.recorded_at, now
            )
        )
