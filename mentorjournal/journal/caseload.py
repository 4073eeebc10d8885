"""The caseload: who needs the mentor this week, from a few set-based queries.

Days are the mentor's local days: ``zone`` None means the clock's zone (the one every other
"which day" question uses; the system's zone in the app), a ``tzinfo`` pins it (tests on both
sides of UTC).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta, tzinfo

from mentorjournal import domain as d
from mentorjournal.domain.appointments import AppointmentListing
from mentorjournal.domain.caseload import (
    CaseloadCutoffs,
    CaseloadEntry,
    GoalSession,
    LatestMeasure,
    gas_t_series,
    local_midnight,
    local_today,
)
from mentorjournal.domain.measures import MeasurePoint, trend
from mentorjournal.domain.self_review import (
    DEFAULT_CPD_TARGET_HOURS,
    DEFAULT_WEEKS,
    SelfCarePoint,
    SelfReview,
    monday_of,
    week_loads,
)
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import appointments as appointment_repo
from mentorjournal.storage import caseload as caseload_repo
from mentorjournal.storage import cpd as cpd_repo
from mentorjournal.storage import disclosures as disclosure_repo
from mentorjournal.storage import measures as measure_repo


class Caseload(JournalBase):
    """The caseload home's reads."""

    def _zone(self, zone: tzinfo | None) -> tzinfo | None:
        """The zone asked for, else the clock's, so the home and the timeline agree on days."""
        return zone if zone is not None else self._clock.zone.tz

    def local_today(self, zone: tzinfo | None = None) -> date:
        return local_today(self._clock.now(), self._zone(zone))

    def caseload(
        self, *, on: date | None = None, zone: tzinfo | None = None
    ) -> list[CaseloadEntry]:
        """One entry per active mentee, by code.

        ``on`` a day other than today looks at that day as of its local midnight (the CLI's
        ``--on``); today uses the current instant.
        """
        zone = self._zone(zone)
        today = self.local_today(zone)
        day = on or today
        now = self._clock.now() if day == today else local_midnight(day, zone)
        cut = CaseloadCutoffs.for_day(day, now, zone)
        figures = caseload_repo.overview(self._db, cut)
        gas = caseload_repo.latest_gas_ratings(self._db)
        untold = disclosure_repo.untold_since(self._db, cut.disclosed_since)
        points: dict[str, list[MeasurePoint]] = defaultdict(list)
        for point in measure_repo.latest_points(self._db):
            points[point.mentee_id].append(point)
        return [
            CaseloadEntry(
                mentee_id=f.mentee_id,
                mentee_code=f.code,
                status=f.status,
                last_session=None
                if f.last_session_at is None
                else f.last_session_at.astimezone(zone).date(),
                days_since_last_session=None
                if f.last_session_at is None
                else (day - f.last_session_at.astimezone(zone).date()).days,
                next_appointment=f.next_appointment,
                open_risk_followups=f.open_risk_followups,
                unsigned_drafts=f.unsigned_drafts,
                goals_review_due=f.goals_review_due,
                plan_review_due=f.plan_review_due,
                consent_reviews_due=f.consent_reviews_due,
                latest_measures=_latest(points.get(f.mentee_id, [])),
                gas_t_score=d.gas_t_score(gas.get(f.mentee_id, [])),
                disclosures_untold=untold.get(f.mentee_id, 0),
            )
            for f in figures
        ]

    def self_review(
        self,
        *,
        weeks: int = DEFAULT_WEEKS,
        zone: tzinfo | None = None,
        cpd_target_hours: float = DEFAULT_CPD_TARGET_HOURS,
    ) -> SelfReview:
        """'How I'm doing' over the last ``weeks`` local weeks (this week included)."""
        return _self_review(self, weeks, self._zone(zone), cpd_target_hours)

    def goal_sessions(self, goal_id: str) -> list[GoalSession]:
        """The sessions whose notes say they worked on this goal, oldest first."""
        goal = self.get_goal(goal_id)  # type: ignore[attr-defined]
        return [
            GoalSession(note_id, started, title, signed)
            for note_id, started, title, signed in caseload_repo.sessions_for_goal(
                self._db, goal.mentee_id, goal_id
            )
        ]

    def gas_t_history(self, mentee_id: str) -> tuple[tuple[date, float], ...]:
        """The mentee's GAS T-score after each rating day (the goal set over time)."""
        rows = caseload_repo.gas_ratings(self._db, mentee_id)
        return gas_t_series([(g, w, date.fromisoformat(on), level) for g, w, on, level in rows])

    def week_appointments(
        self, *, on: date | None = None, zone: tzinfo | None = None
    ) -> list[AppointmentListing]:
        """Appointments from the start of ``on`` (default today) for seven local days."""
        zone = self._zone(zone)
        day = on or self.local_today(zone)
        return appointment_repo.listings(
            self._db,
            start=local_midnight(day, zone),
            end=local_midnight(day + timedelta(days=7), zone),
        )


def _self_review(
    journal: Caseload, weeks: int, zone: tzinfo | None, cpd_target_hours: float
) -> SelfReview:
    today = journal.local_today(zone)
    first = monday_of(today) - timedelta(weeks=weeks - 1)
    start = local_midnight(first, zone)
    end = local_midnight(today + timedelta(days=1), zone)
    conn = journal._db
    opened, closed = measure_repo.followups_opened_closed(conn, first)
    checkins = tuple(
        SelfCarePoint(at.astimezone(zone).date(), energy, stress, boundaries)
        for at, energy, stress, boundaries in caseload_repo.self_care_checkins(conn, start)
    )
    year_total = next((t.hours for t in cpd_repo.yearly_totals(conn) if t.year == today.year), 0.0)
    return SelfReview(
        today=today,
        weeks=week_loads(caseload_repo.session_times(conn, start, end), today, weeks, zone),
        caseload_size=caseload_repo.active_mentee_count(conn),
        risk_opened=opened,
        risk_closed=closed,
        self_care=checkins,
        cpd_hours_this_year=float(year_total),
        cpd_target_hours=cpd_target_hours,
        supervision_waiting=len(journal.agenda_candidates()),  # type: ignore[attr-defined]
    )


def _latest(points: list[MeasurePoint]) -> tuple[LatestMeasure, ...]:
    """Per instrument, the latest total and its change from the one before."""
    by_instrument: dict[d.Instrument, list[MeasurePoint]] = defaultdict(list)
    for point in points:
        by_instrument[point.instrument].append(point)
    return tuple(
        LatestMeasure(
            instrument, series[-1].taken_on, series[-1].score, series[-1].band, trend(series)
        )
        for instrument, series in sorted(by_instrument.items())
    )
