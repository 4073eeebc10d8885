"""Continuing professional development: what was done, when, for how long, and what was learnt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentorjournal.domain.validation import require_date, require_id, require_max_len, require_text
from mentorjournal.errors import ValidationError

HOURS_MAX = 1000.0


@dataclass(frozen=True)
class CpdEntry:
    id: str
    activity: str
    on: date
    hours: float
    kind: str = ""
    learning: str = ""
    evidence: str = ""

    def __post_init__(self) -> None:
        require_id(self.id, "CPD id")
        require_text(self.activity, "Activity", max_len=500)
        require_date(self.on, "CPD date")
        if self.on is None:
            raise ValidationError("A CPD entry needs a date.")
        if (
            isinstance(self.hours, bool)
            or not isinstance(self.hours, int | float)
            or not 0 < self.hours <= HOURS_MAX
        ):
            raise ValidationError(f"Hours must be more than 0 and at most {HOURS_MAX:g}.")
        require_max_len(self.kind, "Kind", 200)
        require_max_len(self.learning, "Learning", 200_000)
        require_max_len(self.evidence, "Evidence reference", 2000)


@dataclass(frozen=True)
class CpdYearTotal:
    year: int
    hours: float
    entries: int
