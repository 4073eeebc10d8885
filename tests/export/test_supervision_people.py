"""The summary's people: one person, one label across the whole export, the mentee always theirs."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from mentorjournal.domain import Mentee, SessionNote, new_id
from mentorjournal.export.supervision_summary import (
    Include,
    MenteeMaterial,
    SupervisionMaterial,
    SupervisionOptions,
    build_draft,
)

OPTIONS = SupervisionOptions(
    date(2026, 1, 1), date(2026, 1, 31), include=frozenset({Include.SESSIONS})
)


def _note(mentee: Mentee, day: int, text: str) -> SessionNote:
    return SessionNote(
        id=new_id(),
        mentee_id=mentee.id,
        started_at=datetime(2026, 1, day, 10, 0, tzinfo=UTC),
        sections={"Body": text},
    )


def _labels(text: str) -> set[str]:
    return set(re.findall(r"(?:Person|Friend|Relative|Parent) [A-Z0-9]+", text))


def test_one_unknown_person_named_four_ways_across_notes_has_one_label() -> None:
    mentee = Mentee(id=new_id(), code="M-1", first_name="Tamsin", last_name="Quillfeather")
    notes = (
        _note(mentee, 5, "Tamsin met Jordan Ellery after school."),
        _note(mentee, 12, "Jordan texted twice; Mr Ellery rang the school about Jordan's mood."),
    )
    draft = build_draft(SupervisionMaterial((MenteeMaterial(mentee, sessions=notes),)), OPTIONS)
    text = draft.plain_text()
    assert "Jordan" not in text and "Ellery" not in text
    assert _labels(text) == {"Person A"}, text
    groups = {
        r.group
        for b in draft.blocks
        for r in b.replacements
        if "Jordan" in r.original or "Ellery" in r.original
    }
    assert len(groups) == 1


def test_the_mentees_father_by_title_and_surname_is_not_labelled_as_the_mentee() -> None:
    mentee = Mentee(id=new_id(), code="M-1", first_name="Sam", last_name="Jones")
    notes = (_note(mentee, 5, "Sam said Mr Jones was angry. Sam Jones stayed calm."),)
    text = build_draft(
        SupervisionMaterial((MenteeMaterial(mentee, sessions=notes),)), OPTIONS
    ).plain_text()
    assert "Mr Mentee" not in text
    assert "Mentee A said Mr Relative 1 was angry. Mentee A stayed calm." in text


def test_a_mentee_with_no_recorded_name_is_not_person_a_under_mentee_a() -> None:
    mentee = Mentee(id=new_id(), code="M-1")
    notes = (
        _note(mentee, 5, "Kacper arrived late. Kacper said his friend Zyrah helped."),
        _note(mentee, 12, "Kacper was calmer this week."),
    )
    text = build_draft(
        SupervisionMaterial((MenteeMaterial(mentee, sessions=notes),)), OPTIONS
    ).plain_text()
    assert "Kacper" not in text
    assert "Mentee A arrived late. Mentee A said his friend Friend A helped." in text
    assert "Person A" not in text


def test_the_preferred_name_field_carries_nicknames_to_the_anonymiser() -> None:
    from mentorjournal.export.supervision_summary import split_preferred_names

    assert split_preferred_names("Jo, Jojo; JJ") == ["Jo", "Jojo", "JJ"]
    assert split_preferred_names(None) == [] and split_preferred_names(" , ") == []
    mentee = Mentee(id=new_id(), code="M-1", first_name="Joanna", preferred_name="Jo, Jojo")
    material = MenteeMaterial(mentee)
    known = material.known_dict()["mentee"]
    assert (known["preferred_name"], known["nicknames"]) == ("Jo", ["Jojo"])
    assert "Jojo" in material.identifying_strings()
