"""A vault written at every earlier schema version upgrades to the latest and keeps its data.

The golden databases in tests/fixtures/golden/ were written by
tests/fixtures/make_golden_vaults.py at each schema version, with a JSON manifest of every row;
each test works on a copy.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.journal import Journal
from mentorjournal.storage import audit, meta, proofs, sealing, search
from mentorjournal.storage.connection import open_database
from mentorjournal.storage.schema import SEALS_SCHEMA, current_version, latest_version
from tests.fixtures.journal_fixtures import db_of
from tests.fixtures.make_golden_vaults import (
    AUDIT_AND_SEARCH_SCHEMA,
    AUDIT_EVENTS,
    CREATED_AT,
    GOLDEN_KEY,
    GOLDEN_VAULT_ID,
    JOURNAL_SCHEMA,
    SEARCH_WORD,
    golden_path,
    manifest_path,
    table_rows,
)

VERSIONS = list(range(1, latest_version() + 1))


def test_every_schema_version_has_a_golden_vault() -> None:
    missing = [v for v in VERSIONS if not golden_path(v).exists() or not manifest_path(v).exists()]
    assert not missing, (
        f"no golden vault for schema {missing}: run python -m tests.fixtures.make_golden_vaults"
    )


@pytest.fixture(params=VERSIONS, ids=[f"from_v{v}" for v in VERSIONS])
def upgraded(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[int, Journal, dict[str, Any]]]:
    version: int = request.param
    copy = tmp_path / "journal.db"
    shutil.copyfile(golden_path(version), copy)
    manifest = json.loads(manifest_path(version).read_text(encoding="utf-8"))
    conn = open_database(copy, GOLDEN_KEY)
    assert current_version(conn) == version == manifest["schema_version"]
    journal = Journal(conn, ManualClock(CREATED_AT))  # migrates to the latest schema
    yield version, journal, manifest["tables"]
    journal.lock()


def test_upgrade_reaches_the_latest_schema_and_keeps_every_row(
    upgraded: tuple[int, Journal, dict[str, Any]],
) -> None:
    _version, journal, tables = upgraded
    conn = db_of(journal)
    assert current_version(conn) == latest_version()
    assert meta.get_meta(conn, meta.VAULT_ID) == GOLDEN_VAULT_ID
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for name, table in tables.items():
        if name == "search_pending":
            continue  # a to-do list: the journal may work it off while opening
        assert table_rows(conn, name, table["columns"]) == table["rows"], name


def test_upgrade_keeps_the_audit_chain_and_the_search_index(
    upgraded: tuple[int, Journal, dict[str, Any]],
) -> None:
    version, journal, _tables = upgraded
    if version < AUDIT_AND_SEARCH_SCHEMA:
        pytest.skip("this schema had no audit log or search index")
    report = audit.verify_chain(db_of(journal))
    assert (report.ok, report.rows_checked) == (True, len(AUDIT_EVENTS))
    assert [h.record_id for h in journal.search(SEARCH_WORD)] == ["golden-1"]
    audit.append(db_of(journal), at=CREATED_AT, action="unlock", kind="vault", record_id=None)
    assert audit.verify_chain(db_of(journal)).ok


def test_upgrade_keeps_every_note_readable_signed_and_searchable(
    upgraded: tuple[int, Journal, dict[str, Any]],
) -> None:
    version, journal, tables = upgraded
    if version < JOURNAL_SCHEMA:
        pytest.skip("the journal tables arrived later")
    notes = tables["session_notes"]
    id_at = notes["columns"].index("id")
    signed_at = notes["columns"].index("signature")
    assert notes["rows"]
    for row in notes["rows"]:
        note = journal.get_note(row[id_at])
        if row[signed_at]:
            assert note.is_signed
            assert journal.verify_note(note.id) is None
        word = note.first_line.split()[-1].strip(".,\"'")
        hits = journal.search(word, kinds=["note"], limit=1000)
        assert note.id in {h.record_id for h in hits}
    assert search.indexed_count(db_of(journal)) > len(notes["rows"])


def test_upgrade_seals_what_was_signed_and_chains_what_was_logged(
    upgraded: tuple[int, Journal, dict[str, Any]],
) -> None:
    """A vault from before seals is sealed once, marked "upgrade", and then verifies; a vault
    born with seals keeps its own ("here")."""
    version, journal, tables = upgraded
    conn = db_of(journal)
    assert proofs.verify_records(conn, None) == []
    notes = tables.get("session_notes", {"columns": ["signature"], "rows": []})
    signature = notes["columns"].index("signature")
    signed = sum(1 for row in notes["rows"] if row[signature])
    addenda = len(tables.get("addenda", {"rows": []})["rows"])
    origins = sealing.origin_counts(conn)
    if version < SEALS_SCHEMA:
        assert origins == ({"upgrade": signed + addenda} if signed + addenda else {})
        logged = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM audit_macs").fetchone()[0] == logged
    else:
        assert set(origins) == {"here"}
