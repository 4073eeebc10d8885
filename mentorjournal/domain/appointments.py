"""Appointments: planned sessions with a time, length and mode, and what became of them.

Peer-support services count attendance, so an appointment ends as attended, cancelled by the
mentee, cancelled by the mentor, or did not attend (DNA). A note started from an appointment
takes its time and mode and is linked back to it (``note_id``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum

from mentorjournal.domain.notes import SessionMode
from mentorjournal.domain.validation import (
    require_aware,
    require_enum,
    require_id,
    require_max_len,
    require_optional_id,
    require_range,
)

MIN_MINUTES = 5
MAX_MINUTES = 24 * 60
DEFAULT_MINUTES = 60
NOTE_MAX = 2000


class AppointmentStatus(StrEnum):
    """Where an appointment stands; every status but ``planned`` is an outcome."""

    PLANNED = "planned"
    ATTENDED = "attended"
    CANCELLED_BY_MENTEE = "cancelled_by_mentee"
    CANCELLED_BY_MENTOR = "cancelled_by_mentor"
    DID_NOT_ATTEND = "did_not_attend"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_outcome(self) -> bool:
        return self is not AppointmentStatus.PLANNED


STATUS_LABELS: dict[AppointmentStatus, str] = {
    AppointmentStatus.PLANNED: "Planned",
    AppointmentStatus.ATTENDED: "Attended",
    AppointmentStatus.CANCELLED_BY_MENTEE: "Cancelled by mentee",
    AppointmentStatus.CANCELLED_BY_MENTOR: "Cancelled by mentor",
    AppointmentStatus.DID_NOT_ATTEND: "Did not attend (DNA)",
}

MODE_LABELS: dict[SessionMode, str] = {
    SessionMode.IN_PERSON: "In person",
    SessionMode.PHONE: "Phone",
    SessionMode.VIDEO: "Video",
    SessionMode.TEXT: "Text",
}


@dataclass(frozen=True)
class Appointment:
    """One planned meeting with a mentee; ``at`` is an aware instant (stored as UTC)."""

    id: str
    mentee_id: str
    at: datetime
    minutes: int = DEFAULT_MINUTES
    mode: SessionMode = SessionMode.IN_PERSON
    status: AppointmentStatus = AppointmentStatus.PLANNED
    note_id: str | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        require_id(self.id, "Appointment id")
        require_id(self.mentee_id, "Mentee id")
        require_aware(self.at, "Appointment time")
        require_range(self.minutes, "Length in minutes", MIN_MINUTES, MAX_MINUTES)
        require_enum(self.mode, SessionMode, "Mode")
        require_enum(self.status, AppointmentStatus, "Status")
        require_optional_id(self.note_id, "Note id")
        require_max_len(self.notes, "Appointment notes", NOTE_MAX)
        object.__setattr__(self, "at", self.at.astimezone(UTC))

    @property
    def ends_at(self) -> datetime:
        return self.at + timedelta(minutes=self.minutes)

    def local_day(self, zone: tzinfo | None = None) -> date:
        """The mentor's local calendar day of the appointment (``zone`` None: the system's)."""
        return self.at.astimezone(zone).date()


@dataclass(frozen=True)
class AppointmentListing:
    """An appointment with its mentee's code, as lists, the caseload and calendars show it."""

    appointment: Appointment
    mentee_code: str
