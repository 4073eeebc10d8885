"""Subject-access requests, and every stored row about one mentee (all of its SQL lives here).

``mentee_tables`` is the JSON half of a subject-access export: the mentee's row, every row of
every table that names the mentee (``mentee_id``), and every row of a table whose foreign key
points into one of those (a goal's steps and progress, a supervision session's actions). It
reads the schema, so a table a later migration adds travels without a change here. Per-device
bookkeeping (seals, sync, search internals, erasure markers) is left out: it is not about the
mentee, and the seals are keyed material of this vault.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from mentorjournal.domain.subject_access import SubjectAccessRequest
from mentorjournal.storage.codec import date_text, dt_text, dt_value, opt_dt_value, req_date_value
from mentorjournal.storage.connection import Connection
from mentorjournal.storage.dump import SEARCH_TABLE, journal_tables

_COLUMNS = "id, mentee_id, requested_on, due_on, recorded_at, exported_at"
#: Not about the mentee even though they carry a mentee_id.
_NOT_THEIRS = frozenset({SEARCH_TABLE, "search_doc", "retention_erasures"})


def _request(row: Sequence[Any]) -> SubjectAccessRequest:
    return SubjectAccessRequest(
        id=row[0],
        mentee_id=row[1],
        requested_on=req_date_value(row[2]),
        due_on=req_date_value(row[3]),
        recorded_at=dt_value(row[4]),
        exported_at=opt_dt_value(row[5]),
    )


def insert(conn: Connection, request: SubjectAccessRequest) -> None:
    conn.execute(
        f"INSERT INTO subject_access_requests({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
        (
            request.id,
            request.mentee_id,
            date_text(request.requested_on),
            date_text(request.due_on),
            dt_text(request.recorded_at),
            None if request.exported_at is None else dt_text(request.exported_at),
        ),
    )


def mark_exported(conn: Connection, request_id: str, at: datetime) -> None:
    conn.execute(
        "UPDATE subject_access_requests SET exported_at = ? WHERE id = ?", (dt_text(at), request_id)
    )


def get(conn: Connection, request_id: str) -> SubjectAccessRequest | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM subject_access_requests WHERE id = ?", (request_id,)
    ).fetchone()
    return None if row is None else _request(row)


def list_for_mentee(conn: Connection, mentee_id: str) -> list[SubjectAccessRequest]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM subject_access_requests WHERE mentee_id = ?"
        " ORDER BY requested_on, recorded_at",
        (mentee_id,),
    ).fetchall()
    return [_request(r) for r in rows]


def list_open(conn: Connection) -> list[SubjectAccessRequest]:
    """Requests not yet answered by an export, oldest due first."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM subject_access_requests WHERE exported_at IS NULL"
        " ORDER BY due_on, requested_on"
    ).fetchall()
    return [_request(r) for r in rows]


def _plain(value: Any) -> Any:
    return value.hex() if isinstance(value, bytes) else value


def mentee_tables(conn: Connection, mentee_id: str) -> dict[str, dict[str, Any]]:
    """``{table: {"columns": [...], "rows": [[...], ...]}}`` of every row about the mentee."""
    tables = {
        name: [c for c, _t in columns]
        for name, columns in journal_tables(conn)
        if name not in _NOT_THEIRS
    }
    found: dict[str, dict[str, Any]] = {}
    owned: dict[str, str] = {}  # table -> SQL selecting the ids of the mentee's rows in it
    for name, columns in tables.items():
        if name == "mentees":
            owned[name] = "SELECT id FROM mentees WHERE id = :m"
        elif "mentee_id" in columns:
            owned[name] = (
                f'SELECT {"id" if "id" in columns else "rowid"} FROM "{name}" WHERE mentee_id = :m'
            )
    for name, columns in tables.items():
        where = ""
        if name == "mentees":
            where = "id = :m"
        elif "mentee_id" in columns:
            where = "mentee_id = :m"
        else:
            links = [
                f'"{row[3]}" IN ({owned[str(row[2])]})'
                for row in conn.execute(f'PRAGMA foreign_key_list("{name}")')
                if str(row[2]) in owned and str(row[2]) != name and str(row[4]) == "id"
            ]
            if links:
                where = " OR ".join(links)
        if not where:
            continue
        listed = ", ".join(f'"{c}"' for c in columns)
        rows = conn.execute(
            f'SELECT {listed} FROM "{name}" WHERE {where} ORDER BY rowid', {"m": mentee_id}
        ).fetchall()
        if rows:
            found[name] = {"columns": columns, "rows": [[_plain(v) for v in r] for r in rows]}
    return found
