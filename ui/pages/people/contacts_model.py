"""People around a mentee and places that matter to them."""

from __future__ import annotations

from enum import IntEnum

from ui.models.record_model import Column, RecordTableModel, text_or_dash


class ContactColumn(IntEnum):
    NAME = 0
    ROLE = 1
    RELATION = 2
    PHONE = 3
    EMAIL = 4


class ContactsModel(RecordTableModel):
    COLUMNS = (
        Column("Name", lambda c: c.name),
        Column("Role", lambda c: c.role.value.capitalize()),
        Column("Relation", lambda c: text_or_dash(c.relation)),
        Column("Phone", lambda c: text_or_dash(c.phone)),
        Column("Email", lambda c: text_or_dash(c.email)),
    )


class PlaceColumn(IntEnum):
    NAME = 0
    KIND = 1
    NOTES = 2


class PlacesModel(RecordTableModel):
    COLUMNS = (
        Column("Place", lambda p: p.name),
        Column("Kind", lambda p: p.kind.value.capitalize()),
        Column("Notes", lambda p: text_or_dash(p.notes), tooltip=lambda p: p.notes),
    )
