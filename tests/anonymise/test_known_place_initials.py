"""A known place by its initials up to its kind of place: "FNPH", "VAMC" (invented places).

A hospital named with its town after it, or a national network's capitals inside its name, goes
by the initials of the words up to its kind ("Federal Neuro-Psychiatric Hospital Yaba" -> FNPH).
"""

from __future__ import annotations

from mentorjournal.anonymise import Known, find_identifiers
from mentorjournal.anonymise.known_detector import place_acronyms


def spans(text: str, known: Known | None = None) -> list[tuple[str, str]]:
    return [
        (text[i.start : i.end], i.category.value) for i in find_identifiers(text, known or Known())
    ]


def test_a_known_places_initials_up_to_its_kind_of_place() -> None:
    assert "FNPH" in place_acronyms("Federal Neuro-Psychiatric Hospital Yaba")
    assert "VAMC" in place_acronyms("Rocky Mountain Regional VA Medical Center")
    known = Known.from_dict(
        {"places": [{"name": "Bayview Neuro-Rehab Hospital Kilcoole", "type": "hospital"}]}
    )
    assert ("BNRH", "organisation") in spans("Discharged from BNRH on Monday.", known)


def test_initials_of_a_known_place_start_at_its_first_word_or_a_word_in_capitals() -> None:
    assert "UH" not in place_acronyms("University Hospital Galway")  # two letters say too little
    assert "NPH" not in place_acronyms("Federal Neuro-Psychiatric Hospital Yaba")
    known = Known.from_dict({"places": [{"name": "Federal Neuro-Psychiatric Hospital Yaba"}]})
    assert spans("Takes NPH insulin 10 units at night.", known) == []
