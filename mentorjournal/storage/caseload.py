"""Caseload queries: every active mentee's overview in a handful of set-based statements.

Each per-mentee figure is a correlated subquery that an index answers (latest session from
``session_notes_by_mentee``, drafts and risk notes from partial indexes), so the cost grows with
the number of mentees, not of sessions, and no note's text is decrypted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mentorjournal.domain.appointments import Appointment
from mentorjournal.domain.caseload import CaseloadCutoffs
from mentorjournal.storage import appointments as appointment_repo
from mentorjournal.storage.codec import dt_text, dt_value
from mentorjournal.storage.connection import Connection

_OVERVIEW = """
SELECT m.id, m.code, m.status,
 (SELECT max(n.started_at) FROM session_notes n
   WHERE n.mentee_id = m.id AND n.started_at <= :now),
 (SELECT a.id FROM appointments a
   WHERE a.mentee_id = m.id AND a.status = 'planned' AND a.starts_at >= :now
   ORDER BY a.starts_at LIMIT 1),
 (SELECT count(*) FROM risk_followups r WHERE r.mentee_id = m.id AND r.closed_at IS NULL)
 + (SELECT count(*) FROM session_notes n
     WHERE n.mentee_id = m.id AND n.risk_flag = 1 AND n.started_at >= :risk_since
       AND NOT EXISTS (SELECT 1 FROM supervision_items s WHERE s.source_id = n.id)),
 (SELECT count(*) FROM session_notes n
   WHERE n.mentee_id = m.id AND n.signed_at IS NULL AND n.started_at < :draft_before),
 (SELECT count(*) FROM goals g
   WHERE g.mentee_id = m.id AND g.status = 'active'
     AND ((g.time_bound IS NOT NULL AND g.time_bound <= :goal_by)
          OR coalesce((SELECT max(p.on_date) FROM goal_progress p WHERE p.goal_id = g.id),
                      substr(g.created_at, 1, 10)) < :rated_since)),
 coalesce((SELECT max(v.saved_at) FROM coping_plan_versions v WHERE v.mentee_id = m.id)
          < :plan_since, 0),
 (SELECT count(*) FROM consents c
   WHERE c.mentee_id = m.id AND c.withdrawn_on IS NULL AND c.review_on IS NOT NULL
     AND c.review_on <= :consent_by)
FROM mentees m
WHERE m.status = 'active' AND m.archived = 0
ORDER BY m.code
"""

_LATEST_GAS = """
SELECT g.mentee_id, g.weight,
 (SELECT p.gas_level FROM goal_progress p
   WHERE p.goal_id = g.id AND p.gas_level IS NOT NULL
   ORDER BY p.on_date DESC, p.created_at DESC, p.id DESC LIMIT 1) AS level
FROM goals g JOIN mentees m ON m.id = g.mentee_id
WHERE m.status = 'active' AND m.archived = 0
"""


@dataclass(frozen=True)
class MenteeFigures:
    """One active mentee's raw caseload figures, as the overview query returns them."""

    mentee_id: str
    code: str
    status: str
    last_session_at: datetime | None
    next_appointment: Appointment | None
    open_risk_followups: int
    unsigned_drafts: int
    goals_review_due: int
    plan_review_due: bool
    consent_reviews_due: int


def overview(conn: Connection, cut: CaseloadCutoffs) -> list[MenteeFigures]:
    """Every active, unarchived mentee's figures, by code."""
    params = {
        "now": dt_text(cut.now),
        "risk_since": dt_text(cut.risk_note_since),
        "draft_before": dt_text(cut.draft_before),
        "goal_by": cut.goal_target_by.isoformat(),
        "rated_since": cut.goal_rated_since.isoformat(),
        "plan_since": dt_text(cut.plan_saved_since),
        "consent_by": cut.consent_review_by.isoformat(),
    }
    rows = conn.execute(_OVERVIEW, params).fetchall()
    wanted = [r[4] for r in rows if r[4] is not None]
    appointments = {a.id: a for a in _appointments_by_id(conn, wanted)}
    return [
        MenteeFigures(
            mentee_id=r[0],
            code=r[1],
            status=r[2],
            last_session_at=None if r[3] is None else dt_value(r[3]),
            next_appointment=None if r[4] is None else appointments[r[4]],
            open_risk_followups=int(r[5]),
            unsigned_drafts=int(r[6]),
            goals_review_due=int(r[7]),
            plan_review_due=bool(r[8]),
            consent_reviews_due=int(r[9]),
        )
        for r in rows
    ]


def _appointments_by_id(conn: Connection, ids: list[str]) -> list[Appointment]:
    found: list[Appointment] = []
    for start in range(0, len(ids), 500):
        found += appointment_repo.get_many(conn, ids[start : start + 500])
    return found


def latest_gas_ratings(conn: Connection) -> dict[str, list[tuple[int, float]]]:
    """Per active mentee, each goal's latest GAS level with the goal's weight."""
    ratings: dict[str, list[tuple[int, float]]] = {}
    for mentee_id, weight, level in conn.execute(_LATEST_GAS).fetchall():
        if level is not None:
            ratings.setdefault(mentee_id, []).append((int(level), float(weight)))
    return ratings


def session_times(conn: Connection, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """Start and length of every session in ``[start, end)`` (the self-review's weekly load)."""
    rows = conn.execute(
        "SELECT started_at, duration_minutes FROM session_notes"
        " WHERE started_at >= ? AND started_at < ?",
        (dt_text(start), dt_text(end)),
    ).fetchall()
    return [(dt_value(r[0]), int(r[1])) for r in rows]


def self_care_checkins(
    conn: Connection, start: datetime
) -> list[tuple[datetime, int | None, int | None, int | None]]:
    """The mentor's energy, stress and boundaries check-ins since ``start``, oldest first."""
    rows = conn.execute(
        "SELECT written_at, energy, stress, boundaries FROM reflections"
        " WHERE written_at >= ? AND (energy IS NOT NULL OR stress IS NOT NULL"
        " OR boundaries IS NOT NULL) ORDER BY written_at",
        (dt_text(start),),
    ).fetchall()
    return [(dt_value(r[0]), r[1], r[2], r[3]) for r in rows]


def active_mentee_count(conn: Connection) -> int:
    row = conn.execute(
        "SELECT count(*) FROM mentees WHERE status = 'active' AND archived = 0"
    ).fetchone()
    return int(row[0])


def sessions_for_goal(
    conn: Connection, mentee_id: str, goal_id: str
) -> list[tuple[str, datetime, str, bool]]:
    """The mentee's sessions that worked on ``goal_id``: id, start, first line, signed; oldest first.

    ``goal_ids`` is a JSON list of ids; a quoted id is unique text inside it, so ``instr`` finds
    it without parsing every list.
    """
    rows = conn.execute(
        "SELECT id, started_at, first_line, signed_at IS NOT NULL FROM session_notes"
        " WHERE mentee_id = ? AND instr(goal_ids, ?) > 0 ORDER BY started_at",
        (mentee_id, f'"{goal_id}"'),
    ).fetchall()
    return [(r[0], dt_value(r[1]), r[2], bool(r[3])) for r in rows]


def gas_ratings(conn: Connection, mentee_id: str) -> list[tuple[str, float, str, int]]:
    """Every GAS rating of the mentee's goals: goal id, weight, date, level; oldest first."""
    rows = conn.execute(
        "SELECT g.id, g.weight, p.on_date, p.gas_level FROM goal_progress p"
        " JOIN goals g ON g.id = p.goal_id"
        " WHERE g.mentee_id = ? AND p.gas_level IS NOT NULL"
        " ORDER BY p.on_date, p.created_at, p.id",
        (mentee_id,),
    ).fetchall()
    return [(r[0], float(r[1]), r[2], int(r[3])) for r in rows]
