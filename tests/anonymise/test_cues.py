"""What the vault does not know, found by the words around it; what must stay, kept."""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Category, Detector, Known

DETECTOR = Detector(Known())


def _found(text: str) -> list[tuple[str, Category]]:
    return [(text[i.start : i.end], i.category) for i in DETECTOR.find(text)]


def _surfaces(text: str) -> list[str]:
    return [s for s, _c in _found(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met at Castle Park after school.", "Castle Park"),
        ("Went to Cabot Circus and Bristol Royal Infirmary.", "Cabot Circus"),
        ("Went to Cabot Circus and Bristol Royal Infirmary.", "Bristol Royal Infirmary"),
        ("She moved to a flat near Filton last month.", "Filton"),
        ("Her cousin lives in Dún Laoghaire now.", "Dún Laoghaire"),
        ("He wants to study at UCD next year.", "UCD"),
        ("She studies at Trinity College Dublin (TCD).", "TCD"),
        ("Her dad was admitted to St John of God last month.", "St John of God"),
        ("He was admitted to Beaumont on Friday.", "Beaumont"),
        ("She volunteers at Oxfam on Saturdays.", "Oxfam"),
        ("He works at Costa on Harbour Street.", "Costa"),
        ("We talked about JB and his new job.", "JB"),
        ("JB said he would phone.", "JB"),
        ("J. Bennett rang the office.", "J. Bennett"),
        ("Grace (known as Gigi) was upbeat.", "Gigi"),
        ("Korede came in late and tired.", "Korede"),
        ("Her account is jord_e and she posts daily.", "jord_e"),
        ("She follows sam_b09 everywhere.", "sam_b09"),
        ("Mr Brojek emailed about the move to ulica Bema 357.", "ulica Bema 357"),
        ("They are moving to 1432 Esther Trail Suite 375 soon.", "1432 Esther Trail Suite 375"),
        ("Phone (863) 516-7431 x9546 after six.", "(863) 516-7431 x9546"),
        ("Mobile 507 381 505 is her new one.", "507 381 505"),
        ("Mr Ó Fionnghalaigh rang.", "Ó Fionnghalaigh"),
        ("She texted on the 6th of December.", "the 6th of December"),
        ("Addendum: phoned 10/12 about housing.", "10/12"),
        ("She is 16 years of age.", "16"),
        ("Her nan is in her 90s now.", "90s"),
        ("Eircode D02 X285 on the letter.", "D02 X285"),
        ("PPS 1234567T on the form.", "1234567T"),
        ("The number was 44051401359 on the letter.", "44051401359"),
        ("They met outside Tesco on Friday.", "Tesco"),
        ("She works at Murphy's Bar now.", "Murphy's Bar"),
        ("He plays for Bohemian Rovers.", "Bohemian Rovers"),
        ("Her blog is kasia.ie now.", "kasia.ie"),
        ("Name: Seweryna Kaczmarek\nPhone: 041 164 9606", "Seweryna Kaczmarek"),
        ("Met Emilie S. Nielsen at the library.", "Emilie S. Nielsen"),
        ("Maho Hudobivnik listed his top songs.", "Maho Hudobivnik"),
        ("My IBAN is GB25FQPA72297102822512 today.", "GB25FQPA72297102822512"),
        ("When: 1991-07-29 23:51:49 at the hall.", "1991-07-29 23:51:49"),
        ("Next week I'll turn 27.", "27"),
        ("I'm in TARVASJOKI at the conference.", "TARVASJOKI"),
        ("Can someone call me on 0650 126 40 10?", "0650 126 40 10"),
    ],
)
def test_unknown_identifiers_are_found_by_their_cue(text: str, expected: str) -> None:
    assert any(expected in s or s == expected for s in _surfaces(text)), _found(text)
    assert any(s == expected for s in _surfaces(text)) or any(
        s.startswith(expected) or expected.startswith(s) for s in _surfaces(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "PHQ-9 of 14 this week, GAD-7 11.",
        "Her GAD7 was 9 and PHQ9 score 17.",
        "She scored 14 on the PHQ-9.",
        "Sertraline 50mg, CBT on Monday, call Samaritans or NHS 111 if needed.",
        "March was hard; she went to the GP. She is in Year 11.",
        "We went to the park and then the skate park.",
        "Mood 8/10, anxiety 6/10, sleep 3/5.",
        "She has been low for 3/7 and off work for 2/52.",
        "When: Tuesday 3pm, in person.",
        "She rated the day 7/12 and slept 9 hours.",
        "She talked about her ADHD and the CAMHS referral.",
    ],
)
def test_must_stay_words_are_kept(text: str) -> None:
    assert _found(text) == []


def test_a_name_found_once_is_found_everywhere_in_the_text() -> None:
    text = "Kwame Ellery came. Later Ellery phoned, and Ellery's mum too."
    assert _surfaces(text) == ["Kwame Ellery", "Ellery", "Ellery"]


def test_a_kept_word_inside_an_email_or_handle_does_not_spare_it() -> None:
    text = "Email sat.jones@example.org or @wed_sertraline99 on insta."
    assert _surfaces(text) == ["sat.jones@example.org", "@wed_sertraline99"]
