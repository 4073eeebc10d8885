"""Continuing professional development: activities, hours, yearly totals."""

from __future__ import annotations

from datetime import date

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.domain.cpd import CpdCategory
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import cpd as cpd_repo
from mentorjournal.storage.codec import KIND_CPD

CPD_CHANGES = Changes(cpd=True)


class Cpd(JournalBase):
    """Log and total CPD entries."""

    def save_cpd(self, entry: d.CpdEntry) -> Changed[d.CpdEntry]:
        with self._command(CPD_CHANGES) as command:
            existed = cpd_repo.get(command.conn, entry.id) is not None
            cpd_repo.save(command.conn, entry, self._clock.now())
            command.audit("edit" if existed else "create", KIND_CPD, entry.id)
        return command.done(entry)

    def add_cpd(
        self,
        activity: str,
        on: date,
        hours: float,
        *,
        kind: str = "",
        learning: str = "",
        evidence: str = "",
        category: CpdCategory | None = None,
    ) -> Changed[d.CpdEntry]:
        return self.save_cpd(
            d.CpdEntry(d.new_id(), activity, on, hours, kind, learning, evidence, category)
        )

    def list_cpd(self, *, year: int | None = None) -> list[d.CpdEntry]:
        return cpd_repo.list_entries(self._db, year=year)

    def delete_cpd(self, entry_id: str) -> Changed[None]:
        with self._command(CPD_CHANGES) as command:
            cpd_repo.delete(command.conn, entry_id)
            command.audit("delete", KIND_CPD, entry_id)
        return command.done(None)

    def cpd_totals(self) -> list[d.CpdYearTotal]:
        """Hours and entries per calendar year, oldest year first."""
        return cpd_repo.yearly_totals(self._db)
