"""What the mentor can see of the audit log, and the proof that nothing signed changed."""

from __future__ import annotations

from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import audit, sealing


class Auditing(JournalBase):
    """Read the audit log (ids and actions, never content) and verify the vault's seals."""

    def audit_events(
        self, *, mentee_id: str | None = None, action: str | None = None, limit: int = 10_000
    ) -> list[audit.AuditRow]:
        """Events newest first; filtered to one mentee (and their records) and/or one action."""
        return audit.filtered_events(self._db, mentee_id=mentee_id, action=action, limit=limit)

    def audit_actions(self) -> list[str]:
        """Every action the log knows, for a filter list."""
        return sorted(audit.ACTIONS)

    def seal_origin(self, kind: str, record_id: str) -> str | None:
        """Where a signed note's or addendum's seal comes from: ``here`` (signed in this vault),
        ``imported`` (imported, not verified here), ``upgrade`` (signed before seals), ``synced``
        (signed on another computer of the journal, sealed here on arrival), or None."""
        return sealing.seal_origin(self._db, kind, record_id)
