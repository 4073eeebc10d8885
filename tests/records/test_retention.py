"""Retention: periods per record type from the profile, the past-retention list, the erasure."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.domain import AppointmentStatus, Instrument, MenteeStatus, PlanSection
from mentorjournal.domain.retention import (
    DEFAULT_PERIODS,
    DatedRecord,
    RecordType,
    RetentionCase,
    RetentionPolicy,
    add_years,
    past_retention,
    record_due_on,
)
from mentorjournal.domain.rule_overrides import RuleOverride
from mentorjournal.domain.service_profile import HeaderField, ServiceProfileKind
from mentorjournal.domain.session_header import Signer
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.errors import RecordNotFound, ValidationError
from mentorjournal.journal import Journal
from mentorjournal.storage import audit
from tests.fixtures.journal_fixtures import db_of, make_goal, make_mentee, make_note

UK = ServiceProfileKind.UK_DSA
US = ServiceProfileKind.US_MEDICAID_PEER


def test_profiles_start_from_the_rules_they_serve() -> None:
    assert RetentionPolicy(UK).years(RecordType.SESSION_NOTES) == 20  # NHS code: 20 years
    assert RetentionPolicy(US).years(RecordType.SESSION_NOTES) == 5  # Medicaid: 5 years
    assert RetentionPolicy(ServiceProfileKind.VOLUNTEER).years(RecordType.CONSENTS) == 7
    assert set(DEFAULT_PERIODS[ServiceProfileKind.NONE]) == set(RecordType)
    edited = RetentionPolicy(US, {RecordType.APPOINTMENTS: 2})
    assert edited.years(RecordType.APPOINTMENTS) == 2 and edited.overrides == {
        RecordType.APPOINTMENTS: 2
    }
    for bad in (0, 101, True):
        with pytest.raises(ValidationError, match="between 1 and 100"):
            RetentionPolicy(US, {RecordType.MEASURES: bad})


def test_a_record_is_due_years_after_the_later_of_its_day_and_the_end_of_care() -> None:
    assert add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)
    closed = date(2020, 6, 30)
    assert record_due_on(5, record_day=date(2019, 1, 1), closed_on=None) is None  # care goes on
    assert record_due_on(5, record_day=date(2019, 1, 1), closed_on=closed) == date(2025, 6, 30)
    assert record_due_on(5, record_day=date(2020, 8, 1), closed_on=closed) == date(2025, 8, 1)
    # The per-mentee "archive until" date still holds: the periods only add to it.
    later = date(2030, 1, 1)
    assert (
        record_due_on(5, record_day=date(2019, 1, 1), closed_on=closed, retain_until=later) == later
    )


def test_the_list_groups_by_mentee_and_type_with_the_day_they_became_due() -> None:
    policy = RetentionPolicy(US, {RecordType.APPOINTMENTS: 1})
    cases = [
        RetentionCase("m1", "M-001", date(2020, 1, 10)),
        RetentionCase("m2", "M-002", date(2025, 1, 1)),
    ]
    records = [
        DatedRecord("m1", RecordType.SESSION_NOTES, "n1", date(2019, 5, 1)),
        DatedRecord("m1", RecordType.SESSION_NOTES, "n2", date(2020, 1, 9)),
        DatedRecord("m1", RecordType.APPOINTMENTS, "a1", date(2019, 5, 1)),
        DatedRecord("m2", RecordType.SESSION_NOTES, "n3", date(2024, 1, 1)),  # due 2030
        DatedRecord("m2", RecordType.APPOINTMENTS, "a2", date(2024, 1, 1)),  # due 2026-01-01
        DatedRecord("m3", RecordType.SESSION_NOTES, "n4", date(2001, 1, 1)),  # an open mentee
    ]
    lines = past_retention(policy, cases, records, date(2026, 1, 5))
    assert [(p.code, p.record_type, p.due_on, p.record_ids) for p in lines] == [
        ("M-001", RecordType.APPOINTMENTS, date(2021, 1, 10), ("a1",)),
        ("M-001", RecordType.SESSION_NOTES, date(2025, 1, 10), ("n1", "n2")),
        ("M-002", RecordType.APPOINTMENTS, date(2026, 1, 1), ("a2",)),
    ]
    assert past_retention(policy, cases, records, date(2020, 12, 31)) == []


def test_rule_overrides_change_what_signing_needs_and_are_stored_per_profile(
    memory_journal: Journal,
) -> None:
    with pytest.raises(ValidationError, match="not both"):
        RuleOverride(frozenset(), due_business_days=2, due_hours=24)
    with pytest.raises(ValidationError, match="service type required"):
        RuleOverride(frozenset({HeaderField.SERVICE_CODE}))
    with pytest.raises(ValidationError, match="between 1 and 30"):
        RuleOverride(frozenset(), due_business_days=31)
    stricter = RuleOverride(
        frozenset({HeaderField.END, HeaderField.PLACE, HeaderField.GOALS}), due_hours=48
    )
    settings = RecordSettings(
        UK,
        Signer("Sam Example", "Mentor"),
        overrides={UK: stricter, US: RuleOverride.of(US.rules)},  # the second changes nothing
        retention={UK: {RecordType.APPOINTMENTS: 2}, US: {}},
    )
    assert settings.overrides == {UK: stricter}
    assert settings.rules.required == stricter.required and settings.rules.due_hours == 48
    assert settings.rules.unit_minutes == UK.rules.unit_minutes
    memory_journal.set_record_settings(settings)
    stored = memory_journal.record_settings()
    assert stored == settings
    assert stored.retention_policy.years(RecordType.APPOINTMENTS) == 2
    assert stored.retention_for(US).years(RecordType.APPOINTMENTS) == 5

    mentee = make_mentee(memory_journal)
    note = make_note(memory_journal, mentee)
    with pytest.raises(ValidationError, match="a plan goal with a progress line"):
        memory_journal.sign_note(note.id)
    memory_journal.set_record_settings(RecordSettings(UK, Signer("Sam Example", "Mentor")))
    assert memory_journal.record_settings().rules == UK.rules


def _closed_mentee_with_records(journal: Journal, clock: ManualClock) -> str:
    """M-700: records of every type from January 2026, closed on 5 January 2026."""
    mentee = make_mentee(journal, "M-700", started_on=date(2025, 12, 1))
    note = make_note(journal, mentee, text="The record that will go.", sign=True)
    journal.add_addendum(note.id, "A correction that goes with it.")
    make_note(journal, mentee, text="A draft never signed.")
    goal = make_goal(journal, mentee, words="Sleep better")
    journal.add_progress(goal.id, on=date(2026, 1, 5), gas_level=1)
    journal.save_plan(mentee.id, {PlanSection.WARNING_SIGNS: ["Skipping meals"]})
    journal.add_measure(mentee.id, Instrument.PHQ9, (0,) * 9, on=date(2026, 1, 5))
    appointment = journal.add_appointment(mentee.id, datetime(2026, 1, 5, 8, tzinfo=UTC)).value
    journal.set_appointment_status(appointment.id, AppointmentStatus.ATTENDED)
    journal.set_mentee_status(mentee.id, MenteeStatus.CLOSED, on=date(2026, 1, 5))
    return mentee.id


def test_nothing_is_due_until_the_period_ends_then_the_review_lists_each_type(
    journal: Journal, vault_clock: ManualClock
) -> None:
    mentee_id = _closed_mentee_with_records(journal, vault_clock)
    journal.set_record_settings(RecordSettings(US, retention={US: {RecordType.APPOINTMENTS: 1}}))
    assert journal.records_past_retention() == []
    lines = journal.records_past_retention(date(2027, 1, 5))
    assert [(p.record_type, p.count) for p in lines] == [(RecordType.APPOINTMENTS, 1)]
    later = journal.records_past_retention(date(2031, 1, 5))
    assert {p.record_type for p in later} == {
        RecordType.SESSION_NOTES, RecordType.ADDENDA, RecordType.GOALS, RecordType.COPING_PLANS,
        RecordType.MEASURES, RecordType.APPOINTMENTS,
    }  # fmt: skip
    assert all(p.mentee_id == mentee_id and p.due_on <= date(2031, 1, 5) for p in later)
    journal.set_mentee_status(mentee_id, MenteeStatus.ACTIVE)  # reopened: nothing is due
    assert journal.records_past_retention(date(2031, 1, 5)) == []


def test_a_reviewed_erasure_takes_signed_records_writes_erase_events_and_verify_holds(
    journal: Journal, vault_clock: ManualClock
) -> None:
    mentee_id = _closed_mentee_with_records(journal, vault_clock)
    (signed,) = [n for n in journal.notes_for(mentee_id) if n.is_signed]
    journal.request_review(signed.id)
    journal.add_cosignature(signed.id, name="Dr A", role="Supervisor", cosigned_on=date(2026, 1, 5))
    journal.set_record_settings(RecordSettings(US))
    vault_clock.current = datetime(2031, 1, 6, 9, tzinfo=UTC)
    with pytest.raises(ValidationError, match="reason"):
        journal.erase_past_retention(mentee_id, RecordType.SESSION_NOTES, "  ")
    with pytest.raises(ValidationError, match="never shortened"):
        journal.erase_past_retention(mentee_id, RecordType.AUDIT, "Period over")
    assert len(journal.notes_for(mentee_id)) == 2  # refusals lost nothing
    assert journal.search("record that will go")

    done = journal.erase_past_retention(
        mentee_id, RecordType.SESSION_NOTES, "Medicaid period of 5 years ended"
    )
    assert done.value.records == 2 and done.value.due_on == date(2031, 1, 5)
    assert journal.notes_for(mentee_id) == []
    assert journal.search("record that will go") == []
    events = audit.events(db_of(journal), limit=1000)
    erased_kinds = sorted(e.kind for e in events if e.action == "erase")
    assert erased_kinds == ["addendum", "cosignature", "note", "retention_erasure"]
    (register,) = journal.retention_erasures()
    assert register.reason == "Medicaid period of 5 years ended" and register.records == 2
    assert journal._unlocked_vault().verify_records() == []
    # Other types stay until erased in their turn; the mentee is still there.
    assert RecordType.SESSION_NOTES not in {p.record_type for p in journal.records_past_retention()}
    assert journal.list_goals(mentee_id)
    journal.erase_past_retention(mentee_id, RecordType.GOALS, "Period ended")
    assert journal.list_goals(mentee_id) == []
    with pytest.raises(ValidationError, match="past retention today"):
        journal.erase_past_retention(mentee_id, RecordType.GOALS, "Again")
    with pytest.raises(RecordNotFound):
        journal.erase_past_retention("0" * 32, RecordType.GOALS, "No one")


def test_addenda_can_go_before_their_note_and_verify_still_holds(
    journal: Journal, vault_clock: ManualClock
) -> None:
    mentee_id = _closed_mentee_with_records(journal, vault_clock)
    journal.set_record_settings(RecordSettings(UK, retention={UK: {RecordType.ADDENDA: 1}}))
    vault_clock.advance(timedelta(days=400).total_seconds())
    (line,) = journal.records_past_retention()
    assert line.record_type is RecordType.ADDENDA
    journal.erase_past_retention(mentee_id, RecordType.ADDENDA, "Addenda kept one year")
    (note,) = [n for n in journal.notes_for(mentee_id) if n.is_signed]
    assert journal.addenda(note.id) == []
    assert journal._unlocked_vault().verify_records() == []
