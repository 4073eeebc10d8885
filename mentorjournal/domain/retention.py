"""Retention: how long each kind of record is kept, and which records are past it.

Rules differ by service, so the service profile gives the starting periods and the mentor can
change each one in Settings (stored per profile in the vault):

* **UK**: the NHS Records Management Code of Practice keeps mental-health records 20 years
  after the end of care (or 8 years after death); the UK DSA profile starts there.
* **US Medicaid**: state Medicaid manuals keep records at least 5 years (state rules vary,
  some say 6 or 10: check your programme's manual).
* **Volunteer / none**: no law sets a period; 7 years after care ends is the default, the same
  default the archive prompt has always offered. Set your organisation's policy.

How a due date is counted (one rule for every profile): a record is kept ``years`` after the
later of its own date and the day the mentee's care ended (their closing date). Nothing of an
open mentee is ever due: keeping a record while care goes on is always allowed, and every rule
above counts from the end of care or from a service date that precedes it. When the mentor
archived the mentee "until" a date, nothing of theirs is due before that date either: the
per-mentee retention date still holds, these periods only add to it.

The audit log has a period too, but the app never shortens the log: its keyed chain is what
proves that every erasure was an erasure (``verify``), and it holds ids, never content. Its
period is the longest of the others by default, and is shown so the mentor can see it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.errors import ValidationError

MIN_YEARS = 1
MAX_YEARS = 100


class RecordType(StrEnum):
    """The kinds of record retention is set for (the values are stored)."""

    SESSION_NOTES = "session_notes"
    ADDENDA = "addenda"
    GOALS = "goals"
    COPING_PLANS = "coping_plans"
    MEASURES = "measures"
    DISCLOSURES = "disclosures"
    CONSENTS = "consents"
    APPOINTMENTS = "appointments"
    AUDIT = "audit"

    @property
    def label(self) -> str:
        return RECORD_TYPE_LABELS[self]

    @property
    def erasable(self) -> bool:
        """False for the audit log, which is never shortened (see the module's docstring)."""
        return self is not RecordType.AUDIT


RECORD_TYPE_LABELS: dict[RecordType, str] = {
    RecordType.SESSION_NOTES: "Session notes",
    RecordType.ADDENDA: "Addenda",
    RecordType.GOALS: "Goals and progress",
    RecordType.COPING_PLANS: "Coping plans",
    RecordType.MEASURES: "Measures",
    RecordType.DISCLOSURES: "Disclosures",
    RecordType.CONSENTS: "Consents",
    RecordType.APPOINTMENTS: "Appointments",
    RecordType.AUDIT: "Audit log",
}

#: The kinds of a mentee's record the past-retention list covers.
MENTEE_RECORD_TYPES: tuple[RecordType, ...] = tuple(t for t in RecordType if t.erasable)


def _uniform(years: int) -> dict[RecordType, int]:
    return dict.fromkeys(RecordType, years)


#: Each profile's starting periods, in years (editable per profile in Settings).
DEFAULT_PERIODS: dict[ServiceProfileKind, dict[RecordType, int]] = {
    ServiceProfileKind.UK_DSA: _uniform(20),
    ServiceProfileKind.US_MEDICAID_PEER: _uniform(5),
    ServiceProfileKind.VOLUNTEER: _uniform(7),
    ServiceProfileKind.NONE: _uniform(7),
}

RETENTION_SOURCES: dict[ServiceProfileKind, str] = {
    ServiceProfileKind.UK_DSA: (
        "NHS Records Management Code of Practice: mental-health records 20 years after care ends."
    ),
    ServiceProfileKind.US_MEDICAID_PEER: (
        "State Medicaid manuals: at least 5 years (state rules vary; check yours)."
    ),
    ServiceProfileKind.VOLUNTEER: "No legal period: 7 years after care ends, your policy may differ.",
    ServiceProfileKind.NONE: "No legal period: 7 years after care ends, your policy may differ.",
}


def require_years(years: int, what: str) -> None:
    if isinstance(years, bool) or not isinstance(years, int) or not MIN_YEARS <= years <= MAX_YEARS:
        raise ValidationError(f"Keep {what} between {MIN_YEARS} and {MAX_YEARS} years.")


@dataclass(frozen=True)
class RetentionPolicy:
    """Years each record type is kept under one profile (every type has a period)."""

    profile: ServiceProfileKind
    periods: Mapping[RecordType, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        full = dict(DEFAULT_PERIODS[self.profile])
        for record_type, years in self.periods.items():
            if not isinstance(record_type, RecordType):
                raise ValidationError("Unknown record type in the retention periods.")
            require_years(years, record_type.label.lower())
            full[record_type] = years
        object.__setattr__(self, "periods", full)

    def years(self, record_type: RecordType) -> int:
        return self.periods[record_type]

    @property
    def overrides(self) -> dict[RecordType, int]:
        """The periods that differ from the profile's defaults (what the vault stores)."""
        defaults = DEFAULT_PERIODS[self.profile]
        return {t: y for t, y in self.periods.items() if defaults[t] != y}


def add_years(day: date, years: int) -> date:
    """``day`` moved on ``years`` calendar years (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def record_due_on(
    years: int, *, record_day: date, closed_on: date | None, retain_until: date | None = None
) -> date | None:
    """The day a record stops needing to be kept (``None`` while the mentee's care goes on)."""
    if closed_on is None:
        return None
    due = add_years(max(record_day, closed_on), years)
    if retain_until is not None and retain_until > due:
        return retain_until
    return due


@dataclass(frozen=True)
class DatedRecord:
    """One record that retention counts: whose, what kind, and the day it is dated."""

    mentee_id: str
    record_type: RecordType
    record_id: str
    day: date


@dataclass(frozen=True)
class RetentionCase:
    """What retention needs to know about one closed mentee."""

    mentee_id: str
    code: str
    closed_on: date
    retain_until: date | None = None


@dataclass(frozen=True)
class PastRetention:
    """One line of the review list: a mentee's records of one type that are past retention.

    ``due_on`` is the day the first of them became due; ``record_ids`` are exactly the records
    an erasure of this line removes (later records of the same type stay until they are due).
    """

    mentee_id: str
    code: str
    record_type: RecordType
    due_on: date
    record_ids: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.record_ids)


def past_retention(
    policy: RetentionPolicy,
    cases: Iterable[RetentionCase],
    records: Iterable[DatedRecord],
    today: date,
) -> list[PastRetention]:
    """Every (mentee, record type) with records due on or before ``today``, oldest due first."""
    by_mentee = {case.mentee_id: case for case in cases}
    groups: dict[tuple[str, RecordType], list[tuple[date, str]]] = {}
    for record in records:
        case = by_mentee.get(record.mentee_id)
        if case is None or not record.record_type.erasable:
            continue
        due = record_due_on(
            policy.years(record.record_type),
            record_day=record.day,
            closed_on=case.closed_on,
            retain_until=case.retain_until,
        )
        if due is not None and due <= today:
            groups.setdefault((record.mentee_id, record.record_type), []).append(
                (due, record.record_id)
            )
    lines = [
        PastRetention(
            mentee_id,
            by_mentee[mentee_id].code,
            record_type,
            min(due for due, _id in found),
            tuple(sorted(record_id for _due, record_id in found)),
        )
        for (mentee_id, record_type), found in groups.items()
    ]
    order = {t: i for i, t in enumerate(RecordType)}
    return sorted(lines, key=lambda line: (line.due_on, line.code, order[line.record_type]))


ERASE_REASON_MAX = 500


def require_erase_reason(reason: str) -> str:
    """The mentor's reason for an erasure after review: required, one short paragraph."""
    text = reason.strip() if isinstance(reason, str) else ""
    if not text:
        raise ValidationError("Give the reason for the erasure (e.g. retention period ended).")
    if len(text) > ERASE_REASON_MAX:
        raise ValidationError(f"Keep the reason under {ERASE_REASON_MAX} characters.")
    return text
