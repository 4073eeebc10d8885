"""The journal migrations upgrade a vault made at each earlier schema version without loss."""

from __future__ import annotations

from pathlib import Path

from mentorjournal.clock import ManualClock
from mentorjournal.journal import Journal
from mentorjournal.storage.connection import close_database, open_database
from mentorjournal.storage.schema import current_version, latest_version, migrate

KEY = bytes(range(32))
JOURNAL_VERSION = 3  # 0003_journal.sql


def test_a_pre_journal_vault_gains_the_journal_and_keeps_its_meta(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = open_database(path, KEY, create=True)
    migrate(conn, target=JOURNAL_VERSION - 1)
    conn.execute("INSERT INTO vault_meta(key, value) VALUES ('vault_id', 'abc')")
    close_database(conn)

    conn = open_database(path, KEY)
    journal = Journal(conn, ManualClock())
    try:
        assert current_version(conn) == latest_version()
        assert conn.execute("SELECT value FROM vault_meta").fetchall() == [("abc",)]
        mentee = journal.add_mentee("M-001").value
        assert journal.list_mentees() == [mentee]
    finally:
        journal.lock()


def test_a_version_3_vault_with_notes_upgrades_and_keeps_them_signed(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    conn = open_database(path, KEY, create=True)
    migrate(conn, target=JOURNAL_VERSION)
    # Rows as version 3 wrote them, by plain SQL (no code of a later version involved).
    conn.execute(
        "INSERT INTO mentees(id, code, created_at, updated_at) VALUES"
        " ('6f1c1d3e-0000-4000-8000-000000000001', 'M-1', '2026-01-01', '2026-01-01')"
    )
    conn.execute(
        "INSERT INTO session_notes(id, mentee_id, started_at, duration_minutes, mode, template,"
        " sections, created_at, updated_at) VALUES ('6f1c1d3e-0000-4000-8000-000000000002',"
        " '6f1c1d3e-0000-4000-8000-000000000001', '2026-01-01T10:00:00.000000+00:00', 60,"
        " 'in_person', 'free', '[[\"Body\",\"Old note.\"]]', '2026-01-01', '2026-01-01')"
    )
    close_database(conn)

    conn = open_database(path, KEY)
    journal = Journal(conn, ManualClock())
    try:
        note = journal.get_note("6f1c1d3e-0000-4000-8000-000000000002")
        assert note.text == "Old note."
        signed = journal.sign_note(note.id).value
        assert journal.verify_note(signed.id) is None
    finally:
        journal.lock()
