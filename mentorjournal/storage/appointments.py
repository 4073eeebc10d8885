"""Appointment repository: planned sessions and their outcomes, read by mentee or time range.

Times are stored as UTC ISO text, so a range of instants is a range of text and the
``appointments_by_start`` index answers it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import sqlcipher3

from mentorjournal.domain.appointments import Appointment, AppointmentListing, AppointmentStatus
from mentorjournal.domain.notes import SessionMode
from mentorjournal.errors import RecordNotFound
from mentorjournal.storage.codec import dt_text, dt_value, is_foreign_key_violation, missing_parent
from mentorjournal.storage.connection import Connection

_COLUMNS = (
    "a.id, a.mentee_id, a.starts_at, a.minutes, a.mode, a.status, a.note_id, a.notes,"
    " a.reason, a.held_minutes, a.early_end_agreed"
)
#: Where the mentee's code follows the appointment's columns in a listing row.
_CODE = 11


def _appointment(row: Sequence[Any]) -> Appointment:
    return Appointment(
        id=row[0],
        mentee_id=row[1],
        at=dt_value(row[2]),
        minutes=row[3],
        mode=SessionMode(row[4]),
        status=AppointmentStatus(row[5]),
        note_id=row[6],
        notes=row[7],
        reason=row[8],
        held_minutes=row[9],
        early_end_agreed=None if row[10] is None else bool(row[10]),
    )


def _agreed(a: Appointment) -> int | None:
    return None if a.early_end_agreed is None else int(a.early_end_agreed)


def _row(a: Appointment, now: str) -> tuple[Any, ...]:
    return (
        a.id,
        a.mentee_id,
        dt_text(a.at),
        a.minutes,
        a.mode.value,
        a.status.value,
        a.note_id,
        a.notes,
        a.reason,
        a.held_minutes,
        _agreed(a),
        now,
        now,
    )


def insert_many(conn: Connection, appointments: Iterable[Appointment], now: datetime) -> None:
    """Insert new appointments (one, or a demo batch) in the caller's transaction."""
    stamp = dt_text(now)
    try:
        conn.executemany(
            "INSERT INTO appointments(id, mentee_id, starts_at, minutes, mode, status, note_id,"
            " notes, reason, held_minutes, early_end_agreed, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_row(a, stamp) for a in appointments],
        )
    except sqlcipher3.IntegrityError as exc:
        if is_foreign_key_violation(exc):
            raise missing_parent("mentee or note") from exc
        raise


def update(conn: Connection, a: Appointment, now: datetime) -> None:
    try:
        cursor = conn.execute(
            "UPDATE appointments SET starts_at = ?, minutes = ?, mode = ?, status = ?,"
            " note_id = ?, notes = ?, reason = ?, held_minutes = ?, early_end_agreed = ?,"
            " updated_at = ? WHERE id = ? AND mentee_id = ?",
            (
                dt_text(a.at),
                a.minutes,
                a.mode.value,
                a.status.value,
                a.note_id,
                a.notes,
                a.reason,
                a.held_minutes,
                _agreed(a),
                dt_text(now),
                a.id,
                a.mentee_id,
            ),
        )
    except sqlcipher3.IntegrityError as exc:
        if is_foreign_key_violation(exc):
            raise missing_parent("note") from exc
        raise
    if cursor.rowcount == 0:
        raise RecordNotFound("That appointment does not exist.")


def get(conn: Connection, appointment_id: str) -> Appointment | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM appointments a WHERE a.id = ?", (appointment_id,)
    ).fetchone()
    return None if row is None else _appointment(row)


def get_many(conn: Connection, ids: Sequence[str]) -> list[Appointment]:
    if not ids:
        return []
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM appointments a WHERE a.id IN ({', '.join('?' * len(ids))})",
        list(ids),
    ).fetchall()
    return [_appointment(r) for r in rows]


def delete(conn: Connection, appointment_id: str) -> None:
    if conn.execute("DELETE FROM appointments WHERE id = ?", (appointment_id,)).rowcount == 0:
        raise RecordNotFound("That appointment does not exist.")


def listings(
    conn: Connection,
    *,
    mentee_id: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    statuses: Sequence[AppointmentStatus] = (),
    limit: int | None = None,
) -> list[AppointmentListing]:
    """Appointments with their mentee's code, oldest first; ``start`` inclusive, ``end`` not."""
    where: list[str] = []
    params: list[Any] = []
    if mentee_id is not None:
        where.append("a.mentee_id = ?")
        params.append(mentee_id)
    if start is not None:
        where.append("a.starts_at >= ?")
        params.append(dt_text(start))
    if end is not None:
        where.append("a.starts_at < ?")
        params.append(dt_text(end))
    if statuses:
        where.append(f"a.status IN ({', '.join('?' * len(statuses))})")
        params += [s.value for s in statuses]
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    tail = "" if limit is None else f" LIMIT {int(limit)}"
    rows = conn.execute(
        f"SELECT {_COLUMNS}, m.code FROM appointments a JOIN mentees m ON m.id = a.mentee_id"
        f"{clause} ORDER BY a.starts_at, a.id{tail}",
        params,
    ).fetchall()
    return [AppointmentListing(_appointment(r), r[_CODE]) for r in rows]


def for_note(conn: Connection, note_id: str) -> Appointment | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM appointments a WHERE a.note_id = ? LIMIT 1", (note_id,)
    ).fetchone()
    return None if row is None else _appointment(row)


def attendance_counts(
    conn: Connection, *, start: datetime, end: datetime
) -> dict[AppointmentStatus, int]:
    """How many appointments in ``[start, end)`` ended in each status."""
    rows = conn.execute(
        "SELECT status, count(*) FROM appointments WHERE starts_at >= ? AND starts_at < ?"
        " GROUP BY status",
        (dt_text(start), dt_text(end)),
    ).fetchall()
    return {AppointmentStatus(r[0]): int(r[1]) for r in rows}


def for_notes(conn: Connection, note_ids: Sequence[str]) -> list[Appointment]:
    """The appointments the given notes were written from (a timesheet's linked rows)."""
    found: list[Appointment] = []
    ids = list(note_ids)
    for at in range(0, len(ids), 500):  # well under SQLite's bound-parameter limit
        chunk = ids[at : at + 500]
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM appointments a"
            f" WHERE a.note_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
        found += [_appointment(r) for r in rows]
    return found
