"""Re-encrypting the whole database under a new data key, and re-sealing it (all its SQL).

``sqlcipher_export`` copies the schema and every row into a new, attached database encrypted
under the new key: the old file is never rewritten in place, so a crash leaves it whole. The
copy's seals and keyed audit chain are then recomputed under keys derived from the new data
key (they would not verify otherwise). Only a vault whose seals all verified under the old
key may be re-sealed: re-sealing blesses what is there.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
from collections.abc import Callable
from pathlib import Path

from mentorjournal.fsutil import create_private_file, disk_errors
from mentorjournal.storage import sealing
from mentorjournal.storage.connection import Connection, transaction

#: Called with (pages done, pages in all) while the copy runs; cheap, from the copying thread.
Progress = Callable[[int, int], None]
_SEAL_TRIGGERS = ("record_seals_no_update", "audit_macs_no_update")
_PROGRESS_STEPS = 20_000


def _wipe(text: str) -> None:
    """Zero an ASCII ``str`` built here and used once (it holds the new key as hex)."""
    ctypes.memset(id(text) + sys.getsizeof(text) - len(text) - 1, 0, len(text))


def export_reencrypted(
    conn: Connection, dest: Path, new_key: bytes | bytearray, progress: Progress | None = None
) -> None:
    """Copy the open database into the new file ``dest`` (0600) encrypted under ``new_key``."""
    with disk_errors():
        create_private_file(dest)
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    calls = [0]

    def tick() -> int:
        calls[0] += 1
        if progress is not None:  # VM steps, scaled to a rough page count
            progress(min(calls[0] * 8, pages), pages)
        return 0

    buffer = bytearray(b"x'")
    for byte in new_key:
        buffer += b"%02x" % byte
    buffer += b"'"
    key_text = buffer.decode("ascii")
    buffer[:] = bytes(len(buffer))
    try:
        conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(dest), key_text))
    finally:
        _wipe(key_text)
    try:
        conn.execute("PRAGMA rekeyed.cipher_compatibility = 4")
        conn.set_progress_handler(tick, _PROGRESS_STEPS)
        try:
            with disk_errors():
                conn.execute("SELECT sqlcipher_export('rekeyed')").fetchall()
        finally:
            conn.set_progress_handler(None, 0)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute(f"PRAGMA rekeyed.user_version = {version}")
    finally:
        with contextlib.suppress(Exception):
            conn.execute("DETACH DATABASE rekeyed")
    if progress is not None:
        progress(pages, pages)


def reseal(conn: Connection, *, key_generation: int) -> None:
    """Recompute every seal and the keyed audit chain under this connection's keys.

    Runs on the re-encrypted copy (opened with the new key), in one transaction; also records
    the new key generation.
    """
    keys = sealing.keys_of(conn)
    with transaction(conn):
        saved = dict(
            conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)",
                _SEAL_TRIGGERS,
            ).fetchall()
        )
        for name in saved:
            conn.execute(f'DROP TRIGGER "{name}"')
        notes = conn.execute(
            f"SELECT {sealing.NOTE_SEAL_COLUMNS} FROM session_notes WHERE id IN"
            " (SELECT record_id FROM record_seals WHERE kind = 'note')"
        ).fetchall()
        conn.executemany(
            "UPDATE record_seals SET seal = ? WHERE kind = 'note' AND record_id = ?",
            [(sealing.record_seal(keys, "note", row), row[0]) for row in notes],
        )
        addenda = conn.execute(
            f"SELECT {sealing.ADDENDUM_SEAL_COLUMNS} FROM addenda WHERE id IN"
            " (SELECT record_id FROM record_seals WHERE kind = 'addendum')"
        ).fetchall()
        conn.executemany(
            "UPDATE record_seals SET seal = ? WHERE kind = 'addendum' AND record_id = ?",
            [(sealing.record_seal(keys, "addendum", row), row[0]) for row in addenda],
        )
        prev = sealing.GENESIS_MAC
        macs: list[tuple[bytes, int]] = []
        for seq, digest in conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq"):
            prev = sealing.audit_mac(keys, prev, int(seq), bytes(digest))
            macs.append((prev, int(seq)))
        conn.executemany("UPDATE audit_macs SET mac = ? WHERE seq = ?", macs)
        for sql in saved.values():
            conn.execute(sql)
        conn.execute(
            "INSERT INTO vault_meta(key, value) VALUES ('key_generation', ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(key_generation),),
        )
