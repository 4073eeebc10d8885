"""What the vault knows about a mentee and the people and places around them.

Built from the exact dict the contract names, where any key may be missing or null, so the
CLI, the export and tests all describe a mentee the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mentorjournal.errors import ValidationError


def _text(d: Mapping[str, Any], key: str) -> str:
    value = d.get(key)
    if value is None:
        return ""
    if not isinstance(value, str | int):
        raise ValidationError(f"known: {key!r} must be text, not {type(value).__name__}")
    return str(value).strip()


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValidationError(f"known: {what} must be an object")
    return value


def _items(value: object, what: str) -> Sequence[Mapping[str, Any]]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise ValidationError(f"known: {what} must be a list")
    return [_mapping(item, f"each of {what}") for item in value]


def _names(value: object) -> tuple[str, ...]:
    """A list of names, or one string of them separated by commas ("Smudge, Sammy")."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValidationError("known: 'nicknames' must be a list of names")
    return tuple(v.strip() for v in value if v.strip())


def parse_iso_date(value: str) -> dt.date | None:
    """An ISO date (a datetime is cut to its date); anything else is None, never an error."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class KnownMentee:
    legal_name: str = ""
    first_name: str = ""
    last_name: str = ""
    preferred_name: str = ""
    dob: dt.date | None = None
    #: The date of birth as given, kept when it is not ISO so it can still be matched literally.
    dob_text: str = ""
    phone: str = ""
    email: str = ""
    #: Other names the mentee goes by ("Smudge", "Bex"): optional, beyond the contract's keys.
    nicknames: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return tuple(
            n
            for n in (
                self.legal_name,
                self.first_name,
                self.last_name,
                self.preferred_name,
                *self.nicknames,
            )
            if n
        )


@dataclass(frozen=True, slots=True)
class KnownContact:
    name: str = ""
    relation: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class KnownPlace:
    name: str = ""
    type: str = ""


@dataclass(frozen=True, slots=True)
class Known:
    """Everything the vault holds that identifies one mentee's world (hashable, so it can key caches)."""

    mentee: KnownMentee = KnownMentee()
    contacts: tuple[KnownContact, ...] = ()
    places: tuple[KnownPlace, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> Known:
        """The contract's dict; missing or null keys are simply unknown. Wrong types raise ValidationError."""
        root = _mapping(d, "the known dict")
        m = _mapping(root.get("mentee"), "mentee")
        dob_text = _text(m, "dob")
        mentee = KnownMentee(
            legal_name=_text(m, "legal_name"),
            first_name=_text(m, "first_name"),
            last_name=_text(m, "last_name"),
            preferred_name=_text(m, "preferred_name"),
            dob=parse_iso_date(dob_text) if dob_text else None,
            dob_text=dob_text,
            phone=_text(m, "phone"),
            email=_text(m, "email"),
            nicknames=_names(m.get("nicknames")),
        )
        contacts = tuple(
            KnownContact(
                name=_text(c, "name"), relation=_text(c, "relation"), phone=_text(c, "phone")
            )
            for c in _items(root.get("contacts"), "contacts")
        )
        places = tuple(
            KnownPlace(name=_text(p, "name"), type=_text(p, "type"))
            for p in _items(root.get("places"), "places")
        )
        return cls(mentee=mentee, contacts=contacts, places=places)

    def contact_keys(self) -> tuple[str, ...]:
        """A stable ``who`` per contact: "contact:<relation>", numbered when a relation repeats."""
        seen: dict[str, int] = {}
        keys: list[str] = []
        for contact in self.contacts:
            relation = contact.relation.strip().lower() or "contact"
            seen[relation] = seen.get(relation, 0) + 1
            n = seen[relation]
            keys.append(f"contact:{relation}" if n == 1 else f"contact:{relation}#{n}")
        return tuple(keys)
