"""Appointments: plan, move, cancel, mark attended or DNA, start a note from one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, tzinfo

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.domain.appointments import (
    DEFAULT_MINUTES,
    Appointment,
    AppointmentListing,
    AppointmentStatus,
)
from mentorjournal.domain.attendance import Outcome
from mentorjournal.domain.caseload import local_midnight
from mentorjournal.errors import RecordNotFound
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import appointments as appointment_repo
from mentorjournal.storage import mentees as mentee_repo
from mentorjournal.storage import sessions as session_repo
from mentorjournal.storage.codec import KIND_NOTE

KIND_APPOINTMENT = "appointment"
APPOINTMENT_CHANGES = Changes(appointments=True)


class Appointments(JournalBase):
    """Planned sessions and their outcomes; calendars get codes, never names."""

    def add_appointment(
        self,
        mentee_id: str,
        at: datetime,
        *,
        minutes: int = DEFAULT_MINUTES,
        mode: d.SessionMode = d.SessionMode.IN_PERSON,
        notes: str = "",
    ) -> Changed[Appointment]:
        """Plan a session with the mentee at ``at`` (an aware instant)."""
        appointment = Appointment(
            id=d.new_id(), mentee_id=mentee_id, at=at, minutes=minutes, mode=mode, notes=notes
        )
        return self.insert_appointment(appointment)

    def insert_appointment(self, appointment: Appointment) -> Changed[Appointment]:
        with self._command(APPOINTMENT_CHANGES) as command:
            if mentee_repo.get(command.conn, appointment.mentee_id) is None:
                raise RecordNotFound("That mentee does not exist.")
            appointment_repo.insert_many(command.conn, [appointment], self._clock.now())
            command.audit("create", KIND_APPOINTMENT, appointment.id)
        return command.done(appointment)

    def update_appointment(self, appointment: Appointment) -> Changed[Appointment]:
        """Save a moved, re-timed or re-moded appointment, or its outcome."""
        with self._command(APPOINTMENT_CHANGES) as command:
            appointment_repo.update(command.conn, appointment, self._clock.now())
            command.audit("edit", KIND_APPOINTMENT, appointment.id)
        return command.done(appointment)

    def set_appointment_status(
        self, appointment_id: str, status: AppointmentStatus
    ) -> Changed[Appointment]:
        """Record an outcome that needs no reason (attended, did not attend, or back to
        planned); a cancellation or an early end goes through ``record_outcome`` with its
        reason, and is refused here."""
        outcome = Outcome(status)
        appointment = outcome.apply(self.get_appointment(appointment_id))
        return self.update_appointment(appointment)

    def delete_appointment(self, appointment_id: str) -> Changed[None]:
        with self._command(APPOINTMENT_CHANGES) as command:
            appointment_repo.delete(command.conn, appointment_id)
            command.audit("delete", KIND_APPOINTMENT, appointment_id)
        return command.done(None)

    def get_appointment(self, appointment_id: str) -> Appointment:
        found = appointment_repo.get(self._db, appointment_id)
        if found is None:
            raise RecordNotFound("That appointment does not exist.")
        return found

    def appointments(
        self,
        *,
        mentee_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[AppointmentListing]:
        """Appointments with mentee codes, oldest first; ``start`` inclusive, ``end`` not."""
        return appointment_repo.listings(self._db, mentee_id=mentee_id, start=start, end=end)

    def appointments_between_days(
        self,
        first: date | None,
        last: date | None,
        *,
        mentee_id: str | None = None,
        zone: tzinfo | None = None,
    ) -> list[AppointmentListing]:
        """Appointments on the mentor's local days ``first``..``last`` (both inclusive)."""
        start = None if first is None else local_midnight(first, zone)
        end = None if last is None else local_midnight(last + timedelta(days=1), zone)
        return self.appointments(mentee_id=mentee_id, start=start, end=end)

    def note_from_appointment(
        self, appointment_id: str, *, template: d.NoteTemplate = d.NoteTemplate.FREE
    ) -> Changed[d.SessionNote]:
        """Start a draft note that takes the appointment's time, length and mode.

        The appointment is marked attended and linked to the note in the same transaction, so
        the caseload never shows a session written up but still planned. A session that ended
        early keeps that outcome (its reason and agreement), and the note takes the minutes it
        lasted; one recorded as missed or cancelled took place after all, so it is attended.
        """
        appointment = self.get_appointment(appointment_id)
        early = appointment.status is AppointmentStatus.ENDED_EARLY
        note = d.SessionNote(
            id=d.new_id(),
            mentee_id=appointment.mentee_id,
            started_at=appointment.at,
            duration_minutes=appointment.minutes_held if early else appointment.minutes,
            mode=appointment.mode,
            template=template,
            sections=d.normalise_sections(template, ()),
        )

        changes = APPOINTMENT_CHANGES | Changes(sessions=True, search=True)
        with self._command(changes) as command:
            session_repo.insert(command.conn, note, self._clock.now())
            command.audit("create", KIND_NOTE, note.id)
            held = appointment if early else Outcome(AppointmentStatus.ATTENDED).apply(appointment)
            linked = replace(held, note_id=note.id)
            appointment_repo.update(command.conn, linked, self._clock.now())
            command.audit("edit", KIND_APPOINTMENT, appointment.id)
        return command.done(note)

    def appointment_for_note(self, note_id: str) -> Appointment | None:
        return appointment_repo.for_note(self._db, note_id)
