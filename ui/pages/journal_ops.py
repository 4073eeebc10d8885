"""The journal calls the pages make, in one place, each run on the worker thread.

Why: views hand ``worker.query``/``worker.command`` a function of the journal; naming those
functions here keeps the views free of facade details and gives one file to adapt if the
``Journal`` API moves. Every function takes the journal first and runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from mentorjournal.changes import Changed
from mentorjournal.domain.caseload import GoalSession
from mentorjournal.domain.cosignature import CoSignature, ReviewRequest
from mentorjournal.domain.cpd import CpdEntry, CpdYearTotal
from mentorjournal.domain.cpd_scheme import CategoryHours, CpdScheme, SchemeProgress
from mentorjournal.domain.goals import Goal, GoalOverview, GoalProgress
from mentorjournal.domain.mentee import Consent, Contact, Mentee, Place, Resource
from mentorjournal.domain.notes import Addendum, NoteSummary, SessionNote
from mentorjournal.domain.plans import CopingPlanVersion, PlanSection
from mentorjournal.domain.reflection import Reflection
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.domain.supervision import AgendaCandidate, SupervisionSession
from mentorjournal.domain.supervision_ledger import (
    SupervisionAgreement,
    SupervisionSignOff,
    SupervisionTarget,
    YearHours,
)
from mentorjournal.domain.timeline import TimelineEntry

if TYPE_CHECKING:  # imported for real by the worker when unlocking (cold start stays bare Qt)
    from mentorjournal.journal import Journal


# -- session notes -----------------------------------------------------------------------------
def new_note(journal: Journal, mentee_id: str) -> Changed[SessionNote]:
    """A draft starting now by the journal's own (injected) clock, to the minute."""
    started_at = journal.clock.now().replace(second=0, microsecond=0)
    return journal.new_note(mentee_id, started_at=started_at)


def save_draft(journal: Journal, note: SessionNote) -> Changed[SessionNote]:
    return journal.save_draft(note)


def sign_note(journal: Journal, note_id: str, late_reason: str = "") -> Changed[SessionNote]:
    return journal.sign_note(note_id, late_reason=late_reason)


def add_addendum(journal: Journal, note_id: str, text: str) -> Changed[Addendum]:
    return journal.add_addendum(note_id, text)


def list_addenda(journal: Journal, note_id: str) -> list[Addendum]:
    return list(journal.addenda(note_id))


@dataclass(frozen=True)
class CosignState:
    """A signed note's supervisor review: the co-signature, the request, whether required."""

    cosignature: CoSignature | None
    request: ReviewRequest | None
    required: bool
    today: date


def cosign_state(journal: Journal, note_id: str) -> CosignState:
    note = journal.get_note(note_id)
    profile = note.header.profile if note.header is not None else None
    return CosignState(
        journal.cosignature(note_id),
        journal.review_request(note_id),
        profile is not None and profile.rules.cosignature_required,
        journal.today(),
    )


def request_review(journal: Journal, note_id: str) -> Changed[ReviewRequest]:
    return journal.request_review(note_id)


def add_cosignature(
    journal: Journal, note_id: str, values: tuple[str, str, date, str]
) -> Changed[CoSignature]:
    """``values``: the dialog's (name, role, date, comment)."""
    name, role, on, comment = values
    return journal.add_cosignature(note_id, name=name, role=role, cosigned_on=on, comment=comment)


def delete_draft(journal: Journal, note_id: str) -> Changed[None]:
    return journal.delete_draft(note_id)


@dataclass(frozen=True)
class OpenedNote:
    note: SessionNote
    addenda: tuple[Addendum, ...]


def open_note(journal: Journal, note_id: str) -> OpenedNote:
    return OpenedNote(journal.get_note(note_id), tuple(journal.addenda(note_id)))


@dataclass(frozen=True)
class SessionsData:
    """What the Sessions tab shows for one mentee: the list and the editor's pickers."""

    sessions: tuple[NoteSummary, ...]
    goals: tuple[GoalOverview, ...]
    coping_items: tuple[str, ...]
    record_settings: RecordSettings = field(default_factory=RecordSettings)
    #: The journal clock's time when this was read: due times are judged against it.
    read_at: datetime | None = None


def sessions_data(journal: Journal, mentee_id: str) -> SessionsData:
    return SessionsData(
        tuple(journal.list_sessions(mentee_id)),
        tuple(list_goals(journal, mentee_id)),
        tuple(coping_items(journal, mentee_id)),
        journal.record_settings(),
        journal.clock.now(),
    )


def record_settings(journal: Journal) -> RecordSettings:
    return journal.record_settings()


def set_record_settings(journal: Journal, settings: RecordSettings) -> Changed[RecordSettings]:
    return journal.set_record_settings(settings)


# -- goals -------------------------------------------------------------------------------------
def list_goals(journal: Journal, mentee_id: str) -> list[GoalOverview]:
    return list(journal.goal_overviews(mentee_id))


def add_progress(journal: Journal, progress: GoalProgress) -> Changed[GoalProgress]:
    return journal.insert_progress(progress)


@dataclass(frozen=True)
class GoalDetail:
    """One goal with its progress (oldest first) and the sessions that worked on it.

    A session worked on a goal when its note lists the goal, or when a progress rating was
    made in it; ``t_history`` is the mentee's GAS T-score after each rating day.
    """

    goal: Goal
    progress: tuple[GoalProgress, ...]
    sessions: tuple[GoalSession, ...] = ()
    t_history: tuple[tuple[date, float], ...] = ()

    @property
    def session_dates(self) -> tuple[date, ...]:
        return tuple(sorted({s.started_at.astimezone().date() for s in self.sessions}))


def goal_detail(journal: Journal, goal_id: str) -> GoalDetail:
    goal = journal.get_goal(goal_id)
    progress = tuple(journal.progress(goal_id))
    sessions = {s.note_id: s for s in journal.goal_sessions(goal_id)}
    for entry in progress:
        if entry.session_id and entry.session_id not in sessions:
            note = journal.get_note(entry.session_id)
            sessions[note.id] = GoalSession(note.id, note.started_at, note.first_line,
                                            note.is_signed)  # fmt: skip
    return GoalDetail(
        goal,
        progress,
        tuple(sorted(sessions.values(), key=lambda s: s.started_at)),
        journal.gas_t_history(goal.mentee_id),
    )


def save_goal(journal: Journal, goal: Goal, *, new: bool) -> Changed[Goal]:
    return journal.insert_goal(goal) if new else journal.update_goal(goal)


def delete_goal(journal: Journal, goal_id: str) -> Changed[None]:
    return journal.delete_goal(goal_id)


def delete_progress(journal: Journal, progress_id: str) -> Changed[None]:
    return journal.delete_progress(progress_id)


# -- coping plans ------------------------------------------------------------------------------
def coping_items(journal: Journal, mentee_id: str) -> list[str]:
    """Every item of the current plan version, in section order (for "items used")."""
    current = journal.current_plan(mentee_id)
    if current is None:
        return []
    return [item for _section, items in current.sections for item in items]


def plan_versions(journal: Journal, mentee_id: str) -> list[CopingPlanVersion]:
    return list(journal.plan_versions(mentee_id))


def save_plan(
    journal: Journal,
    mentee_id: str,
    sections: Sequence[tuple[PlanSection, Sequence[str]]],
    note: str = "",
) -> Changed[CopingPlanVersion]:
    return journal.save_plan(mentee_id, sections, note=note)


# -- people, consent, resources ----------------------------------------------------------------
@dataclass(frozen=True)
class PeopleData:
    mentee: Mentee
    contacts: tuple[Contact, ...]
    places: tuple[Place, ...]
    consents: tuple[Consent, ...]
    today: date


def people_data(journal: Journal, mentee_id: str) -> PeopleData:
    return PeopleData(
        journal.get_mentee(mentee_id),
        tuple(journal.list_contacts(mentee_id)),
        tuple(journal.list_places(mentee_id)),
        tuple(journal.list_consents(mentee_id)),
        journal.today(),
    )


def list_resources(journal: Journal, mentee_id: str) -> list[Resource]:
    return list(journal.list_resources(mentee_id))


# -- reflections and the timeline --------------------------------------------------------------
def mentee_codes(journal: Journal) -> dict[str, str]:
    return {m.id: m.code for m in journal.list_mentees()}


@dataclass(frozen=True)
class ReflectionData:
    reflections: tuple[Reflection, ...]
    timeline: tuple[TimelineEntry, ...]
    codes: dict[str, str]


def reflection_data(
    journal: Journal, mentee_id: str | None, days: int | None, until: date | None = None
) -> ReflectionData:
    """Reflections and the merged timeline, for one mentee or (``None``) for everyone.

    ``days`` limits the period to the last N days by the journal's own clock (``None``: all).
    """
    if days is not None:
        today = journal.today()
        since, until = today - timedelta(days=days), until or today
    else:
        since = None
    codes = mentee_codes(journal)
    timeline = journal.timeline(mentee_id, since=since, until=until)
    reflections = journal.list_reflections(mentee_id=mentee_id, since=since, until=until)
    return ReflectionData(tuple(reflections), tuple(timeline), codes)


def save_reflection(journal: Journal, reflection: Reflection, *, new: bool) -> Changed[Reflection]:
    return journal.save_reflection(reflection, action="create" if new else "edit")


# -- supervision -------------------------------------------------------------------------------
@dataclass(frozen=True)
class LedgerData:
    """The supervision ledger tab: the agreement in force and this year's hours."""

    agreement: SupervisionAgreement | None
    hours: YearHours
    target: SupervisionTarget | None
    today: date


@dataclass(frozen=True)
class SupervisionData:
    candidates: tuple[AgendaCandidate, ...]
    sessions: tuple[SupervisionSession, ...]
    codes: dict[str, str]
    signoffs: dict[str, SupervisionSignOff] = field(default_factory=dict)
    ledger: LedgerData | None = None


def supervision_data(journal: Journal) -> SupervisionData:
    return SupervisionData(
        tuple(journal.agenda_candidates()),
        tuple(journal.list_supervision()),
        mentee_codes(journal),
        journal.supervision_signoffs(),
        LedgerData(
            journal.current_supervision_agreement(),
            journal.supervision_hours(),
            journal.supervision_target(),
            journal.today(),
        ),
    )


def sign_off_supervision(
    journal: Journal, supervision_id: str, name: str, on: date
) -> Changed[SupervisionSignOff]:
    return journal.sign_off_supervision(supervision_id, name=name, signed_on=on)


def save_supervision_agreement(
    journal: Journal, agreement: SupervisionAgreement
) -> Changed[SupervisionAgreement]:
    return journal.save_supervision_agreement(agreement)


# -- CPD ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CpdData:
    entries: tuple[CpdEntry, ...]
    totals: tuple[CpdYearTotal, ...]
    scheme: CpdScheme | None = None
    progress: SchemeProgress | None = None
    by_category: tuple[CategoryHours, ...] = ()
    today: date | None = None


def cpd_data(journal: Journal) -> CpdData:
    """The log, yearly totals, and the scheme's progress on the mentor's local day."""
    today = journal.today()
    progress = journal.cpd_progress(today)
    by_category = journal.cpd_by_category() if progress is None else progress.by_category
    return CpdData(
        tuple(journal.list_cpd()),
        tuple(journal.cpd_totals()),
        journal.cpd_scheme(),
        progress,
        by_category,
        today,
    )


def today(journal: Journal) -> date:
    return journal.today()
