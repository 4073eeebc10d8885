"""Demo attendance: reasons for the demo's cancellations and DNAs, early ends, hour allocations.

Applied to the caseload demo after it is generated (``demo_caseload.py`` stays as it was, so
the golden vaults built from it do too). Deterministic for a seed: most cancellations and
DNAs get a plausible reason, some cancellations become the service's, about one attended
session in eight ended early (agreed or not), and every active mentee's timesheet shows each
early end because each active mentee's first attended session ended early. Most active mentees
have an allocation of hours per term or per month, as a DSA award or a commissioned package
would set.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from mentorjournal.demo_caseload import CaseloadRecords
from mentorjournal.domain.appointments import Appointment, AppointmentStatus
from mentorjournal.domain.attendance import AllocationPeriod, HourAllocation, Outcome
from mentorjournal.storage import allocations as allocation_repo
from mentorjournal.storage.connection import Connection

REASONS: dict[AppointmentStatus, tuple[str, ...]] = {
    AppointmentStatus.CANCELLED_BY_MENTEE: (
        "Exam moved to the same morning",
        "Felt unwell; texted the day before",
        "Family commitment",
        "Placement shift changed",
    ),
    AppointmentStatus.CANCELLED_BY_MENTOR: (
        "Mentor unwell",
        "Mentor on a training day",
    ),
    AppointmentStatus.CANCELLED_BY_SERVICE: (
        "Room unavailable: building closed",
        "Service closure day",
    ),
    AppointmentStatus.DID_NOT_ATTEND: (
        "No reply to a text or a call",
        "Overslept; rebooked for next week",
        "",
    ),
    AppointmentStatus.ENDED_EARLY: (
        "Mentee had a lecture to get to",
        "Mentee felt overwhelmed and asked to stop",
        "Fire alarm in the building",
    ),
}


def _outcome(r: random.Random, a: Appointment, status: AppointmentStatus) -> Appointment:
    reason = r.choice(REASONS[status])
    if status is AppointmentStatus.ENDED_EARLY:
        held = max(1, a.minutes - r.choice((10, 15, 20, 25)))
        if held >= a.minutes:
            return a
        return Outcome(status, reason or "Asked to stop", held, r.random() < 0.7).apply(a)
    return Outcome(status, reason).apply(a)


def with_outcomes(
    records: CaseloadRecords, active_mentee_ids: Sequence[str], *, seed: int, now: datetime
) -> tuple[CaseloadRecords, tuple[HourAllocation, ...]]:
    """The caseload with reasons and early ends, and the active mentees' allocations."""
    r = random.Random(seed ^ 0xA77E)
    ended_early: set[str] = set()
    changed: list[Appointment] = []
    for a in sorted(records.appointments, key=lambda x: (x.at, x.id)):
        if a.at >= now or a.status is AppointmentStatus.PLANNED:
            changed.append(a)
            continue
        status = a.status
        if status is AppointmentStatus.ATTENDED:
            first = a.mentee_id not in ended_early
            if first or r.random() < 0.12:
                status = AppointmentStatus.ENDED_EARLY
                ended_early.add(a.mentee_id)
        elif status is AppointmentStatus.CANCELLED_BY_MENTOR and r.random() < 0.4:
            status = AppointmentStatus.CANCELLED_BY_SERVICE
        changed.append(a if status is AppointmentStatus.ATTENDED else _outcome(r, a, status))
    allocations = tuple(
        HourAllocation(mentee_id, 12 * 60, AllocationPeriod.TERM)
        if i % 3 == 0
        else HourAllocation(mentee_id, 4 * 60, AllocationPeriod.MONTH)
        for i, mentee_id in enumerate(active_mentee_ids)
        if i % 3 != 2
    )
    return replace(records, appointments=tuple(changed)), allocations


def insert_allocations(
    conn: Connection, allocations: Sequence[HourAllocation], *, now: datetime
) -> None:
    """Write the allocations in the caller's transaction (after the mentees)."""
    for allocation in allocations:
        allocation_repo.put(conn, allocation, now)
