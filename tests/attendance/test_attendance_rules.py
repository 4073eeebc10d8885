"""Attendance rules: outcomes insist on their reasons, allocations, periods, timesheet rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from mentorjournal.domain import SessionMode, SessionNote
from mentorjournal.domain.appointments import Appointment, AppointmentStatus
from mentorjournal.domain.attendance import (
    AllocationPeriod,
    HourAllocation,
    Outcome,
    Period,
    build_timesheet,
    format_hours,
    periods_between,
    summarise,
    summary_span,
    timesheet_rows,
)
from mentorjournal.domain.session_header import SessionHeader
from mentorjournal.errors import ValidationError

MENTEE = "0b4c1a2e-1111-4c55-9d0e-3f8f2a5b7c11"
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)


def _appointment(n: int, at: datetime, **fields: object) -> Appointment:
    return Appointment(f"0b4c1a2e-0000-4c55-9d0e-3f8f2a5b7c{n:02d}", MENTEE, at, **fields)  # type: ignore[arg-type]


def _at(day: int, hour: int = 10, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "status",
    [
        AppointmentStatus.CANCELLED_BY_MENTEE,
        AppointmentStatus.CANCELLED_BY_MENTOR,
        AppointmentStatus.CANCELLED_BY_SERVICE,
        AppointmentStatus.ENDED_EARLY,
    ],
)
def test_a_cancellation_or_an_early_end_needs_a_reason(status: AppointmentStatus) -> None:
    extra = {"held_minutes": 30, "agreed": True} if status is AppointmentStatus.ENDED_EARLY else {}
    with pytest.raises(ValidationError, match="reason is required"):
        Outcome(status, "   ", **extra)  # type: ignore[arg-type]
    assert Outcome(status, "  Building  closed ", **extra).reason == "Building closed"  # type: ignore[arg-type]


def test_an_early_end_needs_the_minutes_held_and_whether_it_was_agreed() -> None:
    with pytest.raises(ValidationError, match="how many minutes"):
        Outcome(AppointmentStatus.ENDED_EARLY, "Lecture", agreed=True)
    with pytest.raises(ValidationError, match="agreed"):
        Outcome(AppointmentStatus.ENDED_EARLY, "Lecture", held_minutes=20)
    with pytest.raises(ValidationError, match="ended early"):
        Outcome(AppointmentStatus.DID_NOT_ATTEND, held_minutes=20)
    with pytest.raises(ValidationError, match="takes no reason"):
        Outcome(AppointmentStatus.ATTENDED, "because")


def test_an_early_end_holds_fewer_minutes_than_planned() -> None:
    planned = _appointment(1, _at(2), minutes=60)
    outcome = Outcome(AppointmentStatus.ENDED_EARLY, "Lecture", 60, False)
    with pytest.raises(ValidationError, match="Minutes held"):
        outcome.apply(planned)
    ended = Outcome(AppointmentStatus.ENDED_EARLY, "Lecture", 35, False).apply(planned)
    assert (ended.minutes_held, ended.early_end_agreed) == (35, False)
    back = Outcome(AppointmentStatus.PLANNED).apply(ended)
    assert (back.held_minutes, back.early_end_agreed, back.reason) == (None, None, "")


def test_a_dna_may_say_what_is_known_and_counts_no_minutes() -> None:
    missed = Outcome(AppointmentStatus.DID_NOT_ATTEND, "No reply").apply(_appointment(1, _at(2)))
    assert (missed.reason, missed.minutes_held) == ("No reply", 0)


def test_an_allocation_is_typed_in_hours_and_kept_in_minutes() -> None:
    allocation = HourAllocation.of_hours(MENTEE, "7.5", AllocationPeriod.TERM)
    assert (allocation.minutes, allocation.text) == (450, "7.5 h per term")
    for bad in ("lots", "nan", "inf", "0", "-3", "2001"):
        with pytest.raises(ValidationError):
            HourAllocation.of_hours(MENTEE, bad, AllocationPeriod.MONTH)
    assert format_hours(50) == "0.83"


def test_terms_and_academic_years_follow_the_uk_calendar() -> None:
    terms = periods_between(date(2026, 3, 15), date(2026, 9, 10), AllocationPeriod.TERM)
    assert [(p.label, p.first, p.last, p.whole) for p in terms] == [
        ("Spring term 2026", date(2026, 3, 15), date(2026, 3, 31), False),
        ("Summer term 2026", date(2026, 4, 1), date(2026, 8, 31), True),
        ("Autumn term 2026", date(2026, 9, 1), date(2026, 9, 10), False),
    ]
    assert summary_span(date(2026, 3, 15), date(2026, 9, 10), AllocationPeriod.YEAR) == (
        date(2025, 9, 1),
        date(2027, 8, 31),
    )
    months = periods_between(date(2026, 12, 30), date(2027, 1, 2), AllocationPeriod.MONTH)
    assert [p.label for p in months] == ["December 2026", "January 2027"]
    with pytest.raises(ValidationError):
        periods_between(date(2026, 2, 1), date(2026, 1, 1), AllocationPeriod.MONTH)


def _note(n: int, at: datetime, minutes: int = 60, place: str = "") -> SessionNote:
    header = SessionHeader(ended_at=at + timedelta(minutes=minutes), place=place)
    return SessionNote(
        id=f"0b4c1a2e-2222-4c55-9d0e-3f8f2a5b7c{n:02d}", mentee_id=MENTEE, started_at=at,
        duration_minutes=minutes, mode=SessionMode.VIDEO, header=header,
    )  # fmt: skip


def test_rows_take_times_and_place_from_the_note_and_count_only_sessions_held() -> None:
    linked = _note(1, _at(2, 10), 50, "Library")
    loose = _note(2, _at(9, 14), 40, "Café")
    early = _note(3, _at(16, 10), 60, "Library")
    appointments = [
        _appointment(1, _at(2, 10), note_id=linked.id, status=AppointmentStatus.ATTENDED),
        _appointment(2, _at(4), status=AppointmentStatus.DID_NOT_ATTEND, reason="No reply"),
        _appointment(3, _at(5), status=AppointmentStatus.CANCELLED_BY_SERVICE, reason="Closed"),
        Outcome(AppointmentStatus.ENDED_EARLY, "Lecture", 25, True).apply(
            _appointment(4, _at(16, 10), note_id=early.id)
        ),
        _appointment(5, _at(18)),  # past, no outcome: shown so the gap is seen
        _appointment(6, _at(30)),  # still ahead: not on a timesheet
    ]
    rows = timesheet_rows(appointments, [linked, loose, early], now=NOW, zone=UTC)
    assert [(r.day.day, r.minutes, r.place, r.status) for r in rows] == [
        (2, 50, "Library", AppointmentStatus.ATTENDED),
        (4, 0, "", AppointmentStatus.DID_NOT_ATTEND),
        (5, 0, "", AppointmentStatus.CANCELLED_BY_SERVICE),
        (9, 40, "Café", AppointmentStatus.ATTENDED),
        (16, 25, "Library", AppointmentStatus.ENDED_EARLY),
        (18, 0, "", AppointmentStatus.PLANNED),
    ]
    assert rows[4].outcome == "Ended early (agreed): Lecture"
    assert rows[4].end - rows[4].start == timedelta(minutes=25)
    assert rows[5].outcome == "Outcome not recorded"
    summary = summarise(rows, Period("March", date(2026, 3, 1), date(2026, 3, 31)), 600)
    assert (summary.sessions_held, summary.minutes_held, summary.ended_early) == (3, 115, 1)
    assert (summary.did_not_attend, summary.cancelled_by_service, summary.cancellations) == (
        1,
        1,
        1,
    )
    assert (summary.not_recorded, summary.remaining_minutes) == (1, 485)


def test_a_local_day_decides_which_row_a_late_evening_session_is_on() -> None:
    from zoneinfo import ZoneInfo

    sydney = ZoneInfo("Australia/Sydney")
    note = _note(1, datetime(2026, 3, 1, 22, 30, tzinfo=UTC))  # 09:30 on 2 March in Sydney
    rows = timesheet_rows([], [note], now=NOW, zone=sydney)
    assert rows[0].day == date(2026, 3, 2)
    assert f"{rows[0].start:%H:%M}" == "09:30"


def test_the_summary_counts_whole_terms_against_a_term_allocation() -> None:
    notes = [_note(1, _at(10, month=1)), _note(2, _at(10, month=3)), _note(3, _at(10, month=4))]
    every = timesheet_rows([], notes, now=NOW, zone=UTC)
    shown = [r for r in every if date(2026, 3, 1) <= r.day <= date(2026, 3, 31)]
    allocation = HourAllocation(MENTEE, 600, AllocationPeriod.TERM)
    sheet = build_timesheet(
        mentee_id=MENTEE, mentee_code="M-001", mentee_name="", first=date(2026, 3, 1),
        last=date(2026, 3, 31), rows=shown, allocation=allocation, summary_rows=every,
    )  # fmt: skip
    assert len(sheet.rows) == 1 and sheet.total.minutes_held == 60
    (spring,) = sheet.summaries
    assert (spring.period.label, spring.minutes_held, spring.remaining_minutes) == (
        "Spring term 2026",
        120,
        480,
    )
    monthly = build_timesheet(
        mentee_id=MENTEE, mentee_code="M-001", mentee_name="", first=date(2026, 3, 1),
        last=date(2026, 3, 31), rows=shown, allocation=allocation,
        summary_per=AllocationPeriod.MONTH,
    )  # fmt: skip
    assert monthly.summaries[0].allocated_minutes is None  # a term's hours are not a month's
