"""The one place that opens SQLCipher and sets every PRAGMA (the opening contract).

The database key is a random 32-byte data key unwrapped by the vault in Python; SQLCipher
derives nothing (raw key syntax), so the cost of unlocking is the Argon2id KDF alone.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from mentorjournal.errors import DiskFull, VaultCorrupt, VaultMissing
from mentorjournal.fsutil import create_private_file, disk_errors

if TYPE_CHECKING:
    from mentorjournal.storage.sealing import SealKeys

Connection = Any  # sqlcipher3 ships no type stubs; this alias names intent.


class VaultConnection(sqlcipher3.Connection):  # type: ignore[misc]
    """A SQLCipher connection that also carries the seal keys derived from its data key.

    ``storage/sealing.py`` finds them here, so no caller ever handles the data key to seal a
    record or extend the audit chain; ``close_database`` wipes them.
    """

    seal_keys: SealKeys | None = None


DATA_KEY_BYTES = 32
#: Up to this size a full ``quick_check`` at open is cheap (well under 100 ms); beyond it, the
#: scan grows with the vault (3.3 s at 50,000 sessions, five times the KDF) and is left to
#: ``verify`` and to every backup's verification, while SQLCipher's per-page HMAC still
#: authenticates each page the moment it is read, so damage is never read silently.
QUICK_CHECK_MAX_BYTES = 4 * 1024 * 1024
#: The PRAGMAs every connection runs with, in order, after the key.
#: ``cipher_memory_security`` is deliberately OFF (SQLCipher's default since 4.5): locking and
#: wiping every SQLite allocation made search 3-20x and bulk writes 4x slower, yet it cannot
#: wipe what matters here, since every decrypted note is also held in Python strings that
#: nothing can overwrite. The key itself is a bytearray wiped on lock (vault/unlocked.py).
OPEN_PRAGMAS: tuple[str, ...] = (
    "cipher_memory_security = OFF",
    "temp_store = MEMORY",
    "secure_delete = ON",
    "foreign_keys = ON",
    "trusted_schema = OFF",
    "journal_mode = WAL",
    "synchronous = FULL",
    "busy_timeout = 5000",
)


def _check_file(path: Path) -> None:
    if not path.exists():
        raise VaultMissing(f"The vault database is missing: {path}")
    size = path.stat().st_size
    if size == 0:
        raise VaultCorrupt(f"The vault database is empty (zero bytes): {path}")
    if size < 1024:
        raise VaultCorrupt(f"The vault database is truncated ({size} bytes): {path}")


def _wipe_ascii_text(text: str) -> None:
    """Overwrite the characters of a compact ASCII ``str`` in place (CPython layout).

    The PRAGMA must be text, and a Python string cannot be cleared by ordinary means; this
    one is made here, used once, never shared, so zeroing its buffer is safe.
    """
    if not text.isascii():
        raise ValueError("only ASCII text can be wiped in place")
    length = len(text)
    ctypes.memset(id(text) + sys.getsizeof(text) - length - 1, 0, length)


def _apply_key(conn: Connection, key: bytes | bytearray) -> None:
    """Give SQLCipher the raw data key, leaving no readable copy of its hex text behind.

    The statement text is built in a bytearray, turned into one string that only
    ``executescript`` sees (it is prepared, run and finalised at once, never kept in the
    statement cache), and both are zeroed at once.
    """
    if len(key) != DATA_KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    conn.execute("PRAGMA cipher_log_level = NONE")  # damage is reported by us, in one line
    buffer = bytearray(b"PRAGMA key = \"x'")
    for byte in key:
        buffer += b"%02x" % byte
    buffer += b"'\";"
    statement = buffer.decode("ascii")
    try:
        conn.executescript(statement)
    finally:
        _wipe_ascii_text(statement)
        buffer[:] = bytes(len(buffer))
    conn.execute("PRAGMA cipher_compatibility = 4")


def open_database(
    path: Path, key: bytes | bytearray, *, create: bool = False, quick_check: bool | None = None
) -> Connection:
    """Open (or with ``create`` make) the encrypted database with the full opening contract.

    Never creates a database in place of a missing or damaged one unless ``create`` is given,
    and ``create`` refuses an existing file. Raises ``VaultMissing`` or ``VaultCorrupt``.
    ``quick_check`` None means "when cheap" (see ``QUICK_CHECK_MAX_BYTES``).
    """
    if create:
        with disk_errors():
            create_private_file(path)
    else:
        _check_file(path)
    if quick_check is None:
        quick_check = not create and path.stat().st_size <= QUICK_CHECK_MAX_BYTES
    # mode=rw: SQLite must never create the file behind our back.
    conn = sqlcipher3.connect(
        f"file:{path.as_posix()}?mode=rw",
        uri=True,
        isolation_level=None,
        check_same_thread=False,
        factory=VaultConnection,
    )
    try:
        _apply_key(conn, key)
        from mentorjournal.storage.sealing import SealKeys

        conn.seal_keys = SealKeys.derive(key)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise VaultCorrupt(
                "The vault database cannot be read: it is damaged or belongs to another vault."
            ) from exc
        for pragma in OPEN_PRAGMAS:
            conn.execute(f"PRAGMA {pragma}").fetchall()
        if quick_check and not create:
            try:
                rows = conn.execute("PRAGMA quick_check").fetchall()
            except sqlcipher3.DatabaseError as exc:  # a malformed page raises instead of reporting
                raise VaultCorrupt("The vault database failed its integrity check.") from exc
            if rows != [("ok",)]:
                raise VaultCorrupt("The vault database failed its integrity check.")
    except BaseException:
        _forget_keys(conn)
        conn.close()
        raise
    return conn


def _forget_keys(conn: Connection) -> None:
    keys = getattr(conn, "seal_keys", None)
    if keys is not None:
        keys.wipe()
        conn.seal_keys = None


def close_database(conn: Connection) -> None:
    """Fold the WAL back into the database and close, so no -wal file lingers with old pages."""
    with contextlib.suppress(sqlcipher3.Error):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    _forget_keys(conn)
    conn.close()


def is_disk_full(exc: BaseException) -> bool:
    """SQLite reports a full disk as SQLITE_FULL ('database or disk is full')."""
    return isinstance(exc, sqlcipher3.OperationalError) and "disk is full" in str(exc)


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error; a full disk becomes DiskFull."""
    with disk_errors():
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if is_disk_full(exc):
                raise DiskFull("The disk is full; the change was not saved.") from exc
            raise
