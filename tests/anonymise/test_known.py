"""Known.from_dict accepts the contract's dict with any key missing and rejects wrong shapes."""

from __future__ import annotations

import datetime as dt

import pytest

from mentorjournal.anonymise import Known
from mentorjournal.errors import ValidationError

from .conftest import KNOWN_DICT


def test_full_dict_is_read_field_by_field() -> None:
    known = Known.from_dict(KNOWN_DICT)
    assert known.mentee.first_name == "Samuel"
    assert known.mentee.dob == dt.date(2009, 3, 14)
    assert [c.relation for c in known.contacts] == ["mother", "friend"]
    assert known.places[0].type == "school"


@pytest.mark.parametrize(
    "d", [{}, None, {"mentee": None}, {"mentee": {}}, {"contacts": []}, {"places": None}]
)
def test_any_key_may_be_missing(d: dict[str, object] | None) -> None:
    known = Known.from_dict(d)
    assert known.mentee.names() == ()
    assert known.contacts == ()


def test_unreadable_dob_is_kept_as_text_not_an_error() -> None:
    known = Known.from_dict({"mentee": {"dob": "14th March 2009"}})
    assert known.mentee.dob is None
    assert known.mentee.dob_text == "14th March 2009"


@pytest.mark.parametrize(
    "d",
    [
        {"mentee": "Sam"},
        {"contacts": {"name": "x"}},
        {"contacts": ["x"]},
        {"mentee": {"first_name": ["Sam"]}},
        [1, 2],
    ],
)
def test_wrong_shapes_raise_validation_error(d: object) -> None:
    with pytest.raises(ValidationError):
        Known.from_dict(d)  # type: ignore[arg-type]


def test_contact_keys_are_stable_and_distinct_for_repeated_relations() -> None:
    known = Known.from_dict(
        {
            "contacts": [
                {"name": "A", "relation": "Friend"},
                {"name": "B", "relation": "friend"},
                {"name": "C"},
            ]
        }
    )
    assert known.contact_keys() == ("contact:friend", "contact:friend#2", "contact:contact")


def test_known_is_hashable_so_detectors_can_be_cached_per_mentee() -> None:
    assert hash(Known.from_dict(KNOWN_DICT)) == hash(Known.from_dict(KNOWN_DICT))


def test_a_label_at_a_sentence_end_then_the_pronoun_i_is_not_initials() -> None:
    """A label at a sentence end ("Mentee B. I shared") is not the initials of "Ben Ives"."""
    from mentorjournal.anonymise import find_identifiers

    known = Known.from_dict({"mentee": {"first_name": "Ben", "last_name": "Ives"}})
    assert find_identifiers("It fitted for Mentee B. I shared the plan.", known) == []
    found = find_identifiers("B. I. came in late; later B.I. rang.", known)
    assert [f.category for f in found] == ["name", "name"]
