"""Organisations named by their own names, local branches, whole names and foreign words.

Every example is invented here (the organisations are real chains and national bodies, whose
names are not personal data); each rule has look-alikes that must stay.
"""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Detector, Known
from mentorjournal.anonymise.organisations import organisation_names

from .conftest import spans_of

EMPTY = Detector(Known())


def found(text: str) -> list[tuple[str, str]]:
    return spans_of(text, EMPTY.find(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # real chains, banks and betting sites, wherever the sentence is not about work
        ("She spent the rent on Paddy Power again.", "Paddy Power"),
        ("Mostly lives on Greggs sausage rolls.", "Greggs"),
        ("Went to McDonald's after the session.", "McDonald's"),
        ("He lost another £200 on Betfred last night.", "Betfred"),
        ("She moved her savings to Monzo.", "Monzo"),
        ("We sat outside Caffè Nero and talked.", "Caffè Nero"),
        # a chain named by an everyday word after a cue
        ("He has a trial shift at Boots on Saturday.", "Boots"),
        # a branch written after the chain is part of its name
        ("Picked up her script at Superdrug Fishergate.", "Superdrug Fishergate"),
        # universities by the abbreviation students use
        ("Second year at UNSW doing nursing.", "UNSW"),
        # national bodies with their place, before or after it
        ("Her care coordinator is with NHS Tayside now.", "NHS Tayside"),
        ("She goes to the peer group at Bolton Mind.", "Bolton Mind"),
        ("We looked up Mind in Croydon together.", "Mind in Croydon"),
        ("Appointment at Citizens Advice Rotherham next week.", "Citizens Advice Rotherham"),
        ("Collects a parcel from Hexham Foodbank.", "Hexham Foodbank"),
        ("Referred him to Age UK Swindon for befriending.", "Age UK Swindon"),
        # organisation words of other languages
        (
            "Saw a psychiatrist at Poradnia Zdrowia Psychicznego in May.",
            "Poradnia Zdrowia Psychicznego",
        ),
        ("Her mum volunteers at Fundacja Ocalenie.", "Fundacja Ocalenie"),
        # councils, police forces and a national body's branch by their place
        ("Her caseworker at Harrogate Borough Council rang.", "Harrogate Borough Council"),
        ("Rang Northumbria Police with him.", "Northumbria Police"),
        ("A letter from barnsley council about arrears.", "barnsley council"),
        ("He is out of hmp durham soon.", "hmp durham"),
        ("She goes to the NAMI Tucson family group.", "NAMI Tucson"),
        ("Warm handoff to North Texas VA today.", "North Texas VA"),
        # a local NHS talking-therapies service and TAFE institutes by their place
        ("Doing CBT through Hexham Talking Therapies now.", "Hexham Talking Therapies"),
        ("She starts at South Metropolitan TAFE Rockingham in May.", "South Metropolitan TAFE"),
        # health bodies named by any words before their kind
        ("He has a history with Southern DHB services.", "Southern DHB"),
        ("She is under Kent and Medway ICB for that.", "Kent and Medway ICB"),
        # military units, with their number or a word before their kind
        ("He was ex-army (Royal Signals) for ten years.", "Royal Signals"),
        ("Served with 2nd Battalion Rifles in Helmand.", "2nd Battalion Rifles"),
        # a lexicon name led by digits, and a non-word name in lower case after a cue
        ("Works nights at 7-Eleven now.", "7-Eleven"),
        ("He transferred it via monzo.", "monzo"),
        ("Mass at Kościół św. Anny on Sunday.", "Kościół św. Anny"),
        # an acronym after a dash that the words before it spell
        ("Helped by Tyneside Refugee Advice Network - TRAN - last week.", "TRAN"),
    ],
)
def test_organisation_is_found_whole(text: str, expected: str) -> None:
    spans = found(text)
    assert (expected, "organisation") in spans or any(
        expected in s and c == "organisation" for s, c in spans
    ), spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place found alone grows into the organisation it names
        ("Volunteers at Ashbourne Foodbank on Thursdays.", "Ashbourne Foodbank"),
        ("She saw the GP at Hexham and Corbridge GP yesterday.", "Hexham and Corbridge GP"),
        ("Found a counsellor at Kestrel Polska UK last week.", "Kestrel Polska UK"),
        # a name grows over inner small words and a bracketed acronym it spells
        (
            "She will see Student Advice and Guidance Services (SAGS) next week.",
            "Student Advice and Guidance Services (SAGS)",
        ),
        (
            "He joined Friends of the Tamsworth Valley Trust in spring.",
            "Friends of the Tamsworth Valley Trust",
        ),
        ("They play at Boys & Girls Club of Trenholme now.", "Boys & Girls Club of Trenholme"),
        # a state or a country inside an organisation's name, an initial with its full stop
        (
            "Referred to Catholic Charities of Western Nevada for food.",
            "Catholic Charities of Western Nevada",
        ),
        ("We met at the Frederick J. Walsh Library today.", "the Frederick J. Walsh Library"),
        # a therapy or service word inside a name is the name's; a kept service after it stays
        (
            "She volunteers at the Hollinsby Grounding Collective now.",
            "the Hollinsby Grounding Collective",
        ),
        (
            "He was referred by the Hexham and Corbridge NHS FT Early Intervention team.",
            "Hexham and Corbridge NHS FT",
        ),
    ],
)
def test_a_piece_grows_to_the_whole_name(text: str, expected: str) -> None:
    assert any(s == expected for s, _ in found(text)), found(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Next week she starts college.", "Next"),  # an everyday word opening a sentence
        ("She got new boots for the winter.", "boots"),
        ("Met at Costa Thursday for a coffee.", "Thursday"),  # a weekday never joins a name
        ("Downloaded the NHS App together.", "NHS App"),
        ("Rang NHS 111 in the night.", "NHS 111"),
        ("Gave Samaritans 116 123 again.", "Samaritans"),
        ("She uses Mind Infoline when it gets bad.", "Mind Infoline"),
        ("On sertraline since her GP at Leeds changed it.", "sertraline"),
        ("Still on the CBT waitlist at Bolton Mind.", "CBT"),
        ("Gave her the Citizens Advice number.", "Citizens Advice"),
        ("Explored the Kentucky peer training.", "Explored"),
        ("Her PHQ-9 of 14 was lower.", "PHQ-9 of 14"),
        (
            "Referred by the Hexham and Corbridge NHS FT Early Intervention team.",
            "Early Intervention team",
        ),
        ("Practised grounding and sleep hygiene again.", "grounding"),
        ("Gave the Kestrel Student Wellness Service and the SADAG line.", "SADAG"),
        ("The council said no, so we told the police.", "council"),
        ("The council said no, so we told the police.", "police"),
        ("Police were called twice that week.", "Police"),
        ("Gave the NAMI HelpLine number again.", "NAMI"),
        ("She joined the Marines at 18.", "Marines"),
        ("Mass at Kościół św. Anny on Sunday.", "Sunday"),
        ("He keeps Combat Stress 0800 138 1619 in his phone.", "Combat Stress"),
        ("She is on the NHS Talking Therapies waitlist.", "NHS Talking Therapies"),
    ],
)
def test_what_must_stay_stays(text: str, kept: str) -> None:
    start = text.index(kept)
    end = start + len(kept)
    touched = [t for t in EMPTY.find(text) if t.start < end and start < t.end]
    assert not touched, spans_of(text, touched)


def test_a_chain_that_is_a_family_name_stays_a_person() -> None:
    spans = found("Spoke to Marisa Costa about her hours.")
    assert [s for s, _ in spans] == ["Marisa Costa"]
    assert all(c != "organisation" for _, c in spans)


def test_the_lexicon_is_read_and_holds_no_kept_service() -> None:
    names = organisation_names()
    assert "Bet365" in names and "UNSW" in names
    assert "Samaritans" not in names and "SADAG" not in names
