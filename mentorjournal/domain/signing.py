"""Sign & lock: SHA-256 over a canonical serialisation, and the addendum hash chain.

Canonical means: sorted-key compact JSON of the note's content fields, every string NFC
normalised, times as UTC ISO-8601. Two notes with the same content (however their text was
composed) get the same hash, and any change to content changes it. Flags that are not part of
the record (``flagged_for_supervision``) are left out so they can change after signing.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from mentorjournal.domain.notes import Addendum, SessionNote
from mentorjournal.domain.session_header import SessionHeader
from mentorjournal.errors import ValidationError


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list | tuple):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    return value


def canonical_json(payload: dict[str, Any]) -> bytes:
    """Sorted keys, no whitespace, NFC strings, UTF-8: the bytes that get hashed."""
    text = json.dumps(_nfc(payload), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def note_payload(note: SessionNote, signed_at: datetime) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": note.id,
        "mentee_id": note.mentee_id,
        "started_at": utc_text(note.started_at),
        "duration_minutes": note.duration_minutes,
        "mode": note.mode.value,
        "template": note.template.value,
        "sections": [[name, text] for name, text in note.sections],
        "mood_before": note.mood_before,
        "mood_after": note.mood_after,
        "risk_flag": note.risk_flag,
        "risk_followup": note.risk_followup,
        "goal_ids": list(note.goal_ids),
        "coping_items_used": list(note.coping_items_used),
        "next_actions": note.next_actions,
        "signed_at": utc_text(signed_at),
    }
    if note.header is not None:  # a note without a header hashes as it always did
        payload["header"] = header_payload(note.header)
    return payload


def header_payload(header: SessionHeader) -> dict[str, Any]:
    """The header's content for the hash: every field, times in UTC."""
    signer = header.signer
    return {
        "ended_at": None if header.ended_at is None else utc_text(header.ended_at),
        "place": header.place,
        "service": header.service,
        "service_code": header.service_code,
        "modality": header.modality.value,
        "goals": [[g.goal_id, g.progress] for g in header.goals],
        "written_with_mentee": header.written_with_mentee,
        "own_words": header.own_words,
        "crisis": header.crisis,
        "late_reason": header.late_reason,
        "signer": None if signer is None else [signer.name, signer.role, signer.credentials],
        "profile": None if header.profile is None else header.profile.value,
        "due_at": None if header.due_at is None else utc_text(header.due_at),
    }


def note_hash(note: SessionNote, signed_at: datetime) -> str:
    return hashlib.sha256(canonical_json(note_payload(note, signed_at))).hexdigest()


def sign_note(note: SessionNote, signed_at: datetime) -> SessionNote:
    """The signed version of a draft; signing twice is refused (a record is signed once)."""
    if note.is_signed:
        raise ValidationError("This note is already signed.")
    return replace(note, signed_at=signed_at, signature=note_hash(note, signed_at))


def verify_note(note: SessionNote) -> bool:
    """True when a signed note's content still matches the hash stored at signing."""
    if note.signed_at is None or note.signature is None:
        return False
    return note_hash(note, note.signed_at) == note.signature


def addendum_hash(
    *, prev_hash: str, note_id: str, seq: int, written_at: datetime, text: str
) -> str:
    payload = {"note_id": note_id, "seq": seq, "written_at": utc_text(written_at), "text": text}
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_json(payload)).hexdigest()


def chain_addendum(
    note: SessionNote,
    previous: Addendum | None,
    *,
    addendum_id: str,
    written_at: datetime,
    text: str,
) -> Addendum:
    """The next addendum: its hash covers the previous link (or the note's signature)."""
    if note.signature is None:
        raise ValidationError("Only a signed note takes addenda; edit the draft instead.")
    prev_hash = previous.hash if previous is not None else note.signature
    seq = previous.seq + 1 if previous is not None else 1
    digest = addendum_hash(
        prev_hash=prev_hash, note_id=note.id, seq=seq, written_at=written_at, text=text
    )
    return Addendum(addendum_id, note.id, seq, written_at, text, prev_hash, digest)


def verify_chain(note: SessionNote, addenda: list[Addendum]) -> int | None:
    """The ``seq`` of the first broken addendum, or ``None`` when the note and chain are intact."""
    if not verify_note(note):
        return 0
    prev = note.signature
    for expected_seq, addendum in enumerate(addenda, start=1):
        digest = addendum_hash(
            prev_hash=addendum.prev_hash,
            note_id=addendum.note_id,
            seq=addendum.seq,
            written_at=addendum.written_at,
            text=addendum.text,
        )
        if (
            addendum.seq != expected_seq
            or addendum.prev_hash != prev
            or addendum.note_id != note.id
            or digest != addendum.hash
        ):
            return expected_seq
        prev = addendum.hash
    return None
