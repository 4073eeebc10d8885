"""A vault written before sync existed upgrades, syncs nothing until asked, and then offers
every one of its records to the other computers (the first segment is a full snapshot)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.journal import Journal
from mentorjournal.storage import sync_log
from mentorjournal.storage.connection import open_database, transaction
from mentorjournal.storage.schema import current_version
from tests.fixtures.journal_fixtures import db_of
from tests.fixtures.make_golden_vaults import (
    CREATED_AT,
    GOLDEN_KEY,
    SYNC_SCHEMA,
    golden_path,
)

BEFORE_SYNC = SYNC_SCHEMA - 1


@pytest.fixture
def upgraded(tmp_path: Path) -> Iterator[Journal]:
    copy = tmp_path / "journal.db"
    shutil.copyfile(golden_path(BEFORE_SYNC), copy)
    conn = open_database(copy, GOLDEN_KEY)
    assert current_version(conn) == BEFORE_SYNC
    journal = Journal(conn, ManualClock(CREATED_AT))
    yield journal
    journal.lock()


def test_an_upgraded_vault_does_not_sync_until_set_up(upgraded: Journal) -> None:
    assert upgraded.sync_status().enabled is False
    assert not sync_log.capture_installed(db_of(upgraded))
    upgraded.add_mentee("NEW-1")
    assert sync_log.outbox_count(db_of(upgraded)) == 0


def test_the_first_snapshot_of_an_upgraded_vault_holds_every_record(upgraded: Journal) -> None:
    conn = db_of(upgraded)
    tables = sync_log.replicated_tables(conn)
    rows = sum(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)
    assert rows > 50 and {"mentees", "session_notes", "addenda", "appointments"} <= set(tables)
    device = "8e4b2a6c-1d3f-4a57-b9c2-7f0e1d2c3b45"
    with transaction(conn):
        sync_log.init_state(
            conn, journal_id="5d2f1c8e-3b7a-4e61-9a40-2c8d7e6f5a13", device_id=device,
            key=bytes(32), folder="/tmp/Sync", now=CREATED_AT.isoformat(),
        )  # fmt: skip
        made = sync_log.snapshot(conn, device, 1_700_000_000_000)
    assert made == rows == sync_log.outbox_count(conn)
    ops = [op for _n, op in sync_log.outbox(conn, 100_000)]
    assert ops[0].tbl == "mentees"  # parents first, so a new computer applies it in one pass
    assert all(op.kind == "put" and op.fields["id"] == op.record_id for op in ops)
