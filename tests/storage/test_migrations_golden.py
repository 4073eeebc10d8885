"""A vault written at every earlier schema version upgrades to the latest and keeps its data.

The golden databases in tests/fixtures/golden/ were written by tests/fixtures/make_golden_vaults.py
at each schema version; each test works on a copy.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.journal import Journal
from mentorjournal.storage import audit, meta, search
from mentorjournal.storage.connection import open_database
from mentorjournal.storage.schema import current_version, latest_version
from tests.fixtures.make_golden_vaults import (
    AUDIT_EVENTS,
    CREATED_AT,
    GOLDEN_KEY,
    GOLDEN_VAULT_ID,
    SEARCH_WORD,
    golden_path,
    golden_records,
)

VERSIONS = list(range(1, latest_version() + 1))


def test_every_schema_version_has_a_golden_vault() -> None:
    missing = [v for v in VERSIONS if not golden_path(v).exists()]
    assert not missing, (
        f"no golden vault for schema {missing}: run python -m tests.fixtures.make_golden_vaults"
    )


@pytest.fixture(params=VERSIONS, ids=[f"from_v{v}" for v in VERSIONS])
def upgraded(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[int, Journal]]:
    version: int = request.param
    copy = tmp_path / "journal.db"
    shutil.copyfile(golden_path(version), copy)
    conn = open_database(copy, GOLDEN_KEY)
    assert current_version(conn) == version
    journal = Journal(conn, ManualClock(CREATED_AT))  # migrates to the latest schema
    yield version, journal
    journal.lock()


def test_upgrade_reaches_the_latest_schema_and_keeps_the_vault_identity(
    upgraded: tuple[int, Journal],
) -> None:
    _version, journal = upgraded
    conn = journal.connection
    assert current_version(conn) == latest_version()
    assert meta.get_meta(conn, meta.VAULT_ID) == GOLDEN_VAULT_ID
    assert meta.get_meta(conn, meta.CHANGE_COUNTER) == "7"
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_upgrade_keeps_the_audit_chain_and_the_search_index(
    upgraded: tuple[int, Journal],
) -> None:
    version, journal = upgraded
    if version < 2:
        pytest.skip("schema 1 had no audit log or search index")
    report = audit.verify_chain(journal.connection)
    assert report.ok
    assert report.rows_checked == len(AUDIT_EVENTS)
    assert [h.record_id for h in journal.search(SEARCH_WORD)] == ["golden-1"]
    audit.append(journal.connection, at=CREATED_AT, action="unlock", kind="vault", record_id=None)
    assert audit.verify_chain(journal.connection).ok


def test_upgrade_keeps_every_journal_record_and_signature(upgraded: tuple[int, Journal]) -> None:
    version, journal = upgraded
    if version < 3:
        pytest.skip("the journal tables arrived in schema 3")
    records = golden_records()
    for mentee in records.mentees:
        assert journal.get_mentee(mentee.id) == mentee
    for note in records.notes:
        assert journal.get_note(note.id) == note
        if note.is_signed:
            assert journal.verify_note(note.id) is None
    for addendum in records.addenda:
        assert addendum in journal.addenda(addendum.note_id)
    assert journal.search("breathing") or journal.search("session")
    note = records.notes[0]
    hits = journal.search(note.first_line.split()[-1].strip(".,"), kinds=["note"], limit=100)
    assert note.id in {h.record_id for h in hits}
    assert search.indexed_count(journal.connection) > len(records.notes)
