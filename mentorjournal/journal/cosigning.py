"""Supervisor review of signed notes: the mentor's request and the supervisor's co-signature."""

from __future__ import annotations

from datetime import date

from mentorjournal.changes import Changed, Changes
from mentorjournal.domain.cosignature import (
    AwaitingCosignature,
    CoSignature,
    ReviewRequest,
    cosign,
    profiles_requiring_cosignature,
)
from mentorjournal.errors import RecordNotFound, RecordSigned, ValidationError
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import cosignatures as cosignature_repo
from mentorjournal.storage import sessions as session_repo

KIND_COSIGNATURE = "cosignature"
KIND_REVIEW_REQUEST = "review_request"
COSIGN_CHANGES = Changes(sessions=True, supervision=True)


class Cosigning(JournalBase):
    """Ask for supervisor review, add the co-signature, list notes still waiting for one."""

    def request_review(self, note_id: str) -> Changed[ReviewRequest]:
        """Mark a signed note "for supervisor review" (asking twice keeps the first request)."""
        with self._command(COSIGN_CHANGES) as command:
            note = session_repo.get(command.conn, note_id)
            if note is None:
                raise RecordNotFound("That note does not exist.")
            if not note.is_signed:
                raise ValidationError("Sign the note before asking for supervisor review.")
            if cosignature_repo.get(command.conn, note_id) is not None:
                raise RecordSigned("This note is already co-signed.")
            request = cosignature_repo.get_request(command.conn, note_id)
            if request is None:
                request = ReviewRequest(note.id, note.mentee_id, self._clock.now())
                cosignature_repo.insert_request(command.conn, request)
            command.audit("create", KIND_REVIEW_REQUEST, note_id)
        return command.done(request)

    def add_cosignature(
        self, note_id: str, *, name: str, role: str, cosigned_on: date, comment: str = ""
    ) -> Changed[CoSignature]:
        """The supervisor co-signs a signed note: hashed over the note's signature, sealed."""
        with self._command(COSIGN_CHANGES) as command:
            note = session_repo.get(command.conn, note_id)
            if note is None:
                raise RecordNotFound("That note does not exist.")
            if cosignature_repo.get(command.conn, note_id) is not None:
                raise RecordSigned("This note is already co-signed; add an addendum instead.")
            written_at = self._clock.now()
            local_now = self._clock.zone.local(written_at)
            if cosigned_on > local_now.date():
                raise ValidationError("A co-signature cannot be dated in the future.")
            cosignature = cosign(
                note, name=name, role=role, cosigned_on=cosigned_on,
                written_at=local_now, comment=comment,
            )  # fmt: skip
            cosignature_repo.insert(command.conn, cosignature)
            command.audit("cosign", KIND_COSIGNATURE, note_id)
        return command.done(cosignature)

    def cosignature(self, note_id: str) -> CoSignature | None:
        return cosignature_repo.get(self._db, note_id)

    def review_request(self, note_id: str) -> ReviewRequest | None:
        return cosignature_repo.get_request(self._db, note_id)

    def cosignatures_for(self, mentee_id: str) -> dict[str, CoSignature]:
        """The mentee's co-signatures by note id."""
        return cosignature_repo.for_mentee(self._db, mentee_id)

    def review_requests_for(self, mentee_id: str) -> dict[str, ReviewRequest]:
        return cosignature_repo.requests_for_mentee(self._db, mentee_id)

    def awaiting_cosignature(self) -> list[AwaitingCosignature]:
        """Signed notes put up for review, or signed under a profile that requires a
        co-signature, that have none yet; oldest session first."""
        return cosignature_repo.awaiting(self._db, profiles_requiring_cosignature())
