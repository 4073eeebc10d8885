"""What the vault knows, written the way registers and quick notes write it: a family name
before the given name, an initial after it, a known place by its initials. Invented people."""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Detector, Known
from mentorjournal.anonymise.known_detector import place_acronyms

from .conftest import spans_of


def _found(known: dict[str, object], text: str) -> list[tuple[str, str]]:
    return spans_of(text, Detector(Known.from_dict(known)).find(text))


@pytest.mark.parametrize(
    ("first", "last", "text", "expected"),
    [
        ("Jarrah", "Wilson", "Participant: Jarrah W. (DOB 22/09/2001)", "Jarrah W"),
        ("Karthik", "Subramanian", "Mentee: Karthik S., 41, Plano TX", "Karthik S"),
        ("Hannah", "Price-Morgan", "Student: H. Price-Morgan - Cardiff Met", "H. Price-Morgan"),
        ("Deshawn", "Price", "Price, Deshawn - seen at the hub.", "Price, Deshawn"),
        ("Latoya", "Jenkins", "Member: Jenkins, Latoya R.  Medicaid", "Jenkins, Latoya R"),
    ],
)
def test_initials_and_register_order_belong_to_the_known_name(
    first: str, last: str, text: str, expected: str
) -> None:
    known = {"mentee": {"first_name": first, "last_name": last}}
    assert (expected, "name") in _found(known, text)


def test_a_capital_that_is_not_the_persons_initial_stays() -> None:
    known = {"mentee": {"first_name": "Will", "last_name": "Thornton"}}
    found = _found(known, "Will B said no. The price went up.")
    assert ("Will", "name") in found
    assert ("Will B", "name") not in found
    assert not any(text.lower() == "price" for text, _ in found)


def test_a_contacts_initial_after_a_title_and_given_name() -> None:
    known = {
        "mentee": {"first_name": "Anita", "last_name": "Kowalski"},
        "contacts": [{"name": "Dr Faith Ogunbiyi", "relation": "psychiatrist"}],
    }
    assert ("Dr Faith O", "name") in _found(known, "Under Dr Faith O. since summer.")


@pytest.mark.parametrize(
    ("place", "text", "acronym"),
    [
        ("Manchester Metropolitan University", "Her MMU ID is on the card.", "MMU"),
        ("University of Nottingham", "Mech Eng, yr 4, UoN.", "UoN"),
        ("University of Glasgow", "UofG matric on file.", "UofG"),
        ("NUI Galway", "University of Galway (was NUIG), Nursing.", "NUIG"),
    ],
)
def test_a_known_place_by_its_initials(place: str, text: str, acronym: str) -> None:
    known = {"mentee": {"first_name": "Toby"}, "places": [{"name": place, "type": "university"}]}
    assert (acronym, "organisation") in _found(known, text)


def test_initials_need_three_letters_and_their_capitals() -> None:
    assert place_acronyms("Oakfield Academy") == []  # "OA" says too little
    assert place_acronyms("Pietermaritzburg") == []
    assert place_acronyms("University of Nottingham") == ["UoN", "UofN"]
    known = {"places": [{"name": "Manchester Metropolitan University", "type": "university"}]}
    assert ("mmu", "organisation") not in _found(known, "the mmu of the engine")


def test_a_lower_case_short_form_of_a_known_name_that_is_no_word() -> None:
    known = {"mentee": {"first_name": "Dylan", "last_name": "Roberts"}}
    assert ("dyl", "name") in _found(known, "3/12 - dyl - Bangor Uni (DSA)")
    known = {"mentee": {"first_name": "Alexander", "last_name": "Roberts"}}
    assert _found(known, "the ale was cold and the car too") == []
