"""The mentor's reflections, newest first, with their structure, tags and supervision flag."""

from __future__ import annotations

from enum import IntEnum

from mentorjournal.domain.reflection import ReflectionModel
from ui.models.record_model import Column, RecordTableModel, text_or_dash

MODEL_LABELS: dict[ReflectionModel, str] = {
    ReflectionModel.FREE: "Free",
    ReflectionModel.GIBBS: "Gibbs",
    ReflectionModel.DRISCOLL: "What / So what / Now what",
    ReflectionModel.KOLB: "Kolb",
}


class ReflectionColumn(IntEnum):
    DATE = 0
    TITLE = 1
    MODEL = 2
    TAGS = 3
    FLAGGED = 4


class ReflectionsModel(RecordTableModel):
    COLUMNS = (
        Column(
            "Written",
            lambda r: f"{r.written_at.astimezone():%d %b %Y %H:%M}",
            sort_key=lambda r: r.written_at,
        ),
        Column("Title", lambda r: r.title, tooltip=lambda r: r.title),
        Column("Structure", lambda r: MODEL_LABELS[r.model]),
        Column("Tags", lambda r: text_or_dash(", ".join(r.tags))),
        Column("Supervision", lambda r: "Flagged" if r.flagged_for_supervision else "–"),
    )
