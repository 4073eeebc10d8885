"""Coping-plan repository: append-only numbered versions per mentee (a trigger forbids edits)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mentorjournal.domain import CopingPlanVersion, PlanSection
from mentorjournal.storage import search
from mentorjournal.storage.codec import (
    KIND_PLAN,
    dt_text,
    dt_value,
    from_json,
    to_json,
)
from mentorjournal.storage.connection import Connection

_COLUMNS = "id, mentee_id, version, saved_at, sections, note"


def _version(row: Sequence[Any]) -> CopingPlanVersion:
    sections = tuple((PlanSection(name), tuple(items)) for name, items in from_json(row[4]))
    return CopingPlanVersion(row[0], row[1], row[2], dt_value(row[3]), sections, row[5])


def next_version_number(conn: Connection, mentee_id: str) -> int:
    row = conn.execute(
        "SELECT coalesce(max(version), 0) FROM coping_plan_versions WHERE mentee_id = ?",
        (mentee_id,),
    ).fetchone()
    return int(row[0]) + 1


def insert(conn: Connection, plan: CopingPlanVersion) -> None:
    """Store a version and make the search index hold the current plan's text only."""
    conn.execute(
        f"INSERT INTO coping_plan_versions({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
        (
            plan.id,
            plan.mentee_id,
            plan.version,
            dt_text(plan.saved_at),
            to_json([[s.value, list(items)] for s, items in plan.sections]),
            plan.note,
        ),
    )
    previous = conn.execute(
        "SELECT id FROM coping_plan_versions WHERE mentee_id = ? AND version < ?",
        (plan.mentee_id, plan.version),
    ).fetchall()
    for (old_id,) in previous:
        search.remove_record(conn, KIND_PLAN, old_id)
    body = "\n".join(
        f"{section.label}: {item}" for section, items in plan.sections for item in items
    )
    search.index_record(
        conn,
        kind=KIND_PLAN,
        record_id=plan.id,
        mentee_id=plan.mentee_id,
        day=plan.saved_at.date(),
        title=f"Coping plan version {plan.version}",
        body=body,
    )


def list_versions(conn: Connection, mentee_id: str) -> list[CopingPlanVersion]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM coping_plan_versions WHERE mentee_id = ? ORDER BY version",
        (mentee_id,),
    ).fetchall()
    return [_version(r) for r in rows]


def get_version(conn: Connection, mentee_id: str, version: int) -> CopingPlanVersion | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM coping_plan_versions WHERE mentee_id = ? AND version = ?",
        (mentee_id, version),
    ).fetchone()
    return None if row is None else _version(row)


def current(conn: Connection, mentee_id: str) -> CopingPlanVersion | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM coping_plan_versions WHERE mentee_id = ?"
        " ORDER BY version DESC LIMIT 1",
        (mentee_id,),
    ).fetchone()
    return None if row is None else _version(row)
