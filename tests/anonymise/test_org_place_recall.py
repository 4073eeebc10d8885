"""Organisations and places no list names whole: local branches of national services, names
that hold another name, numbers and possessives inside names.

Every example is invented here (the national services are real, their names are not personal
data); each rule has look-alikes that must stay.
"""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Detector, Known

from .conftest import spans_of

EMPTY = Detector(Known())


def found(text: str) -> list[tuple[str, str]]:
    return spans_of(text, EMPTY.find(text))


def assert_stays(text: str, kept: str) -> None:
    start = text.index(kept)
    end = start + len(kept)
    touched = [t for t in EMPTY.find(text) if t.start < end and start < t.end]
    assert not touched, spans_of(text, touched)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a national service kept when named alone is a local branch with its place
        ("He signs on at Wrexham Jobcentre every other Tuesday.", "Wrexham Jobcentre"),
        ("CV help at Doncaster Jobcentre Plus on Friday.", "Doncaster Jobcentre Plus"),
        ("She enrolled on a course at Dundee Recovery College.", "Dundee Recovery College"),
        ("His care coordinator at Shettleston CMHT rang back.", "Shettleston CMHT"),
        ("We rang Bangor Council Housing Options together.", "Bangor Council Housing Options"),
        ("Her mum died at Ayrshire Hospice last spring.", "Ayrshire Hospice"),
        ("First appointment at headspace Bendigo next week.", "headspace Bendigo"),
        ("She goes to the drop-in at Jigsaw Galway now.", "Jigsaw Galway"),
        ("Also rang Work and Income Tauranga about the grant.", "Work and Income Tauranga"),
    ],
)
def test_a_national_service_with_its_place_is_a_branch(text: str, expected: str) -> None:
    assert (expected, "organisation") in found(text), found(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("He has to go to the Jobcentre on Monday.", "Jobcentre"),
        ("Told him about the Recovery College courses.", "Recovery College"),
        ("Booked in with the CMHT for a review.", "CMHT"),
        ("Rang housing options with her.", "housing options"),
        ("Gave her the Jigsaw online details.", "Jigsaw"),
        ("Peer worker session - Recovery College Peer Trainer.", "Recovery College"),
    ],
)
def test_a_national_service_alone_stays(text: str, kept: str) -> None:
    assert_stays(text, kept)


def test_two_branches_joined_by_and_are_two_names() -> None:
    spans = found("She goes to Wrexham Mind and Ruthin Foodbank on Fridays.")
    assert ("Wrexham Mind", "organisation") in spans, spans
    assert ("Ruthin Foodbank", "organisation") in spans, spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a listed town in a note's first line, in any case, or after a dash between parts
        ("rotherham - quick catch up, tues\nmet at the hub", "rotherham"),
        ("peer support wolverhampton 3rd\nrang from the bus", "wolverhampton"),
        ("Mentoring - Aberdeen west - session 4\nGood session.", "Aberdeen"),
        ("Notes\nYouth work - Inverness - Thurs 3 March", "Inverness"),
    ],
)
def test_a_town_heading_a_note_is_a_place(text: str, expected: str) -> None:
    assert (expected, "place") in found(text), found(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a town that is also a word or a first name needs its preposition
        ("reading group - tues\nwent well", "reading"),
        ("sale - quick chat about money\nfine.", "sale"),
        ("Check-in - Tuesday - mood 4/10", "Tuesday"),
        ("Youth group - Deal with it together\nok", "Deal"),
    ],
)
def test_a_word_heading_a_note_stays(text: str, kept: str) -> None:
    assert_stays(text, kept)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # national agencies and student-funding bodies that hold someone's file or grant
        ("His NSFAS allowance still has not come through.", "NSFAS"),
        ("We went to Home Affairs about her ID on Monday.", "Home Affairs"),
        ("She is waiting on Veterans UK for the decision.", "Veterans UK"),
        ("Helped him book a Work and Income appointment.", "Work and Income"),
        ("Her grant from Student Finance Wales is late.", "Student Finance Wales"),
        ("Rang Services Australia from my phone.", "Services Australia"),
        ("The TESDA welding course starts in June.", "TESDA"),
    ],
)
def test_a_national_agency_is_an_organisation(text: str, expected: str) -> None:
    assert (expected, "organisation") in found(text), found(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a body given as a helpline, with its number or named as a line, stays
        ("Gave him VAC Assistance Service 1-800-268-7708 again.", "VAC Assistance Service"),
        ("Helped her ring the Legal Aid South Africa intake line.", "Legal Aid South Africa"),
        ("Gave her the Shelter helpline 0808 800 4444.", "Shelter"),
        # charities people are given as helplines stay (they are left off the lexicon)
        ("She has the Bodywhys number if it gets bad.", "Bodywhys"),
        ("Told him about GamCare and the self-exclusion.", "GamCare"),
        ("The shelter was full so he slept at his cousin's.", "shelter"),
    ],
)
def test_an_agency_given_as_a_helpline_stays(text: str, kept: str) -> None:
    assert_stays(text, kept)


def test_a_town_after_a_title_in_a_heading_is_a_person() -> None:
    assert found("Mr Rotherham rang - about the rent\nok") == [("Rotherham", "name")]
