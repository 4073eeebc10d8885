"""Other names of what the vault knows: a known place's initials, translations, clippings and
nicknames; a known person with the family name cut short (invented people and places).

Each rule comes with what must stay: a form counts only when the vault knows the place or
person, and never where the same letters are a word or a common acronym.
"""

from __future__ import annotations

from typing import Any

from mentorjournal.anonymise import Detector, Known, find_identifiers
from mentorjournal.anonymise.cues import COMMON_ACRONYMS
from mentorjournal.anonymise.known_aliases import (
    clippings,
    extra_acronyms,
    town_nicknames,
    university_forms,
)


def found(text: str, known: dict[str, Any]) -> list[str]:
    return [text[i.start : i.end] for i in find_identifiers(text, Known.from_dict(known))]


def place(name: str, kind: str) -> dict[str, Any]:
    return {"places": [{"name": name, "type": kind}]}


# -- initials --------------------------------------------------------------------------------


def test_a_university_of_x_goes_by_its_two_letters() -> None:
    assert "UK" not in extra_acronyms("University of Kestrelmoor", COMMON_ACRONYMS)
    assert "UD" in extra_acronyms("Uniwersytet Dunowski", COMMON_ACRONYMS)
    known = place("University of Tarnava", "university")
    assert "UT" in found("Peer mentoring, UT, 3rd Dec.", known)


def test_two_letters_need_the_university_known_and_are_never_a_common_acronym() -> None:
    assert "UT" not in found("Peer mentoring, UT, 3rd Dec.", {})
    known = place("University of Chelwood", "university")
    assert "UC" not in found("She is on UC and waiting for her payment.", known)
    # a hospital's two letters say too little
    assert extra_acronyms("Royal Infirmary", COMMON_ACRONYMS) == []


def test_initials_may_keep_and_or_the_before_university_of() -> None:
    assert "KUSAT" in extra_acronyms("Kestrel University of Science and Technology", frozenset())
    known = place("University of Brackenfield", "university")
    assert "TUoB" in found("Mentoring - TUoB - session record", known)


def test_the_first_words_initials_before_the_rest_spelled_out() -> None:
    known = place("Port Alder Food Bank", "volunteer site")
    assert "PA Food Bank" in found("Met him at the PA Food Bank warehouse.", known)
    known = place("University of the Corran Isles Dunmore", "university")
    assert "UCI Dunmore" in found("Peer log - UCI Dunmore health service", known)


def test_a_common_acronym_with_a_spelled_out_tail_still_counts_but_not_alone() -> None:
    known = place("Santa Ardena Food Bank", "volunteer site")
    assert any("SA Food Bank" in f for f in found("at the SA Food Bank on Tuesday", known))
    assert found("SA history discussed; no current risk.", known) == []


# -- translations, Nigerian forms, clippings, nicknames -----------------------------------------


def test_a_university_named_round_the_other_way_or_in_welsh() -> None:
    assert "Prifysgol Caerwen" in university_forms("Caerwen University")
    known = place("Caerwen University", "university")
    assert found("walked back to prifysgol caerwen halls", known) == ["prifysgol caerwen"]
    assert found("she likes Caerwen uni a lot", known) == ["Caerwen uni"]


def test_uni_and_the_first_letters_of_the_town() -> None:
    assert "Unikad" in university_forms("University of Kadara")
    known = place("University of Kadara", "university")
    assert found("temi - unikad peer chat", known) == ["unikad"]
    assert found("temi - unikad peer chat", {}) == []


def test_a_long_one_word_name_clipped() -> None:
    assert clippings("Tolvaddo") == []  # eight letters are not clipped
    assert "Tols" in clippings("Tolvaddonsrand")
    known = place("University of the Tolvaddonsrand", "university")
    assert "Tols" in found("Student no. 2187744   Tols DRU Date: 07/12", known)
    known = place("Dalmorrack", "town")
    assert found("boxing club in dallie on Friday", known) == ["dallie"]


def test_a_clipping_that_is_a_word_counts_only_mid_sentence_or_before_a_capital() -> None:
    known = place("Witherbarrow", "town")
    assert found("Wits were frayed by the end.", known) == []
    assert found("He is back at Wits now.", known) == ["Wits"]


def test_a_known_towns_well_known_nickname() -> None:
    assert "Boro" in town_nicknames("Middlesbrough")
    known = place("Middlesbrough", "town")
    assert "Boro" in found("home visit Acklam Rd, Boro. Gaz was in.", known)
    # not derived without the town known, and no nickname for a town the list does not hold
    # (the rules alone: the sequence tagger may still take "Boro" for the place it is)
    rules = Detector(Known.from_dict(place("Darlington", "town")), statistical=False)
    text = "home visit, Boro. Gaz was in."
    assert "Boro" not in [text[i.start : i.end] for i in rules.find(text)]


def test_and_is_also_an_ampersand_and_the_goes_with_a_known_place() -> None:
    known = place("The Lamb and Lantern", "pub")
    assert found("barred from the lamb & lantern now", known) == ["the lamb & lantern"]
    known = place("Pellingham Library", "library")
    assert found("Met at the Pellingham, 2nd floor.", known) == ["the Pellingham"]
    # "the" stays when the place is not known
    assert found("Met at the library, 2nd floor.", known) == []


# -- people ---------------------------------------------------------------------------------

PERSON = {"mentee": {"first_name": "Stephen", "last_name": "McGarrity", "preferred_name": "Stevie"}}


def test_a_known_family_name_cut_short_after_the_given_name() -> None:
    assert found("Stevie McG turned up at the cafe", PERSON) == ["Stevie McG"]
    assert "S.McG" in found("Initials: S.McG  Matric: 12345", PERSON)
    # not letters that are not this person's family name
    assert "S.Tr" not in found("Initials: S.Tr  Matric: 12345", PERSON)


def test_a_lower_case_initial_that_is_the_persons_own() -> None:
    known = {"mentee": {"first_name": "Rowan", "last_name": "Dunmore"}}
    assert found("vet peer - rowan d caught up at the club", known) == ["rowan d"]
    assert found("vet peer - rowan b caught up at the club", known) == ["rowan"]


def test_a_known_given_name_that_is_a_word_stays_when_used_as_the_word() -> None:
    known = {"mentee": {"first_name": "Hope", "last_name": "Anders"}}
    assert found("there is no hope a job will come", known) == []
    assert found("I hope the course starts soon", known) == []
    # written or used as a name it is still the mentee
    assert found("Hope said the course starts soon", known) == ["Hope"]
    assert found("met hope at the cafe", known) == ["hope"]
    assert found("hope was upset about it", known) == ["hope"]


def test_a_particle_cut_short_between_given_and_family_name() -> None:
    known = {
        "mentee": {"first_name": "Pieter", "last_name": "van der Walt", "preferred_name": "Piet"}
    }
    assert found("GIRP - Piet vd Walt G: Piet (54)", known)[0] == "Piet vd Walt"
    assert found("Piet v.d. Walt came in", known)[0] == "Piet v.d. Walt"
