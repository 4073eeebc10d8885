"""Dates, ages, ZIP codes, handles, references and links in the forms people write them, and the
look-alikes beside each that must stay (helplines and their numbers, scores, coming appointments).
Every example is invented here."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from mentorjournal.anonymise import Detector, Known
from mentorjournal.anonymise.dates import age_label, parse_date
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.patterns import is_service_number

from .conftest import spans_of

EMPTY = Detector(Known())


def found(text: str) -> list[tuple[str, str]]:
    return spans_of(text, EMPTY.find(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday, "the" and a time written against a date belong to it
        ("Session 7 of 20, Tues 1 Dec 2026, online.", "Tues 1 Dec 2026"),
        ("Date: Wed 2/12", "Wed 2/12"),
        ("Date: Tuesday, December 1, 2026", "Tuesday, December 1, 2026"),
        ("She came in last Tuesday the 4th.", "Tuesday the 4th"),
        ("He's not touched the drink since the 20th.", "the 20th"),
        ("Meeting on 3rd March 2026 at 2pm.", "3rd March 2026 at 2pm"),
        ("Call on 3 March, 10:30.", "3 March, 10:30"),
        ("At 10am on the 3rd we meet.", "10am on the 3rd"),
        ("Date/time: Mon 30 Nov 2026 14:00-15:10 at home", "Mon 30 Nov 2026 14:00-15:10"),
        ("Review on 12th-14th with the team.", "12th-14th"),
        # more written forms of the month and the year
        ("Moved out in Mar '26.", "Mar '26"),
        ("Moved in February of 2025.", "February of 2025"),
        ("Letter dated 12 Mar 26.", "12 Mar 26"),
        ("Hearing on 12-Mar-2026 at court.", "12-Mar-2026"),
        ("Session date 12.3.", "12.3"),
        # a month named alone after a cue, a year tied to a life event, a year of birth
        ("Her husband died in September after 63 years.", "September"),
        ("Admitted since early November.", "early November"),
        ("Lost his licence in Oct (drink driving).", "Oct"),
        ("His brother died 2019, the anniversary was hard.", "2019"),
        ("Widowed in 2009, she lives alone.", "2009"),
        ("She was born in 2008.", "2008"),
        ("Self-harm: none since August. Kids Helpline 1800 55 1800.", "August"),
        ("Apartment walk-through 12/7 at 2pm.", "12/7 at 2pm"),
        ("Seen 12/03/26 @ 1400 in clinic.", "12/03/26 @ 1400"),
        ("Seen 1400hrs on 3 Dec.", "1400hrs on 3 Dec"),
        ("Seen Wednesday the 3rd of December.", "Wednesday the 3rd of December"),
        ("Last seen 30.11.", "30.11"),
        ("Born '94, the youngest of four.", "'94"),
        ("Xmas Eve 2025 she was admitted.", "Xmas Eve 2025"),
        ("Lost £2k since Halloween.", "Halloween"),
    ],
)
def test_dates_are_found_whole(text: str, expected: str) -> None:
    assert (expected, "date") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # ratings, coming appointments without a month, weekdays alone, years alone
        "Mood 6/10, up from 4/10 a month ago.",
        "Next: 12/9. Member has the crisis line.",
        "Next session Monday 7th, same time.",
        "Next contact Tues 8th.",
        "Call Thursday; walk on Sunday.",
        "She left college in Year 12.",
        "She may come back next week.",
        "He works the 2nd shift at the depot.",
        "Wants to apply for September.",
        "Off work for 3/7 and signed off for 2/52.",
        "The group meets on Tuesdays at the hub.",
        "Talked about Christmas and how Mum and Dad argue.",
        "Scored 30.11 on the test, a decimal.",
        "Kooth is there 24/7 online.",
        "Moved to Leeds, 2019. Then Hull.",
    ],
)
def test_date_look_alikes_stay(text: str) -> None:
    assert [f for f in found(text) if f[1] == "date"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number straight after a person's name is their age
        ("Mentee: Osh (Oisín Brady, 19)", "19"),
        ("Mrs Abernethy (Ruth), 94. Lives alone.", "94"),
        ("Amelia Tane, 27, Mangere", "27"),
        ("Help with the kids (Daniel 8, Joseph 5).", "5"),
        ("Help with the kids (Daniel 8, Precious 5) at home.", "5"),
        ("Participant: Trey Robinson (TR), 27\nMedicaid", "27"),
        ("D: Morgan (they/them, 23) met at the cafe.", "23"),
        # over 89, in words, in decades, at a past age, in lists, in brackets with a sex
        ("Her grandmother is 103.", "103"),
        ("He is over 90.", "90"),
        ("Gran is ninety-one.", "ninety-one"),
        ("She is in her nineties.", "nineties"),
        ("Nan's 90 this year and frail.", "90"),
        ("At the age of 12 she moved.", "12"),
        ("When she was twelve her dad left.", "twelve"),
        ("She will be 18 next month.", "18"),
        ("Ages 5, 7 and 9.", "7"),
        ("Her 19-yo brother helps.", "19"),
        ("16F presenting with low mood.", "16"),
        # babies, with their unit
        ("Her son is 18 months.", "18 months"),
        ("Her newborn (3 days old) is in NICU.", "3"),
        ("Her baby girl Amara, 7 wks, is thriving.", "7 wks"),
        ("She is in her mid-seventies and widowed.", "seventies"),
    ],
)
def test_ages_are_found(text: str, expected: str) -> None:
    assert (expected, "age") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "PHQ-9 17 (was 12 in Oct).",
        "Plan: (1) ring the GP (2) walk daily (3) sleep diary.",
        "He's 4 months dry and proud of it.",
        "She's 8 months postnatal and tired.",
        "Session with Jo 2 weeks ago went well.",
        "Jo rated the day 3/10.",
    ],
)
def test_age_look_alikes_stay(text: str) -> None:
    assert [f for f in found(text) if f[1] == "age"] == []


@pytest.mark.parametrize(
    ("text", "expected", "category"),
    [
        ("postcode 62704", "62704", "zip"),
        ("Lives in the 10025 zip code.", "10025", "zip"),
        ("Her cousin lives in Austin (78701) now.", "78701", "zip"),
        ("At 1250 Isleta Blvd SW, 87105-3614 for food.", "87105-3614", "zip"),
        ("A flat in Hamilton East (7 Grey Street, 3216). Good.", "3216", "postcode"),
        ("Lives at 22 Ranolf Street, 3010.", "3010", "postcode"),
        ("In North York (2450 Finch Ave W, M9M 2G2). Far.", "M9M 2G2", "postcode"),
        ("3rd floor flat 41 Lilac Court DN4 8TU. Ken passed.", "41 Lilac Court DN4 8TU", "address"),
        ("Her X is sammyb_ and she posts a lot.", "sammyb_", "handle"),
        ("She added sammyb on snap.", "sammyb", "handle"),
        ("Discord: jordo#1234", "jordo#1234", "handle"),
        ("His IG is private (jm.rides.510) now.", "jm.rides.510", "handle"),
        ("He follows the Reddit (u/rhys_ponty) sub.", "u/rhys_ponty", "handle"),
        ("Her ref is AB12CD.", "AB12CD", "id_number"),
        ("Case ref. 24/1234/A from the council.", "24/1234/A", "id_number"),
        ("Crime reference 4601/23/0987 given.", "4601/23/0987", "id_number"),
        ("Benefit ref 12 34 56 78 on the letter.", "12 34 56 78", "id_number"),
        ("Child protection plan CP-22-0456 agreed.", "CP-22-0456", "id_number"),
        ("SSN last 4 xxx-xx-6624 on file.", "xxx-xx-6624", "id_number"),
        ("Member ID (MO HealthNet): 10928375 on file.", "10928375", "id_number"),
        ("UCI 1234-5678 on the visa letter.", "1234-5678", "id_number"),
        ("Her Oyster card 0123 4567 8901 was lost.", "0123 4567 8901", "id_number"),
        ("IRD 49-091-850 for the tax form.", "49-091-850", "id_number"),
        ("Medicare card 2123 45670 1.", "2123 45670 1", "id_number"),
        ("Account 12345678, sort 12-34-56.", "12-34-56", "id_number"),
        ("We looked at harambee.mobi together.", "harambee.mobi", "url"),
        (
            "Report it via westminster.gov.uk/report-it today.",
            "westminster.gov.uk/report-it",
            "url",
        ),
        ("Ring the office on (08) 9205 1555 on Monday.", "(08) 9205 1555", "phone"),
        ("Please call me at 041 907 63 78 today.", "041 907 63 78", "phone"),
        ("Phone:\n0676 233 41 12\n", "0676 233 41 12", "phone"),
        ("ZIP: 2990", "2990", "postcode"),
        ("My zip code is 2830-466.", "2830-466", "postcode"),
    ],
)
def test_zips_handles_references_links_phones(text: str, expected: str, category: str) -> None:
    assert (expected, category) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # helplines with their numbers, services' freephone numbers, platforms named as such
        "Gave SADAG 0800 567 567 (suicide crisis line).",
        "Kids Help Phone 1-800-668-6868 and 988 given.",
        "Crisis: Oxleas crisis line 0800 330 8590.",
        "Crisis: 988; Mobile Crisis Team 513-584-5098.",
        "Gave NCMH 1553 and 0917 899 8727 (Hopeline).",
        "Sent Drinkline no. 0300 123 1110 and a leaflet.",
        "He knows NHS 24 111.",
        "Since prison. 1737. Call any time.",
        "Xbox gamertag and PSN are where he talks to friends.",
        "Her BeReal is private.",
    ],
)
def test_helplines_and_platforms_stay(text: str) -> None:
    assert found(text) == []


def test_a_known_phone_ends_where_its_digits_end() -> None:
    known = Known.from_dict({"mentee": {"first_name": "Sam", "phone": "(206) 555-0138"}})
    text = "Check in by phone (206) 555-0138. 988 reviewed."
    assert ("(206) 555-0138", "phone") in spans_of(text, Detector(known).find(text))
    assert "988" not in [s for s, _ in spans_of(text, Detector(known).find(text))]


def test_service_numbers_are_told_from_personal_ones() -> None:
    assert is_service_number("0800 567 567")
    assert is_service_number("1-800-668-6868")
    assert is_service_number("0300 123 1110")
    assert is_service_number("1800 55 1800")
    assert not is_service_number("07700 900123")
    assert not is_service_number("(03) 9123 4567")  # a Melbourne landline
    assert not is_service_number("513-584-5098")


def test_a_personal_cue_keeps_a_service_prefix_number() -> None:
    assert ("0306 999 0744", "phone") in found("Phone 0306 999 0744 if needed.")


@pytest.mark.parametrize(
    ("surface", "day", "month", "year"),
    [
        ("Monday 11/30", 30, 11, None),
        ("Tues 1 Dec 2026", 1, 12, 2026),
        ("10am on the 3rd", 3, None, None),
        ("3rd March 2026 at 2pm", 3, 3, 2026),
        ("12 Mar 26", 12, 3, 2026),
        ("early November", None, 11, None),
    ],
)
def test_dates_read_through_weekdays_and_times(
    surface: str, day: int | None, month: int | None, year: int | None
) -> None:
    parts = parse_date(surface)
    assert (parts.day, parts.month, parts.year) == (day, month, year)


def test_a_baby_age_is_a_baby_whatever_the_number() -> None:
    assert age_label("18 months") == "[under 13]"
    assert age_label("nineties") == "[90+]"


@pytest.mark.parametrize(
    "text",
    [
        "Gran is ninety-one and in her nineties; when she was twelve she left.",
        "He turned eighteen, aged sixteen before, a fifteen-year-old then.",
        "Five hours of sleep, ten minutes late, two weeks off.",
    ],
)
def test_word_ages_are_the_same_whether_tried_at_tokens_or_everywhere(text: str) -> None:
    from mentorjournal.anonymise.patterns import find_word_ages
    from mentorjournal.anonymise.textutil import tokenize

    def spans(found: Iterable[Identifier]) -> set[tuple[int, int]]:
        return {(i.start, i.end) for i in found}

    assert spans(find_word_ages(text, tokenize(text))) == spans(find_word_ages(text))


def test_tokens_know_their_capitals() -> None:
    from mentorjournal.anonymise.textutil import tokenize

    sam, caps, low, one = tokenize("Sam CBT sam I")
    assert (sam.capitalised, sam.upper) == (True, False)
    assert (caps.capitalised, caps.upper) == (False, True)
    assert (low.capitalised, low.upper) == (False, False)
    assert (one.capitalised, one.upper) == (False, False)  # "I": a capital, not an acronym


def test_a_helpline_stays_whole_when_its_area_is_named_elsewhere() -> None:
    text = (
        "SOAP NOTE - Peer Support Worker, Oxleas Community Mental Health Team\n"
        "P: Crisis: Oxleas crisis line 0800 330 8590. She consented."
    )
    helpline = text.index("Oxleas crisis line")
    spans = [(i.start, i.end) for i in EMPTY.find(text)]
    assert spans  # the team in the heading is found
    assert not any(helpline <= s < helpline + 32 for s, _ in spans)  # the helpline stays
