"""The regex prefilter only ever skips scans that could not have matched."""

from __future__ import annotations

import random
import re

import pytest

from mentorjournal.anonymise import (
    Known,
    addresses,
    context_detector,
    cues,
    detector,
    generic_services,
    known_detector,
    more_forms,
    more_shapes,
    name_forms,
    organisations,
    patterns,
    place_forms,
    prefilter,
    proper_nouns,
    street_forms,
)
from mentorjournal.anonymise.evaluation.sets import brief_dev
from mentorjournal.anonymise.evaluation.synth import generate
from mentorjournal.anonymise.prefilter import (
    finditer,
    first_chars,
    folded,
    leading,
    may_match,
    requirement,
    search,
    word_openings,
)


@pytest.mark.parametrize(
    ("pattern", "flags", "without", "fold"),
    [
        (r"\b(?P<n>\d{1,3})\s*[- ]?(?:years?|yrs?)[- ]?olds?\b", re.I, "16 years young", True),
        (r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})", 0, "rated 7 of 10", False),
        (r"\bward\s+\d+", 0, "Ward 3", False),  # case-sensitive: "Ward" is not "ward"
        (r"\b(?:Flat|Apt)\.?\s*\d+", 0, "flat 2", False),
        (r"(?:known\s+as|aka)\s+(?P<n>\w+)", re.I, "she goes by Jo", True),
        (r"\b(?:X|on)\b(?i:snap)", 0, "on Insta", True),  # an inline (?i: folds the whole pattern
    ],
)
def test_a_scan_is_skipped_only_without_the_literal_every_match_holds(
    pattern: str, flags: int, without: str, fold: bool
) -> None:
    regex = re.compile(pattern, flags)
    need = requirement(regex)
    assert need is not None and need[1] is fold
    assert regex.search(without) is None
    assert not may_match(regex, without)
    assert all(may_match(regex, f"x {s} y") for s in need[0])


@pytest.mark.parametrize(
    "pattern",
    [r"\d+", r"[A-Z]{2}\d{2}", r"(?:the)?\s*\d+", r"\b(?:on|)\d", r"\s+"],
)
def test_no_requirement_where_a_match_needs_no_literal(pattern: str) -> None:
    assert requirement(re.compile(pattern)) is None


def test_case_blind_matches_of_odd_characters_are_not_skipped() -> None:
    """Python matches "İ", "ı", "ſ" and "K" (Kelvin) case-blind to i, i, s and k."""
    regex = re.compile(r"\b(?:kids|this)\b", re.I)
    for text in ("\u212aIDS", "thıs", "tHİs", "kidſ"):
        assert regex.search(text) is not None
        assert may_match(regex, text), text
    assert not may_match(regex, "nothing here")
    assert folded("Straße İ") == "straße i"


def test_windows_are_checked_on_their_own() -> None:
    regex = re.compile(r"\bward\s+\d+")
    text = "ward 3 is far away from 12 other numbers"
    assert may_match(regex, text, 0, 10)
    assert not may_match(regex, text, 10, len(text))


#: Every module whose patterns scan notes through the prefilter.
_MODULES = (
    patterns,
    cues,
    context_detector,
    proper_nouns,
    detector,
    addresses,
    generic_services,
    known_detector,
    more_forms,
    more_shapes,
    name_forms,
    organisations,
    place_forms,
    street_forms,
)


def _module_patterns() -> list[re.Pattern[str]]:
    found = []
    for module in _MODULES:
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                found.append(value)
            elif isinstance(value, tuple):
                found.extend(v for v in value if isinstance(v, re.Pattern))
    return found


def test_never_skips_a_scan_that_matches_on_the_development_notes() -> None:
    """Every pattern of the detector, on brief-dev, synthetic notes and look-alike strings: where
    the pattern matches in a window, the prefilter lets that window be scanned."""
    rng = random.Random(5)
    texts = [n.text for n in brief_dev()] + [n.text for n in generate(120, 3)]
    pieces = ["Ward 7", "aged 16", "16-year-old", "\u212aIDS", "thıs", "ſt", "@sam_1", "1/2", "3.4"]
    texts += [" ".join(rng.choice(pieces) for _ in range(6)) for _ in range(200)]
    regexes = [r for r in _module_patterns() if requirement(r) is not None]
    assert len(regexes) > 40
    for regex in regexes:
        for text in texts:
            for m in regex.finditer(text):
                a = max(0, m.start() - rng.randint(0, 30))
                b = min(len(text), m.end() + rng.randint(0, 30))
                assert may_match(regex, text, a, b), (regex.pattern[:60], text[a:b])


def test_finditer_tries_a_pattern_only_where_it_can_start() -> None:
    """A case-blind alternation of words is tried where one of its words begins a word."""
    regex = re.compile(r"\b(?:insta(?:gram)?|ig|snap)\s*(?::|is)?\s*(?P<h>@?\w{3,})", re.I)
    lead = leading(regex)
    assert lead is not None
    assert set(lead[0]) == {"insta", "instagram", "ig", "snap"} and lead[1] and lead[2]
    text = "big night. Her IG is sam_b09; SNAP: jojo99 and insta @kai and xinsta nope " * 3
    assert [m.span() for m in finditer(regex, text)] == [m.span() for m in regex.finditer(text)]
    assert [m.span() for m in finditer(regex, text, 5, 60)] == [
        m.span() for m in regex.finditer(text, 5, 60)
    ]


@pytest.mark.parametrize("pattern", [r"\d+", r"(?:on|)\s*\d", r"\b(?:a|b*)c"])
def test_no_leading_strings_where_a_match_may_start_anywhere(pattern: str) -> None:
    assert leading(re.compile(pattern)) is None


def test_finditer_finds_what_the_engine_finds_on_the_development_notes() -> None:
    """Every pattern of the detector, over whole notes and over windows of them."""
    rng = random.Random(9)
    texts = [n.text for n in brief_dev()] + [n.text for n in generate(120, 4)]
    pieces = [
        "Ward 7",
        "aged 16",
        "IG: sam_1",
        "\u212aIDS",
        "thıs",
        "(snap: jo.b)",
        "1/2",
        "St. Jo's",
    ]
    texts += [" ".join(rng.choice(pieces) for _ in range(8)) for _ in range(200)]
    regexes = _module_patterns()
    assert sum(leading(r) is not None for r in regexes) > 40
    for regex in regexes:
        for text in texts:
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            for pos, endpos in ((0, len(text)), (a, b)):
                expected = [m.span() for m in regex.finditer(text, pos, endpos)]
                got = [m.span() for m in finditer(regex, text, pos, endpos)]
                assert got == expected, (regex.pattern[:60], text[pos:endpos])


def test_search_finds_what_the_engine_finds_on_the_development_notes() -> None:
    """``search`` (the rules' whole-note checks: "any military word?") gives the engine's own
    first match, over whole notes and windows, for every pattern of every module."""
    rng = random.Random(11)
    texts = [n.text for n in brief_dev()] + [n.text for n in generate(60, 6)]
    texts += ["served two tours in the army", "Sapper, 3 Rifles", "\u212aIDS army", "no cue here"]
    for regex in _module_patterns():
        for text in texts:
            a = rng.randint(0, len(text))
            for pos, endpos in ((0, len(text)), (a, len(text))):
                expected = regex.search(text, pos, endpos)
                got = search(regex, text, pos, endpos)
                assert (got and got.span()) == (expected and expected.span()), regex.pattern[:60]


def test_finditer_never_returns_overlapping_matches() -> None:
    regex = re.compile("ab|ba")
    text = "aba abab " * 10  # long enough for the leading-string search to be used
    assert [m.span() for m in finditer(regex, text)] == [m.span() for m in regex.finditer(text)]


def test_finditer_scans_when_the_leading_strings_are_everywhere() -> None:
    """Common leading words ("at", "on") would mean a try at every other word: the engine's own
    scan is used then, with the same matches."""
    regex = re.compile(r"\b(?:at|on)\s+(?:the\s+)?(?P<n>[A-Z]\w+)")
    text = "at on at on at the Park on at on Mill " * 20
    assert [m.span("n") for m in finditer(regex, text)] == [
        m.span("n") for m in regex.finditer(text)
    ]


def test_no_note_text_stays_cached_after_a_search() -> None:
    """The folded copies the scans share live only for one call: a note is not kept in memory."""
    found = detector.Detector(Known()).find(
        "Met Dana at the Kirkgate Café in Leeds on 3 May; she is 34."
    )
    assert found
    assert folded.cache_info().currsize == 0


def test_a_long_alternation_of_words_is_searched_by_its_words() -> None:
    """The seventy-odd clinical scales are found by their names (each a ``str.find``), not by a
    case-blind scan that tries every one of them at every position of the note."""
    lead = leading(cues.CLINICAL_SCORE_RE)
    assert lead is not None
    assert {"phq", "gad", "kessler", "scored"} <= set(lead[0]) and lead[1] and lead[2]
    text = "PHQ-9 of 14 today, GAD7 was 9; she scored 12 on the K10. Kessler 20. " * 4
    assert [m.span() for m in finditer(cues.CLINICAL_SCORE_RE, text)] == [
        m.span() for m in cues.CLINICAL_SCORE_RE.finditer(text)
    ]


@pytest.mark.parametrize(
    ("pattern", "flags", "chars"),
    [
        (r"(?<!\d)(\d{3})[ -]?(\d{4})", 0, "[\\d]"),
        (r"(?:\+\d{1,3}[ ]?)?\(?\d{3}", 0, "[\\(\\+\\d]"),
        (r"\b(?:19|20)\d{2}", re.IGNORECASE, "[12]"),
        (r"(?:Flat[ ])?\d+", 0, None),  # may start with a letter
        (r"\d?[a-z]", 0, None),
        (r"[^a-z]\d", 0, None),
        (r"\d*", 0, None),  # may match nothing, anywhere
    ],
)
def test_first_characters_of_a_pattern(pattern: str, flags: int, chars: str | None) -> None:
    first = first_chars(re.compile(pattern, flags))
    assert (first.pattern if first is not None else None) == chars


def test_a_scan_starts_at_the_first_character_a_match_can_begin_with() -> None:
    """Digit shapes start their scan at the first digit of the stretch: the matches, their
    look-behinds and the non-overlapping order are the engine's own, from any start."""
    regex = re.compile(r"(?<!\d)(?<!\d[.-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)")
    assert first_chars(regex) is not None
    text = "call 0207 946 0000 or 07700900123, not 1234567890123; x-555 123 4567. " * 3
    for pos in range(len(text)):
        for endpos in (len(text), pos + 20, pos + 40):
            assert [m.span() for m in finditer(regex, text, pos, endpos)] == [
                m.span() for m in regex.finditer(text, pos, endpos)
            ], (pos, endpos)
    assert list(finditer(regex, "no digits at all in this one")) == []


def test_a_leading_word_that_starts_another_finds_both() -> None:
    """ "jan" is searched for, not "january" as well: every "january" is a "jan" first, so the
    places tried and the matches are the same with one ``str.find`` fewer."""
    regex = re.compile(r"\b(?:jan|january|feb|february|may)\b\s*(?P<d>\d{1,2})\b", re.IGNORECASE)
    lead, _need, _first = prefilter._plan_of(regex.pattern, regex.flags)
    assert lead is not None and set(lead[0]) == {"jan", "feb", "may"}
    assert {"january", "february"} <= set(leading(regex)[0])  # type: ignore[index]
    text = "seen January 12, then jan 3 and Feb 28; mayday, may 1, janet 4, February 30. " * 4
    assert [m.span() for m in finditer(regex, text)] == [m.span() for m in regex.finditer(text)]


def test_the_openings_of_a_notes_words() -> None:
    """Each word's first two characters (one for a word at the very end) and its first alone;
    a word inside another ("_ab", "x2b") opens nothing."""
    assert word_openings("Met Jo, a x2b_ab at 9am i") == frozenset(
        {"Me", "M", "Jo", "J", "a ", "a", "x2", "x", "at", "9a", "9", "i"}
    )
    assert word_openings("") == frozenset()


def test_strings_no_word_opens_with_are_not_looked_for() -> None:
    """A pattern led by words after \\b tries only the strings some word of the note opens
    with: the same matches as the engine's, from any start, case-blind or not, with words
    glued to letters, digits, underscores and the odd case partners ("K" the Kelvin sign)."""
    blind = re.compile(r"\b(?:jan|january|kay|ann|so|st\.|may)\b\s*(?P<d>\d{1,2})\b", re.IGNORECASE)
    exact = re.compile(r"\b(?:Dr|Doctor|Nurse|Mx)\.?\s+(?P<n>[A-Z][a-z]+)\b")
    assert prefilter._plan_of(blind.pattern, blind.flags)[0] is not None
    text = (
        "seen January 12, jan 3, xjan 4, _may 5, may_6 7, \u212aay 8, KAY 9, st. 10, so 11; "
        "Dr Okafor, Doctor  Ade, xDr Bell, Mx. Lane, dr Oh, Nurse Ann 2. "
    )
    for regex in (blind, exact):
        for pos in range(0, len(text), 3):
            for endpos in (len(text), pos + 60):
                assert [m.span() for m in finditer(regex, text, pos, endpos)] == [
                    m.span() for m in regex.finditer(text, pos, endpos)
                ], (regex.pattern, pos, endpos)
    assert list(finditer(blind, "nothing here opens with any of them " * 3)) == []
    prefilter.clear()


def test_folding_keeps_every_character_a_word_character_or_not() -> None:
    """What ``word_openings`` rests on for case-blind patterns: a character folded to one
    character is a word character (``\\w``, ``is_word_char``) exactly when it was before."""
    odd = [
        c
        for c in map(chr, range(0x110000))
        if len(f := c.translate(prefilter._ODD_CASE).lower()) == 1
        and (c.isalnum() or c == "_") != (f.isalnum() or f == "_")
    ]
    assert odd == []
