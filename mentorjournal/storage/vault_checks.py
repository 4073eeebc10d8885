"""Whole-database checks and copies the vault's verify and backup use (all their SQL lives here).

``copy_database`` uses SQLite's online backup API, which copies encrypted pages as they are
under the same key: the copy is never plaintext, and is a consistent snapshot.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from mentorjournal.errors import DiskFull, VaultCorrupt
from mentorjournal.storage.connection import (
    Connection,
    close_database,
    is_disk_full,
    open_database,
)


@contextlib.contextmanager
def database_errors() -> Iterator[None]:
    """SQLite's own damage reports (e.g. a malformed page found by quick_check) as VaultCorrupt."""
    try:
        yield
    except sqlcipher3.DatabaseError as exc:
        if is_disk_full(exc):
            raise DiskFull("The disk is full; the vault could not be opened for writing.") from exc
        raise VaultCorrupt(
            "The vault database is damaged; it was not changed. Restore it from a backup."
        ) from exc


@dataclass(frozen=True)
class IntegrityReport:
    """Each check's problems (empty tuple: passed)."""

    cipher: tuple[str, ...]
    integrity: tuple[str, ...]
    foreign_keys: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not (self.cipher or self.integrity or self.foreign_keys)

    def problems(self) -> list[str]:
        found = [f"page authentication: {p}" for p in self.cipher]
        found += [f"integrity: {p}" for p in self.integrity]
        found += [f"foreign key: {p}" for p in self.foreign_keys]
        return found


def _texts(conn: Connection, pragma: str) -> tuple[str, ...]:
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlcipher3.DatabaseError as exc:
        return (str(exc),)
    return tuple(" ".join(str(v) for v in row) for row in rows)


def check_integrity(conn: Connection, *, quick: bool = False) -> IntegrityReport:
    """cipher_integrity_check (every page's HMAC), integrity or quick check, foreign keys."""
    integrity = _texts(conn, "quick_check" if quick else "integrity_check")
    return IntegrityReport(
        cipher=_texts(conn, "cipher_integrity_check"),
        integrity=tuple(t for t in integrity if t != "ok"),
        foreign_keys=_texts(conn, "foreign_key_check"),
    )


def quick_check_problems(conn: Connection) -> tuple[str, ...]:
    """SQLite's quick_check alone (empty tuple: passed), for a copy just written here."""
    return tuple(t for t in _texts(conn, "quick_check") if t != "ok")


def table_row_counts(conn: Connection) -> dict[str, int]:
    """Rows per ordinary table (FTS shadow tables included), to compare a copy with its source."""
    names = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "ORDER BY name"
        )
    ]
    return {
        name: int(conn.execute(f'SELECT count(*) FROM "{name.replace(chr(34), "")}"').fetchone()[0])
        for name in names
    }


def copy_database(conn: Connection, dest: Path, key: bytes | bytearray) -> None:
    """Copy the open database into a new file ``dest`` (0600) encrypted under the same key."""
    target = open_database(dest, key, create=True)
    try:
        conn.backup(target)
    finally:
        close_database(target)
