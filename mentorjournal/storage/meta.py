"""Rows of ``vault_meta``: the vault id and the change counter the rollback check relies on."""

from __future__ import annotations

from mentorjournal.errors import VaultCorrupt
from mentorjournal.storage.connection import Connection, transaction

VAULT_ID = "vault_id"
CHANGE_COUNTER = "change_counter"
CREATED_AT = "created_at"
#: Which key file the database belongs to: raised with every change of the vault's secrets.
KEY_GENERATION = "key_generation"


def get_meta(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM vault_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Upsert one row; the caller decides the transaction (or none: autocommit)."""
    conn.execute(
        "INSERT INTO vault_meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def init_meta(conn: Connection, *, vault_id: str, created_at: str, counter: int) -> None:
    """Record a new vault's identity in one transaction."""
    with transaction(conn):
        set_meta(conn, VAULT_ID, vault_id)
        set_meta(conn, CREATED_AT, created_at)
        set_meta(conn, CHANGE_COUNTER, str(counter))


def vault_id(conn: Connection) -> str | None:
    """The id stored in the database, or None when the table or row is absent."""
    tables = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'vault_meta'"
    ).fetchone()[0]
    return get_meta(conn, VAULT_ID) if tables else None


def change_counter(conn: Connection) -> int:
    value = get_meta(conn, CHANGE_COUNTER)
    if value is None:
        return 0
    if not value.isdigit():
        raise VaultCorrupt("The vault's change counter is damaged.")
    return int(value)


def store_change_counter(conn: Connection, counter: int) -> None:
    with transaction(conn):
        set_meta(conn, CHANGE_COUNTER, str(counter))


def key_generation(conn: Connection) -> int:
    """The key-file generation the database last recorded (0: none yet, an older vault)."""
    value = get_meta(conn, KEY_GENERATION)
    if value is None:
        return 0
    if not value.isdigit():
        raise VaultCorrupt("The vault's key generation is damaged.")
    return int(value)


def store_key_generation(conn: Connection, generation: int) -> None:
    """Record the generation, in the caller's transaction if there is one (a journal command)."""
    if conn.in_transaction:
        set_meta(conn, KEY_GENERATION, str(generation))
        return
    with transaction(conn):
        set_meta(conn, KEY_GENERATION, str(generation))
