"""Disclosure repository: insert and read only; the schema refuses UPDATE and DELETE outside erasure.

A correction is inserted like any entry with ``corrects_id`` set; "current" entries are those
no other entry corrects.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlcipher3

from mentorjournal.domain.disclosure import (
    Disclosure,
    DisclosureBasis,
    MenteeInformed,
    ShareMethod,
)
from mentorjournal.errors import RecordSigned, ValidationError
from mentorjournal.storage.codec import dt_text, dt_value, is_foreign_key_violation
from mentorjournal.storage.connection import Connection

_COLUMNS = (
    "id, mentee_id, shared_at, recorded_at, basis, what, recipient, method, reasoning,"
    " reference, advice_sought, informed, informed_note, note_id, followup_id, corrects_id"
)


def _disclosure(row: Sequence[Any]) -> Disclosure:
    return Disclosure(
        id=row[0],
        mentee_id=row[1],
        shared_at=dt_value(row[2]),
        recorded_at=dt_value(row[3]),
        basis=DisclosureBasis(row[4]),
        what=row[5],
        recipient=row[6],
        method=ShareMethod(row[7]),
        reasoning=row[8],
        reference=row[9],
        advice_sought=row[10],
        informed=MenteeInformed(row[11]),
        informed_note=row[12],
        note_id=row[13],
        followup_id=row[14],
        corrects_id=row[15],
    )


def insert(conn: Connection, d: Disclosure, recorded_at: datetime) -> Disclosure:
    """Insert a new entry (or a correction); returns it with ``recorded_at`` set."""
    try:
        conn.execute(
            f"INSERT INTO disclosures({_COLUMNS}) VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                d.id, d.mentee_id, dt_text(d.shared_at), dt_text(recorded_at), d.basis.value,
                d.what, d.recipient, d.method.value, d.reasoning, d.reference, d.advice_sought,
                d.informed.value, d.informed_note, d.note_id, d.followup_id, d.corrects_id,
            ),
        )  # fmt: skip
    except sqlcipher3.IntegrityError as exc:
        if is_foreign_key_violation(exc):
            raise ValidationError("That mentee does not exist.") from exc
        if "corrects_id" in str(exc):
            raise RecordSigned(
                "That entry has already been corrected: correct the latest entry."
            ) from exc
        if "record kept" in str(exc):
            raise ValidationError(str(exc).removeprefix("record kept: ").capitalize()) from exc
        raise
    return get(conn, d.id) or d


def get(conn: Connection, disclosure_id: str) -> Disclosure | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM disclosures WHERE id = ?", (disclosure_id,)
    ).fetchone()
    return None if row is None else _disclosure(row)


def list_for_mentee(conn: Connection, mentee_id: str) -> list[Disclosure]:
    """Every entry of the mentee, corrections included, in the order they were shared."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM disclosures WHERE mentee_id = ?"
        " ORDER BY shared_at, recorded_at, rowid",
        (mentee_id,),
    ).fetchall()
    return [_disclosure(r) for r in rows]


def current_counts(conn: Connection) -> dict[str, int]:
    """Per mentee id, how many disclosures stand (entries that no later entry corrects)."""
    rows = conn.execute(
        "SELECT mentee_id, count(*) FROM disclosures d WHERE NOT EXISTS"
        " (SELECT 1 FROM disclosures c WHERE c.corrects_id = d.id) GROUP BY mentee_id"
    ).fetchall()
    return {str(r[0]): int(r[1]) for r in rows}


def untold_since(conn: Connection, since: datetime) -> dict[str, int]:
    """Per mentee id, standing disclosures shared since ``since`` that the mentee has not
    yet been told of (the caseload's reason; "not told" with a reason is a decision, not a
    to-do)."""
    rows = conn.execute(
        "SELECT mentee_id, count(*) FROM disclosures d WHERE informed = 'not_yet'"
        " AND shared_at >= ? AND NOT EXISTS"
        " (SELECT 1 FROM disclosures c WHERE c.corrects_id = d.id) GROUP BY mentee_id",
        (dt_text(since),),
    ).fetchall()
    return {str(r[0]): int(r[1]) for r in rows}
