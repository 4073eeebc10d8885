"""Retention's SQL: the dated records it counts, the erasure of some of a mentee's records,
and the register of erasures made after a review (0014_retention_access.sql).

An erasure here is the mentee erasure (``mentees.erase``) narrowed to some records of one
type: the same ``erasure_in_progress`` mark opens the sign-and-lock triggers for that mentee
only, the records' seals and search entries go with them (and those of what hangs off them:
a note's addenda, a goal's steps and progress), and the mark is cleared in the same
transaction. The caller writes the erase events and checkpoints the WAL afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from mentorjournal.domain.retention import RecordType
from mentorjournal.storage.codec import date_text, dt_text, dt_value, req_date_value
from mentorjournal.storage.connection import Connection

_CHUNK = 500


@dataclass(frozen=True)
class _Source:
    table: str
    #: SQL for the record's date; ``instant`` when it is a UTC timestamp (else a date).
    day: str
    instant: bool
    #: Child tables whose rows go with a record: (table, foreign key column).
    children: tuple[tuple[str, str], ...] = ()


SOURCES: dict[RecordType, _Source] = {
    RecordType.SESSION_NOTES: _Source(
        "session_notes", "started_at", True, (("addenda", "note_id"),)
    ),
    RecordType.ADDENDA: _Source("addenda", "written_at", True),
    RecordType.GOALS: _Source(
        "goals", "created_at", True, (("goal_steps", "goal_id"), ("goal_progress", "goal_id"))
    ),
    RecordType.COPING_PLANS: _Source("coping_plan_versions", "saved_at", True),
    RecordType.MEASURES: _Source("measures", "taken_on", False),
    RecordType.DISCLOSURES: _Source("disclosures", "shared_at", True),
    RecordType.CONSENTS: _Source("consents", "coalesce(withdrawn_on, given_on)", False),
    RecordType.APPOINTMENTS: _Source("appointments", "starts_at", True),
}


@dataclass(frozen=True)
class StoredDate:
    """A record's id and date as stored: an instant (UTC) or a calendar day."""

    mentee_id: str
    record_type: RecordType
    record_id: str
    at: datetime | None
    day: date | None


def dated_records(conn: Connection, mentee_ids: Sequence[str]) -> list[StoredDate]:
    """Every record of the given mentees that retention counts, with its date."""
    found: list[StoredDate] = []
    ids = list(mentee_ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for record_type, source in SOURCES.items():
            rows = conn.execute(
                f"SELECT mentee_id, id, {source.day} FROM {source.table}"
                f" WHERE mentee_id IN ({marks})",
                chunk,
            ).fetchall()
            for mentee_id, record_id, value in rows:
                at = dt_value(value) if source.instant else None
                day = None if source.instant else req_date_value(value)
                found.append(StoredDate(mentee_id, record_type, record_id, at, day))
    return found


def _marks(values: Sequence[str]) -> str:
    return ", ".join("?" for _ in values)


def _with_children(conn: Connection, source: _Source, ids: Sequence[str]) -> list[str]:
    """The records' ids and those of the rows that hang off them."""
    every = list(ids)
    for table, column in source.children:
        every += [
            str(r[0])
            for r in conn.execute(
                f"SELECT id FROM {table} WHERE {column} IN ({_marks(ids)})", list(ids)
            )
        ]
    return every


def sealed_among(
    conn: Connection, mentee_id: str, record_ids: Sequence[str]
) -> list[tuple[str, str]]:
    """``(kind, record id)`` of the sealed records among ``record_ids`` and their children."""
    found: list[tuple[str, str]] = []
    for start in range(0, len(record_ids), _CHUNK):
        chunk = list(record_ids[start : start + _CHUNK])
        found += [
            (str(k), str(r))
            for k, r in conn.execute(
                f"SELECT kind, record_id FROM record_seals WHERE mentee_id = ?"
                f" AND record_id IN ({_marks(chunk)}) ORDER BY kind, record_id",
                [mentee_id, *chunk],
            )
        ]
    return found


def with_children(conn: Connection, record_type: RecordType, ids: Sequence[str]) -> list[str]:
    """Public form of the records' ids with their children's (for seals and the prompt)."""
    every: list[str] = []
    for start in range(0, len(ids), _CHUNK):
        every += _with_children(conn, SOURCES[record_type], ids[start : start + _CHUNK])
    return every


def erase_records(
    conn: Connection, mentee_id: str, record_type: RecordType, record_ids: Sequence[str]
) -> int:
    """Delete the mentee's records of one type (signed ones too); returns how many went.

    Call inside a transaction, after writing the erase events of the sealed ones.
    """
    source = SOURCES[record_type]
    conn.execute("INSERT INTO erasure_in_progress(mentee_id) VALUES (?)", (mentee_id,))
    erased = 0
    for start in range(0, len(record_ids), _CHUNK):
        chunk = list(record_ids[start : start + _CHUNK])
        every = _with_children(conn, source, chunk)
        marks = _marks(every)
        conn.execute(
            f"DELETE FROM record_seals WHERE mentee_id = ? AND record_id IN ({marks})",
            [mentee_id, *every],
        )
        conn.execute(f"DELETE FROM search_pending WHERE record_id IN ({marks})", every)
        docs = conn.execute(
            f"DELETE FROM search_doc WHERE record_id IN ({marks}) RETURNING doc", every
        ).fetchall()
        conn.executemany("DELETE FROM search_index WHERE rowid = ?", [(int(d[0]),) for d in docs])
        cursor = conn.execute(
            f"DELETE FROM {source.table} WHERE mentee_id = ? AND id IN ({_marks(chunk)})",
            [mentee_id, *chunk],
        )
        erased += int(cursor.rowcount)
    conn.execute("DELETE FROM erasure_in_progress WHERE mentee_id = ?", (mentee_id,))
    return erased


@dataclass(frozen=True)
class ErasureEntry:
    """One line of the register: an erasure made after a retention review."""

    id: str
    mentee_id: str
    record_type: str
    records: int
    due_on: date
    reason: str
    erased_at: datetime


def add_erasure(conn: Connection, entry: ErasureEntry) -> None:
    conn.execute(
        "INSERT INTO retention_erasures(id, mentee_id, record_type, records, due_on, reason,"
        " erased_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (entry.id, entry.mentee_id, entry.record_type, entry.records, date_text(entry.due_on),
         entry.reason, dt_text(entry.erased_at)),
    )  # fmt: skip


def erasures(conn: Connection) -> list[ErasureEntry]:
    rows = conn.execute(
        "SELECT id, mentee_id, record_type, records, due_on, reason, erased_at"
        " FROM retention_erasures ORDER BY erased_at DESC, rowid DESC"
    ).fetchall()
    return [
        ErasureEntry(r[0], r[1], r[2], int(r[3]), req_date_value(r[4]), r[5], dt_value(r[6]))
        for r in rows
    ]
