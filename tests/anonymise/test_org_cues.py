"""Organisations named by an acronym and what is done with it, and the edges of their names.

Every example is invented here; each rule has look-alikes that must stay.
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
        ("Rang her KVS worker about the visit.", "KVS"),
        ("Walked him to the TRQ front desk after lunch.", "TRQ"),
        ("The BLHA homelessness caseworker will call back.", "BLHA"),
        ("He sat in the DXU computer lab all afternoon.", "DXU"),
        ("She got a WVTA letter about her rent.", "WVTA"),
        ("Booked her with the NorQ adviser on Monday.", "NorQ"),
        ("Dropped the form at the QMSU advice desk.", "QMSU"),
    ],
)
def test_an_acronym_before_a_worker_desk_or_letter_is_a_body(text: str, expected: str) -> None:
    assert (expected, "organisation") in found(text), found(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Her CAMHS worker rang on Friday.", "CAMHS"),
        ("The CBT worker is off sick.", "CBT"),
        ("Left a message with the GP receptionist office.", "GP"),
        ("He is a FIFO worker on a two-week roster.", "FIFO"),
        ("His ILR application is still pending.", "ILR"),
        ("Her UIF claim was paid in March.", "UIF"),
        ("The OT letter went to school.", "OT"),
        ("Texted her CPN about the change.", "CPN"),
    ],
)
def test_therapies_roles_and_statuses_before_those_words_stay(text: str, kept: str) -> None:
    assert_stays(text, kept)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She still talks about HPNH (Hollins Psychiatric Hospital) a lot.", "HPNH"),
        ("Told her to ring KRLS (legal clinic) first thing.", "KRLS"),
        ("Behind on payments to the MOP (Maintenance Orders Program).", "MOP"),
        ("Peer log - KSCU (Maynooth) - June", "KSCU"),
    ],
)
def test_a_bracketed_acronym_beside_a_body_is_that_body(text: str, expected: str) -> None:
    orgs = [s.removeprefix("the ") for s, c in found(text) if c == "organisation"]
    assert expected in orgs, found(text)


def test_initials_bracketed_after_a_person_are_not_a_body() -> None:
    from mentorjournal.anonymise.categories import Category
    from mentorjournal.anonymise.identifier import Identifier
    from mentorjournal.anonymise.org_cues import bracketed_acronyms

    text = "Met SOK (Sandra Okafor) today."
    person = Identifier(9, 22, Category.NAME)
    assert bracketed_acronyms(text, [person], frozenset()) == []
    body = Identifier(9, 22, Category.ORGANISATION)
    assert [text[i.start : i.end] for i in bracketed_acronyms(text, [body], frozenset())] == ["SOK"]


def test_a_code_bracketed_after_a_body_stays() -> None:
    assert_stays("He works nights at an Amazon warehouse (YYZ4) now.", "YYZ4")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She is doing DBT (dialectical behaviour therapy) with the team.", "DBT"),
        ("His GAD (generalised anxiety disorder) is worse.", "GAD"),
        ("She has an EHCP (education health and care plan) now.", "EHCP"),
        ("Scored on the PHQ (patient health questionnaire) again.", "PHQ"),
    ],
)
def test_an_acronym_explained_as_a_therapy_or_a_plan_stays(text: str, kept: str) -> None:
    assert_stays(text, kept)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We met at the Marrowgate before lunch.", "the Marrowgate"),
        ("She is staying in the Brackenlands now.", "the Brackenlands"),
        ("He works at the Kestrel Inn most nights.", "the Kestrel Inn"),
    ],
)
def test_the_article_goes_with_the_name(text: str, expected: str) -> None:
    names = [s for s, _ in found(text)]
    assert expected in names, found(text)


@pytest.mark.parametrize(
    "text",
    ["Walked her to the TRQ front desk after lunch.", "The BLHA homelessness caseworker called."],
)
def test_the_article_stays_before_a_word_it_goes_with(text: str) -> None:
    assert found(text) and all(not s.startswith("the") for s, _ in found(text)), found(text)


def test_the_article_joins_one_label_with_the_bare_name() -> None:
    from mentorjournal.anonymise import anonymise

    text = "Met at the Marrowgate. Later he went back to Marrowgate alone."
    out = anonymise(text, Known()).text
    assert "Marrowgate" not in out
    labels = [r.replacement for r in anonymise(text, Known()).replacements]
    assert len(set(labels)) == 1, labels


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She is in 2nd year of a BSc Civil Engineering and struggling.", "BSc Civil Engineering"),
        ("He started a Bachelor of Design this term.", "Bachelor of Design"),
        ("Mentee: Tendai, BCom 1st yr, from Harare.", "BCom"),
        ("Doing an MPhil Public Health part time.", "MPhil Public Health"),
        ("Enrolled in a B Engineering (Civil) at the uni.", "B Engineering"),
    ],
)
def test_a_degree_and_its_subject_stay(text: str, kept: str) -> None:
    assert_stays(text, kept)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # employers, utilities, transport, lenders, betting sites, unions and universities
        ("We phoned Scottish Power together about the meter.", "Scottish Power"),
        ("She works nights at Concentrix on the phones.", "Concentrix"),
        ("He is a carer for Bluebird Care now.", "Bluebird Care"),
        ("Worked as a steward for Princess Cruises for years.", "Princess Cruises"),
        ("Borrowed again on Fuliza last week.", "Fuliza"),
        ("Lost 300 on Betika at the weekend.", "Betika"),
        ("She joined Unison after the redundancy talk.", "Unison"),
        ("She wants to apply to Georgia Tech next year.", "Georgia Tech"),
        ("Shifts at Superstore are too much.", "Superstore"),
        ("Her tutor at Goldsmiths agreed the extension.", "Goldsmiths"),
        ("He got a place at Monash for nursing.", "Monash"),
        ("Second year at Strathclyde, struggling with stats.", "Strathclyde"),
        # hospitals and units known by their own name
        ("He was admitted to Groote Schuur last night.", "Groote Schuur"),
        ("She spent three weeks in Leverndale.", "Leverndale"),
        ("Follow-up at Sunnybrook next month.", "Sunnybrook"),
    ],
)
def test_real_organisations_named_without_a_suffix(text: str, expected: str) -> None:
    orgs = [s.removeprefix("the ") for s, c in found(text) if c == "organisation"]
    assert expected in orgs, found(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Mercury was in retrograde, she joked.", "Mercury"),
        ("They sang in unison at the end.", "unison"),
        ("Checked the carnival dates with her.", "carnival"),
        ("His BP was 140/90 at the clinic.", "BP"),
        ("She bought it at a superstore out of town.", "superstore"),
        ("Talked about the priory ruins on the walk.", "priory"),
        ("They stopped at the pitt stop café.", "pitt"),
    ],
)
def test_words_and_measures_that_share_a_name_stay(text: str, kept: str) -> None:
    assert_stays(text, kept)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Incident on Ward 10 North last week.", "Ward 10 North"),
        ("Her dad is on ward 8 west now.", "ward 8 west"),
        ("Moved to Ward B12 on Monday.", "Ward B12"),
        ("She was in Ward 309 for a month.", "Ward 309"),
    ],
)
def test_wards_by_number_letter_and_wing(text: str, expected: str) -> None:
    assert (expected, "organisation") in found(text), found(text)


def test_a_ward_does_not_run_into_the_next_line() -> None:
    assert ("Ward 4", "organisation") in found("Discharged from Ward 4\nWest of town now.")
    assert_stays("Told her about the ward round in the west wing.", "ward round")


def test_a_name_a_university_is_named_after_is_no_university_alone() -> None:
    assert not [s for s, c in found("Moi said hello in French class.") if c == "organisation"]
    assert ("Moi University", "organisation") in found("She studies at Moi University now.")
