"""One goal's progress entries over time (oldest first, as the chart reads them)."""

from __future__ import annotations

from enum import IntEnum

from mentorjournal.domain.goals import GAS_LABELS
from ui.models.record_model import Column, RecordTableModel, text_or_dash


class ProgressColumn(IntEnum):
    DATE = 0
    LEVEL = 1
    PERCENT = 2
    NOTE = 3
    SESSION = 4


class ProgressModel(RecordTableModel):
    COLUMNS = (
        Column("Date", lambda p: f"{p.on:%d %b %Y}", sort_key=lambda p: p.on),
        Column(
            "GAS level",
            lambda p: "–" if p.gas_level is None else f"{p.gas_level:+d} {GAS_LABELS[p.gas_level]}",
            sort_key=lambda p: p.gas_level,
        ),
        Column(
            "Percent",
            lambda p: "–" if p.percent is None else f"{p.percent}%",
            sort_key=lambda p: p.percent,
            align_right=True,
        ),
        Column("Note", lambda p: text_or_dash(p.note), tooltip=lambda p: p.note),
        Column("From a session", lambda p: "Yes" if p.session_id else "No"),
    )
