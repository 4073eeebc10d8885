"""Helpers that replace per-note work with cheaper equivalents must give exactly the same answers."""

from __future__ import annotations

import random
import re

import pytest

from mentorjournal.anonymise.textutil import find_phrases


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
