"""Goals in the mentee's own words, made SMART, with Goal Attainment Scaling and progress.

GAS: five levels -2..+2, each described when the goal is set; progress entries rate the goal
against those levels (or as a percentage) over time. ``gas_t_score`` is Kiresuk-Sherman.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mentorjournal.domain.validation import (
    require_date,
    require_enum,
    require_id,
    require_max_len,
    require_optional_id,
    require_range,
    require_text,
)
from mentorjournal.errors import ValidationError

TEXT_MAX = 5000
GAS_LEVELS: tuple[int, ...] = (-2, -1, 0, 1, 2)
GAS_LABELS: dict[int, str] = {
    -2: "Much less than expected",
    -1: "Somewhat less than expected",
    0: "Expected outcome",
    1: "Somewhat more than expected",
    2: "Much more than expected",
}


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    PAUSED = "paused"
    DROPPED = "dropped"


@dataclass(frozen=True)
class GoalStep:
    """A small action towards a goal, optionally due on a date, ticked off when done."""

    id: str
    text: str
    due_on: date | None = None
    done: bool = False

    def __post_init__(self) -> None:
        require_id(self.id, "Step id")
        require_text(self.text, "Step", max_len=TEXT_MAX)
        require_date(self.due_on, "Step due date")


@dataclass(frozen=True)
class Goal:
    """``mentee_words`` first; SMART fields and GAS level texts (keyed -2..+2) are optional."""

    id: str
    mentee_id: str
    mentee_words: str
    specific: str = ""
    measurable: str = ""
    achievable: str = ""
    relevant: str = ""
    time_bound: date | None = None
    gas_levels: tuple[tuple[int, str], ...] = ()
    status: GoalStatus = GoalStatus.ACTIVE
    steps: tuple[GoalStep, ...] = ()
    weight: int = 1

    def __post_init__(self) -> None:
        require_id(self.id, "Goal id")
        require_id(self.mentee_id, "Mentee id")
        require_text(self.mentee_words, "The goal in the mentee's words", max_len=TEXT_MAX)
        for name in ("specific", "measurable", "achievable", "relevant"):
            require_max_len(getattr(self, name), name.capitalize(), TEXT_MAX)
        require_date(self.time_bound, "Time-bound date")
        require_enum(self.status, GoalStatus, "Goal status")
        require_range(self.weight, "Weight", 1, 100)
        levels: tuple[tuple[int, str], ...] = tuple(
            sorted((level, text) for level, text in self.gas_levels)
        )
        object.__setattr__(self, "gas_levels", levels)
        seen: set[int] = set()
        for level, text in levels:
            require_range(level, "GAS level", -2, 2)
            if level in seen:
                raise ValidationError("A GAS level is described twice.")
            seen.add(level)
            require_max_len(text, "GAS level text", TEXT_MAX)
        object.__setattr__(self, "steps", tuple(self.steps))
        if len({s.id for s in self.steps}) != len(self.steps):
            raise ValidationError("Two steps share an id.")

    def gas_text(self, level: int) -> str:
        return dict(self.gas_levels).get(level, "")

    @property
    def steps_done(self) -> int:
        return sum(1 for s in self.steps if s.done)


@dataclass(frozen=True)
class GoalProgress:
    """A rating of one goal on one day: a GAS level, a percentage, or both."""

    id: str
    goal_id: str
    on: date
    gas_level: int | None = None
    percent: int | None = None
    note: str = ""
    session_id: str | None = None

    def __post_init__(self) -> None:
        require_id(self.id, "Progress id")
        require_id(self.goal_id, "Goal id")
        require_date(self.on, "Progress date")
        if self.on is None:
            raise ValidationError("A progress entry needs a date.")
        require_range(self.gas_level, "GAS level", -2, 2)
        require_range(self.percent, "Percent", 0, 100)
        if self.gas_level is None and self.percent is None:
            raise ValidationError("A progress entry needs a GAS level or a percentage.")
        require_max_len(self.note, "Progress note", TEXT_MAX)
        require_optional_id(self.session_id, "Session id")


@dataclass(frozen=True)
class GoalOverview:
    """A goal with its latest progress entry, for list views."""

    goal: Goal
    latest: GoalProgress | None
    progress_count: int


def gas_t_score(ratings: Sequence[tuple[int, float]], *, rho: float = 0.3) -> float | None:
    """Kiresuk-Sherman T-score over ``(level, weight)`` pairs; ``None`` with no ratings.

    T = 50 + 10·Σwx / sqrt((1-ρ)Σw² + ρ(Σw)²). All goals at the expected level give 50.
    """
    if not ratings:
        return None
    for level, weight in ratings:
        require_range(level, "GAS level", -2, 2)
        if weight <= 0:
            raise ValidationError("GAS weights must be positive.")
    sum_wx = sum(w * x for x, w in ratings)
    sum_w2 = sum(w * w for _x, w in ratings)
    sum_w = sum(w for _x, w in ratings)
    return 50 + 10 * sum_wx / math.sqrt((1 - rho) * sum_w2 + rho * sum_w * sum_w)
