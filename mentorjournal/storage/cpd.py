"""CPD repository: entries and yearly hour totals (not mentee data, so erasure never touches it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from mentorjournal.domain import CpdEntry, CpdYearTotal
from mentorjournal.errors import RecordNotFound
from mentorjournal.storage.codec import date_text, dt_text, req_date_value
from mentorjournal.storage.connection import Connection

_COLUMNS = "id, activity, on_date, hours, kind, learning, evidence"


def _entry(row: Sequence[Any]) -> CpdEntry:
    return CpdEntry(row[0], row[1], req_date_value(row[2]), float(row[3]), row[4], row[5], row[6])


def save(conn: Connection, entry: CpdEntry, now: datetime) -> None:
    conn.execute(
        f"INSERT INTO cpd_entries({_COLUMNS}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET activity = excluded.activity,"
        " on_date = excluded.on_date, hours = excluded.hours, kind = excluded.kind,"
        " learning = excluded.learning, evidence = excluded.evidence",
        (
            entry.id,
            entry.activity,
            date_text(entry.on),
            float(entry.hours),
            entry.kind,
            entry.learning,
            entry.evidence,
            dt_text(now),
        ),
    )


def get(conn: Connection, entry_id: str) -> CpdEntry | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM cpd_entries WHERE id = ?", (entry_id,)).fetchone()
    return None if row is None else _entry(row)


def list_entries(conn: Connection, *, year: int | None = None) -> list[CpdEntry]:
    where, params = "", []
    if year is not None:
        where, params = " WHERE substr(on_date, 1, 4) = ?", [f"{year:04d}"]
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM cpd_entries{where} ORDER BY on_date DESC, id", params
    ).fetchall()
    return [_entry(r) for r in rows]


def delete(conn: Connection, entry_id: str) -> None:
    if conn.execute("DELETE FROM cpd_entries WHERE id = ?", (entry_id,)).rowcount == 0:
        raise RecordNotFound("That CPD entry does not exist.")


def yearly_totals(conn: Connection) -> list[CpdYearTotal]:
    rows = conn.execute(
        "SELECT CAST(substr(on_date, 1, 4) AS INTEGER), sum(hours), count(*) FROM cpd_entries"
        " GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return [CpdYearTotal(int(r[0]), round(float(r[1]), 2), int(r[2])) for r in rows]
