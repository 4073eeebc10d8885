"""The session header: when, where, what service, how, for which plan goal, and who signed.

Audited services read the header before the narrative: start and end time (the duration and,
where a service bills that way, 15-minute units follow from them), place of service, service
type with its code, modality (individual or group), method (the note's mode: in person, phone,
video, text), the plan goals the session addressed with a one-line progress note each, and the
signer's name, role and credentials stamped at signing. Peer values add two fields: whether the
note was written with the mentee, and what they said in their own words. A note signed after
its due time carries the reason for the late entry. See docs/record-keeping.md for the rule
behind each field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from mentorjournal.domain.service_profile import HeaderField, ServiceProfileKind, ServiceRules
from mentorjournal.domain.validation import (
    require_aware,
    require_enum,
    require_id,
    require_max_len,
    require_text,
    require_unique,
)
from mentorjournal.errors import ValidationError

LINE_MAX = 300
NAME_MAX = 120
OWN_WORDS_MAX = 20_000
REASON_MAX = 2000


class Modality(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class PlanGoalLine:
    """One plan goal the session addressed, and a one-line note of progress towards it."""

    goal_id: str
    progress: str = ""

    def __post_init__(self) -> None:
        require_id(self.goal_id, "Goal id")
        require_max_len(self.progress, "A goal's progress line", LINE_MAX)
        if "\n" in self.progress:
            raise ValidationError("A goal's progress line is one line.")


@dataclass(frozen=True)
class Signer:
    """Who signs notes: set once in Settings and stamped on each note when it is signed."""

    name: str
    role: str
    credentials: str = ""

    def __post_init__(self) -> None:
        require_text(self.name, "Your name", max_len=NAME_MAX)
        require_text(self.role, "Your role", max_len=NAME_MAX)
        require_max_len(self.credentials, "Your credentials", NAME_MAX)

    @property
    def line(self) -> str:
        """ "Sam Taylor, Peer Support Specialist (CPS)": how the signature reads on exports."""
        suffix = f" ({self.credentials})" if self.credentials else ""
        return f"{self.name}, {self.role}{suffix}"


@dataclass(frozen=True)
class SessionHeader:
    """The structured part of a session note; it is signed and sealed with the note."""

    ended_at: datetime | None = None
    place: str = ""
    service: str = ""
    service_code: str = ""
    modality: Modality = Modality.INDIVIDUAL
    goals: tuple[PlanGoalLine, ...] = ()
    written_with_mentee: bool = False
    own_words: str = ""
    crisis: bool = False
    late_reason: str = ""
    signer: Signer | None = None
    profile: ServiceProfileKind | None = None
    due_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.ended_at is not None:
            require_aware(self.ended_at, "The session end")
        if self.due_at is not None:
            require_aware(self.due_at, "The due time")
        require_max_len(self.place, "Place", NAME_MAX)
        require_max_len(self.service, "Service type", NAME_MAX)
        require_max_len(self.service_code, "Service code", 40)
        require_enum(self.modality, Modality, "Modality")
        if self.profile is not None:
            require_enum(self.profile, ServiceProfileKind, "Service profile")
        object.__setattr__(self, "goals", tuple(self.goals))
        require_unique([g.goal_id for g in self.goals], "Plan goals addressed")
        require_max_len(self.own_words, "In their own words", OWN_WORDS_MAX)
        require_max_len(self.late_reason, "The reason for the late entry", REASON_MAX)

    @property
    def is_late_entry(self) -> bool:
        return bool(self.late_reason)


def session_minutes(started_at: datetime, ended_at: datetime) -> int:
    """Whole minutes from start to end; an end before the start is refused."""
    seconds = (ended_at - started_at).total_seconds()
    if seconds < 0:
        raise ValidationError("The session cannot end before it starts.")
    return round(seconds / 60)


def missing_fields(
    rules: ServiceRules, header: SessionHeader | None, signer: Signer | None
) -> list[HeaderField]:
    """The fields ``rules`` require that this header (and the mentor's Settings) lack."""
    header = header or SessionHeader()
    present = {
        HeaderField.END: header.ended_at is not None,
        HeaderField.PLACE: bool(header.place.strip()),
        HeaderField.SERVICE: bool(header.service.strip()),
        HeaderField.SERVICE_CODE: bool(header.service_code.strip()),
        HeaderField.GOALS: any(g.progress.strip() for g in header.goals),
        HeaderField.SIGNER: signer is not None,
        HeaderField.CREDENTIALS: signer is not None and bool(signer.credentials.strip()),
    }
    return [f for f in HeaderField if f in rules.required and not present[f]]


def goal_lines(goal_ids: Sequence[str], lines: Sequence[PlanGoalLine]) -> tuple[PlanGoalLine, ...]:
    """One line per goal the note links, in the note's order, keeping progress already written."""
    written = {line.goal_id: line for line in lines}
    return tuple(written.get(goal_id, PlanGoalLine(goal_id)) for goal_id in goal_ids)
