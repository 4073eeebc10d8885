"""A subject-access export: one mentee's whole record, readable and complete, in one folder.

The right of access (UK GDPR Article 15; ICO right-of-access guidance) gives a person a copy
of the personal data held about them, within one month. The folder holds three files:

* ``subject-access.pdf`` and ``subject-access.docx``: the record as a person reads it (the
  mentee record export, plus appointments, measures, risk follow-ups, every coping-plan
  version, the requests themselves and the audit trail of the record), opening with the date
  the request arrived and the date it is due;
* ``subject-access.json``: every stored row about the mentee, table by table, so nothing the
  readable copy summarises is withheld.

Each file is written whole or not at all (0600). The request is marked answered, and the
export audited (counts, never content or file names), only once all three exist.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from mentorjournal.changes import Changed
from mentorjournal.clock import LocalZone
from mentorjournal.domain import AppointmentListing, CopingPlanVersion, MeasureResult, RiskFollowUp
from mentorjournal.domain.subject_access import (
    DOCX_NAME,
    JSON_NAME,
    PDF_NAME,
    SubjectAccessRequest,
)
from mentorjournal.errors import UsageError
from mentorjournal.export.audited import AuditedJournal
from mentorjournal.export.document import Block, Document, Heading, Paragraph, Run, Table
from mentorjournal.export.mentee_record import (
    MenteeRecord,
    RecordSource,
    format_day,
    load_mentee_record,
    mentee_record_document,
)
from mentorjournal.export.output import ExportFormat, write_export_bytes
from mentorjournal.export.render import document_bytes
from mentorjournal.storage.audit import AuditRow

JSON_FORMAT = "mentorjournal-subject-access"
JSON_VERSION = 1
RULE = (
    "Right of access (UK GDPR Article 15): answered within one month of receipt, counted as the"
    " ICO's right-of-access guidance says (the day received is day one; the corresponding date"
    " of the next month, its last day if it has none, the next working day after a weekend)."
)


class AccessJournal(RecordSource, AuditedJournal, Protocol):
    """What a subject-access export reads and records (``Journal`` provides all of it)."""

    def access_requests(self, mentee_id: str) -> list[SubjectAccessRequest]: ...
    def record_access_request(
        self, mentee_id: str, requested_on: date | None = None
    ) -> Changed[SubjectAccessRequest]: ...
    def answer_subject_access(
        self, request_id: str, detail: str
    ) -> Changed[SubjectAccessRequest]: ...
    def subject_access_rows(self, mentee_id: str) -> dict[str, dict[str, Any]]: ...
    def subject_access_audit(self, mentee_id: str) -> list[AuditRow]: ...
    def appointments(
        self,
        *,
        mentee_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[AppointmentListing]: ...
    def measures(self, mentee_id: str) -> list[MeasureResult]: ...
    def followups(
        self, *, mentee_id: str | None = None, open_only: bool = False
    ) -> list[RiskFollowUp]: ...
    def plan_versions(self, mentee_id: str) -> list[CopingPlanVersion]: ...


@dataclass(frozen=True)
class AccessExtras:
    """What the subject-access copy adds to the mentee record."""

    appointments: tuple[AppointmentListing, ...]
    measures: tuple[MeasureResult, ...]
    followups: tuple[RiskFollowUp, ...]
    plan_versions: tuple[CopingPlanVersion, ...]
    requests: tuple[SubjectAccessRequest, ...]
    audit: tuple[AuditRow, ...]


@dataclass(frozen=True)
class AccessExport:
    """What was written: the folder, its files, and the request it answered."""

    folder: Path
    files: tuple[Path, ...]
    request: SubjectAccessRequest


def _none(text: str) -> Paragraph:
    return Paragraph.of(Run(text, italic=True))


def _table_or(rows: Sequence[tuple[str, ...]], empty: str) -> Block:
    return Table(tuple(rows)) if len(rows) > 1 else _none(empty)


def cover_blocks(
    request: SubjectAccessRequest, exported_at: datetime, *, zone: LocalZone
) -> list[Block]:
    """The first section: when the request came, when it is due, what the copy holds."""
    return [
        Heading(1, "About this copy"),
        Table(
            (
                ("The request", "Date"),
                ("Received", format_day(request.requested_on)),
                ("Due by (one month)", format_day(request.due_on)),
                ("This copy made", zone.display(exported_at)),
            )
        ),
        Paragraph.of(RULE),
        Paragraph.of(
            f"This copy holds everything the journal keeps about this person. {JSON_NAME},"
            " beside it, lists every stored entry in full, table by table."
        ),
    ]


def extra_blocks(extras: AccessExtras, *, zone: LocalZone) -> list[Block]:
    """Appointments, measures, follow-ups, plan versions, requests and the audit trail."""
    appointments: list[tuple[str, ...]] = [("When", "Minutes", "Mode", "Outcome")]
    appointments += [
        (zone.display(a.appointment.at), str(a.appointment.minutes),
         a.appointment.mode.value.replace("_", " "), a.appointment.status.label)
        for a in extras.appointments
    ]  # fmt: skip
    measures: list[tuple[str, ...]] = [("Day", "Questionnaire", "Score", "Band")]
    measures += [
        (format_day(m.taken_on), m.instrument.label, str(m.score), m.band) for m in extras.measures
    ]
    followups: list[tuple[str, ...]] = [("Opened", "Reason", "Closed", "Outcome")]
    followups += [
        (zone.display(f.opened_at), f.reason,
         "" if f.closed_at is None else zone.display(f.closed_at), f.outcome)
        for f in extras.followups
    ]  # fmt: skip
    plans: list[tuple[str, ...]] = [("Version", "Saved")]
    plans += [(str(p.version), zone.display(p.saved_at)) for p in extras.plan_versions]
    requests: list[tuple[str, ...]] = [("Received", "Due", "Answered")]
    requests += [
        (format_day(r.requested_on), format_day(r.due_on),
         "" if r.exported_at is None else zone.display(r.exported_at))
        for r in extras.requests
    ]  # fmt: skip
    audit: list[tuple[str, ...]] = [("When", "Action", "Record kind")]
    audit += [(zone.display(e.at), e.action, e.kind.replace("_", " ")) for e in extras.audit]
    return [
        Heading(1, "Appointments"),
        _table_or(appointments, "No appointments."),
        Heading(1, "Measures"),
        _table_or(measures, "No questionnaires."),
        Heading(1, "Risk follow-ups"),
        _table_or(followups, "No risk follow-ups."),
        Heading(1, "Coping plan versions"),
        _table_or(plans, "No coping plan."),
        Heading(1, "Subject-access requests"),
        _table_or(requests, "No requests."),
        Heading(1, "Who did what with this record"),
        Paragraph.of(
            "The journal's audit log, for this person's record: when each entry was created,"
            " changed, signed or exported (it records actions, never content)."
        ),
        _table_or(audit, "No events."),
    ]


def access_document(
    record: MenteeRecord,
    extras: AccessExtras,
    request: SubjectAccessRequest,
    exported_at: datetime,
    *,
    zone: LocalZone,
) -> Document:
    """The readable copy: the cover, the mentee record, then what only this copy adds."""
    base = mentee_record_document(record, exported_at, zone=zone)
    blocks = [
        *cover_blocks(request, exported_at, zone=zone),
        *base.blocks,
        *extra_blocks(extras, zone=zone),
    ]
    return Document(
        title=f"Subject access: the record of {record.mentee.code}",
        subtitle=f"Request received {format_day(request.requested_on)} · due by"
        f" {format_day(request.due_on)} · confidential",
        blocks=tuple(blocks),
    )


def access_json(
    journal: AccessJournal,
    record: MenteeRecord,
    request: SubjectAccessRequest,
    exported_at: datetime,
    audit: Sequence[AuditRow],
) -> bytes:
    """Every stored row about the mentee, with the request's dates (UTF-8 JSON)."""
    payload = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "mentee_code": record.mentee.code,
        "requested_on": request.requested_on.isoformat(),
        "due_on": request.due_on.isoformat(),
        "exported_at": exported_at.isoformat(),
        "rule": RULE,
        "tables": journal.subject_access_rows(record.mentee.id),
        "audit_events": [
            {"at": e.at.isoformat(), "action": e.action, "kind": e.kind, "record_id": e.record_id}
            for e in sorted(audit, key=lambda e: e.seq)
        ],
    }
    return (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _folder(path: Path) -> Path:
    """The export folder: made (0700) when missing, as long as its parent exists."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{str(path)!r} is a file; give a folder for the export.")
    if not path.exists():
        if not path.parent.is_dir():
            raise UsageError(f"The folder {str(path.parent)!r} does not exist.")
        path.mkdir(mode=0o700)
    return path


def _request_for(
    journal: AccessJournal, mentee_id: str, requested_on: date | None
) -> SubjectAccessRequest:
    """The request this export answers: a new one on ``requested_on``, else the oldest open
    one, else a new one received today."""
    if requested_on is None:
        open_requests = [r for r in journal.access_requests(mentee_id) if r.exported_at is None]
        if open_requests:
            return open_requests[0]
    return journal.record_access_request(mentee_id, requested_on).value


def export_subject_access(
    journal: AccessJournal, code: str, folder: Path, *, requested_on: date | None = None
) -> AccessExport:
    """Write the PDF, DOCX and JSON copies of the mentee's whole record into ``folder``."""
    mentee = journal.mentee_by_code(code)
    target = _folder(folder)
    request = _request_for(journal, mentee.id, requested_on)
    zone = journal.clock.zone
    exported_at = journal.clock.now()
    record = load_mentee_record(journal, mentee.code)
    audit_rows = journal.subject_access_audit(mentee.id)
    extras = AccessExtras(
        appointments=tuple(journal.appointments(mentee_id=mentee.id)),
        measures=tuple(journal.measures(mentee.id)),
        followups=tuple(journal.followups(mentee_id=mentee.id)),
        plan_versions=tuple(journal.plan_versions(mentee.id)),
        requests=tuple(journal.access_requests(mentee.id)),
        audit=tuple(audit_rows),
    )
    document = access_document(record, extras, request, exported_at, zone=zone)
    files = (target / PDF_NAME, target / DOCX_NAME, target / JSON_NAME)
    write_export_bytes(files[0], document_bytes(document, ExportFormat.PDF))
    write_export_bytes(files[1], document_bytes(document, ExportFormat.DOCX))
    write_export_bytes(files[2], access_json(journal, record, request, exported_at, audit_rows))
    detail = (
        f"sessions={len(record.sessions)};goals={len(record.goals)};"
        f"disclosures={len(record.disclosures)};files=pdf,docx,json"
    )
    answered = journal.answer_subject_access(request.id, detail).value
    return AccessExport(target, files, answered)
