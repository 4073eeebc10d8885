"""Operations the UI used to compose from several calls, now one facade call each.

``close_and_archive`` is one transaction; the all-mentee timeline and the record look-ups for
search hits are set-based: their number of SQL statements does not grow with the vault.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import pytest

from mentorjournal.domain import MenteeStatus, TimelineKind
from mentorjournal.errors import ValidationError
from mentorjournal.journal import Journal
from mentorjournal.storage import audit
from tests.fixtures.journal_fixtures import (
    db_of,
    make_goal,
    make_mentee,
    make_note,
    make_reflection,
)

KEEP_UNTIL = date(2033, 1, 31)


@contextmanager
def counted_statements(journal: Journal) -> Iterator[list[str]]:
    """The SQL statements the journal runs inside the block."""
    seen: list[str] = []
    conn = db_of(journal)
    conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        conn.set_trace_callback(None)


def _edits(journal: Journal, record_id: str) -> int:
    events = audit.events(db_of(journal), limit=10_000)
    return sum(1 for e in events if e.record_id == record_id and e.action == "edit")


def test_close_and_archive_an_open_mentee_is_one_audited_change(journal: Journal) -> None:
    mentee = make_mentee(journal)
    changed = journal.close_and_archive(mentee.id, KEEP_UNTIL)
    stored = journal.get_mentee(mentee.id)
    assert changed.value == stored
    assert stored.status is MenteeStatus.CLOSED and stored.archived
    assert stored.closed_on == journal.today() and stored.retention_until == KEEP_UNTIL
    assert changed.changes.mentees
    assert _edits(journal, mentee.id) == 1


def test_close_and_archive_keeps_an_earlier_closure_date(journal: Journal) -> None:
    mentee = make_mentee(journal, started_on=date(2025, 1, 1))
    closed_on = date(2025, 6, 30)
    journal.set_mentee_status(mentee.id, MenteeStatus.CLOSED, on=closed_on)
    journal.close_and_archive(mentee.id, KEEP_UNTIL)
    assert journal.get_mentee(mentee.id).closed_on == closed_on


def test_close_and_archive_that_fails_leaves_the_mentee_open(journal: Journal) -> None:
    mentee = make_mentee(journal, started_on=date(2026, 1, 1))
    edits = _edits(journal, mentee.id)
    with pytest.raises(ValidationError):
        journal.close_and_archive(mentee.id, KEEP_UNTIL, on=date(2025, 12, 31))  # before start
    assert journal.get_mentee(mentee.id) == mentee
    assert _edits(journal, mentee.id) == edits


def _caseload(journal: Journal, mentees: int, first: int = 0) -> None:
    for number in range(first, first + mentees):
        mentee = make_mentee(journal, f"T-{number:03d}")
        make_note(journal, mentee)
        goal = make_goal(journal, mentee)
        journal.add_progress(goal.id, gas_level=0)
        make_reflection(journal, title=f"On T-{number:03d}", mentee_id=mentee.id)
        journal.clock.advance(3600)  # type: ignore[attr-defined]
    make_reflection(journal, title="On my own practice")


def test_everyones_timeline_is_each_mentees_plus_reflections_on_no_one(journal: Journal) -> None:
    _caseload(journal, 3)
    everyone = journal.timeline(None)
    per_mentee = [e for m in journal.list_mentees() for e in journal.timeline(m.id)]
    unattached = [e for e in everyone if e.mentee_id is None]
    assert sorted(everyone, key=lambda e: e.record_id) == sorted(
        per_mentee + unattached, key=lambda e: e.record_id
    )
    assert [e.kind for e in unattached] == [TimelineKind.REFLECTION]
    assert everyone == sorted(everyone, key=lambda e: (e.when, e.kind.value))
    assert {e.mentee_id for e in everyone if e.kind is TimelineKind.PROGRESS} == {
        m.id for m in journal.list_mentees()
    }


def test_everyones_timeline_reads_the_same_few_statements_however_many_mentees(
    journal: Journal,
) -> None:
    _caseload(journal, 2)
    with counted_statements(journal) as small:
        journal.timeline(None)
    _caseload(journal, 6, first=2)
    with counted_statements(journal) as large:
        journal.timeline(None, since=journal.today() - timedelta(days=30))
    assert len(small) == len(large) == 3


def test_record_lookups_for_search_hits_are_one_query_each(journal: Journal) -> None:
    mentee = make_mentee(journal)
    note = make_note(journal, mentee, sign=True)
    addendum = journal.add_addendum(note.id, "A later detail.").value
    goal = make_goal(journal, mentee)
    entry = journal.add_progress(goal.id, percent=40).value
    with counted_statements(journal) as statements:
        assert journal.note_of_addendum(addendum.id) == note.id
        assert journal.goal_of_progress(entry.id) == goal.id
    assert len(statements) == 2
    assert journal.note_of_addendum("no-such-addendum") is None
    assert journal.goal_of_progress("no-such-entry") is None
