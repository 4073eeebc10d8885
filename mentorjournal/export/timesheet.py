"""The printable session log / timesheet: one mentee, one period, a line per session to sign.

DSA-QAG supplier guidance asks a specialist mentor for a session log the student confirms
session by session, and never in advance; so every session held has its own blank line for the
mentee's signature, and nothing on the sheet is pre-filled as signed (the mentor's name is
printed, the signatures are lines). Cancellations say by whom and why, DNAs and early ends
say why, and a summary per month, term or academic year counts sessions, hours, DNAs and
cancellations against the mentee's allocation of hours. Start and end times and minutes are
what US per-15-minute services bill on. PDF and DOCX only: the sheet is printed for signing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Protocol

from mentorjournal.changes import Changed
from mentorjournal.domain.appointments import MODE_LABELS
from mentorjournal.domain.attendance import (
    AllocationPeriod,
    PeriodSummary,
    Timesheet,
    TimesheetRow,
    format_hours,
)
from mentorjournal.domain.mentee import Mentee
from mentorjournal.errors import UsageError
from mentorjournal.export.document import Block, Document, Heading, Paragraph, Run, Table
from mentorjournal.export.output import ExportFormat

KIND_TIMESHEET = "timesheet"
#: The blank line a mentee signs on (never filled in by the app); a line of space above it.
SIGN_LINE = "_" * 10
SIGN_CELL = f"\n{SIGN_LINE}"
NOT_HELD = "not held"
SUMMARY_TITLES = {
    AllocationPeriod.MONTH: "Summary by month",
    AllocationPeriod.TERM: "Summary by term",
    AllocationPeriod.YEAR: "Summary by academic year",
}


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _row_day(row: TimesheetRow) -> str:
    return f"{row.start:%a} {row.start.day} {row.start:%b %Y}"


def _where(row: TimesheetRow) -> str:
    method = MODE_LABELS[row.method]
    if not row.place or row.place.strip().lower() == method.lower():  # "Video, video"
        return row.place or method
    return f"{row.place}, {method.lower()}"


def _minutes(sheet: Timesheet, row: TimesheetRow) -> str:
    """Minutes held, with the billing units where the service bills in units: "55 (4 u)"."""
    if not row.held:
        return "0"
    return f"{row.minutes} ({sheet.units(row)} u)" if sheet.unit_minutes else str(row.minutes)


def _session_row(sheet: Timesheet, row: TimesheetRow) -> tuple[str, ...]:
    return (
        _row_day(row),
        f"{row.start:%H:%M} – {row.end:%H:%M}",
        _minutes(sheet, row),
        _where(row),
        row.outcome,
        SIGN_CELL if row.held else NOT_HELD,
    )


def _cancelled(s: PeriodSummary) -> str:
    return f"{s.cancelled_by_mentee} / {s.cancelled_by_mentor} / {s.cancelled_by_service}"


def _summary_row(s: PeriodSummary) -> tuple[str, ...]:
    allocated = "—" if s.allocated_minutes is None else format_hours(s.allocated_minutes)
    left = s.remaining_minutes
    return (
        s.period.label,
        str(s.sessions_held),
        format_hours(s.minutes_held),
        str(s.ended_early),
        str(s.did_not_attend),
        _cancelled(s),
        allocated,
        "—" if left is None else format_hours(left),
    )


def timesheet_document(sheet: Timesheet) -> Document:
    """The timesheet as a Document (PDF or DOCX writers)."""
    blocks: list[Block] = []
    about: list[str] = []
    if sheet.signer_line:
        about.append(f"Mentor: {sheet.signer_line}.")
    if sheet.service:
        about.append(f"Service: {sheet.service}.")
    if sheet.allocation is not None:
        about.append(f"Allocation: {sheet.allocation.text}.")
    if sheet.unit_minutes:
        about.append(
            f"Units (u) of {sheet.unit_minutes} minutes; a part unit counts from half of one."
        )
    if about:
        blocks.append(Paragraph.of(" ".join(about)))
    blocks.append(Heading(1, "Sessions"))
    if sheet.rows:
        blocks.append(
            Paragraph.of(
                Run(
                    "Times are local. The mentee confirms each session held by signing its line "
                    "at or after the session; no line is signed in advance.",
                    italic=True,
                )
            )
        )
        rows: list[tuple[str, ...]] = [
            ("Date", "Start – end", "Mins", "Place, method", "Outcome", "Mentee confirms")
        ]
        rows += [_session_row(sheet, r) for r in sheet.rows]
        total = sheet.total
        minutes = str(total.minutes_held)
        if sheet.unit_minutes:
            minutes += f" ({sheet.total_units} u)"
        rows.append(
            ("Total", "", minutes, "",
             f"{total.sessions_held} held, {format_hours(total.minutes_held)} h", "")
        )  # fmt: skip
        blocks.append(Table(tuple(rows)))
    else:
        blocks.append(Paragraph.of(Run("No sessions or appointments in these dates.", italic=True)))
    blocks += _summary_blocks(sheet)
    blocks += _confirmation_blocks(sheet)
    return Document(
        title="Session log and timesheet",
        subtitle=f"{_mentee_line(sheet)}\n{_day(sheet.first)} to {_day(sheet.last)}",
        blocks=tuple(blocks),
    )


def _mentee_line(sheet: Timesheet) -> str:
    return f"{sheet.mentee_name} ({sheet.mentee_code})" if sheet.mentee_name else sheet.mentee_code


def _summary_blocks(sheet: Timesheet) -> list[Block]:
    rows: list[tuple[str, ...]] = [
        ("Period", "Held", "Hours", "Ended early", "DNA",
         "Cancelled by mentee / mentor / service", "Allocated (h)", "Left (h)")
    ]  # fmt: skip
    rows += [_summary_row(s) for s in sheet.summaries]
    blocks: list[Block] = [
        Heading(1, SUMMARY_TITLES[sheet.per]),
        Table(tuple(rows)),
    ]
    notes: list[str] = []
    if any(s.period.first < sheet.first or s.period.last > sheet.last for s in sheet.summaries):
        notes.append("Each period is counted whole, including sessions outside these dates.")
    unrecorded = sheet.total.not_recorded
    if unrecorded:
        many = unrecorded != 1
        notes.append(
            f"{unrecorded} past appointment{'s' if many else ''} in these dates still "
            f"{'have' if many else 'has'} no outcome recorded."
        )
    if notes:
        blocks.append(Paragraph.of(Run(" ".join(notes), italic=True)))
    return blocks


def _confirmation_blocks(sheet: Timesheet) -> list[Block]:
    blank = "_" * 28
    when = "_" * 12
    return [
        Heading(1, "Confirmation"),
        Paragraph.of("We confirm that the sessions shown as held took place as recorded above."),
        Paragraph.of(f"Mentee: {blank}   Date: {when}"),
        Paragraph.of(f"Mentor: {blank}   Date: {when}"),
    ]


def timesheet_json(sheet: Timesheet) -> dict[str, Any]:
    """The timesheet as JSON (the CLI's ``--json``): codes and figures, no names."""

    def summary(s: PeriodSummary) -> dict[str, Any]:
        return {
            "period": s.period.label,
            "first": s.period.first.isoformat(),
            "last": s.period.last.isoformat(),
            "sessions_held": s.sessions_held,
            "minutes_held": s.minutes_held,
            "ended_early": s.ended_early,
            "did_not_attend": s.did_not_attend,
            "cancelled_by_mentee": s.cancelled_by_mentee,
            "cancelled_by_mentor": s.cancelled_by_mentor,
            "cancelled_by_service": s.cancelled_by_service,
            "outcome_not_recorded": s.not_recorded,
            "allocated_minutes": s.allocated_minutes,
            "remaining_minutes": s.remaining_minutes,
        }

    allocation = sheet.allocation
    return {
        "mentee": sheet.mentee_code,
        "from": sheet.first.isoformat(),
        "to": sheet.last.isoformat(),
        "unit_minutes": sheet.unit_minutes or None,
        "allocation": None
        if allocation is None
        else {"minutes": allocation.minutes, "per": allocation.per.value},
        "rows": [
            {
                "start": r.start.isoformat(timespec="minutes"),
                "end": r.end.isoformat(timespec="minutes"),
                "minutes": r.minutes,
                "units": sheet.units(r) if sheet.unit_minutes else None,
                "place": r.place,
                "method": r.method.value,
                "outcome": r.status.value,
                "reason": r.reason,
                "early_end_agreed": r.early_end_agreed,
                "appointment_id": r.appointment_id,
                "note_id": r.note_id,
            }
            for r in sheet.rows
        ],
        "total": summary(sheet.total),
        "summary": [summary(s) for s in sheet.summaries],
    }


class TimesheetJournal(Protocol):
    """What writing a timesheet needs from the journal (the facade satisfies it)."""

    def mentee_by_code(self, code: str) -> Mentee: ...
    def timesheet(
        self, mentee_id: str, first: date, last: date, *, summary_per: AllocationPeriod | None = ...
    ) -> Timesheet: ...
    def record_export(
        self, kind: str, detail: str, record_id: str | None = None
    ) -> Changed[None]: ...


def timesheet_format(path: Path) -> ExportFormat:
    """PDF or DOCX from the file name; a Markdown or unknown name is refused with one line."""
    fmt = ExportFormat.for_path(path)
    if fmt is ExportFormat.MARKDOWN:
        raise UsageError("A timesheet is printed for signing: use a .pdf or .docx file name.")
    return fmt


def export_timesheet(
    journal: TimesheetJournal,
    code: str,
    first: date,
    last: date,
    path: Path,
    *,
    summary_per: AllocationPeriod | None = None,
) -> Timesheet:
    """Write the mentee's timesheet for ``first``..``last`` (PDF or DOCX), then audit it."""
    from mentorjournal.export.render import write_document

    timesheet_format(path)  # a bad extension fails before any work
    mentee = journal.mentee_by_code(code)
    sheet = journal.timesheet(mentee.id, first, last, summary_per=summary_per)
    fmt = write_document(timesheet_document(sheet), path)
    journal.record_export(KIND_TIMESHEET, f"rows={len(sheet.rows)};format={fmt.value}", mentee.id)
    return sheet
