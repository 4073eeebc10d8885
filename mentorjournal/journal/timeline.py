"""One mentee's timeline: sessions, goal progress and reflections merged by date."""

from __future__ import annotations

from datetime import UTC, date, datetime

from mentorjournal import domain as d
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import goals as goal_repo
from mentorjournal.storage import reflections as reflection_repo
from mentorjournal.storage import sessions as session_repo


class Timeline(JournalBase):
    """Read the merged timeline."""

    def timeline(
        self,
        mentee_id: str,
        *,
        since: date | None = None,
        until: date | None = None,
    ) -> list[d.TimelineEntry]:
        """Sessions, goal progress and reflections of one mentee merged by date, oldest first."""
        entries = [
            d.TimelineEntry(
                d.TimelineKind.SESSION,
                s.id,
                s.mentee_id,
                s.started_at,
                s.started_at.date(),
                s.first_line or f"{s.template.label} session",
            )
            for s in session_repo.list_summaries(self._db, mentee_id, since=since, until=until)
        ]
        for entry, words in goal_repo.progress_for_mentee(
            self._db, mentee_id, since=since, until=until
        ):
            when = datetime.combine(entry.on, datetime.min.time(), tzinfo=UTC)
            level = f"GAS {entry.gas_level:+d}" if entry.gas_level is not None else ""
            pct = f"{entry.percent}%" if entry.percent is not None else ""
            detail = ", ".join(x for x in (level, pct) if x)
            entries.append(
                d.TimelineEntry(
                    d.TimelineKind.PROGRESS,
                    entry.id,
                    mentee_id,
                    when,
                    entry.on,
                    f"{words}: {detail}",
                )
            )
        entries += [
            d.TimelineEntry(
                d.TimelineKind.REFLECTION,
                r.id,
                r.mentee_id,
                r.written_at,
                r.written_at.date(),
                r.title,
            )
            for r in reflection_repo.list_reflections(
                self._db, mentee_id=mentee_id, since=since, until=until
            )
        ]
        entries.sort(key=lambda e: (e.when, e.kind.value))
        return entries
