"""Streets written the way other countries write them, addresses given in parts, street corners,
US forces' mail, counties, towns in brackets, seafronts, campuses and cemeteries.

Every example is invented here; each rule also has look-alikes that must stay.
"""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Detector, Known

from .conftest import spans_of

EMPTY = Detector(Known())


def found(text: str) -> list[tuple[str, str]]:
    return spans_of(text, EMPTY.find(text))


def covered(text: str, phrase: str) -> bool:
    """Every letter and digit of ``phrase`` lies inside some found span."""
    start = text.index(phrase)
    spans = [(i.start, i.end) for i in EMPTY.find(text)]
    return all(
        not text[k].isalnum() or any(s <= k < e for s, e in spans)
        for k in range(start, start + len(phrase))
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the street word first, with the house number before or after
        ("She rents a room at 14 Heol y Felin now.", ("14 Heol y Felin", "address")),
        ("Nan lives at 3 Stryd Fawr in the village.", ("3 Stryd Fawr", "address")),
        ("They moved to 27 Bóthar na Coille last month.", ("27 Bóthar na Coille", "address")),
        ("Her flat is ul. Ogrodowa 12/4 near the park.", ("ul. Ogrodowa 12/4", "address")),
        (
            "He stays at aleja Niepodległości 58 with his uncle.",
            ("aleja Niepodległości 58", "address"),
        ),
        ("Her sister lives at 9 rue Voltaire now.", ("9 rue Voltaire", "address")),
        ("The family lives on Calle Mayor 21 since March.", ("Calle Mayor 21", "address")),
        # a street word fused into the name
        ("He moved to Birkevej 12 last week.", ("Birkevej 12", "address")),
        ("She lives at Lindenstrasse 45 with her aunt.", ("Lindenstrasse 45", "address")),
        # Indian colonies and roads, Scottish streets
        ("The family lives at 21, Karol Bagh now.", ("21, Karol Bagh", "address")),
        ("His uncle's house is 7 Nehru Marg.", ("7 Nehru Marg", "address")),
        ("She has a flat at 5 Kirk Wynd now.", ("5 Kirk Wynd", "address")),
        # streets in lower case after a word of movement, the street word first, quays
        ("We walked down brackley rd and got chips.", ("brackley rd", "address")),
        ("She works on rue Saint-Denis three days a week.", ("rue Saint-Denis", "address")),
        ("The drop-in on Merchant's Quay was busy.", ("Merchant's Quay", "address")),
        # a US street corner
        ("We met at 9th & Wharton, then walked.", ("9th & Wharton", "address")),
        (
            "They hang out at the corner of Fern and Ridley most nights.",
            ("Fern and Ridley", "address"),
        ),
        # US forces' mail
        (
            "Post goes to PSC 1234, Box 5678, APO AE 09012 now.",
            ("PSC 1234, Box 5678, APO AE 09012", "address"),
        ),
    ],
)
def test_streets_written_the_way_other_countries_write_them(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a unit and the named parts written against it are one address, with no part left
        (
            "Postal address for the grant: Plot 17, Mpophomeni, 3290. Ring Friday.",
            "Plot 17, Mpophomeni",
        ),
        (
            "She lives in halls - Oakmere Fields, Block D, Flat 12, M14 6HR.",
            "Oakmere Fields, Block D, Flat 12",
        ),
        (
            "They rent in Barangay Malinis - Blk 4 Lot 19, Sampaguita St., 1116.",
            "Blk 4 Lot 19, Sampaguita St.",
        ),
        ("She lives at Flat 3/2, 18 Mansfield Road, Paisley now.", "Flat 3/2, 18 Mansfield Road"),
        ("They moved to Unit 4/12 Wattle St, Leichhardt 2040.", "Unit 4/12 Wattle St"),
        ("She has a room at 2/17 Acacia Street, Newtown.", "2/17 Acacia Street"),
        ("Home visit at 9 Bryn-y-Mor, Pontypridd today.", "9 Bryn-y-Mor"),
        ("Letters go to PO Box 4471, Maseru, and P.O. Box 12.", "PO Box 4471"),
        ("Letters go to PO Box 4471, Maseru, and P.O. Box 12.", "P.O. Box 12"),
        # the postcode written after such an address or a six-digit PIN after a city
        ("Postal address for the grant: Plot 17, Mpophomeni, 3290. Ring Friday.", "3290"),
        ("Her parents are at 12, Vasant Vihar, New Delhi 110057 now.", "110057"),
        ("She is on the Strand campus this term.", "Strand"),
    ],
)
def test_addresses_given_in_parts_are_found_whole(text: str, phrase: str) -> None:
    assert covered(text, phrase)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her mum moved back to Co. Leitrim in the summer.", ("Co. Leitrim", "place")),
        ("She mentioned the other Sligo lads from her course.", ("Sligo", "place")),
        ("kev 48 - Tipperary - on his own now", ("Tipperary", "place")),
        ("Her cousin lives in County Kerry.", ("County Kerry", "place")),
        ("She grew up in Pembrokeshire.", ("Pembrokeshire", "place")),
        ("Met at a café on Morrison Road (Glasgow) for a walk.", ("Glasgow", "place")),
        ("We walked along the Promenade in the sun.", ("the Promenade", "place")),
        ("Her dad is buried at Westbrook Cemetery.", ("Westbrook Cemetery", "place")),
        ("Met him at the bowls club in Mount Vernell on Friday.", ("Mount Vernell", "place")),
        ("Someone has been round her flat on Trelowen estate.", ("Trelowen", "place")),
        ("We walked down to Frankston foreshore after.", ("Frankston foreshore", "place")),
        ("He's from An Cheathrú, first time away from home.", ("An Cheathrú", "place")),
        ("she was late (the bus from drumchapel didnt come).", ("drumchapel", "place")),
        ("She lives in Kilbirnie, Wellington 6022 now.", ("Wellington", "place")),
    ],
)
def test_places_the_town_rule_leaves(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She went via Leeds on the coach.", "via"),
        ("We talked on the 5th & Friday was fine.", "Friday"),
        ("We met on campus by the library.", "campus"),
        ("She reads on the main campus most days.", "main"),
        ("She dreads the cemetery visit each year.", "cemetery"),
        ("Mood 6/10 and sleep 5/10 this week.", "6/10"),
        ("She scored 14 on the PHQ-9 (moderate).", "moderate"),
        ("Unit 4 of the workbook was hard.", "workbook"),
        ("It was a trip down memory lane for her.", "memory"),
        ("We met at 4 Sam, Jo and Kim came later.", "4"),
        ("Mood 3/10 Kent Street was noisy.", "3/"),
        ("back from hosp in sesh, far from home-home.", "home-home"),
        ("he came back from tues onwards, in recieved state.", "recieved"),
        ("We walked down the road to the shop.", "road"),
    ],
)
def test_look_alikes_stay(text: str, kept: str) -> None:
    start = text.index(kept)
    assert not any(i.start < start + len(kept) and start < i.end for i in EMPTY.find(text))


@pytest.mark.parametrize(
    "text", ["Kerry said she was fine today.", "Clare rang about the appointment."]
)
def test_a_county_that_is_a_first_name_needs_a_place_word(text: str) -> None:
    assert all(category != "place" for _, category in found(text))


def test_a_route_via_a_town_is_not_a_street() -> None:
    assert all(category != "address" for _, category in found("Via Manchester it takes an hour."))


KNOWN_TOWNS = Detector(
    Known.from_dict(
        {
            "places": [
                {"name": "Johannesburg", "type": "city"},
                {"name": "Palmerston North", "type": "city"},
            ]
        }
    )
)


@pytest.mark.parametrize(
    ("text", "short", "who"),
    [
        ("She's back in JHB for the holidays.", "JHB", "place:0"),
        ("Quick notes - the youth hub, Palmy - mood ok.", "Palmy", "place:1"),
    ],
)
def test_a_known_town_by_its_short_forms(text: str, short: str, who: str) -> None:
    start = text.index(short)
    assert any(
        i.start == start and i.end == start + len(short) and i.who == who
        for i in KNOWN_TOWNS.find(text)
    )


def test_a_short_form_spelling_nothing_known_stays() -> None:
    text = "She rang the JBH office and the CBT team. Palmy days, she said."
    assert not any(i.who is not None for i in KNOWN_TOWNS.find(text))


def test_a_town_that_is_a_first_name_after_a_place_needs_its_code() -> None:
    assert ("Will", "place") not in found("We met in Leeds, Will came along too.")
