"""Services and resources a mentee was referred to, with dates and outcomes."""

from __future__ import annotations

from enum import IntEnum

from ui.models.record_model import Column, RecordTableModel, text_or_dash


class ResourceColumn(IntEnum):
    NAME = 0
    KIND = 1
    CONTACT = 2
    REFERRED = 3
    OUTCOME = 4


class ResourcesModel(RecordTableModel):
    COLUMNS = (
        Column("Service", lambda r: r.name),
        Column("Kind", lambda r: text_or_dash(r.kind)),
        Column("Contact", lambda r: text_or_dash(r.contact)),
        Column(
            "Referred",
            lambda r: "–" if r.referred_on is None else f"{r.referred_on:%d %b %Y}",
            sort_key=lambda r: r.referred_on,
        ),
        Column("Outcome", lambda r: text_or_dash(r.outcome), tooltip=lambda r: r.outcome),
    )
