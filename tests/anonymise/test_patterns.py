"""Structured identifiers: every listed format is found, validation rejects look-alikes, kept terms stay."""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Detector, Known
from mentorjournal.anonymise.patterns import nhs_checksum_ok

from .conftest import spans_of

EMPTY = Detector(Known())


def found(text: str) -> list[tuple[str, str]]:
    return spans_of(text, EMPTY.find(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seen on 11/09/2025 at home", "11/09/2025"),
        ("seen on 15th November at home", "15th November"),
        ("seen on 7th of August at home", "7th of August"),
        ("seen on 2025-03-04 at home", "2025-03-04"),
        ("seen on March 3rd at home", "March 3rd"),
        ("seen on 3 March 2025 at home", "3 March 2025"),
        ("seen on November 15, 2025 at home", "November 15, 2025"),
        ("seen on 4.12.25 at home", "4.12.25"),
        ("seen in March 2025 for the review", "March 2025"),
        ("review on the 15th with the team", "the 15th"),
        ("seen 3rd march, lower case", "3rd march"),
    ],
)
def test_dates_in_every_listed_format_are_found(text: str, expected: str) -> None:
    assert (expected, "date") in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she is aged 16 and", "16"),
        ("a 16-year-old lad", "16"),
        ("she's 16, and", "16"),
        ("age 16 at referral", "16"),
        ("is 17 years old now", "17"),
        ("Sam (15) came", "15"),
        ("he turned 18 last week", "18"),
    ],
)
def test_ages_are_found(text: str, expected: str) -> None:
    assert (expected, "age") in found(text)


@pytest.mark.parametrize(
    "phone",
    ["07700 900123", "07700900123", "+44 7700 900123", "0161 496 0000", "(0113) 496 0123", "(212) 555-0147",
     "212-555-0147", "+1 212 555 0147", "+33 6 12 34 56 78"],
)  # fmt: skip
def test_phone_numbers_uk_us_and_international(phone: str) -> None:
    assert (phone, "phone") in found(f"call her on {phone}. thanks")


def test_nhs_number_checksum_is_validated() -> None:
    assert nhs_checksum_ok("9434765919")
    assert not nhs_checksum_ok("9434765918")
    assert ("943 476 5919", "id_number") in found("NHS no 943 476 5919.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NI number AB 12 34 56 C.", "AB 12 34 56 C"),
        ("NI AB123456C", "AB123456C"),
        ("SSN 078-05-1120 on file", "078-05-1120"),
        ("case ref CR-22914 opened", "CR-22914"),
        ("MRN 4456712 at the hospital", "4456712"),
        ("hospital number RX100234", "RX100234"),
    ],
)
def test_id_numbers(text: str, expected: str) -> None:
    assert (expected, "id_number") in found(text)


def test_invalid_ni_prefix_and_ssn_area_are_not_ids() -> None:
    assert not [f for f in found("code GB 12 34 56 A and 666-12-3456") if f[1] == "id_number"]


@pytest.mark.parametrize(
    ("text", "expected", "category"),
    [
        ("email sam.b@example.com today", "sam.b@example.com", "email"),
        ("see https://www.example.org/page?id=3 now", "https://www.example.org/page?id=3", "url"),
        ("see www.example.co.uk.", "www.example.co.uk", "url"),
        ("follow @sammy_b09 there", "@sammy_b09", "handle"),
        ("her insta is sammyb_09.", "sammyb_09", "handle"),
        ("lives at 14 Harper Road with", "14 Harper Road", "address"),
        ("Flat 2, 14 Harper Road", "Flat 2, 14 Harper Road", "address"),
        ("postcode LS6 2AB.", "LS6 2AB", "postcode"),
        ("lower case m14 5rt postcode", "m14 5rt", "postcode"),
        ("Springfield, IL 62704.", "62704", "zip"),
        ("zip code 90210", "90210", "zip"),
    ],
)
def test_contact_and_location_shapes(text: str, expected: str, category: str) -> None:
    assert (expected, category) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "anxiety 8/10, PHQ-9 of 14, GAD-7 12",
        "sertraline 50mg and fluoxetine 20 mg",
        "Year 11, scored 12345 points in the game",  # five digits but no state or ZIP cue
        "paid £20 and $40 for the trip",
        "NHS 111 or 999 or call 988",
        "in two weeks, last Tuesday, next week",
        "the 5-4-3-2-1 grounding exercise",
        "she slept 7 hours, 3 times a week",
    ],
)
def test_scores_doses_money_and_services_are_not_identifiers(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected", "category"),
    [
        ("she is aged sixteen now", "sixteen", "age"),
        ("a fifteen-year-old lad", "fifteen", "age"),
        ("call 0044 7700 900123 today", "0044 7700 900123", "phone"),
        ("call +44 (0)7700 900123 today", "+44 (0)7700 900123", "phone"),
        ("see linktr.ee/sam_b for links", "linktr.ee/sam_b", "url"),
        ("met Tues 14th at noon", "Tues 14th at noon", "date"),
        ("letter dated 3/4 arrived", "3/4", "date"),
    ],
)
def test_more_forms_seen_in_notes(text: str, expected: str, category: str) -> None:
    assert (expected, category) in found(text)


@pytest.mark.parametrize(
    ("text", "expected", "category"),
    [
        ("NI number QQ 12 34 56 C today", "QQ 12 34 56 C", "id_number"),
        ("she is sam_b09 on insta", "sam_b09", "handle"),
        ("NHS 4857773456 on the letter", "4857773456", "id_number"),
    ],
)
def test_ids_by_cue_and_handles_before_the_platform(
    text: str, expected: str, category: str
) -> None:
    assert (expected, category) in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lives on the Holmewood Estate now", [("Holmewood Estate", "address")]),
        ("bakery on Orchard Way today", [("Orchard Way", "address")]),
        ("My Safe Place is the beach. Sunday Walk with Nan. The Long Way round.", []),
    ],
)
def test_street_names_without_a_number_need_a_street_word_or_a_cue(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected
