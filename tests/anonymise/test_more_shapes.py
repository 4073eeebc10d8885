"""Dates, ages and references in shapes the main rules left: dates in other languages and in
Roman-numeral months, apostrophe years, spans of years, a year straight after a life event, a
day.month after an event verb; ages in bracketed lists and at a life event, with a unit after
a name; references of three or more groups. All examples are invented; each shape has
look-alikes that must stay (scores, doses, times, rooms, numbered lists, helplines)."""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Detector, Known

from .conftest import spans_of

EMPTY = Detector(Known())


def found(text: str) -> list[tuple[str, str]]:
    return spans_of(text, EMPTY.find(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Notes for the team, le 9 janv. - Mme Roussel rang.", "le 9 janv"),
        ("On se voit mardi le 15 at the drop-in.", "mardi le 15"),
        ("Sessie verslag 12 Okt 2026, kantoor.", "12 Okt 2026"),
        ("Spotkanie: czwartek, 5 marca 2026 - sesja 2", "czwartek, 5 marca 2026"),
        ("Starts his new job 21 X, nights.", "21 X"),
        ("Data: 8 IV 2026, 50 min.", "8 IV 2026"),
        ("Piątek 13.03 - Ola came in.", "Piątek 13.03"),
        ("Sesiwn: Gwener 6 Mawrth (Fri 6 Mar)", "Gwener 6 Mawrth"),
        ("Hui: Rāmere 4 Mahuru, marae.", "Rāmere 4 Mahuru"),
    ],
)
def test_dates_in_other_languages(text: str, expected: str) -> None:
    assert (expected, "date") in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He split from his partner in '07 and moved.", "'07"),
        ("Owes the college for spring '25 still.", "spring '25"),
        ("Served 1988-2004, two tours.", "1988-2004"),
        ("Posted to Cyprus 2011-12 with the regiment.", "2011-12"),
        ("Enlisted 1996, quit the drink since.", "1996"),
        ("Joined up, then Left 2016 after the injury.", "2016"),
        ("Was sectioned in 2015 and again 2018.", "2018"),
        ("His brother came over 2006 for work.", "2006"),
        ("She was discharged 14.08. Still low.", "14.08"),
        ("Letter posted to Wexcombe 3.11. No reply.", "3.11"),
    ],
)
def test_years_and_day_months_tied_to_events(text: str, expected: str) -> None:
    assert (expected, "date") in found(text)


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Lives with her two girls (Maisie 11, Tia 7) in a flat.", ["11", "7"]),
        ("His grandchildren (3, 6 and 10) stay weekends.", ["3", "6", "10"]),
        ("Her siblings (15, 12) are still at home.", ["15", "12"]),
        ("She moved to Dundee from Gdynia at 13, alone with dad.", ["13"]),
        ("He started drinking at 15 with older lads.", ["15"]),
        ("Her mum died of cancer at 41 and she took over.", ["41"]),
        ("Uczestnik: Jan Kowal, 52 lat, kierowca.", ["52 lat"]),
        ('Beneficiary: Anil ("Anu"), 44 yrs, farmer.', ["44 yrs"]),
        ("Name: R. Dutt | Age: 61 yrs | card no. 1234", ["61 yrs"]),
        ("Piotr (27 l.) came after his shift.", ["27 l"]),
    ],
)
def test_ages_in_lists_events_and_with_units(text: str, ages: list[str]) -> None:
    result = found(text)
    for age in ages:
        assert (age, "age") in result


@pytest.mark.parametrize(
    "code",
    ["QX-RTV-40122", "LMNOP-K-71203", "APP-HS-2026-55102", "FUND/TRN/25/330917", "MT4/OBS/26/5512"],
)
def test_references_of_three_or_more_groups(code: str) -> None:
    assert (code, "id_number") in found(f"Her application ref is {code} - still pending.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A police case (KPS 318/07/2026) is open.", "KPS 318/07/2026"),
        ("OB no. RB 17/22/10/2026 at the station.", "RB 17/22/10/2026"),
    ],
)
def test_a_registers_prefix_before_a_slashed_number(text: str, expected: str) -> None:
    assert (expected, "id_number") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Will bring the form Thursday. 2. Linked to the food bank.",
        "Mood 7/10, sleep 6 hrs. PHQ-9 of 14, GAD7=11, scored 14 on the PHQ.",
        "Attended 5/6 sessions. Sertraline 50mg. Next Wed 18th.",
        "Met in room 2.14 at 3.15. Lithium level 0.7. Glucose 14.2 random.",
        "Drinks 1-1.5 bottles a day. Trelegy 100/62.5/25 inhaler.",
        "Samaritans 116 123. Lifeline 13 11 14 if needed.",
        "He moved the session to Leeds at 3 on Monday.",
        "She eats 2000-2500 calories on a good day.",
        "Ward 12 (Bay 3, Bed 4) on the left.",
        "PHQ-9, GAD-7, COVID-19, ICD-10 and DSM-5 were discussed.",
        "BP 120/80/60 today, DOB 12/08/2009 checked.",
        "Green Howards, 22 yrs incl. NI and Iraq.",
        "In 'Hollyoaks' last night there was a fight.",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    kinds = {"date", "age", "id_number"}
    result = found(text)
    bad = [
        (t, k)
        for t, k in result
        if k in kinds and t not in ("12/08/2009",)  # the date of birth is a date
    ]
    assert bad == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Visited Mr Alf Pratt (late 80s) at home.", "late 80s"),
        ("Gwen (mid-50s, cleaner) came in.", "mid-50s"),
        ("Seen 3/12: Kay (early thirties, woman) rang.", "early thirties"),
        ("Her grandson Rafe (20 months) was with her.", "20 months"),
        ("baby boy (11 mo) asleep in the pram.", "11 mo"),
        ("Baby Ines is 6 wks now and feeding well.", "6 wks"),
        ("Visit 3/12: Mrs Ida Crane (eighty-four) at her flat.", "eighty-four"),
        ('Client: Sunil Rao ("Sonu"), 31y   UHID 4455', "31y"),
    ],
)
def test_ages_as_decades_units_and_words(text: str, expected: str) -> None:
    assert (expected, "age") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Music from the late 90s calms him.",
        "He has been sober (6 weeks) now.",
        "Waitlist is long, about (18 months) they said.",
    ],
)
def test_eras_and_durations_are_not_ages(text: str) -> None:
    assert not [t for t, k in found(text) if k == "age"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peer note - Dunoon - 14 Mar 25  Behaviour: calm", "14 Mar 25"),
        ("Youth work - Leith - Tue 11 March 25  Kez came", "Tue 11 March 25"),
        ("Date: wk of 17/3, after school.", "wk of 17/3"),
        ("Session plan (w/c 9 Feb) agreed.", "w/c 9 Feb"),
        ("drop-in - 23/1 - jodie and kai", "23/1"),
        ("boxing club - 07/10 Met Ryan there", "07/10"),
        ("peer support perth 19th - colin rang", "19th"),
        ("Still upset about his brother's death (2017) and the inquest.", "2017"),
        ("Diagnosed type one diabetes 2012 at the children's hospital.", "2012"),
        ("Their baby (born Sept) is thriving.", "Sept"),
        ("Petsa: ika-12 ng Hunyo 2025, barangay hall.", "ika-12 ng Hunyo 2025"),
        ("Cebu - Setyembre 3, 2025 Jun (22) came", "Setyembre 3, 2025"),
    ],
)
def test_more_dates(text: str, expected: str) -> None:
    assert (expected, "date") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Group - Mood - 7/10 - settled.",
        "We talked for 12 March 25 minutes, oddly.",
        "Counted 3 Dec 12 people at the hall.",
        "Week of action planned, no date yet.",
    ],
)
def test_date_look_alikes_stay(text: str) -> None:
    assert [(t, k) for t, k in found(text) if k == "date" and any(c.isdigit() for c in t)] in (
        [],
        [("12 March", "date")],  # a day and month stay a date; only the minutes must not join
        [("Dec 12", "date")],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Participant   Last4: 8812   Date: today", "8812"),
        ("Resident: BLOGGS, Ann   UR 0623114   DOB", "0623114"),
        ('Student ("Lin", z5501873) - first year', "z5501873"),
        ("Rendering: NPI 1093817264 today", "1093817264"),
        ("EDIPI 1239847560 on the form", "1239847560"),
        ("Claim ctrl # 30221-00917-442 filed", "30221-00917-442"),
    ],
)
def test_more_references(text: str, expected: str) -> None:
    assert (expected, "id_number") in found(text)


def test_a_handle_in_brackets_after_a_game() -> None:
    assert ("ZedSlayer", "handle") in found("He plays ML (ZedSlayer) 3 hrs a night.")


def test_a_game_without_a_handle_shape_in_brackets_stays() -> None:
    assert not [
        t for t, k in found("He plays Minecraft (creative mode) with his brother.") if k == "handle"
    ]


def test_a_masked_date_of_birth() -> None:
    assert ("xx/xx/1981", "date") in found("Initials: R.T.   DOB: xx/xx/1981   Medicaid ID 12")


def test_every_handle_in_brackets_after_a_platform() -> None:
    result = found("Her cousins are on Snapchat (tazz_2210, mireyvee); she muted them 2 days ago.")
    assert ("tazz_2210", "handle") in result
    assert ("mireyvee", "handle") in result


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Says he feels flat. Mood 5-6/10 this week.", "5-6/10"),
        ("Wants to start Zubsolv 5/1 through the bridge clinic.", "5/1"),
        ("Missed the MA2104 quiz and a lab on Friday 3 Dec.", "MA2104"),
        ("DAST at intake was 14. Today he scored 9.", "14"),
    ],
)
def test_ratings_doses_course_codes_and_scores_stay(text: str, word: str) -> None:
    assert not any(word in t for t, _ in found(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Children (3) all at school on 4/12.", "3"),
        ("She's 2 yrs clean and on Vivitrol since 3 Dec.", "2"),
        ("The section 21 may be invalid, said CAB on 4/12.", "21 may"),
        ("They rent a 3 1/2 near the metro since 4/12.", "1/2"),
        ("Still sends R1500 a month home since 4/12.", "R1500"),
        ("Service: H0038 peer support, 4/12.", "H0038"),
        ("Ohio Medicaid H0038 progress note 4/12.", "H0038"),
        ("Service code W1701, 4/12.", "W1701"),
        ("Missed his COMP61011 coursework on 4/12.", "COMP61011"),
        ("Vet (USN, 24 yrs, born in Manila) came on 4/12.", "24 yrs"),
        ("Retired (RCN, supply tech, 20 yrs), seen 4/12.", "20 yrs"),
    ],
)
def test_counts_durations_verbs_fractions_money_and_codes_stay(text: str, word: str) -> None:
    assert not any(t == word for t, _ in found(text))


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("Off work since may w/ back pain, seen 4/12.", "may", "date"),
        ("Not used since start of Oct, seen 4/12.", "start of Oct", "date"),
        ("Her dad died on Boxing Day 2023; seen 4/12.", "Boxing Day 2023", "date"),
        ("A fall on Remembrance Sunday, seen 4/12.", "Remembrance Sunday", "date"),
        ("Party on Hallowe'en went badly, seen 4/12.", "Hallowe'en", "date"),
        ("Saw Zane and Kira (12 and 14, cousins) on 4/12.", "12", "age"),
        ("Met Dara (29 last week, big party) on 4/12.", "29", "age"),
        ("Met Ines (BSc yr 2, part-time job, 31) on 4/12.", "31", "age"),
        ("Client: K.M. (Kemi) 41 — seen 4/12.", "41", "age"),
        ("For someone who is 16 the rules differ, 4/12.", "16", "age"),
        ("Rang Ana from the council (09 555 0172) on 4/12.", "09 555 0172", "phone"),
    ],
)
def test_months_holidays_bracket_ages_and_phones(text: str, expected: str, kind: str) -> None:
    assert (expected, kind) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The results since may be wrong, 4/12.",
        "He texted her on New Year's, 4/12.",
        "Spent time with family over Christmas, 4/12.",
        "Mood (scores 12, 14) on 4/12.",
        "He is on his way, who is 5 minutes away, 4/12.",
        "Called Shout (0800 123 4567) on 4/12.",
    ],
)
def test_modal_may_vague_holidays_scores_and_freephones_stay(text: str) -> None:
    assert not [t for t, k in found(text) if k in ("date", "age", "phone") and t != "4/12"]
