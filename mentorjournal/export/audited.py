"""Exports that leave the vault, each recorded in the audit log (what and how many, never content).

These are the entry points the CLI and the UI call: gather from the journal, write the file
atomically, and only then append one "export" event, so the log never claims an export that
did not happen and never holds a note's words or the file's name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from mentorjournal.changes import Changed
from mentorjournal.clock import Clock
from mentorjournal.errors import RecordNotFound, UsageError
from mentorjournal.export.coping_plan import write_coping_plan_pdf
from mentorjournal.export.draft import SupervisionDraft
from mentorjournal.export.mentee_record import (
    RecordSource,
    load_mentee_record,
    mentee_record_document,
)
from mentorjournal.export.output import ExportFormat
from mentorjournal.export.render import write_document
from mentorjournal.export.supervision_summary import AUDIT_KIND, render

KIND_MENTEE_RECORD = "mentee_record"
KIND_COPING_PLAN = "coping_plan"


class AuditedJournal(Protocol):
    """What recording an export needs: the journal's export event and its injected clock."""

    def record_export(
        self, kind: str, detail: str, record_id: str | None = None
    ) -> Changed[None]: ...
    @property
    def clock(self) -> Clock: ...


def export_supervision(
    journal: AuditedJournal, draft: SupervisionDraft, path: Path
) -> ExportFormat:
    """Write the reviewed draft, then record the export (counts and options only)."""
    fmt = render(draft, path)
    journal.record_export(AUDIT_KIND, f"{draft.summary};format={fmt.value}")
    return fmt


class RecordJournal(RecordSource, AuditedJournal, Protocol):
    """A journal that can both read a whole record and audit its export."""


def export_mentee_record(journal: RecordJournal, code: str, path: Path) -> ExportFormat:
    """Write one mentee's whole record (.md, .pdf or .docx) and audit it by mentee id."""
    ExportFormat.for_path(path)  # refuse a bad extension before reading the vault
    record = load_mentee_record(journal, code)
    fmt = write_document(
        mentee_record_document(record, journal.clock.now(), zone=journal.clock.zone), path
    )
    detail = f"sessions={len(record.sessions)};goals={len(record.goals)};format={fmt.value}"
    journal.record_export(KIND_MENTEE_RECORD, detail, record.mentee.id)
    return fmt


def export_coping_plan(journal: RecordJournal, code: str, path: Path, owner_name: str = "") -> int:
    """Write the printable one-page plan of the mentee's current version; returns its pages."""
    if ExportFormat.for_path(path) is not ExportFormat.PDF:
        raise UsageError("The printable coping plan is a PDF: use a .pdf file name.")
    mentee = journal.mentee_by_code(code)
    plan = journal.current_plan(mentee.id)
    if plan is None or plan.is_empty:
        raise RecordNotFound(f"{mentee.code} has no coping plan yet.")
    pages = write_coping_plan_pdf(plan, path, owner_name, zone=journal.clock.zone)
    journal.record_export(KIND_COPING_PLAN, f"version={plan.version};pages={pages}", mentee.id)
    return pages
