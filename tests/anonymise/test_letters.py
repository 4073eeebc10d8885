"""People written by a letter: a family name's initial after a name, a lone letter as a person.

Each rule with invented examples that fail without it, and the look-alikes that must stay.
"""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Known, find_identifiers


def spans(text: str, known: Known | None = None) -> list[tuple[str, str]]:
    return [
        (text[i.start : i.end], i.category.value) for i in find_identifiers(text, known or Known())
    ]


def covered(text: str, part: str, known: Known | None = None) -> bool:
    start = text.index(part)
    end = start + len(part)
    found = find_identifiers(text, known or Known())
    return all(
        not text[k].isalnum() or any(i.start <= k < i.end for i in found) for k in range(start, end)
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("her friend morag t was there too", "morag t"),
        ("quick call with siobhan k (22), she is sleeping better", "siobhan k"),
        ("Mentee: Gideon W., 17, year 12", "Gideon W."),
        ("Signed off by the mentor: Carys B.", "Carys B."),
        ("her cousin niamh mc is on snap now", "niamh mc"),
    ],
)
def test_a_name_runs_on_over_the_initial_of_its_family_name(text: str, name: str) -> None:
    assert covered(text, name)


def test_a_capital_after_a_name_that_is_no_initial_stays() -> None:
    assert ("Plan", "name") not in spans("Plan B is to ring the GP.")
    text = "gave sam a lift and sam i think was ok"
    found = spans(text, Known.from_dict({"mentee": {"first_name": "Sam"}}))
    assert ("sam a", "name") not in found and ("sam i", "name") not in found
    assert all(t != "x" for t, _ in spans("Told Ruby x we would meet Ward B on Monday."))


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("quick note - met q at the bus station for half an hour", "q"),
        ("Drove to the estate and picked T up from his nan's.", "T"),
        ("Spoke to the head of year. g's mum is worried too.", "g"),
        ("Football with Coach R again; he is a good influence.", "R"),
    ],
)
def test_a_letter_used_as_a_person_is_a_name(text: str, letter: str) -> None:
    found = find_identifiers(text, Known())
    k = text.index(letter, 4 if letter in "qg" else 0)
    assert any(i.start == k and i.end == k + 1 and i.category.value == "name" for i in found)


def test_the_mentees_initial_as_a_person_is_the_mentee() -> None:
    known = Known.from_dict({"mentee": {"first_name": "Wren", "last_name": "Adeyemi"}})
    text = "met w at the library again, she was late"
    found = find_identifiers(text, known)
    assert [(text[i.start : i.end], i.who) for i in found] == [("w", "mentee")]


@pytest.mark.parametrize(
    "text",
    [
        "I met a friend at the gym and saw A&E staff later.",
        "He got a D in maths; called the school at 3.",
        "Took X-ray results to the GP, then met I think the nurse.",
        "Plan B was agreed. Vitamin D was low.",
        "Rated anxiety 6/10. Saw the GP, B/P normal.",
        "S: Sleeping better. O: calm. A: engaged. P: meet next week.",
        "Busy week at school. D says the bus is the problem.",
    ],
)
def test_letters_that_are_not_people_stay(text: str) -> None:
    assert [t for t, c in spans(text) if len(t) == 1] == []


def test_a_lower_case_name_given_with_an_age_and_its_other_mentions() -> None:
    text = (
        "mentor notes - sat 5th\nfern (14), youth club.\nfern was quiet at first. "
        "fern's nan rang later and said fern can stay with her. Planted fern seeds in the garden."
    )
    found = find_identifiers(text, Known())
    names = [i.start for i in found if text[i.start : i.end] == "fern"]
    assert len(names) == 4
    assert text.rindex("fern") not in names  # the plant stays


def test_a_lower_case_plural_with_a_count_stays() -> None:
    assert spans("kids (3) all at the same school. meds (2) reviewed.") == []
