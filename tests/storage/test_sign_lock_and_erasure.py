"""Sign & lock holds below the repository (raw SQL hits the triggers), and erasure leaves nothing.

The raw statements here stand for a bug or a hand edit that bypasses the Journal: the schema
itself must refuse them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
import sqlcipher3

from mentorjournal.domain import (
    AgendaItem,
    Consent,
    Contact,
    GoalStep,
    Place,
    PlanSection,
    Resource,
    SourceKind,
    SupervisionFunction,
    SupervisionSession,
    new_id,
)
from mentorjournal.errors import RecordSigned
from mentorjournal.journal import Journal
from mentorjournal.storage import audit
from mentorjournal.storage.connection import transaction
from mentorjournal.storage.search import indexed_count
from tests.fixtures.journal_fixtures import db_of, make_mentee, make_note, make_reflection

MENTEE_TABLES = (
    "mentees",
    "contacts",
    "places",
    "consents",
    "resources",
    "session_notes",
    "addenda",
    "goals",
    "goal_steps",
    "goal_progress",
    "coping_plan_versions",
    "reflections",
    "supervision_items",
    "erasure_in_progress",
)


@pytest.fixture
def signed(memory_journal: Journal) -> Iterator[tuple[Journal, str]]:
    mentee = make_mentee(memory_journal)
    note = make_note(memory_journal, mentee, text="Signed content.", sign=True)
    memory_journal.add_addendum(note.id, "An addendum.")
    yield memory_journal, note.id


@pytest.mark.parametrize(
    "statement",
    [
        'UPDATE session_notes SET sections = \'[["Body","forged"]]\' WHERE id = ?',
        "UPDATE session_notes SET mood_before = 9 WHERE id = ?",
        "UPDATE session_notes SET signed_at = NULL, signature = NULL WHERE id = ?",
        "UPDATE session_notes SET started_at = '2020-01-01T00:00:00.000000+00:00' WHERE id = ?",
        "DELETE FROM session_notes WHERE id = ?",
        "UPDATE addenda SET text = 'forged' WHERE note_id = ?",
        "DELETE FROM addenda WHERE note_id = ?",
    ],
)
def test_raw_sql_cannot_change_a_signed_note_or_its_addenda(
    signed: tuple[Journal, str], statement: str
) -> None:
    journal, note_id = signed
    before = (journal.get_note(note_id), journal.addenda(note_id))
    with pytest.raises(sqlcipher3.DatabaseError, match="record signed"):
        db_of(journal).execute(statement, (note_id,))
    assert (journal.get_note(note_id), journal.addenda(note_id)) == before
    assert journal.verify_note(note_id) is None


def test_a_signed_note_may_still_be_flagged_for_supervision(signed: tuple[Journal, str]) -> None:
    journal, note_id = signed
    journal.flag_note(note_id)
    assert journal.get_note(note_id).flagged_for_supervision
    assert journal.verify_note(note_id) is None


def test_an_addendum_cannot_be_attached_to_a_draft_by_sql(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal)
    draft = make_note(memory_journal, mentee)
    with pytest.raises(sqlcipher3.IntegrityError, match="signed note"):
        db_of(memory_journal).execute(
            "INSERT INTO addenda(id, note_id, mentee_id, seq, written_at, text, prev_hash, hash)"
            " VALUES (?, ?, ?, 1, '2026-01-01', 'x', ?, ?)",
            (new_id(), draft.id, mentee.id, "0" * 64, "0" * 64),
        )


def test_plan_versions_cannot_be_rewritten(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal)
    memory_journal.save_plan(mentee.id, {PlanSection.WHAT_MATTERS: ["My sister"]})
    with pytest.raises(sqlcipher3.IntegrityError, match="new version"):
        db_of(memory_journal).execute("UPDATE coping_plan_versions SET note = 'x'")


def test_the_erasure_marker_only_opens_the_lock_for_its_own_mentee(
    signed: tuple[Journal, str],
) -> None:
    journal, note_id = signed
    other = make_mentee(journal, "M-OTHER")
    conn = db_of(journal)
    with pytest.raises(sqlcipher3.IntegrityError), transaction(conn):
        conn.execute("INSERT INTO erasure_in_progress VALUES (?)", (other.id,))
        conn.execute("DELETE FROM session_notes WHERE id = ?", (note_id,))
    assert journal.get_note(note_id).is_signed


def _rows_of(journal: Journal, mentee_id: str) -> dict[str, int]:
    conn = db_of(journal)
    counts: dict[str, int] = {}
    for table in MENTEE_TABLES:
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})").fetchall()}
        key = "id" if table == "mentees" else "mentee_id"
        if key in columns:
            counts[table] = conn.execute(
                f"SELECT count(*) FROM {table} WHERE {key} = ?", (mentee_id,)
            ).fetchone()[0]
    counts["goal_steps"] = conn.execute(
        "SELECT count(*) FROM goal_steps WHERE goal_id NOT IN (SELECT id FROM goals)"
    ).fetchone()[0]
    counts["goal_progress"] = conn.execute(
        "SELECT count(*) FROM goal_progress WHERE goal_id NOT IN (SELECT id FROM goals)"
    ).fetchone()[0]
    return counts


def _fill(journal: Journal, code: str) -> str:
    """One mentee with at least one row in every table that can hold their data."""
    mentee = make_mentee(journal, code)
    m = mentee.id
    journal.save_contact(Contact(new_id(), m, "Jo Example"))
    journal.save_place(Place(new_id(), m, "Northtown"))
    journal.save_consent(Consent(new_id(), m, "Share", "GP", date(2026, 1, 1)))
    journal.save_resource(Resource(new_id(), m, "Housing advice"))
    draft = make_note(journal, mentee, text=f"{code} draft quokka")
    signed = make_note(journal, mentee, text=f"{code} signed quokka", sign=True, risk_flag=True)
    journal.add_addendum(signed.id, f"{code} addendum quokka")
    goal = journal.add_goal(
        m, f"{code} goal quokka", steps=(GoalStep(new_id(), "Step quokka"),)
    ).value
    journal.add_progress(goal.id, percent=40, note="progress quokka", session_id=draft.id)
    journal.save_plan(m, {PlanSection.SELF_COPING: ["walk quokka"]})
    reflection = make_reflection(journal, text="reflection quokka", mentee_id=m)
    journal.save_supervision(
        SupervisionSession(
            new_id(),
            date(2026, 2, 1),
            "Dr Example",
            agenda=(
                AgendaItem(
                    new_id(),
                    f"{code} supervision quokka",
                    SupervisionFunction.FORMATIVE,
                    source_kind=SourceKind.NOTE,
                    source_id=signed.id,
                ),
                AgendaItem(
                    new_id(),
                    "reflection item",
                    SupervisionFunction.RESTORATIVE,
                    source_kind=SourceKind.REFLECTION,
                    source_id=reflection.id,
                ),
            ),
        )
    )
    return m


def test_erasure_leaves_no_row_and_no_index_entry(memory_journal: Journal) -> None:
    erased = _fill(memory_journal, "M-GONE")
    kept = _fill(memory_journal, "M-KEPT")
    kept_rows = _rows_of(memory_journal, kept)
    before_index = indexed_count(db_of(memory_journal))
    assert all(
        kept_rows[t] > 0
        for t in kept_rows
        if t not in ("erasure_in_progress", "goal_steps", "goal_progress")
    )

    counts = memory_journal.record_counts(erased)
    assert counts["session_notes"] == 2 and counts["addenda"] == 1 and counts["goals"] == 1
    assert counts["supervision_items"] == 2

    result = memory_journal.erase_mentee(erased)

    assert set(memory_journal.record_counts(erased).values()) == {0}

    assert result.changes.mentees and result.changes.search
    assert all(count == 0 for count in _rows_of(memory_journal, erased).values())
    assert _rows_of(memory_journal, kept) == kept_rows
    conn = db_of(memory_journal)
    assert conn.execute("SELECT count(*) FROM erasure_in_progress").fetchone()[0] == 0
    assert (
        conn.execute("SELECT count(*) FROM search_doc WHERE mentee_id = ?", (erased,)).fetchone()[0]
        == 0
    )
    assert indexed_count(conn) < before_index
    hits = memory_journal.search("quokka")
    assert hits and all(h.mentee_id in (kept, None) for h in hits)
    assert memory_journal.search("M-GONE") == []  # also gone from the shared supervision record
    assert [e.action for e in audit.events(conn)][-1] == "erase"
    assert audit.verify_chain(conn).ok


def test_erasure_then_checkpoint_leaves_no_text_in_the_wal(memory_journal: Journal) -> None:
    erased = _fill(memory_journal, "M-WAL")
    memory_journal.erase_mentee(erased)
    wal = db_of(memory_journal).execute("PRAGMA wal_checkpoint").fetchone()
    assert wal[1] == 0  # the TRUNCATE checkpoint left an empty log


def test_a_failed_erasure_changes_nothing(signed: tuple[Journal, str]) -> None:
    journal, note_id = signed
    with pytest.raises(Exception, match="does not exist"):
        journal.erase_mentee(new_id())
    assert journal.get_note(note_id).is_signed


def test_api_edit_of_a_signed_note_raises_record_signed_with_exit_6(
    signed: tuple[Journal, str],
) -> None:
    journal, note_id = signed
    note = journal.get_note(note_id)
    with pytest.raises(RecordSigned) as raised:
        journal.save_draft(replace(note, signed_at=None, signature=None, next_actions="x"))
    assert raised.value.exit_code == 6
