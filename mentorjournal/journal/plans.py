"""Coping plans: every save is a new version; earlier versions are never changed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.errors import RecordNotFound, ValidationError
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import mentees as mentee_repo
from mentorjournal.storage import plans as plan_repo
from mentorjournal.storage.codec import KIND_PLAN

PLAN_CHANGES = Changes(plans=True, search=True)


class Plans(JournalBase):
    """Save and read coping-plan versions."""

    def save_plan(
        self,
        mentee_id: str,
        sections: Mapping[d.PlanSection, Sequence[str]]
        | Sequence[tuple[d.PlanSection, Sequence[str]]],
        *,
        note: str = "",
    ) -> Changed[d.CopingPlanVersion]:
        """Save the plan as a new version (earlier versions are kept unchanged)."""
        with self._command(PLAN_CHANGES) as command:
            if mentee_repo.get(command.conn, mentee_id) is None:
                raise RecordNotFound("That mentee does not exist.")
            version = d.CopingPlanVersion(
                id=d.new_id(),
                mentee_id=mentee_id,
                version=plan_repo.next_version_number(command.conn, mentee_id),
                saved_at=self._clock.now(),
                sections=d.normalise_plan_sections(sections),
                note=note,
            )
            plan_repo.insert(command.conn, version)
            command.audit("create", KIND_PLAN, version.id)
        return command.done(version)

    def insert_plan_version(self, version: d.CopingPlanVersion) -> Changed[d.CopingPlanVersion]:
        """Store a ready-made version (JSON import); its number must be the next one."""
        with self._command(PLAN_CHANGES) as command:
            if version.version != plan_repo.next_version_number(command.conn, version.mentee_id):
                raise ValidationError("Plan versions must be imported in order.")
            plan_repo.insert(command.conn, version)
            command.audit("create", KIND_PLAN, version.id)
        return command.done(version)

    def plan(self, mentee_id: str) -> d.CopingPlan:
        """Every version, oldest first; ``.current`` is the latest."""
        return d.CopingPlan(mentee_id, tuple(plan_repo.list_versions(self._db, mentee_id)))

    def plan_versions(self, mentee_id: str) -> list[d.CopingPlanVersion]:
        return plan_repo.list_versions(self._db, mentee_id)

    def plan_version(self, mentee_id: str, version: int) -> d.CopingPlanVersion:
        found = plan_repo.get_version(self._db, mentee_id, version)
        if found is None:
            raise RecordNotFound(f"The plan has no version {version}.")
        return found

    def current_plan(self, mentee_id: str) -> d.CopingPlanVersion | None:
        return plan_repo.current(self._db, mentee_id)
