"""Data that leaves or enters the vault whole: the JSON export and import, demo records, and
the audit event of every export file.

Why here: each needs the open connection, which the facade keeps to itself. The file format
and its checks are ``mentorjournal.portable``'s, the tables and rows ``storage.dump``'s; the
documents (PDF, DOCX, Markdown) are ``mentorjournal.export``'s, which call ``record_export``
once a file is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mentorjournal.changes import Changed, Changes
from mentorjournal.journal.base import JournalBase

if TYPE_CHECKING:
    from mentorjournal.demo import DemoSummary
    from mentorjournal.portable import ImportSummary

#: Audit kind of the whole-vault JSON export.
KIND_VAULT_EXPORT = "vault"


class Portability(JournalBase):
    """Export and import the whole vault, fill a demo vault, audit an export."""

    def record_export(self, kind: str, detail: str, record_id: str | None = None) -> Changed[None]:
        """Append one "export" event (what and how many, never content or the file's name)."""
        with self._command(Changes()) as command:
            command.audit("export", kind, record_id, detail)
        return command.done(None)

    def export_json(self, path: Path) -> Changed[int]:
        """Write the whole vault to ``path`` as JSON (clear text!), then audit it; returns bytes."""
        from mentorjournal.portable import write_export

        size, rows = write_export(self._db, self._clock, path)
        self.record_export(KIND_VAULT_EXPORT, f"json,rows={rows}")
        return Changed(size, Changes())

    def import_json(self, path: Path) -> Changed[ImportSummary]:
        """Import a JSON export into this new, empty vault, all or nothing (audited)."""
        from mentorjournal.portable import import_into

        summary = import_into(self._db, self._clock, path)
        return Changed(summary, Changes.all())

    def fill_demo(self, *, mentees: int, sessions: int, seed: int) -> Changed[DemoSummary]:
        """Flag this vault as a demo vault and fill it with synthetic records (audited)."""
        from mentorjournal.demo import mark_demo, populate_demo

        mark_demo(self._db)
        summary = populate_demo(
            self._db, mentees=mentees, sessions=sessions, seed=seed, clock=self._clock
        )
        return Changed(summary, Changes.all())
