"""A small synthetic caseload in a real vault, for the supervision export tests (no real people)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from mentorjournal.domain import (
    AgendaItem,
    Contact,
    ContactRole,
    Mentee,
    NoteTemplate,
    Place,
    PlaceKind,
    SupervisionFunction,
    SupervisionSession,
    new_id,
)
from mentorjournal.journal import Journal
from tests.fixtures.journal_fixtures import make_mentee, make_note

PERIOD = (date(2026, 1, 1), date(2026, 1, 31))


@dataclass(frozen=True)
class Caseload:
    first: Mentee
    second: Mentee
    strings: dict[str, list[str]]  # every identifying string the vault holds, per mentee code


def seed_caseload(journal: Journal) -> Caseload:
    first = make_mentee(
        journal,
        "M-901",
        first_name="Tamsin",
        last_name="Quillfeather",
        preferred_name="Tam",
        date_of_birth=date(2008, 4, 17),
        phone="07700 900321",
        email="tamq@example.org",
    )
    journal.save_contact(
        Contact(
            id=new_id(),
            mentee_id=first.id,
            name="Morwenna Quillfeather",
            role=ContactRole.PARENT,
            relation="mother",
            phone="07700 900555",
        )
    )
    journal.save_contact(
        Contact(
            id=new_id(),
            mentee_id=first.id,
            name="Oswin Trelawny",
            role=ContactRole.FRIEND,
            relation="friend",
        )
    )
    journal.save_place(
        Place(id=new_id(), mentee_id=first.id, name="Brackenford", kind=PlaceKind.TOWN)
    )
    journal.save_place(
        Place(id=new_id(), mentee_id=first.id, name="Harrowgate Academy", kind=PlaceKind.SCHOOL)
    )
    make_note(
        journal,
        first,
        started_at=datetime(2026, 1, 5, 16, 0, tzinfo=UTC),
        template=NoteTemplate.SOAP,
        sections={
            "Subjective": "Tam said her mum Morwenna was worried. Tamsin's week at Harrowgate Academy was hard.",
            "Plan": "Tam will ring 07700 900321 back on 15th January; walk in Brackenford.",
        },
        mood_before=3,
        mood_after=6,
    )
    make_note(
        journal,
        first,
        started_at=datetime(2026, 1, 12, 16, 0, tzinfo=UTC),
        text="TAMSIN met Oswin after school. Morwenna's text said she is 17 now; email tamq@example.org.",
        sign=True,
    )
    make_note(
        journal,
        first,
        started_at=datetime(2026, 1, 19, 16, 0, tzinfo=UTC),
        text="quillfeather family calm. tam and morwenna cooked together; anxiety 4/10, used grounding.",
        risk_flag=True,
        risk_followup="Safety plan reviewed with Tam.",
    )
    goal = journal.add_goal(first.id, "I want to get back to Harrowgate Academy full time").value
    journal.add_progress(goal.id, on=date(2026, 1, 19), gas_level=-1, note="Tam went in two days.")
    journal.add_reflection(
        "Working with Tam",
        sections={"Reflection": "I felt protective when Morwenna phoned me."},
        mentee_id=first.id,
        flagged_for_supervision=True,
        written_at=datetime(2026, 1, 20, 9, 0, tzinfo=UTC),
    )

    second = make_mentee(journal, "M-902", first_name="Ignatius", last_name="Pemberthy")
    journal.save_contact(
        Contact(
            id=new_id(),
            mentee_id=second.id,
            name="Delphine Pemberthy",
            role=ContactRole.SIBLING,
            relation="sister",
        )
    )
    make_note(
        journal,
        second,
        started_at=datetime(2026, 1, 8, 10, 0, tzinfo=UTC),
        text="Ignatius talked about Delphine and his job. Pemberthy family moving.",
    )
    journal.add_reflection(
        "My own boundaries",
        sections={"Reflection": "I stayed late again; I need to protect my evenings."},
        flagged_for_supervision=True,
        written_at=datetime(2026, 1, 21, 9, 0, tzinfo=UTC),
    )
    journal.save_supervision(
        SupervisionSession(
            id=new_id(),
            held_on=date(2026, 1, 28),
            supervisor="Supervisor",
            agenda=(
                AgendaItem(
                    id=new_id(),
                    question="How do I hold boundaries when Tam's mum calls me?",
                    function=SupervisionFunction.NORMATIVE,
                ),
            ),
        )
    )
    return Caseload(
        first=first,
        second=second,
        strings={
            "M-901": [
                "Tamsin",
                "Quillfeather",
                "Tam",
                "2008-04-17",
                "07700 900321",
                "07700900321",
                "tamq@example.org",
                "Morwenna",
                "07700 900555",
                "Oswin",
                "Trelawny",
                "Brackenford",
                "Harrowgate",
            ],
            "M-902": ["Ignatius", "Pemberthy", "Delphine"],
        },
    )
