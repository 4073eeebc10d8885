"""Consistent pseudonyms across one export: the same person or place gets the same label everywhere.

The map is the re-identification key, so it stays inside the vault (GDPR: a pseudonymised export
is still personal data while the key exists); exports carry only the labels.
"""

from __future__ import annotations

import re
import string

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.context_detector import RELATIONS
from mentorjournal.anonymise.identifier import Identifier

#: Role -> (label, numbered): family members are numbered ("Parent 1"), others lettered ("Friend B").
ROLE_LABELS: dict[str, tuple[str, bool]] = {
    "parent": ("Parent", True),
    "sibling": ("Sibling", True),
    "relative": ("Relative", True),
    "child": ("Child", True),
    "friend": ("Friend", False),
    "partner": ("Partner", False),
    "teacher": ("Teacher", False),
    "clinician": ("Clinician", False),
    "worker": ("Worker", False),
    "colleague": ("Colleague", False),
    "neighbour": ("Neighbour", False),
}
ORG_LABELS = {
    "school": "School", "college": "College", "university": "University", "hospital": "Hospital",
    "ward": "Ward", "clinic": "Clinic", "employer": "Employer", "organisation": "Organisation",
}  # fmt: skip
CATEGORY_LABELS = {
    Category.PLACE: "Town",
    Category.ADDRESS: "Address",
    Category.POSTCODE: "Postcode",
    Category.ZIP: "ZIP",
    Category.PHONE: "Phone",
    Category.EMAIL: "Email",
    Category.URL: "URL",
    Category.HANDLE: "Handle",
    Category.ID_NUMBER: "ID number",
}
_TITLE_RE = re.compile(
    r"^(?:dr|doctor|prof|professor|nurse|mr|mrs|ms|miss|mx|sir|dame|rev|coach)\.?\s+", re.I
)


def role_of(relation: str | None) -> str | None:
    """A free-text relation ("Mother", "best friend", "GP") reduced to a pseudonym role."""
    if not relation:
        return None
    words = re.findall(r"[a-z-]+", relation.lower())
    for word in reversed(words):
        if word in RELATIONS:
            return RELATIONS[word]
    return relation.lower() if relation.lower() in ROLE_LABELS else None


def _letter(n: int) -> str:
    letters = string.ascii_uppercase
    return letters[n - 1] if n <= 26 else f"{letters[(n - 1) // 26 - 1]}{letters[(n - 1) % 26]}"


class PseudonymMap:
    """Hands out labels; one instance per export so labels stay consistent across its notes."""

    def __init__(self, mentee_code: str = "Mentee A") -> None:
        self.mentee_code = mentee_code
        self._labels: dict[str, str] = {}
        self._counts: dict[str, int] = {}

    def key_for(self, ident: Identifier, surface: str) -> str:
        """Who this is: the vault's id when known, else the normalised text (first name for people)."""
        if ident.who is not None:
            return (
                ident.who
                if ident.category is Category.NAME
                else f"{ident.who}|{ident.category.value}"
            )
        s = surface.lower().replace("’", "'")
        s = re.sub(r"'s?$", "", s).strip()
        if ident.category is Category.NAME:
            s = _TITLE_RE.sub("", s)
            parts = s.split()
            s = parts[0] if parts else s
        s = re.sub(r"\s+", " ", s)
        return f"{ident.category.value}:{s}"

    def _next(self, prefix: str) -> int:
        self._counts[prefix] = self._counts.get(prefix, 0) + 1
        return self._counts[prefix]

    def _new_label(self, ident: Identifier) -> str:
        if ident.who == "mentee" and ident.category is Category.NAME:
            return self.mentee_code
        if ident.category is Category.NAME:
            role = ident.role if ident.who is None else role_of(ident.role)
            label, numbered = ROLE_LABELS.get(role or "", ("Person", False))
            n = self._next(label)
            return f"{label} {n}" if numbered else f"{label} {_letter(n)}"
        if ident.category is Category.ORGANISATION:
            label = ORG_LABELS.get(ident.role or "", "Organisation")
            n = self._next(label)
            return f"[{label}]" if n == 1 else f"[{label} {n}]"
        label = CATEGORY_LABELS.get(ident.category, ident.category.value)
        n = self._next(label)
        return f"[{label}]" if n == 1 else f"[{label} {n}]"

    def label(self, ident: Identifier, surface: str) -> str:
        """The pseudonym for this mention (names and places only; dates and ages are derived)."""
        key = self.key_for(ident, surface)
        if key not in self._labels:
            self._labels[key] = self._new_label(ident)
        return self._labels[key]

    def mapping(self) -> dict[str, str]:
        """Key -> label; the key to re-identify, to be stored only inside the vault."""
        return dict(self._labels)
