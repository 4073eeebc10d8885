"""Attendance: how an appointment ended, hours allocated to a mentee, and the timesheet's rows.

DSA-QAG supplier guidance for specialist mentoring asks for a session log per student with the
date, start and end time, location, the student's confirmation (never signed in advance),
cancellations and early ends with their reasons, and a termly summary of sessions and hours;
US state manuals for per-15-minute peer services ask for start and end times and minutes. This
module holds the rules: an ``Outcome`` that insists on the reason a cancellation, a DNA or an
early end needs; an ``HourAllocation`` per month, term or academic year; the timesheet's rows
(one per session or appointment) and its summary per period. No I/O: the journal gathers the
appointments and notes, this module decides what they add up to.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from mentorjournal.domain.appointments import (
    CANCELLATIONS,
    REASON_MAX,
    Appointment,
    AppointmentStatus,
)
from mentorjournal.domain.notes import SessionMode, SessionNote
from mentorjournal.domain.service_profile import billing_units
from mentorjournal.domain.validation import require_enum, require_id, require_max_len
from mentorjournal.errors import ValidationError

#: The smallest and largest allocation, in minutes (a quarter hour; 2,000 hours).
ALLOCATION_MIN = 15
ALLOCATION_MAX = 120_000


@dataclass(frozen=True)
class Outcome:
    """What became of an appointment, as the mentor records it.

    A cancellation (by the mentee, the mentor or the service) and an early end need a reason;
    an early end also needs the minutes actually held (fewer than planned) and whether the early
    end was agreed with the mentee. A DNA may carry what is known ("no reply to texts").
    ``planned`` undoes an outcome recorded by mistake.
    """

    status: AppointmentStatus
    reason: str = ""
    held_minutes: int | None = None
    agreed: bool | None = None

    def __post_init__(self) -> None:
        require_enum(self.status, AppointmentStatus, "Outcome")
        object.__setattr__(self, "reason", " ".join(self.reason.split()))
        require_max_len(self.reason, "The reason", REASON_MAX)
        needs_reason = self.status in CANCELLATIONS or self.status is AppointmentStatus.ENDED_EARLY
        if needs_reason and not self.reason:
            raise ValidationError(f"{self.status.label}: say why (the reason is required).")
        if self.status is AppointmentStatus.ENDED_EARLY:
            if self.held_minutes is None:
                raise ValidationError("Ended early: say how many minutes the session lasted.")
            if self.agreed is None:
                raise ValidationError("Ended early: say whether the early end was agreed.")
        elif self.held_minutes is not None or self.agreed is not None:
            raise ValidationError(
                "Minutes held and agreement belong to a session that ended early."
            )
        if self.status in (AppointmentStatus.ATTENDED, AppointmentStatus.PLANNED) and self.reason:
            raise ValidationError(f"{self.status.label} takes no reason.")

    def apply(self, appointment: Appointment) -> Appointment:
        """The appointment with this outcome (validated again against its planned length)."""
        return replace(
            appointment,
            status=self.status,
            reason=self.reason,
            held_minutes=self.held_minutes,
            early_end_agreed=self.agreed,
        )


def outcome_text(status: AppointmentStatus, reason: str, agreed: bool | None) -> str:
    """How an outcome reads on a timesheet: "Ended early (agreed): felt unwell"."""
    label = "Outcome not recorded" if status is AppointmentStatus.PLANNED else status.label
    if status is AppointmentStatus.ENDED_EARLY and agreed is not None:
        label += " (agreed)" if agreed else " (not agreed)"
    return f"{label}: {reason}" if reason else label


class AllocationPeriod(StrEnum):
    """What an allocation of hours is for: a calendar month, a term, or an academic year.

    Terms follow the UK academic year: autumn 1 September to 31 December, spring 1 January to
    31 March, summer 1 April to 31 August; the academic year runs 1 September to 31 August.
    """

    MONTH = "month"
    TERM = "term"
    YEAR = "year"

    @property
    def label(self) -> str:
        return {"month": "a month", "term": "a term", "year": "an academic year"}[self.value]


@dataclass(frozen=True)
class HourAllocation:
    """Hours allocated to one mentee per period (a DSA award, a commissioned package)."""

    mentee_id: str
    minutes: int
    per: AllocationPeriod

    def __post_init__(self) -> None:
        require_id(self.mentee_id, "Mentee id")
        require_enum(self.per, AllocationPeriod, "Allocation period")
        if isinstance(self.minutes, bool) or not isinstance(self.minutes, int):
            raise ValidationError("The allocation must be a number of hours.")
        if not ALLOCATION_MIN <= self.minutes <= ALLOCATION_MAX:
            raise ValidationError("The allocation must be from 0.25 to 2000 hours.")

    @property
    def hours(self) -> float:
        return self.minutes / 60

    @classmethod
    def of_hours(cls, mentee_id: str, hours: float | str, per: AllocationPeriod) -> HourAllocation:
        """From hours as typed ("7.5"), to the nearest minute."""
        try:
            value = float(hours)
        except (TypeError, ValueError) as exc:
            raise ValidationError("The allocation must be a number of hours, e.g. 7.5.") from exc
        if not math.isfinite(value):
            raise ValidationError("The allocation must be a number of hours, e.g. 7.5.")
        return cls(mentee_id, round(value * 60), per)

    @property
    def text(self) -> str:
        return f"{format_hours(self.minutes)} h per {self.per.value}"


def format_hours(minutes: int) -> str:
    """Minutes as hours with at most two decimals: 90 -> "1.5", 50 -> "0.83"."""
    return f"{round(minutes / 60, 2):g}"


@dataclass(frozen=True)
class Period:
    """One stretch of the summary: a month, a term or an academic year (days inclusive)."""

    label: str
    first: date
    last: date
    #: False when the timesheet's dates cut the period short (hours cover only part of it).
    whole: bool = True


def _term_of(day: date) -> tuple[str, date, date]:
    if day.month >= 9:
        return f"Autumn term {day.year}", date(day.year, 9, 1), date(day.year, 12, 31)
    if day.month <= 3:
        return f"Spring term {day.year}", date(day.year, 1, 1), date(day.year, 3, 31)
    return f"Summer term {day.year}", date(day.year, 4, 1), date(day.year, 8, 31)


def _year_of(day: date) -> tuple[str, date, date]:
    start = day.year if day.month >= 9 else day.year - 1
    return (
        f"Academic year {start}-{(start + 1) % 100:02d}",
        date(start, 9, 1),
        date(start + 1, 8, 31),
    )


def _month_of(day: date) -> tuple[str, date, date]:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return f"{day:%B %Y}", date(day.year, day.month, 1), following - timedelta(days=1)


def periods_between(
    first: date, last: date, per: AllocationPeriod, *, clip: bool = True
) -> list[Period]:
    """The months, terms or academic years that ``first``..``last`` touches.

    With ``clip`` each is cut to ``first``..``last`` (and marked not whole when cut); without,
    each is whole, so hours can be counted against a whole term's allocation.
    """
    if last < first:
        raise ValidationError("The last day cannot be before the first.")
    span = {AllocationPeriod.MONTH: _month_of, AllocationPeriod.TERM: _term_of,
            AllocationPeriod.YEAR: _year_of}[per]  # fmt: skip
    found: list[Period] = []
    day = first
    while day <= last:
        label, start, end = span(day)
        if clip:
            found.append(Period(label, max(start, first), min(end, last),
                                start >= first and end <= last))  # fmt: skip
        else:
            found.append(Period(label, start, end))
        day = end + timedelta(days=1)
    return found


@dataclass(frozen=True)
class TimesheetRow:
    """One session or appointment on the timesheet, in the mentor's local time."""

    start: datetime
    end: datetime
    minutes: int
    place: str
    method: SessionMode
    status: AppointmentStatus
    reason: str = ""
    early_end_agreed: bool | None = None
    appointment_id: str | None = None
    note_id: str | None = None

    @property
    def day(self) -> date:
        return self.start.date()

    @property
    def held(self) -> bool:
        return self.status.was_held

    @property
    def outcome(self) -> str:
        return outcome_text(self.status, self.reason, self.early_end_agreed)


def _note_end(note: SessionNote) -> datetime:
    if note.header is not None and note.header.ended_at is not None:
        return note.header.ended_at
    return note.started_at + timedelta(minutes=note.duration_minutes)


def _place(note: SessionNote) -> str:
    return note.header.place if note.header is not None else ""


def _minutes(start: datetime, end: datetime) -> int:
    return max(0, round((end - start).total_seconds() / 60))


def timesheet_rows(
    appointments: Iterable[Appointment],
    notes: Sequence[SessionNote],
    *,
    now: datetime,
    zone: tzinfo | None = None,
) -> list[TimesheetRow]:
    """One row per appointment with an outcome (or past and still without one), and one per
    session note no appointment points to; oldest first.

    A note written from an appointment gives that row its times and place (the session header
    is the record of what happened). An appointment that ended early counts the minutes it
    recorded as held; a cancellation or a DNA counts none. A planned appointment still in the
    future is not on a timesheet; a past one without an outcome is, so the gap shows.
    """
    by_note = {note.id: note for note in notes}
    rows: list[TimesheetRow] = []
    linked: set[str] = set()
    for a in appointments:
        if a.status is AppointmentStatus.PLANNED and a.at >= now:
            continue
        note = by_note.get(a.note_id) if a.note_id else None
        if a.note_id:
            linked.add(a.note_id)
        if note is not None:
            start, end, place, method = note.started_at, _note_end(note), _place(note), note.mode
        else:
            start, end, place, method = a.at, a.ends_at, "", a.mode
        if a.status is AppointmentStatus.ENDED_EARLY and a.held_minutes is not None:
            end = start + timedelta(minutes=a.held_minutes)
        minutes = _minutes(start, end) if a.status.was_held else 0
        rows.append(
            TimesheetRow(start.astimezone(zone), end.astimezone(zone), minutes, place, method,
                         a.status, a.reason, a.early_end_agreed, a.id, a.note_id)
        )  # fmt: skip
    for note in notes:
        if note.id in linked:
            continue
        start, end = note.started_at, _note_end(note)
        rows.append(
            TimesheetRow(start.astimezone(zone), end.astimezone(zone), _minutes(start, end),
                         _place(note), note.mode,
                         AppointmentStatus.ATTENDED, note_id=note.id)
        )  # fmt: skip
    rows.sort(key=lambda r: (r.start, r.appointment_id or "", r.note_id or ""))
    return rows


@dataclass(frozen=True)
class PeriodSummary:
    """Sessions held, hours, DNAs and cancellations by whom in one period, against the allocation."""

    period: Period
    sessions_held: int
    minutes_held: int
    ended_early: int
    did_not_attend: int
    cancelled_by_mentee: int
    cancelled_by_mentor: int
    cancelled_by_service: int
    not_recorded: int
    allocated_minutes: int | None = None

    @property
    def cancellations(self) -> int:
        return self.cancelled_by_mentee + self.cancelled_by_mentor + self.cancelled_by_service

    @property
    def remaining_minutes(self) -> int | None:
        """Allocated minutes left (negative when over); None without an allocation."""
        if self.allocated_minutes is None:
            return None
        return self.allocated_minutes - self.minutes_held


def summarise(
    rows: Sequence[TimesheetRow], period: Period, allocated_minutes: int | None = None
) -> PeriodSummary:
    """Count the rows that fall on ``period``'s days."""
    inside = [r for r in rows if period.first <= r.day <= period.last]

    def count(status: AppointmentStatus) -> int:
        return sum(1 for r in inside if r.status is status)

    return PeriodSummary(
        period=period,
        sessions_held=sum(1 for r in inside if r.held),
        minutes_held=sum(r.minutes for r in inside if r.held),
        ended_early=count(AppointmentStatus.ENDED_EARLY),
        did_not_attend=count(AppointmentStatus.DID_NOT_ATTEND),
        cancelled_by_mentee=count(AppointmentStatus.CANCELLED_BY_MENTEE),
        cancelled_by_mentor=count(AppointmentStatus.CANCELLED_BY_MENTOR),
        cancelled_by_service=count(AppointmentStatus.CANCELLED_BY_SERVICE),
        not_recorded=count(AppointmentStatus.PLANNED),
        allocated_minutes=allocated_minutes,
    )


@dataclass(frozen=True)
class Timesheet:
    """Everything the printed session log holds for one mentee and one period."""

    mentee_id: str
    mentee_code: str
    mentee_name: str
    first: date
    last: date
    rows: tuple[TimesheetRow, ...]
    summaries: tuple[PeriodSummary, ...]
    total: PeriodSummary
    per: AllocationPeriod = AllocationPeriod.MONTH
    allocation: HourAllocation | None = None
    signer_line: str = ""
    service: str = ""
    #: The service's billing unit (15 for H0038), 0 when it does not bill in units.
    unit_minutes: int = 0

    def units(self, row: TimesheetRow) -> int:
        """Billing units of one session held (midpoint rule); 0 without a unit."""
        return billing_units(row.minutes, self.unit_minutes) if row.held else 0

    @property
    def total_units(self) -> int:
        """Units are billed per session, so the total is the sum of each session's units."""
        return sum(self.units(r) for r in self.rows)


def build_timesheet(
    *,
    mentee_id: str,
    mentee_code: str,
    mentee_name: str,
    first: date,
    last: date,
    rows: Sequence[TimesheetRow],
    allocation: HourAllocation | None,
    summary_rows: Sequence[TimesheetRow] | None = None,
    summary_per: AllocationPeriod | None = None,
    signer_line: str = "",
    service: str = "",
    unit_minutes: int = 0,
) -> Timesheet:
    """The timesheet with a summary per month, term or year (the allocation's, else months).

    The summary counts whole periods, so a term's hours stand against the term's allocation
    even when the timesheet covers only part of it: ``summary_rows`` are the rows of those whole
    periods (``summary_span`` says which days to gather). Without them the periods are
    cut to the timesheet's dates. A period carries the allocation only when the allocation is
    per that kind of period.
    """
    per = summary_per or (allocation.per if allocation else AllocationPeriod.MONTH)
    periods = periods_between(first, last, per, clip=summary_rows is None)
    allocated = allocation.minutes if allocation is not None and allocation.per is per else None
    counted = rows if summary_rows is None else summary_rows
    summaries = tuple(summarise(counted, p, allocated) for p in periods)
    total = summarise(rows, Period("These dates", first, last))
    return Timesheet(
        mentee_id, mentee_code, mentee_name, first, last, tuple(rows), summaries, total, per,
        allocation, signer_line, service, unit_minutes,
    )  # fmt: skip


def summary_span(first: date, last: date, per: AllocationPeriod) -> tuple[date, date]:
    """The days of the whole periods ``first``..``last`` touches (what the summary counts)."""
    periods = periods_between(first, last, per, clip=False)
    return periods[0].first, periods[-1].last
