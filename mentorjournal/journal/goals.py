"""Goals in the mentee's own words, their progress, and the GAS T-score over them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.errors import RecordNotFound
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import goals as goal_repo
from mentorjournal.storage.codec import KIND_GOAL, KIND_PROGRESS

GOAL_CHANGES = Changes(goals=True, search=True)


class Goals(JournalBase):
    """Set, edit and rate goals."""

    def add_goal(
        self,
        mentee_id: str,
        mentee_words: str,
        *,
        specific: str = "",
        measurable: str = "",
        achievable: str = "",
        relevant: str = "",
        time_bound: date | None = None,
        gas_levels: Mapping[int, str] | Sequence[tuple[int, str]] = (),
        steps: Sequence[d.GoalStep] = (),
    ) -> Changed[d.Goal]:
        """A new active goal in the mentee's own words, SMART fields and GAS levels optional."""
        levels = tuple(gas_levels.items()) if isinstance(gas_levels, Mapping) else gas_levels
        goal = d.Goal(
            id=d.new_id(),
            mentee_id=mentee_id,
            mentee_words=mentee_words,
            specific=specific,
            measurable=measurable,
            achievable=achievable,
            relevant=relevant,
            time_bound=time_bound,
            gas_levels=tuple(levels),
            steps=tuple(steps),
        )
        return self.insert_goal(goal)

    def insert_goal(self, goal: d.Goal) -> Changed[d.Goal]:
        with self._command(GOAL_CHANGES) as command:
            goal_repo.insert(command.conn, goal, self._clock.now())
            command.audit("create", KIND_GOAL, goal.id)
        return command.done(goal)

    def update_goal(self, goal: d.Goal) -> Changed[d.Goal]:
        """Save the whole goal (fields, status, steps ticked or added)."""
        with self._command(GOAL_CHANGES) as command:
            goal_repo.update(command.conn, goal, self._clock.now())
            command.audit("edit", KIND_GOAL, goal.id)
        return command.done(goal)

    def get_goal(self, goal_id: str) -> d.Goal:
        goal = goal_repo.get(self._db, goal_id)
        if goal is None:
            raise RecordNotFound("That goal does not exist.")
        return goal

    def list_goals(self, mentee_id: str) -> list[d.Goal]:
        return goal_repo.list_goals(self._db, mentee_id)

    def goal_overviews(self, mentee_id: str) -> list[d.GoalOverview]:
        """Each goal with its latest progress, for list views."""
        return goal_repo.overviews(self._db, mentee_id)

    def delete_goal(self, goal_id: str) -> Changed[None]:
        with self._command(GOAL_CHANGES) as command:
            goal_repo.delete(command.conn, goal_id)
            command.audit("delete", KIND_GOAL, goal_id)
        return command.done(None)

    def add_progress(
        self,
        goal_id: str,
        *,
        on: date | None = None,
        gas_level: int | None = None,
        percent: int | None = None,
        note: str = "",
        session_id: str | None = None,
    ) -> Changed[d.GoalProgress]:
        entry = d.GoalProgress(
            id=d.new_id(),
            goal_id=goal_id,
            on=on or self.today(),
            gas_level=gas_level,
            percent=percent,
            note=note,
            session_id=session_id,
        )
        return self.insert_progress(entry)

    def insert_progress(self, entry: d.GoalProgress) -> Changed[d.GoalProgress]:
        with self._command(GOAL_CHANGES) as command:
            goal = goal_repo.get(command.conn, entry.goal_id)
            if goal is None:
                raise RecordNotFound("That goal does not exist.")
            goal_repo.insert_progress(command.conn, entry, goal.mentee_id, self._clock.now())
            command.audit("create", KIND_PROGRESS, entry.id)
        return command.done(entry)

    def delete_progress(self, progress_id: str) -> Changed[None]:
        with self._command(GOAL_CHANGES) as command:
            goal_repo.delete_progress(command.conn, progress_id)
            command.audit("delete", KIND_PROGRESS, progress_id)
        return command.done(None)

    def goal_of_progress(self, progress_id: str) -> str | None:
        """The id of the goal a progress entry belongs to (``None``: no such entry)."""
        return goal_repo.goal_of_progress(self._db, progress_id)

    def progress(self, goal_id: str) -> list[d.GoalProgress]:
        """A goal's progress entries, oldest first (for the chart)."""
        return goal_repo.list_progress(self._db, goal_id)

    def gas_t_score(self, mentee_id: str) -> float | None:
        """Kiresuk-Sherman T over the latest GAS rating of each goal (``None``: nothing rated)."""
        ratings: list[tuple[int, float]] = []
        for overview in self.goal_overviews(mentee_id):
            rated = [p for p in self.progress(overview.goal.id) if p.gas_level is not None]
            if rated and rated[-1].gas_level is not None:
                ratings.append((rated[-1].gas_level, float(overview.goal.weight)))
        return d.gas_t_score(ratings)
