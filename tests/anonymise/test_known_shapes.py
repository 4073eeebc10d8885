"""What the vault knows, written in shapes the known rules used to miss: a phone stored with a
foreign country code and written at home without it, a clipped first name that is also a
month ("Dec's", "Dec to ring"), a hurried lower-case clipping before a person's verb, a family
name whose apostrophe became a space, and a known organisation by the short name staff use.
Every person, number and place here is invented; each rule has look-alikes that must stay."""

from __future__ import annotations

from typing import Any

import pytest

from mentorjournal.anonymise import Detector, Known

from .conftest import spans_of


def _found(known: dict[str, Any], text: str) -> list[tuple[str, str]]:
    return spans_of(text, Detector(Known.from_dict(known)).find(text))


@pytest.mark.parametrize(
    ("stored", "written"),
    [
        ("+48 612 340 987", "612 340 987"),
        ("+91 97311 20458", "97311-20458"),
        ("0091 97311 20458", "97311 20458"),
        ("+353 86 412 7730", "086 412 7730"),
    ],
)
def test_a_known_phone_abroad_is_found_without_its_country_code(stored: str, written: str) -> None:
    known = {"mentee": {"first_name": "Zbigniew", "phone": stored}}
    text = f"Check in by text on {written} tomorrow."
    owners = [(text[i.start : i.end], i.who) for i in Detector(Known.from_dict(known)).find(text)]
    assert (written, "mentee") in owners  # the vault's number, so the mentee's pseudonym set


def test_a_helpline_beside_a_known_phone_abroad_stays() -> None:
    known = {"mentee": {"first_name": "Zbigniew", "phone": "+48 612 340 987"}}
    found = _found(known, "Crisis line 116 123 given. SMS on 612 340 987.")
    assert ("612 340 987", "phone") in found
    assert not any("116" in text for text, _ in found)


DECLAN = {"mentee": {"first_name": "Declan", "last_name": "Ferris"}}


@pytest.mark.parametrize(
    "text",
    [
        "Dec's low this week, drinking most nights.",
        "Plan: Dec to ring the housing office before Friday.",
    ],
)
def test_a_clipped_name_that_is_a_month_counts_as_the_person(text: str) -> None:
    assert ("Dec", "name") in _found(DECLAN, text)


@pytest.mark.parametrize(
    "text",
    [
        "Rent arrears from Dec to Feb.",
        "Seen in Dec to review the plan.",
        "Review booked for 3 Dec.",
    ],
)
def test_the_month_dec_stays_a_date_for_a_known_declan(text: str) -> None:
    assert ("Dec", "name") not in _found(DECLAN, text)


def test_a_lower_case_clipping_before_a_persons_verb_is_the_known_name() -> None:
    known = {"mentee": {"first_name": "Rachelle", "last_name": "Quarrie"}}
    text = "rach rang me from the bus stop, upset."
    owners = [(text[i.start : i.end], i.who) for i in Detector(Known.from_dict(known)).find(text)]
    assert ("rach", "mentee") in owners


def test_a_lower_case_dictionary_word_before_a_verb_is_not_a_clipping() -> None:
    known = {"contacts": [{"name": "Penelope Marsh", "relation": "aunt"}]}
    found = _found(known, "the pen was on the desk and the art was up.")
    assert not any(text in ("pen", "art") for text, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("niamh o keeffe, tues, phone call", "niamh o keeffe"),
        ("Saw Niamh O Keeffe at the library.", "Niamh O Keeffe"),
    ],
)
def test_an_apostrophe_name_written_with_a_space_is_covered_whole(text: str, expected: str) -> None:
    known = {"mentee": {"first_name": "Niamh", "last_name": "O'Keeffe"}}
    assert (expected, "name") in _found(known, text)


def test_a_lone_o_before_another_word_stays() -> None:
    known = {"mentee": {"first_name": "Niamh", "last_name": "O'Keeffe"}}
    found = _found(known, "Niamh said o well, Keeffe's fine.")
    assert not any(text.lower().startswith("o ") for text, _ in found)


@pytest.mark.parametrize(
    ("place", "text", "expected"),
    [
        ("Royal Brackenbury Hospital", "the royal brackenbury rang", "royal brackenbury"),
        ("Lantern Gate Veterans' Centre", "we met at lantern gate again.", "lantern gate"),
        ("Whitby Royal", "He was kept in at the Royal overnight.", "the Royal"),
    ],
)  # fmt: skip
def test_a_known_organisation_by_its_short_name(place: str, text: str, expected: str) -> None:
    known = {"mentee": {"first_name": "Kofi"}, "places": [{"name": place, "type": "hospital"}]}
    assert (expected, "organisation") in _found(known, text)


def test_the_one_word_short_name_needs_the_and_no_name_after_it() -> None:
    known = {
        "mentee": {"first_name": "Kofi"},
        "places": [{"name": "Whitby Royal", "type": "hospital"}],
    }
    found = _found(known, "Royal blue jumper. Parcel lost by the Royal Mail.")
    assert ("Royal", "organisation") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Mentee: Tamati "Tom" K.   Age 24', 'Tom" K'),
        ("Consumer: KELLER, ROSALIND M   DOB 01/01/1990", "KELLER, ROSALIND M"),
    ],
)
def test_an_initial_after_a_quoted_nickname_or_in_a_register(text: str, expected: str) -> None:
    for first, nick in (("Tamati", "Tom"), ("Rosalind", "Ros")):
        known = {"mentee": {"first_name": first, "last_name": "Keller", "preferred_name": nick}}
        if first.upper() in text.upper():
            assert (expected, "name") in _found(known, text)


def test_a_capital_word_after_a_register_name_is_not_an_initial() -> None:
    known = {"mentee": {"first_name": "Rosalind", "last_name": "Keller"}}
    found = _found(known, "Seen: KELLER, ROSALIND A lot better today.")
    assert ("KELLER, ROSALIND A", "name") not in found


@pytest.mark.parametrize(
    ("place", "text", "word"),
    [
        (
            "Brackenfield Sixth Form College",
            "Wants to join the Army after Sixth Form.",
            "Sixth Form",
        ),
        ("Oakwood Community School", "He gave back to the Community.", "Community"),
    ],
)
def test_a_generic_part_of_a_known_school_stays(place: str, text: str, word: str) -> None:
    known = {"mentee": {"first_name": "Kofi"}, "places": [{"name": place, "type": "school"}]}
    assert not any(t == word for t, _ in _found(known, text))
