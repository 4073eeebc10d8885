"""The merged timeline of sessions, goal progress and reflections (from ``Journal`` timeline)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject

from mentorjournal.domain.timeline import TimelineEntry, TimelineKind
from ui.models.record_model import Column, RecordTableModel

KIND_LABELS: dict[TimelineKind, str] = {
    TimelineKind.SESSION: "Session",
    TimelineKind.PROGRESS: "Goal progress",
    TimelineKind.REFLECTION: "Reflection",
}


class TimelineColumn(IntEnum):
    DATE = 0
    KIND = 1
    MENTEE = 2
    TITLE = 3


class TimelineModel(RecordTableModel):
    """Mentee codes are looked up from a mapping the page provides (ids are never shown)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._codes: dict[str, str] = {}
        self.COLUMNS = (
            Column("Date", lambda e: f"{e.day:%a %d %b %Y}", sort_key=lambda e: e.when),
            Column("Kind", lambda e: KIND_LABELS[e.kind]),
            Column("Mentee", self._mentee),
            Column("What", lambda e: e.title, tooltip=lambda e: e.title),
        )

    def set_mentee_codes(self, codes: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._codes = dict(codes)
        self.endResetModel()

    def _mentee(self, entry: TimelineEntry) -> str:
        if entry.mentee_id is None:
            return "–"
        return self._codes.get(entry.mentee_id, "–")

    def record_id(self, record: Any) -> str | None:
        return str(record.record_id)

    def clear(self) -> None:
        super().clear()
        self._codes = {}
