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
    DATE = 0
    MODE = 1
    TEMPLATE = 2
    STATUS = 3
    SUMMARY = 4


def _status(note: NoteSummary) -> str:
    state = "Signed" if note.signed else "Draft"
    return f"{state}, risk flagged" if note.risk_flag else state


def _status_icon(note: NoteSummary) -> str:
    if note.risk_flag:
        return "risk"
    return "signed" if note.signed else "draft"


class SessionsModel(RecordTableModel):
    COLUMNS = (
        Column(
            "Date",
            lambda n: f"{n.started_at.astimezone():%a %d %b %Y %H:%M}",
            sort_key=lambda n: n.started_at,
        ),
        Column("Mode", lambda n: MODE_LABELS[n.mode]),
        Column("Template", lambda n: n.template.label),
        Column("Status", _status, icon=_status_icon),
        Column("Summary", lambda n: n.first_line, tooltip=lambda n: n.first_line),
    )
