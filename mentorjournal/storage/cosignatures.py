"""Co-signature repository: review requests and co-signatures (insert and read only).

The schema refuses UPDATE and DELETE of a co-signature outside a mentee's erasure; each new
co-signature is sealed in the transaction that adds it (``storage/sealing.py``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from mentorjournal.domain.cosignature import AwaitingCosignature, CoSignature, ReviewRequest
from mentorjournal.storage import sealing
from mentorjournal.storage.codec import dt_text, dt_value, opt_dt_value, req_date_value
from mentorjournal.storage.connection import Connection

_COLUMNS = "id, mentee_id, name, role, cosigned_on, written_at, note_signature, comment, hash"


def _cosignature(row: Sequence[Any]) -> CoSignature:
    return CoSignature(
        note_id=row[0],
        mentee_id=row[1],
        name=row[2],
        role=row[3],
        cosigned_on=req_date_value(row[4]),
        written_at=dt_value(row[5]),
        note_signature=row[6],
        comment=row[7],
        hash=row[8],
    )


def insert_request(conn: Connection, request: ReviewRequest) -> None:
    conn.execute(
        "INSERT INTO review_requests(id, mentee_id, requested_at) VALUES (?, ?, ?)",
        (request.note_id, request.mentee_id, dt_text(request.requested_at)),
    )


def get_request(conn: Connection, note_id: str) -> ReviewRequest | None:
    row = conn.execute(
        "SELECT id, mentee_id, requested_at FROM review_requests WHERE id = ?", (note_id,)
    ).fetchone()
    return None if row is None else ReviewRequest(row[0], row[1], dt_value(row[2]))


def insert(conn: Connection, cosignature: CoSignature, *, origin: str = "here") -> None:
    """Store a co-signature and seal it (in the caller's transaction)."""
    c = cosignature
    conn.execute(
        f"INSERT INTO cosignatures({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            c.note_id, c.mentee_id, c.name, c.role, c.cosigned_on.isoformat(),
            dt_text(c.written_at), c.note_signature, c.comment, c.hash,
        ),
    )  # fmt: skip
    sealing.seal_cosignature(conn, c.note_id, origin)


def get(conn: Connection, note_id: str) -> CoSignature | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM cosignatures WHERE id = ?", (note_id,)).fetchone()
    return None if row is None else _cosignature(row)


def for_mentee(conn: Connection, mentee_id: str) -> dict[str, CoSignature]:
    """Every co-signature of the mentee's notes, by note id (for the record export)."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM cosignatures WHERE mentee_id = ? ORDER BY id", (mentee_id,)
    ).fetchall()
    return {str(r[0]): _cosignature(r) for r in rows}


def requests_for_mentee(conn: Connection, mentee_id: str) -> dict[str, ReviewRequest]:
    rows = conn.execute(
        "SELECT id, mentee_id, requested_at FROM review_requests WHERE mentee_id = ?",
        (mentee_id,),
    ).fetchall()
    return {str(r[0]): ReviewRequest(r[0], r[1], dt_value(r[2])) for r in rows}


def all_rows(conn: Connection) -> list[tuple[Sequence[Any], CoSignature | None]]:
    """Every co-signature's seal columns with its value (``None``: the row no longer makes a
    valid co-signature), for ``verify``."""
    found: list[tuple[Sequence[Any], CoSignature | None]] = []
    for row in conn.execute(
        f"SELECT {sealing.COSIGNATURE_SEAL_COLUMNS}, name, role, comment FROM cosignatures"
        " ORDER BY id"
    ):
        try:
            value = CoSignature(
                note_id=row[0], mentee_id=row[1], name=row[6], role=row[7],
                cosigned_on=req_date_value(row[2]), written_at=dt_value(row[3]),
                note_signature=row[4], comment=row[8], hash=row[5],
            )  # fmt: skip
        except (ValueError, TypeError):
            value = None
        found.append((row[:6], value))
    return found


def awaiting(conn: Connection, profiles_requiring: Collection[str]) -> list[AwaitingCosignature]:
    """Signed notes without a co-signature that were put up for review, or signed under a
    profile in ``profiles_requiring``; oldest session first."""
    marks = ", ".join("?" for _ in profiles_requiring) or "NULL"
    rows = conn.execute(
        "SELECT n.id, n.mentee_id, m.code, n.started_at, n.signed_at, r.requested_at"
        " FROM session_notes n JOIN mentees m ON m.id = n.mentee_id"
        " LEFT JOIN review_requests r ON r.id = n.id"
        " LEFT JOIN session_headers h ON h.id = n.id"
        " WHERE n.signed_at IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM cosignatures c WHERE c.id = n.id)"
        f" AND (r.id IS NOT NULL OR h.profile IN ({marks}))"
        " ORDER BY n.started_at, n.id",
        tuple(profiles_requiring),
    ).fetchall()
    return [
        AwaitingCosignature(r[0], r[1], r[2], dt_value(r[3]), dt_value(r[4]), opt_dt_value(r[5]))
        for r in rows
    ]
