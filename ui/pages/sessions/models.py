"""The list of a mentee's session notes (lightweight summaries, newest first)."""

from __future__ import annotations

from enum import IntEnum

from mentorjournal.domain.notes import NoteSummary, SessionMode
from ui.models.record_model import Column, RecordTableModel

MODE_LABELS: dict[SessionMode, str] = {
    SessionMode.IN_PERSON: "In person",
    SessionMode.PHONE: "Phone",
    SessionMode.VIDEO: "Video",
    SessionMode.TEXT: "Text",
}


class SessionColumn(IntEnum):
    """The eye reads a note's day, its state and its first line; mode and template are in the
    row's tooltip (their columns exist for sorting and are hidden in the list)."""

    DATE = 0
    STATUS = 1
    SUMMARY = 2
    MODE = 3
    TEMPLATE = 4


def _status(note: NoteSummary) -> str:
    state = "Signed" if note.signed else "Draft"
    return f"{state}, risk flagged" if note.risk_flag else state


def _status_icon(note: NoteSummary) -> str:
    if note.risk_flag:
        return "risk"
    return "signed" if note.signed else "draft"


def _details(note: NoteSummary) -> str:
    """What the hidden columns say, for the tooltip: mode, template and the first line."""
    day = f"{note.started_at.astimezone():%A}"
    head = f"{day} · {MODE_LABELS[note.mode]} · {note.template.label} · {_status(note)}"
    return f"{head}\n{note.first_line}" if note.first_line else head


class SessionsModel(RecordTableModel):
    COLUMNS = (
        Column(
            "Date",
            lambda n: f"{n.started_at.astimezone():%d %b %Y %H:%M}",
            sort_key=lambda n: n.started_at,
            tooltip=_details,
        ),
        Column("Status", _status, icon=_status_icon, tooltip=_details),
        Column("Summary", lambda n: n.first_line, tooltip=_details),
        Column("Mode", lambda n: MODE_LABELS[n.mode]),
        Column("Template", lambda n: n.template.label),
    )


#: Columns the list leaves out (the tooltip tells them).
HIDDEN_COLUMNS = (SessionColumn.MODE, SessionColumn.TEMPLATE)
