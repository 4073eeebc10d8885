"""Appointments: planned sessions with a time, length and mode, and what became of them.

Peer-support services count attendance, so an appointment ends as attended, cancelled (by the
mentee, the mentor or the service, with the reason), did not attend (DNA), or ended early (with
the reason, the minutes actually held and whether the early end was agreed). DSA-QAG supplier
guidance asks for cancellations and early ends with their reasons in the session log; an outcome
is recorded through ``Outcome`` (mentorjournal/domain/attendance.py), which insists on them.
Outcomes recorded before reasons existed have none and read as they were. A note started from an
appointment takes its time and mode and is linked back to it (``note_id``).
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
from mentorjournal.errors import ValidationError

MIN_MINUTES = 5
MAX_MINUTES = 24 * 60
DEFAULT_MINUTES = 60
NOTE_MAX = 2000
REASON_MAX = 500


class AppointmentStatus(StrEnum):
    """Where an appointment stands; every status but ``planned`` is an outcome."""

    PLANNED = "planned"
    ATTENDED = "attended"
    CANCELLED_BY_MENTEE = "cancelled_by_mentee"
    CANCELLED_BY_MENTOR = "cancelled_by_mentor"
    CANCELLED_BY_SERVICE = "cancelled_by_service"
    DID_NOT_ATTEND = "did_not_attend"
    ENDED_EARLY = "ended_early"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_outcome(self) -> bool:
        return self is not AppointmentStatus.PLANNED

    @property
    def is_cancellation(self) -> bool:
        return self in CANCELLATIONS

    @property
    def was_held(self) -> bool:
        """Whether the session took place (in full or in part): it counts towards hours."""
        return self in (AppointmentStatus.ATTENDED, AppointmentStatus.ENDED_EARLY)


STATUS_LABELS: dict[AppointmentStatus, str] = {
    AppointmentStatus.PLANNED: "Planned",
    AppointmentStatus.ATTENDED: "Attended",
    AppointmentStatus.CANCELLED_BY_MENTEE: "Cancelled by mentee",
    AppointmentStatus.CANCELLED_BY_MENTOR: "Cancelled by mentor",
    AppointmentStatus.CANCELLED_BY_SERVICE: "Cancelled by service",
    AppointmentStatus.DID_NOT_ATTEND: "Did not attend (DNA)",
    AppointmentStatus.ENDED_EARLY: "Ended early",
}

#: Who cancelled, as the status says it.
CANCELLATIONS = frozenset(
    {
        AppointmentStatus.CANCELLED_BY_MENTEE,
        AppointmentStatus.CANCELLED_BY_MENTOR,
        AppointmentStatus.CANCELLED_BY_SERVICE,
    }
)

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
    #: Why it was cancelled, missed or ended early (empty for outcomes recorded before reasons).
    reason: str = ""
    #: Minutes actually held, for a session that ended early.
    held_minutes: int | None = None
    #: Whether an early end was agreed with the mentee (None unless it ended early).
    early_end_agreed: bool | None = None

    def __post_init__(self) -> None:
        require_id(self.id, "Appointment id")
        require_id(self.mentee_id, "Mentee id")
        require_aware(self.at, "Appointment time")
        require_range(self.minutes, "Length in minutes", MIN_MINUTES, MAX_MINUTES)
        require_enum(self.mode, SessionMode, "Mode")
        require_enum(self.status, AppointmentStatus, "Status")
        require_optional_id(self.note_id, "Note id")
        require_max_len(self.notes, "Appointment notes", NOTE_MAX)
        require_max_len(self.reason, "The reason", REASON_MAX)
        if self.status is AppointmentStatus.ENDED_EARLY:
            if self.held_minutes is None or self.early_end_agreed is None:
                raise ValidationError(
                    "A session that ended early needs the minutes held and whether it was agreed."
                )
            require_range(self.held_minutes, "Minutes held", 1, self.minutes - 1)
        elif self.held_minutes is not None or self.early_end_agreed is not None:
            raise ValidationError("Only a session that ended early has minutes held.")
        object.__setattr__(self, "at", self.at.astimezone(UTC))

    @property
    def ends_at(self) -> datetime:
        return self.at + timedelta(minutes=self.minutes)

    @property
    def minutes_held(self) -> int:
        """Minutes that count towards hours: planned length if attended, what was held if it
        ended early, none for a cancellation, a DNA or a session still planned."""
        if self.status is AppointmentStatus.ENDED_EARLY and self.held_minutes is not None:
            return self.held_minutes
        return self.minutes if self.status is AppointmentStatus.ATTENDED else 0

    def local_day(self, zone: tzinfo | None = None) -> date:
        """The mentor's local calendar day of the appointment (``zone`` None: the system's)."""
        return self.at.astimezone(zone).date()


@dataclass(frozen=True)
class AppointmentListing:
    """An appointment with its mentee's code, as lists, the caseload and calendars show it."""

    appointment: Appointment
    mentee_code: str
