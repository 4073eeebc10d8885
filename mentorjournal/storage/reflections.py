"""Reflection repository: the mentor's own entries, with tags, a supervision flag and self-care."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlcipher3

from mentorjournal.domain import Reflection, ReflectionModel, SelfCareCheck
from mentorjournal.errors import RecordNotFound
from mentorjournal.storage import search
from mentorjournal.storage.codec import (
    KIND_REFLECTION,
    dt_text,
    dt_value,
    flag,
    from_json,
    is_foreign_key_violation,
    missing_parent,
    to_json,
)
from mentorjournal.storage.connection import Connection

_COLUMNS = (
    "id, written_at, title, model, sections, mentee_id, session_id, tags,"
    " flagged_for_supervision, energy, stress, boundaries"
)


def _reflection(row: Sequence[Any]) -> Reflection:
    return Reflection(
        id=row[0],
        written_at=dt_value(row[1]),
        title=row[2],
        model=ReflectionModel(row[3]),
        sections=tuple((name, text) for name, text in from_json(row[4])),
        mentee_id=row[5],
        session_id=row[6],
        tags=tuple(from_json(row[7])),
        flagged_for_supervision=flag(row[8]),
        self_care=SelfCareCheck(row[9], row[10], row[11]),
    )


def _params(r: Reflection) -> tuple[Any, ...]:
    return (
        dt_text(r.written_at),
        r.title,
        r.model.value,
        to_json([[name, text] for name, text in r.sections]),
        r.mentee_id,
        r.session_id,
        to_json(list(r.tags)),
        int(r.flagged_for_supervision),
        r.self_care.energy,
        r.self_care.stress,
        r.self_care.boundaries,
    )


def save(conn: Connection, reflection: Reflection, now: datetime) -> None:
    """Insert or replace by id, and (re)index."""
    try:
        conn.execute(
            f"INSERT INTO reflections({_COLUMNS}, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET written_at = excluded.written_at,"
            " title = excluded.title, model = excluded.model, sections = excluded.sections,"
            " mentee_id = excluded.mentee_id, session_id = excluded.session_id,"
            " tags = excluded.tags, flagged_for_supervision = excluded.flagged_for_supervision,"
            " energy = excluded.energy, stress = excluded.stress,"
            " boundaries = excluded.boundaries, updated_at = excluded.updated_at",
            (reflection.id, *_params(reflection), dt_text(now), dt_text(now)),
        )
    except sqlcipher3.IntegrityError as exc:
        if is_foreign_key_violation(exc):
            raise missing_parent("mentee or session") from exc
        raise
    body = "\n".join([*(t for _n, t in reflection.sections if t), " ".join(reflection.tags)])
    search.index_record(
        conn,
        kind=KIND_REFLECTION,
        record_id=reflection.id,
        mentee_id=reflection.mentee_id,
        day=reflection.written_at.date(),
        title=reflection.title,
        body=body,
    )


def get(conn: Connection, reflection_id: str) -> Reflection | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM reflections WHERE id = ?", (reflection_id,)
    ).fetchone()
    return None if row is None else _reflection(row)


def list_reflections(
    conn: Connection,
    *,
    mentee_id: str | None = None,
    flagged_only: bool = False,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[Reflection]:
    """Newest first, optionally one mentee's, only flagged ones, or written in ``[start, end)``."""
    clauses = ["1 = 1"]
    params: list[Any] = []
    if mentee_id is not None:
        clauses.append("mentee_id = ?")
        params.append(mentee_id)
    if flagged_only:
        clauses.append("flagged_for_supervision = 1")
    if start is not None:
        clauses.append("written_at >= ?")
        params.append(dt_text(start))
    if end is not None:
        clauses.append("written_at < ?")
        params.append(dt_text(end))
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM reflections WHERE {' AND '.join(clauses)}"
        " ORDER BY written_at DESC, id",
        params,
    ).fetchall()
    return [_reflection(r) for r in rows]


def delete(conn: Connection, reflection_id: str) -> None:
    if conn.execute("DELETE FROM reflections WHERE id = ?", (reflection_id,)).rowcount == 0:
        raise RecordNotFound("That reflection does not exist.")
    search.remove_record(conn, KIND_REFLECTION, reflection_id)
