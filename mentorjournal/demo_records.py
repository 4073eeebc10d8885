"""Demo record keeping: the scheme the demo mentor renews under, a disclosure, a co-signed note
and one waiting for review, the supervision agreement and signed-off meetings, a former mentee
whose appointments are past retention, an open subject-access request, and the like.

Kept apart from ``demo.py`` (the seeded records themselves): these take no random draws and
are fitted to records already generated, so adding one never changes the demo's notes, goals
or CPD entries.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from mentorjournal.domain.appointments import Appointment, AppointmentStatus
from mentorjournal.domain.cosignature import ReviewRequest, cosign
from mentorjournal.domain.cpd_scheme import CpdScheme, SchemeKind
from mentorjournal.domain.disclosure import (
    Disclosure,
    DisclosureBasis,
    MenteeInformed,
    ShareMethod,
)
from mentorjournal.domain.mentee import Consent, ConsentMethod, Mentee, MenteeStatus
from mentorjournal.domain.retention import RecordType, add_years
from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.session_header import Signer
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.domain.subject_access import SubjectAccessRequest
from mentorjournal.domain.supervision import (
    AgendaItem,
    SupervisionAction,
    SupervisionFunction,
    SupervisionSession,
)
from mentorjournal.domain.supervision_ledger import SupervisionAgreement, sign_off
from mentorjournal.domain.validation import new_id
from mentorjournal.storage import (
    appointments,
    cosignatures,
    cpd,
    disclosures,
    mentees,
    session_headers,
    sessions,
    subject_access,
    supervision,
    supervision_ledger,
)
from mentorjournal.storage.connection import Connection


def demo_cycle_start(today: date) -> date:
    """The 1st of the month eleven months ago: a UMHAN year most of the way through."""
    index = today.year * 12 + today.month - 1 - 11
    return date(index // 12, index % 12 + 1, 1)


#: The demo mentor works as a UK DSA specialist mentor; the name is an obvious placeholder.
#: Their service keeps appointment (scheduling) records 2 years after care ends, not 20.
DEMO_SETTINGS = RecordSettings(
    ServiceProfileKind.UK_DSA,
    Signer("Alex Demo", "Specialist mental health mentor", "MHFA, DSA-QAG registered"),
    retention={ServiceProfileKind.UK_DSA: {RecordType.APPOINTMENTS: 2}},
)
#: The archived former mentee whose appointments are past retention in the demo.
FORMER_MENTEE_CODE = "M-090"


def insert_record_settings(conn: Connection, *, today: date, now: datetime) -> None:
    """Write the demo's record-keeping settings and examples (in the caller's transaction)."""
    session_headers.set_settings(conn, DEMO_SETTINGS, now)
    cpd.set_scheme(conn, CpdScheme(SchemeKind.UMHAN, demo_cycle_start(today)), now)
    _insert_disclosure(conn)
    _insert_cosignatures(conn, now)
    _insert_supervision_ledger(conn, today, now)
    _insert_former_mentee(conn, today=today, now=now)
    _insert_access_request(conn, today=today, now=now)


def _insert_cosignatures(conn: Connection, now: datetime) -> None:
    """The first mentee's second-latest signed note co-signed in supervision a few days after
    it was signed; the latest put up for review and still waiting."""
    notes = sessions.latest_signed_of_first_mentee(conn, 2)
    if len(notes) < 2:
        return
    earlier, latest = notes
    assert earlier.signed_at is not None and latest.signed_at is not None
    written_at = min(earlier.signed_at + timedelta(days=3), now)
    made = cosign(
        earlier,
        name="Dr Robin Placeholder",
        role="Clinical supervisor",
        cosigned_on=written_at.date(),
        written_at=written_at,
        comment="Read in supervision; the plan for the next session is agreed.",
    )
    cosignatures.insert(conn, made)
    requested_at = min(latest.signed_at + timedelta(hours=1), now)
    cosignatures.insert_request(conn, ReviewRequest(latest.id, latest.mentee_id, requested_at))


#: The demo's recent supervision, one meeting a month for the last year: (day of the month,
#: minutes, functions, question), taken in turn.
_RECENT_SUPERVISION = (
    (6, 90, ("normative", "restorative"), "When do I share a worry with the duty team?"),
    (4, 60, ("formative",), "How do I help someone set a goal that is really theirs?"),
    (8, 90, ("formative", "restorative"), "Endings: how do I close well with a mentee?"),
    (2, 45, ("restorative",), "My own tiredness after a hard week"),
    (5, 90, ("normative",), "Keeping to time when a session runs over"),
)
_RECENT_MONTHS = 12


def _insert_supervision_ledger(conn: Connection, today: date, now: datetime) -> None:
    """An agreement from the first meeting on, reviewed yearly; every generated meeting
    logged (90 minutes, every third one 60) with the functions of its agenda; a meeting in
    each of the last months and this one; all but the latest two signed off by the
    supervisor two days after the meeting."""
    meetings = sorted(supervision.list_sessions(conn), key=lambda s: (s.held_on, s.id))
    if not meetings:
        return
    first, latest = meetings[0], meetings[-1]
    years = max(1, today.year - first.held_on.year + 1)
    supervision_ledger.save_agreement(
        conn,
        SupervisionAgreement(
            new_id(),
            latest.supervisor,
            first.held_on,
            purpose="Safe, ethical practice; learning from my casework; support for me.",
            frequency="Every four weeks, 90 minutes, by video",
            recorded="Agenda, discussion (de-identified) and actions, in this journal; the "
            "supervisor keeps a brief note of the date and themes.",
            confidentiality="What we discuss stays between us, except a risk of serious harm "
            "to a mentee or others, which is shared with the service's safeguarding lead.",
            review_on=first.held_on.replace(year=first.held_on.year + years),
        ),
        now,
    )
    logged = [
        replace(
            meeting,
            minutes=60 if index % 3 == 2 else 90,
            functions=frozenset(item.function for item in meeting.agenda)
            or frozenset({SupervisionFunction.RESTORATIVE}),
        )
        for index, meeting in enumerate(meetings)
    ]
    logged += _recent_meetings(latest.supervisor, today, after=latest.held_on)
    for index, meeting in enumerate(logged):
        supervision.save(conn, meeting, now)
        if index >= len(logged) - 2:
            continue
        signed_on = min(meeting.held_on + timedelta(days=2), today)
        written_at = min(datetime.combine(signed_on, time(17, 0), tzinfo=UTC), now)
        supervision_ledger.insert_signoff(
            conn, sign_off(meeting, name=meeting.supervisor, signed_on=signed_on,
                           written_at=written_at),
        )  # fmt: skip


def _recent_meetings(supervisor: str, today: date, *, after: date) -> list[SupervisionSession]:
    """The fixed recent meetings that fall after the generated ones and not after today."""
    found: list[SupervisionSession] = []
    for back in range(_RECENT_MONTHS - 1, -1, -1):
        day, minutes, functions, question = _RECENT_SUPERVISION[back % len(_RECENT_SUPERVISION)]
        index = today.year * 12 + today.month - 1 - back
        held_on = date(index // 12, index % 12 + 1, day)
        if not after < held_on <= today:
            continue
        kinds = frozenset(SupervisionFunction(f) for f in functions)
        found.append(
            SupervisionSession(
                new_id(),
                held_on,
                supervisor,
                agenda=(AgendaItem(new_id(), question, min(kinds)),),
                discussion="Talked it through; agreed what I will try next.",
                actions=(SupervisionAction(new_id(), "Try it and bring it back next time", "me"),),
                minutes=minutes,
                functions=kinds,
            )
        )
    return found


def _insert_disclosure(conn: Connection) -> None:
    """A disclosure after the first mentee's first risk-flagged signed note, linked to it."""
    note = sessions.first_signed_risk_note(conn)
    if note is None:
        return
    shared_at = note.started_at + timedelta(minutes=note.duration_minutes + 20)
    entry = Disclosure(
        id=new_id(),
        mentee_id=note.mentee_id,
        shared_at=shared_at,
        basis=DisclosureBasis.RISK_TO_SELF,
        what="Said they had thought about ending their life this week and had a plan.",
        recipient="Duty worker, community crisis team",
        method=ShareMethod.PHONE,
        reasoning="Risk to life: a plan and a date; they could not agree to keep safe.",
        reference="CRT-DEMO-0001",
        advice_sought="Spoke to my supervisor before calling; she agreed.",
        informed=MenteeInformed.BEFORE,
        note_id=note.id,
    )
    disclosures.insert(conn, entry, shared_at + timedelta(minutes=30))


def _insert_former_mentee(conn: Connection, *, today: date, now: datetime) -> None:
    """An archived mentee whose care ended three years ago: a consent and three attended
    appointments, which the demo's 2-year period for appointments has put past retention."""
    closed = add_years(today, -3)
    started = closed - timedelta(days=60)
    mentee = Mentee(
        new_id(), FORMER_MENTEE_CODE, first_name="Robin", notes="Synthetic demo person.",
        status=MenteeStatus.CLOSED, started_on=started, status_since=closed, closed_on=closed,
        archived=True, retention_until=add_years(closed, 2),
    )  # fmt: skip
    mentees.insert(conn, mentee, now)
    mentees.save_consent(
        conn,
        Consent(new_id(), mentee.id, "Notes kept by the mentoring service", "Mentoring service",
                started, ConsentMethod.WRITTEN),
    )  # fmt: skip
    appointments.insert_many(
        conn,
        [
            Appointment(new_id(), mentee.id,
                        datetime.combine(started + timedelta(weeks=week), time(10), tzinfo=UTC),
                        status=AppointmentStatus.ATTENDED)
            for week in range(3)
        ],
        now,
    )  # fmt: skip


def _insert_access_request(conn: Connection, *, today: date, now: datetime) -> None:
    """M-001 asked for a copy of their record nine days ago; it is not answered yet."""
    first = mentees.get_by_code(conn, "M-001")
    if first is None:
        return
    subject_access.insert(
        conn,
        SubjectAccessRequest.received(
            new_id(), first.id, today - timedelta(days=9), today=today, now=now
        ),
    )
