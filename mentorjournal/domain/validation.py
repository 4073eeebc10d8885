"""Small checks shared by every domain value; each raises ``ValidationError`` with a plain message.

Messages name the field, never its content, so they can be shown and logged safely.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum
from typing import TypeVar

from mentorjournal.errors import ValidationError

E = TypeVar("E", bound=Enum)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{3,32}$")


def new_id() -> str:
    """A fresh record id: a random UUID, never derived from a name."""
    return str(uuid.uuid4())


def require_id(value: str, field: str) -> None:
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError) as exc:
        raise ValidationError(f"{field} is not a valid id.") from exc


def require_optional_id(value: str | None, field: str) -> None:
    if value is not None:
        require_id(value, field)


def require_text(value: str, field: str, *, max_len: int = 200) -> None:
    """Non-empty after trimming, free of NUL characters, and short enough for a label.

    NUL is refused because SQLite's text functions stop at it: ``length('\x00...')`` is 0, so
    the database's own non-empty CHECKs would fail with a raw error instead of this message.
    """
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"{field} must not be empty.")
    if "\x00" in value:
        raise ValidationError(f"{field} contains a NUL character, which cannot be stored.")
    if len(value) > max_len:
        raise ValidationError(f"{field} is longer than {max_len} characters.")


def require_max_len(value: str | None, field: str, max_len: int) -> None:
    if value is not None and len(value) > max_len:
        raise ValidationError(f"{field} is longer than {max_len} characters.")


def require_range(value: int | None, field: str, low: int, high: int) -> None:
    """An optional integer within ``low..high`` inclusive (bools are not numbers here)."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(f"{field} must be a whole number from {low} to {high}.")


def require_aware(value: datetime, field: str) -> None:
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(f"{field} must be a date and time with a time zone.")


def require_date(value: date | None, field: str) -> None:
    if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
        raise ValidationError(f"{field} must be a calendar date.")


def require_order(first: date | None, then: date | None, first_name: str, then_name: str) -> None:
    if first is not None and then is not None and then < first:
        raise ValidationError(f"{then_name} cannot be before {first_name}.")


def require_email(value: str | None, field: str = "Email") -> None:
    if value is not None and not _EMAIL.match(value):
        raise ValidationError(f"{field} does not look like an email address.")


def require_phone(value: str | None, field: str = "Phone") -> None:
    if value is not None and not _PHONE.match(value):
        raise ValidationError(f"{field} may hold only digits, spaces, +, -, ., / and brackets.")


def require_enum(value: E, enum_type: type[E], field: str) -> None:
    if not isinstance(value, enum_type):
        raise ValidationError(f"{field} must be one of: {', '.join(m.value for m in enum_type)}.")


def parse_enum(enum_type: type[E], value: str, field: str) -> E:
    """Turn user or stored text into an enum member with a typed error instead of ValueError."""
    try:
        return enum_type(value)
    except ValueError as exc:
        allowed = ", ".join(str(m.value) for m in enum_type)
        raise ValidationError(f"{field} must be one of: {allowed}.") from exc


def require_unique(values: Iterable[object], field: str) -> None:
    seen: set[object] = set()
    for value in values:
        if value in seen:
            raise ValidationError(f"{field} lists the same entry twice.")
        seen.add(value)
