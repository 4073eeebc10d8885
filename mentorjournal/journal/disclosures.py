"""Disclosures: record information shared outside the relationship; correct, never edit."""

from __future__ import annotations

from datetime import timedelta

from mentorjournal.changes import Changed, Changes
from mentorjournal.domain.disclosure import Disclosure
from mentorjournal.errors import RecordNotFound, ValidationError
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import disclosures as disclosure_repo
from mentorjournal.storage import measures as measure_repo
from mentorjournal.storage import mentees as mentee_repo
from mentorjournal.storage import sessions as session_repo

KIND_DISCLOSURE = "disclosure"
DISCLOSURE_CHANGES = Changes(disclosures=True)
#: A disclosure cannot be dated in the future; a few minutes allow for a slow clock.
FUTURE_GRACE = timedelta(minutes=5)


class Disclosures(JournalBase):
    """Record, correct and list a mentee's disclosures; every entry is audited."""

    def record_disclosure(self, disclosure: Disclosure) -> Changed[Disclosure]:
        """Keep a new entry (or a correction, when ``corrects_id`` is set)."""
        now = self._clock.now()
        if disclosure.shared_at > now + FUTURE_GRACE:
            raise ValidationError("A disclosure cannot be dated in the future.")
        with self._command(DISCLOSURE_CHANGES) as command:
            conn = command.conn
            if mentee_repo.get(conn, disclosure.mentee_id) is None:
                raise RecordNotFound("That mentee does not exist.")
            if disclosure.note_id is not None:
                note = session_repo.get(conn, disclosure.note_id)
                if note is None or note.mentee_id != disclosure.mentee_id:
                    raise ValidationError("The linked session note is not one of this mentee's.")
            if disclosure.followup_id is not None:
                followup = measure_repo.get_followup(conn, disclosure.followup_id)
                if followup is None or followup.mentee_id != disclosure.mentee_id:
                    raise ValidationError("The linked risk follow-up is not one of this mentee's.")
            if disclosure.corrects_id is not None:
                corrected = disclosure_repo.get(conn, disclosure.corrects_id)
                if corrected is None or corrected.mentee_id != disclosure.mentee_id:
                    raise RecordNotFound("The entry to correct is not one of this mentee's.")
            kept = disclosure_repo.insert(conn, disclosure, now)
            detail = "" if kept.corrects_id is None else f"corrects={kept.corrects_id}"
            command.audit("create", KIND_DISCLOSURE, kept.id, detail)
        return command.done(kept)

    def list_disclosures(self, mentee_id: str, *, current_only: bool = False) -> list[Disclosure]:
        """The mentee's entries in the order shared; ``current_only`` drops corrected ones."""
        entries = disclosure_repo.list_for_mentee(self._db, mentee_id)
        if not current_only:
            return entries
        corrected = {e.corrects_id for e in entries if e.corrects_id is not None}
        return [e for e in entries if e.id not in corrected]

    def disclosure_history(self, disclosure_id: str) -> list[Disclosure]:
        """The entry and every correction of it, first written first."""
        first = disclosure_repo.get(self._db, disclosure_id)
        if first is None:
            raise RecordNotFound("That disclosure does not exist.")
        entries = disclosure_repo.list_for_mentee(self._db, first.mentee_id)
        by_corrected = {e.corrects_id: e for e in entries if e.corrects_id is not None}
        while first.corrects_id is not None:
            earlier = next((e for e in entries if e.id == first.corrects_id), None)
            if earlier is None:
                break
            first = earlier
        chain = [first]
        while chain[-1].id in by_corrected:
            chain.append(by_corrected[chain[-1].id])
        return chain

    def disclosure_counts(self) -> dict[str, int]:
        """Standing disclosures per mentee id (for the caseload)."""
        return disclosure_repo.current_counts(self._db)
