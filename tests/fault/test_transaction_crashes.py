"""A crash part-way through a migration or an erasure leaves the old state, never half of each.

Both are single SQLite transactions; these tests prove it by failing them after their first
destructive statement has run (in a real process the crash would come from a kill or power
loss; the WAL and synchronous=FULL give the same all-or-nothing, see test_kill9.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorjournal.journal import Journal
from mentorjournal.storage import audit, schema
from mentorjournal.storage import mentees as mentee_repo
from mentorjournal.storage.connection import close_database, open_database
from tests.fixtures.journal_fixtures import db_of, make_goal, make_mentee, make_note

KEY = bytes(range(32))


class Crash(RuntimeError):
    """Stands for the process dying at this point."""


def test_crash_midway_through_erasure_keeps_every_record(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    mentee = make_mentee(journal, "M-001")
    make_note(journal, mentee, text="kept because the erasure never finished", sign=True)
    make_goal(journal, mentee)
    before = journal.record_counts(mentee.id)
    real_erase = mentee_repo.erase

    def erase_then_crash(conn: object, mentee_id: str) -> None:
        real_erase(conn, mentee_id)  # every row is gone inside the transaction ...
        raise Crash("power cut")  # ... and then the process dies before the commit

    monkeypatch.setattr(mentee_repo, "erase", erase_then_crash)
    with pytest.raises(Crash):
        journal.erase_mentee(mentee.id)
    monkeypatch.undo()
    assert journal.record_counts(mentee.id) == before
    assert journal.search("erasure")[0].mentee_id == mentee.id
    assert audit.verify_chain(db_of(journal)).ok


def test_crash_midway_through_a_migration_keeps_the_old_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "journal.db"
    conn = open_database(db, KEY, create=True)
    schema.migrate(conn, target=2)
    tables_before = conn.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall()
    real_split = schema.split_statements

    def crash_after_first_statement(sql: str) -> list[str]:
        statements = real_split(sql)
        return [*statements[:1], "SELECT crash_now()"]  # fails after the first CREATE ran

    monkeypatch.setattr(schema, "split_statements", crash_after_first_statement)
    with pytest.raises(Exception, match="crash_now"):
        schema.migrate(conn)
    monkeypatch.undo()
    assert schema.current_version(conn) == 2
    assert conn.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall() == tables_before
    assert schema.migrate(conn) == schema.latest_version()  # and the next open finishes it
    close_database(conn)
