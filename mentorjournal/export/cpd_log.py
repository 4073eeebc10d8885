"""The CPD log a mentor sends with a renewal: the cycle's activities, hours by category, progress.

A credentialing body asks for the activities of one cycle with their dates, hours, topics and
evidence, and checks them against its rule; the log therefore opens with the rule and how far
the cycle's hours go towards it (the same ``SchemeProgress`` the app shows), then hours per
category, then one row per activity, then what was learnt. It holds no mentee data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from mentorjournal.changes import Changed
from mentorjournal.domain import CpdEntry
from mentorjournal.domain.cpd_scheme import (
    UNCATEGORISED_LABEL,
    SchemeProgress,
    hours_by_category,
)
from mentorjournal.errors import UsageError
from mentorjournal.export.document import Block, Document, Heading, Paragraph, Run, Table
from mentorjournal.export.output import ExportFormat


@dataclass(frozen=True)
class CpdLog:
    """What the log covers: the period, its entries and, under a scheme, the cycle's progress."""

    first: date
    last: date
    entries: tuple[CpdEntry, ...]
    progress: SchemeProgress | None
    mentor: str = ""


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _hours(value: float) -> str:
    return f"{value:g}"


def _progress_blocks(progress: SchemeProgress) -> list[Block]:
    rows: list[tuple[str, ...]] = [("Requirement", "Required", "Done", "Met")]
    rows.append(
        ("Hours in the cycle", _hours(progress.hours.required), _hours(progress.hours.done),
         "yes" if progress.hours.met else "no")
    )  # fmt: skip
    rows.extend(
        (f"{m.label} hours", _hours(m.required), _hours(m.done), "yes" if m.met else "no")
        for m in progress.minimums
    )
    if progress.activities_required:
        rows.append(
            ("Separate activities", str(progress.activities_required),
             str(progress.activities_done), "yes" if progress.activities_met else "no")
        )  # fmt: skip
    summary = (
        "The cycle's requirement is met."
        if progress.met
        else "Still needed: " + "; ".join(progress.shortfalls()) + "."
    )
    return [
        Heading(1, f"Progress towards {progress.scheme}"),
        Paragraph.of(
            f"Cycle {_day(progress.cycle_start)} to {_day(progress.cycle_end)}, "
            f"{progress.days_left} days left on {_day(progress.today)}."
        ),
        Table(tuple(rows)),
        Paragraph.of(Run(summary, bold=True)),
    ]


def cpd_log_document(log: CpdLog) -> Document:
    """The renewal log as a Document (any writer: Markdown, PDF, DOCX)."""
    owner = f" of {log.mentor.strip()}" if log.mentor.strip() else ""
    blocks: list[Block] = []
    if log.progress is not None:
        blocks.extend(_progress_blocks(log.progress))
    total = sum(float(e.hours) for e in log.entries)
    blocks.append(Heading(1, "Hours by category"))
    category_rows: list[tuple[str, ...]] = [("Category", "Hours", "Activities")]
    category_rows.extend(
        (c.label, _hours(c.hours), str(c.activities)) for c in hours_by_category(log.entries)
    )
    category_rows.append(("All", _hours(round(total, 2)), str(len(log.entries))))
    blocks.append(Table(tuple(category_rows)))
    blocks.append(Heading(1, "Activities"))
    ordered = sorted(log.entries, key=lambda e: (e.on, e.activity))
    if not ordered:
        blocks.append(Paragraph.of(Run("No CPD logged in this period.", italic=True)))
        return _document(log, owner, blocks)
    activity_rows: list[tuple[str, ...]] = [
        ("Date", "Activity", "Category", "Kind", "Hours", "Evidence")
    ]
    activity_rows.extend(_activity_row(e) for e in ordered)
    blocks.append(Table(tuple(activity_rows)))
    learnt = [e for e in ordered if e.learning.strip()]
    if learnt:
        blocks.append(Heading(1, "What I learnt"))
        for entry in learnt:
            blocks.append(Heading(2, f"{entry.on.isoformat()}: {entry.activity}"))
            blocks.append(Paragraph.of(entry.learning.strip()))
    return _document(log, owner, blocks)


def _activity_row(entry: CpdEntry) -> tuple[str, ...]:
    category = UNCATEGORISED_LABEL if entry.category is None else entry.category.label
    return (
        entry.on.isoformat(),
        entry.activity,
        category,
        entry.kind,
        _hours(float(entry.hours)),
        entry.evidence,
    )


def _document(log: CpdLog, owner: str, blocks: Sequence[Block]) -> Document:
    return Document(
        title=f"CPD log{owner}",
        subtitle=f"{_day(log.first)} to {_day(log.last)}",
        blocks=tuple(blocks),
    )


KIND_CPD_LOG = "cpd_log"


class CpdLogJournal(Protocol):
    """What writing the log needs from the journal (the facade satisfies it)."""

    @property
    def clock(self) -> Any: ...
    def record_export(
        self, kind: str, detail: str, record_id: str | None = None
    ) -> Changed[None]: ...
    def today(self) -> date: ...
    def cpd_progress(self, today: date | None = None) -> SchemeProgress | None: ...
    def cpd_between(self, first: date, last: date) -> list[CpdEntry]: ...


def log_period(progress: SchemeProgress | None, today: date) -> tuple[date, date]:
    """The default period: the scheme's current cycle, else the calendar year."""
    if progress is not None:
        return progress.cycle_start, progress.cycle_end
    return date(today.year, 1, 1), date(today.year, 12, 31)


def export_cpd_log(
    journal: CpdLogJournal,
    path: Path,
    first: date | None = None,
    last: date | None = None,
    mentor: str = "",
) -> ExportFormat:
    """Write the renewal log for ``first``..``last`` (default: see ``log_period``), then audit it."""
    from mentorjournal.export.render import write_document

    ExportFormat.for_path(path)  # a bad extension fails before any work
    if (first is None) != (last is None):
        raise UsageError("Give both the first and the last day, or neither.")
    progress = journal.cpd_progress(journal.today())
    if first is None or last is None:
        first, last = log_period(progress, journal.today())
    if last < first:
        raise UsageError("The last day cannot be before the first.")
    entries = tuple(journal.cpd_between(first, last))
    fmt = write_document(cpd_log_document(CpdLog(first, last, entries, progress, mentor)), path)
    journal.record_export(KIND_CPD_LOG, f"entries={len(entries)};format={fmt.value}")
    return fmt
