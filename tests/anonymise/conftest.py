"""Shared values for the anonymiser tests: one invented mentee and their world."""

from __future__ import annotations

from typing import Any

import pytest

from mentorjournal.anonymise import Detector, Known

KNOWN_DICT: dict[str, Any] = {
    "mentee": {
        "legal_name": "Samuel Okonkwo",
        "first_name": "Samuel",
        "last_name": "Okonkwo",
        "preferred_name": "Sammy",
        "dob": "2009-03-14",
        "phone": "07700 900123",
        "email": "sammy.ok@example.com",
    },
    "contacts": [
        {"name": "Adaeze Okonkwo", "relation": "mother", "phone": "+44 7700 900456"},
        {"name": "Tobiah", "relation": "friend"},
    ],
    "places": [
        {"name": "Larkspur Academy", "type": "school"},
        {"name": "Todmorden", "type": "town"},
    ],
}


@pytest.fixture(scope="session")
def known() -> Known:
    return Known.from_dict(KNOWN_DICT)


@pytest.fixture(scope="session")
def detector(known: Known) -> Detector:
    return Detector(known)


def spans_of(text: str, found: list[Any]) -> list[tuple[str, str]]:
    """(surface, category) pairs: readable assertions."""
    return [(text[i.start : i.end], i.category.value) for i in found]


def found_without_known(detector: Detector, text: str) -> list[tuple[str, str]]:
    """What a detector finds in text, as (surface, category) pairs."""
    return spans_of(text, detector.find(text))


def assert_untouched(detector: Detector, text: str, kept: str) -> None:
    """No span the detector finds overlaps the first occurrence of kept."""
    start = text.index(kept)
    end = start + len(kept)
    touched = [t for t in detector.find(text) if t.start < end and start < t.end]
    assert not touched, spans_of(text, touched)
