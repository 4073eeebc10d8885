"""Full-text search over every record the mentor wrote."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import search
from mentorjournal.storage.search import SearchResults


class Searching(JournalBase):
    """Ranked search, with drafts' index entries brought up to date first."""

    def search(
        self,
        query: str,
        *,
        mentee_id: str | None = None,
        kinds: Sequence[str] | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 50,
    ) -> list[search.SearchHit]:
        """Ranked hits with highlighted snippets (see ``storage.search``)."""
        return list(
            self.search_results(
                query,
                mentee_id=mentee_id,
                kinds=kinds,
                date_from=date_from,
                date_to=date_to,
                limit=limit,
            ).hits
        )

    def search_results(
        self,
        query: str,
        *,
        mentee_id: str | None = None,
        kinds: Sequence[str] | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 50,
    ) -> SearchResults:
        """The hits and whether ranking was limited to the most recent matches.

        Brings autosaved drafts' entries up to date first, so what was typed is findable.
        """
        self.flush_search()
        return search.search_results(
            self._db,
            query,
            mentee_id=mentee_id,
            kinds=kinds,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
        )
