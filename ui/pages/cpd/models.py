"""CPD log entries and the hours totalled per year."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from mentorjournal.domain.cpd_scheme import UNCATEGORISED_LABEL
from ui.models.record_model import Column, RecordTableModel, text_or_dash


def hours_text(hours: float) -> str:
    return f"{hours:g} h"


def category_text(entry: Any) -> str:
    return UNCATEGORISED_LABEL if entry.category is None else entry.category.label


class CpdColumn(IntEnum):
    DATE = 0
    ACTIVITY = 1
    CATEGORY = 2
    KIND = 3
    HOURS = 4
    EVIDENCE = 5


class CpdModel(RecordTableModel):
    COLUMNS = (
        Column("Date", lambda e: f"{e.on:%d %b %Y}", sort_key=lambda e: e.on),
        Column("Activity", lambda e: e.activity, tooltip=lambda e: e.learning or e.activity),
        Column("Category", category_text),
        Column("Kind", lambda e: text_or_dash(e.kind)),
        Column(
            "Hours", lambda e: hours_text(e.hours), sort_key=lambda e: e.hours, align_right=True
        ),
        Column("Evidence", lambda e: text_or_dash(e.evidence)),
    )


class CpdTotalColumn(IntEnum):
    YEAR = 0
    HOURS = 1
    ENTRIES = 2


class CpdTotalsModel(RecordTableModel):
    COLUMNS = (
        Column("Year", lambda t: str(t.year), sort_key=lambda t: t.year),
        Column(
            "Hours", lambda t: hours_text(t.hours), sort_key=lambda t: t.hours, align_right=True
        ),
        Column("Entries", lambda t: str(t.entries), sort_key=lambda t: t.entries, align_right=True),
    )

    def record_id(self, record: Any) -> str | None:
        return str(record.year)

    def hours_for(self, year: int) -> float:
        """The total for ``year`` (0 when nothing was logged)."""
        return next((t.hours for t in self.records() if t.year == year), 0.0)


class CategoryHoursColumn(IntEnum):
    CATEGORY = 0
    HOURS = 1
    ACTIVITIES = 2


class CategoryHoursModel(RecordTableModel):
    """Hours per category in the current cycle (or the whole log without a scheme)."""

    COLUMNS = (
        Column("Category", lambda c: c.label),
        Column(
            "Hours", lambda c: hours_text(c.hours), sort_key=lambda c: c.hours, align_right=True
        ),
        Column(
            "Activities", lambda c: str(c.activities), sort_key=lambda c: c.activities,
            align_right=True,
        ),
    )  # fmt: skip

    def record_id(self, record: Any) -> str | None:
        return "uncategorised" if record.category is None else str(record.category.value)
