"""Seals and sync: a record signed on one computer is sealed on the other as it arrives, and
an erasure that arrives by sync leaves the log by name, so ``verify`` holds on both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mentorjournal.storage import proofs, sealing
from tests.fixtures.journal_fixtures import db_of, make_mentee, make_note
from tests.sync.harness import Net


@pytest.fixture
def net(tmp_path: Path, fast_kdf: object) -> Iterator[Net]:
    made = Net(tmp_path)
    yield made
    for device in made.devices.values():
        device.journal.lock()


def _problems(net: Net) -> dict[str, list[str]]:
    return {name: proofs.verify_records(db_of(d.journal), None) for name, d in net.devices.items()}


def test_signed_elsewhere_is_sealed_on_arrival_and_an_erasure_by_sync_verifies(net: Net) -> None:
    a = net.first("a", lambda j: make_mentee(j, "M-001"))
    b = net.join("b", a)
    mentee = a.journal.get_mentee(a.journal.find_mentee("M-001").id)  # type: ignore[union-attr]
    note = make_note(a.journal, mentee, text="Signed on the first computer", sign=True)
    net.mesh()
    assert b.journal.seal_origin("note", note.id) == "synced"
    assert a.journal.seal_origin("note", note.id) == "here"
    addendum = b.journal.add_addendum(note.id, "Added on the second computer").value
    net.mesh()
    assert a.journal.seal_origin("addendum", addendum.id) == "synced"
    assert _problems(net) == {"a": [], "b": []}

    a.journal.erase_mentee(mentee.id)
    net.mesh()
    assert sealing.origin_counts(db_of(b.journal)) == {}
    erased = {(e.kind, e.record_id) for e in b.journal.audit_events(action="erase")}
    assert {("note", note.id), ("addendum", addendum.id)} <= erased
    assert _problems(net) == {"a": [], "b": []}


def test_a_cosignature_added_on_one_computer_arrives_sealed_and_erases_by_name(net: Net) -> None:
    a = net.first("a", lambda j: make_mentee(j, "M-002"))
    b = net.join("b", a)
    mentee = a.journal.get_mentee(a.journal.find_mentee("M-002").id)  # type: ignore[union-attr]
    note = make_note(a.journal, mentee, text="Signed, then put up for review", sign=True)
    a.journal.request_review(note.id)
    net.mesh()
    assert [w.note_id for w in b.journal.awaiting_cosignature()] == [note.id]
    b.journal.add_cosignature(
        note.id, name="Dr Example", role="Supervisor", cosigned_on=b.journal.today()
    )
    net.mesh()
    assert a.journal.seal_origin("cosignature", note.id) == "synced"
    assert b.journal.seal_origin("cosignature", note.id) == "here"
    assert a.journal.awaiting_cosignature() == []
    assert _problems(net) == {"a": [], "b": []}

    a.journal.erase_mentee(mentee.id)
    net.mesh()
    erased = {(e.kind, e.record_id) for e in b.journal.audit_events(action="erase")}
    assert ("cosignature", note.id) in erased
    assert _problems(net) == {"a": [], "b": []}


def test_a_supervision_signoff_arrives_sealed_and_locks_the_meeting_there_too(net: Net) -> None:
    from datetime import timedelta

    from mentorjournal import domain as d
    from mentorjournal.errors import RecordSigned

    a = net.first("a", lambda j: make_mentee(j, "M-003"))
    b = net.join("b", a)
    meeting = d.SupervisionSession(
        d.new_id(), a.journal.today() - timedelta(days=1), "Dr Example", minutes=60,
        functions=frozenset({d.SupervisionFunction.RESTORATIVE}),
    )  # fmt: skip
    a.journal.save_supervision(meeting)
    a.journal.sign_off_supervision(meeting.id, name="Dr Example", signed_on=a.journal.today())
    net.mesh()
    assert b.journal.seal_origin("supervision_signoff", meeting.id) == "synced"
    assert b.journal.supervision_signoff(meeting.id) == a.journal.supervision_signoff(meeting.id)
    with pytest.raises(RecordSigned):
        b.journal.save_supervision(
            d.SupervisionSession(meeting.id, meeting.held_on, "Dr Example", discussion="Later")
        )
    assert _problems(net) == {"a": [], "b": []}
