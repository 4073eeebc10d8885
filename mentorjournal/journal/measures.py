"""Outcome measures: PHQ-9 and GAD-7 results, the mentee's own scales, risk follow-ups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.domain.measures import (
    Instrument,
    MeasureResult,
    RiskFollowUp,
    RiskSource,
    ScaleRating,
    TrackedScale,
)
from mentorjournal.errors import RecordNotFound
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import measures as measure_repo
from mentorjournal.storage import mentees as mentee_repo

KIND_MEASURE = "measure"
KIND_SCALE = "scale"
KIND_RATING = "scale_rating"
KIND_FOLLOWUP = "risk_followup"
MEASURE_CHANGES = Changes(measures=True)
FOLLOWUP_CHANGES = Changes(measures=True, supervision=True)
RISK_REASON = "PHQ-9 item 9 answered above 0: talk it through and review the coping plan."


class Measures(JournalBase):
    """Record questionnaires and ratings; open and close risk follow-ups."""

    def add_measure(
        self,
        mentee_id: str,
        instrument: Instrument,
        answers: tuple[int, ...] | list[int],
        *,
        on: date | None = None,
        session_id: str | None = None,
    ) -> Changed[MeasureResult]:
        """Store a completed questionnaire. PHQ-9 item 9 above 0 also opens a risk follow-up
        in the same transaction: the conversation it calls for must not be forgotten."""
        result = MeasureResult(
            id=d.new_id(),
            mentee_id=mentee_id,
            instrument=instrument,
            taken_on=on or self.today(),
            answers=tuple(answers),
            session_id=session_id,
        )
        return self.insert_measure(result)

    def insert_measure(self, result: MeasureResult) -> Changed[MeasureResult]:
        changes = FOLLOWUP_CHANGES if result.calls_for_risk_conversation else MEASURE_CHANGES
        with self._command(changes) as command:
            if mentee_repo.get(command.conn, result.mentee_id) is None:
                raise RecordNotFound("That mentee does not exist.")
            measure_repo.insert_measures(command.conn, [result], self._clock.now())
            command.audit("create", KIND_MEASURE, result.id)
            if result.calls_for_risk_conversation:
                followup = RiskFollowUp(
                    id=d.new_id(),
                    mentee_id=result.mentee_id,
                    opened_at=self._clock.now(),
                    reason=RISK_REASON,
                    source_kind=RiskSource.MEASURE,
                    source_id=result.id,
                )
                measure_repo.insert_followups(command.conn, [followup])
                command.audit("create", KIND_FOLLOWUP, followup.id)
        return command.done(result)

    def measures(self, mentee_id: str, instrument: Instrument | None = None) -> list[MeasureResult]:
        """A mentee's questionnaire results, oldest first."""
        return measure_repo.list_measures(self._db, mentee_id, instrument)

    def delete_measure(self, measure_id: str) -> Changed[None]:
        with self._command(MEASURE_CHANGES) as command:
            measure_repo.delete_measure(command.conn, measure_id)
            command.audit("delete", KIND_MEASURE, measure_id)
        return command.done(None)

    # --- the mentee's own 0-10 scales ----------------------------------------------------

    def save_scale(self, scale: TrackedScale) -> Changed[TrackedScale]:
        with self._command(MEASURE_CHANGES) as command:
            existed = measure_repo.get_scale(command.conn, scale.id) is not None
            measure_repo.save_scale(command.conn, scale, self._clock.now())
            command.audit("edit" if existed else "create", KIND_SCALE, scale.id)
        return command.done(scale)

    def add_scale(
        self, mentee_id: str, name: str, *, low_label: str = "", high_label: str = ""
    ) -> Changed[TrackedScale]:
        return self.save_scale(TrackedScale(d.new_id(), mentee_id, name, low_label, high_label))

    def scales(self, mentee_id: str) -> list[TrackedScale]:
        return measure_repo.list_scales(self._db, mentee_id)

    def delete_scale(self, scale_id: str) -> Changed[None]:
        with self._command(MEASURE_CHANGES) as command:
            measure_repo.delete_scale(command.conn, scale_id)
            command.audit("delete", KIND_SCALE, scale_id)
        return command.done(None)

    def rate_scale(
        self, scale_id: str, value: int, *, on: date | None = None
    ) -> Changed[ScaleRating]:
        rating = ScaleRating(d.new_id(), scale_id, on or self.today(), value)
        with self._command(MEASURE_CHANGES) as command:
            scale = measure_repo.get_scale(command.conn, scale_id)
            if scale is None:
                raise RecordNotFound("That scale does not exist.")
            measure_repo.insert_ratings(
                command.conn, [(rating, scale.mentee_id)], self._clock.now()
            )
            command.audit("create", KIND_RATING, rating.id)
        return command.done(rating)

    def scale_ratings(self, scale_id: str) -> list[ScaleRating]:
        return measure_repo.list_ratings(self._db, scale_id)

    # --- risk follow-ups -----------------------------------------------------------------

    def open_followup(
        self,
        mentee_id: str,
        reason: str,
        *,
        source_kind: RiskSource = RiskSource.OTHER,
        source_id: str | None = None,
    ) -> Changed[RiskFollowUp]:
        followup = RiskFollowUp(
            d.new_id(), mentee_id, self._clock.now(), reason, source_kind, source_id
        )
        with self._command(FOLLOWUP_CHANGES) as command:
            measure_repo.insert_followups(command.conn, [followup])
            command.audit("create", KIND_FOLLOWUP, followup.id)
        return command.done(followup)

    def close_followup(self, followup_id: str, outcome: str) -> Changed[RiskFollowUp]:
        """Close with what was done; the outcome is kept with the follow-up."""
        with self._command(FOLLOWUP_CHANGES) as command:
            found = measure_repo.get_followup(command.conn, followup_id)
            if found is None:
                raise RecordNotFound("That follow-up does not exist.")
            closed = replace(found, closed_at=self._clock.now(), outcome=outcome)
            measure_repo.close_followup(command.conn, followup_id, self._clock.now(), outcome)
            command.audit("edit", KIND_FOLLOWUP, followup_id)
        return command.done(closed)

    def followups(
        self, *, mentee_id: str | None = None, open_only: bool = False
    ) -> list[RiskFollowUp]:
        return measure_repo.list_followups(self._db, mentee_id=mentee_id, open_only=open_only)
