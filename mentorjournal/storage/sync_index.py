"""The search index after a merge: re-index what other devices changed, forget what they deleted.

The index is per-device (it is not replicated); each record is indexed exactly as its own
repository indexes it, so a note written on one computer is found by the same words on the
other.
"""

from __future__ import annotations

from collections.abc import Iterable

from mentorjournal.storage import goals as goal_repo
from mentorjournal.storage import plans as plan_repo
from mentorjournal.storage import reflections as reflection_repo
from mentorjournal.storage import search
from mentorjournal.storage import sessions as session_repo
from mentorjournal.storage import supervision as supervision_repo
from mentorjournal.storage.codec import (
    KIND_ADDENDUM,
    KIND_GOAL,
    KIND_NOTE,
    KIND_PLAN,
    KIND_PROGRESS,
    KIND_REFLECTION,
    KIND_SUPERVISION,
    date_value,
    dt_value,
)
from mentorjournal.storage.connection import Connection

KIND_OF_TABLE = {
    "session_notes": KIND_NOTE,
    "addenda": KIND_ADDENDUM,
    "goals": KIND_GOAL,
    "goal_progress": KIND_PROGRESS,
    "coping_plan_versions": KIND_PLAN,
    "reflections": KIND_REFLECTION,
    "supervision_sessions": KIND_SUPERVISION,
}
_PARENT = {
    "goal_steps": ("goals", "goal_id"),
    "supervision_items": ("supervision_sessions", "supervision_id"),
    "supervision_actions": ("supervision_sessions", "supervision_id"),
}


def refresh(
    conn: Connection, touched: Iterable[tuple[str, str]], deleted: Iterable[tuple[str, str]]
) -> None:
    """Bring the index up to date for rows a merge wrote or deleted (in its transaction)."""
    for tbl, record_id in deleted:
        kind = KIND_OF_TABLE.get(tbl)
        if kind is not None:
            search.remove_record(conn, kind, record_id)
    owners: set[tuple[str, str]] = set()
    for tbl, record_id in touched:
        if tbl in _PARENT:
            parent, column = _PARENT[tbl]
            row = conn.execute(f"SELECT {column} FROM {tbl} WHERE id = ?", (record_id,)).fetchone()
            if row is not None:
                owners.add((parent, row[0]))
        elif tbl in KIND_OF_TABLE:
            owners.add((tbl, record_id))
    for tbl, record_id in sorted(owners):
        _reindex(conn, tbl, record_id)
    session_repo.flush_pending_index(conn)


def _reindex(conn: Connection, tbl: str, record_id: str) -> None:
    if tbl == "session_notes":
        conn.execute(
            "INSERT OR IGNORE INTO search_pending(kind, record_id) VALUES (?, ?)",
            (KIND_NOTE, record_id),
        )
    elif tbl == "addenda":
        _addendum(conn, record_id)
    elif tbl == "goals":
        goal = goal_repo.get(conn, record_id)
        if goal is not None:
            row = conn.execute("SELECT updated_at FROM goals WHERE id = ?", (record_id,)).fetchone()
            goal_repo._index_goal(conn, goal, dt_value(row[0]).date())
    elif tbl == "goal_progress":
        _progress(conn, record_id)
    elif tbl == "coping_plan_versions":
        _plan(conn, record_id)
    elif tbl == "reflections":
        _reflection(conn, record_id)
    elif tbl == "supervision_sessions":
        session = supervision_repo.get(conn, record_id)
        if session is not None:
            supervision_repo.reindex(conn, session)


def _addendum(conn: Connection, record_id: str) -> None:
    row = conn.execute(
        "SELECT mentee_id, seq, written_at, text FROM addenda WHERE id = ?", (record_id,)
    ).fetchone()
    if row is not None:
        search.index_record(
            conn, kind=KIND_ADDENDUM, record_id=record_id, mentee_id=row[0],
            day=dt_value(row[2]).date(), title=f"Addendum {row[1]}", body=row[3],
        )  # fmt: skip


def _progress(conn: Connection, record_id: str) -> None:
    row = conn.execute(
        "SELECT g.mentee_id, p.on_date, p.note FROM goal_progress p JOIN goals g"
        " ON g.id = p.goal_id WHERE p.id = ?",
        (record_id,),
    ).fetchone()
    if row is not None and row[2]:
        search.index_record(
            conn, kind=KIND_PROGRESS, record_id=record_id, mentee_id=row[0],
            day=date_value(row[1]), title="Goal progress", body=row[2],
        )  # fmt: skip


def _plan(conn: Connection, record_id: str) -> None:
    row = conn.execute(
        "SELECT mentee_id FROM coping_plan_versions WHERE id = ?", (record_id,)
    ).fetchone()
    if row is None:
        return
    plan = plan_repo.current(conn, row[0])
    if plan is None:
        return
    for (old_id,) in conn.execute(
        "SELECT id FROM coping_plan_versions WHERE mentee_id = ? AND id <> ?", (row[0], plan.id)
    ).fetchall():
        search.remove_record(conn, KIND_PLAN, old_id)
    body = "\n".join(f"{s.label}: {item}" for s, items in plan.sections for item in items)
    search.index_record(
        conn, kind=KIND_PLAN, record_id=plan.id, mentee_id=plan.mentee_id,
        day=plan.saved_at.date(), title=f"Coping plan version {plan.version}", body=body,
    )  # fmt: skip


def _reflection(conn: Connection, record_id: str) -> None:
    reflection = reflection_repo.get(conn, record_id)
    if reflection is None:
        return
    body = "\n".join([*(t for _n, t in reflection.sections if t), " ".join(reflection.tags)])
    search.index_record(
        conn, kind=KIND_REFLECTION, record_id=reflection.id, mentee_id=reflection.mentee_id,
        day=reflection.written_at.date(), title=reflection.title, body=body,
    )  # fmt: skip
