"""Supervisor co-signature of a signed session note, and the mentor's request for review.

Some programmes require a supervisor to co-sign a peer worker's notes (Medicaid peer support
must be "supervised by a competent mental health professional (as defined by the State)",
CMS letter SMDL #07-011 of 15 August 2007; each state sets how, and some ask for the
supervisor's signature on the note). The mentor asks for review of a signed note; in supervision, on the
mentor's machine, the supervisor adds a co-signature with name, role, date and an optional
comment. The co-signature is a record like an addendum: its SHA-256 hash covers the note's
signature, so it belongs to exactly that signed content, and it is sealed and append-only.
One co-signature per note: its id is the note's id.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from mentorjournal.domain.notes import HASH_HEX_LEN, SessionNote
from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.signing import canonical_json, utc_text
from mentorjournal.domain.validation import (
    require_aware,
    require_date,
    require_id,
    require_max_len,
    require_text,
)
from mentorjournal.errors import ValidationError

NAME_MAX = 200
COMMENT_MAX = 5000


@dataclass(frozen=True)
class ReviewRequest:
    """The mentor marked a signed note "for supervisor review" (id: the note's id)."""

    note_id: str
    mentee_id: str
    requested_at: datetime

    def __post_init__(self) -> None:
        require_id(self.note_id, "Note id")
        require_id(self.mentee_id, "Mentee id")
        require_aware(self.requested_at, "The review request time")


@dataclass(frozen=True)
class CoSignature:
    """A supervisor's co-signature of one signed note.

    ``cosigned_on`` is the day the supervisor gives (the supervision day); ``written_at`` the
    instant it was recorded. ``note_signature`` is the note's hash at co-signing and ``hash``
    covers it with every field here, so a changed note, name or comment no longer verifies.
    """

    note_id: str
    mentee_id: str
    name: str
    role: str
    cosigned_on: date
    written_at: datetime
    note_signature: str
    comment: str = ""
    hash: str = ""

    def __post_init__(self) -> None:
        require_id(self.note_id, "Note id")
        require_id(self.mentee_id, "Mentee id")
        require_text(self.name, "The supervisor's name", max_len=NAME_MAX)
        require_text(self.role, "The supervisor's role", max_len=NAME_MAX)
        require_date(self.cosigned_on, "The co-signature date")
        if self.cosigned_on is None:
            raise ValidationError("A co-signature needs a date.")
        require_aware(self.written_at, "The co-signature time")
        require_max_len(self.comment, "The supervisor's comment", COMMENT_MAX)
        if "\x00" in self.comment:
            raise ValidationError("The supervisor's comment contains a NUL character.")
        if len(self.note_signature) != HASH_HEX_LEN:
            raise ValidationError("The co-signed note's signature is not a SHA-256 hex digest.")
        if self.hash and len(self.hash) != HASH_HEX_LEN:
            raise ValidationError("The co-signature's hash is not a SHA-256 hex digest.")

    @property
    def line(self) -> str:
        """ "Dr Ada Example, Clinical supervisor, 9 March 2026": how exports show it."""
        return f"{self.name}, {self.role}, {self.cosigned_on.day} {self.cosigned_on:%B %Y}"


def cosignature_hash(cosignature: CoSignature) -> str:
    """SHA-256 of the note's signature followed by the co-signature's canonical fields."""
    payload = {
        "note_id": cosignature.note_id,
        "mentee_id": cosignature.mentee_id,
        "name": cosignature.name,
        "role": cosignature.role,
        "cosigned_on": cosignature.cosigned_on.isoformat(),
        "written_at": utc_text(cosignature.written_at),
        "comment": cosignature.comment,
    }
    prefix = cosignature.note_signature.encode("ascii")
    return hashlib.sha256(prefix + canonical_json(payload)).hexdigest()


def cosign(
    note: SessionNote,
    *,
    name: str,
    role: str,
    cosigned_on: date,
    written_at: datetime,
    comment: str = "",
) -> CoSignature:
    """The co-signature of a signed note, hashed. A draft cannot be co-signed, nor a date in
    the future or before the note was signed (the supervisor reviews what was signed).

    ``written_at`` is given in the mentor's zone: its calendar day is "today" for the date
    checks, and the note's signing instant is read in the same zone.
    """
    if note.signature is None or note.signed_at is None:
        raise ValidationError("Only a signed note can be co-signed; sign it first.")
    if cosigned_on > written_at.date():
        raise ValidationError("A co-signature cannot be dated in the future.")
    if cosigned_on < note.signed_at.astimezone(written_at.tzinfo).date():
        raise ValidationError("A co-signature cannot be dated before the note was signed.")
    unsealed = CoSignature(
        note.id, note.mentee_id, name.strip(), role.strip(), cosigned_on, written_at,
        note.signature, comment.strip(),
    )  # fmt: skip
    return CoSignature(
        unsealed.note_id, unsealed.mentee_id, unsealed.name, unsealed.role, unsealed.cosigned_on,
        unsealed.written_at, unsealed.note_signature, unsealed.comment, cosignature_hash(unsealed),
    )  # fmt: skip


def verify_cosignature(note: SessionNote, cosignature: CoSignature) -> str | None:
    """``None`` when the co-signature is intact and belongs to the note as signed, else why not."""
    if cosignature.note_id != note.id or cosignature.mentee_id != note.mentee_id:
        return "it names another note"
    if note.signature is None or cosignature.note_signature != note.signature:
        return "the note it co-signed is not the note as signed now"
    if cosignature_hash(cosignature) != cosignature.hash:
        return "its content was changed after it was added"
    return None


def profiles_requiring_cosignature() -> frozenset[str]:
    """The service profiles (stored values) whose notes all wait for a supervisor's co-signature."""
    return frozenset(kind.value for kind in ServiceProfileKind if kind.rules.cosignature_required)


@dataclass(frozen=True)
class AwaitingCosignature:
    """A signed note still waiting for its co-signature (for the agenda and the home page).

    ``requested_at`` is when the mentor asked for review; ``None`` when the note waits only
    because the profile it was signed under requires a co-signature.
    """

    note_id: str
    mentee_id: str
    mentee_code: str
    started_at: datetime
    signed_at: datetime
    requested_at: datetime | None
