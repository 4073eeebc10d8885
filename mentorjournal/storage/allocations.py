"""Hour allocations: one row per mentee (keyed by the mentee's id), hours stored as minutes."""

from __future__ import annotations

from datetime import datetime

import sqlcipher3

from mentorjournal.domain.attendance import AllocationPeriod, HourAllocation
from mentorjournal.storage.codec import dt_text, is_foreign_key_violation, missing_parent
from mentorjournal.storage.connection import Connection


def get(conn: Connection, mentee_id: str) -> HourAllocation | None:
    row = conn.execute(
        "SELECT mentee_id, minutes, per FROM hour_allocations WHERE id = ?", (mentee_id,)
    ).fetchone()
    return None if row is None else HourAllocation(row[0], row[1], AllocationPeriod(row[2]))


def put(conn: Connection, allocation: HourAllocation, now: datetime) -> bool:
    """Set the mentee's allocation; True when it replaced one (an edit, not a create)."""
    existed = get(conn, allocation.mentee_id) is not None
    try:
        conn.execute(
            "INSERT INTO hour_allocations(id, mentee_id, minutes, per, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET minutes = excluded.minutes,"
            " per = excluded.per, updated_at = excluded.updated_at",
            (allocation.mentee_id, allocation.mentee_id, allocation.minutes,
             allocation.per.value, dt_text(now)),
        )  # fmt: skip
    except sqlcipher3.IntegrityError as exc:
        if is_foreign_key_violation(exc):
            raise missing_parent("mentee") from exc
        raise
    return existed


def delete(conn: Connection, mentee_id: str) -> bool:
    """Remove the mentee's allocation; False when there was none."""
    cursor = conn.execute("DELETE FROM hour_allocations WHERE id = ?", (mentee_id,))
    return bool(cursor.rowcount > 0)
