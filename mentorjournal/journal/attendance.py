"""Attendance: record how an appointment ended, allocate hours, gather a mentee's timesheet."""

from __future__ import annotations

from datetime import date

from mentorjournal.changes import Changed, Changes
from mentorjournal.domain.appointments import Appointment
from mentorjournal.domain.attendance import (
    AllocationPeriod,
    HourAllocation,
    Outcome,
    Timesheet,
    TimesheetRow,
    build_timesheet,
    summary_span,
    timesheet_rows,
)
from mentorjournal.domain.mentee import Mentee
from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.errors import RecordNotFound, UsageError
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import allocations as allocation_repo
from mentorjournal.storage import appointments as appointment_repo
from mentorjournal.storage import mentees as mentee_repo
from mentorjournal.storage import session_headers as header_repo
from mentorjournal.storage import sessions as session_repo

KIND_APPOINTMENT = "appointment"
KIND_ALLOCATION = "allocation"
ATTENDANCE_CHANGES = Changes(appointments=True)
NO_PROFILE = ServiceProfileKind.NONE
#: The longest timesheet: a few academic years is plenty, and bounds the work.
MAX_TIMESHEET_DAYS = 3 * 366


def mentee_name(mentee: Mentee) -> str:
    """The name a timesheet is made out to (the mentee signs it): legal, else first and last."""
    first_last = " ".join(p for p in (mentee.first_name, mentee.last_name) if p)
    return mentee.legal_name or first_last or mentee.preferred_name or ""


class Attendance(JournalBase):
    """Outcomes with their reasons, hour allocations, and the session log for signing."""

    def record_outcome(self, appointment_id: str, outcome: Outcome) -> Changed[Appointment]:
        """Record what became of an appointment (attended, cancelled by whom and why, DNA, or
        ended early with the minutes held and whether it was agreed); ``planned`` undoes it."""
        with self._command(ATTENDANCE_CHANGES) as command:
            found = appointment_repo.get(command.conn, appointment_id)
            if found is None:
                raise RecordNotFound("That appointment does not exist.")
            changed = outcome.apply(found)
            appointment_repo.update(command.conn, changed, self._clock.now())
            command.audit("edit", KIND_APPOINTMENT, appointment_id, f"outcome={outcome.status}")
        return command.done(changed)

    def hour_allocation(self, mentee_id: str) -> HourAllocation | None:
        return allocation_repo.get(self._db, mentee_id)

    def set_hour_allocation(self, allocation: HourAllocation) -> Changed[HourAllocation]:
        """Set (or change) the hours a mentee is allocated per month, term or academic year."""
        with self._command(ATTENDANCE_CHANGES) as command:
            replaced = allocation_repo.put(command.conn, allocation, self._clock.now())
            command.audit("edit" if replaced else "create", KIND_ALLOCATION, allocation.mentee_id)
        return command.done(allocation)

    def clear_hour_allocation(self, mentee_id: str) -> Changed[None]:
        with self._command(ATTENDANCE_CHANGES) as command:
            if not allocation_repo.delete(command.conn, mentee_id):
                raise RecordNotFound("That mentee has no allocation of hours.")
            command.audit("delete", KIND_ALLOCATION, mentee_id)
        return command.done(None)

    def timesheet_rows(self, mentee_id: str, first: date, last: date) -> list[TimesheetRow]:
        """One row per session or appointment on the mentor's local days ``first``..``last``."""
        start, end = self._clock.zone.span(first, last)
        notes = session_repo.list_notes(self._db, mentee_id, start=start, end=end)
        listed = appointment_repo.listings(self._db, mentee_id=mentee_id, start=start, end=end)
        appointments = {x.appointment.id: x.appointment for x in listed}
        # A note in the period written from an appointment booked outside it (moved, or
        # written up a day late) still takes that appointment's outcome, and the other way.
        for a in appointment_repo.for_notes(self._db, [n.id for n in notes]):
            appointments.setdefault(a.id, a)
        known = {n.id for n in notes}
        for a in appointments.values():
            if a.note_id and a.note_id not in known:
                linked = session_repo.get(self._db, a.note_id)
                if linked is not None:
                    notes.append(linked)
                    known.add(linked.id)
        return timesheet_rows(
            appointments.values(), notes, now=self._clock.now(), zone=self._clock.zone.tz
        )

    def timesheet(
        self,
        mentee_id: str,
        first: date,
        last: date,
        *,
        summary_per: AllocationPeriod | None = None,
    ) -> Timesheet:
        """The session log for ``first``..``last`` with its summary per month, term or year.

        The summary counts the whole months (terms, years) the dates touch, so hours stand
        against a whole period's allocation; the rows are the dates asked for.
        """
        if last < first:
            raise UsageError("The last day cannot be before the first.")
        if (last - first).days >= MAX_TIMESHEET_DAYS:
            raise UsageError("A timesheet covers at most three years; choose shorter dates.")
        mentee = mentee_repo.get(self._db, mentee_id)
        if mentee is None:
            raise RecordNotFound("That mentee does not exist.")
        allocation = allocation_repo.get(self._db, mentee_id)
        per = summary_per or (allocation.per if allocation else AllocationPeriod.MONTH)
        span_first, span_last = summary_span(first, last, per)
        every = self.timesheet_rows(mentee_id, span_first, span_last)
        rows = [r for r in every if first <= r.day <= last]
        settings = header_repo.get_settings(self._db)
        signer = settings.signer if settings is not None else None
        profile = (
            "" if settings is None or settings.profile is NO_PROFILE else settings.profile.label
        )
        return build_timesheet(
            mentee_id=mentee.id,
            mentee_code=mentee.code,
            mentee_name=mentee_name(mentee),
            first=first,
            last=last,
            rows=rows,
            allocation=allocation,
            summary_rows=every,
            summary_per=per,
            signer_line="" if signer is None else signer.line,
            service=profile,
            unit_minutes=0 if settings is None else settings.profile.rules.unit_minutes,
        )
