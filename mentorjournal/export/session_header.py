"""The session header as an export shows it: a two-column table under the session's heading.

Auditors read these fields first (see docs/record-keeping.md): times with minutes and units,
place, service and code, modality and method, the plan goals with their progress lines, whether
the note was written with the mentee, who signed it with role and credentials, and, for a late
entry, the due time and the reason.
"""

from __future__ import annotations

from collections.abc import Mapping

from mentorjournal.clock import LocalZone
from mentorjournal.domain import SessionNote
from mentorjournal.domain.appointments import MODE_LABELS
from mentorjournal.domain.service_profile import billing_units
from mentorjournal.export.document import Block, Paragraph, Run, Table


def _clock(note: SessionNote, zone: LocalZone) -> str:
    start = zone.local(note.started_at)
    text = f"{start:%H:%M}"
    if note.header is not None and note.header.ended_at is not None:
        text += f"–{zone.local(note.header.ended_at):%H:%M}"
    return f"{text} ({note.duration_minutes} min)"


def header_rows(
    note: SessionNote, *, zone: LocalZone, goal_names: Mapping[str, str] | None = None
) -> list[tuple[str, str]]:
    """Label and value of each header field the note has (none for a note without a header)."""
    header = note.header
    if header is None:
        return []
    rows = [("Time", _clock(note, zone))]
    unit = 0 if header.profile is None else header.profile.rules.unit_minutes
    units = billing_units(note.duration_minutes, unit)
    if units:
        rows.append(("Units", f"{units} × {unit} min"))
    if header.place:
        rows.append(("Place", header.place))
    if header.service:
        code = f" ({header.service_code})" if header.service_code else ""
        rows.append(("Service", header.service + code))
    rows.append(("Modality, method", f"{header.modality.label}, {MODE_LABELS[note.mode]}"))
    names = goal_names or {}
    for line in header.goals:
        goal = names.get(line.goal_id, "A plan goal")
        rows.append(("Plan goal", f"{goal}: {line.progress}" if line.progress else goal))
    rows.append(("Written with the mentee", "yes" if header.written_with_mentee else "no"))
    if header.crisis:
        rows.append(("Crisis contact", "yes"))
    if header.signer is not None:
        when = "" if note.signed_at is None else f", {zone.display(note.signed_at)}"
        rows.append(("Signed by", header.signer.line + when))
    if header.is_late_entry:
        due = "" if header.due_at is None else f" (due {zone.display(header.due_at)})"
        rows.append(("Late entry", header.late_reason + due))
    return rows


def header_blocks(
    note: SessionNote, *, zone: LocalZone, goal_names: Mapping[str, str] | None = None
) -> list[Block]:
    rows = header_rows(note, zone=zone, goal_names=goal_names)
    if not rows:
        return []
    blocks: list[Block] = [Table(tuple(rows), header=False)]
    if note.header is not None and note.header.own_words.strip():
        blocks.append(
            Paragraph.of(
                [Run("In their own words: ", bold=True), Run(note.header.own_words.strip())]
            )
        )
    return blocks
