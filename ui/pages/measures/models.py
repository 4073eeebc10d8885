"""The measures tab's tables: questionnaire results and open risk follow-ups."""

from __future__ import annotations

from enum import IntEnum

from ui.models.record_model import Column, RecordTableModel


class ResultColumn(IntEnum):
    DATE = 0
    INSTRUMENT = 1
    SCORE = 2
    BAND = 3


class ResultsModel(RecordTableModel):
    """``MeasureResult`` rows, newest first as the page sets them."""

    COLUMNS = (
        Column("Date", lambda r: f"{r.taken_on:%d %b %Y}", sort_key=lambda r: r.taken_on),
        Column("Measure", lambda r: r.instrument.label),
        Column("Total", lambda r: str(r.score), sort_key=lambda r: r.score, align_right=True),
        Column("Band", lambda r: r.band, tooltip=lambda r: f"Published band: {r.band}"),
    )


class FollowUpColumn(IntEnum):
    OPENED = 0
    REASON = 1


class FollowUpsModel(RecordTableModel):
    """Open ``RiskFollowUp`` rows."""

    COLUMNS = (
        Column(
            "Opened",
            lambda f: f"{f.opened_at.astimezone():%d %b %Y %H:%M}",
            sort_key=lambda f: f.opened_at,
        ),
        Column("Why", lambda f: f.reason, tooltip=lambda f: f.reason),
    )
