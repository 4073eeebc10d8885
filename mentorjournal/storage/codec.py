"""Row <-> domain conversion helpers shared by the journal repositories.

Times are stored as UTC ISO-8601 text with microseconds (so text order is time order), dates
as ISO ``YYYY-MM-DD``, lists as compact JSON text, booleans as 0/1.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import sqlcipher3

from mentorjournal.errors import ValidationError

#: Search index kinds for the records the journal indexes (also the search command's ``--kind`` values).
KIND_NOTE = "note"
KIND_ADDENDUM = "addendum"
KIND_GOAL = "goal"
KIND_PROGRESS = "progress"
KIND_PLAN = "plan"
KIND_REFLECTION = "reflection"
KIND_SUPERVISION = "supervision"
KIND_CPD = "cpd"


def dt_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def dt_value(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def opt_dt_value(text: str | None) -> datetime | None:
    return None if text is None else dt_value(text)


def date_text(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def date_value(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def req_date_value(text: str) -> date:
    return date.fromisoformat(text)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def from_json(text: str) -> Any:
    return json.loads(text)


def flag(value: int) -> bool:
    return bool(value)


def is_unique_violation(exc: BaseException) -> bool:
    return isinstance(exc, sqlcipher3.IntegrityError) and "UNIQUE" in str(exc)


def is_signed_violation(exc: BaseException) -> bool:
    """The sign-and-lock triggers abort with a message starting 'record signed'."""
    return isinstance(exc, sqlcipher3.IntegrityError | sqlcipher3.DatabaseError) and (
        "record signed" in str(exc)
    )


def is_foreign_key_violation(exc: BaseException) -> bool:
    return isinstance(exc, sqlcipher3.IntegrityError) and "FOREIGN KEY" in str(exc)


def missing_parent(what: str) -> ValidationError:
    return ValidationError(f"The {what} this record belongs to does not exist.")
