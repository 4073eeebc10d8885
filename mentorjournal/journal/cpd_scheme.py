"""CPD against the mentor's scheme: choose the scheme, read the current cycle's progress."""

from __future__ import annotations

from datetime import date

from mentorjournal.changes import Changed, Changes
from mentorjournal.domain import CpdEntry
from mentorjournal.domain.cpd_scheme import (
    CategoryHours,
    CpdScheme,
    SchemeProgress,
    hours_by_category,
    scheme_progress,
)
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import cpd as cpd_repo

KIND_CPD_SCHEME = "cpd_scheme"
SCHEME_CHANGES = Changes(cpd=True)


class CpdSchemes(JournalBase):
    """The scheme a mentor renews under, and progress towards its current cycle."""

    def cpd_scheme(self) -> CpdScheme | None:
        return cpd_repo.get_scheme(self._db)

    def set_cpd_scheme(self, scheme: CpdScheme) -> Changed[CpdScheme]:
        with self._command(SCHEME_CHANGES) as command:
            existed = cpd_repo.get_scheme(command.conn) is not None
            cpd_repo.set_scheme(command.conn, scheme, self._clock.now())
            command.audit("edit" if existed else "create", KIND_CPD_SCHEME, None, scheme.kind.value)
        return command.done(scheme)

    def cpd_progress(self, today: date | None = None) -> SchemeProgress | None:
        """Progress in the cycle holding ``today`` (default: the mentor's local today)."""
        scheme = self.cpd_scheme()
        if scheme is None:
            return None
        day = today or self.today()  # the mentor's local day, not the UTC one
        return scheme_progress(scheme, cpd_repo.list_entries(self._db), day)

    def cpd_between(self, first: date, last: date) -> list[CpdEntry]:
        """Entries from ``first`` to ``last``, both days included, newest first."""
        return cpd_repo.list_entries(
            self._db, first=first, end=date.fromordinal(last.toordinal() + 1)
        )

    def cpd_by_category(
        self, first: date | None = None, last: date | None = None
    ) -> tuple[CategoryHours, ...]:
        """Hours and activities per category over the whole log or between two days."""
        end = None if last is None else date.fromordinal(last.toordinal() + 1)
        return hours_by_category(cpd_repo.list_entries(self._db, first=first, end=end))
