"""A mentee's goals with status, steps done and the latest progress (``GoalOverview`` rows)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from mentorjournal.domain.goals import GoalOverview, GoalProgress, GoalStatus
from ui.models.record_model import Column, RecordTableModel, text_or_dash


class GoalColumn(IntEnum):
    GOAL = 0
    STATUS = 1
    STEPS = 2
    LATEST = 3
    TARGET = 4


STATUS_LABELS: dict[GoalStatus, str] = {
    GoalStatus.ACTIVE: "Active",
    GoalStatus.ACHIEVED: "Achieved",
    GoalStatus.PAUSED: "Paused",
    GoalStatus.DROPPED: "Dropped",
}


def progress_text(progress: GoalProgress | None) -> str:
    """``+1 (60%) on 03 Feb 2026``: level and/or percentage with the date."""
    if progress is None:
        return "No progress yet"
    parts = []
    if progress.gas_level is not None:
        parts.append(f"{progress.gas_level:+d}" if progress.gas_level else "0")
    if progress.percent is not None:
        parts.append(f"{progress.percent}%")
    return f"{' / '.join(parts)} on {progress.on:%d %b %Y}"


def _steps(overview: GoalOverview) -> str:
    steps = overview.goal.steps
    return f"{overview.goal.steps_done} of {len(steps)}" if steps else "–"


class GoalsModel(RecordTableModel):
    COLUMNS = (
        Column("Goal", lambda o: o.goal.mentee_words, tooltip=lambda o: o.goal.mentee_words),
        Column("Status", lambda o: STATUS_LABELS[o.goal.status]),
        Column("Steps done", _steps),
        Column(
            "Latest progress",
            lambda o: progress_text(o.latest),
            sort_key=lambda o: o.latest.on if o.latest else None,
        ),
        Column(
            "By",
            lambda o: text_or_dash(o.goal.time_bound and f"{o.goal.time_bound:%d %b %Y}"),
            sort_key=lambda o: o.goal.time_bound,
        ),
    )

    def record_id(self, record: Any) -> str | None:
        return str(record.goal.id)
