"""The mentor's reflections, on a session, a mentee or their own practice."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.errors import RecordNotFound, ValidationError
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import reflections as reflection_repo
from mentorjournal.storage import sessions as session_repo
from mentorjournal.storage.codec import KIND_REFLECTION

REFLECTION_CHANGES = Changes(reflections=True, supervision=True, search=True)


class Reflections(JournalBase):
    """Write, list and delete reflections."""

    def add_reflection(
        self,
        title: str,
        *,
        model: d.ReflectionModel = d.ReflectionModel.FREE,
        sections: Mapping[str, str] | Sequence[tuple[str, str]] = (),
        mentee_id: str | None = None,
        session_id: str | None = None,
        tags: Sequence[str] = (),
        flagged_for_supervision: bool = False,
        self_care: d.SelfCareCheck | None = None,
        written_at: datetime | None = None,
    ) -> Changed[d.Reflection]:
        reflection = d.Reflection(
            id=d.new_id(),
            written_at=written_at or self._clock.now(),
            title=title,
            model=model,
            sections=tuple(sections.items()) if isinstance(sections, Mapping) else tuple(sections),
            mentee_id=mentee_id,
            session_id=session_id,
            tags=tuple(tags),
            flagged_for_supervision=flagged_for_supervision,
            self_care=self_care or d.SelfCareCheck(),
        )
        return self.save_reflection(reflection, action="create")

    def save_reflection(
        self, reflection: d.Reflection, *, action: str = "edit"
    ) -> Changed[d.Reflection]:
        """Insert or update. A reflection on a session also belongs to that session's mentee."""
        with self._command(REFLECTION_CHANGES) as command:
            if reflection.session_id is not None:
                note = session_repo.get(command.conn, reflection.session_id)
                if note is None:
                    raise RecordNotFound("That session does not exist.")
                if reflection.mentee_id not in (None, note.mentee_id):
                    raise ValidationError("The session belongs to another mentee.")
                reflection = replace(reflection, mentee_id=note.mentee_id)
            reflection_repo.save(command.conn, reflection, self._clock.now())
            command.audit(action, KIND_REFLECTION, reflection.id)
        return command.done(reflection)

    def get_reflection(self, reflection_id: str) -> d.Reflection:
        found = reflection_repo.get(self._db, reflection_id)
        if found is None:
            raise RecordNotFound("That reflection does not exist.")
        return found

    def list_reflections(
        self,
        *,
        mentee_id: str | None = None,
        flagged_only: bool = False,
        since: date | None = None,
        until: date | None = None,
    ) -> list[d.Reflection]:
        """Newest first; ``since``/``until`` are the mentor's local days, both included."""
        start, end = self._clock.zone.span(since, until)
        return reflection_repo.list_reflections(
            self._db, mentee_id=mentee_id, flagged_only=flagged_only, start=start, end=end
        )

    def delete_reflection(self, reflection_id: str) -> Changed[None]:
        with self._command(REFLECTION_CHANGES) as command:
            reflection_repo.delete(command.conn, reflection_id)
            command.audit("delete", KIND_REFLECTION, reflection_id)
        return command.done(None)
