"""The timeline: sessions, goal progress and reflections merged by date.

One mentee's, or (``mentee_id=None``) everyone's together with the reflections on no mentee;
either way three set-based reads, never one per mentee. Each entry is filed under the mentor's
local day; goal progress, rated for a day rather than an instant, sorts at that day's local
midnight.
"""

from __future__ import annotations

from datetime import date

from mentorjournal import domain as d
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import goals as goal_repo
from mentorjournal.storage import reflections as reflection_repo
from mentorjournal.storage import sessions as session_repo


def _progress_title(entry: d.GoalProgress, words: str) -> str:
    level = f"GAS {entry.gas_level:+d}" if entry.gas_level is not None else ""
    pct = f"{entry.percent}%" if entry.percent is not None else ""
    return f"{words}: {', '.join(x for x in (level, pct) if x)}"


class Timeline(JournalBase):
    """Read the merged timeline."""

    def timeline(
        self,
        mentee_id: str | None,
        *,
        since: date | None = None,
        until: date | None = None,
    ) -> list[d.TimelineEntry]:
        """Entries oldest first; ``since``/``until`` are local days, both included."""
        zone = self._clock.zone
        start, end = zone.span(since, until)
        entries = [
            d.TimelineEntry(
                d.TimelineKind.SESSION,
                s.id,
                s.mentee_id,
                s.started_at,
                zone.day_of(s.started_at),
                s.first_line or f"{s.template.label} session",
            )
            for s in session_repo.list_summaries(self._db, mentee_id, start=start, end=end)
        ]
        entries += [
            d.TimelineEntry(
                d.TimelineKind.PROGRESS,
                entry.id,
                owner,
                zone.start_of(entry.on),
                entry.on,
                _progress_title(entry, words),
            )
            for entry, words, owner in goal_repo.progress_for_mentee(
                self._db, mentee_id, since=since, until=until
            )
        ]
        entries += [
            d.TimelineEntry(
                d.TimelineKind.REFLECTION,
                r.id,
                r.mentee_id,
                r.written_at,
                zone.day_of(r.written_at),
                r.title,
            )
            for r in reflection_repo.list_reflections(
                self._db, mentee_id=mentee_id, start=start, end=end
            )
        ]
        entries.sort(key=lambda e: (e.when, e.kind.value))
        return entries
