"""Measures repository: questionnaire results, the mentee's own scales, and risk follow-ups.

A result keeps the answers as given (JSON) and its total, so charts and the caseload read the
total without decoding answers. Risk follow-ups stay open until closed with an outcome.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import sqlcipher3

from mentorjournal.domain.measures import (
    Instrument,
    MeasurePoint,
    MeasureResult,
    RiskFollowUp,
    RiskSource,
    ScaleRating,
    TrackedScale,
)
from mentorjournal.errors import RecordNotFound
from mentorjournal.storage.codec import (
    date_text,
    dt_text,
    dt_value,
    from_json,
    is_foreign_key_violation,
    missing_parent,
    opt_dt_value,
    req_date_value,
    to_json,
)
from mentorjournal.storage.connection import Connection

_MEASURE_COLUMNS = "id, mentee_id, instrument, taken_on, answers, session_id"
_FOLLOWUP_COLUMNS = "id, mentee_id, opened_at, reason, source_kind, source_id, closed_at, outcome"


def _fk(what: str, exc: sqlcipher3.IntegrityError) -> Exception:
    return missing_parent(what) if is_foreign_key_violation(exc) else exc


# --- questionnaire results -----------------------------------------------------------------


def _measure(row: Sequence[Any]) -> MeasureResult:
    return MeasureResult(
        id=row[0],
        mentee_id=row[1],
        instrument=Instrument(row[2]),
        taken_on=req_date_value(row[3]),
        answers=tuple(int(a) for a in from_json(row[4])),
        session_id=row[5],
    )


def insert_measures(conn: Connection, results: Iterable[MeasureResult], now: datetime) -> None:
    stamp = dt_text(now)
    try:
        conn.executemany(
            f"INSERT INTO measures({_MEASURE_COLUMNS}, score, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    r.id,
                    r.mentee_id,
                    r.instrument.value,
                    date_text(r.taken_on),
                    to_json(list(r.answers)),
                    r.session_id,
                    r.score,
                    stamp,
                )
                for r in results
            ],
        )
    except sqlcipher3.IntegrityError as exc:
        raise _fk("mentee or session", exc) from exc


def get_measure(conn: Connection, measure_id: str) -> MeasureResult | None:
    row = conn.execute(
        f"SELECT {_MEASURE_COLUMNS} FROM measures WHERE id = ?", (measure_id,)
    ).fetchone()
    return None if row is None else _measure(row)


def list_measures(
    conn: Connection, mentee_id: str, instrument: Instrument | None = None
) -> list[MeasureResult]:
    """A mentee's results, oldest first (one instrument, or all)."""
    where, params = "mentee_id = ?", [mentee_id]
    if instrument is not None:
        where += " AND instrument = ?"
        params.append(instrument.value)
    rows = conn.execute(
        f"SELECT {_MEASURE_COLUMNS} FROM measures WHERE {where} ORDER BY taken_on, created_at, id",
        params,
    ).fetchall()
    return [_measure(r) for r in rows]


def delete_measure(conn: Connection, measure_id: str) -> None:
    if conn.execute("DELETE FROM measures WHERE id = ?", (measure_id,)).rowcount == 0:
        raise RecordNotFound("That measure does not exist.")


def latest_points(conn: Connection, mentee_ids: Sequence[str] | None = None) -> list[MeasurePoint]:
    """The two latest totals per mentee and instrument (for the latest score and its trend).

    One pass over the ``measures_by_mentee`` index with a window function, not one query per
    mentee. Oldest first within each mentee and instrument.
    """
    rows = conn.execute(
        "SELECT mentee_id, instrument, taken_on, score FROM ("
        " SELECT mentee_id, instrument, taken_on, score, created_at, id, row_number() OVER ("
        "  PARTITION BY mentee_id, instrument ORDER BY taken_on DESC, created_at DESC, id DESC"
        " ) AS n FROM measures) WHERE n <= 2"
        " ORDER BY mentee_id, instrument, taken_on, created_at, id"
    ).fetchall()
    wanted = None if mentee_ids is None else set(mentee_ids)
    return [
        MeasurePoint(r[0], Instrument(r[1]), req_date_value(r[2]), int(r[3]))
        for r in rows
        if wanted is None or r[0] in wanted
    ]


# --- the mentee's own scales ---------------------------------------------------------------


def save_scale(conn: Connection, scale: TrackedScale, now: datetime) -> None:
    try:
        conn.execute(
            "INSERT INTO tracked_scales(id, mentee_id, name, low_label, high_label, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
            " low_label = excluded.low_label, high_label = excluded.high_label",
            (scale.id, scale.mentee_id, scale.name, scale.low_label, scale.high_label,
             dt_text(now)),
        )  # fmt: skip
    except sqlcipher3.IntegrityError as exc:
        raise _fk("mentee", exc) from exc


def list_scales(conn: Connection, mentee_id: str) -> list[TrackedScale]:
    rows = conn.execute(
        "SELECT id, mentee_id, name, low_label, high_label FROM tracked_scales"
        " WHERE mentee_id = ? ORDER BY created_at, id",
        (mentee_id,),
    ).fetchall()
    return [TrackedScale(*r) for r in rows]


def get_scale(conn: Connection, scale_id: str) -> TrackedScale | None:
    row = conn.execute(
        "SELECT id, mentee_id, name, low_label, high_label FROM tracked_scales WHERE id = ?",
        (scale_id,),
    ).fetchone()
    return None if row is None else TrackedScale(*row)


def delete_scale(conn: Connection, scale_id: str) -> None:
    if conn.execute("DELETE FROM tracked_scales WHERE id = ?", (scale_id,)).rowcount == 0:
        raise RecordNotFound("That scale does not exist.")


def insert_ratings(
    conn: Connection, ratings: Iterable[tuple[ScaleRating, str]], now: datetime
) -> None:
    """Ratings with their mentee's id (kept beside the rating so erasure cascades directly)."""
    stamp = dt_text(now)
    try:
        conn.executemany(
            "INSERT INTO scale_ratings(id, scale_id, mentee_id, rated_on, value, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(r.id, r.scale_id, mentee_id, date_text(r.rated_on), r.value, stamp)
             for r, mentee_id in ratings],
        )  # fmt: skip
    except sqlcipher3.IntegrityError as exc:
        raise _fk("scale", exc) from exc


def list_ratings(conn: Connection, scale_id: str) -> list[ScaleRating]:
    rows = conn.execute(
        "SELECT id, scale_id, rated_on, value FROM scale_ratings WHERE scale_id = ?"
        " ORDER BY rated_on, created_at, id",
        (scale_id,),
    ).fetchall()
    return [ScaleRating(r[0], r[1], req_date_value(r[2]), int(r[3])) for r in rows]


# --- risk follow-ups -----------------------------------------------------------------------


def _followup(row: Sequence[Any]) -> RiskFollowUp:
    return RiskFollowUp(
        id=row[0],
        mentee_id=row[1],
        opened_at=dt_value(row[2]),
        reason=row[3],
        source_kind=RiskSource(row[4]),
        source_id=row[5],
        closed_at=opt_dt_value(row[6]),
        outcome=row[7],
    )


def insert_followups(conn: Connection, followups: Iterable[RiskFollowUp]) -> None:
    try:
        conn.executemany(
            f"INSERT INTO risk_followups({_FOLLOWUP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    f.id,
                    f.mentee_id,
                    dt_text(f.opened_at),
                    f.reason,
                    f.source_kind.value,
                    f.source_id,
                    None if f.closed_at is None else dt_text(f.closed_at),
                    f.outcome,
                )
                for f in followups
            ],
        )
    except sqlcipher3.IntegrityError as exc:
        raise _fk("mentee", exc) from exc


def close_followup(conn: Connection, followup_id: str, closed_at: datetime, outcome: str) -> None:
    cursor = conn.execute(
        "UPDATE risk_followups SET closed_at = ?, outcome = ? WHERE id = ? AND closed_at IS NULL",
        (dt_text(closed_at), outcome, followup_id),
    )
    if cursor.rowcount == 0:
        raise RecordNotFound("That follow-up does not exist or is already closed.")


def get_followup(conn: Connection, followup_id: str) -> RiskFollowUp | None:
    row = conn.execute(
        f"SELECT {_FOLLOWUP_COLUMNS} FROM risk_followups WHERE id = ?", (followup_id,)
    ).fetchone()
    return None if row is None else _followup(row)


def list_followups(
    conn: Connection, *, mentee_id: str | None = None, open_only: bool = False
) -> list[RiskFollowUp]:
    """Newest first."""
    where: list[str] = []
    params: list[Any] = []
    if mentee_id is not None:
        where.append("mentee_id = ?")
        params.append(mentee_id)
    if open_only:
        where.append("closed_at IS NULL")
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(
        f"SELECT {_FOLLOWUP_COLUMNS} FROM risk_followups{clause} ORDER BY opened_at DESC, id",
        params,
    ).fetchall()
    return [_followup(r) for r in rows]


def followups_opened_closed(conn: Connection, since: date) -> tuple[int, int]:
    """Follow-ups opened, and closed, on or after ``since`` (the self-review's counts)."""
    day = since.isoformat()
    row = conn.execute(
        "SELECT (SELECT count(*) FROM risk_followups WHERE opened_at >= ?),"
        " (SELECT count(*) FROM risk_followups WHERE closed_at >= ?)",
        (day, day),
    ).fetchone()
    return int(row[0]), int(row[1])
