"""Proper nouns no list knows, found by the dictionary signal and the head word of their run.

Every example is invented here, with names and places chosen to be in none of the shipped name
or town lists; each has a look-alike that must stay (ordinary capitalised words, apps,
festivals, drugs, services, sentence openers).
"""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Detector, Known
from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.gazetteers import load_gazetteers
from mentorjournal.anonymise.proper_nouns import ProperNounDetector, dictionary_words
from mentorjournal.anonymise.textutil import tokenize

from .conftest import spans_of

EMPTY = Detector(Known())
PROPER = ProperNounDetector(load_gazetteers())


def proper(text: str) -> list[tuple[str, str]]:
    return spans_of(text, PROPER.find(text, tokenize(text)))


def test_the_dictionary_has_ordinary_words_and_not_proper_nouns() -> None:
    words = dictionary_words()
    assert {"castle", "park", "green", "reading", "don't"} <= words
    assert not {"bristol", "filton", "okafor", "christmas"} & words
    assert len(words) > 50_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unlisted word, alone or in a run of capitals, wherever it stands in a sentence
        ("We talked about Zuberi and the move.", ("Zuberi", "name")),
        ("She stayed with Tamsyn Ocheltree for a week.", ("Tamsyn Ocheltree", "name")),
        ("Her cousin lives near Drumcondrick now.", ("Drumcondrick", "place")),
        ("He grew up in Kilbrackan, then moved.", ("Kilbrackan", "place")),
        ("Zuberi came in late and was upset.", ("Zuberi", "name")),
        # a run of dictionary words named by its head word
        ("They walked round Castle Park after school.", ("Castle Park", "place")),
        ("She volunteers at Riverside Community Centre.", ("Riverside Community Centre", "organisation")),
        ("Appointment at Green Lane Surgery on the 3rd.", ("Green Lane Surgery", "organisation")),
        ("He lives on Mill Road with his dad.", ("Mill Road", "address")),
        ("Moved to 14 Orchard Crescent last month.", ("14 Orchard Crescent", "address")),
        ("Works at Brightwater Logistics since June.", ("Brightwater Logistics", "organisation")),
        # joiners inside one name
        ("She starts at the University of Drumcondrick.", ("University of Drumcondrick", "organisation")),
        # an acronym after an organisation cue
        ("He studies at UCLX now.", ("UCLX", "organisation")),
    ],
)  # fmt: skip
def test_finds_unlisted_proper_nouns(text: str, expected: tuple[str, str]) -> None:
    assert expected in proper(text)


@pytest.mark.parametrize(
    "text",
    [
        "Went to the park after school.",  # nothing capitalised but the opener
        "Watched Netflix and played Fortnite on the Xbox.",  # apps and games identify nobody
        "Christmas was hard; Easter better. Eid next week.",  # festivals
        "Started Sertraline on Monday in March.",  # drugs, weekdays, months
        "Referred to CAMHS and the GP by the SENCO.",  # services and roles
        "Didn't sleep. Hmm, tbh OK. Overall calmer.",  # openers, contractions, interjections
        "Church was full. Park was shut.",  # a head word opening a sentence
        "She is Polish and Catholic; speaks English.",  # nationalities, religions, languages
        "He lives in WA now, not NY.",  # state codes
        "Her postcode is LS6 2AB.",  # letters glued to digits are a code, not a word
        "Attenedd the meeting twice.",  # a typo of an ordinary word
        "Uni is stressful. Discussed Suicidal Ideation and Wellbeing.",  # words the 2020 lists lack
        "Group meets on Wednesdays and Fridays.",  # weekdays in the plural
        "Her mum goes to Al-Anon; PAPYRUS HOPELINEUK and EHCP came up.",  # services, jargon
        "Goals Reviewed: Attend College 3 Days A Week; Walk The Dog Daily.",  # a Title Case line
        "My Safe Place is the beach. The Long Way round.",  # street words without a number
        "Referred to the Walk-in Centre and the Crisis Café.",  # services named generically
        "She uses WellMind and MindShift; tried the Woebot app.",  # apps
        "HoNOSCA 14 and Warwick-Edinburgh 40 at review.",  # a score's name before its number
        "Her dad is Ghanaian and speaks Twi and Urdu; she is Pentecostal.",  # people, languages
        "Diagnosed with Asperger's, not Tourette's.",  # eponyms of conditions
        "Takes Elvanse 30mg and Xaggitin.",  # drugs
        "Started Brexpiprazole; Zyxo XL at night.",  # a drug's stem, a dose word after a name
        "Gave her Kindaline and Tele-CALMA 14422; on Zorvacade monthly.",  # helplines, a drug
        "Taking her ARVs again. Moved in with Flatmates.",  # an acronym's plural, compounds
        "Dad has Hopewise Call Back Service 1300 111 222.",  # a helpline before its number
        "She grew up in Poland and lives with Asperger's.",  # a country, a condition
        "Course: BSc Psychology, then an MSc.",  # degrees
    ],
)
def test_leaves_ordinary_capitals(text: str) -> None:
    assert proper(text) == []


def test_a_title_and_a_relation_stay_outside_the_name() -> None:
    assert proper("Spoke to Dr Okonjwe today.") == [("Okonjwe", "name")]
    assert proper("Her Auntie Bisola visited.") == [("Bisola", "name")]


def test_a_sentence_opener_is_dropped_from_a_run() -> None:
    assert proper("Visited Castle Park again.") == [("Castle Park", "place")]


def test_in_the_detector_the_whole_run_is_found_and_a_kept_word_splits_it() -> None:
    text = "Met Tamsyn Ocheltree at Brookvale Leisure Centre on Monday. Tamsyn was calmer."
    got = spans_of(text, EMPTY.find(text))
    assert ("Tamsyn Ocheltree", "name") in got
    assert any(s == "Brookvale Leisure Centre" for s, _ in got)
    assert ("Tamsyn", "name") in got  # every other mention of the name
    assert not any("Monday" in s for s, _ in got)


def test_an_absorbed_span_stands_when_its_container_loses() -> None:
    """A name inside a longer run that an address beats is still found on its own."""
    text = "Mrs. Lori Muir Suite 045 2767 40th Street"
    got = spans_of(text, EMPTY.find(text))
    assert ("Lori Muir", "name") in got
    assert all(c != Category.NAME.value or "Suite" not in s for s, c in got)


def test_a_possessive_before_a_noun_is_a_person_and_a_venue_surname_stays_a_name() -> None:
    assert proper("She stayed at Gethinio's house.") == [("Gethinio's", "name")]
    assert ("Sarah Green", "place") not in proper("She met Sarah Green at the gym.")


def test_a_verb_or_frequent_word_opening_a_sentence_is_not_part_of_the_name() -> None:
    assert proper("Supports Man United.") == [("Man United", "organisation")]
    assert proper("Left Oakbrindle Academy in May.") == [("Oakbrindle Academy", "organisation")]
    assert proper("Castle Park was busy.") == [("Castle Park", "place")]


def test_a_company_keeps_its_legal_form() -> None:
    assert proper("She works at Petrovar Holding AG now.") == [
        ("Petrovar Holding AG", "organisation")
    ]


def test_ordinary_words_may_sit_inside_a_name() -> None:
    assert ("Texas Instruments", "organisation") not in proper("Laid off from Texas Instruments.")
    assert proper("She looked at Filipino Youth Initiative online.") == [
        ("Filipino Youth Initiative", "organisation")
    ]


def test_the_words_around_a_name_complete_it() -> None:
    assert proper("Nan moved into Hawthorn Lea care home.") == [
        ("Hawthorn Lea care home", "organisation")
    ]
    assert proper("Mum is treated at The Marsden now.") == [("The Marsden", "name")]
    assert proper("Met at Boys & Girls Club on Tuesday.") == [("Boys & Girls Club", "organisation")]
    assert proper("Referred to Glenmoor Association for Mental Health.") == [
        ("Glenmoor Association for Mental Health", "organisation")
    ]
    assert ("Riverside Recovery Center", "organisation") in proper(
        "Location: Riverside Recovery Center, Columbus."
    )


def test_capitalised_words_after_a_preposition_name_something() -> None:
    assert proper("She volunteers at Compass on weekends.") == [("Compass", "organisation")]
    assert proper("Struggling with Anxiety at College.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flat is at 4420 N 7th Ave #12, Phoenix.", "4420 N 7th Ave #12"),
        ("Address on file: 2318 Calloway Rd SW Apt C4, Atlanta.", "2318 Calloway Rd SW Apt C4"),
        ("Her apartment: 35 Jarvis St, #1207, Toronto.", "35 Jarvis St, #1207"),
        ("Office at 5830 Granite Pkwy Ste 100 in Plano.", "5830 Granite Pkwy Ste 100"),
        ("Basement suite (13562 72 Ave) with four others.", "13562 72 Ave"),
    ],
)
def test_north_american_street_addresses_are_whole(text: str, expected: str) -> None:
    assert (expected, "address") in spans_of(text, EMPTY.find(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lives in digs at 23 Newcastle Park, Galway.", "23 Newcastle Park"),
        ("Home is Flat B, 41 Pepys Road now.", "Flat B, 41 Pepys Road"),
        ("Met at the cafe, 16-20 Leeds St.", "16-20 Leeds St"),
        ("Training at the ground (Jubilee Way, KT4 7PP) Monday.", "Jubilee Way"),
    ],
)
def test_house_numbers_flats_and_estates_belong_to_the_street(text: str, expected: str) -> None:
    assert (expected, "address") in spans_of(text, EMPTY.find(text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Her flat in Hamilton East (7 Grey Street, 3216) is damp.", "3216"),
        ("Lives in Barangay Lahug, Cebu City 6000 with her aunt.", "6000"),
        ("Moved to North York (2450 Finch Ave W, M9M 2G2) in May.", "M9M 2G2"),
    ],
)
def test_a_postal_code_after_an_address_or_a_town(text: str, code: str) -> None:
    assert (code, "postcode") in spans_of(text, EMPTY.find(text))


def test_a_year_after_a_town_is_not_a_postal_code() -> None:
    text = "She moved to Cebu City 2019 and back."
    assert ("2019", "postcode") not in spans_of(text, EMPTY.find(text))


def test_a_quoted_nickname_is_part_of_the_name_and_found_again() -> None:
    text = 'His mate Stevie "Spud" Robson died. He still has Spud\'s jacket. Talked about Spud.'
    got = spans_of(text, EMPTY.find(text))
    assert ('Stevie "Spud" Robson', "name") in got
    assert [s for s, _ in got].count("Spud") == 2
    text = 'Mentee: Jordan (Jo) Marchand. Jo said hi. Old pal "Smoke" (Darnell) rang.'
    got = spans_of(text, EMPTY.find(text))
    assert ("Jordan (Jo) Marchand", "name") in got and ("Smoke", "name") in got


def test_initials_and_short_forms_defined_by_a_name_in_brackets() -> None:
    text = "Mentee TK (Tayla Kerrigan) texted. tk: hey. Later gabe (gabriel fernhill) rang."
    got = spans_of(text, EMPTY.find(text))
    assert {("TK", "name"), ("Tayla Kerrigan", "name"), ("tk", "name"), ("gabe", "name")} <= set(
        got
    )
    text = "Quick log - DJ (Darion Jacksby, 20) met me. DJ says his cousin was hurt."
    assert [s for s, _ in spans_of(text, EMPTY.find(text))].count("DJ") == 2
    text = "Has GAD (generalised anxiety disorder) and DV (domestic violence) history."
    assert spans_of(text, EMPTY.find(text)) == []


def test_a_pets_name_and_the_town_between_a_street_and_its_state() -> None:
    text = "Talked about her dog Biscuit and the cat called Pudding."
    assert spans_of(text, EMPTY.find(text)) == [("Biscuit", "name"), ("Pudding", "name")]
    text = "Viewed a flat at 4420 N 7th Ave #12, Phoenix, AZ 85013."
    assert ("Phoenix", "place") in spans_of(text, EMPTY.find(text))


def test_an_acronym_before_capitalised_words_is_an_organisation_not_a_record_heading() -> None:
    assert proper("Software job at UST Globalis now.") == [("UST Globalis", "organisation")]
    assert proper("She has been to SHU Wellbeing once.") == [("SHU Wellbeing", "organisation")]
    assert proper("BIRP Progress Note for today.") == []
    assert proper("Seen at Perth Children's Hospital.") == [
        ("Perth Children's Hospital", "organisation")
    ]


def test_a_lower_case_head_after_a_capitalised_name() -> None:
    assert ("Marsh factory", "organisation") in proper("She works nights at the Marsh factory.")
    assert proper("Goes to the Polish school on Saturdays.") == []
    assert proper("She works at Bluebell Lodge Care Home.") == [
        ("Bluebell Lodge Care Home", "organisation")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Beckwith Anxiety Inventory 18 at review.",  # a measure's name
        "Lives at 12 Mill Road, Monday AM visits.",  # a weekday after a street is not a town
        "She is in Ennistymon 1800 247 247 is the line.",  # a helpline number is no postal code
        "See you Weds; the group in Weds went well.",  # a weekday's short form
        "Started Effexor and Klonopin.",  # brand names of drugs
    ],
)
def test_what_must_stay_beside_the_new_rules(text: str) -> None:
    got = spans_of(text, EMPTY.find(text))
    assert not any(
        word in s for s, _ in got for word in ("Anxiety", "Monday", "1800", "Weds", "Effexor")
    )


def test_an_acronym_before_a_noun_of_membership_or_visits_is_an_organisation() -> None:
    assert proper("Helped her reschedule the UNMX appointment.") == [("UNMX", "organisation")]
    assert proper("He is a UNISONX member now.") == [("UNISONX", "organisation")]
    assert proper("Went over the EHCP review and her TAFE course.") == []


def test_a_ward_or_unit_named_before_its_lower_case_word() -> None:
    assert proper("She is on Rowan ward at the moment.") == [("Rowan ward", "organisation")]
    assert proper("Moved to Maple unit last week.") == [("Maple unit", "organisation")]
    assert proper("She is on the acute ward.") == []


def test_a_street_after_flat_stops_before_its_postcode_and_a_code_ends_a_sentence() -> None:
    text = "3rd floor flat 41 Lilac Court DN4 8TU. Her husband passed."
    got = spans_of(text, EMPTY.find(text))
    assert any("Lilac Court" in s for s, _ in got) and any(s.endswith("DN4 8TU") for s, _ in got)
    text = "Her flat is at 7 Grey Street, 3216. She likes it."
    assert ("3216", "postcode") in spans_of(text, EMPTY.find(text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Peer session - Headspace-style drop in; DSA-equivalent mentoring.", "style"),
        ("Encouraged Health Connect Ontario (811) for a family doctor.", "Connect"),
        ("Crisis: Greyleas crisis line 0800 330 8590.", "Greyleas"),
        ("Goes to the group at Peaslee Neighborhood Center Tuesdays.", "Tuesdays"),
    ],
)
def test_compounds_helplines_and_plural_weekdays_stay(text: str, kept: str) -> None:
    assert not any(kept in s for s, _ in spans_of(text, EMPTY.find(text)))
