"""The mentee and the people, places, consents and services around them.

A mentee is shown by a pseudonym code (``M-017``) by default; every identifying field is
optional so a mentor can keep as little as their organisation allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mentorjournal.domain.validation import (
    require_date,
    require_email,
    require_enum,
    require_id,
    require_max_len,
    require_order,
    require_phone,
    require_text,
)
from mentorjournal.errors import ValidationError

#: A pseudonym code: letters, digits and dashes, starting with a letter (e.g. ``M-017``).
CODE_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,31}$")
NAME_MAX = 200
NOTES_MAX = 20_000


class MenteeStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"


class ContactRole(StrEnum):
    PARENT = "parent"
    PARTNER = "partner"
    FRIEND = "friend"
    SIBLING = "sibling"
    CLINICIAN = "clinician"
    TEACHER = "teacher"
    EMPLOYER = "employer"
    OTHER = "other"


class PlaceKind(StrEnum):
    TOWN = "town"
    SCHOOL = "school"
    WORKPLACE = "workplace"
    HOSPITAL = "hospital"
    CLINIC = "clinic"
    OTHER = "other"


class ConsentMethod(StrEnum):
    VERBAL = "verbal"
    WRITTEN = "written"
    ELECTRONIC = "electronic"


def validate_code(code: str) -> None:
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        raise ValidationError(
            "The mentee code must start with a letter and hold only letters, digits and "
            "dashes (at most 32), e.g. M-017."
        )


@dataclass(frozen=True)
class Mentee:
    """One person mentored. ``status_since`` dates the current status; closure dates the end."""

    id: str
    code: str
    legal_name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    preferred_name: str | None = None
    date_of_birth: date | None = None
    phone: str | None = None
    email: str | None = None
    notes: str = ""
    status: MenteeStatus = MenteeStatus.ACTIVE
    started_on: date | None = None
    status_since: date | None = None
    closed_on: date | None = None
    archived: bool = False
    retention_until: date | None = None

    def __post_init__(self) -> None:
        require_id(self.id, "Mentee id")
        validate_code(self.code)
        for field_name in ("legal_name", "first_name", "last_name", "preferred_name"):
            value = getattr(self, field_name)
            if value is not None:
                require_text(value, field_name.replace("_", " ").capitalize(), max_len=NAME_MAX)
        for field_name in ("date_of_birth", "started_on", "status_since", "closed_on"):
            require_date(getattr(self, field_name), field_name.replace("_", " ").capitalize())
        require_date(self.retention_until, "Retention date")
        require_phone(self.phone)
        require_email(self.email)
        require_max_len(self.notes, "Notes", NOTES_MAX)
        require_enum(self.status, MenteeStatus, "Status")
        require_order(self.started_on, self.closed_on, "the start date", "The closing date")
        if self.closed_on is not None and self.status is not MenteeStatus.CLOSED:
            raise ValidationError("Only a closed mentee has a closing date.")
        if self.archived and self.status is not MenteeStatus.CLOSED:
            raise ValidationError("Only a closed mentee can be archived.")
        if self.archived and self.retention_until is None:
            raise ValidationError("An archived mentee needs a retention date.")

    @property
    def display_name(self) -> str:
        """What a list shows: the code, since names are shown only on request."""
        return self.code

    def erasure_due(self, today: date) -> bool:
        """True when the retention period of an archived record has run out."""
        return self.archived and self.retention_until is not None and today >= self.retention_until


@dataclass(frozen=True)
class MenteeListing:
    """What a list of mentees needs: the code, status and archive flag, never a name.

    Read straight from the table without building a :class:`Mentee`, so listing a caseload
    neither loads names, birth dates and phone numbers into memory nor re-validates them
    (100 mentees: ~0.1 ms instead of ~1.1 ms, on the unlock path).
    """

    id: str
    code: str
    status: MenteeStatus
    archived: bool


@dataclass(frozen=True)
class Contact:
    """Someone around the mentee (relative, clinician, employer...)."""

    id: str
    mentee_id: str
    name: str
    role: ContactRole = ContactRole.OTHER
    relation: str = ""
    phone: str | None = None
    email: str | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        require_id(self.id, "Contact id")
        require_id(self.mentee_id, "Mentee id")
        require_text(self.name, "Contact name", max_len=NAME_MAX)
        require_enum(self.role, ContactRole, "Role")
        require_max_len(self.relation, "Relation", NAME_MAX)
        require_phone(self.phone)
        require_email(self.email)
        require_max_len(self.notes, "Notes", NOTES_MAX)


@dataclass(frozen=True)
class Place:
    """A place that matters to the mentee (their town, school, workplace...)."""

    id: str
    mentee_id: str
    name: str
    kind: PlaceKind = PlaceKind.OTHER
    notes: str = ""

    def __post_init__(self) -> None:
        require_id(self.id, "Place id")
        require_id(self.mentee_id, "Mentee id")
        require_text(self.name, "Place name", max_len=NAME_MAX)
        require_enum(self.kind, PlaceKind, "Place kind")
        require_max_len(self.notes, "Notes", NOTES_MAX)


@dataclass(frozen=True)
class Consent:
    """What the mentee agreed to, with whom, when and how; withdrawal is dated, never deleted."""

    id: str
    mentee_id: str
    what: str
    with_whom: str
    given_on: date
    how: ConsentMethod = ConsentMethod.VERBAL
    withdrawn_on: date | None = None
    review_on: date | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        require_id(self.id, "Consent id")
        require_id(self.mentee_id, "Mentee id")
        require_text(self.what, "What was agreed", max_len=1000)
        require_text(self.with_whom, "With whom", max_len=NAME_MAX)
        require_date(self.given_on, "Date given")
        if self.given_on is None:
            raise ValidationError("A consent needs the date it was given.")
        require_date(self.withdrawn_on, "Date withdrawn")
        require_date(self.review_on, "Review date")
        require_enum(self.how, ConsentMethod, "How it was recorded")
        require_order(self.given_on, self.withdrawn_on, "the date given", "The withdrawal date")
        require_max_len(self.notes, "Notes", NOTES_MAX)

    def active_on(self, day: date) -> bool:
        return self.given_on <= day and (self.withdrawn_on is None or day < self.withdrawn_on)


@dataclass(frozen=True)
class Resource:
    """A service or resource the mentee was connected to, and what came of it."""

    id: str
    mentee_id: str
    name: str
    kind: str = ""
    contact: str = ""
    referred_on: date | None = None
    outcome: str = ""

    def __post_init__(self) -> None:
        require_id(self.id, "Resource id")
        require_id(self.mentee_id, "Mentee id")
        require_text(self.name, "Resource name", max_len=NAME_MAX)
        require_max_len(self.kind, "Kind", NAME_MAX)
        require_max_len(self.contact, "Contact", 1000)
        require_date(self.referred_on, "Referral date")
        require_max_len(self.outcome, "Outcome", NOTES_MAX)
