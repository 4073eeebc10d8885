"""Migrations apply in order, record the version, and a newer vault is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorjournal.errors import VaultCorrupt
from mentorjournal.storage.connection import close_database, open_database
from mentorjournal.storage.schema import latest_version, migrate, split_statements

KEY = bytes(range(32))


def test_migrate_reaches_latest_and_is_idempotent(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "j.db", KEY, create=True)
    assert migrate(conn) == latest_version()
    assert migrate(conn) == latest_version()
    close_database(conn)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "j.db", KEY, create=True)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    with pytest.raises(VaultCorrupt, match="newer"):
        migrate(conn)
    close_database(conn)


def test_trigger_bodies_stay_whole() -> None:
    sql = "CREATE TABLE a(x);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    assert len(split_statements(sql)) == 2
