"""Helpers that replace per-note work with cheaper equivalents must give exactly the same answers."""

from __future__ import annotations

import random
import re

import pytest

from mentorjournal.anonymise.textutil import (
    WORD_RE,
    Token,
    find_phrases,
    next_words,
    previous_words,
    strip_possessive,
    tokenize,
)


def _by_regex(text: str, phrases: set[str]) -> list[tuple[int, int]]:
    """The alternation ``propagate`` compiled for every note before ``find_phrases``."""
    alternatives = sorted(phrases, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w@])(?:" + "|".join(re.escape(a) for a in alternatives) + r")(?!\w)"
    )
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        ("Jordan Ellery met Ellery.", {"Ellery"}, [(7, 13), (18, 24)]),
        # the longest phrase at one place wins; the shorter one inside it is not found again
        ("at Castle Park, near Castle", {"Castle", "Castle Park"}, [(3, 14), (21, 27)]),
        # whole words only, and never a handle's tail or part of a longer word
        ("@Sam Samuel Sam_b Sam's Sam", {"Sam"}, [(18, 21), (24, 27)]),
        ("Zoë met Zoëy and Zoë", {"Zoë"}, [(0, 3), (17, 20)]),
        # overlapping occurrences: leftmost first, then on from its end
        ("Anna Anna Anna", {"Anna Anna"}, [(0, 9)]),
        ("", {"Sam"}, []),
        ("Sam", {""}, []),
    ],
)
def test_find_phrases(text: str, phrases: set[str], expected: list[tuple[int, int]]) -> None:
    assert find_phrases(text, phrases) == expected
    if "" not in phrases:
        assert _by_regex(text, phrases) == expected


def test_find_phrases_matches_the_regex_on_random_text() -> None:
    rng = random.Random(20261207)
    alphabet = [
        "Sam",
        "Jo",
        "Jo Bennett",
        "Bennett",
        " ",
        " ",
        ", ",
        "@",
        "_",
        "é",
        "x",
        "'s",
        "\n",
    ]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        phrases = set(rng.sample(["Sam", "Jo", "Jo Bennett", "Bennett", "Sam Jo", "o B"], 3))
        assert find_phrases(text, phrases) == _by_regex(text, phrases), (text, phrases)


def _previous_words_before(text: str, pos: int, n: int) -> list[str]:
    window = text[max(0, pos - 60) : pos]
    for stop in ".!?\n;":
        window = window.rsplit(stop, 1)[-1]
    return [w.lower().replace("’", "'") for w in re.findall(r"[A-Za-z'’&]+", window)][-n:]


def _next_words_before(text: str, pos: int, n: int) -> list[str]:
    window = text[pos : pos + 50]
    for stop in ".!?\n;":
        window = window.split(stop, 1)[0]
    return [w.lower().replace("’", "'") for w in re.findall(r"[A-Za-z'’]+", window)][:n]


def test_previous_and_next_words_as_before() -> None:
    """The words around a place, cut at the clause's end, lower-case: "rated it" before "7/10"."""
    assert previous_words("Mood. She rated it 7/10", 19, 2) == ["rated", "it"]
    assert previous_words("Her Mum’s car", 10) == ["her", "mum's"]
    assert next_words("Sam said; then", 3) == ["said"]
    rng = random.Random(7)
    alphabet = [
        "Sam",
        "said",
        " ",
        " ",
        ".",
        ";",
        "\n",
        "!",
        "?",
        "’s",
        "'",
        "&",
        "É",
        "\u212a",
        "7",
    ]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        pos = rng.randint(0, len(text))
        n = rng.randint(1, 4)
        assert previous_words(text, pos, n) == _previous_words_before(text, pos, n), (text, pos)
        assert next_words(text, pos, n) == _next_words_before(text, pos, n), (text, pos)


def _tokenize_before(text: str) -> list[Token]:
    tokens = []
    for match in WORD_RE.finditer(text):
        raw = match.group()
        base, possessive = strip_possessive(raw)
        word = raw if possessive else raw.rstrip("'’-")
        base = base.rstrip("'’-")
        if word and base:
            caps = word.isupper()
            start = match.start()
            capitalised = word[0].isupper() and not caps
            tokens.append(
                Token(
                    start,
                    start + len(word),
                    word,
                    base,
                    possessive,
                    capitalised,
                    caps and len(word) > 1,
                )
            )
    return tokens


def test_tokenize_as_before() -> None:
    """Tokens are real ``Token``s with the fields the rules read ("Sam's" -> base "sam")."""
    tokens = tokenize("Sam's CBT with Jo-")
    assert [(t.text, t.base, t.possessive, t.capitalised, t.upper) for t in tokens] == [
        ("Sam's", "sam", True, True, False),
        ("CBT", "cbt", False, False, True),
        ("with", "with", False, False, False),
        ("Jo", "jo", False, True, False),
    ]
    assert all(type(t) is Token for t in tokens) and tokens[0].start == 0
    rng = random.Random(11)
    alphabet = ["Sam", "SAM", "s", "A", "’s", "'", "-", " ", "é", "Ö", "x-", "'s"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert tokenize(text) == _tokenize_before(text), text
