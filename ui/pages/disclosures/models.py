"""The list of a mentee's disclosures, corrections included and marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from mentorjournal.domain.disclosure import INFORMED_LABELS, METHOD_LABELS, Disclosure
from ui.models.record_model import Column, RecordTableModel

STANDING = "Standing"
CORRECTION = "Correction"
CORRECTED = "Corrected"


@dataclass(frozen=True)
class DisclosureRow:
    """One entry and whether it stands, corrects another, or was corrected."""

    entry: Disclosure
    status: str


def rows_of(entries: Sequence[Disclosure]) -> list[DisclosureRow]:
    corrected = {e.corrects_id for e in entries if e.corrects_id is not None}
    return [
        DisclosureRow(
            e,
            CORRECTED if e.id in corrected else CORRECTION if e.corrects_id else STANDING,
        )
        for e in entries
    ]


class DisclosureColumn(IntEnum):
    SHARED = 0
    BASIS = 1
    RECIPIENT = 2
    METHOD = 3
    REFERENCE = 4
    TOLD = 5
    STATUS = 6


class DisclosuresModel(RecordTableModel):
    """Rows are ``DisclosureRow`` values, in the order the information was shared."""

    COLUMNS = (
        Column(
            "Shared", lambda r: f"{r.entry.shared_at.astimezone():%d %b %Y %H:%M}",
            sort_key=lambda r: r.entry.shared_at,
        ),
        Column("Why", lambda r: r.entry.basis.label, tooltip=lambda r: r.entry.reasoning),
        Column("With whom", lambda r: r.entry.recipient, tooltip=lambda r: r.entry.what),
        Column("How", lambda r: METHOD_LABELS[r.entry.method]),
        Column("Reference", lambda r: r.entry.reference or "—"),
        Column("Mentee told", lambda r: INFORMED_LABELS[r.entry.informed]),
        Column("Status", lambda r: r.status),
    )  # fmt: skip

    def record_id(self, record: Any) -> str | None:
        return str(record.entry.id)
