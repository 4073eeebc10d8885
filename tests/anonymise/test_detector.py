"""Known identifiers in every variant, and people, places and organisations the vault does not know."""

from __future__ import annotations

import itertools

import pytest

from mentorjournal.anonymise import Category, Detector, Known, find_identifiers

from .conftest import spans_of


@pytest.mark.parametrize(
    "mention",
    ["Samuel", "samuel", "SAMUEL", "Samuel's", "Samuels", "Sammy", "sammy's", "Okonkwo", "okonkwo's",
     "Samual", "Smauel", "Samuel Okonkwo", "S.O.", "SO"],
)  # fmt: skip
def test_known_mentee_name_variants_are_the_mentee(detector: Detector, mention: str) -> None:
    text = f"Met with {mention} today and talked about sleep."
    hits = [i for i in detector.find(text) if i.who == "mentee"]
    assert hits, f"{mention!r} survived"
    # the span is the name itself: a possessive "'s" and a final full stop stay in the text
    assert text[hits[0].start : hits[0].end] == mention.rstrip(".").removesuffix("'s").removesuffix(
        "’s"
    )


def test_full_name_is_one_span_for_one_pseudonym(detector: Detector) -> None:
    text = "samuel okonkwo came in"
    assert spans_of(text, detector.find(text)) == [("samuel okonkwo", "name")]


def test_known_contacts_carry_their_identity(detector: Detector) -> None:
    text = "His mum adaeze rang; Tobiah came too."
    whos = {text[i.start : i.end]: i.who for i in detector.find(text)}
    assert whos == {"adaeze": "contact:mother", "Tobiah": "contact:friend"}


@pytest.mark.parametrize(
    "phone", ["07700 900123", "07700900123", "+44 7700 900 123", "0044 7700 900123", "077009 00123"]
)
def test_known_phone_in_any_grouping(detector: Detector, phone: str) -> None:
    text = f"text him on {phone} later"
    hits = [i for i in detector.find(text) if i.category is Category.PHONE]
    assert [(text[h.start : h.end], h.who) for h in hits] == [(phone, "mentee")]


@pytest.mark.parametrize(
    "dob", ["14/03/2009", "2009-03-14", "14th March 2009", "March 14th", "14.03.09"]
)
def test_date_of_birth_in_any_format_is_the_mentees(detector: Detector, dob: str) -> None:
    text = f"DOB {dob} confirmed"
    hits = [i for i in detector.find(text) if i.category is Category.DATE]
    assert [(text[h.start : h.end], h.who) for h in hits] == [(dob, "mentee")]


def test_known_places_and_email(detector: Detector) -> None:
    text = "Emailed SAMMY.OK@EXAMPLE.COM about larkspur academy and the bus from todmorden."
    assert spans_of(text, detector.find(text)) == [
        ("SAMMY.OK@EXAMPLE.COM", "email"),
        ("larkspur academy", "organisation"),
        ("todmorden", "place"),
    ]


def test_short_names_are_not_fuzzy_matched() -> None:
    detector = Detector(Known.from_dict({"mentee": {"first_name": "Sam"}}))
    text = "the same day, Sam said"
    assert spans_of(text, detector.find(text)) == [("Sam", "name")]


def test_a_known_name_that_is_an_everyday_word_goes_where_it_is_used_as_a_name() -> None:
    """A given name goes capitalised or used as a name in lower case ("grace came"); in lower
    case and used as the word ("He will try") it stays, as an everyday family name does."""
    known = Known.from_dict(
        {
            "mentee": {"first_name": "Will", "last_name": "Young"},
            "contacts": [{"name": "Grace White", "relation": "mum"}],
        }
    )
    text = "He will try. Will said so. young people; Young said; grace came; white paint; Mrs White rang"
    assert spans_of(text, Detector(known).find(text)) == [
        ("Will", "name"),
        ("Young", "name"),
        ("grace", "name"),
        ("White", "name"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saw Dr Patel about meds.", ("Patel", "name")),
        ("saw dr trelawney about meds.", ("trelawney", "name")),
        ("her friend Zyrah came", ("Zyrah", "name")),
        ("stayed at Gethin's house", ("Gethin", "name")),
        ("Kwabena (brother) visited", ("Kwabena", "name")),
        ("her boss jago cut his hours", ("jago", "name")),
        ("GP appt booked for her", None),
        ("Talked to Priya about school.", ("Priya", "name")),
        ("She goes to Oakwood Academy now", ("Oakwood Academy", "organisation")),
        ("admitted to Willow Ward on Friday", ("Willow Ward", "organisation")),
        ("seen at Leeds General Infirmary", ("Leeds General Infirmary", "organisation")),
        ("works at Greggs on Saturdays", ("Greggs", "organisation")),
        ("goes to st hilda's primary", ("st hilda's primary", "organisation")),
        ("she lives in Rotherham with", ("Rotherham", "place")),
        ("moved from paisley to salford", ("paisley", "place")),
        ("University of Leeds offer", ("University of Leeds", "organisation")),
    ],
)
def test_unknown_people_places_and_organisations(
    text: str, expected: tuple[str, str] | None
) -> None:
    found = spans_of(text, find_identifiers(text, Known()))
    assert expected in found if expected else found == []


@pytest.mark.parametrize(
    "text",
    [
        "He will try. She may come. Hope is low. It rose to 7. Paid the phone bill.",
        "Over the summer things were hard; she was frank about it; no joy with housing.",
        "Practised CBT, DBT skills and grounding; referred to the early intervention team.",
        "Went to A&E on Tuesday, then rang Samaritans and NHS 111; CAMHS letter due.",
        "Family moved from Poland; cousins in Texas and Ohio. Year 11 exams every May.",
        "Mum and Dad came. Christian faith matters to her. Universal Credit sorted.",
        "Sertraline 50mg increased. Next week we review. The GP surgery called.",
    ],
)
def test_must_keep_words_are_not_identifiers(text: str) -> None:
    assert spans_of(text, find_identifiers(text, Known())) == []


def test_results_are_sorted_disjoint_and_deterministic(detector: Detector) -> None:
    text = "Samuel (16) met Dr Patel at Larkspur Academy on 3rd March; call 07700 900123 or sammy.ok@example.com."
    first = detector.find(text)
    assert first == detector.find(text) == find_identifiers(text, detector.known)
    for a, b in itertools.pairwise(first):
        assert a.end <= b.start


@pytest.mark.parametrize(
    "text",
    [
        "Samaritans on 116 123, Childline 0800 1111, PAPYRUS HOPELINEUK 0800 068 4141, CALM 0800 58 58 58.",
        "Met in the café on the high street. Saw the School Nurse.",
        "Took Sertraline 100mg and Melatonin 2mg; started Cognitive Behavioural Therapy.",
        "She is 5 foot 2 and weighs 8 stone; he is 10 minutes late as usual.",
        "She left last year; she is in Year 9 now.",
        "He is on fluoxetine 60mg and waiting for ERP at the clinic.",
        "She is in ERP therapy; he attends a CPT group weekly.",
        "Switched her to Invega Sustenna 156mg monthly; Abilify Maintena next.",
    ],
)
def test_helplines_things_and_quantities_stay(text: str) -> None:
    assert spans_of(text, find_identifiers(text, Known())) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She grew up in north London.", ("London", "place")),
        ("Charlotte said she was fine.", ("Charlotte", "name")),
        ("Saw Jordan and his mum.", ("Jordan", "name")),
        ("Family are from Jordan.", None),
        ("Mum (Karen) came too.", ("Karen", "name")),
        ("Came with Sam B. today.", ("Sam B", "name")),
    ],
)
def test_names_that_are_places_follow_the_context(
    text: str, expected: tuple[str, str] | None
) -> None:
    found = spans_of(text, find_identifiers(text, Known()))
    assert found == ([expected] if expected else [])


def test_short_forms_hyphen_parts_and_place_words_are_known() -> None:
    known = Known.from_dict(
        {
            "mentee": {"first_name": "Samuel", "last_name": "Okafor-Smith"},
            "contacts": [{"name": "Alexandra Jones", "relation": "mother"}],
            "places": [{"name": "Oakfield Academy", "type": "school"}],
        }
    )
    text = "Sam and Sammy, Alex and okafor; Kaitlynn is new. Back at Oakfield today."
    whos = [(text[i.start : i.end], i.who) for i in find_identifiers(text, known)]
    assert whos == [
        ("Sam", "mentee"),
        ("Sammy", "mentee"),
        ("Alex", "contact:mother"),
        ("okafor", "mentee"),
        ("Kaitlynn", None),
        ("Oakfield", "place:0"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Uses the Headspace app and Duolingo. Bought Nike trainers.",
        "Loves Marvel films and FIFA. Irish dancing and Polish school on Saturdays.",
    ],
)
def test_brands_and_nationalities_are_not_people_or_organisations(text: str) -> None:
    assert spans_of(text, find_identifiers(text, Known())) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alfie and Remi got into a fight.", ["Alfie", "Remi"]),
        ("texted kerys to confirm.", ["kerys"]),
        ("spoke to remi adeyemi (youth worker) today", ["remi adeyemi"]),
    ],
)
def test_unlisted_names_joined_or_cued(text: str, expected: list[str]) -> None:
    assert [s for s, _ in spans_of(text, find_identifiers(text, Known()))] == expected


def test_lower_case_words_after_a_relation_need_a_name_not_a_word() -> None:
    text = "her mum will come; his dad may ring; my friend hope; her mum sam; her dad dmitri; gp appt; a new girlfriend, maja, who"
    assert [s for s, _ in spans_of(text, find_identifiers(text, Known()))] == [
        "sam",
        "dmitri",
        "maja",
    ]


def test_sloppy_lower_case_shorthand_keeps_its_words() -> None:
    text = (
        "v anxious tbh, said school is rubbish and she cant cope. ed psych report due, et al. "
        "her step dad isnt helping. goes to youth club tues. pt job. cbt waitlist 12 wks. "
        "phq9 = 17, gad7 = 14. ss involved, lac review next month. no si. crisis line number given."
    )
    assert spans_of(text, find_identifiers(text, Known())) == []


def test_title_case_headings_are_not_identifiers() -> None:
    text = (
        "Session Summary: Risk Assessment Completed. Next Steps: Care Plan Review With Key Worker.\n"
        "Goals Reviewed: Attend College 3 Days A Week; Walk The Dog Daily; Call Grandma On Sundays.\n"
        "Mentor Reflection (Gibbs): Description, Feelings, Evaluation, Analysis, Conclusion, Action Plan."
    )
    assert spans_of(text, find_identifiers(text, Known())) == []


def test_accented_known_names_match_typed_without_accents() -> None:
    known = Known.from_dict(
        {"mentee": {"first_name": "Siân"}, "contacts": [{"name": "Zoë", "relation": "sister"}]}
    )
    text = "sian and zoe came; Siân’s mum; ZOË rang"
    assert [
        (s, i.who)
        for (s, _), i in zip(
            spans_of(text, find_identifiers(text, known)),
            find_identifiers(text, known),
            strict=True,
        )
    ] == [
        ("sian", "mentee"),
        ("zoe", "contact:sister"),
        ("Siân", "mentee"),
        ("ZOË", "contact:sister"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("her keyworker at fernhill house is off", [("fernhill house", "organisation")]),
        ("at nans house again", []),
        ("moving house soon", []),
        ("at my house", []),
    ],
)
def test_lower_case_house_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans_of(text, find_identifiers(text, Known())) == expected


def test_relation_words_with_swapped_letters_still_cue_a_name() -> None:
    text = "Her keywokrer Precious rang. He has a new girlfrined, Mia-Rose, who is lovely."
    names = [s for s, c in spans_of(text, find_identifiers(text, Known())) if c == "name"]
    assert names == ["Precious", "Mia-Rose"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a fight outside the red lion pub last night", [("red lion pub", "organisation")]),
        ("boss jago at lidl cut his hours", [("jago", "name"), ("lidl", "organisation")]),
        ("lacey and maja got into a fight", [("lacey", "name"), ("maja", "name")]),
        (
            # a labelled field is taken whole, to the end of its line
            "Address: 17 Mill Lane, Dayton S2 4QD.",
            [("17 Mill Lane, Dayton S2 4QD", "address")],
        ),
        ("she has a job at the chippy now", []),
        ("outside the local pub, then the dodgy pub", []),
        ("outside The Red Lion pub", [("The Red Lion pub", "organisation")]),
    ],
)
def test_lower_case_pubs_bosses_pairs_and_towns_before_postcodes(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert spans_of(text, find_identifiers(text, Known())) == expected
