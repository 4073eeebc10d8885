"""Session headers and the record settings (service profile, signer, lists) in 0010_session_header.sql,
with the per-profile rule overrides and retention periods of 0014_retention_access.sql.

A header is written with its draft note and frozen with it: the triggers refuse any change once
the note is signed, so a header is corrected, like the note, only by an addendum.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import sqlcipher3

from mentorjournal.domain.retention import RecordType
from mentorjournal.domain.rule_overrides import RuleOverride
from mentorjournal.domain.service_profile import HeaderField, ServiceProfileKind
from mentorjournal.domain.session_header import Modality, PlanGoalLine, SessionHeader, Signer
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.errors import RecordSigned, ValidationError
from mentorjournal.storage.codec import (
    dt_text,
    flag,
    from_json,
    is_signed_violation,
    opt_dt_value,
    to_json,
)
from mentorjournal.storage.connection import Connection

SIGNED_MESSAGE = "This note is signed and cannot be changed; add an addendum instead."
_COLUMNS = (
    "id, ended_at, place, service, service_code, modality, goals, written_with_mentee,"
    " own_words, crisis, late_reason, signer_name, signer_role, signer_credentials, profile,"
    " due_at"
)
_CHUNK = 500


def _header(row: Sequence[Any]) -> SessionHeader:
    signer = None if row[11] is None else Signer(row[11], row[12], row[13] or "")
    return SessionHeader(
        ended_at=opt_dt_value(row[1]),
        place=row[2],
        service=row[3],
        service_code=row[4],
        modality=Modality(row[5]),
        goals=tuple(PlanGoalLine(goal_id, progress) for goal_id, progress in from_json(row[6])),
        written_with_mentee=flag(row[7]),
        own_words=row[8],
        crisis=flag(row[9]),
        late_reason=row[10],
        signer=signer,
        profile=None if row[14] is None else ServiceProfileKind(row[14]),
        due_at=opt_dt_value(row[15]),
    )


def put(conn: Connection, note_id: str, mentee_id: str, header: SessionHeader | None) -> None:
    """Store a draft's header (``None`` removes it); refused once the note is signed."""
    try:
        if header is None:
            conn.execute("DELETE FROM session_headers WHERE id = ?", (note_id,))
            return
        signer = header.signer
        conn.execute(
            f"INSERT INTO session_headers({_COLUMNS}, mentee_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET ended_at = excluded.ended_at,"
            " place = excluded.place, service = excluded.service,"
            " service_code = excluded.service_code, modality = excluded.modality,"
            " goals = excluded.goals, written_with_mentee = excluded.written_with_mentee,"
            " own_words = excluded.own_words, crisis = excluded.crisis,"
            " late_reason = excluded.late_reason, signer_name = excluded.signer_name,"
            " signer_role = excluded.signer_role,"
            " signer_credentials = excluded.signer_credentials, profile = excluded.profile,"
            " due_at = excluded.due_at",
            (
                note_id,
                None if header.ended_at is None else dt_text(header.ended_at),
                header.place,
                header.service,
                header.service_code,
                header.modality.value,
                to_json([[g.goal_id, g.progress] for g in header.goals]),
                int(header.written_with_mentee),
                header.own_words,
                int(header.crisis),
                header.late_reason,
                None if signer is None else signer.name,
                None if signer is None else signer.role,
                None if signer is None else signer.credentials,
                None if header.profile is None else header.profile.value,
                None if header.due_at is None else dt_text(header.due_at),
                mentee_id,
            ),
        )
    except sqlcipher3.DatabaseError as exc:
        if is_signed_violation(exc):
            raise RecordSigned(SIGNED_MESSAGE) from exc
        raise


def for_notes(conn: Connection, note_ids: Iterable[str]) -> dict[str, SessionHeader]:
    """The headers of the given notes, by note id (notes without one are absent)."""
    ids = list(note_ids)
    found: dict[str, SessionHeader] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM session_headers WHERE id IN ({marks})", chunk
        ).fetchall()
        found.update((row[0], _header(row)) for row in rows)
    return found


def of_signed_notes(conn: Connection) -> dict[str, SessionHeader | None]:
    """Every signed note's header by note id, ``None`` where the stored row no longer makes a
    valid header (for ``verify``, which then reports the note as changed)."""
    found: dict[str, SessionHeader | None] = {}
    for row in conn.execute(
        f"SELECT {_COLUMNS} FROM session_headers WHERE id IN"
        " (SELECT id FROM session_notes WHERE signed_at IS NOT NULL)"
    ):
        try:
            found[str(row[0])] = _header(row)
        except (ValidationError, ValueError, TypeError, KeyError):
            found[str(row[0])] = None
    return found


# --- record settings ----------------------------------------------------------------------


def get_settings(conn: Connection) -> RecordSettings | None:
    row = conn.execute(
        "SELECT profile, signer_name, signer_role, signer_credentials, places, services"
        " FROM record_settings WHERE id = 1"
    ).fetchone()
    if row is None:
        return None
    signer = Signer(row[1], row[2], row[3]) if row[1] and row[2] else None
    return RecordSettings(
        profile=ServiceProfileKind(row[0]),
        signer=signer,
        places=tuple(from_json(row[4])),
        services=tuple((name, code) for name, code in from_json(row[5])),
        overrides=_overrides(conn),
        retention=_retention(conn),
    )


def _overrides(conn: Connection) -> dict[ServiceProfileKind, RuleOverride]:
    rows = conn.execute(
        "SELECT profile, required, due_business_days, due_hours, crisis_due_hours"
        " FROM profile_rule_overrides"
    ).fetchall()
    return {
        ServiceProfileKind(r[0]): RuleOverride(
            frozenset(HeaderField(f) for f in from_json(r[1])), r[2], r[3], r[4]
        )
        for r in rows
    }


def _retention(conn: Connection) -> dict[ServiceProfileKind, dict[RecordType, int]]:
    found: dict[ServiceProfileKind, dict[RecordType, int]] = {}
    for profile, record_type, years in conn.execute(
        "SELECT profile, record_type, years FROM retention_periods"
    ):
        found.setdefault(ServiceProfileKind(profile), {})[RecordType(record_type)] = int(years)
    return found


def _set_overrides(conn: Connection, settings: RecordSettings, now: datetime) -> None:
    """Replace the stored rule overrides and retention periods with the settings' own."""
    conn.execute("DELETE FROM profile_rule_overrides")
    conn.executemany(
        "INSERT INTO profile_rule_overrides(profile, required, due_business_days, due_hours,"
        " crisis_due_hours, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (kind.value, to_json(sorted(f.value for f in o.required)), o.due_business_days,
             o.due_hours, o.crisis_due_hours, dt_text(now))
            for kind, o in settings.overrides.items()
        ],
    )  # fmt: skip
    conn.execute("DELETE FROM retention_periods")
    conn.executemany(
        "INSERT INTO retention_periods(profile, record_type, years, updated_at)"
        " VALUES (?, ?, ?, ?)",
        [
            (kind.value, record_type.value, years, dt_text(now))
            for kind, periods in settings.retention.items()
            for record_type, years in periods.items()
        ],
    )


def set_settings(conn: Connection, settings: RecordSettings, now: datetime) -> None:
    signer = settings.signer
    conn.execute(
        "INSERT INTO record_settings(id, profile, signer_name, signer_role, signer_credentials,"
        " places, services, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET profile = excluded.profile,"
        " signer_name = excluded.signer_name, signer_role = excluded.signer_role,"
        " signer_credentials = excluded.signer_credentials, places = excluded.places,"
        " services = excluded.services, updated_at = excluded.updated_at",
        (
            settings.profile.value,
            "" if signer is None else signer.name,
            "" if signer is None else signer.role,
            "" if signer is None else signer.credentials,
            to_json(list(settings.places)),
            to_json([[name, code] for name, code in settings.services]),
            dt_text(now),
        ),
    )
    _set_overrides(conn, settings, now)
