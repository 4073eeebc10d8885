"""Goal repository: the goal row with its ordered steps, and dated progress entries.

Steps are stored as child rows rewritten with the goal (a goal has a handful), so a goal
round-trips as one value. Progress entries are separate records, indexed for search.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import sqlcipher3

from mentorjournal.domain import Goal, GoalOverview, GoalProgress, GoalStatus, GoalStep
from mentorjournal.errors import RecordNotFound
from mentorjournal.storage import search
from mentorjournal.storage.codec import (
    KIND_GOAL,
    KIND_PROGRESS,
    date_text,
    date_value,
    dt_text,
    flag,
    from_json,
    is_foreign_key_violation,
    missing_parent,
    req_date_value,
    to_json,
)
from mentorjournal.storage.connection import Connection

_GOAL_COLUMNS = (
    "id, mentee_id, mentee_words, specific, measurable, achievable, relevant, time_bound,"
    " gas_levels, status, weight"
)
_PROGRESS_COLUMNS = "id, goal_id, on_date, gas_level, percent, note, session_id"


def _goal_body(goal: Goal) -> str:
    parts = [goal.specific, goal.measurable, goal.achievable, goal.relevant]
    parts += [text for _level, text in goal.gas_levels]
    parts += [step.text for step in goal.steps]
    return "\n".join(p for p in parts if p)


def _index_goal(conn: Connection, goal: Goal, day: date) -> None:
    search.index_record(
        conn,
        kind=KIND_GOAL,
        record_id=goal.id,
        mentee_id=goal.mentee_id,
        day=day,
        title=goal.mentee_words,
        body=_goal_body(goal),
    )


def _write_steps(conn: Connection, goal: Goal) -> None:
    conn.execute("DELETE FROM goal_steps WHERE goal_id = ?", (goal.id,))
    conn.executemany(
        "INSERT INTO goal_steps(id, goal_id, position, text, due_on, done)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (s.id, goal.id, i, s.text, date_text(s.due_on), int(s.done))
            for i, s in enumerate(goal.steps)
        ],
    )


def _goal_params(goal: Goal) -> tuple[Any, ...]:
    return (
        goal.mentee_words,
        goal.specific,
        goal.measurable,
        goal.achievable,
        goal.relevant,
        date_text(goal.time_bound),
        to_json([[level, text] for level, text in goal.gas_levels]),
        goal.status.value,
        goal.weight,
    )


def insert(conn: Connection, goal: Goal, now: datetime) -> None:
    try:
        conn.execute(
            f"INSERT INTO goals({_GOAL_COLUMNS}, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (goal.id, goal.mentee_id, *_goal_params(goal), dt_text(now), dt_text(now)),
        )
    except sqlcipher3.IntegrityError as exc:
        if is_foreign_key_violation(exc):
            raise missing_parent("mentee") from exc
        raise
    _write_steps(conn, goal)
    _index_goal(conn, goal, now.date())


def update(conn: Connection, goal: Goal, now: datetime) -> None:
    cursor = conn.execute(
        "UPDATE goals SET mentee_words = ?, specific = ?, measurable = ?, achievable = ?,"
        " relevant = ?, time_bound = ?, gas_levels = ?, status = ?, weight = ?, updated_at = ?"
        " WHERE id = ? AND mentee_id = ?",
        (*_goal_params(goal), dt_text(now), goal.id, goal.mentee_id),
    )
    if cursor.rowcount == 0:
        raise RecordNotFound("That goal does not exist.")
    _write_steps(conn, goal)
    _index_goal(conn, goal, now.date())


def _steps(conn: Connection, goal_id: str) -> tuple[GoalStep, ...]:
    rows = conn.execute(
        "SELECT id, text, due_on, done FROM goal_steps WHERE goal_id = ? ORDER BY position",
        (goal_id,),
    ).fetchall()
    return tuple(GoalStep(r[0], r[1], date_value(r[2]), flag(r[3])) for r in rows)


def _goal(conn: Connection, row: Sequence[Any]) -> Goal:
    return Goal(
        id=row[0],
        mentee_id=row[1],
        mentee_words=row[2],
        specific=row[3],
        measurable=row[4],
        achievable=row[5],
        relevant=row[6],
        time_bound=date_value(row[7]),
        gas_levels=tuple((int(level), text) for level, text in from_json(row[8])),
        status=GoalStatus(row[9]),
        weight=row[10],
        steps=_steps(conn, row[0]),
    )


def get(conn: Connection, goal_id: str) -> Goal | None:
    row = conn.execute(f"SELECT {_GOAL_COLUMNS} FROM goals WHERE id = ?", (goal_id,)).fetchone()
    return None if row is None else _goal(conn, row)


def list_goals(conn: Connection, mentee_id: str) -> list[Goal]:
    rows = conn.execute(
        f"SELECT {_GOAL_COLUMNS} FROM goals WHERE mentee_id = ? ORDER BY created_at, id",
        (mentee_id,),
    ).fetchall()
    return [_goal(conn, r) for r in rows]


def delete(conn: Connection, goal_id: str) -> None:
    progress_ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM goal_progress WHERE goal_id = ?", (goal_id,)
        ).fetchall()
    ]
    if conn.execute("DELETE FROM goals WHERE id = ?", (goal_id,)).rowcount == 0:
        raise RecordNotFound("That goal does not exist.")
    search.remove_record(conn, KIND_GOAL, goal_id)
    for progress_id in progress_ids:
        search.remove_record(conn, KIND_PROGRESS, progress_id)


# --- progress -----------------------------------------------------------------------------


def _progress(row: Sequence[Any]) -> GoalProgress:
    return GoalProgress(row[0], row[1], req_date_value(row[2]), row[3], row[4], row[5], row[6])


def insert_progress(conn: Connection, entry: GoalProgress, mentee_id: str, now: datetime) -> None:
    try:
        conn.execute(
            f"INSERT INTO goal_progress({_PROGRESS_COLUMNS}, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.id,
                entry.goal_id,
                date_text(entry.on),
                entry.gas_level,
                entry.percent,
                entry.note,
                entry.session_id,
                dt_text(now),
            ),
        )
    except sqlcipher3.IntegrityError as exc:
        if is_foreign_key_violation(exc):
            raise missing_parent("goal or session") from exc
        raise
    if entry.note:
        search.index_record(
            conn,
            kind=KIND_PROGRESS,
            record_id=entry.id,
            mentee_id=mentee_id,
            day=entry.on,
            title="Goal progress",
            body=entry.note,
        )


def delete_progress(conn: Connection, progress_id: str) -> None:
    if conn.execute("DELETE FROM goal_progress WHERE id = ?", (progress_id,)).rowcount == 0:
        raise RecordNotFound("That progress entry does not exist.")
    search.remove_record(conn, KIND_PROGRESS, progress_id)


def list_progress(conn: Connection, goal_id: str) -> list[GoalProgress]:
    rows = conn.execute(
        f"SELECT {_PROGRESS_COLUMNS} FROM goal_progress WHERE goal_id = ?"
        " ORDER BY on_date, created_at, id",
        (goal_id,),
    ).fetchall()
    return [_progress(r) for r in rows]


def progress_for_mentee(
    conn: Connection,
    mentee_id: str | None,
    *,
    since: date | None = None,
    until: date | None = None,
) -> list[tuple[GoalProgress, str, str]]:
    """Progress entries, oldest first, each with its goal's words and mentee id.

    ``mentee_id=None`` reads every mentee's in the same one query (the all-mentee timeline).
    """
    clauses = ["1 = 1"]
    params: list[Any] = []
    if mentee_id is not None:
        clauses.append("g.mentee_id = ?")
        params.append(mentee_id)
    if since is not None:
        clauses.append("p.on_date >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("p.on_date <= ?")
        params.append(until.isoformat())
    rows = conn.execute(
        "SELECT p.id, p.goal_id, p.on_date, p.gas_level, p.percent, p.note, p.session_id,"
        " g.mentee_words, g.mentee_id FROM goal_progress p JOIN goals g ON g.id = p.goal_id"
        f" WHERE {' AND '.join(clauses)} ORDER BY p.on_date, p.created_at",
        params,
    ).fetchall()
    return [(_progress(r), r[7], r[8]) for r in rows]


def goal_of_progress(conn: Connection, progress_id: str) -> str | None:
    """The id of the goal that holds a progress entry (a search hit names the entry)."""
    row = conn.execute("SELECT goal_id FROM goal_progress WHERE id = ?", (progress_id,)).fetchone()
    return None if row is None else str(row[0])


def overviews(conn: Connection, mentee_id: str) -> list[GoalOverview]:
    """Each goal with its latest progress entry and the number of entries."""
    result: list[GoalOverview] = []
    for goal in list_goals(conn, mentee_id):
        row = conn.execute(
            f"SELECT {_PROGRESS_COLUMNS}, (SELECT count(*) FROM goal_progress WHERE goal_id = ?)"
            " FROM goal_progress WHERE goal_id = ? ORDER BY on_date DESC, created_at DESC"
            " LIMIT 1",
            (goal.id, goal.id),
        ).fetchone()
        latest = None if row is None else _progress(row)
        result.append(GoalOverview(goal, latest, 0 if row is None else int(row[7])))
    return result
