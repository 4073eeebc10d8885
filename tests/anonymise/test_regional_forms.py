"""Dates, ages, references and handles as mentors in other countries write them
(``more_forms.py``), each with look-alikes that must stay. Every example is invented here."""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Detector, Known
from mentorjournal.anonymise.patterns import is_service_number, number_value

from .conftest import spans_of

EMPTY = Detector(Known())


def found(text: str) -> list[tuple[str, str]]:
    return spans_of(text, EMPTY.find(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ages: run-together units, slashes with the sex, a role before, brackets, dashes
        ("He's 42y old and on nights.", ("42", "age")),
        ("Referral for a 15-y-o lad.", ("15", "age")),
        ("Age/Sex: 34/M", ("34", "age")),
        ("Referral: F/29 presenting with panic.", ("29", "age")),
        ("Patient 28F, seen in clinic.", ("28", "age")),
        ("Mr T (42 yrs) came with his sister.", ("42 yrs", "age")),
        ("Her daughter (14yrs) is at home.", ("14yrs", "age")),
        ("Tom (15; Year 10) was quiet.", ("15", "age")),
        ("Age – 22", ("22", "age")),
        ("Age 16yrs, lives with nan.", ("16yrs", "age")),
        ("Son - 11.", ("11", "age")),
        ("Grandad's 91.", ("91", "age")),
        ("He was 14 when it started.", ("14", "age")),
        ("Son 9yrs and daughter 7yrs.", ("9", "age")),
        ("Planning for her 90th next month.", ("90", "age")),
        # ages in words: with "only", two words, a hundred, the -genarian words
        ("He's only twelve.", ("twelve", "age")),
        ("He is twenty one.", ("twenty one", "age")),
        ("She was eleven when her dad left.", ("eleven", "age")),
        ("Gran turned a hundred and two in May.", ("a hundred and two", "age")),
        ("Her neighbour is a nonagenarian.", ("nonagenarian", "age")),
        ("A thirty-year-old woman rang.", ("thirty", "age")),
        # dates: ordinals in words, the military form, month and year, Polish months, times
        ("Her hearing is on the third of December.", ("the third of December", "date")),
        ("Mum died on December third.", ("December third", "date")),
        ("Seen 03DEC26 per the chart.", ("03DEC26", "date")),
        ("Unemployed since 11/2025.", ("11/2025", "date")),
        ("Rozmowa 3 grudnia 2026 r. w domu.", ("3 grudnia 2026 r", "date")),
        ("He was released mid-Nov.", ("mid-Nov", "date")),
        ("Seen 12 Dec at 1530.", ("12 Dec at 1530", "date")),
        ("Appt 9/12/26 at 11.", ("9/12/26 at 11", "date")),
        ("Date/Time: 01/12/2026 1400", ("01/12/2026 1400", "date")),
        ("Intake 12/3/2026 (Thursday) went well.", ("12/3/2026 (Thursday)", "date")),
        ("Benefit restarts the 16th.", ("the 16th", "date")),
        ("Arrested on the 28th, bailed the 29th.", ("the 29th", "date")),
        ("Exams are between the 3rd and 5th of January.", ("the 3rd and 5th of January", "date")),
        # references of more issuers and countries
        ("HMP no B4455CD on the letter.", ("B4455CD", "id_number")),
        ("NOMIS A9876ZZ", ("A9876ZZ", "id_number")),
        ("DL# S530-7821-2345", ("S530-7821-2345", "id_number")),
        ("TIN 123-456-789-000 for the form.", ("123-456-789-000", "id_number")),
        ("UMID 0111-2345678-9", ("0111-2345678-9", "id_number")),
        ("PhilHealth 12-345678901-2", ("12-345678901-2", "id_number")),
        ("NIP 123-456-78-90", ("123-456-78-90", "id_number")),
        ("dowód ABC 123456", ("ABC 123456", "id_number")),
        ("PAN ABCPE1234F on the form.", ("ABCPE1234F", "id_number")),
        ("MR# 123456", ("123456", "id_number")),
        ("Card ending 4432 was blocked.", ("4432", "id_number")),
        ("NDIS number 430123456 is on file.", ("430123456", "id_number")),
        ("JAMB reg 12345678AB", ("12345678AB", "id_number")),
        # handles after a game or app and the word between
        ("xbox gt SilentK1ller", ("SilentK1ller", "handle")),
        ("Minecraft user CreeperKing7", ("CreeperKing7", "handle")),
        ("Her Strava is run.with.jo", ("run.with.jo", "handle")),
        ("PS5: kai_plays_11", ("kai_plays_11", "handle")),
        # forms the second brief's notes showed
        ("Seen at the hub, Dock Road. 26. Using at weekends.", ("26", "age")),
        ("They have a new baby (3 months) and little sleep.", ("3 months", "age")),
        ("PMTCT follow-up, baby 4 months.", ("4 months", "age")),
        ("She lives with her gran Ising who is 82 and has diabetes.", ("82", "age")),
        ("Kofi left the army in 2023 and works nights.", ("2023", "date")),
        ("She came from Zimbabwe in 2002.", ("2002", "date")),
        ("Worked at the depot from 2018 till the layoffs.", ("2018", "date")),
        ("Lived in Gdansk until 2015, then Leeds.", ("2015", "date")),
        ("recov mentor 4.11 - shaz\nseen at the hub", ("4.11", "date")),
        ("Says clean since aug, tests clean.", ("aug", "date")),
        ("Contract ends in grudzień.", ("grudzień", "date")),
        ("They moved in spring 2025 after the flood.", ("spring 2025", "date")),
        ("The officer said maybe mid Dec for a flat.", ("mid Dec", "date")),
        ("Peer note - Mateus O.\nMon 9 Nov, met at the library.", ("Mon 9 Nov", "date")),
        ("Made a Facebook to reach his old group friends (nate.b.pdx).", ("nate.b.pdx", "handle")),
        ("I'll text him on messenger paolo.dlc tonight.", ("paolo.dlc", "handle")),
        ("On Parenting Payment, CRN 208 449 317K.", ("208 449 317K", "id_number")),
        ("Medi-Cal, CIN 92771836B", ("92771836B", "id_number")),
        ("Case no he gave me ZE25P01873.", ("ZE25P01873", "id_number")),
        # ages as intake forms and quick notes give them
        ("A man, mid-40s, came in.", ("mid-40s", "age")),
        ("He's 40-something and sleeping rough.", ("40", "age")),
        ("She's 45ish, she thinks.", ("45", "age")),
        ("Client is approx 45.", ("45", "age")),
        ("Client: 34 yrs, male.", ("34", "age")),
        ("DOB/Age: 01/01/1980 (45)", ("45", "age")),
        ("Her toddler (2) was there.", ("2", "age")),
        ("Her kids are 4, 6 and 9.", ("6", "age")),
        ("His grandkids aged 2-6 visit.", ("6", "age")),
        ("Celebrating 18 today.", ("18", "age")),
        ("At seventeen she left home.", ("seventeen", "age")),
        ("She's the eldest at 19.", ("19", "age")),
        ("Brother 22 is in prison.", ("22", "age")),
        ("Her gran, 101, lives alone.", ("101", "age")),
        ("YP is 15 (DOB 03/02/2011), in Year 10.", ("15", "age")),
        ("Mr O, 52, ex-forces.", ("52", "age")),
        ("Jo B., 44, came in.", ("44", "age")),
        # share codes, PhilSys numbers; handles quoted, after "in-game name", after "(private)"
        ("Share code W4X 7YZ 9AB for the landlord.", ("W4X 7YZ 9AB", "id_number")),
        ("PhilSys 1234-5678-9012-3456", ("1234-5678-9012-3456", "id_number")),
        ("NINo: AB-12-34-56-C", ("AB-12-34-56-C", "id_number")),
        ("Her Medicare number is on the form (1EG4-TE5-MK72).", ("1EG4-TE5-MK72", "id_number")),
        ("Service no. KDF 31004477 on his card.", ("KDF 31004477", "id_number")),
        ("Last 4 SSN: 4412", ("4412", "id_number")),
        ("Energy bill acct 9100 4482 1067 is overdue.", ("9100 4482 1067", "id_number")),
        ("Manitoba Health #MB 123 447 908", ("MB 123 447 908", "id_number")),
        ("Complaint SR# 311-26451983 logged.", ("311-26451983", "id_number")),
        ('His gamertag "NoScope" is known.', ("NoScope", "handle")),
        ("in-game name NoScope77", ("NoScope77", "handle")),
        ("Her IG (private) is lil.b.03", ("lil.b.03", "handle")),
    ],
)
def test_regional_forms_are_found(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mood 3/5 today, sleep 6/10.",
        "She came the 3rd.",
        "Clean for 2 yrs now.",
        "Been together 9 yrs, married 5 yrs ago.",
        "It was only two of them.",
        "She's only one of three carers.",
        "Score was 14 when reviewed.",
        "Flat 4F has the buzzer.",
        "Room 12F upstairs.",
        "She spent £20/m on bus fares.",
        "Sertraline 100mg, up from 50mg in Step 2.",
        "Week 3 of 12 sessions, 45 mins each.",
        "The tenancy ending 2027 worries her.",
        "Meet at 1400 hrs.",
        "Ring Lifeline SA 0861 322 322 or Poland's 116 123.",
        "PHQ-9 of 14, GAD-7 11, K10 24.",
        "She's in Year 11; Year 12 next.",
        "Section 136 was used.",
        "She wants to pass ECO1010 supplementary exam.",
        "Extra time for her FINA2000 paper.",
        "Missed the deadline for module PHAR2210.",
        "PROGRESS NOTE - Peer Support Services (H0038 U1)",
        "CPT H0038",
        "Cravings highest since summer; over the summer things got worse.",
        "She wants to be debt-free in 2000 days, she joked.",
        "Aim: from 2000 to 2500 calories a day.",
        "Mental Health Act 1983, section 2.",
        "Sleep 4.5 - 5 hrs.",
        "Mood 5/10. 14. That was the score.",
        "Music from the late 90s helps.",
        "Arrived 10ish, left at 11.",
        "Room (2) is free.",
        "Session 22 is next week.",
        "Her kids are fine.",
        "Her score is 15 (was 12).",
        "Group B, 12, came top.",
        "Next review the 14th.",
        "Next session Monday the 7th.",
        "The service is 24/7.",
        "Match went 3-1.",
        "She knows 116 123 and 800 70 2222.",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert [f for f in found(text) if f[1] in {"date", "age", "id_number", "handle"}] == []


def test_a_time_after_a_date_does_not_swallow_a_street_number() -> None:
    text = "Walk-through 12/7 at 2110 Maplewood Ave."
    assert ("12/7", "date") in found(text)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("a hundred and two", 102),
        ("one hundred", 100),
        ("twenty one", 21),
        ("nonagenarian", 90),
        ("thirty", 30),
    ],
)
def test_ages_in_words_have_their_value(words: str, value: int) -> None:
    assert number_value(words) == value


@pytest.mark.parametrize(
    ("number", "service"),
    [("800 70 2222", True), ("116 111", True), ("0861 322 322", True), ("812 70 2222", False)],
)
def test_polish_and_european_freephone_numbers_are_services(number: str, service: bool) -> None:
    assert is_service_number(number) is service


@pytest.mark.parametrize(
    "text",
    [
        "Gave her Befrienders Kenya +254 722 178 177 before she left.",
        "Told him about Counselling Services same-day.",
        "Seeing a psych at Counselling and Psychological Services fortnightly.",
        "Told her about Student Services hardship fund.",
        "QLife and MensLine 1300 78 99 78 are open late.",
        "Applying for SNAP and WIC.",
        "GUM clinic appointment on Friday.",
        "Telefon Zaufania 116 123 and Centrum Wsparcia 800 70 2222.",
        "Hopeline PH 0917 558 4673.",
        "SCOFF 2/5, CAGE 2/4, MoCA 26/30.",
        "Attended 5/6 sessions.",
        "Week 4/12 of the programme.",
    ],
)
def test_helplines_and_a_universitys_own_services_stay(text: str) -> None:
    assert found(text) == []


def test_a_local_services_number_is_still_found() -> None:
    assert ("01632 960 123", "phone") in found("Rang the GP 01632 960 123 for her.")


def test_a_word_after_a_handle_in_brackets_is_not_a_handle() -> None:
    assert found("SoundCloud (joeyoch) - music is his outlet.") == [("joeyoch", "handle")]


@pytest.mark.parametrize(
    ("text", "date"),
    [("Transport to 12/8 appointment is booked.", "12/8"), ("30/11 session - mo", "30/11")],
)
def test_a_date_before_one_counted_thing_is_still_a_date(text: str, date: str) -> None:
    assert (date, "date") in found(text)
