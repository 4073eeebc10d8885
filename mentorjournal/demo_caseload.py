"""Demo records for the caseload: appointments, outcome measures, scales and review dates.

Kept apart from ``demo.py`` so the note generator's sequence (and the golden vaults built from
it) stays as it was. Deterministic for a seed and a day, like the rest of the demo: past
appointments follow the demo's own notes (most attended, some missed or cancelled), most
active mentees have one or two appointments ahead, PHQ-9 and GAD-7 are taken every four weeks
and ease over time, and review dates fall around today so every caseload column has something.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from mentorjournal.clock import UTC_ZONE, LocalZone
from mentorjournal.domain import (
    Consent,
    Goal,
    GoalProgress,
    GoalStatus,
    MenteeStatus,
    SessionMode,
    SessionNote,
    sign_note,
)
from mentorjournal.domain.appointments import Appointment, AppointmentStatus
from mentorjournal.domain.measures import (
    MAX_ANSWER,
    PHQ9_RISK_ITEM,
    Instrument,
    MeasureResult,
    RiskFollowUp,
    RiskSource,
    ScaleRating,
    TrackedScale,
)
from mentorjournal.domain.settings import RecordSettings, prepare_for_signing
from mentorjournal.storage import appointments as appointment_repo
from mentorjournal.storage import measures as measure_repo
from mentorjournal.storage.bulk import RecordSet
from mentorjournal.storage.connection import Connection

#: Why the demo's old drafts, signed in a batch, were late (the journal asks for a reason).
LATE_SIGNING_REASON = "Caught up on write-ups after a week off; written from my session jottings."

RECENT_DAYS = 120
OLD_DRAFT_DAYS = 2
MEASURE_EVERY_DAYS = 28
SCALE_NAMES = ("Sleep", "Confidence", "Getting out of the house", "Calm")
RISK_REASON = "PHQ-9 item 9 answered above 0: talk it through and review the coping plan."


@dataclass(frozen=True)
class CaseloadRecords:
    appointments: tuple[Appointment, ...] = ()
    measures: tuple[MeasureResult, ...] = ()
    followups: tuple[RiskFollowUp, ...] = ()
    scales: tuple[TrackedScale, ...] = ()
    ratings: tuple[tuple[ScaleRating, str], ...] = ()

    def counts(self) -> dict[str, int]:
        return {
            "appointments": len(self.appointments),
            "measures": len(self.measures),
            "risk_followups": len(self.followups),
            "scales": len(self.scales),
            "scale_ratings": len(self.ratings),
        }


class _Rng:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))


def with_review_dates(
    data: RecordSet,
    *,
    seed: int,
    today: date,
    settings: RecordSettings | None = None,
    zone: LocalZone = UTC_ZONE,
) -> RecordSet:
    """The same records with review dates around ``today`` and recent GAS ratings.

    Goal target dates and consent reviews are spread around today; most mentees' latest coping
    plan version is recent (the rest are due for review); every active goal of an active mentee
    that has no rating in the last six weeks gets a few, so the GAS T-score has something to say.
    Most drafts older than three days are signed, as a working mentor's would be, so the few
    left stand out; with ``settings`` they are signed as the journal would sign them (signer
    stamped, a late-entry reason when past their due time).
    """
    r = random.Random(seed ^ 0x5EED)
    goals: list[Goal] = [
        replace(g, time_bound=today + timedelta(days=r.randint(-14, 150)))
        if g.status is GoalStatus.ACTIVE
        else g
        for g in data.goals
    ]
    consents: list[Consent] = [
        replace(c, review_on=max(c.given_on, today + timedelta(days=r.randint(-10, 200))))
        for c in data.consents
    ]
    latest: dict[str, int] = {}
    for index, version in enumerate(data.plan_versions):
        latest[version.mentee_id] = index
    plans = list(data.plan_versions)
    for index in latest.values():
        if r.random() < 0.85:
            recent = _at(today - timedelta(days=r.randint(5, 80)), 14)
            plans[index] = replace(plans[index], saved_at=max(plans[index].saved_at, recent))
    old = _at(today - timedelta(days=OLD_DRAFT_DAYS), 0)

    def signed(note: SessionNote, at: datetime) -> SessionNote:
        if settings is not None:
            note = prepare_for_signing(note, settings, at, zone, LATE_SIGNING_REASON)
        return sign_note(note, at)

    notes = tuple(
        signed(n, n.started_at + timedelta(hours=r.randint(2, 30)))
        if not n.is_signed and n.started_at < old and r.random() < 0.97
        else n
        for n in data.notes
    )
    return replace(
        data,
        notes=notes,
        goals=tuple(goals),
        consents=tuple(consents),
        plan_versions=tuple(plans),
        progress=data.progress + _recent_ratings(r, data, goals, today),
    )


def _recent_ratings(
    r: random.Random, data: RecordSet, goals: Sequence[Goal], today: date
) -> tuple[GoalProgress, ...]:
    active = {m.id for m in data.mentees if m.status is MenteeStatus.ACTIVE}
    cutoff = today - timedelta(days=42)
    rated = {p.goal_id for p in data.progress if p.on >= cutoff and p.gas_level is not None}
    found: list[GoalProgress] = []
    for goal in goals:
        if goal.mentee_id not in active or goal.status is not GoalStatus.ACTIVE:
            continue
        if goal.id in rated:
            continue
        level = r.choice((-2, -1, -1, 0))
        for weeks_ago in (12, 8, 4):
            level = max(-2, min(2, level + r.choice((0, 0, 1))))
            found.append(
                GoalProgress(
                    str(uuid.UUID(int=r.getrandbits(128), version=4)),
                    goal.id,
                    today - timedelta(days=7 * weeks_ago + r.randint(0, 3)),
                    gas_level=level,
                    note="Rated together at the session.",
                )
            )
    return tuple(found)


def _answers(r: random.Random, instrument: Instrument, total: int, risk: bool) -> tuple[int, ...]:
    """Answers summing to ``total`` (item 9 above 0 only when ``risk``)."""
    count = len(instrument.items)
    answers = [0] * count
    free = [i for i in range(count) if instrument is not Instrument.PHQ9 or i != PHQ9_RISK_ITEM]
    if risk:
        answers[PHQ9_RISK_ITEM] = 1
    total = min(total, MAX_ANSWER * len(free) + int(risk))
    while sum(answers) < total:
        i = r.choice(free)
        if answers[i] < MAX_ANSWER:
            answers[i] += 1
    return tuple(answers)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def _appointments(
    g: _Rng, mentee_id: str, notes: Sequence[SessionNote], today: date, future: bool
) -> list[Appointment]:
    r = g.rng
    found: list[Appointment] = []
    for note in notes:
        found.append(
            Appointment(g.uid(), mentee_id, note.started_at, max(5, note.duration_minutes),
                        note.mode, AppointmentStatus.ATTENDED, note_id=note.id)
        )  # fmt: skip
        if r.random() < 0.15:  # a missed or cancelled one a few days before
            missed = note.started_at - timedelta(days=r.randint(3, 6))
            status = r.choice(
                (
                    AppointmentStatus.DID_NOT_ATTEND,
                    AppointmentStatus.DID_NOT_ATTEND,
                    AppointmentStatus.CANCELLED_BY_MENTEE,
                    AppointmentStatus.CANCELLED_BY_MENTOR,
                )
            )
            found.append(Appointment(g.uid(), mentee_id, missed, 60, note.mode, status))
    if future:
        for n in range(r.randint(1, 2)):
            day = today + timedelta(days=r.randint(0, 6) + 7 * n)
            found.append(
                Appointment(g.uid(), mentee_id, _at(day, r.randint(9, 16)),
                            r.choice((45, 50, 60)), r.choice(list(SessionMode)))
            )  # fmt: skip
    return found


def _measures(
    g: _Rng, mentee_id: str, start: date, today: date, risk_now: bool
) -> tuple[list[MeasureResult], list[RiskFollowUp]]:
    r = g.rng
    results: list[MeasureResult] = []
    followups: list[RiskFollowUp] = []
    phq, gad = r.randint(12, 20), r.randint(10, 17)
    day = max(start, today - timedelta(days=RECENT_DAYS + r.randint(0, 60)))
    while day <= today - timedelta(days=3):
        last = day + timedelta(days=MEASURE_EVERY_DAYS) > today - timedelta(days=3)
        risk = risk_now and last
        phq_result = MeasureResult(
            g.uid(), mentee_id, Instrument.PHQ9, day, _answers(r, Instrument.PHQ9, phq, risk)
        )
        results.append(phq_result)
        results.append(
            MeasureResult(g.uid(), mentee_id, Instrument.GAD7, day,
                          _answers(r, Instrument.GAD7, gad, False))
        )  # fmt: skip
        if risk:
            followups.append(
                RiskFollowUp(g.uid(), mentee_id, _at(day, 18), RISK_REASON,
                             RiskSource.MEASURE, phq_result.id)
            )  # fmt: skip
        phq = max(0, min(27, phq + r.randint(-4, 2)))
        gad = max(0, min(21, gad + r.randint(-4, 2)))
        day += timedelta(days=MEASURE_EVERY_DAYS)
    return results, followups


def generate_caseload(data: RecordSet, *, seed: int, today: date) -> CaseloadRecords:
    """Caseload records that fit ``data`` (its mentees and notes), identical for one seed."""
    g = _Rng(seed ^ 0xCA5E)
    since = _at(today - timedelta(days=RECENT_DAYS), 0)
    notes_by_mentee: dict[str, list[SessionNote]] = {}
    for note in data.notes:
        if since <= note.started_at <= _at(today, 0):
            notes_by_mentee.setdefault(note.mentee_id, []).append(note)
    appointments: list[Appointment] = []
    measures: list[MeasureResult] = []
    followups: list[RiskFollowUp] = []
    scales: list[TrackedScale] = []
    ratings: list[tuple[ScaleRating, str]] = []
    active = [m for m in data.mentees if m.status is MenteeStatus.ACTIVE]
    for i, mentee in enumerate(active):
        appointments += _appointments(
            g, mentee.id, notes_by_mentee.get(mentee.id, []), today, future=i % 6 != 5
        )
        start = mentee.started_on or today - timedelta(days=RECENT_DAYS)
        found, opened = _measures(g, mentee.id, start, today, risk_now=i % 5 == 1)
        measures += found
        followups += opened
        scale = TrackedScale(g.uid(), mentee.id, SCALE_NAMES[i % len(SCALE_NAMES)],
                             "Not at all", "Completely")  # fmt: skip
        scales.append(scale)
        value = g.rng.randint(2, 5)
        for week in range(8, 0, -1):
            value = max(0, min(10, value + g.rng.randint(-1, 2)))
            rating = ScaleRating(g.uid(), scale.id, today - timedelta(days=7 * week), value)
            ratings.append((rating, mentee.id))
    return CaseloadRecords(
        tuple(appointments), tuple(measures), tuple(followups), tuple(scales), tuple(ratings)
    )


def insert_caseload(conn: Connection, records: CaseloadRecords, *, now: datetime) -> None:
    """Write the records in the caller's transaction (after the mentees and notes)."""
    appointment_repo.insert_many(conn, records.appointments, now)
    measure_repo.insert_measures(conn, records.measures, now)
    measure_repo.insert_followups(conn, records.followups)
    for scale in records.scales:
        measure_repo.save_scale(conn, scale, now)
    measure_repo.insert_ratings(conn, records.ratings, now)
