"""Session-note repository: drafts, sign & lock, addenda, and light summaries for list views.

A signed note is refused here (``RecordSigned``) and again by the triggers of 0003_journal.sql,
so neither a bug above nor a hand-written UPDATE can change a record. ``save_draft`` is the
autosave path: one UPDATE plus the search entry, nothing read back.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

import sqlcipher3

from mentorjournal.domain import (
    Addendum,
    NoteSummary,
    NoteTemplate,
    SessionMode,
    SessionNote,
)
from mentorjournal.errors import RecordNotFound, RecordSigned, ValidationError
from mentorjournal.storage import sealing, search, session_headers
from mentorjournal.storage.codec import (
    KIND_ADDENDUM,
    KIND_NOTE,
    dt_text,
    dt_value,
    flag,
    from_json,
    is_foreign_key_violation,
    is_signed_violation,
    missing_parent,
    opt_dt_value,
    to_json,
)
from mentorjournal.storage.connection import Connection

_COLUMNS = (
    "id, mentee_id, started_at, duration_minutes, mode, template, sections, mood_before,"
    " mood_after, risk_flag, risk_followup, goal_ids, coping_items_used, next_actions,"
    " flagged_for_supervision, signed_at, signature"
)
SIGNED_MESSAGE = "This note is signed and cannot be changed; add an addendum instead."


def _content_params(n: SessionNote) -> tuple[Any, ...]:
    return (
        dt_text(n.started_at),
        n.duration_minutes,
        n.mode.value,
        n.template.value,
        to_json([[name, text] for name, text in n.sections]),
        n.first_line,
        n.mood_before,
        n.mood_after,
        int(n.risk_flag),
        n.risk_followup,
        to_json(list(n.goal_ids)),
        to_json(list(n.coping_items_used)),
        n.next_actions,
        int(n.flagged_for_supervision),
    )


def _note(row: Sequence[Any]) -> SessionNote:
    return SessionNote(
        id=row[0],
        mentee_id=row[1],
        started_at=dt_value(row[2]),
        duration_minutes=row[3],
        mode=SessionMode(row[4]),
        template=NoteTemplate(row[5]),
        sections=tuple((name, text) for name, text in from_json(row[6])),
        mood_before=row[7],
        mood_after=row[8],
        risk_flag=flag(row[9]),
        risk_followup=row[10],
        goal_ids=tuple(from_json(row[11])),
        coping_items_used=tuple(from_json(row[12])),
        next_actions=row[13],
        flagged_for_supervision=flag(row[14]),
        signed_at=opt_dt_value(row[15]),
        signature=row[16],
    )


def note_title(note: SessionNote) -> str:
    return f"{note.template.label} session {note.started_at.date().isoformat()}"


def note_body(note: SessionNote) -> str:
    parts = [text for _name, text in note.sections]
    parts += [note.risk_followup, note.next_actions, *note.coping_items_used]
    return "\n".join(p for p in parts if p)


def _index(conn: Connection, note: SessionNote) -> None:
    search.index_record(
        conn,
        kind=KIND_NOTE,
        record_id=note.id,
        mentee_id=note.mentee_id,
        day=note.started_at.date(),
        title=note_title(note),
        body=note_body(note),
    )


def insert(conn: Connection, note: SessionNote, now: datetime) -> None:
    """Store a new note (a draft, or a signed one when importing) and index it."""
    try:
        conn.execute(
            "INSERT INTO session_notes(id, mentee_id, started_at, duration_minutes, mode,"
            " template, sections, first_line, mood_before, mood_after, risk_flag, risk_followup,"
            " goal_ids, coping_items_used, next_actions, flagged_for_supervision, created_at,"
            " updated_at, signed_at, signature)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                note.id,
                note.mentee_id,
                *_content_params(note),
                dt_text(now),
                dt_text(now),
                None if note.signed_at is None else dt_text(note.signed_at),
                note.signature,
            ),
        )
    except sqlcipher3.IntegrityError as exc:
        if is_foreign_key_violation(exc):
            raise missing_parent("mentee") from exc
        raise
    if note.header is not None:
        session_headers.put(conn, note.id, note.mentee_id, note.header)
    if note.is_signed:  # signed elsewhere: its seal says so
        sealing.seal_note(conn, note.id, origin="imported")
    _index(conn, note)


def _explain_no_row(conn: Connection, note_id: str) -> None:
    row = conn.execute("SELECT signed_at FROM session_notes WHERE id = ?", (note_id,)).fetchone()
    if row is None:
        raise RecordNotFound("That note does not exist.")
    if row[0] is not None:
        raise RecordSigned(SIGNED_MESSAGE)


def save_draft(
    conn: Connection, note: SessionNote, now: datetime, *, defer_index: bool = False
) -> None:
    """Overwrite a draft's content; a signed note raises ``RecordSigned``.

    With ``defer_index`` (the autosave path) the search entry is only marked stale in
    ``search_pending``; ``flush_pending_index`` brings it up to date later.
    """
    if note.is_signed:
        raise RecordSigned(SIGNED_MESSAGE)
    try:
        cursor = conn.execute(
            "UPDATE session_notes SET started_at = ?, duration_minutes = ?, mode = ?,"
            " template = ?, sections = ?, first_line = ?, mood_before = ?, mood_after = ?,"
            " risk_flag = ?, risk_followup = ?, goal_ids = ?, coping_items_used = ?,"
            " next_actions = ?, flagged_for_supervision = ?, updated_at = ?"
            " WHERE id = ? AND mentee_id = ? AND signed_at IS NULL",
            (*_content_params(note), dt_text(now), note.id, note.mentee_id),
        )
    except sqlcipher3.DatabaseError as exc:
        if is_signed_violation(exc):
            raise RecordSigned(SIGNED_MESSAGE) from exc
        raise
    if cursor.rowcount == 0:
        _explain_no_row(conn, note.id)
        raise RecordNotFound("That note belongs to another mentee.")
    session_headers.put(conn, note.id, note.mentee_id, note.header)
    if defer_index:
        conn.execute(
            "INSERT OR IGNORE INTO search_pending(kind, record_id) VALUES (?, ?)",
            (KIND_NOTE, note.id),
        )
    else:
        _index(conn, note)


def sign(conn: Connection, signed: SessionNote) -> None:
    """Store the signing time and hash of a draft whose stored content is ``signed``'s."""
    if signed.signed_at is None:
        raise ValueError("sign() needs a signed note")
    cursor = conn.execute(
        "UPDATE session_notes SET signed_at = ?, signature = ? WHERE id = ? AND signed_at IS NULL",
        (dt_text(signed.signed_at), signed.signature, signed.id),
    )
    if cursor.rowcount == 0:
        _explain_no_row(conn, signed.id)
    sealing.seal_note(conn, signed.id)


def set_flag(conn: Connection, note_id: str, flagged: bool) -> None:
    """Flag a note (signed or not) to take to supervision: a mark on the record, not content."""
    cursor = conn.execute(
        "UPDATE session_notes SET flagged_for_supervision = ? WHERE id = ?",
        (int(flagged), note_id),
    )
    if cursor.rowcount == 0:
        raise RecordNotFound("That note does not exist.")


def delete_draft(conn: Connection, note_id: str) -> str:
    """Delete a draft and its search entry; returns its mentee id. Signed notes are refused."""
    try:
        row = conn.execute(
            "DELETE FROM session_notes WHERE id = ? AND signed_at IS NULL RETURNING mentee_id",
            (note_id,),
        ).fetchone()
    except sqlcipher3.DatabaseError as exc:
        if is_signed_violation(exc):
            raise RecordSigned(SIGNED_MESSAGE) from exc
        raise
    if row is None:
        _explain_no_row(conn, note_id)
        raise RecordNotFound("That note does not exist.")
    search.remove_record(conn, KIND_NOTE, note_id)
    conn.execute(
        "DELETE FROM search_pending WHERE kind = ? AND record_id = ?", (KIND_NOTE, note_id)
    )
    return str(row[0])


def has_pending_index(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone() is not None


def flush_pending_index(conn: Connection) -> int:
    """Re-index every note marked stale by autosave (call in a transaction); returns the count."""
    rows = conn.execute(
        "DELETE FROM search_pending WHERE kind = ? RETURNING record_id", (KIND_NOTE,)
    ).fetchall()
    for (note_id,) in rows:
        note = get(conn, note_id)
        if note is None:
            search.remove_record(conn, KIND_NOTE, note_id)
        else:
            _index(conn, note)
    return len(rows)


def forget_pending_of_mentee(conn: Connection, mentee_id: str) -> None:
    """Erasure: drop the stale marks of the mentee's notes with the notes."""
    conn.execute(
        "DELETE FROM search_pending WHERE kind = ? AND record_id IN"
        " (SELECT id FROM session_notes WHERE mentee_id = ?)",
        (KIND_NOTE, mentee_id),
    )


def _with_headers(conn: Connection, notes: list[SessionNote]) -> list[SessionNote]:
    """Each note with its stored header (notes written before headers existed have none)."""
    headers = session_headers.for_notes(conn, (n.id for n in notes))
    return [replace(n, header=headers[n.id]) if n.id in headers else n for n in notes]


def get(conn: Connection, note_id: str) -> SessionNote | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM session_notes WHERE id = ?", (note_id,)).fetchone()
    return None if row is None else _with_headers(conn, [_note(row)])[0]


def list_notes(
    conn: Connection,
    mentee_id: str,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[SessionNote]:
    """Whole notes of one mentee started in ``[start, end)``, oldest first (exports)."""
    where, params = _period(start, end)
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM session_notes WHERE mentee_id = ?{where} ORDER BY started_at",
        (mentee_id, *params),
    ).fetchall()
    return _with_headers(conn, [_note(r) for r in rows])


def _period(start: datetime | None, end: datetime | None) -> tuple[str, list[str]]:
    """SQL for ``start <= started_at < end``: instants, so the caller decides whose days count."""
    where = ""
    params: list[str] = []
    if start is not None:
        where += " AND started_at >= ?"
        params.append(dt_text(start))
    if end is not None:
        where += " AND started_at < ?"
        params.append(dt_text(end))
    return where, params


def list_summaries(
    conn: Connection,
    mentee_id: str | None,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int | None = None,
) -> list[NoteSummary]:
    """Newest first, started in ``[start, end)``, without note text; ``None``: every mentee."""
    where, params = _period(start, end)
    clause = "1 = 1"
    args: list[Any] = []
    if mentee_id is not None:
        clause = "mentee_id = ?"
        args.append(mentee_id)
    rows = conn.execute(
        "SELECT id, mentee_id, started_at, duration_minutes, mode, template,"
        " signed_at IS NOT NULL, risk_flag, first_line FROM session_notes"
        f" WHERE {clause}{where} ORDER BY started_at DESC, id LIMIT ?",
        (*args, *params, -1 if limit is None else limit),
    ).fetchall()
    return [
        NoteSummary(
            id=r[0],
            mentee_id=r[1],
            started_at=dt_value(r[2]),
            duration_minutes=r[3],
            mode=SessionMode(r[4]),
            template=NoteTemplate(r[5]),
            signed=bool(r[6]),
            risk_flag=flag(r[7]),
            first_line=r[8],
        )
        for r in rows
    ]


def first_signed_risk_note(conn: Connection) -> SessionNote | None:
    """The earliest signed, risk-flagged note of the first mentee by code (demo fitting)."""
    row = conn.execute(
        "SELECT n.id FROM session_notes n JOIN mentees m ON m.id = n.mentee_id"
        " WHERE n.risk_flag = 1 AND n.signed_at IS NOT NULL ORDER BY m.code, n.started_at"
        " LIMIT 1"
    ).fetchone()
    return None if row is None else get(conn, row[0])


def latest_signed_of_first_mentee(conn: Connection, count: int) -> list[SessionNote]:
    """The first mentee's (by code) ``count`` latest signed notes, oldest first (demo fitting)."""
    rows = conn.execute(
        "SELECT n.id FROM session_notes n WHERE n.signed_at IS NOT NULL AND n.mentee_id ="
        " (SELECT id FROM mentees ORDER BY code LIMIT 1) ORDER BY n.started_at DESC LIMIT ?",
        (count,),
    ).fetchall()
    found = [get(conn, r[0]) for r in reversed(rows)]
    return [n for n in found if n is not None]


def flagged_or_risky(conn: Connection) -> list[SessionNote]:
    """Notes flagged for supervision or carrying a risk flag, newest first."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM session_notes"
        " WHERE flagged_for_supervision = 1 OR risk_flag = 1 ORDER BY started_at DESC"
    ).fetchall()
    return _with_headers(conn, [_note(r) for r in rows])


# --- addenda ------------------------------------------------------------------------------


def _addendum(row: Sequence[Any]) -> Addendum:
    return Addendum(row[0], row[1], row[2], dt_value(row[3]), row[4], row[5], row[6])


def list_addenda(conn: Connection, note_id: str) -> list[Addendum]:
    rows = conn.execute(
        "SELECT id, note_id, seq, written_at, text, prev_hash, hash FROM addenda"
        " WHERE note_id = ? ORDER BY seq",
        (note_id,),
    ).fetchall()
    return [_addendum(r) for r in rows]


def last_addendum(conn: Connection, note_id: str) -> Addendum | None:
    row = conn.execute(
        "SELECT id, note_id, seq, written_at, text, prev_hash, hash FROM addenda"
        " WHERE note_id = ? ORDER BY seq DESC LIMIT 1",
        (note_id,),
    ).fetchone()
    return None if row is None else _addendum(row)


def note_of_addendum(conn: Connection, addendum_id: str) -> str | None:
    """The id of the signed note an addendum extends (a search hit names the addendum)."""
    row = conn.execute("SELECT note_id FROM addenda WHERE id = ?", (addendum_id,)).fetchone()
    return None if row is None else str(row[0])


def insert_addendum(conn: Connection, addendum: Addendum, mentee_id: str) -> None:
    conn.execute(
        "INSERT INTO addenda(id, note_id, mentee_id, seq, written_at, text, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            addendum.id,
            addendum.note_id,
            mentee_id,
            addendum.seq,
            dt_text(addendum.written_at),
            addendum.text,
            addendum.prev_hash,
            addendum.hash,
        ),
    )
    sealing.seal_addendum(conn, addendum.id)
    search.index_record(
        conn,
        kind=KIND_ADDENDUM,
        record_id=addendum.id,
        mentee_id=mentee_id,
        day=addendum.written_at.date(),
        title=f"Addendum {addendum.seq}",
        body=addendum.text,
    )


def signed_notes(conn: Connection) -> Iterator[tuple[str, SessionNote | None]]:
    """Every signed note by id, with its header, or ``None`` where its stored row (or its
    header's) no longer makes a valid note (for ``verify``: an edit made behind the app's back
    may break the domain rules too). The header is part of the signed content."""
    headers = session_headers.of_signed_notes(conn)
    for row in conn.execute(
        f"SELECT {_COLUMNS} FROM session_notes WHERE signed_at IS NOT NULL ORDER BY id"
    ):
        note_id = str(row[0])
        try:
            note = _note(row)
        except (ValidationError, ValueError, TypeError, KeyError):
            yield note_id, None
            continue
        if note_id not in headers:
            yield note_id, note
            continue
        header = headers[note_id]
        yield note_id, None if header is None else replace(note, header=header)


def addenda_by_note(conn: Connection) -> dict[str, list[Addendum]]:
    """Every addendum, grouped by note and in ``seq`` order (for ``verify``)."""
    grouped: dict[str, list[Addendum]] = {}
    for row in conn.execute(
        "SELECT id, note_id, seq, written_at, text, prev_hash, hash FROM addenda"
        " ORDER BY note_id, seq"
    ):
        grouped.setdefault(str(row[1]), []).append(_addendum(row))
    return grouped
