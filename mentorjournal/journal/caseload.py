"""The caseload: who needs the mentor this week, from a few set-based queries.

Days are the mentor's local days: ``zone`` None means the system's time zone (the app), a
``tzinfo`` pins it (tests on both sides of UTC).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta, tzinfo

from mentorjournal import domain as d
from mentorjournal.domain.appointments import AppointmentListing
from mentorjournal.domain.caseload import (
    CaseloadCutoffs,
    CaseloadEntry,
    LatestMeasure,
    local_midnight,
    local_today,
)
from mentorjournal.domain.measures import MeasurePoint, trend
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import appointments as appointment_repo
from mentorjournal.storage import caseload as caseload_repo
from mentorjournal.storage import measures as measure_repo


class Caseload(JournalBase):
    """The caseload home's reads."""

    def local_today(self, zone: tzinfo | None = None) -> date:
        return local_today(self._clock.now(), zone)

    def caseload(
        self, *, on: date | None = None, zone: tzinfo | None = None
    ) -> list[CaseloadEntry]:
        """One entry per active mentee, by code.

        ``on`` a day other than today looks at that day as of its local midnight (the CLI's
        ``--on``); today uses the current instant.
        """
        today = self.local_today(zone)
        day = on or today
        now = self._clock.now() if day == today else local_midnight(day, zone)
        cut = CaseloadCutoffs.for_day(day, now, zone)
        figures = caseload_repo.overview(self._db, cut)
        gas = caseload_repo.latest_gas_ratings(self._db)
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
            )
            for f in figures
        ]

    def week_appointments(
        self, *, on: date | None = None, zone: tzinfo | None = None
    ) -> list[AppointmentListing]:
        """Appointments from the start of ``on`` (default today) for seven local days."""
        day = on or self.local_today(zone)
        return appointment_repo.listings(
            self._db,
            start=local_midnight(day, zone),
            end=local_midnight(day + timedelta(days=7), zone),
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
