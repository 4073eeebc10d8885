"""Appointments, measures and the caseload through the journal facade, on a real vault."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from mentorjournal.clock import LocalZone, ManualClock, local_today
from mentorjournal.domain import AppointmentStatus, Instrument, SessionMode
from mentorjournal.domain.caseload import CaseloadEntry
from mentorjournal.errors import RecordNotFound, ValidationError
from mentorjournal.journal import Journal
from mentorjournal.storage import audit
from tests.fixtures.journal_fixtures import db_of, make_goal, make_mentee, make_note

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
UTC_ZONE = UTC


@pytest.fixture
def clock(vault_clock: ManualClock) -> ManualClock:
    vault_clock.current = NOW
    return vault_clock


def _entry(journal: Journal, code: str, **kwargs: object) -> CaseloadEntry:
    found = [e for e in journal.caseload(zone=UTC_ZONE, **kwargs) if e.mentee_code == code]  # type: ignore[arg-type]
    assert len(found) == 1
    return found[0]


def test_an_appointment_is_planned_moved_and_marked_with_its_outcome_and_audited(
    memory_journal: Journal, clock: ManualClock
) -> None:
    mentee = make_mentee(memory_journal, "M-020")
    planned = memory_journal.add_appointment(
        mentee.id, NOW + timedelta(days=2), minutes=50, mode=SessionMode.PHONE
    )
    assert planned.changes.appointments
    moved = memory_journal.update_appointment(
        replace(planned.value, at=NOW + timedelta(days=3))
    ).value
    memory_journal.set_appointment_status(moved.id, AppointmentStatus.DID_NOT_ATTEND)
    stored = memory_journal.get_appointment(moved.id)
    assert stored.at == NOW + timedelta(days=3)
    assert stored.status is AppointmentStatus.DID_NOT_ATTEND
    events = [(e.action, e.kind) for e in audit.events(db_of(memory_journal))]
    assert events[-3:] == [("create", "appointment"), ("edit", "appointment"),
                           ("edit", "appointment")]  # fmt: skip


def test_a_bad_appointment_loses_nothing_and_says_why(
    memory_journal: Journal, clock: ManualClock
) -> None:
    mentee = make_mentee(memory_journal, "M-021")
    with pytest.raises(ValidationError, match="Length in minutes"):
        memory_journal.add_appointment(mentee.id, NOW, minutes=2)
    with pytest.raises(ValidationError, match="time zone"):
        memory_journal.add_appointment(mentee.id, datetime(2026, 3, 1, 9))
    with pytest.raises(RecordNotFound):
        memory_journal.add_appointment("00000000-0000-4000-8000-000000000000", NOW)
    assert memory_journal.appointments() == []


def test_a_note_started_from_an_appointment_takes_its_time_length_and_mode(
    memory_journal: Journal, clock: ManualClock
) -> None:
    mentee = make_mentee(memory_journal, "M-022")
    at = NOW - timedelta(hours=2)
    appointment = memory_journal.add_appointment(
        mentee.id, at, minutes=45, mode=SessionMode.VIDEO
    ).value
    note = memory_journal.note_from_appointment(appointment.id).value
    assert (note.started_at, note.duration_minutes, note.mode) == (at, 45, SessionMode.VIDEO)
    linked = memory_journal.get_appointment(appointment.id)
    assert linked.note_id == note.id and linked.status is AppointmentStatus.ATTENDED
    assert memory_journal.appointment_for_note(note.id) == linked


def test_appointments_between_local_days_respect_the_mentors_zone(
    memory_journal: Journal, clock: ManualClock
) -> None:
    mentee = make_mentee(memory_journal, "M-023")
    # 23:30 UTC on 1 April is 2 April in UTC+2 and still 1 April in UTC-5.
    late = memory_journal.add_appointment(mentee.id, datetime(2026, 4, 1, 23, 30, tzinfo=UTC))
    east, west = timezone(timedelta(hours=2)), timezone(timedelta(hours=-5))
    day = date(2026, 4, 2)
    assert [
        x.appointment.id for x in memory_journal.appointments_between_days(day, day, zone=east)
    ] == [late.value.id]
    assert memory_journal.appointments_between_days(day, day, zone=west) == []


def test_phq9_item_nine_opens_a_follow_up_that_the_mentor_closes(
    memory_journal: Journal, clock: ManualClock
) -> None:
    mentee = make_mentee(memory_journal, "M-024")
    result = memory_journal.add_measure(mentee.id, Instrument.PHQ9, [0] * 8 + [2])
    assert result.changes.measures and result.changes.supervision
    (followup,) = memory_journal.followups(open_only=True)
    assert followup.source_id == result.value.id
    assert _entry(memory_journal, "M-024").open_risk_followups == 1
    clock.advance(3600)
    closed = memory_journal.close_followup(followup.id, "Talked it through; plan reviewed.").value
    assert not closed.is_open
    assert memory_journal.followups(open_only=True) == []
    assert _entry(memory_journal, "M-024").open_risk_followups == 0
    with pytest.raises(RecordNotFound):
        memory_journal.close_followup(followup.id, "again")


def test_a_refused_measure_stores_nothing(memory_journal: Journal, clock: ManualClock) -> None:
    mentee = make_mentee(memory_journal, "M-025")
    with pytest.raises(ValidationError):
        memory_journal.add_measure(mentee.id, Instrument.GAD7, [1, 2, 3])
    assert memory_journal.measures(mentee.id) == []


def test_scales_take_ratings_from_0_to_10(memory_journal: Journal, clock: ManualClock) -> None:
    mentee = make_mentee(memory_journal, "M-026")
    scale = memory_journal.add_scale(
        mentee.id, "Sleep", low_label="Awful", high_label="Great"
    ).value
    memory_journal.rate_scale(scale.id, 4, on=date(2026, 3, 1))
    memory_journal.rate_scale(scale.id, 7, on=date(2026, 3, 8))
    with pytest.raises(ValidationError):
        memory_journal.rate_scale(scale.id, 11)
    assert [r.value for r in memory_journal.scale_ratings(scale.id)] == [4, 7]
    assert memory_journal.scales(mentee.id) == [scale]


def test_the_caseload_reports_each_figure_for_an_active_mentee(
    memory_journal: Journal, clock: ManualClock
) -> None:
    mentee = make_mentee(memory_journal, "M-027")
    make_mentee(memory_journal, "M-028")
    make_note(memory_journal, mentee, started_at=NOW - timedelta(days=10), sign=True)
    make_note(memory_journal, mentee, started_at=NOW - timedelta(days=3))  # an old draft
    make_note(memory_journal, mentee, started_at=NOW - timedelta(hours=3))  # today's draft
    goal = make_goal(memory_journal, mentee, time_bound=date(2026, 3, 14))
    memory_journal.add_progress(goal.id, on=date(2026, 3, 1), gas_level=1)
    nxt = memory_journal.add_appointment(mentee.id, NOW + timedelta(days=1)).value
    memory_journal.add_appointment(mentee.id, NOW + timedelta(days=8))
    memory_journal.add_measure(
        mentee.id, Instrument.GAD7, [3, 3, 2, 2, 1, 1, 0], on=date(2026, 2, 1)
    )
    memory_journal.add_measure(
        mentee.id, Instrument.GAD7, [1, 1, 1, 1, 1, 1, 0], on=date(2026, 3, 1)
    )
    entry = _entry(memory_journal, "M-027")
    assert entry.last_session == date(2026, 3, 10)
    assert entry.days_since_last_session == 0
    assert entry.next_appointment == nxt
    assert entry.unsigned_drafts == 1
    assert entry.goals_review_due == 1
    assert entry.open_risk_followups == 0
    (gad,) = entry.latest_measures
    assert (gad.score, gad.band, gad.change) == (6, "mild", -6)
    assert entry.gas_t_score == pytest.approx(60.0)
    other = _entry(memory_journal, "M-028")
    assert other.last_session is None and other.next_appointment is None
    assert "no next appointment" in other.attention_reasons()


def test_closed_mentees_are_not_on_the_caseload(
    memory_journal: Journal, clock: ManualClock
) -> None:
    from mentorjournal.domain import MenteeStatus

    mentee = make_mentee(memory_journal, "M-029")
    memory_journal.set_mentee_status(mentee.id, MenteeStatus.CLOSED)
    assert [e.mentee_code for e in memory_journal.caseload(zone=UTC_ZONE)] == []


@pytest.mark.parametrize("hours", [-7, 10])
def test_days_since_last_session_counts_local_days_just_after_midnight(
    memory_journal: Journal, clock: ManualClock, hours: int
) -> None:
    zone = timezone(timedelta(hours=hours))
    mentee = make_mentee(memory_journal, "M-030")
    # Five minutes after local midnight on 10 March; the session was 23:50 local on 9 March.
    clock.current = datetime(2026, 3, 10, 0, 5, tzinfo=zone).astimezone(UTC)
    make_note(memory_journal, mentee, started_at=datetime(2026, 3, 9, 23, 50, tzinfo=zone))
    (entry,) = memory_journal.caseload(zone=zone)
    assert entry.last_session == date(2026, 3, 9)
    assert entry.days_since_last_session == 1


def test_without_a_zone_the_caseload_asks_the_clocks_zone_like_the_timeline(
    memory_journal: Journal, clock: ManualClock
) -> None:
    """One clock: the home and the timeline must agree on which day a session was."""
    east = LocalZone(timezone(timedelta(hours=11)))
    clock.zone = east
    mentee = make_mentee(memory_journal, "M-032")
    # 00:05 on 10 March east of Greenwich is still 9 March in UTC and on a UTC machine.
    clock.current = datetime(2026, 3, 10, 0, 5, tzinfo=east.tz).astimezone(UTC)
    make_note(memory_journal, mentee, started_at=datetime(2026, 3, 9, 23, 50, tzinfo=east.tz))
    assert memory_journal.local_today() == date(2026, 3, 10) == local_today(clock)
    (entry,) = memory_journal.caseload()
    assert entry.last_session == date(2026, 3, 9)
    assert entry.days_since_last_session == 1
    review = memory_journal.self_review()
    assert review == memory_journal.self_review(zone=east.tz)


def test_caseload_on_an_earlier_day_looks_from_that_day(
    memory_journal: Journal, clock: ManualClock
) -> None:
    mentee = make_mentee(memory_journal, "M-031")
    make_note(memory_journal, mentee, started_at=datetime(2026, 2, 1, 10, tzinfo=UTC), sign=True)
    first = memory_journal.add_appointment(mentee.id, datetime(2026, 2, 20, 10, tzinfo=UTC)).value
    entry = _entry(memory_journal, "M-031", on=date(2026, 2, 10))
    assert entry.days_since_last_session == 9
    assert entry.next_appointment == first
    assert _entry(memory_journal, "M-031").next_appointment is None


def test_erasing_a_mentee_takes_their_caseload_records(
    memory_journal: Journal, clock: ManualClock
) -> None:
    mentee = make_mentee(memory_journal, "M-032")
    memory_journal.add_appointment(mentee.id, NOW)
    memory_journal.add_measure(mentee.id, Instrument.PHQ9, [1] * 9)
    scale = memory_journal.add_scale(mentee.id, "Calm").value
    memory_journal.rate_scale(scale.id, 5)
    counts = memory_journal.record_counts(mentee.id)
    assert counts["appointments"] == counts["measures"] == counts["risk_followups"] == 1
    memory_journal.erase_mentee(mentee.id)
    assert set(memory_journal.record_counts(mentee.id).values()) == {0}
