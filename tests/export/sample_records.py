"""Synthetic records (never real people) shared by the export tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from mentorjournal.domain import (
    Addendum,
    Consent,
    Contact,
    ContactRole,
    CopingPlanVersion,
    Goal,
    GoalProgress,
    GoalStep,
    Mentee,
    NoteTemplate,
    Place,
    PlaceKind,
    PlanSection,
    Resource,
    SessionNote,
    new_id,
)
from mentorjournal.export.mentee_record import MenteeRecord


def plan_version(extra_items: int = 0) -> CopingPlanVersion:
    return CopingPlanVersion(
        id=new_id(),
        mentee_id=new_id(),
        version=3,
        saved_at=datetime(2026, 3, 5, 10, 0, tzinfo=UTC),
        sections={
            PlanSection.WARNING_SIGNS: ["Not sleeping", "Staying in my room all day"]
            + [f"Extra warning sign number {n} that goes on a while" for n in range(extra_items)],
            PlanSection.SELF_COPING: ["Walk by the river", "5-4-3-2-1 grounding"],
            PlanSection.SOCIAL_DISTRACTION: ["The library café"],
            PlanSection.PEOPLE_TO_ASK: ["Aunt Jo — 07700 900123"],
            PlanSection.PROFESSIONALS: ["Samaritans — 116 123 (free, any time)", "NHS 111"],
            PlanSection.SAFER_ENVIRONMENT: ["Ask Jo to keep my tablets"],
            PlanSection.WHAT_MATTERS: ["My little sister"],
        },
    )


def mentee_record() -> MenteeRecord:
    mentee = Mentee(
        id=new_id(),
        code="M-901",
        first_name="Tamsin",
        last_name="Quillfeather",
        preferred_name="Tam",
        date_of_birth=date(2008, 4, 17),
        phone="07700 900321",
        email="tam.q@example.org",
        started_on=date(2026, 1, 6),
    )
    note1 = SessionNote(
        id=new_id(),
        mentee_id=mentee.id,
        started_at=datetime(2026, 1, 12, 16, 0, tzinfo=UTC),
        template=NoteTemplate.SOAP,
        sections={"Subjective": "Tam said the week was *hard*.", "Plan": "Try the walk."},
        mood_before=3,
        mood_after=5,
        next_actions="Check in about college.",
    )
    note2 = SessionNote(
        id=new_id(),
        mentee_id=mentee.id,
        started_at=datetime(2026, 1, 19, 16, 0, tzinfo=UTC),
        sections={"Body": "Quieter session; grounding helped."},
        risk_flag=True,
        risk_followup="Safety plan reviewed together.",
    )
    addendum = Addendum(
        id=new_id(),
        note_id=note1.id,
        seq=1,
        written_at=datetime(2026, 1, 13, 9, 0, tzinfo=UTC),
        text="Correction: the walk was her idea.",
        prev_hash="a" * 64,
        hash="b" * 64,
    )
    goal = Goal(
        id=new_id(),
        mentee_id=mentee.id,
        mentee_words="I want to get back to college",
        specific="Attend two classes a week",
        time_bound=date(2026, 6, 1),
        gas_levels=((0, "Two classes a week"), (1, "Three classes a week")),
        steps=(GoalStep(id=new_id(), text="Email the tutor", done=True),),
    )
    progress = GoalProgress(
        id=new_id(), goal_id=goal.id, on=date(2026, 1, 19), gas_level=-1, note="One class"
    )
    return MenteeRecord(
        mentee=mentee,
        contacts=(
            Contact(
                id=new_id(),
                mentee_id=mentee.id,
                name="Morwenna Quillfeather",
                role=ContactRole.PARENT,
                relation="mother",
                phone="07700 900555",
            ),
        ),
        places=(Place(id=new_id(), mentee_id=mentee.id, name="Brackenford", kind=PlaceKind.TOWN),),
        consents=(
            Consent(
                id=new_id(),
                mentee_id=mentee.id,
                what="Share notes with GP",
                with_whom="GP",
                given_on=date(2026, 1, 6),
            ),
        ),
        resources=(
            Resource(id=new_id(), mentee_id=mentee.id, name="Youth counselling", kind="service"),
        ),
        sessions=(note2, note1),
        addenda={note1.id: (addendum,)},
        goals=(goal,),
        progress={goal.id: (progress,)},
        coping_plan=plan_version(),
    )
