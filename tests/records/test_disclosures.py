"""Disclosure records: what, with whom, how, when, why; kept as written, corrected by new entries."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
import sqlcipher3

from mentorjournal.domain import new_id
from mentorjournal.domain.disclosure import (
    Disclosure,
    DisclosureBasis,
    MenteeInformed,
    ShareMethod,
)
from mentorjournal.errors import RecordNotFound, RecordSigned, ValidationError
from mentorjournal.journal import Journal
from mentorjournal.storage import audit
from tests.fixtures.journal_fixtures import db_of, make_mentee, make_note

SHARED = datetime(2026, 1, 5, 8, 15, tzinfo=UTC)


def _disclosure(mentee_id: str, **fields: object) -> Disclosure:
    values: dict[str, object] = {
        "id": new_id(),
        "mentee_id": mentee_id,
        "shared_at": SHARED,
        "basis": DisclosureBasis.RISK_TO_SELF,
        "what": "Said they had a plan to end their life tonight.",
        "recipient": "Crisis team duty worker",
        "method": ShareMethod.PHONE,
        "reasoning": "Immediate risk to life; could not keep them safe alone.",
        "reference": "CT-0001",
        "advice_sought": "Line manager agreed by phone.",
        "informed": MenteeInformed.BEFORE,
    }
    values.update(fields)
    return Disclosure(**values)  # type: ignore[arg-type]


def test_a_disclosure_is_kept_with_its_note_and_audited(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal)
    note = make_note(memory_journal, mentee)
    kept = memory_journal.record_disclosure(_disclosure(mentee.id, note_id=note.id))
    assert kept.changes.disclosures
    assert kept.value.recorded_at == memory_journal.clock.now()
    assert memory_journal.list_disclosures(mentee.id) == [kept.value]
    events = audit.events(db_of(memory_journal), limit=1000)
    assert [(e.action, e.kind, e.record_id) for e in events][-1] == (
        "create",
        "disclosure",
        kept.value.id,
    )
    assert "plan" not in events[-1].detail  # ids only, never content


def test_a_correction_is_a_new_entry_and_the_original_stays(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal)
    first = memory_journal.record_disclosure(_disclosure(mentee.id)).value
    fixed = memory_journal.record_disclosure(
        _disclosure(mentee.id, id=new_id(), reference="CT-0002", corrects_id=first.id)
    ).value
    assert memory_journal.list_disclosures(mentee.id, current_only=True) == [fixed]
    assert [d.id for d in memory_journal.list_disclosures(mentee.id)] == [first.id, fixed.id]
    assert [d.reference for d in memory_journal.disclosure_history(first.id)] == [
        "CT-0001",
        "CT-0002",
    ]
    assert memory_journal.disclosure_history(fixed.id)[0] == first
    with pytest.raises(RecordSigned, match="already been corrected"):
        memory_journal.record_disclosure(_disclosure(mentee.id, corrects_id=first.id))
    assert memory_journal.disclosure_counts() == {mentee.id: 1}
    detail = audit.events(db_of(memory_journal), limit=1000)[-1].detail
    assert detail == f"corrects={first.id}"


def test_the_database_refuses_to_edit_or_delete_a_disclosure(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal)
    kept = memory_journal.record_disclosure(_disclosure(mentee.id)).value
    conn = db_of(memory_journal)
    with pytest.raises(sqlcipher3.IntegrityError, match="never edited"):
        conn.execute("UPDATE disclosures SET what = 'x' WHERE id = ?", (kept.id,))
    with pytest.raises(sqlcipher3.IntegrityError, match="cannot be deleted"):
        conn.execute("DELETE FROM disclosures WHERE id = ?", (kept.id,))
    assert memory_journal.list_disclosures(mentee.id) == [kept]


def test_erasing_the_mentee_takes_their_disclosures(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal)
    first = memory_journal.record_disclosure(_disclosure(mentee.id)).value
    memory_journal.record_disclosure(_disclosure(mentee.id, corrects_id=first.id))
    memory_journal.erase_mentee(mentee.id)
    count = db_of(memory_journal).execute("SELECT count(*) FROM disclosures").fetchone()[0]
    assert count == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"what": "  "}, "What was shared"),
        ({"recipient": ""}, "Who it was shared with"),
        ({"reasoning": ""}, "reasoning"),
        ({"informed": MenteeInformed.NOT_TOLD}, "write down why"),
        ({"shared_at": datetime(2026, 1, 5, 8, 15)}, "time zone"),
    ],
)
def test_an_incomplete_disclosure_is_refused(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _disclosure(new_id(), **fields)


def test_not_told_with_a_reason_is_accepted() -> None:
    entry = _disclosure(
        new_id(), informed=MenteeInformed.NOT_TOLD, informed_note="Telling them would raise risk."
    )
    assert entry.informed is MenteeInformed.NOT_TOLD


def test_links_and_dates_are_checked_against_the_vault(memory_journal: Journal) -> None:
    mentee, other = make_mentee(memory_journal), make_mentee(memory_journal, code="M-002")
    others_note = make_note(memory_journal, other)
    with pytest.raises(ValidationError, match="not one of this mentee's"):
        memory_journal.record_disclosure(_disclosure(mentee.id, note_id=others_note.id))
    future = memory_journal.clock.now() + timedelta(days=1)
    with pytest.raises(ValidationError, match="future"):
        memory_journal.record_disclosure(_disclosure(mentee.id, shared_at=future))
    others_followup = memory_journal.open_followup(other.id, "Low mood").value
    with pytest.raises(ValidationError, match="follow-up is not one of this mentee's"):
        memory_journal.record_disclosure(_disclosure(mentee.id, followup_id=others_followup.id))
    theirs = memory_journal.record_disclosure(_disclosure(other.id)).value
    with pytest.raises(RecordNotFound):
        memory_journal.record_disclosure(_disclosure(mentee.id, corrects_id=theirs.id))
    assert memory_journal.list_disclosures(mentee.id) == []


def test_replace_keeps_validation() -> None:
    entry = _disclosure(new_id())
    with pytest.raises(ValidationError):
        replace(entry, corrects_id=entry.id)
