"""Properties of the drafted summary on synthetic material (no vault needed, so many cases run)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorjournal.domain import Contact, ContactRole, Mentee, SessionNote, new_id
from mentorjournal.export.supervision_summary import (
    Include,
    MenteeMaterial,
    SupervisionMaterial,
    SupervisionOptions,
    build_draft,
    known_leaks,
)

FIRST = ["Tamsin", "Oriel", "Caspian", "Wrenna", "Idris", "Saoirse", "Bartholomew", "Lowenna"]
LAST = ["Quillfeather", "Pemberthy", "Ashcombe", "Trevithick", "Hollingsworth"]
OPTIONS = SupervisionOptions(
    date(2026, 1, 1), date(2026, 1, 31), include=frozenset({Include.SESSIONS})
)


def _variants(name: str) -> list[str]:
    return [name, name.lower(), name.upper(), f"{name}'s", f"{name.lower()}’s"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    first=st.sampled_from(FIRST),
    last=st.sampled_from(LAST),
    parent=st.sampled_from(FIRST),
    forms=st.lists(st.integers(0, 4), min_size=2, max_size=4),
)
def test_a_known_name_in_any_case_or_possessive_never_survives(
    first: str, last: str, parent: str, forms: list[int]
) -> None:
    if parent == first:
        return
    mentee = Mentee(id=new_id(), code="M-100", first_name=first, last_name=last)
    mum = Contact(
        id=new_id(),
        mentee_id=mentee.id,
        name=f"{parent} {last}",
        role=ContactRole.PARENT,
        relation="mother",
    )
    notes = tuple(
        SessionNote(
            id=new_id(),
            mentee_id=mentee.id,
            started_at=datetime(2026, 1, 5 + 7 * i, 15, 0, tzinfo=UTC),
            sections={
                "Body": f"talked with {_variants(first)[f]} about {_variants(parent)[f]} and the {last} family."
            },
        )
        for i, f in enumerate(forms)
    )
    material = SupervisionMaterial((MenteeMaterial(mentee, contacts=(mum,), sessions=notes),))
    draft = build_draft(material, OPTIONS)
    text = draft.plain_text()
    for name in (first, last, parent):
        assert not re.search(rf"\b{name}", text, re.IGNORECASE), (name, text)
    assert known_leaks(draft) == []
    # Consistent: every session says the same pseudonyms.
    for block in draft.blocks:
        if block.original.startswith("talked with"):
            assert "Mentee A" in block.text and "Parent 1" in block.text


def test_two_mentees_mothers_get_different_labels() -> None:
    one = Mentee(id=new_id(), code="M-1", first_name="Oriel")
    two = Mentee(id=new_id(), code="M-2", first_name="Idris")
    mum_one = Contact(
        id=new_id(), mentee_id=one.id, name="Wrenna", role=ContactRole.PARENT, relation="mother"
    )
    mum_two = Contact(
        id=new_id(), mentee_id=two.id, name="Saoirse", role=ContactRole.PARENT, relation="mother"
    )

    def note(mentee: Mentee, text: str) -> SessionNote:
        return SessionNote(
            id=new_id(),
            mentee_id=mentee.id,
            started_at=datetime(2026, 1, 6, 10, 0, tzinfo=UTC),
            sections={"Body": text},
        )

    material = SupervisionMaterial(
        (
            MenteeMaterial(
                one, contacts=(mum_one,), sessions=(note(one, "Oriel and Wrenna argued."),)
            ),
            MenteeMaterial(
                two, contacts=(mum_two,), sessions=(note(two, "Idris said Saoirse helped."),)
            ),
        )
    )
    text = build_draft(material, OPTIONS).plain_text()
    assert "Mentee A and Parent 1 argued." in text
    assert "Mentee B said Parent 2 helped." in text
