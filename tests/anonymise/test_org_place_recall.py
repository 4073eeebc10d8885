"""Organisations and places no list names whole: local branches of national services, names
that hold another name, numbers and possessives inside names.

Every example is invented here (the national services are real, their names are not personal
data); each rule has look-alikes that must stay.
"""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Detector, Known

from .conftest import assert_untouched, found_without_known

EMPTY = Detector(Known())


def found(text: str) -> list[tuple[str, str]]:
    return found_without_known(EMPTY, text)


def assert_stays(text: str, kept: str) -> None:
    assert_untouched(EMPTY, text, kept)


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a regiment's battalion by its number, in a note about service
        ("Served 12 years with 1 RIFLES, two tours of Helmand.", "1 RIFLES"),
        ("Ex-army (4 R ANGLIAN), left in 2009, veteran now.", "4 R ANGLIAN"),
        ("He is ex-Royal Irish Regiment and hates fireworks.", "Royal Irish Regiment"),
        # the number that counts a body's branches, and the kind after it
        ("Darts on Fridays at the Legion Branch 207 in Truro.", "the Legion Branch 207"),
        ("She met him at VFW Post 4412 after the parade.", "VFW Post 4412"),
        ("Baby born at Kakamega Level 5 Hospital last month.", "Kakamega Level 5 Hospital"),
        # a warehouse or site code after an employer
        ("Lost his shifts at Amazon LBA2 last week.", "Amazon LBA2"),
    ],
)
def test_numbers_inside_names_are_part_of_them(text: str, expected: str) -> None:
    assert (expected, "organisation") in found(text), found(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("In the army he took 1 PRN dose a day.", "PRN"),
        ("Served two tours; she rates her mood 4 GAD points lower.", "GAD"),
        ("Passed 2 GCSE exams after the army.", "GCSE"),
    ],
)
def test_numbers_that_are_not_units_stay(text: str, kept: str) -> None:
    spans = found(text)
    assert not any(kept in s and c == "organisation" for s, c in spans), spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # streets in lower case with the abbreviations people text, with their number
        ("Met him outside the chippy on wellgate st after.", "wellgate st"),
        ("The notice was for her flat at 22 hollin st yesterday.", "22 hollin st"),
        ("Dropped her at the food bank on kenmore st e today.", "kenmore st e"),
        ("Saw him at the gas station on cobb pkwy blvd again.", "cobb pkwy blvd"),
        # numbered avenues and streets, as western Canada writes them
        ("She rents a basement suite on 104 Ave now.", "104 Ave"),
        ("Moved in with his aunt in Mayland, 36 St NE.", "36 St NE"),
    ],
)
def test_streets_as_people_write_them(text: str, expected: str) -> None:
    assert (expected, "address") in found(text), found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit written after the street, and a level or zone before the number
        ("Her place is 9 Alder St, apt 4, near the school.", "9 Alder St, apt 4"),
        ("Office on Level 3, 18 Ocean St, for the meeting.", "Level 3, 18 Ocean St"),
        ("They live in Zone 2, 4410 Mokoena St now.", "Zone 2, 4410 Mokoena St"),
    ],
)
def test_a_unit_joins_its_address(text: str, expected: str) -> None:
    assert any(expected in s and c == "address" for s, c in found(text)), found(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("He was on his way home, on the st corner.", "st"),
        ("Came in 1st at the race on its way.", "1st"),
        ("We met on level 3 of the library.", "level 3"),
    ],
)
def test_street_look_alikes_stay(text: str, kept: str) -> None:
    assert_stays(text, kept)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words that spell the acronym bracketed after them name a body
        (
            "I'll ring Families Against Street Violence (FASV) tomorrow.",
            "Families Against Street Violence (FASV)",
        ),
        (
            "She enrolled at South Coast Regional College (SCRC) in May.",
            "South Coast Regional College (SCRC)",
        ),
        (
            "Email from University of Testford Student Advice and Support Team (SAST) today.",
            "University of Testford Student Advice and Support Team (SAST)",
        ),
    ],
)
def test_words_spelling_a_bracketed_acronym_are_a_body(text: str, expected: str) -> None:
    assert (expected, "organisation") in found(text), found(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "SOAP - Certified Peer Support Specialist (CPSS), week 3",
            "Certified Peer Support Specialist",
        ),
        ("Started Cognitive Processing Therapy (CPT) on Monday.", "Cognitive Processing Therapy"),
    ],
)
def test_a_job_or_therapy_spelling_its_acronym_stays(text: str, kept: str) -> None:
    spans = found(text)
    assert not any(kept in s and c == "organisation" for s, c in spans), spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a police force by its region; a body after "ex-"
        ("We rang West Midlands Police together.", "West Midlands Police"),
        ("Gareth (52), ex-Royal Welsh, seen at home.", "Royal Welsh"),
    ],
)
def test_regions_forces_and_ex_members(text: str, expected: str) -> None:
    assert (expected, "organisation") in found(text), found(text)


def test_a_force_alone_and_an_ex_word_stay() -> None:
    assert_stays("The police came round, he is ex-army.", "police")
    assert_stays("The police came round, he is ex-army.", "ex-army")


def test_the_agency_list_is_read_and_holds_no_kept_service_or_programme() -> None:
    from mentorjournal.anonymise.lexicon import is_must_keep
    from mentorjournal.anonymise.organisations import agency_names, organisation_names

    names = agency_names()
    assert "NSFAS" in names and "Veterans UK" in names
    assert not any(is_must_keep(n.lower()) for n in names)
    assert not {"Medicaid", "PIP", "Ontario Works", "ODSP"} & set(names)
    assert not set(names) & set(organisation_names())  # one list each
