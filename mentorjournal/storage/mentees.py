"""Mentee repository: the mentee row and the people, places, consents and resources around them.

Erasure lives here too: one transaction marks the mentee as being erased (which opens the
sign-and-lock triggers for that mentee only), forgets their search entries, deletes the
mentee row (every table of theirs cascades) and clears the mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlcipher3

from mentorjournal.domain import (
    Consent,
    ConsentMethod,
    Contact,
    ContactRole,
    Mentee,
    MenteeListing,
    MenteeStatus,
    Place,
    PlaceKind,
    Resource,
)
from mentorjournal.errors import RecordNotFound, ValidationError
from mentorjournal.storage import same_code, search
from mentorjournal.storage.codec import (
    date_text,
    date_value,
    dt_text,
    flag,
    is_foreign_key_violation,
    is_unique_violation,
    missing_parent,
    req_date_value,
)
from mentorjournal.storage.connection import Connection

_MENTEE_COLUMNS = (
    "id, code, legal_name, first_name, last_name, preferred_name, date_of_birth, phone, email,"
    " notes, status, started_on, status_since, closed_on, archived, retention_until"
)


def _mentee_params(m: Mentee) -> tuple[Any, ...]:
    return (
        m.id,
        m.code,
        m.legal_name,
        m.first_name,
        m.last_name,
        m.preferred_name,
        date_text(m.date_of_birth),
        m.phone,
        m.email,
        m.notes,
        m.status.value,
        date_text(m.started_on),
        date_text(m.status_since),
        date_text(m.closed_on),
        int(m.archived),
        date_text(m.retention_until),
    )


def _mentee(row: Sequence[Any]) -> Mentee:
    return Mentee(
        id=row[0],
        code=row[1],
        legal_name=row[2],
        first_name=row[3],
        last_name=row[4],
        preferred_name=row[5],
        date_of_birth=date_value(row[6]),
        phone=row[7],
        email=row[8],
        notes=row[9],
        status=MenteeStatus(row[10]),
        started_on=date_value(row[11]),
        status_since=date_value(row[12]),
        closed_on=date_value(row[13]),
        archived=flag(row[14]),
        retention_until=date_value(row[15]),
    )


def _duplicate_code(code: str) -> ValidationError:
    return ValidationError(f"A mentee with the code {code} already exists.")


def insert(conn: Connection, mentee: Mentee, now: datetime) -> None:
    try:
        conn.execute(
            f"INSERT INTO mentees({_MENTEE_COLUMNS}, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*_mentee_params(mentee), dt_text(now), dt_text(now)),
        )
    except sqlcipher3.IntegrityError as exc:
        if is_unique_violation(exc):
            raise _duplicate_code(mentee.code) from exc
        raise


def update(conn: Connection, mentee: Mentee, now: datetime) -> None:
    params = _mentee_params(mentee)
    try:
        cursor = conn.execute(
            "UPDATE mentees SET code = ?, legal_name = ?, first_name = ?, last_name = ?,"
            " preferred_name = ?, date_of_birth = ?, phone = ?, email = ?, notes = ?, status = ?,"
            " started_on = ?, status_since = ?, closed_on = ?, archived = ?, retention_until = ?,"
            " updated_at = ? WHERE id = ?",
            (*params[1:], dt_text(now), mentee.id),
        )
    except sqlcipher3.IntegrityError as exc:
        if is_unique_violation(exc):
            raise _duplicate_code(mentee.code) from exc
        raise
    if cursor.rowcount == 0:
        raise RecordNotFound("That mentee does not exist.")


def get(conn: Connection, mentee_id: str) -> Mentee | None:
    row = conn.execute(
        f"SELECT {_MENTEE_COLUMNS} FROM mentees WHERE id = ?", (mentee_id,)
    ).fetchone()
    return None if row is None else _mentee(row)


def get_by_code(conn: Connection, code: str) -> Mentee | None:
    row = conn.execute(f"SELECT {_MENTEE_COLUMNS} FROM mentees WHERE code = ?", (code,)).fetchone()
    return None if row is None else _mentee(row)


def list_all(
    conn: Connection, *, status: MenteeStatus | None = None, archived: bool | None = None
) -> list[Mentee]:
    """Mentees ordered by code; optionally only one status and/or (not) archived."""
    clauses: list[str] = []
    params: list[Any] = []
    if status is not None:
        clauses.append("status = ?")
        params.append(status.value)
    if archived is not None:
        clauses.append("archived = ?")
        params.append(int(archived))
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(
        f"SELECT {_MENTEE_COLUMNS} FROM mentees{where} ORDER BY code", params
    ).fetchall()
    return [_mentee(r) for r in rows]


def list_listings(conn: Connection) -> list[MenteeListing]:
    """Every mentee's code, status and archive flag, ordered by code (names are not read)."""
    rows = conn.execute("SELECT id, code, status, archived FROM mentees ORDER BY code")
    return [MenteeListing(r[0], r[1], MenteeStatus(r[2]), bool(r[3])) for r in rows.fetchall()]


def record_counts(conn: Connection, mentee_id: str) -> dict[str, int]:
    """How many rows of each table belong to the mentee (for erasure reports and tests)."""
    counts: dict[str, int] = {}
    for table in (
        "contacts",
        "places",
        "consents",
        "resources",
        "session_notes",
        "addenda",
        "goals",
        "coping_plan_versions",
        "reflections",
        "supervision_items",
        "appointments",
        "measures",
        "tracked_scales",
        "scale_ratings",
        "risk_followups",
    ):
        counts[table] = int(
            conn.execute(
                f"SELECT count(*) FROM {table} WHERE mentee_id = ?", (mentee_id,)
            ).fetchone()[0]
        )
    return counts


def supervision_sessions_touching(conn: Connection, mentee_id: str) -> list[str]:
    rows = conn.execute(
        "SELECT DISTINCT supervision_id FROM supervision_items WHERE mentee_id = ?", (mentee_id,)
    ).fetchall()
    return [r[0] for r in rows]


def erase(conn: Connection, mentee_id: str) -> None:
    """Delete the mentee and everything of theirs, signed notes included (call in a transaction)."""
    row = conn.execute("SELECT code FROM mentees WHERE id = ?", (mentee_id,)).fetchone()
    conn.execute("INSERT INTO erasure_in_progress(mentee_id) VALUES (?)", (mentee_id,))
    conn.execute("DELETE FROM record_seals WHERE mentee_id = ?", (mentee_id,))
    conn.execute(
        "DELETE FROM search_pending WHERE record_id IN"
        " (SELECT id FROM session_notes WHERE mentee_id = ?)",
        (mentee_id,),
    )
    search.remove_mentee(conn, mentee_id)
    cursor = conn.execute("DELETE FROM mentees WHERE id = ?", (mentee_id,))
    conn.execute("DELETE FROM erasure_in_progress WHERE mentee_id = ?", (mentee_id,))
    if cursor.rowcount == 0:
        raise RecordNotFound("That mentee does not exist.")
    same_code.restore_after_erasure(conn, str(row[0]))


def checkpoint(conn: Connection) -> None:
    """Fold the WAL into the database and truncate it, so erased pages do not linger in the log."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


# --- people, places, consents, resources -------------------------------------------------


def _child_insert(conn: Connection, sql: str, params: tuple[Any, ...]) -> None:
    try:
        conn.execute(sql, params)
    except sqlcipher3.IntegrityError as exc:
        if is_foreign_key_violation(exc):
            raise missing_parent("mentee") from exc
        raise


def _require_changed(cursor: Any, what: str) -> None:
    if cursor.rowcount == 0:
        raise RecordNotFound(f"That {what} does not exist.")


#: The small records kept beside a mentee, by audit kind: the table each lives in.
CHILD_TABLES: dict[str, str] = {
    "contact": "contacts",
    "place": "places",
    "consent": "consents",
    "resource": "resources",
}


def child_exists(conn: Connection, kind: str, record_id: str) -> bool:
    """Whether a contact, place, consent or resource with this id is stored (create or edit?)."""
    table = CHILD_TABLES[kind]
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)).fetchone() is not None


def save_contact(conn: Connection, c: Contact) -> None:
    """Insert or replace a contact (the id decides)."""
    _child_insert(
        conn,
        "INSERT INTO contacts(id, mentee_id, name, role, relation, phone, email, notes)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
        " role = excluded.role, relation = excluded.relation, phone = excluded.phone,"
        " email = excluded.email, notes = excluded.notes WHERE mentee_id = excluded.mentee_id",
        (c.id, c.mentee_id, c.name, c.role.value, c.relation, c.phone, c.email, c.notes),
    )


def list_contacts(conn: Connection, mentee_id: str) -> list[Contact]:
    rows = conn.execute(
        "SELECT id, mentee_id, name, role, relation, phone, email, notes FROM contacts"
        " WHERE mentee_id = ? ORDER BY name, id",
        (mentee_id,),
    ).fetchall()
    return [Contact(r[0], r[1], r[2], ContactRole(r[3]), r[4], r[5], r[6], r[7]) for r in rows]


def delete_contact(conn: Connection, contact_id: str) -> None:
    _require_changed(conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,)), "contact")


def save_place(conn: Connection, p: Place) -> None:
    _child_insert(
        conn,
        "INSERT INTO places(id, mentee_id, name, kind, notes) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
        " notes = excluded.notes WHERE mentee_id = excluded.mentee_id",
        (p.id, p.mentee_id, p.name, p.kind.value, p.notes),
    )


def list_places(conn: Connection, mentee_id: str) -> list[Place]:
    rows = conn.execute(
        "SELECT id, mentee_id, name, kind, notes FROM places WHERE mentee_id = ? ORDER BY name, id",
        (mentee_id,),
    ).fetchall()
    return [Place(r[0], r[1], r[2], PlaceKind(r[3]), r[4]) for r in rows]


def delete_place(conn: Connection, place_id: str) -> None:
    _require_changed(conn.execute("DELETE FROM places WHERE id = ?", (place_id,)), "place")


def save_consent(conn: Connection, c: Consent) -> None:
    _child_insert(
        conn,
        "INSERT INTO consents(id, mentee_id, what, with_whom, given_on, how, withdrawn_on,"
        " review_on, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
        " what = excluded.what, with_whom = excluded.with_whom, given_on = excluded.given_on,"
        " how = excluded.how, withdrawn_on = excluded.withdrawn_on,"
        " review_on = excluded.review_on, notes = excluded.notes"
        " WHERE mentee_id = excluded.mentee_id",
        (
            c.id,
            c.mentee_id,
            c.what,
            c.with_whom,
            date_text(c.given_on),
            c.how.value,
            date_text(c.withdrawn_on),
            date_text(c.review_on),
            c.notes,
        ),
    )


def list_consents(conn: Connection, mentee_id: str) -> list[Consent]:
    rows = conn.execute(
        "SELECT id, mentee_id, what, with_whom, given_on, how, withdrawn_on, review_on, notes"
        " FROM consents WHERE mentee_id = ? ORDER BY given_on, id",
        (mentee_id,),
    ).fetchall()
    return [
        Consent(
            r[0],
            r[1],
            r[2],
            r[3],
            req_date_value(r[4]),
            ConsentMethod(r[5]),
            date_value(r[6]),
            date_value(r[7]),
            r[8],
        )
        for r in rows
    ]


def delete_consent(conn: Connection, consent_id: str) -> None:
    _require_changed(conn.execute("DELETE FROM consents WHERE id = ?", (consent_id,)), "consent")


def save_resource(conn: Connection, r: Resource) -> None:
    _child_insert(
        conn,
        "INSERT INTO resources(id, mentee_id, name, kind, contact, referred_on, outcome)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
        " kind = excluded.kind, contact = excluded.contact,"
        " referred_on = excluded.referred_on, outcome = excluded.outcome"
        " WHERE mentee_id = excluded.mentee_id",
        (r.id, r.mentee_id, r.name, r.kind, r.contact, date_text(r.referred_on), r.outcome),
    )


def list_resources(conn: Connection, mentee_id: str) -> list[Resource]:
    rows = conn.execute(
        "SELECT id, mentee_id, name, kind, contact, referred_on, outcome FROM resources"
        " WHERE mentee_id = ? ORDER BY name, id",
        (mentee_id,),
    ).fetchall()
    return [Resource(r[0], r[1], r[2], r[3], r[4], date_value(r[5]), r[6]) for r in rows]


def delete_resource(conn: Connection, resource_id: str) -> None:
    _require_changed(conn.execute("DELETE FROM resources WHERE id = ?", (resource_id,)), "resource")
