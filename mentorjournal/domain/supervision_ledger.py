"""The supervision ledger: the agreement, each meeting's sign-off, and hours against a target.

Guidance for mentors and peer workers asks for three things beyond an agenda: a written
supervision **agreement** (purpose, frequency, what is recorded and where, the limits of
confidentiality; the UMHAN membership framework and the HEE/NCCMH Competence Framework for
Mental Health Peer Support Workers (2020) both expect supervision to be agreed and used), a **log** of each meeting (date, length, supervisor,
which of Proctor's functions it served: normative, formative, restorative; the items discussed
and the actions) **signed off by the supervisor**, and the **hours** it adds up to (UMHAN: 1.5
hours a month for a full-time mentor). The log fields live on ``SupervisionSession``; this
module holds the agreement, the sign-off with the hash it seals, and the hour counts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from mentorjournal.domain.signing import canonical_json
from mentorjournal.domain.supervision import SourceKind, SupervisionSession
from mentorjournal.domain.validation import (
    require_aware,
    require_date,
    require_id,
    require_order,
    require_text,
)
from mentorjournal.errors import ValidationError

TEXT_MAX = 5000
NAME_MAX = 200
#: A monthly target above this is a typing slip (a full-time week is under 40 hours).
TARGET_MAX_HOURS = 40.0
#: Monthly supervision hours a CPD scheme expects (UMHAN membership framework: 1.5 h a month
#: for a full-time mentor), by the scheme's stored value.
SCHEME_SUPERVISION_HOURS: dict[str, tuple[float, str]] = {"umhan": (1.5, "UMHAN")}


@dataclass(frozen=True)
class SupervisionAgreement:
    """The contract a mentor and supervisor agree before supervision starts (reviewed yearly).

    ``target_hours_per_month`` is the agreement's own target; without it the service profile's
    (UK DSA: 1.5 h, the UMHAN figure) or the CPD scheme's applies, if any.
    """

    id: str
    supervisor: str
    started_on: date
    purpose: str
    frequency: str
    recorded: str
    confidentiality: str
    review_on: date | None = None
    target_hours_per_month: float | None = None

    def __post_init__(self) -> None:
        require_id(self.id, "Agreement id")
        require_text(self.supervisor, "Supervisor", max_len=NAME_MAX)
        require_date(self.started_on, "Start date")
        if self.started_on is None:
            raise ValidationError("A supervision agreement needs a start date.")
        require_text(self.purpose, "Purpose", max_len=TEXT_MAX)
        require_text(self.frequency, "Frequency", max_len=NAME_MAX)
        require_text(self.recorded, "What is recorded and where", max_len=TEXT_MAX)
        require_text(self.confidentiality, "Limits of confidentiality", max_len=TEXT_MAX)
        require_date(self.review_on, "Review date")
        require_order(self.started_on, self.review_on, "the start date", "The review date")
        target = self.target_hours_per_month
        if target is not None and (
            isinstance(target, bool) or not 0 < float(target) <= TARGET_MAX_HOURS
        ):
            raise ValidationError(
                f"The monthly target must be more than 0 and at most {TARGET_MAX_HOURS:g} hours."
            )

    def review_due(self, today: date) -> bool:
        return self.review_on is not None and self.review_on <= today


@dataclass(frozen=True)
class SupervisionSignOff:
    """The supervisor's sign-off of one logged meeting (id: the meeting's id).

    ``content_hash`` is :func:`meeting_hash` of the meeting as signed off; the sign-off is sealed
    and the meeting is locked from then on (only an action's "done" tick may still change).
    """

    supervision_id: str
    name: str
    signed_on: date
    written_at: datetime
    content_hash: str

    def __post_init__(self) -> None:
        require_id(self.supervision_id, "Supervision id")
        require_text(self.name, "The supervisor's name", max_len=NAME_MAX)
        require_date(self.signed_on, "Sign-off date")
        require_aware(self.written_at, "The sign-off time")
        if len(self.content_hash) != 64:
            raise ValidationError("The sign-off's hash is not a SHA-256 hex digest.")


def meeting_hash(session: SupervisionSession) -> str:
    """SHA-256 of the meeting's canonical content, as the supervisor signed it off.

    Covered: date, supervisor, length, functions, discussion, the actions (not their "done"
    tick, which is ticked later) and the agenda items the mentor typed. Items drawn from a
    mentee's note or reflection are locked by the database but left out of the hash, so that
    erasing that mentee at the end of retention (which takes those items) keeps the sign-off
    valid.
    """
    payload = {
        "id": session.id,
        "held_on": session.held_on.isoformat(),
        "supervisor": session.supervisor,
        "minutes": session.minutes,
        "functions": sorted(f.value for f in session.functions),
        "discussion": session.discussion,
        "items": [
            [i.id, i.question, i.function.value, None if i.focus is None else i.focus.value]
            for i in session.agenda
            if i.source_kind is SourceKind.OTHER
        ],
        "actions": [
            [a.id, a.text, a.owner, None if a.due_on is None else a.due_on.isoformat()]
            for a in session.actions
        ],
    }
    return hashlib.sha256(canonical_json(payload)).hexdigest()


def sign_off(
    session: SupervisionSession, *, name: str, signed_on: date, written_at: datetime
) -> SupervisionSignOff:
    """The sign-off of a logged meeting. ``written_at`` is in the mentor's zone: its day is
    "today" for the date check."""
    if session.minutes is None or not session.functions:
        raise ValidationError(
            "Log the meeting's length and the functions it covered before signing it off."
        )
    if signed_on < session.held_on:
        raise ValidationError("A sign-off cannot be dated before the meeting.")
    if signed_on > written_at.date():
        raise ValidationError("A sign-off cannot be dated in the future.")
    return SupervisionSignOff(
        session.id, name.strip(), signed_on, written_at, meeting_hash(session)
    )


# --- hours ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SupervisionTarget:
    """Hours of supervision a month, and where that figure comes from (shown beside it)."""

    hours_per_month: float
    source: str

    @property
    def minutes_per_month(self) -> int:
        return round(self.hours_per_month * 60)


@dataclass(frozen=True)
class MonthHours:
    """Logged supervision in one calendar month (``month`` is its first day)."""

    month: date
    minutes: int
    meetings: int
    target_minutes: int | None

    @property
    def hours(self) -> float:
        return self.minutes / 60

    @property
    def met(self) -> bool | None:
        return None if self.target_minutes is None else self.minutes >= self.target_minutes


@dataclass(frozen=True)
class YearHours:
    """A calendar year's logged supervision, through ``through`` for the current year."""

    year: int
    months: tuple[MonthHours, ...]

    @property
    def minutes(self) -> int:
        return sum(m.minutes for m in self.months)

    @property
    def meetings(self) -> int:
        return sum(m.meetings for m in self.months)

    @property
    def target_minutes(self) -> int | None:
        targets = [m.target_minutes for m in self.months]
        return None if any(t is None for t in targets) else sum(t or 0 for t in targets)


def choose_target(
    agreement: SupervisionAgreement | None,
    profile_hours: float | None,
    profile_label: str,
    scheme_hours: float | None = None,
    scheme_label: str = "",
) -> SupervisionTarget | None:
    """The agreement's own target first, then the service profile's, then the CPD scheme's."""
    if agreement is not None and agreement.target_hours_per_month is not None:
        return SupervisionTarget(agreement.target_hours_per_month, "your supervision agreement")
    if profile_hours is not None:
        return SupervisionTarget(profile_hours, profile_label)
    if scheme_hours is not None:
        return SupervisionTarget(scheme_hours, scheme_label)
    return None


def year_hours(
    sessions: Iterable[SupervisionSession],
    year: int,
    *,
    through: date,
    target: SupervisionTarget | None,
) -> YearHours:
    """Each month of ``year`` up to ``through``'s month (all twelve for a past year).

    Only logged meetings count (those with a length); a meeting without one is an agenda
    record, not supervision time.
    """
    last = 12 if year < through.year else through.month
    minutes = dict.fromkeys(range(1, last + 1), 0)
    meetings = dict.fromkeys(range(1, last + 1), 0)
    for s in sessions:
        if s.minutes is None or s.held_on.year != year or s.held_on.month > last:
            continue
        minutes[s.held_on.month] += s.minutes
        meetings[s.held_on.month] += 1
    goal = None if target is None else target.minutes_per_month
    return YearHours(
        year,
        tuple(
            MonthHours(date(year, m, 1), minutes[m], meetings[m], goal) for m in range(1, last + 1)
        ),
    )
