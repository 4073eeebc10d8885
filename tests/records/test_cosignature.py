"""Supervisor co-signature: asked for by the mentor, added by the supervisor, sealed, append-only.

Rules (docs/record-keeping.md, "Co-signature"): only a signed note is co-signed, once; the
co-signature's hash covers the note's signature, so it belongs to that signed content; the
database refuses to change or delete it; ``verify`` checks its hash, its note and its seal; and
a note signed under a profile that requires co-signature waits for one without being asked.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
import sqlcipher3

from mentorjournal.clock import ManualClock
from mentorjournal.domain.cosignature import cosign, cosignature_hash, verify_cosignature
from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.session_header import PlanGoalLine, SessionHeader, Signer
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.errors import RecordSigned, ValidationError
from mentorjournal.journal import Journal
from mentorjournal.storage import proofs
from tests.fixtures.journal_fixtures import db_of, make_goal, make_mentee, make_note


def _cosigned(journal: Journal) -> tuple[str, str]:
    mentee = make_mentee(journal)
    note = make_note(journal, mentee, sign=True)
    journal.add_cosignature(
        note.id, name="Dr Ada Example", role="Clinical supervisor",
        cosigned_on=journal.today(), comment="Plan agreed.",
    )  # fmt: skip
    return mentee.id, note.id


def test_a_signed_note_takes_one_cosignature_that_verifies(memory_journal: Journal) -> None:
    journal = memory_journal
    _mentee_id, note_id = _cosigned(journal)
    found = journal.cosignature(note_id)
    assert found is not None
    assert (found.name, found.role, found.comment) == ("Dr Ada Example", "Clinical supervisor",
                                                       "Plan agreed.")  # fmt: skip
    assert verify_cosignature(journal.get_note(note_id), found) is None
    assert proofs.verify_records(db_of(journal), None) == []
    with pytest.raises(RecordSigned):
        journal.add_cosignature(note_id, name="B", role="C", cosigned_on=journal.today())


def test_a_draft_cannot_be_cosigned_nor_put_up_for_review(memory_journal: Journal) -> None:
    journal = memory_journal
    draft = make_note(journal, make_mentee(journal))
    with pytest.raises(ValidationError, match="signed"):
        journal.add_cosignature(draft.id, name="A", role="B", cosigned_on=journal.today())
    with pytest.raises(ValidationError, match="Sign the note"):
        journal.request_review(draft.id)
    assert journal.cosignature(draft.id) is None


def test_name_role_and_date_are_checked_with_a_plain_message(memory_journal: Journal) -> None:
    journal = memory_journal
    note = make_note(journal, make_mentee(journal), sign=True)
    today = journal.today()
    with pytest.raises(ValidationError, match="supervisor's name must not be empty"):
        journal.add_cosignature(note.id, name="  ", role="Supervisor", cosigned_on=today)
    with pytest.raises(ValidationError, match="supervisor's role must not be empty"):
        journal.add_cosignature(note.id, name="Dr A", role="", cosigned_on=today)
    with pytest.raises(ValidationError, match="future"):
        journal.add_cosignature(
            note.id, name="Dr A", role="S", cosigned_on=today + timedelta(days=1)
        )
    with pytest.raises(ValidationError, match="before the note was signed"):
        journal.add_cosignature(
            note.id, name="Dr A", role="S", cosigned_on=today - timedelta(days=1)
        )
    assert journal.cosignature(note.id) is None


def test_the_hash_covers_the_note_signature_and_every_field(memory_journal: Journal) -> None:
    journal = memory_journal
    _mentee_id, note_id = _cosigned(journal)
    note = journal.get_note(note_id)
    found = journal.cosignature(note_id)
    assert found is not None
    for changed in (
        replace(found, comment="Something else"),
        replace(found, name="Someone else"),
        replace(found, cosigned_on=found.cosigned_on - timedelta(days=1)),
    ):
        assert verify_cosignature(note, changed) == "its content was changed after it was added"
    other = replace(note, signature="0" * 64)
    assert verify_cosignature(other, found) is not None
    rebuilt = cosign(
        note, name=found.name, role=found.role, cosigned_on=found.cosigned_on,
        written_at=found.written_at, comment=found.comment,
    )  # fmt: skip
    assert rebuilt.hash == found.hash == cosignature_hash(found)


def test_the_database_refuses_to_change_or_delete_a_cosignature(memory_journal: Journal) -> None:
    journal = memory_journal
    _mentee_id, note_id = _cosigned(journal)
    conn = db_of(journal)
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        conn.execute("UPDATE cosignatures SET comment = 'edited' WHERE id = ?", (note_id,))
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM cosignatures WHERE id = ?", (note_id,))


def test_verify_names_a_cosignature_changed_behind_the_apps_back(memory_journal: Journal) -> None:
    journal = memory_journal
    _mentee_id, note_id = _cosigned(journal)
    conn = db_of(journal)
    conn.execute("DROP TRIGGER cosignatures_no_update")
    conn.execute("UPDATE cosignatures SET comment = 'Never discussed' WHERE id = ?", (note_id,))
    problems = proofs.verify_records(conn, None)
    assert any(f"co-signature of note {note_id}: its content was changed" in p for p in problems)


def test_verify_catches_a_recomputed_hash_by_its_seal(memory_journal: Journal) -> None:
    journal = memory_journal
    _mentee_id, note_id = _cosigned(journal)
    found = journal.cosignature(note_id)
    assert found is not None
    forged = replace(found, name="Someone else")
    conn = db_of(journal)
    conn.execute("DROP TRIGGER cosignatures_no_update")
    conn.execute(
        "UPDATE cosignatures SET name = ?, hash = ? WHERE id = ?",
        (forged.name, cosignature_hash(forged), note_id),
    )
    problems = proofs.verify_records(conn, None)
    assert problems == [f"co-signature of note {note_id}: its seal does not match"]


def test_verify_notices_a_cosignature_deleted_behind_the_apps_back(
    memory_journal: Journal,
) -> None:
    journal = memory_journal
    _mentee_id, note_id = _cosigned(journal)
    conn = db_of(journal)
    conn.execute("DROP TRIGGER cosignatures_no_delete")
    conn.execute("DELETE FROM cosignatures WHERE id = ?", (note_id,))
    problems = proofs.verify_records(conn, None)
    assert f"sealed cosignature {note_id}: the record is missing" in problems


def test_review_requests_and_the_profile_decide_what_waits(
    memory_journal: Journal, vault_clock: ManualClock
) -> None:
    journal = memory_journal
    mentee = make_mentee(journal)
    asked = make_note(journal, mentee, sign=True)
    quiet = make_note(journal, mentee, sign=True)
    assert journal.awaiting_cosignature() == []
    request = journal.request_review(asked.id).value
    assert journal.request_review(asked.id).value == request  # asking twice keeps the first
    waiting = journal.awaiting_cosignature()
    assert [(w.note_id, w.mentee_code, w.requested_at) for w in waiting] == [
        (asked.id, mentee.code, request.requested_at)
    ]
    assert quiet.id not in {w.note_id for w in waiting}

    signer = Signer("Sam Example", "Peer Support Specialist", "CPS")
    journal.set_record_settings(RecordSettings(ServiceProfileKind.US_MEDICAID_PEER, signer))
    goal = make_goal(journal, mentee)
    start = vault_clock.now() - timedelta(hours=2)
    draft = journal.new_note(mentee.id, started_at=start).value
    header = SessionHeader(
        ended_at=start + timedelta(hours=1), place="Office (11)",
        service="Peer support, individual", service_code="H0038",
        goals=(PlanGoalLine(goal.id, "Made the call"),),
    )  # fmt: skip
    journal.save_draft(replace(draft, goal_ids=(goal.id,), header=header))
    journal.sign_note(draft.id)
    waiting = journal.awaiting_cosignature()
    assert {w.note_id for w in waiting} == {asked.id, draft.id}
    assert [w.started_at for w in waiting] == sorted(w.started_at for w in waiting)
    assert {w.note_id: w.requested_at for w in waiting}[draft.id] is None

    journal.add_cosignature(draft.id, name="Dr A", role="Supervisor", cosigned_on=journal.today())
    assert [w.note_id for w in journal.awaiting_cosignature()] == [asked.id]
    with pytest.raises(RecordSigned):
        journal.request_review(draft.id)


def test_erasing_the_mentee_takes_the_cosignature_and_verify_stays_clean(
    memory_journal: Journal,
) -> None:
    journal = memory_journal
    mentee_id, note_id = _cosigned(journal)
    journal.set_mentee_status(mentee_id, journal.get_mentee(mentee_id).status.CLOSED)
    journal.erase_mentee(mentee_id)
    conn = db_of(journal)
    assert conn.execute("SELECT count(*) FROM cosignatures").fetchone()[0] == 0
    assert proofs.verify_records(conn, None) == []
    events = conn.execute(
        "SELECT action, kind FROM audit_log WHERE record_id = ? ORDER BY seq", (note_id,)
    ).fetchall()
    assert ("cosign", "cosignature") in events and ("erase", "cosignature") in events


def test_a_cosignature_is_dated_by_the_mentors_day_not_utc(tmp_path: object) -> None:
    """Signed at 23:30 in New York (03:30 UTC the next day): co-signing that evening is fine."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from mentorjournal.domain import SessionNote, new_id, sign_note

    note = SessionNote(new_id(), new_id(), datetime(2026, 3, 9, 22, 0, tzinfo=UTC))
    signed = sign_note(note, datetime(2026, 3, 10, 3, 30, tzinfo=UTC))
    evening = datetime(2026, 3, 9, 23, 45, tzinfo=ZoneInfo("America/New_York"))
    made = cosign(signed, name="Dr A", role="S", cosigned_on=date(2026, 3, 9), written_at=evening)
    assert verify_cosignature(signed, made) is None


def test_the_supervision_agenda_offers_notes_waiting_for_cosignature(
    memory_journal: Journal,
) -> None:
    journal = memory_journal
    mentee = make_mentee(journal)
    waiting = make_note(journal, mentee, sign=True)
    flagged = make_note(journal, mentee, sign=True)
    journal.flag_note(flagged.id)
    assert {c.source_id: c.reason for c in journal.agenda_candidates()} == {
        flagged.id: "flagged note"
    }
    journal.request_review(waiting.id)
    journal.request_review(flagged.id)
    reasons = {c.source_id: c.reason for c in journal.agenda_candidates()}
    assert reasons == {
        waiting.id: "awaiting co-signature",
        flagged.id: "flagged note, awaiting co-signature",
    }
    journal.add_cosignature(waiting.id, name="Dr A", role="S", cosigned_on=journal.today())
    assert waiting.id not in {c.source_id for c in journal.agenda_candidates()}
