"""'How I'm doing': the mentor's own picture of their practice over recent weeks.

Mentors carry other people's difficulties; supervision and professional bodies ask them to
notice their own load. This gathers what the journal already knows: sessions and hours per
week, the caseload size, risk follow-ups opened and closed, the mentor's own energy, stress and
boundaries check-ins, CPD hours against a yearly target, and supervision items waiting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

DEFAULT_WEEKS = 12
DEFAULT_CPD_TARGET_HOURS = 30.0


@dataclass(frozen=True)
class WeekLoad:
    """Sessions held in the local week starting ``week_of`` (a Monday), and their hours."""

    week_of: date
    sessions: int
    hours: float


@dataclass(frozen=True)
class SelfCarePoint:
    on: date
    energy: int | None
    stress: int | None
    boundaries: int | None


@dataclass(frozen=True)
class SelfReview:
    today: date
    weeks: tuple[WeekLoad, ...]
    caseload_size: int
    risk_opened: int
    risk_closed: int
    self_care: tuple[SelfCarePoint, ...]
    cpd_hours_this_year: float
    cpd_target_hours: float
    supervision_waiting: int

    @property
    def full_weeks(self) -> tuple[WeekLoad, ...]:
        """The weeks before this one: this week is still under way (on a Monday, nearly empty)."""
        return self.weeks[:-1]

    @property
    def average_sessions(self) -> float:
        """Sessions a week over the full weeks, so a quiet Monday does not pull it down."""
        weeks = self.full_weeks
        return sum(w.sessions for w in weeks) / len(weeks) if weeks else 0.0

    @property
    def cpd_share(self) -> float:
        """CPD hours this year as a share of the target (may pass 1.0)."""
        return self.cpd_hours_this_year / self.cpd_target_hours if self.cpd_target_hours else 0.0


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_loads(
    sessions: Iterable[tuple[datetime, int]], today: date, weeks: int, zone: tzinfo | None
) -> tuple[WeekLoad, ...]:
    """Bucket ``(start, minutes)`` pairs into the last ``weeks`` local weeks, oldest first."""
    first = monday_of(today) - timedelta(weeks=weeks - 1)
    counts = {first + timedelta(weeks=n): [0, 0] for n in range(weeks)}
    for started, minutes in sessions:
        week = monday_of(started.astimezone(zone).date())
        if week in counts:
            counts[week][0] += 1
            counts[week][1] += minutes
    return tuple(WeekLoad(w, c[0], round(c[1] / 60, 2)) for w, c in sorted(counts.items()))
