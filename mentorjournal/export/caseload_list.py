"""Print or save one thing: the caseload list, or a single session note.

Both are built as a ``Document`` and written by the same writers as every other export (.md,
.pdf, .docx), then recorded in the audit log as an export (counts only). The caseload list
carries mentee codes, never names: it is the sheet a mentor may print for the week.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from mentorjournal.changes import Changed
from mentorjournal.clock import LocalZone
from mentorjournal.domain.appointments import MODE_LABELS
from mentorjournal.domain.caseload import CaseloadEntry
from mentorjournal.export.document import Block, Document, Heading, Paragraph, Table
from mentorjournal.export.mentee_record import format_time, session_blocks
from mentorjournal.export.output import ExportFormat
from mentorjournal.export.render import write_document

KIND_CASELOAD = "caseload_list"
KIND_NOTE = "session_note"
HEADER = (
    "Mentee",
    "Last session",
    "Next appointment",
    "Risk follow-ups",
    "Unsigned drafts",
    "Reviews due",
    "Latest measures",
    "GAS T",
)


def _reviews(e: CaseloadEntry) -> str:
    parts = []
    if e.goals_review_due:
        parts.append(f"{e.goals_review_due} goal(s)")
    if e.plan_review_due:
        parts.append("coping plan")
    if e.consent_reviews_due:
        parts.append(f"{e.consent_reviews_due} consent(s)")
    return ", ".join(parts) or "–"


def _row(e: CaseloadEntry, zone: LocalZone) -> tuple[str, ...]:
    last = "never" if e.last_session is None else f"{e.last_session:%d %b %Y}"
    if e.days_since_last_session is not None:
        last += f" ({e.days_since_last_session} d)"
    nxt = e.next_appointment
    return (
        e.mentee_code,
        last,
        "none planned" if nxt is None else f"{format_time(nxt.at, zone)} ({MODE_LABELS[nxt.mode]})",
        str(e.open_risk_followups or "–"),
        str(e.unsigned_drafts or "–"),
        _reviews(e),
        "; ".join(m.describe() for m in e.latest_measures) or "–",
        "–" if e.gas_t_score is None else f"{e.gas_t_score:.0f}",
    )


def caseload_document(
    entries: Sequence[CaseloadEntry], on: date, exported_at: datetime, *, zone: LocalZone
) -> Document:
    """The caseload as a one-table document, mentees needing attention first."""
    waiting = [e for e in entries if e.needs_attention]
    blocks: list[Block] = [
        Paragraph.of(
            f"{len(entries)} active mentee(s); {len(waiting)} need attention. Scores show "
            "change over time, never a diagnosis."
        ),
        Table((HEADER, *(_row(e, zone) for e in entries))),
    ]
    if waiting:
        blocks.append(Heading(1, "Needs attention"))
        blocks += [
            Paragraph.of(f"{e.mentee_code}: {'; '.join(e.attention_reasons())}.") for e in waiting
        ]
    return Document(
        f"Caseload on {on.day} {on:%B %Y}",
        f"Exported {format_time(exported_at, zone)}. Mentee codes only.",
        tuple(blocks),
    )


class CaseloadJournal(Protocol):
    def record_export(
        self, kind: str, detail: str, record_id: str | None = None
    ) -> Changed[None]: ...
    @property
    def clock(self) -> Any: ...
    def caseload(self, *, on: date | None = None) -> list[CaseloadEntry]: ...
    def local_today(self) -> date: ...


def export_caseload_list(journal: CaseloadJournal, path: Path) -> ExportFormat:
    """Write today's caseload list and audit the export (how many rows, which format)."""
    ExportFormat.for_path(path)
    entries = journal.caseload()
    fmt = write_document(
        caseload_document(
            entries, journal.local_today(), journal.clock.now(), zone=journal.clock.zone
        ),
        path,
    )
    journal.record_export(KIND_CASELOAD, f"mentees={len(entries)};format={fmt.value}")
    return fmt


class NoteJournal(Protocol):
    def record_export(
        self, kind: str, detail: str, record_id: str | None = None
    ) -> Changed[None]: ...
    @property
    def clock(self) -> Any: ...
    def get_note(self, note_id: str) -> Any: ...
    def get_mentee(self, mentee_id: str) -> Any: ...
    def addenda(self, note_id: str) -> list[Any]: ...
    def cosignature(self, note_id: str) -> Any: ...
    def review_request(self, note_id: str) -> Any: ...


def _note_blocks(journal: NoteJournal, note: Any, zone: LocalZone) -> tuple[Block, ...]:
    """The note with its addenda and, when it has them, both signatures."""
    return tuple(
        session_blocks(
            note, journal.addenda(note.id), zone=zone,
            cosignature=journal.cosignature(note.id), review=journal.review_request(note.id),
        )
    )  # fmt: skip


def export_note(journal: NoteJournal, note_id: str, path: Path) -> ExportFormat:
    """Write one session note with its addenda and co-signature, headed by the mentee's code
    (no names)."""
    ExportFormat.for_path(path)
    note = journal.get_note(note_id)
    mentee = journal.get_mentee(note.mentee_id)
    zone: LocalZone = journal.clock.zone
    document = Document(
        f"Session note, {mentee.code}",
        f"Session {format_time(note.started_at, zone)}; "
        f"exported {format_time(journal.clock.now(), zone)}.",
        _note_blocks(journal, note, zone),
    )
    fmt = write_document(document, path)
    journal.record_export(KIND_NOTE, f"format={fmt.value}", note_id)
    return fmt


def caseload_markdown(journal: CaseloadJournal) -> str:
    """Today's caseload list as Markdown (what the app prints)."""
    from mentorjournal.export.markdown import to_markdown

    return to_markdown(
        caseload_document(
            journal.caseload(),
            journal.local_today(),
            journal.clock.now(),
            zone=journal.clock.zone,
        )
    )


def note_markdown(journal: NoteJournal, note_id: str) -> str:
    """One session note as Markdown (what the app prints)."""
    from mentorjournal.export.markdown import to_markdown

    note = journal.get_note(note_id)
    mentee = journal.get_mentee(note.mentee_id)
    zone: LocalZone = journal.clock.zone
    document = Document(
        f"Session note, {mentee.code}",
        f"Session {format_time(note.started_at, zone)}.",
        _note_blocks(journal, note, zone),
    )
    return to_markdown(document)
