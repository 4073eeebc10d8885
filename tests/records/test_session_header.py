"""Session header: profile rules, due times and late entries, the signer stamp, and the lock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlcipher3

from mentorjournal.clock import LocalZone, ManualClock
from mentorjournal.domain import NoteTemplate, SessionNote, new_id, verify_note
from mentorjournal.domain.service_profile import (
    HeaderField,
    ServiceProfileKind,
    billing_units,
    note_due_at,
)
from mentorjournal.domain.session_header import (
    Modality,
    PlanGoalLine,
    SessionHeader,
    Signer,
    missing_fields,
)
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.errors import LateEntryNeedsReason, RecordSigned, ValidationError
from mentorjournal.journal import Journal
from mentorjournal.storage import audit
from tests.fixtures.journal_fixtures import db_of, make_goal, make_mentee

LONDON = LocalZone(ZoneInfo("Europe/London"))
SIGNER = Signer("Sam Example", "Peer Support Specialist", "CPS")
US = RecordSettings(ServiceProfileKind.US_MEDICAID_PEER, SIGNER)
FRIDAY_10 = datetime(2026, 1, 9, 10, 0, tzinfo=UTC)


def _header(note_start: datetime, goal_id: str, **fields: object) -> SessionHeader:
    values: dict[str, object] = {
        "ended_at": note_start + timedelta(minutes=50),
        "place": "Community (99)",
        "service": "Peer support, individual",
        "service_code": "H0038",
        "goals": (PlanGoalLine(goal_id, "Booked the college open day"),),
        "written_with_mentee": True,
        "own_words": "I felt less alone today.",
    }
    values.update(fields)
    return SessionHeader(**values)  # type: ignore[arg-type]


def _draft(journal: Journal, started: datetime, **header_fields: object) -> SessionNote:
    mentee = make_mentee(journal, f"H-{new_id()[:6]}")
    goal = make_goal(journal, mentee)
    note = journal.new_note(mentee.id, started_at=started).value
    note = replace(note, goal_ids=(goal.id,), header=_header(started, goal.id, **header_fields))
    return journal.save_draft(note).value


# --- domain rules -------------------------------------------------------------------------


def test_three_business_days_from_a_friday_end_on_wednesday_night() -> None:
    rules = ServiceProfileKind.US_MEDICAID_PEER.rules
    due = note_due_at(rules, FRIDAY_10, crisis=False, zone=LONDON)
    assert due == datetime(2026, 1, 15, 0, 0, tzinfo=UTC)  # Wed 14th ends at midnight
    crisis = note_due_at(rules, FRIDAY_10, crisis=True, zone=LONDON)
    assert crisis == FRIDAY_10 + timedelta(hours=24)
    assert note_due_at(ServiceProfileKind.NONE.rules, FRIDAY_10, crisis=True, zone=LONDON) is None


def test_a_business_day_ends_at_the_mentors_midnight_not_utcs() -> None:
    new_york = LocalZone(ZoneInfo("America/New_York"))
    late_friday = datetime(2026, 1, 10, 3, 0, tzinfo=UTC)  # Friday 22:00 in New York
    due = note_due_at(
        ServiceProfileKind.US_MEDICAID_PEER.rules, late_friday, crisis=False, zone=new_york
    )
    assert due is not None and new_york.local(due).date() == date(2026, 1, 15)
    assert new_york.local(due).hour == 0


@pytest.mark.parametrize(
    ("minutes", "units"), [(0, 0), (7, 0), (8, 1), (15, 1), (22, 1), (23, 2), (50, 3), (53, 4)]
)
def test_fifteen_minute_units_count_a_part_unit_from_its_midpoint(minutes: int, units: int) -> None:
    assert billing_units(minutes, 15) == units
    assert billing_units(minutes, 0) == 0


def test_the_end_sets_the_duration_and_cannot_come_before_the_start() -> None:
    start = FRIDAY_10
    note = SessionNote(
        new_id(), new_id(), start, duration_minutes=60,
        header=SessionHeader(ended_at=start + timedelta(minutes=47)),
    )  # fmt: skip
    assert note.duration_minutes == 47
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        SessionNote(new_id(), new_id(), start, header=SessionHeader(ended_at=start - timedelta(1)))


def test_progress_lines_follow_the_goals_the_note_links() -> None:
    goal_a, goal_b = new_id(), new_id()
    header = SessionHeader(goals=(PlanGoalLine(goal_b, "Kept"), PlanGoalLine(new_id(), "Gone")))
    note = SessionNote(new_id(), new_id(), FRIDAY_10, goal_ids=(goal_a, goal_b), header=header)
    assert note.header is not None
    assert note.header.goals == (PlanGoalLine(goal_a, ""), PlanGoalLine(goal_b, "Kept"))
    with pytest.raises(ValidationError, match="one line"):
        PlanGoalLine(goal_a, "two\nlines")


def test_each_profile_names_what_it_requires() -> None:
    us = ServiceProfileKind.US_MEDICAID_PEER.rules
    assert missing_fields(us, None, None) == sorted(us.required, key=list(HeaderField).index)
    full = _header(FRIDAY_10, new_id())
    assert missing_fields(us, full, SIGNER) == []
    assert missing_fields(us, full, Signer("Sam", "Mentor")) == [HeaderField.CREDENTIALS]
    assert missing_fields(ServiceProfileKind.NONE.rules, None, None) == []


# --- the journal --------------------------------------------------------------------------


def test_signing_under_a_profile_refuses_a_missing_field_and_keeps_the_draft(
    journal: Journal, vault_clock: ManualClock
) -> None:
    journal.set_record_settings(US)
    note = _draft(journal, vault_clock.now() - timedelta(hours=2), place="")
    with pytest.raises(ValidationError, match=r"needs: place \(US peer support, Medicaid\)") as err:
        journal.sign_note(note.id)
    assert "\n" not in str(err.value)
    assert journal.get_note(note.id) == note


def test_signing_stamps_the_signer_and_profile_and_seals_the_header(
    journal: Journal, vault_clock: ManualClock
) -> None:
    journal.set_record_settings(US)
    note = _draft(journal, vault_clock.now() - timedelta(hours=2))
    signed = journal.sign_note(note.id).value
    assert signed.header is not None
    assert (signed.header.signer, signed.header.profile) == (SIGNER, US.profile)
    assert signed.header.due_at is not None and not signed.header.is_late_entry
    stored = journal.get_note(note.id)
    assert stored == signed and verify_note(stored) and journal.verify_note(note.id) is None
    with pytest.raises(RecordSigned):
        journal.save_draft(replace(stored, header=replace(signed.header, place="Office (11)")))
    with pytest.raises(sqlcipher3.IntegrityError, match="record signed"):
        db_of(journal).execute(
            "UPDATE session_headers SET place = 'Elsewhere' WHERE id = ?", (note.id,)
        )
    # The hash covers the header: the same note with another place would not verify.
    assert not verify_note(replace(stored, header=replace(signed.header, place="Home (12)")))


def test_verify_reads_each_signed_note_with_its_header(
    journal: Journal, vault_clock: ManualClock
) -> None:
    """verify hashes what was signed: the note with its header (without it, every headed note
    read as changed), and a header edited behind the app's back is named."""
    from mentorjournal.storage import proofs

    journal.set_record_settings(US)
    note = _draft(journal, vault_clock.now() - timedelta(hours=2))
    journal.sign_note(note.id)
    conn = db_of(journal)
    assert proofs.verify_records(conn, None) == []
    conn.execute("DROP TRIGGER session_headers_signed_no_update")
    conn.execute("UPDATE session_headers SET place = 'Elsewhere' WHERE id = ?", (note.id,))
    assert proofs.verify_records(conn, None) == [
        f"signed note {note.id}: its content was changed after signing"
    ]


def test_a_note_signed_after_its_due_time_needs_the_reason_and_is_marked_late(
    journal: Journal, vault_clock: ManualClock
) -> None:
    journal.set_record_settings(US)
    note = _draft(journal, vault_clock.now() - timedelta(days=10))
    with pytest.raises(LateEntryNeedsReason, match="late entry"):
        journal.sign_note(note.id)
    assert not journal.get_note(note.id).is_signed
    signed = journal.sign_note(note.id, late_reason="Off sick for a week").value
    assert signed.header is not None and signed.header.late_reason == "Off sick for a week"
    assert signed.header.is_late_entry
    events = audit.events(db_of(journal), limit=10_000)
    assert (events[-1].action, events[-1].detail) == ("sign", "late entry")


def test_a_crisis_contact_is_due_in_24_hours(journal: Journal, vault_clock: ManualClock) -> None:
    journal.set_record_settings(US)
    note = _draft(journal, vault_clock.now() - timedelta(hours=30), crisis=True)
    assert journal.note_due_at(note) == note.started_at + timedelta(minutes=50, hours=24)
    with pytest.raises(LateEntryNeedsReason):
        journal.sign_note(note.id)


def test_without_a_profile_or_signer_a_note_signs_as_it_always_did(journal: Journal) -> None:
    mentee = make_mentee(journal)
    note = journal.new_note(mentee.id, template=NoteTemplate.FREE).value
    assert journal.sign_note(note.id).value.header is None
    assert journal.record_settings() == RecordSettings()


def test_the_settings_are_kept_and_their_lists_default_to_the_profiles(journal: Journal) -> None:
    assert journal.record_settings().place_choices == ServiceProfileKind.NONE.rules.places
    mine = replace(US, places=("Drop-in centre",), services=(("Walk and talk", "H0038"),))
    journal.set_record_settings(mine)
    assert journal.record_settings() == mine
    assert journal.record_settings().place_choices == ("Drop-in centre",)
    with pytest.raises(ValidationError, match="Places"):
        RecordSettings(places=("Office", "Office"))


def test_a_signed_header_survives_json_export_and_import(
    journal: Journal, vault_clock: ManualClock, tmp_path: Path, memory_journal: Journal
) -> None:
    journal.set_record_settings(US)
    note = _draft(journal, vault_clock.now() - timedelta(hours=1), modality=Modality.GROUP)
    signed = journal.sign_note(note.id).value
    path = tmp_path / "export.json"
    journal.export_json(path)
    memory_journal.import_json(path)
    copy = memory_journal.get_note(note.id)
    assert copy == signed and verify_note(copy)
    assert memory_journal.record_settings() == US
