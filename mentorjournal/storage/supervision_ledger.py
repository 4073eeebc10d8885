"""Supervision ledger repository: agreements (editable) and sign-offs (insert and read only).

A sign-off is sealed in the transaction that adds it (``storage/sealing.py``); the schema then
locks the meeting it signs off (triggers in ``0012_supervision_ledger.sql``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from mentorjournal.domain.supervision_ledger import SupervisionAgreement, SupervisionSignOff
from mentorjournal.errors import RecordNotFound
from mentorjournal.storage import sealing
from mentorjournal.storage.codec import date_text, date_value, dt_text, dt_value, req_date_value
from mentorjournal.storage.connection import Connection

_AGREEMENT_COLUMNS = (
    "id, supervisor, started_on, review_on, purpose, frequency, recorded, confidentiality,"
    " target_hours_per_month"
)


def _agreement(row: Sequence[Any]) -> SupervisionAgreement:
    return SupervisionAgreement(
        id=row[0],
        supervisor=row[1],
        started_on=req_date_value(row[2]),
        review_on=date_value(row[3]),
        purpose=row[4],
        frequency=row[5],
        recorded=row[6],
        confidentiality=row[7],
        target_hours_per_month=row[8],
    )


def save_agreement(conn: Connection, a: SupervisionAgreement, now: datetime) -> bool:
    """Insert or update by id; True when it was new."""
    existed = get_agreement(conn, a.id) is not None
    conn.execute(
        f"INSERT INTO supervision_agreements({_AGREEMENT_COLUMNS}, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
        " supervisor = excluded.supervisor, started_on = excluded.started_on,"
        " review_on = excluded.review_on, purpose = excluded.purpose,"
        " frequency = excluded.frequency, recorded = excluded.recorded,"
        " confidentiality = excluded.confidentiality,"
        " target_hours_per_month = excluded.target_hours_per_month,"
        " updated_at = excluded.updated_at",
        (
            a.id, a.supervisor, date_text(a.started_on), date_text(a.review_on), a.purpose,
            a.frequency, a.recorded, a.confidentiality, a.target_hours_per_month,
            dt_text(now), dt_text(now),
        ),
    )  # fmt: skip
    return not existed


def get_agreement(conn: Connection, agreement_id: str) -> SupervisionAgreement | None:
    row = conn.execute(
        f"SELECT {_AGREEMENT_COLUMNS} FROM supervision_agreements WHERE id = ?", (agreement_id,)
    ).fetchone()
    return None if row is None else _agreement(row)


def list_agreements(conn: Connection) -> list[SupervisionAgreement]:
    """Newest first (the first is the current one)."""
    rows = conn.execute(
        f"SELECT {_AGREEMENT_COLUMNS} FROM supervision_agreements ORDER BY started_on DESC, id"
    ).fetchall()
    return [_agreement(r) for r in rows]


def delete_agreement(conn: Connection, agreement_id: str) -> None:
    cursor = conn.execute("DELETE FROM supervision_agreements WHERE id = ?", (agreement_id,))
    if cursor.rowcount == 0:
        raise RecordNotFound("That supervision agreement does not exist.")


def _signoff(row: Sequence[Any]) -> SupervisionSignOff:
    return SupervisionSignOff(row[0], row[1], req_date_value(row[2]), dt_value(row[3]), row[4])


def insert_signoff(conn: Connection, s: SupervisionSignOff, *, origin: str = "here") -> None:
    conn.execute(
        f"INSERT INTO supervision_signoffs({sealing.SIGNOFF_SEAL_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
        (s.supervision_id, s.name, s.signed_on.isoformat(), dt_text(s.written_at), s.content_hash),
    )
    sealing.seal_signoff(conn, s.supervision_id, origin)


def get_signoff(conn: Connection, supervision_id: str) -> SupervisionSignOff | None:
    row = conn.execute(
        f"SELECT {sealing.SIGNOFF_SEAL_COLUMNS} FROM supervision_signoffs WHERE id = ?",
        (supervision_id,),
    ).fetchone()
    return None if row is None else _signoff(row)


def all_signoffs(conn: Connection) -> dict[str, SupervisionSignOff]:
    rows = conn.execute(f"SELECT {sealing.SIGNOFF_SEAL_COLUMNS} FROM supervision_signoffs")
    return {str(r[0]): _signoff(r) for r in rows}
