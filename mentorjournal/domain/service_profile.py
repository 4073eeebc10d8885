"""Service profiles: which session-header fields a service's rules require, and when a note is due.

Mentors work under different rules. A US peer-support service billing Medicaid (HCPCS H0038,
"self-help/peer services, per 15 minutes") must show start and end time, place of service,
service type and code, modality, which plan goal the session addressed, and the signer's
credentials, within a few business days (state manuals: Texas 1 TAC 354.3103, California BHIN
22-019, Pennsylvania's CPSS audit tool, 10A NCAC 22F .0107, DC 22-A DCMR 7314). UK DSA specialist
mentoring (DSA-QAG supplier guidance) keeps a session log with location and times, and NHS peer
workers follow NMC-style principles (Code 10.1: records completed at the time or as soon as
possible after). A volunteer service usually asks less. The profile is chosen once in Settings;
the rules live here, in code, so a vault never holds a stale copy of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from mentorjournal.clock import LocalZone


class ServiceProfileKind(StrEnum):
    NONE = "none"
    US_MEDICAID_PEER = "us_medicaid_peer"
    UK_DSA = "uk_dsa"
    VOLUNTEER = "volunteer"

    @property
    def rules(self) -> ServiceRules:
        return SERVICE_RULES[self]

    @property
    def label(self) -> str:
        return self.rules.label


class HeaderField(StrEnum):
    """A session-header field a profile may require before a note can be signed."""

    END = "end"
    PLACE = "place"
    SERVICE = "service"
    SERVICE_CODE = "service_code"
    GOALS = "goals"
    SIGNER = "signer"
    CREDENTIALS = "credentials"

    @property
    def label(self) -> str:
        return FIELD_LABELS[self]


FIELD_LABELS: dict[HeaderField, str] = {
    HeaderField.END: "end time",
    HeaderField.PLACE: "place",
    HeaderField.SERVICE: "service type",
    HeaderField.SERVICE_CODE: "service code",
    HeaderField.GOALS: "a plan goal with a progress line",
    HeaderField.SIGNER: "your name and role (Settings)",
    HeaderField.CREDENTIALS: "your credentials (Settings)",
}


@dataclass(frozen=True)
class ServiceRules:
    """What one profile asks of a session note.

    ``due_business_days``: the note is due by the end of the mentor's local day that many
    business days (Monday to Friday) after the session ended; ``due_hours`` is used instead
    when it is set, and ``crisis_due_hours`` for a crisis contact. ``None`` everywhere: no due
    time. ``unit_minutes`` is the billing unit (15 for H0038), 0 when the service does not bill
    in units.
    """

    label: str
    required: frozenset[HeaderField]
    due_business_days: int | None
    due_hours: int | None
    crisis_due_hours: int | None
    unit_minutes: int
    places: tuple[str, ...]
    services: tuple[tuple[str, str], ...]
    rule_source: str
    #: Every signed note waits for a supervisor's co-signature (docs/record-keeping.md).
    cosignature_required: bool = False
    #: Hours of supervision a month the profile expects of a full-time mentor (None: no target).
    supervision_hours_per_month: float | None = None


_COMMON_PLACES = ("Office", "Community", "Home", "Phone", "Video")

SERVICE_RULES: dict[ServiceProfileKind, ServiceRules] = {
    ServiceProfileKind.NONE: ServiceRules(
        label="None",
        required=frozenset(),
        due_business_days=None,
        due_hours=None,
        crisis_due_hours=None,
        unit_minutes=0,
        places=_COMMON_PLACES,
        services=(("Mentoring session", ""),),
        rule_source="No service rules: every header field is optional.",
    ),
    ServiceProfileKind.US_MEDICAID_PEER: ServiceRules(
        label="US peer support, Medicaid",
        required=frozenset(
            {
                HeaderField.END,
                HeaderField.PLACE,
                HeaderField.SERVICE,
                HeaderField.SERVICE_CODE,
                HeaderField.GOALS,
                HeaderField.SIGNER,
                HeaderField.CREDENTIALS,
            }
        ),
        due_business_days=3,
        due_hours=None,
        crisis_due_hours=24,
        unit_minutes=15,
        places=(
            "Office (11)",
            "Home (12)",
            "Community (99)",
            "Telehealth, patient's home (10)",
            "Telehealth, other (02)",
            "School (03)",
        ),
        services=(
            ("Peer support, individual", "H0038"),
            ("Peer support, group", "H0038-HQ"),
            ("Crisis contact", "H0038"),
        ),
        rule_source=(
            "State Medicaid peer-support manuals (1 TAC 354.3103, BHIN 22-019, 10A NCAC 22F"
            " .0107, 22-A DCMR 7314): date, start and end time, place of service, service code,"
            " plan goal and progress, signature with credentials; due within 2-3 business days,"
            " 24 h for crisis contacts."
        ),
        cosignature_required=True,
    ),
    ServiceProfileKind.UK_DSA: ServiceRules(
        label="UK DSA mentoring",
        required=frozenset({HeaderField.END, HeaderField.PLACE, HeaderField.SIGNER}),
        due_business_days=None,
        due_hours=24,
        crisis_due_hours=24,
        unit_minutes=0,
        places=("Campus", "Video", "Phone", "Community"),
        services=(("Specialist mentoring (mental health)", ""), ("Study skills", "")),
        rule_source=(
            "DSA-QAG supplier guidance: session log with location, start and end time and the"
            " support given; NMC Code 10.1: records completed at the time or as soon as possible"
            " after (here: within 24 hours)."
        ),
        supervision_hours_per_month=1.5,
    ),
    ServiceProfileKind.VOLUNTEER: ServiceRules(
        label="Volunteer peer support",
        required=frozenset({HeaderField.END, HeaderField.SIGNER}),
        due_business_days=5,
        due_hours=None,
        crisis_due_hours=24,
        unit_minutes=0,
        places=_COMMON_PLACES,
        services=(("Peer support", ""), ("Group", "")),
        rule_source=(
            "A volunteer service's own policy; attributable (who wrote it) and timed, late"
            " entries marked (NMC-style principles)."
        ),
    ),
}


def add_business_days(day: date, days: int) -> date:
    """``day`` moved on ``days`` weekdays (Saturday and Sunday do not count)."""
    moved = day
    left = days
    while left > 0:
        moved += timedelta(days=1)
        if moved.weekday() < 5:
            left -= 1
    return moved


def note_due_at(
    rules: ServiceRules, session_end: datetime, *, crisis: bool, zone: LocalZone
) -> datetime | None:
    """When a note for a session ending at ``session_end`` must be signed (``None``: no limit).

    Business days end at the mentor's local midnight: a Friday session under a 3-business-day
    rule is due by the end of the following Wednesday.
    """
    if crisis and rules.crisis_due_hours is not None:
        return session_end + timedelta(hours=rules.crisis_due_hours)
    if rules.due_hours is not None:
        return session_end + timedelta(hours=rules.due_hours)
    if rules.due_business_days is None:
        return None
    last_day = add_business_days(zone.day_of(session_end), rules.due_business_days)
    return zone.start_of(last_day + timedelta(days=1))


def billing_units(minutes: int, unit_minutes: int) -> int:
    """Units of ``unit_minutes`` for a session: a part unit counts once it reaches half.

    Most state manuals bill a 15-minute unit from 8 minutes on (the midpoint rule); 0 when the
    service does not bill in units.
    """
    if unit_minutes <= 0 or minutes <= 0:
        return 0
    whole, rest = divmod(minutes, unit_minutes)
    return whole + (1 if rest * 2 >= unit_minutes else 0)
