"""The caseload's storage: schema 5 tables, set-based overview, calendar rendering."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar

from mentorjournal.demo import populate_demo
from mentorjournal.domain import Appointment, AppointmentListing, AppointmentStatus, new_id
from mentorjournal.domain.caseload import CaseloadCutoffs
from mentorjournal.export.calendar import calendar_bytes
from mentorjournal.journal import Journal
from mentorjournal.storage import appointments as appointment_repo
from mentorjournal.storage import caseload as caseload_repo
from mentorjournal.storage.connection import transaction
from tests.fixtures.journal_fixtures import db_of, make_mentee

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def test_the_overview_finds_the_next_planned_appointment_not_a_cancelled_one(
    memory_journal: Journal,
) -> None:
    mentee = make_mentee(memory_journal, "M-040")
    cancelled = Appointment(new_id(), mentee.id, NOW + timedelta(days=1),
                            status=AppointmentStatus.CANCELLED_BY_MENTEE)  # fmt: skip
    planned = Appointment(new_id(), mentee.id, NOW + timedelta(days=2))
    with transaction(db_of(memory_journal)) as conn:
        appointment_repo.insert_many(conn, [cancelled, planned], NOW)
    cut = CaseloadCutoffs.for_day(date(2026, 3, 10), NOW)
    (figures,) = caseload_repo.overview(db_of(memory_journal), cut)
    assert figures.code == "M-040"
    assert figures.next_appointment == planned
    assert figures.last_session_at is None


def test_a_demo_gives_most_active_mentees_a_next_appointment_and_a_gas_rating(
    memory_journal: Journal,
) -> None:
    memory_journal.clock.current = NOW  # type: ignore[attr-defined]
    populate_demo(
        db_of(memory_journal), mentees=6, sessions=300, seed=5, clock=memory_journal.clock
    )
    cut = CaseloadCutoffs.for_day(NOW.date(), NOW)
    figures = caseload_repo.overview(db_of(memory_journal), cut)
    assert figures and all(f.status == "active" for f in figures)
    assert sum(f.next_appointment is not None for f in figures) >= len(figures) // 2
    gas = caseload_repo.latest_gas_ratings(db_of(memory_journal))
    assert {f.mentee_id for f in figures} & set(gas)


def test_the_calendar_holds_one_event_per_appointment_with_the_code_only() -> None:
    mentee_id = new_id()
    listing = AppointmentListing(Appointment(new_id(), mentee_id, NOW, minutes=30), "M-041")
    calendar = icalendar.Calendar.from_ical(calendar_bytes([listing], NOW))
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Mentoring session M-041"
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=30)
    assert str(event["status"]) == "CONFIRMED"
    assert mentee_id not in calendar_bytes([listing], NOW).decode()
