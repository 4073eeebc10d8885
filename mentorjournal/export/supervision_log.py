"""The supervision log a mentor keeps as evidence (membership renewal, an audit): one year.

It opens with the agreement in force, then the hours by month against the target, then one
row per meeting with its length, the Proctor functions it covered, what was taken to it and
the supervisor's sign-off. It carries no case material: a discussion's text is left out, and
an agenda item drawn from a mentee's note or reflection is shown only as "a flagged note"
or "a flagged reflection"; the questions the mentor typed are shown as typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from mentorjournal.changes import Changed
from mentorjournal.domain.supervision import SourceKind, SupervisionSession
from mentorjournal.domain.supervision_ledger import (
    SupervisionAgreement,
    SupervisionSignOff,
    SupervisionTarget,
    YearHours,
)
from mentorjournal.export.document import (
    Block,
    BulletList,
    Document,
    Heading,
    Paragraph,
    Run,
    Table,
)
from mentorjournal.export.output import ExportFormat

KIND_SUPERVISION_LOG = "supervision_log"
_DRAWN = {SourceKind.NOTE: "a flagged note", SourceKind.REFLECTION: "a flagged reflection"}


@dataclass(frozen=True)
class SupervisionLog:
    """One year of the ledger, gathered for export."""

    year: int
    agreement: SupervisionAgreement | None
    hours: YearHours
    target: SupervisionTarget | None
    meetings: tuple[SupervisionSession, ...]
    signoffs: Mapping[str, SupervisionSignOff]


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".") + " h"


def _agreement_blocks(a: SupervisionAgreement | None) -> list[Block]:
    blocks: list[Block] = [Heading(1, "Supervision agreement")]
    if a is None:
        return [*blocks, Paragraph.of(Run("No agreement recorded.", italic=True))]
    rows = [
        ("Supervisor", a.supervisor),
        ("Started", _day(a.started_on)),
        ("Review by", "not set" if a.review_on is None else _day(a.review_on)),
        ("Purpose", a.purpose),
        ("Frequency", a.frequency),
        ("What is recorded, and where", a.recorded),
        ("Limits of confidentiality", a.confidentiality),
    ]
    return [*blocks, Table(tuple(rows), header=False)]


def _hours_blocks(log: SupervisionLog) -> list[Block]:
    hours = log.hours
    target = log.target
    intro = f"{_hours(hours.minutes)} in {hours.meetings} meetings"
    if target is not None:
        intro += f"; target {target.hours_per_month:g} h a month ({target.source})"
    rows: list[tuple[str, ...]] = [("Month", "Meetings", "Hours", "Target", "Met")]
    for m in hours.months:
        goal = "–" if m.target_minutes is None else _hours(m.target_minutes)
        met = "–" if m.met is None else ("yes" if m.met else "no")
        rows.append((f"{m.month:%B %Y}", str(m.meetings), _hours(m.minutes), goal, met))
    return [Heading(1, f"Hours in {log.year}"), Paragraph.of(intro + "."), Table(tuple(rows))]


def _taken(meeting: SupervisionSession) -> list[str]:
    return [
        item.question if item.source_kind is SourceKind.OTHER else _DRAWN[item.source_kind]
        for item in meeting.agenda
    ]


def _meeting_blocks(log: SupervisionLog) -> list[Block]:
    blocks: list[Block] = [Heading(1, "Meetings")]
    if not log.meetings:
        return [*blocks, Paragraph.of(Run("No meetings recorded this year.", italic=True))]
    rows: list[tuple[str, ...]] = [("Date", "Supervisor", "Length", "Functions", "Signed off")]
    for m in sorted(log.meetings, key=lambda s: (s.held_on, s.id)):
        signed = log.signoffs.get(m.id)
        rows.append(
            (
                _day(m.held_on),
                m.supervisor,
                "not logged" if m.minutes is None else f"{m.minutes} min",
                ", ".join(sorted(f.value for f in m.functions)) or "–",
                "not yet" if signed is None else f"{signed.name}, {_day(signed.signed_on)}",
            )
        )
    blocks.append(Table(tuple(rows)))
    for m in sorted(log.meetings, key=lambda s: (s.held_on, s.id)):
        taken = _taken(m)
        if not taken and not m.actions:
            continue
        blocks.append(Heading(2, f"{_day(m.held_on)} with {m.supervisor}"))
        if taken:
            blocks.append(Paragraph.of(Run("Taken to supervision:", bold=True)))
            blocks.append(BulletList.of(taken))
        if m.actions:
            blocks.append(Paragraph.of(Run("Agreed actions:", bold=True)))
            blocks.append(
                BulletList.of(
                    ("☑ " if a.done else "☐ ") + a.text + (f" ({a.owner})" if a.owner else "")
                    for a in m.actions
                )
            )
    return blocks


def supervision_log_document(log: SupervisionLog) -> Document:
    blocks: Sequence[Block] = [
        *_agreement_blocks(log.agreement),
        *_hours_blocks(log),
        *_meeting_blocks(log),
    ]
    return Document(
        title=f"Supervision log {log.year}",
        subtitle="Agreement, hours and meetings signed off by the supervisor",
        blocks=tuple(blocks),
    )


class SupervisionLogJournal(Protocol):
    """What writing the log needs from the journal (the facade satisfies it)."""

    @property
    def clock(self) -> Any: ...
    def record_export(
        self, kind: str, detail: str, record_id: str | None = None
    ) -> Changed[None]: ...
    def today(self) -> date: ...
    def current_supervision_agreement(self) -> SupervisionAgreement | None: ...
    def supervision_hours(self, year: int | None = None) -> YearHours: ...
    def supervision_target(self) -> SupervisionTarget | None: ...
    def list_supervision(self) -> list[SupervisionSession]: ...
    def supervision_signoffs(self) -> dict[str, SupervisionSignOff]: ...


def export_supervision_log(
    journal: SupervisionLogJournal, path: Path, year: int | None = None
) -> ExportFormat:
    """Write one year's log (default: this year), then audit the export (counts only)."""
    from mentorjournal.export.render import write_document

    ExportFormat.for_path(path)  # a bad extension fails before any work
    hours = journal.supervision_hours(year)
    meetings = tuple(m for m in journal.list_supervision() if m.held_on.year == hours.year)
    log = SupervisionLog(
        hours.year,
        journal.current_supervision_agreement(),
        hours,
        journal.supervision_target(),
        meetings,
        journal.supervision_signoffs(),
    )
    fmt = write_document(supervision_log_document(log), path)
    journal.record_export(
        KIND_SUPERVISION_LOG, f"year={hours.year};meetings={len(meetings)};format={fmt.value}"
    )
    return fmt
