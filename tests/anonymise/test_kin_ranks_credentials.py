"""Kin words of other languages, ranks and credentials are not names; honorifics belong to one.

Invented sentences in the shapes mentors write. Each rule fails without its change; the
look-alikes (given names that are also kin words) must still be found.
"""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Known, find_identifiers


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[i.start : i.end], i.category.value) for i in find_identifiers(text, Known())]


@pytest.mark.parametrize(
    "text",
    [
        "Living with her ouma since the move, it is calm there.",
        "Gogo is diabetic and needs help with her tablets.",
        "Her Ammi checks her phone every night.",
        "He helps his kuya on the stall at weekends.",
        "Her nonna cooks on Sundays; his mkhulu is unwell.",
    ],
)
def test_kin_words_of_other_languages_are_no_names(text: str) -> None:
    assert [t for t, c in spans(text) if c == "name"] == []


def test_a_name_after_a_kin_word_is_still_a_person() -> None:
    assert ("Rosalba", "name") in spans("Her abuela (Rosalba) lives with them.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The kids (Tia, 6, and Rowan, 3) are why he keeps going.", "Tia"),
        ("Lola said she was fine after school.", "Lola"),
        ("The anniversary of his brother Tito's death is next week.", "Tito"),
    ],
)
def test_given_names_that_are_also_kin_words_are_found(text: str, name: str) -> None:
    assert (name, "name") in spans(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Met w/ Marcus (Sgt. Olufemi - he still uses the rank).", "Olufemi"),
        ("She wants to talk to Fr. Dunleavy about it.", "Dunleavy"),
        ("Peer: Cpl (ret'd) Brenna Tolliver", "Brenna Tolliver"),
        ("Visited Smt. Kamala Pillai at her house.", "Kamala Pillai"),
    ],
)
def test_a_rank_or_title_alone_is_not_the_name(text: str, name: str) -> None:
    found = spans(text)
    assert (name, "name") in found
    assert not any(t in ("Sgt", "Fr", "Cpl", "Smt") for t, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Signature: Odalys Vance, CPRS",
        "Plan: PRS to meet client next week.",
        "Notes by Ines Q., CHW, community programme.",
        "T. Marsh, PSW",
    ],
)
def test_a_credential_after_a_worker_is_not_a_name(text: str) -> None:
    assert not any(t in ("CPRS", "PRS", "CHW", "PSW") for t, _ in spans(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Visited Shabnam bi (34) at her house near the masjid.", "Shabnam bi"),
        ("Meenakshi amma (81) was visited at home.", "Meenakshi amma"),
    ],
)
def test_an_honorific_after_a_given_name_is_part_of_the_name(text: str, name: str) -> None:
    assert (name, "name") in spans(text)


def test_an_honorific_word_with_no_name_before_it_stays() -> None:
    assert spans("Said amma is fine and bhai is at work.") == []


def test_what_a_relation_is_stays_and_a_name_after_is_is_found() -> None:
    assert spans("His grandad is unwell again; her mum was furious.") == []
    assert ("kez", "name") in spans("her boyfriend is kez, they met at college")
