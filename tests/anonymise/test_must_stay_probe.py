"""Nothing a mentor must keep is removed: real drug, therapy, measure, helpline, service and
role names in the shapes notes are written in (``must_stay_probe.py`` lists them)."""

from __future__ import annotations

import re

import pytest

from mentorjournal.anonymise import Detector, Known
from tests.anonymise import must_stay_probe as probe


def _sentences() -> list[str]:
    out = []
    for terms, shapes in probe.GROUPS:
        for term in terms:
            for shape in shapes:
                if "{lower}" in shape:
                    out.append(shape.replace("{lower}", term.lower()))
                else:
                    out.append(shape.replace("{}", term))
    return out


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(Known())


def test_the_probe_is_large_and_varied() -> None:
    sentences = _sentences()
    assert len(sentences) > 4000
    assert sum(len(terms) for terms, _ in probe.GROUPS) > 700


def test_no_must_stay_word_is_removed_from_any_sentence(detector: Detector) -> None:
    removed = []
    for sentence in _sentences():
        found = detector.find(sentence)
        if found:
            removed.append((sentence, [sentence[i.start : i.end] for i in found]))
    assert removed == [], f"{len(removed)} sentences lose words, first: {removed[:10]}"


@pytest.mark.parametrize("marked", probe.NOTES)
def test_no_must_stay_word_is_removed_from_whole_notes(detector: Detector, marked: str) -> None:
    text = marked.replace("[[", "").replace("]]", "")
    kept = []
    offset = 0
    for m in re.finditer(r"\[\[(.+?)\]\]", marked):
        start = m.start() - offset
        kept.append((start, start + len(m.group(1))))
        offset += 4
    found = detector.find(text)
    lost = [text[s:e] for s, e in kept if any(i.start < e and s < i.end for i in found)]
    assert lost == []
    assert [text[i.start : i.end] for i in found] == []


def test_a_named_person_beside_the_same_words_is_still_found(detector: Detector) -> None:
    """The kept words do not shield a person or a phone written next to them."""
    text = "Keyworker Tomasz Wierzbicki rang Tues; Frank 07700 900123 is his brother."
    found = {text[i.start : i.end] for i in detector.find(text)}
    assert "Tomasz Wierzbicki" in found
    assert any("07700 900123" in f for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Care plan no: 44821.", "44821"),  # a plan's reference named as one is still one
        ("Plan ref 44821X", "44821X"),
        ("Seen 12/03/2026 and 3.4.25.", "12/03/2026"),  # one separator: still a date
        ("Seen 12/03/2026 and 3.4.25.", "3.4.25"),
        ("Seen by Bristol Community Mental Health Team.", "Bristol"),  # a place's own team
        ("Went to Oakwood Recovery Hub today.", "Oakwood"),
        ("his cell 1-800-662-4357 is his own", "1-800-662-4357"),
        ("Now 10. Birthday was great.", "10"),
    ],
)
def test_the_narrowed_rules_still_find_what_they_should(
    detector: Detector, text: str, expected: str
) -> None:
    found = [text[i.start : i.end] for i in detector.find(text)]
    assert any(expected in f for f in found), found


def test_a_programme_named_with_its_kind_leaves_no_stray_word(detector: Detector) -> None:
    """ "GamCare group": trimming the kept name off an organisation leaves no "group" behind."""
    assert detector.find("Plan: attend GamCare group Tuesday online.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Stopped going to the Fatherhood group.",  # a group named by its topic
        "Supports: Maternal Mental Health team visits Tuesdays.",
        "Called VA pharmacy about the refill.",  # a national service's site by its kind
        "He is on methadone 70ml from the HSE clinic.",
        "Benzhexol 2.5mg (Artane) for the stiffness.",  # a brand in brackets after its dose
        "Also Eliquis 2.5 mg BID.",
        "Interested in Suboxone 8/2 induction.",
        "PGSI at intake was 19.",
        "Text reminder on Tuesday arvo.",
        "988 and the Distress Centre line on his phone.",
        "the Gardaí were called.",
        "Gave her ALONE 0818 222 024.",
    ],
)
def test_kinds_of_support_doses_and_service_lines_stay(detector: Detector, text: str) -> None:
    assert [text[i.start : i.end] for i in detector.find(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She went to the Edinburgh group.", "Edinburgh"),  # a place's group
        ("Shared about the PANDAS Foundation groups.", "PANDAS Foundation"),
        ("Back at work in Tesco Artane 3 days a week.", "Artane"),  # the place, not the brand
        ("We got her food at Open Arms Whangārei.", "Whangārei"),  # a service's local branch
        ("Garda report at Mill Street Garda Station.", "Mill Street"),
        ("He went to Riverside Group.", "Riverside"),
    ],
)
def test_the_look_alikes_are_still_found(detector: Detector, text: str, expected: str) -> None:
    found = [text[i.start : i.end] for i in detector.find(text)]
    assert any(expected in f for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Safety plan made: Bea's number, Tito Boy, NCMH 1553, In Touch crisis line.",
        "Connected her to PANDA 1300 726 306 today.",
        "TCU Drug Screen V: 4 (historical).",
    ],
)
def test_helplines_in_lists_and_numbered_measures_stay(detector: Detector, text: str) -> None:
    kept = ("NCMH", "PANDA", "TCU")
    found = [text[i.start : i.end] for i in detector.find(text)]
    assert not any(k in f for f in found for k in kept), found
