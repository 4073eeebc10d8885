"""Every journal table as columns and rows: the storage half of the portable JSON export.

``mentorjournal.portable`` owns the file format and checks every value of an import; this
module owns what it needs from the database: which tables there are (read from the schema, so
a column a later migration adds travels without a change here), their rows in insertion order,
the audit rows, and writing rows back into a new, empty vault.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from mentorjournal.storage.connection import Connection

#: The FTS table is dumped as this pseudo-table (its shadow tables are internal).
SEARCH_TABLE = "search_index"
SEARCH_COLUMNS: tuple[tuple[str, str], ...] = (
    ("rowid", "INTEGER"),
    ("title", "TEXT"),
    ("body", "TEXT"),
    ("kind", "TEXT"),
    ("record_id", "TEXT"),
    ("mentee_id", "TEXT"),
    ("day", "TEXT"),
)
#: Not dumped: the vault's own identity rows, transient markers, the audit chain (dumped
#: separately as events, re-chained on import), FTS internals, sync (``sync_*``: this
#: computer's place in a synced journal, with its sync key; an imported vault joins afresh),
#: and the keyed seals and audit chain values: they are keyed from the source vault's data
#: key, which no other vault can check, so an import seals what it brings in afresh, marked
#: "imported, not verified here".
_SKIPPED = {
    "vault_meta",
    "erasure_in_progress",
    "audit_log",
    "audit_macs",
    "record_seals",
    "seal_epoch",
}
_SKIPPED_PREFIXES = (f"{SEARCH_TABLE}_", "sync_")
AUDIT_FIELDS = ("at", "action", "kind", "record_id", "detail")

Columns = tuple[tuple[str, str], ...]


def journal_tables(conn: Connection) -> list[tuple[str, Columns]]:
    """Every dumped table with its (column, declared type) pairs, in creation order."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid"
        )
    ]
    tables: list[tuple[str, Columns]] = []
    for name in names:
        if name in _SKIPPED or name.startswith(_SKIPPED_PREFIXES):
            continue
        columns = tuple(
            (str(r[1]), str(r[2]).upper()) for r in conn.execute(f'PRAGMA table_info("{name}")')
        )
        tables.append((name, columns))
    tables.append((SEARCH_TABLE, SEARCH_COLUMNS))
    return tables


def _order(conn: Connection, name: str) -> str:
    """Insertion order (rowid), or the primary key for a WITHOUT ROWID table."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    if sql is None or "WITHOUT ROWID" not in str(sql[0]).upper():
        return "rowid"
    keys = sorted((int(r[5]), str(r[1])) for r in conn.execute(f'PRAGMA table_info("{name}")'))
    return ", ".join(f'"{column}"' for rank, column in keys if rank > 0)


def _listed(columns: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f'"{c}"' if c != "rowid" else "rowid" for c, _t in columns)


def table_rows(conn: Connection, name: str, columns: Columns) -> Iterator[tuple[Any, ...]]:
    """The table's rows in insertion order, values as stored (a cursor: memory stays flat)."""
    return iter(
        conn.execute(f'SELECT {_listed(columns)} FROM "{name}" ORDER BY {_order(conn, name)}')
    )


def audit_rows(conn: Connection) -> Iterator[tuple[Any, ...]]:
    """The audit log as (at, action, kind, record_id, detail) rows, oldest first."""
    return iter(
        conn.execute("SELECT at, action, kind, record_id, detail FROM audit_log ORDER BY seq")
    )


def holds_records(conn: Connection, tables: Iterable[str]) -> bool:
    """Whether any of ``tables`` has a row (an import goes into an empty vault only)."""
    return any(
        conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None for name in tables
    )


def defer_foreign_keys(conn: Connection) -> None:
    """Check foreign keys at commit, not per row: a dump's tables arrive in creation order."""
    conn.execute("PRAGMA defer_foreign_keys = ON")


def insert_rows(conn: Connection, name: str, columns: Columns, rows: Iterable[Any]) -> int:
    """Insert ``rows`` (already checked) into table ``name``; returns how many."""
    marks = ", ".join("?" * len(columns))
    cursor = conn.executemany(f'INSERT INTO "{name}"({_listed(columns)}) VALUES ({marks})', rows)
    return int(cursor.rowcount)
