"""The opening contract: every PRAGMA set, and no database ever created in place of a missing one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mentorjournal.errors import VaultCorrupt, VaultMissing
from mentorjournal.storage.connection import close_database, open_database, transaction

KEY = bytes(range(32))


def make_db(path: Path) -> None:
    conn = open_database(path, KEY, create=True)
    with transaction(conn):
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.execute("INSERT INTO t VALUES ('hello')")
    close_database(conn)


def test_open_sets_every_pragma(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    make_db(db)
    conn = open_database(db, KEY)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA synchronous").fetchone() == (2,)
    assert conn.execute("PRAGMA secure_delete").fetchone() == (1,)
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert conn.execute("PRAGMA temp_store").fetchone() == (2,)
    assert conn.execute("PRAGMA trusted_schema").fetchone() == (0,)
    # Deliberately off: see OPEN_PRAGMAS and SECURITY.md ("In memory").
    assert conn.execute("PRAGMA cipher_memory_security").fetchone() == ("0",)
    close_database(conn)


def test_created_file_is_private(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    make_db(db)
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600


def test_missing_database_is_never_created(tmp_path: Path) -> None:
    db = tmp_path / "absent.db"
    with pytest.raises(VaultMissing):
        open_database(db, KEY)
    assert not db.exists()


def test_zero_length_database_is_corrupt_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    db.write_bytes(b"")
    with pytest.raises(VaultCorrupt):
        open_database(db, KEY)
    assert db.read_bytes() == b""


def test_wrong_key_reads_as_corrupt(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    make_db(db)
    before = db.read_bytes()
    with pytest.raises(VaultCorrupt):
        open_database(db, bytes(32))
    assert db.read_bytes() == before


def test_failed_transaction_rolls_back(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    make_db(db)
    conn = open_database(db, KEY)
    with pytest.raises(RuntimeError), transaction(conn):
        conn.execute("INSERT INTO t VALUES ('lost')")
        raise RuntimeError("boom")
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (1,)
    close_database(conn)


def _db_with_damaged_data_page(tmp_path: Path) -> Path:
    db = tmp_path / "damaged.db"
    conn = open_database(db, KEY, create=True)
    with transaction(conn):
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [("note text " * 40,)] * 200)
    close_database(conn)
    data = bytearray(db.read_bytes())
    data[-2000] ^= 0xFF  # inside the last page: table data, not read when opening
    db.write_bytes(bytes(data))
    return db


def test_small_vault_is_scanned_at_open(tmp_path: Path) -> None:
    db = _db_with_damaged_data_page(tmp_path)
    with pytest.raises(VaultCorrupt):
        open_database(db, KEY)


def test_large_vault_skips_the_scan_but_never_reads_damage_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlcipher3

    from mentorjournal.storage import connection

    db = _db_with_damaged_data_page(tmp_path)
    monkeypatch.setattr(connection, "QUICK_CHECK_MAX_BYTES", 0)  # as if the vault were large
    conn = open_database(db, KEY)  # no O(size) scan at open
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT x FROM t").fetchall()  # the page HMAC fails on read
    conn.close()
