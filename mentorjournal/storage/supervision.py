"""Supervision repository: sessions with their ordered agenda items and agreed actions.

Items and actions are child rows rewritten with the session. An item drawn from a mentee's
record carries that mentee's id so erasing the mentee removes the item too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from mentorjournal.domain import (
    AgendaItem,
    SourceKind,
    SupervisionAction,
    SupervisionFocus,
    SupervisionFunction,
    SupervisionSession,
)
from mentorjournal.errors import RecordNotFound
from mentorjournal.storage import search
from mentorjournal.storage.codec import (
    KIND_SUPERVISION,
    date_text,
    date_value,
    dt_text,
    flag,
    from_json,
    req_date_value,
    to_json,
)
from mentorjournal.storage.connection import Connection

_SESSION_COLUMNS = "id, held_on, supervisor, discussion, minutes, functions"


def source_mentee(conn: Connection, item: AgendaItem) -> str | None:
    """The mentee an item's source record belongs to, if any."""
    if item.source_id is None:
        return None
    table = {SourceKind.NOTE: "session_notes", SourceKind.REFLECTION: "reflections"}.get(
        item.source_kind
    )
    if table is None:
        return None
    row = conn.execute(f"SELECT mentee_id FROM {table} WHERE id = ?", (item.source_id,)).fetchone()
    return None if row is None else row[0]


def _write_children(conn: Connection, session: SupervisionSession) -> None:
    conn.execute("DELETE FROM supervision_items WHERE supervision_id = ?", (session.id,))
    conn.execute("DELETE FROM supervision_actions WHERE supervision_id = ?", (session.id,))
    conn.executemany(
        "INSERT INTO supervision_items(id, supervision_id, position, question, function, focus,"
        " source_kind, source_id, mentee_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                item.id,
                session.id,
                i,
                item.question,
                item.function.value,
                None if item.focus is None else item.focus.value,
                item.source_kind.value,
                item.source_id,
                source_mentee(conn, item),
            )
            for i, item in enumerate(session.agenda)
        ],
    )
    conn.executemany(
        "INSERT INTO supervision_actions(id, supervision_id, position, text, owner, due_on, done)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (a.id, session.id, i, a.text, a.owner, date_text(a.due_on), int(a.done))
            for i, a in enumerate(session.actions)
        ],
    )


def reindex(conn: Connection, session: SupervisionSession) -> None:
    body = "\n".join(
        [
            session.discussion,
            *(item.question for item in session.agenda),
            *(action.text for action in session.actions),
        ]
    )
    search.index_record(
        conn,
        kind=KIND_SUPERVISION,
        record_id=session.id,
        mentee_id=None,
        day=session.held_on,
        title=f"Supervision with {session.supervisor}",
        body=body,
    )


def save(conn: Connection, session: SupervisionSession, now: datetime) -> None:
    """Insert or replace by id, children and search entry included."""
    conn.execute(
        "INSERT INTO supervision_sessions(id, held_on, supervisor, discussion, minutes,"
        " functions, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET held_on = excluded.held_on,"
        " supervisor = excluded.supervisor, discussion = excluded.discussion,"
        " minutes = excluded.minutes, functions = excluded.functions,"
        " updated_at = excluded.updated_at",
        (
            session.id,
            date_text(session.held_on),
            session.supervisor,
            session.discussion,
            session.minutes,
            to_json(sorted(f.value for f in session.functions)),
            dt_text(now),
            dt_text(now),
        ),
    )
    _write_children(conn, session)
    reindex(conn, session)


def _items(conn: Connection, supervision_id: str) -> tuple[AgendaItem, ...]:
    rows = conn.execute(
        "SELECT id, question, function, focus, source_kind, source_id FROM supervision_items"
        " WHERE supervision_id = ? ORDER BY position",
        (supervision_id,),
    ).fetchall()
    return tuple(
        AgendaItem(
            r[0],
            r[1],
            SupervisionFunction(r[2]),
            None if r[3] is None else SupervisionFocus(r[3]),
            SourceKind(r[4]),
            r[5],
        )
        for r in rows
    )


def _actions(conn: Connection, supervision_id: str) -> tuple[SupervisionAction, ...]:
    rows = conn.execute(
        "SELECT id, text, owner, due_on, done FROM supervision_actions"
        " WHERE supervision_id = ? ORDER BY position",
        (supervision_id,),
    ).fetchall()
    return tuple(SupervisionAction(r[0], r[1], r[2], date_value(r[3]), flag(r[4])) for r in rows)


def _session(conn: Connection, row: Sequence[Any]) -> SupervisionSession:
    return SupervisionSession(
        id=row[0],
        held_on=req_date_value(row[1]),
        supervisor=row[2],
        agenda=_items(conn, row[0]),
        discussion=row[3],
        actions=_actions(conn, row[0]),
        minutes=row[4],
        functions=frozenset(SupervisionFunction(f) for f in from_json(row[5])),
    )


def get(conn: Connection, supervision_id: str) -> SupervisionSession | None:
    row = conn.execute(
        f"SELECT {_SESSION_COLUMNS} FROM supervision_sessions WHERE id = ?",
        (supervision_id,),
    ).fetchone()
    return None if row is None else _session(conn, row)


def list_sessions(conn: Connection) -> list[SupervisionSession]:
    rows = conn.execute(
        f"SELECT {_SESSION_COLUMNS} FROM supervision_sessions ORDER BY held_on DESC, id"
    ).fetchall()
    return [_session(conn, r) for r in rows]


def delete(conn: Connection, supervision_id: str) -> None:
    if (
        conn.execute("DELETE FROM supervision_sessions WHERE id = ?", (supervision_id,)).rowcount
        == 0
    ):
        raise RecordNotFound("That supervision session does not exist.")
    search.remove_record(conn, KIND_SUPERVISION, supervision_id)


def set_action_done(conn: Connection, action_id: str, done: bool) -> str:
    """Tick an agreed action done (or not); returns its meeting's id. Allowed after sign-off."""
    row = conn.execute(
        "SELECT supervision_id FROM supervision_actions WHERE id = ?", (action_id,)
    ).fetchone()
    if row is None:
        raise RecordNotFound("That action does not exist.")
    conn.execute("UPDATE supervision_actions SET done = ? WHERE id = ?", (int(done), action_id))
    return str(row[0])


def sources_on_agendas(conn: Connection) -> set[str]:
    """Ids of records already taken to some supervision session."""
    rows = conn.execute(
        "SELECT DISTINCT source_id FROM supervision_items WHERE source_id IS NOT NULL"
    ).fetchall()
    return {r[0] for r in rows}
