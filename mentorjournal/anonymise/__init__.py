"""Find and replace identifiers in mentors' notes so cases can go to supervision de-identified.

Public API (stable; the export writers and the preview dialog build on it):

- ``Known.from_dict(d)``: what the vault knows about one mentee (contract dict).
- ``find_identifiers(text, known) -> list[Identifier]``: sorted, non-overlapping spans.
- ``Detector(known).find(text)``: the same, with everything compiled once per mentee.
- ``anonymise(text, known, options=, pseudonyms=, keep=, extra=) -> AnonymisedText``.
- ``Anonymiser(options)``: one per export; ``.anonymise(text, known, keep=, extra=)``.
- ``remaining_known_identifiers(text, known)``: for the preview's warning.
See docs/anonymiser.md for the method and its measured accuracy.
"""

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.dates import DateMode
from mentorjournal.anonymise.detector import Detector, find_identifiers
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.known import Known, KnownContact, KnownMentee, KnownPlace
from mentorjournal.anonymise.pseudonyms import PseudonymMap
from mentorjournal.anonymise.redact import (
    AnonymisedText,
    AnonymiseOptions,
    Anonymiser,
    Replacement,
    anonymise,
    remaining_known_identifiers,
)

__all__ = [
    "AnonymiseOptions",
    "AnonymisedText",
    "Anonymiser",
    "Category",
    "DateMode",
    "Detector",
    "Identifier",
    "Known",
    "KnownContact",
    "KnownMentee",
    "KnownPlace",
    "PseudonymMap",
    "Replacement",
    "anonymise",
    "find_identifiers",
    "remaining_known_identifiers",
]
