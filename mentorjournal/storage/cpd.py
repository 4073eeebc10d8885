"""CPD repository: entries, yearly totals and the mentor's scheme (not mentee data: erasure never
touches it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from mentorjournal.domain import CpdEntry, CpdYearTotal
from mentorjournal.domain.cpd import CpdCategory
from mentorjournal.domain.cpd_scheme import CategoryMinimum, CpdRule, CpdScheme, SchemeKind
from mentorjournal.errors import RecordNotFound
from mentorjournal.storage.codec import date_text, dt_text, from_json, req_date_value, to_json
from mentorjournal.storage.connection import Connection

_COLUMNS = "id, activity, on_date, hours, kind, learning, evidence, category"


def _entry(row: Sequence[Any]) -> CpdEntry:
    category = None if row[7] is None else CpdCategory(row[7])
    return CpdEntry(
        row[0], row[1], req_date_value(row[2]), float(row[3]), row[4], row[5], row[6], category
    )


def save(conn: Connection, entry: CpdEntry, now: datetime) -> None:
    conn.execute(
        f"INSERT INTO cpd_entries({_COLUMNS}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET activity = excluded.activity,"
        " on_date = excluded.on_date, hours = excluded.hours, kind = excluded.kind,"
        " learning = excluded.learning, evidence = excluded.evidence,"
        " category = excluded.category",
        (
            entry.id,
            entry.activity,
            date_text(entry.on),
            float(entry.hours),
            entry.kind,
            entry.learning,
            entry.evidence,
            None if entry.category is None else entry.category.value,
            dt_text(now),
        ),
    )


def get(conn: Connection, entry_id: str) -> CpdEntry | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM cpd_entries WHERE id = ?", (entry_id,)).fetchone()
    return None if row is None else _entry(row)


def list_entries(
    conn: Connection,
    *,
    year: int | None = None,
    first: date | None = None,
    end: date | None = None,
) -> list[CpdEntry]:
    """Newest first; ``year`` or the dates ``first`` (inclusive) to ``end`` (exclusive) filter."""
    clauses: list[str] = []
    params: list[str] = []
    if year is not None:
        clauses.append("substr(on_date, 1, 4) = ?")
        params.append(f"{year:04d}")
    if first is not None:
        clauses.append("on_date >= ?")
        params.append(first.isoformat())
    if end is not None:
        clauses.append("on_date < ?")
        params.append(end.isoformat())
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM cpd_entries{where} ORDER BY on_date DESC, id", params
    ).fetchall()
    return [_entry(r) for r in rows]


def delete(conn: Connection, entry_id: str) -> None:
    if conn.execute("DELETE FROM cpd_entries WHERE id = ?", (entry_id,)).rowcount == 0:
        raise RecordNotFound("That CPD entry does not exist.")


def yearly_totals(conn: Connection) -> list[CpdYearTotal]:
    rows = conn.execute(
        "SELECT CAST(substr(on_date, 1, 4) AS INTEGER), sum(hours), count(*) FROM cpd_entries"
        " GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return [CpdYearTotal(int(r[0]), round(float(r[1]), 2), int(r[2])) for r in rows]


# --- the mentor's scheme (one row) ---------------------------------------------------------


def _rule_json(rule: CpdRule) -> str:
    return to_json(
        {
            "name": rule.name,
            "cycle_months": rule.cycle_months,
            "total_hours": rule.total_hours,
            "min_activities": rule.min_activities,
            "minimums": [
                {
                    "label": m.label,
                    "categories": sorted(c.value for c in m.categories),
                    "hours": m.hours,
                }
                for m in rule.minimums
            ],
        }
    )


def _rule_value(text: str) -> CpdRule:
    data = from_json(text)
    return CpdRule(
        str(data["name"]),
        int(data["cycle_months"]),
        float(data["total_hours"]),
        tuple(
            CategoryMinimum(
                str(m["label"]),
                frozenset(CpdCategory(c) for c in m["categories"]),
                float(m["hours"]),
            )
            for m in data["minimums"]
        ),
        int(data["min_activities"]),
    )


def get_scheme(conn: Connection) -> CpdScheme | None:
    """The mentor's scheme, or None when they have not chosen one yet."""
    row = conn.execute("SELECT kind, cycle_start, custom_rule FROM cpd_scheme").fetchone()
    if row is None:
        return None
    custom = None if row[2] is None else _rule_value(row[2])
    return CpdScheme(SchemeKind(row[0]), req_date_value(row[1]), custom)


def set_scheme(conn: Connection, scheme: CpdScheme, now: datetime) -> None:
    conn.execute(
        "INSERT INTO cpd_scheme(id, kind, cycle_start, custom_rule, updated_at)"
        " VALUES (1, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind,"
        " cycle_start = excluded.cycle_start, custom_rule = excluded.custom_rule,"
        " updated_at = excluded.updated_at",
        (
            scheme.kind.value,
            date_text(scheme.cycle_start),
            None if scheme.custom is None else _rule_json(scheme.custom),
            dt_text(now),
        ),
    )
