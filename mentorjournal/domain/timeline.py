"""One merged, dated view of a mentee's sessions, goal progress and the mentor's reflections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class TimelineKind(StrEnum):
    SESSION = "session"
    PROGRESS = "progress"
    REFLECTION = "reflection"


@dataclass(frozen=True)
class TimelineEntry:
    """``when`` orders entries; progress entries, which have only a day, sort at that day's start."""

    kind: TimelineKind
    record_id: str
    mentee_id: str | None
    when: datetime
    day: date
    title: str
