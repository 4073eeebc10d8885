"""Attendance through the journal: outcomes and allocations are audited, synced, erased with
the mentee, survive an upgrade; the timesheet gathers the right sessions."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.domain.appointments import AppointmentStatus
from mentorjournal.domain.attendance import AllocationPeriod, HourAllocation, Outcome
from mentorjournal.domain.session_header import SessionHeader
from mentorjournal.errors import RecordNotFound, UsageError, ValidationError
from mentorjournal.journal import Journal
from mentorjournal.storage.connection import open_database
from tests.fixtures.journal_fixtures import db_of, make_mentee, make_note
from tests.fixtures.make_golden_vaults import (
    ATTENDANCE_SCHEMA,
    CREATED_AT,
    GOLDEN_KEY,
    golden_path,
)
from tests.sync.harness import Net


def _at(day: int, hour: int = 10) -> datetime:
    return datetime(2025, 12, day, hour, 0, tzinfo=UTC)


def test_an_outcome_is_stored_with_its_reason_and_audited(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal)
    planned = memory_journal.add_appointment(mentee.id, _at(1), minutes=50).value
    outcome = Outcome(AppointmentStatus.ENDED_EARLY, "Felt faint", held_minutes=20, agreed=True)
    changed = memory_journal.record_outcome(planned.id, outcome)
    assert changed.changes.appointments
    stored = memory_journal.get_appointment(planned.id)
    assert (stored.status, stored.reason, stored.held_minutes, stored.early_end_agreed) == (
        AppointmentStatus.ENDED_EARLY, "Felt faint", 20, True,
    )  # fmt: skip
    event = memory_journal.audit_events(action="edit")[-1]
    assert (event.kind, event.record_id) == ("appointment", planned.id)
    detail = (
        db_of(memory_journal)
        .execute("SELECT detail FROM audit_log ORDER BY seq DESC LIMIT 1")
        .fetchone()[0]
    )
    assert detail == "outcome=ended_early"  # the kind of outcome, never the reason's words
    with pytest.raises(ValidationError, match="Minutes held"):
        memory_journal.record_outcome(
            planned.id, Outcome(AppointmentStatus.ENDED_EARLY, "x", 50, True)
        )
    with pytest.raises(RecordNotFound):
        memory_journal.record_outcome("0b4c1a2e-0000-4c55-9d0e-3f8f2a5b7c00", outcome)


def test_a_cancellation_without_a_reason_is_refused_and_nothing_changes(
    memory_journal: Journal,
) -> None:
    mentee = make_mentee(memory_journal)
    planned = memory_journal.add_appointment(mentee.id, _at(1)).value
    before = len(memory_journal.audit_events())
    with pytest.raises(ValidationError, match="reason is required"):
        memory_journal.set_appointment_status(planned.id, AppointmentStatus.CANCELLED_BY_MENTEE)
    assert memory_journal.get_appointment(planned.id).status is AppointmentStatus.PLANNED
    assert len(memory_journal.audit_events()) == before


def test_an_allocation_is_set_changed_and_cleared_each_audited(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal)
    assert memory_journal.hour_allocation(mentee.id) is None
    memory_journal.set_hour_allocation(HourAllocation(mentee.id, 600, AllocationPeriod.TERM))
    memory_journal.set_hour_allocation(HourAllocation(mentee.id, 240, AllocationPeriod.MONTH))
    assert memory_journal.hour_allocation(mentee.id) == HourAllocation(
        mentee.id, 240, AllocationPeriod.MONTH
    )
    memory_journal.clear_hour_allocation(mentee.id)
    assert memory_journal.hour_allocation(mentee.id) is None
    actions = [e.action for e in memory_journal.audit_events() if e.kind == "allocation"]
    assert actions == ["delete", "edit", "create"]  # newest first
    with pytest.raises(RecordNotFound):
        memory_journal.clear_hour_allocation(mentee.id)
    with pytest.raises(ValidationError):
        memory_journal.set_hour_allocation(
            HourAllocation("0b4c1a2e-0000-4c55-9d0e-3f8f2a5b7c00", 60, AllocationPeriod.TERM)
        )


def test_erasing_a_mentee_takes_the_allocation_too(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal)
    memory_journal.set_hour_allocation(HourAllocation(mentee.id, 600, AllocationPeriod.TERM))
    memory_journal.erase_mentee(mentee.id)
    conn = db_of(memory_journal)
    assert conn.execute("SELECT count(*) FROM hour_allocations").fetchone()[0] == 0


def test_the_timesheet_joins_a_note_to_the_appointment_it_was_written_from(
    memory_journal: Journal,
) -> None:
    mentee = make_mentee(memory_journal, "M-002", legal_name="Robin Testperson")
    booked = memory_journal.add_appointment(mentee.id, _at(1), minutes=60).value
    note = memory_journal.note_from_appointment(booked.id).value
    header = SessionHeader(ended_at=note.started_at + timedelta(minutes=45), place="Library")
    memory_journal.save_draft(note.__class__(**{**note.__dict__, "header": header}))
    missed = memory_journal.add_appointment(mentee.id, _at(3)).value
    memory_journal.record_outcome(missed.id, Outcome(AppointmentStatus.DID_NOT_ATTEND))
    make_note(memory_journal, mentee, started_at=_at(4, 15))
    sheet = memory_journal.timesheet(mentee.id, date(2025, 12, 1), date(2025, 12, 31))
    assert [(r.day.day, r.minutes, r.place, r.status) for r in sheet.rows] == [
        (1, 45, "Library", AppointmentStatus.ATTENDED),
        (3, 0, "", AppointmentStatus.DID_NOT_ATTEND),
        (4, 60, "", AppointmentStatus.ATTENDED),
    ]
    assert sheet.mentee_name == "Robin Testperson"
    assert (sheet.total.sessions_held, sheet.total.minutes_held) == (2, 105)
    only_first = memory_journal.timesheet(mentee.id, date(2025, 12, 1), date(2025, 12, 1))
    assert len(only_first.rows) == 1
    assert only_first.summaries[0].minutes_held == 105  # December counted whole
    with pytest.raises(UsageError):
        memory_journal.timesheet(mentee.id, date(2025, 12, 2), date(2025, 12, 1))


@pytest.fixture
def net(tmp_path: Path, fast_kdf: object) -> Iterator[Net]:
    made = Net(tmp_path)
    yield made
    for device in made.devices.values():
        device.journal.lock()


def test_outcomes_and_allocations_reach_the_other_computer(net: Net) -> None:
    a = net.first("a", lambda j: make_mentee(j, "M-001"))
    b = net.join("b", a)
    mentee = a.journal.mentee_by_code("M-001")
    planned = a.journal.add_appointment(mentee.id, _at(1)).value
    outcome = Outcome(AppointmentStatus.ENDED_EARLY, "Fire alarm", held_minutes=30, agreed=False)
    a.journal.record_outcome(planned.id, outcome)
    a.journal.set_hour_allocation(HourAllocation(mentee.id, 450, AllocationPeriod.TERM))
    net.mesh()
    there = b.journal.get_appointment(planned.id)
    assert (there.status, there.reason, there.held_minutes, there.early_end_agreed) == (
        AppointmentStatus.ENDED_EARLY, "Fire alarm", 30, False,
    )  # fmt: skip
    assert b.journal.hour_allocation(mentee.id) == HourAllocation(
        mentee.id, 450, AllocationPeriod.TERM
    )


@pytest.fixture
def before_attendance(tmp_path: Path) -> Iterator[Journal]:
    copy = tmp_path / "journal.db"
    shutil.copyfile(golden_path(ATTENDANCE_SCHEMA - 1), copy)
    journal = Journal(open_database(copy, GOLDEN_KEY), ManualClock(CREATED_AT))
    yield journal
    journal.lock()


def test_a_vault_from_before_reasons_keeps_its_outcomes_and_takes_new_ones(
    before_attendance: Journal,
) -> None:
    journal = before_attendance
    listed = [x.appointment for x in journal.appointments()]
    assert listed and all(a.reason == "" and a.held_minutes is None for a in listed)
    assert {a.status for a in listed} >= {AppointmentStatus.ATTENDED, AppointmentStatus.PLANNED}
    attended = next(a for a in listed if a.status is AppointmentStatus.ATTENDED and a.minutes > 10)
    journal.record_outcome(
        attended.id, Outcome(AppointmentStatus.ENDED_EARLY, "Upgraded", attended.minutes - 5, True)
    )
    assert journal.get_appointment(attended.id).held_minutes == attended.minutes - 5
    journal.set_hour_allocation(HourAllocation(attended.mentee_id, 600, AllocationPeriod.TERM))
    sheet = journal.timesheet(attended.mentee_id, date(2025, 1, 1), date(2025, 12, 31))
    assert sheet.allocation is not None and sheet.rows
    assert any(r.status is AppointmentStatus.ENDED_EARLY for r in sheet.rows)


def test_the_golden_vault_of_this_schema_reads_back(tmp_path: Path) -> None:
    copy = tmp_path / "journal.db"
    shutil.copyfile(golden_path(ATTENDANCE_SCHEMA), copy)
    journal = Journal(open_database(copy, GOLDEN_KEY), ManualClock(CREATED_AT))
    try:
        statuses = {x.appointment.status for x in journal.appointments()}
        assert {AppointmentStatus.ENDED_EARLY, AppointmentStatus.CANCELLED_BY_SERVICE} <= statuses
        reasons = {x.appointment.reason for x in journal.appointments()} - {""}
        assert reasons == {"Golden early end", "Golden closure", "Golden no reply"}
    finally:
        journal.lock()


def test_the_demo_shows_every_outcome_with_reasons_and_an_allocation(
    memory_journal: Journal,
) -> None:
    memory_journal.fill_demo(mentees=8, sessions=320, seed=3)
    listed = [x.appointment for x in memory_journal.appointments()]
    statuses = {a.status for a in listed}
    assert {
        AppointmentStatus.ATTENDED, AppointmentStatus.DID_NOT_ATTEND,
        AppointmentStatus.ENDED_EARLY, AppointmentStatus.PLANNED,
    } <= statuses  # fmt: skip
    assert statuses & {s for s in AppointmentStatus if s.is_cancellation}
    assert all(a.reason for a in listed if a.status.is_cancellation)
    early = [a for a in listed if a.status is AppointmentStatus.ENDED_EARLY]
    assert {a.early_end_agreed for a in early} == {True, False}
    mentee = memory_journal.get_mentee(early[0].mentee_id)
    allocation = memory_journal.hour_allocation(mentee.id)
    assert allocation is not None
    today = memory_journal.today()
    sheet = memory_journal.timesheet(mentee.id, today - timedelta(days=120), today)
    assert sheet.total.sessions_held > 0 and sheet.summaries[0].allocated_minutes


def test_a_note_from_an_early_ended_session_keeps_the_outcome_and_takes_its_length(
    memory_journal: Journal,
) -> None:
    mentee = make_mentee(memory_journal)
    early = memory_journal.add_appointment(mentee.id, _at(1), minutes=60).value
    memory_journal.record_outcome(
        early.id, Outcome(AppointmentStatus.ENDED_EARLY, "Fire alarm", 25, True)
    )
    note = memory_journal.note_from_appointment(early.id).value
    assert note.duration_minutes == 25
    kept = memory_journal.get_appointment(early.id)
    assert (kept.status, kept.reason, kept.note_id) == (
        AppointmentStatus.ENDED_EARLY, "Fire alarm", note.id,
    )  # fmt: skip
    missed = memory_journal.add_appointment(mentee.id, _at(2)).value
    memory_journal.record_outcome(missed.id, Outcome(AppointmentStatus.DID_NOT_ATTEND, "No reply"))
    memory_journal.note_from_appointment(missed.id)
    after = memory_journal.get_appointment(missed.id)
    assert (after.status, after.reason) == (AppointmentStatus.ATTENDED, "")
