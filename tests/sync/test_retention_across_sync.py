"""A retention erasure made on one computer reaches the others, signed records too, and
``verify`` holds on every computer (the erasure leaves each log by name)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mentorjournal.domain import MenteeStatus, new_id
from mentorjournal.domain.disclosure import Disclosure, DisclosureBasis, ShareMethod
from mentorjournal.domain.retention import RecordType
from mentorjournal.storage import proofs
from tests.fixtures.journal_fixtures import db_of, make_mentee, make_note
from tests.sync.harness import Net


@pytest.fixture
def net(tmp_path: Path, fast_kdf: object) -> Iterator[Net]:
    made = Net(tmp_path)
    yield made
    for device in made.devices.values():
        device.journal.lock()


def test_a_retention_erasure_of_signed_notes_reaches_the_other_computer(net: Net) -> None:
    a = net.first("a", lambda j: make_mentee(j, "M-001", started_on=date(2009, 1, 5)))
    b = net.join("b", a)
    mentee = a.journal.find_mentee("M-001")
    assert mentee is not None
    old = datetime(2009, 1, 5, 10, tzinfo=UTC)
    note = make_note(a.journal, mentee, text="Kept past its time", started_at=old, sign=True)
    addendum = a.journal.add_addendum(note.id, "A later correction").value
    a.journal.request_review(note.id)
    a.journal.add_cosignature(note.id, name="Dr A", role="Supervisor", cosigned_on=date(2026, 1, 5))
    kept = make_note(a.journal, mentee, text="Another one", started_at=old, sign=True)
    a.journal.record_disclosure(
        Disclosure(
            new_id(), mentee.id, old, DisclosureBasis.SAFEGUARDING_ADULT, "A concern",
            "Adult social care", ShareMethod.PHONE, "Risk of harm",
        )
    )  # fmt: skip
    a.journal.set_mentee_status(mentee.id, MenteeStatus.CLOSED, on=date(2009, 1, 6))
    net.mesh()
    assert len(b.journal.notes_for(mentee.id)) == 2

    # The computers' clocks say 2026: with the default 7 years, everything of 2009 is due.
    a.journal.erase_past_retention(mentee.id, RecordType.SESSION_NOTES, "Seven years ended")
    net.mesh()
    assert b.journal.notes_for(mentee.id) == []
    erased = {(e.kind, e.record_id) for e in b.journal.audit_events(action="erase")}
    assert {("note", note.id), ("note", kept.id), ("addendum", addendum.id)} <= erased
    assert ("cosignature", note.id) in erased
    for device in net.devices.values():
        assert proofs.verify_records(db_of(device.journal), None) == [], device.name
    assert b.journal.retention_erasures()[0].reason == "Seven years ended"
    assert len(b.journal.list_disclosures(mentee.id)) == 1  # another type stays until erased
    a.journal.erase_past_retention(mentee.id, RecordType.DISCLOSURES, "Seven years ended")
    net.mesh()
    assert b.journal.list_disclosures(mentee.id) == []
    assert b.journal.sync_status().parked_ops == 0  # nothing left waiting
