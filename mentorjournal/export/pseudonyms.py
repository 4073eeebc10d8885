"""One pseudonym map per supervision export: the same person gets the same label everywhere.

The mentee becomes "Mentee A" (B, C... for several mentees), people around them role-based
labels ("Parent A", "Friend B", "Clinician A"), places and organisations bracketed kinds
("[Town]", "[School]", "[School 2]"). Known people are keyed by who they are in the vault,
unknown ones by their normalised name, so "Jo", "JO" and "Jo's" share one label.

The map lives only in memory while an export is prepared; it is never written into an export
or to disk (a pseudonymised export with its key beside it would still be personal data).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from mentorjournal.domain import ContactRole, PlaceKind

#: Labels for the people the vault knows, by their role.
ROLE_LABELS: dict[str, str] = {
    ContactRole.PARENT: "Parent",
    ContactRole.PARTNER: "Partner",
    ContactRole.FRIEND: "Friend",
    ContactRole.SIBLING: "Sibling",
    ContactRole.CLINICIAN: "Clinician",
    ContactRole.TEACHER: "Teacher",
    ContactRole.EMPLOYER: "Employer",
    ContactRole.OTHER: "Person",
    # Context hints the anonymiser may give for people the vault does not know.
    "mother": "Parent",
    "father": "Parent",
    "mum": "Parent",
    "dad": "Parent",
    "brother": "Sibling",
    "sister": "Sibling",
    "doctor": "Clinician",
    "gp": "Clinician",
    "nurse": "Clinician",
    "therapist": "Clinician",
    "boyfriend": "Partner",
    "girlfriend": "Partner",
    "boss": "Employer",
    "manager": "Employer",
    "colleague": "Colleague",
    "tutor": "Teacher",
    "relative": "Relative",
}

#: Bracketed labels for places and organisations, by kind.
PLACE_LABELS: dict[str, str] = {
    PlaceKind.TOWN: "Town",
    PlaceKind.SCHOOL: "School",
    PlaceKind.WORKPLACE: "Employer",
    PlaceKind.HOSPITAL: "Hospital",
    PlaceKind.CLINIC: "Clinic",
    PlaceKind.OTHER: "Place",
    "city": "Town",
    "village": "Town",
    "college": "School",
    "university": "School",
    "employer": "Employer",
    "work": "Employer",
    "ward": "Hospital",
    "organisation": "Organisation",
}

#: Fixed replacements for structured identifiers, by the anonymiser's category value.
CATEGORY_LABELS: dict[str, str] = {
    "phone": "[phone]",
    "email": "[email]",
    "url": "[web address]",
    "handle": "[social handle]",
    "id_number": "[ID number]",
    "address": "[address]",
    "postcode": "[postcode]",
    "zip": "[ZIP]",
}

_POSSESSIVE = re.compile(r"(['’]s?)$", re.IGNORECASE)
_TITLES = re.compile(r"^(dr|mr|mrs|ms|miss|prof|nurse)\.?\s+", re.IGNORECASE)
_AGE_NUMBER = re.compile(r"\d{1,3}")
AGE_BANDS: tuple[tuple[int, int, str], ...] = (
    (0, 12, "under 13"),
    (13, 17, "13–17"),
    (18, 24, "18–24"),
    (25, 34, "25–34"),
    (35, 44, "35–44"),
    (45, 54, "45–54"),
    (55, 64, "55–64"),
    (65, 89, "65–89"),
)


def letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: enough labels for any export."""
    letters = string.ascii_uppercase
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = letters[rest] + name
    return name


def possessive_suffix(original: str) -> str:
    """Keep "'s" after a replaced name so the sentence still reads: "Mentee A's mum"."""
    match = _POSSESSIVE.search(original)
    return match.group(1) if match and len(original) > len(match.group(1)) else ""


def name_key(original: str) -> str:
    """Normalise an unknown name so case, titles and possessives do not make a new person."""
    text = _POSSESSIVE.sub("", original.strip())
    text = _TITLES.sub("", text)
    return " ".join(text.casefold().split())


def age_band(original: str) -> str:
    """ "17", "aged 17", "17-year-old" -> "[age 13–17]"; 90 and over is one band (Safe Harbor)."""
    match = _AGE_NUMBER.search(original)
    if match is None:
        return "[age]"
    age = int(match.group())
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return f"[age {label}]"
    return "[age 90+]"


@dataclass
class PseudonymMap:
    """Assigns and remembers labels for one export (mutable by design, lives in one call)."""

    _labels: dict[tuple[str, ...], str] = field(default_factory=dict)
    _counters: dict[str, int] = field(default_factory=dict)

    def _next(self, family: str) -> int:
        count = self._counters.get(family, 0)
        self._counters[family] = count + 1
        return count

    def mentee(self, mentee_id: str) -> str:
        key = ("mentee", mentee_id)
        if key not in self._labels:
            self._labels[key] = f"Mentee {letter(self._next('Mentee'))}"
        return self._labels[key]

    def person(self, key: tuple[str, ...], role: str | None) -> str:
        """A person: known ones keyed by (mentee id, contact id), others by normalised name."""
        full_key = ("person", *key)
        if full_key not in self._labels:
            label = ROLE_LABELS.get((role or "").casefold(), "Person")
            self._labels[full_key] = f"{label} {letter(self._next(label))}"
        return self._labels[full_key]

    def place(self, key: tuple[str, ...], kind: str | None) -> str:
        """A place or organisation: "[School]", then "[School 2]" for a second, different one."""
        full_key = ("place", *key)
        if full_key not in self._labels:
            label = PLACE_LABELS.get((kind or "").casefold(), "Place")
            number = self._next(label)
            self._labels[full_key] = f"[{label}]" if number == 0 else f"[{label} {number + 1}]"
        return self._labels[full_key]

    def __len__(self) -> int:
        return len(self._labels)
