"""One mentee code made on two computers: the suffix that tells them apart, and its undoing.

When two computers each add a mentee with the same code before they sync, every computer
keeps the earliest under the code and gives the others ``CODE-dddd`` (the first letters of
the device that stamped their code). That rename is derived from which mentees hold the code,
so it must be undone the same way: when the holder is erased, the earliest of the suffixed
mentees takes the code back. Otherwise a computer that erased its mentee before it ever saw
the other one keeps ``CODE`` while the computers that saw both keep ``CODE-dddd``, and the
journals never converge.
"""

from __future__ import annotations

from mentorjournal.storage import sync_log
from mentorjournal.storage.connection import Connection

#: How much of a code survives in front of the suffix (codes are at most 32 characters).
_KEPT = 27


def suffixed(code: str, device: str) -> str:
    """The code a later mentee gets beside an earlier one with ``code``."""
    return f"{code[:_KEPT]}-{device[:4]}"


def restore_after_erasure(conn: Connection, code: str) -> None:
    """Give ``code`` back to the earliest mentee that was suffixed away from it, if any."""
    if conn.execute("SELECT 1 FROM mentees WHERE code = ?", (code,)).fetchone():
        return
    prefix = f"{code[:_KEPT]}-"
    rows = conn.execute(
        "SELECT id, code FROM mentees WHERE substr(code, 1, ?) = ? AND length(code) = ?",
        (len(prefix), prefix, len(prefix) + 4),
    ).fetchall()
    candidates = []
    for mentee_id, current in rows:
        stamp = sync_log.field_stamp(conn, "mentees", mentee_id, "code")
        if stamp is not None and suffixed(code, stamp[1]) == current:
            candidates.append((stamp, str(mentee_id)))
    if candidates:
        conn.execute("UPDATE mentees SET code = ? WHERE id = ?", (code, min(candidates)[1]))
