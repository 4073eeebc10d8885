"""Supervision meetings with the mentor's own supervisor, and what could go on their agenda."""

from __future__ import annotations

from dataclasses import replace

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.domain.cosignature import profiles_requiring_cosignature
from mentorjournal.errors import RecordNotFound, RecordSigned
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import cosignatures as cosignature_repo
from mentorjournal.storage import reflections as reflection_repo
from mentorjournal.storage import sessions as session_repo
from mentorjournal.storage import supervision as supervision_repo
from mentorjournal.storage import supervision_ledger as ledger_repo
from mentorjournal.storage.codec import KIND_SUPERVISION

SUPERVISION_CHANGES = Changes(supervision=True, search=True)
SIGNED_OFF_MESSAGE = (
    "This supervision record is signed off and cannot be changed; record a new session instead."
)


class Supervision(JournalBase):
    """Save and list supervision sessions; gather agenda candidates."""

    def save_supervision(self, session: d.SupervisionSession) -> Changed[d.SupervisionSession]:
        """Insert or update a supervision session with its agenda and actions."""
        with self._command(SUPERVISION_CHANGES) as command:
            existed = supervision_repo.get(command.conn, session.id) is not None
            if existed and ledger_repo.get_signoff(command.conn, session.id) is not None:
                raise RecordSigned(SIGNED_OFF_MESSAGE)
            supervision_repo.save(command.conn, session, self._clock.now())
            command.audit("edit" if existed else "create", KIND_SUPERVISION, session.id)
        return command.done(session)

    def get_supervision(self, supervision_id: str) -> d.SupervisionSession:
        found = supervision_repo.get(self._db, supervision_id)
        if found is None:
            raise RecordNotFound("That supervision session does not exist.")
        return found

    def list_supervision(self) -> list[d.SupervisionSession]:
        """Newest first."""
        return supervision_repo.list_sessions(self._db)

    def delete_supervision(self, supervision_id: str) -> Changed[None]:
        with self._command(SUPERVISION_CHANGES) as command:
            if ledger_repo.get_signoff(command.conn, supervision_id) is not None:
                raise RecordSigned(SIGNED_OFF_MESSAGE)
            supervision_repo.delete(command.conn, supervision_id)
            command.audit("delete", KIND_SUPERVISION, supervision_id)
        return command.done(None)

    def agenda_candidates(self, *, include_taken: bool = False) -> list[d.AgendaCandidate]:
        """Flagged reflections, flagged or risk-flagged notes, and signed notes waiting for
        the supervisor's co-signature, newest first.

        Items already on a supervision agenda are left out unless ``include_taken``.
        """
        taken = set() if include_taken else supervision_repo.sources_on_agendas(self._db)
        found: list[d.AgendaCandidate] = []
        for r in reflection_repo.list_reflections(self._db, flagged_only=True):
            if r.id not in taken:
                found.append(
                    d.AgendaCandidate(
                        d.SourceKind.REFLECTION,
                        r.id,
                        r.mentee_id,
                        r.written_at,
                        r.title,
                        "flagged reflection",
                    )
                )
        for n in session_repo.flagged_or_risky(self._db):
            if n.id not in taken:
                reasons = [
                    text
                    for on, text in ((n.flagged_for_supervision, "flagged"), (n.risk_flag, "risk"))
                    if on
                ]
                found.append(
                    d.AgendaCandidate(
                        d.SourceKind.NOTE,
                        n.id,
                        n.mentee_id,
                        n.started_at,
                        session_repo.note_title(n),
                        " and ".join(reasons) + " note",
                    )
                )
        found = self._with_awaiting_cosignature(found, taken)
        found.sort(key=lambda c: c.when, reverse=True)
        return found

    def _with_awaiting_cosignature(
        self, found: list[d.AgendaCandidate], taken: set[str]
    ) -> list[d.AgendaCandidate]:
        """Add the notes waiting for co-signature; a note already listed says so in its reason."""
        by_note = {
            c.source_id: i for i, c in enumerate(found) if c.source_kind is d.SourceKind.NOTE
        }
        for waiting in cosignature_repo.awaiting(self._db, profiles_requiring_cosignature()):
            if waiting.note_id in taken:
                continue
            if waiting.note_id in by_note:
                at = by_note[waiting.note_id]
                reason = found[at].reason + ", awaiting co-signature"
                found[at] = replace(found[at], reason=reason)
                continue
            note = session_repo.get(self._db, waiting.note_id)
            title = waiting.mentee_code if note is None else session_repo.note_title(note)
            found.append(
                d.AgendaCandidate(
                    d.SourceKind.NOTE,
                    waiting.note_id,
                    waiting.mentee_id,
                    waiting.started_at,
                    title,
                    "awaiting co-signature",
                )
            )
        return found
