"""Session notes through the Journal facade: drafts, sign & lock, addenda, deletion, change sets."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from mentorjournal.changes import Changes
from mentorjournal.clock import ManualClock
from mentorjournal.domain import NoteTemplate, SessionNote, chain_addendum, new_id, sign_note
from mentorjournal.errors import RecordNotFound, RecordSigned, ValidationError
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from tests.fixtures.journal_fixtures import db_of, make_mentee, make_note


def test_a_draft_round_trips_every_field(journal: Journal) -> None:
    mentee = make_mentee(journal)
    goal_id = journal.add_goal(mentee.id, "I want to sleep better").value.id
    note = journal.new_note(mentee.id, template=NoteTemplate.SOAP).value
    edited = replace(
        note,
        sections=(
            ("Subjective", "Said the week felt long."),
            ("Objective", "Arrived on time, calm."),
            ("Assessment", "Coping better than last month."),
            ("Plan", "Try the breathing exercise twice a day."),
        ),
        mood_before=3,
        mood_after=6,
        risk_flag=True,
        risk_followup="Agreed to call the crisis line if things get worse.",
        goal_ids=(goal_id,),
        coping_items_used=("Breathing exercise",),
        next_actions="Bring the sleep diary.",
        duration_minutes=50,
    )
    result = journal.save_draft(edited)
    assert result.changes == Changes(sessions=True, search=True)
    assert journal.get_note(note.id) == edited


def test_signing_locks_the_note_against_edits_and_deletion(
    journal: Journal, vault_clock: ManualClock
) -> None:
    mentee = make_mentee(journal)
    note = make_note(journal, mentee)
    vault_clock.advance(60)
    signed = journal.sign_note(note.id).value
    assert signed.signed_at == vault_clock.now()
    assert signed.signature is not None and len(signed.signature) == 64
    assert journal.verify_note(note.id) is None
    with pytest.raises(RecordSigned):
        journal.save_draft(replace(signed, signed_at=None, signature=None))
    with pytest.raises(RecordSigned):
        journal.delete_draft(note.id)
    with pytest.raises(RecordSigned):
        journal.sign_note(note.id)
    assert journal.get_note(note.id) == signed


def test_addenda_chain_to_the_signature_and_each_other(
    journal: Journal, vault_clock: ManualClock
) -> None:
    mentee = make_mentee(journal)
    note = make_note(journal, mentee, sign=True)
    vault_clock.advance(3600)
    first = journal.add_addendum(note.id, "Correction: the session lasted 40 minutes.").value
    vault_clock.advance(3600)
    second = journal.add_addendum(note.id, "Mentee phoned to confirm next week.").value
    assert (first.seq, second.seq) == (1, 2)
    assert first.prev_hash == journal.get_note(note.id).signature
    assert second.prev_hash == first.hash
    assert journal.addenda(note.id) == [first, second]
    assert journal.verify_note(note.id) is None


def test_an_addendum_needs_a_signed_note(journal: Journal) -> None:
    note = make_note(journal, make_mentee(journal))
    with pytest.raises(ValidationError):
        journal.add_addendum(note.id, "Too early.")


def test_a_draft_can_be_deleted_and_is_gone(journal: Journal) -> None:
    note = make_note(journal, make_mentee(journal), text="zebracrossing practice")
    assert [h.record_id for h in journal.search("zebracrossing")] == [note.id]
    journal.delete_draft(note.id)
    with pytest.raises(RecordNotFound):
        journal.get_note(note.id)
    assert journal.search("zebracrossing") == []


def test_session_summaries_are_newest_first_with_first_line(
    journal: Journal, vault_clock: ManualClock
) -> None:
    mentee = make_mentee(journal)
    older = make_note(journal, mentee, text="\n  First meeting.\nMore.")
    vault_clock.advance(86400 * 7)
    newer = make_note(journal, mentee, text="Second meeting.", sign=True)
    summaries = journal.list_sessions(mentee.id)
    assert [s.id for s in summaries] == [newer.id, older.id]
    assert summaries[0].signed and not summaries[1].signed
    assert summaries[1].first_line == "First meeting."


def test_autosaves_log_one_edit_per_run(journal: Journal) -> None:
    from mentorjournal.storage import audit

    note = make_note(journal, make_mentee(journal))
    for i in range(5):
        journal.save_draft(replace(note, next_actions=f"step {i}"))
    actions = [e.action for e in audit.events(db_of(journal)) if e.record_id == note.id]
    assert actions == ["create", "edit"]


def test_autosaved_text_is_found_by_the_next_search(journal: Journal) -> None:
    note = make_note(journal, make_mentee(journal), text="first words")
    journal.save_draft(replace(note, sections=(("Body", "later kingfisher words"),)))
    assert [h.record_id for h in journal.search("kingfisher")] == [note.id]
    assert journal.search("first") == []


def test_locking_refreshes_stale_search_entries(
    journal: Journal, vault_paths: VaultPaths, passphrase: str, vault_state_dir: Path
) -> None:
    note = make_note(journal, make_mentee(journal), text="first words")
    journal.save_draft(replace(note, sections=(("Body", "heron at dusk"),)))
    journal.lock()
    reopened = Journal.open(vault_paths, passphrase, clock=journal.clock, state_dir=vault_state_dir)
    try:
        assert reopened.flush_search() == 0  # nothing was left stale
        assert [h.record_id for h in reopened.search("heron")] == [note.id]
    finally:
        reopened.lock()


def test_a_locked_journal_refuses_reads_and_writes_clearly(journal: Journal) -> None:
    mentee = make_mentee(journal)
    journal.lock()
    journal.lock()  # twice is harmless
    with pytest.raises(RuntimeError, match="locked"):
        journal.get_mentee(mentee.id)
    with pytest.raises(RuntimeError, match="locked"):
        journal.add_mentee("M-002")


def test_ready_made_records_are_accepted_only_when_their_hashes_hold(
    journal: Journal, vault_clock: ManualClock
) -> None:
    mentee = make_mentee(journal)
    draft = SessionNote(
        id=new_id(), mentee_id=mentee.id, started_at=vault_clock.now(), sections={"Body": "x"}
    )
    signed = sign_note(draft, vault_clock.now())
    with pytest.raises(ValidationError, match="signature"):
        journal.insert_note(replace(signed, next_actions="changed after signing"))
    journal.insert_note(signed)
    assert journal.verify_note(signed.id) is None
    first = chain_addendum(
        signed, None, addendum_id=new_id(), written_at=vault_clock.now(), text="a"
    )
    second = chain_addendum(
        signed, first, addendum_id=new_id(), written_at=vault_clock.now(), text="b"
    )
    with pytest.raises(ValidationError, match="chain"):
        journal.insert_addendum(second)  # skips the first link
    journal.insert_addendum(first)
    journal.insert_addendum(second)
    assert journal.addenda(signed.id) == [first, second]


def test_locking_drops_patterns_built_from_the_vaults_names(journal: Journal) -> None:
    """The anonymiser's patterns of known names sit in Python's regex cache until the lock."""
    from mentorjournal.anonymise import Known, find_identifiers

    known = Known.from_dict({"mentee": {"first_name": "Zenobia", "last_name": "Quarrington"}})
    assert find_identifiers("Zenobia (ZQ) said Quarrington was her gran's name.", known)
    re.compile(r"(?<![\w])(?:Zenobia)(?![\w])")  # as a pattern of a known name is built
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        pytest.skip("this Python keeps its regex cache elsewhere")
    assert any("Zenobia" in str(key) for key in cache)
    journal.lock()
    assert not any("Zenobia" in str(key) for key in cache)
